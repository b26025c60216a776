"""``mgp-convention example``: print a valid convention file to start from.

The file printed is the library's example (:func:`mgp_convention.examples.example_convention`)
with a placeholder reference, :data:`~mgp_convention.recording.PLACEHOLDER_REFERENCE`
(``A-REMPLACER-PAR-LA-REFERENCE``): valid for the file format, plainly not a real
reference, and refused by ``mgp-convention new``, so that a copied example never
passes for, or collides with, a real convention.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

import attrs

from mgp_convention.cli._common import EXIT_OK
from mgp_convention.examples import example_convention
from mgp_convention.io import dumps
from mgp_convention.recording import PLACEHOLDER_REFERENCE


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    """Add ``example`` to the command line."""
    parser = subparsers.add_parser(
        "example",
        help="print a valid convention file to start from",
        description=(
            "Print a valid, clearly fictional convention file (JSON) on stdout, whose "
            f"reference is a placeholder ({PLACEHOLDER_REFERENCE}). To start a real "
            "convention from it: mgp-convention example > modele.json, then "
            "mgp-convention new ma-convention.json --from modele.json --reference REF …"
        ),
    )
    parser.set_defaults(run=_run)


def _run(_args: argparse.Namespace) -> int:
    sys.stdout.write(dumps(attrs.evolve(example_convention(), reference=PLACEHOLDER_REFERENCE)))
    return EXIT_OK
