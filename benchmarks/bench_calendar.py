"""The calendar of a large folder: memory and time from 100 to 10,000 convention files.

Run: ``.venv/bin/python benchmarks/bench_calendar.py [--sizes 100,1000,10000] [--runs R]``

It writes generated convention files of version 2 (``_generate.py``: plausible lives in
every state, from a fixed seed) into temporary folders of each size, then, in each run,
exports each folder in turn (``_harness.py``: the order rotates from one run to the
next) with ``mgp-convention calendar DIR -o OUT.ics`` in a fresh interpreter, which
reports its own peak resident memory (``ru_maxrss``) when it ends.

``calendar`` streams: each file is read, its events written to the output's temporary
file, and let go (``io.iter_folder``, ``ical.iter_ical``, ``files.atomic_writer``).
Targets (issue 17): peak memory at 10,000 files ≤ 2× its peak at 1,000 files; time
linear from 100 to 10,000 files (the time per file at each size is printed; the time per
file at 10,000 files divided by the time per file at 1,000 files in the same run, median
of the per-run ratios, is near 1 when the time is linear; at 100 files the interpreter's
start-up still weighs on the time per file).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from _generate import write_folder

PYTHON = sys.executable
#: The command, run in a fresh interpreter that prints its peak memory (KiB) on stderr.
_CHILD = (
    "import resource, sys\n"
    "from mgp_convention.cli import main\n"
    "code = main(sys.argv[1:])\n"
    "print('maxrss', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)\n"
    "sys.exit(code)\n"
)


def _export(folder: Path, out: Path) -> tuple[float, int]:
    """Seconds and peak resident memory (KiB) of one export of ``folder``."""
    start = time.perf_counter()
    done = subprocess.run(  # noqa: S603 - our own interpreter and arguments
        [PYTHON, "-c", _CHILD, "calendar", str(folder), "-o", str(out), "--on", "2026-11-28"],
        capture_output=True,
        text=True,
        check=False,
    )
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"calendar failed on {folder}: {done.stderr[-2000:]}")
    peak = next(
        int(line.split()[1]) for line in done.stderr.splitlines() if line.startswith("maxrss")
    )
    return seconds, peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,1000,10000", help="folder sizes, comma-separated")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    with tempfile.TemporaryDirectory() as tmp:
        folders = {}
        for size in sizes:
            folder = Path(tmp) / f"f{size}"
            folder.mkdir()
            write_folder(folder, size)
            folders[size] = folder
        seconds: dict[int, list[float]] = {size: [] for size in sizes}
        peaks: dict[int, list[int]] = {size: [] for size in sizes}
        for run in range(args.runs):
            order = sizes[run % len(sizes) :] + sizes[: run % len(sizes)]
            for size in order:
                spent, peak = _export(folders[size], Path(tmp) / f"out{size}.ics")
                seconds[size].append(spent)
                peaks[size].append(peak)
        events = (Path(tmp) / f"out{sizes[-1]}.ics").read_bytes().count(b"BEGIN:VEVENT")
    print(f"{args.runs} interleaved runs; {events} events in the {sizes[-1]:,}-file calendar")
    for size in sizes:
        per_file = statistics.median(seconds[size]) / size * 1e3
        peak = statistics.median(peaks[size]) / 1024
        print(f"  {size:>6,} files: {per_file:7.2f} ms/file   peak memory {peak:7.1f} MiB")
    middle, large = sizes[len(sizes) // 2], sizes[-1]
    memory = statistics.median(a / b for a, b in zip(peaks[large], peaks[middle], strict=True))
    linear = statistics.median(
        (a / large) / (b / middle) for a, b in zip(seconds[large], seconds[middle], strict=True)
    )
    print(f"peak memory {large:,} ÷ {middle:,} files: ×{memory:.2f} (target ≤ 2)")
    print(f"time per file {large:,} ÷ {middle:,} files: ×{linear:.2f} (linear: near 1)")


if __name__ == "__main__":
    main()
