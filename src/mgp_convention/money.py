"""Money: euro amounts as ``Decimal``, two places, rounded half up, split to the cent.

Every amount of the package is a :class:`decimal.Decimal` in euros with exactly two
decimal places. Two kinds of number meet here, with two different rules:

- **amounts typed by a person** (a market total, a prejudice item) go through
  :func:`euros`: a float is refused (it cannot hold 12.10 exactly), a comma is refused
  with a hint to use a dot, and so is a third decimal that is not zero (``"12.505"``):
  nobody owes half a cent, so such an input is a typo and rounding it would hide it;
- **computed results** (a division, a VAT conversion) go through :func:`round_to_cent`,
  which rounds half up to the cent, as Regulation (EC) 1103/97 art. 5 does for euro
  amounts (:data:`ROUNDING`; the regulation is written for currency conversions and
  the package applies its rule to every computed euro amount).

Source: Regulation (EC) No 1103/97 of 17 June 1997, art. 5; for the default VAT rate,
Code général des impôts art. 278 (:data:`DEFAULT_VAT_RATE`).

>>> from decimal import Decimal
>>> euros("12.5")
Decimal('12.50')
>>> euros(12.5)  # doctest: +NORMALIZE_WHITESPACE
Traceback (most recent call last):
...
mgp_convention.errors.MoneyError: amount: a float is refused because it cannot hold
every amount exactly; write the amount as a string like "12.50"
>>> euros("12,50", field="--item")  # doctest: +NORMALIZE_WHITESPACE
Traceback (most recent call last):
...
mgp_convention.errors.MoneyError: --item: '12,50' has a comma;
write the decimal separator as a dot, like "12.50"
>>> round_to_cent(Decimal("100000.01") / 2)  # 50000.005: exactly half-way, rounds up
Decimal('50000.01')
>>> ht_to_ttc("83333.33")  # 83 333.33 x 1.20 = 99 999.996
Decimal('100000.00')
>>> split_exact(Decimal("100000.00"), 3)
(Decimal('33333.34'), Decimal('33333.33'), Decimal('33333.33'))
>>> split_exact(Decimal("0.05"), ["Bondy", "Pantin"])
(('Bondy', Decimal('0.03')), ('Pantin', Decimal('0.02')))
>>> format_euros(Decimal("50000.01"))
'50 000,01 €'
>>> json_euros(Decimal("50000.01"))
'50000.01'

Why over 400 lines: the two rules of amounts (typed by a person, computed) and the exact
split to the cent use the same decimal context; a tenth of the module is the docstring
stating those rules.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from decimal import (
    MAX_PREC,
    ROUND_DOWN,
    ROUND_HALF_UP,
    Context,
    Decimal,
    InvalidOperation,
    localcontext,
)
from typing import overload

from mgp_convention.citations import Citation
from mgp_convention.errors import MoneyError
from mgp_convention.i18n import N_, Message

__all__ = [
    "CENT",
    "DEFAULT_VAT_RATE",
    "ROUNDING",
    "VAT_RATE_SOURCE",
    "euros",
    "format_decimal",
    "format_euros",
    "ht_to_ttc",
    "json_euros",
    "non_negative",
    "parse_vat_rate",
    "round_to_cent",
    "split_exact",
    "total_of",
]

#: The smallest euro amount: amounts carry exactly two decimal places.
CENT = Decimal("0.01")

#: The rounding rule for computed euro amounts: to the nearest cent, half up.
ROUNDING = Citation(
    "Reg. (EC) 1103/97 art. 5",
    None,
    "Monetary amounts to be paid or accounted for when a rounding takes place after a "
    "conversion into the euro unit pursuant to Article 4 shall be rounded up or down to "
    "the nearest cent. […] If the application of the conversion rate gives a result "
    "which is exactly half-way, the sum shall be rounded up.",
)

#: Where the default VAT rate comes from (the standard French rate).
VAT_RATE_SOURCE = Citation(
    "CGI art. 278",
    None,
    "Le taux normal de la taxe sur la valeur ajoutée est fixé à 20 %.",
)

#: The VAT rate used to turn a cost before tax (HT) into a cost all taxes included
#: (TTC) when none is given: the standard rate, :data:`VAT_RATE_SOURCE`.
DEFAULT_VAT_RATE = Decimal("0.20")

# Digits, an optional sign, an optional dot followed by digits. No exponent, no
# grouping, no comma: the forms a person may type for an amount.
_PLAIN_AMOUNT = re.compile(r"[+-]?\d+(?:\.\d+)?")
_PLAIN_RATE = re.compile(r"\d+(?:\.\d+)?")
# The precision used for intermediate results (far above any euro amount).
_PRECISION = 60


def euros(value: Decimal | int | str, *, field: str = "amount") -> Decimal:
    """An amount typed by a person, as a ``Decimal`` euro amount with two places.

    Accepted: a ``Decimal``, an ``int`` or a string of digits with an optional sign and
    an optional dot (``"12"``, ``"12.5"``, ``"-3.10"``); surrounding blanks are ignored.
    Refused with a :class:`~mgp_convention.errors.MoneyError` naming ``field``:
    a float (write ``"12.50"``), a bool, a comma (write a dot), an exponent or a
    thousands separator, NaN and infinities, and a non-zero digit after the cent
    (``"12.505"``: an amount typed by a person is never rounded; trailing zeros such as
    ``"12.500"`` are fine). The sign is kept: see :func:`non_negative`.

    >>> euros(12), euros("  0.5 "), euros(Decimal("7.100"))
    (Decimal('12.00'), Decimal('0.50'), Decimal('7.10'))
    >>> euros("12.505")  # doctest: +NORMALIZE_WHITESPACE
    Traceback (most recent call last):
    ...
    mgp_convention.errors.MoneyError: amount: '12.505' has more than two decimals;
    an amount is written to the cent, like "12.50"
    >>> euros("1e3")  # doctest: +NORMALIZE_WHITESPACE
    Traceback (most recent call last):
    ...
    mgp_convention.errors.MoneyError: amount: '1e3' is not a plain amount;
    write digits with an optional dot, like "1000.00"
    """
    if isinstance(value, bool):
        raise MoneyError("a boolean is not an amount", field=field)
    if isinstance(value, float):
        raise MoneyError(
            "a float is refused because it cannot hold every amount exactly; "
            'write the amount as a string like "12.50"',
            field=field,
        )
    if isinstance(value, int):
        number = Decimal(value)
        shown = str(value)
    elif isinstance(value, Decimal):
        if not value.is_finite():
            raise MoneyError(f"{value} is not an amount", field=field)
        number = value
        shown = str(value)
    elif isinstance(value, str):
        shown = value.strip()
        number = _parse_amount_text(shown, field=field)
    else:
        raise MoneyError(
            f"expected an amount as a Decimal, an int or a string, not {type(value).__name__}",
            field=field,
        )
    try:
        # Only a check: any rounding at all means more than two decimals, refused below.
        cents = number.quantize(CENT, context=_context())
    except InvalidOperation:
        raise MoneyError(
            Message(N_("{value} is too large to be an amount"), {"value": repr(shown)}),
            field=field,
        ) from None
    if cents != number:
        raise MoneyError(
            Message(
                N_(
                    "{value} has more than two decimals; an amount is written to the cent, "
                    'like "12.50"'
                ),
                {"value": repr(shown)},
            ),
            field=field,
        )
    return _no_negative_zero(cents)


def _parse_amount_text(text: str, *, field: str) -> Decimal:
    if _PLAIN_AMOUNT.fullmatch(text):
        return Decimal(text)
    if re.fullmatch(r"[+-]?\d+,\d+", text):
        raise MoneyError(
            Message(
                N_('{value} has a comma; write the decimal separator as a dot, like "12.50"'),
                {"value": repr(text)},
            ),
            field=field,
        )
    if not text:
        raise MoneyError(Message(N_('no amount given; write it like "12.50"')), field=field)
    raise MoneyError(
        Message(
            N_('{value} is not a plain amount; write digits with an optional dot, like "1000.00"'),
            {"value": repr(text)},
        ),
        field=field,
    )


def non_negative(
    value: Decimal | int | str, *, field: str = "amount", article: str | None = None
) -> Decimal:
    """:func:`euros`, refusing a negative amount (zero is allowed).

    ``article`` names the rule that wants the amount non-negative, for the error.

    >>> non_negative("0")
    Decimal('0.00')
    >>> non_negative("-1", field="items[0]", article="Art. 12 al. 3")
    ... # doctest: +NORMALIZE_WHITESPACE
    Traceback (most recent call last):
    ...
    mgp_convention.errors.MoneyError: items[0]: -€1.00 is negative;
    an amount here is 0 or more (Art. 12 al. 3)
    """
    amount = euros(value, field=field)
    if amount < 0:
        raise MoneyError(
            Message(N_("{amount} is negative; an amount here is 0 or more"), {"amount": amount}),
            field=field,
            article=article,
        )
    return amount


def round_to_cent(value: Decimal) -> Decimal:
    """A computed amount rounded to the cent, half up (:data:`ROUNDING`).

    Use it for results of arithmetic, never to accept an amount typed by a person
    (:func:`euros` refuses those instead). Half-way values move away from zero.

    >>> round_to_cent(Decimal("33333.3333")), round_to_cent(Decimal("0.005"))
    (Decimal('33333.33'), Decimal('0.01'))
    >>> round_to_cent(Decimal("-0.005"))
    Decimal('-0.01')
    """
    if isinstance(value, bool) or not isinstance(value, Decimal | int):
        raise MoneyError(f"expected a Decimal to round, not {type(value).__name__}")
    number = Decimal(value)
    if not number.is_finite():
        raise MoneyError(f"{number} is not an amount")
    try:
        return _no_negative_zero(number.quantize(CENT, rounding=ROUND_HALF_UP, context=_context()))
    except InvalidOperation:
        raise MoneyError(f"{number} is too large to be an amount") from None


def parse_vat_rate(value: Decimal | int | str, *, field: str = "vat_rate") -> Decimal:
    """A VAT rate as a fraction: ``"0.20"``, ``"0.055"`` or ``"20%"`` (= 0.20).

    The rate is at least 0 and below 1: a rate written as a percentage without the sign
    (``20``) is refused with a hint. Floats are refused as for amounts.

    >>> parse_vat_rate("0.20"), parse_vat_rate("5.5%"), parse_vat_rate(0)
    (Decimal('0.20'), Decimal('0.055'), Decimal('0'))
    >>> parse_vat_rate("20")  # doctest: +NORMALIZE_WHITESPACE
    Traceback (most recent call last):
    ...
    mgp_convention.errors.MoneyError: vat_rate: '20' is not a rate between 0 and 1;
    write 20 % as "0.20" or "20%"
    """
    if isinstance(value, bool):
        raise MoneyError("a boolean is not a VAT rate", field=field)
    if isinstance(value, float):
        raise MoneyError(
            'a float is refused; write the rate as a string like "0.20" or "20%"', field=field
        )
    if isinstance(value, int):
        rate, shown = Decimal(value), str(value)
    elif isinstance(value, Decimal):
        rate, shown = value, str(value)
        if not rate.is_finite():
            raise MoneyError(f"{value} is not a VAT rate", field=field)
    elif isinstance(value, str):
        shown = value.strip()
        digits = shown.removesuffix("%").rstrip()
        if not _PLAIN_RATE.fullmatch(digits):
            message = (
                N_(
                    '{value} is not a VAT rate; write it like "0.20" or "20%" '
                    "(use a dot, not a comma)"
                )
                if "," in digits
                else N_('{value} is not a VAT rate; write it like "0.20" or "20%"')
            )
            raise MoneyError(Message(message, {"value": repr(shown)}), field=field)
        rate = Decimal(digits)
        if shown.endswith("%"):
            rate = rate.scaleb(-2)
    else:
        raise MoneyError(
            f"expected a VAT rate as a Decimal, an int or a string, not {type(value).__name__}",
            field=field,
        )
    if not 0 <= rate < 1:
        raise MoneyError(
            Message(
                N_('{value} is not a rate between 0 and 1; write 20 % as "0.20" or "20%"'),
                {"value": repr(shown)},
            ),
            field=field,
        )
    return rate


def ht_to_ttc(
    ht: Decimal | int | str,
    vat_rate: Decimal | int | str = DEFAULT_VAT_RATE,
    *,
    field: str = "ht",
) -> Decimal:
    """The amount all taxes included (TTC) of an amount before tax (HT).

    TTC = HT x (1 + rate), rounded half up to the cent (:data:`ROUNDING`). The rate
    defaults to :data:`DEFAULT_VAT_RATE` (20 %, :data:`VAT_RATE_SOURCE`). The HT amount
    is an amount typed by a person (:func:`non_negative`); the rate follows
    :func:`parse_vat_rate`.

    >>> ht_to_ttc("1000")
    Decimal('1200.00')
    >>> ht_to_ttc("1000", "5.5%")
    Decimal('1055.00')
    >>> ht_to_ttc("0.05", Decimal("0.10"))  # 0.055 is half-way: rounds up
    Decimal('0.06')
    """
    amount = non_negative(ht, field=field)
    rate = parse_vat_rate(vat_rate)
    with localcontext(_context()):
        return round_to_cent(amount * (1 + rate))


@overload
def split_exact(total: Decimal | int | str, parts: int) -> tuple[Decimal, ...]: ...


@overload
def split_exact(
    total: Decimal | int | str, parts: Sequence[str]
) -> tuple[tuple[str, Decimal], ...]: ...


def split_exact(
    total: Decimal | int | str, parts: int | Sequence[str]
) -> tuple[Decimal, ...] | tuple[tuple[str, Decimal], ...]:
    """Split ``total`` into shares that add up to it exactly, by the largest remainder.

    Every share first gets ``total / N`` rounded *down* to the cent; the cents left over
    (fewer than ``N``) then go one each to the shares with the largest remainder. All
    shares are equal before rounding, so their remainders tie and the **order** decides:
    the leftover cents go to the first shares, in the order given (the labels' order, or
    positions 0, 1, 2… when ``parts`` is a count). The shares therefore add up to the
    total to the cent, differ by at most one cent, and never increase along the order.

    ``parts`` is either a count (``int`` ≥ 1; the result is a tuple of amounts) or a
    sequence of distinct, non-empty labels (the result is a tuple of
    ``(label, amount)`` pairs, in the same order). ``total`` is an amount typed by a
    person, 0 or more.

    >>> split_exact("10.00", 4)
    (Decimal('2.50'), Decimal('2.50'), Decimal('2.50'), Decimal('2.50'))
    >>> split_exact("0.02", 3)
    (Decimal('0.01'), Decimal('0.01'), Decimal('0.00'))
    >>> split_exact("1", ["b", "a"])
    (('b', Decimal('0.50')), ('a', Decimal('0.50')))
    """
    amount = non_negative(total, field="total")
    labels: tuple[str, ...] | None
    if isinstance(parts, bool):
        raise MoneyError("a boolean is not a number of shares", field="parts")
    if isinstance(parts, int):
        if parts < 1:
            raise MoneyError(f"cannot split into {parts} shares; give 1 or more", field="parts")
        count, labels = parts, None
    elif isinstance(parts, str):
        raise MoneyError("give a list of labels, not a single string", field="parts")
    elif not isinstance(parts, Iterable):
        raise MoneyError(
            f"expected a number of shares (int) or a list of labels, got {type(parts).__name__}",
            field="parts",
        )
    else:
        labels = tuple(parts)
        _check_labels(labels)
        count = len(labels)
    cents = int(amount.scaleb(2))
    base, leftover = divmod(cents, count)
    shares = tuple(
        Decimal(base + (1 if index < leftover else 0)).scaleb(-2).quantize(CENT)
        for index in range(count)
    )
    if labels is None:
        return shares
    return tuple(zip(labels, shares, strict=True))


def _check_labels(labels: tuple[str, ...]) -> None:
    if not labels:
        raise MoneyError("no labels to split among; give 1 or more", field="parts")
    seen: set[str] = set()
    for index, label in enumerate(labels):
        if not isinstance(label, str) or not label.strip():
            raise MoneyError("a label must be a non-empty string", field=f"parts[{index}]")
        if label in seen:
            raise MoneyError(f"label {label!r} is given twice", field=f"parts[{index}]")
        seen.add(label)


def json_euros(amount: Decimal) -> str:
    """An amount as JSON writes it: a string with a dot and exactly two decimals.

    The amount is rounded half up to the cent first (:func:`round_to_cent`).

    >>> json_euros(Decimal("1E+3")), json_euros(Decimal("-0.00")), json_euros(Decimal("2.5"))
    ('1000.00', '0.00', '2.50')
    """
    return f"{round_to_cent(amount):f}"


def format_euros(amount: Decimal, *, space: str = " ") -> str:
    """An amount for a French reader: ``50 000,01 €``.

    Thousands are grouped by ``space``, the decimal separator is a comma and the euro
    sign follows after ``space``. The default is a plain space so that terminal output
    can be copied and searched; pass ``space="\\u202f"`` (narrow no-break space) for
    typeset documents. The amount is rounded half up to the cent first.

    >>> format_euros(Decimal("1234567.8")), format_euros(Decimal("-0.5")), format_euros(0)
    ('1 234 567,80 €', '-0,50 €', '0,00 €')
    """
    return f"{format_decimal(round_to_cent(amount), space=space)}{space}€"  # 2 places at least


def format_decimal(
    value: Decimal, *, min_places: int = 2, max_places: int = 6, space: str = " "
) -> str:
    """A decimal number in French notation, for showing a step of arithmetic.

    At least ``min_places`` decimals are shown; trailing zeros beyond them are dropped;
    a number with more than ``max_places`` decimals is cut (not rounded) and ends with
    ``…`` so that a reader sees it is not exact.

    >>> format_decimal(Decimal("100000") / 3)
    '33 333,333333…'
    >>> format_decimal(Decimal("50000.005")), format_decimal(Decimal("12"))
    ('50 000,005', '12,00')
    """
    number = Decimal(value)
    with localcontext(_context()):
        cut = number.quantize(Decimal(1).scaleb(-max_places), rounding=ROUND_DOWN)
        exact = cut == number
        sign = "-" if cut < 0 else ""
        whole, _, fraction = f"{abs(cut):f}".partition(".")
    fraction = fraction.rstrip("0").ljust(min_places, "0")
    grouped = f"{int(whole):,}".replace(",", space)
    text = f"{sign}{grouped},{fraction}" if fraction else f"{sign}{grouped}"
    return text if exact else f"{text}…"


def total_of(amounts: Iterable[Decimal]) -> Decimal:
    """The exact sum of euro amounts: never rounded, however many digits they hold.

    (Python's default decimal context keeps 28 digits: 10²⁶ € + 0,02 € + 0,02 € + 0,02 €
    would lose cents there.)

    >>> total_of([Decimal("0.10"), Decimal("0.20")])
    Decimal('0.30')
    >>> total_of([Decimal("1" + "0" * 26 + ".00")] + [Decimal("0.02")] * 3)
    Decimal('100000000000000000000000000.06')
    >>> total_of([])
    Decimal('0.00')
    """
    # The most digits decimal allows: adding amounts of two places is then never rounded.
    with localcontext(Context(prec=MAX_PREC)):
        return sum(amounts, start=Decimal("0.00"))


def _context() -> Context:
    """A decimal context precise enough for any euro arithmetic of the package."""
    return Context(prec=_PRECISION)


def _no_negative_zero(amount: Decimal) -> Decimal:
    return abs(amount) if amount.is_zero() else amount
