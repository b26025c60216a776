"""Legal time: Europe/Paris dates, periods in months (CPC 641 al. 2), working days
(CPC 642 al. 2, C. trav. L3133-1).

Every expected date below was counted by hand on a calendar, as written beside it,
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
    add_duration,
    add_months,
    holiday_name,
    is_working_day,
    next_working_day,
    non_working_reason,
    parse_date_or_datetime,
    public_holidays,
    subtract_duration,
    to_paris_date,
)
from mgp_convention.errors import DateError, InvalidValue


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


# --- months (CPC 641 al. 2) -------------------------------------------------------------


@pytest.mark.parametrize(
    ("anchor", "months", "expected"),
    [
        # same day number
        pytest.param(D(2026, 12, 15), 1, D(2027, 1, 15), id="15-dec+1"),
        pytest.param(D(2026, 1, 15), -1, D(2025, 12, 15), id="15-jan-1"),
        pytest.param(D(2026, 1, 1), 0, D(2026, 1, 1), id="zero"),
        # no 31 February: the last day of the month
        pytest.param(D(2026, 1, 31), 1, D(2026, 2, 28), id="31-jan+1"),
        pytest.param(D(2028, 1, 31), 1, D(2028, 2, 29), id="31-jan+1-leap"),
        pytest.param(D(2100, 1, 31), 1, D(2100, 2, 28), id="2100-not-leap"),
        pytest.param(D(2000, 1, 31), 1, D(2000, 2, 29), id="2000-leap"),
        pytest.param(D(2026, 3, 31), 1, D(2026, 4, 30), id="31-mar+1"),
        pytest.param(D(2026, 10, 31), 4, D(2027, 2, 28), id="31-oct+4"),
        # from the anchor, not step by step: 31 Jan + 2 months is 31 Mar, not 28 Mar
        pytest.param(D(2026, 1, 31), 2, D(2026, 3, 31), id="31-jan+2"),
        pytest.param(D(2026, 1, 31), 3, D(2026, 4, 30), id="31-jan+3"),
        # 29 February
        pytest.param(D(2028, 2, 29), 12, D(2029, 2, 28), id="29-feb+12"),
        pytest.param(D(2028, 2, 29), 48, D(2032, 2, 29), id="29-feb+48"),
        # backwards, same clamping
        pytest.param(D(2026, 3, 31), -1, D(2026, 2, 28), id="31-mar-1"),
        pytest.param(D(2028, 3, 31), -1, D(2028, 2, 29), id="31-mar-1-leap"),
        pytest.param(D(2026, 8, 31), -6, D(2026, 2, 28), id="31-aug-6"),
        pytest.param(D(2026, 5, 31), -13, D(2025, 4, 30), id="31-may-13"),
        # Cass. 3e civ. 21 Jan 2021: 20 Feb 2018 + 3 months = Sun 20 May 2018
        pytest.param(D(2018, 2, 20), 3, D(2018, 5, 20), id="cass-2018"),
    ],
)
def test_add_months(anchor: dt.date, months: int, expected: dt.date) -> None:
    assert add_months(anchor, months) == expected


def test_cass_2018_three_months_then_whit_monday() -> None:
    # Sun 20 May 2018, Whit Monday 21 May: the 3-month period ends Tue 22 May 2018.
    assert next_working_day(add_months(D(2018, 2, 20), 3)) == D(2018, 5, 22)


def test_add_months_out_of_range() -> None:
    with pytest.raises(DateError, match="out of range"):
        add_months(D(9999, 12, 1), 1)
    with pytest.raises(DateError, match="out of range"):
        add_months(D(1, 1, 1), -1)


@pytest.mark.parametrize(
    ("anchor", "months", "days", "expected"),
    [
        # months first, then days (CPC 641 al. 3): 31 Jan + 1 month = 28 Feb, + 2 days
        pytest.param(D(2026, 1, 31), 1, 2, D(2026, 3, 2), id="months-then-days"),
        pytest.param(D(2026, 3, 15), 0, 10, D(2026, 3, 25), id="days-only"),
        pytest.param(D(2026, 3, 15), 2, 0, D(2026, 5, 15), id="months-only"),
        # the example of Gdroit: 12 Feb 2017 + 1 month + 15 days = 27 Mar 2017
        pytest.param(D(2017, 2, 12), 1, 15, D(2017, 3, 27), id="gdroit-example"),
    ],
)
def test_add_duration(anchor: dt.date, months: int, days: int, expected: dt.date) -> None:
    assert add_duration(anchor, months, days) == expected


@pytest.mark.parametrize(
    ("anchor", "months", "days", "expected"),
    [
        # 31 Mar 2027 − 1 month = 28 Feb 2027, − 10 days = 18 Feb 2027
        pytest.param(D(2027, 3, 31), 1, 10, D(2027, 2, 18), id="months-then-days"),
        # 31 Jul 2026 − 2 months = 31 May 2026
        pytest.param(D(2026, 7, 31), 2, 0, D(2026, 5, 31), id="months-only"),
        # 1 Mar 2028 − 1 day = 29 Feb 2028
        pytest.param(D(2028, 3, 1), 0, 1, D(2028, 2, 29), id="leap-day"),
    ],
)
def test_subtract_duration(anchor: dt.date, months: int, days: int, expected: dt.date) -> None:
    assert subtract_duration(anchor, months, days) == expected


def test_durations_out_of_range() -> None:
    with pytest.raises(DateError, match="out of range"):
        add_duration(D(9999, 12, 1), 0, 31)
    with pytest.raises(DateError, match="out of range"):
        subtract_duration(D(1, 1, 5), 0, 10)


anchors = st.dates(min_value=D(1900, 1, 1), max_value=D(2200, 12, 31))


@given(anchor=anchors, months=st.integers(-600, 600))
def test_add_months_properties(anchor: dt.date, months: int) -> None:
    result = add_months(anchor, months)
    # the month moves by exactly ``months``
    assert (result.year * 12 + result.month) - (anchor.year * 12 + anchor.month) == months
    # same day number, or the last day of a shorter month
    if result.day != anchor.day:
        assert result.day < anchor.day
        assert (result + dt.timedelta(days=1)).day == 1


@given(anchor=anchors, a=st.integers(0, 60), b=st.integers(0, 60))
def test_add_months_is_from_the_anchor(anchor: dt.date, a: int, b: int) -> None:
    # stepping can only lose days, never gain them; from the anchor keeps the day number
    stepped = add_months(add_months(anchor, a), b)
    direct = add_months(anchor, a + b)
    assert (stepped.year, stepped.month) == (direct.year, direct.month)
    assert stepped.day <= direct.day
    if anchor.day <= 28:
        assert stepped == direct


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


@pytest.mark.parametrize("year", [2005, 2006, 2007, 2008, 2018, 2026, 2027, 2028, 2035, 2100])
def test_the_public_holidays_are_exactly_the_eleven_of_l3133_1(year: int) -> None:
    found = public_holidays(year)
    names = [name for value in found.values() for name in value.split(" et ")]
    assert sorted(names) == sorted(L3133_1)
    assert all(day.year == year for day in found)
    assert list(found) == sorted(found)


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
        pytest.param(1900, "missing: 1er mai, 8 mai, 11 novembre", id="before-l3133-1"),
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
    with pytest.raises(DateError, match=r"missing: 14 juillet") as info:
        public_holidays(2077)
    assert info.value.article == "C. trav. L3133-1"
    with pytest.raises(DateError, match="missing: 14 juillet"):
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
