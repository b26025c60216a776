"""The eleven states of RULES.md version 2 (« States »): codes, French labels, kinds."""

from __future__ import annotations

import pytest

from mgp_convention.states import (
    BREACH_STATES,
    FINAL_STATES,
    IN_FORCE_STATES,
    RETURN_STATES,
    STATE_OF,
    State,
)

# The table of RULES.md, « States »: value, French label, final?
RULES_STATES = [
    ("draft", "en attente de signature", False),
    ("signed", "signée", False),
    ("delayed", "en retard", False),
    ("experimenting", "en expérimentation", False),
    ("in_breach", "en manquement", False),
    ("remedy_period", "délai de remédiation", False),
    ("experiment_stopped", "expérimentation arrêtée", False),
    ("terminated", "résiliée", True),
    ("ended", "terminée", True),
    ("not_concluded", "non conclue", True),
    ("lapsed", "caduque", True),
]


def test_the_eleven_states_of_rules_in_order() -> None:
    assert [state.value for state in State] == [value for value, _, _ in RULES_STATES]


@pytest.mark.parametrize(("value", "label", "final"), RULES_STATES, ids=str)
def test_each_state_has_the_french_label_of_rules(value: str, label: str, final: bool) -> None:
    state = State(value)
    assert state.label("fr") == state.label_fr == label
    assert state.final is final
    assert STATE_OF[value] is state


def test_english_labels_are_words_not_codes() -> None:
    assert State.REMEDY_PERIOD.label("en") == "remedy period"
    assert State.DRAFT.label("en") == "awaiting signature"
    assert all("_" not in state.label("en") for state in State)


def test_the_kinds_of_states() -> None:
    # « final »: terminated (early), ended (its end date), not_concluded (never signed),
    # lapsed (Art. 3). « in force »: signed by every party and not final. The breach
    # states: in_breach, remedy_period. The return states: the last state held before
    # in_breach (signed, delayed, experimenting or experiment_stopped).
    assert {State.TERMINATED, State.ENDED, State.NOT_CONCLUDED, State.LAPSED} == FINAL_STATES
    assert set(State) - FINAL_STATES - {State.DRAFT} == IN_FORCE_STATES
    assert {State.IN_BREACH, State.REMEDY_PERIOD} == BREACH_STATES
    assert RETURN_STATES == (
        State.SIGNED,
        State.DELAYED,
        State.EXPERIMENTING,
        State.EXPERIMENT_STOPPED,
    )
    assert set(RETURN_STATES) == IN_FORCE_STATES - BREACH_STATES
