"""``mgp-convention status FILE [--on DATE] [--json]``: where a convention stands on a date."""

from __future__ import annotations

import argparse
from typing import Any

from mgp_convention.calendar import format_date
from mgp_convention.cli._common import (
    EXIT_OK,
    date_argument,
    print_json,
    read_convention,
    today_in_paris,
)
from mgp_convention.lifecycle import Lifecycle, Status


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    """Add ``status`` to the command line."""
    parser = subparsers.add_parser(
        "status",
        help="say where a convention stands on a date, and what can happen next",
        description=(
            "Replay the events of a convention file through its lifecycle and say where it "
            "stands on a date: the state (with its French label), the key dates (effective "
            "date, end date as amended, usage period, remedy deadline), what can happen "
            "next and why the rest cannot, each with its article. An event the lifecycle "
            "refuses makes the command exit 1, naming the event's index."
        ),
        epilog="Example: mgp-convention status ma-convention.json --on 2027-03-01 --json",
    )
    parser.add_argument("file", metavar="FILE", help="the convention file; '-' reads stdin")
    parser.add_argument(
        "--on",
        type=date_argument,
        default=None,
        metavar="DATE",
        help="the date to evaluate, YYYY-MM-DD (default: today in Europe/Paris)",
    )
    parser.add_argument("--json", action="store_true", help="print the status as JSON")
    parser.set_defaults(run=_run)


def _run(args: argparse.Namespace) -> int:
    convention = read_convention(args.file)
    on = args.on if args.on is not None else today_in_paris()
    status = Lifecycle.from_convention(convention).status(on)
    if args.json:
        print_json({"reference": convention.reference, **status.to_json()})
    else:
        print("\n".join(describe(status, convention.reference)))
    return EXIT_OK


def describe(status: Status, reference: str) -> list[str]:
    """The status in lines of plain text."""
    state = status.state
    lines = [
        f"{reference} on {format_date(status.on, 'en')}",
        f"State: {state.value} — {state.label_fr}" + (" (final)" if state.final else ""),
    ]
    effective = status.effective_date
    lines.append(
        "  Effective date (Art. 2, last signature): "
        + (effective.isoformat() if effective else "not yet: every party must sign")
    )
    lines.append(f"  End date (Art. 2, as amended): {status.end_date.isoformat()}")
    if status.experiment_started_on is not None:
        lines.append(f"  Experiment started (Art. 5): {status.experiment_started_on.isoformat()}")
    period = status.usage_period
    if period is not None:
        if period.last_day is None:
            lines.append("  Usage period (Art. 5 al. 5): no day of use is left")
        else:
            reduced = ", reduced (Art. 5 al. 5)" if period.reduced else ""
            lines.append(
                f"  Usage period (Art. 5): {period.first_day.isoformat()} to "
                f"{period.last_day.isoformat()}{reduced}"
            )
    breach = status.breach
    if breach is not None:
        impedes = "impedes the experiment" if breach.impedes_experiment else "does not impede it"
        lines.append(
            f"  Breach recorded on {breach.on.isoformat()}: {breach.obligation.value} ({impedes})"
        )
    if status.remembered_state is not None:
        lines.append(f"  A remedy leads back to: {status.remembered_state.value}")
    deadline = status.remedy_deadline
    if deadline is not None:
        passed = " — passed" if status.remedy_deadline_passed else ""
        lines.append(
            f"  Remedy deadline ({deadline.article}): {deadline.expires_on.isoformat()}{passed}"
        )
        lines.append(f"    {deadline.explain('en')}")
    if status.art9_steps:
        done = ", ".join(
            f"{step.value} {day.isoformat()}" for step, day in status.art9_steps.items()
        )
        lines.append(f"  Art. 9 steps done: {done}")
    termination = status.termination
    if termination is not None:
        reason = f": {termination.reason}" if termination.reason else ""
        lines.append(
            f"  Terminated on {termination.on.isoformat()} (ground {termination.ground.value})"
            f"{reason}"
        )
    if status.state.final:
        # One reason covers every event: listing it per event would only repeat it.
        reasons = {(r.reason, r.article) for r in status.refused_events}
        why = "."
        if len(reasons) == 1:
            reason, article = reasons.pop()
            why = f": {reason}" + (f" ({article})" if article else "")
        lines.append(f"Nothing can happen next{why}")
        return lines
    lines.append("Possible next:" if status.allowed_events else "Nothing can happen next.")
    lines += [f"  - {trigger}" for trigger in status.allowed_events]
    if status.refused_events:
        lines.append("Not possible now:")
        lines += [f"  - {refusal}" for refusal in status.refused_events]
    return lines
