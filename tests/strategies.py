"""Hypothesis strategies for valid conventions of version 2 (shared by the tests).

The values have valid *shapes* (every field within its bounds, every event
well-formed, breach labels); the events are not necessarily a possible history (the
lifecycle's rules are not the loader's business).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from hypothesis import strategies as st
from stdnum import luhn

from mgp_convention._validators import MAX_DAYS, MAX_MONTHS, TEXT_LIMITS, TextKind
from mgp_convention.convention import CalendarStep, Convention, Duration, Experiment, Market
from mgp_convention.events import (
    AmendmentSigned,
    BeneficiaryReady,
    BreachRecorded,
    BreachRemedied,
    Changes,
    DelayCause,
    DelayReported,
    Event,
    ExperimentStarted,
    ExperimentStopped,
    FormalNoticeSent,
    GeneralInterestBasis,
    Ground,
    JustificationsExamined,
    Obligation,
    Party,
    ProcurementUnsuccessful,
    RepresentativesHeard,
    Signature,
    TerminatedBy,
    Termination,
    WithdrawnEvent,
)
from mgp_convention.parties import BodyKind, PublicBody, Referent, Representative

#: What no text of a convention holds: controls, surrogates, bidirectional controls.
_BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


def text_of(kind: TextKind, *, max_size: int | None = None) -> st.SearchStrategy[str]:
    """A valid text of ``kind`` (a code, a line, a paragraph with line breaks)."""
    characters = st.characters(
        codec="utf-8",
        exclude_categories=("Cs", "Cc", "Zl", "Zp"),
        exclude_characters=_BIDI,
    )
    if kind == "paragraph":
        characters = characters | st.sampled_from("\n\t")
    size = min(TEXT_LIMITS[kind], max_size or TEXT_LIMITS[kind])
    return st.text(alphabet=characters, min_size=1, max_size=size).filter(lambda s: s.strip() != "")


texts = text_of("line", max_size=40)
codes = text_of("code", max_size=30)
paragraphs = text_of("paragraph", max_size=80)
dates = st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2040, 12, 31))
amounts = st.decimals(
    min_value=Decimal(0), max_value=Decimal("10000000"), places=2, allow_nan=False
)
breach_labels = st.from_regex(r"[A-Za-z0-9][A-Za-z0-9._-]{0,15}", fullmatch=True)


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
#: Durations up to their bounds (ten years of months or of days).
long_durations = (
    st.tuples(st.integers(0, MAX_MONTHS), st.integers(0, MAX_DAYS))
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
markets = st.builds(Market, reference=codes, total_ttc=amounts, beneficiaries=st.integers(1, 50))
calendar_steps = st.builds(CalendarStep, label=texts, duration=durations | long_durations)


@st.composite
def experiments(draw: st.DrawFn, start: dt.date) -> Experiment:
    deadline = draw(st.none() | st.dates(start + dt.timedelta(days=1), dt.date(2045, 1, 1)))
    return Experiment(
        theme=draw(texts),
        solution=draw(texts),
        objectives=tuple(draw(st.lists(texts, min_size=1, max_size=3))),
        duration_months=draw(st.integers(1, 36)),
        indicative_start=start,
        calendar=tuple(draw(st.lists(calendar_steps, max_size=4))),
        reduced_usage_after=draw(st.none() | st.dates(start, deadline or dt.date(2045, 1, 1))),
        evaluation_deadline=deadline,
        evaluation_period=None if deadline is None else draw(durations),
    )


def _later(on: dt.date) -> st.SearchStrategy[dt.date | None]:
    return st.none() | st.dates(on, on + dt.timedelta(days=90))


@st.composite
def terminations(draw: st.DrawFn) -> Termination:
    """A well-formed termination: a breach named only on a breach ground, a basis only on
    ground ``general_interest``, notified and effective on or after its date."""
    on = draw(dates)
    ground = draw(st.sampled_from(Ground))
    notified_on = draw(_later(on))
    effective_on = None if notified_on is None else draw(_later(notified_on))
    return Termination(
        on,
        ground=ground,
        by=draw(st.sampled_from(TerminatedBy)),
        reason=draw(st.none() | paragraphs),
        basis=(
            draw(st.none() | st.sampled_from(GeneralInterestBasis))
            if ground is Ground.GENERAL_INTEREST
            else None
        ),
        breach=draw(st.none() | breach_labels) if ground.names_breach else None,
        notified_on=notified_on,
        effective_on=effective_on,
    )


@st.composite
def breaches(draw: st.DrawFn) -> BreachRecorded:
    obligation = draw(st.sampled_from(Obligation))
    ready = obligation is Obligation.READY_ON_PLANNED_DATE
    return BreachRecorded(
        draw(dates),
        breach=draw(st.none() | breach_labels),
        obligation=obligation,
        impedes_experiment=draw(st.none() | st.just(True)) if ready else draw(st.booleans()),
        details=draw(paragraphs if obligation is Obligation.OTHER else st.none() | paragraphs),
    )


@st.composite
def formal_notices(draw: st.DrawFn) -> FormalNoticeSent:
    on = draw(dates)
    return FormalNoticeSent(
        on,
        breach=draw(st.none() | breach_labels),
        letter_reference=draw(texts),
        received_on=draw(_later(on)),
    )


#: What an amendment changes: at least one thing.
changes = (
    st.fixed_dictionaries(
        {},
        optional={
            "end_date": dates,
            "duration_months": st.integers(1, MAX_MONTHS),
            "calendar": st.lists(calendar_steps, max_size=3).map(tuple),
            "evaluation_period": durations,
            "market_total_ttc": amounts,
            "market_beneficiaries": st.integers(1, 50),
        },
    )
    .filter(bool)
    .map(lambda fields: Changes(**fields))
)


def _events() -> st.SearchStrategy[Event]:
    on = dates
    label = st.none() | breach_labels
    optional_text = st.none() | paragraphs
    return st.one_of(
        st.builds(Signature, on, party=st.sampled_from(Party)),
        st.builds(DelayReported, on, cause=st.sampled_from(DelayCause), details=optional_text),
        st.builds(BeneficiaryReady, on, details=optional_text),
        st.builds(ExperimentStarted, on),
        breaches(),
        formal_notices(),
        st.builds(BreachRemedied, on, breach=label, accepted_late=st.booleans()),
        st.builds(JustificationsExamined, on, breach=label),
        st.builds(RepresentativesHeard, on, breach=label),
        st.builds(ExperimentStopped, on, breach=label, reason=paragraphs),
        st.builds(ProcurementUnsuccessful, on, details=optional_text, definitive=st.booleans()),
        st.builds(AmendmentSigned, on, changes=changes),
        terminations(),
    )


events = _events()
withdrawn_events = st.builds(
    WithdrawnEvent,
    event=events,
    index=st.integers(0, 50),
    reason=paragraphs,
    withdrawn_on=dates,
)


@st.composite
def conventions(draw: st.DrawFn) -> Convention:
    """A valid convention (events are well-formed; not necessarily a possible history)."""
    start = draw(st.dates(dt.date(2020, 1, 1), dt.date(2035, 1, 1)))
    experiment = draw(experiments(start))
    floor = max(start, experiment.evaluation_deadline or start)
    return Convention(
        reference=draw(codes),
        metropole_deliberation=draw(texts),
        beneficiary=draw(bodies),
        referent=draw(st.none() | referents),
        experiment=experiment,
        market=draw(markets),
        end_date=draw(st.dates(floor, dt.date(2046, 1, 1))),
        events=tuple(draw(st.lists(events, max_size=6))),
        withdrawn=tuple(draw(st.lists(withdrawn_events, max_size=2))),
    )
