"""The options of ``mgp-convention document`` for the letters, in French and in English.

The letters of Art. 9 and 12 (``mise-en-demeure``, ``convocation-art9``,
``decision-resiliation``) take options the convention does not: the breach, the
hearing, the ground of the decision, the indemnity's items and folder. Each option has a
French and an English name (``--lieu``/``--place``…); an option given to a kind that
does not use it is a usage error (exit 2), never silently ignored. This module adds
them to the parser and turns them into a
:class:`~mgp_convention.documents.request.Request`; what comes from a folder that fails
to load is a warning, as for ``indemnity``.
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Mapping
from typing import Any, Final

from mgp_convention.articles.art12_beneficiaries import CountUntil
from mgp_convention.cli._common import UsageError, date_argument, error_line, today_in_paris
from mgp_convention.convention import Convention
from mgp_convention.documents.kinds import Kind
from mgp_convention.documents.request import Hearing, IndemnityRequest, Request
from mgp_convention.documents.signatory import Signatory
from mgp_convention.errors import InvalidValue
from mgp_convention.events import Ground
from mgp_convention.printable import printable_path

__all__ = ["GROUND_NAMES", "add_letter_options", "letter_request"]

#: The ground of a decision by its French name, or its code.
GROUND_NAMES: Final[Mapping[str, Ground]] = {
    "manquement": Ground.BREACH,
    "sanction": Ground.SANCTION,
    "non-pret": Ground.NOT_READY,
    "interruption": Ground.INTERRUPTION,
    "force-majeure": Ground.FORCE_MAJEURE,
    "commun-accord": Ground.COMMON_AGREEMENT,
    "interet-general": Ground.GENERAL_INTEREST,
    **{ground.value: ground for ground in Ground},
}

#: Each letter option: its names (French first), its destination, the request field it
#: fills, and the kinds that take it.
_HEARING_KIND: Final = "convocation-art9"
_DECISION_KIND: Final = "decision-resiliation"
_OPTIONS: Final[tuple[tuple[tuple[str, ...], str, frozenset[str]], ...]] = (
    (
        ("--manquement", "--breach"),
        "breach",
        frozenset({"mise-en-demeure", _HEARING_KIND, _DECISION_KIND}),
    ),
    (("--lieu", "--place"), "place", frozenset({_HEARING_KIND})),
    (("--date-audition", "--hearing-date"), "hearing_date", frozenset({_HEARING_KIND})),
    (("--heure-audition", "--hearing-time"), "hearing_time", frozenset({_HEARING_KIND})),
    (
        ("--justificatifs-avant", "--justifications-by"),
        "justifications_by",
        frozenset({_HEARING_KIND}),
    ),
    (("--motif", "--ground"), "ground", frozenset({_DECISION_KIND})),
    (("--raison", "--reason"), "reason", frozenset({_DECISION_KIND})),
    (("--prise-d-effet", "--effective-on"), "effective_on", frozenset({_DECISION_KIND})),
    (("--poste", "--item"), "item", frozenset({_DECISION_KIND})),
    (("--dossier", "--portfolio"), "portfolio", frozenset({_DECISION_KIND})),
    (("--decompte-jusqu-au", "--count-until"), "count_until", frozenset({_DECISION_KIND})),
    (("--sans-indemnite", "--no-indemnity"), "no_indemnity", frozenset({_DECISION_KIND})),
)
#: The option named in a usage error, by the library's field.
_FIELD_OPTIONS: Final[Mapping[str, str]] = {
    "breach": "--manquement/--breach",
    "hearing": "--lieu/--place and --date-audition/--hearing-date",
    "hearing.on": "--date-audition/--hearing-date",
    "place": "--lieu/--place",
    "justifications_by": "--justificatifs-avant/--justifications-by",
    "hearing.justifications_by": "--justificatifs-avant/--justifications-by",
    "ground": "--motif/--ground",
    "reason": "--raison/--reason",
    "effective_on": "--prise-d-effet/--effective-on",
    "on": "--on",
}


def _time(text: str) -> dt.time:
    """An argparse ``type=`` for a time of day, ``HH:MM`` (``10:30``, ``14h00``)."""
    try:
        return dt.time.fromisoformat(text.strip().lower().replace("h", ":"))
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"invalid time {text!r}: expected HH:MM, e.g. 10:30"
        ) from None


def _ground(text: str) -> Ground:
    found = GROUND_NAMES.get(text.strip().lower().replace("_", "-")) or GROUND_NAMES.get(text)
    if found is None:
        names = ", ".join(name for name in GROUND_NAMES if "_" not in name)
        raise argparse.ArgumentTypeError(f"unknown ground {text!r}: expected one of {names}")
    return found


def add_letter_options(parser: argparse.ArgumentParser) -> None:
    """Add the letters' options, in three groups (the breach; the hearing; the decision)."""
    letters = parser.add_argument_group("the letters (mise-en-demeure, convocation-art9, …)")
    letters.add_argument(
        "--manquement",
        "--breach",
        dest="breach",
        metavar="B1",
        default=None,
        help="the breach the letter is about (its label in the file); may be left out "
        "when exactly one breach is open",
    )
    hearing = parser.add_argument_group("convocation-art9 (Art. 9)")
    hearing.add_argument(
        "--lieu",
        "--place",
        dest="place",
        metavar="PLACE",
        default=None,
        help="where the representatives are heard (required)",
    )
    hearing.add_argument(
        "--date-audition",
        "--hearing-date",
        dest="hearing_date",
        type=date_argument,
        metavar="DATE",
        default=None,
        help="the date of the hearing, YYYY-MM-DD (required)",
    )
    hearing.add_argument(
        "--heure-audition",
        "--hearing-time",
        dest="hearing_time",
        type=_time,
        metavar="HH:MM",
        default=None,
        help="the time of the hearing",
    )
    hearing.add_argument(
        "--justificatifs-avant",
        "--justifications-by",
        dest="justifications_by",
        type=date_argument,
        metavar="DATE",
        default=None,
        help="the date by which written justifications are expected (optional; Art. 9 sets none)",
    )
    decision = parser.add_argument_group("decision-resiliation (Art. 5, 9, 12)")
    decision.add_argument(
        "--motif",
        "--ground",
        dest="ground",
        type=_ground,
        metavar="GROUND",
        default=None,
        help="the ground, when no termination is recorded in the file: manquement (breach), "
        "sanction, non-pret (not_ready), interruption, force-majeure (force_majeure)",
    )
    decision.add_argument(
        "--raison",
        "--reason",
        dest="reason",
        metavar="TEXT",
        default=None,
        help="the reason stated (required for interruption and force majeure)",
    )
    decision.add_argument(
        "--prise-d-effet",
        "--effective-on",
        dest="effective_on",
        type=date_argument,
        metavar="DATE",
        default=None,
        help="the date it takes effect (default: on its notification; never before it)",
    )
    decision.add_argument(
        "--poste",
        "--item",
        dest="item",
        metavar="LABEL=AMOUNT",
        action="append",
        default=None,
        help="a further prejudice item of the indemnity, in euros; repeatable",
    )
    decision.add_argument(
        "--dossier",
        "--portfolio",
        dest="portfolio",
        metavar="DIR",
        default=None,
        help="a folder of conventions to count the beneficiaries that contracted for the "
        "same market (default: the number declared in the file)",
    )
    decision.add_argument(
        "--decompte-jusqu-au",
        "--count-until",
        dest="count_until",
        choices=[until.value for until in CountUntil],
        default=None,
        help="with --dossier, count the conventions signed by the date of the claim "
        "(claim, the default) or the date the termination takes effect (termination)",
    )
    decision.add_argument(
        "--sans-indemnite",
        "--no-indemnity",
        dest="no_indemnity",
        action="store_true",
        help="do not claim the Art. 12 indemnity, even when it is due",
    )


def _given(args: argparse.Namespace, dest: str) -> bool:
    value = getattr(args, dest)
    return value not in (None, False, [])


def _check_kind(args: argparse.Namespace, kind: Kind) -> None:
    """Refuse an option the kind does not take (exit 2)."""
    for names, dest, kinds in _OPTIONS:
        if _given(args, dest) and kind.name not in kinds:
            raise UsageError(f"{'/'.join(names)} is not an option of the {kind.name}")
    if args.count_until is not None and args.portfolio is None:
        raise UsageError("--decompte-jusqu-au/--count-until applies only with --dossier DIR")


def _hearing(args: argparse.Namespace) -> Hearing | None:
    if args.place is None and args.hearing_date is None:
        return None
    if args.place is None or args.hearing_date is None:
        raise UsageError(
            "a convocation names both the place (--lieu/--place) and the date "
            "(--date-audition/--hearing-date) of the hearing"
        )
    return Hearing(
        args.place,
        args.hearing_date,
        at=args.hearing_time,
        justifications_by=args.justifications_by,
    )


def _indemnity(args: argparse.Namespace) -> IndemnityRequest:
    from mgp_convention.cli.indemnity import parse_item  # noqa: PLC0415
    from mgp_convention.io import load_folder  # noqa: PLC0415

    items = tuple(parse_item(text, "--poste/--item") for text in args.item or ())
    portfolio = None
    if args.portfolio is not None:
        found = load_folder(args.portfolio)  # not a folder: FileFormatError, exit 1
        for file, err in found.failed:
            error_line(f"warning: {printable_path(file)}: {err}; not counted")
        portfolio = tuple((printable_path(file), convention) for file, convention in found.loaded)
    return IndemnityRequest(
        items=items,
        portfolio=portfolio,
        count_until=CountUntil(args.count_until or CountUntil.CLAIM),
        claimed=not args.no_indemnity,
    )


def letter_request(
    args: argparse.Namespace, kind: Kind, convention: Convention, signatory: Signatory
) -> Request:
    """The request of ``args`` for ``kind``: its date (``--on``; else the date the file
    gives, for a decision recorded in it; else today in Europe/Paris) and its options.
    A bad value is a usage error naming its option (exit 2)."""
    _check_kind(args, kind)
    if not kind.dated:
        return Request(signatory=signatory)
    on = args.on
    if on is None and kind.default_on is not None:
        on = kind.default_on(convention)
    fields: dict[str, Any] = {"signatory": signatory, "on": on or today_in_paris()}
    try:
        if "breach" in kind.fields:
            fields["breach"] = args.breach
        if "hearing" in kind.fields:
            fields["hearing"] = _hearing(args)
        if "ground" in kind.fields:
            fields.update(
                ground=args.ground,
                reason=args.reason,
                effective_on=args.effective_on,
                indemnity=_indemnity(args),
            )
        return Request(**fields)
    except InvalidValue as err:
        raise usage_error(err) from None


def usage_error(err: InvalidValue) -> UsageError:
    """An invalid value of the request, said with the option that gave it (exit 2)."""
    option = _FIELD_OPTIONS.get(err.field or "", err.field or "")
    return UsageError(f"{option}: {err.message}" if option else err.message)
