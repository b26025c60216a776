"""Art. 5 al. 4 and Art. 10: the claims the beneficiary has given up.

The paragraphs encoded, verbatim:

    Art. 5 al. 4 — « En revanche, en cas de retard de lancement de l'expérimentation, du
    fait de la Métropole du Grand Paris ou de son prestataire, ledit retard n'ouvre droit
    à aucun dédommagement de la part de la Métropole. »

    Art. 10 al. 1 — « Le Bénéficiaire déclare décharger de toute responsabilité la
    Métropole du Grand Paris concernant la qualité des prestations ou des préconisations
    du prestataire, de leur utilisation par le Bénéficiaire, d'un éventuel retard du
    prestataire dans l'exécution de sa mission ou concernant tout préjudice que le
    Bénéficiaire pourrait subir du fait du prestataire et de ses préconisations. »

    Art. 10 al. 2 — « De plus, le bénéficiaire déclare décharger de toute responsabilité
    la Métropole du Grand Paris du fait de tout dommage ou sinistre généré ou accru du
    fait d'une faute ou négligence du prestataire. »

    Art. 10 al. 3 — « Le bénéficiaire renonce à toute réclamation à l'encontre de la
    Métropole du Grand Paris ou de son prestataire en cas : » followed by four cases,
    each quoted in :data:`CLAIM_RULES` (the last one runs over a page break in the contract;
    it is quoted as one sentence).

:func:`claim_admissibility` answers, for a ground of claim (:class:`ClaimGround`),
whether the convention rules it out, with the article and an explanation in French and
in English. A ground the convention does not rule out (``other``) is answered "not
ruled out by the convention": whether the claim succeeds is then a matter for the
general law (administrative liability) and, failing an amicable solution, for the
Tribunal administratif de Paris (Art. 13). The package invents no rule for it.

What is deliberately not encoded: whether a waiver clause is valid or binds in a given
case (that is for the judge), and who caused a delay (a fact the user states by
choosing the ground).

>>> answer = claim_admissibility("metropole_delay")
>>> answer.admissible, answer.citation.label
(False, 'Art. 5 al. 4')
>>> claim_admissibility(ClaimGround.RESULTS_BELOW_EXPECTATIONS).citation.label
'Art. 10 al. 3'
>>> claim_admissibility("other").admissible
True
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

import attrs

from mgp_convention.articles.art05_delays import ART5_NO_COMPENSATION
from mgp_convention.citations import Citation
from mgp_convention.errors import InvalidValue
from mgp_convention.report_json import json_object

__all__ = [
    "ART5_AL4",
    "ART10_AL1",
    "ART10_AL2",
    "ART10_AL3",
    "ART13",
    "CLAIM_RULES",
    "ClaimAnswer",
    "ClaimGround",
    "ClaimRule",
    "claim_admissibility",
]


class ClaimGround(enum.StrEnum):
    """What a claim by the beneficiary against the Métropole is based on."""

    METROPOLE_DELAY = "metropole_delay"  # Art. 5 al. 4
    PROVIDER_DELAY = "provider_delay"  # Art. 5 al. 4
    NO_PROVIDER_FOUND = "no_provider_found"  # Art. 10 al. 3
    EARLY_ABANDONMENT = "early_abandonment"  # Art. 10 al. 3
    RESULTS_BELOW_EXPECTATIONS = "results_below_expectations"  # Art. 10 al. 3
    NO_RENEWAL_OR_SCALE_UP = "no_renewal_or_scale_up"  # Art. 10 al. 3
    PROVIDER_SERVICE_QUALITY = "provider_service_quality"  # Art. 10 al. 1
    PROVIDER_DELAY_IN_MISSION = "provider_delay_in_mission"  # Art. 10 al. 1
    PROVIDER_PREJUDICE = "provider_prejudice"  # Art. 10 al. 1
    PROVIDER_FAULT_DAMAGE = "provider_fault_damage"  # Art. 10 al. 2
    OTHER = "other"  # not ruled out by the convention


#: Art. 5 al. 4, no compensation for a launch delay (quoted in :mod:`.art05_delays`).
ART5_AL4 = ART5_NO_COMPENSATION
ART10_AL1 = Citation(
    "Art. 10",
    "al. 1",
    "Le Bénéficiaire déclare décharger de toute responsabilité la Métropole du Grand Paris "
    "concernant la qualité des prestations ou des préconisations du prestataire, de leur "
    "utilisation par le Bénéficiaire, d'un éventuel retard du prestataire dans l'exécution "
    "de sa mission ou concernant tout préjudice que le Bénéficiaire pourrait subir du fait "
    "du prestataire et de ses préconisations.",
)
ART10_AL2 = Citation(
    "Art. 10",
    "al. 2",
    "De plus, le bénéficiaire déclare décharger de toute responsabilité la Métropole du "
    "Grand Paris du fait de tout dommage ou sinistre généré ou accru du fait d'une faute ou "
    "négligence du prestataire.",
)
#: The opening words of Art. 10 al. 3, which each of its four cases completes.
ART10_AL3 = Citation(
    "Art. 10",
    "al. 3",
    "Le bénéficiaire renonce à toute réclamation à l'encontre de la Métropole du Grand "
    "Paris ou de son prestataire en cas :",
)
ART13 = Citation(
    "Art. 13",
    None,
    "Les litiges éventuels relatifs à la présente convention, qui n'auront pu recevoir de "
    "solution amiable, seront portés devant le Tribunal administratif de Paris.",
)


@attrs.frozen
class ClaimRule:
    """What the convention says of one ground of claim: ruled out or not, and why."""

    admissible: bool
    citation: Citation
    explanation_fr: str
    explanation_en: str


_NOT_RULED_OUT_FR = (
    "Non exclue par la convention : aucune de ses clauses (art. 5 al. 4, art. 10) ne vise "
    "cette réclamation. Son bien-fondé relève du droit commun (responsabilité "
    "administrative) et, à défaut de solution amiable, du Tribunal administratif de Paris "
    "(art. 13)."
)
_NOT_RULED_OUT_EN = (
    "Not ruled out by the convention: none of its clauses (Art. 5 al. 4, Art. 10) covers "
    "this claim. Whether it is well founded is a matter for the general law "
    "(administrative liability) and, failing an amicable solution, for the Tribunal "
    "administratif de Paris (Art. 13)."
)

#: Every ground of claim and the rule of the convention that answers it. A case of
#: Art. 10 al. 3 is quoted after the paragraph's opening words (:data:`ART10_AL3`).
CLAIM_RULES: Mapping[ClaimGround, ClaimRule] = MappingProxyType(
    {
        ClaimGround.METROPOLE_DELAY: ClaimRule(
            False,
            ART5_AL4,
            "Exclue : un retard de lancement de l'expérimentation du fait de la Métropole du "
            "Grand Paris n'ouvre droit à aucun dédommagement (art. 5 al. 4).",
            "Ruled out: a delay in launching the experiment caused by the Métropole du Grand "
            "Paris gives no right to compensation (Art. 5 al. 4).",
        ),
        ClaimGround.PROVIDER_DELAY: ClaimRule(
            False,
            ART5_AL4,
            "Exclue : un retard de lancement de l'expérimentation du fait du prestataire de la "
            "Métropole n'ouvre droit à aucun dédommagement de la part de la Métropole "
            "(art. 5 al. 4).",
            "Ruled out: a delay in launching the experiment caused by the Métropole's provider "
            "gives no right to compensation from the Métropole (Art. 5 al. 4).",
        ),
        ClaimGround.NO_PROVIDER_FOUND: ClaimRule(
            False,
            attrs.evolve(
                ART10_AL3,
                text=f"{ART10_AL3.text} "
                "D'impossibilité d'identifier un prestataire pouvant proposer une solution "
                "répondant aux objectifs identifiés par la présente convention ;",
            ),
            "Exclue : le bénéficiaire renonce à toute réclamation si aucun prestataire pouvant "
            "proposer une solution répondant aux objectifs n'a pu être identifié (art. 10 al. 3).",
            "Ruled out: the beneficiary waives any claim if no provider able to offer a "
            "solution meeting the objectives could be found (Art. 10 al. 3).",
        ),
        ClaimGround.EARLY_ABANDONMENT: ClaimRule(
            False,
            attrs.evolve(
                ART10_AL3,
                text=f"{ART10_AL3.text} "
                "D'abandon de l'expérimentation avant son terme, du fait de la Métropole du "
                "Grand Paris ou de son prestataire ;",
            ),
            "Exclue : le bénéficiaire renonce à toute réclamation en cas d'abandon de "
            "l'expérimentation avant son terme du fait de la Métropole ou de son prestataire "
            "(art. 10 al. 3).",
            "Ruled out: the beneficiary waives any claim if the experiment is abandoned before "
            "its end by the Métropole or its provider (Art. 10 al. 3).",
        ),
        ClaimGround.RESULTS_BELOW_EXPECTATIONS: ClaimRule(
            False,
            attrs.evolve(
                ART10_AL3,
                text=f"{ART10_AL3.text} "
                "De résultats de l'expérimentation qui ne seraient pas conformes aux attentes du "
                "bénéficiaire ;",
            ),
            "Exclue : le bénéficiaire renonce à toute réclamation si les résultats de "
            "l'expérimentation ne sont pas conformes à ses attentes (art. 10 al. 3).",
            "Ruled out: the beneficiary waives any claim if the results of the experiment do "
            "not meet its expectations (Art. 10 al. 3).",
        ),
        ClaimGround.NO_RENEWAL_OR_SCALE_UP: ClaimRule(
            False,
            attrs.evolve(
                ART10_AL3,
                text=f"{ART10_AL3.text} "
                "Du choix de la Métropole du Grand Paris, au terme de l'expérimentation, de ne "
                "pas la renouveler ou la prolonger, et de ne pas entamer de démarche particulière "
                "tendant à un passage à l'échelle du dispositif, ou de tout autre dispositif "
                "similaire, sur tout ou partie du territoire métropolitain.",
            ),
            "Exclue : le bénéficiaire renonce à toute réclamation si la Métropole choisit, au "
            "terme de l'expérimentation, de ne pas la renouveler ou la prolonger, ni de la "
            "passer à l'échelle (art. 10 al. 3).",
            "Ruled out: the beneficiary waives any claim if the Métropole chooses, at the end "
            "of the experiment, not to renew or extend it, nor to scale it up (Art. 10 al. 3).",
        ),
        ClaimGround.PROVIDER_SERVICE_QUALITY: ClaimRule(
            False,
            ART10_AL1,
            "Exclue : le bénéficiaire décharge la Métropole de toute responsabilité quant à la "
            "qualité des prestations ou des préconisations du prestataire et à leur "
            "utilisation par le bénéficiaire (art. 10 al. 1).",
            "Ruled out: the beneficiary releases the Métropole from any liability for the "
            "quality of the provider's services or recommendations and for their use by the "
            "beneficiary (Art. 10 al. 1).",
        ),
        ClaimGround.PROVIDER_DELAY_IN_MISSION: ClaimRule(
            False,
            ART10_AL1,
            "Exclue : le bénéficiaire décharge la Métropole de toute responsabilité pour un "
            "éventuel retard du prestataire dans l'exécution de sa mission (art. 10 al. 1).",
            "Ruled out: the beneficiary releases the Métropole from any liability for a delay "
            "by the provider in carrying out its mission (Art. 10 al. 1).",
        ),
        ClaimGround.PROVIDER_PREJUDICE: ClaimRule(
            False,
            ART10_AL1,
            "Exclue : le bénéficiaire décharge la Métropole de toute responsabilité pour tout "
            "préjudice subi du fait du prestataire et de ses préconisations (art. 10 al. 1).",
            "Ruled out: the beneficiary releases the Métropole from any liability for any "
            "prejudice suffered because of the provider and its recommendations "
            "(Art. 10 al. 1).",
        ),
        ClaimGround.PROVIDER_FAULT_DAMAGE: ClaimRule(
            False,
            ART10_AL2,
            "Exclue : le bénéficiaire décharge la Métropole de toute responsabilité pour tout "
            "dommage ou sinistre généré ou accru par une faute ou négligence du prestataire "
            "(art. 10 al. 2).",
            "Ruled out: the beneficiary releases the Métropole from any liability for any "
            "damage or loss caused or made worse by a fault or negligence of the provider "
            "(Art. 10 al. 2).",
        ),
        ClaimGround.OTHER: ClaimRule(True, ART13, _NOT_RULED_OUT_FR, _NOT_RULED_OUT_EN),
    }
)


@attrs.frozen
class ClaimAnswer:
    """Whether a claim by the beneficiary is admissible under the convention.

    ``admissible`` is false when a clause rules the claim out (``citation`` quotes it);
    true means only "not ruled out by the convention" (``citation`` is then Art. 13,
    where disputes go), never that the claim is well founded.
    """

    ground: ClaimGround
    admissible: bool
    citation: Citation
    explanation_fr: str
    explanation_en: str

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready mapping of the answer (:func:`~mgp_convention.report_json.to_json`:
        the ground by its code, the citation as its article and text).

        >>> claim_admissibility("provider_fault_damage").to_json()["citation"]["article"]
        'Art. 10 al. 2'
        """
        return json_object(self)


def claim_admissibility(ground: ClaimGround | str) -> ClaimAnswer:
    """Whether the convention rules out a claim by the beneficiary on ``ground``.

    Art. 5 al. 4 and Art. 10 (quoted in this module's docstring and in each rule's
    citation) rule out the grounds of :data:`CLAIM_RULES` marked not admissible; ``other`` is
    "not ruled out by the convention". An unknown ground is refused rather than guessed
    (a misspelt ground must not read as "admissible").

    >>> print(claim_admissibility("provider_delay_in_mission").explanation_en)
    Ruled out: the beneficiary releases the Métropole from any liability for a delay by the provider in carrying out its mission (Art. 10 al. 1).
    >>> claim_admissibility("retard")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    mgp_convention.errors.InvalidValue: ground: unknown ground of claim 'retard'; expected one of ...
    """  # noqa: E501
    try:
        known = ClaimGround(ground)
    except ValueError:
        choices = ", ".join(repr(g.value) for g in ClaimGround)
        raise InvalidValue(
            f"unknown ground of claim {ground!r}; expected one of {choices}", field="ground"
        ) from None
    rule = CLAIM_RULES[known]
    return ClaimAnswer(
        ground=known,
        admissible=rule.admissible,
        citation=rule.citation,
        explanation_fr=rule.explanation_fr,
        explanation_en=rule.explanation_en,
    )
