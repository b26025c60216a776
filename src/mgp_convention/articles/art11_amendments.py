"""Art. 11: amendments (*avenants*) change the convention's dates and figures.

« La présente convention peut être modifiée par voie d'avenant. Les avenants ultérieurs
feront partie de la présente convention et seront soumis à l'ensemble des dispositions
non contraires qui la régissent. »

The parts of the convention an amendment can change are its :class:`Terms`: the end
date (Art. 2), the experiment's duration, indicative start, the setup date beyond which
usage is reduced and the evaluation deadline (Art. 5), and the market figures (Art. 12
al. 3). An amendment applies from its date on: the lifecycle keeps every version
(:meth:`Terms.amended` returns a new value; nothing is changed in place).

« seront soumis à l'ensemble des dispositions non contraires »: the amended terms must
still satisfy the convention's coherence rules (end date after the start, evaluation
before the end…), and an amendment cannot set an end date before its own date (that
would end the convention before the amendment was signed) — :func:`amendment_acceptable`.

>>> import datetime as dt
>>> from mgp_convention.events import Changes
>>> from mgp_convention.examples import example_convention
>>> terms = Terms.of(example_convention())
>>> terms.end_date
datetime.date(2028, 3, 31)
>>> terms.amended(Changes(end_date=dt.date(2028, 9, 30)), dt.date(2027, 6, 1)).end_date
datetime.date(2028, 9, 30)
>>> print(amendment_acceptable(dt.date(2027, 6, 1), terms, Changes(end_date=dt.date(2027, 5, 31))))
the new end date, Monday 31 May 2027, comes before the amendment's own date, Tuesday 1 June 2027
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

import attrs

from mgp_convention.citations import Citation
from mgp_convention.convention import Convention, Experiment, Market, coherence_problems
from mgp_convention.errors import ConventionError
from mgp_convention.events import Changes
from mgp_convention.i18n import N_, Lang, Message, semicolons

__all__ = ["ART11_AMENDMENT", "Terms", "amendment_acceptable"]

ART11_AMENDMENT = Citation(
    "Art. 11",
    None,
    "La présente convention peut être modifiée par voie d'avenant. Les avenants ultérieurs "
    "feront partie de la présente convention et seront soumis à l'ensemble des dispositions "
    "non contraires qui la régissent.",
)

# Which field of which part each field of Changes amends.
_EXPERIMENT_FIELDS = (
    "duration_months",
    "indicative_start",
    "reduced_usage_after",
    "evaluation_deadline",
    "evaluation_period",
    "calendar",
)
_MARKET_FIELDS: Mapping[str, str] = {
    "market_total_ttc": "total_ttc",
    "market_beneficiaries": "beneficiaries",
}


@attrs.frozen
class Terms:
    """The amendable terms of a convention, in force from ``since``.

    ``since`` is ``None`` for the terms as signed, else the date of the amendment that
    made this version (Art. 11: « Les avenants ultérieurs feront partie de la présente
    convention »).
    """

    end_date: dt.date
    experiment: Experiment
    market: Market
    since: dt.date | None = None

    @classmethod
    def of(cls, convention: Convention) -> Terms:
        """The terms as signed."""
        return cls(convention.end_date, convention.experiment, convention.market)

    def amended(self, changes: Changes, on: dt.date) -> Terms:
        """The terms after an amendment signed ``on``; raises :class:`InvalidValue` when
        the result breaks a coherence rule of the convention."""
        values = changes.as_dict()
        experiment_changes = {k: values[k] for k in _EXPERIMENT_FIELDS if k in values}
        market_changes = {
            field: values[key] for key, field in _MARKET_FIELDS.items() if key in values
        }
        experiment = attrs.evolve(self.experiment, **experiment_changes)
        market = attrs.evolve(self.market, **market_changes)
        return Terms(values.get("end_date", self.end_date), experiment, market, on)

    def changed_fields(self, changes: Changes) -> dict[str, Any]:
        """The current value of each field ``changes`` amends (named as in :class:`Changes`)."""
        current: dict[str, Any] = {"end_date": self.end_date}
        current.update({k: getattr(self.experiment, k) for k in _EXPERIMENT_FIELDS})
        current.update({k: getattr(self.market, f) for k, f in _MARKET_FIELDS.items()})
        return {key: current[key] for key in changes.as_dict()}


def amendment_acceptable(on: dt.date, terms: Terms, changes: Changes) -> Message | None:
    """An amendment signed ``on`` must leave a coherent convention (Art. 11).

    « Les avenants ultérieurs [...] seront soumis à l'ensemble des dispositions non
    contraires qui la régissent »: the amended terms must satisfy the convention's own
    rules, and the new end date cannot come before the amendment's date.
    """
    new_end = changes.end_date
    if new_end is not None and new_end < on:
        return Message(
            N_("the new end date, {end}, comes before the amendment's own date, {on}"),
            {"end": new_end, "on": on},
        )
    try:
        amended = terms.amended(changes, on)
    except ConventionError as err:
        # The error itself, so that it is said in the message's language.
        return Message(N_("the amended terms are not coherent: {problems}"), {"problems": err})
    problems = coherence_problems(
        Convention, {"end_date": amended.end_date, "experiment": amended.experiment}
    )
    if problems:
        return Message(
            N_("the amended terms are not coherent: {problems}"), {"problems": _Each(problems)}
        )
    return None


@attrs.frozen
class _Each:
    """Problems said one after the other, each in the message's language."""

    problems: Sequence[ConventionError]

    def render(self, lang: Lang) -> str:
        return semicolons((problem.render(lang) for problem in self.problems), lang)
