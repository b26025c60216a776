"""Replay 10,000 conventions with realistic event logs to their status, and compare.

Run: ``.venv/bin/python benchmarks/bench_lifecycle.py [--conventions N] [--repeat R]``

Three ways are measured in the same run, on the same conventions:

- **lifecycle**: ``Lifecycle.from_convention(c).status(on)`` — the package's way: one
  machine built at import, every event triggered on the lifecycle's own record, every
  guard run, the history kept, then the status (time-driven facts, usage period,
  allowed and refused events with their reasons);
- **floor**: the same state changes on a bare ``transitions`` machine with no guards,
  no history, no status: one plain model per convention, and ``Event.trigger`` for each
  event — what the engine itself costs;
- **naive**: the same work as *lifecycle*, but building one ``Machine`` per convention
  (bound to its model, as ``Machine(model=obj, …)`` is usually written).

It prints the cost per convention of each, and the ratios: lifecycle ÷ floor
(target ≤ 2) and naive ÷ lifecycle (target ≥ 5). Each figure is the best of
``--repeat`` runs (the least disturbed by the machine's other work).
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import time
from collections.abc import Callable, Sequence

import attrs
from transitions import Machine

from mgp_convention.convention import Convention
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
from mgp_convention.lifecycle import Lifecycle
from mgp_convention.machine import Record, machine_definition

#: The date every status is asked on ("today" for a batch run): after every event.
ON = dt.date(2027, 12, 1)
_DAY = dt.timedelta(days=1)


def _log(rng: random.Random) -> tuple[Event, ...]:
    """A plausible event log: signed, often started, sometimes breached, rarely ended early."""
    first = dt.date(2026, 1, 5) + rng.randrange(300) * _DAY
    parties = [Party.BENEFICIARY, Party.METROPOLE]
    rng.shuffle(parties)
    second = first + rng.randrange(1, 20) * _DAY
    events: list[Event] = [Signature(first, party=parties[0])]
    kind = rng.choices(
        [
            "draft",
            "signed",
            "delayed",
            "running",
            "amended",
            "remedied",
            "breach",
            "sanction",
            "not_ready",
        ],
        weights=[5, 15, 10, 30, 5, 15, 10, 5, 5],
    )[0]
    if kind == "draft":
        return tuple(events)
    events.append(Signature(second, party=parties[1]))
    day = second + rng.randrange(10, 60) * _DAY
    if kind == "signed":
        return tuple(events)
    if kind in ("delayed", "not_ready"):
        events.append(DelayReported(day, cause=DelayCause.BENEFICIARY, details="locaux"))
        if kind == "not_ready":
            events.append(
                Termination(dt.date(2027, 3, 2), ground=Ground.NOT_READY, reason="pas prêt")
            )
        return tuple(events)
    events.append(ExperimentStarted(day))
    day += rng.randrange(20, 120) * _DAY
    if kind == "running":
        return tuple(events)
    if kind == "amended":
        events.append(AmendmentSigned(day, changes=Changes(end_date=dt.date(2028, 6, 30))))
        return tuple(events)
    events.append(
        BreachRecorded(day, obligation=Obligation.SHARE_DATA, impedes_experiment=rng.random() < 0.5)
    )
    notice = day + rng.randrange(1, 15) * _DAY
    events.append(FormalNoticeSent(notice, letter_reference=f"LRAR {rng.randrange(10**6)}"))
    if kind == "remedied":
        events.append(BreachRemedied(notice + rng.randrange(1, 29) * _DAY))
        return tuple(events)
    if kind == "sanction":
        events.append(JustificationsExamined(notice + 10 * _DAY))
        events.append(RepresentativesHeard(notice + 15 * _DAY))
    events.append(
        Termination(
            notice + 40 * _DAY, ground=Ground.SANCTION if kind == "sanction" else Ground.BREACH
        )
    )
    return tuple(events)


def conventions(count: int, seed: int = 2026) -> list[Convention]:
    """``count`` conventions built from the example, each with its own event log."""
    rng = random.Random(seed)
    base = example_convention()
    return [attrs.evolve(base, events=_log(rng)) for _ in range(count)]


# --- the three ways -------------------------------------------------------------------------


def lifecycle_way(batch: Sequence[Convention]) -> None:
    for convention in batch:
        Lifecycle.from_convention(convention).status(ON)


class _NaiveRecord(Record):
    """The lifecycle's record without ``__slots__``: ``Machine(model=…)`` sets methods on it."""


def naive_way(batch: Sequence[Convention]) -> None:
    definition = machine_definition()
    for convention in batch:
        lifecycle = Lifecycle(convention)
        record = _NaiveRecord(lifecycle.terms, lifecycle.remedy_options, lifecycle.sanction_options)
        lifecycle._record = record
        lifecycle._machine = Machine(model=record, **definition)  # one per convention
        for event in convention.events:
            lifecycle.apply(event)
        lifecycle.status(ON)


class _Bare:
    """The floor's model: a plain object with a ``state``."""

    state: str


def floor_setup(batch: Sequence[Convention]) -> Callable[[], None]:
    """A bare machine (no guards) with one transition per (trigger, source, dest) used, and
    each convention's path through it, taken from the lifecycle's history."""
    paths: list[list[str]] = []
    edges: set[tuple[str, str, str]] = set()
    for convention in batch:
        path = []
        for entry in Lifecycle.from_convention(convention).history:
            edge = (entry.trigger, entry.state_before.value, entry.state_after.value)
            edges.add(edge)
            path.append("|".join(edge))
        paths.append(path)
    definition = machine_definition()
    bare = Machine(
        model=None,
        states=definition["states"],
        transitions=[["|".join(edge), edge[1], edge[2]] for edge in sorted(edges)],
        initial=definition["initial"],
        auto_transitions=False,
    )
    events = bare.events
    triggers = [[events[name] for name in path] for path in paths]

    def run() -> None:
        for path in triggers:
            model = _Bare()
            model.state = "draft"
            for event in path:
                event.trigger(model)

    return run


def _best(run: Callable[[], None], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return best


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--conventions", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument(
        "--naive-sample",
        type=int,
        default=2_000,
        help="conventions timed for the naive way (it is slow)",
    )
    args = parser.parse_args(argv)
    batch = conventions(args.conventions)
    n_events = sum(len(c.events) for c in batch)
    floor_run = floor_setup(batch)
    sample = batch[: args.naive_sample]

    floor = _best(floor_run, args.repeat) / len(batch)
    ours = _best(lambda: lifecycle_way(batch), args.repeat) / len(batch)
    naive = _best(lambda: naive_way(sample), max(1, args.repeat // 2)) / len(sample)

    print(
        f"{len(batch)} conventions, {n_events} events ({n_events / len(batch):.2f} per convention)"
    )
    print(f"status asked on {ON.isoformat()}; best of {args.repeat} runs")
    print(f"  floor (bare transitions, no guards): {floor * 1e6:8.1f} µs per convention")
    print(f"  lifecycle (guards, history, status): {ours * 1e6:8.1f} µs per convention")
    print(
        f"  naive (one Machine per convention):  {naive * 1e6:8.1f} µs per convention "
        f"({len(sample)} timed)"
    )
    print(f"  lifecycle / floor = {ours / floor:.2f}  (target ≤ 2)")
    print(f"  naive / lifecycle = {naive / ours:.1f}  (target ≥ 5)")


if __name__ == "__main__":
    main()
