"""The version-2 reference model itself, checked by hand.

Each expected value below was computed by hand, from a printed calendar, RULES.md
(version 2) and the contract, not with the library; the comment says how. The
situations are named after the legal question they settle.

Calendar facts used throughout (2026 begins on a Thursday): Mon 4 May 2026 (the planned
start of example 03), Mon 11 May, Mon 2 Nov, Fri 20 Nov, Wed 2 Dec, Mon 21 Dec 2026;
Fri 1 Jan 2027; Easter 2026 is Sun 5 April (Ascension Thu 14 May, Whit Monday 25 May).
"""

from __future__ import annotations

import ast
import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from reference_model import (
    ADVISORY_CODES,
    FINAL,
    GROUNDS,
    STATES,
    TRIGGERS,
    ReferenceModel,
    Refused,
    add_months,
    easter_sunday,
    evaluation_first_day,
    is_working_day,
    period_last_day,
    public_holidays,
    remedy_deadline,
    step_last_day,
    usage_last_day,
)
from storylines import PLOTS, sequences, steered, storyline

D = dt.date
REASON = "motif d'intérêt général"


def test_shares_no_code_with_the_library() -> None:
    source = (Path(__file__).parent / "reference_model.py").read_text(encoding="utf-8")
    imported: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            imported |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            imported.add((node.module or "").split(".")[0])
    assert imported <= {"__future__", "datetime", "typing"}


# --- Easter and the public holidays (unchanged from version 1) ----------------------------


@pytest.mark.parametrize(
    ("year", "easter"),
    [
        (2000, D(2000, 4, 23)),  # published Easter dates (tables of the Roman calendar)
        (2008, D(2008, 3, 23)),
        (2019, D(2019, 4, 21)),
        (2024, D(2024, 3, 31)),
        (2025, D(2025, 4, 20)),
        (2026, D(2026, 4, 5)),
        (2027, D(2027, 3, 28)),
        (2038, D(2038, 4, 25)),  # the latest possible date, 25 April
        (2285, D(2285, 3, 22)),  # the earliest possible date, 22 March
    ],
)
def test_easter(year: int, easter: dt.date) -> None:
    assert easter_sunday(year) == easter


def test_the_eleven_holidays_of_2026() -> None:
    # Easter 2026 is Sunday 5 April: Easter Monday 6 April, Ascension (+39 days)
    # Thursday 14 May, Whit Monday (+50 days) Monday 25 May.
    assert sorted(public_holidays(2026)) == [
        D(2026, 1, 1),
        D(2026, 4, 6),
        D(2026, 5, 1),
        D(2026, 5, 8),
        D(2026, 5, 14),
        D(2026, 5, 25),
        D(2026, 7, 14),
        D(2026, 8, 15),
        D(2026, 11, 1),
        D(2026, 11, 11),
        D(2026, 12, 25),
    ]


@pytest.mark.parametrize(
    ("day", "working", "why"),
    [
        (D(2026, 12, 21), True, "a Monday"),
        (D(2026, 12, 19), False, "a Saturday"),
        (D(2026, 12, 20), False, "a Sunday"),
        (D(2026, 5, 25), False, "Whit Monday counts (Cass. 3e civ. 21 Jan 2021)"),
        (D(2027, 3, 26), True, "Good Friday: Alsace-Moselle only"),
        (D(2025, 12, 26), True, "26 December, a Friday: Alsace-Moselle only"),
        (D(2026, 7, 14), False, "14 July, a Tuesday"),
    ],
)
def test_working_days(day: dt.date, working: bool, why: str) -> None:
    assert is_working_day(day) is working, why


# --- the remedy deadline (Art. 12 al. 1, CPC 641-642) ------------------------------------


@pytest.mark.parametrize(
    ("sent", "deadline", "why"),
    [
        # 5 Jan 2026 + 30 days = 4 Feb 2026 (26 days left in January, then 4), a Wednesday.
        (D(2026, 1, 5), D(2026, 2, 4), "day 30 is a Wednesday: no move"),
        # 20 Nov + 30 = 20 Dec 2026 (10 days to 30 Nov, 20 more), a Sunday → Monday 21.
        (D(2026, 11, 20), D(2026, 12, 21), "day 30 is a Sunday"),
        # 2 Dec + 30 = 1 Jan 2027, a Friday and a holiday; Sat 2, Sun 3 → Monday 4.
        (D(2026, 12, 2), D(2027, 1, 4), "day 30 is Friday 1 January 2027, then a weekend"),
        # 25 Apr + 30 = 25 May 2026, Whit Monday → Tuesday 26 May.
        (D(2026, 4, 25), D(2026, 5, 26), "day 30 is Whit Monday"),
        # 14 Apr + 30 = 14 May 2026, Ascension Thursday → Friday 15 May.
        (D(2026, 4, 14), D(2026, 5, 15), "day 30 is Ascension"),
        # 8 Apr + 30 = 8 May 2026, a Friday and a holiday; then the weekend → Monday 11 May.
        (D(2026, 4, 8), D(2026, 5, 11), "day 30 is Friday 8 May"),
        # 1 Apr + 30 = 1 May 2027, a Saturday and a holiday → Monday 3 May.
        (D(2027, 4, 1), D(2027, 5, 3), "day 30 is Saturday 1 May"),
        # 14 Jun + 30 = 14 Jul 2026, a Tuesday → Wednesday 15.
        (D(2026, 6, 14), D(2026, 7, 15), "day 30 is 14 July"),
        # 24 Feb 2027 + 30: 4 days to 28 Feb, 26 more → 26 Mar 2027, Good Friday.
        (D(2027, 2, 24), D(2027, 3, 26), "Good Friday is a working day in Paris"),
        # 5 May 2026 + 30: 26 days to 31 May, 4 more → Thursday 4 June 2026.
        (D(2026, 5, 5), D(2026, 6, 4), "across a month of 31 days"),
    ],
)
def test_remedy_deadline(sent: dt.date, deadline: dt.date, why: str) -> None:
    assert remedy_deadline(sent) == deadline, why


def test_remedy_deadline_options() -> None:
    # Délai franc: 5 Jan 2026 + 31 days = Thursday 5 Feb 2026.
    assert remedy_deadline(D(2026, 1, 5), franc=True) == D(2026, 2, 5)
    # Not extended: day 30 of a letter of 20 Nov 2026 is Sunday 20 Dec, and stays.
    assert remedy_deadline(D(2026, 11, 20), extend=False) == D(2026, 12, 20)
    # A jour chômé given by the user: Wednesday 4 Feb 2026 closed → Thursday 5 Feb.
    assert remedy_deadline(D(2026, 1, 5), closed_days=frozenset({D(2026, 2, 4)})) == D(2026, 2, 5)
    # 15 days: 20 Nov + 15 = Saturday 5 Dec 2026 → Monday 7 Dec.
    assert remedy_deadline(D(2026, 11, 20), 15) == D(2026, 12, 7)


# --- periods in months (RULES v2, CPC 641 al. 2) ----------------------------------------


@pytest.mark.parametrize(
    ("day", "months", "result"),
    [
        (D(2026, 1, 31), 1, D(2026, 2, 28)),  # no 31 February: its last day
        (D(2028, 1, 31), 1, D(2028, 2, 29)),  # 2028 is a leap year
        (D(2026, 3, 31), -1, D(2026, 2, 28)),  # backwards
        (D(2026, 5, 4), 0, D(2026, 5, 4)),
    ],
)
def test_add_months_same_day_number_or_last_day(day: dt.date, months: int, result: dt.date) -> None:
    assert add_months(day, months) == result


@pytest.mark.parametrize(
    ("first", "months", "last", "why"),
    [
        # The examples of RULES v2, « Periods in months ».
        (D(2027, 1, 15), 6, D(2027, 7, 14), "the day before 15 July"),
        (D(2027, 3, 1), 1, D(2027, 3, 31), "the day before 1 April"),
        (D(2027, 1, 31), 1, D(2027, 2, 28), "no 31 Feb 2027: the last day of February"),
        (D(2027, 1, 29), 1, D(2027, 2, 28), "no 29 Feb 2027: the last day of February"),
        (D(2028, 1, 29), 1, D(2028, 2, 28), "29 Feb 2028 exists: the day before it"),
        (D(2028, 1, 30), 1, D(2028, 2, 29), "no 30 Feb 2028: the last day, the 29th"),
        (D(2027, 3, 31), 1, D(2027, 4, 30), "no 31 April: its last day"),
        (D(2026, 8, 31), 6, D(2027, 2, 28), "no 31 Feb 2027"),
        (D(2027, 8, 31), 6, D(2028, 2, 29), "no 31 Feb 2028: its last day, the 29th"),
        # Version 1 ended the last two 2 or 3 days early (31 Jan + 1 month − 1 day).
        (D(2026, 5, 11), 9, D(2027, 2, 10), "example 03: the day before 11 Feb 2027"),
    ],
)
def test_a_period_of_months_ends_the_day_before_the_same_day_number(
    first: dt.date, months: int, last: dt.date, why: str
) -> None:
    assert period_last_day(first, months) == last, why


def test_a_step_of_months_and_days() -> None:
    # 4 May 2026, 1 month 10 days: the month ends 3 Jun, ten days later 13 Jun 2026.
    assert step_last_day(D(2026, 5, 4), 1, 10) == D(2026, 6, 13)
    # No month: S + D − 1: 4 May + 15 − 1 = 18 May 2026.
    assert step_last_day(D(2026, 5, 4), 0, 15) == D(2026, 5, 18)
    # From 31 Jan 2027, 1 month 5 days: the month ends 28 Feb, then 5 days → 5 Mar 2027.
    assert step_last_day(D(2027, 1, 31), 1, 5) == D(2027, 3, 5)


def example_experiment(**changes: Any) -> dict[str, Any]:
    """Example 03's experiment: 9 months from 4 May 2026, three calendar steps, the al. 5
    data (evaluation by 30 Jun 2027, taking 2 months)."""
    experiment = {
        "indicative_start": D(2026, 5, 4),
        "duration_months": 9,
        "calendar": [
            {"label": "cadrage et paramétrage", "duration": {"months": 1, "days": 0}},
            {"label": "déploiement auprès des agents", "duration": {"months": 0, "days": 15}},
            {"label": "utilisation", "duration": {"months": 6, "days": 0}},
        ],
        "reduced_usage_after": D(2026, 7, 1),
        "evaluation_deadline": D(2027, 6, 30),
        "evaluation_period": {"months": 2, "days": 0},
    }
    experiment.update(changes)
    return experiment


def convention(events: list[dict[str, Any]] | None = None, **changes: Any) -> dict[str, Any]:
    """Example 03: end date 30 Sep 2027, planned start Monday 4 May 2026."""
    return {
        "end_date": changes.pop("end_date", D(2027, 9, 30)),
        "experiment": example_experiment(**changes),
        "events": events or [],
    }


def test_deployment_steps_follow_one_another() -> None:
    model = ReferenceModel(convention())
    # Started Monday 4 May 2026: 1 month → 3 Jun; 15 days from 4 Jun → 18 Jun; 6 months
    # from 19 Jun → the day before 19 Dec: 18 Dec 2026.
    assert model.deployment_steps(D(2026, 5, 4)) == [
        {"label": "cadrage et paramétrage", "first_day": D(2026, 5, 4), "last_day": D(2026, 6, 3)},
        {
            "label": "déploiement auprès des agents",
            "first_day": D(2026, 6, 4),
            "last_day": D(2026, 6, 18),
        },
        {"label": "utilisation", "first_day": D(2026, 6, 19), "last_day": D(2026, 12, 18)},
    ]


def test_a_step_started_on_the_31st_runs_to_the_end_of_the_short_month() -> None:
    model = ReferenceModel(
        convention(
            calendar=[
                {"label": "a", "duration": {"months": 1, "days": 0}},
                {"label": "b", "duration": {"months": 1, "days": 5}},
            ]
        )
    )
    # 31 Jan 2027 + 1 month → 28 Feb (version 1: 27 Feb); then 1 Mar + 1 month → 31 Mar,
    # 5 days more → 5 Apr 2027.
    steps = model.deployment_steps(D(2027, 1, 31))
    assert [(s["first_day"], s["last_day"]) for s in steps] == [
        (D(2027, 1, 31), D(2027, 2, 28)),
        (D(2027, 3, 1), D(2027, 4, 5)),
    ]


# --- Art. 5 al. 5: « avant le [Date] » read strictly ------------------------------------


def test_evaluation_must_end_before_the_deadline_rules_example() -> None:
    # RULES: D = 31 Dec 2027, 2 months. The evaluation's last day is at the latest 30 Dec.
    # S = 31 Oct 2027: the day before 31 Dec is 30 Dec — fits; S = 1 Nov would end 31 Dec.
    assert evaluation_first_day(D(2027, 12, 31), 2, 0) == D(2027, 10, 31)
    # Inclusive (the option): the evaluation may end on 31 Dec: S = 1 Nov 2027.
    assert evaluation_first_day(D(2027, 12, 31), 2, 0, inclusive=True) == D(2027, 11, 1)
    # 15 days, no month: S + 14 ≤ 30 Dec → S = 16 Dec 2027.
    assert evaluation_first_day(D(2027, 12, 31), 0, 15) == D(2027, 12, 16)
    # 1 month 10 days before 31 Mar 2027: the month must end by 20 Mar: S = 21 Feb 2027
    # (21 Feb + 1 month ends 20 Mar, + 10 days = 30 Mar).
    assert evaluation_first_day(D(2027, 3, 31), 1, 10) == D(2027, 2, 21)
    # Before 1 Mar 2027, 1 month: 29, 30, 31 Jan and 1 Feb all end 28 Feb: the latest is 1 Feb.
    assert evaluation_first_day(D(2027, 3, 1), 1, 0) == D(2027, 2, 1)


def test_late_setup_cuts_the_usage_to_the_day_before_the_evaluation() -> None:
    late = {
        "indicative_start": D(2027, 3, 1),
        "evaluation_deadline": D(2027, 12, 31),
        "evaluation_months": 2,
    }
    # Set up 1 Jun 2027 (late) for 12 months: would run to 31 May 2028; the evaluation
    # starts 31 Oct 2027 at the latest, so the last day of use is 30 Oct 2027.
    assert usage_last_day(D(2027, 6, 1), 12, **late) == D(2027, 10, 30)  # type: ignore[arg-type]
    # Inclusive reading: the evaluation may start 1 Nov → last day of use 31 Oct.
    assert usage_last_day(D(2027, 6, 1), 12, inclusive=True, **late) == D(2027, 10, 31)  # type: ignore[arg-type]
    # Set up 31 Oct 2027: no day of use is left.
    assert usage_last_day(D(2027, 10, 31), 12, **late) is None  # type: ignore[arg-type]
    # Set up on the planned day, 1 Mar 2027: no delay, no cut: the day before 1 Mar 2028.
    assert usage_last_day(D(2027, 3, 1), 12, **late) == D(2028, 2, 29)  # type: ignore[arg-type]


def test_usage_period_of_example_03() -> None:
    model = ReferenceModel(convention())
    # Set up on the planned day 4 May 2026: 9 months → 3 Feb 2027, no cut.
    assert model.usage_last_day(D(2026, 5, 4)) == D(2027, 2, 3)
    # Set up late, 1 Sep 2026: 9 months → 31 May 2027; the evaluation (2 months) must end
    # by 29 Jun 2027, so it starts 30 Apr 2027 at the latest (the day before 30 Jun is
    # 29 Jun): the last day of use is 29 Apr 2027 (version 1 said 30 Apr).
    assert model.usage_last_day(D(2026, 9, 1)) == D(2027, 4, 29)
    inclusive = ReferenceModel(convention(), reduced_usage_inclusive=True)
    # Inclusive: the evaluation may end 30 Jun: it starts 1 May, use ends 30 Apr 2027.
    assert inclusive.usage_last_day(D(2026, 9, 1)) == D(2027, 4, 30)


# --- building conventions for the life cases ---------------------------------------------


def ev(kind: str, on: dt.date, **fields: Any) -> dict[str, Any]:
    return {"type": kind, "on": on, **fields}


SIGNATURES = [
    ev("signature", D(2026, 3, 12), party="beneficiary"),
    ev("signature", D(2026, 3, 17), party="metropole"),
]
STARTED = [*SIGNATURES, ev("experiment_started", D(2026, 5, 11))]


def model_of(*events: dict[str, Any], **options: Any) -> ReferenceModel:
    """Example 03 signed 12 and 17 March 2026, with these events after the signatures."""
    return ReferenceModel(convention([*SIGNATURES, *events]), **options)


def started(*events: dict[str, Any], **options: Any) -> ReferenceModel:
    """Example 03, signed, the experiment started Monday 11 May 2026."""
    return ReferenceModel(convention([*STARTED, *events]), **options)


def refusal(model: ReferenceModel, event: dict[str, Any]) -> str | None:
    """The article of the refusal of ``event`` (``"accepted"`` if it is not refused)."""
    refused = model.check(event)
    assert refused is not None, f"{event} is accepted"
    return refused.article


def breach(model: ReferenceModel, on: dt.date, label: str) -> dict[str, Any]:
    return next(b for b in model.breaches_on(on) if b["breach"] == label)


def termination(on: dt.date, ground: str, **fields: Any) -> dict[str, Any]:
    return ev("termination", on, ground=ground, **fields)


def test_remedy_counted_from_receipt_is_an_option() -> None:
    events = [
        ev("breach_recorded", D(2026, 11, 2), obligation="share_data"),
        ev("formal_notice_sent", D(2026, 11, 20), letter_reference="L", received_on="2026-11-23"),
    ]
    # Default (CPC 668): from the sending, Fri 20 Nov 2026 → Mon 21 Dec 2026.
    assert started(*events).remedy_deadline_on(D(2026, 11, 23)) == D(2026, 12, 21)
    # From receipt, Mon 23 Nov 2026: + 30 days = Wed 23 Dec 2026.
    receipt = started(*events, remedy_from_receipt=True)
    assert receipt.remedy_deadline_on(D(2026, 11, 23)) == D(2026, 12, 23)
    # No receipt date given: counted from the sending.
    no_receipt = started(events[0], {**events[1], "received_on": None}, remedy_from_receipt=True)
    assert no_receipt.remedy_deadline_on(D(2026, 11, 23)) == D(2026, 12, 21)
    # A délai franc: day 31 is Mon 21 Dec 2026, a working day.
    assert started(*events, remedy_franc=True).remedy_deadline_on(D(2026, 11, 23)) == D(
        2026, 12, 21
    )


# --- Art. 2: signature, effective date, end date ------------------------------------------


def test_effective_on_the_last_signature() -> None:
    model = ReferenceModel(convention(SIGNATURES[:1]))
    assert model.state_on(D(2026, 3, 12)) == "draft"
    assert model.effective_date() is None
    assert refusal(model, ev("signature", D(2026, 3, 13), party="beneficiary")) == "Art. 2"
    model.apply(SIGNATURES[1])
    assert model.effective_date() == D(2026, 3, 17)
    assert model.effective_date(D(2026, 3, 16)) is None  # as it stood that day
    assert model.state_on(D(2026, 3, 16)) == "draft"
    assert model.state_on(D(2026, 3, 17)) == "signed"
    assert refusal(model, ev("signature", D(2026, 3, 18), party="metropole")) == "Art. 2"


def test_draft_never_signed_is_not_concluded() -> None:
    # Only the beneficiary signed. « jusqu'au 30 Sep 2027 »: still a draft that day; from
    # 1 Oct 2027 it never took effect: not_concluded, not ended.
    model = ReferenceModel(convention(SIGNATURES[:1]))
    assert model.state_on(D(2027, 9, 30)) == "draft"
    assert model.state_on(D(2027, 10, 1)) == "not_concluded"
    assert refusal(model, ev("signature", D(2027, 10, 1), party="metropole")) == "Art. 2"
    assert model.allowed_on(D(2027, 10, 1)) == set()
    # Signed on the end date itself: in force for that one day, then ended.
    model.apply(ev("signature", D(2027, 9, 30), party="metropole"))
    assert model.state_on(D(2027, 9, 30)) == "delayed"  # the planned start passed
    assert model.state_on(D(2027, 10, 1)) == "ended"


def test_ended_the_day_after_the_end_date_even_with_open_breaches() -> None:
    model = started(
        ev("breach_recorded", D(2027, 9, 1), obligation="share_data", impedes_experiment=False),
        ev("formal_notice_sent", D(2027, 9, 20), letter_reference="L"),
    )
    assert model.state_on(D(2027, 9, 30)) == "remedy_period"
    assert model.state_on(D(2027, 10, 1)) == "ended"
    # 20 Sep 2027 + 30 = 20 Oct 2027: still computed for the breach, but nothing runs.
    assert breach(model, D(2027, 10, 1), "B1")["remedy_deadline"] == D(2027, 10, 20)
    assert model.remedy_deadline_on(D(2027, 10, 1)) is None
    assert model.allowed_on(D(2027, 10, 1)) == set()


def test_events_must_come_in_date_order() -> None:
    model = model_of()
    assert refusal(model, ev("delay_reported", D(2026, 3, 16), cause="provider")) is None
    assert model.check(ev("delay_reported", D(2026, 3, 17), cause="provider")) is None


def test_a_refused_event_changes_nothing() -> None:
    model = model_of()
    with pytest.raises(Refused) as info:
        model.apply(ev("formal_notice_sent", D(2026, 4, 1), letter_reference="L"))
    assert info.value.article is None  # no breach is open to be named
    assert len(model.events) == 2
    assert model.state_on(D(2026, 4, 1)) == "signed"


def test_the_model_takes_dates_not_datetimes() -> None:
    model = model_of()
    with pytest.raises(TypeError):
        model.state_on(dt.datetime(2026, 4, 1, 12, 0))


def test_apply_all_reports_each_refusal() -> None:
    model = ReferenceModel(convention())
    results = model.apply_all(
        [
            SIGNATURES[1],
            ev("signature", D(2026, 3, 16), party="beneficiary"),  # before the last event
            ev("signature", D(2026, 3, 17), party="metropole"),  # signed already
            ev("signature", D(2026, 3, 18), party="beneficiary"),
        ]
    )
    assert [None if r is None else r.article for r in results] == [None, None, "Art. 2", None]
    assert results[1] is not None
    assert model.effective_date() == D(2026, 3, 18)


def test_events_after_the_date_asked_are_pending() -> None:
    model = started()
    # On Sunday 10 May 2026 the start of Monday 11 May is still to come: the planned start
    # (4 May) has passed without a start, so the convention is delayed.
    assert model.state_on(D(2026, 5, 10)) == "delayed"
    assert model.pending_on(D(2026, 5, 10)) == [ev("experiment_started", D(2026, 5, 11))]
    assert model.pending_on(D(2026, 5, 11)) == []
    assert model.state_on(D(2026, 5, 11)) == "experimenting"


# --- Art. 5: delays, readiness, start ------------------------------------------------------


def test_signed_convention_is_delayed_the_day_after_the_planned_start() -> None:
    # No start by Monday 4 May 2026 (the planned start): delayed from Tuesday 5 May.
    model = model_of()
    assert model.state_on(D(2026, 5, 4)) == "signed"
    assert model.state_on(D(2026, 5, 5)) == "delayed"
    # A reported delay makes it delayed at once, whatever its cause.
    model.apply(ev("delay_reported", D(2026, 4, 20), cause="provider"))
    assert model.state_on(D(2026, 4, 20)) == "delayed"
    model.apply(ev("experiment_started", D(2026, 6, 1)))
    assert model.state_on(D(2026, 6, 1)) == "experimenting"
    assert refusal(model, ev("delay_reported", D(2026, 6, 2), cause="provider")) == "Art. 5"


def test_latest_delay_decides_the_cause() -> None:
    model = model_of(
        ev("delay_reported", D(2026, 4, 20), cause="beneficiary"),
        ev("delay_reported", D(2026, 4, 25), cause="provider"),
    )
    not_ready = ev(
        "breach_recorded",
        D(2026, 5, 4),
        obligation="ready_on_planned_date",
        impedes_experiment=True,
    )
    # The provider's delay (Art. 5 al. 4) now explains the late start: no breach of al. 3.
    assert refusal(model, not_ready) == "Art. 5 al. 3"
    model.apply(ev("delay_reported", D(2026, 5, 6), cause="beneficiary"))
    assert model.check({**not_ready, "on": D(2026, 5, 6)}) is None


def test_ready_on_planned_date_not_before_the_planned_start() -> None:
    model = model_of()  # no delay reported: allowed from the planned start
    not_ready = ev("breach_recorded", D(2026, 5, 3), obligation="ready_on_planned_date")
    assert refusal(model, not_ready) == "Art. 5 al. 3"
    model.apply({**not_ready, "on": D(2026, 5, 4), "impedes_experiment": False})
    # « impedes_experiment is then true by nature ».
    assert breach(model, D(2026, 5, 4), "B1")["impedes_experiment"] is True


def test_beneficiary_ready_ends_the_beneficiary_cause() -> None:
    model = model_of(
        ev("delay_reported", D(2026, 4, 20), cause="beneficiary"),
        ev("beneficiary_ready", D(2026, 4, 28), details="prêts"),
    )
    assert model.state_on(D(2026, 4, 28)) == "delayed"  # ready, not started
    not_ready = ev("breach_recorded", D(2026, 5, 4), obligation="ready_on_planned_date")
    assert refusal(model, not_ready) == "Art. 5 al. 3"
    assert "beneficiary_ready" in model.allowed_on(D(2026, 5, 4))
    assert "beneficiary_ready" not in started().allowed_on(D(2026, 5, 12))
    assert "beneficiary_ready" not in ReferenceModel(convention()).allowed_on(D(2026, 3, 1))


def test_readiness_during_the_breach_remedies_it_in_time_or_late() -> None:
    # B1 ready_on_planned_date on Mon 4 May 2026, notice Tue 5 May: 5 May + 30 = Thu 4 Jun.
    events = [
        ev("breach_recorded", D(2026, 5, 4), obligation="ready_on_planned_date"),
        ev("formal_notice_sent", D(2026, 5, 5), letter_reference="L"),
    ]
    in_time = model_of(*events, ev("beneficiary_ready", D(2026, 6, 4)))
    b1 = breach(in_time, D(2026, 6, 4), "B1")
    assert (b1["open"], b1["remedied_on"], b1["late"], b1["still_ground"]) == (
        False,
        D(2026, 6, 4),
        False,
        False,
    )
    assert in_time.state_on(D(2026, 6, 4)) == "delayed"  # the return state
    late = model_of(*events, ev("experiment_started", D(2026, 6, 5)))
    b1 = breach(late, D(2026, 6, 5), "B1")
    assert (b1["open"], b1["late"], b1["accepted_late"], b1["still_ground"]) == (
        False,
        True,
        False,
        True,
    )
    assert late.state_on(D(2026, 6, 5)) == "experimenting"


# --- Art. 12: several breaches, each its own letter and thirty days ----------------------


def two_breaches(*events: dict[str, Any]) -> ReferenceModel:
    """Started 11 May 2026; B1 (share_data) on Mon 2 Nov, B2 (attend_meetings) on Tue
    10 Nov 2026."""
    return started(
        ev("breach_recorded", D(2026, 11, 2), obligation="share_data", impedes_experiment=True),
        ev("breach_recorded", D(2026, 11, 10), obligation="attend_meetings"),
        *events,
    )


def test_two_breaches_each_get_their_own_thirty_days() -> None:
    model = two_breaches(
        ev("formal_notice_sent", D(2026, 11, 20), breach="B1", letter_reference="L1")
    )
    # B1's letter sent Fri 20 Nov 2026: day 30 is Sun 20 Dec → Mon 21 Dec 2026. B2 has no
    # letter yet: the convention is still in_breach, but B1's deadline shows.
    assert model.state_on(D(2026, 11, 20)) == "in_breach"
    assert model.remedy_deadline_on(D(2026, 11, 20)) == D(2026, 12, 21)
    # B2's letter sent Wed 2 Dec 2026: day 30 is Fri 1 Jan 2027, a holiday, then a weekend
    # → Mon 4 Jan 2027. Every open breach has had its letter: remedy_period.
    model.apply(ev("formal_notice_sent", D(2026, 12, 2), breach="B2", letter_reference="L2"))
    assert model.state_on(D(2026, 12, 2)) == "remedy_period"
    assert breach(model, D(2026, 12, 2), "B2")["remedy_deadline"] == D(2027, 1, 4)
    assert model.remedy_deadline_on(D(2026, 12, 2)) == D(2026, 12, 21)  # the earliest
    # B1 remedied on its deadline: in time. B2 still runs: its deadline is now the top one.
    model.apply(ev("breach_remedied", D(2026, 12, 21), breach="B1"))
    assert model.state_on(D(2026, 12, 21)) == "remedy_period"
    assert model.remedy_deadline_on(D(2026, 12, 21)) == D(2027, 1, 4)
    # B1 remedied in time is no ground; B2 (the only one open, so it may go unnamed) is
    # not past its deadline.
    assert refusal(model, termination(D(2026, 12, 22), "breach", breach="B1")) == "Art. 12 al. 1"
    assert refusal(model, termination(D(2027, 1, 4), "breach")) == "Art. 12 al. 1"
    assert model.check(termination(D(2027, 1, 5), "breach")) is None


def test_breach_field_may_be_left_out_only_with_one_open_breach() -> None:
    model = two_breaches()
    # Two open breaches: the letter must say which one.
    assert refusal(model, ev("formal_notice_sent", D(2026, 11, 20), letter_reference="L")) is None
    assert refusal(model, ev("breach_remedied", D(2026, 11, 20), breach="B7")) is None
    model.apply(ev("breach_remedied", D(2026, 11, 20), breach="B2"))
    model.apply(ev("formal_notice_sent", D(2026, 11, 20), letter_reference="L"))  # B1
    assert breach(model, D(2026, 11, 20), "B1")["notice_sent_on"] == D(2026, 11, 20)
    # A second letter for the same breach is refused.
    second = ev("formal_notice_sent", D(2026, 11, 21), breach="B1", letter_reference="L")
    assert refusal(model, second) == "Art. 12 al. 1"


def test_default_labels_follow_the_order_of_recording() -> None:
    model = two_breaches()
    assert [b["breach"] for b in model.breaches_on(D(2026, 11, 10))] == ["B1", "B2"]
    same = ev("breach_recorded", D(2026, 11, 11), breach="B1", obligation="free_access")
    assert refusal(model, same) is None  # a label is unique in the file
    model.apply({**same, "breach": "accès"})
    assert model.breaches_on(D(2026, 11, 11))[-1]["breach"] == "accès"


def test_a_new_failure_during_another_breachs_thirty_days() -> None:
    model = started(
        ev("breach_recorded", D(2026, 11, 2), obligation="share_data"),
        ev("formal_notice_sent", D(2026, 11, 20), letter_reference="L1"),
    )
    assert model.state_on(D(2026, 11, 20)) == "remedy_period"
    model.apply(ev("breach_recorded", D(2026, 11, 25), obligation="provide_staff"))
    assert model.state_on(D(2026, 11, 25)) == "in_breach"  # B2 has no letter yet


def test_remedy_on_the_deadline_is_in_time() -> None:
    # Letter Fri 20 Nov 2026 → deadline Mon 21 Dec 2026.
    model = started(
        ev("breach_recorded", D(2026, 11, 2), obligation="share_data"),
        ev("formal_notice_sent", D(2026, 11, 20), letter_reference="L"),
        ev("breach_remedied", D(2026, 12, 21)),
    )
    b1 = breach(model, D(2026, 12, 21), "B1")
    assert (b1["late"], b1["closed_as"], b1["still_ground"]) == (False, "remedied", False)
    assert model.state_on(D(2026, 12, 21)) == "experimenting"


def test_late_remedy_closes_the_breach_but_keeps_the_ground() -> None:
    events = [
        ev("breach_recorded", D(2026, 11, 2), obligation="share_data", impedes_experiment=True),
        ev("formal_notice_sent", D(2026, 11, 20), letter_reference="L"),
    ]
    # Remedied Tue 22 Dec 2026, the day after the deadline (Mon 21 Dec): accepted as a
    # fact, the convention returns to experimenting, the breach stays a ground.
    model = started(*events, ev("breach_remedied", D(2026, 12, 22)))
    assert model.state_on(D(2026, 12, 22)) == "experimenting"
    b1 = breach(model, D(2026, 12, 22), "B1")
    assert (b1["open"], b1["late"], b1["accepted_late"], b1["still_ground"]) == (
        False,
        True,
        False,
        True,
    )
    assert "termination:breach" in model.allowed_on(D(2026, 12, 23))
    model.apply(termination(D(2026, 12, 23), "breach", breach="B1"))
    assert model.advisories_on(D(2026, 12, 23)) == [
        # events: 2 signatures, the start, the breach, the letter, the remedy (index 5),
        # the termination (index 6)
        ("breach_termination_without_art9", 6),
        ("termination_after_late_remedy", 6),
        ("termination_without_notification_date", 6),
    ]
    # Art. 12 al. 2: not remedied « dans le délai »: the indemnity may be claimed.
    assert model.indemnity_due(D(2026, 12, 23)) == (True, [])


def test_late_remedy_accepted_by_the_metropole_is_as_if_in_time() -> None:
    model = started(
        ev("breach_recorded", D(2026, 11, 2), obligation="share_data", impedes_experiment=True),
        ev("formal_notice_sent", D(2026, 11, 20), letter_reference="L"),
        ev("breach_remedied", D(2026, 12, 22), accepted_late=True),
    )
    b1 = breach(model, D(2026, 12, 22), "B1")
    assert (b1["late"], b1["accepted_late"], b1["still_ground"]) == (True, True, False)
    assert "termination:breach" not in model.allowed_on(D(2026, 12, 23))
    late = termination(D(2026, 12, 23), "breach", breach="B1")
    assert refusal(model, late) == "Art. 12 al. 1"


def test_the_return_state_follows_the_life_during_a_breach() -> None:
    # Breach recorded Mon 20 Apr 2026, before the planned start (4 May): returns to signed.
    model = model_of(ev("breach_recorded", D(2026, 4, 20), obligation="designate_referent"))
    assert model.return_state_on(D(2026, 4, 20)) == "signed"
    # The planned start passes during the breach: it would return to delayed.
    assert model.state_on(D(2026, 5, 5)) == "in_breach"
    assert model.return_state_on(D(2026, 5, 5)) == "delayed"
    # Life goes on: the experiment starts during the breach.
    model.apply(ev("experiment_started", D(2026, 5, 11)))
    assert model.state_on(D(2026, 5, 11)) == "in_breach"
    assert model.return_state_on(D(2026, 5, 11)) == "experimenting"
    model.apply(ev("breach_remedied", D(2026, 5, 12)))
    assert model.state_on(D(2026, 5, 12)) == "experimenting"
    assert model.return_state_on(D(2026, 5, 12)) is None  # no breach: no return state


def test_delay_reported_during_a_breach_updates_the_return_state() -> None:
    model = model_of(
        ev("breach_recorded", D(2026, 4, 1), obligation="designate_referent"),
        ev("delay_reported", D(2026, 4, 2), cause="metropole"),
    )
    assert model.state_on(D(2026, 4, 2)) == "in_breach"
    assert model.return_state_on(D(2026, 4, 2)) == "delayed"


# --- Art. 9: the procedure, the experiment stopped ---------------------------------------


def art9_case(*events: dict[str, Any], **options: Any) -> ReferenceModel:
    """Started 11 May 2026; B1 substantial modification on Mon 2 Nov, B2 share_data on
    Tue 3 Nov; B1's justifications examined Thu 5 Nov, representatives heard Fri 6 Nov,
    letter Fri 20 Nov 2026 → deadline Mon 21 Dec 2026."""
    return started(
        ev(
            "breach_recorded",
            D(2026, 11, 2),
            obligation="substantial_modification_without_consent",
            impedes_experiment=True,
        ),
        ev("breach_recorded", D(2026, 11, 3), obligation="share_data"),
        ev("justifications_examined", D(2026, 11, 5), breach="B1"),
        ev("representatives_heard", D(2026, 11, 6), breach="B1"),
        ev("formal_notice_sent", D(2026, 11, 20), breach="B1", letter_reference="L"),
        *events,
        **options,
    )


def test_art9_steps_are_recorded_per_breach() -> None:
    model = art9_case()
    assert breach(model, D(2026, 11, 20), "B1")["art9_steps"] == {
        "justifications_examined": D(2026, 11, 5),
        "representatives_heard": D(2026, 11, 6),
    }
    assert breach(model, D(2026, 11, 20), "B2")["art9_steps"] == {}


def test_experiment_stopped_ends_the_experiment_not_the_convention() -> None:
    model = art9_case()
    stop = ev("experiment_stopped", D(2026, 12, 21), breach="B1", reason="fin (Art. 9)")
    assert refusal(model, stop) == "Art. 9"  # on the deadline: the thirty days still run
    model.apply({**stop, "on": D(2026, 12, 22)})
    # B2 is still open without a letter: in_breach, returning to experiment_stopped.
    assert model.state_on(D(2026, 12, 22)) == "in_breach"
    assert model.return_state_on(D(2026, 12, 22)) == "experiment_stopped"
    b1 = breach(model, D(2026, 12, 22), "B1")
    assert (b1["open"], b1["closed_as"], b1["still_ground"]) == (False, "sanctioned", True)
    model.apply(ev("breach_remedied", D(2026, 12, 23), breach="B2"))
    assert model.state_on(D(2026, 12, 23)) == "experiment_stopped"
    # Still in force: the Art. 8 data transfer may be breached after the stop, …
    assert "breach_recorded" in model.allowed_on(D(2026, 12, 24))
    assert "experiment_started" not in model.allowed_on(D(2026, 12, 24))
    # … the sanctioned breach stays a ground for termination, …
    assert model.check(termination(D(2026, 12, 24), "sanction", breach="B1")) is None
    # … and it ends the day after its end date, like any in-force state.
    assert model.state_on(D(2027, 9, 30)) == "experiment_stopped"
    assert model.state_on(D(2027, 10, 1)) == "ended"


def test_experiment_stopped_needs_the_art9_procedure() -> None:
    model = started(
        ev("breach_recorded", D(2026, 11, 2), obligation="share_data"),
        ev("formal_notice_sent", D(2026, 11, 20), letter_reference="L"),
    )
    stop = ev("experiment_stopped", D(2026, 12, 22), reason="fin")
    assert refusal(model, stop) == "Art. 9"  # no justifications examined, nobody heard
    assert "experiment_stopped" not in model.allowed_on(D(2026, 12, 22))


def test_experiment_stopped_only_while_experimenting_or_in_breach() -> None:
    # A late remedy by the start leaves a ground, but the state is experimenting: allowed;
    # before any start, with no breach open (delayed), the table does not allow it.
    events = [
        ev("breach_recorded", D(2026, 5, 4), obligation="ready_on_planned_date"),
        ev("justifications_examined", D(2026, 5, 5)),
        ev("representatives_heard", D(2026, 5, 5)),
        ev("formal_notice_sent", D(2026, 5, 5), letter_reference="L"),  # → Thu 4 Jun 2026
    ]
    late_start = model_of(*events, ev("experiment_started", D(2026, 6, 8)))
    stop = ev("experiment_stopped", D(2026, 6, 9), breach="B1", reason="fin")
    assert late_start.check(stop) is None
    late_ready = model_of(*events, ev("beneficiary_ready", D(2026, 6, 8)))
    assert late_ready.state_on(D(2026, 6, 9)) == "delayed"
    assert refusal(late_ready, stop) == "Art. 9"


def test_art9_steps_only_for_a_breach_still_a_ground() -> None:
    model = started(
        ev("breach_recorded", D(2026, 11, 2), obligation="share_data"),
        ev("breach_remedied", D(2026, 11, 3)),
    )
    heard = ev("representatives_heard", D(2026, 11, 4), breach="B1")
    assert refusal(model, heard) == "Art. 9"


def test_sanction_needs_the_art9_steps_and_the_thirty_days() -> None:
    # Default: Art. 9 steps and Art. 12's thirty days both protect the beneficiary.
    model = art9_case()
    assert refusal(model, termination(D(2026, 12, 21), "sanction", breach="B1")) == "Art. 9"
    assert model.check(termination(D(2026, 12, 22), "sanction", breach="B1")) is None
    # B2: no step recorded.
    assert refusal(model, termination(D(2026, 12, 22), "sanction", breach="B2")) == "Art. 9"
    # Option: the Art. 9 steps suffice, before the deadline (even on the day of the letter).
    lenient = art9_case(sanction_requires_remedy_period=False)
    assert lenient.check(termination(D(2026, 11, 20), "sanction", breach="B1")) is None


def test_breach_termination_without_the_art9_steps_is_allowed_with_an_advisory() -> None:
    model = started(
        ev("breach_recorded", D(2026, 11, 2), obligation="share_data", impedes_experiment=True),
        ev("formal_notice_sent", D(2026, 11, 20), letter_reference="L"),
        termination(D(2026, 12, 22), "breach", notified_on=D(2026, 12, 23)),
    )
    assert model.advisories_on(D(2026, 12, 22)) == [("breach_termination_without_art9", 5)]


# --- not ready on the planned date (Art. 5 al. 3 read with Art. 12) -----------------------


def not_ready_case(*events: dict[str, Any], **options: Any) -> ReferenceModel:
    """A beneficiary delay (20 Apr 2026), B1 ready_on_planned_date on Mon 4 May."""
    return model_of(
        ev("delay_reported", D(2026, 4, 20), cause="beneficiary"),
        ev("breach_recorded", D(2026, 5, 4), obligation="ready_on_planned_date"),
        *events,
        **options,
    )


def test_not_ready_goes_through_the_notice() -> None:
    model = not_ready_case()
    # No letter yet: the ground is closed (version 1 allowed it from 5 May).
    assert refusal(model, termination(D(2026, 5, 5), "not_ready")) == "Art. 5 al. 3"
    # Letter Tue 5 May 2026: 26 days to 31 May, 4 more → Thu 4 Jun 2026.
    model.apply(ev("formal_notice_sent", D(2026, 5, 5), letter_reference="L"))
    assert model.remedy_deadline_on(D(2026, 5, 5)) == D(2026, 6, 4)
    assert refusal(model, termination(D(2026, 6, 4), "not_ready")) == "Art. 5 al. 3"
    assert "termination:not_ready" in model.allowed_on(D(2026, 6, 5))
    model.apply(termination(D(2026, 6, 5), "not_ready", notified_on=D(2026, 6, 8)))
    assert model.state_on(D(2026, 6, 8)) == "terminated"
    # Not ready « empêche le démarrage »: the indemnity may be claimed once in effect.
    assert model.indemnity_due(D(2026, 6, 7)) == (False, ["no_termination"])
    assert model.indemnity_due(D(2026, 6, 8)) == (True, [])


def test_not_ready_only_names_a_ready_on_planned_date_breach() -> None:
    model = started(
        ev("breach_recorded", D(2026, 11, 2), obligation="share_data"),
        ev("formal_notice_sent", D(2026, 11, 20), letter_reference="L"),
    )
    assert refusal(model, termination(D(2026, 12, 22), "not_ready")) == "Art. 5 al. 3"


def test_not_ready_without_notice_is_an_option_with_an_advisory() -> None:
    # Version 1's reading: from the day after the planned start, with the beneficiary the
    # current cause of delay; no breach recorded.
    model = model_of(
        ev("delay_reported", D(2026, 4, 20), cause="beneficiary"), not_ready_notice_required=False
    )
    assert refusal(model, termination(D(2026, 5, 4), "not_ready")) == "Art. 5 al. 3"
    model.apply(termination(D(2026, 5, 5), "not_ready", notified_on=D(2026, 5, 5)))
    assert model.advisories_on(D(2026, 5, 5)) == [("not_ready_without_notice", 3)]
    # The indemnity still needs a breach whose thirty days ran out.
    assert model.indemnity_due(D(2026, 5, 5)) == (False, ["no_breach_named"])
    # A provider delay reported last closes it again.
    other = model_of(
        ev("delay_reported", D(2026, 4, 20), cause="beneficiary"),
        ev("delay_reported", D(2026, 4, 21), cause="provider"),
        not_ready_notice_required=False,
    )
    assert refusal(other, termination(D(2026, 5, 5), "not_ready")) == "Art. 5 al. 3"


# --- who may terminate, on which ground ---------------------------------------------------


def test_interruption_by_the_metropole_with_a_reason_only() -> None:
    model = model_of()
    assert model.check(termination(D(2026, 3, 18), "interruption", reason=REASON)) is None
    # Between public persons only a reason of general interest allows it (CE Béziers).
    assert refusal(model, termination(D(2026, 3, 18), "interruption")) == "Art. 12 al. 1"
    blank = termination(D(2026, 3, 18), "interruption", reason="  ")
    assert refusal(model, blank) == "Art. 12 al. 1"
    by_beneficiary = termination(D(2026, 3, 18), "interruption", by="beneficiary", reason=REASON)
    assert refusal(model, by_beneficiary) == "Art. 12 al. 1"
    # Not before the convention is in force.
    draft = ReferenceModel(convention(SIGNATURES[:1]))
    assert refusal(draft, termination(D(2026, 3, 13), "interruption", reason=REASON)) == (
        "Art. 12 al. 1"
    )


def test_interruption_with_an_open_breach_gives_an_advisory() -> None:
    model = started(
        ev("breach_recorded", D(2026, 11, 2), obligation="share_data", impedes_experiment=True),
        termination(D(2026, 11, 3), "interruption", reason=REASON, notified_on=D(2026, 11, 4)),
    )
    assert model.advisories_on(D(2026, 11, 4)) == [("interruption_with_open_breach", 4)]
    # Terminated on this ground, the Métropole forgoes the Art. 12 al. 2 indemnity.
    assert model.indemnity_due(D(2026, 11, 4)) == (
        False,
        ["ground_not_for_breach", "no_breach_named"],
    )


def test_common_agreement_by_either_party_without_reason() -> None:
    for by in ("metropole", "beneficiary", "judge"):
        model = model_of(termination(D(2026, 4, 1), "common_agreement", by=by))
        assert model.state_on(D(2026, 4, 1)) == "terminated"
        assert model.advisories_on(D(2026, 4, 1)) == []  # bilateral: no notification advisory
        assert model.indemnity_due(D(2026, 4, 1))[0] is False


def test_force_majeure_by_the_metropole_or_the_judge_always_with_an_advisory() -> None:
    model = model_of()
    fm = termination(D(2026, 4, 1), "force_majeure", reason="incendie du bâtiment")
    assert model.check(fm) is None
    assert model.check({**fm, "by": "judge"}) is None
    # The beneficiary goes to the judge for force majeure.
    assert refusal(model, {**fm, "by": "beneficiary"}) == "C. civ. 1218"
    assert refusal(model, {**fm, "reason": None}) == "C. civ. 1218"
    model.apply({**fm, "by": "judge"})
    # A judgment takes effect on its date; no notification advisory.
    assert model.advisories_on(D(2026, 4, 1)) == [("force_majeure", 2)]
    assert model.state_on(D(2026, 4, 1)) == "terminated"


def test_general_interest_is_the_beneficiarys_ground() -> None:
    model = model_of()
    gi = termination(D(2026, 4, 1), "general_interest", by="beneficiary", reason=REASON)
    assert "termination:general_interest" in model.allowed_on(D(2026, 4, 1))
    assert refusal(model, {**gi, "by": "metropole"}) == "CE Béziers 2015"
    assert refusal(model, {**gi, "reason": ""}) == "CE Béziers 2015"
    assert refusal(model, {**gi, "basis": "lassitude"}) is None
    model.apply({**gi, "basis": "cause_disappeared"})
    assert model.advisories_on(D(2026, 4, 1)) == [
        ("general_interest_by_beneficiary", 2),
        ("termination_without_notification_date", 2),
    ]
    assert model.termination_on(D(2026, 4, 1)) == {
        "on": D(2026, 4, 1),
        "notified_on": None,
        "effective_on": D(2026, 4, 1),
        "ground": "general_interest",
        "by": "beneficiary",
        "reason": REASON,
    }


def test_the_beneficiary_may_not_terminate_for_breach() -> None:
    model = started(
        ev("breach_recorded", D(2026, 11, 2), obligation="share_data"),
        ev("formal_notice_sent", D(2026, 11, 20), letter_reference="L"),
    )
    by_beneficiary = termination(D(2026, 12, 22), "breach", by="beneficiary", reason=REASON)
    assert refusal(model, by_beneficiary) == "Art. 12 al. 1"


def test_a_judge_terminates_on_the_ground_the_judgment_states() -> None:
    # No letter was sent: the Métropole could not terminate for breach, a judgment can.
    model = started(ev("breach_recorded", D(2026, 11, 2), obligation="share_data"))
    judgment = termination(D(2026, 11, 10), "breach", by="judge", reason="jugement du TA")
    assert refusal(model, {**judgment, "by": "metropole"}) == "Art. 12 al. 1"
    assert refusal(model, {**judgment, "reason": None}) == "Art. 12 al. 1"
    model.apply({**judgment, "effective_on": D(2026, 11, 30)})
    assert model.state_on(D(2026, 11, 29)) == "in_breach"
    assert model.state_on(D(2026, 11, 30)) == "terminated"
    assert model.advisories_on(D(2026, 11, 30)) == []
    assert model.indemnity_due(D(2026, 11, 30)) == (
        False,
        ["not_by_metropole", "breach_not_impeding", "no_formal_notice"],
    )


# --- notification and effective dates -----------------------------------------------------


def decided(**fields: Any) -> ReferenceModel:
    """Started 11 May 2026, a breach B1 on Mon 2 Nov 2026; an interruption decided Mon
    16 Nov 2026, notified Thu 19 Nov."""
    return started(
        ev("breach_recorded", D(2026, 11, 2), obligation="share_data"),
        termination(
            D(2026, 11, 16), "interruption", reason=REASON, notified_on=D(2026, 11, 19), **fields
        ),
    )


def test_termination_takes_effect_on_notification() -> None:
    model = decided()
    # Decided but not notified: the state is unchanged, the decision shows.
    assert model.state_on(D(2026, 11, 18)) == "in_breach"
    assert model.termination_on(D(2026, 11, 18)) == {
        "on": D(2026, 11, 16),
        "notified_on": D(2026, 11, 19),
        "effective_on": D(2026, 11, 19),
        "ground": "interruption",
        "by": "metropole",
        "reason": REASON,
    }
    assert model.termination_on(D(2026, 11, 15)) is None
    assert model.state_on(D(2026, 11, 19)) == "terminated"
    assert model.state_on(D(2030, 1, 1)) == "terminated"  # final: never « ended »


def test_between_decision_and_effect_only_art9_steps_and_remedies() -> None:
    model = decided(effective_on=D(2026, 11, 30))
    day = D(2026, 11, 20)
    assert model.allowed_on(day) == {
        "breach_remedied",
        "justifications_examined",
        "representatives_heard",
    }
    assert refusal(model, ev("amendment_signed", day, changes={"market_beneficiaries": 2})) is None
    assert refusal(model, termination(day, "common_agreement")) is None
    model.apply(ev("breach_remedied", day))  # does not undo the decision
    assert model.state_on(day) == "experimenting"
    assert model.state_on(D(2026, 11, 30)) == "terminated"


def test_termination_dates_are_checked() -> None:
    model = started()
    base = termination(D(2026, 11, 16), "interruption", reason=REASON)
    assert refusal(model, {**base, "notified_on": D(2026, 11, 15)}) is None  # before `on`
    early = {**base, "notified_on": D(2026, 11, 19), "effective_on": D(2026, 11, 18)}
    assert refusal(model, early) is None  # effective before notified
    # After the end date (30 Sep 2027) the convention ends by itself.
    assert refusal(model, {**base, "effective_on": D(2027, 10, 1)}) == "Art. 2"
    assert model.check({**base, "effective_on": D(2027, 9, 30)}) is None


def test_termination_without_notification_date_gives_an_advisory() -> None:
    model = started(termination(D(2026, 11, 16), "interruption", reason=REASON))
    assert model.termination_on(D(2026, 11, 16))["effective_on"] == D(2026, 11, 16)  # type: ignore[index]
    assert model.advisories_on(D(2026, 11, 16)) == [("termination_without_notification_date", 3)]
    assert model.state_on(D(2026, 11, 16)) == "terminated"


# --- Art. 3: the procurement ------------------------------------------------------------


def test_unsuccessful_procurement_not_definitive_gives_an_advisory() -> None:
    model = model_of(ev("procurement_unsuccessful", D(2026, 4, 1), details="aucune offre"))
    assert model.state_on(D(2026, 4, 1)) == "signed"
    assert model.advisories_on(D(2026, 4, 1)) == [("procurement_not_definitive", 2)]


def test_definitive_unsuccessful_procurement_makes_it_lapsed() -> None:
    model = model_of(ev("procurement_unsuccessful", D(2026, 4, 1), definitive=True))
    assert model.state_on(D(2026, 4, 1)) == "lapsed"
    assert model.state_on(D(2028, 1, 1)) == "lapsed"  # final: not ended
    assert refusal(model, ev("delay_reported", D(2026, 4, 2), cause="provider")) == "Art. 3"
    # Also before every signature.
    draft = ReferenceModel(
        convention([ev("procurement_unsuccessful", D(2026, 2, 1), definitive=True)])
    )
    assert draft.state_on(D(2026, 2, 1)) == "lapsed"
    # Not once the experiment has started: the procedure was fruitful.
    assert refusal(started(), ev("procurement_unsuccessful", D(2026, 6, 1))) == "Art. 3"


# --- Art. 11: amendments -----------------------------------------------------------------


def test_amendment_moves_the_end_date() -> None:
    model = started(ev("amendment_signed", D(2027, 9, 1), changes={"end_date": "2027-12-31"}))
    assert model.state_on(D(2027, 10, 1)) == "experimenting"
    assert model.state_on(D(2028, 1, 1)) == "ended"
    # Earlier, but not before its own date.
    back = ev("amendment_signed", D(2027, 9, 2), changes={"end_date": D(2027, 9, 1)})
    assert refusal(model, back) == "Art. 11"
    model.apply({**back, "changes": {"end_date": D(2027, 9, 2)}})
    assert model.state_on(D(2027, 9, 2)) == "experimenting"
    assert model.state_on(D(2027, 9, 3)) == "ended"


def test_amendment_moves_the_planned_start() -> None:
    # Planned start moved from 4 May to 1 Jun 2026: not delayed on 5 May any more.
    model = model_of(
        ev("amendment_signed", D(2026, 4, 1), changes={"indicative_start": D(2026, 6, 1)})
    )
    assert model.state_on(D(2026, 5, 5)) == "signed"
    assert model.state_on(D(2026, 6, 2)) == "delayed"


def test_amendment_in_draft_but_not_in_a_final_state() -> None:
    draft = ReferenceModel(convention(SIGNATURES[:1]))
    assert "amendment_signed" in draft.allowed_on(D(2026, 3, 13))
    ended = model_of()
    assert refusal(ended, ev("amendment_signed", D(2027, 10, 1), changes={})) == "Art. 2"


# --- the Article 12 indemnity --------------------------------------------------------------


def test_indemnity_needs_an_impeding_breach() -> None:
    model = started(
        ev("breach_recorded", D(2026, 11, 2), obligation="share_data", impedes_experiment=False),
        ev("formal_notice_sent", D(2026, 11, 20), letter_reference="L"),
        termination(D(2026, 12, 22), "breach", notified_on=D(2026, 12, 22)),
    )
    assert model.indemnity_due(D(2026, 12, 22)) == (False, ["breach_not_impeding"])


def test_indemnity_needs_the_thirty_days_run_out_whatever_the_options() -> None:
    # Option: sanction without the remedy period. Decided on the letter's day (Fri 20 Nov
    # 2026), notified Mon 30 Nov; B1 remedied in between, on Wed 25 Nov, within its thirty
    # days (deadline Mon 21 Dec 2026).
    model = art9_case(
        termination(D(2026, 11, 20), "sanction", breach="B1", notified_on=D(2026, 11, 30)),
        ev("breach_remedied", D(2026, 11, 25), breach="B1"),
        sanction_requires_remedy_period=False,
    )
    assert model.state_on(D(2026, 11, 30)) == "terminated"
    # Decided before the deadline, and remedied within the thirty days: both unmet.
    assert model.indemnity_due(D(2026, 11, 30)) == (
        False,
        ["remedy_period_not_over", "remedied_in_time"],
    )
    # Without the remedy, the deadline had still not passed when the Métropole decided.
    unremedied = art9_case(
        termination(D(2026, 11, 20), "sanction", breach="B1"),
        sanction_requires_remedy_period=False,
    )
    assert unremedied.indemnity_due(D(2027, 1, 1)) == (False, ["remedy_period_not_over"])


def test_indemnity_needs_a_formal_notice() -> None:
    # Sanction under the option, no letter ever sent.
    model = started(
        ev("breach_recorded", D(2026, 11, 2), obligation="share_data", impedes_experiment=True),
        ev("justifications_examined", D(2026, 11, 5)),
        ev("representatives_heard", D(2026, 11, 6)),
        termination(D(2026, 11, 9), "sanction", notified_on=D(2026, 11, 9)),
        sanction_requires_remedy_period=False,
    )
    assert model.indemnity_due(D(2026, 11, 9)) == (False, ["no_formal_notice"])


def test_indemnity_after_a_sanction_in_due_form() -> None:
    model = art9_case(
        termination(D(2026, 12, 22), "sanction", breach="B1", notified_on=D(2026, 12, 24))
    )
    assert model.indemnity_due(D(2026, 12, 23)) == (False, ["no_termination"])
    assert model.indemnity_due(D(2026, 12, 24)) == (True, [])
    assert model.advisories_on(D(2026, 12, 24)) == []


def test_indemnity_after_a_stop_then_a_termination() -> None:
    model = art9_case(
        ev("experiment_stopped", D(2026, 12, 22), breach="B1", reason="fin"),
        ev("breach_remedied", D(2026, 12, 23), breach="B2"),
        termination(D(2027, 1, 5), "breach", breach="B1", notified_on=D(2027, 1, 6)),
    )
    assert model.state_on(D(2027, 1, 6)) == "terminated"
    assert model.indemnity_due(D(2027, 1, 6)) == (True, [])


# --- the triggers allowed on a date --------------------------------------------------------


def test_allowed_triggers_by_state() -> None:
    draft = ReferenceModel(convention())
    assert draft.allowed_on(D(2026, 3, 1)) == {
        "signature",
        "amendment_signed",
        "procurement_unsuccessful",
    }
    model = model_of()
    assert model.allowed_on(D(2026, 3, 20)) == {
        "delay_reported",
        "beneficiary_ready",
        "experiment_started",
        "breach_recorded",
        "procurement_unsuccessful",
        "amendment_signed",
        "termination:interruption",
        "termination:common_agreement",
        "termination:force_majeure",
        "termination:general_interest",
    }
    model.apply(ev("breach_recorded", D(2026, 3, 20), obligation="designate_referent"))
    assert model.allowed_on(D(2026, 3, 20)) == {
        "delay_reported",
        "beneficiary_ready",
        "experiment_started",
        "breach_recorded",
        "formal_notice_sent",
        "breach_remedied",
        "justifications_examined",
        "representatives_heard",
        "amendment_signed",
        "termination:interruption",
        "termination:common_agreement",
        "termination:force_majeure",
        "termination:general_interest",
    }
    # As it stood on a day before the breach.
    assert "formal_notice_sent" not in model.allowed_on(D(2026, 3, 19))
    assert model.allowed_on(D(2026, 3, 19)) <= set(TRIGGERS)


# --- the storylines ----------------------------------------------------------------------


def test_storylines_are_deterministic_and_dated_in_order_when_accepted() -> None:
    assert steered(7) == steered(7)
    assert storyline(8) == storyline(8)
    for _, conv, events in sequences(60):
        model = ReferenceModel(conv)
        results = model.apply_all(events)
        accepted = [e["on"] for e, r in zip(events, results, strict=True) if r is None]
        assert accepted == sorted(accepted)


def test_storylines_reach_every_state_ground_and_advisory() -> None:
    states: set[str] = set()
    grounds: set[str] = set()
    codes: set[str] = set()
    for plot in PLOTS:
        for seed in range(25):
            conv, events = storyline(seed, plot)
            model = ReferenceModel(conv)
            model.apply_all(events)
            for event in model.events:
                states.add(model.state_on(event["on"]))
            last = model.last_date() or D(2026, 1, 1)
            states.add(model.state_on(model.end_date_on() + dt.timedelta(days=1)))
            termination_ = model.termination_on(last)
            if termination_ is not None:
                grounds.add(termination_["ground"])
            codes |= {code for code, _ in model.advisories_on(last)}
    assert states == set(STATES)
    assert grounds == set(GROUNDS)
    assert codes >= set(ADVISORY_CODES) - {"not_ready_without_notice"}
    assert states >= FINAL
