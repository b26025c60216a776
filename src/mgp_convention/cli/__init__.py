"""The ``mgp-convention`` command-line tool.

Each sub-command lives in its own module of this package and exposes
``register(subparsers)``; :data:`COMMANDS` lists them in ``--help`` order.
Every error of the package is printed as one line per problem on stderr, never as a
traceback: exit 1 for a refused or invalid convention, 2 for a usage error.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from types import ModuleType

from mgp_convention import __version__
from mgp_convention.cli import (
    calendar,
    check,
    deadline,
    diagram,
    document,
    example,
    indemnity,
    portfolio,
    schema,
    status,
)
from mgp_convention.cli._common import EXIT_INVALID, EXIT_USAGE, UsageError, report
from mgp_convention.errors import ConventionError

__all__ = ["COMMANDS", "build_parser", "main"]

#: The sub-command modules, in the order ``--help`` lists them.
COMMANDS: tuple[ModuleType, ...] = (
    portfolio,
    example,
    check,
    schema,
    indemnity,
    deadline,
    status,
    calendar,
    diagram,
    document,
)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``mgp-convention`` with every sub-command registered."""
    parser = argparse.ArgumentParser(
        prog="mgp-convention",
        description=(
            "Where every « ApproprIAtion Métropolitaine » convention d'engagement stands, "
            "and which legal deadline comes next."
        ),
        epilog="Run 'mgp-convention COMMAND --help' for the options of one command.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    subparsers = parser.add_subparsers(title="commands", metavar="COMMAND", required=True)
    for command in COMMANDS:
        command.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code (0 ok, 1 invalid/refused, 2 usage)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        code: int = args.run(args)
    except UsageError as err:
        parser.exit(EXIT_USAGE, f"mgp-convention: error: {err}\n")
    except ConventionError as err:
        report(err)
        return EXIT_INVALID
    except BrokenPipeError:  # pragma: no cover - e.g. `| head`
        sys.stderr.close()
        return 0
    return code


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
