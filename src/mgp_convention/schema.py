"""A JSON Schema (draft 2020-12) of the convention file, version 2, generated from the code.

The schema is built by reading the attrs classes of the data model, their type hints
and their validators, so it cannot drift from what :func:`mgp_convention.io.loads`
accepts. It says what JSON Schema can say of the file: the keys (an unknown one is
refused), the types, the enumerations, the events by their ``type`` (new in version
2: ``beneficiary_ready``, ``experiment_stopped``, ``procurement_unsuccessful``; breach
labels; a termination's ``by``, ``notified_on``, ``effective_on``, ``basis``), the
``withdrawn`` events, the format and the range of dates (2000-01-01 to 2099-12-31), of
amounts and of durations, the length of texts and lists, the characters a text may
not hold (controls, bidirectional controls), and the conditions within one event
(the ``details`` of a breach of obligation ``other``…). The rules that relate the
values of several fields (dates in order, the SIREN's check digit, the lifecycle) are
the library's: run ``mgp-convention check``.

A version 1 file is read by the library (migrated), not by this schema: it describes
the version the library writes. Its descriptions (shown by an editor beside each key)
are in French by default, in English with ``lang="en"``; its keys and values are the
file's codes, the same in both.

>>> schema = json_schema()
>>> schema["properties"]["schema_version"]
{'const': 2}
>>> schema["additionalProperties"]
False
>>> schema["properties"]["end_date"]["pattern"]
'^20[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$'
>>> json_schema("en")["$defs"]["Market"]["description"]
'The public market of the experiment (Art. 1, Art. 12 al. 3).'
"""

from __future__ import annotations

import datetime as dt
import enum
import types
import typing
from collections.abc import Callable
from decimal import Decimal
from typing import Any, Final

import attrs

from mgp_convention import _validators
from mgp_convention._validators import MAX_DAYS, MAX_ITEMS, MAX_MONTHS, TEXT_LIMITS, TextKind
from mgp_convention.convention import SCHEMA_VERSION, Convention, Market
from mgp_convention.events import (
    BREACH_LABEL,
    EVENT_TYPES,
    BreachEvent,
    BreachRecorded,
    Changes,
    Event,
    Ground,
    Obligation,
    Termination,
)
from mgp_convention.i18n import N_, Lang, gettext_in
from mgp_convention.parties import PublicBody, Referent
from mgp_convention.schedule import Duration

__all__ = ["SCHEMA_ID", "json_schema"]

SCHEMA_ID: Final = "https://mgp-convention.invalid/schema/convention-v2.json"

#: A date of the file: ``YYYY-MM-DD`` in the years 2000 to 2099.
_DATE: Final = {
    "type": "string",
    "pattern": "^20[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$",
    "format": "date",
}
_AMOUNT_DESCRIPTION: Final = N_('An amount in euros, written as a string with a dot: "12500.00".')
_AMOUNT: Final = {
    "description": _AMOUNT_DESCRIPTION,
    "oneOf": [
        {"type": "string", "pattern": "^[0-9]{1,15}(\\.[0-9]{1,2})?$"},
        {"type": "integer", "minimum": 0, "maximum": 10**15 - 1},
    ],
}
#: Characters no text holds (C0 but tab and line feeds, DEL, C1, bidirectional controls,
#: the byte-order mark) and, on one line, line breaks; written as JSON Schema's
#: (ECMA 262) \\u escapes.
_CONTROLS: Final = (
    "\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f\\u202a-\\u202e\\u2066-\\u2069"
    "\\ufeff"
)
_BREAKS: Final = "\\u0009\\u000a\\u000d\\u0085\\u2028\\u2029"


def _text(kind: TextKind) -> dict[str, Any]:
    forbidden = _CONTROLS if kind == "paragraph" else _CONTROLS + _BREAKS
    return {
        "type": "string",
        "minLength": 1,
        "maxLength": TEXT_LIMITS[kind],
        # at least one character that is not a space, none of the forbidden ones
        "pattern": f"^[^{forbidden}]*[^{forbidden}\\s][^{forbidden}]*$",
    }


#: The schema of a text field by its validator (the data model's kinds of text).
_TEXTS: Final[dict[Callable[..., Any], dict[str, Any]]] = {
    _validators.non_empty: _text("line"),
    _validators.code: _text("code"),
    _validators.paragraph: _text("paragraph"),
}

#: Fields whose value JSON Schema can say more of than their type.
_FIELDS: Final[dict[tuple[type, str], dict[str, Any]]] = {
    (PublicBody, "siren"): {"type": "string", "pattern": "^[0-9]{9}$"},
    (Referent, "email"): {
        "type": "string",
        "maxLength": TEXT_LIMITS["line"],
        "pattern": "^[^@\\s]+@[^@\\s]+\\.[A-Za-z]{2,}$",
    },
    (Referent, "phone"): {
        "type": "string",
        "maxLength": TEXT_LIMITS["code"],
        "pattern": "^[0-9 .()+-]+$",
    },
    (BreachEvent, "breach"): {"type": "string", "pattern": f"^{BREACH_LABEL.pattern}$"},
    (Duration, "months"): {"type": "integer", "minimum": 0, "maximum": MAX_MONTHS},
    (Duration, "days"): {"type": "integer", "minimum": 0, "maximum": MAX_DAYS},
    (Market, "beneficiaries"): {"type": "integer", "minimum": 1},
    (Changes, "market_beneficiaries"): {"type": "integer", "minimum": 1},
}
#: Fields that are a number of months of the experiment.
_MONTH_COUNT: Final = {"type": "integer", "minimum": 1, "maximum": MAX_MONTHS}


def _ref(cls: type) -> dict[str, Any]:
    return {"$ref": f"#/$defs/{cls.__name__}"}


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    return {"anyOf": [schema, {"type": "null"}]}


def _inner_validator(validator: Any) -> Any:
    """The validator an ``optional(...)`` wraps, or the validator itself."""
    return getattr(validator, "validator", validator)


def _field_schema(cls: type, field: attrs.Attribute[Any], hint: Any, defs: dict[str, Any]) -> Any:
    known = next(
        (
            schema
            for (owner, name), schema in _FIELDS.items()
            if name == field.name and issubclass(cls, owner)
        ),
        None,
    )
    validator = _inner_validator(field.validator)
    if known is None and validator is _validators.month_count:
        known = _MONTH_COUNT
    if known is None:
        known = _TEXTS.get(validator)
    if known is None:
        return _type_schema(hint, defs, field.name)
    optional = type(None) in typing.get_args(hint)
    return _nullable(dict(known)) if optional else dict(known)


def _type_schema(hint: Any, defs: dict[str, Any], name: str = "") -> dict[str, Any]:
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        options = [_type_schema(arg, defs, name) for arg in args if arg is not type(None)]
        schema = options[0] if len(options) == 1 else {"anyOf": options}
        return _nullable(schema) if type(None) in args else schema
    if origin is tuple:
        items: dict[str, Any] = {"type": "array", "items": _type_schema(args[0], defs)}
        if name in MAX_ITEMS:
            items["maxItems"] = MAX_ITEMS[name]
        if args[0] is str:  # the objectives: at least one
            items["items"] = _text("line")
            items["minItems"] = 1
        return items
    if hint is Event:
        for cls in EVENT_TYPES.values():
            _define(cls, defs, event=True)
        return {"oneOf": [_ref(cls) for cls in EVENT_TYPES.values()]}
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return {"enum": [member.value for member in hint]}
    if hint is bool:
        return {"type": "boolean"}
    if hint is int:
        return {"type": "integer"}
    if hint is str:
        return {"type": "string", "minLength": 1}
    if hint is dt.date:
        return dict(_DATE)
    if hint is Decimal:
        return dict(_AMOUNT)
    if attrs.has(hint):
        _define(hint, defs)
        return _ref(hint)
    raise TypeError(f"no JSON Schema for {hint!r}")  # pragma: no cover - a new field type


def _required_not_null(name: str) -> dict[str, Any]:
    return {"required": [name], "properties": {name: {"not": {"type": "null"}}}}


def _conditions(cls: type) -> list[dict[str, Any]]:
    """What one object's fields say of each other, where JSON Schema can say it."""
    if cls is BreachRecorded:
        ready = Obligation.READY_ON_PLANNED_DATE.value
        return [
            {  # « other »: say what the obligation is
                "if": {"properties": {"obligation": {"const": Obligation.OTHER.value}}},
                "then": _required_not_null("details"),
            },
            {  # impeding is by nature for not being ready; to be said for the others
                "if": {"properties": {"obligation": {"not": {"const": ready}}}},
                "then": _required_not_null("impedes_experiment"),
                "else": {"properties": {"impedes_experiment": {"not": {"const": False}}}},
            },
        ]
    if cls is Termination:
        breach_grounds = [ground.value for ground in Ground if ground.names_breach]
        return [
            {
                "if": {
                    "properties": {"ground": {"const": Ground.GENERAL_INTEREST.value}},
                },
                "else": {"properties": {"basis": {"type": "null"}}},
            },
            {
                "if": {"properties": {"ground": {"enum": breach_grounds}}},
                "else": {"properties": {"breach": {"type": "null"}}},
            },
        ]
    if cls is Changes:
        return [{"anyOf": [_required_not_null(field.name) for field in attrs.fields(Changes)]}]
    if cls is Duration:
        return [
            {
                "not": {
                    "properties": {"months": {"const": 0}, "days": {"const": 0}},
                    "required": ["months", "days"],
                },
            },
            {"anyOf": [{"required": ["months"]}, {"required": ["days"]}]},
        ]
    return []


def _define(cls: type, defs: dict[str, Any], *, event: bool = False) -> None:
    if cls.__name__ in defs:
        return
    defs[cls.__name__] = {}  # reserve the name: classes may refer to each other
    hints = typing.get_type_hints(cls)
    properties: dict[str, Any] = {}
    required: list[str] = []
    if event:
        properties["type"] = {"const": typing.cast("type[Event]", cls).type}
        required.append("type")
    for field in attrs.fields(cls):
        properties[field.name] = _field_schema(cls, field, hints[field.name], defs)
        if field.default is attrs.NOTHING:
            required.append(field.name)
    schema: dict[str, Any] = {
        "type": "object",
        "properties": properties,
        "required": required,
        "additionalProperties": False,
    }
    conditions = _conditions(cls)
    if conditions:
        schema["allOf"] = conditions
    description = _DESCRIPTIONS.get(cls.__name__)
    if description is not None:
        schema["description"] = description
    defs[cls.__name__] = schema


#: What each object of the file is, for the person who edits it (message ids).
_DESCRIPTIONS: Final = {
    "Convention": N_(
        "One convention d'engagement: the parties, the experiment, the market, the events."
    ),
    "PublicBody": N_("The beneficiary: a public body (commune, EPT, public establishment…)."),
    "Representative": N_(
        "Who signs for the beneficiary: « représenté par son [Statut] [Genre] [Nom] »."
    ),
    "Referent": N_("The project referent (Art. 4): the Métropole's contact at the beneficiary."),
    "Experiment": N_("The experiment (Art. 1, Art. 5)."),
    "CalendarStep": N_(
        "One step of the deployment calendar (Art. 5 al. 2: « [Préciser les étapes et durée] »)."
    ),
    "Duration": N_("A duration in months and days (months by CPC 641 al. 2, then days, al. 3)."),
    "Market": N_("The public market of the experiment (Art. 1, Art. 12 al. 3)."),
    "Changes": N_("What an amendment changes (Art. 11); a field left out is unchanged."),
    "WithdrawnEvent": N_(
        "An event taken back as a mistake (mgp-convention withdraw), kept in the file with "
        "the reason."
    ),
    "Signature": N_("A party signs the convention (Art. 2)."),
    "DelayReported": N_(
        "The planned start is missed, with its cause (Art. 5 al. 3–5); the latest report "
        "decides the current cause."
    ),
    "BeneficiaryReady": N_(
        "The beneficiary states it can host the experiment (Art. 5 al. 3): it is no longer "
        "the cause of the delay."
    ),
    "ExperimentStarted": N_(
        "The solution is deployed and in use: the period of use starts (Art. 5)."
    ),
    "BreachRecorded": N_(
        "A breach by the beneficiary of one of its obligations (Art. 9, Art. 12 al. 1)."
    ),
    "FormalNoticeSent": N_(
        "The registered letter with acknowledgement of receipt is sent (Art. 12 al. 2)."
    ),
    "BreachRemedied": N_("The beneficiary remedies the breach (Art. 12 al. 2)."),
    "JustificationsExamined": N_(
        "Art. 9: « après examen des justificatifs présentés par le Bénéficiaire »."
    ),
    "RepresentativesHeard": N_("Art. 9: « et après avoir entendu ses représentants »."),
    "ExperimentStopped": N_(
        "Art. 9: the Métropole « peut décider de la fin de l'expérimentation » for a "
        "breach; the convention stays in force."
    ),
    "ProcurementUnsuccessful": N_(
        "The public procurement of Art. 3 was unsuccessful (« sous réserve du caractère "
        "fructueux de ladite procédure »)."
    ),
    "AmendmentSigned": N_("An amendment (avenant) signed by the parties (Art. 11)."),
    "Termination": N_(
        "The convention is terminated early, on a ground, by a party or by the judge."
    ),
}


def _said(node: Any, lang: Lang) -> Any:
    """``node`` with every description said in ``lang``."""
    if isinstance(node, dict):
        return {
            key: gettext_in(lang, value) if key == "description" else _said(value, lang)
            for key, value in node.items()
        }
    if isinstance(node, list):
        return [_said(item, lang) for item in node]
    return node


def json_schema(lang: Lang = "fr") -> dict[str, Any]:
    """The JSON Schema of a convention file (version :data:`SCHEMA_VERSION`), its
    descriptions in ``lang``."""
    defs: dict[str, Any] = {}
    _define(Convention, defs)
    root = defs.pop(Convention.__name__)
    root["properties"]["schema_version"] = {"const": SCHEMA_VERSION}
    root["required"] = ["schema_version", *root["required"]]
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "Convention d'engagement « ApproprIAtion Métropolitaine »",
        **root,
        "$defs": dict(sorted(defs.items())),
    }
    return typing.cast("dict[str, Any]", _said(schema, lang))
