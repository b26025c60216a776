"""The documents the contract calls for, as .docx files: the filled convention, and the
letters of Art. 9 and 12 (the formal notice, the convocation, the termination decision).

A *kind* of document (:data:`KINDS`) has a template shipped in the package, the tags
that template holds, and a module that computes their values from a convention file.
The renderer (docxtpl) fills the template; the values are escaped; a file lacking a
value is refused with every missing field
(:class:`~mgp_convention.errors.MissingData`), so that no « [placeholder] » is ever
left in a document.

>>> from mgp_convention import documents
>>> from mgp_convention.examples import example_convention
>>> data = documents.render("convention", example_convention())
>>> data[:2]  # a .docx file is a zip archive
b'PK'
>>> documents.context("convention", example_convention())["beneficiary_kind"]
'commune'
"""

from __future__ import annotations

from mgp_convention.documents.convention import PLACEHOLDERS, Placeholder, convention_context
from mgp_convention.documents.kinds import KINDS, Kind, kind_named
from mgp_convention.documents.render import (
    Template,
    advisories,
    check_template,
    context,
    default_file_name,
    render,
    render_context,
    template_tags,
    write,
)
from mgp_convention.documents.request import Hearing, IndemnityRequest, Request
from mgp_convention.documents.signatory import DEFAULT_SIGNATORY, Signatory

__all__ = [
    "DEFAULT_SIGNATORY",
    "KINDS",
    "PLACEHOLDERS",
    "Hearing",
    "IndemnityRequest",
    "Kind",
    "Placeholder",
    "Request",
    "Signatory",
    "Template",
    "advisories",
    "check_template",
    "context",
    "convention_context",
    "default_file_name",
    "kind_named",
    "render",
    "render_context",
    "template_tags",
    "write",
]
