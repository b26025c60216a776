"""MkDocs hooks: generated parts of the documentation, read from the code at build time.

- ``{{ citations }}``: every rule's citation, collected from the package;
- ``{{ state_diagram }}``: the lifecycle's state diagram, drawn from the machine;
- ``{{ json_schema }}``: the JSON Schema of the convention file.

The pages can therefore never drift from the code.
"""

from __future__ import annotations

import json
from typing import Any


def _citations() -> str:
    from mgp_convention.citations import all_citations

    rows = ["| Rule | Article | Text (verbatim) |", "|---|---|---|"]
    for name, citation in all_citations():
        text = citation.text.replace("|", "\\|")
        rows.append(f"| `{name}` | {citation.label} | « {text} » |")
    return "\n".join(rows)


def _state_diagram() -> str:
    try:
        from mgp_convention.diagram import mermaid
    except ImportError:  # the lifecycle is not there yet
        return "*(the state diagram comes with the lifecycle)*"
    return f"```mermaid\n{mermaid()}\n```"


def _json_schema() -> str:
    from mgp_convention.schema import json_schema

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
