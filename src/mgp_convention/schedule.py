"""Durations and the steps of the deployment calendar (Art. 5 al. 2).

« La Métropole envisage le calendrier de déploiement suivant : [Préciser les étapes et
durée] ». A :class:`Duration` is a number of months and days, counted months first
(CPC 641 al. 3); the dates of each step are computed by
:func:`~mgp_convention.articles.art05_calendar.deployment_schedule`.

>>> Duration(months=1, days=15)
Duration(months=1, days=15)
>>> Duration()
Traceback (most recent call last):
...
mgp_convention.errors.InvalidValue: months: a duration must be at least one day or one month
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

import attrs

from mgp_convention._coherence import raise_first, rule_for
from mgp_convention._validators import MAX_DAYS, MAX_MONTHS, an_instance_of, non_empty
from mgp_convention.errors import InvalidValue, shown
from mgp_convention.i18n import N_, Message

__all__ = ["MAX_DAYS", "MAX_MONTHS", "CalendarStep", "Duration"]


def _bounded(limit: int) -> Any:
    """A whole number from 0 to ``limit`` (:data:`MAX_MONTHS`, :data:`MAX_DAYS`: ten
    years, so that every date computed from a convention stays a real date)."""

    def validate(_instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise InvalidValue(
                Message(N_("expected a whole number ≥ 0, got {value}"), {"value": shown(value)}),
                field=attribute.name,
            )
        if value > limit:
            raise InvalidValue(
                Message(
                    N_(
                        "{value} is more than {limit} (ten years): no step of a convention "
                        "lasts that long"
                    ),
                    {"value": shown(value), "limit": str(limit)},
                ),
                field=attribute.name,
            )

    return validate


@attrs.frozen
class Duration:
    """A duration in months and days (months by CPC 641 al. 2, then days, al. 3)."""

    months: int = attrs.field(default=0, validator=_bounded(MAX_MONTHS))
    days: int = attrs.field(default=0, validator=_bounded(MAX_DAYS))

    def __attrs_post_init__(self) -> None:
        raise_first(Duration, self)


@rule_for(Duration)
def _duration_not_zero(values: Mapping[str, Any]) -> Iterator[InvalidValue]:
    if values.get("months") == 0 and values.get("days") == 0:
        yield InvalidValue(
            Message(N_("a duration must be at least one day or one month")), field="months"
        )


@attrs.frozen
class CalendarStep:
    """One step of the deployment calendar (Art. 5 al. 2: « [Préciser les étapes et durée] »)."""

    label: str = attrs.field(validator=non_empty)
    duration: Duration = attrs.field(validator=an_instance_of(Duration))
