"""The convention's data: the experiment (Art. 1, 5), the market (Art. 12), the end date (Art. 2).

Values are frozen attrs classes, validated when built. Checks that relate several
fields (dates in a sensible order) are written once, as *coherence rules* on a mapping
of field values, so that the file loader can run them even when another part of the
file is wrong and report every problem at once (:func:`coherence_problems`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from decimal import Decimal
from typing import Any

import attrs

from mgp_convention._coherence import coherence_problems, part, raise_first, rule_for
from mgp_convention._validators import (
    MAX_ITEMS,
    a_date,
    an_instance_of,
    check_text,
    code,
    month_count,
    non_empty,
    non_negative_money,
    optional,
    positive_int,
    tuple_of,
)
from mgp_convention.citations import Citation
from mgp_convention.errors import InvalidValue
from mgp_convention.events import Event, WithdrawnEvent
from mgp_convention.i18n import N_, Message
from mgp_convention.parties import PublicBody, Referent
from mgp_convention.schedule import CalendarStep, Duration

__all__ = [
    "ART2_DURATION",
    "ART5_DURATION",
    "ART5_REDUCED_USAGE",
    "SCHEMA_VERSION",
    "CalendarStep",
    "Convention",
    "Duration",
    "Experiment",
    "Market",
    "coherence_problems",
]

#: The version of the file format this package writes (it also reads version 1 files,
#: see :mod:`mgp_convention.io`).
SCHEMA_VERSION = 2

ART2_DURATION = Citation(
    "Art. 2",
    None,
    "La présente Convention prend effet à compter de sa signature par l'ensemble des "
    "parties, jusqu'au [Date].",
)
ART5_DURATION = Citation(
    "Art. 5",
    "al. 1",
    "L'expérimentation est envisagée sur une durée de [X] mois avec un début souhaité "
    "[Date indicative].",
)
ART5_REDUCED_USAGE = Citation(
    "Art. 5",
    "al. 5",
    "En cas de retard dans la mise en place de la solution et notamment si celle-ci "
    "intervenait au-delà de [Date] et quel qu'en soit le motif, la période d'utilisation "
    "de la solution sera réduite afin de permettre la finalisation du bilan et de la "
    "mesure d'impact avant le [Date].",
)


def _non_empty_texts(_instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, tuple) or not value:
        raise InvalidValue(Message(N_("must list at least one item")), field=attribute.name)
    if len(value) > MAX_ITEMS[attribute.name]:
        raise InvalidValue(
            Message(
                N_("too many items: {count}, at most {limit}"),
                {"count": len(value), "limit": MAX_ITEMS[attribute.name]},
            ),
            field=attribute.name,
        )
    for index, item in enumerate(value):
        check_text(item, "line", field=f"{attribute.name}[{index}]")


@attrs.frozen
class Experiment:
    """The experiment (Art. 1, Art. 5).

    ``duration_months`` and ``indicative_start``: Art. 5 al. 1. ``calendar``: the
    deployment steps of Art. 5 al. 2. ``reduced_usage_after``, ``evaluation_deadline``
    and ``evaluation_period``: Art. 5 al. 5 (the setup date beyond which usage is
    reduced, the date before which the evaluation must be finished, and the time the
    evaluation needs).
    """

    theme: str = attrs.field(validator=non_empty)
    solution: str = attrs.field(validator=non_empty)
    objectives: tuple[str, ...] = attrs.field(validator=_non_empty_texts)
    duration_months: int = attrs.field(validator=month_count)
    indicative_start: dt.date = attrs.field(validator=a_date)
    calendar: tuple[CalendarStep, ...] = attrs.field(
        default=(), validator=tuple_of(CalendarStep, max_items=MAX_ITEMS["calendar"])
    )
    reduced_usage_after: dt.date | None = attrs.field(default=None, validator=optional(a_date))
    evaluation_deadline: dt.date | None = attrs.field(default=None, validator=optional(a_date))
    evaluation_period: Duration | None = attrs.field(
        default=None, validator=optional(an_instance_of(Duration))
    )

    def __attrs_post_init__(self) -> None:
        raise_first(Experiment, self)


@rule_for(Experiment)
def _evaluation_both_or_neither(values: Mapping[str, Any]) -> Iterator[InvalidValue]:
    deadline, period = values.get("evaluation_deadline"), values.get("evaluation_period")
    if (deadline is None) != (period is None) and {
        "evaluation_deadline",
        "evaluation_period",
    } <= values.keys():
        missing = "evaluation_period" if period is None else "evaluation_deadline"
        yield InvalidValue(
            Message(
                N_("evaluation_deadline and evaluation_period go together: {missing} is missing"),
                {"missing": missing},
            ),
            field=missing,
            article=ART5_REDUCED_USAGE.label,
        )


@rule_for(Experiment)
def _reduced_usage_before_evaluation(values: Mapping[str, Any]) -> Iterator[InvalidValue]:
    after, deadline = values.get("reduced_usage_after"), values.get("evaluation_deadline")
    if isinstance(after, dt.date) and isinstance(deadline, dt.date) and after > deadline:
        yield InvalidValue(
            Message(
                N_(
                    "the setup date beyond which usage is reduced ({after}) comes after the "
                    "evaluation deadline ({deadline})"
                ),
                {"after": after.isoformat(), "deadline": deadline.isoformat()},
            ),
            field="reduced_usage_after",
            article=ART5_REDUCED_USAGE.label,
        )


@rule_for(Experiment)
def _indicative_start_before_evaluation(values: Mapping[str, Any]) -> Iterator[InvalidValue]:
    start, deadline = values.get("indicative_start"), values.get("evaluation_deadline")
    if isinstance(start, dt.date) and isinstance(deadline, dt.date) and start >= deadline:
        yield InvalidValue(
            Message(
                N_(
                    "the evaluation deadline ({deadline}) must come after the indicative "
                    "start ({start})"
                ),
                {"deadline": deadline.isoformat(), "start": start.isoformat()},
            ),
            field="evaluation_deadline",
            article=ART5_REDUCED_USAGE.label,
        )


@attrs.frozen
class Market:
    """The public market of the experiment (Art. 1, Art. 12 al. 3).

    ``total_ttc``: its total cost, all taxes included, in euros (``Decimal``).
    ``beneficiaries``: the number of beneficiaries that signed a convention for it.
    """

    reference: str = attrs.field(validator=code)
    total_ttc: Decimal = attrs.field(validator=non_negative_money)
    beneficiaries: int = attrs.field(validator=positive_int)


@attrs.frozen
class Convention:
    """One convention d'engagement: the parties, the experiment, the market, the events.

    ``end_date`` is the date of Art. 2 (« jusqu'au [Date] »): the convention is still in
    force on that day. ``metropole_deliberation`` is the Bureau's deliberation under
    which the Métropole signs. ``events`` are the dated events, in the order they
    happened (see :mod:`mgp_convention.events`); ``withdrawn`` the events taken back as
    mistakes, kept with the reason (``mgp-convention withdraw``).
    """

    reference: str = attrs.field(validator=code)
    metropole_deliberation: str = attrs.field(validator=non_empty)
    beneficiary: PublicBody = attrs.field(validator=an_instance_of(PublicBody))
    referent: Referent | None = attrs.field(validator=optional(an_instance_of(Referent)))
    experiment: Experiment = attrs.field(validator=an_instance_of(Experiment))
    market: Market = attrs.field(validator=an_instance_of(Market))
    end_date: dt.date = attrs.field(validator=a_date)
    events: tuple[Event, ...] = attrs.field(
        default=(), validator=tuple_of(Event, max_items=MAX_ITEMS["events"])
    )
    withdrawn: tuple[WithdrawnEvent, ...] = attrs.field(
        default=(), validator=tuple_of(WithdrawnEvent, max_items=MAX_ITEMS["withdrawn"])
    )
    schema_version: int = SCHEMA_VERSION

    def __attrs_post_init__(self) -> None:
        raise_first(Convention, self)


@rule_for(Convention)
def _end_after_start(values: Mapping[str, Any]) -> Iterator[InvalidValue]:
    end, experiment = values.get("end_date"), values.get("experiment")
    if not isinstance(end, dt.date):
        return
    # While loading, a partly wrong experiment arrives as a mapping of its good fields.
    start = part(experiment, "indicative_start")
    deadline = part(experiment, "evaluation_deadline")
    if isinstance(start, dt.date) and end < start:
        yield InvalidValue(
            Message(
                N_("the end date ({end}) comes before the experiment's indicative start ({start})"),
                {"end": end.isoformat(), "start": start.isoformat()},
            ),
            field="end_date",
            article=ART2_DURATION.label,
        )
    if isinstance(deadline, dt.date) and deadline > end:
        yield InvalidValue(
            Message(
                N_("the evaluation deadline ({deadline}) comes after the end date ({end})"),
                {"deadline": deadline.isoformat(), "end": end.isoformat()},
            ),
            field="experiment.evaluation_deadline",
            article=ART2_DURATION.label,
        )


@rule_for(Convention)
def _known_version(values: Mapping[str, Any]) -> Iterator[InvalidValue]:
    version = values.get("schema_version", SCHEMA_VERSION)
    if version != SCHEMA_VERSION:
        yield InvalidValue(
            Message(
                N_(
                    "unknown schema version {value}: this version of mgp-convention reads "
                    "version {version}"
                ),
                {"value": repr(version), "version": str(SCHEMA_VERSION)},
            ),
            field="schema_version",
        )
