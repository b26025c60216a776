"""Files read and written safely: bounded reads, atomic writes, a lock around an update.

**Reading** (:func:`read_bounded`, :func:`read_stream`). A convention is a few
kilobytes; a file larger than :func:`max_file_bytes` (10 MB by default; the
``max_bytes`` parameter, else the environment variable ``MGP_CONVENTION_MAX_FILE_BYTES``,
sets another limit) is refused from its size *before* it is read, and a stream
(standard input) is read up to the limit and no further. Only a regular file is read:
a named pipe (FIFO), a device (``/dev/zero``, ``/dev/urandom``), a socket or a folder
is refused at once (a FIFO is opened without waiting for a writer).

**Writing** (:func:`write_atomic`). A file is replaced, never rewritten in place: the
bytes go to a new temporary file in the same folder (``.NAME.XXXXXXXX.tmp``), which is
flushed and synced to the disk (``os.fsync``), then takes the file's name in one step
(``os.replace``); the folder is synced last, so that the new name survives a power
cut. On any failure (a full disk, no permission, a crash before the rename) the
temporary file is removed and the previous file is left byte for byte as it was.
When the target is a **symbolic link**, the link itself is replaced by the new file:
the file it points to is never written through it (a link planted in a shared folder
cannot make the program overwrite another file). A target that exists and is not a
regular file or a link (a device such as ``/dev/full``, a folder) is refused.

**Locking** (:func:`locked`). A read–check–write (``mgp-convention record``) holds a
lock for the whole of it, so that two programs updating the same file one after the
other each see the other's change: the lock is the file ``.NAME.lock`` next to the
target, taken with the ``filelock`` package, waited for up to :data:`LOCK_TIMEOUT`
seconds, after which :class:`~mgp_convention.errors.FileBusyError` says which file is
busy. Every writer of the package takes it (:func:`mgp_convention.io.save`,
:func:`mgp_convention.io.edit`); a program that does not (a text editor) is detected
by :func:`mgp_convention.io.edit`, which refuses to write over a file changed since
it was read.

>>> import pathlib, tempfile
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> write_atomic(folder / "c.json", b'{"schema_version": 2}\\n').name
'c.json'
>>> read_bounded(folder / "c.json")
b'{"schema_version": 2}\\n'
>>> read_bounded(folder / "c.json", max_bytes=10)  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
mgp_convention.errors.FileFormatError: .../c.json: too large: 22 bytes, at most 10 ...

Why over 400 lines: reading, writing and locking are three sides of one promise (a file
is never half-written nor read without a bound), and they share the platform checks
(regular file, same folder, fsync of the folder).
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import stat
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Final

from mgp_convention.errors import (
    FileBusyError,
    FileFormatError,
    FileWriteError,
    InvalidValue,
    system_reason,
)
from mgp_convention.i18n import N_, Message
from mgp_convention.printable import printable_path

__all__ = [
    "LOCK_TIMEOUT",
    "MAX_FILE_BYTES",
    "MAX_FILE_BYTES_ENV",
    "FileIdentity",
    "atomic_writer",
    "check_path",
    "identity",
    "lock_path",
    "locked",
    "max_file_bytes",
    "read_bounded",
    "read_stream",
    "read_with_identity",
    "too_large",
    "write_atomic",
]

#: The largest file read by default: 10 MB (a convention is a few kilobytes).
MAX_FILE_BYTES: Final = 10 * 1024 * 1024
#: The environment variable that sets another limit, in bytes.
MAX_FILE_BYTES_ENV: Final = "MGP_CONVENTION_MAX_FILE_BYTES"
#: How long a writer waits for another one's lock, in seconds.
LOCK_TIMEOUT: Final = 10.0

_READ_CHUNK: Final = 1 << 20
_READ_FLAGS: Final = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)  # a FIFO opens at once instead of waiting for a writer
    | getattr(os, "O_NOCTTY", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)

#: What a file system entry is, for the messages (a regular file is the one allowed).
_KINDS: Final = (
    (stat.S_ISDIR, N_("a folder, not a file: {done}")),
    (stat.S_ISFIFO, N_("a named pipe (FIFO), not a file: {done}")),
    (stat.S_ISCHR, N_("a device, not a file: {done}")),
    (stat.S_ISBLK, N_("a device, not a file: {done}")),
    (stat.S_ISSOCK, N_("a socket, not a file: {done}")),
)
_NOT_REGULAR: Final = N_("not a regular file, not a file: {done}")
_NOT_READ: Final = N_("not read")
_NOT_REPLACED: Final = N_("not replaced")
_CANNOT_READ: Final = N_("cannot read: {reason}")
_CANNOT_WRITE: Final = N_("cannot write: {reason}")
_EXISTS: Final = N_("already exists: not overwritten")

#: A file's identity when it was read: device, inode, size and modification time.
FileIdentity = tuple[int, int, int, int]


def check_path(path: object, *, argument: str = "path") -> Path:
    """``path`` as a :class:`~pathlib.Path`; anything but a ``str``, ``bytes`` or
    ``os.PathLike`` is refused with :class:`~mgp_convention.errors.InvalidValue` naming
    the ``argument`` (a library trusts no caller's types)."""
    if isinstance(path, (str, os.PathLike)):
        fspath = os.fspath(path)
        if isinstance(fspath, str):
            return Path(fspath)
        return Path(os.fsdecode(fspath))
    if isinstance(path, bytes):
        return Path(os.fsdecode(path))
    raise InvalidValue(
        f"expected a file path (str, bytes or os.PathLike), got {type(path).__name__}",
        field=argument,
    )


def max_file_bytes(limit: int | None = None) -> int:
    """The size limit in bytes: ``limit`` when given, else :data:`MAX_FILE_BYTES_ENV`
    when set, else :data:`MAX_FILE_BYTES`.

    >>> max_file_bytes(), max_file_bytes(1_000)
    (10485760, 1000)
    """
    if limit is not None:
        if isinstance(limit, bool) or not isinstance(limit, int) or limit < 1:
            raise InvalidValue(f"expected a number of bytes ≥ 1, got {limit!r}", field="max_bytes")
        return limit
    text = os.environ.get(MAX_FILE_BYTES_ENV, "").strip()
    if not text:
        return MAX_FILE_BYTES
    if not text.isascii() or not text.isdigit() or int(text) < 1:
        raise InvalidValue(
            Message(N_("{value} is not a number of bytes ≥ 1"), {"value": repr(text[:40])}),
            field=MAX_FILE_BYTES_ENV,
        )
    return int(text)


def too_large(size: int, limit: int, name: str | None = None) -> FileFormatError:
    """The error of a file of ``size`` bytes, over the ``limit``."""
    return FileFormatError(
        Message(
            N_(
                "too large: {size} bytes, at most {limit} for a convention file "
                "(set {variable} to read larger files)"
            ),
            {"size": size, "limit": limit, "variable": MAX_FILE_BYTES_ENV},
        ),
        field=name,
    )


def _kind(mode: int) -> str | None:
    """What a non-regular entry is (a message id with ``{done}``), or ``None`` for a
    regular file."""
    for test, kind in _KINDS:
        if test(mode):
            return kind
    return None if stat.S_ISREG(mode) else _NOT_REGULAR


def _cannot(msgid: str, err: OSError) -> Message:
    return Message(msgid, {"reason": system_reason(err)})


def _read_all(fd: int, target: str | Path, limit: int) -> bytes:
    chunks: list[bytes] = []
    total = 0
    while True:
        chunk = os.read(fd, min(_READ_CHUNK, limit + 1 - total))
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        total += len(chunk)
        if total > limit:  # the file grew after its size was read
            raise too_large(total, limit, printable_path(target))


def read_with_identity(
    path: str | bytes | os.PathLike[str], *, max_bytes: int | None = None, follow: bool = True
) -> tuple[bytes, FileIdentity]:
    """The bytes of the regular file ``path`` (see :func:`read_bounded`) and its
    :data:`FileIdentity` when read; ``follow=False`` refuses a symbolic link."""
    target = path if isinstance(path, str) else check_path(path)  # a str is opened as it is
    limit = max_file_bytes(max_bytes)
    flags = _READ_FLAGS | (0 if follow else getattr(os, "O_NOFOLLOW", 0))
    try:
        fd = os.open(target, flags)
    except OSError as err:
        if not follow and err.errno == errno.ELOOP:
            raise FileFormatError(
                Message(N_("a symbolic link: not followed (only the folder's own files are read)")),
                field=printable_path(target),
            ) from None
        raise FileFormatError(_cannot(_CANNOT_READ, err), field=printable_path(target)) from None
    try:
        info = os.fstat(fd)
        kind = _kind(info.st_mode)
        if kind is not None:
            raise FileFormatError(
                Message(kind, {"done": Message(_NOT_READ)}), field=printable_path(target)
            )
        if info.st_size > limit:
            raise too_large(info.st_size, limit, printable_path(target))
        data = _read_all(fd, target, limit)
    except OSError as err:
        raise FileFormatError(_cannot(_CANNOT_READ, err), field=printable_path(target)) from None
    finally:
        os.close(fd)
    return data, (info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns)


def read_bounded(
    path: str | bytes | os.PathLike[str], *, max_bytes: int | None = None, follow: bool = True
) -> bytes:
    """The bytes of the regular file ``path``, refused (a
    :class:`~mgp_convention.errors.FileFormatError` naming the file) when it cannot be
    read, is not a regular file, or is larger than :func:`max_file_bytes`."""
    return read_with_identity(path, max_bytes=max_bytes, follow=follow)[0]


def read_stream(
    stream: IO[bytes] | IO[str] | None,
    *,
    max_bytes: int | None = None,
    name: str = "standard input",
) -> bytes:
    """At most :func:`max_file_bytes` bytes of ``stream`` (its binary buffer when it is a
    text stream); more is refused without reading further. ``None`` (a closed standard
    input: ``sys.stdin`` is ``None``) is refused too."""
    limit = max_file_bytes(max_bytes)
    if stream is None or stream.closed:
        raise FileFormatError(Message(N_("closed: nothing to read")), field=name)
    binary = getattr(stream, "buffer", stream)
    try:
        data = binary.read(limit + 1)
    except OSError as err:
        raise FileFormatError(_cannot(_CANNOT_READ, err), field=name) from None
    except ValueError:  # a stream closed meanwhile
        raise FileFormatError(Message(N_("closed: nothing to read")), field=name) from None
    if isinstance(data, str):  # a text stream without a buffer (a test's StringIO)
        data = data.encode("utf-8", errors="surrogatepass")
    if len(data) > limit:
        raise FileFormatError(
            Message(
                N_(
                    "too large: more than {limit} bytes for a convention file "
                    "(set {variable} to read larger files)"
                ),
                {"limit": limit, "variable": MAX_FILE_BYTES_ENV},
            ),
            field=name,
        )
    return bytes(data)


def identity(path: str | os.PathLike[str]) -> FileIdentity | None:
    """The :data:`FileIdentity` of ``path`` now (``None`` when there is no such file)."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return None
    return (info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns)


# --- writing -----------------------------------------------------------------------------


def _temporary(folder: Path, name: str) -> tuple[int, Path]:
    """A new, empty file in ``folder`` created exclusively (mode 0666 less the umask)."""
    while True:
        path = folder / f".{name}.{secrets.token_hex(4)}.tmp"
        try:
            flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
            return os.open(path, flags | getattr(os, "O_BINARY", 0), 0o666), path
        except FileExistsError:  # pragma: no cover - 32 random bits already taken
            continue


def _sync_folder(folder: Path) -> None:
    """Sync the folder's list of names to the disk (a no-op where a folder cannot be
    opened, as on Windows, or synced)."""
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:  # pragma: no cover - Windows
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def write_atomic(
    path: str | bytes | os.PathLike[str], data: bytes, *, overwrite: bool = True
) -> Path:
    """Write ``data`` to ``path`` whole or not at all (see the module's docstring);
    return the path written.

    Without ``overwrite``, an existing ``path`` is refused and left as it was. Any
    failure raises :class:`~mgp_convention.errors.FileWriteError` naming the file, after
    removing the temporary file; the previous file is intact.
    """
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise InvalidValue(f"expected bytes, got {type(data).__name__}", field="data")
    with atomic_writer(path, overwrite=overwrite) as write:
        write(bytes(data))
    return check_path(path)


@contextlib.contextmanager
def atomic_writer(
    path: str | bytes | os.PathLike[str], *, overwrite: bool = True
) -> Iterator[Callable[[bytes], None]]:
    """A file written in pieces, whole or not at all: the block gets a ``write(bytes)``
    function; the pieces go to a temporary file in the same folder, which takes the
    file's name (after ``fsync``) only when the block ends without an exception. On any
    failure the temporary file is removed and the previous file is intact (a write
    error is a :class:`~mgp_convention.errors.FileWriteError` naming the file). For a
    file too large to hold in memory at once (the calendar of a large folder).
    """
    target = check_path(path)
    name = printable_path(target)
    mode: int | None = None
    try:
        info = os.lstat(target)
    except FileNotFoundError:
        info = None
    except OSError as err:
        raise FileWriteError(_cannot(_CANNOT_WRITE, err), field=name) from None
    if info is not None:
        if not overwrite:
            raise FileWriteError(Message(_EXISTS), field=name)
        kind = None if stat.S_ISLNK(info.st_mode) else _kind(info.st_mode)
        if kind is not None:
            raise FileWriteError(Message(kind, {"done": Message(_NOT_REPLACED)}), field=name)
        if stat.S_ISREG(info.st_mode):
            mode = stat.S_IMODE(info.st_mode)  # the new file keeps the old one's permissions
    try:
        fd, temporary = _temporary(target.parent, target.name)
    except OSError as err:
        raise FileWriteError(_cannot(_CANNOT_WRITE, err), field=name) from None
    try:
        try:
            if mode is not None and hasattr(os, "fchmod"):  # not on Windows before 3.13
                os.fchmod(fd, mode)
            yield lambda piece: _write_all(fd, piece)
            os.fsync(fd)
        finally:
            os.close(fd)
        if overwrite:
            os.replace(temporary, target)
        else:
            os.link(temporary, target)  # fails if the name appeared meanwhile
            temporary.unlink()
    except OSError as err:
        with contextlib.suppress(OSError):
            temporary.unlink()
        reason = (
            Message(_EXISTS)
            if isinstance(err, FileExistsError)
            else Message(
                N_("cannot write: {reason}; the file is left as it was"),
                {"reason": system_reason(err)},
            )
        )
        raise FileWriteError(reason, field=name) from None
    except BaseException:  # KeyboardInterrupt, a crash: no temporary file left behind
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise
    _sync_folder(target.parent)


# --- locking -------------------------------------------------------------------------------


def lock_path(path: str | bytes | os.PathLike[str]) -> Path:
    """The lock file of ``path``: ``.NAME.lock`` in the same folder.

    >>> lock_path("conventions/c.json").as_posix()
    'conventions/.c.json.lock'
    """
    target = check_path(path)
    return target.with_name(f".{target.name}.lock")


@contextlib.contextmanager
def locked(
    path: str | bytes | os.PathLike[str], *, timeout: float = LOCK_TIMEOUT
) -> Iterator[Path]:
    """Hold the lock of ``path`` (:func:`lock_path`) for the ``with`` block; wait for
    it up to ``timeout`` seconds, then raise
    :class:`~mgp_convention.errors.FileBusyError`. Yields the lock file's path.

    The lock file stays after the block (removing it would let a third program lock a
    new file while a second one holds the old). A lock file that is a symbolic link
    is refused, and so is a folder that does not exist (``filelock`` would create it).
    """
    from filelock import FileLock, Timeout  # noqa: PLC0415 - only the commands that write

    target = check_path(path)
    lock = lock_path(target)
    name = printable_path(target)
    if not lock.parent.is_dir():
        raise FileWriteError(Message(N_("cannot lock: its folder does not exist")), field=name)
    if lock.is_symlink():
        raise FileWriteError(
            Message(
                N_("its lock file {lock} is a symbolic link: not used"),
                {"lock": printable_path(lock.name)},
            ),
            field=name,
        )
    file_lock = FileLock(lock, timeout=timeout)
    try:
        file_lock.acquire()
    except Timeout:
        raise FileBusyError(
            Message(
                N_(
                    "another program is writing it (its lock {lock} was held for {seconds} s): "
                    "try again"
                ),
                {"lock": printable_path(lock.name), "seconds": f"{timeout:g}"},
            ),
            field=name,
        ) from None
    except OSError as err:
        raise FileWriteError(
            Message(N_("cannot lock: {reason}"), {"reason": system_reason(err)}), field=name
        ) from None
    try:
        yield lock
    finally:
        file_lock.release()
