"""The timeline of one convention, as values: what a drawing shows, and when.

:func:`timeline` turns a portfolio :class:`~mgp_convention.portfolio.Row` into
:class:`Segment` values — the convention's reference, a :class:`SegmentKind`, the first
and last day, a label for people and the article — for any tool that draws its own
picture (the report's SVG is one of them, :mod:`mgp_convention.report.drawing`). Nothing
is computed here that the lifecycle did not compute: the segments only *place* the
facts of the row's :class:`~mgp_convention.values.Status` and legal dates on a line.

Each kind, with the rule it shows:

=========================  =====  ==========================================================
kind                       shape  from → to (article)
=========================  =====  ==========================================================
``awaiting_signature``     bar    first signature → end date, while not every party signed
                                  (Art. 2)
``in_force``               bar    last signature → end date, or the day before a
                                  termination takes effect, or before the lapse (Art. 2)
``usage``                  bar    actual start → last day of use (Art. 5 al. 1; al. 5 when
                                  reduced), cut short by an Art. 9 stop or a termination
``usage_cut``              bar    the days of use Art. 5 al. 5 took off: the day after the
                                  reduced last day → the normal last day
``breach``                 bar    recorded → remedied or closed under Art. 9; still open:
                                  → the report's date (``open_ended``)
``remedy_period``          bar    formal notice sent → end of its thirty days (Art. 12
                                  al. 2)
``planned_start``          mark   the indicative start (Art. 5 al. 1)
``experiment_started``     mark   the actual start (Art. 5 al. 1)
``evaluation_deadline``    mark   « avant le [Date] » (Art. 5 al. 5)
``experiment_stopped``     mark   an Art. 9 decision ended the experiment
``formal_notice``          mark   the registered letter of a breach (Art. 12 al. 2)
``remedy_deadline``        mark   the last day of its thirty days (Art. 12 al. 2)
``remedied``               mark   the breach remedied, in time or late (Art. 12 al. 2)
``termination_decided``    mark   the decision (its ground's article)
``termination_effective``  mark   the day it takes effect (no retroactivity, CE 1948)
``lapsed``                 mark   the procurement definitively unsuccessful (Art. 3)
``end_date``               mark   the last day in force (Art. 2), when nothing ended the
                                  convention earlier
=========================  =====  ==========================================================

A bar's ``first`` and ``last`` are both days *in* it; a mark has ``first == last``. The
planned start and the evaluation deadline are left out when they fall after the
convention stopped being in force (a termination, a lapse). The segments come in
drawing order: the convention's bars, then its breaches, then the marks.

>>> import datetime as dt
>>> from mgp_convention.examples import example_convention
>>> from mgp_convention.io import FolderLoad
>>> from mgp_convention.portfolio import portfolio_of
>>> from pathlib import Path
>>> load = FolderLoad(loaded=((Path("valmont.json"), example_convention()),), failed=())
>>> row = portfolio_of(load, dt.date(2026, 11, 28)).rows[0]
>>> [(s.kind.value, str(s.first), str(s.last), s.article) for s in timeline(row)]
[('in_force', '2026-11-19', '2028-03-31', 'Art. 2'), ('planned_start', '2027-03-01', '2027-03-01', 'Art. 5 al. 1'), ('evaluation_deadline', '2027-12-31', '2027-12-31', 'Art. 5 al. 5'), ('end_date', '2028-03-31', '2028-03-31', 'Art. 2')]
>>> timeline(row)[0].label.render("fr")
'en vigueur'

Why over 400 lines: one segment builder per kind of the table above, which reads the
same row; a third of the module is the table that says which rule each kind shows.
"""  # noqa: E501

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterator
from typing import Final

import attrs

from mgp_convention.articles.art02_duration import ART2_DURATION, ART2_SIGNATURE
from mgp_convention.articles.art03_procurement import ART3_PROCUREMENT
from mgp_convention.articles.art05_calendar import ART5_DURATION, ART5_REDUCED_USAGE
from mgp_convention.articles.art09_sanctions import ART9_STOP
from mgp_convention.articles.art12_remedy import ART12_REMEDY
from mgp_convention.articles.art12_termination import CE_LAURORE, GROUND_CITATIONS
from mgp_convention.calendar import ONE_DAY
from mgp_convention.citations import Citation
from mgp_convention.i18n import N_, Message
from mgp_convention.portfolio import Row
from mgp_convention.states import State
from mgp_convention.values import Breach, Status

__all__ = ["BAR_KINDS", "Segment", "SegmentKind", "timeline"]


class SegmentKind(enum.StrEnum):
    """What a segment shows; the value is a stable code (the module's table)."""

    AWAITING_SIGNATURE = "awaiting_signature"
    IN_FORCE = "in_force"
    USAGE = "usage"
    USAGE_CUT = "usage_cut"
    BREACH = "breach"
    REMEDY_PERIOD = "remedy_period"
    PLANNED_START = "planned_start"
    EXPERIMENT_STARTED = "experiment_started"
    EVALUATION_DEADLINE = "evaluation_deadline"
    EXPERIMENT_STOPPED = "experiment_stopped"
    FORMAL_NOTICE = "formal_notice"
    REMEDY_DEADLINE = "remedy_deadline"
    REMEDIED = "remedied"
    TERMINATION_DECIDED = "termination_decided"
    TERMINATION_EFFECTIVE = "termination_effective"
    LAPSED = "lapsed"
    END_DATE = "end_date"

    @property
    def bar(self) -> bool:
        """Whether it spans days (a bar), rather than marking one day."""
        return self in BAR_KINDS


#: The kinds drawn as bars (the others mark one day).
BAR_KINDS: Final = frozenset(
    {
        SegmentKind.AWAITING_SIGNATURE,
        SegmentKind.IN_FORCE,
        SegmentKind.USAGE,
        SegmentKind.USAGE_CUT,
        SegmentKind.BREACH,
        SegmentKind.REMEDY_PERIOD,
    }
)


@attrs.frozen
class Segment:
    """One fact of a convention's timeline: a bar from ``first`` to ``last`` (both days
    included), or a mark on one day (``first == last``).

    ``convention``: the convention's reference. ``label``: what it is, for people.
    ``article``: the rule it shows (``"Art. 12 al. 2"``); ``citation``: that rule
    quoted, when it is a clause (a breach names the article of its obligation,
    ``"Art. 8"``, without a quote). ``breach``: the breach it belongs to, if any.
    ``open_ended``: a breach still open on the report's date, which goes on after
    ``last``.
    """

    convention: str
    kind: SegmentKind
    first: dt.date
    last: dt.date
    label: Message
    article: str
    citation: Citation | None = None
    breach: str | None = None
    open_ended: bool = False

    @property
    def days(self) -> int:
        """The number of days it spans, first and last included."""
        return (self.last - self.first).days + 1


def _labelled(text: str, **params: object) -> Message:
    return Message(text, params)


def _segment(
    reference: str,
    kind: SegmentKind,
    first: dt.date,
    last: dt.date,
    label: Message,
    *,
    citation: Citation,
    breach: str | None = None,
) -> Segment:
    """A segment that shows the clause ``citation``."""
    return Segment(reference, kind, first, last, label, citation.label, citation, breach)


class _Builder:
    """The segments of one row: the convention's bars, its breaches, then the marks."""

    def __init__(self, row: Row) -> None:
        self.row = row
        self.status = row.status
        self.bars: list[Segment] = []
        self.breaches: list[Segment] = []
        self.marks: list[Segment] = []

    def bar(
        self, kind: SegmentKind, first: dt.date, last: dt.date, label: Message, citation: Citation
    ) -> None:
        self.bars.append(_segment(self.row.reference, kind, first, last, label, citation=citation))

    def mark(self, kind: SegmentKind, on: dt.date, label: Message, citation: Citation) -> None:
        self.marks.append(_segment(self.row.reference, kind, on, on, label, citation=citation))

    def segments(self) -> tuple[Segment, ...]:
        return (*self.bars, *self.breaches, *self.marks)


def _lapsed_on(status: Status) -> dt.date | None:
    """The date a definitive unsuccessful procurement made the convention lapse (Art. 3)."""
    return next(
        (
            entry.event.on
            for entry in status.history
            if entry.state_after is State.LAPSED and entry.state_before is not State.LAPSED
        ),
        None,
    )


def _first_signature(status: Status) -> dt.date | None:
    return next((e.event.on for e in status.history if e.event.type == "signature"), None)


def _stop(status: Status) -> dt.date | None:
    """The first day the convention is no longer in force because of an event: a
    termination (decided, from the day it takes effect) or a lapse."""
    if status.termination is not None:
        return status.termination.takes_effect_on
    return _lapsed_on(status)


def timeline(row: Row) -> tuple[Segment, ...]:
    """The segments of ``row``'s convention on the portfolio's date (the module's table)."""
    builder = _Builder(row)
    status = row.status
    stop = _stop(status)
    last_in_force = status.end_date if stop is None else min(status.end_date, stop - ONE_DAY)
    _contract(builder, last_in_force)
    _usage(builder, last_in_force)
    for breach in status.breaches:
        _breach(builder, breach, last_in_force)
    _ending(builder)
    return builder.segments()


def _contract(builder: _Builder, last_in_force: dt.date) -> None:
    """The convention in force (Art. 2), or awaiting its signatures; the planned start."""
    status = builder.status
    effective = status.effective_date
    if effective is not None:
        if last_in_force >= effective:
            builder.bar(
                SegmentKind.IN_FORCE,
                effective,
                last_in_force,
                _labelled(N_("in force")),
                ART2_DURATION,
            )
    else:
        first = _first_signature(status)
        if first is not None and last_in_force >= first:
            builder.bar(
                SegmentKind.AWAITING_SIGNATURE,
                first,
                last_in_force,
                _labelled(N_("awaiting signature: not in force")),
                ART2_SIGNATURE,
            )
    if status.planned_start <= last_in_force:
        builder.mark(
            SegmentKind.PLANNED_START,
            status.planned_start,
            _labelled(N_("planned start of the experiment")),
            ART5_DURATION,
        )


def _usage(builder: _Builder, last_in_force: dt.date) -> None:
    """The actual start, the period of use (Art. 5 al. 1), its Art. 5 al. 5 cut, an
    Art. 9 stop, and the evaluation deadline."""
    status = builder.status
    started = status.experiment_started_on
    period = status.usage_period
    if started is not None:
        builder.mark(
            SegmentKind.EXPERIMENT_STARTED,
            started,
            _labelled(N_("start of the experiment")),
            ART5_DURATION,
        )
    if started is not None and period is not None:
        ends = [last_in_force]
        if period.last_day is not None:
            ends.append(period.last_day)
        if status.experiment_stopped_on is not None:
            ends.append(status.experiment_stopped_on)
        last = min(ends)
        if period.last_day is not None and last >= period.first_day:
            builder.bar(
                SegmentKind.USAGE,
                period.first_day,
                last,
                _labelled(
                    N_("period of use of the solution (reduced)")
                    if period.reduced
                    else N_("period of use of the solution")
                ),
                ART5_REDUCED_USAGE if period.reduced else ART5_DURATION,
            )
        if period.reduced:
            cut_first = period.first_day if period.last_day is None else period.last_day + ONE_DAY
            cut_last = min(period.normal_last_day, last_in_force)
            if cut_last >= cut_first:
                builder.bar(
                    SegmentKind.USAGE_CUT,
                    cut_first,
                    cut_last,
                    _labelled(N_("days of use taken off to leave time for the assessment")),
                    ART5_REDUCED_USAGE,
                )
    if status.experiment_stopped_on is not None:
        builder.mark(
            SegmentKind.EXPERIMENT_STOPPED,
            status.experiment_stopped_on,
            _labelled(N_("end of the experiment decided under Art. 9")),
            ART9_STOP,
        )
    evaluation = next(
        (d for d in builder.row.dates if d.key == "evaluation_deadline" and d.void is None), None
    )
    if evaluation is not None and evaluation.on <= last_in_force:
        builder.mark(
            SegmentKind.EVALUATION_DEADLINE, evaluation.on, evaluation.title, evaluation.citation
        )


def _breach(builder: _Builder, breach: Breach, last_in_force: dt.date) -> None:
    """A breach, from its recording to its close; its letter and its thirty days."""
    status = builder.status
    label = breach.label
    first = breach.recorded.on
    open_ended = False
    if breach.closed_on is not None:
        last = breach.closed_on
    else:
        last = min(status.on, last_in_force)
        open_ended = not status.state.final and status.on <= last_in_force
    obligation = breach.recorded.obligation
    builder.breaches.append(
        Segment(
            builder.row.reference,
            SegmentKind.BREACH,
            first,
            max(first, last),
            _labelled(N_("breach {breach}: {obligation}"), breach=label, obligation=obligation),
            obligation.article,
            None,
            label,
            open_ended,
        )
    )
    for segment in _breach_steps(builder, breach):
        (builder.breaches if segment.kind.bar else builder.marks).append(segment)


def _breach_steps(builder: _Builder, breach: Breach) -> Iterator[Segment]:
    """The formal notice, the thirty days and their last day (Art. 12 al. 2), the remedy."""
    reference, label = builder.row.reference, breach.label
    notice, deadline = breach.notice, breach.deadline
    if notice is not None:
        letter = _labelled(
            N_("breach {breach}: formal notice sent ({letter})"),
            breach=label,
            letter=notice.letter_reference,
        )
        yield _segment(
            reference,
            SegmentKind.FORMAL_NOTICE,
            notice.on,
            notice.on,
            letter,
            citation=ART12_REMEDY,
            breach=label,
        )
    if notice is not None and deadline is not None:
        expires = deadline.expires_on
        yield _segment(
            reference,
            SegmentKind.REMEDY_PERIOD,
            notice.on,
            expires,
            _labelled(N_("breach {breach}: the thirty days to remedy it"), breach=label),
            citation=ART12_REMEDY,
            breach=label,
        )
        yield _segment(
            reference,
            SegmentKind.REMEDY_DEADLINE,
            expires,
            expires,
            _labelled(N_("breach {breach}: end of the remedy period"), breach=label),
            citation=ART12_REMEDY,
            breach=label,
        )
    if breach.remedied_on is not None:
        text = (
            N_("breach {breach}: remedied late") if breach.late else N_("breach {breach}: remedied")
        )
        yield _segment(
            reference,
            SegmentKind.REMEDIED,
            breach.remedied_on,
            breach.remedied_on,
            _labelled(text, breach=label),
            citation=ART12_REMEDY,
            breach=label,
        )


def _ending(builder: _Builder) -> None:
    """A termination (decided, in effect), a lapse, or the end date."""
    status = builder.status
    termination = status.termination
    lapsed = _lapsed_on(status)
    if termination is not None:
        builder.mark(
            SegmentKind.TERMINATION_DECIDED,
            termination.event.on,
            _labelled(N_("termination decided ({ground})"), ground=termination.ground),
            GROUND_CITATIONS[termination.ground],
        )
        builder.mark(
            SegmentKind.TERMINATION_EFFECTIVE,
            termination.takes_effect_on,
            _labelled(N_("the termination takes effect")),
            CE_LAURORE,
        )
    elif lapsed is not None:
        builder.mark(
            SegmentKind.LAPSED,
            lapsed,
            _labelled(N_("lapsed, the procurement was definitively unsuccessful")),
            ART3_PROCUREMENT,
        )
    else:
        builder.mark(
            SegmentKind.END_DATE,
            status.end_date,
            _labelled(N_("end date of the convention (its last day in force)")),
            ART2_DURATION,
        )
