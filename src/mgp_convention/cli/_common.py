"""What the sub-commands share: exit codes, argument types, error printing, JSON output.

Every text from a file or a file name is printed through
:func:`~mgp_convention.printable.printable` (:func:`report`, :func:`error_line`): a
file cannot act on the terminal that shows its problems.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from mgp_convention import today_in_paris
from mgp_convention.cli._parser import translate
from mgp_convention.convention import Convention
from mgp_convention.errors import ConventionError, LoadError
from mgp_convention.files import read_stream
from mgp_convention.i18n import LANGS, N_, NP_, Lang, Message, lang_from_environment
from mgp_convention.io import LoadedFile, read_file, read_text
from mgp_convention.printable import printable, printable_path

__all__ = [
    "EXIT_INVALID",
    "EXIT_OK",
    "EXIT_USAGE",
    "UsageError",
    "add_lang",
    "add_on",
    "date_argument",
    "duplicate_lines",
    "error_line",
    "error_text",
    "lang_of",
    "on_or_today",
    "print_json",
    "read_convention",
    "read_loaded",
    "report",
    "today_in_paris",
]

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2


class UsageError(ConventionError):
    """A command line that cannot be run as written (exit code 2)."""


def date_argument(text: str) -> dt.date:
    """An argparse ``type=`` for a ``YYYY-MM-DD`` date (its error in the command line's
    language)."""
    try:
        if len(text) != 10:
            raise ValueError(text)
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            translate(
                N_("invalid date {text}: expected YYYY-MM-DD, e.g. 2026-03-28"), text=repr(text)
            )
        ) from None


def error_line(text: str) -> None:
    """Print one line on stderr, made printable; nothing when stderr is closed or full
    (the exit status still tells)."""
    stream = sys.stderr
    if stream is None:
        return
    try:
        stream.write(printable(text) + "\n")
        stream.flush()
    except (OSError, ValueError):
        pass


def add_lang(parser: argparse.ArgumentParser) -> None:
    """Add ``--lang fr|en`` (default: ``MGP_CONVENTION_LANG``, then the locale, then
    French). The main parser has it too: not given here, the main parser's value (or
    the environment's) is kept."""
    parser.add_argument(
        "--lang",
        choices=LANGS,
        default=argparse.SUPPRESS,
        help=N_(
            "the language of the text: fr or en (default: MGP_CONVENTION_LANG, then "
            "LC_ALL, LC_MESSAGES, LANG; French when none says English)"
        ),
    )


def add_on(parser: argparse.ArgumentParser | argparse._ArgumentGroup, text: str) -> None:
    """Add ``--on DATE``, a ``YYYY-MM-DD`` date (:func:`date_argument`). Its default is
    ``None``: the command takes today in Europe/Paris when it runs, never at import.
    ``text`` is the help, an ``N_`` text saying what the date is for."""
    parser.add_argument(
        "--on", type=date_argument, default=None, metavar=translate(N_("DATE")), help=text
    )


def on_or_today(args: argparse.Namespace) -> dt.date:
    """The date given with ``--on`` (:func:`add_on`), or today in Europe/Paris."""
    on: dt.date | None = args.on
    return on if on is not None else today_in_paris()


def duplicate_lines(duplicates: Mapping[str, Sequence[Path]], lang: Lang) -> list[str]:
    """One line per reference held by several files of a folder, in ``lang``, as text
    (:mod:`mgp_convention.printable`): « 2 fichiers portent la référence … : a, b »."""
    return [
        Message.counted(
            NP_(
                "{count} file holds the reference {reference}: {files}",
                "{count} files hold the reference {reference}: {files}",
            ),
            "count",
            {
                "count": len(files),
                "reference": printable(reference),
                "files": ", ".join(printable_path(file) for file in files),
            },
        ).render(lang)
        for reference, files in duplicates.items()
    ]


def lang_of(args: argparse.Namespace) -> Lang:
    """The language chosen for this run: ``--lang``, else the environment's."""
    chosen: Lang | None = getattr(args, "lang", None)
    return chosen if chosen is not None else lang_from_environment()


def error_text(text: str, lang: Lang) -> str:
    """``text`` as an error line: « erreur : … », "error: …"."""
    return Message(N_("error: {problem}"), {"problem": text}).render(lang)


def report(err: ConventionError, *, source: str | None = None, lang: Lang | None = None) -> None:
    """Print an error on stderr in ``lang`` (default: the environment's): one line per
    problem, no traceback; a :class:`~mgp_convention.errors.LoadError` that left
    problems out ends with ``… and N more problems``.

    ``source`` (a file name) starts each line when given.
    """
    lang = lang if lang is not None else lang_from_environment()
    names_its_file = err.field is not None and not err.field.startswith("$")
    where = f"{printable_path(source)}: " if source and not names_its_file else ""
    problems = err.problems if isinstance(err, LoadError) else (err,)
    for problem in problems:
        error_line(error_text(where + problem.render(lang), lang))
    more = err.more_line(lang) if isinstance(err, LoadError) else None
    if more:
        error_line(error_text(where + more, lang))


def print_json(data: Any) -> None:
    """Print ``data`` as indented UTF-8 JSON on stdout."""
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def read_loaded(name: str, lang: Lang | None = None) -> LoadedFile:
    """Read the convention file ``name`` (``-`` for stdin, named in ``lang`` in an
    error), of any version the package reads; at most
    :func:`~mgp_convention.files.max_file_bytes` either way."""
    if name == "-":
        lang = lang if lang is not None else lang_from_environment()
        stdin = Message(N_("standard input")).render(lang)
        return read_text(read_stream(sys.stdin, name=stdin))
    return read_file(name)


def read_convention(name: str, lang: Lang | None = None) -> Convention:
    """Load the convention file ``name`` (``-`` for stdin); see :func:`read_loaded`."""
    return read_loaded(name, lang).convention
