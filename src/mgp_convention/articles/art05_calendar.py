"""Art. 5: the period of use of the solution, and the deployment calendar.

Art. 5 al. 1: « L'expérimentation est envisagée sur une durée de [X] mois avec un début
souhaité [Date indicative]. »

Art. 5 al. 2: « La Métropole envisage le calendrier de déploiement suivant : [Préciser
les étapes et durée] »

Art. 5 al. 5: « En cas de retard dans la mise en place de la solution et notamment si
celle-ci intervenait au-delà de [Date] et quel qu'en soit le motif, la période
d'utilisation de la solution sera réduite afin de permettre la finalisation du bilan et
de la mesure d'impact avant le [Date]. »

How the library reads them (RULES.md, "Periods in months"):

- the experiment lasts ``duration_months`` from its actual start, which is its first
  day: the last day of use is ``start + N months − 1 day``, months counted by CPC 641
  al. 2 (31 January + 1 month = 28 or 29 February);
- reduced usage (al. 5, « En cas de retard dans la mise en place »): for a set-up later
  than the indicative start, whatever the cause of the delay (« quel qu'en soit le
  motif »; the al. 5 date is its example, « et notamment si … au-delà de [Date] », and
  whether the start came after it is reported too), last day of use = min(normal last
  day, evaluation deadline − evaluation period); a set-up on time keeps its N months;
  when the cut leaves no day of use, the result says so (``empty``);
- the deployment steps (al. 2) follow one another from the start date.

Not encoded: al. 3 (readiness on the planned date, a termination ground) and al. 4 (no
compensation for a delay caused by the Métropole or its provider) belong to the
lifecycle and claims modules.

>>> import datetime as dt
>>> from mgp_convention.convention import Duration, Experiment
>>> experiment = Experiment(
...     theme="mobilité", solution="capteurs", objectives=("mesurer",),
...     duration_months=6, indicative_start=dt.date(2026, 1, 15),
...     evaluation_deadline=dt.date(2026, 7, 31), evaluation_period=Duration(months=2))
>>> period = usage_period(experiment, dt.date(2026, 3, 1))
>>> period.normal_last_day, period.cut_on, period.last_day, period.reduced
(datetime.date(2026, 8, 31), datetime.date(2026, 5, 31), datetime.date(2026, 5, 31), True)
>>> usage_period(experiment, dt.date(2026, 6, 15)).empty
True
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs

from mgp_convention._words import quantity
from mgp_convention.calendar import (
    CPC_641_MONTHS,
    CPC_641_MONTHS_AND_DAYS,
    ONE_DAY,
    Lang,
    add_duration,
    add_months,
    format_date,
    subtract_duration,
    to_paris_date,
)
from mgp_convention.citations import Citation

# Art. 5 al. 1 and al. 5 are quoted in convention.py, whose coherence rules use them.
from mgp_convention.convention import (
    ART5_DURATION,
    ART5_REDUCED_USAGE,
    Duration,
    Experiment,
)

__all__ = [
    "ART5_CALENDAR",
    "ART5_DURATION",
    "ART5_REDUCED_USAGE",
    "ScheduledStep",
    "UsagePeriod",
    "deployment_schedule",
    "usage_period",
]

ART5_CALENDAR = Citation(
    "Art. 5",
    "al. 2",
    "La Métropole envisage le calendrier de déploiement suivant : [Préciser les étapes et durée]",
)


def _duration_words(duration: Duration, lang: Lang) -> str:
    months, days = duration.months, duration.days
    parts: list[str] = []
    if months:
        parts.append(
            quantity(months, "mois", "mois", lang=lang)
            if lang == "fr"
            else quantity(months, "month", lang="en")
        )
    if days:
        parts.append(quantity(days, "jour" if lang == "fr" else "day", lang=lang))
    return (" et " if lang == "fr" else " and ").join(parts)


@attrs.frozen
class UsagePeriod:
    """The period of use of the solution (Art. 5 al. 1 and al. 5).

    ``first_day``: the actual start. ``normal_last_day``: start + N months − 1 day
    (CPC 641 al. 2). ``cut_on``: evaluation deadline − evaluation period, when both are
    known, else ``None``. ``delayed``: the set-up came after the indicative start, so
    that al. 5 applies. ``last_day``: the normal last day, or for a delayed set-up the
    earlier of the two; ``None`` when the cut leaves no day of use (``empty``).
    ``reduced``: the cut shortened the period. ``started_late``: the start is after the
    Art. 5 al. 5 date (``None`` if no date).
    """

    first_day: dt.date
    normal_last_day: dt.date
    cut_on: dt.date | None
    last_day: dt.date | None
    duration_months: int
    delayed: bool = False
    started_late: bool | None = None
    reduced_usage_after: dt.date | None = None
    evaluation_deadline: dt.date | None = None
    evaluation_period: Duration | None = None

    @property
    def empty(self) -> bool:
        """Whether the reduced-usage cut leaves no day of use at all."""
        return self.last_day is None

    @property
    def reduced(self) -> bool:
        """Whether Art. 5 al. 5 shortened the period (including down to nothing)."""
        return self.last_day is None or self.last_day < self.normal_last_day

    @property
    def days(self) -> int:
        """The number of days of use, first and last included (0 when empty)."""
        return 0 if self.last_day is None else (self.last_day - self.first_day).days + 1

    @property
    def citations(self) -> tuple[Citation, ...]:
        """The rules applied: Art. 5 al. 1, CPC 641 al. 2, and Art. 5 al. 5 if it cut."""
        found: tuple[Citation, ...] = (ART5_DURATION, CPC_641_MONTHS)
        if self.cut_on is not None:
            found += (ART5_REDUCED_USAGE, CPC_641_MONTHS_AND_DAYS)
        return found

    def is_in_use(self, on: dt.date) -> bool:
        """Whether ``on`` is a day of use of the solution."""
        on = to_paris_date(on, field="on")
        return self.last_day is not None and self.first_day <= on <= self.last_day

    def explain(self, lang: Lang = "fr") -> str:
        """One readable paragraph: the normal period, the cut, the result."""
        fr = lang == "fr"
        n = self.duration_months
        months = quantity(n, "month", lang="en")
        sentences = [
            f"L'expérimentation dure {n} mois à compter de sa mise en place le "
            f"{format_date(self.first_day)} (Art. 5 al. 1) : son dernier jour normal est le "
            f"{format_date(self.normal_last_day)} (début + {n} mois − 1 jour, CPC 641 al. 2)."
            if fr
            else f"The experiment lasts {months} from its setup on "
            f"{format_date(self.first_day, 'en')} (Art. 5 al. 1): its normal last day is "
            f"{format_date(self.normal_last_day, 'en')} (start + {months} − 1 day, "
            "CPC 641 al. 2)."
        ]
        if self.started_late is not None and self.reduced_usage_after is not None:
            after = format_date(self.reduced_usage_after, lang)
            if fr:
                verb = "est" if self.started_late else "n'est pas"
                sentences.append(
                    f"La mise en place {verb} intervenue au-delà du {after} (Art. 5 al. 5)."
                )
            else:
                sentences.append(
                    f"The setup {'came' if self.started_late else 'did not come'} after "
                    f"{after} (Art. 5 al. 5)."
                )
        if (
            self.cut_on is not None
            and self.evaluation_deadline is not None
            and self.evaluation_period is not None
        ):
            deadline = format_date(self.evaluation_deadline, lang)
            needs = _duration_words(self.evaluation_period, lang)
            cut = format_date(self.cut_on, lang)
            sentences.append(
                f"Le bilan et la mesure d'impact doivent être finalisés avant le {deadline} "
                f"et demandent {needs} : l'utilisation ne peut aller au-delà du {cut} "
                "(Art. 5 al. 5)."
                if fr
                else f"The assessment and impact measurement must be finished before "
                f"{deadline} and take {needs}: use cannot go beyond {cut} (Art. 5 al. 5)."
            )
        if self.last_day is None:
            sentences.append(
                "Il ne reste donc aucun jour d'utilisation : la date limite de fin "
                "d'utilisation précède la mise en place."
                if fr
                else "No day of use is left: the last possible day of use comes before the setup."
            )
        else:
            last = format_date(self.last_day, lang)
            if fr:
                state = "réduite" if self.reduced else "complète"
                sentences.append(
                    f"Période d'utilisation {state} : du {format_date(self.first_day)} au "
                    f"{last}, soit {quantity(self.days, 'jour', lang='fr')}."
                )
            else:
                state = "reduced" if self.reduced else "full"
                sentences.append(
                    f"Period of use ({state}): {format_date(self.first_day, 'en')} to "
                    f"{last}, {quantity(self.days, 'day', lang='en')}."
                )
        return " ".join(sentences)

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict; dates as ``YYYY-MM-DD`` (``null`` when absent)."""

        def iso(day: dt.date | None) -> str | None:
            return None if day is None else day.isoformat()

        return {
            "first_day": self.first_day.isoformat(),
            "last_day": iso(self.last_day),
            "normal_last_day": self.normal_last_day.isoformat(),
            "cut_on": iso(self.cut_on),
            "duration_months": self.duration_months,
            "days": self.days,
            "reduced": self.reduced,
            "empty": self.empty,
            "delayed": self.delayed,
            "started_late": self.started_late,
            "reduced_usage_after": iso(self.reduced_usage_after),
            "evaluation_deadline": iso(self.evaluation_deadline),
            "evaluation_period": None
            if self.evaluation_period is None
            else {"months": self.evaluation_period.months, "days": self.evaluation_period.days},
            "articles": [citation.label for citation in self.citations],
        }


def usage_period(experiment: Experiment, started_on: dt.date | dt.datetime) -> UsagePeriod:
    """The period of use of the solution set up on ``started_on`` (Art. 5 al. 1, al. 5).

    Art. 5 al. 1 (« une durée de [X] mois »): the last day is ``started_on`` +
    ``duration_months`` months (CPC 641 al. 2) − 1 day. Art. 5 al. 5 (« la période
    d'utilisation de la solution sera réduite afin de permettre la finalisation du bilan
    et de la mesure d'impact avant le [Date] »): when the experiment has an evaluation
    deadline and period, the last day of use is at most ``evaluation_deadline −
    evaluation_period`` (months then days, CPC 641 al. 3) when the set-up is late, that
    is after the indicative start (« En cas de retard dans la mise en place de la
    solution … quel qu'en soit le motif »), whatever the cause of the delay; if that cut
    is before ``started_on``, no day of use is left. A set-up on time keeps its
    ``duration_months`` (al. 1) even if they run past the cut: al. 5 only applies to a
    delay (RULES.md: "when the setup happens late").

    >>> import datetime as dt
    >>> from mgp_convention.convention import Experiment
    >>> experiment = Experiment(
    ...     theme="t", solution="s", objectives=("o",), duration_months=1,
    ...     indicative_start=dt.date(2026, 1, 31))
    >>> usage_period(experiment, dt.date(2026, 1, 31)).last_day  # 28 Feb − 1 day
    datetime.date(2026, 2, 27)
    """
    start = to_paris_date(started_on, field="started_on")
    months = experiment.duration_months  # ≥ 1: Experiment checks it
    normal_last = add_months(start, months) - ONE_DAY
    deadline, period = experiment.evaluation_deadline, experiment.evaluation_period
    cut_on = None
    if deadline is not None and period is not None:
        cut_on = subtract_duration(deadline, period.months, period.days)
    # « En cas de retard dans la mise en place de la solution » : the cut applies only to
    # a set-up later than the planned start (any delay, « quel qu'en soit le motif »; the
    # date of al. 5 is its example, « et notamment si … au-delà de [Date] »).
    delayed = start > experiment.indicative_start
    last_day: dt.date | None = normal_last
    if delayed and cut_on is not None:
        last_day = min(normal_last, cut_on)
    if last_day is not None and last_day < start:
        last_day = None
    after = experiment.reduced_usage_after
    return UsagePeriod(
        first_day=start,
        normal_last_day=normal_last,
        cut_on=cut_on,
        last_day=last_day,
        duration_months=months,
        delayed=delayed,
        started_late=None if after is None else start > after,
        reduced_usage_after=after,
        evaluation_deadline=deadline,
        evaluation_period=period,
    )


@attrs.frozen
class ScheduledStep:
    """One step of the deployment calendar with its dates (Art. 5 al. 2).

    ``first_day`` and ``last_day`` are both included: a step of 1 month starting on
    15 March ends on 14 April, and the next step starts on 15 April.
    """

    label: str
    first_day: dt.date
    last_day: dt.date
    duration: Duration

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict; dates as ``YYYY-MM-DD``."""
        return {
            "label": self.label,
            "first_day": self.first_day.isoformat(),
            "last_day": self.last_day.isoformat(),
            "duration": {"months": self.duration.months, "days": self.duration.days},
        }


def deployment_schedule(
    experiment: Experiment, start: dt.date | dt.datetime
) -> tuple[ScheduledStep, ...]:
    """The dates of each step of the deployment calendar, from ``start`` (Art. 5 al. 2).

    « La Métropole envisage le calendrier de déploiement suivant : [Préciser les étapes
    et durée] ». The steps follow one another: each starts the day after the previous
    one ends; a step of ``m`` months and ``d`` days starting on ``first`` ends on
    ``first + m months + d days − 1 day`` (months first, CPC 641 al. 2–3).

    >>> import datetime as dt
    >>> from mgp_convention.convention import CalendarStep, Duration, Experiment
    >>> experiment = Experiment(
    ...     theme="t", solution="s", objectives=("o",), duration_months=6,
    ...     indicative_start=dt.date(2026, 3, 15),
    ...     calendar=(CalendarStep("installation", Duration(days=10)),
    ...               CalendarStep("formation", Duration(months=1))))
    >>> [(s.label, str(s.first_day), str(s.last_day))
    ...  for s in deployment_schedule(experiment, dt.date(2026, 3, 15))]
    [('installation', '2026-03-15', '2026-03-24'), ('formation', '2026-03-25', '2026-04-24')]
    """
    first = to_paris_date(start, field="start")
    steps: list[ScheduledStep] = []
    for step in experiment.calendar:
        duration = step.duration
        last = add_duration(first, duration.months, duration.days) - ONE_DAY
        steps.append(ScheduledStep(step.label, first, last, duration))
        first = last + ONE_DAY
    return tuple(steps)
