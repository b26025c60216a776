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

from mgp_convention.articles.art05_calendar import usage_period
from mgp_convention.articles.art05_delays import (
    DEFAULT_NOT_READY_OPTIONS,
    NotReadyOptions,
)
from mgp_convention.articles.art09_sanctions import (
    DEFAULT_SANCTION_OPTIONS,
    SanctionOptions,
)
from mgp_convention.articles.art11_amendments import Terms
from mgp_convention.articles.art12_indemnity_facts import (
    BreachFacts,
    DecidedTermination,
    TerminationFacts,
)
from mgp_convention.articles.art12_remedy import (
    DEFAULT_REMEDY_OPTIONS,
    RemedyDeadline,
    RemedyOptions,
)
from mgp_convention.calendar import to_paris_date
from mgp_convention.convention import Convention
from mgp_convention.errors import InvalidValue
from mgp_convention.events import (
    Event,
)
from mgp_convention.machine import (
    Options,
    Record,
)
from mgp_convention.possibilities import possibilities
from mgp_convention.replay import advance, attempt
from mgp_convention.states import BREACH_STATES, STATE_OF, State
from mgp_convention.values import HistoryEntry, Refusal, Status, TerminationStatus

__all__ = ["Lifecycle", "Options"]

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
        if not isinstance(convention, Convention):
            raise InvalidValue(
                f"expected a Convention, got {type(convention).__name__}", field="convention"
            )
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
        refusal, record, entry = attempt(self._record, event, in_place=in_place)
        if refusal is not None:
            raise refusal.error(index)
        assert entry is not None  # noqa: S101 - accepted
        self._record = record
        return entry

    def check(self, event: Event) -> Refusal | None:
        """Why ``event`` would be refused now, or ``None`` if it would be applied; the
        same machine and guards as :meth:`apply`, on a copy: nothing changes."""
        return attempt(self._record, event)[0]

    # -- asking on a date --

    def _as_of(self, on: dt.date) -> Record:
        """A copy of the record with the events dated up to ``on``, advanced to ``on``."""
        record = self._record
        if record.last_on is not None and on < record.last_on:
            earlier = Record(Terms.of(self.convention), self.options)
            for entry in record.history:
                if entry.event.on > on:
                    break
                refusal, earlier, _ = attempt(earlier, entry.event, in_place=True)
                assert refusal is None  # noqa: S101 - accepted once, accepted again
            record = earlier
        twin = record.copy()
        advance(twin, on)
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
            possibilities=lambda: possibilities(record, on),
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
