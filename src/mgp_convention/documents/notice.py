"""The formal notice (*mise en demeure*) of Art. 12: the registered letter that starts the
thirty days.

Art. 12 (the package's al. 1 and 2, the printed contract's first paragraph), verbatim:

    « La Métropole du Grand Paris disposera de la faculté de résilier à tout moment le
    contrat en cas de manquement par le Bénéficiaire à une quelconque de ses obligations
    ou pour tout motif relatif au souhait de la Métropole du Grand Paris d'interrompre
    l'expérimentation avant son terme. En cas de manquement du bénéficiaire, ce dernier
    disposera d'un délai de trente jours à compter de l'envoi d'une lettre recommandée
    avec accusé de réception pour remédier audit manquement. »

The letter is written for **one open breach without a notice** (RULES.md, "Breaches":
each failure has its own letter and its own thirty days), dated the day it is sent
(``on``): the lifecycle must accept a ``formal_notice_sent`` for that breach on that
date, or the letter is refused with its reason and article (already notified, closed,
unknown, a termination decided, the convention ended…).

What it says, from the file and the library:

- the convention and the date it took effect (Art. 2: its last signature);
- the breach: the date it was recorded, the obligation and its article, the file's
  details; that it prevents the start or the proper running of the experiment, when
  recorded so;
- Art. 12 al. 1–2 quoted (:data:`~mgp_convention.articles.art12_termination.ART12_TERMINATION`,
  :data:`~mgp_convention.articles.art12_remedy.ART12_REMEDY`);
- the deadline :func:`~mgp_convention.articles.art12_remedy.remedy_deadline` computes
  for a letter sent on ``on``, with its weekday (« lundi 4 janvier 2027 »), and how it
  was reached: day 0 not counted (CPC 641 al. 1), day 30, the days passed over and why
  (CPC 642 al. 2, C. trav. L3133-1);
- what follows when the breach is not remedied in time: the termination for breach,
  possible from the day after the deadline (Art. 12 al. 1–2), after the Art. 9 steps
  (the beneficiary's justifications examined, its representatives heard — the advisory
  the lifecycle gives when they are missing); when the breach impedes the experiment,
  the indemnity of Art. 12 al. 3, quoted
  (:data:`~mgp_convention.articles.art12_indemnity.ART12_AL3`).

>>> import datetime as dt
>>> from mgp_convention.examples import example_convention
>>> from mgp_convention.events import BreachRecorded, Obligation
>>> import attrs
>>> breach = BreachRecorded(dt.date(2026, 11, 30), breach="B1",
...     obligation=Obligation.DESIGNATE_REFERENT, impedes_experiment=True)
>>> convention = attrs.evolve(example_convention(),
...     events=(*example_convention().events, breach))
>>> values = notice_context(convention, Request(on=dt.date(2026, 12, 2)))
>>> values["deadline"], values["termination_from"]
('lundi 4 janvier 2027', 'mardi 5 janvier 2027')
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any, Final

from mgp_convention.articles.art12_breaches import notice_refusal
from mgp_convention.articles.art12_indemnity import ART12_AL3
from mgp_convention.articles.art12_remedy import (
    ART12_REMEDY,
    REMEDY_PERIOD_DAYS,
    RemedyDeadline,
)
from mgp_convention.articles.art12_termination import ART12_TERMINATION
from mgp_convention.convention import Convention
from mgp_convention.documents._breach import accepted, recorded_words
from mgp_convention.documents._french import spaced
from mgp_convention.documents._letter import (
    COMMON_TAGS,
    common_values,
    dated,
    day,
    quoted,
    quoted_together,
    weekday,
)
from mgp_convention.documents.request import Request
from mgp_convention.errors import LetterRefused
from mgp_convention.events import FormalNoticeSent
from mgp_convention.lifecycle import Lifecycle

__all__ = ["KIND", "NOTICE_FIELDS", "NOTICE_TAGS", "deadline_reasoning", "notice_context"]

#: The kind's code (its name on the command line, in French).
KIND: Final = "mise-en-demeure"

#: The tags of the formal notice's template.
NOTICE_TAGS: Final = COMMON_TAGS | frozenset(
    {
        "convention_signed_on",
        "breach_facts",
        "impedes",
        "art12_quote",
        "art12_indemnity_quote",
        "sent_on",
        "deadline",
        "deadline_reasoning",
        "termination_from",
    }
)
#: The fields of :class:`~mgp_convention.documents.request.Request` it reads.
NOTICE_FIELDS: Final = frozenset({"signatory", "on", "breach"})

#: A probe's letter reference: the event is only checked, never recorded.
_PROBE_REFERENCE: Final = "(lettre en préparation)"
#: The weekdays CPC 642 al. 2 names, said by the day itself (« samedi »).
_WEEKEND: Final = frozenset({"samedi", "dimanche"})


def _ordinal(number: int) -> str:
    return "trentième" if number == REMEDY_PERIOD_DAYS else f"{number}e"


def deadline_reasoning(deadline: RemedyDeadline) -> list[str]:
    """How the deadline was reached, for the letter: day 0, day 30, the days passed over.

    The rules: CPC 641 al. 1 (« celui de l'acte […] qui le fait courir ne compte pas »),
    CPC 642 al. 1 (« Tout délai expire le dernier jour à vingt-quatre heures ») and al. 2
    (« Le délai qui expirerait normalement un samedi, un dimanche ou un jour férié ou
    chômé est prorogé jusqu'au premier jour ouvrable suivant »), C. trav. L3133-1 (the
    public holidays).

    >>> from mgp_convention.articles.art12_remedy import remedy_deadline
    >>> for sentence in deadline_reasoning(remedy_deadline(dt.date(2026, 12, 2))):
    ...     print(sentence.replace("\\xa0", " "))  # French spaces: non-breaking
    Ce délai est compté selon les règles des articles 641 et 642 du code de procédure civile : le jour de l'envoi, le mercredi 2 décembre 2026, ne compte pas ; le trentième jour est le vendredi 1er janvier 2027.
    Ce jour n'étant pas un jour ouvrable, le délai est prorogé jusqu'au premier jour ouvrable suivant, le lundi 4 janvier 2027, après le vendredi 1er janvier 2027 (jour férié : 1er janvier), le samedi 2 janvier 2027 et le dimanche 3 janvier 2027.
    """  # noqa: E501
    options = deadline.options
    sentences = [
        "Ce délai est compté selon les règles des articles 641 et 642 du code de procédure "
        f"civile : le jour de l'envoi, le {weekday(deadline.start_on)}, ne compte pas ; le "
        f"{_ordinal(options.days)} jour est le {weekday(deadline.day_n)}."
    ]
    skipped = deadline.skipped
    if skipped:
        passed = [
            f"le {weekday(s.day)}" + ("" if s.reason in _WEEKEND else f" ({s.reason})")
            for s in skipped
        ]
        listed = passed[0] if len(passed) == 1 else f"{', '.join(passed[:-1])} et {passed[-1]}"
        sentences.append(
            "Ce jour n'étant pas un jour ouvrable, le délai est prorogé jusqu'au premier "
            f"jour ouvrable suivant, le {weekday(deadline.expires_on)}, après {listed}."
        )
    return [spaced(sentence) for sentence in sentences]


def _refuse_closed(lifecycle: Lifecycle, on: dt.date, label: str | None) -> None:
    """A breach named and closed on ``on``: refused for that (Art. 12 al. 2: the notice is
    for a breach to remedy), rather than for the state it leaves."""
    last = lifecycle.last_on
    if label is None or (last is not None and on < last):
        return
    named = next((b for b in lifecycle.status(on).breaches if b.label == label), None)
    if named is not None and not named.open:
        reason = notice_refusal(named.label, open_=False, notice_sent_on=None)
        raise LetterRefused(KIND, reason or "", article=ART12_REMEDY.label)


def notice_context(convention: Convention, request: Request) -> Mapping[str, Any]:
    """The values of the formal notice (:data:`NOTICE_TAGS`) for ``request.breach``,
    sent on ``request.on``; :class:`~mgp_convention.errors.LetterRefused` when the
    lifecycle does not allow a formal notice for that breach on that date."""
    on = dated(request.on)
    lifecycle = Lifecycle.from_convention(convention)
    _refuse_closed(lifecycle, on, request.breach)
    probe = FormalNoticeSent(on, breach=request.breach, letter_reference=_PROBE_REFERENCE)
    entry = accepted(KIND, lifecycle, probe)
    label = entry.event.breach if isinstance(entry.event, FormalNoticeSent) else None
    status = lifecycle.status(on)
    breach = next(b for b in status.breaches if b.label == label)
    deadline = breach.deadline
    assert deadline is not None  # noqa: S101 - computed by the notice just applied
    effective = lifecycle.effective_date
    assert effective is not None  # noqa: S101 - a breach is recorded only once signed
    return {
        **common_values(convention, request.signatory, on),
        "convention_signed_on": day(effective),
        "breach_facts": recorded_words(breach),
        "impedes": breach.recorded.impedes,
        "art12_quote": quoted_together(ART12_TERMINATION, ART12_REMEDY),
        "art12_indemnity_quote": quoted(ART12_AL3),
        "sent_on": weekday(on),
        "deadline": weekday(deadline.expires_on),
        "deadline_reasoning": deadline_reasoning(deadline),
        "termination_from": weekday(deadline.termination_allowed_from),
    }
