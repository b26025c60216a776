"""A new convention file (``mgp-convention new``, :func:`mgp_convention.recording.create`)
and the example's placeholder reference."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import attrs
import pytest

from mgp_convention import io
from mgp_convention.cli import main
from mgp_convention.cli.new import FIELDS
from mgp_convention.errors import FileWriteError
from mgp_convention.examples import example_convention
from mgp_convention.recording import (
    PLACEHOLDER_REFERENCE,
    PlaceholderReference,
    ReferenceTaken,
    create,
)

TODAY = dt.date(2026, 11, 28)
EXAMPLE = attrs.evolve(example_convention(), events=())

#: Every required value, by its French option.
FRENCH = [
    "--reference", "MGP-AM-2026-014",
    "--deliberation-metropole", "Délibération du Bureau n° BM 2026/117",
    "--nom-beneficiaire", "Commune de Valmont-sur-Marne",
    "--type-beneficiaire", "commune",
    "--adresse-beneficiaire", "1 place de la Mairie, 94999 Valmont-sur-Marne",
    "--siren", "200 054 781",
    "--qualite-representant", "Maire",
    "--civilite-representant", "Madame",
    "--nom-representant", "Camille Exemple",
    "--acte-habilitation", "délibération du conseil municipal n° 2026-041",
    "--thematique", "Accueil des usagers",
    "--solution", "assistant conversationnel",
    "--objectif", "réduire le temps d'attente",
    "--objectif", "orienter les usagers",
    "--duree-mois", "6",
    "--debut-indicatif", "2027-03-01",
    "--reference-marche", "MGP-2026-AM-ACCUEIL",
    "--total-marche-ttc", "180000.00",
    "--nombre-beneficiaires", "3",
    "--date-fin", "2028-03-31",
]  # fmt: skip


@pytest.fixture(autouse=True)
def today(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr("mgp_convention.cli._common.today_in_paris", lambda: TODAY)
    monkeypatch.chdir(tmp_path)  # short file names in what the commands print


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


# --- the library ------------------------------------------------------------------


def test_create_writes_the_canonical_file(tmp_path: Path) -> None:
    done = create(tmp_path / "c.json", EXAMPLE, today=TODAY)
    assert (tmp_path / "c.json").read_text(encoding="utf-8") == io.dumps(EXAMPLE)
    assert done.status.state.value == "draft"
    assert done.next_step.code == "awaiting_signatures"


def test_create_never_overwrites(tmp_path: Path) -> None:
    target = tmp_path / "c.json"
    target.write_text("mine\n", encoding="utf-8")
    with pytest.raises(FileWriteError, match="already exists"):
        create(target, EXAMPLE, today=TODAY)
    assert target.read_text(encoding="utf-8") == "mine\n"


def test_create_refuses_a_reference_of_the_same_folder(tmp_path: Path) -> None:
    create(tmp_path / "a.json", EXAMPLE, today=TODAY)
    twin = attrs.evolve(EXAMPLE, reference=" " + EXAMPLE.reference.lower())
    with pytest.raises(ReferenceTaken) as info:
        create(tmp_path / "b.json", twin, today=TODAY)
    assert info.value.other == tmp_path / "a.json"
    assert not (tmp_path / "b.json").exists()
    # Another folder is another portfolio.
    (tmp_path / "other").mkdir()
    assert create(tmp_path / "other" / "b.json", twin, today=TODAY).written


def test_create_refuses_the_placeholder(tmp_path: Path) -> None:
    with pytest.raises(PlaceholderReference):
        create(
            tmp_path / "c.json", attrs.evolve(EXAMPLE, reference=PLACEHOLDER_REFERENCE), today=TODAY
        )
    assert not (tmp_path / "c.json").exists()


# --- example ----------------------------------------------------------------------


def test_example_prints_a_placeholder_reference(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "example")
    assert code == 0
    convention = io.loads(out)
    assert convention.reference == PLACEHOLDER_REFERENCE == "A-REMPLACER-PAR-LA-REFERENCE"
    assert attrs.evolve(convention, reference=example_convention().reference) == (
        example_convention()
    )


# --- new --------------------------------------------------------------------------


def test_new_from_french_options(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "c.json"
    code, out, err = run(capsys, "new", "c.json", *FRENCH, "--lang", "fr")
    assert (code, err) == (0, "")
    assert "convention MGP-AM-2026-014 écrite" in out
    assert "État au samedi 28 novembre 2026 : en attente de signature" in out
    assert "  mgp-convention record c.json signature --partie beneficiaire --on AAAA-MM-JJ" in out
    convention = io.load_path(target)
    assert convention.beneficiary.siren == "200054781"
    assert convention.experiment.objectives == (
        "réduire le temps d'attente",
        "orienter les usagers",
    )
    assert convention.referent is None
    assert convention.events == ()
    assert target.read_text(encoding="utf-8") == io.dumps(convention)


def test_new_from_a_template_the_options_overriding_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    template = tmp_path / "modele.json"
    code, out, _ = run(capsys, "example")
    template.write_text(out, encoding="utf-8")
    target = tmp_path / "c.json"
    code, out, err = run(
        capsys,
        "new",
        str(target),
        "--from",
        str(template),
        "--reference",
        "MGP-AM-2026-014",
        "--end-date",
        "2028-06-30",
        "--etape",
        "cadrage=1m",
        "--étape",
        "utilisation=6m",
        "--lang",
        "en",
    )
    assert (code, err) == (0, "")
    assert "The template's 2 events are not taken" in out
    convention = io.load_path(target)
    assert convention.reference == "MGP-AM-2026-014"
    assert convention.end_date == dt.date(2028, 6, 30)
    assert [step.label for step in convention.experiment.calendar] == ["cadrage", "utilisation"]
    assert convention.beneficiary == example_convention().beneficiary
    assert convention.events == ()


def test_new_refuses_the_placeholder_of_a_copied_example(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    template = tmp_path / "modele.json"
    template.write_text(run(capsys, "example")[1], encoding="utf-8")
    code, _, err = run(
        capsys, "new", str(tmp_path / "c.json"), "--from", str(template), "--lang", "fr"
    )
    assert code == 1
    assert "A-REMPLACER-PAR-LA-REFERENCE est la référence factice de l'exemple" in err
    assert not (tmp_path / "c.json").exists()


def test_new_reports_every_problem_at_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(
        capsys,
        "new",
        str(tmp_path / "c.json"),
        "--reference",
        "X",
        "--siren",
        "200054782",
        "--debut-indicatif",
        "01/03/2027",
        "--lang",
        "fr",
    )
    assert code == 2
    assert out == ""
    lines = err.splitlines()
    assert (
        "erreur : --debut-indicatif (--indicative-start) : « 01/03/2027 » n'est pas une "
        "date écrite AAAA-MM-JJ : écrivez 2027-03-01" in lines
    )
    assert (
        "erreur : il manque --nom-beneficiaire (--beneficiary-name) : le nom du "
        "bénéficiaire" in lines
    )
    assert any(
        line.startswith("erreur : --siren ($.beneficiary.siren) : '200054782'") for line in lines
    )
    missing = [line for line in lines if line.startswith("erreur : il manque ")]
    required = [field for field in FIELDS if field.required]
    assert len(missing) == len(required) - 3  # reference and SIREN given, start malformed
    assert "Rien n'a été écrit." in lines
    assert not (tmp_path / "c.json").exists()


def test_new_with_complete_but_wrong_values_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    words = [*FRENCH]
    words[words.index("--date-fin") + 1] = "2026-01-01"  # before the start (Art. 2)
    code, _, err = run(capsys, "new", str(tmp_path / "c.json"), *words, "--lang", "en")
    assert code == 1
    assert "--end-date (--date-fin) ($.end_date): the end date (2026-01-01) comes before" in err


def test_new_refuses_an_existing_file_and_a_reference_taken(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = tmp_path / "a.json"
    assert run(capsys, "new", str(first), *FRENCH)[0] == 0
    before = first.read_bytes()
    code, _, err = run(capsys, "new", str(first), *FRENCH, "--lang", "fr")
    assert code == 1
    assert "a.json existe déjà" in err
    assert first.read_bytes() == before
    code, _, err = run(capsys, "new", str(tmp_path / "b.json"), *FRENCH, "--lang", "fr")
    assert code == 1
    assert "la référence MGP-AM-2026-014 est déjà celle de" in err
    assert not (tmp_path / "b.json").exists()


def test_new_json_and_dry_run(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "new", str(tmp_path / "c.json"), *FRENCH, "--dry-run", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["written"] is False
    assert data["status"]["state"] == "draft"
    assert not (tmp_path / "c.json").exists()


def test_a_template_that_is_not_a_convention(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    template = tmp_path / "modele.json"
    template.write_text("[1, 2]\n", encoding="utf-8")
    code, _, err = run(capsys, "new", str(tmp_path / "c.json"), "--from", str(template))
    assert code == 1
    assert "modele.json" in err
    assert "Traceback" not in err


def test_every_required_field_of_the_file_has_an_option() -> None:
    """The file format's required keys (``schema --json``'s ``required``), but the
    events, the version and the optional referent, each have an option."""
    from mgp_convention.schema import json_schema

    schema = json_schema()

    def required(node: dict[str, object], prefix: tuple[str, ...]) -> set[tuple[str, ...]]:
        found: set[tuple[str, ...]] = set()
        properties = node.get("properties", {})
        assert isinstance(properties, dict)
        for key in node.get("required", []):  # type: ignore[attr-defined]
            child = properties.get(key, {})
            ref = child.get("$ref") if isinstance(child, dict) else None
            if ref:
                child = schema["$defs"][ref.rsplit("/", 1)[1]]
            if isinstance(child, dict) and child.get("type") == "object":
                found |= required(child, (*prefix, key))
            else:
                found.add((*prefix, key))
        return found

    # The referent may be null (not designated yet): its three values have options.
    keys = required(schema, ()) - {("schema_version",), ("events",), ("withdrawn",), ("referent",)}
    options = {field.path for field in FIELDS}
    assert keys - options == set()


def test_a_referent_given_in_part(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The referent is optional (not designated yet), but once given, whole (Art. 4)."""
    code, _, err = run(
        capsys, "new", "c.json", *FRENCH, "--nom-referent", "Dominique Modèle", "--lang", "fr"
    )
    assert code == 2
    assert "il manque --courriel-referent (--referent-email)" in err
    assert "il manque --telephone-referent (--referent-phone)" in err
    assert not (tmp_path / "c.json").exists()
