"""The package's cattrs converter of the convention file (:data:`converter`).

cattrs *is* the JSON layer: each attrs class of the data model gets its structure and
unstructure functions generated once, the first time it is met
(``cattrs.gen.make_dict_structure_fn`` and ``make_dict_unstructure_fn``, cached by the
converter), with ``forbid_extra_keys`` (a misspelt key is refused, not ignored) and
``detailed_validation`` (every problem of a file is collected). What this module adds
is the contract of the file:

- strict leaves: a text is a JSON string without lone surrogates, a whole number is
  not ``true`` nor ``2.0``, a date is written ``YYYY-MM-DD``, an amount is a string
  with a dot (a JSON float cannot hold cents and is refused), an enumeration's value
  is one of its values, spelt exactly;
- an object must be a JSON object and a list a JSON list (cattrs alone would iterate a
  string or the keys of an object), of at most :data:`MAX_LIST_ITEMS` items;
- the events are a tagged union: the ``type`` of an event is looked up in
  :data:`~mgp_convention.events.EVENT_TYPES` (a mapping: no attribute look-up is driven
  by file content), with a "did you mean" for a misspelt type;
- when an object fails, the fields of it that did load are kept on the error
  (:class:`Loaded`), so that the coherence rules and the field validators of the data
  model still run on them and every problem is reported at once
  (:mod:`mgp_convention._problems` turns the errors into problems).

The file's canonical layout comes out of :func:`unstructure`: every field (``null``
when absent), ``schema_version`` first, each event's ``type`` first.

Why over 400 lines: one structure hook per kind of JSON leaf (text, whole number, date,
amount, enumeration, tuple, optional) plus the class and event hooks, each with the
error it gives: split, the file's contract would be read in several places.
"""

from __future__ import annotations

import datetime as dt
import difflib
import enum
import re
import types
import typing
from collections.abc import Callable, Mapping
from decimal import Decimal, InvalidOperation
from typing import Any, Final

import attrs
import cattrs
from cattrs.cols import homogenous_tuple_structure_factory
from cattrs.errors import ClassValidationError
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn

from mgp_convention._coherence import coherence_problems
from mgp_convention._validators import MAX_ITEMS
from mgp_convention.convention import Convention
from mgp_convention.errors import ConventionError, LoadError, Problem, shown
from mgp_convention.events import EVENT_TYPES, Event
from mgp_convention.i18n import N_, Message

__all__ = [
    "MAX_LIST_ITEMS",
    "Invalid",
    "JSONFloat",
    "Loaded",
    "converter",
    "kind_of",
    "member",
    "unstructure",
]

converter: Final = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
"""The package's own converter of the file (never cattrs' global one)."""

#: No list of a file holds more items than the longest list of the model may; a
#: longer one is refused before any of its items is read.
MAX_LIST_ITEMS: Final = max(MAX_ITEMS.values())

_DATE: Final = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_AMOUNT: Final = re.compile(r"-?[0-9]+(\.[0-9]+)?")
_SURROGATE: Final = re.compile("[\ud800-\udfff]")
_NAME: Final = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
#: More digits than any amount in euros of a public market (a thousand billion euros).
_AMOUNT_MAX_DIGITS: Final = 15

# --- the messages, one place each (English ids with placeholders, for i18n.Message) ----

MSG_EXPECTED: Final = N_("expected {what}, got {got}")
MSG_SURROGATE: Final = N_(
    "the text holds an unpaired surrogate (U+D800 to U+DFFF): not Unicode text"
)
MSG_DATE_FORMAT: Final = N_("expected a date written YYYY-MM-DD, got {value}")
MSG_NOT_A_DAY: Final = N_("{value} is not a day of the calendar")
MSG_FLOAT_AMOUNT: Final = N_(
    "the amount {value} is a JSON float, which cannot hold cents exactly: "
    "write it as a string{example}"
)
MSG_FLOAT_EXAMPLE: Final = N_(', e.g. "{amount}"')
MSG_AMOUNT_TYPE: Final = N_('expected an amount as a string, e.g. "12500.00", got {got}')
MSG_AMOUNT_COMMA: Final = N_('{value}: write amounts with a dot for decimals, e.g. "12500.50"')
MSG_NOT_AN_AMOUNT: Final = N_('{value} is not an amount in euros, e.g. "12500.00"')
MSG_AMOUNT_TOO_LARGE: Final = N_("{value} is too large for an amount in euros")
MSG_NOT_ONE_OF: Final = N_("{value} is not one of: {allowed}")
MSG_TOO_MANY_ITEMS: Final = N_("too many items: {count}, at most {limit}")
MSG_EVENT_TYPE_REQUIRED: Final = N_("required: one of {types}")
MSG_UNKNOWN_EVENT_TYPE: Final = N_("unknown event type {value}{hint}")
MSG_DID_YOU_MEAN: Final = N_(" (did you mean {close!r}?)")


def say(msgid: str, **params: Any) -> Message:
    """The message ``msgid`` with its ``params``, said in a language when it is shown."""
    return Message(msgid, params)


class Invalid(Exception):
    """A value of the file that cannot be read; becomes a problem at its JSON path."""

    def __init__(self, message: str | Message) -> None:
        super().__init__(message)
        self.message = message


@attrs.frozen
class JSONFloat:
    """A JSON number with a fraction or an exponent, kept as written (``180000.5``,
    ``1e400``): never a Python float, so that nothing reads it as money or as a count,
    and a message shows it as the file has it."""

    text: str


_KINDS: Final[Mapping[type, str]] = {
    dict: N_("an object"),
    list: N_("a list"),
    str: N_("a string"),
    bool: N_("true/false"),
    int: N_("a whole number"),
    JSONFloat: N_("a decimal number"),
    float: N_("a decimal number"),
    type(None): "null",
}

_WHAT_OBJECT: Final = N_("an object")
_WHAT_EVENT: Final = N_("an event object")
_WHAT_LIST: Final = N_("a list")
_WHAT_STRING: Final = N_("a string")
_WHAT_WHOLE: Final = N_("a whole number")
_WHAT_BOOL: Final = N_("true or false")


def kind_of(value: Any) -> Message:
    """What a JSON value is, in words (``an object``, ``a decimal number``…)."""
    return Message(_KINDS.get(type(value), type(value).__name__))


def _shown(value: Any) -> str | Message:
    return value.text[:40] if isinstance(value, JSONFloat) else shown(value)


def member(key: str) -> str:
    """The JSON path step of an object's key: ``.name``, or ``["odd key"]``, escaped
    (a control character, a line break or a surrogate of a key never reaches a
    terminal raw).

    >>> member("siren"), member("key with space"), member("a\\nb")
    ('.siren', '["key with space"]', '["a\\\\nb"]')
    """
    import json  # noqa: PLC0415 - the only use, on the error path

    return f".{key}" if _NAME.fullmatch(key) else f"[{json.dumps(key)}]"


def did_you_mean(value: str, choices: typing.Iterable[str]) -> str | Message:
    """``" (did you mean 'x'?)"`` for the closest of ``choices``, or ``""``."""
    close = difflib.get_close_matches(value, list(choices), n=1)
    return say(MSG_DID_YOU_MEAN, close=close[0]) if close else ""


# --- leaf hooks: strict, no coercion -----------------------------------------------------


def _structure_str(value: Any, _: type) -> str:
    if type(value) is not str:
        raise Invalid(say(MSG_EXPECTED, what=Message(_WHAT_STRING), got=kind_of(value)))
    if _SURROGATE.search(value):
        raise Invalid(Message(MSG_SURROGATE))
    return value


def _structure_int(value: Any, _: type) -> int:
    if type(value) is not int:
        raise Invalid(say(MSG_EXPECTED, what=Message(_WHAT_WHOLE), got=kind_of(value)))
    return value


def _structure_bool(value: Any, _: type) -> bool:
    if type(value) is not bool:
        raise Invalid(say(MSG_EXPECTED, what=Message(_WHAT_BOOL), got=kind_of(value)))
    return value


def _structure_date(value: Any, _: type) -> dt.date:
    if type(value) is not str or not _DATE.fullmatch(value):
        raise Invalid(say(MSG_DATE_FORMAT, value=_shown(value)))
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise Invalid(say(MSG_NOT_A_DAY, value=shown(value))) from None


def _float_example(value: JSONFloat) -> str | Message:
    try:
        number = Decimal(value.text)
    except InvalidOperation:  # pragma: no cover - the JSON parser gives a number's text
        return ""
    if not number.is_finite() or number.adjusted() >= _AMOUNT_MAX_DIGITS or number < 0:
        return ""
    return say(MSG_FLOAT_EXAMPLE, amount=str(number.quantize(Decimal("0.01"))))


def _structure_decimal(value: Any, _: type) -> Decimal:
    if type(value) is float:  # parsed by another JSON reader than :func:`~mgp_convention.io.loads`
        value = JSONFloat(repr(value))
    if type(value) is JSONFloat:
        raise Invalid(say(MSG_FLOAT_AMOUNT, value=_shown(value), example=_float_example(value)))
    if type(value) not in (int, str):
        raise Invalid(say(MSG_AMOUNT_TYPE, got=kind_of(value)))
    if type(value) is int and value.bit_length() > 64:
        raise Invalid(say(MSG_AMOUNT_TOO_LARGE, value=shown(value)))
    text = str(value)
    if "," in text:
        raise Invalid(say(MSG_AMOUNT_COMMA, value=shown(text)))
    if not _AMOUNT.fullmatch(text):
        raise Invalid(say(MSG_NOT_AN_AMOUNT, value=shown(text)))
    if len(text.lstrip("-").split(".")[0].lstrip("0")) > _AMOUNT_MAX_DIGITS:
        raise Invalid(say(MSG_AMOUNT_TOO_LARGE, value=shown(text)))
    return Decimal(text)


def _enum_hook(cls: type[enum.Enum]) -> Callable[[Any, Any], enum.Enum]:
    """The hook of one enumeration (generated once): its values, spelt exactly."""
    allowed = {member.value: member for member in cls}
    listed = ", ".join(map(str, allowed))

    def structure(value: Any, _: Any) -> enum.Enum:
        if type(value) is str and value in allowed:
            return allowed[value]
        raise Invalid(say(MSG_NOT_ONE_OF, value=_shown(value), allowed=listed))

    return structure


def _model_enums(root: type) -> set[type[enum.Enum]]:
    """Every enumeration a field of ``root`` or of a class it holds is typed with
    (cattrs dispatches on the class first: a ``StrEnum`` would get the hook of
    ``str``, so each enumeration is registered for itself)."""
    found: set[type[enum.Enum]] = set()
    seen: set[type] = set()
    todo: list[Any] = [root, *EVENT_TYPES.values()]
    while todo:
        hint = todo.pop()
        if isinstance(hint, type) and issubclass(hint, enum.Enum):
            found.add(hint)
        elif isinstance(hint, type) and attrs.has(hint) and hint not in seen:
            seen.add(hint)
            todo.extend(typing.get_type_hints(hint).values())
        else:
            todo.extend(typing.get_args(hint))
    return found


def _exactly(type_: type) -> Callable[[Any], bool]:
    """A predicate for ``type_`` itself, not its subclasses."""
    return lambda candidate: candidate is type_


# --- lists: a JSON list, bounded, then cattrs' own tuple hook ---------------------------


def _is_homogeneous_tuple(type_: Any) -> bool:
    args = typing.get_args(type_)
    return typing.get_origin(type_) is tuple and len(args) == 2 and args[1] is Ellipsis


def _tuple_hook(type_: Any) -> Callable[[Any, Any], tuple[Any, ...]]:
    items = homogenous_tuple_structure_factory(type_, converter)

    def structure(value: Any, _: Any) -> tuple[Any, ...]:
        if type(value) is not list:
            raise Invalid(say(MSG_EXPECTED, what=Message(_WHAT_LIST), got=kind_of(value)))
        if len(value) > MAX_LIST_ITEMS:
            raise Invalid(say(MSG_TOO_MANY_ITEMS, count=len(value), limit=MAX_LIST_ITEMS))
        result: tuple[Any, ...] = items(value, type_)
        return result

    return structure


# --- optional values: the inner hook found once ---------------------------------------


def _is_optional(type_: Any) -> bool:
    args = typing.get_args(type_)
    return (
        typing.get_origin(type_) in (typing.Union, types.UnionType)
        and len(args) == 2
        and type(None) in args
    )


def _optional_hook(type_: Any) -> Callable[[Any, Any], Any]:
    """``X | None``: ``None``, or the hook of ``X``, found once (cattrs' own optional
    hook looks it up on every value)."""
    inner_type = next(arg for arg in typing.get_args(type_) if arg is not type(None))
    inner = converter.get_structure_hook(inner_type)

    def structure(value: Any, _: Any) -> Any:
        return None if value is None else inner(value, inner_type)

    return structure


# --- classes: cattrs' generated function, and what loaded when it fails -----------------


@attrs.frozen
class Loaded:
    """What is known of an object that failed to load, attached to its
    ``ClassValidationError``: ``values`` the fields that loaded (a nested object that
    failed gives the mapping of *its* loaded fields), ``problems`` the field
    validators' and the coherence rules' problems found on them, ``keys`` the object's
    keys in the file's order."""

    cls: type
    values: Mapping[str, Any]
    problems: tuple[ConventionError, ...]
    keys: tuple[str, ...]


#: The attribute of a ``ClassValidationError`` that holds its :class:`Loaded`.
LOADED_ATTRIBUTE: Final = "mgp_loaded"


def _failed_fields(error: ClassValidationError) -> dict[str, BaseException]:
    with_notes, _ = error.group_exceptions()
    return {note.name: exc for exc, note in with_notes}


def _loaded(
    cls: type, hints: Mapping[str, Any], value: dict[str, Any], error: ClassValidationError
) -> Loaded:
    """The fields of ``value`` that load as ``cls``'s, and the problems of the model's
    validators and coherence rules on them (run only when an object fails)."""
    failed = _failed_fields(error)
    good: dict[str, Any] = {}
    nested: dict[str, Any] = {}
    for field in attrs.fields(cls):
        if field.name not in value:
            continue
        if field.name in failed:
            inner = getattr(failed[field.name], LOADED_ATTRIBUTE, None)
            if isinstance(inner, Loaded):
                nested[field.name] = inner.values
            continue
        hook = converter.get_structure_hook(hints[field.name])
        good[field.name] = hook(value[field.name], hints[field.name])
    problems: list[ConventionError] = []
    stand_in = types.SimpleNamespace(**{f.name: good.get(f.name) for f in attrs.fields(cls)})
    for field in attrs.fields(cls):
        if field.validator is not None and field.name in good:
            try:
                field.validator(stand_in, field, good[field.name])
            except ConventionError as err:
                problems.append(err)
    problems.extend(coherence_problems(cls, {**nested, **good}))
    return Loaded(cls, {**nested, **good}, tuple(problems), tuple(map(str, value)))


def _class_hook(cls: type) -> Callable[[Any, Any], Any]:
    """The structure hook of an attrs class, generated once by cattrs."""
    generated: Callable[[Any, Any], Any] = make_dict_structure_fn(cls, converter)
    hints = typing.get_type_hints(cls)

    def structure(value: Any, _: Any) -> Any:
        if type(value) is not dict:
            raise Invalid(say(MSG_EXPECTED, what=Message(_WHAT_OBJECT), got=kind_of(value)))
        try:
            return generated(value, cls)
        except ClassValidationError as err:
            setattr(err, LOADED_ATTRIBUTE, _loaded(cls, hints, value, err))
            raise

    return structure


# --- the events: a union tagged by "type" -----------------------------------------------

_EVENT_HOOKS: dict[type, Callable[[Any, Any], Any]] = {}


def _structure_event(value: Any, _: Any) -> Event:
    if type(value) is not dict:
        raise Invalid(say(MSG_EXPECTED, what=Message(_WHAT_EVENT), got=kind_of(value)))
    kind = value.get("type")
    if type(kind) is not str:
        raise LoadError(
            [Problem(".type", say(MSG_EVENT_TYPE_REQUIRED, types=", ".join(EVENT_TYPES)))]
        )
    cls = EVENT_TYPES.get(kind)
    if cls is None:
        hint = did_you_mean(kind, EVENT_TYPES)
        message = say(MSG_UNKNOWN_EVENT_TYPE, value=shown(kind), hint=hint)
        raise LoadError([Problem(".type", message)])
    hook = _EVENT_HOOKS.get(cls)
    if hook is None:
        hook = _EVENT_HOOKS[cls] = converter.get_structure_hook(cls)
    fields = {key: item for key, item in value.items() if key != "type"}
    event: Event = hook(fields, cls)
    return event


# cattrs dispatches on the class before any predicate: these are registered by class,
# and each enumeration for itself (a StrEnum is a str).
converter.register_structure_hook(str, _structure_str)
converter.register_structure_hook(int, _structure_int)
converter.register_structure_hook(bool, _structure_bool)
converter.register_structure_hook(dt.date, _structure_date)
converter.register_structure_hook(Decimal, _structure_decimal)
for _enum in sorted(_model_enums(Convention), key=lambda cls: cls.__name__):
    converter.register_structure_hook(_enum, _enum_hook(_enum))
converter.register_structure_hook_factory(_is_homogeneous_tuple, _tuple_hook)
converter.register_structure_hook_factory(_is_optional, _optional_hook)
converter.register_structure_hook_factory(attrs.has, _class_hook)
converter.register_structure_hook_func(_exactly(Event), _structure_event)

# --- unstructuring: the canonical layout ------------------------------------------------

_EVENT_UNSTRUCTURE: dict[type, Callable[[Any], dict[str, Any]]] = {}


def _unstructure_event(event: Event) -> dict[str, Any]:
    cls = type(event)
    hook = _EVENT_UNSTRUCTURE.get(cls)
    if hook is None:
        hook = _EVENT_UNSTRUCTURE[cls] = make_dict_unstructure_fn(cls, converter)
    return {"type": event.type, **hook(event)}


def _convention_hook(cls: type[Convention]) -> Callable[[Convention], dict[str, Any]]:
    generated = make_dict_unstructure_fn(cls, converter)

    def unstructure(convention: Convention) -> dict[str, Any]:
        data = generated(convention)
        return {"schema_version": data.pop("schema_version"), **data}

    return unstructure


converter.register_unstructure_hook_func(_exactly(dt.date), dt.date.isoformat)
converter.register_unstructure_hook_func(_exactly(Decimal), lambda amount: f"{amount:.2f}")
converter.register_unstructure_hook_func(_exactly(Event), _unstructure_event)
converter.register_unstructure_hook_factory(_exactly(Convention), _convention_hook)


def unstructure(convention: Convention) -> dict[str, Any]:
    """The JSON-ready ``dict`` of a convention, in the file's canonical layout."""
    data: dict[str, Any] = converter.unstructure(convention, Convention)
    return data
