"""The effects of an accepted event on the record: the ``after`` (and ``before``)
callbacks of the machine's transitions, and the advisories a termination carries
(RULES.md, "Advisories")."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import attrs

from mgp_convention.advisories import Advisory
from mgp_convention.articles import art03_procurement
from mgp_convention.articles.art02_duration import (
    effective_date,
)
from mgp_convention.articles.art05_delays import (
    NOT_READY_WITHOUT_NOTICE,
)
from mgp_convention.articles.art09_sanctions import (
    Art9Step,
)
from mgp_convention.articles.art12_termination import (
    BREACH_TERMINATION_WITHOUT_ART9,
    FORCE_MAJEURE,
    GENERAL_INTEREST_BY_BENEFICIARY,
    INTERRUPTION_WITH_OPEN_BREACH,
    TERMINATION_AFTER_LATE_REMEDY,
    TERMINATION_WITHOUT_NOTIFICATION_DATE,
    is_unilateral,
)
from mgp_convention.events import (
    AmendmentSigned,
    BeneficiaryReady,
    BreachEvent,
    BreachRecorded,
    BreachRemedied,
    DelayReported,
    ExperimentStarted,
    ExperimentStopped,
    FormalNoticeSent,
    Ground,
    Obligation,
    ProcurementUnsuccessful,
    Signature,
    TerminatedBy,
    Termination,
)
from mgp_convention.guards import breach_of, named_breach, not_ready_with_notice
from mgp_convention.record import Record, Tick
from mgp_convention.states import (
    State,
)
from mgp_convention.values import Breach, BreachClosure

__all__ = [
    "on_amendment",
    "on_breach",
    "on_delay",
    "on_delay_in_breach",
    "on_notice",
    "on_procurement",
    "on_ready",
    "on_remedy",
    "on_signature",
    "on_start",
    "on_start_in_breach",
    "on_start_later_in_breach",
    "on_start_passed_in_breach",
    "on_step",
    "on_stop",
    "on_stop_in_breach",
    "on_termination",
    "remember_return",
]


def _close_ready_breaches(record: Record, on: dt.date) -> None:
    """Readiness or a start counts as the remedy of an open ``ready_on_planned_date``
    breach on that date (late if after its deadline)."""
    for label, breach in list(record.breaches.items()):
        if breach.open and breach.recorded.obligation is Obligation.READY_ON_PLANNED_DATE:
            record.breaches[label] = attrs.evolve(
                breach, remedied_on=on, closed_as=BreachClosure.REMEDIED, closed_on=on
            )


def on_signature(record: Record, event: Signature) -> None:
    record.signatures[event.party] = event.on
    record.effective_date = effective_date(record.signatures)


def on_delay(record: Record, event: DelayReported) -> None:
    record.delay_cause = event.cause
    record.ready_declared = False


def on_delay_in_breach(record: Record, _event: DelayReported) -> None:
    record.return_state = State.DELAYED.value


def on_ready(record: Record, event: BeneficiaryReady) -> None:
    record.ready_declared = True
    _close_ready_breaches(record, event.on)


def on_start(record: Record, event: ExperimentStarted) -> None:
    record.started_on = event.on
    _close_ready_breaches(record, event.on)


def on_start_in_breach(record: Record, _event: ExperimentStarted) -> None:
    record.return_state = State.EXPERIMENTING.value


def remember_return(record: Record, _event: BreachRecorded) -> None:
    record.return_state = record.state


def on_breach(record: Record, event: BreachRecorded) -> None:
    assert event.breach is not None  # noqa: S101 - resolved by the lifecycle
    record.breaches[event.breach] = Breach(event.breach, event)


def on_notice(record: Record, event: FormalNoticeSent) -> None:
    breach = breach_of(record, event)
    record.breaches[breach.label] = attrs.evolve(breach, notice=event, deadline=record.deadline)


def on_remedy(record: Record, event: BreachRemedied) -> None:
    breach = breach_of(record, event)
    record.breaches[breach.label] = attrs.evolve(
        breach,
        remedied_on=event.on,
        accepted_late=event.accepted_late,
        closed_as=BreachClosure.REMEDIED,
        closed_on=event.on,
    )


def on_step(record: Record, event: BreachEvent) -> None:
    breach = breach_of(record, event)
    step = Art9Step(event.type)
    if step not in breach.steps:
        record.breaches[breach.label] = attrs.evolve(breach, steps={**breach.steps, step: event.on})


def on_stop(record: Record, event: ExperimentStopped) -> None:
    breach = breach_of(record, event)
    record.breaches[breach.label] = attrs.evolve(
        breach, closed_as=BreachClosure.SANCTIONED, closed_on=event.on
    )
    record.stopped_on = event.on


def on_stop_in_breach(record: Record, _event: ExperimentStopped) -> None:
    record.return_state = State.EXPERIMENT_STOPPED.value


def on_procurement(record: Record, event: ProcurementUnsuccessful) -> None:
    if not event.definitive:
        record.advisories.append(art03_procurement.PROCUREMENT_NOT_DEFINITIVE())


def on_amendment(record: Record, event: AmendmentSigned) -> None:
    record.terms = record.terms.amended(event.changes, event.on)
    record.versions = (*record.versions, record.terms)


def on_termination(record: Record, event: Termination) -> None:
    record.termination = event
    record.advisories.extend(_termination_advisories(record, event))


def _termination_advisories(record: Record, event: Termination) -> Iterable[Advisory]:
    """The legal risks of a termination (RULES.md, "Advisories")."""
    ground, by = event.ground, event.by
    open_breaches = record.open_breaches
    if ground is Ground.INTERRUPTION and by is TerminatedBy.METROPOLE and open_breaches:
        yield INTERRUPTION_WITH_OPEN_BREACH(breach=open_breaches[0].label)
    if by is not TerminatedBy.JUDGE and ground.names_breach:
        breach = named_breach(record, event)
        if ground is Ground.NOT_READY and (
            breach is None or not_ready_with_notice(record, event) is not None
        ):
            yield NOT_READY_WITHOUT_NOTICE()
        if breach is not None:
            if ground is not Ground.SANCTION and len(breach.steps) < len(Art9Step):
                yield BREACH_TERMINATION_WITHOUT_ART9(breach=breach.label)
            if breach.late and not breach.accepted_late and breach.remedied_on is not None:
                yield TERMINATION_AFTER_LATE_REMEDY(
                    breach=breach.label,
                    remedied=breach.remedied_on,
                    deadline=breach.deadline_date,
                )
    if ground is Ground.GENERAL_INTEREST and by is TerminatedBy.BENEFICIARY:
        yield GENERAL_INTEREST_BY_BENEFICIARY()
    if ground is Ground.FORCE_MAJEURE:
        yield FORCE_MAJEURE()
    if is_unilateral(ground, by) and event.notified_on is None:
        yield TERMINATION_WITHOUT_NOTIFICATION_DATE(on=event.on)


def on_start_passed_in_breach(record: Record, _tick: Tick) -> None:
    record.return_state = State.DELAYED.value


def on_start_later_in_breach(record: Record, _event: AmendmentSigned) -> None:
    """An amendment moved the planned start later during a breach: the return state's
    facts no longer make it delayed (RULES.md, "States": « the planned start passed »)."""
    record.return_state = State.SIGNED.value
