"""Numbers said in a language by Babel, as parameters of a :class:`~mgp_convention.i18n.Message`.

Each value has a ``label(lang)`` (the :class:`~mgp_convention.i18n.Labelled` protocol),
so that a message computed once is said in French or English when shown:

- :class:`Euros`: an amount, « 180 000,00 € », "€180,000.00", however many digits it
  has (Babel formats in the current decimal context, 28 digits by default);
- :class:`Number`: the exact result of a division, « 33 333,333333… » (cut, not
  rounded, after six decimals, and marked « … »);
- :class:`Percent`: a rate, « 20 % », "20%";
- :class:`Sum`: amounts added up, « 33 333,33 € + 1 500,00 € ».

>>> from decimal import Decimal
>>> Number(Decimal(100000) / 3).label("en"), Percent(Decimal("0.055")).label("en")
('33,333.333333…', '5.5%')
"""

from __future__ import annotations

from decimal import ROUND_DOWN, Context, Decimal, localcontext
from typing import Final

import attrs

from mgp_convention.i18n import Lang, check_lang, format_amount
from mgp_convention.money import round_to_cent

__all__ = ["Euros", "Number", "Percent", "Sum", "digits_context"]

#: The Babel locale of each language (as :mod:`mgp_convention.i18n`).
_LOCALE: Final = {"fr": "fr_FR", "en": "en_GB"}
#: The most decimals an exact quotient shows before it is cut (and ends with « … »).
_SHOWN_PLACES: Final = 6


def digits_context(value: Decimal) -> Context:
    """A decimal context wide enough to format ``value`` without rounding it (Babel
    formats in the current context, 28 digits by default)."""
    return Context(prec=max(28, len(value.as_tuple().digits) + 2 * _SHOWN_PLACES))


@attrs.frozen
class Euros:
    """An amount in euros, said in a language by Babel (« 180 000,00 € », "€180,000.00"),
    however many digits it has.

    >>> Euros(Decimal("180000")).label("fr") == "180\\u202f000,00\\xa0€"
    True
    >>> Euros(Decimal("180000")).label("en")
    '€180,000.00'
    """

    amount: Decimal

    def label(self, lang: Lang) -> str:
        """The amount in ``lang``."""
        with localcontext(digits_context(self.amount)):
            return format_amount(round_to_cent(self.amount), lang)


@attrs.frozen
class Number:
    """A number said in a language: at least two decimals, at most six; one cut (not
    rounded) ends with « … », so that a reader sees it is not exact."""

    value: Decimal

    def label(self, lang: Lang) -> str:
        from babel.numbers import format_decimal  # noqa: PLC0415 - costly import

        with localcontext(digits_context(self.value)):
            cut = self.value.quantize(Decimal(1).scaleb(-_SHOWN_PLACES), rounding=ROUND_DOWN)
            text: str = format_decimal(
                cut, "#,##0.00####", locale=_LOCALE[check_lang(lang)], group_separator=True
            )
        return text if cut == self.value else f"{text}…"


@attrs.frozen
class Percent:
    """A rate said as a percentage: « 20 % », "5.5%"."""

    rate: Decimal

    def label(self, lang: Lang) -> str:
        from babel.numbers import format_percent  # noqa: PLC0415 - costly import

        text: str = format_percent(
            self.rate, locale=_LOCALE[check_lang(lang)], decimal_quantization=False
        )
        return text


@attrs.frozen
class Sum:
    """Amounts added up, said in a language: « 33 333,33 € + 1 500,00 € »."""

    amounts: tuple[Decimal, ...]

    def label(self, lang: Lang) -> str:
        return " + ".join(Euros(amount).label(lang) for amount in self.amounts)
