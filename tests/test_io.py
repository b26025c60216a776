"""The convention file: strict JSON, every problem with its path, exact round trip."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given

from mgp_convention.convention import Convention
from mgp_convention.errors import FileFormatError, LoadError
from mgp_convention.examples import example_convention
from mgp_convention.io import (
    dump_path,
    dumps,
    load_folder,
    load_path,
    loads,
    structure,
    unstructure,
)

from strategies import conventions

EXAMPLES = sorted((Path(__file__).parent.parent / "examples").glob("*.json"))


def example_data() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(dumps(example_convention()))
    return data


def problems_of(data: Any) -> list[tuple[str, str]]:
    with pytest.raises(LoadError) as info:
        structure(data)
    return [(p.path, p.message) for p in info.value.problems]


def test_round_trip_of_the_example() -> None:
    convention = example_convention()
    assert loads(dumps(convention)) == convention


@given(conventions())
def test_round_trip_property(convention: Convention) -> None:
    assert loads(dumps(convention)) == convention
    assert unstructure(loads(dumps(convention))) == unstructure(convention)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_bundled_examples_load(path: Path) -> None:
    convention = load_path(path)
    assert convention.beneficiary.name.endswith("(fictive)") or "(fictif)" in (
        convention.beneficiary.name
    )
    assert dumps(convention) == path.read_text(encoding="utf-8")


def test_at_least_three_examples() -> None:
    assert len(EXAMPLES) >= 3


def test_file_starts_with_its_schema_version() -> None:
    assert next(iter(example_data())) == "schema_version"


def test_four_problems_reported_at_once() -> None:
    # The scenario: a bad SIREN, a float amount, a misspelt key, an end date
    # before the start; all four come back together, each with its path.
    data = example_data()
    data["beneficiary"]["siren"] = "999000012"
    data["market"]["total_ttc"] = 180000.5
    data["experiment"]["objectifs"] = data["experiment"].pop("objectives")
    data["end_date"] = "2026-01-01"
    data["experiment"].pop("evaluation_deadline")
    data["experiment"].pop("evaluation_period")
    data["experiment"].pop("reduced_usage_after")
    found = problems_of(data)
    paths = [path for path, _ in found]
    assert "$.beneficiary.siren" in paths
    assert "$.market.total_ttc" in paths
    assert "$.experiment.objectifs" in paths
    assert "$.end_date" in paths
    messages = dict(found)
    assert "check digit" in messages["$.beneficiary.siren"]
    assert "float" in messages["$.market.total_ttc"]
    assert "did you mean 'objectives'" in messages["$.experiment.objectifs"]
    assert "comes before" in messages["$.end_date"]


@pytest.mark.parametrize(
    ("mutate", "path", "message"),
    [
        (lambda d: d.update(extra=1), "$.extra", "unknown key 'extra'"),
        (lambda d: d.pop("end_date"), "$.end_date", "required key is missing"),
        (lambda d: d.update(end_date="31/03/2028"), "$.end_date", "YYYY-MM-DD"),
        (lambda d: d.update(end_date="2028-02-30"), "$.end_date", "not a day of the calendar"),
        (lambda d: d.update(end_date=20280331), "$.end_date", "YYYY-MM-DD"),
        (lambda d: d["market"].update(total_ttc="12,50"), "$.market.total_ttc", "with a dot"),
        (lambda d: d["market"].update(total_ttc="douze"), "$.market.total_ttc", "not an amount"),
        (lambda d: d["market"].update(total_ttc=True), "$.market.total_ttc", "as a string"),
        (lambda d: d["market"].update(total_ttc="-5"), "$.market.total_ttc", "negative"),
        (lambda d: d["market"].update(total_ttc="1.005"), "$.market.total_ttc", "two decimals"),
        (lambda d: d["market"].update(beneficiaries="3"), "$.market.beneficiaries", "whole"),
        (lambda d: d["market"].update(beneficiaries=0), "$.market.beneficiaries", "at least 1"),
        (lambda d: d["market"].update(beneficiaries=2.0), "$.market.beneficiaries", "whole"),
        (lambda d: d["beneficiary"].update(kind="mairie"), "$.beneficiary.kind", "not one of"),
        (lambda d: d["beneficiary"].update(name=7), "$.beneficiary.name", "expected a string"),
        (lambda d: d.update(referent="x"), "$.referent", "expected an object"),
        (lambda d: d.update(events={}), "$.events", "expected a list"),
        (lambda d: d["events"].append(3), "$.events[2]", "expected an event object"),
        (lambda d: d["events"].append({"on": "2027-01-01"}), "$.events[2].type", "required"),
        (
            lambda d: d["events"].append({"type": "sigature", "on": "2027-01-01"}),
            "$.events[2].type",
            "did you mean 'signature'",
        ),
        (
            lambda d: d["events"][0].update(party="commune"),
            "$.events[0].party",
            "not one of: metropole, beneficiary",
        ),
        (
            lambda d: d["events"].append(
                {
                    "type": "breach_recorded",
                    "on": "2027-01-01",
                    "obligation": "other",
                    "impedes_experiment": "yes",
                }
            ),
            "$.events[2].impedes_experiment",
            "true or false",
        ),
        (
            lambda d: d["events"].append(
                {
                    "type": "breach_recorded",
                    "on": "2027-01-01",
                    "obligation": "other",
                    "impedes_experiment": True,
                }
            ),
            "$.events[2].details",
            "must say what it is",
        ),
        (
            lambda d: d["events"].append(
                {"type": "amendment_signed", "on": "2027-01-01", "changes": {}}
            ),
            "$.events[2].changes",
            "at least one thing",
        ),
        (
            lambda d: d["experiment"]["calendar"][0].update(duration={}),
            "$.experiment.calendar[0].duration.months",
            "at least one day",
        ),
        (lambda d: d["experiment"].update(objectives=[""]), "$.experiment.objectives[0]", "empty"),
        (lambda d: d.update(schema_version=3), "$.schema_version", "unknown schema version"),
    ],
)
def test_each_problem_is_reported_with_its_path(mutate: Any, path: str, message: str) -> None:
    data = example_data()
    mutate(data)
    found = problems_of(data)
    assert any(p == path and message in m for p, m in found), found


def test_not_an_object() -> None:
    assert problems_of([1, 2]) == [("$", "expected an object, got a list")]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{", "not valid JSON"),
        ("", "not valid JSON"),
        ('{"a": 1, "a": 2}', "appears twice"),
        ('{"end_date": NaN}', "NaN is not valid JSON"),
        ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
    ],
)
def test_file_format_errors(text: str, message: str) -> None:
    with pytest.raises(FileFormatError, match=message):
        loads(text)


def test_bytes_must_be_utf8() -> None:
    with pytest.raises(FileFormatError, match="not UTF-8"):
        loads(dumps(example_convention()).encode("latin-1"))
    assert loads(dumps(example_convention()).encode("utf-8")) == example_convention()


def test_paths(tmp_path: Path) -> None:
    target = tmp_path / "c.json"
    dump_path(example_convention(), target)
    assert load_path(target) == example_convention()
    with pytest.raises(FileFormatError, match="cannot read"):
        load_path(tmp_path / "missing.json")


def test_errors_are_value_errors_with_a_field() -> None:
    data = example_data()
    data["beneficiary"]["siren"] = "1"
    with pytest.raises(ValueError, match="SIREN") as info:
        structure(data)
    assert isinstance(info.value, LoadError)
    assert info.value.field == "$.beneficiary.siren"
    assert info.value.article == "Préambule"


def test_load_folder_keeps_going_past_a_broken_file(tmp_path: Path) -> None:
    dump_path(example_convention(), tmp_path / "b.json")
    (tmp_path / "a.json").write_text("{", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not a convention", encoding="utf-8")
    (tmp_path / "sub.json").mkdir()
    result = load_folder(tmp_path)
    assert [path.name for path, _ in result.loaded] == ["b.json"]
    assert [path.name for path, _ in result.failed] == ["a.json"]
    assert isinstance(result.failed[0][1], FileFormatError)


def test_load_folder_needs_a_folder(tmp_path: Path) -> None:
    with pytest.raises(FileFormatError, match="is not a folder"):
        load_folder(tmp_path / "missing")
