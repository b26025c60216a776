"""JSON-ready output of the package's values: the converter of reports (``--json``).

A second cattrs converter, apart from the file's (:mod:`mgp_convention._converter`):
a report is written, never read back, and shows the package's values as a program
reads them, with stable English codes:

- a date as ISO 8601 (``"2027-01-04"``); a path as its text;
- an amount (``Decimal``) as a string with two decimals, rounded half up to the cent
  (``"180000.00"``, :func:`~mgp_convention.money.json_euros`);
- an enumeration member by its value (``"share_data"``);
- a :class:`~mgp_convention.citations.Citation` as ``{"article": "Art. 12 al. 2",
  "text": "…"}`` (its label and the quoted text);
- an attrs class as the mapping of its fields, generated once per class by cattrs,
  recursively; a tuple as a list.

Every value of the package written in a report has its hook here or next to its class,
registered once; its public ``to_json()`` is one line, ``return json_object(self)``:

- when the JSON is the value's fields as they are, no hook: the generic one (e.g.
  ``PrejudiceItem``, ``ScheduledStep``);
- when fields are only renamed or left out, cattrs generates the hook, with overrides::

      report_converter.register_unstructure_hook(
          SkippedDay,
          make_dict_unstructure_fn(SkippedDay, report_converter, day=override(rename="date")),
      )

- when the shape really differs (a property added, a message in both languages, a
  value flattened in), a small hand hook, saying why in a comment, registered with
  :func:`report_hook`; :func:`bilingual` and :func:`labelled` write the pairs of keys
  the reports repeat, and nested values go through :func:`to_json`::

      @report_hook(Refusal)
      def _refusal_json(refusal: Refusal) -> dict[str, Any]:
          # By hand: the reason in both languages, the citation by its label only.
          return {"event": refusal.event, **bilingual("reason", refusal.reason), ...}

- a value the converter does not know (a new kind of leaf) gets its hook here, once for
  the package.

>>> import datetime as dt
>>> from decimal import Decimal
>>> from mgp_convention.citations import Citation
>>> to_json({"on": dt.date(2027, 1, 4), "amount": Decimal("2.5")})
{'on': '2027-01-04', 'amount': '2.50'}
>>> to_json(Citation("Art. 12", "al. 2", "un délai de trente jours"))
{'article': 'Art. 12 al. 2', 'text': 'un délai de trente jours'}
>>> from mgp_convention.events import Obligation
>>> type(to_json(Obligation.SHARE_DATA))
<class 'str'>
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable
from decimal import Decimal
from pathlib import PurePath
from typing import Any, Final, Protocol, TypeVar

import cattrs

from mgp_convention.citations import Citation
from mgp_convention.i18n import Labelled, Message
from mgp_convention.money import json_euros

__all__ = ["bilingual", "json_object", "labelled", "report_converter", "report_hook", "to_json"]

report_converter: Final = cattrs.Converter()
"""The package's converter of reports (never cattrs' global one)."""

_T = TypeVar("_T")


def report_hook(cls: type[_T]) -> Callable[[Callable[[_T], Any]], Callable[[_T], Any]]:
    """Register the decorated function as the hook of ``cls`` on the report converter
    (for a JSON shaped by hand: fields renamed, left out or added)."""

    def register(hook: Callable[[_T], Any]) -> Callable[[_T], Any]:
        report_converter.register_unstructure_hook(cls, hook)
        return hook

    return register


def _citation(citation: Citation) -> dict[str, str]:
    return {"article": citation.label, "text": citation.text}


report_converter.register_unstructure_hook(dt.date, dt.date.isoformat)
report_converter.register_unstructure_hook(Decimal, json_euros)
report_converter.register_unstructure_hook(Citation, _citation)
report_converter.register_unstructure_hook(PurePath, str)
# By value; StrEnum and IntEnum by name too, or they would pass as the str or int they are.
for _kind in (enum.Enum, enum.StrEnum, enum.IntEnum):
    report_converter.register_unstructure_hook(_kind, lambda member: member.value)
# A tuple is written as a list (JSON has no tuples; json.dumps would do the same).
report_converter.register_unstructure_hook_func(
    lambda type_: type_ is tuple or getattr(type_, "__origin__", None) is tuple,
    lambda value: [report_converter.unstructure(item) for item in value],
)


def to_json(value: Any) -> Any:
    """``value`` as JSON-ready data (dicts, lists, strings, numbers, booleans, null)."""
    return report_converter.unstructure(value)


def bilingual(key: str, message: Message | None) -> dict[str, str | None]:
    """``{key: French, key_en: English}`` (both ``None`` for no message).

    >>> bilingual("message", Message("No formal notice sent"))
    {'message': 'Aucune mise en demeure envoyée', 'message_en': 'No formal notice sent'}
    """
    if message is None:
        return {key: None, f"{key}_en": None}
    return {key: message.render("fr"), f"{key}_en": message.render("en")}


class _LabelledCode(Labelled, Protocol):
    """An enumeration member with labels (:class:`~mgp_convention.i18n.Labelled`)."""

    @property
    def value(self) -> str: ...


def labelled(key: str, member: _LabelledCode | None, *, fr: str = "_label") -> dict[str, Any]:
    """``{key: code, key_label: French, key_label_en: English}`` for a labelled
    enumeration member (all ``None`` for no member); ``fr``: the French label's suffix.

    >>> from mgp_convention.events import Ground
    >>> labelled("ground", Ground.BREACH)
    {'ground': 'breach', 'ground_label': 'manquement', 'ground_label_en': 'breach'}
    """
    if member is None:
        return {key: None, f"{key}{fr}": None, f"{key}_label_en": None}
    return {
        key: member.value,
        f"{key}{fr}": member.label("fr"),
        f"{key}_label_en": member.label("en"),
    }


def json_object(value: Any) -> dict[str, Any]:
    """:func:`to_json` of a value written as a JSON object (an attrs class, a mapping)."""
    data: dict[str, Any] = report_converter.unstructure(value)
    return data
