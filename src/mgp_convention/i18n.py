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
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any, Final, Protocol, runtime_checkable

import attrs

from mgp_convention._catalogue import (
    DEFAULT_LANG,
    DOMAIN,
    LANG_ENV,
    LANGS,
    LOCALE_DIR,
    N_,
    NP_,
    Lang,
    check_lang,
    gettext_in,
    lang_from_environment,
    ngettext_in,
)

__all__ = [
    "DEFAULT_LANG",
    "DOMAIN",
    "LANGS",
    "LANG_ENV",
    "LOCALE_DIR",
    "NP_",
    "N_",
    "Labelled",
    "Lang",
    "Message",
    "check_lang",
    "format_amount",
    "format_date",
    "format_day",
    "format_number",
    "format_short_date",
    "gettext_in",
    "lang_from_environment",
    "ngettext_in",
    "render",
    "semicolons",
]

#: The Babel locale of each language: French of France, English with day-month order.
_BABEL_LOCALE: Final[Mapping[Lang, str]] = {"fr": "fr_FR", "en": "en_GB"}


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


def format_short_date(day: dt.date, lang: Lang = DEFAULT_LANG) -> str:
    """``day`` in digits, as each language writes it in a table: « 21/12/2026 »
    (Babel's short format, with the year in full)."""
    from babel.dates import format_date as babel_format_date  # noqa: PLC0415 - costly import

    text: str = babel_format_date(day, "dd/MM/y", locale=_BABEL_LOCALE[check_lang(lang)])
    return text


def format_number(number: int, lang: Lang = DEFAULT_LANG) -> str:
    """A whole number with the language's grouping: « 1 200 » (a narrow no-break
    space), "1,200"; below a thousand, the digits alone.

    >>> format_number(1200, "en"), format_number(999, "fr")
    ('1,200', '999')
    """
    if -1000 < number < 1000:
        return str(number)
    from babel.numbers import format_decimal  # noqa: PLC0415 - costly import

    text: str = format_decimal(number, locale=_BABEL_LOCALE[check_lang(lang)])
    return text


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


@runtime_checkable
class Said(Protocol):
    """A value that says itself in each language (an error of the package, a problem)."""

    def render(self, lang: Lang) -> str:
        """The text in ``lang``."""
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
    if isinstance(value, int) and not isinstance(value, bool):
        return format_number(value, lang)
    if isinstance(value, Said):
        return value.render(lang)
    return value


@attrs.frozen
class Message:
    """A text for a person, said in a language only when it is shown.

    ``msgid`` is the English text with ``{name}`` placeholders (marked with :func:`N_`);
    ``params`` their values: a date is written out (:func:`format_date`), an amount in
    euros (:func:`format_amount`), a whole number with the language's grouping
    (:func:`format_number`: write ``{count}``, never ``{count:,}``), a
    :class:`Labelled` value by its label, a nested :class:`Message` rendered in the
    same language. With ``plural`` and ``count`` (the
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


def semicolons(texts: Iterable[str], lang: Lang = DEFAULT_LANG) -> str:
    """``texts`` one after the other, separated by « ; » (in French, with its space before).

    >>> semicolons(["a", "b", "c"], "fr"), semicolons(["a", "b"], "en")
    ('a ; b ; c', 'a; b')
    """
    said, *more = texts
    for next_one in more:
        said = Message(N_("{said}; {more}"), {"said": said, "more": next_one}).render(lang)
    return said
