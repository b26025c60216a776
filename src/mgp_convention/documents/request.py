"""What a document is asked with, beside the convention file: who signs, the date, and
what each letter needs that the file does not hold.

- every document: the Métropole's :class:`~mgp_convention.documents.signatory.Signatory`;
- every letter: its date ``on`` (the date the letter is sent, for the formal notice: the
  thirty days of Art. 12 run from the sending);
- the formal notice, the convocation and the decision: the ``breach`` they are about
  (a label of the file, ``B1``…), which may be left out only when exactly one breach is
  open (RULES.md, "Breaches");
- the convocation (Art. 9): the :class:`Hearing` — its place, date, time, and the date
  by which written justifications are expected, when one is set;
- the decision: its ``ground``, ``reason`` and ``effective_on`` when it is not recorded
  in the file yet, and what the Art. 12 al. 3 indemnity claims
  (:class:`IndemnityRequest`: the further prejudice items, the folder the beneficiaries
  are counted from, or not claiming it at all).

A field a kind does not read is refused when given to it
(:func:`~mgp_convention.documents.render.context`), so that an option never goes
silently unused.

>>> import datetime as dt
>>> Hearing("Salle du conseil", dt.date(2026, 12, 15), justifications_by=dt.date(2026, 12, 10))
Hearing(place='Salle du conseil', on=datetime.date(2026, 12, 15), at=None, justifications_by=datetime.date(2026, 12, 10))
>>> Hearing("Salle du conseil", dt.date(2026, 12, 15), justifications_by=dt.date(2026, 12, 16))
Traceback (most recent call last):
...
mgp_convention.errors.InvalidValue: justifications_by: the written justifications are expected by 2026-12-16, after the hearing on 2026-12-15
"""  # noqa: E501

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any, Final

import attrs

from mgp_convention._validators import a_bool, a_date, member_of, optional
from mgp_convention.articles.art12_beneficiaries import CountUntil
from mgp_convention.articles.art12_indemnity_amount import PrejudiceItem
from mgp_convention.convention import Convention
from mgp_convention.documents._xml import UNWRITABLE, unwritable
from mgp_convention.documents.signatory import DEFAULT_SIGNATORY, Signatory
from mgp_convention.errors import InvalidValue
from mgp_convention.events import BREACH_LABEL, Ground
from mgp_convention.i18n import N_, Message

__all__ = ["REQUEST_FIELDS", "Hearing", "IndemnityRequest", "Request"]


def _text(_instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, str) or not value.strip():
        raise InvalidValue(Message(N_("expected a text, not empty")), field=attribute.name)
    character = unwritable(value)
    if character is not None:
        raise InvalidValue(Message(UNWRITABLE, {"character": character}), field=attribute.name)


def _a_time(_instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None and not isinstance(value, dt.time):
        raise InvalidValue(f"expected a time of day, got {value!r}", field=attribute.name)


@attrs.frozen
class Hearing:
    """The hearing of Art. 9 a convocation invites to: « après examen des justificatifs
    présentés par le Bénéficiaire et après avoir entendu ses représentants ».

    ``place`` and ``on`` are where and when the representatives are heard, ``at`` the
    time (optional); ``justifications_by`` the date by which the written justifications
    are expected (optional: without it, they may be given up to the hearing). Art. 9
    sets no time limit for either: these are the Métropole's choices.
    """

    place: str = attrs.field(validator=_text)
    on: dt.date = attrs.field(validator=a_date)
    at: dt.time | None = attrs.field(default=None, validator=_a_time)
    justifications_by: dt.date | None = attrs.field(default=None, validator=optional(a_date))

    def __attrs_post_init__(self) -> None:
        by = self.justifications_by
        if by is not None and by > self.on:
            raise InvalidValue(
                Message(
                    N_(
                        "the written justifications are expected by {by}, after the hearing on {on}"
                    ),
                    {"by": by.isoformat(), "on": self.on.isoformat()},
                ),
                field="justifications_by",
            )


def _items(value: Iterable[PrejudiceItem]) -> tuple[PrejudiceItem, ...]:
    items = tuple(value)
    for index, item in enumerate(items):
        if not isinstance(item, PrejudiceItem):
            raise InvalidValue(
                f"expected a PrejudiceItem, got {type(item).__name__}", field=f"items[{index}]"
            )
        if (character := unwritable(item.label)) is not None:
            raise InvalidValue(
                Message(UNWRITABLE, {"character": character}), field=f"items[{index}]"
            )
    return items


def _portfolio(
    value: Iterable[tuple[str, Convention]] | None,
) -> tuple[tuple[str, Convention], ...] | None:
    if value is None:
        return None
    pairs = tuple(value)
    for index, pair in enumerate(pairs):
        if (
            not isinstance(pair, tuple)
            or len(pair) != 2
            or not isinstance(pair[0], str)
            or not isinstance(pair[1], Convention)
        ):
            raise InvalidValue(
                "expected pairs (file name, Convention)", field=f"portfolio[{index}]"
            )
    return pairs


@attrs.frozen
class IndemnityRequest:
    """What a termination decision claims under Art. 12 al. 3, when the indemnity is due.

    ``items``: the further prejudice items, beside the market share; ``portfolio``: the
    conventions of a folder, with their file names, to count the beneficiaries « ayant
    contractualisé » (``None``: the number declared in the market data), up to the
    date ``count_until`` says; ``claimed``: ``False`` when the Métropole does not claim
    it (« peut exiger »: a faculty, not a duty).
    """

    items: tuple[PrejudiceItem, ...] = attrs.field(default=(), converter=_items)
    portfolio: tuple[tuple[str, Convention], ...] | None = attrs.field(
        default=None, converter=_portfolio
    )
    count_until: CountUntil = attrs.field(default=CountUntil.CLAIM, validator=member_of(CountUntil))
    claimed: bool = attrs.field(default=True, validator=a_bool)


def _breach_label(_instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is None:
        return
    if not isinstance(value, str) or not BREACH_LABEL.fullmatch(value):
        raise InvalidValue(
            Message(
                N_(
                    "{value} is not a breach label: up to 16 letters, digits, '.', '_' or "
                    "'-', e.g. 'B1'"
                ),
                {"value": repr(value)},
            ),
            field=attribute.name,
        )


def _reason(_instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None:
        _text(_instance, attribute, value)


#: The default of :attr:`Request.indemnity`: claim it when due, from the declared count.
_CLAIM: Final = IndemnityRequest()


@attrs.frozen
class Request:
    """What a document is asked with, beside the convention (see the module).

    ``signatory`` signs for the Métropole; ``on`` dates a letter; ``breach`` names the
    breach a letter is about; ``hearing`` is the convocation's; ``ground``, ``reason``
    and ``effective_on`` describe a termination decision not yet recorded in the file;
    ``indemnity`` what it claims under Art. 12 al. 3.
    """

    signatory: Signatory = attrs.field(
        default=DEFAULT_SIGNATORY, validator=attrs.validators.instance_of(Signatory)
    )
    on: dt.date | None = attrs.field(default=None, validator=optional(a_date))
    breach: str | None = attrs.field(default=None, validator=_breach_label)
    hearing: Hearing | None = attrs.field(
        default=None, validator=optional(attrs.validators.instance_of(Hearing))
    )
    ground: Ground | None = attrs.field(default=None, validator=optional(member_of(Ground)))
    reason: str | None = attrs.field(default=None, validator=_reason)
    effective_on: dt.date | None = attrs.field(default=None, validator=optional(a_date))
    indemnity: IndemnityRequest = attrs.field(
        default=_CLAIM, validator=attrs.validators.instance_of(IndemnityRequest)
    )

    def given(self) -> frozenset[str]:
        """The fields given a value other than their default."""
        return frozenset(
            field.name
            for field in attrs.fields(Request)
            if getattr(self, field.name) != field.default
        )


#: Every field of :class:`Request` a kind may read.
REQUEST_FIELDS: Final = frozenset(field.name for field in attrs.fields(Request))
