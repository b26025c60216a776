"""What a convention's section of the report says, as values (each with its article).

:func:`section` gathers, for one :class:`~mgp_convention.report.data.Line`, the facts of
its status (state, dates, period of use, termination), its breaches with their letter
and deadline, its history, its pending events and every legal date — each with the
article it applies — as :class:`~mgp_convention.i18n.Message` values and dates. The page
template lays them out; it decides nothing.

The article of each event of the history:

===========================  ==============================================================
event                        article
===========================  ==============================================================
signature                    Art. 2 (the convention takes effect once every party signed)
delay_reported, ready        Art. 5 al. 3
experiment_started           Art. 5 al. 1
breach_recorded              the article of the obligation (Art. 3, 4, 5 al. 3, 7, 8, 9)
formal_notice_sent, remedy   Art. 12 al. 2
justifications, hearing      Art. 9
experiment_stopped           Art. 9
procurement_unsuccessful     Art. 3
amendment_signed             Art. 11
termination                  its ground's (Art. 12 al. 1, Art. 9, Art. 5 al. 3, case law)
===========================  ==============================================================

Why over 400 lines: the section's values (facts, breaches, history, pending events,
dates) and the functions that fill them from one report line; the page template depends
on all of them at once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from typing import Final

import attrs

from mgp_convention.articles.art02_duration import ART2_DURATION, ART2_SIGNATURE
from mgp_convention.articles.art03_procurement import ART3_PROCUREMENT
from mgp_convention.articles.art05_calendar import ART5_DURATION, ART5_REDUCED_USAGE
from mgp_convention.articles.art05_delays import ART5_NOT_READY
from mgp_convention.articles.art09_sanctions import ART9_HEARING, ART9_STOP
from mgp_convention.articles.art11_amendments import ART11_AMENDMENT
from mgp_convention.articles.art12_indemnity import ART12_AL3
from mgp_convention.articles.art12_remedy import ART12_REMEDY
from mgp_convention.articles.art12_termination import CE_LAURORE, GROUND_CITATIONS
from mgp_convention.events import (
    AmendmentSigned,
    BeneficiaryReady,
    BreachEvent,
    BreachRecorded,
    BreachRemedied,
    DelayReported,
    Event,
    ExperimentStopped,
    FormalNoticeSent,
    ProcurementUnsuccessful,
    Signature,
    Termination,
)
from mgp_convention.i18n import N_, NP_, Labelled, Lang, Message
from mgp_convention.legal_dates import LegalDate
from mgp_convention.report.data import Line
from mgp_convention.states import State
from mgp_convention.values import Breach, HistoryEntry, Status

__all__ = [
    "BreachView",
    "DateView",
    "Fact",
    "HistoryView",
    "PendingView",
    "Section",
    "event_article",
    "section",
]

#: Each event in words, for the history (a noun phrase, without article).
EVENT_WORDS: Final[Mapping[str, str]] = {
    "signature": N_("Signature"),
    "delay_reported": N_("Delay reported"),
    "beneficiary_ready": N_("Beneficiary ready"),
    "experiment_started": N_("Start of the experiment"),
    "breach_recorded": N_("Breach recorded"),
    "formal_notice_sent": N_("Formal notice sent"),
    "breach_remedied": N_("Breach remedied"),
    "justifications_examined": N_("Justifications examined"),
    "representatives_heard": N_("Representatives heard"),
    "experiment_stopped": N_("End of the experiment decided"),
    "procurement_unsuccessful": N_("Unsuccessful procurement"),
    "amendment_signed": N_("Amendment signed"),
    "termination": N_("Termination"),
}

_EVENT_ARTICLES: Final[Mapping[str, str]] = {
    "signature": ART2_SIGNATURE.label,
    "delay_reported": ART5_NOT_READY.label,
    "beneficiary_ready": ART5_NOT_READY.label,
    "experiment_started": ART5_DURATION.label,
    "formal_notice_sent": ART12_REMEDY.label,
    "breach_remedied": ART12_REMEDY.label,
    "justifications_examined": ART9_HEARING.label,
    "representatives_heard": ART9_HEARING.label,
    "experiment_stopped": ART9_STOP.label,
    "procurement_unsuccessful": ART3_PROCUREMENT.label,
    "amendment_signed": ART11_AMENDMENT.label,
}

#: The words of each term an amendment can change (Art. 11).
_CHANGED: Final[Mapping[str, str]] = {
    "end_date": N_("the end date"),
    "duration_months": N_("the duration of the experiment"),
    "indicative_start": N_("the planned start"),
    "reduced_usage_after": N_("the date beyond which usage is reduced"),
    "evaluation_deadline": N_("the evaluation deadline"),
    "evaluation_period": N_("the evaluation period"),
    "calendar": N_("the deployment calendar"),
    "market_total_ttc": N_("the market's total cost"),
    "market_beneficiaries": N_("the number of beneficiaries of the market"),
}


def event_article(event: Event) -> str:
    """The article of ``event`` (the module's table)."""
    if isinstance(event, Termination):
        return GROUND_CITATIONS[event.ground].label
    if isinstance(event, BreachRecorded):
        return event.obligation.article
    return _EVENT_ARTICLES[event.type]


#: A value a section shows: a date, words, a label (a state, a cause…), or a file's text.
Value = dt.date | Message | Labelled | str


@attrs.frozen
class Fact:
    """One fact of a status: what (``label``), its ``value`` (a date, words or a file's
    text), and the article."""

    label: Message
    value: Value
    article: str | None = None


@attrs.frozen
class BreachView:
    """One breach as the section shows it: the breach and what became of it."""

    breach: Breach
    outcome: Message

    @property
    def article(self) -> str:
        """The article of its obligation."""
        return self.breach.recorded.obligation.article


@attrs.frozen
class HistoryView:
    """One applied event: date, words, details, the state after, the article."""

    on: dt.date
    what: Message
    details: tuple[Value, ...]
    state_before: State
    state_after: State
    article: str


@attrs.frozen
class PendingView:
    """An event dated after the report's date (not applied yet)."""

    on: dt.date
    what: Message
    details: tuple[Value, ...]
    article: str


@attrs.frozen
class DateView:
    """A legal date, and how far it is from the report's date (``when``)."""

    date: LegalDate
    when: Message
    past: bool


@attrs.frozen
class Section:
    """A convention's section: its line, the id of its section (``anchor``), and what it
    says."""

    line: Line
    anchor: str
    facts: tuple[Fact, ...]
    breaches: tuple[BreachView, ...]
    history: tuple[HistoryView, ...]
    pending: tuple[PendingView, ...]
    dates: tuple[DateView, ...]

    @property
    def status(self) -> Status:
        """The status on the report's date."""
        return self.line.row.status


def _say(text: str, **params: object) -> Message:
    return Message(text, params)


def _facts(line: Line) -> Iterator[Fact]:
    status = line.row.status
    state = status.state
    if state.final:
        yield Fact(_say(N_("State")), _say(N_("{state} (final)"), state=state))
    elif status.return_state is not None:
        yield Fact(
            _say(N_("State")),
            _say(
                N_("{state}; once the breaches close, back to: {back}"),
                state=state,
                back=status.return_state,
            ),
        )
    else:
        yield Fact(_say(N_("State")), state)
    market = line.market
    yield Fact(
        _say(N_("Market")),
        Message.counted(
            NP_(
                "{reference}: {total} incl. VAT, {count} beneficiary",
                "{reference}: {total} incl. VAT, {count} beneficiaries",
            ),
            "count",
            {
                "reference": market.reference,
                "total": market.total_ttc,
                "count": market.beneficiaries,
            },
        ),
        ART12_AL3.label,
    )
    if status.effective_date is not None:
        yield Fact(
            _say(N_("In force from (last signature)")), status.effective_date, ART2_SIGNATURE.label
        )
    else:
        yield Fact(
            _say(N_("In force from (last signature)")),
            _say(N_("not in force yet: every party must sign")),
            ART2_SIGNATURE.label,
        )
    yield Fact(_say(N_("End date (as amended)")), status.end_date, ART2_DURATION.label)
    yield Fact(_say(N_("Planned start")), status.planned_start, ART5_DURATION.label)
    if status.delay_cause is not None:
        yield Fact(
            _say(N_("Current cause of the delay")),
            status.delay_cause,
            ART5_NOT_READY.label,
        )
    if status.experiment_started_on is not None:
        yield Fact(
            _say(N_("Start of the experiment")), status.experiment_started_on, ART5_DURATION.label
        )
    yield from _usage_facts(status)
    if status.experiment_stopped_on is not None:
        yield Fact(_say(N_("Experiment stopped")), status.experiment_stopped_on, ART9_STOP.label)
    yield from _termination_facts(status)
    step = line.row.step
    text = (
        _say(N_("{on} — {action}"), on=step.on, action=step.action)
        if step.on is not None
        else step.action
    )
    yield Fact(_say(N_("Next step")), text, step.article)


def _usage_facts(status: Status) -> Iterator[Fact]:
    period = status.usage_period
    if period is None:
        return
    if period.last_day is None:
        yield Fact(
            _say(N_("Period of use")), _say(N_("no day of use is left")), ART5_REDUCED_USAGE.label
        )
        return
    if period.reduced:
        text = _say(
            N_("{first} to {last} (reduced: normally until {normal})"),
            first=period.first_day,
            last=period.last_day,
            normal=period.normal_last_day,
        )
        yield Fact(_say(N_("Period of use")), text, ART5_REDUCED_USAGE.label)
    else:
        text = _say(N_("{first} to {last}"), first=period.first_day, last=period.last_day)
        yield Fact(_say(N_("Period of use")), text, ART5_DURATION.label)


def _termination_facts(status: Status) -> Iterator[Fact]:
    termination = status.termination
    if termination is None:
        return
    decision = termination.event
    yield Fact(
        _say(N_("Termination decided")),
        _say(
            N_("{on}, by {by}, ground: {ground}"),
            on=decision.on,
            by=decision.by,
            ground=decision.ground,
        ),
        GROUND_CITATIONS[decision.ground].label,
    )
    if decision.notified_on is not None:
        yield Fact(_say(N_("Termination notified")), decision.notified_on, CE_LAURORE.label)
    label = (
        N_("Termination in effect from")
        if termination.in_effect
        else N_("Termination takes effect on")
    )
    yield Fact(_say(label), termination.takes_effect_on, CE_LAURORE.label)
    if decision.reason:
        yield Fact(_say(N_("Reason")), decision.reason)


def _outcome(breach: Breach, on: dt.date) -> Message:
    if breach.closed_as == "sanctioned" and breach.closed_on is not None:
        return _say(
            N_("closed by an Art. 9 decision on {on} (end of the experiment)"), on=breach.closed_on
        )
    if breach.remedied_on is not None:
        if breach.late and breach.accepted_late:
            text = N_("remedied late, on {on}; the Métropole accepted the late remedy")
        elif breach.late:
            text = N_("remedied late, on {on}: it remains a ground for termination")
        else:
            text = N_("remedied in time, on {on}")
        return _say(text, on=breach.remedied_on)
    if breach.notice is None:
        return _say(N_("open: no formal notice sent yet, the thirty days have not started"))
    if breach.deadline is not None and on > breach.deadline.expires_on:
        return _say(N_("open: the thirty days are over, not remedied"))
    return _say(N_("open"))


def _details(event: Event) -> tuple[Value, ...]:
    """What the history says of an event besides its type: the party, the breach, the
    letter, the ground, the reason, the file's own words."""
    found: list[Value] = []
    if isinstance(event, Signature):
        found.append(_say(N_("by {party}"), party=event.party))
    if isinstance(event, DelayReported):
        found.append(_say(N_("cause: {cause}"), cause=event.cause))
    if isinstance(event, BreachRecorded):
        found.append(
            _say(
                N_("{breach}: {obligation}"), breach=event.breach or "", obligation=event.obligation
            )
        )
    elif isinstance(event, BreachEvent) and event.breach is not None:
        found.append(_say(N_("breach {breach}"), breach=event.breach))
    if isinstance(event, FormalNoticeSent):
        found.append(_say(N_("letter {letter}"), letter=event.letter_reference))
    if isinstance(event, BreachRemedied) and event.accepted_late:
        found.append(_say(N_("the Métropole accepted a late remedy")))
    if isinstance(event, Termination):
        found.append(_say(N_("ground: {ground}, by {by}"), ground=event.ground, by=event.by))
        if event.effective_on is not None or event.notified_on is not None:
            found.append(_say(N_("takes effect on {on}"), on=event.takes_effect_on))
    if isinstance(event, ProcurementUnsuccessful) and event.definitive:
        found.append(_say(N_("definitive")))
    if isinstance(event, AmendmentSigned):
        changed = [_say(_CHANGED[name]) for name in event.changes.as_dict()]
        found.append(_say(N_("changes: {terms}"), terms=_Joined(tuple(changed))))
    for text in _own_words(event):
        found.append(text)
    return tuple(found)


def _own_words(event: Event) -> Iterator[str]:
    """The free text the file gives an event (details, reason): shown as written."""
    with_details = DelayReported | BeneficiaryReady | BreachRecorded | ProcurementUnsuccessful
    if isinstance(event, with_details) and event.details:
        yield event.details
    if isinstance(event, ExperimentStopped | Termination) and event.reason:
        yield event.reason


@attrs.frozen
class _Joined:
    """Several messages said one after the other, separated by commas."""

    parts: tuple[Message, ...]

    def label(self, lang: Lang) -> str:
        """The messages in ``lang``."""
        return ", ".join(part.render(lang) for part in self.parts)


def _history(entry: HistoryEntry) -> HistoryView:
    event = entry.event
    return HistoryView(
        event.on,
        _say(EVENT_WORDS[event.type]),
        _details(event),
        entry.state_before,
        entry.state_after,
        event_article(event),
    )


def _when(date: LegalDate, on: dt.date) -> Message:
    days = (date.on - on).days
    if date.void is not None:
        return _say(N_("no longer applies: {reason}"), reason=date.void)
    if days == 0:
        return _say(N_("today"))
    if days > 0:
        return Message.counted(NP_("in {n} day", "in {n} days"), "n", {"n": days})
    return Message.counted(NP_("{n} day ago", "{n} days ago"), "n", {"n": -days})


def section(line: Line, anchor: str) -> Section:
    """The section of ``line``, with the id ``anchor``."""
    status = line.row.status
    return Section(
        line,
        anchor,
        tuple(_facts(line)),
        tuple(BreachView(breach, _outcome(breach, status.on)) for breach in status.breaches),
        tuple(_history(entry) for entry in status.history),
        tuple(
            PendingView(
                event.on, _say(EVENT_WORDS[event.type]), _details(event), event_article(event)
            )
            for event in status.pending
        ),
        tuple(
            DateView(date, _when(date, status.on), date.on < status.on) for date in line.row.dates
        ),
    )
