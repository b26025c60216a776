"""Art. 12 al. 1–2 for one breach: « En cas de manquement du bénéficiaire, ce dernier
disposera d'un délai de trente jours à compter de l'envoi d'une lettre recommandée avec
accusé de réception pour remédier audit manquement. » — ``articles/art12_breaches.py``.

The letter of the cases below is sent Wednesday 2 December 2026: day 30 is Friday
1 January 2027, a public holiday, then a weekend, so the deadline is Monday 4 January
2027 (CPC 642); termination is possible from Tuesday 5 January."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import attrs
import pytest

from mgp_convention.articles.art12_breaches import (
    ART12_REMEDY,
    is_late,
    notice_refusal,
    remains_a_ground,
    remedy_refusal,
    thirty_days_refusal,
)
from mgp_convention.i18n import Message

D = dt.date
SENT, DEADLINE = D(2026, 12, 2), D(2027, 1, 4)


def test_the_citation() -> None:
    assert ART12_REMEDY.label == "Art. 12 al. 2"
    assert "trente jours" in ART12_REMEDY.text


# (situation, remedied on, deadline, late?)
LATENESS = [
    ("on the deadline: in time", DEADLINE, DEADLINE, False),
    ("the day before: in time", D(2027, 1, 3), DEADLINE, False),
    ("the day after: late", D(2027, 1, 5), DEADLINE, True),
    ("before any letter: no thirty days ran, in time", D(2026, 12, 1), None, False),
]


@pytest.mark.parametrize(
    ("remedied", "deadline", "late"), [c[1:] for c in LATENESS], ids=[c[0] for c in LATENESS]
)
def test_a_remedy_after_the_deadline_is_late(
    remedied: dt.date, deadline: dt.date | None, late: bool
) -> None:
    assert is_late(remedied, deadline=deadline) is late


# (situation, open, sanctioned, late, accepted late, still a ground?)
GROUNDS = [
    ("open", True, False, False, False, True),
    ("remedied in time", False, False, False, False, False),
    ("remedied late", False, False, True, False, True),
    ("remedied late, the lateness waived (accepted_late)", False, False, True, True, False),
    ("closed by an Art. 9 decision (sanctioned)", False, True, False, False, True),
]


@pytest.mark.parametrize(
    ("open_", "sanctioned", "late", "accepted", "ground"),
    [c[1:] for c in GROUNDS],
    ids=[c[0] for c in GROUNDS],
)
def test_a_breach_remains_a_ground(
    open_: bool, sanctioned: bool, late: bool, accepted: bool, ground: bool
) -> None:
    assert (
        remains_a_ground(open_=open_, sanctioned=sanctioned, late=late, accepted_late=accepted)
        is ground
    )


def test_one_letter_per_breach_while_it_is_open() -> None:
    assert notice_refusal("B1", open_=True, notice_sent_on=None) is None
    closed = notice_refusal("B1", open_=False, notice_sent_on=None)
    assert closed is not None
    assert closed.params == {"breach": "B1"}
    second = notice_refusal("B1", open_=True, notice_sent_on=SENT)
    assert second is not None
    assert second.params == {"breach": "B1", "sent": SENT}


def test_only_an_open_breach_is_remedied() -> None:
    assert remedy_refusal("B2", open_=True) is None
    refusal = remedy_refusal("B2", open_=False)
    assert refusal is not None
    assert refusal.params == {"breach": "B2"}


@attrs.frozen
class Facts:
    on: dt.date
    notice_sent_on: dt.date | None = SENT
    deadline: dt.date | None = DEADLINE
    remedied_on: dt.date | None = None
    late: bool = False
    accepted_late: bool = False


# (situation, facts, a ground for termination that day?, the dates the refusal names)
THIRTY_DAYS = [
    ("no letter sent", Facts(D(2027, 2, 1), notice_sent_on=None, deadline=None), False, {}),
    (
        "Mon 4 January 2027, the deadline itself",
        Facts(DEADLINE),
        False,
        {"deadline": DEADLINE, "first": D(2027, 1, 5)},
    ),
    ("Tue 5 January 2027, the day after", Facts(D(2027, 1, 5)), True, {}),
    (
        "remedied on the deadline: in time",
        Facts(D(2027, 1, 5), remedied_on=DEADLINE),
        False,
        {"remedied": DEADLINE},
    ),
    (
        "remedied late, Tue 5 January",
        Facts(D(2027, 1, 6), remedied_on=D(2027, 1, 5), late=True),
        True,
        {},
    ),
    (
        "remedied late, the lateness waived",
        Facts(D(2027, 1, 6), remedied_on=D(2027, 1, 5), late=True, accepted_late=True),
        False,
        {"remedied": D(2027, 1, 5)},
    ),
]


@pytest.mark.parametrize(
    ("facts", "ground", "dates"),
    [c[1:] for c in THIRTY_DAYS],
    ids=[c[0] for c in THIRTY_DAYS],
)
def test_a_ground_once_the_thirty_days_ran_out_without_a_remedy_in_time(
    facts: Facts, ground: bool, dates: dict[str, dt.date]
) -> None:
    values = attrs.asdict(facts)
    refusal = thirty_days_refusal("B1", values.pop("on"), **values)
    assert (refusal is None) is ground
    if refusal is not None:
        assert refusal.params == {"breach": "B1", **dates}


def test_a_waived_lateness_and_a_remedy_in_time_are_told_apart() -> None:
    in_time = thirty_days_refusal(
        "B1",
        D(2027, 1, 6),
        notice_sent_on=SENT,
        deadline=DEADLINE,
        remedied_on=DEADLINE,
        late=False,
        accepted_late=False,
    )
    waived = thirty_days_refusal(
        "B1",
        D(2027, 1, 6),
        notice_sent_on=SENT,
        deadline=DEADLINE,
        remedied_on=D(2027, 1, 5),
        late=True,
        accepted_late=True,
    )
    assert in_time is not None
    assert waived is not None
    assert in_time.msgid != waived.msgid


def thirty_days(on: dt.date, **facts: object) -> Message | None:
    values = attrs.asdict(Facts(on, **facts))  # type: ignore[arg-type]
    return thirty_days_refusal("B1", values.pop("on"), **values)


# The refusals as the officer reads them, in both languages (each called in the test).
# Letter sent Wed 2 Dec 2026; day 30 = Fri 1 Jan 2027 (holiday), then the weekend: the
# deadline is Mon 4 Jan 2027 (remedy_deadline), termination possible from Tue 5 Jan.
READ_REFUSALS = [
    (
        "a notice for a closed breach",
        lambda: notice_refusal("B1", open_=False, notice_sent_on=None),
        "breach B1 is closed: no notice is needed",
        "le manquement B1 est clos : aucune mise en demeure n'est nécessaire",
    ),
    (
        "a second notice",
        lambda: notice_refusal("B1", open_=True, notice_sent_on=SENT),
        "breach B1 already had its formal notice, sent on Wednesday 2 December 2026",
        "le manquement B1 a déjà fait l'objet d'une mise en demeure, envoyée le mercredi "
        "2 décembre 2026",
    ),
    (
        "a remedy of a closed breach",
        lambda: remedy_refusal("B2", open_=False),
        "breach B2 is not open any more",
        "le manquement B2 n'est plus ouvert",
    ),
    (
        "no letter sent",
        lambda: thirty_days(D(2027, 2, 1), notice_sent_on=None, deadline=None),
        "no formal notice has been sent for breach B1: its thirty days have not started",
        "aucune mise en demeure n'a été envoyée pour le manquement B1 : ses trente jours "
        "n'ont pas commencé",
    ),
    (
        "remedied late on Tue 5 January, the lateness waived",
        lambda: thirty_days(
            D(2027, 1, 6), remedied_on=D(2027, 1, 5), late=True, accepted_late=True
        ),
        "breach B1 was remedied late, on Tuesday 5 January 2027, and the Métropole accepted "
        "the late remedy: it counts as remedied in time",
        "le manquement B1 a été réparé tardivement, le mardi 5 janvier 2027, et la Métropole "
        "a accepté cette remédiation tardive : il est réputé réparé dans le délai",
    ),
    (
        "remedied on the deadline: in time",
        lambda: thirty_days(D(2027, 1, 5), remedied_on=DEADLINE),
        "breach B1 was remedied in time, on Monday 4 January 2027",
        "le manquement B1 a été réparé dans le délai, le lundi 4 janvier 2027",
    ),
    (
        "Mon 4 January 2027, the deadline itself",
        lambda: thirty_days(DEADLINE),
        "the thirty days of breach B1 run until Monday 4 January 2027 (included): "
        "termination is possible from Tuesday 5 January 2027",
        "les trente jours du manquement B1 courent jusqu'au lundi 4 janvier 2027 inclus : la "
        "résiliation est possible à partir du mardi 5 janvier 2027",
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
