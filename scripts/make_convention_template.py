"""Build the convention's .docx template from the contract's text, so the two cannot drift.

The contract is ``convention-appropriation-metropolitaine.txt`` (a copy is kept in
``tests/data/``). This script reads it and writes
``src/mgp_convention/documents/templates/convention.docx`` with python-docx: the title,
a heading for each article, a paragraph for each paragraph, a bulleted list for each
list, and the signature block as a table of two columns. Every placeholder is replaced
by its tag from :data:`mgp_convention.documents.convention.PLACEHOLDERS`, in order; the
words naming the Métropole's signatory by theirs
(:data:`~mgp_convention.documents.convention.SIGNATORY_WORDS`). The text is kept word
for word, its spelling as printed (« prestaire », « PARTAGE DES DONNES »…).

The text file is an extraction of the printed contract; the script repairs only its
layout, each repair checked so that a change of the contract stops the script:

- ``**bold**`` and ``*italic*`` are the extraction's marks of emphasis: they become
  bold and italic text;
- a paragraph cut by a page break (it starts with a small letter and the previous one
  ends without a full stop) is joined to the previous one;
- a line `` . Il a vocation…`` continues the previous list item: the space left by the
  placeholder before the full stop goes (« [Thématique]. Il a vocation »), as does the
  one in « en date du [référence …] . »;
- the indented `` - Le comité opérationnel…`` is a second-level list item, and the
  indented `` Respecter les règles…`` the last item of the list before it (its dash was
  lost);
- the spaces French typography puts before « : ; ! ? » » and after « « » are made
  non-breaking, so that no line starts with a colon or a closing guillemet;
- the signature block, printed « LePour La Métropole du Grand Paris / Le Président /
  Patrick OLLIER / Le Pour [Structure] [Titre] [Prénom NOM] », is a table of two
  columns: « Le » (the date of signing, written by hand), « Pour … », the title, the name.

Usage, from the repository's root (the test ``tests/test_documents_template.py``
regenerates the template and compares it with the shipped one)::

    python scripts/make_convention_template.py [CONTRACT.txt] [-o OUT.docx]
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

import attrs
from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.text.paragraph import Paragraph

from mgp_convention.documents.convention import PLACEHOLDERS, SIGNATORY_WORDS

ROOT = Path(__file__).resolve().parent.parent
CONTRACT = ROOT / "tests" / "data" / "convention-appropriation-metropolitaine.txt"
TEMPLATE = ROOT / "src" / "mgp_convention" / "documents" / "templates" / "convention.docx"

_PLACEHOLDER = re.compile(r"\[[^\]]+\]")
_HEADING = re.compile(r"ARTICLE \d+ ")
_EMPHASIS = re.compile(r"(\*\*.+?\*\*|\*.+?\*)")
_LIST = "\x00list:{}\x00"
_LIST_MARK = re.compile(r"\s*\x00list:(\w+)\x00$")
_SIGNATURES_START = "Fait en deux exemplaires à"
_BEFORE_PUNCTUATION = re.compile(r" ([:;!?»])")
_AFTER_GUILLEMET = re.compile(r"« ")

FONT = "Arial"
FOOTER_SIZE = 8


class ContractChanged(Exception):
    """The contract's text is not the one this script knows: check it, then the script."""


@attrs.define
class Block:
    """A paragraph of the contract: its kind, its text and its list level."""

    kind: str  # "title", "heading", "paragraph", "centred", "item", "loop"
    text: str
    level: int = 1


def _fill(text: str) -> str:
    """Every placeholder replaced by its tag, in order; the signatory's words by theirs."""
    found = _PLACEHOLDER.findall(text)
    expected = [p.text for p in PLACEHOLDERS]
    if found != expected:
        raise ContractChanged(f"the placeholders are {found}, expected {expected}")
    pieces = iter(PLACEHOLDERS)

    def replace(_match: re.Match[str]) -> str:
        placeholder = next(pieces)
        return _LIST.format(placeholder.tag) if placeholder.item else placeholder.replacement

    filled = _PLACEHOLDER.sub(replace, text)
    for words, tags in SIGNATORY_WORDS:
        if filled.count(words) != 1:
            raise ContractChanged(f"expected the words {words!r} once")
        filled = filled.replace(words, tags)
    return filled


def _blocks(lines: Sequence[str]) -> Iterator[Block]:
    """The contract's paragraphs, up to the signature block, its layout repaired."""
    blocks: list[Block] = []
    open_block = False  # the last block can take the next line (no blank line between)
    for raw in lines:
        line = raw.rstrip()
        stripped = line.strip()
        if not stripped:
            open_block = False
            continue
        if not blocks:
            blocks.append(Block("title", stripped))
        elif _HEADING.match(stripped):
            blocks.append(Block("heading", stripped))
        elif line.startswith("- "):
            blocks.append(Block("item", stripped[2:]))
        elif line.startswith(" - "):
            blocks.append(Block("item", stripped[2:], level=2))
        elif line.startswith(" ."):
            if not open_block or blocks[-1].kind != "item":
                raise ContractChanged(f"a line starting with ' .' where none was: {line!r}")
            blocks[-1].text += stripped
        elif line.startswith(" "):
            if blocks[-1].kind != "item":
                raise ContractChanged(f"an indented line after no list: {line!r}")
            blocks.append(Block("item", stripped))
        elif stripped[0].islower() and not re.search(r"[.:;!?]$", blocks[-1].text):
            blocks[-1].text += " " + stripped  # a paragraph cut by a page break
        elif stripped in {"Entre", "Et"}:
            blocks.append(Block("centred", stripped))
        else:
            if open_block:
                raise ContractChanged(f"two lines of one paragraph: {line!r}")
            blocks.append(Block("paragraph", stripped))
        open_block = True
    for block in blocks:
        block.text = re.sub(r"(\}\}) \.", r"\1.", block.text)
        mark = _LIST_MARK.search(block.text)
        if mark is None:
            yield block
            continue
        yield attrs.evolve(block, text=block.text[: mark.start()])
        yield Block("loop", mark.group(1))


def _signatures(lines: Sequence[str]) -> tuple[list[str], list[str]]:
    """The two columns of the signature block: the Métropole's, the beneficiary's."""
    text = [line.strip() for line in lines if line.strip()]
    metropole_tags = [tags for _words, tags in SIGNATORY_WORDS[1:]]
    name, title, person = (
        PLACEHOLDERS[-3].replacement,
        PLACEHOLDERS[-2].replacement,
        PLACEHOLDERS[-1].replacement,
    )
    expected = [
        "LePour La Métropole du Grand Paris",
        *metropole_tags,
        f"Le Pour {name} {title} {person}",
    ]
    if text != expected:
        raise ContractChanged(f"the signature block is {text}, expected {expected}")
    return (
        ["Le", "Pour La Métropole du Grand Paris", *metropole_tags],
        ["Le", f"Pour {name}", title, person],
    )


def typography(text: str) -> str:
    """The French spaces made non-breaking: before « : ; ! ? » », after « « »."""
    return _AFTER_GUILLEMET.sub("«\u00a0", _BEFORE_PUNCTUATION.sub("\u00a0\\1", text))


def _runs(paragraph: Paragraph, text: str) -> None:
    """``text`` into ``paragraph``, its ``**bold**`` and ``*italic*`` as such."""
    for piece in _EMPHASIS.split(typography(text)):
        if piece.startswith("**") and piece.endswith("**"):
            paragraph.add_run(piece[2:-2]).bold = True
        elif piece.startswith("*") and piece.endswith("*") and len(piece) > 1:
            paragraph.add_run(piece[1:-1]).italic = True
        elif piece:
            paragraph.add_run(piece)


def _styles(document: DocumentObject) -> None:
    styles = document.styles
    normal = styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(10.5)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.1
    normal.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    for name, size in (("Title", 14), ("Heading 1", 11)):
        style = styles[name]
        style.font.name = FONT
        style.font.size = Pt(size)
        style.font.bold = True
        style.font.italic = False
        style.font.color.rgb = RGBColor(0, 0, 0)
        for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            style.element.rPr.rFonts.attrib.pop(qn(attribute), None)
    title = styles["Title"].paragraph_format
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.space_after = Pt(18)
    title_ppr = styles["Title"].element.pPr
    for border in title_ppr.findall(qn("w:pBdr")):  # the default Title has a rule under it
        title_ppr.remove(border)
    heading = styles["Heading 1"].paragraph_format
    heading.space_before = Pt(14)
    heading.space_after = Pt(6)
    heading.keep_with_next = True
    for name in ("List Bullet", "List Bullet 2"):
        styles[name].paragraph_format.space_after = Pt(3)


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


def _footer(document: DocumentObject) -> None:
    paragraph = document.sections[0].footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.add_run("Convention d'engagement {{ reference }} — page ")
    _field(paragraph, "PAGE")
    paragraph.add_run(" sur ")
    _field(paragraph, "NUMPAGES")
    for run in paragraph.runs:
        run.font.size = Pt(FOOTER_SIZE)


def _loop(document: DocumentObject, tag: str) -> None:
    placeholder = next(p for p in PLACEHOLDERS if p.tag == tag)
    document.add_paragraph(f"{{%p for {placeholder.item} in {tag} %}}")
    document.add_paragraph(typography(placeholder.item_text or ""), style="List Bullet")
    document.add_paragraph("{%p endfor %}")


def _signature_table(document: DocumentObject, columns: Sequence[Sequence[str]]) -> None:
    """One column per party, one row per line, so that the lines face each other."""
    rows = list(zip(*columns, strict=True))
    table = document.add_table(rows=len(rows), cols=len(columns))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    # « Le » (the date, by hand), « Pour … » in bold, the title, room to sign, the name
    spaces_after = (12, 2, 60, 2)
    for number, (row, texts) in enumerate(zip(table.rows, rows, strict=True)):
        for cell, text in zip(row.cells, texts, strict=True):
            paragraph = cell.paragraphs[0]
            paragraph.text = text
            paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT
            paragraph.paragraph_format.space_after = Pt(spaces_after[number])
            paragraph.paragraph_format.keep_with_next = True
            paragraph.runs[0].bold = number == 1


def build(contract: str) -> DocumentObject:
    """The template, from the contract's text."""
    filled = _fill(contract)
    lines = filled.splitlines()
    end = next((n for n, line in enumerate(lines) if line.strip() == _SIGNATURES_START), None)
    if end is None:
        raise ContractChanged(f"no line {_SIGNATURES_START!r}")
    document = Document()
    section = document.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.top_margin = section.bottom_margin = Cm(2.2)
    section.left_margin = section.right_margin = Cm(2.3)
    _styles(document)
    previous = "title"
    for block in _blocks(lines[:end]):
        if block.kind == "title":
            document.add_paragraph(block.text, style="Title")
        elif block.kind == "heading":
            document.add_heading(block.text, level=1)
        elif block.kind == "loop":
            _loop(document, block.text)
        elif block.kind == "item":
            style = "List Bullet" if block.level == 1 else "List Bullet 2"
            _runs(document.add_paragraph(style=style), block.text)
        else:
            paragraph = document.add_paragraph()
            _runs(paragraph, block.text)
            if block.kind == "centred":
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            if previous in {"item", "loop"}:  # the space a list item lacks after it
                paragraph.paragraph_format.space_before = Pt(6)
        previous = block.kind
    closing = document.add_paragraph(_SIGNATURES_START)
    closing.paragraph_format.space_before = Pt(18)
    closing.paragraph_format.keep_with_next = True
    _signature_table(document, _signatures(lines[end + 1 :]))
    _footer(document)
    properties = document.core_properties
    properties.title = "Convention d'engagement — ApproprIAtion Métropolitaine"
    properties.author = "Métropole du Grand Paris"
    properties.comments = "Généré par mgp-convention à partir du texte de la convention."
    return document


def main(argv: Sequence[str] | None = None) -> int:
    """Write the template; exit 1 when the contract is not the text this script knows."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("contract", nargs="?", type=Path, default=CONTRACT)
    parser.add_argument("-o", "--output", type=Path, default=TEMPLATE)
    args = parser.parse_args(argv)
    try:
        document = build(args.contract.read_text(encoding="utf-8"))
    except ContractChanged as err:
        print(f"error: {args.contract}: {err}", file=sys.stderr)
        return 1
    document.save(args.output)
    print(args.output)
    return 0


if __name__ == "__main__":
    sys.exit(main())
