"""``mgp-convention calendar FILE|DIR [-o OUT.ics] [--on DATE]``: the legal dates as iCalendar."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from mgp_convention.cli._common import (
    EXIT_INVALID,
    EXIT_OK,
    UsageError,
    add_lang,
    add_on,
    error_line,
    error_text,
    lang_of,
    on_or_today,
    report,
)
from mgp_convention.cli._parser import translate
from mgp_convention.errors import ConventionError
from mgp_convention.files import atomic_writer
from mgp_convention.i18n import N_, Lang, Message
from mgp_convention.ical import iter_ical
from mgp_convention.io import iter_folder, load_path
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
    add_on(
        parser,
        N_("count the events dated up to that date, YYYY-MM-DD (default: today in Europe/Paris)"),
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


class _Export:
    """The conventions of ``source`` (a file or a folder) as lifecycles, one at a time,
    each file that cannot be used reported on stderr as it comes (``failed`` is then
    set): the calendar of a folder never holds more than one convention."""

    def __init__(self, source: Path, lang: Lang) -> None:
        self.source = source
        self.lang = lang
        self.failed = False
        # A single file is read before anything is written: if it cannot be used, the
        # error is the whole answer, with no calendar started on standard output.
        self.single: Lifecycle | None = None
        if not source.is_dir():
            self.single = Lifecycle.from_convention(load_path(source))

    def __iter__(self) -> Iterator[Lifecycle]:
        if self.single is not None:
            yield self.single
            return
        first_file: dict[str, str] = {}  # one short string per reference, not a convention
        for path, outcome in iter_folder(self.source):
            if isinstance(outcome, ConventionError):
                self._report(outcome, path)
                continue
            first = first_file.setdefault(outcome.reference, printable_path(path))
            if first != printable_path(path):
                same = Message(
                    N_(
                        "{file}: the reference {reference} is also the one of {first}: "
                        "left out (their dates would share the same UIDs)"
                    ),
                    {
                        "file": printable_path(path),
                        "reference": repr(outcome.reference),
                        "first": first,
                    },
                )
                error_line(error_text(same.render(self.lang), self.lang))
                self.failed = True
                continue
            try:
                lifecycle = Lifecycle.from_convention(outcome)
            except ConventionError as err:
                self._report(err, path)
                continue
            yield lifecycle

    def _report(self, error: ConventionError, path: Path) -> None:
        report(error, source=str(path), lang=self.lang)
        self.failed = True


def _run(args: argparse.Namespace) -> int:
    lang = lang_of(args)
    on = on_or_today(args)
    stamp = export_time()
    export = _Export(Path(args.source), lang)
    pieces = iter_ical(export, on, stamp=stamp, lang=lang)
    if args.output in (None, "-"):  # - is standard output, as for document, report, export
        for piece in pieces:
            sys.stdout.write(piece.decode("utf-8"))
        sys.stdout.flush()
    else:
        # Whole or not at all: an interrupted export never leaves half a calendar.
        with atomic_writer(args.output) as write:
            for piece in pieces:
                write(piece)
    return EXIT_INVALID if export.failed else EXIT_OK
