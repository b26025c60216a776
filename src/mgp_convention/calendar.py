"""Legal time: civil dates in Europe/Paris, periods in days and months, working days.

Every date of the convention is a civil date in Europe/Paris. An aware ``datetime`` is
converted to its Paris date; a naive one is refused, since nobody can tell which day it
was. No function here reads the clock: each takes the date it works on.

The rules encoded, with their sources (quoted in the constants below):

- a period in days does not count the day that starts it (CPC 641 al. 1);
- a period in months ends on the same day number, or on the last day of the month
  when that number does not exist (CPC 641 al. 2); months and days: months first
  (CPC 641 al. 3);
- a period ends on its last day at midnight (CPC 642 al. 1), and one that would end on
  a Saturday, a Sunday, a public holiday or a *jour chômé* is extended to the next
  working day (CPC 642 al. 2);
- the public holidays are the 11 of Code du travail L3133-1, metropolitan France,
  Whit Monday included (Cass. 3e civ., 21 janv. 2021, n° 19-24.799); Alsace-Moselle's
  Good Friday and 26 December do not apply to the Grand Paris. The dates come from
  the ``holidays`` package, filtered to those 11 days.

>>> import datetime as dt
>>> add_months(dt.date(2026, 1, 31), 1)
datetime.date(2026, 2, 28)
>>> add_months(dt.date(2028, 1, 31), 1)
datetime.date(2028, 2, 29)
>>> add_months(dt.date(2026, 3, 31), -1)
datetime.date(2026, 2, 28)
>>> to_paris_date(dt.datetime(2026, 3, 27, 23, 30, tzinfo=dt.timezone.utc))
datetime.date(2026, 3, 28)
>>> holiday_name(dt.date(2027, 5, 17))
'lundi de Pentecôte'
>>> is_working_day(dt.date(2026, 4, 3))  # Good Friday: a working day in Paris
True
>>> next_working_day(dt.date(2027, 1, 1))  # Fri 1 Jan, then a weekend
datetime.date(2027, 1, 4)
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Collection, Mapping
from types import MappingProxyType

import holidays
import pendulum

from mgp_convention.citations import Citation
from mgp_convention.errors import DateError
from mgp_convention.i18n import Lang, check_lang, format_date

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
    "add_duration",
    "add_months",
    "format_date",
    "holiday_name",
    "is_working_day",
    "next_working_day",
    "non_working_reason",
    "parse_date_or_datetime",
    "public_holidays",
    "subtract_duration",
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

_NAIVE_RULE = (
    "a naive datetime (no UTC offset) is refused: every date is a civil date in "
    "Europe/Paris, so give a date (YYYY-MM-DD) or a datetime with its offset "
    "(e.g. 2026-03-28T00:30:00+01:00)"
)


def to_paris_date(value: dt.date | dt.datetime, *, field: str = "date") -> dt.date:
    """The civil date in Europe/Paris of ``value``.

    A date is returned as a plain :class:`datetime.date` (a ``pendulum.Date`` too); an
    aware datetime is converted to Europe/Paris first; a naive datetime raises
    :class:`~mgp_convention.errors.DateError` naming ``field``.

    >>> import datetime as dt
    >>> to_paris_date(dt.datetime(2026, 3, 28, 0, 30, tzinfo=dt.timezone(dt.timedelta(hours=1))))
    datetime.date(2026, 3, 28)
    >>> to_paris_date(dt.datetime(2026, 3, 28, 0, 30), field="sent_on")
    Traceback (most recent call last):
    ...
    mgp_convention.errors.DateError: sent_on: a naive datetime (no UTC offset) is refused: ...
    """
    if isinstance(value, dt.datetime):
        if value.tzinfo is None or value.utcoffset() is None:
            raise DateError(_NAIVE_RULE, field=field)
        paris = value.astimezone(_PARIS_TZ)
        return dt.date(paris.year, paris.month, paris.day)
    if type(value) is dt.date:
        return value
    if isinstance(value, dt.date):
        return dt.date(value.year, value.month, value.day)
    raise DateError(
        f"expected a date or an aware datetime, got {type(value).__name__}", field=field
    )


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
            f"invalid date {text!r}: expected YYYY-MM-DD or an ISO datetime with its "
            "offset, e.g. 2026-03-28 or 2026-03-28T00:30:00+01:00",
            field=field,
        ) from None
    return to_paris_date(value, field=field)


# --- months (CPC 641 al. 2) -------------------------------------------------------------

_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _days_in_month(year: int, month: int) -> int:
    if month == 2 and year % 4 == 0 and (year % 100 != 0 or year % 400 == 0):
        return 29
    return _MONTH_DAYS[month - 1]


def add_months(anchor: dt.date, months: int) -> dt.date:
    """``anchor`` plus ``months`` months: CPC 641 al. 2.

    « ce délai expire le jour du dernier mois [...] qui porte le même quantième que le
    jour de l'acte [...]. A défaut d'un quantième identique, le délai expire le dernier
    jour du mois. » Negative ``months`` count backwards, with the same clamping. The
    count always starts from ``anchor``: adding one month twice is not adding two
    (31 Jan → 28 Feb → 28 Mar, but 31 Jan + 2 months = 31 Mar).

    >>> import datetime as dt
    >>> add_months(dt.date(2026, 1, 31), 2)
    datetime.date(2026, 3, 31)
    >>> add_months(dt.date(2028, 2, 29), 12)
    datetime.date(2029, 2, 28)
    """
    anchor = to_paris_date(anchor, field="anchor")
    index = anchor.year * 12 + anchor.month - 1 + months
    year, month0 = divmod(index, 12)
    if not dt.MINYEAR <= year <= dt.MAXYEAR:
        raise DateError(f"{anchor} + {months} months is out of range", field="months")
    month = month0 + 1
    return dt.date(year, month, min(anchor.day, _days_in_month(year, month)))


def add_duration(anchor: dt.date, months: int = 0, days: int = 0) -> dt.date:
    """``anchor`` plus ``months`` months then ``days`` days: CPC 641 al. 2 and al. 3.

    « Lorsqu'un délai est exprimé en mois et en jours, les mois sont d'abord décomptés,
    puis les jours. »

    >>> import datetime as dt
    >>> add_duration(dt.date(2026, 1, 31), months=1, days=2)
    datetime.date(2026, 3, 2)
    """
    try:
        return add_months(anchor, months) + dt.timedelta(days=days)
    except OverflowError:
        raise DateError(f"{anchor} + {months} months {days} days is out of range") from None


def subtract_duration(anchor: dt.date, months: int = 0, days: int = 0) -> dt.date:
    """``anchor`` minus ``months`` months then minus ``days`` days (CPC 641 al. 2–3, backwards).

    The months are counted back from ``anchor`` first (same day number, else the last
    day of the month), then the days, as when counting forwards.

    >>> import datetime as dt
    >>> subtract_duration(dt.date(2027, 3, 31), months=1, days=10)
    datetime.date(2027, 2, 18)
    """
    try:
        return add_months(anchor, -months) - dt.timedelta(days=days)
    except OverflowError:
        raise DateError(f"{anchor} - {months} months {days} days is out of range") from None


# --- public holidays (C. trav. L3133-1) and working days (CPC 642 al. 2) ---------------

# The 11 days of L3133-1, in its order: (French name as in the article, English name).
_NEW_YEAR = ("1er janvier", "New Year's Day")
_EASTER_MONDAY = ("lundi de Pâques", "Easter Monday")
_ASCENSION = ("Ascension", "Ascension Day")
_WHIT_MONDAY = ("lundi de Pentecôte", "Whit Monday")
_FIXED: Mapping[tuple[int, int], tuple[str, str]] = {
    (1, 1): _NEW_YEAR,
    (5, 1): ("1er mai", "May Day"),
    (5, 8): ("8 mai", "Victory in Europe Day"),
    (7, 14): ("14 juillet", "Bastille Day"),
    (8, 15): ("Assomption", "Assumption Day"),
    (11, 1): ("Toussaint", "All Saints' Day"),
    (11, 11): ("11 novembre", "Armistice Day"),
    (12, 25): ("jour de Noël", "Christmas Day"),
}
#: Days after Easter Monday: Ascension (Thursday, Easter + 39) and Whit Monday (+ 50).
_ASCENSION_AFTER_EASTER_MONDAY = dt.timedelta(days=38)
_WHIT_MONDAY_AFTER_EASTER_MONDAY = dt.timedelta(days=49)
_MONDAY, _SATURDAY = 0, 5


@functools.cache
def _holidays_of(year: int) -> Mapping[dt.date, tuple[str, str]]:
    """The L3133-1 holidays of ``year``: date → (French name, English name).

    Built from the ``holidays`` package's France (metropolitan: no subdivision, so no
    Alsace-Moselle days; public category), checked against the 11 days of L3133-1 and
    filtered to them. Whit Monday is added where the package leaves it out (2005–2007,
    the *journée de solidarité* years): it is in L3133-1 (6°) and counts for deadlines
    (:data:`CASS_WHIT_MONDAY`). A year the package does not cover raises DateError.
    """
    if not dt.MINYEAR <= year <= dt.MAXYEAR:  # pragma: no cover - date() refuses them first
        raise DateError(f"year {year} is out of range", field="year")
    source = holidays.country_holidays("FR", years=year)
    found = set(source)
    names: dict[dt.date, list[tuple[str, str]]] = {}
    missing = [
        fr for (month, day), (fr, _) in _FIXED.items() if dt.date(year, month, day) not in found
    ]
    movable = sorted(d for d in found if (d.month, d.day) not in _FIXED)
    easter = [d for d in movable if d.weekday() == _MONDAY and d.month in (3, 4)]
    if missing or len(easter) != 1:
        raise DateError(
            f"no public holidays known for {year}: the holidays package does not give the "
            f"11 days of L3133-1 for that year (missing: "
            f"{', '.join(missing) or 'lundi de Pâques'})",
            field="year",
            article=L3133_1_HOLIDAYS.label,
        )
    for (month, day_number), pair in _FIXED.items():
        names.setdefault(dt.date(year, month, day_number), []).append(pair)
    easter_monday = easter[0]
    ascension = easter_monday + _ASCENSION_AFTER_EASTER_MONDAY
    if ascension not in found:
        raise DateError(
            f"the holidays package gives no Ascension Day in {year}",
            field="year",
            article=L3133_1_HOLIDAYS.label,
        )
    # Whit Monday is added when the package leaves it out (2005–2007): CASS_WHIT_MONDAY.
    whit_monday = easter_monday + _WHIT_MONDAY_AFTER_EASTER_MONDAY
    for movable_day, pair in (
        (easter_monday, _EASTER_MONDAY),
        (ascension, _ASCENSION),
        (whit_monday, _WHIT_MONDAY),
    ):
        names.setdefault(movable_day, []).append(pair)
    return MappingProxyType(
        {
            day: (" et ".join(fr for fr, _ in pairs), " and ".join(en for _, en in pairs))
            for day, pairs in sorted(names.items())
        }
    )


def public_holidays(year: int, *, lang: Lang = "fr") -> Mapping[dt.date, str]:
    """The public holidays of ``year`` in metropolitan France (C. trav. L3133-1), by date.

    The 11 days of L3133-1, no more (not Alsace-Moselle's Good Friday or 26 December).
    When two fall on the same day (Ascension on 1 May 2008) the date carries both names.

    >>> len(public_holidays(2026))
    11
    >>> import datetime as dt
    >>> public_holidays(2008)[dt.date(2008, 5, 1)]
    '1er mai et Ascension'
    """
    index = 0 if check_lang(lang) == "fr" else 1
    return MappingProxyType({day: pair[index] for day, pair in _holidays_of(year).items()})


def holiday_name(day: dt.date, *, lang: Lang = "fr") -> str | None:
    """The name of the public holiday on ``day`` (C. trav. L3133-1), or ``None``.

    >>> import datetime as dt
    >>> holiday_name(dt.date(2026, 12, 25)), holiday_name(dt.date(2026, 12, 26))
    ('jour de Noël', None)
    >>> holiday_name(dt.date(2026, 5, 14), lang="en")
    'Ascension Day'
    """
    check_lang(lang)
    pair = _holidays_of(day.year).get(day)
    if pair is None:
        return None
    return pair[0] if lang == "fr" else pair[1]


def is_working_day(day: dt.date, extra_closed: Collection[dt.date] = _NO_DAYS) -> bool:
    """Whether ``day`` is a working day for CPC 642 al. 2.

    Not a working day: a Saturday, a Sunday, a public holiday (C. trav. L3133-1) or one
    of ``extra_closed`` (*jours chômés* the user gives). CPC 642 al. 2: « Le délai qui
    expirerait normalement un samedi, un dimanche ou un jour férié ou chômé est prorogé
    jusqu'au premier jour ouvrable suivant. »
    """
    return not (day.weekday() >= _SATURDAY or day in _holidays_of(day.year) or day in extra_closed)


def next_working_day(day: dt.date, extra_closed: Collection[dt.date] = _NO_DAYS) -> dt.date:
    """``day`` if it is a working day, else the first working day after it (CPC 642 al. 2).

    « Le délai qui expirerait normalement un samedi, un dimanche ou un jour férié ou chômé
    est prorogé jusqu'au premier jour ouvrable suivant. » ``extra_closed`` are the
    *jours chômés* the user gives, on top of weekends and public holidays.
    """
    if not extra_closed:
        # The hot path of the remedy deadline: one lookup in a table built once per year.
        try:
            return _NEXT_WORKING[day]
        except KeyError:
            return _build_next_working_year(day)
    closed = extra_closed if isinstance(extra_closed, frozenset) else frozenset(extra_closed)
    while not is_working_day(day, closed):
        day += ONE_DAY
    return day


#: The next working day (weekends and public holidays only) of every date of each
#: year asked for so far, built a whole year at a time.
_NEXT_WORKING: dict[dt.date, dt.date] = {}


def _build_next_working_year(day: dt.date) -> dt.date:
    """Fill :data:`_NEXT_WORKING` for ``day``'s year (backwards from 31 December)."""
    year = day.year
    table: dict[dt.date, dt.date] = {}
    following: dt.date | None = None
    trailing: list[dt.date] = []  # the non-working days that end the year
    current = dt.date(year, 12, 31)
    for _ in range(current.timetuple().tm_yday):
        if is_working_day(current):
            following = current
        if following is None:
            trailing.append(current)
        else:
            table[current] = following
        current -= ONE_DAY
    if trailing:  # their next working day is in the next year, if it is known
        try:
            following = next_working_day(trailing[0] + ONE_DAY)
        except (DateError, OverflowError):
            if day in trailing:
                raise
        else:
            table.update(dict.fromkeys(trailing, following))
    _NEXT_WORKING.update(table)
    return table[day]


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
    reasons: list[str] = []
    weekday = day.weekday()
    if weekday >= _SATURDAY:
        reasons.append(format_date(day, lang).partition(" ")[0])
    name = holiday_name(day, lang=lang)
    if name is not None:
        reasons.append(f"jour férié : {name}" if lang == "fr" else f"public holiday: {name}")
    if day in extra_closed:
        reasons.append("jour chômé indiqué" if lang == "fr" else "closed day (given)")
    return ", ".join(reasons) if reasons else None
