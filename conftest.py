"""pytest's settings for the whole repository; the tests' own fixtures are in
``tests/conftest.py``.

The README's test command collects the doctests of ``docs/`` too. The site's build
extensions there import MkDocs and griffe, which only the ``docs`` extra installs: without
it, they are left out (as ``tests/test_docs.py`` skips the site's build), so that
``pip install -e ".[test]"`` then ``python -m pytest`` works on a fresh machine.
"""

from __future__ import annotations

import importlib.util

collect_ignore: list[str] = []
if importlib.util.find_spec("mkdocs") is None:
    collect_ignore.append("docs/_hooks.py")
if importlib.util.find_spec("griffe") is None:
    collect_ignore.append("docs/_griffe_ext.py")
