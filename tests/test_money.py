"""Money (Reg. (EC) 1103/97 art. 5): parsing, rounding half up, HT → TTC, exact split."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mgp_convention.errors import ConventionError, MoneyError
from mgp_convention.money import (
    CENT,
    DEFAULT_VAT_RATE,
    ROUNDING,
    VAT_RATE_SOURCE,
    euros,
    format_decimal,
    format_euros,
    ht_to_ttc,
    json_euros,
    non_negative,
    parse_vat_rate,
    round_to_cent,
    split_exact,
    total_of,
)

D = Decimal

# --- euros(): amounts typed by a person ----------------------------------------------

VALID_AMOUNTS = [
    ("12", D("12.00"), "a whole number of euros gets its two places"),
    ("12.5", D("12.50"), "one decimal is padded"),
    ("12.50", D("12.50"), "the usual form"),
    ("  7.10 ", D("7.10"), "surrounding blanks are ignored"),
    ("12.500", D("12.50"), "trailing zeros after the cent are not a third decimal"),
    ("-3.10", D("-3.10"), "euros() keeps the sign; non_negative() refuses it"),
    ("+4", D("4.00"), "an explicit plus sign"),
    ("-0", D("0.00"), "minus zero is zero"),
    ("0", D("0.00"), "zero"),
    (12, D("12.00"), "an int"),
    (D("7.1"), D("7.10"), "a Decimal"),
    (D("1E+3"), D("1000.00"), "a Decimal with an exponent is an exact number"),
    ("99999999999999999999999999.99", D("99999999999999999999999999.99"), "28 digits"),
]


@pytest.mark.parametrize(("value", "expected", "reason"), VALID_AMOUNTS)
def test_euros_accepts(value: Decimal | int | str, expected: Decimal, reason: str) -> None:
    amount = euros(value)
    assert amount == expected, reason
    assert amount.as_tuple().exponent == -2, "always exactly two places"
    assert str(amount) == str(expected)


INVALID_AMOUNTS = [
    (12.5, "a float is refused", 'string like "12.50"'),
    (0.1, "even a float that looks harmless", "float"),
    (True, "a bool is an int in Python but not an amount", "boolean"),
    ("12,50", "a French decimal comma", "dot"),
    ("1 000.00", "a thousands separator", "plain amount"),
    ("1e3", "an exponent typed by a person", "plain amount"),
    ("12.505", "a half cent typed by a person is a typo, not rounded", "more than two decimals"),
    ("0.001", "a tenth of a cent", "more than two decimals"),
    (D("12.345"), "a Decimal with a third decimal", "more than two decimals"),
    ("NaN", "not a number", "plain amount"),
    ("Infinity", "infinity", "plain amount"),
    (D("NaN"), "a Decimal NaN", "not an amount"),
    (D("-Infinity"), "a Decimal infinity", "not an amount"),
    ("", "nothing", "no amount"),
    ("   ", "blanks", "no amount"),
    ("12.", "a dot with no decimals", "plain amount"),
    (".5", "no digit before the dot", "plain amount"),
    ("12 €", "a currency sign", "plain amount"),
    (None, "not an amount at all", "expected an amount"),
    ([12], "a list", "expected an amount"),
    (D("1E+70"), "more digits than any amount", "too large"),
]


@pytest.mark.parametrize(("value", "reason", "message"), INVALID_AMOUNTS)
def test_euros_refuses(value: object, reason: str, message: str) -> None:
    with pytest.raises(MoneyError, match=message) as info:
        euros(value, field="$.market.total_ttc")  # type: ignore[arg-type]
    assert info.value.field == "$.market.total_ttc", reason
    assert isinstance(info.value, ConventionError)
    assert isinstance(info.value, ValueError)


def test_euros_default_field() -> None:
    with pytest.raises(MoneyError) as info:
        euros("12,50")
    assert info.value.field == "amount"
    assert str(info.value).startswith("amount: '12,50' has a comma")


def test_non_negative() -> None:
    assert non_negative("0") == D("0.00")
    assert non_negative("0.01") == D("0.01")
    assert non_negative(D("-0.00")) == D("0.00")  # minus zero is not negative
    with pytest.raises(MoneyError, match="negative") as info:
        non_negative("-0.01", field="total", article="Art. 12 al. 3")
    assert info.value.field == "total"
    assert info.value.article == "Art. 12 al. 3"
    with pytest.raises(MoneyError, match="float"):
        non_negative(1.0)  # type: ignore[arg-type]


# --- rounding computed results --------------------------------------------------------

ROUNDINGS = [
    (D("100000") / 3, D("33333.33"), "33 333.333… rounds down"),
    (D("200000") / 3, D("66666.67"), "66 666.666… rounds up"),
    (D("100000.01") / 2, D("50000.01"), "50 000.005 is half-way: rounds up (not to even)"),
    (D("0.125"), D("0.13"), "half-way rounds up even when the cent is even"),
    (D("0.135"), D("0.14"), "half-way rounds up when the cent is odd"),
    (D("0.0049999"), D("0.00"), "just under half a cent"),
    (D("-0.005"), D("-0.01"), "half-way away from zero for a negative result"),
    (D("-0.004"), D("0.00"), "a negative result rounding to zero is zero, not minus zero"),
    (D("12"), D("12.00"), "a whole number gets two places"),
    (7, D("7.00"), "an int"),
]


@pytest.mark.parametrize(("value", "expected", "reason"), ROUNDINGS)
def test_round_to_cent(value: Decimal, expected: Decimal, reason: str) -> None:
    assert str(round_to_cent(value)) == str(expected), reason


@pytest.mark.parametrize("value", [1.5, True, "1.5", D("NaN"), D("Infinity"), D("1E+80")])
def test_round_to_cent_refuses(value: object) -> None:
    with pytest.raises(MoneyError):
        round_to_cent(value)  # type: ignore[arg-type]


def test_rounding_cites_the_regulation() -> None:
    assert ROUNDING.label == "Reg. (EC) 1103/97 art. 5"
    assert "rounded up" in ROUNDING.text


# --- VAT --------------------------------------------------------------------------------


def test_default_vat_rate_is_the_standard_rate() -> None:
    assert D("0.20") == DEFAULT_VAT_RATE
    assert "20 %" in VAT_RATE_SOURCE.text
    assert VAT_RATE_SOURCE.label == "CGI art. 278"


RATES = [
    ("0.20", D("0.20"), "a fraction"),
    ("20%", D("0.20"), "a percentage with its sign"),
    ("20 %", D("0.20"), "a space before the sign"),
    ("5.5%", D("0.055"), "the reduced rate"),
    ("0.021", D("0.021"), "three decimals are fine for a rate"),
    (0, D("0"), "no VAT"),
    (D("0.1"), D("0.1"), "a Decimal"),
]


@pytest.mark.parametrize(("value", "expected", "reason"), RATES)
def test_parse_vat_rate(value: Decimal | int | str, expected: Decimal, reason: str) -> None:
    assert parse_vat_rate(value) == expected, reason


BAD_RATES = [
    ("20", "a percentage without its sign", "between 0 and 1"),
    (1, "100 % is not a VAT rate", "between 0 and 1"),
    ("100%", "100 % with its sign", "between 0 and 1"),
    ("-0.20", "a negative rate", "not a VAT rate"),
    ("0,20", "a comma", "use a dot"),
    (0.2, "a float", "float"),
    (False, "a bool", "boolean"),
    (D("NaN"), "NaN", "not a VAT rate"),
    (D("-0.1"), "a negative Decimal", "between 0 and 1"),
    (None, "nothing", "expected a VAT rate"),
    ("%", "only the sign", "not a VAT rate"),
]


@pytest.mark.parametrize(("value", "reason", "message"), BAD_RATES)
def test_parse_vat_rate_refuses(value: object, reason: str, message: str) -> None:
    with pytest.raises(MoneyError, match=message) as info:
        parse_vat_rate(value, field="--vat-rate")  # type: ignore[arg-type]
    assert info.value.field == "--vat-rate", reason


HT_TO_TTC = [
    ("83333.33", DEFAULT_VAT_RATE, D("100000.00"), "83 333.33 × 1.20 = 99 999.996 → 100 000.00"),
    ("1000", DEFAULT_VAT_RATE, D("1200.00"), "1 000 × 1.20 = 1 200 exactly"),
    ("1000", "5.5%", D("1055.00"), "1 000 × 1.055 = 1 055 exactly"),
    ("0.05", D("0.10"), D("0.06"), "0.05 × 1.10 = 0.055, half-way: rounds up"),
    ("0.04", D("0.10"), D("0.04"), "0.04 × 1.10 = 0.044 rounds down"),
    ("150000", 0, D("150000.00"), "no VAT: TTC = HT"),
]


@pytest.mark.parametrize(("ht", "rate", "expected", "reason"), HT_TO_TTC)
def test_ht_to_ttc(ht: str, rate: Decimal | int | str, expected: Decimal, reason: str) -> None:
    assert ht_to_ttc(ht, rate) == expected, reason


def test_ht_to_ttc_default_rate_and_errors() -> None:
    assert ht_to_ttc("100") == D("120.00")  # 100 × 1.20
    with pytest.raises(MoneyError, match="negative") as info:
        ht_to_ttc("-1")
    assert info.value.field == "ht"
    with pytest.raises(MoneyError, match="between 0 and 1"):
        ht_to_ttc("100", "20")
    with pytest.raises(MoneyError, match="float"):
        ht_to_ttc(100.0)  # type: ignore[arg-type]


# --- the exact split (largest remainder) -------------------------------------------------

SPLITS = [
    ("100000.00", 3, ("33333.34", "33333.33", "33333.33"), "1 cent left over goes to the first"),
    ("100000.00", 4, ("25000.00",) * 4, "even division: nothing left over"),
    ("100000.01", 2, ("50000.01", "50000.00"), "the odd cent goes to the first"),
    ("0.05", 3, ("0.02", "0.02", "0.01"), "2 cents left over: first and second"),
    ("0.02", 3, ("0.01", "0.01", "0.00"), "fewer cents than shares: the last gets nothing"),
    ("0.00", 2, ("0.00", "0.00"), "nothing to split"),
    ("180000", 1, ("180000.00",), "one share is the whole"),
    ("10", 7, ("1.43",) * 6 + ("1.42",), "1000 c = 7 × 142 + 6: six shares get a cent more"),
]


@pytest.mark.parametrize(("total", "parts", "expected", "reason"), SPLITS)
def test_split_exact(total: str, parts: int, expected: tuple[str, ...], reason: str) -> None:
    shares = split_exact(total, parts)
    assert tuple(str(s) for s in shares) == expected, reason
    assert sum(shares) == euros(total)


def test_split_exact_with_labels_follows_the_order_given() -> None:
    # 1.00 / 3 = 0.333…: each gets 0.33, 1 cent left over goes to the first label given.
    assert split_exact("1.00", ["Pantin", "Bondy", "Aubervilliers"]) == (
        ("Pantin", D("0.34")),
        ("Bondy", D("0.33")),
        ("Aubervilliers", D("0.33")),
    )
    # The same labels in another order: the cent follows the order, not the alphabet.
    assert split_exact("1.00", ("Bondy", "Pantin", "Aubervilliers"))[0] == ("Bondy", D("0.34"))


BAD_SPLITS = [
    ("100", 0, "0 shares", "parts"),
    ("100", -2, "negative count", "parts"),
    ("100", True, "a bool", "parts"),
    ("100", [], "no labels", "parts"),
    ("100", "abc", "a single string", "parts"),
    ("100", ["a", ""], "an empty label", "parts[1]"),
    ("100", ["a", "  "], "a blank label", "parts[1]"),
    ("100", ["a", "a"], "a label given twice", "parts[1]"),
    ("100", ["a", 3], "a label that is not text", "parts[1]"),
    ("-1", 2, "a negative total", "total"),
    (1.5, 2, "a float total", "total"),
    ("1.005", 2, "a total with a third decimal", "total"),
]


@pytest.mark.parametrize(("total", "parts", "reason", "field"), BAD_SPLITS)
def test_split_exact_refuses(total: object, parts: object, reason: str, field: str) -> None:
    with pytest.raises(MoneyError) as info:
        split_exact(total, parts)  # type: ignore[call-overload]
    assert info.value.field == field, reason


# --- display ----------------------------------------------------------------------------

FORMATS = [
    (D("50000.01"), "50 000,01 €"),
    (D("1234567.8"), "1 234 567,80 €"),
    (D("999.99"), "999,99 €"),
    (D("0"), "0,00 €"),
    (D("-1500"), "-1 500,00 €"),
    (D("-0.00"), "0,00 €"),
    (D("0.005"), "0,01 €"),  # a computed value is rounded half up for display
]


@pytest.mark.parametrize(("amount", "expected"), FORMATS)
def test_format_euros(amount: Decimal, expected: str) -> None:
    assert format_euros(amount) == expected


def test_format_euros_typeset() -> None:
    assert format_euros(D("50000.01"), space="\u202f") == "50\u202f000,01\u202f€"


JSON = [
    (D("50000.01"), "50000.01"),
    (D("12.5"), "12.50"),
    (D("1E+3"), "1000.00"),
    (D("-0.00"), "0.00"),
    (D("50000.005"), "50000.01"),  # rounded half up
    (D("123456789012345678901234.5"), "123456789012345678901234.50"),  # never an exponent
]


@pytest.mark.parametrize(("amount", "expected"), JSON)
def test_json_euros(amount: Decimal, expected: str) -> None:
    assert json_euros(amount) == expected


FORMAT_DECIMAL = [
    (D("100000") / 3, "33 333,333333…", "cut after six places, with an ellipsis"),
    (D("50000.005"), "50 000,005", "exact: no ellipsis, no rounding"),
    (D("12"), "12,00", "at least two places"),
    (D("99999.996"), "99 999,996", "three places shown as they are"),
    (D("-2") / 3, "-0,666666…", "negative, cut towards zero"),
]


@pytest.mark.parametrize(("value", "expected", "reason"), FORMAT_DECIMAL)
def test_format_decimal(value: Decimal, expected: str, reason: str) -> None:
    assert format_decimal(value) == expected, reason


def test_format_decimal_min_places() -> None:
    assert format_decimal(D("20.00"), min_places=0) == "20"
    assert format_decimal(D("5.50"), min_places=0) == "5,5"


# --- properties -----------------------------------------------------------------------

cents = st.integers(min_value=0, max_value=10**15)
amounts = cents.map(lambda c: Decimal(c).scaleb(-2).quantize(CENT))


@given(total=amounts, parts=st.integers(min_value=1, max_value=500))
def test_split_sums_exactly_and_shares_differ_by_at_most_a_cent(total: Decimal, parts: int) -> None:
    shares = split_exact(total, parts)
    assert len(shares) == parts
    assert sum(shares, Decimal("0.00")) == total
    assert max(shares) - min(shares) <= CENT
    assert list(shares) == sorted(shares, reverse=True)  # leftover cents go first
    assert all(share.as_tuple().exponent == -2 for share in shares)


@given(
    total=amounts,
    labels=st.lists(st.text(min_size=1).filter(str.strip), unique=True, min_size=1, max_size=20),
)
def test_split_with_labels_keeps_the_labels_and_their_order(
    total: Decimal, labels: list[str]
) -> None:
    shares = split_exact(total, labels)
    assert [label for label, _ in shares] == labels
    assert sum((amount for _, amount in shares), Decimal("0.00")) == total


@given(total=amounts, parts=st.integers(min_value=1, max_value=10_000))
def test_rounded_share_times_n_is_within_n_half_cents_of_the_total(
    total: Decimal, parts: int
) -> None:
    share = round_to_cent(total / parts)
    # |share − total/N| ≤ half a cent, so |share × N − total| ≤ N half-cents.
    assert abs(share * parts - total) <= parts * CENT / 2


@given(cents=st.integers(min_value=-(10**20), max_value=10**20))
def test_euros_round_trip_via_str(cents: int) -> None:
    amount = euros(Decimal(cents).scaleb(-2))
    assert euros(str(amount)) == amount
    assert str(euros(str(amount))) == str(amount)
    assert euros(json_euros(amount)) == amount


@given(
    value=st.decimals(
        allow_nan=False, allow_infinity=False, places=6, min_value=-(10**12), max_value=10**12
    )
)
def test_round_to_cent_is_within_half_a_cent(value: Decimal) -> None:
    rounded = round_to_cent(value)
    assert abs(rounded - value) <= CENT / 2
    assert rounded.as_tuple().exponent == -2


@given(value=st.floats(allow_nan=False))
def test_euros_refuses_every_float(value: float) -> None:
    with pytest.raises(MoneyError, match="float"):
        euros(value)  # type: ignore[arg-type]


def test_total_of_by_hand() -> None:
    # 0.10 + 0.20 = 0.30 exactly (as binary floats it would not be).
    assert total_of([Decimal("0.10"), Decimal("0.20")]) == Decimal("0.30")
    assert str(total_of([])) == "0.00"
    # 10^26 € + 3 × 0.02 €: 29 digits, one more than Python's default context keeps.
    huge = Decimal("1" + "0" * 26 + ".00")
    assert str(total_of([huge, *[Decimal("0.02")] * 3])) == "1" + "0" * 26 + ".06"
    # 60 nines twice: 99.99 × 2 = 199.98, so "1", 58 nines, ".98" (61 digits), exact.
    nines = Decimal("9" * 58 + ".99")
    assert str(total_of([nines, nines])) == "1" + "9" * 58 + ".98"


@given(st.lists(st.integers(min_value=-(10**40), max_value=10**40), max_size=20))
def test_total_of_is_exact(cents: list[int]) -> None:
    amounts = [Decimal(f"{c}E-2") for c in cents]  # exact: no context involved
    total = total_of(amounts)
    assert Fraction(total) == sum((Fraction(c, 100) for c in cents), Fraction(0))
    assert total.as_tuple().exponent == -2


# --- the refusals say what to write instead (the wording is the point: a person reads
# it and corrects the value), and the arithmetic stays exact far beyond Python's default
# 28 digits (the package computes in a context of 60). Each value computed by hand.

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
def test_an_amount_that_cannot_be_used_is_refused_saying_how_to_write_it(
    value: object, message: str
) -> None:
    with pytest.raises(MoneyError) as info:
        euros(value)  # type: ignore[arg-type]
    assert str(info.value) == message


def test_an_amount_of_forty_digits_keeps_every_digit() -> None:
    # 40 nines are a valid amount: nothing is rounded at 28 digits.
    assert euros(FORTY_NINES) == Decimal(FORTY_NINES + ".00")
    assert str(euros(FORTY_NINES)) == FORTY_NINES + ".00"


def test_a_negative_amount_is_refused_naming_the_amount() -> None:
    with pytest.raises(MoneyError) as info:
        non_negative("-1")
    assert str(info.value) == "amount: -€1.00 is negative; an amount here is 0 or more"
    assert info.value.render("fr").replace("\u202f", " ").replace("\xa0", " ") == (
        "amount: le montant -1,00 € est négatif ; un montant est ici de 0 ou plus"
    )


@pytest.mark.parametrize(
    ("value", "message"),
    [
        pytest.param("1", "expected a Decimal to round, not str", id="text"),
        pytest.param(Decimal("NaN"), "NaN is not an amount", id="nan"),
        pytest.param(Decimal("1E+60"), "1E+60 is too large to be an amount", id="huge"),
    ],
)
def test_rounding_to_the_cent_refuses_what_is_not_an_amount(value: object, message: str) -> None:
    with pytest.raises(MoneyError) as info:
        round_to_cent(value)  # type: ignore[arg-type]
    assert str(info.value) == message


def test_rounding_to_the_cent_half_up_at_forty_digits() -> None:
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
def test_a_vat_rate_that_cannot_be_used_is_refused_saying_how_to_write_it(
    value: object, message: str
) -> None:
    with pytest.raises(MoneyError) as info:
        parse_vat_rate(value)  # type: ignore[arg-type]
    assert str(info.value) == message


def test_ht_to_ttc_is_exact_beyond_28_digits_and_rounds_half_up() -> None:
    # HT = 10^29 + 0.05 (32 digits); × 1.10 = 110 000…000.055 exactly, which rounds half up
    # to …000.06. With 28 digits the product would lose its cents.
    ht = "1" + "0" * 29 + ".05"
    assert ht_to_ttc(ht, "0.10") == Decimal("11" + "0" * 28 + ".06")


def test_a_thirty_digit_amount_is_shown_whole_and_grouped() -> None:
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
def test_a_split_that_cannot_be_made_is_refused_naming_the_parts(
    parts: object, message: str
) -> None:
    with pytest.raises(MoneyError) as info:
        split_exact("10.00", parts)  # type: ignore[call-overload]
    assert str(info.value) == message


def test_whole_units_mark_an_inexact_amount() -> None:
    # Cut to whole units: 12.5 shows as 12, marked "…" because it is not exact; 12 is exact.
    assert format_decimal(Decimal("12.5"), min_places=0, max_places=0) == "12…"
    assert format_decimal(Decimal("12"), min_places=0, max_places=0) == "12"
    assert format_decimal(Decimal("-1234.9"), min_places=0, max_places=0) == "-1 234…"


def test_an_amount_that_is_not_plain_digits_is_refused_with_the_text_typed() -> None:
    # « 12 abc » (a word in the amount) and « 1e3 » (an exponent) are not amounts a person
    # writes in a claim: refused, naming the field and repeating what was typed.
    for typed in ("12 abc", "1e3"):
        with pytest.raises(MoneyError) as caught:
            euros(typed, field="items[0].amount")
        assert caught.value.render("en") == (
            f"items[0].amount: {typed!r} is not a plain amount; write digits with an optional "
            'dot, like "1000.00"'
        )
        assert caught.value.render("fr") == (
            f"items[0].amount: {typed!r} n'est pas un montant simple : écrivez des chiffres, "
            'avec au besoin un point, par ex. "1000.00"'
        )


def test_a_split_into_something_that_is_not_a_count_nor_labels_is_refused() -> None:
    # A caller's mistake (a float, nothing): the package's error, naming `parts`.
    for parts, kind in ((3.0, "float"), (None, "NoneType")):
        with pytest.raises(MoneyError) as caught:
            split_exact(Decimal("100"), parts)  # type: ignore[arg-type]
        assert caught.value.field == "parts"
        assert caught.value.render("en") == (
            f"parts: expected a number of shares (int) or a list of labels, got {kind}"
        )
