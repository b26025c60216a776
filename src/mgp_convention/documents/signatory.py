"""Who signs for the Métropole: its President by default, configurable.

The contract names the signatory twice. In the preamble: « La Métropole du Grand Paris
est représentée par son Président, Patrick Ollier dûment mandaté par délibération du
Bureau de la Métropole […] »; under the signatures: « Pour La Métropole du Grand Paris
/ Le Président / Patrick OLLIER ». When another person signs (a new President, a
Vice-President by delegation), give a :class:`Signatory`; the words around the name
agree with the civility (« sa Présidente », « dûment mandatée », « La Présidente »).

>>> DEFAULT_SIGNATORY.signature_name
'Patrick OLLIER'
>>> other = Signatory("Jeanne Exemple-Martin", title="Vice-présidente", civility="Madame")
>>> other.with_possessive, other.mandated, other.title_with_article, other.signature_name
('sa Vice-présidente', 'mandatée', 'La Vice-présidente', 'Jeanne EXEMPLE-MARTIN')
>>> Signatory("Jean-Marie LE NOM").signature_name  # capitals given: kept as written
'Jean-Marie LE NOM'
"""

from __future__ import annotations

from typing import Any

import attrs

from mgp_convention._validators import non_empty
from mgp_convention.documents._french import (
    Gender,
    agreed,
    gender_of,
    with_article,
    with_possessive,
)
from mgp_convention.documents._xml import UNWRITABLE, unwritable
from mgp_convention.errors import InvalidValue, shown
from mgp_convention.i18n import Message

__all__ = ["DEFAULT_SIGNATORY", "Signatory"]


def _line(_instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    non_empty(_instance, attribute, value)
    character = unwritable(value)
    if character is not None:
        raise InvalidValue(Message(UNWRITABLE, {"character": character}), field=attribute.name)


def _known_civility(_instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    _line(_instance, attribute, value)
    if gender_of(value) is None:
        raise InvalidValue(
            f"expected Madame or Monsieur, got {shown(value)}: the words around the "
            "name agree with it (« son Président », « sa Présidente »)",
            field=attribute.name,
        )


def _is_capitals(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) > 1 and all(c.isupper() for c in letters)


def _default_signature_name(signatory: Signatory) -> str:
    words = signatory.name.split() if isinstance(signatory.name, str) else []
    if not words or any(_is_capitals(word) for word in words):
        return signatory.name
    return " ".join([*words[:-1], words[-1].upper()])


@attrs.frozen
class Signatory:
    """The person who signs for the Métropole, and the title they sign under.

    ``name`` is written as in the preamble (« Patrick Ollier »), ``title`` without its
    article (« Président »), ``civility`` « Monsieur » or « Madame » (the words around
    agree with it). ``signature_name`` is the name under the signature; by default the
    name with its last word in capitals (« Patrick OLLIER »), or the name as written
    when it already has a word in capitals (« Jean-Marie LE NOM »).
    """

    name: str = attrs.field(validator=_line)
    title: str = attrs.field(default="Président", validator=_line)
    civility: str = attrs.field(default="Monsieur", validator=_known_civility)
    signature_name: str = attrs.field(
        default=attrs.Factory(_default_signature_name, takes_self=True), validator=_line
    )

    @property
    def gender(self) -> Gender:
        """``'f'`` or ``'m'``, from the civility (the validator refused any other)."""
        return gender_of(self.civility) or "m"

    @property
    def with_possessive(self) -> str:
        """« son Président », « sa Présidente »."""
        return with_possessive(self.title, self.gender)

    @property
    def title_with_article(self) -> str:
        """« Le Président », « La Présidente »."""
        return with_article(self.title, self.gender)

    @property
    def mandated(self) -> str:
        """« mandaté », « mandatée » (« dûment mandaté par délibération du Bureau »)."""
        return agreed("mandaté", self.gender)


#: The signatory the contract's template names: « son Président, Patrick Ollier ».
DEFAULT_SIGNATORY = Signatory("Patrick Ollier", title="Président", civility="Monsieur")
