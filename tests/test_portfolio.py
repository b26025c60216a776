"""The portfolio (:mod:`mgp_convention.portfolio`): legal dates, next step, urgency order."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import attrs
import pytest

from mgp_convention.articles.art12_remedy import RemedyOptions
from mgp_convention.convention import Convention
from mgp_convention.errors import FileFormatError, InvalidValue
from mgp_convention.events import (
    AmendmentSigned,
    BreachRecorded,
    BreachRemedied,
    Changes,
    DelayCause,
    DelayReported,
    Event,
    ExperimentStarted,
    FormalNoticeSent,
    Ground,
    Obligation,
    Party,
    Signature,
    Termination,
)
from mgp_convention.examples import example_convention
from mgp_convention.io import FolderLoad, dumps
from mgp_convention.lifecycle import Lifecycle, State
from mgp_convention.portfolio import (
    Failure,
    Row,
    Urgency,
    legal_dates,
    next_step,
    portfolio,
    portfolio_of,
    row_of,
)

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
# The example: signed on 12 and 19 November 2026; planned start Monday 1 March 2027;
# 6 months; usage reduced after 1 May 2027; evaluation (2 months) before 31 December
# 2027; end date Friday 31 March 2028.
EXAMPLE = example_convention()
SIGNED = EXAMPLE.events
D = dt.date


def convention(*events: Event, reference: str = EXAMPLE.reference) -> Convention:
    return attrs.evolve(EXAMPLE, reference=reference, events=(*SIGNED, *events))


def breach(on: dt.date) -> BreachRecorded:
    return BreachRecorded(on, obligation=Obligation.SHARE_DATA, impedes_experiment=True)


def notice(on: dt.date) -> FormalNoticeSent:
    return FormalNoticeSent(on, letter_reference="LRAR 1")


def dates_of(conv: Convention, on: dt.date) -> dict[str, tuple[dt.date, str | None]]:
    return {d.key: (d.on, d.void) for d in legal_dates(Lifecycle.from_convention(conv), on)}


# --- the examples -------------------------------------------------------------------------


def test_examples_on_28_november_2026_show_each_state_in_urgency_order() -> None:
    result = portfolio(EXAMPLES, D(2026, 11, 28))
    assert result.failures == ()
    assert {State.SIGNED, State.EXPERIMENTING, State.REMEDY_PERIOD, State.TERMINATED} <= {
        row.state for row in result.rows
    }
    got = [(row.reference[-3:], row.state, row.next_date, row.key) for row in result.rows]
    assert got == [
        # Notice sent Friday 20 Nov 2026: day 30 is Sunday 20 Dec, so Monday 21 Dec.
        ("003", State.REMEDY_PERIOD, D(2026, 12, 21), "remedy_deadline_1"),
        # Started 11 May 2026 for 9 months: 11 Feb 2027 − 1 day (the cut, 30 April, is later).
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
    assert result.rows[-1].action == "none: terminated on 2026-07-24 (ground breach)"


def test_examples_a_month_later_flag_the_passed_remedy_deadline() -> None:
    result = portfolio(EXAMPLES, D(2026, 12, 28))
    first = result.rows[0]
    assert first.reference == "MGP-AM-2026-EX-003"
    assert first.overdue
    assert first.next_date == D(2026, 12, 21)
    assert first.action == (
        "remedy deadline passed: termination for breach possible since 2026-12-22"
    )
    assert first.article == "Art. 12 al. 1"
    assert result.overdue == (first,)


def test_a_broken_file_and_a_refused_event_do_not_hide_the_others(tmp_path: Path) -> None:
    for example in EXAMPLES.glob("*.json"):
        shutil.copy(example, tmp_path)
    (tmp_path / "10-broken.json").write_text('{"schema_version": 1,', encoding="utf-8")
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
    assert "not valid JSON" in broken.problems[0].message
    # The lifecycle refuses a formal notice while the convention is only signed.
    assert refused_failure.reference == "MGP-AM-2026-EX-099"
    assert refused_failure.problems[0].path == "$.events[2]"
    assert refused_failure.problems[0].article == "Art. 12 al. 2"
    assert "'formal_notice_sent' refused in state 'signed'" in refused_failure.problems[0].message
    assert bad.problems[0].path == "$.beneficiary.siren"
    data = json.loads(json.dumps(result.to_json()))
    assert data["counts"]["failures"] == 3
    assert data["failures"][1]["errors"][0]["path"] == "$.events[2]"


# --- the urgency order --------------------------------------------------------------------

ON = D(2027, 3, 10)  # a Wednesday


def test_urgency_order_hand_computed() -> None:
    started = ExperimentStarted(D(2027, 1, 4))
    load = FolderLoad(
        loaded=tuple(
            (Path(f"{name}.json"), conv)
            for name, conv in {
                # Terminated on 2 March: final, last whatever its dates.
                "g": convention(
                    Termination(D(2027, 3, 2), ground=Ground.INTERRUPTION, reason="budget"),
                    reference="REF-G",
                ),
                # Draft (one signature): only the end date, 31 March 2028.
                "f": attrs.evolve(
                    EXAMPLE,
                    reference="REF-F",
                    events=(Signature(D(2026, 11, 12), party=Party.BENEFICIARY),),
                ),
                # Started 1 March 2027, 6 months: last day of use 31 August 2027.
                "e": convention(ExperimentStarted(D(2027, 3, 1)), reference="REF-E"),
                # Notice sent Fri 12 Feb: day 30 is Sun 14 March → Mon 15 March, 5 days
                # ahead: soon.
                "d": convention(
                    started, breach(D(2027, 2, 1)), notice(D(2027, 2, 12)), reference="REF-D"
                ),
                # Notice sent Fri 5 Feb: day 30 is Sun 7 March → Mon 8 March, passed.
                "c": convention(
                    started, breach(D(2027, 2, 1)), notice(D(2027, 2, 5)), reference="REF-C"
                ),
                # Breach recorded 5 March, no notice sent yet: due since 5 March.
                "b": convention(
                    ExperimentStarted(D(2027, 3, 1)), breach(D(2027, 3, 5)), reference="REF-B"
                ),
                # Delay caused by the beneficiary; the planned start (1 March) has passed:
                # termination for not being ready is possible since 2 March.
                "h": convention(
                    DelayReported(D(2027, 2, 20), cause=DelayCause.BENEFICIARY),
                    reference="REF-H",
                ),
                # Signed, still not started after the planned start of 1 March.
                "a": convention(reference="REF-A"),
            }.items()
        ),
        failed=(),
    )
    result = portfolio_of(load, ON)
    got = [(row.reference, row.urgency, row.next_date) for row in result.rows]
    assert got == [
        # Overdue first, the oldest date first; A and H tie on 1 March: by reference.
        ("REF-A", Urgency.OVERDUE, D(2027, 3, 1)),
        ("REF-H", Urgency.OVERDUE, D(2027, 3, 1)),
        ("REF-B", Urgency.OVERDUE, D(2027, 3, 5)),
        ("REF-C", Urgency.OVERDUE, D(2027, 3, 8)),
        # Then the coming dates, the earliest first.
        ("REF-D", Urgency.SOON, D(2027, 3, 15)),
        ("REF-E", Urgency.LATER, D(2027, 8, 31)),
        ("REF-F", Urgency.LATER, D(2028, 3, 31)),
        # The final states last.
        ("REF-G", Urgency.NONE, None),
    ]
    actions = {row.reference: (row.action, row.article) for row in result.rows}
    assert actions["REF-A"] == (
        "start missed: record the start of the experiment, or a delay and its cause",
        "Art. 5 al. 3",
    )
    assert actions["REF-H"] == (
        "not ready on the planned start: termination possible since 2027-03-02, "
        "or record the start",
        "Art. 5 al. 3",
    )
    assert actions["REF-B"][1] == "Art. 12 al. 2"
    assert actions["REF-B"][0].startswith("breach recorded (share_data): send the formal notice")
    assert actions["REF-G"] == (
        "none: terminated on 2027-03-02 (ground interruption)",
        "Art. 12 al. 1",
    )


# --- the next step, state by state ---------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "events", "on", "expected"),
    [
        (
            "draft: awaiting signatures, the end date is the only date (Art. 2)",
            None,
            D(2026, 11, 20),
            (D(2028, 3, 31), Urgency.LATER, "Art. 2", "end_date"),
        ),
        (
            "signed, the planned start is 3 days ahead",
            (),
            D(2027, 2, 26),
            (D(2027, 3, 1), Urgency.SOON, "Art. 5 al. 1", "planned_start"),
        ),
        (
            "signed, on the planned start itself: not yet missed",
            (),
            D(2027, 3, 1),
            (D(2027, 3, 1), Urgency.SOON, "Art. 5 al. 1", "planned_start"),
        ),
        (
            "delay caused by the beneficiary, before the planned start",
            (DelayReported(D(2027, 2, 1), cause=DelayCause.BENEFICIARY),),
            D(2027, 2, 1),
            (D(2027, 3, 1), Urgency.LATER, "Art. 5 al. 3", "planned_start"),
        ),
        (
            "delay caused by the provider: the setup date beyond which usage is reduced",
            (DelayReported(D(2027, 3, 2), cause=DelayCause.PROVIDER),),
            D(2027, 3, 10),
            (D(2027, 5, 1), Urgency.LATER, "Art. 5 al. 5", "reduced_usage_after"),
        ),
        (
            "delay caused by the Métropole, after 1 May: the last day of use possible "
            "(31 Dec − 2 months = 31 Oct 2027)",
            (DelayReported(D(2027, 3, 2), cause=DelayCause.METROPOLE),),
            D(2027, 5, 2),
            (D(2027, 10, 31), Urgency.LATER, "Art. 5 al. 5", "usage_cut"),
        ),
        (
            "delay caused by the Métropole, nothing left before the end date",
            (DelayReported(D(2027, 3, 2), cause=DelayCause.METROPOLE),),
            D(2027, 11, 2),
            (D(2028, 3, 31), Urgency.LATER, "Art. 2", "end_date"),
        ),
        (
            "experimenting, started late on 1 June: usage cut to 31 Oct 2027 (al. 5)",
            (ExperimentStarted(D(2027, 6, 1)),),
            D(2027, 6, 2),
            (D(2027, 10, 31), Urgency.LATER, "Art. 5 al. 5", "usage_end"),
        ),
        (
            "experimenting, after the last day of use: the evaluation deadline",
            (ExperimentStarted(D(2027, 3, 1)),),
            D(2027, 9, 1),
            (D(2027, 12, 31), Urgency.LATER, "Art. 5 al. 5", "evaluation_deadline"),
        ),
        (
            "experimenting, after the evaluation deadline: the end date",
            (ExperimentStarted(D(2027, 3, 1)),),
            D(2028, 1, 3),
            (D(2028, 3, 31), Urgency.LATER, "Art. 2", "end_date"),
        ),
        (
            "remedy period, on the deadline day itself: not passed (CPC 642)",
            (ExperimentStarted(D(2027, 1, 4)), breach(D(2027, 2, 1)), notice(D(2027, 2, 5))),
            D(2027, 3, 8),
            (D(2027, 3, 8), Urgency.SOON, "Art. 12 al. 2", "remedy_deadline_1"),
        ),
        (
            "ended: the day after the end date, final",
            (),
            D(2028, 4, 1),
            (None, Urgency.NONE, "Art. 2", None),
        ),
    ],
)
def test_next_step_by_state(
    name: str,
    events: tuple[Event, ...] | None,
    on: dt.date,
    expected: tuple[dt.date | None, Urgency, str, str | None],
) -> None:
    conv = attrs.evolve(EXAMPLE, events=SIGNED[:1]) if events is None else convention(*events)
    lifecycle = Lifecycle.from_convention(conv)
    status = lifecycle.status(on)
    step = next_step(status, legal_dates(lifecycle, on, status))
    assert (step.on, step.urgency, step.article, step.key) == expected, name


def test_empty_usage_period_points_to_the_evaluation_deadline() -> None:
    # Evaluation due 31 Dec 2027 and takes 2 months: use must stop by 31 Oct 2027. A
    # start on 15 November 2027 leaves no day of use (Art. 5 al. 5).
    conv = convention(
        DelayReported(D(2027, 3, 2), cause=DelayCause.METROPOLE),
        ExperimentStarted(D(2027, 11, 15)),
    )
    lifecycle = Lifecycle.from_convention(conv)
    status = lifecycle.status(D(2027, 11, 15))
    dates = legal_dates(lifecycle, status.on, status)
    assert "usage_end" not in {d.key for d in dates}
    step = next_step(status, dates)
    assert step.on == D(2027, 12, 31)
    assert step.action.startswith("no day of use is left: ")


# --- legal dates ------------------------------------------------------------------------------


def test_legal_dates_of_the_signed_example_hand_checked() -> None:
    dates = legal_dates(Lifecycle.from_convention(EXAMPLE), D(2026, 11, 28))
    assert [(d.key, d.on, d.article) for d in dates] == [
        ("effective_date", D(2026, 11, 19), "Art. 2"),  # the last signature
        ("planned_start", D(2027, 3, 1), "Art. 5 al. 1"),
        # The steps, from the planned start: 1 month, 15 days, 6 months.
        ("deployment_step_1", D(2027, 3, 1), "Art. 5 al. 2"),
        ("deployment_step_2", D(2027, 4, 1), "Art. 5 al. 2"),
        ("deployment_step_3", D(2027, 4, 16), "Art. 5 al. 2"),
        ("reduced_usage_after", D(2027, 5, 1), "Art. 5 al. 5"),
        ("usage_cut", D(2027, 10, 31), "Art. 5 al. 5"),  # 31 Dec − 2 months
        ("evaluation_deadline", D(2027, 12, 31), "Art. 5 al. 5"),
        ("end_date", D(2028, 3, 31), "Art. 2"),
    ]
    assert all(d.void is None for d in dates)
    assert dates[2].title == (
        "deployment step 1: cadrage et paramétrage, until 2027-03-31 (planned)"
    )
    assert dates[0].citation.text.startswith("La présente Convention prend effet")
    assert dates[-1].to_json()["date"] == "2028-03-31"


def test_the_start_moves_the_steps_under_the_same_keys() -> None:
    before = dates_of(EXAMPLE, D(2026, 11, 28))
    after = dates_of(convention(ExperimentStarted(D(2027, 3, 15))), D(2027, 3, 15))
    assert before["deployment_step_1"][0] == D(2027, 3, 1)
    assert after["deployment_step_1"][0] == D(2027, 3, 15)
    # 6 months from 15 March: 15 September − 1 day.
    assert after["usage_end"] == (D(2027, 9, 14), None)
    assert after["experiment_started"] == (D(2027, 3, 15), None)


def test_an_amendment_moves_the_end_date_under_the_same_key() -> None:
    amended = convention(AmendmentSigned(D(2027, 6, 1), changes=Changes(end_date=D(2028, 9, 30))))
    assert dates_of(amended, D(2027, 5, 31))["end_date"] == (D(2028, 3, 31), None)
    assert dates_of(amended, D(2027, 6, 1))["end_date"] == (D(2028, 9, 30), None)


def test_each_breach_has_its_own_keys_and_a_remedy_voids_its_termination_date() -> None:
    conv = convention(
        ExperimentStarted(D(2027, 3, 1)),
        breach(D(2027, 4, 1)),
        # Sent Friday 2 April 2027: day 30 is Sunday 2 May → Monday 3 May.
        notice(D(2027, 4, 2)),
        BreachRemedied(D(2027, 4, 20)),
        breach(D(2027, 5, 10)),
        # Sent Tuesday 11 May 2027: day 30 is Thursday 10 June, a working day.
        notice(D(2027, 5, 11)),
    )
    dates = dates_of(conv, D(2027, 5, 12))
    assert dates["remedy_deadline_1"] == (D(2027, 5, 3), None)
    assert dates["termination_allowed_from_1"] == (
        D(2027, 5, 4),
        "the breach was remedied on 2027-04-20",
    )
    assert dates["remedy_deadline_2"] == (D(2027, 6, 10), None)
    assert dates["termination_allowed_from_2"] == (D(2027, 6, 11), None)


def test_an_earlier_deadline_is_counted_as_the_lifecycle_counts_it() -> None:
    # Counted from receipt (CPC 669 al. 3): the first letter, sent Friday 2 April 2027,
    # was received Tuesday 6 April; day 30 is Thursday 6 May 2027, Ascension → Friday 7.
    options = RemedyOptions(count_from="receipt", received_on=D(2027, 4, 6))
    conv = convention(
        ExperimentStarted(D(2027, 3, 1)),
        breach(D(2027, 4, 1)),
        FormalNoticeSent(D(2027, 4, 2), letter_reference="LRAR 1", received_on=D(2027, 4, 6)),
        BreachRemedied(D(2027, 4, 20)),
        breach(D(2027, 5, 10)),
        # Sent Tuesday 11 May, received Wednesday 12 May: day 30 is Friday 11 June.
        FormalNoticeSent(D(2027, 5, 11), letter_reference="LRAR 2", received_on=D(2027, 5, 12)),
    )
    lifecycle = Lifecycle.from_convention(conv, remedy_options=options)
    dates = {d.key: d.on for d in legal_dates(lifecycle, D(2027, 5, 12))}
    assert dates["remedy_deadline_1"] == D(2027, 5, 7)
    assert dates["remedy_deadline_2"] == D(2027, 6, 11)


def test_a_termination_voids_the_later_dates() -> None:
    conv = convention(
        ExperimentStarted(D(2027, 3, 1)),
        Termination(D(2027, 6, 30), ground=Ground.INTERRUPTION, reason="budget"),
    )
    dates = dates_of(conv, D(2027, 7, 1))
    assert dates["experiment_started"] == (D(2027, 3, 1), None)
    assert dates["usage_end"] == (D(2027, 8, 31), "the convention was terminated on 2027-06-30")
    assert dates["end_date"][1] == "the convention was terminated on 2027-06-30"


def test_the_not_ready_date_is_void_once_started_and_late_dates_are_void() -> None:
    short = attrs.evolve(
        convention(
            DelayReported(D(2027, 2, 1), cause=DelayCause.BENEFICIARY),
            ExperimentStarted(D(2027, 3, 10)),
        ),
        end_date=D(2027, 12, 31),
    )
    short = attrs.evolve(short, experiment=attrs.evolve(short.experiment, duration_months=12))
    dates = dates_of(short, D(2027, 3, 10))
    assert dates["not_ready_termination_from"] == (
        D(2027, 3, 2),
        "the experiment started on 2027-03-10",
    )
    # 12 months of use would run to 9 March 2028, but the cut (31 Oct 2027) applies.
    assert dates["usage_end"] == (D(2027, 10, 31), None)
    # The steps follow the actual start: 1 month, then 15 days, then the third step.
    assert dates["deployment_step_3"] == (D(2027, 4, 25), None)
    stretched = attrs.evolve(
        short,
        experiment=attrs.evolve(
            short.experiment,
            evaluation_deadline=None,
            evaluation_period=None,
            reduced_usage_after=None,
        ),
    )
    late = dates_of(stretched, D(2027, 3, 10))
    assert {"reduced_usage_after", "usage_cut", "evaluation_deadline"}.isdisjoint(late)
    assert late["usage_end"] == (
        D(2028, 3, 9),
        "after the end date of the convention, 2027-12-31 (Art. 2)",
    )


def test_legal_dates_compute_the_status_and_accept_an_aware_datetime() -> None:
    lifecycle = Lifecycle.from_convention(EXAMPLE)
    # 23:30 UTC on 27 November is already 28 November in Paris.
    at = dt.datetime(2026, 11, 27, 23, 30, tzinfo=dt.UTC)
    assert legal_dates(lifecycle, at) == legal_dates(lifecycle, D(2026, 11, 28))


# --- rows and failures -----------------------------------------------------------------------


def test_row_json_is_plain_data() -> None:
    row = row_of(Path("a.json"), EXAMPLE, D(2026, 11, 28))
    assert isinstance(row, Row)
    data = row.to_json()
    assert data == {
        "file": "a.json",
        "reference": "MGP-AM-2026-EX-001",
        "beneficiary": "Commune de Valmont-sur-Marne (fictive)",
        "state": "signed",
        "state_label_fr": "signée",
        "final": False,
        "urgency": "later",
        "next_date": "2027-03-01",
        "next_date_key": "planned_start",
        "action": "planned start: record the start of the experiment (or a delay)",
        "article": "Art. 5 al. 1",
        "citation": data["citation"],
        "end_date": "2028-03-31",
    }
    assert "début souhaité" in data["citation"]


def test_failure_of_a_plain_error() -> None:
    failure = Failure.of(Path("x.json"), FileFormatError("cannot read 'x.json'"))
    assert failure.to_json() == {
        "file": "x.json",
        "reference": None,
        "errors": [{"path": "$", "message": "cannot read 'x.json'", "article": None}],
    }


def test_a_legal_date_in_each_language_and_no_other() -> None:
    date = legal_dates(Lifecycle.from_convention(convention()), D(2026, 11, 28))[0]
    assert date.title_in("fr") == date.title_fr
    assert date.title_in("en") == date.title
    assert date.void_in("fr") == date.void_fr
    for lang in ("EN", "de"):
        with pytest.raises(InvalidValue, match="lang: expected 'fr' or 'en'"):
            date.title_in(lang)  # type: ignore[arg-type]
        with pytest.raises(InvalidValue, match="lang: expected 'fr' or 'en'"):
            date.void_in(lang)  # type: ignore[arg-type]
