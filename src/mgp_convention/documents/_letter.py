"""What the three letters share: the sender, the addressee, the date, the salutation,
the signature, the quotations and the words for articles and dates.

- the sender is the Métropole, as the preamble names it (« La METROPOLE DU GRAND
  PARIS […] dont le siège est à PARIS (75013), 15-19 Pierre Mendès-France »: the
  street written out, « avenue », as :data:`~mgp_convention.parties.METROPOLE` holds
  it); the letter is written in Paris, its seat;
- the addressee is the beneficiary's representative (the person who signed the
  convention, « représenté par son [Statut] [Genre] [Nom] »), their title, then the
  beneficiary and its address;
  the referent of Art. 4 is in copy, when the file names one;
- the salutation agrees with the representative's civility: « Monsieur le Maire »,
  « Madame la Présidente »; for another civility, « Madame, Monsieur », not guessed;
- every quotation is a :class:`~mgp_convention.citations.Citation` of the package,
  never retyped. The contract prints Art. 12 as **two** paragraphs (the faculty to
  terminate and the thirty days, then the indemnity), where the package numbers three
  (« al. 1 », « al. 2 », « al. 3 »): a letter, read beside the printed contract, names
  the article only (« article 12 de la convention ») and lets the quotation show the
  words;
- dates are Babel's French dates (:func:`~mgp_convention.i18n.format_day`: « 2 décembre
  2026 »; with the weekday for a deadline or a hearing, « lundi 4 janvier 2027 »).

>>> from mgp_convention.citations import Citation
>>> article_words("Art. 5 al. 3"), article_words("Art. 12 al. 2"), article_words("Art. 8")
('article 5, alinéa 3, de la convention', 'article 12 de la convention', 'article 8 de la convention')
>>> quoted(Citation("Art. 13", None, "Les litiges […]"))
{'label': 'Article 13 de la convention', 'text': 'Les litiges […]'}
"""  # noqa: E501

from __future__ import annotations

import datetime as dt
import re
from typing import Any, Final

from mgp_convention.citations import Citation
from mgp_convention.convention import Convention
from mgp_convention.documents._french import gender_of, with_article
from mgp_convention.documents.signatory import Signatory
from mgp_convention.errors import InvalidValue
from mgp_convention.i18n import format_date, format_day
from mgp_convention.parties import METROPOLE, Representative

__all__ = [
    "COMMON_TAGS",
    "PLACE",
    "article_words",
    "common_values",
    "dated",
    "day",
    "letter_date",
    "quoted",
    "quoted_together",
    "salutation",
    "weekday",
]

#: Where the letters are written: the Métropole's seat (preamble: « dont le siège est à
#: PARIS (75013) »).
PLACE: Final = "Paris"

#: The tags every letter's template holds.
COMMON_TAGS: Final = frozenset(
    {
        "reference",
        "sender_lines",
        "addressee_lines",
        "letter_date",
        "copy_lines",
        "salutation",
        "beneficiary_name",
        "signatory_title_with_article",
        "signatory_signature_name",
    }
)

_ARTICLE = re.compile(r"Art\. (\d+)(?: al\. (\d+))?$")
#: The package numbers Art. 12 in three paragraphs, the printed contract in two: a
#: letter names the article only (see the module).
_NO_PARAGRAPH: Final = frozenset({"12"})


def article_words(label: str) -> str:
    """``Art. 5 al. 3`` as a letter writes it: « article 5, alinéa 3, de la convention »."""
    found = _ARTICLE.match(label)
    if found is None:
        raise InvalidValue(f"not an article of the convention: {label!r}", field="article")
    number, paragraph = found.groups()
    if paragraph is None or number in _NO_PARAGRAPH:
        return f"article {number} de la convention"
    return f"article {number}, alinéa {paragraph}, de la convention"


def quoted(citation: Citation) -> dict[str, str]:
    """A quotation for a template: ``{"label", "text"}``, the text as the package holds it."""
    return quoted_together(citation)


def quoted_together(*citations: Citation) -> dict[str, str]:
    """Consecutive sentences of one article quoted as one paragraph (Art. 12 al. 1 and 2
    are the printed contract's first paragraph of Art. 12)."""
    articles = {citation.article for citation in citations}
    if len(articles) != 1:
        raise InvalidValue(f"sentences of several articles: {sorted(articles)}", field="quote")
    number = citations[0].article.removeprefix("Art. ")
    return {
        "label": f"Article {number} de la convention",
        "text": " ".join(citation.text for citation in citations),
    }


def day(date: dt.date) -> str:
    """« 2 décembre 2026 », « 1er janvier 2027 »."""
    return format_day(date, "fr")


def weekday(date: dt.date) -> str:
    """« lundi 4 janvier 2027 »: a deadline, a hearing."""
    return format_date(date, "fr")


def dated(on: dt.date | None) -> dt.date:
    """The date of a letter: required (a letter is dated; the command line gives today's)."""
    if on is None:
        raise InvalidValue("a letter is dated: give its date (on)", field="on")
    return on


def letter_date(date: dt.date) -> str:
    """The date under the place: « 2 décembre 2026 » (« Paris, le 2 décembre 2026 »)."""
    return day(date)


def salutation(representative: Representative) -> str:
    """« Monsieur le Maire », « Madame la Présidente »; « Madame, Monsieur » when the
    civility is neither Madame nor Monsieur (the words are not guessed).

    >>> salutation(Representative("Maire", "Madame", "Camille Exemple"))
    'Madame la Maire'
    >>> salutation(Representative("Adjoint au maire", "M.", "Jean Exemple"))
    "Monsieur l'Adjoint au maire"
    >>> salutation(Representative("Maire", "Docteur", "Alix Exemple"))
    'Madame, Monsieur'
    """
    gender = gender_of(representative.civility)
    if gender is None:
        return "Madame, Monsieur"
    title = with_article(representative.title, gender)
    civility = "Madame" if gender == "f" else "Monsieur"
    return f"{civility} {title[0].lower()}{title[1:]}"


def _address_lines(address: str) -> list[str]:
    """An address written on one line, cut at its commas (« 2 place de la République,
    92999 Bois-Fictif » → two lines)."""
    return [part.strip() for part in address.split(",") if part.strip()]


def _addressee(convention: Convention) -> list[str]:
    """The representative, their title, the beneficiary, its address."""
    body = convention.beneficiary
    representative = body.representative
    return [
        f"{representative.civility} {representative.name}",
        representative.title,
        body.name,
        *_address_lines(body.address),
    ]


def _copies(convention: Convention) -> list[str]:
    referent = convention.referent
    if referent is None:
        return []
    phone = referent.phone.replace(" ", "\u00a0")  # a number is not cut at a line's end
    return [f"{referent.name}, référent projet ({referent.email}, {phone})"]


def common_values(convention: Convention, signatory: Signatory, on: dt.date) -> dict[str, Any]:
    """The values every letter's template holds (:data:`COMMON_TAGS`)."""
    return {
        "reference": convention.reference,
        "sender_lines": [METROPOLE.name, *_address_lines(METROPOLE.address)],
        "addressee_lines": _addressee(convention),
        "letter_date": letter_date(on),
        "copy_lines": _copies(convention),
        "salutation": salutation(convention.beneficiary.representative),
        "beneficiary_name": convention.beneficiary.name,
        "signatory_title_with_article": signatory.title_with_article,
        "signatory_signature_name": signatory.signature_name,
    }
