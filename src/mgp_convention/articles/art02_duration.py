"""Art. 2: when the convention takes effect (every signature) and when it ends.

« La présente Convention prend effet à compter de sa signature par l'ensemble des
parties, jusqu'au [Date]. »

Encoded here, as small rules the lifecycle calls as guards:

- each party signs once (:func:`party_not_signed_yet`), and the convention takes effect
  when **every** party has signed: its effective date is the date of the last
  signature (:func:`effective_date`);
- « jusqu'au [Date] »: the end date itself is still in force; the convention is
  *ended* from the day after (:func:`is_ended`), so no event can be recorded after it
  (:func:`in_force_on`). The end date is the one of the convention as amended
  (Art. 11).

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

__all__ = [
    "ART2_DURATION",
    "ART2_IN_FORCE",
    "ART2_SIGNATURE",
    "SIGNATORIES",
    "all_signed",
    "effective_date",
    "first_day_ended",
    "in_force_on",
    "is_ended",
    "party_not_signed_yet",
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


def party_not_signed_yet(party: Party, signatures: Mapping[Party, dt.date]) -> str | None:
    """Each party signs once: « sa signature par l'ensemble des parties » (Art. 2).

    The unmet condition in plain words, or ``None`` when ``party`` may sign.

    >>> import datetime as dt
    >>> party_not_signed_yet(Party.METROPOLE, {Party.METROPOLE: dt.date(2027, 1, 19)})
    'the metropole already signed on 2027-01-19'
    """
    signed_on = signatures.get(party)
    if signed_on is None:
        return None
    return f"the {party.value} already signed on {signed_on.isoformat()}"


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


def in_force_on(on: dt.date, end_date: dt.date) -> str | None:
    """Nothing can be recorded once the convention has ended (Art. 2, « jusqu'au [Date] »).

    >>> import datetime as dt
    >>> in_force_on(dt.date(2028, 4, 1), dt.date(2028, 3, 31))
    'the convention ran until its end date, 2028-03-31, and is ended from 2028-04-01'
    """
    if not is_ended(on, end_date):
        return None
    return (
        f"the convention ran until its end date, {end_date.isoformat()}, and is ended "
        f"from {first_day_ended(end_date).isoformat()}"
    )
