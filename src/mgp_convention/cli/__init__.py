"""The ``mgp-convention`` command-line tool.

Each sub-command lives in its own module of this package and exposes
``register(subparsers)``; :data:`COMMANDS` lists them in ``--help`` order.
Every error of the package is printed as one line per problem on stderr, never as a
traceback: exit 1 for a refused or invalid convention, 2 for a usage error.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from typing import Final

from mgp_convention import __version__

__all__ = ["COMMANDS", "build_parser", "main"]

#: The sub-commands in ``--help`` order: name, module, one-line help. A command's module
#: (and what it needs: rich, icalendar, docxtpl…) is imported only when that command
#: runs, so that start-up stays close to the interpreter's. The module's ``register``
#: gives the same one-line help (``tests/test_cli.py`` checks it).
COMMANDS: Final[tuple[tuple[str, str, str], ...]] = (
    (
        "portfolio",
        "mgp_convention.cli.portfolio",
        "list every convention of a folder by urgency: the next legal date and the action",
    ),
    ("example", "mgp_convention.cli.example", "print a valid convention file to start from"),
    ("check", "mgp_convention.cli.check", "validate convention files"),
    ("schema", "mgp_convention.cli.schema", "print the JSON Schema of the convention file"),
    (
        "indemnity",
        "mgp_convention.cli.indemnity",
        "compute the Art. 12 al. 3 indemnity, itemised",
    ),
    (
        "deadline",
        "mgp_convention.cli.deadline",
        "compute the 30-day remedy deadline of Art. 12 al. 2",
    ),
    (
        "status",
        "mgp_convention.cli.status",
        "say where a convention stands on a date, and what can happen next",
    ),
    (
        "report",
        "mgp_convention.cli.report",
        "write the portfolio as one HTML page that opens anywhere (summary, timeline, "
        "table, each convention)",
    ),
    (
        "export",
        "mgp_convention.cli.export",
        "write the portfolio as a spreadsheet (.xlsx) to sort and filter",
    ),
    (
        "calendar",
        "mgp_convention.cli.calendar",
        "export every legal date as an iCalendar (.ics) file",
    ),
    (
        "diagram",
        "mgp_convention.cli.diagram",
        "print the lifecycle's state diagram (Mermaid or DOT)",
    ),
    (
        "document",
        "mgp_convention.cli.document",
        "write a document of the contract (.docx): the filled convention",
    ),
)
_NAMES: Final = frozenset(name for name, _, _ in COMMANDS)


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The argument parser of ``mgp-convention``.

    With ``argv``, only the command it names is imported and registered in full (the
    others are listed with their one-line help); without, every command is.
    """
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
    chosen = _command_in(argv) if argv is not None else None
    for name, module, summary in COMMANDS:
        if argv is None or name == chosen:
            importlib.import_module(module).register(subparsers)
        else:
            subparsers.add_parser(name, help=summary)
    return parser


def _command_in(argv: Sequence[str]) -> str | None:
    """The command ``argv`` runs (its first word that is not an option), if it is one."""
    first = next((word for word in argv if not word.startswith("-")), None)
    return first if first in _NAMES else None


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code (0 ok, 1 invalid/refused, 2 usage)."""
    words = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(words)
    args = parser.parse_args(words)
    # Imported once the command line is read: ``--version`` and ``--help`` need neither.
    from mgp_convention.cli._common import (  # noqa: PLC0415
        EXIT_INVALID,
        EXIT_USAGE,
        UsageError,
        report,
    )
    from mgp_convention.errors import ConventionError  # noqa: PLC0415

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
