"""A valid, clearly fictional convention to start from (``mgp-convention example``).

The commune « Valmont-sur-Marne » does not exist; its SIREN ``999000011`` has a valid
check digit but belongs to no real body.

>>> convention = example_convention()
>>> convention.beneficiary.name
'Commune de Valmont-sur-Marne (fictive)'
>>> [event.type for event in convention.events]
['signature', 'signature']
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from mgp_convention.convention import CalendarStep, Convention, Duration, Experiment, Market
from mgp_convention.events import Party, Signature
from mgp_convention.parties import BodyKind, PublicBody, Referent, Representative

__all__ = ["example_convention"]


def example_convention() -> Convention:
    """A convention signed by both parties, whose experiment has not started yet."""
    return Convention(
        reference="MGP-AM-2026-EX-001",
        metropole_deliberation="Délibération du Bureau n° BM 2026/00 (fictive)",
        beneficiary=PublicBody(
            name="Commune de Valmont-sur-Marne (fictive)",
            kind=BodyKind.COMMUNE,
            address="1 place de la Mairie, 94999 Valmont-sur-Marne",
            siren="999000011",
            representative=Representative(title="Maire", civility="Madame", name="Camille Exemple"),
            authorising_act="délibération du conseil municipal n° 2026-000 (fictive)",
        ),
        referent=Referent(
            name="Dominique Modèle",
            email="referent.ia@valmont-sur-marne.example",
            phone="01 00 00 00 00",
        ),
        experiment=Experiment(
            theme="Accueil des usagers",
            solution="assistant conversationnel pour l'accueil téléphonique",
            objectives=(
                "réduire le temps d'attente au standard",
                "orienter les usagers vers le bon service",
            ),
            duration_months=6,
            indicative_start=dt.date(2027, 3, 1),
            calendar=(
                CalendarStep("cadrage et paramétrage", Duration(months=1)),
                CalendarStep("déploiement auprès des agents", Duration(days=15)),
                CalendarStep("utilisation", Duration(months=6)),
            ),
            reduced_usage_after=dt.date(2027, 5, 1),
            evaluation_deadline=dt.date(2027, 12, 31),
            evaluation_period=Duration(months=2),
        ),
        market=Market(
            reference="MGP-2026-AM-ACCUEIL (fictif)",
            total_ttc=Decimal("180000.00"),
            beneficiaries=3,
        ),
        end_date=dt.date(2028, 3, 31),
        events=(
            Signature(dt.date(2026, 11, 12), party=Party.BENEFICIARY),
            Signature(dt.date(2026, 11, 19), party=Party.METROPOLE),
        ),
    )
