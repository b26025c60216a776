"""``mgp-convention status`` and ``diagram``, and ``check`` replaying the events.

The text is French by default and English with ``--lang en``: the tests look for what a
lawyer reads in it — the state's label, the dates written out, the articles — rather
than whole paragraphs.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import sys
from pathlib import Path
from typing import Any

import attrs
import pytest

from mgp_convention.cli import main
from mgp_convention.events import (
    BreachRecorded,
    ExperimentStarted,
    FormalNoticeSent,
    Obligation,
)
from mgp_convention.examples import example_convention
from mgp_convention.io import dumps

# The example: signed on 12 and 19 November 2026, end date Friday 31 March 2028.
EXAMPLE = example_convention()
STARTED = (*EXAMPLE.events, ExperimentStarted(dt.date(2027, 3, 1)))
BREACH = BreachRecorded(
    dt.date(2027, 4, 1), obligation=Obligation.SHARE_DATA, impedes_experiment=True
)
# Sent Friday 2 April 2027: day 30 is Sunday 2 May, so the deadline is Monday 3 May 2027.
NOTICE = FormalNoticeSent(dt.date(2027, 4, 2), letter_reference="LRAR 1")


def write(tmp_path: Path, *events: object) -> str:
    path = tmp_path / "convention.json"
    path.write_text(dumps(attrs.evolve(EXAMPLE, events=events)), encoding="utf-8")
    return str(path)


def test_status_human(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, *STARTED, BREACH, NOTICE)
    assert main(["status", path, "--on", "2027-04-10"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[1] == "État : délai de remédiation"
    assert "En vigueur depuis (Art. 2, dernière signature) : jeudi 19 novembre 2026" in out
    assert "Première fin de délai de remédiation : lundi 3 mai 2027" in out
    # Started 1 March 2027 for 6 months: 1 September − 1 day.
    assert "(Art. 5 al. 1) : du lundi 1er mars 2027 au mardi 31 août 2027" in out
    assert "Possible ensuite :\n  - un manquement\n  - une remédiation\n" in out
    assert (
        "une résiliation pour le motif « manquement » : les trente jours du manquement B1 "
        "courent jusqu'au lundi 3 mai 2027 inclus" in out
    )
    assert "remedy_period" not in out
    assert "termination:breach" not in out


def test_status_in_english(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, *STARTED, BREACH, NOTICE)
    assert main(["status", path, "--on", "2027-04-10", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[1] == "State: remedy period"
    assert "Earliest remedy deadline: Monday 3 May 2027" in out
    assert "Period of use (Art. 5 al. 1): Monday 1 March 2027 to Tuesday 31 August 2027" in out
    assert "Possible next:\n  - a breach\n  - a remedy\n" in out


def test_the_language_comes_from_the_environment(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path, *STARTED)
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    assert main(["status", path, "--on", "2027-04-10"]) == 0
    assert "State: experimenting" in capsys.readouterr().out
    monkeypatch.setenv("MGP_CONVENTION_LANG", "fr")  # before the locale's
    assert main(["status", path, "--on", "2027-04-10"]) == 0
    assert "État : en expérimentation" in capsys.readouterr().out
    assert main(["--lang", "en", "status", path, "--on", "2027-04-10"]) == 0  # the main parser's
    assert "State: experimenting" in capsys.readouterr().out


def test_status_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, *STARTED, BREACH, NOTICE)
    assert main(["status", path, "--on", "2027-05-04", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {
        "state",
        "effective_date",
        "remedy_deadline",
        "usage_period",
        "allowed_events",
        "history",
    } <= data.keys()
    assert data["reference"] == EXAMPLE.reference
    assert data["state"] == "remedy_period"
    assert data["remedy_deadline"] == "2027-05-03"
    assert data["remedy_deadline_passed"] is True  # Tuesday 4 May is the day after
    assert "termination:breach" in data["allowed_events"]
    assert data["usage_period"]["first_day"] == "2027-03-01"
    assert data["usage_period"]["last_day"] == "2027-08-31"
    assert [e["type"] for e in data["history"]] == [
        "signature",
        "signature",
        "experiment_started",
        "breach_recorded",
        "formal_notice_sent",
    ]


def test_status_json_nulls(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, EXAMPLE.events[0])
    assert main(["status", path, "--on", "2026-11-15", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["state"] == "draft"
    assert data["effective_date"] is None
    assert data["remedy_deadline"] is None
    assert data["usage_period"] is None
    assert data["allowed_events"] == ["signature", "procurement_unsuccessful", "amendment_signed"]


def test_status_on_defaults_to_today_in_paris(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("mgp_convention.cli._common.today_in_paris", lambda: dt.date(2028, 4, 1))
    assert main(["status", write(tmp_path, *EXAMPLE.events), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["on"], data["state"]) == ("2028-04-01", "ended")  # the day after the end date


def test_status_reads_stdin(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(dumps(EXAMPLE).encode("utf-8")))
    monkeypatch.setattr(sys, "stdin", stdin)
    assert main(["status", "-", "--on", "2027-01-04"]) == 0
    assert "État : signée" in capsys.readouterr().out


def test_a_refused_event_exits_1_with_its_index(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, *EXAMPLE.events, NOTICE)  # a notice without a breach
    assert main(["status", path, "--on", "2027-05-01"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (
        "erreur : $.events[2]: impossible d'enregistrer une mise en demeure (état : en retard) : "
        "aucun manquement n'est ouvert : indiquez le manquement que cet événement concerne\n"
    )
    assert "Traceback" not in captured.err
    assert "MachineError" not in captured.err


def test_status_bad_date(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["status", write(tmp_path), "--on", "01/04/2027"])
    assert info.value.code == 2
    assert "argument --on : date '01/04/2027' non valable : AAAA-MM-JJ attendu" in (
        capsys.readouterr().err
    )


def test_check_replays_the_events(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, *EXAMPLE.events, NOTICE)
    assert main(["check", path]) == 1
    assert f"erreur : {path}: $.events[2]: impossible d'enregistrer une mise en demeure" in (
        capsys.readouterr().err
    )
    assert main(["check", write(tmp_path, *STARTED, BREACH, NOTICE)]) == 0


@pytest.mark.parametrize(
    ("argv", "title", "first_state"),
    [
        (["diagram"], "Vie d'une convention", 'state "en attente de signature" as draft'),
        (["diagram", "--format", "mermaid", "--lang", "en"], "Life of a convention", None),
    ],
)
def test_diagram(
    argv: list[str], title: str, first_state: str | None, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(argv) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[1] == title
    assert "stateDiagram-v2" in lines
    if first_state is not None:
        assert f"  {first_state}" in lines


def test_diagram_dot(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diagram", "--format", "dot"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("digraph ")
    assert "délai de remédiation" in out


def test_diagram_bad_format(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["diagram", "--format", "svg"])
    assert info.value.code == 2
    assert "argument --format : choix non valable : 'svg'" in capsys.readouterr().err


def test_final_state_says_once_why_nothing_can_follow(capsys: pytest.CaptureFixture[str]) -> None:
    # Example 04 was terminated for breach on 2026-07-24: one line gives the reason,
    # instead of the same refusal repeated for each of the 13 events and grounds.
    terminated = Path(__file__).parent.parent / "examples" / "04-rivebelle-resiliee.json"
    assert main(["status", str(terminated), "--on", "2026-11-28"]) == 0
    out = capsys.readouterr().out
    assert out.rstrip().splitlines()[-1] == (
        "Plus rien ne peut suivre : la convention a été résiliée (décision du vendredi 24 "
        "juillet 2026, avec effet le vendredi 24 juillet 2026) : plus rien ne peut être "
        "enregistré (Art. 12 al. 1)"
    )
    assert "Impossible pour l'instant" not in out


def _status_json(name: str, on: str, capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    examples = Path(__file__).resolve().parent.parent / "examples"
    assert main(["status", str(examples / name), "--on", on, "--json"]) == 0
    data: dict[str, Any] = json.loads(capsys.readouterr().out)
    return data


def test_status_json_keys_of_rules_version_2(capsys: pytest.CaptureFixture[str]) -> None:
    # Issue 16, item 10: `status --json` keeps its keys and adds `breaches`, `advisories`,
    # `pending` and `termination`, each with the keys listed there; a tool relies on them.
    notified = _status_json("10-port-exemple-resiliation-notifiee.json", "2026-11-28", capsys)
    assert {"breaches", "advisories", "pending", "termination", "remedy_deadline"} <= set(notified)
    assert {
        "breach",
        "obligation",
        "recorded_on",
        "impedes_experiment",
        "notice_sent_on",
        "remedy_deadline",
        "remedied_on",
        "late",
        "accepted_late",
        "open",
        "art9_steps",
    } <= set(notified["breaches"][0])
    # Decided on 26 November, notified on 1 December: no retroactive effect.
    assert {"on", "notified_on", "effective_on", "ground", "by", "reason"} <= set(
        notified["termination"]
    )
    assert (notified["termination"]["on"], notified["termination"]["effective_on"]) == (
        "2026-11-26",
        "2026-12-01",
    )
    risky = _status_json("04-rivebelle-resiliee.json", "2026-11-28", capsys)
    assert [set(a) for a in risky["advisories"]] == [
        {"code", "message", "message_en", "source"}
    ] * 2
    # The top-level remedy deadline: the earliest among the open breaches with a notice,
    # null once none is open (B1 of example 04 ended with the termination).
    assert risky["remedy_deadline"] is None
    waiting = _status_json("05-saint-exemple-en-attente.json", "2026-11-22", capsys)
    assert waiting["pending"] == [{"type": "signature", "on": "2026-11-23", "party": "metropole"}]


def test_a_notification_recorded_for_a_later_day_is_not_said_in_the_past(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Example 10: the termination decided on Thursday 26 November 2026 is notified on
    # Tuesday 1 December. On 28 November it is still to come; from 1 December it is done.
    examples = Path(__file__).resolve().parent.parent / "examples"
    path = str(examples / "10-port-exemple-resiliation-notifiee.json")
    assert main(["status", path, "--on", "2026-11-28"]) == 0
    assert "  notification prévue le mardi 1er décembre 2026\n" in capsys.readouterr().out
    assert main(["status", path, "--on", "2026-11-28", "--lang", "en"]) == 0
    assert "  to be notified on Tuesday 1 December 2026\n" in capsys.readouterr().out
    assert main(["status", path, "--on", "2026-12-01"]) == 0
    assert "  notifiée le mardi 1er décembre 2026\n" in capsys.readouterr().out
