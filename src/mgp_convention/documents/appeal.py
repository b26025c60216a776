"""The means and time limit of appeal a termination decision states (*voies et délais de
recours*), each sentence with its source.

The contract (Art. 13), verbatim: « Les litiges éventuels relatifs à la présente
convention, qui n'auront pu recevoir de solution amiable, seront portés devant le
Tribunal administratif de Paris. » Such a clause is allowed: CJA R312-11 al. 2 lets the
parties to a contract agree, in the contract itself, on another administrative court
than the one of the place of performance (:data:`CJA_R312_11`).

**Which action, which time limit.** A party to an administrative contract contests the
validity of its termination before the judge of the contract, by a *recours de plein
contentieux* asking that the contractual relations resume, within **two months from the
date it was informed of the termination** — its notification (CE, Sect., 21 mars 2011,
Commune de Béziers, n° 304806, « Béziers II », :data:`CE_BEZIERS_II`). The general two
months of CJA R421-1 al. 1 (« dans les deux mois à partir de la notification […] de la
décision attaquée », :data:`CJA_R421_1`) are the same length, but its al. 3 excludes
« la contestation des mesures prises pour l'exécution d'un contrat »
(:data:`CJA_R421_1_CONTRACTS`): the two months that apply to a termination come from
the case law, which is why the letter cites Béziers II and not R421-1.

**The recours gracieux does not extend that time limit.** The general rule is that an
administrative appeal made within the time limit interrupts it (CRPA L411-2: « Toute
décision administrative peut faire l'objet, dans le délai imparti pour l'introduction
d'un recours contentieux, d'un recours gracieux ou hiérarchique qui interrompt le cours
de ce délai »). For the action against a termination, the Conseil d'État held the
opposite: « l'exercice d'un recours administratif pour contester cette mesure, s'il est
toujours loisible au cocontractant d'y recourir, ne peut avoir pour effet
d'interrompre le délai de recours contentieux », whatever the ground of the termination
(CE, 30 mai 2012, SARL Promotion de la restauration touristique, n° 357151, Lebon,
:data:`CE_PRORESTO`). The letter says so, so that no beneficiary loses its action by
waiting for an answer.

Stated so that the time limit is known to the beneficiary when it receives the
decision (CJA R421-5 makes the mention a condition for a decision's time limits to be
enforceable; whether it governs the Béziers II action as well is for a lawyer: the
letter states them in any case).

Not encoded: the claims for damages, which have their own rules (a claim for a sum
needs a prior request to the administration, CJA R421-1 al. 2).

>>> for sentence in appeal_sentences():
...     print(sentence[:59])
La présente décision peut être contestée devant le Tribunal
Un recours gracieux peut être adressé à la Métropole du Gra
"""

from __future__ import annotations

from typing import Final

from mgp_convention.articles.art10_claims import ART13
from mgp_convention.citations import Citation

__all__ = [
    "APPEAL_MONTHS",
    "ART13",
    "CE_BEZIERS_II",
    "CE_PRORESTO",
    "CJA_R312_11",
    "CJA_R421_1",
    "CJA_R421_1_CONTRACTS",
    "TRIBUNAL",
    "appeal_sentences",
]

#: Art. 13: the court the convention designates.
TRIBUNAL: Final = "Tribunal administratif de Paris"

CE_BEZIERS_II = Citation(
    "CE, Sect., 21 mars 2011, Commune de Béziers, n° 304806",
    None,
    "une partie à un contrat administratif peut, eu égard à la portée d'une telle mesure "
    "d'exécution, former devant le juge du contrat un recours de plein contentieux "
    "contestant la validité de la résiliation de ce contrat et tendant à la reprise des "
    "relations contractuelles [...] dans un délai de deux mois à compter de la date à "
    "laquelle elle a été informée de la mesure de résiliation",
)
CE_PRORESTO = Citation(
    "CE, 30 mai 2012, SARL Promotion de la restauration touristique, n° 357151",
    None,
    "l'exercice d'un recours administratif pour contester cette mesure, s'il est toujours "
    "loisible au cocontractant d'y recourir, ne peut avoir pour effet d'interrompre le "
    "délai de recours contentieux",
)
CJA_R421_1 = Citation(
    "CJA R421-1",
    "al. 1",
    "La juridiction ne peut être saisie que par voie de recours formé contre une décision, "
    "et ce, dans les deux mois à partir de la notification ou de la publication de la "
    "décision attaquée.",
)
CJA_R421_1_CONTRACTS = Citation(
    "CJA R421-1",
    "al. 3",
    "Le délai prévu au premier alinéa n'est pas applicable à la contestation des mesures "
    "prises pour l'exécution d'un contrat.",
)
CJA_R312_11 = Citation(
    "CJA R312-11",
    "al. 2",
    "Toutefois, si l'intérêt public ne s'y oppose pas, les parties peuvent, soit dans le "
    "contrat primitif, soit dans un avenant antérieur à la naissance du litige, convenir "
    "que leurs différends seront soumis à un tribunal administratif autre que celui qui "
    "serait compétent en vertu des dispositions de l'alinéa précédent.",
)

#: « dans un délai de deux mois » (CE Béziers II, :data:`CE_BEZIERS_II`).
APPEAL_MONTHS: Final = 2
_MONTHS_WORDS: Final = {2: "deux mois"}


def appeal_sentences() -> list[str]:
    """The paragraph of the means and time limit of appeal, sentence by sentence.

    1. the action and its court, its time limit and when it starts: Art. 13
       (:data:`ART13`), CE Béziers II (:data:`CE_BEZIERS_II`);
    2. the recours gracieux, possible, and **not** interrupting the time limit
       (:data:`CE_PRORESTO`).
    """
    months = _MONTHS_WORDS[APPEAL_MONTHS]
    return [
        f"La présente décision peut être contestée devant le {TRIBUNAL}, auquel l'article "
        "13 de la convention attribue les litiges relatifs à celle-ci, par un recours de "
        "plein contentieux contestant la validité de la résiliation et tendant à la reprise "
        f"des relations contractuelles, dans un délai de {months} à compter de sa "
        "notification (CE, Sect., 21 mars 2011, Commune de Béziers, n° 304806).",
        "Un recours gracieux peut être adressé à la Métropole du Grand Paris ; il "
        f"n'interrompt pas ce délai de {months} (CE, 30 mai 2012, n° 357151).",
    ]
