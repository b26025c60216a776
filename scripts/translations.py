"""Manage the gettext catalogues with Babel: extract, update, fill, check.

    python scripts/translations.py update   # extract the messages, update fr and en
    python scripts/translations.py check    # every message has both translations

The English catalogue holds the message ids themselves (the English text is the id);
``update`` fills it, so that a message id without a translation in either language is
noticed by ``check`` (and by ``tests/test_translations.py``).
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
LOCALE = ROOT / "src" / "mgp_convention" / "locale"
POT = LOCALE / "mgp_convention.pot"
KEYWORDS = ["-k", "N_", "-k", "NP_:1,2"]


def _pybabel(*args: str) -> None:
    subprocess.run(  # noqa: S603 - our own interpreter, fixed arguments
        [sys.executable, "-m", "babel.messages.frontend", "-q", *args], check=True, cwd=ROOT
    )


#: The fixed dates written in the catalogues' headers, so that an update changes only
#: the messages.
_DATE = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
#: French takes the singular for 0 and 1; English for 1 only.
_PLURALS = {"fr": "nplurals=2; plural=(n > 1);", "en": "nplurals=2; plural=(n != 1);"}


def update() -> None:
    """Extract the message ids from the code, then update both catalogues (the English
    one holds the ids themselves)."""
    _pybabel(
        "extract",
        "-F",
        "babel.cfg",
        *KEYWORDS,
        "--no-location",
        "--sort-output",
        "--omit-header",
        "-o",
        str(POT),
        ".",
    )
    with POT.open("rb") as source:
        template = read_po(source)
    for lang in ("fr", "en"):
        path = LOCALE / lang / "LC_MESSAGES" / "mgp_convention.po"
        with path.open("rb") as source:
            catalog = read_po(source, locale=lang)
        catalog.update(template, no_fuzzy_matching=True)
        catalog.obsolete.clear()
        for message in catalog:
            if lang == "en" and message.id and not message.string:
                message.string = message.id
        _write(catalog, path, lang)


def _write(catalog: Catalog, path: Path, lang: str) -> None:
    catalog.project, catalog.version = "mgp-convention", ""
    catalog.copyright_holder = "mgp-convention developers"
    catalog.creation_date = catalog.revision_date = _DATE
    catalog.fuzzy = False
    catalog.language_team = catalog.last_translator = "mgp-convention developers"
    catalog._num_plurals, catalog._plural_expr = 2, _PLURALS[lang].split("plural=")[1].rstrip(";")
    with path.open("wb") as target:
        write_po(target, catalog, sort_output=True, no_location=True, width=100)


def missing(lang: str) -> list[str]:
    """The message ids without a translation in ``lang``."""
    with (LOCALE / lang / "LC_MESSAGES" / "mgp_convention.po").open("rb") as source:
        catalog = read_po(source, locale=lang)
    found = []
    for message in catalog:
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.id and not all(strings):
            found.append(message.id if isinstance(message.id, str) else message.id[0])
    return found


def main(argv: list[str]) -> int:
    if argv[1:] == ["update"]:
        update()
        return 0
    if argv[1:] == ["check"]:
        problems = [f"{lang}: {msgid!r}" for lang in ("fr", "en") for msgid in missing(lang)]
        print("\n".join(problems) or "every message has its French and English text")
        return 1 if problems else 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
