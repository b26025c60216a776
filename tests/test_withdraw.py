"""Taking back an event recorded by mistake (``mgp-convention withdraw``,
:func:`mgp_convention.recording.withdraw`): only when the rest still replays, and kept
in the file with the reason and the date, so that nothing recorded is silently lost.

The example: signed on 12 and 19 November 2026, planned start Monday 1 March 2027.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import attrs
import pytest

from mgp_convention import io
from mgp_convention.cli import main
from mgp_convention.events import (
    BreachRecorded,
    ExperimentStarted,
    FormalNoticeSent,
    Obligation,
    WithdrawnEvent,
)
from mgp_convention.examples import example_convention
from mgp_convention.recording import NoSuchEvent, WithdrawalRefused, withdraw

D = dt.date
TODAY = D(2027, 6, 30)
EXAMPLE = example_convention()
STARTED = ExperimentStarted(D(2027, 3, 1))
BREACH = BreachRecorded(
    D(2027, 4, 1), breach="B1", obligation=Obligation.SHARE_DATA, impedes_experiment=True
)
NOTICE = FormalNoticeSent(D(2027, 4, 2), breach="B1", letter_reference="1A")
EVENTS = (*EXAMPLE.events, STARTED, BREACH, NOTICE)


@pytest.fixture(autouse=True)
def today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("mgp_convention.cli._common.today_in_paris", lambda: TODAY)


@pytest.fixture
def path(tmp_path: Path) -> Path:
    target = tmp_path / "c.json"
    io.save(target, attrs.evolve(EXAMPLE, events=EVENTS))
    return target


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def test_the_last_event_is_taken_back_and_kept(path: Path) -> None:
    done = withdraw(path, -1, reason="wrong letter reference", on=D(2027, 4, 3))
    convention = io.load_path(path)
    assert convention.events == EVENTS[:-1]
    assert convention.withdrawn == (
        WithdrawnEvent(NOTICE, 4, "wrong letter reference", D(2027, 4, 3)),
    )
    assert done.withdrawn == convention.withdrawn[0]
    assert done.status.state.value == "in_breach"
    assert done.status.on == D(2027, 4, 3)


def test_an_event_in_the_middle_when_the_rest_still_replays(path: Path) -> None:
    """The start may go (the breach and its notice are allowed while signed); its
    position is kept."""
    withdraw(path, 2, reason="started on the 2nd", on=TODAY)
    convention = io.load_path(path)
    assert convention.events == (*EXAMPLE.events, BREACH, NOTICE)
    assert convention.withdrawn[0].index == 2


def test_an_event_a_later_one_depends_on_is_refused(path: Path) -> None:
    """Without the breach, its formal notice would be refused: take the notice back
    first. The file is byte for byte as it was."""
    before = path.read_bytes()
    with pytest.raises(WithdrawalRefused) as info:
        withdraw(path, 3, reason="not a breach", on=TODAY)
    assert (info.value.index, info.value.later) == (3, 4)
    assert "take back the later events first" in str(info.value)
    assert path.read_bytes() == before


def test_no_such_event(path: Path) -> None:
    before = path.read_bytes()
    with pytest.raises(NoSuchEvent, match="there is no event n° 9: the file holds 5 events"):
        withdraw(path, 8, reason="x", on=TODAY)
    assert path.read_bytes() == before


def test_twice_then_a_dry_run(path: Path) -> None:
    withdraw(path, -1, reason="one", on=TODAY)
    withdraw(path, -1, reason="two", on=TODAY)
    before = path.read_bytes()
    done = withdraw(path, -1, reason="three", on=TODAY, dry_run=True)
    assert not done.written
    assert path.read_bytes() == before
    assert [w.reason for w in io.load_path(path).withdrawn] == ["one", "two"]


def test_the_command_in_french(
    path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(path.parent)
    code, out, err = run(
        capsys, "withdraw", "c.json", "dernier", "--raison", "mauvaise référence", "--lang", "fr"
    )
    assert (code, err) == (0, "")
    assert out.startswith(
        "c.json : événement n° 5 retiré : une mise en demeure du vendredi 2 avril 2027\n"
        "  (manquement B1)\n"
    )
    assert "Il reste dans le fichier, parmi les événements retirés" in out
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["withdrawn"] == [
        {
            "event": {
                "type": "formal_notice_sent",
                "on": "2027-04-02",
                "breach": "B1",
                "letter_reference": "1A",
                "received_on": None,
            },
            "index": 4,
            "reason": "mauvaise référence",
            "withdrawn_on": "2027-06-30",
        }
    ]
    # status lists it, one line
    code, out, _ = run(capsys, "status", str(path), "--on", "2027-06-30", "--lang", "fr")
    assert code == 0
    assert "Événements retirés (enregistrés par erreur, gardés dans le fichier) :" in out
    assert (
        "  - une mise en demeure du vendredi 2 avril 2027 (ex-n° 5) ; retrait du mercredi "
        "30 juin 2027, motif : mauvaise référence"
    ) in out
    code, out, _ = run(capsys, "status", str(path), "--on", "2027-06-30", "--lang", "en")
    assert (
        "  - a formal notice dated Friday 2 April 2027 (was n° 5); withdrawn on Wednesday "
        "30 June 2027, reason: mauvaise référence"
    ) in out
    code, out, _ = run(capsys, "status", str(path), "--on", "2027-06-30", "--json")
    assert json.loads(out)["withdrawn"] == data["withdrawn"]


def test_the_command_in_english_with_json(path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys,
        "withdraw",
        str(path),
        "3",
        "--reason",
        "wrong start date",
        "--on",
        "2027-04-05",
        "--json",
    )
    assert code == 0
    data = json.loads(out)
    assert data["withdrawn"]["index"] == 2
    assert data["withdrawn"]["withdrawn_on"] == "2027-04-05"
    assert data["status"]["state"] == "remedy_period"


def test_the_command_refuses_what_a_later_event_depends_on(
    path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = path.read_bytes()
    code, out, err = run(capsys, "withdraw", str(path), "4", "--raison", "x", "--lang", "fr")
    assert code == 1
    assert out == ""
    assert "l'événement n° 4 ne peut pas être retiré seul : sans lui, l'événement n° 5" in err
    assert "Rien n'a été écrit : le fichier est resté tel qu'il était." in err
    assert path.read_bytes() == before


def test_the_command_lists_the_events_when_the_number_is_wrong(
    path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "withdraw", str(path), "9", "--raison", "x", "--lang", "fr")
    assert code == 1
    assert "il n'y a pas d'événement n° 9 : le fichier en contient 5" in err
    assert "  n° 5 — une mise en demeure du vendredi 2 avril 2027 (manquement B1)" in err


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (["2"], "il manque --raison (--reason) : pourquoi l'événement est retiré"),
        (["zéro", "--raison", "x"], "« zéro » n'est pas un numéro d'événement"),
        (["0", "--raison", "x"], "« 0 » n'est pas un numéro d'événement"),
        (["2", "--raison", "x", "--le", "30/06/2027"], "écrivez 2027-06-30"),
    ],
)
def test_a_command_line_that_cannot_be_used(
    path: Path, capsys: pytest.CaptureFixture[str], words: list[str], expected: str
) -> None:
    before = path.read_bytes()
    code, out, err = run(capsys, "withdraw", str(path), *words, "--lang", "fr")
    assert code == 2
    assert out == ""
    assert expected in err
    assert path.read_bytes() == before


def test_an_empty_history(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "c.json"
    io.save(target, attrs.evolve(EXAMPLE, events=()))
    code, _, err = run(capsys, "withdraw", str(target), "last", "--reason", "x", "--lang", "en")
    assert code == 1
    assert "the file holds no event" in err
