"""The convention's data: the experiment (Art. 1, 5), the market (Art. 12), the end date (Art. 2).

Values are frozen attrs classes, validated when built. Checks that relate several
fields (dates in a sensible order) are written once, as *coherence rules* on a mapping
of field values, so that the file loader can run them even when another part of the
file is wrong and report every problem at once (:func:`coherence_problems`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Mapping
from decimal import Decimal
from typing import Any

import attrs

from mgp_convention._validators import a_date, non_empty, non_negative_money, positive_int
from mgp_convention.citations import Citation
from mgp_convention.errors import InvalidValue
from mgp_convention.events import Event
from mgp_convention.parties import PublicBody, Referent

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

#: The version of the file format this package reads and writes.
SCHEMA_VERSION = 1

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


def _non_negative_int(_instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise InvalidValue(f"expected a whole number ≥ 0, got {value!r}", field=attribute.name)


def _non_empty_texts(_instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, tuple) or not value:
        raise InvalidValue("must list at least one item", field=attribute.name)
    for index, item in enumerate(value):
        if not isinstance(item, str) or not item.strip():
            raise InvalidValue("must not be empty", field=f"{attribute.name}[{index}]")


def _optional_date(_instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None:
        a_date(_instance, attribute, value)


# --- coherence rules: each takes a mapping of (possibly some) field values -------------

Rule = Callable[[Mapping[str, Any]], Iterator[InvalidValue]]
_RULES: dict[type, list[Rule]] = {}


def _rule_for(cls: type) -> Callable[[Rule], Rule]:
    def register(rule: Rule) -> Rule:
        _RULES.setdefault(cls, []).append(rule)
        return rule

    return register


def coherence_problems(cls: type, values: Mapping[str, Any]) -> list[InvalidValue]:
    """Every coherence problem of ``cls`` that can be checked with ``values``.

    A rule whose fields are missing from ``values`` (because they failed to load) is
    skipped: the loader reports those fields' own problems instead.
    """
    return [problem for rule in _RULES.get(cls, ()) for problem in rule(values)]


def _part(value: Any, name: str) -> Any:
    """Field ``name`` of an attrs instance or of a mapping of loaded fields."""
    if isinstance(value, Mapping):
        return value.get(name)
    return getattr(value, name, None)


def _raise_first(cls: type, instance: Any) -> None:
    problems = coherence_problems(cls, attrs.asdict(instance, recurse=False))
    if problems:
        raise problems[0]


@attrs.frozen
class Duration:
    """A duration in months and days (months by CPC 641 al. 2, then days)."""

    months: int = attrs.field(default=0, validator=_non_negative_int)
    days: int = attrs.field(default=0, validator=_non_negative_int)

    def __attrs_post_init__(self) -> None:
        _raise_first(Duration, self)


@_rule_for(Duration)
def _duration_not_zero(values: Mapping[str, Any]) -> Iterator[InvalidValue]:
    if values.get("months") == 0 and values.get("days") == 0:
        yield InvalidValue("a duration must be at least one day or one month", field="months")


@attrs.frozen
class CalendarStep:
    """One step of the deployment calendar (Art. 5 al. 2: « [Préciser les étapes et durée] »)."""

    label: str = attrs.field(validator=non_empty)
    duration: Duration


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
    duration_months: int = attrs.field(validator=positive_int)
    indicative_start: dt.date = attrs.field(validator=a_date)
    calendar: tuple[CalendarStep, ...] = ()
    reduced_usage_after: dt.date | None = attrs.field(default=None, validator=_optional_date)
    evaluation_deadline: dt.date | None = attrs.field(default=None, validator=_optional_date)
    evaluation_period: Duration | None = None

    def __attrs_post_init__(self) -> None:
        _raise_first(Experiment, self)


@_rule_for(Experiment)
def _evaluation_both_or_neither(values: Mapping[str, Any]) -> Iterator[InvalidValue]:
    deadline, period = values.get("evaluation_deadline"), values.get("evaluation_period")
    if (deadline is None) != (period is None) and {
        "evaluation_deadline",
        "evaluation_period",
    } <= values.keys():
        missing = "evaluation_period" if period is None else "evaluation_deadline"
        yield InvalidValue(
            f"evaluation_deadline and evaluation_period go together: {missing} is missing",
            field=missing,
            article=ART5_REDUCED_USAGE.label,
        )


@_rule_for(Experiment)
def _reduced_usage_before_evaluation(values: Mapping[str, Any]) -> Iterator[InvalidValue]:
    after, deadline = values.get("reduced_usage_after"), values.get("evaluation_deadline")
    if isinstance(after, dt.date) and isinstance(deadline, dt.date) and after > deadline:
        yield InvalidValue(
            f"the setup date beyond which usage is reduced ({after}) comes after the "
            f"evaluation deadline ({deadline})",
            field="reduced_usage_after",
            article=ART5_REDUCED_USAGE.label,
        )


@_rule_for(Experiment)
def _indicative_start_before_evaluation(values: Mapping[str, Any]) -> Iterator[InvalidValue]:
    start, deadline = values.get("indicative_start"), values.get("evaluation_deadline")
    if isinstance(start, dt.date) and isinstance(deadline, dt.date) and start >= deadline:
        yield InvalidValue(
            f"the evaluation deadline ({deadline}) must come after the indicative start ({start})",
            field="evaluation_deadline",
            article=ART5_REDUCED_USAGE.label,
        )


@attrs.frozen
class Market:
    """The public market of the experiment (Art. 1, Art. 12 al. 3).

    ``total_ttc``: its total cost, all taxes included, in euros (``Decimal``).
    ``beneficiaries``: the number of beneficiaries that signed a convention for it.
    """

    reference: str = attrs.field(validator=non_empty)
    total_ttc: Decimal = attrs.field(validator=non_negative_money)
    beneficiaries: int = attrs.field(validator=positive_int)


@attrs.frozen
class Convention:
    """One convention d'engagement: the parties, the experiment, the market, the events.

    ``end_date`` is the date of Art. 2 (« jusqu'au [Date] »): the convention is still in
    force on that day. ``metropole_deliberation`` is the Bureau's deliberation under
    which the Métropole signs. ``events`` are the dated events, in the order they
    happened (see :mod:`mgp_convention.events`).
    """

    reference: str = attrs.field(validator=non_empty)
    metropole_deliberation: str = attrs.field(validator=non_empty)
    beneficiary: PublicBody
    referent: Referent | None
    experiment: Experiment
    market: Market
    end_date: dt.date = attrs.field(validator=a_date)
    events: tuple[Event, ...] = ()
    schema_version: int = SCHEMA_VERSION

    def __attrs_post_init__(self) -> None:
        _raise_first(Convention, self)


@_rule_for(Convention)
def _end_after_start(values: Mapping[str, Any]) -> Iterator[InvalidValue]:
    end, experiment = values.get("end_date"), values.get("experiment")
    if not isinstance(end, dt.date):
        return
    # While loading, a partly wrong experiment arrives as a mapping of its good fields.
    start = _part(experiment, "indicative_start")
    deadline = _part(experiment, "evaluation_deadline")
    if isinstance(start, dt.date) and end < start:
        yield InvalidValue(
            f"the end date ({end}) comes before the experiment's indicative start ({start})",
            field="end_date",
            article=ART2_DURATION.label,
        )
    if isinstance(deadline, dt.date) and deadline > end:
        yield InvalidValue(
            f"the evaluation deadline ({deadline}) comes after the end date ({end})",
            field="experiment.evaluation_deadline",
            article=ART2_DURATION.label,
        )


@_rule_for(Convention)
def _known_version(values: Mapping[str, Any]) -> Iterator[InvalidValue]:
    version = values.get("schema_version", SCHEMA_VERSION)
    if version != SCHEMA_VERSION:
        yield InvalidValue(
            f"unknown schema version {version!r}: this version of mgp-convention reads "
            f"version {SCHEMA_VERSION}",
            field="schema_version",
        )
