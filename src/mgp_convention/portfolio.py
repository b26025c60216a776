"""The portfolio: every convention of a folder, its next legal date and the action it calls for.

For a date (no rule reads the clock), each file of a folder becomes a :class:`Row` — its
state, its next legal date and action (:func:`~mgp_convention.next_step.next_step`), the
article — or, when it cannot be used (it does not load, or the lifecycle refuses one of
its events), a :class:`Failure` listing its problems, which never hides the other files.

**Urgency order**: the overdue rows first (the oldest date first), then by next date (the
earliest first), then the final states; ties by reference, then file name.

>>> import datetime as dt
>>> from pathlib import Path
>>> from mgp_convention.errors import FileFormatError
>>> from mgp_convention.examples import example_convention
>>> from mgp_convention.io import FolderLoad
>>> load = FolderLoad(
...     loaded=((Path("valmont.json"), example_convention()),),
...     failed=((Path("broken.json"), FileFormatError("not valid JSON")),))
>>> result = portfolio_of(load, dt.date(2027, 2, 25))
>>> row = result.rows[0]
>>> row.state.label("fr"), str(row.next_date), row.urgency.value, row.article
('signée', '2027-03-01', 'soon', 'Art. 5 al. 1')
>>> [str(problem) for problem in result.failures[0].problems]
['$: not valid JSON']
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import attrs

from mgp_convention.calendar import to_paris_date
from mgp_convention.citations import Citation
from mgp_convention.convention import Convention
from mgp_convention.errors import ConventionError, EventRefused, LoadError, Problem
from mgp_convention.i18n import Message
from mgp_convention.io import FolderLoad, load_folder
from mgp_convention.legal_dates import LegalDate, legal_dates
from mgp_convention.lifecycle import Lifecycle
from mgp_convention.next_step import SOON_DAYS, NextStep, Urgency, next_step
from mgp_convention.report_json import bilingual, json_object, labelled, report_hook, to_json
from mgp_convention.states import State
from mgp_convention.values import Status

__all__ = [
    "SOON_DAYS",
    "Failure",
    "Portfolio",
    "Row",
    "Urgency",
    "portfolio",
    "portfolio_of",
    "row_of",
]


@attrs.frozen
class Row:
    """One convention of the portfolio: who, where it stands, what comes next.

    ``status`` and ``dates`` are what the row was computed from (for a report that
    shows more than the row).
    """

    file: Path
    reference: str
    beneficiary: str
    market: str
    step: NextStep
    status: Status = attrs.field(eq=False, repr=False)
    dates: tuple[LegalDate, ...] = attrs.field(eq=False, repr=False)

    @property
    def state(self) -> State:
        """The state on the portfolio's date."""
        return self.status.state

    @property
    def next_date(self) -> dt.date | None:
        """The next legal date (``None`` in a final state)."""
        return self.step.on

    @property
    def action(self) -> Message:
        """What the next date calls for, in words."""
        return self.step.action

    @property
    def citation(self) -> Citation:
        """The rule of the action."""
        return self.step.citation

    @property
    def article(self) -> str:
        """The rule of the action, e.g. ``"Art. 12 al. 2"``."""
        return self.step.article

    @property
    def urgency(self) -> Urgency:
        """How soon the next date calls for action."""
        return self.step.urgency

    @property
    def end_date(self) -> dt.date:
        """The end date, as amended."""
        return self.status.end_date

    @property
    def overdue(self) -> bool:
        """Whether the next date has passed with its action still open."""
        return self.urgency is Urgency.OVERDUE

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict: codes, and words in French (and English under ``*_en``)."""
        return json_object(self)


@attrs.frozen
class Failure:
    """A file that could not be used, with every problem found (JSON path, message, rule).

    ``reference``: the convention's, when the file loaded but the lifecycle refused one
    of its events.
    """

    file: Path
    problems: tuple[Problem, ...]
    reference: str | None = None

    @classmethod
    def of(cls, file: Path, error: ConventionError, reference: str | None = None) -> Failure:
        """The failure of ``file`` for ``error``."""
        if isinstance(error, LoadError):
            problems = error.problems
        elif isinstance(error, EventRefused):
            problems = (Problem(error.field or "$.events", error.text, error.article),)
        else:
            problems = (Problem(error.field or "$", error.text, error.article),)
        return cls(file, tuple(problems), reference)

    def to_json(self) -> dict[str, Any]:
        """``{"file", "reference", "errors": [{"path", "message", "message_en", "article"}]}``."""
        return json_object(self)


@report_hook(Row)
def _row_json(row: Row) -> dict[str, Any]:
    # By hand: the row as a reader sees it, from its next step and its status (neither
    # written whole), words in French and English.
    step = row.step
    return {
        "file": to_json(row.file),
        "reference": row.reference,
        "beneficiary": row.beneficiary,
        "market": row.market,
        **labelled("state", row.state, fr="_label_fr"),
        "final": row.state.final,
        "urgency": to_json(row.urgency),
        "next_date": to_json(step.on),
        "next_date_key": step.key,
        "action_code": step.code,
        **bilingual("action", step.action),
        "breach": step.breach,
        "article": row.article,
        "citation": step.citation.text,
        "end_date": to_json(row.end_date),
        "open_breaches": [breach.label for breach in row.status.open_breaches],
        "advisories": [advisory.code for advisory in row.status.advisories],
        "pending": len(row.status.pending),
    }


def _problem_json(problem: Problem) -> dict[str, Any]:
    message = problem.message
    return {
        "path": problem.path,
        **(
            {"message": message, "message_en": message}
            if isinstance(message, str)
            else bilingual("message", message)
        ),
        "article": problem.article,
    }


@report_hook(Failure)
def _failure_json(failure: Failure) -> dict[str, Any]:
    # By hand: the problems under ``errors`` (a problem's message is a text or a
    # translatable message).
    return {
        "file": to_json(failure.file),
        "reference": failure.reference,
        "errors": [_problem_json(problem) for problem in failure.problems],
    }


def row_of(path: Path, convention: Convention, on: dt.date) -> Row | Failure:
    """The portfolio row of one loaded convention on ``on`` (a civil date), or its
    :class:`Failure` when the lifecycle refuses one of its events."""
    try:
        lifecycle = Lifecycle.from_convention(convention)
        status = lifecycle.status(on)
        dates = legal_dates(lifecycle, on, status)
    except ConventionError as err:
        return Failure.of(path, err, convention.reference)
    return Row(
        path,
        convention.reference,
        convention.beneficiary.name,
        convention.market.reference,
        next_step(status, dates),
        status,
        dates,
    )


def _urgency_order(row: Row) -> tuple[int, dt.date, str, str]:
    rank = 0 if row.overdue else 2 if row.next_date is None else 1
    return (rank, row.next_date or dt.date.max, row.reference, row.file.name)


@attrs.frozen
class Portfolio:
    """The conventions of a folder on ``on``: ``rows`` by urgency, then the ``failures``
    (the files that could not be used), in file name order."""

    on: dt.date
    rows: tuple[Row, ...]
    failures: tuple[Failure, ...]

    @property
    def overdue(self) -> tuple[Row, ...]:
        """The rows whose next date has passed with the action still open."""
        return tuple(row for row in self.rows if row.overdue)

    @property
    def duplicates(self) -> dict[str, tuple[Path, ...]]:
        """The references held by more than one file, each with its files in name order.

        A reference names one convention: two files with the same one are most likely a
        copy left in the folder, and their calendar UIDs would collide. All their rows
        are still listed; the command reports the files and exits 1.
        """
        files: dict[str, list[Path]] = {}
        for row in self.rows:
            files.setdefault(row.reference, []).append(row.file)
        return {
            reference: tuple(sorted(paths, key=lambda path: path.name))
            for reference, paths in sorted(files.items())
            if len(paths) > 1
        }

    def to_json(self) -> dict[str, Any]:
        """``{"on", "counts", "rows", "failures", "duplicates"}``; dates as ``YYYY-MM-DD``."""
        return json_object(self)


@report_hook(Portfolio)
def _portfolio_json(folder: Portfolio) -> dict[str, Any]:
    # By hand: the counts (by urgency too) and the duplicates added.
    counts = {urgency.value: 0 for urgency in Urgency}
    for row in folder.rows:
        counts[row.urgency.value] += 1
    duplicates = folder.duplicates
    return {
        "on": to_json(folder.on),
        "counts": {
            "conventions": len(folder.rows),
            "failures": len(folder.failures),
            "duplicates": len(duplicates),
            **counts,
        },
        "rows": to_json(folder.rows),
        "failures": to_json(folder.failures),
        "duplicates": [
            {"reference": reference, "files": to_json(paths)}
            for reference, paths in duplicates.items()
        ],
    }


def portfolio_of(load: FolderLoad, on: dt.date | dt.datetime) -> Portfolio:
    """The portfolio of conventions already loaded (:func:`~mgp_convention.io.load_folder`)."""
    on = to_paris_date(on, field="on")
    rows: list[Row] = []
    failures = [Failure.of(path, error) for path, error in load.failed]
    for path, convention in load.loaded:
        result = row_of(path, convention, on)
        if isinstance(result, Failure):
            failures.append(result)
        else:
            rows.append(result)
    rows.sort(key=_urgency_order)
    failures.sort(key=lambda failure: failure.file.name)
    return Portfolio(on, tuple(rows), tuple(failures))


def portfolio(folder: str | Path, on: dt.date | dt.datetime) -> Portfolio:
    """Every convention file of ``folder`` on ``on``: :func:`~mgp_convention.io.load_folder`,
    then :func:`portfolio_of`."""
    return portfolio_of(load_folder(folder), on)
