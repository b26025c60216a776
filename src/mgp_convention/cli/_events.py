"""The events ``mgp-convention record`` records: their French names, codes and options.

One table (:data:`EVENT_KINDS`) drives the command: the names a person may type for
each event of RULES.md (its French name, its code, a few aliases), what it records, and
the options that give its fields — French or English flags, values in French or as
codes (:mod:`mgp_convention.cli._vocabulary`). ``record --help`` prints the same table
(:func:`help_table`), so the help cannot drift from what the command accepts.

:func:`build_event` reads the options given for one kind of event and builds the event,
or lists **every** problem of the command line at once, each naming its option in the
user's language.

>>> find_kind("Mise en demeure").code, find_kind("formal_notice_sent").french
('formal_notice_sent', 'mise-en-demeure')
>>> find_kind("résiliation").cls.__name__
'Termination'

Why over 400 lines: one table (:data:`EVENT_KINDS`, 13 kinds of event with their names
and options) drives the command and its help; its readers stay next to it so that the
help cannot drift from what is accepted.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from typing import Any, Final

import attrs

from mgp_convention.cli._options import Option, Problem, flag_names, wrap
from mgp_convention.cli._vocabulary import (
    BASIS,
    BY,
    CAUSE,
    GROUND,
    OBLIGATION,
    PARTY,
    normalise,
)
from mgp_convention.errors import ConventionError
from mgp_convention.events import (
    AmendmentSigned,
    BeneficiaryReady,
    BreachRecorded,
    BreachRemedied,
    Changes,
    DelayReported,
    Event,
    ExperimentStarted,
    ExperimentStopped,
    FormalNoticeSent,
    Ground,
    JustificationsExamined,
    Obligation,
    ProcurementUnsuccessful,
    RepresentativesHeard,
    Signature,
    Termination,
)
from mgp_convention.i18n import N_, Lang, Message, gettext_in

__all__ = [
    "COMMON",
    "EVENT_KINDS",
    "EVENT_OPTIONS",
    "EventKind",
    "Field",
    "all_options",
    "build_event",
    "find_kind",
    "help_table",
    "kinds_lines",
]

# --- the options ----------------------------------------------------------------------------

ON = Option("--on", "--le", "on", "date", N_("the date of the event, YYYY-MM-DD"))
FUTURE = Option(
    "--future",
    "--futur",
    "future",
    "flag",
    N_("record an event dated after today (a mistyped year is the usual cause)"),
)
DRY_RUN = Option(
    "--dry-run", "--simulation", "dry_run", "flag", N_("show the outcome, write nothing")
)
#: The options every event takes.
COMMON: Final = (ON, FUTURE, DRY_RUN)

PARTY_OPT = Option("--party", "--partie", "party", "choice", N_("the party that signs"), PARTY)
CAUSE_OPT = Option("--cause", None, "cause", "choice", N_("who caused the delay"), CAUSE)
DETAILS = Option("--details", None, "details", "text", N_("what happened, in a few words"))
BREACH = Option(
    "--breach",
    "--manquement",
    "breach",
    "label",
    N_("the breach concerned (B1, B2…); may be left out while exactly one breach is open"),
)
NEW_BREACH = attrs.evolve(
    BREACH, what=N_("the new breach's label (default: B1, B2… in the order of recording)")
)
OBLIGATION_OPT = Option(
    "--obligation", None, "obligation", "choice", N_("the obligation not met"), OBLIGATION
)
IMPEDES = Option(
    "--impedes-experiment",
    "--empeche",
    "impedes",
    "flag",
    N_("the breach prevents the start or the proper running of the experiment"),
)
DOES_NOT_IMPEDE = Option(
    "--does-not-impede",
    "--n-empeche-pas",
    "does_not_impede",
    "flag",
    N_("the breach does not prevent the experiment"),
)
LETTER = Option(
    "--letter-reference",
    "--reference-lettre",
    "letter_reference",
    "text",
    N_("the reference of the registered letter with acknowledgement of receipt"),
)
RECEIVED = Option(
    "--received-on",
    "--recue-le",
    "received_on",
    "date",
    N_("the date the letter was received, when known"),
)
ACCEPTED_LATE = Option(
    "--accepted-late",
    "--retard-accepte",
    "accepted_late",
    "flag",
    N_("the Métropole accepts a remedy made after the deadline"),
)
REASON = Option("--reason", "--raison", "reason", "text", N_("the reason, in words"))
DEFINITIVE = Option(
    "--definitive",
    "--definitif",
    "definitive",
    "flag",
    N_("the procurement will not be relaunched: the convention lapses"),
)
GROUND_OPT = Option(
    "--ground", "--motif", "ground", "choice", N_("the ground of the termination"), GROUND
)
BY_OPT = Option("--by", "--par", "by", "choice", N_("who terminates (default: the Métropole)"), BY)
BASIS_OPT = Option(
    "--basis",
    "--fondement",
    "basis",
    "choice",
    N_("for the beneficiary's general interest: its kind"),
    BASIS,
)
NOTIFIED = Option(
    "--notified-on",
    "--notifiee-le",
    "notified_on",
    "date",
    N_("the date the other party received the decision"),
)
EFFECTIVE = Option(
    "--effective-on",
    "--effet-le",
    "effective_on",
    "date",
    N_("the date the termination takes effect (default: its notification)"),
)
END_DATE = Option("--end-date", "--date-fin", "end_date", "date", N_("the new end date"))
DURATION = Option(
    "--duration-months",
    "--duree-mois",
    "duration_months",
    "count",
    N_("the new duration of the experiment, in months"),
)
START = Option(
    "--indicative-start",
    "--debut-indicatif",
    "indicative_start",
    "date",
    N_("the new indicative start"),
)
REDUCED = Option(
    "--reduced-usage-after",
    "--usage-reduit-apres",
    "reduced_usage_after",
    "date",
    N_("the new set-up date beyond which usage is reduced"),
)
EVALUATION_DEADLINE = Option(
    "--evaluation-deadline",
    "--date-limite-evaluation",
    "evaluation_deadline",
    "date",
    N_("the new date before which the evaluation is finished"),
)
EVALUATION_PERIOD = Option(
    "--evaluation-period",
    "--duree-evaluation",
    "evaluation_period",
    "duration",
    N_("the new time the evaluation needs, e.g. 2m"),
)
CALENDAR = Option(
    "--calendar-step",
    "--etape",
    "calendar",
    "step",
    N_("a step of the new deployment calendar, LABEL=DURATION; repeat it for each step"),
    many=True,
)
MARKET_TOTAL = Option(
    "--market-total-ttc",
    "--total-marche-ttc",
    "market_total_ttc",
    "amount",
    N_("the market's new total cost, all taxes included, in euros"),
)
MARKET_BENEFICIARIES = Option(
    "--market-beneficiaries",
    "--nombre-beneficiaires",
    "market_beneficiaries",
    "count",
    N_("the new number of beneficiaries of the market"),
)
_CHANGES: Final = (
    END_DATE,
    DURATION,
    START,
    REDUCED,
    EVALUATION_DEADLINE,
    EVALUATION_PERIOD,
    CALENDAR,
    MARKET_TOTAL,
    MARKET_BENEFICIARIES,
)


# --- the events -----------------------------------------------------------------------------


@attrs.frozen
class Field:
    """An option of one kind of event, and whether that event requires it."""

    option: Option
    required: bool = False


@attrs.frozen
class EventKind:
    """One kind of event: its class, the French name a person types (and aliases),
    what it records (an English id marked ``N_``), its options."""

    cls: type[Event]
    french: str
    what: str
    fields: tuple[Field, ...] = ()
    aliases: tuple[str, ...] = ()

    @property
    def code(self) -> str:
        """The event's type in a file (``formal_notice_sent``)."""
        return self.cls.type

    @property
    def options(self) -> tuple[Option, ...]:
        """Its own options (besides :data:`COMMON`)."""
        return tuple(field.option for field in self.fields)

    def name(self, lang: Lang) -> str:
        """What to type for it in ``lang``: its French name, or its code."""
        return self.french if lang == "fr" else self.code

    def label(self, lang: Lang) -> str:
        """Its name in ``lang`` (as a message parameter)."""
        return self.name(lang)


def _f(option: Option, *, required: bool = False) -> Field:
    return Field(option, required)


EVENT_KINDS: Final[tuple[EventKind, ...]] = (
    EventKind(
        Signature,
        "signature",
        N_("a party signs; the last signature puts the convention in force (Art. 2)"),
        (_f(PARTY_OPT, required=True),),
    ),
    EventKind(
        DelayReported,
        "retard",
        N_("the planned start is missed, and who caused it (Art. 5 al. 3–4)"),
        (_f(CAUSE_OPT, required=True), _f(DETAILS)),
        aliases=("retard-signale",),
    ),
    EventKind(
        BeneficiaryReady,
        "beneficiaire-pret",
        N_("the beneficiary states it can host the experiment (Art. 5 al. 3)"),
        (_f(DETAILS),),
    ),
    EventKind(
        ExperimentStarted,
        "debut-experimentation",
        N_("the solution is deployed and in use (Art. 5)"),
        aliases=("demarrage",),
    ),
    EventKind(
        BreachRecorded,
        "manquement",
        N_("a breach by the beneficiary of one of its obligations (Art. 9, Art. 12)"),
        (
            _f(OBLIGATION_OPT, required=True),
            _f(IMPEDES),
            _f(DOES_NOT_IMPEDE),
            _f(NEW_BREACH),
            _f(DETAILS),
        ),
    ),
    EventKind(
        FormalNoticeSent,
        "mise-en-demeure",
        N_("the registered letter is sent: the thirty days start (Art. 12 al. 2)"),
        (_f(LETTER, required=True), _f(BREACH), _f(RECEIVED)),
    ),
    EventKind(
        BreachRemedied,
        "remediation",
        N_("the beneficiary remedies the breach (Art. 12 al. 2)"),
        (_f(BREACH), _f(ACCEPTED_LATE)),
        aliases=("remedie",),
    ),
    EventKind(
        JustificationsExamined,
        "examen-justificatifs",
        N_("the beneficiary's justifications are examined (Art. 9)"),
        (_f(BREACH),),
    ),
    EventKind(
        RepresentativesHeard,
        "audition-representants",
        N_("the beneficiary's representatives are heard (Art. 9)"),
        (_f(BREACH),),
    ),
    EventKind(
        ExperimentStopped,
        "arret-experimentation",
        N_("the Métropole ends the experiment for a breach; the convention stays (Art. 9)"),
        (_f(REASON, required=True), _f(BREACH)),
        aliases=("fin-experimentation",),
    ),
    EventKind(
        ProcurementUnsuccessful,
        "marche-infructueux",
        N_("the procurement of Art. 3 was unsuccessful (Art. 3)"),
        (_f(DEFINITIVE), _f(DETAILS)),
        aliases=("procedure-infructueuse",),
    ),
    EventKind(
        AmendmentSigned,
        "avenant",
        N_("an amendment signed by the parties; give what it changes (Art. 11)"),
        tuple(_f(option) for option in _CHANGES),
    ),
    EventKind(
        Termination,
        "resiliation",
        N_("the convention is terminated early, on a ground (Art. 5, 9, 12)"),
        (
            _f(GROUND_OPT, required=True),
            _f(BY_OPT),
            _f(REASON),
            _f(BASIS_OPT),
            _f(NOTIFIED),
            _f(EFFECTIVE),
            _f(BREACH),
        ),
    ),
)

_BY_WORD: Final[Mapping[str, EventKind]] = {
    normalise(word): kind
    for kind in EVENT_KINDS
    for word in (kind.french, kind.code, *kind.aliases)
}


def find_kind(text: str) -> EventKind | None:
    """The kind of event ``text`` names (French name, alias or code), else ``None``."""
    return _BY_WORD.get(normalise(text))


#: The options of the events, in ``--help`` order (each kind's are among them).
EVENT_OPTIONS: Final[tuple[Option, ...]] = (
    PARTY_OPT,
    CAUSE_OPT,
    OBLIGATION_OPT,
    IMPEDES,
    DOES_NOT_IMPEDE,
    BREACH,
    LETTER,
    RECEIVED,
    ACCEPTED_LATE,
    GROUND_OPT,
    BY_OPT,
    BASIS_OPT,
    NOTIFIED,
    EFFECTIVE,
    REASON,
    DETAILS,
    DEFINITIVE,
    *_CHANGES,
)


def all_options() -> tuple[Option, ...]:
    """Every option: the common ones, then :data:`EVENT_OPTIONS`."""
    return (*COMMON, *EVENT_OPTIONS)


def kinds_lines(lang: Lang) -> list[str]:
    """Every event in ``lang``, one per line (wrapped): its name to type, what it records."""
    width = max(len(kind.name(lang)) for kind in EVENT_KINDS)
    lines: list[str] = []
    for kind in EVENT_KINDS:
        lines.extend(
            wrap(
                f"{kind.name(lang):<{width}}  {gettext_in(lang, kind.what)}",
                indent="  ",
                hang=" " * (width + 4),
            )
        )
    return lines


# --- reading the options of one event --------------------------------------------------------


def _problem(msgid: str, **params: Any) -> Problem:
    return Problem(Message(msgid, params))


def _given(values: Mapping[str, Any], option: Option) -> bool:
    return values.get(option.dest) is not None


def _read_all(kind: EventKind, values: Mapping[str, Any]) -> tuple[dict[str, Any], list[Problem]]:
    """Each option of ``kind`` given, read; the problems: options that do not apply,
    required ones missing, values that cannot be read."""
    problems: list[Problem] = []
    known = {option.dest for option in (*COMMON, *kind.options)}
    for option in all_options():
        if option.dest not in known and _given(values, option):
            own = kind.options
            problems.append(
                _problem(
                    N_("{option} does not apply to {event}: its options are {options}"),
                    option=option.shown,
                    event=kind,
                    options=_Options(own),
                )
                if own
                else _problem(
                    N_("{option} does not apply to {event}, which takes only a date"),
                    option=option.shown,
                    event=kind,
                )
            )
    read: dict[str, Any] = {}
    for field in kind.fields:
        option = field.option
        raw = values.get(option.dest)
        if raw is None:
            if field.required:
                problems.append(
                    _problem(
                        N_("{option} is missing: {what}"),
                        option=option.shown,
                        what=Message(option.what),
                    )
                )
            continue
        items = raw if option.many else [raw]
        parsed = [option.read(item) for item in items]
        problems.extend(value for value in parsed if isinstance(value, Problem))
        read[option.dest] = tuple(parsed) if option.many else parsed[0]
    return read, problems


@attrs.frozen
class _Options:
    options: tuple[Option, ...]

    def label(self, lang: Lang) -> str:
        return flag_names(self.options, lang)


def _impedes(read: Mapping[str, Any], obligation: Any) -> tuple[bool | None, list[Problem]]:
    yes, no = read.get(IMPEDES.dest), read.get(DOES_NOT_IMPEDE.dest)
    if yes and no:
        return None, [
            _problem(
                N_("{yes} and {no} say opposite things: give one"),
                yes=IMPEDES.shown,
                no=DOES_NOT_IMPEDE.shown,
            )
        ]
    if obligation is Obligation.READY_ON_PLANNED_DATE:
        if no:
            return None, [
                _problem(
                    N_(
                        "not being ready on the planned date prevents the start by nature: "
                        "{no} cannot be given (Art. 5 al. 3)"
                    ),
                    no=DOES_NOT_IMPEDE.shown,
                )
            ]
        return True if yes else None, []
    if not yes and not no:
        return None, [
            _problem(
                N_(
                    "say whether the breach prevents the start or the proper running of the "
                    "experiment: {yes} or {no} (Art. 12 al. 3)"
                ),
                yes=IMPEDES.shown,
                no=DOES_NOT_IMPEDE.shown,
            )
        ]
    return bool(yes), []


def _coherence(kind: EventKind, on: dt.date | None, read: dict[str, Any]) -> list[Problem]:
    """The rules between fields of one event (events.py checks them too, in English)."""
    problems: list[Problem] = []
    if kind.cls is BreachRecorded:
        obligation = read.get(OBLIGATION_OPT.dest)
        if obligation is Obligation.OTHER and DETAILS.dest not in read:
            problems.append(
                _problem(
                    N_("a breach of another obligation says which one in {option}"),
                    option=DETAILS.shown,
                )
            )
        impedes, found = _impedes(read, obligation)
        problems.extend(found)
        read["impedes_experiment"] = impedes
    if kind.cls is Termination:
        ground = read.get(GROUND_OPT.dest)
        if BASIS_OPT.dest in read and ground not in (None, Ground.GENERAL_INTEREST):
            problems.append(
                _problem(
                    N_("{option} is given only for a termination on the ground {ground}"),
                    option=BASIS_OPT.shown,
                    ground=Ground.GENERAL_INTEREST,
                )
            )
        if BREACH.dest in read and isinstance(ground, Ground) and not ground.names_breach:
            problems.append(
                _problem(
                    N_(
                        "{option} names a breach only for a termination on the ground of a "
                        "breach, a sanction or not being ready"
                    ),
                    option=BREACH.shown,
                )
            )
    for later, earlier in ((RECEIVED, ON), (NOTIFIED, ON), (EFFECTIVE, NOTIFIED), (EFFECTIVE, ON)):
        day = read.get(later.dest)
        before = on if earlier is ON else read.get(earlier.dest)
        if isinstance(day, dt.date) and isinstance(before, dt.date) and day < before:
            problems.append(
                _problem(
                    N_("{option} ({day}) comes before {other} ({other_day})"),
                    option=later.shown,
                    day=day,
                    other=earlier.shown,
                    other_day=before,
                )
            )
            break
    if kind.cls is AmendmentSigned and not any(option.dest in read for option in _CHANGES):
        problems.append(
            _problem(
                N_("an amendment changes at least one thing: give one of {options} (Art. 11)"),
                options=_Options(_CHANGES),
            )
        )
    return problems


def _arguments(kind: EventKind, read: Mapping[str, Any]) -> dict[str, Any]:
    """The keyword arguments of the event's class."""
    if kind.cls is AmendmentSigned:
        return {"changes": Changes(**read)}
    skip = {IMPEDES.dest, DOES_NOT_IMPEDE.dest}
    arguments = {dest: value for dest, value in read.items() if dest not in skip}
    if "impedes_experiment" in arguments and arguments["impedes_experiment"] is None:
        del arguments["impedes_experiment"]
    return arguments


def build_event(
    kind: EventKind, on: dt.date | None, values: Mapping[str, Any]
) -> tuple[Event | None, list[Problem]]:
    """The event of ``kind`` dated ``on`` from the options ``values`` (argparse's, by
    ``dest``), or every problem of the command line (``on`` is ``None`` when the date
    could not be read: the other options are still read, to say every problem)."""
    read, problems = _read_all(kind, values)
    if problems:
        return None, problems
    problems = _coherence(kind, on, read)
    if problems or on is None:
        return None, problems
    try:
        return kind.cls(on, **_arguments(kind, read)), []
    except ConventionError as err:  # the file format's own limits (a text too long…)
        own = (*COMMON, *kind.options)
        option = next((o for o in own if o.dest == err.field), None)
        message = Message(
            N_("{option}: {detail}") if option is not None else N_("{detail}"),
            {"option": option.shown if option else "", "detail": err.text},
        )
        return None, [Problem(message)]


# --- the help ---------------------------------------------------------------------------------


def _option_line(field: Field, lang: Lang) -> str:
    option = field.option
    value = "" if option.kind == "flag" else " " + option.metavar(lang, values=True)
    if option.kind == "choice" and option.choices is not None and len(list(option.choices)) > 4:
        value = " " + gettext_in(lang, N_("{value} (below)")).format(value=option.metavar(lang))
    required = " " + gettext_in(lang, N_("(required)")) if field.required else ""
    return f"{option.flag(lang)}{value}{required}"


def _choices_lines(option: Option, lang: Lang) -> Iterator[str]:
    assert option.choices is not None  # noqa: S101 - a choice has its choices
    choices = option.choices
    yield f"  {option.flag(lang)}"
    for member in choices:
        name = choices.name(member, lang)
        code = str(member.value)
        shown = name if name == code else f"{name} ({code})"
        words = gettext_in(lang, choices.labels[member])
        yield from wrap(
            gettext_in(lang, N_("{name}: {words}")).format(name=shown, words=words),
            indent="      ",
        )


#: The header of each part of the table (kept as written: 80 columns at most).
_EVENTS_HEADER: Final = N_(
    "the events:\n"
    "  code: what it records, then its options, besides --on YYYY-MM-DD (required);\n"
    "  the French names are accepted too"
)
_VALUES_HEADER: Final = N_("the values of the options (code: in words):")


def help_table(lang: Lang) -> str:
    """The table of ``record --help`` in ``lang``: each event's name to type (in
    French, its French name and its code), what it records, its options; then the
    values of each option."""
    lines = [*gettext_in(lang, _EVENTS_HEADER).splitlines(), ""]
    for kind in EVENT_KINDS:
        name = kind.name(lang)
        if name != kind.code:
            name = f"{name} ({kind.code})"
        if lang == "fr" and kind.aliases:
            name = gettext_in(lang, N_("{name}, or {aliases}")).format(
                name=name, aliases=", ".join(kind.aliases)
            )
        lines.append(f"  {name}")
        lines.extend(wrap(gettext_in(lang, kind.what), indent="      "))
        for field in kind.fields:
            lines.extend(wrap(_option_line(field, lang), indent="      "))
        lines.append("")
    lines.append(gettext_in(lang, _VALUES_HEADER))
    for option in (PARTY_OPT, CAUSE_OPT, OBLIGATION_OPT, GROUND_OPT, BY_OPT, BASIS_OPT):
        lines.extend(_choices_lines(option, lang))
    return "\n".join(lines)
