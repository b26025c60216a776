"""The state diagram (``mgp_convention.diagram``): what RULES.md says, in words for people.

The transitions below are written by hand from RULES.md version 2 (« States », « Events »,
« Breaches », « Time-driven facts »), not read from the machine: the diagram must draw
exactly these arrows (an event that keeps the state draws none).
"""

from __future__ import annotations

import re

import pytest

from mgp_convention.diagram import FORMATS, dot, draw, mermaid
from mgp_convention.errors import ConventionError
from mgp_convention.machine import EVENT_TRIGGERS, GUARDS, SETTLE, TIME_PASSES
from mgp_convention.states import State

IN_FORCE = (
    "signed",
    "delayed",
    "experimenting",
    "in_breach",
    "remedy_period",
    "experiment_stopped",
)
RETURN = ("signed", "delayed", "experimenting", "experiment_stopped")

RULES_TRANSITIONS = {
    # Art. 2: the last signature; never signed by the end date (not_concluded).
    ("draft", "signed"),
    ("draft", "not_concluded"),
    # Art. 3: a definitive unsuccessful procurement, in draft, signed or delayed.
    ("draft", "lapsed"),
    ("signed", "lapsed"),
    ("delayed", "lapsed"),
    # Art. 5: a delay reported, or the planned start passed without a start.
    ("signed", "delayed"),
    # An avenant moving the planned start later: « delayed » no longer holds (RULES.md,
    # « States »: « or the planned start passed without a start »).
    ("delayed", "signed"),
    # Art. 5: the start.
    ("signed", "experimenting"),
    ("delayed", "experimenting"),
    # Art. 12: a breach, from signed, delayed, experimenting, experiment_stopped, and a
    # new one during another's thirty days.
    *{(state, "in_breach") for state in (*RETURN, "remedy_period")},
    # Every open breach had its formal notice.
    ("in_breach", "remedy_period"),
    # The last open breach closes: back to the return state.
    *{(state, back) for state in ("in_breach", "remedy_period") for back in RETURN},
    # Art. 9: the end of the experiment (from experimenting; from a breach state it is
    # the return state, reached when the last open breach closes).
    ("experimenting", "experiment_stopped"),
    # A termination takes effect, from any state in force; the end date passes.
    *{(state, "terminated") for state in IN_FORCE},
    *{(state, "ended") for state in IN_FORCE},
}

_MERMAID_EDGE = re.compile(r"^\s*(\w+) --> (\w+): (.+)$", re.M)
_DOT_EDGE = re.compile(r'^\s*(\w+) -> (\w+) \[label="([^"]*)"\]', re.M)


def edges(text: str, pattern: re.Pattern[str]) -> set[tuple[str, str]]:
    return {(source, dest) for source, dest, _ in pattern.findall(text)}


@pytest.mark.parametrize(
    ("text", "pattern"),
    [(mermaid(), _MERMAID_EDGE), (dot(), _DOT_EDGE)],
    ids=["mermaid", "dot"],
)
def test_the_diagram_draws_the_transitions_of_rules(text: str, pattern: re.Pattern[str]) -> None:
    assert edges(text, pattern) == RULES_TRANSITIONS


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_state_has_its_french_label(fmt: str) -> None:
    text = draw(fmt, "fr")  # type: ignore[arg-type]
    for state in State:
        assert f'"{state.label("fr")}' in text, state


def test_the_diagram_starts_in_draft() -> None:
    assert "[*] --> draft" in mermaid()


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_no_code_name_of_a_guard_or_an_event_is_shown(fmt: str, lang: str) -> None:
    text = draw(fmt, lang)  # type: ignore[arg-type]
    labels = [
        label for _, _, label in (_MERMAID_EDGE if fmt == "mermaid" else _DOT_EDGE).findall(text)
    ]
    assert labels
    # A state's code is the drawing's identifier of that state (shown by its label), and
    # « signature » is also a word: the other codes are looked for in the whole text.
    codes = {*GUARDS, *(guard.name for guard in GUARDS.values()), SETTLE, TIME_PASSES}
    codes |= {t for t in EVENT_TRIGGERS if ("_" in t or ":" in t) and t not in set(State)}
    for code in codes:
        assert code not in text, code
    assert all("_" not in label for label in labels)


def test_the_words_follow_the_language() -> None:
    french, english = mermaid("fr"), mermaid("en")
    assert "une résiliation" in french
    assert "a termination" in english
    assert '"remedy period"' in english
    assert '"délai de remédiation"' not in english


def test_an_unknown_format_or_language_is_refused() -> None:
    with pytest.raises(ConventionError):
        draw("svg")  # type: ignore[arg-type]
    with pytest.raises(ConventionError):
        draw("mermaid", "de")  # type: ignore[arg-type]
