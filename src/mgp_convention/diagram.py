"""Pictures of the lifecycle: Mermaid (``stateDiagram-v2``) and Graphviz DOT text.

The picture is drawn from a :class:`Diagram` that :func:`mgp_convention.lifecycle.diagram`
reads from the package's one ``transitions`` machine (its states, events and
transitions, with the names of their guards), so it cannot drift from the code. This
module only renders; it needs neither Graphviz nor Mermaid installed.

>>> d = Diagram(
...     nodes=(Node("draft", "en attente de signature", initial=True),
...            Node("signed", "signée", final=True)),
...     edges=(Edge("draft", "signed", ("signature",), ("party_not_signed_yet",)),),
... )
>>> print(mermaid(d))
stateDiagram-v2
    state "draft — en attente de signature" as draft
    state "signed — signée" as signed
    [*] --> draft
    draft --> signed : signature [party_not_signed_yet]
    signed --> [*]
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import attrs

__all__ = ["Diagram", "Edge", "Node", "dot", "mermaid"]


@attrs.frozen
class Node:
    """A state: its name, its French label, whether it is the initial or a final state."""

    name: str
    label: str
    initial: bool = False
    final: bool = False


@attrs.frozen
class Edge:
    """A transition: source and destination, the trigger(s), the guards' names.

    ``time_driven``: taken by the passing of time (no event), e.g. the end date.
    """

    source: str
    dest: str
    triggers: tuple[str, ...]
    guards: tuple[str, ...] = ()
    time_driven: bool = False

    @property
    def label(self) -> str:
        """``trigger [guard, guard]``; several triggers are joined by `` / ``."""
        return self.label_with(str)

    def label_with(self, name: Callable[[str], str]) -> str:
        """The label, each trigger written by ``name``."""
        text = " / ".join(name(trigger) for trigger in self.triggers)
        return f"{text} [{', '.join(self.guards)}]" if self.guards else text


@attrs.frozen
class Diagram:
    """The states and transitions to draw, in the machine's order."""

    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]


def _merged(edges: Iterable[Edge]) -> list[tuple[str, str, list[Edge]]]:
    """Edges grouped by (source, dest), keeping the first appearance's order."""
    groups: dict[tuple[str, str], list[Edge]] = {}
    for edge in edges:
        groups.setdefault((edge.source, edge.dest), []).append(edge)
    return [(source, dest, group) for (source, dest), group in groups.items()]


def _mermaid_trigger(trigger: str) -> str:
    """A trigger as Mermaid can read it: a transition's text cannot hold ``:``."""
    head, colon, tail = trigger.partition(":")
    return f"{head} ({tail})" if colon else trigger


def mermaid(diagram: Diagram) -> str:
    """The diagram as Mermaid ``stateDiagram-v2`` text (one line per merged edge).

    Mermaid ends a transition's text at ``:``, ``;`` or ``#``: a trigger
    ``termination:breach`` is written ``termination (breach)``.
    """
    lines = ["stateDiagram-v2"]
    lines += [f'    state "{node.name} — {node.label}" as {node.name}' for node in diagram.nodes]
    lines += [f"    [*] --> {node.name}" for node in diagram.nodes if node.initial]
    for source, dest, group in _merged(diagram.edges):
        label = " | ".join(edge.label_with(_mermaid_trigger) for edge in group)
        lines.append(f"    {source} --> {dest} : {label}")
    lines += [f"    {node.name} --> [*]" for node in diagram.nodes if node.final]
    return "\n".join(lines)


def _quoted(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'


def dot(diagram: Diagram) -> str:
    """The diagram as Graphviz DOT text (render it with ``dot -Tsvg``).

    >>> print(dot(Diagram((Node("a", "A", initial=True, final=True),), ())))
    digraph lifecycle {
        rankdir=LR;
        node [shape=box, style=rounded];
        "__start__" [shape=point];
        "a" [label="a\\nA", peripheries=2];
        "__start__" -> "a";
    }
    """
    lines = [
        "digraph lifecycle {",
        "    rankdir=LR;",
        "    node [shape=box, style=rounded];",
        '    "__start__" [shape=point];',
    ]
    for node in diagram.nodes:
        extra = ", peripheries=2" if node.final else ""
        label = _quoted(f"{node.name}\n{node.label}")
        lines.append(f"    {_quoted(node.name)} [label={label}{extra}];")
    lines += [f'    "__start__" -> {_quoted(node.name)};' for node in diagram.nodes if node.initial]
    for source, dest, group in _merged(diagram.edges):
        label = "\n".join(edge.label for edge in group)
        style = ", style=dashed" if all(edge.time_driven for edge in group) else ""
        lines.append(f"    {_quoted(source)} -> {_quoted(dest)} [label={_quoted(label)}{style}];")
    lines.append("}")
    return "\n".join(lines)
