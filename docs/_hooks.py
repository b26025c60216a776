"""MkDocs hooks: generated parts of the documentation, read from the code at build time.

- ``{{ citations }}``: every rule's citation, collected from the package;
- ``{{ state_diagram }}``: the lifecycle's state diagram, drawn from the machine
  (:func:`mgp_convention.diagram.draw`, DOT) and rendered to SVG by Graphviz's ``dot``
  when the site is built, in the language of the page (French labels on a French page,
  English on an English one), embedded in the page: the reader's browser loads nothing;
- ``{{ json_schema }}``: the JSON Schema of the convention file.

The pages can therefore never drift from the code.

Without ``dot`` (Debian's ``graphviz`` package), the build stops and says so; with
``MGP_DOCS_DIAGRAM=text`` in the environment it goes on and shows the diagram's DOT text
instead (still nothing from the network). ``.ci/run`` installs ``dot`` where it can.

When the site is built, every page is checked for a source loaded from the network (a
script, a style sheet, a font, an image…): the site must work offline, and the build
fails otherwise (:func:`on_post_build`).
"""

from __future__ import annotations

import html
import json
import os
import re
import textwrap
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

from mgp_convention.citations import all_citations
from mgp_convention.diagram import draw
from mgp_convention.schema import json_schema

#: The environment variable that lets a build without ``dot`` show the DOT text.
DIAGRAM_ENV = "MGP_DOCS_DIAGRAM"

_WORDS = {
    "fr": {
        "alt": "Diagramme des états d'une convention et des événements qui les relient",
        "open": "Ouvrir le diagramme seul, en grand",
        "text": (
            "Graphviz (`dot`) n'était pas installé lorsque ce site a été construit : "
            "voici le texte du diagramme, au format DOT."
        ),
    },
    "en": {
        "alt": "Diagram of the states of a convention and of the events between them",
        "open": "Open the diagram on its own, full size",
        "text": (
            "Graphviz (`dot`) was not installed when this site was built: here is the "
            "diagram's text, in the DOT format."
        ),
    },
}

#: The SVG files to write next to their page once the site is built (path: text).
_DIAGRAM_FILES: dict[Path, str] = {}


def _citations() -> str:
    rows = ["| Rule | Article | Text (verbatim) |", "|---|---|---|"]
    for name, citation in all_citations():
        # Escaped for a Markdown table: "|" ends a cell, and the contract's placeholders
        # ("[Statut] [Genre] [Nom]") would read as links.
        text = citation.text.replace("|", "\\|").replace("[", "\\[").replace("]", "\\]")
        # Linked to its API entry (an "optional" reference: plain code if not rendered).
        rule = f'<autoref identifier="{name}" optional><code>{name}</code></autoref>'
        rows.append(f"| {rule} | {citation.label} | « {text} » |")
    return "\n".join(rows)


_EDGE_LABEL = re.compile(r'(-> \S+ \[)label="([^"\\]*)"')


def _wrapped(match: re.Match[str]) -> str:
    """An edge's label on short lines, each alternative (``a | b``) on its own, so that
    the drawing is narrow enough for a page; the words are the diagram's."""
    alternatives = [
        textwrap.fill(part, 18, break_long_words=False, break_on_hyphens=False)
        for part in match.group(2).split(" | ")
    ]
    lines = " |\n".join(alternatives).replace("\n", "\\n")  # DOT's line break
    return f'{match.group(1)}label="{lines}"'


def _dot_for_the_page(lang: str) -> str:
    """The machine's DOT, laid out for a page: top to bottom (a page is narrower than
    it is long), edge labels on short lines, the site's sans-serif font, smaller edge
    labels, no title under it (the page has its heading).

    Only the layout changes; the states, edges and words are the diagram's. Default
    node and edge attributes are set before the first node, a graph attribute after
    the others (the last one set wins).
    """
    text = _EDGE_LABEL.sub(_wrapped, draw("dot", lang).rstrip())
    head, brace, body = text.partition("{")
    if not brace or not body.endswith("}"):
        raise PluginError(f"mgp_convention.diagram.draw gave no DOT graph:\n{text[:200]}")
    font = "Helvetica,Arial,sans-serif"
    defaults = (
        f'\n\tnode [fontname="{font}"]\n\tedge [fontname="{font}" fontsize=10 fontcolor=gray20]'
    )
    layout = '\tgraph [rankdir=TB nodesep=0.25 ranksep=0.6 label=""]\n}'
    return f"{head}{brace}{defaults}{body[:-1]}{layout}\n"


def _svg(dot_text: str) -> str | None:
    """The SVG Graphviz draws for ``dot_text``, or ``None`` when ``dot`` is missing."""
    import graphviz  # noqa: PLC0415 - only when a page has the diagram

    try:
        svg: bytes = graphviz.Source(dot_text).pipe(format="svg", encoding=None)
    except graphviz.ExecutableNotFound:
        return None
    return svg.decode("utf-8")


def _inline(svg: str, alt: str) -> str:
    """The SVG as an element of the page: no XML prologue, no blank line (which would
    end an HTML block in Markdown), labelled for screen readers, as wide as the page's
    text (at most one pixel per point, three quarters of its printed size)."""
    start = svg.index("<svg")
    element = svg[start:]
    element = re.sub(r"<!--.*?-->", "", element, flags=re.DOTALL)
    element = re.sub(
        r'<svg width="([\d.]+)pt" height="([\d.]+)pt"',
        lambda m: (
            f'<svg width="{m.group(1)}" height="{m.group(2)}" '
            f'style="max-width: {m.group(1)}px" role="img" aria-label="{html.escape(alt)}"'
        ),
        element,
        count=1,
    )
    return "\n".join(line for line in element.splitlines() if line.strip())


def _state_diagram(lang: str, page: Any) -> str:
    words = _WORDS[lang]
    dot_text = _dot_for_the_page(lang)
    svg = _svg(dot_text)
    if svg is None:
        if os.environ.get(DIAGRAM_ENV) != "text":
            raise PluginError(
                "The lifecycle diagram is drawn when the site is built, by Graphviz's "
                "'dot' program, which is not installed: install it (Debian: "
                f"'apt-get install graphviz'), or set {DIAGRAM_ENV}=text to show the "
                "diagram's DOT text instead."
            )
        return f"!!! note\n    {words['text']}\n\n```dot\n{draw('dot', lang)}\n```"
    # The same picture on its own, next to the page, for a reader who wants it large.
    name = f"cycle-de-vie.{lang}.svg"
    _DIAGRAM_FILES[Path(page.file.abs_dest_path).parent / name] = svg
    # A link in HTML: the file is written after the build, MkDocs does not know it.
    return (
        f'<div class="mgp-diagram" markdown="0">\n{_inline(svg, words["alt"])}\n</div>\n\n'
        f'<p class="mgp-diagram-link"><a href="{name}">{words["open"]}</a></p>'
    )


def _json_schema() -> str:
    return f"```json\n{json.dumps(json_schema(), ensure_ascii=False, indent=2)}\n```"


def _language_of(page: Any) -> str:
    """The language of a page: ``en`` for ``page.en.md``, else French (the default)."""
    locale = getattr(page.file, "locale", None)  # set by mkdocs-static-i18n
    if locale in _WORDS:
        return str(locale)
    return "en" if page.file.src_uri.endswith(".en.md") else "fr"


def on_page_markdown(markdown: str, *, page: Any, **_kwargs: Any) -> str:
    """Replace each marker by its generated text."""
    if "{{ citations }}" in markdown:
        markdown = markdown.replace("{{ citations }}", _citations())
    if "{{ state_diagram }}" in markdown:
        markdown = markdown.replace("{{ state_diagram }}", _state_diagram(_language_of(page), page))
    if "{{ json_schema }}" in markdown:
        markdown = markdown.replace("{{ json_schema }}", _json_schema())
    return markdown


# --- the site works offline ------------------------------------------------------------------

#: The attributes through which a page loads something (``href`` only on ``<link>``:
#: a hyperlink ``<a href>`` loads nothing until it is followed).
_LOADING = {
    "script": ("src",),
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "iframe": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "audio": ("src",),
    "video": ("src", "poster"),
    "track": ("src",),
    "link": ("href",),
    "image": ("href", "xlink:href"),
    "use": ("href", "xlink:href"),
}
_REMOTE = re.compile(r"^\s*(?:https?:)?//", re.IGNORECASE)
_CSS_REMOTE = re.compile(r"""(?:url\(\s*['"]?|@import\s+['"])\s*((?:https?:)?//[^'")\s]+)""")


class _Sources(HTMLParser):
    """Collects the remote sources of a page: loading attributes, inline styles."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.remote: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "link" and (values.get("rel") or "") in {"canonical", "alternate"}:
            return  # names a page, loads nothing
        for name in _LOADING.get(tag, ()):
            for value in (values.get(name) or "").split(","):
                if _REMOTE.match(value):
                    self.remote.append(f"<{tag} {name}={value.strip()}>")
        self.remote += _CSS_REMOTE.findall(values.get("style") or "")
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.remote += _CSS_REMOTE.findall(data)


def remote_sources(site: Path) -> Iterator[tuple[str, str]]:
    """Each source a built page or style sheet of ``site`` would load from the network,
    as (file, source)."""
    for path in sorted(site.rglob("*")):
        if path.suffix == ".html":
            parser = _Sources()
            parser.feed(path.read_text(encoding="utf-8"))
            found = parser.remote
        elif path.suffix == ".css":
            found = _CSS_REMOTE.findall(path.read_text(encoding="utf-8"))
        else:
            continue
        for source in found:
            yield path.relative_to(site).as_posix(), source


def on_post_build(*, config: Any, **_kwargs: Any) -> None:
    """Write the diagrams' own files; fail if any page would load from the network."""
    for path, svg in _DIAGRAM_FILES.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(svg, encoding="utf-8")
    _DIAGRAM_FILES.clear()
    remote = list(remote_sources(Path(config["site_dir"])))
    if remote:
        listed = "\n".join(f"  {page}: {source}" for page, source in remote[:20])
        raise PluginError(
            f"{len(remote)} source(s) of the built site would be loaded from the network "
            f"(the site must work offline):\n{listed}"
        )
