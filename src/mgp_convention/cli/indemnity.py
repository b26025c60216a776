"""``mgp-convention indemnity``: the Art. 12 al. 3 indemnity, in two modes.

- **from figures** (:mod:`._indemnity_figures`): ``--market-total-ttc AMOUNT`` (or
  ``--market-total-ht AMOUNT [--vat-rate RATE]``) and ``--beneficiaries N``: the amount
  that may be claimed *if* the indemnity is due — its conditions are listed, not
  checked;
- **from a convention file** (:mod:`._indemnity_file`): ``indemnity FILE [--on DATE]
  [--portfolio DIR [--count-until claim|termination]]``: the file's events are replayed
  and every condition is checked on the events dated up to ``--on`` (default: today in
  Europe/Paris); the market figures are those in force that day, as amended (Art. 11);
  with a folder, the beneficiaries that contracted are counted from it.

Both take ``--item LABEL=AMOUNT`` (a further prejudice item, repeatable), ``--json``
and ``--lang fr|en``. This module reads the command line and picks the mode; a FILE
with the figures, or neither, is a usage error (exit 2), as is a malformed amount,
checked before any file is read.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
from collections.abc import Iterator, Sequence
from typing import Any, Final

from mgp_convention.articles.art12_beneficiaries import CountUntil
from mgp_convention.articles.art12_indemnity_amount import PrejudiceItem
from mgp_convention.cli._common import UsageError, add_lang, add_on
from mgp_convention.cli._parser import translate
from mgp_convention.errors import InvalidValue
from mgp_convention.i18n import N_, Message
from mgp_convention.money import DEFAULT_VAT_RATE

__all__ = ["parse_item", "register"]

_DESCRIPTION: Final = N_(
    "The indemnity the Métropole may claim under Art. 12 al. 3 after terminating a "
    "convention for a breach: whether it is due (every condition, each with the contract's "
    "words), and the amount that may be claimed, item by item — the market share (total "
    "cost of the market, all taxes included, divided by the number of beneficiaries that "
    "contracted, rounded half up to the cent), the further prejudice items, and their "
    "total. The market share is an item of the prejudice, to be justified like the others."
)
#: The two modes: how each is written (a block kept as written, 80 columns at most),
#: then what it does (a paragraph, wrapped to the terminal).
_HOW: Final = (
    N_(
        "1. from a convention file:\n"
        "     indemnity FILE [--on DATE]\n"
        "               [--portfolio DIR [--count-until claim|termination]]"
    ),
    N_(
        "The file's events are replayed (a refused event exits 1) and every condition is "
        "checked on the events dated up to --on (default: today in Europe/Paris): a "
        "termination in effect, decided by the Métropole for a named breach (ground breach, "
        "sanction or not ready), the breach impeding the experiment, its formal notice sent "
        "and its thirty days run out without a remedy in time. The market figures are those "
        "in force on --on, as amended (Art. 11). With --portfolio DIR, the beneficiaries "
        "that contracted are counted from the folder: the conventions for the same market "
        "signed by every party on or before --on (those since terminated or ended "
        "included), the file itself too; files that fail to load are warnings. Without a "
        "folder, the number declared in the market data is used."
    ),
    N_(
        "2. from figures:\n"
        "     indemnity --market-total-ttc AMOUNT | --market-total-ht AMOUNT\n"
        "               [--vat-rate RATE] --beneficiaries N"
    ),
    N_(
        "The amount that may be claimed IF the indemnity is due; its conditions are listed, "
        "not checked."
    ),
    N_("Both modes take --item LABEL=AMOUNT (repeatable), --json and --lang."),
)
_EPILOG: Final = (
    N_(
        "examples:\n"
        "  mgp-convention indemnity examples/04-rivebelle-resiliee.json --on 2026-08-01\n"
        "  mgp-convention indemnity examples/04-rivebelle-resiliee.json --on 2026-12-01 \\\n"
        '      --portfolio examples --item "frais de relance=1500.00" --json\n'
        "  mgp-convention indemnity --market-total-ttc 100000.00 --beneficiaries 3\n"
        "  mgp-convention indemnity --market-total-ht 83333.33 --vat-rate 0.20 \\\n"
        "      --beneficiaries 3 --lang en"
    ),
    N_("Amounts use a dot and at most two decimals (12.50, not 12,50 nor 1e3)."),
    N_("Exit codes: 0 computed (due or not), 1 invalid file or refused event, 2 usage error."),
)

#: The options of the computation from figures, which a FILE replaces.
_FIGURES = (
    ("--market-total-ttc", "market_total_ttc"),
    ("--market-total-ht", "market_total_ht"),
    ("--vat-rate", "vat_rate"),
    ("--beneficiaries", "beneficiaries"),
)
#: The options that apply only to a convention FILE.
_FILE_ONLY = (("--on", "on"), ("--portfolio", "portfolio"), ("--count-until", "count_until"))
#: The modules of the two modes, imported when they run.
_MODES = {
    "file": "mgp_convention.cli._indemnity_file",
    "figures": "mgp_convention.cli._indemnity_figures",
}


def _said(texts: Sequence[str]) -> str:
    """Texts of the help said in the command line's language, one paragraph each."""
    return "\n\n".join(translate(text) for text in texts)


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    """Add ``indemnity`` to the command line."""
    amount = translate(N_("AMOUNT"))
    parser = subparsers.add_parser(
        "indemnity",
        help=N_("compute the Art. 12 al. 3 indemnity, itemised"),
        description=_said((_DESCRIPTION, *_HOW)),
        epilog=_said(_EPILOG),
    )
    from_file = parser.add_argument_group(N_("1. from a convention file"))
    from_file.add_argument(
        "file",
        metavar=translate(N_("FILE")),
        nargs="?",
        default=None,
        help=N_("the convention file; '-' reads stdin"),
    )
    add_on(from_file, N_("the date of the claim, YYYY-MM-DD (default: today in Europe/Paris)"))
    from_file.add_argument(
        "--portfolio",
        metavar=translate(N_("DIR")),
        default=None,
        help=N_(
            "a folder of convention files: count the beneficiaries that contracted for the "
            "same market from it"
        ),
    )
    from_file.add_argument(
        "--count-until",
        choices=[until.value for until in CountUntil],
        default=None,
        help=N_(
            "with --portfolio, count the conventions signed on or before the date of the "
            "claim (claim, the default) or the date the termination took effect (termination)"
        ),
    )
    figures = parser.add_argument_group(N_("2. from figures"))
    figures.add_argument(
        "--market-total-ttc",
        metavar=amount,
        help=N_("total cost of the market, all taxes included, in euros (e.g. 100000.00)"),
    )
    figures.add_argument(
        "--market-total-ht",
        metavar=amount,
        help=N_("or its cost before tax, converted at --vat-rate first"),
    )
    figures.add_argument(
        "--vat-rate",
        metavar=translate(N_("RATE")),
        help=translate(
            N_("VAT rate for --market-total-ht, e.g. 0.20 or 20%% (default: {rate})"),
            rate=str(DEFAULT_VAT_RATE),
        ),
    )
    figures.add_argument(
        "--beneficiaries",
        metavar="N",
        help=N_("number of beneficiaries that contracted for the market (1 or more)"),
    )
    parser.add_argument(
        "--item",
        metavar=translate(N_("LABEL=AMOUNT")),
        action="append",
        default=[],
        help=N_("a further prejudice item, in euros; repeat for several (both modes)"),
    )
    parser.add_argument("--json", action="store_true", help=N_("print the result as JSON"))
    add_lang(parser)
    parser.set_defaults(run=_run)


def _run(args: argparse.Namespace) -> int:
    mode = _mode(args)
    items = tuple(parse_item(text) for text in args.item)  # usage errors before any file
    run: Any = importlib.import_module(_MODES[mode]).run
    code: int = run(args, items)
    return code


def _given(args: argparse.Namespace, options: Sequence[tuple[str, str]]) -> list[str]:
    return [option for option, dest in options if getattr(args, dest) is not None]


def _mode(args: argparse.Namespace) -> str:
    """``"file"`` or ``"figures"``: one or the other (usage errors, exit 2)."""
    figures = _given(args, _FIGURES)
    if args.file is not None:
        if figures:
            raise UsageError(
                Message(
                    N_(
                        "give a convention file or {options}, not both: with a file the "
                        "market figures come from the convention"
                    ),
                    {"options": "/".join(figures)},
                )
            )
        if args.count_until is not None and args.portfolio is None:
            raise UsageError(Message(N_("--count-until applies only with --portfolio")))
        return "file"
    file_only = _given(args, _FILE_ONLY)
    if file_only:
        raise UsageError(
            Message(
                N_("{options} applies only to a convention file"), {"options": "/".join(file_only)}
            )
        )
    if not figures:
        raise UsageError(
            Message(
                N_(
                    "give a convention file, or the market figures: --market-total-ttc "
                    "(or --market-total-ht) and --beneficiaries"
                )
            )
        )
    return "figures"


def parse_item(text: str, option: str = "--item") -> PrejudiceItem:
    """``LABEL=AMOUNT`` as a prejudice item (the amount follows the last ``=``); a usage
    error names ``option`` and the text given."""
    label, sep, amount = text.rpartition("=")
    field = f"{option} {text!r}"
    if not sep:
        raise UsageError(Message(_NO_AMOUNT, {"option": option}), field=field)
    if not label.strip():
        raise UsageError(Message(_NO_LABEL, {"option": option}), field=field)
    with as_usage_error(field):
        return PrejudiceItem(label.strip(), amount)


_NO_AMOUNT: Final = N_('no amount; write LABEL=AMOUNT, e.g. {option} "frais de relance=1500.00"')
_NO_LABEL: Final = N_('no label; write LABEL=AMOUNT, e.g. {option} "frais de relance=1500.00"')


@contextlib.contextmanager
def as_usage_error(field: str | None = None) -> Iterator[None]:
    """Turn an invalid value typed on the command line into a usage error (exit 2),
    naming the option (``field``) rather than the library's field."""
    try:
        yield
    except InvalidValue as err:
        raise UsageError(err.text, field=field or err.field, article=err.article) from None
