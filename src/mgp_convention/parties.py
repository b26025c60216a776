"""The parties to the convention (preamble, Art. 4) and their identifiers.

The Métropole du Grand Paris is a known party: :data:`METROPOLE`. The beneficiary is a
public body identified by its SIREN, whose check digit (Luhn) is verified with
``python-stdnum``.

>>> METROPOLE.siren
'200054781'
>>> Representative("Maire", "Madame", "Camille Exemple").signature_line
'Madame Camille Exemple, Maire'
"""

from __future__ import annotations

import enum
import re
from typing import Any

import attrs
from stdnum.exceptions import ValidationError as StdnumValidationError
from stdnum.fr import siren as stdnum_siren

from mgp_convention._validators import TextKind, an_instance_of, check_text, member_of, non_empty
from mgp_convention.citations import Citation
from mgp_convention.errors import InvalidValue, shown
from mgp_convention.i18n import N_, Message

__all__ = [
    "ART4_REFERENT",
    "METROPOLE",
    "PREAMBLE",
    "BodyKind",
    "Metropole",
    "PublicBody",
    "Referent",
    "Representative",
    "normalise_siren",
]

PREAMBLE = Citation(
    "Préambule",
    None,
    "[Structure publique], [type de structure] dont le siège est à [Adresse], identifiée "
    "au SIREN sous le numéro [NuméroSIREN] et désigné sous le terme « le Bénéficiaire »",
)

ART4_REFERENT = Citation(
    "Art. 4",
    "al. 2",
    "Le Bénéficiaire communiquera les coordonnées (courriel et téléphone) de ce référent "
    "à la Métropole.",
)


def normalise_siren(value: str, *, field: str = "siren") -> str:
    """The SIREN as 9 digits, or :class:`InvalidValue` saying what is wrong.

    Spaces and dots are allowed in input (``"200 054 781"``); the check digit is the
    Luhn key (INSEE), verified by ``stdnum.fr.siren``.

    >>> normalise_siren("200 054 781")
    '200054781'
    >>> normalise_siren("200054782")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    mgp_convention.errors.InvalidValue: siren: '200054782' is not a valid SIREN: wrong ...
    """
    if not isinstance(value, str):
        raise InvalidValue(
            Message(N_("expected the SIREN as text, got {kind}"), {"kind": type(value).__name__}),
            field=field,
            article=PREAMBLE.article,
        )
    compact: str = stdnum_siren.compact(value)
    if not re.fullmatch(r"[0-9]{9}", compact):
        raise InvalidValue(
            Message(N_("{value} is not a valid SIREN: expected 9 digits"), {"value": shown(value)}),
            field=field,
            article=PREAMBLE.article,
        )
    try:
        stdnum_siren.validate(compact)
    except StdnumValidationError:
        raise InvalidValue(
            Message(N_("{value} is not a valid SIREN: wrong check digit"), {"value": shown(value)}),
            field=field,
            article=PREAMBLE.article,
        ) from None
    return compact


def _siren(_instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    _bounded_text(value, "code", attribute.name)
    normalised = normalise_siren(value, field=attribute.name)
    if normalised != value:
        raise InvalidValue(
            Message(
                N_("write the SIREN as 9 digits without spaces: {siren}"),
                {"siren": repr(normalised)},
            ),
            field=attribute.name,
            article=PREAMBLE.article,
        )


_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[A-Za-z]{2,}")
_PHONE_CHARS = re.compile(r"[ .\-()]")
_PHONE = re.compile(r"0[1-9][0-9]{8}|\+[1-9][0-9]{7,14}")


def _bounded_text(value: Any, kind: TextKind, field: str) -> None:
    """A text given is bounded and printable (:func:`check_text`) before it is matched."""
    if isinstance(value, str) and value.strip():
        check_text(value, kind, field=field)


def _email(_instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    _bounded_text(value, "line", attribute.name)
    if not isinstance(value, str) or not _EMAIL.fullmatch(value):
        raise InvalidValue(
            Message(N_("{value} is not a valid e-mail address"), {"value": shown(value)}),
            field=attribute.name,
            article=ART4_REFERENT.article,
        )


def _phone(_instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    _bounded_text(value, "code", attribute.name)
    digits = _PHONE_CHARS.sub("", value) if isinstance(value, str) else ""
    if not _PHONE.fullmatch(digits):
        raise InvalidValue(
            Message(
                N_(
                    "{value} is not a valid phone number (10 digits starting with 0, or "
                    "+country code)"
                ),
                {"value": shown(value)},
            ),
            field=attribute.name,
            article=ART4_REFERENT.article,
        )


class BodyKind(enum.StrEnum):
    """The kind of public body the beneficiary is."""

    COMMUNE = "commune"
    EPT = "ept"  # établissement public territorial
    PUBLIC_ESTABLISHMENT = "public_establishment"
    OTHER = "other"


@attrs.frozen
class Metropole:
    """The Métropole du Grand Paris, the known party (preamble of the convention)."""

    name: str
    siren: str
    address: str
    represented_by: str


#: « La METROPOLE DU GRAND PARIS, personne morale de droit public dont le siège est à
#: PARIS (75013), 15-19 Pierre Mendès-France, identifiée au SIREN sous le numéro 200054781 »
METROPOLE = Metropole(
    name="Métropole du Grand Paris",
    siren="200054781",
    address="15-19 avenue Pierre Mendès-France, 75013 Paris",
    represented_by="son Président",
)


@attrs.frozen
class Representative:
    """Who signs for the beneficiary: « représenté par son [Statut] [Genre] [Nom] »."""

    title: str = attrs.field(validator=non_empty)
    civility: str = attrs.field(validator=non_empty)
    name: str = attrs.field(validator=non_empty)

    @property
    def signature_line(self) -> str:
        """``Madame Camille Exemple, Maire``."""
        return f"{self.civility} {self.name}, {self.title}"


@attrs.frozen
class PublicBody:
    """The beneficiary: a public body (commune, EPT, public establishment…).

    ``authorising_act`` is the act under which the representative signs
    (« dûment [habilité] à la signature de la présente en vertu de la [délibération …] »).
    """

    name: str = attrs.field(validator=non_empty)
    kind: BodyKind = attrs.field(validator=member_of(BodyKind))
    address: str = attrs.field(validator=non_empty)
    siren: str = attrs.field(validator=_siren)
    representative: Representative = attrs.field(validator=an_instance_of(Representative))
    authorising_act: str = attrs.field(validator=non_empty)


@attrs.frozen
class Referent:
    """The project referent (Art. 4): the Métropole's contact at the beneficiary.

    « Le Bénéficiaire communiquera les coordonnées (courriel et téléphone) de ce
    référent à la Métropole. »
    """

    name: str = attrs.field(validator=non_empty)
    email: str = attrs.field(validator=_email)
    phone: str = attrs.field(validator=_phone)
