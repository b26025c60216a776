"""The contract's template, as the tests quote it.

A copy of ``../shared/convention/convention-appropriation-metropolitaine.txt`` is kept in
``tests/data/`` so that the word-for-word checks of the citations run on any machine,
not only beside the project's shared folder; ``tests/test_citations.py`` fails if the
copy and the shared template ever differ.
"""

from __future__ import annotations

from pathlib import Path

#: The bundled copy of the template.
CONTRACT = Path(__file__).resolve().parent / "data" / "convention-appropriation-metropolitaine.txt"
#: The template in the project's shared folder, beside the repository (may be absent).
SHARED_CONTRACT = (
    Path(__file__).resolve().parents[2]
    / "shared"
    / "convention"
    / "convention-appropriation-metropolitaine.txt"
)


def contract_text() -> str:
    """The contract's text with every run of blanks collapsed to one space."""
    return " ".join(CONTRACT.read_text(encoding="utf-8").split())
