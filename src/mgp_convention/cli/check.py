"""``mgp-convention check FILE ...``: validate convention files, reporting every problem."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from mgp_convention.cli._common import EXIT_INVALID, EXIT_OK, read_convention, report
from mgp_convention.errors import ConventionError
from mgp_convention.lifecycle import Lifecycle


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    """Add ``check`` to the command line."""
    parser = subparsers.add_parser(
        "check",
        help="validate convention files",
        description=(
            "Validate convention files (JSON). Exit 0 when every file is valid; otherwise "
            "exit 1 and print one line per problem on stderr, each with the file, the JSON "
            "path of the value at fault (e.g. $.beneficiary.siren) and, where a rule is "
            "broken, its article. The events are replayed through the lifecycle: an event "
            "the lifecycle refuses is reported with its index ($.events[N])."
        ),
        epilog="Example: mgp-convention example | mgp-convention check -",
    )
    parser.add_argument(
        "files", metavar="FILE", nargs="+", help="a convention file; '-' reads stdin"
    )
    parser.set_defaults(run=_run)


def _run(args: argparse.Namespace) -> int:
    code = EXIT_OK
    for name in args.files:
        try:
            convention = read_convention(name)
            Lifecycle.from_convention(convention)
        except ConventionError as err:
            report(err, source=name)
            code = EXIT_INVALID
        else:
            print(f"{name}: valid ({convention.reference})")
    sys.stdout.flush()
    return code
