"""Legal time: civil dates in Europe/Paris, periods in days and months, working days.

Every date of the convention is a civil date in Europe/Paris. An aware ``datetime`` is
converted to its Paris date; a naive one is refused, since nobody can tell which day it
was. No function here reads the clock: each takes the date it works on.

The rules encoded, with their sources (quoted in the constants below):

- a period in days does not count the day that starts it (CPC 641 al. 1);
- a period in months ends on the same day number, or on the last day of the month
  when that number does not exist (CPC 641 al. 2: « A défaut d'un quantième identique,
  le délai expire le dernier jour du mois »); months and days: months first (CPC 641
  al. 3). For a period that counts its first day (the experiment, a deployment step,
  the evaluation: RULES.md, "Periods in months"), the same day number N months later
  is the first day *after* the period, so the period ends the day before it, or on
  the last day of the month that has no such day number (:func:`last_day_of_period`);
- a period ends on its last day at midnight (CPC 642 al. 1), and one that would end on
  a Saturday, a Sunday, a public holiday or a *jour chômé* is extended to the next
  working day (CPC 642 al. 2);
- the public holidays are the 11 of Code du travail L3133-1, metropolitan France,
  Whit Monday included (Cass. 3e civ., 21 janv. 2021, n° 19-24.799); Alsace-Moselle's
  Good Friday and 26 December do not apply to the Grand Paris.

The libraries do the arithmetic: ``pendulum`` adds months (keeping the day number, or
taking the last day of a shorter month), and the ``holidays`` package's France gives
the public holidays and answers the working-day questions (``is_working_day``,
``get_nth_working_day``). This module adds what the law says and the package does not:
each year of the package's France is checked against the 11 days of L3133-1 (a day
missing is refused, a day not in the list is left out), and Whit Monday is restored
where the package omits it (2005–2007). The ``holidays`` package is imported on the
first question about a holiday, not when this module is imported.

>>> import datetime as dt
>>> last_day_of_period(dt.date(2027, 1, 15), months=6)
datetime.date(2027, 7, 14)
>>> last_day_of_period(dt.date(2027, 8, 31), months=6)  # no 31 February 2028
datetime.date(2028, 2, 29)
>>> add_months(dt.date(2026, 1, 31), 1)
datetime.date(2026, 2, 28)
>>> to_paris_date(dt.datetime(2026, 3, 27, 23, 30, tzinfo=dt.timezone.utc))
datetime.date(2026, 3, 28)
>>> holiday_name(dt.date(2027, 5, 17))
'lundi de Pentecôte'
>>> is_working_day(dt.date(2026, 4, 3))  # Good Friday: a working day in Paris
True
>>> next_working_day(dt.date(2027, 1, 1))  # Fri 1 Jan, then a weekend
datetime.date(2027, 1, 4)

Why over 400 lines: legal time in one place: Paris dates, periods in days and months
(CPC 641), the public holidays (L3133-1, from ``holidays``) and the working days; the
rules quoted in its constants are a third of it.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Collection, Mapping
from types import MappingProxyType
from typing import Protocol

import pendulum

from mgp_convention.citations import Citation
from mgp_convention.errors import DateError
from mgp_convention.i18n import N_, Lang, Message, check_lang, format_date

__all__ = [
    "CASS_WHIT_MONDAY",
    "CPC_641_DAYS",
    "CPC_641_MONTHS",
    "CPC_641_MONTHS_AND_DAYS",
    "CPC_642_END_OF_DAY",
    "CPC_642_EXTENSION",
    "CPC_669_RECEIPT",
    "CPC_669_SENDING",
    "L3133_1_HOLIDAYS",
    "ONE_DAY",
    "PARIS",
    "Lang",
    "add_months",
    "format_date",
    "holiday_name",
    "is_working_day",
    "last_day_of_period",
    "latest_first_day",
    "next_working_day",
    "non_working_reason",
    "parse_date_or_datetime",
    "public_holidays",
    "to_paris_date",
]

#: The time zone of every civil date of the convention.
PARIS = "Europe/Paris"
_PARIS_TZ = pendulum.timezone(PARIS)

#: One calendar day.
ONE_DAY = dt.timedelta(days=1)
_NO_DAYS: frozenset[dt.date] = frozenset()

CPC_641_DAYS = Citation(
    "CPC 641",
    "al. 1",
    "Lorsqu'un délai est exprimé en jours, celui de l'acte, de l'événement, de la décision "
    "ou de la notification qui le fait courir ne compte pas.",
)
CPC_641_MONTHS = Citation(
    "CPC 641",
    "al. 2",
    "Lorsqu'un délai est exprimé en mois ou en années, ce délai expire le jour du dernier "
    "mois ou de la dernière année qui porte le même quantième que le jour de l'acte, de "
    "l'événement, de la décision ou de la notification qui fait courir le délai. A défaut "
    "d'un quantième identique, le délai expire le dernier jour du mois.",
)
CPC_641_MONTHS_AND_DAYS = Citation(
    "CPC 641",
    "al. 3",
    "Lorsqu'un délai est exprimé en mois et en jours, les mois sont d'abord décomptés, "
    "puis les jours.",
)
CPC_642_END_OF_DAY = Citation(
    "CPC 642", "al. 1", "Tout délai expire le dernier jour à vingt-quatre heures."
)
CPC_642_EXTENSION = Citation(
    "CPC 642",
    "al. 2",
    "Le délai qui expirerait normalement un samedi, un dimanche ou un jour férié ou chômé "
    "est prorogé jusqu'au premier jour ouvrable suivant.",
)
CPC_669_SENDING = Citation(
    "CPC 669",
    "al. 1",
    "La date de l'expédition d'une notification faite par la voie postale est celle qui "
    "figure sur le cachet du bureau d'émission.",
)
CPC_669_RECEIPT = Citation(
    "CPC 669",
    "al. 3",
    "La date de réception d'une notification faite par lettre recommandée avec demande "
    "d'avis de réception est celle qui est apposée par l'administration des postes lors "
    "de la remise de la lettre à son destinataire.",
)
L3133_1_HOLIDAYS = Citation(
    "C. trav. L3133-1",
    None,
    "Les fêtes légales ci-après désignées sont des jours fériés : 1° Le 1er janvier ; "
    "2° Le lundi de Pâques ; 3° Le 1er mai ; 4° Le 8 mai ; 5° L'Ascension ; "
    "6° Le lundi de Pentecôte ; 7° Le 14 juillet ; 8° L'Assomption ; 9° La Toussaint ; "
    "10° Le 11 novembre ; 11° Le jour de Noël.",
)
#: Whit Monday stays a public holiday for deadlines, even where it is worked as the
#: *journée de solidarité* (the ``holidays`` package leaves it out for 2005–2007).
CASS_WHIT_MONDAY = Citation(
    "Cass. 3e civ., 21 janv. 2021, n° 19-24.799",
    None,
    "puisque le 20 mai 2018 était un dimanche et le 21 mai 2018 le lundi de Pentecôte, "
    "le délai de trois mois prévu par l'article R. 311-26 du code de l'expropriation pour "
    "cause d'utilité publique n'expirait que le 22 mai 2018, premier jour ouvrable suivant",
)

# --- Europe/Paris civil dates ---------------------------------------------------------

_NAIVE_RULE = N_(
    "a naive datetime (no UTC offset) is refused: every date is a civil date in "
    "Europe/Paris, so give a date (YYYY-MM-DD) or a datetime with its offset "
    "(e.g. 2026-03-28T00:30:00+01:00)"
)


def to_paris_date(value: dt.date | dt.datetime, *, field: str = "date") -> dt.date:
    """The civil date in Europe/Paris of ``value``.

    A date is returned as a plain :class:`datetime.date` (a ``pendulum.Date`` too); an
    aware datetime is converted to Europe/Paris first; a naive datetime raises
    :class:`~mgp_convention.errors.DateError` naming ``field``. Each public function
    calls it once on the dates it is given; the helpers it calls take plain dates.

    >>> import datetime as dt
    >>> to_paris_date(dt.datetime(2026, 3, 28, 0, 30, tzinfo=dt.timezone(dt.timedelta(hours=1))))
    datetime.date(2026, 3, 28)
    >>> to_paris_date(dt.datetime(2026, 3, 28, 0, 30), field="sent_on")
    Traceback (most recent call last):
    ...
    mgp_convention.errors.DateError: sent_on: a naive datetime (no UTC offset) is refused: ...
    """
    if isinstance(value, dt.datetime):
        if value.utcoffset() is None:
            raise DateError(Message(_NAIVE_RULE), field=field)
        value = value.astimezone(_PARIS_TZ)
    elif not isinstance(value, dt.date):
        raise DateError(
            f"expected a date or an aware datetime, got {type(value).__name__}", field=field
        )
    return dt.date(value.year, value.month, value.day)


def parse_date_or_datetime(text: str, *, field: str) -> dt.date:
    """Read ``YYYY-MM-DD``, or an ISO 8601 datetime **with** an offset, as a Paris date.

    >>> parse_date_or_datetime("2026-03-28", field="sent")
    datetime.date(2026, 3, 28)
    >>> parse_date_or_datetime("2026-03-27T23:30:00Z", field="sent")
    datetime.date(2026, 3, 28)
    """
    text = text.strip()
    try:
        if len(text) == 10:
            return dt.date.fromisoformat(text)
        value = dt.datetime.fromisoformat(text)
    except ValueError:
        raise DateError(
            Message(
                N_(
                    "invalid date {text}: expected YYYY-MM-DD or an ISO datetime with its "
                    "offset, e.g. 2026-03-28 or 2026-03-28T00:30:00+01:00"
                ),
                {"text": repr(text)},
            ),
            field=field,
        ) from None
    return to_paris_date(value, field=field)


# --- months (CPC 641 al. 2 and al. 3) ---------------------------------------------------


def _plus_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved by ``months`` months by pendulum: the same day number, or the last
    day of a month that has no such number."""
    try:
        moved = pendulum.Date(day.year, day.month, day.day).add(months=months)
    except ValueError:  # pendulum: "year 10000 is out of range"
        raise DateError(
            Message(
                N_("{day} + {months} months is out of range"),
                {"day": day.isoformat(), "months": str(months)},
            ),
            field="months",
        ) from None
    return dt.date(moved.year, moved.month, moved.day)


def _plus_days(day: dt.date, days: int) -> dt.date:
    try:
        return day + dt.timedelta(days=days)
    except OverflowError:
        raise DateError(
            Message(
                N_("{day} + {days} days is out of range"),
                {"day": day.isoformat(), "days": str(days)},
            ),
            field="days",
        ) from None


def _whole(value: int, field: str) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise DateError(f"expected a whole number ≥ 0, got {value!r}", field=field)


def add_months(anchor: dt.date, months: int) -> dt.date:
    """The day with ``anchor``'s day number ``months`` months later: CPC 641 al. 2.

    « ce délai expire le jour du dernier mois [...] qui porte le même quantième que le
    jour de l'acte [...]. A défaut d'un quantième identique, le délai expire le dernier
    jour du mois. » This is where a period that runs *from* ``anchor`` (``anchor`` not
    counted) expires. Negative ``months`` count backwards, the same way. The count
    always starts from ``anchor``: adding one month twice is not adding two (31 Jan →
    28 Feb → 28 Mar, but 31 Jan + 2 months = 31 Mar). Pendulum does the arithmetic.

    >>> import datetime as dt
    >>> add_months(dt.date(2026, 1, 31), 2)
    datetime.date(2026, 3, 31)
    >>> add_months(dt.date(2028, 2, 29), 12)
    datetime.date(2029, 2, 28)
    """
    return _plus_months(to_paris_date(anchor, field="anchor"), months)


def _last_day(first: dt.date, months: int, days: int) -> dt.date:
    if months == 0:
        return _plus_days(first, days - 1)
    same_number = _plus_months(first, months)
    # Where the day number exists N months later, the months end the day before it;
    # where it does not, pendulum gave the last day of that month, which ends them.
    end = same_number - ONE_DAY if same_number.day == first.day else same_number
    return _plus_days(end, days)


def last_day_of_period(first_day: dt.date, months: int = 0, days: int = 0) -> dt.date:
    """The last day of a period of ``months`` months and ``days`` days whose first day
    is ``first_day`` and counts (RULES.md, "Periods in months").

    The months end on the day before the same day number ``months`` months later, or,
    where that month has no such day number, on its last day (CPC 641 al. 2: « A
    défaut d'un quantième identique, le délai expire le dernier jour du mois »); the
    days then follow, months first (CPC 641 al. 3: « les mois sont d'abord décomptés,
    puis les jours »): ``days`` days after the last day of the months, or, without
    months, ``first_day + days − 1``. ``months`` and ``days`` are whole numbers ≥ 0,
    not both 0.

    >>> import datetime as dt
    >>> last_day_of_period(dt.date(2027, 3, 1), months=1)  # 1 April exists: the day before
    datetime.date(2027, 3, 31)
    >>> last_day_of_period(dt.date(2027, 1, 29), months=1)  # no 29 February 2027
    datetime.date(2027, 2, 28)
    >>> last_day_of_period(dt.date(2028, 1, 29), months=1)  # 29 February 2028 exists
    datetime.date(2028, 2, 28)
    >>> last_day_of_period(dt.date(2027, 1, 31), months=1, days=2)
    datetime.date(2027, 3, 2)
    >>> last_day_of_period(dt.date(2027, 3, 15), days=10)
    datetime.date(2027, 3, 24)
    """
    first = to_paris_date(first_day, field="first_day")
    _whole(months, "months")
    _whole(days, "days")
    if months == days == 0:
        raise DateError("a period lasts at least one day or one month", field="months")
    return _last_day(first, months, days)


def latest_first_day(last_day: dt.date, months: int = 0, days: int = 0) -> dt.date:
    """The latest first day of a period of ``months`` months and ``days`` days (counted
    by :func:`last_day_of_period`) that ends on or before ``last_day``.

    It is ``last_day − days + 1 day``, then ``months`` months back (pendulum: the same
    day number, or the last day of a shorter month). Why it is the latest: call that
    day T and the result S. If T's day number exists ``months`` months earlier, S
    has it and the months from S end the day before T; otherwise S is the last day
    of its month, its day number is smaller than T's, and they end earlier still.
    From the day after S the months end on T or later. So the period from S ends on
    or before ``last_day`` and the period from S + 1 day after it.

    >>> import datetime as dt
    >>> latest_first_day(dt.date(2027, 12, 30), months=2)  # 31 Oct + 2 months ends 30 Dec
    datetime.date(2027, 10, 31)
    >>> latest_first_day(dt.date(2027, 3, 30), months=1)  # 28 Feb 2027 + 1 month ends 27 Mar
    datetime.date(2027, 2, 28)
    """
    limit = to_paris_date(last_day, field="last_day")
    _whole(months, "months")
    _whole(days, "days")
    if months == days == 0:
        raise DateError("a period lasts at least one day or one month", field="months")
    return _plus_months(_plus_days(limit, 1 - days), -months)


# --- public holidays (C. trav. L3133-1) and working days (CPC 642 al. 2) ---------------

# The 11 days of L3133-1, in its order: (French name as in the article, English name,
# and the date: (month, day) or a number of days after Easter Sunday).
_L3133_1: tuple[tuple[str, str, tuple[int, int] | int], ...] = (
    ("1er janvier", "New Year's Day", (1, 1)),
    ("lundi de Pâques", "Easter Monday", 1),
    ("1er mai", "May Day", (5, 1)),
    ("8 mai", "Victory in Europe Day", (5, 8)),
    ("Ascension", "Ascension Day", 39),
    ("lundi de Pentecôte", "Whit Monday", 50),
    ("14 juillet", "Bastille Day", (7, 14)),
    ("Assomption", "Assumption Day", (8, 15)),
    ("Toussaint", "All Saints' Day", (11, 1)),
    ("11 novembre", "Armistice Day", (11, 11)),
    ("jour de Noël", "Christmas Day", (12, 25)),
)
_WHIT_MONDAY = 50
_SATURDAY = 5


def _l3133_1_days(
    year: int, easter: dt.date, given: Collection[dt.date]
) -> dict[dt.date, tuple[str, str]]:
    """The 11 days of L3133-1 in ``year`` (Easter Sunday on ``easter``): date → (French,
    English) names, two names joined when two fall on one date (1 May 2008).

    ``given`` are the days the ``holidays`` package gives for ``year``: a day of the list
    it leaves out is refused (:class:`DateError`), except Whit Monday, which it leaves
    out in 2005–2007 (the *journée de solidarité*) and which counts all the same for
    deadlines (:data:`CASS_WHIT_MONDAY`).
    """
    names: dict[dt.date, list[tuple[str, str]]] = {}
    missing: list[tuple[str, str]] = []
    for fr, en, when in _L3133_1:
        day = easter + dt.timedelta(days=when) if isinstance(when, int) else dt.date(year, *when)
        if day not in given and when != _WHIT_MONDAY:
            missing.append((fr, en))
        names.setdefault(day, []).append((fr, en))
    if missing:
        raise DateError(
            Message(
                N_(
                    "no public holidays known for {year}: the holidays package does not give "
                    "the 11 days of L3133-1 for that year (missing: {missing})"
                ),
                {"year": str(year), "missing": _HolidayNames(tuple(missing))},
            ),
            field="year",
            article=L3133_1_HOLIDAYS.label,
        )
    return {
        day: (" et ".join(fr for fr, _ in pairs), " and ".join(en for _, en in pairs))
        for day, pairs in names.items()
    }


class _HolidayNames:
    """Days of L3133-1 by their names, French or English, as a message parameter."""

    def __init__(self, names: tuple[tuple[str, str], ...]) -> None:
        self.names = names

    def label(self, lang: Lang) -> str:
        return ", ".join(fr if lang == "fr" else en for fr, en in self.names)


class _LegalHolidays(Protocol):
    """What the rules use of the ``holidays`` package's France, once checked."""

    #: The L3133-1 days of every year populated so far: date → (French, English) names.
    names: dict[dt.date, tuple[str, str]]

    def is_working_day(self, key: dt.date) -> bool: ...

    def get_nth_working_day(self, key: dt.date, n: int) -> dt.date: ...

    def get(self, key: dt.date) -> str | None: ...


@functools.cache
def _holidays() -> _LegalHolidays:
    """The ``holidays`` package's France (metropolitan: no subdivision, so no
    Alsace-Moselle days; public category), each year checked against L3133-1 when the
    package populates it. Imported on the first call: the package is slow to import."""
    from holidays.countries.france import France  # noqa: PLC0415 - costly import

    class GrandParisHolidays(France):
        """France's public holidays, restricted to the 11 days of C. trav. L3133-1."""

        def __init__(self) -> None:
            self.names: dict[dt.date, tuple[str, str]] = {}
            super().__init__()  # type: ignore[no-untyped-call]  # France.__init__ has no annotations

        def _populate(self, year: int) -> None:
            super()._populate(year)
            given = {day for day in self if day.year == year}
            try:
                if not self.start_year <= year <= self.end_year:
                    raise DateError(
                        Message(
                            N_(
                                "no public holidays known for {year}: the holidays package "
                                "covers {first}–{last}"
                            ),
                            {
                                "year": str(year),
                                "first": str(self.start_year),
                                "last": str(self.end_year),
                            },
                        ),
                        field="year",
                        article=L3133_1_HOLIDAYS.label,
                    )
                days = _l3133_1_days(year, self._easter_sunday, given)
            except DateError:  # the year stays unknown: asking again raises again
                for day in given:
                    self.pop(day)
                self.years.discard(year)
                raise
            for day in given - days.keys():  # not in L3133-1: a working day here
                self.pop(day)
            for day, (fr, _) in days.items():
                if day not in given:  # Whit Monday 2005–2007 (CASS_WHIT_MONDAY)
                    self._add_holiday(fr, day)
            self.names.update(days)

    return GrandParisHolidays()


def _known(year: int) -> _LegalHolidays:
    """The checked holidays, with ``year`` populated (a year not covered raises)."""
    try:
        last = dt.date(year, 12, 31)
    except ValueError:
        raise DateError(
            Message(N_("no public holidays known for {year}"), {"year": str(year)}),
            field="year",
            article=L3133_1_HOLIDAYS.label,
        ) from None
    holidays = _holidays()
    holidays.get(last)  # any question about a day populates its year (GrandParisHolidays checks it)
    return holidays


def _names(on: dt.date) -> tuple[str, str] | None:
    return _known(on.year).names.get(on)


def public_holidays(year: int, *, lang: Lang = "fr") -> Mapping[dt.date, str]:
    """The public holidays of ``year`` in metropolitan France (C. trav. L3133-1), by date.

    The 11 days of L3133-1, no more (not Alsace-Moselle's Good Friday or 26 December).
    When two fall on the same day (Ascension on 1 May 2008) the date carries both names.
    A year the ``holidays`` package does not cover raises :class:`DateError`.

    >>> len(public_holidays(2026))
    11
    >>> import datetime as dt
    >>> public_holidays(2008)[dt.date(2008, 5, 1)]
    '1er mai et Ascension'
    """
    index = 0 if check_lang(lang) == "fr" else 1
    names = _known(year).names
    return MappingProxyType({day: names[day][index] for day in sorted(names) if day.year == year})


def holiday_name(day: dt.date, *, lang: Lang = "fr") -> str | None:
    """The name of the public holiday on ``day`` (C. trav. L3133-1), or ``None``.

    >>> import datetime as dt
    >>> holiday_name(dt.date(2026, 12, 25)), holiday_name(dt.date(2026, 12, 26))
    ('jour de Noël', None)
    >>> holiday_name(dt.date(2026, 5, 14), lang="en")
    'Ascension Day'
    """
    index = 0 if check_lang(lang) == "fr" else 1
    pair = _names(to_paris_date(day, field="day"))
    return None if pair is None else pair[index]


def is_working_day(day: dt.date, extra_closed: Collection[dt.date] = _NO_DAYS) -> bool:
    """Whether ``day`` is a working day for CPC 642 al. 2.

    Not a working day: a Saturday, a Sunday, a public holiday (C. trav. L3133-1: the
    ``holidays`` package's ``is_working_day``) or one of ``extra_closed`` (*jours
    chômés* the user gives). CPC 642 al. 2: « Le délai qui expirerait normalement un
    samedi, un dimanche ou un jour férié ou chômé est prorogé jusqu'au premier jour
    ouvrable suivant. »
    """
    on = to_paris_date(day, field="day")
    return _holidays().is_working_day(on) and on not in extra_closed


def next_working_day(day: dt.date, extra_closed: Collection[dt.date] = _NO_DAYS) -> dt.date:
    """``day`` if it is a working day, else the first working day after it (CPC 642 al. 2).

    « Le délai qui expirerait normalement un samedi, un dimanche ou un jour férié ou chômé
    est prorogé jusqu'au premier jour ouvrable suivant. » The ``holidays`` package's
    ``get_nth_working_day(day, 0)`` skips weekends and public holidays;
    ``extra_closed`` are the *jours chômés* the user gives, skipped as well.
    """
    holidays = _holidays()
    found = holidays.get_nth_working_day(to_paris_date(day, field="day"), 0)
    while found in extra_closed:
        found = holidays.get_nth_working_day(found + ONE_DAY, 0)
    return found


def non_working_reason(
    day: dt.date, extra_closed: Collection[dt.date] = _NO_DAYS, *, lang: Lang = "fr"
) -> str | None:
    """Why ``day`` is not a working day (CPC 642 al. 2), or ``None`` if it is one.

    >>> import datetime as dt
    >>> non_working_reason(dt.date(2028, 1, 1))
    'samedi, jour férié : 1er janvier'
    >>> non_working_reason(dt.date(2028, 1, 1), lang="en")
    "Saturday, public holiday: New Year's Day"
    >>> non_working_reason(dt.date(2028, 1, 3)) is None
    True
    """
    index = 0 if check_lang(lang) == "fr" else 1
    on = to_paris_date(day, field="day")
    reasons: list[str] = []
    if on.weekday() >= _SATURDAY:
        reasons.append(format_date(on, lang).partition(" ")[0])
    pair = _names(on)
    if pair is not None:
        name = pair[index]
        reasons.append(f"jour férié : {name}" if index == 0 else f"public holiday: {name}")
    if on in extra_closed:
        reasons.append("jour chômé indiqué" if index == 0 else "closed day (given)")
    return ", ".join(reasons) if reasons else None
