"""The ``portfolio`` command on 2,000 generated conventions, against only loading them.

Run: ``.venv/bin/python benchmarks/bench_portfolio.py [--conventions N] [--repeat R]
[--profile]``

It writes ``N`` convention files (realistic event logs in every state, from a fixed
random seed) into a temporary folder, then measures in the same run, on the same files:

- **load**: ``io.load_folder(dir)`` — reading and checking every file, nothing else;
- **json**: the whole command, ``main(["portfolio", dir, "--on", ON, "--json"])``, its
  output written to a buffer: loading, replaying every lifecycle, the legal dates, the
  next step, sorting, the JSON;
- **table**: the same command drawing its table (``--format table``: rich's table, 80
  columns, as written to a file);
- **tsv**: the same command writing tab-separated values (its output when piped).

Each figure is the best of ``--repeat`` runs. Target: the whole command ÷ load ≤ 1.5,
with either output.
``--profile`` adds a cProfile of one ``--json`` run (the 25 costliest functions).
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import datetime as dt
import io
import pstats
import random
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

import attrs

from mgp_convention.calendar import add_months
from mgp_convention.cli import main as cli_main
from mgp_convention.convention import Convention, Duration
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
from mgp_convention.io import dump_path, load_folder
from mgp_convention.lifecycle import Lifecycle

#: The date the portfolio is asked on: the Monday-morning "today" of the benchmark.
ON = dt.date(2026, 11, 28)
_DAY = dt.timedelta(days=1)
_KINDS = {
    "draft": 4,
    "signed": 12,
    "delayed_beneficiary": 6,
    "delayed_provider": 4,
    "running": 30,
    "amended": 5,
    "remedied": 10,
    "in_breach": 4,
    "remedy_open": 8,
    "breach_terminated": 6,
    "sanction": 3,
    "not_ready": 3,
    "interruption": 5,
}


def _log(rng: random.Random, first: dt.date, planned: dt.date) -> list[Event]:
    """A plausible event log for a convention signed from ``first``, planned to start on
    ``planned``; it may run past :data:`ON` (cut by :func:`_convention`)."""
    parties = [Party.BENEFICIARY, Party.METROPOLE]
    rng.shuffle(parties)
    kind = rng.choices(list(_KINDS), weights=list(_KINDS.values()))[0]
    events: list[Event] = [Signature(first, party=parties[0])]
    if kind == "draft":
        return events
    second = first + rng.randrange(1, 20) * _DAY
    events.append(Signature(second, party=parties[1]))
    if kind == "signed":
        return events
    if kind in ("delayed_beneficiary", "delayed_provider", "not_ready"):
        cause = DelayCause.PROVIDER if kind == "delayed_provider" else DelayCause.BENEFICIARY
        events.append(DelayReported(planned - rng.randrange(1, 10) * _DAY, cause=cause))
        if kind == "not_ready":
            events.append(
                Termination(planned + rng.randrange(2, 30) * _DAY, ground=Ground.NOT_READY)
            )
        return events
    day = max(planned + rng.randrange(-5, 40) * _DAY, second)
    events.append(ExperimentStarted(day))
    day += rng.randrange(20, 150) * _DAY
    if kind == "running":
        return events
    if kind == "amended":
        events.append(AmendmentSigned(day, changes=Changes(market_beneficiaries=4)))
        return events
    if kind == "interruption":
        events.append(Termination(day, ground=Ground.INTERRUPTION, reason="intérêt général"))
        return events
    obligation = rng.choice([Obligation.SHARE_DATA, Obligation.ATTEND_MEETINGS])
    events.append(BreachRecorded(day, obligation=obligation, impedes_experiment=rng.random() < 0.5))
    if kind == "in_breach":
        return events
    sent = day + rng.randrange(1, 15) * _DAY
    events.append(FormalNoticeSent(sent, letter_reference=f"LRAR {rng.randrange(10**6)}"))
    if kind == "remedy_open":
        return events
    if kind == "remedied":
        events.append(BreachRemedied(sent + rng.randrange(1, 29) * _DAY))
        return events
    if kind == "sanction":
        events.append(JustificationsExamined(sent + 10 * _DAY))
        events.append(RepresentativesHeard(sent + 15 * _DAY))
    ground = Ground.SANCTION if kind == "sanction" else Ground.BREACH
    events.append(Termination(sent + rng.randrange(33, 60) * _DAY, ground=ground))
    return events


def _convention(rng: random.Random, index: int, base: Convention) -> Convention:
    """One convention: its own reference, dates and log, cut at :data:`ON` and at its
    first event the lifecycle refuses (so that every file is valid)."""
    first = dt.date(2025, 6, 2) + rng.randrange(540) * _DAY
    planned = first + rng.randrange(40, 150) * _DAY
    months = rng.choice([6, 9, 12])
    evaluation = add_months(planned, months + rng.randrange(3, 6))
    experiment = attrs.evolve(
        base.experiment,
        duration_months=months,
        indicative_start=planned,
        reduced_usage_after=planned + rng.randrange(30, 90) * _DAY,
        evaluation_deadline=evaluation,
        evaluation_period=Duration(months=2),
    )
    events = [event for event in _log(rng, first, planned) if event.on <= ON]
    convention = attrs.evolve(
        base,
        reference=f"MGP-AM-BENCH-{index:05d}",
        beneficiary=attrs.evolve(base.beneficiary, name=f"Commune n° {index} (fictive)"),
        experiment=experiment,
        end_date=add_months(evaluation, rng.randrange(0, 4)),
        events=tuple(events),
    )
    try:
        Lifecycle.from_convention(convention)
    except EventRefused as err:
        convention = attrs.evolve(convention, events=convention.events[: err.index])
    return convention


def write_folder(folder: Path, count: int, seed: int = 2026) -> Counter[str]:
    """Write ``count`` convention files into ``folder``; their states on :data:`ON`."""
    rng = random.Random(seed)
    base = example_convention()
    states: Counter[str] = Counter()
    for index in range(count):
        convention = _convention(rng, index, base)
        dump_path(convention, folder / f"{index:05d}.json")
        states[Lifecycle.from_convention(convention).status(ON).state.value] += 1
    return states


def _command(argv: list[str]) -> Callable[[], None]:
    def run() -> None:
        with contextlib.redirect_stdout(io.StringIO()):
            code = cli_main(argv)
        assert code == 0, code

    return run


def _best(run: Callable[[], object], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return best


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--conventions", type=int, default=2_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--profile", action="store_true", help="cProfile one --json run")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-portfolio-") as name:
        folder = Path(name)
        states = write_folder(folder, args.conventions)
        json_argv = ["portfolio", str(folder), "--on", ON.isoformat(), "--json"]
        table_argv = ["portfolio", str(folder), "--on", ON.isoformat(), "--format", "table"]
        tsv_argv = ["portfolio", str(folder), "--on", ON.isoformat(), "--format", "tsv"]
        load_folder(folder)  # warm the file cache before timing anything

        load = _best(lambda: load_folder(folder), args.repeat)
        whole = _best(_command(json_argv), args.repeat)
        table = _best(_command(table_argv), args.repeat)
        tsv = _best(_command(tsv_argv), args.repeat)

        n = args.conventions
        print(f"{n} conventions on {ON.isoformat()}; best of {args.repeat} runs")
        print("  states: " + ", ".join(f"{s} {c}" for s, c in sorted(states.items())))
        print(f"  load only (load_folder):      {load:7.3f} s  {load / n * 1e6:7.1f} µs/file")
        print(f"  portfolio --json (whole):     {whole:7.3f} s  {whole / n * 1e6:7.1f} µs/file")
        print(f"  portfolio (table):            {table:7.3f} s  {table / n * 1e6:7.1f} µs/file")
        print(f"  portfolio (tsv):              {tsv:7.3f} s  {tsv / n * 1e6:7.1f} µs/file")
        print(f"  --json / load  = {whole / load:.2f}  (target ≤ 1.5)")
        print(f"  table  / load  = {table / load:.2f}  (target ≤ 1.5)")
        if args.profile:
            profiler = cProfile.Profile()
            profiler.runcall(_command(json_argv))
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)


if __name__ == "__main__":
    main()
