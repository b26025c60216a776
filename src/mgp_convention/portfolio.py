"""The portfolio: every convention of a folder, its next legal date and the action it calls for.

The programme officer's Monday-morning question — *which conventions need action, and
by when?* — answered from the files alone, for a given date (no rule reads the clock).

Two layers, both used by the ``portfolio`` and ``calendar`` commands:

- :func:`legal_dates`: **every** legal date of one convention, each with a stable
  ``key`` (``"end_date"``, ``"remedy_deadline_1"``…), a title in English and French,
  and the article it applies, quoted. A date that no longer applies (a termination
  came first, a breach was remedied, it falls after the end date) is kept, marked
  ``void`` with the reason, so that a calendar can cancel it rather than leave it;
- :func:`next_step`: from the state on a date, the **one** next legal date and what it
  calls for, by the rules below; :func:`portfolio` makes one :class:`Row` of it per
  file and sorts them by urgency. A file that cannot be used — it does not load, or
  the lifecycle refuses one of its events — is a :class:`Failure` listing its
  problems, and never hides the other files.

The next legal date, by state (the state on the date asked, with its time-driven facts):

========================  ================================================================
state                     next date → the action it calls for
========================  ================================================================
``draft``                 none of its own: the end date (Art. 2) → awaiting signatures.
                          « La présente Convention prend effet à compter de sa signature
                          par l'ensemble des parties, jusqu'au [Date]. »
``signed``                the planned start (Art. 5 al. 1, « un début souhaité [Date
                          indicative] ») → record the start. Once passed: **overdue**,
                          record the start or a delay (Art. 5 al. 3, « Le bénéficiaire est
                          tenu de faire le nécessaire pour pouvoir accueillir
                          l'expérimentation à la date prévue »).
``delayed``               delay caused by the beneficiary: the planned start; once passed,
                          **overdue**: termination possible (Art. 5 al. 3, « Dans la
                          négative, la Métropole du Grand Paris se réserve le droit de
                          résilier »). Another cause: the setup date beyond which usage is
                          reduced, then the last day of use still possible (Art. 5 al. 5).
``experimenting``         the last day of use (Art. 5 al. 1, or al. 5 when reduced), then
                          the evaluation deadline (Art. 5 al. 5, « avant le [Date] »).
``in_breach``             **overdue** from the breach's date: send the formal notice, which
                          starts the thirty days (Art. 12 al. 2, « à compter de l'envoi
                          d'une lettre recommandée avec accusé de réception »).
``remedy_period``         the remedy deadline (Art. 12 al. 2); once passed, **overdue**:
                          termination for breach possible from the day after (Art. 12
                          al. 1, « la faculté de résilier à tout moment le contrat en cas
                          de manquement »).
``terminated``, ``ended`` none: final states, listed last.
========================  ================================================================

In every non-final state, the end date (Art. 2, « jusqu'au [Date] ») is the next date
when nothing comes sooner. **Urgency order**: the overdue rows first (the oldest date
first), then by next date (the earliest first), then the final states; ties by
reference, then file name. A row is ``soon`` when its date is within
:data:`SOON_DAYS` days (a display choice, not a legal period).

>>> import datetime as dt
>>> from mgp_convention.examples import example_convention
>>> from mgp_convention.lifecycle import Lifecycle
>>> lifecycle = Lifecycle.from_convention(example_convention())  # signed 19 Nov 2026
>>> [(d.key, str(d.on)) for d in legal_dates(lifecycle, dt.date(2026, 11, 28))][:3]
[('effective_date', '2026-11-19'), ('planned_start', '2027-03-01'), ('deployment_step_1', '2027-03-01')]
>>> status = lifecycle.status(dt.date(2027, 3, 2))
>>> step = next_step(status, legal_dates(lifecycle, status.on, status))
>>> step.on, step.urgency.value, step.article
(datetime.date(2027, 3, 1), 'overdue', 'Art. 5 al. 3')
>>> step.action
'start missed: record the start of the experiment, or a delay and its cause'
"""  # noqa: E501

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, Final

import attrs

from mgp_convention.articles.art02_duration import ART2_DURATION, ART2_SIGNATURE
from mgp_convention.articles.art05_calendar import (
    ART5_CALENDAR,
    ART5_DURATION,
    ART5_REDUCED_USAGE,
    deployment_schedule,
)
from mgp_convention.articles.art05_delays import ART5_NOT_READY
from mgp_convention.articles.art09_sanctions import ART9_SANCTION
from mgp_convention.articles.art12_remedy import ART12_REMEDY, RemedyOptions, remedy_deadline
from mgp_convention.articles.art12_termination import ART12_TERMINATION
from mgp_convention.calendar import (
    ONE_DAY,
    Lang,
    format_date,
    subtract_duration,
    to_paris_date,
)
from mgp_convention.citations import Citation
from mgp_convention.convention import Convention
from mgp_convention.errors import ConventionError, EventRefused, LoadError, Problem
from mgp_convention.events import (
    BreachRecorded,
    BreachRemedied,
    DelayCause,
    DelayReported,
    FormalNoticeSent,
    Ground,
)
from mgp_convention.i18n import check_lang
from mgp_convention.io import FolderLoad, load_folder
from mgp_convention.lifecycle import Lifecycle, State, Status

__all__ = [
    "SOON_DAYS",
    "Failure",
    "LegalDate",
    "NextStep",
    "Portfolio",
    "Row",
    "Urgency",
    "legal_dates",
    "next_step",
    "portfolio",
    "portfolio_of",
    "row_of",
]

#: A row whose next date is at most this many days ahead is ``soon`` (a display choice
#: for "this week", not a period of the contract).
SOON_DAYS: Final = 7


# --- every legal date of one convention -----------------------------------------------------


@attrs.frozen
class LegalDate:
    """One legal date of a convention.

    ``key`` names the date, stably: it does not change when the date moves (an
    amendment, the actual start), so a calendar entry can be updated rather than
    duplicated. ``title`` / ``title_fr``: what the date means. ``citation``: the rule
    that sets it, quoted. ``void`` / ``void_fr``: why the date no longer applies
    (``None`` while it does).
    """

    key: str
    on: dt.date
    title: str
    title_fr: str
    citation: Citation
    void: str | None = None
    void_fr: str | None = None

    @property
    def article(self) -> str:
        """The rule's reference, e.g. ``"Art. 12 al. 2"``."""
        return self.citation.label

    def title_in(self, lang: Lang) -> str:
        """The title in ``lang``."""
        return self.title_fr if check_lang(lang) == "fr" else self.title

    def void_in(self, lang: Lang) -> str | None:
        """Why the date no longer applies, in ``lang`` (``None`` while it does)."""
        return self.void_fr if check_lang(lang) == "fr" else self.void

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict; the date as ``YYYY-MM-DD``."""
        return {
            "key": self.key,
            "date": self.on.isoformat(),
            "title": self.title,
            "title_fr": self.title_fr,
            "article": self.article,
            "citation": self.citation.text,
            "void": self.void,
            "void_fr": self.void_fr,
        }


def _iso_fr(day: dt.date) -> str:
    return format_date(day, "fr")


def _notice_deadline(notice: FormalNoticeSent, options: RemedyOptions) -> dt.date:
    """The Art. 12 al. 2 deadline of a formal notice, read as the lifecycle reads it."""
    if options.count_from == "receipt":
        options = attrs.evolve(options, received_on=notice.received_on)
    return remedy_deadline(notice.on, options).expires_on


def _remedy_dates(lifecycle: Lifecycle, status: Status) -> list[LegalDate]:
    """The remedy deadline of each formal notice in the history (Art. 12 al. 2), and the
    first day termination for breach is allowed (Art. 12 al. 1), voided by a remedy.

    The notices are numbered in the order of the history (``remedy_deadline_1``…): a
    later breach gets its own keys, and never moves an earlier deadline.
    """
    found: list[LegalDate] = []
    number = 0
    open_key: str | None = None
    for entry in status.history:
        event = entry.event
        if isinstance(event, FormalNoticeSent):
            number += 1
            open_key = f"termination_allowed_from_{number}"
            if status.remedy_deadline is not None and status.remedy_deadline.sent_on == event.on:
                expires = status.remedy_deadline.expires_on
            else:
                expires = _notice_deadline(event, lifecycle.remedy_options)
            sent_en, sent_fr = event.on.isoformat(), _iso_fr(event.on)
            found.append(
                LegalDate(
                    f"remedy_deadline_{number}",
                    expires,
                    f"remedy deadline (formal notice sent on {sent_en})",
                    f"fin du délai de remédiation (mise en demeure envoyée le {sent_fr})",
                    ART12_REMEDY,
                )
            )
            found.append(
                LegalDate(
                    open_key,
                    expires + ONE_DAY,
                    "termination for breach possible, unless remedied",
                    "résiliation pour manquement possible, faute de remédiation",
                    ART12_TERMINATION,
                )
            )
        elif isinstance(event, BreachRemedied) and open_key is not None:
            found[-1] = attrs.evolve(
                found[-1],
                void=f"the breach was remedied on {event.on.isoformat()}",
                void_fr=f"manquement réparé le {_iso_fr(event.on)}",
            )
            open_key = None
        elif isinstance(event, BreachRecorded):
            open_key = None
    return found


def _beneficiary_delay(status: Status) -> bool:
    return any(
        isinstance(entry.event, DelayReported) and entry.event.cause is DelayCause.BENEFICIARY
        for entry in status.history
    )


def legal_dates(
    lifecycle: Lifecycle, on: dt.date | dt.datetime, status: Status | None = None
) -> tuple[LegalDate, ...]:
    """Every legal date of ``lifecycle``'s convention as it stands on ``on``, by date.

    The events dated up to ``on`` count, and the terms as amended by then (Art. 11).
    ``status``: ``lifecycle.status(on)`` when the caller has it already. The dates
    and their keys:

    - ``effective_date``: the last signature (Art. 2, « prend effet à compter de sa
      signature par l'ensemble des parties »), once every party signed;
    - ``planned_start``: the indicative start (Art. 5 al. 1, « un début souhaité
      [Date indicative] »);
    - ``reduced_usage_after``: a setup after it reduces the period of use (Art. 5 al. 5,
      « si celle-ci intervenait au-delà de [Date] »), when the convention sets one;
    - ``deployment_step_<n>``: the first day of each step of the deployment calendar
      (Art. 5 al. 2, « le calendrier de déploiement suivant »), from the actual start,
      or from the planned start until then;
    - ``experiment_started``: the actual start; ``usage_end``: the last day of use
      (start + N months − 1 day, Art. 5 al. 1; Art. 5 al. 5 when reduced);
    - ``usage_cut``: the last day of use possible whatever the start, evaluation
      deadline − evaluation period (Art. 5 al. 5, « afin de permettre la finalisation du
      bilan et de la mesure d'impact »); ``evaluation_deadline``: « avant le [Date] »;
    - ``not_ready_termination_from``: the day after the planned start, once a delay
      caused by the beneficiary is recorded (Art. 5 al. 3, « Dans la négative, la
      Métropole du Grand Paris se réserve le droit de résilier »); void once started;
    - ``remedy_deadline_<n>`` and ``termination_allowed_from_<n>``: for the n-th formal
      notice, the end of the thirty days (Art. 12 al. 2) and the day after (Art. 12
      al. 1); the latter is void once the breach is remedied;
    - ``end_date``: the last day in force (Art. 2, « jusqu'au [Date] »).

    A date after a termination, or after the end date, is void, with the reason.

    >>> import datetime as dt
    >>> from mgp_convention.examples import example_convention
    >>> from mgp_convention.lifecycle import Lifecycle
    >>> dates = legal_dates(Lifecycle.from_convention(example_convention()), dt.date(2026, 11, 28))
    >>> [(d.key, str(d.on), d.article) for d in dates][-3:]
    [('usage_cut', '2027-10-31', 'Art. 5 al. 5'), ('evaluation_deadline', '2027-12-31', 'Art. 5 al. 5'), ('end_date', '2028-03-31', 'Art. 2')]
    """  # noqa: E501
    on = to_paris_date(on, field="on")
    if status is None:
        status = lifecycle.status(on)
    experiment = lifecycle.terms_on(on).experiment
    started = status.experiment_started_on
    found: list[LegalDate] = []
    add = found.append

    if status.effective_date is not None:
        add(
            LegalDate(
                "effective_date",
                status.effective_date,
                "the convention takes effect (last signature)",
                "prise d'effet de la convention (dernière signature)",
                ART2_SIGNATURE,
            )
        )
    planned = experiment.indicative_start
    add(
        LegalDate(
            "planned_start",
            planned,
            "planned start of the experiment",
            "début souhaité de l'expérimentation",
            ART5_DURATION,
        )
    )
    if experiment.reduced_usage_after is not None:
        add(
            LegalDate(
                "reduced_usage_after",
                experiment.reduced_usage_after,
                "a setup after this date reduces the period of use",
                "mise en place au-delà de cette date : période d'utilisation réduite",
                ART5_REDUCED_USAGE,
            )
        )
    planned_en, planned_fr = ("", "") if started is not None else (" (planned)", " (prévisionnel)")
    for number, step in enumerate(deployment_schedule(experiment, started or planned), 1):
        add(
            LegalDate(
                f"deployment_step_{number}",
                step.first_day,
                f"deployment step {number}: {step.label}, until "
                f"{step.last_day.isoformat()}{planned_en}",
                f"déploiement, étape {number} : {step.label}, jusqu'au "
                f"{_iso_fr(step.last_day)}{planned_fr}",
                ART5_CALENDAR,
            )
        )
    if started is not None:
        add(
            LegalDate(
                "experiment_started",
                started,
                "start of the experiment",
                "début de l'expérimentation",
                ART5_DURATION,
            )
        )
        period = status.usage_period
        if period is not None and period.last_day is not None:
            add(
                LegalDate(
                    "usage_end",
                    period.last_day,
                    "last day of use of the solution" + (" (reduced)" if period.reduced else ""),
                    "dernier jour d'utilisation de la solution"
                    + (" (période réduite)" if period.reduced else ""),
                    ART5_REDUCED_USAGE if period.reduced else ART5_DURATION,
                )
            )
    deadline, needs = experiment.evaluation_deadline, experiment.evaluation_period
    if deadline is not None and needs is not None:
        add(
            LegalDate(
                "usage_cut",
                subtract_duration(deadline, needs.months, needs.days),
                "last possible day of use, to leave time for the assessment",
                "dernier jour d'utilisation possible, pour laisser le temps du bilan",
                ART5_REDUCED_USAGE,
            )
        )
        add(
            LegalDate(
                "evaluation_deadline",
                deadline,
                "the assessment and impact measurement are finished before this date",
                "bilan et mesure d'impact finalisés avant cette date",
                ART5_REDUCED_USAGE,
            )
        )
    if _beneficiary_delay(status):
        not_ready = LegalDate(
            "not_ready_termination_from",
            planned + ONE_DAY,
            "termination possible if the beneficiary is still not ready",
            "résiliation possible si le bénéficiaire n'est toujours pas prêt",
            ART5_NOT_READY,
        )
        if started is not None:
            not_ready = attrs.evolve(
                not_ready,
                void=f"the experiment started on {started.isoformat()}",
                void_fr=f"l'expérimentation a commencé le {_iso_fr(started)}",
            )
        add(not_ready)
    found += _remedy_dates(lifecycle, status)
    end = status.end_date
    add(
        LegalDate(
            "end_date",
            end,
            "end date of the convention (its last day in force)",
            "fin de la convention (dernier jour en vigueur)",
            ART2_DURATION,
        )
    )
    termination = None if status.termination is None else status.termination.on
    voided = [_void_if_late(date, termination, end) for date in found]
    ordered = sorted(enumerate(voided), key=lambda item: (item[1].on, item[0]))
    return tuple(date for _, date in ordered)


def _void_if_late(date: LegalDate, terminated_on: dt.date | None, end: dt.date) -> LegalDate:
    """``date``, void if it falls after the termination, or after the end date (Art. 2)."""
    if date.void is not None:
        return date
    if terminated_on is not None and date.on > terminated_on:
        return attrs.evolve(
            date,
            void=f"the convention was terminated on {terminated_on.isoformat()}",
            void_fr=f"convention résiliée le {_iso_fr(terminated_on)}",
        )
    if date.on > end:
        return attrs.evolve(
            date,
            void=f"after the end date of the convention, {end.isoformat()} (Art. 2)",
            void_fr=f"après la fin de la convention, le {_iso_fr(end)} (Art. 2)",
        )
    return date


# --- the next legal date --------------------------------------------------------------------


class Urgency(enum.StrEnum):
    """How soon a row's next date calls for action (the table's first column)."""

    OVERDUE = "overdue"
    """The date has passed and what it calls for is still open."""
    SOON = "soon"
    """The date is within :data:`SOON_DAYS` days (today included)."""
    LATER = "later"
    """The date is further ahead."""
    NONE = "none"
    """A final state: nothing is due."""


@attrs.frozen
class NextStep:
    """The next legal date of a convention (``None`` in a final state), the action it
    calls for, the rule, and how urgent it is. ``key``: the :class:`LegalDate` shown,
    if the date is one of them."""

    on: dt.date | None
    action: str
    citation: Citation
    urgency: Urgency = Urgency.LATER
    key: str | None = None

    @property
    def article(self) -> str:
        """The rule's reference, e.g. ``"Art. 5 al. 3"``."""
        return self.citation.label


_Rule = Callable[[Status, Mapping[str, LegalDate]], NextStep | None]


def _overdue(on: dt.date, action: str, citation: Citation, key: str | None) -> NextStep:
    return NextStep(on, action, citation, Urgency.OVERDUE, key)


def _signed(status: Status, dates: Mapping[str, LegalDate]) -> NextStep | None:
    """Art. 5 al. 1 (« un début souhaité ») and al. 3 (« à la date prévue »)."""
    planned = dates.get("planned_start")
    if planned is None:  # pragma: no cover - void only once terminated, or past the end
        return None
    if status.on > planned.on:
        return _overdue(
            planned.on,
            "start missed: record the start of the experiment, or a delay and its cause",
            ART5_NOT_READY,
            planned.key,
        )
    return NextStep(
        planned.on,
        "planned start: record the start of the experiment (or a delay)",
        ART5_DURATION,
        key=planned.key,
    )


def _delayed(status: Status, dates: Mapping[str, LegalDate]) -> NextStep | None:
    """Art. 5 al. 3 for a delay caused by the beneficiary; al. 5 for any other cause."""
    planned = dates.get("planned_start")
    not_ready = dates.get("not_ready_termination_from")
    if planned is not None and not_ready is not None:
        if "termination:not_ready" in status.allowed_events:
            return _overdue(
                planned.on,
                f"not ready on the planned start: termination possible since "
                f"{not_ready.on.isoformat()}, or record the start",
                ART5_NOT_READY,
                planned.key,
            )
        return NextStep(
            planned.on,
            f"delay caused by the beneficiary: if still not ready, termination possible "
            f"from {not_ready.on.isoformat()}",
            ART5_NOT_READY,
            key=planned.key,
        )
    for key, action in (
        ("reduced_usage_after", "delayed: a setup after this date reduces the period of use"),
        ("usage_cut", "delayed: a setup after this date leaves no day of use"),
    ):
        date = dates.get(key)
        if date is not None and date.on >= status.on:
            return NextStep(date.on, action, date.citation, key=key)
    return None


def _experimenting(status: Status, dates: Mapping[str, LegalDate]) -> NextStep | None:
    """Art. 5 al. 1 (the period of use) and al. 5 (reduced usage, evaluation)."""
    usage_end = dates.get("usage_end")
    if usage_end is not None and usage_end.on >= status.on:
        return NextStep(usage_end.on, usage_end.title, usage_end.citation, key=usage_end.key)
    evaluation = dates.get("evaluation_deadline")
    if evaluation is not None and evaluation.on >= status.on:
        period = status.usage_period
        empty = "no day of use is left: " if period is not None and period.empty else ""
        return NextStep(
            evaluation.on,
            f"{empty}finish the assessment and impact measurement before this date",
            evaluation.citation,
            key=evaluation.key,
        )
    return None


def _in_breach(status: Status, _dates: Mapping[str, LegalDate]) -> NextStep | None:
    """Art. 12 al. 2: the thirty days run from the sending of the formal notice."""
    breach = status.breach
    obligation = f" ({breach.obligation.value})" if breach is not None else ""
    return _overdue(
        breach.on if breach is not None else status.on,
        f"breach recorded{obligation}: send the formal notice by registered letter "
        "(the thirty days run from its sending)",
        ART12_REMEDY,
        None,
    )


def _remedy_period(status: Status, dates: Mapping[str, LegalDate]) -> NextStep | None:
    """Art. 12 al. 2 (the deadline), then al. 1 (termination for breach)."""
    deadline = status.remedy_deadline
    if deadline is None:  # pragma: no cover - the state guarantees a deadline
        return None
    number = sum(isinstance(entry.event, FormalNoticeSent) for entry in status.history)
    key = f"remedy_deadline_{number}"
    allowed = deadline.termination_allowed_from.isoformat()
    if status.remedy_deadline_passed:
        return _overdue(
            deadline.expires_on,
            f"remedy deadline passed: termination for breach possible since {allowed}",
            ART12_TERMINATION,
            key,
        )
    return NextStep(
        deadline.expires_on,
        f"remedy deadline: if not remedied, termination for breach possible from {allowed}",
        ART12_REMEDY,
        key=key,
    )


_RULES: Final[Mapping[State, _Rule]] = {
    State.SIGNED: _signed,
    State.DELAYED: _delayed,
    State.EXPERIMENTING: _experimenting,
    State.IN_BREACH: _in_breach,
    State.REMEDY_PERIOD: _remedy_period,
}
_TERMINATION_CITATIONS: Final[Mapping[Ground, Citation]] = {
    Ground.INTERRUPTION: ART12_TERMINATION,
    Ground.NOT_READY: ART5_NOT_READY,
    Ground.BREACH: ART12_TERMINATION,
    Ground.SANCTION: ART9_SANCTION,
}


def _final(status: Status) -> NextStep:
    termination = status.termination
    if status.state is State.TERMINATED and termination is not None:
        return NextStep(
            None,
            f"none: terminated on {termination.on.isoformat()} (ground {termination.ground.value})",
            _TERMINATION_CITATIONS[termination.ground],
            Urgency.NONE,
        )
    return NextStep(
        None,
        f"none: ended after its end date, {status.end_date.isoformat()}",
        ART2_DURATION,
        Urgency.NONE,
    )


def next_step(status: Status, dates: Sequence[LegalDate]) -> NextStep:
    """The next legal date of a convention on ``status.on``, and the action it calls for.

    ``dates``: its :func:`legal_dates` on the same date (the void ones are ignored). The
    rule of each state is in this module's docstring; in a non-final state, the end
    date (Art. 2, « jusqu'au [Date] ») is the next date when no other comes sooner.
    """
    state = status.state
    if state.final:
        return _final(status)
    valid = {date.key: date for date in dates if date.void is None}
    rule = _RULES.get(state)
    step = rule(status, valid) if rule is not None else None
    end = status.end_date
    if step is None or (step.on is not None and step.on > end):
        if state is State.DRAFT:
            action = (
                "awaiting signatures: in force from the last signature, "
                "and no signature after the end date"
            )
            step = NextStep(end, action, ART2_SIGNATURE, key="end_date")
        else:
            action = "end date: the convention ends after this day"
            step = NextStep(end, action, ART2_DURATION, key="end_date")
    if step.urgency is Urgency.OVERDUE or step.on is None:
        return step
    soon = (step.on - status.on).days <= SOON_DAYS
    return attrs.evolve(step, urgency=Urgency.SOON if soon else Urgency.LATER)


# --- one row per file ---------------------------------------------------------------------------


@attrs.frozen
class Row:
    """One convention of the portfolio: who, where it stands, what comes next."""

    file: Path
    reference: str
    beneficiary: str
    state: State
    next_date: dt.date | None
    action: str
    citation: Citation
    urgency: Urgency
    end_date: dt.date
    key: str | None = None

    @property
    def article(self) -> str:
        """The rule of the action, e.g. ``"Art. 12 al. 2"``."""
        return self.citation.label

    @property
    def overdue(self) -> bool:
        """Whether the next date has passed with its action still open."""
        return self.urgency is Urgency.OVERDUE

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict; dates as ``YYYY-MM-DD`` (``null`` when absent)."""
        return {
            "file": str(self.file),
            "reference": self.reference,
            "beneficiary": self.beneficiary,
            "state": self.state.value,
            "state_label_fr": self.state.label_fr,
            "final": self.state.final,
            "urgency": self.urgency.value,
            "next_date": None if self.next_date is None else self.next_date.isoformat(),
            "next_date_key": self.key,
            "action": self.action,
            "article": self.article,
            "citation": self.citation.text,
            "end_date": self.end_date.isoformat(),
        }


@attrs.frozen
class Failure:
    """A file that could not be used, with every problem found (JSON path, message, rule).

    ``reference``: the convention's, when the file loaded but the lifecycle refused one
    of its events.
    """

    file: Path
    problems: tuple[Problem, ...]
    reference: str | None = None

    @classmethod
    def of(cls, file: Path, error: ConventionError, reference: str | None = None) -> Failure:
        """The failure of ``file`` for ``error``."""
        if isinstance(error, LoadError):
            problems = error.problems
        elif isinstance(error, EventRefused):
            problems = (
                Problem(
                    error.field or "$.events",
                    f"{error.event!r} refused in state {error.state!r}: {error.reason}",
                    error.article,
                ),
            )
        else:
            problems = (Problem(error.field or "$", error.message, error.article),)
        return cls(file, tuple(problems), reference)

    def to_json(self) -> dict[str, Any]:
        """``{"file", "reference", "errors": [{"path", "message", "article"}]}``."""
        return {
            "file": str(self.file),
            "reference": self.reference,
            "errors": [
                {"path": problem.path, "message": problem.message, "article": problem.article}
                for problem in self.problems
            ],
        }


def row_of(path: Path, convention: Convention, on: dt.date | dt.datetime) -> Row | Failure:
    """The portfolio row of one loaded convention on ``on``, or its :class:`Failure` when
    the lifecycle refuses one of its events."""
    on = to_paris_date(on, field="on")
    try:
        lifecycle = Lifecycle.from_convention(convention)
        status = lifecycle.status(on)
    except ConventionError as err:
        return Failure.of(path, err, convention.reference)
    step = next_step(status, legal_dates(lifecycle, on, status))
    return Row(
        path,
        convention.reference,
        convention.beneficiary.name,
        status.state,
        step.on,
        step.action,
        step.citation,
        step.urgency,
        status.end_date,
        step.key,
    )


def _urgency_order(row: Row) -> tuple[int, dt.date, str, str]:
    rank = 0 if row.overdue else 2 if row.next_date is None else 1
    return (rank, row.next_date or dt.date.max, row.reference, row.file.name)


@attrs.frozen
class Portfolio:
    """The conventions of a folder on ``on``: ``rows`` by urgency, then the ``failures``
    (the files that could not be used), in file name order."""

    on: dt.date
    rows: tuple[Row, ...]
    failures: tuple[Failure, ...]

    @property
    def overdue(self) -> tuple[Row, ...]:
        """The rows whose next date has passed with the action still open."""
        return tuple(row for row in self.rows if row.overdue)

    @property
    def duplicates(self) -> dict[str, tuple[Path, ...]]:
        """The references held by more than one file, each with its files in name order.

        A reference names one convention: two files with the same one are most likely a
        copy left in the folder, and their calendar UIDs would collide. All their rows
        are still listed; the command reports the files and exits 1.
        """
        files: dict[str, list[Path]] = {}
        for row in self.rows:
            files.setdefault(row.reference, []).append(row.file)
        return {
            reference: tuple(sorted(paths, key=lambda path: path.name))
            for reference, paths in sorted(files.items())
            if len(paths) > 1
        }

    def to_json(self) -> dict[str, Any]:
        """``{"on", "counts", "rows", "failures", "duplicates"}``; dates as ``YYYY-MM-DD``.

        ``duplicates``: ``[{"reference", "files"}]``, see :attr:`duplicates`.
        """
        counts = {urgency.value: 0 for urgency in Urgency}
        for row in self.rows:
            counts[row.urgency.value] += 1
        duplicates = self.duplicates
        return {
            "on": self.on.isoformat(),
            "counts": {
                "conventions": len(self.rows),
                "failures": len(self.failures),
                "duplicates": len(duplicates),
                **counts,
            },
            "rows": [row.to_json() for row in self.rows],
            "failures": [failure.to_json() for failure in self.failures],
            "duplicates": [
                {"reference": reference, "files": [str(path) for path in paths]}
                for reference, paths in duplicates.items()
            ],
        }


def portfolio_of(load: FolderLoad, on: dt.date | dt.datetime) -> Portfolio:
    """The portfolio of conventions already loaded (:func:`~mgp_convention.io.load_folder`).

    >>> import datetime as dt
    >>> from pathlib import Path
    >>> from mgp_convention.errors import FileFormatError
    >>> from mgp_convention.examples import example_convention
    >>> load = FolderLoad(
    ...     loaded=((Path("valmont.json"), example_convention()),),
    ...     failed=((Path("broken.json"), FileFormatError("not valid JSON")),))
    >>> result = portfolio_of(load, dt.date(2027, 2, 25))
    >>> row = result.rows[0]
    >>> row.state.label_fr, str(row.next_date), row.urgency.value, row.article
    ('signée', '2027-03-01', 'soon', 'Art. 5 al. 1')
    >>> [str(problem) for problem in result.failures[0].problems]
    ['$: not valid JSON']
    """
    on = to_paris_date(on, field="on")
    rows: list[Row] = []
    failures = [Failure.of(path, error) for path, error in load.failed]
    for path, convention in load.loaded:
        result = row_of(path, convention, on)
        if isinstance(result, Failure):
            failures.append(result)
        else:
            rows.append(result)
    rows.sort(key=_urgency_order)
    failures.sort(key=lambda failure: failure.file.name)
    return Portfolio(on, tuple(rows), tuple(failures))


def portfolio(
    folder: str | Path, on: dt.date | dt.datetime, *, pattern: str = "*.json"
) -> Portfolio:
    """Every convention file of ``folder`` (``pattern``, not its sub-folders) on ``on``:
    :func:`~mgp_convention.io.load_folder`, then :func:`portfolio_of`."""
    return portfolio_of(load_folder(folder, pattern=pattern), on)
