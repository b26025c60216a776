"""``mgp-convention export DIR [-o OUT.xlsx] [--on DATE] [--lang fr|en] [--force]``: the
portfolio as a spreadsheet."""

from __future__ import annotations

import argparse
import sys
from typing import Any, Final

from mgp_convention.cli._common import EXIT_INVALID, EXIT_OK, UsageError, lang_of, on_or_today
from mgp_convention.cli.report import (
    add_output,
    folder_of,
    output_path,
    tell_failures,
    write_output,
)
from mgp_convention.i18n import N_, Message

_DESCRIPTION: Final = N_(
    "Write the rows of the portfolio of a folder as an Excel workbook (.xlsx): typed "
    "dates and numbers, a header row, filters, the first row frozen."
)
_EPILOG: Final = N_(
    "One line per convention, in the order of `portfolio` (by urgency), under a header "
    "row: urgency, reference, beneficiary, state, next date, action, article, end date, "
    "effective date, planned and actual start, last day of use, earliest remedy "
    "deadline, open breaches, advisories, events dated later, the market (reference, "
    "total incl. VAT, beneficiaries) and the file. Dates are date cells, counts and "
    "amounts are numbers, the first row is frozen and filters are on. A second sheet "
    "lists the files that could not be used, with each problem.\n"
    "\n"
    "The file is written atomically; an existing file is replaced only with --force. "
    "With -o -, the workbook is written to standard output (not to a terminal).\n"
    "\n"
    "exit status:\n"
    "  0  written, every file of the folder used\n"
    "  1  written, but a file could not be used (listed in the second sheet and on\n"
    "     stderr), or two files hold the same reference\n"
    "  2  usage error (not a folder, a malformed date, an existing output without\n"
    "     --force, cannot write)\n"
    "\n"
    "examples:\n"
    "  mgp-convention export examples/ --on 2026-11-28 -o portefeuille.xlsx"
)


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    """Add ``export`` to the command line."""
    parser = subparsers.add_parser(
        "export",
        help=N_("write the portfolio as a spreadsheet (.xlsx) to sort and filter"),
        description=_DESCRIPTION,
        epilog=_EPILOG,
    )
    add_output(parser, suffix=".xlsx", default="portefeuille-DATE.xlsx")
    parser.set_defaults(run=_run)


def _run(args: argparse.Namespace) -> int:
    from mgp_convention.report.data import report_data  # noqa: PLC0415 - when it runs
    from mgp_convention.report.sheet import workbook  # noqa: PLC0415

    folder = folder_of(args)
    on = on_or_today(args)
    lang = lang_of(args)
    path = output_path(args, f"portefeuille-{on.isoformat()}.xlsx")
    if path is None and sys.stdout.isatty():
        raise UsageError(
            Message(N_("-o -: standard output is a terminal; redirect it, or give a file"))
        )
    data = report_data(folder, on)
    write_output(workbook(data, lang), path, overwrite=args.force)
    return EXIT_INVALID if tell_failures(data, lang) else EXIT_OK
