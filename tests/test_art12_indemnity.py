"""Art. 12 al. 3: when the indemnity may be claimed, and its itemised ceiling."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import attrs
import pytest
from contract import contract_text
from hypothesis import given
from hypothesis import strategies as st

from mgp_convention.articles.art12_indemnity import (
    ART5_AL3,
    ART12_AL1,
    ART12_AL2,
    ART12_AL3,
    CEILING_NOTE,
    CONDITIONS,
    GROUNDS_FOR_INDEMNITY,
    BeneficiaryCount,
    IndemnityAssessment,
    MarketTotal,
    PrejudiceItem,
    TerminationFacts,
    assess_indemnity,
    beneficiary_count,
    count_signed_beneficiaries,
    market_total_from_ht,
    market_total_from_ttc,
    unmet_conditions,
)
from mgp_convention.convention import Convention
from mgp_convention.errors import DateError, InvalidValue, MoneyError
from mgp_convention.events import Ground, Party, Signature
from mgp_convention.examples import example_convention

D = Decimal
DUE = TerminationFacts.assumed_due()


def facts(**changes: object) -> TerminationFacts:
    """Facts under which the indemnity is due, with ``changes``."""
    base: dict[str, object] = {
        "ground": "breach",
        "terminated_on": dt.date(2027, 5, 4),
        "breach_impedes_experiment": True,
        "remedied_in_time": False,
        "remedy_deadline": dt.date(2027, 5, 3),
    }
    base.update(changes)
    return TerminationFacts(**base)  # type: ignore[arg-type]


# --- the quotation ----------------------------------------------------------------------


def test_article_is_quoted_verbatim() -> None:
    text = contract_text()
    for citation in (ART12_AL1, ART12_AL2, ART12_AL3, ART5_AL3):
        assert citation.text in text, citation.label
    assert ART12_AL3.text.startswith(
        "En cas de résiliation unilatérale de la présente convention par la Métropole du Grand "
        "Paris pour manquement du Bénéficiaire, lorsque ce manquement a été de nature à "
        "empêcher le démarrage ou le bon déroulé de l'expérimentation et qu'il n'y a pas été "
        "remédié"
    )
    for condition in CONDITIONS:
        assert condition.citation.text in ART12_AL3.text, condition.key
        assert condition.citation.label == "Art. 12 al. 3"


# --- the market share: hand-computed cases ---------------------------------------------

SHARES = [
    # (total TTC, beneficiaries, market share, how it was computed)
    ("100000.00", 4, "25000.00", "100 000.00 ÷ 4 = 25 000 exactly"),
    ("100000.00", 3, "33333.33", "100 000.00 ÷ 3 = 33 333.333… → 33 333.33 (rounds down)"),
    ("200000.00", 3, "66666.67", "200 000.00 ÷ 3 = 66 666.666… → 66 666.67 (rounds up)"),
    ("100000.01", 2, "50000.01", "100 000.01 ÷ 2 = 50 000.005: half a cent rounds up"),
    ("180000.00", 1, "180000.00", "one beneficiary bears the whole market total"),
    ("0.01", 3, "0.00", "0.01 ÷ 3 = 0.0033… → 0.00"),
    ("0.00", 5, "0.00", "a market of 0 € gives a share of 0 €"),
]


@pytest.mark.parametrize(("total", "count", "share", "how"), SHARES)
def test_market_share(total: str, count: int, share: str, how: str) -> None:
    assessment = assess_indemnity(DUE, market_total_ttc=D(total), beneficiaries=count)
    assert assessment.due
    assert str(assessment.market_share) == share, how
    assert assessment.total == assessment.market_share, "no items: the total is the share"


def test_market_share_steps_show_the_arithmetic() -> None:
    uneven = assess_indemnity(DUE, market_total_ttc="100000.00", beneficiaries=3)
    assert uneven.steps == (
        "Market share = 100 000,00 € ÷ 3 beneficiaries = 33 333,333333… € → 33 333,33 € "
        "(rounded half up to the cent, Reg. (EC) 1103/97 art. 5)",
        "Total = market share = 33 333,33 €",
    )
    half_cent = assess_indemnity(DUE, market_total_ttc="100000.01", beneficiaries=2)
    assert half_cent.steps[0] == (
        "Market share = 100 000,01 € ÷ 2 beneficiaries = 50 000,005 € → 50 000,01 € "
        "(rounded half up to the cent, Reg. (EC) 1103/97 art. 5)"
    )
    even = assess_indemnity(DUE, market_total_ttc="100000.00", beneficiaries=4)
    assert even.steps[0] == "Market share = 100 000,00 € ÷ 4 beneficiaries = 25 000,00 €"


def test_extra_items_are_added_to_the_share() -> None:
    # 100 000.00 ÷ 3 = 33 333.33; + 1 500.00 + 250.50 = 35 083.83
    items = [PrejudiceItem("frais de relance", "1500"), PrejudiceItem("constat", "250.5")]
    assessment = assess_indemnity(DUE, market_total_ttc="100000.00", beneficiaries=3, items=items)
    assert assessment.total == D("35083.83")
    assert assessment.items == tuple(items)
    assert assessment.steps[1:] == (
        "Item « frais de relance »: 1 500,00 €",
        "Item « constat »: 250,50 €",
        "Total = 33 333,33 € + 1 500,00 € + 250,50 € = 35 083,83 €",
    )


def test_an_item_of_zero_is_listed() -> None:
    # 90 000.00 ÷ 1 = 90 000.00; + 0.00 = 90 000.00
    assessment = assess_indemnity(
        DUE, market_total_ttc="90000", beneficiaries=1, items=[PrejudiceItem("néant", 0)]
    )
    assert assessment.total == D("90000.00")
    assert "Item « néant »: 0,00 €" in assessment.steps


def test_ht_input_is_converted_before_the_division() -> None:
    # 83 333.33 HT × 1.20 = 99 999.996 → 100 000.00 TTC; ÷ 3 = 33 333.333… → 33 333.33
    total = market_total_from_ht("83333.33")
    assert total == MarketTotal(D("100000.00"), ht=D("83333.33"), vat_rate=D("0.20"))
    assessment = assess_indemnity(DUE, market_total_ttc=total, beneficiaries=3)
    assert assessment.market_share == D("33333.33")
    assert assessment.steps[0] == (
        "Market total TTC = 83 333,33 € HT × 1,20 (VAT at 20 %) = 99 999,996 € → "
        "100 000,00 € (rounded half up to the cent, Reg. (EC) 1103/97 art. 5)"
    )
    data = assessment.to_json()
    assert (data["market_total_ht"], data["vat_rate"], data["market_total_ttc"]) == (
        "83333.33",
        "0.20",
        "100000.00",
    )


def test_ht_input_at_another_rate() -> None:
    # 10 000.00 HT × 1.055 = 10 550.00 TTC exactly (no rounding note); ÷ 2 = 5 275.00
    total = market_total_from_ht("10000", "5.5%")
    assert total.ttc == D("10550.00")
    assert total.steps == (
        "Market total TTC = 10 000,00 € HT × 1,055 (VAT at 5,5 %) = 10 550,00 € → 10 550,00 €",
    )
    assert assess_indemnity(DUE, market_total_ttc=total, beneficiaries=2).total == D("5275.00")


def test_ttc_input_has_no_conversion_step() -> None:
    total = market_total_from_ttc(180000)
    assert total == MarketTotal(D("180000.00"))
    assert total.steps == ()
    assert (
        assess_indemnity(DUE, market_total_ttc=total, beneficiaries=1).to_json()["market_total_ht"]
        is None
    )


# --- when it is not due: every reason, each with its article ----------------------------

NOT_DUE = [
    (
        {"ground": None, "terminated_on": None},
        ["terminated_for_breach"],
        "has not been terminated",
        "the convention is still running: nothing to indemnify",
    ),
    (
        {"ground": "interruption"},
        ["terminated_for_breach"],
        "'interruption'",
        "Art. 12 al. 1: the Métropole's own wish, not a breach",
    ),
    (
        {"ground": "not_ready"},
        ["terminated_for_breach"],
        "'not_ready'",
        "Art. 5 al. 3: not ready on the planned date is not the Art. 12 breach procedure",
    ),
    (
        {"breach_impedes_experiment": False},
        ["breach_impedes_experiment"],
        "not preventing the start",
        "the breach did not prevent the start or the proper running",
    ),
    (
        {"breach_impedes_experiment": None, "remedy_deadline": None},
        ["breach_impedes_experiment"],
        "no breach",
        "no breach recorded",
    ),
    (
        {"remedied_in_time": True},
        ["not_remedied_in_time"],
        "remedied within the remedy period, on or before 2027-05-03",
        "remedied in time",
    ),
    (
        {"terminated_on": dt.date(2027, 5, 3)},
        ["not_remedied_in_time"],
        "came before the remedy period ran out",
        "terminated on the deadline itself: the beneficiary still had that day",
    ),
]


@pytest.mark.parametrize(("changes", "keys", "message", "reason"), NOT_DUE)
def test_each_reason_not_due(
    changes: dict[str, object], keys: list[str], message: str, reason: str
) -> None:
    assessment = assess_indemnity(facts(**changes), market_total_ttc="100000", beneficiaries=3)
    assert not assessment.due, reason
    assert [r.condition for r in assessment.reasons] == keys, reason
    assert message in str(assessment.reasons[0]), reason
    assert assessment.market_share is None
    assert assessment.total is None
    assert assessment.steps == ()
    assert all(r.citation.article == "Art. 12" for r in assessment.reasons)


def test_the_deadline_reason_cites_the_remedy_period() -> None:
    (reason,) = unmet_conditions(facts(terminated_on=dt.date(2027, 4, 20)))
    assert reason.citation == ART12_AL2
    assert str(reason).endswith("(Art. 12 al. 2)")


def test_sanction_is_a_ground_for_the_indemnity() -> None:
    assert {Ground.BREACH, Ground.SANCTION} == GROUNDS_FOR_INDEMNITY
    assert assess_indemnity(facts(ground="sanction"), market_total_ttc=1, beneficiaries=1).due


def test_termination_after_the_deadline_is_due() -> None:
    assert unmet_conditions(facts(terminated_on=dt.date(2027, 5, 4))) == ()


def test_without_a_deadline_the_remedy_is_taken_as_given() -> None:
    assert unmet_conditions(facts(remedy_deadline=None)) == ()
    (reason,) = unmet_conditions(facts(remedy_deadline=None, remedied_in_time=True))
    assert reason.message == "the breach was remedied within the remedy period"


def test_every_reason_at_once() -> None:
    # Interrupted, the breach did not impede, remedied in time: three unmet conditions,
    # all listed, in the order of CONDITIONS. The termination before the deadline is not
    # a fourth: after a remedy, and on a ground other than breach, its date is beside
    # the point.
    assessment = assess_indemnity(
        facts(
            ground="interruption",
            breach_impedes_experiment=False,
            remedied_in_time=True,
            terminated_on=dt.date(2027, 5, 1),
        ),
        market_total_ttc="100000",
        beneficiaries=3,
        items=[PrejudiceItem("frais", "10")],
    )
    assert [r.condition for r in assessment.reasons] == [
        "terminated_for_breach",
        "breach_impedes_experiment",
        "not_remedied_in_time",
    ]
    data = assessment.to_json()
    assert data["due"] is False
    assert data["market_share"] is None
    assert data["total"] is None
    assert data["items"] == [{"label": "frais", "amount": "10.00"}]
    assert len(data["reasons"]) == 3
    assert all(r.endswith(")") and "(Art. 12 al." in r for r in data["reasons"])


def test_not_terminated_and_no_breach() -> None:
    reasons = unmet_conditions(
        TerminationFacts(ground=None, terminated_on=None, breach_impedes_experiment=None)
    )
    assert [str(r) for r in reasons] == [
        "the convention has not been terminated (Art. 12 al. 3)",
        "no breach by the beneficiary is recorded (Art. 12 al. 3)",
    ]


def test_explain_not_due_lists_every_reason() -> None:
    text = assess_indemnity(
        facts(ground=None, terminated_on=None, breach_impedes_experiment=False),
        market_total_ttc=1,
        beneficiaries=1,
    ).explain()
    assert text.splitlines() == [
        "Art. 12 al. 3 indemnity: not due.",
        "  - the convention has not been terminated (Art. 12 al. 3)",
        "  - the breach was recorded as not preventing the start or the proper running of "
        "the experiment (Art. 12 al. 3)",
    ]


# --- the answer says it is a ceiling -----------------------------------------------------


def test_due_explanation_is_a_ceiling_with_the_article() -> None:
    assessment = assess_indemnity(DUE, market_total_ttc="100000", beneficiaries=4)
    text = assessment.explain()
    assert text.startswith("Art. 12 al. 3 indemnity: may be claimed, up to 25 000,00 €.")
    assert "ceiling" in text
    assert "not a verdict" in text
    assert "selon son préjudice" in text
    assert str(ART12_AL3) in text
    assert assessment.ceiling_note == CEILING_NOTE
    assert assessment.citation == ART12_AL3


def test_to_json_is_json_with_amounts_as_strings() -> None:
    # 100 000.01 ÷ 2 = 50 000.005 → 50 000.01; + 1 500.00 = 51 500.01
    assessment = assess_indemnity(
        DUE,
        market_total_ttc="100000.01",
        beneficiaries=2,
        items=[PrejudiceItem("frais de relance", "1500")],
    )
    data = json.loads(json.dumps(assessment.to_json()))
    assert data["due"] is True
    assert data["market_share"] == "50000.01"
    assert data["items"] == [{"label": "frais de relance", "amount": "1500.00"}]
    assert data["total"] == "51500.01"
    assert data["reasons"] == []
    assert data["article"] == "Art. 12 al. 3"
    assert data["quote"] == ART12_AL3.text
    assert data["beneficiaries"] == 2
    assert data["market_total_ttc"] == "100000.01"
    assert len(data["conditions"]) == 3
    assert data["ceiling"] == CEILING_NOTE
    assert data["steps"] == list(assessment.steps)


# --- the facts and the inputs are validated ---------------------------------------------

BAD_FACTS = [
    ({"ground": "resiliation"}, "ground", InvalidValue, "unknown ground"),
    ({"ground": 3}, "ground", InvalidValue, "not a ground"),
    ({"ground": None}, "terminated_on", InvalidValue, "a date without a ground"),
    ({"terminated_on": "2027-05-04"}, "terminated_on", DateError, "a string, not a date"),
    (
        {"terminated_on": dt.datetime(2027, 5, 4, tzinfo=dt.UTC)},
        "terminated_on",
        DateError,
        "a datetime, not a civil date",
    ),
    ({"remedy_deadline": "2027-05-03"}, "remedy_deadline", DateError, "a string"),
    ({"breach_impedes_experiment": 1}, "breach_impedes_experiment", InvalidValue, "an int"),
    ({"remedied_in_time": None}, "remedied_in_time", InvalidValue, "None is not a bool"),
    ({"remedied_in_time": "no"}, "remedied_in_time", InvalidValue, "a string"),
    (
        {"breach_impedes_experiment": None, "remedied_in_time": True, "remedy_deadline": None},
        "remedied_in_time",
        InvalidValue,
        "a remedy without a breach",
    ),
    (
        {"breach_impedes_experiment": None},
        "remedy_deadline",
        InvalidValue,
        "a remedy deadline without a breach",
    ),
]


@pytest.mark.parametrize(("changes", "field", "error", "reason"), BAD_FACTS)
def test_termination_facts_refused(
    changes: dict[str, object], field: str, error: type[Exception], reason: str
) -> None:
    with pytest.raises(error) as info:
        facts(**changes)
    assert isinstance(info.value, InvalidValue)
    assert info.value.field == field, reason


def test_termination_facts_accepted() -> None:
    assert facts().ground is Ground.BREACH
    assert facts(ground=Ground.SANCTION).ground is Ground.SANCTION
    assert (
        TerminationFacts(
            ground=None, terminated_on=None, breach_impedes_experiment=None
        ).remedied_in_time
        is False
    )
    assert (
        TerminationFacts(ground="breach", terminated_on=None, breach_impedes_experiment=True) == DUE
    )
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        DUE.ground = None  # type: ignore[misc]


BAD_INPUTS = [
    ({"market_total_ttc": 100000.0}, MoneyError, "market_total_ttc", "a float total"),
    ({"market_total_ttc": "-1"}, MoneyError, "market_total_ttc", "a negative total"),
    ({"market_total_ttc": "12,50"}, MoneyError, "market_total_ttc", "a comma"),
    ({"market_total_ttc": "1.005"}, MoneyError, "market_total_ttc", "a third decimal"),
    ({"beneficiaries": 0}, InvalidValue, "beneficiaries", "0 beneficiaries"),
    ({"beneficiaries": -1}, InvalidValue, "beneficiaries", "negative"),
    ({"beneficiaries": True}, InvalidValue, "beneficiaries", "a bool"),
    ({"beneficiaries": 2.0}, InvalidValue, "beneficiaries", "a float"),
    ({"items": [("frais", "10")]}, MoneyError, "items[0]", "a tuple, not a PrejudiceItem"),
]


@pytest.mark.parametrize(("changes", "error", "field", "reason"), BAD_INPUTS)
@pytest.mark.parametrize("due", [True, False])
def test_inputs_are_checked_whether_due_or_not(
    changes: dict[str, object], error: type[Exception], field: str, reason: str, due: bool
) -> None:
    arguments: dict[str, object] = {"market_total_ttc": "100000", "beneficiaries": 3}
    arguments.update(changes)
    the_facts = DUE if due else facts(ground=None, terminated_on=None)
    with pytest.raises(error) as info:
        assess_indemnity(the_facts, **arguments)  # type: ignore[arg-type]
    assert info.value.field == field, reason  # type: ignore[attr-defined]


PREJUDICE_ITEMS = [
    (("frais", "10"), None, "valid"),
    (("frais", "10.5"), None, "valid, padded"),
    (("", "10"), "label", "an empty label"),
    (("   ", "10"), "label", "a blank label"),
    ((None, "10"), "label", "no label"),
    (("frais", "-1"), "amount", "a negative amount"),
    (("frais", 1.5), "amount", "a float"),
    (("frais", "1,50"), "amount", "a comma"),
]


@pytest.mark.parametrize(("arguments", "field", "reason"), PREJUDICE_ITEMS)
def test_prejudice_item(arguments: tuple[object, object], field: str | None, reason: str) -> None:
    if field is None:
        item = PrejudiceItem(*arguments)  # type: ignore[arg-type]
        assert item.amount == D(str(arguments[1])).quantize(D("0.01")), reason
        return
    with pytest.raises(InvalidValue) as info:
        PrejudiceItem(*arguments)  # type: ignore[arg-type]
    assert info.value.field == field, reason
    if field == "amount":
        assert isinstance(info.value, MoneyError)


def test_market_total_from_ht_errors() -> None:
    with pytest.raises(MoneyError) as info:
        market_total_from_ht("-5")
    assert info.value.field == "market_total_ht"
    with pytest.raises(MoneyError) as info:
        market_total_from_ht("100", "20")
    assert info.value.field == "vat_rate"
    with pytest.raises(MoneyError):
        market_total_from_ttc(1.0)  # type: ignore[arg-type]


# --- the number of beneficiaries ---------------------------------------------------------

COUNTS = [
    # (declared, counted, prefer, used, source, has a note, reason)
    (3, None, "declared", 3, "declared", False, "only the declared figure is known"),
    (3, 3, "declared", 3, "declared", False, "both agree"),
    (3, 4, "declared", 3, "declared", True, "they differ: the declared figure is used"),
    (3, 4, "counted", 4, "counted", True, "they differ: the count is chosen"),
    (3, 3, "counted", 3, "counted", False, "both agree, the count is chosen"),
    (3, None, "counted", 3, "declared", True, "no count: falls back, and says so"),
    (3, 0, "counted", 3, "declared", True, "a count of 0 cannot divide: falls back"),
    (1, 0, "declared", 1, "declared", True, "no signed convention found"),
]


@pytest.mark.parametrize(
    ("declared", "counted", "prefer", "used", "source", "noted", "reason"), COUNTS
)
def test_beneficiary_count(
    *,
    declared: int,
    counted: int | None,
    prefer: str,
    used: int,
    source: str,
    noted: bool,
    reason: str,
) -> None:
    count = beneficiary_count(declared, counted, prefer=prefer)  # type: ignore[arg-type]
    assert (count.used, count.source) == (used, source), reason
    assert (count.note is not None) == noted, reason
    assert count.declared == declared
    assert count.counted == counted


def test_beneficiary_count_note_names_both_figures() -> None:
    count = beneficiary_count(3, 4)
    assert count.note == (
        "the market data declare 3 beneficiaries, but 4 conventions for this market are "
        "signed by both parties; the declared figure is used"
    )
    assert count.other == 4
    assert beneficiary_count(3, 4, prefer="counted").other == 3
    assert beneficiary_count(3, 3).other is None
    assert beneficiary_count(3).other is None


@pytest.mark.parametrize(
    ("declared", "counted", "prefer", "field"),
    [
        (0, None, "declared", "beneficiaries"),
        (True, None, "declared", "beneficiaries"),
        ("3", None, "declared", "beneficiaries"),
        (3, -1, "declared", "signed_conventions_count"),
        (3, 2.0, "declared", "signed_conventions_count"),
        (3, 2, "largest", "prefer"),
    ],
)
def test_beneficiary_count_refuses(
    declared: object, counted: object, prefer: str, field: str
) -> None:
    with pytest.raises(InvalidValue) as info:
        beneficiary_count(declared, counted, prefer=prefer)  # type: ignore[arg-type]
    assert info.value.field == field


def test_a_count_difference_shows_in_the_steps() -> None:
    # declared 3: 120 000.00 ÷ 3 = 40 000.00; with the count of 4: ÷ 4 = 30 000.00
    assessment = assess_indemnity(
        DUE, market_total_ttc="120000", beneficiaries=beneficiary_count(3, 4)
    )
    assert assessment.market_share == D("40000.00")
    assert assessment.steps[0].startswith("Beneficiaries: 3 (the market data declare 3")
    assert (
        "(With 4 beneficiaries instead, the market share would be 30 000,00 €.)" in assessment.steps
    )
    data = assessment.to_json()
    assert data["beneficiaries_source"] == "declared"
    assert data["beneficiaries_note"] == beneficiary_count(3, 4).note
    counted = assess_indemnity(
        DUE, market_total_ttc="120000", beneficiaries=beneficiary_count(3, 4, prefer="counted")
    )
    assert counted.market_share == D("30000.00")
    assert "(With 3 beneficiaries instead, the market share would be 40 000,00 €.)" in (
        counted.steps
    )


def test_no_other_share_when_the_count_is_zero() -> None:
    assessment = assess_indemnity(DUE, market_total_ttc="10", beneficiaries=beneficiary_count(2, 0))
    assert not any(step.startswith("(With") for step in assessment.steps)
    assert isinstance(assessment.beneficiaries, BeneficiaryCount)


# --- counting the signed conventions of a portfolio --------------------------------------


def _convention(siren: str, reference: str, *signatures: tuple[str, dt.date]) -> Convention:
    example = example_convention()
    return attrs.evolve(
        example,
        beneficiary=attrs.evolve(example.beneficiary, siren=siren),
        market=attrs.evolve(example.market, reference=reference),
        events=tuple(Signature(on, party=Party(party)) for party, on in signatures),
    )


BOTH = (("beneficiary", dt.date(2027, 1, 12)), ("metropole", dt.date(2027, 1, 19)))


def test_count_signed_beneficiaries() -> None:
    # Four files for market M: A and B signed by both parties; C only by the beneficiary;
    # a second copy of A. One file for another market. Signed for M: A and B → 2.
    portfolio = [
        _convention("999000011", "M", *BOTH),
        _convention("200054781", "M", *BOTH),
        _convention("123456782", "M", BOTH[0]),
        _convention("999000011", "M", *BOTH),
        _convention("732829320", "other market", *BOTH),
    ]
    assert count_signed_beneficiaries(portfolio, "M") == 2
    assert count_signed_beneficiaries(portfolio, "other market") == 1
    assert count_signed_beneficiaries(portfolio, "unknown") == 0
    assert count_signed_beneficiaries([], "M") == 0
    # On 15 January 2027 the Métropole had not signed yet (19 January).
    assert count_signed_beneficiaries(portfolio, "M", on=dt.date(2027, 1, 15)) == 0
    assert count_signed_beneficiaries(portfolio, "M", on=dt.date(2027, 1, 19)) == 2


def test_portfolio_count_feeds_the_beneficiary_count() -> None:
    # The market data declare 3; two conventions are signed: the note says so.
    portfolio = [_convention("999000011", "M", *BOTH), _convention("200054781", "M", *BOTH)]
    counted = count_signed_beneficiaries(portfolio, "M")
    count = beneficiary_count(3, counted)
    assert count.used == 3
    assert count.note is not None
    assert "but 2 conventions" in count.note


# --- properties --------------------------------------------------------------------------

cents = st.integers(min_value=0, max_value=10**14)


@given(total=cents, count=st.integers(min_value=1, max_value=5000))
def test_market_share_times_n_is_within_n_half_cents_of_the_total(total: int, count: int) -> None:
    amount = Decimal(total).scaleb(-2)
    assessment = assess_indemnity(DUE, market_total_ttc=amount, beneficiaries=count)
    assert assessment.market_share is not None
    assert abs(assessment.market_share * count - amount) <= count * Decimal("0.005")
    assert assessment.market_share.as_tuple().exponent == -2


@given(
    ground=st.sampled_from([None, *Ground]),
    impedes=st.sampled_from([None, True, False]),
    remedied=st.booleans(),
)
def test_due_exactly_when_every_condition_holds(
    ground: Ground | None, impedes: bool | None, remedied: bool
) -> None:
    if impedes is None and remedied:
        return  # refused: a remedy without a breach
    the_facts = TerminationFacts(
        ground=ground,
        terminated_on=None,
        breach_impedes_experiment=impedes,
        remedied_in_time=remedied,
    )
    assessment = assess_indemnity(the_facts, market_total_ttc="1000", beneficiaries=3)
    expected = ground in GROUNDS_FOR_INDEMNITY and impedes is True and not remedied
    assert assessment.due is expected
    assert (assessment.reasons == ()) is expected
    assert isinstance(assessment, IndemnityAssessment)
    failed = {r.condition for r in assessment.reasons}
    assert ("terminated_for_breach" in failed) is (ground not in GROUNDS_FOR_INDEMNITY)
    assert ("breach_impedes_experiment" in failed) is (impedes is not True)
    assert ("not_remedied_in_time" in failed) is remedied
