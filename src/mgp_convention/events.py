"""The dated events of a convention's life: the vocabulary of RULES.md.

Each event is a frozen value with its date ``on``; in a file it is an object whose
``type`` names the class (``{"type": "signature", "on": "2026-01-15", "party":
"metropole"}``). This module checks their *shape* only (required fields, allowed
values); what they do, and when they are allowed, is the lifecycle's business
(:mod:`mgp_convention.lifecycle`).
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Mapping
from decimal import Decimal
from typing import Any, ClassVar

import attrs

from mgp_convention._validators import a_date, non_empty, non_negative_money, positive_int
from mgp_convention.errors import InvalidValue

__all__ = [
    "EVENT_TYPES",
    "AmendmentSigned",
    "BreachRecorded",
    "BreachRemedied",
    "Changes",
    "DelayCause",
    "DelayReported",
    "Event",
    "ExperimentStarted",
    "FormalNoticeSent",
    "Ground",
    "JustificationsExamined",
    "Obligation",
    "Party",
    "RepresentativesHeard",
    "Signature",
    "Termination",
]


class Party(enum.StrEnum):
    """Who signs (Art. 2: the convention takes effect once every party has signed)."""

    METROPOLE = "metropole"
    BENEFICIARY = "beneficiary"


class DelayCause(enum.StrEnum):
    """Who caused a delay of the start (Art. 5 al. 3–4)."""

    BENEFICIARY = "beneficiary"
    METROPOLE = "metropole"
    PROVIDER = "provider"


class Obligation(enum.StrEnum):
    """The beneficiary's obligations a breach can name (Art. 3 unless said)."""

    DESIGNATE_REFERENT = "designate_referent"  # Art. 3, 4
    ATTEND_MEETINGS = "attend_meetings"
    PROVIDE_STAFF = "provide_staff"
    FACILITATE_PROVIDER = "facilitate_provider"
    IMPLEMENT_MEASURES = "implement_measures"
    INFORM_METROPOLE = "inform_metropole"
    VALIDATE_DELIVERABLES = "validate_deliverables"
    COMMUNICATE_TO_CITIZENS = "communicate_to_citizens"
    RESPECT_COMMUNICATION_RULES = "respect_communication_rules"
    REPORT_REFERENT_CHANGE = "report_referent_change"  # Art. 4
    FREE_ACCESS = "free_access"  # Art. 7
    SHARE_DATA = "share_data"  # Art. 8
    READY_ON_PLANNED_DATE = "ready_on_planned_date"  # Art. 5
    SUBSTANTIAL_MODIFICATION_WITHOUT_CONSENT = "substantial_modification_without_consent"  # 9
    OTHER = "other"  # requires details


class Ground(enum.StrEnum):
    """The grounds of a termination (Art. 5 al. 3, Art. 9, Art. 12 al. 1)."""

    INTERRUPTION = "interruption"  # Art. 12 al. 1
    NOT_READY = "not_ready"  # Art. 5 al. 3
    BREACH = "breach"  # Art. 12 al. 1-2
    SANCTION = "sanction"  # Art. 9


def _optional_text(_instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None:
        non_empty(_instance, attribute, value)


@attrs.frozen
class Event:
    """A dated event. ``type`` (a class constant) is its name in a file."""

    type: ClassVar[str] = ""
    on: dt.date = attrs.field(validator=a_date)


@attrs.frozen
class Signature(Event):
    """A party signs the convention (Art. 2)."""

    type: ClassVar[str] = "signature"
    party: Party = attrs.field(kw_only=True)


@attrs.frozen
class DelayReported(Event):
    """The planned start is missed, with its cause (Art. 5 al. 3–5)."""

    type: ClassVar[str] = "delay_reported"
    cause: DelayCause = attrs.field(kw_only=True)
    details: str | None = attrs.field(default=None, kw_only=True, validator=_optional_text)


@attrs.frozen
class ExperimentStarted(Event):
    """The solution is deployed and in use: the usage period starts (Art. 5)."""

    type: ClassVar[str] = "experiment_started"


@attrs.frozen
class BreachRecorded(Event):
    """A breach by the beneficiary of one of its obligations (Art. 9, Art. 12 al. 1)."""

    type: ClassVar[str] = "breach_recorded"
    obligation: Obligation = attrs.field(kw_only=True)
    impedes_experiment: bool = attrs.field(kw_only=True)
    details: str | None = attrs.field(default=None, kw_only=True, validator=_optional_text)

    def __attrs_post_init__(self) -> None:
        if self.obligation is Obligation.OTHER and self.details is None:
            raise InvalidValue(
                "a breach of obligation 'other' must say what it is in 'details'",
                field="details",
                article="Art. 12 al. 1",
            )


@attrs.frozen
class FormalNoticeSent(Event):
    """The registered letter with acknowledgement of receipt is sent (Art. 12 al. 2).

    ``on`` is the date of sending (CPC 668); ``received_on``, when known, the date of
    receipt (used only when the remedy period is counted from receipt).
    """

    type: ClassVar[str] = "formal_notice_sent"
    letter_reference: str = attrs.field(kw_only=True, validator=non_empty)
    received_on: dt.date | None = attrs.field(default=None, kw_only=True)

    def __attrs_post_init__(self) -> None:
        if self.received_on is not None:
            a_date(self, attrs.fields(FormalNoticeSent).received_on, self.received_on)
            if self.received_on < self.on:
                raise InvalidValue(
                    f"the letter cannot be received ({self.received_on}) before it is sent "
                    f"({self.on})",
                    field="received_on",
                    article="Art. 12 al. 2",
                )


@attrs.frozen
class BreachRemedied(Event):
    """The beneficiary remedies the breach (Art. 12 al. 2).

    ``accepted_late``: the Métropole accepts a remedy after the deadline.
    """

    type: ClassVar[str] = "breach_remedied"
    accepted_late: bool = attrs.field(default=False, kw_only=True)


@attrs.frozen
class JustificationsExamined(Event):
    """Art. 9: « après examen des justificatifs présentés par le Bénéficiaire »."""

    type: ClassVar[str] = "justifications_examined"


@attrs.frozen
class RepresentativesHeard(Event):
    """Art. 9: « et après avoir entendu ses représentants »."""

    type: ClassVar[str] = "representatives_heard"


def _optional_date(_instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None:
        a_date(_instance, attribute, value)


def _optional_positive(_instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None:
        positive_int(_instance, attribute, value)


def _optional_money(_instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None:
        non_negative_money(_instance, attribute, value)


@attrs.frozen
class Changes:
    """What an amendment changes (Art. 11); every field left ``None`` is unchanged."""

    end_date: dt.date | None = attrs.field(default=None, validator=_optional_date)
    duration_months: int | None = attrs.field(default=None, validator=_optional_positive)
    indicative_start: dt.date | None = attrs.field(default=None, validator=_optional_date)
    reduced_usage_after: dt.date | None = attrs.field(default=None, validator=_optional_date)
    evaluation_deadline: dt.date | None = attrs.field(default=None, validator=_optional_date)
    market_total_ttc: Decimal | None = attrs.field(default=None, validator=_optional_money)
    market_beneficiaries: int | None = attrs.field(default=None, validator=_optional_positive)

    def __attrs_post_init__(self) -> None:
        if all(value is None for value in attrs.astuple(self, recurse=False)):
            raise InvalidValue("an amendment must change at least one thing", article="Art. 11")

    def as_dict(self) -> Mapping[str, Any]:
        """The changed fields only."""
        return {k: v for k, v in attrs.asdict(self, recurse=False).items() if v is not None}


@attrs.frozen
class AmendmentSigned(Event):
    """An amendment (*avenant*) signed by the parties (Art. 11)."""

    type: ClassVar[str] = "amendment_signed"
    changes: Changes = attrs.field(kw_only=True)


@attrs.frozen
class Termination(Event):
    """The Métropole terminates the convention on a ground (Art. 5, 9, 12)."""

    type: ClassVar[str] = "termination"
    ground: Ground = attrs.field(kw_only=True)
    reason: str | None = attrs.field(default=None, kw_only=True, validator=_optional_text)


#: Every event class by its ``type`` in a file. A file's ``type`` is only ever looked
#: up in this table: no attribute look-up is driven by file content.
EVENT_TYPES: Mapping[str, type[Event]] = {
    cls.type: cls
    for cls in (
        Signature,
        DelayReported,
        ExperimentStarted,
        BreachRecorded,
        FormalNoticeSent,
        BreachRemedied,
        JustificationsExamined,
        RepresentativesHeard,
        AmendmentSigned,
        Termination,
    )
}
