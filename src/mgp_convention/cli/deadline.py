"""``mgp-convention deadline SENT``: the Art. 12 al. 2 remedy deadline for a letter sent on SENT."""

from __future__ import annotations

import argparse
import datetime as dt
from typing import Any

from mgp_convention.articles.art12_remedy import (
    REMEDY_PERIOD_DAYS,
    RemedyOptions,
    remedy_deadline,
)
from mgp_convention.calendar import parse_date_or_datetime
from mgp_convention.cli._common import (
    EXIT_OK,
    UsageError,
    add_lang,
    date_argument,
    lang_of,
    print_json,
)
from mgp_convention.cli._parser import speaking_lang, translate
from mgp_convention.errors import ConventionError
from mgp_convention.i18n import N_, lang_from_environment
from mgp_convention.report_json import to_json

#: The placeholder of the date of sending, the positional argument.
_SENT = N_("SENT")


def _date_or_datetime(text: str) -> dt.date:
    """An argparse ``type=``: ``YYYY-MM-DD`` or an ISO datetime with its UTC offset."""
    try:
        return parse_date_or_datetime(text, field="date")
    except ConventionError as err:
        lang = speaking_lang() or lang_from_environment()
        raise argparse.ArgumentTypeError(err.explanation(lang)) from None


def _days(text: str) -> int:
    """An argparse ``type=``: a whole number of days ≥ 1."""
    try:
        days = int(text)
    except ValueError:
        days = 0
    if days < 1:
        raise argparse.ArgumentTypeError(
            translate(N_("invalid number of days {text}: expected 1 or more"), text=repr(text))
        )
    return days


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    """Add ``deadline`` to the command line."""
    parser = subparsers.add_parser(
        "deadline",
        help=N_("compute the 30-day remedy deadline of Art. 12 al. 2"),
        description=N_(
            "Compute the deadline the beneficiary has to remedy a breach (Art. 12 al. 2: "
            "thirty days from the sending of the registered letter). Day 0 is the sending "
            "date and does not count (CPC 641); the period ends at the end of day 30, "
            "moved to the next working day when that is a Saturday, a Sunday or a public "
            "holiday of metropolitan France (CPC 642, Code du travail L3133-1). The "
            "options choose another reading."
        ),
        epilog=N_(
            "Examples: 'mgp-convention deadline 2026-12-02' (→ Monday 4 January 2027); "
            "'mgp-convention deadline 2026-03-28T00:30:00+01:00 --json'."
        ),
    )
    date = translate(N_("DATE"))
    parser.add_argument(
        "sent",
        metavar=translate(_SENT),
        type=_date_or_datetime,
        help=N_(
            "the date the registered letter was sent: YYYY-MM-DD, or an ISO datetime with "
            "its offset (taken as its Europe/Paris date), e.g. 2026-03-28T00:30:00+01:00"
        ),
    )
    parser.add_argument(
        "--days",
        type=_days,
        default=REMEDY_PERIOD_DAYS,
        metavar="N",
        help=N_("length of the period in days (default: %(default)s, as in Art. 12 al. 2)"),
    )
    parser.add_argument(
        "--no-extend",
        dest="extend",
        action="store_false",
        help=N_("do not move a deadline falling on a non-working day (CPC 642 al. 2)"),
    )
    parser.add_argument(
        "--closed",
        type=date_argument,
        nargs="+",
        action="extend",
        default=[],
        metavar=date,
        help=N_("extra closed days (jours chômés), YYYY-MM-DD; may be repeated"),
    )
    parser.add_argument(
        "--received",
        type=_date_or_datetime,
        metavar=date,
        help=N_(
            "count from the receipt of the letter on that date instead of its sending (CPC 669)"
        ),
    )
    parser.add_argument(
        "--franc",
        action="store_true",
        help=N_("a délai franc: the period also leaves out its last day (one more day)"),
    )
    add_lang(parser)
    parser.add_argument(
        "--json",
        action="store_true",
        help=N_("print the result as JSON (stable codes; the texts in French)"),
    )
    parser.set_defaults(run=_run)


def _run(args: argparse.Namespace) -> int:
    try:
        options = RemedyOptions(
            days=args.days,
            extend=args.extend,
            extra_closed_days=frozenset(args.closed),
            count_from="receipt" if args.received is not None else "sending",
            received_on=args.received,
            franc=args.franc,
        )
        deadline = remedy_deadline(args.sent, options)
        result = to_json(deadline) if args.json else deadline.explain(lang_of(args))
    except ConventionError as err:
        # Every problem here comes from the command line's values: a usage error.
        field = _OPTION.get(err.field or "", err.field)
        if field == _SENT:  # the positional argument, by its placeholder in the help
            field = translate(_SENT)
        raise UsageError(err.text, field=field, article=err.article) from None
    if args.json:
        print_json(result)
    else:
        print(result)
    return EXIT_OK


#: The command-line spelling of each option field, for error messages.
_OPTION = {
    "days": "--days",
    "received_on": "--received",
    "extra_closed_days": "--closed",
    "sent_on": _SENT,
    "year": _SENT,
}
