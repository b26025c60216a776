"""The lifecycle (Art. 2, 5, 9, 11, 12): states, events, guards, time-driven facts.

Every test convention is the example convention (``example_convention()``) with its own
events, through ``attrs.evolve``. Its dates (Art. 2, Art. 5): signed by the beneficiary
on Thursday 12 November 2026 and by the Métropole on Thursday 19 November 2026;
indicative start Monday 1 March 2027; 6 months; evaluation before 31 December 2027
(2 months needed); end date Friday 31 March 2028.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import ClassVar

import attrs
import pytest
from contract import contract_text

from mgp_convention.articles.art09_sanctions import SanctionOptions
from mgp_convention.articles.art12_indemnity import assess_indemnity
from mgp_convention.articles.art12_remedy import RemedyOptions
from mgp_convention.convention import Convention
from mgp_convention.errors import EventRefused
from mgp_convention.events import (
    AmendmentSigned,
    BreachRecorded,
    BreachRemedied,
    Changes,
    DelayCause,
    DelayReported,
    Event,
    ExperimentStarted,
    FormalNoticeSent,
    Ground,
    JustificationsExamined,
    Obligation,
    Party,
    RepresentativesHeard,
    Signature,
    Termination,
)
from mgp_convention.examples import example_convention
from mgp_convention.io import load_path
from mgp_convention.lifecycle import (
    EVENT_TRIGGERS,
    GUARDS,
    TRIGGER_CITATIONS,
    Lifecycle,
    State,
    trigger_of,
)

BASE = example_convention()
D = dt.date

SIGNED = (
    Signature(D(2026, 11, 12), party=Party.BENEFICIARY),
    Signature(D(2026, 11, 19), party=Party.METROPOLE),
)
STARTED = (*SIGNED, ExperimentStarted(D(2027, 3, 1)))
BREACHED = (
    *STARTED,
    BreachRecorded(D(2027, 4, 1), obligation=Obligation.SHARE_DATA, impedes_experiment=True),
)
# Sent Friday 2 April 2027: day 30 is Sunday 2 May 2027, so the deadline moves to Monday
# 3 May 2027 (CPC 642 al. 2); termination for breach is possible from Tuesday 4 May.
NOTICE = FormalNoticeSent(D(2027, 4, 2), letter_reference="LRAR 1A 000 000 0001")
NOTIFIED = (*BREACHED, NOTICE)
DEADLINE = D(2027, 5, 3)
REASON = "réorientation du programme métropolitain décidée par le Bureau (intérêt général)"


def convention(*events: Event) -> Convention:
    return attrs.evolve(BASE, events=tuple(events))


def lifecycle(*events: Event, **options: object) -> Lifecycle:
    return Lifecycle.from_convention(convention(*events), **options)  # type: ignore[arg-type]


def termination(on: dt.date, ground: Ground, reason: str | None = REASON) -> Termination:
    return Termination(on, ground=ground, reason=reason)


# --- every event from every state ------------------------------------------------------

# For each state: the events that lead to it, and the date the next event is tried on.
PATHS: dict[State, tuple[tuple[Event, ...], dt.date]] = {
    State.DRAFT: ((), D(2026, 11, 12)),
    State.SIGNED: (SIGNED, D(2027, 1, 10)),
    # A delay caused by the beneficiary on Tuesday 2 March 2027, the day after the
    # planned start: termination for not being ready is open on Wednesday 3 March.
    State.DELAYED: (
        (*SIGNED, DelayReported(D(2027, 3, 2), cause=DelayCause.BENEFICIARY)),
        D(2027, 3, 3),
    ),
    State.EXPERIMENTING: (STARTED, D(2027, 3, 10)),
    State.IN_BREACH: (BREACHED, D(2027, 4, 2)),
    # Saturday 10 April 2027 is inside the remedy period (deadline Monday 3 May 2027).
    State.REMEDY_PERIOD: (NOTIFIED, D(2027, 4, 10)),
    State.TERMINATED: ((*SIGNED, termination(D(2027, 1, 15), Ground.INTERRUPTION)), D(2027, 1, 20)),
    # Ended by time: the end date is Friday 31 March 2028, so Saturday 1 April 2028 is
    # the first day the convention is ended (Art. 2, « jusqu'au [Date] »).
    State.ENDED: (SIGNED, D(2028, 4, 1)),
}


def event_for(trigger: str, on: dt.date, lc: Lifecycle) -> Event:
    """A well-formed event of ``trigger`` (a party that has not signed, a reason…)."""
    unsigned = [
        p
        for p in (Party.BENEFICIARY, Party.METROPOLE)
        if p not in {e.event.party for e in lc.history if isinstance(e.event, Signature)}
    ]
    makers = {
        "signature": lambda: Signature(on, party=(unsigned or [Party.METROPOLE])[0]),
        "delay_reported": lambda: DelayReported(on, cause=DelayCause.BENEFICIARY),
        "experiment_started": lambda: ExperimentStarted(on),
        "breach_recorded": lambda: BreachRecorded(
            on, obligation=Obligation.ATTEND_MEETINGS, impedes_experiment=False
        ),
        "formal_notice_sent": lambda: FormalNoticeSent(on, letter_reference="LRAR 2"),
        "breach_remedied": lambda: BreachRemedied(on),
        "justifications_examined": lambda: JustificationsExamined(on),
        "representatives_heard": lambda: RepresentativesHeard(on),
        "amendment_signed": lambda: AmendmentSigned(
            on, changes=Changes(market_total_ttc=Decimal("190000.00"))
        ),
    }
    if trigger.startswith("termination:"):
        return termination(on, Ground(trigger.split(":")[1]))
    return makers[trigger]()


A2, A5_1, A5_3, A9 = "Art. 2", "Art. 5 al. 1", "Art. 5 al. 3", "Art. 9"
A11, A12_1, A12_2 = "Art. 11", "Art. 12 al. 1", "Art. 12 al. 2"
OK = None
# Expected outcome of each trigger (in EVENT_TRIGGERS order) from each state: None when
# allowed, else the article of the refusal.
TABLE: dict[State, tuple[str | None, ...]] = {
    # columns: signature, delay_reported, experiment_started, breach_recorded,
    # formal_notice_sent, breach_remedied, justifications_examined, representatives_heard,
    # amendment_signed, termination: interruption, not_ready, breach, sanction
    State.DRAFT: (OK, A5_3, A5_1, A12_1, A12_2, A12_2, A9, A9, OK, A12_1, A5_3, A12_1, A9),
    State.SIGNED: (A2, OK, OK, OK, A12_2, A12_2, A9, A9, OK, OK, A5_3, A12_1, A9),
    State.DELAYED: (A2, OK, OK, OK, A12_2, A12_2, A9, A9, OK, OK, OK, A12_1, A9),
    State.EXPERIMENTING: (A2, A5_3, A5_1, OK, A12_2, A12_2, A9, A9, OK, OK, A5_3, A12_1, A9),
    # From in_breach: a sanction first lacks the Art. 9 hearing.
    State.IN_BREACH: (A2, A5_3, A5_1, A12_1, OK, OK, OK, OK, OK, OK, A5_3, A12_1, A9),
    # Inside the remedy period: termination for breach waits for the deadline (al. 2).
    State.REMEDY_PERIOD: (A2, A5_3, A5_1, A12_1, A12_2, OK, OK, OK, OK, OK, A5_3, A12_2, A9),
    State.TERMINATED: (A12_1,) * 13,
    State.ENDED: (A2,) * 13,
}
CASES = [
    (state, trigger, TABLE[state][column])
    for state in State
    for column, trigger in enumerate(EVENT_TRIGGERS)
]


def test_the_table_covers_every_state_and_event() -> None:
    assert set(TABLE) == set(State)
    assert all(len(row) == len(EVENT_TRIGGERS) == 13 for row in TABLE.values())


@pytest.mark.parametrize(
    ("state", "trigger", "article"), CASES, ids=[f"{s.value}-{t}" for s, t, _ in CASES]
)
def test_every_event_from_every_state(state: State, trigger: str, article: str | None) -> None:
    path, on = PATHS[state]
    lc = lifecycle(*path)
    assert lc.status(on).state is state
    event = event_for(trigger, on, lc)
    assert trigger_of(event) == trigger
    before = (lc.status(on), lc.history, lc.terms)
    refusal = lc.check(event)
    if article is None:
        assert refusal is None, refusal
        entry = lc.apply(event)
        assert entry.state_before is state
        assert entry.trigger == trigger
        return
    assert refusal is not None
    assert refusal.article == article, refusal
    with pytest.raises(EventRefused) as info:
        lc.apply(event)
    err = info.value
    assert err.article == article
    assert err.event == trigger
    assert err.state == (State.ENDED if state is State.ENDED else state).value
    assert err.reason == refusal.reason
    assert err.index is None
    assert (lc.status(on), lc.history, lc.terms) == before  # a refusal changes nothing


def test_allowed_events_agree_with_check() -> None:
    for state, (path, on) in PATHS.items():
        lc = lifecycle(*path)
        status = lc.status(on)
        allowed = {
            t for t, article in zip(EVENT_TRIGGERS, TABLE[state], strict=True) if article is None
        }
        assert set(status.allowed_events) == allowed, state
        assert {r.event for r in status.refused_events} == set(EVENT_TRIGGERS) - allowed
        assert lc.allowed_events(on) == status.allowed_events


# --- termination grounds: guard met and unmet ----------------------------------------------

DELAY_BENEFICIARY = DelayReported(D(2027, 2, 15), cause=DelayCause.BENEFICIARY)
DELAY_PROVIDER = DelayReported(D(2027, 2, 15), cause=DelayCause.PROVIDER)
HEARD = (JustificationsExamined(D(2027, 4, 20)), RepresentativesHeard(D(2027, 4, 22)))

# (name, events before, the termination, article of the refusal or None, why)
GROUNDS = [
    (
        "interruption-met",
        STARTED,
        termination(D(2027, 5, 1), Ground.INTERRUPTION),
        None,
        "a reason of general interest is stated",
    ),
    (
        "interruption-no-reason",
        STARTED,
        termination(D(2027, 5, 1), Ground.INTERRUPTION, None),
        A12_1,
        "between public persons, only a reason of general interest allows it (CE Béziers)",
    ),
    (
        "interruption-from-draft",
        SIGNED[:1],
        termination(D(2026, 11, 13), Ground.INTERRUPTION),
        A12_1,
        "before every party signed there is nothing to terminate",
    ),
    (
        "not_ready-met",
        (*SIGNED, DELAY_BENEFICIARY),
        termination(D(2027, 3, 2), Ground.NOT_READY),
        None,
        "beneficiary's delay; Tuesday 2 March 2027 is after the planned Monday 1 March",
    ),
    (
        "not_ready-on-planned-day",
        (*SIGNED, DELAY_BENEFICIARY),
        termination(D(2027, 3, 1), Ground.NOT_READY),
        A5_3,
        "on the planned day itself the beneficiary may still be ready",
    ),
    (
        "not_ready-provider-delay",
        (*SIGNED, DELAY_PROVIDER),
        termination(D(2027, 3, 2), Ground.NOT_READY),
        A5_3,
        "a delay caused by the provider does not open this ground (Art. 5 al. 4)",
    ),
    (
        "not_ready-not-delayed",
        STARTED,
        termination(D(2027, 3, 2), Ground.NOT_READY),
        A5_3,
        "the experiment started: the state is not delayed",
    ),
    (
        "breach-met",
        NOTIFIED,
        termination(D(2027, 5, 4), Ground.BREACH),
        None,
        "Tuesday 4 May 2027 is the day after the deadline (Monday 3 May)",
    ),
    (
        "breach-on-deadline",
        NOTIFIED,
        termination(DEADLINE, Ground.BREACH),
        A12_2,
        "the deadline day is still in the remedy period",
    ),
    (
        "breach-no-notice",
        BREACHED,
        termination(D(2027, 6, 1), Ground.BREACH),
        A12_1,
        "without a formal notice no remedy period runs",
    ),
    (
        "sanction-met",
        (*NOTIFIED, *HEARD),
        termination(D(2027, 5, 4), Ground.SANCTION),
        None,
        "hearing done and the remedy period run out (default reading)",
    ),
    (
        "sanction-without-hearing",
        NOTIFIED,
        termination(D(2027, 5, 4), Ground.SANCTION),
        A9,
        "Art. 9: « après avoir entendu ses représentants »",
    ),
    (
        "sanction-half-hearing",
        (*NOTIFIED, HEARD[0]),
        termination(D(2027, 5, 4), Ground.SANCTION),
        A9,
        "the justifications were examined but the representatives not heard",
    ),
    (
        "sanction-in-remedy-period",
        (*NOTIFIED, *HEARD),
        termination(D(2027, 4, 23), Ground.SANCTION),
        A9,
        "default reading: the Art. 12 remedy period must also have run out",
    ),
    (
        "sanction-no-notice",
        (*BREACHED, *HEARD),
        termination(D(2027, 4, 23), Ground.SANCTION),
        A9,
        "default reading: no formal notice, so no remedy period has run",
    ),
]


@pytest.mark.parametrize(
    ("events", "event", "article"), [g[1:4] for g in GROUNDS], ids=[g[0] for g in GROUNDS]
)
def test_termination_grounds(
    events: tuple[Event, ...], event: Termination, article: str | None
) -> None:
    lc = lifecycle(*events)
    if article is None:
        entry = lc.apply(event)
        assert entry.state_after is State.TERMINATED
        assert lc.status(event.on).termination == event
        return
    with pytest.raises(EventRefused) as info:
        lc.apply(event)
    assert info.value.article == article
    assert info.value.event == f"termination:{event.ground.value}"


def test_sanction_without_remedy_period_when_the_option_says_so() -> None:
    options = SanctionOptions(require_remedy_period=False)
    lc = lifecycle(*BREACHED, *HEARD, sanction_options=options)
    assert lc.apply(termination(D(2027, 4, 23), Ground.SANCTION)).state_after is State.TERMINATED
    # The hearing is still required.
    lc = lifecycle(*BREACHED, sanction_options=options)
    assert "termination:sanction" not in lc.status(D(2027, 4, 23)).allowed_events


def test_refusal_messages_are_plain_words() -> None:
    lc = lifecycle(*NOTIFIED)
    with pytest.raises(EventRefused) as info:
        lc.apply(termination(DEADLINE, Ground.BREACH))
    assert str(info.value) == (
        "'termination:breach' refused in state 'remedy_period': the remedy period runs "
        "until 2027-05-03 (included): termination for breach is possible from 2027-05-04 "
        "(Art. 12 al. 2)"
    )
    assert "MachineError" not in str(info.value)


# --- the remedy deadline (Art. 12 al. 2) ---------------------------------------------------


def test_remedy_on_the_deadline_day_is_in_time() -> None:
    lc = lifecycle(*NOTIFIED)
    assert lc.remedy_deadline is not None
    assert lc.remedy_deadline.expires_on == DEADLINE  # Sunday 2 May → Monday 3 May 2027
    entry = lc.apply(BreachRemedied(DEADLINE))
    assert (entry.state_before, entry.state_after) == (State.REMEDY_PERIOD, State.EXPERIMENTING)
    assert lc.remedy_deadline is None
    facts = lc.termination_facts()
    assert facts.remedied_in_time
    assert facts.remedy_deadline == DEADLINE


def test_remedy_the_day_after_is_late_unless_accepted() -> None:
    lc = lifecycle(*NOTIFIED)
    day_after = D(2027, 5, 4)
    with pytest.raises(EventRefused) as info:
        lc.apply(BreachRemedied(day_after))
    assert info.value.article == A12_2
    assert "accepted_late" in info.value.reason
    assert (
        lc.apply(BreachRemedied(day_after, accepted_late=True)).state_after is State.EXPERIMENTING
    )


def test_remedy_deadline_passed_is_time_driven() -> None:
    lc = lifecycle(*NOTIFIED)
    on_deadline, day_after = lc.status(DEADLINE), lc.status(D(2027, 5, 4))
    assert on_deadline.state is day_after.state is State.REMEDY_PERIOD
    assert not on_deadline.remedy_deadline_passed
    assert day_after.remedy_deadline_passed
    assert "termination:breach" not in on_deadline.allowed_events
    assert "termination:breach" in day_after.allowed_events
    assert "breach_remedied" in on_deadline.allowed_events
    assert "breach_remedied" not in day_after.allowed_events  # only accepted late


def test_deadline_past_a_public_holiday() -> None:
    # Sent Tuesday 6 April 2027: day 30 is Thursday 6 May 2027, Ascension (Easter is
    # 28 March 2027, + 39 days): the deadline moves to Friday 7 May 2027.
    lc = lifecycle(*BREACHED, FormalNoticeSent(D(2027, 4, 6), letter_reference="LRAR 3"))
    assert lc.remedy_deadline is not None
    assert lc.remedy_deadline.expires_on == D(2027, 5, 7)


def test_remedy_options_count_from_receipt() -> None:
    options = RemedyOptions(count_from="receipt", received_on=D(2027, 1, 1))
    notice = FormalNoticeSent(D(2027, 4, 2), letter_reference="LRAR 4", received_on=D(2027, 4, 6))
    # Received Tuesday 6 April 2027: day 30 is Ascension, Thursday 6 May → Friday 7 May.
    lc = lifecycle(*BREACHED, notice, remedy_options=options)
    assert lc.remedy_deadline is not None
    assert lc.remedy_deadline.expires_on == D(2027, 5, 7)
    # Counting from receipt needs the date of receipt.
    with pytest.raises(EventRefused) as info:
        lifecycle(*BREACHED, NOTICE, remedy_options=options)
    assert info.value.article == A12_2
    assert info.value.index == len(BREACHED)


# --- Art. 9 --------------------------------------------------------------------------------


def test_art9_steps_are_recorded_for_the_open_breach() -> None:
    lc = lifecycle(*NOTIFIED, HEARD[0])
    assert dict(lc.status(D(2027, 4, 21)).art9_steps) == {"justifications_examined": HEARD[0].on}
    lc.apply(BreachRemedied(D(2027, 4, 21)))
    lc.apply(
        BreachRecorded(
            D(2027, 6, 1), obligation=Obligation.ATTEND_MEETINGS, impedes_experiment=False
        )
    )
    assert lc.status(D(2027, 6, 1)).art9_steps == {}  # a new breach starts the procedure anew


def test_remembered_state_is_where_a_remedy_leads_back() -> None:
    for path, back in (
        (SIGNED, State.SIGNED),
        ((*SIGNED, DELAY_BENEFICIARY), State.DELAYED),
        (STARTED, State.EXPERIMENTING),
    ):
        breach = BreachRecorded(
            D(2027, 4, 1), obligation=Obligation.FREE_ACCESS, impedes_experiment=False
        )
        lc = lifecycle(*path, breach)
        assert lc.status(D(2027, 4, 1)).remembered_state is back
        assert lc.apply(BreachRemedied(D(2027, 4, 2))).state_after is back
        assert lc.status(D(2027, 4, 2)).remembered_state is None


# --- Art. 2: effective date, end date ------------------------------------------------------


@pytest.mark.parametrize(
    "order", [(Party.BENEFICIARY, Party.METROPOLE), (Party.METROPOLE, Party.BENEFICIARY)]
)
def test_effective_date_is_the_last_signature(order: tuple[Party, Party]) -> None:
    lc = lifecycle(Signature(D(2026, 11, 12), party=order[0]))
    assert lc.effective_date is None
    assert lc.state is State.DRAFT
    lc.apply(Signature(D(2026, 11, 19), party=order[1]))
    assert lc.effective_date == D(2026, 11, 19)  # the later of the two signatures
    assert lc.state is State.SIGNED


def test_a_party_signs_once() -> None:
    lc = lifecycle(SIGNED[0])
    with pytest.raises(EventRefused) as info:
        lc.apply(Signature(D(2026, 11, 13), party=Party.BENEFICIARY))
    assert info.value.article == A2
    assert "already signed on 2026-11-12" in info.value.reason


def test_ended_the_day_after_the_end_date() -> None:
    lc = lifecycle(*STARTED)
    assert lc.status(D(2028, 3, 31)).state is State.EXPERIMENTING  # the end date: in force
    ended = lc.status(D(2028, 4, 1))  # Saturday 1 April 2028
    assert ended.state is State.ENDED
    assert ended.allowed_events == ()
    assert lc.state is State.EXPERIMENTING  # time-driven: never stored
    with pytest.raises(EventRefused) as info:
        lc.apply(termination(D(2028, 4, 1), Ground.INTERRUPTION))
    assert (info.value.state, info.value.article) == ("ended", A2)
    assert "2028-03-31" in info.value.reason


def test_an_unsigned_convention_also_ends() -> None:
    assert lifecycle(SIGNED[0]).status(D(2028, 4, 1)).state is State.ENDED


# --- Art. 11: amendments ------------------------------------------------------------------

LONGER = AmendmentSigned(D(2027, 6, 1), changes=Changes(end_date=D(2028, 9, 30)))


def test_amendment_of_the_end_date() -> None:
    lc = lifecycle(*STARTED, LONGER)
    assert lc.terms.end_date == D(2028, 9, 30)
    assert lc.terms_on(D(2027, 5, 31)).end_date == D(2028, 3, 31)  # before the amendment
    assert lc.terms_on(D(2027, 6, 1)).end_date == D(2028, 9, 30)  # from its date on
    assert lc.status(D(2028, 4, 1)).state is State.EXPERIMENTING
    assert lc.status(D(2028, 9, 30)).end_date == D(2028, 9, 30)
    assert lc.status(D(2028, 10, 1)).state is State.ENDED
    entry = lc.history[-1]
    assert entry.terms_before is not None
    assert entry.terms_after is not None
    assert (entry.terms_before.end_date, entry.terms_after.end_date) == (
        D(2028, 3, 31),
        D(2028, 9, 30),
    )
    data = entry.to_json()
    assert data["terms_before"] == {"end_date": "2028-03-31"}
    assert data["terms_after"] == {"end_date": "2028-09-30"}


def test_amendment_of_the_duration_changes_the_usage_period() -> None:
    # Started Monday 1 March 2027 for 6 months: last day 31 August 2027 (1 Sept − 1 day).
    # Amended to 8 months: 1 November − 1 day = 31 October 2027, which is also the cut of
    # Art. 5 al. 5 (31 December 2027 − 2 months): not reduced.
    lc = lifecycle(*STARTED)
    period = lc.status(D(2027, 4, 1)).usage_period
    assert period is not None
    assert period.last_day == D(2027, 8, 31)
    lc.apply(AmendmentSigned(D(2027, 4, 1), changes=Changes(duration_months=8)))
    period = lc.status(D(2027, 4, 1)).usage_period
    assert period is not None
    assert period.last_day == D(2027, 10, 31)


@pytest.mark.parametrize(
    ("changes", "why"),
    [
        (Changes(end_date=D(2027, 5, 31)), "before the amendment's own date"),
        (Changes(end_date=D(2027, 11, 30)), "before the evaluation deadline of 31 Dec 2027"),
    ],
)
def test_amendment_refused(changes: Changes, why: str) -> None:
    lc = lifecycle(*STARTED)
    with pytest.raises(EventRefused) as info:
        lc.apply(AmendmentSigned(D(2027, 6, 1), changes=changes))
    assert info.value.article == A11, why


def test_no_amendment_after_termination() -> None:
    lc = lifecycle(*PATHS[State.TERMINATED][0])
    with pytest.raises(EventRefused) as info:
        lc.apply(attrs.evolve(LONGER, on=D(2027, 2, 1)))
    assert info.value.state == "terminated"


# --- order, replay, history ---------------------------------------------------------------


def test_events_dated_before_the_last_are_refused() -> None:
    lc = lifecycle(*STARTED)
    with pytest.raises(EventRefused) as info:
        lc.apply(
            BreachRecorded(
                D(2027, 2, 28), obligation=Obligation.SHARE_DATA, impedes_experiment=False
            )
        )
    assert "before the last recorded event (2027-03-01)" in info.value.reason
    lc.apply(
        BreachRecorded(D(2027, 3, 1), obligation=Obligation.SHARE_DATA, impedes_experiment=False)
    )  # the same day is fine


def test_a_refused_event_in_a_file_names_its_index() -> None:
    with pytest.raises(EventRefused) as info:
        lifecycle(*SIGNED, NOTICE)
    assert info.value.index == 2
    assert info.value.field == "$.events[2]"
    assert str(info.value).startswith("$.events[2]: 'formal_notice_sent' refused in state 'signed'")


def test_replay_equals_event_by_event() -> None:
    events = (*NOTIFIED, *HEARD, termination(D(2027, 5, 4), Ground.SANCTION))
    replayed = lifecycle(*events)
    one_by_one = Lifecycle(convention(*events))
    assert one_by_one.state is State.DRAFT
    assert one_by_one.history == ()
    for event in events:
        one_by_one.apply(event)
    on = D(2027, 6, 1)
    assert replayed.status(on) == one_by_one.status(on)
    assert [(e.state_before, e.state_after) for e in replayed.history] == [
        (State.DRAFT, State.DRAFT),
        (State.DRAFT, State.SIGNED),
        (State.SIGNED, State.EXPERIMENTING),
        (State.EXPERIMENTING, State.IN_BREACH),
        (State.IN_BREACH, State.REMEDY_PERIOD),
        (State.REMEDY_PERIOD, State.REMEDY_PERIOD),
        (State.REMEDY_PERIOD, State.REMEDY_PERIOD),
        (State.REMEDY_PERIOD, State.TERMINATED),
    ]


def test_status_on_an_earlier_date_is_the_status_as_it_was() -> None:
    lc = lifecycle(*NOTIFIED)
    assert lc.status(D(2027, 3, 15)) == lifecycle(*STARTED).status(D(2027, 3, 15))


def test_status_takes_an_aware_datetime_as_its_paris_date() -> None:
    lc = lifecycle(*STARTED)
    late_evening_utc = dt.datetime(2028, 3, 31, 22, 30, tzinfo=dt.UTC)  # 00:30 in Paris
    assert lc.status(late_evening_utc).state is State.ENDED


class _NotAnEvent(Event):
    type: ClassVar[str] = "to_ended"


class _SignatureLookalike(Signature):
    pass


@pytest.mark.parametrize(
    "event", [_NotAnEvent(D(2027, 1, 1)), _SignatureLookalike(D(2027, 1, 1), party=Party.METROPOLE)]
)
def test_only_the_declared_events_run(event: Event) -> None:
    lc = lifecycle(SIGNED[0])
    assert trigger_of(event) is None
    with pytest.raises(EventRefused) as info:
        lc.apply(event)
    assert "is not an event of the convention's lifecycle" in info.value.reason
    assert lc.state is State.DRAFT
    assert len(lc.history) == 1


# --- Art. 12 al. 3: the facts of the indemnity --------------------------------------------


def test_termination_facts_feed_the_indemnity() -> None:
    lc = lifecycle(*NOTIFIED, termination(D(2027, 5, 4), Ground.BREACH))
    facts = lc.termination_facts()
    assert (facts.ground, facts.terminated_on, facts.breach_impedes_experiment) == (
        Ground.BREACH,
        D(2027, 5, 4),
        True,
    )
    assert (facts.remedied_in_time, facts.remedy_deadline) == (False, DEADLINE)
    # 180 000.00 € TTC ÷ 3 beneficiaries = 60 000.00 €.
    assessment = assess_indemnity(facts, market_total_ttc=Decimal("180000.00"), beneficiaries=3)
    assert assessment.due
    assert assessment.market_share == Decimal("60000.00")
    assert lifecycle(*STARTED).termination_facts().ground is None


# --- JSON and citations -------------------------------------------------------------------


def test_status_json() -> None:
    data = lifecycle(*NOTIFIED).status(D(2027, 4, 10)).to_json()
    assert {
        "state",
        "effective_date",
        "remedy_deadline",
        "usage_period",
        "allowed_events",
        "history",
    } <= data.keys()
    assert data["state"] == "remedy_period"
    assert data["effective_date"] == "2026-11-19"
    assert data["remedy_deadline"] == "2027-05-03"
    # Started Monday 1 March 2027 for 6 months: 1 September 2027 − 1 day.
    assert data["usage_period"]["first_day"] == "2027-03-01"
    assert data["usage_period"]["last_day"] == "2027-08-31"
    assert data["history"][-1]["type"] == "formal_notice_sent"
    assert data["history"][-1]["event"]["letter_reference"] == "LRAR 1A 000 000 0001"
    empty = lifecycle().status(D(2026, 11, 1)).to_json()
    assert empty["effective_date"] is None
    assert empty["usage_period"] is None
    assert empty["remedy_deadline"] is None
    assert empty["history"] == []


def test_state_labels() -> None:
    assert State.REMEDY_PERIOD.label_fr == "délai de remédiation"
    assert [s.label_fr for s in State] == [
        "en attente de signature",
        "signée",
        "en retard",
        "en expérimentation",
        "en manquement",
        "délai de remédiation",
        "résiliée",
        "terminée",
    ]
    assert {s for s in State if s.final} == {State.TERMINATED, State.ENDED}


def test_every_rule_cites_its_source() -> None:
    citations = [guard.citation for guard in GUARDS.values()] + list(TRIGGER_CITATIONS.values())
    assert all(c.text and (c.article.startswith(("Art. ", "CE,"))) for c in citations)
    text = contract_text()
    for citation in citations:
        if citation.article.startswith("Art. "):
            assert " ".join(citation.text.split()) in text, citation


def test_interruption_without_reason_cites_article_12_and_the_case_law() -> None:
    lc = lifecycle(*STARTED)
    with pytest.raises(EventRefused) as info:
        lc.apply(termination(D(2027, 5, 1), Ground.INTERRUPTION, None))
    assert info.value.article == A12_1
    assert "CE, 27 févr. 2015, Commune de Béziers, n° 357028" in info.value.reason


def test_termination_facts_on_a_date() -> None:
    # Example 04: notice sent Mon 22 Jun 2026, day 30 = Wed 22 Jul 2026 (a working day),
    # terminated for breach on Fri 24 Jul 2026.
    path = Path(__file__).parent.parent / "examples" / "04-rivebelle-resiliee.json"
    lifecycle = Lifecycle.from_convention(load_path(path))
    before = lifecycle.termination_facts(dt.date(2026, 7, 23))  # not terminated yet
    assert before.ground is None
    assert before.terminated_on is None
    assert before.remedy_deadline == dt.date(2026, 7, 22)
    after = lifecycle.termination_facts(dt.date(2026, 7, 24))
    assert after == lifecycle.termination_facts()
    assert after.ground is Ground.BREACH
    assert after.terminated_on == dt.date(2026, 7, 24)
    assert after.breach_impedes_experiment is True
    assert after.remedied_in_time is False
