"""The action each state calls for: a convention's next legal date, and what to do by then.

The programme officer's Monday-morning question — *what does this convention need, and
by when?* — answered from its status and its legal dates
(:mod:`mgp_convention.legal_dates`) on a date. Each answer has a stable ``code`` for
programs, an action in words, the article, and an urgency.

========================  ================================================================
state                     next date → the action it calls for
========================  ================================================================
``draft``                 the end date (Art. 2) → awaiting signatures: in force from the
                          last signature, and no signature after the end date.
``signed``                the planned start (Art. 5 al. 1, « un début souhaité [Date
                          indicative] ») → record the start.
``delayed``               no delay reported: **overdue** from the planned start → record
                          the start, or a delay and its cause (Art. 5 al. 3). The
                          beneficiary the cause: **overdue** → record the breach « not
                          ready on the planned date » and send its formal notice (Art. 5
                          al. 3 with Art. 12; with the no-notice reading: termination
                          possible from the day after the planned start). Another cause,
                          or the beneficiary ready: the set-up date beyond which usage is
                          reduced, then the last day of use still possible (Art. 5 al. 5).
``experimenting``         the last day of use (Art. 5 al. 1, or al. 5 when reduced), then
                          the evaluation deadline (Art. 5 al. 5, « avant le [Date] »).
``experiment_stopped``    the evaluation deadline, else the end date: the convention
                          stays in force (Art. 8 data, the assessment).
``in_breach``             **overdue** from the breach's date: send the formal notice of
                          the earliest breach without one, which starts its thirty days
                          (Art. 12 al. 2).
``remedy_period``         the earliest remedy deadline of the open breaches (Art. 12
                          al. 2); once passed, **overdue**: termination for breach
                          possible from the day after (Art. 12 al. 1).
final states              none (terminated, ended, not concluded, lapsed): listed last.
========================  ================================================================

A termination decided but not yet in effect comes first: its effective date. In every
non-final state, the end date (Art. 2, « jusqu'au [Date] ») is the next date when nothing
comes sooner. A step is ``soon`` when its date is within :data:`SOON_DAYS` days (a
display choice, not a legal period).

>>> import datetime as dt
>>> from mgp_convention.examples import example_convention
>>> from mgp_convention.legal_dates import legal_dates
>>> from mgp_convention.lifecycle import Lifecycle
>>> lifecycle = Lifecycle.from_convention(example_convention())  # signed 19 Nov 2026
>>> status = lifecycle.status(dt.date(2027, 3, 2))
>>> step = next_step(status, legal_dates(lifecycle, status.on, status))
>>> step.on, step.urgency.value, step.code, step.article
(datetime.date(2027, 3, 1), 'overdue', 'start_missed', 'Art. 5 al. 3')
>>> step.action.render("en")
'start missed: record the start of the experiment, or a delay and its cause'

Why over 400 lines: one small function per state, under the table above; they read the
same legal dates and urgency rules, and the table is the one place a lawyer checks them
all.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable, Mapping, Sequence
from typing import Any, Final

import attrs

from mgp_convention.articles.art02_duration import ART2_DURATION, ART2_SIGNATURE
from mgp_convention.articles.art03_procurement import ART3_PROCUREMENT
from mgp_convention.articles.art05_calendar import ART5_DURATION
from mgp_convention.articles.art05_delays import ART5_NOT_READY
from mgp_convention.articles.art09_sanctions import ART9_STOP
from mgp_convention.articles.art12_remedy import ART12_REMEDY
from mgp_convention.articles.art12_termination import (
    ART12_TERMINATION,
    CE_LAURORE,
    GROUND_CITATIONS,
)
from mgp_convention.citations import Citation
from mgp_convention.events import DelayCause, Obligation
from mgp_convention.i18n import N_, Lang, Message, gettext_in
from mgp_convention.legal_dates import LegalDate
from mgp_convention.states import State
from mgp_convention.values import Status

__all__ = ["SOON_DAYS", "NextStep", "Urgency", "next_step"]

#: A step whose date is at most this many days ahead is ``soon`` (a display choice for
#: "this week", not a period of the contract).
SOON_DAYS: Final = 7


class Urgency(enum.StrEnum):
    """How soon a convention's next date calls for action."""

    OVERDUE = "overdue"
    """The date has passed and what it calls for is still open."""
    SOON = "soon"
    """The date is within :data:`SOON_DAYS` days (today included)."""
    LATER = "later"
    """The date is further ahead."""
    NONE = "none"
    """A final state: nothing is due."""

    def label(self, lang: Lang) -> str:
        """The urgency in words."""
        return gettext_in(lang, _URGENCY_WORDS[self])


_URGENCY_WORDS: Final[Mapping[Urgency, str]] = {
    Urgency.OVERDUE: N_("overdue"),
    Urgency.SOON: N_("soon"),
    Urgency.LATER: N_("later"),
    Urgency.NONE: N_("nothing due"),
}


@attrs.frozen
class NextStep:
    """The next legal date of a convention (``None`` in a final state), the action it
    calls for (``code`` for programs, ``action`` for people), the rule, and how urgent
    it is. ``key``: the :class:`~mgp_convention.legal_dates.LegalDate` shown, if the
    date is one of them; ``breach``: the breach it is about, if any."""

    on: dt.date | None
    code: str
    action: Message
    citation: Citation
    urgency: Urgency = Urgency.LATER
    key: str | None = None
    breach: str | None = None

    @property
    def article(self) -> str:
        """The rule's reference, e.g. ``"Art. 5 al. 3"``."""
        return self.citation.label


def _step(
    on: dt.date | None,
    code: str,
    text: str,
    citation: Citation,
    *,
    urgency: Urgency = Urgency.LATER,
    key: str | None = None,
    breach: str | None = None,
    **params: Any,
) -> NextStep:
    if breach is not None:
        params = {"breach": breach, **params}
    return NextStep(on, code, Message(text, params), citation, urgency, key, breach)


_Rule = Callable[[Status, Mapping[str, LegalDate]], NextStep | None]


def _signed(status: Status, dates: Mapping[str, LegalDate]) -> NextStep | None:
    """Art. 5 al. 1: « un début souhaité [Date indicative] »."""
    planned = dates.get("planned_start")
    if planned is None:  # pragma: no cover - void only once terminated, or past the end
        return None
    return _step(
        planned.on,
        "record_start",
        N_("planned start: record the start of the experiment (or a delay)"),
        ART5_DURATION,
        key=planned.key,
    )


def _delayed(status: Status, dates: Mapping[str, LegalDate]) -> NextStep | None:
    """Art. 5 al. 3 (the start missed; the beneficiary not ready), al. 5 (other causes)."""
    planned = dates.get("planned_start")
    cause = status.delay_cause
    if planned is not None and cause is None and not _ready_declared(status):
        return _step(
            planned.on,
            "start_missed",
            N_("start missed: record the start of the experiment, or a delay and its cause"),
            ART5_NOT_READY,
            urgency=Urgency.OVERDUE,
            key=planned.key,
        )
    if planned is not None and cause is DelayCause.BENEFICIARY:
        not_ready = dates.get("not_ready_termination_from")
        if not_ready is not None:
            overdue = status.on >= not_ready.on
            return _step(
                planned.on if overdue else not_ready.on,
                "not_ready_termination",
                N_("the beneficiary is not ready: termination possible from {first}"),
                ART5_NOT_READY,
                urgency=Urgency.OVERDUE if overdue else Urgency.LATER,
                key=not_ready.key,
                first=not_ready.on,
            )
        if not any(
            b.recorded.obligation is Obligation.READY_ON_PLANNED_DATE and b.still_a_ground
            for b in status.breaches
        ):
            return _step(
                planned.on,
                "record_not_ready_breach",
                N_(
                    "the beneficiary is not ready: record the breach « not ready on the "
                    "planned date » and send its formal notice (thirty days)"
                ),
                ART5_NOT_READY,
                urgency=Urgency.OVERDUE,
                key=planned.key,
            )
    for key, code, text in (
        (
            "reduced_usage_after",
            "reduced_usage_after",
            N_("delayed: a set-up after this date reduces the period of use"),
        ),
        ("usage_cut", "usage_cut", N_("delayed: a set-up after this date leaves no day of use")),
    ):
        date = dates.get(key)
        if date is not None and date.on >= status.on:
            return _step(date.on, code, text, date.citation, key=key)
    return None


def _ready_declared(status: Status) -> bool:
    return any(entry.event.type == "beneficiary_ready" for entry in status.history)


def _experimenting(status: Status, dates: Mapping[str, LegalDate]) -> NextStep | None:
    """Art. 5 al. 1 (the period of use) and al. 5 (reduced usage, evaluation)."""
    usage_end = dates.get("usage_end")
    if usage_end is not None and usage_end.on >= status.on:
        return NextStep(
            usage_end.on, "usage_end", usage_end.title, usage_end.citation, key=usage_end.key
        )
    return _evaluation(status, dates)


def _evaluation(status: Status, dates: Mapping[str, LegalDate]) -> NextStep | None:
    evaluation = dates.get("evaluation_deadline")
    if evaluation is None or evaluation.on < status.on:
        return None
    period = status.usage_period
    if period is not None and period.empty:
        text = N_(
            "no day of use is left: finish the assessment and impact measurement before this date"
        )
    else:
        text = N_("finish the assessment and impact measurement before this date")
    return _step(
        evaluation.on, "evaluation_deadline", text, evaluation.citation, key=evaluation.key
    )


def _stopped(status: Status, dates: Mapping[str, LegalDate]) -> NextStep | None:
    """Art. 9: the experiment is over, the convention stays in force (Art. 8 data)."""
    step = _evaluation(status, dates)
    if step is not None:
        return step
    return _step(
        status.end_date,
        "experiment_stopped",
        N_("experiment stopped (Art. 9): the convention stays in force until its end date"),
        ART9_STOP,
        key="end_date",
    )


def _in_breach(status: Status, _dates: Mapping[str, LegalDate]) -> NextStep | None:
    """Art. 12 al. 2: the thirty days run from the sending of the formal notice."""
    waiting = [b for b in status.open_breaches if b.notice is None]
    breach = waiting[0]
    return _step(
        breach.recorded.on,
        "send_formal_notice",
        N_(
            "breach {breach} ({obligation}): send the formal notice by registered letter "
            "(the thirty days run from its sending)"
        ),
        ART12_REMEDY,
        urgency=Urgency.OVERDUE,
        breach=breach.label,
        obligation=breach.recorded.obligation,
    )


def _remedy_period(status: Status, _dates: Mapping[str, LegalDate]) -> NextStep | None:
    """Art. 12 al. 2 (the earliest deadline), then al. 1 (termination for breach)."""
    notified = [b for b in status.open_breaches if b.deadline is not None]
    breach = min(notified, key=lambda b: b.deadline.expires_on if b.deadline else dt.date.max)
    deadline = breach.deadline
    assert deadline is not None  # noqa: S101 - every open breach had its notice
    key = f"remedy_deadline_{breach.label}"
    first = deadline.termination_allowed_from
    if status.on > deadline.expires_on:
        return _step(
            deadline.expires_on,
            "remedy_deadline_passed",
            N_(
                "breach {breach}: remedy deadline passed, termination for breach possible "
                "since {first}"
            ),
            ART12_TERMINATION,
            urgency=Urgency.OVERDUE,
            key=key,
            breach=breach.label,
            first=first,
        )
    return _step(
        deadline.expires_on,
        "remedy_deadline",
        N_(
            "breach {breach}: remedy deadline; if not remedied, termination for breach "
            "possible from {first}"
        ),
        ART12_REMEDY,
        key=key,
        breach=breach.label,
        first=first,
    )


_RULES: Final[Mapping[State, _Rule]] = {
    State.SIGNED: _signed,
    State.DELAYED: _delayed,
    State.EXPERIMENTING: _experimenting,
    State.EXPERIMENT_STOPPED: _stopped,
    State.IN_BREACH: _in_breach,
    State.REMEDY_PERIOD: _remedy_period,
}


def _final(status: Status) -> NextStep:
    state = status.state
    termination = status.termination
    if state is State.TERMINATED and termination is not None:
        return _step(
            None,
            "terminated",
            N_("none: terminated on {decided} ({ground}), in effect from {effective}"),
            GROUND_CITATIONS[termination.ground],
            urgency=Urgency.NONE,
            decided=termination.event.on,
            ground=termination.ground,
            effective=termination.takes_effect_on,
        )
    if state is State.NOT_CONCLUDED:
        return _step(
            None,
            "not_concluded",
            N_("none: not signed by every party by its end date, {end}: never in force"),
            ART2_SIGNATURE,
            urgency=Urgency.NONE,
            end=status.end_date,
        )
    if state is State.LAPSED:
        return _step(
            None,
            "lapsed",
            N_("none: lapsed, the procurement was definitively unsuccessful"),
            ART3_PROCUREMENT,
            urgency=Urgency.NONE,
        )
    return _step(
        None,
        "ended",
        N_("none: ended after its end date, {end}"),
        ART2_DURATION,
        urgency=Urgency.NONE,
        end=status.end_date,
    )


def next_step(status: Status, dates: Sequence[LegalDate]) -> NextStep:
    """The next legal date of a convention on ``status.on``, and the action it calls for.

    ``dates``: its :func:`~mgp_convention.legal_dates.legal_dates` on the same date (the
    void ones are ignored). The rule of each state is in this module's docstring.
    """
    state = status.state
    if state.final:
        return _final(status)
    valid = {date.key: date for date in dates if date.void is None}
    termination = status.termination
    step: NextStep | None
    if termination is not None and not termination.in_effect:
        step = _step(
            termination.takes_effect_on,
            "termination_takes_effect",
            N_("termination decided on {decided} ({ground}): it takes effect on this date"),
            CE_LAURORE,
            key="termination_effective",
            decided=termination.event.on,
            ground=termination.ground,
        )
    else:
        rule = _RULES.get(state)
        step = rule(status, valid) if rule is not None else None
    end = status.end_date
    if step is None or (step.on is not None and step.on > end):
        if state is State.DRAFT:
            step = _step(
                end,
                "awaiting_signatures",
                N_(
                    "awaiting signatures: in force from the last signature, and no signature "
                    "after the end date"
                ),
                ART2_SIGNATURE,
                key="end_date",
            )
        else:
            step = _step(
                end,
                "end_date",
                N_("end date: the convention ends after this day"),
                ART2_DURATION,
                key="end_date",
            )
    if step.urgency is Urgency.OVERDUE or step.on is None:
        return step
    soon = (step.on - status.on).days <= SOON_DAYS
    return attrs.evolve(step, urgency=Urgency.SOON if soon else Urgency.LATER)
