"""Measuring a command against a floor or a peer, fairly, on a shared machine.

Each run times every contender once, **in turn** (interleaved), on the same data; the
ratio of each contender to the baseline is computed **within the run**; the reported
figure is the **median of the per-run ratios**. A disturbance of the machine then hits
both sides of a ratio alike, and one bad run does not decide the figure (timing one side
fully and then the other, keeping the best of each, once made a command look faster
than its own first half).
"""

from __future__ import annotations

import gc
import statistics
import time
from collections.abc import Callable, Mapping

__all__ = ["Result", "interleaved", "report"]

Result = dict[str, list[float]]


def interleaved(contenders: Mapping[str, Callable[[], object]], runs: int) -> Result:
    """Seconds of each contender per run, the contenders timed in turn in each run (the
    order rotates from one run to the next)."""
    names = list(contenders)
    times: Result = {name: [] for name in names}
    for run in range(runs):
        order = names[run % len(names) :] + names[: run % len(names)]
        for name in order:
            gc.collect()
            start = time.perf_counter()
            contenders[name]()
            times[name].append(time.perf_counter() - start)
    return times


def ratios(times: Result, baseline: str) -> dict[str, float]:
    """The median, over the runs, of each contender's time ÷ the baseline's in that run."""
    base = times[baseline]
    return {
        name: statistics.median(t / b for t, b in zip(values, base, strict=True))
        for name, values in times.items()
    }


def report(times: Result, baseline: str, *, per: int, unit: str = "µs", scale: float = 1e6) -> str:
    """Lines: each contender's median time per item and its median ratio to the baseline."""
    medians = ratios(times, baseline)
    lines = []
    for name, values in times.items():
        each = statistics.median(values) / per * scale
        lines.append(f"  {name:<28} {each:10.1f} {unit}/item   ×{medians[name]:.2f} {baseline}")
    return "\n".join(lines)
