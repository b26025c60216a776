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

Why over 400 lines: one article's rule: the thirty days, their options (received on,
closed days, business days) and the explanation a programme officer reads, step by step,
with the days skipped.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any, Final, Literal

import attrs
from cattrs.gen import make_dict_unstructure_fn, override

from mgp_convention._validators import a_bool
from mgp_convention.calendar import (
    CPC_641_DAYS,
    CPC_642_END_OF_DAY,
    CPC_642_EXTENSION,
    CPC_669_RECEIPT,
    CPC_669_SENDING,
    L3133_1_HOLIDAYS,
    ONE_DAY,
    Lang,
    next_working_day,
    non_working_reason,
    to_paris_date,
)
from mgp_convention.citations import Citation
from mgp_convention.errors import DateError, InvalidValue
from mgp_convention.i18n import N_, NP_, Message
from mgp_convention.report_json import json_object, report_converter, report_hook, to_json

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


def _received_on_date(value: dt.date | None) -> dt.date | None:
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
    received_on: dt.date | None = attrs.field(default=None, converter=_received_on_date)
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

    def to_json(self) -> dict[str, Any]:
        """``{"date": "YYYY-MM-DD", "reason": ..., "reason_en": ...}``."""
        return json_object(self)


report_converter.register_unstructure_hook(
    SkippedDay,
    make_dict_unstructure_fn(SkippedDay, report_converter, day=override(rename="date")),
)


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
        return json_object(self)


@report_hook(RemedyDeadline)
def _deadline_json(deadline: RemedyDeadline) -> dict[str, Any]:
    # By hand: the options flattened among the derived dates, the citation split.
    options = deadline.options
    return {
        "sent_on": to_json(deadline.sent_on),
        "received_on": to_json(options.received_on),
        "count_from": options.count_from,
        "start_on": to_json(deadline.start_on),
        "days": options.days,
        "franc": options.franc,
        "extend": options.extend,
        "extra_closed_days": to_json(sorted(options.extra_closed_days)),
        "day_n": to_json(deadline.day_n),
        "nominal_expiry": to_json(deadline.nominal_expiry),
        "expires_on": to_json(deadline.expires_on),
        "skipped": to_json(deadline.skipped),
        "termination_allowed_from": to_json(deadline.termination_allowed_from),
        "rule": deadline.rule,
        "rule_en": deadline.rule_en,
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
                Message(
                    N_("the letter cannot be received ({received}) before it was sent ({sent})"),
                    {"received": start.isoformat(), "sent": sent.isoformat()},
                ),
                field="received_on",
                article=ART12_REMEDY.label,
            )
    try:
        nominal = start + dt.timedelta(days=options.days + (1 if options.franc else 0))
    except OverflowError:
        raise _out_of_range(sent, options) from None
    if not options.extend:
        return nominal
    return next_working_day(nominal, options.extra_closed_days)


# Its plural form is looked up by the singular in the catalogues (either language): like
# the words below, a module constant.
_OUT_OF_RANGE: Final = NP_(
    "a period of {days} day from {sent} ends after year 9999",
    "a period of {days} days from {sent} ends after year 9999",
)


def _out_of_range(sent: dt.date, options: RemedyOptions) -> DateError:
    return DateError(
        Message.counted(
            _OUT_OF_RANGE,
            "days",
            {"days": str(options.days), "sent": sent.isoformat()},
        ),
        field="days",
        article=ART12_REMEDY.label,
    )


# --- words ------------------------------------------------------------------------------
# Each part of the rule and each sentence of the explanation is a message of the
# catalogues; the language is chosen when they are said. A French ordinal (« le 1er
# jour », « le 30e jour ») is the form the catalogue gives for the number: French takes
# its singular form for 1, so the singular carries « er » and the plural « e ».

_AND: Final = N_("{text}; {more}")
_PERIOD: Final = NP_(
    "Art. 12 al. 2: a period of {days} day", "Art. 12 al. 2: a period of {days} days"
)
_PERIOD_OPTION: Final = N_("{period} (option; the contract says thirty days)")
_FROM_RECEIPT: Final = N_(
    "from the receipt of the registered letter (the date La Poste stamps on delivery, "
    "CPC 669 al. 3; option)"
)
_FROM_SENDING: Final = N_("from the sending of the registered letter (CPC 669 al. 1)")
_DAY_ZERO: Final = N_("day 0 does not count (CPC 641 al. 1)")
_FRANC: Final = NP_(
    "délai franc (option): it ends on the day after day {days}",
    "délai franc (option): it ends on the day after day {days}",
)
_MIDNIGHT: Final = N_("the period ends on its last day at midnight (CPC 642 al. 1)")
_EXTENDED: Final = N_(
    "it is extended to the next working day when it would end on a Saturday, a Sunday, a "
    "public holiday (C. trav. L3133-1) or a closed day (CPC 642 al. 2)"
)
_CLOSED_GIVEN: Final = N_("{text}; closed days given: {closed}")
_NOT_EXTENDED: Final = N_("without extension to the next working day (option)")

_SENT_RECEIVED: Final = N_(
    "The registered letter was sent on {sent} and received on {received}; the period runs "
    "from its receipt (day 0, not counted)."
)
_SENT: Final = N_("The registered letter was sent on {sent} (day 0, not counted).")
_DAY_N_FRANC: Final = NP_(
    "Day {n} is {day}; as the period is franc, its last day is the day after, {last}.",
    "Day {n} is {day}; as the period is franc, its last day is the day after, {last}.",
)
_DAY_N_WORKING: Final = NP_("Day {n} is {day}, a working day.", "Day {n} is {day}, a working day.")
_DAY_N: Final = NP_("Day {n} is {day}.", "Day {n} is {day}.")
_SKIPPED: Final = N_(
    "The deadline moves to the next working day (CPC 642 al. 2); non-working days "
    "skipped: {listed}."
)
_SKIPPED_DAY: Final = N_("{day} ({reason})")
_NOT_MOVED: Final = N_(
    "That day is not a working day ({reason}), but the extension is turned off (option)."
)
_DEADLINE: Final = N_(
    "The deadline to remedy the breach is {deadline} at midnight: a remedy dated that day "
    "is in time, and termination for breach is allowed from {after}."
)
_RULE_APPLIED: Final = N_("Rule applied: {rule}")


def _both(first: Message | str, second: Message) -> Message:
    return Message(_AND, {"text": first, "more": second})


def _rule_message(options: RemedyOptions) -> Message:
    days = options.days
    period = Message.counted(_PERIOD, "days", {"days": days})
    if days != REMEDY_PERIOD_DAYS:
        period = Message(_PERIOD_OPTION, {"period": period})
    rule = _both(
        period, Message(_FROM_RECEIPT if options.count_from == "receipt" else _FROM_SENDING)
    )
    rule = _both(rule, Message(_DAY_ZERO))
    if options.franc:
        rule = _both(rule, Message.counted(_FRANC, "days", {"days": days}))
    rule = _both(rule, Message(_MIDNIGHT))
    if options.extend:
        extended = Message(_EXTENDED)
        if options.extra_closed_days:
            closed = ", ".join(sorted(day.isoformat() for day in options.extra_closed_days))
            extended = Message(_CLOSED_GIVEN, {"text": extended, "closed": closed})
        return _both(rule, extended)
    return _both(rule, Message(_NOT_EXTENDED))


def _rule(options: RemedyOptions, lang: Lang) -> str:
    return _rule_message(options).render(lang) + "."


def _explain(deadline: RemedyDeadline, lang: Lang) -> str:
    options = deadline.options
    closed = options.extra_closed_days
    n = options.days
    sentences: list[Message] = []
    if options.count_from == "receipt":
        sentences.append(
            Message(_SENT_RECEIVED, {"sent": deadline.sent_on, "received": deadline.start_on})
        )
    else:
        sentences.append(Message(_SENT, {"sent": deadline.sent_on}))
    day_n = deadline.day_n
    nominal_reason = non_working_reason(deadline.nominal_expiry, closed, lang=lang)
    skipped = deadline.skipped
    if options.franc:
        sentences.append(
            Message.counted(
                _DAY_N_FRANC, "n", {"n": n, "day": day_n, "last": deadline.nominal_expiry}
            )
        )
    elif nominal_reason is None:
        sentences.append(Message.counted(_DAY_N_WORKING, "n", {"n": n, "day": day_n}))
    else:
        sentences.append(Message.counted(_DAY_N, "n", {"n": n, "day": day_n}))
    if skipped:
        listed = [
            Message(
                _SKIPPED_DAY, {"day": s.day, "reason": s.reason if lang == "fr" else s.reason_en}
            ).render(lang)
            for s in skipped
        ]
        sentences.append(Message(_SKIPPED, {"listed": ", ".join(listed)}))
    elif nominal_reason is not None:
        sentences.append(Message(_NOT_MOVED, {"reason": nominal_reason}))
    sentences.append(
        Message(
            _DEADLINE,
            {"deadline": deadline.expires_on, "after": deadline.termination_allowed_from},
        )
    )
    sentences.append(Message(_RULE_APPLIED, {"rule": _rule(options, lang)}))
    return " ".join(sentence.render(lang) for sentence in sentences)
