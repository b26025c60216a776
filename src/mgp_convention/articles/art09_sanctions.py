"""Art. 9: the sanction — ending the experiment after a hearing.

« En cas d'inexécution ou de modification substantielle des conditions d'exécution de la
convention par le Bénéficiaire sans l'accord écrit de la Métropole du Grand Paris,
celle-ci peut décider de la fin de l'expérimentation, après examen des justificatifs
présentés par le Bénéficiaire et après avoir entendu ses représentants. Le cas échéant,
cette décision entraînera la résiliation de la convention. »

Encoded here:

- the two procedure steps, recorded as events for the breach at hand
  (:class:`Art9Step`); termination on the ground ``sanction`` needs both
  (:func:`sanction_procedure_done`);
- **Default** (RULES.md): the Art. 12 remedy period must also have run out before a
  sanction (:func:`sanction_remedy_period_run_out`). It is the strictest reading: the
  procedures of Art. 9 and Art. 12 both protect the beneficiary against an early
  termination. A lawyer who reads Art. 9 as a procedure of its own can turn it off:
  ``SanctionOptions(require_remedy_period=False)``.

Not encoded: whether the justifications convinced, what the representatives said — the
Métropole's decision is its own; only that the steps took place.

>>> import datetime as dt
>>> print(sanction_procedure_done({Art9Step.JUSTIFICATIONS_EXAMINED: dt.date(2026, 7, 1)}))
the beneficiary's representatives have not been heard (representatives_heard)
>>> sanction_remedy_period_run_out(dt.date(2026, 7, 2), None,
...                                SanctionOptions(require_remedy_period=False)) is None
True
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Mapping

import attrs

from mgp_convention.citations import Citation

__all__ = [
    "ART9_HEARING",
    "ART9_SANCTION",
    "DEFAULT_SANCTION_OPTIONS",
    "Art9Step",
    "SanctionOptions",
    "sanction_procedure_done",
    "sanction_remedy_period_run_out",
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


class Art9Step(enum.StrEnum):
    """The two steps of the Art. 9 procedure; each value is the type of its event."""

    #: « après examen des justificatifs présentés par le Bénéficiaire »
    JUSTIFICATIONS_EXAMINED = "justifications_examined"
    #: « et après avoir entendu ses représentants »
    REPRESENTATIVES_HEARD = "representatives_heard"


_STEP_WORDS: Mapping[Art9Step, str] = {
    Art9Step.JUSTIFICATIONS_EXAMINED: "the justifications presented by the beneficiary "
    "have not been examined",
    Art9Step.REPRESENTATIVES_HEARD: "the beneficiary's representatives have not been heard",
}


@attrs.frozen
class SanctionOptions:
    """How Art. 9 is read.

    ``require_remedy_period`` (**Default** ``True``, RULES.md): a sanction also needs the
    Art. 12 remedy period to have run out (a formal notice sent, its deadline passed,
    the breach not remedied). ``False``: the Art. 9 hearing alone is enough, from the
    moment the breach is recorded.
    """

    require_remedy_period: bool = True


#: The reading of RULES.md: the Art. 12 remedy period must also have run out.
DEFAULT_SANCTION_OPTIONS = SanctionOptions()


def sanction_procedure_done(steps: Mapping[Art9Step, dt.date]) -> str | None:
    """Both steps of Art. 9 took place for this breach.

    « après examen des justificatifs présentés par le Bénéficiaire et après avoir
    entendu ses représentants » (Art. 9). ``steps`` maps each step done to its date.
    """
    missing = [f"{_STEP_WORDS[step]} ({step.value})" for step in Art9Step if step not in steps]
    return " and ".join(missing) if missing else None


def sanction_remedy_period_run_out(
    on: dt.date, deadline: dt.date | None, options: SanctionOptions = DEFAULT_SANCTION_OPTIONS
) -> str | None:
    """**Default**: a sanction also waits for the end of the Art. 12 remedy period.

    Art. 9 requires a hearing; RULES.md reads it together with Art. 12 (« ce dernier
    disposera d'un délai de trente jours [...] pour remédier audit manquement »), so a
    sanction is possible from the day after the remedy deadline. ``deadline`` is that
    deadline, or ``None`` when no formal notice has been sent.
    """
    if not options.require_remedy_period:
        return None
    if deadline is None:
        return (
            "the Art. 12 remedy period has not started: send the formal notice first "
            "(default reading: a sanction also waits for the remedy period to run out)"
        )
    if on <= deadline:
        return (
            f"the Art. 12 remedy period runs until {deadline.isoformat()}: a sanction is "
            f"possible from the day after (default reading)"
        )
    return None
