"""Art. 5 al. 4 and Art. 10: which claims by the beneficiary the convention rules out."""

from __future__ import annotations

import json

import pytest
from contract import contract_text

from mgp_convention.articles.art10_claims import (
    ART5_AL4,
    ART10_AL1,
    ART10_AL2,
    ART10_AL3,
    ART13,
    CLAIM_RULES,
    ClaimAnswer,
    ClaimGround,
    claim_admissibility,
)
from mgp_convention.citations import Citation
from mgp_convention.errors import InvalidValue

# (ground, admissible, article label, words of the contract, why)
CASES = [
    (
        "metropole_delay",
        False,
        "Art. 5 al. 4",
        "du fait de la Métropole du Grand Paris ou de son prestataire, ledit retard n'ouvre "
        "droit à aucun dédommagement",
        "a launch delay caused by the Métropole gives no right to compensation",
    ),
    (
        "provider_delay",
        False,
        "Art. 5 al. 4",
        "ou de son prestataire",
        "a launch delay caused by the provider: same sentence",
    ),
    (
        "no_provider_found",
        False,
        "Art. 10 al. 3",
        "D'impossibilité d'identifier un prestataire pouvant proposer une solution répondant "
        "aux objectifs identifiés par la présente convention ;",
        "first case of the waiver",
    ),
    (
        "early_abandonment",
        False,
        "Art. 10 al. 3",
        "D'abandon de l'expérimentation avant son terme, du fait de la Métropole du Grand "
        "Paris ou de son prestataire ;",
        "second case of the waiver",
    ),
    (
        "results_below_expectations",
        False,
        "Art. 10 al. 3",
        "De résultats de l'expérimentation qui ne seraient pas conformes aux attentes du "
        "bénéficiaire ;",
        "third case of the waiver",
    ),
    (
        "no_renewal_or_scale_up",
        False,
        "Art. 10 al. 3",
        "de ne pas entamer de démarche particulière tendant à un passage à l'échelle du dispositif",
        "fourth case, which runs over a page break in the contract",
    ),
    (
        "provider_service_quality",
        False,
        "Art. 10 al. 1",
        "la qualité des prestations ou des préconisations du prestataire",
        "the provider's work is not the Métropole's liability",
    ),
    (
        "provider_delay_in_mission",
        False,
        "Art. 10 al. 1",
        "d'un éventuel retard du prestataire dans l'exécution de sa mission",
        "a provider's delay in its mission",
    ),
    (
        "provider_prejudice",
        False,
        "Art. 10 al. 1",
        "tout préjudice que le Bénéficiaire pourrait subir du fait du prestataire",
        "any prejudice caused by the provider",
    ),
    (
        "provider_fault_damage",
        False,
        "Art. 10 al. 2",
        "tout dommage ou sinistre généré ou accru du fait d'une faute ou négligence du prestataire",
        "damage from the provider's fault",
    ),
    (
        "other",
        True,
        "Art. 13",
        "Tribunal administratif de Paris",
        "not ruled out by the convention: the general law applies",
    ),
]


@pytest.mark.parametrize(("ground", "admissible", "label", "words", "why"), CASES)
def test_claim_admissibility(
    ground: str, admissible: bool, label: str, words: str, why: str
) -> None:
    answer = claim_admissibility(ground)
    assert answer.ground == ClaimGround(ground)
    assert answer.admissible is admissible, why
    assert answer.citation.label == label, why
    assert words in answer.citation.text, why
    assert answer.explanation_fr
    assert answer.explanation_en
    if admissible:
        assert answer.explanation_en.startswith("Not ruled out by the convention")
        assert answer.explanation_fr.startswith("Non exclue par la convention")
        assert "general law" in answer.explanation_en
    else:
        assert answer.explanation_en.startswith("Ruled out")
        assert answer.explanation_fr.startswith("Exclue")
        # Each explanation names its article, in both languages.
        assert f"({label})" in answer.explanation_en
        assert f"({label.replace('Art.', 'art.')})" in answer.explanation_fr


def test_every_ground_has_a_rule_and_a_case() -> None:
    assert set(CLAIM_RULES) == set(ClaimGround)
    assert {ground for ground, *_ in CASES} == {g.value for g in ClaimGround}
    for rule in CLAIM_RULES.values():
        assert isinstance(rule.citation, Citation)


def test_only_other_is_not_ruled_out() -> None:
    assert [g for g, rule in CLAIM_RULES.items() if rule.admissible] == [ClaimGround.OTHER]


def test_the_enum_is_accepted() -> None:
    assert claim_admissibility(ClaimGround.EARLY_ABANDONMENT) == claim_admissibility(
        "early_abandonment"
    )


@pytest.mark.parametrize("ground", ["retard", "", "Metropole_Delay", "metropole delay", 3, None])
def test_an_unknown_ground_is_refused_not_guessed(ground: object) -> None:
    with pytest.raises(InvalidValue, match="unknown ground of claim") as info:
        claim_admissibility(ground)  # type: ignore[arg-type]
    assert info.value.field == "ground"
    assert "'metropole_delay'" in str(info.value)  # the known grounds are listed


def test_a_misspelt_ground_is_answered_with_every_known_ground_separated_by_commas() -> None:
    # The message lists the eleven codes of ClaimGround, in their order, each quoted and
    # separated by ", " (copied by hand from the enum).
    with pytest.raises(InvalidValue) as info:
        claim_admissibility("retard")
    assert str(info.value) == (
        "ground: unknown ground of claim 'retard'; expected one of 'metropole_delay', "
        "'provider_delay', 'no_provider_found', 'early_abandonment', "
        "'results_below_expectations', 'no_renewal_or_scale_up', 'provider_service_quality', "
        "'provider_delay_in_mission', 'provider_prejudice', 'provider_fault_damage', 'other'"
    )


def test_al3_cases_quote_the_opening_words() -> None:
    for ground in (
        ClaimGround.NO_PROVIDER_FOUND,
        ClaimGround.EARLY_ABANDONMENT,
        ClaimGround.RESULTS_BELOW_EXPECTATIONS,
        ClaimGround.NO_RENEWAL_OR_SCALE_UP,
    ):
        citation = claim_admissibility(ground).citation
        assert citation.text.startswith(ART10_AL3.text + " "), ground


def test_quotes_are_verbatim() -> None:
    text = contract_text()
    for citation in (ART5_AL4, ART10_AL1, ART10_AL2, ART10_AL3, ART13):
        assert citation.text in text, citation.label
    for ground in ClaimGround:
        citation = CLAIM_RULES[ground].citation
        case = citation.text.removeprefix(ART10_AL3.text + " ")
        # A case of al. 3 follows its bullet's dash in the contract.
        assert case in text.replace("- ", ""), ground


def test_to_json() -> None:
    # The report converter's layout: the ground by its code, the citation as its
    # article and quoted text.
    answer = claim_admissibility("results_below_expectations")
    data = answer.to_json()
    assert json.loads(json.dumps(data)) == data
    assert data == {
        "ground": "results_below_expectations",
        "admissible": False,
        "citation": {"article": "Art. 10 al. 3", "text": answer.citation.text},
        "explanation_fr": answer.explanation_fr,
        "explanation_en": answer.explanation_en,
    }
    assert isinstance(answer, ClaimAnswer)
