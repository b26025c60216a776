"""A breach as the letters tell it, and the lifecycle's word on whether a letter may go.

Each letter stands for an event of the lifecycle: the formal notice for
``formal_notice_sent`` on its date, the convocation for the Art. 9 steps
(``justifications_examined`` on its date, ``representatives_heard`` on the hearing's),
the decision for ``termination``. The letter is written only if the lifecycle would
accept that event (:meth:`~mgp_convention.lifecycle.Lifecycle.check`, the same
machine and guards as for recording it); otherwise it is refused with the lifecycle's
own reason and article (:class:`~mgp_convention.errors.LetterRefused`). The breach a
letter is about is the one the event names, filled in by the lifecycle when the
request leaves it out (allowed only when exactly one breach is open).

The facts of a breach are written from the lifecycle's :class:`~mgp_convention.values.Breach`
as it stands on the letter's date: recorded on, the obligation and its article, the
details the file gives, the formal notice and its deadline, the remedy (in time or
late), the Art. 9 steps.
"""

from __future__ import annotations

import datetime as dt

from mgp_convention.articles.art09_sanctions import Art9Step
from mgp_convention.documents._french import de, spaced
from mgp_convention.documents._letter import article_words, day, weekday
from mgp_convention.errors import LetterRefused
from mgp_convention.events import Event, Obligation
from mgp_convention.lifecycle import Lifecycle
from mgp_convention.values import Breach, HistoryEntry

__all__ = [
    "accepted",
    "art9_steps",
    "notice_and_deadline",
    "obligation_words",
    "recorded_words",
    "remedy_words",
]


def accepted(kind: str, lifecycle: Lifecycle, event: Event) -> HistoryEntry:
    """``event`` applied to ``lifecycle`` (a copy the caller owns), or the letter refused
    with the lifecycle's reason and article."""
    refusal = lifecycle.check(event)
    if refusal is not None:
        raise LetterRefused(kind, refusal.reason, article=refusal.article)
    return lifecycle.apply(event)


def obligation_words(breach: Breach) -> str:
    """« à votre obligation de désigner un référent projet (article 3 de la convention) »;
    for the obligation ``other``, the file's own words (« à l'une de vos obligations :
    … »). The letters are addressed to the beneficiary, through its representative."""
    recorded = breach.recorded
    if recorded.obligation is Obligation.OTHER:
        return f"à l'une de vos obligations : {recorded.details}"
    label = recorded.obligation.label("fr")
    return f"à votre obligation {de(label)} ({article_words(recorded.obligation.article)})"


def recorded_words(breach: Breach) -> str:
    """The breach as recorded: its date, the obligation, the details."""
    recorded = breach.recorded
    text = (
        f"Le {day(recorded.on)}, la Métropole du Grand Paris a constaté un manquement "
        f"{obligation_words(breach)}"
    )
    details = recorded.details
    if details and recorded.obligation is not Obligation.OTHER:
        text += f" : {details}"
    return spaced(text + ".")


def notice_and_deadline(breach: Breach, on: dt.date) -> str:
    """The formal notice and its thirty days, as they stand on ``on``; or that none was
    sent."""
    notice, deadline = breach.notice, breach.deadline
    if notice is None or deadline is None:
        return (
            "Ce manquement n'a pas fait l'objet, à ce jour, de la lettre recommandée avec "
            "accusé de réception prévue à l'article 12 de la convention."
        )
    expires = weekday(deadline.expires_on)
    runs = "expirait" if deadline.expires_on < on else "expire"
    return spaced(
        f"Par lettre recommandée avec accusé de réception envoyée le {day(notice.on)} sous "
        f"la référence {notice.letter_reference}, la Métropole du Grand Paris vous a mis en "
        "demeure d'y remédier dans le délai de trente jours prévu à l'article 12 de la "
        f"convention ; ce délai {runs} le {expires} à vingt-quatre heures."
    )


def remedy_words(breach: Breach, on: dt.date) -> str | None:
    """What became of the breach on ``on``: not remedied (once its deadline passed),
    remedied late, closed by an Art. 9 decision; ``None`` when its thirty days still run
    or no notice was sent and nothing else happened."""
    if breach.closed_as == "sanctioned" and breach.closed_on is not None:
        return (
            f"Par décision du {day(breach.closed_on)}, la Métropole du Grand Paris a mis fin "
            "à l'expérimentation en raison de ce manquement (article 9 de la convention)."
        )
    if breach.remedied_on is not None:
        if breach.late and not breach.accepted_late:
            return (
                f"Il n'y a été remédié que le {day(breach.remedied_on)}, après l'expiration "
                "de ce délai."
            )
        return f"Il y a été remédié le {day(breach.remedied_on)}."  # pragma: no cover
    deadline = breach.deadline
    if deadline is not None and deadline.expires_on < on:
        return "Il n'y a pas été remédié dans ce délai, ni depuis."
    return None


def art9_steps(breach: Breach) -> str | None:
    """The Art. 9 steps taken for the breach, with their dates; ``None`` when none was."""
    examined = breach.steps.get(Art9Step.JUSTIFICATIONS_EXAMINED)
    heard = breach.steps.get(Art9Step.REPRESENTATIVES_HEARD)
    if examined is not None and heard is not None:
        return (
            f"Les justificatifs que vous avez présentés ont été examinés le {day(examined)} "
            f"et vos représentants ont été entendus le {day(heard)} (article 9 de la "
            "convention)."
        )
    if examined is not None:
        return (
            f"Les justificatifs que vous avez présentés ont été examinés le {day(examined)} "
            "(article 9 de la convention)."
        )
    if heard is not None:
        return f"Vos représentants ont été entendus le {day(heard)} (article 9 de la convention)."
    return None
