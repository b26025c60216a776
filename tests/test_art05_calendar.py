"""Art. 5: the period of use (al. 1, al. 5) and the deployment calendar (al. 2)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mgp_convention.articles.art05_calendar import (
    ART5_CALENDAR,
    ART5_DURATION,
    ART5_REDUCED_USAGE,
    ScheduledStep,
    deployment_schedule,
    usage_period,
)
from mgp_convention.calendar import add_months
from mgp_convention.convention import CalendarStep, Duration, Experiment
from mgp_convention.errors import DateError

from strategies import experiments

D = dt.date


def experiment(months: int = 6, **fields: Any) -> Experiment:
    values: dict[str, Any] = {
        "theme": "mobilité",
        "solution": "capteurs",
        "objectives": ("mesurer la fréquentation",),
        "duration_months": months,
        "indicative_start": D(2026, 1, 1),
    }
    values.update(fields)
    return Experiment(**values)


@pytest.mark.parametrize(
    ("months", "start", "last"),
    [
        # 15 Jan 2026 + 6 months = 15 Jul 2026, − 1 day
        pytest.param(6, D(2026, 1, 15), D(2026, 7, 14), id="six-months"),
        # 1 Jan 2026 + 3 months = 1 Apr, − 1 day = 31 Mar 2026
        pytest.param(3, D(2026, 1, 1), D(2026, 3, 31), id="first-of-month"),
        # 31 Jan 2026 + 1 month = 28 Feb (CPC 641 al. 2), − 1 day = 27 Feb 2026
        pytest.param(1, D(2026, 1, 31), D(2026, 2, 27), id="31-jan-one-month"),
        # 31 Jan 2028 + 1 month = 29 Feb 2028, − 1 day = 28 Feb 2028
        pytest.param(1, D(2028, 1, 31), D(2028, 2, 28), id="31-jan-leap-year"),
        # 1 Mar 2026 + 12 months = 1 Mar 2027, − 1 day = 28 Feb 2027
        pytest.param(12, D(2026, 3, 1), D(2027, 2, 28), id="one-year"),
        # 29 Feb 2028 + 12 months = 28 Feb 2029, − 1 day = 27 Feb 2029
        pytest.param(12, D(2028, 2, 29), D(2029, 2, 27), id="29-february"),
        # 30 Nov 2026 + 3 months = 28 Feb 2027 (no 30 Feb), − 1 day = 27 Feb 2027
        pytest.param(3, D(2026, 11, 30), D(2027, 2, 27), id="over-year-end"),
    ],
)
def test_normal_usage_period(months: int, start: dt.date, last: dt.date) -> None:
    period = usage_period(experiment(months), start)
    assert period.first_day == start
    assert period.normal_last_day == last
    assert period.last_day == last
    assert period.cut_on is None
    assert not period.reduced
    assert not period.empty
    assert period.started_late is None
    assert period.days == (last - start).days + 1


# evaluation before 31 Jul 2026, taking 2 months: 31 Jul − 2 months = 31 May 2026
EVALUATED = {"evaluation_deadline": D(2026, 7, 31), "evaluation_period": Duration(months=2)}


@pytest.mark.parametrize(
    ("months", "start", "fields", "last", "reduced"),
    [
        # start 1 Mar, normal end 31 Aug 2026; cut 31 May → 1 Mar..31 May, reduced
        pytest.param(6, D(2026, 3, 1), EVALUATED, D(2026, 5, 31), True, id="cut"),
        # start 1 Jan, normal end 31 Mar 2026, before the cut (31 May): unchanged
        pytest.param(3, D(2026, 1, 1), EVALUATED, D(2026, 3, 31), False, id="cut-later"),
        # normal end 31 May 2026 (1 Mar + 3 months − 1) = the cut: not reduced
        pytest.param(3, D(2026, 3, 1), EVALUATED, D(2026, 5, 31), False, id="cut-same-day"),
        # start on the cut day: one day of use
        pytest.param(6, D(2026, 5, 31), EVALUATED, D(2026, 5, 31), True, id="one-day-left"),
        # deadline 15 Jul 2026 − (1 month 15 days) = 15 Jun − 15 days = 31 May 2026
        pytest.param(
            6,
            D(2026, 3, 1),
            {"evaluation_deadline": D(2026, 7, 15), "evaluation_period": Duration(1, 15)},
            D(2026, 5, 31),
            True,
            id="months-and-days",
        ),
        # deadline 31 Mar 2027 − 1 month = 28 Feb 2027 (no 31 Feb)
        pytest.param(
            12,
            D(2026, 6, 1),
            {"evaluation_deadline": D(2027, 3, 31), "evaluation_period": Duration(months=1)},
            D(2027, 2, 28),
            True,
            id="clamped-back",
        ),
    ],
)
def test_reduced_usage(
    months: int, start: dt.date, fields: dict[str, Any], last: dt.date, reduced: bool
) -> None:
    period = usage_period(experiment(months, **fields), start)
    assert period.last_day == last
    assert period.reduced is reduced
    assert not period.empty
    assert period.last_day <= period.normal_last_day


def test_no_usage_left() -> None:
    # start 1 Jun 2026, after the cut of 31 May 2026: nothing left
    period = usage_period(experiment(6, **EVALUATED), D(2026, 6, 1))
    assert period.empty
    assert period.reduced
    assert period.last_day is None
    assert period.days == 0
    assert period.cut_on == D(2026, 5, 31)
    assert not period.is_in_use(D(2026, 6, 1))
    assert "aucun jour d'utilisation" in period.explain()
    assert "No day of use is left" in period.explain("en")
    assert period.to_json()["last_day"] is None
    assert period.to_json()["empty"] is True


def test_started_late_is_reported() -> None:
    fields = {**EVALUATED, "reduced_usage_after": D(2026, 2, 15)}
    on_time = usage_period(experiment(6, **fields), D(2026, 2, 15))  # « au-delà » is after
    late = usage_period(experiment(6, **fields), D(2026, 2, 16))
    assert on_time.started_late is False
    assert late.started_late is True
    assert "n'est pas intervenue au-delà du dimanche 15 février 2026" in on_time.explain()
    assert "est intervenue au-delà du dimanche 15 février 2026" in late.explain()
    assert "did not come after" in on_time.explain("en")
    # Both set-ups come after the indicative start (1 Jan 2026): a delay, so al. 5 cuts
    # both, « quel qu'en soit le motif », whether or not after the al. 5 date.
    assert on_time.delayed
    assert late.delayed
    assert on_time.last_day == late.last_day == D(2026, 5, 31)


def test_no_cut_for_a_set_up_on_time() -> None:
    # Set up on the indicative start, 1 Jan 2026: no delay, al. 5 does not apply
    # (« En cas de retard dans la mise en place »). 1 Jan + 6 months = 1 Jul, − 1 day
    # = 30 Jun 2026, although deadline 31 Jul − 2 months = 31 May 2026 comes first.
    period = usage_period(experiment(6, **EVALUATED), D(2026, 1, 1))
    assert not period.delayed
    assert period.cut_on == D(2026, 5, 31)
    assert period.last_day == D(2026, 6, 30)
    assert not period.reduced
    # One day late, 2 Jan 2026: a delay; cut at 31 May 2026.
    late = usage_period(experiment(6, **EVALUATED), D(2026, 1, 2))
    assert late.delayed
    assert late.last_day == D(2026, 5, 31)
    assert late.reduced


def test_is_in_use() -> None:
    period = usage_period(experiment(6, **EVALUATED), D(2026, 3, 1))
    assert not period.is_in_use(D(2026, 2, 28))
    assert period.is_in_use(D(2026, 3, 1))
    assert period.is_in_use(D(2026, 5, 31))
    assert not period.is_in_use(D(2026, 6, 1))


def test_explain_and_json() -> None:
    period = usage_period(experiment(6, **EVALUATED), D(2026, 3, 1))
    text = period.explain()
    assert "dure 6 mois" in text
    assert "lundi 31 août 2026" in text
    assert "demandent 2 mois" in text
    assert (
        "Période d'utilisation réduite : du dimanche 1er mars 2026 au dimanche 31 mai 2026" in text
    )
    assert "soit 92 jours" in text
    assert "\n" not in text
    en = period.explain("en")
    assert "Period of use (reduced): Sunday 1 March 2026 to Sunday 31 May 2026, 92 days." in en
    full = usage_period(experiment(3), D(2026, 1, 1))
    assert "Période d'utilisation complète" in full.explain()
    assert "(full)" in full.explain("en")
    data = period.to_json()
    assert data == {
        "first_day": "2026-03-01",
        "last_day": "2026-05-31",
        "normal_last_day": "2026-08-31",
        "cut_on": "2026-05-31",
        "duration_months": 6,
        "days": 92,
        "reduced": True,
        "empty": False,
        "delayed": True,  # set up 1 Mar 2026, after the indicative start of 1 Jan 2026
        "started_late": None,
        "reduced_usage_after": None,
        "evaluation_deadline": "2026-07-31",
        "evaluation_period": {"months": 2, "days": 0},
        "articles": ["Art. 5 al. 1", "CPC 641 al. 2", "Art. 5 al. 5", "CPC 641 al. 3"],
    }
    days = usage_period(
        experiment(
            6, evaluation_deadline=D(2026, 7, 31), evaluation_period=Duration(months=1, days=1)
        ),
        D(2026, 3, 1),
    )
    assert "demandent 1 mois et 1 jour" in days.explain()
    assert "take 1 month and 1 day" in days.explain("en")


def test_datetime_start_and_naive_refused() -> None:
    start = dt.datetime(2026, 2, 28, 23, 30, tzinfo=dt.UTC)  # 00:30 on 1 Mar in Paris
    assert usage_period(experiment(6), start).first_day == D(2026, 3, 1)
    with pytest.raises(DateError, match="naive") as info:
        usage_period(experiment(6), dt.datetime(2026, 3, 1, 10, 0))
    assert info.value.field == "started_on"


def test_citations_quote_article_5() -> None:
    assert ART5_DURATION.label == "Art. 5 al. 1"
    assert "durée de [X] mois" in ART5_DURATION.text
    assert ART5_CALENDAR.label == "Art. 5 al. 2"
    assert "calendrier de déploiement" in ART5_CALENDAR.text
    assert ART5_REDUCED_USAGE.label == "Art. 5 al. 5"
    assert "finalisation du bilan et de la mesure d'impact" in ART5_REDUCED_USAGE.text


# --- the deployment calendar (al. 2) ------------------------------------------------------


def test_deployment_schedule() -> None:
    steps = (
        CalendarStep("installation", Duration(days=10)),
        CalendarStep("formation", Duration(months=1)),
        CalendarStep("rodage", Duration(months=1, days=5)),
    )
    schedule = deployment_schedule(experiment(calendar=steps), D(2026, 3, 15))
    assert schedule == (
        # 15 Mar + 10 days − 1 = 24 Mar
        ScheduledStep("installation", D(2026, 3, 15), D(2026, 3, 24), Duration(days=10)),
        # 25 Mar + 1 month = 25 Apr, − 1 = 24 Apr
        ScheduledStep("formation", D(2026, 3, 25), D(2026, 4, 24), Duration(months=1)),
        # 25 Apr + 1 month = 25 May, + 5 days = 30 May, − 1 = 29 May
        ScheduledStep("rodage", D(2026, 4, 25), D(2026, 5, 29), Duration(months=1, days=5)),
    )
    assert schedule[0].to_json() == {
        "label": "installation",
        "first_day": "2026-03-15",
        "last_day": "2026-03-24",
        "duration": {"months": 0, "days": 10},
    }


def test_deployment_schedule_end_of_month() -> None:
    steps = (
        CalendarStep("a", Duration(months=1)),
        CalendarStep("b", Duration(months=1)),
    )
    schedule = deployment_schedule(experiment(calendar=steps), D(2026, 1, 31))
    # 31 Jan + 1 month = 28 Feb, − 1 = 27 Feb; then 28 Feb + 1 month = 28 Mar, − 1 = 27 Mar
    assert [(s.first_day, s.last_day) for s in schedule] == [
        (D(2026, 1, 31), D(2026, 2, 27)),
        (D(2026, 2, 28), D(2026, 3, 27)),
    ]
    assert deployment_schedule(experiment(), D(2026, 1, 31)) == ()


# --- properties ------------------------------------------------------------------------

starts = st.dates(min_value=D(2020, 1, 1), max_value=D(2040, 12, 31))


@given(data=st.data(), start=starts, started=starts)
def test_usage_period_properties(data: st.DataObject, start: dt.date, started: dt.date) -> None:
    exp = data.draw(experiments(start))
    period = usage_period(exp, started)
    months = exp.duration_months
    # never longer than N months: the last day comes before start + N months
    assert period.normal_last_day < add_months(started, months)
    assert period.normal_last_day >= started
    if period.empty:
        assert period.last_day is None
        assert period.days == 0
        assert period.delayed
        assert period.cut_on is not None
        assert period.cut_on < started
    else:
        assert period.last_day is not None
        # never negative, never past the normal end nor past the cut
        assert started <= period.last_day <= period.normal_last_day
        assert period.days >= 1
        # al. 5 cuts only a set-up later than the indicative start
        assert period.delayed is (started > exp.indicative_start)
        if period.cut_on is not None and period.delayed:
            assert period.last_day <= period.cut_on
            assert period.last_day == min(period.normal_last_day, period.cut_on)
        else:
            assert period.last_day == period.normal_last_day
    assert period.explain()
    assert period.explain("en")


@given(data=st.data(), start=starts, first=starts)
def test_deployment_steps_follow_each_other(
    data: st.DataObject, start: dt.date, first: dt.date
) -> None:
    exp = data.draw(experiments(start))
    schedule = deployment_schedule(exp, first)
    assert len(schedule) == len(exp.calendar)
    expected_first = first
    for step, scheduled in zip(exp.calendar, schedule, strict=True):
        assert scheduled.label == step.label
        assert scheduled.first_day == expected_first
        assert scheduled.last_day >= scheduled.first_day
        expected_first = scheduled.last_day + dt.timedelta(days=1)


def test_citations_without_a_cut() -> None:
    period = usage_period(experiment(3), D(2026, 1, 1))
    assert [c.label for c in period.citations] == ["Art. 5 al. 1", "CPC 641 al. 2"]
    assert period.to_json()["articles"] == ["Art. 5 al. 1", "CPC 641 al. 2"]
