"""``mgp-convention export``: the portfolio as a workbook, read back with openpyxl.

The rows and their values are those of ``portfolio --json``, typed: a date is a date
cell, a count a number, the market's amount a number in euros.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import shutil
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet
from test_report_timeline import ON, write_cases

from mgp_convention.cli import main
from mgp_convention.next_step import Urgency
from mgp_convention.report import report_data
from mgp_convention.report.sheet import COLUMNS, DATE_FORMAT, workbook

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
HEADERS_FR = [
    "Urgence",
    "Référence",
    "Bénéficiaire",
    "État",
    "Prochaine date",
    "Action",
    "Article",
    "Date de fin (avenants compris)",
    "En vigueur depuis (dernière signature)",
    "Début souhaité",
    "Début de l'expérimentation",
    "Dernier jour d'utilisation",
    "Première fin de délai de remédiation",
    "Manquements ouverts",
    "Avertissements",
    "Événements à venir",
    "Marché",
    "Montant du marché TTC",
    "Bénéficiaires du marché",
    "Fichier",
]


def portfolio_json(folder: Path, on: str, capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    main(["portfolio", str(folder), "--on", on, "--json"])
    found: dict[str, Any] = json.loads(capsys.readouterr().out)
    return found


def records(sheet: Worksheet) -> list[dict[str, Any]]:
    rows = list(sheet.iter_rows(values_only=True))
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


def as_day(value: Any) -> dt.date | None:
    assert value is None or isinstance(value, dt.datetime), value
    return None if value is None else value.date()


@pytest.mark.parametrize("source", ["examples", "cases"])
def test_the_rows_are_those_of_portfolio_json_with_typed_cells(
    source: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    if source == "examples":
        folder, on = EXAMPLES, "2026-11-28"
    else:
        (tmp_path / "cases").mkdir()
        folder, on = write_cases(tmp_path / "cases"), ON.isoformat()
    out = tmp_path / "portefeuille.xlsx"
    expected = portfolio_json(folder, on, capsys)["rows"]
    assert main(["export", str(folder), "--on", on, "-o", str(out)]) == 0
    sheet = load_workbook(out).worksheets[0]
    got = records(sheet)
    assert [row["Référence"] for row in got] == [row["reference"] for row in expected]
    for row, want in zip(got, expected, strict=True):
        assert row["Urgence"] == Urgency(want["urgency"]).label("fr")
        assert row["Bénéficiaire"] == want["beneficiary"]
        assert row["État"] == want["state_label_fr"]
        assert row["Action"] == want["action"]
        assert row["Article"] == want["article"]
        assert row["Marché"] == want["market"]
        assert row["Fichier"] == Path(want["file"]).name
        # Dates are date cells (openpyxl reads them back as datetimes at midnight).
        next_date = as_day(row["Prochaine date"])
        assert (next_date and next_date.isoformat()) == want["next_date"]
        assert as_day(row["Date de fin (avenants compris)"]).isoformat() == want["end_date"]
        # Counts are numbers.
        assert row["Manquements ouverts"] == len(want["open_breaches"])
        assert row["Avertissements"] == len(want["advisories"])
        assert row["Événements à venir"] == want["pending"]
        assert isinstance(row["Montant du marché TTC"], int | float)
        assert isinstance(row["Bénéficiaires du marché"], int)


def test_the_sheet_is_ready_to_sort_and_filter(tmp_path: Path) -> None:
    data = report_data(EXAMPLES, dt.date(2026, 11, 28))
    book = load_workbook(io.BytesIO(workbook(data)))
    sheet = book.worksheets[0]
    assert sheet.title == "Portefeuille"
    assert [cell.value for cell in sheet[1]] == HEADERS_FR
    assert all(cell.font.bold for cell in sheet[1])
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:T{len(data.rows) + 1}"
    assert len(COLUMNS) == len(HEADERS_FR)
    widths = {letter: dimension.width for letter, dimension in sheet.column_dimensions.items()}
    assert len(widths) == len(HEADERS_FR)
    assert all(8 <= width <= 60 for width in widths.values())
    assert widths["B"] >= len("MGP-AM-2026-EX-003")
    first = data.rows[0].next_date
    assert first is not None
    next_date = sheet["E2"]
    assert (next_date.value, next_date.number_format) == (
        dt.datetime.combine(first, dt.time()),
        DATE_FORMAT,
    )
    amount = sheet["R2"]
    assert Decimal(str(amount.value)) == data.lines[0].market.total_ttc
    assert "€" in amount.number_format
    assert book.worksheets[1].title == "Fichiers non utilisables"
    assert book.worksheets[1].max_row == 1  # its header only: every file was used


def test_english_headers_and_words() -> None:
    data = report_data(EXAMPLES, dt.date(2026, 11, 28))
    sheet = load_workbook(io.BytesIO(workbook(data, "en"))).worksheets[0]
    assert sheet.title == "Portfolio"
    assert [cell.value for cell in sheet[1]][:5] == [
        "Urgency",
        "Reference",
        "Beneficiary",
        "State",
        "Next date",
    ]
    assert sheet["D2"].value == "remedy period"


def test_an_amended_market_is_the_amount_in_force(tmp_path: Path) -> None:
    sheet = load_workbook(io.BytesIO(workbook(report_data(write_cases(tmp_path), ON)))).worksheets[
        0
    ]
    amounts = {row["Référence"]: row["Montant du marché TTC"] for row in records(sheet)}
    assert amounts["CAS-RESILIATION-DECIDEE"] == 240000
    assert amounts["CAS-REDUIT"] == 180000


def test_failures_go_to_the_second_sheet_and_exit_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "conventions"
    folder.mkdir()
    shutil.copy(EXAMPLES / "01-valmont-signee.json", folder)
    (folder / "broken.json").write_text("{", encoding="utf-8")
    out = tmp_path / "p.xlsx"
    assert main(["export", str(folder), "--on", "2026-11-28", "-o", str(out)]) == 1
    assert "broken.json" in capsys.readouterr().err
    book = load_workbook(out)
    assert book.worksheets[0].max_row == 2
    failures = records(book.worksheets[1])
    assert [(row["Fichier"], row["Où"]) for row in failures] == [("broken.json", "$")]


def test_an_existing_workbook_is_kept_without_force(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["export", str(EXAMPLES), "--on", "2026-11-28"]) == 0
    written = tmp_path / "portefeuille-2026-11-28.xlsx"
    before = written.read_bytes()
    capsys.readouterr()
    with pytest.raises(SystemExit) as exit_:
        main(["export", str(EXAMPLES), "--on", "2026-11-28"])
    assert exit_.value.code == 2
    assert "ajoutez --force" in capsys.readouterr().err
    assert written.read_bytes() == before
    assert main(["export", str(EXAMPLES), "--on", "2026-11-28", "--force"]) == 0


def test_standard_output_refuses_a_terminal(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdout.isatty", lambda: True)
    with pytest.raises(SystemExit) as exit_:
        main(["export", str(EXAMPLES), "-o", "-"])
    assert exit_.value.code == 2
    assert "la sortie standard est un terminal" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["export", str(EXAMPLES), "-o", "-", "--lang", "en"])
    assert "standard output is a terminal" in capsys.readouterr().err
