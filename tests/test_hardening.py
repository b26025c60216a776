"""Issue 11, the file side: one regression test per attack on what reads and writes files.

Each attack is a fixture file or a command run through :func:`mgp_convention.cli.main`
(or a subprocess, where the attack is on the process's own streams); each test asserts
a clean error (the package's own, one line, no traceback) or a correct result, the exit
status, and for writes that the previous file is intact.

Item 1 (control characters in texts), 2 (terminal injection: the printable helper),
3 (dates and durations that break the computations), 4 (writes that lose data),
5 (unbounded reads), 6 (folders), 7 (closed or full streams), 8 (the library trusts its
callers' types), 9 (amplification: millions of problems).
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import attrs
import pytest

from mgp_convention import io
from mgp_convention.cli import main
from mgp_convention.errors import ConventionError, FileFormatError, InvalidValue, LoadError
from mgp_convention.events import BreachRecorded, BreachRemedied, Obligation, Signature
from mgp_convention.examples import example_convention
from mgp_convention.files import MAX_FILE_BYTES_ENV
from mgp_convention.ical import build_calendar
from mgp_convention.lifecycle import Lifecycle
from mgp_convention.money import split_exact
from mgp_convention.printable import printable, printable_path


@pytest.fixture(autouse=True)
def _english(monkeypatch: pytest.MonkeyPatch) -> None:
    """The messages checked here are the English ones (``error: …``); the French ones are
    the same messages, said from the catalogue (``tests/test_cli_words.py``)."""
    monkeypatch.setenv("MGP_CONVENTION_LANG", "en")


ROOT = Path(__file__).parent.parent
EXAMPLE = ROOT / "examples" / "03-bois-fictif-remediation.json"
DAY = dt.date(2026, 11, 2)
AS_ROOT = os.geteuid() == 0 if hasattr(os, "geteuid") else False
SKIP_AS_ROOT = pytest.mark.skipif(
    AS_ROOT, reason="runs as root (os.geteuid() == 0), for whom permissions do not apply"
)


def example() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    return data


def write(path: Path, data: Any) -> Path:
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def cli(
    *args: str | bytes,
    stdin: Any = None,
    env: dict[str, str] | None = None,
    bash: str | None = None,
) -> subprocess.CompletedProcess[bytes]:
    """``mgp-convention ARGS`` in a new process (or ``bash``, a command line where
    ``$MGP`` is the command), with the environment of the tests plus ``env``."""
    command = [sys.executable, "-m", "mgp_convention.cli"]
    environment = {**os.environ, **(env or {})}
    if bash is not None:
        environment["MGP"] = " ".join(command)
        return subprocess.run(
            ["bash", "-c", bash], capture_output=True, env=environment, check=False, timeout=60
        )
    return subprocess.run(
        [*command, *args],
        stdin=stdin,
        capture_output=True,
        env=environment,
        check=False,
        timeout=60,
    )


def assert_clean_failure(result: subprocess.CompletedProcess[bytes], *words: str) -> str:
    """Exit 1, nothing but ``error:`` lines on stderr, no traceback; ``words`` in them."""
    err = result.stderr.decode("utf-8")
    assert result.returncode == 1, err
    assert "Traceback" not in err
    assert err.strip()
    assert all(line.startswith("error: ") for line in err.splitlines()), err
    for word in words:
        assert word in err, err
    return err


# --- 1: control characters in texts --------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("beneficiary", "name"), "Commune\x1b[2J\x1b[H de Bois"),
        (("reference",), "MGP\u202eAM"),
        (("experiment", "objectives", 0), "réduire\x00 le temps"),
        (("referent", "email"), "lou\x07@bois.example"),
        (("events", 4, "letter_reference"), "LRAR\r\nATTENDEE:mailto:x@y"),
        (("events", 3, "details"), "\x9b31m données"),
    ],
    ids=["escape-sequence", "bidi-override", "nul", "bell-in-email", "crlf", "c1-csi"],
)
def test_control_characters_are_refused_with_their_path(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], path: tuple[Any, ...], value: str
) -> None:
    data = example()
    target = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    file = write(tmp_path / "c.json", data)
    assert main(["check", str(file)]) == 1
    err = capsys.readouterr().err
    json_path = "$" + "".join(f"[{k}]" if isinstance(k, int) else f".{k}" for k in path)
    assert f": {json_path}: " in err
    assert "is not allowed in this text" in err or "not a valid e-mail" in err
    assert not any(ch in err for ch in "\x00\x07\x1b\x9b\u202e\r")


# --- 2: terminal injection ---------------------------------------------------------------------


def test_a_file_name_cannot_act_on_the_terminal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    name = tmp_path / "evil\x1b]0;pwned\x07\nerror: other.json: valid\u202e.json"
    name.write_text("[]", encoding="utf-8")
    assert main(["check", str(name)]) == 1
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1  # the line break of the name does not split it
    assert "\x1b" not in err
    assert "\u202e" not in err
    assert "\\x1b]0;pwned\\x07\\nerror: other.json" in err


def test_an_unknown_key_cannot_act_on_the_terminal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = example()
    data["\x1b[31m\u2066key\nwith\x85breaks"] = 1
    assert main(["check", str(write(tmp_path / "c.json", data))]) == 1
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1
    assert not any(ch in err for ch in "\x1b\u2066\x85")


def test_the_printable_helper() -> None:
    assert printable("a\x1bb\x9bc\u202ed\u2069e\ud800f") == "a\\x1bb\\x9bc\\u202ed\\u2069e\\ud800f"
    assert printable("one\ntwo\r\u2028three") == "one\\ntwo\\r\\u2028three"
    assert printable("one\ntwo\tcol", one_line=False) == "one\ntwo\tcol"
    assert printable("Commune de Bois-Fictif (fictive) — 1 000 €") == (
        "Commune de Bois-Fictif (fictive) — 1 000 €"
    )
    assert printable_path(b"dir/bad\xff\xfe.json") == "dir/bad\ufffd\ufffd.json"
    assert printable_path(os.fsdecode(b"bad\xff.json")) == "bad\ufffd.json"
    assert printable_path("a\nb.json") == "a\\nb.json"


# --- 3: dates and durations that break the computations --------------------------------------


@pytest.mark.parametrize(
    ("change", "path", "words"),
    [
        (
            lambda d: d["experiment"]["calendar"][0]["duration"].update(months=100_000),
            "$.experiment.calendar[0].duration.months",
            "more than 120",
        ),
        (
            lambda d: d["experiment"]["calendar"][1]["duration"].update(days=10**9),
            "$.experiment.calendar[1].duration.days",
            "more than 3660",
        ),
        (
            lambda d: d["experiment"].update(indicative_start="9999-01-04"),
            "$.experiment.indicative_start",
            "outside the dates",
        ),
        (lambda d: d.update(end_date="9999-12-31"), "$.end_date", "outside the dates"),
        (
            lambda d: d["experiment"].update(duration_months=100_000),
            "$.experiment.duration_months",
            "more than 120",
        ),
        (lambda d: d["events"][0].update(on="1970-01-01"), "$.events[0].on", "outside the dates"),
    ],
    ids=["step-100000-months", "step-1e9-days", "start-9999", "end-9999", "experiment", "1970"],
)
def test_a_file_check_calls_valid_also_works_for_portfolio_and_calendar(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    change: Any,
    path: str,
    words: str,
) -> None:
    """The bounds are the data model's: ``check`` refuses what ``calendar`` and
    ``portfolio`` could not compute, so no valid file breaks them."""
    data = example()
    change(data)
    folder = tmp_path / "conventions"
    folder.mkdir()
    write(folder / "c.json", data)
    assert main(["check", str(folder / "c.json")]) == 1
    err = capsys.readouterr().err
    assert path in err
    assert words in err
    assert main(["calendar", str(folder), "-o", str(tmp_path / "out.ics")]) == 1
    captured = capsys.readouterr()
    assert path in captured.err
    assert "Traceback" not in captured.err
    assert (tmp_path / "out.ics").exists()  # the other conventions (none) still exported


def test_the_longest_durations_allowed_are_computed(tmp_path: Path) -> None:
    """At the bounds (the last date, 50 steps of ten years and 3,660 days each), every
    date of the deployment calendar is computed (about the year 3100)."""
    import datetime as dt

    import attrs

    from mgp_convention.articles.art05_calendar import deployment_schedule
    from mgp_convention.convention import CalendarStep, Duration

    convention = io.load_path(EXAMPLE)
    steps = tuple(CalendarStep(f"étape {i}", Duration(months=120, days=3660)) for i in range(50))
    experiment = attrs.evolve(
        convention.experiment,
        indicative_start=dt.date(2099, 12, 31),
        calendar=steps,
        reduced_usage_after=None,
        evaluation_deadline=None,
        evaluation_period=None,
    )
    schedule = deployment_schedule(experiment, dt.date(2099, 12, 31))
    assert schedule[-1].last_day.year < 3200
    saved = tmp_path / "c.json"
    io.save(saved, attrs.evolve(convention, end_date=dt.date(2099, 12, 31), experiment=experiment))
    assert io.load_path(saved).experiment.calendar == steps


# --- 4: writes that lose data ---------------------------------------------------------------


def test_calendar_output_killed_at_the_rename_leaves_the_previous_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.ics"
    out.write_bytes(b"previous calendar")

    def killed(*_args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", killed)
    with pytest.raises(KeyboardInterrupt):
        main(["calendar", str(EXAMPLE), "-o", str(out), "--on", "2026-12-01"])
    assert out.read_bytes() == b"previous calendar"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.ics"]
    capsys.readouterr()


def test_calendar_output_on_a_full_disk_leaves_the_previous_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import errno

    out = tmp_path / "out.ics"
    out.write_bytes(b"previous calendar")

    def full(*_args: object) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "write", full)
    assert main(["calendar", str(EXAMPLE), "-o", str(out), "--on", "2026-12-01"]) == 1
    monkeypatch.undo()
    err = capsys.readouterr().err
    assert "no space left on the device" in err
    assert "Traceback" not in err
    assert out.read_bytes() == b"previous calendar"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.ics"]


def test_calendar_output_to_a_symbolic_link_replaces_the_link(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_bytes(b"precious")
    out = tmp_path / "out.ics"
    out.symlink_to(victim)
    assert main(["calendar", str(EXAMPLE), "-o", str(out), "--on", "2026-12-01"]) == 0
    assert victim.read_bytes() == b"precious"
    assert not out.is_symlink()
    assert out.read_bytes().startswith(b"BEGIN:VCALENDAR")
    capsys.readouterr()


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full on this system")
def test_calendar_output_to_a_device(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["calendar", str(EXAMPLE), "-o", "/dev/full", "--on", "2026-12-01"]) == 1
    assert "a device, not a file" in capsys.readouterr().err
    assert Path("/dev/full").is_char_device()


def test_save_and_edit_under_the_lock(tmp_path: Path) -> None:
    """What ``record`` does: read, check, write under the lock; a refused change and a
    change made meanwhile by another program leave the file as it was."""
    import attrs

    path = tmp_path / "c.json"
    path.write_bytes(EXAMPLE.read_bytes())
    with io.edit(path) as update:
        assert not update.loaded.migrated
        update.save(attrs.evolve(update.convention, reference="MGP-AM-2026-EX-003-BIS"))
    assert update.saved
    assert io.load_path(path).reference == "MGP-AM-2026-EX-003-BIS"
    before = path.read_bytes()

    def refused_change() -> None:
        with io.edit(path) as update:
            attrs.evolve(update.convention, reference="")  # the check refuses it
            update.save(update.convention)  # pragma: no cover - never reached

    with pytest.raises(InvalidValue):
        refused_change()
    assert path.read_bytes() == before

    def changed_meanwhile() -> None:
        with io.edit(path) as update:
            path.write_bytes(EXAMPLE.read_bytes())  # a text editor, which takes no lock
            update.save(attrs.evolve(update.convention, reference="LOST-UPDATE"))

    with pytest.raises(ConventionError, match="changed by another program"):
        changed_meanwhile()
    assert path.read_bytes() == EXAMPLE.read_bytes()


def test_a_version_1_file_is_written_as_version_2_only_when_saved(tmp_path: Path) -> None:
    path = tmp_path / "c.json"
    v1 = ROOT / "tests" / "data" / "v1" / "03-bois-fictif-remediation.json"
    path.write_bytes(v1.read_bytes())
    loaded = io.read_file(path)
    assert (loaded.version, loaded.migrated) == (1, True)
    assert path.read_bytes() == v1.read_bytes()  # reading never rewrites
    with io.edit(path) as update:
        assert update.loaded.migrated
        update.save(update.convention)
    assert path.read_text(encoding="utf-8") == EXAMPLE.read_text(encoding="utf-8")


# --- 5: unbounded reads -------------------------------------------------------------------------


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_check_a_device(device: str, capsys: pytest.CaptureFixture[str]) -> None:
    if not Path(device).exists():
        pytest.skip(f"no {device} on this system")
    assert main(["check", device]) == 1
    err = capsys.readouterr().err
    assert err == f"error: {device}: a device, not a file: not read\n"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this system")
def test_check_a_fifo_does_not_wait(tmp_path: Path) -> None:
    fifo = tmp_path / "c.json"
    os.mkfifo(fifo)
    assert_clean_failure(cli("check", str(fifo)), "named pipe (FIFO)")


def test_check_a_file_over_the_limit(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    big = tmp_path / "big.json"
    big.write_bytes(b" " * (10 * 1024 * 1024) + EXAMPLE.read_bytes())
    assert main(["check", str(big)]) == 1
    size = big.stat().st_size
    assert f"too large: {size:,} bytes, at most 10,485,760" in capsys.readouterr().err


def test_the_limit_is_set_by_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv(MAX_FILE_BYTES_ENV, "1000")
    assert main(["check", str(EXAMPLE)]) == 1
    assert "at most 1,000" in capsys.readouterr().err
    monkeypatch.setenv(MAX_FILE_BYTES_ENV, "1000000")
    assert main(["check", str(EXAMPLE)]) == 0
    capsys.readouterr()


def test_stdin_is_bounded_too() -> None:
    """``check - < /dev/zero``: read up to the limit, then refused."""
    with open("/dev/zero", "rb") as zero:
        result = cli("check", "-", stdin=zero, env={MAX_FILE_BYTES_ENV: "100000"})
    assert_clean_failure(result, "standard input", "too large: more than 100,000 bytes")


# --- 6: folders --------------------------------------------------------------------------------


def test_load_folder_does_not_follow_a_link_out_of_the_folder(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.json").write_bytes(EXAMPLE.read_bytes())
    folder = tmp_path / "conventions"
    folder.mkdir()
    (folder / "a.json").write_bytes(EXAMPLE.read_bytes())
    (folder / "b.json").symlink_to(outside / "secret.json")
    (folder / "c.json").symlink_to(folder / "a.json")  # inside: read
    (folder / "d.json").symlink_to(Path("/etc/passwd"))
    result = io.load_folder(folder)
    assert [path.name for path, _ in result.loaded] == ["a.json", "c.json"]
    assert [path.name for path, _ in result.failed] == ["b.json", "d.json"]
    assert all("outside the folder" in str(err) for _, err in result.failed)


@pytest.mark.parametrize("pattern", ["../outside/*.json", "**/*.json", "sub/*.json", "..", ""])
def test_a_pattern_cannot_leave_the_folder(tmp_path: Path, pattern: str) -> None:
    with pytest.raises(InvalidValue) as info:
        io.load_folder(tmp_path, pattern=pattern)
    assert info.value.field == "pattern"


def test_load_folder_does_not_recurse(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.json").write_bytes(EXAMPLE.read_bytes())
    (tmp_path / "b.json").write_bytes(EXAMPLE.read_bytes())
    (tmp_path / ".c.json.lock").write_bytes(b"")
    (tmp_path / ".hidden.json").write_bytes(b"{")
    result = io.load_folder(tmp_path, pattern="*")
    assert [path.name for path, _ in result.loaded] == ["b.json"]
    assert [path.name for path, _ in result.failed] == []


def test_a_fifo_or_a_device_in_a_folder_is_a_failure(tmp_path: Path) -> None:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes on this system")
    os.mkfifo(tmp_path / "fifo.json")
    (tmp_path / "zero.json").symlink_to("/dev/zero")
    result = io.load_folder(tmp_path)
    assert result.loaded == ()
    assert {path.name for path, _ in result.failed} == {"fifo.json", "zero.json"}


def test_file_names_that_are_not_utf8(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = os.fsencode(tmp_path)
    good = os.path.join(folder, b"bon-\xe9t\xe9.json")
    bad = os.path.join(folder, b"mauvais-\xff.json")
    with open(good, "wb") as stream:
        stream.write(EXAMPLE.read_bytes())
    with open(bad, "wb") as stream:
        stream.write(b"{")
    result = io.load_folder(folder)
    assert len(result.loaded) == 1
    assert len(result.failed) == 1
    assert main(["calendar", str(tmp_path), "--on", "2026-12-01"]) == 1
    captured = capsys.readouterr()
    assert "mauvais-\ufffd.json" in captured.err
    assert "Traceback" not in captured.err


def test_check_a_file_name_that_is_not_utf8(tmp_path: Path) -> None:
    bad = os.path.join(os.fsencode(tmp_path), b"\xff\xfe.json")
    with open(bad, "wb") as stream:
        stream.write(b"[]")
    err = assert_clean_failure(cli("check", bad), "expected an object")
    assert "\ufffd\ufffd.json" in err


def test_a_folder_that_is_a_file(tmp_path: Path) -> None:
    with pytest.raises(FileFormatError, match="not a folder"):
        io.load_folder(EXAMPLE)
    with pytest.raises(FileFormatError, match="not a folder"):
        io.load_folder(tmp_path / "missing")


@SKIP_AS_ROOT
def test_an_unreadable_folder_is_a_failure_not_zero_conventions(tmp_path: Path) -> None:
    folder = tmp_path / "conventions"
    folder.mkdir()
    (folder / "a.json").write_bytes(EXAMPLE.read_bytes())
    folder.chmod(0o300)  # no read: its names cannot be listed
    try:
        with pytest.raises(FileFormatError, match="cannot read the folder: permission denied"):
            io.load_folder(folder)
    finally:
        folder.chmod(0o700)


@SKIP_AS_ROOT
def test_a_folder_without_search_permission(tmp_path: Path) -> None:
    folder = tmp_path / "conventions"
    folder.mkdir()
    (folder / "a.json").write_bytes(EXAMPLE.read_bytes())
    folder.chmod(0o400)  # names can be listed, files cannot be opened
    try:
        result = io.load_folder(folder)
    finally:
        folder.chmod(0o700)
    assert result.loaded == ()
    assert [path.name for path, _ in result.failed] == ["a.json"]


@SKIP_AS_ROOT
def test_an_unreadable_file_is_a_failure(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_bytes(EXAMPLE.read_bytes())
    (tmp_path / "a.json").chmod(0)
    result = io.load_folder(tmp_path)
    assert [path.name for path, _ in result.failed] == ["a.json"]


# --- 7: closed or full streams ----------------------------------------------------------------


def test_check_with_stdin_closed() -> None:
    assert_clean_failure(cli(bash="$MGP check - <&-"), "standard input", "closed")


def test_check_with_stdin_empty() -> None:
    assert_clean_failure(cli("check", "-", stdin=subprocess.DEVNULL), "not valid JSON")


def test_stdout_closed() -> None:
    result = cli(bash="$MGP example >&-")
    assert_clean_failure(result, "the output could not be written", "standard output is closed")


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full on this system")
@pytest.mark.parametrize("command", ["example", "schema", f"check {EXAMPLE}"])
def test_stdout_on_a_full_device(command: str) -> None:
    result = cli(bash=f"$MGP {command} > /dev/full")
    assert_clean_failure(result, "no space left on the device")


def test_a_reader_that_stops_early_is_no_error() -> None:
    result = cli(bash="$MGP schema | head -c 10")
    assert result.returncode == 0
    assert result.stdout == b'{\n  "$sche'
    assert b"Traceback" not in result.stderr


def test_stderr_closed_still_exits_1() -> None:
    result = cli(bash="$MGP check /nonexistent.json 2>&-")
    assert result.returncode == 1


# --- 8: the library trusts no caller's types ----------------------------------------------------


@pytest.mark.parametrize(
    ("call", "argument"),
    [
        (lambda: io.loads(None), "text"),  # type: ignore[arg-type]
        (lambda: io.loads(42), "text"),  # type: ignore[arg-type]
        (lambda: io.load_path(42), "path"),  # type: ignore[arg-type]
        (lambda: io.load_path(None), "path"),  # type: ignore[arg-type]
        (lambda: io.read_file([]), "path"),  # type: ignore[arg-type]
        (lambda: io.load_folder(3.5), "folder"),  # type: ignore[arg-type]
        (lambda: io.load_folder(".", pattern=None), "pattern"),  # type: ignore[arg-type]
        (lambda: io.dumps({"schema_version": 2}), "convention"),  # type: ignore[arg-type]
        (lambda: io.save(42, None), "path"),  # type: ignore[arg-type]
        (lambda: io.loads("{}", max_bytes=-1), "max_bytes"),
        (lambda: Lifecycle(None), "convention"),  # type: ignore[arg-type]
        (lambda: Lifecycle.from_convention("x"), "convention"),  # type: ignore[arg-type]
        (lambda: split_exact(100, 3.0), "parts"),  # type: ignore[call-overload]
        # The calls named by issue 11, item 8, pinned here as well.
        (lambda: Signature(DAY, party="nobody"), "party"),  # type: ignore[arg-type]
        (
            lambda: BreachRecorded(DAY, obligation="bogus", impedes_experiment=True),  # type: ignore[arg-type]
            "obligation",
        ),
        (
            lambda: BreachRecorded(
                DAY,
                obligation=Obligation.SHARE_DATA,
                impedes_experiment="maybe",  # type: ignore[arg-type]
            ),
            "impedes_experiment",
        ),
        (lambda: BreachRemedied(DAY, accepted_late="no"), "accepted_late"),  # type: ignore[arg-type]
        (
            lambda: Lifecycle.from_convention(example_convention()).termination_facts(
                "2026-01-01"  # type: ignore[arg-type]
            ),
            "on",
        ),
        (
            lambda: build_calendar([], DAY, stamp=dt.datetime.now(dt.UTC), lang="de"),  # type: ignore[arg-type]
            "lang",
        ),
        (lambda: build_calendar([None], DAY, stamp=dt.datetime.now(dt.UTC)), "lifecycles"),  # type: ignore[list-item]
        (lambda: attrs.evolve(example_convention(), beneficiary=None), "beneficiary"),  # type: ignore[arg-type]
        (lambda: attrs.evolve(example_convention(), events=[]), "events"),  # type: ignore[arg-type]
        (lambda: attrs.evolve(example_convention(), events=(None,)), "events[0]"),  # type: ignore[arg-type]
    ],
)
def test_wrong_types_are_the_package_s_own_error(call: Any, argument: str) -> None:
    with pytest.raises(InvalidValue) as info:
        call()
    assert info.value.field == argument


# --- 9: amplification ----------------------------------------------------------------------------


def test_a_million_problems_are_counted_not_listed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A 9 MB file of 999,999 unknown keys: 100 problems listed, the others counted."""
    data = example()
    data.update({f"{i:x}": 0 for i in range(999_999)})
    file = tmp_path / "c.json"
    file.write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")
    assert file.stat().st_size < 10 * 1024 * 1024
    with pytest.raises(LoadError) as info:
        io.load_path(file)
    assert len(info.value.problems) == io.MAX_PROBLEMS == 100
    assert info.value.more == 999_899
    assert main(["check", str(file)]) == 1
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 101
    assert lines[-1] == f"error: {file}: … and 999,899 more problems"


def test_a_list_of_bad_events(tmp_path: Path) -> None:
    data = example()
    data["events"] = [{"type": "signature"}] * 1_000
    with pytest.raises(LoadError) as info:
        io.structure(copy.deepcopy(data))
    assert len(info.value.problems) == 100
    assert info.value.more == 1_900  # each: 'on' and 'party' missing
    data["events"] = [0] * 1_001
    with pytest.raises(LoadError, match="too many items: 1,001, at most 1,000"):
        io.structure(data)
