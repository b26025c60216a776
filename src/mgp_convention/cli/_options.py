"""Options a person types, in French or in English, read with messages in their language.

The commands that write a file (``record``, ``withdraw``, ``new``) take their values as
plain text and read them here, so that every mistake is said in the user's language,
naming the option as they may type it (``--reference-lettre (--letter-reference)``) —
never as argparse's English. Each :class:`Option` has an English flag, an optional
French one, and a *kind* that says how its text is read (:meth:`Option.read`):

========  ===========================================================================
kind      what is accepted
========  ===========================================================================
text      any text (the file format's own limits are checked when the value is used)
label     a breach label: ``B1``, ``B2``… (letters, digits, ``.``, ``_``, ``-``)
choice    a value of a :class:`~mgp_convention.cli._vocabulary.Choices`, French or code
date      ``YYYY-MM-DD`` (a date written ``DD/MM/YYYY`` is answered with its ISO form)
count     a whole number ≥ 1
amount    euros with a dot and at most two decimals: ``180000.00``
duration  months and days: ``2m``, ``15j`` (or ``15d``), ``1m15j``
step      a calendar step ``LABEL=DURATION``: ``déploiement=1m15j``
flag      no value: the option is there or not
========  ===========================================================================

>>> option = Option("--received-on", "--recue-le", "received_on", "date", N_("the date"))
>>> option.read("2026-12-02")
datetime.date(2026, 12, 2)
>>> print(option.read("02/12/2026").render("en"))
--received-on (--recue-le): '02/12/2026' is not a date written YYYY-MM-DD: write 2026-12-02
>>> Option("--x", None, "x", "duration", N_("the date")).read("1m15j")
Duration(months=1, days=15)
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
import textwrap
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any, Final, Literal

import attrs

from mgp_convention.cli._common import error_line
from mgp_convention.cli._parser import speaking_lang
from mgp_convention.cli._vocabulary import Choices, accented
from mgp_convention.errors import ConventionError
from mgp_convention.events import BREACH_LABEL
from mgp_convention.i18n import N_, Lang, Message
from mgp_convention.money import euros
from mgp_convention.schedule import CalendarStep, Duration

__all__ = [
    "WIDTH",
    "Kind",
    "Option",
    "Problem",
    "about",
    "add_options",
    "flag_names",
    "print_lines",
    "quoted",
    "report_lines",
    "say",
    "wrap",
]

#: The width of the text the commands print (a terminal of 80 columns).
WIDTH: Final = 80

Kind = Literal["text", "label", "choice", "date", "count", "amount", "duration", "step", "flag"]

_DAY_FIRST = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")
_DURATION = re.compile(
    r"(?:(?P<months>\d{1,4})\s*(?:m|mois|months?))?\s*"
    r"(?:(?P<days>\d{1,5})\s*(?:j|d|jours?|days?))?"
)


#: Words a line is not broken between: an article and its number (« Art. 12 al. 2 »),
#: the number before « n° ».
_KEEP_TOGETHER: Final = re.compile(
    r"\b(?:Art\.|al\.|n°) \d+(?: al\. \d+)?"  # Art. 12 al. 2, n° 3
    r"|\b\d{1,2}(?:er)? [^\W\d_]+ \d{4}\b"  # 1er mars 2027, 4 January 2027
    r"|\b(?:breach|manquement) [A-Z0-9][A-Za-z0-9._-]*"  # manquement B1
)
_GLUE: Final = "\x00"


def say(lang: Lang, msgid: str, **params: Any) -> str:
    """The message ``msgid`` in ``lang`` (``msgid`` marked with ``N_``)."""
    return Message(msgid, params).render(lang)


def about(lang: Lang, where: str, text: str) -> str:
    """``where: text``, the colon written the language's way (« fichier : texte »)."""
    return say(lang, N_("{where}: {text}"), where=where, text=text)


@attrs.frozen
class Problem:
    """A value of the command line that cannot be used: the message, and whether it
    is a usage error (exit 2) rather than a value the contract refuses (exit 1)."""

    message: Message
    usage: bool = True

    def render(self, lang: Lang) -> str:
        """The problem in ``lang``."""
        return self.message.render(lang)


@attrs.frozen
class _Shown:
    """An option said in a language: its French flag first in French."""

    option: Option

    def label(self, lang: Lang) -> str:
        option = self.option
        if option.french is None:
            return option.english
        other = option.english if lang == "fr" else option.french
        return f"{option.flag(lang)} ({other})"


@attrs.frozen
class Option:
    """An option of a command: its flags, the ``dest`` argparse stores it in, how its
    text is read (``kind``), what it holds (``what``, an English id marked ``N_``).

    ``choices`` for a ``choice``; ``many``: the option may be repeated (a list).
    """

    english: str
    french: str | None
    dest: str
    kind: Kind
    what: str
    choices: Choices[Any] | None = None
    many: bool = False

    @property
    def flags(self) -> tuple[str, ...]:
        """The flags that give the option: English, French, and the French one with its
        accents (``--référence-lettre``)."""
        if self.french is None:
            return (self.english,)
        written = accented(self.french)
        return (
            (self.english, self.french) if written is None else (self.english, self.french, written)
        )

    def flag(self, lang: Lang) -> str:
        """The option's flag in ``lang``: its French one in French, when it has one."""
        return self.french if lang == "fr" and self.french else self.english

    @property
    def shown(self) -> _Shown:
        """The option as a message parameter (said in the message's language)."""
        return _Shown(self)

    def label(self, lang: Lang) -> str:
        """The option in ``lang``: ``--reference-lettre (--letter-reference)``."""
        return self.shown.label(lang)

    def metavar(self, lang: Lang, *, values: bool = False) -> str:
        """The value's placeholder in a usage line; with ``values``, a choice's values
        (``metropole|beneficiaire``)."""
        if values and self.kind == "choice" and self.choices is not None:
            return self.choices.names(lang)
        words = _METAVARS[self.kind]
        return words[0] if lang == "fr" else words[1]

    def read(self, text: Any) -> Any:
        """The value of ``text``, or a :class:`Problem` saying what is wrong with it."""
        if self.kind == "flag":
            return text
        if self.kind == "text":
            return text if text.strip() else self._problem(N_("{option}: the text is empty"))
        reader = getattr(self, f"_read_{self.kind}")
        value: Any = reader(text)
        return value

    def _problem(self, msgid: str, **params: Any) -> Problem:
        return Problem(Message(msgid, {"option": self.shown, **params}))

    def _read_label(self, text: str) -> Any:
        if BREACH_LABEL.fullmatch(text):
            return text
        return self._problem(
            N_(
                "{option}: {value} is not a breach label: up to 16 letters, digits, '.', "
                "'_' or '-', e.g. B1"
            ),
            value=quoted(text),
        )

    def _read_choice(self, text: str) -> Any:
        assert self.choices is not None  # noqa: S101 - a choice has its choices
        found = self.choices.find(text)
        if found is not None:
            return found
        return self._problem(
            N_("{option}: unknown value {value}; the values are: {values}"),
            value=quoted(text),
            values=_Listing(self.choices),
        )

    def _read_date(self, text: str) -> Any:
        try:
            if len(text) == 10:
                return dt.date.fromisoformat(text)
        except ValueError:
            pass
        day_first = _DAY_FIRST.fullmatch(text.strip())
        if day_first:
            day, month, year = (int(part) for part in day_first.groups())
            try:
                iso = dt.date(year, month, day).isoformat()
            except ValueError:
                pass
            else:
                return self._problem(
                    N_("{option}: {value} is not a date written YYYY-MM-DD: write {iso}"),
                    value=quoted(text),
                    iso=iso,
                )
        return self._problem(
            N_("{option}: {value} is not a date written YYYY-MM-DD, e.g. 2026-12-02"),
            value=quoted(text),
        )

    def _read_count(self, text: str) -> Any:
        stripped = text.strip()
        if stripped.isascii() and stripped.isdigit() and 0 < int(stripped) < 10_000:
            return int(stripped)
        return self._problem(
            N_("{option}: {value} is not a whole number from 1 to 9999"), value=quoted(text)
        )

    def _read_amount(self, text: str) -> Any:
        try:
            amount: Decimal = euros(text, field=self.english)
        except ConventionError:
            return self._problem(
                N_(
                    "{option}: {value} is not an amount in euros: digits with a dot and at "
                    "most two decimals, e.g. 180000.00"
                ),
                value=quoted(text),
            )
        if amount < 0:
            return self._problem(
                N_("{option}: {value} is negative: an amount is ≥ 0"), value=quoted(text)
            )
        return amount

    def _read_duration(self, text: str) -> Any:
        found = _DURATION.fullmatch(text.strip().casefold())
        if found and any(found.groups()):
            months, days = (int(part or 0) for part in (found["months"], found["days"]))
            if months or days:
                try:
                    return Duration(months=months, days=days)
                except ConventionError:
                    pass
        return self._problem(
            N_("{option}: {value} is not a duration such as 2m, 15d or 1m15d"),
            value=quoted(text),
        )

    def _read_step(self, text: str) -> Any:
        label, equals, duration = text.rpartition("=")
        if equals and label.strip():
            value = self._read_duration(duration)
            if isinstance(value, Duration):
                try:
                    return CalendarStep(label.strip(), value)
                except ConventionError:
                    pass
        return self._problem(
            N_("{option}: {value} is not a step written LABEL=DURATION, e.g. deployment=1m15d"),
            value=quoted(text),
        )


_METAVARS: Final[dict[Kind, tuple[str, str]]] = {
    "text": ("TEXTE", "TEXT"),
    "label": ("B1", "B1"),
    "choice": ("VALEUR", "VALUE"),
    "date": ("AAAA-MM-JJ", "YYYY-MM-DD"),
    "count": ("N", "N"),
    "amount": ("MONTANT", "AMOUNT"),
    "duration": ("DURÉE", "DURATION"),
    "step": ("LIBELLÉ=DURÉE", "LABEL=DURATION"),
    "flag": ("", ""),
}


@attrs.frozen
class _Quoted:
    """A value the user typed, quoted the language's way: « x » or 'x'."""

    text: str

    def label(self, lang: Lang) -> str:
        from mgp_convention.printable import printable  # noqa: PLC0415

        shown = printable(self.text if len(self.text) <= 60 else self.text[:59] + "…")
        return f"« {shown} »" if lang == "fr" else f"'{shown}'"


def quoted(text: str) -> _Quoted:
    """A value the user typed, as a message parameter: « x » in French, 'x' in English."""
    return _Quoted(text)


@attrs.frozen
class _Listing:
    """Every value of a :class:`Choices`, said in a language."""

    choices: Choices[Any]

    def label(self, lang: Lang) -> str:
        return self.choices.listing(lang)


def flag_names(options: Iterable[Option], lang: Lang) -> str:
    """Options listed in ``lang``, separated by commas."""
    return ", ".join(option.label(lang) for option in options)


def add_options(parser: argparse.ArgumentParser | Any, options: Iterable[Option]) -> None:
    """Declare ``options`` on ``parser`` (or an argument group), as plain text read
    later by :meth:`Option.read`; a flag stores ``True``; nothing given is ``None``.

    The help says them in the command line's language (:func:`speaking_lang`): the
    flag of that language first, then the other, and the value's placeholder in that
    language (``--reference-lettre, --letter-reference TEXTE``). The French flag with
    its accents (``--référence-lettre``) is accepted too, and left out of the help."""
    lang: Lang = speaking_lang() or "en"
    for option in options:
        help_text = option.what.replace("%", "%%")
        shown = [flag for flag in (option.english, option.french) if flag]
        if lang == "fr":
            shown.reverse()
        hidden = [flag for flag in option.flags if flag not in shown]
        for flags, text in ((shown, help_text), (hidden, argparse.SUPPRESS)):
            if not flags:
                continue
            if option.kind == "flag":
                parser.add_argument(
                    *flags, dest=option.dest, action="store_const", const=True, help=text
                )
            else:
                parser.add_argument(
                    *flags,
                    dest=option.dest,
                    metavar=option.metavar(lang),
                    action="append" if option.many else "store",
                    help=text,
                )


def wrap(text: str, indent: str = "", width: int = WIDTH, hang: str | None = None) -> list[str]:
    """``text`` in lines of at most ``width`` columns, continued lines indented by
    ``hang`` (default: two more columns than ``indent``); words (dates, references,
    file names) are never cut."""
    kept = _KEEP_TOGETHER.sub(lambda found: found[0].replace(" ", _GLUE), text)
    lines = textwrap.wrap(
        kept,
        width=width,
        initial_indent=indent,
        subsequent_indent=indent + "  " if hang is None else hang,
        break_long_words=False,
        break_on_hyphens=False,
    )
    return [line.replace(_GLUE, " ") for line in lines] or [indent.rstrip()]


def print_lines(lines: Sequence[str]) -> None:
    """Print ``lines`` on stdout."""
    sys.stdout.write("".join(line + "\n" for line in lines))


def report_lines(lang: Lang, texts: Iterable[str]) -> None:
    """Print each text on stderr as an error, one line each: ``erreur : …`` /
    ``error: …``."""
    for text in texts:
        error_line(say(lang, N_("error: {text}"), text=text))
