"""Legal time: Europe/Paris dates, periods in months (CPC 641 al. 2), working days
(CPC 642 al. 2, C. trav. L3133-1).

Every expected date below was counted by hand on a calendar, as written beside it, or
comes from ``months_by_hand`` (RULES.md's month rule with the standard library only),
never from the code under test. Easter Sundays used: 2005-03-27, 2008-03-23,
2018-04-01, 2026-04-05, 2027-03-28, 2028-04-16 (Easter Monday +1, Ascension +39, Whit
Monday +50).
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from collections.abc import Callable, Iterator

import holidays
import pendulum
import pytest
from holidays.countries.france import France
from hypothesis import given
from hypothesis import strategies as st

from mgp_convention import calendar
from mgp_convention.calendar import (
    add_months,
    holiday_name,
    is_working_day,
    last_day_of_period,
    latest_first_day,
    next_working_day,
    non_working_reason,
    parse_date_or_datetime,
    public_holidays,
    to_paris_date,
)
from mgp_convention.errors import DateError, InvalidValue

import months_by_hand

D = dt.date
UTC = dt.UTC
ONE_DAY = dt.timedelta(days=1)


# --- Europe/Paris dates -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        pytest.param(D(2026, 3, 28), D(2026, 3, 28), id="a-date-is-kept"),
        # 27 Mar 23:30 UTC = 00:30 CET on 28 Mar in Paris
        pytest.param(
            dt.datetime(2026, 3, 27, 23, 30, tzinfo=UTC), D(2026, 3, 28), id="utc-after-midnight"
        ),
        # 27 Mar 22:59 UTC = 23:59 CET on 27 Mar
        pytest.param(
            dt.datetime(2026, 3, 27, 22, 59, tzinfo=UTC), D(2026, 3, 27), id="utc-before-midnight"
        ),
        # summer: 22:00 UTC = 00:00 CEST the next day
        pytest.param(
            dt.datetime(2026, 7, 13, 22, 0, tzinfo=UTC), D(2026, 7, 14), id="summer-time-midnight"
        ),
        # 18:00 in New York (UTC−5) on 31 Dec = 00:00 in Paris on 1 Jan
        pytest.param(
            dt.datetime(2026, 12, 31, 18, 0, tzinfo=dt.timezone(dt.timedelta(hours=-5))),
            D(2027, 1, 1),
            id="new-york-evening-is-paris-new-year",
        ),
        pytest.param(
            pendulum.datetime(2026, 3, 27, 23, 30, tz="UTC"), D(2026, 3, 28), id="pendulum-datetime"
        ),
        pytest.param(pendulum.date(2026, 3, 28), D(2026, 3, 28), id="pendulum-date"),
    ],
)
def test_a_date_is_its_civil_date_in_paris(value: dt.date, expected: dt.date) -> None:
    got = to_paris_date(value)
    assert got == expected
    assert type(got) is dt.date


class _NoOffset(dt.tzinfo):
    """A tzinfo that does not know its offset: the datetime is naive in all but name."""

    def utcoffset(self, _when: dt.datetime | None) -> dt.timedelta | None:
        return None

    def dst(self, _when: dt.datetime | None) -> dt.timedelta | None:
        return None

    def tzname(self, _when: dt.datetime | None) -> str | None:
        return None


@pytest.mark.parametrize(
    "value",
    [
        pytest.param(dt.datetime(2026, 3, 28, 0, 30), id="no-tzinfo"),
        pytest.param(dt.datetime(2026, 3, 28, 0, 30, tzinfo=_NoOffset()), id="tzinfo-no-offset"),
    ],
)
def test_a_naive_datetime_is_refused_naming_the_field(value: dt.datetime) -> None:
    with pytest.raises(DateError, match="naive datetime") as info:
        to_paris_date(value, field="sent_on")
    assert info.value.field == "sent_on"
    assert "Europe/Paris" in str(info.value)


@pytest.mark.parametrize(
    ("value", "kind"), [("2026-03-28", "str"), (None, "NoneType"), (20260328, "int")]
)
def test_something_else_than_a_date_is_refused_naming_what_it_is(value: object, kind: str) -> None:
    with pytest.raises(
        DateError, match=f"expected a date or an aware datetime, got {kind}$"
    ) as info:
        to_paris_date(value)  # type: ignore[arg-type]
    assert info.value.field == "date"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-03-28", D(2026, 3, 28)),
        (" 2026-03-28 ", D(2026, 3, 28)),
        ("2026-03-28T00:30:00+01:00", D(2026, 3, 28)),
        ("2026-03-27T23:30:00Z", D(2026, 3, 28)),
        ("2026-03-27T23:30:00+00:00", D(2026, 3, 28)),
        # 25 Oct 2026, winter time again from 01:00 UTC: 22:30 UTC is 23:30 in Paris
        ("2026-10-25T22:30:00Z", D(2026, 10, 25)),
    ],
)
def test_a_date_or_an_aware_datetime_is_read_as_a_paris_date(text: str, expected: dt.date) -> None:
    assert parse_date_or_datetime(text, field="sent") == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2026-03-28T00:30:00", "naive"),
        ("2026-03-28 00:30", "naive"),
        ("2026-02-30", "invalid date '2026-02-30'"),
        ("28/03/2026", "invalid date"),
        (" 2026-13-01 ", "invalid date '2026-13-01': expected YYYY-MM-DD"),
        ("", "invalid date"),
        ("tomorrow", "invalid date"),
    ],
)
def test_an_unreadable_date_is_refused_naming_the_field(text: str, message: str) -> None:
    with pytest.raises(DateError, match=message) as info:
        parse_date_or_datetime(text, field="SENT")
    assert info.value.field == "SENT"


def test_an_unreadable_date_is_refused_showing_both_formats() -> None:
    # The message shows a date and a datetime with its offset, as they must be written.
    formats = r"with its offset, e\.g\. 2026-03-28 or 2026-03-28T00:30:00\+01:00$"
    with pytest.raises(DateError, match=formats):
        parse_date_or_datetime("28/03/2026", field="sent")


# --- periods in months that count their first day (RULES.md v2, CPC 641 al. 2) -------------


@pytest.mark.parametrize(
    ("first", "months", "last"),
    [
        # The examples of RULES.md, "Periods in months".
        # 15 Jul 2027 exists → the day before
        pytest.param(D(2027, 1, 15), 6, D(2027, 7, 14), id="15-january-plus-6-ends-14-july"),
        # 1 Apr 2027 exists → the day before
        pytest.param(D(2027, 3, 1), 1, D(2027, 3, 31), id="1-march-plus-1-ends-31-march"),
        # no 31 Feb 2027 → the last day of February
        pytest.param(D(2027, 1, 31), 1, D(2027, 2, 28), id="31-january-2027-ends-28-february"),
        # no 29 Feb 2027 → the last day of February
        pytest.param(D(2027, 1, 29), 1, D(2027, 2, 28), id="29-january-2027-ends-28-february"),
        # 29 Feb 2028 exists → the day before
        pytest.param(D(2028, 1, 29), 1, D(2028, 2, 28), id="29-january-2028-ends-28-february"),
        # no 30 Feb 2028 → the last day of February, a leap year
        pytest.param(D(2028, 1, 30), 1, D(2028, 2, 29), id="30-january-2028-ends-29-february"),
        # no 31 Apr 2027 → the last day of April
        pytest.param(D(2027, 3, 31), 1, D(2027, 4, 30), id="31-march-plus-1-ends-30-april"),
        # no 31 Feb 2027 → the last day of February
        pytest.param(D(2026, 8, 31), 6, D(2027, 2, 28), id="31-august-plus-6-ends-28-february"),
        # no 31 Feb 2028 → the last day of February, a leap year
        pytest.param(D(2027, 8, 31), 6, D(2028, 2, 29), id="31-august-plus-6-ends-29-february"),
    ],
)
def test_the_examples_of_rules_md(first: dt.date, months: int, last: dt.date) -> None:
    assert last_day_of_period(first, months) == last


def test_six_months_from_31_august_end_on_last_day_of_february() -> None:
    # Version 1 counted 31 Aug 2027 + 6 months = 29 Feb 2028, − 1 day = 28 Feb 2028: a
    # day early. There is no 31 February: the period ends on the last day of February.
    assert last_day_of_period(D(2027, 8, 31), 6) == D(2028, 2, 29)
    assert last_day_of_period(D(2026, 8, 31), 6) == D(2027, 2, 28)


# Issue 16: every start day 28–31 of January, February (leap and non-leap year), March
# and August, for 1, 6, 12 and 18 months. Each row: first day, months, last day.
MONTHS_TABLE = [
    # --- first day in January 2027: February 2027 has 28 days ---
    # 28 Jan 2027 + 1 month: 28 Feb 2027 exists → the day before
    (D(2027, 1, 28), 1, D(2027, 2, 27)),
    # 28 Jan 2027 + 6 months: 28 Jul 2027 exists → the day before
    (D(2027, 1, 28), 6, D(2027, 7, 27)),
    # 28 Jan 2027 + 12 months: 28 Jan 2028 exists → the day before
    (D(2027, 1, 28), 12, D(2028, 1, 27)),
    # 28 Jan 2027 + 18 months: 28 Jul 2028 exists → the day before
    (D(2027, 1, 28), 18, D(2028, 7, 27)),
    # 29 Jan 2027 + 1 month: no 29 Feb 2027 → last day of Feb 2027
    (D(2027, 1, 29), 1, D(2027, 2, 28)),
    # 29 Jan 2027 + 6 months: 29 Jul 2027 exists → the day before
    (D(2027, 1, 29), 6, D(2027, 7, 28)),
    # 29 Jan 2027 + 12 months: 29 Jan 2028 exists → the day before
    (D(2027, 1, 29), 12, D(2028, 1, 28)),
    # 29 Jan 2027 + 18 months: 29 Jul 2028 exists → the day before
    (D(2027, 1, 29), 18, D(2028, 7, 28)),
    # 30 Jan 2027 + 1 month: no 30 Feb 2027 → last day of Feb 2027
    (D(2027, 1, 30), 1, D(2027, 2, 28)),
    # 30 Jan 2027 + 6 months: 30 Jul 2027 exists → the day before
    (D(2027, 1, 30), 6, D(2027, 7, 29)),
    # 30 Jan 2027 + 12 months: 30 Jan 2028 exists → the day before
    (D(2027, 1, 30), 12, D(2028, 1, 29)),
    # 30 Jan 2027 + 18 months: 30 Jul 2028 exists → the day before
    (D(2027, 1, 30), 18, D(2028, 7, 29)),
    # 31 Jan 2027 + 1 month: no 31 Feb 2027 → last day of Feb 2027
    (D(2027, 1, 31), 1, D(2027, 2, 28)),
    # 31 Jan 2027 + 6 months: 31 Jul 2027 exists → the day before
    (D(2027, 1, 31), 6, D(2027, 7, 30)),
    # 31 Jan 2027 + 12 months: 31 Jan 2028 exists → the day before
    (D(2027, 1, 31), 12, D(2028, 1, 30)),
    # 31 Jan 2027 + 18 months: 31 Jul 2028 exists → the day before
    (D(2027, 1, 31), 18, D(2028, 7, 30)),
    # --- first day in January 2028: February 2028 has 29 days (leap year) ---
    # 28 Jan 2028 + 1 month: 28 Feb 2028 exists → the day before
    (D(2028, 1, 28), 1, D(2028, 2, 27)),
    # 28 Jan 2028 + 6 months: 28 Jul 2028 exists → the day before
    (D(2028, 1, 28), 6, D(2028, 7, 27)),
    # 28 Jan 2028 + 12 months: 28 Jan 2029 exists → the day before
    (D(2028, 1, 28), 12, D(2029, 1, 27)),
    # 28 Jan 2028 + 18 months: 28 Jul 2029 exists → the day before
    (D(2028, 1, 28), 18, D(2029, 7, 27)),
    # 29 Jan 2028 + 1 month: 29 Feb 2028 exists → the day before
    (D(2028, 1, 29), 1, D(2028, 2, 28)),
    # 29 Jan 2028 + 6 months: 29 Jul 2028 exists → the day before
    (D(2028, 1, 29), 6, D(2028, 7, 28)),
    # 29 Jan 2028 + 12 months: 29 Jan 2029 exists → the day before
    (D(2028, 1, 29), 12, D(2029, 1, 28)),
    # 29 Jan 2028 + 18 months: 29 Jul 2029 exists → the day before
    (D(2028, 1, 29), 18, D(2029, 7, 28)),
    # 30 Jan 2028 + 1 month: no 30 Feb 2028 → last day of Feb 2028, a leap year
    (D(2028, 1, 30), 1, D(2028, 2, 29)),
    # 30 Jan 2028 + 6 months: 30 Jul 2028 exists → the day before
    (D(2028, 1, 30), 6, D(2028, 7, 29)),
    # 30 Jan 2028 + 12 months: 30 Jan 2029 exists → the day before
    (D(2028, 1, 30), 12, D(2029, 1, 29)),
    # 30 Jan 2028 + 18 months: 30 Jul 2029 exists → the day before
    (D(2028, 1, 30), 18, D(2029, 7, 29)),
    # 31 Jan 2028 + 1 month: no 31 Feb 2028 → last day of Feb 2028, a leap year
    (D(2028, 1, 31), 1, D(2028, 2, 29)),
    # 31 Jan 2028 + 6 months: 31 Jul 2028 exists → the day before
    (D(2028, 1, 31), 6, D(2028, 7, 30)),
    # 31 Jan 2028 + 12 months: 31 Jan 2029 exists → the day before
    (D(2028, 1, 31), 12, D(2029, 1, 30)),
    # 31 Jan 2028 + 18 months: 31 Jul 2029 exists → the day before
    (D(2028, 1, 31), 18, D(2029, 7, 30)),
    # --- first day in February 2027, not a leap year: 28 days ---
    # 28 Feb 2027 + 1 month: 28 Mar 2027 exists → the day before
    (D(2027, 2, 28), 1, D(2027, 3, 27)),
    # 28 Feb 2027 + 6 months: 28 Aug 2027 exists → the day before
    (D(2027, 2, 28), 6, D(2027, 8, 27)),
    # 28 Feb 2027 + 12 months: 28 Feb 2028 exists → the day before
    (D(2027, 2, 28), 12, D(2028, 2, 27)),
    # 28 Feb 2027 + 18 months: 28 Aug 2028 exists → the day before
    (D(2027, 2, 28), 18, D(2028, 8, 27)),
    # --- first day in February 2028, a leap year: 29 days ---
    # 28 Feb 2028 + 1 month: 28 Mar 2028 exists → the day before
    (D(2028, 2, 28), 1, D(2028, 3, 27)),
    # 28 Feb 2028 + 6 months: 28 Aug 2028 exists → the day before
    (D(2028, 2, 28), 6, D(2028, 8, 27)),
    # 28 Feb 2028 + 12 months: 28 Feb 2029 exists → the day before
    (D(2028, 2, 28), 12, D(2029, 2, 27)),
    # 28 Feb 2028 + 18 months: 28 Aug 2029 exists → the day before
    (D(2028, 2, 28), 18, D(2029, 8, 27)),
    # 29 Feb 2028 + 1 month: 29 Mar 2028 exists → the day before
    (D(2028, 2, 29), 1, D(2028, 3, 28)),
    # 29 Feb 2028 + 6 months: 29 Aug 2028 exists → the day before
    (D(2028, 2, 29), 6, D(2028, 8, 28)),
    # 29 Feb 2028 + 12 months: no 29 Feb 2029 → last day of Feb 2029
    (D(2028, 2, 29), 12, D(2029, 2, 28)),
    # 29 Feb 2028 + 18 months: 29 Aug 2029 exists → the day before
    (D(2028, 2, 29), 18, D(2029, 8, 28)),
    # --- first day in March 2027 ---
    # 28 Mar 2027 + 1 month: 28 Apr 2027 exists → the day before
    (D(2027, 3, 28), 1, D(2027, 4, 27)),
    # 28 Mar 2027 + 6 months: 28 Sep 2027 exists → the day before
    (D(2027, 3, 28), 6, D(2027, 9, 27)),
    # 28 Mar 2027 + 12 months: 28 Mar 2028 exists → the day before
    (D(2027, 3, 28), 12, D(2028, 3, 27)),
    # 28 Mar 2027 + 18 months: 28 Sep 2028 exists → the day before
    (D(2027, 3, 28), 18, D(2028, 9, 27)),
    # 29 Mar 2027 + 1 month: 29 Apr 2027 exists → the day before
    (D(2027, 3, 29), 1, D(2027, 4, 28)),
    # 29 Mar 2027 + 6 months: 29 Sep 2027 exists → the day before
    (D(2027, 3, 29), 6, D(2027, 9, 28)),
    # 29 Mar 2027 + 12 months: 29 Mar 2028 exists → the day before
    (D(2027, 3, 29), 12, D(2028, 3, 28)),
    # 29 Mar 2027 + 18 months: 29 Sep 2028 exists → the day before
    (D(2027, 3, 29), 18, D(2028, 9, 28)),
    # 30 Mar 2027 + 1 month: 30 Apr 2027 exists → the day before
    (D(2027, 3, 30), 1, D(2027, 4, 29)),
    # 30 Mar 2027 + 6 months: 30 Sep 2027 exists → the day before
    (D(2027, 3, 30), 6, D(2027, 9, 29)),
    # 30 Mar 2027 + 12 months: 30 Mar 2028 exists → the day before
    (D(2027, 3, 30), 12, D(2028, 3, 29)),
    # 30 Mar 2027 + 18 months: 30 Sep 2028 exists → the day before
    (D(2027, 3, 30), 18, D(2028, 9, 29)),
    # 31 Mar 2027 + 1 month: no 31 Apr 2027 → last day of Apr 2027
    (D(2027, 3, 31), 1, D(2027, 4, 30)),
    # 31 Mar 2027 + 6 months: no 31 Sep 2027 → last day of Sep 2027
    (D(2027, 3, 31), 6, D(2027, 9, 30)),
    # 31 Mar 2027 + 12 months: 31 Mar 2028 exists → the day before
    (D(2027, 3, 31), 12, D(2028, 3, 30)),
    # 31 Mar 2027 + 18 months: no 31 Sep 2028 → last day of Sep 2028
    (D(2027, 3, 31), 18, D(2028, 9, 30)),
    # --- first day in August 2027 ---
    # 28 Aug 2027 + 1 month: 28 Sep 2027 exists → the day before
    (D(2027, 8, 28), 1, D(2027, 9, 27)),
    # 28 Aug 2027 + 6 months: 28 Feb 2028 exists → the day before
    (D(2027, 8, 28), 6, D(2028, 2, 27)),
    # 28 Aug 2027 + 12 months: 28 Aug 2028 exists → the day before
    (D(2027, 8, 28), 12, D(2028, 8, 27)),
    # 28 Aug 2027 + 18 months: 28 Feb 2029 exists → the day before
    (D(2027, 8, 28), 18, D(2029, 2, 27)),
    # 29 Aug 2027 + 1 month: 29 Sep 2027 exists → the day before
    (D(2027, 8, 29), 1, D(2027, 9, 28)),
    # 29 Aug 2027 + 6 months: 29 Feb 2028 exists → the day before
    (D(2027, 8, 29), 6, D(2028, 2, 28)),
    # 29 Aug 2027 + 12 months: 29 Aug 2028 exists → the day before
    (D(2027, 8, 29), 12, D(2028, 8, 28)),
    # 29 Aug 2027 + 18 months: no 29 Feb 2029 → last day of Feb 2029
    (D(2027, 8, 29), 18, D(2029, 2, 28)),
    # 30 Aug 2027 + 1 month: 30 Sep 2027 exists → the day before
    (D(2027, 8, 30), 1, D(2027, 9, 29)),
    # 30 Aug 2027 + 6 months: no 30 Feb 2028 → last day of Feb 2028, a leap year
    (D(2027, 8, 30), 6, D(2028, 2, 29)),
    # 30 Aug 2027 + 12 months: 30 Aug 2028 exists → the day before
    (D(2027, 8, 30), 12, D(2028, 8, 29)),
    # 30 Aug 2027 + 18 months: no 30 Feb 2029 → last day of Feb 2029
    (D(2027, 8, 30), 18, D(2029, 2, 28)),
    # 31 Aug 2027 + 1 month: no 31 Sep 2027 → last day of Sep 2027
    (D(2027, 8, 31), 1, D(2027, 9, 30)),
    # 31 Aug 2027 + 6 months: no 31 Feb 2028 → last day of Feb 2028, a leap year
    (D(2027, 8, 31), 6, D(2028, 2, 29)),
    # 31 Aug 2027 + 12 months: 31 Aug 2028 exists → the day before
    (D(2027, 8, 31), 12, D(2028, 8, 30)),
    # 31 Aug 2027 + 18 months: no 31 Feb 2029 → last day of Feb 2029
    (D(2027, 8, 31), 18, D(2029, 2, 28)),
]


@pytest.mark.parametrize(("first", "months", "last"), MONTHS_TABLE)
def test_months_table_of_issue_16(first: dt.date, months: int, last: dt.date) -> None:
    assert last_day_of_period(first, months) == last


@pytest.mark.parametrize(
    ("first", "months", "days", "last"),
    [
        # 15 Mar 2026 + 10 days: 15 Mar is day 1 → 24 Mar
        pytest.param(D(2026, 3, 15), 0, 10, D(2026, 3, 24), id="ten-days"),
        # 15 Mar 2026 + 1 day: the first day alone
        pytest.param(D(2026, 3, 15), 0, 1, D(2026, 3, 15), id="one-day"),
        # 25 Apr 2026 + 1 month (ends 24 May) + 5 days → 29 May
        pytest.param(D(2026, 4, 25), 1, 5, D(2026, 5, 29), id="month-then-days"),
        # 31 Jan 2027 + 1 month (no 31 Feb: ends 28 Feb) + 2 days → 2 Mar
        pytest.param(D(2027, 1, 31), 1, 2, D(2027, 3, 2), id="month-ending-february-then-days"),
        # 30 Jan 2028 + 1 month (no 30 Feb: ends 29 Feb 2028) + 1 day → 1 Mar
        pytest.param(D(2028, 1, 30), 1, 1, D(2028, 3, 1), id="leap-february-then-a-day"),
        # 12 Feb 2017 + 1 month (ends 11 Mar) + 15 days → 26 Mar
        pytest.param(D(2017, 2, 12), 1, 15, D(2017, 3, 26), id="months-first-then-days"),
    ],
)
def test_a_step_of_months_and_days_ends_days_after_its_months(
    first: dt.date, months: int, days: int, last: dt.date
) -> None:
    # CPC 641 al. 3: « les mois sont d'abord décomptés, puis les jours ».
    assert last_day_of_period(first, months, days) == last


@pytest.mark.parametrize(
    ("months", "days", "field", "message"),
    [
        (0, 0, "months", "at least one day or one month"),
        (-1, 0, "months", "whole number"),
        (0, -3, "days", "whole number"),
        (True, 0, "months", "whole number"),
        (1.5, 0, "months", "whole number"),
    ],
)
def test_a_period_needs_whole_months_and_days(
    months: int, days: int, field: str, message: str
) -> None:
    for function in (last_day_of_period, latest_first_day):
        with pytest.raises(DateError, match=message) as info:
            function(D(2027, 1, 15), months, days)
        assert info.value.field == field


def test_a_period_of_months_only_or_days_only_by_keyword() -> None:
    # 15 Jan 2027: 2 months end on 14 Mar (15 Mar exists); 10 days on 24 Jan.
    assert last_day_of_period(D(2027, 1, 15), months=2) == D(2027, 3, 14)
    assert last_day_of_period(D(2027, 1, 15), days=10) == D(2027, 1, 24)
    # Ending by 14 Mar 2027: 2 months from 15 Jan at the latest; 10 days from 5 Mar.
    assert latest_first_day(D(2027, 3, 14), months=2) == D(2027, 1, 15)
    assert latest_first_day(D(2027, 3, 14), days=10) == D(2027, 3, 5)
    for function in (last_day_of_period, latest_first_day):
        with pytest.raises(
            DateError, match=r"^months: a period lasts at least one day or one month$"
        ):
            function(D(2027, 1, 15))


def test_a_period_past_year_9999_is_refused() -> None:
    # One month from 15 December 9999 would end in January of year 10000.
    with pytest.raises(DateError) as info:
        last_day_of_period(D(9999, 12, 15), 1)
    assert info.value.field == "months"
    assert info.value.render("en") == "months: 9999-12-15 + 1 months is out of range"
    assert info.value.render("fr") == (
        "months: 9999-12-15 + 1 mois sort des dates qu'un calendrier connaît"
    )
    # Thirty days from 15 December 9999, that day counted as the first: 15 + 29 days.
    with pytest.raises(DateError) as info:
        last_day_of_period(D(9999, 12, 15), 0, 30)
    assert info.value.field == "days"
    assert info.value.render("en") == "days: 9999-12-15 + 29 days is out of range"
    assert info.value.render("fr") == (
        "days: 9999-12-15 + 29 jours sort des dates qu'un calendrier connaît"
    )
    # A month ending on 15 January of year 1 would start on 16 December of year 0.
    with pytest.raises(DateError) as info:
        latest_first_day(D(1, 1, 15), 1)
    assert info.value.render("en") == "months: 0001-01-16 + -1 months is out of range"


def test_a_period_accepts_an_aware_datetime_and_refuses_a_naive_one() -> None:
    # 23:30 UTC on 30 Jan 2027 is 00:30 on 31 Jan in Paris: no 31 Feb → 28 Feb 2027.
    assert last_day_of_period(dt.datetime(2027, 1, 30, 23, 30, tzinfo=UTC), 1) == D(2027, 2, 28)
    with pytest.raises(DateError, match="naive") as info:
        last_day_of_period(dt.datetime(2027, 1, 30, 23, 30), 1)
    assert info.value.field == "first_day"
    with pytest.raises(DateError, match="naive") as info:
        latest_first_day(dt.datetime(2027, 1, 30, 23, 30), 1)
    assert info.value.field == "last_day"


first_days = st.dates(min_value=D(1900, 1, 1), max_value=D(2200, 12, 31))


@given(first=first_days, months=st.integers(0, 60), days=st.integers(0, 400))
def test_a_period_agrees_with_the_rule_stated_by_hand(
    first: dt.date, months: int, days: int
) -> None:
    if months == days == 0:
        days = 1
    assert last_day_of_period(first, months, days) == months_by_hand.last_day(first, months, days)


@given(first=first_days, months=st.integers(1, 60))
def test_a_period_of_months_ends_after_its_first_day(first: dt.date, months: int) -> None:
    assert last_day_of_period(first, months) > first


@given(first=first_days, days=st.integers(1, 400))
def test_a_period_of_days_never_ends_before_its_first_day(first: dt.date, days: int) -> None:
    assert last_day_of_period(first, 0, days) >= first


@given(first=first_days, months=st.integers(0, 60), days=st.integers(0, 60))
def test_a_later_first_day_never_ends_earlier(first: dt.date, months: int, days: int) -> None:
    if months == days == 0:
        months = 1
    assert last_day_of_period(first + ONE_DAY, months, days) >= last_day_of_period(
        first, months, days
    )


@given(first=first_days, months=st.integers(0, 24), days=st.integers(0, 60))
def test_the_next_step_starts_the_day_after(first: dt.date, months: int, days: int) -> None:
    # Two steps of M months and D days in a row (Art. 5 al. 2): the second starts the day
    # after the first ends, and ends by the same rule from its own first day.
    if months == days == 0:
        days = 1
    end = last_day_of_period(first, months, days)
    second = last_day_of_period(end + ONE_DAY, months, days)
    assert second == months_by_hand.last_day(end + ONE_DAY, months, days)
    assert second > end


# --- the latest first day of a period that must end by a date ----------------------------------


@pytest.mark.parametrize(
    ("last", "months", "days", "first"),
    [
        # RULES.md, reduced usage: ends by 30 Dec 2027 (« avant le » 31 Dec), 2 months:
        # 31 Oct + 2 months → 31 Dec exists → ends 30 Dec; 1 Nov would end 31 Dec.
        pytest.param(D(2027, 12, 30), 2, 0, D(2027, 10, 31), id="rules-md-example"),
        # Ends by 27 Mar 2027, 1 month: 28 Feb ends 27 Mar; 1 Mar would end 31 Mar.
        pytest.param(D(2027, 3, 27), 1, 0, D(2027, 2, 28), id="end-of-february"),
        # Ends by 30 Mar 2027, 1 month: still 28 Feb (ends 27 Mar), as 1 Mar ends 31 Mar.
        pytest.param(D(2027, 3, 30), 1, 0, D(2027, 2, 28), id="a-gap-after-february"),
        # Ends by 28 Feb 2027, 1 month: 1 Feb ends 28 Feb; 2 Feb would end 1 Mar.
        pytest.param(D(2027, 2, 28), 1, 0, D(2027, 2, 1), id="february-itself"),
        # Ends by 31 Dec 2027, 10 days: 22 Dec is day 1, 31 Dec day 10.
        pytest.param(D(2027, 12, 31), 0, 10, D(2027, 12, 22), id="days-only"),
        # Ends by 31 Dec 2027, 1 month and 15 days: 1 Nov + 1 month ends 30 Nov, + 15
        # days = 15 Dec; 16 Nov + 1 month ends 15 Dec, + 15 days = 30 Dec; 17 Nov ends 31 Dec.
        pytest.param(D(2027, 12, 31), 1, 15, D(2027, 11, 17), id="months-and-days"),
    ],
)
def test_the_latest_first_day_of_a_period_ending_by_a_date(
    last: dt.date, months: int, days: int, first: dt.date
) -> None:
    assert latest_first_day(last, months, days) == first


@given(last=first_days, months=st.integers(0, 36), days=st.integers(0, 60))
def test_the_latest_first_day_is_the_latest(last: dt.date, months: int, days: int) -> None:
    # Its period ends on or before ``last``; the period from the next day ends after it.
    if months == days == 0:
        days = 1
    first = latest_first_day(last, months, days)
    assert months_by_hand.last_day(first, months, days) <= last
    assert months_by_hand.last_day(first + ONE_DAY, months, days) > last


# --- the same day number, months later (CPC 641 al. 2, a period from an act) --------------


@pytest.mark.parametrize(
    ("anchor", "months", "expected"),
    [
        pytest.param(D(2026, 12, 15), 1, D(2027, 1, 15), id="same-day-number"),
        pytest.param(D(2026, 1, 15), -1, D(2025, 12, 15), id="backwards"),
        pytest.param(D(2026, 1, 1), 0, D(2026, 1, 1), id="zero-months"),
        # no 31 February: the last day of the month
        pytest.param(D(2026, 1, 31), 1, D(2026, 2, 28), id="no-31-february"),
        pytest.param(D(2028, 1, 31), 1, D(2028, 2, 29), id="no-31-february-leap-year"),
        pytest.param(D(2100, 1, 31), 1, D(2100, 2, 28), id="2100-is-not-a-leap-year"),
        pytest.param(D(2000, 1, 31), 1, D(2000, 2, 29), id="2000-is-a-leap-year"),
        # from the anchor, not step by step: 31 Jan + 2 months is 31 Mar, not 28 Mar
        pytest.param(D(2026, 1, 31), 2, D(2026, 3, 31), id="counted-from-the-anchor"),
        pytest.param(D(2028, 2, 29), 12, D(2029, 2, 28), id="29-february-a-year-later"),
        pytest.param(D(2026, 8, 31), -6, D(2026, 2, 28), id="backwards-to-february"),
        # Cass. 3e civ. 21 Jan 2021: 20 Feb 2018 + 3 months = Sunday 20 May 2018
        pytest.param(D(2018, 2, 20), 3, D(2018, 5, 20), id="cass-2018"),
        # the first and last years Python holds
        pytest.param(D(2, 1, 15), -12, D(1, 1, 15), id="year-1"),
        pytest.param(D(9998, 12, 15), 1, D(9999, 1, 15), id="year-9999"),
    ],
)
def test_add_months_keeps_the_day_number(anchor: dt.date, months: int, expected: dt.date) -> None:
    assert add_months(anchor, months) == expected


def test_three_months_from_20_february_2018_run_past_whit_monday() -> None:
    # Cass. 3e civ., 21 Jan 2021: Sunday 20 May 2018, then Whit Monday 21 May → Tue 22 May.
    assert next_working_day(add_months(D(2018, 2, 20), 3)) == D(2018, 5, 22)


def test_add_months_out_of_range_is_refused() -> None:
    with pytest.raises(DateError, match=r"9999-12-01 \+ 1 months is out of range") as info:
        add_months(D(9999, 12, 1), 1)
    assert info.value.field == "months"
    with pytest.raises(DateError, match="out of range"):
        add_months(D(1, 1, 31), -1)
    with pytest.raises(DateError, match="naive") as naive:
        add_months(dt.datetime(2026, 1, 31, 12, 0), 1)
    assert naive.value.field == "anchor"


@given(anchor=first_days, months=st.integers(-600, 600))
def test_add_months_moves_the_month_and_keeps_or_clamps_the_day(
    anchor: dt.date, months: int
) -> None:
    result = add_months(anchor, months)
    assert (result.year * 12 + result.month) - (anchor.year * 12 + anchor.month) == months
    if result.day != anchor.day:  # only a shorter month changes it: its last day
        assert result.day < anchor.day
        assert (result + ONE_DAY).day == 1


# --- public holidays (C. trav. L3133-1) ----------------------------------------------------

L3133_1 = [
    "1er janvier",
    "lundi de Pâques",
    "1er mai",
    "8 mai",
    "Ascension",
    "lundi de Pentecôte",
    "14 juillet",
    "Assomption",
    "Toussaint",
    "11 novembre",
    "jour de Noël",
]
L3133_1_IN_ENGLISH = [
    "New Year's Day",
    "Easter Monday",
    "May Day",
    "Victory in Europe Day",
    "Ascension Day",
    "Whit Monday",
    "Bastille Day",
    "Assumption Day",
    "All Saints' Day",
    "Armistice Day",
    "Christmas Day",
]


@pytest.mark.parametrize("year", [2005, 2006, 2007, 2008, 2018, 2026, 2027, 2028, 2035, 2100])
def test_the_public_holidays_are_exactly_the_eleven_of_l3133_1(year: int) -> None:
    found = public_holidays(year)
    names = [name for value in found.values() for name in value.split(" et ")]
    assert sorted(names) == sorted(L3133_1)
    assert all(day.year == year for day in found)
    assert list(found) == sorted(found)
    # The same days by their English names, two on one date joined by "and".
    in_english = public_holidays(year, lang="en")
    assert list(in_english) == list(found)
    english = [name for value in in_english.values() for name in value.split(" and ")]
    assert sorted(english) == sorted(L3133_1_IN_ENGLISH)


@pytest.mark.parametrize(
    ("day", "name"),
    [
        # Easter 2026: Sun 5 April
        pytest.param(D(2026, 4, 6), "lundi de Pâques", id="easter-monday-2026"),
        pytest.param(D(2026, 5, 14), "Ascension", id="ascension-2026"),
        pytest.param(D(2026, 5, 25), "lundi de Pentecôte", id="whit-monday-2026"),
        # Easter 2027: Sun 28 March
        pytest.param(D(2027, 3, 29), "lundi de Pâques", id="easter-monday-2027"),
        pytest.param(D(2027, 5, 6), "Ascension", id="ascension-2027"),
        pytest.param(D(2027, 5, 17), "lundi de Pentecôte", id="whit-monday-2027"),
        # Easter 2028: Sun 16 April
        pytest.param(D(2028, 4, 17), "lundi de Pâques", id="easter-monday-2028"),
        pytest.param(D(2028, 5, 25), "Ascension", id="ascension-2028"),
        pytest.param(D(2028, 6, 5), "lundi de Pentecôte", id="whit-monday-2028"),
        # 2008: Ascension on 1 May, one date with both names
        pytest.param(D(2008, 5, 1), "1er mai et Ascension", id="ascension-on-may-day-2008"),
        pytest.param(D(2026, 1, 1), "1er janvier", id="new-year"),
        pytest.param(D(2026, 7, 14), "14 juillet", id="bastille-day"),
        pytest.param(D(2026, 12, 25), "jour de Noël", id="christmas"),
    ],
)
def test_a_public_holiday_is_not_a_working_day(day: dt.date, name: str) -> None:
    assert holiday_name(day) == name
    assert not is_working_day(day)


@pytest.mark.parametrize(
    ("day", "year_easter"),
    [
        pytest.param(D(2005, 5, 16), "27 Mar 2005 + 50", id="2005"),
        pytest.param(D(2006, 6, 5), "16 Apr 2006 + 50", id="2006"),
        pytest.param(D(2007, 5, 28), "8 Apr 2007 + 50", id="2007"),
    ],
)
def test_whit_monday_of_the_solidarity_years_counts_though_the_package_omits_it(
    day: dt.date, year_easter: str
) -> None:
    # The package leaves Whit Monday out of 2005–2007 (worked as the journée de
    # solidarité); for deadlines it is a public holiday (L3133-1 6°; Cass. 3e civ.,
    # 21 Jan 2021, n° 19-24.799).
    assert day not in holidays.country_holidays("FR", years=day.year), year_easter
    assert holiday_name(day) == "lundi de Pentecôte"
    assert holiday_name(day, lang="en") == "Whit Monday"
    assert not is_working_day(day)
    assert next_working_day(day) == day + ONE_DAY


@pytest.mark.parametrize(
    "day",
    [
        pytest.param(D(2026, 4, 3), id="good-friday-2026"),
        pytest.param(D(2027, 3, 26), id="good-friday-2027"),
        pytest.param(D(2025, 12, 26), id="26-december-2025"),
        pytest.param(D(2029, 12, 26), id="26-december-2029"),
    ],
)
def test_alsace_moselle_days_are_working_days_in_the_grand_paris(day: dt.date) -> None:
    assert holiday_name(day) is None
    assert day not in public_holidays(day.year)
    assert is_working_day(day)
    assert non_working_reason(day) is None


def test_easter_sunday_is_only_a_sunday() -> None:
    assert holiday_name(D(2026, 4, 5)) is None
    assert non_working_reason(D(2026, 4, 5)) == "dimanche"


def test_holiday_names_in_english() -> None:
    assert holiday_name(D(2026, 5, 25), lang="en") == "Whit Monday"
    assert holiday_name(D(2008, 5, 1), lang="en") == "May Day and Ascension Day"
    assert public_holidays(2026, lang="en")[D(2026, 1, 1)] == "New Year's Day"


# --- working days (CPC 642 al. 2) -----------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "closed", "expected"),
    [
        pytest.param(D(2026, 3, 2), (), D(2026, 3, 2), id="a-monday-is-its-own"),
        # Fri 1 Jan 2027 (holiday), Sat 2, Sun 3 → Mon 4 Jan
        pytest.param(D(2027, 1, 1), (), D(2027, 1, 4), id="new-year-then-weekend"),
        # … and Mon 4 Jan given as a jour chômé → Tue 5 Jan
        pytest.param(D(2027, 1, 1), (D(2027, 1, 4),), D(2027, 1, 5), id="then-a-closed-monday"),
        # two closed days in a row after the weekend: Mon 4, Tue 5 → Wed 6 Jan
        pytest.param(
            D(2027, 1, 2), (D(2027, 1, 4), D(2027, 1, 5)), D(2027, 1, 6), id="two-closed-days"
        ),
        # Sat 1 Jan 2028 is New Year's Day too; Sun 2 → Mon 3 Jan
        pytest.param(D(2028, 1, 1), (), D(2028, 1, 3), id="new-year-on-saturday"),
        # Sat 31 Dec 2022, Sun 1 Jan 2023 → Mon 2 Jan 2023, across the year end
        pytest.param(D(2022, 12, 31), (), D(2023, 1, 2), id="across-the-year-end"),
        # Thu 14 May 2026 Ascension → Fri 15 May
        pytest.param(D(2026, 5, 14), (), D(2026, 5, 15), id="ascension"),
    ],
)
def test_the_next_working_day(day: dt.date, closed: tuple[dt.date, ...], expected: dt.date) -> None:
    assert next_working_day(day, frozenset(closed)) == expected
    assert next_working_day(day, list(closed)) == expected


def test_weekends_and_closed_days_are_not_working_days() -> None:
    assert is_working_day(D(2026, 3, 2))  # a Monday
    assert not is_working_day(D(2026, 3, 7))  # Saturday
    assert not is_working_day(D(2026, 3, 8))  # Sunday
    assert not is_working_day(D(2026, 3, 2), frozenset({D(2026, 3, 2)}))  # jour chômé
    # 23:30 UTC on Sun 1 Mar 2026 is 00:30 on Monday 2 March in Paris
    assert is_working_day(dt.datetime(2026, 3, 1, 23, 30, tzinfo=UTC))
    naive = dt.datetime(2026, 3, 2, 12, 0)
    for call in (is_working_day, next_working_day, holiday_name, non_working_reason):
        with pytest.raises(DateError, match="naive") as info:
            call(naive)
        assert info.value.field == "day"
    # Aware datetimes are their Paris date for each of them: 23:30 UTC on Sun 24 May 2026
    # is 01:30 on Whit Monday 25 May in Paris (summer time).
    whit_monday = dt.datetime(2026, 5, 24, 23, 30, tzinfo=UTC)
    assert holiday_name(whit_monday) == "lundi de Pentecôte"
    assert non_working_reason(whit_monday) == "jour férié : lundi de Pentecôte"
    assert next_working_day(whit_monday) == D(2026, 5, 26)


@pytest.mark.parametrize(
    ("day", "closed", "lang", "reason"),
    [
        (D(2026, 3, 7), (), "fr", "samedi"),
        (D(2026, 3, 8), (), "en", "Sunday"),
        (D(2026, 5, 25), (), "fr", "jour férié : lundi de Pentecôte"),
        (D(2026, 5, 25), (), "en", "public holiday: Whit Monday"),
        (D(2028, 1, 1), (), "fr", "samedi, jour férié : 1er janvier"),
        (D(2028, 1, 1), (), "en", "Saturday, public holiday: New Year's Day"),
        (D(2026, 3, 2), (D(2026, 3, 2),), "fr", "jour chômé indiqué"),
        (D(2026, 3, 2), (D(2026, 3, 2),), "en", "closed day (given)"),
        (D(2026, 3, 2), (), "fr", None),
    ],
)
def test_why_a_day_is_not_a_working_day(
    day: dt.date, closed: tuple[dt.date, ...], lang: str, reason: str | None
) -> None:
    assert non_working_reason(day, frozenset(closed), lang=lang) == reason  # type: ignore[arg-type]


@given(day=st.dates(min_value=D(2000, 1, 1), max_value=D(2100, 11, 30)))
def test_the_next_working_day_is_the_first_one(day: dt.date) -> None:
    found = next_working_day(day)
    assert found >= day
    assert is_working_day(found)
    current = day
    while current < found:
        assert not is_working_day(current)
        current += ONE_DAY
    # at most 4 days in a row are non-working (e.g. Fri holiday, Sat, Sun, Mon holiday)
    assert (found - day).days <= 4


# --- what the package does not cover ------------------------------------------------------


@pytest.mark.parametrize(
    ("year", "message"),
    [
        pytest.param(2101, "no public holidays known for 2101", id="after-the-package"),
        # 1900: no 1 May, 8 May nor 11 November holiday yet
        pytest.param(
            1900, "missing: May Day, Victory in Europe Day, Armistice Day", id="before-l3133-1"
        ),
        pytest.param(0, "no public holidays known for 0", id="year-0"),
        pytest.param(10000, "no public holidays known for 10000", id="year-10000"),
    ],
)
def test_a_year_without_the_eleven_holidays_is_refused(year: int, message: str) -> None:
    for _ in range(2):  # asking again refuses again: the year does not stay half-known
        with pytest.raises(DateError, match=message) as info:
            public_holidays(year)
        assert info.value.article == "C. trav. L3133-1"
        assert info.value.field == "year"


def test_a_year_the_package_does_not_cover_is_said_in_french() -> None:
    # The days missing are named as L3133-1 names them, in the language of the message.
    with pytest.raises(DateError) as info:
        public_holidays(1900)
    assert info.value.render("fr") == (
        "year: aucun jour férié connu pour 1900 : le paquet holidays ne donne pas les 11 jours "
        "de L3133-1 pour cette année (manquent : 1er mai, 8 mai, 11 novembre) (C. trav. L3133-1)"
    )
    with pytest.raises(DateError) as info:
        public_holidays(2101)
    assert info.value.explanation("fr") == (
        "aucun jour férié connu pour 2101 : le paquet holidays couvre 1803–2100"
    )


def test_a_working_day_question_in_an_unknown_year_is_refused() -> None:
    with pytest.raises(DateError, match="2101"):
        is_working_day(D(2101, 3, 2))
    with pytest.raises(DateError, match="2101"):
        holiday_name(D(2101, 3, 2))
    with pytest.raises(DateError, match="2101"):
        next_working_day(D(2101, 1, 1))
    # Fri 31 Dec 2100 is the package's last year: still known.
    assert next_working_day(D(2100, 12, 31)) == D(2100, 12, 31)


@pytest.fixture
def fresh_holidays() -> Iterator[None]:
    """A new checked copy of the package's France, for tests that change the package."""
    calendar._holidays.cache_clear()
    yield
    calendar._holidays.cache_clear()


def _changed(change: Callable[[France], None]) -> Callable[[France], None]:
    original = France._populate_public_holidays

    def populate(self: France) -> None:
        original(self)
        change(self)

    return populate


@pytest.mark.usefixtures("fresh_holidays")
def test_a_day_of_l3133_1_missing_from_the_package_is_refused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The package stops giving 14 July 2077: the year is refused, not computed without it.
    monkeypatch.setattr(
        France, "_populate_public_holidays", _changed(lambda fr: fr.pop(D(2077, 7, 14), None))
    )
    with pytest.raises(DateError, match=r"missing: Bastille Day") as info:
        public_holidays(2077)
    assert info.value.article == "C. trav. L3133-1"
    assert "(manquent : 14 juillet)" in info.value.render("fr")
    with pytest.raises(DateError, match="missing: Bastille Day"):
        is_working_day(D(2077, 7, 13))


@pytest.mark.usefixtures("fresh_holidays")
def test_a_day_the_package_adds_outside_l3133_1_stays_a_working_day(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The package gives Good Friday 2077 (9 April: Easter is 11 April) as a holiday: not
    # in L3133-1, so a working day in the Grand Paris.
    monkeypatch.setattr(
        France,
        "_populate_public_holidays",
        _changed(lambda fr: fr._add_holiday("Vendredi saint", D(2077, 4, 9))),
    )
    assert is_working_day(D(2077, 4, 9))
    assert len(public_holidays(2077)) == 11


def test_the_holidays_package_is_imported_on_the_first_question_only() -> None:
    # Start-up: importing the module leaves the (slow to import) package alone.
    code = (
        "import sys, datetime as dt; import mgp_convention.calendar as c; "
        "print('holidays' in sys.modules); c.is_working_day(dt.date(2027, 1, 4)); "
        "print('holidays' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["False", "True"]


# --- languages ---------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["EN", "FR", "", None, "de"])
@pytest.mark.parametrize(
    "call",
    [
        lambda lang: public_holidays(2027, lang=lang),
        # 4 Jan 2027 is a Monday and no holiday: the language is checked all the same.
        lambda lang: holiday_name(D(2027, 1, 4), lang=lang),
        lambda lang: non_working_reason(D(2027, 1, 4), lang=lang),
    ],
    ids=["public_holidays", "holiday_name", "non_working_reason"],
)
def test_an_unknown_language_is_refused(call: Callable[[object], object], lang: object) -> None:
    with pytest.raises(InvalidValue) as error:
        call(lang)
    assert error.value.field == "lang"


def test_a_year_past_9999_has_no_known_public_holidays() -> None:
    # A Python date stops at 31 December 9999: the holidays of year 10000 cannot be asked,
    # and the refusal says so in the user's language, with L3133-1 as the source.
    with pytest.raises(DateError) as caught:
        public_holidays(10000)
    assert (
        caught.value.render("en") == "year: no public holidays known for 10000 (C. trav. L3133-1)"
    )
    assert caught.value.render("fr") == "year: aucun jour férié connu pour 10000 (C. trav. L3133-1)"
