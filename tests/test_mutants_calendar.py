"""Legal time: the edges of the date arithmetic and every refusal, word for word.

Mutation testing (docs/mutation-and-coverage.md) showed which edges the other tests
left open: the first and last years Python can hold, the default arguments, a tzinfo
that gives no offset, and the fields the errors name. Expected dates were counted by
hand as written beside each.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from mgp_convention.calendar import (
    add_duration,
    add_months,
    check_lang,
    format_date,
    holiday_name,
    non_working_reason,
    parse_date_or_datetime,
    public_holidays,
    subtract_duration,
    to_paris_date,
)
from mgp_convention.errors import DateError, InvalidValue

D = dt.date


class _NoOffset(dt.tzinfo):
    """A tzinfo that does not know its offset: the datetime is naive in all but name."""

    def utcoffset(self, _when: dt.datetime | None) -> dt.timedelta | None:
        return None

    def dst(self, _when: dt.datetime | None) -> dt.timedelta | None:
        return None

    def tzname(self, _when: dt.datetime | None) -> str | None:
        return None


NAIVE_RULE = (
    "a naive datetime (no UTC offset) is refused: every date is a civil date in "
    "Europe/Paris, so give a date (YYYY-MM-DD) or a datetime with its offset "
    "(e.g. 2026-03-28T00:30:00+01:00)"
)


def test_a_tzinfo_without_offset_is_naive() -> None:
    value = dt.datetime(2026, 3, 28, 0, 30, tzinfo=_NoOffset())
    with pytest.raises(DateError) as info:
        to_paris_date(value)
    assert str(info.value) == "date: " + NAIVE_RULE


def test_to_paris_date_refusals_word_for_word() -> None:
    with pytest.raises(DateError) as naive:
        to_paris_date(dt.datetime(2026, 3, 28, 0, 30))
    assert str(naive.value) == "date: " + NAIVE_RULE
    with pytest.raises(DateError) as text:
        to_paris_date("2026-03-28")  # type: ignore[arg-type]
    assert str(text.value) == "date: expected a date or an aware datetime, got str"
    with pytest.raises(DateError) as named:
        to_paris_date(None, field="sent_on")  # type: ignore[arg-type]
    assert str(named.value) == "sent_on: expected a date or an aware datetime, got NoneType"


def test_parse_date_refusal_word_for_word() -> None:
    with pytest.raises(DateError) as info:
        parse_date_or_datetime(" 2026-13-01 ", field="sent")
    assert str(info.value) == (
        "sent: invalid date '2026-13-01': expected YYYY-MM-DD or an ISO datetime with its "
        "offset, e.g. 2026-03-28 or 2026-03-28T00:30:00+01:00"
    )


def test_add_months_reaches_the_first_and_last_years() -> None:
    # 15 Jan of year 2 minus 12 months is 15 Jan of year 1, the first year Python holds;
    # 15 Dec 9998 plus 1 month is 15 Jan 9999, in the last year.
    assert add_months(D(2, 1, 15), -12) == D(1, 1, 15)
    assert add_months(D(9998, 12, 15), 1) == D(9999, 1, 15)
    assert add_months(D(9999, 12, 31), 0) == D(9999, 12, 31)


def test_add_months_refusals_word_for_word() -> None:
    with pytest.raises(DateError) as beyond:
        add_months(D(9999, 12, 1), 1)
    assert str(beyond.value) == "months: 9999-12-01 + 1 months is out of range"
    with pytest.raises(DateError) as before:
        add_months(D(1, 1, 31), -1)
    assert str(before.value) == "months: 0001-01-31 + -1 months is out of range"
    with pytest.raises(DateError) as naive:
        add_months(dt.datetime(2026, 1, 31, 12, 0), 1)
    assert naive.value.field == "anchor"


def test_durations_default_to_nothing() -> None:
    # No months and no days: the anchor itself, both ways.
    assert add_duration(D(2026, 1, 31)) == D(2026, 1, 31)
    assert subtract_duration(D(2026, 1, 31)) == D(2026, 1, 31)
    # Months only, days only: 31 Jan + 1 month = 28 Feb 2026; 31 Jan − 1 day = 30 Jan.
    assert add_duration(D(2026, 1, 31), months=1) == D(2026, 2, 28)
    assert subtract_duration(D(2026, 1, 31), days=1) == D(2026, 1, 30)


def test_duration_out_of_range_messages() -> None:
    # 20 Dec 9999 + 30 days, and 10 Jan of year 1 − 30 days, leave the dates Python holds.
    with pytest.raises(DateError) as forwards:
        add_duration(D(9999, 12, 20), days=30)
    assert str(forwards.value) == "9999-12-20 + 0 months 30 days is out of range"
    with pytest.raises(DateError) as backwards:
        subtract_duration(D(1, 1, 10), days=30)
    assert str(backwards.value) == "0001-01-10 - 0 months 30 days is out of range"


@pytest.mark.parametrize("lang", ["EN", "FR", "", None, "de"])
@pytest.mark.parametrize(
    "call",
    [
        lambda lang: format_date(D(2027, 1, 4), lang),
        lambda lang: public_holidays(2027, lang=lang),
        # 4 Jan 2027 is a Monday and no holiday: the language is checked all the same.
        lambda lang: holiday_name(D(2027, 1, 4), lang=lang),
        lambda lang: non_working_reason(D(2027, 1, 4), lang=lang),
        check_lang,
    ],
    ids=["format_date", "public_holidays", "holiday_name", "non_working_reason", "check_lang"],
)
def test_an_unknown_language_is_refused(call: Callable[[object], object], lang: object) -> None:
    # Any lang but "fr" used to give English: a misspelt "EN" went unnoticed.
    with pytest.raises(InvalidValue) as error:
        call(lang)
    assert str(error.value) == f"lang: expected 'fr' or 'en', not {lang!r}"
    assert error.value.field == "lang"


def test_both_languages_are_accepted() -> None:
    assert check_lang("fr") == "fr"
    assert check_lang("en") == "en"
    # 1 Jan 2028 is a Saturday and New Year's Day.
    assert (
        non_working_reason(D(2028, 1, 1), lang="en") == "Saturday, public holiday: New Year's Day"
    )
    assert public_holidays(2028, lang="en")[D(2028, 1, 1)] == "New Year's Day"
