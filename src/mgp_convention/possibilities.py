"""What can happen on a date, and why the rest cannot: each event type tried on a copy.

For each trigger of the machine, well-formed probe events dated that day (one per breach
recorded, for a breach event; by the party that may use the ground, with a stated
reason, for a termination) are tried with :func:`~mgp_convention.replay.attempt`: the
trigger is possible when one probe is accepted; otherwise the first probe's refusal says
why.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from mgp_convention.articles.art02_duration import (
    SIGNATORIES,
)
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
from mgp_convention.machine import (
    EVENT_TRIGGERS,
    Record,
)
from mgp_convention.replay import attempt
from mgp_convention.values import Refusal

__all__ = ["possibilities", "probes"]

# --- what is possible on a date: probes, tried on copies ----------------------------------


def _fresh_label(record: Record) -> str:
    number = len(record.breaches) + 1
    while f"B{number}" in record.breaches:
        number += 1
    return f"B{number}"


def probes(record: Record, trigger: str, on: dt.date) -> Iterator[Event]:
    """Well-formed events of ``trigger`` dated ``on``, to ask what is possible that day
    (for a breach event, one per breach recorded; for a termination, by the party that
    may use the ground, with a stated reason)."""
    labels: list[str | None] = [*record.breaches, None]
    if trigger == "signature":
        yield from (Signature(on, party=p) for p in SIGNATORIES if p not in record.signatures)
        if all(p in record.signatures for p in SIGNATORIES):
            yield Signature(on, party=Party.METROPOLE)
    elif trigger == "delay_reported":
        yield DelayReported(on, cause=DelayCause.BENEFICIARY)
    elif trigger == "beneficiary_ready":
        yield BeneficiaryReady(on)
    elif trigger == "experiment_started":
        yield ExperimentStarted(on)
    elif trigger == "breach_recorded":
        fresh = _fresh_label(record)
        yield BreachRecorded(
            on, breach=fresh, obligation=Obligation.ATTEND_MEETINGS, impedes_experiment=False
        )
        yield BreachRecorded(on, breach=fresh, obligation=Obligation.READY_ON_PLANNED_DATE)
    elif trigger == "formal_notice_sent":
        yield from (FormalNoticeSent(on, breach=b, letter_reference="-") for b in labels)
    elif trigger == "breach_remedied":
        yield from (BreachRemedied(on, breach=b) for b in labels)
    elif trigger == "justifications_examined":
        yield from (JustificationsExamined(on, breach=b) for b in labels)
    elif trigger == "representatives_heard":
        yield from (RepresentativesHeard(on, breach=b) for b in labels)
    elif trigger == "experiment_stopped":
        yield from (ExperimentStopped(on, breach=b, reason="-") for b in labels)
    elif trigger == "procurement_unsuccessful":
        yield ProcurementUnsuccessful(on)
    elif trigger == "amendment_signed":
        same = Changes(market_beneficiaries=record.terms.market.beneficiaries)
        yield AmendmentSigned(on, changes=same)
    else:
        ground = Ground(trigger.partition(":")[2])
        by = (
            TerminatedBy.BENEFICIARY
            if ground is Ground.GENERAL_INTEREST
            else TerminatedBy.METROPOLE
        )
        named: list[str | None] = labels if ground.names_breach else [None]
        for label in named:
            yield Termination(on, ground=ground, by=by, reason="-", breach=label)


def possibilities(record: Record, on: dt.date) -> tuple[tuple[str, ...], tuple[Refusal, ...]]:
    """The triggers possible on ``on`` (``record`` as of that date) and why the others are
    not: each trigger is tried on a copy with its probes."""
    allowed: list[str] = []
    refused: list[Refusal] = []
    for trigger in EVENT_TRIGGERS:
        first: Refusal | None = None
        for probe in probes(record, trigger, on):
            refusal, _, _ = attempt(record, probe)
            if refusal is None:
                allowed.append(trigger)
                break
            first = first or refusal
        else:
            if first is not None:
                refused.append(first)
    return tuple(allowed), tuple(refused)
