"""``mgp-convention portfolio DIR [--on DATE] [--json]``: a folder's conventions, by urgency."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, Final

from rich.cells import cell_len
from rich.console import Console

from mgp_convention._words import quantity
from mgp_convention.calendar import format_date
from mgp_convention.cli._common import (
    EXIT_INVALID,
    EXIT_OK,
    date_argument,
    print_json,
    today_in_paris,
)
from mgp_convention.cli._table import Column, Line, Row, clean, render, styled
from mgp_convention.portfolio import SOON_DAYS, Portfolio, Urgency, portfolio

#: The width of the table when the output is not a terminal (a pipe, a file, a test):
#: fixed, so that what is written does not depend on who runs the command.
PIPED_WIDTH: Final = 120
# The fixed columns, the widest of the wrapping ones, the narrowest action, and the
# space between the 7 columns (a divider and a padding after each of the first 6).
_MARKER, _DATE = 2, 10
_BENEFICIARY_MAX, _STATE_MAX, _ACTION_MIN = 22, 15, 20
_GAPS = 12
#: The narrowest width a terminal is taken to have: a narrower terminal gets lines of
#: this width, which it wraps. The table itself is never squeezed until dates or
#: articles are cut: when its columns need more than the width (a long reference), its
#: lines are simply longer.
MIN_WIDTH: Final = 110

_MARKERS: Final = {
    Urgency.OVERDUE: ("!!", "bold red"),
    Urgency.SOON: ("!", "yellow"),
    Urgency.LATER: ("", ""),
    Urgency.NONE: ("-", "dim"),
}

_EPILOG = f"""\
exit status:
  0  every file of the folder was read and replayed
  1  at least one file could not be used (it does not load, or the lifecycle refuses
     one of its events): every other convention is still listed, and the failing
     files follow the table with their errors, so that a script notices; or two files
     hold the same reference (all are listed, and named after the table)
  2  usage error

urgency (first column):
  !!  overdue: the date has passed and what it calls for is still open
  !   within {SOON_DAYS} days (today included)
  -   final state (terminated or ended): nothing is due

example:
  mgp-convention portfolio examples/ --on 2026-11-28
  mgp-convention portfolio examples/ --json > portfolio.json
"""


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    """Add ``portfolio`` to the command line."""
    parser = subparsers.add_parser(
        "portfolio",
        help="list every convention of a folder by urgency: the next legal date and the action",
        description=(
            "Read every convention file (*.json) of a folder and list, for each, where it "
            "stands on a date and the next legal date with the action it calls for and its "
            "article (planned start, remedy deadline, end of the period of use, end date…). "
            "Overdue dates come first, then the earliest; terminated and ended conventions "
            "last."
        ),
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("folder", metavar="DIR", help="the folder of convention files")
    parser.add_argument(
        "--on",
        type=date_argument,
        default=None,
        metavar="DATE",
        help="the date to evaluate, YYYY-MM-DD (default: today in Europe/Paris)",
    )
    parser.add_argument(
        "--json",
        action="store_true",
        help="print the rows and the failures as JSON (dates as YYYY-MM-DD)",
    )
    parser.set_defaults(run=_run)


def _run(args: argparse.Namespace) -> int:
    on = args.on if args.on is not None else today_in_paris()
    result = portfolio(args.folder, on)
    if args.json:
        print_json(result.to_json())
    else:
        show(result, Path(args.folder), console())
    return EXIT_INVALID if result.failures or result.duplicates else EXIT_OK


def console() -> Console:
    """A console on the current ``sys.stdout``: the terminal's width in a terminal,
    :data:`PIPED_WIDTH` columns and no colour otherwise."""
    out = sys.stdout
    common: dict[str, Any] = {"file": out, "highlight": False, "emoji": False, "markup": False}
    isatty = getattr(out, "isatty", None)
    if callable(isatty) and isatty():
        width = Console(file=out).width
        return Console(**common, width=max(width, MIN_WIDTH))
    return Console(**common, width=PIPED_WIDTH, color_system=None, force_terminal=False)


def _widest(header: str, values: Iterable[str]) -> int:
    """The width of the widest value as drawn (a tab in a value is drawn as a space)."""
    return max([cell_len(header), *(cell_len(clean(value)) for value in values)])


def _widths(result: Portfolio, width: int) -> tuple[int, ...]:
    """Each column's width, computed once from the values: the marker, reference, date
    and article as wide as their longest value (never wrapped); the beneficiary and the
    state wrap within a narrow column; the action gets the rest of ``width``, at least
    :data:`_ACTION_MIN`."""
    rows = result.rows
    reference = _widest("Reference", (row.reference for row in rows))
    beneficiary = min(_BENEFICIARY_MAX, _widest("Beneficiary", (r.beneficiary for r in rows)))
    # The longest word of a French label (« expérimentation ») fits in _STATE_MAX.
    state = min(_STATE_MAX, _widest("State", (row.state.label_fr for row in rows)))
    article = _widest("Article", (row.article for row in rows))
    fixed = _MARKER + reference + beneficiary + state + _DATE + article + _GAPS
    action = _widest("Action", (row.action.render("en") for row in rows))
    action = max(_ACTION_MIN, min(action, width - fixed))
    return (_MARKER, reference, beneficiary, state, _DATE, action, article)


def columns(result: Portfolio, width: int = PIPED_WIDTH) -> tuple[Column, ...]:
    """The table's columns for ``result``, at most ``width`` cells wide when that leaves
    the action :data:`_ACTION_MIN` cells (dates and articles are never wrapped or cut)."""
    urgency, reference, beneficiary, state, date, action, article = _widths(result, width)
    return (
        Column("", urgency),
        Column("Reference", reference),
        Column("Beneficiary", beneficiary, wrap=True),
        Column("State", state, wrap=True),
        Column("Next date", date),
        Column("Action", action, wrap=True),
        Column("Article", article),
    )


def rows(result: Portfolio) -> Iterator[Row]:
    """One table row per convention, in the order of ``result`` (by urgency)."""
    for row in result.rows:
        marker, style = _MARKERS[row.urgency]
        yield Row(
            (
                marker,
                row.reference,
                row.beneficiary,
                row.state.label_fr,
                row.next_date.isoformat() if row.next_date else "—",
                row.action.render("en"),
                row.article,
            ),
            styles=((0, style), (4, style)) if style else (),
            style="dim" if row.urgency is Urgency.NONE else "",
        )


def show(result: Portfolio, folder: Path, out: Console) -> None:
    """Print the title, the table, then the files that could not be used.

    ``out`` gives the width and the colours of the terminal (none when piped). Lines are
    written without trailing spaces, so that piped output is stable.
    """
    # A legacy Windows console shows escape codes as text: no colours there.
    colours = None if out.legacy_windows else out.color_system
    lines = styled(_lines(result, folder, out.width), colours, no_color=out.no_color)
    out.file.write("".join(line + "\n" for line in lines))
    out.file.flush()


def _lines(result: Portfolio, folder: Path, width: int) -> Iterator[Line]:
    overdue = len(result.overdue)
    title = (
        f"{folder} on {format_date(result.on, 'en')}: "
        f"{quantity(len(result.rows), 'convention', lang='en')}, {overdue} overdue"
    )
    if not result.rows:
        title += ": no convention file could be listed."
    yield [(title, "")]
    if result.rows:
        yield from render(columns(result, width), rows(result))
    for reference, files in result.duplicates.items():
        names = ", ".join(str(file) for file in files)
        yield [(f"{len(files)} files hold the reference {reference}: {names}", "bold red")]
    if not result.failures:
        return
    count = len(result.failures)
    yield [(f"{quantity(count, 'file', lang='en')} could not be used:", "bold red")]
    for failure in result.failures:
        reference = f" ({failure.reference})" if failure.reference else ""
        yield [(f"  {failure.file}{reference}", "")]
        yield from ([(f"    error: {problem}", "")] for problem in failure.problems)
