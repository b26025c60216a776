"""The catalogue of a convention's legal dates (:mod:`mgp_convention.legal_dates`).

Every date is computed by hand below, from the example convention (see ``_builders``).
"""

from __future__ import annotations

import attrs

from mgp_convention.articles.art05_delays import NotReadyOptions
from mgp_convention.events import (
    AmendmentSigned,
    BreachRemedied,
    Changes,
    DelayCause,
    DelayReported,
    ExperimentStarted,
    Ground,
    Termination,
)
from mgp_convention.legal_dates import LegalDate, legal_dates
from mgp_convention.lifecycle import Lifecycle

from _builders import D, breach, convention, notice


def dates(*events: object, on: object = D(2026, 11, 28), **options: object) -> dict[str, LegalDate]:
    lifecycle = Lifecycle.from_convention(convention(*events), **options)  # type: ignore[arg-type]
    return {date.key: date for date in legal_dates(lifecycle, on)}  # type: ignore[arg-type]


def test_the_signed_example_in_date_order() -> None:
    lifecycle = Lifecycle.from_convention(convention())
    got = [(d.key, d.on, d.article) for d in legal_dates(lifecycle, D(2026, 11, 28))]
    assert got == [
        # The last signature: Thursday 19 November 2026 (Art. 2).
        ("effective_date", D(2026, 11, 19), "Art. 2"),
        ("planned_start", D(2027, 3, 1), "Art. 5 al. 1"),
        # The steps follow from the planned start until the actual one: 1 March + 1 month
        # ends on 31 March; then 15 days from 1 April end on 15 April; then 6 months from
        # 16 April end on 15 October (the day before the same day number).
        ("deployment_step_1", D(2027, 3, 1), "Art. 5 al. 2"),
        ("deployment_step_2", D(2027, 4, 1), "Art. 5 al. 2"),
        ("deployment_step_3", D(2027, 4, 16), "Art. 5 al. 2"),
        ("reduced_usage_after", D(2027, 5, 1), "Art. 5 al. 5"),
        # « avant le 31 décembre 2027 », strictly, with 2 months of assessment: the latest
        # first day of the assessment is 31 October (31 Oct + 2 months ends on 30 Dec),
        # so the last day of use possible is 30 October 2027.
        ("usage_cut", D(2027, 10, 30), "Art. 5 al. 5"),
        ("evaluation_deadline", D(2027, 12, 31), "Art. 5 al. 5"),
        ("end_date", D(2028, 3, 31), "Art. 2"),
    ]
    assert all(date.void is None for date in legal_dates(lifecycle, D(2026, 11, 28)))


def test_the_steps_keep_their_keys_when_the_start_moves_them() -> None:
    started = dates(ExperimentStarted(D(2027, 3, 15)), on=D(2027, 3, 20))
    # From Monday 15 March: 1 month ends on 14 April; 15 days from 15 April end on 29 April.
    assert started["deployment_step_1"].on == D(2027, 3, 15)
    assert started["deployment_step_2"].on == D(2027, 4, 15)
    assert started["deployment_step_3"].on == D(2027, 4, 30)
    assert started["experiment_started"].on == D(2027, 3, 15)
    assert "(planned)" not in started["deployment_step_1"].title_in("en")
    assert "(planned)" in dates()["deployment_step_1"].title_in("en")


def test_an_amendment_moves_the_end_date_under_the_same_key_from_its_date() -> None:
    amended = (AmendmentSigned(D(2027, 6, 1), changes=Changes(end_date=D(2028, 9, 30))),)
    assert dates(*amended, on=D(2027, 5, 31))["end_date"].on == D(2028, 3, 31)
    assert dates(*amended, on=D(2027, 6, 1))["end_date"].on == D(2028, 9, 30)


def test_each_breach_has_its_own_keys() -> None:
    events = (
        breach(D(2026, 11, 30)),  # B1
        # Sent Wednesday 2 December 2026: day 30 is Friday 1 January 2027, a public
        # holiday, then a weekend: the deadline is Monday 4 January 2027.
        notice(D(2026, 12, 2), "B1"),
        breach(D(2026, 12, 10)),  # B2
        # Sent Friday 18 December 2026: day 30 is Sunday 17 January 2027: Monday 18.
        notice(D(2026, 12, 18), "B2"),
        # B1 remedied on its deadline: in time. B2 remedied two days late.
        BreachRemedied(D(2027, 1, 4), breach="B1"),
        BreachRemedied(D(2027, 1, 20), breach="B2"),
    )
    found = dates(*events, on=D(2027, 1, 21))
    assert found["remedy_deadline_B1"].on == D(2027, 1, 4)
    assert found["remedy_deadline_B2"].on == D(2027, 1, 18)
    assert found["remedy_deadline_B1"].article == "Art. 12 al. 2"
    assert found["termination_allowed_from_B1"].on == D(2027, 1, 5)
    assert found["termination_allowed_from_B2"].on == D(2027, 1, 19)
    assert found["termination_allowed_from_B1"].article == "Art. 12 al. 1"
    # Remedied in time: the termination date is void. Remedied late: it stands.
    assert found["termination_allowed_from_B1"].void_in("en") == "remedied on Monday 4 January 2027"
    assert found["termination_allowed_from_B2"].void is None


def test_a_termination_voids_the_dates_after_it_takes_effect() -> None:
    events = (
        breach(D(2026, 11, 30)),
        notice(D(2026, 12, 2)),
        # Decided Tuesday 5 January 2027 (the day after the deadline), notified on Friday 8.
        Termination(D(2027, 1, 5), ground=Ground.BREACH, breach="B1", notified_on=D(2027, 1, 8)),
    )
    found = dates(*events, on=D(2027, 1, 6))
    assert found["termination_effective"].on == D(2027, 1, 8)
    assert found["termination_effective"].void is None
    assert (
        found["planned_start"].void_in("en")
        == "the convention was terminated on Friday 8 January 2027"
    )
    assert found["end_date"].void is not None
    assert found["remedy_deadline_B1"].void is None  # 4 January comes before


def test_the_not_ready_date_exists_only_on_the_reading_without_notice() -> None:
    delay = DelayReported(D(2027, 3, 2), cause=DelayCause.BENEFICIARY)
    assert "not_ready_termination_from" not in dates(delay, on=D(2027, 3, 3))
    other = NotReadyOptions(notice_required=False)
    found = dates(delay, on=D(2027, 3, 3), not_ready_options=other)
    # The day after the planned start, Monday 1 March 2027 (Art. 5 al. 3).
    assert found["not_ready_termination_from"].on == D(2027, 3, 2)
    assert found["not_ready_termination_from"].article == "Art. 5 al. 3"
    started = dates(
        delay, ExperimentStarted(D(2027, 3, 20)), on=D(2027, 3, 21), not_ready_options=other
    )
    assert (
        started["not_ready_termination_from"].void_in("fr")
        == "l'expérimentation a commencé le samedi 20 mars 2027"
    )


def test_a_date_after_the_end_date_is_void() -> None:
    # Twelve months of use, no reduced usage, and an end date of 31 December 2027: started
    # on Monday 1 March 2027, the use would last until the day before 1 March 2028, that
    # is Tuesday 29 February 2028 (a leap year), after the end date.
    base = convention(ExperimentStarted(D(2027, 3, 1)))
    experiment = attrs.evolve(
        base.experiment,
        duration_months=12,
        reduced_usage_after=None,
        evaluation_deadline=None,
        evaluation_period=None,
    )
    lifecycle = Lifecycle.from_convention(
        attrs.evolve(base, experiment=experiment, end_date=D(2027, 12, 31))
    )
    found = {d.key: d for d in legal_dates(lifecycle, D(2027, 3, 2))}
    assert found["usage_end"].on == D(2028, 2, 29)
    assert found["usage_end"].void_in("en") == (
        "after the end date of the convention, Friday 31 December 2027 (Art. 2)"
    )
    assert found["end_date"].void is None


def test_a_legal_date_speaks_each_language() -> None:
    found = dates()
    date = found["planned_start"]
    assert date.title_in("fr") == "début souhaité de l'expérimentation"
    assert date.title_in("en") == "planned start of the experiment"
    data = date.to_json()
    assert data["key"] == "planned_start"
    assert data["date"] == "2027-03-01"
    assert data["article"] == "Art. 5 al. 1"
    assert data["title_en"] == "planned start of the experiment"
    assert data["void"] is None
