"""Files read and written safely (mgp_convention.files): bounded reads, atomic writes, locks.

Each write test checks what a person cares about: after a failure, the previous file
is there byte for byte, and no temporary file is left in the folder.
"""

from __future__ import annotations

import errno
import multiprocessing
import os
import stat
import sys
import threading
import time
from pathlib import Path

import pytest

from mgp_convention import files
from mgp_convention.errors import FileBusyError, FileFormatError, FileWriteError, InvalidValue
from mgp_convention.files import (
    MAX_FILE_BYTES,
    MAX_FILE_BYTES_ENV,
    atomic_writer,
    lock_path,
    locked,
    max_file_bytes,
    read_bounded,
    read_stream,
    write_atomic,
)

OLD = b'{"old": true}\n'
NEW = b'{"new": true}\n'
AS_ROOT = os.geteuid() == 0 if hasattr(os, "geteuid") else False


def leftovers(folder: Path) -> list[str]:
    """The temporary files left in ``folder``."""
    return sorted(path.name for path in folder.iterdir() if path.name.endswith(".tmp"))


@pytest.fixture
def target(tmp_path: Path) -> Path:
    path = tmp_path / "c.json"
    path.write_bytes(OLD)
    return path


# --- write_atomic ------------------------------------------------------------------------


def test_write_replaces_the_file_whole(target: Path) -> None:
    assert write_atomic(target, NEW) == target
    assert target.read_bytes() == NEW
    assert leftovers(target.parent) == []


def test_a_file_written_in_pieces_is_whole_or_not_at_all(target: Path) -> None:
    with atomic_writer(target) as write:
        write(b'{"new"')
        write(b": true}\n")
        assert target.read_bytes() == OLD  # nothing shows before the block ends
    assert target.read_bytes() == NEW

    def interrupted() -> None:
        with atomic_writer(target) as write:
            write(b"half a file")
            raise RuntimeError("stopped")

    with pytest.raises(RuntimeError, match="stopped"):
        interrupted()
    assert target.read_bytes() == NEW
    assert leftovers(target.parent) == []


def test_write_creates_a_new_file(tmp_path: Path) -> None:
    write_atomic(tmp_path / "new.json", NEW)
    assert (tmp_path / "new.json").read_bytes() == NEW


def test_write_keeps_the_permissions_of_the_file_it_replaces(target: Path) -> None:
    target.chmod(0o640)
    write_atomic(target, NEW)
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_a_crash_before_the_rename_leaves_the_previous_file(
    target: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Killed at the ``os.replace`` step: the old file is whole, the temporary one gone."""

    def crash(*_args: object) -> None:
        raise KeyboardInterrupt  # the process is stopped there

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(target, NEW)
    assert target.read_bytes() == OLD
    assert leftovers(target.parent) == []


def test_a_rename_that_fails_leaves_the_previous_file(
    target: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fail(*_args: object) -> None:
        raise OSError(errno.EIO, os.strerror(errno.EIO))

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(FileWriteError, match="left as it was") as info:
        write_atomic(target, NEW)
    assert info.value.field is not None
    assert info.value.field.endswith("c.json")
    assert target.read_bytes() == OLD
    assert leftovers(target.parent) == []


@pytest.mark.parametrize("step", ["write", "fsync"])
def test_a_full_disk_leaves_the_previous_file(
    target: Path, monkeypatch: pytest.MonkeyPatch, step: str
) -> None:
    """ENOSPC while writing or syncing the temporary file."""

    def full(*_args: object) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, step, full)
    with pytest.raises(FileWriteError, match="no space left on the device"):
        write_atomic(target, NEW * 10_000)
    monkeypatch.undo()
    assert target.read_bytes() == OLD
    assert leftovers(target.parent) == []


def test_a_short_write_is_completed(target: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_write = os.write

    def one_byte_at_a_time(fd: int, data: bytes | memoryview) -> int:
        return real_write(fd, bytes(data[:1]))

    monkeypatch.setattr(os, "write", one_byte_at_a_time)
    write_atomic(target, NEW)
    assert target.read_bytes() == NEW


def test_a_symbolic_link_is_replaced_not_written_through(tmp_path: Path) -> None:
    """Decided: the link itself is replaced by the new file; what it pointed to is
    never overwritten (a link planted in a shared folder cannot redirect a write)."""
    victim = tmp_path / "victim.txt"
    victim.write_bytes(b"precious")
    link = tmp_path / "c.json"
    link.symlink_to(victim)
    write_atomic(link, NEW)
    assert not link.is_symlink()
    assert link.read_bytes() == NEW
    assert victim.read_bytes() == b"precious"


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full on this system")
def test_a_device_is_never_replaced() -> None:
    """``-o /dev/full`` as root would otherwise put a regular file in /dev."""
    with pytest.raises(FileWriteError, match="a device, not a file"):
        write_atomic("/dev/full", NEW)
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


def test_a_folder_is_never_replaced(tmp_path: Path) -> None:
    with pytest.raises(FileWriteError, match="a folder"):
        write_atomic(tmp_path, NEW)


def test_without_overwrite_an_existing_file_stays(target: Path) -> None:
    with pytest.raises(FileWriteError, match="already exists"):
        write_atomic(target, NEW, overwrite=False)
    assert target.read_bytes() == OLD
    write_atomic(target.with_name("other.json"), NEW, overwrite=False)
    assert target.with_name("other.json").read_bytes() == NEW
    assert leftovers(target.parent) == []


def test_a_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(FileWriteError, match="cannot write"):
        write_atomic(tmp_path / "missing" / "c.json", NEW)


def test_write_checks_its_arguments(tmp_path: Path) -> None:
    with pytest.raises(InvalidValue) as info:
        write_atomic(42, NEW)  # type: ignore[arg-type]
    assert info.value.field == "path"
    with pytest.raises(InvalidValue) as info:
        write_atomic(tmp_path / "c.json", "text")  # type: ignore[arg-type]
    assert info.value.field == "data"


# --- read_bounded, read_stream -------------------------------------------------------------


def test_read_a_file(target: Path) -> None:
    assert read_bounded(target) == OLD
    assert read_bounded(os.fsencode(target)) == OLD


def test_a_file_over_the_limit_is_refused_from_its_size(
    target: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    reads: list[int] = []
    real_read = os.read
    monkeypatch.setattr(os, "read", lambda fd, n: reads.append(n) or real_read(fd, n))
    with pytest.raises(FileFormatError, match="too large: 14 bytes, at most 10"):
        read_bounded(target, max_bytes=10)
    assert reads == []  # refused before reading anything


def test_a_file_that_grows_while_read_is_cut_at_the_limit(
    target: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(os, "read", lambda _fd, n: b"x" * n)  # an endless file
    with pytest.raises(FileFormatError, match="too large"):
        read_bounded(target, max_bytes=100)


def test_the_limit_from_the_environment(monkeypatch: pytest.MonkeyPatch, target: Path) -> None:
    assert max_file_bytes() == MAX_FILE_BYTES == 10 * 1024 * 1024
    monkeypatch.setenv(MAX_FILE_BYTES_ENV, "5")
    assert max_file_bytes() == 5
    assert max_file_bytes(1_000) == 1_000  # the parameter wins
    with pytest.raises(FileFormatError, match=MAX_FILE_BYTES_ENV):
        read_bounded(target)
    for wrong in ("ten", "-1", "0", "1e6", "٣"):
        monkeypatch.setenv(MAX_FILE_BYTES_ENV, wrong)
        with pytest.raises(InvalidValue) as info:
            max_file_bytes()
        assert info.value.field == MAX_FILE_BYTES_ENV
    with pytest.raises(InvalidValue):
        max_file_bytes(0)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this system")
def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    fifo = tmp_path / "c.json"
    os.mkfifo(fifo)
    started = time.monotonic()
    with pytest.raises(FileFormatError, match="named pipe"):
        read_bounded(fifo)
    assert time.monotonic() - started < 5


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom", "/dev/null"])
def test_a_device_is_refused(device: str) -> None:
    if not Path(device).exists():
        pytest.skip(f"no {device} on this system")
    with pytest.raises(FileFormatError, match="a device, not a file"):
        read_bounded(device)


def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(FileFormatError, match="a folder, not a file"):
        read_bounded(tmp_path)


def test_a_symbolic_link_is_refused_when_asked(tmp_path: Path, target: Path) -> None:
    link = tmp_path / "link.json"
    link.symlink_to(target)
    assert read_bounded(link) == OLD
    with pytest.raises(FileFormatError, match="symbolic link"):
        read_bounded(link, follow=False)


def test_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(FileFormatError, match="cannot read: no such file"):
        read_bounded(tmp_path / "missing.json")


@pytest.mark.skipif(AS_ROOT, reason="runs as root, for whom file permissions do not apply")
def test_an_unreadable_file(target: Path) -> None:
    target.chmod(0)
    with pytest.raises(FileFormatError, match="cannot read: permission denied"):
        read_bounded(target)


def test_read_a_stream_up_to_the_limit() -> None:
    import io

    assert read_stream(io.BytesIO(b"abc"), max_bytes=3) == b"abc"
    assert read_stream(io.TextIOWrapper(io.BytesIO(b"abc")), max_bytes=3) == b"abc"
    stream = io.BytesIO(b"x" * 100)
    with pytest.raises(FileFormatError, match="too large: more than 10 bytes"):
        read_stream(stream, max_bytes=10)
    assert stream.tell() == 11  # no further than the limit
    with pytest.raises(FileFormatError, match="closed") as info:
        read_stream(None)
    assert info.value.field == "standard input"
    closed = io.BytesIO(b"")
    closed.close()
    with pytest.raises(FileFormatError, match="closed"):
        read_stream(closed)


# --- locks -------------------------------------------------------------------------------------


def test_the_lock_file_is_next_to_the_file(target: Path) -> None:
    assert lock_path(target) == target.with_name(".c.json.lock")
    with locked(target) as lock:
        assert lock == lock_path(target)
        assert lock.exists()


def test_a_held_lock_makes_another_writer_wait_then_give_up(target: Path) -> None:
    with locked(target):
        started = time.monotonic()
        with (
            pytest.raises(FileBusyError, match="another program is writing it") as info,
            locked(target, timeout=0.2),
        ):
            pass  # pragma: no cover - never reached
        assert time.monotonic() - started >= 0.2
    assert isinstance(info.value, FileWriteError)
    with locked(target, timeout=0.2):  # released: free again
        pass


def test_a_writer_waits_for_the_lock_to_be_released(target: Path) -> None:
    order: list[str] = []
    holding = threading.Event()

    def hold() -> None:
        with locked(target):
            holding.set()
            time.sleep(0.3)
            order.append("first")

    thread = threading.Thread(target=hold)
    thread.start()
    holding.wait()
    with locked(target, timeout=5):
        order.append("second")
    thread.join()
    assert order == ["first", "second"]


def test_a_lock_file_that_is_a_link_is_refused(tmp_path: Path, target: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_bytes(b"precious")
    lock_path(target).symlink_to(victim)
    with pytest.raises(FileWriteError, match="symbolic link"), locked(target):
        pass  # pragma: no cover - never reached
    assert victim.read_bytes() == b"precious"


@pytest.mark.skipif(AS_ROOT, reason="runs as root, for whom file permissions do not apply")
def test_a_folder_where_no_lock_can_be_made(tmp_path: Path, target: Path) -> None:
    tmp_path.chmod(0o500)
    try:
        with pytest.raises(FileWriteError, match="cannot lock"), locked(target):
            pass  # pragma: no cover - never reached
    finally:
        tmp_path.chmod(0o700)


def _save_many(path: str, marker: int, rounds: int) -> None:
    """A process that saves its own version of the convention ``rounds`` times."""
    import attrs

    from mgp_convention import io
    from mgp_convention.examples import example_convention

    convention = attrs.evolve(example_convention(), reference=f"WRITER-{marker}")
    for _ in range(rounds):
        io.save(path, convention)


@pytest.mark.skipif(sys.platform == "win32", reason="fork-based processes")
def test_two_processes_writing_at_once_never_corrupt_the_file(tmp_path: Path) -> None:
    """25 trials of two processes saving the same file 10 times each, at once: the file
    is always one whole convention, written by one of them, and no temporary is left."""
    from mgp_convention.examples import example_convention
    from mgp_convention.io import load_path, save

    path = tmp_path / "c.json"
    context = multiprocessing.get_context("fork")
    for trial in range(25):
        save(path, example_convention())
        writers = [
            context.Process(target=_save_many, args=(str(path), marker, 10)) for marker in (1, 2)
        ]
        for writer in writers:
            writer.start()
        for writer in writers:
            writer.join(60)
            assert writer.exitcode == 0, trial
        assert load_path(path).reference in {"WRITER-1", "WRITER-2"}
        assert leftovers(tmp_path) == []


def test_reading_never_sees_half_a_file(tmp_path: Path) -> None:
    """While a thread rewrites the file, every read sees the old or the new bytes."""
    path = tmp_path / "c.json"
    small, large = b"A" * 10, b"B" * 1_000_000
    write_atomic(path, small)
    stop = threading.Event()

    def rewrite() -> None:
        while not stop.is_set():
            write_atomic(path, large)
            write_atomic(path, small)

    thread = threading.Thread(target=rewrite)
    thread.start()
    try:
        for _ in range(200):
            assert read_bounded(path) in (small, large)
    finally:
        stop.set()
        thread.join()


def test_paths_are_checked() -> None:
    with pytest.raises(InvalidValue) as info:
        files.check_path(None)
    assert info.value.field == "path"
    assert files.check_path(b"a/b") == Path("a/b")


def test_unexpected_errors_while_reading_are_the_package_s(
    target: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_args: object) -> bytes:
        raise OSError(errno.EIO, os.strerror(errno.EIO))

    monkeypatch.setattr(os, "read", broken)
    with pytest.raises(FileFormatError, match="cannot read: input/output error"):
        read_bounded(target)
    monkeypatch.undo()

    class Broken:
        closed = False

        def read(self, _size: int) -> bytes:
            raise OSError(errno.EIO, os.strerror(errno.EIO))

    with pytest.raises(FileFormatError, match="cannot read: input/output error"):
        read_stream(Broken())  # type: ignore[arg-type]


def test_a_text_stream_without_a_buffer() -> None:
    import io

    assert read_stream(io.StringIO("é")) == "é".encode()


def test_the_identity_of_a_file(target: Path, tmp_path: Path) -> None:
    assert files.identity(tmp_path / "missing.json") is None
    before = files.identity(target)
    write_atomic(target, NEW)
    assert files.identity(target) != before


def test_a_path_through_a_file_cannot_be_written(target: Path) -> None:
    with pytest.raises(FileWriteError, match="cannot write: a part of the path is not a folder"):
        write_atomic(target / "c.json", NEW)


def test_no_lock_and_no_folder_made_in_a_missing_folder(tmp_path: Path) -> None:
    with (
        pytest.raises(FileWriteError, match="its folder does not exist"),
        locked(tmp_path / "missing" / "c.json"),
    ):
        pass  # pragma: no cover - never reached
    assert not (tmp_path / "missing").exists()


def test_a_path_like_of_bytes() -> None:
    class BytesPath:
        def __fspath__(self) -> bytes:
            return b"dir/c.json"

    assert files.check_path(BytesPath()) == Path("dir/c.json")
