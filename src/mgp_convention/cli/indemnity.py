"""``mgp-convention indemnity``: the Art. 12 al. 3 indemnity, itemised.

One mode for now, the **quick computation** from figures given on the command line:
the termination facts are *assumed* to make the indemnity due (they are not checked),
so the output is the ceiling *if* it is due, with the conditions listed.

The command is built in two halves so that a second mode (``indemnity FILE``, from a
convention and its lifecycle) only adds a way to build an :class:`_Request`:
``_quick_request`` turns the options into a request, ``_print`` shows any request's
assessment.

Amounts are typed as plain decimals with a dot (``100000.00``); a float written with an
exponent (``1e3``), a comma (``12,50``), a negative amount, more than two decimals,
0 beneficiaries or an ``--item`` without ``=AMOUNT`` are usage errors (exit 2).
"""

from __future__ import annotations

import argparse
import contextlib
import re
from collections.abc import Iterator, Sequence
from decimal import Decimal
from typing import Any

import attrs

from mgp_convention.articles.art12_indemnity import (
    ART12_AL3,
    CEILING_NOTE,
    CONDITIONS,
    IndemnityAssessment,
    MarketTotal,
    PrejudiceItem,
    TerminationFacts,
    assess_indemnity,
    market_total_from_ht,
    market_total_from_ttc,
)
from mgp_convention.cli._common import EXIT_OK, UsageError, print_json
from mgp_convention.errors import InvalidValue
from mgp_convention.money import DEFAULT_VAT_RATE, format_euros, non_negative, parse_vat_rate

__all__ = ["register"]

_WHOLE_NUMBER = re.compile(r"\d+")


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    """Add ``indemnity`` to the command line."""
    parser = subparsers.add_parser(
        "indemnity",
        help="compute the Art. 12 al. 3 indemnity, itemised",
        description=(
            "Compute the indemnity the Métropole may claim under Art. 12 al. 3 after "
            "terminating a convention for a breach: the market share (total cost TTC of the "
            "market divided by the number of beneficiaries, rounded half up to the cent), "
            "any further prejudice items, and their total, each step shown. Quick "
            "computation: the termination facts are assumed to make the indemnity due; the "
            "result is the ceiling IF it is due, for the Métropole to decide from, not a "
            "verdict."
        ),
        epilog=(
            "examples:\n"
            "  mgp-convention indemnity --market-total-ttc 100000.00 --beneficiaries 3\n"
            "  mgp-convention indemnity --market-total-ht 83333.33 --vat-rate 0.20 "
            "--beneficiaries 3 \\\n"
            '      --item "frais de relance=1500.00" --json\n'
            "Amounts use a dot and at most two decimals (12.50, not 12,50 nor 1e3)."
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    quick = parser.add_argument_group("quick computation")
    quick.add_argument(
        "--market-total-ttc",
        metavar="AMOUNT",
        help="total cost of the market, all taxes included, in euros (e.g. 100000.00)",
    )
    quick.add_argument(
        "--market-total-ht",
        metavar="AMOUNT",
        help="total cost of the market before tax, converted to TTC at --vat-rate first",
    )
    quick.add_argument(
        "--vat-rate",
        metavar="RATE",
        help=f"VAT rate for --market-total-ht, e.g. 0.20 or 20%% (default {DEFAULT_VAT_RATE})",
    )
    quick.add_argument(
        "--beneficiaries",
        metavar="N",
        help="number of beneficiaries that signed a convention for the market (1 or more)",
    )
    quick.add_argument(
        "--item",
        metavar="LABEL=AMOUNT",
        action="append",
        default=[],
        help="a further prejudice item, in euros; repeat for several",
    )
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    parser.set_defaults(run=_run)


@attrs.frozen
class _Request:
    """What to assess, however it was obtained. ``assumed`` marks facts not checked."""

    facts: TerminationFacts
    market_total: MarketTotal
    beneficiaries: int
    items: tuple[PrejudiceItem, ...]
    assumed: bool


def _run(args: argparse.Namespace) -> int:
    request = _quick_request(args)
    assessment = assess_indemnity(
        request.facts,
        market_total_ttc=request.market_total,
        beneficiaries=request.beneficiaries,
        items=request.items,
    )
    _print(assessment, request, as_json=args.json)
    return EXIT_OK


# --- the quick computation: figures from the options ------------------------------------


def _quick_request(args: argparse.Namespace) -> _Request:
    return _Request(
        facts=TerminationFacts.assumed_due(),
        market_total=_market_total(args),
        beneficiaries=_beneficiaries(args.beneficiaries),
        items=tuple(_item(text) for text in args.item),
        assumed=True,
    )


def _market_total(args: argparse.Namespace) -> MarketTotal:
    ttc, ht, rate = args.market_total_ttc, args.market_total_ht, args.vat_rate
    if ttc is not None and ht is not None:
        raise UsageError("give --market-total-ttc or --market-total-ht, not both")
    if ttc is None and ht is None:
        raise UsageError(
            "give the market total: --market-total-ttc AMOUNT, "
            "or --market-total-ht AMOUNT [--vat-rate RATE]"
        )
    with _as_usage_error():
        if ttc is not None:
            if rate is not None:
                raise UsageError("--vat-rate applies only to --market-total-ht")
            return market_total_from_ttc(non_negative(ttc, field="--market-total-ttc"))
        amount = non_negative(ht, field="--market-total-ht")
        vat = DEFAULT_VAT_RATE if rate is None else parse_vat_rate(rate, field="--vat-rate")
        return market_total_from_ht(amount, vat)


def _beneficiaries(text: str | None) -> int:
    if text is None:
        raise UsageError(
            "missing; give the number of beneficiaries that signed a convention for the "
            "market (1 or more)",
            field="--beneficiaries",
        )
    text = text.strip()
    if not _WHOLE_NUMBER.fullmatch(text) or int(text) < 1:
        raise UsageError(
            f"{text!r} is not a number of beneficiaries; give a whole number, 1 or more",
            field="--beneficiaries",
            article=ART12_AL3.label,
        )
    return int(text)


def _item(text: str) -> PrejudiceItem:
    label, sep, amount = text.rpartition("=")
    field = f"--item {text!r}"
    if not sep:
        raise UsageError(
            'no amount; write LABEL=AMOUNT, e.g. --item "frais de relance=1500.00"',
            field=field,
        )
    if not label.strip():
        raise UsageError(
            'no label; write LABEL=AMOUNT, e.g. --item "frais de relance=1500.00"',
            field=field,
        )
    with _as_usage_error():
        return PrejudiceItem(label.strip(), non_negative(amount, field=field))


@contextlib.contextmanager
def _as_usage_error() -> Iterator[None]:
    """Turn an invalid value typed on the command line into a usage error (exit 2)."""
    try:
        yield
    except InvalidValue as err:
        raise UsageError(err.message, field=err.field, article=err.article) from None


# --- output -------------------------------------------------------------------------------


def _print(assessment: IndemnityAssessment, request: _Request, *, as_json: bool) -> None:
    if as_json:
        data: dict[str, Any] = {"mode": "quick" if request.assumed else "convention"}
        if request.assumed:
            data["assumed_due"] = True
            data["note"] = _assumption()
        data.update(assessment.to_json())
        print_json(data)
        return
    print("\n".join(_text(assessment, assumed=request.assumed)))


def _assumption() -> str:
    return (
        f"Quick computation: the ceiling IF the indemnity is due under {ART12_AL3.label}; "
        "its conditions are assumed, not checked."
    )


def _text(assessment: IndemnityAssessment, *, assumed: bool) -> Sequence[str]:
    if not assessment.due:  # not reachable in quick mode: the facts are assumed
        return [assessment.explain()]
    total = format_euros(assessment.total if assessment.total is not None else Decimal(0))
    lines = []
    if assumed:
        lines += [
            f"{ART12_AL3.label} indemnity, quick computation: a ceiling of {total} "
            "IF the indemnity is due,",
            "that is, only if all of these hold (assumed here, not checked):",
            *(f"  - {condition}" for condition in CONDITIONS),
        ]
    else:
        lines.append(f"{ART12_AL3.label} indemnity: may be claimed, up to {total}.")
    lines += ["Breakdown:", *(f"  {step}" for step in assessment.steps)]
    lines += [CEILING_NOTE, str(ART12_AL3)]
    return lines
