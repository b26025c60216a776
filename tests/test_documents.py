"""The filled convention: the contract's text word for word, every placeholder filled.

The expected text is computed here from the contract's text
(``tests/data/convention-appropriation-metropolitaine.txt``) and the example file's
JSON, with this test's own table of the placeholders and Babel's date format, not with
the package's code; the document is read back with python-docx.
"""

from __future__ import annotations

import datetime as dt
import errno
import io
import json
import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import docx
import pytest
from babel.dates import format_date
from docx.document import Document as DocumentObject
from hypothesis import given, settings
from hypothesis import strategies as st

from mgp_convention import documents
from mgp_convention.convention import CalendarStep, Convention, Duration
from mgp_convention.documents import convention as convention_kind
from mgp_convention.documents.files import safe_file_name, write_atomically
from mgp_convention.errors import InvalidValue, MissingData, TemplateProblem
from mgp_convention.io import load_path
from mgp_convention.parties import BodyKind

from strategies import conventions

ROOT = Path(__file__).parent.parent
CONTRACT = (
    Path(__file__).parent / "data" / "convention-appropriation-metropolitaine.txt"
).read_text(encoding="utf-8")
EXAMPLES = sorted((ROOT / "examples").glob("*.json"))
VALMONT = ROOT / "examples" / "01-valmont-signee.json"
PLACEHOLDER = re.compile(r"\[[^\]]*\]")


# --- reading a .docx back ---------------------------------------------------------------


def open_docx(data: bytes) -> DocumentObject:
    return docx.Document(io.BytesIO(data))


def body_lines(data: bytes) -> list[str]:
    """The document's paragraphs in order; the signature table column by column (each
    party's block as the contract prints it)."""
    document = open_docx(data)
    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, docx.table.Table):
            columns = len(block.columns)
            for column in range(columns):
                lines.extend(row.cells[column].text for row in block.rows)
        else:
            lines.append(block.text)
    return lines


def footer_text(data: bytes) -> str:
    return "\n".join(p.text for p in open_docx(data).sections[0].footer.paragraphs)


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


# --- the expected text, computed independently ----------------------------------------


def day(iso: str) -> str:
    """« 1er mars 2027 »: Babel's French date, with the « 1er » of legal texts."""
    text = format_date(dt.date.fromisoformat(iso), "d MMMM y", locale="fr_FR")
    return re.sub(r"^1 ", "1er ", text)


def duration(value: dict[str, int]) -> str:
    months, days = value["months"], value["days"]
    parts = [f"{months} mois"] if months else []
    if days:
        parts.append(f"{days} jour" + ("s" if days > 1 else ""))
    return " et ".join(parts)


KIND = {
    "commune": "commune",
    "ept": "établissement public territorial",
    "public_establishment": "établissement public",
    "other": "personne morale de droit public",
}


def placeholder_values(data: dict[str, Any]) -> list[tuple[str, str]]:
    """Each placeholder of the contract, in order, and the words that replace it."""
    beneficiary, experiment = data["beneficiary"], data["experiment"]
    representative = beneficiary["representative"]
    habilite = {"Madame": "habilitée", "Monsieur": "habilité"}[representative["civility"]]
    return [
        ("[référence de la délibération", data["metropole_deliberation"]),
        ("[Structure publique]", beneficiary["name"]),
        ("[type de structure]", KIND[beneficiary["kind"]]),
        ("[Adresse]", beneficiary["address"]),
        ("[NuméroSIREN]", beneficiary["siren"]),
        ("[Structure publique]", beneficiary["name"]),
        ("[Statut]", representative["title"]),
        ("[Genre]", representative["civility"]),
        ("[Nom]", representative["name"]),
        ("[Condition_1]", habilite),
        ("[Type de document]", beneficiary["authorising_act"]),
        ("[Thématique]", experiment["theme"]),
        ("[Objet de la solution]", experiment["solution"]),
        ("[Liste des objectifs", " ".join(experiment["objectives"])),
        ("[Date]", day(data["end_date"])),  # Art. 2, « jusqu'au »
        ("[X]", str(experiment["duration_months"])),
        ("[Date indicative]", "le " + day(experiment["indicative_start"])),
        (
            "[Préciser les étapes",
            " ".join(f"{s['label']} : {duration(s['duration'])}" for s in experiment["calendar"]),
        ),
        ("[Date]", "la date du " + day(experiment["reduced_usage_after"])),  # « au-delà de »
        ("[Date]", day(experiment["evaluation_deadline"])),  # « avant le »
        ("[Thématique]", experiment["theme"]),
        ("[Structure]", beneficiary["name"]),
        ("[Titre]", representative["title"]),
        ("[Prénom NOM]", representative["name"]),
    ]


def expected_text(data: dict[str, Any]) -> str:
    """The contract's text with the file's values, its layout marks removed."""
    values = iter(placeholder_values(data))

    def fill(match: re.Match[str]) -> str:
        start, value = next(values)
        assert match.group().startswith(start), (match.group(), start)
        return value

    text = PLACEHOLDER.sub(fill, CONTRACT)
    assert next(values, None) is None, "a placeholder of the table is not in the contract"
    text = text.replace("**", "").replace("*", "")  # emphasis marks of the extraction
    text = re.sub(r"^ ?- ", "", text, flags=re.MULTILINE)  # list marks
    text = text.replace("LePour", "Le Pour")  # two columns of the signature block
    text = re.sub(r"\s+\.", ".", text)  # « [Thématique]\n . Il a vocation »
    return flat(text)


def sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.;:])\s+", text) if s]


def load_json(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def assert_every_sentence_in_order(expected: str, got: str) -> None:
    position = 0
    for sentence in sentences(expected):
        found = got.find(sentence, position)
        assert found >= 0, f"missing or out of order: {sentence!r}"
        position = found + len(sentence)
    assert got == expected


# --- the filled convention ------------------------------------------------------------


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_every_sentence_of_the_contract_is_in_the_filled_convention_in_order(
    path: Path,
) -> None:
    data = documents.render("convention", load_path(path))
    assert_every_sentence_in_order(expected_text(load_json(path)), flat(" ".join(body_lines(data))))


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_no_placeholder_is_left_in_any_example(path: Path) -> None:
    data = documents.render("convention", load_path(path))
    text = "\n".join([*body_lines(data), footer_text(data)])
    assert not PLACEHOLDER.search(text)
    assert "{{" not in text
    assert "{%" not in text


def test_the_values_of_the_valmont_convention_read_as_the_contract_wants() -> None:
    text = flat(" ".join(body_lines(documents.render("convention", load_path(VALMONT)))))
    assert "représentée par son Président, Patrick Ollier dûment mandaté par délibération" in text
    assert (
        "Commune de Valmont-sur-Marne (fictive) représenté par son Maire Madame Camille "
        "Exemple, dûment habilitée à la signature de la présente en vertu de la délibération "
        "du conseil municipal n° 2026-000 (fictive)." in text
    )
    assert "jusqu'au 31 mars 2028." in text  # Art. 2
    assert "sur une durée de 6 mois avec un début souhaité le 1er mars 2027." in text
    assert "au-delà de la date du 1er mai 2027 et quel qu'en soit le motif" in text
    assert "mesure d'impact avant le 31 décembre 2027." in text  # Art. 5 al. 5
    assert "cadrage et paramétrage : 1 mois déploiement auprès des agents : 15 jours" in text


def test_the_lists_are_lists() -> None:
    document = open_docx(documents.render("convention", load_path(VALMONT)))
    bullets = [flat(p.text) for p in document.paragraphs if p.style.name == "List Bullet"]
    assert "réduire le temps d'attente au standard" in bullets
    assert "utilisation : 6 mois" in bullets
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert len(headings) == 13
    assert headings[4] == "ARTICLE 5 – CALENDRIER PREVISIONNEL DU PROJET"


def test_the_footer_names_the_convention() -> None:
    data = documents.render("convention", load_path(VALMONT))
    assert footer_text(data).startswith("Convention d'engagement MGP-AM-2026-EX-001 — page")


def test_another_signatory_and_the_words_that_agree_with_her() -> None:
    signatory = documents.Signatory("Jeanne Exemple", title="Présidente", civility="Madame")
    data = documents.render("convention", load_path(VALMONT), signatory=signatory)
    text = flat(" ".join(body_lines(data)))
    assert "représentée par sa Présidente, Jeanne Exemple dûment mandatée par" in text
    assert "Pour La Métropole du Grand Paris La Présidente Jeanne EXEMPLE" in text
    assert "Patrick" not in text


def test_a_value_with_markup_appears_as_text() -> None:
    convention = load_path(VALMONT)
    name = "Commune <script>alert(\"x\")</script> & 'fils'"
    beneficiary = attrs.evolve(convention.beneficiary, name=name)
    data = documents.render("convention", attrs.evolve(convention, beneficiary=beneficiary))
    lines = body_lines(data)
    assert f"Pour {name}" in lines
    assert sum(line.count(name) for line in lines) == 3  # preamble twice, signatures once


@pytest.mark.parametrize(
    ("kind", "words"),
    [
        (BodyKind.EPT, "établissement public territorial"),
        (BodyKind.PUBLIC_ESTABLISHMENT, "établissement public"),
        (BodyKind.OTHER, "personne morale de droit public"),
    ],
)
def test_type_de_structure_is_the_kind_in_words(kind: BodyKind, words: str) -> None:
    convention = load_path(VALMONT)
    beneficiary = attrs.evolve(convention.beneficiary, kind=kind)
    values = documents.convention_context(attrs.evolve(convention, beneficiary=beneficiary))
    assert values["beneficiary_kind"] == words


def test_a_man_is_habilite() -> None:
    convention = load_path(ROOT / "examples" / "02-plaine-exemple-experimentation.json")
    assert documents.convention_context(convention)["representative_authorised"] == "habilité"


# --- a file lacking a value -------------------------------------------------------------


def lacking(convention: Convention) -> Convention:
    """The convention without the Art. 5 al. 5 dates, calendar, and a usable civility."""
    experiment = attrs.evolve(
        convention.experiment,
        reduced_usage_after=None,
        evaluation_deadline=None,
        evaluation_period=None,
        calendar=(),
    )
    representative = attrs.evolve(convention.beneficiary.representative, civility="Docteur")
    beneficiary = attrs.evolve(convention.beneficiary, representative=representative)
    return attrs.evolve(convention, experiment=experiment, beneficiary=beneficiary)


def test_a_file_lacking_values_is_refused_with_every_missing_field(tmp_path: Path) -> None:
    target = tmp_path / "convention.docx"
    with pytest.raises(MissingData) as caught:
        documents.write("convention", lacking(load_path(VALMONT)), target)
    missing = caught.value.missing
    assert [(m.field, m.placeholder, m.article) for m in missing] == [
        ("$.beneficiary.representative.civility", "[Condition_1]", "Préambule"),
        ("$.experiment.calendar", "[Préciser les étapes et durée]", "Art. 5 al. 2"),
        ("$.experiment.reduced_usage_after", "[Date]", "Art. 5 al. 5"),
        ("$.experiment.evaluation_deadline", "[Date]", "Art. 5 al. 5"),
    ]
    assert caught.value.field == "$.beneficiary.representative.civility"
    assert "au-delà de [Date]" in str(caught.value)
    assert caught.value.render("en") == str(caught.value)
    assert "aucune valeur dans le fichier, nécessaire pour [Date]" in caught.value.render("fr")
    assert len(str(caught.value).splitlines()) == 4
    assert not target.exists()
    assert list(tmp_path.iterdir()) == []


def test_a_character_a_word_document_cannot_hold_is_refused_not_dropped() -> None:
    convention = load_path(VALMONT)
    beneficiary = attrs.evolve(convention.beneficiary, name="Commune\ufffe")
    with pytest.raises(MissingData) as caught:
        documents.render("convention", attrs.evolve(convention, beneficiary=beneficiary))
    [missing] = caught.value.missing  # once, though the name is shown three times
    assert (missing.field, missing.placeholder) == ("$.beneficiary.name", "[Structure publique]")
    assert "U+FFFE" in str(missing)


def test_values_given_to_the_renderer_are_checked_too() -> None:
    values = dict(documents.context("convention", load_path(VALMONT)))
    values["objectives"] = ["réduire\uffff"]
    with pytest.raises(InvalidValue, match="U\\+FFFF") as caught:
        documents.render_context("convention", values)
    assert caught.value.field == "objectives"


def test_missing_data_without_items_still_says_something() -> None:
    assert str(MissingData("convention", [])) == "the convention lacks data"


# --- templates ------------------------------------------------------------------------


def shipped_template() -> bytes:
    return (
        ROOT / "src" / "mgp_convention" / "documents" / "templates" / "convention.docx"
    ).read_bytes()


def edited_template(old: str, new: str) -> bytes:
    """The shipped template with ``old`` replaced by ``new`` in the paragraph holding it."""
    document = open_docx(shipped_template())
    paragraphs = [p for p in document.paragraphs if old in p.text]
    assert paragraphs, old
    paragraph = paragraphs[0]
    text = paragraph.text.replace(old, new)
    for run in paragraph.runs[1:]:
        run.text = ""
    paragraph.runs[0].text = text
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_the_shipped_template_holds_exactly_the_tags_of_the_kind() -> None:
    assert documents.template_tags(shipped_template()) == convention_kind.TAGS
    documents.check_template("convention")


def test_the_context_gives_every_tag() -> None:
    values = documents.context("convention", load_path(VALMONT))
    assert values.keys() >= convention_kind.TAGS


def test_a_template_missing_a_tag_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "entete.docx"
    path.write_bytes(edited_template("{{ beneficiary_siren }}", "000 000 000"))
    with pytest.raises(TemplateProblem) as caught:
        documents.check_template("convention", path)
    assert caught.value.missing_tags == ("beneficiary_siren",)
    assert caught.value.unknown_tags == ()
    assert "beneficiary_siren" in str(caught.value)
    with pytest.raises(TemplateProblem):
        documents.render("convention", load_path(VALMONT), template=path)


def test_a_template_with_a_tag_the_kind_does_not_provide_is_reported() -> None:
    template = edited_template(
        "{{ beneficiary_siren }}", "{{ beneficiary_siren }} {{ nom_du_maire }}"
    )
    with pytest.raises(TemplateProblem) as caught:
        documents.check_template("convention", template)
    assert caught.value.unknown_tags == ("nom_du_maire",)
    assert caught.value.missing_tags == ()


@pytest.mark.parametrize(
    ("template", "words"),
    [
        (b"not a zip", "not a Word document"),
        (edited_template("{{ beneficiary_siren }}", "{{ beneficiary_siren"), "malformed tag"),
    ],
    ids=["not a docx", "malformed tag"],
)
def test_a_template_that_cannot_be_read_is_reported(template: bytes, words: str) -> None:
    with pytest.raises(TemplateProblem, match=words):
        documents.check_template("convention", template)


def test_a_template_that_cannot_be_filled_is_reported() -> None:
    template = edited_template("{{ step.duration }}", "{{ step.duration }} {{ step.cost }}")
    with pytest.raises(TemplateProblem, match="cannot fill the template"):
        documents.render("convention", load_path(VALMONT), template=template)


def test_a_template_cannot_reach_python_objects() -> None:
    template = edited_template(
        "{{ beneficiary_siren }}", "{{ beneficiary_siren.__class__.__mro__ }}"
    )
    with pytest.raises(TemplateProblem):
        documents.render("convention", load_path(VALMONT), template=template)


def test_a_missing_template_file_is_reported(tmp_path: Path) -> None:
    with pytest.raises(TemplateProblem, match="cannot read the template"):
        documents.check_template("convention", tmp_path / "absent.docx")


def test_a_letterhead_template_is_used() -> None:
    template = edited_template("Etant exposé que", "Il est exposé (en-tête) que")
    data = documents.render("convention", load_path(VALMONT), template=template)
    assert "Il est exposé (en-tête) que\u00a0:" in body_lines(data)


def test_french_spaces_do_not_break() -> None:
    lines = body_lines(documents.render("convention", load_path(VALMONT)))
    assert "Il est convenu ce qui suit\u00a0:" in lines
    assert "utilisation\u00a0: 6 mois" in lines
    assert not any(re.search(r" [:;»]|« ", line) for line in lines)


# --- the kinds, the file names, the signatory -----------------------------------------


def test_kinds_by_name() -> None:
    assert documents.kind_named(" Convention ") is documents.KINDS["convention"]
    with pytest.raises(InvalidValue, match="unknown kind"):
        documents.kind_named("mise-en-demeure-typo")


def test_default_file_names_are_safe() -> None:
    convention = attrs.evolve(load_path(VALMONT), reference="MGP/AM 2026 — Évry n°1")
    assert documents.default_file_name("convention", convention) == (
        "MGP-AM-2026-Evry-n1-convention.docx"
    )
    assert safe_file_name("..//") == "document"


@pytest.mark.parametrize(
    ("name", "signature_name"),
    [
        ("Patrick Ollier", "Patrick OLLIER"),
        ("Jean-Marie LE NOM", "Jean-Marie LE NOM"),  # capitals given: kept
        ("Anne Exemple-Martin", "Anne EXEMPLE-MARTIN"),
    ],
)
def test_the_name_under_the_signature(name: str, signature_name: str) -> None:
    assert documents.Signatory(name).signature_name == signature_name


def test_the_name_under_the_signature_can_be_given() -> None:
    signatory = documents.Signatory("Anne de la Tour", signature_name="Anne DE LA TOUR")
    assert signatory.signature_name == "Anne DE LA TOUR"


@pytest.mark.parametrize(
    ("arguments", "field"),
    [
        ({"name": " "}, "name"),
        ({"name": "Anne Exemple", "civility": "Docteur"}, "civility"),
        ({"name": "Anne Exemple", "title": ""}, "title"),
        ({"name": "Anne\ufffe Exemple"}, "name"),
    ],
)
def test_a_signatory_is_checked(arguments: dict[str, str], field: str) -> None:
    with pytest.raises(InvalidValue) as caught:
        documents.Signatory(**arguments)
    assert caught.value.field == field


def test_the_default_signatory_is_the_president_of_the_template() -> None:
    signatory = documents.DEFAULT_SIGNATORY
    assert (signatory.with_possessive, signatory.name, signatory.mandated) == (
        "son Président",
        "Patrick Ollier",
        "mandaté",
    )
    assert signatory.title_with_article == "Le Président"


# --- written safely -------------------------------------------------------------------


def files_in(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_write_makes_a_document(tmp_path: Path) -> None:
    path = documents.write("convention", load_path(VALMONT), tmp_path / "c.docx")
    assert path == tmp_path / "c.docx"
    assert "Pour Commune de Valmont-sur-Marne (fictive)" in body_lines(path.read_bytes())
    assert files_in(tmp_path) == ["c.docx"]


def test_an_existing_file_is_refused_without_overwrite(tmp_path: Path) -> None:
    target = tmp_path / "c.docx"
    target.write_bytes(b"previous")
    with pytest.raises(FileExistsError):
        documents.write("convention", load_path(VALMONT), target)
    assert target.read_bytes() == b"previous"
    documents.write("convention", load_path(VALMONT), target, overwrite=True)
    assert target.read_bytes()[:2] == b"PK"
    assert files_in(tmp_path) == ["c.docx"]


def test_a_failed_replace_leaves_the_previous_file_intact(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "c.docx"
    target.write_bytes(b"previous")

    def broken_replace(_src: Any, _dst: Any) -> None:
        raise OSError(errno.EIO, "input/output error")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError, match="input/output error"):
        documents.write("convention", load_path(VALMONT), target, overwrite=True)
    assert target.read_bytes() == b"previous"
    assert files_in(tmp_path) == ["c.docx"]  # the temporary file is gone


def test_a_failed_write_leaves_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken_fsync(_fd: int) -> None:
        raise OSError(errno.ENOSPC, "no space left on device")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(OSError, match="no space left"):
        write_atomically(b"data", tmp_path / "c.docx", overwrite=False)
    assert files_in(tmp_path) == []


def _no_links(error: int) -> Callable[[Any, Any], None]:
    def refuse(_src: Any, _dst: Any) -> None:
        raise OSError(error, os.strerror(error))

    return refuse


def test_without_hard_links_the_file_is_still_written_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(os, "link", _no_links(errno.EPERM))
    write_atomically(b"data", tmp_path / "c.docx", overwrite=False)
    assert (tmp_path / "c.docx").read_bytes() == b"data"
    assert files_in(tmp_path) == ["c.docx"]


def test_a_file_appearing_meanwhile_is_not_replaced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "c.docx"
    link = os.link

    def someone_else_writes_first(src: Any, dst: Any) -> None:
        target.write_bytes(b"theirs")
        link(src, dst)

    monkeypatch.setattr(os, "link", someone_else_writes_first)
    with pytest.raises(FileExistsError):
        write_atomically(b"ours", target, overwrite=False)
    assert target.read_bytes() == b"theirs"
    assert files_in(tmp_path) == ["c.docx"]


def test_a_file_appearing_meanwhile_without_hard_links(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "c.docx"

    def someone_else_writes_first(_src: Any, _dst: Any) -> None:
        target.write_bytes(b"theirs")
        raise OSError(errno.ENOTSUP, "not supported")

    monkeypatch.setattr(os, "link", someone_else_writes_first)
    with pytest.raises(FileExistsError):
        write_atomically(b"ours", target, overwrite=False)
    assert target.read_bytes() == b"theirs"
    assert files_in(tmp_path) == ["c.docx"]


def test_another_link_error_is_raised(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(os, "link", _no_links(errno.EIO))
    with pytest.raises(OSError, match=os.strerror(errno.EIO)):
        write_atomically(b"data", tmp_path / "c.docx", overwrite=False)
    assert files_in(tmp_path) == []


# --- any valid convention ---------------------------------------------------------------


def texts_of(convention: Convention) -> list[tuple[str, str]]:
    """The texts the convention's placeholders show, with their fields, in order."""
    beneficiary, experiment = convention.beneficiary, convention.experiment
    representative = beneficiary.representative
    return [
        ("$.metropole_deliberation", convention.metropole_deliberation),
        ("$.beneficiary.name", beneficiary.name),
        ("$.beneficiary.address", beneficiary.address),
        ("$.beneficiary.representative.title", representative.title),
        ("$.beneficiary.representative.name", representative.name),
        ("$.beneficiary.authorising_act", beneficiary.authorising_act),
        ("$.experiment.theme", experiment.theme),
        ("$.experiment.solution", experiment.solution),
        *(("$.experiment.objectives", text) for text in experiment.objectives),
        *(("$.experiment.calendar", step.label) for step in experiment.calendar),
    ]


CIVILITIES = st.sampled_from(["Madame", "Monsieur"])


def completed(convention: Convention) -> Convention:
    """The convention with a calendar and both Art. 5 al. 5 dates (when its dates allow)."""
    experiment = convention.experiment
    if convention.end_date <= experiment.indicative_start:
        return convention
    deadline = experiment.evaluation_deadline or convention.end_date
    reduced = experiment.reduced_usage_after
    experiment = attrs.evolve(
        experiment,
        calendar=experiment.calendar or (CalendarStep("étape", Duration(months=1)),),
        reduced_usage_after=reduced if reduced and reduced <= deadline else deadline,
        evaluation_deadline=deadline,
        evaluation_period=experiment.evaluation_period or Duration(months=1),
    )
    return attrs.evolve(convention, experiment=experiment)


@settings(max_examples=40, deadline=None)
@given(conventions(), CIVILITIES, st.booleans())
def test_any_convention_is_filled_whole_or_refused_with_what_it_lacks(
    convention: Convention, civility: str, complete: bool
) -> None:
    representative = attrs.evolve(convention.beneficiary.representative, civility=civility)
    convention = attrs.evolve(
        convention, beneficiary=attrs.evolve(convention.beneficiary, representative=representative)
    )
    if complete:
        convention = completed(convention)
    experiment = convention.experiment
    lacking = [
        field
        for field, value in (
            ("$.experiment.calendar", experiment.calendar or None),
            ("$.experiment.reduced_usage_after", experiment.reduced_usage_after),
            ("$.experiment.evaluation_deadline", experiment.evaluation_deadline),
        )
        if value is None
    ]
    if lacking:
        with pytest.raises(MissingData) as caught:
            documents.render("convention", convention)
        assert [m.field for m in caught.value.missing] == lacking
        return
    unusable = [field for field, text in texts_of(convention) if re.search("[\ufffe\uffff]", text)]
    if unusable:
        with pytest.raises(MissingData) as caught:
            documents.render("convention", convention)
        assert [m.field for m in caught.value.missing] == list(dict.fromkeys(unusable))
        return
    data = documents.render("convention", convention)
    text = "\n".join(body_lines(data))
    for _field, value in texts_of(convention):
        assert value in text
    assert convention.reference in footer_text(data)
    assert not re.search(r"\{\{ \w+ \}\}|\{%p ", text)
