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
    date_argument,
    error_line,
    report,
    today_in_paris,
)
from mgp_convention.convention import Convention
from mgp_convention.errors import ConventionError
from mgp_convention.files import write_atomic
from mgp_convention.ical import build_calendar
from mgp_convention.io import load_folder, load_path
from mgp_convention.lifecycle import Lifecycle
from mgp_convention.printable import printable_path

_EPILOG = """\
Every legal date is an all-day event with its article quoted in the description, and a
UID made from the convention's reference and the date's meaning (not its value): import
the file again after an amendment and the calendar moves the event rather than adding
a second one. A date that no longer applies is exported as cancelled.

DTSTAMP is the time of the export (now, in UTC), or SOURCE_DATE_EPOCH when that
environment variable is set (for reproducible files).

With -o, the file is written whole or not at all (a temporary file in the same folder,
then renamed): a full disk or an interruption leaves the previous file as it was.

exit status: 0 when every convention was exported; 1 when a file could not be used
(the others are still exported, the errors are printed on stderr) or the output could
not be written; 2 usage error.

examples:
  mgp-convention calendar examples/ -o conventions.ics
  mgp-convention calendar ma-convention.json --on 2027-03-01 > ma-convention.ics
"""


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    """Add ``calendar`` to the command line."""
    parser = subparsers.add_parser(
        "calendar",
        help="export every legal date as an iCalendar (.ics) file",
        description=(
            "Export the legal dates of a convention file, or of every convention file "
            "(*.json) of a folder, as an iCalendar file: effective date, planned start, "
            "deployment steps, end of the period of use, evaluation deadline, remedy "
            "deadlines, end date…"
        ),
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("source", metavar="FILE|DIR", help="a convention file, or a folder")
    parser.add_argument(
        "-o",
        "--output",
        metavar="OUT.ics",
        default=None,
        help="the file to write (default: standard output)",
    )
    parser.add_argument(
        "--on",
        type=date_argument,
        default=None,
        metavar="DATE",
        help="count the events dated up to DATE, YYYY-MM-DD (default: today in Europe/Paris)",
    )
    parser.set_defaults(run=_run)


def export_time() -> dt.datetime:
    """Now in UTC, or ``SOURCE_DATE_EPOCH`` (seconds since 1970) when it is set."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        try:
            return dt.datetime.fromtimestamp(int(epoch), dt.UTC)
        except (ValueError, OverflowError, OSError):
            raise UsageError(
                f"SOURCE_DATE_EPOCH={epoch!r} is not a number of seconds since 1970"
            ) from None
    return dt.datetime.now(dt.UTC)


def _conventions(source: Path) -> tuple[list[tuple[Path, Convention]], bool]:
    """The conventions of ``source`` (a file or a folder), and whether any file failed."""
    if not source.is_dir():
        return [(source, load_path(source))], False
    load = load_folder(source)
    for path, error in load.failed:
        report(error, source=str(path))
    return list(load.loaded), bool(load.failed)


def _run(args: argparse.Namespace) -> int:
    on = args.on if args.on is not None else today_in_paris()
    stamp = export_time()
    source = Path(args.source)
    conventions, failed = _conventions(source)
    lifecycles: list[Lifecycle] = []
    seen: dict[str, Path] = {}
    for path, convention in conventions:
        first = seen.setdefault(convention.reference, path)
        if first != path:
            error_line(  # file names printed as text (mgp_convention.printable)
                f"error: {printable_path(path)}: the reference {convention.reference!r} is "
                f"also the one of {printable_path(first)}: left out (their dates would share "
                "the same UIDs)"
            )
            failed = True
            continue
        try:
            lifecycles.append(Lifecycle.from_convention(convention))
        except ConventionError as err:
            if not source.is_dir():
                raise
            report(err, source=str(path))
            failed = True
    ics = build_calendar(lifecycles, on, stamp=stamp).to_ical()
    if args.output is None:
        sys.stdout.write(ics.decode("utf-8"))
        sys.stdout.flush()
    else:
        # Whole or not at all: an interrupted export never leaves half a calendar.
        write_atomic(args.output, ics)
    return EXIT_INVALID if failed else EXIT_OK
