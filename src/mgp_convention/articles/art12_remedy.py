"""Art. 12 al. 2: the thirty days the beneficiary has to remedy a breach.

« En cas de manquement du bénéficiaire, ce dernier disposera d'un délai de trente jours
à compter de l'envoi d'une lettre recommandée avec accusé de réception pour remédier
audit manquement. »

The contract does not say how the thirty days are counted. The defaults follow the
Code de procédure civile (RULES.md, "The 30-day remedy deadline"):

- day 0 is the date the registered letter was **sent** (the postmark, CPC 669 al. 1);
  it does not count (CPC 641 al. 1);
- the period ends at the end of day 30 (CPC 642 al. 1);
- if day 30 is a Saturday, a Sunday or a public holiday (C. trav. L3133-1), the
  deadline moves to the next working day (CPC 642 al. 2).

A remedy dated on the deadline is in time; termination for breach is allowed from the
day after. Each default can be changed with :class:`RemedyOptions`, so that a lawyer
can choose another reading: the number of days, no extension, extra closed days (*jours
chômés*), counting from receipt (CPC 669 al. 3) instead of sending, a *délai franc*.

>>> import datetime as dt
>>> deadline = remedy_deadline(dt.date(2026, 12, 2))
>>> deadline.nominal_expiry, deadline.expires_on
(datetime.date(2027, 1, 1), datetime.date(2027, 1, 4))
>>> [(s.day.isoformat(), s.reason) for s in deadline.skipped]
[('2027-01-01', 'jour férié : 1er janvier'), ('2027-01-02', 'samedi'), ('2027-01-03', 'dimanche')]
>>> remedy_deadline(dt.date(2026, 12, 2), RemedyOptions(extend=False)).expires_on
datetime.date(2027, 1, 1)
>>> print(remedy_deadline(dt.date(2026, 3, 2)).explain("en"))  # doctest: +ELLIPSIS
The registered letter was sent on Monday 2 March 2026 (day 0, not counted). Day 30 is ...
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any, Literal

import attrs

from mgp_convention._validators import a_bool
from mgp_convention._words import ordinal_fr, quantity
from mgp_convention.calendar import (
    CPC_641_DAYS,
    CPC_642_END_OF_DAY,
    CPC_642_EXTENSION,
    CPC_669_RECEIPT,
    CPC_669_SENDING,
    L3133_1_HOLIDAYS,
    ONE_DAY,
    Lang,
    format_date,
    next_working_day,
    non_working_reason,
    to_paris_date,
)
from mgp_convention.citations import Citation
from mgp_convention.errors import DateError, InvalidValue

__all__ = [
    "ART12_REMEDY",
    "DEFAULT_REMEDY_OPTIONS",
    "REMEDY_PERIOD_DAYS",
    "CountFrom",
    "RemedyDeadline",
    "RemedyOptions",
    "SkippedDay",
    "remedy_deadline",
    "remedy_expiry",
]

ART12_REMEDY = Citation(
    "Art. 12",
    "al. 2",
    "En cas de manquement du bénéficiaire, ce dernier disposera d'un délai de trente jours "
    "à compter de l'envoi d'une lettre recommandée avec accusé de réception pour remédier "
    "audit manquement.",
)
#: « un délai de trente jours » (Art. 12 al. 2).
REMEDY_PERIOD_DAYS = 30

#: Where day 0 is: the sending of the letter (the default, CPC 669 al. 1) or its
#: receipt (CPC 669 al. 3).
CountFrom = Literal["sending", "receipt"]
_COUNT_FROM: tuple[CountFrom, ...] = ("sending", "receipt")


# --- options ----------------------------------------------------------------------------


def _whole_days(_instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise InvalidValue(
            f"the remedy period is a whole number of days ≥ 1, got {value!r}",
            field=attribute.name,
            article=ART12_REMEDY.label,
        )


def _count_from(_instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value not in _COUNT_FROM:
        raise InvalidValue(
            f"expected 'sending' or 'receipt', got {value!r}",
            field=attribute.name,
            article=ART12_REMEDY.label,
        )


def _closed_days(value: Iterable[dt.date]) -> frozenset[dt.date]:
    return frozenset(to_paris_date(day, field="extra_closed_days") for day in value)


def _optional_date(value: dt.date | None) -> dt.date | None:
    return None if value is None else to_paris_date(value, field="received_on")


@attrs.frozen
class RemedyOptions:
    """How the Art. 12 al. 2 period is counted; the defaults are those of RULES.md.

    - ``days``: the length of the period (« trente jours », :data:`REMEDY_PERIOD_DAYS`);
    - ``extend``: move a deadline that falls on a non-working day to the next working
      day (CPC 642 al. 2); ``False`` keeps the nominal last day;
    - ``extra_closed_days``: *jours chômés* given by the user, treated like public
      holidays (CPC 642 al. 2: « un jour férié ou chômé »);
    - ``count_from``: ``"sending"`` (day 0 is the date the letter was sent, as the
      contract says: « à compter de l'envoi ») or ``"receipt"`` (day 0 is
      ``received_on``, the date La Poste stamped on delivery, CPC 669 al. 3);
    - ``franc``: a *délai franc*, which also leaves out its last day: one more day.
    """

    days: int = attrs.field(default=REMEDY_PERIOD_DAYS, validator=_whole_days)
    extend: bool = attrs.field(default=True, validator=a_bool)
    extra_closed_days: frozenset[dt.date] = attrs.field(default=frozenset(), converter=_closed_days)
    count_from: CountFrom = attrs.field(default="sending", validator=_count_from)
    received_on: dt.date | None = attrs.field(default=None, converter=_optional_date)
    franc: bool = attrs.field(default=False, validator=a_bool)

    def __attrs_post_init__(self) -> None:
        if self.count_from == "receipt" and self.received_on is None:
            raise DateError(
                "counting from receipt needs the date the letter was received",
                field="received_on",
                article=ART12_REMEDY.label,
            )
        if self.count_from == "sending" and self.received_on is not None:
            raise InvalidValue(
                "received_on is only used when counting from receipt "
                "(count_from='receipt'); the contract counts from the sending",
                field="received_on",
                article=ART12_REMEDY.label,
            )


#: The reading of RULES.md: 30 days from the sending, extended past non-working days.
DEFAULT_REMEDY_OPTIONS = RemedyOptions()


# --- result -----------------------------------------------------------------------------


@attrs.frozen
class SkippedDay:
    """A day the deadline was moved past (CPC 642 al. 2), with the reason in both languages."""

    day: dt.date
    reason: str
    reason_en: str

    def to_json(self) -> dict[str, str]:
        """``{"date": "YYYY-MM-DD", "reason": ..., "reason_en": ...}``."""
        return {"date": self.day.isoformat(), "reason": self.reason, "reason_en": self.reason_en}


@attrs.frozen
class RemedyDeadline:
    """The end of the Art. 12 al. 2 remedy period, and how it was reached.

    Build it with :func:`remedy_deadline`. Stored: ``sent_on``, the date the registered
    letter was sent (its Paris date); ``expires_on``, the deadline, at midnight (CPC 642
    al. 1); ``options``, the reading applied. Derived from them: ``start_on`` (day 0
    actually used: ``sent_on``, or the receipt date), ``nominal_expiry`` (the last day
    of the period before any extension: day 30, or day 31 for a *délai franc*), the
    days ``skipped`` and why, the ``rule`` and the ``citation``.
    """

    sent_on: dt.date
    expires_on: dt.date
    options: RemedyOptions = DEFAULT_REMEDY_OPTIONS

    @property
    def start_on(self) -> dt.date:
        """Day 0: the sending date, or the receipt date when counting from receipt."""
        received = self.options.received_on
        return received if received is not None else self.sent_on

    @property
    def nominal_expiry(self) -> dt.date:
        """The last day of the period before any extension (CPC 641 al. 1, 642 al. 1)."""
        options = self.options
        return self.start_on + dt.timedelta(days=options.days + (1 if options.franc else 0))

    @property
    def citation(self) -> Citation:
        """Art. 12 al. 2, the sentence this deadline applies."""
        return ART12_REMEDY

    @property
    def article(self) -> str:
        """``"Art. 12 al. 2"``."""
        return ART12_REMEDY.label

    @property
    def citations(self) -> tuple[Citation, ...]:
        """Every source applied: Art. 12 al. 2, then the CPC and Code du travail rules."""
        found = [ART12_REMEDY]
        found.append(CPC_669_RECEIPT if self.options.count_from == "receipt" else CPC_669_SENDING)
        found += [CPC_641_DAYS, CPC_642_END_OF_DAY]
        if self.options.extend:
            found += [CPC_642_EXTENSION, L3133_1_HOLIDAYS]
        return tuple(found)

    @property
    def day_n(self) -> dt.date:
        """The last day counted: day 0 + ``days`` (day 30 by default), before *franc*."""
        return self.start_on + dt.timedelta(days=self.options.days)

    @property
    def skipped(self) -> tuple[SkippedDay, ...]:
        """The non-working days the deadline was moved past, in order (CPC 642 al. 2)."""
        closed = self.options.extra_closed_days
        days: list[SkippedDay] = []
        day = self.nominal_expiry
        while day < self.expires_on:
            days.append(
                SkippedDay(
                    day,
                    non_working_reason(day, closed, lang="fr") or "",
                    non_working_reason(day, closed, lang="en") or "",
                )
            )
            day += ONE_DAY
        return tuple(days)

    @property
    def termination_allowed_from(self) -> dt.date:
        """The first day termination for breach is allowed: the day after ``expires_on``."""
        return self.expires_on + ONE_DAY

    def is_in_time(self, on: dt.date) -> bool:
        """Whether a remedy dated ``on`` is within the period (the deadline day included)."""
        return to_paris_date(on, field="on") <= self.expires_on

    def has_expired(self, on: dt.date) -> bool:
        """Whether the period has run out on ``on`` (termination for breach allowed)."""
        return to_paris_date(on, field="on") > self.expires_on

    @property
    def rule(self) -> str:
        """The rule applied, in French, with its sources."""
        return _rule(self.options, "fr")

    @property
    def rule_en(self) -> str:
        """The rule applied, in English, with its sources."""
        return _rule(self.options, "en")

    def explain(self, lang: Lang = "fr") -> str:
        """One readable paragraph: day 0, day N, each day skipped and why, the deadline."""
        return _explain(self, lang)

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict; dates as ``YYYY-MM-DD``."""
        options = self.options
        return {
            "sent_on": self.sent_on.isoformat(),
            "received_on": options.received_on.isoformat() if options.received_on else None,
            "count_from": options.count_from,
            "start_on": self.start_on.isoformat(),
            "days": options.days,
            "franc": options.franc,
            "extend": options.extend,
            "extra_closed_days": sorted(day.isoformat() for day in options.extra_closed_days),
            "day_n": self.day_n.isoformat(),
            "nominal_expiry": self.nominal_expiry.isoformat(),
            "expires_on": self.expires_on.isoformat(),
            "skipped": [skipped.to_json() for skipped in self.skipped],
            "termination_allowed_from": self.termination_allowed_from.isoformat(),
            "rule": self.rule,
            "rule_en": self.rule_en,
            "article": ART12_REMEDY.label,
            "citation": ART12_REMEDY.text,
        }


# --- the computation --------------------------------------------------------------------


def remedy_deadline(
    sent_on: dt.date | dt.datetime, options: RemedyOptions = DEFAULT_REMEDY_OPTIONS
) -> RemedyDeadline:
    """The deadline to remedy a breach, for a registered letter sent on ``sent_on``.

    Art. 12 al. 2: « ce dernier disposera d'un délai de trente jours à compter de l'envoi
    d'une lettre recommandée avec accusé de réception pour remédier audit manquement ».
    ``sent_on`` is a date, or an aware datetime taken as its Europe/Paris date (a naive
    one raises :class:`DateError`). Day 0 is the sending date (CPC 669 al. 1) and does
    not count (CPC 641 al. 1); the period ends at the end of day 30 (CPC 642 al. 1),
    moved to the next working day when that is a Saturday, a Sunday, a public holiday
    or a *jour chômé* (CPC 642 al. 2, C. trav. L3133-1). See :class:`RemedyOptions`.

    >>> import datetime as dt
    >>> remedy_deadline(dt.date(2026, 4, 14)).expires_on  # day 30 = Thu 14 May, Ascension
    datetime.date(2026, 5, 15)
    """
    sent = to_paris_date(sent_on, field="sent_on")
    return RemedyDeadline(sent, _expiry(sent, options), options)


def remedy_expiry(
    sent_on: dt.date | dt.datetime, options: RemedyOptions = DEFAULT_REMEDY_OPTIONS
) -> dt.date:
    """Only the deadline date of :func:`remedy_deadline` (Art. 12 al. 2, CPC 641–642).

    Same rule and options, without building the explained result: for code that only
    compares dates (is a remedy in time, may the Métropole terminate yet).

    >>> import datetime as dt
    >>> remedy_expiry(dt.date(2026, 12, 2))
    datetime.date(2027, 1, 4)
    """
    return _expiry(to_paris_date(sent_on, field="sent_on"), options)


def _expiry(sent: dt.date, options: RemedyOptions) -> dt.date:
    """The deadline for any options (Art. 12 al. 2; CPC 641 al. 1, 642; CPC 669)."""
    start = sent
    if options.received_on is not None:  # counting from receipt (CPC 669 al. 3)
        start = options.received_on
        if start < sent:
            raise DateError(
                f"the letter cannot be received ({start}) before it was sent ({sent})",
                field="received_on",
                article=ART12_REMEDY.label,
            )
    try:
        nominal = start + dt.timedelta(days=options.days + (1 if options.franc else 0))
    except OverflowError:
        raise DateError(
            f"a period of {options.days} days from {sent} ends after year 9999",
            field="days",
            article=ART12_REMEDY.label,
        ) from None
    if not options.extend:
        return nominal
    return next_working_day(nominal, options.extra_closed_days)


# --- words ------------------------------------------------------------------------------


def _rule(options: RemedyOptions, lang: Lang) -> str:
    days = options.days
    closed = ", ".join(sorted(day.isoformat() for day in options.extra_closed_days))
    if lang == "fr":
        parts = [f"Art. 12 al. 2 : délai de {quantity(days, 'jour', lang='fr')}"]
        if days != REMEDY_PERIOD_DAYS:
            parts[0] += " (option ; le contrat prévoit trente jours)"
        if options.count_from == "receipt":
            parts.append(
                "à compter de la réception de la lettre recommandée (date apposée par "
                "La Poste, CPC 669 al. 3 ; option)"
            )
        else:
            parts.append("à compter de l'envoi de la lettre recommandée (CPC 669 al. 1)")
        parts.append("le jour 0 ne compte pas (CPC 641 al. 1)")
        if options.franc:
            parts.append(
                f"délai franc (option) : il expire le lendemain du {ordinal_fr(days)} jour"
            )
        parts.append("le délai expire le dernier jour à 24 h (CPC 642 al. 1)")
        if options.extend:
            text = (
                "il est prorogé au premier jour ouvrable suivant s'il expire un samedi, un "
                "dimanche, un jour férié (C. trav. L3133-1) ou chômé (CPC 642 al. 2)"
            )
            if closed:
                text += f" ; jours chômés indiqués : {closed}"
            parts.append(text)
        else:
            parts.append("sans report au jour ouvrable suivant (option)")
        return " ; ".join(parts) + "."
    parts = [f"Art. 12 al. 2: a period of {quantity(days, 'day', lang='en')}"]
    if days != REMEDY_PERIOD_DAYS:
        parts[0] += " (option; the contract says thirty days)"
    if options.count_from == "receipt":
        parts.append(
            "from the receipt of the registered letter (the date La Poste stamps on "
            "delivery, CPC 669 al. 3; option)"
        )
    else:
        parts.append("from the sending of the registered letter (CPC 669 al. 1)")
    parts.append("day 0 does not count (CPC 641 al. 1)")
    if options.franc:
        parts.append(f"délai franc (option): it ends on the day after day {days}")
    parts.append("the period ends on its last day at midnight (CPC 642 al. 1)")
    if options.extend:
        text = (
            "it is extended to the next working day when it would end on a Saturday, a "
            "Sunday, a public holiday (C. trav. L3133-1) or a closed day (CPC 642 al. 2)"
        )
        if closed:
            text += f"; closed days given: {closed}"
        parts.append(text)
    else:
        parts.append("without extension to the next working day (option)")
    return "; ".join(parts) + "."


def _explain(deadline: RemedyDeadline, lang: Lang) -> str:
    options = deadline.options
    closed = options.extra_closed_days
    n = options.days
    fr = lang == "fr"

    def when(day: dt.date) -> str:
        return format_date(day, lang)

    sentences: list[str] = []
    if options.count_from == "receipt":
        sentences.append(
            f"La lettre recommandée a été envoyée le {when(deadline.sent_on)} et reçue le "
            f"{when(deadline.start_on)} ; le délai court à compter de la réception "
            "(jour 0, qui ne compte pas)."
            if fr
            else f"The registered letter was sent on {when(deadline.sent_on)} and received "
            f"on {when(deadline.start_on)}; the period runs from its receipt "
            "(day 0, not counted)."
        )
    else:
        sentences.append(
            f"La lettre recommandée a été envoyée le {when(deadline.sent_on)} "
            "(jour 0, qui ne compte pas)."
            if fr
            else f"The registered letter was sent on {when(deadline.sent_on)} (day 0, not counted)."
        )
    day_n = deadline.day_n
    nominal_reason = non_working_reason(deadline.nominal_expiry, closed, lang=lang)
    skipped = deadline.skipped
    if options.franc:
        sentences.append(
            f"Le {ordinal_fr(n)} jour est le {when(day_n)} ; le délai étant franc, son "
            f"dernier jour est le lendemain, le {when(deadline.nominal_expiry)}."
            if fr
            else f"Day {n} is {when(day_n)}; as the period is franc, its last day is the "
            f"day after, {when(deadline.nominal_expiry)}."
        )
    elif nominal_reason is None:
        sentences.append(
            f"Le {ordinal_fr(n)} jour est le {when(day_n)}, un jour ouvrable."
            if fr
            else f"Day {n} is {when(day_n)}, a working day."
        )
    else:
        sentences.append(
            f"Le {ordinal_fr(n)} jour est le {when(day_n)}." if fr else f"Day {n} is {when(day_n)}."
        )
    if skipped:
        listed = ", ".join(f"{when(s.day)} ({s.reason if fr else s.reason_en})" for s in skipped)
        sentences.append(
            "Le délai est prorogé au premier jour ouvrable suivant (CPC 642 al. 2) ; "
            f"jours non ouvrables passés : {listed}."
            if fr
            else "The deadline moves to the next working day (CPC 642 al. 2); "
            f"non-working days skipped: {listed}."
        )
    elif nominal_reason is not None:
        sentences.append(
            f"Ce jour n'est pas ouvrable ({nominal_reason}), mais le report est écarté (option)."
            if fr
            else f"That day is not a working day ({nominal_reason}), but the extension is "
            "turned off (option)."
        )
    after = when(deadline.termination_allowed_from)
    sentences.append(
        f"Le délai pour remédier au manquement expire le {when(deadline.expires_on)} à "
        f"24 h : une remédiation datée de ce jour est dans les temps, et la résiliation "
        f"pour manquement est possible à partir du {after}."
        if fr
        else f"The deadline to remedy the breach is {when(deadline.expires_on)} at "
        f"midnight: a remedy dated that day is in time, and termination for breach is "
        f"allowed from {after}."
    )
    sentences.append(
        f"Règle appliquée : {deadline.rule}" if fr else f"Rule applied: {deadline.rule_en}"
    )
    return " ".join(sentences)
