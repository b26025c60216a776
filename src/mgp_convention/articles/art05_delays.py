"""Art. 5: the start of the experiment, and termination when the beneficiary is not ready.

« Le bénéficiaire est tenu de faire le nécessaire pour pouvoir accueillir
l'expérimentation à la date prévue. Dans la négative, la Métropole du Grand Paris se
réserve le droit de résilier de manière unilatérale la présente convention. » (al. 3)

« En revanche, en cas de retard de lancement de l'expérimentation, du fait de la
Métropole du Grand Paris ou de son prestataire, ledit retard n'ouvre droit à aucun
dédommagement de la part de la Métropole. » (al. 4)

Encoded here, as guards of the lifecycle:

- the experiment can start only once the convention has taken effect (Art. 2: the last
  signature) — :func:`experiment_may_start`;
- termination on the ground ``not_ready`` (al. 3) needs a delay caused by the
  beneficiary, and can only be decided after the planned date (the indicative start of
  al. 1, as amended) has passed — :func:`not_ready_termination`. A delay caused by the
  Métropole or its provider (al. 4) never opens this ground.

Not encoded here: the usage period and the deployment calendar
(:mod:`mgp_convention.articles.art05_calendar`), the claims the beneficiary waived
(Art. 10).

>>> import datetime as dt
>>> not_ready_termination(dt.date(2027, 3, 2), planned_start=dt.date(2027, 3, 1),
...                       beneficiary_delay_recorded=True) is None
True
>>> print(not_ready_termination(dt.date(2027, 3, 1), planned_start=dt.date(2027, 3, 1),
...                             beneficiary_delay_recorded=True))  # doctest: +ELLIPSIS
the planned start date, 2027-03-01, has not passed yet: ... is possible from 2027-03-02
"""

from __future__ import annotations

import datetime as dt

from mgp_convention.articles.art02_duration import ART2_SIGNATURE
from mgp_convention.calendar import ONE_DAY
from mgp_convention.citations import Citation

__all__ = [
    "ART2_SIGNATURE",
    "ART5_NOT_READY",
    "ART5_NO_COMPENSATION",
    "experiment_may_start",
    "not_ready_termination",
]

ART5_NOT_READY = Citation(
    "Art. 5",
    "al. 3",
    "Le bénéficiaire est tenu de faire le nécessaire pour pouvoir accueillir "
    "l'expérimentation à la date prévue. Dans la négative, la Métropole du Grand Paris se "
    "réserve le droit de résilier de manière unilatérale la présente convention.",
)
ART5_NO_COMPENSATION = Citation(
    "Art. 5",
    "al. 4",
    "En revanche, en cas de retard de lancement de l'expérimentation, du fait de la "
    "Métropole du Grand Paris ou de son prestataire, ledit retard n'ouvre droit à aucun "
    "dédommagement de la part de la Métropole.",
)


def experiment_may_start(on: dt.date, effective_date: dt.date | None) -> str | None:
    """The experiment starts under a convention in effect (Art. 2, Art. 5 al. 1).

    « La présente Convention prend effet à compter de sa signature par l'ensemble des
    parties »: a start dated before the last signature is refused. Its citation is
    :data:`~mgp_convention.articles.art02_duration.ART2_SIGNATURE`.
    """
    if effective_date is None:
        return "the convention has not taken effect: every party must sign first"
    if on < effective_date:
        return (
            f"the experiment cannot start ({on.isoformat()}) before the convention takes "
            f"effect ({effective_date.isoformat()}, the last signature)"
        )
    return None


def not_ready_termination(
    on: dt.date, *, planned_start: dt.date, beneficiary_delay_recorded: bool
) -> str | None:
    """Termination because the beneficiary was not ready on the planned date (Art. 5 al. 3).

    « Le bénéficiaire est tenu de faire le nécessaire pour pouvoir accueillir
    l'expérimentation à la date prévue. Dans la négative, la Métropole du Grand Paris se
    réserve le droit de résilier de manière unilatérale la présente convention. »

    Needs a recorded delay whose cause is the beneficiary (a delay caused by the
    Métropole or its provider does not count, al. 4), and a date after the planned
    start (« à la date prévue »: on that day the beneficiary may still be ready).
    """
    if not beneficiary_delay_recorded:
        return (
            "no delay caused by the beneficiary is recorded (a delay caused by the "
            "Métropole or its provider does not open this ground, Art. 5 al. 4)"
        )
    if on <= planned_start:
        return (
            f"the planned start date, {planned_start.isoformat()}, has not passed yet: "
            "termination for not being ready is possible from "
            f"{(planned_start + ONE_DAY).isoformat()}"
        )
    return None
