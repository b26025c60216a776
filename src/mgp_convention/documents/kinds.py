"""The kinds of document, each with its template, its tags and how its values are computed.

One module per kind computes its values: :mod:`~mgp_convention.documents.convention`
for the filled convention, and the three letters of Art. 9 and 12 —
:mod:`~mgp_convention.documents.notice` (the formal notice, *mise en demeure*),
:mod:`~mgp_convention.documents.hearing` (the Art. 9 convocation),
:mod:`~mgp_convention.documents.decision` (the termination decision). This module lists
them, so that the renderer and the command line know every kind by its name, in French
or in English.

>>> kind_named("convention").template
'convention.docx'
>>> kind_named("formal-notice").name
'mise-en-demeure'
>>> kind_named("lettre")  # doctest: +ELLIPSIS
Traceback (most recent call last):
mgp_convention.errors.InvalidValue: kind: unknown kind of document 'lettre': expected convention, mise-en-demeure, convocation-art9, decision-resiliation
"""  # noqa: E501

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any, Final

import attrs

from mgp_convention.advisories import Advisory
from mgp_convention.convention import Convention
from mgp_convention.documents import convention as convention_kind
from mgp_convention.documents import decision, hearing, notice
from mgp_convention.documents.request import Request
from mgp_convention.errors import InvalidValue

__all__ = ["KINDS", "Builder", "Kind", "Request", "kind_named"]

#: ``build(convention, request)``: the values of a kind's template, by tag.
Builder = Callable[[Convention, Request], Mapping[str, Any]]
#: ``default_on(convention)``: the date a letter takes from the file when none is given.
DefaultDate = Callable[[Convention], dt.date | None]
#: ``advisories(convention, request)``: the legal risks the lifecycle sees in a letter.
Advisories = Callable[[Convention, Request], tuple[Advisory, ...]]


@attrs.frozen
class Kind:
    """A kind of document.

    ``name`` is its stable code (the default file name ends with it); ``names`` every
    name the command line accepts for it (the French one included); ``template`` the
    file name of its template in the package; ``tags`` the tags a template of this kind
    must hold (a letterhead version lacking one is refused); ``build`` computes the
    values; ``dated`` says whether the document is dated by ``--on`` (the letters);
    ``fields`` the fields of the :class:`Request` it reads (another one given is
    refused); ``default_on`` the date it takes from the file when none is given (the
    decision recorded in the file: its own date), else ``None``; ``advisories`` the
    legal risks the lifecycle sees in the letter (the decision's), to warn about.
    """

    name: str
    names: tuple[str, ...]
    description: str
    template: str
    tags: frozenset[str]
    build: Builder
    dated: bool = False
    fields: frozenset[str] = frozenset({"signatory", "on"})
    default_on: DefaultDate | None = None
    advisories: Advisories | None = None


def _build_convention(convention: Convention, request: Request) -> Mapping[str, Any]:
    return convention_kind.convention_context(convention, signatory=request.signatory)


def _decision_date(convention: Convention) -> dt.date | None:
    """The date of the termination recorded in the file, if any."""
    from mgp_convention.lifecycle import Lifecycle  # noqa: PLC0415 - only for a decision

    recorded = decision.recorded_termination(Lifecycle.from_convention(convention))
    return None if recorded is None else recorded.on


#: Every kind of document, by its code.
KINDS: Final[Mapping[str, Kind]] = {
    "convention": Kind(
        name="convention",
        names=("convention",),
        description="the convention d'engagement, filled from the file",
        template="convention.docx",
        tags=convention_kind.TAGS,
        build=_build_convention,
        fields=frozenset({"signatory"}),
    ),
    notice.KIND: Kind(
        name=notice.KIND,
        names=(notice.KIND, "formal-notice"),
        description="the formal notice of Art. 12, for an open breach without a notice",
        template=f"{notice.KIND}.docx",
        tags=notice.NOTICE_TAGS,
        build=notice.notice_context,
        dated=True,
        fields=notice.NOTICE_FIELDS,
    ),
    hearing.KIND: Kind(
        name=hearing.KIND,
        names=(hearing.KIND, "art9-hearing"),
        description="the convocation of Art. 9, to present justifications and be heard",
        template=f"{hearing.KIND}.docx",
        tags=hearing.HEARING_TAGS,
        build=hearing.hearing_context,
        dated=True,
        fields=hearing.HEARING_FIELDS,
    ),
    decision.KIND: Kind(
        name=decision.KIND,
        names=(decision.KIND, "termination-decision"),
        description="the termination decision, with its indemnity and means of appeal",
        template=f"{decision.KIND}.docx",
        tags=decision.DECISION_TAGS,
        build=decision.decision_context,
        dated=True,
        fields=decision.DECISION_FIELDS,
        default_on=_decision_date,
        advisories=decision.decision_advisories,
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
