"""The ``mgp-convention`` command-line tool.

Each sub-command lives in its own module of this package and exposes
``register(subparsers)``; :data:`COMMANDS` lists them in ``--help`` order.
Every error of the package is printed as one line per problem on stderr, never as a
traceback: exit 1 for a refused or invalid convention, 2 for a usage error. An output
that cannot be written (standard output closed, a full disk: ``> /dev/full``) is an
error too (exit 1, said on stderr), never a silent success; a reader that stops early
(``| head``) ends the command quietly.
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import importlib
import io
import os
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
    (
        "new",
        "mgp_convention.cli.new",
        "write a new convention file, awaiting signature, from options or a template",
    ),
    (
        "record",
        "mgp_convention.cli.record",
        "record a dated event in a convention file (the tool writes it, safely)",
    ),
    (
        "withdraw",
        "mgp_convention.cli.withdraw",
        "take back an event recorded by mistake (it is kept in the file, withdrawn)",
    ),
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


class _ClosedOutput(io.TextIOBase):
    """Standard output when the command was started with it closed (``>&-``, where
    ``sys.stdout`` is ``None``): writing to it fails like writing to a closed file."""

    def writable(self) -> bool:
        return True

    def write(self, _text: str) -> int:
        raise OSError(errno.EBADF, "standard output is closed")


def _discard_output() -> None:
    """Send what is left in stdout's buffer to the null device, so that the
    interpreter's last flush does not fail again (and print a traceback) at exit."""
    with contextlib.suppress(OSError, ValueError, AttributeError, io.UnsupportedOperation):
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code (0 ok, 1 invalid/refused or output
    not written, 2 usage)."""
    if sys.stdout is None:
        sys.stdout = _ClosedOutput()
    words = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(words)
    args = parser.parse_args(words)
    # Imported once the command line is read: ``--version`` and ``--help`` need neither.
    from mgp_convention.cli._common import (  # noqa: PLC0415
        EXIT_INVALID,
        EXIT_USAGE,
        UsageError,
        error_line,
        report,
    )
    from mgp_convention.errors import ConventionError  # noqa: PLC0415
    from mgp_convention.printable import printable  # noqa: PLC0415

    try:
        code: int = args.run(args)
        sys.stdout.flush()
    except UsageError as err:
        parser.exit(EXIT_USAGE, f"mgp-convention: error: {printable(str(err))}\n")
    except ConventionError as err:
        report(err)
        return EXIT_INVALID
    except BrokenPipeError:  # the reader stopped early (`| head`): nothing to say
        _discard_output()
        return 0
    except OSError as err:  # the commands turn their files' errors into ConventionError
        _discard_output()
        error_line(f"error: the output could not be written: {err.strerror or err}")
        return EXIT_INVALID
    return code


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
