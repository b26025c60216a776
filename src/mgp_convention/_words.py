"""Small wording helpers shared by the explanations: a count with its noun, an ordinal.

>>> quantity(1, "jour", lang="fr"), quantity(0, "jour", lang="fr"), quantity(2, "jour", lang="fr")
('1 jour', '0 jour', '2 jours')
>>> quantity(1, "day", lang="en"), quantity(0, "day", lang="en")
('1 day', '0 days')
>>> quantity(3, "beneficiary", "beneficiaries", lang="en")
'3 beneficiaries'
>>> ordinal_fr(1), ordinal_fr(30)
('1er', '30e')
"""

from __future__ import annotations

from mgp_convention.i18n import Lang, check_lang


def quantity(n: int, singular: str, plural: str | None = None, *, lang: Lang) -> str:
    """``n`` and its noun, singular for one (and for zero in French), plural otherwise.

    ``plural`` defaults to the singular with an ``s``; "mois" takes ``plural="mois"``.
    ``lang`` is required, and checked: the rule for zero differs.
    """
    singular_form = n == 1 or (check_lang(lang) == "fr" and n == 0)
    return f"{n} {singular if singular_form else (plural or singular + 's')}"


def ordinal_fr(n: int) -> str:
    """The French ordinal written with digits: « 1er », « 2e », « 30e »."""
    return "1er" if n == 1 else f"{n}e"
