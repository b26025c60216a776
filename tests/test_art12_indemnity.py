"""Art. 12 al. 3: when the indemnity may be claimed, and the amount that may be claimed.

Each case is named after the legal situation it encodes, with how its expected value
was computed. Dates (hand-computed, CPC 641–642):

- the example convention is signed on 12 and 19 November 2026; its experiment starts on
  Monday 1 March 2027 (``tests/_builders.py``);
- a breach recorded on Thursday 1 April 2027, its formal notice sent on Friday 2 April
  2027: day 30 is Sunday 2 May 2027, so the thirty days run until **Monday 3 May 2027**
  included; a termination for breach is possible from Tuesday 4 May 2027.

The amounts are divided and rounded by hand, half up to the cent (Reg. (EC) 1103/97).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from decimal import Decimal
from typing import Any

import pytest
from contract import contract_text
from hypothesis import given
from hypothesis import strategies as st

from mgp_convention.articles.art05_delays import NotReadyOptions
from mgp_convention.articles.art09_sanctions import SanctionOptions
from mgp_convention.articles.art12_beneficiaries import (
    BeneficiaryCount,
    CountedBeneficiary,
    CountUntil,
    declared_count,
)
from mgp_convention.articles.art12_indemnity import (
    ART12_AL1,
    ART12_AL2,
    ART12_AL3,
    CONDITIONS,
    GROUNDS_FOR_INDEMNITY,
    ConditionCode,
    IndemnityAssessment,
    assess_indemnity,
    indemnity_notes,
    unmet_conditions,
)
from mgp_convention.articles.art12_indemnity_amount import (
    MarketTotal,
    PrejudiceItem,
    claimable_amount,
    market_total_from_ht,
    market_total_from_ttc,
)
from mgp_convention.articles.art12_indemnity_facts import (
    BreachFacts,
    DecidedTermination,
    TerminationFacts,
)
from mgp_convention.citations import Citation
from mgp_convention.errors import DateError, InvalidValue, MoneyError
from mgp_convention.events import (
    BreachRemedied,
    DelayCause,
    DelayReported,
    Event,
    ExperimentStarted,
    ExperimentStopped,
    Ground,
    JustificationsExamined,
    Obligation,
    RepresentativesHeard,
    TerminatedBy,
    Termination,
)
from mgp_convention.lifecycle import Lifecycle

from _builders import breach, convention, notice

D = dt.date
C = ConditionCode
DEADLINE = D(2027, 5, 3)  # notice Fri 2 Apr 2027 + 30 days = Sun 2 May → Mon 3 May 2027
TUESDAY_4_MAY = D(2027, 5, 4)  # the first day a termination for breach is possible
STARTED = ExperimentStarted(D(2027, 3, 1))
BREACH = breach(D(2027, 4, 1), "B1")
NOTICE = notice(D(2027, 4, 2), "B1")


def plain(text: str) -> str:
    """Babel's narrow and non-breaking spaces as plain spaces, to compare text."""
    return text.replace("\u202f", " ").replace("\xa0", " ")


def lifecycle(*events: Event, **options: Any) -> Lifecycle:
    """The example convention, signed, with ``events``, replayed with ``options``."""
    return Lifecycle.from_convention(convention(*events), **options)


def codes(facts: TerminationFacts) -> list[str]:
    return [unmet.code.value for unmet in unmet_conditions(facts)]


def facts(
    *,
    on: dt.date = TUESDAY_4_MAY,
    decided: dt.date = TUESDAY_4_MAY,
    effective: dt.date | None = None,
    ground: Ground = Ground.BREACH,
    by: TerminatedBy = TerminatedBy.METROPOLE,
    **breach_changes: Any,
) -> TerminationFacts:
    """A termination for breach B1 after its thirty days, with ``breach_changes``."""
    values: dict[str, Any] = {
        "impedes_experiment": True,
        "obligation": Obligation.SHARE_DATA,
        "notice_sent_on": D(2027, 4, 2),
        "remedy_deadline": DEADLINE,
    }
    values.update(breach_changes)
    termination = DecidedTermination(decided, effective or decided, ground, by)
    return TerminationFacts(on, termination, BreachFacts("B1", **values))


# --- the words of the contract -----------------------------------------------------------


def test_the_paragraph_and_every_condition_are_quoted_verbatim() -> None:
    text = contract_text()
    for citation in (ART12_AL1, ART12_AL2, ART12_AL3):
        assert citation.text in text, citation.label
    for condition in CONDITIONS:
        # each condition's words are words of al. 3; al. 2 says what « le délai » is
        assert condition.citation.label == "Art. 12 al. 3"
        assert condition.citation.text in ART12_AL3.text, condition.code
        if condition.also is not None and condition.also.article == "Art. 12":
            assert condition.also.text in ART12_AL2.text, condition.code


def test_the_conditions_are_those_of_rules_version_2_in_order() -> None:
    assert [c.code.value for c in CONDITIONS] == [
        "termination_in_effect",
        "by_metropole",
        "for_a_breach",
        "breach_named",
        "breach_impedes_experiment",
        "formal_notice_sent",
        "remedy_period_ran_out",
        "not_remedied_in_time",
    ]
    # RULES v2: « on ground breach, sanction or not_ready for a named breach »
    assert {Ground.BREACH, Ground.SANCTION, Ground.NOT_READY} == GROUNDS_FOR_INDEMNITY


def test_each_condition_as_json_quotes_its_words_and_the_rule_that_reads_them() -> None:
    # copied from the contract: « par la Métropole du Grand Paris » (al. 3) and « un délai
    # de trente jours … audit manquement » (al. 2); the messages are the catalogue's
    by_code = {condition.code: condition for condition in CONDITIONS}
    assert by_code[C.BY_METROPOLE].to_json() == {
        "condition": "by_metropole",
        "message": "la résiliation est une décision unilatérale de la Métropole",
        "message_en": "the termination is a unilateral decision of the Métropole",
        "article": "Art. 12 al. 3",
        "quote": "résiliation unilatérale de la présente convention par la Métropole du Grand "
        "Paris",
        "also_article": None,
        "also_quote": None,
    }
    assert by_code[C.NOTICE_SENT].to_json() == {
        "condition": "formal_notice_sent",
        "message": "sa mise en demeure (lettre recommandée avec accusé de réception) a été envoyée",
        "message_en": "its formal notice (registered letter with acknowledgement of receipt) was "
        "sent",
        "article": "Art. 12 al. 3",
        "quote": "dans le délai prévu à l'alinéa précédent",
        "also_article": "Art. 12 al. 2",
        "also_quote": "un délai de trente jours à compter de l'envoi d'une lettre recommandée "
        "avec accusé de réception pour remédier audit manquement",
    }


# --- when it may be claimed: the conditions, case by case --------------------------------

CASES = [
    pytest.param(facts(), [], id="due_after_a_termination_for_breach_after_the_thirty_days"),
    pytest.param(
        facts(ground=Ground.SANCTION), [], id="due_after_an_art9_sanction_after_the_thirty_days"
    ),
    pytest.param(
        facts(ground=Ground.NOT_READY, obligation=Obligation.READY_ON_PLANNED_DATE),
        [],
        id="due_after_a_termination_for_not_being_ready_after_its_notice",
    ),
    pytest.param(
        facts(obligation=None), [], id="due_when_the_obligation_is_not_said_by_hand_made_facts"
    ),
    pytest.param(
        facts(remedied_on=DEADLINE),
        [C.NOT_REMEDIED_IN_TIME],
        id="not_due_when_the_remedy_came_on_the_deadline_day",  # 3 May: in time
    ),
    pytest.param(
        facts(remedied_on=D(2027, 5, 4)),
        [],
        id="due_after_a_late_remedy_not_accepted",  # 4 May: one day late, not accepted
    ),
    pytest.param(
        facts(remedied_on=D(2027, 5, 4), accepted_late=True),
        [C.NOT_REMEDIED_IN_TIME],
        id="not_due_after_a_late_remedy_the_metropole_accepted",
    ),
    pytest.param(
        facts(remedied_on=D(2027, 4, 1), notice_sent_on=None, remedy_deadline=None),
        [C.NOTICE_SENT, C.NOT_REMEDIED_IN_TIME],
        id="not_due_after_a_remedy_before_any_notice",
    ),
    pytest.param(
        facts(impedes_experiment=False),
        [C.BREACH_IMPEDES],
        id="not_due_for_a_breach_that_did_not_impede_the_experiment",
    ),
    pytest.param(
        facts(notice_sent_on=None, remedy_deadline=None),
        [C.NOTICE_SENT],
        id="not_due_without_a_formal_notice",
    ),
    pytest.param(
        facts(decided=DEADLINE),
        [C.PERIOD_RAN_OUT],
        id="not_due_when_decided_on_the_last_of_the_thirty_days",
    ),
    pytest.param(
        facts(decided=D(2027, 4, 20), on=D(2027, 5, 10), remedied_on=D(2027, 4, 30)),
        [C.PERIOD_RAN_OUT, C.NOT_REMEDIED_IN_TIME],
        id="not_due_when_decided_early_and_remedied_in_time_after_the_decision",
    ),
    pytest.param(facts(by=TerminatedBy.JUDGE), [C.BY_METROPOLE], id="not_due_after_a_judgment"),
    pytest.param(
        facts(on=D(2027, 5, 5), effective=D(2027, 5, 7)),
        [C.TERMINATION_IN_EFFECT],
        id="not_due_before_the_termination_takes_effect",
    ),
    pytest.param(
        facts(effective=D(2027, 5, 7), on=D(2027, 5, 7)),
        [],
        id="due_from_the_day_the_termination_takes_effect",
    ),
    pytest.param(
        facts(ground=Ground.NOT_READY, by=TerminatedBy.JUDGE),
        [C.BY_METROPOLE, C.BREACH_NAMED],
        id="not_due_for_a_not_ready_judgment_naming_another_obligation",
    ),
    pytest.param(
        facts(
            on=D(2027, 5, 5),
            effective=D(2027, 5, 6),
            decided=D(2027, 4, 20),
            by=TerminatedBy.JUDGE,
            impedes_experiment=False,
            remedied_on=D(2027, 4, 22),
        ),
        [
            C.TERMINATION_IN_EFFECT,
            C.BY_METROPOLE,
            C.BREACH_IMPEDES,
            C.PERIOD_RAN_OUT,
            C.NOT_REMEDIED_IN_TIME,
        ],
        id="not_due_with_every_unmet_condition_listed",
    ),
]


@pytest.mark.parametrize(("the_facts", "unmet"), CASES)
def test_conditions_of_al3(the_facts: TerminationFacts, unmet: list[ConditionCode]) -> None:
    assert codes(the_facts) == [code.value for code in unmet]
    assessment = assess_indemnity(the_facts, market_total="180000", beneficiaries=3)
    assert assessment.due is (not unmet)
    # 180 000.00 ÷ 3 = 60 000.00 when due; no amount at all when not
    assert assessment.market_share == (None if unmet else Decimal("60000.00"))
    assert assessment.total == assessment.market_share


OTHER_GROUNDS = [
    pytest.param(Ground.INTERRUPTION, TerminatedBy.METROPOLE, [C.FOR_A_BREACH, C.BREACH_NAMED]),
    pytest.param(Ground.COMMON_AGREEMENT, TerminatedBy.METROPOLE, [C.FOR_A_BREACH, C.BREACH_NAMED]),
    pytest.param(
        Ground.FORCE_MAJEURE, TerminatedBy.JUDGE, [C.BY_METROPOLE, C.FOR_A_BREACH, C.BREACH_NAMED]
    ),
    pytest.param(
        Ground.GENERAL_INTEREST,
        TerminatedBy.BENEFICIARY,
        [C.BY_METROPOLE, C.FOR_A_BREACH, C.BREACH_NAMED],
    ),
]


@pytest.mark.parametrize(("ground", "by", "unmet"), OTHER_GROUNDS)
def test_not_due_on_a_ground_that_is_not_a_breach(
    ground: Ground, by: TerminatedBy, unmet: list[ConditionCode]
) -> None:
    # « pour manquement du Bénéficiaire »: such a termination names no breach at all
    decided = DecidedTermination(D(2027, 5, 4), D(2027, 5, 4), ground, by)
    assert codes(TerminationFacts(D(2027, 6, 1), decided)) == [code.value for code in unmet]


def test_not_due_when_nothing_was_decided_and_only_that_is_said() -> None:
    # « ce manquement » is the one a termination names: without one, one condition only
    (unmet,) = unmet_conditions(TerminationFacts(D(2027, 5, 4)))
    assert unmet.code is C.TERMINATION_IN_EFFECT
    assert unmet.render("en") == (
        "no termination has been decided by Tuesday 4 May 2027 (Art. 12 al. 3)"
    )
    assert plain(unmet.render("fr")) == (
        "aucune résiliation n'a été décidée à la date du mardi 4 mai 2027 (Art. 12 al. 3)"
    )


# Each reason in full, in both languages. Days of the week by hand from Tuesday 4 May
# 2027: Wednesday 5 and Friday 7 May; Monday 3 May (the deadline of the thirty days);
# Tuesday 20 April 2027 is two weeks before 4 May.
REASONS = [
    pytest.param(
        facts(on=D(2027, 5, 5), effective=D(2027, 5, 7)),
        C.TERMINATION_IN_EFFECT,
        "la résiliation décidée le mardi 4 mai 2027 prend effet le vendredi 7 mai 2027, après "
        "la date de la demande (mercredi 5 mai 2027)",
        "the termination decided on Tuesday 4 May 2027 takes effect on Friday 7 May 2027, "
        "after the date of the claim (Wednesday 5 May 2027)",
        id="a_claim_before_the_termination_takes_effect",
    ),
    pytest.param(
        facts(by=TerminatedBy.JUDGE),
        C.BY_METROPOLE,
        "la convention a été résiliée par le juge, non par une décision unilatérale de la "
        "Métropole",
        "the convention was terminated by the judge, not by the Métropole's own decision",
        id="a_termination_by_the_judge",
    ),
    pytest.param(
        TerminationFacts(
            D(2027, 6, 1),
            DecidedTermination(D(2027, 5, 4), D(2027, 5, 4), Ground.INTERRUPTION),
        ),
        C.FOR_A_BREACH,
        "le motif est : interruption de l'expérimentation, et non un manquement du bénéficiaire",
        "the ground is interruption of the experiment, not a breach by the beneficiary",
        id="a_termination_for_an_interruption",
    ),
    pytest.param(
        TerminationFacts(
            D(2027, 6, 1),
            DecidedTermination(D(2027, 5, 4), D(2027, 5, 4), Ground.INTERRUPTION),
        ),
        C.BREACH_NAMED,
        "la résiliation ne désigne aucun manquement du bénéficiaire",
        "the termination names no breach by the beneficiary",
        id="a_termination_naming_no_breach",
    ),
    pytest.param(
        facts(ground=Ground.NOT_READY),
        C.BREACH_NAMED,
        "la résiliation est prononcée pour défaut de préparation à la date prévue, mais le "
        "manquement B1 porte sur une autre obligation (mettre à disposition et transférer les "
        "données)",
        "the termination is for not being ready on the planned date, but breach B1 is of "
        "another obligation (make the data available and transfer it)",
        id="a_not_ready_termination_naming_a_data_breach",
    ),
    pytest.param(
        facts(impedes_experiment=False),
        C.BREACH_IMPEDES,
        "le manquement B1 a été enregistré comme n'empêchant ni le démarrage ni le bon déroulé "
        "de l'expérimentation",
        "breach B1 was recorded as not preventing the start or the proper running of the "
        "experiment",
        id="a_breach_that_did_not_impede",
    ),
    pytest.param(
        facts(notice_sent_on=None, remedy_deadline=None),
        C.NOTICE_SENT,
        "aucune mise en demeure n'a été envoyée pour le manquement B1 : ses trente jours n'ont "
        "jamais commencé",
        "no formal notice was sent for breach B1: its thirty days never started",
        id="a_breach_without_formal_notice",
    ),
    pytest.param(
        facts(decided=D(2027, 4, 20), on=D(2027, 5, 10)),
        C.PERIOD_RAN_OUT,
        "la résiliation a été décidée le mardi 20 avril 2027, alors que les trente jours du "
        "manquement B1 couraient encore (jusqu'au lundi 3 mai 2027 inclus)",
        "the termination was decided on Tuesday 20 April 2027, while the thirty days of breach "
        "B1 still ran (until Monday 3 May 2027 included)",
        id="a_termination_decided_while_the_thirty_days_ran",
    ),
    pytest.param(
        facts(remedied_on=DEADLINE),
        C.NOT_REMEDIED_IN_TIME,
        "le manquement B1 a été réparé dans le délai, le lundi 3 mai 2027",
        "breach B1 was remedied in time, on Monday 3 May 2027",
        id="a_remedy_on_the_deadline_day",
    ),
    pytest.param(
        facts(remedied_on=D(2027, 5, 4), accepted_late=True),
        C.NOT_REMEDIED_IN_TIME,
        "le manquement B1 a été réparé tardivement, le mardi 4 mai 2027, et la Métropole a "
        "accepté cette remédiation tardive : il est réputé réparé dans le délai",
        "breach B1 was remedied late, on Tuesday 4 May 2027, and the Métropole accepted the "
        "late remedy: it counts as remedied in time",
        id="a_late_remedy_the_metropole_accepted",
    ),
]


@pytest.mark.parametrize(("the_facts", "code", "reason_fr", "reason_en"), REASONS)
def test_each_unmet_condition_gives_its_reason_in_full_in_both_languages(
    the_facts: TerminationFacts, code: ConditionCode, reason_fr: str, reason_en: str
) -> None:
    (unmet,) = [unmet for unmet in unmet_conditions(the_facts) if unmet.code is code]
    assert plain(unmet.render("fr")) == f"{reason_fr} (Art. 12 al. 3)"
    assert unmet.render("en") == f"{reason_en} (Art. 12 al. 3)"
    data = unmet.to_json()
    assert (plain(data["reason"]), data["reason_en"]) == (reason_fr, reason_en)


def test_each_unmet_condition_names_its_breach_and_its_dates() -> None:
    # decided on 20 April 2027, while the thirty days ran until Monday 3 May 2027
    (unmet,) = unmet_conditions(facts(decided=D(2027, 4, 20), on=D(2027, 5, 10)))
    assert unmet.code is C.PERIOD_RAN_OUT
    text = unmet.reason.render("en")
    assert "B1" in text
    assert "Tuesday 20 April 2027" in text
    assert "Monday 3 May 2027" in text
    assert unmet.condition.also == Citation(
        "Art. 12",
        "al. 2",
        "un délai de trente jours à compter de l'envoi d'une lettre recommandée avec accusé "
        "de réception pour remédier audit manquement",
    )
    data = unmet.to_json()
    assert (data["condition"], data["article"], data["also_article"]) == (
        "remedy_period_ran_out",
        "Art. 12 al. 3",
        "Art. 12 al. 2",
    )
    assert data["quote"] in ART12_AL3.text
    assert data["reason"].startswith("la résiliation a été décidée le mardi 20 avril 2027")
    assert data["reason_en"] == text


def test_a_late_remedy_not_accepted_is_noted_and_still_counts_as_not_remedied() -> None:
    # remedied Tue 4 May 2027, the day after the deadline; the Métropole did not accept it
    late = facts(remedied_on=D(2027, 5, 4))
    assert late.breach is not None
    assert late.breach.late
    assert not late.breach.remedied_in_time
    (note,) = indemnity_notes(late)
    # the note in full: breach B1, remedied Tue 4 May 2027, deadline Mon 3 May 2027, and
    # the words of al. 3 quoted in French in both languages
    assert note.render("fr") == (
        "Le manquement B1 a été réparé le mardi 4 mai 2027, après son échéance (lundi 3 mai "
        "2027), et la Métropole n'a pas accepté cette remédiation tardive : il n'y a pas été "
        "remédié « dans le délai »"
    )
    assert note.render("en") == (
        "Breach B1 was remedied on Tuesday 4 May 2027, after its deadline (Monday 3 May "
        "2027), and the Métropole did not accept the late remedy: it was not remedied "
        "« dans le délai »"
    )
    assert indemnity_notes(facts(remedied_on=D(2027, 5, 4), accepted_late=True)) == ()
    assert indemnity_notes(facts()) == ()
    assert indemnity_notes(TerminationFacts(D(2027, 5, 4))) == ()


# --- from the lifecycle: the facts as the machine establishes them ----------------------------


def test_due_after_the_rivebelle_like_termination_for_breach() -> None:
    # notice 2 Apr, thirty days until Mon 3 May, terminated on Tue 4 May 2027
    life = lifecycle(STARTED, BREACH, NOTICE, Termination(D(2027, 5, 4), ground=Ground.BREACH))
    the_facts = life.termination_facts(D(2027, 5, 4))
    assert the_facts.breach is not None
    assert (the_facts.breach.notice_sent_on, the_facts.breach.remedy_deadline) == (
        D(2027, 4, 2),
        DEADLINE,
    )
    assert the_facts.breach.obligation is Obligation.SHARE_DATA
    assert codes(the_facts) == []


def test_not_due_without_a_formal_notice_even_under_the_sanction_option() -> None:
    # Version 1 regression: with SanctionOptions(require_remedy_period=False) the
    # Art. 9 hearing alone allows the sanction, with no letter ever sent; version 1 then
    # gave the full market share. No letter: the thirty days never ran.
    life = lifecycle(
        STARTED,
        BREACH,
        JustificationsExamined(D(2027, 4, 5), breach="B1"),
        RepresentativesHeard(D(2027, 4, 6), breach="B1"),
        Termination(D(2027, 4, 7), ground=Ground.SANCTION, breach="B1"),
        sanction_options=SanctionOptions(require_remedy_period=False),
    )
    assessment = assess_indemnity(
        life.termination_facts(D(2027, 6, 1)), market_total="180000", beneficiaries=3
    )
    assert not assessment.due
    assert [u.code for u in assessment.unmet] == [C.NOTICE_SENT]
    assert assessment.total is None


def test_not_due_when_the_sanction_option_cut_the_thirty_days_short() -> None:
    # Notice sent 2 April; sanction on 20 April 2027, before the deadline of 3 May
    life = lifecycle(
        STARTED,
        BREACH,
        NOTICE,
        JustificationsExamined(D(2027, 4, 5), breach="B1"),
        RepresentativesHeard(D(2027, 4, 6), breach="B1"),
        Termination(D(2027, 4, 20), ground=Ground.SANCTION, breach="B1"),
        sanction_options=SanctionOptions(require_remedy_period=False),
    )
    # on 1 June the deadline has long passed, but it passed after the decision
    assert codes(life.termination_facts(D(2027, 6, 1))) == ["remedy_period_ran_out"]


def test_not_due_for_not_being_ready_without_notice_under_the_option() -> None:
    # Art. 5 al. 3 read as a special rule (NotReadyOptions(notice_required=False)): the
    # termination is lawful from 2 March 2027, but no letter was sent.
    life = lifecycle(
        DelayReported(D(2027, 2, 15), cause=DelayCause.BENEFICIARY),
        breach(D(2027, 3, 2), "R1", obligation=Obligation.READY_ON_PLANNED_DATE),
        Termination(D(2027, 3, 10), ground=Ground.NOT_READY, breach="R1"),
        not_ready_options=NotReadyOptions(notice_required=False),
    )
    the_facts = life.termination_facts(D(2027, 4, 1))
    assert the_facts.breach is not None
    assert the_facts.breach.impedes_experiment  # by nature
    assert codes(the_facts) == ["formal_notice_sent"]


def test_due_after_a_late_remedy_not_accepted_through_the_lifecycle() -> None:
    # remedied Wed 5 May 2027 (two days late, not accepted), terminated Mon 10 May
    life = lifecycle(
        STARTED,
        BREACH,
        NOTICE,
        BreachRemedied(D(2027, 5, 5), breach="B1"),
        Termination(D(2027, 5, 10), ground=Ground.BREACH, breach="B1"),
    )
    assessment = assess_indemnity(
        life.termination_facts(D(2027, 5, 10)), market_total="100000.01", beneficiaries=2
    )
    assert assessment.due
    assert assessment.market_share == Decimal("50000.01")  # 50 000.005 → half up
    assert len(assessment.notes) == 1


def test_due_after_an_art9_stop_then_a_sanction() -> None:
    # Art. 9 ends the experiment on 7 May 2027 (the breach closed as sanctioned, still a
    # ground), then the Métropole terminates on ground sanction on 20 May.
    life = lifecycle(
        STARTED,
        BREACH,
        NOTICE,
        JustificationsExamined(D(2027, 5, 5), breach="B1"),
        RepresentativesHeard(D(2027, 5, 6), breach="B1"),
        ExperimentStopped(D(2027, 5, 7), breach="B1", reason="fin de l'expérimentation"),
        Termination(D(2027, 5, 20), ground=Ground.SANCTION, breach="B1"),
    )
    assert codes(life.termination_facts(D(2027, 5, 20))) == []


def test_the_claim_is_judged_on_its_date() -> None:
    # decided 4 May 2027, notified 7 May: in effect from 7 May (no retroactivity)
    life = lifecycle(
        STARTED,
        BREACH,
        NOTICE,
        Termination(D(2027, 5, 4), ground=Ground.BREACH, notified_on=D(2027, 5, 7)),
    )
    assert codes(life.termination_facts(D(2027, 5, 3))) == ["termination_in_effect"]
    pending = life.termination_facts(D(2027, 5, 5))
    assert pending.termination is not None
    assert not pending.in_effect
    assert codes(pending) == ["termination_in_effect"]
    assert codes(life.termination_facts(D(2027, 5, 7))) == []


def test_not_due_after_an_interruption_during_a_breach() -> None:
    life = lifecycle(
        STARTED,
        BREACH,
        NOTICE,
        Termination(D(2027, 5, 4), ground=Ground.INTERRUPTION, reason="fin du programme"),
    )
    the_facts = life.termination_facts(D(2027, 5, 4))
    assert the_facts.breach is None
    assert codes(the_facts) == ["for_a_breach", "breach_named"]


def test_a_judgment_on_ground_breach_with_no_breach_names_none() -> None:
    life = lifecycle(
        STARTED,
        Termination(D(2027, 5, 4), ground=Ground.BREACH, by=TerminatedBy.JUDGE, reason="jugement"),
    )
    assert codes(life.termination_facts(D(2027, 5, 4))) == ["by_metropole", "breach_named"]


# --- the facts are values that check themselves ------------------------------------------------


def test_the_facts_say_themselves() -> None:
    lines = [line.render("en") for line in facts(remedied_on=D(2027, 5, 4)).describe()]
    assert lines[0] == (
        "Termination decided on Tuesday 4 May 2027 by the Métropole, ground: breach; in "
        "effect from Tuesday 4 May 2027"
    )
    assert lines[1].startswith("Breach B1 — make the data available and transfer it (Art. 8)")
    assert lines[-1] == (
        "Remedied late, on Tuesday 4 May 2027; the Métropole did not accept the late remedy"
    )
    said = {
        line.render("en")
        for the_facts in (
            facts(
                obligation=None, impedes_experiment=False, notice_sent_on=None, remedy_deadline=None
            ),
            facts(remedied_on=D(2027, 5, 1)),
            facts(remedied_on=D(2027, 5, 4), accepted_late=True),
            TerminationFacts(D(2027, 5, 4)),
            TerminationFacts(
                D(2027, 5, 4), DecidedTermination(D(2027, 5, 4), D(2027, 5, 4), Ground.BREACH)
            ),
        )
        for line in the_facts.describe()
    }
    assert {
        "Breach B1: does not prevent the experiment",
        "No formal notice sent",
        "Remedied in time, on Saturday 1 May 2027",
        "Remedied late, on Tuesday 4 May 2027; the Métropole accepted the late remedy",
        "No termination decided by Tuesday 4 May 2027",
        "The termination names no breach",
    } <= said


def test_the_facts_as_json() -> None:
    data = facts(remedied_on=D(2027, 5, 4), accepted_late=True).to_json()
    assert data["in_effect"] is True
    assert data["termination"]["ground"] == "breach"
    assert data["termination"]["ground_label"] == "manquement"
    assert data["breach"]["obligation"] == "share_data"
    assert data["breach"]["obligation_label_en"] == "make the data available and transfer it"
    assert (data["breach"]["late"], data["breach"]["accepted_late"]) == (True, True)
    assert data["breach"]["remedied_in_time"] is True
    bare = facts(obligation=None).to_json()["breach"]
    assert (bare["obligation"], bare["obligation_label"], bare["obligation_label_en"]) == (
        None,
        None,
        None,
    )
    assert TerminationFacts(D(2027, 5, 4)).to_json() == {
        "on": "2027-05-04",
        "termination": None,
        "in_effect": False,
        "breach": None,
    }


def test_the_facts_of_a_late_remedy_not_accepted_are_said_in_full_in_both_languages() -> None:
    # notice Fri 2 Apr 2027, thirty days until Mon 3 May 2027 included (module docstring);
    # remedied Tue 4 May 2027, the day after: late, and the Métropole did not accept it
    late = facts(remedied_on=D(2027, 5, 4))
    assert [line.render("en") for line in late.describe()] == [
        "Termination decided on Tuesday 4 May 2027 by the Métropole, ground: breach; in "
        "effect from Tuesday 4 May 2027",
        "Breach B1 — make the data available and transfer it (Art. 8): prevents the start "
        "or the proper running of the experiment",
        "Formal notice sent on Friday 2 April 2027; the thirty days ran until Monday 3 May "
        "2027 (included)",
        "Remedied late, on Tuesday 4 May 2027; the Métropole did not accept the late remedy",
    ]
    assert [plain(line.render("fr")) for line in late.describe()] == [
        "Résiliation décidée le mardi 4 mai 2027 par la Métropole, motif : manquement ; "
        "effet au mardi 4 mai 2027",
        "Manquement B1 — mettre à disposition et transférer les données (Art. 8) : empêche "
        "le démarrage ou le bon déroulé de l'expérimentation",
        "Mise en demeure envoyée le vendredi 2 avril 2027 ; les trente jours ont couru "
        "jusqu'au lundi 3 mai 2027 inclus",
        "Réparé tardivement, le mardi 4 mai 2027 ; la Métropole n'a pas accepté la "
        "remédiation tardive",
    ]


def test_a_breach_of_no_named_obligation_that_impedes_and_was_never_remedied_is_said() -> None:
    # the same notice and thirty days (2 April – 3 May 2027), no obligation named, no remedy
    unremedied = facts(obligation=None)
    assert [line.render("en") for line in unremedied.describe()][1:] == [
        "Breach B1: prevents the start or the proper running of the experiment",
        "Formal notice sent on Friday 2 April 2027; the thirty days ran until Monday 3 May "
        "2027 (included)",
        "Not remedied",
    ]
    assert [plain(line.render("fr")) for line in unremedied.describe()][1:] == [
        "Manquement B1 : empêche le démarrage ou le bon déroulé de l'expérimentation",
        "Mise en demeure envoyée le vendredi 2 avril 2027 ; les trente jours ont couru "
        "jusqu'au lundi 3 mai 2027 inclus",
        "Non réparé",
    ]


def test_the_facts_of_a_late_remedy_not_accepted_as_json_keep_every_key_and_date() -> None:
    # notice Fri 2 Apr 2027, deadline Mon 3 May 2027, remedied Tue 4 May 2027: late, not
    # accepted, hence not remedied in time; decided and in effect on the date of the claim
    assert facts(remedied_on=D(2027, 5, 4)).to_json() == {
        "on": "2027-05-04",
        "termination": {
            "decided_on": "2027-05-04",
            "takes_effect_on": "2027-05-04",
            "ground": "breach",
            "ground_label": "manquement",
            "ground_label_en": "breach",
            "by": "metropole",
        },
        "in_effect": True,
        "breach": {
            "breach": "B1",
            "obligation": "share_data",
            "obligation_label": "mettre à disposition et transférer les données",
            "obligation_label_en": "make the data available and transfer it",
            "impedes_experiment": True,
            "notice_sent_on": "2027-04-02",
            "remedy_deadline": "2027-05-03",
            "remedied_on": "2027-05-04",
            "late": True,
            "accepted_late": False,
            "remedied_in_time": False,
        },
    }


def test_a_lateness_waived_for_a_remedy_in_time_is_not_said_accepted_in_the_json() -> None:
    # remedied Sat 1 May 2027, before the deadline of Mon 3 May 2027: in time, so there was
    # no lateness for the Métropole to accept, whatever accepted_late says
    data = facts(remedied_on=D(2027, 5, 1), accepted_late=True).to_json()["breach"]
    assert (data["remedied_on"], data["late"], data["accepted_late"]) == (
        "2027-05-01",
        False,
        False,
    )
    assert data["remedied_in_time"] is True


BAD_FACTS = [
    (lambda: DecidedTermination(D(2027, 5, 4), D(2027, 5, 3), Ground.BREACH), "takes_effect_on"),
    (lambda: DecidedTermination(D(2027, 5, 4), D(2027, 5, 4), "breach"), "ground"),
    (lambda: DecidedTermination("2027-05-04", D(2027, 5, 4), Ground.BREACH), "decided_on"),
    (lambda: BreachFacts("", impedes_experiment=True), "label"),
    (lambda: BreachFacts("B1", impedes_experiment=1), "impedes_experiment"),
    (
        lambda: BreachFacts("B1", impedes_experiment=True, notice_sent_on=D(2027, 4, 2)),
        "remedy_deadline",
    ),
    (
        lambda: BreachFacts(
            "B1",
            impedes_experiment=True,
            notice_sent_on=D(2027, 4, 2),
            remedy_deadline=D(2027, 4, 1),
        ),
        "remedy_deadline",
    ),
    (lambda: TerminationFacts(dt.datetime(2027, 5, 4, tzinfo=dt.UTC)), "on"),
    (lambda: TerminationFacts(D(2027, 5, 4), "breach"), "termination"),
    (
        lambda: TerminationFacts(
            D(2027, 5, 4),
            DecidedTermination(D(2027, 5, 4), D(2027, 5, 4), Ground.BREACH),
            "B1",
        ),
        "breach",
    ),
    (
        lambda: TerminationFacts(D(2027, 5, 4), None, BreachFacts("B1", impedes_experiment=True)),
        "breach",
    ),
    (
        lambda: TerminationFacts(
            D(2027, 5, 4),
            DecidedTermination(D(2027, 5, 4), D(2027, 5, 4), Ground.INTERRUPTION),
            BreachFacts("B1", impedes_experiment=True),
        ),
        "breach",
    ),
]


@pytest.mark.parametrize(("build", "field"), BAD_FACTS)
def test_facts_that_cannot_be_are_refused_naming_the_field(build: Any, field: str) -> None:
    with pytest.raises(InvalidValue) as info:
        build()
    assert info.value.field == field


# What a person stating impossible facts reads, in full: the field, what is wrong, and the
# rule that says so (dates as given; a remedy deadline only with its formal notice, al. 2).
REFUSED_FACTS = [
    pytest.param(
        lambda: DecidedTermination(D(2027, 5, 4), D(2027, 5, 3), Ground.BREACH),
        "takes_effect_on: a termination decided on 2027-05-04 cannot take effect before, on "
        "2027-05-03 (CE Ass., 25 juin 1948, Société du journal L'Aurore)",
        id="a_termination_taking_effect_the_day_before_its_decision",
    ),
    pytest.param(
        lambda: BreachFacts("B1", impedes_experiment=True, remedy_deadline=D(2027, 5, 3)),
        "remedy_deadline: a formal notice and its remedy deadline go together: give both, or "
        "neither (Art. 12 al. 2)",
        id="a_deadline_without_its_formal_notice",
    ),
    pytest.param(
        lambda: BreachFacts(
            "B1",
            impedes_experiment=True,
            notice_sent_on=D(2027, 4, 2),
            remedy_deadline=D(2027, 4, 1),
        ),
        "remedy_deadline: the remedy deadline (2027-04-01) comes before the formal notice "
        "(2027-04-02) (Art. 12 al. 2)",
        id="a_deadline_before_its_formal_notice",
    ),
    pytest.param(
        lambda: TerminationFacts(D(2027, 5, 4), "breach"),
        "termination: expected a DecidedTermination or None, got str",
        id="a_termination_that_is_no_decided_termination",
    ),
    pytest.param(
        lambda: TerminationFacts(
            D(2027, 5, 4),
            DecidedTermination(D(2027, 5, 4), D(2027, 5, 4), Ground.BREACH),
            "B1",
        ),
        "breach: expected BreachFacts or None, got str",
        id="a_breach_that_is_no_breach_facts",
    ),
    pytest.param(
        lambda: TerminationFacts(
            D(2027, 5, 4),
            DecidedTermination(D(2027, 5, 4), D(2027, 5, 4), Ground.INTERRUPTION),
            BreachFacts("B1", impedes_experiment=True),
        ),
        "breach: only a termination on ground breach, sanction or not_ready names a breach",
        id="a_breach_named_by_an_interruption",
    ),
]


@pytest.mark.parametrize(("build", "refusal"), REFUSED_FACTS)
def test_impossible_facts_are_refused_saying_what_is_wrong(build: Any, refusal: str) -> None:
    with pytest.raises(InvalidValue) as info:
        build()
    assert str(info.value) == refusal


def test_a_remedy_deadline_on_the_day_of_the_notice_is_not_refused() -> None:
    # only a deadline *before* its notice cannot be: other stated deadlines are taken as given
    same_day = BreachFacts(
        "B1", impedes_experiment=True, notice_sent_on=D(2027, 4, 2), remedy_deadline=D(2027, 4, 2)
    )
    assert same_day.to_json()["remedy_deadline"] == "2027-04-02"


def test_a_termination_taking_effect_before_its_decision_cites_l_aurore() -> None:
    with pytest.raises(InvalidValue) as info:
        DecidedTermination(D(2027, 5, 4), D(2027, 5, 3), Ground.BREACH)
    assert info.value.article == "CE Ass., 25 juin 1948, Société du journal L'Aurore"
    with pytest.raises(DateError):
        TerminationFacts(dt.datetime(2027, 5, 4))  # a naive datetime is no civil date


# --- the amount that may be claimed ------------------------------------------------------------

SHARES = [
    # (total TTC, beneficiaries, market share); the id says how it was computed
    pytest.param("100000.00", 4, "25000.00", id="100000_00_among_four_is_25000_exactly"),
    pytest.param("100000.00", 3, "33333.33", id="100000_00_among_three_is_33333_333_rounded_down"),
    pytest.param("200000.00", 3, "66666.67", id="200000_00_among_three_is_66666_666_rounded_up"),
    pytest.param("100000.01", 2, "50000.01", id="100000_01_among_two_is_50000_005_half_up"),
    pytest.param("180000.00", 1, "180000.00", id="one_beneficiary_bears_the_whole_market"),
    pytest.param("0.02", 4, "0.01", id="0_02_among_four_is_0_005_half_up"),
    pytest.param("0.01", 3, "0.00", id="0_01_among_three_is_0_0033_rounded_down"),
    pytest.param("0.00", 5, "0.00", id="a_market_of_nothing_gives_nothing"),
]


@pytest.mark.parametrize(("total", "count", "share"), SHARES)
def test_market_share(total: str, count: int, share: str) -> None:
    breakdown = claimable_amount(market_total_from_ttc(total), declared_count(count))
    assert str(breakdown.market_share) == share
    assert breakdown.total == breakdown.market_share  # no further item


def test_market_share_of_100000_01_among_two_is_50000_01() -> None:
    # 100 000.01 ÷ 2 = 50 000.005: exactly half a cent, rounded up (Reg. 1103/97 art. 5)
    breakdown = claimable_amount(market_total_from_ttc("100000.01"), declared_count(2))
    assert breakdown.exact_share == Decimal("50000.005")
    assert breakdown.market_share == Decimal("50000.01")
    share = next(s for s in breakdown.steps if s.code == "market_share")
    assert plain(share.text.render("fr")) == (
        "Quote-part du marché = 100 000,01 € ÷ 2 bénéficiaires = 50 000,005 → 50 000,01 €, "
        "arrondi au centime, la moitié vers le haut (Reg. (EC) 1103/97 art. 5)"
    )
    assert share.text.render("en") == (
        "Market share = €100,000.01 ÷ 2 beneficiaries = 50,000.005 → €50,000.01, rounded "
        "half up to the cent (Reg. (EC) 1103/97 art. 5)"
    )


def test_the_market_share_is_an_item_and_the_further_items_are_added() -> None:
    # 100 000.00 ÷ 3 = 33 333.33; + 1 500.00 + 250.50 = 35 083.83
    items = [PrejudiceItem("frais de relance", "1500"), PrejudiceItem("constat", "250.5")]
    breakdown = claimable_amount(market_total_from_ttc("100000"), declared_count(3), items)
    assert breakdown.total == Decimal("35083.83")
    assert [s.code for s in breakdown.steps] == [
        "beneficiaries",
        "market_share",
        "item",
        "item",
        "total",
    ]
    assert plain(breakdown.steps[-1].text.render("fr")) == (
        "Montant qui peut être demandé = 33 333,33 € + 1 500,00 € + 250,50 € = 35 083,83 €"
    )
    data = breakdown.to_json()
    assert data["items"] == [
        {"label": "frais de relance", "amount": "1500.00"},
        {"label": "constat", "amount": "250.50"},
    ]
    assert (data["market_share"], data["total"]) == ("33333.33", "35083.83")
    assert data["steps"][2] == {
        "code": "item",
        "message": breakdown.steps[2].text.render("fr"),
        "message_en": "Further prejudice « frais de relance »: €1,500.00",
    }


def test_a_count_that_differs_from_the_declared_number_shows_the_other_share() -> None:
    # four conventions counted, three declared: 120 000.00 ÷ 4 = 30 000.00 is the share;
    # with the declared 3 it would be 40 000.00, said for comparison
    counted = tuple(
        CountedBeneficiary(f"S{n}", f"B{n}", f"R{n}", D(2027, 1, 19), (f"{n}.json",))
        for n in range(4)
    )
    count = BeneficiaryCount(4, "counted", 3, counted, D(2027, 5, 4), CountUntil.CLAIM)
    breakdown = claimable_amount(market_total_from_ttc("120000"), count)
    assert breakdown.market_share == Decimal("30000.00")
    other = next(s for s in breakdown.steps if s.code == "other_count")
    assert other.text.render("en") == (
        "(With 3 beneficiaries instead, the market share would be €40,000.00.)"
    )


def test_an_item_of_zero_is_listed() -> None:
    # 90 000.00 ÷ 1 + 0.00 = 90 000.00
    breakdown = claimable_amount(
        market_total_from_ttc("90000"), declared_count(1), [PrejudiceItem("néant", 0)]
    )
    assert breakdown.total == Decimal("90000.00")
    assert [s.code for s in breakdown.steps].count("item") == 1


def test_a_cost_before_tax_is_converted_before_the_division() -> None:
    # 83 333.33 HT × 1.20 = 99 999.996 → 100 000.00 TTC; ÷ 3 = 33 333.333… → 33 333.33
    total = market_total_from_ht("83333.33")
    assert total == MarketTotal(Decimal("100000.00"), Decimal("83333.33"), Decimal("0.20"))
    breakdown = claimable_amount(total, declared_count(3))
    assert breakdown.market_share == Decimal("33333.33")
    assert plain(breakdown.steps[0].text.render("fr")) == (
        "Coût total TTC du marché = 83 333,33 € HT × 1,20 (TVA à 20 %) = 99 999,996 → "
        "100 000,00 €, arrondi au centime, la moitié vers le haut (Reg. (EC) 1103/97 art. 5)"
    )
    assert total.to_json() == {
        "market_total_ttc": "100000.00",
        "market_total_ht": "83333.33",
        "vat_rate": "0.20",
    }


def test_a_cost_before_tax_at_5_5_percent_needs_no_rounding() -> None:
    # 10 000.00 HT × 1.055 = 10 550.00 TTC exactly; ÷ 2 = 5 275.00
    total = market_total_from_ht("10000", "5.5%")
    assert total.ttc == Decimal("10550.00")
    breakdown = claimable_amount(total, declared_count(2))
    assert breakdown.steps[0].text.render("en") == (
        "Market total incl. VAT = €10,000.00 excl. VAT × 1.055 (VAT at 5.5%) = €10,550.00"
    )
    assert [step["code"] for step in breakdown.to_json()["steps"]] == [
        "market_total_ttc",
        "beneficiaries",
        "market_share",
        "total",
    ]
    assert breakdown.total == Decimal("5275.00")


def test_the_total_is_exact_for_a_market_of_29_digits() -> None:
    # 10^26 € for 1 beneficiary, 3 items of 0.02 €: 10^26 + 0.06 € (the default 28-digit
    # context would lose the cents), and it is still said in full.
    huge = "1" + "0" * 26 + ".00"
    items = [PrejudiceItem(f"frais {n}", "0.02") for n in range(3)]
    breakdown = claimable_amount(market_total_from_ttc(huge), declared_count(1), items)
    assert breakdown.total == Decimal("1" + "0" * 26 + ".06")
    assert (
        breakdown.steps[-1].text.render("en").endswith("= €100,000,000,000,000,000,000,000,000.06")
    )


def test_one_beneficiary_is_singular_in_both_languages() -> None:
    breakdown = claimable_amount(market_total_from_ttc("90000"), declared_count(1))
    share = breakdown.steps[1].text
    assert "÷ 1 beneficiary =" in share.render("en")
    assert "÷ 1 bénéficiaire =" in plain(share.render("fr"))


BAD_AMOUNTS = [
    (lambda: market_total_from_ttc(100000.0), MoneyError, "market_total_ttc"),
    (lambda: market_total_from_ttc("-1"), MoneyError, "market_total_ttc"),
    (lambda: market_total_from_ttc("12,50"), MoneyError, "market_total_ttc"),
    (lambda: market_total_from_ttc("1.005"), MoneyError, "market_total_ttc"),
    (lambda: market_total_from_ht("-5"), MoneyError, "market_total_ht"),
    (lambda: market_total_from_ht("100", "20"), MoneyError, "vat_rate"),
    (lambda: PrejudiceItem("frais", "-1"), MoneyError, "amount"),
    (lambda: PrejudiceItem("frais", 1.5), MoneyError, "amount"),
    (lambda: PrejudiceItem("  ", "1"), InvalidValue, "label"),
    (lambda: PrejudiceItem(None, "1"), InvalidValue, "label"),
    (lambda: declared_count(0), InvalidValue, "beneficiaries"),
    (lambda: declared_count(True), InvalidValue, "beneficiaries"),
    (lambda: declared_count(2.0), InvalidValue, "beneficiaries"),
    (
        lambda: claimable_amount(market_total_from_ttc("1"), declared_count(1), [("f", "1")]),
        MoneyError,
        "items[0]",
    ),
    (lambda: claimable_amount("1", declared_count(1)), MoneyError, "market_total"),
    (lambda: claimable_amount(market_total_from_ttc("1"), 3), InvalidValue, "beneficiaries"),
]


@pytest.mark.parametrize(("build", "error", "field"), BAD_AMOUNTS)
def test_bad_amounts_are_refused_naming_the_field(
    build: Any, error: type[Exception], field: str
) -> None:
    with pytest.raises(error) as info:
        build()
    assert info.value.field == field  # type: ignore[attr-defined]


def test_amounts_are_refused_with_the_article() -> None:
    with pytest.raises(MoneyError) as info:
        PrejudiceItem("frais", "-1")
    assert info.value.article == "Art. 12 al. 3"


REFUSALS = [
    # (what is given, the whole refusal: the field, what is wrong, the article)
    pytest.param(
        lambda: PrejudiceItem("  ", "1"),
        "label: a prejudice item needs a label that says what it is (Art. 12 al. 3)",
        id="an_item_without_a_label",
    ),
    pytest.param(
        lambda: market_total_from_ttc("-1"),
        "market_total_ttc: -€1.00 is negative; an amount here is 0 or more (Art. 12 al. 3)",
        id="a_negative_cost_all_taxes_included",
    ),
    pytest.param(
        lambda: market_total_from_ht("-5"),
        "market_total_ht: -€5.00 is negative; an amount here is 0 or more (Art. 12 al. 3)",
        id="a_negative_cost_before_tax",
    ),
    pytest.param(
        lambda: market_total_from_ht("100", "20", rate_field="--vat-rate"),
        '--vat-rate: \'20\' is not a rate between 0 and 1; write 20 % as "0.20" or "20%"',
        id="a_rate_written_without_its_percent_sign_names_the_option_it_came_from",
    ),
    pytest.param(
        lambda: claimable_amount(
            market_total_from_ttc("1"),
            declared_count(1),
            [PrejudiceItem("constat", "1"), ("frais", "1")],  # type: ignore[list-item]
        ),
        "items[1]: expected a PrejudiceItem, got tuple (Art. 12 al. 3)",
        id="the_second_item_not_a_prejudice_item",
    ),
    pytest.param(
        lambda: claimable_amount("1", declared_count(1)),  # type: ignore[arg-type]
        "market_total: expected a MarketTotal, got str (Art. 12 al. 3)",
        id="a_market_total_not_checked",
    ),
    pytest.param(
        lambda: claimable_amount(market_total_from_ttc("1"), 3),  # type: ignore[arg-type]
        "beneficiaries: expected a BeneficiaryCount, got int (Art. 12 al. 3)",
        id="a_count_not_checked",
    ),
    pytest.param(
        lambda: assess_indemnity("facts", market_total="1", beneficiaries=1),  # type: ignore[arg-type]
        "facts: expected TerminationFacts, got str (Art. 12 al. 3)",
        id="facts_that_are_not_termination_facts",
    ),
]


@pytest.mark.parametrize(("build", "refusal"), REFUSALS)
def test_a_refusal_says_where_what_is_wrong_and_under_which_article(
    build: Any, refusal: str
) -> None:
    with pytest.raises(InvalidValue) as info:
        build()
    assert str(info.value) == refusal


def test_a_market_of_29_digits_is_shared_and_converted_to_the_cent() -> None:
    # Python's default context keeps 28 digits and would lose the cents of these.
    # 200 000 000 000 000 000 000 000 000.02 ÷ 2 = 100 000 000 000 000 000 000 000 000.01
    breakdown = claimable_amount(market_total_from_ttc("2" + "0" * 26 + ".02"), declared_count(2))
    assert breakdown.market_share == Decimal("1" + "0" * 26 + ".01")
    # 100 000 000 000 000 000 000 000 000.05 HT × 1.20 = 120 000 … 000.060 → … .06 TTC
    assert market_total_from_ht("1" + "0" * 26 + ".05").ttc == Decimal("12" + "0" * 25 + ".06")


@pytest.mark.parametrize(
    "total",
    [
        pytest.param(MarketTotal(Decimal("1200.00"), ht=Decimal("1000.00")), id="no_rate"),
        pytest.param(MarketTotal(Decimal("1200.00"), vat_rate=Decimal("0.20")), id="no_ht"),
    ],
)
def test_a_total_given_without_both_its_cost_before_tax_and_rate_is_taken_as_given(
    total: MarketTotal,
) -> None:
    # no conversion can be shown: 1 200.00 TTC ÷ 2 = 600.00
    breakdown = claimable_amount(total, declared_count(2))
    assert [s.code for s in breakdown.steps] == ["beneficiaries", "market_share", "total"]
    assert breakdown.market_share == Decimal("600.00")


# --- the answer put together -------------------------------------------------------------------


@pytest.mark.parametrize("due", [True, False])
def test_the_inputs_are_checked_whether_due_or_not(due: bool) -> None:
    the_facts = facts() if due else TerminationFacts(D(2027, 5, 4))
    with pytest.raises(MoneyError):
        assess_indemnity(the_facts, market_total="-1", beneficiaries=3)
    with pytest.raises(InvalidValue):
        assess_indemnity(the_facts, market_total="1", beneficiaries=0)
    with pytest.raises(MoneyError):
        assess_indemnity(the_facts, market_total="1", beneficiaries=1, items=["frais"])  # type: ignore[list-item]
    with pytest.raises(InvalidValue) as info:
        assess_indemnity("facts", market_total="1", beneficiaries=1)  # type: ignore[arg-type]
    assert info.value.field == "facts"


def test_not_due_keeps_the_inputs_and_gives_no_amount() -> None:
    assessment = assess_indemnity(
        facts(impedes_experiment=False),
        market_total=market_total_from_ht("1000"),
        beneficiaries=declared_count(2),
        items=[PrejudiceItem("frais", "10")],
    )
    assert (assessment.due, assessment.breakdown, assessment.total) == (False, None, None)
    data = json.loads(json.dumps(assessment.to_json()))
    assert data["due"] is False
    assert (data["market_share"], data["total"], data["steps"]) == (None, None, [])
    assert data["market_total_ttc"] == "1200.00"
    assert data["items"] == [{"label": "frais", "amount": "10.00"}]
    assert [u["condition"] for u in data["unmet_conditions"]] == ["breach_impedes_experiment"]
    assert data["unmet_conditions"][0]["message_en"] == (
        "that breach prevented the start or the proper running of the experiment"
    )
    assert len(data["conditions"]) == 8


def test_the_explanation_of_a_due_claim() -> None:
    # 180 000.00 ÷ 3 = 60 000.00; + 1 500.00 = 61 500.00
    assessment = assess_indemnity(
        facts(remedied_on=D(2027, 5, 4)),
        market_total="180000",
        beneficiaries=3,
        items=[PrejudiceItem("frais de relance", "1500")],
    )
    assert isinstance(assessment, IndemnityAssessment)
    english = assessment.explain("en")
    assert english[0] == (
        "Art. 12 al. 3 indemnity: may be claimed; amount that may be claimed: €61,500.00."
    )
    assert sum(line.endswith("(Art. 12 al. 3)") for line in english) == 8
    assert any("did not accept the late remedy" in line for line in english)
    assert english[-1] == str(ART12_AL3)
    french = [plain(line) for line in assessment.explain("fr")]
    assert french[0] == (
        "Indemnité de l'Art. 12 al. 3 : peut être demandée ; montant qui peut être demandé : "
        "61 500,00 €."
    )
    assert "  Autre préjudice « frais de relance » : 1 500,00 €" in french
    data = assessment.to_json()
    assert (data["market_share"], data["total"]) == ("60000.00", "61500.00")
    assert [step["code"] for step in data["steps"]] == [
        "beneficiaries",
        "market_share",
        "item",
        "total",
    ]
    assert data["notes"][0]["message_en"].startswith("Breach B1 was remedied on Tuesday 4 May")


def test_the_explanation_of_a_claim_not_due_quotes_each_unmet_condition() -> None:
    assessment = assess_indemnity(
        facts(by=TerminatedBy.JUDGE, notice_sent_on=None, remedy_deadline=None),
        market_total="180000",
        beneficiaries=3,
    )
    lines = assessment.explain("fr")
    assert lines[:2] == ("Indemnité de l'Art. 12 al. 3 : non due.", "Conditions non remplies :")
    assert (
        "    Art. 12 al. 3 : « résiliation unilatérale de la présente convention par la Métropole "
        "du Grand Paris »"
    ) in lines
    assert "    Art. 12 al. 3 : « dans le délai prévu à l'alinéa précédent »" in lines
    # each unmet condition is said, then quoted
    assert lines[2] == (
        "  - la convention a été résiliée par le juge, non par une décision unilatérale de "
        "la Métropole"
    )
    english = assessment.explain("en")
    assert english[2] == (
        "  - the convention was terminated by the judge, not by the Métropole's own decision"
    )
    assert "  - no formal notice was sent for breach B1: its thirty days never started" in english
    assert any(line.startswith("    Art. 12 al. 2 : « un délai de trente jours") for line in lines)
    assert not any("€" in line for line in lines)  # no amount next to "not due"


NATURE_FR = (
    "Ce qui peut être demandé : la Métropole peut exiger d'être indemnisée « selon son "
    "préjudice », et le montant « peut notamment inclure » la quote-part du marché. La "
    "quote-part du marché est un élément de ce préjudice : comme tout autre élément, elle "
    "doit être justifiée à ce titre, et le préjudice lui-même est une question de fait "
    "qu'il appartient à la Métropole d'établir."
)
NATURE_EN = (
    "What may be claimed: the Métropole may claim to be compensated according to its "
    "prejudice (« selon son préjudice »), and the amount may include the market share "
    "(« peut notamment inclure »). The market share is one item of that prejudice: like "
    "every further item, it is to be justified as part of it, and the prejudice itself is "
    "a matter of fact for the Métropole to establish."
)


def test_the_explanation_of_a_claim_of_the_market_share_alone() -> None:
    # 180 000.00 ÷ 3 = 60 000.00 exactly (nothing to round); no further item
    assessment = assess_indemnity(facts(), market_total="180000", beneficiaries=3)
    english = assessment.explain("en")
    assert english[1] == "Every condition holds:"
    assert english[10:15] == (
        "Breakdown of the amount that may be claimed:",
        "  Number of beneficiaries that contracted: 3, the number declared",
        "  Market share = €180,000.00 ÷ 3 beneficiaries = €60,000.00",
        "  Amount that may be claimed = the market share = €60,000.00",
        NATURE_EN,
    )
    french = tuple(plain(line) for line in assessment.explain("fr"))
    assert french[1] == "Toutes les conditions sont remplies :"
    assert french[10:15] == (
        "Détail du montant qui peut être demandé :",
        "  Nombre de bénéficiaires ayant contractualisé : 3, le nombre déclaré",
        "  Quote-part du marché = 180 000,00 € ÷ 3 bénéficiaires = 60 000,00 €",
        "  Montant qui peut être demandé = la quote-part du marché = 60 000,00 €",
        NATURE_FR,
    )
    data = assessment.breakdown.to_json()  # type: ignore[union-attr]
    assert (data["nature"], data["nature_en"]) == (assessment.to_json()["nature"], NATURE_EN)
    assert plain(data["nature"]) == NATURE_FR


def test_the_assessment_as_json_quotes_the_article_and_keeps_facts_notes_and_count() -> None:
    # a claim judged on Tuesday 4 May 2027, after breach B1 was remedied late that day
    assessment = assess_indemnity(
        facts(remedied_on=D(2027, 5, 4)), market_total="180000", beneficiaries=3
    )
    data = json.loads(json.dumps(assessment.to_json()))
    assert (data["article"], data["quote"], data["currency"]) == (
        "Art. 12 al. 3",
        ART12_AL3.text,
        "EUR",
    )
    assert data["quote"].endswith("pour participer à ladite expérimentation.")
    assert (data["facts"]["on"], data["facts"]["breach"]["remedied_on"]) == (
        "2027-05-04",
        "2027-05-04",
    )
    assert [plain(note["message"]) for note in data["notes"]] == [
        "Le manquement B1 a été réparé le mardi 4 mai 2027, après son échéance (lundi 3 mai "
        "2027), et la Métropole n'a pas accepté cette remédiation tardive : il n'y a pas été "
        "remédié « dans le délai »"
    ]
    assert (data["beneficiaries"]["used"], data["beneficiaries"]["source"]) == (3, "declared")
    assert (plain(data["nature"]), data["nature_en"]) == (NATURE_FR, NATURE_EN)


WORDS = re.compile(r"ceiling|\bcaps?\b|plafond", re.IGNORECASE)


def test_the_amount_is_never_called_a_limit_of_its_own() -> None:
    # RULES v2: the market share is an item within the prejudice, not a limit.
    for the_facts in (facts(), facts(impedes_experiment=False)):
        assessment = assess_indemnity(
            the_facts,
            market_total=market_total_from_ht("83333.33"),
            beneficiaries=3,
            items=[PrejudiceItem("frais", "1")],
        )
        for lang in ("fr", "en"):
            assert not WORDS.search("\n".join(assessment.explain(lang)))  # type: ignore[arg-type]
        assert not WORDS.search(json.dumps(assessment.to_json(), ensure_ascii=False))


# --- properties ----------------------------------------------------------------------------

cents = st.integers(min_value=0, max_value=10**14)


@given(total=cents, count=st.integers(min_value=1, max_value=5000))
def test_market_share_times_n_is_within_n_half_cents_of_the_total(total: int, count: int) -> None:
    amount = Decimal(total).scaleb(-2)
    share = claimable_amount(MarketTotal(amount), declared_count(count)).market_share
    assert abs(share * count - amount) <= count * Decimal("0.005")
    assert share.as_tuple().exponent == -2


days = st.integers(min_value=0, max_value=60).map(lambda n: D(2027, 4, 2) + dt.timedelta(days=n))


@given(
    ground=st.sampled_from(Ground),
    by=st.sampled_from(TerminatedBy),
    decided=days,
    delay=st.integers(min_value=0, max_value=5),
    on=days,
    impedes=st.booleans(),
    notice=st.booleans(),
    remedied=st.one_of(st.none(), days),
    accepted=st.booleans(),
)
def test_due_exactly_when_every_condition_holds(
    *,
    ground: Ground,
    by: TerminatedBy,
    decided: dt.date,
    delay: int,
    on: dt.date,
    impedes: bool,
    notice: bool,
    remedied: dt.date | None,
    accepted: bool,
) -> None:
    effective = decided + dt.timedelta(days=delay)
    named = ground.names_breach
    breach_facts = (
        BreachFacts(
            "B1",
            impedes_experiment=impedes,
            notice_sent_on=D(2027, 4, 2) if notice else None,
            remedy_deadline=DEADLINE if notice else None,
            remedied_on=remedied,
            accepted_late=accepted,
        )
        if named
        else None
    )
    the_facts = TerminationFacts(
        on, DecidedTermination(decided, effective, ground, by), breach_facts
    )
    # RULES v2, written again from the text: every condition, independently
    expected = set()
    if effective > on:
        expected.add("termination_in_effect")
    if by is not TerminatedBy.METROPOLE:
        expected.add("by_metropole")
    if ground not in (Ground.BREACH, Ground.SANCTION, Ground.NOT_READY):
        expected.add("for_a_breach")
    if not named:
        expected.add("breach_named")
    else:
        if not impedes:
            expected.add("breach_impedes_experiment")
        if not notice:
            expected.add("formal_notice_sent")
        elif decided <= DEADLINE:
            expected.add("remedy_period_ran_out")
        in_time = remedied is not None and (not notice or remedied <= DEADLINE or accepted)
        if in_time:
            expected.add("not_remedied_in_time")
    assert set(codes(the_facts)) == expected
    order = [c.code.value for c in CONDITIONS]
    assert codes(the_facts) == sorted(codes(the_facts), key=order.index)


def test_the_public_json_of_an_item_a_step_and_a_decided_termination() -> None:
    # The values another tool reads through their own `to_json()`: an item of the
    # prejudice (its label and amount, two places), the first step of a claim
    # (180,000.00 € ÷ 3 beneficiaries: the count comes first), and a termination
    # decided on Tuesday 1 June 2027 taking effect on its notification, Thursday 3 June.
    item = PrejudiceItem("frais de relance", "1500")
    assert item.to_json() == {"label": "frais de relance", "amount": "1500.00"}
    claim = claimable_amount(market_total_from_ttc("180000.00"), declared_count(3), (item,))
    assert claim.steps[0].to_json() == {
        "code": "beneficiaries",
        "message": "Nombre de bénéficiaires ayant contractualisé : 3, le nombre déclaré",
        "message_en": "Number of beneficiaries that contracted: 3, the number declared",
    }
    decided = DecidedTermination(D(2027, 6, 1), D(2027, 6, 3), Ground.BREACH)
    assert decided.to_json() == {
        "decided_on": "2027-06-01",
        "takes_effect_on": "2027-06-03",
        "ground": "breach",
        "ground_label": "manquement",
        "ground_label_en": "breach",
        "by": "metropole",
    }
