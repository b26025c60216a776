"""``mgp-convention indemnity FILE [--on DATE] [--portfolio DIR]``: from a convention file.

Every figure is computed by hand from the bundled examples (``examples/``):

- 04 Rivebelle: signed 11 and 17 March 2026, started 11 May, breach B1 (no project
  referent, impeding the experiment) recorded 15 June, formal notice sent Monday 22 June
  2026: day 30 is Wednesday 22 July 2026, a working day, so the thirty days run until
  22 July included; terminated for breach on Friday 24 July 2026 (no notification date:
  in effect that day). Market 180 000.00 € TTC, 3 beneficiaries declared:
  180 000.00 ÷ 3 = 60 000.00.
- 03 Bois-Fictif: breach recorded 2 November 2026, notice Friday 20 November: day 30 is
  Sunday 20 December, so the deadline is Monday 21 December (CPC 642); not terminated.
- The five examples share the market « MGP-2026-AM-ACCUEIL (fictif) ». Signed by every
  party: 02, 03 and 04 by 17 March 2026, 01 Valmont on 19 November 2026; 05 only by the
  Métropole. So 3 are counted from 17 March to 18 November 2026, 4 from 19 November.
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

from mgp_convention.cli import _common, main
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

EXAMPLES = Path(__file__).parent.parent / "examples"
RIVEBELLE = EXAMPLES / "04-rivebelle-resiliee.json"
BOIS = EXAMPLES / "03-bois-fictif-remediation.json"
PLAINE = EXAMPLES / "02-plaine-exemple-experimentation.json"
SAINT = EXAMPLES / "05-saint-exemple-en-attente.json"
MARKET = "MGP-2026-AM-ACCUEIL (fictif)"


def plain(text: str) -> str:
    return text.replace("\u202f", " ").replace("\xa0", " ")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """Run ``mgp-convention indemnity ARGS``; return the exit code, stdout and stderr."""
    try:
        code = main(["indemnity", *args])
    except SystemExit as exit_:  # argparse and UsageError exit through parser.exit()
        code = int(exit_.code or 0)
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, plain(out), plain(err)


def run_json(capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, Any]:
    code, out, err = run(capsys, *args, "--json")
    assert code == 0, err
    data: dict[str, Any] = json.loads(out)
    return data


def unmet(data: dict[str, Any]) -> list[str]:
    return [condition["condition"] for condition in data["unmet_conditions"]]


def write(tmp_path: Path, base: Path, *events: Event, name: str = "convention.json") -> str:
    """The example ``base`` with ``events`` instead of its own, written in ``tmp_path``."""
    convention: Convention = attrs.evolve(load_path(base), events=events)
    path = tmp_path / name
    dump_path(convention, path)
    return str(path)


def events_of(base: Path) -> tuple[Event, ...]:
    return load_path(base).events


# --- a convention terminated for breach: due ------------------------------------------------


def test_rivebelle_is_due_in_french(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, str(RIVEBELLE), "--on", "2026-08-01", "--lang", "fr")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == f"MGP-AM-2026-EX-004 ({RIVEBELLE}), le samedi 1er août 2026 : résiliée"
    assert lines[1] == "Faits, d'après les événements datés jusqu'au samedi 1er août 2026 :"
    assert lines[2] == (
        "  Résiliation décidée le vendredi 24 juillet 2026 par la Métropole, motif : "
        "manquement ; effet au vendredi 24 juillet 2026"
    )
    assert lines[3].startswith("  Manquement B1 — désigner un référent projet (Art. 3) : empêche")
    assert lines[4] == (
        "  Mise en demeure envoyée le lundi 22 juin 2026 ; les trente jours ont couru jusqu'au "
        "mercredi 22 juillet 2026 inclus"
    )
    assert lines[5] == "  Non réparé"
    assert lines[6] == (
        f"Marché {MARKET}, tel que signé : 180 000,00 € TTC ; 3 bénéficiaires déclarés"
    )
    assert lines[7] == (
        "Indemnité de l'Art. 12 al. 3 : peut être demandée ; montant qui peut être demandé : "
        "60 000,00 €."
    )
    assert sum(line.endswith("(Art. 12 al. 3)") for line in lines) == 8
    assert "  Quote-part du marché = 180 000,00 € ÷ 3 bénéficiaires = 60 000,00 €" in lines
    # no code name shown to a person
    assert "designate_referent" not in out
    assert "'breach'" not in out


def test_rivebelle_is_due_in_english(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, str(RIVEBELLE), "--on", "2026-08-01", "--lang", "en")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == f"MGP-AM-2026-EX-004 ({RIVEBELLE}), on Saturday 1 August 2026: terminated"
    assert lines[3] == (
        "  Breach B1 — designate a project referent (Art. 3): prevents the start or the "
        "proper running of the experiment"
    )
    assert lines[6] == (
        f"Market {MARKET}, as signed: €180,000.00 incl. VAT; 3 beneficiaries declared"
    )
    assert lines[7] == (
        "Art. 12 al. 3 indemnity: may be claimed; amount that may be claimed: €60,000.00."
    )
    assert "  Amount that may be claimed = the market share = €60,000.00" in lines


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
    assert (data["mode"], data["file"], data["on"]) == ("file", str(RIVEBELLE), "2026-08-01")
    assert (data["reference"], data["state"], data["state_label"], data["state_label_en"]) == (
        "MGP-AM-2026-EX-004",
        "terminated",
        "résiliée",
        "terminated",
    )
    assert data["facts"]["termination"]["ground"] == "breach"
    assert data["facts"]["termination"]["ground_label"] == "manquement"
    assert data["facts"]["breach"]["remedy_deadline"] == "2026-07-22"
    assert (data["due"], data["unmet_conditions"], data["notes"]) == (True, [], [])
    assert (data["market_reference"], data["market_amended_on"]) == (MARKET, None)
    assert (data["market_total_ttc"], data["market_share"], data["total"]) == (
        "180000.00",
        "60000.00",
        "61500.50",
    )
    assert data["items"] == [
        {"label": "frais de relance", "amount": "1500.00"},
        {"label": "timbre", "amount": "0.50"},
    ]
    assert (data["beneficiaries"]["source"], data["beneficiaries"]["used"]) == ("declared", 3)
    assert data["portfolio"] is None


def test_on_defaults_to_today_in_paris(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # "today" is 23 July 2026: the day after the deadline, the day before the termination
    monkeypatch.setattr(_common, "today_in_paris", lambda: dt.date(2026, 7, 23))
    data = run_json(capsys, str(RIVEBELLE))
    assert data["on"] == "2026-07-23"
    assert (data["due"], unmet(data)) == (False, ["termination_in_effect"])


def test_stdin(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(RIVEBELLE.read_bytes())))
    data = run_json(capsys, "-", "--on", "2026-08-01")
    assert (data["file"], data["market_share"]) == ("-", "60000.00")


def test_stdin_with_a_folder_counts_the_beneficiary_once(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Rivebelle read from stdin is also in the folder: one beneficiary, two "files"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(RIVEBELLE.read_bytes())))
    data = run_json(capsys, "-", "--on", "2026-08-01", "--portfolio", str(EXAMPLES))
    (rivebelle,) = [
        c for c in data["beneficiaries"]["conventions"] if c["reference"] == "MGP-AM-2026-EX-004"
    ]
    assert rivebelle["files"] == [str(RIVEBELLE), "-"]
    assert data["beneficiaries"]["used"] == 3  # 02, 03, 04 on 1 August 2026


# --- not due: every unmet condition ----------------------------------------------------------


def test_before_the_termination_it_is_not_due(capsys: pytest.CaptureFixture[str]) -> None:
    # On 23 July 2026 the termination (24 July) has not been decided yet
    code, out, _ = run(capsys, str(RIVEBELLE), "--on", "2026-07-23", "--lang", "en")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].endswith("on Thursday 23 July 2026: remedy period")
    assert "  No termination decided by Thursday 23 July 2026" in lines
    assert "Art. 12 al. 3 indemnity: not due." in lines
    assert "  - no termination has been decided by Thursday 23 July 2026" in lines
    assert not [line for line in lines if "€" in line and "indemnity" in line]


def test_bois_fictif_is_not_due_and_its_inputs_are_shown(
    capsys: pytest.CaptureFixture[str],
) -> None:
    data = run_json(capsys, str(BOIS), "--on", "2026-12-01")
    assert (data["due"], data["state"], unmet(data)) == (
        False,
        "remedy_period",
        ["termination_in_effect"],
    )
    assert (data["market_share"], data["total"], data["steps"]) == (None, None, [])
    assert data["market_total_ttc"] == "180000.00"


def test_a_breach_not_impeding_is_not_due(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    events = list(events_of(RIVEBELLE))
    recorded = events[3]
    assert isinstance(recorded, BreachRecorded)
    events[3] = attrs.evolve(recorded, impedes_experiment=False)
    path = write(tmp_path, RIVEBELLE, *events)
    data = run_json(capsys, path, "--on", "2026-08-01")
    assert (data["due"], unmet(data)) == (False, ["breach_impedes_experiment"])
    assert data["unmet_conditions"][0]["reason_en"] == (
        "breach B1 was recorded as not preventing the start or the proper running of the experiment"
    )
    _, out, _ = run(capsys, path, "--on", "2026-08-01", "--lang", "fr")
    assert (
        "    Art. 12 al. 3 : « lorsque ce manquement a été de nature à empêcher le démarrage ou "
        "le bon déroulé de l'expérimentation »"
    ) in out.splitlines()


def test_an_interruption_is_not_due(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    stop = Termination(dt.date(2026, 9, 1), ground=Ground.INTERRUPTION, reason="fin anticipée")
    path = write(tmp_path, PLAINE, *events_of(PLAINE), stop)
    code, out, _ = run(capsys, path, "--on", "2026-09-01", "--lang", "en")
    assert code == 0
    lines = out.splitlines()
    assert "  - the ground is interruption of the experiment, not a breach by the beneficiary" in (
        lines
    )
    assert "  - the termination names no breach by the beneficiary" in lines
    assert "  The termination names no breach" in lines


def test_a_termination_notified_later_is_due_from_its_notification(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # decided 24 July 2026, notified 28 July: in effect from 28 July (no retroactivity)
    events = list(events_of(RIVEBELLE))
    decided = events[5]
    assert isinstance(decided, Termination)
    events[5] = attrs.evolve(decided, notified_on=dt.date(2026, 7, 28))
    path = write(tmp_path, RIVEBELLE, *events)
    data = run_json(capsys, path, "--on", "2026-07-25")
    assert (data["state"], unmet(data)) == ("remedy_period", ["termination_in_effect"])
    assert data["facts"]["termination"]["takes_effect_on"] == "2026-07-28"
    assert run_json(capsys, path, "--on", "2026-07-28")["due"] is True


def test_a_late_remedy_not_accepted_is_due_with_a_note(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # remedied Thursday 23 July 2026, the day after the deadline; terminated on 24 July
    events = events_of(RIVEBELLE)
    path = write(tmp_path, RIVEBELLE, *events[:5], BreachRemedied(dt.date(2026, 7, 23)), events[5])
    data = run_json(capsys, path, "--on", "2026-08-01")
    assert data["due"] is True
    assert data["facts"]["breach"]["late"] is True
    (note,) = data["notes"]
    assert "« dans le délai »" in note["message"]
    _, out, _ = run(capsys, path, "--on", "2026-08-01", "--lang", "en")
    assert (
        "  Remedied late, on Thursday 23 July 2026; the Métropole did not accept the late remedy"
        in (out.splitlines())
    )


# --- the market figures as amended on --on (Art. 11) -----------------------------------------


def test_an_amendment_of_the_market_total(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    events = events_of(RIVEBELLE)
    amendment = AmendmentSigned(
        dt.date(2026, 7, 1), changes=Changes(market_total_ttc=Decimal("200000.00"))
    )
    path = write(tmp_path, RIVEBELLE, *events[:5], amendment, events[5])
    # 200 000.00 ÷ 3 = 66 666.666… → 66 666.67 (half up)
    data = run_json(capsys, path, "--on", "2026-08-01")
    assert (data["market_total_ttc"], data["market_amended_on"], data["market_share"]) == (
        "200000.00",
        "2026-07-01",
        "66666.67",
    )
    _, out, _ = run(capsys, path, "--on", "2026-08-01", "--lang", "fr")
    assert (
        f"Marché {MARKET}, modifié par avenant le mercredi 1er juillet 2026 (Art. 11) : "
        "200 000,00 € TTC ; 3 bénéficiaires déclarés"
    ) in out.splitlines()
    # the day before the amendment, the terms as signed
    assert run_json(capsys, path, "--on", "2026-06-30")["market_total_ttc"] == "180000.00"


# --- the beneficiaries that contracted, counted from a folder --------------------------------


@pytest.mark.parametrize(
    ("on", "counted", "share"),
    [
        ("2026-08-01", 3, "60000.00"),  # 02, 03, 04: 180 000.00 ÷ 3
        ("2026-11-18", 3, "60000.00"),  # 01: the Métropole signs on 19 Nov
        ("2026-11-19", 4, "45000.00"),  # 01 counts from that day: 180 000.00 ÷ 4
        ("2026-12-01", 4, "45000.00"),  # 05 is signed by the Métropole only
    ],
)
def test_the_count_from_the_folder_divides(
    capsys: pytest.CaptureFixture[str], on: str, counted: int, share: str
) -> None:
    data = run_json(capsys, str(RIVEBELLE), "--on", on, "--portfolio", str(EXAMPLES))
    beneficiaries = data["beneficiaries"]
    assert (beneficiaries["source"], beneficiaries["used"], beneficiaries["counted"]) == (
        "counted",
        counted,
        counted,
    )
    assert (beneficiaries["declared"], beneficiaries["cutoff"], beneficiaries["until"]) == (
        3,
        on,
        "claim",
    )
    files = [Path(f).name for c in beneficiaries["conventions"] for f in c["files"]]
    assert "05-saint-exemple-en-attente.json" not in files
    assert len(files) == counted
    assert data["portfolio"] == {
        "folder": str(EXAMPLES),
        "files_loaded": 10,
        "files_failed": [],
    }  # 06-10: another market
    assert data["market_share"] == share


def test_the_folder_lists_the_conventions_counted(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(
        capsys, str(RIVEBELLE), "--on", "2026-12-01", "--portfolio", str(EXAMPLES), "--lang", "fr"
    )
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert f"Dossier {EXAMPLES} : 10 fichiers lus" in lines  # 06-10: another market
    assert sum(line.startswith("  compté : ") for line in lines) == 4
    assert (
        "  compté : Commune de Valmont-sur-Marne (fictive) (MGP-AM-2026-EX-001), signée par "
        f"l'ensemble des parties le jeudi 19 novembre 2026 — {EXAMPLES / '01-valmont-signee.json'}"
    ) in lines
    assert (
        "  Nombre de bénéficiaires ayant contractualisé : 4, compté : les conventions de ce "
        "marché signées par l'ensemble des parties au plus tard le mardi 1er décembre 2026 (la "
        "date de la demande), y compris celles résiliées ou terminées depuis ; les données du "
        "marché en déclarent 3"
    ) in lines
    # 180 000.00 ÷ 3 = 60 000.00 with the declared number, said for comparison
    assert "  (Avec 3 bénéficiaires, la quote-part du marché serait de 60 000,00 €.)" in lines


def test_the_option_counts_up_to_the_termination_s_effect(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # in effect on 24 July 2026: Valmont (19 November) is not counted; 180 000.00 ÷ 3
    data = run_json(
        capsys,
        str(RIVEBELLE),
        "--on",
        "2026-12-01",
        "--portfolio",
        str(EXAMPLES),
        "--count-until",
        "termination",
    )
    assert (data["beneficiaries"]["cutoff"], data["beneficiaries"]["until"]) == (
        "2026-07-24",
        "termination",
    )
    assert (data["beneficiaries"]["used"], data["market_share"]) == (3, "60000.00")


def test_the_file_itself_is_counted_when_the_folder_lacks_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "others"
    folder.mkdir()
    shutil.copy(PLAINE, folder)
    data = run_json(capsys, str(RIVEBELLE), "--on", "2026-08-01", "--portfolio", str(folder))
    files = [f for c in data["beneficiaries"]["conventions"] for f in c["files"]]
    assert files == [str(folder / PLAINE.name), str(RIVEBELLE)]
    assert data["market_share"] == "90000.00"  # 180 000.00 ÷ 2


def test_nothing_signed_falls_back_on_the_declared_number(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # 05 Saint-Exemple is signed by the Métropole only: nothing counts; declared 3 divides
    folder = tmp_path / "empty"
    folder.mkdir()
    data = run_json(capsys, str(SAINT), "--on", "2026-12-01", "--portfolio", str(folder))
    assert (data["beneficiaries"]["source"], data["beneficiaries"]["counted"]) == ("declared", 0)
    assert "no convention for this market" in data["beneficiaries"]["message_en"]


def test_files_that_fail_to_load_are_warnings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "portfolio"
    folder.mkdir()
    for example in sorted(EXAMPLES.glob("*.json")):
        shutil.copy(example, folder)
    (folder / "broken.json").write_text("{", encoding="utf-8")
    data = json.loads(dumps(load_path(PLAINE)))
    data["market"]["total_ttc"] = "12,50"
    data["beneficiary"]["siren"] = "123"
    (folder / "two-problems.json").write_text(json.dumps(data), encoding="utf-8")

    code, out, err = run(
        capsys,
        str(RIVEBELLE),
        "--on",
        "2026-12-01",
        "--portfolio",
        str(folder),
        "--json",
        "--lang",
        "fr",
    )
    assert code == 0
    warnings = err.splitlines()
    assert len(warnings) == 2, err
    assert warnings[0].startswith(f"avertissement : {folder / 'broken.json'} : ")
    assert warnings[0].endswith(" ; non compté")
    assert "(et 1 autre problème)" in warnings[1]
    result = json.loads(out)
    assert result["portfolio"]["files_loaded"] == 10  # the ten examples
    assert [Path(f["file"]).name for f in result["portfolio"]["files_failed"]] == [
        "broken.json",
        "two-problems.json",
    ]
    assert result["beneficiaries"]["used"] == 4
    code, out, err = run(
        capsys, str(RIVEBELLE), "--on", "2026-12-01", "--portfolio", str(folder), "--lang", "en"
    )
    assert err.splitlines()[1].startswith(f"warning: {folder / 'two-problems.json'}: ")
    assert "(and 1 more problem)" in err
    assert "  2 files could not be loaded and are not counted" in out.splitlines()


def test_a_file_name_is_shown_never_obeyed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # a name holding an escape sequence (clear the screen) is printed escaped
    folder = tmp_path / "portfolio"
    folder.mkdir()
    shutil.copy(PLAINE, folder / "a\x1b[2Jb.json")
    (folder / "z\x1b[2J.json").write_text("{", encoding="utf-8")
    code, out, err = run(capsys, str(RIVEBELLE), "--on", "2026-08-01", "--portfolio", str(folder))
    assert code == 0
    assert "\x1b" not in out + err
    assert "a\\x1b[2Jb.json" in out
    assert "z\\x1b[2J.json" in err


# --- exit codes: 1 for a file, 2 for the command line ----------------------------------------


def test_a_refused_event_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # A termination for breach on 20 July 2026, before the deadline of 22 July
    early = Termination(dt.date(2026, 7, 20), ground=Ground.BREACH)
    path = write(tmp_path, RIVEBELLE, *events_of(RIVEBELLE)[:5], early)
    code, out, err = run(capsys, path, "--on", "2026-08-01", "--lang", "fr")
    assert (code, out) == (1, "")
    assert err.startswith("erreur : $.events[5]: ")
    assert "mercredi 22 juillet 2026" in err
    assert len(err.splitlines()) == 1
    code, _, err = run(capsys, path, "--on", "2026-08-01", "--lang", "en")
    assert code == 1
    assert err.startswith("error: $.events[5]: ")


def test_invalid_files_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, str(tmp_path / "missing.json"), "--lang", "en")
    assert (code, out) == (1, "")
    assert err.startswith("error: ")
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    assert run(capsys, str(bad))[0] == 1
    code, _, err = run(
        capsys, str(RIVEBELLE), "--portfolio", str(tmp_path / "nowhere"), "--lang", "en"
    )
    assert code == 1
    assert "is not a folder" in err
    code, _, err = run(capsys, str(RIVEBELLE), "--portfolio", str(tmp_path / "nowhere"))
    assert code == 1
    assert err.startswith("erreur : ")


USAGE_ERRORS = [
    ([str(RIVEBELLE), "--market-total-ttc", "100"], "not both"),
    ([str(RIVEBELLE), "--market-total-ht", "100"], "not both"),
    ([str(RIVEBELLE), "--beneficiaries", "3"], "not both"),
    ([str(RIVEBELLE), "--vat-rate", "0.2"], "not both"),
    ([str(RIVEBELLE), "--count-until", "claim"], "--count-until applies only with --portfolio"),
    ([], "give a convention file, or the market figures"),
    (["--json"], "give a convention file, or the market figures"),
    (["--item", "frais=1"], "give a convention file, or the market figures"),
    (["--portfolio", str(EXAMPLES)], "--portfolio applies only to a convention file"),
    (["--on", "2026-08-01", "--market-total-ttc", "1", "--beneficiaries", "1"], "--on applies"),
    ([str(RIVEBELLE), "--on", "2026-8-1"], "invalid date '2026-8-1'"),
    ([str(RIVEBELLE), "--count-until", "judgment"], "invalid choice: 'judgment'"),
    ([str(RIVEBELLE), "--item", "frais"], "no amount"),
    ([str(RIVEBELLE), "--item", "frais=12,50"], "as a dot"),
    ([str(RIVEBELLE), "--item", "frais=-1"], "is negative"),
]


@pytest.mark.parametrize(("args", "message"), USAGE_ERRORS)
def test_usage_errors_exit_2(
    capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    code, out, err = run(capsys, *args, "--lang", "en")
    assert (code, out) == (2, "")
    lines = err.splitlines()
    assert lines[-1].startswith("mgp-convention")
    assert message in lines[-1]


USAGE_ERRORS_FR = [
    ([str(RIVEBELLE), "--market-total-ttc", "100"], "pas les deux"),
    ([str(RIVEBELLE), "--count-until", "claim"], "--count-until ne s'emploie qu'avec --portfolio"),
    ([], "indiquez un fichier de convention, ou les chiffres du marché"),
    (["--portfolio", str(EXAMPLES)], "--portfolio ne s'emploie qu'avec un fichier de convention"),
    ([str(RIVEBELLE), "--on", "2026-8-1"], "date '2026-8-1' non valable"),
    ([str(RIVEBELLE), "--count-until", "judgment"], "choix non valable : 'judgment'"),
    ([str(RIVEBELLE), "--item", "frais=12,50"], "contient une virgule"),
    ([str(RIVEBELLE), "--item", "frais=-1"], "est négatif"),
]


@pytest.mark.parametrize(("args", "message"), USAGE_ERRORS_FR)
def test_usage_errors_in_french(
    capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    code, out, err = run(capsys, *args)
    assert (code, out) == (2, "")
    lines = err.splitlines()
    assert lines[-1].startswith("mgp-convention")
    assert " : erreur : " in lines[-1]
    assert message in lines[-1]


def test_a_usage_error_comes_before_reading_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, str(tmp_path / "missing.json"), "--item", "frais")
    assert code == 2
    assert "aucun montant" in err
