"""The lifecycle of a convention: the typed API over the package's one machine.

The eleven states and the dated events of RULES.md (version 2) run through **one**
``transitions`` machine (:mod:`mgp_convention.machine`); each rule is a guard of its
article's module (:mod:`mgp_convention.articles`). Other tools use this module and never
see ``transitions``:

- :meth:`Lifecycle.from_convention` replays a convention's events (a refused one raises
  :class:`~mgp_convention.errors.EventRefused` with its ``index``);
- :meth:`Lifecycle.apply` records one dated event, or refuses it — naming the event,
  the state, the article and the unmet condition — and then changes nothing;
- :meth:`Lifecycle.status` says where the convention stands **on a given date**: the
  time-driven facts (the planned start passed, a termination's effective date, the end
  date), every breach with its own deadline, the events still to come (*pending*), the
  advisories, what can happen next and why the rest cannot;
- :meth:`Lifecycle.check` asks without changing anything.

How a date is asked: the events dated up to that date are applied, then the machine's
time-driven triggers are fired for it on a copy of the facts, never on the lifecycle's
own record.

>>> import datetime as dt
>>> from mgp_convention.events import FormalNoticeSent
>>> from mgp_convention.examples import example_convention
>>> lifecycle = Lifecycle.from_convention(example_convention())
>>> status = lifecycle.status(dt.date(2027, 2, 1))
>>> status.state, status.state.label("fr"), status.effective_date
(<State.SIGNED: 'signed'>, 'signée', datetime.date(2026, 11, 19))
>>> lifecycle.status(dt.date(2027, 3, 2)).state  # the day after the planned start
<State.DELAYED: 'delayed'>
>>> lifecycle.apply(FormalNoticeSent(dt.date(2027, 2, 1), letter_reference="LRAR 1"))
Traceback (most recent call last):
...
mgp_convention.errors.EventRefused: cannot record a formal notice (state: signed): no breach is open: name the breach this event concerns
>>> lifecycle.status(dt.date(2028, 4, 1)).state  # the day after the end date
<State.ENDED: 'ended'>
"""  # noqa: E501

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Final

import attrs

from mgp_convention.articles.art02_duration import (
    ART2_IN_FORCE,
    ART2_SIGNATURE,
    SIGNATORIES,
    ended_refusal,
    not_concluded_refusal,
)
from mgp_convention.articles.art03_procurement import ART3_PROCUREMENT
from mgp_convention.articles.art05_calendar import ART5_DURATION, usage_period
from mgp_convention.articles.art05_delays import (
    ART5_NOT_READY,
    DEFAULT_NOT_READY_OPTIONS,
    NotReadyOptions,
)
from mgp_convention.articles.art09_sanctions import (
    ART9_HEARING,
    ART9_STOP,
    DEFAULT_SANCTION_OPTIONS,
    SanctionOptions,
)
from mgp_convention.articles.art11_amendments import ART11_AMENDMENT, Terms
from mgp_convention.articles.art12_indemnity_facts import (
    BreachFacts,
    DecidedTermination,
    TerminationFacts,
)
from mgp_convention.articles.art12_remedy import (
    ART12_REMEDY,
    DEFAULT_REMEDY_OPTIONS,
    RemedyDeadline,
    RemedyOptions,
)
from mgp_convention.articles.art12_termination import (
    ART12_TERMINATION,
    GROUND_CITATIONS,
    may_terminate,
)
from mgp_convention.calendar import to_paris_date
from mgp_convention.citations import Citation
from mgp_convention.convention import Convention
from mgp_convention.events import (
    AmendmentSigned,
    BeneficiaryReady,
    BreachEvent,
    BreachRecorded,
    BreachRemedied,
    Changes,
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
from mgp_convention.i18n import N_, Lang, Message
from mgp_convention.machine import (
    EVENT_TRIGGERS,
    MACHINE,
    TIME_PASSES,
    TRIGGERS_FROM,
    Options,
    Record,
    Tick,
    Trigger,
    trigger_of,
)
from mgp_convention.states import BREACH_STATES, STATE_OF, State
from mgp_convention.values import HistoryEntry, Refusal, Status, TerminationStatus

__all__ = ["Lifecycle", "Options"]

#: The article that says when each trigger can happen (for a refusal by state).
_TRIGGER_CITATIONS: Final[dict[str, Citation]] = {
    "signature": ART2_SIGNATURE,
    "delay_reported": ART5_NOT_READY,
    "beneficiary_ready": ART5_NOT_READY,
    "experiment_started": ART5_DURATION,
    "breach_recorded": ART12_TERMINATION,
    "formal_notice_sent": ART12_REMEDY,
    "breach_remedied": ART12_REMEDY,
    "justifications_examined": ART9_HEARING,
    "representatives_heard": ART9_HEARING,
    "experiment_stopped": ART9_STOP,
    "procurement_unsuccessful": ART3_PROCUREMENT,
    "amendment_signed": ART11_AMENDMENT,
    **{f"termination:{ground.value}": GROUND_CITATIONS[ground] for ground in Ground},
}


def _advance(record: Record, on: dt.date) -> None:
    """Fire the time-driven triggers on ``record`` for the date ``on`` (in place)."""
    tick = Tick(on)
    while TIME_PASSES in TRIGGERS_FROM[record.state]:
        if not MACHINE.events[TIME_PASSES].trigger(record, record, tick):
            return


def _final_refusal(record: Record, trigger: str) -> Refusal:
    """Why nothing can be recorded in a final state."""
    state = STATE_OF[record.state]
    what = Trigger(trigger)
    if state is State.ENDED:
        return Refusal(trigger, state, ended_refusal(record.terms.end_date), ART2_IN_FORCE, what)
    if state is State.NOT_CONCLUDED:
        reason = not_concluded_refusal(record.terms.end_date)
        return Refusal(trigger, state, reason, ART2_SIGNATURE, what)
    if state is State.LAPSED:
        reason = Message(N_("the procurement was definitively unsuccessful: the convention lapsed"))
        return Refusal(trigger, state, reason, ART3_PROCUREMENT, what)
    termination = record.termination
    assert termination is not None  # noqa: S101 - terminated by a termination
    reason = Message(
        N_(
            "the convention was terminated (decided on {on}, in effect from {effective}): "
            "nothing can be recorded after it"
        ),
        {"on": termination.on, "effective": termination.takes_effect_on},
    )
    return Refusal(trigger, state, reason, GROUND_CITATIONS[termination.ground], what)


def _state_refusal(record: Record, trigger: str) -> Refusal:
    """Why ``trigger`` cannot run in the record's state, read from the machine."""
    state = STATE_OF[record.state]
    if state.final:
        return _final_refusal(record, trigger)
    sources = [State(name) for name in MACHINE.events[trigger].transitions]
    reason = Message(
        N_("{what} is possible only in these states: {states}"),
        {"what": Trigger(trigger), "states": _StateList(tuple(sources))},
    )
    return Refusal(trigger, state, reason, _TRIGGER_CITATIONS[trigger], Trigger(trigger))


@attrs.frozen
class _StateList:
    """A list of states said in a language (« signée, en retard »)."""

    states: tuple[State, ...]

    def label(self, lang: Lang) -> str:
        return ", ".join(state.label(lang) for state in self.states)


def _resolve(record: Record, event: Event, trigger: str) -> tuple[Event, Refusal | None]:
    """The event with its breach label filled in (RULES.md, "Breaches": a breach's label
    defaults to ``B1``, ``B2``… in order of recording; the events that concern a breach
    may leave it out only when exactly one breach is open)."""
    if not isinstance(event, BreachEvent):
        return event, None
    if isinstance(event, BreachRecorded):
        if event.breach is not None:
            return event, None
        return attrs.evolve(event, breach=f"B{len(record.breaches) + 1}"), None
    if isinstance(event, Termination) and (
        not event.ground.names_breach or not may_terminate(event.ground, event.by)
    ):
        # A party that may not use the ground is refused for that, naming its article,
        # whatever breach it names (RULES.md, "Who may terminate").
        return event, None
    state = STATE_OF[record.state]
    if event.breach is not None:
        if event.breach in record.breaches:
            return event, None
        known = ", ".join(record.breaches) or "—"
        reason = Message(
            N_("no breach labelled {breach} is recorded (recorded: {known})"),
            {"breach": event.breach, "known": known},
        )
        return event, Refusal(trigger, state, reason, None, Trigger(trigger))
    open_breaches = record.open_breaches
    if isinstance(event, Termination) and event.ground is Ground.NOT_READY:
        # Filled in only when the one open breach is a ready_on_planned_date one; else the
        # ground's guard says why (or, under NotReadyOptions(notice_required=False), reads
        # Art. 5 al. 3 without a breach).
        ready = [
            b for b in open_breaches if b.recorded.obligation is Obligation.READY_ON_PLANNED_DATE
        ]
        if len(open_breaches) != 1 or len(ready) != 1:
            return event, None
    if isinstance(event, Termination) and event.by is TerminatedBy.JUDGE:
        # A judgment states what it decides: it names the one open breach, or none.
        if len(open_breaches) == 1:
            return attrs.evolve(event, breach=open_breaches[0].label), None
        return event, None
    if len(open_breaches) == 1:
        return attrs.evolve(event, breach=open_breaches[0].label), None
    if not open_breaches:
        reason = Message(N_("no breach is open: name the breach this event concerns"))
    else:
        reason = Message(
            N_("{count} breaches are open ({labels}): name the one this event concerns"),
            {"count": len(open_breaches), "labels": ", ".join(b.label for b in open_breaches)},
        )
    return event, Refusal(trigger, state, reason, None, Trigger(trigger))


def _attempt(
    record: Record, event: Event, *, in_place: bool = False
) -> tuple[Refusal | None, Record, HistoryEntry | None]:
    """Try ``event`` on a copy of ``record``: the refusal, or the changed copy and the
    history entry. ``record`` itself is never changed — unless ``in_place``, for a
    replay whose record is thrown away when an event is refused."""
    trigger = trigger_of(event)
    state = STATE_OF[record.state]
    if trigger is None:
        reason = Message(
            N_("{name} is not an event of the convention's lifecycle"),
            {"name": type(event).__name__},
        )
        return Refusal(type(event).__name__, state, reason, None), record, None
    if record.last_on is not None and event.on < record.last_on:
        reason = Message(
            N_(
                "it is dated {on}, before the last recorded event ({last}): events are "
                "recorded in date order"
            ),
            {"on": event.on, "last": record.last_on},
        )
        return Refusal(trigger, state, reason, None, Trigger(trigger)), record, None
    twin = record if in_place else record.copy()
    _advance(twin, event.on)
    if STATE_OF[twin.state].final:
        return _final_refusal(twin, trigger), record, None
    event, refusal = _resolve(twin, event, trigger)
    if refusal is not None:
        return refusal, record, None
    if trigger not in TRIGGERS_FROM[twin.state]:
        return _state_refusal(twin, trigger), record, None
    before, terms_before = STATE_OF[twin.state], twin.terms
    if not MACHINE.events[trigger].trigger(twin, twin, event):
        failed = twin.refusal
        reason = failed[1] if failed is not None else Message(N_("no rule allows it in this state"))
        citation = failed[0].citation if failed is not None else None
        return Refusal(trigger, before, reason, citation, Trigger(trigger)), record, None
    amended = isinstance(event, AmendmentSigned)
    entry = HistoryEntry(
        len(twin.history),
        event,
        trigger,
        before,
        STATE_OF[twin.state],
        terms_before if amended else None,
        twin.terms if amended else None,
        tuple(twin.advisories),
    )
    twin.history = (*twin.history, entry)
    twin.last_on = event.on
    twin.advisories = []
    twin.refusal = None
    twin.deadline = None
    return None, twin, entry


# --- what is possible on a date: probes, tried on copies ----------------------------------


def _fresh_label(record: Record) -> str:
    number = len(record.breaches) + 1
    while f"B{number}" in record.breaches:
        number += 1
    return f"B{number}"


def _probes(record: Record, trigger: str, on: dt.date) -> Iterator[Event]:
    """Well-formed events of ``trigger`` dated ``on``, to ask what is possible that day
    (for a breach event, one per breach recorded; for a termination, by the party that
    may use the ground, with a stated reason)."""
    labels: list[str | None] = [*record.breaches, None]
    if trigger == "signature":
        yield from (Signature(on, party=p) for p in SIGNATORIES if p not in record.signatures)
        if all(p in record.signatures for p in SIGNATORIES):
            yield Signature(on, party=Party.METROPOLE)
    elif trigger == "delay_reported":
        yield DelayReported(on, cause=DelayCause.BENEFICIARY)
    elif trigger == "beneficiary_ready":
        yield BeneficiaryReady(on)
    elif trigger == "experiment_started":
        yield ExperimentStarted(on)
    elif trigger == "breach_recorded":
        fresh = _fresh_label(record)
        yield BreachRecorded(
            on, breach=fresh, obligation=Obligation.ATTEND_MEETINGS, impedes_experiment=False
        )
        yield BreachRecorded(on, breach=fresh, obligation=Obligation.READY_ON_PLANNED_DATE)
    elif trigger == "formal_notice_sent":
        yield from (FormalNoticeSent(on, breach=b, letter_reference="-") for b in labels)
    elif trigger == "breach_remedied":
        yield from (BreachRemedied(on, breach=b) for b in labels)
    elif trigger == "justifications_examined":
        yield from (JustificationsExamined(on, breach=b) for b in labels)
    elif trigger == "representatives_heard":
        yield from (RepresentativesHeard(on, breach=b) for b in labels)
    elif trigger == "experiment_stopped":
        yield from (ExperimentStopped(on, breach=b, reason="-") for b in labels)
    elif trigger == "procurement_unsuccessful":
        yield ProcurementUnsuccessful(on)
    elif trigger == "amendment_signed":
        same = Changes(market_beneficiaries=record.terms.market.beneficiaries)
        yield AmendmentSigned(on, changes=same)
    else:
        ground = Ground(trigger.partition(":")[2])
        by = (
            TerminatedBy.BENEFICIARY
            if ground is Ground.GENERAL_INTEREST
            else TerminatedBy.METROPOLE
        )
        named: list[str | None] = labels if ground.names_breach else [None]
        for label in named:
            yield Termination(on, ground=ground, by=by, reason="-", breach=label)


def _possibilities(record: Record, on: dt.date) -> tuple[tuple[str, ...], tuple[Refusal, ...]]:
    """The triggers possible on ``on`` (``record`` as of that date) and why the others are
    not: each trigger is tried on a copy with its probes."""
    allowed: list[str] = []
    refused: list[Refusal] = []
    for trigger in EVENT_TRIGGERS:
        first: Refusal | None = None
        for probe in _probes(record, trigger, on):
            refusal, _, _ = _attempt(record, probe)
            if refusal is None:
                allowed.append(trigger)
                break
            first = first or refusal
        else:
            if first is not None:
                refused.append(first)
    return tuple(allowed), tuple(refused)


# --- the lifecycle ---------------------------------------------------------------------------


class Lifecycle:
    """The life of one convention: its events, state and facts, on the package's machine.

    ``Lifecycle(convention)`` starts in ``draft`` with no event applied (the
    convention's own ``events`` are ignored); :meth:`from_convention` replays them.
    ``remedy_options``: how the Art. 12 al. 2 period is counted; ``sanction_options``:
    how Art. 9 is read; ``not_ready_options``: how Art. 5 al. 3 is read (see their
    modules; the defaults are those of RULES.md).
    """

    def __init__(
        self,
        convention: Convention,
        *,
        remedy_options: RemedyOptions = DEFAULT_REMEDY_OPTIONS,
        sanction_options: SanctionOptions = DEFAULT_SANCTION_OPTIONS,
        not_ready_options: NotReadyOptions = DEFAULT_NOT_READY_OPTIONS,
    ) -> None:
        self.convention = convention
        self.options = Options(remedy_options, sanction_options, not_ready_options)
        self._record = Record(Terms.of(convention), self.options)

    @classmethod
    def from_convention(
        cls,
        convention: Convention,
        *,
        remedy_options: RemedyOptions = DEFAULT_REMEDY_OPTIONS,
        sanction_options: SanctionOptions = DEFAULT_SANCTION_OPTIONS,
        not_ready_options: NotReadyOptions = DEFAULT_NOT_READY_OPTIONS,
    ) -> Lifecycle:
        """Replay ``convention.events`` in order; a refused one raises
        :class:`~mgp_convention.errors.EventRefused` with ``index`` set to its position."""
        lifecycle = cls(
            convention,
            remedy_options=remedy_options,
            sanction_options=sanction_options,
            not_ready_options=not_ready_options,
        )
        for index, event in enumerate(convention.events):
            lifecycle._apply(event, index, in_place=True)
        return lifecycle

    @property
    def remedy_options(self) -> RemedyOptions:
        """How the Art. 12 al. 2 period is counted."""
        return self.options.remedy

    @property
    def sanction_options(self) -> SanctionOptions:
        """How Art. 9 is read."""
        return self.options.sanction

    # -- what it holds --

    @property
    def state(self) -> State:
        """The state after the last applied event, on its date."""
        return State(self._record.state)

    @property
    def history(self) -> tuple[HistoryEntry, ...]:
        """Every applied event, in order, with the state before and after."""
        return self._record.history

    @property
    def last_on(self) -> dt.date | None:
        """The date of the last applied event."""
        return self._record.last_on

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

    # -- applying events --

    def apply(self, event: Event) -> HistoryEntry:
        """Record ``event``, or raise :class:`~mgp_convention.errors.EventRefused` and
        change nothing. Returns the history entry (the event with its breach label)."""
        return self._apply(event, None)

    def _apply(self, event: Event, index: int | None, *, in_place: bool = False) -> HistoryEntry:
        refusal, record, entry = _attempt(self._record, event, in_place=in_place)
        if refusal is not None:
            raise refusal.error(index)
        assert entry is not None  # noqa: S101 - accepted
        self._record = record
        return entry

    def check(self, event: Event) -> Refusal | None:
        """Why ``event`` would be refused now, or ``None`` if it would be applied; the
        same machine and guards as :meth:`apply`, on a copy: nothing changes."""
        return _attempt(self._record, event)[0]

    # -- asking on a date --

    def _as_of(self, on: dt.date) -> Record:
        """A copy of the record with the events dated up to ``on``, advanced to ``on``."""
        record = self._record
        if record.last_on is not None and on < record.last_on:
            earlier = Record(Terms.of(self.convention), self.options)
            for entry in record.history:
                if entry.event.on > on:
                    break
                refusal, earlier, _ = _attempt(earlier, entry.event, in_place=True)
                assert refusal is None  # noqa: S101 - accepted once, accepted again
            record = earlier
        twin = record.copy()
        _advance(twin, on)
        return twin

    def allowed_events(self, on: dt.date) -> tuple[str, ...]:
        """The triggers possible on ``on`` (``termination:<ground>`` per ground)."""
        return self.status(on).allowed_events

    def refused_events(self, on: dt.date) -> tuple[Refusal, ...]:
        """The triggers not possible on ``on``, each with why."""
        return self.status(on).refused_events

    def status(self, on: dt.date) -> Status:
        """Where the convention stands on ``on`` (a date, or an aware datetime).

        The events dated after ``on`` are not applied: they are listed as ``pending``.
        """
        on = to_paris_date(on, field="on")
        record = self._as_of(on)
        state = STATE_OF[record.state]
        open_deadlines: list[RemedyDeadline] = [
            b.deadline for b in record.open_breaches if b.deadline is not None
        ]
        started = record.started_on
        termination = record.termination
        return Status(
            on=on,
            state=state,
            effective_date=record.effective_date,
            end_date=record.terms.end_date,
            planned_start=record.terms.experiment.indicative_start,
            return_state=State(record.return_state)
            if state in BREACH_STATES and record.return_state is not None
            else None,
            breaches=tuple(record.breaches.values()),
            remedy_deadline=None
            if state.final or not open_deadlines
            else min(open_deadlines, key=lambda d: d.expires_on),
            delay_cause=None if record.ready_declared else record.delay_cause,
            experiment_started_on=started,
            experiment_stopped_on=record.stopped_on,
            usage_period=None
            if started is None
            else usage_period(record.terms.experiment, started),
            termination=None
            if termination is None
            else TerminationStatus(termination, state is State.TERMINATED),
            history=record.history,
            pending=tuple(e.event for e in self._record.history if e.event.on > on),
            possibilities=lambda: _possibilities(record, on),
        )

    def termination_facts(self, on: dt.date) -> TerminationFacts:
        """The facts the Art. 12 al. 3 indemnity is judged on, for a claim dated ``on``
        (:mod:`~mgp_convention.articles.art12_indemnity_facts`): the termination decided
        by then (whether or not it has taken effect), and the breach it names as it stood
        that day — its notice, its deadline, its remedy. Only the events dated up to
        ``on`` are read.
        """
        on = to_paris_date(on, field="on")
        record = self._as_of(on)
        termination = record.termination
        if termination is None:
            return TerminationFacts(on)
        decided = DecidedTermination(
            termination.on, termination.takes_effect_on, termination.ground, termination.by
        )
        named = None if termination.breach is None else record.breaches.get(termination.breach)
        if named is None:
            return TerminationFacts(on, decided)
        breach = BreachFacts(
            named.label,
            impedes_experiment=named.recorded.impedes,
            obligation=named.recorded.obligation,
            notice_sent_on=None if named.notice is None else named.notice.on,
            remedy_deadline=named.deadline_date,
            remedied_on=named.remedied_on,
            accepted_late=named.accepted_late,
        )
        return TerminationFacts(on, decided, breach)
