"""Art. 12 al. 3: the indemnity the Métropole may claim after terminating for a breach.

The paragraph encoded, verbatim:

    « En cas de résiliation unilatérale de la présente convention par la Métropole du
    Grand Paris pour manquement du Bénéficiaire, lorsque ce manquement a été de nature à
    empêcher le démarrage ou le bon déroulé de l'expérimentation et qu'il n'y a pas été
    remédié par le bénéficiaire dans le délai prévu à l'alinéa précédent, la Métropole du
    Grand Paris peut exiger d'être indemnisée par le bénéficiaire, selon son préjudice. Le
    montant de cette indemnité peut notamment inclure un montant égal au coût total
    T.T.C du marché afférent à l'expérimentation prévue par la présente convention,
    divisé par le nombre de bénéficiaire ayant contractualisé avec la Métropole du Grand
    Paris pour participer à ladite expérimentation. »

Numbering: the contract prints Art. 12 as two paragraphs, the first holding both the
faculty to terminate and the thirty-day remedy period. Like ``RULES.md``, the package
numbers the thirty-day sentence « al. 2 » (it is « l'alinéa précédent » of the
indemnity paragraph), so the indemnity is « Art. 12 al. 3 ».

One job a module:

- :mod:`.art12_indemnity_facts`: the facts it is judged on (``TerminationFacts``, from
  :meth:`~mgp_convention.lifecycle.Lifecycle.termination_facts`);
- :mod:`.art12_indemnity_conditions`: **when** it may be claimed — every condition,
  each with the contract's words, and every unmet one;
- :mod:`.art12_indemnity_amount`: **what** may be claimed — the market share, the
  further prejudice items and their total, item by item (an item within the prejudice,
  never a limit of its own);
- :mod:`.art12_beneficiaries`: the number of beneficiaries « ayant contractualisé »;
- this module: the answer, put together (:func:`assess_indemnity`). When it is not due,
  no amount is given (a sum printed next to "not due" invites misreading); the inputs
  are checked and kept.

>>> import datetime as dt
>>> from mgp_convention.articles.art12_indemnity_facts import (
...     BreachFacts, DecidedTermination, TerminationFacts)
>>> from mgp_convention.events import Ground
>>> facts = TerminationFacts(
...     dt.date(2026, 8, 1),
...     DecidedTermination(dt.date(2026, 7, 24), dt.date(2026, 7, 24), Ground.BREACH),
...     BreachFacts("B1", impedes_experiment=True, notice_sent_on=dt.date(2026, 6, 22),
...                 remedy_deadline=dt.date(2026, 7, 22)))
>>> a = assess_indemnity(facts, market_total="180000.00", beneficiaries=3)
>>> a.due, a.market_share, a.total  # 180 000.00 / 3 = 60 000.00
(True, Decimal('60000.00'), Decimal('60000.00'))
>>> print(a.explain("en")[0])
Art. 12 al. 3 indemnity: may be claimed; amount that may be claimed: €60,000.00.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

import attrs

from mgp_convention._numbers import Euros
from mgp_convention.articles.art12_beneficiaries import BeneficiaryCount, declared_count
from mgp_convention.articles.art12_indemnity_amount import (
    NATURE,
    Breakdown,
    MarketTotal,
    PrejudiceItem,
    claimable_amount,
    market_total_from_ttc,
)
from mgp_convention.articles.art12_indemnity_conditions import (
    CONDITIONS,
    GROUNDS_FOR_INDEMNITY,
    Condition,
    ConditionCode,
    UnmetCondition,
    indemnity_notes,
    unmet_conditions,
)
from mgp_convention.articles.art12_indemnity_facts import TerminationFacts
from mgp_convention.articles.art12_remedy import ART12_REMEDY
from mgp_convention.articles.art12_termination import ART12_TERMINATION
from mgp_convention.citations import Citation
from mgp_convention.errors import InvalidValue
from mgp_convention.i18n import N_, Lang, Message
from mgp_convention.report_json import bilingual, json_object, report_hook, to_json

__all__ = [
    "ART12_AL1",
    "ART12_AL2",
    "ART12_AL3",
    "CONDITIONS",
    "GROUNDS_FOR_INDEMNITY",
    "Condition",
    "ConditionCode",
    "IndemnityAssessment",
    "UnmetCondition",
    "assess_indemnity",
    "explain_breakdown",
    "indemnity_notes",
    "unmet_conditions",
]

#: Art. 12 al. 1, the faculty to terminate (quoted in :mod:`.art12_termination`).
ART12_AL1 = ART12_TERMINATION
#: Art. 12 al. 2, the thirty-day remedy period (quoted in :mod:`.art12_remedy`).
ART12_AL2 = ART12_REMEDY
ART12_AL3 = Citation(
    "Art. 12",
    "al. 3",
    "En cas de résiliation unilatérale de la présente convention par la Métropole du Grand "
    "Paris pour manquement du Bénéficiaire, lorsque ce manquement a été de nature à empêcher "
    "le démarrage ou le bon déroulé de l'expérimentation et qu'il n'y a pas été remédié par "
    "le bénéficiaire dans le délai prévu à l'alinéa précédent, la Métropole du Grand Paris "
    "peut exiger d'être indemnisée par le bénéficiaire, selon son préjudice. Le montant de "
    "cette indemnité peut notamment inclure un montant égal au coût total T.T.C du marché "
    "afférent à l'expérimentation prévue par la présente convention, divisé par le nombre de "
    "bénéficiaire ayant contractualisé avec la Métropole du Grand Paris pour participer à "
    "ladite expérimentation.",
)

# --- the answer ---------------------------------------------------------------------------


@attrs.frozen
class IndemnityAssessment:
    """The answer to "may the Métropole claim the Art. 12 al. 3 indemnity, and what?".

    ``due`` is true when every condition holds; otherwise ``unmet`` lists every unmet
    condition. ``breakdown`` is the amount that may be claimed, item by item (``None``
    when not due); ``market_total``, ``beneficiaries`` and ``items`` the inputs, kept
    either way; ``notes`` what a reader should know besides.
    """

    facts: TerminationFacts
    unmet: tuple[UnmetCondition, ...]
    notes: tuple[Message, ...]
    market_total: MarketTotal
    beneficiaries: BeneficiaryCount
    items: tuple[PrejudiceItem, ...]
    breakdown: Breakdown | None
    citation: Citation = ART12_AL3

    @property
    def due(self) -> bool:
        """Whether every condition holds."""
        return not self.unmet

    @property
    def market_share(self) -> Decimal | None:
        """The market share, when due."""
        return None if self.breakdown is None else self.breakdown.market_share

    @property
    def total(self) -> Decimal | None:
        """The amount that may be claimed, when due."""
        return None if self.breakdown is None else self.breakdown.total

    def explain(self, lang: Lang) -> tuple[str, ...]:
        """The answer in plain words, in ``lang``, one line each."""
        label = self.citation.label
        if self.breakdown is None:
            lines = [
                Message(N_("{article} indemnity: not due."), {"article": label}).render(lang),
                Message(N_("Unmet conditions:")).render(lang),
            ]
            for unmet in self.unmet:
                lines += _condition_lines(unmet.condition, unmet.reason.render(lang))
        else:
            lines = [
                Message(
                    N_("{article} indemnity: may be claimed; amount that may be claimed: {total}."),
                    {"article": label, "total": Euros(self.breakdown.total)},
                ).render(lang),
                Message(N_("Every condition holds:")).render(lang),
            ]
            lines += [f"  - {c.label(lang)} ({c.citation.label})" for c in CONDITIONS]
        lines += [note.render(lang) for note in self.notes]
        if self.breakdown is not None:
            lines += explain_breakdown(self.breakdown, lang)
        return (*lines, str(self.citation))

    def to_json(self) -> dict[str, Any]:
        """Stable codes, with labels in French (``message``) and English (``message_en``);
        amounts as strings with two decimals, ``null`` when not due."""
        return json_object(self)


@report_hook(IndemnityAssessment)
def _assessment_json(assessment: IndemnityAssessment) -> dict[str, Any]:
    # By hand: the answer with every condition, the notes in both languages, the market
    # total flattened in, and the breakdown's figures (``null`` when not due).
    breakdown = assessment.breakdown
    return {
        "due": assessment.due,
        "article": assessment.citation.label,
        "quote": assessment.citation.text,
        "currency": "EUR",
        "facts": to_json(assessment.facts),
        "unmet_conditions": to_json(assessment.unmet),
        "conditions": to_json(CONDITIONS),
        "notes": [bilingual("message", note) for note in assessment.notes],
        **json_object(assessment.market_total),
        "beneficiaries": to_json(assessment.beneficiaries),
        "items": to_json(assessment.items),
        "market_share": None if breakdown is None else to_json(breakdown.market_share),
        "total": None if breakdown is None else to_json(breakdown.total),
        "steps": [] if breakdown is None else to_json(breakdown.steps),
        **bilingual("nature", NATURE),
    }


def _condition_lines(condition: Condition, text: str) -> list[str]:
    lines = [f"  - {text}", f"    {condition.citation}"]
    if condition.also is not None:
        lines.append(f"    {condition.also}")
    return lines


def explain_breakdown(breakdown: Breakdown, lang: Lang) -> list[str]:
    """The breakdown's lines, in ``lang``: a heading, each step, what the amount is."""
    return [
        Message(N_("Breakdown of the amount that may be claimed:")).render(lang),
        *(f"  {step.text.render(lang)}" for step in breakdown.steps),
        NATURE.render(lang),
    ]


def _market(value: MarketTotal | Decimal | int | str) -> MarketTotal:
    return value if isinstance(value, MarketTotal) else market_total_from_ttc(value)


def _count(value: BeneficiaryCount | int) -> BeneficiaryCount:
    return value if isinstance(value, BeneficiaryCount) else declared_count(value)


def assess_indemnity(
    facts: TerminationFacts,
    *,
    market_total: MarketTotal | Decimal | int | str,
    beneficiaries: BeneficiaryCount | int,
    items: Sequence[PrejudiceItem] = (),
) -> IndemnityAssessment:
    """Whether the Art. 12 al. 3 indemnity may be claimed on ``facts.on``, and the amount
    that may be claimed, item by item.

    ``market_total`` is the market's total cost TTC (an amount ≥ 0, or a
    :class:`MarketTotal` from ``market_total_from_ht``); ``beneficiaries`` a whole number
    ≥ 1 (the declared number) or a :class:`BeneficiaryCount`; ``items`` the further
    prejudice items. The inputs are checked whether or not it is due.
    """
    if not isinstance(facts, TerminationFacts):
        raise InvalidValue(
            f"expected TerminationFacts, got {type(facts).__name__}",
            field="facts",
            article=ART12_AL3.label,
        )
    market, count = _market(market_total), _count(beneficiaries)
    breakdown = claimable_amount(market, count, items)  # checks the items either way
    unmet = unmet_conditions(facts)
    return IndemnityAssessment(
        facts,
        unmet,
        indemnity_notes(facts),
        market,
        count,
        breakdown.items,
        None if unmet else breakdown,
    )
