"""iCalendar export: every legal date of the conventions, in the agents' usual calendar.

Each :class:`~mgp_convention.legal_dates.LegalDate` becomes an all-day ``VEVENT`` (RFC
5545, written with the ``icalendar`` package): its SUMMARY names the convention's
reference and what the date means; its DESCRIPTION quotes the article that sets it.

How a re-import updates rather than duplicates:

- **UID**: a UUID 5 of the convention's reference and the date's *key*
  (``remedy_deadline_1``, ``end_date``…; :func:`uid_of`), never of the date itself. When
  an amendment moves the end date (Art. 11), the new export has the same UID with the
  new date, and the calendar moves its event.
- **SEQUENCE**: the number of events of the convention's log applied up to the date
  of the export. Events are only ever appended, so every new event (an amendment, a
  start, a remedy…) makes a higher SEQUENCE, and clients that compare it take the
  new export as the newer revision; exporting the same log again gives the same one.
- **LAST-MODIFIED**: the start (00:00, Europe/Paris, written in UTC) of the day of the
  last event applied, when there is one: the day the information last changed.
- **DTSTAMP**: when the export was made, given by the caller as an aware datetime
  (``stamp``): nothing here reads the clock. The command line passes now, in UTC.
- A date that no longer applies (after a termination, a remedied breach…) is kept
  with ``STATUS:CANCELLED`` and its reason, so that a re-import cancels it.

A date is a whole day (``DTSTART;VALUE=DATE``, ``DTEND`` the day after) and does not
block time (``TRANSP:TRANSPARENT``).

>>> import datetime as dt
>>> from mgp_convention.examples import example_convention
>>> from mgp_convention.lifecycle import Lifecycle
>>> lifecycle = Lifecycle.from_convention(example_convention())
>>> stamp = dt.datetime(2026, 11, 30, 8, 0, tzinfo=dt.UTC)
>>> calendar = build_calendar([lifecycle], dt.date(2026, 11, 28), stamp=stamp)
>>> events = calendar.walk("VEVENT")
>>> len(events), str(events[-1]["SUMMARY"])
(9, 'MGP-AM-2026-EX-001 — fin de la convention (dernier jour en vigueur)')
>>> events[-1].decoded("DTSTART"), str(events[-1]["UID"]) == uid_of("MGP-AM-2026-EX-001", "end_date")
(datetime.date(2028, 3, 31), True)
"""  # noqa: E501

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable, Iterator
from typing import Final
from zoneinfo import ZoneInfo

import icalendar

from mgp_convention import __version__
from mgp_convention._catalogue import check_lang
from mgp_convention.calendar import ONE_DAY, PARIS, Lang, format_date, to_paris_date
from mgp_convention.errors import DateError, InvalidValue
from mgp_convention.i18n import N_, Message
from mgp_convention.legal_dates import LegalDate, legal_dates
from mgp_convention.lifecycle import Lifecycle
from mgp_convention.values import Status

__all__ = [
    "DEFAULT_NAME",
    "PRODID",
    "UID_NAMESPACE",
    "build_calendar",
    "iter_ical",
    "legal_date_events",
    "uid_of",
]

#: The namespace of every UID: a UUID 5 of a fixed name. Changing it would change every
#: UID, and a re-import would duplicate every event: it must never change.
UID_NAMESPACE: Final = uuid.uuid5(uuid.NAMESPACE_URL, "urn:mgp-convention:legal-date")
#: The calendar's product identifier (RFC 5545 §3.7.3).
PRODID: Final = f"-//mgp-convention//mgp-convention {__version__}//FR"
#: The calendar's default name (``X-WR-CALNAME`` and ``NAME``).
DEFAULT_NAME: Final = "Conventions ApproprIAtion Métropolitaine"

_PARIS_ZONE: Final = ZoneInfo(PARIS)
#: The lines of an event's description, and its summary when cancelled.
_DATE_LINE: Final = N_("Date: {day}.")
_CONVENTION_LINE: Final = N_("Convention {reference} — {beneficiary}.")
_VOID_LINE: Final = N_("No longer applies: {reason}.")
_NOTE_LINE: Final = N_("Date computed by mgp-convention from the convention's file.")
_CANCELLED: Final = N_("Cancelled: {summary}")
_SAME_REFERENCE: Final = N_(
    "two conventions have the reference {reference}: their dates would share the same UIDs"
)


def uid_of(reference: str, key: str) -> str:
    """The UID of a legal date: a UUID 5 of the convention's reference and the date's key.

    The date itself is left out, so that the UID stays when the date moves. A key never
    holds a ``/``, so ``reference/key`` names one date of one convention.

    >>> uid_of("MGP-AM-2026-EX-001", "end_date") == uid_of("MGP-AM-2026-EX-001", "end_date")
    True
    >>> uid_of("MGP-AM-2026-EX-001", "end_date") == uid_of("MGP-AM-2026-EX-002", "end_date")
    False
    """
    return str(uuid.uuid5(UID_NAMESPACE, f"{reference}/{key}"))


def _utc(stamp: dt.datetime) -> dt.datetime:
    if not isinstance(stamp, dt.datetime) or stamp.tzinfo is None or stamp.utcoffset() is None:
        raise DateError(
            "the export time must be an aware datetime (e.g. now in UTC): "
            "nothing here reads the clock",
            field="stamp",
        )
    return stamp.astimezone(dt.UTC).replace(microsecond=0)


def _start_of_day_utc(day: dt.date) -> dt.datetime:
    """00:00 in Europe/Paris on ``day``, as a UTC datetime."""
    return dt.datetime.combine(day, dt.time(), tzinfo=_PARIS_ZONE).astimezone(dt.UTC)


def _event(
    date: LegalDate,
    lifecycle: Lifecycle,
    status: Status,
    stamp: dt.datetime,
    lang: Lang,
) -> icalendar.Event:
    convention = lifecycle.convention
    title = date.title_in(lang)
    void = date.void_in(lang)

    def say(msgid: str, **params: object) -> str:
        return Message(msgid, params).render(lang)

    lines = [
        f"{title[:1].upper()}{title[1:]}.",
        say(_DATE_LINE, day=format_date(date.on, lang)),
        say(
            _CONVENTION_LINE,
            reference=convention.reference,
            beneficiary=convention.beneficiary.name,
        ),
        str(date.citation),
    ]
    if void is not None:
        lines.append(say(_VOID_LINE, reason=void))
    lines.append(say(_NOTE_LINE))
    summary = f"{convention.reference} — {title}"
    if void is not None:
        summary = say(_CANCELLED, summary=summary)

    event = icalendar.Event()
    event.add("uid", uid_of(convention.reference, date.key))
    event.add("dtstamp", stamp)
    history = status.history
    if history:
        event.add("last-modified", _start_of_day_utc(history[-1].event.on))
    event.add("sequence", len(history))
    event.add("dtstart", date.on)
    event.add("dtend", date.on + ONE_DAY)
    event.add("summary", summary)
    event.add("description", "\n".join(lines))
    event.add("categories", ["mgp-convention", date.article])
    event.add("status", "CANCELLED" if void is not None else "CONFIRMED")
    event.add("transp", "TRANSPARENT")
    # Every text goes through icalendar's escaping (vText), the custom properties too.
    event.add("x-mgp-convention-reference", icalendar.vText(convention.reference))
    event.add("x-mgp-convention-date-key", icalendar.vText(date.key))
    return event


def legal_date_events(
    lifecycle: Lifecycle,
    on: dt.date | dt.datetime,
    *,
    stamp: dt.datetime,
    lang: Lang = "fr",
) -> list[icalendar.Event]:
    """One all-day ``VEVENT`` per legal date of the convention as it stands on ``on``
    (:func:`~mgp_convention.legal_dates.legal_dates`), in date order.

    ``stamp``: when the export is made (``DTSTAMP``), an aware datetime.
    """
    stamp = _utc(stamp)
    on = to_paris_date(on, field="on")
    status = lifecycle.status(on)
    return [
        _event(date, lifecycle, status, stamp, lang) for date in legal_dates(lifecycle, on, status)
    ]


def build_calendar(
    lifecycles: Iterable[Lifecycle],
    on: dt.date | dt.datetime,
    *,
    stamp: dt.datetime,
    name: str = DEFAULT_NAME,
    lang: Lang = "fr",
) -> icalendar.Calendar:
    """A calendar of every legal date of ``lifecycles`` on ``on`` (their conventions in
    reference order, each one's dates in date order).

    Two conventions with the same reference would share UIDs: that is refused
    (:class:`~mgp_convention.errors.InvalidValue`). ``stamp``: see
    :func:`legal_date_events`. Write the file with ``calendar.to_ical()``.
    """
    stamp = _utc(stamp)
    on = to_paris_date(on, field="on")
    lang = check_lang(lang)  # before any convention: an empty list is checked too
    by_reference: dict[str, Lifecycle] = {}
    for lifecycle in lifecycles:
        if not isinstance(lifecycle, Lifecycle):
            raise InvalidValue(
                f"expected a Lifecycle, got {type(lifecycle).__name__}", field="lifecycles"
            )
        reference = lifecycle.convention.reference
        if reference in by_reference:
            raise InvalidValue(
                Message(_SAME_REFERENCE, {"reference": repr(reference)}),
                field="reference",
            )
        by_reference[reference] = lifecycle
    calendar = _calendar(name)
    for reference in sorted(by_reference):
        for event in legal_date_events(by_reference[reference], on, stamp=stamp, lang=lang):
            calendar.add_component(event)
    return calendar


def _calendar(name: str) -> icalendar.Calendar:
    """The calendar's own properties, without events."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("name", name)
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", PARIS)
    return calendar


def iter_ical(
    lifecycles: Iterable[Lifecycle],
    on: dt.date | dt.datetime,
    *,
    stamp: dt.datetime,
    name: str = DEFAULT_NAME,
    lang: Lang = "fr",
) -> Iterator[bytes]:
    """The iCalendar file of ``lifecycles`` on ``on``, in pieces to write one after the
    other: the calendar's opening lines, each convention's events (in the order given,
    each one's dates in date order), the closing line.

    The same bytes as ``build_calendar(...).to_ical()`` for conventions given in
    reference order, without holding the whole calendar: each convention is read,
    written and let go (the calendar of a folder of 50,000 files). Two conventions with
    the same reference are refused as in :func:`build_calendar`, when the second one
    comes (:class:`~mgp_convention.errors.InvalidValue`): pieces already given stay
    given, so write them where an error can still discard them
    (:func:`~mgp_convention.files.atomic_writer`).
    """
    stamp = _utc(stamp)
    on = to_paris_date(on, field="on")
    whole = _calendar(name).to_ical()
    closing = b"END:VCALENDAR\r\n"
    if not whole.endswith(closing):  # pragma: no cover - icalendar always ends so
        raise AssertionError("icalendar wrote a calendar without its closing line")
    yield whole[: -len(closing)]
    seen: set[str] = set()
    for lifecycle in lifecycles:
        reference = lifecycle.convention.reference
        if reference in seen:
            raise InvalidValue(
                Message(_SAME_REFERENCE, {"reference": repr(reference)}), field="reference"
            )
        seen.add(reference)
        for event in legal_date_events(lifecycle, on, stamp=stamp, lang=lang):
            yield event.to_ical()
    yield closing
