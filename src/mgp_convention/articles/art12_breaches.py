"""Art. 12 al. 1–2 for one breach: its notice, its thirty days, its remedy, its ground.

« La Métropole du Grand Paris disposera de la faculté de résilier à tout moment le
contrat en cas de manquement par le Bénéficiaire à une quelconque de ses obligations
[…]. En cas de manquement du bénéficiaire, ce dernier disposera d'un délai de trente
jours à compter de l'envoi d'une lettre recommandée avec accusé de réception pour
remédier audit manquement. »

« une quelconque de ses obligations »: each failure is a breach of its own, with its own
registered letter and its own thirty days (RULES.md version 2, "Breaches"). For one
breach, encoded here:

- it is **open** from its recording until it is remedied (in time or late) or closed by
  an Art. 9 decision (``experiment_stopped``, closed as *sanctioned*);
- a remedy dated on its deadline is in time; a later one is **late** (:func:`is_late`):
  it closes the breach, but unless the Métropole waives the lateness
  (``accepted_late``) the breach **remains a ground** for termination and for the
  indemnity (:func:`remains_a_ground`), since « il n'y a pas été remédié … dans le
  délai » still holds;
- a termination for it needs its notice sent, its thirty days run out, and no remedy
  in time (:func:`thirty_days_refusal`).

The deadline itself is computed by
:func:`~mgp_convention.articles.art12_remedy.remedy_deadline`.

>>> import datetime as dt
>>> is_late(dt.date(2027, 1, 4), deadline=dt.date(2027, 1, 4))
False
>>> is_late(dt.date(2027, 1, 5), deadline=dt.date(2027, 1, 4))
True
>>> remains_a_ground(open_=False, sanctioned=False, late=True, accepted_late=False)
True
"""

from __future__ import annotations

import datetime as dt

from mgp_convention.articles.art12_remedy import ART12_REMEDY
from mgp_convention.calendar import ONE_DAY
from mgp_convention.i18n import N_, Message

__all__ = [
    "ART12_REMEDY",
    "is_late",
    "notice_refusal",
    "remains_a_ground",
    "remedy_refusal",
    "thirty_days_refusal",
]


def is_late(remedied_on: dt.date, *, deadline: dt.date | None) -> bool:
    """Whether a remedy on ``remedied_on`` comes after the breach's deadline (none runs
    before the notice is sent: a remedy then is in time)."""
    return deadline is not None and remedied_on > deadline


def remains_a_ground(*, open_: bool, sanctioned: bool, late: bool, accepted_late: bool) -> bool:
    """Whether a breach is still a ground for termination and for the indemnity: while it
    is open, once closed as sanctioned (Art. 9), or once remedied late without the
    Métropole waiving the lateness."""
    return open_ or sanctioned or (late and not accepted_late)


def notice_refusal(breach: str, *, open_: bool, notice_sent_on: dt.date | None) -> Message | None:
    """Why a formal notice cannot be sent for ``breach``: it is closed, or it had one."""
    if not open_:
        return Message(N_("breach {breach} is closed: no notice is needed"), {"breach": breach})
    if notice_sent_on is not None:
        return Message(
            N_("breach {breach} already had its formal notice, sent on {sent}"),
            {"breach": breach, "sent": notice_sent_on},
        )
    return None


def remedy_refusal(breach: str, *, open_: bool) -> Message | None:
    """Why ``breach`` cannot be remedied: it is not open any more."""
    if open_:
        return None
    return Message(N_("breach {breach} is not open any more"), {"breach": breach})


def thirty_days_refusal(
    breach: str,
    on: dt.date,
    *,
    notice_sent_on: dt.date | None,
    deadline: dt.date | None,
    remedied_on: dt.date | None,
    late: bool,
    accepted_late: bool,
) -> Message | None:
    """Why ``breach`` is not (yet) a ground for termination on ``on`` under Art. 12:
    no notice sent, the thirty days still running (the deadline day included), or a
    remedy in time (a late remedy whose lateness was waived counts as in time).
    ``None`` when it is a ground: notice sent, deadline passed, not remedied in time.

    >>> import datetime as dt
    >>> print(thirty_days_refusal("B1", dt.date(2027, 1, 4), notice_sent_on=dt.date(2026, 12, 2),
    ...     deadline=dt.date(2027, 1, 4), remedied_on=None, late=False, accepted_late=False))
    the thirty days of breach B1 run until Monday 4 January 2027 (included): termination is possible from Tuesday 5 January 2027
    """  # noqa: E501
    if notice_sent_on is None or deadline is None:
        return Message(
            N_(
                "no formal notice has been sent for breach {breach}: its thirty days have "
                "not started"
            ),
            {"breach": breach},
        )
    if remedied_on is not None and (not late or accepted_late):
        if late:
            return Message(
                N_(
                    "breach {breach} was remedied late, on {remedied}, and the Métropole "
                    "accepted the late remedy: it counts as remedied in time"
                ),
                {"breach": breach, "remedied": remedied_on},
            )
        return Message(
            N_("breach {breach} was remedied in time, on {remedied}"),
            {"breach": breach, "remedied": remedied_on},
        )
    if on <= deadline:
        return Message(
            N_(
                "the thirty days of breach {breach} run until {deadline} (included): "
                "termination is possible from {first}"
            ),
            {"breach": breach, "deadline": deadline, "first": deadline + ONE_DAY},
        )
    return None
