"""The report's data (mgp_convention.report.data) and its timeline's segments
(mgp_convention.report.timeline), on hand-computed lives of a convention.

Every case starts from the example convention (tests/_builders.py): in force from
Thursday 19 November 2026, planned start Monday 1 March 2027, 6 months of use, usage
reduced for a set-up after 1 May 2027, the assessment (2 months) finished « avant le »
31 December 2027, end date Friday 31 March 2028. The report is asked on Thursday
1 July 2027 (:data:`ON`). :func:`write_cases` writes them all into a folder, for the
tests of the page and of the spreadsheet.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import attrs
import pytest

from mgp_convention.convention import Convention
from mgp_convention.events import (
    AmendmentSigned,
    BreachRemedied,
    Changes,
    DelayCause,
    DelayReported,
    ExperimentStarted,
    ExperimentStopped,
    Ground,
    JustificationsExamined,
    Obligation,
    ProcurementUnsuccessful,
    RepresentativesHeard,
    Termination,
)
from mgp_convention.io import dump_path
from mgp_convention.report import SegmentKind, report_data, timeline
from mgp_convention.report.data import UPCOMING_DAYS, ReportData
from mgp_convention.report.drawing import draw
from mgp_convention.states import State

from _builders import EXAMPLE, SIGNED, D, breach, convention, notice

#: The date of the reports of these tests.
ON = D(2027, 7, 1)
#: Values a file may hold that are markup in HTML: they must stay text.
HOSTILE_REFERENCE = '<script>alert("ref")</script>'
HOSTILE_NAME = 'Commune <b>d\'Ailleurs</b> & « Cie » "citée"'
HOSTILE_DETAILS = '<img src="https://example.com/x.png" onerror="alert(1)"> & </td></tr>'


def cases() -> dict[str, Convention]:
    """Lives of the example convention, each named after its situation on :data:`ON`."""
    started = ExperimentStarted(D(2027, 3, 1))
    return {
        # Started 15 June 2027, after the planned start: Art. 5 al. 5 cuts the use short
        # of the 6 months, which would have run to 14 December 2027.
        "reduced": convention(ExperimentStarted(D(2027, 6, 15)), reference="CAS-REDUIT"),
        # B1 (data) noticed 2 April, remedied 20 April: in time (deadline 3 May, day 30 is
        # Sunday 2 May). B2 (meetings) noticed 12 April: day 30 is Wednesday 12 May;
        # remedied 20 May, late. An amendment is dated after ON: pending.
        "two_breaches": convention(
            started,
            breach(D(2027, 4, 1), "B1"),
            notice(D(2027, 4, 2), "B1"),
            breach(D(2027, 4, 10), "B2", obligation=Obligation.ATTEND_MEETINGS),
            notice(D(2027, 4, 12), "B2"),
            BreachRemedied(D(2027, 4, 20), breach="B1"),
            BreachRemedied(D(2027, 5, 20), breach="B2"),
            AmendmentSigned(D(2027, 9, 1), changes=Changes(end_date=D(2028, 6, 30))),
            reference="CAS-DEUX-MANQUEMENTS",
        ),
        # Art. 9: justifications examined and representatives heard, then the end of
        # the experiment decided on 10 May 2027 (the thirty days ended on Monday 3 May);
        # the convention stays in force until its end date.
        "stopped": convention(
            started,
            breach(D(2027, 4, 1), "B1"),
            notice(D(2027, 4, 2), "B1"),
            JustificationsExamined(D(2027, 4, 10), breach="B1"),
            RepresentativesHeard(D(2027, 4, 15), breach="B1"),
            ExperimentStopped(D(2027, 5, 10), breach="B1", reason="données jamais transmises"),
            reference="CAS-ARRET-ART9",
        ),
        # Art. 3: the procurement definitively unsuccessful on 1 February 2027.
        "lapsed": convention(
            ProcurementUnsuccessful(D(2027, 2, 1), definitive=True, details="aucune offre"),
            reference="CAS-CADUC",
        ),
        # Signed, never started: the planned start (1 March 2027) passed, overdue.
        "overdue": convention(reference="CAS-EN-RETARD"),
        # Interruption decided on 20 June 2027, notified 25 June, in effect 15 July: not
        # yet in effect on ON. The market's total was amended on 1 May 2027.
        "termination_decided": convention(
            started,
            AmendmentSigned(D(2027, 5, 1), changes=Changes(market_total_ttc=Decimal("240000.00"))),
            Termination(
                D(2027, 6, 20),
                ground=Ground.INTERRUPTION,
                reason="réorganisation du programme",
                notified_on=D(2027, 6, 25),
                effective_on=D(2027, 7, 15),
            ),
            reference="CAS-RESILIATION-DECIDEE",
        ),
        # Values that are markup: a reference, a name, details and a letter reference.
        "hostile": _hostile(),
    }


def _hostile() -> Convention:
    base = convention(
        ExperimentStarted(D(2027, 3, 1)),
        breach(D(2027, 6, 1), "B1"),
        reference=HOSTILE_REFERENCE,
    )
    events = list(base.events)
    recorded = events[-1]
    events[-1] = attrs.evolve(recorded, details=HOSTILE_DETAILS)
    events.append(
        attrs.evolve(notice(D(2027, 6, 2), "B1"), letter_reference="</title><script>x</script>")
    )
    return attrs.evolve(
        base,
        beneficiary=attrs.evolve(base.beneficiary, name=HOSTILE_NAME),
        events=tuple(events),
    )


def write_cases(folder: Path) -> Path:
    """Write :func:`cases` into ``folder``, one file each (``<name>.json``)."""
    for name, case in cases().items():
        dump_path(case, folder / f"{name}.json")
    return folder


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> ReportData:
    return report_data(write_cases(tmp_path_factory.mktemp("cases")), ON)


def spans(data: ReportData, reference: str) -> list[tuple[str, dt.date, dt.date]]:
    line = next(line for line in data.lines if line.reference == reference)
    return [(s.kind.value, s.first, s.last) for s in line.segments]


def test_reduced_usage_shows_the_use_and_the_days_art_5_al_5_took_off(data: ReportData) -> None:
    line = next(line for line in data.lines if line.reference == "CAS-REDUIT")
    # The last day of use is the lifecycle's (Art. 5 al. 5; the date itself is tested in
    # tests/test_legal_dates.py): the timeline draws the use up to it, and the days the
    # cut took off from the day after to the normal last day (15 June + 6 months − 1).
    last = line.row.status.usage_period.last_day
    assert D(2027, 10, 1) < last < D(2027, 12, 14)
    assert spans(data, "CAS-REDUIT") == [
        ("in_force", D(2026, 11, 19), D(2028, 3, 31)),
        ("usage", D(2027, 6, 15), last),
        ("usage_cut", last + dt.timedelta(days=1), D(2027, 12, 14)),
        ("planned_start", D(2027, 3, 1), D(2027, 3, 1)),
        ("experiment_started", D(2027, 6, 15), D(2027, 6, 15)),
        ("evaluation_deadline", D(2027, 12, 31), D(2027, 12, 31)),
        ("end_date", D(2028, 3, 31), D(2028, 3, 31)),
    ]
    usage, cut = line.segments[1], line.segments[2]
    assert (usage.article, cut.article) == ("Art. 5 al. 5", "Art. 5 al. 5")
    assert usage.label.render("fr") == "période d'utilisation de la solution (réduite)"


def test_each_breach_has_its_letter_and_thirty_days(data: ReportData) -> None:
    got = spans(data, "CAS-DEUX-MANQUEMENTS")
    breaches = [s for s in got if s[0] in ("breach", "remedy_period")]
    assert breaches == [
        ("breach", D(2027, 4, 1), D(2027, 4, 20)),
        # Day 30 from Friday 2 April is Sunday 2 May: Monday 3 May (CPC 642).
        ("remedy_period", D(2027, 4, 2), D(2027, 5, 3)),
        ("breach", D(2027, 4, 10), D(2027, 5, 20)),
        ("remedy_period", D(2027, 4, 12), D(2027, 5, 12)),
    ]
    marks = [(kind, first) for kind, first, _ in got if kind in ("formal_notice", "remedied")]
    assert marks == [
        ("formal_notice", D(2027, 4, 2)),
        ("remedied", D(2027, 4, 20)),
        ("formal_notice", D(2027, 4, 12)),
        ("remedied", D(2027, 5, 20)),
    ]
    line = next(line for line in data.lines if line.reference == "CAS-DEUX-MANQUEMENTS")
    remedied = [s for s in line.segments if s.kind is SegmentKind.REMEDIED]
    assert [s.label.render("en") for s in remedied] == [
        "breach B1: remedied",
        "breach B2: remedied late",
    ]
    assert {s.article for s in line.segments if s.kind is SegmentKind.BREACH} == {
        "Art. 3",
        "Art. 8",
    }


def test_an_open_breach_runs_to_the_report_date(data: ReportData) -> None:
    line = next(line for line in data.lines if line.reference == HOSTILE_REFERENCE)
    (open_breach,) = [s for s in line.segments if s.kind is SegmentKind.BREACH]
    assert (open_breach.first, open_breach.last, open_breach.open_ended) == (
        D(2027, 6, 1),
        ON,
        True,
    )


def test_an_art_9_stop_ends_the_use_not_the_convention(data: ReportData) -> None:
    got = spans(data, "CAS-ARRET-ART9")
    assert ("usage", D(2027, 3, 1), D(2027, 5, 10)) in got
    assert ("experiment_stopped", D(2027, 5, 10), D(2027, 5, 10)) in got
    assert ("in_force", D(2026, 11, 19), D(2028, 3, 31)) in got
    assert ("breach", D(2027, 4, 1), D(2027, 5, 10)) in got  # closed as sanctioned


def test_a_lapse_ends_the_convention_in_force_the_day_before(data: ReportData) -> None:
    got = spans(data, "CAS-CADUC")
    assert got[0] == ("in_force", D(2026, 11, 19), D(2027, 1, 31))
    assert got[-1] == ("lapsed", D(2027, 2, 1), D(2027, 2, 1))
    assert "end_date" not in [kind for kind, _, _ in got]


def test_a_termination_decided_shows_its_decision_and_its_effect(data: ReportData) -> None:
    got = spans(data, "CAS-RESILIATION-DECIDEE")
    assert got[0] == ("in_force", D(2026, 11, 19), D(2027, 7, 14))
    assert ("termination_decided", D(2027, 6, 20), D(2027, 6, 20)) in got
    assert ("termination_effective", D(2027, 7, 15), D(2027, 7, 15)) in got
    line = next(line for line in data.lines if line.reference == "CAS-RESILIATION-DECIDEE")
    articles = {s.kind.value: s.article for s in line.segments}
    assert articles["termination_decided"] == "Art. 12 al. 1"
    assert articles["termination_effective"].startswith("CE Ass., 25 juin 1948")
    # The market as amended on 1 May 2027 (Art. 11).
    assert line.market.total_ttc == Decimal("240000.00")


def test_every_segment_is_within_its_days_and_names_its_convention(data: ReportData) -> None:
    for line in data.lines:
        for segment in line.segments:
            assert segment.convention == line.reference
            assert segment.first <= segment.last
            assert segment.kind.bar or segment.first == segment.last
            assert segment.article
            assert segment.citation is None or segment.citation.label == segment.article


def test_the_lines_are_the_rows_in_urgency_order(data: ReportData) -> None:
    assert [line.row for line in data.lines] == list(data.rows)
    assert data.lines[0].reference == "CAS-EN-RETARD"
    assert [row.reference for row in data.overdue] == ["CAS-EN-RETARD"]


def test_summary_counts_states_and_lists_the_next_thirty_days(data: ReportData) -> None:
    assert data.state_counts == (
        (State.DELAYED, 1),
        (State.EXPERIMENTING, 3),
        (State.REMEDY_PERIOD, 1),
        (State.EXPERIMENT_STOPPED, 1),
        (State.LAPSED, 1),
    )
    until = ON + dt.timedelta(days=UPCOMING_DAYS)
    expected = sorted(
        (date.on, index, date.key)
        for index, row in enumerate(data.rows)
        for date in row.dates
        if date.void is None and ON <= date.on <= until
    )
    assert [(due.date.on, due.date.key) for due in data.upcoming] == [
        (on, key) for on, _, key in expected
    ]
    assert ("termination_effective", D(2027, 7, 15)) in [
        (due.date.key, due.date.on) for due in data.upcoming
    ]


def test_the_window_runs_from_the_first_month_to_the_last(data: ReportData) -> None:
    assert (data.first, data.last) == (D(2026, 11, 1), D(2028, 3, 31))


def test_an_empty_folder_has_no_line(tmp_path: Path) -> None:
    empty = report_data(tmp_path, ON)
    assert (empty.lines, empty.state_counts, empty.upcoming) == ((), (), ())
    assert (empty.first, empty.last) == (D(2027, 7, 1), D(2027, 7, 31))


def test_a_draft_awaits_its_signatures(tmp_path: Path) -> None:
    # Signed by the beneficiary on 12 November 2026 only.
    dump_path(
        attrs.evolve(EXAMPLE, reference="CAS-BROUILLON", events=SIGNED[:1]), tmp_path / "d.json"
    )
    (line,) = report_data(tmp_path, ON).lines
    first = line.segments[0]
    assert (first.kind.value, first.first, first.last) == (
        "awaiting_signature",
        D(2026, 11, 12),
        D(2028, 3, 31),
    )
    assert timeline(line.row) == line.segments


def more_cases() -> dict[str, Convention]:
    """Situations the page words differently, on :data:`ON`."""
    return {
        # The beneficiary reported a delay on 20 February 2027; the start is missed.
        "delayed": convention(
            DelayReported(D(2027, 2, 20), cause=DelayCause.BENEFICIARY, details="recrutement"),
            reference="CAS-RETARD-BENEFICIAIRE",
        ),
        # B1 noticed 11 March (day 30 is Saturday 10 April: Monday 12 April), remedied late
        # on 20 April, the lateness accepted; B2 recorded 1 May, no letter yet: it goes in
        # B1's lane, free again since 20 April.
        "accepted_late": convention(
            ExperimentStarted(D(2027, 3, 10)),
            breach(D(2027, 3, 10), "B1"),
            notice(D(2027, 3, 11), "B1"),
            BreachRemedied(D(2027, 4, 20), breach="B1", accepted_late=True),
            breach(D(2027, 5, 1), "B2"),
            reference="CAS-TARDIF-ACCEPTE",
        ),
        # Started on 15 November 2027, after the last day of use Art. 5 al. 5 allows: no
        # day of use is left (reported on 1 December 2027).
        "no_day_of_use": convention(ExperimentStarted(D(2027, 11, 15)), reference="CAS-AUCUN-JOUR"),
    }


def test_breaches_share_a_lane_once_the_first_is_closed(tmp_path: Path) -> None:
    dump_path(more_cases()["accepted_late"], tmp_path / "a.json")
    (line,) = report_data(tmp_path, ON).lines
    (panel,) = draw(report_data(tmp_path, ON), "fr", anchors=["a"]).panels
    lanes = {
        shape.segment.breach: shape.y
        for shape in panel.lines[0].shapes
        if shape.segment.kind is SegmentKind.BREACH
    }
    assert lanes["B1"] == lanes["B2"]
    remedy = next(s for s in line.segments if s.kind is SegmentKind.REMEDY_PERIOD)
    assert (remedy.first, remedy.last, remedy.days) == (D(2027, 3, 11), D(2027, 4, 12), 33)


def test_no_day_of_use_left_draws_only_what_was_taken_off(tmp_path: Path) -> None:
    dump_path(more_cases()["no_day_of_use"], tmp_path / "a.json")
    (line,) = report_data(tmp_path, D(2027, 12, 1)).lines
    kinds = [s.kind.value for s in line.segments]
    assert "usage" not in kinds
    cut = next(s for s in line.segments if s.kind is SegmentKind.USAGE_CUT)
    # The whole period was taken off, up to the end date (6 months would end on 14 May
    # 2028, after the convention).
    assert (cut.first, cut.last) == (D(2027, 11, 15), D(2028, 3, 31))
