"""The filled convention: every placeholder of the contract's template, and its value.

The contract (``convention-appropriation-metropolitaine.txt``) leaves its particulars
in brackets: « [Structure publique] », « [NuméroSIREN] », « jusqu'au [Date] »…
:data:`PLACEHOLDERS` lists them in the order they appear, each with the tag that
replaces it in the .docx template, the field of the convention file that fills it and
the article where it stands; ``scripts/make_convention_template.py`` builds the
template from the contract's text with this table, and :func:`convention_context`
computes the values. A value the file lacks is never left as a bracket: the document
is refused with every missing field (:class:`~mgp_convention.errors.MissingData`).

Decisions where the template is silent:

- « [Condition_1] » (« dûment [Condition_1] à la signature de la présente ») is
  « habilité », agreeing with the representative's civility: « habilitée » for
  « Madame ». Another civility is not guessed: the document is refused.
- « [type de structure] » is the kind's words: « commune », « établissement public
  territorial », « établissement public »; for the kind ``other``, « personne morale de
  droit public », the words the contract uses for the Métropole itself (every
  beneficiary is a public body).
- A date is written as the contract's legal text writes it: « 1er mars 2027 ». Where
  the sentence needs a word before the date, the template adds it: « un début souhaité
  le [Date indicative] », « au-delà de la date du [Date] ».
- « [Préciser les étapes et durée] » and « [Liste des objectifs …] » become lists,
  one step (« cadrage et paramétrage : 1 mois ») or objective per item.
- The Métropole's signatory is a :class:`~mgp_convention.documents.signatory.Signatory`
  (its President, Patrick Ollier, by default).
- The places left blank by the template itself (« Fait en deux exemplaires à »,
  « Le » before each signature) stay blank, to be written by hand when signing.

>>> from mgp_convention.examples import example_convention
>>> values = convention_context(example_convention())
>>> values["end_date"], values["representative_authorised"], values["objectives"][0]
('31 mars 2028', 'habilitée', "réduire le temps d'attente au standard")
>>> values["calendar_steps"][1]
{'label': 'déploiement auprès des agents', 'duration': '15 jours'}

Why over 400 lines: the table of the template's 25 placeholders (each with its tag,
field and article) and the words that fill them belong together: split, a placeholder
would stand apart from the value that fills it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from typing import Any, Final

import attrs

from mgp_convention.convention import Convention, Duration
from mgp_convention.documents._french import agreed, gender_of
from mgp_convention.documents._xml import UNWRITABLE, strings, unwritable
from mgp_convention.documents.signatory import DEFAULT_SIGNATORY, Signatory
from mgp_convention.errors import MissingData, MissingValue
from mgp_convention.i18n import N_, Message, format_day
from mgp_convention.parties import BodyKind

__all__ = [
    "KIND_WORDS",
    "PLACEHOLDERS",
    "SIGNATORY_WORDS",
    "TAGS",
    "Placeholder",
    "convention_context",
]


@attrs.frozen
class Placeholder:
    """One placeholder of the contract's template and what replaces it.

    ``text`` is the placeholder as printed (``[Date]``); ``tag`` the name of its value
    in the template and in :func:`convention_context`; ``field`` the JSON path of the
    convention file that fills it; ``article`` and ``words`` where it stands.
    ``before`` is a word the template adds before the value so that the sentence reads
    (« le »). A list placeholder has ``item``, the name of one item in the template's
    loop, and ``item_text``, how one item is written.
    """

    text: str
    tag: str
    field: str
    article: str
    words: str
    before: str = ""
    item: str | None = None
    item_text: str | None = None

    @property
    def replacement(self) -> str:
        """What the template holds in place of the placeholder: ``{{ tag }}``."""
        return f"{self.before}{{{{ {self.tag} }}}}"


def _p(text: str, tag: str, field: str, article: str, words: str, **extra: str) -> Placeholder:
    return Placeholder(text, tag, field, article, words, **extra)


_BENEFICIARY = "$.beneficiary"
_REPRESENTATIVE = "$.beneficiary.representative"
_EXPERIMENT = "$.experiment"

#: Every placeholder of the contract, in the order it appears (the signature block last).
PLACEHOLDERS: Final[tuple[Placeholder, ...]] = (
    _p(
        "[référence de la délibération aux termes de laquelle le bénéficiaire a été retenu]",
        "metropole_deliberation",
        "$.metropole_deliberation",
        "Préambule",
        "délibération du Bureau de la Métropole en date du [référence de la délibération …]",
    ),
    _p(
        "[Structure publique]",
        "beneficiary_name",
        f"{_BENEFICIARY}.name",
        "Préambule",
        "[Structure publique], [type de structure]",
    ),
    _p(
        "[type de structure]",
        "beneficiary_kind",
        f"{_BENEFICIARY}.kind",
        "Préambule",
        "[Structure publique], [type de structure]",
    ),
    _p(
        "[Adresse]",
        "beneficiary_address",
        f"{_BENEFICIARY}.address",
        "Préambule",
        "dont le siège est à [Adresse]",
    ),
    _p(
        "[NuméroSIREN]",
        "beneficiary_siren",
        f"{_BENEFICIARY}.siren",
        "Préambule",
        "identifiée au SIREN sous le numéro [NuméroSIREN]",
    ),
    _p(
        "[Structure publique]",
        "beneficiary_name",
        f"{_BENEFICIARY}.name",
        "Préambule",
        "[Structure publique] représenté par son [Statut]",
    ),
    _p(
        "[Statut]",
        "representative_title",
        f"{_REPRESENTATIVE}.title",
        "Préambule",
        "représenté par son [Statut] [Genre] [Nom]",
    ),
    _p(
        "[Genre]",
        "representative_civility",
        f"{_REPRESENTATIVE}.civility",
        "Préambule",
        "représenté par son [Statut] [Genre] [Nom]",
    ),
    _p(
        "[Nom]",
        "representative_name",
        f"{_REPRESENTATIVE}.name",
        "Préambule",
        "représenté par son [Statut] [Genre] [Nom]",
    ),
    _p(
        "[Condition_1]",
        "representative_authorised",
        f"{_REPRESENTATIVE}.civility",
        "Préambule",
        "dûment [Condition_1] à la signature de la présente",
    ),
    _p(
        "[Type de document]",
        "authorising_act",
        f"{_BENEFICIARY}.authorising_act",
        "Préambule",
        "en vertu de la [Type de document]",
    ),
    _p(
        "[Thématique]",
        "theme",
        f"{_EXPERIMENT}.theme",
        "Préambule",
        "sur la thématique suivante : [Thématique]",
    ),
    _p(
        "[Objet de la solution]",
        "solution",
        f"{_EXPERIMENT}.solution",
        "Art. 1 al. 2",
        "une solution [Objet de la solution]",
    ),
    _p(
        "[Liste des objectifs et des fonctionnalités attendues]",
        "objectives",
        f"{_EXPERIMENT}.objectives",
        "Art. 1 al. 3",
        "Les objectifs de ce dispositif expérimental sont les suivants : [Liste …]",
        item="objective",
        item_text="{{ objective }}",
    ),
    _p("[Date]", "end_date", "$.end_date", "Art. 2", "jusqu'au [Date]"),
    _p(
        "[X]",
        "duration_months",
        f"{_EXPERIMENT}.duration_months",
        "Art. 5 al. 1",
        "sur une durée de [X] mois",
    ),
    _p(
        "[Date indicative]",
        "indicative_start",
        f"{_EXPERIMENT}.indicative_start",
        "Art. 5 al. 1",
        "avec un début souhaité [Date indicative]",
        before="le ",
    ),
    _p(
        "[Préciser les étapes et durée]",
        "calendar_steps",
        f"{_EXPERIMENT}.calendar",
        "Art. 5 al. 2",
        "le calendrier de déploiement suivant : [Préciser les étapes et durée]",
        item="step",
        item_text="{{ step.label }} : {{ step.duration }}",
    ),
    _p(
        "[Date]",
        "reduced_usage_after",
        f"{_EXPERIMENT}.reduced_usage_after",
        "Art. 5 al. 5",
        "si celle-ci intervenait au-delà de [Date]",
        before="la date du ",
    ),
    _p(
        "[Date]",
        "evaluation_deadline",
        f"{_EXPERIMENT}.evaluation_deadline",
        "Art. 5 al. 5",
        "la finalisation du bilan et de la mesure d'impact avant le [Date]",
    ),
    _p(
        "[Thématique]",
        "theme",
        f"{_EXPERIMENT}.theme",
        "Art. 6",
        "participant à l'appropriation sur la thématique [Thématique]",
    ),
    _p("[Structure]", "beneficiary_name", f"{_BENEFICIARY}.name", "Signatures", "Pour [Structure]"),
    _p(
        "[Titre]",
        "representative_title",
        f"{_REPRESENTATIVE}.title",
        "Signatures",
        "Pour [Structure] [Titre] [Prénom NOM]",
    ),
    _p(
        "[Prénom NOM]",
        "representative_name",
        f"{_REPRESENTATIVE}.name",
        "Signatures",
        "Pour [Structure] [Titre] [Prénom NOM]",
    ),
)

#: The words of the template that name the Métropole's signatory, and the tags that
#: replace them (see :class:`~mgp_convention.documents.signatory.Signatory`).
SIGNATORY_WORDS: Final[tuple[tuple[str, str], ...]] = (
    (
        "son Président, Patrick Ollier dûment mandaté",
        "{{ metropole_signatory_with_possessive }}, {{ metropole_signatory_name }} "
        "dûment {{ metropole_signatory_mandated }}",
    ),
    ("Le Président", "{{ metropole_signatory_title_with_article }}"),
    ("Patrick OLLIER", "{{ metropole_signatory_signature_name }}"),
)

#: The tags of the convention's template: every placeholder's, the signatory's, and
#: ``reference`` (the footer of each page).
TAGS: Final[frozenset[str]] = frozenset(
    {p.tag for p in PLACEHOLDERS}
    | {
        "metropole_signatory_with_possessive",
        "metropole_signatory_name",
        "metropole_signatory_mandated",
        "metropole_signatory_title_with_article",
        "metropole_signatory_signature_name",
        "reference",
    }
)

#: « [type de structure] »: the words of each kind of beneficiary.
KIND_WORDS: Final[Mapping[BodyKind, str]] = {
    BodyKind.COMMUNE: "commune",
    BodyKind.EPT: "établissement public territorial",
    BodyKind.PUBLIC_ESTABLISHMENT: "établissement public",
    BodyKind.OTHER: "personne morale de droit public",
}


def _placeholder(tag: str, index: int = 0) -> Placeholder:
    return [p for p in PLACEHOLDERS if p.tag == tag][index]


def _missing(tag: str, reason: Message | None = None) -> MissingValue:
    placeholder = _placeholder(tag)
    return MissingValue(
        placeholder.field, placeholder.text, placeholder.article, placeholder.words, reason
    )


def _plural(count: int, singular: str, plural: str) -> str:
    return f"{count} {singular if count < 2 else plural}"  # French: 0 and 1 are singular


def duration_words(duration: Duration) -> str:
    """A step's duration in French: « 1 mois », « 15 jours », « 1 mois et 15 jours ».

    >>> duration_words(Duration(months=2, days=1))
    '2 mois et 1 jour'
    """
    parts = []
    if duration.months:
        parts.append(_plural(duration.months, "mois", "mois"))
    if duration.days:
        parts.append(_plural(duration.days, "jour", "jours"))
    return " et ".join(parts)


def _day(day: dt.date | None) -> str | None:
    return None if day is None else format_day(day, "fr")


def convention_context(
    convention: Convention, *, signatory: Signatory = DEFAULT_SIGNATORY
) -> Mapping[str, Any]:
    """The values of the filled convention, by tag: plain text, and lists for the lists.

    The same values the shipped template uses, for a tool with its own template. Raises
    :class:`~mgp_convention.errors.MissingData` listing **every** value the file lacks
    (an Art. 5 al. 5 date, the deployment calendar, a civility « habilité » can agree
    with), never a partial result.
    """
    beneficiary, experiment = convention.beneficiary, convention.experiment
    representative = beneficiary.representative
    missing: list[MissingValue] = []

    gender = gender_of(representative.civility)
    if gender is None:
        missing.append(
            _missing(
                "representative_authorised",
                Message(
                    N_(
                        "the civility {civility} is neither Madame nor Monsieur (« habilité » "
                        "or « habilitée »?)"
                    ),
                    {"civility": repr(representative.civility)},
                ),
            )
        )
    if not experiment.calendar:
        missing.append(
            _missing("calendar_steps", Message(N_("no step in the deployment calendar")))
        )
    if experiment.reduced_usage_after is None:
        missing.append(_missing("reduced_usage_after"))
    if experiment.evaluation_deadline is None:
        missing.append(_missing("evaluation_deadline"))
    if missing:
        raise MissingData("convention", missing)

    values: dict[str, Any] = {
        "reference": convention.reference,
        "metropole_deliberation": convention.metropole_deliberation,
        "metropole_signatory_with_possessive": signatory.with_possessive,
        "metropole_signatory_name": signatory.name,
        "metropole_signatory_mandated": signatory.mandated,
        "metropole_signatory_title_with_article": signatory.title_with_article,
        "metropole_signatory_signature_name": signatory.signature_name,
        "beneficiary_name": beneficiary.name,
        "beneficiary_kind": KIND_WORDS[beneficiary.kind],
        "beneficiary_address": beneficiary.address,
        "beneficiary_siren": beneficiary.siren,
        "representative_title": representative.title,
        "representative_civility": representative.civility,
        "representative_name": representative.name,
        "representative_authorised": agreed("habilité", gender or "m"),
        "authorising_act": beneficiary.authorising_act,
        "theme": experiment.theme,
        "solution": experiment.solution,
        "objectives": list(experiment.objectives),
        "end_date": _day(convention.end_date),
        "duration_months": str(experiment.duration_months),
        "indicative_start": _day(experiment.indicative_start),
        "calendar_steps": [
            {"label": step.label, "duration": duration_words(step.duration)}
            for step in experiment.calendar
        ],
        "reduced_usage_after": _day(experiment.reduced_usage_after),
        "evaluation_deadline": _day(experiment.evaluation_deadline),
    }
    unusable = [
        _missing(tag, Message(UNWRITABLE, {"character": character}))
        for tag, text in _texts(values)
        if (character := unwritable(text)) is not None
    ]
    if unusable:
        raise MissingData("convention", unusable)
    return values


def _texts(values: Mapping[str, Any]) -> Iterator[tuple[str, str]]:
    """Each text of the placeholders' values, with its tag (the signatory's are checked
    by :class:`~mgp_convention.documents.signatory.Signatory`)."""
    for tag in dict.fromkeys(p.tag for p in PLACEHOLDERS):  # each tag once, in order
        yield from ((tag, text) for text in strings(values[tag]))
