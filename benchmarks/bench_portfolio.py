"""``mgp-convention portfolio --json`` end to end, against ``json.loads`` of the same files.

Run: ``.venv/bin/python benchmarks/bench_portfolio.py [--conventions N] [--runs R]
[--profile]``

It writes ``N`` convention files of version 2 (``_generate.py``) into a temporary
folder, then times, in the same run, in turn (``_harness.py``; the figure is the median
of the per-run ratios):

- **json**: for each file, read its bytes and ``json.loads`` them — the floor;
- **load**: ``io.load_folder(dir)`` — reading and checking every file, nothing else;
- **portfolio --json**: the whole command, ``main(["portfolio", dir, "--on", ON,
  "--json"])``, its output written to a buffer: loading, replaying every lifecycle
  through the ``transitions`` machine, the status, the legal dates, the next step,
  sorting, the JSON.

Target: portfolio --json ÷ json ≤ 8. ``--profile`` adds a cProfile of one run.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import io
import json
import pstats
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from _generate import ON, write_folder
from _harness import interleaved, ratios, report

from mgp_convention.cli import main as cli_main
from mgp_convention.io import load_folder


def _json_floor(paths: list[Path]) -> None:
    for path in paths:
        json.loads(path.read_bytes())


def _portfolio(folder: Path) -> None:
    with contextlib.redirect_stdout(io.StringIO()):
        cli_main(["portfolio", str(folder), "--on", ON.isoformat(), "--json"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--conventions", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        paths = write_folder(folder, args.conventions)
        _portfolio(folder)  # warm: the catalogues, the holidays, the machine
        times = interleaved(
            {
                "json": lambda: _json_floor(paths),
                "load": lambda: load_folder(folder),
                "portfolio --json": lambda: _portfolio(folder),
            },
            args.runs,
        )
        print(f"{len(paths)} files, {args.runs} interleaved runs (median of per-run ratios)")
        print(report(times, "json", per=len(paths)))
        ratio = ratios(times, "json")["portfolio --json"]
        print(f"portfolio --json ÷ json: {ratio:.1f} (target ≤ 8)")
        if args.profile:
            profiler = cProfile.Profile()
            profiler.runcall(_portfolio, folder)
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)


if __name__ == "__main__":
    main()
