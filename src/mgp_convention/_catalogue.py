"""The gettext catalogues and the choice of a language, without the rest of :mod:`.i18n`.

What the command line needs before it knows which command it runs: the language the
environment asks for, and a message id said in a language. Nothing here imports more
than :mod:`gettext` (no attrs, no Babel), so that ``mgp-convention --version`` and
``--help`` stay close to the interpreter's start-up. :mod:`mgp_convention.i18n`
re-exports every name; import them from there.
"""

from __future__ import annotations

import functools
import gettext
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Final, Literal

__all__ = [
    "DEFAULT_LANG",
    "DOMAIN",
    "LANGS",
    "LANG_ENV",
    "LOCALE_DIR",
    "NP_",
    "N_",
    "Lang",
    "check_lang",
    "gettext_in",
    "lang_from_environment",
    "ngettext_in",
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
