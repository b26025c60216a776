"""``mgp-convention indemnity``: the quick computation, its JSON, and its usage errors."""

from __future__ import annotations

import json

import pytest

from mgp_convention.articles.art12_indemnity import (
    CONDITIONS,
    TerminationFacts,
    assess_indemnity,
    market_total_from_ttc,
)
from mgp_convention.cli import COMMANDS, main
from mgp_convention.cli import indemnity as indemnity_command


@pytest.fixture(autouse=True)
def _english(monkeypatch: pytest.MonkeyPatch) -> None:
    """The command's messages here are English (``mgp-convention: error: …``): the
    French ones are being written on the indemnity's own branch."""
    monkeypatch.setenv("MGP_CONVENTION_LANG", "en")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """Run ``mgp-convention indemnity ARGS``; return the exit code, stdout and stderr."""
    try:
        code = main(["indemnity", *args])
    except SystemExit as exit_:  # argparse and UsageError exit through parser.exit()
        code = int(exit_.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def run_json(capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, object]:
    code, out, err = run(capsys, *args, "--json")
    assert code == 0, err
    data: dict[str, object] = json.loads(out)
    return data


def test_the_command_is_registered() -> None:
    assert indemnity_command in COMMANDS


def test_uneven_division_text(capsys: pytest.CaptureFixture[str]) -> None:
    # 100 000.00 ÷ 3 = 33 333.333… → 33 333.33
    code, out, err = run(capsys, "--market-total-ttc", "100000.00", "--beneficiaries", "3")
    assert code == 0
    assert err == ""
    lines = out.splitlines()
    assert lines[0] == (
        "Art. 12 al. 3 indemnity, quick computation: a ceiling of 33 333,33 € IF the "
        "indemnity is due,"
    )
    for condition in CONDITIONS:
        assert f"  - {condition}" in lines
    assert (
        "  Market share = 100 000,00 € ÷ 3 beneficiaries = 33 333,333333… € → 33 333,33 € "
        "(rounded half up to the cent, Reg. (EC) 1103/97 art. 5)"
    ) in lines
    assert "not a verdict" in out
    assert "« En cas de résiliation unilatérale" in out


def test_even_division_json(capsys: pytest.CaptureFixture[str]) -> None:
    # 100 000.00 ÷ 4 = 25 000.00 exactly
    data = run_json(capsys, "--market-total-ttc", "100000", "--beneficiaries", "4")
    assert data["due"] is True
    assert data["mode"] == "quick"
    assert data["assumed_due"] is True
    assert "IF the indemnity is due" in str(data["note"])
    assert data["market_share"] == "25000.00"
    assert data["total"] == "25000.00"
    assert data["items"] == []
    assert data["reasons"] == []
    assert data["article"] == "Art. 12 al. 3"


def test_half_cent_rounds_up(capsys: pytest.CaptureFixture[str]) -> None:
    # 100 000.01 ÷ 2 = 50 000.005 → 50 000.01 (half up)
    data = run_json(capsys, "--market-total-ttc", "100000.01", "--beneficiaries", "2")
    assert data["market_share"] == "50000.01"


def test_one_beneficiary(capsys: pytest.CaptureFixture[str]) -> None:
    # 180 000.00 ÷ 1 = 180 000.00
    data = run_json(capsys, "--market-total-ttc", "180000", "--beneficiaries", "1")
    assert data["market_share"] == "180000.00"
    assert data["steps"] == [
        "Market share = 180 000,00 € ÷ 1 beneficiary = 180 000,00 €",
        "Total = market share = 180 000,00 €",
    ]


def test_items(capsys: pytest.CaptureFixture[str]) -> None:
    # 100 000.00 ÷ 3 = 33 333.33; + 1 500.00 + 0.50 = 34 833.83
    data = run_json(
        capsys,
        "--market-total-ttc=100000.00",
        "--beneficiaries=3",
        "--item",
        "frais de relance=1500",
        "--item",
        "x=y=0.50",  # the amount follows the last '=': the label is 'x=y'
    )
    assert data["items"] == [
        {"label": "frais de relance", "amount": "1500.00"},
        {"label": "x=y", "amount": "0.50"},
    ]
    assert data["total"] == "34833.83"


def test_ht_input(capsys: pytest.CaptureFixture[str]) -> None:
    # 83 333.33 HT × 1.20 = 99 999.996 → 100 000.00 TTC; ÷ 3 → 33 333.33
    data = run_json(capsys, "--market-total-ht", "83333.33", "--beneficiaries", "3")
    assert data["market_total_ttc"] == "100000.00"
    assert data["market_total_ht"] == "83333.33"
    assert data["vat_rate"] == "0.20"
    assert data["market_share"] == "33333.33"


@pytest.mark.parametrize("rate", ["0.055", "5.5%"])
def test_ht_input_with_a_rate(capsys: pytest.CaptureFixture[str], rate: str) -> None:
    # 10 000.00 HT × 1.055 = 10 550.00 TTC; ÷ 2 = 5 275.00
    data = run_json(
        capsys, "--market-total-ht", "10000", "--vat-rate", rate, "--beneficiaries", "2"
    )
    assert data["market_total_ttc"] == "10550.00"
    assert data["market_share"] == "5275.00"


USAGE_ERRORS = [
    (["--market-total-ttc", "100", "--beneficiaries", "0"], "--beneficiaries: '0'"),
    (["--market-total-ttc", "100", "--beneficiaries", "-2"], "--beneficiaries: '-2'"),
    (["--market-total-ttc", "100", "--beneficiaries", "2.5"], "--beneficiaries: '2.5'"),
    (["--market-total-ttc", "100", "--beneficiaries", "trois"], "--beneficiaries: 'trois'"),
    (["--market-total-ttc", "100"], "--beneficiaries: missing"),
    (["--beneficiaries", "2"], "give the market total"),
    (["--market-total-ttc", "-100", "--beneficiaries", "2"], "is negative"),
    (["--market-total-ttc", "1e3", "--beneficiaries", "2"], "not a plain amount"),
    (["--market-total-ttc", "12,50", "--beneficiaries", "2"], "as a dot"),
    (["--market-total-ttc", "12.505", "--beneficiaries", "2"], "more than two decimals"),
    (["--market-total-ttc", "", "--beneficiaries", "2"], "no amount given"),
    (["--market-total-ttc", "100", "--beneficiaries", "2", "--item", "frais"], "no amount"),
    (["--market-total-ttc", "100", "--beneficiaries", "2", "--item", "=5"], "no label"),
    (["--market-total-ttc", "100", "--beneficiaries", "2", "--item", " =5"], "no label"),
    (["--market-total-ttc", "100", "--beneficiaries", "2", "--item", "frais="], "no amount"),
    (["--market-total-ttc", "100", "--beneficiaries", "2", "--item", "a=-1"], "is negative"),
    (["--market-total-ttc", "100", "--beneficiaries", "2", "--item", "a=1,5"], "dot"),
    (
        ["--market-total-ttc", "100", "--market-total-ht", "80", "--beneficiaries", "2"],
        "not both",
    ),
    (
        ["--market-total-ttc", "100", "--vat-rate", "0.2", "--beneficiaries", "2"],
        "--vat-rate applies only to --market-total-ht",
    ),
    (
        ["--market-total-ht", "100", "--vat-rate", "20", "--beneficiaries", "2"],
        "--vat-rate: '20' is not a rate between 0 and 1",
    ),
    (["--market-total-ht", "100,5", "--beneficiaries", "2"], "--market-total-ht: '100,5'"),
]


@pytest.mark.parametrize(("args", "message"), USAGE_ERRORS)
def test_usage_errors_exit_2_with_one_line(
    capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    code, out, err = run(capsys, *args)
    assert code == 2
    assert out == ""
    assert "Traceback" not in err
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("mgp-convention: error: ")
    assert message in lines[0]


def test_comma_error_says_to_use_a_dot(capsys: pytest.CaptureFixture[str]) -> None:
    _, _, err = run(capsys, "--market-total-ttc", "12,50", "--beneficiaries", "2")
    assert err == (
        "mgp-convention: error: --market-total-ttc: '12,50' has a comma; write the decimal "
        'separator as a dot, like "12.50"\n'
    )


def test_help_describes_the_quick_computation(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--help")
    assert code == 0
    assert "--market-total-ttc AMOUNT" in out
    assert "--item LABEL=AMOUNT" in out
    assert "ceiling IF it is due" in out
    assert "examples:" in out


# --- the output of a mode whose facts are checked (the future ``indemnity FILE``) --------


@pytest.mark.parametrize("as_json", [False, True])
def test_output_when_facts_are_checked(capsys: pytest.CaptureFixture[str], as_json: bool) -> None:
    not_due = TerminationFacts(
        ground="interruption", terminated_on=None, breach_impedes_experiment=None
    )
    for facts, due in ((not_due, False), (TerminationFacts.assumed_due(), True)):
        request = indemnity_command._Request(
            facts=facts,
            market_total=market_total_from_ttc("100000"),
            beneficiaries=4,
            items=(),
            assumed=False,
        )
        assessment = assess_indemnity(facts, market_total_ttc=request.market_total, beneficiaries=4)
        indemnity_command._print(assessment, request, as_json=as_json)
        out = capsys.readouterr().out
        if as_json:
            data = json.loads(out)
            assert data["mode"] == "convention"
            assert "assumed_due" not in data
            assert data["due"] is due
        elif due:
            assert out.startswith("Art. 12 al. 3 indemnity: may be claimed, up to 25 000,00 €.")
            assert "IF" not in out
        else:
            assert out.startswith("Art. 12 al. 3 indemnity: not due.")
            assert len(out.splitlines()) == 3  # the headline and every reason
