"""``mgp-convention indemnity FILE [--on DATE] [--portfolio DIR]``: from a convention file.

The file's events are replayed through the lifecycle (a refused event exits 1, as
``status`` does); the facts are those of the events dated up to ``--on``, the date of
the claim (default: today in Europe/Paris); the market figures are those in force that
day, as amended (Art. 11). The number of beneficiaries is counted from ``--portfolio``
when a folder is given — the conventions for the same market signed by every party on
or before ``--on`` (or, with ``--count-until termination``, the date the termination
took effect), the file itself included — else the number declared in the market data.
A file of the folder that fails to load is a warning (one line on stderr), never a
traceback; it is not counted.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import Any

import attrs

from mgp_convention.articles.art12_beneficiaries import (
    BeneficiaryCount,
    CountOptions,
    CountUntil,
    count_beneficiaries,
    count_cutoff,
    declared_count,
)
from mgp_convention.articles.art12_indemnity import IndemnityAssessment, assess_indemnity
from mgp_convention.articles.art12_indemnity_amount import PrejudiceItem, market_total_from_ttc
from mgp_convention.articles.art12_indemnity_facts import TerminationFacts
from mgp_convention.cli._common import (
    EXIT_INVALID,
    EXIT_OK,
    error_line,
    lang_of,
    on_or_today,
    print_json,
    read_convention,
)
from mgp_convention.convention import Convention
from mgp_convention.errors import ConventionError, LoadError
from mgp_convention.i18n import N_, NP_, Lang, Message
from mgp_convention.io import load_folder
from mgp_convention.lifecycle import Lifecycle
from mgp_convention.printable import printable, printable_path
from mgp_convention.report_json import json_object, labelled, report_hook, to_json
from mgp_convention.states import State

__all__ = ["Claim", "run"]


@attrs.frozen
class Folder:
    """What a ``--portfolio`` folder gave: the files read, and those that failed."""

    path: str
    loaded: tuple[tuple[str, Convention], ...]
    failed: tuple[tuple[str, ConventionError], ...]


@report_hook(Folder)
def _folder_json(folder: Folder) -> dict[str, Any]:
    # By hand: the files loaded counted, each failure by its first problem in both
    # languages.
    return {
        "folder": folder.path,
        "files_loaded": len(folder.loaded),
        "files_failed": [
            {
                "file": file,
                "problem": _first_problem(err, "fr"),
                "problem_en": _first_problem(err, "en"),
            }
            for file, err in folder.failed
        ],
    }


@attrs.frozen
class Claim:
    """A claim read from a file: where it comes from, what the lifecycle says, the answer."""

    file: str
    convention: Convention
    on: dt.date
    state: State
    amended_since: dt.date | None
    folder: Folder | None
    assessment: IndemnityAssessment


def run(args: argparse.Namespace, items: tuple[PrejudiceItem, ...]) -> int:
    """Read, assess and print; exit 0, or 1 for an invalid file or a refused event."""
    lang = lang_of(args)
    try:
        claim = read_claim(args, items)
    except ConventionError as err:
        _error(err, lang)
        return EXIT_INVALID
    if claim.folder is not None:
        for file, problem in claim.folder.failed:
            _warn(file, problem, lang)
    if args.json:
        print_json(to_json(claim))
    else:  # what comes from a file is shown, never obeyed (mgp_convention.printable)
        print("\n".join(printable(line) for line in describe(claim, lang)))
    return EXIT_OK


def read_claim(args: argparse.Namespace, items: tuple[PrejudiceItem, ...]) -> Claim:
    """The claim of ``args.file`` on ``args.on``; a :class:`ConventionError` for an
    invalid file, a refused event or a missing folder."""
    on = on_or_today(args)
    convention = read_convention(args.file, lang_of(args))
    lifecycle = Lifecycle.from_convention(convention)
    terms = lifecycle.terms_on(on)
    facts = lifecycle.termination_facts(on)
    folder = None if args.portfolio is None else _read_folder(args.portfolio)
    count = _count(args, convention, terms.market.beneficiaries, facts, folder)
    assessment = assess_indemnity(
        facts,
        market_total=market_total_from_ttc(terms.market.total_ttc),
        beneficiaries=count,
        items=items,
    )
    state = lifecycle.status(on).state
    return Claim(args.file, convention, on, state, terms.since, folder, assessment)


def _read_folder(path: str) -> Folder:
    found = load_folder(path)  # not a folder: FileFormatError, exit 1
    return Folder(
        path,
        tuple((printable_path(file), convention) for file, convention in found.loaded),
        tuple((printable_path(file), err) for file, err in found.failed),
    )


def _count(
    args: argparse.Namespace,
    convention: Convention,
    declared: int,
    facts: TerminationFacts,
    folder: Folder | None,
) -> BeneficiaryCount:
    """The declared number, or the count from the folder with the file itself."""
    if folder is None:
        return declared_count(declared)
    options = CountOptions(CountUntil(args.count_until or CountUntil.CLAIM))
    effective = None if facts.termination is None else facts.termination.takes_effect_on
    cutoff, until = count_cutoff(facts.on, effective, options)
    conventions = list(folder.loaded)
    if not any(_same_file(file, args.file) for file, _ in conventions):
        conventions.append((args.file, convention))
    market = convention.market.reference
    return count_beneficiaries(conventions, market, by=cutoff, declared=declared, until=until)


def _same_file(one: str, other: str) -> bool:
    if other == "-":
        return False
    return Path(one).resolve() == Path(other).resolve()


# --- output ------------------------------------------------------------------------------


def _say(lang: Lang, text: str, **params: Any) -> str:
    return Message(text, params).render(lang)


def describe(claim: Claim, lang: Lang) -> list[str]:
    """The text output: the convention, the facts read, the market, the answer."""
    assessment, convention = claim.assessment, claim.convention
    market = convention.market
    lines = [
        _say(
            lang,
            N_("{reference} ({file}), on {on}: {state}"),
            reference=convention.reference,
            file=claim.file,
            on=claim.on,
            state=claim.state,
        ),
        _say(lang, N_("Facts, from the events dated up to {on}:"), on=claim.on),
        *(f"  {line.render(lang)}" for line in assessment.facts.describe()),
    ]
    if claim.amended_since is None:
        terms = Message(N_("as signed"))
    else:
        terms = Message(N_("as amended on {on} (Art. 11)"), {"on": claim.amended_since})
    lines.append(
        _say(
            lang,
            N_("Market {reference}, {terms}: {total} incl. VAT; {declared} declared"),
            reference=market.reference,
            terms=terms,
            total=assessment.market_total.ttc,
            declared=Message.counted(
                NP_("{count} beneficiary", "{count} beneficiaries"),
                "count",
                {"count": assessment.beneficiaries.declared or 0},
            ),
        )
    )
    lines += _folder_lines(claim, lang)
    lines += assessment.explain(lang)
    return lines


def _folder_lines(claim: Claim, lang: Lang) -> list[str]:
    folder, count = claim.folder, claim.assessment.beneficiaries
    if folder is None:
        return []
    lines = [
        Message.counted(
            NP_("Folder {folder}: {count} file read", "Folder {folder}: {count} files read"),
            "count",
            {"folder": folder.path, "count": len(folder.loaded)},
        ).render(lang)
    ]
    if folder.failed:
        lines.append(
            "  "
            + Message.counted(
                NP_(
                    "{count} file could not be loaded and is not counted",
                    "{count} files could not be loaded and are not counted",
                ),
                "count",
                {"count": len(folder.failed)},
            ).render(lang)
        )
    for counted in count.counted or ():
        lines.append(
            "  "
            + _say(
                lang,
                N_("counted: {name} ({reference}), signed by every party on {on} — {files}"),
                name=counted.name,
                reference=counted.reference,
                on=counted.signed_on,
                files=", ".join(counted.files),
            )
        )
    return lines


@report_hook(Claim)
def _claim_json(claim: Claim) -> dict[str, Any]:
    """``{"mode": "file", "file", "reference", "on", "state", …}`` and the assessment."""
    # By hand: the convention by its references only, the assessment flattened in.
    return {
        "mode": "file",
        "file": claim.file,
        "reference": claim.convention.reference,
        "on": to_json(claim.on),
        **labelled("state", claim.state),
        "market_reference": claim.convention.market.reference,
        "market_amended_on": to_json(claim.amended_since),
        "portfolio": to_json(claim.folder),
        **json_object(claim.assessment),
    }


def _first_problem(err: ConventionError, lang: Lang) -> str:
    """The first problem of an error, on one line, with how many more there are."""
    problems = err.problems if isinstance(err, LoadError) and err.problems else (err,)
    first = (problems[0].render(lang).splitlines() or ["?"])[0]
    more = len(problems) - 1
    if not more:
        return first
    return Message.counted(
        NP_("{first} (and {count} more problem)", "{first} (and {count} more problems)"),
        "count",
        {"first": first, "count": more},
    ).render(lang)


def _warn(file: str, err: ConventionError, lang: Lang) -> None:
    """One line on stderr for a folder's file that did not load."""
    error_line(
        _say(
            lang,
            N_("warning: {file}: {problem}; not counted"),
            file=file,
            problem=_first_problem(err, lang),
        )
    )


def _error(err: ConventionError, lang: Lang) -> None:
    """One line on stderr per problem of an invalid file or a refused event."""
    problems = err.problems if isinstance(err, LoadError) and err.problems else (err,)
    for problem in problems:
        error_line(_say(lang, N_("error: {problem}"), problem=problem.render(lang)))
