"""The words of the values people read: every member of every enumeration has its own."""

from __future__ import annotations

import pytest

from mgp_convention.events import (
    DelayCause,
    GeneralInterestBasis,
    Ground,
    Obligation,
    Party,
    TerminatedBy,
)

ENUMS = (Party, DelayCause, Obligation, Ground, TerminatedBy, GeneralInterestBasis)


def test_two_enumerations_sharing_a_value_keep_their_own_words() -> None:
    # Both are "other" as strings (a StrEnum member is a str): a flat table of labels
    # once gave the obligation "another obligation" the words of the basis.
    assert Obligation.OTHER == GeneralInterestBasis.OTHER
    assert Obligation.OTHER.label("fr") == "une autre obligation"
    assert GeneralInterestBasis.OTHER.label("fr") == "un autre motif d'intérêt général"


@pytest.mark.parametrize("enum", ENUMS, ids=[e.__name__ for e in ENUMS])
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_each_member_has_words_of_its_own_within_its_enumeration(enum: type, lang: str) -> None:
    labels = [member.label(lang) for member in enum]
    assert all(labels)
    assert len(set(labels)) == len(labels)
    assert not any("_" in label for label in labels)  # never a code
