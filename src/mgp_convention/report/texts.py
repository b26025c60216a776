"""The fixed words of the report's page, as gettext message ids (English; French in the
catalogue). The templates read them as ``t.<name>``, in the report's language; a name
the template asks for and this table lacks is an error (Jinja's ``StrictUndefined``).

The words that carry values (counts, dates, a file's name) are messages built in
:mod:`mgp_convention.report.page`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from mgp_convention.i18n import N_

__all__ = ["LEGEND", "TEXTS"]

TEXTS: Final[Mapping[str, str]] = {
    # the page's frame
    "heading": N_("The conventions of the « ApproprIAtion Métropolitaine » programme"),
    "skip_to_table": N_("Go to the table of the portfolio"),
    "contents": N_("Contents"),
    "summary": N_("Summary"),
    "timeline": N_("Timeline"),
    "table": N_("Table of the portfolio"),
    "conventions": N_("The conventions one by one"),
    "failures": N_("Files that could not be used"),
    "failures_intro": N_(
        "These files are not in the report: each problem is listed with the place in the "
        "file and, where a rule is broken, its article. The other conventions are listed "
        "as usual."
    ),
    "back_to_table": N_("Back to the table of the portfolio"),
    # the summary
    "per_state": N_("Conventions per state"),
    "overdue": N_("Overdue"),
    "none_overdue": N_("No convention is overdue."),
    "no_convention": N_("No convention file could be listed."),
    "since": N_("Due since"),
    "count": N_("Number"),
    # the timeline
    "timeline_intro": N_(
        "One line per convention, in the order of the table: the convention in force "
        "from the last signature to its end date (grey), the period of use of the solution "
        "(blue, dashed where Art. 5 al. 5 cut it short), each breach below it (red) with "
        "its formal notice and its thirty days (amber). Hover a shape for its dates and "
        "article; the same facts are in the table under each part of the timeline."
    ),
    "timeline_desc": N_(
        "Each line shows a convention from its signature to its end date or its "
        "termination: the planned and actual start, the period of use and its Art. 5 "
        "al. 5 cut, the breaches with their formal notice and deadline, the termination "
        "(decision and effect) or the end date, and a vertical line for the report's "
        "date. The same facts follow as a table."
    ),
    "today": N_("today"),
    "still_open": N_("still open"),
    "first_day": N_("From"),
    "last_day": N_("To"),
    # the table
    "table_caption": N_(
        "Every convention by urgency: overdue first (the oldest date first), then by "
        "next legal date, then the final states."
    ),
    "urgency": N_("Urgency"),
    "reference": N_("Reference"),
    "beneficiary": N_("Beneficiary"),
    "state": N_("State"),
    "next_date": N_("Next date"),
    "action": N_("Action"),
    "article": N_("Article"),
    # a convention's section
    "status": N_("Where it stands"),
    "what": N_("What"),
    "value": N_("Value"),
    "breaches": N_("Breaches"),
    "breach": N_("Breach"),
    "obligation": N_("Obligation"),
    "recorded_on": N_("Recorded on"),
    "formal_notice": N_("Formal notice"),
    "remedy_deadline": N_("End of the thirty days"),
    "outcome": N_("Outcome"),
    "legal_dates": N_("Legal dates"),
    "date": N_("Date"),
    "legal_date": N_("Legal date"),
    "when": N_("When"),
    "history": N_("History"),
    "no_event": N_("No event recorded yet."),
    "event": N_("Event"),
    "details": N_("Details"),
    "state_after": N_("State after"),
    "pending": N_("Events dated later (not applied yet)"),
    "advisories": N_("Advisories (allowed, but with a legal risk)"),
}

#: The legend of the timeline: each kind of shape in words, in the legend's order (the
#: lapse shares the shape of a termination's effect).
LEGEND: Final[tuple[tuple[str, str], ...]] = (
    ("in_force", N_("in force (Art. 2)")),
    ("awaiting_signature", N_("awaiting signature")),
    ("usage", N_("period of use (Art. 5 al. 1)")),
    ("usage_cut", N_("taken off by Art. 5 al. 5")),
    ("breach", N_("breach (an arrow: still open)")),
    ("remedy_period", N_("thirty days from the formal notice (Art. 12 al. 2)")),
    ("planned_start", N_("planned start")),
    ("experiment_started", N_("actual start")),
    ("evaluation_deadline", N_("assessment finished before (Art. 5 al. 5)")),
    ("experiment_stopped", N_("experiment stopped (Art. 9)")),
    ("formal_notice", N_("formal notice sent")),
    ("remedy_deadline", N_("end of the thirty days")),
    ("remedied", N_("breach remedied")),
    ("termination_decided", N_("termination decided")),
    ("termination_effective", N_("termination in effect, or lapse (Art. 3)")),
    ("end_date", N_("end date (Art. 2)")),
)
