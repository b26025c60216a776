"""Advisories (RULES.md, « Advisories »): part of the answer, never a refusal; each has a
stable code, a sentence in French and in English, and its source."""

from __future__ import annotations

import datetime as dt
import re

import pytest

import mgp_convention.advisories as advisories_module
import mgp_convention.lifecycle  # noqa: F401 - imports every module that defines a kind
from mgp_convention.advisories import ADVISORIES, Advisory, AdvisoryKind
from mgp_convention.citations import Citation

# Every advisory RULES.md version 2 asks for, with the source it names.
RULES_ADVISORIES = {
    # « Advisory when a breach is open » (interruption: détournement de procédure)
    "interruption_with_open_breach": "Art. 12 al. 1",
    # « Advisory whenever the named breach lacks the Art. 9 steps » (droits de la défense)
    "breach_termination_without_art9": "Art. 9",
    # a late remedy without accepted_late: « a judge may weigh a late cure »
    "termination_after_late_remedy": "Art. 12 al. 2",
    # general_interest by the beneficiary: « Advisory always: case law, not a clause »
    "general_interest_by_beneficiary": "CE, 27 févr. 2015, Commune de Béziers, n° 357028",
    # force_majeure: « Advisory always: a temporary impediment only suspends »
    "force_majeure": "C. civ. 1218",
    # « Without notified_on, the default is on, with an advisory »
    "termination_without_notification_date": "CE Ass., 25 juin 1948, Société du journal L'Aurore",
    # procurement_unsuccessful not definitive: « the state stays, with an advisory »
    "procurement_not_definitive": "Art. 3",
    # NotReadyOptions(notice_required=False): « with an advisory »
    "not_ready_without_notice": "Art. 5 al. 3",
}


def test_every_advisory_of_rules_and_no_other() -> None:
    assert {code: kind.source.label for code, kind in ADVISORIES.items()} == RULES_ADVISORIES


@pytest.mark.parametrize("code", sorted(RULES_ADVISORIES))
def test_each_advisory_is_said_in_french_and_in_english(code: str) -> None:
    kind = ADVISORIES[code]
    params = dict.fromkeys(re.findall(r"\{(\w+)\}", kind.text), "B1")
    advisory = kind(**params)
    assert advisory.code == code
    french, english = advisory.message.render("fr"), advisory.message.render("en")
    assert french != english
    assert "{" not in french + english
    assert advisory.render("fr") == f"{french} ({RULES_ADVISORIES[code]})"
    assert advisory.to_json() == {
        "code": code,
        "message": french,
        "message_en": english,
        "source": RULES_ADVISORIES[code],
    }


def test_the_module_documents_every_code() -> None:
    doc = advisories_module.__doc__ or ""
    for code in RULES_ADVISORIES:
        assert f"``{code}``" in doc, code


def test_an_advisory_carries_its_values() -> None:
    late = ADVISORIES["termination_after_late_remedy"](
        breach="B1", remedied=dt.date(2027, 5, 4), deadline=dt.date(2027, 5, 3)
    )
    assert late.message.params == {
        "breach": "B1",
        "remedied": dt.date(2027, 5, 4),
        "deadline": dt.date(2027, 5, 3),
    }
    assert isinstance(late, Advisory)


def test_a_kind_is_registered_under_its_code() -> None:
    source = Citation("Art. 99", None, "texte fictif pour le test")
    kind = AdvisoryKind("test_only_kind", "a sentence for the test", source)
    try:
        assert ADVISORIES["test_only_kind"] is kind
        assert kind().source is source
    finally:
        del ADVISORIES["test_only_kind"]
