"""An independent reference model of RULES.md (issue 7, « Proof the rules hold »).

Written plainly, from RULES.md alone, to be compared with the library: a dict-based
state table, stdlib ``datetime`` arithmetic, its own Easter computation and list of
public holidays, its own month arithmetic. It shares **no** code with
``mgp_convention`` and must never import it: a rule wrongly written in both places
the same way would go unnoticed.

Events are plain dicts shaped like the file format, with ``datetime.date`` (or
``YYYY-MM-DD`` strings) for dates::

    {"type": "signature", "on": date(2026, 3, 12), "party": "beneficiary"}
    {"type": "formal_notice_sent", "on": date(2026, 11, 20), "letter_reference": "…"}
    {"type": "termination", "on": ..., "ground": "breach", "reason": None}

The model answers: the state on a date (with the time-driven ``ended``), whether an
event is allowed and, if not, the article of the refusal, the remedy deadline, and the
effective date. Where RULES.md names no article for a refusal, the model gives
``None``.

Readings taken where RULES.md leaves a detail open (each is checked against the
library by the comparison test, and noted in the report when they differ):

- the state on a date counts the events dated on or before that date;
- an event dated after the end date finds the convention ``ended``, so it is refused;
- « a delay with cause ``beneficiary`` is recorded » means: at any time before, since
  the signature (a remedied breach does not erase it);
- the Art. 9 procedure steps count for the breach in progress only (a new breach
  starts without them);
- the remedy deadline is known while its remedy period runs (state
  ``remedy_period``); it is forgotten once the breach is remedied;
- the usage period is cut (Art. 5 al. 5) when the start comes after the al. 5 date
  (« au-delà de [Date] »); whether a start after the planned date but before that date
  is cut too (« En cas de retard [...] et notamment ») is left open: the comparison
  does not test it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

__all__ = [
    "FINAL",
    "STATES",
    "TRANSITIONS",
    "ReferenceModel",
    "Refused",
    "add_months",
    "easter_sunday",
    "is_working_day",
    "public_holidays",
    "remedy_deadline",
    "usage_last_day",
]

ONE_DAY = dt.timedelta(days=1)

# --- calendar: CPC 640-642, Code du travail L3133-1 -----------------------------------


def easter_sunday(year: int) -> dt.date:
    """Easter Sunday of a Gregorian year (the anonymous algorithm: Meeus, Jones, Butcher)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    month, day = divmod(h + el - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def public_holidays(year: int) -> dict[dt.date, str]:
    """The 11 public holidays of Code du travail L3133-1 (not Alsace-Moselle's extra days)."""
    easter = easter_sunday(year)
    return {
        dt.date(year, 1, 1): "1er janvier",
        easter + dt.timedelta(days=1): "lundi de Pâques",
        dt.date(year, 5, 1): "1er mai",
        dt.date(year, 5, 8): "8 mai",
        easter + dt.timedelta(days=39): "Ascension",
        easter + dt.timedelta(days=50): "lundi de Pentecôte",
        dt.date(year, 7, 14): "14 juillet",
        dt.date(year, 8, 15): "Assomption",
        dt.date(year, 11, 1): "Toussaint",
        dt.date(year, 11, 11): "11 novembre",
        dt.date(year, 12, 25): "Noël",
    }


def is_working_day(day: dt.date) -> bool:
    """Not a Saturday, a Sunday or a public holiday (CPC 642)."""
    return day.weekday() < 5 and day not in public_holidays(day.year)


REMEDY_PERIOD_DAYS = 30  # Art. 12 al. 1: « un délai de trente jours »


def remedy_deadline(sent: dt.date, days: int = REMEDY_PERIOD_DAYS) -> dt.date:
    """Art. 12 al. 1 by CPC 641-642: day 0 is the sending, the period ends on day ``days``,
    moved on to the next working day while that day is not one."""
    day = sent + dt.timedelta(days=days)
    while not is_working_day(day):
        day += ONE_DAY
    return day


def _days_in_month(year: int, month: int) -> int:
    first_of_next = dt.date(year + month // 12, month % 12 + 1, 1)
    return (first_of_next - ONE_DAY).day


def add_months(day: dt.date, months: int) -> dt.date:
    """CPC 641 al. 2: the same day number ``months`` later (negative: earlier), or the last
    day of that month when it has no such day."""
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    month += 1
    return dt.date(year, month, min(day.day, _days_in_month(year, month)))


def usage_last_day(
    start: dt.date,
    months: int,
    *,
    indicative_start: dt.date | None = None,
    evaluation_deadline: dt.date | None = None,
    evaluation_months: int = 0,
    evaluation_days: int = 0,
) -> dt.date | None:
    """Art. 5: the last day of use, ``start + months − 1 day``; when the set-up is late
    (after ``indicative_start``: « En cas de retard dans la mise en place », al. 5), no
    later than the evaluation deadline minus the evaluation period (months first, then
    days). ``None`` when no day of use is left."""
    last = add_months(start, months) - ONE_DAY
    late = indicative_start is not None and start > indicative_start
    if late and evaluation_deadline is not None:
        cut = add_months(evaluation_deadline, -evaluation_months)
        cut -= dt.timedelta(days=evaluation_days)
        last = min(last, cut)
    return last if last >= start else None


# --- the state table ------------------------------------------------------------------

DRAFT = "draft"
SIGNED = "signed"
DELAYED = "delayed"
EXPERIMENTING = "experimenting"
IN_BREACH = "in_breach"
REMEDY_PERIOD = "remedy_period"
TERMINATED = "terminated"
ENDED = "ended"

STATES = (DRAFT, SIGNED, DELAYED, EXPERIMENTING, IN_BREACH, REMEDY_PERIOD, TERMINATED, ENDED)
FINAL = frozenset({TERMINATED, ENDED})
LIVE = tuple(state for state in STATES if state not in FINAL)

#: The state the remedied breach came from (RULES.md: « → the remembered state »).
REMEMBERED = "<remembered>"

#: event type -> {state it may come in: state it leads to}. Any other state refuses it.
TRANSITIONS: dict[str, dict[str, str]] = {
    "signature": {DRAFT: DRAFT},  # → signed once both parties signed
    "delay_reported": {SIGNED: DELAYED, DELAYED: DELAYED},
    "experiment_started": {SIGNED: EXPERIMENTING, DELAYED: EXPERIMENTING},
    "breach_recorded": {SIGNED: IN_BREACH, DELAYED: IN_BREACH, EXPERIMENTING: IN_BREACH},
    "formal_notice_sent": {IN_BREACH: REMEDY_PERIOD},
    "breach_remedied": {IN_BREACH: REMEMBERED, REMEDY_PERIOD: REMEMBERED},
    "justifications_examined": {IN_BREACH: IN_BREACH, REMEDY_PERIOD: REMEDY_PERIOD},
    "representatives_heard": {IN_BREACH: IN_BREACH, REMEDY_PERIOD: REMEDY_PERIOD},
    "amendment_signed": {state: state for state in LIVE},
    "termination": {state: TERMINATED for state in LIVE if state != DRAFT},
}

#: The article a refusal of each event names (RULES.md, table of events).
ARTICLE = {
    "signature": "Art. 2",
    "delay_reported": "Art. 5",
    "experiment_started": "Art. 5",
    "breach_recorded": "Art. 12",
    "formal_notice_sent": "Art. 12",
    "breach_remedied": "Art. 12",
    "justifications_examined": "Art. 9",
    "representatives_heard": "Art. 9",
    "amendment_signed": "Art. 11",
}
#: Termination: the article of its ground.
GROUND_ARTICLE = {
    "interruption": "Art. 12",
    "not_ready": "Art. 5",
    "breach": "Art. 12",
    "sanction": "Art. 9",
}
ART9_STEPS = frozenset({"justifications_examined", "representatives_heard"})


class Refused(Exception):
    """The model refuses an event: ``article`` names the rule (``None``: RULES.md names none)."""

    def __init__(self, event: dict[str, Any], reason: str, article: str | None) -> None:
        super().__init__(f"{event['type']} refused: {reason} ({article})")
        self.reason = reason
        self.article = article


def _date(value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        raise TypeError("the model takes dates, not datetimes")
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(value)


def _optional_date(value: Any) -> dt.date | None:
    return None if value is None else _date(value)


class ReferenceModel:
    """The convention's life, replayed from its dated events.

    ``end_date`` is Art. 2's « jusqu'au [Date] »; ``planned_start`` the indicative
    start of Art. 5 al. 1 (the date of the Art. 5 al. 3 termination guard).
    """

    def __init__(self, end_date: dt.date, planned_start: dt.date) -> None:
        self.end_date0 = _date(end_date)
        self.planned_start0 = _date(planned_start)
        self.events: list[dict[str, Any]] = []

    @classmethod
    def from_file_data(cls, data: dict[str, Any]) -> ReferenceModel:
        """A model of a convention file's data (its events are applied in order)."""
        model = cls(data["end_date"], data["experiment"]["indicative_start"])
        for event in data.get("events", []):
            model.apply(event)
        return model

    # -- replaying ---------------------------------------------------------------------

    def _initial(self) -> dict[str, Any]:
        return {
            "state": DRAFT,
            "signed": set(),
            "effective_date": None,
            "end_date": self.end_date0,
            "planned_start": self.planned_start0,
            "last_on": None,
            "remembered": None,
            "deadline": None,
            "steps": set(),
            "beneficiary_delay": False,
        }

    def _facts(self, upto: dt.date | None = None) -> dict[str, Any]:
        """The facts after the events dated on or before ``upto`` (all: ``None``)."""
        facts = self._initial()
        for event in self.events:
            if upto is not None and _date(event["on"]) > upto:
                break
            facts = _step(facts, event)
        return facts

    # -- questions ---------------------------------------------------------------------

    def state_on(self, day: dt.date) -> str:
        """The state on ``day``: the events up to that day, then the time-driven end."""
        return _state_at(self._facts(day), day)

    def effective_date(self, day: dt.date | None = None) -> dt.date | None:
        """Art. 2: the date of the last signature, once both parties signed (by ``day``)."""
        value: dt.date | None = self._facts(day)["effective_date"]
        return value

    def end_date(self) -> dt.date:
        """The end date (Art. 2), as amended (Art. 11)."""
        value: dt.date = self._facts()["end_date"]
        return value

    def planned_start(self) -> dt.date:
        """The planned start (Art. 5 al. 1), as amended (Art. 11)."""
        value: dt.date = self._facts()["planned_start"]
        return value

    def last_date(self) -> dt.date | None:
        """The date of the last recorded event."""
        value: dt.date | None = self._facts()["last_on"]
        return value

    def remedy_deadline_on(self, day: dt.date) -> dt.date | None:
        """The remedy deadline while a remedy period runs on ``day``, else ``None``."""
        facts = self._facts(day)
        if _state_at(facts, day) != REMEDY_PERIOD:
            return None
        value: dt.date = facts["deadline"]
        return value

    def check(self, event: dict[str, Any]) -> str | None:
        """Why ``event`` would be refused now (its article, or ``""``), ``None`` if allowed."""
        try:
            _step(self._facts(), event)
        except Refused as refusal:
            return refusal.article or ""
        return None

    def allowed(self, event: dict[str, Any]) -> bool:
        return self.check(event) is None

    def apply(self, event: dict[str, Any]) -> None:
        """Record ``event``, or raise :class:`Refused` (nothing recorded)."""
        _step(self._facts(), event)
        self.events.append(event)

    def allowed_types(self, day: dt.date) -> set[str]:
        """The event types some event dated ``day`` could be, now (a remedy counts only if
        in time: a late one needs the Métropole's ``accepted_late``)."""
        facts = self._facts()
        return {kind for kind, event in _candidates(day) if _allows(facts, event)}

    def allowed_grounds(self, day: dt.date) -> set[str]:
        """The termination grounds a termination dated ``day`` could give, now."""
        facts = self._facts()
        return {
            event["ground"]
            for kind, event in _candidates(day)
            if kind == "termination" and _allows(facts, event)
        }


def _candidates(day: dt.date) -> list[tuple[str, dict[str, Any]]]:
    """One event of each type (and of each signature party, each ground) dated ``day``."""
    events: list[dict[str, Any]] = [
        {"type": "signature", "on": day, "party": "metropole"},
        {"type": "signature", "on": day, "party": "beneficiary"},
        {"type": "delay_reported", "on": day, "cause": "provider"},
        {"type": "experiment_started", "on": day},
        {"type": "breach_recorded", "on": day, "obligation": "share_data"},
        {"type": "formal_notice_sent", "on": day, "letter_reference": "LRAR"},
        {"type": "breach_remedied", "on": day, "accepted_late": False},
        {"type": "justifications_examined", "on": day},
        {"type": "representatives_heard", "on": day},
        {"type": "amendment_signed", "on": day, "changes": {"market_beneficiaries": 2}},
    ]
    events += [
        {"type": "termination", "on": day, "ground": ground, "reason": "intérêt général"}
        for ground in GROUND_ARTICLE
    ]
    return [(event["type"], event) for event in events]


def _allows(facts: dict[str, Any], event: dict[str, Any]) -> bool:
    try:
        _step(facts, event)
    except Refused:
        return False
    return True


def _state_at(facts: dict[str, Any], day: dt.date) -> str:
    """Art. 2: from any non-final state, ``ended`` on the day after the end date."""
    state: str = facts["state"]
    if state not in FINAL and day > facts["end_date"]:
        return ENDED
    return state


def _step(facts: dict[str, Any], event: dict[str, Any]) -> dict[str, Any]:
    """The facts after ``event``, or :class:`Refused`. ``facts`` is not changed."""
    kind = event["type"]
    on = _date(event["on"])
    if facts["last_on"] is not None and on < facts["last_on"]:
        raise Refused(event, f"dated before the last event ({facts['last_on']})", None)
    state = _state_at(facts, on)
    if state in FINAL:
        raise Refused(event, f"the convention is {state}", "Art. 2" if state == ENDED else None)
    if kind not in TRANSITIONS:
        raise Refused(event, f"unknown event type {kind!r}", None)
    if kind == "termination":
        article = GROUND_ARTICLE.get(event.get("ground", ""))
    else:
        article = ARTICLE[kind]
    if state not in TRANSITIONS[kind]:
        raise Refused(event, f"not allowed in state {state}", article)
    new = {**facts, "signed": set(facts["signed"]), "steps": set(facts["steps"])}
    new["last_on"] = on
    new["state"] = TRANSITIONS[kind][state]
    _effects(new, facts, event, state=state, on=on, article=article)
    return new


def _effects(
    new: dict[str, Any],
    facts: dict[str, Any],
    event: dict[str, Any],
    *,
    state: str,
    on: dt.date,
    article: str | None,
) -> None:
    """What ``event`` changes besides the state (in ``new``), or its guard's refusal."""
    kind = event["type"]
    if kind == "signature":
        # « on ≤ end date »: after it, the convention has ended (refused above).
        if event["party"] in facts["signed"]:
            raise Refused(event, f"{event['party']} has already signed", article)
        new["signed"].add(event["party"])
        if new["signed"] == {"metropole", "beneficiary"}:
            new["state"] = SIGNED
            new["effective_date"] = on
    elif kind == "delay_reported":
        if event.get("cause") == "beneficiary":
            new["beneficiary_delay"] = True
    # experiment_started: « on ≥ effective date and ≤ end date » always holds here, as
    # events come in date order and after the end date the convention has ended.
    elif kind == "breach_recorded":
        new["remembered"] = state
        new["deadline"] = None
        new["steps"] = set()
    elif kind == "formal_notice_sent":
        new["deadline"] = remedy_deadline(on)
    elif kind == "breach_remedied":
        late = state == REMEDY_PERIOD and on > facts["deadline"]
        if late and not event.get("accepted_late", False):
            raise Refused(event, f"after the remedy deadline {facts['deadline']}", article)
        new["state"] = facts["remembered"]
        new["remembered"] = None
        new["deadline"] = None
        new["steps"] = set()
    elif kind in ART9_STEPS:
        new["steps"].add(kind)
    elif kind == "amendment_signed":
        changes = event.get("changes", {})
        if changes.get("end_date") is not None:
            new["end_date"] = _date(changes["end_date"])
        if changes.get("indicative_start") is not None:
            new["planned_start"] = _date(changes["indicative_start"])
    elif kind == "termination":
        _termination_guard(facts, state, event, on, article)


def _termination_guard(
    facts: dict[str, Any], state: str, event: dict[str, Any], on: dt.date, article: str | None
) -> None:
    ground = event.get("ground")
    if ground == "interruption":
        reason = event.get("reason")
        if not isinstance(reason, str) or not reason.strip():
            raise Refused(event, "a reason of general interest is required", article)
    elif ground == "not_ready":
        if state != DELAYED:
            raise Refused(event, "only from delayed", article)
        if not facts["beneficiary_delay"]:
            raise Refused(event, "no delay caused by the beneficiary", article)
        if not on > facts["planned_start"]:
            raise Refused(event, "not after the planned start", article)
    elif ground in ("breach", "sanction"):
        if state != REMEDY_PERIOD:
            raise Refused(event, "only in the remedy period", article)
        if not on > facts["deadline"]:
            raise Refused(event, f"the remedy deadline {facts['deadline']} has not passed", article)
        if ground == "sanction" and not facts["steps"] >= ART9_STEPS:
            raise Refused(event, "Art. 9 procedure not complete", article)
    else:
        raise Refused(event, f"unknown ground {ground!r}", None)
