"""The report's data: the portfolio of a folder, with what a page or a sheet shows of it.

:func:`report_data` reads a folder once, computes its portfolio on a date
(:func:`~mgp_convention.portfolio.portfolio_of`: the same rows, in the same urgency
order, and the same failures as ``mgp-convention portfolio``), and adds, for each row,
the market terms in force on that date (Art. 11 amendments included) and its timeline
(:func:`~mgp_convention.report.timeline.timeline`); then the summary: conventions per
state, the overdue ones, and every legal date of the next :data:`UPCOMING_DAYS` days.
Nothing here renders text: each value keeps its codes, dates and
:class:`~mgp_convention.i18n.Message`, so that a tool can draw its own report.

>>> import datetime as dt
>>> data = report_data("examples", dt.date(2026, 11, 28))
>>> [(state.value, count) for state, count in data.state_counts]
[('draft', 1), ('signed', 1), ('experimenting', 2), ('remedy_period', 3),
 ('experiment_stopped', 1), ('terminated', 1), ('not_concluded', 1)]
>>> [(due.row.reference[-3:], due.date.key, str(due.date.on)) for due in data.upcoming][:3]
[('010', 'termination_effective', '2026-12-01'), ('006', 'remedy_deadline_B2', '2026-12-09'), ('006', 'termination_allowed_from_B2', '2026-12-10')]
>>> data.first, data.last
(datetime.date(2026, 2, 1), datetime.date(2028, 3, 31))
"""  # noqa: E501

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Final

import attrs

from mgp_convention.calendar import to_paris_date
from mgp_convention.convention import Convention, Market
from mgp_convention.io import FolderLoad, load_folder
from mgp_convention.legal_dates import LegalDate
from mgp_convention.portfolio import Failure, Portfolio, Row, portfolio_of
from mgp_convention.report.timeline import Segment, timeline
from mgp_convention.states import State
from mgp_convention.values import Status

__all__ = ["UPCOMING_DAYS", "DueDate", "Line", "ReportData", "report_data", "report_data_of"]

#: The summary lists the legal dates of the next this many days, the report's date
#: included (a display choice, not a period of the contract).
UPCOMING_DAYS: Final = 30


@attrs.frozen
class DueDate:
    """A legal date of the summary, with the row of its convention."""

    row: Row
    date: LegalDate


@attrs.frozen
class Line:
    """One convention of the report: its portfolio ``row``, the ``market`` terms in force
    on the report's date (as amended, Art. 11), and its timeline ``segments``."""

    row: Row
    market: Market
    segments: tuple[Segment, ...]

    @property
    def reference(self) -> str:
        """The convention's reference."""
        return self.row.reference

    @property
    def first(self) -> dt.date:
        """The first day of its timeline."""
        return min(segment.first for segment in self.segments)

    @property
    def last(self) -> dt.date:
        """The last day of its timeline."""
        return max(segment.last for segment in self.segments)


@attrs.frozen
class ReportData:
    """A folder's report on ``on``: one :class:`Line` per row of ``portfolio``, in its
    urgency order, and its failures."""

    portfolio: Portfolio
    lines: tuple[Line, ...]

    @property
    def on(self) -> dt.date:
        """The report's date."""
        return self.portfolio.on

    @property
    def rows(self) -> tuple[Row, ...]:
        """The portfolio's rows, by urgency."""
        return self.portfolio.rows

    @property
    def failures(self) -> tuple[Failure, ...]:
        """The files that could not be used."""
        return self.portfolio.failures

    @property
    def overdue(self) -> tuple[Row, ...]:
        """The rows whose next date has passed with the action still open."""
        return self.portfolio.overdue

    @property
    def state_counts(self) -> tuple[tuple[State, int], ...]:
        """How many conventions are in each state, for the states present, in the order
        of :class:`~mgp_convention.states.State`."""
        counts = dict.fromkeys(State, 0)
        for row in self.rows:
            counts[row.state] += 1
        return tuple((state, count) for state, count in counts.items() if count)

    @property
    def upcoming(self) -> tuple[DueDate, ...]:
        """Every legal date still applying from ``on`` to ``on`` + :data:`UPCOMING_DAYS`
        days, both included: by date, then in the rows' order."""
        until = self.on + dt.timedelta(days=UPCOMING_DAYS)
        found = [
            (date.on, index, DueDate(row, date))
            for index, row in enumerate(self.rows)
            for date in row.dates
            if date.void is None and self.on <= date.on <= until
        ]
        found.sort(key=lambda item: (item[0], item[1]))
        return tuple(due for _, _, due in found)

    @property
    def first(self) -> dt.date:
        """The first day of the timeline: the 1st of the month of its earliest fact (or of
        the report's date)."""
        earliest = min([self.on, *(line.first for line in self.lines)])
        return earliest.replace(day=1)

    @property
    def last(self) -> dt.date:
        """The last day of the timeline: the last day of the month of its latest fact (or
        of the report's date)."""
        latest = max([self.on, *(line.last for line in self.lines)])
        following = (latest.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        return following - dt.timedelta(days=1)


def _market_on(convention: Convention, status: Status) -> Market:
    """The market terms in force on the status's date: the last amendment's (Art. 11),
    else the convention's."""
    market = convention.market
    for entry in status.history:
        if entry.terms_after is not None:
            market = entry.terms_after.market
    return market


def report_data_of(load: FolderLoad, on: dt.date | dt.datetime) -> ReportData:
    """The report of conventions already loaded (:func:`~mgp_convention.io.load_folder`)."""
    result = portfolio_of(load, to_paris_date(on, field="on"))
    conventions = dict(load.loaded)
    lines = tuple(
        Line(row, _market_on(conventions[row.file], row.status), timeline(row))
        for row in result.rows
    )
    return ReportData(result, lines)


def report_data(folder: str | Path, on: dt.date | dt.datetime) -> ReportData:
    """The report of every convention file of ``folder`` on ``on``:
    :func:`~mgp_convention.io.load_folder`, then :func:`report_data_of`."""
    return report_data_of(load_folder(folder), on)
