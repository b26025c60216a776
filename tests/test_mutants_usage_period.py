"""Art. 5 al. 1, al. 2 and al. 5: the period of use explained word for word, and its JSON.

The explanation is what a programme officer reads to know until when the solution may
be used; these tests pin it sentence by sentence (mutation testing, see
docs/mutation-and-coverage.md). Dates were counted by hand on a 2026 calendar
(1 January 2026 is a Thursday), months by CPC 641 al. 2 as explained beside each case.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from mgp_convention.articles.art05_calendar import (
    UsagePeriod,
    _duration_words,
    deployment_schedule,
    usage_period,
)
from mgp_convention.convention import CalendarStep, Duration, Experiment
from mgp_convention.errors import DateError

D = dt.date
NAIVE = dt.datetime(2026, 3, 1, 10, 0)


def experiment(months: int, start: dt.date, **fields: Any) -> Experiment:
    return Experiment(
        theme="mobilité",
        solution="capteurs",
        objectives=("mesurer la fréquentation",),
        duration_months=months,
        indicative_start=start,
        **fields,
    )


# 6 months from an indicative start on Thu 15 Jan 2026; al. 5 date Sun 15 Feb 2026;
# evaluation before Fri 31 Jul 2026, taking 2 months: the cut is 31 Jul − 2 months =
# Sun 31 May 2026.
LATE = experiment(
    6,
    D(2026, 1, 15),
    reduced_usage_after=D(2026, 2, 15),
    evaluation_deadline=D(2026, 7, 31),
    evaluation_period=Duration(months=2),
)


def test_explain_a_late_setup_cut_by_al5() -> None:
    # Set up Sun 1 Mar 2026 (after the indicative start: al. 5 applies). Normal last day:
    # 1 Mar + 6 months = 1 Sep, − 1 day = Mon 31 Aug 2026. Cut: Sun 31 May 2026.
    # Days of use: March 31 + April 30 + May 31 = 92.
    period = usage_period(LATE, D(2026, 3, 1))
    assert period.explain() == (
        "L'expérimentation dure 6 mois à compter de sa mise en place le dimanche 1er mars "
        "2026 (Art. 5 al. 1) : son dernier jour normal est le lundi 31 août 2026 (début + "
        "6 mois − 1 jour, CPC 641 al. 2). La mise en place est intervenue au-delà du "
        "dimanche 15 février 2026 (Art. 5 al. 5). Le bilan et la mesure d'impact doivent "
        "être finalisés avant le vendredi 31 juillet 2026 et demandent 2 mois : "
        "l'utilisation ne peut aller au-delà du dimanche 31 mai 2026 (Art. 5 al. 5). "
        "Période d'utilisation réduite : du dimanche 1er mars 2026 au dimanche 31 mai 2026, "
        "soit 92 jours."
    )
    assert period.explain("en") == (
        "The experiment lasts 6 months from its setup on Sunday 1 March 2026 (Art. 5 al. 1): "
        "its normal last day is Monday 31 August 2026 (start + 6 months − 1 day, CPC 641 "
        "al. 2). The setup came after Sunday 15 February 2026 (Art. 5 al. 5). The assessment "
        "and impact measurement must be finished before Friday 31 July 2026 and take "
        "2 months: use cannot go beyond Sunday 31 May 2026 (Art. 5 al. 5). Period of use "
        "(reduced): Sunday 1 March 2026 to Sunday 31 May 2026, 92 days."
    )


def test_to_json_of_a_late_setup() -> None:
    # Same case as test_explain_a_late_setup_cut_by_al5.
    assert usage_period(LATE, D(2026, 3, 1)).to_json() == {
        "first_day": "2026-03-01",
        "last_day": "2026-05-31",
        "normal_last_day": "2026-08-31",
        "cut_on": "2026-05-31",
        "duration_months": 6,
        "days": 92,
        "reduced": True,
        "empty": False,
        "delayed": True,
        "started_late": True,
        "reduced_usage_after": "2026-02-15",
        "evaluation_deadline": "2026-07-31",
        "evaluation_period": {"months": 2, "days": 0},
        "articles": ["Art. 5 al. 1", "CPC 641 al. 2", "Art. 5 al. 5", "CPC 641 al. 3"],
    }


def test_explain_a_setup_left_with_no_day_of_use() -> None:
    # Set up Mon 15 Jun 2026, after the cut (Sun 31 May 2026): nothing is left. Normal last
    # day: 15 Jun + 6 months = 15 Dec, − 1 day = Mon 14 Dec 2026.
    period = usage_period(LATE, D(2026, 6, 15))
    assert period.empty
    assert period.explain() == (
        "L'expérimentation dure 6 mois à compter de sa mise en place le lundi 15 juin 2026 "
        "(Art. 5 al. 1) : son dernier jour normal est le lundi 14 décembre 2026 (début + "
        "6 mois − 1 jour, CPC 641 al. 2). La mise en place est intervenue au-delà du "
        "dimanche 15 février 2026 (Art. 5 al. 5). Le bilan et la mesure d'impact doivent "
        "être finalisés avant le vendredi 31 juillet 2026 et demandent 2 mois : "
        "l'utilisation ne peut aller au-delà du dimanche 31 mai 2026 (Art. 5 al. 5). Il ne "
        "reste donc aucun jour d'utilisation : la date limite de fin d'utilisation précède "
        "la mise en place."
    )
    assert period.explain("en").endswith(
        "use cannot go beyond Sunday 31 May 2026 (Art. 5 al. 5). No day of use is left: the "
        "last possible day of use comes before the setup."
    )


def test_explain_a_setup_on_time_keeps_its_months() -> None:
    # 1 month from Sat 31 Jan 2026, the indicative start (on time: no cut). 31 Jan +
    # 1 month = 28 Feb (no 31 Feb, CPC 641 al. 2), − 1 day = Fri 27 Feb 2026: 28 days.
    # Evaluation before Tue 30 Jun 2026 taking 1 month and 1 day: 30 Jun − 1 month =
    # 30 May, − 1 day = Fri 29 May 2026. Al. 5 date Tue 10 Feb 2026: not passed.
    on_time = experiment(
        1,
        D(2026, 1, 31),
        reduced_usage_after=D(2026, 2, 10),
        evaluation_deadline=D(2026, 6, 30),
        evaluation_period=Duration(months=1, days=1),
    )
    period = usage_period(on_time, D(2026, 1, 31))
    assert period.explain() == (
        "L'expérimentation dure 1 mois à compter de sa mise en place le samedi 31 janvier "
        "2026 (Art. 5 al. 1) : son dernier jour normal est le vendredi 27 février 2026 "
        "(début + 1 mois − 1 jour, CPC 641 al. 2). La mise en place n'est pas intervenue "
        "au-delà du mardi 10 février 2026 (Art. 5 al. 5). Le bilan et la mesure d'impact "
        "doivent être finalisés avant le mardi 30 juin 2026 et demandent 1 mois et 1 jour : "
        "l'utilisation ne peut aller au-delà du vendredi 29 mai 2026 (Art. 5 al. 5). "
        "Période d'utilisation complète : du samedi 31 janvier 2026 au vendredi "
        "27 février 2026, soit 28 jours."
    )
    # The formula "start + 1 month(s) − 1 day" is left open: see test_one_month_is_singular.
    first, rest = period.explain("en").split(" − 1 day, CPC 641 al. 2). ")
    singular = (
        "The experiment lasts 1 month from its setup on Saturday 31 January 2026 (Art. 5 "
        "al. 1): its normal last day is Friday 27 February 2026 (start + 1 month"
    )
    assert first in (singular, singular + "s")
    assert rest == (
        "The setup did not come after Tuesday 10 February 2026 (Art. 5 al. 5). The "
        "assessment and impact measurement must be finished before Tuesday 30 June 2026 and "
        "take 1 month and 1 day: use cannot go beyond Friday 29 May 2026 (Art. 5 al. 5). "
        "Period of use (full): Saturday 31 January 2026 to Friday 27 February 2026, 28 days."
    )


def test_one_month_is_singular() -> None:
    period = usage_period(experiment(1, D(2026, 1, 31)), D(2026, 1, 31))
    # 1 month from Sat 31 Jan 2026: 31 Feb does not exist → 28 Feb (CPC 641 al. 2), − 1 day
    # = Fri 27 Feb 2026; 1 + 27 = 28 days of use.
    english = period.explain("en")
    assert "1 months" not in english
    assert "lasts 1 month from" in english
    assert "(start + 1 month − 1 day," in english
    assert english.endswith("Saturday 31 January 2026 to Friday 27 February 2026, 28 days.")


def test_explain_without_evaluation_or_al5_date() -> None:
    # 2 months from Sun 15 Mar 2026: 15 May − 1 day = Thu 14 May 2026; 17 + 30 + 14 = 61
    # days. Neither the al. 5 date nor the evaluation is known: two sentences only.
    period = usage_period(experiment(2, D(2026, 3, 15)), D(2026, 3, 15))
    assert period.explain("en") == (
        "The experiment lasts 2 months from its setup on Sunday 15 March 2026 (Art. 5 "
        "al. 1): its normal last day is Thursday 14 May 2026 (start + 2 months − 1 day, "
        "CPC 641 al. 2). Period of use (full): Sunday 15 March 2026 to Thursday 14 May 2026, "
        "61 days."
    )
    assert period.to_json()["reduced_usage_after"] is None
    assert period.to_json()["evaluation_period"] is None


def test_explain_reads_only_what_is_known() -> None:
    # A period built by hand with an al. 5 date but no verdict on it, and a cut without the
    # evaluation figures it came from: those sentences are left out, not guessed.
    period = UsagePeriod(
        first_day=D(2026, 3, 15),
        normal_last_day=D(2026, 5, 14),
        cut_on=D(2026, 4, 30),
        last_day=D(2026, 4, 30),
        duration_months=2,
        delayed=True,
        started_late=None,
        reduced_usage_after=D(2026, 3, 1),
        evaluation_deadline=None,
        evaluation_period=None,
    )
    assert period.explain("en") == (
        "The experiment lasts 2 months from its setup on Sunday 15 March 2026 (Art. 5 "
        "al. 1): its normal last day is Thursday 14 May 2026 (start + 2 months − 1 day, "
        "CPC 641 al. 2). Period of use (reduced): Sunday 15 March 2026 to Thursday "
        "30 April 2026, 47 days."
    )
    with_deadline_only = UsagePeriod(
        first_day=D(2026, 3, 15),
        normal_last_day=D(2026, 5, 14),
        cut_on=D(2026, 4, 30),
        last_day=D(2026, 4, 30),
        duration_months=2,
        evaluation_deadline=D(2026, 6, 30),
    )
    assert "assessment" not in with_deadline_only.explain("en")
    with_period_only = UsagePeriod(
        first_day=D(2026, 3, 15),
        normal_last_day=D(2026, 5, 14),
        cut_on=D(2026, 4, 30),
        last_day=D(2026, 4, 30),
        duration_months=2,
        evaluation_period=Duration(months=2),
    )
    assert "assessment" not in with_period_only.explain("en")


@pytest.mark.parametrize(
    ("duration", "fr", "en"),
    [
        pytest.param(Duration(months=1), "1 mois", "1 month", id="one-month"),
        pytest.param(Duration(months=2), "2 mois", "2 months", id="two-months"),
        pytest.param(Duration(days=1), "1 jour", "1 day", id="one-day"),
        pytest.param(Duration(days=2), "2 jours", "2 days", id="two-days"),
        pytest.param(
            Duration(months=3, days=10), "3 mois et 10 jours", "3 months and 10 days", id="both"
        ),
    ],
)
def test_duration_words(duration: Duration, fr: str, en: str) -> None:
    assert _duration_words(duration, "fr") == fr
    assert _duration_words(duration, "en") == en


def test_naive_dates_name_their_field() -> None:
    period = usage_period(LATE, D(2026, 3, 1))
    with pytest.raises(DateError) as info:
        period.is_in_use(NAIVE)
    assert info.value.field == "on"
    with pytest.raises(DateError) as info:
        usage_period(LATE, NAIVE)
    assert info.value.field == "started_on"
    steps = experiment(2, D(2026, 3, 15), calendar=(CalendarStep("pose", Duration(days=3)),))
    with pytest.raises(DateError) as info:
        deployment_schedule(steps, NAIVE)
    assert info.value.field == "start"
