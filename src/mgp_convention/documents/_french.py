"""The small French grammar a filled document needs: agreement with a person's civility.

The contract's fixed words agree with the person they describe: « dûment habilité »
for a man, « dûment habilitée » for a woman; « son Président », « sa Présidente ».
The civility of the data (« Madame », « Monsieur ») says which; anything else is not
guessed.

>>> gender_of("Madame"), gender_of("M."), gender_of("Docteur")
('f', 'm', None)
>>> agreed("habilité", "f"), agreed("mandaté", "m")
('habilitée', 'mandaté')
>>> with_possessive("Présidente", "f"), with_possessive("Adjointe au maire", "f")
('sa Présidente', 'son Adjointe au maire')
>>> with_article("Président", "m"), with_article("Présidente", "f"), with_article("Élue", "f")
('Le Président', 'La Présidente', "L'Élue")
>>> de("désigner un référent"), de("être prêt"), de("informer la Métropole")
('de désigner un référent', "d'être prêt", "d'informer la Métropole")
>>> spaced("Objet : « peut notamment inclure »")
'Objet\xa0: «\xa0peut notamment inclure\xa0»'
"""

from __future__ import annotations

import re
import unicodedata
from typing import Final, Literal

__all__ = [
    "Gender",
    "agreed",
    "de",
    "gender_of",
    "spaced",
    "with_article",
    "with_possessive",
]

Gender = Literal["f", "m"]

#: The civilities whose gender is known, in lower case (abbreviations included).
_CIVILITIES: Final[dict[str, Gender]] = {
    "madame": "f",
    "mme": "f",
    "mme.": "f",
    "mademoiselle": "f",
    "mlle": "f",
    "mlle.": "f",
    "monsieur": "m",
    "m.": "m",
    "m": "m",
}


def gender_of(civility: str) -> Gender | None:
    """``'f'`` for « Madame », ``'m'`` for « Monsieur » (and their abbreviations); ``None``
    for any other civility, whose agreement is not guessed."""
    return _CIVILITIES.get(civility.strip().lower())


def agreed(participle: str, gender: Gender) -> str:
    """A past participle agreeing with ``gender``: « habilité », « habilitée »."""
    return participle + "e" if gender == "f" else participle


def _starts_with_vowel(word: str) -> bool:
    first = unicodedata.normalize("NFD", word.strip()[:1].lower())[:1]
    return first in set("aeiouy")


def with_possessive(title: str, gender: Gender) -> str:
    """« son Président », « sa Présidente », « son Adjointe » (``son`` before a vowel)."""
    possessive = "sa" if gender == "f" and not _starts_with_vowel(title) else "son"
    return f"{possessive} {title}"


def with_article(title: str, gender: Gender) -> str:
    """« Le Président », « La Présidente », « L'Élue » (elided before a vowel)."""
    if _starts_with_vowel(title):
        return f"L'{title}"
    return f"{'La' if gender == 'f' else 'Le'} {title}"


def de(words: str) -> str:
    """« de » before ``words``, elided before a vowel: « de désigner », « d'être »."""
    return f"d'{words}" if _starts_with_vowel(words) else f"de {words}"


_BEFORE_PUNCTUATION: Final = re.compile(r" ([:;!?»])")
_AFTER_GUILLEMET: Final = re.compile(r"« ")


def spaced(text: str) -> str:
    """French typography: the space before « : ; ! ? » » and after « « » made
    non-breaking, so that no line of a letter starts with a colon or a guillemet."""
    return _AFTER_GUILLEMET.sub("«\u00a0", _BEFORE_PUNCTUATION.sub("\u00a0\\1", text))
