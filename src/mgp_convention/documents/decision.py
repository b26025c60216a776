"""The termination decision (*décision de résiliation*): the Métropole's unilateral
decision, its facts, its grounds, its effective date, the indemnity it claims, the means
and time limit of appeal.

The decision is either **the termination recorded in the file** (its ground, breach,
reason, decision date and notification are the file's), or **a termination the
lifecycle allows on the letter's date** for the ground asked (``interruption``,
``not_ready``, ``breach``, ``sanction``, ``force_majeure``: the grounds of the
Métropole's own decision, RULES.md "Termination grounds"). Otherwise the letter is
refused with the lifecycle's reason and article: the thirty days of Art. 12 not run
out, the breach remedied in time, the Art. 9 steps missing for a sanction, no reason
for an interruption… A termination by common agreement (signed by both parties), by the
beneficiary or by a judgment is no decision of the Métropole: refused too.

What it says:

- **the facts and their dates**: the convention and its effective date (Art. 2); for a
  ground that names a breach, the breach recorded (obligation, article, details), its
  formal notice and deadline, its remedy or its absence, the Art. 9 steps — as they
  stand on the decision's date;
- **the articles**, quoted from the package's citations: Art. 12 al. 1–2 (breach,
  not ready, sanction, interruption), Art. 5 al. 3 (not ready), Art. 9 (sanction); for
  force majeure, C. civ. 1218, by analogy (RULES.md);
- **the effective date**: a decision takes effect at the earliest when it is notified
  (CE Ass., 25 juin 1948, Société du journal L'Aurore: no retroactive decision,
  :data:`~mgp_convention.articles.art12_termination.CE_LAURORE`): « à la date de sa
  notification », or the date recorded (``effective_on``, else ``notified_on``), or the
  date asked (``effective_on``), « et au plus tôt à la date de sa notification »;
- **the indemnity of Art. 12 al. 3, when due**
  (:func:`~mgp_convention.articles.art12_indemnity.assess_indemnity` on the facts of
  the day the termination takes effect), itemised: the market share (the market's
  total cost TTC as in force that day, divided by the beneficiaries « ayant
  contractualisé », declared or counted from a folder), the further items asked, the
  total — an amount claimed « selon son préjudice », the market share one item of it,
  never a limit. Not due, or not claimed: not mentioned;
- **the means and time limit of appeal** (:mod:`~mgp_convention.documents.appeal`).

Why over 400 lines: the decision's two sources (the termination recorded, a termination
asked) lead to the same facts, grounds, effective date, indemnity and means of appeal,
each with its article.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any, Final

import attrs

from mgp_convention.advisories import Advisory
from mgp_convention.articles.art05_delays import ART5_NOT_READY
from mgp_convention.articles.art09_sanctions import ART9_SANCTION
from mgp_convention.articles.art12_beneficiaries import (
    BeneficiaryCount,
    CountOptions,
    count_beneficiaries,
    count_cutoff,
    declared_count,
)
from mgp_convention.articles.art12_indemnity import (
    ART12_AL3,
    IndemnityAssessment,
    assess_indemnity,
)
from mgp_convention.articles.art12_indemnity_amount import market_total_from_ttc
from mgp_convention.articles.art12_remedy import ART12_REMEDY
from mgp_convention.articles.art12_termination import (
    ART12_TERMINATION,
    CIV_1218,
    TERMINATION_WITHOUT_NOTIFICATION_DATE,
)
from mgp_convention.convention import Convention
from mgp_convention.documents._breach import (
    accepted,
    art9_steps,
    notice_and_deadline,
    recorded_words,
    remedy_words,
)
from mgp_convention.documents._french import spaced
from mgp_convention.documents._letter import (
    COMMON_TAGS,
    common_values,
    dated,
    day,
    quoted,
    quoted_together,
)
from mgp_convention.documents.appeal import ART13, appeal_sentences
from mgp_convention.documents.request import IndemnityRequest, Request
from mgp_convention.errors import LetterRefused
from mgp_convention.events import Ground, TerminatedBy, Termination
from mgp_convention.i18n import N_, Message, format_amount
from mgp_convention.lifecycle import Lifecycle
from mgp_convention.values import Breach, Status

__all__ = [
    "DECISION_FIELDS",
    "DECISION_TAGS",
    "KIND",
    "METROPOLE_GROUNDS",
    "decision_advisories",
    "decision_context",
    "recorded_termination",
]

#: The kind's code (its name on the command line, in French).
KIND: Final = "decision-resiliation"

#: The tags of the decision's template.
DECISION_TAGS: Final = COMMON_TAGS | frozenset(
    {
        "convention_signed_on",
        "object_ground",
        "facts",
        "quotes",
        "decision",
        "reason",
        "effect",
        "indemnity",
        "indemnity_quote",
        "indemnity_rows",
        "indemnity_total",
        "indemnity_count",
        "indemnity_nature",
        "appeal",
        "art13_quote",
    }
)
#: The fields of :class:`~mgp_convention.documents.request.Request` it reads.
DECISION_FIELDS: Final = frozenset(
    {"signatory", "on", "breach", "ground", "reason", "effective_on", "indemnity"}
)

#: The grounds of a decision the Métropole takes alone (RULES.md, "who may terminate",
#: less ``common_agreement``, which both parties sign).
METROPOLE_GROUNDS: Final = (
    Ground.BREACH,
    Ground.SANCTION,
    Ground.NOT_READY,
    Ground.INTERRUPTION,
    Ground.FORCE_MAJEURE,
)

#: The object line, by ground.
_OBJECT: Final[Mapping[Ground, str]] = {
    Ground.BREACH: "pour manquement (article 12 de la convention)",
    Ground.SANCTION: "fin de l'expérimentation et résiliation (articles 9 et 12 de la convention)",
    Ground.NOT_READY: "défaut d'accueil de l'expérimentation à la date prévue (articles 5 et 12 "
    "de la convention)",
    Ground.INTERRUPTION: "interruption de l'expérimentation (article 12 de la convention)",
    Ground.FORCE_MAJEURE: "force majeure",
}


def _decision(ground: Ground, reference: str) -> str:
    """The operative sentence, by ground."""
    convention = f"la convention d'engagement n° {reference}"
    if ground is Ground.SANCTION:
        return (
            "Pour ces motifs, la Métropole du Grand Paris décide, en application de "
            "l'article 9 de la convention, de mettre fin à l'expérimentation ; cette "
            f"décision entraîne la résiliation de {convention}."
        )
    if ground is Ground.NOT_READY:
        return (
            f"Pour ces motifs, la Métropole du Grand Paris prononce la résiliation de "
            f"{convention}, faute pour vous d'avoir fait le nécessaire pour pouvoir "
            "accueillir l'expérimentation à la date prévue, en application de l'article 5, "
            "alinéa 3, et de l'article 12 de la convention."
        )
    if ground is Ground.INTERRUPTION:
        return (
            f"Pour ce motif d'intérêt général, la Métropole du Grand Paris prononce la "
            f"résiliation de {convention}, en raison de son souhait d'interrompre "
            "l'expérimentation avant son terme, en application de l'article 12 de la "
            "convention."
        )
    if ground is Ground.FORCE_MAJEURE:
        return (
            f"Pour ce motif, la Métropole du Grand Paris prononce la résiliation de "
            f"{convention}, en raison d'un événement de force majeure qui en rend "
            "l'exécution définitivement impossible."
        )
    return (
        f"Pour ces motifs, la Métropole du Grand Paris prononce la résiliation de "
        f"{convention} pour manquement à vos obligations, en application de l'article 12 "
        "de la convention."
    )


def _quotes(ground: Ground) -> list[dict[str, str]]:
    """The articles the decision rests on, quoted (see the module)."""
    art12 = quoted_together(ART12_TERMINATION, ART12_REMEDY)
    if ground is Ground.SANCTION:
        return [quoted(ART9_SANCTION), art12]
    if ground is Ground.NOT_READY:
        return [quoted(ART5_NOT_READY), art12]
    if ground is Ground.INTERRUPTION:
        return [quoted(ART12_TERMINATION)]
    if ground is Ground.FORCE_MAJEURE:
        return [
            {"label": "Article 1218 du code civil, appliqué par analogie", "text": CIV_1218.text}
        ]
    return [art12]


def _reason_words(ground: Ground, reason: str | None) -> str:
    """The reason stated, introduced by what it is for its ground, as a sentence."""
    if not reason:
        return ""
    reason = reason.strip()
    if not reason.endswith((".", "!", "?", "…")):
        reason += "."
    if ground is Ground.INTERRUPTION:
        return (
            "La Métropole du Grand Paris souhaite interrompre l'expérimentation avant son "
            f"terme pour le motif d'intérêt général suivant : {reason}"
        )
    if ground is Ground.FORCE_MAJEURE:
        return f"L'événement de force majeure est le suivant : {reason}"
    return f"Motif de la décision : {reason}"


def _effect(termination: Termination, recorded: bool) -> str:
    """When the decision takes effect: at the earliest on its notification (L'Aurore)."""
    if termination.effective_on is not None:
        if recorded:
            return f"La présente décision prend effet le {day(termination.effective_on)}."
        return (
            f"La présente décision prend effet le {day(termination.effective_on)}, et au "
            "plus tôt à la date de sa notification."
        )
    if recorded and termination.notified_on is not None:
        return (
            "La présente décision prend effet à la date de sa notification, le "
            f"{day(termination.notified_on)}."
        )
    return (
        "La présente décision prend effet à la date de sa notification, c'est-à-dire à la "
        "date de réception de la présente lettre recommandée ou de sa première présentation."
    )


def _facts(
    status: Status, breach: Breach | None, termination: Termination, on: dt.date
) -> list[str]:
    """The facts and their dates, as they stand on the decision's date."""
    facts: list[str] = []
    started = status.experiment_started_on
    if termination.ground is Ground.NOT_READY:
        facts.append(
            "L'article 5 de la convention prévoyait un début de l'expérimentation le "
            f"{day(status.planned_start)}."
        )
    elif started is not None:
        facts.append(f"L'expérimentation a débuté le {day(started)}.")
    if breach is not None:
        facts += [
            recorded_words(breach),
            notice_and_deadline(breach, on),
            *(words for words in (remedy_words(breach, on), art9_steps(breach)) if words),
        ]
    return facts


def recorded_termination(lifecycle: Lifecycle) -> Termination | None:
    """The termination recorded in the file, if any (there is at most one)."""
    for entry in lifecycle.history:
        if isinstance(entry.event, Termination):
            return entry.event
    return None


def _refused(reason: str, **params: Any) -> LetterRefused:
    return LetterRefused(KIND, Message(reason, params))


def _for_recorded(termination: Termination, request: Request) -> Termination:
    """The recorded termination, when it is the Métropole's decision and the request
    does not ask for another one."""
    if termination.by is not TerminatedBy.METROPOLE or termination.ground not in METROPOLE_GROUNDS:
        raise _refused(
            N_(
                "the termination recorded in the file (ground {ground}, by {by}) is not a "
                "unilateral decision of the Métropole: there is no decision letter for it"
            ),
            ground=termination.ground,
            by=termination.by,
        )
    asked = {
        "on": (request.on, termination.on),
        "ground": (request.ground, termination.ground),
        "breach": (request.breach, termination.breach),
        "reason": (request.reason, termination.reason),
        "effective_on": (request.effective_on, termination.effective_on),
    }
    differing = sorted(name for name, (given, kept) in asked.items() if given not in {None, kept})
    if differing:
        raise _refused(
            N_(
                "a termination is already recorded in the file (decided on {on}, ground "
                "{ground}): its decision letter says what the file records, and the letter "
                "asked differs from it in: {fields}"
            ),
            on=termination.on,
            ground=termination.ground,
            fields=", ".join(differing),
        )
    return termination


def _asked(request: Request) -> Termination:
    """The termination the request asks for, by the Métropole, on the letter's date."""
    on = dated(request.on)
    ground = request.ground
    if ground is None:
        from mgp_convention.errors import InvalidValue  # noqa: PLC0415

        raise InvalidValue(
            Message(N_("no termination is recorded in the file: give the ground of the decision")),
            field="ground",
        )
    if ground not in METROPOLE_GROUNDS:
        raise _refused(
            N_(
                "a termination on ground {ground} is not a unilateral decision of the "
                "Métropole: there is no decision letter for it"
            ),
            ground=ground,
        )
    return Termination(
        on,
        ground=ground,
        by=TerminatedBy.METROPOLE,
        reason=request.reason,
        breach=request.breach,
        effective_on=request.effective_on,
    )


def _count(
    convention: Convention,
    declared: int,
    claim: IndemnityRequest,
    claim_on: dt.date,
    takes_effect_on: dt.date,
) -> BeneficiaryCount:
    """The beneficiaries « ayant contractualisé »: declared, or counted from the folder
    with this convention (Art. 12 al. 3, :mod:`~mgp_convention.articles.art12_beneficiaries`)."""
    if claim.portfolio is None:
        return declared_count(declared)
    cutoff, until = count_cutoff(claim_on, takes_effect_on, CountOptions(claim.count_until))
    conventions = [*claim.portfolio, (convention.reference, convention)]
    return count_beneficiaries(
        conventions, convention.market.reference, by=cutoff, declared=declared, until=until
    )


def _indemnity(
    convention: Convention, lifecycle: Lifecycle, termination: Termination, claim: IndemnityRequest
) -> IndemnityAssessment:
    """The Art. 12 al. 3 assessment, on the facts of the day the termination takes effect."""
    on = max(termination.on, termination.takes_effect_on)
    terms = lifecycle.terms_on(on)
    count = _count(convention, terms.market.beneficiaries, claim, on, termination.takes_effect_on)
    return assess_indemnity(
        lifecycle.termination_facts(on),
        market_total=market_total_from_ttc(terms.market.total_ttc),
        beneficiaries=count,
        items=claim.items,
    )


def _amount(value: Any) -> str:
    return format_amount(value, "fr")


def _indemnity_values(assessment: IndemnityAssessment, claimed: bool) -> dict[str, Any]:
    breakdown = assessment.breakdown
    if breakdown is None or not claimed:
        return {
            "indemnity": False,
            "indemnity_quote": quoted(ART12_AL3),
            "indemnity_rows": [],
            "indemnity_total": "",
            "indemnity_count": "",
            "indemnity_nature": "",
        }
    count = breakdown.beneficiaries
    beneficiaries = f"{count.used} bénéficiaire{'s' if count.used > 1 else ''}"
    rounded = (
        " (arrondi au centime, la moitié au centime supérieur : règlement (CE) n° 1103/97, "
        "article 5)"
        if breakdown.exact_share != breakdown.market_share
        else ""
    )
    rows = [
        {
            "label": spaced(
                f"Quote-part du marché : {_amount(breakdown.market_total.ttc)} TTC ÷ "
                f"{beneficiaries}{rounded}"
            ),
            "amount": _amount(breakdown.market_share),
        },
        *(
            {"label": item.label[:1].upper() + item.label[1:], "amount": _amount(item.amount)}
            for item in breakdown.items
        ),
    ]
    if count.source == "counted" and count.cutoff is not None:
        counted = (
            f"Le nombre de bénéficiaires ayant contractualisé avec la Métropole du Grand Paris "
            f"pour participer à l'expérimentation est de {count.used} : les conventions "
            "conclues pour ce marché et signées par l'ensemble des parties au plus tard le "
            f"{day(count.cutoff)}, y compris celles résiliées ou échues depuis."
        )
    else:
        counted = (
            f"Le nombre de bénéficiaires ayant contractualisé avec la Métropole du Grand Paris "
            f"pour participer à l'expérimentation est de {count.used}, nombre déclaré dans "
            "les données du marché."
        )
    return {
        "indemnity": True,
        "indemnity_quote": quoted(ART12_AL3),
        "indemnity_rows": rows,
        "indemnity_total": _amount(breakdown.total),
        "indemnity_count": spaced(counted),
        "indemnity_nature": spaced(
            "La Métropole du Grand Paris exige d'être indemnisée selon son préjudice ; la "
            "quote-part du coût du marché en est l'un des éléments, que l'indemnité peut "
            "inclure aux termes de l'article 12 de la convention (« peut notamment "
            "inclure »), au même titre que les autres éléments du préjudice énumérés."
        ),
    }


@attrs.frozen
class _Decided:
    """The termination a decision letter is for: the lifecycle with it applied, the
    event, whether the file records it, its advisories."""

    lifecycle: Lifecycle
    termination: Termination
    recorded: bool
    advisories: tuple[Advisory, ...]


def _decided(convention: Convention, request: Request) -> _Decided:
    """The recorded termination, or the one ``request`` asks for, accepted by the
    lifecycle; :class:`~mgp_convention.errors.LetterRefused` otherwise."""
    lifecycle = Lifecycle.from_convention(convention)
    recorded = recorded_termination(lifecycle)
    if recorded is not None:
        termination = _for_recorded(recorded, request)
        entry = next(e for e in lifecycle.history if e.event is recorded)
        return _Decided(lifecycle, termination, True, entry.advisories)
    entry = accepted(KIND, lifecycle, _asked(request))
    assert isinstance(entry.event, Termination)  # noqa: S101 - the event applied
    return _Decided(lifecycle, entry.event, False, entry.advisories)


def decision_advisories(convention: Convention, request: Request) -> tuple[Advisory, ...]:
    """The legal risks the lifecycle sees in the decision (RULES.md, "Advisories"): a
    termination for breach without the Art. 9 steps, an interruption while a breach is
    open, a late remedy… — less the missing notification date, which the letter itself
    answers (« prend effet à la date de sa notification »)."""
    return tuple(
        advisory
        for advisory in _decided(convention, request).advisories
        if advisory.code != TERMINATION_WITHOUT_NOTIFICATION_DATE.code
    )


def decision_context(convention: Convention, request: Request) -> Mapping[str, Any]:
    """The values of the termination decision (:data:`DECISION_TAGS`): the recorded
    termination, or the one ``request`` asks for on ``request.on``;
    :class:`~mgp_convention.errors.LetterRefused` when the lifecycle does not allow it."""
    decided = _decided(convention, request)
    termination, on = decided.termination, decided.termination.on
    before = Lifecycle.from_convention(convention).status(on)
    breach = None
    if termination.breach is not None:
        breach = next(b for b in before.breaches if b.label == termination.breach)
    effective = before.effective_date
    assert effective is not None  # noqa: S101 - a termination comes after the signatures
    assessment = _indemnity(convention, decided.lifecycle, termination, request.indemnity)
    return {
        **common_values(convention, request.signatory, on),
        "convention_signed_on": day(effective),
        "object_ground": _OBJECT[termination.ground],
        "facts": [spaced(fact) for fact in _facts(before, breach, termination, on)],
        "quotes": _quotes(termination.ground),
        "decision": spaced(_decision(termination.ground, convention.reference)),
        "reason": spaced(_reason_words(termination.ground, termination.reason)),
        "effect": spaced(_effect(termination, decided.recorded)),
        **_indemnity_values(assessment, request.indemnity.claimed),
        "appeal": [spaced(sentence) for sentence in appeal_sentences()],
        "art13_quote": quoted(ART13),
    }
