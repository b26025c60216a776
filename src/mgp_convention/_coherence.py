"""Coherence rules: checks that relate several fields of one value, written once.

Each rule takes a mapping of (possibly some) field values and yields the problems it
finds, so that the file loader can run it even when another part of the file is wrong
and report every problem at once, and a class can run the same rules when it is built.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Any

import attrs

from mgp_convention.errors import InvalidValue

__all__ = ["Rule", "coherence_problems", "part", "raise_first", "rule_for"]

Rule = Callable[[Mapping[str, Any]], Iterator[InvalidValue]]
_RULES: dict[type, list[Rule]] = {}


def rule_for(cls: type) -> Callable[[Rule], Rule]:
    """Register the decorated function as a coherence rule of ``cls``."""

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


def part(value: Any, name: str) -> Any:
    """Field ``name`` of an attrs instance or of a mapping of loaded fields."""
    if isinstance(value, Mapping):
        return value.get(name)
    return getattr(value, name, None)


def raise_first(cls: type, instance: Any) -> None:
    """Raise the first coherence problem of ``instance`` (a ``cls``), if any."""
    problems = coherence_problems(cls, attrs.asdict(instance, recurse=False))
    if problems:
        raise problems[0]
