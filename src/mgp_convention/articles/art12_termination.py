"""Art. 12: termination by the Métropole — to interrupt the experiment, or for a breach.

« La Métropole du Grand Paris disposera de la faculté de résilier à tout moment le
contrat en cas de manquement par le Bénéficiaire à une quelconque de ses obligations ou
pour tout motif relatif au souhait de la Métropole du Grand Paris d'interrompre
l'expérimentation avant son terme. En cas de manquement du bénéficiaire, ce dernier
disposera d'un délai de trente jours à compter de l'envoi d'une lettre recommandée avec
accusé de réception pour remédier audit manquement. »

Numbering: the contract prints these two sentences as one paragraph; like RULES.md and
:mod:`~mgp_convention.articles.art12_remedy`, the package calls the faculty to terminate
« al. 1 » and the thirty-day period « al. 2 ».

Encoded here, as guards of the lifecycle (the deadline itself is computed by
:func:`~mgp_convention.articles.art12_remedy.remedy_deadline`):

- ``interruption``: « pour tout motif relatif au souhait de la Métropole [...]
  d'interrompre l'expérimentation »; between two public persons such a unilateral
  termination needs a reason of general interest (CE, 27 févr. 2015, Commune de
  Béziers, n° 357028), so the reason must be given (:func:`interruption_reason_given`).
  Whether the reason *is* of general interest is for the judge: not formalised;
- ``breach``: from the day after the remedy deadline, the breach not remedied
  (:func:`breach_deadline_passed`);
- a remedy dated on the deadline is in time; a later one only if the Métropole accepts
  it late (:func:`remedy_in_time`).

>>> import datetime as dt
>>> print(breach_deadline_passed(dt.date(2026, 7, 22), dt.date(2026, 7, 22)))  # doctest: +ELLIPSIS
the remedy period runs until 2026-07-22 (included): ... possible from 2026-07-23
>>> breach_deadline_passed(dt.date(2026, 7, 23), dt.date(2026, 7, 22)) is None
True
>>> remedy_in_time(dt.date(2026, 7, 22), dt.date(2026, 7, 22), accepted_late=False) is None
True
"""

from __future__ import annotations

import datetime as dt

from mgp_convention.articles.art12_remedy import ART12_REMEDY
from mgp_convention.calendar import ONE_DAY
from mgp_convention.citations import Citation

__all__ = [
    "ART12_REMEDY",
    "ART12_TERMINATION",
    "CE_BEZIERS",
    "breach_deadline_passed",
    "interruption_reason_given",
    "remedy_in_time",
]

ART12_TERMINATION = Citation(
    "Art. 12",
    "al. 1",
    "La Métropole du Grand Paris disposera de la faculté de résilier à tout moment le contrat "
    "en cas de manquement par le Bénéficiaire à une quelconque de ses obligations ou pour "
    "tout motif relatif au souhait de la Métropole du Grand Paris d'interrompre "
    "l'expérimentation avant son terme.",
)
#: The considérant as quoted by Dalloz actualité (5 March 2015) and by commentators.
CE_BEZIERS = Citation(
    "CE, 27 févr. 2015, Commune de Béziers, n° 357028",
    None,
    "une convention conclue entre deux personnes publiques relative à l'organisation du "
    "service public ou aux modalités de réalisation en commun d'un projet d'intérêt général "
    "ne peut faire l'objet d'une résiliation unilatérale que si un motif d'intérêt général "
    "le justifie",
)


def interruption_reason_given(reason: str | None) -> str | None:
    """Termination to interrupt the experiment needs its reason (Art. 12 al. 1, CE Béziers).

    Art. 12 al. 1: « pour tout motif relatif au souhait de la Métropole du Grand Paris
    d'interrompre l'expérimentation avant son terme ». Between two public persons, CE 27
    févr. 2015 Commune de Béziers n° 357028: « ne peut faire l'objet d'une résiliation
    unilatérale que si un motif d'intérêt général le justifie ». The reason must be
    stated; its merits are not formalised. The rule is Art. 12 al. 1; the decision is
    the legal source of the requirement (:data:`CE_BEZIERS`).
    """
    if reason is None or not reason.strip():
        return (
            "a termination to interrupt the experiment must state its reason of general "
            f"interest ('reason'): between two public persons, {CE_BEZIERS.article}"
        )
    return None


def breach_deadline_passed(on: dt.date, deadline: dt.date | None) -> str | None:
    """Termination for breach waits for the end of the remedy period (Art. 12 al. 1–2).

    « En cas de manquement du bénéficiaire, ce dernier disposera d'un délai de trente
    jours [...] pour remédier audit manquement. » The deadline day is still in the
    period; termination is possible from the day after.
    """
    if deadline is None:
        return "no formal notice has been sent: the remedy period has not started"
    if on <= deadline:
        return (
            f"the remedy period runs until {deadline.isoformat()} (included): termination "
            f"for breach is possible from {(deadline + ONE_DAY).isoformat()}"
        )
    return None


def remedy_in_time(on: dt.date, deadline: dt.date | None, *, accepted_late: bool) -> str | None:
    """A remedy must come by the deadline, unless the Métropole accepts it late (Art. 12 al. 2).

    « ce dernier disposera d'un délai de trente jours [...] pour remédier audit
    manquement ». A remedy dated on the deadline is in time. Before a formal notice is
    sent, no period runs and any remedy is in time. ``accepted_late``: the Métropole
    waives the lateness.
    """
    if deadline is None or on <= deadline or accepted_late:
        return None
    return (
        f"the remedy deadline was {deadline.isoformat()}: a remedy on {on.isoformat()} is "
        "late, and is recorded only if the Métropole accepts it late (accepted_late: true)"
    )
