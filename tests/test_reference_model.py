"""The reference model itself, checked by hand (issue 7).

Each expected value below was computed by hand, from a printed calendar and RULES.md,
not with the library; the comment or the case's reason says how.
"""

from __future__ import annotations

import ast
import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from reference_model import (
    FINAL,
    STATES,
    TRANSITIONS,
    ReferenceModel,
    Refused,
    add_months,
    easter_sunday,
    is_working_day,
    public_holidays,
    remedy_deadline,
    usage_last_day,
)

D = dt.date


def test_shares_no_code_with_the_library() -> None:
    source = (Path(__file__).parent / "reference_model.py").read_text(encoding="utf-8")
    imported: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            imported |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            imported.add((node.module or "").split(".")[0])
    assert imported <= {"__future__", "datetime", "typing"}


# --- Easter and the public holidays ------------------------------------------------------


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
        # 20 Nov + 30 = 20 Dec 2026; 1 Jan 2026 is a Thursday, 20 Dec is day 354, 353 days
        # later, 353 = 50 weeks + 3 days: a Sunday → Monday 21 December.
        (D(2026, 11, 20), D(2026, 12, 21), "day 30 is a Sunday"),
        # 2 Dec + 30 = 1 Jan 2027, a Friday and a holiday; Sat 2, Sun 3 → Monday 4.
        (D(2026, 12, 2), D(2027, 1, 4), "day 30 is Friday 1 January 2027, then a weekend"),
        # 25 Apr + 30 = 25 May 2026, Whit Monday → Tuesday 26 May.
        (D(2026, 4, 25), D(2026, 5, 26), "day 30 is Whit Monday"),
        # 14 Apr + 30 = 14 May 2026, Ascension Thursday → Friday 15 May.
        (D(2026, 4, 14), D(2026, 5, 15), "day 30 is Ascension"),
        # 8 Apr + 30 = 8 May 2026, a Friday and a holiday; then the weekend → Monday 11 May.
        (D(2026, 4, 8), D(2026, 5, 11), "day 30 is Friday 8 May"),
        # 1 Apr + 30 = 1 May 2027: 1 Jan 2027 is a Friday, 1 May is 120 days later
        # (120 = 17 weeks + 1 day): a Saturday, and a holiday → Monday 3 May.
        (D(2027, 4, 1), D(2027, 5, 3), "day 30 is Saturday 1 May"),
        # 14 Jun + 30 = 14 Jul 2026, a Tuesday → Wednesday 15.
        (D(2026, 6, 14), D(2026, 7, 15), "day 30 is 14 July"),
        # 24 Feb 2027 + 30: 4 days to 28 Feb, 26 more → 26 Mar 2027, Good Friday.
        (D(2027, 2, 24), D(2027, 3, 26), "Good Friday is a working day in Paris"),
        # 26 Nov 2025 + 30 = 26 Dec 2025, a Friday.
        (D(2025, 11, 26), D(2025, 12, 26), "26 December is a working day in Paris"),
        # 30 Mar 2026 + 30: 1 day to 31 Mar, 29 more → 29 April; Easter Sunday is 5 April,
        # so 29 April (24 days later) is a Wednesday.
        (D(2026, 3, 30), D(2026, 4, 29), "across a month of 31 days"),
    ],
)
def test_remedy_deadline(sent: dt.date, deadline: dt.date, why: str) -> None:
    assert remedy_deadline(sent) == deadline, why


def test_remedy_deadline_other_lengths() -> None:
    # 2 Dec 2026 + 0 days: a Wednesday, no move; + 31 days = Saturday 2 Jan → Monday 4.
    assert remedy_deadline(D(2026, 12, 2), days=0) == D(2026, 12, 2)
    assert remedy_deadline(D(2026, 12, 2), days=31) == D(2027, 1, 4)


# --- months (CPC 641 al. 2) and the usage period (Art. 5) --------------------------------


@pytest.mark.parametrize(
    ("day", "months", "result"),
    [
        (D(2026, 1, 31), 1, D(2026, 2, 28)),  # no 31 February: its last day
        (D(2028, 1, 31), 1, D(2028, 2, 29)),  # 2028 is a leap year
        (D(2028, 2, 29), 12, D(2029, 2, 28)),
        (D(2026, 8, 31), 1, D(2026, 9, 30)),
        (D(2026, 11, 30), 3, D(2027, 2, 28)),  # across the year
        (D(2026, 3, 15), 6, D(2026, 9, 15)),
        (D(2026, 12, 15), 1, D(2027, 1, 15)),
        (D(2026, 3, 31), -1, D(2026, 2, 28)),  # backwards, for deadline − period
        (D(2027, 1, 15), -2, D(2026, 11, 15)),
        (D(2026, 5, 4), 0, D(2026, 5, 4)),
    ],
)
def test_add_months(day: dt.date, months: int, result: dt.date) -> None:
    assert add_months(day, months) == result


def test_usage_last_day() -> None:
    # Example 03: started 11 May 2026 for 9 months: 11 Feb 2027 − 1 day = 10 Feb 2027.
    assert usage_last_day(D(2026, 5, 11), 9) == D(2027, 2, 10)
    # Started 31 Jan 2026 for 1 month: 28 Feb − 1 day = 27 Feb 2026.
    assert usage_last_day(D(2026, 1, 31), 1) == D(2026, 2, 27)
    # Example 03's al. 5 data: planned start 4 May 2026, evaluation by 30 Jun 2027 taking
    # 2 months: the cut is 30 Apr 2027.
    reduced = {
        "indicative_start": D(2026, 5, 4),
        "evaluation_deadline": D(2027, 6, 30),
        "evaluation_months": 2,
    }
    # Set up late, 1 Sep 2026, for 9 months: would run to 31 May 2027; cut to 30 April.
    assert usage_last_day(D(2026, 9, 1), 9, **reduced) == D(2027, 4, 30)  # type: ignore[arg-type]
    # Set up on the planned day, 4 May 2026, for 12 months: no delay, no cut:
    # 4 May 2027 − 1 day = 3 May 2027.
    assert usage_last_day(D(2026, 5, 4), 12, **reduced) == D(2027, 5, 3)  # type: ignore[arg-type]
    # One day late, 5 May 2026: 5 May 2027 − 1 = 4 May 2027, cut to 30 Apr 2027.
    assert usage_last_day(D(2026, 5, 5), 12, **reduced) == D(2027, 4, 30)  # type: ignore[arg-type]
    # Started 2 May 2027, after the cut (30 Apr): no day of use is left.
    assert usage_last_day(D(2027, 5, 2), 9, **reduced) is None  # type: ignore[arg-type]
    # 15 days of evaluation as well: 30 Apr − 15 days = 15 Apr 2027.
    assert (
        usage_last_day(D(2026, 9, 1), 9, evaluation_days=15, **reduced)  # type: ignore[arg-type]
        == D(2027, 4, 15)
    )


# --- the state table ---------------------------------------------------------------------


def test_state_table_is_closed() -> None:
    for kind, moves in TRANSITIONS.items():
        assert set(moves) <= set(STATES) - FINAL, kind
    assert not any(FINAL & set(moves) for moves in TRANSITIONS.values())


def sig(on: dt.date, party: str) -> dict[str, Any]:
    return {"type": "signature", "on": on, "party": party}


def event(kind: str, on: dt.date, **fields: Any) -> dict[str, Any]:
    return {"type": kind, "on": on, **fields}


def signed_model() -> ReferenceModel:
    """Example 03's dates: end 30 Sep 2027, planned start 4 May 2026, signed 12 and 17 March
    2026."""
    model = ReferenceModel(D(2027, 9, 30), D(2026, 5, 4))
    model.apply(sig(D(2026, 3, 12), "beneficiary"))
    model.apply(sig(D(2026, 3, 17), "metropole"))
    return model


def test_signatures_and_effective_date() -> None:
    model = ReferenceModel(D(2027, 9, 30), D(2026, 5, 4))
    assert model.state_on(D(2026, 1, 1)) == "draft"
    model.apply(sig(D(2026, 3, 12), "beneficiary"))
    assert model.state_on(D(2026, 3, 12)) == "draft"
    assert model.effective_date() is None
    assert model.check(sig(D(2026, 3, 13), "beneficiary")) == "Art. 2"  # signed already
    model.apply(sig(D(2026, 3, 17), "metropole"))
    # Art. 2: in force from the last signature.
    assert model.effective_date() == D(2026, 3, 17)
    assert model.effective_date(D(2026, 3, 16)) is None  # as it stood that day
    assert model.state_on(D(2026, 3, 16)) == "draft"
    assert model.state_on(D(2026, 3, 17)) == "signed"
    assert model.check(sig(D(2026, 3, 18), "metropole")) == "Art. 2"


def test_ended_the_day_after_the_end_date_from_any_live_state() -> None:
    draft = ReferenceModel(D(2027, 9, 30), D(2026, 5, 4))
    assert draft.state_on(D(2027, 9, 30)) == "draft"  # « jusqu'au »: still in force
    assert draft.state_on(D(2027, 10, 1)) == "ended"
    assert draft.check(sig(D(2027, 10, 1), "metropole")) == "Art. 2"
    model = signed_model()
    model.apply(event("experiment_started", D(2026, 5, 11)))
    model.apply(event("breach_recorded", D(2027, 9, 1), obligation="share_data"))
    model.apply(event("formal_notice_sent", D(2027, 9, 20), letter_reference="L"))
    assert model.state_on(D(2027, 9, 30)) == "remedy_period"
    assert model.state_on(D(2027, 10, 1)) == "ended"
    assert model.remedy_deadline_on(D(2027, 10, 1)) is None
    assert model.allowed_types(D(2027, 10, 1)) == set()


def test_breach_notice_remedy_and_termination() -> None:
    # Example 03: started 11 May, breach 2 Nov, notice sent Friday 20 Nov 2026.
    model = signed_model()
    model.apply(event("experiment_started", D(2026, 5, 11)))
    model.apply(event("breach_recorded", D(2026, 11, 2), obligation="share_data"))
    assert model.state_on(D(2026, 11, 2)) == "in_breach"
    assert model.remedy_deadline_on(D(2026, 11, 2)) is None
    model.apply(event("formal_notice_sent", D(2026, 11, 20), letter_reference="L"))
    # day 30 = Sunday 20 Dec 2026 → Monday 21 Dec.
    assert model.remedy_deadline_on(D(2026, 11, 20)) == D(2026, 12, 21)
    breach = event("termination", D(2026, 12, 21), ground="breach")
    assert model.check(breach) == "Art. 12"  # on the deadline: too early
    assert model.allowed({**breach, "on": D(2026, 12, 22)})  # the day after
    assert model.allowed_grounds(D(2026, 12, 22)) == {"interruption", "breach"}
    assert "breach_remedied" in model.allowed_types(D(2026, 12, 21))
    assert "breach_remedied" not in model.allowed_types(D(2026, 12, 22))  # late
    # Art. 9: sanction also needs both procedure steps.
    assert model.check({**breach, "on": D(2026, 12, 22), "ground": "sanction"}) == "Art. 9"
    assert model.allowed(event("breach_remedied", D(2026, 12, 21)))  # in time
    assert model.check(event("breach_remedied", D(2026, 12, 22))) == "Art. 12"  # late
    assert model.allowed(event("breach_remedied", D(2026, 12, 22), accepted_late=True))
    model.apply(event("breach_remedied", D(2026, 12, 22), accepted_late=True))
    assert model.state_on(D(2026, 12, 22)) == "experimenting"  # the remembered state
    assert model.remedy_deadline_on(D(2026, 12, 22)) is None


def test_sanction_after_the_art9_procedure() -> None:
    model = signed_model()
    model.apply(event("breach_recorded", D(2026, 4, 1), obligation="designate_referent"))
    model.apply(event("justifications_examined", D(2026, 4, 10)))
    model.apply(event("formal_notice_sent", D(2026, 4, 14), letter_reference="L"))
    model.apply(event("representatives_heard", D(2026, 4, 20)))
    # 14 Apr + 30 = 14 May 2026 (Ascension) → 15 May; sanction from 16 May.
    assert model.check(event("termination", D(2026, 5, 15), ground="sanction")) == "Art. 9"
    model.apply(event("termination", D(2026, 5, 16), ground="sanction"))
    assert model.state_on(D(2026, 5, 16)) == "terminated"
    assert model.state_on(D(2030, 1, 1)) == "terminated"  # final: never « ended »
    assert model.check(event("amendment_signed", D(2026, 5, 17), changes={})) == ""


def test_art9_steps_belong_to_one_breach() -> None:
    model = signed_model()
    model.apply(event("breach_recorded", D(2026, 4, 1), obligation="share_data"))
    model.apply(event("justifications_examined", D(2026, 4, 2)))
    model.apply(event("representatives_heard", D(2026, 4, 2)))
    model.apply(event("breach_remedied", D(2026, 4, 3)))
    assert model.state_on(D(2026, 4, 3)) == "signed"
    model.apply(event("breach_recorded", D(2026, 4, 4), obligation="share_data"))
    model.apply(event("formal_notice_sent", D(2026, 4, 4), letter_reference="L"))
    # 4 Apr + 30 = 4 May 2026, a Monday; the new breach has had no hearing.
    assert model.remedy_deadline_on(D(2026, 4, 4)) == D(2026, 5, 4)
    assert model.check(event("termination", D(2026, 5, 5), ground="sanction")) == "Art. 9"
    assert model.allowed(event("termination", D(2026, 5, 5), ground="breach"))


def test_not_ready_needs_a_beneficiary_delay_after_the_planned_start() -> None:
    model = signed_model()  # planned start 4 May 2026
    not_ready = event("termination", D(2026, 5, 5), ground="not_ready")
    assert model.check(not_ready) == "Art. 5"  # not delayed
    model.apply(event("delay_reported", D(2026, 4, 20), cause="provider"))
    assert model.state_on(D(2026, 4, 20)) == "delayed"
    assert model.check(not_ready) == "Art. 5"  # the provider's delay: Art. 5 al. 4
    model.apply(event("delay_reported", D(2026, 4, 25), cause="beneficiary"))
    assert model.check({**not_ready, "on": D(2026, 5, 4)}) == "Art. 5"  # on the day: no
    assert model.allowed(not_ready)  # the day after
    # An amendment moving the planned start to 1 June 2026 moves the guard.
    model.apply(
        event("amendment_signed", D(2026, 5, 5), changes={"indicative_start": "2026-06-01"})
    )
    assert model.check(not_ready) == "Art. 5"
    assert model.allowed({**not_ready, "on": D(2026, 6, 2)})


def test_interruption_needs_a_reason_and_a_signature() -> None:
    draft = ReferenceModel(D(2027, 9, 30), D(2026, 5, 4))
    interruption = event("termination", D(2026, 3, 1), ground="interruption", reason="budget")
    assert draft.check(interruption) == "Art. 12"  # not signed yet
    model = signed_model()
    late = {**interruption, "on": D(2026, 3, 18)}
    assert model.allowed(late)
    assert model.check({**late, "reason": None}) == "Art. 12"
    assert model.check({**late, "reason": "  "}) == "Art. 12"


def test_events_must_come_in_date_order() -> None:
    model = signed_model()
    assert model.check(event("delay_reported", D(2026, 3, 16), cause="provider")) == ""
    assert model.allowed(event("delay_reported", D(2026, 3, 17), cause="provider"))
    assert model.allowed_types(D(2026, 3, 16)) == set()


def test_amendment_moves_the_end_date() -> None:
    model = signed_model()
    model.apply(event("amendment_signed", D(2027, 9, 1), changes={"end_date": D(2027, 12, 31)}))
    assert model.end_date() == D(2027, 12, 31)
    assert model.state_on(D(2027, 10, 1)) == "signed"
    assert model.state_on(D(2028, 1, 1)) == "ended"
    # Before the amendment was signed, the old end date held.
    assert model.state_on(D(2027, 9, 1)) == "signed"


def test_allowed_types_by_state() -> None:
    model = ReferenceModel(D(2027, 9, 30), D(2026, 5, 4))
    day = D(2026, 3, 1)
    assert model.allowed_types(day) == {"signature", "amendment_signed"}
    model = signed_model()
    day = D(2026, 3, 20)
    assert model.allowed_types(day) == {
        "delay_reported",
        "experiment_started",
        "breach_recorded",
        "amendment_signed",
        "termination",
    }
    model.apply(event("breach_recorded", day, obligation="share_data"))
    assert model.allowed_types(day) == {
        "formal_notice_sent",
        "breach_remedied",
        "justifications_examined",
        "representatives_heard",
        "amendment_signed",
        "termination",
    }
    assert model.allowed_grounds(day) == {"interruption"}


def test_refused_leaves_the_model_unchanged() -> None:
    model = signed_model()
    with pytest.raises(Refused) as info:
        model.apply(event("formal_notice_sent", D(2026, 4, 1), letter_reference="L"))
    assert info.value.article == "Art. 12"
    assert len(model.events) == 2


def test_from_file_data() -> None:
    data = {
        "end_date": "2027-09-30",
        "experiment": {"indicative_start": "2026-05-04"},
        "events": [
            {"type": "signature", "on": "2026-03-12", "party": "beneficiary"},
            {"type": "signature", "on": "2026-03-17", "party": "metropole"},
            {"type": "experiment_started", "on": "2026-05-11"},
        ],
    }
    model = ReferenceModel.from_file_data(data)
    assert model.state_on(D(2026, 6, 1)) == "experimenting"
    assert model.effective_date() == D(2026, 3, 17)
