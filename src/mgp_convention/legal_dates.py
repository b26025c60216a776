"""The catalogue of a convention's legal dates, each with its article.

:func:`legal_dates` lists **every** legal date of one convention as it stands on a date,
each with a stable ``key`` (``"end_date"``, ``"remedy_deadline_B1"``…), a title for
people and the article it applies, quoted. A date that no longer applies (a termination
came first, a breach was remedied, it falls after the end date) is kept, marked
``void`` with the reason, so that a calendar can cancel it rather than leave it. The
portfolio (:mod:`mgp_convention.next_step`), the calendar (:mod:`mgp_convention.ical`)
and the report read the same list.

The dates and their keys:

- ``effective_date``: the last signature (Art. 2, « prend effet à compter de sa signature
  par l'ensemble des parties »), once every party signed;
- ``planned_start``: the indicative start (Art. 5 al. 1, « un début souhaité [Date
  indicative] »), as amended;
- ``reduced_usage_after``: a set-up after it reduces the period of use (Art. 5 al. 5,
  « si celle-ci intervenait au-delà de [Date] »), when the convention sets one;
- ``deployment_step_<n>``: the first day of each step of the deployment calendar (Art. 5
  al. 2), from the actual start, or from the planned start until then;
- ``experiment_started``: the actual start; ``usage_end``: the last day of use (Art. 5
  al. 1, or al. 5 when reduced); ``experiment_stopped``: an Art. 9 decision ended it;
- ``usage_cut``: the last day of use possible whatever the start (Art. 5 al. 5, « afin de
  permettre la finalisation du bilan et de la mesure d'impact »); ``evaluation_deadline``:
  « avant le [Date] »;
- ``not_ready_termination_from``: only with the reading that Art. 5 al. 3 needs no
  notice: the day after the planned start, while the beneficiary is the cause of the
  delay;
- for each breach with a formal notice, by its label: ``remedy_deadline_<label>``, the end
  of its thirty days (Art. 12 al. 2), and ``termination_allowed_from_<label>``, the day
  after (Art. 12 al. 1), void once the breach is remedied in time;
- ``termination_effective``: a termination decided, from the day it takes effect;
- ``end_date``: the last day in force (Art. 2, « jusqu'au [Date] »).

>>> import datetime as dt
>>> from mgp_convention.examples import example_convention
>>> from mgp_convention.lifecycle import Lifecycle
>>> dates = legal_dates(Lifecycle.from_convention(example_convention()), dt.date(2026, 11, 28))
>>> [(d.key, str(d.on)) for d in dates][:3]
[('effective_date', '2026-11-19'), ('planned_start', '2027-03-01'), ('deployment_step_1', '2027-03-01')]
"""  # noqa: E501

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs

from mgp_convention.articles.art02_duration import ART2_DURATION, ART2_SIGNATURE
from mgp_convention.articles.art05_calendar import (
    ART5_CALENDAR,
    ART5_DURATION,
    ART5_REDUCED_USAGE,
    deployment_schedule,
    usage_period,
)
from mgp_convention.articles.art05_delays import ART5_NOT_READY
from mgp_convention.articles.art09_sanctions import ART9_STOP
from mgp_convention.articles.art12_remedy import ART12_REMEDY
from mgp_convention.articles.art12_termination import ART12_TERMINATION, CE_LAURORE
from mgp_convention.calendar import ONE_DAY
from mgp_convention.citations import Citation
from mgp_convention.events import DelayCause
from mgp_convention.i18n import N_, Lang, Message
from mgp_convention.lifecycle import Lifecycle
from mgp_convention.report_json import bilingual, json_object, report_hook
from mgp_convention.values import Status

__all__ = ["LegalDate", "legal_dates"]


@attrs.frozen
class LegalDate:
    """One legal date of a convention.

    ``key`` names the date, stably: it does not change when the date moves (an
    amendment, the actual start), so a calendar entry can be updated rather than
    duplicated. ``title``: what the date means. ``citation``: the rule that sets it,
    quoted. ``void``: why the date no longer applies (``None`` while it does).
    """

    key: str
    on: dt.date
    title: Message
    citation: Citation
    void: Message | None = None

    @property
    def article(self) -> str:
        """The rule's reference, e.g. ``"Art. 12 al. 2"``."""
        return self.citation.label

    def title_in(self, lang: Lang) -> str:
        """The title in ``lang``."""
        return self.title.render(lang)

    def void_in(self, lang: Lang) -> str | None:
        """Why the date no longer applies, in ``lang`` (``None`` while it does)."""
        return None if self.void is None else self.void.render(lang)

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict; the date as ``YYYY-MM-DD``; texts in French, and in English
        under ``*_en``."""
        return json_object(self)


@report_hook(LegalDate)
def _legal_date_json(date: LegalDate) -> dict[str, Any]:
    # By hand: the texts in both languages, the citation split into its label and text.
    return {
        "key": date.key,
        "date": date.on.isoformat(),
        **bilingual("title", date.title),
        "article": date.article,
        "citation": date.citation.text,
        **bilingual("void", date.void),
    }


def _message(text: str, **params: Any) -> Message:
    return Message(text, params)


def _breach_dates(status: Status) -> list[LegalDate]:
    """The thirty days of each breach that had its formal notice (Art. 12 al. 2), and
    the first day termination is allowed (Art. 12 al. 1), void once remedied in time."""
    found: list[LegalDate] = []
    for breach in status.breaches:
        if breach.notice is None or breach.deadline is None:
            continue
        expires = breach.deadline.expires_on
        found.append(
            LegalDate(
                f"remedy_deadline_{breach.label}",
                expires,
                _message(
                    N_("breach {breach}: end of the remedy period (formal notice sent on {sent})"),
                    breach=breach.label,
                    sent=breach.notice.on,
                ),
                ART12_REMEDY,
            )
        )
        void = None
        if breach.remedied_on is not None and not breach.still_a_ground:
            void = _message(N_("remedied on {on}"), on=breach.remedied_on)
        found.append(
            LegalDate(
                f"termination_allowed_from_{breach.label}",
                expires + ONE_DAY,
                _message(
                    N_("breach {breach}: termination for breach possible, unless remedied"),
                    breach=breach.label,
                ),
                ART12_TERMINATION,
                void,
            )
        )
    return found


def legal_dates(
    lifecycle: Lifecycle, on: dt.date, status: Status | None = None
) -> tuple[LegalDate, ...]:
    """Every legal date of ``lifecycle``'s convention as it stands on ``on``, by date.

    The events dated up to ``on`` count, and the terms as amended by then (Art. 11).
    ``status``: ``lifecycle.status(on)`` when the caller has it already (``on`` must be
    its date). A date after the termination takes effect, or after the end date, is
    void, with the reason.
    """
    if status is None:
        status = lifecycle.status(on)
    experiment = lifecycle.terms_on(status.on).experiment
    started = status.experiment_started_on
    found: list[LegalDate] = []
    add = found.append

    if status.effective_date is not None:
        add(
            LegalDate(
                "effective_date",
                status.effective_date,
                _message(N_("the convention takes effect (last signature)")),
                ART2_SIGNATURE,
            )
        )
    planned = experiment.indicative_start
    add(
        LegalDate(
            "planned_start",
            planned,
            _message(N_("planned start of the experiment")),
            ART5_DURATION,
        )
    )
    if experiment.reduced_usage_after is not None:
        add(
            LegalDate(
                "reduced_usage_after",
                experiment.reduced_usage_after,
                _message(N_("a set-up after this date reduces the period of use")),
                ART5_REDUCED_USAGE,
            )
        )
    for number, step in enumerate(deployment_schedule(experiment, started or planned), 1):
        title = (
            N_("deployment step {number}: {label}, until {last}")
            if started is not None
            else N_("deployment step {number}: {label}, until {last} (planned)")
        )
        add(
            LegalDate(
                f"deployment_step_{number}",
                step.first_day,
                _message(title, number=number, label=step.label, last=step.last_day),
                ART5_CALENDAR,
            )
        )
    if started is not None:
        add(
            LegalDate(
                "experiment_started",
                started,
                _message(N_("start of the experiment")),
                ART5_DURATION,
            )
        )
        period = status.usage_period
        if period is not None and period.last_day is not None:
            reduced = period.reduced
            add(
                LegalDate(
                    "usage_end",
                    period.last_day,
                    _message(
                        N_("last day of use of the solution (reduced)")
                        if reduced
                        else N_("last day of use of the solution")
                    ),
                    ART5_REDUCED_USAGE if reduced else ART5_DURATION,
                )
            )
    if status.experiment_stopped_on is not None:
        add(
            LegalDate(
                "experiment_stopped",
                status.experiment_stopped_on,
                _message(N_("end of the experiment decided under Art. 9")),
                ART9_STOP,
            )
        )
    deadline = experiment.evaluation_deadline
    if deadline is not None and experiment.evaluation_period is not None:
        cut = usage_period(experiment, started or planned).cut_on
        if cut is not None:
            add(
                LegalDate(
                    "usage_cut",
                    cut,
                    _message(N_("last possible day of use, to leave time for the assessment")),
                    ART5_REDUCED_USAGE,
                )
            )
        add(
            LegalDate(
                "evaluation_deadline",
                deadline,
                _message(N_("the assessment and impact measurement are finished before this date")),
                ART5_REDUCED_USAGE,
            )
        )
    if (
        not lifecycle.options.not_ready.notice_required
        and status.delay_cause is DelayCause.BENEFICIARY
    ):
        void = None
        if started is not None:
            void = _message(N_("the experiment started on {on}"), on=started)
        add(
            LegalDate(
                "not_ready_termination_from",
                planned + ONE_DAY,
                _message(N_("termination possible if the beneficiary is still not ready")),
                ART5_NOT_READY,
                void,
            )
        )
    found += _breach_dates(status)
    termination = status.termination
    if termination is not None:
        add(
            LegalDate(
                "termination_effective",
                termination.takes_effect_on,
                _message(
                    N_("the termination decided on {on} ({ground}) takes effect"),
                    on=termination.event.on,
                    ground=termination.ground,
                ),
                CE_LAURORE,
            )
        )
    end = status.end_date
    add(
        LegalDate(
            "end_date",
            end,
            _message(N_("end date of the convention (its last day in force)")),
            ART2_DURATION,
        )
    )
    effective = None if termination is None else termination.takes_effect_on
    voided = [_void_if_late(date, effective, end) for date in found]
    ordered = sorted(enumerate(voided), key=lambda item: (item[1].on, item[0]))
    return tuple(date for _, date in ordered)


def _void_if_late(date: LegalDate, terminated_on: dt.date | None, end: dt.date) -> LegalDate:
    """``date``, void if it falls after the termination takes effect, or after the end
    date (Art. 2)."""
    if date.void is not None or date.key == "termination_effective":
        return date
    if terminated_on is not None and date.on > terminated_on:
        return attrs.evolve(
            date, void=_message(N_("the convention was terminated on {on}"), on=terminated_on)
        )
    if date.on > end:
        return attrs.evolve(
            date,
            void=_message(N_("after the end date of the convention, {end} (Art. 2)"), end=end),
        )
    return date
