"""A document written safely: a new file appears whole, an old one is replaced whole.

The bytes go to a temporary file in the destination's folder, are flushed and synced
to the disk (``os.fsync``), then take the destination's name in one step
(``os.replace``; without ``overwrite``, a hard link that fails if the name exists, so
that a file appearing meanwhile is not lost). On any failure the previous file is
untouched and the temporary file removed. The folder is synced last, so that the new
name survives a power cut.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
import unicodedata
from pathlib import Path

__all__ = ["safe_file_name", "write_atomically"]

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def safe_file_name(text: str) -> str:
    """``text`` as a portable file name: accents dropped, every other character outside
    ``A-Z a-z 0-9 . _ -`` made a ``-``, no leading dot or dash.

    >>> safe_file_name("MGP/AM 2026 — n° 1")
    'MGP-AM-2026-n-1'
    >>> safe_file_name("Évry..")
    'Evry..'
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return _UNSAFE.sub("-", ascii_text).strip("-").lstrip(".") or "document"


def _temporary(folder: Path, name: str) -> tuple[int, Path]:
    """A new file in ``folder``, created exclusively (mode 0666 less the umask)."""
    while True:
        path = folder / f".{name}.{secrets.token_hex(4)}.tmp"
        try:
            return os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666), path
        except FileExistsError:  # pragma: no cover - 32 random bits already taken
            continue


def _sync_folder(folder: Path) -> None:
    """Sync the folder's entry list to the disk (POSIX); a no-op where not possible."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # pragma: no cover - Windows cannot open a folder
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)


def _link_or_refuse(temporary: Path, path: Path) -> None:
    """Give ``temporary`` the name ``path`` unless that name exists (FileExistsError)."""
    try:
        os.link(temporary, path)
    except FileExistsError:
        raise
    except OSError as err:  # a file system without hard links: check, then replace
        if err.errno not in {errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV}:
            raise
        if path.exists():
            raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(path)) from None
        os.replace(temporary, path)


def write_atomically(data: bytes, path: str | os.PathLike[str], *, overwrite: bool) -> Path:
    """Write ``data`` to ``path`` whole or not at all; return the path written.

    Without ``overwrite``, an existing ``path`` raises :class:`FileExistsError` and is
    left as it was. Any other failure raises its :class:`OSError`, after removing the
    temporary file.
    """
    target = Path(path)
    if not overwrite and target.exists():
        raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(target))
    fd, temporary = _temporary(target.parent, target.name)
    try:
        with os.fdopen(fd, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        if overwrite:
            os.replace(temporary, target)
        else:
            _link_or_refuse(temporary, target)
    finally:
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()
    _sync_folder(target.parent)
    return target
