"""Hypothesis strategies for valid conventions (shared by the tests)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from hypothesis import strategies as st
from stdnum import luhn

from mgp_convention.convention import CalendarStep, Convention, Duration, Experiment, Market
from mgp_convention.events import (
    AmendmentSigned,
    BreachRecorded,
    BreachRemedied,
    Changes,
    DelayCause,
    DelayReported,
    Event,
    ExperimentStarted,
    FormalNoticeSent,
    Ground,
    JustificationsExamined,
    Obligation,
    Party,
    RepresentativesHeard,
    Signature,
    Termination,
)
from mgp_convention.parties import BodyKind, PublicBody, Referent, Representative

texts = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1
).filter(lambda s: s.strip() != "")
dates = st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2040, 12, 31))
amounts = st.decimals(
    min_value=Decimal(0), max_value=Decimal("10000000"), places=2, allow_nan=False
)


@st.composite
def sirens(draw: st.DrawFn) -> str:
    """A 9-digit SIREN with a valid Luhn check digit."""
    stem = draw(st.text(alphabet="0123456789", min_size=8, max_size=8))
    return stem + luhn.calc_check_digit(stem)


durations = (
    st.tuples(st.integers(0, 24), st.integers(0, 90))
    .filter(any)
    .map(lambda md: Duration(months=md[0], days=md[1]))
)

representatives = st.builds(Representative, title=texts, civility=texts, name=texts)
bodies = st.builds(
    PublicBody,
    name=texts,
    kind=st.sampled_from(BodyKind),
    address=texts,
    siren=sirens(),
    representative=representatives,
    authorising_act=texts,
)
referents = st.builds(
    Referent,
    name=texts,
    email=st.from_regex(r"[a-z]{1,8}\.[a-z]{1,8}@[a-z]{2,10}\.fr", fullmatch=True),
    phone=st.from_regex(r"0[1-9]( [0-9]{2}){4}", fullmatch=True),
)
markets = st.builds(Market, reference=texts, total_ttc=amounts, beneficiaries=st.integers(1, 50))


@st.composite
def experiments(draw: st.DrawFn, start: dt.date) -> Experiment:
    deadline = draw(st.none() | st.dates(start + dt.timedelta(days=1), dt.date(2045, 1, 1)))
    return Experiment(
        theme=draw(texts),
        solution=draw(texts),
        objectives=tuple(draw(st.lists(texts, min_size=1, max_size=3))),
        duration_months=draw(st.integers(1, 36)),
        indicative_start=start,
        calendar=tuple(
            draw(st.lists(st.builds(CalendarStep, label=texts, duration=durations), max_size=4))
        ),
        reduced_usage_after=draw(st.none() | st.dates(start, deadline or dt.date(2045, 1, 1))),
        evaluation_deadline=deadline,
        evaluation_period=None if deadline is None else draw(durations),
    )


def _events() -> st.SearchStrategy[Event]:
    on = dates
    optional_text = st.none() | texts
    return st.one_of(
        st.builds(Signature, on, party=st.sampled_from(Party)),
        st.builds(DelayReported, on, cause=st.sampled_from(DelayCause), details=optional_text),
        st.builds(ExperimentStarted, on),
        st.builds(
            BreachRecorded,
            on,
            obligation=st.sampled_from([o for o in Obligation if o is not Obligation.OTHER]),
            impedes_experiment=st.booleans(),
            details=optional_text,
        ),
        st.builds(FormalNoticeSent, on, letter_reference=texts),
        st.builds(BreachRemedied, on, accepted_late=st.booleans()),
        st.builds(JustificationsExamined, on),
        st.builds(RepresentativesHeard, on),
        st.builds(
            AmendmentSigned,
            on,
            changes=st.builds(Changes, end_date=dates, market_total_ttc=st.none() | amounts),
        ),
        st.builds(Termination, on, ground=st.sampled_from(Ground), reason=optional_text),
    )


events = _events()


@st.composite
def conventions(draw: st.DrawFn) -> Convention:
    """A valid convention (events are well-formed; not necessarily a possible history)."""
    start = draw(st.dates(dt.date(2020, 1, 1), dt.date(2035, 1, 1)))
    experiment = draw(experiments(start))
    floor = max(start, experiment.evaluation_deadline or start)
    return Convention(
        reference=draw(texts),
        metropole_deliberation=draw(texts),
        beneficiary=draw(bodies),
        referent=draw(st.none() | referents),
        experiment=experiment,
        market=draw(markets),
        end_date=draw(st.dates(floor, dt.date(2046, 1, 1))),
        events=tuple(draw(st.lists(events, max_size=6))),
    )
