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

What is encoded (``RULES.md``, "The Article 12 indemnity"):

- **when** it may be claimed: all of :data:`CONDITIONS` hold (termination for
  ``breach`` or ``sanction``; the breach recorded as impeding the experiment; not
  remedied within the remedy period). Otherwise the answer is "not due" with **every**
  unmet condition (:func:`unmet_conditions`);
- **the sum the contract names**: the market share, total cost TTC of the market ÷ the
  number of beneficiaries, rounded half up to the cent (Reg. (EC) 1103/97 art. 5);
- the further prejudice items the user lists, and the total.

What is deliberately not encoded: the Métropole's prejudice itself (« selon son
préjudice »), which is a matter of fact and evidence. The result is therefore a
**ceiling to decide from**, never a verdict, and says so (:data:`CEILING_NOTE`).

Decisions where the text and ``RULES.md`` are silent:

- when the indemnity is not due, ``market_share`` and ``total`` are ``None`` (``null``
  in JSON): printing a sum next to "not due" invites misreading; the inputs are kept;
- when both the remedy deadline and the termination date are known, a termination on or
  before the deadline is an unmet condition (the remedy period had not run out,
  Art. 12 al. 2); when the deadline is unknown, ``remedied_in_time`` is taken as given;
- the number of beneficiaries is the one declared in the market data; a count of signed
  conventions that differs is reported, and can be chosen instead
  (:func:`beneficiary_count`, ``prefer="counted"``).

Worked examples:

>>> from decimal import Decimal
>>> facts = TerminationFacts.assumed_due()
>>> a = assess_indemnity(facts, market_total_ttc=Decimal("100000.00"), beneficiaries=3)
>>> a.due, a.market_share, a.total  # 100 000.00 / 3 = 33 333.333… → 33 333.33
(True, Decimal('33333.33'), Decimal('33333.33'))
>>> print(a.steps[0])
Market share = 100 000,00 € ÷ 3 beneficiaries = 33 333,333333… € → 33 333,33 € (rounded half up to the cent, Reg. (EC) 1103/97 art. 5)
>>> item = PrejudiceItem("frais de relance", Decimal("1500"))
>>> assess_indemnity(facts, market_total_ttc="100000.01", beneficiaries=2, items=[item]).total
Decimal('51500.01')
>>> not_due = assess_indemnity(
...     TerminationFacts(ground="interruption", terminated_on=None,
...                      breach_impedes_experiment=None),
...     market_total_ttc=Decimal("100000.00"), beneficiaries=3)
>>> not_due.due, not_due.market_share
(False, None)
>>> for reason in not_due.reasons:
...     print(reason.citation.label, "-", reason.condition)
Art. 12 al. 3 - terminated_for_breach
Art. 12 al. 3 - breach_impedes_experiment
"""  # noqa: E501

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any, Final, Literal

import attrs

from mgp_convention._words import quantity
from mgp_convention.articles.art05_delays import ART5_NOT_READY
from mgp_convention.articles.art12_remedy import ART12_REMEDY
from mgp_convention.articles.art12_termination import ART12_TERMINATION
from mgp_convention.citations import Citation
from mgp_convention.convention import Convention
from mgp_convention.errors import DateError, InvalidValue, MoneyError
from mgp_convention.events import Ground, Party, Signature, TerminatedBy
from mgp_convention.money import (
    DEFAULT_VAT_RATE,
    ROUNDING,
    format_decimal,
    format_euros,
    json_euros,
    non_negative,
    parse_vat_rate,
    round_to_cent,
    total_of,
)

__all__ = [
    "ART5_AL3",
    "ART12_AL1",
    "ART12_AL2",
    "ART12_AL3",
    "CEILING_NOTE",
    "CONDITIONS",
    "GROUNDS_FOR_INDEMNITY",
    "BeneficiaryCount",
    "Condition",
    "IndemnityAssessment",
    "MarketTotal",
    "PrejudiceItem",
    "Reason",
    "TerminationFacts",
    "assess_indemnity",
    "beneficiary_count",
    "count_signed_beneficiaries",
    "market_total_from_ht",
    "market_total_from_ttc",
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
#: Art. 5 al. 3, termination when not ready (quoted in :mod:`.art05_delays`).
ART5_AL3 = ART5_NOT_READY

#: The termination grounds after which the indemnity may be claimed: a termination
#: « pour manquement du Bénéficiaire » after the remedy period (Art. 12 al. 1–2), or
#: the Art. 9 sanction, which ``RULES.md`` also subjects to the remedy period.
GROUNDS_FOR_INDEMNITY: frozenset[Ground] = frozenset({Ground.BREACH, Ground.SANCTION})

#: Why the result is a ceiling and not a verdict (Art. 12 al. 3: « peut exiger … selon
#: son préjudice », « peut notamment inclure »).
CEILING_NOTE = (
    "This is a ceiling for the Métropole to decide from, not a verdict: under Art. 12 al. 3 "
    "the Métropole « peut exiger d'être indemnisée par le bénéficiaire, selon son "
    "préjudice », and the amount « peut notamment inclure » the market share. The "
    "prejudice itself is a matter of fact for the Métropole to establish."
)


@attrs.frozen
class Condition:
    """One condition of Art. 12 al. 3, with the words of the paragraph that set it."""

    key: str
    text: str
    citation: Citation

    def __str__(self) -> str:
        return f"{self.text} ({self.citation.label})"


_TERMINATED_FOR_BREACH = Condition(
    "terminated_for_breach",
    "the Métropole terminated the convention for a breach by the beneficiary: "
    "ground 'breach', or 'sanction' under Art. 9",
    Citation(
        "Art. 12",
        "al. 3",
        "En cas de résiliation unilatérale de la présente convention par la Métropole du "
        "Grand Paris pour manquement du Bénéficiaire",
    ),
)
_IMPEDES = Condition(
    "breach_impedes_experiment",
    "the breach prevented the start or the proper running of the experiment",
    Citation(
        "Art. 12",
        "al. 3",
        "lorsque ce manquement a été de nature à empêcher le démarrage ou le bon déroulé de "
        "l'expérimentation",
    ),
)
_NOT_REMEDIED = Condition(
    "not_remedied_in_time",
    "the beneficiary did not remedy the breach within the thirty-day period of Art. 12 al. 2",
    Citation(
        "Art. 12",
        "al. 3",
        "et qu'il n'y a pas été remédié par le bénéficiaire dans le délai prévu à l'alinéa "
        "précédent",
    ),
)

#: The conditions that must **all** hold for the indemnity to be claimable.
CONDITIONS: tuple[Condition, ...] = (_TERMINATED_FOR_BREACH, _IMPEDES, _NOT_REMEDIED)


@attrs.frozen
class Reason:
    """Why the indemnity is not due: the unmet ``condition`` (a :data:`CONDITIONS` key),
    the facts in plain words, and the words of the contract that set the condition."""

    condition: str
    message: str
    citation: Citation

    def __str__(self) -> str:
        return f"{self.message} ({self.citation.label})"


# --- the facts ----------------------------------------------------------------------


def _ground(value: Any) -> Ground | None:
    if value is None or isinstance(value, Ground):
        return value
    try:
        return Ground(value)
    except ValueError:
        known = ", ".join(repr(g.value) for g in Ground)
        raise InvalidValue(
            f"unknown termination ground {value!r}; expected one of {known}, or None",
            field="ground",
            article=ART12_AL1.label,
        ) from None


def _optional_date(_instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None and (isinstance(value, dt.datetime) or not isinstance(value, dt.date)):
        raise DateError(
            f"expected a date or None, got {type(value).__name__}", field=attribute.name
        )


def _optional_bool(_instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None and not isinstance(value, bool):
        raise InvalidValue(f"expected true, false or None, got {value!r}", field=attribute.name)


def _a_bool(_instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, bool):
        raise InvalidValue(f"expected true or false, got {value!r}", field=attribute.name)


@attrs.frozen
class TerminationFacts:
    """What the indemnity depends on, as the lifecycle (or a person) establishes it.

    - ``ground``: the termination ground (``interruption``, ``not_ready``, ``breach``,
      ``sanction``; Art. 5 al. 3, Art. 9, Art. 12 al. 1), or ``None`` when the
      convention is not terminated;
    - ``terminated_on``: the date of the termination, when known (``None`` otherwise;
      a date without a ground is refused);
    - ``breach_impedes_experiment``: whether the recorded breach was « de nature à
      empêcher le démarrage ou le bon déroulé de l'expérimentation » (Art. 12 al. 3);
      ``None`` when no breach is recorded;
    - ``remedied_in_time``: the breach was remedied on or before the remedy deadline
      (Art. 12 al. 2); a remedy the Métropole accepted late counts as in time;
    - ``remedy_deadline``: the last day of the remedy period, when a formal notice was
      sent (see the lifecycle's deadline computation).

    >>> TerminationFacts(ground="breach", terminated_on=None,
    ...                  breach_impedes_experiment=True).ground
    <Ground.BREACH: 'breach'>
    >>> TerminationFacts(ground="resiliation", terminated_on=None,
    ...                  breach_impedes_experiment=True)  # doctest: +NORMALIZE_WHITESPACE
    Traceback (most recent call last):
    ...
    mgp_convention.errors.InvalidValue: ground: unknown termination ground 'resiliation';
    expected one of 'interruption', 'not_ready', 'breach', 'sanction', or None (Art. 12 al. 1)
    """

    ground: Ground | None = attrs.field(converter=_ground)
    terminated_on: dt.date | None = attrs.field(validator=_optional_date)
    breach_impedes_experiment: bool | None = attrs.field(validator=_optional_bool)
    remedied_in_time: bool = attrs.field(default=False, validator=_a_bool)
    remedy_deadline: dt.date | None = attrs.field(default=None, validator=_optional_date)
    by: TerminatedBy | None = attrs.field(default=None)
    notice_sent_on: dt.date | None = attrs.field(default=None, validator=_optional_date)

    def __attrs_post_init__(self) -> None:
        if self.ground is None and self.terminated_on is not None:
            raise InvalidValue(
                f"a termination date ({self.terminated_on}) is given without a ground",
                field="terminated_on",
                article=ART12_AL1.label,
            )
        if self.breach_impedes_experiment is None:
            if self.remedied_in_time:
                raise InvalidValue(
                    "a breach is said to be remedied, but no breach is recorded "
                    "(breach_impedes_experiment is None)",
                    field="remedied_in_time",
                    article=ART12_AL2.label,
                )
            if self.remedy_deadline is not None:
                raise InvalidValue(
                    "a remedy deadline is given, but no breach is recorded "
                    "(breach_impedes_experiment is None)",
                    field="remedy_deadline",
                    article=ART12_AL2.label,
                )

    @classmethod
    def assumed_due(cls) -> TerminationFacts:
        """Facts under which every condition holds: for a computation "if it is due".

        Termination for ``breach`` (date not given), the breach impeding the experiment,
        not remedied; no dates, so no date is checked.
        """
        return cls(
            ground=Ground.BREACH,
            terminated_on=None,
            breach_impedes_experiment=True,
            remedied_in_time=False,
            remedy_deadline=None,
        )


def unmet_conditions(facts: TerminationFacts) -> tuple[Reason, ...]:
    """Every condition of Art. 12 al. 3 that ``facts`` do not meet (empty: it is due).

    All of them are listed, in the order of :data:`CONDITIONS`, never just the first.

    >>> facts = TerminationFacts(ground=None, terminated_on=None,
    ...                          breach_impedes_experiment=False)
    >>> for reason in unmet_conditions(facts):
    ...     print(reason)
    the convention has not been terminated (Art. 12 al. 3)
    the breach was recorded as not preventing the start or the proper running of the experiment (Art. 12 al. 3)
    """  # noqa: E501
    reasons = [*_ground_reasons(facts), *_impedes_reasons(facts), *_remedy_reasons(facts)]
    return tuple(reasons)


def _ground_reasons(facts: TerminationFacts) -> list[Reason]:
    key, citation = _TERMINATED_FOR_BREACH.key, _TERMINATED_FOR_BREACH.citation
    if facts.ground is None:
        return [Reason(key, "the convention has not been terminated", citation)]
    if facts.ground is Ground.INTERRUPTION:
        return [
            Reason(
                key,
                "the convention was terminated on ground 'interruption' (the Métropole's wish "
                "to interrupt the experiment, Art. 12 al. 1), not for a breach by the "
                "beneficiary",
                citation,
            )
        ]
    if facts.ground is Ground.NOT_READY:
        return [
            Reason(
                key,
                "the convention was terminated on ground 'not_ready' (the beneficiary was not "
                "ready on the planned date, Art. 5 al. 3), not for a breach left unremedied "
                "after a formal notice (ground 'breach' or 'sanction')",
                citation,
            )
        ]
    if facts.ground not in GROUNDS_FOR_INDEMNITY:
        return [
            Reason(
                key,
                f"the convention was terminated on ground {facts.ground.value!r}, not for a "
                "breach by the beneficiary",
                citation,
            )
        ]
    return []


def _impedes_reasons(facts: TerminationFacts) -> list[Reason]:
    key, citation = _IMPEDES.key, _IMPEDES.citation
    if facts.breach_impedes_experiment is None:
        return [Reason(key, "no breach by the beneficiary is recorded", citation)]
    if not facts.breach_impedes_experiment:
        return [
            Reason(
                key,
                "the breach was recorded as not preventing the start or the proper running "
                "of the experiment",
                citation,
            )
        ]
    return []


def _remedy_reasons(facts: TerminationFacts) -> list[Reason]:
    key = _NOT_REMEDIED.key
    deadline = facts.remedy_deadline
    reasons = []
    if facts.remedied_in_time:
        when = f", on or before {deadline.isoformat()}" if deadline else ""
        reasons.append(
            Reason(
                key,
                f"the breach was remedied within the remedy period{when}",
                _NOT_REMEDIED.citation,
            )
        )
    terminated = facts.terminated_on
    # Only a termination for breach could come too early; after a remedy, or on another
    # ground, the date is beside the point (the other reasons already say why).
    early_matters = not facts.remedied_in_time and facts.ground in GROUNDS_FOR_INDEMNITY
    if early_matters and deadline is not None and terminated is not None and terminated <= deadline:
        reasons.append(
            Reason(
                key,
                f"the termination ({terminated.isoformat()}) came before the remedy period "
                f"ran out: the beneficiary had until the end of {deadline.isoformat()} to remedy",
                ART12_AL2,
            )
        )
    return reasons


# --- the inputs of the computation -------------------------------------------------


def _item_amount(value: Decimal | int | str) -> Decimal:
    return non_negative(value, article=ART12_AL3.label)  # the field: "amount"


def _item_label(_instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, str) or not value.strip():
        raise InvalidValue(
            "a prejudice item needs a label that says what it is", field=attribute.name
        )


@attrs.frozen
class PrejudiceItem:
    """A further prejudice the Métropole lists, besides the market share (Art. 12 al. 3:
    « selon son préjudice »). ``amount`` is in euros, 0 or more, typed by a person
    (:func:`mgp_convention.money.non_negative`).

    >>> PrejudiceItem("frais de relance", "120.5")
    PrejudiceItem(label='frais de relance', amount=Decimal('120.50'))
    """

    label: str = attrs.field(validator=_item_label)
    amount: Decimal = attrs.field(converter=_item_amount)


@attrs.frozen
class MarketTotal:
    """The total cost of the market, all taxes included (TTC), and where it comes from.

    ``ht`` and ``vat_rate`` are set when the TTC was computed from a cost before tax
    (:func:`market_total_from_ht`); ``steps`` then shows the conversion.
    """

    ttc: Decimal
    ht: Decimal | None = None
    vat_rate: Decimal | None = None

    @property
    def steps(self) -> tuple[str, ...]:
        """The conversion HT → TTC as text, when there was one."""
        if self.ht is None or self.vat_rate is None:
            return ()
        factor = 1 + self.vat_rate
        exact = self.ht * factor
        percent = format_decimal(self.vat_rate * 100, min_places=0)
        return (
            f"Market total TTC = {format_euros(self.ht)} HT × {format_decimal(factor)} "
            f"(VAT at {percent} %) = {format_decimal(exact)} € → "
            f"{format_euros(self.ttc)}{_rounded_note(exact, self.ttc)}",
        )


def market_total_from_ttc(ttc: Decimal | int | str) -> MarketTotal:
    """The market total from its cost all taxes included: an amount ≥ 0.

    >>> market_total_from_ttc("180000").ttc
    Decimal('180000.00')
    """
    return MarketTotal(non_negative(ttc, field="market_total_ttc", article=ART12_AL3.label))


def market_total_from_ht(
    ht: Decimal | int | str, vat_rate: Decimal | int | str = DEFAULT_VAT_RATE
) -> MarketTotal:
    """The market total TTC from its cost before tax (HT) at ``vat_rate`` (default 20 %).

    Art. 12 al. 3 divides the « coût total T.T.C du marché »: when only the HT cost is
    known, it is converted first, TTC = HT x (1 + rate) rounded half up to the cent
    (Reg. (EC) 1103/97 art. 5), then divided.

    >>> total = market_total_from_ht("83333.33")  # 83 333.33 x 1.20 = 99 999.996
    >>> total.ttc
    Decimal('100000.00')
    >>> print(total.steps[0])
    Market total TTC = 83 333,33 € HT × 1,20 (VAT at 20 %) = 99 999,996 € → 100 000,00 € (rounded half up to the cent, Reg. (EC) 1103/97 art. 5)
    """  # noqa: E501
    amount = non_negative(ht, field="market_total_ht", article=ART12_AL3.label)
    rate = parse_vat_rate(vat_rate)
    return MarketTotal(round_to_cent(amount * (1 + rate)), ht=amount, vat_rate=rate)


# --- the number of beneficiaries -----------------------------------------------------


@attrs.frozen
class BeneficiaryCount:
    """The number of beneficiaries the market total is divided by, and where it comes from.

    ``used`` is the divisor; ``source`` says whether it is the ``declared`` figure (the
    market data) or the ``counted`` one (conventions signed by both parties);
    ``note`` explains a difference between the two when both are known.
    """

    used: int
    source: Literal["declared", "counted"]
    declared: int
    counted: int | None = None
    note: str | None = None

    @property
    def other(self) -> int | None:
        """The figure not used, when both are known and differ (else ``None``)."""
        if self.counted is None or self.counted == self.declared:
            return None
        return self.declared if self.source == "counted" else self.counted


def _whole_number(value: Any, *, field: str, minimum: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidValue(
            f"expected a whole number, got {value!r}", field=field, article=ART12_AL3.label
        )
    if value < minimum:
        raise InvalidValue(
            f"must be at least {minimum}, got {value}", field=field, article=ART12_AL3.label
        )
    return value


def beneficiary_count(
    declared: int,
    signed_conventions_count: int | None = None,
    *,
    prefer: Literal["declared", "counted"] = "declared",
) -> BeneficiaryCount:
    """Which number of beneficiaries divides the market total (Art. 12 al. 3).

    The contract divides by « le nombre de bénéficiaire ayant contractualisé avec la
    Métropole du Grand Paris pour participer à ladite expérimentation ». Two figures may
    be known: ``declared`` (the market data of the convention, ≥ 1) and
    ``signed_conventions_count`` (conventions signed by both parties for the same market,
    see :func:`count_signed_beneficiaries`, ≥ 0). **Default**: the declared figure is
    used, because a folder of files may be incomplete; ``prefer="counted"`` uses the
    count (when it is known and ≥ 1). When both are known and differ, ``note`` says so.

    >>> beneficiary_count(3, 3).note is None
    True
    >>> c = beneficiary_count(3, 4)
    >>> c.used, c.source, c.other
    (3, 'declared', 4)
    >>> print(c.note)
    the market data declare 3 beneficiaries, but 4 conventions for this market are signed by both parties; the declared figure is used
    >>> beneficiary_count(3, 4, prefer="counted").used
    4
    """  # noqa: E501
    declared = _whole_number(declared, field="beneficiaries", minimum=1)
    counted = (
        None
        if signed_conventions_count is None
        else _whole_number(signed_conventions_count, field="signed_conventions_count", minimum=0)
    )
    if prefer not in ("declared", "counted"):
        raise InvalidValue(
            f"prefer must be 'declared' or 'counted', not {prefer!r}", field="prefer"
        )
    use_count = prefer == "counted" and counted is not None and counted >= 1
    note = None
    if counted is not None and counted != declared:
        used_figure = "the count" if use_count else "the declared figure"
        note = (
            f"the market data declare {_beneficiary_words(declared)}, "
            f"but {quantity(counted, 'convention', lang='en')} for this market "
            f"{'is' if counted == 1 else 'are'} signed by both parties; {used_figure} is used"
        )
    elif prefer == "counted" and counted is None:
        note = "no count of signed conventions is available; the declared figure is used"
    if use_count and counted is not None:
        return BeneficiaryCount(counted, "counted", declared, counted, note)
    return BeneficiaryCount(declared, "declared", declared, counted, note)


def count_signed_beneficiaries(
    conventions: Iterable[Convention], market_reference: str, *, on: dt.date | None = None
) -> int:
    """How many beneficiaries signed a convention for the market ``market_reference``.

    Art. 12 al. 3: « le nombre de bénéficiaire ayant contractualisé avec la Métropole du
    Grand Paris pour participer à ladite expérimentation ». A convention counts when its
    ``market.reference`` is exactly ``market_reference`` and both parties signed it
    (Art. 2), on or before ``on`` when a date is given (signatures dated later are
    ignored: no rule reads the clock). A beneficiary is counted once, by its SIREN, even
    if several files hold its convention. A convention later terminated still counts:
    its beneficiary did contract.

    >>> from mgp_convention.examples import example_convention
    >>> signed = attrs.evolve(example_convention(), events=(
    ...     Signature(dt.date(2027, 1, 12), party=Party.BENEFICIARY),
    ...     Signature(dt.date(2027, 1, 19), party=Party.METROPOLE)))
    >>> count_signed_beneficiaries([signed, signed], signed.market.reference)
    1
    >>> count_signed_beneficiaries([signed], signed.market.reference,
    ...                            on=dt.date(2027, 1, 15))  # the Métropole signs on 19 Jan
    0
    """
    sirens: set[str] = set()
    for convention in conventions:
        if convention.market.reference != market_reference:
            continue
        parties = {
            event.party
            for event in convention.events
            if isinstance(event, Signature) and (on is None or event.on <= on)
        }
        if parties >= {Party.METROPOLE, Party.BENEFICIARY}:
            sirens.add(convention.beneficiary.siren)
    return len(sirens)


# --- the assessment --------------------------------------------------------------------


@attrs.frozen
class IndemnityAssessment:
    """The answer to "may the Métropole claim the Art. 12 al. 3 indemnity, and up to what?".

    ``due`` is true when every condition holds; ``reasons`` then is empty, otherwise it
    lists every unmet condition. ``market_share`` (market total TTC ÷ beneficiaries,
    rounded half up to the cent) and ``total`` (market share + items) are ``None`` when
    not due. ``steps`` shows the arithmetic. It is a ceiling, not a verdict
    (:data:`CEILING_NOTE`).
    """

    due: bool
    market_total: MarketTotal
    beneficiaries: BeneficiaryCount
    market_share: Decimal | None
    items: tuple[PrejudiceItem, ...]
    total: Decimal | None
    reasons: tuple[Reason, ...]
    steps: tuple[str, ...]
    citation: Citation = ART12_AL3

    @property
    def ceiling_note(self) -> str:
        """Why the sum is a ceiling to decide from (:data:`CEILING_NOTE`)."""
        return CEILING_NOTE

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready mapping; amounts are strings with two decimals (``"50000.01"``).

        >>> facts = TerminationFacts.assumed_due()
        >>> data = assess_indemnity(facts, market_total_ttc="100000.01", beneficiaries=2,
        ...                         items=[PrejudiceItem("frais", "10")]).to_json()
        >>> data["due"], data["market_share"], data["items"], data["total"]
        (True, '50000.01', [{'label': 'frais', 'amount': '10.00'}], '50010.01')
        """
        market = self.market_total
        return {
            "due": self.due,
            "article": self.citation.label,
            "quote": self.citation.text,
            "currency": "EUR",
            "market_total_ttc": json_euros(market.ttc),
            "market_total_ht": None if market.ht is None else json_euros(market.ht),
            "vat_rate": None if market.vat_rate is None else f"{market.vat_rate:f}",
            "beneficiaries": self.beneficiaries.used,
            "beneficiaries_source": self.beneficiaries.source,
            "beneficiaries_note": self.beneficiaries.note,
            "market_share": None if self.market_share is None else json_euros(self.market_share),
            "items": [{"label": i.label, "amount": json_euros(i.amount)} for i in self.items],
            "total": None if self.total is None else json_euros(self.total),
            "steps": list(self.steps),
            "reasons": [str(reason) for reason in self.reasons],
            "conditions": [str(condition) for condition in CONDITIONS],
            "ceiling": CEILING_NOTE,
        }

    def explain(self) -> str:
        """The assessment in plain words, one line per step or reason.

        >>> facts = TerminationFacts(ground="breach", terminated_on=None,
        ...                          breach_impedes_experiment=True, remedied_in_time=True)
        >>> print(assess_indemnity(facts, market_total_ttc="1000", beneficiaries=1).explain())
        Art. 12 al. 3 indemnity: not due.
          - the breach was remedied within the remedy period (Art. 12 al. 3)
        """
        if not self.due:
            lines = [f"{self.citation.label} indemnity: not due."]
            lines += [f"  - {reason}" for reason in self.reasons]
            return "\n".join(lines)
        lines = [f"{self.citation.label} indemnity: may be claimed, up to {_euros(self.total)}."]
        lines += [f"  {step}" for step in self.steps]
        lines += [CEILING_NOTE, str(self.citation)]
        return "\n".join(lines)


def _euros(amount: Decimal | None) -> str:
    return "—" if amount is None else format_euros(amount)


def _beneficiary_words(count: int) -> str:
    return quantity(count, "beneficiary", "beneficiaries", lang="en")


#: Said after an amount that was rounded to the cent.
_ROUNDED_NOTE: Final = f" (rounded half up to the cent, {ROUNDING.label})"


def _rounded_note(exact: Decimal, rounded: Decimal) -> str:
    return "" if exact == rounded else _ROUNDED_NOTE


def _market_total(value: MarketTotal | Decimal | int | str) -> MarketTotal:
    if isinstance(value, MarketTotal):
        return value
    return market_total_from_ttc(value)


def _beneficiaries(value: BeneficiaryCount | int) -> BeneficiaryCount:
    if isinstance(value, BeneficiaryCount):
        return value
    return beneficiary_count(value)


def _items(items: Sequence[PrejudiceItem]) -> tuple[PrejudiceItem, ...]:
    checked = tuple(items)
    for index, item in enumerate(checked):
        if not isinstance(item, PrejudiceItem):
            raise MoneyError(
                f"expected a PrejudiceItem, got {type(item).__name__}", field=f"items[{index}]"
            )
    return checked


def _share(total: Decimal, count: int) -> tuple[Decimal, Decimal]:
    """The exact quotient and the market share (rounded half up to the cent)."""
    exact = total / Decimal(count)
    return exact, round_to_cent(exact)


def assess_indemnity(
    facts: TerminationFacts,
    *,
    market_total_ttc: MarketTotal | Decimal | int | str,
    beneficiaries: BeneficiaryCount | int,
    items: Sequence[PrejudiceItem] = (),
) -> IndemnityAssessment:
    """Whether the Art. 12 al. 3 indemnity may be claimed, and its itemised ceiling.

    Art. 12 al. 3: « […] la Métropole du Grand Paris peut exiger d'être indemnisée par le
    bénéficiaire, selon son préjudice. Le montant de cette indemnité peut notamment
    inclure un montant égal au coût total T.T.C du marché afférent à l'expérimentation
    prévue par la présente convention, divisé par le nombre de bénéficiaire ayant
    contractualisé avec la Métropole du Grand Paris pour participer à ladite
    expérimentation. »

    ``market_total_ttc`` is the market's total cost TTC (an amount ≥ 0, or a
    :class:`MarketTotal` from :func:`market_total_from_ht`); ``beneficiaries`` a whole
    number ≥ 1 or a :class:`BeneficiaryCount`; ``items`` the further prejudice items.
    The inputs are checked whether or not the indemnity is due.

    >>> facts = TerminationFacts.assumed_due()
    >>> a = assess_indemnity(facts, market_total_ttc="90000", beneficiaries=1)
    >>> a.market_share, a.steps[0]  # one beneficiary: the whole market total
    (Decimal('90000.00'), 'Market share = 90 000,00 € ÷ 1 beneficiary = 90 000,00 €')
    """
    market = _market_total(market_total_ttc)
    count = _beneficiaries(beneficiaries)
    listed = _items(items)
    reasons = unmet_conditions(facts)
    if reasons:
        return IndemnityAssessment(
            due=False,
            market_total=market,
            beneficiaries=count,
            market_share=None,
            items=listed,
            total=None,
            reasons=reasons,
            steps=(),
        )
    exact, share = _share(market.ttc, count.used)
    steps = [*market.steps]
    if count.note:
        steps.append(f"Beneficiaries: {count.used} ({count.note})")
    steps.append(
        f"Market share = {format_euros(market.ttc)} ÷ "
        f"{_beneficiary_words(count.used)} = "
        + (
            format_euros(share)
            if exact == share
            else f"{format_decimal(exact)} € → {format_euros(share)}{_ROUNDED_NOTE}"
        )
    )
    other = count.other
    if other is not None and other >= 1:
        steps.append(
            f"(With {_beneficiary_words(other)} instead, the market share would be "
            f"{format_euros(_share(market.ttc, other)[1])}.)"
        )
    steps += [f"Item « {item.label} »: {format_euros(item.amount)}" for item in listed]
    total = total_of((share, *(item.amount for item in listed)))
    if listed:
        terms = " + ".join(format_euros(a) for a in (share, *(i.amount for i in listed)))
        steps.append(f"Total = {terms} = {format_euros(total)}")
    else:
        steps.append(f"Total = market share = {format_euros(total)}")
    return IndemnityAssessment(
        due=True,
        market_total=market,
        beneficiaries=count,
        market_share=share,
        items=listed,
        total=total,
        reasons=(),
        steps=tuple(steps),
    )
