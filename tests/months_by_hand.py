"""Periods in months as RULES.md (version 2) states them, with the standard library only.

An independent statement of the rule, for the property tests: it uses neither pendulum
nor ``mgp_convention``, only ``calendar.monthrange`` for the length of a month.

« A period of N months that counts its first day ends on the day before the same day
number N months later; where that day number does not exist in that month, it ends on
the last day of that month. » A step of M months and D days starting on S ends D days
after the last day of its M months, or on S + D − 1 when M = 0.
"""

from __future__ import annotations

import calendar
import datetime as dt

ONE_DAY = dt.timedelta(days=1)


def last_day(first: dt.date, months: int = 0, days: int = 0) -> dt.date:
    """The last day of ``months`` months and ``days`` days counted from ``first`` included."""
    if months == 0:
        return first + dt.timedelta(days=days - 1)
    year, month0 = divmod(first.year * 12 + first.month - 1 + months, 12)
    month = month0 + 1
    length = calendar.monthrange(year, month)[1]
    if first.day <= length:  # the same day number exists: the period ends the day before
        end = dt.date(year, month, first.day) - ONE_DAY
    else:  # it does not: the last day of that month
        end = dt.date(year, month, length)
    return end + dt.timedelta(days=days)
