"""Small attrs validators shared by the data model; each raises :class:`InvalidValue`.

They name the field (attrs gives its name) so a message reads
``name: must not be empty``; the file loader adds the JSON path in front.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import attrs

from mgp_convention.errors import DateError, InvalidValue, MoneyError, shown

__all__ = ["a_date", "non_empty", "non_negative_money", "positive_int"]

#: An amount of 15 digits before the point or more is no amount of a public market
#: (and would exceed the precision of decimal's default context once in cents).
_MAX_DIGITS = 15


def non_empty(_instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """A text that is not blank (and is a ``str``)."""
    if not isinstance(value, str):
        raise InvalidValue(f"expected text, got {type(value).__name__}", field=attribute.name)
    if not value.strip():
        raise InvalidValue("must not be empty", field=attribute.name)


def positive_int(_instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """A whole number ≥ 1 (``bool`` is not a number here)."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidValue(
            f"expected a whole number, got {type(value).__name__}", field=attribute.name
        )
    if value < 1:
        raise InvalidValue(f"must be at least 1, got {value}", field=attribute.name)


def a_date(_instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """A civil date; a ``datetime`` is refused (say which day it is, in Europe/Paris)."""
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        raise DateError(
            f"expected a date (YYYY-MM-DD), got {type(value).__name__}", field=attribute.name
        )


def non_negative_money(_instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """A ``Decimal`` amount in euros, ≥ 0, with at most two decimals; never a float."""
    if isinstance(value, float):
        raise MoneyError(
            'a float cannot hold cents exactly: write the amount as a string, e.g. "12500.00"',
            field=attribute.name,
        )
    if not isinstance(value, Decimal) or not value.is_finite():
        raise MoneyError(
            f"expected a Decimal amount in euros, got {shown(value)}", field=attribute.name
        )
    if value < 0:
        raise MoneyError(f"must not be negative, got {value}", field=attribute.name)
    if value.adjusted() >= _MAX_DIGITS:
        raise MoneyError(f"{value} is too large for an amount in euros", field=attribute.name)
    if value != value.quantize(Decimal("0.01")):
        raise MoneyError(f"at most two decimals (cents), got {value}", field=attribute.name)
