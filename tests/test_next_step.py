"""The action each state calls for (:mod:`mgp_convention.next_step`), case by case.

Every expected date is computed by hand from the example convention (``_builders``):
in force from Thursday 19 November 2026, planned start Monday 1 March 2027, 6 months,
usage reduced for a set-up after 1 May 2027, assessment of 2 months before 31 December
2027, end date Friday 31 March 2028.
"""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

from mgp_convention.convention import Convention
from mgp_convention.events import (
    BreachRemedied,
    DelayCause,
    DelayReported,
    Event,
    ExperimentStarted,
    ExperimentStopped,
    Ground,
    JustificationsExamined,
    Party,
    ProcurementUnsuccessful,
    RepresentativesHeard,
    Signature,
    Termination,
)
from mgp_convention.legal_dates import legal_dates
from mgp_convention.lifecycle import Lifecycle
from mgp_convention.next_step import NextStep, Urgency, next_step

from _builders import EXAMPLE, D, breach, convention, notice

OVERDUE, SOON, LATER, NONE = Urgency.OVERDUE, Urgency.SOON, Urgency.LATER, Urgency.NONE
START = ExperimentStarted(D(2027, 3, 1))


def step_of(conv: Convention, on: dt.date) -> NextStep:
    lifecycle = Lifecycle.from_convention(conv)
    status = lifecycle.status(on)
    return next_step(status, legal_dates(lifecycle, on, status))


def events(*items: Event) -> Convention:
    return convention(*items)


# (name, convention, date asked) -> (next date, urgency, code, article)
CASES: list[tuple[str, Convention, dt.date, tuple[dt.date | None, Urgency, str, str]]] = [
    (
        "one signature: nothing sooner than the end date (Art. 2)",
        attrs.evolve(EXAMPLE, events=(Signature(D(2026, 11, 12), party=Party.BENEFICIARY),)),
        D(2026, 11, 28),
        (D(2028, 3, 31), LATER, "awaiting_signatures", "Art. 2"),
    ),
    (
        "signed, four days before the planned start",
        events(),
        D(2027, 2, 25),
        (D(2027, 3, 1), SOON, "record_start", "Art. 5 al. 1"),
    ),
    (
        "signed, on the planned start itself: not delayed yet",
        events(),
        D(2027, 3, 1),
        (D(2027, 3, 1), SOON, "record_start", "Art. 5 al. 1"),
    ),
    (
        "the day after the planned start, nothing recorded: delayed, overdue",
        events(),
        D(2027, 3, 2),
        (D(2027, 3, 1), OVERDUE, "start_missed", "Art. 5 al. 3"),
    ),
    (
        "the beneficiary not ready: record the breach and send its notice",
        events(DelayReported(D(2027, 3, 2), cause=DelayCause.BENEFICIARY)),
        D(2027, 3, 5),
        (D(2027, 3, 1), OVERDUE, "record_not_ready_breach", "Art. 5 al. 3"),
    ),
    (
        "the provider late: a set-up after 1 May 2027 reduces the use (Art. 5 al. 5)",
        events(DelayReported(D(2027, 3, 2), cause=DelayCause.PROVIDER)),
        D(2027, 3, 5),
        (D(2027, 5, 1), LATER, "reduced_usage_after", "Art. 5 al. 5"),
    ),
    (
        "the provider late after 1 May: the last day of use possible, 30 October 2027",
        # « avant le 31 décembre 2027 », 2 months of assessment: it starts on 31 October at
        # the latest (31 Oct + 2 months ends on 30 December), so use ends on 30 October.
        events(DelayReported(D(2027, 3, 2), cause=DelayCause.PROVIDER)),
        D(2027, 5, 2),
        (D(2027, 10, 30), LATER, "usage_cut", "Art. 5 al. 5"),
    ),
    (
        "started on time: six months, until the day before 1 September 2027",
        events(START),
        D(2027, 3, 2),
        (D(2027, 8, 31), LATER, "usage_end", "Art. 5 al. 1"),
    ),
    (
        "started late on 1 June 2027: the use is cut to 30 October 2027",
        # Normally until the day before 1 December (30 Nov); the cut comes first.
        events(ExperimentStarted(D(2027, 6, 1))),
        D(2027, 6, 2),
        (D(2027, 10, 30), LATER, "usage_end", "Art. 5 al. 5"),
    ),
    (
        "the use over: the assessment is due before 31 December 2027",
        events(START),
        D(2027, 9, 15),
        (D(2027, 12, 31), LATER, "evaluation_deadline", "Art. 5 al. 5"),
    ),
    (
        "a breach without its notice: overdue from the day it was recorded",
        events(START, breach(D(2027, 4, 7))),
        D(2027, 4, 10),
        (D(2027, 4, 7), OVERDUE, "send_formal_notice", "Art. 12 al. 2"),
    ),
    (
        "notice sent Wednesday 7 April 2027: day 30 is Friday 7 May, a working day",
        events(START, breach(D(2027, 4, 7)), notice(D(2027, 4, 7))),
        D(2027, 4, 10),
        (D(2027, 5, 7), LATER, "remedy_deadline", "Art. 12 al. 2"),
    ),
    (
        "four days before the deadline: soon",
        events(START, breach(D(2027, 4, 7)), notice(D(2027, 4, 7))),
        D(2027, 5, 3),
        (D(2027, 5, 7), SOON, "remedy_deadline", "Art. 12 al. 2"),
    ),
    (
        "on the deadline day itself: not passed (CPC 642 al. 1, until midnight)",
        events(START, breach(D(2027, 4, 7)), notice(D(2027, 4, 7))),
        D(2027, 5, 7),
        (D(2027, 5, 7), SOON, "remedy_deadline", "Art. 12 al. 2"),
    ),
    (
        "the day after the deadline: termination for breach possible (Art. 12 al. 1)",
        events(START, breach(D(2027, 4, 7)), notice(D(2027, 4, 7))),
        D(2027, 5, 8),
        (D(2027, 5, 7), OVERDUE, "remedy_deadline_passed", "Art. 12 al. 1"),
    ),
    (
        "a second breach without notice while the first one's thirty days run",
        events(START, breach(D(2027, 4, 7)), notice(D(2027, 4, 7)), breach(D(2027, 4, 20))),
        D(2027, 4, 21),
        (D(2027, 4, 20), OVERDUE, "send_formal_notice", "Art. 12 al. 2"),
    ),
    (
        "the breach remedied in time: back to the period of use",
        events(
            START,
            breach(D(2027, 4, 7)),
            notice(D(2027, 4, 7)),
            BreachRemedied(D(2027, 5, 7)),
        ),
        D(2027, 5, 8),
        (D(2027, 8, 31), LATER, "usage_end", "Art. 5 al. 1"),
    ),
    (
        "a termination decided on 10 May, notified on Friday 14 May 2027",
        events(
            START,
            breach(D(2027, 4, 7)),
            notice(D(2027, 4, 7)),
            Termination(
                D(2027, 5, 10), ground=Ground.BREACH, breach="B1", notified_on=D(2027, 5, 14)
            ),
        ),
        D(2027, 5, 11),
        (
            D(2027, 5, 14),
            SOON,
            "termination_takes_effect",
            "CE Ass., 25 juin 1948, Société du journal L'Aurore",
        ),
    ),
    (
        "the experiment stopped under Art. 9: the assessment is still due",
        events(
            START,
            breach(D(2027, 4, 7)),
            notice(D(2027, 4, 7)),
            JustificationsExamined(D(2027, 5, 10)),
            RepresentativesHeard(D(2027, 5, 11)),
            ExperimentStopped(D(2027, 5, 12), reason="données jamais transmises"),
        ),
        D(2027, 5, 13),
        (D(2027, 12, 31), LATER, "evaluation_deadline", "Art. 5 al. 5"),
    ),
    (
        "terminated: nothing due",
        events(Termination(D(2027, 1, 5), ground=Ground.INTERRUPTION, reason="réorganisation")),
        D(2027, 1, 6),
        (None, NONE, "terminated", "Art. 12 al. 1"),
    ),
    (
        "after the end date: ended",
        events(),
        D(2028, 4, 1),
        (None, NONE, "ended", "Art. 2"),
    ),
    (
        "never signed by the end date: not concluded",
        attrs.evolve(EXAMPLE, events=()),
        D(2028, 4, 1),
        (None, NONE, "not_concluded", "Art. 2"),
    ),
    (
        "the procurement failed for good: lapsed (Art. 3)",
        events(ProcurementUnsuccessful(D(2027, 1, 15), definitive=True)),
        D(2027, 1, 16),
        (None, NONE, "lapsed", "Art. 3"),
    ),
]


@pytest.mark.parametrize(("name", "conv", "on", "expected"), CASES, ids=[c[0] for c in CASES])
def test_next_step_by_legal_situation(
    name: str,
    conv: Convention,
    on: dt.date,
    expected: tuple[dt.date | None, Urgency, str, str],
) -> None:
    step = step_of(conv, on)
    assert (step.on, step.urgency, step.code, step.article) == expected, name


def test_the_action_names_the_breach_and_says_it_in_each_language() -> None:
    conv = events(START, breach(D(2027, 4, 7)), notice(D(2027, 4, 7)))
    step = step_of(conv, D(2027, 5, 8))
    assert step.breach == "B1"
    assert step.key == "remedy_deadline_B1"
    assert step.action.render("en") == (
        "breach B1: remedy deadline passed, termination for breach possible since "
        "Saturday 8 May 2027"
    )
    assert step.action.render("fr") == (
        "manquement B1 : délai de remédiation expiré, résiliation pour manquement possible "
        "depuis le samedi 8 mai 2027"
    )


def test_no_day_of_use_left_points_to_the_assessment() -> None:
    # Started on 1 November 2027, after the last day of use possible (30 October): no day
    # of use is left, and the assessment is still due before 31 December 2027.
    step = step_of(events(ExperimentStarted(D(2027, 11, 1))), D(2027, 11, 2))
    assert (step.on, step.code) == (D(2027, 12, 31), "evaluation_deadline")
    assert step.action.render("en").startswith("no day of use is left")


def test_urgency_words() -> None:
    assert [urgency.label("fr") for urgency in Urgency] == [
        "dépassée",
        "bientôt",
        "plus tard",
        "rien à faire",
    ]
