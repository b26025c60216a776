"""The parties (preamble, Art. 4): SIREN, referent's e-mail and phone, required texts."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given

from mgp_convention.errors import ConventionError, InvalidValue
from mgp_convention.examples import example_convention
from mgp_convention.parties import (
    METROPOLE,
    BodyKind,
    PublicBody,
    Referent,
    Representative,
    normalise_siren,
)

from strategies import sirens

BODY = example_convention().beneficiary
REFERENT = example_convention().referent


def test_metropole_is_the_known_party() -> None:
    # Preamble: « identifiée au SIREN sous le numéro 200054781 »
    assert METROPOLE.siren == "200054781"
    assert normalise_siren(METROPOLE.siren) == "200054781"
    assert "75013" in METROPOLE.address


@pytest.mark.parametrize(
    ("given_siren", "expected"),
    [
        ("200054781", "200054781"),  # the Métropole's own SIREN (Luhn sum 30)
        ("200 054 781", "200054781"),  # spaces are allowed in input
        ("999000011", "999000011"),  # the fictional example commune: 9+9+9+0+0+0+0+2+1 = 30
    ],
)
def test_valid_sirens(given_siren: str, expected: str) -> None:
    assert normalise_siren(given_siren) == expected


@pytest.mark.parametrize(
    ("given_siren", "reason"),
    [
        ("200054782", "wrong check digit"),  # last digit changed: Luhn sum 31
        ("999000012", "wrong check digit"),
        ("20005478", "expected 9 digits"),  # 8 digits
        ("2000547811", "expected 9 digits"),  # 10 digits
        ("20005478A", "expected 9 digits"),
        ("", "expected 9 digits"),
    ],
)
def test_invalid_sirens(given_siren: str, reason: str) -> None:
    with pytest.raises(InvalidValue, match=reason) as info:
        normalise_siren(given_siren)
    assert info.value.field == "siren"
    assert info.value.article == "Préambule"


def test_siren_must_be_text() -> None:
    with pytest.raises(InvalidValue, match="as text"):
        normalise_siren(200054781)  # type: ignore[arg-type]


def test_public_body_stores_compact_siren() -> None:
    with pytest.raises(InvalidValue, match="without spaces"):
        attrs.evolve(BODY, siren="999 000 011")


@given(sirens())
def test_generated_sirens_are_valid(siren: str) -> None:
    assert normalise_siren(siren) == siren
    bad = siren[:-1] + str((int(siren[-1]) + 1) % 10)
    with pytest.raises(InvalidValue):
        normalise_siren(bad)


@pytest.mark.parametrize("field", ["name", "address", "authorising_act"])
@pytest.mark.parametrize("value", ["", "   "])
def test_public_body_texts_are_required(field: str, value: str) -> None:
    with pytest.raises(InvalidValue, match="must not be empty") as info:
        attrs.evolve(BODY, **{field: value})
    assert info.value.field == field


def test_representative() -> None:
    rep = Representative("Maire", "Madame", "Camille Exemple")
    assert rep.signature_line == "Madame Camille Exemple, Maire"
    with pytest.raises(InvalidValue, match="expected text"):
        Representative("Maire", "Madame", 3)  # type: ignore[arg-type]


def test_body_kinds() -> None:
    assert {kind.value for kind in BodyKind} == {
        "commune",
        "ept",
        "public_establishment",
        "other",
    }
    assert isinstance(BODY, PublicBody)


@pytest.mark.parametrize(
    "email", ["referent@ville.fr", "a.b-c@mairie.example", "x+y@sub.domaine.paris"]
)
def test_valid_emails(email: str) -> None:
    assert attrs.evolve(REFERENT, email=email).email == email


@pytest.mark.parametrize(
    "email", ["", "referent", "referent@", "@ville.fr", "a b@ville.fr", "a@ville", 42]
)
def test_invalid_emails(email: object) -> None:
    with pytest.raises(InvalidValue, match="e-mail") as info:
        attrs.evolve(REFERENT, email=email)
    assert info.value.field == "email"
    assert info.value.article == "Art. 4"


@pytest.mark.parametrize(
    "phone", ["01 00 00 00 00", "0612345678", "06.12.34.56.78", "+33 1 23 45 67 89"]
)
def test_valid_phones(phone: str) -> None:
    assert isinstance(Referent("Dominique", "d@ville.fr", phone), Referent)


@pytest.mark.parametrize("phone", ["", "12345", "00 00 00 00 00", "téléphone", "0612", None])
def test_invalid_phones(phone: object) -> None:
    with pytest.raises(InvalidValue, match="phone") as info:
        attrs.evolve(REFERENT, phone=phone)
    assert info.value.field == "phone"
    assert info.value.article == "Art. 4"


def test_errors_share_the_package_root() -> None:
    with pytest.raises(ConventionError):
        normalise_siren("1")


def test_parties_in_a_report() -> None:
    # The report converter writes a party as its fields: the kind by its code.
    from mgp_convention.report_json import to_json

    data = to_json(BODY)
    assert data["kind"] == "commune"
    assert type(data["kind"]) is str
    assert data["representative"] == {
        "title": "Maire",
        "civility": "Madame",
        "name": "Camille Exemple",
    }
