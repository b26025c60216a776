"""``mgp-convention calendar FILE|DIR [-o OUT.ics] [--on DATE]``: the legal dates as iCalendar."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from pathlib import Path
from typing import Any

from mgp_convention.cli._common import (
    EXIT_INVALID,
    EXIT_OK,
    UsageError,
    add_lang,
    date_argument,
    error_line,
    error_text,
    lang_of,
    report,
    today_in_paris,
)
from mgp_convention.cli._parser import translate
from mgp_convention.convention import Convention
from mgp_convention.errors import ConventionError
from mgp_convention.files import write_atomic
from mgp_convention.i18n import N_, Lang, Message
from mgp_convention.ical import build_calendar
from mgp_convention.io import load_folder, load_path
from mgp_convention.lifecycle import Lifecycle
from mgp_convention.printable import printable_path

_EPILOG = N_(
    "Every legal date is an all-day event with its article quoted in the description, "
    "and a UID made from the convention's reference and the date's meaning (not its "
    "value): import the file again after an amendment and the calendar moves the event "
    "rather than adding a second one. A date that no longer applies is exported as "
    "cancelled. The titles and descriptions are in the language of --lang.\n"
    "\n"
    "DTSTAMP is the time of the export (now, in UTC), or SOURCE_DATE_EPOCH when that "
    "environment variable is set (for reproducible files).\n"
    "\n"
    "With -o, the file is written whole or not at all (a temporary file in the same "
    "folder, then renamed): a full disk or an interruption leaves the previous file as "
    "it was.\n"
    "\n"
    "Exit status: 0 when every convention was exported; 1 when a file could not be used "
    "(the others are still exported, the errors are printed on stderr) or the output "
    "could not be written; 2 usage error.\n"
    "\n"
    "examples:\n"
    "  mgp-convention calendar examples/ -o conventions.ics\n"
    "  mgp-convention calendar ma-convention.json --on 2027-03-01 > ma-convention.ics"
)


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    """Add ``calendar`` to the command line."""
    parser = subparsers.add_parser(
        "calendar",
        help=N_("export every legal date as an iCalendar (.ics) file"),
        description=N_(
            "Export the legal dates of a convention file, or of every convention file "
            "(*.json) of a folder, as an iCalendar file: effective date, planned start, "
            "deployment steps, end of the period of use, evaluation deadline, remedy "
            "deadlines, end date…"
        ),
        epilog=_EPILOG,
    )
    parser.add_argument(
        "source",
        metavar=translate(N_("FILE|DIR")),
        help=N_("a convention file, or a folder"),
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar=translate(N_("OUT.ics")),
        default=None,
        help=N_("the file to write (default: standard output)"),
    )
    parser.add_argument(
        "--on",
        type=date_argument,
        default=None,
        metavar=translate(N_("DATE")),
        help=N_(
            "count the events dated up to that date, YYYY-MM-DD (default: today in Europe/Paris)"
        ),
    )
    add_lang(parser)
    parser.set_defaults(run=_run)


def export_time() -> dt.datetime:
    """Now in UTC, or ``SOURCE_DATE_EPOCH`` (seconds since 1970) when it is set."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        try:
            return dt.datetime.fromtimestamp(int(epoch), dt.UTC)
        except (ValueError, OverflowError, OSError):
            raise UsageError(
                Message(
                    N_("SOURCE_DATE_EPOCH={value} is not a number of seconds since 1970"),
                    {"value": repr(epoch)},
                )
            ) from None
    return dt.datetime.now(dt.UTC)


def _conventions(source: Path, lang: Lang) -> tuple[list[tuple[Path, Convention]], bool]:
    """The conventions of ``source`` (a file or a folder), and whether any file failed."""
    if not source.is_dir():
        return [(source, load_path(source))], False
    load = load_folder(source)
    for path, error in load.failed:
        report(error, source=str(path), lang=lang)
    return list(load.loaded), bool(load.failed)


def _run(args: argparse.Namespace) -> int:
    lang = lang_of(args)
    on = args.on if args.on is not None else today_in_paris()
    stamp = export_time()
    source = Path(args.source)
    conventions, failed = _conventions(source, lang)
    lifecycles: list[Lifecycle] = []
    seen: dict[str, Path] = {}
    for path, convention in conventions:
        first = seen.setdefault(convention.reference, path)
        if first != path:
            same = Message(
                N_(
                    "{file}: the reference {reference} is also the one of {first}: left out "
                    "(their dates would share the same UIDs)"
                ),
                {
                    "file": printable_path(path),
                    "reference": repr(convention.reference),
                    "first": printable_path(first),
                },
            )
            error_line(error_text(same.render(lang), lang))
            failed = True
            continue
        try:
            lifecycles.append(Lifecycle.from_convention(convention))
        except ConventionError as err:
            if not source.is_dir():
                raise
            report(err, source=str(path), lang=lang)
            failed = True
    ics = build_calendar(lifecycles, on, stamp=stamp, lang=lang).to_ical()
    if args.output is None:
        sys.stdout.write(ics.decode("utf-8"))
        sys.stdout.flush()
    else:
        # Whole or not at all: an interrupted export never leaves half a calendar.
        write_atomic(args.output, ics)
    return EXIT_INVALID if failed else EXIT_OK
