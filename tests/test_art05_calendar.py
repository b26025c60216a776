"""Art. 5: the period of use (al. 1, al. 5) and the deployment calendar (al. 2).

Each case is named after the situation it encodes; the dates were counted by hand on a
calendar as written beside them (RULES.md version 2, "Periods in months": a period of N
months that counts its first day ends the day before the same day number N months
later, or on the last day of a month without that day number; « avant le [Date] » of
al. 5 is strict by default). The properties compare with ``months_by_hand``, the month
rule written with the standard library only.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from mgp_convention.articles.art05_calendar import (
    DEFAULT_REDUCED_USAGE_OPTIONS,
    EvaluationWindow,
    ReducedUsageOptions,
    ScheduledStep,
    UsagePeriod,
    deployment_schedule,
    usage_cut,
    usage_period,
)
from mgp_convention.convention import CalendarStep, Duration, Experiment
from mgp_convention.errors import DateError, InvalidValue

import months_by_hand
from strategies import experiments

D = dt.date
ONE_DAY = dt.timedelta(days=1)
INCLUSIVE = ReducedUsageOptions(inclusive=True)
#: The desired start of Art. 5 al. 1 (« début souhaité ») of most cases below.
PLANNED = D(2027, 1, 15)


def experiment(months: int = 12, start: dt.date = PLANNED, **fields: Any) -> Experiment:
    return Experiment(
        theme="mobilité",
        solution="capteurs",
        objectives=("mesurer la fréquentation",),
        duration_months=months,
        indicative_start=start,
        **fields,
    )


#: The evaluation of RULES.md's example: finished « avant le » 31 Dec 2027, 2 months.
RULES_EXAMPLE = {"evaluation_deadline": D(2027, 12, 31), "evaluation_period": Duration(months=2)}


# --- Art. 5 al. 1: the experiment lasts N months from its actual start -------------------


@pytest.mark.parametrize(
    ("months", "start", "last", "days"),
    [
        # 15 Jul 2027 exists → the day before; 17 + 28 + 31 + 30 + 31 + 30 + 14 days
        pytest.param(6, D(2027, 1, 15), D(2027, 7, 14), 181, id="six-months-from-15-january"),
        # no 31 Feb 2027 → the last day of February (version 1 ended it on 27 Feb)
        pytest.param(1, D(2027, 1, 31), D(2027, 2, 28), 29, id="one-month-from-31-january"),
        # no 31 Feb 2028 → 29 Feb, a leap year
        pytest.param(1, D(2028, 1, 31), D(2028, 2, 29), 30, id="one-month-from-31-january-leap"),
        # 1 Mar 2028 exists → the day before, 29 Feb 2028 (a leap year): 366 days
        pytest.param(12, D(2027, 3, 1), D(2028, 2, 29), 366, id="a-year-from-1-march"),
        # no 29 Feb 2029 → 28 Feb 2029 (version 1: 27 Feb): 366 days
        pytest.param(12, D(2028, 2, 29), D(2029, 2, 28), 366, id="a-year-from-29-february"),
        # no 30 Feb 2027 → 28 Feb 2027, across the year end: 1 + 31 + 31 + 28 days
        pytest.param(3, D(2026, 11, 30), D(2027, 2, 28), 91, id="three-months-from-30-november"),
        # no 31 Feb 2028 → 29 Feb 2028 (version 1: 28 Feb): 1 + 30 + 31 + 30 + 31 + 31 + 29
        pytest.param(6, D(2027, 8, 31), D(2028, 2, 29), 183, id="six-months-from-31-august"),
    ],
)
def test_the_experiment_lasts_its_months_from_its_start(
    months: int, start: dt.date, last: dt.date, days: int
) -> None:
    period = usage_period(experiment(months, start), start)
    assert (period.first_day, period.normal_last_day, period.last_day) == (start, last, last)
    assert period.days == days
    assert not period.reduced
    assert not period.empty
    assert period.cut_on is None
    assert period.evaluation is None
    assert [c.label for c in period.citations] == ["Art. 5 al. 1", "CPC 641 al. 2"]


def test_a_setup_given_as_an_aware_datetime_is_its_paris_date() -> None:
    # 23:30 UTC on 28 Feb 2027 is 00:30 on 1 Mar in Paris; 6 months: 1 Sep exists → 31 Aug.
    start = dt.datetime(2027, 2, 28, 23, 30, tzinfo=dt.UTC)
    period = usage_period(experiment(6), start)
    assert (period.first_day, period.last_day) == (D(2027, 3, 1), D(2027, 8, 31))


# --- Art. 5 al. 5: reduced usage, « avant le [Date] » read strictly -------------------------


def test_rules_md_example_last_day_of_use_30_october() -> None:
    # Deadline 31 Dec 2027, 2 months: the evaluation ends by 30 Dec; it starts on 31 Oct at
    # the latest (31 Oct + 2 months: 31 Dec exists → ends 30 Dec; from 1 Nov it would end
    # 31 Dec); use stops on 30 Oct 2027. Set up late (1 Mar, planned 15 Jan) for 12 months,
    # normally to 29 Feb 2028.
    period = usage_period(experiment(12, **RULES_EXAMPLE), D(2027, 3, 1))
    assert period.delayed
    assert period.normal_last_day == D(2028, 2, 29)
    assert period.evaluation is not None
    assert period.evaluation.latest_start == D(2027, 10, 31)
    assert period.evaluation.last_day == D(2027, 12, 30)
    assert period.cut_on == D(2027, 10, 30)
    assert period.last_day == D(2027, 10, 30)
    assert period.reduced
    assert period.days == 31 + 30 + 31 + 30 + 31 + 31 + 30 + 30  # March to 30 October
    assert usage_cut(experiment(12, **RULES_EXAMPLE)) == D(2027, 10, 30)


@pytest.mark.parametrize(
    ("deadline", "needs", "strict_cut", "inclusive_cut"),
    [
        # Strict: by 30 Dec, 2 months from 31 Oct (→ 30 Oct). Inclusive: by 31 Dec, from
        # 1 Nov (1 Nov + 2 months: 1 Jan exists → ends 31 Dec) → 31 Oct.
        pytest.param(
            D(2027, 12, 31), Duration(months=2), D(2027, 10, 30), D(2027, 10, 31), id="two-months"
        ),
        # Strict: by 30 Dec, 1 month 15 days: 16 Nov + 1 month ends 15 Dec, + 15 days =
        # 30 Dec (17 Nov would end 31 Dec) → 15 Nov. Inclusive: from 17 Nov → 16 Nov.
        pytest.param(
            D(2027, 12, 31),
            Duration(months=1, days=15),
            D(2027, 11, 15),
            D(2027, 11, 16),
            id="months-and-days",
        ),
        # Strict: by 30 Dec, 10 days: 21 to 30 Dec → 20 Dec. Inclusive: 22 to 31 Dec → 21 Dec.
        pytest.param(
            D(2027, 12, 31), Duration(days=10), D(2027, 12, 20), D(2027, 12, 21), id="days-only"
        ),
        # Strict: by 28 Feb 2027, 1 month: 1 Feb + 1 month ends 28 Feb (2 Feb would end
        # 1 Mar) → 31 Jan. Inclusive: by 1 Mar, from 2 Feb → 1 Feb.
        pytest.param(
            D(2027, 3, 1), Duration(months=1), D(2027, 1, 31), D(2027, 2, 1), id="around-february"
        ),
        # Strict: by 29 Mar 2027, 1 month: from 28 Feb (ends 27 Mar; 1 Mar would end 31 Mar).
        # Inclusive: by 30 Mar, still from 28 Feb: the other reading gives no day more.
        pytest.param(
            D(2027, 3, 30), Duration(months=1), D(2027, 2, 27), D(2027, 2, 27), id="no-day-more"
        ),
    ],
)
def test_the_last_day_of_use_before_the_evaluation(
    deadline: dt.date, needs: Duration, strict_cut: dt.date, inclusive_cut: dt.date
) -> None:
    late = experiment(24, D(2026, 1, 15), evaluation_deadline=deadline, evaluation_period=needs)
    assert usage_cut(late) == strict_cut
    assert usage_cut(late, INCLUSIVE) == inclusive_cut
    strict = usage_period(late, D(2026, 2, 1))
    assert (strict.cut_on, strict.last_day) == (strict_cut, strict_cut)
    assert strict.evaluation is not None
    assert strict.evaluation.latest_start == strict_cut + ONE_DAY
    assert strict.evaluation.last_day < deadline
    inclusive = usage_period(late, D(2026, 2, 1), INCLUSIVE)
    assert (inclusive.cut_on, inclusive.last_day) == (inclusive_cut, inclusive_cut)
    assert inclusive.evaluation is not None
    assert inclusive.evaluation.last_day <= deadline


def test_version_1_cut_is_now_a_day_earlier() -> None:
    # Deadline 31 Jul 2026, 2 months. Version 1: 31 Jul − 2 months = 31 May, the last day
    # of use, the evaluation then running to 31 Jul itself. Now: it ends by 30 Jul, starts
    # on 31 May at the latest, and use stops on 30 May 2026.
    late = experiment(
        6, D(2026, 1, 15), evaluation_deadline=D(2026, 7, 31), evaluation_period=Duration(2)
    )
    assert usage_cut(late) == D(2026, 5, 30)
    assert usage_cut(late, INCLUSIVE) == D(2026, 5, 31)


def test_a_setup_on_the_last_day_of_use_gets_one_day() -> None:
    period = usage_period(experiment(12, **RULES_EXAMPLE), D(2027, 10, 30))
    assert (period.first_day, period.last_day, period.days) == (D(2027, 10, 30),) * 2 + (1,)
    assert period.is_in_use(D(2027, 10, 30))
    assert not period.is_in_use(D(2027, 10, 31))


def test_a_setup_after_the_last_day_of_use_leaves_no_day_of_use() -> None:
    # Set up 31 Oct 2027, the day the evaluation must start: nothing is left.
    period = usage_period(experiment(12, **RULES_EXAMPLE), D(2027, 10, 31))
    assert period.empty
    assert period.reduced
    assert period.last_day is None
    assert period.days == 0
    assert period.cut_on == D(2027, 10, 30)
    assert not period.is_in_use(D(2027, 10, 31))
    assert "aucun jour d'utilisation" in period.explain()
    assert "samedi 30 octobre 2027" in period.explain()  # the last possible day, named
    assert "No day of use is left" in period.explain("en")
    data = period.to_json()
    assert (data["last_day"], data["empty"], data["days"]) == (None, True, 0)
    # With the inclusive reading the evaluation may start on 1 Nov: 31 Oct is one day.
    assert usage_period(experiment(12, **RULES_EXAMPLE), D(2027, 10, 31), INCLUSIVE).days == 1


def test_a_setup_on_time_keeps_its_months() -> None:
    # Set up on the indicative start, 15 Jan 2027: no delay, al. 5 does not apply
    # (« En cas de retard dans la mise en place »): 12 months → 14 Jan 2028, although the
    # evaluation would need use to stop on 30 Oct 2027.
    period = usage_period(experiment(12, **RULES_EXAMPLE), D(2027, 1, 15))
    assert not period.delayed
    assert period.cut_on == D(2027, 10, 30)
    assert period.last_day == D(2028, 1, 14)
    assert not period.reduced
    assert "ne s'applique pas" in period.explain()
    assert "does not apply" in period.explain("en")
    # One day late, 16 Jan 2027: a delay, whatever its cause; the cut applies.
    late = usage_period(experiment(12, **RULES_EXAMPLE), D(2027, 1, 16))
    assert late.delayed
    assert late.last_day == D(2027, 10, 30)


def test_a_short_experiment_ending_before_the_cut_is_not_reduced() -> None:
    # Set up late on 1 Mar 2027 for 3 months: 1 Jun exists → ends 31 May, before 30 Oct.
    period = usage_period(experiment(3, **RULES_EXAMPLE), D(2027, 3, 1))
    assert period.delayed
    assert period.last_day == period.normal_last_day == D(2027, 5, 31)
    assert not period.reduced


def test_a_normal_end_on_the_cut_itself_is_not_reduced() -> None:
    # 8 months from 1 Mar 2027: 1 Nov exists → ends 31 Oct; the inclusive cut is 31 Oct.
    period = usage_period(experiment(8, **RULES_EXAMPLE), D(2027, 3, 1), INCLUSIVE)
    assert period.last_day == period.normal_last_day == period.cut_on == D(2027, 10, 31)
    assert not period.reduced


def test_the_al5_date_is_reported_whatever_the_cut() -> None:
    # al. 5 date 15 Feb 2027: « au-delà » is after it. Both set-ups are after the
    # indicative start (15 Jan), so both are cut, « quel qu'en soit le motif ».
    fields = {**RULES_EXAMPLE, "reduced_usage_after": D(2027, 2, 15)}
    on_the_date = usage_period(experiment(12, **fields), D(2027, 2, 15))
    after = usage_period(experiment(12, **fields), D(2027, 2, 16))
    assert on_the_date.started_late is False
    assert after.started_late is True
    assert on_the_date.last_day == after.last_day == D(2027, 10, 30)
    assert "n'est pas intervenue au-delà du lundi 15 février 2027" in on_the_date.explain()
    assert "est intervenue au-delà du lundi 15 février 2027" in after.explain()
    assert "did not come after Monday 15 February 2027" in on_the_date.explain("en")
    assert "came after Monday 15 February 2027" in after.explain("en")


def test_no_day_before_the_first_date_python_holds() -> None:
    # A window built by hand whose evaluation starts on 1 Jan of year 1 (a convention's
    # dates lie in 2000–2099): no day of use can come before it.
    window = EvaluationWindow(D(1, 3, 1), Duration(months=2), D(1, 1, 1))
    with pytest.raises(DateError) as info:
        _ = window.cut_on
    assert info.value.article == "Art. 5 al. 5"
    assert info.value.field == "evaluation_deadline"
    assert info.value.render("en") == (
        "evaluation_deadline: no day comes before 0001-01-01 (Art. 5 al. 5)"
    )
    assert info.value.render("fr") == (
        "evaluation_deadline: aucun jour ne précède le 0001-01-01 (Art. 5 al. 5)"
    )


# --- the reading of « avant le », an option ------------------------------------------------


def test_the_default_reading_is_strict() -> None:
    assert ReducedUsageOptions() == DEFAULT_REDUCED_USAGE_OPTIONS
    assert DEFAULT_REDUCED_USAGE_OPTIONS.inclusive is False
    assert usage_cut(experiment(12, **RULES_EXAMPLE)) == usage_cut(
        experiment(12, **RULES_EXAMPLE), ReducedUsageOptions(inclusive=False)
    )


@pytest.mark.parametrize("value", ["yes", 1, None])
def test_the_reading_is_true_or_false(value: object) -> None:
    with pytest.raises(InvalidValue) as info:
        ReducedUsageOptions(inclusive=value)  # type: ignore[arg-type]
    assert info.value.field == "inclusive"


def test_the_options_are_a_frozen_value() -> None:
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        INCLUSIVE.inclusive = False  # type: ignore[misc]
    assert hash(INCLUSIVE) == hash(ReducedUsageOptions(inclusive=True))


def test_no_evaluation_no_cut() -> None:
    assert usage_cut(experiment(6)) is None


# --- the explanation and the JSON ------------------------------------------------------------


def test_the_explanation_gives_each_date_and_its_source() -> None:
    period = usage_period(experiment(12, **RULES_EXAMPLE), D(2027, 3, 1))
    fr = period.explain()
    for words in (
        "lundi 1er mars 2027",  # the setup
        "mardi 29 février 2028",  # the normal last day
        "CPC 641 al. 2",
        "avant le vendredi 31 décembre 2027",  # the deadline
        "au plus tard le jeudi 30 décembre 2027",  # the day before: the strict reading
        "s'entend strictement",
        "demandent 2 mois",
        "dimanche 31 octobre 2027",  # the evaluation's latest start
        "au-delà du samedi 30 octobre 2027",  # the last day of use
        "Art. 5 al. 5",
        "Période d'utilisation réduite",
        "soit 244 jours",
    ):
        assert words in fr, words
    assert "\n" not in fr
    en = period.explain("en")
    for words in (
        "Monday 1 March 2027",
        "Tuesday 29 February 2028",
        "before Friday 31 December 2027, so by Thursday 30 December 2027 at the latest",
        "read strictly",
        "start on Sunday 31 October 2027 at the latest",
        "use cannot go beyond Saturday 30 October 2027",
        "Period of use (reduced)",
        "244 days",
    ):
        assert words in en, words


def test_the_explanation_of_the_inclusive_reading() -> None:
    period = usage_period(experiment(12, **RULES_EXAMPLE), D(2027, 3, 1), INCLUSIVE)
    assert "avant le vendredi 31 décembre 2027, ce jour compris (option)" in period.explain()
    assert "that day included (option)" in period.explain("en")
    assert "strict" not in period.explain() + period.explain("en")


@pytest.mark.parametrize(
    ("needs", "fr", "en"),
    [
        pytest.param(Duration(months=1), "demandent 1 mois :", "take 1 month:", id="one-month"),
        pytest.param(Duration(days=1), "demandent 1 jour :", "take 1 day:", id="one-day"),
        pytest.param(Duration(days=2), "demandent 2 jours :", "take 2 days:", id="two-days"),
        pytest.param(
            Duration(months=3, days=10),
            "demandent 3 mois et 10 jours :",
            "take 3 months and 10 days:",
            id="months-and-days",
        ),
    ],
)
def test_the_evaluation_period_is_said_in_words(needs: Duration, fr: str, en: str) -> None:
    late = experiment(12, evaluation_deadline=D(2027, 12, 31), evaluation_period=needs)
    period = usage_period(late, D(2027, 3, 1))
    assert fr in period.explain()
    assert en in period.explain("en")


def test_one_month_is_singular() -> None:
    # 1 month from Sun 31 Jan 2027: no 31 Feb → Sun 28 Feb 2027, 29 days.
    english = usage_period(experiment(1, D(2027, 1, 31)), D(2027, 1, 31)).explain("en")
    assert "1 months" not in english
    assert "lasts 1 month from" in english
    assert english.endswith("Sunday 31 January 2027 to Sunday 28 February 2027, 29 days.")


def test_a_period_built_by_hand_explains_what_it_holds() -> None:
    # 2 months from Mon 15 Mar 2027 (15 May exists → 14 May), set up on its desired start,
    # no al. 5 date, no evaluation: two sentences.
    period = UsagePeriod(
        first_day=D(2027, 3, 15),
        normal_last_day=D(2027, 5, 14),
        last_day=D(2027, 5, 14),
        duration_months=2,
        indicative_start=D(2027, 3, 15),
    )
    assert period.explain() == (
        "L'expérimentation dure 2 mois à compter de sa mise en place le lundi 15 mars 2027 "
        "(Art. 5 al. 1) : son dernier jour normal est le vendredi 14 mai 2027 (la veille du "
        "même quantième 2 mois plus tard, ou le dernier jour du mois qui n'a pas ce "
        "quantième : CPC 641 al. 2). Période d'utilisation complète : du lundi 15 mars 2027 "
        "au vendredi 14 mai 2027, soit 61 jours."
    )
    assert period.explain("en") == (
        "The experiment lasts 2 months from its setup on Monday 15 March 2027 (Art. 5 al. 1): "
        "its normal last day is Friday 14 May 2027 (the day before the same day number "
        "2 months later, or the last day of a month without that day number: CPC 641 al. 2). "
        "Period of use (full): Monday 15 March 2027 to Friday 14 May 2027, 61 days."
    )
    assert (period.delayed, period.started_late, period.cut_on) == (False, None, None)


def test_one_month_is_singular_in_french_too() -> None:
    # 1 month from Sun 31 Jan 2027: no 31 Feb → Sun 28 Feb 2027.
    french = usage_period(experiment(1, D(2027, 1, 31)), D(2027, 1, 31)).explain()
    assert french.startswith("L'expérimentation dure 1 mois à compter de sa mise en place")
    assert "(la veille du même quantième 1 mois plus tard," in french


def test_the_explanation_of_a_cut_sentence_by_sentence() -> None:
    # RULES.md's example, set up late on Mon 1 Mar 2027 after the al. 5 date (15 Feb).
    late = experiment(12, reduced_usage_after=D(2027, 2, 15), **RULES_EXAMPLE)
    period = usage_period(late, D(2027, 3, 1))
    assert period.explain() == " ".join(
        [
            "L'expérimentation dure 12 mois à compter de sa mise en place le lundi 1er mars "
            "2027 (Art. 5 al. 1) : son dernier jour normal est le mardi 29 février 2028 (la "
            "veille du même quantième 12 mois plus tard, ou le dernier jour du mois qui n'a "
            "pas ce quantième : CPC 641 al. 2).",
            "La mise en place est intervenue au-delà du lundi 15 février 2027 (Art. 5 al. 5).",
            "Le bilan et la mesure d'impact doivent être finalisés avant le vendredi "
            "31 décembre 2027, donc au plus tard le jeudi 30 décembre 2027 (« avant le » "
            "s'entend strictement), et demandent 2 mois : ils commencent au plus tard le "
            "dimanche 31 octobre 2027 et finissent alors le jeudi 30 décembre 2027 ; "
            "l'utilisation ne peut donc aller au-delà du samedi 30 octobre 2027 (Art. 5 al. 5).",
            "Période d'utilisation réduite : du lundi 1er mars 2027 au samedi 30 octobre 2027, "
            "soit 244 jours.",
        ]
    )
    assert period.explain("en") == " ".join(
        [
            "The experiment lasts 12 months from its setup on Monday 1 March 2027 (Art. 5 "
            "al. 1): its normal last day is Tuesday 29 February 2028 (the day before the same "
            "day number 12 months later, or the last day of a month without that day number: "
            "CPC 641 al. 2).",
            "The setup came after Monday 15 February 2027 (Art. 5 al. 5).",
            "The assessment and impact measurement must be finished before Friday 31 December "
            "2027, so by Thursday 30 December 2027 at the latest (« avant le » read strictly), "
            "and take 2 months: they start on Sunday 31 October 2027 at the latest, ending on "
            "Thursday 30 December 2027; so use cannot go beyond Saturday 30 October 2027 "
            "(Art. 5 al. 5).",
            "Period of use (reduced): Monday 1 March 2027 to Saturday 30 October 2027, 244 days.",
        ]
    )


def test_the_explanation_of_a_setup_on_time_and_of_no_day_left() -> None:
    on_time = usage_period(experiment(12, **RULES_EXAMPLE), PLANNED, INCLUSIVE)
    assert on_time.explain().endswith(
        "avant le vendredi 31 décembre 2027, ce jour compris (option), et demandent 2 mois : "
        "ils commencent au plus tard le lundi 1er novembre 2027 et finissent alors le "
        "vendredi 31 décembre 2027 ; l'utilisation ne peut donc aller au-delà du dimanche "
        "31 octobre 2027 (Art. 5 al. 5). La mise en place n'est pas en retard sur le début "
        "souhaité du vendredi 15 janvier 2027 : cette limite ne s'applique pas (Art. 5 al. 5 : "
        "« En cas de retard dans la mise en place »). Période d'utilisation complète : du "
        "vendredi 15 janvier 2027 au vendredi 14 janvier 2028, soit 365 jours."
    )
    assert on_time.explain("en").endswith(
        "before Friday 31 December 2027, that day included (option), and take 2 months: they "
        "start on Monday 1 November 2027 at the latest, ending on Friday 31 December 2027; so "
        "use cannot go beyond Sunday 31 October 2027 (Art. 5 al. 5). The setup is not later "
        "than the desired start, Friday 15 January 2027: this limit does not apply (Art. 5 "
        "al. 5: « En cas de retard dans la mise en place »). Period of use (full): Friday "
        "15 January 2027 to Friday 14 January 2028, 365 days."
    )
    none_left = usage_period(experiment(12, **RULES_EXAMPLE), D(2027, 11, 2))
    assert none_left.explain().endswith(
        "(Art. 5 al. 5). Il ne reste donc aucun jour d'utilisation : la mise en place, le "
        "mardi 2 novembre 2027, vient après le dernier jour d'utilisation possible."
    )
    assert none_left.explain("en").endswith(
        "(Art. 5 al. 5). No day of use is left: the setup, on Tuesday 2 November 2027, comes "
        "after the last possible day of use."
    )


def test_the_json_of_rules_md_example() -> None:
    late = experiment(12, reduced_usage_after=D(2027, 2, 15), **RULES_EXAMPLE)
    assert usage_period(late, D(2027, 3, 1)).to_json() == {
        "first_day": "2027-03-01",
        "last_day": "2027-10-30",
        "normal_last_day": "2028-02-29",
        "cut_on": "2027-10-30",
        "duration_months": 12,
        "days": 244,
        "reduced": True,
        "empty": False,
        "delayed": True,
        "indicative_start": "2027-01-15",
        "started_late": True,
        "reduced_usage_after": "2027-02-15",
        "evaluation_deadline": "2027-12-31",
        "evaluation_deadline_inclusive": False,
        "evaluation_period": {"months": 2, "days": 0},
        "evaluation_latest_start": "2027-10-31",
        "evaluation_last_day": "2027-12-30",
        "articles": ["Art. 5 al. 1", "CPC 641 al. 2", "Art. 5 al. 5"],
    }


def test_an_evaluation_of_months_and_days_cites_cpc_641_al_3() -> None:
    late = experiment(
        12, evaluation_deadline=D(2027, 12, 31), evaluation_period=Duration(months=1, days=15)
    )
    period = usage_period(late, D(2027, 3, 1))
    assert [c.label for c in period.citations] == [
        "Art. 5 al. 1",
        "CPC 641 al. 2",
        "Art. 5 al. 5",
        "CPC 641 al. 3",
    ]
    data = usage_period(experiment(6), D(2027, 3, 1)).to_json()
    assert {key: data[key] for key in data if key.startswith("evaluation")} == {
        "evaluation_deadline": None,
        "evaluation_deadline_inclusive": None,
        "evaluation_period": None,
        "evaluation_latest_start": None,
        "evaluation_last_day": None,
    }


def test_naive_dates_name_their_field() -> None:
    naive = dt.datetime(2027, 3, 1, 10, 0)
    period = usage_period(experiment(12, **RULES_EXAMPLE), D(2027, 3, 1))
    with pytest.raises(DateError, match="naive") as info:
        period.is_in_use(naive)
    assert info.value.field == "on"
    with pytest.raises(DateError, match="naive") as info:
        usage_period(experiment(6), naive)
    assert info.value.field == "started_on"
    steps = experiment(2, calendar=(CalendarStep("pose", Duration(days=3)),))
    with pytest.raises(DateError, match="naive") as info:
        deployment_schedule(steps, naive)
    assert info.value.field == "start"


# --- properties -------------------------------------------------------------------------------

starts = st.dates(min_value=D(2020, 1, 1), max_value=D(2040, 12, 31))


@given(data=st.data(), planned=starts, started=starts, inclusive=st.booleans())
def test_the_period_of_use_by_the_rule(
    data: st.DataObject, planned: dt.date, started: dt.date, inclusive: bool
) -> None:
    exp = data.draw(experiments(planned))
    options = ReducedUsageOptions(inclusive=inclusive)
    period = usage_period(exp, started, options)
    normal = months_by_hand.last_day(started, exp.duration_months)
    assert period.normal_last_day == normal
    assert period.delayed is (started > exp.indicative_start)
    deadline, needs = exp.evaluation_deadline, exp.evaluation_period
    if deadline is None or needs is None:
        assert period.cut_on is None
        assert period.last_day == normal
        return
    # « avant le » D: the evaluation ends by D − 1 (by D when inclusive). S is the latest
    # first day that does: its evaluation ends in time, one starting a day later would not.
    limit = deadline if inclusive else deadline - ONE_DAY
    assert period.evaluation is not None
    latest = period.evaluation.latest_start
    assert months_by_hand.last_day(latest, needs.months, needs.days) <= limit
    assert months_by_hand.last_day(latest + ONE_DAY, needs.months, needs.days) > limit
    assert period.cut_on == latest - ONE_DAY
    expected = min(normal, period.cut_on) if period.delayed else normal
    assert period.last_day == (expected if expected >= started else None)
    assert period.empty is (period.last_day is None)
    assert period.explain()
    assert period.explain("en")


@given(data=st.data(), planned=starts, first=starts)
def test_the_deployment_steps_follow_each_other(
    data: st.DataObject, planned: dt.date, first: dt.date
) -> None:
    exp = data.draw(experiments(planned))
    schedule = deployment_schedule(exp, first)
    assert [s.label for s in schedule] == [s.label for s in exp.calendar]
    expected_first = first
    for step, scheduled in zip(exp.calendar, schedule, strict=True):
        duration = step.duration
        assert scheduled.first_day == expected_first
        assert scheduled.last_day == months_by_hand.last_day(
            expected_first, duration.months, duration.days
        )
        assert scheduled.last_day >= scheduled.first_day
        expected_first = scheduled.last_day + ONE_DAY


# --- Art. 5 al. 2: the deployment calendar -------------------------------------------------------


def test_the_steps_follow_one_another_from_the_start() -> None:
    steps = (
        CalendarStep("installation", Duration(days=10)),
        CalendarStep("formation", Duration(months=1)),
        CalendarStep("rodage", Duration(months=1, days=5)),
    )
    schedule = deployment_schedule(experiment(calendar=steps), D(2026, 3, 15))
    assert schedule == (
        # 15 Mar is day 1 of 10 → 24 Mar
        ScheduledStep("installation", D(2026, 3, 15), D(2026, 3, 24), Duration(days=10)),
        # 25 Mar + 1 month: 25 Apr exists → 24 Apr
        ScheduledStep("formation", D(2026, 3, 25), D(2026, 4, 24), Duration(months=1)),
        # 25 Apr + 1 month: 25 May exists → 24 May; + 5 days → 29 May
        ScheduledStep("rodage", D(2026, 4, 25), D(2026, 5, 29), Duration(months=1, days=5)),
    )
    assert schedule[0].to_json() == {
        "label": "installation",
        "first_day": "2026-03-15",
        "last_day": "2026-03-24",
        "duration": {"months": 0, "days": 10},
    }


def test_a_step_started_on_31_january_ends_on_the_last_day_of_february() -> None:
    steps = (
        CalendarStep("a", Duration(months=1)),
        CalendarStep("b", Duration(months=1)),
        CalendarStep("c", Duration(months=1, days=2)),
    )
    schedule = deployment_schedule(experiment(calendar=steps), D(2027, 1, 31))
    assert [(s.first_day, s.last_day) for s in schedule] == [
        # no 31 Feb 2027 → 28 Feb (version 1: 27 Feb)
        (D(2027, 1, 31), D(2027, 2, 28)),
        # 1 Apr exists → 31 Mar
        (D(2027, 3, 1), D(2027, 3, 31)),
        # 1 May exists → 30 Apr; + 2 days → 2 May
        (D(2027, 4, 1), D(2027, 5, 2)),
    ]


def test_no_steps_no_schedule() -> None:
    assert deployment_schedule(experiment(), D(2027, 1, 31)) == ()
