"""Mutation testing of the rules, and its score: killed / total, per module and overall.

mutmut (configured in pyproject.toml, ``[tool.mutmut]``) changes the article modules,
the date arithmetic (``calendar.py``) and the money code (``money.py``) one small edit
at a time, and runs the fast tests of the rules against each change; a change no test
notices is a *survivor*. See docs/mutation-and-coverage.md. Not part of CI: a full
run takes about 70 minutes on two cores (an idle machine: see the docs).

Usage, from the repository root, with ``pip install -e ".[test]" mutmut``::

    python scripts/mutation.py                       # every rules module, from scratch
    python scripts/mutation.py calendar art12_remedy # only these modules
    python scripts/mutation.py --report              # the score of the last run, again

Each run starts from a fresh ``mutants/`` copy of the working tree (a stale copy would
test old sources). The survivors are listed by name; ``mutmut show NAME`` prints the
change. Exit status 1 when the score is under ``--fail-under`` (95 %).

mutmut names pytest's exit status 2 "check was interrupted by user". pytest also exits
with 2 when a test module cannot be imported: a mutant that breaks the data a test
module builds at import (``RemedyOptions(...)`` in a table of cases) does that. Such a
mutant is counted as killed only after this script has imported its test modules again
with the mutant on and seen them fail (:func:`breaks_collection`); otherwise it stays
"interrupted", i.e. not killed.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RULES = (
    "art02_duration",
    "art03_procurement",
    "art05_calendar",
    "art05_delays",
    "art09_sanctions",
    "art10_claims",
    "art11_amendments",
    "art12_beneficiaries",
    "art12_breaches",
    "art12_indemnity",
    "art12_indemnity_amount",
    "art12_indemnity_conditions",
    "art12_indemnity_facts",
    "art12_remedy",
    "art12_termination",
    "calendar",
    "money",
)
# "mgp_convention.articles.art12_remedy.x__rule__mutmut_4" or "...xǁClassǁmethod__mutmut_4"
_MODULE = re.compile(r"^(?P<module>[\w.]+?)\.x(?:ǁ|_)")
_LINE = re.compile(r"^\s*(?P<name>\S+): (?P<status>.+)$")
# A timeout is a mutant the tests noticed (it made them hang): it counts as killed.
DETECTED = frozenset({"killed", "timeout", "collection error"})
INTERRUPTED = "check was interrupted by user"


def dotted(module: str) -> str:
    """The dotted name of a rules module given by its short name."""
    if module in ("calendar", "money"):
        return f"mgp_convention.{module}"
    return f"mgp_convention.articles.{module}"


def mutmut(*arguments: str) -> subprocess.CompletedProcess[str]:
    """Run mutmut with this interpreter, from the repository root."""
    command = [sys.executable, "-m", "mutmut", *arguments]
    return subprocess.run(command, cwd=ROOT, text=True, capture_output=True, check=False)  # noqa: S603


def run(modules: list[str], max_children: int) -> float:
    """A fresh mutmut run over ``modules``; returns its wall time in seconds."""
    shutil.rmtree(ROOT / "mutants", ignore_errors=True)
    patterns = [f"{dotted(m)}.*" for m in modules] if modules != list(RULES) else []
    started = time.monotonic()
    command = [sys.executable, "-m", "mutmut", "run", "--max-children", str(max_children)]
    done = subprocess.run([*command, *patterns], cwd=ROOT, check=False)  # noqa: S603
    if done.returncode != 0:
        sys.exit(f"mutmut run failed with status {done.returncode}")
    return time.monotonic() - started


def results(modules: list[str]) -> dict[str, dict[str, str]]:
    """The status of every mutant of ``modules``, by module then mutant name."""
    listed = mutmut("results", "--all", "true")
    if listed.returncode != 0:
        sys.exit(f"mutmut results failed:\n{listed.stderr}")
    wanted = {dotted(m): m for m in modules}
    found: dict[str, dict[str, str]] = {m: {} for m in modules}
    for line in listed.stdout.splitlines():
        matched = _LINE.match(line)
        module = _MODULE.match(matched["name"]) if matched else None
        if matched and module and module["module"] in wanted:
            found[wanted[module["module"]]][matched["name"]] = matched["status"]
    return found


def breaks_collection(mutant: str) -> bool:
    """Whether the test modules of ``mutant`` fail to import with it on (pytest exits 2
    with "error(s) during collection"), run as mutmut runs them, in ``mutants/``."""
    stats = json.loads((ROOT / "mutants" / "mutmut-stats.json").read_text(encoding="utf-8"))
    tests = stats["tests_by_mangled_function_name"].get(mutant.rsplit("__mutmut_", 1)[0], [])
    files = sorted({test.split("::", 1)[0] for test in tests})
    if not files:
        return False
    environment = {**os.environ, "MUTANT_UNDER_TEST": mutant, "PYTHONPATH": "src"}
    command = [sys.executable, "-m", "pytest", "--collect-only", "-q", "--no-cov", *files]
    done = subprocess.run(  # noqa: S603
        command,
        cwd=ROOT / "mutants",
        env=environment,
        text=True,
        capture_output=True,
        check=False,
    )
    # "Interrupted: 1 error during collection", or "2 errors".
    collection_failed = re.search(r"\b\d+ errors? during collection", done.stdout)
    return done.returncode == 2 and collection_failed is not None


def confirm_interruptions(found: dict[str, dict[str, str]]) -> None:
    """Relabel each "interrupted" mutant whose test modules it breaks (see above)."""
    for statuses in found.values():
        for name, status in statuses.items():
            if status == INTERRUPTED and breaks_collection(name):
                statuses[name] = "collection error"


def score(found: dict[str, dict[str, str]]) -> tuple[int, int]:
    """Print the table and the survivors; return (detected, total) over every module."""
    width = max(len(module) for module in found)
    print(f"{'module':<{width}}  killed / total      %   other statuses")
    all_detected = all_total = 0
    survivors: list[tuple[str, str]] = []
    for module, statuses in found.items():
        counts = Counter(statuses.values())
        detected = sum(counts[s] for s in DETECTED)
        total = len(statuses)
        others = ", ".join(f"{n} {s}" for s, n in sorted(counts.items()) if s not in DETECTED)
        percent = 100 * detected / total if total else 100.0
        print(f"{module:<{width}}  {detected:>6} / {total:<5} {percent:6.1f}   {others}")
        all_detected += detected
        all_total += total
        survivors += [(n, s) for n, s in sorted(statuses.items()) if s not in DETECTED]
    percent = 100 * all_detected / all_total if all_total else 100.0
    print(f"{'overall':<{width}}  {all_detected:>6} / {all_total:<5} {percent:6.1f}")
    if survivors:
        print(f"\nNot killed ({len(survivors)}; `mutmut show NAME` prints the change):")
        for name, status in survivors:
            print(f"  {name}: {status}")
    return all_detected, all_total


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("modules", nargs="*", metavar="MODULE", help=", ".join(RULES))
    parser.add_argument("--report", action="store_true", help="only print the last score")
    parser.add_argument("--max-children", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--fail-under", type=float, default=95.0, metavar="PERCENT")
    options = parser.parse_args()
    unknown = sorted(set(options.modules) - set(RULES))
    if unknown:
        parser.error(f"unknown module(s) {', '.join(unknown)}; choose among {', '.join(RULES)}")
    modules = list(options.modules) or list(RULES)
    if not options.report:
        seconds = run(modules, options.max_children)
        print(f"\nmutmut run: {seconds / 60:.1f} min wall time on {options.max_children} workers")
    found = results(modules)
    confirm_interruptions(found)
    detected, total = score(found)
    if total == 0:
        print("no mutants found: run without --report first")
        return 1
    return 0 if 100 * detected / total >= options.fail_under else 1


if __name__ == "__main__":
    sys.exit(main())
