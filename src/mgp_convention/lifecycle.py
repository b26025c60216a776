"""The lifecycle of a convention: one guarded ``transitions`` machine (Art. 2, 5, 9, 11, 12).

The eight states and the dated events of RULES.md run through **one** machine, built
once when this module is imported (from :func:`machine_definition`; no ``to_<state>``
shortcut exists, since it would bypass every guard). Each guard is a small named rule
of its article's module (:mod:`mgp_convention.articles`), wrapped as a :class:`Guard`
with its citation. Other tools use the typed API and never see ``transitions``:

- :meth:`Lifecycle.from_convention` replays a convention's events (a refused one raises
  :class:`~mgp_convention.errors.EventRefused` with its ``index``);
- :meth:`Lifecycle.apply` records one dated event, or refuses it — naming the event,
  the state, the article and the unmet condition — and then changes nothing;
- :meth:`Lifecycle.status` says where the convention stands **on a given date**, with
  the time-driven facts (ended the day after its end date; remedy deadline passed),
  the events possible next and why the others are not;
- :meth:`Lifecycle.check`, :meth:`Lifecycle.allowed_events`,
  :meth:`Lifecycle.refused_events` ask without changing anything.

How the one machine serves many conventions: it is built without a model, and each
event is triggered on the lifecycle's own plain record (``Event.trigger(record, …)``),
so no ``Machine`` is built per convention (see ``benchmarks/bench_lifecycle.py``).

>>> import datetime as dt
>>> from mgp_convention.events import FormalNoticeSent
>>> from mgp_convention.examples import example_convention
>>> lifecycle = Lifecycle.from_convention(example_convention())
>>> status = lifecycle.status(dt.date(2027, 2, 1))
>>> status.state, status.state.label_fr, status.effective_date
(<State.SIGNED: 'signed'>, 'signée', datetime.date(2026, 11, 19))
>>> status.allowed_events  # doctest: +NORMALIZE_WHITESPACE
('delay_reported', 'experiment_started', 'breach_recorded', 'amendment_signed',
 'termination:interruption')
>>> lifecycle.apply(FormalNoticeSent(dt.date(2027, 2, 1), letter_reference="LRAR 1"))
Traceback (most recent call last):
...
mgp_convention.errors.EventRefused: 'formal_notice_sent' refused in state 'signed': a formal notice is possible only in state in_breach (en manquement) (Art. 12 al. 2)
>>> lifecycle.status(dt.date(2028, 4, 1)).state  # the day after the end date
<State.ENDED: 'ended'>
"""  # noqa: E501

from __future__ import annotations

import datetime as dt
import enum
import functools
from collections.abc import Callable, Mapping
from typing import Any, Final, Generic, TypeVar

import attrs
from transitions import Machine, MachineError, Transition

from mgp_convention import diagram as _diagram
from mgp_convention.articles.art02_duration import (
    ART2_IN_FORCE,
    ART2_SIGNATURE,
    SIGNATORIES,
    effective_date,
    in_force_on,
    party_not_signed_yet,
)
from mgp_convention.articles.art05_calendar import ART5_DURATION, UsagePeriod, usage_period
from mgp_convention.articles.art05_delays import (
    ART5_NOT_READY,
    experiment_may_start,
    not_ready_termination,
)
from mgp_convention.articles.art09_sanctions import (
    ART9_HEARING,
    ART9_SANCTION,
    DEFAULT_SANCTION_OPTIONS,
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
from mgp_convention.articles.art12_indemnity import TerminationFacts
from mgp_convention.articles.art12_remedy import (
    DEFAULT_REMEDY_OPTIONS,
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
from mgp_convention.calendar import to_paris_date
from mgp_convention.citations import Citation
from mgp_convention.convention import Convention
from mgp_convention.errors import ConventionError, EventRefused
from mgp_convention.events import (
    AmendmentSigned,
    BreachRecorded,
    BreachRemedied,
    Changes,
    DelayCause,
    DelayReported,
    Event,
    ExperimentStarted,
    FormalNoticeSent,
    Ground,
    JustificationsExamined,
    Obligation,
    Party,
    RepresentativesHeard,
    Signature,
    Termination,
)
from mgp_convention.io import converter

__all__ = [
    "EVENT_TRIGGERS",
    "GUARDS",
    "TIME_TRIGGER",
    "TRIGGER_CITATIONS",
    "Guard",
    "HistoryEntry",
    "Lifecycle",
    "Refusal",
    "State",
    "Status",
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
        return self in _FINAL


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
_FINAL: Final = frozenset({State.TERMINATED, State.ENDED})
_BREACH_STATES: Final = frozenset({State.IN_BREACH, State.REMEDY_PERIOD})
_STATE_OF: Final[Mapping[str, State]] = {state.value: state for state in State}
# The machine knows states by their plain string value.
_DRAFT, _SIGNED, _DELAYED, _EXPERIMENTING = "draft", "signed", "delayed", "experimenting"
_IN_BREACH, _REMEDY, _TERMINATED, _ENDED = "in_breach", "remedy_period", "terminated", "ended"
_NON_FINAL: Final = (_DRAFT, _SIGNED, _DELAYED, _EXPERIMENTING, _IN_BREACH, _REMEDY)
_IN_FORCE: Final = (_SIGNED, _DELAYED, _EXPERIMENTING, _IN_BREACH, _REMEDY)
_BEFORE_BREACH: Final = (_SIGNED, _DELAYED, _EXPERIMENTING)


# --- the triggers: the event vocabulary, one trigger per termination ground ---------------

#: The termination trigger of each ground (``termination:breach``…).
_TERMINATION_TRIGGERS: Final[Mapping[Ground, str]] = {
    ground: f"termination:{ground.value}" for ground in Ground
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
_ABOUT: Final[Mapping[str, tuple[str, Citation]]] = {
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
    trigger: citation for trigger, (_, citation) in _ABOUT.items()
}


# --- the model transitions drives ----------------------------------------------------------


class _Record:
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
    check: Callable[[_Record, E], str | None] = attrs.field(repr=False)
    content: bool = False

    def __call__(self, record: _Record, event: E) -> bool:
        reason = self.check(record, event)
        if reason is None:
            return True
        record.refusal = (self, reason)
        return False


@attrs.frozen
class _Route:
    """A condition that chooses the destination (not a rule: it refuses nothing)."""

    name: str
    test: Callable[[_Record, Any], bool] = attrs.field(repr=False)

    def __call__(self, record: _Record, event: Any) -> bool:
        return self.test(record, event)


def _party_check(record: _Record, event: Signature) -> str | None:
    return party_not_signed_yet(event.party, record.signatures)


def _completes(record: _Record, event: Signature) -> bool:
    signed = record.signatures
    return all(party in signed or party is event.party for party in SIGNATORIES)


def _start_check(record: _Record, event: ExperimentStarted) -> str | None:
    return experiment_may_start(event.on, record.effective_date)


def _deadline_check(record: _Record, event: FormalNoticeSent) -> str | None:
    """Compute the remedy deadline once, when the notice is sent (kept if accepted)."""
    options = record.remedy_options
    try:
        if options.count_from == "receipt":
            options = attrs.evolve(options, received_on=event.received_on)
        record.pending_deadline = remedy_deadline(event.on, options)
    except ConventionError as err:
        return f"the remedy deadline cannot be computed: {err}"
    return None


def _remedy_check(record: _Record, event: BreachRemedied) -> str | None:
    return remedy_in_time(event.on, record.deadline_date, accepted_late=event.accepted_late)


def _amendment_check(record: _Record, event: AmendmentSigned) -> str | None:
    return amendment_acceptable(event.on, record.terms, event.changes)


def _interruption_check(_record: _Record, event: Termination) -> str | None:
    return interruption_reason_given(event.reason)


def _not_ready_check(record: _Record, event: Termination) -> str | None:
    return not_ready_termination(
        event.on,
        planned_start=record.terms.experiment.indicative_start,
        beneficiary_delay_recorded=record.beneficiary_delay,
    )


def _breach_check(record: _Record, event: Termination) -> str | None:
    return breach_deadline_passed(event.on, record.deadline_date)


def _steps_check(record: _Record, _event: Termination) -> str | None:
    return sanction_procedure_done(record.steps)


def _sanction_period_check(record: _Record, event: Termination) -> str | None:
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
        "states": [{"name": state.value, "final": state in _FINAL} for state in State],
        "transitions": transitions,
        "initial": _DRAFT,
        "auto_transitions": False,
        "send_event": False,
        "ignore_invalid_triggers": False,
    }


_MACHINE: Final = Machine(model=None, **machine_definition())


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


_TABLE: Final = _read_machine(_MACHINE)
_TRIGGERS_FROM: Final[Mapping[str, frozenset[str]]] = {
    state.value: frozenset(t for (t, source) in _TABLE if source == state.value) for state in State
}
_SOURCES: Final[Mapping[str, tuple[str, ...]]] = {
    trigger: tuple(s.value for s in State if (trigger, s.value) in _TABLE)
    for trigger in (*EVENT_TRIGGERS, TIME_TRIGGER)
}


# --- values the API returns ---------------------------------------------------------------


@attrs.frozen
class Refusal:
    """Why an event is refused: the trigger, the state, the unmet condition, the rule."""

    event: str
    state: State
    reason: str
    citation: Citation | None

    @property
    def article(self) -> str | None:
        """The rule's reference (``"Art. 12 al. 1"``), if any."""
        return None if self.citation is None else self.citation.label

    def error(self, index: int | None = None) -> EventRefused:
        """The package's error for this refusal (``index``: position in a file)."""
        return EventRefused(
            self.event, self.state.value, self.reason, article=self.article, index=index
        )

    def to_json(self) -> dict[str, Any]:
        """``{"event", "state", "reason", "article"}``."""
        return {
            "event": self.event,
            "state": self.state.value,
            "reason": self.reason,
            "article": self.article,
        }

    def __str__(self) -> str:
        return f"{self.event}: {self.reason}" + (f" ({self.article})" if self.article else "")


def _iso(day: dt.date | None) -> str | None:
    return None if day is None else day.isoformat()


@attrs.frozen
class HistoryEntry:
    """One applied event: its position, trigger, the state before and after.

    For an amendment (Art. 11), ``terms_before`` and ``terms_after`` keep both versions.
    """

    index: int
    event: Event
    trigger: str
    state_before: State
    state_after: State
    terms_before: Terms | None = None
    terms_after: Terms | None = None

    def to_json(self) -> dict[str, Any]:
        """The entry as JSON: the event as in a file, the states, the amended fields."""
        data: dict[str, Any] = {
            "index": self.index,
            "type": self.event.type,
            "on": self.event.on.isoformat(),
            "trigger": self.trigger,
            "state_before": self.state_before.value,
            "state_after": self.state_after.value,
            "event": converter.unstructure(self.event, unstructure_as=Event),
        }
        if isinstance(self.event, AmendmentSigned) and self.terms_before is not None:
            data["terms_before"] = converter.unstructure(
                self.terms_before.changed_fields(self.event.changes)
            )
            after = self.terms_after if self.terms_after is not None else self.terms_before
            data["terms_after"] = converter.unstructure(after.changed_fields(self.event.changes))
        return data


@attrs.frozen
class Status:
    """Where a convention stands on the date ``on``.

    ``state`` includes the time-driven facts: ``ended`` from the day after the end date
    (as amended); ``remedy_deadline_passed`` once the remedy period has run out.
    ``remembered_state``: where a remedy leads back to, during a breach.
    ``remedy_deadline``: the open breach's deadline, once the formal notice is sent.
    ``art9_steps``: the Art. 9 steps done for the open breach, with their dates.
    ``usage_period``: once the experiment has started (Art. 5).
    ``allowed_events`` / ``refused_events``: what can happen on ``on`` (assuming a
    well-formed event: a party that has not signed, a stated reason…) and why the rest
    cannot.
    """

    on: dt.date
    state: State
    effective_date: dt.date | None
    end_date: dt.date
    remembered_state: State | None
    breach: BreachRecorded | None
    remedy_deadline: RemedyDeadline | None
    remedy_deadline_passed: bool
    art9_steps: Mapping[Art9Step, dt.date]
    experiment_started_on: dt.date | None
    usage_period: UsagePeriod | None
    termination: Termination | None
    allowed_events: tuple[str, ...]
    refused_events: tuple[Refusal, ...]
    history: tuple[HistoryEntry, ...]

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict: dates as ``YYYY-MM-DD``, ``null`` when absent."""
        deadline = self.remedy_deadline
        breach = self.breach
        termination = self.termination
        return {
            "on": self.on.isoformat(),
            "state": self.state.value,
            "state_label_fr": self.state.label_fr,
            "final": self.state.final,
            "effective_date": _iso(self.effective_date),
            "end_date": self.end_date.isoformat(),
            "remembered_state": None
            if self.remembered_state is None
            else self.remembered_state.value,
            "breach": None
            if breach is None
            else {
                "on": breach.on.isoformat(),
                "obligation": breach.obligation.value,
                "impedes_experiment": breach.impedes_experiment,
                "details": breach.details,
            },
            "remedy_deadline": None if deadline is None else deadline.expires_on.isoformat(),
            "remedy_deadline_passed": self.remedy_deadline_passed,
            "remedy": None if deadline is None else deadline.to_json(),
            "art9_steps": {step.value: day.isoformat() for step, day in self.art9_steps.items()},
            "experiment_started_on": _iso(self.experiment_started_on),
            "usage_period": None if self.usage_period is None else self.usage_period.to_json(),
            "termination": None
            if termination is None
            else {
                "on": termination.on.isoformat(),
                "ground": termination.ground.value,
                "reason": termination.reason,
            },
            "allowed_events": list(self.allowed_events),
            "refused_events": [refusal.to_json() for refusal in self.refused_events],
            "history": [entry.to_json() for entry in self.history],
        }


# --- refusals that depend only on the state (built once) ----------------------------------


def _names(states: tuple[str, ...]) -> str:
    return " or ".join(f"{s} ({_STATE_OF[s].label_fr})" for s in states)


#: Why a final state is final: the termination (Art. 12 al. 1), the end date (Art. 2).
_FINAL_CITATIONS: Final[Mapping[State, Citation]] = {
    State.TERMINATED: ART12_TERMINATION,
    State.ENDED: ART2_IN_FORCE,
}


def _static_refusal(trigger: str, state: State) -> Refusal:
    about, citation = _ABOUT[trigger]
    if state.final:
        citation = _FINAL_CITATIONS[state]
        reason = (
            f"the convention is {state.value} ({state.label_fr}), a final state: nothing can "
            "be recorded after it"
        )
    else:
        reason = f"{about} is possible only in state {_names(_SOURCES[trigger])}"
    return Refusal(trigger, state, reason, citation)


_STATIC_REFUSALS: Final[Mapping[tuple[str, State], Refusal]] = {
    (trigger, state): _static_refusal(trigger, state)
    for trigger in EVENT_TRIGGERS
    for state in State
    if state.final or trigger not in _TRIGGERS_FROM[state.value]
}
_FINAL_REFUSALS: Final[Mapping[State, tuple[Refusal, ...]]] = {
    state: tuple(_STATIC_REFUSALS[(t, state)] for t in EVENT_TRIGGERS) for state in _FINAL
}

# What to ask, state by state, to list the events possible on a date: each trigger is
# refused by the state alone (its refusal), open whatever the date (no rules), or open
# when one of its transitions passes its situation rules (the rules of each transition;
# routes and rules on the event's own content are left out: a well-formed event is
# assumed).
_Plan = tuple[tuple[str, Refusal | None, tuple[tuple[Guard[Any], ...], ...]], ...]


def _plan(state: State) -> _Plan:
    entries: list[tuple[str, Refusal | None, tuple[tuple[Guard[Any], ...], ...]]] = []
    for trigger in EVENT_TRIGGERS:
        static = _STATIC_REFUSALS.get((trigger, state))
        rules: tuple[tuple[Guard[Any], ...], ...] = ()
        if static is None:
            rules = tuple(
                tuple(f for f, _ in conditions if isinstance(f, Guard) and not f.content)
                for conditions in _TABLE[(trigger, state.value)]
            )
            if not all(rules):  # a transition with no situation rule is always open
                rules = ()
        entries.append((trigger, static, rules))
    return tuple(entries)


_PLANS: Final[Mapping[State, _Plan]] = {state: _plan(state) for state in State}


#: The changes of the amendment used as a probe (its content is not judged by a probe).
_NO_CHANGE: Final = Changes(market_beneficiaries=1)


@functools.lru_cache(maxsize=4096)
def _probe(trigger: str, on: dt.date) -> Event:
    """A well-formed event of ``trigger`` dated ``on``, to ask what is possible on a date."""
    if trigger.startswith("termination:"):
        return Termination(on, ground=Ground(trigger.partition(":")[2]))
    factories: Mapping[str, Callable[[], Event]] = {
        "signature": lambda: Signature(on, party=Party.METROPOLE),
        "delay_reported": lambda: DelayReported(on, cause=DelayCause.BENEFICIARY),
        "experiment_started": lambda: ExperimentStarted(on),
        "breach_recorded": lambda: BreachRecorded(
            on, obligation=Obligation.ATTEND_MEETINGS, impedes_experiment=False
        ),
        "formal_notice_sent": lambda: FormalNoticeSent(on, letter_reference="-"),
        "breach_remedied": lambda: BreachRemedied(on),
        "justifications_examined": lambda: JustificationsExamined(on),
        "representatives_heard": lambda: RepresentativesHeard(on),
        "amendment_signed": lambda: AmendmentSigned(on, changes=_NO_CHANGE),
    }
    return factories[trigger]()


#: Art. 5 usage periods, by experiment terms and start date: the conventions of one
#: market share their experiment, and a status is asked again and again.
_usage_period: Final = functools.lru_cache(maxsize=4096)(usage_period)


# --- effects of an accepted event ----------------------------------------------------------


def _on_signature(record: _Record, event: Any, _before: str) -> None:
    record.signatures[event.party] = event.on
    record.effective_date = effective_date(record.signatures)


def _on_delay(record: _Record, event: Any, _before: str) -> None:
    if event.cause is DelayCause.BENEFICIARY:
        record.beneficiary_delay = True


def _on_start(record: _Record, event: Any, _before: str) -> None:
    record.started_on = event.on


def _on_breach(record: _Record, event: Any, before: str) -> None:
    record.breach = event
    record.remembered = before
    record.deadline = None
    record.steps = {}


def _on_notice(record: _Record, _event: Any, _before: str) -> None:
    record.deadline = record.pending_deadline


def _on_remedy(record: _Record, _event: Any, _before: str) -> None:
    if record.breach is not None:  # pragma: no branch - the state guarantees a breach
        record.last_remedied = (record.breach, record.deadline)
    record.breach = None
    record.remembered = None
    record.deadline = None
    record.steps = {}


def _on_step(record: _Record, event: Any, _before: str) -> None:
    record.steps.setdefault(Art9Step(event.type), event.on)


def _on_amendment(record: _Record, event: Any, _before: str) -> None:
    record.terms = record.terms.amended(event.changes, event.on)
    record.versions.append(record.terms)


def _on_termination(record: _Record, event: Any, _before: str) -> None:
    record.termination = event


_EFFECTS: Final[Mapping[str, Callable[[_Record, Any, str], None]]] = {
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


def _unknown(event: Event, record: _Record) -> Refusal:
    name = type(event).__name__
    return Refusal(
        event.type or name,
        _STATE_OF[record.state],
        f"{name} is not an event of the convention's lifecycle",
        None,
    )


def _situation_failure(
    record: _Record, guards: tuple[tuple[Guard[Any], ...], ...], probe: Event
) -> tuple[Guard[Any], str] | None:
    """The first unmet situation rule, or ``None`` when one of the transitions (each
    given by its situation rules) is open on the probe's date."""
    first: tuple[Guard[Any], str] | None = None
    for rules in guards:
        for guard in rules:
            reason = guard.check(record, probe)
            if reason is not None:
                first = first or (guard, reason)
                break
        else:
            return None
    return first


# --- the lifecycle -------------------------------------------------------------------------


class Lifecycle:
    """The life of one convention: its events, state and facts, on the package's machine.

    ``Lifecycle(convention)`` starts in ``draft`` with no event applied (the
    convention's own ``events`` are ignored); :meth:`from_convention` replays them.
    ``remedy_options``: how the Art. 12 al. 2 period is counted;
    ``sanction_options``: how Art. 9 is read (see their modules).
    """

    def __init__(
        self,
        convention: Convention,
        *,
        remedy_options: RemedyOptions = DEFAULT_REMEDY_OPTIONS,
        sanction_options: SanctionOptions = DEFAULT_SANCTION_OPTIONS,
    ) -> None:
        self.convention = convention
        self.remedy_options = remedy_options
        self.sanction_options = sanction_options
        self._record = _Record(Terms.of(convention), remedy_options, sanction_options)
        # The package's one machine (the benchmark swaps in one per convention, to compare).
        self._machine: Machine = _MACHINE

    @classmethod
    def from_convention(
        cls,
        convention: Convention,
        *,
        remedy_options: RemedyOptions = DEFAULT_REMEDY_OPTIONS,
        sanction_options: SanctionOptions = DEFAULT_SANCTION_OPTIONS,
    ) -> Lifecycle:
        """Replay ``convention.events`` in order; a refused one raises
        :class:`EventRefused` with ``index`` set to its position in the list."""
        lifecycle = cls(
            convention, remedy_options=remedy_options, sanction_options=sanction_options
        )
        for index, event in enumerate(convention.events):
            lifecycle._apply(event, index)
        return lifecycle

    # -- what it holds --

    @property
    def state(self) -> State:
        """The state after the last applied event (without the time-driven facts)."""
        return _STATE_OF[self._record.state]

    @property
    def history(self) -> tuple[HistoryEntry, ...]:
        """Every applied event, in order, with the state before and after."""
        return tuple(self._record.history)

    @property
    def terms(self) -> Terms:
        """The convention's terms as amended by every amendment applied (Art. 11)."""
        return self._record.terms

    def terms_on(self, on: dt.date) -> Terms:
        """The terms in force on ``on``: amendments apply from their date on (Art. 11)."""
        on = to_paris_date(on, field="on")
        found = self._record.versions[0]
        for version in self._record.versions[1:]:
            if version.since is not None and version.since <= on:
                found = version
        return found

    @property
    def effective_date(self) -> dt.date | None:
        """The date the convention took effect: its last signature (Art. 2)."""
        return self._record.effective_date

    @property
    def remedy_deadline(self) -> RemedyDeadline | None:
        """The open breach's remedy deadline, once its formal notice is sent."""
        return self._record.deadline

    # -- applying events --

    def apply(self, event: Event) -> HistoryEntry:
        """Record ``event``, or raise :class:`EventRefused` and change nothing."""
        return self._apply(event, None)

    def _apply(self, event: Event, index: int | None) -> HistoryEntry:
        record = self._record
        trigger = trigger_of(event)
        if trigger is None:
            raise _unknown(event, record).error(index)
        refusal = self._precheck(trigger, event)
        if refusal is not None:
            raise refusal.error(index)
        before = record.state
        terms_before = record.terms
        try:
            done = self._machine.events[trigger].trigger(record, record, event)
        except MachineError as err:  # pragma: no cover - _precheck checks the source first
            raise EventRefused(trigger, before, str(err.value), index=index) from None
        if not done:
            failed = record.refusal
            record.refusal = None
            record.pending_deadline = None
            reason, citation = (
                (failed[1], failed[0].citation) if failed is not None else ("refused", None)
            )
            raise Refusal(trigger, _STATE_OF[before], reason, citation).error(index)
        _EFFECTS[trigger](record, event, before)
        record.pending_deadline = None
        record.last_on = event.on
        amended = trigger == "amendment_signed"
        entry = HistoryEntry(
            len(record.history),
            event,
            trigger,
            _STATE_OF[before],
            _STATE_OF[record.state],
            terms_before if amended else None,
            record.terms if amended else None,
        )
        record.history.append(entry)
        return entry

    def _precheck(self, trigger: str, event: Event) -> Refusal | None:
        """The refusals that do not depend on the guards: order, final state, end date."""
        record = self._record
        state = _STATE_OF[record.state]
        if record.last_on is not None and event.on < record.last_on:
            return Refusal(
                trigger,
                state,
                f"it is dated {event.on.isoformat()}, before the last recorded event "
                f"({record.last_on.isoformat()}): events are recorded in date order",
                None,
            )
        if not state.final:
            ended = in_force_on(event.on, record.terms.end_date)
            if ended is not None:
                return Refusal(trigger, State.ENDED, ended, ART2_IN_FORCE)
        return _STATIC_REFUSALS.get((trigger, state))

    def check(self, event: Event) -> Refusal | None:
        """Why ``event`` would be refused now, or ``None`` if it would be applied.

        Runs the same guards as the machine, in the same order; changes nothing.
        """
        record = self._record
        trigger = trigger_of(event)
        if trigger is None:
            return _unknown(event, record)
        refusal = self._precheck(trigger, event)
        if refusal is not None:
            return refusal
        state = record.state
        first: Refusal | None = None
        try:
            for conditions in _TABLE[(trigger, state)]:
                for func, target in conditions:
                    if func(record, event) != target:
                        failed = record.refusal
                        record.refusal = None
                        if failed is not None and first is None:
                            first = Refusal(
                                trigger, _STATE_OF[state], failed[1], failed[0].citation
                            )
                        break
                else:
                    return None
        finally:
            record.refusal = None
            record.pending_deadline = None
        return first

    # -- asking on a date --

    def _effective_state(self, on: dt.date) -> State:
        record = self._record
        state = _STATE_OF[record.state]
        if not state.final and on > record.terms.end_date:
            return State.ENDED
        return state

    def _possibilities(
        self, on: dt.date, state: State
    ) -> tuple[tuple[str, ...], tuple[Refusal, ...]]:
        if state.final:
            return (), _FINAL_REFUSALS[state]
        record = self._record
        allowed: list[str] = []
        refused: list[Refusal] = []
        for trigger, static, rules in _PLANS[state]:
            if static is not None:
                refused.append(static)
                continue
            failure = _situation_failure(record, rules, _probe(trigger, on)) if rules else None
            if failure is None:
                allowed.append(trigger)
            else:
                refused.append(Refusal(trigger, state, failure[1], failure[0].citation))
        return tuple(allowed), tuple(refused)

    def allowed_events(self, on: dt.date) -> tuple[str, ...]:
        """The triggers possible on ``on`` (``termination:<ground>`` per ground)."""
        return self.status(on).allowed_events

    def refused_events(self, on: dt.date) -> tuple[Refusal, ...]:
        """The triggers not possible on ``on``, each with why."""
        return self.status(on).refused_events

    def status(self, on: dt.date) -> Status:
        """Where the convention stands on ``on`` (a date, or an aware datetime).

        For a date before the last recorded event, the events up to that date are
        replayed: the answer is the status as it was on that day.
        """
        on = to_paris_date(on, field="on")
        record = self._record
        if record.last_on is not None and on < record.last_on:
            return self._until(on).status(on)
        state = self._effective_state(on)
        allowed, refused = self._possibilities(on, state)
        deadline = record.deadline
        remembered = record.remembered
        started = record.started_on
        return Status(
            on=on,
            state=state,
            effective_date=record.effective_date,
            end_date=record.terms.end_date,
            remembered_state=None
            if remembered is None or state not in _BREACH_STATES
            else _STATE_OF[remembered],
            breach=record.breach,
            remedy_deadline=deadline,
            remedy_deadline_passed=deadline is not None and on > deadline.expires_on,
            art9_steps=dict(record.steps),
            experiment_started_on=started,
            usage_period=None
            if started is None
            else _usage_period(record.terms.experiment, started),
            termination=record.termination,
            allowed_events=allowed,
            refused_events=refused,
            history=tuple(record.history),
        )

    def _until(self, on: dt.date) -> Lifecycle:
        """A lifecycle with the events dated up to ``on`` (included)."""
        earlier = Lifecycle(
            self.convention,
            remedy_options=self.remedy_options,
            sanction_options=self.sanction_options,
        )
        for entry in self._record.history:
            if entry.event.on > on:
                break
            earlier._apply(entry.event, entry.index)
        return earlier

    def termination_facts(self) -> TerminationFacts:
        """The facts the Art. 12 al. 3 indemnity depends on (:mod:`.art12_indemnity`).

        The breach considered is the open one (not remedied), else the last remedied one
        (in time, or accepted late by the Métropole, which counts as in time).
        """
        record = self._record
        termination = record.termination
        breach: BreachRecorded | None = record.breach
        deadline = record.deadline
        remedied = False
        if breach is None and record.last_remedied is not None:
            (breach, deadline), remedied = record.last_remedied, True
        return TerminationFacts(
            ground=None if termination is None else termination.ground,
            terminated_on=None if termination is None else termination.on,
            breach_impedes_experiment=None if breach is None else breach.impedes_experiment,
            remedied_in_time=remedied,
            remedy_deadline=None if deadline is None else deadline.expires_on,
        )


# --- the picture, read from the machine -------------------------------------------------------


def diagram() -> _diagram.Diagram:
    """The machine's states and transitions, with their guards' names, to draw."""
    machine = _MACHINE
    nodes = tuple(
        _diagram.Node(
            name,
            _STATE_OF[name].label_fr,
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
