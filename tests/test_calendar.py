"""Legal time: Europe/Paris dates, months (CPC 641 al. 2), working days (CPC 642, L3133-1)."""

from __future__ import annotations

import datetime as dt

import holidays
import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from mgp_convention import calendar
from mgp_convention.calendar import (
    CPC_641_MONTHS,
    CPC_642_EXTENSION,
    L3133_1_HOLIDAYS,
    add_duration,
    add_months,
    format_date,
    holiday_name,
    is_working_day,
    next_working_day,
    non_working_reason,
    parse_date_or_datetime,
    public_holidays,
    subtract_duration,
    to_paris_date,
)
from mgp_convention.errors import DateError

D = dt.date
UTC = dt.UTC

# --- Europe/Paris dates ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        # a plain date is kept
        pytest.param(D(2026, 3, 28), D(2026, 3, 28), id="date"),
        # 27 Mar 23:30 UTC = 00:30 CET on 28 Mar in Paris
        pytest.param(dt.datetime(2026, 3, 27, 23, 30, tzinfo=UTC), D(2026, 3, 28), id="utc-late"),
        # 27 Mar 22:59 UTC = 23:59 CET on 27 Mar
        pytest.param(dt.datetime(2026, 3, 27, 22, 59, tzinfo=UTC), D(2026, 3, 27), id="utc-before"),
        # summer: 22:00 UTC = 00:00 CEST the next day
        pytest.param(
            dt.datetime(2026, 7, 13, 22, 0, tzinfo=UTC), D(2026, 7, 14), id="cest-midnight"
        ),
        # an offset from elsewhere: 18:00 in New York (-5) on 31 Dec = 00:00 in Paris on 1 Jan
        pytest.param(
            dt.datetime(2026, 12, 31, 18, 0, tzinfo=dt.timezone(dt.timedelta(hours=-5))),
            D(2027, 1, 1),
            id="new-york",
        ),
        # a pendulum datetime and a pendulum date
        pytest.param(
            pendulum.datetime(2026, 3, 27, 23, 30, tz="UTC"), D(2026, 3, 28), id="pendulum-dt"
        ),
        pytest.param(pendulum.date(2026, 3, 28), D(2026, 3, 28), id="pendulum-date"),
    ],
)
def test_to_paris_date(value: dt.date, expected: dt.date) -> None:
    got = to_paris_date(value)
    assert got == expected
    assert type(got) is dt.date


def test_naive_datetime_is_refused_naming_the_field() -> None:
    with pytest.raises(DateError, match="naive datetime") as info:
        to_paris_date(dt.datetime(2026, 3, 28, 0, 30), field="sent_on")
    assert info.value.field == "sent_on"
    assert "Europe/Paris" in str(info.value)


def test_not_a_date_is_refused() -> None:
    with pytest.raises(DateError, match="expected a date"):
        to_paris_date("2026-03-28", field="x")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-03-28", D(2026, 3, 28)),
        (" 2026-03-28 ", D(2026, 3, 28)),
        ("2026-03-28T00:30:00+01:00", D(2026, 3, 28)),
        ("2026-03-27T23:30:00Z", D(2026, 3, 28)),
        ("2026-03-27T23:30:00+00:00", D(2026, 3, 28)),
        ("2026-10-25T22:30:00Z", D(2026, 10, 25)),
    ],
)
def test_parse_date_or_datetime(text: str, expected: dt.date) -> None:
    assert parse_date_or_datetime(text, field="sent") == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2026-03-28T00:30:00", "naive"),
        ("2026-03-28 00:30", "naive"),
        ("2026-02-30", "invalid date"),
        ("28/03/2026", "invalid date"),
        ("", "invalid date"),
        ("tomorrow", "invalid date"),
    ],
)
def test_parse_refuses(text: str, message: str) -> None:
    with pytest.raises(DateError, match=message) as info:
        parse_date_or_datetime(text, field="SENT")
    assert info.value.field == "SENT"


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


# --- public holidays (C. trav. L3133-1) ---------------------------------------------------


@pytest.mark.parametrize("year", [2005, 2008, 2018, 2024, 2026, 2027, 2028, 2035, 2099])
def test_eleven_holidays_every_year(year: int) -> None:
    found = public_holidays(year)
    names = [name for value in found.values() for name in value.split(" et ")]
    assert sorted(names) == sorted(
        [
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
    )


@pytest.mark.parametrize(
    ("day", "name"),
    [
        # Easter 2026: Sun 5 April (Easter Monday +1, Ascension +39, Whit Monday +50)
        (D(2026, 4, 6), "lundi de Pâques"),
        (D(2026, 5, 14), "Ascension"),
        (D(2026, 5, 25), "lundi de Pentecôte"),
        # Easter 2027: Sun 28 March
        (D(2027, 3, 29), "lundi de Pâques"),
        (D(2027, 5, 6), "Ascension"),
        (D(2027, 5, 17), "lundi de Pentecôte"),
        # Easter 2028: Sun 16 April
        (D(2028, 4, 17), "lundi de Pâques"),
        (D(2028, 5, 25), "Ascension"),
        (D(2028, 6, 5), "lundi de Pentecôte"),
        # 2005, journée de solidarité: still a public holiday for deadlines
        (D(2005, 5, 16), "lundi de Pentecôte"),
        # 2008: Ascension on 1 May
        (D(2008, 5, 1), "1er mai et Ascension"),
        (D(2026, 1, 1), "1er janvier"),
        (D(2026, 7, 14), "14 juillet"),
        (D(2026, 12, 25), "jour de Noël"),
    ],
)
def test_holiday_names(day: dt.date, name: str) -> None:
    assert holiday_name(day) == name
    assert not is_working_day(day)


def test_english_names() -> None:
    assert holiday_name(D(2026, 5, 25), lang="en") == "Whit Monday"
    assert holiday_name(D(2008, 5, 1), lang="en") == "May Day and Ascension Day"
    assert public_holidays(2026, lang="en")[D(2026, 1, 1)] == "New Year's Day"


@pytest.mark.parametrize(
    "day",
    [
        pytest.param(D(2026, 4, 3), id="good-friday-2026"),
        pytest.param(D(2027, 3, 26), id="good-friday-2027"),
        pytest.param(D(2025, 12, 26), id="26-december-2025"),
        pytest.param(D(2029, 12, 26), id="26-december-2029"),
        pytest.param(D(2026, 4, 5), id="easter-sunday-is-just-a-sunday"),
    ],
)
def test_alsace_moselle_days_are_not_holidays(day: dt.date) -> None:
    assert holiday_name(day) is None
    assert day not in public_holidays(day.year)
    if day.weekday() < 5:
        assert is_working_day(day)


def test_working_days() -> None:
    assert is_working_day(D(2026, 3, 2))  # a Monday
    assert not is_working_day(D(2026, 3, 7))  # Saturday
    assert not is_working_day(D(2026, 3, 8))  # Sunday
    assert not is_working_day(D(2026, 3, 2), frozenset({D(2026, 3, 2)}))  # jour chômé
    assert next_working_day(D(2026, 3, 2)) == D(2026, 3, 2)
    assert next_working_day(D(2027, 1, 1)) == D(2027, 1, 4)
    assert next_working_day(D(2027, 1, 1), [D(2027, 1, 4)]) == D(2027, 1, 5)
    # 31 Dec 2027 is a Friday; 1 Jan 2028 Saturday: from Sat 1 Jan → Mon 3 Jan
    assert next_working_day(D(2028, 1, 1)) == D(2028, 1, 3)
    # the year ends on a weekend: Sat 31 Dec 2022 → Mon 2 Jan 2023 (1 Jan is a Sunday)
    assert next_working_day(D(2022, 12, 31)) == D(2023, 1, 2)


def test_non_working_reasons() -> None:
    assert non_working_reason(D(2026, 3, 7)) == "samedi"
    assert non_working_reason(D(2026, 3, 8), lang="en") == "Sunday"
    assert non_working_reason(D(2026, 5, 25)) == "jour férié : lundi de Pentecôte"
    assert non_working_reason(D(2026, 5, 25), lang="en") == "public holiday: Whit Monday"
    assert non_working_reason(D(2028, 1, 1)) == "samedi, jour férié : 1er janvier"
    assert non_working_reason(D(2026, 3, 2), {D(2026, 3, 2)}) == "jour chômé indiqué"
    assert non_working_reason(D(2026, 3, 2)) is None


def test_years_without_data_are_refused() -> None:
    with pytest.raises(DateError, match="no public holidays known for 2101") as info:
        public_holidays(2101)
    assert info.value.article == "C. trav. L3133-1"
    with pytest.raises(DateError, match="2101"):
        is_working_day(D(2101, 3, 2))


def test_format_date() -> None:
    assert format_date(D(2027, 1, 1)) == "vendredi 1er janvier 2027"
    assert format_date(D(2026, 8, 15)) == "samedi 15 août 2026"
    assert format_date(D(2026, 8, 15), "en") == "Saturday 15 August 2026"


def test_citations_quote_the_law() -> None:
    assert CPC_641_MONTHS.label == "CPC 641 al. 2"
    assert "même quantième" in CPC_641_MONTHS.text
    assert "premier jour ouvrable suivant" in CPC_642_EXTENSION.text
    assert "6° Le lundi de Pentecôte" in L3133_1_HOLIDAYS.text


@given(day=st.dates(min_value=D(2000, 1, 1), max_value=D(2100, 11, 30)))
def test_next_working_day_properties(day: dt.date) -> None:
    found = next_working_day(day)
    assert found >= day
    assert is_working_day(found)
    current = day
    while current < found:
        assert not is_working_day(current)
        current += dt.timedelta(days=1)
    # at most 4 days in a row are non-working (e.g. Fri holiday, Sat, Sun, Mon holiday)
    assert (found - day).days <= 4


def test_package_data_is_checked_against_l3133_1(monkeypatch: pytest.MonkeyPatch) -> None:
    real = holidays.country_holidays("FR", years=2077)

    def without(*missing: dt.date) -> object:
        return lambda *_args, **_kwargs: {day: "x" for day in real if day not in missing}

    calendar._holidays_of.cache_clear()
    try:
        # 14 July missing
        monkeypatch.setattr(holidays, "country_holidays", without(D(2077, 7, 14)))
        with pytest.raises(DateError, match="missing: 14 juillet"):
            public_holidays(2077)
        # Ascension 2077 (Easter 11 April + 39 = Thu 20 May) missing
        monkeypatch.setattr(holidays, "country_holidays", without(D(2077, 5, 20)))
        with pytest.raises(DateError, match="no Ascension Day in 2077"):
            public_holidays(2077)
    finally:
        calendar._holidays_of.cache_clear()


def test_a_year_ending_on_a_weekend_before_unknown_data(monkeypatch: pytest.MonkeyPatch) -> None:
    def holidays_until_2022(year: int) -> dict[dt.date, tuple[str, str]]:
        if year > 2022:
            raise DateError(f"no public holidays known for {year}", field="year")
        return {}

    monkeypatch.setattr(calendar, "_NEXT_WORKING", {})
    monkeypatch.setattr(calendar, "_holidays_of", holidays_until_2022)
    # 2022 ends on Saturday 31 December; 2023 is unknown: the rest of 2022 still works
    assert next_working_day(D(2022, 6, 1)) == D(2022, 6, 1)
    assert next_working_day(D(2022, 12, 30)) == D(2022, 12, 30)
    with pytest.raises(DateError, match="2023"):
        next_working_day(D(2022, 12, 31))
