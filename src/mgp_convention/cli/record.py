"""``mgp-convention record FILE EVENT [options] --on DATE``: append one dated event.

The event is named in French (``mise-en-demeure``) or by its code
(``formal_notice_sent``), its options too (``--reference-lettre`` or
``--letter-reference``), its values in French or as codes (``--obligation donnees`` or
``share_data``): see :mod:`mgp_convention.cli._events`, whose table ``--help`` prints.
The file is changed by :func:`mgp_convention.recording.record`: under its lock, the
whole history is replayed with the new event; a refused event is reported with its
reason and article (exit 1) and the file is left byte for byte as it was. An event
dated after today (Europe/Paris) needs ``--future`` (exit 2 without it).

Exit codes: 0 recorded (or, with ``--dry-run``, would be); 1 refused by the contract,
or a file that cannot be read or written; 2 a command line that cannot be used.
"""

from __future__ import annotations

import argparse
from typing import Any, Final

from mgp_convention import recording
from mgp_convention.cli import _common
from mgp_convention.cli._common import (
    EXIT_INVALID,
    EXIT_OK,
    EXIT_USAGE,
    add_lang,
    error_line,
    lang_of,
    print_json,
)
from mgp_convention.cli._events import (
    COMMON,
    EVENT_OPTIONS,
    FUTURE,
    ON,
    EventKind,
    build_event,
    find_kind,
    help_table,
    kinds_lines,
)
from mgp_convention.cli._options import (
    Problem,
    add_options,
    quoted,
    report_lines,
    say,
    wrap,
)
from mgp_convention.cli._outcome import (
    event_words,
    next_step_json,
    outlook_lines,
    print_outcome,
    report_file_error,
    report_refusal,
    say_usage_errors,
    state_json,
    translate_parser_errors,
)
from mgp_convention.cli._parser import speaking_lang, translate
from mgp_convention.convention import SCHEMA_VERSION
from mgp_convention.errors import ConventionError, EventRefused
from mgp_convention.i18n import N_, Lang, Message
from mgp_convention.io import unstructure
from mgp_convention.printable import printable_path
from mgp_convention.report_json import to_json

__all__ = ["register"]

_DESCRIPTION: Final = N_(
    "Append one dated event to a convention file. The event is replayed with the whole "
    "history first, under the file's lock: an event the contract does not allow is "
    "refused with its reason and article (exit 1), and the file is left byte for byte as "
    "it was. An accepted event is written (atomically, in the file's canonical layout, "
    "with its breach label filled in), then the state and the next legal date are "
    "printed. An event dated after today (Europe/Paris) needs --future. A file of "
    "version 1 of the format is written back in version 2."
)
_USAGE: Final = N_("%(prog)s FILE EVENT [OPTIONS] --on YYYY-MM-DD")
_EPILOG_END: Final = N_(
    "examples:\n"
    "  mgp-convention record conv.json signature --party beneficiary \\\n"
    "      --on 2026-11-12\n"
    "  mgp-convention record conv.json breach_recorded --obligation share_data \\\n"
    "      --impedes-experiment --on 2027-04-01\n"
    "  mgp-convention record conv.json formal_notice_sent --breach B1 \\\n"
    '      --letter-reference "1A 234 567 8901 2" --on 2027-04-02\n'
    "  mgp-convention record conv.json termination --ground breach --by metropole \\\n"
    "      --breach B1 --notified-on 2027-05-12 --on 2027-05-10\n"
    "\n"
    "exit status:\n"
    "  0  recorded (with --dry-run: would be)\n"
    "  1  refused by the contract, or the file cannot be read or written\n"
    "  2  usage error"
)


def _missing_event(lang: Lang) -> list[str]:
    return [say(lang, N_("say which event to record:")), *kinds_lines(lang)]


def _missing_file(lang: Lang) -> list[str]:
    return [say(lang, N_("give the convention file, then the event to record"))]


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    """Add ``record`` to the command line."""
    lang: Lang = speaking_lang() or "en"
    parser = subparsers.add_parser(
        "record",
        help=N_("record a dated event in a convention file (the tool writes it, safely)"),
        description=_DESCRIPTION,
        epilog=help_table(lang) + "\n\n" + translate(_EPILOG_END),
        usage=translate(_USAGE),
        allow_abbrev=False,
    )
    file_metavar, event_metavar = translate(N_("FILE")), translate(N_("EVENT"))
    parser.add_argument("file", metavar=file_metavar, help=N_("the convention file"))
    parser.add_argument(
        "event",
        metavar=event_metavar,
        help=N_("the event: its code or its French name (table below)"),
    )
    add_options(parser, COMMON)
    parser.add_argument(
        "--json", action="store_true", help=N_("print the outcome as JSON (codes and labels)")
    )
    add_lang(parser)
    add_options(
        parser.add_argument_group(N_("the events' own options (see the table below)")),
        EVENT_OPTIONS,
    )
    translate_parser_errors(
        parser, "record", {file_metavar: _missing_file, event_metavar: _missing_event}
    )
    parser.set_defaults(run=_run)


def _unknown_event(name: str, lang: Lang) -> int:
    """Say that ``name`` is no event, and list every event in ``lang``: exit 2."""
    report_lines(lang, [say(lang, N_("unknown event {name}; the events are:"), name=quoted(name))])
    for line in kinds_lines(lang):
        error_line(line)
    error_line(
        say(lang, N_("'mgp-convention {command} --help' describes the options."), command="record")
    )
    return EXIT_USAGE


def _read(kind: EventKind, args: argparse.Namespace) -> tuple[Any, list[Problem]]:
    """The event the command line gives, or every problem with it."""
    values = vars(args)
    problems: list[Problem] = []
    on: Any = None
    if args.on is None:
        problems.append(
            Problem(
                Message(
                    N_("{option} is missing: {what}"),
                    {"option": ON.shown, "what": Message(ON.what)},
                )
            )
        )
    else:
        on = ON.read(args.on)
        if isinstance(on, Problem):
            problems.append(on)
            on = None
    event, found = build_event(kind, on, values)
    return event, [*problems, *found]


def _run(args: argparse.Namespace) -> int:
    lang = lang_of(args)
    kind = find_kind(args.event)
    if kind is None:
        return _unknown_event(args.event, lang)
    event, problems = _read(kind, args)
    if problems or event is None:
        return say_usage_errors(lang, [problem.render(lang) for problem in problems], "record")
    today = _common.today_in_paris()
    try:
        done = recording.record(
            args.file, event, today=today, future=bool(args.future), dry_run=bool(args.dry_run)
        )
    except recording.FutureEventError as err:
        text = say(
            lang,
            N_(
                "the event is dated {on}, after today ({today}): a mistyped year? If it is "
                "intended, add {option}"
            ),
            on=err.on,
            today=err.today,
            option=FUTURE.shown,
        )
        return say_usage_errors(lang, [text], "record")
    except EventRefused as err:
        if args.json:
            print_json({"file": args.file, "written": False, "refused": _refusal_json(err)})
        report_refusal(err, args.file, lang)
        return EXIT_INVALID
    except ConventionError as err:
        return report_file_error(err, args.file, lang)
    if args.json:
        print_json(_json(done))
    else:
        print_outcome(_lines(done, args.file, lang))
    return EXIT_OK


def _lines(done: recording.Recorded, name: str, lang: Lang) -> list[str]:
    file = printable_path(name)
    number = done.entry.index + 1
    what = event_words(done.event, lang)
    head = (
        say(
            lang,
            N_("{file}: event n° {number} recorded: {what}"),
            file=file,
            number=number,
            what=what,
        )
        if done.written
        else say(
            lang,
            N_("{file}: dry run, nothing written: event n° {number} would be recorded: {what}"),
            file=file,
            number=number,
            what=what,
        )
    )
    lines = wrap(head)
    lines.extend(outlook_lines(done.status, done.next_step, lang, before=done.entry.state_before))
    for advisory in done.entry.advisories:
        lines.extend(wrap(say(lang, N_("Advisory: {text}"), text=advisory.render(lang)), "  "))
    if done.migrated:
        text = (
            N_("The file was in version {old} of the format: it is now written in version {new}.")
            if done.written
            else N_(
                "The file is in version {old} of the format: it would be written in version {new}."
            )
        )
        lines.extend(wrap(say(lang, text, old=done.version, new=SCHEMA_VERSION), "  "))
    return lines


def _refusal_json(err: EventRefused) -> dict[str, Any]:
    return {
        "event": err.event,
        "state": err.state,
        "reason": err.explain_reason("fr"),
        "reason_en": err.explain_reason("en"),
        "article": err.article,
        "index": err.index,
    }


def _json(done: recording.Recorded) -> dict[str, Any]:
    index = done.entry.index
    return {
        "file": str(done.path),
        "written": done.written,
        "index": index,
        "event": unstructure(done.convention)["events"][index],
        "state_before": done.entry.state_before.value,
        "state_after": done.entry.state_after.value,
        "status": state_json(done.status),
        "advisories": to_json(done.entry.advisories),
        "next_step": next_step_json(done.next_step),
        "migrated_from": done.version if done.migrated else None,
    }
