"""``mgp-convention portfolio``: the table (80 columns and wide), the tab-separated values,
the JSON, the filters, the failures and the exit codes.

What a programme officer reads is checked: the state's label, the next date, the article
and the order by urgency, in French by default; never a code (``remedy_period``) in the
text outputs.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import shutil
from pathlib import Path

import pytest
from rich.console import Console

from mgp_convention.cli import COMMANDS, main
from mgp_convention.cli.portfolio import PIPED_WIDTH, WIDE_WIDTH, state_named, table
from mgp_convention.portfolio import portfolio
from mgp_convention.states import State

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
#: The examples by urgency on 28 November 2026 (those of 01–05, always there).
ORDER = ["003", "002", "001", "005", "004"]
ANSI = re.compile(r"\x1b\[[0-9;]*m")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Examples 01–05, a file that is not JSON, and one whose event the lifecycle refuses."""
    for number in ("01", "02", "03", "04", "05"):
        (example,) = EXAMPLES.glob(f"{number}-*.json")
        shutil.copy(example, tmp_path)
    (tmp_path / "20-broken.json").write_text('{"schema_version": 1,', encoding="utf-8")
    data = json.loads((EXAMPLES / "01-valmont-signee.json").read_text(encoding="utf-8"))
    data["reference"] = "MGP-AM-2026-EX-099"
    data["events"].append({"type": "termination", "on": "2026-11-25", "ground": "breach"})
    (tmp_path / "21-refused.json").write_text(json.dumps(data), encoding="utf-8")
    return tmp_path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        code = main(["portfolio", *args])
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def references(text: str) -> list[str]:
    """The last three digits of each reference, in the order they appear."""
    return re.findall(r"MGP-AM-2026-EX-(\d{3})", text)


def test_portfolio_is_the_first_command() -> None:
    assert COMMANDS[0][0] == "portfolio"


# --- the table -------------------------------------------------------------------------


def test_the_table_in_80_columns(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Written elsewhere than to a terminal, the table is 80 columns wide: the narrow
    # layout, each row on several lines, never a line longer than 80 columns.
    code, out, _ = run(capsys, str(folder), "--on", "2026-11-28", "--format", "table")
    assert code == 1  # the two failing files
    lines = out.splitlines()
    assert lines[0] == (
        f"{folder}, samedi 28 novembre 2026 : 5 conventions, aucune échéance dépassée"
    )
    # The title and the failures are lines of text (a long file name is the terminal's
    # to wrap); the table itself is laid out in 80 columns.
    table_lines = lines[1 : lines.index("2 fichiers n'ont pu être utilisés :")]
    assert max(len(line) for line in table_lines) <= PIPED_WIDTH
    assert all(line == line.rstrip() for line in lines)
    assert lines[1].split() == ["Convention", "Prochaine", "date", "Action"]
    table_text = out.split("2 fichiers n'ont pu être utilisés :")[0]
    assert references(table_text) == ORDER
    for date, article, state in [
        ("21/12/2026", "Art. 12 al. 2", "délai de remédiation"),
        ("10/02/2027", "Art. 5 al. 1", "en expérimentation"),
        ("01/03/2027", "Art. 5 al. 1", "signée"),
        ("31/03/2028", "Art. 2", "en attente de signature"),
        ("—", "Art. 12 al. 1", "résiliée"),
    ]:
        # The date over its article, in the same column: one under the other.
        above = next(line for line in lines if f" {date} " in f" {line} ")
        below = lines[lines.index(above) + 1]
        assert below[above.index(date) :].startswith(article), (above, below)
        assert state in table_text
    assert "remedy_period" not in out
    assert "breach" not in out


def test_the_wide_table_has_one_line_per_convention_and_its_columns() -> None:
    result = portfolio(EXAMPLES, dt.date(2026, 11, 28))
    console = Console(width=160, color_system=None, force_terminal=False)
    with console.capture() as captured:
        console.print(table(result.rows, "fr", 160))
    lines = captured.get().splitlines()
    assert max(len(line) for line in lines) <= 160
    assert lines[0].split() == [
        "Référence",
        "Bénéficiaire",
        "État",
        "Prochaine",
        "date",
        "Action",
        "Article",
    ]
    first = next(line for line in lines if "MGP-AM-2026-EX-003" in line)
    for cell in ("Commune de Bois-Fictif", "délai de remédiation", "21/12/2026", "Art. 12 al. 2"):
        assert cell in first  # reference, beneficiary, state, date and article on one line


@pytest.mark.parametrize("width", [80, 100, WIDE_WIDTH - 1, WIDE_WIDTH, 200])
def test_no_line_of_the_table_is_wider_than_the_terminal(width: int) -> None:
    result = portfolio(EXAMPLES, dt.date(2026, 11, 28))
    for lang in ("fr", "en"):
        console = Console(width=width, color_system=None, force_terminal=False)
        with console.capture() as captured:
            console.print(table(result.rows, lang, width))
        assert max(len(line) for line in captured.get().splitlines()) <= width


def test_the_table_in_english(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys, str(EXAMPLES), "--on", "2026-12-28", "--format", "table", "--lang", "en"
    )
    assert code == 0
    lines = out.splitlines()
    assert re.fullmatch(r".*, Monday 28 December 2026: \d+ conventions, \d+ overdue", lines[0])
    assert lines[1].split() == ["Convention", "Next", "date", "Action"]
    assert "remedy period" in out
    assert "!! overdue · ! within 7 days · – final state: nothing is due" in out


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_terminal_gets_the_table_in_its_width(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    terminal = _Terminal()
    monkeypatch.setattr("sys.stdout", terminal)
    monkeypatch.setenv("COLUMNS", "80")
    assert main(["portfolio", str(EXAMPLES), "--on", "2026-12-28"]) == 0
    lines = ANSI.sub("", terminal.getvalue()).splitlines()
    assert "Prochaine date" in lines[1]
    assert max(len(line.rstrip()) for line in lines[1:]) <= 80  # the title is text
    overdue = next(line for line in lines if "MGP-AM-2026-EX-003" in line)
    assert overdue.startswith("!!")
    assert "21/12/2026" in overdue
    assert "\x1b[" in terminal.getvalue()  # the marker in colour


# --- tab-separated values -----------------------------------------------------------


def test_piped_output_is_tab_separated(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, str(folder), "--on", "2026-11-28")
    assert code == 1
    lines = out.splitlines()
    assert lines[0].split("\t") == [
        "Référence",
        "Bénéficiaire",
        "Marché",
        "État",
        "Urgence",
        "Prochaine date",
        "Action",
        "Article",
        "Fichier",
    ]
    rows = [line.split("\t") for line in lines[1:]]
    assert all(len(row) == 9 for row in rows)
    assert [row[0][-3:] for row in rows] == ORDER
    assert rows[0][3:6] == ["délai de remédiation", "plus tard", "2026-12-21"]
    assert rows[0][7] == "Art. 12 al. 2"
    assert rows[-1][3:6] == ["résiliée", "rien à faire", ""]
    # The failures go to stderr, so that the values stay clean.
    assert "20-broken.json" not in out
    assert f"erreur : {folder / '20-broken.json'}: $: JSON non valable" in err
    assert f"erreur : {folder / '21-refused.json'}: $.events[2]: impossible d'enregistrer" in err


def test_tab_separated_values_in_english(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys, str(EXAMPLES), "--on", "2026-11-28", "--format", "tsv", "--lang", "en"
    )
    assert code == 0
    header, first, *_ = out.splitlines()
    assert header.split("\t")[:6] == [
        "Reference",
        "Beneficiary",
        "Market",
        "State",
        "Urgency",
        "Next date",
    ]
    assert first.split("\t")[3] == "remedy period"


# --- filters ---------------------------------------------------------------------------


def tsv_references(out: str) -> list[str]:
    return [line.split("\t")[0][-3:] for line in out.splitlines()[1:]]


def test_overdue(capsys: pytest.CaptureFixture[str]) -> None:
    # On 28 December 2026, the thirty days of example 03 (21 December) have run out.
    code, out, _ = run(capsys, str(EXAMPLES), "--on", "2026-12-28", "--overdue")
    assert code == 0
    assert "003" in tsv_references(out)
    assert all(line.split("\t")[4] == "dépassée" for line in out.splitlines()[1:])


def test_within(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, str(EXAMPLES), "--on", "2026-11-28", "--within", "30")
    dates = [line.split("\t")[5] for line in out.splitlines()[1:]]
    assert "2026-12-21" in dates  # 23 days ahead
    assert all("" < date <= "2026-12-28" for date in dates)
    _, out, _ = run(capsys, str(EXAMPLES), "--on", "2026-11-28", "--within", "0")
    assert [line.split("\t")[5] <= "2026-11-28" for line in out.splitlines()[1:]] == [
        True for _ in out.splitlines()[1:]
    ]


@pytest.mark.parametrize(
    "name",
    [
        "délai de remédiation",
        "Délai de Remédiation",
        "delai de remediation",
        "remedy period",
        "remedy_period",
    ],
)
def test_state_by_its_french_or_english_name_or_its_code(
    name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, str(EXAMPLES), "--on", "2026-11-28", "--state", name)
    assert code == 0
    assert "003" in tsv_references(out)
    assert {line.split("\t")[3] for line in out.splitlines()[1:]} == {"délai de remédiation"}


def test_states_and_markets_are_alternatives(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(
        capsys, str(EXAMPLES), "--on", "2026-11-28", "--state", "signée", "--state", "résiliée"
    )
    assert {line.split("\t")[3] for line in out.splitlines()[1:]} == {"signée", "résiliée"}
    _, out, _ = run(
        capsys, str(EXAMPLES), "--on", "2026-11-28", "--market", "mgp-2026-am-accueil (fictif)"
    )
    assert {line.split("\t")[2] for line in out.splitlines()[1:]} == {
        "MGP-2026-AM-ACCUEIL (fictif)"
    }


def test_an_unknown_state_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, str(EXAMPLES), "--state", "suspendue")
    assert code == 2
    assert out == ""
    assert "--state : état inconnu 'suspendue' : l'un de « en attente de signature »" in err
    code, _, err = run(capsys, str(EXAMPLES), "--within", "-1")
    assert code == 2
    assert "argument --within : nombre de jours '-1' non valable" in err


def test_state_named() -> None:
    assert state_named("expérimentation arrêtée") is State.EXPERIMENT_STOPPED
    assert state_named("Experiment Stopped") is State.EXPERIMENT_STOPPED
    assert state_named("en_retard") is State.DELAYED
    assert state_named("arrêtée") is None


def test_the_title_says_how_many_the_filters_show(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(
        capsys, str(EXAMPLES), "--on", "2026-11-28", "--state", "signée", "--format", "table"
    )
    assert re.fullmatch(r"filtrées? : \d+ conventions? affichées?", out.splitlines()[1])
    _, out, _ = run(
        capsys, str(EXAMPLES), "--on", "2026-11-28", "--state", "caduque", "--format", "table"
    )
    assert out.splitlines()[-1] == "Aucune convention ne répond aux filtres."


# --- JSON, failures, duplicates --------------------------------------------------------


def test_json(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, str(folder), "--on", "2026-11-28", "--json")
    assert code == 1
    data = json.loads(out)
    assert data["on"] == "2026-11-28"
    assert data["counts"] == {
        "conventions": 5,
        "failures": 2,
        "duplicates": 0,
        "overdue": 0,
        "soon": 0,
        "later": 4,
        "none": 1,
    }
    assert [row["reference"][-3:] for row in data["rows"]] == ORDER
    first = data["rows"][0]
    assert first["state"] == "remedy_period"
    assert (first["state_label_fr"], first["state_label_en"]) == (
        "délai de remédiation",
        "remedy period",
    )
    assert first["next_date"] == "2026-12-21"
    assert first["article"] == "Art. 12 al. 2"
    assert [Path(f["file"]).name for f in data["failures"]] == ["20-broken.json", "21-refused.json"]
    assert data["failures"][1]["errors"][0]["path"] == "$.events[2]"
    assert data["duplicates"] == []


def test_json_with_filters(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(
        capsys, str(EXAMPLES), "--on", "2026-11-28", "--json", "--state", "remedy_period"
    )
    data = json.loads(out)
    assert {row["state"] for row in data["rows"]} == {"remedy_period"}
    assert data["counts"]["listed"] == len(data["rows"])
    assert data["filters"]["states"] == ["remedy_period"]


def test_failures_follow_the_table_and_exit_1(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, str(folder), "--on", "2026-11-28", "--format", "table")
    assert code == 1
    table_text, failures = out.split("2 fichiers n'ont pu être utilisés :\n")
    assert len(references(table_text)) == 5  # every example is still listed
    lines = failures.splitlines()
    assert lines[0] == f"  {folder / '20-broken.json'}"
    assert lines[1].startswith("    erreur : $: JSON non valable : ")
    assert lines[2] == f"  {folder / '21-refused.json'} (MGP-AM-2026-EX-099)"
    assert lines[3].startswith(
        "    erreur : $.events[2]: impossible d'enregistrer une résiliation pour le motif "
        "« manquement » (état : signée)"
    )


def test_two_files_with_one_reference_are_named_and_exit_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A copy of example 01 left in the folder under another name: both rows stay listed,
    # the files are named, and a script notices (exit 1).
    shutil.copy(EXAMPLES / "01-valmont-signee.json", tmp_path)
    shutil.copy(EXAMPLES / "01-valmont-signee.json", tmp_path / "01-copie.json")
    code, out, _ = run(capsys, str(tmp_path), "--on", "2026-11-28", "--format", "table")
    assert code == 1
    assert out.splitlines()[-1] == (
        f"2 fichiers portent la référence MGP-AM-2026-EX-001 : {tmp_path / '01-copie.json'}, "
        f"{tmp_path / '01-valmont-signee.json'}"
    )
    code, out, err = run(capsys, str(tmp_path), "--on", "2026-11-28")
    assert (code, len(out.splitlines())) == (1, 3)  # the header and both rows
    assert err.startswith("erreur : 2 fichiers portent la référence MGP-AM-2026-EX-001")
    code, out, _ = run(capsys, str(tmp_path), "--on", "2026-11-28", "--json")
    data = json.loads(out)
    assert data["counts"]["duplicates"] == 1


def test_on_defaults_to_today_in_paris(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("mgp_convention.cli._common.today_in_paris", lambda: dt.date(2026, 12, 28))
    _, out, _ = run(capsys, str(EXAMPLES), "--json")
    data = json.loads(out)
    assert data["on"] == "2026-12-28"
    assert data["counts"]["overdue"] >= 1


def test_empty_folder_and_not_a_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, str(tmp_path), "--on", "2026-11-28", "--format", "table")
    assert code == 0
    assert out == (
        f"{tmp_path}, samedi 28 novembre 2026 : 0 convention, aucune échéance dépassée\n"
        "Aucun fichier de convention n'a pu être listé.\n"
    )
    code, _, err = run(capsys, str(tmp_path / "nowhere"), "--on", "2026-11-28")
    assert code == 1
    assert "n'est pas un dossier : dossier introuvable" in err


def test_help_documents_the_outputs_and_the_exit_status(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, "--help")
    assert code == 0
    assert out.startswith("utilisation : mgp-convention portfolio")
    assert "filtres (chacun restreint la liste) :" in out
    assert "code de sortie :" in out
    assert "1  au moins un fichier n'a pu être utilisé" in out
    assert "!   dans les 7 jours (aujourd'hui compris)" in out
    code, out, _ = run(capsys, "--help", "--lang", "en")
    assert "exit status:" in out
    assert "--within DAYS" in out


def test_a_tab_in_a_reference_is_that_files_failure(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A reference is one line: a tab is refused when the file is read; the other files
    # are still listed.
    for number in ("01", "02"):
        (example,) = EXAMPLES.glob(f"{number}-*.json")
        shutil.copy(example, tmp_path)
    data = json.loads((EXAMPLES / "01-valmont-signee.json").read_text(encoding="utf-8"))
    data["reference"] = "MGP-AM-2026\tEX-001-LONGER-REF"
    (tmp_path / "01-valmont-signee.json").write_text(json.dumps(data), encoding="utf-8")
    code, out, err = run(capsys, str(tmp_path), "--on", "2026-11-28")
    assert code == 1
    assert (
        "$.reference: une tabulation (U+0009) n'est pas permise dans ce texte (une seule ligne)"
        in err
    )
    assert references(out) == ["002"]
