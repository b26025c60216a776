"""``mgp-convention report DIR [-o OUT.html] [--on DATE] [--lang fr|en] [--force]``: the
portfolio as one HTML page that opens anywhere."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from mgp_convention.cli._common import (
    EXIT_INVALID,
    EXIT_OK,
    UsageError,
    add_lang,
    add_on,
    duplicate_lines,
    error_line,
    error_text,
    lang_of,
    on_or_today,
)
from mgp_convention.cli._parser import translate
from mgp_convention.i18n import N_, Lang, Message
from mgp_convention.printable import printable_path

if TYPE_CHECKING:
    from mgp_convention.report.data import ReportData

__all__ = ["add_output", "output_path", "register", "tell_failures", "write_output"]

_DESCRIPTION: Final = N_(
    "Write the conventions of a folder as one self-contained HTML page: a summary, a "
    "timeline of every convention, the table of the portfolio, and a section per "
    "convention with its status, history and legal dates, each with its article."
)
_EPILOG: Final = N_(
    "The page is one file: its styles and its pictures (the timeline is SVG drawn on the "
    "server side) are inside it, and it loads nothing — no script, no font, no network. "
    "It opens from a file share or as an e-mail attachment, and prints on A4 landscape.\n"
    "\n"
    "What it shows, in French unless --lang en: a summary (conventions per state, the "
    "overdue ones, the legal dates of the next 30 days), a timeline with one line per "
    "convention, the table of the portfolio (the rows of `portfolio`, by urgency), then a "
    "section per convention (its status, breaches, legal dates, history, pending events "
    "and advisories, each with its article), and the files that could not be used.\n"
    "\n"
    "The file is written atomically (a temporary file in the same folder, synced, "
    "renamed); an existing file is replaced only with --force (the default name carries "
    "the date, so that each week's report is kept). With -o -, the page is written to "
    "standard output.\n"
    "\n"
    "exit status:\n"
    "  0  written, every file of the folder used\n"
    "  1  written, but a file could not be used (it is listed in the page and on\n"
    "     stderr), or two files hold the same reference\n"
    "  2  usage error (not a folder, a malformed date, an existing output without\n"
    "     --force, cannot write)\n"
    "\n"
    "examples:\n"
    "  mgp-convention report examples/ --on 2026-11-28\n"
    "  mgp-convention report /partage/conventions -o rapport.html --force"
)


def add_output(parser: argparse.ArgumentParser, *, suffix: str, default: str) -> None:
    """Add the folder, ``-o``, ``--force``, ``--on`` and ``--lang``, as ``report`` and
    ``export`` share them."""
    parser.add_argument(
        "folder", metavar=translate(N_("DIR")), help=N_("the folder of convention files")
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar=translate(N_("OUT")) + suffix,
        default=None,
        help=translate(
            N_(
                "the file to write, - for standard output (default: {default} in the "
                "current folder, DATE being --on)"
            ),
            default=default,
        ),
    )
    parser.add_argument("--force", action="store_true", help=N_("replace the output if it exists"))
    add_on(parser, N_("the date to evaluate, YYYY-MM-DD (default: today in Europe/Paris)"))
    add_lang(parser)


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    """Add ``report`` to the command line."""
    parser = subparsers.add_parser(
        "report",
        help=N_(
            "write the portfolio as one HTML page that opens anywhere (summary, timeline, "
            "table, each convention)"
        ),
        description=_DESCRIPTION,
        epilog=_EPILOG,
    )
    add_output(parser, suffix=".html", default="rapport-DATE.html")
    parser.set_defaults(run=_run)


def output_path(args: argparse.Namespace, default: str) -> Path | None:
    """Where to write: ``-o``, else ``default``; ``None`` for standard output (``-o -``).
    An existing file without ``--force`` is a usage error, found before any work."""
    if args.output == "-":
        return None
    path = Path(args.output or default)
    if path.exists() and not args.force:
        raise UsageError(
            Message(
                N_("{file} already exists: add --force to replace it"),
                {"file": printable_path(path)},
            )
        )
    return path


def write_output(data: bytes, path: Path | None, *, overwrite: bool) -> None:
    """Write ``data`` to ``path`` atomically (:func:`mgp_convention.files.write_atomic`),
    or to standard output; print the path written."""
    if path is None:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    from mgp_convention.errors import FileWriteError  # noqa: PLC0415 - when it runs
    from mgp_convention.files import write_atomic  # noqa: PLC0415

    try:
        write_atomic(path, data, overwrite=overwrite)
    except FileWriteError as err:  # it names the file and says why; nothing was changed
        raise UsageError(err.text, field=err.field, article=err.article) from None
    print(printable_path(path))


def tell_failures(data: ReportData, lang: Lang) -> bool:
    """Print on stderr each file that could not be used (one line per problem) and each
    reference held by several files, as text (:mod:`mgp_convention.printable`); whether
    there was any."""
    for failure in data.failures:
        for problem in failure.problems:
            where = f"{printable_path(failure.file)}: {problem.render(lang)}"
            error_line(error_text(where, lang))
    duplicates = data.portfolio.duplicates
    for text in duplicate_lines(duplicates, lang):
        error_line(error_text(text, lang))
    return bool(data.failures or duplicates)


def folder_of(args: argparse.Namespace) -> Path:
    """The folder named on the command line; not a folder is a usage error."""
    folder = Path(args.folder)
    if not folder.is_dir():
        raise UsageError(
            Message(N_("{folder} is not a folder"), {"folder": repr(printable_path(folder))})
        )
    return folder


def _run(args: argparse.Namespace) -> int:
    from mgp_convention.report.data import report_data  # noqa: PLC0415 - when it runs
    from mgp_convention.report.page import html_bytes  # noqa: PLC0415

    folder = folder_of(args)
    on = on_or_today(args)
    lang = lang_of(args)
    path = output_path(args, f"rapport-{on.isoformat()}.html")
    data = report_data(folder, on)
    write_output(html_bytes(data, lang, source=str(args.folder)), path, overwrite=args.force)
    return EXIT_INVALID if tell_failures(data, lang) else EXIT_OK
