"""Build the three letters' .docx templates: the formal notice, the Art. 9 convocation,
the termination decision.

Each template is written with python-docx from the specification below: the letter's
fixed words (the connective prose of a French administrative letter) and its docxtpl
tags, whose values :mod:`mgp_convention.documents.notice`,
:mod:`~mgp_convention.documents.hearing` and :mod:`~mgp_convention.documents.decision`
compute from the convention file — the facts, the dates, the quotations of the
contract (from the package's citations, never typed here), the amounts, the means of
appeal. A sentence that states a rule or a legal consequence lives in those modules,
with its source; the template only frames it.

Every letter has the same frame: the sender (the Métropole), the addressee (the
beneficiary, for the attention of its representative), « Paris, le … », « Lettre
recommandée avec accusé de réception », the object and the reference of the
convention, the referent in copy, the salutation, the body, the closing formula, the
signature (« Pour la Métropole du Grand Paris, », the signatory's title and name), and
a footer with the letter, the convention's reference and the page number.

Usage, from the repository's root (``tests/test_documents_letters.py`` regenerates the
templates and compares them with the shipped ones)::

    python scripts/make_letter_templates.py [-o FOLDER]
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Sequence
from pathlib import Path

import attrs
from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.text.paragraph import Paragraph

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = ROOT / "src" / "mgp_convention" / "documents" / "templates"

FONT = "Arial"
SIZE = 10.5
SMALL = 9
FOOTER_SIZE = 8
#: Where the addressee, the date and the signature start (a window envelope's place).
RIGHT_BLOCK = Cm(9)
#: The right edge of the text, for the amounts of the indemnity.
TEXT_WIDTH = Cm(16.4)

_BEFORE_PUNCTUATION = re.compile(r" ([:;!?»])")
_AFTER_GUILLEMET = re.compile(r"« ")
_BOLD = re.compile(r"(\*\*.+?\*\*)")


@attrs.frozen
class Block:
    """A paragraph of a template: its ``kind`` (the layout) and its ``text``, whose
    ``**…**`` parts are bold; a ``control`` block is a docxtpl paragraph tag."""

    kind: str
    text: str


def p(text: str) -> Block:
    """A paragraph of the body."""
    return Block("body", text)


def control(text: str) -> Block:
    """A docxtpl paragraph tag (``{%p for … %}``), removed with its paragraph."""
    return Block("control", text)


def quote(text: str) -> Block:
    """A quotation of the contract, indented, in italics."""
    return Block("quote", text)


def small(text: str) -> Block:
    """A paragraph in small type (a computation, an explanation)."""
    return Block("small", text)


def heading(text: str) -> Block:
    """A short heading of a part of the letter, kept with what follows."""
    return Block("heading", text)


def row(text: str) -> Block:
    """A line of amounts: a label, a tab, the amount at the right margin."""
    return Block("row", text)


@attrs.frozen
class Letter:
    """One letter's template: its file, its title (core properties, footer), its object
    line and its body."""

    file: str
    title: str
    object: str
    body: tuple[Block, ...]


_OPENING = p(
    "La convention d'engagement n° {{ reference }}, conclue au titre du programme "
    "« ApproprIAtion Métropolitaine » entre la Métropole du Grand Paris et le Bénéficiaire, "
    "{{ beneficiary_name }}, a pris effet le {{ convention_signed_on }}."
)

NOTICE = Letter(
    "mise-en-demeure.docx",
    "Mise en demeure",
    "Mise en demeure de remédier à un manquement (article 12 de la convention)",
    (
        _OPENING,
        p("{{ breach_facts }}"),
        control("{%p if impedes %}"),
        p(
            "Ce manquement est de nature à empêcher le démarrage ou le bon déroulé de "
            "l'expérimentation."
        ),
        control("{%p endif %}"),
        p("L'article 12 de la convention stipule :"),
        quote("« {{ art12_quote.text }} »"),
        p(
            "En conséquence, je vous mets en demeure de remédier à ce manquement dans un délai "
            "de trente jours à compter de l'envoi de la présente lettre recommandée avec "
            "accusé de réception. La présente lettre étant envoyée le {{ sent_on }}, ce délai "
            "expire le **{{ deadline }} à vingt-quatre heures**."
        ),
        control("{%p for sentence in deadline_reasoning %}"),
        small("{{ sentence }}"),
        control("{%p endfor %}"),
        p(
            "Je vous remercie de me faire connaître par écrit, avant l'expiration de ce délai, "
            "les mesures prises pour remédier à ce manquement."
        ),
        p(
            "À défaut d'y avoir remédié dans ce délai, la Métropole du Grand Paris pourra, à "
            "compter du {{ termination_from }}, résilier la convention pour manquement en "
            "application de son article 12, après avoir examiné vos justificatifs et entendu "
            "vos représentants conformément à son article 9."
        ),
        control("{%p if impedes %}"),
        p(
            "Ce manquement étant de nature à empêcher le démarrage ou le bon déroulé de "
            "l'expérimentation, la Métropole du Grand Paris pourra en outre exiger d'être "
            "indemnisée selon son préjudice, dans les conditions de l'article 12 de la "
            "convention :"
        ),
        quote("« {{ art12_indemnity_quote.text }} »"),
        control("{%p endif %}"),
    ),
)

HEARING = Letter(
    "convocation-art9.docx",
    "Convocation (article 9)",
    "Examen de vos justificatifs et audition de vos représentants (article 9 de la convention)",
    (
        _OPENING,
        control("{%p for fact in breach_facts %}"),
        p("{{ fact }}"),
        control("{%p endfor %}"),
        p("L'article 9 de la convention stipule :"),
        quote("« {{ art9_quote.text }} »"),
        p(
            "Avant toute décision, la Métropole du Grand Paris entend, conformément à cet "
            "article, examiner les justificatifs que vous souhaiteriez présenter et entendre "
            "vos représentants."
        ),
        p("{{ justifications }}"),
        p(
            "Vos représentants seront entendus le **{{ hearing_date }}{{ hearing_time }}**, "
            "au lieu suivant : **{{ hearing_place }}**."
        ),
        p(
            "À l'issue de cette procédure, la Métropole du Grand Paris pourra, le cas "
            "échéant, décider de la fin de l'expérimentation, décision qui entraînera la "
            "résiliation de la convention (article 9 de la convention), ou résilier la "
            "convention pour manquement (article 12 de la convention)."
        ),
        p(
            "Je vous remercie de bien vouloir me confirmer la présence de vos représentants, "
            "en m'indiquant leurs noms et qualités."
        ),
    ),
)

DECISION = Letter(
    "decision-resiliation.docx",
    "Décision de résiliation",
    "Décision de résiliation de la convention — {{ object_ground }}",
    (
        heading("Les faits"),
        _OPENING,
        control("{%p for fact in facts %}"),
        p("{{ fact }}"),
        control("{%p endfor %}"),
        heading("Les stipulations applicables"),
        control("{%p for quote in quotes %}"),
        p("{{ quote.label }} :"),
        quote("« {{ quote.text }} »"),
        control("{%p endfor %}"),
        heading("La décision"),
        control("{%p if reason %}"),
        p("{{ reason }}"),
        control("{%p endif %}"),
        p("**{{ decision }}**"),
        p("{{ effect }}"),
        control("{%p if indemnity %}"),
        heading("L'indemnité"),
        p("L'article 12 de la convention stipule en outre :"),
        quote("« {{ indemnity_quote.text }} »"),
        p(
            "Ce manquement ayant été de nature à empêcher le démarrage ou le bon déroulé de "
            "l'expérimentation, et n'y ayant pas été remédié dans le délai de trente jours, "
            "la Métropole du Grand Paris exige d'être indemnisée de son préjudice, pour le "
            "montant suivant :"
        ),
        control("{%p for row in indemnity_rows %}"),
        row("{{ row.label }}\t{{ row.amount }}"),
        control("{%p endfor %}"),
        row("**Montant total de l'indemnité réclamée\t{{ indemnity_total }}**"),
        small("{{ indemnity_count }}"),
        small("{{ indemnity_nature }}"),
        control("{%p endif %}"),
        heading("Voies et délais de recours"),
        control("{%p for sentence in appeal %}"),
        p("{{ sentence }}"),
        control("{%p endfor %}"),
        p("{{ art13_quote.label }} :"),
        quote("« {{ art13_quote.text }} »"),
    ),
)

LETTERS: tuple[Letter, ...] = (NOTICE, HEARING, DECISION)


def typography(text: str) -> str:
    """The French spaces made non-breaking: before « : ; ! ? » », after « « »."""
    return _AFTER_GUILLEMET.sub("«\u00a0", _BEFORE_PUNCTUATION.sub("\u00a0\\1", text))


def _runs(paragraph: Paragraph, text: str) -> None:
    for piece in _BOLD.split(typography(text)):
        if piece.startswith("**") and piece.endswith("**"):
            paragraph.add_run(piece[2:-2]).bold = True
        elif piece:
            paragraph.add_run(piece)


def _styles(document: DocumentObject) -> None:
    normal = document.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(SIZE)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.1


def _add(document: DocumentObject, text: str, **layout: object) -> Paragraph:
    paragraph = document.add_paragraph()
    _runs(paragraph, text)
    form = paragraph.paragraph_format
    for name, value in layout.items():
        if name == "size":
            for run in paragraph.runs:
                run.font.size = Pt(float(str(value)))
        elif name == "italic":
            for run in paragraph.runs:
                run.italic = bool(value)
        elif name == "alignment":
            paragraph.alignment = value  # type: ignore[assignment]
        else:
            setattr(form, name, value)
    return paragraph


def _block(document: DocumentObject, block: Block) -> None:
    if block.kind == "control":
        document.add_paragraph(block.text)
    elif block.kind == "quote":
        _add(
            document,
            block.text,
            italic=True,
            left_indent=Cm(1),
            right_indent=Cm(1),
            keep_together=True,
            alignment=WD_ALIGN_PARAGRAPH.JUSTIFY,
        )
    elif block.kind == "small":
        _add(document, block.text, size=SMALL, alignment=WD_ALIGN_PARAGRAPH.JUSTIFY)
    elif block.kind == "heading":
        paragraph = _add(document, f"**{block.text}**", space_before=Pt(12), keep_with_next=True)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT
    elif block.kind == "row":
        paragraph = _add(document, block.text, left_indent=Cm(0.5), space_after=Pt(3))
        paragraph.paragraph_format.tab_stops.add_tab_stop(
            TEXT_WIDTH, WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS
        )
    else:
        _add(document, block.text, alignment=WD_ALIGN_PARAGRAPH.JUSTIFY)


def _head(document: DocumentObject, letter: Letter) -> None:
    document.add_paragraph("{%p for line in sender_lines %}")
    _add(document, "{{ line }}", size=SMALL, space_after=Pt(0))
    document.add_paragraph("{%p endfor %}")
    document.add_paragraph("{%p for line in addressee_lines %}")
    _add(document, "{{ line }}", left_indent=RIGHT_BLOCK, space_after=Pt(0))
    document.add_paragraph("{%p endfor %}")
    _add(document, "Paris, le {{ letter_date }}", left_indent=RIGHT_BLOCK, space_before=Pt(18))
    _add(document, "**Lettre recommandée avec accusé de réception**", space_before=Pt(18))
    _add(document, f"**Objet :** {letter.object}", space_after=Pt(2))
    _add(
        document,
        "**Réf. :** convention d'engagement n° {{ reference }} — programme « ApproprIAtion "
        "Métropolitaine »",
        space_after=Pt(2),
    )
    document.add_paragraph("{%p for line in copy_lines %}")
    _add(document, "**Copie :** {{ line }}", space_after=Pt(2))
    document.add_paragraph("{%p endfor %}")
    _add(document, "{{ salutation }},", space_before=Pt(18))


def _tail(document: DocumentObject) -> None:
    _add(
        document,
        "Je vous prie d'agréer, {{ salutation }}, l'expression de ma considération distinguée.",
        space_before=Pt(12),
        keep_with_next=True,
        alignment=WD_ALIGN_PARAGRAPH.JUSTIFY,
    )
    _add(
        document,
        "Pour la Métropole du Grand Paris,",
        left_indent=RIGHT_BLOCK,
        space_before=Pt(18),
        space_after=Pt(0),
        keep_with_next=True,
    )
    _add(
        document,
        "{{ signatory_title_with_article }},",
        left_indent=RIGHT_BLOCK,
        space_after=Pt(48),
        keep_with_next=True,
    )
    _add(document, "{{ signatory_signature_name }}", left_indent=RIGHT_BLOCK)


def _field(paragraph: Paragraph, code: str) -> None:
    """A Word field (``PAGE``, ``NUMPAGES``) at the end of ``paragraph``."""
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), code)
    run = OxmlElement("w:r")
    properties = OxmlElement("w:rPr")
    size = OxmlElement("w:sz")
    size.set(qn("w:val"), str(FOOTER_SIZE * 2))  # in half-points
    properties.append(size)
    run.append(properties)
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def _footer(document: DocumentObject, letter: Letter) -> None:
    paragraph = document.sections[0].footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.add_run(
        f"Métropole du Grand Paris — {letter.title} — convention n° {{{{ reference }}}} — page "
    )
    _field(paragraph, "PAGE")
    paragraph.add_run(" sur ")
    _field(paragraph, "NUMPAGES")
    for run in paragraph.runs:
        run.font.size = Pt(FOOTER_SIZE)


def build(letter: Letter) -> DocumentObject:
    """The template of ``letter``."""
    document = Document()
    section = document.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.top_margin = Cm(2.0)
    section.bottom_margin = Cm(2.2)
    section.left_margin = section.right_margin = Cm(2.3)
    _styles(document)
    _head(document, letter)
    for block in letter.body:
        _block(document, block)
    _tail(document)
    _footer(document, letter)
    properties = document.core_properties
    properties.title = f"{letter.title} — ApproprIAtion Métropolitaine"
    properties.author = "Métropole du Grand Paris"
    properties.comments = "Généré par mgp-convention (scripts/make_letter_templates.py)."
    return document


def main(argv: Sequence[str] | None = None) -> int:
    """Write the three templates into the folder (the package's by default)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-o", "--output", type=Path, default=TEMPLATES, help="the folder")
    args = parser.parse_args(argv)
    for letter in LETTERS:
        path = args.output / letter.file
        build(letter).save(path)
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
