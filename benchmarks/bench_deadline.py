"""Benchmark: the Art. 12 al. 2 remedy deadline for every day of 2026–2035.

Measures, with the default options (30 days from the sending, CPC 641–642):

- ``remedy_deadline()``: the full, explainable result (a frozen attrs ``RemedyDeadline``);
- ``remedy_expiry()``: the same rule returning only the deadline date;

against a baseline measured in the same run: a minimal hand-written loop on stdlib
dates with a precomputed set of the public holidays (C. trav. L3133-1). All get the
same days and have their holidays ready beforehand (the library's per-year caches are
warmed by one untimed pass, which also checks that all three agree on every day); the
best of several repeats is kept. Target: ratio ≤ 3.

Run: ``.venv/bin/python benchmarks/bench_deadline.py [--repeat N]``
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from collections.abc import Callable, Sequence

from mgp_convention.articles.art12_remedy import (
    REMEDY_PERIOD_DAYS,
    remedy_deadline,
    remedy_expiry,
)
from mgp_convention.calendar import public_holidays

FIRST_YEAR, LAST_YEAR = 2026, 2035
TARGET_RATIO = 3.0


def every_day(first: dt.date, last: dt.date) -> list[dt.date]:
    """Every date from ``first`` to ``last`` included."""
    return [first + dt.timedelta(days=n) for n in range((last - first).days + 1)]


def baseline_factory(holidays: frozenset[dt.date]) -> Callable[[dt.date], dt.date]:
    """The minimal loop: day 30, then forward while Saturday, Sunday or holiday."""
    span = dt.timedelta(days=REMEDY_PERIOD_DAYS)
    one_day = dt.timedelta(days=1)

    def baseline(sent: dt.date) -> dt.date:
        day = sent + span
        while day.weekday() >= 5 or day in holidays:
            day += one_day
        return day

    return baseline


def best_of(repeat: int, run: Callable[[], object]) -> float:
    """The fastest of ``repeat`` timed runs, in seconds."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return best


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15, help="timed runs (best kept)")
    args = parser.parse_args(argv)

    days = every_day(dt.date(FIRST_YEAR, 1, 1), dt.date(LAST_YEAR, 12, 31))
    holidays = frozenset(
        day for year in range(FIRST_YEAR, LAST_YEAR + 2) for day in public_holidays(year)
    )
    baseline = baseline_factory(holidays)

    # Warm the library's caches and check that all agree on every day.
    for day in days:
        expected = baseline(day)
        got = (remedy_deadline(day).expires_on, remedy_expiry(day))
        if got != (expected, expected):
            print(f"MISMATCH for {day}: baseline {expected}, library {got}", file=sys.stderr)
            return 1

    def run_baseline() -> None:
        for day in days:
            baseline(day)

    def run_deadline() -> None:
        for day in days:
            remedy_deadline(day)

    def run_expiry() -> None:
        for day in days:
            remedy_expiry(day)

    base = best_of(args.repeat, run_baseline)
    calls = len(days)
    print(f"days: {calls} ({FIRST_YEAR}-01-01 .. {LAST_YEAR}-12-31), best of {args.repeat}")
    print(f"{'baseline (stdlib + holiday set)':<34} {base / calls * 1e6:6.3f} µs per call")
    for name, run in (
        ("remedy_deadline() (full result)", run_deadline),
        ("remedy_expiry() (date only)", run_expiry),
    ):
        spent = best_of(args.repeat, run)
        ratio = spent / base
        verdict = "OK" if ratio <= TARGET_RATIO else "OVER"
        print(
            f"{name:<34} {spent / calls * 1e6:6.3f} µs per call, "
            f"ratio {ratio:.2f}x (target ≤ {TARGET_RATIO:.0f}x: {verdict})"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
