"""Art. 5: the period of use of the solution, and the deployment calendar.

Art. 5 al. 1: « L'expérimentation est envisagée sur une durée de [X] mois avec un début
souhaité [Date indicative]. »

Art. 5 al. 2: « La Métropole envisage le calendrier de déploiement suivant : [Préciser
les étapes et durée] »

Art. 5 al. 5: « En cas de retard dans la mise en place de la solution et notamment si
celle-ci intervenait au-delà de [Date] et quel qu'en soit le motif, la période
d'utilisation de la solution sera réduite afin de permettre la finalisation du bilan et
de la mesure d'impact avant le [Date]. »

How the library reads them (RULES.md version 2, "Periods in months"):

- a period of N months that counts its first day ends on the day before the same day
  number N months later, or on the last day of that month when it has no such day
  number (CPC 641 al. 2: « A défaut d'un quantième identique, le délai expire le
  dernier jour du mois »), :func:`~mgp_convention.calendar.last_day_of_period`. The
  experiment lasts ``duration_months`` from its actual start by this rule: 15 January
  + 6 months ends on 14 July, 31 August + 6 months on the last day of February;
- reduced usage (al. 5, « En cas de retard dans la mise en place »): for a set-up later
  than the indicative start, whatever the cause of the delay (« quel qu'en soit le
  motif »; the al. 5 date is its example, « et notamment si … au-delà de [Date] », and
  whether the start came after it is reported too). « avant le [Date] » is read
  strictly by default: the evaluation's last day is at the latest the day before the
  evaluation deadline D. The evaluation's first day is the latest day S whose
  evaluation period (same rule, months then days) ends on or before D − 1, and the
  last day of use is at most S − 1. :class:`ReducedUsageOptions` (``inclusive=True``)
  lets the evaluation end on D itself. A set-up on time keeps its N months; when the
  cut leaves no day of use, the result says so (``empty``);
- the deployment steps (al. 2) follow one another from the start date: a step of M
  months and D days starting on S ends D days after the last day of its M months (or
  on S + D − 1 when M = 0), and the next step starts the day after.

Not encoded: al. 3 (readiness on the planned date, a termination ground) and al. 4 (no
compensation for a delay caused by the Métropole or its provider) belong to the
lifecycle and claims modules.

>>> import datetime as dt
>>> from mgp_convention.convention import Duration, Experiment
>>> experiment = Experiment(
...     theme="mobilité", solution="capteurs", objectives=("mesurer",),
...     duration_months=12, indicative_start=dt.date(2027, 1, 15),
...     evaluation_deadline=dt.date(2027, 12, 31), evaluation_period=Duration(months=2))
>>> period = usage_period(experiment, dt.date(2027, 3, 1))
>>> period.normal_last_day, period.evaluation.latest_start, period.last_day, period.reduced
(datetime.date(2028, 2, 29), datetime.date(2027, 10, 31), datetime.date(2027, 10, 30), True)
>>> usage_period(experiment, dt.date(2027, 11, 2)).empty
True
>>> inclusive = ReducedUsageOptions(inclusive=True)  # the evaluation may end on 31 Dec
>>> usage_period(experiment, dt.date(2027, 3, 1), inclusive).last_day
datetime.date(2027, 10, 31)

Why over 400 lines: Art. 5's two rules (the period of use, shortened by al. 5, and the
deployment calendar of al. 2) share their date arithmetic and their explanation; the
module docstring quotes the five paragraphs read.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs

from mgp_convention._validators import a_bool
from mgp_convention.calendar import (
    CPC_641_MONTHS,
    CPC_641_MONTHS_AND_DAYS,
    ONE_DAY,
    Lang,
    last_day_of_period,
    latest_first_day,
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
from mgp_convention.errors import DateError
from mgp_convention.i18n import N_, NP_, Message
from mgp_convention.report_json import json_object, report_hook, to_json

__all__ = [
    "ART5_CALENDAR",
    "ART5_DURATION",
    "ART5_REDUCED_USAGE",
    "DEFAULT_REDUCED_USAGE_OPTIONS",
    "EvaluationWindow",
    "ReducedUsageOptions",
    "ScheduledStep",
    "UsagePeriod",
    "deployment_schedule",
    "usage_cut",
    "usage_period",
]

ART5_CALENDAR = Citation(
    "Art. 5",
    "al. 2",
    "La Métropole envisage le calendrier de déploiement suivant : [Préciser les étapes et durée]",
)


@attrs.frozen
class ReducedUsageOptions:
    """How Art. 5 al. 5 is read: « … avant le [Date] ».

    - ``inclusive=False`` (the default, RULES.md version 2): « avant le » is strict, the
      evaluation's last day is at the latest the day before the evaluation deadline;
    - ``inclusive=True``: the evaluation may end on the evaluation deadline itself,
      which leaves one day more (sometimes none more: a period of months does not end
      on every day) for the use of the solution.

    The default reads the clause against the Métropole, which drafted it (C. civ. 1190
    by analogy): the strict reading is the one no party can fault.
    """

    inclusive: bool = attrs.field(default=False, validator=a_bool)


#: The reading of RULES.md: « avant le [Date] » is strict.
DEFAULT_REDUCED_USAGE_OPTIONS = ReducedUsageOptions()


def _count(forms: tuple[str, str], n: int) -> Message:
    """``n`` with its noun in the language's number (``forms`` from :func:`NP_`); the
    digits are written without grouping, « 3653 jours »."""
    return Message.counted(forms, "n", {"n": str(n)})


def _months(n: int) -> Message:
    return _count(NP_("{n} month", "{n} months"), n)


def _days(n: int) -> Message:
    return _count(NP_("{n} day", "{n} days"), n)


def _duration_message(duration: Duration) -> Message:
    """``duration`` in words: « 1 mois », « 3 mois et 10 jours », "2 days"."""
    months, days = duration.months, duration.days
    if months and days:
        return Message(N_("{months} and {days}"), {"months": _months(months), "days": _days(days)})
    return _months(months) if months else _days(days)


@attrs.frozen
class EvaluationWindow:
    """The evaluation that Art. 5 al. 5 keeps room for: « afin de permettre la
    finalisation du bilan et de la mesure d'impact avant le [Date] ».

    ``deadline``: the evaluation deadline D; ``period``: the time the evaluation takes;
    ``latest_start``: S, the latest first day of an evaluation that ends on or before
    D − 1 (on or before D with ``options.inclusive``); ``options``: that reading.
    """

    deadline: dt.date
    period: Duration
    latest_start: dt.date
    options: ReducedUsageOptions = DEFAULT_REDUCED_USAGE_OPTIONS

    @property
    def last_day(self) -> dt.date:
        """The last day of an evaluation that starts on ``latest_start``."""
        return last_day_of_period(self.latest_start, self.period.months, self.period.days)

    @property
    def cut_on(self) -> dt.date:
        """S − 1: the last day of use the evaluation leaves."""
        return _day_before(self.latest_start)


@attrs.frozen
class UsagePeriod:
    """The period of use of the solution (Art. 5 al. 1 and al. 5).

    ``first_day``: the actual start. ``normal_last_day``: the last day of
    ``duration_months`` months from it (CPC 641 al. 2, :func:`last_day_of_period`).
    ``indicative_start``: the desired start of al. 1; a later ``first_day`` is a delay
    (``delayed``), so that al. 5 applies. ``evaluation``: the room kept for the
    evaluation, when the experiment has an evaluation deadline and period (its
    ``cut_on`` is the last day of use al. 5 allows). ``last_day``: the normal last day,
    or for a delayed set-up the earlier of the two; ``None`` when the cut leaves no day
    of use (``empty``). ``reduced``: the cut shortened the period. ``started_late``: the
    start is after the al. 5 date ``reduced_usage_after`` (``None`` if no date).
    """

    first_day: dt.date
    normal_last_day: dt.date
    last_day: dt.date | None
    duration_months: int
    indicative_start: dt.date
    reduced_usage_after: dt.date | None = None
    evaluation: EvaluationWindow | None = None

    @property
    def delayed(self) -> bool:
        """Whether the set-up came after the indicative start (« En cas de retard »)."""
        return self.first_day > self.indicative_start

    @property
    def started_late(self) -> bool | None:
        """Whether the set-up came after the al. 5 date (« au-delà de [Date] »)."""
        after = self.reduced_usage_after
        return None if after is None else self.first_day > after

    @property
    def cut_on(self) -> dt.date | None:
        """The last day of use Art. 5 al. 5 allows (``None`` without evaluation)."""
        return None if self.evaluation is None else self.evaluation.cut_on

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
        """The rules applied: Art. 5 al. 1 and CPC 641 al. 2; Art. 5 al. 5 when there is
        an evaluation to make room for, with CPC 641 al. 3 when it takes months and days."""
        found: tuple[Citation, ...] = (ART5_DURATION, CPC_641_MONTHS)
        if self.evaluation is not None:
            found += (ART5_REDUCED_USAGE,)
            if self.evaluation.period.months and self.evaluation.period.days:
                found += (CPC_641_MONTHS_AND_DAYS,)
        return found

    def is_in_use(self, on: dt.date) -> bool:
        """Whether ``on`` is a day of use of the solution."""
        on = to_paris_date(on, field="on")
        return self.last_day is not None and self.first_day <= on <= self.last_day

    def explain(self, lang: Lang = "fr") -> str:
        """One readable paragraph: the normal period, the cut and its reading, the result."""
        return " ".join(sentence.render(lang) for sentence in _sentences(self))

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict; dates as ``YYYY-MM-DD`` (``null`` when absent)."""
        return json_object(self)


@report_hook(UsagePeriod)
def _usage_period_json(period: UsagePeriod) -> dict[str, Any]:
    # By hand: the derived dates and flags, the evaluation window flattened in, the
    # citations by their labels.
    window = period.evaluation
    return {
        "first_day": to_json(period.first_day),
        "last_day": to_json(period.last_day),
        "normal_last_day": to_json(period.normal_last_day),
        "cut_on": to_json(period.cut_on),
        "duration_months": period.duration_months,
        "days": period.days,
        "reduced": period.reduced,
        "empty": period.empty,
        "delayed": period.delayed,
        "indicative_start": to_json(period.indicative_start),
        "started_late": period.started_late,
        "reduced_usage_after": to_json(period.reduced_usage_after),
        "evaluation_deadline": None if window is None else to_json(window.deadline),
        "evaluation_deadline_inclusive": None if window is None else window.options.inclusive,
        "evaluation_period": None if window is None else to_json(window.period),
        "evaluation_latest_start": None if window is None else to_json(window.latest_start),
        "evaluation_last_day": None if window is None else to_json(window.last_day),
        "articles": [citation.label for citation in period.citations],
    }


def _sentences(period: UsagePeriod) -> list[Message]:
    """The explanation of ``period``, one sentence at a time."""
    sentences = [
        Message(
            N_(
                "The experiment lasts {months} from its setup on {first_day} (Art. 5 al. 1): "
                "its normal last day is {normal_last_day} (the day before the same day number "
                "{months} later, or the last day of a month without that day number: "
                "CPC 641 al. 2)."
            ),
            {
                "months": _months(period.duration_months),
                "first_day": period.first_day,
                "normal_last_day": period.normal_last_day,
            },
        )
    ]
    after = period.reduced_usage_after
    if after is not None:
        sentences.append(
            Message(
                N_("The setup came after {day} (Art. 5 al. 5).")
                if period.started_late
                else N_("The setup did not come after {day} (Art. 5 al. 5)."),
                {"day": after},
            )
        )
    window = period.evaluation
    if window is not None:
        sentences += _evaluation_sentences(window, period)
    days = {"first_day": period.first_day, "last_day": period.last_day}
    if period.last_day is None:
        sentences.append(
            Message(
                N_(
                    "No day of use is left: the setup, on {first_day}, comes after the last "
                    "possible day of use."
                ),
                days,
            )
        )
    else:
        sentences.append(
            Message(
                N_("Period of use (reduced): {first_day} to {last_day}, {days}.")
                if period.reduced
                else N_("Period of use (full): {first_day} to {last_day}, {days}."),
                {**days, "days": _days(period.days)},
            )
        )
    return sentences


def _evaluation_sentences(window: EvaluationWindow, period: UsagePeriod) -> list[Message]:
    """What al. 5 asks for the evaluation, and whether it cuts this period."""
    by = (
        Message(N_("before {deadline}, that day included (option)"), {"deadline": window.deadline})
        if window.options.inclusive
        else Message(
            N_("before {deadline}, so by {day_before} at the latest (« avant le » read strictly)"),
            {"deadline": window.deadline, "day_before": _day_before(window.deadline)},
        )
    )
    sentences = [
        Message(
            N_(
                "The assessment and impact measurement must be finished {by}, and take "
                "{takes}: they start on {start} at the latest, ending on {end}; so use cannot "
                "go beyond {cut} (Art. 5 al. 5)."
            ),
            {
                "by": by,
                "takes": _duration_message(window.period),
                "start": window.latest_start,
                "end": window.last_day,
                "cut": window.cut_on,
            },
        )
    ]
    if not period.delayed:
        sentences.append(
            Message(
                N_(
                    "The setup is not later than the desired start, {planned}: this limit "
                    "does not apply (Art. 5 al. 5: « En cas de retard dans la mise en place »)."
                ),
                {"planned": period.indicative_start},
            )
        )
    return sentences


def _day_before(day: dt.date) -> dt.date:
    try:
        return day - ONE_DAY
    except OverflowError:
        raise DateError(
            Message(N_("no day comes before {day}"), {"day": day.isoformat()}),
            field="evaluation_deadline",
            article=ART5_REDUCED_USAGE.label,
        ) from None


def _evaluation_window(
    experiment: Experiment, options: ReducedUsageOptions
) -> EvaluationWindow | None:
    """The room al. 5 keeps for the evaluation, or ``None`` without evaluation deadline
    and period (an ``Experiment`` has both or neither)."""
    deadline, period = experiment.evaluation_deadline, experiment.evaluation_period
    if deadline is None or period is None:
        return None
    # « avant le » D: the evaluation ends by D − 1 (by D itself when inclusive).
    last = deadline if options.inclusive else _day_before(deadline)
    latest = latest_first_day(last, period.months, period.days)
    return EvaluationWindow(deadline, period, latest, options)


def usage_cut(
    experiment: Experiment, options: ReducedUsageOptions = DEFAULT_REDUCED_USAGE_OPTIONS
) -> dt.date | None:
    """The last day of use Art. 5 al. 5 allows a late set-up, or ``None`` when the
    experiment has no evaluation deadline and period.

    « la période d'utilisation de la solution sera réduite afin de permettre la
    finalisation du bilan et de la mesure d'impact avant le [Date] »: the day before S,
    the latest first day of an evaluation that ends on or before the day before the
    evaluation deadline (on the deadline itself with ``options.inclusive``).

    >>> import datetime as dt
    >>> from mgp_convention.convention import Duration, Experiment
    >>> experiment = Experiment(
    ...     theme="t", solution="s", objectives=("o",), duration_months=6,
    ...     indicative_start=dt.date(2027, 1, 15),
    ...     evaluation_deadline=dt.date(2027, 12, 31), evaluation_period=Duration(months=2))
    >>> usage_cut(experiment)  # S = 31 Oct 2027: 31 Oct + 2 months ends on 30 Dec
    datetime.date(2027, 10, 30)
    """
    window = _evaluation_window(experiment, options)
    return None if window is None else window.cut_on


def usage_period(
    experiment: Experiment,
    started_on: dt.date | dt.datetime,
    options: ReducedUsageOptions = DEFAULT_REDUCED_USAGE_OPTIONS,
) -> UsagePeriod:
    """The period of use of the solution set up on ``started_on`` (Art. 5 al. 1, al. 5).

    Art. 5 al. 1 (« une durée de [X] mois »): the period counts ``started_on`` as its
    first day and lasts ``duration_months`` months (:func:`last_day_of_period`, CPC 641
    al. 2). Art. 5 al. 5 (« la période d'utilisation de la solution sera réduite afin de
    permettre la finalisation du bilan et de la mesure d'impact avant le [Date] »): when
    the experiment has an evaluation deadline and period and the set-up is late, that is
    after the indicative start (« En cas de retard dans la mise en place de la solution
    … quel qu'en soit le motif »), the last day of use is at most :func:`usage_cut`; if
    that is before ``started_on``, no day of use is left. A set-up on time keeps its
    ``duration_months`` (al. 1) even if they run past the cut. ``options`` chooses the
    reading of « avant le » (:class:`ReducedUsageOptions`, strict by default).

    >>> import datetime as dt
    >>> from mgp_convention.convention import Experiment
    >>> experiment = Experiment(
    ...     theme="t", solution="s", objectives=("o",), duration_months=1,
    ...     indicative_start=dt.date(2027, 1, 31))
    >>> usage_period(experiment, dt.date(2027, 1, 31)).last_day  # no 31 February
    datetime.date(2027, 2, 28)
    """
    start = to_paris_date(started_on, field="started_on")
    normal_last = last_day_of_period(start, experiment.duration_months)
    window = _evaluation_window(experiment, options)
    last_day: dt.date | None = normal_last
    # « En cas de retard dans la mise en place de la solution » : the cut applies only to
    # a set-up later than the planned start (any delay, « quel qu'en soit le motif »; the
    # date of al. 5 is its example, « et notamment si … au-delà de [Date] »).
    if window is not None and start > experiment.indicative_start:
        last = min(normal_last, window.cut_on)
        last_day = last if last >= start else None
    return UsagePeriod(
        first_day=start,
        normal_last_day=normal_last,
        last_day=last_day,
        duration_months=experiment.duration_months,
        indicative_start=experiment.indicative_start,
        reduced_usage_after=experiment.reduced_usage_after,
        evaluation=window,
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
        return json_object(self)


def deployment_schedule(
    experiment: Experiment, start: dt.date | dt.datetime
) -> tuple[ScheduledStep, ...]:
    """The dates of each step of the deployment calendar, from ``start`` (Art. 5 al. 2).

    « La Métropole envisage le calendrier de déploiement suivant : [Préciser les étapes
    et durée] ». The steps follow one another: each starts the day after the previous
    one ends. A step of M months and D days starting on S ends D days after the last day
    of its M months, or on S + D − 1 when M = 0 (:func:`last_day_of_period`: CPC 641
    al. 2, then al. 3, months first).

    >>> import datetime as dt
    >>> from mgp_convention.convention import CalendarStep, Duration, Experiment
    >>> experiment = Experiment(
    ...     theme="t", solution="s", objectives=("o",), duration_months=6,
    ...     indicative_start=dt.date(2027, 1, 22),
    ...     calendar=(CalendarStep("installation", Duration(days=10)),
    ...               CalendarStep("formation", Duration(months=1))))
    >>> [(s.label, str(s.first_day), str(s.last_day))
    ...  for s in deployment_schedule(experiment, dt.date(2027, 1, 22))]
    [('installation', '2027-01-22', '2027-01-31'), ('formation', '2027-02-01', '2027-02-28')]
    """
    first = to_paris_date(start, field="start")
    steps: list[ScheduledStep] = []
    for step in experiment.calendar:
        duration = step.duration
        last = last_day_of_period(first, duration.months, duration.days)
        steps.append(ScheduledStep(step.label, first, last, duration))
        first = last + ONE_DAY
    return tuple(steps)
