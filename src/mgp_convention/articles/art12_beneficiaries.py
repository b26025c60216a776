"""Art. 12 al. 3: the number of beneficiaries « ayant contractualisé », which divides the
market's total cost.

The words encoded, verbatim: « divisé par le nombre de bénéficiaire ayant
contractualisé avec la Métropole du Grand Paris pour participer à ladite
expérimentation ».

RULES.md ("The Article 12 indemnity"):

- when a folder of conventions is given, the number is **counted** from it
  (:func:`count_beneficiaries`): the conventions for the same market reference signed
  by every party (Art. 2, « l'ensemble des parties ») on or before the date of the
  claim, **including** those since terminated or ended — a beneficiary that signed did
  « contractualiser », whatever happened to its convention after. **Default**, read
  against the drafter of the clause, the Métropole (C. civ. 1190 by analogy): the
  reading that gives the larger divisor, so the smaller share. Option
  (:class:`CountOptions`, ``until=CountUntil.TERMINATION``): signed on or before the
  date the termination took effect. A beneficiary is counted once, by its SIREN, however
  many files hold its convention; a signature dated after the cut-off is not read (no
  rule reads the clock).
- otherwise the **declared** number is used (the market data of the convention, or the
  figure given by the user): :func:`declared_count`.

The answer says which (``source``), and lists the conventions counted with their files.
When a folder holds no convention signed for the market, the declared number is used
and the answer says so.

>>> import attrs, datetime as dt
>>> from mgp_convention.examples import example_convention
>>> signed = example_convention()  # signed on 12 and 19 November 2026
>>> ref = signed.market.reference
>>> count_beneficiaries([("a.json", signed)], ref, by=dt.date(2026, 11, 19)).used
1
>>> late = count_beneficiaries([("a.json", signed)], ref, by=dt.date(2026, 11, 18),
...                            declared=3)
>>> late.used, late.source  # the Métropole had not signed yet: the declared 3
(3, 'declared')
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable
from typing import Any, Final, Literal

import attrs

from mgp_convention._validators import member_of
from mgp_convention.articles.art02_duration import SIGNATORIES, effective_date
from mgp_convention.convention import Convention
from mgp_convention.errors import InvalidValue
from mgp_convention.events import Party, Signature
from mgp_convention.i18n import N_, Lang, Message, gettext_in
from mgp_convention.report_json import bilingual, json_object, report_hook, to_json

__all__ = [
    "DEFAULT_COUNT_OPTIONS",
    "BeneficiaryCount",
    "CountOptions",
    "CountUntil",
    "CountedBeneficiary",
    "count_beneficiaries",
    "count_cutoff",
    "declared_count",
    "signed_for_market",
]

_ARTICLE: Final = "Art. 12 al. 3"


class CountUntil(enum.StrEnum):
    """Up to which date a signature counts: the date of the claim (**Default**), or the
    date the termination took effect."""

    CLAIM = "claim"
    TERMINATION = "termination"

    def label(self, lang: Lang) -> str:
        """The cut-off in words, in ``lang``."""
        return gettext_in(lang, _UNTIL_LABELS[self])


_UNTIL_LABELS: Final = {
    CountUntil.CLAIM: N_("the date of the claim"),
    CountUntil.TERMINATION: N_("the date the termination took effect"),
}


@attrs.frozen
class CountOptions:
    """How the beneficiaries « ayant contractualisé » are counted from a folder.

    ``until`` (**Default** :attr:`CountUntil.CLAIM`, C. civ. 1190): signed on or before
    the date of the claim; :attr:`CountUntil.TERMINATION`: on or before the date the
    termination took effect.
    """

    until: CountUntil = attrs.field(default=CountUntil.CLAIM, validator=member_of(CountUntil))


#: The reading of RULES.md: every convention signed by the date of the claim.
DEFAULT_COUNT_OPTIONS: Final = CountOptions()


def count_cutoff(
    claim_on: dt.date, takes_effect_on: dt.date | None, options: CountOptions
) -> tuple[dt.date, CountUntil]:
    """The last day a signature counts, and the reading actually applied.

    With :attr:`CountUntil.TERMINATION`, the date the termination took effect (never
    after the date of the claim: a later event is not read); when no termination is
    known, the date of the claim.

    >>> d = dt.date
    >>> count_cutoff(d(2026, 8, 1), d(2026, 7, 24), CountOptions(CountUntil.TERMINATION))
    (datetime.date(2026, 7, 24), <CountUntil.TERMINATION: 'termination'>)
    >>> count_cutoff(d(2026, 8, 1), d(2026, 7, 24), DEFAULT_COUNT_OPTIONS)[0]
    datetime.date(2026, 8, 1)
    """
    if options.until is CountUntil.TERMINATION and takes_effect_on is not None:
        return min(claim_on, takes_effect_on), CountUntil.TERMINATION
    return claim_on, CountUntil.CLAIM


@attrs.frozen
class CountedBeneficiary:
    """A beneficiary counted: its SIREN and name, its convention's reference, the date
    every party had signed (Art. 2, the effective date), and the files that hold it."""

    siren: str
    name: str
    reference: str
    signed_on: dt.date
    files: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        """``{"siren", "name", "reference", "signed_on", "files"}``."""
        return json_object(self)


@attrs.frozen
class BeneficiaryCount:
    """The number the market total is divided by, and where it comes from.

    ``used`` is the divisor (≥ 1); ``source`` is ``"counted"`` (from a folder) or
    ``"declared"``; ``declared`` the declared number when known; ``counted`` the
    beneficiaries counted from a folder (``None`` when no folder was read; empty when
    none was signed, and the declared number is then used); ``cutoff`` and ``until``
    the last day a signature counted and why.
    """

    used: int
    source: Literal["counted", "declared"]
    declared: int | None = None
    counted: tuple[CountedBeneficiary, ...] | None = None
    cutoff: dt.date | None = None
    until: CountUntil | None = None

    @property
    def other(self) -> int | None:
        """The other known number, when both are known, differ and could divide."""
        if self.counted is None or self.declared is None or not self.counted:
            return None
        other = self.declared if self.source == "counted" else len(self.counted)
        return None if other == self.used else other

    def summary(self) -> Message:
        """Where the number comes from, in a sentence."""
        if self.counted is None or self.cutoff is None:
            return Message(
                N_("Number of beneficiaries that contracted: {count}, the number declared"),
                {"count": self.used},
            )
        params = {
            "count": self.used,
            "cutoff": self.cutoff,
            "until": self.until or CountUntil.CLAIM,
            "declared": self.declared,
        }
        if not self.counted:
            return Message(
                N_(
                    "Number of beneficiaries that contracted: {count}, the number declared: "
                    "no convention for this market signed by every party on or before "
                    "{cutoff} was found"
                ),
                params,
            )
        if self.other is None:
            return Message(
                N_(
                    "Number of beneficiaries that contracted: {count}, counted: the "
                    "conventions for this market signed by every party on or before "
                    "{cutoff} ({until}), those since terminated or ended included"
                ),
                params,
            )
        return Message(
            N_(
                "Number of beneficiaries that contracted: {count}, counted: the conventions "
                "for this market signed by every party on or before {cutoff} ({until}), "
                "those since terminated or ended included; the market data declare "
                "{declared}"
            ),
            params,
        )

    def to_json(self) -> dict[str, Any]:
        """``{"used", "source", "declared", "counted", "cutoff", "until", "conventions"}``."""
        return json_object(self)


@report_hook(BeneficiaryCount)
def _count_json(count: BeneficiaryCount) -> dict[str, Any]:
    # By hand: ``counted`` written as a number, the beneficiaries under ``conventions``,
    # the summary added in both languages.
    return {
        "used": count.used,
        "source": count.source,
        "declared": count.declared,
        "counted": None if count.counted is None else len(count.counted),
        "cutoff": to_json(count.cutoff),
        "until": to_json(count.until),
        "conventions": to_json(count.counted),
        **bilingual("message", count.summary()),
    }


def _whole_number(value: Any, *, field: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidValue(f"expected a whole number, got {value!r}", field=field, article=_ARTICLE)
    if value < 1:
        raise InvalidValue(f"must be at least 1, got {value}", field=field, article=_ARTICLE)
    return value


def declared_count(declared: int, *, field: str = "beneficiaries") -> BeneficiaryCount:
    """The declared number of beneficiaries, a whole number ≥ 1 (``field`` names it in
    an error).

    >>> declared_count(3).used
    3
    >>> declared_count(0)
    Traceback (most recent call last):
    ...
    mgp_convention.errors.InvalidValue: beneficiaries: must be at least 1, got 0 (Art. 12 al. 3)
    """
    number = _whole_number(declared, field=field)
    return BeneficiaryCount(number, "declared", number)


def _signed_on(convention: Convention, by: dt.date) -> dt.date | None:
    """The date every party had signed, reading only the signatures dated up to ``by``
    (each party's first)."""
    signatures: dict[Party, dt.date] = {}
    for event in convention.events:
        if isinstance(event, Signature) and event.on <= by:
            signatures.setdefault(event.party, event.on)
    return effective_date(
        {party: signatures[party] for party in SIGNATORIES if party in signatures}
    )


def signed_for_market(
    conventions: Iterable[tuple[str, Convention]], market_reference: str, *, by: dt.date
) -> tuple[CountedBeneficiary, ...]:
    """The beneficiaries whose convention for ``market_reference`` every party signed on
    or before ``by``, each once (by SIREN), in the order first met, with every file
    that holds it. ``conventions`` pairs each convention with the name of its file.
    """
    found: dict[str, CountedBeneficiary] = {}
    for file, convention in conventions:
        if convention.market.reference != market_reference:
            continue
        signed_on = _signed_on(convention, by)
        if signed_on is None:
            continue
        siren = convention.beneficiary.siren
        known = found.get(siren)
        if known is None:
            found[siren] = CountedBeneficiary(
                siren, convention.beneficiary.name, convention.reference, signed_on, (file,)
            )
        elif file not in known.files:
            found[siren] = attrs.evolve(
                known, signed_on=min(known.signed_on, signed_on), files=(*known.files, file)
            )
    return tuple(found.values())


def count_beneficiaries(
    conventions: Iterable[tuple[str, Convention]],
    market_reference: str,
    *,
    by: dt.date,
    declared: int | None = None,
    until: CountUntil = CountUntil.CLAIM,
) -> BeneficiaryCount:
    """The number of beneficiaries counted from a folder's ``conventions`` (with their
    file names): those for ``market_reference`` signed by every party on or before
    ``by`` (:func:`signed_for_market`; ``until`` says which date ``by`` is, see
    :func:`count_cutoff`). When none is, the ``declared`` number is used; without one,
    there is nothing to divide by: :class:`~mgp_convention.errors.InvalidValue`.
    """
    counted = signed_for_market(conventions, market_reference, by=by)
    known = None if declared is None else _whole_number(declared, field="beneficiaries")
    if counted:
        return BeneficiaryCount(len(counted), "counted", known, counted, by, until)
    if known is None:
        raise InvalidValue(
            f"no convention for the market {market_reference!r} is signed by every party "
            f"on or before {by.isoformat()}: there is no number of beneficiaries to "
            "divide by",
            field="conventions",
            article=_ARTICLE,
        )
    return BeneficiaryCount(known, "declared", known, (), by, until)
