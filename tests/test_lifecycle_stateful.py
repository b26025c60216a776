"""A stateful property test of the lifecycle: random dated events, invariants after each.

Hypothesis drives a lifecycle with random events (any type, any content, dates moving
forward and sometimes backward) and checks after every step:

- the state is one of the eight;
- nothing leaves a final state (``terminated`` or ``ended``);
- a refused event changes nothing, and :meth:`Lifecycle.check` predicted the outcome;
- replaying the history from a file gives the same status;
- the events said to be allowed on a date are exactly those :meth:`Lifecycle.check`
  accepts as a well-formed event of that date.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import attrs
import pytest
from hypothesis import event, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from mgp_convention.errors import EventRefused
from mgp_convention.events import (
    AmendmentSigned,
    BreachRecorded,
    BreachRemedied,
    Changes,
    DelayCause,
    DelayReported,
    Event,
    ExperimentStarted,
    FormalNoticeSent,
    Ground,
    JustificationsExamined,
    Obligation,
    Party,
    RepresentativesHeard,
    Signature,
    Termination,
)
from mgp_convention.examples import example_convention
from mgp_convention.lifecycle import EVENT_TRIGGERS, HistoryEntry, Lifecycle, State

BASE = attrs.evolve(example_convention(), events=())
START = dt.date(2026, 11, 1)


def _events(on: dt.date) -> st.SearchStrategy[Event]:
    """Any event dated ``on``, well-formed or not for the lifecycle."""
    reasons = st.none() | st.sampled_from(["intérêt général : réorientation du programme"])
    return st.one_of(
        st.builds(Signature, st.just(on), party=st.sampled_from(Party)),
        st.builds(DelayReported, st.just(on), cause=st.sampled_from(DelayCause)),
        st.builds(ExperimentStarted, st.just(on)),
        st.builds(
            BreachRecorded,
            st.just(on),
            obligation=st.sampled_from([o for o in Obligation if o is not Obligation.OTHER]),
            impedes_experiment=st.booleans(),
        ),
        st.builds(FormalNoticeSent, st.just(on), letter_reference=st.just("LRAR")),
        st.builds(BreachRemedied, st.just(on), accepted_late=st.booleans()),
        st.builds(JustificationsExamined, st.just(on)),
        st.builds(RepresentativesHeard, st.just(on)),
        st.builds(
            AmendmentSigned,
            st.just(on),
            changes=st.one_of(
                st.builds(Changes, end_date=st.dates(on, on + dt.timedelta(days=900))),
                st.builds(Changes, duration_months=st.integers(1, 12)),
                st.builds(Changes, market_total_ttc=st.just(Decimal("200000.00"))),
            ),
        ),
        st.builds(Termination, st.just(on), ground=st.sampled_from(Ground), reason=reasons),
    )


def well_formed(trigger: str, on: dt.date, lifecycle: Lifecycle) -> Event:
    """An event of ``trigger`` whose own content is acceptable (a party that has not
    signed, a stated reason, a coherent amendment)."""
    signed = {e.event.party for e in lifecycle.history if isinstance(e.event, Signature)}
    if trigger.startswith("termination:"):
        return Termination(on, ground=Ground(trigger.split(":")[1]), reason="intérêt général")
    makers = {
        "signature": lambda: Signature(
            on, party=next((p for p in Party if p not in signed), Party.METROPOLE)
        ),
        "delay_reported": lambda: DelayReported(on, cause=DelayCause.METROPOLE),
        "experiment_started": lambda: ExperimentStarted(on),
        "breach_recorded": lambda: BreachRecorded(
            on, obligation=Obligation.FREE_ACCESS, impedes_experiment=True
        ),
        "formal_notice_sent": lambda: FormalNoticeSent(on, letter_reference="LRAR"),
        "breach_remedied": lambda: BreachRemedied(on),
        "justifications_examined": lambda: JustificationsExamined(on),
        "representatives_heard": lambda: RepresentativesHeard(on),
        "amendment_signed": lambda: AmendmentSigned(
            on, changes=Changes(market_total_ttc=Decimal("200000.00"))
        ),
    }
    return makers[trigger]()


class LifecycleMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.lifecycle = Lifecycle(BASE)
        self.today = START
        self.was_final = False

    def _snapshot(self) -> tuple[object, ...]:
        lc = self.lifecycle
        return (lc.state, lc.history, lc.terms, lc.status(self.today))

    @rule(data=st.data(), days=st.integers(-3, 30))
    def apply_any_event(self, data: st.DataObject, days: int) -> None:
        on = self.today + dt.timedelta(days=days)
        self._apply(data.draw(_events(on)))

    @rule(data=st.data(), days=st.integers(0, 20))
    def apply_an_allowed_event(self, data: st.DataObject, days: int) -> None:
        on = self.today + dt.timedelta(days=days)
        allowed = self.lifecycle.status(on).allowed_events
        if allowed:
            trigger = data.draw(st.sampled_from(allowed))
            entry = self._apply(well_formed(trigger, on, self.lifecycle))
            assert entry is not None, trigger  # said to be allowed: it is applied
            assert entry.trigger == trigger

    def _apply(self, event: Event) -> HistoryEntry | None:
        before = self._snapshot()
        predicted = self.lifecycle.check(event)
        entry = None
        if predicted is not None:
            with pytest.raises(EventRefused) as info:
                self.lifecycle.apply(event)
            assert (info.value.reason, info.value.article) == (predicted.reason, predicted.article)
            assert self._snapshot() == before  # a refusal changes nothing
        else:
            entry = self.lifecycle.apply(event)
            assert not self.was_final  # nothing leaves a final state
            assert entry.state_before is before[0]
            assert self.lifecycle.history[-1] == entry
        self.today = max(self.today, event.on)
        self.was_final = self.was_final or self.lifecycle.status(self.today).state.final
        return entry

    @rule(days=st.integers(1, 500))
    def time_passes(self, days: int) -> None:
        self.today += dt.timedelta(days=days)
        self.was_final = self.was_final or self.lifecycle.status(self.today).state.final

    @precondition(lambda self: self.lifecycle.state is State.REMEDY_PERIOD)
    @rule()
    def jump_past_the_remedy_deadline(self) -> None:
        deadline = self.lifecycle.remedy_deadline
        assert deadline is not None
        self.today = max(self.today, deadline.expires_on + dt.timedelta(days=1))
        self.was_final = self.was_final or self.lifecycle.status(self.today).state.final

    @invariant()
    def state_is_one_of_the_eight(self) -> None:
        assert self.lifecycle.state in set(State)
        assert self.lifecycle.status(self.today).state in set(State)

    @invariant()
    def history_never_leaves_a_final_state(self) -> None:
        assert not any(entry.state_before.final for entry in self.lifecycle.history)

    @invariant()
    def replaying_the_history_gives_the_same_status(self) -> None:
        events = tuple(entry.event for entry in self.lifecycle.history)
        replayed = Lifecycle.from_convention(attrs.evolve(BASE, events=events))
        assert replayed.status(self.today) == self.lifecycle.status(self.today)

    @invariant()
    def allowed_events_are_possible(self) -> None:
        status = self.lifecycle.status(self.today)
        assert set(status.allowed_events) | {r.event for r in status.refused_events} == set(
            EVENT_TRIGGERS
        )
        assert not set(status.allowed_events) & {r.event for r in status.refused_events}
        if status.state.final:
            assert status.allowed_events == ()
        for trigger in EVENT_TRIGGERS:
            refusal = self.lifecycle.check(well_formed(trigger, self.today, self.lifecycle))
            assert (refusal is None) == (trigger in status.allowed_events), (trigger, refusal)
        event(f"state {status.state.value}")


LifecycleMachine.TestCase.settings = settings(
    max_examples=100, stateful_step_count=25, deadline=None
)
TestLifecycle = LifecycleMachine.TestCase
