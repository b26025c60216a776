"""Termination: who may end the convention early, on which ground, and from when —
``articles/art12_termination.py`` (Art. 12 al. 1, Art. 5 al. 3, Art. 9; CE Béziers 2015;
CE Ass. 1948 L'Aurore; C. civ. 1218 and 1193), case by case."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from mgp_convention.advisories import ADVISORIES
from mgp_convention.articles.art12_termination import (
    BREACH_TERMINATION_WITHOUT_ART9,
    CE_BEZIERS,
    CE_LAURORE,
    CIV_1218,
    FORCE_MAJEURE,
    GENERAL_INTEREST_BY_BENEFICIARY,
    GROUND_CITATIONS,
    INTERRUPTION_WITH_OPEN_BREACH,
    TERMINATION_AFTER_LATE_REMEDY,
    TERMINATION_WITHOUT_NOTIFICATION_DATE,
    effect_refusal,
    is_unilateral,
    may_terminate,
    reason_refusal,
    who_refusal,
)
from mgp_convention.events import Ground, TerminatedBy
from mgp_convention.i18n import Message

D = dt.date
G, BY = Ground, TerminatedBy

# RULES.md, « Termination grounds »: the article or decision that opens each ground.
GROUND_ARTICLES = {
    G.INTERRUPTION: "Art. 12 al. 1",
    G.NOT_READY: "Art. 5 al. 3",
    G.BREACH: "Art. 12 al. 1",
    G.SANCTION: "Art. 9",
    G.COMMON_AGREEMENT: "C. civ. 1193",
    G.FORCE_MAJEURE: "C. civ. 1218",
    G.GENERAL_INTEREST: "CE, 27 févr. 2015, Commune de Béziers, n° 357028",
}

# RULES.md, « Who may terminate »: the Métropole on interruption, not_ready, breach,
# sanction, common_agreement and force_majeure; the beneficiary on common_agreement and
# general_interest only; the judge on force_majeure and on any ground a judgment states.
MAY = {
    BY.METROPOLE: {
        G.INTERRUPTION,
        G.NOT_READY,
        G.BREACH,
        G.SANCTION,
        G.COMMON_AGREEMENT,
        G.FORCE_MAJEURE,
    },
    BY.BENEFICIARY: {G.COMMON_AGREEMENT, G.GENERAL_INTEREST},
    BY.JUDGE: set(Ground),
}
PAIRS = [(by, ground) for by in TerminatedBy for ground in Ground]


@pytest.mark.parametrize("ground", list(Ground), ids=lambda g: g.value)
def test_each_ground_cites_its_source(ground: Ground) -> None:
    assert GROUND_CITATIONS[ground].label == GROUND_ARTICLES[ground]


@pytest.mark.parametrize(("by", "ground"), PAIRS, ids=[f"{b.value}-{g.value}" for b, g in PAIRS])
def test_who_may_terminate_on_which_ground(by: TerminatedBy, ground: Ground) -> None:
    allowed = ground in MAY[by]
    assert may_terminate(ground, by) is allowed
    refusal = who_refusal(ground, by)
    assert (refusal is None) is allowed


# (who tried, the ground, the one party that may use it)
REFUSED = [
    (BY.BENEFICIARY, G.INTERRUPTION, BY.METROPOLE),
    (BY.BENEFICIARY, G.NOT_READY, BY.METROPOLE),
    (BY.BENEFICIARY, G.BREACH, BY.METROPOLE),
    (BY.BENEFICIARY, G.SANCTION, BY.METROPOLE),
    (BY.METROPOLE, G.GENERAL_INTEREST, BY.BENEFICIARY),
]


@pytest.mark.parametrize(("by", "ground", "able"), REFUSED, ids=[f"{b}-{g}" for b, g, _ in REFUSED])
def test_a_refused_pairing_names_who_may(
    by: TerminatedBy, ground: Ground, able: TerminatedBy
) -> None:
    refusal = who_refusal(ground, by)
    assert refusal is not None
    assert refusal.params == {"by": by, "ground": ground, "able": able}


def test_the_beneficiary_goes_to_the_judge_for_force_majeure() -> None:
    # RULES.md: « for force majeure it goes to the judge » — the refusal says so.
    refusal = who_refusal(G.FORCE_MAJEURE, BY.BENEFICIARY)
    assert refusal is not None
    assert "by: judge" in refusal.render("en")
    assert "tribunal administratif" in refusal.render("fr")


# (by, ground, unilateral?): a unilateral decision takes effect when notified; an
# agreement or a judgment is not one party's decision.
UNILATERAL = [
    (BY.METROPOLE, G.INTERRUPTION, True),
    (BY.METROPOLE, G.BREACH, True),
    (BY.BENEFICIARY, G.GENERAL_INTEREST, True),
    (BY.METROPOLE, G.COMMON_AGREEMENT, False),
    (BY.BENEFICIARY, G.COMMON_AGREEMENT, False),
    (BY.JUDGE, G.FORCE_MAJEURE, False),
    (BY.JUDGE, G.BREACH, False),
]


@pytest.mark.parametrize(("by", "ground", "unilateral"), UNILATERAL)
def test_a_unilateral_termination(by: TerminatedBy, ground: Ground, unilateral: bool) -> None:
    assert is_unilateral(ground, by) is unilateral


# (situation, ground, by, reason, refused?)
REASONS = [
    ("interruption: CE Béziers, general interest", G.INTERRUPTION, BY.METROPOLE, None, True),
    ("interruption with a blank reason", G.INTERRUPTION, BY.METROPOLE, "   ", True),
    ("interruption with its reason", G.INTERRUPTION, BY.METROPOLE, "réorientation", False),
    ("force majeure without a reason", G.FORCE_MAJEURE, BY.METROPOLE, None, True),
    ("general interest without a reason", G.GENERAL_INTEREST, BY.BENEFICIARY, None, True),
    ("a judgment states its reason, on any ground", G.BREACH, BY.JUDGE, None, True),
    ("common agreement, even recorded by the judge", G.COMMON_AGREEMENT, BY.JUDGE, None, False),
    ("a common agreement by the beneficiary", G.COMMON_AGREEMENT, BY.BENEFICIARY, None, False),
    ("breach: the breach is its reason", G.BREACH, BY.METROPOLE, None, False),
    ("sanction", G.SANCTION, BY.METROPOLE, None, False),
    ("not ready", G.NOT_READY, BY.METROPOLE, None, False),
]  # fmt: skip


@pytest.mark.parametrize(
    ("ground", "by", "reason", "refused"), [c[1:] for c in REASONS], ids=[c[0] for c in REASONS]
)
def test_which_terminations_state_their_reason(
    ground: Ground, by: TerminatedBy, reason: str | None, refused: bool
) -> None:
    refusal = reason_refusal(ground, by, reason)
    assert (refusal is not None) is refused
    if refusal is not None:
        assert refusal.params == {"ground": ground}


# (situation, takes effect on, end date Fri 31 March 2028, refused?)
EFFECTS = [
    ("the day before the end date", D(2028, 3, 30), False),
    ("on the end date", D(2028, 3, 31), False),
    ("the day after: the convention ends by itself (Art. 2)", D(2028, 4, 1), True),
]


@pytest.mark.parametrize(
    ("effective", "refused"), [c[1:] for c in EFFECTS], ids=[c[0] for c in EFFECTS]
)
def test_a_termination_takes_effect_at_the_latest_on_the_end_date(
    effective: dt.date, refused: bool
) -> None:
    refusal = effect_refusal(effective, D(2028, 3, 31))
    assert (refusal is not None) is refused
    if refusal is not None:
        assert refusal.params == {"effective": effective, "end": D(2028, 3, 31)}


# The advisories of a termination: (kind, code, source)
KINDS = [
    (INTERRUPTION_WITH_OPEN_BREACH, "interruption_with_open_breach", "Art. 12 al. 1"),
    (BREACH_TERMINATION_WITHOUT_ART9, "breach_termination_without_art9", "Art. 9"),
    (TERMINATION_AFTER_LATE_REMEDY, "termination_after_late_remedy", "Art. 12 al. 2"),
    (GENERAL_INTEREST_BY_BENEFICIARY, "general_interest_by_beneficiary", CE_BEZIERS.label),
    (FORCE_MAJEURE, "force_majeure", CIV_1218.label),
    (TERMINATION_WITHOUT_NOTIFICATION_DATE, "termination_without_notification_date",
     CE_LAURORE.label),
]  # fmt: skip


@pytest.mark.parametrize(("kind", "code", "source"), KINDS, ids=[k[1] for k in KINDS])
def test_the_advisories_of_a_termination(kind: object, code: str, source: str) -> None:
    assert ADVISORIES[code] is kind
    assert (ADVISORIES[code].code, ADVISORIES[code].source.label) == (code, source)


# The refusals as the officer reads them, in both languages (each called in the test).
# The end date of the example: Friday 31 March 2028; the day after is Saturday 1 April.
READ_REFUSALS = [
    (
        "the beneficiary for force majeure: it goes to the judge",
        lambda: who_refusal(G.FORCE_MAJEURE, BY.BENEFICIARY),
        "the beneficiary cannot terminate for force majeure itself: it asks the Tribunal "
        "administratif to pronounce the termination (by: judge)",
        "le bénéficiaire ne peut pas résilier lui-même pour force majeure : il demande au "
        "tribunal administratif de prononcer la résiliation (by : judge)",
    ),
    (
        "the beneficiary on ground breach: the Métropole's",
        lambda: who_refusal(G.BREACH, BY.BENEFICIARY),
        "the beneficiary cannot terminate on ground breach: only the Métropole can",
        "résiliation impossible par le bénéficiaire pour le motif « manquement » : la seule "
        "partie qui peut l'invoquer est la Métropole",
    ),
    (
        # « à le bénéficiaire » was the French of this refusal: a grammar slip.
        "the Métropole on ground general interest: the beneficiary's",
        lambda: who_refusal(G.GENERAL_INTEREST, BY.METROPOLE),
        "the Métropole cannot terminate on ground general interest: only the beneficiary can",
        "résiliation impossible par la Métropole pour le motif « motif d'intérêt général » : "
        "la seule partie qui peut l'invoquer est le bénéficiaire",
    ),
    (
        "interruption without a reason (CE Béziers)",
        lambda: reason_refusal(G.INTERRUPTION, BY.METROPOLE, None),
        "a termination on ground interruption of the experiment must state its reason ('reason')",
        "une résiliation pour le motif « interruption de l'expérimentation » doit énoncer son "
        "motif (« reason »)",
    ),
    (
        "a judgment with a blank reason",
        lambda: reason_refusal(G.BREACH, BY.JUDGE, " "),
        "a termination on ground breach must state its reason ('reason')",
        "une résiliation pour le motif « manquement » doit énoncer son motif (« reason »)",
    ),
    (
        "taking effect the day after the end date",
        lambda: effect_refusal(D(2028, 4, 1), D(2028, 3, 31)),
        "the termination would take effect on Saturday 1 April 2028, after the end date "
        "Friday 31 March 2028: the convention ends by itself on that date",
        "la résiliation prendrait effet le samedi 1er avril 2028, après la date de fin, le "
        "vendredi 31 mars 2028 : la convention prend fin d'elle-même à cette date",
    ),
]


@pytest.mark.parametrize(
    ("refusal", "english", "french"),
    [c[1:] for c in READ_REFUSALS],
    ids=[c[0] for c in READ_REFUSALS],
)
def test_a_refusal_reads_in_full_in_english_and_french(
    refusal: Callable[[], Message | None], english: str, french: str
) -> None:
    message = refusal()
    assert message is not None
    assert message.render("en") == english
    assert message.render("fr") == french
