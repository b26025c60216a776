"""``mgp-convention portfolio DIR``: a folder's conventions, by urgency, in the user's language.

Three outputs of the same rows (:mod:`mgp_convention.portfolio` computes them; this
module only selects and draws):

- **a table** (``rich.table.Table``) when standard output is a terminal, or with
  ``--format table``. Its layout follows the width: from :data:`WIDE_WIDTH` columns,
  a column each for the reference, the beneficiary, the state, the next date, the
  action and the article; narrower (an 80-column terminal),
  four columns whose cells hold two lines — the reference over the beneficiary and its
  state, the date over its article — and the action wrapped beside them, so that no
  line is longer than the terminal. A table written elsewhere than to a terminal is
  :data:`PIPED_WIDTH` columns wide, without colours;
- **tab-separated values** when standard output is not a terminal (a pipe, a file), or
  with ``--format tsv``: a header line, then one line per convention, dates as
  ``YYYY-MM-DD``, for a spreadsheet or ``grep`` (as ``gh`` does when piped); the
  files that could not be used are said on standard error, so that the values stay
  clean;
- **JSON** with ``--json``: stable codes and the labels in French and English.

Filters (``--overdue``, ``--within DAYS``, ``--state STATE``, ``--market REF``) choose
the rows shown, in every output; a file that could not be used is always reported.

Why over 400 lines: one command's three outputs (table, TSV, JSON) and its filters; the
table's narrow and wide layouts share the same cells.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import unicodedata
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, Final, TextIO

import attrs

from mgp_convention.cli._common import (
    EXIT_INVALID,
    EXIT_OK,
    UsageError,
    add_lang,
    add_on,
    duplicate_lines,
    error_line,
    error_text,
    lang_of,
    on_or_today,
    print_json,
    report,
)
from mgp_convention.cli._parser import translate
from mgp_convention.errors import LoadError
from mgp_convention.i18n import (
    N_,
    NP_,
    Lang,
    Message,
    format_short_date,
    gettext_in,
)
from mgp_convention.portfolio import SOON_DAYS, Failure, Portfolio, Row, Urgency, portfolio
from mgp_convention.printable import printable, printable_path
from mgp_convention.report_json import json_object, to_json
from mgp_convention.states import State

__all__ = ["FORMATS", "PIPED_WIDTH", "WIDE_WIDTH", "Filters", "state_named", "tsv_lines"]

#: The outputs besides ``--json``.
FORMATS: Final = ("table", "tsv")
#: From this many columns, the table has a column each for the reference, the
#: beneficiary, the state, the date, the action and the article.
WIDE_WIDTH: Final = 140
#: The width of a table written elsewhere than to a terminal (``--format table`` into a
#: file): fixed, so that what is written does not depend on who runs the command.
PIPED_WIDTH: Final = 80

#: The first column: how urgent the next date is, and its colour in a terminal.
_MARKERS: Final = {
    Urgency.OVERDUE: ("!!", "bold red"),
    Urgency.SOON: ("!", "yellow"),
    Urgency.LATER: ("", ""),
    Urgency.NONE: ("–", "dim"),
}

_DESCRIPTION: Final = N_(
    "Read every convention file (*.json) of a folder and list, for each, where it stands "
    "on a date and the next legal date with the action it calls for and its article "
    "(planned start, remedy deadline, end of the period of use, end date…). Overdue "
    "dates come first, then the earliest; the conventions in a final state (terminated, "
    "ended, not concluded, lapsed) last."
)
_EPILOG: Final = N_(
    "output formats:\n"
    "  in a terminal, a table that fits its width (from 140 columns, a column for\n"
    "  each; narrower, the reference over the beneficiary and its state, the date\n"
    "  over its article); piped or written to a file, tab-separated values with a\n"
    "  header line (dates as YYYY-MM-DD), for a spreadsheet or grep, the files that\n"
    "  could not be used being said on stderr; --format table or tsv chooses.\n"
    "\n"
    "urgency (first column of the table):\n"
    "  !!  overdue: the date has passed and what it calls for is still open\n"
    "  !   within {soon} days (today included)\n"
    "  –   final state: nothing is due\n"
    "\n"
    "exit status:\n"
    "  0  every file of the folder was read and replayed\n"
    "  1  at least one file could not be used (it does not load, or the lifecycle\n"
    "     refuses one of its events): every other convention is still listed, and the\n"
    "     failing files follow with their errors, so that a script notices; or two\n"
    "     files hold the same reference (all are listed, and named)\n"
    "  2  usage error\n"
    "\n"
    "examples:\n"
    "  mgp-convention portfolio examples/ --on 2026-11-28\n"
    '  mgp-convention portfolio examples/ --within 30 --state "délai de remédiation"\n'
    "  mgp-convention portfolio examples/ > portefeuille.tsv\n"
    "  mgp-convention portfolio examples/ --json > portfolio.json"
)


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    """Add ``portfolio`` to the command line."""
    parser = subparsers.add_parser(
        "portfolio",
        help=N_("list every convention of a folder by urgency: the next legal date and the action"),
        description=_DESCRIPTION,
        epilog=translate(_EPILOG).replace("{soon}", str(SOON_DAYS)),
    )
    parser.add_argument(
        "folder", metavar=translate(N_("DIR")), help=N_("the folder of convention files")
    )
    add_on(parser, N_("the date to evaluate, YYYY-MM-DD (default: today in Europe/Paris)"))
    selection = parser.add_argument_group(N_("filters (each one narrows the list)"))
    selection.add_argument(
        "--overdue",
        action="store_true",
        help=N_("only the conventions whose next date has passed with its action still open"),
    )
    selection.add_argument(
        "--within",
        type=_days,
        default=None,
        metavar=translate(N_("DAYS")),
        help=N_("only the next dates at most DAYS days after the date (overdue ones included)"),
    )
    selection.add_argument(
        "--state",
        action="append",
        default=[],
        metavar=translate(N_("STATE")),
        help=N_(
            "only the conventions in that state, by its French or English name or its "
            'code (e.g. "délai de remédiation", "remedy period", remedy_period); may be '
            "repeated"
        ),
    )
    selection.add_argument(
        "--market",
        action="append",
        default=[],
        metavar=translate(N_("REF")),
        help=N_("only the conventions of that public market (its reference); may be repeated"),
    )
    output = parser.add_argument_group(N_("output"))
    output.add_argument(
        "--format",
        choices=FORMATS,
        default=None,
        help=N_("table or tsv (default: a table in a terminal, tab-separated values otherwise)"),
    )
    output.add_argument(
        "--json",
        action="store_true",
        help=N_(
            "print the rows and the failures as JSON (codes, and labels in French and English)"
        ),
    )
    add_lang(parser)
    parser.set_defaults(run=_run)


def _days(text: str) -> int:
    """An argparse ``type=``: a whole number of days ≥ 0."""
    if not text.isascii() or not text.isdigit():
        raise argparse.ArgumentTypeError(
            translate(N_("invalid number of days {text}: expected 0 or more"), text=repr(text))
        )
    return int(text)


# --- the selection -----------------------------------------------------------------------


def _folded(text: str) -> str:
    """``text`` compared without case, accents, or extra spaces and underscores."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(plain.replace("_", " ").split())


def state_named(name: str) -> State | None:
    """The state ``name`` says: its code, its French or its English label, whatever the
    case and the accents (``None`` when it is none of them).

    >>> state_named("Délai de remédiation"), state_named("remedy_period")
    (<State.REMEDY_PERIOD: 'remedy_period'>, <State.REMEDY_PERIOD: 'remedy_period'>)
    >>> state_named("en retard"), state_named("nowhere")
    (<State.DELAYED: 'delayed'>, None)
    """
    wanted = _folded(name)
    for state in State:
        if wanted in {_folded(state.value), _folded(state.label("fr")), _folded(state.label("en"))}:
            return state
    return None


@attrs.frozen
class Filters:
    """Which rows are shown: every filter given must keep a row (several ``states`` or
    ``markets`` are alternatives)."""

    overdue: bool = False
    within: int | None = None
    states: frozenset[State] = frozenset()
    markets: frozenset[str] = frozenset()

    @property
    def active(self) -> bool:
        """Whether any filter is given."""
        return self.overdue or self.within is not None or bool(self.states or self.markets)

    def keeps(self, row: Row, on: dt.date) -> bool:
        """Whether ``row`` is shown, for a portfolio on ``on``."""
        if self.overdue and not row.overdue:
            return False
        if self.within is not None and (
            row.next_date is None or row.next_date > on + dt.timedelta(days=self.within)
        ):
            return False
        if self.states and row.state not in self.states:
            return False
        return not self.markets or row.market.casefold() in self.markets


def _filters(args: argparse.Namespace) -> Filters:
    states = set()
    for name in args.state:
        state = state_named(name)
        if state is None:
            lang = lang_of(args)
            known = ", ".join(f"« {s.label(lang)} »" for s in State)
            raise UsageError(
                Message(
                    N_("--state: unknown state {name}: one of {known}, or its code"),
                    {"name": repr(name), "known": known},
                )
            )
        states.add(state)
    markets = frozenset(market.casefold() for market in args.market)
    return Filters(args.overdue, args.within, frozenset(states), markets)


# --- the command -------------------------------------------------------------------------


def _run(args: argparse.Namespace) -> int:
    lang = lang_of(args)
    filters = _filters(args)
    on = on_or_today(args)
    result = portfolio(args.folder, on)
    rows = [row for row in result.rows if filters.keeps(row, on)]
    if args.json:
        print_json(_json(result, rows, filters))
    elif (args.format or ("table" if _is_terminal(sys.stdout) else "tsv")) == "tsv":
        sys.stdout.write("".join(line + "\n" for line in tsv_lines(rows, lang)))
        _say_problems(result, lang)
    else:
        _table_output(result, rows, filters, Path(args.folder), lang)
    return EXIT_INVALID if result.failures or result.duplicates else EXIT_OK


def _is_terminal(stream: TextIO) -> bool:
    isatty = getattr(stream, "isatty", None)
    return bool(callable(isatty) and isatty())


def _json(result: Portfolio, rows: Sequence[Row], filters: Filters) -> dict[str, Any]:
    data = json_object(result)
    if filters.active:
        data["rows"] = to_json(rows)
        data["counts"]["listed"] = len(rows)
        data["filters"] = {
            "overdue": filters.overdue,
            "within": filters.within,
            "states": sorted(state.value for state in filters.states),
            "markets": sorted(filters.markets),
        }
    return data


# --- tab-separated values ------------------------------------------------------------------

_TSV_HEADER: Final = (
    N_("Reference"),
    N_("Beneficiary"),
    N_("Market"),
    N_("State"),
    N_("Urgency"),
    N_("Next date"),
    N_("Action"),
    N_("Article"),
    N_("File"),
)


def _cell(text: str) -> str:
    """A value on one line of tab-separated values: printable, without tab or line break."""
    return " ".join(printable(text).split())


def tsv_lines(rows: Iterable[Row], lang: Lang) -> list[str]:
    """The header in ``lang``, then one line per row: the labels in ``lang``, the dates
    as ``YYYY-MM-DD`` (empty when there is none)."""
    lines = ["\t".join(gettext_in(lang, header) for header in _TSV_HEADER)]
    for row in rows:
        values = (
            row.reference,
            row.beneficiary,
            row.market,
            row.state.label(lang),
            row.urgency.label(lang),
            "" if row.next_date is None else row.next_date.isoformat(),
            row.action.render(lang),
            row.article,
            printable_path(row.file),
        )
        lines.append("\t".join(_cell(value) for value in values))
    return lines


def _say_problems(result: Portfolio, lang: Lang) -> None:
    """The files that could not be used, and the references held twice, on stderr."""
    for failure in result.failures:
        report(LoadError(failure.problems), source=str(failure.file), lang=lang)
    for text in duplicate_lines(result.duplicates, lang):
        error_line(error_text(text, lang))


# --- the table -------------------------------------------------------------------------------


def _table_output(
    result: Portfolio, rows: Sequence[Row], filters: Filters, folder: Path, lang: Lang
) -> None:
    from rich.console import Console  # noqa: PLC0415 - only the table needs rich
    from rich.table import Table  # noqa: PLC0415

    out = sys.stdout
    common: dict[str, Any] = {"file": out, "highlight": False, "emoji": False, "markup": False}
    if _is_terminal(out):
        console = Console(**common)
    else:
        console = Console(**common, width=PIPED_WIDTH, color_system=None, force_terminal=False)
    renderables: list[Any] = [_title(result, len(rows), filters, folder, lang)]
    if rows:
        renderables.append(table(rows, lang, console.width))
        if any(row.urgency is not Urgency.LATER for row in rows):
            renderables.append(_legend(lang))
    elif result.rows:
        renderables.append(Message(N_("No convention meets the filters.")).render(lang))
    else:
        renderables.append(Message(N_("No convention file could be listed.")).render(lang))
    renderables.extend(_problem_texts(result, lang))
    # A line of text is printed as it is (the terminal wraps it if it must: a long file
    # name); only the table is laid out to the width.
    if console.color_system is None:
        # Piped: no colours, and no trailing spaces (what is written stays stable).
        with console.capture() as captured:
            for renderable in renderables:
                console.print(renderable, soft_wrap=not isinstance(renderable, Table))
        out.write("".join(line.rstrip() + "\n" for line in captured.get().splitlines()))
    else:
        for renderable in renderables:
            console.print(renderable, soft_wrap=not isinstance(renderable, Table))
    out.flush()


def _title(result: Portfolio, shown: int, filters: Filters, folder: Path, lang: Lang) -> str:
    overdue = len(result.overdue)
    conventions = Message.counted(
        NP_("{count} convention", "{count} conventions"), "count", {"count": len(result.rows)}
    )
    late = (
        Message(N_("none overdue"))
        if overdue == 0
        else Message.counted(NP_("{count} overdue", "{count} overdue"), "count", {"count": overdue})
    )
    title = Message(
        N_("{folder}, {on}: {conventions}, {overdue}"),
        {
            "folder": printable_path(folder),
            "on": result.on,
            "conventions": conventions,
            "overdue": late,
        },
    ).render(lang)
    if filters.active:
        title += "\n" + Message.counted(
            NP_("filtered: {count} convention shown", "filtered: {count} conventions shown"),
            "count",
            {"count": shown},
        ).render(lang)
    return title


def _legend(lang: Lang) -> str:
    return Message(
        N_("!! overdue · ! within {days} days · – final state: nothing is due"),
        {"days": SOON_DAYS},
    ).render(lang)


def _problem_texts(result: Portfolio, lang: Lang) -> list[Any]:
    from rich.text import Text  # noqa: PLC0415 - only the table needs rich

    texts: list[Any] = [
        Text(line, style="bold red") for line in duplicate_lines(result.duplicates, lang)
    ]
    if result.failures:
        heading = Message.counted(
            NP_("{count} file could not be used:", "{count} files could not be used:"),
            "count",
            {"count": len(result.failures)},
        ).render(lang)
        texts.append(Text(heading, style="bold red"))
        texts.extend(Text(line) for failure in result.failures for line in _failure(failure, lang))
    return texts


def _failure(failure: Failure, lang: Lang) -> list[str]:
    reference = f" ({printable(failure.reference)})" if failure.reference else ""
    lines = [f"  {printable_path(failure.file)}{reference}"]
    lines += [f"    {error_text(printable(p.render(lang)), lang)}" for p in failure.problems]
    return lines


def table(rows: Sequence[Row], lang: Lang, width: int) -> Any:
    """The ``rich.table.Table`` of ``rows`` in ``lang`` for a terminal ``width`` columns
    wide: the wide layout from :data:`WIDE_WIDTH`, the two-line one below."""
    from rich import box  # noqa: PLC0415 - only the table needs rich
    from rich.table import Table  # noqa: PLC0415
    from rich.text import Text  # noqa: PLC0415

    def said(msgid: str) -> str:
        return gettext_in(lang, msgid)

    wide = width >= WIDE_WIDTH
    grid = Table(
        box=box.SIMPLE_HEAD,
        show_edge=False,
        pad_edge=False,
        collapse_padding=True,
        header_style="bold",
        leading=0 if wide else 1,
        expand=True,
    )
    grid.add_column("", no_wrap=True, width=2)
    if wide:
        grid.add_column(said(N_("Reference")), no_wrap=True, overflow="fold")
        grid.add_column(said(N_("Beneficiary")), max_width=30)
        grid.add_column(said(N_("State")), max_width=20)
        grid.add_column(said(N_("Next date")), no_wrap=True)
        grid.add_column(said(N_("Action")), ratio=1, min_width=30)
        grid.add_column(said(N_("Article")), max_width=16)
    else:
        grid.add_column(said(N_("Convention")), max_width=28)
        grid.add_column(said(N_("Next date")), max_width=14)
        grid.add_column(said(N_("Action")), ratio=1, min_width=20)
    for row in rows:
        marker, style = _MARKERS[row.urgency]
        date = "—" if row.next_date is None else format_short_date(row.next_date, lang)
        reference = printable(row.reference)
        beneficiary = printable(row.beneficiary)
        state = row.state.label(lang)
        action = row.action.render(lang)
        dim = "dim" if row.urgency is Urgency.NONE else ""
        if wide:
            cells: list[Any] = [
                Text(marker, style=style),
                reference,
                beneficiary,
                state,
                Text(date, style=style),
                action,
                row.article,
            ]
        else:
            convention = Text(reference, style="bold")
            convention.append("\n" + beneficiary)
            convention.append("\n" + state, style="italic")
            when = Text(date, style=style)
            when.append("\n" + row.article)
            cells = [Text(marker, style=style), convention, when, action]
        grid.add_row(*cells, style=dim)
    return grid
