"""The ``report`` and ``export`` commands on 1,300 generated conventions: time and peak memory.

Run: ``.venv/bin/python benchmarks/bench_report.py [--conventions N] [--repeat R]
[--profile]``

It writes ``N`` convention files with :func:`_generate.write_folder` (realistic event
logs in every state, from a fixed seed) into a temporary folder, then measures in
the same run, on the same files:

- **load**: ``io.load_folder(dir)`` alone;
- **portfolio --json**: the whole ``portfolio`` command, its output to a buffer (the
  baseline: the report computes the same rows, then draws them);
- **report**: the whole ``report`` command, the page written to a file (loading,
  replaying, the legal dates, the timeline's segments and layout, the Jinja2 rendering,
  the atomic write);
- **export**: the whole ``export`` command, the workbook written to a file.

The four are timed in turn in each of ``--repeat`` runs in this process
(``_harness.py``); each ratio to ``portfolio --json`` is the median of the per-run
ratios. Memory, for each command: the peak of Python's allocations during one run
(``tracemalloc``, which slows that run, so it is not timed), and the peak resident size
of the command run alone in a child process (its ``VmHWM`` on Linux: interpreter,
libraries and all).
``--profile`` adds a cProfile of one ``report`` run (the 25 costliest functions).
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import io
import pstats
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from _generate import ON, write_folder
from _harness import interleaved, report

from mgp_convention.cli import main as cli_main
from mgp_convention.io import load_folder
from mgp_convention.portfolio import portfolio


def _command(argv: list[str]) -> Callable[[], None]:
    def run() -> None:
        with contextlib.redirect_stdout(io.StringIO()):
            code = cli_main(argv)
        assert code == 0, code

    return run


def _traced_peak(run: Callable[[], object]) -> int:
    """The peak of Python's allocations during ``run``, in bytes."""
    tracemalloc.start()
    try:
        run()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


#: Run in a new interpreter: the command, then its own peak resident size in KiB on the
#: last line of stderr: Linux's VmHWM, which exec resets (``ru_maxrss`` keeps the
#: parent's peak across fork and exec), else ``ru_maxrss``.
_CHILD = """
import re, resource, sys
from pathlib import Path
from mgp_convention.cli import main
code = main(sys.argv[1:])
status = Path("/proc/self/status")
found = re.search(r"VmHWM:\\s*(\\d+)", status.read_text()) if status.exists() else None
peak = int(found.group(1)) if found else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(peak, file=sys.stderr)
sys.exit(code)
"""


def _child_peak_rss(argv: list[str]) -> tuple[float, float, int]:
    """The wall time, the CPU time and the peak resident size (bytes) of
    ``mgp-convention ARGV`` run alone in a new interpreter (start-up, imports and all)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", _CHILD, *argv],
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return elapsed, cpu, int(done.stderr.split()[-1]) * 1024


def _mib(size: int) -> str:
    return f"{size / 2**20:7.1f} MiB"


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--conventions", type=int, default=1_300)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--profile", action="store_true", help="cProfile one report run")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-report-") as name:
        folder = Path(name) / "conventions"
        folder.mkdir()
        write_folder(folder, args.conventions)
        states = Counter(row.state.value for row in portfolio(folder, ON).rows)
        page, sheet = Path(name) / "rapport.html", Path(name) / "portefeuille.xlsx"
        on = ["--on", ON.isoformat()]
        commands = {
            "portfolio --json": ["portfolio", str(folder), *on, "--json"],
            "report": ["report", str(folder), *on, "-o", str(page), "--force"],
            "export": ["export", str(folder), *on, "-o", str(sheet), "--force"],
        }
        load_folder(folder)  # warm the file cache before timing anything
        contenders: dict[str, Callable[[], object]] = {
            "load_folder only": lambda: load_folder(folder)
        }
        contenders.update((label, _command(command)) for label, command in commands.items())
        times = interleaved(contenders, args.repeat)
        n = args.conventions
        print(f"{n} conventions on {ON.isoformat()}; {args.repeat} runs, the commands in turn")
        print("  states: " + ", ".join(f"{s} {c}" for s, c in sorted(states.items())))
        print(report(times, "portfolio --json", per=n, unit="ms", scale=1e3))
        print("  Python's peak allocations during one run (tracemalloc):")
        for label, command in commands.items():
            print(f"    {label:<17} {_mib(_traced_peak(_command(command)))}")
        print(f"  page: {_mib(page.stat().st_size)}, workbook: {_mib(sheet.stat().st_size)}")
        print("  each command alone in a new interpreter (wall, CPU with start-up, peak RSS):")
        for label, command in commands.items():
            elapsed, cpu, rss = _child_peak_rss(command)
            print(f"    {label:<17} {elapsed:6.2f} s {cpu:6.2f} s  {_mib(rss)}")
        if args.profile:
            profiler = cProfile.Profile()
            profiler.runcall(_command(commands["report"]))
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)


if __name__ == "__main__":
    main()
