"""``mgp-convention indemnity FILE [--on DATE] [--portfolio DIR]``: a real convention.

Every figure below is computed by hand from the bundled examples (``examples/``):

- 04 Rivebelle: signed 11 and 17 March 2026, started 11 May, breach impeding the
  experiment recorded 15 June, formal notice sent Monday 22 June 2026: day 30 is
  Wednesday 22 July 2026, a working day, so the remedy deadline is 2026-07-22;
  terminated for breach on 24 July (after the deadline). Market 180 000.00 € TTC for
  3 beneficiaries: 180 000.00 ÷ 3 = 60 000.00 exactly.
- 03 Bois-Fictif: breach recorded 2 November 2026, formal notice Friday 20 November:
  day 30 is Sunday 20 December, so the deadline is Monday 2026-12-21 (CPC 642); not
  terminated.
- The five examples share the market « MGP-2026-AM-ACCUEIL (fictif) ». Both signatures:
  01 Valmont on 12 and 19 November 2026; 02, 03 and 04 by 17 March 2026; 05 only the
  Métropole's. So 3 are signed by both parties from 2026-03-17 to 2026-11-18, and 4
  from 2026-11-19 on.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import shutil
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest

from mgp_convention.cli import indemnity as indemnity_command
from mgp_convention.cli import main
from mgp_convention.convention import Convention
from mgp_convention.events import (
    AmendmentSigned,
    BreachRecorded,
    BreachRemedied,
    Changes,
    Event,
    Ground,
    Termination,
)
from mgp_convention.io import dump_path, dumps, load_path


@pytest.fixture(autouse=True)
def _english(monkeypatch: pytest.MonkeyPatch) -> None:
    """The command's messages here are English (``mgp-convention: error: …``): the
    French ones are being written on the indemnity's own branch."""
    monkeypatch.setenv("MGP_CONVENTION_LANG", "en")


EXAMPLES = Path(__file__).parent.parent / "examples"
RIVEBELLE = EXAMPLES / "04-rivebelle-resiliee.json"
BOIS = EXAMPLES / "03-bois-fictif-remediation.json"
PLAINE = EXAMPLES / "02-plaine-exemple-experimentation.json"
MARKET = "MGP-2026-AM-ACCUEIL (fictif)"

NOT_TERMINATED = "the convention has not been terminated (Art. 12 al. 3)"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """Run ``mgp-convention indemnity ARGS``; return the exit code, stdout and stderr."""
    try:
        code = main(["indemnity", *args])
    except SystemExit as exit_:  # argparse and UsageError exit through parser.exit()
        code = int(exit_.code or 0)
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def run_json(capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, Any]:
    code, out, err = run(capsys, *args, "--json")
    assert code == 0, err
    data: dict[str, Any] = json.loads(out)
    return data


def write(tmp_path: Path, base: Path, *events: Event, name: str = "convention.json") -> str:
    """The example ``base`` with ``events`` instead of its own, written in ``tmp_path``."""
    convention: Convention = attrs.evolve(load_path(base), events=events)
    path = tmp_path / name
    dump_path(convention, path)
    return str(path)


def events_of(base: Path) -> tuple[Event, ...]:
    return load_path(base).events


# --- a convention terminated for breach: due --------------------------------------------


def test_rivebelle_is_due_text(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, str(RIVEBELLE), "--on", "2026-08-01")
    assert code == 0
    assert err == ""
    lines = out.splitlines()
    assert lines[0] == (f"MGP-AM-2026-EX-004 ({RIVEBELLE}) on 2026-08-01: terminated — résiliée")
    assert lines[1] == "Art. 12 al. 3 indemnity: may be claimed, up to 60 000,00 €."
    # every condition, with its article
    assert "Every condition holds:" in lines
    assert sum(line.endswith("(Art. 12 al. 3)") for line in lines) == 3
    assert "  Termination on 2026-07-24, ground 'breach'" in lines
    assert "  Remedy deadline (Art. 12 al. 2): 2026-07-22" in lines
    assert "  Breach: recorded as impeding the experiment; not remedied" in lines
    assert f"Market {MARKET}, as signed: 180 000,00 € TTC, 3 beneficiaries declared" in lines
    assert "Beneficiaries used: 3 (declared)" in lines
    # the arithmetic: 180 000.00 ÷ 3 = 60 000.00
    assert "  Market share = 180 000,00 € ÷ 3 beneficiaries = 60 000,00 €" in lines
    assert "  Total = market share = 60 000,00 €" in lines
    assert "not a verdict" in out
    assert "Art. 12 al. 3 : « En cas de résiliation unilatérale" in out


def test_rivebelle_is_due_json(capsys: pytest.CaptureFixture[str]) -> None:
    # 60 000.00 + 1 500.00 + 0.50 = 61 500.50
    data = run_json(
        capsys,
        str(RIVEBELLE),
        "--on",
        "2026-08-01",
        "--item",
        "frais de relance=1500",
        "--item",
        "timbre=0.50",
    )
    assert data["mode"] == "convention"
    assert "assumed_due" not in data
    assert data["file"] == str(RIVEBELLE)
    assert data["on"] == "2026-08-01"
    assert data["reference"] == "MGP-AM-2026-EX-004"
    assert data["state"] == "terminated"
    assert data["facts"] == {
        "ground": "breach",
        "terminated_on": "2026-07-24",
        "breach_impedes_experiment": True,
        "remedied_in_time": False,
        "remedy_deadline": "2026-07-22",
    }
    assert data["due"] is True
    assert data["reasons"] == []
    assert data["market_reference"] == MARKET
    assert data["market_amended_on"] is None
    assert data["market_total_ttc"] == "180000.00"
    assert data["market_share"] == "60000.00"
    assert data["items"] == [
        {"label": "frais de relance", "amount": "1500.00"},
        {"label": "timbre", "amount": "0.50"},
    ]
    assert data["total"] == "61500.50"
    assert data["beneficiaries"] == {
        "declared": 3,
        "counted": None,
        "used": 3,
        "source": "declared",
        "note": None,
        "portfolio": None,
    }
    assert data["steps"][-1] == "Total = 60 000,00 € + 1 500,00 € + 0,50 € = 61 500,50 €"


def test_on_defaults_to_today_in_paris(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # "today" is 23 July 2026: the day after the deadline, the day before the termination
    monkeypatch.setattr(indemnity_command, "today_in_paris", lambda: dt.date(2026, 7, 23))
    data = run_json(capsys, str(RIVEBELLE))
    assert data["on"] == "2026-07-23"
    assert data["due"] is False
    assert data["reasons"] == [NOT_TERMINATED]


def test_stdin(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(RIVEBELLE.read_bytes())))
    data = run_json(capsys, "-", "--on", "2026-08-01")
    assert data["file"] == "-"
    assert data["market_share"] == "60000.00"


# --- not due: every reason ---------------------------------------------------------------


def test_before_the_termination_date_it_is_not_due(capsys: pytest.CaptureFixture[str]) -> None:
    # On 23 July 2026 the termination (24 July) has not happened yet: only the events
    # dated up to --on count; the breach is still open and impeding.
    code, out, _ = run(capsys, str(RIVEBELLE), "--on", "2026-07-23")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].endswith("on 2026-07-23: remedy_period — délai de remédiation")
    assert lines[1:3] == ["Art. 12 al. 3 indemnity: not due.", f"  - {NOT_TERMINATED}"]
    assert "  Termination: none" in lines
    assert "Breakdown:" not in out


def test_bois_fictif_is_not_due(capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(capsys, str(BOIS), "--on", "2026-12-01")
    assert data["due"] is False
    assert data["state"] == "remedy_period"
    assert data["reasons"] == [NOT_TERMINATED]
    assert data["facts"]["remedy_deadline"] == "2026-12-21"  # Sun 20 Dec → Mon 21 Dec
    assert data["market_share"] is None
    assert data["total"] is None
    assert data["steps"] == []
    assert data["market_total_ttc"] == "180000.00"  # the inputs are still shown


def test_a_breach_not_impeding_is_not_due(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    events = list(events_of(RIVEBELLE))
    breach = events[3]
    assert isinstance(breach, BreachRecorded)
    events[3] = attrs.evolve(breach, impedes_experiment=False)
    path = write(tmp_path, RIVEBELLE, *events)
    data = run_json(capsys, path, "--on", "2026-08-01")
    assert data["due"] is False
    assert data["state"] == "terminated"
    assert data["facts"]["breach_impedes_experiment"] is False
    assert data["reasons"] == [
        "the breach was recorded as not preventing the start or the proper running of the "
        "experiment (Art. 12 al. 3)"
    ]


def test_a_termination_for_interruption_is_not_due(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    stop = Termination(dt.date(2026, 9, 1), ground=Ground.INTERRUPTION, reason="fin anticipée")
    path = write(tmp_path, PLAINE, *events_of(PLAINE), stop)
    code, out, _ = run(capsys, path, "--on", "2026-09-01")
    assert code == 0
    lines = out.splitlines()
    # two unmet conditions: the ground, and no breach at all
    assert lines[1:4] == [
        "Art. 12 al. 3 indemnity: not due.",
        "  - the convention was terminated on ground 'interruption' (the Métropole's wish "
        "to interrupt the experiment, Art. 12 al. 1), not for a breach by the beneficiary "
        "(Art. 12 al. 3)",
        "  - no breach by the beneficiary is recorded (Art. 12 al. 3)",
    ]
    assert "  Breach: none recorded" in lines


def test_a_breach_remedied_in_time_is_not_due(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Bois-Fictif remedies on 1 December 2026 (deadline 21 December), then the Métropole
    # interrupts the experiment on 15 January 2027 (after the deadline, so the only
    # reasons are the ground and the remedy).
    path = write(
        tmp_path,
        BOIS,
        *events_of(BOIS),
        BreachRemedied(dt.date(2026, 12, 1)),
        Termination(dt.date(2027, 1, 15), ground=Ground.INTERRUPTION, reason="fin anticipée"),
    )
    data = run_json(capsys, path, "--on", "2027-02-01")
    assert data["due"] is False
    assert data["facts"]["remedied_in_time"] is True
    assert data["facts"]["remedy_deadline"] == "2026-12-21"
    assert len(data["reasons"]) == 2
    assert data["reasons"][0].startswith("the convention was terminated on ground 'interruption'")
    assert data["reasons"][1] == (
        "the breach was remedied within the remedy period, on or before 2026-12-21 (Art. 12 al. 3)"
    )
    # Before the termination: not terminated, and remedied
    data = run_json(capsys, path, "--on", "2026-12-10")
    assert data["state"] == "experimenting"
    assert data["reasons"][0] == NOT_TERMINATED
    assert len(data["reasons"]) == 2


# --- the market figures as amended on --on (Art. 11) -------------------------------------


def amended_rivebelle(tmp_path: Path, changes: Changes) -> str:
    """Rivebelle with an amendment signed on 1 July 2026, before the termination."""
    events = events_of(RIVEBELLE)
    amendment = AmendmentSigned(dt.date(2026, 7, 1), changes=changes)
    return write(tmp_path, RIVEBELLE, *events[:5], amendment, events[5])


def test_an_amendment_of_the_market_total(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = amended_rivebelle(tmp_path, Changes(market_total_ttc=Decimal("200000.00")))
    # 200 000.00 ÷ 3 = 66 666.666… → 66 666.67 (half up)
    data = run_json(capsys, path, "--on", "2026-08-01")
    assert data["due"] is True
    assert data["market_total_ttc"] == "200000.00"
    assert data["market_amended_on"] == "2026-07-01"
    assert data["market_share"] == "66666.67"
    assert data["steps"][0] == (
        "Market share = 200 000,00 € ÷ 3 beneficiaries = 66 666,666666… € → 66 666,67 € "
        "(rounded half up to the cent, Reg. (EC) 1103/97 art. 5)"
    )
    code, out, _ = run(capsys, path, "--on", "2026-08-01")
    assert code == 0
    assert (
        f"Market {MARKET}, as amended on 2026-07-01 (Art. 11): 200 000,00 € TTC, "
        "3 beneficiaries declared"
    ) in out.splitlines()
    # The day before the amendment, the terms as signed are in force
    data = run_json(capsys, path, "--on", "2026-06-30")
    assert data["market_total_ttc"] == "180000.00"
    assert data["market_amended_on"] is None


def test_an_amendment_of_the_beneficiaries_with_a_portfolio(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Declared 4 after the amendment; on 1 December 2026 the examples hold 4 conventions
    # signed by both parties (01, 02, 03, 04): no difference. 180 000.00 ÷ 4 = 45 000.00.
    path = amended_rivebelle(tmp_path, Changes(market_beneficiaries=4))
    data = run_json(capsys, path, "--on", "2026-12-01", "--portfolio", str(EXAMPLES))
    assert data["beneficiaries"]["declared"] == 4
    assert data["beneficiaries"]["counted"] == 4
    assert data["beneficiaries"]["note"] is None
    assert data["market_share"] == "45000.00"


# --- the number of beneficiaries from a portfolio folder -------------------------------------


@pytest.mark.parametrize(
    ("on", "counted"),
    [
        ("2026-08-01", 3),  # 02, 03, 04
        ("2026-11-18", 3),  # 01: the beneficiary signed on 12 Nov, the Métropole not yet
        ("2026-11-19", 4),  # 01 signed by the Métropole that day
        ("2026-12-01", 4),  # 05 is signed by the Métropole only
    ],
)
def test_portfolio_count(capsys: pytest.CaptureFixture[str], on: str, counted: int) -> None:
    data = run_json(capsys, str(RIVEBELLE), "--on", on, "--portfolio", str(EXAMPLES))
    beneficiaries = data["beneficiaries"]
    assert beneficiaries["declared"] == 3
    assert beneficiaries["counted"] == counted
    assert beneficiaries["used"] == 3  # the declared figure is the default
    assert beneficiaries["portfolio"] == {
        "folder": str(EXAMPLES),
        "files_loaded": 5,
        "files_failed": 0,
        "files_for_market": 5,
        "signed_by_both": counted,
    }
    if counted == 3:
        assert beneficiaries["note"] is None
    else:
        assert beneficiaries["note"] == (
            "the market data declare 3 beneficiaries, but 4 conventions for this market "
            "are signed by both parties; the declared figure is used"
        )
    assert data["market_share"] == "60000.00"


def test_portfolio_text_says_how_many_files(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, str(RIVEBELLE), "--on", "2026-12-01", "--portfolio", str(EXAMPLES))
    assert code == 0
    assert err == ""
    lines = out.splitlines()
    assert (
        f"Portfolio {EXAMPLES}: 5 files loaded and counted; 5 for this market, "
        "4 beneficiaries signed by both parties on or before 2026-12-01"
    ) in lines
    assert "Beneficiaries used: 3 (declared)" in lines
    assert "  Note: the market data declare 3 beneficiaries, but 4 conventions" in out
    # 180 000.00 ÷ 4 = 45 000.00, shown for comparison
    assert "  (With 4 beneficiaries instead, the market share would be 45 000,00 €.)" in lines


def test_portfolio_files_that_fail_are_warnings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "portfolio"
    folder.mkdir()
    for example in sorted(EXAMPLES.glob("*.json")):
        shutil.copy(example, folder)
    (folder / "broken.json").write_text("{", encoding="utf-8")
    # a convention with two problems: still one line
    data = json.loads(dumps(load_path(PLAINE)))
    data["market"]["total_ttc"] = "12,50"
    data["beneficiary"]["siren"] = "123"
    (folder / "two-problems.json").write_text(json.dumps(data), encoding="utf-8")
    # another market's convention: loaded, not for this market
    other = attrs.evolve(
        load_path(EXAMPLES / "01-valmont-signee.json"),
        market=attrs.evolve(load_path(PLAINE).market, reference="AUTRE MARCHÉ"),
    )
    dump_path(other, folder / "zz-other-market.json")

    code, out, err = run(
        capsys, str(RIVEBELLE), "--on", "2026-12-01", "--portfolio", str(folder), "--json"
    )
    assert code == 0
    warnings = err.splitlines()
    assert len(warnings) == 2, err
    assert warnings[0].startswith(f"warning: {folder / 'broken.json'}: ")
    assert warnings[0].endswith("; not counted")
    assert warnings[1].startswith(f"warning: {folder / 'two-problems.json'}: ")
    assert "(and 1 more problem)" in warnings[1]
    portfolio = json.loads(out)["beneficiaries"]["portfolio"]
    # the 5 examples and the other market's file load; 4 signed for this market
    assert portfolio == {
        "folder": str(folder),
        "files_loaded": 6,
        "files_failed": 2,
        "files_for_market": 5,
        "signed_by_both": 4,
    }
    code, out, _ = run(capsys, str(RIVEBELLE), "--on", "2026-12-01", "--portfolio", str(folder))
    assert "6 files loaded and counted, 2 could not be loaded (not counted)" in out


# --- exit codes: 1 for a file, 2 for the command line ----------------------------------------


def test_a_refused_event_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # A termination for breach on 20 July 2026, before the deadline of 22 July
    early = Termination(dt.date(2026, 7, 20), ground=Ground.BREACH)
    path = write(tmp_path, RIVEBELLE, *events_of(RIVEBELLE)[:5], early)
    code, out, err = run(capsys, path, "--on", "2026-08-01")
    assert code == 1
    assert out == ""
    assert err.startswith("error: $.events[5]: 'termination:breach' refused in state")
    assert "the remedy period runs until 2026-07-22" in err
    assert len(err.splitlines()) == 1


def test_invalid_files_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, str(tmp_path / "missing.json"))
    assert (code, out) == (1, "")
    assert "cannot read" in err
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    code, _, err = run(capsys, str(bad))
    assert code == 1
    assert "not valid JSON" in err
    code, _, err = run(capsys, str(RIVEBELLE), "--portfolio", str(tmp_path / "nowhere"))
    assert code == 1
    assert "is not a folder" in err


USAGE_ERRORS = [
    ([str(RIVEBELLE), "--market-total-ttc", "100"], "not both"),
    ([str(RIVEBELLE), "--market-total-ht", "100"], "not both"),
    ([str(RIVEBELLE), "--beneficiaries", "3"], "not both"),
    ([str(RIVEBELLE), "--vat-rate", "0.2"], "not both"),
    ([], "give a convention FILE, or the market figures"),
    (["--json"], "give a convention FILE, or the market figures"),
    (["--item", "frais=1"], "give a convention FILE, or the market figures"),
    (["--portfolio", str(EXAMPLES)], "--portfolio applies only to a convention FILE"),
    (["--on", "2026-08-01", "--market-total-ttc", "1", "--beneficiaries", "1"], "--on applies"),
    ([str(RIVEBELLE), "--on", "2026-8-1"], "invalid date '2026-8-1'"),
    ([str(RIVEBELLE), "--item", "frais"], "no amount"),
    ([str(RIVEBELLE), "--item", "frais=12,50"], "as a dot"),
    ([str(RIVEBELLE), "--item", "frais=-1"], "is negative"),
]


@pytest.mark.parametrize(("args", "message"), USAGE_ERRORS)
def test_usage_errors_exit_2_with_one_line(
    capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    code, out, err = run(capsys, *args)
    assert code == 2
    assert out == ""
    lines = err.splitlines()
    assert lines[-1].startswith("mgp-convention")
    assert message in lines[-1]
    if "invalid date" not in message:  # argparse's own errors print the usage first
        assert len(lines) == 1, err


def test_a_usage_error_comes_before_reading_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, str(tmp_path / "missing.json"), "--item", "frais")
    assert code == 2
    assert "no amount" in err


def test_help_shows_both_modes(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--help")
    assert code == 0
    assert "[FILE]" in out
    assert "--portfolio DIR" in out
    assert "--on DATE" in out
    assert "mgp-convention indemnity examples/04-rivebelle-resiliee.json --on 2026-08-01" in out
    assert "mgp-convention indemnity --market-total-ttc 100000.00 --beneficiaries 3" in out
    assert "not a verdict" in out
    assert "Exit codes: 0 computed (due or not), 1 invalid file or refused event" in out


def test_a_count_of_one_is_singular(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Rivebelle alone in its folder, its market declaring 1 beneficiary: one file, one
    # beneficiary declared, one signed by both parties (signatures before 2026-12-01).
    data = json.loads(RIVEBELLE.read_text(encoding="utf-8"))
    data["market"]["beneficiaries"] = 1
    alone = tmp_path / "04.json"
    alone.write_text(json.dumps(data), encoding="utf-8")
    code, out, _ = run(capsys, str(alone), "--on", "2026-12-01", "--portfolio", str(tmp_path))
    assert code == 0
    lines = out.splitlines()
    assert f"Market {MARKET}, as signed: 180 000,00 € TTC, 1 beneficiary declared" in lines
    assert (
        f"Portfolio {tmp_path}: 1 file loaded and counted; 1 for this market, "
        "1 beneficiary signed by both parties on or before 2026-12-01"
    ) in lines
    assert not [line for line in lines if "1 beneficiaries" in line or "1 files" in line]
