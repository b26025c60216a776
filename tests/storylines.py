"""Random dated event sequences for the version-2 reference model (differential testing).

Every generator is deterministic under its seed (``random.Random(seed)``) and returns
``(convention, events)``: a convention dict shaped like the file format (with no events)
and a list of event dicts in the order they are to be applied. The list holds events the
rules refuse too (on purpose, or because a random draw was not allowed): the model and
the library must refuse the same ones. Dates are ``datetime.date``; an event dated
before the last accepted one is a deliberate out-of-order event.

Two families:

- :func:`steered`: at each step a date (often a day where a rule turns: a remedy
  deadline and the days around it, the planned start, the end date, a termination's
  effective date) and mostly an event the reference model allows on that date, with
  its fields drawn; sometimes a deliberately invalid event (:func:`invalid_event`).
- :func:`storyline`: a plausible life of a convention (one of ``PLOTS``), with a few
  random events in between: several breaches at once, notices and remedies in and out
  of time, the Art. 9 procedure, the experiment stopped, readiness during a
  ``ready_on_planned_date`` breach, delays whose cause changes, unsuccessful
  procurements, amendments moving the end date, every termination ground with every
  ``by``, notification and effective dates, events after the end date, a convention
  never signed.

:func:`sequences` mixes both for a fast loop; :func:`steered_sequences` and
:func:`storylines` are the same as hypothesis strategies (drawing a seed).
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable, Iterator
from typing import Any

from hypothesis import strategies as st

from reference_model import (
    FINAL,
    GROUND_ARTICLE,
    GROUNDS,
    OBLIGATIONS,
    READY,
    ReferenceModel,
    Refused,
)

__all__ = [
    "PLOTS",
    "invalid_event",
    "random_convention",
    "sequences",
    "steered",
    "steered_sequences",
    "storyline",
    "storylines",
]

DAY = dt.timedelta(days=1)
BY = ("metropole", "beneficiary", "judge")
REASONS = ("motif d'intérêt général", "réorganisation du programme", None, "  ")
LETTER = "LRAR 1A 000 000 0001"

#: How often a steered step picks each allowed trigger (the others: 3). Terminations
#: always open (interruption, common agreement…) are rare, or sequences would stop early.
STEER_WEIGHT = {
    "amendment_signed": 1.0,
    "procurement_unsuccessful": 0.3,
    "formal_notice_sent": 5.0,
    "breach_recorded": 4.0,
    "experiment_stopped": 3.0,
    "termination:interruption": 0.3,
    "termination:common_agreement": 0.3,
    "termination:force_majeure": 0.3,
    "termination:general_interest": 0.3,
    "termination:breach": 4.0,
    "termination:sanction": 4.0,
    "termination:not_ready": 4.0,
}


def _rng(seed: int) -> random.Random:
    return random.Random(seed)  # noqa: S311 - test data, not cryptography


def _days(n: int) -> dt.timedelta:
    return dt.timedelta(days=n)


# --- conventions ----------------------------------------------------------------------


def random_convention(rng: random.Random) -> dict[str, Any]:
    """A convention's data (no events): a planned start in 2026–2030 (often on the 29th
    to 31st, where months are tricky), an end date 5 to 40 months later, a calendar of
    one to four steps, and (often) the Art. 5 al. 5 data."""
    start = dt.date(2026, 1, 1) + _days(rng.randint(0, 5 * 365))
    if rng.random() < 0.3:
        start = (start.replace(day=1) + _days(31)).replace(day=1) - _days(rng.randint(1, 3))
    end = start + _days(rng.randint(150, 1200))
    calendar = []
    for number in range(rng.randint(1, 4)):
        months, days = rng.randint(0, 3), rng.randint(0, 30)
        if months == days == 0:
            days = 7
        calendar.append(
            {"label": f"étape {number + 1}", "duration": {"months": months, "days": days}}
        )
    experiment: dict[str, Any] = {
        "indicative_start": start,
        "duration_months": rng.randint(1, 18),
        "calendar": calendar,
        "reduced_usage_after": None,
        "evaluation_deadline": None,
        "evaluation_period": None,
    }
    if rng.random() < 0.6:
        experiment["reduced_usage_after"] = start + _days(rng.randint(0, 120))
        deadline = end - _days(rng.randint(0, 120))
        experiment["evaluation_deadline"] = max(deadline, experiment["reduced_usage_after"] + DAY)
        months, days = rng.randint(0, 3), rng.randint(0, 30)
        experiment["evaluation_period"] = {"months": months, "days": days or (0 if months else 15)}
    return {
        "end_date": end,
        "experiment": experiment,
        "market": {"total_ttc": "180000.00", "beneficiaries": rng.randint(1, 5)},
        "events": [],
    }


# --- a sequence being written ---------------------------------------------------------


class Story:
    """A sequence being written: the events so far, and the reference model that has
    applied those it accepts (to steer the next ones)."""

    def __init__(self, rng: random.Random, convention: dict[str, Any], **options: Any) -> None:
        self.rng = rng
        self.convention = convention
        self.model = ReferenceModel(convention, **options)
        self.events: list[dict[str, Any]] = []
        start = convention["experiment"]["indicative_start"]
        self.today: dt.date = start - _days(rng.randint(20, 200))

    @property
    def planned_start(self) -> dt.date:
        return self.model.planned_start_on()

    @property
    def end_date(self) -> dt.date:
        return self.model.end_date_on()

    def add(self, kind: str, on: dt.date | None = None, **fields: Any) -> bool:
        """Append an event (dated ``on``, default today); whether the model accepted it."""
        event = {"type": kind, "on": on or self.today, **fields}
        self.events.append(event)
        try:
            self.model.apply(event)
        except Refused:
            return False
        self.today = max(self.today, event["on"])
        return True

    def later(self, low: int, high: int) -> dt.date:
        return self.today + _days(self.rng.randint(low, high))

    def labels(self, *, open_only: bool = False) -> list[str]:
        return [
            b["breach"] for b in self.model.breaches_on(self.today) if b["open"] or not open_only
        ]

    def deadline(self, label: str) -> dt.date | None:
        for breach in self.model.breaches_on(self.today):
            if breach["breach"] == label:
                value: dt.date | None = breach["remedy_deadline"]
                return value
        return None

    def around(self, day: dt.date) -> dt.date:
        """``day``, the day before or the day after (never before today)."""
        return max(self.today, day + _days(self.rng.choice((-1, 0, 0, 1, 1, 2))))

    def turning_days(self) -> list[dt.date]:
        """The days on or after today where a rule turns."""
        days = [self.planned_start, self.planned_start + DAY, self.end_date, self.end_date + DAY]
        for breach in self.model.breaches_on(self.today):
            if breach["open"] and breach["remedy_deadline"] is not None:
                deadline = breach["remedy_deadline"]
                days += [deadline - DAY, deadline, deadline + DAY]
        termination = self.model.termination_on(self.today)
        if termination is not None:
            days += [termination["effective_on"] - DAY, termination["effective_on"]]
        return [day for day in days if day >= self.today]

    def next_date(self) -> dt.date:
        """A date for the next event: mostly ahead, often on a turning day, now and then
        on the same day or (rarely, deliberately) before the last event."""
        draw = self.rng.random()
        turning = self.turning_days()
        if draw < 0.35 and turning:
            return self.rng.choice(turning)
        if draw < 0.45:
            return self.today
        if draw < 0.48:
            return self.today - _days(self.rng.randint(1, 30))
        size = self.rng.choice((15, 15, 15, 120, 120, 600))
        return self.today + _days(self.rng.randint(1, size))

    # -- events with their fields ------------------------------------------------------

    def event_for(self, trigger: str, on: dt.date) -> dict[str, Any]:
        """A well-formed event of ``trigger`` dated ``on``, its fields drawn so that the
        model accepts it when some event of that trigger would be accepted."""
        kind, _, ground = trigger.partition(":")
        rng = self.rng
        event: dict[str, Any] = {"type": kind, "on": on}
        if kind == "signature":
            event["party"] = rng.choice(("metropole", "beneficiary"))
        elif kind == "delay_reported":
            event["cause"] = rng.choice(("beneficiary", "beneficiary", "metropole", "provider"))
            if rng.random() < 0.5:
                event["details"] = "retard constaté en comité opérationnel"
        elif kind == "beneficiary_ready":
            event["details"] = "locaux et équipes prêts"
        elif kind == "breach_recorded":
            obligation = rng.choice((*OBLIGATIONS, READY, READY, "share_data"))
            event["obligation"] = obligation
            event["impedes_experiment"] = obligation == READY or rng.random() < 0.5
            if obligation == "other" or rng.random() < 0.3:
                event["details"] = "manquement constaté"
            if rng.random() < 0.2:
                event["breach"] = f"M-{len(self.labels()) + 1}"
        elif kind == "formal_notice_sent":
            event["letter_reference"] = LETTER
            if rng.random() < 0.3:
                event["received_on"] = on + _days(rng.randint(0, 6))
        elif kind == "breach_remedied":
            event["accepted_late"] = rng.random() < 0.3
        elif kind == "experiment_stopped":
            event["reason"] = "décision de fin de l'expérimentation (Art. 9)"
        elif kind == "procurement_unsuccessful":
            event["details"] = "aucune offre recevable"
            event["definitive"] = rng.random() < 0.25
        elif kind == "amendment_signed":
            event["changes"] = self.changes(on)
        elif kind == "termination":
            event.update(self.termination_fields(ground or rng.choice(GROUNDS), on))
        if "breach" in _BREACH_FIELD.get(trigger, ()):
            self.name_breach(event)
        return event

    def name_breach(self, event: dict[str, Any]) -> None:
        """Give ``event`` a breach label the model accepts, if one exists (sometimes
        leaving the label out when that is accepted too)."""
        labels: list[str | None] = [*self.labels()]
        self.rng.shuffle(labels)
        if self.rng.random() < 0.3:
            labels.insert(0, None)
        for label in labels:
            trial = {**event, "breach": label}
            if label is None:
                del trial["breach"]
            if self.model.check(trial) is None:
                event.clear()
                event.update(trial)
                return
        if labels and labels[-1] is not None:
            event["breach"] = labels[-1]

    def changes(self, on: dt.date) -> dict[str, Any]:
        """Amendment changes: mostly the end date moved (later, or earlier but not before
        the amendment), else other data of Art. 5 or the market."""
        rng = self.rng
        what = rng.choice(("end_date", "end_date", "indicative_start", "experiment", "market"))
        if what == "end_date":
            if rng.random() < 0.5:
                return {"end_date": self.end_date + _days(rng.randint(1, 400))}
            floor = max(on, self.end_date - _days(400))
            return {"end_date": floor + _days(rng.randint(0, max(0, (self.end_date - floor).days)))}
        if what == "indicative_start":
            return {"indicative_start": on + _days(rng.randint(-60, 200))}
        if what == "experiment":
            return {
                "duration_months": rng.randint(1, 18),
                "calendar": [{"label": "étape unique", "duration": {"months": 2, "days": 10}}],
                "evaluation_period": {"months": rng.randint(0, 2), "days": rng.randint(1, 20)},
            }
        return {"market_total_ttc": "150000.00", "market_beneficiaries": rng.randint(1, 6)}

    def termination_fields(self, ground: str, on: dt.date) -> dict[str, Any]:
        """A termination's fields: mostly by the party that may use ``ground``, with a
        reason, with or without notification and effective dates."""
        rng = self.rng
        if rng.random() < 0.8:
            by = "beneficiary" if ground == "general_interest" else "metropole"
            if ground == "force_majeure" and rng.random() < 0.4:
                by = "judge"
        else:
            by = rng.choice(BY)
        fields: dict[str, Any] = {"ground": ground}
        if by != "metropole" or rng.random() < 0.5:
            fields["by"] = by
        reason = REASONS[0] if rng.random() < 0.85 else rng.choice(REASONS)
        if reason is not None:
            fields["reason"] = reason
        if ground == "general_interest" and rng.random() < 0.7:
            fields["basis"] = rng.choice(("upheaval", "cause_disappeared", "other"))
        room = max(0, (self.end_date - on).days)
        draw = rng.random()
        if draw < 0.45:
            fields["notified_on"] = on + _days(rng.randint(0, min(room, 8)))
            if rng.random() < 0.4:
                fields["effective_on"] = fields["notified_on"] + _days(rng.randint(0, 40))
        elif draw < 0.55:
            fields["effective_on"] = on + _days(rng.randint(0, 30))
        return fields

    # -- steering ----------------------------------------------------------------------

    def steered_step(self) -> None:
        """One step: an allowed event (mostly) or an invalid or random one."""
        on = self.next_date()
        draw = self.rng.random()
        allowed = sorted(self.model.allowed_on(on)) if on >= self.today else []
        if draw < 0.85 and allowed:
            weights = [STEER_WEIGHT.get(trigger, 3.0) for trigger in allowed]
            trigger = self.rng.choices(allowed, weights)[0]
            event = self.event_for(trigger, on)
        elif draw < 0.95:
            event = invalid_event(self, on)
        else:
            trigger = self.rng.choice(_ALL_TRIGGERS)
            event = self.event_for(trigger, on)
        self.add(event.pop("type"), **event)


_BREACH_FIELD: dict[str, tuple[str, ...]] = {
    "formal_notice_sent": ("breach",),
    "breach_remedied": ("breach",),
    "justifications_examined": ("breach",),
    "representatives_heard": ("breach",),
    "experiment_stopped": ("breach",),
    "termination:breach": ("breach",),
    "termination:sanction": ("breach",),
    "termination:not_ready": ("breach",),
}
_ALL_TRIGGERS = (
    "signature",
    "delay_reported",
    "beneficiary_ready",
    "experiment_started",
    "breach_recorded",
    "formal_notice_sent",
    "breach_remedied",
    "justifications_examined",
    "representatives_heard",
    "experiment_stopped",
    "procurement_unsuccessful",
    "amendment_signed",
    *(f"termination:{ground}" for ground in GROUND_ARTICLE),
)


def invalid_event(story: Story, on: dt.date) -> dict[str, Any]:
    """An event meant to be refused (it may be accepted when the situation allows it:
    both model and library then accept it)."""
    rng = story.rng
    labels = story.labels()
    choice = rng.randrange(14)
    if choice >= 10:
        return _invalid_termination(story, on, choice)
    if choice == 0:  # out of order
        return story.event_for(rng.choice(_ALL_TRIGGERS), story.today - _days(rng.randint(1, 20)))
    if choice == 1:  # a breach label the file does not hold
        kind = rng.choice(("formal_notice_sent", "breach_remedied", "justifications_examined"))
        event = {"type": kind, "on": on, "breach": "Z9"}
        if kind == "formal_notice_sent":
            event["letter_reference"] = LETTER
        return event
    if choice == 2 and labels:  # a second notice, or a notice for a closed breach
        return {
            "type": "formal_notice_sent",
            "on": on,
            "breach": rng.choice(labels),
            "letter_reference": LETTER,
        }
    if choice == 3 and labels:  # a remedy for a breach already closed
        return {"type": "breach_remedied", "on": on, "breach": rng.choice(labels)}
    if choice == 4:  # a party signing twice, or signing a convention in force
        return {"type": "signature", "on": on, "party": rng.choice(("metropole", "beneficiary"))}
    if choice == 5:  # no breach named while several (or none) are open
        return {"type": rng.choice(("breach_remedied", "justifications_examined")), "on": on}
    if choice == 6:  # not ready before the planned start
        before = min(on, story.planned_start - _days(rng.randint(1, 30)))
        return {
            "type": "breach_recorded",
            "on": max(before, story.today),
            "obligation": READY,
            "impedes_experiment": True,
        }
    if choice == 7:  # started twice, or ready after the start
        return {"type": rng.choice(("experiment_started", "beneficiary_ready")), "on": on}
    if choice == 8:  # an amendment ending the convention before it is signed
        return {
            "type": "amendment_signed",
            "on": on,
            "changes": {"end_date": on - _days(rng.randint(1, 60))},
        }
    # after the end date
    return story.event_for(rng.choice(_ALL_TRIGGERS), story.end_date + _days(rng.randint(1, 90)))


def _invalid_termination(story: Story, on: dt.date, choice: int) -> dict[str, Any]:
    rng = story.rng
    event: dict[str, Any] = {"type": "termination", "on": on}
    if choice == 10:  # the wrong party for the ground
        ground = rng.choice(GROUNDS)
        by = "metropole" if ground == "general_interest" else rng.choice(("beneficiary", "judge"))
        event.update(ground=ground, by=by)
        if by == "judge" and rng.random() < 0.5:
            event["reason"] = REASONS[0]
    elif choice == 11:  # no reason where one is required
        ground = rng.choice(("interruption", "force_majeure", "general_interest"))
        event["ground"] = ground
        if rng.random() < 0.5:
            event["reason"] = "  "  # blank: no reason either
        if ground == "general_interest":
            event["by"] = "beneficiary"
    elif choice == 12:  # notified before the decision, or effective after the end date
        event.update(ground="interruption", reason=REASONS[0])
        if rng.random() < 0.5:
            event["notified_on"] = on - _days(rng.randint(1, 5))
        else:
            event["effective_on"] = story.end_date + _days(rng.randint(1, 30))
    else:  # for a breach, too early or on a breach no longer a ground
        event["ground"] = rng.choice(("breach", "sanction", "not_ready"))
        labels = story.labels()
        if labels:
            event["breach"] = rng.choice(labels)
    return event


# --- steered sequences ----------------------------------------------------------------


def steered(seed: int, length: int | None = None, **options: Any) -> tuple[dict, list[dict]]:
    """A convention and ``length`` (default 5 to 40) steered events (see the module)."""
    rng = _rng(seed)
    story = Story(rng, random_convention(rng), **options)
    after_final = rng.randint(0, 2)  # events after a final state: refused
    for _ in range(length if length is not None else rng.randint(5, 40)):
        story.steered_step()
        if story.model.state_on(story.today) in FINAL:
            if after_final == 0:
                break
            after_final -= 1
    return story.convention, story.events


# --- storylines -----------------------------------------------------------------------


def _sign(story: Story, *, late: bool = False) -> None:
    """Both parties sign (in either order), before the planned start or, when ``late``,
    after it."""
    parties = ["metropole", "beneficiary"]
    story.rng.shuffle(parties)
    first = story.planned_start - _days(story.rng.randint(10, 90))
    if late:
        first = story.planned_start + _days(story.rng.randint(1, 20))
    story.add("signature", max(first, story.today), party=parties[0])
    story.add("signature", story.later(0, 12), party=parties[1])


def _notice(story: Story, label: str, on: dt.date | None = None) -> dt.date | None:
    """The formal notice for ``label``; its remedy deadline."""
    story.add("formal_notice_sent", on or story.later(0, 20), breach=label, letter_reference=LETTER)
    return story.deadline(label)


def _terminate(story: Story, ground: str, on: dt.date, label: str | None, **fields: Any) -> None:
    """A termination on ``ground`` (its fields drawn, then ``fields``), naming ``label``
    when the ground is one that names a breach."""
    drawn = {**story.termination_fields(ground, on), **fields}
    if label is not None and ground in ("breach", "sanction", "not_ready"):
        drawn["breach"] = label
    story.add("termination", on, **drawn)


def _new_label(story: Story) -> str:
    return f"B{len(story.labels()) + 1}"


def plot_smooth_life(story: Story) -> None:
    """Signed, started on time or late (Art. 5 al. 5), lived to its end date; events
    after the end date are refused."""
    _sign(story)
    story.add("experiment_started", story.around(story.planned_start))
    if story.rng.random() < 0.5:
        story.add("amendment_signed", story.later(30, 200), changes=story.changes(story.today))
    story.add(
        "breach_recorded",
        story.around(story.end_date + DAY),
        obligation="share_data",
        impedes_experiment=False,
    )


def plot_delays(story: Story) -> None:
    """Delays whose cause changes; the beneficiary says it is ready; then a start (or a
    ``ready_on_planned_date`` breach the latest cause forbids)."""
    _sign(story)
    for _ in range(story.rng.randint(1, 4)):
        cause = story.rng.choice(("beneficiary", "metropole", "provider"))
        story.add("delay_reported", story.later(0, 40), cause=cause)
        if story.rng.random() < 0.3:
            story.add("beneficiary_ready", story.later(0, 20))
    story.add(
        "breach_recorded",
        story.around(story.planned_start),
        obligation=READY,
        impedes_experiment=True,
    )
    if story.rng.random() < 0.5:
        story.add("termination", story.later(1, 60), ground="not_ready", reason=REASONS[0])
    story.add("experiment_started", story.later(0, 90))


def plot_not_ready(story: Story) -> None:
    """Not ready on the planned date: the breach, the notice, then readiness or a start
    in or out of time, or the termination for ``not_ready`` (notified later)."""
    _sign(story)
    if story.rng.random() < 0.6:
        story.add("delay_reported", story.later(0, 30), cause="beneficiary")
    on = story.around(story.planned_start)
    if story.rng.random() < 0.85:
        on = max(on, story.planned_start)
    story.add("breach_recorded", on, obligation=READY, impedes_experiment=True)
    label = story.labels()[-1] if story.labels() else "B1"
    deadline = _notice(story, label) or story.later(30, 40)
    outcome = story.rng.randrange(4)
    if outcome == 0:
        story.add(
            story.rng.choice(("beneficiary_ready", "experiment_started")), story.around(deadline)
        )
    elif outcome == 1:
        story.add(
            "breach_remedied",
            story.around(deadline),
            breach=label,
            accepted_late=story.rng.random() < 0.5,
        )
    _terminate(story, "not_ready", story.around(deadline + DAY), label, by="metropole")
    story.add("representatives_heard", story.later(0, 5), breach=label)
    story.add("experiment_started", story.later(0, 5))


def plot_several_breaches(story: Story) -> None:
    """Two or three breaches open at once, each with its own letter and thirty days; one
    remedied in time, one late (``accepted_late`` sometimes); termination for breach."""
    _sign(story)
    story.add("experiment_started", story.around(story.planned_start))
    labels = []
    for _ in range(story.rng.randint(2, 3)):
        labels.append(_new_label(story))
        obligation = story.rng.choice(OBLIGATIONS[:-1])
        if obligation == READY:
            obligation = "share_data"
        story.add(
            "breach_recorded",
            story.later(0, 40),
            obligation=obligation,
            impedes_experiment=story.rng.random() < 0.6,
        )
    deadlines = {label: _notice(story, label, story.later(0, 10)) for label in labels}
    story.rng.shuffle(labels)
    for label in labels[:-1]:
        deadline = deadlines[label] or story.later(20, 40)
        if deadline >= story.today:
            story.add(
                "breach_remedied",
                story.around(deadline),
                breach=label,
                accepted_late=story.rng.random() < 0.4,
            )
    last = labels[-1]
    deadline = deadlines[last] or story.later(20, 40)
    if story.rng.random() < 0.5:
        story.add("justifications_examined", story.later(0, 5), breach=last)
    on = story.around(max(story.today, deadline + DAY))
    _terminate(story, "breach", on, story.rng.choice(labels))


def plot_sanction(story: Story) -> None:
    """The Art. 9 procedure (justifications, hearing), the notice, then a sanction
    termination or the experiment stopped (and the convention lives on)."""
    _sign(story)
    story.add("experiment_started", story.around(story.planned_start))
    label = _new_label(story)
    story.add(
        "breach_recorded",
        story.later(10, 90),
        obligation="substantial_modification_without_consent",
        impedes_experiment=True,
    )
    steps = ["justifications_examined", "representatives_heard"]
    story.rng.shuffle(steps)
    story.add(steps[0], story.later(0, 10), breach=label)
    deadline = _notice(story, label) or story.later(30, 40)
    if story.rng.random() < 0.85:
        story.add(steps[1], story.later(0, 20), breach=label)
    if story.rng.random() < 0.3:
        story.add("breach_remedied", story.around(deadline), breach=label)
    on = story.around(max(story.today, deadline + DAY))
    if story.rng.random() < 0.5:
        _terminate(story, "sanction", on, label)
    else:
        story.add("experiment_stopped", on, breach=label, reason="fin de l'expérimentation")
        plot_after_stop(story)


def plot_after_stop(story: Story) -> None:
    """After an Art. 9 stop: the Art. 8 data transfer breached, its notice; then the
    sanction, another ground, or the end date."""
    label = _new_label(story)
    story.add(
        "breach_recorded", story.later(0, 60), obligation="share_data", impedes_experiment=False
    )
    deadline = _notice(story, label) or story.later(30, 40)
    if story.rng.random() < 0.5:
        story.add(
            "breach_remedied",
            story.around(deadline),
            breach=label,
            accepted_late=story.rng.random() < 0.5,
        )
    ground = story.rng.choice(("breach", "sanction", "interruption", "common_agreement"))
    _terminate(story, ground, story.around(deadline + DAY), story.rng.choice(story.labels()))
    story.add("delay_reported", story.around(story.end_date + DAY), cause="provider")


def plot_procurement(story: Story) -> None:
    """Art. 3: an unsuccessful procurement, relaunched or definitive (``lapsed``), or
    followed by the Métropole's interruption."""
    if story.rng.random() < 0.7:
        _sign(story)
    story.add(
        "procurement_unsuccessful", story.later(0, 60), details="infructueux", definitive=False
    )
    outcome = story.rng.randrange(3)
    if outcome == 0:
        story.add("procurement_unsuccessful", story.later(0, 90), definitive=True)
        story.add("signature", story.later(0, 10), party="beneficiary")
    elif outcome == 1:
        _terminate(story, "interruption", story.later(0, 30), None)
    else:
        story.add("experiment_started", story.later(0, 120))
        story.add("procurement_unsuccessful", story.later(0, 10), definitive=True)


def plot_amendments(story: Story) -> None:
    """Amendments move the end date (later, earlier), the planned start, the data; the
    convention ends on the day after its (amended) end date."""
    _sign(story, late=story.rng.random() < 0.3)
    for _ in range(story.rng.randint(1, 3)):
        on = story.later(0, 200)
        story.add("amendment_signed", on, changes=story.changes(on))
    story.add("experiment_started", story.later(0, 60))
    story.add(
        "breach_recorded",
        story.around(story.end_date),
        obligation="inform_metropole",
        impedes_experiment=False,
    )


def plot_every_ground(story: Story) -> None:
    """A termination on a ground drawn among all, by any party, with or without
    notification and effective dates; then events between the decision and its effect
    (Art. 9 steps and remedies pass, the others are refused)."""
    _sign(story)
    if story.rng.random() < 0.6:
        story.add("experiment_started", story.around(story.planned_start))
    label = _new_label(story)
    if story.rng.random() < 0.7:
        story.add(
            "breach_recorded",
            story.later(0, 60),
            obligation="attend_meetings",
            impedes_experiment=True,
        )
        _notice(story, label)
    on = story.later(0, 60)
    fields: dict[str, Any] = {"by": story.rng.choice(BY)}
    if story.rng.random() < 0.5:
        fields["notified_on"] = on + _days(story.rng.randint(0, 10))
        fields["effective_on"] = fields["notified_on"] + _days(story.rng.randint(0, 20))
    _terminate(story, story.rng.choice(GROUNDS), on, label, **fields)
    for kind in (
        "justifications_examined",
        "breach_remedied",
        "delay_reported",
        "amendment_signed",
    ):
        extra: dict[str, Any] = {"breach": label}
        if kind == "delay_reported":
            extra = {"cause": "provider"}
        if kind == "amendment_signed":
            extra = {"changes": {"market_beneficiaries": 4}}
        story.add(kind, story.later(0, 6), **extra)


def plot_never_signed(story: Story) -> None:
    """One signature only: past its end date the convention is ``not_concluded``; the
    missing signature comes too late."""
    story.add("signature", story.later(0, 60), party=story.rng.choice(("metropole", "beneficiary")))
    if story.rng.random() < 0.5:
        story.add("amendment_signed", story.later(0, 60), changes={"market_beneficiaries": 2})
    story.add("signature", story.around(story.end_date + DAY), party="metropole")
    story.add("signature", story.today, party="beneficiary")


PLOTS: dict[str, Callable[[Story], None]] = {
    "smooth_life": plot_smooth_life,
    "delays": plot_delays,
    "not_ready": plot_not_ready,
    "several_breaches": plot_several_breaches,
    "sanction": plot_sanction,
    "procurement": plot_procurement,
    "amendments": plot_amendments,
    "every_ground": plot_every_ground,
    "never_signed": plot_never_signed,
}


def storyline(seed: int, plot: str | None = None, **options: Any) -> tuple[dict, list[dict]]:
    """A plausible life of a convention (``plot``, default drawn from ``PLOTS``) with up
    to three steered events after it."""
    rng = _rng(seed)
    story = Story(rng, random_convention(rng), **options)
    PLOTS[plot or rng.choice(sorted(PLOTS))](story)
    for _ in range(rng.randint(0, 3)):
        story.steered_step()
    return story.convention, story.events


def sequences(count: int, seed: int = 0, **options: Any) -> Iterator[tuple[str, dict, list[dict]]]:
    """``count`` sequences, steered and storylines in turn: ``(name, convention, events)``,
    ``name`` saying how to rebuild it (``"steered 17"``, ``"storyline 18"``)."""
    for number in range(seed, seed + count):
        if number % 2:
            yield f"storyline {number}", *storyline(number, **options)
        else:
            yield f"steered {number}", *steered(number, **options)


# --- hypothesis -----------------------------------------------------------------------

SEEDS = st.integers(min_value=0, max_value=2**32 - 1)


def steered_sequences(**options: Any) -> st.SearchStrategy[tuple[dict, list[dict]]]:
    """:func:`steered` as a hypothesis strategy (a seed is drawn)."""
    return SEEDS.map(lambda seed: steered(seed, **options))


def storylines(**options: Any) -> st.SearchStrategy[tuple[dict, list[dict]]]:
    """:func:`storyline` as a hypothesis strategy (a seed and a plot are drawn)."""
    return st.tuples(SEEDS, st.sampled_from(sorted(PLOTS))).map(
        lambda pair: storyline(pair[0], pair[1], **options)
    )
