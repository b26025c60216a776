"""``mgp-convention report``: the file written, never overwritten by surprise, exit codes."""

from __future__ import annotations

import shutil
from pathlib import Path

import lxml.html
import pytest

from mgp_convention.cli import COMMANDS, main

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def folder_with_a_broken_file(tmp_path: Path) -> Path:
    folder = tmp_path / "conventions"
    folder.mkdir()
    shutil.copy(EXAMPLES / "01-valmont-signee.json", folder)
    (folder / "broken.json").write_text("{", encoding="utf-8")
    return folder


def test_report_and_export_are_commands() -> None:
    names = [name for name, _, _ in COMMANDS]
    assert {"report", "export"} <= set(names)
    modules = {name: module for name, module, _ in COMMANDS}
    assert modules["report"] == "mgp_convention.cli.report"
    assert modules["export"] == "mgp_convention.cli.export"


def test_default_name_carries_the_date(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["report", str(EXAMPLES), "--on", "2026-11-28"]) == 0
    written = tmp_path / "rapport-2026-11-28.html"
    assert capsys.readouterr().out == "rapport-2026-11-28.html\n"
    page = lxml.html.parse(str(written)).getroot()
    assert page.get("lang") == "fr"
    rows = page.xpath("//table[@class='portfolio']/tbody/tr")
    assert len(rows) == len(list(EXAMPLES.glob("*.json")))
    assert [p.name for p in tmp_path.iterdir()] == ["rapport-2026-11-28.html"]  # no temporary


def test_an_existing_file_is_kept_without_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "rapport.html"
    out.write_bytes(b"last week's report")
    with pytest.raises(SystemExit) as exit_:
        main(["report", str(EXAMPLES), "--on", "2026-11-28", "-o", str(out)])
    assert exit_.value.code == 2
    assert "existe déjà : ajoutez --force pour le remplacer" in capsys.readouterr().err
    assert out.read_bytes() == b"last week's report"
    with pytest.raises(SystemExit):
        main(["report", str(EXAMPLES), "--on", "2026-11-28", "-o", str(out), "--lang", "en"])
    assert "already exists: add --force to replace it" in capsys.readouterr().err
    assert main(["report", str(EXAMPLES), "--on", "2026-11-28", "-o", str(out), "--force"]) == 0
    assert out.read_bytes().startswith(b"<!DOCTYPE html>")


def test_a_file_that_fails_is_listed_and_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = folder_with_a_broken_file(tmp_path)
    out = tmp_path / "rapport.html"
    assert main(["report", str(folder), "--on", "2026-11-28", "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"erreur : {folder / 'broken.json'}: $: JSON non valable")
    page = lxml.html.parse(str(out)).getroot()
    assert "broken.json" in page.xpath("//section[@id='failures']")[0].text_content()
    assert len(page.xpath("//section[@class='convention']")) == 1


def test_standard_output_and_english(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", str(EXAMPLES), "--on", "2026-11-28", "-o", "-", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    page = lxml.html.document_fromstring(out)
    assert page.get("lang") == "en"
    assert page.xpath("//h2")[0].text_content() == "Summary"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["report", "no-such-folder"], "'no-such-folder' n'est pas un dossier"),
        (["report", "no-such-folder", "--lang", "en"], "'no-such-folder' is not a folder"),
        (["report", str(EXAMPLES), "--on", "28/11/2026"], "date '28/11/2026' non valable"),
        (
            ["report", str(EXAMPLES), "--on", "28/11/2026", "--lang", "en"],
            "invalid date '28/11/2026'",
        ),
    ],
    ids=["not a folder", "not a folder-en", "malformed date", "malformed date-en"],
)
def test_usage_errors_exit_2(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(argv)
    assert exit_.value.code == 2
    assert message in capsys.readouterr().err


def test_a_folder_that_cannot_be_written_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["report", str(EXAMPLES), "-o", str(tmp_path / "missing" / "r.html")])
    assert exit_.value.code == 2
    assert "écriture impossible" in capsys.readouterr().err


def test_two_files_with_one_reference_are_named_and_exit_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ("a.json", "b.json"):
        shutil.copy(EXAMPLES / "01-valmont-signee.json", tmp_path / name)
    out = tmp_path / "out" / "rapport.html"
    out.parent.mkdir()
    assert main(["report", str(tmp_path), "--on", "2026-11-28", "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert err == (
        f"erreur : 2 fichiers portent la référence MGP-AM-2026-EX-001 : "
        f"{tmp_path / 'a.json'}, {tmp_path / 'b.json'}\n"
    )
    assert len(lxml.html.parse(str(out)).getroot().xpath("//p[@class='warning']")) == 1


def test_the_failures_on_stderr_in_english_and_in_french_for_export(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The lines on stderr are in the user's language, as the other commands' are."""
    folder = folder_with_a_broken_file(tmp_path)
    shutil.copy(EXAMPLES / "01-valmont-signee.json", folder / "copy.json")
    out = tmp_path / "rapport.html"
    assert main(["report", str(folder), "--on", "2026-11-28", "-o", str(out), "--lang", "en"]) == 1
    assert capsys.readouterr().err.splitlines() == [
        f"error: {folder / 'broken.json'}: $: not valid JSON: a key in double quotes is "
        "expected (line 1, column 2)",
        f"error: 2 files hold the reference MGP-AM-2026-EX-001: "
        f"{folder / '01-valmont-signee.json'}, {folder / 'copy.json'}",
    ]
    sheet = tmp_path / "portefeuille.xlsx"
    assert main(["export", str(folder), "--on", "2026-11-28", "-o", str(sheet)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"erreur : {folder / 'broken.json'}: $: JSON non valable")
    assert "erreur : 2 fichiers portent la référence MGP-AM-2026-EX-001 : " in err
