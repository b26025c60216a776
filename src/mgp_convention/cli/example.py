"""``mgp-convention example``: print a valid convention file to start from."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from mgp_convention.cli._common import EXIT_OK, add_lang
from mgp_convention.examples import example_convention
from mgp_convention.i18n import N_
from mgp_convention.io import dumps


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    """Add ``example`` to the command line."""
    parser = subparsers.add_parser(
        "example",
        help=N_("print a valid convention file to start from"),
        description=N_(
            "Print a valid, clearly fictional convention file (JSON) on stdout: its texts "
            "are in French, as a real convention's. Save it, edit it, then check it: "
            "mgp-convention example > ma-convention.json"
        ),
    )
    add_lang(parser)
    parser.set_defaults(run=_run)


def _run(_args: argparse.Namespace) -> int:
    sys.stdout.write(dumps(example_convention()))
    return EXIT_OK
