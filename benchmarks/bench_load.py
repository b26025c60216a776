"""Loading a folder of 2,000 convention files, against ``json.loads`` of the same files.

Run: ``.venv/bin/python benchmarks/bench_load.py [--conventions N] [--runs R]
[--profile]``

It writes ``N`` convention files of version 2 (``_generate.py``: plausible lives in
every state, from a fixed seed) into a temporary folder, then times, **in the same
run, in turn** (``_harness.py``: the order rotates from one run to the next, the
garbage of one contender is collected before the next starts):

- **json**: for each file, in name order, read its bytes and ``json.loads`` them —
  the floor: no check at all;
- **load**: ``io.load_folder(dir)`` — listing the folder, reading each regular file
  (bounded), parsing it (duplicate keys refused), structuring it with the package's
  cattrs converter (hooks generated once per class), and building every value through
  its attrs validators and coherence rules.

The figure is the **median of the per-run ratios** load ÷ json. Target: ≤ 5.
``--profile`` adds a cProfile of one ``load_folder``: its own time grouped by where it
is spent, then the costliest functions.
"""

from __future__ import annotations

import argparse
import collections
import cProfile
import json
import pstats
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from _generate import write_folder
from _harness import interleaved, ratios, report

from mgp_convention.io import load_folder

#: Where a function's own time is spent, by the file that defines it (first match).
_PLACES = (
    ("cattrs generated", "cattrs: the generated structure functions"),
    ("site-packages/cattrs", "cattrs: dispatch, lists"),
    ("attrs generated", "attrs: the generated __init__"),
    ("site-packages/attr", "attrs: validators, asdict, fields"),
    ("site-packages/stdnum", "stdnum: the SIREN's check digit"),
    ("json/", "json: parsing"),
    ("_converter.py", "our hooks: leaves, events, lists"),
    ("_validators.py", "the model's validators"),
    ("parties.py", "the model's validators"),
    ("events.py", "the model's validators"),
    ("schedule.py", "the model's validators"),
    ("convention.py", "the model's validators"),
    ("_coherence.py", "the model's coherence rules"),
    ("io.py", "io: the duplicate-key hook, the folder"),
    ("files.py", "files: the bounded read"),
    ("pathlib", "pathlib"),
)


def _place(filename: str, name: str) -> str:
    for marker, place in _PLACES:
        if marker in filename:
            return place
    return "built-in functions" if filename == "~" else f"other ({Path(filename).name}:{name})"


def _profile(load: Callable[[], object]) -> None:
    profiler = cProfile.Profile()
    profiler.runcall(load)
    stats = pstats.Stats(profiler)
    places: collections.Counter[str] = collections.Counter()
    for (filename, _line, name), (_cc, _nc, own, _cum, _callers) in stats.stats.items():  # type: ignore[attr-defined]
        places[_place(filename, name)] += own
    total = sum(places.values())
    print("Own time of one load_folder, by place:")
    for place, seconds in places.most_common(15):
        print(f"  {seconds / total * 100:5.1f} %  {place}")
    stats.sort_stats("tottime").print_stats(20)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--conventions", type=int, default=2_000)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--profile", action="store_true", help="cProfile one load_folder")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-load-") as name:
        folder = Path(name)
        paths = write_folder(folder, args.conventions)

        def floor() -> object:
            return [json.loads(path.read_bytes()) for path in sorted(folder.glob("*.json"))]

        def load() -> object:
            return load_folder(folder)

        result = load_folder(folder)  # warm the file cache and generate cattrs' hooks
        assert len(result.loaded) == len(paths), result.failed[:1]
        times = interleaved({"json": floor, "load": load}, args.runs)
        size = sum(path.stat().st_size for path in paths) / len(paths)
        print(
            f"{len(paths)} conventions ({size:,.0f} bytes each on average); {args.runs} runs, "
            "contenders in turn; the median of the per-run ratios"
        )
        print(report(times, "json", per=len(paths)))
        print(
            "  load / json, per run: "
            + " ".join(f"{t / b:.2f}" for t, b in zip(times["load"], times["json"], strict=True))
        )
        print(f"  load ÷ json = {ratios(times, 'json')['load']:.2f}  (target ≤ 5)")
        if args.profile:
            _profile(load)


if __name__ == "__main__":
    main()
