"""The convention file: versioned JSON, one convention per file, read once at the edge.

Reading is strict and reports **every** problem (up to
:data:`~mgp_convention._problems.MAX_PROBLEMS`, the rest counted), each with its JSON
path (``$.beneficiary.siren``): unknown keys are refused (a misspelt key must not be
silently ignored), amounts are strings (``"125000.00"``: a JSON number with a decimal
point is a float and is refused), dates are ``YYYY-MM-DD``, a key twice in an object,
``NaN`` and ``Infinity`` are refused. The package's cattrs converter does the work
(:mod:`mgp_convention._converter`); older versions of the file are migrated on the way
in (:mod:`mgp_convention.versions`); the bytes are read and written by
:mod:`mgp_convention.files` (bounded reads, atomic writes, a lock).

- :func:`loads`, :func:`load_path`: a :class:`~mgp_convention.convention.Convention`;
  :func:`read_text`, :func:`read_file`: a :class:`LoadedFile` (the convention, the
  version the file was in, whether it was migrated).
- :func:`dumps`: the canonical text (every field, ``null`` when absent,
  ``schema_version`` first, 2-space indent, UTF-8, a final newline); ``dumps(loads(t))
  == t`` for every canonical text ``t``.
- :func:`save`: write a file atomically, under its lock.
- :func:`edit`: a read–check–write under the file's lock, for a command that changes
  a file (``mgp-convention record``)::

      with io.edit(path) as update:          # locked, read, migrated if old
          lifecycle = Lifecycle.from_convention(update.convention)
          ...                                  # check the change; raise to refuse it
          update.save(new_convention)          # atomic; refused if changed meanwhile
      if update.loaded.migrated: ...           # "written as version 2"

  An exception in the block leaves the file byte for byte as it was.
- :func:`load_folder`: every convention file of a folder, and each file that failed.

>>> from mgp_convention.examples import example_convention
>>> convention = example_convention()
>>> loads(dumps(convention)) == convention
True
>>> loads('{"schema_version": 2, "reference": 7}')  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
mgp_convention.errors.LoadError: $.reference: expected a string, got a whole number
$.metropole_deliberation: required key is missing
...

Why over 400 lines: the file's entry and exit points (text, path, folder, edit under a
lock) share the same strict JSON parse and problem list; the streaming folder reader
(:func:`iter_folder`) is here so that ``load_folder`` is built on it.
"""

from __future__ import annotations

import contextlib
import fnmatch
import json
import os
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, Final

import attrs
from cattrs.errors import BaseValidationError

from mgp_convention import files
from mgp_convention._converter import JSONFloat, converter, kind_of
from mgp_convention._converter import unstructure as _unstructure
from mgp_convention._problems import MAX_PROBLEMS, load_error
from mgp_convention.convention import SCHEMA_VERSION, Convention
from mgp_convention.errors import (
    ConventionError,
    FileFormatError,
    FileWriteError,
    InvalidValue,
    LoadError,
    Problem,
    shown,
    system_reason,
)
from mgp_convention.files import LOCK_TIMEOUT, FileIdentity
from mgp_convention.i18n import N_, Message
from mgp_convention.printable import printable_path
from mgp_convention.versions import file_version, migrate

__all__ = [
    "MAX_PROBLEMS",
    "FileEdit",
    "FolderLoad",
    "LoadedFile",
    "converter",
    "dump_path",
    "dumps",
    "edit",
    "iter_folder",
    "load_folder",
    "load_path",
    "loads",
    "read_file",
    "read_text",
    "save",
    "structure",
    "unstructure",
]


@attrs.frozen
class LoadedFile:
    """A convention as read from a file: ``version`` is the version of the file format
    the file was written in; ``migrated`` whether it was older than the current one
    (it is then written in the current version only when the user writes it)."""

    convention: Convention
    version: int
    path: Path | None = None

    @property
    def migrated(self) -> bool:
        """Whether the file was in an older version, read as the current one."""
        return self.version != SCHEMA_VERSION


def _structure(data: Any) -> LoadedFile:
    """Read parsed JSON: its version first (an unknown version stops there: the rest
    would be read by the wrong rules); a file without a version is refused, and its
    other problems are listed as the current version sees them."""
    if type(data) is not dict:
        expected = Message(
            N_("expected {what}, got {got}"),
            {"what": Message(N_("an object")), "got": kind_of(data)},
        )
        raise LoadError([Problem("$", expected)])
    unsaid: list[Problem] = []
    if "schema_version" in data:
        version = file_version(data)
    else:
        try:
            file_version(data)
        except LoadError as err:
            unsaid = list(err.problems)
        version = SCHEMA_VERSION
        data = {"schema_version": SCHEMA_VERSION, **data}
    try:
        convention: Convention = converter.structure(migrate(data, version), Convention)
    except BaseValidationError as err:
        found = load_error(err, "$", limit=MAX_PROBLEMS - len(unsaid))
        raise LoadError([*unsaid, *found.problems], more=found.more) from None
    if unsaid:
        raise LoadError(unsaid)
    return LoadedFile(convention, version)


def structure(data: Any) -> Convention:
    """A :class:`Convention` from parsed JSON (of any version the package reads), or a
    :class:`~mgp_convention.errors.LoadError` listing every problem."""
    return _structure(data).convention


def unstructure(convention: Convention) -> dict[str, Any]:
    """The JSON-ready ``dict`` of a convention, in the canonical layout."""
    if not isinstance(convention, Convention):
        raise InvalidValue(
            f"expected a Convention, got {type(convention).__name__}", field="convention"
        )
    return _unstructure(convention)


# --- the JSON text -----------------------------------------------------------------------


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise FileFormatError(
                    Message(
                        N_("the key {key} appears twice in the same object"), {"key": shown(key)}
                    )
                )
            seen.add(key)
    return result


def _reject_constant(name: str) -> Any:
    raise FileFormatError(Message(N_("{name} is not valid JSON"), {"name": name}))


def _parse(text: str | bytes) -> Any:
    if isinstance(text, (bytes, bytearray)):
        try:
            text = bytes(text).decode("utf-8-sig")
        except UnicodeDecodeError as err:
            raise FileFormatError(
                Message(
                    N_("the file is not UTF-8 text (byte {byte}): save it as UTF-8"),
                    {"byte": err.start},
                )
            ) from None
    try:
        return json.loads(
            text,
            object_pairs_hook=_no_duplicate_keys,
            parse_constant=_reject_constant,
            parse_float=JSONFloat,
        )
    except json.JSONDecodeError as err:
        raise FileFormatError(
            Message(
                N_("not valid JSON: {reason} (line {line}, column {column})"),
                {"reason": _json_reason(err.msg), "line": err.lineno, "column": err.colno},
            )
        ) from None
    except ValueError:  # an integer beyond Python's limit of digits
        raise FileFormatError(
            Message(N_("not a convention: a number has more digits than Python reads"))
        ) from None
    except RecursionError:
        raise FileFormatError(
            Message(N_("not a convention: the JSON is nested too deeply"))
        ) from None


#: What the json module says of a text that is not JSON, by the start of its message
#: (in English, some with the character at fault), in words; a message it adds later is
#: shown as it is.
_JSON_REASONS: Final[Mapping[str, str]] = {
    "Expecting value": N_("a value is expected"),
    "Expecting property name enclosed in double quotes": N_("a key in double quotes is expected"),
    "Expecting ':' delimiter": N_("':' is expected"),
    "Expecting ',' delimiter": N_("',' is expected"),
    "Unterminated string starting at": N_("a text is not closed"),
    "Invalid control character": N_("a control character in a text"),
    "Invalid \\escape": N_("an invalid escape (\\) in a text"),
    "Invalid \\uXXXX escape": N_("an invalid \\uXXXX escape in a text"),
    "Extra data": N_("something follows the JSON value"),
    "Illegal trailing comma before end of object": N_("a comma before the end of an object"),
    "Illegal trailing comma before end of array": N_("a comma before the end of a list"),
}


def _json_reason(msg: str) -> str | Message:
    for start, reason in _JSON_REASONS.items():
        if msg.startswith(start):
            return Message(reason)
    return msg


def read_text(
    text: str | bytes, *, max_bytes: int | None = None, path: Path | None = None
) -> LoadedFile:
    """Read a convention from JSON text (UTF-8 when given bytes, a BOM allowed), of any
    version the package reads; longer than :func:`~mgp_convention.files.max_file_bytes`
    is refused."""
    if not isinstance(text, (str, bytes, bytearray)):
        raise InvalidValue(
            f"expected the file's text (str or bytes), got {type(text).__name__}", field="text"
        )
    limit = files.max_file_bytes(max_bytes)
    size = len(text)
    if isinstance(text, str) and size * 4 > limit:  # a character is 1 to 4 bytes in UTF-8
        size = len(text.encode("utf-8", errors="surrogatepass"))
    if size > limit:
        raise files.too_large(size, limit)
    loaded = _structure(_parse(text))
    return loaded if path is None else attrs.evolve(loaded, path=path)


def loads(text: str | bytes, *, max_bytes: int | None = None) -> Convention:
    """Read a convention from JSON text (see :func:`read_text`)."""
    return read_text(text, max_bytes=max_bytes).convention


def dumps(convention: Convention) -> str:
    """The convention as JSON text in the canonical layout (UTF-8, 2-space indent,
    ``schema_version`` first, every field, a final newline)."""
    return json.dumps(unstructure(convention), ensure_ascii=False, indent=2) + "\n"


def read_file(path: str | os.PathLike[str], *, max_bytes: int | None = None) -> LoadedFile:
    """Read a convention file (a regular file, at most
    :func:`~mgp_convention.files.max_file_bytes`); see :func:`read_text`."""
    target = files.check_path(path)
    return read_text(files.read_bounded(target, max_bytes=max_bytes), path=target)


def load_path(path: str | os.PathLike[str], *, max_bytes: int | None = None) -> Convention:
    """Read a convention file; a file that cannot be read is a
    :class:`~mgp_convention.errors.FileFormatError` naming it."""
    return read_file(path, max_bytes=max_bytes).convention


def save(
    path: str | os.PathLike[str], convention: Convention, *, timeout: float = LOCK_TIMEOUT
) -> Path:
    """Write ``convention`` to ``path`` in the current version: atomically
    (:func:`~mgp_convention.files.write_atomic`: the previous file stays whole if
    anything fails) and under the file's lock (:func:`~mgp_convention.files.locked`,
    :class:`~mgp_convention.errors.FileBusyError` after ``timeout`` seconds)."""
    target = files.check_path(path)
    data = dumps(convention).encode("utf-8")
    with files.locked(target, timeout=timeout):
        return files.write_atomic(target, data)


def dump_path(convention: Convention, path: str | os.PathLike[str]) -> None:
    """Write a convention file (:func:`save`)."""
    save(path, convention)


@attrs.define
class FileEdit:
    """A file being updated under its lock (:func:`edit`): ``loaded`` is what was read;
    :meth:`save` writes the new convention."""

    loaded: LoadedFile
    path: Path
    _identity: FileIdentity | None
    saved: bool = False

    @property
    def convention(self) -> Convention:
        """The convention as read."""
        return self.loaded.convention

    def save(self, convention: Convention) -> None:
        """Write ``convention`` (atomically, still under the lock). Refused, writing
        nothing, when the file changed since it was read (another program that does not
        take the lock, such as a text editor)."""
        if files.identity(self.path) != self._identity:
            raise FileWriteError(
                Message(
                    N_(
                        "changed by another program since it was read: nothing written "
                        "(read it again, then redo the change)"
                    )
                ),
                field=printable_path(self.path),
            )
        files.write_atomic(self.path, dumps(convention).encode("utf-8"))
        self._identity = files.identity(self.path)
        self.saved = True


@contextlib.contextmanager
def edit(
    path: str | os.PathLike[str],
    *,
    timeout: float = LOCK_TIMEOUT,
    max_bytes: int | None = None,
) -> Iterator[FileEdit]:
    """Hold ``path``'s lock, read it, and yield a :class:`FileEdit` whose
    :meth:`~FileEdit.save` writes the new convention: a read–check–write that no other
    writer of the package can interleave with. Leaving the block by an exception
    writes nothing."""
    target = files.check_path(path)
    with files.locked(target, timeout=timeout):
        data, identity = files.read_with_identity(target, max_bytes=max_bytes)
        yield FileEdit(read_text(data, path=target), target, identity)


# --- a folder ------------------------------------------------------------------------------


@attrs.frozen
class FolderLoad:
    """The conventions of a folder: those that loaded, and the files that did not.

    ``loaded`` and ``failed`` keep the files' sorted order; a file that fails does not
    hide the others.
    """

    loaded: tuple[tuple[Path, Convention], ...]
    failed: tuple[tuple[Path, ConventionError], ...]


def _check_pattern(pattern: object) -> str:
    if not isinstance(pattern, str) or not pattern:
        raise InvalidValue(f"expected a file name pattern, got {shown(pattern)}", field="pattern")
    separators = {"/", os.sep, os.altsep or "/"}
    if any(sep in pattern for sep in separators) or pattern in (".", ".."):
        raise InvalidValue(
            f"{shown(pattern)} is not a pattern of file names (it names another folder): "
            "load_folder reads only the folder's own files, e.g. '*.json'",
            field="pattern",
        )
    return pattern


def _inside(entry: os.DirEntry[str], real_folder: str) -> bool:
    """Whether a symbolic link of the folder leads to a file of the folder itself."""
    real = os.path.realpath(entry.path)
    return os.path.dirname(real) == real_folder


def _load_entry(entry: os.DirEntry[str], real_folder: str, limit: int) -> Convention:
    if entry.is_symlink():
        if not _inside(entry, real_folder):
            raise FileFormatError(
                Message(N_("a symbolic link to a file outside the folder: not followed")),
                field=printable_path(entry.path),
            )
        return load_path(os.path.realpath(entry.path), max_bytes=limit)
    data = files.read_bounded(entry.path, max_bytes=limit, follow=False)
    return read_text(data, max_bytes=limit).convention


def iter_folder(
    folder: str | bytes | os.PathLike[str],
    *,
    pattern: str = "*.json",
    max_bytes: int | None = None,
) -> Iterator[tuple[Path, Convention | ConventionError]]:
    """The convention files of ``folder`` one at a time, in name order: each file's path
    with its :class:`~mgp_convention.convention.Convention`, or the
    :class:`~mgp_convention.errors.ConventionError` that kept it from loading.

    The same files and the same errors as :func:`load_folder`, read as they are asked
    for: a command that handles one convention at a time (the calendar of a large
    folder) holds one in memory, not the whole folder. The folder is listed, and
    ``pattern`` checked, when this function is called, before the first file is read.
    """
    path = files.check_path(folder, argument="folder")
    glob = _check_pattern(pattern)
    limit = files.max_file_bytes(max_bytes)  # read once for the whole folder
    name = printable_path(path)
    try:
        with os.scandir(path) as scan:
            entries = sorted(
                (
                    entry
                    for entry in scan
                    if fnmatch.fnmatchcase(entry.name, glob)
                    and (glob.startswith(".") or not entry.name.startswith("."))
                ),
                key=lambda entry: entry.name,
            )
    except NotADirectoryError:
        raise FileFormatError(Message(N_("not a folder")), field=name) from None
    except FileNotFoundError:
        raise FileFormatError(Message(N_("is not a folder: no such folder")), field=name) from None
    except OSError as err:
        reason = Message(N_("cannot read the folder: {reason}"), {"reason": system_reason(err)})
        raise FileFormatError(reason, field=name) from None
    return _iter_entries(path, entries, os.path.realpath(path), limit)


def _iter_entries(
    folder: Path, entries: list[os.DirEntry[str]], real_folder: str, limit: int
) -> Iterator[tuple[Path, Convention | ConventionError]]:
    for entry in entries:
        file = folder / entry.name
        try:
            if entry.is_dir(follow_symlinks=False):
                continue
            yield file, _load_entry(entry, real_folder, limit)
        except ConventionError as err:
            yield file, err
        except OSError as err:  # a safety net: reading turns its errors into the package's
            reason = Message(N_("cannot read: {reason}"), {"reason": system_reason(err)})
            yield file, FileFormatError(reason, field=printable_path(file))


def load_folder(
    folder: str | bytes | os.PathLike[str],
    *,
    pattern: str = "*.json",
    max_bytes: int | None = None,
) -> FolderLoad:
    """Load every convention file of ``folder`` whose name matches ``pattern`` (a
    pattern of names, as ``fnmatch``: no ``/``, no sub-folder, names starting with a
    dot left out unless the pattern starts with one), in name order.

    A file that cannot be read or loaded is listed in ``failed`` (a symbolic link that
    leads out of the folder, a FIFO, a device, a file too large, a file without read
    permission); a sub-folder is skipped. A folder that cannot be listed is a
    :class:`~mgp_convention.errors.FileFormatError`, never "no convention".
    :func:`iter_folder` reads the same files one at a time.
    """
    loaded: list[tuple[Path, Convention]] = []
    failed: list[tuple[Path, ConventionError]] = []
    for file, outcome in iter_folder(folder, pattern=pattern, max_bytes=max_bytes):
        if isinstance(outcome, ConventionError):
            failed.append((file, outcome))
        else:
            loaded.append((file, outcome))
    return FolderLoad(tuple(loaded), tuple(failed))
