"""Every command speaks one language at a time: no English in the French output, and no
French in the English one.

**The method.** Each command is run in French and in English, on every example
(``examples/*.json``) and on files with problems, with its ``--help`` and its usage
errors; what it writes (standard output and standard error) is cut into words, and
each word is looked up in a short list of the *other* language's function words —
articles, prepositions, conjunctions, auxiliaries (« le », « des », « avec », « est »…;
"the", "of", "with", "is"…). Function words are the best signal of a language: a
sentence cannot do without them, they are few enough to list, and they are not the
names of things, so a French sentence that says « JSON », « Mermaid » or « SIREN » is
not taken for English. A word of the list that reads the same in both languages, or
that is also a word of the other language, is left out of it (« on », « plus », « son »,
"a", "an", "or").

Left out of the text before it is cut, as the issue allows: what is quoted (the
contract between « », an example of what the user types between "…"), the proper names
and every other text that comes from the convention files (a beneficiary, a step's
label, a breach's details: the file's own words, in French), the references of the
legal sources (« CE Ass., 25 juin 1948, Société du journal L'Aurore », « Préambule »,
the terms of French law an English text names: délai franc, jours chômés), file names
and paths, options (``--on``), JSON paths (``$.events[2]``) and references
(``A-REMPLACER-PAR-LA-REFERENCE``), the code of a value after its French name
(« autre (other) »). The ``--json`` outputs are not read: their codes are stable English
by design and they hold both languages' labels; the calendar is read through its texts
for people (each event's SUMMARY and DESCRIPTION), the JSON Schema through its
descriptions.

Every command's help is said in one language now; a command whose help is not yet (a
new command from another branch) is marked ``xfail`` (strict) for its ``--help`` in
:data:`OTHER_BRANCHES`: the day its help is fixed, the mark must go.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import icalendar
import pytest
from rich.console import Console

from mgp_convention.citations import all_citations
from mgp_convention.cli import COMMANDS, main
from mgp_convention.cli._vocabulary import BASIS, BODY_KIND, BY, CAUSE, GROUND, OBLIGATION, PARTY
from mgp_convention.cli.portfolio import table
from mgp_convention.i18n import Lang
from mgp_convention.portfolio import portfolio

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((ROOT / "examples").glob("*.json"))
PROBLEMS = ROOT / "tests" / "data" / "four-problems.json"
#: The dates the examples are looked at: the docs' Monday morning, and six months on.
DATES = ("2026-11-28", "2027-06-01")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: English function words that cannot be French words ("on", "a", "an", "or", "as" are:
#: « on », « a », « an », « or », « as »).
ENGLISH = _words(
    """
    the of and is are was were be been being with to for from at by not no this that
    these those it its which who whom whose when where while after before until since
    into onto than then there their they them has have had can cannot could may might
    must shall should will would does did done every each any all none only also still
    yet but if so such other another between within without under over about again here
    what why how
    """
)
#: French function words that cannot be English words ("on", "son", "plus", "a", "as",
#: "or", "par" are).
FRENCH = _words(
    """
    le la les des du au aux un une et ou est sont était été sera être avec pour dans sur
    sous ce cet cette ces sa ses leur leurs qui que qu quand lorsque dont ne pas aucun
    aucune jusqu depuis après avant entre chaque tout toute tous toutes mais si aussi
    encore déjà peut doit elle il ils elles lui nous vous
    """
)
#: Names of legal sources and terms of French law an English text names as they are.
LEGAL_TERMS = (
    "détournement de procédure",
    "délai franc",
    "jours chômés",
    "Code du travail",
    "C. trav.",
    "La Poste",
    "convention d'engagement",
)
_QUOTED = re.compile(r"«[^»]*»|\"[^\"\n]*\"")
_WORD = re.compile(r"[^\W\d_]+")


def _file_texts(value: Any) -> Iterator[str]:
    """Every text of a convention file (names, labels, details: its own words)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _file_texts(item)
    elif isinstance(value, list):
        for item in value:
            yield from _file_texts(item)


def _name_pieces(name: str) -> set[str]:
    """The pieces of a name a table may cut it into: its words with hyphens
    (« Valmont-sur-Marne ») and every run of two words or more (« Commune de »,
    « Société du »)."""
    words = name.split()
    pieces = {word for word in words if "-" in word}
    pieces |= {
        " ".join(words[start:end])
        for start in range(len(words))
        for end in range(start + 2, len(words) + 1)
    }
    return pieces


def _proper_texts() -> list[str]:
    files = [json.loads(path.read_text(encoding="utf-8")) for path in [*EXAMPLES, PROBLEMS]]
    texts = {text for data in files for text in _file_texts(data)}
    # A beneficiary's name is a cell of the portfolio's table, which may wrap it.
    for data in files:
        texts |= _name_pieces(data.get("beneficiary", {}).get("name", ""))
    labels = {citation.label for _, citation in all_citations()}
    texts |= labels  # a legal reference, and the pieces a table may cut it into
    for label in labels:
        texts |= _name_pieces(label)
    texts |= set(LEGAL_TERMS)
    # The code of a value, which the French help of record shows after its French name:
    # « autre (other) » (a stable code, as a JSON file holds it).
    for choices in (PARTY, CAUSE, OBLIGATION, GROUND, BY, BASIS, BODY_KIND):
        texts |= {f"({member.value})" for member in choices}
    # The longest first: a name is left out whole before a shorter text it holds.
    return sorted((text for text in texts if len(text) > 2), key=len, reverse=True)


PROPER = _proper_texts()


def foreign_words(text: str, lang: Lang) -> list[tuple[str, str]]:
    """The function words of the other language in ``text`` (said in ``lang``), each
    with its line: what the test finds wrong."""
    other = ENGLISH if lang == "fr" else FRENCH
    found = []
    for line in text.splitlines():
        kept = _QUOTED.sub(" ", line)
        for proper in PROPER:
            kept = kept.replace(proper, " ")
        chunks = [
            chunk
            for chunk in (chunk.lstrip("[(") for chunk in kept.split())
            if not (
                "/" in chunk
                or chunk.startswith(("-", "$", "%"))
                or re.search(r"\.(json|ics|docx|svg|tsv)\b", chunk)
                or "_" in chunk  # a variable or a code: MGP_CONVENTION_LANG, remedy_period
                or ("-" in chunk and chunk.upper() == chunk)  # a reference: MGP-AM-2026-EX-001
            )
        ]
        for word in _WORD.findall(" ".join(chunks)):
            if word.casefold() in other:
                found.append((word, line))
    return found


def said(*argv: str) -> str:
    """What ``mgp-convention ARGV`` writes, standard output and error together."""
    capture = _Capture()
    with capture, contextlib.suppress(SystemExit):
        main(list(argv))
    return capture.text


class _Capture:
    """Standard output and error, caught for one command (pytest's capsys is per test;
    here one test runs many commands)."""

    def __enter__(self) -> None:
        import io
        import sys

        self._saved = (sys.stdout, sys.stderr)
        self._out, self._err = io.StringIO(), io.StringIO()
        sys.stdout, sys.stderr = self._out, self._err

    def __exit__(self, *_: object) -> None:
        import sys

        sys.stdout, sys.stderr = self._saved
        self.text = self._out.getvalue() + self._err.getvalue()


LANGS: tuple[Lang, ...] = ("fr", "en")
#: The commands whose help is not yet said in one language, why, and in which language
#: the test fails for them (xfail, strict: the mark must go once the help is fixed).
OTHER_BRANCHES: dict[str, tuple[str, tuple[Lang, ...]]] = {}


def _help_cases() -> list[Any]:
    cases = [pytest.param(None, lang, id=f"mgp-convention-{lang}") for lang in LANGS]
    for name, _, _ in COMMANDS:
        for lang in LANGS:
            marks = []
            reason, langs = OTHER_BRANCHES.get(name, ("", ()))
            if lang in langs:
                marks.append(pytest.mark.xfail(reason=reason, strict=True))
            cases.append(pytest.param(name, lang, id=f"{name}-{lang}", marks=marks))
    return cases


@pytest.mark.parametrize(("command", "lang"), _help_cases())
def test_help_in_one_language(command: str | None, lang: Lang) -> None:
    text = said(*([command] if command else []), "--help", "--lang", lang)
    assert text.startswith("utilisation : " if lang == "fr" else "usage: ")
    assert foreign_words(text, lang) == []


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(
    "command", [None, *(name for name, _, _ in COMMANDS if name not in OTHER_BRANCHES)]
)
def test_help_fits_in_80_columns(
    command: str | None, lang: Lang, monkeypatch: pytest.MonkeyPatch
) -> None:
    # argparse wraps its own lines to the terminal; the lists and examples kept as
    # written (an epilog's indented blocks) are written to fit in 80 columns too.
    monkeypatch.setenv("COLUMNS", "80")
    text = said(*([command] if command else []), "--help", "--lang", lang)
    assert [line for line in text.splitlines() if len(line) > 80] == []


def _example_cases() -> list[Any]:
    return [pytest.param(path, id=path.stem) for path in EXAMPLES]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("example", _example_cases())
def test_status_check_and_calendar_of_each_example(example: Path, lang: Lang) -> None:
    for on in DATES:
        text = said("status", str(example), "--on", on, "--lang", lang)
        assert text.count("\n") > 5, text
        assert foreign_words(text, lang) == [], on
    text = said("check", str(example), "--lang", lang)
    assert foreign_words(text, lang) == []
    ics = said("calendar", str(example), "--on", DATES[0], "--lang", lang)
    calendar = icalendar.Calendar.from_ical(ics)
    for event in calendar.walk("VEVENT"):
        for field in ("SUMMARY", "DESCRIPTION"):
            assert foreign_words(str(event[field]), lang) == [], field


@pytest.mark.parametrize("lang", LANGS)
def test_portfolio_in_each_output(lang: Lang) -> None:
    folder = str(ROOT / "examples")
    for on in DATES:
        for output in ("table", "tsv"):
            text = said("portfolio", folder, "--on", on, "--format", output, "--lang", lang)
            assert foreign_words(text, lang) == [], (on, output)
        result = portfolio(folder, dt.date.fromisoformat(on))
        console = Console(width=160, color_system=None, force_terminal=False)
        with console.capture() as captured:
            console.print(table(result.rows, lang, 160))
        assert foreign_words(captured.get(), lang) == []


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(
    "argv",
    [
        ("2026-12-02",),
        ("2026-04-14", "--franc"),
        ("2026-11-20", "--received", "2026-11-25"),
        ("2026-12-02", "--no-extend"),
        ("2026-10-01", "--days", "10", "--closed", "2026-10-12"),
        ("2026-10-01", "--days", "1"),
    ],
    ids=" ".join,
)
def test_deadline(argv: tuple[str, ...], lang: Lang) -> None:
    text = said("deadline", *argv, "--lang", lang)
    assert "Art. 12 al. 2" in text
    assert foreign_words(text, lang) == []


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("fmt", ["mermaid", "dot"])
def test_diagram(fmt: str, lang: Lang) -> None:
    assert foreign_words(said("diagram", "--format", fmt, "--lang", lang), lang) == []


@pytest.mark.parametrize("lang", LANGS)
def test_schema_descriptions(lang: Lang) -> None:
    schema = json.loads(said("schema", "--lang", lang))

    def descriptions(node: Any) -> Iterator[str]:
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "description":
                    yield value
                else:
                    yield from descriptions(value)
        elif isinstance(node, list):
            for item in node:
                yield from descriptions(item)

    found = list(descriptions(schema))
    assert len(found) > 20
    assert [foreign_words(text, lang) for text in found if foreign_words(text, lang)] == []


@pytest.mark.parametrize("lang", LANGS)
def test_problems_and_usage_errors(lang: Lang, tmp_path: Path) -> None:
    broken = tmp_path / "cassé.json"
    broken.write_text('{"schema_version": 2,', encoding="utf-8")
    not_an_object = tmp_path / "liste.json"
    not_an_object.write_text("[]", encoding="utf-8")
    for argv in (
        ("check", str(PROBLEMS)),
        ("check", str(broken), str(not_an_object), str(tmp_path / "absent.json")),
        ("status", str(EXAMPLES[0]), "--on", "2026-13-01"),
        ("status",),
        ("portfolio", str(tmp_path), "--state", "suspendue"),
        ("portfolio", str(tmp_path / "absent")),
        ("deadline", "2026-12-02", "--days", "0"),
        ("diagram", "--format", "svg"),
        ("nowhere",),
        ("indemnity",),
        ("indemnity", "--on", "2026-12-01"),
        ("indemnity", str(EXAMPLES[3]), "--market-total-ttc", "100"),
        ("indemnity", "--market-total-ttc", "12,50", "--beneficiaries", "0"),
        ("indemnity", "--market-total-ttc", "1e3", "--beneficiaries", "2"),
        ("indemnity", "--market-total-ht", "100", "--vat-rate", "20", "--beneficiaries", "2"),
        ("indemnity", "--market-total-ttc", "-1", "--beneficiaries", "2", "--item", "frais"),
        ("indemnity", "--market-total-ttc", "100", "--beneficiaries", "2", "--item", "a=1.234"),
        ("indemnity", "--market-total-ttc", "100"),
        ("report", str(tmp_path / "absent")),
        ("report", str(ROOT / "examples"), "-o", str(PROBLEMS)),
        ("export", str(ROOT / "examples"), "-o", str(tmp_path / "absent" / "p.xlsx")),
        ("record",),
        ("record", str(EXAMPLES[0])),
        ("record", str(EXAMPLES[0]), "inconnu"),
        ("record", str(EXAMPLES[0]), "signature"),
        ("record", str(EXAMPLES[0]), "signature", "--on", "12/11/2026", "--party", "x"),
        ("record", str(EXAMPLES[0]), "signature", "--on", "2026-11-13", "--party", "metropole"),
        ("document",),
        ("document", str(EXAMPLES[0]), "lettre"),
        ("document", str(EXAMPLES[0]), "convention", "--on", "2027-01-01"),
        ("document", str(EXAMPLES[0]), "mise-en-demeure", "--place", "Salle 3"),
        ("document", str(EXAMPLES[0]), "convocation-art9", "--place", "Salle 3"),
        ("document", str(EXAMPLES[0]), "decision-resiliation", "--ground", "faute"),
        ("document", str(EXAMPLES[0]), "convention", "--signatory-title", " "),
        ("new",),
        ("new", str(tmp_path / "nouvelle.json"), "--siren", "12", "--end-date", "31/12/2027"),
        ("withdraw",),
        ("withdraw", str(EXAMPLES[0])),
        ("withdraw", str(EXAMPLES[0]), "99", "--reason", "x"),
        ("withdraw", str(EXAMPLES[0]), "abc"),
        ("deadline", "2100-12-20"),
        ("deadline", "2026-03-28T00:30:00"),
    ):
        text = said(*argv, "--lang", lang)
        assert text, argv
        assert foreign_words(text, lang) == [], argv


def test_the_method_finds_a_word_of_the_other_language() -> None:
    # The test would see an English sentence left in French, and the reverse; not the
    # words it is told to leave out.
    assert foreign_words("État : the remedy period", "fr") == [("the", "État : the remedy period")]
    assert foreign_words("State: the deadline est dépassée", "en") == [
        ("est", "State: the deadline est dépassée")
    ]
    assert foreign_words("Commune de Valmont-sur-Marne (fictive), on Monday", "en") == []
    assert foreign_words('Exemple : --state "remedy period" in /tmp/of/the.json', "fr") == []


def test_nothing_global_is_left_once_main_returns() -> None:
    # main() gives argparse the catalogue of the run's language and takes it back, also
    # when argparse exits (--help, a usage error): a parser built afterwards, or a
    # command line in the other language, speaks its own language.
    import argparse
    import gettext

    for argv in (("status", "--help"), ("nowhere",), ("check", str(EXAMPLES[0]))):
        for lang in LANGS:
            said(*argv, "--lang", lang)
            assert argparse._ is gettext.gettext  # type: ignore[attr-defined]
            assert argparse.ngettext is gettext.ngettext  # type: ignore[attr-defined]
    assert argparse.ArgumentParser(prog="x").format_usage() == "usage: x [-h]\n"
    assert said("--lang", "fr", "--help").startswith("utilisation : ")
    assert said("--lang", "en", "--help").startswith("usage: ")
