"""The command line's parser, in the user's language: argparse's own words and ours.

argparse says its own words (« usage: », "positional arguments", "show this help
message and exit", "the following arguments are required: %s"…) through the
``gettext`` and ``ngettext`` functions it imported at module level
(``argparse._``, ``argparse.ngettext``): that is how argparse is meant to be
translated. :func:`speaking` binds those two names to the package's catalogue in the
chosen language for the time of one command line, and puts the standard ones back
when it ends, whatever the way out (a return, ``--help``'s exit, an error): nothing
global is left once :func:`mgp_convention.cli.main` returns, and two command lines in
two languages can run one after the other in one process. (Two at once in two threads
would share the binding: the command line is single-threaded.) The catalogue holds
every message of argparse (:data:`ARGPARSE_WORDS`; ``tests/test_cli_words.py`` checks
the list against the running Python's argparse).

Our own texts are written in English and marked with ``N_``: a command's help,
description and epilog, its group titles are said by :class:`HelpFormatter` when the
help is shown, through that same gettext; a metavar is said when the argument is
registered (:func:`translate`), because argparse's error messages quote it.

>>> with speaking("fr"):
...     print(translate("usage: ") + "mgp-convention")
utilisation : mgp-convention
>>> translate("usage: ")  # outside: argparse's own gettext again
'usage: '
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import re
import sys
import textwrap
from collections.abc import Callable, Iterator
from typing import Any, Final

from mgp_convention._catalogue import N_, NP_, Lang, gettext_in, ngettext_in

__all__ = [
    "ARGPARSE_WORDS",
    "HelpFormatter",
    "Parser",
    "speaking",
    "speaking_lang",
    "translate",
]

#: Every message argparse says through its gettext (Python 3.11 to 3.13), so that the
#: catalogue holds them: argparse's texts are message ids like ours.
ARGPARSE_WORDS: Final = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("subcommands"),
    N_("%(heading)s:"),
    N_(" (default: %(default)s)"),
    N_("show this help message and exit"),
    N_("show program's version number and exit"),
    N_("%(prog)s: error: %(message)s\n"),
    N_("%(prog)s: warning: %(message)s\n"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("the following arguments are required: %s"),
    N_("one of the arguments %s is required"),
    N_("unrecognized arguments: %s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("invalid %(type)s value: %(value)r"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    NP_("expected %s argument", "expected %s arguments"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("not allowed with argument %s"),
    N_("ignored explicit argument %r"),
    N_("unexpected option string: %s"),
    N_("unknown parser %(parser_name)r (choices: %(choices)s)"),
    N_("can't open '%(filename)s': %(error)s"),
    N_('argument "-" with mode %r'),
    N_("argument '%(argument_name)s' is deprecated"),
    N_("command '%(parser_name)s' is deprecated"),
    N_("option '%(option)s' is deprecated"),
    # Mistakes of a program that builds a parser, never of a user; listed all the same.
    N_("%r is not callable"),
    N_("'required' is an invalid argument for positionals"),
    N_(".__call__() not defined"),
    N_("cannot have multiple subparser arguments"),
    N_("cannot merge actions - two groups are named %r"),
    N_("conflicting subparser alias: %s"),
    N_("conflicting subparser: %s"),
    N_("dest= is required for options like %r"),
    N_("invalid conflict_resolution value: %r"),
    N_("invalid option string %(option)r: must start with a character %(prefix_chars)r"),
    N_("mutually exclusive arguments must be optional"),
    NP_("conflicting option string: %s", "conflicting option strings: %s"),
)

#: The names argparse says its words through.
_GETTEXT_NAMES: Final = ("_", "ngettext")


@contextlib.contextmanager
def speaking(lang: Lang) -> Iterator[None]:
    """argparse's gettext bound to the package's catalogue in ``lang`` inside the
    ``with`` block; the standard one again after it (an exception or a ``SystemExit``
    included)."""
    saved = {name: getattr(argparse, name) for name in _GETTEXT_NAMES}
    argparse._ = functools.partial(gettext_in, lang)  # type: ignore[attr-defined]
    argparse.ngettext = functools.partial(ngettext_in, lang)  # type: ignore[attr-defined]
    try:
        yield
    finally:
        for name, value in saved.items():
            setattr(argparse, name, value)


def speaking_lang() -> Lang | None:
    """The language :func:`speaking` bound argparse's gettext to (``None`` outside).

    >>> with speaking("en"):
    ...     speaking_lang()
    'en'
    >>> speaking_lang() is None
    True
    """
    gettext = getattr(argparse, "_")  # noqa: B009 - not in the stubs
    if isinstance(gettext, functools.partial) and gettext.func is gettext_in:
        lang: Lang = gettext.args[0]
        return lang
    return None


def translate(msgid: str, **params: Any) -> str:
    """``msgid`` in the language of the command line being read (argparse's gettext,
    bound by :func:`speaking`), its ``{placeholders}`` filled with ``params``."""
    gettext: Callable[[str], str] = getattr(argparse, "_")  # noqa: B009 - not in the stubs
    text = gettext(msgid)
    return text.format(**params) if params else text


#: Where a line of help is not broken: before French high punctuation (« : », « ; »,
#: « ? », « ! », « » ») and after « « », whose space belongs to the sign; between an
#: article and its number (« Art. 12 al. 2 », « n° 3 »).
_KEEP_TOGETHER: Final = re.compile(
    r" (?=[:;?!»])|(?<=«) |(?<=\bArt\.) (?=\d)|(?<=\bal\.) (?=\d)|(?<=n°) (?=\d)"
)
_GLUE: Final = "\x00"


def _glued(text: str) -> str:
    return _KEEP_TOGETHER.sub(_GLUE, text)


def _unglued(text: str) -> str:
    return text.replace(_GLUE, " ")


class _Translating(argparse.HelpFormatter):
    """What a formatter says, said in the command line's language: the description and
    the epilog, the section headings, each argument's help. A line of help is never
    broken before a French « : » or « ; », inside « … », nor between « Art. » and its
    number; an option that takes a value shows it once after all its names
    (``--le, --on DATE``), as Python 3.13 does."""

    def add_text(self, text: str | None) -> None:
        if text and text is not argparse.SUPPRESS:
            text = translate(text)
        super().add_text(text)

    def start_section(self, heading: str | None) -> None:
        if heading and sys.version_info < (3, 13):
            # Python 3.13 says "%(heading)s:" through gettext itself; before it, the
            # colon is added as is: say the heading with the language's colon (« : »
            # in French), less the colon argparse adds.
            heading = translate("%(heading)s:") % {"heading": translate(heading)}
            heading = heading.removesuffix(":")
        elif heading:  # pragma: no cover - Python 3.13 and later
            heading = translate(heading)
        super().start_section(heading)

    def _get_help_string(self, action: argparse.Action) -> str | None:
        return translate(action.help) if action.help else action.help

    def _split_lines(self, text: str, width: int) -> list[str]:
        return [_unglued(line) for line in super()._split_lines(_glued(text), width)]

    def _format_action_invocation(self, action: argparse.Action) -> str:
        if not action.option_strings or action.nargs == 0:
            return super()._format_action_invocation(action)
        value = self._format_args(action, self._get_default_metavar_for_optional(action))
        return f"{', '.join(action.option_strings)} {value}"


class HelpFormatter(_Translating):
    """The formatter of every parser of the package: in the command line's language;
    a paragraph of a description or an epilog is wrapped to the terminal, and a block
    whose lines are indented (a list, an example) is kept as written."""

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        blocks = []
        for block in text.split("\n\n"):
            lines = block.splitlines()
            if len(lines) > 1 and any(line[:1].isspace() for line in lines):
                blocks.append("\n".join(indent + line if line else line for line in lines))
            else:
                blocks.append(
                    textwrap.fill(
                        _glued(" ".join(block.split())),
                        width,
                        initial_indent=indent,
                        subsequent_indent=indent,
                        break_on_hyphens=False,
                    )
                )
        return _unglued("\n\n".join(blocks))


@functools.cache
def _translating(formatter: type[argparse.HelpFormatter]) -> type[argparse.HelpFormatter]:
    """``formatter``, saying its texts in the command line's language."""
    if issubclass(formatter, _Translating):
        return formatter
    return type(f"Translating{formatter.__name__}", (_Translating, formatter), {})


class Parser(argparse.ArgumentParser):
    """An ``ArgumentParser`` whose help is said in the command line's language
    (:class:`HelpFormatter` by default; any other formatter a command asks for is made
    to translate too). Sub-commands' parsers are of this class as well."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs["formatter_class"] = _translating(kwargs.get("formatter_class", HelpFormatter))
        super().__init__(*args, **kwargs)
