"""``mgp-convention example``: print a valid convention file to start from."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from mgp_convention.cli._common import EXIT_OK
from mgp_convention.examples import example_convention
from mgp_convention.io import dumps


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    """Add ``example`` to the command line."""
    parser = subparsers.add_parser(
        "example",
        help="print a valid convention file to start from",
        description=(
            "Print a valid, clearly fictional convention file (JSON) on stdout. "
            "Save it, edit it, then check it: "
            "mgp-convention example > ma-convention.json"
        ),
    )
    parser.set_defaults(run=_run)


def _run(_args: argparse.Namespace) -> int:
    sys.stdout.write(dumps(example_convention()))
    return EXIT_OK
