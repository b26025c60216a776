"""``mgp-convention withdraw FILE N --reason TEXT [--on DATE]``: take back event N.

An event recorded by mistake (a wrong date, the wrong breach) is taken back with
:func:`mgp_convention.recording.withdraw`: only when the events left still replay, and
never silently — it stays in the file, under ``withdrawn``, with the reason and the date
of the withdrawal (today in Europe/Paris, or ``--on``). ``N`` counts the file's events
from 1, as ``record`` numbers them (« événement n° 3 »); ``dernier`` or ``last`` is the
last one. ``status`` lists the events withdrawn.

Exit codes: 0 withdrawn (or, with ``--dry-run``, would be); 1 refused (no such event,
or a later event depends on it) or a file that cannot be read or written; 2 a command
line that cannot be used.
"""

from __future__ import annotations

import argparse
from typing import Any, Final

from mgp_convention import recording
from mgp_convention.cli import _common
from mgp_convention.cli._common import (
    EXIT_INVALID,
    EXIT_OK,
    add_lang,
    error_line,
    lang_of,
    print_json,
)
from mgp_convention.cli._options import (
    Option,
    Problem,
    about,
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
    say_usage_errors,
    state_json,
    translate_parser_errors,
)
from mgp_convention.cli._parser import translate
from mgp_convention.cli._vocabulary import normalise
from mgp_convention.errors import ConventionError
from mgp_convention.events import Event
from mgp_convention.i18n import N_, Lang, Message
from mgp_convention.io import read_file, unstructure
from mgp_convention.printable import printable_path

__all__ = ["register"]

REASON: Final = Option(
    "--reason", "--raison", "reason", "text", N_("why the event is taken back: the mistake")
)
ON: Final = Option(
    "--on",
    "--le",
    "on",
    "date",
    N_("the date of the withdrawal, YYYY-MM-DD (default: today in Europe/Paris)"),
)
DRY_RUN: Final = Option(
    "--dry-run", "--simulation", "dry_run", "flag", N_("show the outcome, write nothing")
)
#: The words for the last event.
_LAST: Final = frozenset({"dernier", "last"})

_DESCRIPTION: Final = N_(
    "Take back event N of a convention file, recorded by mistake: N counts the events "
    "from 1, as 'record' numbers them ('last': the last one). Only when the events left "
    "still replay: an event that a later one depends on (a breach and its formal notice) "
    "is refused — take back the later ones first, from the last. Nothing is erased: the "
    'event stays in the file, under "withdrawn", with the reason and the date of the '
    "withdrawal, and 'status' lists it."
)
_USAGE: Final = N_("%(prog)s FILE N --reason TEXT [--on YYYY-MM-DD]")
_EPILOG: Final = N_(
    "examples:\n"
    '  mgp-convention withdraw conv.json 4 --reason "wrong date: the 3rd, not 2nd"\n'
    '  mgp-convention withdraw conv.json last --reason "recorded twice" --dry-run\n'
    "\n"
    "exit status:\n"
    "  0  withdrawn (with --dry-run: would be)\n"
    "  1  refused (no such event, or a later event depends on it), or the file\n"
    "     cannot be read or written\n"
    "  2  usage error"
)


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    """Add ``withdraw`` to the command line."""
    parser = subparsers.add_parser(
        "withdraw",
        help=N_("take back an event recorded by mistake (it is kept in the file, withdrawn)"),
        description=_DESCRIPTION,
        epilog=_EPILOG,
        usage=translate(_USAGE),
        allow_abbrev=False,
    )
    file_metavar = translate(N_("FILE"))
    parser.add_argument("file", metavar=file_metavar, help=N_("the convention file"))
    parser.add_argument(
        "number", metavar="N", help=N_("the event's number, from 1 ('last': the last one)")
    )
    add_options(parser, (REASON, ON, DRY_RUN))
    parser.add_argument(
        "--json", action="store_true", help=N_("print the outcome as JSON (codes and labels)")
    )
    add_lang(parser)
    translate_parser_errors(
        parser,
        "withdraw",
        {
            "N": lambda lang: [say(lang, N_("say which event to take back: its number, from 1"))],
            file_metavar: lambda lang: [
                say(lang, N_("give the convention file, then the event's number"))
            ],
        },
    )
    parser.set_defaults(run=_run)


def _number(text: str) -> int | Problem | None:
    """The event's position from 0; ``None`` for the last; a problem otherwise."""
    if normalise(text) in _LAST:
        return None
    stripped = text.strip().removeprefix("n°").strip()
    if stripped.isascii() and stripped.isdigit() and int(stripped) >= 1:
        return int(stripped) - 1
    return Problem(
        Message(
            N_("{value} is not an event's number: 1 for the first event, or 'last'"),
            {"value": quoted(text)},
        )
    )


def _events_lines(events: tuple[Event, ...], lang: Lang) -> list[str]:
    """The file's events, numbered from 1, in words."""
    lines: list[str] = []
    for position, event in enumerate(events, start=1):
        lines.extend(wrap(f"n° {position} — {event_words(event, lang)}", indent="  "))
    return lines


def _run(args: argparse.Namespace) -> int:
    lang = lang_of(args)
    problems: list[Problem] = []
    index = _number(args.number)
    if isinstance(index, Problem):
        problems.append(index)
    if args.reason is None:
        problems.append(
            Problem(
                Message(
                    N_("{option} is missing: {what}"),
                    {"option": REASON.shown, "what": Message(REASON.what)},
                )
            )
        )
    else:
        reason = REASON.read(args.reason)
        if isinstance(reason, Problem):
            problems.append(reason)
    on = _common.today_in_paris() if args.on is None else ON.read(args.on)
    if isinstance(on, Problem):
        problems.append(on)
    if problems or isinstance(index, Problem):
        return say_usage_errors(lang, [problem.render(lang) for problem in problems], "withdraw")
    try:
        done = recording.withdraw(
            args.file,
            -1 if index is None else index,
            reason=args.reason,
            on=on,
            dry_run=bool(args.dry_run),
        )
    except recording.NoSuchEvent as err:
        return _no_such_event(err, args.file, lang)
    except recording.WithdrawalRefused as err:
        if args.json:
            print_json({"file": args.file, "written": False, "refused": _refusal_json(err)})
        text = about(lang, printable_path(args.file), err.explanation(lang))
        report_lines(lang, [text + (f" ({err.article})" if err.article else "")])
        error_line(say(lang, N_("Nothing was written: the file is as it was.")))
        return EXIT_INVALID
    except ConventionError as err:
        return report_file_error(err, args.file, lang)
    if args.json:
        print_json(_json(done))
    else:
        print_outcome(_lines(done, args.file, lang))
    return EXIT_OK


def _no_such_event(err: recording.NoSuchEvent, name: str, lang: Lang) -> int:
    report_lines(lang, [about(lang, printable_path(name), err.explanation(lang))])
    try:
        events = read_file(name).convention.events
    except ConventionError:  # pragma: no cover - read a moment ago
        events = ()
    if events:
        error_line(say(lang, N_("The file's events:")))
        for line in _events_lines(events, lang):
            error_line(line)
    return EXIT_INVALID


def _lines(done: recording.Withdrawn, name: str, lang: Lang) -> list[str]:
    file = printable_path(name)
    taken = done.withdrawn
    what = event_words(taken.event, lang)
    number = taken.index + 1
    head = (
        say(
            lang,
            N_("{file}: event n° {number} taken back: {what}"),
            file=file,
            number=number,
            what=what,
        )
        if done.written
        else say(
            lang,
            N_("{file}: dry run, nothing written: event n° {number} would be taken back: {what}"),
            file=file,
            number=number,
            what=what,
        )
    )
    lines = wrap(head)
    lines.extend(
        wrap(
            say(
                lang,
                N_(
                    "It stays in the file, among the events withdrawn, with the reason and "
                    "the date: {on}."
                ),
                on=taken.withdrawn_on,
            ),
            indent="  ",
        )
    )
    lines.extend(outlook_lines(done.status, done.next_step, lang))
    if done.migrated:
        lines.extend(
            wrap(
                say(
                    lang,
                    N_(
                        "The file was in version {old} of the format: it is now written in "
                        "version {new}."
                    ),
                    old=done.version,
                    new=done.convention.schema_version,
                ),
                indent="  ",
            )
        )
    return lines


def _refusal_json(err: recording.WithdrawalRefused) -> dict[str, Any]:
    return {
        "index": err.index,
        "later_index": err.later,
        "reason": err.explanation("fr"),
        "reason_en": err.explanation("en"),
        "article": err.article,
    }


def _json(done: recording.Withdrawn) -> dict[str, Any]:
    return {
        "file": str(done.path),
        "written": done.written,
        "withdrawn": unstructure(done.convention)["withdrawn"][-1],
        "status": state_json(done.status),
        "next_step": next_step_json(done.next_step),
        "migrated_from": done.version if done.migrated else None,
    }
