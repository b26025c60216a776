"""Art. 2: when the convention takes effect (every signature) and when it ends.

« La présente Convention prend effet à compter de sa signature par l'ensemble des
parties, jusqu'au [Date]. »

Encoded here, as small rules the lifecycle's machine calls as guards:

- each party signs once (:func:`signature_refusal`), and the convention takes effect
  when **every** party has signed: its effective date is the date of the last
  signature (:func:`effective_date`);
- « jusqu'au [Date] »: the end date itself is still in force; the convention is
  *ended* from the day after (:func:`is_ended`), so no event can be recorded after it
  (:func:`ended_refusal`). A convention not signed by every party by then never took
  effect: it is *not concluded* (:func:`not_concluded_refusal`). The end date is the
  one of the convention as amended (Art. 11).

>>> import datetime as dt
>>> from mgp_convention.events import Party
>>> effective_date({Party.BENEFICIARY: dt.date(2027, 1, 12), Party.METROPOLE: dt.date(2027, 1, 19)})
datetime.date(2027, 1, 19)
>>> effective_date({Party.BENEFICIARY: dt.date(2027, 1, 12)}) is None
True
>>> is_ended(dt.date(2028, 3, 31), end_date=dt.date(2028, 3, 31))
False
>>> is_ended(dt.date(2028, 4, 1), end_date=dt.date(2028, 3, 31))
True
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from mgp_convention.calendar import ONE_DAY
from mgp_convention.citations import Citation
from mgp_convention.convention import ART2_DURATION
from mgp_convention.events import Party
from mgp_convention.i18n import N_, Message

__all__ = [
    "ART2_DURATION",
    "ART2_IN_FORCE",
    "ART2_SIGNATURE",
    "SIGNATORIES",
    "all_signed",
    "effective_date",
    "ended_refusal",
    "first_day_ended",
    "is_ended",
    "not_concluded_refusal",
    "signature_refusal",
]

#: « à compter de sa signature par l'ensemble des parties »
ART2_SIGNATURE = Citation(
    "Art. 2",
    None,
    "La présente Convention prend effet à compter de sa signature par l'ensemble des parties",
)
#: « jusqu'au [Date] »
ART2_IN_FORCE = ART2_DURATION

#: « l'ensemble des parties »: the Métropole and the beneficiary.
SIGNATORIES: tuple[Party, ...] = (Party.METROPOLE, Party.BENEFICIARY)


def signature_refusal(party: Party, signatures: Mapping[Party, dt.date]) -> Message | None:
    """Why ``party`` may not sign: it already did (Art. 2, « sa signature par l'ensemble
    des parties »: each party signs once); ``None`` when it may.

    >>> import datetime as dt
    >>> print(signature_refusal(Party.METROPOLE, {Party.METROPOLE: dt.date(2027, 1, 19)}))
    the Métropole already signed on Tuesday 19 January 2027
    """
    signed_on = signatures.get(party)
    if signed_on is None:
        return None
    return Message(N_("{party} already signed on {on}"), {"party": party, "on": signed_on})


def all_signed(signatures: Mapping[Party, dt.date]) -> bool:
    """Whether every party has signed (« l'ensemble des parties »)."""
    return all(party in signatures for party in SIGNATORIES)


def effective_date(signatures: Mapping[Party, dt.date]) -> dt.date | None:
    """The date the convention takes effect: the last signature, once all parties signed.

    « La présente Convention prend effet à compter de sa signature par l'ensemble des
    parties » (Art. 2). ``None`` while a party has not signed.
    """
    if not all_signed(signatures):
        return None
    return max(signatures[party] for party in SIGNATORIES)


def is_ended(on: dt.date, end_date: dt.date) -> bool:
    """Whether the convention has ended on ``on``: from the day after ``end_date``.

    « jusqu'au [Date] » (Art. 2): the end date itself is still in force.
    """
    return on > end_date


def first_day_ended(end_date: dt.date) -> dt.date:
    """The first day the convention is ended: the day after its end date (Art. 2)."""
    return end_date + ONE_DAY


def ended_refusal(end_date: dt.date) -> Message:
    """Why nothing can be recorded after the end date (Art. 2, « jusqu'au [Date] »).

    >>> import datetime as dt
    >>> print(ended_refusal(dt.date(2028, 3, 31)))
    the convention ran until its end date, Friday 31 March 2028, and is ended from Saturday 1 April 2028
    """  # noqa: E501
    return Message(
        N_("the convention ran until its end date, {end}, and is ended from {first}"),
        {"end": end_date, "first": first_day_ended(end_date)},
    )


def not_concluded_refusal(end_date: dt.date) -> Message:
    """Why nothing can be recorded once the end date passed without every signature:
    the convention never took effect (Art. 2)."""
    return Message(
        N_(
            "the convention was not signed by every party by its end date, {end}: it never "
            "took effect"
        ),
        {"end": end_date},
    )
