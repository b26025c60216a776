"""The eleven states of a convention's life (RULES.md, "States").

=====================  =============================  ===================================
state                  French label                   meaning
=====================  =============================  ===================================
``draft``              en attente de signature        not yet signed by every party (Art. 2)
``signed``             signée                         in force, experiment not started
``delayed``            en retard                      a delay reported, or the planned
                                                      start passed without a start (Art. 5)
``experimenting``      en expérimentation             solution deployed and in use
``in_breach``          en manquement                  an open breach has no formal notice
``remedy_period``      délai de remédiation           every open breach had its notice
``experiment_stopped`` expérimentation arrêtée        Art. 9 ended the experiment; the
                                                      convention stays in force (Art. 8)
``terminated``         résiliée                       terminated early (final)
``ended``              terminée                       reached its end date (final)
``not_concluded``      non conclue                    never signed by every party by its
                                                      end date (final)
``lapsed``             caduque                        the procurement of Art. 3 failed
                                                      for good (final)
=====================  =============================  ===================================

>>> State.REMEDY_PERIOD.label("fr"), State.REMEDY_PERIOD.label("en")
('délai de remédiation', 'remedy period')
>>> State.LAPSED.final, State.EXPERIMENT_STOPPED.final
(True, False)
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from typing import Final

from mgp_convention.i18n import N_, Lang, gettext_in

__all__ = [
    "BREACH_STATES",
    "FINAL_STATES",
    "IN_FORCE_STATES",
    "RETURN_STATES",
    "STATE_OF",
    "State",
]


class State(enum.StrEnum):
    """The states of RULES.md; the value is the stable code, :meth:`label` the words."""

    DRAFT = "draft"
    SIGNED = "signed"
    DELAYED = "delayed"
    EXPERIMENTING = "experimenting"
    IN_BREACH = "in_breach"
    REMEDY_PERIOD = "remedy_period"
    EXPERIMENT_STOPPED = "experiment_stopped"
    TERMINATED = "terminated"
    ENDED = "ended"
    NOT_CONCLUDED = "not_concluded"
    LAPSED = "lapsed"

    def label(self, lang: Lang) -> str:
        """The state in words, in ``lang`` (« délai de remédiation »)."""
        return gettext_in(lang, _LABELS[self])

    @property
    def label_fr(self) -> str:
        """The French label (kept for the JSON output's ``state_label_fr``)."""
        return self.label("fr")

    @property
    def final(self) -> bool:
        """Whether nothing can follow this state."""
        return self in FINAL_STATES


# The English labels are the message ids; the French ones are in the fr catalogue. The
# French labels are those of RULES.md; they are checked by tests/test_states.py.
_LABELS: Final[Mapping[State, str]] = {
    State.DRAFT: N_("awaiting signature"),
    State.SIGNED: N_("signed"),
    State.DELAYED: N_("delayed"),
    State.EXPERIMENTING: N_("experimenting"),
    State.IN_BREACH: N_("in breach"),
    State.REMEDY_PERIOD: N_("remedy period"),
    State.EXPERIMENT_STOPPED: N_("experiment stopped"),
    State.TERMINATED: N_("terminated"),
    State.ENDED: N_("ended"),
    State.NOT_CONCLUDED: N_("not concluded"),
    State.LAPSED: N_("lapsed"),
}

#: The states nothing can follow.
FINAL_STATES: Final = frozenset({State.TERMINATED, State.ENDED, State.NOT_CONCLUDED, State.LAPSED})
#: The states with an open breach (Art. 9, 12).
BREACH_STATES: Final = frozenset({State.IN_BREACH, State.REMEDY_PERIOD})
#: The states in which the convention is in force (signed by every party, not final).
IN_FORCE_STATES: Final = frozenset(
    {
        State.SIGNED,
        State.DELAYED,
        State.EXPERIMENTING,
        State.IN_BREACH,
        State.REMEDY_PERIOD,
        State.EXPERIMENT_STOPPED,
    }
)
#: Where the convention goes back to when its last open breach closes: the state it
#: held before it entered ``in_breach`` (RULES.md, "Breaches": the *return state*).
RETURN_STATES: Final = (
    State.SIGNED,
    State.DELAYED,
    State.EXPERIMENTING,
    State.EXPERIMENT_STOPPED,
)
#: Each state by its code.
STATE_OF: Final[Mapping[str, State]] = {state.value: state for state in State}
