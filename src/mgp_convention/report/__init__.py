"""The portfolio as a report people open: a self-contained HTML page, and a spreadsheet.

The data first (:mod:`~mgp_convention.report.data`: the rows, the summary, the timeline's
segments as values, for tools that draw their own), then two renderings of it, each
imported only by the command that needs it:

- :mod:`mgp_convention.report.page`: one HTML file, styles and SVG inside it (Jinja2,
  autoescaping on), for ``mgp-convention report``;
- :mod:`mgp_convention.report.sheet`: the rows as an ``.xlsx`` workbook (openpyxl), for
  ``mgp-convention export``.
"""

from __future__ import annotations

from mgp_convention.report.data import (
    UPCOMING_DAYS,
    DueDate,
    Line,
    ReportData,
    report_data,
    report_data_of,
)
from mgp_convention.report.timeline import BAR_KINDS, Segment, SegmentKind, timeline

__all__ = [
    "BAR_KINDS",
    "UPCOMING_DAYS",
    "DueDate",
    "Line",
    "ReportData",
    "Segment",
    "SegmentKind",
    "report_data",
    "report_data_of",
    "timeline",
]
