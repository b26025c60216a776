"""Recording an event in a file (:mod:`mgp_convention.recording`): what is written, and
that a refused, interrupted or failed write leaves the file byte for byte as it was.

The example convention: signed on Thursday 12 and Thursday 19 November 2026 (in force
from the 19th), planned start Monday 1 March 2027, end date Friday 31 March 2028.
"""

from __future__ import annotations

import datetime as dt
import errno
import json
import os
import shutil
from pathlib import Path

import attrs
import pytest

from mgp_convention import files, io
from mgp_convention.cli import main
from mgp_convention.errors import (
    EventRefused,
    FileBusyError,
    FileWriteError,
    InvalidValue,
    LoadError,
)
from mgp_convention.events import (
    BreachRecorded,
    BreachRemedied,
    ExperimentStarted,
    FormalNoticeSent,
    Ground,
    Obligation,
    Termination,
)
from mgp_convention.examples import example_convention
from mgp_convention.recording import FileChangedError, FutureEventError, record
from mgp_convention.states import State

D = dt.date
ROOT = Path(__file__).resolve().parents[1]
TODAY = D(2027, 6, 30)
EXAMPLE = example_convention()
BREACH = BreachRecorded(D(2027, 4, 1), obligation=Obligation.SHARE_DATA, impedes_experiment=True)
NOTICE = FormalNoticeSent(D(2027, 4, 2), letter_reference="1A 234 567 8901 2")


def leftovers(folder: Path) -> list[str]:
    """Temporary files left in ``folder`` (the lock file is meant to stay)."""
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


@pytest.fixture
def signed(tmp_path: Path) -> Path:
    """The example, signed by both parties, as a file."""
    path = tmp_path / "convention.json"
    io.save(path, EXAMPLE)
    return path


@pytest.fixture
def in_force(signed: Path) -> Path:
    """The example, started on 1 March 2027."""
    record(signed, ExperimentStarted(D(2027, 3, 1)), today=TODAY)
    return signed


# --- what is written ---------------------------------------------------------------------


def test_an_accepted_event_is_appended_in_the_canonical_layout(in_force: Path) -> None:
    before = in_force.read_text(encoding="utf-8")
    done = record(in_force, BREACH, today=TODAY)
    after = in_force.read_text(encoding="utf-8")
    assert after == io.dumps(done.convention)
    assert io.load_path(in_force).events[-1] == done.event
    # Version control shows one event added: the previous last event gains a comma,
    # the new one follows; no other line changes.
    tail = '\n  ],\n  "withdrawn": []\n}\n'
    block = "\n".join(
        [
            "    {",
            '      "type": "breach_recorded",',
            '      "on": "2027-04-01",',
            '      "breach": "B1",',
            '      "obligation": "share_data",',
            '      "impedes_experiment": true,',
            '      "details": null',
            "    }",
        ]
    )
    assert before.endswith("    }" + tail)
    assert after == before[: -len(tail)] + ",\n" + block + tail


def test_the_breach_label_is_filled_in_as_the_lifecycle_applies_it(in_force: Path) -> None:
    """RULES.md, "Breaches": B1, B2… in order of recording; a notice of the one open
    breach may leave the label out, and is written with it."""
    first = record(in_force, BREACH, today=TODAY)
    notice = record(in_force, NOTICE, today=TODAY)
    assert first.event.breach == "B1"
    assert notice.event.breach == "B1"
    written = json.loads(in_force.read_text(encoding="utf-8"))["events"]
    assert [event.get("breach") for event in written[-2:]] == ["B1", "B1"]


def test_the_outcome_gives_the_state_and_the_next_legal_date(in_force: Path) -> None:
    record(in_force, BREACH, today=TODAY)
    done = record(in_force, NOTICE, today=D(2027, 4, 2))
    assert (done.entry.state_before, done.entry.state_after) == (
        State.IN_BREACH,
        State.REMEDY_PERIOD,
    )
    assert done.status.on == D(2027, 4, 2)
    # Sent Friday 2 April 2027: day 30 is Sunday 2 May, the deadline Monday 3 May.
    assert done.next_step.on == D(2027, 5, 3)
    assert done.next_step.article == "Art. 12 al. 2"


def test_the_status_is_given_for_today_when_the_event_is_older(in_force: Path) -> None:
    done = record(in_force, BREACH, today=D(2027, 5, 20))
    assert done.status.on == D(2027, 5, 20)
    assert done.status.state is State.IN_BREACH


def test_a_dry_run_writes_nothing(in_force: Path) -> None:
    before = in_force.read_bytes()
    done = record(in_force, BREACH, today=TODAY, dry_run=True)
    assert not done.written
    assert done.event.breach == "B1"
    assert in_force.read_bytes() == before


def test_a_version_1_file_gets_version_2_when_an_event_is_recorded(tmp_path: Path) -> None:
    path = tmp_path / "v1.json"
    shutil.copy(ROOT / "tests/data/v1/03-bois-fictif-remediation.json", path)
    convention = io.load_path(path)
    done = record(path, BreachRemedied(D(2026, 12, 1)), today=TODAY)
    assert done.migrated
    assert done.version == 1
    assert json.loads(path.read_text(encoding="utf-8"))["schema_version"] == 2
    assert io.load_path(path).events[:-1] == convention.events


# --- refused: the file is left byte for byte as it was --------------------------------------


def test_a_refused_event_leaves_the_file_byte_identical(signed: Path) -> None:
    """No breach is open: a formal notice is refused (Art. 12 al. 2)."""
    before = signed.read_bytes()
    with pytest.raises(EventRefused) as info:
        record(signed, NOTICE, today=TODAY)
    assert info.value.index is None
    assert signed.read_bytes() == before
    assert leftovers(signed.parent) == []


def test_an_event_dated_before_the_last_one_is_refused(in_force: Path) -> None:
    before = in_force.read_bytes()
    with pytest.raises(EventRefused, match="before the last recorded event"):
        record(in_force, attrs.evolve(BREACH, on=D(2027, 2, 1)), today=TODAY)
    assert in_force.read_bytes() == before


def test_an_event_dated_after_today_needs_future(in_force: Path) -> None:
    """A mistyped year (2072 for 2027) is the usual cause."""
    before = in_force.read_bytes()
    late = attrs.evolve(BREACH, on=D(2027, 7, 1))
    with pytest.raises(FutureEventError) as info:
        record(in_force, late, today=TODAY)
    assert (info.value.on, info.value.today) == (D(2027, 7, 1), TODAY)
    assert in_force.read_bytes() == before
    assert record(in_force, late, today=TODAY, future=True).event.on == D(2027, 7, 1)


def test_a_file_whose_own_history_is_refused_says_which_event(tmp_path: Path) -> None:
    path = tmp_path / "c.json"
    data = json.loads(io.dumps(EXAMPLE))
    data["events"].append(
        {
            "type": "formal_notice_sent",
            "on": "2027-01-04",
            "breach": None,
            "letter_reference": "x",
            "received_on": None,
        }
    )
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    before = path.read_bytes()
    with pytest.raises(EventRefused) as info:
        record(path, ExperimentStarted(D(2027, 3, 1)), today=TODAY)
    assert info.value.index == 2
    assert path.read_bytes() == before


def test_a_file_that_is_not_a_convention_is_not_written(tmp_path: Path) -> None:
    path = tmp_path / "c.json"
    path.write_text('{"schema_version": 2}\n', encoding="utf-8")
    with pytest.raises(LoadError):
        record(path, ExperimentStarted(D(2027, 3, 1)), today=TODAY)
    assert path.read_text(encoding="utf-8") == '{"schema_version": 2}\n'


def test_not_an_event() -> None:
    with pytest.raises(InvalidValue, match="expected an event"):
        record("c.json", "experiment_started", today=TODAY)  # type: ignore[arg-type]


def test_a_crash_at_the_rename_leaves_the_file_byte_identical(
    in_force: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The process stopped at ``os.replace`` (simulated): the old file is whole, no
    temporary file is left, and the next record works."""
    before = in_force.read_bytes()

    def crash(*_args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(KeyboardInterrupt):
        record(in_force, BREACH, today=TODAY)
    monkeypatch.undo()
    assert in_force.read_bytes() == before
    assert leftovers(in_force.parent) == []
    assert record(in_force, BREACH, today=TODAY).written


def test_a_rename_that_fails_leaves_the_file_byte_identical(
    in_force: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = in_force.read_bytes()

    def fail(*_args: object) -> None:
        raise OSError(errno.EIO, os.strerror(errno.EIO))

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(FileWriteError, match="left as it was"):
        record(in_force, BREACH, today=TODAY)
    monkeypatch.undo()
    assert in_force.read_bytes() == before
    assert leftovers(in_force.parent) == []


@pytest.mark.parametrize("step", ["write", "fsync"])
def test_a_full_disk_leaves_the_file_byte_identical(
    in_force: Path, monkeypatch: pytest.MonkeyPatch, step: str
) -> None:
    """ENOSPC from ``os.write`` or ``os.fsync`` while the new file is written."""
    before = in_force.read_bytes()
    real = getattr(os, step)

    def full(fd: int, *args: object) -> object:
        if fd > 2:  # the temporary file (the standard streams are pytest's)
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real(fd, *args)

    monkeypatch.setattr(os, step, full)
    with pytest.raises(FileWriteError, match="No space left on device"):
        record(in_force, BREACH, today=TODAY)
    monkeypatch.undo()
    assert in_force.read_bytes() == before
    assert leftovers(in_force.parent) == []


def test_a_file_changed_by_another_program_meanwhile_is_not_overwritten(
    in_force: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A text editor (which takes no lock) saved the file between the read and the
    write: the change is refused, and the editor's version stays."""
    real_replay = io.edit

    from contextlib import contextmanager

    @contextmanager
    def edit_then_someone_saves(path: object, **kwargs: object):  # type: ignore[no-untyped-def]
        with real_replay(path, **kwargs) as update:  # type: ignore[arg-type]
            Path(str(path)).write_text(io.dumps(EXAMPLE), encoding="utf-8")
            yield update

    monkeypatch.setattr(io, "edit", edit_then_someone_saves)
    with pytest.raises(FileChangedError):
        record(in_force, BREACH, today=TODAY)
    assert in_force.read_text(encoding="utf-8") == io.dumps(EXAMPLE)


def test_a_lock_held_too_long_is_a_clear_refusal(in_force: Path) -> None:
    before = in_force.read_bytes()
    with files.locked(in_force), pytest.raises(FileBusyError, match="try again"):
        record(in_force, BREACH, today=TODAY, timeout=0.1)
    assert in_force.read_bytes() == before


# --- the same through the command line ---------------------------------------------------------


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_the_command_line_refusal_leaves_the_file_byte_identical(
    signed: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("mgp_convention.cli._common.today_in_paris", lambda: TODAY)
    before = signed.read_bytes()
    code, out, err = run(
        [
            "record",
            str(signed),
            "mise-en-demeure",
            "--reference-lettre",
            "1A",
            "--on",
            "2027-04-02",
            "--lang",
            "fr",
        ],
        capsys,
    )
    assert code == 1
    assert out == ""
    assert "impossible d'enregistrer une mise en demeure" in err
    assert "le fichier est resté tel qu'il était" in err
    assert signed.read_bytes() == before


@pytest.mark.parametrize("step", ["write", "fsync", "replace"])
def test_the_command_line_on_a_full_disk_or_a_failed_rename(
    in_force: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    step: str,
) -> None:
    monkeypatch.setattr("mgp_convention.cli._common.today_in_paris", lambda: TODAY)
    before = in_force.read_bytes()
    real = getattr(os, step)
    failure = errno.EIO if step == "replace" else errno.ENOSPC

    def fail(first: object, *args: object) -> object:
        if step == "replace" or (isinstance(first, int) and first > 2):
            raise OSError(failure, os.strerror(failure))
        return real(first, *args)

    monkeypatch.setattr(os, step, fail)
    code, out, err = run(
        [
            "record",
            str(in_force),
            "manquement",
            "--obligation",
            "donnees",
            "--empeche",
            "--on",
            "2027-04-01",
            "--lang",
            "fr",
        ],
        capsys,
    )
    monkeypatch.undo()
    assert code == 1
    assert out == ""
    assert "non écrit" in err
    assert "Rien n'a été écrit : le fichier est resté tel qu'il était." in err
    assert "Traceback" not in err
    assert in_force.read_bytes() == before
    assert leftovers(in_force.parent) == []


def test_the_command_line_when_the_lock_is_held(
    in_force: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("mgp_convention.cli._common.today_in_paris", lambda: TODAY)
    from mgp_convention import recording

    real = recording.record

    def quick(*args: object, **kwargs: object) -> object:
        return real(*args, **kwargs, timeout=0.1)  # type: ignore[arg-type]

    monkeypatch.setattr(recording, "record", quick)
    before = in_force.read_bytes()
    with files.locked(in_force):
        code, _, err = run(
            [
                "record",
                str(in_force),
                "debut-experimentation",
                "--on",
                "2027-03-01",
                "--lang",
                "en",
            ],
            capsys,
        )
    assert code == 1
    assert "another program is writing it" in err
    assert "try again" in err
    assert in_force.read_bytes() == before


def test_termination_recorded_with_its_dates(in_force: Path) -> None:
    record(in_force, BREACH, today=TODAY)
    record(in_force, NOTICE, today=TODAY)
    done = record(
        in_force,
        Termination(D(2027, 5, 10), ground=Ground.BREACH, notified_on=D(2027, 5, 12)),
        today=TODAY,
    )
    assert done.event.breach == "B1"
    assert done.status.state is State.TERMINATED
