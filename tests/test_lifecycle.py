"""The lifecycle of a convention (RULES.md version 2), case by case, computed by hand.

Every convention here is the example convention (``example_convention()``) with its
own events, through ``attrs.evolve``. Its dates (Art. 2, Art. 5): signed by the
beneficiary on Thursday 12 November 2026 and by the Métropole on Thursday 19 November
2026 (in force from that day); indicative start Monday 1 March 2027; 6 months;
evaluation (2 months) before 31 December 2027; end date Friday 31 March 2028.

The thirty days of Art. 12 al. 2 (RULES.md default): day 0 is the date the registered
letter is sent, day 30 is the nominal last day, moved to the next working day past a
Saturday, a Sunday or a public holiday (CPC 641–642; C. trav. L3133-1). The letters used
below, each checked on a calendar (Easter 2027 is Sunday 28 March, so Ascension is
Thursday 6 May and Whit Monday 17 May 2027):

======================  ==============================  ===============================
letter sent             day 30                          deadline (last day to remedy)
======================  ==============================  ===============================
Wed 2 December 2026     Fri 1 January 2027 (holiday),   Mon 4 January 2027
                        then Sat 2, Sun 3
Mon 1 March 2027        Wed 31 March 2027               Wed 31 March 2027
Tue 2 March 2027        Thu 1 April 2027                Thu 1 April 2027
Fri 2 April 2027        Sun 2 May 2027                  Mon 3 May 2027
Tue 6 April 2027        Thu 6 May 2027 (Ascension)      Fri 7 May 2027
Fri 16 April 2027       Sun 16 May, Mon 17 May 2027     Tue 18 May 2027
                        (Whit Monday)
======================  ==============================  ===============================
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import attrs
import pytest

from mgp_convention.articles.art05_delays import NotReadyOptions
from mgp_convention.articles.art09_sanctions import SanctionOptions
from mgp_convention.articles.art12_indemnity import assess_indemnity
from mgp_convention.errors import EventRefused
from mgp_convention.events import (
    AmendmentSigned,
    BeneficiaryReady,
    BreachRecorded,
    BreachRemedied,
    Changes,
    DelayCause,
    DelayReported,
    Event,
    ExperimentStarted,
    ExperimentStopped,
    FormalNoticeSent,
    Ground,
    JustificationsExamined,
    Obligation,
    Party,
    ProcurementUnsuccessful,
    RepresentativesHeard,
    Signature,
    TerminatedBy,
    Termination,
)
from mgp_convention.examples import example_convention
from mgp_convention.io import dumps, load_path
from mgp_convention.lifecycle import Lifecycle
from mgp_convention.states import State
from mgp_convention.values import HistoryEntry, Refusal, Status

BASE = example_convention()
SIGNED = BASE.events  # beneficiary Thu 12 Nov 2026, Métropole Thu 19 Nov 2026
D = dt.date
REASON = "réorientation du programme décidée par le Bureau métropolitain (intérêt général)"


def lifecycle(*events: Event, **options: object) -> Lifecycle:
    """The example convention, signed by both parties, then ``events``."""
    convention = attrs.evolve(BASE, events=(*SIGNED, *events))
    return Lifecycle.from_convention(convention, **options)  # type: ignore[arg-type]


def breach(
    on: dt.date,
    label: str | None = None,
    obligation: Obligation = Obligation.SHARE_DATA,
    *,
    impedes: bool = True,
) -> BreachRecorded:
    """A breach of ``obligation`` (``ready_on_planned_date`` impedes by nature)."""
    if obligation is Obligation.READY_ON_PLANNED_DATE:
        return BreachRecorded(on, breach=label, obligation=obligation)
    return BreachRecorded(on, breach=label, obligation=obligation, impedes_experiment=impedes)


def notice(on: dt.date, label: str | None = None) -> FormalNoticeSent:
    """The registered letter with acknowledgement of receipt (Art. 12 al. 2)."""
    return FormalNoticeSent(on, breach=label, letter_reference=f"LRAR {on.isoformat()}")


def terminate(
    on: dt.date,
    ground: Ground,
    *,
    by: TerminatedBy = TerminatedBy.METROPOLE,
    breach: str | None = None,
    reason: str | None = REASON,
    notified_on: dt.date | None = None,
    effective_on: dt.date | None = None,
) -> Termination:
    return Termination(
        on,
        ground=ground,
        by=by,
        breach=breach,
        reason=reason,
        notified_on=notified_on,
        effective_on=effective_on,
    )


def refused(lifecycle: Lifecycle, event: Event) -> Refusal:
    """``event`` is refused by :meth:`Lifecycle.check` and by :meth:`Lifecycle.apply`, with
    the same article, and the refusal changes nothing (history, status, terms)."""
    on = max(event.on, lifecycle.last_on or event.on)
    before = (lifecycle.history, lifecycle.status(on), lifecycle.terms)
    refusal = lifecycle.check(event)
    assert refusal is not None, f"{event} was accepted"
    with pytest.raises(EventRefused) as info:
        lifecycle.apply(event)
    assert info.value.article == refusal.article
    assert info.value.event == refusal.event
    assert (lifecycle.history, lifecycle.status(on), lifecycle.terms) == before
    return refusal


def unsigned(*events: Event) -> Lifecycle:
    """The example convention with only ``events`` (no signature of its own)."""
    return Lifecycle.from_convention(attrs.evolve(BASE, events=tuple(events)))


def codes(entry: HistoryEntry) -> set[str]:
    """The advisory codes an event carries."""
    return {advisory.code for advisory in entry.advisories}


def deadline_of(status: Status) -> dt.date | None:
    """The status's remedy deadline: the earliest among the open breaches with a notice."""
    return None if status.remedy_deadline is None else status.remedy_deadline.expires_on


def open_labels(status: Status) -> list[str]:
    return [b.label for b in status.open_breaches]


# --- Art. 2: in force from the last signature, until the end date ---------------------------------


@pytest.mark.parametrize(
    ("first", "second"),
    [(Party.BENEFICIARY, Party.METROPOLE), (Party.METROPOLE, Party.BENEFICIARY)],
)
def test_the_convention_takes_effect_on_the_last_signature(first: Party, second: Party) -> None:
    # « prend effet à compter de sa signature par l'ensemble des parties »: whoever signs
    # last, the effective date is the later signature, Thu 19 November 2026.
    lc = unsigned(Signature(D(2026, 11, 12), party=first))
    assert (lc.state, lc.effective_date) == (State.DRAFT, None)
    entry = lc.apply(Signature(D(2026, 11, 19), party=second))
    assert (entry.state_before, entry.state_after) == (State.DRAFT, State.SIGNED)
    assert lc.effective_date == D(2026, 11, 19)
    assert lc.status(D(2026, 11, 19)).effective_date == D(2026, 11, 19)


def test_a_party_signs_once() -> None:
    lc = unsigned(Signature(D(2026, 11, 12), party=Party.BENEFICIARY))
    refusal = refused(lc, Signature(D(2026, 11, 13), party=Party.BENEFICIARY))
    assert (refusal.state, refusal.article) == (State.DRAFT, "Art. 2")


def test_a_draft_not_signed_by_every_party_by_its_end_date_is_not_concluded() -> None:
    # « jusqu'au [Date] »: the end date, Fri 31 March 2028, is still a day of the
    # convention; from Sat 1 April 2028 a convention never signed by the Métropole never
    # took effect: not_concluded (final), not ended.
    lc = unsigned(Signature(D(2026, 11, 12), party=Party.BENEFICIARY))
    assert lc.status(D(2028, 3, 31)).state is State.DRAFT
    status = lc.status(D(2028, 4, 1))
    assert (status.state, status.allowed_events) == (State.NOT_CONCLUDED, ())
    refusal = refused(lc, Signature(D(2028, 4, 1), party=Party.METROPOLE))
    assert (refusal.state, refusal.article) == (State.NOT_CONCLUDED, "Art. 2")
    # Signed on the end date itself: in force for that one day, then ended.
    lc.apply(Signature(D(2028, 3, 31), party=Party.METROPOLE))
    assert lc.status(D(2028, 3, 31)).state is State.DELAYED  # the planned start long passed
    assert lc.status(D(2028, 4, 1)).state is State.ENDED


def test_a_convention_never_signed_at_all_is_not_concluded_either() -> None:
    assert unsigned().status(D(2028, 4, 1)).state is State.NOT_CONCLUDED


# --- time-driven facts: the planned start, the end date -------------------------------------------


def test_the_planned_start_passing_without_a_start_makes_the_convention_delayed() -> None:
    # Art. 5: planned start Mon 1 March 2027. On that day the beneficiary may still be
    # ready (signed); from Tue 2 March, without a start, delayed (any cause), although no
    # delay was reported. A time-driven fact: computed for the date asked, never stored.
    lc = lifecycle()
    assert lc.status(D(2027, 3, 1)).state is State.SIGNED
    status = lc.status(D(2027, 3, 2))
    assert (status.state, status.delay_cause) == (State.DELAYED, None)
    assert lc.state is State.SIGNED


STOPPABLE = (
    ExperimentStarted(D(2027, 3, 1)),
    breach(D(2027, 4, 1)),
    notice(D(2027, 4, 2)),  # Fri 2 April 2027: deadline Mon 3 May 2027
    JustificationsExamined(D(2027, 4, 20)),
    RepresentativesHeard(D(2027, 4, 22)),
)
STOPPED = (*STOPPABLE, ExperimentStopped(D(2027, 5, 4), reason="données toujours absentes"))

IN_FORCE_PATHS = {
    State.SIGNED: (),
    State.DELAYED: (DelayReported(D(2027, 2, 15), cause=DelayCause.PROVIDER),),
    State.EXPERIMENTING: (ExperimentStarted(D(2027, 3, 1)),),
    State.IN_BREACH: (ExperimentStarted(D(2027, 3, 1)), breach(D(2027, 4, 1))),
    State.REMEDY_PERIOD: (*STOPPABLE[:3],),
    State.EXPERIMENT_STOPPED: STOPPED,
}


@pytest.mark.parametrize("state", list(IN_FORCE_PATHS), ids=lambda s: s.value)
def test_every_state_in_force_ends_the_day_after_the_end_date(state: State) -> None:
    # Art. 2 « jusqu'au [Date] »: end date Fri 31 March 2028, in force that day; ended from
    # Sat 1 April 2028, from any state in force, experiment_stopped included. (A signed
    # convention not started is delayed by then: the planned start passed in 2027.)
    lc = lifecycle(*IN_FORCE_PATHS[state])
    expected = State.DELAYED if state is State.SIGNED else state
    assert lc.status(D(2028, 3, 31)).state is expected
    ended = lc.status(D(2028, 4, 1))
    assert (ended.state, ended.allowed_events, ended.remedy_deadline) == (State.ENDED, (), None)
    refusal = refused(lc, AmendmentSigned(D(2028, 4, 1), changes=Changes(duration_months=7)))
    assert (refusal.state, refusal.article) == (State.ENDED, "Art. 2")


def test_an_amendment_moves_the_end_date() -> None:
    # Art. 11: an avenant signed Tue 1 June 2027 moves the end date to Sat 30 September
    # 2028; the terms in force on a date are those of the amendments signed by then.
    lc = lifecycle(
        ExperimentStarted(D(2027, 3, 1)),
        AmendmentSigned(D(2027, 6, 1), changes=Changes(end_date=D(2028, 9, 30))),
    )
    assert lc.terms_on(D(2027, 5, 31)).end_date == D(2028, 3, 31)
    assert lc.terms_on(D(2027, 6, 1)).end_date == D(2028, 9, 30)
    assert lc.status(D(2028, 4, 1)).state is State.EXPERIMENTING
    assert lc.status(D(2028, 10, 1)).state is State.ENDED
    entry = lc.history[-1]
    assert entry.terms_before is not None
    assert entry.terms_after is not None
    assert (entry.terms_before.end_date, entry.terms_after.end_date) == (
        D(2028, 3, 31),
        D(2028, 9, 30),
    )
    shown = lc.status(D(2027, 6, 1)).to_json()["history"][-1]
    assert (shown["terms_before"], shown["terms_after"]) == (
        {"end_date": "2028-03-31"},
        {"end_date": "2028-09-30"},
    )


@pytest.mark.parametrize(
    ("changes", "why"),
    [
        (Changes(end_date=D(2027, 5, 31)), "an end date before the avenant's own date"),
        (Changes(end_date=D(2027, 11, 30)), "an end date before the evaluation deadline"),
        (
            Changes(reduced_usage_after=D(2028, 1, 15)),
            "the al. 5 date after the evaluation deadline (31 December 2027)",
        ),
        (
            Changes(evaluation_deadline=D(2027, 2, 1)),
            "an evaluation deadline before the planned start (1 March 2027)",
        ),
    ],
)
def test_an_amendment_that_breaks_the_convention_is_refused(changes: Changes, why: str) -> None:
    refusal = refused(lifecycle(), AmendmentSigned(D(2027, 6, 1), changes=changes))
    assert refusal.article == "Art. 11", why


def test_an_amendment_moving_the_planned_start_later_puts_a_late_convention_back_to_signed() -> (
    None
):
    # No delay reported: the convention is delayed on Mon 15 March 2027 only because the
    # planned start (1 March) passed. An avenant of that day sets it to Thu 1 April 2027:
    # the planned start has not passed any more (signed), until Fri 2 April.
    lc = lifecycle()
    assert lc.status(D(2027, 3, 15)).state is State.DELAYED
    entry = lc.apply(
        AmendmentSigned(D(2027, 3, 15), changes=Changes(indicative_start=D(2027, 4, 1)))
    )
    assert (entry.state_before, entry.state_after) == (State.DELAYED, State.SIGNED)
    assert lc.status(D(2027, 4, 1)).state is State.SIGNED
    assert lc.status(D(2027, 4, 2)).state is State.DELAYED


# --- Art. 5 al. 3: the latest delay decides the cause; readiness ----------------------------------

BENEFICIARY_LATE = DelayReported(D(2027, 2, 10), cause=DelayCause.BENEFICIARY)
PROVIDER_LATE = DelayReported(D(2027, 2, 15), cause=DelayCause.PROVIDER)
METROPOLE_LATE = DelayReported(D(2027, 2, 15), cause=DelayCause.METROPOLE)
BENEFICIARY_LATE_AGAIN = DelayReported(D(2027, 2, 20), cause=DelayCause.BENEFICIARY)
READY = BeneficiaryReady(D(2027, 2, 18), details="locaux et équipes prêts")

# (situation, the reports before the planned start, the current cause, whether a breach
# ready_on_planned_date may be recorded on Tue 2 March 2027, the day after the planned
# start). RULES.md: « while the current delay cause is the beneficiary (or no delay was
# reported) »; « the latest report decides the current cause »; beneficiary_ready: « the
# current cause is no longer the beneficiary ».
CAUSES = [
    ("no delay reported", (), None, True),
    ("the beneficiary's delay", (BENEFICIARY_LATE,), DelayCause.BENEFICIARY, True),
    ("the provider's delay (Art. 5 al. 4)", (PROVIDER_LATE,), DelayCause.PROVIDER, False),
    ("the Métropole's delay (Art. 5 al. 4)", (METROPOLE_LATE,), DelayCause.METROPOLE, False),
    (
        "the beneficiary's, then the provider's: the latest decides",
        (BENEFICIARY_LATE, PROVIDER_LATE),
        DelayCause.PROVIDER,
        False,
    ),
    (
        "the provider's, then the beneficiary's again: the latest decides",
        (PROVIDER_LATE, BENEFICIARY_LATE_AGAIN),
        DelayCause.BENEFICIARY,
        True,
    ),
    ("the beneficiary's, then it declares itself ready", (BENEFICIARY_LATE, READY), None, False),
    (
        "ready, then reported late again by the Métropole's services",
        (BENEFICIARY_LATE, READY, BENEFICIARY_LATE_AGAIN),
        DelayCause.BENEFICIARY,
        True,
    ),
]


@pytest.mark.parametrize(
    ("events", "cause", "may_record"), [c[1:] for c in CAUSES], ids=[c[0] for c in CAUSES]
)
def test_the_latest_delay_report_decides_who_caused_the_delay(
    events: tuple[Event, ...], cause: DelayCause | None, may_record: bool
) -> None:
    lc = lifecycle(*events)
    status = lc.status(D(2027, 3, 2))
    assert (status.state, status.delay_cause) == (State.DELAYED, cause)
    not_ready = breach(D(2027, 3, 2), obligation=Obligation.READY_ON_PLANNED_DATE)
    if may_record:
        assert lc.apply(not_ready).state_after is State.IN_BREACH
    else:
        assert refused(lc, not_ready).article == "Art. 5 al. 3"


@pytest.mark.parametrize(
    ("events", "on", "why"),
    [
        ((), D(2027, 2, 28), "Sun 28 February 2027: the planned start has not come yet"),
        ((ExperimentStarted(D(2027, 3, 1)),), D(2027, 3, 2), "started: it was ready"),
    ],
)
def test_not_ready_is_recorded_only_from_the_planned_start_and_before_any_start(
    events: tuple[Event, ...], on: dt.date, why: str
) -> None:
    not_ready = breach(on, obligation=Obligation.READY_ON_PLANNED_DATE)
    assert refused(lifecycle(*events), not_ready).article == "Art. 5 al. 3", why


def test_not_ready_may_be_recorded_on_the_planned_start_itself() -> None:
    # « à la date prévue »: on Mon 1 March 2027 the beneficiary is due to be ready.
    lc = lifecycle(breach(D(2027, 3, 1), obligation=Obligation.READY_ON_PLANNED_DATE))
    assert lc.status(D(2027, 3, 1)).state is State.IN_BREACH
    assert lc.status(D(2027, 3, 1)).breaches[0].recorded.impedes  # by nature


def test_readiness_keeps_the_state_and_is_refused_once_started() -> None:
    lc = lifecycle(BENEFICIARY_LATE)
    entry = lc.apply(READY)
    assert (entry.state_before, entry.state_after) == (State.DELAYED, State.DELAYED)
    lc = lifecycle(ExperimentStarted(D(2027, 3, 1)))
    refusal = refused(lc, BeneficiaryReady(D(2027, 3, 2)))
    assert (refusal.state, refusal.article) == (State.EXPERIMENTING, "Art. 5 al. 3")


# --- not ready goes through the Art. 12 notice (RULES.md v2) --------------------------------------

# Not ready on Tue 2 March 2027, the day after the planned start; the letter is sent the
# same day: day 30 is Thu 1 April 2027, a working day, so the deadline is 1 April.
NOT_READY = (
    breach(D(2027, 3, 2), obligation=Obligation.READY_ON_PLANNED_DATE),
    notice(D(2027, 3, 2)),
)
HEARD = (JustificationsExamined(D(2027, 3, 10)), RepresentativesHeard(D(2027, 3, 12)))


@pytest.mark.parametrize(
    ("events", "on", "why"),
    [
        (NOT_READY[:1], D(2027, 4, 2), "no registered letter: the thirty days never started"),
        (NOT_READY, D(2027, 3, 31), "Wed 31 March: inside the thirty days"),
        (NOT_READY, D(2027, 4, 1), "Thu 1 April, the deadline itself: still in time"),
        (
            (*NOT_READY, BeneficiaryReady(D(2027, 4, 1))),
            D(2027, 4, 2),
            "ready on the deadline: remedied in time",
        ),
        (
            (*NOT_READY, ExperimentStarted(D(2027, 3, 20))),
            D(2027, 4, 2),
            "started on Sat 20 March: remedied in time",
        ),
        ((), D(2027, 3, 2), "no breach ready_on_planned_date at all"),
    ],
)
def test_not_ready_termination_refused_until_the_thirty_days_ran_out(
    events: tuple[Event, ...], on: dt.date, why: str
) -> None:
    refusal = refused(lifecycle(*events), terminate(on, Ground.NOT_READY, breach=None))
    assert refusal.article == "Art. 5 al. 3", why


def test_not_ready_termination_the_day_after_the_deadline() -> None:
    # Fri 2 April 2027, the day after the deadline: the ground is open. Without the
    # Art. 9 steps and without a notification date, two advisories.
    lc = lifecycle(*NOT_READY)
    entry = lc.apply(terminate(D(2027, 4, 2), Ground.NOT_READY))
    assert (entry.state_before, entry.state_after) == (State.REMEDY_PERIOD, State.TERMINATED)
    assert codes(entry) == {
        "breach_termination_without_art9",
        "termination_without_notification_date",
    }
    # With both Art. 9 steps and the date the letter reached the beneficiary: none.
    lc = lifecycle(*NOT_READY, *HEARD)
    entry = lc.apply(terminate(D(2027, 4, 2), Ground.NOT_READY, notified_on=D(2027, 4, 2)))
    assert codes(entry) == set()
    # The facts of the indemnity: the breach impeded the start by nature, its thirty
    # days ran out on Thu 1 April without a remedy.
    facts = lc.termination_facts(D(2027, 4, 2))
    assert facts.termination is not None
    assert facts.breach is not None
    assert (facts.termination.ground, facts.in_effect) == (Ground.NOT_READY, True)
    assert (facts.breach.notice_sent_on, facts.breach.remedy_deadline) == (
        D(2027, 3, 2),
        D(2027, 4, 1),
    )
    assert (facts.breach.impedes_experiment, facts.breach.remedied_in_time) == (True, False)


def test_the_indemnity_may_be_claimed_after_a_not_ready_termination_past_its_deadline() -> None:
    # 180 000.00 € TTC ÷ 3 beneficiaries = 60 000.00 €, to be justified within the prejudice.
    lc = lifecycle(*NOT_READY, terminate(D(2027, 4, 2), Ground.NOT_READY))
    facts = lc.termination_facts(D(2027, 4, 2))
    assessment = assess_indemnity(facts, market_total=Decimal("180000.00"), beneficiaries=3)
    assert assessment.due
    assert assessment.market_share == Decimal("60000.00")


def test_not_ready_naming_a_breach_of_another_obligation_is_refused() -> None:
    lc = lifecycle(breach(D(2027, 3, 2)), notice(D(2027, 3, 2)))
    refusal = refused(lc, terminate(D(2027, 4, 2), Ground.NOT_READY, breach="B1"))
    assert refusal.article == "Art. 5 al. 3"


WITHOUT_NOTICE = NotReadyOptions(notice_required=False)


@pytest.mark.parametrize(
    ("events", "on", "allowed", "why"),
    [
        ((BENEFICIARY_LATE,), D(2027, 3, 1), False, "Mon 1 March: the planned start itself"),
        ((BENEFICIARY_LATE,), D(2027, 3, 2), True, "Tue 2 March: the day after"),
        ((PROVIDER_LATE,), D(2027, 3, 2), False, "the provider's delay (Art. 5 al. 4)"),
        ((BENEFICIARY_LATE, READY), D(2027, 3, 2), False, "the beneficiary declared it ready"),
        (
            (BENEFICIARY_LATE, ExperimentStarted(D(2027, 3, 2))),
            D(2027, 3, 3),
            False,
            "started",
        ),
    ],
)
def test_not_ready_without_notice_when_the_option_says_so(
    events: tuple[Event, ...], on: dt.date, allowed: bool, why: str
) -> None:
    # NotReadyOptions(notice_required=False): version 1's reading of Art. 5 al. 3, a
    # special rule needing no notice — allowed from the day after the planned start while
    # the current cause of the delay is the beneficiary, with an advisory.
    lc = lifecycle(*events, not_ready_options=WITHOUT_NOTICE)
    event = terminate(on, Ground.NOT_READY, notified_on=on)
    if not allowed:
        assert refused(lc, event).article == "Art. 5 al. 3", why
        return
    entry = lc.apply(event)
    assert entry.state_after is State.TERMINATED, why
    assert codes(entry) == {"not_ready_without_notice"}
    # The indemnity still needs the thirty days to have run out (RULES.md v2).
    facts = lc.termination_facts(on)
    assert facts.termination is not None
    assert facts.termination.ground is Ground.NOT_READY
    assert facts.breach is None  # no breach named, no letter, no thirty days
    indemnity = assess_indemnity(facts, market_total=Decimal("180000.00"), beneficiaries=3)
    assert not indemnity.due


def test_under_the_option_a_notice_that_ran_out_needs_no_advisory() -> None:
    lc = lifecycle(*NOT_READY, *HEARD, not_ready_options=WITHOUT_NOTICE)
    entry = lc.apply(terminate(D(2027, 4, 2), Ground.NOT_READY, notified_on=D(2027, 4, 2)))
    assert entry.state_after is State.TERMINATED
    assert codes(entry) == set()


# --- several breaches open at once, each with its own letter and thirty days ----------------------

# Started Mon 1 March 2027. B1: data not shared (Art. 8), recorded Thu 1 April. B2:
# meetings not attended, recorded Fri 2 April. B2's letter is sent Fri 2 April (day 30
# is Sun 2 May → Mon 3 May 2027); B1's on Tue 6 April (day 30 is Thu 6 May, Ascension →
# Fri 7 May 2027). B2 is remedied on its deadline, B1 on its own.
TWO_BREACHES = (
    ExperimentStarted(D(2027, 3, 1)),
    breach(D(2027, 4, 1)),
    breach(D(2027, 4, 2), obligation=Obligation.ATTEND_MEETINGS, impedes=False),
    notice(D(2027, 4, 2), "B2"),
    notice(D(2027, 4, 6), "B1"),
    BreachRemedied(D(2027, 5, 3), breach="B2"),
    BreachRemedied(D(2027, 5, 7), breach="B1"),
)

# (date, state, the open breaches, the status's remedy deadline: the earliest among the
# open breaches that had their notice)
TWO_BREACHES_DAY_BY_DAY = [
    (D(2027, 4, 1), State.IN_BREACH, ["B1"], None),
    # B2 has its letter, B1 not yet: in_breach while one open breach lacks its notice.
    (D(2027, 4, 2), State.IN_BREACH, ["B1", "B2"], D(2027, 5, 3)),
    (D(2027, 4, 5), State.IN_BREACH, ["B1", "B2"], D(2027, 5, 3)),
    # Both had their letter: remedy_period; the earliest deadline is B2's, Mon 3 May.
    (D(2027, 4, 6), State.REMEDY_PERIOD, ["B1", "B2"], D(2027, 5, 3)),
    # B2 remedied on its deadline (in time); B1's Fri 7 May is now the deadline.
    (D(2027, 5, 3), State.REMEDY_PERIOD, ["B1"], D(2027, 5, 7)),
    (D(2027, 5, 6), State.REMEDY_PERIOD, ["B1"], D(2027, 5, 7)),
    # B1 remedied on its deadline: the last open breach closes, back to the return state.
    (D(2027, 5, 7), State.EXPERIMENTING, [], None),
]


@pytest.mark.parametrize(
    ("on", "state", "labels", "deadline"),
    TWO_BREACHES_DAY_BY_DAY,
    ids=[case[0].isoformat() for case in TWO_BREACHES_DAY_BY_DAY],
)
def test_two_breaches_open_at_once(
    on: dt.date, state: State, labels: list[str], deadline: dt.date | None
) -> None:
    status = lifecycle(*TWO_BREACHES).status(on)
    assert status.state is state
    assert open_labels(status) == labels
    assert deadline_of(status) == deadline
    assert status.return_state is (None if state is State.EXPERIMENTING else State.EXPERIMENTING)


def test_each_breach_keeps_its_own_letter_deadline_and_remedy() -> None:
    status = lifecycle(*TWO_BREACHES).status(D(2027, 5, 7))
    b1, b2 = status.breaches
    assert (b1.notice and b1.notice.on, b1.deadline_date, b1.remedied_on) == (
        D(2027, 4, 6),
        D(2027, 5, 7),
        D(2027, 5, 7),
    )
    assert (b2.notice and b2.notice.on, b2.deadline_date, b2.remedied_on) == (
        D(2027, 4, 2),
        D(2027, 5, 3),
        D(2027, 5, 3),
    )
    assert (b1.late, b2.late, b1.still_a_ground, b2.still_a_ground) == (False,) * 4


def test_a_breach_whose_thirty_days_ran_out_is_a_ground_while_the_other_still_runs() -> None:
    # Without the remedies: on Tue 4 May 2027 B2's thirty days ran out (deadline Mon
    # 3 May), B1's run until Fri 7 May. Termination for breach: for B2 yes, for B1 not yet.
    lc = lifecycle(*TWO_BREACHES[:5])
    status = lc.status(D(2027, 5, 4))
    assert (status.state, deadline_of(status), status.remedy_deadline_passed) == (
        State.REMEDY_PERIOD,
        D(2027, 5, 3),
        True,
    )
    refusal = refused(lc, terminate(D(2027, 5, 4), Ground.BREACH, breach="B1"))
    assert refusal.article == "Art. 12 al. 2"
    assert lc.check(terminate(D(2027, 5, 4), Ground.BREACH, breach="B2")) is None
    assert lc.check(terminate(D(2027, 5, 8), Ground.BREACH, breach="B1")) is None


def test_a_new_breach_during_the_thirty_days_of_another_goes_back_to_in_breach() -> None:
    # B1's letter (Fri 2 April) put the convention in remedy_period; B2, recorded Mon
    # 12 April without a letter, puts it back in in_breach; B2's letter of Fri 16 April
    # (day 30 Sun 16 May, then Whit Monday 17 May → Tue 18 May 2027) gives remedy_period.
    lc = lifecycle(ExperimentStarted(D(2027, 3, 1)), breach(D(2027, 4, 1)), notice(D(2027, 4, 2)))
    entry = lc.apply(breach(D(2027, 4, 12), obligation=Obligation.FREE_ACCESS))
    assert (entry.state_before, entry.state_after) == (State.REMEDY_PERIOD, State.IN_BREACH)
    entry = lc.apply(notice(D(2027, 4, 16), "B2"))
    assert (entry.state_before, entry.state_after) == (State.IN_BREACH, State.REMEDY_PERIOD)
    b1, b2 = lc.status(D(2027, 4, 16)).breaches
    assert (b1.deadline_date, b2.deadline_date) == (D(2027, 5, 3), D(2027, 5, 18))
    assert deadline_of(lc.status(D(2027, 4, 16))) == D(2027, 5, 3)


# --- the return state -----------------------------------------------------------------------------

# (the return state, the events before the breach, the breach's date). A breach is
# remedied the day after it is recorded; the convention goes back to the last state it
# held before it entered in_breach.
RETURNS = [
    (State.SIGNED, (), D(2026, 12, 1)),
    (State.DELAYED, (PROVIDER_LATE,), D(2027, 2, 16)),
    (State.EXPERIMENTING, (ExperimentStarted(D(2027, 3, 1)),), D(2027, 4, 1)),
    (State.EXPERIMENT_STOPPED, STOPPED, D(2027, 6, 1)),
]


@pytest.mark.parametrize(
    ("back", "before", "on"), RETURNS, ids=[state.value for state, _, _ in RETURNS]
)
def test_a_remedy_goes_back_to_the_return_state(
    back: State, before: tuple[Event, ...], on: dt.date
) -> None:
    lc = lifecycle(*before)
    entry = lc.apply(breach(on, "R", Obligation.DESIGNATE_REFERENT, impedes=False))
    assert (entry.state_before, entry.state_after) == (back, State.IN_BREACH)
    assert lc.status(on).return_state is back
    entry = lc.apply(BreachRemedied(on + dt.timedelta(days=1), breach="R"))
    assert (entry.state_before, entry.state_after) == (State.IN_BREACH, back)
    assert lc.status(on + dt.timedelta(days=1)).return_state is None


def test_the_planned_start_passing_during_a_breach_changes_the_return_state() -> None:
    # Recorded Mon 15 February 2027 while signed; the planned start, Mon 1 March, passes
    # during the breach: from Tue 2 March the return state is delayed.
    referent = breach(D(2027, 2, 15), obligation=Obligation.DESIGNATE_REFERENT)
    lc = lifecycle(referent)
    assert lc.status(D(2027, 3, 1)).return_state is State.SIGNED
    status = lc.status(D(2027, 3, 2))
    assert (status.state, status.return_state) == (State.IN_BREACH, State.DELAYED)
    remedied_in_march = lifecycle(referent, BreachRemedied(D(2027, 3, 3)))
    assert remedied_in_march.history[-1].state_after is State.DELAYED
    # Remedied on the planned start itself: back to signed, delayed the next day.
    on_the_day = lifecycle(referent, BreachRemedied(D(2027, 3, 1)))
    assert on_the_day.history[-1].state_after is State.SIGNED
    assert on_the_day.status(D(2027, 3, 2)).state is State.DELAYED


# --- life goes on during a breach -----------------------------------------------------------------

# The referent was not designated: recorded Tue 1 December 2026, while signed; the letter
# is sent Wed 2 December 2026: day 30 is Fri 1 January 2027, a public holiday, then a
# weekend → the deadline is Mon 4 January 2027.
NO_REFERENT = (
    breach(D(2026, 12, 1), obligation=Obligation.DESIGNATE_REFERENT),
    notice(D(2026, 12, 2)),
)


def test_the_thirty_days_past_new_year() -> None:
    lc = lifecycle(*NO_REFERENT)
    status = lc.status(D(2027, 1, 4))
    assert (status.state, deadline_of(status), status.return_state) == (
        State.REMEDY_PERIOD,
        D(2027, 1, 4),
        State.SIGNED,
    )
    assert status.remedy_deadline is not None
    assert [day.day for day in status.remedy_deadline.skipped] == [
        D(2027, 1, 1),
        D(2027, 1, 2),
        D(2027, 1, 3),
    ]
    assert refused(lc, terminate(D(2027, 1, 4), Ground.BREACH)).article == "Art. 12 al. 2"
    assert lc.check(terminate(D(2027, 1, 5), Ground.BREACH)) is None


def test_the_experiment_starts_during_a_breach() -> None:
    # Started Mon 1 March 2027 during the referent breach: the state stays remedy_period,
    # the return state becomes experimenting; the remedy of Tue 2 March leads there.
    lc = lifecycle(*NO_REFERENT)
    entry = lc.apply(ExperimentStarted(D(2027, 3, 1)))
    assert (entry.state_before, entry.state_after) == (State.REMEDY_PERIOD, State.REMEDY_PERIOD)
    status = lc.status(D(2027, 3, 1))
    assert (status.return_state, status.experiment_started_on) == (
        State.EXPERIMENTING,
        D(2027, 3, 1),
    )
    assert lc.apply(BreachRemedied(D(2027, 3, 2))).state_after is State.EXPERIMENTING


def test_a_delay_reported_during_a_breach_changes_the_return_state() -> None:
    lc = lifecycle(*NO_REFERENT, DelayReported(D(2026, 12, 10), cause=DelayCause.PROVIDER))
    status = lc.status(D(2026, 12, 10))
    assert (status.state, status.return_state, status.delay_cause) == (
        State.REMEDY_PERIOD,
        State.DELAYED,
        DelayCause.PROVIDER,
    )


def test_no_delay_or_readiness_once_started_during_a_breach() -> None:
    lc = lifecycle(ExperimentStarted(D(2027, 3, 1)), breach(D(2027, 4, 1)))
    refused(lc, DelayReported(D(2027, 4, 2), cause=DelayCause.PROVIDER))
    refused(lc, BeneficiaryReady(D(2027, 4, 2)))
    refused(lc, ExperimentStarted(D(2027, 4, 2)))


# (situation, the event that cures « not ready », its date, late?, state after). The
# letter of Tue 2 March 2027 gives until Thu 1 April 2027.
READY_CURES = [
    ("start on the deadline", ExperimentStarted(D(2027, 4, 1)), False, State.EXPERIMENTING),
    ("start the day after", ExperimentStarted(D(2027, 4, 2)), True, State.EXPERIMENTING),
    ("ready on the deadline", BeneficiaryReady(D(2027, 4, 1)), False, State.DELAYED),
    ("ready the day after", BeneficiaryReady(D(2027, 4, 2)), True, State.DELAYED),
]


@pytest.mark.parametrize(
    ("event", "late", "state"), [c[1:] for c in READY_CURES], ids=[c[0] for c in READY_CURES]
)
def test_a_start_or_readiness_remedies_not_being_ready(
    event: Event, late: bool, state: State
) -> None:
    lc = lifecycle(*NOT_READY)
    assert lc.apply(event).state_after is state
    (b1,) = lc.status(event.on).breaches
    assert (b1.open, b1.remedied_on, b1.late, b1.still_a_ground) == (False, event.on, late, late)
    not_ready = terminate(D(2027, 4, 2), Ground.NOT_READY, breach="B1")
    if late:
        entry = lc.apply(not_ready)
        assert "termination_after_late_remedy" in codes(entry)
    else:
        assert refused(lc, not_ready).article == "Art. 5 al. 3"


def test_readiness_before_the_letter_is_a_remedy_in_time() -> None:
    lc = lifecycle(NOT_READY[0], BeneficiaryReady(D(2027, 3, 3)))
    (b1,) = lc.status(D(2027, 3, 3)).breaches
    assert (lc.state, b1.open, b1.late, b1.still_a_ground) == (State.DELAYED, False, False, False)


# --- a late remedy closes the breach but keeps the Métropole's rights -----------------------------

# Started Mon 1 March 2027; data not shared, recorded Thu 1 April; letter Fri 2 April
# 2027: day 30 Sun 2 May → deadline Mon 3 May 2027.
DATA_BREACH = (ExperimentStarted(D(2027, 3, 1)), breach(D(2027, 4, 1)), notice(D(2027, 4, 2)))

# (situation, remedy, late?, still a ground?, termination for breach on Tue 4 May?)
LATE_REMEDIES = [
    ("on the deadline: in time", BreachRemedied(D(2027, 5, 3)), False, False, False),
    ("the day after: late", BreachRemedied(D(2027, 5, 4)), True, True, True),
    (
        "the day after, lateness waived by the Métropole",
        BreachRemedied(D(2027, 5, 4), accepted_late=True),
        True,
        False,
        False,
    ),
]


@pytest.mark.parametrize(
    ("remedy", "late", "ground", "may_terminate"),
    [c[1:] for c in LATE_REMEDIES],
    ids=[c[0] for c in LATE_REMEDIES],
)
def test_a_late_remedy_closes_the_breach_and_keeps_it_a_ground(
    remedy: BreachRemedied, late: bool, ground: bool, may_terminate: bool
) -> None:
    lc = lifecycle(*DATA_BREACH)
    entry = lc.apply(remedy)
    # Either way the breach closes: the convention goes back to experimenting.
    assert (entry.state_before, entry.state_after) == (State.REMEDY_PERIOD, State.EXPERIMENTING)
    (b1,) = lc.status(remedy.on).breaches
    assert (b1.open, b1.late, b1.still_a_ground) == (False, late, ground)
    for_breach = terminate(D(2027, 5, 4), Ground.BREACH, breach="B1", notified_on=D(2027, 5, 4))
    if may_terminate:
        entry = lc.apply(for_breach)
        assert entry.state_after is State.TERMINATED
        assert codes(entry) == {
            "termination_after_late_remedy",
            "breach_termination_without_art9",
        }
    else:
        assert refused(lc, for_breach).article == "Art. 12 al. 2"


def test_a_late_remedy_leaves_the_indemnity_conditions_met() -> None:
    # « il n'y a pas été remédié … dans le délai »: remedied Tue 4 May, after Mon 3 May.
    lc = lifecycle(
        *DATA_BREACH,
        BreachRemedied(D(2027, 5, 4)),
        terminate(D(2027, 5, 5), Ground.BREACH, breach="B1"),
    )
    facts = lc.termination_facts(D(2027, 5, 5))
    assert facts.termination is not None
    assert facts.breach is not None
    assert facts.termination.ground is Ground.BREACH
    assert (facts.breach.remedied_on, facts.breach.remedy_deadline) == (
        D(2027, 5, 4),
        D(2027, 5, 3),
    )
    assert (facts.breach.late, facts.breach.remedied_in_time) == (True, False)
    assessment = assess_indemnity(facts, market_total=Decimal("180000.00"), beneficiaries=3)
    assert assessment.due


# --- Art. 9: the end of the experiment without terminating the convention -------------------------

# STOPPABLE: started Mon 1 March 2027; data not shared, recorded Thu 1 April; letter Fri
# 2 April (deadline Mon 3 May 2027); justifications examined Tue 20 April,
# representatives heard Thu 22 April.


@pytest.mark.parametrize(
    ("events", "on", "why"),
    [
        (STOPPABLE, D(2027, 5, 3), "Mon 3 May: the thirty days still run (Default)"),
        (STOPPABLE[:4], D(2027, 5, 4), "the representatives were not heard"),
        (STOPPABLE[:3], D(2027, 5, 4), "neither Art. 9 step"),
        ((*STOPPABLE, BreachRemedied(D(2027, 5, 3))), D(2027, 5, 4), "remedied in time"),
    ],
)
def test_the_experiment_cannot_be_stopped_before_the_art9_procedure_and_the_thirty_days(
    events: tuple[Event, ...], on: dt.date, why: str
) -> None:
    stop = ExperimentStopped(on, reason="données absentes", breach="B1")
    assert refused(lifecycle(*events), stop).article == "Art. 9", why


def test_the_experiment_stopped_the_convention_stays_in_force_until_its_end_date() -> None:
    # Tue 4 May 2027, the day after the deadline: the Métropole « peut décider de la fin
    # de l'expérimentation ». The breach is closed as sanctioned and stays a ground; the
    # convention stays in force (Art. 8 data, evaluation) until Fri 31 March 2028.
    lc = lifecycle(*STOPPABLE)
    entry = lc.apply(ExperimentStopped(D(2027, 5, 4), reason="données toujours absentes"))
    assert (entry.state_before, entry.state_after) == (
        State.REMEDY_PERIOD,
        State.EXPERIMENT_STOPPED,
    )
    status = lc.status(D(2027, 5, 4))
    (b1,) = status.breaches
    assert (b1.open, b1.closed_as, b1.still_a_ground) == (False, "sanctioned", True)
    assert (status.experiment_stopped_on, status.remedy_deadline) == (D(2027, 5, 4), None)
    assert lc.status(D(2028, 3, 31)).state is State.EXPERIMENT_STOPPED
    assert lc.status(D(2028, 4, 1)).state is State.ENDED
    # Neither a new start nor a second stop for the same breach.
    refused(lc, ExperimentStarted(D(2027, 5, 5)))
    assert refused(lc, ExperimentStopped(D(2027, 5, 5), reason="-", breach="B1")).article == (
        "Art. 9"
    )
    # The breach stays a ground: the Métropole may still terminate for it.
    sanction = lc.apply(terminate(D(2027, 5, 10), Ground.SANCTION, breach="B1"))
    assert sanction.state_after is State.TERMINATED


def test_the_experiment_may_be_stopped_during_the_thirty_days_when_the_option_says_so() -> None:
    # SanctionOptions(require_remedy_period=False): Art. 9 read as a procedure of its own;
    # on Fri 23 April 2027, the day after the hearing, well inside the thirty days.
    lc = lifecycle(*STOPPABLE, sanction_options=SanctionOptions(require_remedy_period=False))
    entry = lc.apply(ExperimentStopped(D(2027, 4, 23), reason="données absentes"))
    assert entry.state_after is State.EXPERIMENT_STOPPED


def test_the_experiment_stopped_for_a_breach_remedied_late() -> None:
    # Remedied Tue 4 May 2027, after the deadline (Mon 3 May): back to experimenting, but
    # still a ground; on Wed 5 May the Métropole ends the experiment for it.
    lc = lifecycle(*STOPPABLE, BreachRemedied(D(2027, 5, 4)))
    assert lc.state is State.EXPERIMENTING
    entry = lc.apply(
        ExperimentStopped(D(2027, 5, 5), reason="données remises trop tard", breach="B1")
    )
    assert (entry.state_before, entry.state_after) == (
        State.EXPERIMENTING,
        State.EXPERIMENT_STOPPED,
    )


def test_the_experiment_stopped_while_another_breach_is_open() -> None:
    # B2 (free access, Art. 7) is recorded Mon 10 May 2027 without a letter; B1 is closed
    # by the Art. 9 decision of Tue 11 May: the convention stays in_breach, with
    # experiment_stopped as its return state, until B2 is remedied.
    lc = lifecycle(*STOPPABLE, breach(D(2027, 5, 10), obligation=Obligation.FREE_ACCESS))
    entry = lc.apply(ExperimentStopped(D(2027, 5, 11), reason="données absentes", breach="B1"))
    assert (entry.state_before, entry.state_after) == (State.IN_BREACH, State.IN_BREACH)
    status = lc.status(D(2027, 5, 11))
    assert (status.return_state, open_labels(status)) == (State.EXPERIMENT_STOPPED, ["B2"])
    again = ExperimentStopped(D(2027, 5, 12), reason="-", breach="B1")
    assert refused(lc, again).article == "Art. 9"  # B1 was already closed by that decision
    assert lc.apply(BreachRemedied(D(2027, 5, 12))).state_after is State.EXPERIMENT_STOPPED


def test_the_experiment_stopped_before_it_ever_started() -> None:
    # Not ready since Tue 2 March 2027; the thirty days ran out on Thu 1 April, both
    # Art. 9 steps were taken in March: on Fri 2 April the Métropole ends the experiment
    # that never started. It cannot start afterwards, nor be reported late.
    lc = lifecycle(*NOT_READY, *HEARD)
    entry = lc.apply(ExperimentStopped(D(2027, 4, 2), reason="jamais prêt"))
    assert (entry.state_before, entry.state_after) == (
        State.REMEDY_PERIOD,
        State.EXPERIMENT_STOPPED,
    )
    refused(lc, ExperimentStarted(D(2027, 4, 3)))
    lc.apply(breach(D(2027, 4, 5), obligation=Obligation.SHARE_DATA))
    refusal = refused(lc, DelayReported(D(2027, 4, 6), cause=DelayCause.BENEFICIARY))
    assert refusal.state is State.IN_BREACH
    refusal = refused(lc, breach(D(2027, 4, 6), obligation=Obligation.READY_ON_PLANNED_DATE))
    assert refusal.article == "Art. 5 al. 3"


def test_a_breach_remedied_in_time_is_not_sanctioned_even_under_the_option() -> None:
    # SanctionOptions(require_remedy_period=False) drops the thirty days, not the ground:
    # remedied on Fri 23 April 2027 (no letter: in time), B1 is no longer a ground.
    lc = lifecycle(
        *STOPPABLE[:2],
        *STOPPABLE[3:],
        BreachRemedied(D(2027, 4, 23)),
        sanction_options=SanctionOptions(require_remedy_period=False),
    )
    stop = ExperimentStopped(D(2027, 4, 24), reason="-", breach="B1")
    assert refused(lc, stop).article == "Art. 9"
    assert refused(lc, terminate(D(2027, 4, 24), Ground.SANCTION, breach="B1")).article == "Art. 9"


def test_a_breach_after_the_experiment_stopped() -> None:
    # « au terme de l'expérimentation, le bénéficiaire transfère … les données » (Art. 8):
    # a breach recorded Tue 1 June 2027 in experiment_stopped returns there once remedied.
    lc = lifecycle(*STOPPED)
    entry = lc.apply(breach(D(2027, 6, 1)))
    assert (entry.state_before, entry.state_after) == (State.EXPERIMENT_STOPPED, State.IN_BREACH)
    assert isinstance(entry.event, BreachRecorded)
    assert entry.event.breach == "B2"


def test_the_experiment_cannot_be_stopped_before_it_is_under_way() -> None:
    refusal = refused(lifecycle(), ExperimentStopped(D(2027, 1, 4), reason="-", breach="B1"))
    assert refusal.state is State.SIGNED


# --- Art. 3: an unsuccessful procurement; lapsed --------------------------------------------------


@pytest.mark.parametrize(
    ("events", "state"),
    [
        ((SIGNED[0],), State.DRAFT),
        (SIGNED, State.SIGNED),
        ((*SIGNED, PROVIDER_LATE), State.DELAYED),
    ],
    ids=["draft", "signed", "delayed"],
)
def test_a_definitive_unsuccessful_procurement_makes_the_convention_lapse(
    events: tuple[Event, ...], state: State
) -> None:
    # « sous réserve du caractère fructueux de ladite procédure »: the object failed for
    # good. Lapsed is final: nothing follows it, not even the end date (never ended).
    lc = unsigned(*events)
    failed = ProcurementUnsuccessful(D(2027, 2, 20), details="aucune offre", definitive=True)
    entry = lc.apply(failed)
    assert (entry.state_before, entry.state_after, codes(entry)) == (state, State.LAPSED, set())
    assert lc.status(D(2028, 4, 1)).state is State.LAPSED
    assert lc.status(D(2027, 2, 20)).allowed_events == ()
    refusal = refused(lc, AmendmentSigned(D(2027, 3, 1), changes=Changes(duration_months=7)))
    assert (refusal.state, refusal.article) == (State.LAPSED, "Art. 3")


def test_a_procurement_failure_not_definitive_keeps_the_state_with_an_advisory() -> None:
    lc = lifecycle()
    entry = lc.apply(ProcurementUnsuccessful(D(2027, 2, 20), details="infructueux, relancé"))
    assert (entry.state_before, entry.state_after) == (State.SIGNED, State.SIGNED)
    assert codes(entry) == {"procurement_not_definitive"}
    assert [a.source.label for a in entry.advisories] == ["Art. 3"]


@pytest.mark.parametrize(
    "events",
    [(ExperimentStarted(D(2027, 3, 1)),), (breach(D(2027, 1, 10)),)],
    ids=["experimenting", "in_breach"],
)
def test_no_procurement_failure_once_under_way_or_during_a_breach(
    events: tuple[Event, ...],
) -> None:
    failed = ProcurementUnsuccessful(D(2027, 3, 2), definitive=True)
    assert refused(lifecycle(*events), failed).article == "Art. 3"


# --- the termination: decided, notified, in effect ------------------------------------------------


def test_a_termination_takes_effect_when_notified_not_when_decided() -> None:
    # Decided Fri 15 January 2027, received by the beneficiary Tue 19 January, to take
    # effect Mon 1 February 2027 (CE 1948 L'Aurore: no retroactive decision). Meanwhile
    # the state is unchanged (« résiliation décidée, effet au … »); terminated from 1 Feb.
    lc = lifecycle()
    entry = lc.apply(
        terminate(
            D(2027, 1, 15),
            Ground.INTERRUPTION,
            notified_on=D(2027, 1, 19),
            effective_on=D(2027, 2, 1),
        )
    )
    assert (entry.state_before, entry.state_after, codes(entry)) == (
        State.SIGNED,
        State.SIGNED,
        set(),
    )
    for on, state, in_effect in [
        (D(2027, 1, 15), State.SIGNED, False),
        (D(2027, 1, 31), State.SIGNED, False),
        (D(2027, 2, 1), State.TERMINATED, True),
    ]:
        status = lc.status(on)
        assert status.termination is not None
        assert (status.state, status.termination.in_effect) == (state, in_effect), on
        assert status.termination_decided is not in_effect
        assert status.termination.takes_effect_on == D(2027, 2, 1)


def test_notified_on_is_the_effective_date_by_default() -> None:
    lc = lifecycle(terminate(D(2027, 1, 15), Ground.INTERRUPTION, notified_on=D(2027, 1, 19)))
    assert lc.status(D(2027, 1, 18)).state is State.SIGNED
    assert lc.status(D(2027, 1, 19)).state is State.TERMINATED


def test_without_a_notification_date_the_decision_takes_effect_on_its_date_with_an_advisory() -> (
    None
):
    lc = lifecycle()
    entry = lc.apply(terminate(D(2027, 1, 15), Ground.INTERRUPTION))
    assert entry.state_after is State.TERMINATED
    assert codes(entry) == {"termination_without_notification_date"}
    assert [a.source.article for a in entry.advisories] == [
        "CE Ass., 25 juin 1948, Société du journal L'Aurore"
    ]


# Data not shared since Thu 1 April 2027 (letter Fri 2 April, deadline Mon 3 May); the
# Métropole decides on Mon 5 April to interrupt the experiment, effective Thu 15 April.
PENDING = (
    *DATA_BREACH,
    terminate(
        D(2027, 4, 5), Ground.INTERRUPTION, notified_on=D(2027, 4, 7), effective_on=D(2027, 4, 15)
    ),
)


@pytest.mark.parametrize(
    "event",
    [
        breach(D(2027, 4, 8), obligation=Obligation.FREE_ACCESS),
        AmendmentSigned(D(2027, 4, 8), changes=Changes(duration_months=7)),
        terminate(D(2027, 4, 8), Ground.COMMON_AGREEMENT),
    ],
    ids=lambda event: event.type,
)
def test_between_the_decision_and_its_effect_other_events_are_refused(event: Event) -> None:
    assert lifecycle(*DATA_BREACH).check(event) is None  # accepted without the decision
    refusal = refused(lifecycle(*PENDING), event)
    assert refusal.state is State.REMEDY_PERIOD


def test_between_the_decision_and_its_effect_art9_steps_and_remedies_are_recorded() -> None:
    # They do not undo the decision: terminated all the same from Thu 15 April 2027.
    lc = lifecycle(*PENDING)
    lc.apply(JustificationsExamined(D(2027, 4, 8)))
    lc.apply(RepresentativesHeard(D(2027, 4, 9)))
    entry = lc.apply(BreachRemedied(D(2027, 4, 12)))
    assert (entry.state_before, entry.state_after) == (State.REMEDY_PERIOD, State.EXPERIMENTING)
    assert lc.status(D(2027, 4, 14)).termination_decided
    assert lc.status(D(2027, 4, 15)).state is State.TERMINATED
    refusal = refused(lc, RepresentativesHeard(D(2027, 4, 15)))
    assert refusal.state is State.TERMINATED


def test_a_termination_cannot_take_effect_after_the_end_date() -> None:
    # Decided on the end date, Fri 31 March 2028, received Mon 3 April 2028: the
    # convention ends by itself on 31 March (Art. 2).
    late = terminate(D(2028, 3, 31), Ground.INTERRUPTION, notified_on=D(2028, 4, 3))
    assert refused(lifecycle(), late).article == "Art. 2"
    # Taking effect on the end date itself: terminated, not ended.
    lc = lifecycle(
        terminate(D(2028, 3, 24), Ground.INTERRUPTION, effective_on=D(2028, 3, 31)),
    )
    assert lc.status(D(2028, 3, 30)).state is State.DELAYED
    assert lc.status(D(2028, 3, 31)).state is State.TERMINATED
    assert lc.status(D(2028, 4, 1)).state is State.TERMINATED


def test_a_judgment_takes_effect_on_the_date_it_sets() -> None:
    # The Tribunal administratif pronounces the termination for force majeure on Fri
    # 15 January 2027. Without effective_on, on its date (its notified_on is not a
    # default); with effective_on Mon 1 February 2027, from then.
    judged = terminate(
        D(2027, 1, 15),
        Ground.FORCE_MAJEURE,
        by=TerminatedBy.JUDGE,
        notified_on=D(2027, 1, 20),
    )
    lc = lifecycle(judged)
    assert lc.status(D(2027, 1, 15)).state is State.TERMINATED
    assert codes(lc.history[-1]) == {"force_majeure"}
    lc = lifecycle(attrs.evolve(judged, effective_on=D(2027, 2, 1)))
    assert lc.status(D(2027, 1, 31)).state is State.SIGNED
    assert lc.status(D(2027, 2, 1)).state is State.TERMINATED


def test_a_judgment_for_a_breach_no_longer_open_names_none() -> None:
    # B1 remedied late on Tue 4 May 2027: none open; the Tribunal administratif pronounces
    # the termination on Mon 7 June 2027 for the beneficiary's breach.
    lc = lifecycle(*DATA_BREACH, BreachRemedied(D(2027, 5, 4)))
    judged = terminate(D(2027, 6, 7), Ground.BREACH, by=TerminatedBy.JUDGE)
    assert lc.apply(judged).state_after is State.TERMINATED


def test_no_termination_before_the_convention_is_in_force() -> None:
    lc = unsigned(SIGNED[0])
    refusal = refused(lc, terminate(D(2026, 11, 13), Ground.COMMON_AGREEMENT))
    assert refusal.state is State.DRAFT


# --- who may terminate, on which ground (every pairing) -------------------------------------------

# Not ready on Tue 2 March 2027, the letter sent that day (deadline Thu 1 April 2027),
# justifications examined Wed 10 March, representatives heard Fri 12 March: on Fri
# 2 April every ground's own conditions hold, so only the pairing decides.
EVERY_GROUND_OPEN = (*NOT_READY, *HEARD)
ALLOWED = {
    TerminatedBy.METROPOLE: {
        Ground.INTERRUPTION,
        Ground.NOT_READY,
        Ground.BREACH,
        Ground.SANCTION,
        Ground.COMMON_AGREEMENT,
        Ground.FORCE_MAJEURE,
    },
    TerminatedBy.BENEFICIARY: {Ground.COMMON_AGREEMENT, Ground.GENERAL_INTEREST},
    TerminatedBy.JUDGE: set(Ground),
}
# The article or decision each refused pairing names: the rule of its ground.
REFUSED_PAIRINGS = {
    (TerminatedBy.BENEFICIARY, Ground.INTERRUPTION): "Art. 12 al. 1",
    (TerminatedBy.BENEFICIARY, Ground.NOT_READY): "Art. 5 al. 3",
    (TerminatedBy.BENEFICIARY, Ground.BREACH): "Art. 12 al. 1",
    (TerminatedBy.BENEFICIARY, Ground.SANCTION): "Art. 9",
    # the beneficiary goes to the judge for force majeure
    (TerminatedBy.BENEFICIARY, Ground.FORCE_MAJEURE): "C. civ. 1218",
    (TerminatedBy.METROPOLE, Ground.GENERAL_INTEREST): (
        "CE, 27 févr. 2015, Commune de Béziers, n° 357028"
    ),
}
PAIRINGS = [(by, ground) for by in TerminatedBy for ground in Ground]


def test_the_table_of_pairings_is_complete() -> None:
    allowed = {(by, ground) for by, grounds in ALLOWED.items() for ground in grounds}
    assert allowed.isdisjoint(REFUSED_PAIRINGS)
    assert allowed | set(REFUSED_PAIRINGS) == set(PAIRINGS)


@pytest.mark.parametrize(
    ("by", "ground"), PAIRINGS, ids=[f"{by.value}-{ground.value}" for by, ground in PAIRINGS]
)
def test_who_may_terminate_on_which_ground(by: TerminatedBy, ground: Ground) -> None:
    lc = lifecycle(*EVERY_GROUND_OPEN)
    event = terminate(
        D(2027, 4, 2),
        ground,
        by=by,
        breach="B1" if ground.names_breach else None,
        notified_on=D(2027, 4, 2),
    )
    if ground in ALLOWED[by]:
        entry = lc.apply(event)
        assert entry.state_after is State.TERMINATED
        status = lc.status(D(2027, 4, 2))
        assert status.termination is not None
        assert (status.termination.ground, status.termination.by) == (ground, by)
    else:
        refusal = refused(lc, event)
        assert refusal.article == REFUSED_PAIRINGS[by, ground]
        assert refusal.event == f"termination:{ground.value}"


@pytest.mark.parametrize(
    ("ground", "by", "article"),
    [
        # CE Béziers 2015: only a reason of general interest allows a unilateral termination
        (Ground.INTERRUPTION, TerminatedBy.METROPOLE, "Art. 12 al. 1"),
        (Ground.FORCE_MAJEURE, TerminatedBy.METROPOLE, "C. civ. 1218"),
        (
            Ground.GENERAL_INTEREST,
            TerminatedBy.BENEFICIARY,
            "CE, 27 févr. 2015, Commune de Béziers, n° 357028",
        ),
        # a judgment states its reason, on any ground
        (Ground.BREACH, TerminatedBy.JUDGE, "Art. 12 al. 1"),
        (Ground.FORCE_MAJEURE, TerminatedBy.JUDGE, "C. civ. 1218"),
    ],
)
def test_a_termination_that_needs_a_reason_states_it(
    ground: Ground, by: TerminatedBy, article: str
) -> None:
    lc = lifecycle(*EVERY_GROUND_OPEN)
    event = terminate(
        D(2027, 4, 2), ground, by=by, reason=None, breach="B1" if ground.names_breach else None
    )
    assert refused(lc, event).article == article


@pytest.mark.parametrize("by", list(TerminatedBy), ids=lambda by: by.value)
def test_a_common_agreement_needs_no_reason_whoever_records_it(by: TerminatedBy) -> None:
    lc = lifecycle()
    entry = lc.apply(terminate(D(2027, 1, 15), Ground.COMMON_AGREEMENT, by=by, reason=None))
    assert (entry.state_after, codes(entry)) == (State.TERMINATED, set())


@pytest.mark.parametrize(
    ("ground", "article"),
    [
        (Ground.BREACH, "Art. 12 al. 1"),
        (Ground.SANCTION, "Art. 9"),
        (Ground.NOT_READY, "Art. 5 al. 3"),
    ],
)
@pytest.mark.parametrize("open_breaches", [0, 2], ids=["no-breach-open", "two-breaches-open"])
def test_the_beneficiary_cannot_terminate_for_its_own_breach_even_unnamed(
    ground: Ground, article: str, open_breaches: int
) -> None:
    # RULES.md, "Who may terminate": « the beneficiary on common_agreement and
    # general_interest only … Any other pairing is refused, naming the article ». The
    # pairing is refused for itself, before the breach is looked for: with no breach open
    # (or two, and none named) the refusal still names the ground's article.
    events = [
        breach(D(2027, 1, 10), "B1", Obligation.DESIGNATE_REFERENT),
        breach(D(2027, 1, 11), "B2", Obligation.FREE_ACCESS),
    ][:open_breaches]
    refusal = refused(
        lifecycle(*events), terminate(D(2027, 1, 15), ground, by=TerminatedBy.BENEFICIARY)
    )
    assert refusal.article == article
    assert refusal.event == f"termination:{ground.value}"


# --- advisories: each raised exactly when RULES.md says -------------------------------------------

N = D(2027, 5, 4)  # Tue 4 May 2027, the day after the deadline of the data breach (Mon 3 May)

# (situation, the events before, the event, the advisory codes it carries)
ADVISORY_CASES = [
    (
        "interruption while a breach is open (détournement de procédure)",
        DATA_BREACH,
        terminate(D(2027, 4, 5), Ground.INTERRUPTION, notified_on=D(2027, 4, 5)),
        {"interruption_with_open_breach"},
    ),
    (
        "interruption after the breach was remedied late: none open",
        (*DATA_BREACH, BreachRemedied(N)),
        terminate(D(2027, 5, 5), Ground.INTERRUPTION, notified_on=D(2027, 5, 5)),
        set(),
    ),
    (
        "interruption, no breach, notified",
        (),
        terminate(D(2027, 1, 15), Ground.INTERRUPTION, notified_on=D(2027, 1, 15)),
        set(),
    ),
    (
        "breach without the Art. 9 steps",
        DATA_BREACH,
        terminate(N, Ground.BREACH, notified_on=N),
        {"breach_termination_without_art9"},
    ),
    (
        "breach with the justifications examined only",
        STOPPABLE[:4],
        terminate(N, Ground.BREACH, notified_on=N),
        {"breach_termination_without_art9"},
    ),
    (
        "breach with both Art. 9 steps",
        STOPPABLE,
        terminate(N, Ground.BREACH, notified_on=N),
        set(),
    ),
    ("sanction", STOPPABLE, terminate(N, Ground.SANCTION, notified_on=N), set()),
    (
        "sanction after a late remedy",
        (*STOPPABLE, BreachRemedied(N)),
        terminate(D(2027, 5, 5), Ground.SANCTION, breach="B1", notified_on=D(2027, 5, 5)),
        {"termination_after_late_remedy"},
    ),
    (
        "a judgment for breach, without letter or hearing",
        DATA_BREACH[:2],
        terminate(D(2027, 4, 5), Ground.BREACH, by=TerminatedBy.JUDGE),
        set(),
    ),
    (
        "the beneficiary's general interest",
        (),
        terminate(
            D(2027, 1, 15),
            Ground.GENERAL_INTEREST,
            by=TerminatedBy.BENEFICIARY,
            notified_on=D(2027, 1, 18),
        ),
        {"general_interest_by_beneficiary"},
    ),
    (
        "the beneficiary's general interest, notification date unknown",
        (),
        terminate(D(2027, 1, 15), Ground.GENERAL_INTEREST, by=TerminatedBy.BENEFICIARY),
        {"general_interest_by_beneficiary", "termination_without_notification_date"},
    ),
    (
        "force majeure by the Métropole",
        (),
        terminate(D(2027, 1, 15), Ground.FORCE_MAJEURE, notified_on=D(2027, 1, 15)),
        {"force_majeure"},
    ),
    (
        "force majeure pronounced by the judge",
        (),
        terminate(D(2027, 1, 15), Ground.FORCE_MAJEURE, by=TerminatedBy.JUDGE),
        {"force_majeure"},
    ),
    (
        "common agreement (not unilateral: no notification advisory)",
        (),
        terminate(D(2027, 1, 15), Ground.COMMON_AGREEMENT),
        set(),
    ),
    (
        "a unilateral termination without its notification date",
        (),
        terminate(D(2027, 1, 15), Ground.INTERRUPTION),
        {"termination_without_notification_date"},
    ),
    (
        "a unilateral termination with effective_on but no notification date",
        (),
        terminate(D(2027, 1, 15), Ground.INTERRUPTION, effective_on=D(2027, 1, 20)),
        {"termination_without_notification_date"},
    ),
    (
        "a late remedy itself carries none",
        DATA_BREACH,
        BreachRemedied(N),
        set(),
    ),
    (
        "an unsuccessful procurement not marked definitive",
        (),
        ProcurementUnsuccessful(D(2027, 1, 15)),
        {"procurement_not_definitive"},
    ),
    (
        "a definitive one",
        (),
        ProcurementUnsuccessful(D(2027, 1, 15), definitive=True),
        set(),
    ),
]


@pytest.mark.parametrize(
    ("events", "event", "expected"),
    [case[1:] for case in ADVISORY_CASES],
    ids=[case[0] for case in ADVISORY_CASES],
)
def test_each_advisory_is_raised_exactly_when_rules_says(
    events: tuple[Event, ...], event: Event, expected: set[str]
) -> None:
    lc = lifecycle(*events)
    assert lc.status(event.on).advisories == ()  # nothing before
    entry = lc.apply(event)
    assert codes(entry) == expected
    assert {a.code for a in lc.status(event.on).advisories} == expected
    # An advisory is never a refusal: the event is in the history.
    assert lc.history[-1] == entry


# --- pending events, and check --------------------------------------------------------------------


def test_events_dated_after_the_status_date_are_pending() -> None:
    # On Fri 2 April 2027 the two breaches' story is known up to B2's letter; the letter
    # for B1 (6 April) and both remedies (3 and 7 May) are still to come.
    lc = lifecycle(*TWO_BREACHES)
    status = lc.status(D(2027, 4, 2))
    assert [(e.type, e.on) for e in status.pending] == [
        ("formal_notice_sent", D(2027, 4, 6)),
        ("breach_remedied", D(2027, 5, 3)),
        ("breach_remedied", D(2027, 5, 7)),
    ]
    known = lifecycle(*TWO_BREACHES[:4]).status(D(2027, 4, 2))
    assert attrs.evolve(status, pending=()) == known
    assert lc.status(D(2027, 5, 7)).pending == ()


@pytest.mark.parametrize(
    "event",
    [
        FormalNoticeSent(D(2027, 4, 10), breach="B1", letter_reference="second letter"),
        breach(D(2027, 4, 10), "B1"),
        terminate(D(2027, 4, 10), Ground.BREACH, breach="B2"),
        BreachRemedied(D(2027, 3, 31), breach="B1"),  # before the last event
        Signature(D(2027, 4, 10), party=Party.METROPOLE),
    ],
    ids=["second-letter", "label-reused", "unknown-label", "out-of-order", "signed-twice"],
)
def test_check_and_a_refused_apply_change_nothing(event: Event) -> None:
    lc = lifecycle(*DATA_BREACH)
    on = D(2027, 4, 10)
    before = (lc.history, lc.status(on).to_json(), lc.terms_on(on))
    refused(lc, event)
    assert (lc.history, lc.status(on).to_json(), lc.terms_on(on)) == before


def test_check_of_an_accepted_event_does_not_apply_it() -> None:
    lc = lifecycle(*DATA_BREACH)
    history = lc.history
    assert lc.check(BreachRemedied(D(2027, 4, 10))) is None
    assert lc.history == history
    assert lc.status(D(2027, 4, 10)).state is State.REMEDY_PERIOD


def test_events_dated_before_the_last_are_refused_the_same_day_accepted() -> None:
    lc = lifecycle(*DATA_BREACH)  # last event Fri 2 April 2027
    refusal = refused(lc, breach(D(2027, 4, 1), obligation=Obligation.FREE_ACCESS))
    assert refusal.article is None
    assert lc.apply(breach(D(2027, 4, 2), obligation=Obligation.FREE_ACCESS)).index == 5


def test_a_refused_event_in_a_file_names_its_position() -> None:
    convention = attrs.evolve(BASE, events=(*SIGNED, notice(D(2027, 1, 4))))
    with pytest.raises(EventRefused) as info:
        Lifecycle.from_convention(convention)
    assert (info.value.index, info.value.field) == (2, "$.events[2]")


# --- breach labels --------------------------------------------------------------------------------


def test_breach_labels_default_to_b1_b2_in_order_of_recording() -> None:
    lc = lifecycle(ExperimentStarted(D(2027, 3, 1)), breach(D(2027, 4, 1), "ACCES-7"))
    entry = lc.apply(breach(D(2027, 4, 2)))
    assert isinstance(entry.event, BreachRecorded)
    assert entry.event.breach == "B2"  # the second breach recorded
    assert open_labels(lc.status(D(2027, 4, 2))) == ["ACCES-7", "B2"]


def test_the_breach_may_be_left_out_only_when_exactly_one_is_open() -> None:
    lc = lifecycle(ExperimentStarted(D(2027, 3, 1)), breach(D(2027, 4, 1)))
    entry = lc.apply(notice(D(2027, 4, 2)))
    assert isinstance(entry.event, FormalNoticeSent)
    assert entry.event.breach == "B1"  # filled in
    lc.apply(breach(D(2027, 4, 6), obligation=Obligation.FREE_ACCESS))
    refusal = refused(lc, BreachRemedied(D(2027, 4, 7)))
    assert (refusal.state, refusal.article) == (State.IN_BREACH, None)
    assert lc.apply(BreachRemedied(D(2027, 4, 7), breach="B2")).state_after is (State.REMEDY_PERIOD)
    # None open: a remedy must name its breach, and a closed one cannot be remedied again.
    lc.apply(BreachRemedied(D(2027, 4, 8), breach="B1"))
    assert refused(lc, BreachRemedied(D(2027, 4, 9))).article is None
    assert refused(lc, BreachRemedied(D(2027, 4, 9), breach="B1")).article == "Art. 12 al. 2"


def test_an_unknown_or_reused_label_is_refused() -> None:
    lc = lifecycle(ExperimentStarted(D(2027, 3, 1)), breach(D(2027, 4, 1)))
    assert refused(lc, notice(D(2027, 4, 2), "B9")).article is None
    refused(lc, breach(D(2027, 4, 2), "B1"))


def test_not_ready_must_name_its_breach_when_another_breach_is_open() -> None:
    # RULES.md, "Breaches": a termination on ground not_ready names its breach; « the
    # field may be left out only when exactly one breach is open ». B1 (not ready, Tue
    # 2 March 2027, the day after the planned start) and B2 (data not shared, same day)
    # are open; B1's letter, sent Tue 2 March, gives until Thu 1 April 2027 (day 30, a
    # working day). On Fri 2 April the ground is open for B1 — once B1 is named.
    lc = lifecycle(
        breach(D(2027, 3, 2), obligation=Obligation.READY_ON_PLANNED_DATE),
        breach(D(2027, 3, 2)),
        notice(D(2027, 3, 2), "B1"),
    )
    assert [b.label for b in lc.status(D(2027, 4, 2)).open_breaches] == ["B1", "B2"]
    assert refused(lc, terminate(D(2027, 4, 2), Ground.NOT_READY)).article == "Art. 5 al. 3"
    entry = lc.apply(terminate(D(2027, 4, 2), Ground.NOT_READY, breach="B1"))
    assert entry.state_after is State.TERMINATED


def test_not_ready_may_leave_out_its_breach_when_it_is_the_only_one_open() -> None:
    # The same, without B2: the one open breach is B1, and the termination is for it.
    lc = lifecycle(
        breach(D(2027, 3, 2), obligation=Obligation.READY_ON_PLANNED_DATE),
        notice(D(2027, 3, 2)),
    )
    entry = lc.apply(terminate(D(2027, 4, 2), Ground.NOT_READY))
    assert isinstance(entry.event, Termination)
    assert entry.event.breach == "B1"
    assert entry.state_after is State.TERMINATED


# --- the period of use, as the status shows it (RULES.md v2, « Periods in months ») ---------------


def test_a_late_start_on_the_31st_and_the_evaluation_before_the_deadline_read_strictly() -> None:
    # Started Mon 31 May 2027, after the planned 1 March: 6 months from 31 May end on the
    # day before 31 November, which does not exist: the last day of November, Tue 30 Nov
    # 2027 (CPC 641 al. 2). « avant le 31 décembre 2027 » read strictly: the 2-month
    # evaluation must end by Thu 30 Dec 2027, so it starts at the latest on Sun 31 Oct
    # (31 Oct + 2 months ends on 30 Dec); the last day of use is Sat 30 Oct 2027.
    status = lifecycle(ExperimentStarted(D(2027, 5, 31))).status(D(2027, 6, 1))
    period = status.usage_period
    assert period is not None
    assert (period.normal_last_day, period.last_day, period.reduced) == (
        D(2027, 11, 30),
        D(2027, 10, 30),
        True,
    )


def test_a_start_on_time_keeps_its_six_months() -> None:
    # Started on the planned Mon 1 March 2027: 6 months end on the day before 1 September,
    # Tue 31 August 2027; no cut for a set-up on time.
    period = lifecycle(ExperimentStarted(D(2027, 3, 1))).status(D(2027, 3, 1)).usage_period
    assert period is not None
    assert (period.first_day, period.last_day, period.reduced) == (
        D(2027, 3, 1),
        D(2027, 8, 31),
        False,
    )


# --- what can happen on a date --------------------------------------------------------------------


def test_what_can_happen_during_the_thirty_days_and_after() -> None:
    # The data breach: letter of Fri 2 April 2027, deadline Mon 3 May 2027. On the
    # deadline, a remedy is still in time and termination for breach is not yet possible;
    # the day after, it is.
    lc = lifecycle(*DATA_BREACH)
    on_the_deadline = set(lc.allowed_events(D(2027, 5, 3)))
    day_after = set(lc.allowed_events(D(2027, 5, 4)))
    assert "breach_remedied" in on_the_deadline & day_after  # a late remedy is a fact
    assert "termination:breach" not in on_the_deadline
    assert "termination:breach" in day_after
    refused_then = {r.event: r for r in lc.refused_events(D(2027, 5, 3))}
    assert refused_then["termination:breach"].article == "Art. 12 al. 2"
    assert refused_then["termination:breach"].render("en").endswith("(Art. 12 al. 2)")
    # Never anything once ended (Art. 2) or terminated.
    assert lc.allowed_events(D(2028, 4, 1)) == ()


class _NotAnEvent(Event):
    """An event class outside the convention's vocabulary."""


def test_only_the_events_of_the_convention_are_recorded() -> None:
    lc = lifecycle()
    refusal = refused(lc, _NotAnEvent(D(2027, 1, 4)))
    assert (refusal.event, refusal.state, refusal.article) == ("_NotAnEvent", State.SIGNED, None)


# --- the bundled examples, on Saturday 28 November 2026 (the date of the README and docs) ---------

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
ON = D(2026, 11, 28)


def example(name: str) -> Lifecycle:
    return Lifecycle.from_convention(load_path(EXAMPLES / name))


def test_example_06_two_breaches_open_with_their_own_deadlines() -> None:
    # B1 (data not shared, Art. 8): letter Mon 26 October 2026, day 30 Wed 25 November, a
    # working day. B2 (meetings missed): letter Mon 9 November, day 30 Wed 9 December.
    # On Sat 28 November both are open with their letters: remedy_period; B1's deadline
    # passed (termination for breach possible since Thu 26 November), B2's runs.
    lc = example("06-clairval-deux-manquements.json")
    status = lc.status(ON)
    assert (status.state, status.return_state) == (State.REMEDY_PERIOD, State.EXPERIMENTING)
    assert [(b.label, b.deadline_date) for b in status.open_breaches] == [
        ("B1", D(2026, 11, 25)),
        ("B2", D(2026, 12, 9)),
    ]
    assert (deadline_of(status), status.remedy_deadline_passed) == (D(2026, 11, 25), True)
    assert lc.check(terminate(ON, Ground.BREACH, breach="B1")) is None
    assert lc.check(terminate(ON, Ground.BREACH, breach="B2")) is not None
    assert status.advisories == ()


def test_example_07_a_late_remedy_still_a_ground() -> None:
    # Free access refused (Art. 7): letter Fri 2 October 2026; day 30 is Sun 1 November,
    # All Saints' Day → Mon 2 November. Remedied Tue 10 November: late. On 28 November
    # the convention is back to experimenting, and the breach is still a ground.
    lc = example("07-haut-modele-remede-tardif.json")
    status = lc.status(ON)
    (b1,) = status.breaches
    assert status.state is State.EXPERIMENTING
    assert (b1.deadline_date, b1.remedied_on, b1.late, b1.still_a_ground) == (
        D(2026, 11, 2),
        D(2026, 11, 10),
        True,
        True,
    )
    entry = lc.apply(terminate(ON, Ground.BREACH, breach="B1", notified_on=ON))
    assert "termination_after_late_remedy" in codes(entry)


def test_example_08_a_draft_never_signed_by_the_metropole_is_not_concluded() -> None:
    # Signed by the beneficiary only (Mon 2 February 2026); end date Sat 31 October 2026.
    lc = example("08-val-d-essai-non-conclue.json")
    assert lc.status(D(2026, 10, 31)).state is State.DRAFT
    status = lc.status(ON)
    assert (status.state, status.effective_date, status.allowed_events) == (
        State.NOT_CONCLUDED,
        None,
        (),
    )


def test_example_09_the_experiment_stopped_the_convention_in_force() -> None:
    # Substantial change without consent (Art. 9): letter Tue 8 September 2026, day 30
    # Thu 8 October; justifications examined Thu 15 October, representatives heard Tue
    # 20 October; the Métropole ended the experiment on Mon 2 November 2026. In force
    # until Thu 30 September 2027 (Art. 8 data, the evaluation).
    lc = example("09-seine-fictive-experimentation-arretee.json")
    status = lc.status(ON)
    (b1,) = status.breaches
    assert (status.state, status.experiment_stopped_on) == (
        State.EXPERIMENT_STOPPED,
        D(2026, 11, 2),
    )
    assert (b1.deadline_date, b1.closed_as, b1.still_a_ground) == (
        D(2026, 10, 8),
        "sanctioned",
        True,
    )
    assert lc.status(D(2027, 9, 30)).state is State.EXPERIMENT_STOPPED
    assert lc.status(D(2027, 10, 1)).state is State.ENDED


def test_example_10_a_termination_decided_then_notified() -> None:
    # Staff not provided: letter Mon 5 October 2026, day 30 Wed 4 November; both Art. 9
    # steps (9 and 12 November); the sanction is decided Thu 26 November and received
    # Tue 1 December 2026. On 28 November: still remedy_period, the termination decided;
    # terminated from 1 December.
    lc = example("10-port-exemple-resiliation-notifiee.json")
    status = lc.status(ON)
    assert status.state is State.REMEDY_PERIOD
    assert status.termination is not None
    assert (status.termination.ground, status.termination.takes_effect_on) == (
        Ground.SANCTION,
        D(2026, 12, 1),
    )
    assert status.termination_decided
    assert status.advisories == ()
    assert lc.status(D(2026, 11, 30)).state is State.REMEDY_PERIOD
    assert lc.status(D(2026, 12, 1)).state is State.TERMINATED
    facts = lc.termination_facts(D(2026, 12, 1))
    assert facts.termination is not None
    assert facts.breach is not None
    assert (facts.termination.ground, facts.termination.takes_effect_on, facts.in_effect) == (
        Ground.SANCTION,
        D(2026, 12, 1),
        True,
    )
    assert (facts.breach.remedy_deadline, facts.breach.remedied_in_time) == (
        D(2026, 11, 4),
        False,
    )


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.json")), ids=lambda p: p.name)
def test_every_example_is_written_in_the_canonical_layout(path: Path) -> None:
    assert dumps(load_path(path)) == path.read_text(encoding="utf-8")


def test_an_amendment_moving_the_planned_start_later_during_a_breach_changes_the_return_state() -> (
    None
):
    # No delay reported; the planned start, Mon 1 March 2027, passed: the referent breach
    # recorded Fri 5 March is entered from delayed. The avenant of Wed 10 March sets the
    # planned start to Thu 1 April: it has not passed any more, so once the breach is
    # remedied (Fri 12 March) the convention is signed — delayed again from Fri 2 April.
    lc = lifecycle(
        breach(D(2027, 3, 5), obligation=Obligation.DESIGNATE_REFERENT),
        AmendmentSigned(D(2027, 3, 10), changes=Changes(indicative_start=D(2027, 4, 1))),
    )
    assert lc.status(D(2027, 3, 10)).return_state is State.SIGNED
    assert lc.apply(BreachRemedied(D(2027, 3, 12))).state_after is State.SIGNED
    assert lc.status(D(2027, 4, 1)).state is State.SIGNED
    assert lc.status(D(2027, 4, 2)).state is State.DELAYED


def test_an_amendment_during_a_breach_keeps_a_reported_delay() -> None:
    # The provider's delay was reported (Mon 15 February 2027): the convention stays
    # delayed whatever the planned start (« a delay has been reported »).
    lc = lifecycle(
        PROVIDER_LATE,
        breach(D(2027, 3, 5), obligation=Obligation.DESIGNATE_REFERENT),
        AmendmentSigned(D(2027, 3, 10), changes=Changes(indicative_start=D(2027, 4, 1))),
    )
    assert lc.status(D(2027, 3, 10)).return_state is State.DELAYED
    assert lc.apply(BreachRemedied(D(2027, 3, 12))).state_after is State.DELAYED
