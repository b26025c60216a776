"""Build hook: compile the gettext catalogues (``.po`` → ``.mo``) with Babel.

The ``.po`` files are the sources, kept in git; the ``.mo`` files are generated at build
or install time (also by ``pip install -e .``), next to their source, and shipped in the
wheel as artifacts. A catalogue that does not compile, or whose translations break the
placeholders of their message id, fails the build.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

LOCALE = Path("src/mgp_convention/locale")


def compile_catalogues(root: Path) -> list[Path]:
    """Compile every ``.po`` under ``root / LOCALE``; return the ``.mo`` files written."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    written: list[Path] = []
    for po in sorted((root / LOCALE).glob("*/LC_MESSAGES/*.po")):
        with po.open("rb") as source:
            catalog = read_po(source, locale=po.parent.parent.name)
        errors = [
            f"{po}: {message.id!r}: {error}"
            for message, message_errors in catalog.check()
            for error in message_errors
        ]
        if errors:
            raise RuntimeError("translation errors:\n" + "\n".join(errors))
        mo = po.with_suffix(".mo")
        with mo.open("wb") as target:
            write_mo(target, catalog)
        written.append(mo)
    return written


def get_build_hook() -> Any:
    """The hook class (hatchling is imported here, so that the tests can import
    :func:`compile_catalogues` without it)."""
    from hatchling.builders.hooks.plugin.interface import BuildHookInterface

    class CompileCatalogues(BuildHookInterface):  # type: ignore[type-arg,misc]
        """Compile the catalogues before each build (wheel, editable wheel, sdist)."""

        def initialize(self, version: str, build_data: dict[str, Any]) -> None:
            root = Path(self.root)
            for mo in compile_catalogues(root):
                build_data["artifacts"].append(str(mo.relative_to(root)))

    return CompileCatalogues
