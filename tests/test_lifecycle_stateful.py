"""A stateful property test of the lifecycle (RULES.md version 2).

Hypothesis drives a lifecycle of the example convention (not yet signed) with random
dated events — any event type, any breach label (known, unknown or left out), any
ground and ``by``, with or without notification and effective dates — and with events
the lifecycle says are possible, while the date moves forward (sometimes an event dated
a little before the last one, which must be refused). The reading of Art. 5 al. 3 and
Art. 9 is drawn once per run. After every step, on the current date:

- the state is one of the eleven of RULES.md;
- nothing follows a final state: no event is recorded from one, and once the status
  is final every event is refused;
- a refused ``apply`` changes nothing (history, status, terms), and :meth:`check`
  predicted it (same article);
- replaying the history from a file gives the same status;
- the status's ``remedy_deadline`` is the earliest deadline among the open breaches
  that had their formal notice;
- ``in_breach`` if and only if some open breach has no notice; ``remedy_period`` if and
  only if breaches are open and every one had its notice; no breach is open in another
  state in force;
- while in a breach state the return state is one of the four (signed, delayed,
  experimenting, experiment_stopped), and there is none otherwise;
- each event said to be possible is accepted when tried with a well-formed event of
  that date, and the events shaped like the status's own trials are refused for the
  triggers it says are not possible.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal

import attrs
import pytest
from hypothesis import event, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    rule,
)

from mgp_convention.articles.art05_delays import NotReadyOptions
from mgp_convention.articles.art09_sanctions import SanctionOptions
from mgp_convention.errors import EventRefused
from mgp_convention.events import (
    AmendmentSigned,
    BeneficiaryReady,
    BreachRecorded,
    BreachRemedied,
    Changes,
    DelayCause,
    DelayReported,
    Event,
    ExperimentStarted,
    ExperimentStopped,
    FormalNoticeSent,
    GeneralInterestBasis,
    Ground,
    JustificationsExamined,
    Obligation,
    Party,
    ProcurementUnsuccessful,
    RepresentativesHeard,
    Signature,
    TerminatedBy,
    Termination,
)
from mgp_convention.examples import example_convention
from mgp_convention.lifecycle import Lifecycle
from mgp_convention.machine import EVENT_TRIGGERS
from mgp_convention.states import BREACH_STATES, RETURN_STATES, State
from mgp_convention.values import HistoryEntry, Status

BASE = attrs.evolve(example_convention(), events=())  # to be signed by the test
START = dt.date(2026, 11, 1)
DAY = dt.timedelta(days=1)
REASON = "réorientation du programme (intérêt général)"
LABELS = ["B1", "B2", "B3", "X-9"]
ELEVEN = {
    "draft",
    "signed",
    "delayed",
    "experimenting",
    "in_breach",
    "remedy_period",
    "experiment_stopped",
    "terminated",
    "ended",
    "not_concluded",
    "lapsed",
}

READINGS: dict[str, dict[str, object]] = {
    "rules-v2": {},
    "not-ready-without-notice": {"not_ready_options": NotReadyOptions(notice_required=False)},
    "sanction-without-the-thirty-days": {
        "sanction_options": SanctionOptions(require_remedy_period=False)
    },
}


def days(low: int, high: int) -> st.SearchStrategy[dt.timedelta]:
    return st.integers(low, high).map(lambda n: n * DAY)


labels = st.sampled_from([None, *LABELS])


@st.composite
def breaches(draw: st.DrawFn, on: dt.date) -> BreachRecorded:
    obligation = draw(st.sampled_from(Obligation))
    label = draw(labels)
    if obligation is Obligation.READY_ON_PLANNED_DATE:
        return BreachRecorded(on, breach=label, obligation=obligation)
    details = "manquement constaté" if obligation is Obligation.OTHER else None
    impedes = draw(st.booleans())
    return BreachRecorded(
        on, breach=label, obligation=obligation, impedes_experiment=impedes, details=details
    )


@st.composite
def terminations(draw: st.DrawFn, on: dt.date) -> Termination:
    ground = draw(st.sampled_from(Ground))
    notified = draw(st.none() | days(0, 15).map(lambda d: on + d))
    effective = draw(st.none() | days(0, 15).map(lambda d: (notified or on) + d))
    return Termination(
        on,
        ground=ground,
        by=draw(st.sampled_from(TerminatedBy)),
        reason=draw(st.none() | st.just(REASON)),
        breach=draw(labels) if ground.names_breach else None,
        basis=draw(st.none() | st.sampled_from(GeneralInterestBasis))
        if ground is Ground.GENERAL_INTEREST
        else None,
        notified_on=notified,
        effective_on=effective,
    )


def any_event(on: dt.date) -> st.SearchStrategy[Event]:
    """Any event dated ``on``, well-formed as a value, accepted or not by the lifecycle."""
    return st.one_of(
        st.builds(Signature, st.just(on), party=st.sampled_from(Party)),
        st.builds(DelayReported, st.just(on), cause=st.sampled_from(DelayCause)),
        st.builds(BeneficiaryReady, st.just(on)),
        st.builds(ExperimentStarted, st.just(on)),
        breaches(on),
        st.builds(FormalNoticeSent, st.just(on), breach=labels, letter_reference=st.just("LRAR")),
        st.builds(BreachRemedied, st.just(on), breach=labels, accepted_late=st.booleans()),
        st.builds(JustificationsExamined, st.just(on), breach=labels),
        st.builds(RepresentativesHeard, st.just(on), breach=labels),
        st.builds(ExperimentStopped, st.just(on), breach=labels, reason=st.just("Art. 9")),
        st.builds(ProcurementUnsuccessful, st.just(on), definitive=st.booleans()),
        st.builds(
            AmendmentSigned,
            st.just(on),
            changes=st.one_of(
                st.builds(Changes, end_date=days(0, 900).map(lambda d: on + d)),
                st.builds(Changes, duration_months=st.integers(1, 12)),
                st.builds(Changes, indicative_start=days(0, 120).map(lambda d: on + d)),
                st.builds(Changes, market_total_ttc=st.just(Decimal("200000.00"))),
            ),
        ),
        terminations(on),
    )


def trials(trigger: str, on: dt.date, status: Status) -> Iterator[tuple[Event, bool]]:
    """Well-formed events of ``trigger`` dated ``on``, each with whether it has the shape
    of the status's own trials (the Métropole, or the beneficiary for its general
    interest; the cause « beneficiary »; a breach of meetings or of readiness)."""
    recorded = [b.label for b in status.breaches]
    named: list[str | None] = [*recorded, None]
    fresh = next(f"F{n}" for n in range(1, 99) if f"F{n}" not in recorded)
    signed = {e.event.party for e in status.history if isinstance(e.event, Signature)}
    if trigger == "signature":
        yield from ((Signature(on, party=p), p not in signed) for p in Party)
    elif trigger == "delay_reported":
        yield from ((DelayReported(on, cause=c), c is DelayCause.BENEFICIARY) for c in DelayCause)
    elif trigger == "beneficiary_ready":
        yield BeneficiaryReady(on), True
    elif trigger == "experiment_started":
        yield ExperimentStarted(on), True
    elif trigger == "breach_recorded":
        meetings = Obligation.ATTEND_MEETINGS
        yield BreachRecorded(on, breach=fresh, obligation=meetings, impedes_experiment=False), True
        yield BreachRecorded(on, breach=fresh, obligation=Obligation.READY_ON_PLANNED_DATE), True
    elif trigger == "formal_notice_sent":
        yield from ((FormalNoticeSent(on, breach=b, letter_reference="LRAR"), True) for b in named)
    elif trigger == "breach_remedied":
        yield from ((BreachRemedied(on, breach=b), True) for b in named)
    elif trigger == "justifications_examined":
        yield from ((JustificationsExamined(on, breach=b), True) for b in named)
    elif trigger == "representatives_heard":
        yield from ((RepresentativesHeard(on, breach=b), True) for b in named)
    elif trigger == "experiment_stopped":
        yield from ((ExperimentStopped(on, breach=b, reason="Art. 9"), True) for b in named)
    elif trigger == "procurement_unsuccessful":
        yield ProcurementUnsuccessful(on), True
        yield ProcurementUnsuccessful(on, definitive=True), True
    elif trigger == "amendment_signed":
        yield AmendmentSigned(on, changes=Changes(market_total_ttc=Decimal("190000.00"))), True
    else:
        ground = Ground(trigger.partition(":")[2])
        usual = (
            TerminatedBy.BENEFICIARY
            if ground is Ground.GENERAL_INTEREST
            else (TerminatedBy.METROPOLE)
        )
        for by in TerminatedBy:
            for label in named if ground.names_breach else [None]:
                termination = Termination(on, ground=ground, by=by, reason=REASON, breach=label)
                yield termination, by is usual


class LifecycleMachine(RuleBasedStateMachine):
    """The lifecycle driven by random dated events."""

    def __init__(self) -> None:
        super().__init__()
        self.options: dict[str, object] = {}
        self.lifecycle = Lifecycle(BASE)
        self.today = START

    @initialize(reading=st.sampled_from(sorted(READINGS)), signed=st.booleans())
    def choose_the_reading(self, reading: str, signed: bool) -> None:
        """The reading of Art. 5 al. 3 and Art. 9; often, both signatures of the example
        (Thu 12 and Thu 19 November 2026) to start from a convention in force."""
        self.options = dict(READINGS[reading])
        signatures = example_convention().events if signed else ()
        convention = attrs.evolve(BASE, events=signatures)
        self.lifecycle = Lifecycle.from_convention(convention, **self.options)  # type: ignore[arg-type]
        self.today = max(START, self.lifecycle.last_on or START)
        event(f"reading {reading}")

    # -- the steps --

    def _next_day(self, shift: dt.timedelta) -> dt.date:
        return max(self.today, self.lifecycle.last_on or self.today) + shift

    def _snapshot(self, on: dt.date) -> tuple[object, ...]:
        lc = self.lifecycle
        return (lc.state, lc.history, lc.terms, lc.status(on))

    def _apply(self, new: Event) -> HistoryEntry | None:
        lc = self.lifecycle
        on = max(new.on, lc.last_on or new.on)
        before = self._snapshot(on)
        final_before = lc.status(new.on).state.final
        predicted = lc.check(new)
        if predicted is not None:
            with pytest.raises(EventRefused) as info:
                lc.apply(new)
            assert info.value.article == predicted.article
            assert info.value.event == predicted.event
            assert self._snapshot(on) == before  # a refusal changes nothing
            return None
        assert not final_before, new  # nothing follows a final state
        entry = lc.apply(new)
        assert lc.history[-1] is entry
        assert len(lc.history) == len(before[1]) + 1  # type: ignore[arg-type]
        self.today = max(self.today, new.on)
        event(f"accepted {entry.trigger}")
        return entry

    @rule(data=st.data(), shift=days(-2, 40))
    def any_event_is_tried(self, data: st.DataObject, shift: dt.timedelta) -> None:
        self._apply(data.draw(any_event(self._next_day(shift))))

    @rule(data=st.data(), shift=days(0, 35))
    def a_possible_event_is_recorded(self, data: st.DataObject, shift: dt.timedelta) -> None:
        on = self._next_day(shift)
        status = self.lifecycle.status(on)
        if not status.allowed_events:
            return
        # The terminations and a lapse end the story: tried less often than the rest.
        lasting = [t for t in status.allowed_events if not t.startswith("termination")]
        if lasting and data.draw(st.integers(0, 9)) < 8:
            trigger = data.draw(st.sampled_from(lasting))
        else:
            trigger = data.draw(st.sampled_from(status.allowed_events))
        for candidate, _ in trials(trigger, on, status):
            if self.lifecycle.check(candidate) is None:
                entry = self._apply(candidate)
                assert entry is not None
                assert entry.trigger == trigger
                return
        raise AssertionError(f"{trigger} is said to be possible on {on}, no trial accepted")

    @rule(data=st.data(), shift=days(0, 20))
    def the_art12_procedure_moves_on(self, data: st.DataObject, shift: dt.timedelta) -> None:
        """A step of the Art. 12 and Art. 9 procedure for a breach that needs it: its
        letter, a hearing step, its remedy; else a new breach."""
        on = self._next_day(shift)
        status = self.lifecycle.status(on)
        if status.state.final or status.state is State.DRAFT:
            return
        steps: list[Event] = []
        for b in status.open_breaches:
            if b.notice is None:
                steps.append(FormalNoticeSent(on, breach=b.label, letter_reference="LRAR"))
            steps.append(JustificationsExamined(on, breach=b.label))
            steps.append(RepresentativesHeard(on, breach=b.label))
            steps.append(BreachRemedied(on, breach=b.label))
            steps.append(ExperimentStopped(on, breach=b.label, reason="Art. 9"))
        steps.append(data.draw(breaches(on)))
        self._apply(data.draw(st.sampled_from(steps)))

    @rule(shift=days(1, 120) | days(121, 600))
    def time_passes(self, shift: dt.timedelta) -> None:
        self.today += shift

    @rule()
    def the_earliest_deadline_passes(self) -> None:
        """The day after the earliest deadline of the open breaches, if one runs."""
        deadline = self.lifecycle.status(self.today).remedy_deadline
        if deadline is not None:
            self.today = max(self.today, deadline.expires_on + DAY)

    # -- the invariants, on the current date --

    @invariant()
    def the_state_is_one_of_the_eleven(self) -> None:
        assert {state.value for state in State} == ELEVEN
        assert self.lifecycle.state.value in ELEVEN
        status = self.lifecycle.status(self.today)
        assert status.state.value in ELEVEN
        event(f"state {status.state.value}")

    @invariant()
    def nothing_follows_a_final_state(self) -> None:
        assert not any(entry.state_before.final for entry in self.lifecycle.history)
        status = self.lifecycle.status(self.today)
        if status.state.final:
            assert status.allowed_events == ()
            assert status.remedy_deadline is None

    @invariant()
    def replaying_the_history_gives_the_same_status(self) -> None:
        events = tuple(entry.event for entry in self.lifecycle.history)
        replayed = Lifecycle.from_convention(attrs.evolve(BASE, events=events), **self.options)  # type: ignore[arg-type]
        assert replayed.history == self.lifecycle.history
        assert replayed.status(self.today) == self.lifecycle.status(self.today)

    @invariant()
    def the_remedy_deadline_is_the_earliest_open_one(self) -> None:
        status = self.lifecycle.status(self.today)
        if status.state.final:
            return
        deadlines = [b.deadline_date for b in status.open_breaches if b.notice is not None]
        expected = min(deadlines, default=None)  # type: ignore[type-var]
        actual = None if status.remedy_deadline is None else status.remedy_deadline.expires_on
        assert actual == expected

    @invariant()
    def the_breach_states_follow_the_open_breaches(self) -> None:
        status = self.lifecycle.status(self.today)
        if status.state.final or status.state is State.DRAFT:
            return
        open_breaches = status.open_breaches
        without_notice = [b for b in open_breaches if b.notice is None]
        assert (status.state is State.IN_BREACH) == bool(without_notice)
        assert (status.state is State.REMEDY_PERIOD) == (bool(open_breaches) and not without_notice)
        assert (status.state in BREACH_STATES) == bool(open_breaches)

    @invariant()
    def the_return_state_is_one_of_the_four(self) -> None:
        status = self.lifecycle.status(self.today)
        if status.state in BREACH_STATES:
            assert status.return_state in RETURN_STATES
            assert set(RETURN_STATES) == {
                State.SIGNED,
                State.DELAYED,
                State.EXPERIMENTING,
                State.EXPERIMENT_STOPPED,
            }
        else:
            assert status.return_state is None

    @invariant()
    def the_possible_events_are_accepted_when_tried(self) -> None:
        status = self.lifecycle.status(self.today)
        on = self.today
        if self.lifecycle.last_on is not None and on < self.lifecycle.last_on:
            return  # nothing can be recorded before the last event
        allowed = set(status.allowed_events)
        assert allowed | {r.event for r in status.refused_events} == set(EVENT_TRIGGERS)
        assert allowed.isdisjoint(r.event for r in status.refused_events)
        for trigger in EVENT_TRIGGERS:
            outcomes = [
                (self.lifecycle.check(candidate) is None, shaped)
                for candidate, shaped in trials(trigger, on, status)
            ]
            if trigger in allowed:
                assert any(accepted for accepted, _ in outcomes), trigger
            else:
                assert not any(accepted for accepted, shaped in outcomes if shaped), trigger


LifecycleMachine.TestCase.settings = settings(
    max_examples=80, stateful_step_count=35, deadline=None
)
TestLifecycle = LifecycleMachine.TestCase
