"""``mgp-convention diagram [--format mermaid|dot]``: the lifecycle's picture, from the machine."""

from __future__ import annotations

import argparse
from typing import Any

from mgp_convention.cli._common import EXIT_OK, add_lang, lang_of
from mgp_convention.i18n import N_

#: The text formats.
FORMATS = ("mermaid", "dot")


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    """Add ``diagram`` to the command line."""
    parser = subparsers.add_parser(
        "diagram",
        help=N_("print the lifecycle's state diagram (Mermaid or DOT)"),
        description=N_(
            "Print the state diagram of the convention's lifecycle, drawn from the "
            "lifecycle's own machine (states, events, guards), so it cannot drift from "
            "the code. Mermaid text renders on GitHub and GitLab; DOT renders with "
            "Graphviz (dot -Tsvg)."
        ),
        epilog=N_("Example: mgp-convention diagram --format dot | dot -Tsvg > lifecycle.svg"),
    )
    parser.add_argument(
        "--format",
        choices=tuple(FORMATS),
        default="mermaid",
        help=N_("the text format (default: %(default)s)"),
    )
    add_lang(parser)
    parser.set_defaults(run=_run)


def _run(args: argparse.Namespace) -> int:
    from mgp_convention.diagram import draw  # noqa: PLC0415 - only this command draws

    print(draw(args.format, lang_of(args)))
    return EXIT_OK
