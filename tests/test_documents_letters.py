"""The letters of Art. 9 and 12: what each says, and when the contract refuses it.

The example convention (``tests/_builders.py``) is signed on 12 and 19 November 2026;
its market costs 180 000,00 € TTC for 3 declared beneficiaries. Every expected date and
amount is computed here by hand, with the reason in the case's name; the quotations are
compared with the package's :class:`~mgp_convention.citations.Citation` texts; the
documents are read back with python-docx.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import io
import re
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import attrs
import docx
import pytest

from mgp_convention import documents
from mgp_convention.articles.art05_delays import ART5_NOT_READY
from mgp_convention.articles.art09_sanctions import ART9_SANCTION
from mgp_convention.articles.art10_claims import ART13
from mgp_convention.articles.art12_indemnity import ART12_AL3
from mgp_convention.articles.art12_indemnity_amount import PrejudiceItem
from mgp_convention.articles.art12_remedy import ART12_REMEDY
from mgp_convention.articles.art12_termination import ART12_TERMINATION, CIV_1218
from mgp_convention.convention import Convention
from mgp_convention.documents.request import Hearing, IndemnityRequest, Request
from mgp_convention.errors import InvalidValue, LetterRefused, TemplateProblem
from mgp_convention.events import (
    BreachRecorded,
    BreachRemedied,
    Event,
    ExperimentStarted,
    ExperimentStopped,
    Ground,
    JustificationsExamined,
    Obligation,
    RepresentativesHeard,
    TerminatedBy,
    Termination,
)
from mgp_convention.parties import Representative

from _builders import EXAMPLE, D, breach, convention, notice

ROOT = Path(__file__).parent.parent
TEMPLATES = ROOT / "src" / "mgp_convention" / "documents" / "templates"

NOTICE, HEARING, DECISION = "mise-en-demeure", "convocation-art9", "decision-resiliation"

#: A breach recorded on Monday 30 November 2026, its notice sent on Wednesday 2 December:
#: day 30 is Friday 1 January 2027, a public holiday; Saturday 2 and Sunday 3 follow, so
#: the thirty days end on Monday 4 January 2027 and a termination is possible from
#: Tuesday 5 January 2027.
RECORDED, SENT = D(2026, 11, 30), D(2026, 12, 2)
DEADLINE_WORDS, FROM_WORDS = "lundi 4 janvier 2027", "mardi 5 janvier 2027"
OPEN = convention(breach(RECORDED, "B1"))
NOTIFIED = convention(breach(RECORDED, "B1"), notice(SENT, "B1"))


def text_of(data: bytes) -> str:
    """The document's text, its paragraphs one a line, non-breaking spaces as spaces."""
    document = docx.Document(io.BytesIO(data))
    return "\n".join(p.text for p in document.paragraphs).replace("\u00a0", " ")


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def letter(kind: str, source: Convention, **request: Any) -> str:
    return text_of(documents.render(kind, source, Request(**request)))


# --- the formal notice (Art. 12) ----------------------------------------------------------


def test_the_notice_states_the_deadline_computed_for_its_sending() -> None:
    text = letter(NOTICE, OPEN, on=SENT)
    assert "Objet : Mise en demeure de remédier à un manquement" in text
    assert "Lettre recommandée avec accusé de réception" in text
    assert "Paris, le 2 décembre 2026" in text
    assert f"ce délai expire le {DEADLINE_WORDS} à vingt-quatre heures" in text
    assert "envoyée le mercredi 2 décembre 2026" in text
    # the reasoning: day 0 not counted, day 30, the days passed over and why
    assert "le trentième jour est le vendredi 1er janvier 2027" in text
    assert (
        "après le vendredi 1er janvier 2027 (jour férié : 1er janvier), le samedi 2 janvier "
        "2027 et le dimanche 3 janvier 2027" in text
    )
    assert f"à compter du {FROM_WORDS}, résilier la convention pour manquement" in text


def test_the_notice_names_the_obligation_and_quotes_article_12() -> None:
    text = flat(letter(NOTICE, OPEN, on=SENT))
    assert (
        "Le 30 novembre 2026, la Métropole du Grand Paris a constaté un manquement à votre "
        "obligation de mettre à disposition et transférer les données (article 8 de la "
        "convention)." in text
    )
    # al. 1 and al. 2, word for word, as the printed contract's first paragraph
    assert f"« {ART12_TERMINATION.text} {ART12_REMEDY.text} »" in text
    # the breach impedes the experiment: the indemnity of al. 3, quoted
    assert "est de nature à empêcher le démarrage ou le bon déroulé" in text
    assert f"« {ART12_AL3.text} »" in text


def test_a_breach_that_does_not_impede_the_experiment_says_nothing_of_the_indemnity() -> None:
    minor = BreachRecorded(
        RECORDED, breach="B1", obligation=Obligation.ATTEND_MEETINGS, impedes_experiment=False
    )
    text = flat(letter(NOTICE, convention(minor), on=SENT))
    assert "participer aux réunions du comité opérationnel" in text
    assert ART12_AL3.text not in text
    assert "indemnisée" not in text


def test_the_details_of_the_file_follow_the_obligation() -> None:
    detailed = BreachRecorded(
        RECORDED,
        breach="B1",
        obligation=Obligation.DESIGNATE_REFERENT,
        impedes_experiment=True,
        details="aucun référent désigné",
    )
    text = flat(letter(NOTICE, convention(detailed), on=SENT))
    assert "d'un manquement" not in text
    assert "obligation de désigner un référent projet (article 3 de la convention) : aucun" in text


@pytest.mark.parametrize(
    ("events", "breach_label", "words", "article"),
    [
        (
            (breach(RECORDED, "B1"), notice(SENT, "B1")),
            "B1",
            "a déjà fait l'objet d'une mise en demeure, envoyée le mercredi 2 décembre 2026",
            "Art. 12 al. 2",
        ),
        (
            (breach(RECORDED, "B1"), BreachRemedied(D(2026, 12, 1), breach="B1")),
            "B1",
            "le manquement B1 est clos",
            "Art. 12 al. 2",
        ),
        (
            (breach(RECORDED, "B1"),),
            "B7",
            "aucun manquement n'est enregistré sous l'identifiant B7",
            None,
        ),
        (
            (breach(RECORDED, "B1"), breach(RECORDED, "B2")),
            None,
            "2 manquements sont ouverts (B1, B2)",
            None,
        ),
        ((), None, "aucun manquement n'est ouvert", None),
    ],
    ids=["already notified", "remedied", "unknown label", "two open", "none open"],
)
def test_a_notice_the_lifecycle_would_refuse_is_not_written(
    events: tuple[Event, ...], breach_label: str | None, words: str, article: str | None
) -> None:
    with pytest.raises(LetterRefused) as refused:
        documents.render(NOTICE, convention(*events), Request(on=SENT, breach=breach_label))
    assert refused.value.kind == NOTICE
    assert words in refused.value.render("fr")
    assert refused.value.article == article


def test_a_notice_dated_before_the_last_event_is_refused() -> None:
    with pytest.raises(LetterRefused, match="before the last recorded event"):
        documents.render(NOTICE, OPEN, Request(on=D(2026, 11, 29)))


def test_the_breach_may_be_left_out_only_when_exactly_one_is_open() -> None:
    named = letter(NOTICE, OPEN, on=SENT, breach="B1")
    assert letter(NOTICE, OPEN, on=SENT) == named


# --- the convocation (Art. 9) -------------------------------------------------------------

HEARD_ON = D(2027, 1, 15)  # a Friday
HEARING_AT = Hearing(
    "Salle 3, 15-19 avenue Pierre Mendès-France, 75013 Paris",
    HEARD_ON,
    at=dt.time(10, 30),
    justifications_by=D(2027, 1, 12),
)


def test_the_convocation_gives_the_hearing_and_quotes_article_9() -> None:
    text = flat(letter(HEARING, NOTIFIED, on=D(2027, 1, 6), hearing=HEARING_AT))
    assert "Objet : Examen de vos justificatifs et audition de vos représentants" in text
    assert (
        "Vos représentants seront entendus le vendredi 15 janvier 2027 à 10 h 30, au lieu "
        "suivant : Salle 3, 15-19 avenue Pierre Mendès-France, 75013 Paris." in text
    )
    assert "par écrit au plus tard le mardi 12 janvier 2027" in text
    assert f"« {ART9_SANCTION.text} »" in text
    # the facts as they stand on the letter's date: the thirty days ran out
    assert f"ce délai expirait le {DEADLINE_WORDS} à vingt-quatre heures" in text
    assert "Il n'y a pas été remédié dans ce délai, ni depuis." in text


def test_without_a_date_for_the_justifications_they_may_be_given_at_the_hearing() -> None:
    hearing = Hearing("Salle 3", HEARD_ON)
    text = flat(letter(HEARING, NOTIFIED, on=D(2026, 12, 10), hearing=hearing))
    assert "avant l'audition, ou à les remettre lors de celle-ci" in text
    assert "entendus le vendredi 15 janvier 2027, au lieu suivant : Salle 3." in text
    # during the thirty days: the deadline still runs, nothing is said of a remedy
    assert f"ce délai expire le {DEADLINE_WORDS}" in text
    assert "remédié" not in text.split("ce délai expire")[1].split("L'article 9")[0]


def test_a_convocation_for_a_breach_remedied_in_time_is_refused() -> None:
    remedied = convention(
        breach(RECORDED, "B1"), notice(SENT, "B1"), BreachRemedied(D(2026, 12, 20), breach="B1")
    )
    with pytest.raises(LetterRefused) as refused:
        documents.render(
            HEARING, remedied, Request(on=D(2027, 1, 6), breach="B1", hearing=HEARING_AT)
        )
    assert "réparé dans le délai : il ne fonde plus une sanction" in refused.value.render("fr")
    assert refused.value.article == "Art. 9"


def test_a_hearing_after_the_end_of_the_convention_is_refused() -> None:
    late = Hearing("Salle 3", D(2028, 4, 3))  # the end date is 31 March 2028
    with pytest.raises(LetterRefused) as refused:
        documents.render(HEARING, NOTIFIED, Request(on=D(2027, 1, 6), hearing=late))
    assert refused.value.article == "Art. 2"


@pytest.mark.parametrize(
    ("hearing", "field"),
    [
        (None, "hearing"),
        (Hearing("Salle 3", D(2027, 1, 6)), "hearing.on"),
        (
            Hearing("Salle 3", HEARD_ON, justifications_by=D(2027, 1, 5)),
            "hearing.justifications_by",
        ),
    ],
    ids=["no hearing", "hearing on the letter's day", "justifications before the letter"],
)
def test_a_convocation_needs_a_hearing_after_its_date(hearing: Hearing | None, field: str) -> None:
    with pytest.raises(InvalidValue) as invalid:
        documents.render(HEARING, NOTIFIED, Request(on=D(2027, 1, 6), hearing=hearing))
    assert invalid.value.field == field


def test_justifications_expected_after_the_hearing_are_refused() -> None:
    with pytest.raises(InvalidValue, match="after the hearing"):
        Hearing("Salle 3", HEARD_ON, justifications_by=D(2027, 1, 16))


# --- the termination decision -------------------------------------------------------------


def test_a_termination_before_the_thirty_days_ran_out_is_refused() -> None:
    with pytest.raises(LetterRefused) as refused:
        documents.render(DECISION, NOTIFIED, Request(on=D(2027, 1, 4), ground=Ground.BREACH))
    said = refused.value.render("fr")
    assert f"courent jusqu'au {DEADLINE_WORDS} inclus" in said
    assert f"possible à partir du {FROM_WORDS}" in said
    assert refused.value.article == "Art. 12 al. 2"


def test_the_decision_for_breach_claims_the_indemnity_item_by_item() -> None:
    claim = IndemnityRequest(items=(PrejudiceItem("frais de relance", "1500.00"),))
    text = flat(letter(DECISION, NOTIFIED, on=D(2027, 1, 5), ground=Ground.BREACH, indemnity=claim))
    assert "Paris, le 5 janvier 2027" in text
    # the facts and their dates
    assert "Le 30 novembre 2026, la Métropole du Grand Paris a constaté un manquement" in text
    assert "envoyée le 2 décembre 2026 sous la référence LRAR 1A 000 000 0001" in text
    assert f"ce délai expirait le {DEADLINE_WORDS}" in text
    assert "Il n'y a pas été remédié dans ce délai, ni depuis." in text
    assert f"« {ART12_TERMINATION.text} {ART12_REMEDY.text} »" in text
    assert "prononce la résiliation de la convention d'engagement n° MGP-AM-2026-EX-001" in text
    assert "prend effet à la date de sa notification" in text
    # 180 000,00 € ÷ 3 = 60 000,00 €; with the item, 61 500,00 €
    assert f"« {ART12_AL3.text} »" in text
    assert "Quote-part du marché : 180 000,00 € TTC ÷ 3 bénéficiaires 60 000,00 €" in text
    assert "Frais de relance 1 500,00 €" in text
    assert "Montant total de l'indemnité réclamée 61 500,00 €" in text
    assert "nombre déclaré dans les données du marché" in text
    assert "plafond" not in text.lower()


def test_the_beneficiaries_counted_from_a_folder_divide_the_market() -> None:
    other = attrs.evolve(
        EXAMPLE,
        reference="MGP-AM-2026-EX-002",
        beneficiary=attrs.evolve(EXAMPLE.beneficiary, siren="999000029"),
    )
    claim = IndemnityRequest(portfolio=(("autre.json", other),))
    text = flat(letter(DECISION, NOTIFIED, on=D(2027, 1, 5), ground=Ground.BREACH, indemnity=claim))
    # two conventions signed for the market by 5 January 2027: 180 000,00 € ÷ 2
    assert "180 000,00 € TTC ÷ 2 bénéficiaires 90 000,00 €" in text
    assert "signées par l'ensemble des parties au plus tard le 5 janvier 2027" in text


@pytest.mark.parametrize(
    ("source", "request_fields"),
    [
        (
            NOTIFIED,
            {
                "on": D(2027, 1, 5),
                "ground": Ground.BREACH,
                "indemnity": IndemnityRequest(claimed=False),
            },
        ),
        (
            convention(
                BreachRecorded(
                    RECORDED,
                    breach="B1",
                    obligation=Obligation.ATTEND_MEETINGS,
                    impedes_experiment=False,
                ),
                notice(SENT, "B1"),
            ),
            {"on": D(2027, 1, 5), "ground": Ground.BREACH},
        ),
        (
            EXAMPLE,
            {"on": D(2027, 1, 5), "ground": Ground.INTERRUPTION, "reason": "fin du programme"},
        ),
    ],
    ids=["not claimed", "the breach does not impede the experiment", "interruption"],
)
def test_no_indemnity_when_not_due_or_not_claimed(
    source: Convention, request_fields: dict[str, Any]
) -> None:
    text = letter(DECISION, source, **request_fields)
    assert "L'indemnité" not in text
    assert "€" not in text
    assert ART12_AL3.text not in flat(text)


def test_the_interruption_states_its_reason_of_general_interest() -> None:
    text = flat(
        letter(
            DECISION,
            EXAMPLE,
            on=D(2027, 1, 5),
            ground=Ground.INTERRUPTION,
            reason="fin du programme",
        )
    )
    assert "pour le motif d'intérêt général suivant : fin du programme" in text
    assert f"« {ART12_TERMINATION.text} »" in text
    assert ART12_REMEDY.text not in text


def test_the_decision_carries_the_means_and_time_limit_of_appeal() -> None:
    text = flat(letter(DECISION, NOTIFIED, on=D(2027, 1, 5), ground=Ground.BREACH))
    assert (
        "La présente décision peut être contestée devant le Tribunal administratif de Paris" in text
    )
    assert "dans un délai de deux mois à compter de sa notification" in text
    assert "Commune de Béziers, n° 304806" in text
    assert "Un recours gracieux peut être adressé" in text
    assert "il n'interrompt pas ce délai de deux mois (CE, 30 mai 2012, n° 357151)" in text
    assert f"« {ART13.text} »" in text


def test_the_sanction_needs_the_art9_steps_and_quotes_article_9() -> None:
    steps = (JustificationsExamined(D(2027, 1, 6), breach="B1"),)
    with pytest.raises(LetterRefused) as refused:
        documents.render(
            DECISION,
            convention(breach(RECORDED, "B1"), notice(SENT, "B1"), *steps),
            Request(on=D(2027, 1, 8), ground=Ground.SANCTION),
        )
    assert "n'ont pas été entendus" in refused.value.render("fr")
    heard = (*steps, RepresentativesHeard(D(2027, 1, 7), breach="B1"))
    text = flat(
        letter(
            DECISION,
            convention(breach(RECORDED, "B1"), notice(SENT, "B1"), *heard),
            on=D(2027, 1, 8),
            ground=Ground.SANCTION,
        )
    )
    assert (
        "examinés le 6 janvier 2027 et vos représentants ont été entendus le 7 janvier 2027" in text
    )
    assert f"« {ART9_SANCTION.text} »" in text
    assert "de mettre fin à l'expérimentation ; cette décision entraîne la résiliation" in text


def test_not_ready_quotes_article_5() -> None:
    ready = BreachRecorded(D(2027, 3, 2), breach="B1", obligation=Obligation.READY_ON_PLANNED_DATE)
    source = convention(ready, notice(D(2027, 3, 3), "B1"))
    text = flat(letter(DECISION, source, on=D(2027, 4, 6), ground=Ground.NOT_READY))
    assert "prévoyait un début de l'expérimentation le 1er mars 2027" in text
    assert f"« {ART5_NOT_READY.text} »" in text


def test_the_recorded_termination_is_the_decision_of_its_own_date() -> None:
    recorded = Termination(
        D(2027, 1, 5), ground=Ground.BREACH, breach="B1", notified_on=D(2027, 1, 8)
    )
    source = convention(breach(RECORDED, "B1"), notice(SENT, "B1"), recorded)
    assert documents.KINDS[DECISION].default_on is not None
    assert documents.KINDS[DECISION].default_on(source) == D(2027, 1, 5)
    text = flat(letter(DECISION, source))
    assert "Paris, le 5 janvier 2027" in text
    assert "prend effet à la date de sa notification, le 8 janvier 2027" in text
    assert "61 500,00 €" not in text
    assert "60 000,00 €" in text


def test_a_recorded_termination_differing_from_the_request_is_refused() -> None:
    recorded = Termination(D(2027, 1, 5), ground=Ground.BREACH, breach="B1")
    source = convention(breach(RECORDED, "B1"), notice(SENT, "B1"), recorded)
    with pytest.raises(LetterRefused, match="differs from it in: ground, on"):
        documents.render(DECISION, source, Request(on=D(2027, 1, 6), ground=Ground.SANCTION))


@pytest.mark.parametrize(
    "ground", [Ground.COMMON_AGREEMENT, Ground.GENERAL_INTEREST], ids=lambda g: g.value
)
def test_no_decision_letter_for_what_the_metropole_does_not_decide_alone(ground: Ground) -> None:
    with pytest.raises(LetterRefused, match="not a unilateral decision of the Métropole"):
        documents.render(DECISION, EXAMPLE, Request(on=D(2027, 1, 5), ground=ground, reason="x"))


def test_an_effective_date_asked_is_at_the_earliest_the_notification() -> None:
    text = flat(
        letter(
            DECISION, NOTIFIED, on=D(2027, 1, 5), ground=Ground.BREACH, effective_on=D(2027, 2, 1)
        )
    )
    assert "prend effet le 1er février 2027, et au plus tôt à la date de sa notification" in text


def test_a_decision_without_a_ground_or_a_recorded_termination_is_a_usage_error() -> None:
    with pytest.raises(InvalidValue) as invalid:
        documents.render(DECISION, NOTIFIED, Request(on=D(2027, 1, 5)))
    assert invalid.value.field == "ground"


# --- what every letter shares ---------------------------------------------------------------


def test_the_addressee_the_copy_and_the_signatory() -> None:
    signatory = documents.Signatory("Jeanne Exemple", title="Présidente", civility="Madame")
    text = letter(NOTICE, OPEN, on=SENT, signatory=signatory)
    lines = text.splitlines()
    start = lines.index("Madame Camille Exemple")
    assert lines[start : start + 5] == [
        "Madame Camille Exemple",
        "Maire",
        "Commune de Valmont-sur-Marne (fictive)",
        "1 place de la Mairie",
        "94999 Valmont-sur-Marne",
    ]
    assert "Madame la Maire," in lines
    assert (
        "Copie : Dominique Modèle, référent projet (referent.ia@valmont-sur-marne.example, "
        "01 00 00 00 00)" in lines
    )
    assert lines[-3:] == ["Pour la Métropole du Grand Paris,", "La Présidente,", "Jeanne EXEMPLE"]


def test_another_civility_is_greeted_without_guessing() -> None:
    other = attrs.evolve(
        EXAMPLE.beneficiary,
        representative=Representative(title="Maire", civility="Docteur", name="Alix Exemple"),
    )
    source = attrs.evolve(OPEN, beneficiary=other)
    assert "Madame, Monsieur," in letter(NOTICE, source, on=SENT).splitlines()


def test_everything_from_the_file_is_escaped() -> None:
    tricky = 'Commune <b>"Nord" & Sud</b> {{ x }}'
    source = attrs.evolve(OPEN, beneficiary=attrs.evolve(EXAMPLE.beneficiary, name=tricky))
    details = BreachRecorded(
        RECORDED,
        breach="B1",
        obligation=Obligation.OTHER,
        impedes_experiment=False,
        details="données <script>&amp;",
    )
    source = attrs.evolve(source, events=(*EXAMPLE.events, details))
    text = letter(NOTICE, source, on=SENT)
    assert tricky in text
    assert "l'une de vos obligations : données <script>&amp;" in text
    hearing = Hearing('Salle "A" <1> & 2', HEARD_ON)
    assert 'au lieu suivant : Salle "A" <1> & 2.' in letter(
        HEARING, source, on=D(2026, 12, 10), hearing=hearing
    )


def test_the_values_of_each_letter_are_its_template_tags() -> None:
    requests = {
        NOTICE: Request(on=SENT),
        HEARING: Request(on=D(2027, 1, 6), hearing=HEARING_AT),
        DECISION: Request(on=D(2027, 1, 5), ground=Ground.BREACH),
    }
    for kind, request in requests.items():
        values = documents.context(kind, OPEN if kind == NOTICE else NOTIFIED, request)
        assert set(values) == set(documents.KINDS[kind].tags)
        assert documents.template_tags(TEMPLATES / f"{kind}.docx") == documents.KINDS[kind].tags


def test_a_letter_is_dated() -> None:
    with pytest.raises(InvalidValue) as invalid:
        documents.render(NOTICE, OPEN)
    assert invalid.value.field == "on"


@pytest.mark.parametrize(
    ("kind", "request_"),
    [
        (NOTICE, Request(on=SENT, ground=Ground.BREACH)),
        (NOTICE, Request(on=SENT, hearing=HEARING_AT)),
        ("convention", Request(on=SENT)),
    ],
    ids=["ground to a notice", "hearing to a notice", "date to the convention"],
)
def test_a_field_the_kind_does_not_read_is_refused(kind: str, request_: Request) -> None:
    with pytest.raises(InvalidValue, match="does not use"):
        documents.context(kind, OPEN, request_)


def test_a_request_and_its_shorthand_are_not_mixed() -> None:
    with pytest.raises(InvalidValue, match="not beside it"):
        documents.context(NOTICE, OPEN, Request(on=SENT), on=SENT)


def test_a_letterhead_template_lacking_a_tag_is_refused_with_its_name() -> None:
    document = docx.Document(str(TEMPLATES / f"{NOTICE}.docx"))
    for paragraph in document.paragraphs:
        if "{{ deadline }}" in paragraph.text:
            for run in paragraph.runs:
                run.text = run.text.replace("{{ deadline }}", "[date]")
    out = io.BytesIO()
    document.save(out)
    with pytest.raises(TemplateProblem) as problem:
        documents.render(NOTICE, OPEN, Request(on=SENT), template=out.getvalue())
    assert problem.value.missing_tags == ("deadline",)


def test_the_default_file_names() -> None:
    assert documents.default_file_name(NOTICE, OPEN) == "MGP-AM-2026-EX-001-mise-en-demeure.docx"


# --- the templates are the script's --------------------------------------------------------


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "make_letter_templates", ROOT / "scripts" / "make_letter_templates.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # attrs needs the module of its classes
    spec.loader.exec_module(module)
    return module


def _content(document: docx.document.Document) -> list[tuple[str, str, str]]:
    found = [
        (p.style.name, p.paragraph_format.left_indent or 0, p.text) for p in document.paragraphs
    ]
    found += [("footer", 0, p.text) for p in document.sections[0].footer.paragraphs]
    return [(str(a), str(b), c) for a, b, c in found]


@pytest.mark.parametrize("name", [NOTICE, HEARING, DECISION])
def test_the_shipped_templates_are_the_script_regenerated(name: str, tmp_path: Path) -> None:
    script = _script()
    assert script.main(["-o", str(tmp_path)]) == 0
    built = docx.Document(str(tmp_path / f"{name}.docx"))
    assert _content(built) == _content(docx.Document(str(TEMPLATES / f"{name}.docx")))


# --- the warnings: allowed, but legally risky ---------------------------------------------


def test_a_termination_for_breach_without_the_art9_steps_is_warned_about() -> None:
    request = Request(on=D(2027, 1, 5), ground=Ground.BREACH)
    found = documents.advisories(DECISION, NOTIFIED, request)
    assert [advisory.code for advisory in found] == ["breach_termination_without_art9"]
    assert found[0].source.label == "Art. 9"
    heard = convention(
        breach(RECORDED, "B1"),
        notice(SENT, "B1"),
        JustificationsExamined(D(2027, 1, 5), breach="B1"),
        RepresentativesHeard(D(2027, 1, 5), breach="B1"),
    )
    assert documents.advisories(DECISION, heard, request) == ()
    assert documents.advisories(NOTICE, OPEN, Request(on=SENT)) == ()


# --- the facts as they stand: late remedies, Art. 9 decisions, steps --------------------

STARTED = ExperimentStarted(D(2026, 11, 23))


def test_a_late_remedy_is_told_and_the_breach_stays_a_ground() -> None:
    late = convention(
        STARTED,
        breach(RECORDED, "B1"),
        notice(SENT, "B1"),
        BreachRemedied(D(2027, 1, 8), breach="B1"),
    )
    text = flat(letter(HEARING, late, on=D(2027, 1, 11), breach="B1", hearing=HEARING_AT))
    assert "Il n'y a été remédié que le 8 janvier 2027, après l'expiration de ce délai." in text
    decision = flat(letter(DECISION, late, on=D(2027, 1, 11), ground=Ground.BREACH, breach="B1"))
    assert "L'expérimentation a débuté le 23 novembre 2026." in decision
    assert "Il n'y a été remédié que le 8 janvier 2027" in decision
    advisories = documents.advisories(
        DECISION, late, Request(on=D(2027, 1, 11), ground=Ground.BREACH, breach="B1")
    )
    assert "termination_after_late_remedy" in [advisory.code for advisory in advisories]


def test_a_breach_closed_by_an_art9_decision_is_told() -> None:
    stopped = convention(
        STARTED,
        breach(RECORDED, "B1"),
        notice(SENT, "B1"),
        JustificationsExamined(D(2027, 1, 6), breach="B1"),
        RepresentativesHeard(D(2027, 1, 7), breach="B1"),
        ExperimentStopped(D(2027, 1, 8), breach="B1", reason="fin de l'expérimentation"),
    )
    text = flat(letter(DECISION, stopped, on=D(2027, 1, 11), ground=Ground.SANCTION, breach="B1"))
    assert (
        "Par décision du 8 janvier 2027, la Métropole du Grand Paris a mis fin à "
        "l'expérimentation en raison de ce manquement (article 9 de la convention)." in text
    )


@pytest.mark.parametrize(
    ("step", "words"),
    [
        (
            JustificationsExamined(D(2026, 12, 9), breach="B1"),
            "Les justificatifs que vous avez présentés ont été examinés le 9 décembre 2026 "
            "(article 9 de la convention).",
        ),
        (
            RepresentativesHeard(D(2026, 12, 9), breach="B1"),
            "Vos représentants ont été entendus le 9 décembre 2026 (article 9 de la convention).",
        ),
    ],
    ids=["examined only", "heard only"],
)
def test_each_art9_step_taken_is_told(step: Event, words: str) -> None:
    source = convention(breach(RECORDED, "B1"), notice(SENT, "B1"), step)
    hearing = Hearing("Salle 3", HEARD_ON)
    assert words in flat(letter(HEARING, source, on=D(2026, 12, 10), hearing=hearing))


# --- the other grounds and the recorded dates ---------------------------------------------


def test_force_majeure_states_the_event_and_quotes_1218_by_analogy() -> None:
    text = flat(
        letter(
            DECISION,
            EXAMPLE,
            on=D(2027, 1, 5),
            ground=Ground.FORCE_MAJEURE,
            reason="destruction du bâtiment d'accueil par un incendie.",
        )
    )
    assert "L'événement de force majeure est le suivant : destruction du bâtiment" in text
    assert "incendie.." not in text
    assert "Article 1218 du code civil, appliqué par analogie" in text
    assert f"« {CIV_1218.text} »" in text
    assert "en raison d'un événement de force majeure qui en rend l'exécution" in text


def test_a_recorded_termination_with_its_effective_date() -> None:
    recorded = Termination(
        D(2027, 1, 5),
        ground=Ground.BREACH,
        breach="B1",
        reason="manquement non réparé",
        notified_on=D(2027, 1, 7),
        effective_on=D(2027, 1, 15),
    )
    source = convention(breach(RECORDED, "B1"), notice(SENT, "B1"), recorded)
    text = flat(letter(DECISION, source))
    assert "La présente décision prend effet le 15 janvier 2027." in text
    assert "Motif de la décision : manquement non réparé." in text


def test_a_recorded_termination_by_the_beneficiary_has_no_decision_letter() -> None:
    theirs = Termination(
        D(2027, 1, 5),
        ground=Ground.GENERAL_INTEREST,
        by=TerminatedBy.BENEFICIARY,
        reason="disparition de la cause",
    )
    with pytest.raises(LetterRefused) as refused:
        documents.render(DECISION, convention(theirs), Request())
    assert "n'est pas une décision unilatérale de la Métropole" in refused.value.render("fr")


# --- what a request may hold ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("build", "field"),
    [
        (lambda: Hearing(" ", HEARD_ON), "place"),
        (lambda: Hearing("Salle \ufffe", HEARD_ON), "place"),
        (lambda: Hearing("Salle 3", HEARD_ON, at="10:30"), "at"),  # type: ignore[arg-type]
        (lambda: IndemnityRequest(items=("frais",)), "items[0]"),  # type: ignore[arg-type]
        (
            lambda: IndemnityRequest(items=(PrejudiceItem("frais \ufffe", "1"),)),
            "items[0]",
        ),
        (lambda: IndemnityRequest(portfolio=(("a.json", "x"),)), "portfolio[0]"),  # type: ignore[arg-type]
        (lambda: Request(breach="B 1"), "breach"),
        (lambda: Request(reason=""), "reason"),
    ],
    ids=[
        "empty place",
        "unwritable place",
        "time as text",
        "item not an item",
        "unwritable item",
        "portfolio not pairs",
        "bad breach label",
        "empty reason",
    ],
)
def test_a_request_is_checked_when_made(build: Any, field: str) -> None:
    with pytest.raises(InvalidValue) as invalid:
        build()
    assert invalid.value.field == field


def test_without_a_referent_no_copy_line() -> None:
    text = letter(NOTICE, attrs.evolve(OPEN, referent=None), on=SENT)
    assert "Copie" not in text


def test_article_words_and_quotations_are_checked() -> None:
    from mgp_convention.documents._letter import article_words, quoted_together

    with pytest.raises(InvalidValue):
        article_words("CPC 642")
    with pytest.raises(InvalidValue):
        quoted_together(ART12_REMEDY, ART9_SANCTION)
