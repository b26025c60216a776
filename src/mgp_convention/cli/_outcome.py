"""What the commands that write a file say: the outcome, the refusals, in words or JSON.

Shared by ``record``, ``withdraw`` and ``new``: the state and the next legal date after
a change, an event in words (« une mise en demeure, le mercredi 2 décembre 2026
(manquement B1) »), and the errors of a file that cannot be read or written — each in
the user's language, a file's name and texts made printable.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable, Iterator, Mapping
from typing import Any, NoReturn

from mgp_convention.cli._common import EXIT_INVALID, EXIT_USAGE, error_line
from mgp_convention.cli._options import about, print_lines, report_lines, say, wrap
from mgp_convention.cli._parser import speaking_lang, translate
from mgp_convention.errors import (
    ConventionError,
    EventRefused,
    FileBusyError,
    FileFormatError,
    FileWriteError,
    LoadError,
)
from mgp_convention.events import BreachEvent, BreachRecorded, Event, Signature
from mgp_convention.i18n import N_, Lang, lang_from_environment
from mgp_convention.next_step import NextStep, Urgency
from mgp_convention.printable import printable, printable_path
from mgp_convention.states import State
from mgp_convention.triggers import event_label
from mgp_convention.values import Status

__all__ = [
    "event_words",
    "next_step_json",
    "outlook_lines",
    "report_file_error",
    "report_refusal",
    "say_usage_errors",
    "state_json",
    "translate_parser_errors",
]


def event_words(event: Event, lang: Lang) -> str:
    """The event in words: what it is, its date, and who or which breach it concerns."""
    text = say(lang, N_("{what} dated {on}"), what=event_label(event, lang), on=event.on)
    if isinstance(event, Signature):
        text += say(lang, N_(" (by {party})"), party=event.party)
    elif isinstance(event, BreachRecorded) and event.breach is not None:
        text += say(
            lang,
            N_(" (breach {breach}: {obligation})"),
            breach=event.breach,
            obligation=event.obligation,
        )
    elif isinstance(event, BreachEvent) and event.breach is not None:
        text += say(lang, N_(" (breach {breach})"), breach=event.breach)
    return text


def outlook_lines(
    status: Status, step: NextStep, lang: Lang, *, before: State | None = None
) -> Iterator[str]:
    """The state on ``status.on`` (with the state before the change when it differs)
    and the next legal date with its action and article, wrapped at 80 columns."""
    state = status.state
    if before is not None and before is not state:
        text = say(
            lang,
            N_("State on {on}: {state} (before: {before})"),
            on=status.on,
            state=state,
            before=before,
        )
    else:
        text = say(lang, N_("State on {on}: {state}"), on=status.on, state=state)
    yield from wrap(text, indent="  ")
    if step.on is None:
        text = say(lang, N_("Next: {action} ({article})"), action=step.action, article=step.article)
    elif step.urgency is Urgency.OVERDUE:
        text = say(
            lang,
            N_("Next legal date: {on}, overdue — {action} ({article})"),
            on=step.on,
            action=step.action,
            article=step.article,
        )
    else:
        text = say(
            lang,
            N_("Next legal date: {on} — {action} ({article})"),
            on=step.on,
            action=step.action,
            article=step.article,
        )
    yield from wrap(text, indent="  ")


def state_json(status: Status) -> dict[str, Any]:
    """The state on a date, for ``--json``: the code and its French and English labels."""
    return {
        "on": status.on.isoformat(),
        "state": status.state.value,
        "state_label_fr": status.state.label("fr"),
        "state_label_en": status.state.label("en"),
        "final": status.state.final,
    }


def next_step_json(step: NextStep) -> dict[str, Any]:
    """The next legal date and its action, for ``--json`` (codes, French and English)."""
    return {
        "on": None if step.on is None else step.on.isoformat(),
        "code": step.code,
        "action": step.action.render("fr"),
        "action_en": step.action.render("en"),
        "article": step.article,
        "urgency": step.urgency.value,
        "breach": step.breach,
        "key": step.key,
    }


def report_refusal(err: EventRefused, name: str, lang: Lang, on: Any = None) -> None:
    """Say why the event was refused, and that the file is as it was."""
    file = printable_path(name)
    if err.index is not None:  # an event of the file itself: the file was edited by hand
        text = say(
            lang,
            N_(
                "{file}: the file's own event n° {number} is refused: {reason}; nothing "
                "written (see mgp-convention check)"
            ),
            file=file,
            number=err.index + 1,
            reason=err.text,
        )
    else:
        text = about(lang, file, err.explanation(lang))
    if err.article:
        text += f" ({err.article})"
    report_lines(lang, [text])
    error_line(say(lang, N_("Nothing was written: the file is as it was.")))


def report_file_error(err: ConventionError, name: str, lang: Lang) -> int:
    """Say why the file could not be read or written; the exit code (1)."""
    file = printable_path(name)
    if isinstance(err, FileFormatError) and not os.path.lexists(name):
        report_lines(lang, [say(lang, N_("{file}: no such file"), file=file)])
    elif isinstance(err, FileBusyError):
        text = say(
            lang,
            N_(
                "{file}: another program is writing it (its lock was held too long): "
                "nothing written; try again"
            ),
            file=file,
        )
        report_lines(lang, [text])
    elif isinstance(err, FileWriteError):
        detail = err.explanation(lang)
        report_lines(
            lang, [say(lang, N_("{file}: not written: {detail}"), file=file, detail=detail)]
        )
        error_line(say(lang, N_("Nothing was written: the file is as it was.")))
    elif isinstance(err, LoadError):
        lines = [about(lang, file, problem.render(lang)) for problem in err.problems]
        more = err.more_line()
        report_lines(lang, [*lines, *([about(lang, file, more)] if more else [])])
        error_line(
            say(
                lang,
                N_("The file is not a valid convention: correct it first (mgp-convention check)."),
            ),
        )
    else:
        names_its_file = err.field and not err.field.startswith("$")
        text = err.render(lang)
        report_lines(lang, [text if names_its_file else about(lang, file, text)])
    return EXIT_INVALID


def say_usage_errors(lang: Lang, texts: list[str], command: str) -> int:
    """Print usage errors, then where the options are described; the exit code (2)."""
    report_lines(lang, texts)
    error_line(
        say(lang, N_("'mgp-convention {command} --help' describes the options."), command=command)
    )
    return EXIT_USAGE


def translate_parser_errors(
    parser: argparse.ArgumentParser,
    command: str,
    missing: Mapping[str, Callable[[Lang], list[str]]],
) -> None:
    """Say the errors argparse finds on ``parser`` in the user's language (the
    environment's: the command line is not read yet): a missing argument named in
    ``missing`` (its metavar) by its own lines (an error, then lines as they are); any
    other (a value missing after an option) as argparse says it; then where the options
    are described — instead of argparse's usage line."""

    def error(message: str) -> NoReturn:
        # argparse says its message in the command line's language (cli._parser.speaking).
        lang = speaking_lang() or lang_from_environment()
        required = translate("the following arguments are required: %s").partition("%s")[0]
        lines = next(
            (
                say_missing(lang)
                for metavar, say_missing in missing.items()
                if message.startswith(required) and metavar in message
            ),
            [printable(message)],
        )
        report_lines(lang, lines[:1])
        for line in lines[1:]:
            error_line(line)
        parser.exit(
            EXIT_USAGE,
            say(
                lang,
                N_("'mgp-convention {command} --help' describes the options."),
                command=command,
            )
            + "\n",
        )

    setattr(parser, "error", error)  # noqa: B010 - an instance's own hook


def print_outcome(lines: list[str]) -> None:
    """Print the lines of an outcome, made printable."""
    print_lines([printable(line) for line in lines])
