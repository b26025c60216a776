"""The package's one ``transitions`` machine: states, triggers, guards, effects.

This is the engine room of :mod:`mgp_convention.lifecycle`, which is the API to use.
The machine is the **only** evaluator of the lifecycle:

- one trigger per event type (and per termination ground), and the time-driven trigger
  the lifecycle fires when a date is asked (:data:`TIME_PASSES`: a termination reaching
  its effective date, the end date passed, the planned start passed);
- each rule is a :class:`Guard` — a condition of the machine that cites its article and,
  when it refuses, records *why* on the model, so that refusals need no second table;
  conditions that only choose a destination are routes (:class:`Route`);
- the effects of an accepted event are ``after`` callbacks of its transitions (and
  ``before`` ones where the source state matters); when the breaches change, the
  internal trigger ``breaches_settled`` moves the convention between ``in_breach``,
  ``remedy_period`` and its *return state* (RULES.md, "Breaches").

It is built **once**, without a model; each lifecycle triggers events on its own plain
:class:`Record` (``transitions.Event.trigger(model, …)``), so that no ``Machine`` is
built per convention (``benchmarks/bench_lifecycle.py`` compares with one machine per
convention). ``auto_transitions=False``: a ``to_<state>`` shortcut would bypass every
guard. The state diagram is drawn by ``transitions``' own graph support
(:func:`mermaid`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any, Final

from transitions import Machine

from mgp_convention.articles.art09_sanctions import Art9Step
from mgp_convention.effects import (
    on_amendment,
    on_breach,
    on_delay,
    on_delay_in_breach,
    on_notice,
    on_procurement,
    on_ready,
    on_remedy,
    on_signature,
    on_start,
    on_start_in_breach,
    on_start_later_in_breach,
    on_start_passed_in_breach,
    on_step,
    on_stop,
    on_stop_in_breach,
    on_termination,
    remember_return,
)
from mgp_convention.events import Ground
from mgp_convention.guards import (
    G_AMENDMENT,
    G_BEFORE_START,
    G_EFFECT,
    G_GROUND,
    G_LABEL,
    G_NOTICE,
    G_PARTY,
    G_PENDING,
    G_READY,
    G_REASON,
    G_REMEDY,
    G_START,
    G_STEP,
    G_STOP,
    G_WHO,
    GUARDS,
    R_AFTER_END,
    R_ALL_NOTIFIED,
    R_COMPLETES,
    R_DEFINITIVE,
    R_NO_NOTICE_YET,
    R_NONE_OPEN,
    R_NOW,
    R_RETURNS_SIGNED,
    R_START_LATER,
    R_START_PASSED,
    R_TERMINATION_DUE,
    Guard,
    Route,
    returns_to,
)
from mgp_convention.record import DEFAULT_OPTIONS, Options, Record, Tick
from mgp_convention.states import (
    BREACH_STATES,
    IN_FORCE_STATES,
    RETURN_STATES,
    STATE_OF,
    State,
)
from mgp_convention.triggers import (
    EVENT_TRIGGERS,
    SETTLE,
    TERMINATION_TRIGGERS,
    TIME_PASSES,
    Trigger,
    trigger_of,
)

__all__ = [
    "DEFAULT_OPTIONS",
    "EVENT_TRIGGERS",
    "GUARDS",
    "MACHINE",
    "SETTLE",
    "TIME_PASSES",
    "TRIGGERS_FROM",
    "Guard",
    "Options",
    "Record",
    "Route",
    "Tick",
    "Trigger",
    "machine_definition",
    "trigger_of",
]


def _settle(record: Record, _event: Any) -> None:
    """Let the machine move between the breach states and the return state."""
    if STATE_OF[record.state] in BREACH_STATES:
        MACHINE.events[SETTLE].trigger(record, record, None)


# --- the one machine ---------------------------------------------------------------------------

_S = State
_IN_FORCE: Final = [s.value for s in State if s in IN_FORCE_STATES]
_BREACH: Final = [_S.IN_BREACH.value, _S.REMEDY_PERIOD.value]
_NON_FINAL: Final = [s.value for s in State if not s.final]
_BEFORE_START: Final = [_S.SIGNED.value, _S.DELAYED.value]


def _t(
    trigger: str,
    source: str | list[str],
    dest: State | None,
    conditions: Iterable[Guard[Any] | Route] = (),
    *,
    unless: Iterable[Route] = (),
    before: Iterable[Callable[..., None]] = (),
    after: Iterable[Callable[..., None]] = (),
) -> dict[str, Any]:
    """One transition of the machine (``dest=None``: the state stays)."""
    return {
        "trigger": trigger,
        "source": source,
        "dest": None if dest is None else dest.value,
        "conditions": list(conditions),
        "unless": list(unless),
        "before": list(before),
        "after": list(after),
    }


def _termination_transitions(ground: Ground) -> list[dict[str, Any]]:
    trigger = TERMINATION_TRIGGERS[ground]
    guards: list[Guard[Any]] = [G_PENDING, G_WHO[ground], G_REASON[ground], G_EFFECT]
    if ground in G_GROUND:
        guards.append(G_GROUND[ground])
    return [
        _t(trigger, _IN_FORCE, _S.TERMINATED, [R_NOW, *guards], after=[on_termination]),
        _t(trigger, _IN_FORCE, None, guards, unless=[R_NOW], after=[on_termination]),
    ]


def machine_definition() -> dict[str, Any]:
    """The keyword arguments of the package's ``transitions.Machine`` (model-less).

    The machine is built once from it, when this module is imported; the benchmark
    builds extra copies only to measure the cost of one machine per convention.
    """
    t = _t
    transitions = [
        # Art. 2: each party signs once; the last signature puts the convention in force.
        t("signature", _S.DRAFT.value, _S.SIGNED, [R_COMPLETES, G_PARTY], after=[on_signature]),
        t(
            "signature",
            _S.DRAFT.value,
            None,
            [G_PARTY],
            unless=[R_COMPLETES],
            after=[on_signature],
        ),
        # Art. 5 al. 3: a delay and its cause; the beneficiary declares itself ready.
        t("delay_reported", _BEFORE_START, _S.DELAYED, [G_PENDING], after=[on_delay]),
        t(
            "delay_reported",
            _BREACH,
            None,
            [G_PENDING, G_BEFORE_START],
            after=[on_delay, on_delay_in_breach],
        ),
        t("beneficiary_ready", _BEFORE_START, None, [G_PENDING], after=[on_ready]),
        t(
            "beneficiary_ready",
            _BREACH,
            None,
            [G_PENDING, G_BEFORE_START],
            after=[on_ready, _settle],
        ),
        # Art. 5 al. 1: the start of the experiment.
        t(
            "experiment_started",
            _BEFORE_START,
            _S.EXPERIMENTING,
            [G_PENDING, G_START],
            after=[on_start],
        ),
        t(
            "experiment_started",
            _BREACH,
            None,
            [G_PENDING, G_BEFORE_START, G_START],
            after=[on_start, on_start_in_breach, _settle],
        ),
        # Art. 12 al. 1: a breach of « une quelconque de ses obligations ».
        t(
            "breach_recorded",
            [*_BEFORE_START, _S.EXPERIMENTING.value, _S.EXPERIMENT_STOPPED.value],
            _S.IN_BREACH,
            [G_PENDING, G_LABEL, G_READY],
            before=[remember_return],
            after=[on_breach],
        ),
        t(
            "breach_recorded",
            _BREACH,
            _S.IN_BREACH,
            [G_PENDING, G_LABEL, G_READY],
            after=[on_breach],
        ),
        # Art. 12 al. 2: the registered letter, and the thirty days; the remedy.
        t(
            "formal_notice_sent",
            _BREACH,
            None,
            [G_PENDING, G_NOTICE],
            after=[on_notice, _settle],
        ),
        t("breach_remedied", _BREACH, None, [G_REMEDY], after=[on_remedy, _settle]),
        # Art. 9: the two steps, for a breach still a ground; the end of the experiment.
        *(t(step.value, _IN_FORCE, None, [G_STEP], after=[on_step]) for step in Art9Step),
        t(
            "experiment_stopped",
            _S.EXPERIMENTING.value,
            _S.EXPERIMENT_STOPPED,
            [G_STOP],
            after=[on_stop],
        ),
        t(
            "experiment_stopped",
            _BREACH,
            None,
            [G_STOP],
            after=[on_stop, on_stop_in_breach, _settle],
        ),
        # Art. 3: the procurement failed; definitively, the convention lapses.
        t(
            "procurement_unsuccessful",
            [_S.DRAFT.value, *_BEFORE_START],
            _S.LAPSED,
            [R_DEFINITIVE, G_PENDING],
        ),
        t(
            "procurement_unsuccessful",
            [_S.DRAFT.value, *_BEFORE_START],
            None,
            [G_PENDING],
            unless=[R_DEFINITIVE],
            after=[on_procurement],
        ),
        # Art. 11: an amendment, in any state but a final one.
        t(
            "amendment_signed",
            _S.DELAYED.value,
            _S.SIGNED,
            [R_START_LATER, G_PENDING, G_AMENDMENT],
            after=[on_amendment],
        ),
        t(
            "amendment_signed",
            _BREACH,
            None,
            [R_START_LATER, returns_to(State.DELAYED), G_PENDING, G_AMENDMENT],
            after=[on_amendment, on_start_later_in_breach],
        ),
        t(
            "amendment_signed",
            _NON_FINAL,
            None,
            [G_PENDING, G_AMENDMENT],
            after=[on_amendment],
        ),
    ]
    for ground in Ground:
        transitions += _termination_transitions(ground)
    # The breaches settle: another without notice, all notified, or back to the return state.
    transitions += [
        t(SETTLE, _BREACH, _S.IN_BREACH, [R_NO_NOTICE_YET]),
        t(SETTLE, _BREACH, _S.REMEDY_PERIOD, [R_ALL_NOTIFIED]),
        *(t(SETTLE, _BREACH, back, [R_NONE_OPEN, returns_to(back)]) for back in RETURN_STATES),
    ]
    # Time: the planned start passes without a start (Art. 5), a termination takes effect
    # (no retroactivity), the end date passes (Art. 2).
    transitions += [
        t(TIME_PASSES, _IN_FORCE, _S.TERMINATED, [R_TERMINATION_DUE]),
        t(TIME_PASSES, _IN_FORCE, _S.ENDED, [R_AFTER_END]),
        t(TIME_PASSES, _S.DRAFT.value, _S.NOT_CONCLUDED, [R_AFTER_END]),
        t(TIME_PASSES, _S.SIGNED.value, _S.DELAYED, [R_START_PASSED]),
        t(
            TIME_PASSES,
            _BREACH,
            None,
            [R_START_PASSED, R_RETURNS_SIGNED],
            after=[on_start_passed_in_breach],
        ),
    ]
    return {
        "states": [{"name": state.value, "final": state.final} for state in State],
        "transitions": transitions,
        "initial": State.DRAFT.value,
        "auto_transitions": False,
        "send_event": False,
        "ignore_invalid_triggers": False,
    }


MACHINE: Final = Machine(model=None, **machine_definition())

#: The triggers the machine accepts from each state (``Machine.get_triggers``), asked once
#: per state: the answer depends on the machine only.
TRIGGERS_FROM: Final[Mapping[str, frozenset[str]]] = {
    state.value: frozenset(MACHINE.get_triggers(state.value)) for state in State
}
