"""Trying an event on the lifecycle's machine: the refusal, or the changed record.

:func:`attempt` is the one way an event meets the machine: on a copy of the record (or
in place, for a replay), the time-driven trigger is fired for the event's date, the
event's breach label is filled in (:func:`resolve`), then its trigger runs through the
machine's guards; a refusal is read from the machine (the guard that recorded why, or
the states the trigger is defined from). :func:`advance` fires the time-driven trigger
for a date.
"""

from __future__ import annotations

import datetime as dt
from typing import Final

import attrs

from mgp_convention.articles.art02_duration import (
    ART2_IN_FORCE,
    ART2_SIGNATURE,
    ended_refusal,
    not_concluded_refusal,
)
from mgp_convention.articles.art03_procurement import ART3_PROCUREMENT
from mgp_convention.articles.art05_calendar import ART5_DURATION
from mgp_convention.articles.art05_delays import (
    ART5_NOT_READY,
)
from mgp_convention.articles.art09_sanctions import (
    ART9_HEARING,
    ART9_STOP,
)
from mgp_convention.articles.art11_amendments import ART11_AMENDMENT
from mgp_convention.articles.art12_remedy import (
    ART12_REMEDY,
)
from mgp_convention.articles.art12_termination import (
    ART12_TERMINATION,
    GROUND_CITATIONS,
    may_terminate,
)
from mgp_convention.citations import Citation
from mgp_convention.events import (
    AmendmentSigned,
    BreachEvent,
    BreachRecorded,
    Event,
    Ground,
    Obligation,
    TerminatedBy,
    Termination,
)
from mgp_convention.i18n import N_, Lang, Message
from mgp_convention.machine import (
    MACHINE,
    TIME_PASSES,
    TRIGGERS_FROM,
    Record,
    Tick,
    Trigger,
    trigger_of,
)
from mgp_convention.states import STATE_OF, State
from mgp_convention.values import HistoryEntry, Refusal

__all__ = ["advance", "attempt", "final_refusal", "resolve", "state_refusal"]

#: The article that says when each trigger can happen (for a refusal by state).
_TRIGGER_CITATIONS: Final[dict[str, Citation]] = {
    "signature": ART2_SIGNATURE,
    "delay_reported": ART5_NOT_READY,
    "beneficiary_ready": ART5_NOT_READY,
    "experiment_started": ART5_DURATION,
    "breach_recorded": ART12_TERMINATION,
    "formal_notice_sent": ART12_REMEDY,
    "breach_remedied": ART12_REMEDY,
    "justifications_examined": ART9_HEARING,
    "representatives_heard": ART9_HEARING,
    "experiment_stopped": ART9_STOP,
    "procurement_unsuccessful": ART3_PROCUREMENT,
    "amendment_signed": ART11_AMENDMENT,
    **{f"termination:{ground.value}": GROUND_CITATIONS[ground] for ground in Ground},
}


def advance(record: Record, on: dt.date) -> None:
    """Fire the time-driven triggers on ``record`` for the date ``on`` (in place)."""
    tick = Tick(on)
    while TIME_PASSES in TRIGGERS_FROM[record.state]:
        if not MACHINE.events[TIME_PASSES].trigger(record, record, tick):
            return


def final_refusal(record: Record, trigger: str) -> Refusal:
    """Why nothing can be recorded in a final state."""
    state = STATE_OF[record.state]
    what = Trigger(trigger)
    if state is State.ENDED:
        return Refusal(trigger, state, ended_refusal(record.terms.end_date), ART2_IN_FORCE, what)
    if state is State.NOT_CONCLUDED:
        reason = not_concluded_refusal(record.terms.end_date)
        return Refusal(trigger, state, reason, ART2_SIGNATURE, what)
    if state is State.LAPSED:
        reason = Message(N_("the procurement was definitively unsuccessful: the convention lapsed"))
        return Refusal(trigger, state, reason, ART3_PROCUREMENT, what)
    termination = record.termination
    assert termination is not None  # noqa: S101 - terminated by a termination
    reason = Message(
        N_(
            "the convention was terminated (decided on {on}, in effect from {effective}): "
            "nothing can be recorded after it"
        ),
        {"on": termination.on, "effective": termination.takes_effect_on},
    )
    return Refusal(trigger, state, reason, GROUND_CITATIONS[termination.ground], what)


def state_refusal(record: Record, trigger: str) -> Refusal:
    """Why ``trigger`` cannot run in the record's state, read from the machine."""
    state = STATE_OF[record.state]
    if state.final:
        return final_refusal(record, trigger)
    sources = [State(name) for name in MACHINE.events[trigger].transitions]
    reason = Message(
        N_("{what} is possible only in these states: {states}"),
        {"what": Trigger(trigger), "states": _StateList(tuple(sources))},
    )
    return Refusal(trigger, state, reason, _TRIGGER_CITATIONS[trigger], Trigger(trigger))


@attrs.frozen
class _StateList:
    """A list of states said in a language (« signée, en retard »)."""

    states: tuple[State, ...]

    def label(self, lang: Lang) -> str:
        return ", ".join(state.label(lang) for state in self.states)


def resolve(record: Record, event: Event, trigger: str) -> tuple[Event, Refusal | None]:
    """The event with its breach label filled in (RULES.md, "Breaches": a breach's label
    defaults to ``B1``, ``B2``… in order of recording; the events that concern a breach
    may leave it out only when exactly one breach is open)."""
    if not isinstance(event, BreachEvent):
        return event, None
    if isinstance(event, BreachRecorded):
        if event.breach is not None:
            return event, None
        return attrs.evolve(event, breach=f"B{len(record.breaches) + 1}"), None
    if isinstance(event, Termination) and (
        not event.ground.names_breach or not may_terminate(event.ground, event.by)
    ):
        # A party that may not use the ground is refused for that, naming its article,
        # whatever breach it names (RULES.md, "Who may terminate").
        return event, None
    state = STATE_OF[record.state]
    if event.breach is not None:
        if event.breach in record.breaches:
            return event, None
        known = ", ".join(record.breaches) or "—"
        reason = Message(
            N_("no breach labelled {breach} is recorded (recorded: {known})"),
            {"breach": event.breach, "known": known},
        )
        return event, Refusal(trigger, state, reason, None, Trigger(trigger))
    open_breaches = record.open_breaches
    if isinstance(event, Termination) and event.ground is Ground.NOT_READY:
        # Filled in only when the one open breach is a ready_on_planned_date one; else the
        # ground's guard says why (or, under NotReadyOptions(notice_required=False), reads
        # Art. 5 al. 3 without a breach).
        ready = [
            b for b in open_breaches if b.recorded.obligation is Obligation.READY_ON_PLANNED_DATE
        ]
        if len(open_breaches) != 1 or len(ready) != 1:
            return event, None
    if isinstance(event, Termination) and event.by is TerminatedBy.JUDGE:
        # A judgment states what it decides: it names the one open breach, or none.
        if len(open_breaches) == 1:
            return attrs.evolve(event, breach=open_breaches[0].label), None
        return event, None
    if len(open_breaches) == 1:
        return attrs.evolve(event, breach=open_breaches[0].label), None
    if not open_breaches:
        reason = Message(N_("no breach is open: name the breach this event concerns"))
    else:
        reason = Message(
            N_("{count} breaches are open ({labels}): name the one this event concerns"),
            {"count": len(open_breaches), "labels": ", ".join(b.label for b in open_breaches)},
        )
    return event, Refusal(trigger, state, reason, None, Trigger(trigger))


def attempt(
    record: Record, event: Event, *, in_place: bool = False
) -> tuple[Refusal | None, Record, HistoryEntry | None]:
    """Try ``event`` on a copy of ``record``: the refusal, or the changed copy and the
    history entry. ``record`` itself is never changed — unless ``in_place``, for a
    replay whose record is thrown away when an event is refused."""
    trigger = trigger_of(event)
    state = STATE_OF[record.state]
    if trigger is None:
        reason = Message(
            N_("{name} is not an event of the convention's lifecycle"),
            {"name": type(event).__name__},
        )
        return Refusal(type(event).__name__, state, reason, None), record, None
    if record.last_on is not None and event.on < record.last_on:
        reason = Message(
            N_(
                "it is dated {on}, before the last recorded event ({last}): events are "
                "recorded in date order"
            ),
            {"on": event.on, "last": record.last_on},
        )
        return Refusal(trigger, state, reason, None, Trigger(trigger)), record, None
    twin = record if in_place else record.copy()
    advance(twin, event.on)
    if STATE_OF[twin.state].final:
        return final_refusal(twin, trigger), record, None
    event, refusal = resolve(twin, event, trigger)
    if refusal is not None:
        return refusal, record, None
    if trigger not in TRIGGERS_FROM[twin.state]:
        return state_refusal(twin, trigger), record, None
    before, terms_before = STATE_OF[twin.state], twin.terms
    if not MACHINE.events[trigger].trigger(twin, twin, event):
        failed = twin.refusal
        reason = failed[1] if failed is not None else Message(N_("no rule allows it in this state"))
        citation = failed[0].citation if failed is not None else None
        return Refusal(trigger, before, reason, citation, Trigger(trigger)), record, None
    amended = isinstance(event, AmendmentSigned)
    entry = HistoryEntry(
        len(twin.history),
        event,
        trigger,
        before,
        STATE_OF[twin.state],
        terms_before if amended else None,
        twin.terms if amended else None,
        tuple(twin.advisories),
    )
    twin.history = (*twin.history, entry)
    twin.last_on = event.on
    twin.advisories = []
    twin.refusal = None
    twin.deadline = None
    return None, twin, entry
