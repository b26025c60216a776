"""cattrs' validation errors turned into the package's problems, each with its JSON path.

With ``detailed_validation``, cattrs raises a tree of errors: a
``ClassValidationError`` per object, an ``IterableValidationError`` per list, each
inner error noted with its field name or index. :func:`load_error` walks that tree as
``cattrs.transform_error`` does, but builds :class:`~mgp_convention.errors.Problem`
values with the package's own messages: the JSON path (``$.events[3].on``, odd keys
as ``$["key with space"]``), the message, the article of the rule when there is one.

Within an object the problems come in the order a reader fixes them: unknown keys
(with a "did you mean" for a misspelt one), then each field in the class's order,
then what the data model says of the object as a whole (its field validators and its
coherence rules, run on the fields that loaded).

A file can hold millions of problems (a list of a thousand bad events, an object of a
million unknown keys): only the first :data:`MAX_PROBLEMS` are built and listed, the
others are counted (``… and 999,900 more problems``).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Final

import attrs
from cattrs.errors import ClassValidationError, ForbiddenExtraKeysError, IterableValidationError

from mgp_convention._converter import (
    LOADED_ATTRIBUTE,
    Invalid,
    Loaded,
    did_you_mean,
    member,
    say,
)
from mgp_convention.errors import ConventionError, LoadError, Problem, shown

__all__ = ["MAX_PROBLEMS", "load_error"]

#: The most problems a :class:`~mgp_convention.errors.LoadError` lists; the others are
#: counted.
MAX_PROBLEMS: Final = 100

MSG_MISSING: Final = "required key is missing"
MSG_UNKNOWN_KEY: Final = "unknown key {key}{hint}"
MSG_UNREADABLE: Final = "cannot be read ({error})"


@attrs.frozen
class _UnknownKeys:
    """The unknown keys of an object: each a problem, built (with its path and its "did
    you mean") only when it is listed; those past the limit are only counted."""

    parent: str
    keys: Sequence[str]
    known: Sequence[str]

    def problem(self, key: str) -> Problem:
        hint = did_you_mean(key, self.known)
        return Problem(self.parent + member(key), say(MSG_UNKNOWN_KEY, key=shown(key), hint=hint))


_Found = Problem | _UnknownKeys


def _field_path(path: str, field: str | None) -> str:
    return f"{path}.{field}" if field else path


def _object(error: ClassValidationError, path: str) -> Iterator[_Found]:
    loaded = getattr(error, LOADED_ATTRIBUTE, None)
    with_notes, without = error.group_exceptions()
    known = [field.name for field in attrs.fields(error.cl)]
    for exc in without:
        if isinstance(exc, ForbiddenExtraKeysError):
            extra = exc.extra_fields
            keys = loaded.keys if isinstance(loaded, Loaded) else sorted(extra)
            yield _UnknownKeys(path, [key for key in keys if key in extra], known)
    for exc, note in with_notes:
        if isinstance(exc, KeyError):  # cattrs' generated code: the key is not in the object
            yield Problem(f"{path}.{note.name}", MSG_MISSING)
        else:
            yield from _walk(exc, f"{path}.{note.name}")
    # What the data model says of the object as a whole: the constructor's error, then
    # the validators and coherence rules run on the fields that loaded (the
    # constructor's first error is found again by them: it is said once).
    seen: set[tuple[str, str]] = set()
    whole = [exc for exc in without if not isinstance(exc, ForbiddenExtraKeysError)]
    if isinstance(loaded, Loaded):
        whole.extend(loaded.problems)
    for exc in whole:
        for found in _walk(exc, path):
            seen_as = (
                (found.path, str(found.message))
                if isinstance(found, Problem)
                else (found.parent, repr(found.keys))
            )
            if seen_as not in seen:
                seen.add(seen_as)
                yield found


def _walk(error: BaseException, path: str) -> Iterator[_Found]:
    if isinstance(error, ClassValidationError):
        yield from _object(error, path)
    elif isinstance(error, IterableValidationError):
        with_notes, without = error.group_exceptions()
        for exc, note in with_notes:
            yield from _walk(exc, f"{path}[{note.index}]")
        for exc in without:  # pragma: no cover - cattrs notes every item's error
            yield from _walk(exc, path)
    elif isinstance(error, Invalid):
        yield Problem(path, error.message)
    elif isinstance(error, LoadError):
        for problem in error.problems:
            yield attrs.evolve(problem, path=path + problem.path)
    elif isinstance(error, ConventionError):
        yield Problem(_field_path(path, error.field), error.text, error.article)
    else:  # pragma: no cover - every hook raises one of the above; kept as a safety net
        yield Problem(path, say(MSG_UNREADABLE, error=type(error).__name__))


def load_error(error: BaseException, path: str = "$", *, limit: int = MAX_PROBLEMS) -> LoadError:
    """The :class:`~mgp_convention.errors.LoadError` of a structuring error: its first
    ``limit`` problems, and the count of the others."""
    listed: list[Problem] = []
    more = 0
    for found in _walk(error, path):
        if isinstance(found, _UnknownKeys):
            room = max(0, limit - len(listed))
            listed.extend(found.problem(key) for key in found.keys[:room])
            more += max(0, len(found.keys) - room)
        elif len(listed) < limit:
            listed.append(found)
        else:
            more += 1
    return LoadError(listed, more=more)
