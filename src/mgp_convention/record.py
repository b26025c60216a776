"""The plain model the lifecycle's machine drives, and the readings it is driven with.

:class:`Record` holds the facts of one convention's life that the guards read and the
effects change; :class:`Options` the readings a lawyer may choose (each **Default** of
RULES.md); :class:`Tick` the date a time-driven trigger is fired for.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, Final

import attrs

from mgp_convention.advisories import Advisory
from mgp_convention.articles.art05_delays import (
    DEFAULT_NOT_READY_OPTIONS,
    NotReadyOptions,
)
from mgp_convention.articles.art09_sanctions import (
    DEFAULT_SANCTION_OPTIONS,
    SanctionOptions,
)
from mgp_convention.articles.art11_amendments import (
    Terms,
)
from mgp_convention.articles.art12_remedy import (
    DEFAULT_REMEDY_OPTIONS,
    RemedyDeadline,
    RemedyOptions,
)
from mgp_convention.events import (
    DelayCause,
    Party,
    Termination,
)
from mgp_convention.guards import Guard
from mgp_convention.i18n import Message
from mgp_convention.states import (
    State,
)
from mgp_convention.values import Breach, HistoryEntry

if TYPE_CHECKING:  # guards.py reads the record: only for the annotations
    from mgp_convention.guards import Guard

__all__ = [
    "DEFAULT_OPTIONS",
    "Options",
    "Record",
    "Tick",
]


# --- options ---------------------------------------------------------------------------------


@attrs.frozen
class Options:
    """The readings a lawyer can choose (each **Default** of RULES.md): how the thirty
    days are counted, how Art. 9 and Art. 5 al. 3 are read."""

    remedy: RemedyOptions = DEFAULT_REMEDY_OPTIONS
    sanction: SanctionOptions = DEFAULT_SANCTION_OPTIONS
    not_ready: NotReadyOptions = DEFAULT_NOT_READY_OPTIONS


DEFAULT_OPTIONS: Final = Options()


# --- the model transitions drives ------------------------------------------------------------


@attrs.frozen
class Tick:
    """The clock of a time-driven trigger: the date it is fired for."""

    on: dt.date


class Record:
    """The plain, mutable model the machine drives (``transitions`` sets ``state`` on it).

    It holds the facts the guards read. It is private: the typed API exposes frozen
    values (:class:`~mgp_convention.values.Status`…) built from it. An event is tried on
    a :meth:`copy`, which replaces the record only once the event is accepted: a refused
    event changes nothing. ``__slots__`` is safe because the machine has no models
    (``Machine.add_model`` would set trigger methods on it).
    """

    __slots__ = (
        "advisories",
        "breaches",
        "deadline",
        "delay_cause",
        "effective_date",
        "history",
        "last_on",
        "options",
        "ready_declared",
        "refusal",
        "return_state",
        "signatures",
        "started_on",
        "state",
        "stopped_on",
        "termination",
        "terms",
        "versions",
    )

    def __init__(self, terms: Terms, options: Options) -> None:
        self.state: str = State.DRAFT.value
        self.options = options
        self.terms: Terms = terms
        self.versions: tuple[Terms, ...] = (terms,)
        self.signatures: dict[Party, dt.date] = {}
        self.effective_date: dt.date | None = None
        # The latest delay report's cause, and whether the beneficiary declared itself
        # ready since (Art. 5 al. 3: the latest report decides the current cause).
        self.delay_cause: DelayCause | None = None
        self.ready_declared = False
        self.started_on: dt.date | None = None
        self.stopped_on: dt.date | None = None
        self.breaches: dict[str, Breach] = {}
        self.return_state: str | None = None
        self.termination: Termination | None = None
        self.last_on: dt.date | None = None
        self.history: tuple[HistoryEntry, ...] = ()
        # Scratch, for one trigger: the first refusal, the advisories, a deadline computed.
        self.refusal: tuple[Guard[Any], Message] | None = None
        self.advisories: list[Advisory] = []
        self.deadline: RemedyDeadline | None = None

    def copy(self) -> Record:
        """A copy whose changes leave this record as it is."""
        twin = Record.__new__(Record)
        for name in Record.__slots__:
            setattr(twin, name, getattr(self, name))
        twin.signatures = dict(self.signatures)
        twin.breaches = dict(self.breaches)
        twin.advisories = []
        twin.refusal = None
        twin.deadline = None
        return twin

    # -- facts the guards read --

    @property
    def open_breaches(self) -> list[Breach]:
        """The open breaches, in order of recording."""
        return [breach for breach in self.breaches.values() if breach.open]

    @property
    def beneficiary_is_the_cause(self) -> bool:
        """Whether the current cause of the delay is the beneficiary (Art. 5 al. 3)."""
        return self.delay_cause is DelayCause.BENEFICIARY and not self.ready_declared

    @property
    def started_or_stopped(self) -> bool:
        """Whether the experiment started, or was stopped under Art. 9."""
        return self.started_on is not None or self.stopped_on is not None
