"""The convention's template is the contract's text: regenerated, it equals the shipped one.

``scripts/make_convention_template.py`` builds the template from
``tests/data/convention-appropriation-metropolitaine.txt``; a change of either that the
other does not follow fails here. The script also stops, rather than guess, when the
contract's text is not the one it knows.
"""

from __future__ import annotations

import importlib.util
import io
import sys
from pathlib import Path
from types import ModuleType

import docx
import pytest

ROOT = Path(__file__).parent.parent
CONTRACT = Path(__file__).parent / "data" / "convention-appropriation-metropolitaine.txt"
SHIPPED = ROOT / "src" / "mgp_convention" / "documents" / "templates" / "convention.docx"


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "make_convention_template", ROOT / "scripts" / "make_convention_template.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # attrs needs the module of its classes
    spec.loader.exec_module(module)
    return module


SCRIPT = _script()


def content(document: docx.document.Document) -> list[tuple[str, str]]:
    """Each paragraph's style and text, the table's cells, the footer."""
    found: list[tuple[str, str]] = []
    for block in document.iter_inner_content():
        if isinstance(block, docx.table.Table):
            found.extend(("cell", cell.text) for row in block.rows for cell in row.cells)
        else:
            found.append((block.style.name, block.text))
    found.extend(("footer", p.text) for p in document.sections[0].footer.paragraphs)
    return found


def test_the_shipped_template_is_the_contract_regenerated() -> None:
    built = SCRIPT.build(CONTRACT.read_text(encoding="utf-8"))
    assert content(built) == content(docx.Document(str(SHIPPED)))


def test_the_copy_of_the_contract_is_the_shared_one() -> None:
    shared = ROOT.parent / "shared" / "convention" / CONTRACT.name
    if not shared.exists():
        pytest.skip("no shared/ folder beside this repository")
    assert shared.read_text(encoding="utf-8") == CONTRACT.read_text(encoding="utf-8")


def test_the_script_writes_the_template(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "convention.docx"
    assert SCRIPT.main([str(CONTRACT), "-o", str(out)]) == 0
    assert capsys.readouterr().out.strip() == str(out)
    assert content(docx.Document(str(out))) == content(docx.Document(str(SHIPPED)))


TEXT = CONTRACT.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("changed", "words"),
    [
        (TEXT.replace("[NuméroSIREN]", "200000000"), "the placeholders are"),
        (TEXT.replace("Patrick Ollier dûment", "Anne Exemple dûment"), "expected the words"),
        (TEXT.replace("Fait en deux exemplaires à", "Fait à Paris"), "no line"),
        (TEXT.replace("LePour La Métropole", "Pour La Métropole"), "the signature block"),
        (TEXT.replace("\n . Il a vocation", "\n\n . Il a vocation"), "' .' where none"),
        (TEXT.replace("Il est convenu", " Il est convenu"), "indented line after no list"),
        (TEXT.replace("Etant exposé que :\n", "Etant exposé que :\nEn effet"), "two lines"),
    ],
    ids=["placeholder", "signatory", "closing", "signatures", "dot", "indent", "two lines"],
)
def test_the_script_stops_when_the_contract_changed(changed: str, words: str) -> None:
    assert changed != TEXT
    with pytest.raises(SCRIPT.ContractChanged, match=words):
        SCRIPT.build(changed)


def test_the_script_says_so_and_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    changed = tmp_path / "contract.txt"
    changed.write_text(TEXT.replace("[Adresse]", "Paris"), encoding="utf-8")
    out = tmp_path / "convention.docx"
    assert SCRIPT.main([str(changed), "-o", str(out)]) == 1
    assert "the placeholders are" in capsys.readouterr().err
    assert not out.exists()


def test_emphasis_becomes_bold_and_italic() -> None:
    document = docx.Document(io.BytesIO(SHIPPED.read_bytes()))
    runs = [run for p in document.paragraphs for run in p.runs]
    assert any(r.bold and r.text == "déployer ces solutions à grande échelle" for r in runs)
    assert any(r.italic and r.text == "Innover dans la Ville" for r in runs)
    assert not any("*" in p.text for p in document.paragraphs)
