"""The versions of the file format, and the migration of an older file to the current one.

Every file says its version first (``"schema_version": 2``). This version of the
package writes version :data:`~mgp_convention.convention.SCHEMA_VERSION` and reads
every version of :data:`READ_VERSIONS`: an older file is migrated, step by step, on
the JSON data, before it is read, so that the rest of the package only ever sees the
current model. A migrated file is not rewritten when it is read: it is written in the
current version only when the user writes it (``mgp-convention record``), and
:class:`~mgp_convention.io.LoadedFile` says which version the file was in.

**Version 1 → 2** (RULES.md version 2: several breaches can be open at once, each with
its label). Version 1 allowed one breach at a time, so the migration can name each:

- each ``breach_recorded`` gets the label ``B1``, ``B2``… in the order of recording;
- each event that concerns a breach (``formal_notice_sent``, ``breach_remedied``,
  ``justifications_examined``, ``representatives_heard``, a ``termination`` on ground
  ``breach`` or ``sanction``) names the breach recorded last before it.

A version 1 ``termination`` on ground ``not_ready`` concerned no recorded breach (the
reading of Art. 5 al. 3 of version 1 needed no notice); it is left without one, and
the lifecycle of version 2 judges it (it then needs a breach ``ready_on_planned_date``
whose notice was sent: the migration cannot invent that letter). Every field added in
version 2 is optional and takes its default; anything else is left for the loader to
judge, with the same JSON paths as in the file.

>>> migrate({"schema_version": 1, "events": [
...     {"type": "breach_recorded", "on": "2026-11-02"},
...     {"type": "formal_notice_sent", "on": "2026-11-20"}]}, 1)["events"]
[{'type': 'breach_recorded', 'on': '2026-11-02', 'breach': 'B1'}, {'type': 'formal_notice_sent', 'on': '2026-11-20', 'breach': 'B1'}]
"""  # noqa: E501

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Final

from mgp_convention.convention import SCHEMA_VERSION
from mgp_convention.errors import LoadError, Problem, shown

__all__ = ["READ_VERSIONS", "file_version", "migrate"]

#: The versions of the file format this package reads (it writes the last one).
READ_VERSIONS: Final = (1, 2)

_WHICH = " and ".join(map(str, READ_VERSIONS))
MSG_MISSING: Final = (
    "required key is missing: the version of the file format ({current}; this version "
    "of mgp-convention reads versions {versions})"
)
MSG_NOT_A_NUMBER: Final = "expected the version of the file format, {versions}, got {value}"
MSG_UNKNOWN: Final = (
    "unknown schema version {value}: this version of mgp-convention reads versions "
    "{versions} (a later version of the file needs a later mgp-convention)"
)


def file_version(data: Mapping[str, Any]) -> int:
    """The version a file's data says it is in; a missing, malformed or unknown version
    is a :class:`~mgp_convention.errors.LoadError` at ``$.schema_version``."""
    if "schema_version" not in data:
        message = MSG_MISSING.format(current=SCHEMA_VERSION, versions=_WHICH)
        raise LoadError([Problem("$.schema_version", message)])
    version = data["schema_version"]
    if type(version) is not int:
        message = MSG_NOT_A_NUMBER.format(versions=_WHICH, value=shown(version))
        raise LoadError([Problem("$.schema_version", message)])
    if version not in READ_VERSIONS:
        message = MSG_UNKNOWN.format(value=shown(version), versions=_WHICH)
        raise LoadError([Problem("$.schema_version", message)])
    return version


#: The events that concern a breach, and name it from version 2 on.
_BREACH_EVENTS: Final = frozenset(
    {"formal_notice_sent", "breach_remedied", "justifications_examined", "representatives_heard"}
)
#: The grounds of a version 1 termination for a recorded breach.
_BREACH_GROUNDS_V1: Final = frozenset({"breach", "sanction"})


def _concerns_the_breach(event: Mapping[str, Any]) -> bool:
    kind = event.get("type")
    return kind in _BREACH_EVENTS or (
        kind == "termination" and event.get("ground") in _BREACH_GROUNDS_V1
    )


def _v1_to_v2(data: dict[str, Any]) -> dict[str, Any]:
    """Version 1 → 2: breach labels (see the module's docstring)."""
    migrated = {**data, "schema_version": 2}
    events = data.get("events")
    if type(events) is not list:
        return migrated
    count = 0
    current: str | None = None
    new_events: list[Any] = []
    for event in events:
        named = event
        if type(event) is dict and "breach" not in event:
            if event.get("type") == "breach_recorded":
                count += 1
                current = f"B{count}"
                named = {**event, "breach": current}
            elif current is not None and _concerns_the_breach(event):
                named = {**event, "breach": current}
        new_events.append(named)
    migrated["events"] = new_events
    return migrated


#: Each step from a version to the next.
_STEPS: Final[Mapping[int, Callable[[dict[str, Any]], dict[str, Any]]]] = {1: _v1_to_v2}


def migrate(data: dict[str, Any], version: int) -> dict[str, Any]:
    """A file's data of ``version`` as the current version's (a new ``dict``; the
    data given is not changed). The current version's data is returned as it is."""
    while version < SCHEMA_VERSION:
        data = _STEPS[version](data)
        version += 1
    return data
