"""Termination: who may end the convention early, on which ground, and from when.

Art. 12 al. 1: « La Métropole du Grand Paris disposera de la faculté de résilier à tout
moment le contrat en cas de manquement par le Bénéficiaire à une quelconque de ses
obligations ou pour tout motif relatif au souhait de la Métropole du Grand Paris
d'interrompre l'expérimentation avant son terme. »

Numbering: the contract prints Art. 12 as two paragraphs, the thirty days ending the
first; like RULES.md, the package calls the faculty to terminate « al. 1 », the thirty
days « al. 2 » and the indemnity « al. 3 ».

The grounds and who may use them (RULES.md version 2, "Termination grounds"):

======================  =====================  ==========================================
ground                  by                     needs
======================  =====================  ==========================================
``interruption``        the Métropole          a reason of general interest (Art. 12
                                               al. 1; CE Béziers 2015)
``not_ready``           the Métropole          a ``ready_on_planned_date`` breach whose
                                               thirty days ran out (Art. 5 al. 3, 12)
``breach``              the Métropole          the named breach's thirty days ran out
                                               without a remedy in time (Art. 12 al. 1–2)
``sanction``            the Métropole          as ``breach``, and both Art. 9 steps
``common_agreement``    both parties           nothing more (*résiliation amiable*)
``force_majeure``       the Métropole, judge   a reason (C. civ. 1218 by analogy)
``general_interest``    the beneficiary        a reason (CE Béziers 2015)
any ground              the judge              a reason (the judgment states it)
======================  =====================  ==========================================

**Effective date** (CE Ass. 1948 L'Aurore: no retroactive decision): a termination takes
effect at the earliest when it is notified — ``effective_on``, else ``notified_on``,
else the decision's date with the advisory
:data:`TERMINATION_WITHOUT_NOTIFICATION_DATE`; one that would take effect after the end
date is refused (the convention ends by itself, Art. 2) — :func:`effect_refusal`.

Whether a reason *is* of general interest is for the judge: not formalised; only that
it is stated.

>>> from mgp_convention.events import Ground, TerminatedBy
>>> may_terminate(Ground.GENERAL_INTEREST, TerminatedBy.METROPOLE)
False
>>> print(who_refusal(Ground.GENERAL_INTEREST, TerminatedBy.METROPOLE))
the Métropole cannot terminate on ground general interest: only the beneficiary can
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Final

from mgp_convention.advisories import AdvisoryKind
from mgp_convention.articles.art05_delays import ART5_NOT_READY
from mgp_convention.articles.art09_sanctions import ART9_HEARING, ART9_SANCTION
from mgp_convention.articles.art12_remedy import ART12_REMEDY
from mgp_convention.citations import Citation
from mgp_convention.events import Ground, TerminatedBy
from mgp_convention.i18n import N_, Message

__all__ = [
    "ART12_REMEDY",
    "ART12_TERMINATION",
    "BREACH_TERMINATION_WITHOUT_ART9",
    "CE_BEZIERS",
    "CE_LAURORE",
    "CIV_1218",
    "FORCE_MAJEURE",
    "GENERAL_INTEREST_BY_BENEFICIARY",
    "GROUND_CITATIONS",
    "INTERRUPTION_WITH_OPEN_BREACH",
    "TERMINATION_AFTER_LATE_REMEDY",
    "TERMINATION_WITHOUT_NOTIFICATION_DATE",
    "WHO_MAY",
    "effect_refusal",
    "is_unilateral",
    "may_terminate",
    "reason_refusal",
    "who_refusal",
]

ART12_TERMINATION = Citation(
    "Art. 12",
    "al. 1",
    "La Métropole du Grand Paris disposera de la faculté de résilier à tout moment le contrat "
    "en cas de manquement par le Bénéficiaire à une quelconque de ses obligations ou pour "
    "tout motif relatif au souhait de la Métropole du Grand Paris d'interrompre "
    "l'expérimentation avant son terme.",
)
#: Between public persons, a unilateral termination needs a reason of general interest.
CE_BEZIERS = Citation(
    "CE, 27 févr. 2015, Commune de Béziers, n° 357028",
    None,
    "une convention conclue entre deux personnes publiques relative à l'organisation du "
    "service public ou aux modalités de réalisation en commun d'un projet d'intérêt général "
    "ne peut faire l'objet d'une résiliation unilatérale que si un motif d'intérêt général "
    "le justifie, notamment en cas de bouleversement de l'équilibre de la convention ou de "
    "disparition de sa cause",
)
#: No retroactive administrative decision: a termination takes effect when notified.
CE_LAURORE = Citation(
    "CE Ass., 25 juin 1948, Société du journal L'Aurore",
    None,
    "le principe en vertu duquel les règlements ne disposent que pour l'avenir",
)
#: Force majeure, by analogy.
CIV_1218 = Citation(
    "C. civ. 1218",
    None,
    "Il y a force majeure en matière contractuelle lorsqu'un événement échappant au contrôle "
    "du débiteur, qui ne pouvait être raisonnablement prévu lors de la conclusion du contrat "
    "et dont les effets ne peuvent être évités par des mesures appropriées, empêche "
    "l'exécution de son obligation par le débiteur.",
)
#: A common agreement ends the convention by the will of both parties (no clause needed).
_COMMON_AGREEMENT = Citation(
    "C. civ. 1193",
    None,
    "Les contrats ne peuvent être modifiés ou révoqués que du consentement mutuel des "
    "parties, ou pour les causes que la loi autorise.",
)

#: The rule of each ground: the article or decision that opens it.
GROUND_CITATIONS: Final[Mapping[Ground, Citation]] = {
    Ground.INTERRUPTION: ART12_TERMINATION,
    Ground.NOT_READY: ART5_NOT_READY,
    Ground.BREACH: ART12_TERMINATION,
    Ground.SANCTION: ART9_SANCTION,
    Ground.COMMON_AGREEMENT: _COMMON_AGREEMENT,
    Ground.FORCE_MAJEURE: CIV_1218,
    Ground.GENERAL_INTEREST: CE_BEZIERS,
}

#: Who may terminate on which ground (the judge: on any ground a judgment states).
WHO_MAY: Final[Mapping[TerminatedBy, frozenset[Ground]]] = {
    TerminatedBy.METROPOLE: frozenset(
        {
            Ground.INTERRUPTION,
            Ground.NOT_READY,
            Ground.BREACH,
            Ground.SANCTION,
            Ground.COMMON_AGREEMENT,
            Ground.FORCE_MAJEURE,
        }
    ),
    TerminatedBy.BENEFICIARY: frozenset({Ground.COMMON_AGREEMENT, Ground.GENERAL_INTEREST}),
    TerminatedBy.JUDGE: frozenset(Ground),
}
#: The grounds whose termination needs a stated reason (whoever decides).
_REASON_NEEDED: Final = frozenset(
    {Ground.INTERRUPTION, Ground.FORCE_MAJEURE, Ground.GENERAL_INTEREST}
)

INTERRUPTION_WITH_OPEN_BREACH = AdvisoryKind(
    "interruption_with_open_breach",
    N_(
        "the convention is terminated to interrupt the experiment while breach {breach} is "
        "open: this forgoes the Art. 12 indemnity and, if the true reason is the breach, "
        "may be read as a misuse of procedure (détournement de procédure)"
    ),
    ART12_TERMINATION,
)
BREACH_TERMINATION_WITHOUT_ART9 = AdvisoryKind(
    "breach_termination_without_art9",
    N_(
        "for breach {breach}, the beneficiary's justifications were not examined or its "
        "representatives not heard: Art. 9 covers any failure to perform, and the rights of "
        "the defence call for both steps before a termination"
    ),
    ART9_HEARING,
)
TERMINATION_AFTER_LATE_REMEDY = AdvisoryKind(
    "termination_after_late_remedy",
    N_(
        "breach {breach} was remedied on {remedied}, after its deadline of {deadline}: the "
        "termination is allowed, but a judge may weigh the late remedy against the "
        "proportionality of the termination"
    ),
    ART12_REMEDY,
)
GENERAL_INTEREST_BY_BENEFICIARY = AdvisoryKind(
    "general_interest_by_beneficiary",
    N_(
        "a termination by the beneficiary for a reason of general interest rests on case "
        "law, not on a clause of the contract; an unjustified termination is a fault that "
        "gives rise to damages"
    ),
    CE_BEZIERS,
)
FORCE_MAJEURE = AdvisoryKind(
    "force_majeure",
    N_(
        "force majeure needs an external, unforeseeable and irresistible event that makes "
        "performance definitively impossible; a temporary impediment only suspends "
        "performance"
    ),
    CIV_1218,
)
TERMINATION_WITHOUT_NOTIFICATION_DATE = AdvisoryKind(
    "termination_without_notification_date",
    N_(
        "the date the termination was notified is not recorded: it is taken to take effect "
        "on the day of the decision, {on}, but a decision takes effect at the earliest when "
        "it is notified"
    ),
    CE_LAURORE,
)


def may_terminate(ground: Ground, by: TerminatedBy) -> bool:
    """Whether ``by`` may terminate on ``ground`` (:data:`WHO_MAY`)."""
    return ground in WHO_MAY[by]


def is_unilateral(ground: Ground, by: TerminatedBy) -> bool:
    """Whether the termination is one party's decision (not an agreement, not a
    judgment): it then takes effect when notified."""
    return ground is not Ground.COMMON_AGREEMENT and by is not TerminatedBy.JUDGE


def who_refusal(ground: Ground, by: TerminatedBy) -> Message | None:
    """Why ``by`` cannot terminate on ``ground``, naming who can."""
    if may_terminate(ground, by):
        return None
    if ground is Ground.FORCE_MAJEURE and by is TerminatedBy.BENEFICIARY:
        return Message(
            N_(
                "the beneficiary cannot terminate for force majeure itself: it asks the "
                "Tribunal administratif to pronounce the termination (by: judge)"
            )
        )
    # A ground both parties may use is refused to neither, and each ground is open to one
    # party at least (WHO_MAY): the refused ground is the other party's alone.
    (able,) = [
        party
        for party in TerminatedBy
        if party is not TerminatedBy.JUDGE and may_terminate(ground, party)
    ]
    return Message(
        N_("{by} cannot terminate on ground {ground}: only {able} can"),
        {"by": by, "ground": ground, "able": able},
    )


def reason_refusal(ground: Ground, by: TerminatedBy, reason: str | None) -> Message | None:
    """Why the termination lacks its stated reason: ``interruption`` (CE Béziers: only a
    reason of general interest allows a unilateral termination between public persons),
    ``force_majeure``, ``general_interest``, and any judgment — but a common agreement,
    whoever records it, needs none (its ``by`` is ignored)."""
    if (reason is not None and reason.strip()) or ground is Ground.COMMON_AGREEMENT:
        return None
    if ground in _REASON_NEEDED or by is TerminatedBy.JUDGE:
        return Message(
            N_("a termination on ground {ground} must state its reason ('reason')"),
            {"ground": ground},
        )
    return None


def effect_refusal(takes_effect_on: dt.date, end_date: dt.date) -> Message | None:
    """Why the termination cannot take effect on ``takes_effect_on``: after the end date
    the convention ends by itself (Art. 2)."""
    if takes_effect_on <= end_date:
        return None
    return Message(
        N_(
            "the termination would take effect on {effective}, after the end date {end}: the "
            "convention ends by itself on that date"
        ),
        {"effective": takes_effect_on, "end": end_date},
    )
