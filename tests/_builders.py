"""Small builders shared by the tests of the legal dates, the next step and the portfolio.

The example convention (:func:`mgp_convention.examples.example_convention`): signed by the
beneficiary on Thursday 12 November 2026 and by the Métropole on Thursday 19 November
2026 (in force from that day); planned start Monday 1 March 2027; 6 months; a deployment
calendar of 1 month, 15 days, 6 months; usage reduced for a set-up after 1 May 2027; the
assessment (2 months) finished before 31 December 2027; end date Friday 31 March 2028.
"""

from __future__ import annotations

import datetime as dt

import attrs

from mgp_convention.convention import Convention
from mgp_convention.events import (
    BreachRecorded,
    Event,
    FormalNoticeSent,
    Obligation,
)
from mgp_convention.examples import example_convention

EXAMPLE = example_convention()
SIGNED = EXAMPLE.events
D = dt.date


def convention(*events: Event, reference: str = EXAMPLE.reference) -> Convention:
    """The example, signed, with ``events`` after the signatures."""
    return attrs.evolve(EXAMPLE, reference=reference, events=(*SIGNED, *events))


def breach(
    on: dt.date, label: str | None = None, *, obligation: Obligation = Obligation.SHARE_DATA
) -> BreachRecorded:
    """A breach that impedes the experiment."""
    if obligation is Obligation.READY_ON_PLANNED_DATE:
        return BreachRecorded(on, breach=label, obligation=obligation)
    return BreachRecorded(on, breach=label, obligation=obligation, impedes_experiment=True)


def notice(on: dt.date, label: str | None = None) -> FormalNoticeSent:
    """The registered letter of Art. 12 al. 2."""
    return FormalNoticeSent(on, breach=label, letter_reference="LRAR 1A 000 000 0001")
