"""``mgp-convention schema``: print the JSON Schema of the convention file."""

from __future__ import annotations

import argparse
from typing import Any

from mgp_convention.cli._common import EXIT_OK, add_lang, lang_of, print_json
from mgp_convention.i18n import N_
from mgp_convention.schema import json_schema


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    """Add ``schema`` to the command line."""
    parser = subparsers.add_parser(
        "schema",
        help=N_("print the JSON Schema of the convention file"),
        description=N_(
            "Print the JSON Schema (draft 2020-12) of the convention file, generated from "
            "the library's data model, so that other tools can validate files; its "
            "descriptions are in the language of --lang. It checks the shape; "
            "'mgp-convention check' also checks the rules (SIREN check digit, dates in "
            "order, the lifecycle)."
        ),
        epilog=N_("Example: mgp-convention schema > convention.schema.json"),
    )
    add_lang(parser)
    parser.set_defaults(run=_run)


def _run(args: argparse.Namespace) -> int:
    print_json(json_schema(lang_of(args)))
    return EXIT_OK
