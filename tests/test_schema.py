"""The JSON Schema generated from the code accepts what the loader accepts (shape)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import given

from mgp_convention.cli import main
from mgp_convention.convention import Convention
from mgp_convention.events import EVENT_TYPES
from mgp_convention.io import dumps
from mgp_convention.schema import json_schema

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


@pytest.mark.parametrize(
    "mutate",
    [
        lambda d: d.update(extra=1),  # unknown key
        lambda d: d.pop("end_date"),  # missing key
        lambda d: d["market"].update(total_ttc=12.5),  # float amount
        lambda d: d["market"].update(total_ttc="12,50"),  # comma
        lambda d: d["beneficiary"].update(kind="mairie"),  # not an enumerated kind
        lambda d: d["events"].append({"type": "sigature", "on": "2027-01-01"}),
        lambda d: d.update(schema_version=2),
    ],
)
def test_schema_refuses_what_the_loader_refuses(mutate: Any) -> None:
    data = json.loads(EXAMPLES[0].read_text(encoding="utf-8"))
    mutate(data)
    assert not VALIDATOR.is_valid(data)


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
