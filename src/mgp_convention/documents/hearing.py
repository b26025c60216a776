"""The convocation of Art. 9: the beneficiary invited to present its justifications and
to be heard before a sanction.

Art. 9, verbatim: « En cas d'inexécution ou de modification substantielle des
conditions d'exécution de la convention par le Bénéficiaire sans l'accord écrit de la
Métropole du Grand Paris, celle-ci peut décider de la fin de l'expérimentation, après
examen des justificatifs présentés par le Bénéficiaire et après avoir entendu ses
représentants. Le cas échéant, cette décision entraînera la résiliation de la
convention. »

The letter is written for **a breach that is still a ground** (RULES.md: open, or
closed by a late remedy the Métropole did not accept, or by an Art. 9 decision): the
lifecycle must accept the Art. 9 steps for that breach — the examination of the
justifications on the letter's date, the hearing on the hearing's date — or the letter
is refused with its reason and article (a breach remedied in time, none open, the
convention ended by the hearing's date…). The same steps protect the beneficiary before
a termination for breach (the lifecycle's advisory when they are missing; the Conseil
d'État requires that a contracting party be heard before a termination for its fault,
CE, 30 mai 2012, n° 357151: « la personne publique est toujours dans l'obligation de
mettre le cocontractant en mesure de faire valoir ses observations »).

The place, the date and the time of the hearing, and the date by which written
justifications are expected, are the Métropole's choices
(:class:`~mgp_convention.documents.request.Hearing`): Art. 9 sets no time limit. The
hearing comes after the letter, and the justifications' date after the letter and not
after the hearing; without that date, the justifications may be sent before the
hearing or given at it.

>>> import datetime as dt
>>> from mgp_convention.documents.request import Hearing
>>> hearing_time(dt.time(10, 30)), hearing_time(dt.time(14, 0)), hearing_time(None)
(' à 10 h 30', ' à 14 heures', '')
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any, Final

from mgp_convention.articles.art09_sanctions import ART9_SANCTION
from mgp_convention.convention import Convention
from mgp_convention.documents._breach import (
    accepted,
    art9_steps,
    notice_and_deadline,
    recorded_words,
    remedy_words,
)
from mgp_convention.documents._french import spaced
from mgp_convention.documents._letter import (
    COMMON_TAGS,
    common_values,
    dated,
    day,
    quoted,
    weekday,
)
from mgp_convention.documents.request import Hearing, Request
from mgp_convention.errors import InvalidValue
from mgp_convention.events import JustificationsExamined, RepresentativesHeard
from mgp_convention.i18n import N_, Message
from mgp_convention.lifecycle import Lifecycle

__all__ = ["HEARING_FIELDS", "HEARING_TAGS", "KIND", "hearing_context", "hearing_time"]

#: The kind's code (its name on the command line, in French).
KIND: Final = "convocation-art9"

#: The tags of the convocation's template.
HEARING_TAGS: Final = COMMON_TAGS | frozenset(
    {
        "convention_signed_on",
        "breach_facts",
        "art9_quote",
        "hearing_date",
        "hearing_time",
        "hearing_place",
        "justifications",
    }
)
#: The fields of :class:`~mgp_convention.documents.request.Request` it reads.
HEARING_FIELDS: Final = frozenset({"signatory", "on", "breach", "hearing"})


def hearing_time(at: dt.time | None) -> str:
    """« à 10 h 30 », « à 14 heures », with its leading space; empty without a time."""
    if at is None:
        return ""
    if at.minute == 0:
        return f" à {at.hour} heure{'s' if at.hour > 1 else ''}"
    return f" à {at.hour} h {at.minute:02d}"


def _checked(hearing: Hearing | None, on: dt.date) -> Hearing:
    if hearing is None:
        raise InvalidValue(
            Message(N_("a convocation names the place and the date of the hearing")),
            field="hearing",
        )
    if hearing.on <= on:
        raise InvalidValue(
            Message(
                N_("the hearing ({hearing}) must come after the letter ({letter})"),
                {"hearing": hearing.on.isoformat(), "letter": on.isoformat()},
            ),
            field="hearing.on",
        )
    by = hearing.justifications_by
    if by is not None and by <= on:
        raise InvalidValue(
            Message(
                N_("the justifications are expected by {by}, not after the letter ({letter})"),
                {"by": by.isoformat(), "letter": on.isoformat()},
            ),
            field="hearing.justifications_by",
        )
    return hearing


def _justifications(hearing: Hearing) -> str:
    by = hearing.justifications_by
    if by is None:
        return (
            "Je vous invite à présenter vos justificatifs par écrit avant l'audition, ou à "
            "les remettre lors de celle-ci."
        )
    return f"Je vous invite à présenter vos justificatifs par écrit au plus tard le {weekday(by)}."


def hearing_context(convention: Convention, request: Request) -> Mapping[str, Any]:
    """The values of the convocation (:data:`HEARING_TAGS`) for ``request.breach``, sent
    on ``request.on``, to the hearing ``request.hearing``;
    :class:`~mgp_convention.errors.LetterRefused` when the breach is not a ground for
    the Art. 9 steps on those dates."""
    on = dated(request.on)
    hearing = _checked(request.hearing, on)
    probe = JustificationsExamined(on, breach=request.breach)
    entry = accepted(KIND, Lifecycle.from_convention(convention), probe)
    label = entry.event.breach if isinstance(entry.event, JustificationsExamined) else None
    lifecycle = Lifecycle.from_convention(convention)
    accepted(KIND, lifecycle, RepresentativesHeard(hearing.on, breach=label))
    status = Lifecycle.from_convention(convention).status(on)
    breach = next(b for b in status.breaches if b.label == label)
    effective = status.effective_date
    assert effective is not None  # noqa: S101 - a breach is recorded only once signed
    facts = [
        recorded_words(breach),
        notice_and_deadline(breach, on),
        remedy_words(breach, on),
        art9_steps(breach),
    ]
    return {
        **common_values(convention, request.signatory, on),
        "convention_signed_on": day(effective),
        "breach_facts": [fact for fact in facts if fact],
        "art9_quote": quoted(ART9_SANCTION),
        "hearing_date": weekday(hearing.on),
        "hearing_time": hearing_time(hearing.at),
        "hearing_place": hearing.place,
        "justifications": spaced(_justifications(hearing)),
    }
