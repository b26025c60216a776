"""The lifecycle of a convention (RULES.md version 2), case by case, computed by hand.

Every convention here is the example convention (``example_convention()``) with its
own events, through ``attrs.evolve``. Its dates (Art. 2, Art. 5): signed by the
beneficiary on Thursday 12 November 2026 and by the Métropole on Thursday 19 November
2026 (in force from that day); indicative start Monday 1 March 2027; 6 months;
evaluation (2 months) before 31 December 2027; end date Friday 31 March 2028.

The thirty days of Art. 12 al. 2 (RULES.md default): day 0 is the date the registered
letter is sent, day 30 is the nominal last day, moved to the next working day past a
Saturday, a Sunday or a public holiday (CPC 641–642; C. trav. L3133-1). The letters used
below, each checked on a calendar (Easter 2027 is Sunday 28 March, so Ascension is
Thursday 6 May and Whit Monday 17 May 2027):

======================  ==============================  ===============================
letter sent             day 30                          deadline (last day to remedy)
======================  ==============================  ===============================
Wed 2 December 2026     Fri 1 January 2027 (holiday),   Mon 4 January 2027
                        then Sat 2, Sun 3
Mon 1 March 2027        Wed 31 March 2027               Wed 31 March 2027
Tue 2 March 2027        Thu 1 April 2027                Thu 1 April 2027
Fri 2 April 2027        Sun 2 May 2027                  Mon 3 May 2027
Tue 6 April 2027        Thu 6 May 2027 (Ascension)      Fri 7 May 2027
Fri 16 April 2027       Sun 16 May, Mon 17 May 2027     Tue 18 May 2027
                        (Whit Monday)
======================  ==============================  ===============================
"""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

from mgp_convention.errors import EventRefused
from mgp_convention.events import (
    BreachRecorded,
    Event,
    FormalNoticeSent,
    Ground,
    Obligation,
    TerminatedBy,
    Termination,
)
from mgp_convention.examples import example_convention
from mgp_convention.lifecycle import Lifecycle
from mgp_convention.states import State
from mgp_convention.values import Refusal

BASE = example_convention()
SIGNED = BASE.events  # beneficiary Thu 12 Nov 2026, Métropole Thu 19 Nov 2026
D = dt.date
REASON = "réorientation du programme décidée par le Bureau métropolitain (intérêt général)"


def lifecycle(*events: Event, **options: object) -> Lifecycle:
    """The example convention, signed by both parties, then ``events``."""
    convention = attrs.evolve(BASE, events=(*SIGNED, *events))
    return Lifecycle.from_convention(convention, **options)  # type: ignore[arg-type]


def breach(
    on: dt.date,
    label: str | None = None,
    obligation: Obligation = Obligation.SHARE_DATA,
    *,
    impedes: bool = True,
) -> BreachRecorded:
    """A breach of ``obligation`` (``ready_on_planned_date`` impedes by nature)."""
    if obligation is Obligation.READY_ON_PLANNED_DATE:
        return BreachRecorded(on, breach=label, obligation=obligation)
    return BreachRecorded(on, breach=label, obligation=obligation, impedes_experiment=impedes)


def notice(on: dt.date, label: str | None = None) -> FormalNoticeSent:
    """The registered letter with acknowledgement of receipt (Art. 12 al. 2)."""
    return FormalNoticeSent(on, breach=label, letter_reference=f"LRAR {on.isoformat()}")


def terminate(
    on: dt.date,
    ground: Ground,
    *,
    by: TerminatedBy = TerminatedBy.METROPOLE,
    breach: str | None = None,
    reason: str | None = REASON,
    notified_on: dt.date | None = None,
    effective_on: dt.date | None = None,
) -> Termination:
    return Termination(
        on,
        ground=ground,
        by=by,
        breach=breach,
        reason=reason,
        notified_on=notified_on,
        effective_on=effective_on,
    )


def refused(lifecycle: Lifecycle, event: Event) -> Refusal:
    """``event`` is refused by :meth:`Lifecycle.check` and by :meth:`Lifecycle.apply`, with
    the same article, and the refusal changes nothing (history, status, terms)."""
    on = max(event.on, lifecycle.last_on or event.on)
    before = (lifecycle.history, lifecycle.status(on), lifecycle.terms)
    refusal = lifecycle.check(event)
    assert refusal is not None, f"{event} was accepted"
    with pytest.raises(EventRefused) as info:
        lifecycle.apply(event)
    assert info.value.article == refusal.article
    assert info.value.event == refusal.event
    assert (lifecycle.history, lifecycle.status(on), lifecycle.terms) == before
    return refusal


# --- who may terminate on which ground, whatever the breaches ---------------------------------


@pytest.mark.parametrize(
    ("ground", "article"),
    [
        (Ground.BREACH, "Art. 12 al. 1"),
        (Ground.SANCTION, "Art. 9"),
        (Ground.NOT_READY, "Art. 5 al. 3"),
    ],
)
@pytest.mark.parametrize("open_breaches", [0, 2], ids=["no-breach-open", "two-breaches-open"])
def test_the_beneficiary_cannot_terminate_for_its_own_breach_even_unnamed(
    ground: Ground, article: str, open_breaches: int
) -> None:
    # RULES.md, "Who may terminate": « the beneficiary on common_agreement and
    # general_interest only … Any other pairing is refused, naming the article ». The
    # pairing is refused for itself, before the breach is looked for: with no breach open
    # (or two, and none named) the refusal still names the ground's article.
    events = [
        breach(D(2027, 1, 10), "B1", Obligation.DESIGNATE_REFERENT),
        breach(D(2027, 1, 11), "B2", Obligation.FREE_ACCESS),
    ][:open_breaches]
    refusal = refused(
        lifecycle(*events), terminate(D(2027, 1, 15), ground, by=TerminatedBy.BENEFICIARY)
    )
    assert refusal.article == article
    assert refusal.event == f"termination:{ground.value}"


def test_not_ready_must_name_its_breach_when_another_breach_is_open() -> None:
    # RULES.md, "Breaches": a termination on ground not_ready names its breach; « the
    # field may be left out only when exactly one breach is open ». B1 (not ready, Tue
    # 2 March 2027, the day after the planned start) and B2 (data not shared, same day)
    # are open; B1's letter, sent Tue 2 March, gives until Thu 1 April 2027 (day 30, a
    # working day). On Fri 2 April the ground is open for B1 — once B1 is named.
    lc = lifecycle(
        breach(D(2027, 3, 2), obligation=Obligation.READY_ON_PLANNED_DATE),
        breach(D(2027, 3, 2)),
        notice(D(2027, 3, 2), "B1"),
    )
    assert [b.label for b in lc.status(D(2027, 4, 2)).open_breaches] == ["B1", "B2"]
    assert refused(lc, terminate(D(2027, 4, 2), Ground.NOT_READY)).article == "Art. 5 al. 3"
    entry = lc.apply(terminate(D(2027, 4, 2), Ground.NOT_READY, breach="B1"))
    assert entry.state_after is State.TERMINATED


def test_not_ready_may_leave_out_its_breach_when_it_is_the_only_one_open() -> None:
    # The same, without B2: the one open breach is B1, and the termination is for it.
    lc = lifecycle(
        breach(D(2027, 3, 2), obligation=Obligation.READY_ON_PLANNED_DATE),
        notice(D(2027, 3, 2)),
    )
    entry = lc.apply(terminate(D(2027, 4, 2), Ground.NOT_READY))
    assert isinstance(entry.event, Termination)
    assert entry.event.breach == "B1"
    assert entry.state_after is State.TERMINATED
