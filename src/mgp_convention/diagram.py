"""The lifecycle's state diagram, drawn by ``transitions``' own graph support.

The package's machine definition (:func:`~mgp_convention.machine.machine_definition`) is
given to ``transitions.extensions.GraphMachine`` with the states and the events in words
(French by default), and drawn with its Mermaid engine (``stateDiagram-v2`` text, which
needs no renderer installed) or its Graphviz engine (DOT text, from the ``graphviz``
package). Only the transitions that change the state are drawn; the events that keep it
(an amendment, an Art. 9 step, a first notice while another breach waits for its own…)
are listed in the docs' lifecycle page.

>>> text = mermaid("fr")
>>> "stateDiagram-v2" in text and '"délai de remédiation"' in text
True
"""

from __future__ import annotations

from typing import Any, Final, Literal

from mgp_convention.i18n import N_, Lang, Message, check_lang
from mgp_convention.machine import SETTLE, TIME_PASSES, Trigger, machine_definition
from mgp_convention.states import RETURN_STATES, State

__all__ = ["FORMATS", "dot", "draw", "mermaid"]

Format = Literal["mermaid", "dot"]
#: The text formats the diagram is drawn in.
FORMATS: Final[tuple[Format, ...]] = ("mermaid", "dot")

_SETTLED: Final = {
    State.IN_BREACH.value: N_("a breach open without formal notice"),
    State.REMEDY_PERIOD.value: N_("formal notice sent for every open breach"),
    **{state.value: N_("the last open breach closed") for state in RETURN_STATES},
}


_TIME: Final = {
    State.TERMINATED.value: N_("the termination takes effect"),
    State.ENDED.value: N_("the end date passed"),
    State.NOT_CONCLUDED.value: N_("the end date passed"),
    State.DELAYED.value: N_("the planned start passed"),
}


def _label(transition: dict[str, Any], lang: Lang) -> str:
    trigger: str = transition["trigger"]
    if trigger == SETTLE:
        return Message(_SETTLED[transition["dest"]]).render(lang)
    if trigger == TIME_PASSES:
        return Message(_TIME[transition["dest"]]).render(lang)
    if trigger.startswith("termination"):
        return Message(N_("a termination")).render(lang)
    return Trigger(trigger).label(lang)


def draw(fmt: Format = "mermaid", lang: Lang = "fr") -> str:
    """The diagram as text in ``fmt`` (``"mermaid"`` or ``"dot"``), labelled in ``lang``."""
    lang = check_lang(lang)
    if fmt not in FORMATS:
        from mgp_convention.errors import InvalidValue  # noqa: PLC0415

        raise InvalidValue(f"expected one of {', '.join(FORMATS)}, not {fmt!r}", field="format")
    definition = machine_definition()
    states = [
        {"name": state["name"], "label": State(state["name"]).label(lang), "final": state["final"]}
        for state in definition["states"]
    ]
    seen: set[tuple[str, str, str]] = set()
    transitions: list[dict[str, Any]] = []
    for transition in definition["transitions"]:
        if transition["dest"] is None:
            continue
        sources = transition["source"]
        for source in [sources] if isinstance(sources, str) else sources:
            label = _label(transition, lang)
            if (source, transition["dest"], label) in seen or source == transition["dest"]:
                continue
            seen.add((source, transition["dest"], label))
            transitions.append(
                {
                    "trigger": transition["trigger"],
                    "source": source,
                    "dest": transition["dest"],
                    "label": label,
                }
            )
    machine = _drawing_machine()(
        model=_Drawn(),
        states=states,
        transitions=transitions,
        initial=State.DRAFT.value,
        auto_transitions=False,
        graph_engine="mermaid" if fmt == "mermaid" else "graphviz",
        title=Message(N_("Life of a convention")).render(lang),
        show_conditions=False,
    )
    graph = machine.get_graph()
    if fmt == "mermaid":
        text: str = graph.draw(None)
        return text
    return str(graph.source)


class _Drawn:
    """The model the diagram is drawn for (``GraphMachine`` draws a model's graph)."""


def _drawing_machine() -> Any:
    """``GraphMachine`` with states that carry a label (imported only to draw)."""
    from transitions import State as MachineState  # noqa: PLC0415 - only to draw
    from transitions.extensions import GraphMachine  # noqa: PLC0415

    class LabelledState(MachineState):
        """A state with the words ``GraphMachine`` draws (its ``label``)."""

        def __init__(self, *args: Any, label: str | None = None, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.label = label

    class DrawingMachine(GraphMachine):
        """The graph machine of the diagram."""

        state_cls = LabelledState

    return DrawingMachine


def mermaid(lang: Lang = "fr") -> str:
    """The lifecycle as Mermaid ``stateDiagram-v2`` text."""
    return draw("mermaid", lang)


def dot(lang: Lang = "fr") -> str:
    """The lifecycle as Graphviz DOT text."""
    return draw("dot", lang)
