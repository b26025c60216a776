"""A JSON Schema (draft 2020-12) of the convention file, generated from the code.

The schema is built by reading the attrs classes of the data model and their type
hints, so it cannot drift from what :func:`mgp_convention.io.loads` accepts. It checks
the shape (keys, types, enumerations, date and amount formats); the rules that relate
several values (dates in order, SIREN check digit, the lifecycle) are the library's.

>>> schema = json_schema()
>>> schema["properties"]["schema_version"]
{'const': 1}
>>> schema["additionalProperties"]
False
"""

from __future__ import annotations

import datetime as dt
import enum
import types
import typing
from decimal import Decimal
from typing import Any

import attrs

from mgp_convention.convention import SCHEMA_VERSION, Convention
from mgp_convention.events import EVENT_TYPES, Event

__all__ = ["SCHEMA_ID", "json_schema"]

SCHEMA_ID = "https://mgp-convention.invalid/schema/convention-v1.json"

_DATE = {"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "format": "date"}
_AMOUNT = {
    "description": 'An amount in euros, written as a string with a dot: "12500.00".',
    "oneOf": [
        {"type": "string", "pattern": "^[0-9]+(\\.[0-9]{1,2})?$"},
        {"type": "integer", "minimum": 0},
    ],
}


def _ref(cls: type) -> dict[str, Any]:
    return {"$ref": f"#/$defs/{cls.__name__}"}


def _type_schema(hint: Any, defs: dict[str, Any]) -> dict[str, Any]:
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        options = [_type_schema(arg, defs) for arg in args if arg is not type(None)]
        schema = options[0] if len(options) == 1 else {"anyOf": options}
        return {"anyOf": [schema, {"type": "null"}]} if type(None) in args else schema
    if origin is tuple:
        return {"type": "array", "items": _type_schema(args[0], defs)}
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
        properties[field.name] = _type_schema(hints[field.name], defs)
        if field.default is attrs.NOTHING:
            required.append(field.name)
    schema: dict[str, Any] = {
        "type": "object",
        "properties": properties,
        "required": required,
        "additionalProperties": False,
    }
    if cls.__doc__:
        schema["description"] = cls.__doc__.strip().splitlines()[0]
    defs[cls.__name__] = schema


def json_schema() -> dict[str, Any]:
    """The JSON Schema of a convention file (version :data:`SCHEMA_VERSION`)."""
    defs: dict[str, Any] = {}
    _define(Convention, defs)
    root = defs.pop(Convention.__name__)
    root["properties"]["schema_version"] = {"const": SCHEMA_VERSION}
    root["required"] = ["schema_version", *root["required"]]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "Convention d'engagement « ApproprIAtion Métropolitaine »",
        **root,
        "$defs": dict(sorted(defs.items())),
    }
