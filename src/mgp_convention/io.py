"""The convention file: versioned JSON, one convention per file, read and written by
a cattrs converter the package owns (:data:`converter`).

Reading is strict and reports **every** problem, each with its JSON path
(``$.beneficiary.siren``): unknown keys are refused (a misspelt key must not be
silently ignored), amounts are strings (``"125000.00"``: a JSON number with a
decimal point is a float and is refused), dates are ``YYYY-MM-DD``.

>>> from mgp_convention.io import dumps, loads
>>> from mgp_convention.examples import example_convention
>>> convention = example_convention()
>>> loads(dumps(convention)) == convention
True
"""

from __future__ import annotations

import datetime as dt
import difflib
import enum
import json
import re
import typing
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import attrs
import cattrs
from cattrs.gen import make_dict_unstructure_fn

from mgp_convention.convention import Convention, coherence_problems
from mgp_convention.errors import ConventionError, FileFormatError, LoadError, Problem, shown
from mgp_convention.events import (
    EVENT_TYPES,
    DelayCause,
    Event,
    GeneralInterestBasis,
    Ground,
    Obligation,
    Party,
    TerminatedBy,
)
from mgp_convention.parties import BodyKind

__all__ = [
    "FolderLoad",
    "converter",
    "dump_path",
    "dumps",
    "load_folder",
    "load_path",
    "loads",
    "structure",
    "unstructure",
]

converter = cattrs.Converter()
"""The package's own converter (never cattrs' global one)."""

_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_AMOUNT = re.compile(r"-?[0-9]+(\.[0-9]+)?")
_SURROGATE = re.compile("[\ud800-\udfff]")
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
#: More digits than any amount in euros of a public market (a thousand billion euros).
_AMOUNT_MAX_DIGITS = 15


class _Invalid(Exception):
    """A leaf value that cannot be read; becomes a :class:`Problem` at its path."""


def _kind(value: Any) -> str:
    return {
        dict: "an object",
        list: "a list",
        str: "a string",
        bool: "true/false",
        int: "a whole number",
        float: "a decimal number",
        type(None): "null",
    }.get(type(value), type(value).__name__)


# --- leaf hooks: strict, no coercion ---------------------------------------------------


def _structure_str(value: Any, _: type) -> str:
    if not isinstance(value, str):
        raise _Invalid(f"expected a string, got {_kind(value)}")
    if _SURROGATE.search(value):
        raise _Invalid("the text holds an unpaired surrogate (U+D800 to U+DFFF): not Unicode text")
    return value


def _structure_int(value: Any, _: type) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise _Invalid(f"expected a whole number, got {_kind(value)}")
    return value


def _structure_bool(value: Any, _: type) -> bool:
    if not isinstance(value, bool):
        raise _Invalid(f"expected true or false, got {_kind(value)}")
    return value


def _structure_date(value: Any, _: type) -> dt.date:
    if not isinstance(value, str) or not _DATE.fullmatch(value):
        raise _Invalid(f"expected a date written YYYY-MM-DD, got {shown(value)}")
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise _Invalid(f"{shown(value)} is not a day of the calendar") from None


def _structure_decimal(value: Any, _: type) -> Decimal:
    if isinstance(value, float):
        raise _Invalid(
            f"the amount {shown(value)} is a JSON float, which cannot hold cents exactly: "
            f'write it as a string, e.g. "{value:.2f}"'
        )
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise _Invalid(f'expected an amount as a string, e.g. "12500.00", got {_kind(value)}')
    text = str(value)
    if "," in text:
        raise _Invalid(f'{shown(text)}: write amounts with a dot for decimals, e.g. "12500.50"')
    if not _AMOUNT.fullmatch(text):
        raise _Invalid(f'{shown(text)} is not an amount in euros, e.g. "12500.00"')
    if len(text.lstrip("-").split(".")[0].lstrip("0")) > _AMOUNT_MAX_DIGITS:
        raise _Invalid(f"{shown(text)} is too large for an amount in euros")
    try:
        return Decimal(text)
    except InvalidOperation:  # pragma: no cover - the pattern above rules it out
        raise _Invalid(f"{shown(text)} is not an amount") from None


def _structure_enum(cls: type[enum.Enum]) -> Callable[[Any, type], enum.Enum]:
    allowed = {member.value: member for member in cls}

    def structure(value: Any, _: type) -> enum.Enum:
        if isinstance(value, str) and value in allowed:
            return allowed[value]
        raise _Invalid(f"{shown(value)} is not one of: {', '.join(map(str, allowed))}")

    return structure


converter.register_structure_hook(str, _structure_str)
converter.register_structure_hook(int, _structure_int)
converter.register_structure_hook(bool, _structure_bool)
converter.register_structure_hook(dt.date, _structure_date)
converter.register_structure_hook(Decimal, _structure_decimal)
# Hooks registered by class also catch subclasses (the `str` hook would take a StrEnum),
# so each enumeration of the file format gets its own, more specific, hook.
for _enum in (BodyKind, Party, DelayCause, Obligation, Ground, TerminatedBy, GeneralInterestBasis):
    converter.register_structure_hook(_enum, _structure_enum(_enum))

# --- composite hooks: collect every problem with its path ------------------------------


def _member(key: str) -> str:
    """The JSON path step of an object's key: ``.name``, or ``["odd key"]`` escaped."""
    return f".{key}" if _NAME.fullmatch(key) else f"[{json.dumps(key)}]"


def _prefixed(prefix: str, error: LoadError) -> list[Problem]:
    return [attrs.evolve(p, path=prefix + p.path) for p in error.problems]


def _structure_at(value: Any, type_: Any, path: str, problems: list[Problem]) -> Any:
    """Structure ``value`` as ``type_``, appending any problem (with ``path``)."""
    try:
        return converter.structure(value, type_)
    except LoadError as err:
        problems.extend(_prefixed(path, err))
        if isinstance(err, _PartialLoadError):
            return _Partial(err.partial)
    except _Invalid as err:
        problems.append(Problem(path, str(err)))
    except ConventionError as err:
        field = f".{err.field}" if err.field else ""
        problems.append(Problem(path + field, err.message, err.article))
    return _FAILED


_FAILED: Any = object()


class _Partial(dict[str, Any]):
    """The fields of a nested object that loaded, when some of its fields did not."""


class _PartialLoadError(LoadError):
    """A :class:`LoadError` that keeps the fields of the object that did load."""

    def __init__(self, problems: list[Problem], partial: dict[str, Any]) -> None:
        super().__init__(problems)
        self.partial = partial


def _structure_tuple(type_: Any) -> Callable[[Any, Any], tuple[Any, ...]]:
    (item_type, _ellipsis) = typing.get_args(type_)

    def structure(value: Any, _: Any) -> tuple[Any, ...]:
        if not isinstance(value, list):
            raise _Invalid(f"expected a list, got {_kind(value)}")
        problems: list[Problem] = []
        items = [
            _structure_at(item, item_type, f"[{index}]", problems)
            for index, item in enumerate(value)
        ]  # a failed item leaves a problem behind, so `items` is then discarded
        if problems:
            raise LoadError(problems)
        return tuple(items)

    return structure


def _is_homogeneous_tuple(type_: Any) -> bool:
    args = typing.get_args(type_)
    return typing.get_origin(type_) is tuple and len(args) == 2 and args[1] is Ellipsis


def _build(cls: type, value: Any, *, skip: frozenset[str] = frozenset()) -> Any:
    """Structure an attrs class from a JSON object, collecting every problem."""
    if not isinstance(value, dict):
        raise _Invalid(f"expected an object, got {_kind(value)}")
    fields = {f.name: f for f in attrs.fields(cls)}
    hints = typing.get_type_hints(cls)
    problems: list[Problem] = []
    for key in value:
        if key not in fields and key not in skip:
            close = difflib.get_close_matches(str(key), fields, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            problems.append(Problem(_member(key), f"unknown key {shown(key)}{hint}"))
    values: dict[str, Any] = {}
    partial: dict[str, Any] = {}
    for name, field in fields.items():
        if name not in value:
            if field.default is attrs.NOTHING:
                problems.append(Problem(f".{name}", "required key is missing"))
            continue
        result = _structure_at(value[name], hints[name], f".{name}", problems)
        if isinstance(result, _Partial):
            partial[name] = result
        elif result is not _FAILED:
            values[name] = result
    # Coherence rules see what loaded, and the parts of nested objects that did, so a
    # date out of order is reported even when a sibling field is wrong.
    for problem in coherence_problems(cls, {**partial, **values}):
        field = f".{problem.field}" if problem.field else ""
        problems.append(Problem(field, problem.message, problem.article))
    if problems:
        raise _PartialLoadError(problems, values)
    try:
        return cls(**values)
    except ConventionError as err:
        field = f".{err.field}" if err.field else ""
        raise LoadError([Problem(field, err.message, err.article)]) from None


def _structure_event(value: Any, _: type) -> Event:
    if not isinstance(value, dict):
        raise _Invalid(f"expected an event object, got {_kind(value)}")
    kind = value.get("type")
    if not isinstance(kind, str):
        raise LoadError([Problem(".type", f"required: one of {', '.join(EVENT_TYPES)}")])
    cls = EVENT_TYPES.get(kind)
    if cls is None:
        close = difflib.get_close_matches(kind, EVENT_TYPES, n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        raise LoadError([Problem(".type", f"unknown event type {shown(kind)}{hint}")])
    event: Event = _build(cls, value, skip=frozenset({"type"}))
    return event


converter.register_structure_hook(Event, _structure_event)
converter.register_structure_hook_factory(_is_homogeneous_tuple, _structure_tuple)
converter.register_structure_hook_factory(
    attrs.has, lambda cls: lambda value, _: _build(cls, value)
)

# --- unstructuring: JSON-ready values --------------------------------------------------

converter.register_unstructure_hook(dt.date, dt.date.isoformat)
converter.register_unstructure_hook(Decimal, lambda d: f"{d:.2f}")
_EVENT_UNSTRUCTURE = {
    kind: make_dict_unstructure_fn(cls, converter) for kind, cls in EVENT_TYPES.items()
}


def _unstructure_event(event: Event) -> dict[str, Any]:
    return {"type": event.type, **_EVENT_UNSTRUCTURE[event.type](event)}


converter.register_unstructure_hook(Event, _unstructure_event)


# --- the public functions ----------------------------------------------------------------


_BREACH_EVENTS = frozenset(
    {
        "formal_notice_sent",
        "breach_remedied",
        "justifications_examined",
        "representatives_heard",
    }
)


def migrate_v1(data: dict[str, Any]) -> dict[str, Any]:
    """A version 1 file's data as version 2: each breach gets its label (``B1``, ``B2``…
    in order of recording), and the events that concern it name it (version 1 had one
    breach open at a time). Anything else is left for the loader to judge."""
    events = data.get("events")
    migrated = {**data, "schema_version": 2}
    if not isinstance(events, list):
        return migrated
    count = 0
    current: str | None = None
    new_events: list[Any] = []
    for event in events:
        if isinstance(event, dict):
            kind = event.get("type")
            if kind == "breach_recorded" and "breach" not in event:
                count += 1
                current = f"B{count}"
                event = {**event, "breach": current}
            elif (
                current is not None
                and "breach" not in event
                and (
                    kind in _BREACH_EVENTS
                    or (kind == "termination" and event.get("ground") in ("breach", "sanction"))
                )
            ):
                event = {**event, "breach": current}
        new_events.append(event)
    migrated["events"] = new_events
    return migrated


def structure(data: Any) -> Convention:
    """A :class:`Convention` from parsed JSON, or :class:`LoadError` listing every problem.

    A version 1 file is read as version 2 (:func:`migrate_v1`)."""
    if isinstance(data, dict) and data.get("schema_version") == 1:
        data = migrate_v1(data)
    try:
        convention: Convention = converter.structure(data, Convention)
    except LoadError as err:
        raise LoadError(_prefixed("$", err)) from None
    except _Invalid as err:
        raise LoadError([Problem("$", str(err))]) from None
    return convention


def unstructure(convention: Convention) -> dict[str, Any]:
    """The JSON-ready ``dict`` of a convention (``schema_version`` first)."""
    data: dict[str, Any] = converter.unstructure(convention)
    return {"schema_version": data.pop("schema_version"), **data}


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise FileFormatError(f"the key {shown(key)} appears twice in the same object")
        result[key] = value
    return result


def _reject_constant(name: str) -> Any:
    raise FileFormatError(f"{name} is not valid JSON")


def loads(text: str | bytes) -> Convention:
    """Read a convention from JSON text (UTF-8 when given bytes)."""
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as err:
            raise FileFormatError(
                f"the file is not UTF-8 text (byte {err.start}): save it as UTF-8"
            ) from None
    try:
        data = json.loads(
            text, object_pairs_hook=_no_duplicate_keys, parse_constant=_reject_constant
        )
    except json.JSONDecodeError as err:
        raise FileFormatError(
            f"not valid JSON: {err.msg} (line {err.lineno}, column {err.colno})"
        ) from None
    except ValueError as err:  # e.g. an integer beyond Python's limit of digits
        raise FileFormatError(f"not a convention: {str(err).split(':')[0]}") from None
    except RecursionError:
        raise FileFormatError("not a convention: the JSON is nested too deeply") from None
    return structure(data)


def dumps(convention: Convention) -> str:
    """The convention as JSON text (UTF-8, indented, ending with a newline)."""
    return json.dumps(unstructure(convention), ensure_ascii=False, indent=2) + "\n"


def load_path(path: str | Path) -> Convention:
    """Read a convention file; a file that cannot be read is a :class:`FileFormatError`."""
    try:
        data = Path(path).read_bytes()
    except OSError as err:
        raise FileFormatError(f"cannot read {str(path)!r}: {err.strerror}") from None
    return loads(data)


def dump_path(convention: Convention, path: str | Path) -> None:
    """Write a convention file."""
    Path(path).write_text(dumps(convention), encoding="utf-8")


@attrs.frozen
class FolderLoad:
    """The conventions of a folder: those that loaded, and the files that did not.

    ``loaded`` and ``failed`` keep the files' sorted order; a file that fails does not
    hide the others.
    """

    loaded: tuple[tuple[Path, Convention], ...]
    failed: tuple[tuple[Path, ConventionError], ...]


def load_folder(folder: str | Path, *, pattern: str = "*.json") -> FolderLoad:
    """Load every convention file of ``folder`` (not its sub-folders), in name order."""
    path = Path(folder)
    if not path.is_dir():
        raise FileFormatError(f"{str(path)!r} is not a folder", field=str(path))
    loaded: list[tuple[Path, Convention]] = []
    failed: list[tuple[Path, ConventionError]] = []
    for file in sorted(path.glob(pattern)):
        if not file.is_file():
            continue
        try:
            loaded.append((file, load_path(file)))
        except ConventionError as err:
            failed.append((file, err))
    return FolderLoad(tuple(loaded), tuple(failed))
