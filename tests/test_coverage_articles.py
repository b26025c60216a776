"""The guards of Art. 2, 5, 9, 11 and 12, called directly, every branch and word.

The lifecycle calls these guards; here each one is called on its own, on both sides of
each boundary (the day before, the day itself, the day after), with the exact message
a refused event carries. They close the branch coverage of the article modules and
kill the mutants the lifecycle tests let through (docs/mutation-and-coverage.md).
Every date is counted by hand as written beside it.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from mgp_convention.articles.art02_duration import first_day_ended, in_force_on, is_ended
from mgp_convention.articles.art05_delays import experiment_may_start, not_ready_termination
from mgp_convention.articles.art09_sanctions import (
    Art9Step,
    SanctionOptions,
    sanction_procedure_done,
    sanction_remedy_period_run_out,
)
from mgp_convention.articles.art11_amendments import Terms, amendment_acceptable
from mgp_convention.articles.art12_termination import (
    breach_deadline_passed,
    interruption_reason_given,
    remedy_in_time,
)
from mgp_convention.events import Changes
from mgp_convention.examples import example_convention

D = dt.date

# --- Art. 2 -----------------------------------------------------------------------------


def test_the_convention_ends_the_day_after_its_end_date() -> None:
    # « jusqu'au 31 mars 2028 »: in force on 31 March, ended from 1 April 2028.
    assert first_day_ended(D(2028, 3, 31)) == D(2028, 4, 1)
    assert not is_ended(D(2028, 3, 31), D(2028, 3, 31))
    assert in_force_on(D(2028, 3, 31), D(2028, 3, 31)) is None
    assert in_force_on(D(2028, 4, 1), D(2028, 3, 31)) == (
        "the convention ran until its end date, 2028-03-31, and is ended from 2028-04-01"
    )


# --- Art. 5 al. 1 and al. 3 -------------------------------------------------------------


def test_the_experiment_starts_once_the_convention_is_in_effect() -> None:
    # Last signature on 19 Jan 2027: a start on the 18th is refused, on the 19th accepted.
    assert experiment_may_start(D(2027, 1, 19), None) == (
        "the convention has not taken effect: every party must sign first"
    )
    assert experiment_may_start(D(2027, 1, 18), D(2027, 1, 19)) == (
        "the experiment cannot start (2027-01-18) before the convention takes effect "
        "(2027-01-19, the last signature)"
    )
    assert experiment_may_start(D(2027, 1, 19), D(2027, 1, 19)) is None


def test_termination_for_not_being_ready() -> None:
    # Planned start 1 Mar 2027: on that day the beneficiary may still be ready, so the
    # ground opens on 2 Mar 2027, and only with a delay caused by the beneficiary.
    planned = D(2027, 3, 1)
    assert not_ready_termination(
        D(2027, 3, 2), planned_start=planned, beneficiary_delay_recorded=False
    ) == (
        "no delay caused by the beneficiary is recorded (a delay caused by the Métropole "
        "or its provider does not open this ground, Art. 5 al. 4)"
    )
    assert not_ready_termination(
        D(2027, 3, 1), planned_start=planned, beneficiary_delay_recorded=True
    ) == (
        "the planned start date, 2027-03-01, has not passed yet: termination for not being "
        "ready is possible from 2027-03-02"
    )
    assert (
        not_ready_termination(D(2027, 3, 2), planned_start=planned, beneficiary_delay_recorded=True)
        is None
    )


# --- Art. 9 -----------------------------------------------------------------------------


def test_sanction_needs_both_steps_of_the_procedure() -> None:
    assert sanction_procedure_done({}) == (
        "the justifications presented by the beneficiary have not been examined "
        "(justifications_examined) and the beneficiary's representatives have not been "
        "heard (representatives_heard)"
    )
    both = {
        Art9Step.JUSTIFICATIONS_EXAMINED: D(2026, 7, 1),
        Art9Step.REPRESENTATIVES_HEARD: D(2026, 7, 8),
    }
    assert sanction_procedure_done(both) is None


def test_sanction_waits_for_the_remedy_deadline() -> None:
    # Remedy deadline Wed 22 Jul 2026 (included): a sanction is possible from Thu 23 Jul.
    deadline = D(2026, 7, 22)
    assert sanction_remedy_period_run_out(D(2026, 7, 23), None) == (
        "the Art. 12 remedy period has not started: send the formal notice first (default "
        "reading: a sanction also waits for the remedy period to run out)"
    )
    waiting = (
        "the Art. 12 remedy period runs until 2026-07-22: a sanction is possible from the "
        "day after (default reading)"
    )
    assert sanction_remedy_period_run_out(D(2026, 7, 21), deadline) == waiting
    assert sanction_remedy_period_run_out(D(2026, 7, 22), deadline) == waiting
    assert sanction_remedy_period_run_out(D(2026, 7, 23), deadline) is None
    hearing_only = SanctionOptions(require_remedy_period=False)
    assert sanction_remedy_period_run_out(D(2026, 7, 1), None, hearing_only) is None


# --- Art. 11 ----------------------------------------------------------------------------

# The example convention: start 1 Mar 2027, al. 5 date 1 May 2027, evaluation before
# 31 Dec 2027, end 31 Mar 2028.
TERMS = Terms.of(example_convention())


def test_an_amendment_cannot_end_the_convention_before_its_own_date() -> None:
    # Signed 1 Jun 2027: a new end on 31 May 2027 is refused, on 1 Jun 2027 it is the
    # amendment's own date, so it passes this rule (and fails coherence: evaluation after).
    assert amendment_acceptable(D(2027, 6, 1), TERMS, Changes(end_date=D(2027, 5, 31))) == (
        "the new end date, 2027-05-31, comes before the amendment's own date, 2027-06-01"
    )
    same_day = amendment_acceptable(D(2027, 6, 1), TERMS, Changes(end_date=D(2027, 6, 1)))
    assert same_day == (
        "the amended terms are not coherent: experiment.evaluation_deadline: the evaluation "
        "deadline (2027-12-31) comes after the end date (2027-06-01) (Art. 2)"
    )


def test_an_amendment_that_breaks_the_experiment_is_refused() -> None:
    # Moving the al. 5 date to 15 Jan 2028, after the evaluation deadline (31 Dec 2027):
    # the amended experiment itself cannot be built.
    changes = Changes(reduced_usage_after=D(2028, 1, 15))
    assert amendment_acceptable(D(2027, 6, 1), TERMS, changes) == (
        "the amended terms are not coherent: reduced_usage_after: the setup date beyond "
        "which usage is reduced (2028-01-15) comes after the evaluation deadline "
        "(2027-12-31) (Art. 5 al. 5)"
    )


def test_every_coherence_problem_of_an_amendment_is_listed() -> None:
    # Signed 15 Jan 2027, new end 1 Feb 2027: before the start (1 Mar 2027) and before
    # the evaluation deadline (31 Dec 2027): two problems, both listed.
    changes = Changes(end_date=D(2027, 2, 1))
    assert amendment_acceptable(D(2027, 1, 15), TERMS, changes) == (
        "the amended terms are not coherent: end_date: the end date (2027-02-01) comes "
        "before the experiment's indicative start (2027-03-01) (Art. 2); "
        "experiment.evaluation_deadline: the evaluation deadline (2027-12-31) comes after "
        "the end date (2027-02-01) (Art. 2)"
    )


def test_an_amendment_of_the_market_figures() -> None:
    # Market 180 000.00 € for 3 beneficiaries amended to 150 000.00 € for 4 on 1 Jun 2027.
    changes = Changes(market_total_ttc=Decimal("150000.00"), market_beneficiaries=4)
    amended = TERMS.amended(changes, D(2027, 6, 1))
    assert (amended.market.total_ttc, amended.market.beneficiaries) == (Decimal("150000.00"), 4)
    assert amended.market.reference == TERMS.market.reference
    assert amended.experiment == TERMS.experiment
    assert amended.end_date == D(2028, 3, 31)
    assert amended.since == D(2027, 6, 1)
    assert amendment_acceptable(D(2027, 6, 1), TERMS, changes) is None


# --- Art. 12 al. 1–2 --------------------------------------------------------------------


def test_interruption_needs_a_reason() -> None:
    message = (
        "a termination to interrupt the experiment must state its reason of general "
        "interest ('reason'): between two public persons, CE, 27 févr. 2015, Commune de "
        "Béziers, n° 357028"
    )
    assert interruption_reason_given(None) == message
    assert interruption_reason_given("   ") == message
    assert interruption_reason_given("réorganisation du service") is None


def test_termination_for_breach_after_the_deadline() -> None:
    # Deadline Wed 22 Jul 2026, included: termination from Thu 23 Jul 2026.
    assert breach_deadline_passed(D(2026, 7, 23), None) == (
        "no formal notice has been sent: the remedy period has not started"
    )
    assert breach_deadline_passed(D(2026, 7, 22), D(2026, 7, 22)) == (
        "the remedy period runs until 2026-07-22 (included): termination for breach is "
        "possible from 2026-07-23"
    )
    assert breach_deadline_passed(D(2026, 7, 23), D(2026, 7, 22)) is None


def test_a_late_remedy() -> None:
    # Deadline Wed 22 Jul 2026: a remedy on the 22nd is in time, on the 23rd it is late
    # unless the Métropole accepts it late; before any notice, any remedy is in time.
    deadline = D(2026, 7, 22)
    assert remedy_in_time(D(2026, 7, 22), deadline, accepted_late=False) is None
    assert remedy_in_time(D(2026, 7, 23), deadline, accepted_late=False) == (
        "the remedy deadline was 2026-07-22: a remedy on 2026-07-23 is late, and is "
        "recorded only if the Métropole accepts it late (accepted_late: true)"
    )
    assert remedy_in_time(D(2026, 7, 23), deadline, accepted_late=True) is None
    assert remedy_in_time(D(2026, 7, 23), None, accepted_late=False) is None
