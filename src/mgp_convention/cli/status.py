"""``mgp-convention status FILE [--on DATE] [--json] [--lang fr|en]``: where a convention
stands on a date."""

from __future__ import annotations

import argparse
from collections.abc import Iterator, Sequence
from typing import Any

from mgp_convention.cli._common import (
    EXIT_OK,
    add_lang,
    add_on,
    lang_of,
    on_or_today,
    print_json,
    read_convention,
)
from mgp_convention.cli._parser import translate
from mgp_convention.events import WithdrawnEvent
from mgp_convention.i18n import N_, Lang, Message, format_date
from mgp_convention.io import unstructure
from mgp_convention.lifecycle import Lifecycle
from mgp_convention.machine import Trigger
from mgp_convention.printable import printable
from mgp_convention.report_json import json_object
from mgp_convention.triggers import event_label
from mgp_convention.values import Breach, Status


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    """Add ``status`` to the command line."""
    parser = subparsers.add_parser(
        "status",
        help=N_("say where a convention stands on a date, and what can happen next"),
        description=N_(
            "Replay the events of a convention file through its lifecycle and say where it "
            "stands on a date: the state, the key dates (effective date, end date as "
            "amended, usage period), each breach with its own deadline, a termination and "
            "when it takes effect, the advisories, the events dated later (pending), what "
            "can happen next and why the rest cannot, each with its article. An event the "
            "lifecycle refuses makes the command exit 1, naming the event's index."
        ),
        epilog=N_("Example: mgp-convention status ma-convention.json --on 2027-03-01 --json"),
    )
    parser.add_argument(
        "file", metavar=translate(N_("FILE")), help=N_("the convention file; '-' reads stdin")
    )
    add_on(parser, N_("the date to evaluate, YYYY-MM-DD (default: today in Europe/Paris)"))
    parser.add_argument(
        "--json",
        action="store_true",
        help=N_("print the status as JSON (stable codes, with the labels in French and English)"),
    )
    add_lang(parser)
    parser.set_defaults(run=_run)


def _run(args: argparse.Namespace) -> int:
    convention = read_convention(args.file, lang_of(args))
    on = on_or_today(args)
    status = Lifecycle.from_convention(convention).status(on)
    if args.json:
        withdrawn = unstructure(convention)["withdrawn"]
        print_json(
            {"reference": convention.reference, **json_object(status), "withdrawn": withdrawn}
        )
    else:
        lines = describe(
            status,
            convention.reference,
            convention.beneficiary.name,
            lang_of(args),
            withdrawn=convention.withdrawn,
        )
        print("\n".join(printable(line) for line in lines))
    return EXIT_OK


def _say(lang: Lang, text: str, **params: Any) -> str:
    return Message(text, params).render(lang)


def _day(day: Any, lang: Lang) -> str:
    return format_date(day, lang)


def _breach_lines(breach: Breach, lang: Lang) -> Iterator[str]:
    recorded = breach.recorded
    impedes = (
        N_("prevents the start or the proper running of the experiment")
        if recorded.impedes
        else N_("does not prevent the experiment")
    )
    yield "  " + _say(
        lang,
        N_("{breach} — {obligation} ({article}), recorded on {on}: {impedes}"),
        breach=breach.label,
        obligation=recorded.obligation,
        article=recorded.obligation.article,
        on=recorded.on,
        impedes=Message(impedes),
    )
    if recorded.details:
        yield "      " + recorded.details
    if breach.notice is not None and breach.deadline is not None:
        yield "      " + _say(
            lang,
            N_(
                "formal notice sent on {sent} ({letter}); end of the remedy period: "
                "{deadline} ({article})"
            ),
            sent=breach.notice.on,
            letter=breach.notice.letter_reference,
            deadline=breach.deadline.expires_on,
            article=breach.deadline.article,
        )
    elif breach.open:
        yield "      " + _say(
            lang, N_("no formal notice sent yet: the thirty days have not started")
        )
    if breach.closed_as == "sanctioned" and breach.closed_on is not None:
        yield "      " + _say(
            lang,
            N_("closed by an Art. 9 decision on {on} (end of the experiment)"),
            on=breach.closed_on,
        )
    elif breach.remedied_on is not None:
        if breach.late and breach.accepted_late:
            text = N_("remedied late, on {on}; the Métropole accepted the late remedy")
        elif breach.late:
            text = N_("remedied late, on {on}: it remains a ground for termination")
        else:
            text = N_("remedied in time, on {on}")
        yield "      " + _say(lang, text, on=breach.remedied_on)
    if breach.steps:
        steps = ", ".join(
            f"{Trigger(step.value).label(lang)} ({_day(day, lang)})"
            for step, day in breach.steps.items()
        )
        yield "      " + _say(lang, N_("Art. 9 steps: {steps}"), steps=steps)


def describe(
    status: Status,
    reference: str,
    beneficiary: str,
    lang: Lang = "fr",
    *,
    withdrawn: Sequence[WithdrawnEvent] = (),
) -> list[str]:
    """The status in lines of plain text, in ``lang``; ``withdrawn``: the events taken
    back (``mgp-convention withdraw``), one line each."""
    return [
        *_header(status, reference, beneficiary, lang),
        *_dates(status, lang),
        *_breaches(status, lang),
        *_termination(status, lang),
        *_advisories_and_pending(status, lang),
        *_withdrawn(withdrawn, lang),
        *_next(status, lang),
    ]


def _withdrawn(withdrawn: Sequence[WithdrawnEvent], lang: Lang) -> Iterator[str]:
    """The events taken back as mistakes: what, its date, when and why withdrawn."""
    if not withdrawn:
        return
    yield _say(lang, N_("Events withdrawn (recorded by mistake, kept in the file):"))
    for taken in withdrawn:
        what = event_label(taken.event, lang)
        yield "  - " + _say(
            lang,
            N_(
                "{what} dated {on} (was n° {number}); withdrawn on {withdrawn_on}, reason: {reason}"
            ),
            what=what,
            on=taken.event.on,
            number=taken.index + 1,
            withdrawn_on=taken.withdrawn_on,
            reason=taken.reason,
        )


def _header(status: Status, reference: str, beneficiary: str, lang: Lang) -> Iterator[str]:
    state = status.state
    yield _say(
        lang,
        N_("{reference} — {beneficiary}, on {on}"),
        reference=reference,
        beneficiary=beneficiary,
        on=status.on,
    )
    final = _say(lang, N_(" (final)")) if state.final else ""
    yield _say(lang, N_("State: {state}"), state=state) + final
    if status.return_state is not None:
        yield "  " + _say(
            lang, N_("once the breaches close, back to: {state}"), state=status.return_state
        )


def _dates(status: Status, lang: Lang) -> Iterator[str]:
    effective = status.effective_date
    if effective is not None:
        yield "  " + _say(lang, N_("In force from (Art. 2, last signature): {on}"), on=effective)
    else:
        yield "  " + _say(lang, N_("Not in force yet (Art. 2): every party must sign"))
    yield "  " + _say(lang, N_("End date (Art. 2, as amended): {on}"), on=status.end_date)
    yield "  " + _say(lang, N_("Planned start (Art. 5 al. 1): {on}"), on=status.planned_start)
    if status.delay_cause is not None:
        yield "  " + _say(
            lang,
            N_("Current cause of the delay (Art. 5 al. 3): {cause}"),
            cause=status.delay_cause,
        )
    if status.experiment_started_on is not None:
        yield "  " + _say(
            lang, N_("Experiment started (Art. 5): {on}"), on=status.experiment_started_on
        )
    period = status.usage_period
    if period is not None and period.last_day is None:
        yield "  " + _say(lang, N_("Period of use (Art. 5 al. 5): no day of use is left"))
    elif period is not None:
        text = (
            N_("Period of use (Art. 5 al. 5, reduced): {first} to {last}")
            if period.reduced
            else N_("Period of use (Art. 5 al. 1): {first} to {last}")
        )
        yield "  " + _say(lang, text, first=period.first_day, last=period.last_day)
    if status.experiment_stopped_on is not None:
        yield "  " + _say(
            lang, N_("Experiment stopped (Art. 9): {on}"), on=status.experiment_stopped_on
        )


def _breaches(status: Status, lang: Lang) -> Iterator[str]:
    if status.breaches:
        yield _say(lang, N_("Breaches:"))
        for breach in status.breaches:
            yield from _breach_lines(breach, lang)
    deadline = status.remedy_deadline
    if deadline is not None:
        passed = _say(lang, N_(" — passed")) if status.remedy_deadline_passed else ""
        yield (
            _say(lang, N_("Earliest remedy deadline: {deadline}"), deadline=deadline.expires_on)
            + passed
        )
        yield "  " + deadline.explain(lang)


def _termination(status: Status, lang: Lang) -> Iterator[str]:
    termination = status.termination
    if termination is None:
        return
    decision = termination.event
    text = (
        N_("Terminated: decided on {on} by {by}, ground {ground}; in effect since {effective}")
        if termination.in_effect
        else N_(
            "Termination decided on {on} by {by}, ground {ground}: it takes effect on {effective}"
        )
    )
    yield _say(
        lang,
        text,
        on=decision.on,
        by=decision.by,
        ground=decision.ground,
        effective=termination.takes_effect_on,
    )
    if decision.notified_on is not None:
        # The notification recorded for a later day has not happened yet on ``status.on``.
        notified = (
            N_("notified on {on}")
            if decision.notified_on <= status.on
            else N_("to be notified on {on}")
        )
        yield "  " + _say(lang, notified, on=decision.notified_on)
    if decision.reason:
        yield "  " + _say(lang, N_("reason: {reason}"), reason=decision.reason)


def _advisories_and_pending(status: Status, lang: Lang) -> Iterator[str]:
    if status.advisories:
        yield _say(lang, N_("Advisories (allowed, but with a legal risk):"))
        yield from ("  - " + advisory.render(lang) for advisory in status.advisories)
    if status.pending:
        yield _say(lang, N_("Pending (dated after {on}, not applied):"), on=status.on)
        for pending in status.pending:
            what = event_label(pending, lang)
            yield "  - " + _say(lang, N_("{on}: {what}"), on=pending.on, what=what)


def _next(status: Status, lang: Lang) -> Iterator[str]:
    if status.state.final:
        reasons = {(r.reason.render(lang), r.article) for r in status.refused_events}
        if len(reasons) == 1:
            reason, article = reasons.pop()
            yield _say(lang, N_("Nothing can happen next: {reason}"), reason=reason) + (
                f" ({article})" if article else ""
            )
        else:
            yield _say(lang, N_("Nothing can happen next."))
        return
    if status.allowed_events:
        yield _say(lang, N_("Possible next:"))
        yield from (f"  - {Trigger(trigger).label(lang)}" for trigger in status.allowed_events)
    else:
        yield _say(lang, N_("Nothing can happen next."))
    if status.refused_events:
        yield _say(lang, N_("Not possible now:"))
        for refusal in status.refused_events:
            article = f" ({refusal.article})" if refusal.article else ""
            yield (
                "  - "
                + _say(
                    lang,
                    N_("{what}: {reason}"),
                    what=Trigger(refusal.event).label(lang),
                    reason=refusal.reason,
                )
                + article
            )
