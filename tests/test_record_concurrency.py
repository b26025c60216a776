"""Two programs recording in one file at once: every event lands, in date order, or is
clearly refused; the file is never half written, never loses an event.

**Decided**: ``record`` holds the file's lock (:func:`mgp_convention.io.edit`) from the
read to the write, so a second ``record`` *waits* for the first (up to
:data:`~mgp_convention.files.LOCK_TIMEOUT`, 10 s, then ``FileBusyError``: "try again"),
then reads the file **with** the first one's event and replays its own event after it.
Both land, in the order they took the lock — unless the second is dated before the
first, which the lifecycle refuses as any event out of date order (exit 1, its reason
said, the file as the first one left it).
"""

from __future__ import annotations

import json
import multiprocessing
import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import attrs
import pytest

from mgp_convention import io
from mgp_convention.examples import example_convention

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX processes")

ROUNDS = 50

#: A process that waits for the start signal, then records ``ROUNDS`` delay reports (or
#: readiness statements) one after the other through the command line, and prints the
#: exit codes. Both are allowed any number of times before the start (Art. 5 al. 3).
_WRITER = textwrap.dedent(
    """
    import json, os, sys, time
    from mgp_convention.cli import main

    path, who, go, rounds = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    while not os.path.exists(go):
        time.sleep(0.001)
    sys.stdout = open(os.devnull, "w")
    codes = []
    for i in range(rounds):
        if who == "A":
            words = ["retard", "--cause", "metropole", "--details", f"A-{i}"]
        else:
            words = ["beneficiaire-pret", "--details", f"B-{i}"]
        codes.append(main(["record", path, *words, "--on", "2026-11-25", "--lang", "en"]))
    sys.stdout = sys.__stdout__
    print(json.dumps(codes))
    """
)


def _signed(path: Path) -> None:
    io.save(path, example_convention())


def test_two_processes_recording_at_once_50_times_each_lose_nothing(tmp_path: Path) -> None:
    """Two processes start together and record 50 events each in the same file: the
    file ends with all 100, each process's in its own order, in the canonical layout,
    and no temporary file is left."""
    path = tmp_path / "c.json"
    _signed(path)
    go = tmp_path / "go"
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", _WRITER, str(path), who, str(go), str(ROUNDS)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for who in ("A", "B")
    ]
    time.sleep(0.5)  # both interpreters up and waiting
    go.touch()
    results = [writer.communicate(timeout=300) for writer in writers]
    for (out, err), writer in zip(results, writers, strict=True):
        assert writer.returncode == 0, err
        assert json.loads(out) == [0] * ROUNDS, err
    convention = io.load_path(path)
    details = [getattr(event, "details", None) for event in convention.events[2:]]
    assert len(details) == 2 * ROUNDS
    assert [d for d in details if d.startswith("A-")] == [f"A-{i}" for i in range(ROUNDS)]
    assert [d for d in details if d.startswith("B-")] == [f"B-{i}" for i in range(ROUNDS)]
    assert path.read_text(encoding="utf-8") == io.dumps(convention)
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def _record_one(path: str, on: str, details: str, barrier: object, err_path: str) -> None:
    """A forked process: wait for the other, record one delay report, exit with the code."""
    from mgp_convention.cli import main

    barrier.wait()  # type: ignore[attr-defined]
    with open(os.devnull, "w") as out, open(err_path, "w") as err:
        sys.stdout, sys.stderr = out, err
        code = main(
            [
                "record",
                path,
                "retard",
                "--cause",
                "metropole",
                "--details",
                details,
                "--on",
                on,
                "--lang",
                "en",
            ]
        )
        sys.stdout.flush()
        sys.stderr.flush()
    os._exit(code)


def test_two_processes_with_events_out_of_order_50_times(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """50 trials: one process records a delay report dated 26 November 2026, the other
    one dated the 25th, at the same moment. Either the 25th takes the lock first and
    both land in date order, or the 26th does and the 25th is refused (exit 1, "before
    the last recorded event"), the file holding the 26th only. Never a lost event, never
    a corrupt file."""
    from mgp_convention.cli import main

    warm = tmp_path / "warm.json"  # what the forked processes need, loaded once here
    _signed(warm)
    for lang in ("en", "fr"):
        main(
            [
                "record",
                str(warm),
                "retard",
                "--cause",
                "metropole",
                "--on",
                "2026-11-25",
                "--dry-run",
                "--lang",
                lang,
            ]
        )
    capsys.readouterr()
    context = multiprocessing.get_context("fork")
    seen: dict[str, int] = {"both": 0, "later first, earlier refused": 0}
    for trial in range(ROUNDS):
        path = tmp_path / f"c{trial}.json"
        _signed(path)
        barrier = context.Barrier(2)
        errors = [tmp_path / f"err{trial}-{who}" for who in ("late", "early")]
        processes = [
            context.Process(
                target=_record_one,
                args=(str(path), on, who, barrier, str(err)),
            )
            for on, who, err in (
                ("2026-11-26", "late", errors[0]),
                ("2026-11-25", "early", errors[1]),
            )
        ]
        for process in processes:
            process.start()
        for process in processes:
            process.join(60)
        codes = [process.exitcode for process in processes]
        convention = io.load_path(path)  # whole: it loads
        assert path.read_text(encoding="utf-8") == io.dumps(convention)
        recorded = [getattr(event, "details", None) for event in convention.events[2:]]
        if codes == [0, 0]:
            assert recorded == ["early", "late"], trial
            seen["both"] += 1
        else:
            assert codes == [0, 1], (trial, codes)
            assert recorded == ["late"], trial
            refusal = errors[1].read_text(encoding="utf-8")
            assert "before the last recorded event" in refusal
            assert "Nothing was written: the file is as it was." in refusal
            seen["later first, earlier refused"] += 1
    assert sum(seen.values()) == ROUNDS
    print(f"\n{ROUNDS} trials: {seen}")


def test_a_lock_held_longer_than_the_timeout_is_refused_clearly(tmp_path: Path) -> None:
    """The other writer keeps the lock: after the timeout, "try again", nothing written;
    the same command then succeeds."""
    from mgp_convention import files, recording
    from mgp_convention.events import DelayCause, DelayReported

    path = tmp_path / "c.json"
    _signed(path)
    before = path.read_bytes()
    event = DelayReported(example_convention().events[-1].on, cause=DelayCause.METROPOLE)
    today = attrs.evolve(event).on
    with files.locked(path), pytest.raises(Exception, match="try again"):
        recording.record(path, event, today=today, timeout=0.2)
    assert path.read_bytes() == before
    assert recording.record(path, event, today=today).written


def test_a_process_killed_while_recording_never_leaves_a_half_written_file(
    tmp_path: Path,
) -> None:
    """A process recording in a loop is killed (SIGKILL: no clean-up at all) at 10
    moments: the file is each time a whole convention in the canonical layout, holding
    the events recorded before the kill, in order."""
    import random
    import signal

    path = tmp_path / "c.json"
    _signed(path)
    go = tmp_path / "go"
    go.touch()
    rng = random.Random(12)  # noqa: S311 - moments to kill, not secrets
    counted = 0
    for _ in range(10):
        writer = subprocess.Popen(
            [sys.executable, "-c", _WRITER, str(path), "A", str(go), "100000"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        # Kill while it records, not while its interpreter starts: wait for its first
        # event to land (a fixed delay was shorter than the start-up on a loaded machine,
        # and the writer was then killed ten times before it recorded anything).
        landed = path.stat().st_mtime_ns
        deadline = time.monotonic() + 60
        while path.stat().st_mtime_ns == landed and time.monotonic() < deadline:
            time.sleep(0.005)
        time.sleep(rng.random() * 0.4)
        writer.send_signal(signal.SIGKILL)
        writer.wait(30)
        convention = io.load_path(path)
        assert path.read_text(encoding="utf-8") == io.dumps(convention)
        details = [event.details for event in convention.events[2:]]  # type: ignore[attr-defined]
        assert len(details) >= counted
        counted = len(details)
    assert counted > 0
