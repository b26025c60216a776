"""Advisories: moves the contract allows but that carry a legal risk (RULES.md, "Advisories").

An advisory is part of the answer, **never a refusal**: the event is recorded, and the
status (and ``check``) says what a careful lawyer would want to know, with a stable
``code`` for programs, a sentence in French and English, and its source. Each kind is
defined next to the rule that raises it (the article modules); :data:`ADVISORIES` lists
them all once those modules are imported (the lifecycle imports them):

=========================================  =================================================
code                                       when (module)
=========================================  =================================================
``interruption_with_open_breach``          interruption while a breach is open (art12_termination)
``breach_termination_without_art9``        breach or not-ready termination without both
                                           Art. 9 steps (art12_termination)
``termination_after_late_remedy``          termination for a breach remedied late, the
                                           lateness not waived (art12_termination)
``general_interest_by_beneficiary``        the beneficiary's general interest (art12_termination)
``force_majeure``                          force majeure (art12_termination)
``termination_without_notification_date``  a unilateral termination without its
                                           notification date (art12_termination)
``procurement_not_definitive``             a procurement failure not marked definitive
                                           (art03_procurement)
``not_ready_without_notice``               not ready, terminated without the Art. 12 notice
                                           (art05_delays)
=========================================  =================================================
"""

from __future__ import annotations

from typing import Any

import attrs

from mgp_convention.citations import Citation
from mgp_convention.i18n import Lang, Message
from mgp_convention.report_json import bilingual, json_object, report_hook

__all__ = ["ADVISORIES", "Advisory", "AdvisoryKind"]

#: Every kind of advisory by its code (filled as the article modules define them).
ADVISORIES: dict[str, AdvisoryKind] = {}


@attrs.frozen
class Advisory:
    """A legal risk of an allowed move: ``code`` for programs, ``message`` for people,
    ``source`` the article or decision behind it."""

    code: str
    message: Message
    source: Citation

    def render(self, lang: Lang) -> str:
        """The sentence in ``lang``, with its source."""
        return f"{self.message.render(lang)} ({self.source.label})"

    def to_json(self) -> dict[str, Any]:
        """``{"code", "message" (French), "message_en", "source"}``."""
        return json_object(self)


@report_hook(Advisory)
def _advisory_json(advisory: Advisory) -> dict[str, Any]:
    # By hand: the message in both languages, the source by its label only.
    return {
        "code": advisory.code,
        **bilingual("message", advisory.message),
        "source": advisory.source.label,
    }


@attrs.frozen
class AdvisoryKind:
    """One kind of advisory: its stable ``code``, its sentence (an English message id
    marked with ``N_``, with ``{placeholders}``) and its ``source``."""

    code: str
    text: str
    source: Citation

    def __attrs_post_init__(self) -> None:
        if ADVISORIES.setdefault(self.code, self) is not self:  # pragma: no cover
            raise ValueError(f"two kinds of advisory share the code {self.code!r}")

    def __call__(self, **params: Any) -> Advisory:
        """This advisory, with the values of its sentence's placeholders."""
        return Advisory(self.code, Message(self.text, params), self.source)
