"""Art. 3: the Métropole's obligations hang on a successful procurement.

« Rechercher, dans le strict respect du code de la commande publique, un prestataire
susceptible de proposer une solution qui pourra faire l'objet d'une expérimentation par
le bénéficiaire, afin de répondre aux enjeux et objectifs exposés à l'article 1. Tout
autre obligation de la Métropole au titre du présent article s'applique sous réserve du
caractère fructueux de ladite procédure »

Encoded here (RULES.md, event ``procurement_unsuccessful``): an unsuccessful
procurement marked **definitive** makes the convention *lapse* (``lapsed``, caduque:
its object failed); one that is not definitive leaves the state as it is, with an
advisory (the procedure may be relaunched, or the Métropole may terminate to interrupt
the experiment, Art. 12 al. 1). Either way the beneficiary has no claim (Art. 10, first
indent: « D'impossibilité d'identifier un prestataire … »,
:mod:`~mgp_convention.articles.art10_claims`).

>>> lapses(definitive=True), lapses(definitive=False)
(True, False)
"""

from __future__ import annotations

from mgp_convention.advisories import AdvisoryKind
from mgp_convention.citations import Citation
from mgp_convention.i18n import N_

__all__ = ["ART3_PROCUREMENT", "PROCUREMENT_NOT_DEFINITIVE", "lapses"]

ART3_PROCUREMENT = Citation(
    "Art. 3",
    None,
    "Tout autre obligation de la Métropole au titre du présent article s'applique sous "
    "réserve du caractère fructueux de ladite procédure",
)

PROCUREMENT_NOT_DEFINITIVE = AdvisoryKind(
    "procurement_not_definitive",
    N_(
        "the procurement was unsuccessful but is not marked definitive: the procedure may "
        "be relaunched, or the Métropole may terminate to interrupt the experiment; the "
        "convention lapses only once the failure is definitive"
    ),
    ART3_PROCUREMENT,
)


def lapses(*, definitive: bool) -> bool:
    """Whether an unsuccessful procurement makes the convention lapse: when it is
    definitive (« sous réserve du caractère fructueux de ladite procédure »)."""
    return definitive
