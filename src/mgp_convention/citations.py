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

import attrs

__all__ = ["Citation"]


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
