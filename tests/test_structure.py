"""The package's structure, as issue 17 set it: one job per module, no import circle,
each command importing only what it needs.

These read the source (its syntax tree) or run a fresh interpreter; they check no rule
of the contract, only that the structure a newcomer relies on does not drift back.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "src"
PACKAGE = SOURCE / "mgp_convention"
#: Above this many lines a module says why in its docstring (issue 17, item 4).
LONG = 400


def _modules() -> dict[str, Path]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        name = ".".join(path.relative_to(SOURCE).with_suffix("").parts)
        found[name.removesuffix(".__init__")] = path
    return found


MODULES = _modules()


def _imported(name: str, path: Path) -> set[str]:
    """The package's modules ``name`` imports when it is imported (not under
    ``if TYPE_CHECKING:`` nor inside a function)."""
    found: set[str] = set()
    package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            parts = package[: len(package) - node.level + 1] if node.level else []
            base = ".".join([*parts, *([node.module] if node.module else [])])
            for alias in node.names:
                full = f"{base}.{alias.name}"
                found.add(full if full in MODULES else base)
    return {module for module in found if module in MODULES and module != name}


def _circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    circles: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        for other in sorted(graph[module]):
            if other not in index:
                visit(other)
                low[module] = min(low[module], low[other])
            elif other in stack:
                low[module] = min(low[module], index[other])
        if low[module] == index[module]:
            component = []
            while (top := stack.pop()) != module:
                component.append(top)
            if component:
                circles.append(sorted([module, *component]))

    for module in sorted(graph):
        if module not in index:
            visit(module)
    return circles


def test_no_module_imports_itself_through_others() -> None:
    graph = {name: _imported(name, path) for name, path in MODULES.items()}
    assert _circles(graph) == []


def test_the_circle_finder_finds_a_circle() -> None:
    # So that the test above can fail: a → b → c → a is found, d is not in it.
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a", "d"}, "d": set()}
    assert _circles(graph) == [["a", "b", "c"]]


@pytest.mark.parametrize("name", sorted(MODULES))
def test_a_long_module_says_why_in_its_docstring(name: str) -> None:
    source = MODULES[name].read_text(encoding="utf-8")
    if len(source.splitlines()) <= LONG:
        return
    docstring = ast.get_docstring(ast.parse(source)) or ""
    assert f"Why over {LONG} lines:" in docstring, f"{name}: over {LONG} lines, no reason given"


#: What ``status`` never needs: the table, the calendar, the documents, the report.
HEAVY = ("rich", "icalendar", "docxtpl", "docx", "openpyxl", "jinja2")


def test_status_imports_neither_the_table_nor_the_calendar_nor_the_documents() -> None:
    example = ROOT / "examples" / "01-valmont-signee.json"
    code = (
        "import sys\n"
        "from mgp_convention.cli import main\n"
        "try:\n"
        f"    main(['status', {str(example)!r}, '--on', '2026-12-01', '--json'])\n"
        "except SystemExit:\n"
        "    pass\n"
        f"print(*[m for m in {HEAVY!r} if m in sys.modules], file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert '"state"' in done.stdout, done.stderr
    assert done.stderr.strip() == ""
