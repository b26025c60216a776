"""Generated conventions for the benchmarks: plausible lives in every state (version 2).

Deterministic under a seed: the example convention with a reference, dates and an event
log drawn for one of :data:`KINDS`; an event the lifecycle would refuse (rare: a date
drawn too close to another) is cut from the log with what follows it, so that every
generated file is valid.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from pathlib import Path

import attrs

from mgp_convention.convention import Convention
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
    ExperimentStopped,
    FormalNoticeSent,
    Ground,
    JustificationsExamined,
    Obligation,
    Party,
    ProcurementUnsuccessful,
    RepresentativesHeard,
    Signature,
    Termination,
)
from mgp_convention.examples import example_convention
from mgp_convention.io import dumps
from mgp_convention.lifecycle import Lifecycle

__all__ = ["KINDS", "ON", "conventions", "write_folder"]

#: The date the benchmarks ask on.
ON = dt.date(2026, 11, 28)
DAY = dt.timedelta(days=1)
#: The kinds of life, with their weights.
KINDS = {
    "draft": 4,
    "signed": 10,
    "delayed": 4,
    "delayed_beneficiary": 4,
    "delayed_provider": 4,
    "running": 28,
    "amended": 5,
    "remedied": 8,
    "in_breach": 4,
    "remedy_open": 7,
    "two_breaches": 4,
    "late_remedy": 3,
    "breach_terminated": 5,
    "sanction": 3,
    "stopped": 2,
    "not_ready": 3,
    "interruption": 4,
    "lapsed": 1,
}


def _log(rng: random.Random, kind: str, first: dt.date, planned: dt.date) -> list[Event]:
    parties = [Party.BENEFICIARY, Party.METROPOLE]
    rng.shuffle(parties)
    events: list[Event] = [Signature(first, party=parties[0])]
    if kind == "draft":
        return events
    second = first + rng.randrange(1, 20) * DAY
    events.append(Signature(second, party=parties[1]))
    if kind in ("signed", "delayed"):
        return events
    if kind == "lapsed":
        events.append(ProcurementUnsuccessful(second + 30 * DAY, definitive=True))
        return events
    if kind in ("delayed_beneficiary", "delayed_provider", "not_ready"):
        cause = DelayCause.PROVIDER if kind == "delayed_provider" else DelayCause.BENEFICIARY
        events.append(DelayReported(max(planned - rng.randrange(1, 10) * DAY, second), cause=cause))
        if kind == "not_ready":
            day = planned + rng.randrange(1, 10) * DAY
            events += [
                BreachRecorded(day, obligation=Obligation.READY_ON_PLANNED_DATE),
                FormalNoticeSent(day + 2 * DAY, letter_reference="LRAR 1"),
                Termination(
                    day + 40 * DAY,
                    ground=Ground.NOT_READY,
                    notified_on=day + 43 * DAY,
                ),
            ]
        return events
    day = max(planned + rng.randrange(-5, 40) * DAY, second)
    events.append(ExperimentStarted(day))
    day += rng.randrange(20, 150) * DAY
    if kind == "running":
        return events
    if kind == "amended":
        events.append(AmendmentSigned(day, changes=Changes(market_beneficiaries=4)))
        return events
    if kind == "interruption":
        events.append(Termination(day, ground=Ground.INTERRUPTION, reason="intérêt général"))
        return events
    obligation = rng.choice([Obligation.SHARE_DATA, Obligation.ATTEND_MEETINGS])
    events.append(BreachRecorded(day, obligation=obligation, impedes_experiment=True))
    if kind == "in_breach":
        return events
    sent = day + rng.randrange(1, 15) * DAY
    events.append(FormalNoticeSent(sent, letter_reference=f"LRAR {rng.randrange(10**6)}"))
    if kind == "remedy_open":
        return events
    if kind == "two_breaches":
        later = sent + rng.randrange(1, 10) * DAY
        events.append(
            BreachRecorded(later, obligation=Obligation.FREE_ACCESS, impedes_experiment=False)
        )
        return events
    if kind == "remedied":
        events.append(BreachRemedied(sent + rng.randrange(1, 29) * DAY))
        return events
    if kind == "late_remedy":
        events.append(BreachRemedied(sent + rng.randrange(35, 50) * DAY))
        return events
    hearing = sent + rng.randrange(5, 25) * DAY
    if kind in ("sanction", "stopped"):
        events += [JustificationsExamined(hearing), RepresentativesHeard(hearing + DAY)]
    after = sent + rng.randrange(35, 60) * DAY
    if kind == "stopped":
        events.append(ExperimentStopped(after, reason="données jamais transmises"))
        return events
    ground = Ground.SANCTION if kind == "sanction" else Ground.BREACH
    events.append(Termination(after, ground=ground, notified_on=after + 3 * DAY))
    return events


def _valid(convention: Convention) -> Convention:
    """``convention`` with its log cut before the first event the lifecycle refuses."""
    try:
        Lifecycle.from_convention(convention)
    except EventRefused as refused:
        return attrs.evolve(convention, events=convention.events[: refused.index])
    return convention


def conventions(count: int, seed: int = 2026) -> Iterator[Convention]:
    """``count`` conventions, deterministic under ``seed``."""
    rng = random.Random(seed)
    base = example_convention()
    kinds, weights = list(KINDS), list(KINDS.values())
    for number in range(count):
        kind = rng.choices(kinds, weights=weights)[0]
        first = ON - rng.randrange(60, 700) * DAY
        planned = first + rng.randrange(60, 200) * DAY
        experiment = attrs.evolve(
            base.experiment,
            indicative_start=planned,
            reduced_usage_after=planned + 60 * DAY,
            evaluation_deadline=planned + 500 * DAY,
        )
        events = tuple(_log(rng, kind, first, planned))
        yield _valid(
            attrs.evolve(
                base,
                reference=f"MGP-AM-BENCH-{number:05d}",
                experiment=experiment,
                end_date=planned + 700 * DAY,
                events=events,
            )
        )


def write_folder(folder: Path, count: int, seed: int = 2026) -> list[Path]:
    """Write ``count`` generated conventions as files of ``folder``; their paths."""
    paths = []
    for number, convention in enumerate(conventions(count, seed)):
        path = folder / f"{number:05d}.json"
        path.write_text(dumps(convention), encoding="utf-8")
        paths.append(path)
    return paths
