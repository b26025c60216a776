"""Citations: the article of the convention (or the legal source) a rule encodes.

Every rule of the package carries a :class:`Citation`, so that an error, an
explanation or a generated document can quote the sentence it applies, and a test
can check that no public rule is without one.

>>> from mgp_convention.citations import Citation
>>> c = Citation("Art. 2", None, "La présente Convention prend effet à compter de sa signature")
>>> c.label
'Art. 2'
>>> Citation("Art. 12", "al. 2", "…").label
'Art. 12 al. 2'
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
from types import ModuleType

import attrs

__all__ = ["Citation", "all_citations"]


@attrs.frozen
class Citation:
    """A reference to the convention or to a legal source, with the text it quotes.

    ``article`` is written as it is searched for: ``"Art. 12"``, ``"CPC 642"``.
    ``paragraph`` is the *alinéa* (``"al. 2"``) when the rule encodes only one.
    ``text`` is the quoted sentence, verbatim, in French.
    """

    article: str
    paragraph: str | None
    text: str

    @property
    def label(self) -> str:
        """The short reference, e.g. ``Art. 12 al. 2``."""
        return f"{self.article} {self.paragraph}" if self.paragraph else self.article

    def __str__(self) -> str:
        return f"{self.label} : « {self.text} »"


def all_citations() -> list[tuple[str, Citation]]:
    """Every module-level :class:`Citation` of the package, as ``(dotted name, citation)``.

    Used by the documentation ("The contract in code") and by the test that every
    article module cites its text. Only the package's own modules are imported; a
    citation imported into another module is listed once, under its home module.
    Sorted by article number and paragraph, then the other sources (CPC, Code du
    travail…); a citation that several modules hold is listed under the module of its
    article that quotes it.
    """
    package = importlib.import_module("mgp_convention")
    found: dict[int, tuple[tuple[bool, bool, bool, int], str, Citation]] = {}
    for info in pkgutil.walk_packages(package.__path__, "mgp_convention."):
        if info.name.startswith("mgp_convention.cli"):
            continue
        module = importlib.import_module(info.name)
        quoted = _quoted_names(module)
        for name, value in vars(module).items():
            if isinstance(value, Citation) and not name.startswith("_"):
                dotted = f"{info.name}.{name}"
                rank = _home_rank(dotted, value, name in quoted)
                known = found.get(id(value))
                if known is None or rank < known[0]:
                    found[id(value)] = (rank, dotted, value)
    listed = [(dotted, value) for _, dotted, value in found.values()]
    return sorted(listed, key=lambda item: (_article_key(item[1].article), item[1].label, item[0]))


def _home_rank(dotted: str, citation: Citation, defined: bool) -> tuple[bool, bool, bool, int]:
    """Where a citation imported by several modules is listed: a module of its article
    (``articles.art12_…`` for ``Art. 12``), the one that quotes it rather than one that
    gives it another name (``ART12_AL2 = ART12_REMEDY``); else an article module; else the
    shortest name.
    """
    own = f"mgp_convention.articles.art{_article_key(citation.article):02d}_"
    articles = "mgp_convention.articles."
    return (not dotted.startswith(own), not defined, not dotted.startswith(articles), len(dotted))


_QUOTED = re.compile(r"^(\w+)\b[^=\n]*=\s*Citation\(", re.M)


def _quoted_names(module: ModuleType) -> frozenset[str]:
    """The names ``module``'s own source gives to a citation it quotes (``NAME = Citation(``),
    read once per module."""
    try:
        source = inspect.getsource(module)
    except (OSError, TypeError):  # pragma: no cover - no source (a frozen application)
        return frozenset()
    return frozenset(_QUOTED.findall(source))


_ARTICLE = re.compile(r"Art\. ([0-9]+)")


def _article_key(article: str) -> int:
    match = _ARTICLE.match(article)
    return int(match.group(1)) if match else 1000
