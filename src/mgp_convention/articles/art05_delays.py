"""Art. 5 al. 3–4: the start of the experiment, and the beneficiary not ready.

« Le bénéficiaire est tenu de faire le nécessaire pour pouvoir accueillir
l'expérimentation à la date prévue. Dans la négative, la Métropole du Grand Paris se
réserve le droit de résilier de manière unilatérale la présente convention. » (al. 3)

« En revanche, en cas de retard de lancement de l'expérimentation, du fait de la
Métropole du Grand Paris ou de son prestataire, ledit retard n'ouvre droit à aucun
dédommagement de la part de la Métropole. » (al. 4)

Encoded here, as guards of the lifecycle (RULES.md version 2):

- the experiment starts only once the convention has taken effect (Art. 2: the last
  signature) — :func:`start_refusal`;
- not being ready on the planned date is a **breach** of an obligation (« est tenu de
  faire le nécessaire »): a ``breach_recorded`` of obligation ``ready_on_planned_date``,
  possible on or after the planned start, before any start, and while the current
  cause of the delay is the beneficiary (or no delay was reported) —
  :func:`ready_breach_refusal`. The **latest** ``delay_reported`` decides the current
  cause; ``beneficiary_ready`` ends it. Like every breach, it gets its formal notice and
  thirty days (Art. 12); the ground ``not_ready`` then needs them run out
  (:mod:`~mgp_convention.articles.art12_termination`);
- **option** ``NotReadyOptions(notice_required=False)``: version 1's reading that al. 3
  is a special rule needing no notice — termination allowed from the day after the
  planned start while the current cause is the beneficiary
  (:func:`not_ready_without_notice_refusal`), with the advisory
  :data:`NOT_READY_WITHOUT_NOTICE`.

Not encoded here: the usage period and the deployment calendar
(:mod:`~mgp_convention.articles.art05_calendar`), the claims the beneficiary waived
(al. 4 and Art. 10, :mod:`~mgp_convention.articles.art10_claims`).

>>> import datetime as dt
>>> print(start_refusal(dt.date(2027, 1, 10), dt.date(2027, 1, 19)))  # doctest: +ELLIPSIS
the experiment cannot start (Sunday 10 January 2027) before the convention takes effect ...
"""

from __future__ import annotations

import datetime as dt

import attrs

from mgp_convention._validators import a_bool
from mgp_convention.advisories import AdvisoryKind
from mgp_convention.calendar import ONE_DAY
from mgp_convention.citations import Citation
from mgp_convention.i18n import N_, Message

__all__ = [
    "ART5_NOT_READY",
    "ART5_NO_COMPENSATION",
    "DEFAULT_NOT_READY_OPTIONS",
    "NOT_READY_WITHOUT_NOTICE",
    "NotReadyOptions",
    "not_ready_without_notice_refusal",
    "ready_breach_refusal",
    "start_refusal",
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

NOT_READY_WITHOUT_NOTICE = AdvisoryKind(
    "not_ready_without_notice",
    N_(
        "the termination for not being ready is recorded without a formal notice and its "
        "thirty days, on the reading that Art. 5 al. 3 needs no notice; the default reading "
        "applies Art. 12 to this breach like any other"
    ),
    ART5_NOT_READY,
)


@attrs.frozen
class NotReadyOptions:
    """How Art. 5 al. 3 is read.

    ``notice_required`` (**Default** ``True``, RULES.md version 2): not being ready is a
    breach like any other, terminated only after its formal notice and thirty days
    (Art. 12). ``False``: version 1's reading, al. 3 as a special rule — termination
    allowed from the day after the planned start while the current cause of the delay
    is the beneficiary, with the advisory :data:`NOT_READY_WITHOUT_NOTICE`.
    """

    notice_required: bool = attrs.field(default=True, validator=a_bool)


#: The reading of RULES.md version 2: the notice and its thirty days are required.
DEFAULT_NOT_READY_OPTIONS = NotReadyOptions()


def start_refusal(on: dt.date, effective_date: dt.date | None) -> Message | None:
    """Why the experiment cannot start on ``on``: the convention has not taken effect
    (Art. 2, « prend effet à compter de sa signature par l'ensemble des parties »)."""
    if effective_date is None:
        return Message(N_("the convention has not taken effect: every party must sign first"))
    if on < effective_date:
        return Message(
            N_(
                "the experiment cannot start ({on}) before the convention takes effect "
                "({effective}, the last signature)"
            ),
            {"on": on, "effective": effective_date},
        )
    return None


def ready_breach_refusal(
    on: dt.date,
    *,
    planned_start: dt.date,
    started: bool,
    beneficiary_may_be_the_cause: bool,
) -> Message | None:
    """Why a breach ``ready_on_planned_date`` cannot be recorded on ``on`` (al. 3).

    « à la date prévue »: on or after the planned start (as amended); before any start
    (once started, the beneficiary was ready); and while the current cause of the delay
    is the beneficiary, or no delay was reported (``beneficiary_may_be_the_cause``): a
    delay caused by the Métropole or its provider is not the beneficiary's failure
    (al. 4), and ``beneficiary_ready`` ends the beneficiary's.
    """
    if started:
        return Message(N_("the experiment has started: the beneficiary was ready"))
    if on < planned_start:
        return Message(
            N_("the planned start, {planned}, has not come yet"), {"planned": planned_start}
        )
    if not beneficiary_may_be_the_cause:
        return Message(
            N_(
                "the current cause of the delay is not the beneficiary (the latest delay "
                "report names another cause, or the beneficiary declared itself ready)"
            )
        )
    return None


def not_ready_without_notice_refusal(
    on: dt.date, *, planned_start: dt.date, started: bool, beneficiary_is_the_cause: bool
) -> Message | None:
    """Version 1's reading (option ``notice_required=False``): why the Métropole cannot
    terminate on ``on`` for not being ready without a notice.

    Needs the beneficiary as the current cause of the delay (a delay caused by the
    Métropole or its provider does not open this ground, al. 4), no start, and a date
    after the planned start (on that day the beneficiary may still be ready).
    """
    if started:
        return Message(N_("the experiment has started: the beneficiary was ready"))
    if not beneficiary_is_the_cause:
        return Message(
            N_(
                "the current cause of the delay is not the beneficiary (a delay caused by "
                "the Métropole or its provider does not open this ground, Art. 5 al. 4)"
            )
        )
    if on <= planned_start:
        return Message(
            N_(
                "the planned start, {planned}, has not passed yet: termination for not "
                "being ready is possible from {first}"
            ),
            {"planned": planned_start, "first": planned_start + ONE_DAY},
        )
    return None
