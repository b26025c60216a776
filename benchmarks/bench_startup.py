"""Start-up: ``mgp-convention --version`` and ``status FILE --json`` against ``python -c pass``.

Run: ``.venv/bin/python benchmarks/bench_startup.py [--runs R]``

Each run starts, in turn, three fresh interpreters (``_harness.py``; the figure is the
median of the per-run ratios): ``python -c pass`` (the floor), ``python -m
mgp_convention.cli --version``, and ``python -m mgp_convention.cli status
examples/03-bois-fictif-remediation.json --on 2026-11-28 --json``. Each command imports
only what it needs (the command's module is imported when it runs; ``status`` imports
neither rich nor icalendar). Targets: ``--version`` ≤ 5×, ``status --json`` ≤ 15×.
It also lists the heavy modules ``status`` imports (``-X importtime``).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from _harness import interleaved, ratios, report

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "03-bois-fictif-remediation.json"
PYTHON = sys.executable


def _run(*args: str) -> None:
    subprocess.run([PYTHON, *args], check=True, capture_output=True, cwd=ROOT)  # noqa: S603


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21)
    args = parser.parse_args()
    status = ("-m", "mgp_convention.cli", "status", str(EXAMPLE), "--on", "2026-11-28", "--json")
    times = interleaved(
        {
            "python -c pass": lambda: _run("-c", "pass"),
            "--version": lambda: _run("-m", "mgp_convention.cli", "--version"),
            "status --json": lambda: _run(*status),
        },
        args.runs,
    )
    print(f"{args.runs} interleaved runs (median of per-run ratios)")
    print(report(times, "python -c pass", per=1, unit="ms", scale=1e3))
    found = ratios(times, "python -c pass")
    print(f"--version: {found['--version']:.1f}× (target ≤ 5); ", end="")
    print(f"status --json: {found['status --json']:.1f}× (target ≤ 15)")
    trace = subprocess.run(  # noqa: S603
        [PYTHON, "-X", "importtime", *status],
        check=False,
        capture_output=True,
        text=True,
        cwd=ROOT,
    ).stderr
    heavy = [
        line
        for line in trace.splitlines()
        if any(name in line for name in (" rich", " icalendar", " docxtpl", " openpyxl", " jinja2"))
    ]
    print(
        "heavy modules imported by status:",
        "none" if not heavy else "; ".join(h.split("|")[-1].strip() for h in heavy),
    )


if __name__ == "__main__":
    main()
