"""MkDocs hooks: generated parts of the documentation, read from the code at build time.

- ``{{ citations }}``: every rule's citation, collected from the package;
- ``{{ state_diagram }}``: the lifecycle's state diagram, drawn from the machine;
- ``{{ json_schema }}``: the JSON Schema of the convention file.

The pages can therefore never drift from the code.
"""

from __future__ import annotations

import json
from typing import Any

from mgp_convention.citations import all_citations
from mgp_convention.diagram import mermaid
from mgp_convention.schema import json_schema


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


def _state_diagram() -> str:
    # Drawn from the package's one transitions machine (states, events, guards):
    # mgp_convention.diagram only renders, mgp_convention.lifecycle reads the machine.
    return f"```mermaid\n{mermaid()}\n```"


def _json_schema() -> str:
    return f"```json\n{json.dumps(json_schema(), ensure_ascii=False, indent=2)}\n```"


_GENERATED = {
    "{{ citations }}": _citations,
    "{{ state_diagram }}": _state_diagram,
    "{{ json_schema }}": _json_schema,
}


def on_page_markdown(markdown: str, **_kwargs: Any) -> str:
    """Replace each marker by its generated text."""
    for marker, generate in _GENERATED.items():
        if marker in markdown:
            markdown = markdown.replace(marker, generate())
    return markdown
