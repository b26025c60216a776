"""Art. 12 al. 3: the conditions under which the indemnity may be claimed.

« En cas de résiliation unilatérale de la présente convention par la Métropole du Grand
Paris pour manquement du Bénéficiaire, lorsque ce manquement a été de nature à empêcher
le démarrage ou le bon déroulé de l'expérimentation et qu'il n'y a pas été remédié par le
bénéficiaire dans le délai prévu à l'alinéa précédent, la Métropole du Grand Paris peut
exiger d'être indemnisée par le bénéficiaire […] »

The conditions (RULES.md version 2, "The Article 12 indemnity"), **all** required, each
with the words of the paragraph that set it (:data:`CONDITIONS`):

=============================  =====================================================
``termination_in_effect``      a termination has taken effect on the date of the claim
``by_metropole``               it is the Métropole's unilateral decision
``for_a_breach``               on ground ``breach``, ``sanction`` (Art. 9) or
                               ``not_ready`` (Art. 5 al. 3, a breach since version 2)
``breach_named``               it names the breach it is for (« ce manquement »)
``breach_impedes_experiment``  that breach was recorded with
                               ``impedes_experiment: true`` (always true for
                               ``ready_on_planned_date``)
``formal_notice_sent``         its formal notice was sent: the thirty days started
``remedy_period_ran_out``      they ran out before the termination was decided
``not_remedied_in_time``       no remedy in time (a late one the Métropole did not
                               accept does not count)
=============================  =====================================================

Readings, where the text is silent:

- **whatever the options chosen for the ground**: a sanction without the Art. 12
  period (``SanctionOptions(require_remedy_period=False)``) or a termination for not
  being ready without notice (``NotReadyOptions(notice_required=False)``) may be
  lawful, but the indemnity is only for a breach to which « il n'y a pas été remédié …
  dans le délai prévu à l'alinéa précédent »: without a letter no period ran, and a
  decision taken while it still ran cut it short (version 1 let such a sanction give
  the full amount);
- the claim is judged on its date: the termination must have taken effect by then (a
  decision takes effect at the earliest when notified, CE Ass. 1948 L'Aurore);
- a late remedy without ``accepted_late`` leaves « il n'y a pas été remédié … dans le
  délai » true: the condition holds, and a note says so (:func:`indemnity_notes`);
- **every** unmet condition is listed; when no termination was decided at all, only
  that one (the others concern « ce manquement », which only a termination names).

>>> import datetime as dt
>>> from mgp_convention.articles.art12_indemnity_facts import (
...     BreachFacts, DecidedTermination, TerminationFacts)
>>> from mgp_convention.events import Ground
>>> sanction = TerminationFacts(
...     dt.date(2026, 8, 1),
...     DecidedTermination(dt.date(2026, 7, 1), dt.date(2026, 7, 1), Ground.SANCTION),
...     BreachFacts("B1", impedes_experiment=False))
>>> [u.code.value for u in unmet_conditions(sanction)]
['breach_impedes_experiment', 'formal_notice_sent']
>>> print(unmet_conditions(sanction)[1].render("en"))
no formal notice was sent for breach B1: its thirty days never started (Art. 12 al. 3)

Why over 400 lines: the eight conditions of Art. 12 al. 3, each with the contract's
words as its citation and its reason in French and English when unmet; one table, read
by the indemnity, the documents and the report.
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any, Final

import attrs

from mgp_convention.articles.art12_indemnity_facts import BreachFacts, TerminationFacts
from mgp_convention.articles.art12_termination import CE_LAURORE
from mgp_convention.citations import Citation
from mgp_convention.events import Ground, Obligation, TerminatedBy
from mgp_convention.i18n import N_, Lang, Message, gettext_in
from mgp_convention.report_json import bilingual, json_object, report_hook

__all__ = [
    "CONDITIONS",
    "GROUNDS_FOR_INDEMNITY",
    "Condition",
    "ConditionCode",
    "UnmetCondition",
    "indemnity_notes",
    "unmet_conditions",
]

#: « pour manquement du Bénéficiaire »: the grounds of a termination for a named breach
#: (Art. 12 al. 1–2; Art. 9; Art. 5 al. 3 read with Art. 12, RULES.md version 2).
GROUNDS_FOR_INDEMNITY: Final = frozenset({Ground.BREACH, Ground.SANCTION, Ground.NOT_READY})


class ConditionCode(enum.StrEnum):
    """The stable code of each condition of Art. 12 al. 3."""

    TERMINATION_IN_EFFECT = "termination_in_effect"
    BY_METROPOLE = "by_metropole"
    FOR_A_BREACH = "for_a_breach"
    BREACH_NAMED = "breach_named"
    BREACH_IMPEDES = "breach_impedes_experiment"
    NOTICE_SENT = "formal_notice_sent"
    PERIOD_RAN_OUT = "remedy_period_ran_out"
    NOT_REMEDIED_IN_TIME = "not_remedied_in_time"


@attrs.frozen
class Condition:
    """One condition of Art. 12 al. 3: its ``code``, what must hold (``text``, an English
    message id), the words of the paragraph that set it (``citation``) and, where
    another rule says what the words mean, that rule (``also``)."""

    code: ConditionCode
    text: str
    citation: Citation
    also: Citation | None = None

    def label(self, lang: Lang) -> str:
        """What must hold, in ``lang``."""
        return gettext_in(lang, self.text)

    def to_json(self) -> dict[str, Any]:
        """``{"condition", "message", "message_en", "article", "quote", …}``."""
        return json_object(self)


@report_hook(Condition)
def _condition_json(condition: Condition) -> dict[str, Any]:
    # By hand: the text translated, each citation split into its label and quote.
    also = condition.also
    return {
        "condition": condition.code.value,
        "message": condition.label("fr"),
        "message_en": condition.label("en"),
        "article": condition.citation.label,
        "quote": condition.citation.text,
        "also_article": None if also is None else also.label,
        "also_quote": None if also is None else also.text,
    }


#: The thirty days, in the words of al. 2.
_THIRTY_DAYS = Citation(
    "Art. 12",
    "al. 2",
    "un délai de trente jours à compter de l'envoi d'une lettre recommandée avec accusé de "
    "réception pour remédier audit manquement",
)
_IN_TIME = (
    "qu'il n'y a pas été remédié par le bénéficiaire dans le délai prévu à l'alinéa précédent"
)

# Each condition's words of Art. 12 al. 3 are verbatim (checked against the contract); the
# citations are built here, not by a helper: code run only at import cannot be mutation-tested.
_CONDITION = {
    condition.code: condition
    for condition in (
        Condition(
            ConditionCode.TERMINATION_IN_EFFECT,
            N_("a termination has taken effect on the date of the claim"),
            Citation(
                "Art. 12", "al. 3", "En cas de résiliation unilatérale de la présente convention"
            ),
            CE_LAURORE,
        ),
        Condition(
            ConditionCode.BY_METROPOLE,
            N_("the termination is a unilateral decision of the Métropole"),
            Citation(
                "Art. 12",
                "al. 3",
                "résiliation unilatérale de la présente convention par la Métropole du Grand Paris",
            ),
        ),
        Condition(
            ConditionCode.FOR_A_BREACH,
            N_(
                "it is for a breach by the beneficiary: ground breach, sanction (Art. 9) or "
                "not ready on the planned date (Art. 5 al. 3)"
            ),
            Citation("Art. 12", "al. 3", "pour manquement du Bénéficiaire"),
        ),
        Condition(
            ConditionCode.BREACH_NAMED,
            N_("it names the breach it is for"),
            Citation("Art. 12", "al. 3", "pour manquement du Bénéficiaire, lorsque ce manquement"),
        ),
        Condition(
            ConditionCode.BREACH_IMPEDES,
            N_("that breach prevented the start or the proper running of the experiment"),
            Citation(
                "Art. 12",
                "al. 3",
                "lorsque ce manquement a été de nature à empêcher le démarrage ou le bon "
                "déroulé de l'expérimentation",
            ),
        ),
        Condition(
            ConditionCode.NOTICE_SENT,
            N_("its formal notice (registered letter with acknowledgement of receipt) was sent"),
            Citation("Art. 12", "al. 3", "dans le délai prévu à l'alinéa précédent"),
            _THIRTY_DAYS,
        ),
        Condition(
            ConditionCode.PERIOD_RAN_OUT,
            N_("its thirty days ran out before the termination was decided"),
            Citation("Art. 12", "al. 3", _IN_TIME),
            _THIRTY_DAYS,
        ),
        Condition(
            ConditionCode.NOT_REMEDIED_IN_TIME,
            N_(
                "the beneficiary did not remedy it within the thirty days (a late remedy "
                "the Métropole did not accept does not count)"
            ),
            Citation("Art. 12", "al. 3", _IN_TIME),
        ),
    )
}
#: The conditions that must **all** hold for the indemnity to be claimed, in order.
CONDITIONS: Final[tuple[Condition, ...]] = tuple(_CONDITION.values())


@attrs.frozen
class UnmetCondition:
    """A condition that does not hold, and why: the facts in plain words (``reason``)."""

    condition: Condition
    reason: Message

    @property
    def code(self) -> ConditionCode:
        """The condition's stable code."""
        return self.condition.code

    @property
    def citation(self) -> Citation:
        """The words of Art. 12 al. 3 that set the condition."""
        return self.condition.citation

    def render(self, lang: Lang) -> str:
        """``reason (article)`` in ``lang``."""
        return f"{self.reason.render(lang)} ({self.citation.label})"

    def to_json(self) -> dict[str, Any]:
        """The condition (code, labels, article, quote) with the reason in both languages."""
        return json_object(self)


@report_hook(UnmetCondition)
def _unmet_json(unmet: UnmetCondition) -> dict[str, Any]:
    # By hand: the condition flattened in, the reason in both languages.
    return {**json_object(unmet.condition), **bilingual("reason", unmet.reason)}


def _unmet(code: ConditionCode, text: str, **params: Any) -> UnmetCondition:
    return UnmetCondition(_CONDITION[code], Message(text, params))


def unmet_conditions(facts: TerminationFacts) -> tuple[UnmetCondition, ...]:
    """Every condition of Art. 12 al. 3 that ``facts`` do not meet, in the order of
    :data:`CONDITIONS` (empty: the indemnity may be claimed). All of them, never just
    the first — but with no termination decided, only that one (see the module)."""
    termination = facts.termination
    if termination is None:
        return (
            _unmet(
                ConditionCode.TERMINATION_IN_EFFECT,
                N_("no termination has been decided by {on}"),
                on=facts.on,
            ),
        )
    found = []
    if termination.takes_effect_on > facts.on:
        found.append(
            _unmet(
                ConditionCode.TERMINATION_IN_EFFECT,
                N_(
                    "the termination decided on {decided} takes effect on {effective}, after "
                    "the date of the claim ({on})"
                ),
                decided=termination.decided_on,
                effective=termination.takes_effect_on,
                on=facts.on,
            )
        )
    if termination.by is not TerminatedBy.METROPOLE:
        found.append(
            _unmet(
                ConditionCode.BY_METROPOLE,
                N_("the convention was terminated by {by}, not by the Métropole's own decision"),
                by=termination.by,
            )
        )
    if termination.ground not in GROUNDS_FOR_INDEMNITY:
        found.append(
            _unmet(
                ConditionCode.FOR_A_BREACH,
                N_("the ground is {ground}, not a breach by the beneficiary"),
                ground=termination.ground,
            )
        )
    breach = facts.breach
    if breach is None:
        found.append(
            _unmet(
                ConditionCode.BREACH_NAMED, N_("the termination names no breach by the beneficiary")
            )
        )
    elif _not_the_ready_breach(termination.ground, breach):
        found.append(
            _unmet(
                ConditionCode.BREACH_NAMED,
                N_(
                    "the termination is for not being ready on the planned date, but breach "
                    "{breach} is of another obligation ({obligation})"
                ),
                breach=breach.label,
                obligation=breach.obligation,
            )
        )
    else:
        found += _breach_unmet(breach, termination.decided_on)
    return tuple(found)


def _not_the_ready_breach(ground: Ground, breach: BreachFacts) -> bool:
    """Whether a ``not_ready`` termination names a breach of another obligation than
    being ready on the planned date (only a judgment can: RULES.md, ``not_ready``)."""
    return (
        ground is Ground.NOT_READY
        and breach.obligation is not None
        and breach.obligation is not Obligation.READY_ON_PLANNED_DATE
    )


def _breach_unmet(breach: BreachFacts, decided_on: dt.date) -> list[UnmetCondition]:
    found = []
    if not breach.impedes_experiment:
        found.append(
            _unmet(
                ConditionCode.BREACH_IMPEDES,
                N_(
                    "breach {breach} was recorded as not preventing the start or the proper "
                    "running of the experiment"
                ),
                breach=breach.label,
            )
        )
    if breach.remedy_deadline is None:  # nor a formal notice: both, or neither
        found.append(
            _unmet(
                ConditionCode.NOTICE_SENT,
                N_("no formal notice was sent for breach {breach}: its thirty days never started"),
                breach=breach.label,
            )
        )
    elif decided_on <= breach.remedy_deadline:
        found.append(
            _unmet(
                ConditionCode.PERIOD_RAN_OUT,
                N_(
                    "the termination was decided on {decided}, while the thirty days of breach "
                    "{breach} still ran (until {deadline} included)"
                ),
                decided=decided_on,
                breach=breach.label,
                deadline=breach.remedy_deadline,
            )
        )
    if breach.remedied_in_time:
        if breach.late:
            text = N_(
                "breach {breach} was remedied late, on {remedied}, and the Métropole accepted "
                "the late remedy: it counts as remedied in time"
            )
        else:
            text = N_("breach {breach} was remedied in time, on {remedied}")
        found.append(
            _unmet(
                ConditionCode.NOT_REMEDIED_IN_TIME,
                text,
                breach=breach.label,
                remedied=breach.remedied_on,
            )
        )
    return found


def indemnity_notes(facts: TerminationFacts) -> tuple[Message, ...]:
    """What a reader should know besides the conditions: a late remedy the Métropole did
    not accept leaves the breach « non remédié dans le délai »."""
    breach = facts.breach
    if breach is None or not breach.late or breach.accepted_late:
        return ()
    return (
        Message(
            N_(
                "Breach {breach} was remedied on {remedied}, after its deadline ({deadline}), "
                "and the Métropole did not accept the late remedy: it was not remedied {words}"
            ),
            {
                "breach": breach.label,
                "remedied": breach.remedied_on,
                "deadline": breach.remedy_deadline,
                "words": "« dans le délai »",
            },
        ),
    )
