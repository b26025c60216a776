"""The attrs validators of the data model, in one place; each raises :class:`InvalidValue`.

They name the field (attrs gives its name) so a message reads
``name: must not be empty``; the file loader adds the JSON path in front. Optional
fields wrap them in ``attrs.validators.optional`` (re-exported as :func:`optional`).

Texts are bounded and printable (a convention file may come from anywhere): every text
field refuses control characters and the bidirectional controls that can disguise a
text (U+202A–U+202E, U+2066–U+2069); a one-line field also refuses line breaks; each
kind of text has a documented maximum length (:data:`TEXT_LIMITS`).

Dates and durations are bounded so that every date the package computes from a
convention stays a real date: a date of a convention lies between :data:`FIRST_DATE`
and :data:`LAST_DATE` (the programme's conventions are signed in the 2020s; a mistyped
year 9999 or 0001 is refused where it is written, not when a deadline computed from
it overflows the calendar), a duration in months is at most :data:`MAX_MONTHS` and in
days at most :data:`MAX_DAYS`, and a list of the model holds at most
:data:`MAX_ITEMS` items. The latest date the package can compute is then
``LAST_DATE`` + ``MAX_ITEMS["calendar"]`` steps of ``MAX_MONTHS`` months and
``MAX_DAYS`` days each, about the year 3100: far inside the calendar of Python and of
the public holidays (see ``docs/file-format.md``).

>>> import datetime as dt
>>> from mgp_convention.events import ExperimentStarted
>>> ExperimentStarted(dt.date(9999, 12, 31))
Traceback (most recent call last):
...
mgp_convention.errors.DateError: on: 9999-12-31 is outside the dates a convention can hold (2000-01-01 to 2099-12-31)
"""  # noqa: E501

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Callable
from decimal import Decimal
from typing import Any, Final, Literal

import attrs

from mgp_convention.errors import DateError, InvalidValue, MoneyError, shown
from mgp_convention.i18n import N_, Message

__all__ = [
    "FIRST_DATE",
    "LAST_DATE",
    "MAX_DAYS",
    "MAX_ITEMS",
    "MAX_MONTHS",
    "TEXT_LIMITS",
    "TextKind",
    "a_bool",
    "a_date",
    "an_instance_of",
    "check_text",
    "code",
    "member_of",
    "month_count",
    "non_empty",
    "non_negative_money",
    "optional",
    "paragraph",
    "positive_int",
    "tuple_of",
]

#: ``attrs.validators.optional``: ``None`` is accepted, anything else is validated.
optional = attrs.validators.optional

#: The kinds of text of a convention file: a short code (a reference, a breach label),
#: a line (a name, an address, a title), a paragraph (details, a reason).
TextKind = Literal["code", "line", "paragraph"]
#: The longest text of each kind, in characters (a convention is a few kilobytes).
TEXT_LIMITS: Final[dict[TextKind, int]] = {"code": 64, "line": 300, "paragraph": 4000}

#: Control characters (C0 but tab and line breaks, DEL, C1), the bidirectional
#: embeddings, overrides and isolates, and the byte-order mark (U+FEFF: iCalendar writers
#: drop it at the start of a value, so a reference would not come back as it was).
_CONTROL: Final = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufeff]"
)
#: What a one-line text cannot hold on top: tab and line breaks of any kind. A paragraph
#: holds tabs and line feeds (``\n``), never a carriage return.
_BREAK: Final = re.compile("[\t\n\r\u2028\u2029\x85]")
_PARAGRAPH_BREAK: Final = re.compile("[\r\u2028\u2029\x85]")
#: A lone surrogate: not Unicode text, and no file can hold it (UTF-8 cannot encode it).
#: The loader refuses it in a file; the model refuses it from a caller too.
_SURROGATE: Final = re.compile("[\ud800-\udfff]")

#: The first and the last date a convention can hold (a date of the file, or of the model).
FIRST_DATE: Final = dt.date(2000, 1, 1)
LAST_DATE: Final = dt.date(2099, 12, 31)
#: The longest duration in months (the experiment, a step, the evaluation): ten years.
MAX_MONTHS: Final = 120
#: The longest duration in days (a step, the evaluation): ten years.
MAX_DAYS: Final = 3660
#: The most items a list of the model holds: a convention's life has a few dozen events.
MAX_ITEMS: Final[dict[str, int]] = {
    "objectives": 50,
    "calendar": 50,
    "events": 1000,
    "withdrawn": 1000,
}

#: An amount of 15 digits before the point or more is no amount of a public market
#: (and would exceed the precision of decimal's default context once in cents).
_MAX_DIGITS = 15


def check_text(value: Any, kind: TextKind, *, field: str, empty_ok: bool = False) -> str:
    """``value`` if it is a text of ``kind``; :class:`InvalidValue` naming ``field`` if not.

    >>> check_text("MGP-AM-2026-001", "code", field="reference")
    'MGP-AM-2026-001'
    >>> check_text("A\\rATTENDEE:mailto:x@y", "code", field="reference")
    Traceback (most recent call last):
    ...
    mgp_convention.errors.InvalidValue: reference: a line break (U+000D) is not allowed in this ...
    """
    if not isinstance(value, str):
        raise InvalidValue(
            Message(N_("expected text, got {kind}"), {"kind": type(value).__name__}), field=field
        )
    if not empty_ok and not value.strip():
        raise InvalidValue(Message(N_("must not be empty")), field=field)
    limit = TEXT_LIMITS[kind]
    if len(value) > limit:
        raise InvalidValue(
            Message(
                N_("too long: {length} characters, at most {limit} for this text"),
                {"length": len(value), "limit": limit},
            ),
            field=field,
        )
    if _SURROGATE.search(value):
        raise InvalidValue(
            Message(
                N_("the text holds an unpaired surrogate (U+D800 to U+DFFF): not Unicode text")
            ),
            field=field,
        )
    bad = _CONTROL.search(value) or (_PARAGRAPH_BREAK if kind == "paragraph" else _BREAK).search(
        value
    )
    if bad is not None:
        char = bad.group()
        if char == "\t":
            what = N_("a tab ({code}) is not allowed in this text")
        elif _BREAK.fullmatch(char):
            what = N_("a line break ({code}) is not allowed in this text")
        else:
            what = N_("a control character ({code}) is not allowed in this text")
        hint = (
            N_("{problem} (one line)")
            if kind != "paragraph"
            else N_("{problem} (write line breaks as \\n)")
            if _BREAK.fullmatch(char)
            else "{problem}"
        )
        problem = Message(what, {"code": f"U+{ord(char):04X}"})
        raise InvalidValue(Message(hint, {"problem": problem}), field=field)
    return value


def _text_validator(kind: TextKind) -> Callable[[Any, attrs.Attribute[Any], Any], None]:
    def validate(_instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        check_text(value, kind, field=attribute.name)

    validate.__doc__ = f"A non-empty text of kind {kind!r} (see :data:`TEXT_LIMITS`)."
    return validate


#: A non-empty one-line text (a name, an address, a title, a label).
non_empty = _text_validator("line")
#: A non-empty short code on one line (a reference, a breach label).
code = _text_validator("code")
#: A non-empty paragraph: line breaks allowed (details, a reason).
paragraph = _text_validator("paragraph")


def positive_int(_instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """A whole number ≥ 1 (``bool`` is not a number here)."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidValue(
            Message(N_("expected a whole number, got {kind}"), {"kind": type(value).__name__}),
            field=attribute.name,
        )
    if value < 1:
        raise InvalidValue(
            Message(N_("must be at least 1, got {value}"), {"value": str(value)}),
            field=attribute.name,
        )


def month_count(_instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """A number of months from 1 to :data:`MAX_MONTHS` (the experiment's duration)."""
    positive_int(_instance, attribute, value)
    if value > MAX_MONTHS:
        raise InvalidValue(
            Message(
                N_(
                    "{value} months is more than {limit} (ten years): no convention lasts that long"
                ),
                {"value": shown(value), "limit": str(MAX_MONTHS)},
            ),
            field=attribute.name,
        )


def _not_a(cls: type, value: Any, field: str) -> InvalidValue:
    return InvalidValue(
        Message(
            N_("expected {what}, got {got}"), {"what": cls.__name__, "got": type(value).__name__}
        ),
        field=field,
    )


def an_instance_of(cls: type) -> Callable[[Any, attrs.Attribute[Any], Any], None]:
    """An instance of ``cls``; anything else is the package's :class:`InvalidValue` naming
    the field (attrs' own ``instance_of`` raises a bare ``TypeError``)."""

    def validate(_instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if not isinstance(value, cls):
            raise _not_a(cls, value, attribute.name)

    return validate


def tuple_of(cls: type, *, max_items: int) -> Callable[[Any, attrs.Attribute[Any], Any], None]:
    """A tuple of ``cls`` instances, at most ``max_items`` of them."""

    def validate(_instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if not isinstance(value, tuple):
            raise _not_a(tuple, value, attribute.name)
        for index, item in enumerate(value):
            if not isinstance(item, cls):
                raise _not_a(cls, item, f"{attribute.name}[{index}]")
        if len(value) > max_items:
            raise InvalidValue(
                Message(
                    N_("too many items: {count}, at most {limit}"),
                    {"count": len(value), "limit": max_items},
                ),
                field=attribute.name,
            )

    return validate


def a_bool(_instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """``True`` or ``False`` (not a string such as ``'no'``, which would count as true)."""
    if not isinstance(value, bool):
        raise InvalidValue(
            Message(N_("expected true or false, got {value}"), {"value": shown(value)}),
            field=attribute.name,
        )


def member_of(
    cls: type[enum.Enum],
) -> Callable[[Any, attrs.Attribute[Any], Any], None]:
    """A member of the enumeration ``cls`` (its value as a plain string is refused: build
    the member, e.g. ``Party('metropole')``, so that a typo fails where it is made)."""

    def validate(_instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if not isinstance(value, cls):
            allowed = ", ".join(str(member.value) for member in cls)
            raise InvalidValue(
                Message(
                    N_("expected one of {kind} ({allowed}), got {value}"),
                    {"kind": cls.__name__, "allowed": allowed, "value": shown(value)},
                ),
                field=attribute.name,
            )

    return validate


def a_date(_instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """A civil date; a ``datetime`` is refused (say which day it is, in Europe/Paris)."""
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        raise DateError(
            Message(N_("expected a date (YYYY-MM-DD), got {kind}"), {"kind": type(value).__name__}),
            field=attribute.name,
        )
    if not FIRST_DATE <= value <= LAST_DATE:
        raise DateError(
            Message(
                N_("{value} is outside the dates a convention can hold ({first} to {last})"),
                {
                    "value": value.isoformat(),
                    "first": FIRST_DATE.isoformat(),
                    "last": LAST_DATE.isoformat(),
                },
            ),
            field=attribute.name,
        )


def non_negative_money(_instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """A ``Decimal`` amount in euros, ≥ 0, with at most two decimals; never a float."""
    if isinstance(value, float):
        raise MoneyError(
            Message(
                N_(
                    "a float cannot hold cents exactly: write the amount as a string, "
                    'e.g. "12500.00"'
                )
            ),
            field=attribute.name,
        )
    if not isinstance(value, Decimal) or not value.is_finite():
        raise MoneyError(
            Message(N_("expected a Decimal amount in euros, got {value}"), {"value": shown(value)}),
            field=attribute.name,
        )
    written = str(value)  # as the file has it, not as an amount of the language
    if value < 0:
        raise MoneyError(
            Message(N_("must not be negative, got {value}"), {"value": written}),
            field=attribute.name,
        )
    if value.adjusted() >= _MAX_DIGITS:
        raise MoneyError(
            Message(N_("{value} is too large for an amount in euros"), {"value": written}),
            field=attribute.name,
        )
    if value != value.quantize(Decimal("0.01")):
        raise MoneyError(
            Message(N_("at most two decimals (cents), got {value}"), {"value": written}),
            field=attribute.name,
        )
