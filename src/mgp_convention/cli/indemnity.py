"""``mgp-convention indemnity``: the Art. 12 al. 3 indemnity, itemised.

Two modes, one output:

- the **quick computation** from figures given on the command line
  (``--market-total-ttc``/``--market-total-ht`` and ``--beneficiaries``): the termination
  facts are *assumed* to make the indemnity due (they are not checked), so the output is
  the ceiling *if* it is due, with the conditions listed;
- the **convention** mode, ``indemnity FILE [--on DATE] [--portfolio DIR]``: the file's
  events are replayed through the lifecycle (a refused event exits 1, as ``status``
  does), the termination facts are those of the events dated up to ``--on`` (default:
  today in Europe/Paris), and the market figures those in force on ``--on``, as amended
  (Art. 11). With ``--portfolio DIR`` the beneficiaries that signed a convention for the
  same market are also counted from the folder; files that fail to load are reported
  as warnings (one line each) and not counted.

Each mode builds an :class:`_Request` (``_quick_request``, ``_file_request``) and
``_print`` shows any request's assessment. Giving a FILE with the quick figures, or
neither, is a usage error (exit 2).

Amounts are typed as plain decimals with a dot (``100000.00``); a float written with an
exponent (``1e3``), a comma (``12,50``), a negative amount, more than two decimals,
0 beneficiaries or an ``--item`` without ``=AMOUNT`` are usage errors (exit 2).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import re
import sys
from collections.abc import Iterator, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs

from mgp_convention._words import quantity
from mgp_convention.articles.art12_indemnity import (
    ART12_AL2,
    ART12_AL3,
    CEILING_NOTE,
    CONDITIONS,
    BeneficiaryCount,
    IndemnityAssessment,
    MarketTotal,
    PrejudiceItem,
    TerminationFacts,
    assess_indemnity,
    beneficiary_count,
    count_signed_beneficiaries,
    market_total_from_ht,
    market_total_from_ttc,
)
from mgp_convention.cli._common import (
    EXIT_OK,
    UsageError,
    date_argument,
    print_json,
    read_convention,
    today_in_paris,
)
from mgp_convention.errors import ConventionError, InvalidValue, LoadError
from mgp_convention.io import load_folder
from mgp_convention.lifecycle import Lifecycle
from mgp_convention.money import DEFAULT_VAT_RATE, format_euros, non_negative, parse_vat_rate
from mgp_convention.states import State

__all__ = ["register"]

_WHOLE_NUMBER = re.compile(r"\d+")

_DESCRIPTION = """\
Compute the indemnity the Métropole may claim under Art. 12 al. 3 after terminating a
convention for a breach: the market share (total cost TTC of the market divided by the
number of beneficiaries, rounded half up to the cent), any further prejudice items, and
their total, each step shown. The result is a ceiling for the Métropole to decide from,
not a verdict.

Two modes:
  FILE  a real convention. Its events are replayed (a refused event exits 1), the
        conditions of Art. 12 al. 3 are checked on the events dated up to --on
        (terminated for a breach or under Art. 9; the breach impeding the experiment;
        not remedied within the remedy period), and the market figures are those in
        force on --on, as amended (Art. 11). With --portfolio DIR, the beneficiaries
        that signed a convention for the same market (both signatures on or before
        --on) are also counted from the folder; the declared figure is used and a
        difference is noted.
  --market-total-ttc AMOUNT (or --market-total-ht AMOUNT) with --beneficiaries N
        quick computation: the termination facts are assumed to make the indemnity
        due, not checked; the result is the ceiling IF it is due.
Give one mode or the other, not both."""

_EPILOG = """\
examples:
  mgp-convention indemnity examples/04-rivebelle-resiliee.json --on 2026-08-01
  mgp-convention indemnity ma-convention.json --portfolio conventions/ \\
      --item "frais de relance=1500.00" --json
  mgp-convention indemnity --market-total-ttc 100000.00 --beneficiaries 3
  mgp-convention indemnity --market-total-ht 83333.33 --vat-rate 0.20 --beneficiaries 3 \\
      --item "frais de relance=1500.00" --json
Amounts use a dot and at most two decimals (12.50, not 12,50 nor 1e3).
Exit codes: 0 computed (due or not), 1 invalid file or refused event, 2 usage error."""

#: The options of the quick computation, which a FILE replaces.
_QUICK_OPTIONS = (
    ("--market-total-ttc", "market_total_ttc"),
    ("--market-total-ht", "market_total_ht"),
    ("--vat-rate", "vat_rate"),
    ("--beneficiaries", "beneficiaries"),
)
#: The options that apply only to a convention FILE.
_FILE_OPTIONS = (("--on", "on"), ("--portfolio", "portfolio"))


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    """Add ``indemnity`` to the command line."""
    parser = subparsers.add_parser(
        "indemnity",
        help="compute the Art. 12 al. 3 indemnity, itemised",
        description=_DESCRIPTION,
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    convention = parser.add_argument_group("a convention file")
    convention.add_argument(
        "file",
        metavar="FILE",
        nargs="?",
        default=None,
        help="the convention file ('-' reads stdin); its events and market data are used",
    )
    convention.add_argument(
        "--on",
        type=date_argument,
        default=None,
        metavar="DATE",
        help="the date to assess on, YYYY-MM-DD (default: today in Europe/Paris)",
    )
    convention.add_argument(
        "--portfolio",
        metavar="DIR",
        default=None,
        help="a folder of convention files: count the beneficiaries of the same market "
        "signed by both parties on --on",
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
    parser.add_argument(
        "--item",
        metavar="LABEL=AMOUNT",
        action="append",
        default=[],
        help="a further prejudice item, in euros; repeat for several (both modes)",
    )
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    parser.set_defaults(run=_run)


@attrs.frozen
class _Portfolio:
    """What a ``--portfolio`` folder gave: files read, files failed, the count."""

    folder: str
    loaded: int
    failed: int
    for_market: int
    counted: int

    def to_json(self) -> dict[str, Any]:
        return {
            "folder": self.folder,
            "files_loaded": self.loaded,
            "files_failed": self.failed,
            "files_for_market": self.for_market,
            "signed_by_both": self.counted,
        }


@attrs.frozen
class _Source:
    """Where a convention-mode request comes from: the file, the date, what was read."""

    file: str
    reference: str
    on: dt.date
    state: State
    market_reference: str
    amended_since: dt.date | None
    portfolio: _Portfolio | None = None


@attrs.frozen
class _Request:
    """What to assess, however it was obtained. ``assumed`` marks facts not checked;
    ``source`` is set in the convention mode."""

    facts: TerminationFacts
    market_total: MarketTotal
    beneficiaries: int | BeneficiaryCount
    items: tuple[PrejudiceItem, ...]
    assumed: bool
    source: _Source | None = None


def _run(args: argparse.Namespace) -> int:
    _check_mode(args)
    request = _file_request(args) if args.file is not None else _quick_request(args)
    assessment = assess_indemnity(
        request.facts,
        market_total_ttc=request.market_total,
        beneficiaries=request.beneficiaries,
        items=request.items,
    )
    _print(assessment, request, as_json=args.json)
    return EXIT_OK


def _given(args: argparse.Namespace, options: Sequence[tuple[str, str]]) -> list[str]:
    return [option for option, dest in options if getattr(args, dest) is not None]


def _check_mode(args: argparse.Namespace) -> None:
    """One mode or the other: a FILE, or the quick figures (usage errors, exit 2)."""
    quick = _given(args, _QUICK_OPTIONS)
    if args.file is not None:
        if quick:
            raise UsageError(
                f"give a convention FILE or {'/'.join(quick)}, not both: with a FILE the "
                "market figures come from the convention"
            )
        return
    file_only = _given(args, _FILE_OPTIONS)
    if file_only:
        raise UsageError(f"{'/'.join(file_only)} applies only to a convention FILE")
    if not quick:
        raise UsageError(
            "give a convention FILE, or the market figures for a quick computation: "
            "--market-total-ttc AMOUNT (or --market-total-ht AMOUNT) --beneficiaries N"
        )


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


# --- the convention mode: facts from the lifecycle, figures from the market data ---------


def _file_request(args: argparse.Namespace) -> _Request:
    items = tuple(_item(text) for text in args.item)  # usage errors before reading files
    on: dt.date = args.on if args.on is not None else today_in_paris()
    convention = read_convention(args.file)
    lifecycle = Lifecycle.from_convention(convention)  # a refused event: exit 1
    terms = lifecycle.terms_on(on)
    market = terms.market
    portfolio = None
    if args.portfolio is not None:
        portfolio = _count_portfolio(args.portfolio, market.reference, on)
    return _Request(
        facts=lifecycle.termination_facts(on),
        market_total=market_total_from_ttc(market.total_ttc),
        beneficiaries=beneficiary_count(
            market.beneficiaries, None if portfolio is None else portfolio.counted
        ),
        items=items,
        assumed=False,
        source=_Source(
            file=args.file,
            reference=convention.reference,
            on=on,
            state=lifecycle.status(on).state,
            market_reference=market.reference,
            amended_since=terms.since,
            portfolio=portfolio,
        ),
    )


def _count_portfolio(folder: str, market_reference: str, on: dt.date) -> _Portfolio:
    found = load_folder(folder)  # not a folder: exit 1
    for path, err in found.failed:
        _warn(path, err)
    conventions = [convention for _, convention in found.loaded]
    return _Portfolio(
        folder=folder,
        loaded=len(found.loaded),
        failed=len(found.failed),
        for_market=sum(1 for c in conventions if c.market.reference == market_reference),
        counted=count_signed_beneficiaries(conventions, market_reference, on=on),
    )


def _warn(path: Path, err: ConventionError) -> None:
    """One line on stderr for a portfolio file that did not load."""
    problems = err.problems if isinstance(err, LoadError) and err.problems else (err,)
    first = (str(problems[0]).splitlines() or ["invalid convention"])[0]
    more = len(problems) - 1
    also = f" (and {quantity(more, 'more problem', lang='en')})" if more else ""
    print(f"warning: {path}: {first}{also}; not counted", file=sys.stderr)


# --- output -------------------------------------------------------------------------------


def _print(assessment: IndemnityAssessment, request: _Request, *, as_json: bool) -> None:
    if as_json:
        print_json(_json(assessment, request))
        return
    print("\n".join(_text(assessment, request)))


def _json(assessment: IndemnityAssessment, request: _Request) -> dict[str, Any]:
    data: dict[str, Any] = {"mode": "quick" if request.assumed else "convention"}
    if request.assumed:
        data["assumed_due"] = True
        data["note"] = _assumption()
    source = request.source
    if source is not None:
        data.update(
            {
                "file": source.file,
                "reference": source.reference,
                "on": source.on.isoformat(),
                "state": source.state.value,
                "facts": _facts_json(request.facts),
                "market_reference": source.market_reference,
                "market_amended_on": _iso(source.amended_since),
            }
        )
    data.update(assessment.to_json())
    if source is not None:
        count = assessment.beneficiaries
        data["beneficiaries"] = {
            "declared": count.declared,
            "counted": count.counted,
            "used": count.used,
            "source": count.source,
            "note": count.note,
            "portfolio": None if source.portfolio is None else source.portfolio.to_json(),
        }
    return data


def _iso(day: dt.date | None) -> str | None:
    return None if day is None else day.isoformat()


def _facts_json(facts: TerminationFacts) -> dict[str, Any]:
    return {
        "ground": None if facts.ground is None else facts.ground.value,
        "terminated_on": _iso(facts.terminated_on),
        "breach_impedes_experiment": facts.breach_impedes_experiment,
        "remedied_in_time": facts.remedied_in_time,
        "remedy_deadline": _iso(facts.remedy_deadline),
    }


def _assumption() -> str:
    return (
        f"Quick computation: the ceiling IF the indemnity is due under {ART12_AL3.label}; "
        "its conditions are assumed, not checked."
    )


def _text(assessment: IndemnityAssessment, request: _Request) -> Sequence[str]:
    source = request.source
    lines = [] if source is None else [_headline(source)]
    if not assessment.due:  # not reachable in quick mode: the facts are assumed
        lines.append(assessment.explain())
        if source is not None:
            lines += _context(assessment, request.facts, source)
        return lines
    total = format_euros(assessment.total if assessment.total is not None else Decimal(0))
    if request.assumed:
        lines += [
            f"{ART12_AL3.label} indemnity, quick computation: a ceiling of {total} "
            "IF the indemnity is due,",
            "that is, only if all of these hold (assumed here, not checked):",
            *(f"  - {condition}" for condition in CONDITIONS),
        ]
    else:
        lines += [
            f"{ART12_AL3.label} indemnity: may be claimed, up to {total}.",
            "Every condition holds:",
            *(f"  - {condition}" for condition in CONDITIONS),
        ]
    if source is not None:
        lines += _context(assessment, request.facts, source)
    lines += ["Breakdown:", *(f"  {step}" for step in assessment.steps)]
    lines += [CEILING_NOTE, str(ART12_AL3)]
    return lines


def _headline(source: _Source) -> str:
    state = source.state
    return (
        f"{source.reference} ({source.file}) on {source.on.isoformat()}: "
        f"{state.value} — {state.label_fr}"
    )


def _context(
    assessment: IndemnityAssessment, facts: TerminationFacts, source: _Source
) -> list[str]:
    """What the convention mode read: the facts, the market, the beneficiaries."""
    on = source.on.isoformat()
    lines = [f"Facts, from the events dated up to {on}:"]
    if facts.ground is None:
        lines.append("  Termination: none")
    else:
        when = "" if facts.terminated_on is None else f" on {facts.terminated_on.isoformat()}"
        lines.append(f"  Termination{when}, ground '{facts.ground.value}'")
    if facts.breach_impedes_experiment is None:
        lines.append("  Breach: none recorded")
    else:
        impedes = "impeding" if facts.breach_impedes_experiment else "not impeding"
        remedied = "remedied in time" if facts.remedied_in_time else "not remedied"
        lines.append(f"  Breach: recorded as {impedes} the experiment; {remedied}")
    if facts.remedy_deadline is not None:
        lines.append(f"  Remedy deadline ({ART12_AL2.label}): {facts.remedy_deadline.isoformat()}")
    amended = (
        "as signed"
        if source.amended_since is None
        else f"as amended on {source.amended_since.isoformat()} (Art. 11)"
    )
    count = assessment.beneficiaries
    lines += [
        f"Market {source.market_reference}, {amended}: "
        f"{format_euros(assessment.market_total.ttc)} TTC, "
        f"{quantity(count.declared, 'beneficiary', 'beneficiaries', lang='en')} declared",
    ]
    portfolio = source.portfolio
    if portfolio is not None:
        failed = (
            f", {portfolio.failed} could not be loaded (not counted)" if portfolio.failed else ""
        )
        lines.append(
            f"Portfolio {portfolio.folder}: {quantity(portfolio.loaded, 'file', lang='en')} "
            f"loaded and counted{failed}; {portfolio.for_market} for this market, "
            f"{quantity(portfolio.counted, 'beneficiary', 'beneficiaries', lang='en')} "
            f"signed by both parties on or before {on}"
        )
    lines.append(f"Beneficiaries used: {count.used} ({count.source})")
    if count.note:
        lines.append(f"  Note: {count.note}")
    return lines
