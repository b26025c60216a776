"""The JSON Schema generated from the code (version 2) accepts what the loader accepts,
and refuses what the loader refuses where JSON Schema can say it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import given

from mgp_convention.cli import main
from mgp_convention.convention import Convention
from mgp_convention.errors import ConventionError
from mgp_convention.events import EVENT_TYPES
from mgp_convention.io import dumps, structure
from mgp_convention.schema import SCHEMA_ID, json_schema

from strategies import conventions

EXAMPLES = sorted((Path(__file__).parent.parent / "examples").glob("*.json"))
VALIDATOR = jsonschema.Draft202012Validator(
    json_schema(), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
)


def test_schema_is_a_valid_draft_2020_12_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(json_schema())


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_examples_match_the_schema(path: Path) -> None:
    VALIDATOR.validate(json.loads(path.read_text(encoding="utf-8")))


@given(conventions())
def test_every_dumped_convention_matches_the_schema(convention: Convention) -> None:
    VALIDATOR.validate(json.loads(dumps(convention)))


def _event(**fields: Any) -> Any:
    return lambda d: d["events"].append({"on": "2027-01-01", **fields})


REFUSED = {
    "unknown key": lambda d: d.update(extra=1),
    "missing key": lambda d: d.pop("end_date"),
    "missing version": lambda d: d.pop("schema_version"),
    "float amount": lambda d: d["market"].update(total_ttc=12.5),
    "comma": lambda d: d["market"].update(total_ttc="12,50"),
    "three decimals": lambda d: d["market"].update(total_ttc="1.005"),
    "negative amount": lambda d: d["market"].update(total_ttc="-5"),
    "not a kind": lambda d: d["beneficiary"].update(kind="mairie"),
    "unknown event": _event(type="sigature"),
    "unknown version": lambda d: d.update(schema_version=3),
    "version 1": lambda d: d.update(schema_version=1),
    "control character": lambda d: d["beneficiary"].update(name="Commune\x1b[2J"),
    "bidi override": lambda d: d.update(reference="MGP\u202eAM"),
    "line break in a line": lambda d: d["beneficiary"].update(address="1 rue\n2 rue"),
    "empty text": lambda d: d["beneficiary"].update(name=" "),
    "too long": lambda d: d.update(reference="x" * 65),
    "year 9999": lambda d: d.update(end_date="9999-12-31"),
    "year 1999": lambda d: d["experiment"].update(indicative_start="1999-12-31"),
    "not a date": lambda d: d.update(end_date="31/03/2028"),
    "100,000 months": lambda d: d["experiment"]["calendar"][0]["duration"].update(months=100_000),
    "experiment of 121 months": lambda d: d["experiment"].update(duration_months=121),
    "empty duration": lambda d: d["experiment"]["calendar"][0].update(
        duration={"months": 0, "days": 0}
    ),
    "too many objectives": lambda d: d["experiment"].update(objectives=["x"] * 51),
    "no objective": lambda d: d["experiment"].update(objectives=[]),
    "bad SIREN shape": lambda d: d["beneficiary"].update(siren="2000 54781"),
    "bad breach label": _event(
        type="breach_recorded", breach="B 1", obligation="share_data", impedes_experiment=True
    ),
    "other without details": _event(
        type="breach_recorded", obligation="other", impedes_experiment=True
    ),
    "impeding not said": _event(type="breach_recorded", obligation="share_data"),
    "not ready that does not impede": _event(
        type="breach_recorded", obligation="ready_on_planned_date", impedes_experiment=False
    ),
    "basis of an interruption": _event(
        type="termination", ground="interruption", reason="r", basis="upheaval"
    ),
    "breach of an interruption": _event(
        type="termination", ground="interruption", reason="r", breach="B1"
    ),
    "termination by nobody": _event(type="termination", ground="breach", by="nobody"),
    "empty amendment": _event(type="amendment_signed", changes={}),
    "amendment of nothing": _event(type="amendment_signed", changes={"end_date": None}),
    "withdrawn without reason": lambda d: d.update(
        withdrawn=[{"event": {"type": "experiment_started", "on": "2027-03-01"}, "index": 2}]
    ),
}


@pytest.mark.parametrize("mutate", REFUSED.values(), ids=REFUSED.keys())
def test_schema_refuses_what_the_loader_refuses(mutate: Any) -> None:
    data = json.loads(EXAMPLES[0].read_text(encoding="utf-8"))
    mutate(data)
    assert not VALIDATOR.is_valid(data)
    if data.get("schema_version") != 1:  # the loader reads version 1 (migrated)
        with pytest.raises(ConventionError):
            structure(data)


def test_schema_describes_version_2() -> None:
    schema = json_schema()
    assert schema["$id"] == SCHEMA_ID
    assert SCHEMA_ID.endswith("convention-v2.json")
    assert schema["properties"]["schema_version"] == {"const": 2}
    defs = schema["$defs"]
    assert set(defs["Termination"]["properties"]) >= {
        "by",
        "notified_on",
        "effective_on",
        "basis",
        "breach",
    }
    assert "withdrawn" in schema["properties"]
    assert defs["WithdrawnEvent"]["required"] == ["event", "index", "reason", "withdrawn_on"]


def test_every_event_type_is_described() -> None:
    defs = json_schema()["$defs"]
    described = {
        d["properties"]["type"]["const"]
        for d in defs.values()
        if "type" in d.get("properties", {}) and "const" in d["properties"]["type"]
    }
    assert described == set(EVENT_TYPES)


def test_cli_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out) == json_schema()
