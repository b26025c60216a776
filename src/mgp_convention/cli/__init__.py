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
import io
import os
import sys
from collections.abc import Sequence
from types import ModuleType

from mgp_convention import __version__
from mgp_convention.cli import (
    calendar,
    check,
    deadline,
    diagram,
    example,
    indemnity,
    portfolio,
    schema,
    status,
)
from mgp_convention.cli._common import EXIT_INVALID, EXIT_USAGE, UsageError, error_line, report
from mgp_convention.errors import ConventionError
from mgp_convention.printable import printable

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
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
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
