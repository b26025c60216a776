"""The words a person types on the command line: French names and English codes.

A programme officer writes ``mise-en-demeure``, ``résiliation --motif manquement`` or
``--partie bénéficiaire``; a tool writes ``formal_notice_sent``, ``--ground breach``,
``--party beneficiary``. Both are accepted: a name is compared once *normalised* —
accents dropped, lower case, ``_`` and spaces read as ``-`` (:func:`normalise`) — so
``Mise en demeure``, ``mise_en_demeure`` and ``MISE-EN-DEMEURE`` are the same word.

:class:`Choices` holds the values of one enumeration by their French name and their
code; an unknown value is answered with the whole list, in the user's language (never a
single "did you mean" guess).

>>> PARTY.find("Bénéficiaire"), PARTY.find("beneficiary"), PARTY.find("nobody")
(<Party.BENEFICIARY: 'beneficiary'>, <Party.BENEFICIARY: 'beneficiary'>, None)
>>> OBLIGATION.find("données")
<Obligation.SHARE_DATA: 'share_data'>
>>> normalise("  Début_expérimentation ")
'debut-experimentation'
"""

from __future__ import annotations

import enum
import re
import unicodedata
from collections.abc import Iterator, Mapping
from typing import Final, Generic, TypeVar

from mgp_convention.events import (
    DelayCause,
    GeneralInterestBasis,
    Ground,
    Obligation,
    Party,
    TerminatedBy,
)
from mgp_convention.i18n import N_, Lang, gettext_in, semicolons
from mgp_convention.parties import BodyKind

__all__ = [
    "BASIS",
    "BODY_KIND",
    "BY",
    "CAUSE",
    "GROUND",
    "OBLIGATION",
    "PARTY",
    "Choices",
    "accented",
    "normalise",
]

_SEPARATORS = re.compile(r"[\s_]+")

#: The French words of the options, with their accents: ``--référence-lettre`` is
#: accepted as well as ``--reference-lettre`` (:func:`accented`).
_ACCENTS: Final[Mapping[str, str]] = {
    "accepte": "accepté",
    "apres": "après",
    "beneficiaire": "bénéficiaire",
    "beneficiaires": "bénéficiaires",
    "civilite": "civilité",
    "debut": "début",
    "definitif": "définitif",
    "deliberation": "délibération",
    "duree": "durée",
    "empeche": "empêche",
    "etape": "étape",
    "evaluation": "évaluation",
    "marche": "marché",
    "metropole": "métropole",
    "modele": "modèle",
    "notifiee": "notifiée",
    "qualite": "qualité",
    "recue": "reçue",
    "reduit": "réduit",
    "reference": "référence",
    "referent": "référent",
    "representant": "représentant",
    "telephone": "téléphone",
    "thematique": "thématique",
}


def accented(flag: str) -> str | None:
    """``flag`` with the accents of its French words, if it has any.

    >>> accented("--reference-lettre"), accented("--le")
    ('--référence-lettre', None)
    """
    words = flag.removeprefix("--").split("-")
    written = "--" + "-".join(_ACCENTS.get(word, word) for word in words)
    return None if written == flag else written


E = TypeVar("E", bound=enum.Enum)


def normalise(text: str) -> str:
    """A typed name as it is compared: no accents, lower case, ``-`` between words."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _SEPARATORS.sub("-", plain.strip().casefold()).strip("-")


class Choices(Generic[E]):
    """The values of an enumeration a person may type: each member's French name (and
    aliases) and its code; ``labels`` says each member in words (an English message id,
    translated), for the lists shown to people."""

    def __init__(
        self,
        french: Mapping[E, str],
        labels: Mapping[E, str],
        aliases: Mapping[str, E] | None = None,
    ) -> None:
        self.french = dict(french)
        self.labels = dict(labels)
        self._by_word: dict[str, E] = {}
        for member, name in self.french.items():
            for word in (name, str(member.value)):
                self._add(normalise(word), member)
        for word, member in (aliases or {}).items():
            self._add(normalise(word), member)

    def _add(self, word: str, member: E) -> None:
        known = self._by_word.setdefault(word, member)
        if known is not member:  # pragma: no cover - a mistake in the tables below
            raise ValueError(f"{word!r} names both {known} and {member}")

    def find(self, text: str) -> E | None:
        """The member ``text`` names (French name, alias or code), else ``None``."""
        return self._by_word.get(normalise(text))

    def name(self, member: E, lang: Lang) -> str:
        """What to type for ``member`` in ``lang``: its French name, or its code."""
        return self.french[member] if lang == "fr" else str(member.value)

    def __iter__(self) -> Iterator[E]:
        return iter(self.french)

    def listing(self, lang: Lang) -> str:
        """Every value in ``lang``: ``name (words)``, separated by ``;`` (« ; » in French,
        with its space before)."""
        return semicolons(
            (
                f"{self.name(member, lang)} ({gettext_in(lang, self.labels[member])})"
                for member in self
            ),
            lang,
        )

    def names(self, lang: Lang) -> str:
        """Every value's name in ``lang``, separated by ``|`` (for a usage line)."""
        return "|".join(self.name(member, lang) for member in self)


# The words of each member come from the events module's own labels where it has them
# (``Party.label``…); their English ids are repeated here for the lists.
PARTY: Choices[Party] = Choices(
    {Party.METROPOLE: "metropole", Party.BENEFICIARY: "beneficiaire"},
    {Party.METROPOLE: N_("the Métropole"), Party.BENEFICIARY: N_("the beneficiary")},
)
CAUSE: Choices[DelayCause] = Choices(
    {
        DelayCause.BENEFICIARY: "beneficiaire",
        DelayCause.METROPOLE: "metropole",
        DelayCause.PROVIDER: "prestataire",
    },
    {
        DelayCause.BENEFICIARY: N_("the beneficiary"),
        DelayCause.METROPOLE: N_("the Métropole"),
        DelayCause.PROVIDER: N_("the provider"),
    },
)
OBLIGATION: Choices[Obligation] = Choices(
    {
        Obligation.DESIGNATE_REFERENT: "referent",
        Obligation.ATTEND_MEETINGS: "reunions",
        Obligation.PROVIDE_STAFF: "personnel",
        Obligation.FACILITATE_PROVIDER: "faciliter-prestataire",
        Obligation.IMPLEMENT_MEASURES: "mesures",
        Obligation.INFORM_METROPOLE: "informer-metropole",
        Obligation.VALIDATE_DELIVERABLES: "livrables",
        Obligation.COMMUNICATE_TO_CITIZENS: "communication-usagers",
        Obligation.RESPECT_COMMUNICATION_RULES: "regles-communication",
        Obligation.REPORT_REFERENT_CHANGE: "changement-referent",
        Obligation.FREE_ACCESS: "acces",
        Obligation.SHARE_DATA: "donnees",
        Obligation.READY_ON_PLANNED_DATE: "pret-date-prevue",
        Obligation.SUBSTANTIAL_MODIFICATION_WITHOUT_CONSENT: "modification-substantielle",
        Obligation.OTHER: "autre",
    },
    {
        Obligation.DESIGNATE_REFERENT: N_("designate a project referent"),
        Obligation.ATTEND_MEETINGS: N_("attend the operational committee and other meetings"),
        Obligation.PROVIDE_STAFF: N_("provide adequate staff"),
        Obligation.FACILITATE_PROVIDER: N_("facilitate the provider's work"),
        Obligation.IMPLEMENT_MEASURES: N_("implement the measures for the experiment"),
        Obligation.INFORM_METROPOLE: N_("inform the Métropole without delay and in writing"),
        Obligation.VALIDATE_DELIVERABLES: N_("validate the deliverables"),
        Obligation.COMMUNICATE_TO_CITIZENS: N_("communicate to citizens and stakeholders"),
        Obligation.RESPECT_COMMUNICATION_RULES: N_("respect the programme's communication rules"),
        Obligation.REPORT_REFERENT_CHANGE: N_("report a change of referent without delay"),
        Obligation.FREE_ACCESS: N_("give free access to spaces and equipment"),
        Obligation.SHARE_DATA: N_("make the data available and transfer it"),
        Obligation.READY_ON_PLANNED_DATE: N_("be ready to host the experiment on the planned date"),
        Obligation.SUBSTANTIAL_MODIFICATION_WITHOUT_CONSENT: N_(
            "no substantial change to the conditions of performance without written consent"
        ),
        Obligation.OTHER: N_("another obligation"),
    },
)
GROUND: Choices[Ground] = Choices(
    {
        Ground.INTERRUPTION: "interruption",
        Ground.NOT_READY: "non-pret",
        Ground.BREACH: "manquement",
        Ground.SANCTION: "sanction",
        Ground.COMMON_AGREEMENT: "commun-accord",
        Ground.FORCE_MAJEURE: "force-majeure",
        Ground.GENERAL_INTEREST: "interet-general",
    },
    {
        Ground.INTERRUPTION: N_("interruption of the experiment"),
        Ground.NOT_READY: N_("not ready on the planned date"),
        Ground.BREACH: N_("breach"),
        Ground.SANCTION: N_("sanction"),
        Ground.COMMON_AGREEMENT: N_("common agreement"),
        Ground.FORCE_MAJEURE: N_("force majeure"),
        Ground.GENERAL_INTEREST: N_("general interest"),
    },
    aliases={"amiable": Ground.COMMON_AGREEMENT, "resiliation-amiable": Ground.COMMON_AGREEMENT},
)
BY: Choices[TerminatedBy] = Choices(
    {
        TerminatedBy.METROPOLE: "metropole",
        TerminatedBy.BENEFICIARY: "beneficiaire",
        TerminatedBy.JUDGE: "juge",
    },
    {
        TerminatedBy.METROPOLE: N_("the Métropole"),
        TerminatedBy.BENEFICIARY: N_("the beneficiary"),
        TerminatedBy.JUDGE: N_("the judge"),
    },
)
BASIS: Choices[GeneralInterestBasis] = Choices(
    {
        GeneralInterestBasis.UPHEAVAL: "bouleversement",
        GeneralInterestBasis.CAUSE_DISAPPEARED: "disparition-cause",
        GeneralInterestBasis.OTHER: "autre",
    },
    {
        GeneralInterestBasis.UPHEAVAL: N_("upheaval of the convention's balance"),
        GeneralInterestBasis.CAUSE_DISAPPEARED: N_("disappearance of its cause"),
        GeneralInterestBasis.OTHER: N_("another reason of general interest"),
    },
)
BODY_KIND: Choices[BodyKind] = Choices(
    {
        BodyKind.COMMUNE: "commune",
        BodyKind.EPT: "ept",
        BodyKind.PUBLIC_ESTABLISHMENT: "etablissement-public",
        BodyKind.OTHER: "autre",
    },
    {
        BodyKind.COMMUNE: N_("a commune"),
        BodyKind.EPT: N_("an établissement public territorial"),
        BodyKind.PUBLIC_ESTABLISHMENT: N_("a public establishment"),
        BodyKind.OTHER: N_("another public body"),
    },
)
