"""The shared renderer: a kind's values into a .docx template, with docxtpl.

A template is a Word document whose text holds Jinja tags: ``{{ beneficiary_name }}``
for a value, a paragraph ``{%p for objective in objectives %}`` … ``{%p endfor %}`` for
a list (docxtpl's paragraph tags). The package ships one template per kind
(``documents/templates/``); the Métropole can give its own letterhead version, which
must hold every tag of its kind and no other (:func:`check_template`).

Every value is escaped for the document's XML (Jinja's autoescape): a name with ``<``,
``&`` or a quote appears as written. The templates run in Jinja's sandbox and with
strict undefined values: a template cannot reach Python objects, and a misspelt tag
is an error, never an empty place.

docxtpl ships no type information; it is imported here only, with a narrow
``type: ignore[import-untyped]``, and lazily (it loads lxml and python-docx).
"""

from __future__ import annotations

import datetime as dt
import io
import os
import zipfile
from collections.abc import Mapping
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mgp_convention.advisories import Advisory
from mgp_convention.convention import Convention
from mgp_convention.documents._xml import UNWRITABLE, strings, unwritable
from mgp_convention.documents.files import safe_file_name, write_atomically
from mgp_convention.documents.kinds import Kind, Request, kind_named
from mgp_convention.documents.signatory import DEFAULT_SIGNATORY, Signatory
from mgp_convention.errors import InvalidValue, TemplateProblem, system_reason
from mgp_convention.i18n import N_, Message

if TYPE_CHECKING:
    from jinja2.sandbox import SandboxedEnvironment

__all__ = [
    "Template",
    "advisories",
    "check_template",
    "context",
    "default_file_name",
    "render",
    "render_context",
    "template_tags",
    "write",
]

#: A template: its bytes, or the path of a .docx file; ``None`` for the kind's own.
Template = bytes | str | os.PathLike[str] | None


def _kind(kind: Kind | str) -> Kind:
    return kind if isinstance(kind, Kind) else kind_named(kind)


def _environment() -> SandboxedEnvironment:
    from jinja2 import StrictUndefined  # noqa: PLC0415 - imported when a document is made
    from jinja2.sandbox import SandboxedEnvironment  # noqa: PLC0415

    return SandboxedEnvironment(autoescape=True, undefined=StrictUndefined)


def _source(kind: Kind, template: Template) -> tuple[bytes, str]:
    """The template's bytes and its name for messages (the kind's own when ``None``)."""
    if template is None:
        shipped = resources.files("mgp_convention.documents") / "templates" / kind.template
        return shipped.read_bytes(), kind.template
    return _read(template)


def _read(template: bytes | str | os.PathLike[str]) -> tuple[bytes, str]:
    if isinstance(template, bytes):
        return template, "the template"
    try:
        return Path(template).read_bytes(), str(template)
    except OSError as err:
        raise TemplateProblem(
            Message(N_("cannot read the template: {reason}"), {"reason": system_reason(err)}),
            template=str(template),
        ) from None


def _open(data: bytes, name: str) -> tuple[Any, frozenset[str]]:
    """The template as a docxtpl document; :class:`TemplateProblem` if it is not a .docx."""
    from docx.opc.exceptions import PackageNotFoundError  # noqa: PLC0415
    from docxtpl import DocxTemplate  # type: ignore[import-untyped]  # noqa: PLC0415

    try:
        return DocxTemplate(io.BytesIO(data)), _tags(data, name)
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as err:
        raise TemplateProblem(
            Message(N_("not a Word document (.docx): {error}"), {"error": type(err).__name__}),
            template=name,
        ) from None


def _tags(data: bytes, name: str) -> frozenset[str]:
    from docxtpl import DocxTemplate  # noqa: PLC0415
    from jinja2 import TemplateSyntaxError  # noqa: PLC0415

    try:
        tags = DocxTemplate(io.BytesIO(data)).get_undeclared_template_variables(_environment())
    except TemplateSyntaxError as err:
        raise TemplateProblem(
            Message(
                N_("a malformed tag: {error} (near line {line} of the document's XML)"),
                {"error": err.message, "line": str(err.lineno)},
            ),
            template=name,
        ) from None
    return frozenset(tags)


def template_tags(template: bytes | str | os.PathLike[str]) -> frozenset[str]:
    """The names of the values a .docx template uses (its tags, loop variables aside)."""
    _document, tags = _open(*_read(template))
    return tags


def _check(kind: Kind, tags: frozenset[str], name: str) -> None:
    missing, unknown = kind.tags - tags, tags - kind.tags
    if not missing and not unknown:
        return
    parts = []
    if missing:
        parts.append(
            Message(
                N_("it lacks tags the {kind} needs: {tags}"),
                {"kind": kind.name, "tags": ", ".join(sorted(missing))},
            )
        )
    if unknown:
        parts.append(
            Message(
                N_("it uses tags the {kind} does not provide: {tags}"),
                {"kind": kind.name, "tags": ", ".join(sorted(unknown))},
            )
        )
    message = (
        parts[0]
        if len(parts) == 1
        else Message(N_("{first}; {second}"), {"first": parts[0], "second": parts[1]})
    )
    raise TemplateProblem(message, template=name, missing_tags=missing, unknown_tags=unknown)


def check_template(kind: Kind | str, template: Template = None) -> None:
    """Refuse a template that cannot make documents of ``kind``.

    :class:`~mgp_convention.errors.TemplateProblem` lists the tags the kind needs and
    the template lacks (``missing_tags``), and those it uses and the kind does not
    provide (``unknown_tags``); it also says when the file is not a .docx or a tag is
    malformed.
    """
    found = _kind(kind)
    data, name = _source(found, template)
    _document, tags = _open(data, name)
    _check(found, tags, name)


def _request(
    kind: Kind, request: Request | None, signatory: Signatory, on: dt.date | None
) -> Request:
    """The request: ``request``, or one made of ``signatory`` and ``on`` (not both); a
    field the kind does not read is refused, never silently ignored."""
    if request is None:
        request = Request(signatory=signatory, on=on)
    elif signatory is not DEFAULT_SIGNATORY or on is not None:
        raise InvalidValue(
            "give the signatory and the date in the request, not beside it", field="request"
        )
    unused = sorted(request.given() - kind.fields)
    if unused:
        raise InvalidValue(f"the {kind.name} does not use {', '.join(unused)}", field=unused[0])
    return request


def context(
    kind: Kind | str,
    convention: Convention,
    request: Request | None = None,
    *,
    signatory: Signatory = DEFAULT_SIGNATORY,
    on: dt.date | None = None,
) -> Mapping[str, Any]:
    """The values of a document of ``kind``, by tag (plain text, lists, mappings and
    flags), for a tool with its own templates.

    ``request`` says what the document is asked with (:class:`Request`: the signatory,
    the date of a letter, its breach, the hearing, the ground…); ``signatory`` and
    ``on`` are a shorthand for a request with only those. Raises
    :class:`~mgp_convention.errors.MissingData` listing every value the file lacks, and
    :class:`~mgp_convention.errors.LetterRefused` when the contract does not allow the
    letter on its date.
    """
    found = _kind(kind)
    return found.build(convention, _request(found, request, signatory, on))


def advisories(
    kind: Kind | str,
    convention: Convention,
    request: Request | None = None,
    *,
    signatory: Signatory = DEFAULT_SIGNATORY,
    on: dt.date | None = None,
) -> tuple[Advisory, ...]:
    """The legal risks the lifecycle sees in a letter the contract allows (a termination
    for breach without the Art. 9 steps, an interruption while a breach is open…): a
    warning, never a refusal. Empty for a kind without any."""
    found = _kind(kind)
    if found.advisories is None:
        return ()
    return found.advisories(convention, _request(found, request, signatory, on))


def render_context(
    kind: Kind | str, values: Mapping[str, Any], *, template: Template = None
) -> bytes:
    """The .docx document of ``kind`` made from ``values`` (as :func:`context` gives).

    A text a Word document cannot hold (U+FFFE…) is refused
    (:class:`~mgp_convention.errors.InvalidValue` naming its tag), never dropped.
    """
    from jinja2 import TemplateError  # noqa: PLC0415

    for tag, value in values.items():
        for text in strings(value):
            if (character := unwritable(text)) is not None:
                raise InvalidValue(Message(UNWRITABLE, {"character": character}), field=tag)
    found = _kind(kind)
    data, name = _source(found, template)
    document, tags = _open(data, name)
    _check(found, tags, name)
    try:
        document.render(dict(values), _environment())
    except TemplateError as err:
        raise TemplateProblem(
            Message(N_("cannot fill the template: {error}"), {"error": str(err)}), template=name
        ) from None
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def render(
    kind: Kind | str,
    convention: Convention,
    request: Request | None = None,
    *,
    signatory: Signatory = DEFAULT_SIGNATORY,
    on: dt.date | None = None,
    template: Template = None,
) -> bytes:
    """The document of ``kind`` for ``convention``, as the bytes of a .docx file.

    ``request`` (or its shorthand ``signatory`` and ``on``) says what it is asked with:
    who signs for the Métropole (its President by default), the date of a letter, what
    the letter needs (:class:`Request`); ``template`` is a letterhead version of the
    kind's template (the package's own by default). Raises
    :class:`~mgp_convention.errors.MissingData` when the file lacks a value,
    :class:`~mgp_convention.errors.LetterRefused` when the contract does not allow the
    letter, and :class:`~mgp_convention.errors.TemplateProblem` when the template
    cannot be used.
    """
    values = context(kind, convention, request, signatory=signatory, on=on)
    return render_context(kind, values, template=template)


def default_file_name(kind: Kind | str, convention: Convention) -> str:
    """``<reference>-<kind>.docx``, in characters safe on every file system.

    >>> from mgp_convention.examples import example_convention
    >>> default_file_name("convention", example_convention())
    'MGP-AM-2026-EX-001-convention.docx'
    """
    return f"{safe_file_name(convention.reference)}-{_kind(kind).name}.docx"


def write(
    kind: Kind | str,
    convention: Convention,
    path: str | os.PathLike[str],
    request: Request | None = None,
    *,
    signatory: Signatory = DEFAULT_SIGNATORY,
    on: dt.date | None = None,
    template: Template = None,
    overwrite: bool = False,
) -> Path:
    """Render the document and write it to ``path`` atomically; return the path.

    Nothing is written when the document cannot be made. Without ``overwrite`` an
    existing file is refused (:class:`FileExistsError`); with it, the file is replaced
    whole: a failure leaves the previous one as it was.
    """
    data = render(kind, convention, request, signatory=signatory, on=on, template=template)
    return write_atomically(data, path, overwrite=overwrite)
