"""Money: every refusal word for word, and exact arithmetic far beyond 28 digits.

The package computes euro amounts in a decimal context of 60 digits; Python's default
context has 28. The large amounts below would be rounded or refused with 28 digits, so
these tests pin the precision as well as each message (mutation testing, see
docs/mutation-and-coverage.md). Every expected value was computed by hand as written.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from mgp_convention.errors import MoneyError
from mgp_convention.money import (
    euros,
    format_decimal,
    ht_to_ttc,
    non_negative,
    parse_vat_rate,
    round_to_cent,
    split_exact,
)

FORTY_NINES = "9" * 40  # 40 digits: more than the 28 of Python's default context
SIXTY_ONE_DIGITS = 10**60  # 61 digits, + 2 decimals: more than the package's 60


@pytest.mark.parametrize(
    ("value", "message"),
    [
        pytest.param(True, "amount: a boolean is not an amount", id="bool"),
        pytest.param(
            12.5,
            "amount: a float is refused because it cannot hold every amount exactly; write "
            'the amount as a string like "12.50"',
            id="float",
        ),
        pytest.param(
            SIXTY_ONE_DIGITS,
            f"amount: '{SIXTY_ONE_DIGITS}' is too large to be an amount",
            id="huge-int",
        ),
        pytest.param(
            Decimal("1.234"),
            "amount: '1.234' has more than two decimals; an amount is written to the cent, "
            'like "12.50"',
            id="decimal-third-place",
        ),
        pytest.param(
            [1],
            "amount: expected an amount as a Decimal, an int or a string, not list",
            id="list",
        ),
        pytest.param("   ", 'amount: no amount given; write it like "12.50"', id="blank"),
    ],
)
def test_euros_refusals_word_for_word(value: object, message: str) -> None:
    with pytest.raises(MoneyError) as info:
        euros(value)  # type: ignore[arg-type]
    assert str(info.value) == message


def test_euros_keeps_forty_digits() -> None:
    # 40 nines are a valid amount: nothing is rounded at 28 digits.
    assert euros(FORTY_NINES) == Decimal(FORTY_NINES + ".00")
    assert str(euros(FORTY_NINES)) == FORTY_NINES + ".00"


def test_non_negative_names_the_amount_by_default() -> None:
    with pytest.raises(MoneyError) as info:
        non_negative("-1")
    assert str(info.value) == "amount: -1.00 € is negative; an amount here is 0 or more"


@pytest.mark.parametrize(
    ("value", "message"),
    [
        pytest.param("1", "expected a Decimal to round, not str", id="text"),
        pytest.param(Decimal("NaN"), "NaN is not an amount", id="nan"),
        pytest.param(Decimal("1E+60"), "1E+60 is too large to be an amount", id="huge"),
    ],
)
def test_round_to_cent_refusals_word_for_word(value: object, message: str) -> None:
    with pytest.raises(MoneyError) as info:
        round_to_cent(value)  # type: ignore[arg-type]
    assert str(info.value) == message


def test_round_to_cent_keeps_forty_digits() -> None:
    # 40 nines and 0.004: rounds down to the 40 nines with .00, exactly.
    assert round_to_cent(Decimal(FORTY_NINES + ".004")) == Decimal(FORTY_NINES + ".00")


@pytest.mark.parametrize(
    ("value", "message"),
    [
        pytest.param(True, "vat_rate: a boolean is not a VAT rate", id="bool"),
        pytest.param(
            0.2,
            'vat_rate: a float is refused; write the rate as a string like "0.20" or "20%"',
            id="float",
        ),
        pytest.param(
            20,
            'vat_rate: \'20\' is not a rate between 0 and 1; write 20 % as "0.20" or "20%"',
            id="int-percent",
        ),
        pytest.param(
            Decimal("1.5"),
            'vat_rate: \'1.5\' is not a rate between 0 and 1; write 20 % as "0.20" or "20%"',
            id="decimal-too-high",
        ),
        pytest.param(
            "abc",
            'vat_rate: \'abc\' is not a VAT rate; write it like "0.20" or "20%"',
            id="text",
        ),
        pytest.param(
            "0,2",
            'vat_rate: \'0,2\' is not a VAT rate; write it like "0.20" or "20%" (use a dot, '
            "not a comma)",
            id="comma",
        ),
        pytest.param(
            [1],
            "vat_rate: expected a VAT rate as a Decimal, an int or a string, not list",
            id="list",
        ),
    ],
)
def test_parse_vat_rate_refusals_word_for_word(value: object, message: str) -> None:
    with pytest.raises(MoneyError) as info:
        parse_vat_rate(value)  # type: ignore[arg-type]
    assert str(info.value) == message


def test_ht_to_ttc_is_exact_beyond_28_digits() -> None:
    # HT = 10^29 + 0.05 (32 digits); × 1.10 = 110 000…000.055 exactly, which rounds half up
    # to …000.06. With 28 digits the product would lose its cents.
    ht = "1" + "0" * 29 + ".05"
    assert ht_to_ttc(ht, "0.10") == Decimal("11" + "0" * 28 + ".06")


def test_format_decimal_beyond_28_digits() -> None:
    # 30 whole digits and one decimal: shown whole, grouped by three, at least 2 decimals.
    value = Decimal("123456789012345678901234567890.5")
    assert format_decimal(value) == "123 456 789 012 345 678 901 234 567 890,50"


@pytest.mark.parametrize(
    ("parts", "message"),
    [
        pytest.param(True, "parts: a boolean is not a number of shares", id="bool"),
        pytest.param(0, "parts: cannot split into 0 shares; give 1 or more", id="zero"),
        pytest.param("ab", "parts: give a list of labels, not a single string", id="string"),
        pytest.param([], "parts: no labels to split among; give 1 or more", id="no-labels"),
        pytest.param(["a", " "], "parts[1]: a label must be a non-empty string", id="blank"),
        pytest.param(["a", "a"], "parts[1]: label 'a' is given twice", id="twice"),
    ],
)
def test_split_exact_refusals_word_for_word(parts: object, message: str) -> None:
    with pytest.raises(MoneyError) as info:
        split_exact("10.00", parts)  # type: ignore[call-overload]
    assert str(info.value) == message


def test_format_decimal_with_no_decimal_places() -> None:
    # Cut to whole units: 12.5 shows as 12, marked "…" because it is not exact; 12 is exact.
    assert format_decimal(Decimal("12.5"), min_places=0, max_places=0) == "12…"
    assert format_decimal(Decimal("12"), min_places=0, max_places=0) == "12"
    assert format_decimal(Decimal("-1234.9"), min_places=0, max_places=0) == "-1 234…"
