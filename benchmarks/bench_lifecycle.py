"""Replaying 10,000 conventions: the package's machine against one machine per convention.

Run: ``.venv/bin/python benchmarks/bench_lifecycle.py [--conventions N] [--runs R]``

Three ways, on the same generated conventions (``_generate.py``: every state, about 4
events each), timed in turn in each run (``_harness.py``: the figure is the median of
the per-run ratios):

- **ours**: ``Lifecycle.from_convention(c)`` — the package's way: one machine built at
  import, every event triggered on the lifecycle's own record (``Event.trigger``), every
  guard run, the time-driven triggers fired for each event's date, the history kept;
- **peer**: the same rules on **one** ``transitions.Machine`` **per convention** (the
  obvious way: ``Machine(model=record, **machine_definition())``, then the model's
  trigger methods), the same time triggers, no history;
- **limit** (for information): a plain dict state table, ``{(state, trigger): state}``,
  no guard, no date: what any engine costs at the least.

Target: peer ÷ ours ≥ 5.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from transitions import Machine

sys.path.insert(0, str(Path(__file__).parent))

from _generate import conventions
from _harness import interleaved, ratios, report

from mgp_convention.articles.art11_amendments import Terms
from mgp_convention.lifecycle import Lifecycle
from mgp_convention.machine import (
    TIME_PASSES,
    TRIGGERS_FROM,
    Options,
    Record,
    Tick,
    machine_definition,
    trigger_of,
)
from mgp_convention.replay import resolve


class _PeerRecord(Record):
    """A record ``Machine(model=…)`` can bind its trigger methods to (no slots)."""

    __slots__ = ("__dict__",)


def _peer(conventions_: list) -> None:  # type: ignore[type-arg]
    definition = machine_definition()
    for convention in conventions_:
        record = _PeerRecord(Terms.of(convention), Options())
        Machine(model=record, **definition)
        for event in convention.events:
            while TIME_PASSES in TRIGGERS_FROM[record.state]:
                if not getattr(record, TIME_PASSES)(record, Tick(event.on)):
                    break
            name = trigger_of(event)
            assert name is not None
            resolved, _ = resolve(record, event, name)
            record.trigger(name, record, resolved)


def _ours(conventions_: list) -> None:  # type: ignore[type-arg]
    for convention in conventions_:
        Lifecycle.from_convention(convention)


def _table() -> dict[tuple[str, str], str]:
    table: dict[tuple[str, str], str] = {}
    for transition in machine_definition()["transitions"]:
        sources = transition["source"]
        for source in [sources] if isinstance(sources, str) else sources:
            table.setdefault((source, transition["trigger"]), transition["dest"] or source)
    return table


def _limit(conventions_: list, table: dict[tuple[str, str], str]) -> None:  # type: ignore[type-arg]
    for convention in conventions_:
        state = "draft"
        for event in convention.events:
            state = table.get((state, trigger_of(event) or ""), state)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--conventions", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    data = list(conventions(args.conventions))
    events = sum(len(c.events) for c in data)
    table = _table()
    times = interleaved(
        {
            "ours": lambda: _ours(data),
            "peer (machine per convention)": lambda: _peer(data),
            "limit (dict state table)": lambda: _limit(data, table),
        },
        args.runs,
    )
    print(f"{len(data)} conventions, {events} events, {args.runs} interleaved runs")
    print(report(times, "ours", per=len(data)))
    speedup = 1 / ratios(times, "peer (machine per convention)")["ours"]
    print(f"peer ÷ ours (median of the per-run ratios): {speedup:.1f} (target ≥ 5)")


if __name__ == "__main__":
    main()
