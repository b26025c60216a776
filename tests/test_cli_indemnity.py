"""``mgp-convention indemnity`` from figures: the amount that may be claimed IF it is due.

Each amount is divided by hand and rounded half up to the cent (Reg. (EC) 1103/97);
the text is French by default, English with ``--lang en``.
"""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from mgp_convention.cli import COMMANDS, main

LIMIT_WORDS = re.compile(r"ceiling|\bcaps?\b|plafond", re.IGNORECASE)


def plain(text: str) -> str:
    """Babel's narrow and non-breaking spaces as plain spaces."""
    return text.replace("\u202f", " ").replace("\xa0", " ")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """Run ``mgp-convention indemnity ARGS``; return the exit code, stdout and stderr."""
    try:
        code = main(["indemnity", *args])
    except SystemExit as exit_:  # argparse and UsageError exit through parser.exit()
        code = int(exit_.code or 0)
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, plain(out), err


def run_json(capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, Any]:
    code, out, err = run(capsys, *args, "--json")
    assert code == 0, err
    data: dict[str, Any] = json.loads(out)
    return data


def test_the_command_is_registered() -> None:
    assert "indemnity" in [name for name, _, _ in COMMANDS]


def test_uneven_division_in_french(capsys: pytest.CaptureFixture[str]) -> None:
    # 100 000.00 ÷ 3 = 33 333.333… → 33 333.33; French by default
    code, out, err = run(capsys, "--market-total-ttc", "100000.00", "--beneficiaries", "3")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == (
        "Indemnité de l'Art. 12 al. 3, calculée à partir des chiffres : montant qui peut être "
        "demandé SI l'indemnité est due : 33 333,33 €."
    )
    assert lines[1].endswith("(supposées ici, non vérifiées) :")
    assert sum(line.startswith("  - ") and line.endswith("(Art. 12 al. 3)") for line in lines) == 8
    assert (
        "  Quote-part du marché = 100 000,00 € ÷ 3 bénéficiaires = 33 333,333333… → 33 333,33 €, "
        "arrondi au centime, la moitié vers le haut (Reg. (EC) 1103/97 art. 5)"
    ) in lines
    assert "  Nombre de bénéficiaires ayant contractualisé : 3, le nombre déclaré" in lines
    assert "  Montant qui peut être demandé = la quote-part du marché = 33 333,33 €" in lines
    assert "« selon son préjudice »" in out
    assert lines[-1].startswith("Art. 12 al. 3 : « En cas de résiliation unilatérale")


def test_uneven_division_in_english(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys, "--market-total-ttc", "100000.00", "--beneficiaries", "3", "--lang", "en"
    )
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == (
        "Art. 12 al. 3 indemnity, computed from figures: amount that may be claimed IF the "
        "indemnity is due: €33,333.33."
    )
    assert (
        "  - its formal notice (registered letter with acknowledgement of receipt) was sent "
        "(Art. 12 al. 3)"
    ) in lines
    assert (
        "  Market share = €100,000.00 ÷ 3 beneficiaries = 33,333.333333… → €33,333.33, rounded "
        "half up to the cent (Reg. (EC) 1103/97 art. 5)"
    ) in lines


def test_the_language_comes_from_the_environment(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MGP_CONVENTION_LANG", "en")
    _, out, _ = run(capsys, "--market-total-ttc", "90000", "--beneficiaries", "1")
    assert out.startswith("Art. 12 al. 3 indemnity, computed from figures")
    monkeypatch.setenv("MGP_CONVENTION_LANG", "fr")
    _, out, _ = run(capsys, "--market-total-ttc", "90000", "--beneficiaries", "1")
    assert out.startswith("Indemnité de l'Art. 12 al. 3")


def test_even_division_json_keeps_codes_and_adds_labels(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # 100 000.00 ÷ 4 = 25 000.00 exactly
    data = run_json(capsys, "--market-total-ttc", "100000", "--beneficiaries", "4")
    assert (data["mode"], data["due"], data["assumed_due"]) == ("figures", None, True)
    assert (data["market_share"], data["total"], data["items"]) == ("25000.00", "25000.00", [])
    assert data["article"] == "Art. 12 al. 3"
    assert [c["condition"] for c in data["conditions"]][:2] == [
        "termination_in_effect",
        "by_metropole",
    ]
    assert data["conditions"][0]["message_en"] == (
        "a termination has taken effect on the date of the claim"
    )
    assert [step["code"] for step in data["steps"]] == ["beneficiaries", "market_share", "total"]
    assert plain(data["steps"][1]["message"]) == (
        "Quote-part du marché = 100 000,00 € ÷ 4 bénéficiaires = 25 000,00 €"
    )
    assert data["steps"][1]["message_en"] == (
        "Market share = €100,000.00 ÷ 4 beneficiaries = €25,000.00"
    )
    assert data["beneficiaries"]["source"] == "declared"
    assert data["beneficiaries"]["used"] == 4
    assert data["note_en"] == "It is due only if all of these hold (assumed here, not checked):"


def test_market_share_of_100000_01_among_two_is_50000_01(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # 100 000.01 ÷ 2 = 50 000.005: half a cent, rounded up
    data = run_json(capsys, "--market-total-ttc", "100000.01", "--beneficiaries", "2")
    assert data["market_share"] == "50000.01"


def test_one_beneficiary_bears_the_whole_market(capsys: pytest.CaptureFixture[str]) -> None:
    # 180 000.00 ÷ 1 = 180 000.00; « 1 bénéficiaire », "1 beneficiary"
    data = run_json(capsys, "--market-total-ttc", "180000", "--beneficiaries", "1")
    assert data["market_share"] == "180000.00"
    assert "÷ 1 bénéficiaire =" in plain(data["steps"][1]["message"])
    assert "÷ 1 beneficiary =" in data["steps"][1]["message_en"]


def test_further_items_are_added(capsys: pytest.CaptureFixture[str]) -> None:
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
    assert data["steps"][-1]["message_en"] == (
        "Amount that may be claimed = €33,333.33 + €1,500.00 + €0.50 = €34,833.83"
    )


def test_a_cost_before_tax(capsys: pytest.CaptureFixture[str]) -> None:
    # 83 333.33 HT × 1.20 = 99 999.996 → 100 000.00 TTC; ÷ 3 → 33 333.33
    data = run_json(capsys, "--market-total-ht", "83333.33", "--beneficiaries", "3")
    assert (data["market_total_ttc"], data["market_total_ht"], data["vat_rate"]) == (
        "100000.00",
        "83333.33",
        "0.20",
    )
    assert data["market_share"] == "33333.33"
    assert data["steps"][0]["code"] == "market_total_ttc"


@pytest.mark.parametrize("rate", ["0.055", "5.5%"])
def test_a_cost_before_tax_at_another_rate(capsys: pytest.CaptureFixture[str], rate: str) -> None:
    # 10 000.00 HT × 1.055 = 10 550.00 TTC; ÷ 2 = 5 275.00
    data = run_json(
        capsys, "--market-total-ht", "10000", "--vat-rate", rate, "--beneficiaries", "2"
    )
    assert (data["market_total_ttc"], data["market_share"]) == ("10550.00", "5275.00")


USAGE_ERRORS = [
    (["--market-total-ttc", "100", "--beneficiaries", "0"], "--beneficiaries: '0'"),
    (["--market-total-ttc", "100", "--beneficiaries", "-2"], "--beneficiaries: '-2'"),
    (["--market-total-ttc", "100", "--beneficiaries", "2.5"], "--beneficiaries: '2.5'"),
    (["--market-total-ttc", "100", "--beneficiaries", "trois"], "--beneficiaries: 'trois'"),
    (["--market-total-ttc", "100", "--beneficiaries", "²"], "--beneficiaries: '²'"),
    (["--market-total-ttc", "100"], "--beneficiaries: missing"),
    (["--beneficiaries", "2"], "give the market total"),
    (["--market-total-ttc", "-100", "--beneficiaries", "2"], "--market-total-ttc: -€100.00"),
    (["--market-total-ttc", "1e3", "--beneficiaries", "2"], "not a plain amount"),
    (["--market-total-ttc", "12,50", "--beneficiaries", "2"], "as a dot"),
    (["--market-total-ttc", "12.505", "--beneficiaries", "2"], "more than two decimals"),
    (["--market-total-ttc", "", "--beneficiaries", "2"], "no amount given"),
    (["--market-total-ttc", "100", "--beneficiaries", "2", "--item", "frais"], "no amount"),
    (["--market-total-ttc", "100", "--beneficiaries", "2", "--item", "=5"], "no label"),
    (["--market-total-ttc", "100", "--beneficiaries", "2", "--item", " =5"], "no label"),
    (["--market-total-ttc", "100", "--beneficiaries", "2", "--item", "frais="], "no amount"),
    (["--market-total-ttc", "100", "--beneficiaries", "2", "--item", "a=-1"], "--item 'a=-1'"),
    (["--market-total-ttc", "100", "--beneficiaries", "2", "--item", "a=1,5"], "dot"),
    (["--market-total-ttc", "100", "--market-total-ht", "80", "--beneficiaries", "2"], "not both"),
    (
        ["--market-total-ttc", "100", "--vat-rate", "0.2", "--beneficiaries", "2"],
        "--vat-rate applies only to --market-total-ht",
    ),
    (
        ["--market-total-ht", "100", "--vat-rate", "20", "--beneficiaries", "2"],
        "--vat-rate: '20' is not a rate between 0 and 1",
    ),
    (["--market-total-ht", "100,5", "--beneficiaries", "2"], "--market-total-ht: '100,5'"),
    (["--market-total-ttc", "1", "--beneficiaries", "1", "--count-until", "claim"], "applies only"),
]


@pytest.mark.parametrize(("args", "message"), USAGE_ERRORS)
def test_usage_errors_exit_2_with_one_line(
    capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    code, out, err = run(capsys, *args, "--lang", "en")
    assert (code, out) == (2, "")
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("mgp-convention: error: ")
    assert message in lines[0]


#: Usage errors said in French (the default), each with the words that say what to do.
USAGE_ERRORS_FR = [
    (["--market-total-ttc", "100"], "--beneficiaries: absent : indiquez le nombre"),
    (["--beneficiaries", "2"], "indiquez le coût total du marché"),
    (["--market-total-ttc", "-100", "--beneficiaries", "2"], "-100,00 € est négatif"),
    (["--market-total-ttc", "12.505", "--beneficiaries", "2"], "plus de deux décimales"),
    (["--market-total-ttc", "1", "--beneficiaries", "0"], "'0' n'est pas un nombre de bénéf"),
    (["--market-total-ttc", "1", "--beneficiaries", "1", "--item", "frais"], "aucun montant"),
    (["--market-total-ttc", "1", "--beneficiaries", "1", "--item", "=5"], "aucun libellé"),
    (["--market-total-ttc", "1", "--market-total-ht", "1", "--beneficiaries", "1"], "pas les deux"),
    (
        ["--market-total-ht", "1", "--vat-rate", "20", "--beneficiaries", "1"],
        "compris entre 0 et 1",
    ),
    (["--market-total-ttc", "1", "--vat-rate", "0.2", "--beneficiaries", "1"], "ne s'emploie qu"),
    (["--on", "2026-12-01"], "--on ne s'emploie qu'avec un fichier de convention"),
    ([], "indiquez un fichier de convention, ou les chiffres du marché"),
]


@pytest.mark.parametrize(("args", "message"), USAGE_ERRORS_FR)
def test_usage_errors_in_french(
    capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    code, out, err = run(capsys, *args)
    assert (code, out) == (2, "")
    lines = plain(err).splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("mgp-convention : erreur : ")
    assert message in lines[0]


def test_a_comma_says_to_write_a_dot(capsys: pytest.CaptureFixture[str]) -> None:
    _, _, err = run(capsys, "--market-total-ttc", "12,50", "--beneficiaries", "2", "--lang", "en")
    assert err == (
        "mgp-convention: error: --market-total-ttc: '12,50' has a comma; write the decimal "
        'separator as a dot, like "12.50"\n'
    )
    _, _, err = run(capsys, "--market-total-ttc", "12,50", "--beneficiaries", "2")
    assert err == (
        "mgp-convention : erreur : --market-total-ttc: '12,50' contient une virgule : écrivez "
        'les décimales après un point, par ex. "12.50"\n'
    )


def test_help_shows_both_modes(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--help", "--lang", "en")
    assert code == 0
    assert "1. from a convention file:" in out
    assert "2. from figures:" in out
    assert "     indemnity FILE [--on DATE]\n" in out
    assert "[--portfolio DIR [--count-until claim|termination]]" in out
    assert "--market-total-ttc AMOUNT" in out
    assert "--item LABEL=AMOUNT" in out
    assert "--lang {fr,en}" in out
    assert "mgp-convention indemnity examples/04-rivebelle-resiliee.json --on 2026-08-01" in out
    assert "Exit codes: 0 computed (due or not), 1 invalid file or refused event" in out


def test_help_in_french(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--help")
    assert code == 0
    assert "1. à partir d'un fichier de convention :" in out
    assert "2. à partir de chiffres :" in out
    assert "     indemnity FICHIER [--on DATE]\n" in out
    assert "[--portfolio DOSSIER [--count-until claim|termination]]" in out
    assert "--market-total-ttc MONTANT" in out
    assert "--item LIBELLÉ=MONTANT" in out
    assert "la quote-part du marché" in out
    assert "Codes de sortie : 0 calculée (due ou non), 1 fichier non valable" in out


def test_no_word_makes_the_market_share_a_limit(capsys: pytest.CaptureFixture[str]) -> None:
    # RULES v2: an item of the amount that may be claimed, within the prejudice
    outputs = [run(capsys, "--help", "--lang", lang)[1] for lang in ("fr", "en")]
    for lang in ("fr", "en"):
        outputs.append(
            run(capsys, "--market-total-ht", "1000", "--beneficiaries", "3", "--lang", lang)[1]
        )
    outputs.append(run(capsys, "--market-total-ttc", "1", "--beneficiaries", "1", "--json")[1])
    assert not [text for text in outputs if LIMIT_WORDS.search(text)]
