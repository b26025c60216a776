"""What the lifecycle returns: frozen values, apart from the engine that computes them.

- :class:`Refusal`: why an event is refused (the trigger, the state, the reason, the rule);
- :class:`Breach`: one breach and what happened to it (notice, deadline, remedy, Art. 9);
- :class:`TerminationStatus`: a termination decided, and from when it takes effect;
- :class:`HistoryEntry`: one applied event, the states before and after, its advisories;
- :class:`Status`: where a convention stands on a date.

Every text for a person is a :class:`~mgp_convention.i18n.Message`, said in a language
when shown; ``to_json`` gives stable codes, with French labels (and English ones under
``*_en``) for people.

Why over 400 lines: the values a lifecycle returns (Status, Breach, HistoryEntry,
Refusal, TerminationStatus) and their JSON hooks, kept together so that the answer's
shape is read in one place.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Mapping
from typing import Any

import attrs

from mgp_convention.advisories import Advisory
from mgp_convention.articles.art05_calendar import UsagePeriod
from mgp_convention.articles.art09_sanctions import Art9Step
from mgp_convention.articles.art11_amendments import Terms
from mgp_convention.articles.art12_breaches import is_late, remains_a_ground
from mgp_convention.articles.art12_remedy import RemedyDeadline
from mgp_convention.citations import Citation
from mgp_convention.errors import EventRefused
from mgp_convention.events import (
    AmendmentSigned,
    BreachRecorded,
    DelayCause,
    Event,
    FormalNoticeSent,
    Ground,
    TerminatedBy,
    Termination,
)
from mgp_convention.i18n import Labelled, Lang, Message
from mgp_convention.report_json import bilingual, json_object, labelled, report_hook, to_json
from mgp_convention.states import State

__all__ = [
    "Breach",
    "BreachClosure",
    "HistoryEntry",
    "Refusal",
    "Status",
    "TerminationStatus",
    "iso",
]


def iso(day: dt.date | None) -> str | None:
    """``YYYY-MM-DD``, or ``None``."""
    return None if day is None else day.isoformat()


@attrs.frozen
class Refusal:
    """Why an event is refused: the trigger, the state, the unmet condition, the rule."""

    event: str
    state: State
    reason: Message
    citation: Citation | None
    what: Labelled | None = attrs.field(default=None, eq=False, repr=False)

    @property
    def article(self) -> str | None:
        """The rule's reference (``"Art. 12 al. 1"``), if any."""
        return None if self.citation is None else self.citation.label

    def render(self, lang: Lang) -> str:
        """``trigger: reason (article)`` in ``lang``."""
        text = f"{self.event}: {self.reason.render(lang)}"
        return f"{text} ({self.article})" if self.article else text

    def error(self, index: int | None = None) -> EventRefused:
        """The package's error for this refusal (``index``: position in a file)."""
        return EventRefused(
            self.event,
            self.state.value,
            self.reason,
            article=self.article,
            index=index,
            state_label=self.state,
            event_label=self.what,
        )

    def to_json(self) -> dict[str, Any]:
        """``{"event", "state", "reason", "reason_en", "article"}``."""
        return json_object(self)

    def __str__(self) -> str:
        return self.render("en")


@report_hook(Refusal)
def _refusal_json(refusal: Refusal) -> dict[str, Any]:
    # By hand: the reason in both languages, the citation by its label only.
    return {
        "event": refusal.event,
        "state": to_json(refusal.state),
        **bilingual("reason", refusal.reason),
        "article": refusal.article,
    }


class BreachClosure:
    """How a breach closed: remedied (in time or late), or sanctioned (Art. 9)."""

    REMEDIED = "remedied"
    SANCTIONED = "sanctioned"


@attrs.frozen
class Breach:
    """One breach by the beneficiary (Art. 9, Art. 12) and what happened to it.

    ``label`` names it in the file (``B1``…); ``recorded`` is its ``breach_recorded``
    event; ``notice`` its formal notice and ``deadline`` the end of its thirty days
    (once the notice is sent); ``remedied_on`` the date of its remedy, ``accepted_late``
    whether the Métropole waived the lateness of a late one; ``closed_as``
    ``"remedied"`` or ``"sanctioned"`` once closed; ``steps`` the Art. 9 steps taken
    for it, with their dates.
    """

    label: str
    recorded: BreachRecorded
    notice: FormalNoticeSent | None = None
    deadline: RemedyDeadline | None = None
    remedied_on: dt.date | None = None
    accepted_late: bool = False
    closed_as: str | None = None
    closed_on: dt.date | None = None
    steps: Mapping[Art9Step, dt.date] = attrs.field(factory=dict)

    @property
    def open(self) -> bool:
        """Whether the breach is open (recorded, neither remedied nor sanctioned)."""
        return self.closed_as is None

    @property
    def deadline_date(self) -> dt.date | None:
        """The last day of its thirty days, once the notice is sent."""
        return None if self.deadline is None else self.deadline.expires_on

    @property
    def late(self) -> bool:
        """Whether it was remedied after its deadline."""
        return self.remedied_on is not None and is_late(
            self.remedied_on, deadline=self.deadline_date
        )

    @property
    def still_a_ground(self) -> bool:
        """Whether it is still a ground for termination and for the indemnity: open,
        sanctioned, or remedied late without the lateness waived."""
        return remains_a_ground(
            open_=self.open,
            sanctioned=self.closed_as == BreachClosure.SANCTIONED,
            late=self.late,
            accepted_late=self.accepted_late,
        )

    def to_json(self) -> dict[str, Any]:
        """The breach as JSON (RULES.md ``status --json``, ``breaches``)."""
        return json_object(self)


@report_hook(Breach)
def _breach_json(breach: Breach) -> dict[str, Any]:
    # By hand: the recorded event and the notice flattened in, the derived flags added.
    recorded, notice = breach.recorded, breach.notice
    return {
        "breach": breach.label,
        **labelled("obligation", recorded.obligation),
        "obligation_article": recorded.obligation.article,
        "recorded_on": to_json(recorded.on),
        "impedes_experiment": recorded.impedes,
        "details": recorded.details,
        "notice_sent_on": None if notice is None else to_json(notice.on),
        "letter_reference": None if notice is None else notice.letter_reference,
        "remedy_deadline": to_json(breach.deadline_date),
        "remedied_on": to_json(breach.remedied_on),
        "late": breach.late,
        "accepted_late": breach.accepted_late and breach.late,
        "open": breach.open,
        "closed_as": breach.closed_as,
        "still_a_ground": breach.still_a_ground,
        "art9_steps": _steps_json(breach.steps),
    }


def _steps_json(steps: Mapping[Art9Step, dt.date]) -> dict[str, str]:
    return {step.value: day.isoformat() for step, day in steps.items()}


@attrs.frozen
class TerminationStatus:
    """A termination decided: the event, and whether it has taken effect on the status date.

    ``takes_effect_on``: ``effective_on``, else ``notified_on``, else the decision's date
    (a judgment: ``effective_on``, else its date).
    """

    event: Termination
    in_effect: bool

    @property
    def takes_effect_on(self) -> dt.date:
        """The date it takes effect."""
        return self.event.takes_effect_on

    @property
    def ground(self) -> Ground:
        """Its ground."""
        return self.event.ground

    @property
    def by(self) -> TerminatedBy:
        """Who terminated."""
        return self.event.by

    def to_json(self) -> dict[str, Any]:
        """``{"on", "notified_on", "effective_on", "ground", "by", "reason", …}``."""
        return json_object(self)


@report_hook(TerminationStatus)
def _termination_json(termination: TerminationStatus) -> dict[str, Any]:
    # By hand: the termination event flattened in, its ground's labels added.
    event = termination.event
    return {
        "on": to_json(event.on),
        "notified_on": to_json(event.notified_on),
        "effective_on": to_json(termination.takes_effect_on),
        "in_effect": termination.in_effect,
        **labelled("ground", event.ground),
        "by": to_json(event.by),
        "reason": event.reason,
        "basis": to_json(event.basis),
        "breach": event.breach,
    }


@attrs.frozen
class HistoryEntry:
    """One applied event: its position, trigger, the state before and after.

    ``event`` is the event as applied, its breach label filled in when the file left it
    out. For an amendment (Art. 11), ``terms_before`` and ``terms_after`` keep both
    versions. ``advisories``: the legal risks the event carries.
    """

    index: int
    event: Event
    trigger: str
    state_before: State
    state_after: State
    terms_before: Terms | None = None
    terms_after: Terms | None = None
    advisories: tuple[Advisory, ...] = ()


@attrs.frozen
class Status:
    """Where a convention stands on the date ``on``.

    ``state`` includes the time-driven facts: ``delayed`` from the day after the planned
    start without a start; ``ended`` (or ``not_concluded`` for a draft) from the day
    after the end date (as amended); ``terminated`` from a termination's effective date.
    ``return_state``: where the convention goes back when its last open breach closes
    (while in a breach state). ``breaches``: every breach recorded, in order.
    ``remedy_deadline``: the earliest deadline among the open breaches that had their
    notice. ``pending``: the events dated after ``on`` (not applied on that date).
    ``advisories``: those of the events applied. ``allowed_events`` /
    ``refused_events`` (computed when first read): what can happen on ``on`` and why the
    rest cannot.
    """

    on: dt.date
    state: State
    effective_date: dt.date | None
    end_date: dt.date
    planned_start: dt.date
    return_state: State | None
    breaches: tuple[Breach, ...]
    remedy_deadline: RemedyDeadline | None
    delay_cause: DelayCause | None
    experiment_started_on: dt.date | None
    experiment_stopped_on: dt.date | None
    usage_period: UsagePeriod | None
    termination: TerminationStatus | None
    history: tuple[HistoryEntry, ...]
    pending: tuple[Event, ...]
    _possibilities: Callable[[], tuple[tuple[str, ...], tuple[Refusal, ...]]] = attrs.field(
        repr=False, eq=False, alias="possibilities"
    )

    @functools.cached_property
    def _answers(self) -> tuple[tuple[str, ...], tuple[Refusal, ...]]:
        return self._possibilities()

    @property
    def allowed_events(self) -> tuple[str, ...]:
        """The triggers possible on ``on`` (``termination:<ground>`` per ground)."""
        return self._answers[0]

    @property
    def refused_events(self) -> tuple[Refusal, ...]:
        """The triggers not possible on ``on``, each with why."""
        return self._answers[1]

    @property
    def open_breaches(self) -> tuple[Breach, ...]:
        """The breaches open on ``on``."""
        return tuple(breach for breach in self.breaches if breach.open)

    @property
    def breach(self) -> Breach | None:
        """The earliest open breach, if any."""
        return next(iter(self.open_breaches), None)

    @property
    def remedy_deadline_passed(self) -> bool:
        """Whether the earliest deadline of the open breaches has passed."""
        return self.remedy_deadline is not None and self.on > self.remedy_deadline.expires_on

    @property
    def advisories(self) -> tuple[Advisory, ...]:
        """The advisories of the events applied, in order."""
        return tuple(advisory for entry in self.history for advisory in entry.advisories)

    @property
    def termination_decided(self) -> bool:
        """Whether a termination is decided but has not taken effect yet."""
        return self.termination is not None and not self.termination.in_effect

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict: dates as ``YYYY-MM-DD``, ``null`` when absent."""
        return json_object(self)


@report_hook(Status)
def _status_json(status: Status) -> dict[str, Any]:
    # By hand: the derived answers (the first open breach, the deadline, what is allowed
    # and refused) added; the events written as in the file, by the file's converter.
    from mgp_convention.io import converter  # noqa: PLC0415 - only for the JSON output

    deadline = status.remedy_deadline
    first = status.breach
    return {
        "on": to_json(status.on),
        **labelled("state", status.state, fr="_label_fr"),
        "final": status.state.final,
        "effective_date": to_json(status.effective_date),
        "end_date": to_json(status.end_date),
        "planned_start": to_json(status.planned_start),
        "remembered_state": to_json(status.return_state),
        "delay_cause": to_json(status.delay_cause),
        "breach": to_json(first),
        "breaches": to_json(status.breaches),
        "remedy_deadline": None if deadline is None else to_json(deadline.expires_on),
        "remedy_deadline_passed": status.remedy_deadline_passed,
        "remedy": to_json(deadline),
        "art9_steps": {} if first is None else _steps_json(first.steps),
        "experiment_started_on": to_json(status.experiment_started_on),
        "experiment_stopped_on": to_json(status.experiment_stopped_on),
        "usage_period": to_json(status.usage_period),
        "termination": to_json(status.termination),
        "advisories": to_json(status.advisories),
        "pending": [
            {"type": event.type, **converter.unstructure(event, Event)} for event in status.pending
        ],
        "allowed_events": list(status.allowed_events),
        "refused_events": to_json(status.refused_events),
        "history": to_json(status.history),
    }


@report_hook(HistoryEntry)
def _entry_json(entry: HistoryEntry) -> dict[str, Any]:
    # By hand: the event as in the file (by the file's converter), the states around it;
    # for an amendment, the terms it changed, before and after.
    from mgp_convention.io import converter  # noqa: PLC0415 - only for the JSON output

    event = entry.event
    data: dict[str, Any] = {
        "index": entry.index,
        "type": event.type,
        "on": event.on.isoformat(),
        "trigger": entry.trigger,
        "state_before": entry.state_before.value,
        "state_after": entry.state_after.value,
        "event": converter.unstructure(event, Event),
        "advisories": [advisory.code for advisory in entry.advisories],
    }
    if isinstance(event, AmendmentSigned) and entry.terms_before is not None:
        changes = event.changes
        after = entry.terms_after if entry.terms_after is not None else entry.terms_before
        data["terms_before"] = converter.unstructure(entry.terms_before.changed_fields(changes))
        data["terms_after"] = converter.unstructure(after.changed_fields(changes))
    return data
