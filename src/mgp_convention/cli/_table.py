"""A plain text table with fixed column widths, laid out in one pass.

The portfolio table used to be a ``rich.table.Table``; rich measured and wrapped every
cell again (≈ 0.36 ms a row), which made ``portfolio`` on 2,000 conventions cost 1.7×
reading the files. Here the widths are decided once by the caller, each cell is wrapped
with the same rule as rich's word wrap (words move to the next line whole; a word wider
than its column is folded), and rich is used only for what it does well: the width of
a character in terminal cells (:func:`rich.cells.cell_len`, :func:`rich.cells.chop_cells`)
and the escape codes of a style on the terminal at hand.

The layout is that of ``rich``'s ``box.SIMPLE_HEAD`` without edges: one space of
padding and one space of divider between columns, a ``─`` rule under the header, no
trailing spaces.

>>> columns = (Column("Name", 6), Column("Note", 9, wrap=True))
>>> print("\\n".join(plain(render(columns, [Row(("Alice", "a long note"))]))))
Name    Note
─────────────────
Alice   a long
        note
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Final

import attrs
from rich.cells import cell_len, chop_cells, set_cell_size
from rich.color import ColorSystem
from rich.style import Style

#: A word and the spaces after it, as rich's word wrap splits a line.
_WORD: Final = re.compile(r"\s*\S+\s*")
#: Characters shown as a space in a cell: line breaks, tabs and other control characters
#: would break the table's lines (a file may hold them in a name).
_CONTROL: Final = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_GAP: Final = "  "  # the right padding of a column and the divider after it
_RULE: Final = "─"
#: rich's names of the colour systems (``Console.color_system``).
_SYSTEMS: Final = {
    "standard": ColorSystem.STANDARD,
    "256": ColorSystem.EIGHT_BIT,
    "truecolor": ColorSystem.TRUECOLOR,
    "windows": ColorSystem.WINDOWS,
}


@attrs.frozen
class Column:
    """A column: its header, its width in terminal cells, and whether it wraps.

    A column that does not wrap must be as wide as its widest value (the caller measures
    it): a longer value is shown whole and pushes the line wider.
    """

    header: str
    width: int
    wrap: bool = False


@attrs.frozen
class Row:
    """The cells of a row (plain text), a style for some of them and one for the row.

    ``styles`` maps a column's index to a rich style ("bold red"); ``style`` applies to
    the whole row. Styles show only on a terminal that has colours.
    """

    cells: tuple[str, ...]
    styles: tuple[tuple[int, str], ...] = ()
    style: str = ""


#: A line to print: (text, style) segments.
Line = list[tuple[str, str]]


def clean(text: str) -> str:
    r"""``text`` as a cell shows it: control characters (line breaks, tabs…) as spaces.

    Measure a column's values with it, so that the widths match what is drawn.

    >>> clean("Commune\nde\tX")
    'Commune de X'
    """
    return _CONTROL.sub(" ", text)


def wrap(text: str, width: int) -> list[str]:
    """``text`` as lines of at most ``width`` cells, with the rule of rich's word wrap.

    A word (with the blanks after it) goes on the current line when the word itself
    fits; otherwise it starts a new line; a word wider than ``width`` is folded across
    lines. As in rich, a line keeps the blanks that end it as long as they fit.

    >>> wrap("terminated on 2026-07-24 (ground breach)", 14)
    ['terminated on ', '2026-07-24 ', '(ground ', 'breach)']
    >>> wrap("Établissement-public-territorial", 12)
    ['Établissemen', 't-public-ter', 'ritorial']
    """
    text = clean(text)
    if text.isspace():  # no word at all: rich keeps the blanks as they are
        return [_fit(text, width)]
    lines: list[str] = []
    line = ""
    used = 0
    for match in _WORD.finditer(text):
        word = match.group()
        size = cell_len(word.rstrip())
        if size <= width - used:
            line += word
            used += cell_len(word)
        elif size > width:
            *full, last = chop_cells(word, width)
            if line:
                lines.append(line)
            lines.extend(full)
            line, used = last, cell_len(last)
        else:  # it fits on a line of its own, and this one is not empty (used > 0)
            lines.append(line)
            line, used = word, cell_len(word)
    lines.append(line)
    return [_fit(line, width) for line in lines]


def _fit(line: str, width: int) -> str:
    """Drop the blanks that end ``line`` beyond ``width`` characters, then cut it to
    ``width`` cells if it is still wider (rich's ``rstrip_end`` and ``truncate``)."""
    excess = len(line) - width
    if excess > 0:
        blanks = len(line) - len(line.rstrip())
        line = line[: len(line) - min(blanks, excess)]
    return set_cell_size(line, width) if cell_len(line) > width else line


def _pad(text: str, width: int) -> str:
    return text + " " * (width - cell_len(text))


def render(columns: Sequence[Column], rows: Iterable[Row]) -> Iterator[Line]:
    """The header (in bold), the rule and every row's lines, as styled segments."""
    header = Row(
        tuple(column.header for column in columns),
        styles=tuple((index, "bold") for index in range(len(columns))),
    )
    yield from _row_lines(columns, header)
    total = sum(column.width for column in columns) + len(_GAP) * (len(columns) - 1)
    yield [(_RULE * total, "")]
    for row in rows:
        yield from _row_lines(columns, row)


def _row_lines(columns: Sequence[Column], row: Row) -> Iterator[Line]:
    """The lines of one row: each cell wrapped or cleaned, padded to its column."""
    last = len(columns) - 1
    styles = dict(row.styles)
    cells = [
        wrap(text, column.width) if column.wrap else [clean(text)]
        for column, text in zip(columns, row.cells, strict=True)
    ]
    for depth in range(max(map(len, cells))):
        line: Line = []
        for index, (column, lines) in enumerate(zip(columns, cells, strict=True)):
            text = lines[depth] if depth < len(lines) else ""
            style = " ".join(s for s in (row.style, styles.get(index, "")) if s)
            line.append((text if index == last else _pad(text, column.width), style))
            if index != last:
                line.append((_GAP, row.style))
        yield line


def _trimmed(line: Line) -> Line:
    """``line`` without its trailing spaces (they would make piped output unstable)."""
    segments = list(line)
    while segments and not segments[-1][0].strip():
        segments.pop()
    if segments:
        text, style = segments[-1]
        segments[-1] = (text.rstrip(), style)
    return segments


def plain(lines: Iterable[Line]) -> Iterator[str]:
    """Each line as plain text, without trailing spaces."""
    for line in lines:
        yield "".join(text for text, _ in _trimmed(line))


def styled(
    lines: Iterable[Line], color_system: str | None, *, no_color: bool = False
) -> Iterator[str]:
    """Each line with the escape codes of its styles for a terminal of ``color_system``
    (rich's names: "standard", "256", "truecolor", "windows"); plain when it is None.
    ``no_color`` keeps the styles that are not colours (bold, dim), as ``NO_COLOR`` asks.
    """
    if color_system is None:
        yield from plain(lines)
        return
    cache: dict[str, Style] = {}

    def style_of(name: str) -> Style:
        if name not in cache:
            parsed = Style.parse(name)
            cache[name] = parsed.without_color if no_color else parsed
        return cache[name]

    for line in lines:
        yield "".join(
            style_of(style).render(text, color_system=_SYSTEMS[color_system])
            if style and text
            else text
            for text, style in _trimmed(line)
        )
