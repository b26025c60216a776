"""The package's one ``transitions`` machine: states, triggers, guards, effects.

This is the engine room of :mod:`mgp_convention.lifecycle`, which is the API to use.
The eight states of RULES.md, one trigger per event type (and per termination
ground), each guard a named rule of its article's module (:mod:`mgp_convention.articles`)
wrapped as a :class:`Guard` with its citation, and the effects of an accepted event on
a convention's plain record. The machine is built **once**, without a model
(:func:`machine_definition`; ``auto_transitions=False``: a ``to_<state>`` shortcut would
bypass every guard); each lifecycle triggers its events on its own record.
The state diagram (:func:`diagram`, :func:`mermaid`, :func:`dot`) is read from it.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, Final, Generic, TypeVar

import attrs
from transitions import Machine, Transition

from mgp_convention import diagram as _diagram
from mgp_convention.articles.art02_duration import (
    ART2_IN_FORCE,
    ART2_SIGNATURE,
    SIGNATORIES,
    effective_date,
    party_not_signed_yet,
)
from mgp_convention.articles.art05_calendar import ART5_DURATION
from mgp_convention.articles.art05_delays import (
    ART5_NOT_READY,
    experiment_may_start,
    not_ready_termination,
)
from mgp_convention.articles.art09_sanctions import (
    ART9_HEARING,
    ART9_SANCTION,
    Art9Step,
    SanctionOptions,
    sanction_procedure_done,
    sanction_remedy_period_run_out,
)
from mgp_convention.articles.art11_amendments import (
    ART11_AMENDMENT,
    Terms,
    amendment_acceptable,
)
from mgp_convention.articles.art12_remedy import (
    RemedyDeadline,
    RemedyOptions,
    remedy_deadline,
)
from mgp_convention.articles.art12_termination import (
    ART12_REMEDY,
    ART12_TERMINATION,
    breach_deadline_passed,
    interruption_reason_given,
    remedy_in_time,
)
from mgp_convention.citations import Citation
from mgp_convention.errors import ConventionError
from mgp_convention.events import (
    AmendmentSigned,
    BreachRecorded,
    BreachRemedied,
    DelayCause,
    DelayReported,
    Event,
    ExperimentStarted,
    FormalNoticeSent,
    Ground,
    JustificationsExamined,
    Party,
    RepresentativesHeard,
    Signature,
    Termination,
)

if TYPE_CHECKING:  # the values of the API, built by lifecycle.py from a record
    from mgp_convention.lifecycle import HistoryEntry

__all__ = [
    "ABOUT",
    "BREACH_STATES",
    "EFFECTS",
    "EVENT_TRIGGERS",
    "FINAL_STATES",
    "GUARDS",
    "MACHINE",
    "SOURCES",
    "STATE_OF",
    "TABLE",
    "TIME_TRIGGER",
    "TRIGGERS_FROM",
    "TRIGGER_CITATIONS",
    "Guard",
    "Record",
    "State",
    "diagram",
    "dot",
    "machine_definition",
    "mermaid",
    "trigger_of",
]


# --- states ------------------------------------------------------------------------------


class State(enum.StrEnum):
    """The eight states of RULES.md; ``label_fr`` is the French label."""

    DRAFT = "draft"
    SIGNED = "signed"
    DELAYED = "delayed"
    EXPERIMENTING = "experimenting"
    IN_BREACH = "in_breach"
    REMEDY_PERIOD = "remedy_period"
    TERMINATED = "terminated"
    ENDED = "ended"

    @property
    def label_fr(self) -> str:
        """The French label (``"délai de remédiation"``)."""
        return _LABELS_FR[self]

    @property
    def final(self) -> bool:
        """Whether nothing can follow this state (``terminated``, ``ended``)."""
        return self in FINAL_STATES


_LABELS_FR: Final[Mapping[State, str]] = {
    State.DRAFT: "en attente de signature",
    State.SIGNED: "signée",
    State.DELAYED: "en retard",
    State.EXPERIMENTING: "en expérimentation",
    State.IN_BREACH: "en manquement",
    State.REMEDY_PERIOD: "délai de remédiation",
    State.TERMINATED: "résiliée",
    State.ENDED: "terminée",
}
FINAL_STATES: Final = frozenset({State.TERMINATED, State.ENDED})
BREACH_STATES: Final = frozenset({State.IN_BREACH, State.REMEDY_PERIOD})
STATE_OF: Final[Mapping[str, State]] = {state.value: state for state in State}
# The machine knows states by their plain string value.
_DRAFT, _SIGNED, _DELAYED, _EXPERIMENTING = "draft", "signed", "delayed", "experimenting"
_IN_BREACH, _REMEDY, _TERMINATED, _ENDED = "in_breach", "remedy_period", "terminated", "ended"
_NON_FINAL: Final = (_DRAFT, _SIGNED, _DELAYED, _EXPERIMENTING, _IN_BREACH, _REMEDY)
_IN_FORCE: Final = (_SIGNED, _DELAYED, _EXPERIMENTING, _IN_BREACH, _REMEDY)
_BEFORE_BREACH: Final = (_SIGNED, _DELAYED, _EXPERIMENTING)


# --- the triggers: the event vocabulary, one trigger per termination ground ---------------

#: The termination trigger of each ground (``termination:breach``…).
_TERMINATION_TRIGGERS: Final[Mapping[Ground, str]] = {
    ground: f"termination:{ground.value}"
    for ground in (Ground.INTERRUPTION, Ground.NOT_READY, Ground.BREACH, Ground.SANCTION)
}
#: The trigger of each event class. A file's event only ever runs the trigger this fixed
#: table gives for its class (and, for a termination, its ground): nothing is looked up
#: by name from file content.
_TRIGGER_OF_CLASS: Final[Mapping[type[Event], str]] = {
    Signature: "signature",
    DelayReported: "delay_reported",
    ExperimentStarted: "experiment_started",
    BreachRecorded: "breach_recorded",
    FormalNoticeSent: "formal_notice_sent",
    BreachRemedied: "breach_remedied",
    JustificationsExamined: "justifications_examined",
    RepresentativesHeard: "representatives_heard",
    AmendmentSigned: "amendment_signed",
}
#: Every trigger an event can run, in the order of RULES.md.
EVENT_TRIGGERS: Final[tuple[str, ...]] = (
    *_TRIGGER_OF_CLASS.values(),
    *_TERMINATION_TRIGGERS.values(),
)
#: The time-driven transition (no event): the day after the end date, Art. 2.
TIME_TRIGGER: Final = "end_date_passed"


def trigger_of(event: Event) -> str | None:
    """The trigger ``event`` runs (``termination:<ground>`` for a termination), or ``None``."""
    if type(event) is Termination:
        return _TERMINATION_TRIGGERS.get(event.ground)
    return _TRIGGER_OF_CLASS.get(type(event))


#: What each trigger is, in words, and the article that says when it can happen.
ABOUT: Final[Mapping[str, tuple[str, Citation]]] = {
    "signature": ("a signature", ART2_SIGNATURE),
    "delay_reported": ("a delay report", ART5_NOT_READY),
    "experiment_started": ("the start of the experiment", ART5_DURATION),
    "breach_recorded": ("a breach", ART12_TERMINATION),
    "formal_notice_sent": ("a formal notice", ART12_REMEDY),
    "breach_remedied": ("a remedy", ART12_REMEDY),
    "justifications_examined": ("the examination of the justifications", ART9_HEARING),
    "representatives_heard": ("the hearing of the representatives", ART9_HEARING),
    "amendment_signed": ("an amendment", ART11_AMENDMENT),
    "termination:interruption": ("a termination to interrupt the experiment", ART12_TERMINATION),
    "termination:not_ready": ("a termination for not being ready", ART5_NOT_READY),
    "termination:breach": ("a termination for breach", ART12_TERMINATION),
    "termination:sanction": ("a termination as a sanction", ART9_SANCTION),
    TIME_TRIGGER: ("the end of the convention", ART2_IN_FORCE),
}
#: The citation of each trigger: the article that says when it can happen.
TRIGGER_CITATIONS: Final[Mapping[str, Citation]] = {
    trigger: citation for trigger, (_, citation) in ABOUT.items()
}


# --- the model transitions drives ----------------------------------------------------------


class Record:
    """The plain, mutable model the machine drives (``transitions`` sets ``state`` on it).

    It holds the facts the guards read. It is private: the typed API exposes frozen
    values (:class:`Status`, :class:`HistoryEntry`) built from it. ``__slots__`` is safe
    here because the machine has no models: nothing but ``state`` is ever set on it by
    ``transitions`` (``Machine.add_model`` would set trigger methods, and fail).
    """

    __slots__ = (
        "beneficiary_delay",
        "breach",
        "deadline",
        "effective_date",
        "history",
        "last_on",
        "last_remedied",
        "pending_deadline",
        "refusal",
        "remedy_options",
        "remembered",
        "sanction_options",
        "signatures",
        "started_on",
        "state",
        "steps",
        "termination",
        "terms",
        "versions",
    )

    def __init__(
        self, terms: Terms, remedy_options: RemedyOptions, sanction_options: SanctionOptions
    ) -> None:
        self.state: str = _DRAFT
        self.remedy_options = remedy_options
        self.sanction_options = sanction_options
        self.terms = terms
        self.versions: list[Terms] = [terms]
        self.signatures: dict[Party, dt.date] = {}
        self.effective_date: dt.date | None = None
        self.beneficiary_delay = False
        self.started_on: dt.date | None = None
        # The open breach (Art. 9, 12): recorded, where a remedy leads back, the deadline
        # computed when the formal notice was sent, the Art. 9 steps done.
        self.breach: BreachRecorded | None = None
        self.remembered: str | None = None
        self.deadline: RemedyDeadline | None = None
        self.steps: dict[Art9Step, dt.date] = {}
        # The last breach remedied, with its deadline (for the Art. 12 indemnity).
        self.last_remedied: tuple[BreachRecorded, RemedyDeadline | None] | None = None
        self.termination: Termination | None = None
        self.last_on: dt.date | None = None
        self.history: list[HistoryEntry] = []
        # Scratch, set by guards during one event and cleared after it.
        self.refusal: tuple[Guard[Any], str] | None = None
        self.pending_deadline: RemedyDeadline | None = None

    @property
    def deadline_date(self) -> dt.date | None:
        return None if self.deadline is None else self.deadline.expires_on


# --- guards: named rules of the articles, as machine conditions ---------------------------

E = TypeVar("E", bound=Event)


@attrs.frozen
class Guard(Generic[E]):
    """A named rule guarding a transition, with its citation.

    ``check(record, event)`` returns the unmet condition in plain words, or ``None``.
    ``content``: the rule judges the event's own content (a party, a reason, the
    changes) rather than the situation on its date; :meth:`Lifecycle.allowed_events`
    assumes well-formed content and skips such rules.

    Called by the machine as a condition, it records its refusal on the record.
    """

    name: str
    citation: Citation
    check: Callable[[Record, E], str | None] = attrs.field(repr=False)
    content: bool = False

    def __call__(self, record: Record, event: E) -> bool:
        reason = self.check(record, event)
        if reason is None:
            return True
        record.refusal = (self, reason)
        return False


@attrs.frozen
class _Route:
    """A condition that chooses the destination (not a rule: it refuses nothing)."""

    name: str
    test: Callable[[Record, Any], bool] = attrs.field(repr=False)

    def __call__(self, record: Record, event: Any) -> bool:
        return self.test(record, event)


def _party_check(record: Record, event: Signature) -> str | None:
    return party_not_signed_yet(event.party, record.signatures)


def _completes(record: Record, event: Signature) -> bool:
    signed = record.signatures
    return all(party in signed or party is event.party for party in SIGNATORIES)


def _start_check(record: Record, event: ExperimentStarted) -> str | None:
    return experiment_may_start(event.on, record.effective_date)


def _deadline_check(record: Record, event: FormalNoticeSent) -> str | None:
    """Compute the remedy deadline once, when the notice is sent (kept if accepted)."""
    options = record.remedy_options
    try:
        if options.count_from == "receipt":
            options = attrs.evolve(options, received_on=event.received_on)
        record.pending_deadline = remedy_deadline(event.on, options)
    except ConventionError as err:
        return f"the remedy deadline cannot be computed: {err}"
    return None


def _remedy_check(record: Record, event: BreachRemedied) -> str | None:
    return remedy_in_time(event.on, record.deadline_date, accepted_late=event.accepted_late)


def _amendment_check(record: Record, event: AmendmentSigned) -> str | None:
    return amendment_acceptable(event.on, record.terms, event.changes)


def _interruption_check(_record: Record, event: Termination) -> str | None:
    return interruption_reason_given(event.reason)


def _not_ready_check(record: Record, event: Termination) -> str | None:
    return not_ready_termination(
        event.on,
        planned_start=record.terms.experiment.indicative_start,
        beneficiary_delay_recorded=record.beneficiary_delay,
    )


def _breach_check(record: Record, event: Termination) -> str | None:
    return breach_deadline_passed(event.on, record.deadline_date)


def _steps_check(record: Record, _event: Termination) -> str | None:
    return sanction_procedure_done(record.steps)


def _sanction_period_check(record: Record, event: Termination) -> str | None:
    return sanction_remedy_period_run_out(event.on, record.deadline_date, record.sanction_options)


_G_PARTY = Guard("party_not_signed_yet", ART2_SIGNATURE, _party_check, content=True)
_G_START = Guard("experiment_may_start", ART2_SIGNATURE, _start_check)
_G_DEADLINE = Guard("remedy_deadline_computable", ART12_REMEDY, _deadline_check, content=True)
_G_REMEDY = Guard("remedy_in_time", ART12_REMEDY, _remedy_check)
_G_AMENDMENT = Guard("amendment_acceptable", ART11_AMENDMENT, _amendment_check, content=True)
_G_REASON = Guard("interruption_reason_given", ART12_TERMINATION, _interruption_check, content=True)
_G_NOT_READY = Guard("not_ready_termination", ART5_NOT_READY, _not_ready_check)
_G_BREACH = Guard("breach_deadline_passed", ART12_REMEDY, _breach_check)
_G_STEPS = Guard("sanction_procedure_done", ART9_HEARING, _steps_check)
_G_SANCTION_PERIOD = Guard("sanction_remedy_period_run_out", ART9_SANCTION, _sanction_period_check)
_R_COMPLETES = _Route("all parties signed", _completes)

#: Every guard of the machine, by name.
GUARDS: Final[Mapping[str, Guard[Any]]] = {
    guard.name: guard
    for guard in (
        _G_PARTY,
        _G_START,
        _G_DEADLINE,
        _G_REMEDY,
        _G_AMENDMENT,
        _G_REASON,
        _G_NOT_READY,
        _G_BREACH,
        _G_STEPS,
        _G_SANCTION_PERIOD,
    )
}


def _remembered(state: str) -> _Route:
    return _Route(f"remembered = {state}", lambda record, _event: record.remembered == state)


# --- the one machine ----------------------------------------------------------------------


def machine_definition() -> dict[str, Any]:
    """The keyword arguments of the package's ``transitions.Machine`` (model-less).

    The machine is built once from it, when this module is imported; the benchmark
    builds extra copies only to measure the cost of one machine per convention.
    """
    transitions: list[dict[str, Any]] = [
        {
            "trigger": "signature",
            "source": _DRAFT,
            "dest": _SIGNED,
            "conditions": [_R_COMPLETES, _G_PARTY],
        },
        {
            "trigger": "signature",
            "source": _DRAFT,
            "dest": _DRAFT,
            "conditions": [_G_PARTY],
            "unless": [_R_COMPLETES],
        },
        {"trigger": "delay_reported", "source": [_SIGNED, _DELAYED], "dest": _DELAYED},
        {
            "trigger": "experiment_started",
            "source": [_SIGNED, _DELAYED],
            "dest": _EXPERIMENTING,
            "conditions": [_G_START],
        },
        {"trigger": "breach_recorded", "source": list(_BEFORE_BREACH), "dest": _IN_BREACH},
        {
            "trigger": "formal_notice_sent",
            "source": _IN_BREACH,
            "dest": _REMEDY,
            "conditions": [_G_DEADLINE],
        },
    ]
    transitions += [
        {
            "trigger": "breach_remedied",
            "source": [_IN_BREACH, _REMEDY],
            "dest": back,
            "conditions": [_remembered(back), _G_REMEDY],
        }
        for back in (_EXPERIMENTING, _DELAYED, _SIGNED)  # the likeliest first
    ]
    transitions += [
        {"trigger": step.value, "source": state, "dest": state}
        for step in Art9Step
        for state in (_IN_BREACH, _REMEDY)
    ]
    transitions += [
        {
            "trigger": "amendment_signed",
            "source": state,
            "dest": state,
            "conditions": [_G_AMENDMENT],
        }
        for state in _NON_FINAL
    ]
    terminate = _TERMINATION_TRIGGERS
    transitions += [
        {
            "trigger": terminate[Ground.INTERRUPTION],
            "source": list(_IN_FORCE),
            "dest": _TERMINATED,
            "conditions": [_G_REASON],
        },
        {
            "trigger": terminate[Ground.NOT_READY],
            "source": _DELAYED,
            "dest": _TERMINATED,
            "conditions": [_G_NOT_READY],
        },
        {
            "trigger": terminate[Ground.BREACH],
            "source": _REMEDY,
            "dest": _TERMINATED,
            "conditions": [_G_BREACH],
        },
        {
            "trigger": terminate[Ground.SANCTION],
            "source": [_IN_BREACH, _REMEDY],
            "dest": _TERMINATED,
            "conditions": [_G_STEPS, _G_SANCTION_PERIOD],
        },
        {"trigger": TIME_TRIGGER, "source": list(_NON_FINAL), "dest": _ENDED},
    ]
    return {
        "states": [{"name": state.value, "final": state in FINAL_STATES} for state in State],
        "transitions": transitions,
        "initial": _DRAFT,
        "auto_transitions": False,
        "send_event": False,
        "ignore_invalid_triggers": False,
    }


MACHINE: Final = Machine(model=None, **machine_definition())


# Read once from the machine: for each (trigger, source state), the conditions of each of
# its transitions, in order, each as (rule, the result it must give).
_Condition = tuple["Guard[Any] | _Route", bool]
_Transitions = tuple[tuple[_Condition, ...], ...]


def _conditions(transition: Transition) -> tuple[_Condition, ...]:
    found: list[_Condition] = []
    for condition in transition.conditions:
        func = condition.func
        if not isinstance(func, (Guard, _Route)):  # pragma: no cover - definition error
            raise TypeError(f"every condition of the machine is a rule, not {func!r}")
        found.append((func, condition.target))
    return tuple(found)


def _read_machine(machine: Machine) -> dict[tuple[str, str], _Transitions]:
    return {
        (trigger, source): tuple(_conditions(t) for t in transitions)
        for trigger, event in machine.events.items()
        for source, transitions in event.transitions.items()
    }


TABLE: Final = _read_machine(MACHINE)
TRIGGERS_FROM: Final[Mapping[str, frozenset[str]]] = {
    state.value: frozenset(t for (t, source) in TABLE if source == state.value) for state in State
}
SOURCES: Final[Mapping[str, tuple[str, ...]]] = {
    trigger: tuple(s.value for s in State if (trigger, s.value) in TABLE)
    for trigger in (*EVENT_TRIGGERS, TIME_TRIGGER)
}


# --- effects of an accepted event ----------------------------------------------------------


def _on_signature(record: Record, event: Any, _before: str) -> None:
    record.signatures[event.party] = event.on
    record.effective_date = effective_date(record.signatures)


def _on_delay(record: Record, event: Any, _before: str) -> None:
    if event.cause is DelayCause.BENEFICIARY:
        record.beneficiary_delay = True


def _on_start(record: Record, event: Any, _before: str) -> None:
    record.started_on = event.on


def _on_breach(record: Record, event: Any, before: str) -> None:
    record.breach = event
    record.remembered = before
    record.deadline = None
    record.steps = {}


def _on_notice(record: Record, _event: Any, _before: str) -> None:
    record.deadline = record.pending_deadline


def _on_remedy(record: Record, _event: Any, _before: str) -> None:
    if record.breach is not None:  # pragma: no branch - the state guarantees a breach
        record.last_remedied = (record.breach, record.deadline)
    record.breach = None
    record.remembered = None
    record.deadline = None
    record.steps = {}


def _on_step(record: Record, event: Any, _before: str) -> None:
    record.steps.setdefault(Art9Step(event.type), event.on)


def _on_amendment(record: Record, event: Any, _before: str) -> None:
    record.terms = record.terms.amended(event.changes, event.on)
    record.versions.append(record.terms)


def _on_termination(record: Record, event: Any, _before: str) -> None:
    record.termination = event


EFFECTS: Final[Mapping[str, Callable[[Record, Any, str], None]]] = {
    "signature": _on_signature,
    "delay_reported": _on_delay,
    "experiment_started": _on_start,
    "breach_recorded": _on_breach,
    "formal_notice_sent": _on_notice,
    "breach_remedied": _on_remedy,
    "justifications_examined": _on_step,
    "representatives_heard": _on_step,
    "amendment_signed": _on_amendment,
    **dict.fromkeys(_TERMINATION_TRIGGERS.values(), _on_termination),
}


# --- the picture, read from the machine -------------------------------------------------------


def diagram() -> _diagram.Diagram:
    """The machine's states and transitions, with their guards' names, to draw."""
    machine = MACHINE
    nodes = tuple(
        _diagram.Node(
            name,
            STATE_OF[name].label_fr,
            initial=name == machine.initial,
            final=state.final,
        )
        for name, state in machine.states.items()
    )
    edges: list[_diagram.Edge] = []
    for trigger, event in machine.events.items():
        for source, transitions in event.transitions.items():
            for transition in transitions:
                guards = tuple(
                    condition.func.name if condition.target else f"not {condition.func.name}"
                    for condition in transition.conditions
                    if isinstance(condition.func, (Guard, _Route))
                )
                edges.append(
                    _diagram.Edge(
                        source,
                        transition.dest or source,
                        (trigger,),
                        guards,
                        time_driven=trigger == TIME_TRIGGER,
                    )
                )
    return _diagram.Diagram(nodes, tuple(edges))


def mermaid() -> str:
    """The lifecycle as Mermaid ``stateDiagram-v2`` text, drawn from the machine."""
    return _diagram.mermaid(diagram())


def dot() -> str:
    """The lifecycle as Graphviz DOT text, drawn from the machine."""
    return _diagram.dot(diagram())
