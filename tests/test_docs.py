"""The documentation's examples run: console sessions in README.md and docs/ are replayed.

A ```console block holds lines ``$ mgp-convention ARGS`` followed by the expected
output (stdout then stderr). Each command is run through :func:`mgp_convention.cli.main`
and its output compared line by line; a line ending in ``...`` matches any line that
starts with what comes before. Commands with a pipe or a redirection are shown for
reading only and are not run. Python examples (``>>>``) in the Markdown pages are run by
pytest's doctest collection (``--doctest-glob``).

A session runs in a fresh folder holding copies of ``examples/`` and ``tests/data/``
(so that a command that writes a file — ``new``, ``record``, ``withdraw`` — changes
nothing in the repository), after the commands that come before it in the same block,
whose output is not compared: a block is a session, each of its commands a test. "Today"
is Saturday 28 November 2026, the date the pages use; the language is French unless the
command says ``--lang en``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
import shlex
import shutil
from pathlib import Path

import attrs
import pytest

from mgp_convention.cli import main

ROOT = Path(__file__).parent.parent
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
_BLOCK = re.compile(r"```console\n(.*?)```", re.DOTALL)
#: The date the pages are written for ("today" in the sessions).
TODAY = dt.date(2026, 11, 28)


def _runnable(command: str) -> bool:
    return command.startswith("mgp-convention ") and not re.search(r"[|<>]", command)


@attrs.frozen
class Session:
    """A command of a page: the command, its expected output, and the commands run
    before it in its block."""

    page: str
    command: str
    expected: list[str]
    before: tuple[str, ...]


def _sessions() -> list[Session]:
    """Each command run, in the pages' order."""
    found = []
    for page in PAGES:
        for block in _BLOCK.findall(page.read_text(encoding="utf-8")):
            command: str | None = None
            expected: list[str] = []
            before: list[str] = []
            for line in [*block.splitlines(), "$ "]:
                if line.startswith("$ "):
                    if command is not None and _runnable(command):
                        name = page.relative_to(ROOT).as_posix()
                        found.append(Session(name, command, expected, tuple(before)))
                        before.append(command)
                    command, expected = line[2:].split("  #")[0].strip(), []
                else:
                    expected.append(line)
    return found


SESSIONS = _sessions()


def test_the_docs_have_sessions() -> None:
    assert len(SESSIONS) >= 3


def _run(command: str) -> None:
    with contextlib.suppress(SystemExit):  # --help and usage errors exit through argparse
        main(shlex.split(command)[1:])


@pytest.mark.parametrize("session", SESSIONS, ids=[f"{s.page}: {s.command}" for s in SESSIONS])
def test_console_session(
    session: Session,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    page, command, expected = session.page, session.command, session.expected
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    shutil.copytree(ROOT / "tests" / "data", tmp_path / "tests" / "data")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("mgp_convention.cli._common.today_in_paris", lambda: TODAY)
    monkeypatch.setenv("MGP_CONVENTION_LANG", "fr")  # the pages' default: French
    for earlier in session.before:
        _run(earlier)
    capsys.readouterr()
    _run(command)
    captured = capsys.readouterr()
    got = (captured.out + captured.err).rstrip("\n").splitlines()
    want = list(expected)
    while want and not want[-1].strip():
        want.pop()
    assert len(got) == len(want), f"{page}: {command}\n" + "\n".join(got)
    for got_line, want_line in zip(got, want, strict=True):
        if want_line.endswith("..."):
            assert got_line.startswith(want_line[:-3]), (page, command, got_line)
        else:
            assert got_line == want_line, (page, command)


_PATH = re.compile(r"`((?:src|tests|examples|benchmarks|docs)/[\w./-]+)`")


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_paths_named_in_the_docs_exist(page: Path) -> None:
    for path in _PATH.findall(page.read_text(encoding="utf-8")):
        assert (ROOT / path).exists(), f"{page.name} names {path}, which does not exist"
