"""Recording what happens: the package writes the convention file, safely.

Three changes of a convention file, each a read–check–write under the file's lock
(:func:`mgp_convention.io.edit`), so that no other writer of the package can slip in
between, and each written atomically (a temporary file, ``fsync``, ``os.replace``: see
:mod:`mgp_convention.files`). A change that is refused — by the contract or by the
disk — leaves the file byte for byte as it was.

- :func:`record` appends one dated event. The whole history is replayed with it first:
  an event the lifecycle refuses raises
  :class:`~mgp_convention.errors.EventRefused` (its reason and article) and nothing is
  written. An event dated after ``today`` is refused unless ``future=True``
  (:class:`FutureEventError`: a mistyped year is the usual cause). The event is written
  as the lifecycle applied it, its breach label filled in (RULES.md, "Breaches").
- :func:`withdraw` takes back an event recorded by mistake, only when the events left
  still replay (:class:`WithdrawalRefused` otherwise); the event is kept in the file's
  ``withdrawn`` list with the reason and the date, so that nothing recorded is ever
  silently lost (STYLE.md, "Files written safely": what is taken back is kept).
- :func:`create` writes a new convention file: never over an existing file, never with
  the reference of another file of the same folder (:class:`ReferenceTaken`), never
  with the placeholder reference of ``mgp-convention example``
  (:data:`PLACEHOLDER_REFERENCE`).

A file of an older version of the format is written back in the current one
(:attr:`Recorded.migrated`). Nothing here reads the clock: ``today`` is a parameter.

>>> import datetime as dt, pathlib, tempfile
>>> import attrs
>>> from mgp_convention.events import ExperimentStarted, FormalNoticeSent
>>> from mgp_convention.examples import example_convention
>>> path = pathlib.Path(tempfile.mkdtemp()) / "c.json"
>>> created = create(path, attrs.evolve(example_convention(), events=()),
...                  today=dt.date(2026, 11, 1))
>>> created.status.state.value
'draft'
>>> done = record(path, ExperimentStarted(dt.date(2027, 3, 1)), today=dt.date(2027, 3, 2))
Traceback (most recent call last):
...
mgp_convention.errors.EventRefused: cannot record the start of the experiment (state: awaiting signature): the start of the experiment is possible only in these states: signed, delayed, in breach, remedy period (Art. 5 al. 1)
>>> from mgp_convention.events import Party, Signature
>>> for party, day in ((Party.BENEFICIARY, 12), (Party.METROPOLE, 19)):
...     done = record(path, Signature(dt.date(2026, 11, day), party=party),
...                   today=dt.date(2026, 11, 28))
>>> done.entry.index, done.status.state.value, done.next_step.on
(1, 'signed', datetime.date(2027, 3, 1))
>>> record(path, FormalNoticeSent(dt.date(2026, 12, 2), letter_reference="1A"),
...        today=dt.date(2026, 11, 28))
Traceback (most recent call last):
...
mgp_convention.recording.FutureEventError: on: the event is dated Wednesday 2 December 2026, after today (Saturday 28 November 2026)
>>> withdrawn = withdraw(path, 1, reason="signed on the 20th, not the 19th",
...                      on=dt.date(2026, 11, 28))
>>> withdrawn.status.state.value, [w.index for w in withdrawn.convention.withdrawn]
('draft', [1])

Why over 400 lines: the three writes (record, withdraw, create) share the
read–check–write under a lock, the outlook given back and their errors; a third of the
module is the docstring that states their guarantees.
"""  # noqa: E501

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Final

import attrs

from mgp_convention import files, io
from mgp_convention.calendar import to_paris_date
from mgp_convention.convention import SCHEMA_VERSION, Convention
from mgp_convention.errors import (
    ConventionError,
    DateError,
    EventRefused,
    FileWriteError,
    InvalidValue,
)
from mgp_convention.events import Event, WithdrawnEvent
from mgp_convention.files import LOCK_TIMEOUT
from mgp_convention.i18n import N_, NP_, Message
from mgp_convention.legal_dates import legal_dates
from mgp_convention.lifecycle import Lifecycle
from mgp_convention.next_step import NextStep, next_step
from mgp_convention.printable import printable_path
from mgp_convention.values import HistoryEntry, Status

__all__ = [
    "PLACEHOLDER_REFERENCE",
    "Created",
    "FileChangedError",
    "FutureEventError",
    "NoSuchEvent",
    "PlaceholderReference",
    "Recorded",
    "ReferenceTaken",
    "WithdrawalRefused",
    "Withdrawn",
    "create",
    "record",
    "withdraw",
]

#: The reference of the convention ``mgp-convention example`` prints: valid for the file
#: format, plainly not a real reference, and refused by :func:`create`, so that a copied
#: example never passes for (or collides with) a real convention.
PLACEHOLDER_REFERENCE: Final = "A-REMPLACER-PAR-LA-REFERENCE"


# --- the errors ------------------------------------------------------------------------------


class FutureEventError(DateError):
    """An event dated after today, recorded without ``future=True``: nothing written.

    ``on`` is the event's date, ``today`` the date it was recorded on (Europe/Paris).
    """

    def __init__(self, on: dt.date, today: dt.date) -> None:
        self.on = on
        self.today = today
        super().__init__(
            Message(
                N_("the event is dated {on}, after today ({today})"),
                {"on": on, "today": today},
            ),
            field="on",
        )


class NoSuchEvent(InvalidValue):
    """A position that names no event of the file (``index`` from 0, ``count`` events)."""

    def __init__(self, index: int, count: int) -> None:
        self.index = index
        self.count = count
        if count == 0:
            super().__init__(Message(N_("the file holds no event")), field="index")
            return
        super().__init__(
            Message.counted(
                NP_(
                    "there is no event n° {number}: the file holds {count} event",
                    "there is no event n° {number}: the file holds {count} events",
                ),
                "count",
                {"number": index + 1, "count": count},
            ),
            field="index",
        )


class WithdrawalRefused(ConventionError):
    """Taking back event ``index`` would leave a history the lifecycle refuses: the
    event at ``refused.index`` *in the file as it is* (a later one) depends on it.
    Nothing is written; take back the later events first, from the last."""

    def __init__(self, index: int, later: int, refused: EventRefused) -> None:
        self.index = index
        self.later = later
        self.refused = refused
        super().__init__(
            Message(
                N_(
                    "event n° {number} cannot be taken back alone: without it, event "
                    "n° {later} would be refused ({reason}); take back the later events "
                    "first, from the last"
                ),
                {"number": index + 1, "later": later + 1, "reason": refused.text},
            ),
            field="index",
            article=refused.article,
        )


class ReferenceTaken(ConventionError):
    """A new convention whose reference another file of the same folder holds."""

    def __init__(self, reference: str, other: Path) -> None:
        self.reference = reference
        self.other = other
        super().__init__(
            Message(
                N_("the reference {reference} is already the one of {other}: nothing written"),
                {"reference": reference, "other": printable_path(other)},
            ),
            field="reference",
        )


class PlaceholderReference(InvalidValue):
    """A new convention that still has the example's placeholder reference."""

    def __init__(self) -> None:
        super().__init__(
            Message(
                N_(
                    "{reference} is the placeholder of the example, not a convention's "
                    "reference: give the real reference"
                ),
                {"reference": PLACEHOLDER_REFERENCE},
            ),
            field="reference",
        )


class FileChangedError(FileWriteError):
    """The file changed since it was read, by a program that does not take the lock
    (a text editor): nothing written."""

    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__(
            Message(
                N_(
                    "{file} was changed by another program while it was being updated: "
                    "nothing written (run the command again)"
                ),
                {"file": printable_path(path)},
            )
        )


# --- what each change returns ---------------------------------------------------------------


@attrs.frozen
class Recorded:
    """An event recorded (or, with ``dry_run``, that would be).

    ``convention`` is the convention as written; ``entry`` the lifecycle's history entry
    of the event (``entry.event`` as written, its breach label filled in;
    ``entry.index`` its position in ``events``, from 0; the states before and after; its
    advisories); ``status`` where the convention stands on ``status.on`` — the later of
    the event's date and today — and ``next_step`` its next legal date and action then.
    ``version`` is the file format's version the file was in before.
    """

    path: Path
    convention: Convention
    entry: HistoryEntry
    status: Status
    next_step: NextStep
    version: int = SCHEMA_VERSION
    written: bool = True

    @property
    def event(self) -> Event:
        """The event as written."""
        return self.entry.event

    @property
    def migrated(self) -> bool:
        """Whether the file was in an older version of the format (written in the
        current one now)."""
        return self.version != SCHEMA_VERSION


@attrs.frozen
class Withdrawn:
    """An event taken back (or, with ``dry_run``, that would be): ``withdrawn`` as kept
    in the file, ``convention`` as written, ``status`` and ``next_step`` on
    ``status.on`` (the date of the withdrawal, or the last event's if later)."""

    path: Path
    convention: Convention
    withdrawn: WithdrawnEvent
    status: Status
    next_step: NextStep
    version: int = SCHEMA_VERSION
    written: bool = True

    @property
    def migrated(self) -> bool:
        """Whether the file was in an older version of the format."""
        return self.version != SCHEMA_VERSION


@attrs.frozen
class Created:
    """A convention file written by :func:`create` (or, with ``dry_run``, that would
    be): its ``status`` on ``status.on`` and ``next_step``."""

    path: Path
    convention: Convention
    status: Status
    next_step: NextStep
    written: bool = True


# --- the changes ----------------------------------------------------------------------------


def _outlook(lifecycle: Lifecycle, on: dt.date) -> tuple[Status, NextStep]:
    status = lifecycle.status(on)
    return status, next_step(status, legal_dates(lifecycle, on, status))


def _save(update: io.FileEdit, convention: Convention) -> None:
    """Write ``convention`` through ``update``; refused, in words the catalogues
    translate, when the file changed since :func:`io.edit` read it (the check
    :meth:`io.FileEdit.save` makes again)."""
    read: files.FileIdentity | None = update._identity  # io.edit read the file with it
    if files.identity(update.path) != read:
        raise FileChangedError(update.path)
    update.save(convention)


def check_not_future(on: dt.date, today: dt.date) -> None:
    """Raise :class:`FutureEventError` when ``on`` comes after ``today``.

    >>> check_not_future(dt.date(2026, 11, 28), dt.date(2026, 11, 28))
    >>> check_not_future(dt.date(2062, 11, 28), dt.date(2026, 11, 28))
    Traceback (most recent call last):
    ...
    mgp_convention.recording.FutureEventError: on: the event is dated Tuesday 28 November 2062, after today (Saturday 28 November 2026)
    """  # noqa: E501
    if on > today:
        raise FutureEventError(on, today)


def record(
    path: str | os.PathLike[str],
    event: Event,
    *,
    today: dt.date,
    future: bool = False,
    dry_run: bool = False,
    timeout: float = LOCK_TIMEOUT,
) -> Recorded:
    """Append ``event`` to the convention file ``path``, or refuse it and write nothing.

    Under the file's lock: read it (of any version the package reads), replay its
    events, apply ``event`` (:meth:`~mgp_convention.lifecycle.Lifecycle.apply`: an event
    dated before the last one is refused, as every event the contract does not allow),
    then write the convention with the event as applied (its breach label filled in),
    atomically. ``today`` is the date in Europe/Paris (an aware datetime is converted);
    an event dated after it needs ``future=True``. ``dry_run``: check everything, write
    nothing.

    Raises :class:`~mgp_convention.errors.EventRefused` (the event, or an event of the
    file itself when its ``index`` is set), :class:`FutureEventError`,
    :class:`~mgp_convention.errors.FileBusyError` (another writer held the lock for
    ``timeout`` seconds), :class:`FileChangedError`, or another
    :class:`~mgp_convention.errors.ConventionError` for a file that cannot be read or
    written; in each case the file is left byte for byte as it was.
    """
    if not isinstance(event, Event):
        raise InvalidValue(f"expected an event, got {type(event).__name__}", field="event")
    today = to_paris_date(today, field="today")
    if not future:
        check_not_future(event.on, today)
    with io.edit(path, timeout=timeout) as update:
        entry = Lifecycle.from_convention(update.convention).apply(event)
        convention = attrs.evolve(
            update.convention,
            events=(*update.convention.events, entry.event),
            schema_version=SCHEMA_VERSION,
        )
        lifecycle = Lifecycle.from_convention(convention)  # what every reader will replay
        if not dry_run:
            _save(update, convention)
    status, step = _outlook(lifecycle, max(today, event.on))
    return Recorded(
        update.path,
        convention,
        lifecycle.history[entry.index],
        status,
        step,
        update.loaded.version,
        not dry_run,
    )


def withdraw(
    path: str | os.PathLike[str],
    index: int,
    *,
    reason: str,
    on: dt.date,
    dry_run: bool = False,
    timeout: float = LOCK_TIMEOUT,
) -> Withdrawn:
    """Take back the event at position ``index`` of the file ``path``: from 0, or from
    the end when negative (``-1``: the last event), as Python counts.

    The event leaves ``events`` and is kept in ``withdrawn`` with its position, the
    ``reason`` and the date of the withdrawal ``on``. Refused, writing nothing, when the
    events left do not replay (:class:`WithdrawalRefused`: a later event depends on this
    one) or when there is no such event (:class:`NoSuchEvent`). Under the file's lock,
    atomically, as :func:`record`.
    """
    if isinstance(index, bool) or not isinstance(index, int):
        raise InvalidValue(f"expected a position ≥ 0, got {index!r}", field="index")
    on = to_paris_date(on, field="on")
    with io.edit(path, timeout=timeout) as update:
        current = update.convention
        Lifecycle.from_convention(current)  # a file whose history is refused says so first
        count = len(current.events)
        if not -count <= index < count:
            raise NoSuchEvent(max(index if index >= 0 else count + index, 0), count)
        index %= count
        taken = WithdrawnEvent(current.events[index], index, reason, on)
        convention = attrs.evolve(
            current,
            events=current.events[:index] + current.events[index + 1 :],
            withdrawn=(*current.withdrawn, taken),
            schema_version=SCHEMA_VERSION,
        )
        try:
            lifecycle = Lifecycle.from_convention(convention)
        except EventRefused as err:
            later = index if err.index is None else err.index + (err.index >= index)
            raise WithdrawalRefused(index, later, err) from None
        if not dry_run:
            _save(update, convention)
    last = lifecycle.last_on
    status, step = _outlook(lifecycle, on if last is None else max(on, last))
    return Withdrawn(
        update.path, convention, taken, status, step, update.loaded.version, not dry_run
    )


def _same_reference(a: str, b: str) -> bool:
    return a.strip().casefold() == b.strip().casefold()


def create(
    path: str | os.PathLike[str],
    convention: Convention,
    *,
    today: dt.date,
    dry_run: bool = False,
    timeout: float = LOCK_TIMEOUT,
) -> Created:
    """Write ``convention`` to the new file ``path``, in the canonical layout.

    Refused, writing nothing: when ``path`` exists
    (:class:`~mgp_convention.errors.FileWriteError`); when another convention file of
    the same folder (``*.json``) holds the same reference, compared without regard to
    case or surrounding spaces (:class:`ReferenceTaken`); when the reference is
    :data:`PLACEHOLDER_REFERENCE` (:class:`PlaceholderReference`); when its events do
    not replay. The check and the write hold the new file's lock. ``status`` is given
    for ``today``, or the date of its last event if later.
    """
    if not isinstance(convention, Convention):
        raise InvalidValue(
            f"expected a Convention, got {type(convention).__name__}", field="convention"
        )
    target = files.check_path(path)
    today = to_paris_date(today, field="today")
    if _same_reference(convention.reference, PLACEHOLDER_REFERENCE):
        raise PlaceholderReference()
    lifecycle = Lifecycle.from_convention(convention)
    data = io.dumps(convention).encode("utf-8")
    with files.locked(target, timeout=timeout):
        if os.path.lexists(target):
            raise FileWriteError(
                Message(
                    N_("{file} already exists: nothing written"),
                    {"file": printable_path(target)},
                )
            )
        for other, held in io.load_folder(target.parent).loaded:
            if _same_reference(held.reference, convention.reference):
                raise ReferenceTaken(held.reference, other)
        if not dry_run:
            files.write_atomic(target, data, overwrite=False)
    last = lifecycle.last_on
    status, step = _outlook(lifecycle, today if last is None else max(today, last))
    return Created(target, convention, status, step, not dry_run)
