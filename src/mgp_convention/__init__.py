"""mgp-convention: the « ApproprIAtion Métropolitaine » convention d'engagement as code."""

from __future__ import annotations

from mgp_convention.citations import Citation
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

__version__ = "0.1.0"

__all__ = [
    "Citation",
    "ConventionError",
    "DateError",
    "EventRefused",
    "FileFormatError",
    "InvalidValue",
    "LoadError",
    "MoneyError",
    "Problem",
    "__version__",
]
