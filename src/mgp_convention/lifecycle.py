"""The lifecycle of a convention: one guarded ``transitions`` machine (Art. 2, 5, 9, 11, 12).

The eight states and the dated events of RULES.md run through **one** machine, built
once at import by :mod:`mgp_convention.machine` (from :func:`machine_definition`; no
``to_<state>`` shortcut exists, since it would bypass every guard). Each guard is a
small named rule of its article's module (:mod:`mgp_convention.articles`), wrapped as a
:class:`Guard` with its citation. Other tools use this module's typed API and never see
``transitions``:

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
import functools
from collections.abc import Callable, Mapping
from typing import Any, Final

import attrs
from transitions import Machine, MachineError

from mgp_convention.articles.art02_duration import (
    ART2_IN_FORCE,
    in_force_on,
)
from mgp_convention.articles.art05_calendar import UsagePeriod, usage_period
from mgp_convention.articles.art09_sanctions import (
    DEFAULT_SANCTION_OPTIONS,
    Art9Step,
    SanctionOptions,
)
from mgp_convention.articles.art11_amendments import (
    Terms,
)
from mgp_convention.articles.art12_indemnity import TerminationFacts
from mgp_convention.articles.art12_remedy import (
    DEFAULT_REMEDY_OPTIONS,
    RemedyDeadline,
    RemedyOptions,
)
from mgp_convention.articles.art12_termination import (
    ART12_TERMINATION,
)
from mgp_convention.calendar import to_paris_date
from mgp_convention.citations import Citation
from mgp_convention.convention import Convention
from mgp_convention.errors import EventRefused
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
from mgp_convention.machine import (
    ABOUT,
    BREACH_STATES,
    EFFECTS,
    EVENT_TRIGGERS,
    FINAL_STATES,
    GUARDS,
    MACHINE,
    SOURCES,
    STATE_OF,
    TABLE,
    TIME_TRIGGER,
    TRIGGER_CITATIONS,
    TRIGGERS_FROM,
    Guard,
    Record,
    State,
    diagram,
    dot,
    machine_definition,
    mermaid,
    trigger_of,
)

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
    return " or ".join(f"{s} ({STATE_OF[s].label_fr})" for s in states)


#: Why a final state is final: the termination (Art. 12 al. 1), the end date (Art. 2).
_FINAL_CITATIONS: Final[Mapping[State, Citation]] = {
    State.TERMINATED: ART12_TERMINATION,
    State.ENDED: ART2_IN_FORCE,
}


def _static_refusal(trigger: str, state: State) -> Refusal:
    about, citation = ABOUT[trigger]
    if state.final:
        citation = _FINAL_CITATIONS[state]
        reason = (
            f"the convention is {state.value} ({state.label_fr}), a final state: nothing can "
            "be recorded after it"
        )
    else:
        reason = f"{about} is possible only in state {_names(SOURCES[trigger])}"
    return Refusal(trigger, state, reason, citation)


_STATIC_REFUSALS: Final[Mapping[tuple[str, State], Refusal]] = {
    (trigger, state): _static_refusal(trigger, state)
    for trigger in EVENT_TRIGGERS
    for state in State
    if state.final or trigger not in TRIGGERS_FROM[state.value]
}
_FINAL_REFUSALS: Final[Mapping[State, tuple[Refusal, ...]]] = {
    state: tuple(_STATIC_REFUSALS[(t, state)] for t in EVENT_TRIGGERS) for state in FINAL_STATES
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
                for conditions in TABLE[(trigger, state.value)]
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


def _unknown(event: Event, record: Record) -> Refusal:
    name = type(event).__name__
    return Refusal(
        event.type or name,
        STATE_OF[record.state],
        f"{name} is not an event of the convention's lifecycle",
        None,
    )


def _situation_failure(
    record: Record, guards: tuple[tuple[Guard[Any], ...], ...], probe: Event
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
        self._record = Record(Terms.of(convention), remedy_options, sanction_options)
        # The package's one machine (the benchmark swaps in one per convention, to compare).
        self._machine: Machine = MACHINE

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
        return STATE_OF[self._record.state]

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
            raise Refusal(trigger, STATE_OF[before], reason, citation).error(index)
        EFFECTS[trigger](record, event, before)
        record.pending_deadline = None
        record.last_on = event.on
        amended = trigger == "amendment_signed"
        entry = HistoryEntry(
            len(record.history),
            event,
            trigger,
            STATE_OF[before],
            STATE_OF[record.state],
            terms_before if amended else None,
            record.terms if amended else None,
        )
        record.history.append(entry)
        return entry

    def _precheck(self, trigger: str, event: Event) -> Refusal | None:
        """The refusals that do not depend on the guards: order, final state, end date."""
        record = self._record
        state = STATE_OF[record.state]
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
            for conditions in TABLE[(trigger, state)]:
                for func, target in conditions:
                    if func(record, event) != target:
                        failed = record.refusal
                        record.refusal = None
                        if failed is not None and first is None:
                            first = Refusal(trigger, STATE_OF[state], failed[1], failed[0].citation)
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
        state = STATE_OF[record.state]
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
            if remembered is None or state not in BREACH_STATES
            else STATE_OF[remembered],
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

    def termination_facts(self, on: dt.date | None = None) -> TerminationFacts:
        """The facts the Art. 12 al. 3 indemnity depends on (:mod:`.art12_indemnity`).

        With ``on``, as they stood that day (the events dated up to ``on``); without it,
        after every applied event. The breach considered is the open one (not remedied),
        else the last remedied one (in time, or accepted late by the Métropole, which
        counts as in time).
        """
        last_on = self._record.last_on
        if on is not None and last_on is not None and on < last_on:
            return self._until(on).termination_facts()
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
