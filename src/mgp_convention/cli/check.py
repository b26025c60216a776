"""``mgp-convention check FILE ...``: validate convention files, reporting every problem.

A valid file whose events include one dated after today (``--on``, by default today in
Europe/Paris) gets a warning on stderr for each such event (RULES.md version 2,
"Pending events": the event is kept, listed as pending by ``status``, and not applied
before its date; a mistyped year is the usual cause). A warning does not change the exit
status.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from typing import Any

from mgp_convention.cli._common import (
    EXIT_INVALID,
    EXIT_OK,
    add_lang,
    add_on,
    error_line,
    lang_of,
    on_or_today,
    read_loaded,
    report,
)
from mgp_convention.cli._parser import translate
from mgp_convention.convention import SCHEMA_VERSION, Convention
from mgp_convention.errors import ConventionError
from mgp_convention.i18n import N_, Lang, Message
from mgp_convention.lifecycle import Lifecycle
from mgp_convention.printable import printable, printable_path
from mgp_convention.triggers import event_label


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    """Add ``check`` to the command line."""
    parser = subparsers.add_parser(
        "check",
        help=N_("validate convention files"),
        description=N_(
            "Validate convention files (JSON). Exit 0 when every file is valid; otherwise "
            "exit 1 and print one line per problem on stderr, each with the file, the JSON "
            "path of the value at fault (e.g. $.beneficiary.siren) and, where a rule is "
            "broken, its article. The events are replayed through the lifecycle: an event "
            "the lifecycle refuses is reported with its index ($.events[N]). A file of an "
            "older version of the format is read as the current one (and said so); a "
            "file larger than 10 MB (MGP_CONVENTION_MAX_FILE_BYTES), or that is not a "
            "regular file, is refused; at most 100 problems are listed per file. Neither an event "
            "dated after today nor a move the contract allows with a legal risk (an advisory) is "
            "an error: a warning names it (exit status unchanged)."
        ),
        epilog=N_("Example: mgp-convention example | mgp-convention check -"),
    )
    parser.add_argument(
        "files",
        metavar=translate(N_("FILE")),
        nargs="+",
        help=N_("a convention file; '-' reads stdin"),
    )
    add_on(
        parser,
        N_(
            "the date taken as today for the warnings about events dated later, "
            "YYYY-MM-DD (default: today in Europe/Paris)"
        ),
    )
    add_lang(parser)
    parser.set_defaults(run=_run)


def _run(args: argparse.Namespace) -> int:
    lang = lang_of(args)
    today = on_or_today(args)
    code = EXIT_OK
    for name in args.files:
        try:
            loaded = read_loaded(name, lang)
            lifecycle = Lifecycle.from_convention(loaded.convention)
        except ConventionError as err:
            report(err, source=name, lang=lang)
            code = EXIT_INVALID
        else:
            reference = printable(loaded.convention.reference)
            if loaded.migrated:
                valid = Message(
                    N_(
                        "valid ({reference}; version {old} of the file format, read as "
                        "version {new})"
                    ),
                    {
                        "reference": reference,
                        "old": str(loaded.version),
                        "new": str(SCHEMA_VERSION),
                    },
                )
            else:
                valid = Message(N_("valid ({reference})"), {"reference": reference})
            print(f"{printable_path(name)}: {valid.render(lang)}")
            warnings = [
                *advisories(lifecycle, lang, source=name),
                *future_events(loaded.convention, today, lang, source=name),
            ]
            sys.stdout.flush()
            for warning in warnings:
                error_line(warning)
    sys.stdout.flush()
    return code


def advisories(lifecycle: Lifecycle, lang: Lang, *, source: str) -> list[str]:
    """A warning for each advisory of the events of ``lifecycle``: a move the contract
    allows but that carries a legal risk (RULES.md version 2, "Advisories": « ``check``
    prints them as warnings »), with the event's place in the file and its source."""
    return [
        Message(
            N_("warning: {file}: $.events[{index}]: {advisory}"),
            {
                "file": printable_path(source),
                "index": str(index),
                "advisory": advisory.render(lang),
            },
        ).render(lang)
        for index, entry in enumerate(lifecycle.history)
        for advisory in entry.advisories
    ]


def future_events(convention: Convention, today: dt.date, lang: Lang, *, source: str) -> list[str]:
    """A warning for each event of ``convention`` dated after ``today`` (RULES.md version
    2, "Pending events"): allowed, but not applied before its date."""
    warnings = []
    for index, event in enumerate(convention.events):
        if event.on <= today:
            continue
        what = event_label(event, lang)
        warning = Message(
            N_(
                "warning: {file}: the event $.events[{index}] ({what}) is dated {on}, after today "
                "({today}); it stays pending until then (a mistyped year?)"
            ),
            {
                "file": printable_path(source),
                "index": str(index),
                "what": what,
                "on": event.on,
                "today": today,
            },
        )
        warnings.append(warning.render(lang))
    return warnings
