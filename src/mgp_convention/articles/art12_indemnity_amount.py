"""Art. 12 al. 3: the amount the Métropole may claim, item by item.

The sentences encoded, verbatim:

    « la Métropole du Grand Paris peut exiger d'être indemnisée par le bénéficiaire,
    selon son préjudice. Le montant de cette indemnité peut notamment inclure un montant
    égal au coût total T.T.C du marché afférent à l'expérimentation prévue par la
    présente convention, divisé par le nombre de bénéficiaire ayant contractualisé avec
    la Métropole du Grand Paris pour participer à ladite expérimentation. »

The contract sets no lump sum and no limit other than the prejudice itself (« selon son
préjudice »: full compensation, no more). The **market share** — the market's total
cost all taxes included (TTC) divided by the number of beneficiaries — is an item the
claim « peut notamment inclure », to be justified as part of that prejudice like the
further items the Métropole lists. :func:`claimable_amount` returns the market share,
those items and their total as an itemised, explained :class:`Breakdown` of the amount
that may be claimed (:data:`NATURE`).

Money (RULES.md, "The Article 12 indemnity"): ``Decimal`` euros, floats refused; the
market share is rounded half up to the cent (Reg. (EC) 1103/97 art. 5,
:data:`~mgp_convention.money.ROUNDING`); a cost before tax (HT) is converted at a VAT
rate (default 20 %, CGI art. 278) before the division.

What is deliberately not encoded: the prejudice itself, a matter of fact and evidence.

>>> from decimal import Decimal
>>> from mgp_convention.articles.art12_beneficiaries import declared_count
>>> b = claimable_amount(market_total_from_ttc("100000.00"), declared_count(3))
>>> b.market_share, b.total  # 100 000.00 / 3 = 33 333.333… → 33 333.33
(Decimal('33333.33'), Decimal('33333.33'))
>>> print(b.steps[1].text.render("en"))
Market share = €100,000.00 ÷ 3 beneficiaries = 33,333.333333… → €33,333.33, rounded half up to the cent (Reg. (EC) 1103/97 art. 5)
>>> items = [PrejudiceItem("frais de relance", "1500")]
>>> claimable_amount(market_total_from_ttc("100000.01"), declared_count(2), items).total
Decimal('51500.01')

Why over 400 lines: the market share, the further items of the prejudice and their
total, each step explained in French and English; a tenth of it is the contract's
sentences quoted.
"""  # noqa: E501

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal, localcontext
from typing import Any, Final

import attrs
from cattrs.gen import make_dict_unstructure_fn, override

from mgp_convention._numbers import Euros, Number, Percent, Sum, digits_context
from mgp_convention.articles.art12_beneficiaries import BeneficiaryCount
from mgp_convention.errors import InvalidValue, MoneyError
from mgp_convention.i18n import N_, NP_, Message
from mgp_convention.money import (
    DEFAULT_VAT_RATE,
    ROUNDING,
    non_negative,
    parse_vat_rate,
    round_to_cent,
    total_of,
)
from mgp_convention.report_json import (
    bilingual,
    json_object,
    report_converter,
    report_hook,
    to_json,
)

__all__ = [
    "NATURE",
    "Breakdown",
    "MarketTotal",
    "PrejudiceItem",
    "Step",
    "claimable_amount",
    "market_total_from_ht",
    "market_total_from_ttc",
]

#: The article the amounts are checked under, for the errors.
_ARTICLE: Final = "Art. 12 al. 3"
#: « 1 bénéficiaire », « 3 bénéficiaires ».
_BENEFICIARIES: Final = NP_("{count} beneficiary", "{count} beneficiaries")


def _beneficiaries(count: int) -> Message:
    return Message.counted(_BENEFICIARIES, "count", {"count": count})


# --- the inputs -------------------------------------------------------------------------------


def _item_amount(value: Decimal | int | str) -> Decimal:
    return non_negative(value, article=_ARTICLE)  # the field: "amount"


def _item_label(_instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, str) or not value.strip():
        raise InvalidValue(
            "a prejudice item needs a label that says what it is",
            field=attribute.name,
            article=_ARTICLE,
        )


@attrs.frozen
class PrejudiceItem:
    """A further item of the Métropole's prejudice, besides the market share (« selon
    son préjudice »). ``amount`` is in euros, 0 or more, typed by a person
    (:func:`mgp_convention.money.non_negative`: a float, a comma or a third decimal is
    refused).

    >>> PrejudiceItem("frais de relance", "120.5")
    PrejudiceItem(label='frais de relance', amount=Decimal('120.50'))
    """

    label: str = attrs.field(validator=_item_label)
    amount: Decimal = attrs.field(converter=_item_amount)

    def to_json(self) -> dict[str, Any]:
        """``{"label", "amount"}``, the amount as a string with two decimals."""
        return json_object(self)


@attrs.frozen
class MarketTotal:
    """The total cost of the market, all taxes included (TTC), and where it comes from.

    ``ht`` and ``vat_rate`` are set when the TTC was computed from a cost before tax
    (:func:`market_total_from_ht`).
    """

    ttc: Decimal
    ht: Decimal | None = None
    vat_rate: Decimal | None = None

    def to_json(self) -> dict[str, Any]:
        """``{"market_total_ttc", "market_total_ht", "vat_rate"}`` (strings, or null)."""
        return json_object(self)


report_converter.register_unstructure_hook(
    MarketTotal,
    make_dict_unstructure_fn(
        MarketTotal,
        report_converter,
        ttc=override(rename="market_total_ttc"),
        ht=override(rename="market_total_ht"),
        # A rate, not an amount: every digit kept ("0.055"), never rounded to the cent.
        vat_rate=override(unstruct_hook=lambda rate: None if rate is None else f"{rate:f}"),
    ),
)


def market_total_from_ttc(
    ttc: Decimal | int | str, *, field: str = "market_total_ttc"
) -> MarketTotal:
    """The market total from its cost all taxes included: an amount ≥ 0.

    >>> market_total_from_ttc("180000").ttc
    Decimal('180000.00')
    """
    return MarketTotal(non_negative(ttc, field=field, article=_ARTICLE))


def market_total_from_ht(
    ht: Decimal | int | str,
    vat_rate: Decimal | int | str = DEFAULT_VAT_RATE,
    *,
    field: str = "market_total_ht",
    rate_field: str = "vat_rate",
) -> MarketTotal:
    """The market total TTC from its cost before tax (HT) at ``vat_rate`` (default 20 %).

    Art. 12 al. 3 divides the « coût total T.T.C du marché »: when only the HT cost is
    known, it is converted first, TTC = HT x (1 + rate) rounded half up to the cent
    (Reg. (EC) 1103/97 art. 5), then divided.

    >>> market_total_from_ht("83333.33").ttc  # 83 333.33 x 1.20 = 99 999.996
    Decimal('100000.00')
    """
    amount = non_negative(ht, field=field, article=_ARTICLE)
    rate = parse_vat_rate(vat_rate, field=rate_field)
    with localcontext(digits_context(amount)):
        ttc = round_to_cent(amount * (1 + rate))
    return MarketTotal(ttc, ht=amount, vat_rate=rate)


# --- the breakdown ------------------------------------------------------------------------------


@attrs.frozen
class Step:
    """One line of a breakdown: a stable ``code`` for programs, a ``text`` for people.

    Codes: ``market_total_ttc`` (HT converted), ``beneficiaries``, ``market_share``,
    ``other_count`` (the share with the other known number), ``item``, ``total``.
    """

    code: str
    text: Message

    def to_json(self) -> dict[str, Any]:
        """``{"code", "message", "message_en"}``."""
        return json_object(self)


@report_hook(Step)
def _step_json(step: Step) -> dict[str, Any]:
    # By hand: the text in both languages, under ``message``.
    return {"code": step.code, **bilingual("message", step.text)}


#: What the breakdown is, in the contract's words: an amount that may be claimed, each
#: item to be justified as part of the prejudice.
NATURE: Final = Message(
    N_(
        "What may be claimed: the Métropole may claim to be compensated according to its "
        "prejudice ({prejudice}), and the amount may include the market share ({include}). "
        "The market share is one item of that prejudice: like every further item, it is "
        "to be justified as part of it, and the prejudice itself is a matter of fact for "
        "the Métropole to establish."
    ),
    {"prejudice": "« selon son préjudice »", "include": "« peut notamment inclure »"},
)


def _rounded(exact: Decimal, rounded: Decimal, step: str, exact_step: str) -> str:
    return exact_step if exact == rounded else step


@attrs.frozen
class Breakdown:
    """The amount that may be claimed under Art. 12 al. 3, item by item.

    ``market_share``: the market total TTC ÷ the number of beneficiaries, rounded half
    up to the cent (``exact_share`` before rounding); ``items``: the further prejudice
    items; ``total``: their sum with the market share, exact. :attr:`steps` shows the
    arithmetic, :data:`NATURE` what the amount is.
    """

    market_total: MarketTotal
    beneficiaries: BeneficiaryCount
    exact_share: Decimal
    market_share: Decimal
    items: tuple[PrejudiceItem, ...]
    total: Decimal

    @property
    def steps(self) -> tuple[Step, ...]:
        """The arithmetic, one step a line."""
        return (
            *self._market_steps(),
            *(
                Step(
                    "item",
                    Message(
                        N_("Further prejudice « {label} »: {amount}"),
                        {"label": item.label, "amount": Euros(item.amount)},
                    ),
                )
                for item in self.items
            ),
            self._total_step(),
        )

    def _market_steps(self) -> list[Step]:
        market, count = self.market_total, self.beneficiaries
        steps = []
        if market.ht is not None and market.vat_rate is not None:
            exact = market.ht * (1 + market.vat_rate)
            steps.append(
                Step(
                    "market_total_ttc",
                    Message(
                        _rounded(
                            exact,
                            market.ttc,
                            N_(
                                "Market total incl. VAT = {ht} excl. VAT × {factor} (VAT at "
                                "{rate}) = {exact} → {ttc}, rounded half up to the cent ({rule})"
                            ),
                            N_(
                                "Market total incl. VAT = {ht} excl. VAT × {factor} (VAT at "
                                "{rate}) = {ttc}"
                            ),
                        ),
                        {
                            "ht": Euros(market.ht),
                            "factor": Number(1 + market.vat_rate),
                            "rate": Percent(market.vat_rate),
                            "exact": Number(exact),
                            "ttc": Euros(market.ttc),
                            "rule": ROUNDING.label,
                        },
                    ),
                )
            )
        steps.append(Step("beneficiaries", count.summary()))
        steps.append(
            Step(
                "market_share",
                Message(
                    _rounded(
                        self.exact_share,
                        self.market_share,
                        N_(
                            "Market share = {total} ÷ {beneficiaries} = {exact} → {share}, "
                            "rounded half up to the cent ({rule})"
                        ),
                        N_("Market share = {total} ÷ {beneficiaries} = {share}"),
                    ),
                    {
                        "total": Euros(market.ttc),
                        "beneficiaries": _beneficiaries(count.used),
                        "exact": Number(self.exact_share),
                        "share": Euros(self.market_share),
                        "rule": ROUNDING.label,
                    },
                ),
            )
        )
        other = count.other
        if other is not None:
            steps.append(
                Step(
                    "other_count",
                    Message(
                        N_("(With {beneficiaries} instead, the market share would be {share}.)"),
                        {
                            "beneficiaries": _beneficiaries(other),
                            "share": Euros(_share(market.ttc, other)[1]),
                        },
                    ),
                )
            )
        return steps

    def _total_step(self) -> Step:
        if not self.items:
            text = Message(
                N_("Amount that may be claimed = the market share = {total}"),
                {"total": Euros(self.total)},
            )
        else:
            amounts = (self.market_share, *(item.amount for item in self.items))
            text = Message(
                N_("Amount that may be claimed = {terms} = {total}"),
                {"terms": Sum(amounts), "total": Euros(self.total)},
            )
        return Step("total", text)

    def to_json(self) -> dict[str, Any]:
        """Amounts as strings with two decimals; the steps with codes and labels."""
        return json_object(self)


@report_hook(Breakdown)
def _breakdown_json(breakdown: Breakdown) -> dict[str, Any]:
    # By hand: the market total flattened in, the steps derived, the nature added; the
    # count of beneficiaries and the exact share left out.
    return {
        **json_object(breakdown.market_total),
        "market_share": to_json(breakdown.market_share),
        "items": to_json(breakdown.items),
        "total": to_json(breakdown.total),
        "steps": to_json(breakdown.steps),
        **bilingual("nature", NATURE),
    }


def _share(total: Decimal, count: int) -> tuple[Decimal, Decimal]:
    """The exact quotient and the market share (rounded half up to the cent)."""
    with localcontext(digits_context(total)):
        exact = total / Decimal(count)
    return exact, round_to_cent(exact)


def _items(items: Iterable[PrejudiceItem]) -> tuple[PrejudiceItem, ...]:
    checked = tuple(items)
    for index, item in enumerate(checked):
        if not isinstance(item, PrejudiceItem):
            raise MoneyError(
                f"expected a PrejudiceItem, got {type(item).__name__}",
                field=f"items[{index}]",
                article=_ARTICLE,
            )
    return checked


def claimable_amount(
    market_total: MarketTotal,
    beneficiaries: BeneficiaryCount,
    items: Sequence[PrejudiceItem] = (),
) -> Breakdown:
    """The amount that may be claimed: the market share, the further items, the total.

    « Le montant de cette indemnité peut notamment inclure un montant égal au coût total
    T.T.C du marché […] divisé par le nombre de bénéficiaire ayant contractualisé […] »
    — the market share is ``market_total.ttc / beneficiaries.used`` rounded half up to
    the cent; the total adds ``items`` to it exactly (never rounded again).

    >>> from mgp_convention.articles.art12_beneficiaries import declared_count
    >>> claimable_amount(market_total_from_ttc("90000"), declared_count(1)).market_share
    Decimal('90000.00')
    """
    if not isinstance(market_total, MarketTotal):
        raise MoneyError(
            f"expected a MarketTotal, got {type(market_total).__name__}",
            field="market_total",
            article=_ARTICLE,
        )
    if not isinstance(beneficiaries, BeneficiaryCount):
        raise InvalidValue(
            f"expected a BeneficiaryCount, got {type(beneficiaries).__name__}",
            field="beneficiaries",
            article=_ARTICLE,
        )
    listed = _items(items)
    exact, share = _share(market_total.ttc, beneficiaries.used)
    total = total_of((share, *(item.amount for item in listed)))
    return Breakdown(market_total, beneficiaries, exact, share, listed, total)
