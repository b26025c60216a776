"""The console sessions of the documentation: how they are read, run and rewritten.

Shared by ``tests/test_docs.py`` (which checks that every session of the README and of
``docs/`` prints what the page shows) and ``scripts/update_docs_sessions.py`` (which
rewrites what the pages show from what the commands print today), so that both run a
session the same way.

A ````` ```console ````` block holds lines ``$ mgp-convention ARGS`` (a comment after
two spaces, ``  # …``, is not part of the command), each followed by its output:
standard output, then standard error. A line of the page ending in ``...`` stands for
any line that starts with what comes before it.

**The language.** Each page is read in one language, and its commands are run in it:
``page.en.md`` and ``README.md`` in English, every other page (``page.md``, the site's
default) in French. The language is set the way a reader sets it for every command,
through the environment variable ``MGP_CONVENTION_LANG`` (``fr`` or ``en``), which the
English pages tell the reader to set; a command line may still say ``--lang`` itself.
The locale variables (``LC_ALL``, ``LC_MESSAGES``, ``LANG``) and the terminal's width
(``COLUMNS``, ``LINES``) are cleared, so that a session prints the same on any machine.

**What is run.** A command is run through :func:`mgp_convention.cli.main`, in-process,
in a fresh folder holding copies of ``examples/`` and ``tests/data/`` (so that a command
that writes a file — ``new``, ``record``, ``withdraw`` — changes nothing in the
repository), after the commands that come before it in the same block, whose output is
not compared: a block is a session, each of its commands a test. "Today" is Saturday
28 November 2026, the date the pages use (``today_in_paris`` is pinned to it).
``| head -N`` keeps the first N lines of the output, as it would in a shell. A command
with a redirection (``>``, ``<``) or another pipe is shown for reading only, and must
then have no output under it in the page (an output no test checks would drift).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import os
import re
import shlex
import shutil
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: The date the pages are written for: "today" in the sessions.
TODAY = dt.date(2026, 11, 28)
#: The environment variable that chooses the language of the command line's text.
LANG_ENV = "MGP_CONVENTION_LANG"
#: The variables cleared while a session runs (the language, the terminal).
CLEARED_ENV = ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE", "COLUMNS", "LINES", "FORCE_COLOR")

_BLOCK = re.compile(r"(```console\n)(.*?)(```)", re.DOTALL)
_HEAD = re.compile(r"^(?P<command>.*?)\s*\|\s*head\s+-(?:n\s*)?(?P<lines>\d+)\s*$")


def pages() -> list[Path]:
    """The pages whose sessions are run: the README and every page of ``docs/``."""
    return [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]


def language_of(page: Path) -> str:
    """The language a page is read in: English for ``*.en.md`` and the README, else French."""
    return "en" if page.name.endswith(".en.md") or page.name == "README.md" else "fr"


@dataclass
class Session:
    """One command of a console block and the output the page shows under it."""

    page: str
    lang: str
    line: str  # the command line as written, after "$ "
    expected: list[str] = field(default_factory=list)
    before: tuple[str, ...] = ()  # the commands of the block that come before it

    @property
    def command(self) -> str:
        """The command, without its comment."""
        return self.line.split("  #")[0].strip()

    @property
    def runnable(self) -> bool:
        """Whether the test runs it: ``mgp-convention …``, with at most ``| head -N``."""
        command = self.command
        head = _HEAD.match(command)
        if head:
            command = head["command"]
        return command.startswith("mgp-convention ") and not re.search(r"[|<>]", command)

    @property
    def id(self) -> str:
        return f"{self.page}: {self.command}"


@dataclass
class Block:
    """A console block of a page: where it is in the text, and its sessions."""

    start: int
    end: int
    sessions: list[Session]

    def text(self) -> str:
        lines: list[str] = []
        for session in self.sessions:
            lines.append(f"$ {session.line}")
            lines.extend(session.expected)
        return "\n".join(lines) + "\n"


def blocks(page: Path) -> list[Block]:
    """The console blocks of a page, in order."""
    text = page.read_text(encoding="utf-8")
    relative = page.relative_to(ROOT).as_posix()
    lang = language_of(page)
    found = []
    for match in _BLOCK.finditer(text):
        sessions: list[Session] = []
        for line in match.group(2).splitlines():
            if line.startswith("$ "):
                earlier = tuple(s.command for s in sessions if s.runnable)
                sessions.append(Session(relative, lang, line[2:], before=earlier))
            elif sessions:
                sessions[-1].expected.append(line)
            # A line before the first "$ " is not a session's output (none are written).
        for session in sessions:
            while session.expected and not session.expected[-1].strip():
                session.expected.pop()
        found.append(Block(match.start(2), match.end(2), sessions))
    return found


def sessions() -> list[Session]:
    """Every session of every page."""
    return [session for page in pages() for block in blocks(page) for session in block.sessions]


@contextlib.contextmanager
def session_environment(lang: str) -> Iterator[None]:
    """The environment a session runs in: its page's language, no locale, no terminal
    width, a fresh folder with copies of ``examples/`` and ``tests/data/`` as the current
    folder, today pinned to :data:`TODAY`; restored afterwards."""
    from mgp_convention.cli import _common  # imported when a session runs

    saved = {name: os.environ.get(name) for name in (LANG_ENV, *CLEARED_ENV)}
    cwd = Path.cwd()
    today = _common.today_in_paris
    folder = tempfile.TemporaryDirectory(prefix="mgp-docs-")
    try:
        for name in CLEARED_ENV:
            os.environ.pop(name, None)
        os.environ[LANG_ENV] = lang
        work = Path(folder.name)
        shutil.copytree(ROOT / "examples", work / "examples")
        shutil.copytree(ROOT / "tests" / "data", work / "tests" / "data")
        os.chdir(work)
        _common.today_in_paris = lambda: TODAY  # type: ignore[assignment]
        yield
    finally:
        _common.today_in_paris = today  # type: ignore[assignment]
        os.chdir(cwd)
        folder.cleanup()
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def run(session: Session) -> list[str]:
    """What the session's command prints (standard output, then standard error), as
    lines without the trailing blank ones."""
    # Imported when a session runs, not when the pages are read.
    from mgp_convention.cli import main

    command = session.command
    keep: int | None = None
    head = _HEAD.match(command)
    if head:
        command, keep = head["command"], int(head["lines"])
    out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline="\n")
    err = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline="\n")
    with session_environment(session.lang):
        for earlier in session.before:  # the block's commands before it, output unread
            with (
                contextlib.redirect_stdout(io.StringIO()),
                contextlib.redirect_stderr(io.StringIO()),
                contextlib.suppress(SystemExit),
            ):
                main(shlex.split(_HEAD.sub(r"\g<command>", earlier))[1:])
        with (
            contextlib.redirect_stdout(out),
            contextlib.redirect_stderr(err),
            contextlib.suppress(SystemExit),  # --help and usage errors exit through argparse
        ):
            main(shlex.split(command)[1:])
    texts = []
    for stream in (out, err):
        stream.flush()
        texts.append(stream.buffer.getvalue().decode("utf-8"))  # type: ignore[attr-defined]
    # "| head -N" reads standard output only; standard error still reaches the terminal.
    got = (
        texts[0].splitlines()[:keep] + texts[1].splitlines()
        if keep is not None
        else ((texts[0] + texts[1]).splitlines())
    )
    while got and not got[-1].strip():
        got.pop()
    return got


def line_matches(got: str, want: str) -> bool:
    """Whether a printed line is the one the page shows (``...``: any ending)."""
    return got.startswith(want[:-3]) if want.endswith("...") else got == want


def matches(got: list[str], want: list[str]) -> bool:
    """Whether the printed lines are those the page shows."""
    return len(got) == len(want) and all(map(line_matches, got, want))


def rewritten(got: list[str], want: list[str]) -> list[str]:
    """The lines the page should show: what was printed, keeping each ``...`` line of
    the page that still stands for the line printed at its place."""
    if matches(got, want):
        return want
    padded = want + [""] * (len(got) - len(want))
    return [
        old if old.endswith("...") and line_matches(new, old) else new
        for new, old in zip(got, padded, strict=False)
    ]


def update(page: Path) -> bool:
    """Rewrite the output of every runnable session of ``page`` from what its command
    prints now; return whether the page changed. Sessions that are not run are kept."""
    text = page.read_text(encoding="utf-8")
    parts: list[str] = []
    position = 0
    for block in blocks(page):
        for session in block.sessions:
            if session.runnable:
                session.expected = rewritten(run(session), session.expected)
        parts += [text[position : block.start], block.text()]
        position = block.end
    parts.append(text[position:])
    new = "".join(parts)
    if new == text:
        return False
    page.write_text(new, encoding="utf-8")
    return True


if __name__ == "__main__":  # pragma: no cover - see scripts/update_docs_sessions.py
    sys.exit("run scripts/update_docs_sessions.py")
