"""``all_citations()``: every quoted rule of the package, found where it lives, in order.

The documentation's table of quoted texts ("The contract in code") is built from it.
"""

from __future__ import annotations

import pytest
from contract import CONTRACT, SHARED_CONTRACT, contract_text

from mgp_convention.articles.art12_remedy import ART12_REMEDY, CPC_642_EXTENSION
from mgp_convention.articles.art12_termination import ART12_TERMINATION
from mgp_convention.calendar import CASS_WHIT_MONDAY
from mgp_convention.citations import Citation, all_citations
from mgp_convention.convention import ART5_DURATION


def test_every_citation_once_under_its_home_module() -> None:
    found = all_citations()
    names = [name for name, _ in found]
    assert len({id(citation) for _, citation in found}) == len(found)  # each object once
    assert not [name for name in names if name.startswith("mgp_convention.cli")]
    # ART5_DURATION is quoted by convention.py and imported by articles/art05_calendar.py:
    # it is listed once, under the article module of Art. 5.
    assert [name for name, c in found if c is ART5_DURATION] == [
        "mgp_convention.articles.art05_calendar.ART5_DURATION"
    ]
    # ART12_REMEDY is quoted in art12_remedy.py; art12_indemnity.py names it ART12_AL2.
    assert [name for name, c in found if c is ART12_REMEDY] == [
        "mgp_convention.articles.art12_remedy.ART12_REMEDY"
    ]
    assert [name for name, c in found if c is ART12_TERMINATION] == [
        "mgp_convention.articles.art12_termination.ART12_TERMINATION"
    ]
    # The rules of the Code de procédure civile are quoted in calendar.py, where the date
    # arithmetic lives, and imported by art12_remedy.py.
    assert ("mgp_convention.calendar.CPC_642_EXTENSION", CPC_642_EXTENSION) in found
    assert ("mgp_convention.calendar.CASS_WHIT_MONDAY", CASS_WHIT_MONDAY) in found


def test_sorted_by_article_number_then_the_other_sources() -> None:
    found = all_citations()
    articles = [c.article for _, c in found if c.article.startswith("Art. ")]
    numbers = [int(article.split()[1]) for article in articles]
    assert numbers == sorted(numbers)
    labels = [c.label for _, c in found if c.article == "Art. 12"]
    assert labels == ["Art. 12 al. 1", "Art. 12 al. 2", "Art. 12 al. 3"]
    assert {2, 5, 9, 10, 11, 12} <= set(numbers)  # every article with a rule in the code
    # "Art. 2" before "Art. 12": by number, not as text. The other sources (CPC, Code du
    # travail, case law, the préambule) come after the articles.
    first_other = next(i for i, (_, c) in enumerate(found) if not c.article.startswith("Art. "))
    assert all(not c.article.startswith("Art. ") for _, c in found[first_other:])
    assert all(isinstance(c, Citation) for _, c in found)


def test_the_bundled_contract_is_the_shared_template() -> None:
    # The word-for-word checks read tests/data/; the shared folder holds the original.
    if not SHARED_CONTRACT.is_file():
        pytest.skip(f"no shared folder beside the repository: {SHARED_CONTRACT}")
    assert CONTRACT.read_bytes() == SHARED_CONTRACT.read_bytes()


def test_every_quoted_article_is_in_the_contract_word_for_word() -> None:
    # Blanks collapsed on both sides; "[...]" marks a cut: each piece must appear, in order.
    text = contract_text()
    quoted = [(name, c) for name, c in all_citations() if c.article.startswith("Art. ")]
    assert len(quoted) >= 15
    for name, citation in quoted:
        position = 0
        for cut in " ".join(citation.text.split()).split("[...]"):
            piece = cut.strip(" ")
            found = text.find(piece, position)
            assert found >= 0, (name, piece)
            position = found + len(piece)
