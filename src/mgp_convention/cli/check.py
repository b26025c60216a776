"""``mgp-convention check FILE ...``: validate convention files, reporting every problem."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from mgp_convention.cli._common import EXIT_INVALID, EXIT_OK, read_loaded, report
from mgp_convention.convention import SCHEMA_VERSION
from mgp_convention.errors import ConventionError
from mgp_convention.lifecycle import Lifecycle
from mgp_convention.printable import printable, printable_path


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
            "the lifecycle refuses is reported with its index ($.events[N]). A file of an "
            "older version of the format is read as the current one (and said so); a "
            "file larger than 10 MB (MGP_CONVENTION_MAX_FILE_BYTES), or that is not a "
            "regular file, is refused; at most 100 problems are listed per file."
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
            loaded = read_loaded(name)
            Lifecycle.from_convention(loaded.convention)
        except ConventionError as err:
            report(err, source=name)
            code = EXIT_INVALID
        else:
            version = (
                f"; version {loaded.version} of the file format, read as version {SCHEMA_VERSION}"
                if loaded.migrated
                else ""
            )
            reference = printable(loaded.convention.reference)
            print(f"{printable_path(name)}: valid ({reference}{version})")
    sys.stdout.flush()
    return code
