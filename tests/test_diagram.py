"""The lifecycle's diagram is drawn from the machine, and the machine is RULES.md's."""

from __future__ import annotations

import re

from mgp_convention.diagram import Diagram, Edge, Node, dot, mermaid
from mgp_convention.lifecycle import State, diagram
from mgp_convention.lifecycle import dot as lifecycle_dot
from mgp_convention.lifecycle import mermaid as lifecycle_mermaid

NON_FINAL = ("draft", "signed", "delayed", "experimenting", "in_breach", "remedy_period")
IN_FORCE = NON_FINAL[1:]
BEFORE_BREACH = ("signed", "delayed", "experimenting")

# The transitions of RULES.md ("Events" and "Termination grounds"), written out by hand:
# (trigger, from, to).
EXPECTED = {
    ("signature", "draft", "draft"),
    ("signature", "draft", "signed"),
    *{("delay_reported", s, "delayed") for s in ("signed", "delayed")},
    *{("experiment_started", s, "experimenting") for s in ("signed", "delayed")},
    *{("breach_recorded", s, "in_breach") for s in BEFORE_BREACH},
    ("formal_notice_sent", "in_breach", "remedy_period"),
    *{
        ("breach_remedied", s, back)
        for s in ("in_breach", "remedy_period")
        for back in BEFORE_BREACH
    },
    *{
        (step, s, s)
        for step in ("justifications_examined", "representatives_heard")
        for s in ("in_breach", "remedy_period")
    },
    *{("amendment_signed", s, s) for s in NON_FINAL},
    *{("termination:interruption", s, "terminated") for s in IN_FORCE},
    ("termination:not_ready", "delayed", "terminated"),
    ("termination:breach", "remedy_period", "terminated"),
    *{("termination:sanction", s, "terminated") for s in ("in_breach", "remedy_period")},
    *{("end_date_passed", s, "ended") for s in NON_FINAL},
}


def test_the_machine_has_the_transitions_of_the_rules() -> None:
    edges = {(edge.triggers[0], edge.source, edge.dest) for edge in diagram().edges}
    assert edges == EXPECTED


def test_no_shortcut_to_a_state() -> None:
    assert not [e for e in diagram().edges if e.triggers[0].startswith("to_")]


def test_nodes() -> None:
    nodes = diagram().nodes
    assert [n.name for n in nodes] == [s.value for s in State]
    assert [n.label for n in nodes] == [s.label_fr for s in State]
    assert [n.name for n in nodes if n.initial] == ["draft"]
    assert {n.name for n in nodes if n.final} == {"terminated", "ended"}


def test_mermaid() -> None:
    text = lifecycle_mermaid()
    lines = text.splitlines()
    assert lines[0] == "stateDiagram-v2"
    assert '    state "remedy_period — délai de remédiation" as remedy_period' in lines
    assert "    [*] --> draft" in lines
    assert {"    terminated --> [*]", "    ended --> [*]"} <= set(lines)
    assert (
        "    remedy_period --> terminated : termination (interruption) [interruption_reason_given]"
        " | termination (breach) [breach_deadline_passed] | termination (sanction) "
        "[sanction_procedure_done, sanction_remedy_period_run_out]"
    ) in lines
    # Mermaid ends a transition's text at ':', ';' or '#'.
    for line in lines:
        if "-->" in line and " : " in line:
            assert not re.search(r"[:;#]", line.split(" : ", 1)[1]), line


def test_dot() -> None:
    text = lifecycle_dot()
    assert text.startswith("digraph lifecycle {\n")
    assert text.endswith("\n}")
    assert '"draft" [label="draft\\nen attente de signature"];' in text
    assert '"terminated" [label="terminated\\nrésiliée", peripheries=2];' in text
    assert '"remedy_period" -> "ended" [label="end_date_passed", style=dashed];' in text
    assert text.count('"') % 2 == 0


def test_renderers_merge_parallel_edges_and_escape() -> None:
    d = Diagram(
        (Node("a", 'say "hi"', initial=True), Node("b", "B", final=True)),
        (Edge("a", "b", ("x:y",), ("g",)), Edge("a", "b", ("z",))),
    )
    assert "    a --> b : x (y) [g] | z" in mermaid(d).splitlines()
    assert '"a" [label="a\\nsay \\"hi\\""];' in dot(d)
    assert '"a" -> "b" [label="x:y [g]\\nz"];' in dot(d)
