"""The library against the independent reference model of RULES.md version 2.

:mod:`reference_model` is RULES.md written again, plainly and separately, from the rules
alone (it imports nothing from the package). Here both are driven with the same random
dated event sequences (:mod:`storylines`: steered sequences and plausible lives of a
convention, 1,000 a run), and compared:

- every event: accepted by both, or refused by both;
- at the dates where rules turn (each event's date and the day after, each remedy
  deadline and the day after, the planned start and the day after, the end date and
  the day after, each termination's effective date) and at random dates: the state,
  the return state, the effective date, each breach (notice, deadline, remedy, late,
  closed, still a ground, Art. 9 steps), the earliest open deadline, the termination
  (dates, ground, by), the advisories (code and event), the pending events, the events
  possible on that date, whether the Art. 12 al. 3 indemnity may be claimed and its
  unmet conditions, the usage period;
- the same with the non-default readings of Art. 5 al. 3 and Art. 9.

Two harness conventions, both where the file format is stricter than the model: a blank
``reason`` (the model reads it as absent) is given as absent, since the file format
refuses blank texts; a ``breach`` named by a termination on a ground that names none
(the model ignores it) is left out, since the file format refuses it.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from collections.abc import Iterator
from typing import Any

import pytest

from mgp_convention.articles.art05_delays import NotReadyOptions
from mgp_convention.articles.art09_sanctions import SanctionOptions
from mgp_convention.articles.art12_indemnity_conditions import unmet_conditions
from mgp_convention.convention import Convention
from mgp_convention.errors import ConventionError
from mgp_convention.events import Event
from mgp_convention.examples import example_convention
from mgp_convention.io import converter, dumps, structure
from mgp_convention.lifecycle import Lifecycle
from mgp_convention.values import Status

from reference_model import ReferenceModel
from storylines import sequences

ONE_DAY = dt.timedelta(days=1)
#: Sequences per run (half steered, half storylines), and per non-default reading.
RUNS = 1000
RUNS_PER_OPTION = 150
_BREACH_GROUNDS = {"breach", "sanction", "not_ready"}


def _iso(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {key: _iso(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_iso(item) for item in value]
    return value


def library_convention(data: dict[str, Any]) -> Convention:
    """The example convention with the dates and durations of the model's convention."""
    base = json.loads(dumps(example_convention()))
    experiment = {**base["experiment"], **_iso(data["experiment"])}
    experiment["calendar"] = _iso(data["experiment"].get("calendar", []))
    return structure({**base, "experiment": experiment, "end_date": _iso(data["end_date"])})


def library_event(event: dict[str, Any]) -> Event | ConventionError:
    """The model's event as the package's, or the error that refuses it at construction."""
    data = {key: value for key, value in _iso(event).items() if key != "type"}
    if isinstance(data.get("reason"), str) and not data["reason"].strip():
        del data["reason"]
    if event["type"] == "termination" and event.get("ground") not in _BREACH_GROUNDS:
        data.pop("breach", None)
    try:
        built: Event = converter.structure({"type": event["type"], **data}, Event)
    except ConventionError as err:
        return err
    except Exception as err:
        return ConventionError(str(err))
    return built


def _dates(model: ReferenceModel, convention: dict[str, Any], rng: random.Random) -> list[dt.date]:
    """The dates where rules turn, and a few random ones."""
    days: set[dt.date] = set()
    for event in model.events:
        days |= {event["on"], event["on"] + ONE_DAY}
        for key in ("notified_on", "effective_on"):
            if event.get(key):
                days.add(event[key])
    last = model.last_date() or dt.date.fromisoformat(str(convention["end_date"]))
    for breach in model.breaches_on(last + dt.timedelta(days=400)):
        if breach["remedy_deadline"]:
            days |= {breach["remedy_deadline"], breach["remedy_deadline"] + ONE_DAY}
    for day in (model.planned_start_on(), model.end_date_on()):
        days |= {day, day + ONE_DAY}
    first = min(days)
    days |= {first + dt.timedelta(days=rng.randrange(0, 900)) for _ in range(3)}
    return sorted(days)


def _breach_view(status: Status) -> list[dict[str, Any]]:
    return [
        {
            "breach": b.label,
            "obligation": b.recorded.obligation.value,
            "recorded_on": b.recorded.on,
            "impedes_experiment": b.recorded.impedes,
            "notice_sent_on": None if b.notice is None else b.notice.on,
            "remedy_deadline": b.deadline_date,
            "remedied_on": b.remedied_on,
            "late": b.late,
            "accepted_late": b.accepted_late and b.late,
            "open": b.open,
            "closed_as": b.closed_as,
            "still_ground": b.still_a_ground,
            "art9_steps": {step.value: day for step, day in b.steps.items()},
        }
        for b in status.breaches
    ]


def _termination_view(status: Status) -> dict[str, Any] | None:
    termination = status.termination
    if termination is None:
        return None
    event = termination.event
    return {
        "on": event.on,
        "notified_on": event.notified_on,
        "effective_on": termination.takes_effect_on,
        "ground": event.ground.value,
        "by": event.by.value,
        "reason": event.reason,
    }


def differences(
    name: str, convention: dict[str, Any], events: list[dict[str, Any]], **options: Any
) -> Iterator[str]:
    """Every difference between the model and the library along one sequence."""
    model = ReferenceModel(convention, **options)
    lifecycle = Lifecycle(
        library_convention(convention),
        sanction_options=SanctionOptions(
            require_remedy_period=options.get("sanction_requires_remedy_period", True)
        ),
        not_ready_options=NotReadyOptions(
            notice_required=options.get("not_ready_notice_required", True)
        ),
    )
    for number, event in enumerate(events):
        expected = model.check(event)
        built = library_event(event)
        refusal = built if isinstance(built, ConventionError) else lifecycle.check(built)
        if (expected is None) != (refusal is None):
            yield (
                f"{name}, event {number} {event}: model "
                f"{'accepts' if expected is None else f'refuses ({expected.reason})'}, "
                f"library {'accepts' if refusal is None else f'refuses ({refusal})'}"
            )
            return
        if expected is None:
            model.apply(event)
            assert not isinstance(built, ConventionError)
            lifecycle.apply(built)
    rng = random.Random(name)  # noqa: S311 - test dates, not secrets
    for on in _dates(model, convention, rng):
        status = lifecycle.status(on)
        where = f"{name} on {on}"
        pairs: list[tuple[str, Any, Any]] = [
            ("state", model.state_on(on), status.state.value),
            (
                "return state",
                model.return_state_on(on),
                None if status.return_state is None else status.return_state.value,
            ),
            ("effective date", model.effective_date(on), status.effective_date),
            ("remedy deadline", model.remedy_deadline_on(on), _deadline(status)),
            ("breaches", model.breaches_on(on), _breach_view(status)),
            ("termination", _blank_reason(model.termination_on(on)), _termination_view(status)),
            (
                "advisories",
                sorted(model.advisories_on(on)),
                sorted((a.code, e.index) for e in status.history for a in e.advisories),
            ),
            ("pending", len(model.pending_on(on)), len(status.pending)),
            ("allowed", sorted(model.allowed_on(on)), sorted(status.allowed_events)),
            ("indemnity", model.indemnity_due(on), _indemnity(lifecycle, on)),
        ]
        if status.experiment_started_on is not None and status.usage_period is not None:
            pairs.append(
                (
                    "last day of use",
                    model.usage_last_day(status.experiment_started_on, on),
                    status.usage_period.last_day,
                )
            )
        for what, expected_value, actual in pairs:
            if expected_value != actual:
                yield f"{where}: {what}: model {expected_value!r}, library {actual!r}"
                return


def _blank_reason(termination: dict[str, Any] | None) -> dict[str, Any] | None:
    """A blank reason is given as absent to the library (see the module docstring)."""
    if termination is None or (termination["reason"] or "").strip():
        return termination
    return {**termination, "reason": None}


#: The library's condition codes of Art. 12 al. 3, as the model names them unmet.
_INDEMNITY_CODES = {
    "termination_in_effect": "no_termination",
    "by_metropole": "not_by_metropole",
    "for_a_breach": "ground_not_for_breach",
    "breach_named": "no_breach_named",
    "breach_impedes_experiment": "breach_not_impeding",
    "formal_notice_sent": "no_formal_notice",
    "remedy_period_ran_out": "remedy_period_not_over",
    "not_remedied_in_time": "remedied_in_time",
}


def _indemnity(lifecycle: Lifecycle, on: dt.date) -> tuple[bool, list[str]]:
    """Whether the Art. 12 al. 3 indemnity may be claimed on ``on``, and the unmet
    conditions in the model's codes. The library also lists the other unmet conditions
    of a termination decided but not yet in effect; the model stops at that one."""
    unmet = [_INDEMNITY_CODES[u.code] for u in unmet_conditions(lifecycle.termination_facts(on))]
    if "no_termination" in unmet:
        unmet = ["no_termination"]
    return not unmet, unmet


def _deadline(status: Status) -> dt.date | None:
    return None if status.remedy_deadline is None else status.remedy_deadline.expires_on


@pytest.mark.parametrize("block", range(10))
def test_library_agrees_with_the_reference_model(block: int) -> None:
    found: list[str] = []
    per_block = RUNS // 10
    for name, convention, events in sequences(per_block, seed=block * per_block):
        found += differences(name, convention, events)
    assert not found, "\n".join(found[:5])


@pytest.mark.parametrize(
    "options",
    [
        {"not_ready_notice_required": False},
        {"sanction_requires_remedy_period": False},
    ],
    ids=["not-ready-without-notice", "sanction-without-remedy-period"],
)
def test_library_agrees_under_the_other_readings(options: dict[str, Any]) -> None:
    found: list[str] = []
    for name, convention, events in sequences(RUNS_PER_OPTION, seed=50_000, **options):
        found += differences(name, convention, events, **options)
    assert not found, "\n".join(found[:5])
