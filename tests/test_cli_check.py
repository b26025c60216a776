"""The command line: ``example``, ``check``, ``--version``, ``--help`` and exit codes.

``check`` speaks French by default (« valide », « erreur : … »), English with
``--lang en``; the JSON paths, the file names and the articles are the same in both.
"""

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
    assert capsys.readouterr().out == "-: valide (A-REMPLACER-PAR-LA-REFERENCE)\n"


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
    assert all(line.startswith(f"erreur : {bad}: $.") for line in lines)
    for path in ("$.beneficiary.siren", "$.market.total_ttc", "$.referent.emial", "$.end_date"):
        assert any(line.startswith(f"erreur : {bad}: {path}:") for line in lines), err
    assert "clé de contrôle fausse (Préambule)" in err  # the SIREN, with its source
    assert "vouliez-vous dire 'email'" in err
    assert "Traceback" not in err
    assert main(["check", str(bad), "--lang", "en"]) == 1
    err = capsys.readouterr().err
    assert f"error: {bad}: $.beneficiary.siren: '999000012' is not a valid SIREN" in err
    assert "did you mean 'email'" in err


def test_check_missing_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "/nonexistent/convention.json"]) == 1
    assert "lecture impossible : fichier ou dossier introuvable" in capsys.readouterr().err


def test_check_not_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    assert main(["check", str(bad)]) == 1
    assert (
        f"erreur : {bad}: JSON non valable : une clé entre guillemets droits est attendue "
        "(ligne 1, colonne 2)\n"
    ) == capsys.readouterr().err
    assert main(["check", str(bad), "--lang", "en"]) == 1
    assert "not valid JSON: a key in double quotes is expected (line 1, column 2)" in (
        capsys.readouterr().err
    )


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
    assert out.startswith("utilisation : mgp-convention")
    assert "vérifier des fichiers de convention" in out
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
    assert capsys.readouterr().out.count("valide") == 2
    assert main(["check", str(good), str(bad)]) == 1
    captured = capsys.readouterr()
    assert f"{good}: valide" in captured.out
    assert f"erreur : {bad}: $: attendu : un objet ; reçu : une liste" in captured.err
    assert main(["check", str(good), str(bad), "--lang", "en"]) == 1
    captured = capsys.readouterr()
    assert f"{good}: valid (A-REMPLACER-PAR-LA-REFERENCE)" in captured.out
    assert f"error: {bad}: $: expected an object, got a list" in captured.err


def test_check_says_when_a_file_of_version_1_is_read_as_version_2(
    capsys: pytest.CaptureFixture[str],
) -> None:
    old = Path(__file__).parent / "data" / "v1" / "04-rivebelle-resiliee.json"
    assert main(["check", str(old)]) == 0
    assert capsys.readouterr().out == (
        f"{old}: valide (MGP-AM-2026-EX-004 ; version 1 du format de fichier, lue comme la "
        "version 2)\n"
    )
    assert main(["check", str(old), "--lang", "en"]) == 0
    assert capsys.readouterr().out == (
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
    assert lines[100] == f"erreur : {bad}: … et 150 autres problèmes"
    assert lines[0] == f"erreur : {bad}: $.events[0].on: clé requise absente"
    assert main(["check", str(bad), "--lang", "en"]) == 1
    lines = capsys.readouterr().err.splitlines()
    assert lines[100] == f"error: {bad}: … and 150 more problems"
    assert lines[0] == f"error: {bad}: $.events[0].on: required key is missing"


def test_a_file_that_cannot_be_read_is_named_once(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "/nonexistent/convention.json"]) == 1
    assert capsys.readouterr().err == (
        "erreur : /nonexistent/convention.json: lecture impossible : fichier ou dossier "
        "introuvable\n"
    )
    assert main(["check", "/nonexistent/convention.json", "--lang", "en"]) == 1
    assert capsys.readouterr().err == (
        "error: /nonexistent/convention.json: cannot read: no such file or folder\n"
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
        "erreur : la sortie n'a pu être écrite : la sortie standard est fermée\n"
    )
    assert main(["example", "--lang", "en"]) == 1
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
    assert "plus de place sur le périphérique" in capsys.readouterr().err


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


EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def test_check_warns_of_an_event_dated_after_today(capsys: pytest.CaptureFixture[str]) -> None:
    # RULES.md v2, "Pending events": an event dated later is kept and listed as pending,
    # not an error; `check` names it (a mistyped year is the usual cause). The example's
    # only event is the Métropole's signature of Monday 23 November 2026.
    waiting = EXAMPLES / "05-saint-exemple-en-attente.json"
    assert main(["check", str(waiting), "--on", "2026-11-22"]) == 0  # exit status unchanged
    out, err = capsys.readouterr()
    assert out == f"{waiting}: valide (MGP-AM-2026-EX-005)\n"
    assert err == (
        f"avertissement : {waiting} : l'événement $.events[0] (une signature) est daté du "
        "lundi 23 novembre 2026, après aujourd'hui (dimanche 22 novembre 2026) ; il reste en "
        "attente jusque-là (une année mal saisie ?)\n"
    )
    assert main(["check", str(waiting), "--on", "2026-11-22", "--lang", "en"]) == 0
    assert capsys.readouterr().err == (
        f"warning: {waiting}: the event $.events[0] (a signature) is dated Monday 23 November "
        "2026, after today (Sunday 22 November 2026); it stays pending until then (a mistyped "
        "year?)\n"
    )
    # On the day itself the event is no longer in the future: no warning.
    assert main(["check", str(waiting), "--on", "2026-11-23"]) == 0
    assert capsys.readouterr().err == ""


def test_check_warns_of_each_later_event_and_only_of_them(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Example 03: a breach recorded on 2 November 2026 ($.events[3]) and its formal notice
    # of 20 November ($.events[4]); on 10 November only the notice is still to come.
    remedy = EXAMPLES / "03-bois-fictif-remediation.json"
    assert main(["check", str(remedy), "--on", "2026-11-10", "--lang", "en"]) == 0
    warnings = capsys.readouterr().err.splitlines()
    assert [line.split(" the event ")[1].split(" (")[0] for line in warnings] == ["$.events[4]"]


def test_check_prints_the_advisories_as_warnings(capsys: pytest.CaptureFixture[str]) -> None:
    # RULES.md v2, "Advisories": « `check` prints them as warnings ». Example 04: the
    # termination for breach B1 ($.events[5], decided on 24 July 2026) came without the
    # Art. 9 steps and without a notification date: two advisories, the file still valid.
    terminated = EXAMPLES / "04-rivebelle-resiliee.json"
    assert main(["check", str(terminated), "--on", "2026-11-29"]) == 0
    out, err = capsys.readouterr()
    assert out == f"{terminated}: valide (MGP-AM-2026-EX-004)\n"
    lines = err.splitlines()
    assert len(lines) == 2
    assert all(line.startswith(f"avertissement : {terminated} : $.events[5] : ") for line in lines)
    assert lines[0].endswith("(Art. 9)")
    assert "date de notification" in lines[1]
    assert lines[1].endswith("(CE Ass., 25 juin 1948, Société du journal L'Aurore)")
    assert main(["check", str(terminated), "--on", "2026-11-29", "--lang", "en"]) == 0
    english = capsys.readouterr().err.splitlines()
    assert [line.split(": ")[0] for line in english] == ["warning", "warning"]
    # A convention whose events carry no legal risk gets no warning.
    assert main(["check", str(EXAMPLES / "01-valmont-signee.json"), "--on", "2026-11-29"]) == 0
    assert capsys.readouterr().err == ""
