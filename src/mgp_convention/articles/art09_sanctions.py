"""Art. 9: the sanction — ending the experiment after the beneficiary has been heard.

« En cas d'inexécution ou de modification substantielle des conditions d'exécution de la
convention par le Bénéficiaire sans l'accord écrit de la Métropole du Grand Paris,
celle-ci peut décider de la fin de l'expérimentation, après examen des justificatifs
présentés par le Bénéficiaire et après avoir entendu ses représentants. Le cas échéant,
cette décision entraînera la résiliation de la convention. »

Encoded here (RULES.md version 2):

- the two procedure steps, recorded as events for one named breach
  (:class:`Art9Step`); both are needed before the Métropole « peut décider de la fin de
  l'expérimentation » (:func:`steps_refusal`);
- that decision may end the **experiment** without terminating the convention
  (``experiment_stopped``: « Le cas échéant » read as "where appropriate"; the
  convention stays in force for the data of Art. 8 and the evaluation), or terminate it
  (the ground ``sanction``);
- **Default**: the Art. 12 thirty days must also have run out for that breach
  (:func:`sanction_refusal`): the strictest reading, since the procedures of Art. 9 and
  Art. 12 both protect the beneficiary. A lawyer who reads Art. 9 as a procedure of its
  own turns it off with ``SanctionOptions(require_remedy_period=False)`` (then the
  breach must still be a ground, and the two steps done).

Not encoded: whether the justifications convinced, what the representatives said — the
Métropole's decision is its own; only that the steps took place.

>>> import datetime as dt
>>> print(steps_refusal("B1", {Art9Step.JUSTIFICATIONS_EXAMINED: dt.date(2026, 7, 1)}))
for breach B1, the beneficiary's representatives have not been heard
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Mapping
from typing import Final

import attrs

from mgp_convention._validators import a_bool
from mgp_convention.articles.art12_breaches import thirty_days_refusal
from mgp_convention.citations import Citation
from mgp_convention.i18n import N_, Message

__all__ = [
    "ART9_HEARING",
    "ART9_SANCTION",
    "ART9_STOP",
    "DEFAULT_SANCTION_OPTIONS",
    "Art9Step",
    "SanctionOptions",
    "sanction_refusal",
    "steps_refusal",
]

ART9_SANCTION = Citation(
    "Art. 9",
    None,
    "En cas d'inexécution ou de modification substantielle des conditions d'exécution de la "
    "convention par le Bénéficiaire sans l'accord écrit de la Métropole du Grand Paris, "
    "celle-ci peut décider de la fin de l'expérimentation, après examen des justificatifs "
    "présentés par le Bénéficiaire et après avoir entendu ses représentants. Le cas "
    "échéant, cette décision entraînera la résiliation de la convention.",
)
ART9_HEARING = Citation(
    "Art. 9",
    None,
    "après examen des justificatifs présentés par le Bénéficiaire et après avoir entendu "
    "ses représentants",
)
ART9_STOP = Citation("Art. 9", None, "celle-ci peut décider de la fin de l'expérimentation")


class Art9Step(enum.StrEnum):
    """The two steps of the Art. 9 procedure; each value is the type of its event."""

    #: « après examen des justificatifs présentés par le Bénéficiaire »
    JUSTIFICATIONS_EXAMINED = "justifications_examined"
    #: « et après avoir entendu ses représentants »
    REPRESENTATIVES_HEARD = "representatives_heard"


_MISSING: Final[Mapping[Art9Step, str]] = {
    Art9Step.JUSTIFICATIONS_EXAMINED: N_(
        "for breach {breach}, the justifications presented by the beneficiary have not been "
        "examined"
    ),
    Art9Step.REPRESENTATIVES_HEARD: N_(
        "for breach {breach}, the beneficiary's representatives have not been heard"
    ),
}


@attrs.frozen
class SanctionOptions:
    """How Art. 9 is read.

    ``require_remedy_period`` (**Default** ``True``, RULES.md): a sanction (the ground
    ``sanction``, or ``experiment_stopped``) also needs the Art. 12 thirty days of the
    breach to have run out without a remedy in time. ``False``: the Art. 9 hearing alone
    is enough, from the moment the breach is recorded (it must still be a ground).
    """

    require_remedy_period: bool = attrs.field(default=True, validator=a_bool)


#: The reading of RULES.md: the Art. 12 remedy period must also have run out.
DEFAULT_SANCTION_OPTIONS = SanctionOptions()


def steps_refusal(breach: str, steps: Mapping[Art9Step, dt.date]) -> Message | None:
    """Why the Art. 9 procedure is not complete for ``breach`` (the first missing step),
    or ``None`` when both steps took place.

    « après examen des justificatifs présentés par le Bénéficiaire et après avoir
    entendu ses représentants ». ``steps`` maps each step done to its date.
    """
    for step in Art9Step:
        if step not in steps:
            return Message(_MISSING[step], {"breach": breach})
    return None


def sanction_refusal(
    breach: str,
    on: dt.date,
    *,
    steps: Mapping[Art9Step, dt.date],
    notice_sent_on: dt.date | None,
    deadline: dt.date | None,
    remedied_on: dt.date | None,
    late: bool,
    accepted_late: bool,
    options: SanctionOptions = DEFAULT_SANCTION_OPTIONS,
) -> Message | None:
    """Why the Métropole cannot yet decide the Art. 9 sanction for ``breach`` on ``on``:
    a missing step, or (**Default**) the Art. 12 thirty days not run out."""
    missing = steps_refusal(breach, steps)
    if missing is not None or not options.require_remedy_period:
        return missing
    return thirty_days_refusal(
        breach,
        on,
        notice_sent_on=notice_sent_on,
        deadline=deadline,
        remedied_on=remedied_on,
        late=late,
        accepted_late=accepted_late,
    )
