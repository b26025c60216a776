"""The dated events of a convention's life: the vocabulary of RULES.md (version 2).

Each event is a frozen value with its date ``on``; in a file it is an object whose
``type`` names the class (``{"type": "signature", "on": "2026-01-15", "party":
"metropole"}``). This module checks their *shape* only (required fields, allowed
values, dates in order within one event); what they do, and when they are allowed, is
the lifecycle's business (:mod:`mgp_convention.lifecycle`).

Several breaches can be open at once (Art. 12 al. 1, « une quelconque de ses
obligations »): each ``breach_recorded`` has a short label (``breach``, by default
``B1``, ``B2``… in order of recording) and the events that concern a breach name it;
they may leave it out only when exactly one breach is open.

>>> import datetime as dt
>>> Signature(dt.date(2026, 11, 12), party=Party.BENEFICIARY).type
'signature'
>>> Signature(dt.date(2026, 11, 12), party="nobody")
Traceback (most recent call last):
...
mgp_convention.errors.InvalidValue: party: expected one of Party (metropole, beneficiary), got 'nobody'
>>> Termination(dt.date(2027, 3, 1), ground=Ground.BREACH, breach="B1").takes_effect_on
datetime.date(2027, 3, 1)

Why over 400 lines: the vocabulary of RULES.md: 24 small frozen classes, one per kind of
event and value, each with its checks; one module so that a file's ``type`` is looked up
in one place.
"""  # noqa: E501

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Mapping
from decimal import Decimal
from typing import Any, ClassVar, Final

import attrs

from mgp_convention._validators import (
    MAX_ITEMS,
    a_bool,
    a_date,
    an_instance_of,
    code,
    member_of,
    month_count,
    non_empty,
    non_negative_money,
    optional,
    paragraph,
    positive_int,
    tuple_of,
)
from mgp_convention.errors import InvalidValue
from mgp_convention.i18n import N_, Lang, Message, gettext_in
from mgp_convention.schedule import CalendarStep, Duration

__all__ = [
    "BREACH_LABEL",
    "EVENT_TYPES",
    "AmendmentSigned",
    "BeneficiaryReady",
    "BreachEvent",
    "BreachRecorded",
    "BreachRemedied",
    "Changes",
    "DelayCause",
    "DelayReported",
    "Event",
    "ExperimentStarted",
    "ExperimentStopped",
    "FormalNoticeSent",
    "GeneralInterestBasis",
    "Ground",
    "JustificationsExamined",
    "Obligation",
    "Party",
    "ProcurementUnsuccessful",
    "RepresentativesHeard",
    "Signature",
    "TerminatedBy",
    "Termination",
    "WithdrawnEvent",
]


# --- the values events take --------------------------------------------------------------


class _Labelled(enum.StrEnum):
    """An enumeration whose members have words for people (English ids, translated)."""

    def label(self, lang: Lang) -> str:
        """The member in words, in ``lang``."""
        return gettext_in(lang, _LABELS[type(self)][self.value])


class Party(_Labelled):
    """Who signs (Art. 2: the convention takes effect once every party has signed)."""

    METROPOLE = "metropole"
    BENEFICIARY = "beneficiary"


class DelayCause(_Labelled):
    """Who caused a delay of the start (Art. 5 al. 3–4)."""

    BENEFICIARY = "beneficiary"
    METROPOLE = "metropole"
    PROVIDER = "provider"


class Obligation(_Labelled):
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

    @property
    def article(self) -> str:
        """The article that sets the obligation (``"Art. 3"``, ``"Art. 8"``…)."""
        return _OBLIGATION_ARTICLES.get(self, "Art. 3")


class Ground(_Labelled):
    """The grounds of a termination (Art. 5 al. 3, Art. 9, Art. 12 al. 1; case law)."""

    INTERRUPTION = "interruption"  # Art. 12 al. 1
    NOT_READY = "not_ready"  # Art. 5 al. 3 with Art. 12
    BREACH = "breach"  # Art. 12 al. 1-2
    SANCTION = "sanction"  # Art. 9
    COMMON_AGREEMENT = "common_agreement"  # résiliation amiable
    FORCE_MAJEURE = "force_majeure"  # C. civ. 1218 by analogy
    GENERAL_INTEREST = "general_interest"  # the beneficiary's, CE Béziers 2015

    @property
    def names_breach(self) -> bool:
        """Whether a termination on this ground is for a named breach."""
        return self in _BREACH_GROUNDS


_BREACH_GROUNDS: Final = frozenset({Ground.NOT_READY, Ground.BREACH, Ground.SANCTION})


class TerminatedBy(_Labelled):
    """Who terminates: the Métropole, the beneficiary, or the judge."""

    METROPOLE = "metropole"
    BENEFICIARY = "beneficiary"
    JUDGE = "judge"


class GeneralInterestBasis(_Labelled):
    """CE Béziers 2015: « notamment en cas de bouleversement de l'équilibre de la
    convention ou de disparition de sa cause »."""

    UPHEAVAL = "upheaval"
    CAUSE_DISAPPEARED = "cause_disappeared"
    OTHER = "other"


_OBLIGATION_ARTICLES: Final[Mapping[Obligation, str]] = {
    Obligation.REPORT_REFERENT_CHANGE: "Art. 4",
    Obligation.FREE_ACCESS: "Art. 7",
    Obligation.SHARE_DATA: "Art. 8",
    Obligation.READY_ON_PLANNED_DATE: "Art. 5 al. 3",
    Obligation.SUBSTANTIAL_MODIFICATION_WITHOUT_CONSENT: "Art. 9",
}

# The words of each value; the English ones are the message ids (fr: the catalogue).
# The words of each value, per enumeration (two enumerations may share a value, such
# as ``"other"``: a member is a ``str``, so one flat mapping would mix them up); the
# English ones are the message ids (fr: the catalogue).
_LABELS: Final[Mapping[type[_Labelled], Mapping[str, str]]] = {
    Party: {
        Party.METROPOLE.value: N_("the Métropole"),
        Party.BENEFICIARY.value: N_("the beneficiary"),
    },
    DelayCause: {
        DelayCause.BENEFICIARY.value: N_("the beneficiary"),
        DelayCause.METROPOLE.value: N_("the Métropole"),
        DelayCause.PROVIDER.value: N_("the provider"),
    },
    Obligation: {
        Obligation.DESIGNATE_REFERENT.value: N_("designate a project referent"),
        Obligation.ATTEND_MEETINGS.value: N_("attend the operational committee and other meetings"),
        Obligation.PROVIDE_STAFF.value: N_("provide adequate staff"),
        Obligation.FACILITATE_PROVIDER.value: N_("facilitate the provider's work"),
        Obligation.IMPLEMENT_MEASURES.value: N_("implement the measures for the experiment"),
        Obligation.INFORM_METROPOLE.value: N_("inform the Métropole without delay and in writing"),
        Obligation.VALIDATE_DELIVERABLES.value: N_("validate the deliverables"),
        Obligation.COMMUNICATE_TO_CITIZENS.value: N_("communicate to citizens and stakeholders"),
        Obligation.RESPECT_COMMUNICATION_RULES.value: N_(
            "respect the programme's communication rules"
        ),
        Obligation.REPORT_REFERENT_CHANGE.value: N_("report a change of referent without delay"),
        Obligation.FREE_ACCESS.value: N_("give free access to spaces and equipment"),
        Obligation.SHARE_DATA.value: N_("make the data available and transfer it"),
        Obligation.READY_ON_PLANNED_DATE.value: N_(
            "be ready to host the experiment on the planned date"
        ),
        Obligation.SUBSTANTIAL_MODIFICATION_WITHOUT_CONSENT.value: N_(
            "no substantial change to the conditions of performance without written consent"
        ),
        Obligation.OTHER.value: N_("another obligation"),
    },
    Ground: {
        Ground.INTERRUPTION.value: N_("interruption of the experiment"),
        Ground.NOT_READY.value: N_("not ready on the planned date"),
        Ground.BREACH.value: N_("breach"),
        Ground.SANCTION.value: N_("sanction"),
        Ground.COMMON_AGREEMENT.value: N_("common agreement"),
        Ground.FORCE_MAJEURE.value: N_("force majeure"),
        Ground.GENERAL_INTEREST.value: N_("general interest"),
    },
    TerminatedBy: {
        TerminatedBy.METROPOLE.value: N_("the Métropole"),
        TerminatedBy.BENEFICIARY.value: N_("the beneficiary"),
        TerminatedBy.JUDGE.value: N_("the judge"),
    },
    GeneralInterestBasis: {
        GeneralInterestBasis.UPHEAVAL.value: N_("upheaval of the convention's balance"),
        GeneralInterestBasis.CAUSE_DISAPPEARED.value: N_("disappearance of its cause"),
        GeneralInterestBasis.OTHER.value: N_("another reason of general interest"),
    },
}

#: A breach label: a short code of letters, digits, ``.``, ``_``, ``-`` (``B1``, ``B2``…).
BREACH_LABEL: Final = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,15}")


def _breach_label(_instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is None:
        return
    code(_instance, attribute, value)
    if not BREACH_LABEL.fullmatch(value):
        raise InvalidValue(
            Message(
                N_(
                    "{value} is not a breach label: up to 16 letters, digits, '.', '_' or "
                    "'-', e.g. 'B1'"
                ),
                {"value": repr(value)},
            ),
            field=attribute.name,
            article="Art. 12 al. 1",
        )


def _not_before_on(_instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is None:
        return
    a_date(_instance, attribute, value)
    on = _instance.on
    if isinstance(on, dt.date) and value < on:
        raise InvalidValue(
            Message(
                N_("{field} ({value}) comes before the event's date ({on})"),
                {"field": attribute.name, "value": value.isoformat(), "on": on.isoformat()},
            ),
            field=attribute.name,
        )


# --- the events ---------------------------------------------------------------------------


@attrs.frozen
class Event:
    """A dated event. ``type`` (a class constant) is its name in a file."""

    type: ClassVar[str] = ""
    on: dt.date = attrs.field(validator=a_date)


@attrs.frozen
class BreachEvent(Event):
    """An event that concerns one breach, named by its label (``breach``); ``None``
    when the file leaves it out (allowed only while exactly one breach is open)."""

    breach: str | None = attrs.field(default=None, kw_only=True, validator=_breach_label)


@attrs.frozen
class Signature(Event):
    """A party signs the convention (Art. 2)."""

    type: ClassVar[str] = "signature"
    party: Party = attrs.field(kw_only=True, validator=member_of(Party))


@attrs.frozen
class DelayReported(Event):
    """The planned start is missed, with its cause (Art. 5 al. 3–5); the latest report
    decides the current cause."""

    type: ClassVar[str] = "delay_reported"
    cause: DelayCause = attrs.field(kw_only=True, validator=member_of(DelayCause))
    details: str | None = attrs.field(default=None, kw_only=True, validator=optional(paragraph))


@attrs.frozen
class BeneficiaryReady(Event):
    """The beneficiary states it can host the experiment (Art. 5 al. 3): the current
    cause of a delay is no longer the beneficiary."""

    type: ClassVar[str] = "beneficiary_ready"
    details: str | None = attrs.field(default=None, kw_only=True, validator=optional(paragraph))


@attrs.frozen
class ExperimentStarted(Event):
    """The solution is deployed and in use: the usage period starts (Art. 5)."""

    type: ClassVar[str] = "experiment_started"


@attrs.frozen
class BreachRecorded(BreachEvent):
    """A breach by the beneficiary of one of its obligations (Art. 9, Art. 12 al. 1).

    ``impedes_experiment``: the breach prevents the start or the proper running of the
    experiment (Art. 12 al. 3); true by nature, and then optional, for
    ``ready_on_planned_date``.
    """

    type: ClassVar[str] = "breach_recorded"
    obligation: Obligation = attrs.field(kw_only=True, validator=member_of(Obligation))
    impedes_experiment: bool | None = attrs.field(
        default=None, kw_only=True, validator=optional(a_bool)
    )
    details: str | None = attrs.field(default=None, kw_only=True, validator=optional(paragraph))

    def __attrs_post_init__(self) -> None:
        if self.obligation is Obligation.OTHER and self.details is None:
            raise InvalidValue(
                Message(N_("a breach of obligation 'other' must say what it is in 'details'")),
                field="details",
                article="Art. 12 al. 1",
            )
        if self.obligation is Obligation.READY_ON_PLANNED_DATE:
            if self.impedes_experiment is False:
                raise InvalidValue(
                    Message(
                        N_(
                            "not being ready on the planned date prevents the start of the "
                            "experiment by nature: impedes_experiment cannot be false"
                        )
                    ),
                    field="impedes_experiment",
                    article="Art. 5 al. 3",
                )
        elif self.impedes_experiment is None:
            raise InvalidValue(
                Message(
                    N_(
                        "say whether the breach prevents the start or the proper running of "
                        "the experiment (true or false)"
                    )
                ),
                field="impedes_experiment",
                article="Art. 12 al. 3",
            )

    @property
    def impedes(self) -> bool:
        """Whether the breach prevents the start or proper running of the experiment."""
        return self.impedes_experiment is not False


@attrs.frozen
class FormalNoticeSent(BreachEvent):
    """The registered letter with acknowledgement of receipt is sent (Art. 12 al. 2).

    ``on`` is the date of sending (CPC 668–669); ``received_on``, when known, the date
    of receipt (used only when the remedy period is counted from receipt).
    """

    type: ClassVar[str] = "formal_notice_sent"
    letter_reference: str = attrs.field(kw_only=True, validator=non_empty)
    received_on: dt.date | None = attrs.field(default=None, kw_only=True, validator=_not_before_on)


@attrs.frozen
class BreachRemedied(BreachEvent):
    """The beneficiary remedies the breach (Art. 12 al. 2).

    ``accepted_late``: the Métropole waives the lateness of a remedy after the deadline
    (it then counts as in time).
    """

    type: ClassVar[str] = "breach_remedied"
    accepted_late: bool = attrs.field(default=False, kw_only=True, validator=a_bool)


@attrs.frozen
class JustificationsExamined(BreachEvent):
    """Art. 9: « après examen des justificatifs présentés par le Bénéficiaire »."""

    type: ClassVar[str] = "justifications_examined"


@attrs.frozen
class RepresentativesHeard(BreachEvent):
    """Art. 9: « et après avoir entendu ses représentants »."""

    type: ClassVar[str] = "representatives_heard"


@attrs.frozen
class ExperimentStopped(BreachEvent):
    """Art. 9: the Métropole « peut décider de la fin de l'expérimentation » for a breach,
    without terminating the convention (which stays in force for Art. 8)."""

    type: ClassVar[str] = "experiment_stopped"
    reason: str = attrs.field(kw_only=True, validator=paragraph)


@attrs.frozen
class ProcurementUnsuccessful(Event):
    """The public procurement of Art. 3 was unsuccessful (« sous réserve du caractère
    fructueux de ladite procédure »); ``definitive``: it will not be relaunched."""

    type: ClassVar[str] = "procurement_unsuccessful"
    details: str | None = attrs.field(default=None, kw_only=True, validator=optional(paragraph))
    definitive: bool = attrs.field(default=False, kw_only=True, validator=a_bool)


@attrs.frozen
class Changes:
    """What an amendment changes (Art. 11); every field left ``None`` is unchanged."""

    end_date: dt.date | None = attrs.field(default=None, validator=optional(a_date))
    duration_months: int | None = attrs.field(default=None, validator=optional(month_count))
    indicative_start: dt.date | None = attrs.field(default=None, validator=optional(a_date))
    reduced_usage_after: dt.date | None = attrs.field(default=None, validator=optional(a_date))
    evaluation_deadline: dt.date | None = attrs.field(default=None, validator=optional(a_date))
    evaluation_period: Duration | None = attrs.field(
        default=None, validator=optional(an_instance_of(Duration))
    )
    calendar: tuple[CalendarStep, ...] | None = attrs.field(
        default=None,
        validator=optional(tuple_of(CalendarStep, max_items=MAX_ITEMS["calendar"])),
    )
    market_total_ttc: Decimal | None = attrs.field(
        default=None, validator=optional(non_negative_money)
    )
    market_beneficiaries: int | None = attrs.field(default=None, validator=optional(positive_int))

    def __attrs_post_init__(self) -> None:
        if all(value is None for value in attrs.astuple(self, recurse=False)):
            raise InvalidValue(
                Message(N_("an amendment must change at least one thing")), article="Art. 11"
            )

    def as_dict(self) -> Mapping[str, Any]:
        """The changed fields only."""
        return {k: v for k, v in attrs.asdict(self, recurse=False).items() if v is not None}


@attrs.frozen
class AmendmentSigned(Event):
    """An amendment (*avenant*) signed by the parties (Art. 11)."""

    type: ClassVar[str] = "amendment_signed"
    changes: Changes = attrs.field(kw_only=True, validator=an_instance_of(Changes))


@attrs.frozen
class Termination(BreachEvent):
    """The convention is terminated early, on a ``ground``, ``by`` a party or the judge.

    ``on`` is the date of the decision (or of the judgment); ``notified_on`` the date
    the other party receives it (≥ ``on``); ``effective_on`` the date it takes effect
    (≥ ``notified_on``; by default ``notified_on``, else ``on``: no retroactive
    decision, CE Ass. 1948 L'Aurore). ``breach`` names the breach of a termination on
    ``breach``, ``sanction`` or ``not_ready``; ``basis`` the kind of general interest.
    """

    type: ClassVar[str] = "termination"
    ground: Ground = attrs.field(kw_only=True, validator=member_of(Ground))
    by: TerminatedBy = attrs.field(
        default=TerminatedBy.METROPOLE, kw_only=True, validator=member_of(TerminatedBy)
    )
    reason: str | None = attrs.field(default=None, kw_only=True, validator=optional(paragraph))
    basis: GeneralInterestBasis | None = attrs.field(
        default=None, kw_only=True, validator=optional(member_of(GeneralInterestBasis))
    )
    notified_on: dt.date | None = attrs.field(default=None, kw_only=True, validator=_not_before_on)
    effective_on: dt.date | None = attrs.field(default=None, kw_only=True, validator=_not_before_on)

    def __attrs_post_init__(self) -> None:
        notified, effective = self.notified_on, self.effective_on
        if notified is not None and effective is not None and effective < notified:
            raise InvalidValue(
                Message(
                    N_(
                        "the termination cannot take effect ({effective}) before it is "
                        "notified ({notified}): a decision has no retroactive effect"
                    ),
                    {"effective": effective.isoformat(), "notified": notified.isoformat()},
                ),
                field="effective_on",
                article="CE Ass., 25 juin 1948, Société du journal L'Aurore",
            )
        if self.basis is not None and self.ground is not Ground.GENERAL_INTEREST:
            raise InvalidValue(
                Message(
                    N_("a basis is given only for a termination on the ground « {ground} »"),
                    {"ground": Ground.GENERAL_INTEREST},
                ),
                field="basis",
            )
        if self.breach is not None and not self.ground.names_breach:
            raise InvalidValue(
                Message(
                    N_("a termination on the ground « {ground} » names no breach"),
                    {"ground": self.ground},
                ),
                field="breach",
            )

    @property
    def takes_effect_on(self) -> dt.date:
        """The date the termination takes effect: ``effective_on``, else ``notified_on``,
        else ``on``; a judgment on the date it sets (``effective_on``, else its date)."""
        if self.by is TerminatedBy.JUDGE:
            return self.effective_on or self.on
        return self.effective_on or self.notified_on or self.on


#: Every event class by its ``type`` in a file. A file's ``type`` is only ever looked
#: up in this table: no attribute look-up is driven by file content.
EVENT_TYPES: Final[Mapping[str, type[Event]]] = {
    cls.type: cls
    for cls in (
        Signature,
        DelayReported,
        BeneficiaryReady,
        ExperimentStarted,
        BreachRecorded,
        FormalNoticeSent,
        BreachRemedied,
        JustificationsExamined,
        RepresentativesHeard,
        ExperimentStopped,
        ProcurementUnsuccessful,
        AmendmentSigned,
        Termination,
    )
}


def _index(_instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise InvalidValue(
            Message(N_("expected a position ≥ 0, got {value}"), {"value": repr(value)}),
            field=attribute.name,
        )


@attrs.frozen
class WithdrawnEvent:
    """An event taken back as a mistake (``mgp-convention withdraw``), kept in the file
    so that nothing recorded is ever silently lost: the event, the position it held,
    the reason and the date of the withdrawal."""

    event: Event = attrs.field(validator=an_instance_of(Event))
    index: int = attrs.field(validator=_index)
    reason: str = attrs.field(validator=paragraph)
    withdrawn_on: dt.date = attrs.field(validator=a_date)
