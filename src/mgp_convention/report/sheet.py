"""The portfolio as a spreadsheet (``.xlsx``, written by openpyxl): what a manager sorts
and filters.

:func:`workbook` writes the rows of a :class:`~mgp_convention.report.data.ReportData` —
the same rows, in the same urgency order, as ``mgp-convention portfolio`` — one per line
under a header row, with typed cells: dates are dates (shown ``dd/mm/yyyy``), counts are
whole numbers, the market's amount is a number in euros; the words (urgency, state,
action) are in the chosen language. The first row is frozen, filters are on, and each
column is as wide as its content (up to a limit, then wrapped). A second sheet lists the
files that could not be used, with each problem.

>>> import datetime as dt, io
>>> from openpyxl import load_workbook
>>> from mgp_convention.report.data import report_data
>>> book = load_workbook(io.BytesIO(workbook(report_data("examples", dt.date(2026, 11, 28)))))
>>> sheet = book.worksheets[0]
>>> sheet.title, sheet.freeze_panes, sheet.auto_filter.ref
('Portefeuille', 'A2', 'A1:T11')
>>> [cell.value for cell in sheet[2]][:5]
['dépassée', 'MGP-AM-2026-EX-006', 'Commune de Clairval (fictive)', 'délai de remédiation', datetime.datetime(2026, 11, 25, 0, 0)]
"""  # noqa: E501

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Final

import attrs
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from mgp_convention.i18n import N_, Lang, check_lang, gettext_in
from mgp_convention.report.data import Line, ReportData

__all__ = ["COLUMNS", "Column", "workbook"]

Cell = str | int | Decimal | dt.date | None

#: How a date and an amount are shown (the cell holds the value itself).
DATE_FORMAT: Final = "dd/mm/yyyy"
AMOUNT_FORMAT: Final = '#,##0.00\\ "€"'
#: A column is as wide as its longest value, within these bounds (in characters); a
#: longer text wraps.
MIN_WIDTH: Final = 8
MAX_WIDTH: Final = 60


@attrs.frozen
class Column:
    """A column of the sheet: its header (a message id), and its value for a line."""

    header: str
    value: Callable[[Line, Lang], Cell]
    number_format: str | None = None


def _date(getter: Callable[[Line], dt.date | None]) -> Callable[[Line, Lang], Cell]:
    return lambda line, _lang: getter(line)


def _remedy_deadline(line: Line) -> dt.date | None:
    deadline = line.row.status.remedy_deadline
    return None if deadline is None else deadline.expires_on


def _last_day_of_use(line: Line) -> dt.date | None:
    period = line.row.status.usage_period
    return None if period is None else period.last_day


#: The columns, in order.
COLUMNS: Final[tuple[Column, ...]] = (
    Column(N_("Urgency"), lambda line, lang: line.row.urgency.label(lang)),
    Column(N_("Reference"), lambda line, _lang: line.reference),
    Column(N_("Beneficiary"), lambda line, _lang: line.row.beneficiary),
    Column(N_("State"), lambda line, lang: line.row.state.label(lang)),
    Column(N_("Next date"), _date(lambda line: line.row.next_date), DATE_FORMAT),
    Column(N_("Action"), lambda line, lang: line.row.action.render(lang)),
    Column(N_("Article"), lambda line, _lang: line.row.article),
    Column(N_("End date (as amended)"), _date(lambda line: line.row.end_date), DATE_FORMAT),
    Column(
        N_("In force from (last signature)"),
        _date(lambda line: line.row.status.effective_date),
        DATE_FORMAT,
    ),
    Column(N_("Planned start"), _date(lambda line: line.row.status.planned_start), DATE_FORMAT),
    Column(
        N_("Start of the experiment"),
        _date(lambda line: line.row.status.experiment_started_on),
        DATE_FORMAT,
    ),
    Column(N_("Last day of use"), _date(_last_day_of_use), DATE_FORMAT),
    Column(N_("Earliest remedy deadline"), _date(_remedy_deadline), DATE_FORMAT),
    Column(N_("Open breaches"), lambda line, _lang: len(line.row.status.open_breaches)),
    Column(N_("Advisories"), lambda line, _lang: len(line.row.status.advisories)),
    Column(N_("Events dated later"), lambda line, _lang: len(line.row.status.pending)),
    Column(N_("Market"), lambda line, _lang: line.market.reference),
    Column(N_("Market total incl. VAT"), lambda line, _lang: line.market.total_ttc, AMOUNT_FORMAT),
    Column(N_("Beneficiaries of the market"), lambda line, _lang: line.market.beneficiaries),
    Column(N_("File"), lambda line, _lang: line.row.file.name),
)

_FAILURE_COLUMNS: Final = (N_("File"), N_("Reference"), N_("Where"), N_("Problem"), N_("Article"))
_HEADER_FONT: Final = Font(bold=True)
_HEADER_FILL: Final = PatternFill("solid", start_color="E5E7EB", end_color="E5E7EB")


def _shown_length(value: Cell) -> int:
    if isinstance(value, dt.date):
        return 10
    if isinstance(value, Decimal):
        return len(f"{value:,.2f} €")
    return 0 if value is None else len(str(value))


def _table(sheet: Worksheet, headers: Sequence[str], rows: Sequence[Sequence[Cell]]) -> None:
    """Fill ``sheet``: a bold header row, frozen, with filters, and sized columns."""
    sheet.append(list(headers))
    for row in rows:
        sheet.append(list(row))
    for cell in sheet[1]:
        cell.font = _HEADER_FONT
        cell.fill = _HEADER_FILL
        cell.alignment = Alignment(vertical="top", wrap_text=True)
    last_column = get_column_letter(len(headers))
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{last_column}{len(rows) + 1}"
    for index, header in enumerate(headers, 1):
        values = [row[index - 1] for row in rows]
        longest = max([len(word) for word in header.split()] + [_shown_length(v) for v in values])
        width = min(MAX_WIDTH, max(MIN_WIDTH, longest + 2))
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = width
        if longest + 2 > MAX_WIDTH:
            for cell in sheet[letter][1:]:
                cell.alignment = Alignment(vertical="top", wrap_text=True)


def workbook(data: ReportData, lang: Lang = "fr") -> bytes:
    """The rows of ``data`` as an ``.xlsx`` file (its bytes), in ``lang``."""
    lang = check_lang(lang)
    book = Workbook()
    sheet = book.active
    assert sheet is not None  # noqa: S101 - a new workbook has one sheet
    sheet.title = gettext_in(lang, N_("Portfolio"))
    rows = [[column.value(line, lang) for column in COLUMNS] for line in data.lines]
    _table(sheet, [gettext_in(lang, column.header) for column in COLUMNS], rows)
    for index, column in enumerate(COLUMNS, 1):
        if column.number_format is not None:
            for cell in sheet[get_column_letter(index)][1:]:
                cell.number_format = column.number_format
    failures = book.create_sheet(gettext_in(lang, N_("Files not used")))
    problems: list[list[Cell]] = [
        [
            failure.file.name,
            failure.reference,
            problem.path,
            problem.message if isinstance(problem.message, str) else problem.message.render(lang),
            problem.article,
        ]
        for failure in data.failures
        for problem in failure.problems
    ]
    _table(failures, [gettext_in(lang, header) for header in _FAILURE_COLUMNS], problems)
    book.properties.title = gettext_in(lang, N_("Portfolio"))
    book.properties.creator = "mgp-convention"
    output = io.BytesIO()
    book.save(output)
    return output.getvalue()
