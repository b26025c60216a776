"""The package's one ``transitions`` machine: states, triggers, guards, effects.

This is the engine room of :mod:`mgp_convention.lifecycle`, which is the API to use.
The machine is the **only** evaluator of the lifecycle:

- one trigger per event type (and per termination ground), and the time-driven trigger
  the lifecycle fires when a date is asked (:data:`TIME_PASSES`: a termination reaching
  its effective date, the end date passed, the planned start passed);
- each rule is a :class:`Guard` — a condition of the machine that cites its article and,
  when it refuses, records *why* on the model, so that refusals need no second table;
  conditions that only choose a destination are routes (:class:`Route`);
- the effects of an accepted event are ``after`` callbacks of its transitions (and
  ``before`` ones where the source state matters); when the breaches change, the
  internal trigger ``breaches_settled`` moves the convention between ``in_breach``,
  ``remedy_period`` and its *return state* (RULES.md, "Breaches").

It is built **once**, without a model; each lifecycle triggers events on its own plain
:class:`Record` (``transitions.Event.trigger(model, …)``), so that no ``Machine`` is
built per convention (``benchmarks/bench_lifecycle.py`` compares with one machine per
convention). ``auto_transitions=False``: a ``to_<state>`` shortcut would bypass every
guard. The state diagram is drawn by ``transitions``' own graph support
(:func:`mermaid`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from typing import Any, Final, Generic, TypeVar

import attrs
from transitions import Machine

from mgp_convention.advisories import Advisory
from mgp_convention.articles import art03_procurement
from mgp_convention.articles.art02_duration import (
    ART2_IN_FORCE,
    ART2_SIGNATURE,
    SIGNATORIES,
    effective_date,
    signature_refusal,
)
from mgp_convention.articles.art05_calendar import ART5_DURATION
from mgp_convention.articles.art05_delays import (
    ART5_NOT_READY,
    DEFAULT_NOT_READY_OPTIONS,
    NOT_READY_WITHOUT_NOTICE,
    NotReadyOptions,
    not_ready_without_notice_refusal,
    ready_breach_refusal,
    start_refusal,
)
from mgp_convention.articles.art09_sanctions import (
    ART9_HEARING,
    ART9_STOP,
    DEFAULT_SANCTION_OPTIONS,
    Art9Step,
    SanctionOptions,
    sanction_refusal,
)
from mgp_convention.articles.art11_amendments import (
    ART11_AMENDMENT,
    Terms,
    amendment_acceptable,
)
from mgp_convention.articles.art12_breaches import (
    notice_refusal,
    remedy_refusal,
    thirty_days_refusal,
)
from mgp_convention.articles.art12_remedy import (
    ART12_REMEDY,
    DEFAULT_REMEDY_OPTIONS,
    RemedyDeadline,
    RemedyOptions,
    remedy_deadline,
)
from mgp_convention.articles.art12_termination import (
    ART12_TERMINATION,
    BREACH_TERMINATION_WITHOUT_ART9,
    FORCE_MAJEURE,
    GENERAL_INTEREST_BY_BENEFICIARY,
    GROUND_CITATIONS,
    INTERRUPTION_WITH_OPEN_BREACH,
    TERMINATION_AFTER_LATE_REMEDY,
    TERMINATION_WITHOUT_NOTIFICATION_DATE,
    effect_refusal,
    is_unilateral,
    reason_refusal,
    who_refusal,
)
from mgp_convention.citations import Citation
from mgp_convention.errors import ConventionError
from mgp_convention.events import (
    AmendmentSigned,
    BeneficiaryReady,
    BreachEvent,
    BreachRecorded,
    BreachRemedied,
    DelayCause,
    DelayReported,
    Event,
    ExperimentStarted,
    ExperimentStopped,
    FormalNoticeSent,
    Ground,
    JustificationsExamined,
    Obligation,
    Party,
    ProcurementUnsuccessful,
    RepresentativesHeard,
    Signature,
    TerminatedBy,
    Termination,
)
from mgp_convention.i18n import N_, Lang, Message, gettext_in
from mgp_convention.states import (
    BREACH_STATES,
    IN_FORCE_STATES,
    RETURN_STATES,
    STATE_OF,
    State,
)
from mgp_convention.values import Breach, BreachClosure, HistoryEntry

__all__ = [
    "EVENT_TRIGGERS",
    "GUARDS",
    "MACHINE",
    "SETTLE",
    "TIME_PASSES",
    "TRIGGERS_FROM",
    "Guard",
    "Options",
    "Record",
    "Route",
    "Tick",
    "Trigger",
    "machine_definition",
    "trigger_of",
]


# --- options ---------------------------------------------------------------------------------


@attrs.frozen
class Options:
    """The readings a lawyer can choose (each **Default** of RULES.md): how the thirty
    days are counted, how Art. 9 and Art. 5 al. 3 are read."""

    remedy: RemedyOptions = DEFAULT_REMEDY_OPTIONS
    sanction: SanctionOptions = DEFAULT_SANCTION_OPTIONS
    not_ready: NotReadyOptions = DEFAULT_NOT_READY_OPTIONS


DEFAULT_OPTIONS: Final = Options()


# --- the triggers ----------------------------------------------------------------------------

_TERMINATION_TRIGGERS: Final[Mapping[Ground, str]] = {
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
    *_TERMINATION_TRIGGERS.values(),
)
#: The internal trigger that follows the breaches (in_breach / remedy_period / return).
SETTLE: Final = "breaches_settled"
#: The time-driven trigger, fired by the lifecycle for a date until nothing more happens:
#: a termination reaches its effective date (no retroactivity), the end date passes
#: (Art. 2), the planned start passes without a start (Art. 5), in that order.
TIME_PASSES: Final = "time_passes"


def trigger_of(event: Event) -> str | None:
    """The trigger ``event`` runs (``termination:<ground>`` for a termination), or ``None``."""
    if type(event) is Termination:
        return _TERMINATION_TRIGGERS[event.ground]
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


# --- the model transitions drives ------------------------------------------------------------


@attrs.frozen
class Tick:
    """The clock of a time-driven trigger: the date it is fired for."""

    on: dt.date


class Record:
    """The plain, mutable model the machine drives (``transitions`` sets ``state`` on it).

    It holds the facts the guards read. It is private: the typed API exposes frozen
    values (:class:`~mgp_convention.values.Status`…) built from it. An event is tried on
    a :meth:`copy`, which replaces the record only once the event is accepted: a refused
    event changes nothing. ``__slots__`` is safe because the machine has no models
    (``Machine.add_model`` would set trigger methods on it).
    """

    __slots__ = (
        "advisories",
        "breaches",
        "deadline",
        "delay_cause",
        "effective_date",
        "history",
        "last_on",
        "options",
        "ready_declared",
        "refusal",
        "return_state",
        "signatures",
        "started_on",
        "state",
        "stopped_on",
        "termination",
        "terms",
        "versions",
    )

    def __init__(self, terms: Terms, options: Options) -> None:
        self.state: str = State.DRAFT.value
        self.options = options
        self.terms = terms
        self.versions: tuple[Terms, ...] = (terms,)
        self.signatures: dict[Party, dt.date] = {}
        self.effective_date: dt.date | None = None
        # The latest delay report's cause, and whether the beneficiary declared itself
        # ready since (Art. 5 al. 3: the latest report decides the current cause).
        self.delay_cause: DelayCause | None = None
        self.ready_declared = False
        self.started_on: dt.date | None = None
        self.stopped_on: dt.date | None = None
        self.breaches: dict[str, Breach] = {}
        self.return_state: str | None = None
        self.termination: Termination | None = None
        self.last_on: dt.date | None = None
        self.history: tuple[HistoryEntry, ...] = ()
        # Scratch, for one trigger: the first refusal, the advisories, a deadline computed.
        self.refusal: tuple[Guard[Any], Message] | None = None
        self.advisories: list[Advisory] = []
        self.deadline: RemedyDeadline | None = None

    def copy(self) -> Record:
        """A copy whose changes leave this record as it is."""
        twin = Record.__new__(Record)
        for name in Record.__slots__:
            setattr(twin, name, getattr(self, name))
        twin.signatures = dict(self.signatures)
        twin.breaches = dict(self.breaches)
        twin.advisories = []
        twin.refusal = None
        twin.deadline = None
        return twin

    # -- facts the guards read --

    @property
    def open_breaches(self) -> list[Breach]:
        """The open breaches, in order of recording."""
        return [breach for breach in self.breaches.values() if breach.open]

    @property
    def beneficiary_is_the_cause(self) -> bool:
        """Whether the current cause of the delay is the beneficiary (Art. 5 al. 3)."""
        return self.delay_cause is DelayCause.BENEFICIARY and not self.ready_declared

    @property
    def started_or_stopped(self) -> bool:
        """Whether the experiment started, or was stopped under Art. 9."""
        return self.started_on is not None or self.stopped_on is not None


# --- guards and routes ------------------------------------------------------------------------

E = TypeVar("E", bound=Event)


@attrs.frozen
class Guard(Generic[E]):
    """A rule guarding a transition, with its citation.

    ``check(record, event)`` returns why the rule is not met (a
    :class:`~mgp_convention.i18n.Message`), or ``None``. Called by the machine as a
    condition, it records its refusal on the record and answers whether it is met.
    """

    name: str
    citation: Citation
    check: Callable[[Record, E], Message | None] = attrs.field(repr=False)

    def __call__(self, record: Record, event: E) -> bool:
        reason = self.check(record, event)
        if reason is None:
            return True
        if record.refusal is None:
            record.refusal = (self, reason)
        return False


@attrs.frozen
class Route:
    """A condition that chooses the destination (not a rule: it refuses nothing)."""

    name: str
    test: Callable[[Record, Any], bool] = attrs.field(repr=False)

    def __call__(self, record: Record, event: Any) -> bool:
        return self.test(record, event)


def _breach(record: Record, event: BreachEvent) -> Breach:
    """The breach an event names (its label is resolved before the machine runs)."""
    assert event.breach is not None  # noqa: S101 - resolved by the lifecycle
    return record.breaches[event.breach]


def _pending(record: Record, _event: Event) -> Message | None:
    termination = record.termination
    if termination is None:
        return None
    return Message(
        N_(
            "a termination was decided on {on}, taking effect on {effective}: meanwhile only "
            "the events of Art. 9 and remedies can be recorded"
        ),
        {"on": termination.on, "effective": termination.takes_effect_on},
    )


def _party(record: Record, event: Signature) -> Message | None:
    return signature_refusal(event.party, record.signatures)


def _start(record: Record, event: ExperimentStarted) -> Message | None:
    return start_refusal(event.on, record.effective_date)


def _before_start(record: Record, _event: Event) -> Message | None:
    if record.started_on is not None:
        return Message(N_("the experiment started on {on}"), {"on": record.started_on})
    if record.stopped_on is not None:
        return Message(N_("the experiment was stopped on {on}"), {"on": record.stopped_on})
    return None


def _label_free(record: Record, event: BreachRecorded) -> Message | None:
    if event.breach in record.breaches:
        return Message(
            N_("the label {breach} is already used by another breach: give another one"),
            {"breach": event.breach},
        )
    return None


def _ready_breach(record: Record, event: BreachRecorded) -> Message | None:
    if event.obligation is not Obligation.READY_ON_PLANNED_DATE:
        return None
    return ready_breach_refusal(
        event.on,
        planned_start=record.terms.experiment.indicative_start,
        started=record.started_or_stopped,
        beneficiary_may_be_the_cause=record.beneficiary_is_the_cause
        or (record.delay_cause is None and not record.ready_declared),
    )


def _notice(record: Record, event: FormalNoticeSent) -> Message | None:
    """The notice's breach must be open without a notice; its deadline is computed here,
    once, and kept by the effect if the event is accepted."""
    breach = _breach(record, event)
    refused = notice_refusal(
        breach.label,
        open_=breach.open,
        notice_sent_on=None if breach.notice is None else breach.notice.on,
    )
    if refused is not None:
        return refused
    options = record.options.remedy
    try:
        if options.count_from == "receipt":
            options = attrs.evolve(options, received_on=event.received_on)
        record.deadline = remedy_deadline(event.on, options)
    except ConventionError as err:
        return Message(N_("the remedy deadline cannot be computed: {error}"), {"error": err.text})
    return None


def _remedy(record: Record, event: BreachRemedied) -> Message | None:
    breach = _breach(record, event)
    return remedy_refusal(breach.label, open_=breach.open)


def _step(record: Record, event: BreachEvent) -> Message | None:
    breach = _breach(record, event)
    if breach.still_a_ground:
        return None
    return Message(
        N_("breach {breach} was remedied in time: it is no longer a ground for a sanction"),
        {"breach": breach.label},
    )


def _thirty_days(record: Record, breach: Breach, on: dt.date) -> Message | None:
    return thirty_days_refusal(
        breach.label,
        on,
        notice_sent_on=None if breach.notice is None else breach.notice.on,
        deadline=breach.deadline_date,
        remedied_on=breach.remedied_on,
        late=breach.late,
        accepted_late=breach.accepted_late,
    )


def _sanction(record: Record, breach: Breach, on: dt.date) -> Message | None:
    if not breach.still_a_ground:
        return _thirty_days(record, breach, on)
    return sanction_refusal(
        breach.label,
        on,
        steps=breach.steps,
        notice_sent_on=None if breach.notice is None else breach.notice.on,
        deadline=breach.deadline_date,
        remedied_on=breach.remedied_on,
        late=breach.late,
        accepted_late=breach.accepted_late,
        options=record.options.sanction,
    )


def _stop(record: Record, event: ExperimentStopped) -> Message | None:
    breach = _breach(record, event)
    if breach.closed_as == BreachClosure.SANCTIONED:
        return Message(
            N_("breach {breach} was already closed by an Art. 9 decision"),
            {"breach": breach.label},
        )
    return _sanction(record, breach, event.on)


def _amendment(record: Record, event: AmendmentSigned) -> Message | None:
    return amendment_acceptable(event.on, record.terms, event.changes)


def _who(_record: Record, event: Termination) -> Message | None:
    return who_refusal(event.ground, event.by)


def _reason(_record: Record, event: Termination) -> Message | None:
    return reason_refusal(event.ground, event.by, event.reason)


def _effect(record: Record, event: Termination) -> Message | None:
    return effect_refusal(event.takes_effect_on, record.terms.end_date)


def _named_breach(record: Record, event: Termination) -> Breach | None:
    return None if event.breach is None else record.breaches.get(event.breach)


def _breach_ground(record: Record, event: Termination) -> Message | None:
    """Art. 12 al. 1–2: the named breach's thirty days ran out, without a remedy in time."""
    if event.by is TerminatedBy.JUDGE:
        return None
    return _thirty_days(record, _breach(record, event), event.on)


def _sanction_ground(record: Record, event: Termination) -> Message | None:
    """Art. 9 (and, by default, Art. 12): both steps, and the thirty days ran out."""
    if event.by is TerminatedBy.JUDGE:
        return None
    return _sanction(record, _breach(record, event), event.on)


def _not_ready_ground(record: Record, event: Termination) -> Message | None:
    """Art. 5 al. 3 with Art. 12: a ``ready_on_planned_date`` breach whose thirty days ran
    out (or, with ``NotReadyOptions(notice_required=False)``, version 1's reading)."""
    if event.by is TerminatedBy.JUDGE:
        return None
    refused = _not_ready_with_notice(record, event)
    named = _named_breach(record, event)
    not_ready_breach = (
        named is None or named.recorded.obligation is Obligation.READY_ON_PLANNED_DATE
    )
    if refused is None or record.options.not_ready.notice_required or not not_ready_breach:
        return refused
    without = not_ready_without_notice_refusal(
        event.on,
        planned_start=record.terms.experiment.indicative_start,
        started=record.started_or_stopped,
        beneficiary_is_the_cause=record.beneficiary_is_the_cause,
    )
    return None if without is None else refused


def _not_ready_with_notice(record: Record, event: Termination) -> Message | None:
    breach = _named_breach(record, event)
    if breach is None:
        return Message(
            N_(
                "no breach ready_on_planned_date is named: record the breach, send its formal "
                "notice and let its thirty days run out (Art. 12)"
            )
        )
    if breach.recorded.obligation is not Obligation.READY_ON_PLANNED_DATE:
        return Message(
            N_("breach {breach} is about another obligation than being ready on the planned date"),
            {"breach": breach.label},
        )
    return _thirty_days(record, breach, event.on)


def _guard(
    name: str, citation: Citation, check: Callable[[Record, Any], Message | None]
) -> Guard[Any]:
    return Guard(name, citation, check)


_G_PENDING = _guard("no_termination_pending", ART12_TERMINATION, _pending)
_G_PARTY = _guard("party_may_sign", ART2_SIGNATURE, _party)
_G_START = _guard("convention_in_effect", ART2_SIGNATURE, _start)
_G_BEFORE_START = _guard("experiment_not_started", ART5_DURATION, _before_start)
_G_LABEL = _guard("breach_label_free", ART12_TERMINATION, _label_free)
_G_READY = _guard("ready_breach_possible", ART5_NOT_READY, _ready_breach)
_G_NOTICE = _guard("notice_possible", ART12_REMEDY, _notice)
_G_REMEDY = _guard("breach_open", ART12_REMEDY, _remedy)
_G_STEP = _guard("breach_still_a_ground", ART9_HEARING, _step)
_G_STOP = _guard("stop_possible", ART9_STOP, _stop)
_G_AMENDMENT = _guard("amendment_acceptable", ART11_AMENDMENT, _amendment)
_G_EFFECT = _guard("takes_effect_before_the_end", ART2_IN_FORCE, _effect)
_G_WHO: Final[Mapping[Ground, Guard[Any]]] = {
    ground: _guard("may_terminate", GROUND_CITATIONS[ground], _who) for ground in Ground
}
_G_REASON: Final[Mapping[Ground, Guard[Any]]] = {
    ground: _guard("reason_stated", GROUND_CITATIONS[ground], _reason) for ground in Ground
}
_G_GROUND: Final[Mapping[Ground, Guard[Any]]] = {
    Ground.BREACH: _guard("thirty_days_run_out", ART12_REMEDY, _breach_ground),
    Ground.SANCTION: _guard("sanction_possible", ART9_HEARING, _sanction_ground),
    Ground.NOT_READY: _guard("not_ready_ground", ART5_NOT_READY, _not_ready_ground),
}


def _completes(record: Record, event: Signature) -> bool:
    signed = record.signatures
    return all(party in signed or party is event.party for party in SIGNATORIES)


_R_COMPLETES = Route("all parties signed", _completes)
_R_DEFINITIVE = Route(
    "definitive",
    lambda _record, event: art03_procurement.lapses(definitive=event.definitive),
)
_R_NOW = Route("takes effect now", lambda _record, event: event.takes_effect_on <= event.on)
_R_NO_NOTICE_YET = Route(
    "a breach open without notice",
    lambda record, _event: any(b.notice is None for b in record.open_breaches),
)
_R_ALL_NOTIFIED = Route(
    "every open breach had its notice",
    lambda record, _event: (
        bool(record.open_breaches) and all(b.notice is not None for b in record.open_breaches)
    ),
)
_R_NONE_OPEN = Route("no breach open", lambda record, _event: not record.open_breaches)
_R_START_PASSED = Route(
    "the planned start passed, not started",
    lambda record, tick: (
        not record.started_or_stopped and tick.on > record.terms.experiment.indicative_start
    ),
)
_R_RETURNS_SIGNED = Route(
    "return state signed", lambda record, _tick: record.return_state == State.SIGNED
)
_R_TERMINATION_DUE = Route(
    "the termination's effective date",
    lambda record, tick: (
        record.termination is not None and tick.on >= record.termination.takes_effect_on
    ),
)
_R_AFTER_END = Route("after the end date", lambda record, tick: tick.on > record.terms.end_date)
_R_START_LATER = Route(
    "the amended planned start is later, no delay reported",
    lambda record, event: (
        record.delay_cause is None
        and not record.started_or_stopped
        and (event.changes.indicative_start or record.terms.experiment.indicative_start) >= event.on
    ),
)


def _returns_to(state: State) -> Route:
    return Route(f"return state {state.value}", lambda record, _e: record.return_state == state)


#: Every guard of the machine, by name.
GUARDS: Final[Mapping[str, Guard[Any]]] = {
    guard.name: guard
    for guard in (
        _G_PENDING,
        _G_PARTY,
        _G_START,
        _G_BEFORE_START,
        _G_LABEL,
        _G_READY,
        _G_NOTICE,
        _G_REMEDY,
        _G_STEP,
        _G_STOP,
        _G_AMENDMENT,
        _G_EFFECT,
        *_G_GROUND.values(),
        _G_WHO[Ground.BREACH],
        _G_REASON[Ground.BREACH],
    )
}


# --- effects: after callbacks ------------------------------------------------------------------


def _settle(record: Record, _event: Any) -> None:
    """Let the machine move between the breach states and the return state."""
    if STATE_OF[record.state] in BREACH_STATES:
        MACHINE.events[SETTLE].trigger(record, record, None)


def _close_ready_breaches(record: Record, on: dt.date) -> None:
    """Readiness or a start counts as the remedy of an open ``ready_on_planned_date``
    breach on that date (late if after its deadline)."""
    for label, breach in list(record.breaches.items()):
        if breach.open and breach.recorded.obligation is Obligation.READY_ON_PLANNED_DATE:
            record.breaches[label] = attrs.evolve(
                breach, remedied_on=on, closed_as=BreachClosure.REMEDIED, closed_on=on
            )


def _on_signature(record: Record, event: Signature) -> None:
    record.signatures[event.party] = event.on
    record.effective_date = effective_date(record.signatures)


def _on_delay(record: Record, event: DelayReported) -> None:
    record.delay_cause = event.cause
    record.ready_declared = False


def _on_delay_in_breach(record: Record, _event: DelayReported) -> None:
    record.return_state = State.DELAYED.value


def _on_ready(record: Record, event: BeneficiaryReady) -> None:
    record.ready_declared = True
    _close_ready_breaches(record, event.on)


def _on_start(record: Record, event: ExperimentStarted) -> None:
    record.started_on = event.on
    _close_ready_breaches(record, event.on)


def _on_start_in_breach(record: Record, _event: ExperimentStarted) -> None:
    record.return_state = State.EXPERIMENTING.value


def _remember_return(record: Record, _event: BreachRecorded) -> None:
    record.return_state = record.state


def _on_breach(record: Record, event: BreachRecorded) -> None:
    assert event.breach is not None  # noqa: S101 - resolved by the lifecycle
    record.breaches[event.breach] = Breach(event.breach, event)


def _on_notice(record: Record, event: FormalNoticeSent) -> None:
    breach = _breach(record, event)
    record.breaches[breach.label] = attrs.evolve(breach, notice=event, deadline=record.deadline)


def _on_remedy(record: Record, event: BreachRemedied) -> None:
    breach = _breach(record, event)
    record.breaches[breach.label] = attrs.evolve(
        breach,
        remedied_on=event.on,
        accepted_late=event.accepted_late,
        closed_as=BreachClosure.REMEDIED,
        closed_on=event.on,
    )


def _on_step(record: Record, event: BreachEvent) -> None:
    breach = _breach(record, event)
    step = Art9Step(event.type)
    if step not in breach.steps:
        record.breaches[breach.label] = attrs.evolve(breach, steps={**breach.steps, step: event.on})


def _on_stop(record: Record, event: ExperimentStopped) -> None:
    breach = _breach(record, event)
    record.breaches[breach.label] = attrs.evolve(
        breach, closed_as=BreachClosure.SANCTIONED, closed_on=event.on
    )
    record.stopped_on = event.on


def _on_stop_in_breach(record: Record, _event: ExperimentStopped) -> None:
    record.return_state = State.EXPERIMENT_STOPPED.value


def _on_procurement(record: Record, event: ProcurementUnsuccessful) -> None:
    if not event.definitive:
        record.advisories.append(art03_procurement.PROCUREMENT_NOT_DEFINITIVE())


def _on_amendment(record: Record, event: AmendmentSigned) -> None:
    record.terms = record.terms.amended(event.changes, event.on)
    record.versions = (*record.versions, record.terms)


def _on_termination(record: Record, event: Termination) -> None:
    record.termination = event
    record.advisories.extend(_termination_advisories(record, event))


def _termination_advisories(record: Record, event: Termination) -> Iterable[Advisory]:
    """The legal risks of a termination (RULES.md, "Advisories")."""
    ground, by = event.ground, event.by
    open_breaches = record.open_breaches
    if ground is Ground.INTERRUPTION and by is TerminatedBy.METROPOLE and open_breaches:
        yield INTERRUPTION_WITH_OPEN_BREACH(breach=open_breaches[0].label)
    if by is not TerminatedBy.JUDGE and ground.names_breach:
        breach = _named_breach(record, event)
        if ground is Ground.NOT_READY and (
            breach is None or _not_ready_with_notice(record, event) is not None
        ):
            yield NOT_READY_WITHOUT_NOTICE()
        if breach is not None:
            if ground is not Ground.SANCTION and len(breach.steps) < len(Art9Step):
                yield BREACH_TERMINATION_WITHOUT_ART9(breach=breach.label)
            if breach.late and not breach.accepted_late and breach.remedied_on is not None:
                yield TERMINATION_AFTER_LATE_REMEDY(
                    breach=breach.label,
                    remedied=breach.remedied_on,
                    deadline=breach.deadline_date,
                )
    if ground is Ground.GENERAL_INTEREST and by is TerminatedBy.BENEFICIARY:
        yield GENERAL_INTEREST_BY_BENEFICIARY()
    if ground is Ground.FORCE_MAJEURE:
        yield FORCE_MAJEURE()
    if is_unilateral(ground, by) and event.notified_on is None:
        yield TERMINATION_WITHOUT_NOTIFICATION_DATE(on=event.on)


def _on_start_passed_in_breach(record: Record, _tick: Tick) -> None:
    record.return_state = State.DELAYED.value


def _on_start_later_in_breach(record: Record, _event: AmendmentSigned) -> None:
    """An amendment moved the planned start later during a breach: the return state's
    facts no longer make it delayed (RULES.md, "States": « the planned start passed »)."""
    record.return_state = State.SIGNED.value


# --- the one machine ---------------------------------------------------------------------------

_S = State
_IN_FORCE: Final = [s.value for s in State if s in IN_FORCE_STATES]
_BREACH: Final = [_S.IN_BREACH.value, _S.REMEDY_PERIOD.value]
_NON_FINAL: Final = [s.value for s in State if not s.final]
_BEFORE_START: Final = [_S.SIGNED.value, _S.DELAYED.value]


def _t(
    trigger: str,
    source: str | list[str],
    dest: State | None,
    conditions: Iterable[Guard[Any] | Route] = (),
    *,
    unless: Iterable[Route] = (),
    before: Iterable[Callable[..., None]] = (),
    after: Iterable[Callable[..., None]] = (),
) -> dict[str, Any]:
    """One transition of the machine (``dest=None``: the state stays)."""
    return {
        "trigger": trigger,
        "source": source,
        "dest": None if dest is None else dest.value,
        "conditions": list(conditions),
        "unless": list(unless),
        "before": list(before),
        "after": list(after),
    }


def _termination_transitions(ground: Ground) -> list[dict[str, Any]]:
    trigger = _TERMINATION_TRIGGERS[ground]
    guards: list[Guard[Any]] = [_G_PENDING, _G_WHO[ground], _G_REASON[ground], _G_EFFECT]
    if ground in _G_GROUND:
        guards.append(_G_GROUND[ground])
    return [
        _t(trigger, _IN_FORCE, _S.TERMINATED, [_R_NOW, *guards], after=[_on_termination]),
        _t(trigger, _IN_FORCE, None, guards, unless=[_R_NOW], after=[_on_termination]),
    ]


def machine_definition() -> dict[str, Any]:
    """The keyword arguments of the package's ``transitions.Machine`` (model-less).

    The machine is built once from it, when this module is imported; the benchmark
    builds extra copies only to measure the cost of one machine per convention.
    """
    t = _t
    transitions = [
        # Art. 2: each party signs once; the last signature puts the convention in force.
        t("signature", _S.DRAFT.value, _S.SIGNED, [_R_COMPLETES, _G_PARTY], after=[_on_signature]),
        t(
            "signature",
            _S.DRAFT.value,
            None,
            [_G_PARTY],
            unless=[_R_COMPLETES],
            after=[_on_signature],
        ),
        # Art. 5 al. 3: a delay and its cause; the beneficiary declares itself ready.
        t("delay_reported", _BEFORE_START, _S.DELAYED, [_G_PENDING], after=[_on_delay]),
        t(
            "delay_reported",
            _BREACH,
            None,
            [_G_PENDING, _G_BEFORE_START],
            after=[_on_delay, _on_delay_in_breach],
        ),
        t("beneficiary_ready", _BEFORE_START, None, [_G_PENDING], after=[_on_ready]),
        t(
            "beneficiary_ready",
            _BREACH,
            None,
            [_G_PENDING, _G_BEFORE_START],
            after=[_on_ready, _settle],
        ),
        # Art. 5 al. 1: the start of the experiment.
        t(
            "experiment_started",
            _BEFORE_START,
            _S.EXPERIMENTING,
            [_G_PENDING, _G_START],
            after=[_on_start],
        ),
        t(
            "experiment_started",
            _BREACH,
            None,
            [_G_PENDING, _G_BEFORE_START, _G_START],
            after=[_on_start, _on_start_in_breach, _settle],
        ),
        # Art. 12 al. 1: a breach of « une quelconque de ses obligations ».
        t(
            "breach_recorded",
            [*_BEFORE_START, _S.EXPERIMENTING.value, _S.EXPERIMENT_STOPPED.value],
            _S.IN_BREACH,
            [_G_PENDING, _G_LABEL, _G_READY],
            before=[_remember_return],
            after=[_on_breach],
        ),
        t(
            "breach_recorded",
            _BREACH,
            _S.IN_BREACH,
            [_G_PENDING, _G_LABEL, _G_READY],
            after=[_on_breach],
        ),
        # Art. 12 al. 2: the registered letter, and the thirty days; the remedy.
        t(
            "formal_notice_sent",
            _BREACH,
            None,
            [_G_PENDING, _G_NOTICE],
            after=[_on_notice, _settle],
        ),
        t("breach_remedied", _BREACH, None, [_G_REMEDY], after=[_on_remedy, _settle]),
        # Art. 9: the two steps, for a breach still a ground; the end of the experiment.
        *(t(step.value, _IN_FORCE, None, [_G_STEP], after=[_on_step]) for step in Art9Step),
        t(
            "experiment_stopped",
            _S.EXPERIMENTING.value,
            _S.EXPERIMENT_STOPPED,
            [_G_STOP],
            after=[_on_stop],
        ),
        t(
            "experiment_stopped",
            _BREACH,
            None,
            [_G_STOP],
            after=[_on_stop, _on_stop_in_breach, _settle],
        ),
        # Art. 3: the procurement failed; definitively, the convention lapses.
        t(
            "procurement_unsuccessful",
            [_S.DRAFT.value, *_BEFORE_START],
            _S.LAPSED,
            [_R_DEFINITIVE, _G_PENDING],
        ),
        t(
            "procurement_unsuccessful",
            [_S.DRAFT.value, *_BEFORE_START],
            None,
            [_G_PENDING],
            unless=[_R_DEFINITIVE],
            after=[_on_procurement],
        ),
        # Art. 11: an amendment, in any state but a final one.
        t(
            "amendment_signed",
            _S.DELAYED.value,
            _S.SIGNED,
            [_R_START_LATER, _G_PENDING, _G_AMENDMENT],
            after=[_on_amendment],
        ),
        t(
            "amendment_signed",
            _BREACH,
            None,
            [_R_START_LATER, _returns_to(State.DELAYED), _G_PENDING, _G_AMENDMENT],
            after=[_on_amendment, _on_start_later_in_breach],
        ),
        t(
            "amendment_signed",
            _NON_FINAL,
            None,
            [_G_PENDING, _G_AMENDMENT],
            after=[_on_amendment],
        ),
    ]
    for ground in Ground:
        transitions += _termination_transitions(ground)
    # The breaches settle: another without notice, all notified, or back to the return state.
    transitions += [
        t(SETTLE, _BREACH, _S.IN_BREACH, [_R_NO_NOTICE_YET]),
        t(SETTLE, _BREACH, _S.REMEDY_PERIOD, [_R_ALL_NOTIFIED]),
        *(t(SETTLE, _BREACH, back, [_R_NONE_OPEN, _returns_to(back)]) for back in RETURN_STATES),
    ]
    # Time: the planned start passes without a start (Art. 5), a termination takes effect
    # (no retroactivity), the end date passes (Art. 2).
    transitions += [
        t(TIME_PASSES, _IN_FORCE, _S.TERMINATED, [_R_TERMINATION_DUE]),
        t(TIME_PASSES, _IN_FORCE, _S.ENDED, [_R_AFTER_END]),
        t(TIME_PASSES, _S.DRAFT.value, _S.NOT_CONCLUDED, [_R_AFTER_END]),
        t(TIME_PASSES, _S.SIGNED.value, _S.DELAYED, [_R_START_PASSED]),
        t(
            TIME_PASSES,
            _BREACH,
            None,
            [_R_START_PASSED, _R_RETURNS_SIGNED],
            after=[_on_start_passed_in_breach],
        ),
    ]
    return {
        "states": [{"name": state.value, "final": state.final} for state in State],
        "transitions": transitions,
        "initial": State.DRAFT.value,
        "auto_transitions": False,
        "send_event": False,
        "ignore_invalid_triggers": False,
    }


MACHINE: Final = Machine(model=None, **machine_definition())

#: The triggers the machine accepts from each state (``Machine.get_triggers``), asked once
#: per state: the answer depends on the machine only.
TRIGGERS_FROM: Final[Mapping[str, frozenset[str]]] = {
    state.value: frozenset(MACHINE.get_triggers(state.value)) for state in State
}
