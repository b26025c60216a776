"""An independent reference model of RULES.md, version 2 (« Proof the rules hold »).

Written plainly, from RULES.md (version 2) and the contract alone, to be compared with
the library: a dict-based state table, stdlib ``datetime`` arithmetic, its own Easter
computation and list of public holidays, its own month arithmetic. It shares **no** code
with ``mgp_convention`` and must never import it: a rule wrongly written in both places
the same way would go unnoticed.

The convention is a plain dict shaped like the file format (only the keys the rules
read), the events plain dicts shaped like the version-2 file format; dates are
``datetime.date`` or ``YYYY-MM-DD`` strings::

    convention = {
        "end_date": "2027-09-30",
        "experiment": {"indicative_start": "2026-05-04", "duration_months": 9,
                       "calendar": [{"label": "cadrage", "duration": {"months": 1, "days": 0}}],
                       "reduced_usage_after": None, "evaluation_deadline": None,
                       "evaluation_period": None},
        "events": [{"type": "signature", "on": "2026-03-12", "party": "beneficiary"}, ...],
    }
    model = ReferenceModel(convention)          # applies convention["events"]
    model.apply({"type": "breach_recorded", "on": "2026-11-02", "obligation": "share_data",
                 "impedes_experiment": True})   # label "B1"
    model.state_on(dt.date(2026, 11, 2))        # "in_breach"

How it works: each accepted event turns the *facts* (a plain dict) into new facts; the
model keeps the facts after every event. A question asked for a date takes the facts
after the last event dated on or before that date (later events are *pending*) and then
applies the time-driven rules for that date (the planned start passed, the end date
passed, a termination reached its effective date). A refused event changes nothing.

Readings taken where RULES.md leaves a detail open (the RULES sentence is quoted or
named; each is noted in the report to the lead):

1. « `delayed` … or the planned start passed without a start (any cause) »: a signed
   convention not yet started is ``delayed`` from the day after the planned start (as
   amended), even with no ``delay_reported``; on the planned start itself it is not.
2. « the return state: the last state held before the convention entered `in_breach` …
   `delay_reported` and `beneficiary_ready` update the return state's facts »: the return
   state is computed from the facts on the day asked (so a planned start passing during
   a breach makes the return state ``delayed``), and is shown only while the state is
   ``in_breach`` or ``remedy_period`` (``None`` otherwise).
3. ``beneficiary_ready`` is allowed where ``delay_reported`` is: ``signed``, ``delayed``,
   and during a breach whose return state is one of them. It sets the current cause to
   « ready » (no longer the beneficiary) until a later ``delay_reported``; so a new
   ``ready_on_planned_date`` breach (« while the current delay cause is the beneficiary
   (or no delay was reported) ») is refused after it, until the beneficiary is again
   reported as the cause.
4. ``beneficiary_ready`` / ``experiment_started`` close **every** open
   ``ready_on_planned_date`` breach as remedied that day (late when after its deadline,
   never ``accepted_late``).
5. ``ready_on_planned_date`` needs « before any `experiment_started` »: the experiment
   not started and not stopped (an Art. 9 stop before any start also bars it). Its
   ``impedes_experiment`` is taken as true whatever the event says.
6. The default breach label is ``B<n>``, n the breach's rank of recording; a label
   already used in the file (given or default) is refused (no article).
7. « the field may be left out only when exactly one breach is open »: otherwise, or
   for a label the file does not hold, the event is refused with no article.
8. Art. 9 steps (``justifications_examined``, ``representatives_heard``) may name any
   breach that is open or still a ground, in any in-force state; a repeated step is
   accepted and its first date is kept; the two steps come in either order, before or
   after the notice.
9. ``experiment_stopped`` (« `experimenting`, `in_breach`, `remedy_period` → … ») is
   allowed in those three states only (whatever the return state), for a breach still a
   ground that has not already been closed as ``sanctioned``. It closes the named
   breach as ``sanctioned`` even when it had been remedied late (its ``remedied_on`` and
   ``late`` stay as they were).
10. « A breach remains a ground (for termination on `breach`, `sanction`, `not_ready` …)
    … closed as `sanctioned` »: the general sentence is followed, so a sanctioned breach
    is a ground for ``not_ready`` too (the ``experiment_stopped`` bullet names only
    ``sanction``/``breach``).
11. ``procurement_unsuccessful`` (definitive or not) is allowed in ``draft``,
    ``signed`` and ``delayed`` only (the table's « from » column; not during a breach).
12. ``amendment_signed``: refused (Art. 11) when its new ``end_date`` is before its own
    date (an avenant cannot amend a convention it declares already ended). Other
    changes are taken as given.
13. « Between `on` and `effective_on` … every further event is refused except those of
    Art. 9 and remedies »: the Art. 9 events are ``justifications_examined``,
    ``representatives_heard`` and ``experiment_stopped``; remedies are
    ``breach_remedied`` only. A second termination is refused. These refusals name no
    article.
14. The judge (``by: judge``) « on any ground a judgment states: `reason` required »:
    a judgment is recorded as it states, without the contractual guards of its ground
    (no notice, deadline or Art. 9 step is checked); only the reason and the dates are.
    A ``breach`` it names must exist. It raises no advisory except ``force_majeure``.
15. ``common_agreement`` (« `by` is ignored ») needs no reason, whoever is named, and
    raises no ``termination_without_notification_date`` (it is not unilateral).
16. ``termination_without_notification_date`` is raised for every unilateral
    termination (by the Métropole or the beneficiary, not ``common_agreement``) without
    ``notified_on``, even when ``effective_on`` is given. A judgment takes effect on
    ``effective_on``, else on ``on`` (its ``notified_on`` is not a default).
17. ``breach_termination_without_art9`` (« whenever the named breach lacks the Art. 9
    steps ») is raised for ``breach`` and for ``not_ready`` (« (as `breach`) »; Art. 9
    covers any « inexécution »), when the named breach lacks either step.
18. With ``not_ready_notice_required=False`` the ground is allowed on the notice
    reading **or** on version 1's (not started, the day after the planned start, current
    cause the beneficiary); ``not_ready_without_notice`` is raised only when the notice
    reading would have refused it. A ``breach`` it names must be a
    ``ready_on_planned_date`` breach.
19. With ``sanction_requires_remedy_period=False``, ``sanction`` (and
    ``experiment_stopped``) need the breach still a ground and both Art. 9 steps, but
    no notice and no expired deadline.
20. The remedy deadline counted from receipt (option) falls back to the date of sending
    when the notice gives no ``received_on``.
21. ``remedy_deadline_on`` is ``None`` in a final state (nothing runs any more); during
    a decided, not yet effective termination it still shows.
22. ``breaches_on``: ``late`` is true only for a breach remedied after its deadline;
    ``accepted_late`` is true only for such a late remedy with ``accepted_late: true``.
23. The indemnity is judged on the date asked: the termination must have taken effect
    by then; its thirty days must have run out **before the termination's decision date**
    (``on``: a deadline passing after an early termination, under an option, does not
    make it due); a remedy in time (or late with ``accepted_late``) defeats it even when
    it came after the decision.
24. Advisory ``event_index`` is the index of the event among the **accepted** events
    (``model.events``); one event's codes come in the order of ``ADVISORY_CODES``.
25. The usage cut of Art. 5 al. 5 applies when the actual start is later than the
    indicative start; ``reduced_usage_after`` (« notamment si … au-delà de [Date] ») is
    one such case and is not read separately. With no ``evaluation_period`` the
    evaluation is taken as taking no day.
26. Refusal articles: ``signature`` "Art. 2"; ``delay_reported``/``experiment_started``
    "Art. 5"; ``beneficiary_ready`` and the ``ready_on_planned_date`` guard
    "Art. 5 al. 3"; ``breach_recorded``, ``formal_notice_sent``, ``breach_remedied``
    "Art. 12 al. 1" (the contract's thirty days are in al. 1); the Art. 9 steps and
    ``experiment_stopped`` "Art. 9"; ``procurement_unsuccessful`` "Art. 3";
    ``amendment_signed`` "Art. 11"; a termination the article of its ground
    (``GROUND_ARTICLE``; ``common_agreement`` none); an event in ``ended`` or
    ``not_concluded`` "Art. 2", in ``lapsed`` "Art. 3", in ``terminated`` none; an
    ``effective_on`` after the end date "Art. 2"; out-of-order events, unknown values and
    breach labels, ``notified_on``/``effective_on`` before their floor: none.
27. A ``breach`` named by the Métropole's or the beneficiary's termination on a ground
    that names none (``interruption``, ``common_agreement``, ``force_majeure``,
    ``general_interest``) is not checked, and plays no part.
28. Probes of ``allowed_on`` for ``breach_recorded`` try every obligation, with the
    default label and with a fresh one; those of ``amendment_signed`` change
    ``market_beneficiaries`` only.
29. « seront soumis à l'ensemble des dispositions non contraires » (Art. 11): an
    amendment is refused (Art. 11) when the amended convention breaks a data rule of
    the file format (``_coherent``), as a convention file with those dates would be.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

__all__ = [
    "ADVISORY_CODES",
    "FINAL",
    "GROUNDS",
    "GROUND_ARTICLE",
    "INDEMNITY_CONDITIONS",
    "OBLIGATIONS",
    "STATES",
    "TRIGGERS",
    "ReferenceModel",
    "Refused",
    "add_months",
    "easter_sunday",
    "evaluation_first_day",
    "is_working_day",
    "period_last_day",
    "public_holidays",
    "remedy_deadline",
    "step_last_day",
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


_HOLIDAYS: dict[int, dict[dt.date, str]] = {}


def public_holidays(year: int) -> dict[dt.date, str]:
    """The 11 public holidays of Code du travail L3133-1 (not Alsace-Moselle's extra days).
    Whit Monday counts every year (Cass. 3e civ., 21 Jan 2021, n° 19-24.799)."""
    if year not in _HOLIDAYS:
        easter = easter_sunday(year)
        _HOLIDAYS[year] = {
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
    return dict(_HOLIDAYS[year])


def is_working_day(day: dt.date, closed_days: frozenset[dt.date] = frozenset()) -> bool:
    """Not a Saturday, a Sunday, a public holiday, nor a *jour chômé* given (CPC 642)."""
    if day.weekday() >= 5 or day in closed_days:
        return False
    if day.year not in _HOLIDAYS:
        public_holidays(day.year)
    return day not in _HOLIDAYS[day.year]


REMEDY_PERIOD_DAYS = 30  # Art. 12 al. 1: « un délai de trente jours »


def remedy_deadline(
    start: dt.date,
    days: int = REMEDY_PERIOD_DAYS,
    *,
    extend: bool = True,
    closed_days: frozenset[dt.date] = frozenset(),
    franc: bool = False,
) -> dt.date:
    """Art. 12 al. 1 by CPC 641-642: day 0 is ``start`` (the sending of the registered
    letter, CPC 668), the period ends on day ``days`` (``days + 1`` for a *délai franc*),
    moved on to the next working day while that day is not one (unless ``extend`` is
    false)."""
    day = start + dt.timedelta(days=days + (1 if franc else 0))
    while extend and not is_working_day(day, closed_days):
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


def period_last_day(first: dt.date, months: int) -> dt.date:
    """RULES v2, « Periods in months »: a period of ``months`` months counting its first
    day ends on the day before the same day number ``months`` later; where that day number
    does not exist in that month, on the last day of that month (CPC 641 al. 2).

    31 Jan 2027 + 1 → 28 Feb 2027; 30 Jan 2028 + 1 → 29 Feb 2028; 15 Jan + 6 → 14 Jul."""
    index = first.year * 12 + (first.month - 1) + months
    year, month = divmod(index, 12)
    month += 1
    last_of_month = _days_in_month(year, month)
    if first.day > last_of_month:
        return dt.date(year, month, last_of_month)
    return dt.date(year, month, first.day) - ONE_DAY


def step_last_day(first: dt.date, months: int, days: int) -> dt.date:
    """A step of ``months`` months and ``days`` days starting on ``first`` ends ``days``
    days after the last day of its months, or on ``first + days − 1`` when it has no
    month (RULES v2)."""
    if months == 0:
        return first + dt.timedelta(days=days - 1)
    return period_last_day(first, months) + dt.timedelta(days=days)


def evaluation_first_day(
    deadline: dt.date, months: int, days: int, *, inclusive: bool = False
) -> dt.date:
    """Art. 5 al. 5, « avant le [Date] »: the latest first day S whose evaluation period
    (``months`` and ``days``, by the rule of :func:`step_last_day`) ends on or before the
    day before ``deadline`` (or on ``deadline`` itself when ``inclusive``).

    D = 31 Dec 2027, 2 months → S = 31 Oct 2027 (its period ends 30 Dec 2027)."""
    limit = deadline if inclusive else deadline - ONE_DAY
    first = limit + ONE_DAY
    while step_last_day(first, months, days) > limit:
        first -= ONE_DAY
    return first


def usage_last_day(
    start: dt.date,
    months: int,
    *,
    indicative_start: dt.date | None = None,
    evaluation_deadline: dt.date | None = None,
    evaluation_months: int = 0,
    evaluation_days: int = 0,
    inclusive: bool = False,
) -> dt.date | None:
    """Art. 5: the last day of use of an experiment of ``months`` months started on
    ``start`` (:func:`period_last_day`). When the set-up is late (after
    ``indicative_start``: « En cas de retard dans la mise en place », al. 5) and an
    evaluation deadline is known, no later than the day before the evaluation's first day
    (:func:`evaluation_first_day`). ``None`` when no day of use is left."""
    last = period_last_day(start, months)
    late = indicative_start is not None and start > indicative_start
    if late and evaluation_deadline is not None:
        first = evaluation_first_day(
            evaluation_deadline, evaluation_months, evaluation_days, inclusive=inclusive
        )
        last = min(last, first - ONE_DAY)
    return last if last >= start else None


# --- vocabulary -----------------------------------------------------------------------

DRAFT = "draft"
SIGNED = "signed"
DELAYED = "delayed"
EXPERIMENTING = "experimenting"
IN_BREACH = "in_breach"
REMEDY_PERIOD = "remedy_period"
EXPERIMENT_STOPPED = "experiment_stopped"
TERMINATED = "terminated"
ENDED = "ended"
NOT_CONCLUDED = "not_concluded"
LAPSED = "lapsed"

STATES = (
    DRAFT,
    SIGNED,
    DELAYED,
    EXPERIMENTING,
    IN_BREACH,
    REMEDY_PERIOD,
    EXPERIMENT_STOPPED,
    TERMINATED,
    ENDED,
    NOT_CONCLUDED,
    LAPSED,
)
FINAL = frozenset({TERMINATED, ENDED, NOT_CONCLUDED, LAPSED})
#: In force: signed by both parties, not final.
IN_FORCE = frozenset({SIGNED, DELAYED, EXPERIMENTING, IN_BREACH, REMEDY_PERIOD, EXPERIMENT_STOPPED})
BREACH_STATES = frozenset({IN_BREACH, REMEDY_PERIOD})

#: The article a refusal names when the convention is already in a final state.
FINAL_ARTICLE: dict[str, str | None] = {
    ENDED: "Art. 2",
    NOT_CONCLUDED: "Art. 2",
    LAPSED: "Art. 3",
    TERMINATED: None,
}

EVENT_TYPES = (
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
    "termination",
)

#: The article a refusal of each event names (reading 26).
ARTICLE: dict[str, str | None] = {
    "signature": "Art. 2",
    "delay_reported": "Art. 5",
    "beneficiary_ready": "Art. 5 al. 3",
    "experiment_started": "Art. 5",
    "breach_recorded": "Art. 12 al. 1",
    "formal_notice_sent": "Art. 12 al. 1",
    "breach_remedied": "Art. 12 al. 1",
    "justifications_examined": "Art. 9",
    "representatives_heard": "Art. 9",
    "experiment_stopped": "Art. 9",
    "procurement_unsuccessful": "Art. 3",
    "amendment_signed": "Art. 11",
}
READY_ARTICLE = "Art. 5 al. 3"

GROUNDS = (
    "interruption",
    "not_ready",
    "breach",
    "sanction",
    "common_agreement",
    "force_majeure",
    "general_interest",
)
#: The article (or decision) a refused termination names, by its ground.
GROUND_ARTICLE: dict[str, str | None] = {
    "interruption": "Art. 12 al. 1",
    "not_ready": "Art. 5 al. 3",
    "breach": "Art. 12 al. 1",
    "sanction": "Art. 9",
    "common_agreement": None,
    "force_majeure": "C. civ. 1218",
    "general_interest": "CE Béziers 2015",
}
#: The grounds that name a breach.
BREACH_GROUNDS = frozenset({"not_ready", "breach", "sanction"})
#: Who may use each ground (RULES « Who may terminate »); the judge may use any ground,
#: and ``common_agreement`` ignores ``by``.
GROUNDS_BY: dict[str, frozenset[str]] = {
    "metropole": frozenset(
        {"interruption", "not_ready", "breach", "sanction", "common_agreement", "force_majeure"}
    ),
    "beneficiary": frozenset({"common_agreement", "general_interest"}),
    "judge": frozenset(GROUNDS),
}
#: Grounds that need a non-empty reason (any ground does, for a judge).
REASON_REQUIRED = frozenset({"interruption", "force_majeure", "general_interest"})
BASES = frozenset({"upheaval", "cause_disappeared", "other"})

OBLIGATIONS = (
    "designate_referent",
    "attend_meetings",
    "provide_staff",
    "facilitate_provider",
    "implement_measures",
    "inform_metropole",
    "validate_deliverables",
    "communicate_to_citizens",
    "respect_communication_rules",
    "report_referent_change",
    "free_access",
    "share_data",
    "ready_on_planned_date",
    "substantial_modification_without_consent",
    "other",
)
READY = "ready_on_planned_date"
ART9_STEPS = ("justifications_examined", "representatives_heard")
#: The events about a recorded breach (besides terminations).
BREACH_EVENTS = frozenset(
    {"formal_notice_sent", "breach_remedied", *ART9_STEPS, "experiment_stopped"}
)
#: The events allowed between a termination's decision and its effective date.
WHILE_TERMINATION_PENDING = frozenset({*ART9_STEPS, "experiment_stopped", "breach_remedied"})
PARTIES = ("metropole", "beneficiary")
CAUSES = ("beneficiary", "metropole", "provider")

#: Every trigger name ``allowed_on`` may answer.
TRIGGERS = tuple(t for t in EVENT_TYPES if t != "termination") + tuple(
    f"termination:{ground}" for ground in GROUNDS
)

ADVISORY_CODES = (
    "interruption_with_open_breach",
    "breach_termination_without_art9",
    "termination_after_late_remedy",
    "general_interest_by_beneficiary",
    "force_majeure",
    "termination_without_notification_date",
    "procurement_not_definitive",
    "not_ready_without_notice",
)

#: The conditions of the Art. 12 al. 2 indemnity, as ``indemnity_due`` names those unmet.
INDEMNITY_CONDITIONS = (
    "no_termination",  # no termination has taken effect on the date asked
    "not_by_metropole",  # « résiliation unilatérale … par la Métropole »
    "ground_not_for_breach",  # not on ground breach, sanction or not_ready
    "no_breach_named",  # « pour manquement du Bénéficiaire »: no breach named
    "breach_not_impeding",  # « de nature à empêcher le démarrage ou le bon déroulé »
    "no_formal_notice",  # the thirty days never started: no registered letter
    "remedy_period_not_over",  # terminated on or before the remedy deadline
    "remedied_in_time",  # « il n'y a pas été remédié … dans le délai »: it was
)

CHANGE_KEYS = frozenset(
    {
        "end_date",
        "duration_months",
        "indicative_start",
        "reduced_usage_after",
        "evaluation_deadline",
        "evaluation_period",
        "calendar",
        "market_total_ttc",
        "market_beneficiaries",
    }
)


class Refused(Exception):
    """The model refuses an event: ``article`` names the rule (``None``: none is named)."""

    def __init__(self, article: str | None, reason: str) -> None:
        super().__init__(f"refused: {reason} ({article})")
        self.article = article
        self.reason = reason


# --- small helpers --------------------------------------------------------------------


def _date(value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        raise TypeError("the model takes dates, not datetimes")
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(value)


def _optional_date(value: Any) -> dt.date | None:
    return None if value is None else _date(value)


def _duration(value: Any) -> tuple[int, int] | None:
    """``{"months": M, "days": D}`` → ``(M, D)`` (missing keys are 0)."""
    if value is None:
        return None
    return int(value.get("months", 0)), int(value.get("days", 0))


def _calendar(value: Any) -> tuple[tuple[str, int, int], ...]:
    steps = []
    for step in value or ():
        months, days = _duration(step.get("duration")) or (0, 0)
        steps.append((str(step.get("label", "")), months, days))
    return tuple(steps)


def _filled(text: Any) -> bool:
    return isinstance(text, str) and bool(text.strip())


def _normalised(event: dict[str, Any]) -> dict[str, Any]:
    """A copy of ``event`` with its dates as ``datetime.date``."""
    new = dict(event)
    new["on"] = _date(event["on"])
    for key in ("received_on", "notified_on", "effective_on"):
        if new.get(key) is not None:
            new[key] = _date(new[key])
    if isinstance(new.get("changes"), dict):
        changes = dict(new["changes"])
        for key in ("end_date", "indicative_start", "reduced_usage_after", "evaluation_deadline"):
            if changes.get(key) is not None:
                changes[key] = _date(changes[key])
        new["changes"] = changes
    return new


# --- breaches -------------------------------------------------------------------------


def _still_ground(breach: dict[str, Any]) -> bool:
    """RULES « Breaches »: a ground while open, and after it closes when remedied late
    without ``accepted_late``, or closed as ``sanctioned``."""
    if breach["open"] or breach["closed_as"] == "sanctioned":
        return True
    return bool(breach["late"] and not breach["accepted_late"])


def _expired(breach: dict[str, Any], on: dt.date) -> bool:
    """Its formal notice was sent and ``on`` is after its remedy deadline."""
    return breach["deadline"] is not None and on > breach["deadline"]


def _remedy(breach: dict[str, Any], on: dt.date, accepted_late: bool) -> None:
    """Close ``breach`` as remedied on ``on`` (late when after its deadline)."""
    late = breach["deadline"] is not None and on > breach["deadline"]
    breach["open"] = False
    breach["closed_as"] = "remedied"
    breach["remedied_on"] = on
    breach["late"] = late
    breach["accepted_late"] = late and accepted_late


def _named_breach(facts: dict[str, Any], event: dict[str, Any]) -> dict[str, Any]:
    """The breach an event names; without a name, the only open breach (reading 7)."""
    label = event.get("breach")
    if label is None:
        open_breaches = [b for b in facts["breaches"] if b["open"]]
        if len(open_breaches) != 1:
            raise Refused(None, f"name the breach: {len(open_breaches)} breaches are open")
        return open_breaches[0]
    for breach in facts["breaches"]:
        if breach["breach"] == label:
            return breach
    raise Refused(None, f"no breach {label!r} in the file")


# --- the facts and the state on a date ------------------------------------------------


def _initial_facts(convention: dict[str, Any]) -> dict[str, Any]:
    experiment = convention.get("experiment", {})
    return {
        # the convention's data, as amended (Art. 11)
        "end_date": _date(convention["end_date"]),
        "indicative_start": _date(experiment["indicative_start"]),
        "duration_months": int(experiment.get("duration_months", 1)),
        "calendar": _calendar(experiment.get("calendar")),
        "reduced_usage_after": _optional_date(experiment.get("reduced_usage_after")),
        "evaluation_deadline": _optional_date(experiment.get("evaluation_deadline")),
        "evaluation_period": _duration(experiment.get("evaluation_period")),
        "market_total_ttc": convention.get("market", {}).get("total_ttc"),
        "market_beneficiaries": convention.get("market", {}).get("beneficiaries"),
        # the life of the convention
        "signed": {},  # party -> date of its signature
        "effective_date": None,  # Art. 2: the last signature
        "phase": DRAFT,  # draft, before_start, experimenting, experiment_stopped, lapsed
        "delay_reported": False,  # any delay_reported since the signature
        "cause": None,  # the current delay cause, "ready" after beneficiary_ready
        "breaches": [],  # in order of recording
        "termination": None,
        "last_on": None,
        "count": 0,  # accepted events
        "advisories": (),  # (code, event index)
    }


def _coherent(facts: dict[str, Any]) -> bool:
    """The data rules of a convention file (reading 29): the end date not before the
    indicative start; an evaluation deadline after the indicative start, not after the end
    date, not before the date beyond which usage is reduced, and given with its period."""
    start, end = facts["indicative_start"], facts["end_date"]
    deadline, after = facts["evaluation_deadline"], facts["reduced_usage_after"]
    if end < start:
        return False
    if (deadline is None) != (facts["evaluation_period"] is None):
        return False
    if deadline is not None and not start < deadline <= end:
        return False
    return not (deadline is not None and after is not None and after > deadline)


def _copy(facts: dict[str, Any]) -> dict[str, Any]:
    new = dict(facts)
    new["signed"] = dict(facts["signed"])
    new["breaches"] = [{**b, "steps": dict(b["steps"])} for b in facts["breaches"]]
    return new


def _base_state(facts: dict[str, Any], on: dt.date) -> str:
    """The state without its breaches: the *return state* while a breach is open."""
    phase = facts["phase"]
    if phase != "before_start":
        return str(phase)
    # Reading 1: the planned start passed without a start is a delay (any cause).
    if facts["delay_reported"] or on > facts["indicative_start"]:
        return DELAYED
    return SIGNED


def _state(facts: dict[str, Any], on: dt.date) -> str:
    """The state on ``on`` after ``facts``, with the time-driven rules."""
    termination = facts["termination"]
    if termination is not None and on >= termination["effective_on"]:
        return TERMINATED
    if facts["phase"] == LAPSED:
        return LAPSED
    if facts["phase"] == DRAFT:
        # Art. 2: never signed by every party by its end date, it never took effect.
        return NOT_CONCLUDED if on > facts["end_date"] else DRAFT
    if on > facts["end_date"]:
        return ENDED  # « jusqu'au [Date] »: the end date itself is still in force
    open_breaches = [b for b in facts["breaches"] if b["open"]]
    if open_breaches:
        if any(b["notice_sent_on"] is None for b in open_breaches):
            return IN_BREACH
        return REMEDY_PERIOD
    return _base_state(facts, on)


def _pending_termination(facts: dict[str, Any], on: dt.date) -> bool:
    termination = facts["termination"]
    return termination is not None and on < termination["effective_on"]


# --- the model ------------------------------------------------------------------------


class ReferenceModel:
    """The convention's life, replayed from its dated events.

    ``convention`` is the file's data (``end_date``, ``experiment`` and optionally
    ``market`` and ``events``); its events are applied in order (a refused one raises
    :class:`Refused`). The options are RULES.md's **Default**s and their alternatives:

    - the remedy period (Art. 12 al. 1): ``remedy_days`` (30), ``remedy_extend`` (move a
      deadline on a non-working day to the next working day), ``closed_days`` (extra
      *jours chômés*), ``remedy_from_receipt`` (count from ``received_on``),
      ``remedy_franc`` (*délai franc*, one more day);
    - ``not_ready_notice_required`` (True: ground ``not_ready`` goes through the Art. 12
      notice; False: version 1's reading, with an advisory);
    - ``sanction_requires_remedy_period`` (True: ground ``sanction`` and
      ``experiment_stopped`` need the thirty days run out);
    - ``reduced_usage_inclusive`` (False: « avant le [Date] » is strict).
    """

    def __init__(
        self,
        convention: dict[str, Any],
        *,
        remedy_days: int = REMEDY_PERIOD_DAYS,
        remedy_extend: bool = True,
        closed_days: frozenset[dt.date] | set[dt.date] = frozenset(),
        remedy_from_receipt: bool = False,
        remedy_franc: bool = False,
        not_ready_notice_required: bool = True,
        sanction_requires_remedy_period: bool = True,
        reduced_usage_inclusive: bool = False,
    ) -> None:
        self.remedy_days = remedy_days
        self.remedy_extend = remedy_extend
        self.closed_days = frozenset(closed_days)
        self.remedy_from_receipt = remedy_from_receipt
        self.remedy_franc = remedy_franc
        self.not_ready_notice_required = not_ready_notice_required
        self.sanction_requires_remedy_period = sanction_requires_remedy_period
        self.reduced_usage_inclusive = reduced_usage_inclusive
        self.initial = _initial_facts(convention)
        #: The accepted events (dates normalised), in order.
        self.events: list[dict[str, Any]] = []
        #: The facts after each accepted event (same order as ``events``).
        self.history: list[dict[str, Any]] = []
        for event in convention.get("events", ()):
            self.apply(event)

    # -- replaying ---------------------------------------------------------------------

    @property
    def facts(self) -> dict[str, Any]:
        """The facts after every accepted event."""
        return self.history[-1] if self.history else self.initial

    def facts_on(self, on: dt.date) -> dict[str, Any]:
        """The facts after the events dated on or before ``on`` (the others are pending)."""
        facts = self.initial
        for event, after in zip(self.events, self.history, strict=True):
            if event["on"] > on:
                break
            facts = after
        return facts

    def check(self, event: dict[str, Any]) -> Refused | None:
        """Why ``event`` would be refused after every accepted event, or ``None``."""
        try:
            self._guard(self.facts, _normalised(event))
        except Refused as refusal:
            return refusal
        return None

    def apply(self, event: dict[str, Any]) -> None:
        """Record ``event``, or raise :class:`Refused` (then nothing changes)."""
        event = _normalised(event)
        self._guard(self.facts, event)
        self.history.append(self._after(self.facts, event))
        self.events.append(event)

    def apply_all(self, events: list[dict[str, Any]]) -> list[Refused | None]:
        """Apply each event in turn; for each, its refusal or ``None`` (accepted)."""
        results: list[Refused | None] = []
        for event in events:
            try:
                self.apply(event)
            except Refused as refusal:
                results.append(refusal)
            else:
                results.append(None)
        return results

    # -- questions for a date ----------------------------------------------------------

    def state_on(self, on: Any) -> str:
        """The state on ``on``: the events up to that day, then the time-driven facts."""
        on = _date(on)
        return _state(self.facts_on(on), on)

    def return_state_on(self, on: Any) -> str | None:
        """While ``in_breach`` or ``remedy_period``: the state the convention returns to
        when its last open breach closes (reading 2); else ``None``."""
        on = _date(on)
        facts = self.facts_on(on)
        if _state(facts, on) not in BREACH_STATES:
            return None
        return _base_state(facts, on)

    def effective_date(self, on: Any = None) -> dt.date | None:
        """Art. 2: the date of the last signature, once both parties signed (by ``on``;
        ``None``: after every accepted event)."""
        facts = self.facts if on is None else self.facts_on(_date(on))
        value: dt.date | None = facts["effective_date"]
        return value

    def end_date_on(self, on: Any = None) -> dt.date:
        """The end date (Art. 2), as amended (Art. 11) by ``on``."""
        facts = self.facts if on is None else self.facts_on(_date(on))
        value: dt.date = facts["end_date"]
        return value

    def planned_start_on(self, on: Any = None) -> dt.date:
        """The indicative start (Art. 5 al. 1), as amended (Art. 11) by ``on``."""
        facts = self.facts if on is None else self.facts_on(_date(on))
        value: dt.date = facts["indicative_start"]
        return value

    def last_date(self) -> dt.date | None:
        """The date of the last accepted event."""
        value: dt.date | None = self.facts["last_on"]
        return value

    def breaches_on(self, on: Any) -> list[dict[str, Any]]:
        """Every breach recorded by ``on``, in order of recording (RULES « Breaches »)."""
        on = _date(on)
        return [
            {
                "breach": b["breach"],
                "obligation": b["obligation"],
                "recorded_on": b["recorded_on"],
                "impedes_experiment": b["impedes_experiment"],
                "notice_sent_on": b["notice_sent_on"],
                "remedy_deadline": b["deadline"],
                "remedied_on": b["remedied_on"],
                "late": b["late"],
                "accepted_late": b["accepted_late"],
                "open": b["open"],
                "closed_as": b["closed_as"],
                "still_ground": _still_ground(b),
                "art9_steps": dict(b["steps"]),
            }
            for b in self.facts_on(on)["breaches"]
        ]

    def remedy_deadline_on(self, on: Any) -> dt.date | None:
        """The earliest remedy deadline among the open breaches that have had their
        formal notice; ``None`` when none has, or in a final state (reading 21)."""
        on = _date(on)
        facts = self.facts_on(on)
        if _state(facts, on) in FINAL:
            return None
        deadlines = [b["deadline"] for b in facts["breaches"] if b["open"] and b["deadline"]]
        return min(deadlines) if deadlines else None

    def termination_on(self, on: Any) -> dict[str, Any] | None:
        """The termination decided by ``on`` (effective or not yet): ``on``,
        ``notified_on`` (as given, or ``None``), ``effective_on`` (computed), ``ground``,
        ``by``, ``reason``."""
        termination = self.facts_on(_date(on))["termination"]
        if termination is None:
            return None
        keys = ("on", "notified_on", "effective_on", "ground", "by", "reason")
        return {key: termination[key] for key in keys}

    def advisories_on(self, on: Any) -> list[tuple[str, int]]:
        """The advisories raised by the accepted events dated up to ``on``: ``(code,
        index of the event among the accepted events)``."""
        return list(self.facts_on(_date(on))["advisories"])

    def pending_on(self, on: Any) -> list[dict[str, Any]]:
        """The accepted events dated after ``on`` (« à venir »)."""
        on = _date(on)
        return [event for event in self.events if event["on"] > on]

    def allowed_on(self, on: Any) -> set[str]:
        """The triggers some well-formed event dated ``on`` would be accepted as, given the
        events dated up to ``on``. Breach events are tried with every breach label of the
        file (and without one); terminations by the party that may use the ground (the
        beneficiary for ``general_interest``, the Métropole otherwise), with a reason."""
        on = _date(on)
        facts = self.facts_on(on)
        allowed = set()
        for trigger, event in _probes(facts, on):
            if trigger in allowed:
                continue
            try:
                self._guard(facts, event)
            except Refused:
                continue
            allowed.add(trigger)
        return allowed

    # -- Art. 5 calendar ---------------------------------------------------------------

    def usage_last_day(self, start: Any, on: Any = None) -> dt.date | None:
        """Art. 5: the last day of use of the experiment started on ``start``, with the
        al. 5 cut for a late set-up (data as amended by ``on``; ``None``: by every
        accepted event). ``None`` when no day of use is left."""
        facts = self.facts if on is None else self.facts_on(_date(on))
        months, days = facts["evaluation_period"] or (0, 0)
        return usage_last_day(
            _date(start),
            facts["duration_months"],
            indicative_start=facts["indicative_start"],
            evaluation_deadline=facts["evaluation_deadline"],
            evaluation_months=months,
            evaluation_days=days,
            inclusive=self.reduced_usage_inclusive,
        )

    def deployment_steps(self, start: Any, on: Any = None) -> list[dict[str, Any]]:
        """Art. 5 al. 2: each calendar step's ``label``, ``first_day`` and ``last_day``,
        the first starting on ``start``, each next one the day after the last ended."""
        facts = self.facts if on is None else self.facts_on(_date(on))
        first = _date(start)
        steps = []
        for label, months, days in facts["calendar"]:
            last = step_last_day(first, months, days)
            steps.append({"label": label, "first_day": first, "last_day": last})
            first = last + ONE_DAY
        return steps

    # -- Art. 12 al. 2 -----------------------------------------------------------------

    def indemnity_due(self, on: Any) -> tuple[bool, list[str]]:
        """RULES « The Article 12 indemnity »: whether the Métropole may claim it on
        ``on``, and every unmet condition (codes of ``INDEMNITY_CONDITIONS``)."""
        on = _date(on)
        termination = self.facts_on(on)["termination"]
        if termination is None or on < termination["effective_on"]:
            return False, ["no_termination"]
        unmet = []
        if termination["by"] != "metropole":
            unmet.append("not_by_metropole")
        if termination["ground"] not in BREACH_GROUNDS:
            unmet.append("ground_not_for_breach")
        breach = None
        for record in self.facts_on(on)["breaches"]:
            if record["breach"] == termination["breach"]:
                breach = record
        if breach is None:
            unmet.append("no_breach_named")
        else:
            if not breach["impedes_experiment"]:
                unmet.append("breach_not_impeding")
            if breach["deadline"] is None:
                unmet.append("no_formal_notice")
            elif not termination["on"] > breach["deadline"]:
                unmet.append("remedy_period_not_over")
            remedied_in_time = not breach["late"] or breach["accepted_late"]
            if breach["remedied_on"] is not None and remedied_in_time:
                unmet.append("remedied_in_time")
        return not unmet, unmet

    # -- the guards --------------------------------------------------------------------

    def _guard(self, facts: dict[str, Any], event: dict[str, Any]) -> None:
        """Raise :class:`Refused` if ``event`` may not follow ``facts``."""
        kind = event.get("type")
        if kind not in EVENT_TYPES:
            raise Refused(None, f"unknown event type {kind!r}")
        on: dt.date = event["on"]
        if facts["last_on"] is not None and on < facts["last_on"]:
            raise Refused(None, f"dated before the last event ({facts['last_on']})")
        state = _state(facts, on)
        if state in FINAL:
            raise Refused(FINAL_ARTICLE[state], f"the convention is {state}")
        if _pending_termination(facts, on) and kind not in WHILE_TERMINATION_PENDING:
            effective = facts["termination"]["effective_on"]
            raise Refused(None, f"termination decided, effective on {effective}")
        if kind == "termination":
            self._guard_termination(facts, event, state)
            return
        article = ARTICLE[kind]
        before_start = facts["phase"] == "before_start"
        if kind == "signature":
            if event.get("party") not in PARTIES:
                raise Refused(None, f"unknown party {event.get('party')!r}")
            if state != DRAFT or event["party"] in facts["signed"]:
                raise Refused(article, f"{event['party']} has already signed")
        elif kind in ("delay_reported", "beneficiary_ready", "experiment_started"):
            if kind == "delay_reported" and event.get("cause") not in CAUSES:
                raise Refused(None, f"unknown cause {event.get('cause')!r}")
            # RULES « Life goes on during a breach »: also during a breach whose return
            # state is signed or delayed (reading 3).
            if not before_start:
                raise Refused(article, f"not allowed in state {state}")
        elif kind == "breach_recorded":
            self._guard_breach_recorded(facts, event, state)
        elif kind in BREACH_EVENTS:
            self._guard_breach_event(facts, event, state)
        elif kind == "procurement_unsuccessful":
            if state not in (DRAFT, SIGNED, DELAYED):
                raise Refused(article, f"not allowed in state {state}")
        elif kind == "amendment_signed":
            new_end = (event.get("changes") or {}).get("end_date")
            if new_end is not None and new_end < on:
                raise Refused(article, "the new end date is before the amendment")
            amended = dict(facts)
            _amend(amended, event.get("changes") or {})
            if not _coherent(amended):
                raise Refused(article, "the amended convention breaks a rule of its data")

    def _guard_breach_event(self, facts: dict[str, Any], event: dict[str, Any], state: str) -> None:
        """The events about a recorded breach (RULES « Breaches »)."""
        kind, on = event["type"], event["on"]
        article = ARTICLE[kind]
        breach = _named_breach(facts, event)
        if kind == "formal_notice_sent":
            if not breach["open"] or breach["notice_sent_on"] is not None:
                raise Refused(article, f"breach {breach['breach']} is closed or has its notice")
            received = event.get("received_on")
            if received is not None and received < on:
                raise Refused(None, "received before it was sent")
        elif kind == "breach_remedied":
            if not breach["open"]:
                raise Refused(article, f"breach {breach['breach']} is not open")
        elif kind in ART9_STEPS:
            if not _still_ground(breach):
                raise Refused(article, f"breach {breach['breach']} is neither open nor a ground")
        else:  # experiment_stopped: Art. 9 « peut décider de la fin de l'expérimentation »
            if state not in (EXPERIMENTING, IN_BREACH, REMEDY_PERIOD):
                raise Refused(article, f"not allowed in state {state}")
            if breach["closed_as"] == "sanctioned":
                raise Refused(article, f"breach {breach['breach']} was already sanctioned")
            self._guard_sanction(breach, on, article)

    def _guard_breach_recorded(
        self, facts: dict[str, Any], event: dict[str, Any], state: str
    ) -> None:
        article = ARTICLE["breach_recorded"]
        if state not in IN_FORCE:
            raise Refused(article, f"not allowed in state {state}")
        obligation = event.get("obligation")
        if obligation not in OBLIGATIONS:
            raise Refused(None, f"unknown obligation {obligation!r}")
        if obligation == "other" and not _filled(event.get("details")):
            raise Refused(None, "an obligation « other » needs details")
        label = event.get("breach") or f"B{len(facts['breaches']) + 1}"
        if any(b["breach"] == label for b in facts["breaches"]):
            raise Refused(None, f"breach label {label!r} already used")
        if obligation == READY:
            if event["on"] < facts["indicative_start"]:
                raise Refused(READY_ARTICLE, "before the planned start")
            if facts["phase"] != "before_start":
                raise Refused(READY_ARTICLE, "the experiment has started or stopped")
            if facts["cause"] not in (None, "beneficiary"):
                raise Refused(READY_ARTICLE, "the current delay cause is not the beneficiary")

    def _guard_sanction(self, breach: dict[str, Any], on: dt.date, article: str | None) -> None:
        """Art. 9: the breach still a ground, both procedure steps, and (Default) its
        thirty days run out."""
        if not _still_ground(breach):
            raise Refused(article, f"breach {breach['breach']} is no longer a ground")
        if not all(step in breach["steps"] for step in ART9_STEPS):
            raise Refused(article, "the Art. 9 procedure is not complete")
        if self.sanction_requires_remedy_period and not _expired(breach, on):
            raise Refused(article, "no notice, or its remedy deadline has not passed")

    def _guard_termination(self, facts: dict[str, Any], event: dict[str, Any], state: str) -> None:
        ground = event.get("ground")
        if ground not in GROUNDS:
            raise Refused(None, f"unknown ground {ground!r}")
        by = event.get("by") or "metropole"
        if by not in GROUNDS_BY:
            raise Refused(None, f"unknown party {by!r}")
        article = GROUND_ARTICLE[ground]
        on: dt.date = event["on"]
        if state not in IN_FORCE:
            raise Refused(article, f"not in force ({state})")
        if ground != "common_agreement" and ground not in GROUNDS_BY[by]:
            raise Refused(article, f"{by} may not terminate on ground {ground}")
        needs_reason = ground in REASON_REQUIRED or (by == "judge" and ground != "common_agreement")
        if needs_reason and not _filled(event.get("reason")):
            raise Refused(article, "a reason is required")
        if ground == "general_interest" and event.get("basis") not in (None, *BASES):
            raise Refused(None, f"unknown basis {event.get('basis')!r}")
        notified = event.get("notified_on")
        if notified is not None and notified < on:
            raise Refused(None, "notified before it was decided")
        if event.get("effective_on") is not None and event["effective_on"] < (notified or on):
            raise Refused(None, "effective before it was notified")
        if self._effective_on(event) > facts["end_date"]:
            raise Refused("Art. 2", "effective after the end date: the convention ends itself")
        if by == "judge":
            if event.get("breach") is not None:
                _named_breach(facts, event)
            return
        if ground in ("breach", "sanction"):
            breach = _named_breach(facts, event)
            if ground == "sanction":
                self._guard_sanction(breach, on, article)
            elif not _still_ground(breach) or not _expired(breach, on):
                raise Refused(article, "no notice, deadline not passed, or remedied in time")
        elif ground == "not_ready":
            if self._not_ready_by_notice(facts, event, article):
                return
            if not self.not_ready_notice_required and self._not_ready_without_notice(facts, on):
                return
            raise Refused(article, "no ready_on_planned_date breach past its deadline")

    def _not_ready_by_notice(
        self, facts: dict[str, Any], event: dict[str, Any], article: str | None
    ) -> bool:
        """Ground ``not_ready`` on the notice reading (the Default): the breach named (or
        the only open one) is a ``ready_on_planned_date`` breach, still a ground, past its
        remedy deadline. Under the option, an unnamed ground without a single open
        ``ready_on_planned_date`` breach is left to version 1's reading (False)."""
        breach = self._not_ready_breach(facts, event)
        if breach is None:
            if self.not_ready_notice_required or event.get("breach") is not None:
                named = _named_breach(facts, event)  # raises when none or several are open
                raise Refused(article, f"breach {named['breach']} is not {READY}")
            return False
        return _still_ground(breach) and _expired(breach, event["on"])

    def _not_ready_breach(
        self, facts: dict[str, Any], event: dict[str, Any]
    ) -> dict[str, Any] | None:
        """The ``ready_on_planned_date`` breach a ``not_ready`` termination names (or the
        only open breach when it names none), or ``None``. An unknown label raises."""
        if event.get("breach") is not None:
            breach = _named_breach(facts, event)
        else:
            open_breaches = [b for b in facts["breaches"] if b["open"]]
            if len(open_breaches) != 1:
                return None
            breach = open_breaches[0]
        return breach if breach["obligation"] == READY else None

    def _not_ready_without_notice(self, facts: dict[str, Any], on: dt.date) -> bool:
        """Version 1's reading (option ``not_ready_notice_required=False``): not started,
        after the planned start, the current delay cause the beneficiary."""
        return (
            facts["phase"] == "before_start"
            and on > facts["indicative_start"]
            and facts["cause"] == "beneficiary"
        )

    def _effective_on(self, event: dict[str, Any]) -> dt.date:
        """When a termination takes effect (RULES « Effective date of a termination »)."""
        if event.get("effective_on") is not None:
            value: dt.date = event["effective_on"]
            return value
        if (event.get("by") or "metropole") == "judge":
            return _date(event["on"])
        return _date(event.get("notified_on") or event["on"])

    # -- the effects -------------------------------------------------------------------

    def _after(self, facts: dict[str, Any], event: dict[str, Any]) -> dict[str, Any]:
        """The facts after an accepted ``event`` (``facts`` is not changed)."""
        new = _copy(facts)
        kind, on = event["type"], event["on"]
        index = facts["count"]
        new["last_on"] = on
        new["count"] = index + 1
        codes: list[str] = []
        if kind == "signature":
            new["signed"][event["party"]] = on
            if set(new["signed"]) == set(PARTIES):
                new["effective_date"] = on  # Art. 2: the last signature
                new["phase"] = "before_start"
        elif kind == "delay_reported":
            new["delay_reported"] = True
            new["cause"] = event["cause"]  # the latest report decides
        elif kind in ("beneficiary_ready", "experiment_started"):
            if kind == "beneficiary_ready":
                new["cause"] = "ready"
            else:
                new["phase"] = EXPERIMENTING
            for breach in new["breaches"]:
                if breach["open"] and breach["obligation"] == READY:
                    _remedy(breach, on, accepted_late=False)
        elif kind == "breach_recorded":
            obligation = event["obligation"]
            new["breaches"].append(
                {
                    "breach": event.get("breach") or f"B{len(facts['breaches']) + 1}",
                    "obligation": obligation,
                    "recorded_on": on,
                    "impedes_experiment": obligation == READY
                    or bool(event.get("impedes_experiment", False)),
                    "notice_sent_on": None,
                    "deadline": None,
                    "remedied_on": None,
                    "late": False,
                    "accepted_late": False,
                    "open": True,
                    "closed_as": None,
                    "steps": {},
                }
            )
        elif kind in BREACH_EVENTS:
            self._after_breach_event(new, event)
        elif kind == "procurement_unsuccessful":
            if event.get("definitive", False):
                new["phase"] = LAPSED
            else:
                codes.append("procurement_not_definitive")
        elif kind == "amendment_signed":
            _amend(new, event.get("changes") or {})
        elif kind == "termination":
            codes += self._terminate(facts, new, event)
        new["advisories"] = facts["advisories"] + tuple(
            (code, index) for code in ADVISORY_CODES if code in codes
        )
        return new

    def _after_breach_event(self, new: dict[str, Any], event: dict[str, Any]) -> None:
        """The effects of an event about a recorded breach, in ``new``."""
        kind, on = event["type"], event["on"]
        breach = _named_breach(new, event)
        if kind == "formal_notice_sent":
            breach["notice_sent_on"] = on
            start = on
            if self.remedy_from_receipt and event.get("received_on") is not None:
                start = event["received_on"]
            breach["deadline"] = remedy_deadline(
                start,
                self.remedy_days,
                extend=self.remedy_extend,
                closed_days=self.closed_days,
                franc=self.remedy_franc,
            )
        elif kind == "breach_remedied":
            _remedy(breach, on, accepted_late=bool(event.get("accepted_late", False)))
        elif kind in ART9_STEPS:
            breach["steps"].setdefault(kind, on)
        else:  # experiment_stopped
            breach["open"] = False
            breach["closed_as"] = "sanctioned"
            new["phase"] = EXPERIMENT_STOPPED

    def _terminate(
        self, facts: dict[str, Any], new: dict[str, Any], event: dict[str, Any]
    ) -> list[str]:
        """Record the termination in ``new``; the advisory codes it raises."""
        ground = event["ground"]
        by = event.get("by") or "metropole"
        on = event["on"]
        breach = None
        if ground == "not_ready":
            breach = self._not_ready_breach(new, event)
        elif ground in BREACH_GROUNDS or event.get("breach") is not None:
            try:
                breach = _named_breach(new, event)
            except Refused:  # a judgment naming no breach, with none or several open
                breach = None
        new["termination"] = {
            "on": on,
            "notified_on": event.get("notified_on"),
            "effective_on": self._effective_on(event),
            "ground": ground,
            "by": by,
            "reason": event.get("reason"),
            "basis": event.get("basis"),
            "breach": None if breach is None else breach["breach"],
        }
        codes = []
        unilateral = by in PARTIES and ground != "common_agreement"
        if by == "metropole":
            if ground == "interruption" and any(b["open"] for b in facts["breaches"]):
                codes.append("interruption_with_open_breach")
            lacks_art9 = breach is not None and not all(s in breach["steps"] for s in ART9_STEPS)
            if ground in ("breach", "not_ready") and lacks_art9:
                codes.append("breach_termination_without_art9")
            late = breach is not None and breach["late"] and not breach["accepted_late"]
            if ground in BREACH_GROUNDS and late:
                codes.append("termination_after_late_remedy")
            if ground == "not_ready" and not self.not_ready_notice_required:
                by_notice = breach is not None and _still_ground(breach) and _expired(breach, on)
                if not by_notice:
                    codes.append("not_ready_without_notice")
        if ground == "general_interest" and by == "beneficiary":
            codes.append("general_interest_by_beneficiary")
        if ground == "force_majeure":
            codes.append("force_majeure")
        if unilateral and event.get("notified_on") is None:
            codes.append("termination_without_notification_date")
        return codes


def _amend(facts: dict[str, Any], changes: dict[str, Any]) -> None:
    """Art. 11: the changes an avenant makes to the convention's data."""
    for key in ("end_date", "indicative_start", "reduced_usage_after", "evaluation_deadline"):
        if changes.get(key) is not None:
            facts[key] = changes[key]
    if changes.get("duration_months") is not None:
        facts["duration_months"] = int(changes["duration_months"])
    if changes.get("evaluation_period") is not None:
        facts["evaluation_period"] = _duration(changes["evaluation_period"])
    if changes.get("calendar") is not None:
        facts["calendar"] = _calendar(changes["calendar"])
    if changes.get("market_total_ttc") is not None:
        facts["market_total_ttc"] = changes["market_total_ttc"]
    if changes.get("market_beneficiaries") is not None:
        facts["market_beneficiaries"] = changes["market_beneficiaries"]


REASON = "motif d'intérêt général"


def _probes(facts: dict[str, Any], on: dt.date) -> list[tuple[str, dict[str, Any]]]:
    """For each trigger, the well-formed events dated ``on`` that ``allowed_on`` tries."""
    labels: list[str | None] = [None, *(b["breach"] for b in facts["breaches"])]
    fresh = f"probe-{len(facts['breaches']) + 1}"
    probes: list[tuple[str, dict[str, Any]]] = []

    def add(trigger: str, **fields: Any) -> None:
        kind = trigger.partition(":")[0]
        probes.append((trigger, {"type": kind, "on": on, **fields}))

    for party in PARTIES:
        add("signature", party=party)
    for cause in CAUSES:
        add("delay_reported", cause=cause)
    add("beneficiary_ready")
    add("experiment_started")
    for obligation in OBLIGATIONS:
        for label in (None, fresh):
            add(
                "breach_recorded",
                breach=label,
                obligation=obligation,
                impedes_experiment=True,
                details="constaté",
            )
    for label in labels:
        add("formal_notice_sent", breach=label, letter_reference="LRAR")
        add("breach_remedied", breach=label, accepted_late=False)
        add("justifications_examined", breach=label)
        add("representatives_heard", breach=label)
        add("experiment_stopped", breach=label, reason=REASON)
    for definitive in (False, True):
        add("procurement_unsuccessful", definitive=definitive)
    add("amendment_signed", changes={"market_beneficiaries": 2})
    for ground in GROUNDS:
        by = "beneficiary" if ground == "general_interest" else "metropole"
        for label in labels if ground in BREACH_GROUNDS else [None]:
            add(f"termination:{ground}", ground=ground, by=by, reason=REASON, breach=label)
    return probes
