"""Rewrite the output of every console session of the README and of docs/ from what the
commands print now.

    python scripts/update_docs_sessions.py            # rewrite every page
    python scripts/update_docs_sessions.py docs/howto/status.md docs/howto/status.en.md
    python scripts/update_docs_sessions.py --check    # only say which pages would change

Each session is run exactly as ``tests/test_docs.py`` runs it (``tests/docs_sessions.py``:
the page's language through ``MGP_CONVENTION_LANG``, from the repository's root, in
process), and its output under the command is replaced by what was printed; a line
ending in ``...`` is kept while it still stands for the line printed at its place.
Commands shown for reading only (a redirection, a pipe) are left as they are. Review
the diff (``git diff docs README.md``) before committing: a changed output may be a
regression, not an improvement.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from docs_sessions import ROOT, blocks, matches, pages, run, update


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("pages", nargs="*", type=Path, help="pages to update (default: all)")
    parser.add_argument(
        "--check", action="store_true", help="change nothing; exit 1 if a page would change"
    )
    args = parser.parse_args(argv)
    chosen = [path.resolve() for path in args.pages] or pages()
    changed = []
    for page in chosen:
        name = page.relative_to(ROOT).as_posix()
        if args.check:
            stale = [
                session.command
                for block in blocks(page)
                for session in block.sessions
                if session.runnable and not matches(run(session), session.expected)
            ]
            for command in stale:
                print(f"{name}: {command}")
            if stale:
                changed.append(name)
        elif update(page):
            changed.append(name)
            print(f"rewritten: {name}")
    if args.check and changed:
        print(f"{len(changed)} page(s) show an output the commands no longer print")
        return 1
    if not changed:
        print("every session prints what its page shows")
    return 0


if __name__ == "__main__":
    sys.exit(main())
