"""The documentation's examples run: console sessions in README.md and docs/ are replayed.

Every ```console block of the README and of every page of the site, French
(``page.md``) and English (``page.en.md``), is run by :mod:`docs_sessions`: each
command in its page's language (``MGP_CONVENTION_LANG=fr`` for a French page, ``en``
for an English page and the README), from the repository's root, its output compared
line by line (a line ending in ``...`` matches any line that starts with what comes
before). When the commands' output changes on purpose, ``scripts/update_docs_sessions.py``
rewrites the pages from it, for a review of the diff. Python examples (``>>>``) in the
Markdown pages are run by pytest's doctest collection (``--doctest-glob``).
"""

from __future__ import annotations

import importlib.util
import re
import shutil
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from docs_sessions import ROOT, Session, language_of, matches, pages, run, sessions

PAGES = pages()
SESSIONS = sessions()
RUN = [session for session in SESSIONS if session.runnable]
SHOWN = [session for session in SESSIONS if not session.runnable]


def test_the_docs_have_sessions_in_both_languages() -> None:
    assert {session.lang for session in RUN} == {"fr", "en"}
    assert len(RUN) >= 20


@pytest.mark.parametrize("session", RUN, ids=[session.id for session in RUN])
def test_console_session(session: Session) -> None:
    got = run(session)
    assert matches(got, session.expected), (
        f"{session.id} prints (run scripts/update_docs_sessions.py to rewrite the page):\n"
        + "\n".join(got)
    )


@pytest.mark.parametrize("session", SHOWN, ids=[session.id for session in SHOWN])
def test_a_session_not_run_shows_no_output(session: Session) -> None:
    # A command shown for reading only (a redirection, a pipe) must not show an output
    # that no test would check.
    assert not session.expected, f"{session.id}: not run, but an output is shown"


def test_each_english_page_with_sessions_says_how_to_get_english() -> None:
    # The English pages' sessions run with MGP_CONVENTION_LANG=en: the page says so, or
    # each of its commands asks for English itself.
    for page in PAGES:
        if language_of(page) != "en" or page.name == "README.md":
            continue
        name = page.relative_to(ROOT).as_posix()
        commands = [session.command for session in RUN if session.page == name]
        text = page.read_text(encoding="utf-8")
        assert (
            not commands
            or "MGP_CONVENTION_LANG=en" in text
            or all("--lang en" in command for command in commands)
        ), name


#: The users' pages written in French, each with its English version (page.en.md); the
#: developer pages (API, mutation testing) are in English only.
FRENCH = [
    "index.md", "quickstart.md", "lifecycle.md", "glossary.md", "contract.md",
    "file-format.md", "howto/status.md", "howto/portfolio.md", "howto/check.md",
    "howto/calendar.md", "howto/deadline.md", "howto/diagram.md", "howto/example.md",
    "howto/schema.md", "howto/document.md",
]  # fmt: skip


@pytest.mark.parametrize("name", FRENCH)
def test_each_french_page_has_its_english_version(name: str) -> None:
    assert (ROOT / "docs" / name).exists(), name
    assert (ROOT / "docs" / name.replace(".md", ".en.md")).exists(), name


# What French prose must not have: an ordinary space (which a line may break at) before
# « : ; ? ! » or inside « », or a line break there. Code, links, HTML, attribute lists,
# the contract's quotations (« > » lines), admonition titles and comments are left out.
_HIDDEN = re.compile(r"(`+).+?\1|\]\([^)]*\)|\{[^}]*\}|<[^>]+>|https?://\S+")
_BREAKABLE = re.compile(r"\S [:;?!](?=\s|$|[)*,.])|« | »|^\s*[:;?!»]|«$")


def _french_prose(text: str) -> list[tuple[int, str]]:
    lines, fence, comment = [], False, False
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if stripped.startswith("```"):
            fence = not fence
        elif "<!--" in stripped or comment:
            comment = "-->" not in stripped
        elif not (fence or stripped.startswith((">", "!!!"))):
            lines.append((number, _HIDDEN.sub("x", line)))
    return lines


@pytest.mark.parametrize("name", FRENCH)
def test_french_typography(name: str) -> None:
    # Imprimerie nationale: a no-break space (U+00A0) before « : ; ? ! » and inside « ».
    text = (ROOT / "docs" / name).read_text(encoding="utf-8")
    wrong = [(n, line) for n, line in _french_prose(text) if _BREAKABLE.search(line)]
    assert not wrong, f"{name}: a breakable space at French punctuation: {wrong[:5]}"


_PATH = re.compile(r"`((?:src|tests|examples|benchmarks|docs|scripts)/[\w./-]+)`")


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_paths_named_in_the_docs_exist(page: Path) -> None:
    for path in _PATH.findall(page.read_text(encoding="utf-8")):
        assert (ROOT / path).exists(), f"{page.name} names {path}, which does not exist"


# --- the site's build hooks (docs/_hooks.py) -------------------------------------------------


def _hooks() -> Any:
    pytest.importorskip("mkdocs", reason="the docs extra is not installed")
    spec = importlib.util.spec_from_file_location("docs_hooks", ROOT / "docs" / "_hooks.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    ("lang", "state", "other"),
    [("fr", "en manquement", "in breach"), ("en", "in breach", "en manquement")],
)
def test_the_diagram_is_drawn_in_the_language_of_its_page(
    lang: str, state: str, other: str, tmp_path: Path
) -> None:
    if shutil.which("dot") is None:
        pytest.skip("Graphviz's dot is not installed")
    hooks = _hooks()
    page = SimpleNamespace(file=SimpleNamespace(abs_dest_path=str(tmp_path / "index.html")))
    html = hooks._state_diagram(lang, page)
    assert "<svg" in html
    assert state in html
    assert other not in html
    assert not re.search(r"""(?:src|href)=["']?(?:https?:)?//""", html)


def test_the_build_finds_a_source_loaded_from_the_network(tmp_path: Path) -> None:
    hooks = _hooks()
    (tmp_path / "page.html").write_text(
        '<link rel="stylesheet" href="https://fonts.example/css"><a href="https://ok">x</a>'
        '<img src="img.png"><script src="//cdn.example/x.js"></script>',
        encoding="utf-8",
    )
    (tmp_path / "site.css").write_text('@import "https://fonts.example/f.css";', encoding="utf-8")
    assert [page for page, _ in hooks.remote_sources(tmp_path)] == [
        "page.html",
        "page.html",
        "site.css",
    ]
