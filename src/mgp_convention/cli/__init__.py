"""The ``mgp-convention`` command-line tool.

Each sub-command lives in its own module of this package and exposes
``register(subparsers)``; :data:`COMMANDS` lists them in ``--help`` order.
Every error of the package is printed as one line per problem on stderr, never as a
traceback: exit 1 for a refused or invalid convention, 2 for a usage error. An output
that cannot be written (standard output closed, a full disk: ``> /dev/full``) is an
error too (exit 1, said on stderr), never a silent success; a reader that stops early
(``| head``) ends the command quietly.

**The language** of everything the tool says (its help, argparse's own words, its
output, its errors) is chosen once, before the parser is built: ``--lang fr|en``
anywhere on the command line (the last one wins), otherwise the environment
(:func:`~mgp_convention.i18n.lang_from_environment`: ``MGP_CONVENTION_LANG``, then
``LC_ALL``, ``LC_MESSAGES``, ``LANG``), French when none says English. The command
line is read inside :func:`~mgp_convention.cli._parser.speaking`, which gives argparse
the package's catalogue for that language and takes it back when :func:`main` returns.
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
from mgp_convention._catalogue import LANGS, N_, Lang, lang_from_environment
from mgp_convention.cli._parser import Parser, speaking, translate

__all__ = ["COMMANDS", "build_parser", "command_line_lang", "main"]

#: The sub-commands in ``--help`` order: name, module, one-line help. A command's module
#: (and what it needs: rich, icalendar, docxtpl…) is imported only when that command
#: runs, so that start-up stays close to the interpreter's. The module's ``register``
#: gives the same one-line help (``tests/test_cli_check.py`` checks it).
COMMANDS: Final[tuple[tuple[str, str, str], ...]] = (
    (
        "portfolio",
        "mgp_convention.cli.portfolio",
        N_("list every convention of a folder by urgency: the next legal date and the action"),
    ),
    ("example", "mgp_convention.cli.example", N_("print a valid convention file to start from")),
    (
        "new",
        "mgp_convention.cli.new",
        N_("write a new convention file, awaiting signature, from options or a template"),
    ),
    (
        "record",
        "mgp_convention.cli.record",
        N_("record a dated event in a convention file (the tool writes it, safely)"),
    ),
    (
        "withdraw",
        "mgp_convention.cli.withdraw",
        N_("take back an event recorded by mistake (it is kept in the file, withdrawn)"),
    ),
    ("check", "mgp_convention.cli.check", N_("validate convention files")),
    ("schema", "mgp_convention.cli.schema", N_("print the JSON Schema of the convention file")),
    (
        "indemnity",
        "mgp_convention.cli.indemnity",
        N_("compute the Art. 12 al. 3 indemnity, itemised"),
    ),
    (
        "deadline",
        "mgp_convention.cli.deadline",
        N_("compute the 30-day remedy deadline of Art. 12 al. 2"),
    ),
    (
        "status",
        "mgp_convention.cli.status",
        N_("say where a convention stands on a date, and what can happen next"),
    ),
    (
        "report",
        "mgp_convention.cli.report",
        N_(
            "write the portfolio as one HTML page that opens anywhere (summary, timeline, "
            "table, each convention)"
        ),
    ),
    (
        "export",
        "mgp_convention.cli.export",
        N_("write the portfolio as a spreadsheet (.xlsx) to sort and filter"),
    ),
    (
        "calendar",
        "mgp_convention.cli.calendar",
        N_("export every legal date as an iCalendar (.ics) file"),
    ),
    (
        "diagram",
        "mgp_convention.cli.diagram",
        N_("print the lifecycle's state diagram (Mermaid or DOT)"),
    ),
    (
        "document",
        "mgp_convention.cli.document",
        N_("write a document of the contract (.docx): the filled convention"),
    ),
)
_NAMES: Final = frozenset(name for name, _, _ in COMMANDS)

_DESCRIPTION: Final = N_(
    "Where every « ApproprIAtion Métropolitaine » convention d'engagement stands, "
    "and which legal deadline comes next."
)
_EPILOG: Final = N_(
    "Run 'mgp-convention COMMAND --help' for the options of one command. Every command "
    "takes --lang fr|en; without it, the language is MGP_CONVENTION_LANG's, then the "
    "locale's (LC_ALL, LC_MESSAGES, LANG), French when none says English."
)
_LANG_HELP: Final = N_(
    "the language of the text: fr or en (default: MGP_CONVENTION_LANG, then LC_ALL, "
    "LC_MESSAGES, LANG; French when none says English)"
)


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The argument parser of ``mgp-convention``.

    With ``argv``, only the command it names is imported and registered in full (the
    others are listed with their one-line help); without, every command is. Its texts
    are said in the language bound by :func:`~mgp_convention.cli._parser.speaking`
    (English outside it).
    """
    parser = Parser(prog="mgp-convention", description=_DESCRIPTION, epilog=_EPILOG)
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--lang", choices=LANGS, default=None, help=_LANG_HELP)
    subparsers = parser.add_subparsers(
        title=N_("commands"), metavar=translate(N_("COMMAND")), required=True
    )
    chosen = _command_in(argv) if argv is not None else None
    for name, module, summary in COMMANDS:
        if argv is None or name == chosen:
            importlib.import_module(module).register(subparsers)
        else:
            subparsers.add_parser(name, help=summary)
    return parser


def _command_in(argv: Sequence[str]) -> str | None:
    """The command ``argv`` runs (its first word that is not an option nor the value of
    ``--lang``), if it is one."""
    words = iter(argv)
    for word in words:
        if word == "--lang":
            next(words, None)
        elif not word.startswith("-"):
            return word if word in _NAMES else None
    return None


def command_line_lang(argv: Sequence[str]) -> Lang:
    """The language a command line asks for, read before it is parsed: the value of its
    last ``--lang fr|en`` (or ``--lang=fr``) before a ``--``; else the environment's.
    A value that is neither ``fr`` nor ``en`` is left to argparse, which refuses it in
    the environment's language.

    >>> command_line_lang(["status", "f.json", "--lang", "en"])
    'en'
    >>> command_line_lang(["--lang=fr", "status", "--", "--lang", "en"])
    'fr'
    """
    chosen: Lang | None = None
    for index, word in enumerate(argv):
        if word == "--":
            break
        value: str | None = None
        if word == "--lang" and index + 1 < len(argv):
            value = argv[index + 1]
        elif word.startswith("--lang="):
            value = word.removeprefix("--lang=")
        for lang in LANGS:
            if value == lang:
                chosen = lang
    return chosen if chosen is not None else lang_from_environment()


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
    with speaking(command_line_lang(words)):
        return _run(words)


def _run(words: list[str]) -> int:
    parser = build_parser(words)
    args = parser.parse_args(words)
    # Imported once the command line is read: ``--version`` and ``--help`` need neither.
    from mgp_convention.cli._common import (  # noqa: PLC0415
        EXIT_INVALID,
        EXIT_USAGE,
        UsageError,
        error_line,
        error_text,
        lang_of,
        report,
    )
    from mgp_convention.errors import ConventionError, system_reason  # noqa: PLC0415
    from mgp_convention.i18n import Message  # noqa: PLC0415
    from mgp_convention.printable import printable  # noqa: PLC0415

    lang = lang_of(args)
    try:
        code: int = args.run(args)
        sys.stdout.flush()
    except UsageError as err:
        line = translate("%(prog)s: error: %(message)s\n")
        parser.exit(
            EXIT_USAGE, line % {"prog": parser.prog, "message": printable(err.render(lang))}
        )
    except ConventionError as err:
        report(err, lang=lang)
        return EXIT_INVALID
    except BrokenPipeError:  # the reader stopped early (`| head`): nothing to say
        _discard_output()
        return 0
    except OSError as err:  # the commands turn their files' errors into ConventionError
        _discard_output()
        reason = (
            Message(N_("standard output is closed"))
            if err.errno == errno.EBADF
            else system_reason(err)
        )
        unwritten = Message(N_("the output could not be written: {reason}"), {"reason": reason})
        error_line(error_text(unwritten.render(lang), lang))
        return EXIT_INVALID
    return code


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
