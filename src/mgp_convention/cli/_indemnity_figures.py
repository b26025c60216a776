"""``mgp-convention indemnity --market-total-ttc AMOUNT --beneficiaries N``: from figures.

The amount that may be claimed *if* the Art. 12 al. 3 indemnity is due: the market
share (the total TTC, or the total HT converted at the VAT rate, divided by the number
of beneficiaries given), the further items and their total. No convention is read, so
the conditions are listed as what must hold — assumed here, not checked.
"""

from __future__ import annotations

import argparse
from typing import Any

from mgp_convention._numbers import Euros
from mgp_convention.articles.art12_beneficiaries import BeneficiaryCount, declared_count
from mgp_convention.articles.art12_indemnity import (
    ART12_AL3,
    CONDITIONS,
    explain_breakdown,
)
from mgp_convention.articles.art12_indemnity_amount import (
    Breakdown,
    MarketTotal,
    PrejudiceItem,
    claimable_amount,
    market_total_from_ht,
    market_total_from_ttc,
)
from mgp_convention.cli._common import EXIT_OK, UsageError, lang_of, print_json
from mgp_convention.cli.indemnity import as_usage_error
from mgp_convention.i18n import N_, Lang, Message
from mgp_convention.money import DEFAULT_VAT_RATE
from mgp_convention.printable import printable
from mgp_convention.report_json import bilingual, json_object, to_json

__all__ = ["run"]

#: Said before the conditions, which are not checked in this mode.
ASSUMED = Message(
    N_("It is due only if all of these hold (assumed here, not checked):"),
)


def run(args: argparse.Namespace, items: tuple[PrejudiceItem, ...]) -> int:
    """Compute and print; exit 0 (a bad figure is a usage error, exit 2)."""
    breakdown = claimable_amount(_market_total(args), _beneficiaries(args.beneficiaries), items)
    if args.json:
        print_json(_figures_json(breakdown))
    else:
        print("\n".join(printable(line) for line in describe(breakdown, lang_of(args))))
    return EXIT_OK


def _market_total(args: argparse.Namespace) -> MarketTotal:
    ttc, ht, rate = args.market_total_ttc, args.market_total_ht, args.vat_rate
    if ttc is not None and ht is not None:
        raise UsageError(Message(N_("give --market-total-ttc or --market-total-ht, not both")))
    if ttc is None and ht is None:
        raise UsageError(
            Message(
                N_(
                    "give the market total: --market-total-ttc, or --market-total-ht "
                    "(converted at --vat-rate)"
                )
            )
        )
    if ttc is not None:
        if rate is not None:
            raise UsageError(Message(N_("--vat-rate applies only to --market-total-ht")))
        with as_usage_error():
            return market_total_from_ttc(ttc, field="--market-total-ttc")
    with as_usage_error():
        return market_total_from_ht(
            ht,
            DEFAULT_VAT_RATE if rate is None else rate,
            field="--market-total-ht",
            rate_field="--vat-rate",
        )


def _beneficiaries(text: str | None) -> BeneficiaryCount:
    if text is None:
        raise UsageError(
            Message(
                N_(
                    "missing; give the number of beneficiaries that contracted for the market "
                    "(1 or more)"
                )
            ),
            field="--beneficiaries",
        )
    text = text.strip()
    if not text.isascii() or not text.isdigit() or int(text) < 1:
        raise UsageError(
            Message(
                N_("{value} is not a number of beneficiaries; give a whole number, 1 or more"),
                {"value": repr(text)},
            ),
            field="--beneficiaries",
            article=ART12_AL3.label,
        )
    return declared_count(int(text), field="--beneficiaries")


def describe(breakdown: Breakdown, lang: Lang) -> list[str]:
    """The text output: the amount IF due, the conditions to check, the breakdown."""
    return [
        Message(
            N_(
                "{article} indemnity, computed from figures: amount that may be claimed IF "
                "the indemnity is due: {total}."
            ),
            {"article": ART12_AL3.label, "total": Euros(breakdown.total)},
        ).render(lang),
        ASSUMED.render(lang),
        *(f"  - {c.label(lang)} ({c.citation.label})" for c in CONDITIONS),
        *explain_breakdown(breakdown, lang),
        str(ART12_AL3),
    ]


def _figures_json(breakdown: Breakdown) -> dict[str, Any]:
    """``{"mode": "figures", "due": null, "assumed_due": true, …}``: the conditions are
    listed to be checked, not checked (so ``due`` is ``null``).

    An answer around the breakdown, not a value of its own: a function, not a hook.
    """
    return {
        "mode": "figures",
        "due": None,
        "assumed_due": True,
        **bilingual("note", ASSUMED),
        "article": ART12_AL3.label,
        "quote": ART12_AL3.text,
        "currency": "EUR",
        "conditions": to_json(CONDITIONS),
        "beneficiaries": to_json(breakdown.beneficiaries),
        **json_object(breakdown),
    }
