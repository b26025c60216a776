"""Art. 5 al. 3–4: « Le bénéficiaire est tenu de faire le nécessaire pour pouvoir accueillir
l'expérimentation à la date prévue. Dans la négative, la Métropole du Grand Paris se réserve
le droit de résilier de manière unilatérale la présente convention. » —
``articles/art05_delays.py``, case by case. Planned start: Monday 1 March 2027."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from mgp_convention.advisories import ADVISORIES
from mgp_convention.articles.art05_delays import (
    ART5_NO_COMPENSATION,
    ART5_NOT_READY,
    DEFAULT_NOT_READY_OPTIONS,
    NOT_READY_WITHOUT_NOTICE,
    NotReadyOptions,
    not_ready_without_notice_refusal,
    ready_breach_refusal,
    start_refusal,
)
from mgp_convention.errors import ConventionError
from mgp_convention.events import Ground, Termination
from mgp_convention.examples import example_convention
from mgp_convention.i18n import Message
from mgp_convention.lifecycle import Lifecycle

D = dt.date
PLANNED = D(2027, 3, 1)


def test_the_citations() -> None:
    assert ART5_NOT_READY.label == "Art. 5 al. 3"
    assert ART5_NO_COMPENSATION.label == "Art. 5 al. 4"
    assert "à la date prévue" in ART5_NOT_READY.text
    assert "n'ouvre droit à aucun dédommagement" in ART5_NO_COMPENSATION.text


# (situation, start date, effective date, refused?) — Art. 2: in force from the last
# signature, Thursday 19 November 2026.
STARTS = [
    ("not every party signed", D(2027, 3, 1), None, True),
    ("the day before it took effect", D(2026, 11, 18), D(2026, 11, 19), True),
    ("the day it took effect", D(2026, 11, 19), D(2026, 11, 19), False),
    ("on the planned start", D(2027, 3, 1), D(2026, 11, 19), False),
]


@pytest.mark.parametrize(
    ("on", "effective", "refused"), [c[1:] for c in STARTS], ids=[c[0] for c in STARTS]
)
def test_the_experiment_starts_once_the_convention_took_effect(
    on: dt.date, effective: dt.date | None, refused: bool
) -> None:
    assert (start_refusal(on, effective) is not None) is refused


def test_a_start_before_the_effective_date_says_both_dates() -> None:
    refusal = start_refusal(D(2026, 11, 18), D(2026, 11, 19))
    assert refusal is not None
    assert refusal.params == {"on": D(2026, 11, 18), "effective": D(2026, 11, 19)}


# (situation, the day recorded, started?, the beneficiary may be the cause?, refused?)
READY_BREACHES = [
    ("the day before the planned start", D(2027, 2, 28), False, True, True),
    ("on the planned start", D(2027, 3, 1), False, True, False),
    ("the day after", D(2027, 3, 2), False, True, False),
    ("started: it was ready", D(2027, 3, 2), True, True, True),
    ("the provider's or the Métropole's delay (al. 4)", D(2027, 3, 2), False, False, True),
    ("started, and before the planned start", D(2027, 2, 1), True, True, True),
]


@pytest.mark.parametrize(
    ("on", "started", "cause", "refused"),
    [c[1:] for c in READY_BREACHES],
    ids=[c[0] for c in READY_BREACHES],
)
def test_when_not_being_ready_can_be_recorded(
    on: dt.date, started: bool, cause: bool, refused: bool
) -> None:
    refusal = ready_breach_refusal(
        on, planned_start=PLANNED, started=started, beneficiary_may_be_the_cause=cause
    )
    assert (refusal is not None) is refused


def test_not_ready_before_the_planned_start_names_it() -> None:
    refusal = ready_breach_refusal(
        D(2027, 2, 28), planned_start=PLANNED, started=False, beneficiary_may_be_the_cause=True
    )
    assert refusal is not None
    assert refusal.params == {"planned": PLANNED}


# Version 1's reading (NotReadyOptions(notice_required=False)): (situation, the day of
# the termination, started?, the beneficiary the cause?, refused?)
WITHOUT_NOTICE = [
    ("the planned start itself: it may still be ready", D(2027, 3, 1), False, True, True),
    ("the day after the planned start", D(2027, 3, 2), False, True, False),
    ("started", D(2027, 3, 2), True, True, True),
    ("the cause is the provider (al. 4)", D(2027, 3, 2), False, False, True),
]


@pytest.mark.parametrize(
    ("on", "started", "cause", "refused"),
    [c[1:] for c in WITHOUT_NOTICE],
    ids=[c[0] for c in WITHOUT_NOTICE],
)
def test_not_ready_without_notice_on_version_1s_reading(
    on: dt.date, started: bool, cause: bool, refused: bool
) -> None:
    refusal = not_ready_without_notice_refusal(
        on, planned_start=PLANNED, started=started, beneficiary_is_the_cause=cause
    )
    assert (refusal is not None) is refused


@pytest.mark.parametrize(
    ("planned", "first"),
    [
        (D(2027, 3, 1), D(2027, 3, 2)),
        (D(2027, 12, 31), D(2028, 1, 1)),  # into the next year
        (D(2028, 2, 28), D(2028, 2, 29)),  # a leap year
    ],
)
def test_the_first_day_termination_is_possible_without_notice(
    planned: dt.date, first: dt.date
) -> None:
    refusal = not_ready_without_notice_refusal(
        planned, planned_start=planned, started=False, beneficiary_is_the_cause=True
    )
    assert refusal is not None
    assert refusal.params == {"planned": planned, "first": first}


def test_the_reading_of_rules_version_2_is_the_default() -> None:
    assert DEFAULT_NOT_READY_OPTIONS.notice_required is True
    assert NotReadyOptions(notice_required=False).notice_required is False
    with pytest.raises(ConventionError):
        NotReadyOptions(notice_required="no")  # type: ignore[arg-type]


def test_the_advisory_of_not_ready_without_notice() -> None:
    advisory = NOT_READY_WITHOUT_NOTICE()
    assert (advisory.code, advisory.source.label) == ("not_ready_without_notice", "Art. 5 al. 3")
    assert ADVISORIES[advisory.code] is NOT_READY_WITHOUT_NOTICE


def test_under_version_1s_reading_a_refusal_gives_that_readings_reason() -> None:
    # With NotReadyOptions(notice_required=False) no formal notice is asked, so a refused
    # not_ready termination must not tell the officer to « send its formal notice ». The
    # example convention plans its start on 1 March 2027 and reports no delay; on 2 March
    # the option's own rule refuses (the current cause is not the beneficiary, Art. 5 al. 4).
    lifecycle = Lifecycle.from_convention(
        example_convention(), not_ready_options=NotReadyOptions(notice_required=False)
    )
    day = D(2027, 3, 2)
    refusal = lifecycle.check(Termination(day, ground=Ground.NOT_READY, notified_on=day))
    assert refusal is not None
    assert "n'est pas le bénéficiaire" in refusal.render("fr")
    assert "formal notice" not in refusal.render("en")
    assert "mise en demeure" not in refusal.render("fr")


# The refusals as the officer reads them, in both languages (each called in the test).
# Planned start Monday 1 March 2027; a termination on that very day is refused, the first
# possible day being the next, Tuesday 2 March 2027 (planned start + one day).
READ_REFUSALS = [
    (
        "started: it was ready",
        lambda: not_ready_without_notice_refusal(
            D(2027, 3, 2), planned_start=PLANNED, started=True, beneficiary_is_the_cause=True
        ),
        "the experiment has started: the beneficiary was ready",
        "l'expérimentation a commencé : le bénéficiaire était prêt",
    ),
    (
        "the cause is the provider (al. 4)",
        lambda: not_ready_without_notice_refusal(
            D(2027, 3, 2), planned_start=PLANNED, started=False, beneficiary_is_the_cause=False
        ),
        "the current cause of the delay is not the beneficiary (a delay caused by the "
        "Métropole or its provider does not open this ground, Art. 5 al. 4)",
        "la cause actuelle du retard n'est pas le bénéficiaire (un retard du fait de la "
        "Métropole ou de son prestataire n'ouvre pas ce motif, Art. 5 al. 4)",
    ),
    (
        "the planned start itself: it may still be ready",
        lambda: not_ready_without_notice_refusal(
            PLANNED, planned_start=PLANNED, started=False, beneficiary_is_the_cause=True
        ),
        "the planned start, Monday 1 March 2027, has not passed yet: termination for not "
        "being ready is possible from Tuesday 2 March 2027",
        "la date de début souhaitée, le lundi 1er mars 2027, n'est pas encore passée : la "
        "résiliation faute d'être prêt est possible à partir du mardi 2 mars 2027",
    ),
    (
        "a breach recorded once started",
        lambda: ready_breach_refusal(
            D(2027, 3, 2), planned_start=PLANNED, started=True, beneficiary_may_be_the_cause=True
        ),
        "the experiment has started: the beneficiary was ready",
        "l'expérimentation a commencé : le bénéficiaire était prêt",
    ),
    (
        "a breach recorded the day before the planned start",
        lambda: ready_breach_refusal(
            D(2027, 2, 28), planned_start=PLANNED, started=False, beneficiary_may_be_the_cause=True
        ),
        "the planned start, Monday 1 March 2027, has not come yet",
        "la date de début souhaitée, le lundi 1er mars 2027, n'est pas encore arrivée",
    ),
    (
        "a breach recorded while the cause is the provider",
        lambda: ready_breach_refusal(
            D(2027, 3, 2), planned_start=PLANNED, started=False, beneficiary_may_be_the_cause=False
        ),
        "the current cause of the delay is not the beneficiary (the latest delay report "
        "names another cause, or the beneficiary declared itself ready)",
        "la cause actuelle du retard n'est pas le bénéficiaire (le dernier retard signalé a "
        "une autre cause, ou le bénéficiaire s'est déclaré prêt)",
    ),
    (
        "a start before every party signed",
        lambda: start_refusal(PLANNED, None),
        "the convention has not taken effect: every party must sign first",
        "la convention n'a pas pris effet : chaque partie doit d'abord signer",
    ),
    (
        "a start the day before it took effect",
        # Wednesday 18 November 2026, the day before the last signature (Thursday 19).
        lambda: start_refusal(D(2026, 11, 18), D(2026, 11, 19)),
        "the experiment cannot start (Wednesday 18 November 2026) before the convention "
        "takes effect (Thursday 19 November 2026, the last signature)",
        "l'expérimentation ne peut pas commencer (mercredi 18 novembre 2026) avant la prise "
        "d'effet de la convention (jeudi 19 novembre 2026, la dernière signature)",
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
    # Called here, not at collection: the mutant under test is switched on per test.
    message = refusal()
    assert message is not None
    assert message.render("en") == english
    assert message.render("fr") == french
