"""The report in a real browser, with the network off: Debian's headless Chromium.

The page is opened from a file (as from a file share or an e-mail attachment) by a
Chromium whose every host name resolves to nothing (``--host-resolver-rules``) and whose
background services are off. The test speaks the DevTools protocol over a pipe
(``--remote-debugging-pipe``: JSON messages separated by NUL bytes on file descriptors
3 and 4), with the standard library only, and checks what a person would see:

- no console message of level error, no uncaught exception, no request other than the
  page's own file (a Content-Security-Policy refusal would be an error too);
- the timeline has one line per convention, each drawn (a box of non-zero size);
- a screenshot at 1,400 pixels wide is a PNG of that width;
- printed, the page is A4 landscape (the print style sheet's ``@page``).

It is skipped, saying why, where Chromium is not installed (``.ci/run`` installs it
where it can: ``apt-get install chromium``).
"""

from __future__ import annotations

import base64
import contextlib
import fcntl
import json
import os
import queue
import re
import shutil
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from mgp_convention.cli import main

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
CHROMIUM = next(
    (found for name in ("chromium", "chromium-browser") if (found := shutil.which(name))), None
)
pytestmark = pytest.mark.skipif(
    CHROMIUM is None,
    reason="headless Chromium is not installed (Debian: apt-get install chromium); "
    "the report's browser test needs it",
)

#: The flags of a browser that cannot reach any network and starts nothing in the
#: background (see /work/.library/env/machines/python.md for the ones that work here).
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--disable-default-apps",
    "--mute-audio",
    "--hide-scrollbars",
    "--host-resolver-rules=MAP * ~NOTFOUND",
    "--remote-debugging-pipe",
)
TIMEOUT = 20.0


def _above_4(fd: int) -> int:
    """``fd`` moved to a number above 4 (close-on-exec, as Python's own fds are)."""
    moved = fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 5)
    os.close(fd)
    return moved


class Browser:
    """A headless Chromium driven through the DevTools protocol on a pipe."""

    def __init__(self, profile: Path) -> None:
        assert CHROMIUM is not None
        # Chromium reads the commands on fd 3 and writes its answers on fd 4: the child's
        # ends are moved above 4 first, so that the dup2 below never maps an fd onto itself
        # (which would keep its close-on-exec flag).
        commands_read, self._commands = map(_above_4, os.pipe())
        self._answers, answers_write = map(_above_4, os.pipe())

        def pipes_on_3_and_4() -> None:
            os.dup2(commands_read, 3)
            os.dup2(answers_write, 4)

        self.process = subprocess.Popen(
            [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", "about:blank"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            # Only dup2 before exec; the fds Python opens are not inherited (PEP 446),
            # and closing the others would close 3 and 4 after the dup2.
            preexec_fn=pipes_on_3_and_4,  # noqa: PLW1509
            close_fds=False,
        )
        os.close(commands_read)
        os.close(answers_write)
        self._next_id = 0
        self._inbox: queue.Queue[dict[str, Any] | None] = queue.Queue()
        self.events: list[dict[str, Any]] = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        self.session: str | None = None

    def _read(self) -> None:
        buffer = b""
        with os.fdopen(self._answers, "rb", buffering=0) as stream:
            while chunk := stream.read(65536):
                buffer += chunk
                *messages, buffer = buffer.split(b"\0")
                for message in messages:
                    self._inbox.put(json.loads(message))
        self._inbox.put(None)

    def send(self, method: str, session: bool = True, **params: Any) -> dict[str, Any]:
        """Send a command and wait for its answer; the events meanwhile are kept."""
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params}
        if session and self.session is not None:
            message["sessionId"] = self.session
        os.write(self._commands, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + TIMEOUT
        while True:
            answer = self._inbox.get(timeout=max(0.1, deadline - time.monotonic()))
            if answer is None:
                raise RuntimeError(f"Chromium closed the pipe during {method}")
            if answer.get("id") == self._next_id:
                if "error" in answer:
                    raise RuntimeError(f"{method}: {answer['error']}")
                result: dict[str, Any] = answer.get("result", {})
                return result
            self.events.append(answer)

    def wait_for(self, method: str) -> dict[str, Any]:
        """Wait for the event ``method`` (it may have come already)."""
        deadline = time.monotonic() + TIMEOUT
        for event in self.events:
            if event.get("method") == method:
                return event
        while True:
            event = self._inbox.get(timeout=max(0.1, deadline - time.monotonic()))
            if event is None:
                raise RuntimeError(f"Chromium closed the pipe before {method}")
            self.events.append(event)
            if event.get("method") == method:
                return event

    def open(self, url: str, width: int) -> None:
        """A new tab of ``width`` pixels, listening to the console, the log and the
        network, showing ``url`` once loaded."""
        target = self.send("Target.createTarget", session=False, url="about:blank")["targetId"]
        self.session = self.send(
            "Target.attachToTarget", session=False, targetId=target, flatten=True
        )["sessionId"]
        for domain in ("Page", "Runtime", "Log", "Network"):
            self.send(f"{domain}.enable")
        self.send(
            "Emulation.setDeviceMetricsOverride",
            width=width,
            height=900,
            deviceScaleFactor=1,
            mobile=False,
        )
        self.send("Page.navigate", url=url)
        self.wait_for("Page.loadEventFired")

    def evaluate(self, expression: str) -> Any:
        """The value of a JavaScript expression in the page (the test's, not the page's)."""
        result = self.send("Runtime.evaluate", expression=expression, returnByValue=True)
        if "exceptionDetails" in result:
            raise RuntimeError(result["exceptionDetails"])
        return result["result"].get("value")

    def problems(self) -> list[str]:
        """The console errors, uncaught exceptions and log errors seen so far."""
        found = []
        for event in self.events:
            method, params = event.get("method"), event.get("params", {})
            if method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
                found.append(f"console: {params.get('args')}")
            elif method == "Runtime.exceptionThrown":
                found.append(f"exception: {params.get('exceptionDetails')}")
            elif method == "Log.entryAdded" and params["entry"].get("level") == "error":
                found.append(f"log: {params['entry'].get('text')} {params['entry'].get('url')}")
        return found

    def requests(self) -> list[str]:
        """The URL of every request the page made."""
        return [
            event["params"]["request"]["url"]
            for event in self.events
            if event.get("method") == "Network.requestWillBeSent"
        ]

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.send("Browser.close", session=False)
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:  # pragma: no cover - a stuck browser
            self.process.kill()
            self.process.wait()
        os.close(self._commands)


@contextlib.contextmanager
def browser(profile: Path) -> Iterator[Browser]:
    """A headless Chromium, closed on exit."""
    opened = Browser(profile)
    try:
        yield opened
    finally:
        opened.close()


@pytest.fixture(scope="module")
def examples_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("report") / "rapport.html"
    assert main(["report", str(EXAMPLES), "--on", "2026-11-28", "-o", str(path)]) == 0
    return path


def png_width(data: bytes) -> int:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return int.from_bytes(data[16:20], "big")


def test_the_report_opens_offline_without_error_and_draws_one_line_per_convention(
    examples_report: Path, tmp_path: Path
) -> None:
    with browser(tmp_path / "profile") as chromium:
        chromium.open(examples_report.as_uri(), width=1400)
        lines = chromium.evaluate(
            "Array.from(document.querySelectorAll('svg.timeline g.timeline-line'))"
            ".map(g => { const box = g.getBBox();"
            " return [g.dataset.reference, box.width > 0 && box.height > 0]; })"
        )
        rows = chromium.evaluate(
            "Array.from(document.querySelectorAll('table.portfolio tbody tr'))"
            ".map(tr => tr.dataset.reference)"
        )
        title = chromium.evaluate("document.title")
        screenshot = base64.b64decode(
            chromium.send("Page.captureScreenshot", format="png", captureBeyondViewport=True)[
                "data"
            ]
        )
        pdf = base64.b64decode(chromium.send("Page.printToPDF", preferCSSPageSize=True)["data"])
        problems = chromium.problems()
        requests = chromium.requests()

    assert problems == []
    # The page's own file, nothing else (no font, no style sheet, no picture, no script).
    assert requests == [examples_report.as_uri()]
    assert len(rows) == len(list(EXAMPLES.glob("*.json")))
    assert lines == [[reference, True] for reference in rows]
    assert title.startswith("Portefeuille")
    assert png_width(screenshot) == 1400
    # A4 landscape: 297 × 210 mm = 841.89 × 595.28 points.
    boxes = {
        tuple(round(float(n)) for n in box.split())
        for box in re.findall(rb"/MediaBox\s*\[([^\]]+)\]", pdf)
        for box in [box.decode()]
    }
    assert boxes == {(0, 0, 842, 595)}
