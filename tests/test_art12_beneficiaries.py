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


# The three sentences of BeneficiaryCount.summary, written out by hand from FOLDER: on
# 1 January 2026 (a Thursday) nothing is signed for M, the declared 3 is used; on
# 1 February 2027 (a Monday) A and B are, 2 counted, with 2 or 3 declared.
_FALLBACK_FR = (
    "Nombre de bénéficiaires ayant contractualisé : 3, le nombre déclaré : aucune "
    "convention de ce marché signée par l'ensemble des parties au plus tard le jeudi "
    "1er janvier 2026 n'a été trouvée"
)
_FALLBACK_EN = (
    "Number of beneficiaries that contracted: 3, the number declared: no convention for "
    "this market signed by every party on or before Thursday 1 January 2026 was found"
)
_COUNTED_FR = (
    "Nombre de bénéficiaires ayant contractualisé : 2, compté : les conventions de ce "
    "marché signées par l'ensemble des parties au plus tard le lundi 1er février 2027 (la "
    "date de la demande), y compris celles résiliées ou terminées depuis"
)
_COUNTED_EN = (
    "Number of beneficiaries that contracted: 2, counted: the conventions for this market "
    "signed by every party on or before Monday 1 February 2027 (the date of the claim), "
    "those since terminated or ended included"
)


@pytest.mark.parametrize(
    ("by", "declared", "fr", "en"),
    [
        (D(2026, 1, 1), 3, _FALLBACK_FR, _FALLBACK_EN),
        (D(2027, 2, 1), 2, _COUNTED_FR, _COUNTED_EN),
        (
            D(2027, 2, 1),
            3,
            _COUNTED_FR + " ; les données du marché en déclarent 3",
            _COUNTED_EN + "; the market data declare 3",
        ),
    ],
    ids=["nothing-signed-declared-used", "counted-as-declared", "counted-and-declared-differ"],
)
def test_the_summary_says_the_number_its_source_and_the_cutoff_in_both_languages(
    by: dt.date, declared: int, fr: str, en: str
) -> None:
    count = count_beneficiaries(FOLDER, MARKET, by=by, declared=declared)
    assert plain(count.summary().render("fr")) == fr
    assert plain(count.summary().render("en")) == en


def test_the_json_of_a_count_from_a_folder() -> None:
    # A (signed 19 Jan 2027) and B (17 Mar 2026) on 1 Feb 2027, 3 declared: 2 counted.
    data = count_beneficiaries(FOLDER, MARKET, by=D(2027, 2, 1), declared=3).to_json()
    conventions = [b.to_json() for b in signed_for_market(FOLDER, MARKET, by=D(2027, 2, 1))]
    assert [plain(data.pop("message")), plain(data.pop("message_en"))] == [
        _COUNTED_FR + " ; les données du marché en déclarent 3",
        _COUNTED_EN + "; the market data declare 3",
    ]
    assert data == {
        "used": 2,
        "source": "counted",
        "declared": 3,
        "counted": 2,
        "cutoff": "2027-02-01",
        "until": "claim",
        "conventions": conventions,
    }


def test_the_json_of_a_folder_with_nothing_signed_keeps_the_declared_number() -> None:
    # Nothing for M is signed on 1 January 2026: the declared 3 divides, and is said.
    count = count_beneficiaries(FOLDER, MARKET, by=D(2026, 1, 1), declared=3)
    assert count.declared == 3
    data = count.to_json()
    assert [plain(data.pop("message")), plain(data.pop("message_en"))] == [
        _FALLBACK_FR,
        _FALLBACK_EN,
    ]
    assert data == {
        "used": 3,
        "source": "declared",
        "declared": 3,
        "counted": 0,
        "cutoff": "2026-01-01",
        "until": "claim",
        "conventions": [],
    }


def test_without_a_folder_read_the_summary_never_says_no_convention_was_found() -> None:
    # counted None: no folder was read, whatever the cut-off; the number is the declared one.
    count = BeneficiaryCount(3, "declared", 3, None, D(2027, 2, 1), CountUntil.CLAIM)
    assert count.summary().render("en") == (
        "Number of beneficiaries that contracted: 3, the number declared"
    )


def test_a_convention_counts_on_the_very_day_its_last_party_signs() -> None:
    # A's Métropole signed on 19 January 2027: a claim that day counts A (and B).
    found = signed_for_market(FOLDER, MARKET, by=D(2027, 1, 19))
    assert [b.siren for b in found] == ["999000011", "200054781"]


def test_another_market_s_convention_met_first_does_not_stop_the_count() -> None:
    # O (another market) comes first in the folder; A and B, for M, still count: 2.
    found = signed_for_market([("o.json", OTHER), *FOLDER], MARKET, by=D(2027, 2, 1))
    assert [b.siren for b in found] == ["999000011", "200054781"]


def test_a_beneficiary_in_two_files_is_dated_by_its_earlier_signed_copy() -> None:
    # a.json: signed by every party on 19 Jan 2027; early.json (met second): the
    # Métropole signed on 15 Jan 2027, so every party had signed on 15 Jan: the earlier.
    early = attrs.evolve(A, events=(A.events[0], Signature(D(2027, 1, 15), party=Party.METROPOLE)))
    (one,) = signed_for_market([("a.json", A), ("early.json", early)], MARKET, by=D(2027, 2, 1))
    assert (one.signed_on, one.files) == (D(2027, 1, 15), ("a.json", "early.json"))


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("3", "beneficiaries: expected a whole number, got '3' (Art. 12 al. 3)"),
        (2.0, "beneficiaries: expected a whole number, got 2.0 (Art. 12 al. 3)"),
        (0, "beneficiaries: must be at least 1, got 0 (Art. 12 al. 3)"),
        (-2, "beneficiaries: must be at least 1, got -2 (Art. 12 al. 3)"),
    ],
)
def test_a_wrong_declared_number_is_refused_with_its_value_and_article(
    value: Any, message: str
) -> None:
    for call in (
        lambda: declared_count(value),
        lambda: count_beneficiaries(FOLDER, MARKET, by=D(2027, 2, 1), declared=value),
    ):
        with pytest.raises(InvalidValue) as info:
            call()
        assert str(info.value) == message
        assert (info.value.field, info.value.article) == ("beneficiaries", "Art. 12 al. 3")


def test_no_signed_convention_and_nothing_declared_says_why_nothing_divides() -> None:
    with pytest.raises(InvalidValue) as info:
        count_beneficiaries(FOLDER, MARKET, by=D(2026, 1, 1))
    assert str(info.value) == (
        "conventions: no convention for the market 'M' is signed by every party on or "
        "before 2026-01-01: there is no number of beneficiaries to divide by (Art. 12 al. 3)"
    )
