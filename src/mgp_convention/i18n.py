"""Words for people: the language of a text, its translations, dates and amounts.

People read French (the default) or English; programs read stable codes. Every text
the package shows a person goes through this module:

- :class:`Message` is a text *to be said*: an English message id, marked for
  extraction with :func:`N_`, and its parameters. It is rendered in a language only
  when it is shown (:meth:`Message.render`), so the library computes once and the
  caller chooses the language; nothing global changes between calls.
- The translations are gettext catalogues (``locale/<lang>/LC_MESSAGES/mgp_convention``),
  managed with Babel (extraction, update, compilation: see ``docs/translating.md``).
  Until a catalogue is compiled, the message id itself is shown.
- Dates and amounts are formatted by Babel for the locale: « samedi 28 novembre 2026 »,
  « 180 000,00 € »; "Saturday 28 November 2026", "€180,000.00".

>>> import datetime as dt
>>> format_date(dt.date(2026, 11, 28), "fr"), format_date(dt.date(2027, 1, 1), "fr")
('samedi 28 novembre 2026', 'vendredi 1er janvier 2027')
>>> format_date(dt.date(2026, 11, 28), "en")
'Saturday 28 November 2026'
>>> from decimal import Decimal
>>> format_amount(Decimal("180000.00"), "en")
'€180,000.00'
>>> Message(N_("the period ends on {day}"), {"day": dt.date(2027, 1, 4)}).render("en")
'the period ends on Monday 4 January 2027'
"""

from __future__ import annotations

import datetime as dt
import functools
import gettext
import os
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any, Final, Literal, Protocol, runtime_checkable

import attrs

__all__ = [
    "DEFAULT_LANG",
    "LANGS",
    "LANG_ENV",
    "NP_",
    "N_",
    "Labelled",
    "Lang",
    "Message",
    "check_lang",
    "format_amount",
    "format_date",
    "format_day",
    "gettext_in",
    "lang_from_environment",
    "ngettext_in",
    "render",
]

Lang = Literal["fr", "en"]
#: The languages of the package, the default first.
LANGS: Final[tuple[Lang, ...]] = ("fr", "en")
DEFAULT_LANG: Final[Lang] = "fr"
#: The environment variable that chooses the language before the locale variables.
LANG_ENV: Final = "MGP_CONVENTION_LANG"

#: The gettext domain of the package and the folder of its compiled catalogues.
DOMAIN: Final = "mgp_convention"
LOCALE_DIR: Final = Path(__file__).parent / "locale"

#: The Babel locale of each language: French of France, English with day-month order.
_BABEL_LOCALE: Final[Mapping[Lang, str]] = {"fr": "fr_FR", "en": "en_GB"}


def check_lang(lang: object) -> Lang:
    """``lang`` if it is ``"fr"`` or ``"en"``; anything else is refused, rather than read
    as one of them.

    >>> check_lang("en")
    'en'
    >>> check_lang("EN")
    Traceback (most recent call last):
    ...
    mgp_convention.errors.InvalidValue: lang: expected 'fr' or 'en', not 'EN'
    """
    if lang == "fr" or lang == "en":  # noqa: PLR1714 - narrows the type for mypy
        return lang
    from mgp_convention.errors import InvalidValue  # noqa: PLC0415 - errors imports i18n

    raise InvalidValue(f"expected 'fr' or 'en', not {lang!r}", field="lang")


def lang_from_environment(environ: Mapping[str, str] | None = None) -> Lang:
    """The language the environment asks for: :data:`LANG_ENV`, then ``LC_ALL``,
    ``LC_MESSAGES``, ``LANG`` (the first one set and not empty decides); French when
    none says English (the ``C`` and ``POSIX`` locales included).

    >>> lang_from_environment({"LANG": "en_US.UTF-8"})
    'en'
    >>> lang_from_environment({"LC_ALL": "C", "LANG": "en_GB.UTF-8"})
    'fr'
    >>> lang_from_environment({"MGP_CONVENTION_LANG": "fr", "LANG": "en_GB.UTF-8"})
    'fr'
    """
    env = os.environ if environ is None else environ
    for name in (LANG_ENV, "LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "").strip()
        if value:
            return "en" if value.lower().startswith("en") else DEFAULT_LANG
    return DEFAULT_LANG


# --- translations (gettext catalogues) ------------------------------------------------


@functools.cache
def _translations(lang: Lang) -> gettext.NullTranslations:
    return gettext.translation(DOMAIN, LOCALE_DIR, languages=[lang], fallback=True)


def gettext_in(lang: Lang, msgid: str) -> str:
    """``msgid`` translated into ``lang`` (the id itself when no translation is known)."""
    return _translations(check_lang(lang)).gettext(msgid)


def ngettext_in(lang: Lang, singular: str, plural: str, n: int) -> str:
    """The singular or plural form for ``n``, in ``lang`` (the catalogue's plural rule:
    French takes the singular for 0 and 1)."""
    return _translations(check_lang(lang)).ngettext(singular, plural, n)


def N_(msgid: str) -> str:  # noqa: N802 - the usual gettext marker name
    """Mark ``msgid`` for extraction, without translating it now."""
    return msgid


def NP_(singular: str, plural: str) -> tuple[str, str]:  # noqa: N802 - a gettext marker
    """Mark a singular and a plural form for extraction (``Message.counted``)."""
    return singular, plural


# --- dates and amounts (Babel) --------------------------------------------------------


def format_date(day: dt.date, lang: Lang = DEFAULT_LANG) -> str:
    """``day`` in words, with its weekday: « vendredi 1er janvier 2027 »,
    "Monday 4 January 2027" (Babel's CLDR names; the French « 1er » for the first day
    of a month, as legal texts write it)."""
    from babel.dates import format_date as babel_format_date  # noqa: PLC0415 - costly import

    lang = check_lang(lang)
    text: str = babel_format_date(day, "EEEE d MMMM y", locale=_BABEL_LOCALE[lang])
    if lang == "fr" and day.day == 1:
        weekday, _, rest = text.partition(" 1 ")
        text = f"{weekday} 1er {rest}"
    return text


def format_day(day: dt.date, lang: Lang = DEFAULT_LANG) -> str:
    """``day`` without its weekday: « 1er janvier 2027 », "4 January 2027"."""
    return format_date(day, lang).partition(" ")[2]


def format_amount(amount: Decimal, lang: Lang = DEFAULT_LANG) -> str:
    """An amount in euros for ``lang``: « 180 000,00 € », "€180,000.00"."""
    from babel.numbers import format_currency  # noqa: PLC0415 - costly import

    text: str = format_currency(amount, "EUR", locale=_BABEL_LOCALE[check_lang(lang)])
    return text


# --- messages ------------------------------------------------------------------------


@runtime_checkable
class Labelled(Protocol):
    """A value that has a label for people in each language (a state, an obligation…)."""

    def label(self, lang: Lang) -> str:
        """The label in ``lang``."""
        ...  # pragma: no cover - a protocol


def _shown(value: Any, lang: Lang) -> Any:
    """A parameter of a message as it is said in ``lang``."""
    if isinstance(value, Message):
        return value.render(lang)
    if isinstance(value, Labelled):
        return value.label(lang)
    if isinstance(value, dt.datetime):  # pragma: no cover - dates are civil dates
        return value.isoformat()
    if isinstance(value, dt.date):
        return format_date(value, lang)
    if isinstance(value, Decimal):
        return format_amount(value, lang)
    return value


@attrs.frozen
class Message:
    """A text for a person, said in a language only when it is shown.

    ``msgid`` is the English text with ``{name}`` placeholders (marked with :func:`N_`);
    ``params`` their values: a date is written out (:func:`format_date`), an amount in
    euros (:func:`format_amount`), a :class:`Labelled` value by its label, a nested
    :class:`Message` rendered in the same language. With ``plural`` and ``count`` (the
    name of the parameter that counts), the form follows the language's plural rule.
    """

    msgid: str
    params: Mapping[str, Any] = attrs.field(factory=dict)
    plural: str | None = None
    count: str | None = None

    @classmethod
    def counted(cls, forms: tuple[str, str], count: str, params: Mapping[str, Any]) -> Message:
        """A message whose form follows the number ``params[count]``; ``forms`` from
        :func:`NP_`: ``Message.counted(NP_("{n} day", "{n} days"), "n", {"n": 3})``."""
        return cls(forms[0], params, plural=forms[1], count=count)

    def render(self, lang: Lang = DEFAULT_LANG) -> str:
        """The text in ``lang``."""
        if self.plural is not None and self.count is not None:
            template = ngettext_in(lang, self.msgid, self.plural, int(self.params[self.count]))
        else:
            template = gettext_in(lang, self.msgid)
        if not self.params:
            return template
        return template.format_map({k: _shown(v, lang) for k, v in self.params.items()})

    def __str__(self) -> str:
        return self.render("en")


def render(text: Message | str, lang: Lang = DEFAULT_LANG) -> str:
    """``text`` in ``lang``: a :class:`Message` rendered, a plain string as it is."""
    return text.render(lang) if isinstance(text, Message) else text
