"""Text made safe to print: what a file or a file name holds is shown, never obeyed.

A convention file, or the name of one, may come from anywhere. Printed as it is on a
terminal, a text could move the cursor, rewrite earlier lines or change the title
(escape sequences, C0 and C1 control characters), reorder what follows it
(bidirectional controls U+202A–U+202E, U+2066–U+2069), break a line in two so that a
problem seems to come from another file (a line break in a file name), or stop the
program (a lone surrogate cannot be encoded in UTF-8). Every text that comes from a
file or a file name goes through :func:`printable` (or :func:`printable_path`) before
it is printed: each such character is shown as its Python escape (``\\x1b``,
``\\u202e``, ``\\n``), so that the reader sees it rather than its effect.

>>> printable("Commune\\x1b[2J de Valmont")
'Commune\\\\x1b[2J de Valmont'
>>> printable("abc\\u202edef")
'abc\\\\u202edef'
>>> printable("two\\nlines"), printable("two\\nlines", one_line=False)
('two\\\\nlines', 'two\\nlines')
>>> printable_path(b"conventions/\\xff.json")
'conventions/\\ufffd.json'
"""

from __future__ import annotations

import os
import re
from typing import Final

__all__ = ["printable", "printable_path"]

#: C0 controls (tab and line feed included), DEL and C1 controls; the bidirectional
#: marks, embeddings, overrides and isolates; the Unicode line and paragraph
#: separators; lone surrogates.
_UNSAFE: Final = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ud800-\udfff]"
)
#: What a text of several lines keeps: line feeds and tabs.
_KEPT_IN_PARAGRAPHS: Final = frozenset("\n\t")
_NAMED: Final = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(char: str) -> str:
    code = ord(char)
    if char in _NAMED:
        return _NAMED[char]
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: object, *, one_line: bool = True) -> str:
    """``text`` (or ``str(text)``) with every character that could act on a terminal
    shown as its escape; with ``one_line=False``, line feeds and tabs are kept."""
    value = text if isinstance(text, str) else str(text)
    if one_line:
        return _UNSAFE.sub(lambda match: _escape(match.group()), value)
    return _UNSAFE.sub(
        lambda match: (
            match.group() if match.group() in _KEPT_IN_PARAGRAPHS else _escape(match.group())
        ),
        value,
    )


def printable_path(path: str | bytes | os.PathLike[str] | os.PathLike[bytes]) -> str:
    """A file name to print: bytes that are not UTF-8 become U+FFFD (the replacement
    character), then :func:`printable` (a line break in a name stays on one line)."""
    raw = os.fsencode(path)
    return printable(raw.decode("utf-8", errors="replace"))
