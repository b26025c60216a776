"""A Griffe extension for the API pages: the package's docstrings, read as Markdown.

The docstrings are written for ``help()``, for the doctests and for readers of the
source, in a light reStructuredText style. Three things in them would render badly
as Markdown; they are rewritten when the documentation is built (the source files are
not changed):

- doctest examples (``>>>`` lines and their output) become ``pycon`` code blocks;
  reST block quotes (a paragraph indented by four spaces: the contract's text) become
  Markdown quotes instead of code blocks; reST simple tables (``====  ====`` borders)
  become Markdown tables;
- Sphinx roles (:func:`name`, :class:`~package.Name`…) become links to the API page
  when the object is documented there, and plain code otherwise (never a warning);
- square brackets outside code (the contract's placeholders « [Date] », « [Statut]
  [Genre] [Nom] ») are escaped, so that Markdown does not read them as links.

mkdocs.yml loads it with the mkdocstrings option ``extensions``. It imports Griffe only
when the documentation is built: the test suite imports this file (doctest collection)
without the ``docs`` extra installed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

try:
    from griffe import Extension
except ImportError:  # pragma: no cover - the docs extra is not installed
    Extension = object  # type: ignore[assignment,misc]

__all__ = ["MarkdownDocstrings", "rewrite"]

_ROLE = re.compile(r":(?:py:)?(?:func|class|mod|data|meth|attr|exc|obj|const):`([^`]+)`")
_CODE_SPAN = re.compile(r"(`+)(.+?)\1")
_TABLE_BORDER = re.compile(r"^\s*=+(?: +=+)+\s*$")
_SLOT = "\x00{}\x00"
_SLOT_RE = re.compile("\x00([0-9]+)\x00")


def _escape_brackets(text: str) -> str:
    """``[`` and ``]`` outside code spans, escaped for Markdown."""
    parts: list[str] = []
    last = 0
    for match in _CODE_SPAN.finditer(text):
        plain = text[last : match.start()]
        parts.append(plain.replace("[", "\\[").replace("]", "\\]"))
        parts.append(match.group(0))
        last = match.end()
    parts.append(text[last:].replace("[", "\\[").replace("]", "\\]"))
    return "".join(parts)


def _text_line(line: str, link: Callable[[str], str]) -> str:
    """One line of prose: roles to links, brackets escaped."""
    tokens: list[str] = []

    def keep(match: re.Match[str]) -> str:
        tokens.append(link(match.group(1)))
        return _SLOT.format(len(tokens) - 1)

    line = _escape_brackets(_ROLE.sub(keep, line))
    return _SLOT_RE.sub(lambda m: tokens[int(m.group(1))], line)


def _table_end(lines: list[str], start: int) -> int | None:
    """The last line of a reST simple table starting at ``start`` (three borders)."""
    borders = [i for i in range(start, len(lines)) if _TABLE_BORDER.match(lines[i])][:3]
    if len(borders) < 3 or any(not lines[i].strip() for i in range(start, borders[2])):
        return None
    return borders[2]


def _table(lines: list[str], link: Callable[[str], str]) -> list[str]:
    """A reST simple table as a Markdown table; a row whose first cell is empty
    continues the row above."""
    border = lines[0]
    starts = [m.start() for m in re.finditer(r"=+", border)]
    body = [line for line in lines[1:] if not _TABLE_BORDER.match(line)]
    head_size = next(i for i in range(1, len(lines)) if _TABLE_BORDER.match(lines[i])) - 1
    rows: list[list[str]] = []
    for number, line in enumerate(body):
        cells = [
            line[start : starts[i + 1] if i + 1 < len(starts) else None].strip()
            for i, start in enumerate(starts)
        ]
        if rows and number >= head_size and not cells[0]:
            rows[-1] = [f"{old} {new}".strip() for old, new in zip(rows[-1], cells, strict=True)]
        else:
            rows.append(cells)
    out = []
    for number, row in enumerate(rows):
        text = [_text_line(cell, link).replace("|", "\\|") for cell in row]
        out.append("| " + " | ".join(text) + " |")
        if number == 0:
            out.append("|" + "---|" * len(row))
    return ["", *out, ""]


def _is_quote(lines: list[str], index: int, after_quote: bool) -> bool:
    """A reST block quote: a paragraph indented by four spaces after a paragraph of
    prose (not a list item, whose continuation lines are indented too) or a quote."""
    line = lines[index]
    if not line.startswith("    ") or index == 0 or lines[index - 1].strip():
        return False
    previous = next((lines[i] for i in range(index - 1, -1, -1) if lines[i].strip()), "")
    return after_quote or not previous.startswith((" ", "- ", "* "))


def _blocks(lines: list[str]) -> Iterator[tuple[str, list[str]]]:
    """The docstring's lines as ``("fence" | "doctest" | "table" | "quote" | "text",
    lines)`` blocks."""
    index = 0
    after_quote = False
    while index < len(lines):
        line = lines[index]
        stripped = line.lstrip()
        if stripped.startswith(("```", "~~~")):
            fence = stripped[:3]
            end = index + 1
            while end < len(lines) and not lines[end].lstrip().startswith(fence):
                end += 1
            yield "fence", lines[index : end + 1]
            index = end + 1
        elif _TABLE_BORDER.match(line) and _table_end(lines, index) is not None:
            end = _table_end(lines, index)
            yield "table", lines[index : end + 1]
            index = end + 1
        elif stripped.startswith(">>>"):
            end = index
            while end < len(lines) and lines[end].strip():
                end += 1
            yield "doctest", lines[index:end]
            index = end
        elif _is_quote(lines, index, after_quote):
            end = index
            while end < len(lines) and lines[end].startswith("    "):
                end += 1
            yield "quote", lines[index:end]
            index = end
            after_quote = True
            continue
        else:
            yield "text", [line]
            index += 1
        after_quote = after_quote and not line.strip()


def rewrite(docstring: str, link: Callable[[str], str]) -> str:
    """The docstring as Markdown; ``link(target)`` writes one Sphinx role's target.

    >>> print(rewrite("See :func:`f`, « [Date] ».", lambda target: f"<{target}>"))
    See <f>, « \\[Date\\] ».
    >>> rewrite(">>> f([1])\\n[1]", str).splitlines()
    ['```pycon', '>>> f([1])', '[1]', '```']
    """
    out: list[str] = []
    for kind, lines in _blocks(docstring.splitlines()):
        if kind == "fence":
            out += lines
        elif kind == "doctest":
            first = lines[0]
            indent = first[: len(first) - len(first.lstrip())]
            out.append(f"{indent}```pycon")
            out += [line.replace("<BLANKLINE>", "") for line in lines]
            out.append(f"{indent}```")
        elif kind == "table":
            out += _table(lines, link)
        elif kind == "quote":
            out += [f"> {_text_line(line.strip(), link)}" for line in lines]
        else:
            out.append(_text_line(lines[0], link))
    return "\n".join(out)


def _identifier(obj: Any, target: str, known: frozenset[str]) -> str:
    """The dotted path a role's target names, read from the scope of ``obj``.

    ``known``: every path of the package, to find a name Griffe cannot resolve from
    there: a relative module written from another package (``.art12_indemnity``
    outside ``articles``), a class imported only for type checking.
    """
    if target.startswith("."):
        name = target.lstrip(".")
        module = obj.module
        base = module.path if module.is_package else module.parent.path
        for _ in range(len(target) - len(name) - 1):
            base = base.rpartition(".")[0]
        found = f"{base}.{name}"
        if found not in known:
            near = [path for path in known if path.endswith(f".{name}")]
            found = near[0] if len(near) == 1 else found
        return found
    head, _, rest = target.partition(".")
    try:
        resolved: str = obj.resolve(head)
    except Exception:  # not in scope (e.g. imported only for type checking)
        near = [path for path in known if path.endswith(f".{target}")]
        return near[0] if len(near) == 1 else target
    return f"{resolved}.{rest}" if rest else resolved


def _link(obj: Any, known: frozenset[str]) -> Callable[[str], str]:
    def link(target: str) -> str:
        target = target.strip().lstrip("!")
        short = target.startswith("~")
        target = target.lstrip("~")
        title = target.rpartition(".")[2] if short else target.lstrip(".")
        identifier = _identifier(obj, target, known)
        # "optional": linked when the object is on an API page, plain code otherwise.
        return f'<autoref identifier="{identifier}" optional><code>{title}</code></autoref>'

    return link


def _objects(obj: Any) -> Iterator[Any]:
    yield obj
    for member in obj.members.values():
        if not member.is_alias:
            yield from _objects(member)


class MarkdownDocstrings(Extension):  # type: ignore[misc]
    """Rewrite every docstring of the package once it is loaded (see the module's text)."""

    def on_package(self, *, pkg: Any, **_kwargs: Any) -> None:
        objects = list(_objects(pkg))
        known = frozenset(obj.path for obj in objects)
        for obj in objects:
            if obj.docstring is not None:
                obj.docstring.value = rewrite(obj.docstring.value, _link(obj, known))
