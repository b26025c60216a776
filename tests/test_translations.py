"""The gettext catalogues: complete in French and English, compilable, placeholders kept."""

from __future__ import annotations

import re
import string
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from mgp_convention.i18n import LOCALE_DIR, Message, gettext_in, ngettext_in

ROOT = Path(__file__).resolve().parents[1]
LANGS = ("fr", "en")


def catalog(lang: str):  # type: ignore[no-untyped-def]
    with (LOCALE_DIR / lang / "LC_MESSAGES" / "mgp_convention.po").open("rb") as source:
        return read_po(source, locale=lang)


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("lang", LANGS)
def test_every_message_id_has_its_translation(lang: str) -> None:
    missing = [
        message.id
        for message in catalog(lang)
        if message.id
        and not all(message.string if isinstance(message.string, tuple) else [message.string])
    ]
    assert missing == []


def test_the_catalogues_hold_every_message_of_the_code(tmp_path: Path) -> None:
    # Extract again: a message id of the code missing from the catalogues means someone
    # forgot `python scripts/translations.py update`.
    pot = tmp_path / "messages.pot"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "babel.messages.frontend",
            "-q",
            "extract",
            "-F",
            "babel.cfg",
            "-k",
            "N_",
            "-k",
            "NP_:1,2",
            "--no-location",
            "-o",
            str(pot),
            ".",
        ],
        check=True,
        cwd=ROOT,
    )
    with pot.open("rb") as source:
        extracted = {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(source) if m.id}
    known = {m.id if isinstance(m.id, str) else m.id[0] for m in catalog("fr") if m.id}
    assert extracted - known == set()


@pytest.mark.parametrize("lang", LANGS)
def test_translations_keep_the_placeholders(lang: str) -> None:
    wrong = []
    for message in catalog(lang):
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        expected = set().union(*(fields(text) for text in ids))
        for text in strings:
            if fields(text) != expected:
                wrong.append((message.id, text))
    assert wrong == []


def test_the_catalogues_compile_as_the_build_compiles_them(tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT))
    try:
        from hatch_build import compile_catalogues
    finally:
        sys.path.remove(str(ROOT))
    written = compile_catalogues(ROOT)
    assert sorted(path.parent.parent.name for path in written) == ["en", "fr"]


def test_french_is_french_and_english_is_english() -> None:
    assert gettext_in("fr", "remedy period") == "délai de remédiation"
    assert gettext_in("en", "remedy period") == "remedy period"


def test_no_french_text_in_a_message_id() -> None:
    # The ids are the English text: a French word in an id means an untranslated string.
    # What is quoted is left out: the contract (« … »), and an example of what a user
    # types ("délai de remédiation"); so are the terms of French law an English text
    # names as they are.
    french = re.compile(r"\b(?:le|la|les|des|du|pour|avec|délai|résiliation)\b")
    quoted = re.compile(r"«[^»]*»|\"[^\"]*\"")
    allowed = ("détournement de procédure", "délai franc", "Code du travail")
    ids = [m.id for m in catalog("en") if m.id and isinstance(m.id, str)]
    offending = [
        i for i in ids if french.search(quoted.sub("", i)) and not any(a in i for a in allowed)
    ]
    assert offending == []


def test_a_french_plural_takes_the_singular_for_zero() -> None:
    # French: « 0 jour », « 1 jour », « 2 jours » (the catalogue's Plural-Forms: n > 1).
    header = catalog("fr").plural_forms
    assert header == "nplurals=2; plural=(n > 1);"
    assert Message("{n}", {"n": 0}).render("fr") == "0"
    assert ngettext_in("en", "x", "y", 1) == "x"
