"""Art. 11: « Toute modification de la présente convention fera l'objet d'un avenant […].
Les avenants ultérieurs feront partie de la présente convention ».

The terms an amendment changes: the end date, the experiment, the market (Art. 12 al. 3
reads the market of the terms in force).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from mgp_convention.articles.art11_amendments import Terms
from mgp_convention.events import Changes
from mgp_convention.examples import example_convention


def test_an_amendment_of_the_market_changes_the_market_of_the_terms() -> None:
    # The example's market: 180,000.00 € TTC for 3 beneficiaries. An amendment signed on
    # 15 January 2027 raises the total to 200,000.00 € and the count to 4; the other terms
    # (end date, experiment) stay as signed, and the new terms are in force from that day.
    signed = Terms.of(example_convention())
    amended = signed.amended(
        Changes(market_total_ttc=Decimal("200000.00"), market_beneficiaries=4),
        dt.date(2027, 1, 15),
    )
    assert (amended.market.total_ttc, amended.market.beneficiaries) == (Decimal("200000.00"), 4)
    assert (signed.market.total_ttc, signed.market.beneficiaries) == (Decimal("180000.00"), 3)
    assert (amended.end_date, amended.experiment) == (signed.end_date, signed.experiment)
    assert amended.since == dt.date(2027, 1, 15)


def test_an_amendment_of_the_end_date_leaves_the_market_as_signed() -> None:
    signed = Terms.of(example_convention())
    amended = signed.amended(Changes(end_date=dt.date(2028, 6, 30)), dt.date(2027, 1, 15))
    assert amended.end_date == dt.date(2028, 6, 30)
    assert amended.market == signed.market
