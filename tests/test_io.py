"""The convention file: strict JSON, every problem with its path, exact round trip,
file versions (a version 1 file is migrated), atomic and locked writes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given

from mgp_convention.convention import Convention
from mgp_convention.errors import FileFormatError, InvalidValue, LoadError
from mgp_convention.examples import example_convention
from mgp_convention.io import (
    MAX_PROBLEMS,
    dump_path,
    dumps,
    iter_folder,
    load_folder,
    load_path,
    loads,
    read_file,
    read_text,
    save,
    structure,
    unstructure,
)
from mgp_convention.versions import READ_VERSIONS, migrate

from strategies import conventions

EXAMPLES = sorted((Path(__file__).parent.parent / "examples").glob("*.json"))
V1 = sorted((Path(__file__).parent / "data" / "v1").glob("*.json"))


def example_data() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(dumps(example_convention()))
    return data


def problems_of(data: Any) -> list[tuple[str, str]]:
    with pytest.raises(LoadError) as info:
        structure(data)
    return [(p.path, str(p.message)) for p in info.value.problems]


def test_round_trip_of_the_example() -> None:
    convention = example_convention()
    assert loads(dumps(convention)) == convention


@given(conventions())
def test_round_trip_property(convention: Convention) -> None:
    text = dumps(convention)
    assert loads(text) == convention
    assert dumps(loads(text)) == text  # byte for byte
    assert unstructure(loads(text)) == unstructure(convention)


@given(conventions())
def test_the_canonical_layout(convention: Convention) -> None:
    text = dumps(convention)
    assert text.endswith("}\n")
    assert text.startswith('{\n  "schema_version": 2,\n')
    data = json.loads(text)
    assert all(next(iter(event)) == "type" for event in data["events"])
    assert set(data) == {field.name for field in attrs.fields(Convention)}


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


def test_iter_folder_reads_one_file_at_a_time(tmp_path: Path) -> None:
    """The same files as load_folder, in name order, each read only when asked for; the
    folder is listed (and a missing one refused) at the call, before any file is read."""
    dump_path(attrs.evolve(example_convention(), reference="REF-B"), tmp_path / "a.json")
    (tmp_path / "b.json").write_text("{", encoding="utf-8")
    dump_path(attrs.evolve(example_convention(), reference="REF-A"), tmp_path / "c.json")
    outcomes = iter_folder(tmp_path)
    first_path, first = next(outcomes)
    (tmp_path / "c.json").write_text("[", encoding="utf-8")  # not read yet: read as it is now
    rest = list(outcomes)
    assert first_path.name == "a.json"
    assert isinstance(first, Convention)
    assert first.reference == "REF-B"
    assert [(path.name, type(outcome)) for path, outcome in rest] == [
        ("b.json", FileFormatError),
        ("c.json", FileFormatError),
    ]
    with pytest.raises(FileFormatError, match="is not a folder"):
        iter_folder(tmp_path / "missing")  # no next() needed


# --- file versions -------------------------------------------------------------------------


@pytest.mark.parametrize("path", V1, ids=lambda p: p.name)
def test_a_version_1_file_is_the_same_convention_as_its_version_2(path: Path) -> None:
    loaded = read_file(path)
    assert (loaded.version, loaded.migrated) == (1, True)
    current = Path(__file__).parent.parent / "examples" / path.name
    assert loaded.convention == load_path(current)
    assert dumps(loaded.convention) == current.read_text(encoding="utf-8")


def test_the_examples_are_version_2() -> None:
    for path in EXAMPLES:
        loaded = read_file(path)
        assert (loaded.version, loaded.migrated, loaded.path) == (2, False, path)


def test_version_1_breaches_are_labelled_in_order_of_recording() -> None:
    """Version 1 had one breach open at a time: each event that concerns a breach names
    the one recorded last before it; a termination on not_ready names none."""
    breach = {"obligation": "share_data", "impedes_experiment": True}
    events = [
        {"type": "breach_recorded", "on": "2027-01-04", **breach},
        {"type": "formal_notice_sent", "on": "2027-01-05", "letter_reference": "L1"},
        {"type": "breach_remedied", "on": "2027-01-20"},
        {"type": "breach_recorded", "on": "2027-02-01", **breach},
        {"type": "justifications_examined", "on": "2027-02-02"},
        {"type": "representatives_heard", "on": "2027-02-03"},
        {"type": "termination", "on": "2027-04-01", "ground": "sanction"},
        {"type": "termination", "on": "2027-04-02", "ground": "not_ready"},
        {"type": "termination", "on": "2027-04-03", "ground": "interruption", "reason": "r"},
    ]
    data = migrate({"schema_version": 1, "events": events}, 1)
    assert data["schema_version"] == 2
    assert [event.get("breach") for event in data["events"]] == [
        "B1",
        "B1",
        "B1",
        "B2",
        "B2",
        "B2",
        "B2",
        None,
        None,
    ]
    assert events[0] == {"type": "breach_recorded", "on": "2027-01-04", **breach}  # unchanged


def test_a_version_1_file_with_a_problem_keeps_its_paths() -> None:
    data = json.loads(V1[0].read_text(encoding="utf-8"))
    data["events"][3]["obligation"] = "share_dat"
    assert problems_of(data) == [
        ("$.events[3].obligation", problems_of(_with_obligation("share_dat"))[0][1])
    ]


def _with_obligation(value: str) -> dict[str, Any]:
    data = json.loads(EXAMPLES[2].read_text(encoding="utf-8"))
    data["events"][3]["obligation"] = value
    return data


@pytest.mark.parametrize(
    ("version", "message"),
    [
        (3, "unknown schema version 3: this version of mgp-convention reads versions 1, 2"),
        (0, "unknown schema version 0"),
        ("2", "expected the version of the file format, 1, 2, got '2'"),
        (2.0, "expected the version of the file format"),
        (True, "expected the version of the file format"),
        (None, "expected the version of the file format"),
    ],
)
def test_unknown_versions_are_refused(version: Any, message: str) -> None:
    data = example_data()
    data["schema_version"] = version
    data["extra"] = 1  # not reported: the file's version decides how it is read
    assert problems_of(data) == [("$.schema_version", problems_of(data)[0][1])]
    assert message in problems_of(data)[0][1]


def test_a_file_must_say_its_version() -> None:
    data = example_data()
    del data["schema_version"]
    [(path, message)] = problems_of(data)
    assert path == "$.schema_version"
    assert "required key is missing" in message
    assert READ_VERSIONS == (1, 2)
    # Its other problems are listed as the current version sees them.
    data["reference"] = ""
    assert [path for path, _ in problems_of(data)] == ["$.schema_version", "$.reference"]


# --- every problem, up to a limit -------------------------------------------------------------


def test_problems_past_the_limit_are_counted() -> None:
    data = example_data()
    data["events"] = [{"type": "signature", "on": "2027-01-01"}] * 300  # party missing
    with pytest.raises(LoadError) as info:
        structure(data)
    assert len(info.value.problems) == MAX_PROBLEMS
    assert info.value.more == 200
    assert str(info.value).splitlines()[-1] == "… and 200 more problems"


def test_every_problem_of_an_object_at_once() -> None:
    """The fields that failed, the field validators of those that loaded, and the
    coherence rules: in one pass."""
    data = example_data()
    data["beneficiary"].update(kind="mairie", name="Commune\x1b", siren="999000012")
    paths = [path for path, _ in problems_of(data)]
    assert paths == ["$.beneficiary.kind", "$.beneficiary.name", "$.beneficiary.siren"]


def test_a_key_with_an_odd_name_has_a_quoted_path() -> None:
    data = example_data()
    data["market"]["total ttc"] = "1.00"
    assert ('$.market["total ttc"]', "unknown key 'total ttc' (did you mean 'total_ttc'?)") in (
        problems_of(data)
    )


def test_floats_and_numbers_are_kept_as_written() -> None:
    data = example_data()
    data["market"]["total_ttc"] = "@@"
    text = json.dumps(data).replace('"@@"', "1e400")
    with pytest.raises(LoadError, match="the amount 1e400 is a JSON float"):
        loads(text)


def test_a_text_is_bounded(tmp_path: Path) -> None:
    with pytest.raises(FileFormatError, match="too large: 3 bytes, at most 2"):
        read_text("{ }", max_bytes=2)
    with pytest.raises(FileFormatError, match="too large: 6 bytes, at most 5"):
        read_text('"éé"', max_bytes=5)  # bytes of UTF-8, not characters
    path = tmp_path / "c.json"
    path.write_text(dumps(example_convention()), encoding="utf-8")
    with pytest.raises(FileFormatError, match="too large"):
        load_path(path, max_bytes=100)


def test_the_arguments_are_checked() -> None:
    with pytest.raises(InvalidValue, match="expected the file's text") as info:
        loads(None)  # type: ignore[arg-type]
    assert info.value.field == "text"
    with pytest.raises(InvalidValue, match="expected a file path") as info:
        load_path(42)  # type: ignore[arg-type]
    assert info.value.field == "path"
    with pytest.raises(InvalidValue, match="expected a Convention") as info:
        dumps("{}")  # type: ignore[arg-type]
    assert info.value.field == "convention"


# --- writing ------------------------------------------------------------------------------------


def test_save_writes_the_canonical_text_under_a_lock(tmp_path: Path) -> None:
    path = tmp_path / "c.json"
    assert save(path, example_convention()) == path
    assert path.read_text(encoding="utf-8") == dumps(example_convention())
    assert (tmp_path / ".c.json.lock").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == [".c.json.lock", "c.json"]
    assert load_folder(tmp_path).loaded == ((path, example_convention()),)


def test_a_version_1_file_whose_events_are_not_a_list() -> None:
    data = example_data()
    data.update(schema_version=1, events={"type": "signature"})
    assert problems_of(data) == [("$.events", "expected a list, got an object")]


def test_save_in_a_missing_folder_creates_nothing(tmp_path: Path) -> None:
    from mgp_convention.errors import FileWriteError

    with pytest.raises(FileWriteError):
        save(tmp_path / "missing" / "c.json", example_convention())
    assert not (tmp_path / "missing").exists()


def test_an_unexpected_error_in_a_folder_is_that_file_s_failure(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    from mgp_convention import files

    save(tmp_path / "a.json", example_convention())

    def broken(*_args: object, **_kwargs: object) -> bytes:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(files, "read_bounded", broken)
    result = load_folder(tmp_path)
    assert [path.name for path, _ in result.failed] == ["a.json"]
    assert "input/output error" in str(result.failed[0][1])
