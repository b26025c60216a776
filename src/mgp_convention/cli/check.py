"""``mgp-convention check FILE``: validate a convention file, reporting every problem."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from mgp_convention.cli._common import EXIT_OK, read_convention


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    """Add ``check`` to the command line."""
    parser = subparsers.add_parser(
        "check",
        help="validate a convention file",
        description=(
            "Validate a convention file (JSON). Exit 0 when it is valid; otherwise exit 1 "
            "and print one line per problem, each with its JSON path "
            "(e.g. $.beneficiary.siren) and, where a rule is broken, its article."
        ),
    )
    parser.add_argument("file", metavar="FILE", help="the convention file; '-' reads stdin")
    parser.set_defaults(run=_run)


def _run(args: argparse.Namespace) -> int:
    convention = read_convention(args.file)
    print(f"{args.file}: valid ({convention.reference})", file=sys.stdout)
    return EXIT_OK
