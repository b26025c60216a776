"""Art. 9: « celle-ci peut décider de la fin de l'expérimentation, après examen des
justificatifs présentés par le Bénéficiaire et après avoir entendu ses représentants » —
``articles/art09_sanctions.py``, case by case.

The breach's registered letter is sent Friday 2 April 2027: day 30 is Sunday 2 May, so
its thirty days run until Monday 3 May 2027 (CPC 642)."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

from mgp_convention.articles.art09_sanctions import (
    ART9_HEARING,
    ART9_SANCTION,
    ART9_STOP,
    DEFAULT_SANCTION_OPTIONS,
    Art9Step,
    SanctionOptions,
    sanction_refusal,
    steps_refusal,
)
from mgp_convention.errors import ConventionError

D = dt.date
J, R = Art9Step.JUSTIFICATIONS_EXAMINED, Art9Step.REPRESENTATIVES_HEARD
BOTH = {J: D(2027, 4, 20), R: D(2027, 4, 22)}
SENT, DEADLINE = D(2027, 4, 2), D(2027, 5, 3)


def test_the_citations_and_the_steps() -> None:
    assert {ART9_SANCTION.label, ART9_HEARING.label, ART9_STOP.label} == {"Art. 9"}
    assert ART9_HEARING.text in ART9_SANCTION.text
    assert ART9_STOP.text in ART9_SANCTION.text
    # Each step is recorded by an event of the same name.
    assert [step.value for step in Art9Step] == ["justifications_examined", "representatives_heard"]


# (situation, the steps taken, the first step missing, a word of its message)
STEPS = [
    ("neither step", {}, "justifications"),
    ("the justifications only", {J: D(2027, 4, 20)}, "representatives"),
    ("the hearing only", {R: D(2027, 4, 22)}, "justifications"),
    ("both steps", BOTH, None),
]


@pytest.mark.parametrize(("steps", "missing"), [c[1:] for c in STEPS], ids=[c[0] for c in STEPS])
def test_both_steps_before_a_sanction(steps: dict[Art9Step, dt.date], missing: str | None) -> None:
    refusal = steps_refusal("B1", steps)
    if missing is None:
        assert refusal is None
    else:
        assert refusal is not None
        assert refusal.params == {"breach": "B1"}
        assert missing in refusal.render("en")


@attrs.frozen
class Case:
    """The facts of one breach on the day the sanction is decided, and the answers."""

    on: dt.date
    steps: dict[Art9Step, dt.date] = BOTH
    notice_sent_on: dt.date | None = SENT
    deadline: dt.date | None = DEADLINE
    remedied_on: dt.date | None = None
    late: bool = False
    accepted_late: bool = False
    refused_by_default: bool = False
    # None: whether a breach remedied in time is still a ground is asked by the lifecycle
    # before this rule (test_lifecycle.py), not by it.
    refused_without_the_period: bool | None = False


SANCTIONS = {
    "both steps, the thirty days ran out (Tue 4 May)": Case(D(2027, 5, 4)),
    "on the deadline itself (Mon 3 May)": Case(DEADLINE, refused_by_default=True),
    "no letter sent: no thirty days ran": Case(
        D(2027, 5, 4), notice_sent_on=None, deadline=None, refused_by_default=True
    ),
    "a step missing": Case(
        D(2027, 5, 4),
        steps={J: D(2027, 4, 20)},
        refused_by_default=True,
        refused_without_the_period=True,
    ),
    "remedied in time, on the deadline": Case(
        D(2027, 5, 4),
        remedied_on=DEADLINE,
        refused_by_default=True,
        refused_without_the_period=None,
    ),
    "remedied late, Tue 4 May": Case(D(2027, 5, 5), remedied_on=D(2027, 5, 4), late=True),
    "remedied late, the lateness waived": Case(
        D(2027, 5, 5),
        remedied_on=D(2027, 5, 4),
        late=True,
        accepted_late=True,
        refused_by_default=True,
        refused_without_the_period=None,
    ),
}


@pytest.mark.parametrize("case", list(SANCTIONS.values()), ids=list(SANCTIONS))
def test_when_the_metropole_may_decide_the_sanction(case: Case) -> None:
    facts = attrs.asdict(case, recurse=False)
    on = facts.pop("on")
    refused_by_default = facts.pop("refused_by_default")
    refused_without_the_period = facts.pop("refused_without_the_period")
    assert (sanction_refusal("B1", on, **facts) is not None) is refused_by_default
    # Art. 9 read as a procedure of its own: both steps are enough.
    own = SanctionOptions(require_remedy_period=False)
    if refused_without_the_period is not None:
        assert (sanction_refusal("B1", on, **facts, options=own) is not None) is (
            refused_without_the_period
        )


def test_the_strictest_reading_is_the_default() -> None:
    assert DEFAULT_SANCTION_OPTIONS.require_remedy_period is True
    with pytest.raises(ConventionError):
        SanctionOptions(require_remedy_period=1)  # type: ignore[arg-type]


def test_a_refused_sanction_names_the_breach_it_is_about() -> None:
    """Two breaches may be open at once: a refusal says which one it answers for, B2
    here, whether a step of the hearing is missing or the thirty days of B2 still run
    (Monday 3 May 2027 is its deadline, the day itself included)."""
    common = {"remedied_on": None, "late": False, "accepted_late": False}
    a_step_missing = sanction_refusal(
        "B2",
        D(2027, 5, 4),
        steps={J: D(2027, 4, 20)},
        notice_sent_on=SENT,
        deadline=DEADLINE,
        **common,
    )
    still_running = sanction_refusal(
        "B2", DEADLINE, steps=BOTH, notice_sent_on=SENT, deadline=DEADLINE, **common
    )
    for refusal in (a_step_missing, still_running):
        assert refusal is not None
        assert refusal.params["breach"] == "B2"
        assert "B2" in refusal.render("fr")
        assert "B2" in refusal.render("en")
    assert a_step_missing is not None
    assert "représentants" in a_step_missing.render("fr")
    assert still_running is not None
    assert "3 mai 2027" in still_running.render("fr")
