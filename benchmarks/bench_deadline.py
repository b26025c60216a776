"""Benchmark: the Art. 12 al. 2 remedy deadline for every day of 2026–2035.

Measures, with the default options (30 days from the sending, CPC 641–642):

- ``remedy_deadline()``: the full, explainable result (a frozen attrs ``RemedyDeadline``
  built by its constructor);
- ``remedy_expiry()``: the same rule returning only the deadline date;

against two references measured in the same run: a minimal hand-written loop on stdlib
dates with a precomputed set of the public holidays (C. trav. L3133-1), the baseline;
and the ``holidays`` package's own ``get_nth_working_day(day 30, 0)`` on its France,
which the library calls to move a deadline past non-working days. All get the same
days; one untimed pass populates the package's years and checks that all agree on every
day. The four are timed in turn in each run (``_harness.py``); each figure is the median
of the per-run ratios.

Target: ratio ≤ 3 to the baseline. It is not met since the library answers the
working-day question with the ``holidays`` package (issue 17: no hand-built copy of its
data, no bypass of the attrs constructor): the package's helper alone is over ten
times the baseline (14× in the last run), and the library adds its date normalisation
and the attrs value. The second reference shows that share: the library's own cost is
the ratio to it (under 2× in the last run).

Run: ``.venv/bin/python benchmarks/bench_deadline.py [--repeat N]``
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Callable, Sequence

from _harness import interleaved, ratios, report

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


def package_factory() -> Callable[[dt.date], dt.date]:
    """The ``holidays`` package alone: day 30, then its next working day (France, the
    same 11 days as L3133-1 in these years)."""
    from holidays.countries.france import France  # noqa: PLC0415 - what is measured

    france = France()
    span = dt.timedelta(days=REMEDY_PERIOD_DAYS)

    def package(sent: dt.date) -> dt.date:
        found: dt.date = france.get_nth_working_day(sent + span, 0)
        return found

    return package


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15, help="runs, each timing the four in turn")
    args = parser.parse_args(argv)

    days = every_day(dt.date(FIRST_YEAR, 1, 1), dt.date(LAST_YEAR, 12, 31))
    holidays = frozenset(
        day for year in range(FIRST_YEAR, LAST_YEAR + 2) for day in public_holidays(year)
    )
    baseline = baseline_factory(holidays)
    package = package_factory()

    # Populate the package's years and check that all agree on every day.
    for day in days:
        expected = baseline(day)
        got = (remedy_deadline(day).expires_on, remedy_expiry(day), package(day))
        if got != (expected, expected, expected):
            print(f"MISMATCH for {day}: baseline {expected}, library {got}", file=sys.stderr)
            return 1

    def each_day(function: Callable[[dt.date], object]) -> Callable[[], None]:
        def run() -> None:
            for day in days:
                function(day)

        return run

    times = interleaved(
        {
            "baseline": each_day(baseline),
            "holidays package": each_day(package),
            "remedy_deadline()": each_day(remedy_deadline),
            "remedy_expiry()": each_day(remedy_expiry),
        },
        args.repeat,
    )
    calls = len(days)
    print(f"days: {calls} ({FIRST_YEAR}-01-01 .. {LAST_YEAR}-12-31); {args.repeat} runs in turn")
    print(report(times, "baseline", per=calls))
    to_base = ratios(times, "baseline")
    to_package = ratios(times, "holidays package")
    for name in ("remedy_deadline()", "remedy_expiry()"):
        verdict = "met" if to_base[name] <= TARGET_RATIO else "unmet"
        print(
            f"{name} ÷ baseline = {to_base[name]:.2f} (target ≤ {TARGET_RATIO:.0f}: {verdict}); "
            f"÷ the package's helper = {to_package[name]:.2f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
