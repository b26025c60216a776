"""``mgp-convention portfolio``: the table, the JSON, the failures and the exit codes."""

from __future__ import annotations

import datetime as dt
import io
import json
import shutil
from pathlib import Path

import pytest

from mgp_convention.cli import COMMANDS, main
from mgp_convention.cli import portfolio as portfolio_command
from mgp_convention.cli.portfolio import MIN_WIDTH, PIPED_WIDTH, console

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
ISO_DATE = r"^\d{4}-\d{2}-\d{2}$"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """The examples, a file that is not JSON, and one whose event the lifecycle refuses."""
    for example in EXAMPLES.glob("*.json"):
        shutil.copy(example, tmp_path)
    (tmp_path / "10-broken.json").write_text('{"schema_version": 1,', encoding="utf-8")
    data = json.loads((EXAMPLES / "01-valmont-signee.json").read_text(encoding="utf-8"))
    data["reference"] = "MGP-AM-2026-EX-099"
    data["events"].append({"type": "termination", "on": "2026-11-25", "ground": "breach"})
    (tmp_path / "11-refused.json").write_text(json.dumps(data), encoding="utf-8")
    return tmp_path


def test_portfolio_is_the_first_command() -> None:
    assert COMMANDS[0] is portfolio_command


def test_table_on_the_examples(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["portfolio", str(EXAMPLES), "--on", "2026-11-28"]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0] == f"{EXAMPLES} on Saturday 28 November 2026: 5 conventions, 0 overdue"
    assert all(len(line) <= PIPED_WIDTH for line in lines)
    assert all(line == line.rstrip() for line in lines)
    header = lines[1].split()
    assert header == ["Reference", "Beneficiary", "State", "Next", "date", "Action", "Article"]
    # One line per row starts with its reference: in urgency order, each date and article
    # whole on that line.
    firsts = [line for line in lines if "MGP-AM-2026-EX-" in line]
    assert [line.split()[1 if line.startswith("-") else 0] for line in firsts] == [
        "MGP-AM-2026-EX-003",
        "MGP-AM-2026-EX-002",
        "MGP-AM-2026-EX-001",
        "MGP-AM-2026-EX-005",
        "MGP-AM-2026-EX-004",
    ]
    for line, date, article in zip(
        firsts,
        ["2026-12-21", "2027-02-10", "2027-03-01", "2028-03-31", "—"],
        ["Art. 12 al. 2", "Art. 5 al. 1", "Art. 5 al. 1", "Art. 2", "Art. 12 al. 1"],
        strict=True,
    ):
        assert f"  {date}  " in line
        assert line.endswith(article)
    for label in ("délai de", "remédiation", "expérimentation", "signée", "résiliée"):
        assert label in out
    assert "could not be used" not in out


def test_overdue_marker(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["portfolio", str(EXAMPLES), "--on", "2026-12-28"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].endswith("5 conventions, 1 overdue")
    overdue = next(line for line in lines if line.startswith("!!"))
    assert "MGP-AM-2026-EX-003" in overdue
    assert "2026-12-21" in overdue


def test_failures_are_listed_after_the_table_and_exit_1(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["portfolio", str(folder), "--on", "2026-11-28"]) == 1
    out = capsys.readouterr().out
    table, failures = out.split("2 files could not be used:\n")
    assert table.count("MGP-AM-2026-EX-") == 5  # every example is still listed
    assert failures.splitlines() == [
        f"  {folder / '10-broken.json'}",
        "    error: $: not valid JSON: Expecting property name enclosed in double quotes "
        "(line 1, column 22)",
        f"  {folder / '11-refused.json'} (MGP-AM-2026-EX-099)",
        "    error: $.events[2]: 'termination:breach' refused in state 'signed': a "
        "termination for breach is possible only in state remedy_period (délai de "
        "remédiation) (Art. 12 al. 1)",
    ]


def test_json(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["portfolio", str(folder), "--on", "2026-11-28", "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["on"] == "2026-11-28"
    assert data["counts"] == {
        "conventions": 5,
        "failures": 2,
        "duplicates": 0,
        "overdue": 0,
        "soon": 0,
        "later": 4,
        "none": 1,
    }
    assert [row["reference"][-3:] for row in data["rows"]] == ["003", "002", "001", "005", "004"]
    first = data["rows"][0]
    assert first["state"] == "remedy_period"
    assert first["state_label_fr"] == "délai de remédiation"
    assert first["next_date"] == "2026-12-21"
    assert first["article"] == "Art. 12 al. 2"
    for row in data["rows"]:
        for key in ("next_date", "end_date"):
            assert row[key] is None or dt.date.fromisoformat(row[key])
    assert [f["file"] for f in data["failures"]] == [
        str(folder / "10-broken.json"),
        str(folder / "11-refused.json"),
    ]
    assert data["failures"][1]["errors"][0]["article"] == "Art. 12 al. 1"
    assert data["duplicates"] == []


def test_two_files_with_one_reference_are_named_and_exit_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A copy of example 01 left in the folder under another name: both rows stay listed,
    # the files are named after the table, and a script notices (exit 1).
    for example in EXAMPLES.glob("*.json"):
        shutil.copy(example, tmp_path)
    shutil.copy(EXAMPLES / "01-valmont-signee.json", tmp_path / "01-copie.json")
    assert main(["portfolio", str(tmp_path), "--on", "2026-11-28"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].endswith(": 6 conventions, 0 overdue")
    assert sum("MGP-AM-2026-EX-001" in line for line in lines) == 3  # two rows, one warning
    assert lines[-1] == (
        f"2 files hold the reference MGP-AM-2026-EX-001: {tmp_path / '01-copie.json'}, "
        f"{tmp_path / '01-valmont-signee.json'}"
    )
    assert main(["portfolio", str(tmp_path), "--on", "2026-11-28", "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["counts"]["duplicates"] == 1
    assert data["duplicates"] == [
        {
            "reference": "MGP-AM-2026-EX-001",
            "files": [str(tmp_path / "01-copie.json"), str(tmp_path / "01-valmont-signee.json")],
        }
    ]


def test_on_defaults_to_today_in_paris(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(
        "mgp_convention.cli.portfolio.today_in_paris", lambda: dt.date(2026, 12, 28)
    )
    assert main(["portfolio", str(EXAMPLES), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["on"] == "2026-12-28"
    assert data["counts"]["overdue"] == 1


def test_empty_folder_and_not_a_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["portfolio", str(tmp_path), "--on", "2026-11-28"]) == 0
    assert capsys.readouterr().out == (
        f"{tmp_path} on Saturday 28 November 2026: 0 conventions, 0 overdue: "
        "no convention file could be listed.\n"
    )
    assert main(["portfolio", str(tmp_path / "nowhere"), "--on", "2026-11-28"]) == 1
    assert "is not a folder" in capsys.readouterr().err


def test_help_documents_the_exit_status(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["portfolio", "--help"])
    out = capsys.readouterr().out
    assert "exit status:" in out
    assert "1  at least one file could not be used" in out


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_console_width_in_a_terminal_and_in_a_pipe(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdout", io.StringIO())
    assert console().width == PIPED_WIDTH
    monkeypatch.setattr("sys.stdout", _Terminal())
    monkeypatch.setenv("COLUMNS", "60")  # a narrow terminal: never squeezed below MIN_WIDTH
    assert console().width == MIN_WIDTH
    monkeypatch.setenv("COLUMNS", "180")
    assert console().width == 180


def test_a_tab_in_a_reference_is_that_files_failure(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A reference is one line: a tab is refused when the file is read (it used to be
    # drawn as a space); the other files are still listed.
    for example in EXAMPLES.glob("*.json"):
        shutil.copy(example, tmp_path)
    data = json.loads((EXAMPLES / "01-valmont-signee.json").read_text(encoding="utf-8"))
    data["reference"] = "MGP-AM-2026\tEX-001-LONGER-REF"
    (tmp_path / "01-valmont-signee.json").write_text(json.dumps(data), encoding="utf-8")
    assert main(["portfolio", str(tmp_path), "--on", "2026-11-28"]) == 1
    out = capsys.readouterr().out
    assert "$.reference: a tab (U+0009) is not allowed in this text (one line)" in out
    assert out.count("MGP-AM-2026-EX-0") == 4
