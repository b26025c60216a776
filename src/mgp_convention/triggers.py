"""The triggers of the lifecycle's machine: one per event type (and per termination
ground), the internal one that settles the breaches, the time-driven one; and their
words for people (:class:`Trigger`)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

import attrs

from mgp_convention.events import (
    AmendmentSigned,
    BeneficiaryReady,
    BreachRecorded,
    BreachRemedied,
    DelayReported,
    Event,
    ExperimentStarted,
    ExperimentStopped,
    FormalNoticeSent,
    Ground,
    JustificationsExamined,
    ProcurementUnsuccessful,
    RepresentativesHeard,
    Signature,
    Termination,
)
from mgp_convention.i18n import N_, Lang, Message, gettext_in

# --- the triggers ----------------------------------------------------------------------------

TERMINATION_TRIGGERS: Final[Mapping[Ground, str]] = {
    ground: f"termination:{ground.value}" for ground in Ground
}
#: The trigger of each event class. A file's event only ever runs the trigger this fixed
#: table gives for its class (and, for a termination, its ground): nothing is looked up
#: by name from file content.
_TRIGGER_OF_CLASS: Final[Mapping[type[Event], str]] = {
    cls: cls.type
    for cls in (
        Signature,
        DelayReported,
        BeneficiaryReady,
        ExperimentStarted,
        BreachRecorded,
        FormalNoticeSent,
        BreachRemedied,
        JustificationsExamined,
        RepresentativesHeard,
        ExperimentStopped,
        ProcurementUnsuccessful,
        AmendmentSigned,
    )
}
#: Every trigger an event can run, in the order of RULES.md.
EVENT_TRIGGERS: Final[tuple[str, ...]] = (
    *_TRIGGER_OF_CLASS.values(),
    *TERMINATION_TRIGGERS.values(),
)

__all__ = [
    "EVENT_TRIGGERS",
    "SETTLE",
    "TERMINATION_TRIGGERS",
    "TIME_PASSES",
    "Trigger",
    "event_label",
    "trigger_of",
]

#: The internal trigger that follows the breaches (in_breach / remedy_period / return).
SETTLE: Final = "breaches_settled"
#: The time-driven trigger, fired by the lifecycle for a date until nothing more happens:
#: a termination reaches its effective date (no retroactivity), the end date passes
#: (Art. 2), the planned start passes without a start (Art. 5), in that order.
TIME_PASSES: Final = "time_passes"


def trigger_of(event: Event) -> str | None:
    """The trigger ``event`` runs (``termination:<ground>`` for a termination), or ``None``."""
    if type(event) is Termination:
        return TERMINATION_TRIGGERS[event.ground]
    return _TRIGGER_OF_CLASS.get(type(event))


_WORDS: Final[Mapping[str, str]] = {
    "signature": N_("a signature"),
    "delay_reported": N_("a delay report"),
    "beneficiary_ready": N_("the beneficiary's readiness"),
    "experiment_started": N_("the start of the experiment"),
    "breach_recorded": N_("a breach"),
    "formal_notice_sent": N_("a formal notice"),
    "breach_remedied": N_("a remedy"),
    "justifications_examined": N_("the examination of the justifications"),
    "representatives_heard": N_("the hearing of the representatives"),
    "experiment_stopped": N_("the end of the experiment (Art. 9)"),
    "procurement_unsuccessful": N_("an unsuccessful procurement"),
    "amendment_signed": N_("an amendment"),
    "termination": N_("a termination on ground {ground}"),
    SETTLE: N_("the breaches settled"),
    TIME_PASSES: N_("time passes"),
}


@attrs.frozen
class Trigger:
    """A trigger, with its words for people (:meth:`label`)."""

    name: str

    def label(self, lang: Lang) -> str:
        """The trigger in words: « une mise en demeure », "a termination on ground breach"."""
        kind, _, ground = self.name.partition(":")
        if ground:
            return Message(_WORDS[kind], {"ground": Ground(ground)}).render(lang)
        return gettext_in(lang, _WORDS[self.name])


def event_label(event: Event, lang: Lang) -> str:
    """What kind of event ``event`` is, in words (« une mise en demeure »); its ``type``
    when it runs no trigger."""
    trigger = trigger_of(event)
    return Trigger(trigger).label(lang) if trigger is not None else event.type
