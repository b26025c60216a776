"""The rules of the lifecycle's machine, as its conditions.

A :class:`Guard` is a rule of its article's module (:mod:`mgp_convention.articles`)
wrapped with its citation: called by the machine as a condition, it answers whether the
rule is met and, when it is not, records *why* on the record — so that a refusal needs no
second table. A :class:`Route` only chooses a transition's destination; it refuses
nothing. Each guard is named for what it checks (``party_may_sign``,
``thirty_days_run_out``…); each function behind it is named for the refusal it explains.

Why over 400 lines: every condition of the machine, each a thin wrapper naming the
article it cites; splitting by article would scatter what the machine declares in one
table.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, Final, Generic, TypeVar

import attrs

from mgp_convention.articles import art03_procurement
from mgp_convention.articles.art02_duration import (
    ART2_IN_FORCE,
    ART2_SIGNATURE,
    SIGNATORIES,
    signature_refusal,
)
from mgp_convention.articles.art05_calendar import ART5_DURATION
from mgp_convention.articles.art05_delays import (
    ART5_NOT_READY,
    not_ready_without_notice_refusal,
    ready_breach_refusal,
    start_refusal,
)
from mgp_convention.articles.art09_sanctions import (
    ART9_HEARING,
    ART9_STOP,
    sanction_refusal,
)
from mgp_convention.articles.art11_amendments import (
    ART11_AMENDMENT,
    amendment_acceptable,
)
from mgp_convention.articles.art12_breaches import (
    notice_refusal,
    remedy_refusal,
    thirty_days_refusal,
)
from mgp_convention.articles.art12_remedy import (
    ART12_REMEDY,
    remedy_deadline,
)
from mgp_convention.articles.art12_termination import (
    ART12_TERMINATION,
    GROUND_CITATIONS,
    effect_refusal,
    reason_refusal,
    who_refusal,
)
from mgp_convention.citations import Citation
from mgp_convention.errors import ConventionError
from mgp_convention.events import (
    AmendmentSigned,
    BreachEvent,
    BreachRecorded,
    BreachRemedied,
    Event,
    ExperimentStarted,
    ExperimentStopped,
    FormalNoticeSent,
    Ground,
    Obligation,
    Signature,
    TerminatedBy,
    Termination,
)
from mgp_convention.i18n import N_, Message
from mgp_convention.states import (
    State,
)
from mgp_convention.values import Breach, BreachClosure

if TYPE_CHECKING:  # the model, only for the annotations (record.py imports this module)
    from mgp_convention.record import Record

__all__ = [
    "GUARDS",
    "G_AMENDMENT",
    "G_BEFORE_START",
    "G_EFFECT",
    "G_GROUND",
    "G_LABEL",
    "G_NOTICE",
    "G_PARTY",
    "G_PENDING",
    "G_READY",
    "G_REASON",
    "G_REMEDY",
    "G_START",
    "G_STEP",
    "G_STOP",
    "G_WHO",
    "R_AFTER_END",
    "R_ALL_NOTIFIED",
    "R_COMPLETES",
    "R_DEFINITIVE",
    "R_NONE_OPEN",
    "R_NOW",
    "R_NO_NOTICE_YET",
    "R_RETURNS_SIGNED",
    "R_START_LATER",
    "R_START_PASSED",
    "R_TERMINATION_DUE",
    "Guard",
    "Route",
    "returns_to",
]


# --- guards and routes ------------------------------------------------------------------------

E = TypeVar("E", bound=Event)


@attrs.frozen
class Guard(Generic[E]):
    """A rule guarding a transition, with its citation.

    ``check(record, event)`` returns why the rule is not met (a
    :class:`~mgp_convention.i18n.Message`), or ``None``. Called by the machine as a
    condition, it records its refusal on the record and answers whether it is met.
    """

    name: str
    citation: Citation
    check: Callable[[Record, E], Message | None] = attrs.field(repr=False)

    def __call__(self, record: Record, event: E) -> bool:
        reason = self.check(record, event)
        if reason is None:
            return True
        if record.refusal is None:
            record.refusal = (self, reason)
        return False


@attrs.frozen
class Route:
    """A condition that chooses the destination (not a rule: it refuses nothing)."""

    name: str
    test: Callable[[Record, Any], bool] = attrs.field(repr=False)

    def __call__(self, record: Record, event: Any) -> bool:
        return self.test(record, event)


def breach_of(record: Record, event: BreachEvent) -> Breach:
    """The breach an event names (its label is resolved before the machine runs)."""
    assert event.breach is not None  # noqa: S101 - resolved by the lifecycle
    return record.breaches[event.breach]


def _pending(record: Record, _event: Event) -> Message | None:
    termination = record.termination
    if termination is None:
        return None
    return Message(
        N_(
            "a termination was decided on {on}, taking effect on {effective}: meanwhile only "
            "the events of Art. 9 and remedies can be recorded"
        ),
        {"on": termination.on, "effective": termination.takes_effect_on},
    )


def _party(record: Record, event: Signature) -> Message | None:
    return signature_refusal(event.party, record.signatures)


def _start(record: Record, event: ExperimentStarted) -> Message | None:
    return start_refusal(event.on, record.effective_date)


def _before_start(record: Record, _event: Event) -> Message | None:
    if record.started_on is not None:
        return Message(N_("the experiment started on {on}"), {"on": record.started_on})
    if record.stopped_on is not None:
        return Message(N_("the experiment was stopped on {on}"), {"on": record.stopped_on})
    return None


def _label_free(record: Record, event: BreachRecorded) -> Message | None:
    if event.breach in record.breaches:
        return Message(
            N_("the label {breach} is already used by another breach: give another one"),
            {"breach": event.breach},
        )
    return None


def _ready_breach(record: Record, event: BreachRecorded) -> Message | None:
    if event.obligation is not Obligation.READY_ON_PLANNED_DATE:
        return None
    return ready_breach_refusal(
        event.on,
        planned_start=record.terms.experiment.indicative_start,
        started=record.started_or_stopped,
        beneficiary_may_be_the_cause=record.beneficiary_is_the_cause
        or (record.delay_cause is None and not record.ready_declared),
    )


def _notice(record: Record, event: FormalNoticeSent) -> Message | None:
    """The notice's breach must be open without a notice; its deadline is computed here,
    once, and kept by the effect if the event is accepted."""
    breach = breach_of(record, event)
    refused = notice_refusal(
        breach.label,
        open_=breach.open,
        notice_sent_on=None if breach.notice is None else breach.notice.on,
    )
    if refused is not None:
        return refused
    options = record.options.remedy
    try:
        if options.count_from == "receipt":
            options = attrs.evolve(options, received_on=event.received_on)
        record.deadline = remedy_deadline(event.on, options)
    except ConventionError as err:
        return Message(N_("the remedy deadline cannot be computed: {error}"), {"error": err.text})
    return None


def _remedy(record: Record, event: BreachRemedied) -> Message | None:
    breach = breach_of(record, event)
    return remedy_refusal(breach.label, open_=breach.open)


def _step(record: Record, event: BreachEvent) -> Message | None:
    breach = breach_of(record, event)
    if breach.still_a_ground:
        return None
    return Message(
        N_("breach {breach} was remedied in time: it is no longer a ground for a sanction"),
        {"breach": breach.label},
    )


def _thirty_days(record: Record, breach: Breach, on: dt.date) -> Message | None:
    return thirty_days_refusal(
        breach.label,
        on,
        notice_sent_on=None if breach.notice is None else breach.notice.on,
        deadline=breach.deadline_date,
        remedied_on=breach.remedied_on,
        late=breach.late,
        accepted_late=breach.accepted_late,
    )


def _sanction(record: Record, breach: Breach, on: dt.date) -> Message | None:
    if not breach.still_a_ground:
        return _thirty_days(record, breach, on)
    return sanction_refusal(
        breach.label,
        on,
        steps=breach.steps,
        notice_sent_on=None if breach.notice is None else breach.notice.on,
        deadline=breach.deadline_date,
        remedied_on=breach.remedied_on,
        late=breach.late,
        accepted_late=breach.accepted_late,
        options=record.options.sanction,
    )


def _stop(record: Record, event: ExperimentStopped) -> Message | None:
    breach = breach_of(record, event)
    if breach.closed_as == BreachClosure.SANCTIONED:
        return Message(
            N_("breach {breach} was already closed by an Art. 9 decision"),
            {"breach": breach.label},
        )
    return _sanction(record, breach, event.on)


def _amendment(record: Record, event: AmendmentSigned) -> Message | None:
    return amendment_acceptable(event.on, record.terms, event.changes)


def _who(_record: Record, event: Termination) -> Message | None:
    return who_refusal(event.ground, event.by)


def _reason(_record: Record, event: Termination) -> Message | None:
    return reason_refusal(event.ground, event.by, event.reason)


def _effect(record: Record, event: Termination) -> Message | None:
    return effect_refusal(event.takes_effect_on, record.terms.end_date)


def named_breach(record: Record, event: Termination) -> Breach | None:
    return None if event.breach is None else record.breaches.get(event.breach)


def _breach_ground(record: Record, event: Termination) -> Message | None:
    """Art. 12 al. 1–2: the named breach's thirty days ran out, without a remedy in time."""
    if event.by is TerminatedBy.JUDGE:
        return None
    return _thirty_days(record, breach_of(record, event), event.on)


def _sanction_ground(record: Record, event: Termination) -> Message | None:
    """Art. 9 (and, by default, Art. 12): both steps, and the thirty days ran out."""
    if event.by is TerminatedBy.JUDGE:
        return None
    return _sanction(record, breach_of(record, event), event.on)


def _not_ready_ground(record: Record, event: Termination) -> Message | None:
    """Art. 5 al. 3 with Art. 12: a ``ready_on_planned_date`` breach whose thirty days ran
    out (or, with ``NotReadyOptions(notice_required=False)``, version 1's reading)."""
    if event.by is TerminatedBy.JUDGE:
        return None
    refused = not_ready_with_notice(record, event)
    named = named_breach(record, event)
    not_ready_breach = (
        named is None or named.recorded.obligation is Obligation.READY_ON_PLANNED_DATE
    )
    if refused is None or record.options.not_ready.notice_required or not not_ready_breach:
        return refused
    without = not_ready_without_notice_refusal(
        event.on,
        planned_start=record.terms.experiment.indicative_start,
        started=record.started_or_stopped,
        beneficiary_is_the_cause=record.beneficiary_is_the_cause,
    )
    return without  # the option's own reason: no notice is asked under it


def not_ready_with_notice(record: Record, event: Termination) -> Message | None:
    breach = named_breach(record, event)
    if breach is None:
        return Message(
            N_(
                "no breach ready_on_planned_date is named: record the breach, send its formal "
                "notice and let its thirty days run out (Art. 12)"
            )
        )
    if breach.recorded.obligation is not Obligation.READY_ON_PLANNED_DATE:
        return Message(
            N_("breach {breach} is about another obligation than being ready on the planned date"),
            {"breach": breach.label},
        )
    return _thirty_days(record, breach, event.on)


def _guard(
    name: str, citation: Citation, check: Callable[[Record, Any], Message | None]
) -> Guard[Any]:
    return Guard(name, citation, check)


G_PENDING = _guard("no_termination_pending", ART12_TERMINATION, _pending)
G_PARTY = _guard("party_may_sign", ART2_SIGNATURE, _party)
G_START = _guard("convention_in_effect", ART2_SIGNATURE, _start)
G_BEFORE_START = _guard("experiment_not_started", ART5_DURATION, _before_start)
G_LABEL = _guard("breach_label_free", ART12_TERMINATION, _label_free)
G_READY = _guard("ready_breach_possible", ART5_NOT_READY, _ready_breach)
G_NOTICE = _guard("notice_possible", ART12_REMEDY, _notice)
G_REMEDY = _guard("breach_open", ART12_REMEDY, _remedy)
G_STEP = _guard("breach_still_a_ground", ART9_HEARING, _step)
G_STOP = _guard("stop_possible", ART9_STOP, _stop)
G_AMENDMENT = _guard("amendment_acceptable", ART11_AMENDMENT, _amendment)
G_EFFECT = _guard("takes_effect_before_the_end", ART2_IN_FORCE, _effect)
G_WHO: Final[Mapping[Ground, Guard[Any]]] = {
    ground: _guard("may_terminate", GROUND_CITATIONS[ground], _who) for ground in Ground
}
G_REASON: Final[Mapping[Ground, Guard[Any]]] = {
    ground: _guard("reason_stated", GROUND_CITATIONS[ground], _reason) for ground in Ground
}
G_GROUND: Final[Mapping[Ground, Guard[Any]]] = {
    Ground.BREACH: _guard("thirty_days_run_out", ART12_REMEDY, _breach_ground),
    Ground.SANCTION: _guard("sanction_possible", ART9_HEARING, _sanction_ground),
    Ground.NOT_READY: _guard("not_ready_ground", ART5_NOT_READY, _not_ready_ground),
}


def _completes(record: Record, event: Signature) -> bool:
    signed = record.signatures
    return all(party in signed or party is event.party for party in SIGNATORIES)


R_COMPLETES = Route("all parties signed", _completes)
R_DEFINITIVE = Route(
    "definitive",
    lambda _record, event: art03_procurement.lapses(definitive=event.definitive),
)
R_NOW = Route("takes effect now", lambda _record, event: event.takes_effect_on <= event.on)
R_NO_NOTICE_YET = Route(
    "a breach open without notice",
    lambda record, _event: any(b.notice is None for b in record.open_breaches),
)
R_ALL_NOTIFIED = Route(
    "every open breach had its notice",
    lambda record, _event: (
        bool(record.open_breaches) and all(b.notice is not None for b in record.open_breaches)
    ),
)
R_NONE_OPEN = Route("no breach open", lambda record, _event: not record.open_breaches)
R_START_PASSED = Route(
    "the planned start passed, not started",
    lambda record, tick: (
        not record.started_or_stopped and tick.on > record.terms.experiment.indicative_start
    ),
)
R_RETURNS_SIGNED = Route(
    "return state signed", lambda record, _tick: record.return_state == State.SIGNED
)
R_TERMINATION_DUE = Route(
    "the termination's effective date",
    lambda record, tick: (
        record.termination is not None and tick.on >= record.termination.takes_effect_on
    ),
)
R_AFTER_END = Route("after the end date", lambda record, tick: tick.on > record.terms.end_date)
R_START_LATER = Route(
    "the amended planned start is later, no delay reported",
    lambda record, event: (
        record.delay_cause is None
        and not record.started_or_stopped
        and (event.changes.indicative_start or record.terms.experiment.indicative_start) >= event.on
    ),
)


def returns_to(state: State) -> Route:
    return Route(f"return state {state.value}", lambda record, _e: record.return_state == state)


#: Every guard of the machine, by name.
GUARDS: Final[Mapping[str, Guard[Any]]] = {
    guard.name: guard
    for guard in (
        G_PENDING,
        G_PARTY,
        G_START,
        G_BEFORE_START,
        G_LABEL,
        G_READY,
        G_NOTICE,
        G_REMEDY,
        G_STEP,
        G_STOP,
        G_AMENDMENT,
        G_EFFECT,
        *G_GROUND.values(),
        G_WHO[Ground.BREACH],
        G_REASON[Ground.BREACH],
    )
}
