"""The documentation's examples run: console sessions in README.md and docs/ are replayed.

A ```console block holds lines ``$ mgp-convention ARGS`` followed by the expected
output (stdout then stderr). Each command is run through :func:`mgp_convention.cli.main`
from the repository's root and its output compared line by line; a line ending in
``...`` matches any line that starts with what comes before. Commands with a pipe or a
redirection are shown for reading only and are not run. Python examples (``>>>``) in
the Markdown pages are run by pytest's doctest collection (``--doctest-glob``).
"""

from __future__ import annotations

import contextlib
import re
import shlex
from pathlib import Path

import pytest

from mgp_convention.cli import main

ROOT = Path(__file__).parent.parent
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
_BLOCK = re.compile(r"```console\n(.*?)```", re.DOTALL)


def _sessions() -> list[tuple[str, str, list[str]]]:
    found = []
    for page in PAGES:
        for block in _BLOCK.findall(page.read_text(encoding="utf-8")):
            command: str | None = None
            expected: list[str] = []
            for line in [*block.splitlines(), "$ "]:
                if line.startswith("$ "):
                    if command is not None:
                        found.append((page.relative_to(ROOT).as_posix(), command, expected))
                    command, expected = line[2:].split("  #")[0].strip(), []
                else:
                    expected.append(line)
    return [
        (page, command, expected)
        for page, command, expected in found
        if command.startswith("mgp-convention ") and not re.search(r"[|<>]", command)
    ]


SESSIONS = _sessions()


def test_the_docs_have_sessions() -> None:
    assert len(SESSIONS) >= 3


@pytest.mark.parametrize(
    ("page", "command", "expected"), SESSIONS, ids=[f"{p}: {c}" for p, c, _ in SESSIONS]
)
def test_console_session(
    page: str,
    command: str,
    expected: list[str],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(ROOT)
    with contextlib.suppress(SystemExit):  # --help and usage errors exit through argparse
        main(shlex.split(command)[1:])
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
