"""``mgp-convention record``: every event of RULES.md by its French name and by its code,
the whole life of a convention through the command line only, and bad input.

The example convention: planned start Monday 1 March 2027, end date Friday 31 March
2028. "Today" is pinned to Wednesday 30 June 2027 unless a test says otherwise.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest

from mgp_convention import io
from mgp_convention.cli import main
from mgp_convention.cli._events import EVENT_KINDS, EVENT_OPTIONS, find_kind
from mgp_convention.cli._vocabulary import BASIS, BODY_KIND, BY, CAUSE, GROUND, OBLIGATION, PARTY
from mgp_convention.events import (
    EVENT_TYPES,
    AmendmentSigned,
    BeneficiaryReady,
    BreachRecorded,
    BreachRemedied,
    Changes,
    DelayCause,
    DelayReported,
    Event,
    ExperimentStarted,
    ExperimentStopped,
    FormalNoticeSent,
    Ground,
    JustificationsExamined,
    Obligation,
    Party,
    ProcurementUnsuccessful,
    RepresentativesHeard,
    Signature,
    Termination,
)
from mgp_convention.examples import example_convention
from mgp_convention.states import State

D = dt.date
TODAY = D(2027, 6, 30)
EXAMPLE = example_convention()
SIGNED = EXAMPLE.events
STARTED = (*SIGNED, ExperimentStarted(D(2027, 3, 1)))
BREACH = BreachRecorded(D(2027, 4, 1), obligation=Obligation.SHARE_DATA, impedes_experiment=True)
WITH_BREACH = (*STARTED, attrs.evolve(BREACH, breach="B1"))
NOTICE = FormalNoticeSent(D(2027, 4, 2), breach="B1", letter_reference="1A")
# Sent Friday 2 April 2027: the thirty days run until Monday 3 May 2027.
HEARD = (
    *WITH_BREACH,
    NOTICE,
    JustificationsExamined(D(2027, 4, 10), breach="B1"),
    RepresentativesHeard(D(2027, 4, 11), breach="B1"),
)

#: Every code of the file format a person must never read in the text output.
CODES = sorted(
    {state.value for state in State if "_" in state.value}
    | {o.value for o in Obligation if "_" in o.value}
    | {g.value for g in Ground if "_" in g.value}
    | set(EVENT_TYPES) - {"signature", "termination"}
)


@pytest.fixture(autouse=True)
def today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("mgp_convention.cli._common.today_in_paris", lambda: TODAY)


def write(tmp_path: Path, events: tuple[Event, ...], name: str = "c.json") -> Path:
    path = tmp_path / name
    io.save(path, attrs.evolve(EXAMPLE, events=events))
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exit_:  # argparse's own errors
        code = int(exit_.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


# --- every event, in French and in English -------------------------------------------------------


@attrs.frozen
class Case:
    """An event recorded on a file holding ``events``: its words in French and in
    English, and the event the file must then end with."""

    name: str
    events: tuple[Event, ...]
    on: str
    french: list[str]
    english: list[str]
    expected: Event


CASES: list[Case] = [
    Case(
        "signature",
        (),
        "2026-11-12",
        ["signature", "--partie", "Bénéficiaire"],
        ["signature", "--party", "beneficiary"],
        Signature(D(2026, 11, 12), party=Party.BENEFICIARY),
    ),
    Case(
        "delay",
        SIGNED,
        "2027-03-02",
        ["retard", "--cause", "prestataire", "--details", "serveurs en retard"],
        ["delay_reported", "--cause", "provider", "--details", "serveurs en retard"],
        DelayReported(D(2027, 3, 2), cause=DelayCause.PROVIDER, details="serveurs en retard"),
    ),
    Case(
        "ready",
        SIGNED,
        "2027-02-01",
        ["bénéficiaire-prêt"],
        ["beneficiary_ready"],
        BeneficiaryReady(D(2027, 2, 1)),
    ),
    Case(
        "start",
        SIGNED,
        "2027-03-01",
        ["Début expérimentation"],
        ["experiment_started"],
        ExperimentStarted(D(2027, 3, 1)),
    ),
    Case(
        "breach",
        STARTED,
        "2027-04-01",
        ["manquement", "--obligation", "données", "--empeche"],
        ["breach_recorded", "--obligation", "share_data", "--impedes-experiment"],
        attrs.evolve(BREACH, breach="B1"),
    ),
    Case(
        "notice",
        WITH_BREACH,
        "2027-04-02",
        ["mise-en-demeure", "--manquement", "B1", "--reference-lettre", "1A"],
        ["formal_notice_sent", "--breach", "B1", "--letter-reference", "1A"],
        NOTICE,
    ),
    Case(
        "remedy",
        WITH_BREACH,
        "2027-04-20",
        ["remédiation"],
        ["breach_remedied", "--breach", "B1"],
        BreachRemedied(D(2027, 4, 20), breach="B1"),
    ),
    Case(
        "justifications",
        WITH_BREACH,
        "2027-04-10",
        ["examen-justificatifs"],
        ["justifications_examined"],
        JustificationsExamined(D(2027, 4, 10), breach="B1"),
    ),
    Case(
        "hearing",
        WITH_BREACH,
        "2027-04-11",
        ["audition-représentants", "--manquement", "B1"],
        ["representatives_heard"],
        RepresentativesHeard(D(2027, 4, 11), breach="B1"),
    ),
    Case(
        "stop",
        HEARD,
        "2027-05-04",
        ["arrêt-expérimentation", "--raison", "données jamais transmises"],
        ["experiment_stopped", "--reason", "données jamais transmises"],
        ExperimentStopped(D(2027, 5, 4), breach="B1", reason="données jamais transmises"),
    ),
    Case(
        "procurement",
        SIGNED,
        "2026-12-01",
        ["marché-infructueux", "--définitif"],
        ["procurement_unsuccessful", "--definitive"],
        ProcurementUnsuccessful(D(2026, 12, 1), definitive=True),
    ),
    Case(
        "amendment",
        SIGNED,
        "2027-01-15",
        ["avenant", "--date-fin", "2028-06-30", "--total-marche-ttc", "200000.00"],
        ["amendment_signed", "--end-date", "2028-06-30", "--market-total-ttc", "200000.00"],
        AmendmentSigned(
            D(2027, 1, 15),
            changes=Changes(end_date=D(2028, 6, 30), market_total_ttc=Decimal("200000.00")),
        ),
    ),
    Case(
        "termination",
        SIGNED,
        "2027-01-15",
        ["résiliation", "--motif", "commun accord", "--raison", "projet abandonné"],
        ["termination", "--ground", "common_agreement", "--reason", "projet abandonné"],
        Termination(D(2027, 1, 15), ground=Ground.COMMON_AGREEMENT, reason="projet abandonné"),
    ),
]


def test_every_event_of_the_rules_has_a_case() -> None:
    assert {find_kind(case.french[0]).code for case in CASES} == set(EVENT_TYPES)  # type: ignore[union-attr]
    assert {kind.code for kind in EVENT_KINDS} == set(EVENT_TYPES)


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_each_event_is_recorded_by_its_french_name_and_by_its_code(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str, case: Case
) -> None:
    path = write(tmp_path, case.events)
    words = case.french if lang == "fr" else case.english
    code, out, err = run(capsys, "record", str(path), *words, "--on", case.on, "--lang", lang)
    assert (code, err) == (0, ""), case.name
    written = io.load_path(path).events
    assert written[:-1] == case.events
    assert written[-1] == case.expected
    for word in CODES:
        assert word not in out, (case.name, word)


# --- the whole life of a convention, through the command line only -----------------------------


def status_json(capsys: pytest.CaptureFixture[str], path: Path, on: str) -> dict[str, Any]:
    code, out, _ = run(capsys, "status", str(path), "--on", on, "--json")
    assert code == 0
    data: dict[str, Any] = json.loads(out)
    return data


def test_the_whole_life_of_a_convention_through_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """new; both signatures; the start; a breach; its formal notice; a second breach; a
    remedy; the termination for the first breach, with its notification date."""
    monkeypatch.chdir(tmp_path)
    template = tmp_path / "modele.json"
    code, out, _ = run(capsys, "example")
    template.write_text(out, encoding="utf-8")
    path = tmp_path / "valmont.json"
    code, out, err = run(
        capsys,
        "new",
        str(path),
        "--modele",
        str(template),
        "--reference",
        "MGP-AM-2026-014",
        "--lang",
        "fr",
    )
    assert (code, err) == (0, "")
    assert "convention MGP-AM-2026-014 écrite" in out
    assert io.load_path(path).events == ()
    assert status_json(capsys, path, "2026-11-01")["state"] == "draft"

    steps = [
        (
            ["signature", "--partie", "beneficiaire", "--on", "2026-11-12"],
            "signature",
            "draft",
            "2026-11-12",
        ),
        (
            ["signature", "--partie", "metropole", "--on", "2026-11-19"],
            "signature",
            "signed",
            "2026-11-19",
        ),
        (
            ["debut-experimentation", "--on", "2027-03-01"],
            "experiment_started",
            "experimenting",
            "2027-03-01",
        ),
        (
            ["manquement", "--obligation", "donnees", "--empeche", "--on", "2027-04-01"],
            "breach_recorded",
            "in_breach",
            "2027-04-01",
        ),
        (
            [
                "mise-en-demeure",
                "--reference-lettre",
                "1A 234 567 8901 2",
                "--on",
                "2027-04-02",
            ],
            "formal_notice_sent",
            "remedy_period",
            "2027-04-02",
        ),
        (
            ["manquement", "--obligation", "reunions", "--n-empeche-pas", "--on", "2027-04-10"],
            "breach_recorded",
            "in_breach",
            "2027-04-10",
        ),
        (
            ["remediation", "--manquement", "B2", "--on", "2027-04-20"],
            "breach_remedied",
            "remedy_period",
            "2027-04-20",
        ),
        (
            [
                "resiliation",
                "--motif",
                "manquement",
                "--manquement",
                "B1",
                "--notifiee-le",
                "2027-05-12",
                "--on",
                "2027-05-10",
            ],
            "termination",
            "remedy_period",  # decided on the 10th, in effect when notified, the 12th
            "2027-05-10",
        ),
    ]
    for number, (words, kind, state, on) in enumerate(steps, start=1):
        code, out, err = run(capsys, "record", str(path), *words, "--lang", "fr")
        assert (code, err) == (0, ""), words
        assert f"événement n° {number} enregistré" in out
        events = json.loads(path.read_text(encoding="utf-8"))["events"]
        assert len(events) == number
        assert events[-1]["type"] == kind
        assert path.read_text(encoding="utf-8") == io.dumps(io.load_path(path))
        assert status_json(capsys, path, on)["state"] == state, words

    written = io.load_path(path).events
    assert [getattr(event, "breach", None) for event in written[3:]] == [
        "B1",
        "B1",
        "B2",
        "B2",
        "B1",
    ]
    final = status_json(capsys, path, "2027-05-12")
    assert final["state"] == "terminated"
    assert final["termination"]["notified_on"] == "2027-05-12"
    assert [b["breach"] for b in final["breaches"]] == ["B1", "B2"]
    code, out, _ = run(capsys, "status", str(path), "--on", "2027-05-12", "--lang", "fr")
    assert "État : résiliée" in out
    # Nothing can follow a termination in effect.
    code, _, err = run(
        capsys,
        "record",
        str(path),
        "remediation",
        "--manquement",
        "B1",
        "--on",
        "2027-05-20",
        "--lang",
        "fr",
    )
    assert code == 1
    assert "résiliée" in err


# --- what the command says ---------------------------------------------------------------------


def test_the_outcome_in_french_and_in_english(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    path = write(tmp_path, WITH_BREACH)
    code, out, _ = run(
        capsys,
        "record",
        "c.json",
        "mise-en-demeure",
        "--reference-lettre",
        "1A",
        "--on",
        "2027-04-02",
        "--dry-run",
        "--lang",
        "fr",
    )
    assert code == 0
    assert out.splitlines() == [
        "c.json : simulation, rien n'est écrit : l'événement n° 5 serait enregistré : une",
        "  mise en demeure du vendredi 2 avril 2027 (manquement B1)",
        "  État au mercredi 30 juin 2027 : délai de remédiation (auparavant : en",
        "    manquement)",
        "  Prochaine échéance : lundi 3 mai 2027, dépassée — manquement B1 : délai de",
        "    remédiation expiré, résiliation pour manquement possible depuis le mardi",
        "    4 mai 2027 (Art. 12 al. 1)",
    ]
    assert len(io.load_path(path).events) == 4  # a dry run
    code, out, _ = run(
        capsys,
        "record",
        "c.json",
        "formal_notice_sent",
        "--letter-reference",
        "1A",
        "--on",
        "2027-04-02",
        "--lang",
        "en",
    )
    assert code == 0
    assert (
        "c.json: event n° 5 recorded: a formal notice dated Friday 2 April 2027\n  (breach B1)\n"
        in out
    )
    assert "State on Wednesday 30 June 2027: remedy period (before: in breach)" in out
    assert all(len(line) <= 80 for line in out.splitlines())


def test_json_gives_the_event_as_written_the_state_and_the_next_step(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, STARTED)
    code, out, _ = run(
        capsys,
        "record",
        str(path),
        "manquement",
        "--obligation",
        "donnees",
        "--empeche",
        "--on",
        "2027-04-01",
        "--json",
    )
    assert code == 0
    data = json.loads(out)
    assert data["written"] is True
    assert data["index"] == 3
    assert data["event"] == {
        "type": "breach_recorded",
        "on": "2027-04-01",
        "breach": "B1",
        "obligation": "share_data",
        "impedes_experiment": True,
        "details": None,
    }
    assert (data["state_before"], data["state_after"]) == ("experimenting", "in_breach")
    assert data["status"]["state"] == "in_breach"
    assert data["next_step"]["code"] == "send_formal_notice"
    assert data["next_step"]["article"] == "Art. 12 al. 2"


def test_json_of_a_refusal(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, SIGNED)
    code, out, _ = run(
        capsys,
        "record",
        str(path),
        "mise-en-demeure",
        "--reference-lettre",
        "1A",
        "--on",
        "2027-04-02",
        "--json",
    )
    assert code == 1
    data = json.loads(out)
    assert data["written"] is False
    assert data["refused"]["event"] == "formal_notice_sent"
    assert data["refused"]["state"] == "delayed"  # the planned start passed


def test_an_advisory_is_said(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, SIGNED)
    code, out, _ = run(
        capsys,
        "record",
        str(path),
        "resiliation",
        "--motif",
        "force-majeure",
        "--raison",
        "incendie du bâtiment",
        "--on",
        "2027-01-15",
        "--lang",
        "fr",
    )
    assert code == 0
    assert "Attention :" in out


def test_a_version_1_file_is_said_to_be_written_as_version_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = Path(__file__).resolve().parent
    path = tmp_path / "v1.json"
    path.write_bytes((root / "data/v1/03-bois-fictif-remediation.json").read_bytes())
    code, out, _ = run(
        capsys, "record", str(path), "remediation", "--on", "2026-12-01", "--lang", "fr"
    )
    assert code == 0
    assert "Le fichier était en version 1 du format : il est désormais écrit en version 2." in (
        out.replace("\n    ", " ")
    )


# --- bad input: a clear error, exit 2, the file unchanged -----------------------------------------


@pytest.mark.parametrize(
    ("words", "lang", "expected"),
    [
        (
            ["mise-en-demeure", "--on", "2027-04-02"],
            "fr",
            "il manque --reference-lettre (--letter-reference) : la référence de la lettre",
        ),
        (
            ["formal_notice_sent", "--on", "2027-04-02"],
            "en",
            "--letter-reference (--reference-lettre) is missing: the reference of the registered",
        ),
        (
            ["debut-experimentation", "--on", "01/03/2027"],
            "fr",
            "--le (--on) : « 01/03/2027 » n'est pas une date écrite AAAA-MM-JJ : "
            "écrivez 2027-03-01",
        ),
        (
            ["experiment_started", "--on", "1/3/2027"],
            "en",
            "--on (--le): '1/3/2027' is not a date written YYYY-MM-DD: write 2027-03-01",
        ),
        (["debut-experimentation"], "fr", "il manque --le (--on) : la date de l'événement"),
        (
            ["manquement", "--obligation", "truc", "--empeche", "--on", "2027-04-01"],
            "fr",
            "--obligation : valeur inconnue « truc » ; les valeurs possibles sont : referent (",
        ),
        (
            ["breach_recorded", "--obligation", "share_data", "--on", "2027-04-01"],
            "en",
            "say whether the breach prevents the start or the proper running of the experiment",
        ),
        (
            ["manquement", "--obligation", "autre", "--n-empeche-pas", "--on", "2027-04-01"],
            "fr",
            "un manquement à une autre obligation dit laquelle dans --details",
        ),
        (
            ["signature", "--partie", "metropole", "--obligation", "donnees", "--on", "2027-01-01"],
            "fr",
            "--obligation ne s'applique pas à signature : ses options sont --partie (--party)",
        ),
        (
            ["debut-experimentation", "--details", "x", "--on", "2027-03-01"],
            "en",
            "--details does not apply to experiment_started, which takes only a date",
        ),
        (
            ["resiliation", "--motif", "interruption", "--manquement", "B1", "--on", "2027-04-01"],
            "fr",
            "--manquement (--breach) ne nomme un manquement que pour une résiliation",
        ),
        (
            [
                "resiliation",
                "--motif",
                "manquement",
                "--notifiee-le",
                "2027-04-01",
                "--on",
                "2027-04-05",
            ],
            "fr",
            "--notifiee-le (--notified-on) (jeudi 1er avril 2027) précède",
        ),
        (["avenant", "--on", "2027-04-01"], "fr", "un avenant change au moins une chose"),
        (
            ["avenant", "--duree-evaluation", "deux mois", "--on", "2027-04-01"],
            "fr",
            "n'est pas une durée comme 2m, 15j ou 1m15j",
        ),
        (
            ["avenant", "--total-marche-ttc", "12,50", "--on", "2027-04-01"],
            "fr",
            "n'est pas un montant en euros",
        ),
        (
            [
                "mise-en-demeure",
                "--manquement",
                "B 1",
                "--reference-lettre",
                "1A",
                "--on",
                "2027-04-02",
            ],
            "en",
            "is not a breach label",
        ),
        (
            [
                "manquement",
                "--obligation",
                "donnees",
                "--empeche",
                "--n-empeche-pas",
                "--on",
                "2027-04-01",
            ],
            "fr",
            "--empeche (--impedes-experiment) et --n-empeche-pas (--does-not-impede) se "
            "contredisent",
        ),
        (
            [
                "manquement",
                "--obligation",
                "pret-date-prevue",
                "--n-empeche-pas",
                "--on",
                "2027-04-01",
            ],
            "fr",
            "ne pas être prêt à la date prévue empêche par nature le démarrage",
        ),
        (
            ["retard", "--cause", "metropole", "--details", "x" * 5000, "--on", "2027-04-01"],
            "en",
            "--details: ",
        ),
        (["avenant", "--total-marche-ttc", "-5.00", "--on", "2027-04-01"], "fr", "est négatif"),
        (
            ["avenant", "--date-fin", "2027-02-30", "--on", "2027-04-01"],
            "en",
            "'2027-02-30' is not a date written YYYY-MM-DD, e.g. 2026-12-02",
        ),
        (
            ["avenant", "--etape", "sans-duree", "--on", "2027-04-01"],
            "fr",
            "n'est pas une étape écrite LIBELLÉ=DURÉE",
        ),
        (
            ["avenant", "--duree-mois", "six", "--on", "2027-04-01"],
            "fr",
            "n'est pas un nombre entier de 1 à 9999",
        ),
        (
            ["retard", "--cause", "metropole", "--details", "  ", "--on", "2027-04-01"],
            "fr",
            "--details : le texte est vide",
        ),
    ],
)
def test_a_command_line_that_cannot_be_used(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    words: list[str],
    lang: str,
    expected: str,
) -> None:
    path = write(tmp_path, STARTED)
    before = path.read_bytes()
    code, out, err = run(capsys, "record", str(path), *words, "--lang", lang)
    assert code == 2
    assert out == ""
    assert expected in err
    assert "Traceback" not in err
    assert path.read_bytes() == before


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_an_unknown_event_lists_every_event_in_the_user_s_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str
) -> None:
    path = write(tmp_path, STARTED)
    code, _, err = run(
        capsys, "record", str(path), "mise-en-demeur", "--on", "2027-04-02", "--lang", lang
    )
    assert code == 2
    for kind in EVENT_KINDS:
        assert re.search(rf"^  {re.escape(kind.name(lang))} ", err, re.MULTILINE), kind.code
    if lang == "fr":
        assert "événement inconnu « mise-en-demeur » ; les événements sont :" in err
        assert "la lettre recommandée est envoyée" in err
        assert "formal_notice_sent" not in err
    else:
        assert "unknown event 'mise-en-demeur'; the events are:" in err
        assert "mise-en-demeure" not in err


def test_an_event_after_today_asks_for_future(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, STARTED)
    before = path.read_bytes()
    words = ["record", str(path), "manquement", "--obligation", "donnees", "--empeche"]
    code, _, err = run(capsys, *words, "--on", "2072-04-01", "--lang", "fr")
    assert code == 2
    assert "après aujourd'hui (mercredi 30 juin 2027) : une année mal tapée ?" in err
    assert "--futur (--future)" in err
    assert path.read_bytes() == before
    code, _, err = run(capsys, *words, "--on", "2027-07-01", "--futur")
    assert (code, err) == (0, "")


def test_the_event_and_the_file_are_required(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MGP_CONVENTION_LANG", "fr")
    path = write(tmp_path, STARTED)
    code, _, err = run(capsys, "record", str(path))
    assert code == 2
    assert "quel événement enregistrer ? Les événements :" in err
    assert "  mise-en-demeure " in err
    code, _, err = run(capsys, "record")
    assert code == 2
    assert "indiquez le fichier de la convention, puis l'événement à enregistrer" in err


def test_a_missing_or_invalid_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    words = ["debut-experimentation", "--on", "2027-03-01", "--lang", "fr"]
    code, _, err = run(capsys, "record", str(tmp_path / "absent.json"), *words)
    assert code == 1
    assert "absent.json" in err
    assert "Traceback" not in err
    bad = tmp_path / "bad.json"
    bad.write_text('{"schema_version": 2, "reference": 7}\n', encoding="utf-8")
    code, _, err = run(capsys, "record", str(bad), *words)
    assert code == 1
    assert "corrigez-le d'abord (mgp-convention check)" in err
    assert bad.read_text(encoding="utf-8") == '{"schema_version": 2, "reference": 7}\n'


# --- the help ------------------------------------------------------------------------------


def test_the_help_lists_every_event_in_the_chosen_language(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, "record", "--help")
    assert code == 0
    for kind in EVENT_KINDS:
        name = kind.french if kind.french == kind.code else f"{kind.french} ({kind.code})"
        assert f"\n  {name}" in out
    assert "la lettre recommandée est envoyée : les trente jours commencent" in out
    assert "the registered letter is sent" not in out
    assert "--reference-lettre TEXTE (requise)" in out
    assert "donnees (share_data) : mettre à disposition et transférer les données" in out
    assert max(len(line) for line in out.split("les événements :")[1].splitlines()) <= 80
    code, out, _ = run(capsys, "record", "--help", "--lang", "en")
    assert code == 0
    for kind in EVENT_KINDS:
        assert f"\n  {kind.code}\n" in out
    assert "the registered letter is sent: the thirty days start" in out
    assert "la lettre recommandée" not in out
    assert "--letter-reference TEXT (required)" in out
    assert "share_data: make the data available and transfer it" in out
    assert max(len(line) for line in out.split("the events:")[1].splitlines()) <= 80


def test_the_vocabulary_has_no_word_twice() -> None:
    """Each table builds its index of words, which refuses a word naming two values; the
    flags of the options are unique too."""
    assert all(choices for choices in (PARTY, CAUSE, OBLIGATION, GROUND, BY, BASIS, BODY_KIND))
    flags = [flag for option in EVENT_OPTIONS for flag in option.flags]
    assert len(flags) == len(set(flags))
    for kind in EVENT_KINDS:
        assert {o.dest for o in kind.options} <= {o.dest for o in EVENT_OPTIONS}
