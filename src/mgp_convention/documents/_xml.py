"""The characters a Word document cannot hold.

A .docx is XML 1.0, which has no place for most control characters, the surrogates
and the non-characters U+FFFE and U+FFFF; written anyway, they would be dropped
silently by the XML parser, and the document would not say what the file says. The
data model refuses the control characters; the other two can still come from a file.

>>> unwritable("Commune de Valmont"), unwritable("Valmont\\ufffe")
(None, 'U+FFFE')
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any, Final

from mgp_convention.i18n import N_

__all__ = ["UNWRITABLE", "strings", "unwritable"]

#: What is said of a text that holds such a character (``{character}``: ``U+FFFE``).
UNWRITABLE: Final = N_("holds {character}, a character a Word document cannot hold")

_NOT_XML: Final = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def unwritable(text: str) -> str | None:
    """The first character of ``text`` a .docx cannot hold (``'U+FFFE'``), or ``None``."""
    found = _NOT_XML.search(text)
    return None if found is None else f"U+{ord(found.group()):04X}"


def strings(value: Any) -> Iterator[str]:
    """Every text in a template's value: a text, or the texts of a list or a mapping.

    >>> list(strings([{"label": "cadrage", "duration": "1 mois"}, "x", 3]))
    ['cadrage', '1 mois', 'x']
    """
    if isinstance(value, str):
        yield value
    elif isinstance(value, Mapping):
        for item in value.values():
            yield from strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from strings(item)
