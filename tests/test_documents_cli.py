"""``mgp-convention document FILE KIND``: what is written, what is refused, the exit codes.

0 written; 1 an invalid file or a value missing; 2 a usage error (unknown kind, bad
option or template, an existing output without --force, a folder that cannot be
written). Never a traceback.
"""

from __future__ import annotations

import io
import json
import os
from pathlib import Path
from typing import Any

import docx
import pytest

from mgp_convention.cli import document as document_command
from mgp_convention.cli import main

ROOT = Path(__file__).parent.parent
VALMONT = ROOT / "examples" / "01-valmont-signee.json"
DEFAULT_NAME = "MGP-AM-2026-EX-001-convention.docx"


def text_of(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    return "\n".join([*(p.text for p in document.paragraphs), *cells])


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    try:
        code = main(args)
    except SystemExit as exit_:  # argparse's usage errors
        code = int(exit_.code or 0)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_the_convention_is_written_under_its_reference(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(["document", str(VALMONT), "convention"], capsys)
    assert (code, out.strip(), err) == (0, DEFAULT_NAME, "")
    assert "jusqu'au 31 mars 2028." in text_of((workdir / DEFAULT_NAME).read_bytes())
    assert sorted(p.name for p in workdir.iterdir()) == [DEFAULT_NAME]


def test_an_existing_file_is_replaced_only_with_force(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = workdir / "c.docx"
    target.write_bytes(b"previous")
    code, _out, err = run(["document", str(VALMONT), "convention", "-o", "c.docx"], capsys)
    assert code == 2
    assert "c.docx existe déjà : ajoutez --force pour le remplacer" in err
    assert target.read_bytes() == b"previous"
    code, _out, err = run(
        ["document", str(VALMONT), "convention", "-o", "c.docx", "--lang", "en"], capsys
    )
    assert "c.docx already exists: add --force to replace it" in err
    code, out, _err = run(
        ["document", str(VALMONT), "convention", "-o", "c.docx", "--force"], capsys
    )
    assert (code, out.strip()) == (0, "c.docx")
    assert target.read_bytes()[:2] == b"PK"


def test_a_file_appearing_before_the_write_is_not_replaced(
    workdir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def appeared(*_args: Any, **_kwargs: Any) -> None:
        raise FileExistsError("c.docx")

    monkeypatch.setattr("mgp_convention.documents.files.write_atomically", appeared)
    code, _out, err = run(["document", str(VALMONT), "convention", "-o", "c.docx"], capsys)
    assert code == 2
    assert "existe déjà" in err


def test_dash_writes_the_docx_to_standard_output(
    capsysbinary: pytest.CaptureFixture[bytes], workdir: Path
) -> None:
    assert main(["document", str(VALMONT), "convention", "-o", "-"]) == 0
    data = capsysbinary.readouterr().out
    assert "Pour Commune de Valmont-sur-Marne (fictive)" in text_of(data)
    assert list(workdir.iterdir()) == []


def test_dash_refuses_a_terminal(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdout.isatty", lambda: True)
    code, _out, err = run(["document", str(VALMONT), "convention", "-o", "-"], capsys)
    assert code == 2
    assert "la sortie standard est un terminal" in err
    code, _out, err = run(
        ["document", str(VALMONT), "convention", "-o", "-", "--lang", "en"], capsys
    )
    assert "standard output is a terminal" in err


def test_a_file_lacking_values_lists_each_one_and_writes_nothing(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = json.loads(VALMONT.read_text(encoding="utf-8"))
    for key in ("reduced_usage_after", "evaluation_deadline", "evaluation_period"):
        del data["experiment"][key]
    (workdir / "lacking.json").write_text(json.dumps(data), encoding="utf-8")
    code, out, err = run(["document", "lacking.json", "convention"], capsys)
    assert (code, out) == (1, "")
    lines = err.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(
        "erreur : lacking.json: $.experiment.reduced_usage_after : aucune valeur dans le fichier"
    )
    assert "au-delà de [Date]" in lines[0]
    assert lines[1].startswith("erreur : lacking.json: $.experiment.evaluation_deadline : ")
    code, out, err = run(["document", "lacking.json", "convention", "--lang", "en"], capsys)
    assert err.startswith(
        "error: lacking.json: $.experiment.reduced_usage_after: no value in the file, needed for"
    )
    assert sorted(p.name for p in workdir.iterdir()) == ["lacking.json"]


def test_an_invalid_file_exits_1(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (workdir / "bad.json").write_text("{}", encoding="utf-8")
    code, _out, err = run(["document", "bad.json", "convention"], capsys)
    assert code == 1
    assert "$.reference" in err


def test_a_template_missing_a_tag_is_reported_with_its_name(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shipped = ROOT / "src" / "mgp_convention" / "documents" / "templates" / "convention.docx"
    document = docx.Document(str(shipped))
    paragraph = next(p for p in document.paragraphs if "{{ end_date }}" in p.text)
    text = paragraph.text.replace("{{ end_date }}", "31 mars 2028")
    for run_ in paragraph.runs[1:]:
        run_.text = ""
    paragraph.runs[0].text = text
    document.save(str(workdir / "entete.docx"))
    code, _out, err = run(
        ["document", str(VALMONT), "convention", "--template", "entete.docx"], capsys
    )
    assert code == 2
    assert err.strip() == (
        "erreur : entete.docx: il lui manque des balises dont le document convention a besoin "
        ": end_date"
    )
    code, _out, err = run(
        ["document", str(VALMONT), "convention", "--template", "entete.docx", "--lang", "en"],
        capsys,
    )
    assert err.strip() == "error: entete.docx: it lacks tags the convention needs: end_date"
    assert not (workdir / DEFAULT_NAME).exists()


def test_on_is_for_the_letters(capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = run(["document", str(VALMONT), "convention", "--on", "2027-01-01"], capsys)
    assert code == 2
    assert "--on date une lettre" in err
    code, _out, err = run(
        ["document", str(VALMONT), "convention", "--on", "2027-01-01", "--lang", "en"], capsys
    )
    assert "--on dates a letter" in err


@pytest.mark.parametrize("kind", ["lettre", "Mise-en-demeure"])
def test_an_unknown_kind_is_a_usage_error(kind: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = run(["document", str(VALMONT), kind], capsys)
    assert code == 2
    assert "choix non valable" in err  # argparse's words, in French


def test_a_folder_that_cannot_be_written(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = run(["document", str(VALMONT), "convention", "-o", "absent/c.docx"], capsys)
    assert code == 2
    assert "écriture impossible de 'absent/c.docx' : fichier ou dossier introuvable" in err
    code, _out, err = run(
        ["document", str(VALMONT), "convention", "-o", "absent/c.docx", "--lang", "en"], capsys
    )
    assert "cannot write 'absent/c.docx': no such file or folder" in err


def test_another_signatory(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, _err = run(
        [
            "document",
            str(VALMONT),
            "convention",
            "--signatory",
            "Jeanne Exemple",
            "--signatory-title",
            "Présidente",
            "--signatory-civility",
            "Madame",
        ],
        capsys,
    )
    assert code == 0
    text = text_of((workdir / DEFAULT_NAME).read_bytes())
    assert "représentée par sa Présidente, Jeanne Exemple dûment mandatée" in text
    assert "Jeanne EXEMPLE" in text


def test_an_empty_signatory_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = run(
        ["document", str(VALMONT), "convention", "--signatory-title", " "], capsys
    )
    assert code == 2
    assert "--signatory-title : ne doit pas être vide" in err


def test_help_says_what_dash_and_force_do(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = run(["document", "--help"], capsys)
    assert code == 0
    flat = " ".join(out.split())
    assert "Avec -o -, le .docx est écrit sur la sortie standard" in flat
    assert "Un fichier existant n'est remplacé qu'avec --force" in flat
    assert "Patrick Ollier" in flat
    code, out, _err = run(["document", "--help", "--lang", "en"], capsys)
    assert code == 0
    flat = " ".join(out.split())
    assert "With -o -, the .docx is written to standard output" in flat
    assert "An existing file is replaced only with --force" in flat


def test_every_kind_name_is_offered() -> None:
    assert "convention" in document_command.KIND_NAMES


def test_the_command_reads_standard_input(
    workdir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(VALMONT.read_bytes()))
    monkeypatch.setattr("sys.stdin", stdin)
    code, out, _err = run(["document", "-", "convention"], capsys)
    assert (code, out.strip()) == (0, DEFAULT_NAME)
    assert os.path.exists(workdir / DEFAULT_NAME)
