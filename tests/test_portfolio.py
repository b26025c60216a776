"""A folder's report (:mod:`mgp_convention.portfolio`): rows by urgency, failures, JSON."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import attrs

from mgp_convention.errors import FileFormatError
from mgp_convention.events import (
    DelayCause,
    DelayReported,
    ExperimentStarted,
    Ground,
    Party,
    Signature,
    Termination,
)
from mgp_convention.io import FolderLoad, dumps
from mgp_convention.next_step import Urgency
from mgp_convention.portfolio import Failure, Row, portfolio, portfolio_of, row_of
from mgp_convention.states import State

from _builders import EXAMPLE, D, breach, convention, notice

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
FIRST_FIVE = [EXAMPLES / name for name in sorted(p.name for p in EXAMPLES.glob("0[1-5]-*.json"))]


def five_examples(folder: Path) -> Path:
    for example in FIRST_FIVE:
        shutil.copy(example, folder)
    return folder


def test_the_first_five_examples_on_28_november_2026(tmp_path: Path) -> None:
    result = portfolio(five_examples(tmp_path), D(2026, 11, 28))
    assert result.failures == ()
    got = [(row.reference[-3:], row.state, row.next_date, row.step.key) for row in result.rows]
    assert got == [
        # Notice sent Friday 20 Nov 2026: day 30 is Sunday 20 December, so Monday 21.
        ("003", State.REMEDY_PERIOD, D(2026, 12, 21), "remedy_deadline_B1"),
        # Started 11 May 2026 for 9 months: until the day before 11 February 2027.
        ("002", State.EXPERIMENTING, D(2027, 2, 10), "usage_end"),
        # Signed, not started: the planned start.
        ("001", State.SIGNED, D(2027, 3, 1), "planned_start"),
        # One signature only: nothing sooner than the end date.
        ("005", State.DRAFT, D(2028, 3, 31), "end_date"),
        # Terminated on 24 July 2026: final, listed last, no date.
        ("004", State.TERMINATED, None, None),
    ]
    assert [row.urgency for row in result.rows] == [Urgency.LATER] * 4 + [Urgency.NONE]
    assert result.rows[0].article == "Art. 12 al. 2"
    assert result.rows[-1].step.code == "terminated"


def test_a_month_later_the_passed_deadline_comes_first(tmp_path: Path) -> None:
    result = portfolio(five_examples(tmp_path), D(2026, 12, 28))
    first = result.rows[0]
    assert (first.reference, first.overdue, first.next_date) == (
        "MGP-AM-2026-EX-003",
        True,
        D(2026, 12, 21),
    )
    assert first.step.code == "remedy_deadline_passed"
    assert first.article == "Art. 12 al. 1"
    assert result.overdue == (first,)


def test_a_broken_file_and_a_refused_event_do_not_hide_the_others(tmp_path: Path) -> None:
    five_examples(tmp_path)
    (tmp_path / "10-broken.json").write_text('{"schema_version": 2,', encoding="utf-8")
    # A formal notice with no breach recorded: the lifecycle refuses it.
    refused = convention(notice(D(2026, 11, 25)), reference="MGP-AM-2026-EX-099")
    (tmp_path / "11-refused.json").write_text(dumps(refused), encoding="utf-8")
    (tmp_path / "12-bad-siren.json").write_text(
        dumps(EXAMPLE).replace('"999000011"', '"999000012"'), encoding="utf-8"
    )

    result = portfolio(tmp_path, D(2026, 11, 28))

    assert len(result.rows) == 5  # every example is still there
    assert [f.file.name for f in result.failures] == [
        "10-broken.json",
        "11-refused.json",
        "12-bad-siren.json",
    ]
    broken, refused_failure, bad = result.failures
    assert broken.reference is None
    assert broken.problems[0].path == "$"
    assert refused_failure.reference == "MGP-AM-2026-EX-099"
    assert refused_failure.problems[0].path == "$.events[2]"
    assert bad.problems[0].path == "$.beneficiary.siren"
    data = json.loads(json.dumps(result.to_json()))
    assert data["counts"]["failures"] == 3
    assert data["failures"][1]["errors"][0]["path"] == "$.events[2]"
    assert data["failures"][1]["errors"][0]["message_en"].startswith(
        "cannot record a formal notice (state: signed): no breach is open"
    )
    assert data["failures"][1]["errors"][0]["message"].startswith(
        "impossible d'enregistrer une mise en demeure (état : signée)"
    )


ON = D(2027, 3, 10)  # a Wednesday


def test_urgency_order_hand_computed() -> None:
    started = ExperimentStarted(D(2027, 1, 4))
    conventions = {
        # Terminated on 2 March: final, last whatever its dates.
        "g": convention(
            Termination(D(2027, 3, 2), ground=Ground.INTERRUPTION, reason="budget"),
            reference="REF-G",
        ),
        # One signature: only the end date, 31 March 2028.
        "f": attrs.evolve(
            EXAMPLE,
            reference="REF-F",
            events=(Signature(D(2026, 11, 12), party=Party.BENEFICIARY),),
        ),
        # Started 1 March 2027, 6 months: last day of use 31 August 2027.
        "e": convention(ExperimentStarted(D(2027, 3, 1)), reference="REF-E"),
        # Notice sent Friday 12 Feb: day 30 is Sunday 14 March → Monday 15 March, 5 days
        # ahead: soon.
        "d": convention(started, breach(D(2027, 2, 1)), notice(D(2027, 2, 12)), reference="REF-D"),
        # Notice sent Friday 5 Feb: day 30 is Sunday 7 March → Monday 8 March, passed.
        "c": convention(started, breach(D(2027, 2, 1)), notice(D(2027, 2, 5)), reference="REF-C"),
        # Breach recorded 5 March, no notice sent yet: due since 5 March.
        "b": convention(ExperimentStarted(D(2027, 3, 1)), breach(D(2027, 3, 5)), reference="REF-B"),
        # The beneficiary the cause of the delay, the planned start passed: the breach
        # « not ready » is to be recorded, overdue since 1 March.
        "h": convention(
            DelayReported(D(2027, 2, 20), cause=DelayCause.BENEFICIARY), reference="REF-H"
        ),
        # Signed, not started after the planned start of 1 March: delayed, overdue.
        "a": convention(reference="REF-A"),
    }
    load = FolderLoad(
        loaded=tuple((Path(f"{name}.json"), conv) for name, conv in conventions.items()),
        failed=(),
    )
    result = portfolio_of(load, ON)
    got = [(row.reference, row.urgency, row.next_date, row.step.code) for row in result.rows]
    assert got == [
        # Overdue first, the oldest date first; A and H tie on 1 March: by reference.
        ("REF-A", Urgency.OVERDUE, D(2027, 3, 1), "start_missed"),
        ("REF-H", Urgency.OVERDUE, D(2027, 3, 1), "record_not_ready_breach"),
        ("REF-B", Urgency.OVERDUE, D(2027, 3, 5), "send_formal_notice"),
        ("REF-C", Urgency.OVERDUE, D(2027, 3, 8), "remedy_deadline_passed"),
        # Then the coming dates, the earliest first.
        ("REF-D", Urgency.SOON, D(2027, 3, 15), "remedy_deadline"),
        ("REF-E", Urgency.LATER, D(2027, 8, 31), "usage_end"),
        ("REF-F", Urgency.LATER, D(2028, 3, 31), "awaiting_signatures"),
        # The final states last.
        ("REF-G", Urgency.NONE, None, "terminated"),
    ]


def test_files_sharing_a_reference_are_named() -> None:
    load = FolderLoad(
        loaded=((Path("b.json"), EXAMPLE), (Path("a.json"), EXAMPLE)),
        failed=(),
    )
    result = portfolio_of(load, ON)
    assert result.duplicates == {"MGP-AM-2026-EX-001": (Path("a.json"), Path("b.json"))}
    assert result.to_json()["duplicates"] == [
        {"reference": "MGP-AM-2026-EX-001", "files": ["a.json", "b.json"]}
    ]


def test_row_json_has_codes_and_words() -> None:
    row = row_of(Path("a.json"), EXAMPLE, D(2026, 11, 28))
    assert isinstance(row, Row)
    data = row.to_json()
    assert data == {
        "file": "a.json",
        "reference": "MGP-AM-2026-EX-001",
        "beneficiary": "Commune de Valmont-sur-Marne (fictive)",
        "market": "MGP-2026-AM-ACCUEIL (fictif)",
        "state": "signed",
        "state_label_fr": "signée",
        "state_label_en": "signed",
        "final": False,
        "urgency": "later",
        "next_date": "2027-03-01",
        "next_date_key": "planned_start",
        "action_code": "record_start",
        "action": "début souhaité : enregistrer le début de l'expérimentation (ou un retard)",
        "action_en": "planned start: record the start of the experiment (or a delay)",
        "breach": None,
        "article": "Art. 5 al. 1",
        "citation": data["citation"],
        "end_date": "2028-03-31",
        "open_breaches": [],
        "advisories": [],
        "pending": 0,
    }
    assert "début souhaité" in data["citation"]


def test_failure_of_a_plain_error() -> None:
    failure = Failure.of(Path("x.json"), FileFormatError("cannot read 'x.json'"))
    assert failure.to_json() == {
        "file": "x.json",
        "reference": None,
        "errors": [
            {
                "path": "$",
                "message": "cannot read 'x.json'",
                "message_en": "cannot read 'x.json'",
                "article": None,
            }
        ],
    }


def test_the_date_may_be_an_aware_datetime() -> None:
    load = FolderLoad(loaded=((Path("a.json"), EXAMPLE),), failed=())
    # 23:30 UTC on 27 November 2026 is 00:30 in Paris on 28 November.
    late = dt.datetime(2026, 11, 27, 23, 30, tzinfo=dt.UTC)
    assert portfolio_of(load, late).on == D(2026, 11, 28)
