"""The kinds of document, each with its template, its tags and how its values are computed.

One module per kind computes its values (:mod:`~mgp_convention.documents.convention`
for the filled convention); this module lists them, so that the renderer and the
command line know every kind by its name, in English or in French.

>>> kind_named("convention").template
'convention.docx'
>>> kind_named("lettre")  # doctest: +ELLIPSIS
Traceback (most recent call last):
mgp_convention.errors.InvalidValue: kind: unknown kind of document 'lettre': expected convention
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any, Final

import attrs

from mgp_convention.convention import Convention
from mgp_convention.documents import convention as convention_kind
from mgp_convention.documents.signatory import DEFAULT_SIGNATORY, Signatory
from mgp_convention.errors import InvalidValue

__all__ = ["KINDS", "Builder", "Kind", "Request", "kind_named"]


@attrs.frozen
class Request:
    """What a document is asked with, beside the convention: who signs for the
    Métropole, and the date of a dated document (a letter). A kind that needs more
    (the breach a formal notice is about) adds a field here, with a default."""

    signatory: Signatory = DEFAULT_SIGNATORY
    on: dt.date | None = None


#: ``build(convention, request)``: the values of a kind's template, by tag.
Builder = Callable[[Convention, Request], Mapping[str, Any]]


@attrs.frozen
class Kind:
    """A kind of document.

    ``name`` is its stable code (the default file name ends with it); ``names`` every
    name the command line accepts for it (the French one included); ``template`` the
    file name of its template in the package; ``tags`` the tags a template of this kind
    must hold (a letterhead version lacking one is refused); ``build`` computes the
    values; ``dated`` says whether the document is dated by ``--on`` (the letters).
    """

    name: str
    names: tuple[str, ...]
    description: str
    template: str
    tags: frozenset[str]
    build: Builder
    dated: bool = False


def _build_convention(convention: Convention, request: Request) -> Mapping[str, Any]:
    return convention_kind.convention_context(convention, signatory=request.signatory)


#: Every kind of document, by its code.
KINDS: Final[Mapping[str, Kind]] = {
    "convention": Kind(
        name="convention",
        names=("convention",),
        description="the convention d'engagement, filled from the file",
        template="convention.docx",
        tags=convention_kind.TAGS,
        build=_build_convention,
    ),
}


def kind_named(name: str) -> Kind:
    """The kind called ``name`` (its code or its French name, in any case)."""
    wanted = name.strip().lower()
    for kind in KINDS.values():
        if wanted in kind.names:
            return kind
    raise InvalidValue(
        f"unknown kind of document {name!r}: expected {', '.join(KINDS)}", field="kind"
    )
