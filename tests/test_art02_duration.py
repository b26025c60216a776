"""Art. 2: « La présente Convention prend effet à compter de sa signature par l'ensemble des
parties, jusqu'au [Date]. » — the rules of ``articles/art02_duration.py``, case by case."""

from __future__ import annotations

import datetime as dt

import pytest

from mgp_convention.articles.art02_duration import (
    ART2_IN_FORCE,
    ART2_SIGNATURE,
    SIGNATORIES,
    all_signed,
    effective_date,
    ended_refusal,
    first_day_ended,
    is_ended,
    not_concluded_refusal,
    signature_refusal,
)
from mgp_convention.events import Party

D = dt.date
M, B = Party.METROPOLE, Party.BENEFICIARY


def test_every_party_signs_the_metropole_and_the_beneficiary() -> None:
    # « l'ensemble des parties »: the two parties of the preamble.
    assert set(SIGNATORIES) == {Party.METROPOLE, Party.BENEFICIARY}
    assert (ART2_SIGNATURE.label, ART2_IN_FORCE.label) == ("Art. 2", "Art. 2")
    assert "jusqu'au [Date]" in ART2_IN_FORCE.text


# (situation, signatures, effective date)
EFFECTIVE = [
    ("nobody signed", {}, None),
    ("only the beneficiary signed", {B: D(2026, 11, 12)}, None),
    ("only the Métropole signed", {M: D(2026, 11, 23)}, None),
    ("the Métropole signed last", {B: D(2026, 11, 12), M: D(2026, 11, 19)}, D(2026, 11, 19)),
    ("the beneficiary signed last", {M: D(2026, 3, 10), B: D(2026, 3, 17)}, D(2026, 3, 17)),
    ("both on the same day", {M: D(2027, 1, 4), B: D(2027, 1, 4)}, D(2027, 1, 4)),
]


@pytest.mark.parametrize(
    ("signatures", "expected"), [c[1:] for c in EFFECTIVE], ids=[c[0] for c in EFFECTIVE]
)
def test_the_effective_date_is_the_last_signature(
    signatures: dict[Party, dt.date], expected: dt.date | None
) -> None:
    assert effective_date(signatures) == expected
    assert all_signed(signatures) is (expected is not None)


def test_each_party_signs_once() -> None:
    assert signature_refusal(M, {B: D(2026, 11, 12)}) is None
    refusal = signature_refusal(B, {B: D(2026, 11, 12)})
    assert refusal is not None
    assert refusal.params == {"party": B, "on": D(2026, 11, 12)}
    # 12 November 2026 is a Thursday (29 November 2026, a Sunday, less 17 days).
    assert refusal.render("fr") == "le bénéficiaire a déjà signé le jeudi 12 novembre 2026"
    assert refusal.render("en") == "the beneficiary already signed on Thursday 12 November 2026"


# (situation, the day asked, ended?) — end date Friday 31 March 2028
ENDED = [
    ("the day before the end date", D(2028, 3, 30), False),
    ("the end date itself: « jusqu'au » includes it", D(2028, 3, 31), False),
    ("the day after: ended", D(2028, 4, 1), True),
    ("a year later", D(2029, 3, 31), True),
]


@pytest.mark.parametrize(("on", "ended"), [c[1:] for c in ENDED], ids=[c[0] for c in ENDED])
def test_ended_from_the_day_after_the_end_date(on: dt.date, ended: bool) -> None:
    assert is_ended(on, end_date=D(2028, 3, 31)) is ended


@pytest.mark.parametrize(
    ("end", "first"),
    [
        (D(2028, 3, 31), D(2028, 4, 1)),
        (D(2027, 12, 31), D(2028, 1, 1)),  # into a new year
        (D(2028, 2, 28), D(2028, 2, 29)),  # 2028 is a leap year
        (D(2027, 2, 28), D(2027, 3, 1)),
    ],
)
def test_the_first_day_ended(end: dt.date, first: dt.date) -> None:
    assert first_day_ended(end) == first


def test_why_nothing_is_recorded_after_the_end_date() -> None:
    ended = ended_refusal(D(2028, 3, 31))
    assert ended.params == {"end": D(2028, 3, 31), "first": D(2028, 4, 1)}
    never = not_concluded_refusal(D(2028, 3, 31))
    assert never.params == {"end": D(2028, 3, 31)}
    # Said in French for a lawyer, not left in English.
    assert ended.render("fr") != ended.render("en")
    assert never.render("fr") != never.render("en")


def test_the_refusals_after_the_end_date_in_both_languages() -> None:
    # Art. 2, « jusqu'au [Date] »: the end date is the last day in force; the day after,
    # the convention has ended (or, never signed by every party, never took effect).
    end = dt.date(2028, 3, 31)  # a Friday; the next day is Saturday 1 April 2028
    assert ended_refusal(end).render("fr") == (
        "la convention courait jusqu'à sa date de fin, le vendredi 31 mars 2028, et a pris "
        "fin le samedi 1er avril 2028"
    )
    never = dt.date(2026, 10, 31)  # a Saturday
    assert not_concluded_refusal(never).render("en") == (
        "the convention was not signed by every party by its end date, Saturday 31 October "
        "2026: it never took effect"
    )
    assert not_concluded_refusal(never).render("fr") == (
        "la convention n'a pas été signée par toutes les parties au plus tard à sa date de "
        "fin, le samedi 31 octobre 2026 : elle n'a jamais pris effet"
    )
