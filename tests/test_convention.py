"""The convention's data: experiment, market, end date, and their coherence."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import attrs
import pytest

from mgp_convention.convention import (
    CalendarStep,
    Convention,
    Duration,
    coherence_problems,
)
from mgp_convention.errors import DateError, InvalidValue, MoneyError
from mgp_convention.events import (
    AmendmentSigned,
    BreachRecorded,
    Changes,
    FormalNoticeSent,
    Obligation,
)
from mgp_convention.examples import example_convention

CONVENTION = example_convention()
EXPERIMENT = CONVENTION.experiment
MARKET = CONVENTION.market


def test_example_is_valid() -> None:
    assert isinstance(CONVENTION, Convention)
    assert coherence_problems(Convention, attrs.asdict(CONVENTION, recurse=False)) == []


@pytest.mark.parametrize("months", [0, -1, True, 1.5, "6"])
def test_duration_months_is_a_whole_number_at_least_one(months: object) -> None:
    with pytest.raises(InvalidValue) as info:
        attrs.evolve(EXPERIMENT, duration_months=months)
    assert info.value.field == "duration_months"


def test_one_month_is_enough() -> None:
    assert attrs.evolve(EXPERIMENT, duration_months=1).duration_months == 1


def test_objectives_are_required() -> None:
    with pytest.raises(InvalidValue, match="at least one"):
        attrs.evolve(EXPERIMENT, objectives=())
    with pytest.raises(InvalidValue, match="must not be empty") as info:
        attrs.evolve(EXPERIMENT, objectives=("ok", " "))
    assert info.value.field == "objectives[1]"


@pytest.mark.parametrize(
    ("months", "days", "valid"),
    [(1, 0, True), (0, 15, True), (2, 3, True), (0, 0, False), (-1, 5, False), (0, -2, False)],
)
def test_durations(months: int, days: int, valid: bool) -> None:
    if valid:
        assert Duration(months, days).months == months
    else:
        with pytest.raises(InvalidValue):
            Duration(months, days)


def test_calendar_step_needs_a_label() -> None:
    with pytest.raises(InvalidValue):
        CalendarStep("", Duration(months=1))


def test_dates_must_be_dates_not_datetimes() -> None:
    with pytest.raises(DateError):
        attrs.evolve(EXPERIMENT, indicative_start=dt.datetime(2027, 3, 1, 12, 0))
    with pytest.raises(DateError):
        attrs.evolve(CONVENTION, end_date="2028-03-31")


def test_evaluation_deadline_and_period_go_together() -> None:
    with pytest.raises(InvalidValue, match="evaluation_period is missing") as info:
        attrs.evolve(EXPERIMENT, evaluation_period=None)
    assert info.value.article == "Art. 5 al. 5"
    with pytest.raises(InvalidValue, match="evaluation_deadline is missing"):
        attrs.evolve(EXPERIMENT, evaluation_deadline=None, reduced_usage_after=None)
    no_evaluation = attrs.evolve(
        EXPERIMENT, evaluation_deadline=None, evaluation_period=None, reduced_usage_after=None
    )
    assert no_evaluation.evaluation_deadline is None


def test_reduced_usage_date_before_the_evaluation_deadline() -> None:
    # Art. 5 al. 5: usage is reduced beyond [Date] so that the evaluation ends before [Date]
    with pytest.raises(InvalidValue, match="comes after the evaluation deadline"):
        attrs.evolve(EXPERIMENT, reduced_usage_after=dt.date(2028, 1, 1))


def test_evaluation_deadline_after_the_indicative_start() -> None:
    with pytest.raises(InvalidValue, match="must come after the indicative start"):
        attrs.evolve(EXPERIMENT, evaluation_deadline=dt.date(2027, 3, 1), reduced_usage_after=None)


def test_end_date_not_before_the_start() -> None:
    # Art. 2: « jusqu'au [Date] »; the end cannot precede the indicative start.
    with pytest.raises(InvalidValue, match="comes before the experiment's indicative start") as e:
        attrs.evolve(CONVENTION, end_date=dt.date(2027, 2, 28))
    assert e.value.article == "Art. 2"
    assert e.value.field == "end_date"


def test_evaluation_deadline_not_after_the_end_date() -> None:
    with pytest.raises(InvalidValue, match="comes after the end date"):
        attrs.evolve(CONVENTION, end_date=dt.date(2027, 12, 30))
    # The end date itself may be the evaluation deadline.
    assert attrs.evolve(CONVENTION, end_date=dt.date(2027, 12, 31)).end_date.day == 31


@pytest.mark.parametrize(
    ("total", "message"),
    [
        (Decimal("-0.01"), "must not be negative"),
        (Decimal("10.001"), "at most two decimals"),
        (Decimal("NaN"), "expected a Decimal"),
        (12.5, "float"),
        ("12.50", "expected a Decimal"),
    ],
)
def test_market_total_is_non_negative_decimal_euros(total: object, message: str) -> None:
    with pytest.raises(MoneyError, match=message) as info:
        attrs.evolve(MARKET, total_ttc=total)
    assert info.value.field == "total_ttc"


def test_market_total_may_be_zero_and_whole() -> None:
    assert attrs.evolve(MARKET, total_ttc=Decimal(0)).total_ttc == 0
    assert attrs.evolve(MARKET, total_ttc=Decimal("100")).total_ttc == 100


@pytest.mark.parametrize("count", [0, -3, True])
def test_market_has_at_least_one_beneficiary(count: object) -> None:
    with pytest.raises(InvalidValue):
        attrs.evolve(MARKET, beneficiaries=count)


def test_unknown_schema_version() -> None:
    # Version 2 is the current one (a version 1 file is migrated by the loader).
    with pytest.raises(InvalidValue, match="unknown schema version 3"):
        attrs.evolve(CONVENTION, schema_version=3)


def test_breach_other_needs_details() -> None:
    with pytest.raises(InvalidValue, match="details"):
        BreachRecorded(dt.date(2027, 1, 1), obligation=Obligation.OTHER, impedes_experiment=False)
    ok = BreachRecorded(
        dt.date(2027, 1, 1),
        obligation=Obligation.OTHER,
        impedes_experiment=False,
        details="accès refusé au local technique",
    )
    assert ok.details


def test_letter_cannot_be_received_before_it_is_sent() -> None:
    with pytest.raises(InvalidValue, match="comes before the event's date"):
        FormalNoticeSent(
            dt.date(2027, 1, 10), letter_reference="LRAR 1", received_on=dt.date(2027, 1, 9)
        )
    notice = FormalNoticeSent(
        dt.date(2027, 1, 10), letter_reference="LRAR 1", received_on=dt.date(2027, 1, 10)
    )
    assert notice.received_on == notice.on


def test_amendment_changes_something() -> None:
    with pytest.raises(InvalidValue, match="at least one thing") as info:
        Changes()
    assert info.value.article == "Art. 11"
    changes = Changes(end_date=dt.date(2028, 6, 30))
    assert changes.as_dict() == {"end_date": dt.date(2028, 6, 30)}
    assert AmendmentSigned(dt.date(2027, 6, 1), changes=changes).type == "amendment_signed"


def test_amendment_figures_are_validated() -> None:
    with pytest.raises(MoneyError):
        Changes(market_total_ttc=Decimal("-1"))
    with pytest.raises(InvalidValue):
        Changes(duration_months=0)
    with pytest.raises(DateError):
        Changes(end_date="2028-01-01")  # type: ignore[arg-type]


# --- bounds: every date computed from a convention stays a real date -------------------


@pytest.mark.parametrize(
    ("day", "valid"),
    [
        (dt.date(1999, 12, 31), False),
        (dt.date(2000, 1, 1), True),
        (dt.date(2099, 12, 31), True),
        (dt.date(2100, 1, 1), False),
        (dt.date(9999, 12, 31), False),
    ],
)
def test_dates_lie_in_2000_to_2099(day: dt.date, valid: bool) -> None:
    start = {"indicative_start": day, "evaluation_deadline": None}
    start |= {"evaluation_period": None, "reduced_usage_after": None}
    if valid:
        assert attrs.evolve(EXPERIMENT, **start).indicative_start == day
    else:
        with pytest.raises(DateError, match="outside the dates a convention can hold") as info:
            attrs.evolve(EXPERIMENT, **start)
        assert info.value.field == "indicative_start"


def test_durations_are_at_most_ten_years() -> None:
    assert Duration(120, 3660) == Duration(months=120, days=3660)
    with pytest.raises(InvalidValue, match="more than 120") as info:
        Duration(121, 0)
    assert info.value.field == "months"
    with pytest.raises(InvalidValue, match="more than 3660"):
        Duration(0, 3661)
    assert attrs.evolve(EXPERIMENT, duration_months=120).duration_months == 120
    with pytest.raises(InvalidValue, match="more than 120"):
        attrs.evolve(EXPERIMENT, duration_months=121)
    with pytest.raises(InvalidValue, match="more than 120"):
        Changes(duration_months=100_000)


def test_lists_are_bounded() -> None:
    step = CalendarStep("étape", Duration(days=1))
    assert len(attrs.evolve(EXPERIMENT, calendar=(step,) * 50).calendar) == 50
    with pytest.raises(InvalidValue, match="too many items: 51, at most 50") as info:
        attrs.evolve(EXPERIMENT, calendar=(step,) * 51)
    assert info.value.field == "calendar"
    with pytest.raises(InvalidValue, match="too many items: 51, at most 50"):
        attrs.evolve(EXPERIMENT, objectives=("o",) * 51)
    with pytest.raises(InvalidValue, match="too many items"):
        attrs.evolve(CONVENTION, events=CONVENTION.events * 501)
