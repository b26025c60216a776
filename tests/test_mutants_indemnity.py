"""Art. 12 al. 3 and Art. 10: the indemnity and the claims, word for word.

The reasons "not due", the arithmetic steps, the JSON and every error message are what
the Métropole's officers read before claiming an indemnity; these tests pin them
exactly (mutation testing, see docs/mutation-and-coverage.md). Each amount was computed
by hand as written beside it.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from mgp_convention.articles.art10_claims import ART10_AL3, _al3_case, claim_admissibility
from mgp_convention.articles.art12_indemnity import (
    ART12_AL3,
    CEILING_NOTE,
    IndemnityAssessment,
    PrejudiceItem,
    TerminationFacts,
    assess_indemnity,
    beneficiary_count,
    market_total_from_ht,
    market_total_from_ttc,
    unmet_conditions,
)
from mgp_convention.citations import Citation
from mgp_convention.errors import ConventionError, DateError, InvalidValue, MoneyError
from mgp_convention.events import Ground

D = dt.date

CONDITIONS_TEXT = [
    "the Métropole terminated the convention for a breach by the beneficiary: ground "
    "'breach', or 'sanction' under Art. 9 (Art. 12 al. 3)",
    "the breach prevented the start or the proper running of the experiment (Art. 12 al. 3)",
    "the beneficiary did not remedy the breach within the thirty-day period of Art. 12 al. 2 "
    "(Art. 12 al. 3)",
]


def test_assumed_due_is_every_condition_met_without_dates() -> None:
    assert TerminationFacts.assumed_due() == TerminationFacts(
        ground=Ground.BREACH,
        terminated_on=None,
        breach_impedes_experiment=True,
        remedied_in_time=False,
        remedy_deadline=None,
    )
    assert unmet_conditions(TerminationFacts.assumed_due()) == ()


def test_reasons_for_the_other_grounds_word_for_word() -> None:
    interruption = TerminationFacts(
        ground="interruption", terminated_on=None, breach_impedes_experiment=True
    )
    assert [r.message for r in unmet_conditions(interruption)] == [
        "the convention was terminated on ground 'interruption' (the Métropole's wish to "
        "interrupt the experiment, Art. 12 al. 1), not for a breach by the beneficiary"
    ]
    not_ready = TerminationFacts(
        ground="not_ready", terminated_on=None, breach_impedes_experiment=True
    )
    assert [r.message for r in unmet_conditions(not_ready)] == [
        "the convention was terminated on ground 'not_ready' (the beneficiary was not ready "
        "on the planned date, Art. 5 al. 3), not for a breach left unremedied after a formal "
        "notice (ground 'breach' or 'sanction')"
    ]


FACTS_ERRORS = [
    pytest.param(
        {"ground": "resiliation"},
        "ground: unknown termination ground 'resiliation'; expected one of 'interruption', "
        "'not_ready', 'breach', 'sanction', or None (Art. 12 al. 1)",
        id="unknown-ground",
    ),
    pytest.param(
        {"terminated_on": "2026-07-24"},
        "terminated_on: expected a date or None, got str",
        id="date-as-text",
    ),
    pytest.param(
        {"remedy_deadline": dt.datetime(2026, 7, 22, 12, 0)},
        "remedy_deadline: expected a date or None, got datetime",
        id="datetime-deadline",
    ),
    pytest.param(
        {"breach_impedes_experiment": "yes"},
        "breach_impedes_experiment: expected true, false or None, got 'yes'",
        id="impedes-not-bool",
    ),
    pytest.param(
        {"remedied_in_time": 1},
        "remedied_in_time: expected true or false, got 1",
        id="remedied-not-bool",
    ),
    pytest.param(
        {"ground": None, "terminated_on": D(2026, 7, 24)},
        "terminated_on: a termination date (2026-07-24) is given without a ground (Art. 12 al. 1)",
        id="date-without-ground",
    ),
    pytest.param(
        {"breach_impedes_experiment": None, "remedied_in_time": True},
        "remedied_in_time: a breach is said to be remedied, but no breach is recorded "
        "(breach_impedes_experiment is None) (Art. 12 al. 2)",
        id="remedied-without-breach",
    ),
    pytest.param(
        {"breach_impedes_experiment": None, "remedy_deadline": D(2026, 7, 22)},
        "remedy_deadline: a remedy deadline is given, but no breach is recorded "
        "(breach_impedes_experiment is None) (Art. 12 al. 2)",
        id="deadline-without-breach",
    ),
]


@pytest.mark.parametrize(("changes", "message"), FACTS_ERRORS)
def test_termination_facts_errors_word_for_word(changes: dict[str, Any], message: str) -> None:
    values: dict[str, Any] = {
        "ground": "breach",
        "terminated_on": None,
        "breach_impedes_experiment": True,
    }
    values.update(changes)
    with pytest.raises(ConventionError) as info:
        TerminationFacts(**values)
    assert str(info.value) == message


def test_input_errors_word_for_word() -> None:
    with pytest.raises(MoneyError) as money:
        PrejudiceItem("frais", "-1")
    assert str(money.value) == (
        "amount: -1.00 € is negative; an amount here is 0 or more (Art. 12 al. 3)"
    )
    with pytest.raises(InvalidValue) as label:
        PrejudiceItem("  ", "1")
    assert str(label.value) == "label: a prejudice item needs a label that says what it is"
    with pytest.raises(MoneyError) as ttc:
        market_total_from_ttc("-5")
    assert str(ttc.value) == (
        "market_total_ttc: -5.00 € is negative; an amount here is 0 or more (Art. 12 al. 3)"
    )
    with pytest.raises(MoneyError) as ht:
        market_total_from_ht("-5")
    assert str(ht.value) == (
        "market_total_ht: -5.00 € is negative; an amount here is 0 or more (Art. 12 al. 3)"
    )
    with pytest.raises(InvalidValue) as text:
        beneficiary_count("3")  # type: ignore[arg-type]
    assert str(text.value) == "beneficiaries: expected a whole number, got '3' (Art. 12 al. 3)"
    with pytest.raises(InvalidValue) as zero:
        beneficiary_count(0)
    assert str(zero.value) == "beneficiaries: must be at least 1, got 0 (Art. 12 al. 3)"
    with pytest.raises(InvalidValue) as prefer:
        beneficiary_count(3, 4, prefer="signed")  # type: ignore[arg-type]
    assert str(prefer.value) == "prefer: prefer must be 'declared' or 'counted', not 'signed'"
    with pytest.raises(MoneyError) as items:
        assess_indemnity(
            TerminationFacts.assumed_due(),
            market_total_ttc="1000",
            beneficiaries=1,
            items=["frais"],  # type: ignore[list-item]
        )
    assert str(items.value) == "items[0]: expected a PrejudiceItem, got str"


def test_a_count_of_one_can_be_preferred() -> None:
    # Declared 3, one convention counted, the count preferred: 1 is a valid divisor (≥ 1).
    count = beneficiary_count(3, 1, prefer="counted")
    assert (count.used, count.source, count.other) == (1, "counted", 3)
    assert beneficiary_count(3, 4, prefer="counted").note == (
        "the market data declare 3 beneficiaries, but 4 conventions for this market are "
        "signed by both parties; the count is used"
    )
    assert beneficiary_count(3, prefer="counted").note == (
        "no count of signed conventions is available; the declared figure is used"
    )


def test_a_share_with_one_beneficiary_and_another_figure_of_one() -> None:
    # 90 000.00 € ÷ 1 = 90 000.00 € exactly. Then declared 2, counted 1: 90 000.00 / 2 =
    # 45 000.00, and with 1 beneficiary instead the share would be the whole 90 000,00 €.
    # (The singular of "1 beneficiary" is left open: see test_one_is_singular_in_english.)
    one = assess_indemnity(
        TerminationFacts.assumed_due(), market_total_ttc="90000", beneficiaries=1
    )
    assert one.steps == (
        "Market share = 90 000,00 € ÷ 1 beneficiary = 90 000,00 €",
        "Total = market share = 90 000,00 €",
    )
    steps = assess_indemnity(
        TerminationFacts.assumed_due(),
        market_total_ttc="90000",
        beneficiaries=beneficiary_count(2, 1),
    ).steps
    assert len(steps) == 4
    assert steps[0].startswith("Beneficiaries: 2 (the market data declare 2 beneficiaries, ")
    assert steps[0].endswith("; the declared figure is used)")
    assert steps[1] == "Market share = 90 000,00 € ÷ 2 beneficiaries = 45 000,00 €"
    assert steps[2].startswith("(With 1 beneficiar")
    assert steps[2].endswith(" instead, the market share would be 90 000,00 €.)")
    assert steps[3] == "Total = market share = 45 000,00 €"


def test_one_is_singular_in_english() -> None:
    # Declared 2, counted 1 (and declared 1, counted 2): each "1" is followed by a plural.
    steps = assess_indemnity(
        TerminationFacts.assumed_due(),
        market_total_ttc="90000",
        beneficiaries=beneficiary_count(2, 1),
    ).steps
    texts = [*steps, beneficiary_count(1, 2).note or ""]
    assert not [t for t in texts if "1 conventions" in t or "1 beneficiaries" in t], texts
    # The declared 2 is used: 90 000 € ÷ 2 = 45 000 €; the count, 1: 90 000 ÷ 1 = 90 000 €.
    assert "Market share = 90 000,00 € ÷ 2 beneficiaries = 45 000,00 €" in texts
    assert "(With 1 beneficiary instead, the market share would be 90 000,00 €.)" in texts
    assert beneficiary_count(2, 1).note == (
        "the market data declare 2 beneficiaries, but 1 convention for this market is "
        "signed by both parties; the declared figure is used"
    )
    assert (beneficiary_count(1, 2).note or "").startswith(
        "the market data declare 1 beneficiary, but 2 conventions for this market are signed"
    )


def _full_assessment() -> IndemnityAssessment:
    # HT 83 333.33 € at 20 %: 83 333.33 × 1.20 = 99 999.996 → 100 000.00 € TTC.
    # Declared 3, counted 4: 100 000.00 / 3 = 33 333.333… → 33 333.33 €; with 4 instead,
    # 100 000.00 / 4 = 25 000.00 €. Item 1 500.00 €: total 33 333.33 + 1 500.00 = 34 833.33.
    return assess_indemnity(
        TerminationFacts.assumed_due(),
        market_total_ttc=market_total_from_ht("83333.33"),
        beneficiaries=beneficiary_count(3, 4),
        items=[PrejudiceItem("frais de relance", "1500")],
    )


FULL_STEPS = [
    "Market total TTC = 83 333,33 € HT × 1,20 (VAT at 20 %) = 99 999,996 € → 100 000,00 € "
    "(rounded half up to the cent, Reg. (EC) 1103/97 art. 5)",
    "Beneficiaries: 3 (the market data declare 3 beneficiaries, but 4 conventions for this "
    "market are signed by both parties; the declared figure is used)",
    "Market share = 100 000,00 € ÷ 3 beneficiaries = 33 333,333333… € → 33 333,33 € "
    "(rounded half up to the cent, Reg. (EC) 1103/97 art. 5)",
    "(With 4 beneficiaries instead, the market share would be 25 000,00 €.)",
    "Item « frais de relance »: 1 500,00 €",
    "Total = 33 333,33 € + 1 500,00 € = 34 833,33 €",
]


def test_to_json_word_for_word() -> None:
    assert _full_assessment().to_json() == {
        "due": True,
        "article": "Art. 12 al. 3",
        "quote": ART12_AL3.text,
        "currency": "EUR",
        "market_total_ttc": "100000.00",
        "market_total_ht": "83333.33",
        "vat_rate": "0.20",
        "beneficiaries": 3,
        "beneficiaries_source": "declared",
        "beneficiaries_note": "the market data declare 3 beneficiaries, but 4 conventions for "
        "this market are signed by both parties; the declared figure is used",
        "market_share": "33333.33",
        "items": [{"label": "frais de relance", "amount": "1500.00"}],
        "total": "34833.33",
        "steps": FULL_STEPS,
        "reasons": [],
        "conditions": CONDITIONS_TEXT,
        "ceiling": CEILING_NOTE,
    }


def test_explain_word_for_word() -> None:
    assert _full_assessment().explain() == "\n".join(
        [
            "Art. 12 al. 3 indemnity: may be claimed, up to 34 833,33 €.",
            *(f"  {step}" for step in FULL_STEPS),
            CEILING_NOTE,
            f"Art. 12 al. 3 : « {ART12_AL3.text} »",
        ]
    )


def test_explain_a_due_assessment_without_a_total() -> None:
    # Built by hand with no total: the ceiling reads as a dash, never as "None".
    assessment = IndemnityAssessment(
        due=True,
        market_total=market_total_from_ttc("0"),
        beneficiaries=beneficiary_count(1),
        market_share=None,
        items=(),
        total=None,
        reasons=(),
        steps=(),
    )
    assert assessment.explain().splitlines()[0] == (
        "Art. 12 al. 3 indemnity: may be claimed, up to —."
    )


def test_al3_cases_quote_the_opening_words() -> None:
    assert _al3_case("De test ;") == Citation("Art. 10", "al. 3", f"{ART10_AL3.text} De test ;")
    assert claim_admissibility("results_below_expectations").citation == Citation(
        "Art. 10",
        "al. 3",
        "Le bénéficiaire renonce à toute réclamation à l'encontre de la Métropole du Grand "
        "Paris ou de son prestataire en cas : De résultats de l'expérimentation qui ne "
        "seraient pas conformes aux attentes du bénéficiaire ;",
    )


def test_unknown_claim_ground_lists_every_ground() -> None:
    with pytest.raises(InvalidValue) as info:
        claim_admissibility("retard")
    assert str(info.value) == (
        "ground: unknown ground of claim 'retard'; expected one of 'metropole_delay', "
        "'provider_delay', 'no_provider_found', 'early_abandonment', "
        "'results_below_expectations', 'no_renewal_or_scale_up', 'provider_service_quality', "
        "'provider_delay_in_mission', 'provider_prejudice', 'provider_fault_damage', 'other'"
    )


def test_dates_are_checked_as_dates() -> None:
    # The facts refuse a datetime: a termination is a civil date (no time of day).
    with pytest.raises(DateError):
        TerminationFacts(
            ground="breach",
            terminated_on=dt.datetime(2026, 7, 24, tzinfo=dt.UTC),
            breach_impedes_experiment=True,
        )
    facts = TerminationFacts(
        ground="breach",
        terminated_on=D(2026, 7, 24),
        breach_impedes_experiment=True,
        remedy_deadline=D(2026, 7, 22),
    )
    assert unmet_conditions(facts) == ()
    assert (
        Decimal("0.00")
        == assess_indemnity(facts, market_total_ttc="0", beneficiaries=3).market_share
    )


def test_an_early_termination_matters_only_for_an_unremedied_breach() -> None:
    # Remedy deadline Wed 22 Jul 2026, termination Mon 20 Jul 2026: two days too early,
    # but that is a reason only for a termination for breach of a breach not remedied.
    # Remedied in time: the one reason is the remedy. Ground 'interruption': the one
    # reason is the ground. Neither adds "the termination came before ...".
    early: dict[str, Any] = {
        "terminated_on": D(2026, 7, 20),
        "breach_impedes_experiment": True,
        "remedy_deadline": D(2026, 7, 22),
    }
    remedied = TerminationFacts(ground="breach", remedied_in_time=True, **early)
    assert [r.message for r in unmet_conditions(remedied)] == [
        "the breach was remedied within the remedy period, on or before 2026-07-22"
    ]
    interrupted = TerminationFacts(ground="interruption", **early)
    assert [r.condition for r in unmet_conditions(interrupted)] == ["terminated_for_breach"]
    breach = TerminationFacts(ground="breach", **early)
    assert [r.message for r in unmet_conditions(breach)] == [
        "the termination (2026-07-20) came before the remedy period ran out: the beneficiary "
        "had until the end of 2026-07-22 to remedy"
    ]


def test_the_total_is_exact_for_a_market_of_29_digits() -> None:
    # 10^26 € for 1 beneficiary, 3 items of 0,02 €: 10^26 + 0,06 €. Python's default
    # 28-digit context would give …,00 € or …,10 € depending on the order of the sums.
    assessment = assess_indemnity(
        TerminationFacts.assumed_due(),
        market_total_ttc="1" + "0" * 26 + ".00",
        beneficiaries=1,
        items=[PrejudiceItem(f"frais {n}", "0.02") for n in range(3)],
    )
    assert assessment.total == Decimal("1" + "0" * 26 + ".06")
