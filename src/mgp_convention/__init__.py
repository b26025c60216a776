"""mgp-convention: the « ApproprIAtion Métropolitaine » convention d'engagement as code.

The public API another tool needs, by topic (each name is importable from here; it is
loaded on first use, so that ``import mgp_convention`` stays cheap):

- **files**: :func:`load_path`, :func:`loads`, :func:`load_folder`, :func:`dumps`,
  :func:`save` (atomic, locked), :class:`Convention`; recording a fact in a file, checked
  against the contract first: ``record``, ``withdraw`` and ``create`` of
  :mod:`mgp_convention.recording` (not re-exported here: ``mgp_convention.record`` is the
  module of the machine's record);
- **the lifecycle**: :class:`Lifecycle` and what it returns — :class:`Status`,
  :class:`Breach`, :class:`TerminationStatus`, :class:`HistoryEntry`,
  :class:`Refusal`, :class:`Advisory` — and :class:`State`;
- **the portfolio**: :func:`portfolio`, :class:`Portfolio`, :func:`legal_dates`,
  :func:`next_step`;
- **legal time and money**: :func:`remedy_deadline`, :class:`RemedyOptions`,
  :func:`assess_indemnity`, :func:`today_in_paris`;
- **errors**: :class:`ConventionError` and its subclasses.

>>> import mgp_convention
>>> mgp_convention.State.REMEDY_PERIOD.label("fr")
'délai de remédiation'
"""

from __future__ import annotations

import datetime as dt
import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

#: Where each public name lives (imported on first use).
_HOMES: dict[str, str] = {
    "Advisory": "mgp_convention.advisories",
    "Breach": "mgp_convention.values",
    "Citation": "mgp_convention.citations",
    "Convention": "mgp_convention.convention",
    "ConventionError": "mgp_convention.errors",
    "DateError": "mgp_convention.errors",
    "EventRefused": "mgp_convention.errors",
    "FileFormatError": "mgp_convention.errors",
    "HistoryEntry": "mgp_convention.values",
    "InvalidValue": "mgp_convention.errors",
    "Lifecycle": "mgp_convention.lifecycle",
    "LoadError": "mgp_convention.errors",
    "MoneyError": "mgp_convention.errors",
    "Portfolio": "mgp_convention.portfolio",
    "Problem": "mgp_convention.errors",
    "Refusal": "mgp_convention.values",
    "RemedyOptions": "mgp_convention.articles.art12_remedy",
    "State": "mgp_convention.states",
    "Status": "mgp_convention.values",
    "TerminationStatus": "mgp_convention.values",
    "assess_indemnity": "mgp_convention.articles.art12_indemnity",
    "dumps": "mgp_convention.io",
    "legal_dates": "mgp_convention.legal_dates",
    "load_folder": "mgp_convention.io",
    "load_path": "mgp_convention.io",
    "loads": "mgp_convention.io",
    "next_step": "mgp_convention.next_step",
    "portfolio": "mgp_convention.portfolio",
    "remedy_deadline": "mgp_convention.articles.art12_remedy",
    "save": "mgp_convention.io",
}

__all__ = [
    "Advisory",
    "Breach",
    "Citation",
    "Convention",
    "ConventionError",
    "DateError",
    "EventRefused",
    "FileFormatError",
    "HistoryEntry",
    "InvalidValue",
    "Lifecycle",
    "LoadError",
    "MoneyError",
    "Portfolio",
    "Problem",
    "Refusal",
    "RemedyOptions",
    "State",
    "Status",
    "TerminationStatus",
    "__version__",
    "assess_indemnity",
    "dumps",
    "legal_dates",
    "load_folder",
    "load_path",
    "loads",
    "next_step",
    "portfolio",
    "remedy_deadline",
    "save",
    "today_in_paris",
]


def today_in_paris() -> dt.date:
    """Today's civil date in Europe/Paris (the date a rule is asked for, by default, at
    the edge: no rule of the package reads the clock)."""
    import pendulum  # noqa: PLC0415 - only when asked

    now = pendulum.now("Europe/Paris")
    return dt.date(now.year, now.month, now.day)


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'mgp_convention' has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__


if TYPE_CHECKING:  # the names, for type checkers and editors
    from mgp_convention.advisories import Advisory
    from mgp_convention.articles.art12_indemnity import assess_indemnity
    from mgp_convention.articles.art12_remedy import RemedyOptions, remedy_deadline
    from mgp_convention.citations import Citation
    from mgp_convention.convention import Convention
    from mgp_convention.errors import (
        ConventionError,
        DateError,
        EventRefused,
        FileFormatError,
        InvalidValue,
        LoadError,
        MoneyError,
        Problem,
    )
    from mgp_convention.io import dumps, load_folder, load_path, loads, save
    from mgp_convention.legal_dates import legal_dates
    from mgp_convention.lifecycle import Lifecycle
    from mgp_convention.next_step import next_step
    from mgp_convention.portfolio import Portfolio, portfolio
    from mgp_convention.states import State
    from mgp_convention.values import Breach, HistoryEntry, Refusal, Status, TerminationStatus
