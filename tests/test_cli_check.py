"""The command line: ``example``, ``check``, ``--version``, ``--help`` and exit codes."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from mgp_convention import __version__
from mgp_convention.cli import main


def test_example_then_check_stdin(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert main(["example"]) == 0
    printed = capsys.readouterr().out
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(printed.encode("utf-8"))))
    assert main(["check", "-"]) == 0
    assert "valid" in capsys.readouterr().out


def test_check_reports_every_problem(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["example"])
    data = json.loads(capsys.readouterr().out)
    data["beneficiary"]["siren"] = "999000012"
    data["market"]["total_ttc"] = 180000.5
    data["referent"]["emial"] = data["referent"].pop("email")
    data["end_date"] = "2026-01-01"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    assert main(["check", str(bad)]) == 1
    err = capsys.readouterr().err
    lines = err.splitlines()
    assert all(line.startswith(f"error: {bad}: $.") for line in lines)
    for path in ("$.beneficiary.siren", "$.market.total_ttc", "$.referent.emial", "$.end_date"):
        assert any(line.startswith(f"error: {bad}: {path}:") for line in lines), err
    assert "Traceback" not in err


def test_check_missing_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "/nonexistent/convention.json"]) == 1
    assert "cannot read" in capsys.readouterr().err


def test_check_not_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    assert main(["check", str(bad)]) == 1
    assert "not valid JSON" in capsys.readouterr().err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0
    assert __version__ in capsys.readouterr().out


def test_help_lists_commands(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--help"])
    assert info.value.code == 0
    out = capsys.readouterr().out
    assert "example" in out
    assert "check" in out


def test_usage_error_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["check"])
    assert info.value.code == 2
    with pytest.raises(SystemExit) as info:
        main([])
    assert info.value.code == 2
    capsys.readouterr()


def test_installed_script_runs() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mgp_convention.cli", "example"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0
    assert json.loads(result.stdout)["schema_version"] == 2


def test_check_several_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = tmp_path / "good.json"
    main(["example"])
    good.write_text(capsys.readouterr().out, encoding="utf-8")
    bad = tmp_path / "bad.json"
    bad.write_text("[]", encoding="utf-8")
    assert main(["check", str(good), str(good)]) == 0
    assert capsys.readouterr().out.count("valid") == 2
    assert main(["check", str(good), str(bad)]) == 1
    captured = capsys.readouterr()
    assert f"{good}: valid" in captured.out
    assert f"error: {bad}: $: expected an object" in captured.err


def test_check_says_when_a_file_of_version_1_is_read_as_version_2(
    capsys: pytest.CaptureFixture[str],
) -> None:
    old = Path(__file__).parent / "data" / "v1" / "04-rivebelle-resiliee.json"
    assert main(["check", str(old)]) == 0
    out = capsys.readouterr().out
    assert out == (
        f"{old}: valid (MGP-AM-2026-EX-004; version 1 of the file format, read as version 2)\n"
    )


def test_check_lists_100_problems_per_file_and_counts_the_others(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["example"])
    data = json.loads(capsys.readouterr().out)
    data["events"] = [{"type": "experiment_started"}] * 250  # each without its date
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    assert main(["check", str(bad), str(bad)]) == 1
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 2 * 101
    assert lines[100] == f"error: {bad}: … and 150 more problems"
    assert lines[0] == f"error: {bad}: $.events[0].on: required key is missing"


def test_a_file_that_cannot_be_read_is_named_once(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "/nonexistent/convention.json"]) == 1
    assert capsys.readouterr().err == (
        "error: /nonexistent/convention.json: cannot read: No such file or directory\n"
    )


class _FailingOutput(io.TextIOBase):
    """A standard output whose writes fail with ``error``."""

    def __init__(self, error: OSError) -> None:
        self.error = error

    def writable(self) -> bool:
        return True

    def write(self, _text: str) -> int:
        raise self.error


def test_a_closed_stdout_is_an_error(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """``mgp-convention example >&-``: Python starts with ``sys.stdout`` None."""
    monkeypatch.setattr(sys, "stdout", None)
    assert main(["example"]) == 1
    assert capsys.readouterr().err == (
        "error: the output could not be written: standard output is closed\n"
    )


def test_a_full_stdout_is_an_error(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import errno

    full = OSError(errno.ENOSPC, "No space left on device")
    monkeypatch.setattr(sys, "stdout", _FailingOutput(full))
    assert main(["schema"]) == 1
    assert "No space left on device" in capsys.readouterr().err


def test_a_reader_that_stops_early_is_not_an_error(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdout", _FailingOutput(BrokenPipeError()))
    assert main(["schema"]) == 0
    assert capsys.readouterr().err == ""


def test_a_closed_or_full_stderr_is_not_a_traceback(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stderr", None)
    assert main(["check", "/nonexistent/convention.json"]) == 1
    monkeypatch.setattr(sys, "stderr", _FailingOutput(OSError(28, "No space left on device")))
    assert main(["check", "/nonexistent/convention.json"]) == 1


def test_a_usage_error_is_printable(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "\x1b[2J")
    with pytest.raises(SystemExit) as info:
        main(["calendar", "examples/01-valmont-signee.json"])
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert "\x1b" not in err
    assert "SOURCE_DATE_EPOCH='\\x1b[2J'" in err
