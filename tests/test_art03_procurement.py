"""Art. 3: « Tout autre obligation de la Métropole au titre du présent article s'applique
sous réserve du caractère fructueux de ladite procédure » — ``articles/art03_procurement.py``."""

from __future__ import annotations

import pytest

from mgp_convention.advisories import ADVISORIES
from mgp_convention.articles.art03_procurement import (
    ART3_PROCUREMENT,
    PROCUREMENT_NOT_DEFINITIVE,
    lapses,
)


@pytest.mark.parametrize(
    ("definitive", "lapsed"),
    [
        (True, True),  # the procedure will not be relaunched: the object failed (caduque)
        (False, False),  # it may be relaunched, or the Métropole may interrupt (Art. 12)
    ],
)
def test_only_a_definitive_failure_makes_the_convention_lapse(
    definitive: bool, lapsed: bool
) -> None:
    assert lapses(definitive=definitive) is lapsed


def test_the_advisory_of_a_failure_not_definitive() -> None:
    advisory = PROCUREMENT_NOT_DEFINITIVE()
    assert (advisory.code, advisory.source) == ("procurement_not_definitive", ART3_PROCUREMENT)
    assert ADVISORIES["procurement_not_definitive"] is PROCUREMENT_NOT_DEFINITIVE
    assert advisory.source.label == "Art. 3"
    assert "fructueux" in ART3_PROCUREMENT.text
    assert advisory.message.render("fr") != advisory.message.render("en")
