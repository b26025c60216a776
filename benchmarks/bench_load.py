"""Loading a folder of 2,000 convention files, against ``json.loads`` of the same files.

Run: ``.venv/bin/python benchmarks/bench_load.py [--conventions N] [--runs R]
[--profile]``

It writes ``N`` convention files of version 2 (from a fixed random seed: the example
convention with its own reference, dates and a log of 2 to 12 events of every kind,
breach labels included) into a temporary folder, then measures **in the same run, runs
interleaved** (the order of the two alternates from one run to the next):

- **json**: for each file, in name order, read its bytes and ``json.loads`` them —
  the floor: no check at all;
- **load**: ``io.load_folder(dir)`` — listing the folder, reading each regular file
  (bounded), parsing it (duplicate keys refused), structuring it with the package's
  cattrs converter (hooks generated once per class), and building every value through
  its attrs validators and coherence rules.

The figure is the **median of the per-run ratios** load ÷ json (the garbage of one
measure is collected before the next starts). Target: ≤ 5.
``--profile`` adds a cProfile of one ``load_folder`` (the costliest functions by own
time, then by cumulative time).
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import gc
import json
import pstats
import random
import statistics
import tempfile
import time
from collections.abc import Callable, Sequence
from decimal import Decimal
from pathlib import Path

import attrs

from mgp_convention.convention import Convention, Duration
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
from mgp_convention.io import dumps, load_folder

_DAY = dt.timedelta(days=1)


def _event(rng: random.Random, day: dt.date) -> Event:
    """One event of any kind on ``day``, about breach ``B1``, ``B2`` or ``B3``."""
    label = f"B{rng.randrange(1, 4)}"
    kind = rng.randrange(10)
    if kind == 0:
        return ExperimentStarted(day)
    if kind == 1:
        return DelayReported(day, cause=rng.choice(list(DelayCause)), details="retard")
    if kind == 2:
        return BeneficiaryReady(day)
    if kind == 3:
        return BreachRecorded(
            day,
            breach=label,
            obligation=Obligation.SHARE_DATA,
            impedes_experiment=rng.random() < 0.5,
            details="les données ne sont pas transmises",
        )
    if kind == 4:
        return FormalNoticeSent(day, breach=label, letter_reference=f"LRAR {rng.randrange(10**6)}")
    if kind == 5:
        return BreachRemedied(day, breach=label)
    if kind == 6:
        return JustificationsExamined(day, breach=label)
    if kind == 7:
        return RepresentativesHeard(day, breach=label)
    if kind == 8:
        return AmendmentSigned(day, changes=Changes(market_total_ttc=Decimal("190000.00")))
    return Termination(day, ground=Ground.BREACH, breach=label, reason="manquement")


def _log(rng: random.Random, first: dt.date) -> list[Event]:
    """A log of 2 to 12 events from ``first`` (the loader does not judge the history:
    only the shapes matter here)."""
    events: list[Event] = [
        Signature(first, party=Party.BENEFICIARY),
        Signature(first + rng.randrange(1, 20) * _DAY, party=Party.METROPOLE),
    ]
    day = events[-1].on
    for _ in range(rng.randrange(0, 11)):
        day += rng.randrange(1, 40) * _DAY
        events.append(_event(rng, day))
    return events


def _convention(rng: random.Random, index: int, base: Convention) -> Convention:
    first = dt.date(2025, 6, 2) + rng.randrange(540) * _DAY
    planned = first + rng.randrange(40, 150) * _DAY
    experiment = attrs.evolve(
        base.experiment,
        duration_months=rng.choice([6, 9, 12]),
        indicative_start=planned,
        reduced_usage_after=planned + rng.randrange(30, 90) * _DAY,
        evaluation_deadline=planned + rng.randrange(400, 500) * _DAY,
        evaluation_period=Duration(months=2),
    )
    return attrs.evolve(
        base,
        reference=f"MGP-AM-BENCH-{index:05d}",
        beneficiary=attrs.evolve(base.beneficiary, name=f"Commune n° {index} (fictive)"),
        experiment=experiment,
        end_date=planned + rng.randrange(600, 700) * _DAY,
        events=tuple(_log(rng, first)),
    )


def write_folder(folder: Path, count: int, seed: int = 2026) -> None:
    """Write ``count`` convention files of version 2 into ``folder``."""
    rng = random.Random(seed)
    base = example_convention()
    for index in range(count):
        (folder / f"{index:05d}.json").write_text(
            dumps(_convention(rng, index, base)), encoding="utf-8"
        )


def _json_floor(folder: Path) -> Callable[[], object]:
    def run() -> object:
        return [json.loads(path.read_bytes()) for path in sorted(folder.glob("*.json"))]

    return run


def _timed(run: Callable[[], object]) -> float:
    """The time of one ``run``, after collecting what the previous one left (so that
    neither pays for the other's garbage)."""
    gc.collect()
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--conventions", type=int, default=2_000)
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--profile", action="store_true", help="cProfile one load_folder")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-load-") as name:
        folder = Path(name)
        write_folder(folder, args.conventions)
        floor = _json_floor(folder)
        load = lambda: load_folder(folder)  # noqa: E731
        result = load_folder(folder)  # warm the file cache and cattrs' hooks
        assert len(result.loaded) == args.conventions, result.failed[:1]
        floor()
        ratios: list[float] = []
        json_times: list[float] = []
        load_times: list[float] = []
        for run in range(args.runs):
            if run % 2 == 0:
                json_time, load_time = _timed(floor), _timed(load)
            else:
                load_time, json_time = _timed(load), _timed(floor)
            json_times.append(json_time)
            load_times.append(load_time)
            ratios.append(load_time / json_time)
        n = args.conventions
        size = sum(path.stat().st_size for path in folder.glob("*.json")) / n
        print(f"{n} conventions ({size:,.0f} bytes each on average), {args.runs} runs interleaved")
        json_median = statistics.median(json_times)
        load_median = statistics.median(load_times)
        for label, seconds in (
            ("json (read + json.loads)", json_median),
            ("load (io.load_folder)   ", load_median),
        ):
            print(f"  {label}: {seconds:7.3f} s  {seconds / n * 1e6:7.1f} µs/file")
        print("  load / json, per run: " + " ".join(f"{ratio:.2f}" for ratio in ratios))
        print(f"  median of the ratios = {statistics.median(ratios):.2f}  (target ≤ 5)")
        if args.profile:
            profiler = cProfile.Profile()
            profiler.runcall(load)
            stats = pstats.Stats(profiler)
            stats.sort_stats("tottime").print_stats(25)
            stats.sort_stats("cumulative").print_stats(25)


if __name__ == "__main__":
    main()
