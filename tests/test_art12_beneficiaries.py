"""Art. 12 al. 3: the number of beneficiaries « ayant contractualisé avec la Métropole ».

Each convention below is the example convention with its own SIREN, market reference
and signatures. « Signed » means signed by every party (Art. 2: « par l'ensemble des
parties »), the effective date being the later signature. The counts are by hand.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs
import pytest

from mgp_convention.articles.art12_beneficiaries import (
    DEFAULT_COUNT_OPTIONS,
    BeneficiaryCount,
    CountOptions,
    CountUntil,
    count_beneficiaries,
    count_cutoff,
    declared_count,
    signed_for_market,
)
from mgp_convention.convention import Convention
from mgp_convention.errors import InvalidValue
from mgp_convention.events import Ground, Party, Signature, Termination
from mgp_convention.examples import example_convention

D = dt.date
MARKET = "M"


def plain(text: str) -> str:
    return text.replace("\u202f", " ").replace("\xa0", " ")


def conv(
    siren: str, *signatures: tuple[str, dt.date], market: str = MARKET, name: str = ""
) -> Convention:
    example = example_convention()
    return attrs.evolve(
        example,
        reference=f"REF-{siren}",
        beneficiary=attrs.evolve(example.beneficiary, siren=siren, name=name or f"B {siren}"),
        market=attrs.evolve(example.market, reference=market),
        events=tuple(Signature(on, party=Party(party)) for party, on in signatures),
    )


BOTH = (("beneficiary", D(2027, 1, 12)), ("metropole", D(2027, 1, 19)))  # signed 19 Jan 2027
A = conv("999000011", *BOTH)
B = conv("200054781", ("metropole", D(2026, 3, 10)), ("beneficiary", D(2026, 3, 17)))
ONLY_ONE = conv("123456782", BOTH[0])  # the Métropole never signed
OTHER = conv("732829320", *BOTH, market="another market")
FOLDER = [("a.json", A), ("b.json", B), ("c.json", ONLY_ONE), ("o.json", OTHER)]


def test_the_signed_conventions_of_the_market_are_counted() -> None:
    # For M: A (signed 19 Jan 2027) and B (17 Mar 2026); C lacks the Métropole's
    # signature; O is another market's. On 1 Feb 2027: 2.
    found = signed_for_market(FOLDER, MARKET, by=D(2027, 2, 1))
    assert [(b.siren, b.signed_on, b.files) for b in found] == [
        ("999000011", D(2027, 1, 19), ("a.json",)),
        ("200054781", D(2026, 3, 17), ("b.json",)),
    ]
    assert found[0].to_json() == {
        "siren": "999000011",
        "name": "B 999000011",
        "reference": "REF-999000011",
        "signed_on": "2027-01-19",
        "files": ["a.json"],
    }


def test_a_signature_after_the_cutoff_is_not_read() -> None:
    # On 18 January 2027 A's Métropole had not signed yet (19 January): only B.
    assert [b.siren for b in signed_for_market(FOLDER, MARKET, by=D(2027, 1, 18))] == ["200054781"]
    assert signed_for_market(FOLDER, MARKET, by=D(2026, 3, 16)) == ()


def test_a_convention_since_terminated_still_counts() -> None:
    # « ayant contractualisé »: B was terminated on 24 July 2026; its beneficiary did
    # contract, so it counts on the date of the claim (the Default).
    terminated = attrs.evolve(
        B, events=(*B.events, Termination(D(2026, 7, 24), ground=Ground.BREACH, breach="B1"))
    )
    count = count_beneficiaries([("b.json", terminated), ("a.json", A)], MARKET, by=D(2027, 6, 1))
    assert (count.used, count.source) == (2, "counted")


def test_a_beneficiary_is_counted_once_with_every_file_that_holds_it() -> None:
    later_copy = attrs.evolve(
        A, events=(Signature(D(2027, 1, 10), party=Party.BENEFICIARY), *A.events[1:])
    )
    found = signed_for_market(
        [("a.json", A), ("copy.json", later_copy), ("a.json", A)], MARKET, by=D(2027, 2, 1)
    )
    (one,) = found
    assert one.files == ("a.json", "copy.json")
    assert one.signed_on == D(2027, 1, 19)


def test_each_party_s_first_signature_counts() -> None:
    twice = attrs.evolve(A, events=(*A.events, Signature(D(2027, 3, 1), party=Party.METROPOLE)))
    (one,) = signed_for_market([("a.json", twice)], MARKET, by=D(2027, 2, 1))
    assert one.signed_on == D(2027, 1, 19)


def test_the_count_is_used_and_the_declared_number_noted() -> None:
    # declared 3, counted 2 (A and B): the count divides, the declared 3 is said
    count = count_beneficiaries(FOLDER, MARKET, by=D(2027, 2, 1), declared=3)
    assert (count.used, count.source, count.declared, count.other) == (2, "counted", 3, 3)
    text = plain(count.summary().render("fr"))
    assert text.startswith("Nombre de bénéficiaires ayant contractualisé : 2, compté")
    assert "lundi 1er février 2027" in text
    assert "y compris celles résiliées ou terminées depuis" in text
    assert text.endswith("les données du marché en déclarent 3")
    assert "(the date of the claim)" in count.summary().render("en")


def test_the_same_count_as_declared_says_nothing_more() -> None:
    count = count_beneficiaries(FOLDER, MARKET, by=D(2027, 2, 1), declared=2)
    assert count.other is None
    assert "declare" not in count.summary().render("en")


def test_no_signed_convention_falls_back_on_the_declared_number() -> None:
    count = count_beneficiaries(FOLDER, MARKET, by=D(2026, 1, 1), declared=3)
    assert (count.used, count.source, count.counted, count.other) == (3, "declared", (), None)
    assert "no convention for this market" in count.summary().render("en")
    data = count.to_json()
    assert (data["counted"], data["conventions"], data["until"]) == (0, [], "claim")


def test_no_signed_convention_and_nothing_declared_is_refused() -> None:
    with pytest.raises(InvalidValue) as info:
        count_beneficiaries(FOLDER, MARKET, by=D(2026, 1, 1))
    assert (info.value.field, info.value.article) == ("conventions", "Art. 12 al. 3")


def test_the_declared_number() -> None:
    count = declared_count(3)
    assert count == BeneficiaryCount(3, "declared", 3)
    assert count.other is None
    assert count.summary().render("en") == (
        "Number of beneficiaries that contracted: 3, the number declared"
    )
    assert count.to_json()["conventions"] is None
    assert count.to_json()["counted"] is None


@pytest.mark.parametrize(
    ("value", "field"), [(0, "beneficiaries"), (True, "beneficiaries"), ("3", "--beneficiaries")]
)
def test_a_declared_number_must_be_a_whole_number_of_one_or_more(value: Any, field: str) -> None:
    with pytest.raises(InvalidValue) as info:
        declared_count(value, field=field)
    assert info.value.field == field


def test_the_cutoff_defaults_to_the_date_of_the_claim() -> None:
    # C. civ. 1190: read against the drafter, every convention signed by the claim counts
    assert DEFAULT_COUNT_OPTIONS.until is CountUntil.CLAIM
    assert count_cutoff(D(2027, 6, 1), D(2027, 5, 4), DEFAULT_COUNT_OPTIONS) == (
        D(2027, 6, 1),
        CountUntil.CLAIM,
    )


def test_the_option_counts_up_to_the_termination_s_effect() -> None:
    option = CountOptions(CountUntil.TERMINATION)
    assert count_cutoff(D(2027, 6, 1), D(2027, 5, 4), option) == (
        D(2027, 5, 4),
        CountUntil.TERMINATION,
    )
    # never after the date of the claim; without a termination, the date of the claim
    assert count_cutoff(D(2027, 5, 1), D(2027, 5, 4), option)[0] == D(2027, 5, 1)
    assert count_cutoff(D(2027, 6, 1), None, option) == (D(2027, 6, 1), CountUntil.CLAIM)
    # with the cut-off at 10 January 2027, A (19 January) no longer counts
    count = count_beneficiaries(
        FOLDER, MARKET, by=D(2027, 1, 10), declared=3, until=CountUntil.TERMINATION
    )
    assert count.used == 1
    assert "(the date the termination took effect)" in count.summary().render("en")
    assert "(la date d'effet de la résiliation)" in count.summary().render("fr")


def test_the_option_refuses_an_unknown_reading() -> None:
    with pytest.raises(InvalidValue) as info:
        CountOptions("judgment")  # type: ignore[arg-type]
    assert info.value.field == "until"
