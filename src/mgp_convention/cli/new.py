"""``mgp-convention new FILE --reference … --siren … [--from TEMPLATE.json]``: a new file.

Writes a new convention, awaiting signature (no event), with
:func:`mgp_convention.recording.create`: never over an existing file, never with the
reference of another file of the same folder, never with the example's placeholder
reference. Every required field of the file format has an option, in English and in
French (:data:`FIELDS`); ``--from`` takes the values of a template file (a convention
file, or a part of one: the programme's market and experiment, say), which the options
override; the template's events are not taken. Every problem is reported at once, as
``check`` does, each naming its option.

Exit codes: 0 written (or, with ``--dry-run``, would be); 1 a value the file format or
the contract refuses, a file that exists or holds the reference already; 2 a command
line that cannot be used (a value missing, a malformed date or number).

Why over 400 lines: the table of every field's option (27, in French and in English) and
the template merge; the table is what the help prints.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import enum
import os
import shlex
from collections.abc import Mapping
from decimal import Decimal
from typing import Any, Final

import attrs

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
from mgp_convention.cli._options import (
    WIDTH,
    Option,
    Problem,
    about,
    add_options,
    report_lines,
    say,
    wrap,
)
from mgp_convention.cli._outcome import (
    next_step_json,
    outlook_lines,
    print_outcome,
    report_file_error,
    state_json,
    translate_parser_errors,
)
from mgp_convention.cli._parser import translate
from mgp_convention.cli._vocabulary import BODY_KIND
from mgp_convention.convention import SCHEMA_VERSION
from mgp_convention.errors import ConventionError, FileFormatError, LoadError
from mgp_convention.i18n import N_, NP_, Lang, Message
from mgp_convention.parties import normalise_siren
from mgp_convention.printable import printable_path
from mgp_convention.schedule import CalendarStep, Duration

__all__ = ["FIELDS", "register"]


@attrs.frozen
class NewField:
    """An option of ``new`` and the place of its value in the file (``path``)."""

    path: tuple[str, ...]
    option: Option
    required: bool = True


def _field(
    path: str, english: str, french: str | None, kind: Any, what: str, **kw: Any
) -> NewField:
    required = kw.pop("required", True)
    dest = "new_" + path.replace(".", "_")
    return NewField(
        tuple(path.split(".")), Option(english, french, dest, kind, what, **kw), required
    )


#: Every field of the file an option gives, in the file's order.
FIELDS: Final[tuple[NewField, ...]] = (
    _field("reference", "--reference", None, "text", N_("the convention's reference")),
    _field(
        "metropole_deliberation",
        "--metropole-deliberation",
        "--deliberation-metropole",
        "text",
        N_("the Bureau's deliberation under which the Métropole signs"),
    ),
    _field(
        "beneficiary.name",
        "--beneficiary-name",
        "--nom-beneficiaire",
        "text",
        N_("the beneficiary's name"),
    ),
    _field(
        "beneficiary.kind",
        "--beneficiary-kind",
        "--type-beneficiaire",
        "choice",
        N_("the kind of public body the beneficiary is"),
        choices=BODY_KIND,
    ),
    _field(
        "beneficiary.address",
        "--beneficiary-address",
        "--adresse-beneficiaire",
        "text",
        N_("the beneficiary's address"),
    ),
    _field("beneficiary.siren", "--siren", None, "text", N_("the beneficiary's SIREN (9 digits)")),
    _field(
        "beneficiary.representative.title",
        "--representative-title",
        "--qualite-representant",
        "text",
        N_("the title of who signs for the beneficiary (e.g. Maire)"),
    ),
    _field(
        "beneficiary.representative.civility",
        "--representative-civility",
        "--civilite-representant",
        "text",
        N_("their civility (Madame, Monsieur)"),
    ),
    _field(
        "beneficiary.representative.name",
        "--representative-name",
        "--nom-representant",
        "text",
        N_("their name"),
    ),
    _field(
        "beneficiary.authorising_act",
        "--authorising-act",
        "--acte-habilitation",
        "text",
        N_("the act that authorises them to sign"),
    ),
    _field(
        "referent.name",
        "--referent-name",
        "--nom-referent",
        "text",
        N_("the project referent's name (Art. 4)"),
        required=False,
    ),
    _field(
        "referent.email",
        "--referent-email",
        "--courriel-referent",
        "text",
        N_("the referent's e-mail address"),
        required=False,
    ),
    _field(
        "referent.phone",
        "--referent-phone",
        "--telephone-referent",
        "text",
        N_("the referent's phone number"),
        required=False,
    ),
    _field("experiment.theme", "--theme", "--thematique", "text", N_("the experiment's theme")),
    _field("experiment.solution", "--solution", None, "text", N_("the solution experimented")),
    _field(
        "experiment.objectives",
        "--objective",
        "--objectif",
        "text",
        N_("an objective of the experiment; repeat it for each one"),
        many=True,
    ),
    _field(
        "experiment.duration_months",
        "--duration-months",
        "--duree-mois",
        "count",
        N_("the experiment's duration, in months (Art. 5 al. 1)"),
    ),
    _field(
        "experiment.indicative_start",
        "--indicative-start",
        "--debut-indicatif",
        "date",
        N_("the indicative start (Art. 5 al. 1)"),
    ),
    _field(
        "experiment.calendar",
        "--calendar-step",
        "--etape",
        "step",
        N_("a step of the deployment calendar, LABEL=DURATION; repeat it for each step"),
        many=True,
        required=False,
    ),
    _field(
        "experiment.reduced_usage_after",
        "--reduced-usage-after",
        "--usage-reduit-apres",
        "date",
        N_("the set-up date beyond which usage is reduced (Art. 5 al. 5)"),
        required=False,
    ),
    _field(
        "experiment.evaluation_deadline",
        "--evaluation-deadline",
        "--date-limite-evaluation",
        "date",
        N_("the date before which the evaluation is finished (Art. 5 al. 5)"),
        required=False,
    ),
    _field(
        "experiment.evaluation_period",
        "--evaluation-period",
        "--duree-evaluation",
        "duration",
        N_("the time the evaluation needs, e.g. 2m (Art. 5 al. 5)"),
        required=False,
    ),
    _field(
        "market.reference",
        "--market-reference",
        "--reference-marche",
        "text",
        N_("the market's reference"),
    ),
    _field(
        "market.total_ttc",
        "--market-total-ttc",
        "--total-marche-ttc",
        "amount",
        N_("the market's total cost, all taxes included, in euros (e.g. 180000.00)"),
    ),
    _field(
        "market.beneficiaries",
        "--market-beneficiaries",
        "--nombre-beneficiaires",
        "count",
        N_("the number of beneficiaries of the market"),
    ),
    _field("end_date", "--end-date", "--date-fin", "date", N_("the end date (Art. 2)")),
)
_BY_PATH: Final[Mapping[tuple[str, ...], NewField]] = {field.path: field for field in FIELDS}

TEMPLATE: Final = Option(
    "--from",
    "--modele",
    "template",
    "text",
    N_("a template file whose values are used (the options override them)"),
)
DRY_RUN: Final = Option(
    "--dry-run", "--simulation", "dry_run", "flag", N_("check everything, write nothing")
)

_DESCRIPTION: Final = N_(
    "Write a new convention file, awaiting signature (no event): from the options, or "
    "from a template file (--from) whose values the options override; the template's "
    "events are not taken. Every problem is reported at once, each naming its option. "
    "An existing file is never overwritten, and a reference that another file of the "
    "same folder holds is refused, as is the example's placeholder reference. Then "
    "record the signatures with 'mgp-convention record'."
)
_USAGE: Final = N_("%(prog)s FILE [--from TEMPLATE.json] [OPTIONS]")
_EPILOG: Final = N_(
    "Amounts use a dot (180000.00); dates are YYYY-MM-DD; durations 2m, 15d, 1m15d.\n"
    "\n"
    "examples:\n"
    "  mgp-convention example > template.json\n"
    "  mgp-convention new conv.json --from template.json \\\n"
    '      --reference MGP-AM-2026-014 --beneficiary-name "Commune de …" \\\n'
    "      --siren 200054781\n"
    "\n"
    "exit status:\n"
    "  0  written (with --dry-run: would be)\n"
    "  1  refused (a value, an existing file, a reference taken)\n"
    "  2  usage error (a value missing or malformed)"
)


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    """Add ``new`` to the command line."""
    parser = subparsers.add_parser(
        "new",
        help=N_("write a new convention file, awaiting signature, from options or a template"),
        description=_DESCRIPTION,
        epilog=_EPILOG,
        usage=translate(_USAGE),
        allow_abbrev=False,
    )
    file_metavar = translate(N_("FILE"))
    parser.add_argument("file", metavar=file_metavar, help=N_("the new convention file"))
    add_options(parser, (TEMPLATE, DRY_RUN))
    parser.add_argument(
        "--json", action="store_true", help=N_("print the outcome as JSON (codes and labels)")
    )
    add_lang(parser)
    add_options(
        parser.add_argument_group(N_("the convention's values (French or English options)")),
        [field.option for field in FIELDS],
    )
    translate_parser_errors(
        parser, "new", {file_metavar: lambda lang: [say(lang, N_("give the new convention file"))]}
    )
    parser.set_defaults(run=_run)


# --- the values ---------------------------------------------------------------------------------


def _json_value(value: Any) -> Any:
    """A value read from an option, as the file holds it."""
    if isinstance(value, tuple):
        return [_json_value(item) for item in value]
    if isinstance(value, CalendarStep):
        return {"label": value.label, "duration": _json_value(value.duration)}
    if isinstance(value, Duration):
        return {"months": value.months, "days": value.days}
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, Decimal):
        return str(value)
    return value


def _put(data: dict[str, Any], path: tuple[str, ...], value: Any) -> None:
    for key in path[:-1]:
        inner = data.get(key)
        if not isinstance(inner, dict):
            inner = {}
            data[key] = inner
        data = inner
    data[path[-1]] = value


def _template(name: str) -> tuple[dict[str, Any], int]:
    """The template's values (its events left out), and how many events it had."""
    from mgp_convention import files  # noqa: PLC0415
    from mgp_convention.io import _parse  # noqa: PLC0415 - the loader's strict JSON
    from mgp_convention.versions import file_version, migrate  # noqa: PLC0415

    data = _parse(files.read_bounded(files.check_path(name)))
    if type(data) is not dict:
        raise FileFormatError("not a JSON object: a template is a convention file", field=name)
    if "schema_version" in data and data["schema_version"] != SCHEMA_VERSION:
        data = migrate(data, file_version(data))
    events = data.pop("events", None)
    data.pop("withdrawn", None)
    return data, len(events) if isinstance(events, list) else 0


def _values(args: argparse.Namespace, data: dict[str, Any]) -> list[Problem]:
    """Put each option given into ``data``; the problems of the values that cannot be
    read (usage errors)."""
    problems: list[Problem] = []
    for field in FIELDS:
        option = field.option
        raw = getattr(args, option.dest)
        if raw is None:
            continue
        items = raw if option.many else [raw]
        read = [option.read(item) for item in items]
        found = [value for value in read if isinstance(value, Problem)]
        if found:
            problems.extend(found)
            _put(data, field.path, _UNREADABLE)
            continue
        value = tuple(read) if option.many else read[0]
        if field.path[-1] == "siren" and isinstance(value, str):
            with contextlib.suppress(ConventionError):  # else said by the loader, with why
                value = normalise_siren(value)
        _put(data, field.path, _json_value(value))
    return problems


#: A value that could not be read from the command line: left out of the file, so that
#: the loader does not report it a second time (as missing).
_UNREADABLE: Final = object()


def _strip_unreadable(data: Any) -> tuple[Any, set[str]]:
    skipped: set[str] = set()

    def walk(value: Any, path: str) -> Any:
        if isinstance(value, dict):
            kept = {}
            for key, inner in value.items():
                if inner is _UNREADABLE:
                    skipped.add(f"{path}.{key}")
                    continue
                kept[key] = walk(inner, f"{path}.{key}")
            return kept
        return value

    return walk(data, "$"), skipped


def _problem_lines(
    err: LoadError, skipped: set[str], template: str | None, lang: Lang
) -> tuple[list[str], bool]:
    """The loader's problems, each naming its option (or, for a value only the template
    gives, the template); whether any is a usage error (a value missing)."""
    from mgp_convention._problems import MSG_MISSING  # noqa: PLC0415

    lines: list[str] = []
    usage = False
    for problem in err.problems:
        if problem.path in skipped:
            continue
        parts = problem.path.removeprefix("$").lstrip(".").split(".")
        path = tuple(part.split("[")[0] for part in parts if part)
        field = _BY_PATH.get(path)
        message = problem.message
        text = message if isinstance(message, str) else message.render(lang)
        if problem.article:
            text += f" ({problem.article})"
        # A value missing, or a whole part (the market): each of its values, by option.
        inside = [
            f for f in FIELDS if f.path[: len(path)] == path and (f.required or f.path == path)
        ]
        missing_key = message == MSG_MISSING or (
            isinstance(message, Message) and message.msgid == MSG_MISSING
        )
        if missing_key and inside:  # a value, or a whole part, missing
            usage = True
            lines.extend(
                say(
                    lang,
                    N_("{option} is missing: {what}"),
                    option=missing.option.shown,
                    what=Message(missing.option.what),
                )
                for missing in inside
            )
        elif field is not None:
            lines.append(about(lang, f"{field.option.label(lang)} ({problem.path})", text))
        elif template is not None:
            lines.append(about(lang, printable_path(template), about(lang, problem.path, text)))
        else:
            lines.append(about(lang, problem.path, text))
    more = err.more_line(lang)
    if more:
        lines.append(more)
    return lines, usage


def _run(args: argparse.Namespace) -> int:
    from mgp_convention.io import structure  # noqa: PLC0415

    lang = lang_of(args)
    dropped = 0
    data: dict[str, Any] = {}
    if args.template is not None:
        try:
            data, dropped = _template(args.template)
        except ConventionError as err:
            return report_file_error(err, args.template, lang)
    problems = _values(args, data)
    data, skipped = _strip_unreadable(data)
    data.setdefault("referent", None)  # no referent yet: the file says so (null)
    data.update({"schema_version": SCHEMA_VERSION, "events": [], "withdrawn": []})
    lines = [problem.render(lang) for problem in problems]
    usage = bool(problems)
    if os.path.lexists(args.file):
        lines.append(say(lang, N_("{file} already exists"), file=printable_path(args.file)))
    try:
        convention = structure(data)
    except LoadError as err:
        found, missing = _problem_lines(err, skipped, args.template, lang)
        lines.extend(found)
        usage = usage or missing
        convention = None
    if lines or convention is None:
        report_lines(lang, lines)
        error_line(say(lang, N_("Nothing was written.")))
        if usage:
            error_line(
                say(
                    lang,
                    N_("'mgp-convention {command} --help' describes the options."),
                    command="new",
                )
            )
        return EXIT_USAGE if usage else EXIT_INVALID
    try:
        done = recording.create(
            args.file, convention, today=_common.today_in_paris(), dry_run=bool(args.dry_run)
        )
    except ConventionError as err:
        if isinstance(err, recording.PlaceholderReference | recording.ReferenceTaken):
            report_lines(lang, [about(lang, printable_path(args.file), err.explanation(lang))])
            return EXIT_INVALID
        return report_file_error(err, args.file, lang)
    if args.json:
        print_json(
            {
                "file": str(done.path),
                "written": done.written,
                "reference": done.convention.reference,
                "status": state_json(done.status),
                "next_step": next_step_json(done.next_step),
                "template_events_left_out": dropped,
            }
        )
    else:
        print_outcome(_lines(done, args.file, dropped, lang))
    return EXIT_OK


def _lines(done: recording.Created, name: str, dropped: int, lang: Lang) -> list[str]:
    file = printable_path(name)
    reference = done.convention.reference
    head = (
        say(lang, N_("{file}: convention {reference} written"), file=file, reference=reference)
        if done.written
        else say(
            lang,
            N_("{file}: dry run, nothing written: convention {reference} would be written"),
            file=file,
            reference=reference,
        )
    )
    lines = wrap(head)
    lines.extend(outlook_lines(done.status, done.next_step, lang))
    if dropped:
        lines.extend(
            wrap(
                Message.counted(
                    NP_(
                        "The template's {count} event is not taken: a new convention starts "
                        "with none.",
                        "The template's {count} events are not taken: a new convention "
                        "starts with none.",
                    ),
                    "count",
                    {"count": dropped},
                ).render(lang),
                indent="  ",
            )
        )
    lines.append(say(lang, N_("Then record the signatures:")))
    party = "--partie beneficiaire" if lang == "fr" else "--party beneficiary"
    date = "AAAA-MM-JJ" if lang == "fr" else "YYYY-MM-DD"
    command = f"  mgp-convention record {shlex.quote(name)} signature {party}"
    if len(command) + len(f" --on {date}") > WIDTH:
        lines.extend([command + " \\", f"      --on {date}"])
    else:
        lines.append(f"{command} --on {date}")
    return lines
