"""The timeline's layout: where each segment goes in the SVG, as numbers.

The SVG itself is a Jinja2 template (``templates/timeline.svg.j2``), autoescaped like
the page: this module only computes positions — a date scale, one line per convention
with its lanes, the month ticks, the "today" line — and cuts the lines into
:class:`Panel` values of at most :data:`PANEL_HEIGHT` units, each drawn as its own SVG
with its own axis, so that a printed page never cuts a line (A4 landscape holds one
panel).

Geometry, in SVG user units (the SVG scales to the page's width):

- :data:`VIEW_WIDTH` wide; the reference and the beneficiary on the left, the plot from
  :data:`PLOT_LEFT` to :data:`PLOT_RIGHT`; a day is ``plot width / days shown`` wide, a
  bar covers its days whole, a mark sits in the middle of its day;
- each line has a contract lane (the convention in force, the period of use drawn over
  it, the marks) and one lane per set of breaches that overlap in time (a breach goes
  in the first lane free on its first day).

>>> import datetime as dt
>>> from mgp_convention.report.data import report_data
>>> data = report_data("examples", dt.date(2026, 11, 28))
>>> drawing = draw(data, "fr", anchors=[f"c{n}" for n in range(len(data.lines))])
>>> [len(panel.lines) for panel in drawing.panels], str(drawing.first), str(drawing.last)
([10], '2026-02-01', '2028-03-31')
>>> [tick.label for tick in drawing.ticks][:5]  # every quarter: over 18 months are shown
['avr. 2026', 'juil. 2026', 'oct. 2026', 'janv. 2027', 'avr. 2027']
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Final

import attrs

from mgp_convention.i18n import Lang
from mgp_convention.report.data import Line, ReportData
from mgp_convention.report.timeline import Segment, SegmentKind

__all__ = [
    "PANEL_HEIGHT",
    "PLOT_LEFT",
    "PLOT_RIGHT",
    "VIEW_WIDTH",
    "Drawing",
    "DrawnLine",
    "Panel",
    "Shape",
    "Tick",
    "draw",
]

VIEW_WIDTH: Final = 1360
#: The plot's left and right edges; the labels take the space left of it.
PLOT_LEFT: Final = 262
PLOT_RIGHT: Final = 1348
#: The height of the axis above the lines of a panel.
AXIS_HEIGHT: Final = 40
#: A line's contract lane, tall enough for two lines of label.
CONTRACT_LANE: Final = 32
#: Each breach lane below it.
BREACH_LANE: Final = 14
#: A panel holds lines up to this height (axis included): one A4 landscape page.
PANEL_HEIGHT: Final = 800
#: The labels' length in characters before they are cut with « … » (their full text is
#: in the line's tooltip, the table and the section).
REFERENCE_CHARS: Final = 30
BENEFICIARY_CHARS: Final = 38

#: Babel's locale of each language, as in :mod:`mgp_convention.i18n`.
_LOCALES: Final = {"fr": "fr_FR", "en": "en_GB"}


@attrs.frozen
class Tick:
    """A month on the axis: its ``x``, its label, whether it starts a year."""

    x: float
    label: str
    year: bool


@attrs.frozen
class Shape:
    """A segment placed: ``x`` its left edge (a bar) or centre (a mark), ``width`` (0
    for a mark), ``y`` the centre of its lane."""

    segment: Segment
    x: float
    width: float
    y: float

    @property
    def kind(self) -> str:
        """The segment's kind (the CSS class of its shape)."""
        return self.segment.kind.value


@attrs.frozen
class DrawnLine:
    """One convention's line: its ``index`` in the report (from 0), its ``anchor`` (the
    id of its section), its top ``y`` and ``height``, its labels (cut to fit) and its
    shapes in drawing order."""

    line: Line
    index: int
    anchor: str
    y: float
    height: float
    reference: str
    beneficiary: str
    shapes: tuple[Shape, ...]


@attrs.frozen
class Panel:
    """A part of the timeline drawn as one SVG: its ``number`` (from 1), its lines, its
    ``height``."""

    number: int
    lines: tuple[DrawnLine, ...]
    height: float


@attrs.frozen
class Drawing:
    """The timeline laid out: the panels, the shared axis (``ticks``), the "today" line
    (``today_x``) and the dates shown (``first`` to ``last``)."""

    panels: tuple[Panel, ...]
    ticks: tuple[Tick, ...]
    today_x: float
    first: dt.date
    last: dt.date


@attrs.frozen
class _Scale:
    first: dt.date
    day_width: float

    def x(self, day: dt.date) -> float:
        """The left edge of ``day``."""
        return round(PLOT_LEFT + (day - self.first).days * self.day_width, 2)

    def middle(self, day: dt.date) -> float:
        return round(self.x(day) + self.day_width / 2, 2)

    def width(self, first: dt.date, last: dt.date) -> float:
        """The width of the days ``first`` to ``last``, at least 2 units (one day is seen)."""
        return max(2.0, round(((last - first).days + 1) * self.day_width, 2))


def _cut(text: str, chars: int) -> str:
    return text if len(text) <= chars else text[: chars - 1].rstrip() + "…"


def _breach_lanes(segments: Sequence[Segment]) -> dict[str, int]:
    """The lane of each breach: the first one free on its first day (greedy)."""
    ends: list[dt.date] = []
    lanes: dict[str, int] = {}
    breaches = [s for s in segments if s.kind is SegmentKind.BREACH and s.breach is not None]
    for segment in sorted(breaches, key=lambda s: s.first):
        # A breach's own letters and deadline may run past its close: keep them clear.
        last = max(s.last for s in segments if s.breach == segment.breach)
        for lane, end in enumerate(ends):
            if end < segment.first:
                ends[lane] = last
                break
        else:
            lane = len(ends)
            ends.append(last)
        lanes[segment.breach or ""] = lane
    return lanes


def _line(line: Line, index: int, anchor: str, y: float, scale: _Scale) -> DrawnLine:
    lanes = _breach_lanes(line.segments)
    middle = y + CONTRACT_LANE / 2
    shapes = []
    for segment in line.segments:
        lane_y = middle
        if segment.breach is not None:
            lane_y = y + CONTRACT_LANE + BREACH_LANE * lanes[segment.breach] + BREACH_LANE / 2
        if segment.kind.bar:
            shape = Shape(
                segment, scale.x(segment.first), scale.width(segment.first, segment.last), lane_y
            )
        else:
            shape = Shape(segment, scale.middle(segment.first), 0.0, lane_y)
        shapes.append(shape)
    height = CONTRACT_LANE + BREACH_LANE * len(lanes) + (4 if lanes else 0)
    return DrawnLine(
        line,
        index,
        anchor,
        y,
        height,
        _cut(line.reference, REFERENCE_CHARS),
        _cut(line.row.beneficiary, BENEFICIARY_CHARS),
        tuple(shapes),
    )


def _ticks(first: dt.date, last: dt.date, scale: _Scale, lang: Lang) -> tuple[Tick, ...]:
    """A tick on the first day of every month (every quarter past 18 months, every year
    past 48), labelled with the month (and the year on January and the first tick)."""
    from babel.dates import format_date  # noqa: PLC0415 - costly import

    months = (last.year - first.year) * 12 + last.month - first.month + 1
    step = 1 if months <= 18 else 3 if months <= 48 else 12
    ticks: list[Tick] = []
    day = first.replace(day=1)
    while day <= last:
        if (day.month - 1) % step == 0 and day >= first:
            shown_year = step > 1 or day.month == 1 or not ticks
            pattern = "y" if step == 12 else "MMM y" if shown_year else "MMM"
            label = format_date(day, pattern, locale=_LOCALES[lang])
            ticks.append(Tick(scale.x(day), label, day.month == 1))
        day = (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return tuple(ticks)


def draw(data: ReportData, lang: Lang, *, anchors: Sequence[str]) -> Drawing:
    """The layout of ``data``'s timeline; ``anchors``: the id of each line's section, in
    the order of ``data.lines``."""
    first, last = data.first, data.last
    scale = _Scale(first, (PLOT_RIGHT - PLOT_LEFT) / ((last - first).days + 1))
    panels: list[Panel] = []
    current: list[DrawnLine] = []
    y = float(AXIS_HEIGHT)
    for index, (line, anchor) in enumerate(zip(data.lines, anchors, strict=True)):
        drawn = _line(line, index, anchor, y, scale)
        if current and y + drawn.height > PANEL_HEIGHT:
            panels.append(Panel(len(panels) + 1, tuple(current), y + 6))
            current, y = [], float(AXIS_HEIGHT)
            drawn = _line(line, index, anchor, y, scale)
        current.append(drawn)
        y += drawn.height
    if current:
        panels.append(Panel(len(panels) + 1, tuple(current), y + 6))
    return Drawing(
        tuple(panels),
        _ticks(first, last, scale, lang),
        scale.middle(data.on),
        first,
        last,
    )
