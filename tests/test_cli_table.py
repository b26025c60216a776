"""The portfolio's plain table (``cli/_table.py``), checked against ``rich`` itself.

The table was drawn by ``rich.table.Table`` until it cost 1.7× loading the files; the
layout is now computed once. rich stays the oracle: for random cells and widths, the
plain output must be the one ``rich`` draws with the table settings the portfolio used.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from rich import box
from rich.cells import cell_len
from rich.console import Console
from rich.table import Table
from rich.text import Text

from mgp_convention.cli._table import Column, Row, plain, render, styled, wrap
from mgp_convention.cli.portfolio import show
from mgp_convention.portfolio import portfolio

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
_ESCAPE = re.compile(r"\x1b\[[0-9;]*m")

# Letters, accents (composed, and "e" + a combining acute), a wide (2-cell) character,
# spaces (plain, no-break, the narrow no-break of French typography, ideographic) and
# punctuation. Control characters are tested on their own (rich keeps them). Not the
# zero-width joiner: at the end of a cell rich joins it with the padding space that
# follows and pads one cell more (test_a_zero_width_joiner_takes_no_cell).
_ALPHABET = "abcdeÉéèç\u0301漢 \u00a0\u202f\u3000-–—(),.°'"
cell_texts = st.text(alphabet=_ALPHABET, max_size=60)


def _rich_wrap(text: str, width: int) -> list[str]:
    console = Console(width=200, color_system=None)
    lines = Text(text).wrap(console, width, overflow="fold")
    return [line.plain for line in lines]


@given(cell_texts, st.integers(min_value=2, max_value=30))
def test_wrap_is_richs_word_wrap(text: str, width: int) -> None:
    assert wrap(text, width) == _rich_wrap(text, width)


@given(cell_texts, st.integers(min_value=2, max_value=30))
def test_wrapped_lines_fit_and_keep_every_character(text: str, width: int) -> None:
    lines = wrap(text, width)
    assert all(cell_len(line) <= width for line in lines)
    # Only blanks may be dropped (those beyond the column's width).
    assert [c for c in "".join(lines) if not c.isspace()] == [c for c in text if not c.isspace()]


def test_wrap_by_hand() -> None:
    # Width 14: "terminated on " fits (13 cells + a space); "2026-07-24" would end at
    # 24 > 14, so it starts line 2; "(ground" (7) after "2026-07-24 " (11) would end at
    # 18, so line 3; "breach)" (7) fits after "(ground " (8): 15 > 14, so line 4.
    # As in rich, a line keeps the blank that ends it when it fits in the column.
    assert wrap("terminated on 2026-07-24 (ground breach)", 14) == [
        "terminated on ",
        "2026-07-24 ",
        "(ground ",
        "breach)",
    ]
    # A word longer than the column is folded: 12 + 12 + 8 characters.
    assert wrap("Établissement-public-territorial", 12) == [
        "Établissemen",
        "t-public-ter",
        "ritorial",
    ]
    # "漢" is two cells wide: three of them fill 6 cells, the fourth goes below.
    assert wrap("漢漢漢漢", 6) == ["漢漢漢", "漢"]
    # Blanks beyond the column are dropped: "abcd" fills 4 cells, its 3 spaces do not fit.
    assert wrap("abcd   e", 4) == ["abcd", "e"]
    assert wrap("", 5) == [""]
    # An exact fit stays on the line: "ab " is 3 cells, "cd" needs the 2 left of 5.
    assert wrap("ab cd", 5) == ["ab cd"]
    assert wrap("ab cde", 5) == ["ab ", "cde"]


def test_a_zero_width_joiner_takes_no_cell() -> None:
    # "ab" + U+200D is 2 cells wide: 1 cell of padding, then the 2-space gap, then "a".
    columns = (Column("H0", 3), Column("H1", 3))
    assert list(plain(render(columns, [Row(("ab\u200d", "a"))])))[2] == "ab\u200d   a"


def test_a_line_break_in_a_cell_stays_in_its_row() -> None:
    # A name read from a file may hold a line break or a tab: shown as a space, so that
    # the row keeps its columns.
    columns = (Column("Name", 12, wrap=True), Column("Ref", 3))
    lines = list(plain(render(columns, [Row(("Commune\nde\tX", "R1"))])))
    assert lines[2:] == ["Commune de X  R1"]
    assert list(plain(render((Column("Ref", 5),), [Row(("a\r\nb",))])))[2] == "a  b"


def _rich_table(columns: tuple[Column, ...], rows: list[Row]) -> list[str]:
    """The table as the portfolio drew it with rich (SIMPLE_HEAD, no edge, one space of
    padding on the right), on a console exactly as wide as the columns."""
    grid = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, padding=(0, 1, 0, 0))
    for column in columns:
        grid.add_column(
            column.header,
            width=column.width,
            no_wrap=not column.wrap,
            overflow="fold",
        )
    for row in rows:
        grid.add_row(*(Text(cell) for cell in row.cells))
    total = sum(c.width for c in columns) + 2 * (len(columns) - 1)
    console = Console(width=total, color_system=None, file=io.StringIO())
    with console.capture() as captured:
        console.print(grid)
    return [line.rstrip() for line in captured.get().splitlines()]


@st.composite
def tables(draw: st.DrawFn) -> tuple[tuple[Column, ...], list[Row]]:
    widths = draw(st.lists(st.integers(min_value=3, max_value=20), min_size=1, max_size=5))
    wraps = [draw(st.booleans()) for _ in widths]
    texts = st.text(alphabet=_ALPHABET, max_size=40)
    rows = draw(st.lists(st.tuples(*(texts for _ in widths)), min_size=1, max_size=4))
    # A column that does not wrap is as wide as its widest value (the caller measures it).
    columns = []
    for index, (drawn, wraps_) in enumerate(zip(widths, wraps, strict=True)):
        header = f"H{index}"
        width = drawn
        if not wraps_:
            width = max([drawn, cell_len(header), *(cell_len(r[index]) for r in rows)])
        columns.append(Column(header, width, wrap=wraps_))
    return tuple(columns), [Row(cells) for cells in rows]


@given(tables())
def test_render_is_the_table_rich_drew(table: tuple[tuple[Column, ...], list[Row]]) -> None:
    columns, rows = table
    assert list(plain(render(columns, rows))) == _rich_table(columns, rows)


def test_colours_on_a_terminal_and_not_in_a_pipe() -> None:
    columns = (Column("", 2), Column("Date", 10))
    row = Row(("!!", "2026-12-21"), styles=((0, "bold red"), (1, "bold red")))
    final = Row(("-", "—"), style="dim")
    coloured = list(styled(render(columns, [row, final]), "standard"))
    assert coloured[0] == "\x1b[1m  \x1b[0m  \x1b[1mDate\x1b[0m"  # bold headers
    assert coloured[2] == "\x1b[1;31m!!\x1b[0m  \x1b[1;31m2026-12-21\x1b[0m"
    assert coloured[3] == "\x1b[2m- \x1b[0m\x1b[2m  \x1b[0m\x1b[2m—\x1b[0m"  # a dim row
    # NO_COLOR: bold and dim stay, the red goes.
    no_color = list(styled(render(columns, [row]), "standard", no_color=True))
    assert no_color[2] == "\x1b[1m!!\x1b[0m  \x1b[1m2026-12-21\x1b[0m"
    # Piped: no escape code at all.
    assert list(styled(render(columns, [row]), None)) == list(plain(render(columns, [row])))


def test_the_terminal_table_is_the_piped_one_with_colours() -> None:
    result = portfolio(EXAMPLES, dt.date(2027, 6, 1))
    piped, terminal = io.StringIO(), io.StringIO()
    show(result, EXAMPLES, Console(file=piped, width=120, color_system=None))
    show(result, EXAMPLES, Console(file=terminal, width=120, color_system="truecolor"))
    assert "\x1b[" in terminal.getvalue()
    assert _ESCAPE.sub("", terminal.getvalue()) == piped.getvalue()


def test_no_escape_codes_on_a_legacy_windows_console() -> None:
    result = portfolio(EXAMPLES, dt.date(2027, 6, 1))
    piped, legacy = io.StringIO(), io.StringIO()
    show(result, EXAMPLES, Console(file=piped, width=120, color_system=None))
    console = Console(file=legacy, width=120, color_system="windows")
    console.legacy_windows = True
    show(result, EXAMPLES, console)
    assert legacy.getvalue() == piped.getvalue()
