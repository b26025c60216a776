"""Art. 12 al. 3: the facts the indemnity depends on, as they stood on the date of the claim.

The lifecycle establishes them (:meth:`mgp_convention.lifecycle.Lifecycle.termination_facts`);
a person may also state them. Only facts are held here — what was decided, when, and
what happened to the breach the termination names; whether they meet the conditions
of the paragraph is for :mod:`mgp_convention.articles.art12_indemnity` to say.

>>> import datetime as dt
>>> from mgp_convention.events import Ground
>>> facts = TerminationFacts(
...     dt.date(2026, 8, 1),
...     DecidedTermination(dt.date(2026, 7, 24), dt.date(2026, 7, 24), Ground.BREACH),
...     BreachFacts("B1", impedes_experiment=True, notice_sent_on=dt.date(2026, 6, 22),
...                 remedy_deadline=dt.date(2026, 7, 22)))
>>> facts.in_effect, facts.breach.remedied_in_time
(True, False)
>>> for line in facts.describe():
...     print(line.render("en"))
Termination decided on Friday 24 July 2026 by the Métropole, ground: breach; in effect from Friday 24 July 2026
Breach B1: prevents the start or the proper running of the experiment
Formal notice sent on Monday 22 June 2026; the thirty days ran until Wednesday 22 July 2026 (included)
Not remedied
"""  # noqa: E501

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs

from mgp_convention._validators import a_bool, a_date, code, member_of, optional
from mgp_convention.articles.art12_breaches import is_late
from mgp_convention.articles.art12_remedy import ART12_REMEDY
from mgp_convention.articles.art12_termination import CE_LAURORE
from mgp_convention.errors import InvalidValue
from mgp_convention.events import Ground, Obligation, TerminatedBy
from mgp_convention.i18n import N_, Message
from mgp_convention.report_json import json_object, labelled, report_hook, to_json

__all__ = ["BreachFacts", "DecidedTermination", "TerminationFacts"]


@attrs.frozen
class DecidedTermination:
    """A termination decided: on ``decided_on``, taking effect on ``takes_effect_on``
    (≥ ``decided_on``: no retroactive decision, CE Ass. 1948 L'Aurore), on ``ground``,
    ``by`` the Métropole (default), the beneficiary or the judge."""

    decided_on: dt.date = attrs.field(validator=a_date)
    takes_effect_on: dt.date = attrs.field(validator=a_date)
    ground: Ground = attrs.field(validator=member_of(Ground))
    by: TerminatedBy = attrs.field(
        default=TerminatedBy.METROPOLE, validator=member_of(TerminatedBy)
    )

    def __attrs_post_init__(self) -> None:
        if self.takes_effect_on < self.decided_on:
            raise InvalidValue(
                f"a termination decided on {self.decided_on} cannot take effect before, "
                f"on {self.takes_effect_on}",
                field="takes_effect_on",
                article=CE_LAURORE.article,
            )

    def to_json(self) -> dict[str, Any]:
        """Codes, dates and labels."""
        return json_object(self)


@report_hook(DecidedTermination)
def _termination_json(termination: DecidedTermination) -> dict[str, Any]:
    # By hand: the ground's labels added after its code.
    return {
        "decided_on": to_json(termination.decided_on),
        "takes_effect_on": to_json(termination.takes_effect_on),
        **labelled("ground", termination.ground),
        "by": to_json(termination.by),
    }


@attrs.frozen
class BreachFacts:
    """The breach a termination names, as it stood on the date of the claim.

    ``impedes_experiment``: recorded as « de nature à empêcher le démarrage ou le bon
    déroulé de l'expérimentation »; ``notice_sent_on`` and ``remedy_deadline``: its
    formal notice and the last day of its thirty days (both, or neither);
    ``remedied_on``: its remedy, if any; ``accepted_late``: the Métropole waived the
    lateness of a late remedy.
    """

    label: str = attrs.field(validator=code)
    impedes_experiment: bool = attrs.field(kw_only=True, validator=a_bool)
    obligation: Obligation | None = attrs.field(
        default=None, kw_only=True, validator=optional(member_of(Obligation))
    )
    notice_sent_on: dt.date | None = attrs.field(
        default=None, kw_only=True, validator=optional(a_date)
    )
    remedy_deadline: dt.date | None = attrs.field(
        default=None, kw_only=True, validator=optional(a_date)
    )
    remedied_on: dt.date | None = attrs.field(
        default=None, kw_only=True, validator=optional(a_date)
    )
    accepted_late: bool = attrs.field(default=False, kw_only=True, validator=a_bool)

    def __attrs_post_init__(self) -> None:
        if (self.notice_sent_on is None) != (self.remedy_deadline is None):
            raise InvalidValue(
                "a formal notice and its remedy deadline go together: give both, or neither",
                field="remedy_deadline",
                article=ART12_REMEDY.label,
            )
        if (
            self.notice_sent_on is not None
            and self.remedy_deadline is not None
            and self.remedy_deadline < self.notice_sent_on
        ):
            raise InvalidValue(
                f"the remedy deadline ({self.remedy_deadline}) comes before the formal "
                f"notice ({self.notice_sent_on})",
                field="remedy_deadline",
                article=ART12_REMEDY.label,
            )

    @property
    def late(self) -> bool:
        """Whether it was remedied after its deadline."""
        return self.remedied_on is not None and is_late(
            self.remedied_on, deadline=self.remedy_deadline
        )

    @property
    def remedied_in_time(self) -> bool:
        """Whether it was remedied on or before its deadline (or before any notice), or
        late with the lateness waived (``accepted_late``)."""
        return self.remedied_on is not None and (not self.late or self.accepted_late)

    def to_json(self) -> dict[str, Any]:
        """Codes, dates and labels."""
        return json_object(self)


@report_hook(BreachFacts)
def _breach_facts_json(breach: BreachFacts) -> dict[str, Any]:
    # By hand: the obligation's labels added, the lateness derived (``accepted_late``
    # only for a late remedy).
    return {
        "breach": breach.label,
        **labelled("obligation", breach.obligation),
        "impedes_experiment": breach.impedes_experiment,
        "notice_sent_on": to_json(breach.notice_sent_on),
        "remedy_deadline": to_json(breach.remedy_deadline),
        "remedied_on": to_json(breach.remedied_on),
        "late": breach.late,
        "accepted_late": breach.accepted_late and breach.late,
        "remedied_in_time": breach.remedied_in_time,
    }


def _a_termination(_instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None and not isinstance(value, DecidedTermination):
        raise InvalidValue(
            f"expected a DecidedTermination or None, got {type(value).__name__}",
            field=attribute.name,
        )


def _a_breach(_instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None and not isinstance(value, BreachFacts):
        raise InvalidValue(
            f"expected BreachFacts or None, got {type(value).__name__}", field=attribute.name
        )


@attrs.frozen
class TerminationFacts:
    """What the Art. 12 al. 3 indemnity depends on, on the date of the claim ``on``:
    the ``termination`` decided by then (``None`` if none), and the ``breach`` it names
    (``None`` if it names none)."""

    on: dt.date = attrs.field(validator=a_date)
    termination: DecidedTermination | None = attrs.field(default=None, validator=_a_termination)
    breach: BreachFacts | None = attrs.field(default=None, validator=_a_breach)

    def __attrs_post_init__(self) -> None:
        if self.breach is not None and (
            self.termination is None or not self.termination.ground.names_breach
        ):
            raise InvalidValue(
                "only a termination on ground breach, sanction or not_ready names a breach",
                field="breach",
            )

    @property
    def in_effect(self) -> bool:
        """Whether a termination has taken effect on ``on``."""
        return self.termination is not None and self.termination.takes_effect_on <= self.on

    def describe(self) -> tuple[Message, ...]:
        """The facts in plain words, one line each."""
        termination, breach = self.termination, self.breach
        if termination is None:
            return (Message(N_("No termination decided by {on}"), {"on": self.on}),)
        lines = [
            Message(
                N_(
                    "Termination decided on {decided} by {by}, ground: {ground}; in effect "
                    "from {effective}"
                ),
                {
                    "decided": termination.decided_on,
                    "by": termination.by,
                    "ground": termination.ground,
                    "effective": termination.takes_effect_on,
                },
            )
        ]
        if breach is None:
            return (*lines, Message(N_("The termination names no breach")))
        lines.append(_breach_line(breach))
        if breach.notice_sent_on is not None:  # its deadline too: both, or neither
            lines.append(
                Message(
                    N_(
                        "Formal notice sent on {sent}; the thirty days ran until {deadline} "
                        "(included)"
                    ),
                    {"sent": breach.notice_sent_on, "deadline": breach.remedy_deadline},
                )
            )
        else:
            lines.append(Message(N_("No formal notice sent")))
        lines.append(_remedy_line(breach))
        return tuple(lines)

    def to_json(self) -> dict[str, Any]:
        """``{"on", "termination", "in_effect", "breach"}``."""
        return json_object(self)


@report_hook(TerminationFacts)
def _facts_json(facts: TerminationFacts) -> dict[str, Any]:
    # By hand: ``in_effect`` (a property) between the termination and the breach.
    return {
        "on": to_json(facts.on),
        "termination": to_json(facts.termination),
        "in_effect": facts.in_effect,
        "breach": to_json(facts.breach),
    }


def _breach_line(breach: BreachFacts) -> Message:
    impedes = Message(
        N_("prevents the start or the proper running of the experiment")
        if breach.impedes_experiment
        else N_("does not prevent the experiment")
    )
    if breach.obligation is None:
        return Message(
            N_("Breach {breach}: {impedes}"), {"breach": breach.label, "impedes": impedes}
        )
    return Message(
        N_("Breach {breach} — {obligation} ({article}): {impedes}"),
        {
            "breach": breach.label,
            "obligation": breach.obligation,
            "article": breach.obligation.article,
            "impedes": impedes,
        },
    )


def _remedy_line(breach: BreachFacts) -> Message:
    if breach.remedied_on is None:
        return Message(N_("Not remedied"))
    if not breach.late:
        return Message(N_("Remedied in time, on {on}"), {"on": breach.remedied_on})
    if breach.accepted_late:
        return Message(
            N_("Remedied late, on {on}; the Métropole accepted the late remedy"),
            {"on": breach.remedied_on},
        )
    return Message(
        N_("Remedied late, on {on}; the Métropole did not accept the late remedy"),
        {"on": breach.remedied_on},
    )
