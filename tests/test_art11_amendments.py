"""Art. 11: « Toute modification de la présente convention fera l'objet d'un avenant […].
Les avenants ultérieurs feront partie de la présente convention ».

The terms an amendment changes: the end date, the experiment, the market (Art. 12 al. 3
reads the market of the terms in force).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from mgp_convention.articles.art11_amendments import Terms, amendment_acceptable
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


JUNE_1 = dt.date(2027, 6, 1)  # a Tuesday; the example ends on 31 March 2028


def test_a_new_end_date_before_the_amendment_itself_is_refused_in_both_languages() -> None:
    refusal = amendment_acceptable(
        JUNE_1, Terms.of(example_convention()), Changes(end_date=dt.date(2027, 5, 31))
    )
    assert refusal is not None
    assert refusal.render("en") == (
        "the new end date, Monday 31 May 2027, comes before the amendment's own date, "
        "Tuesday 1 June 2027"
    )
    assert refusal.render("fr") == (
        "la nouvelle date de fin, le lundi 31 mai 2027, précède la date de l'avenant "
        "lui-même, le mardi 1er juin 2027"
    )


def test_an_amendment_that_breaks_a_rule_of_the_convention_says_which_in_each_language() -> None:
    # The example's evaluation deadline is 31 December 2027 (Art. 5 al. 5): an end date of
    # 30 November 2027 comes before it (Art. 2); an al. 5 date of 15 January 2028 comes
    # after it. Each problem is said in the language of the refusal (it was English
    # inside a French sentence).
    terms = Terms.of(example_convention())
    end = amendment_acceptable(JUNE_1, terms, Changes(end_date=dt.date(2027, 11, 30)))
    assert end is not None
    assert end.render("fr") == (
        "les clauses modifiées ne sont pas cohérentes : experiment.evaluation_deadline: la "
        "date limite du bilan (2027-12-31) vient après la date de fin (2027-11-30) (Art. 2)"
    )
    assert end.render("en") == (
        "the amended terms are not coherent: experiment.evaluation_deadline: the evaluation "
        "deadline (2027-12-31) comes after the end date (2027-11-30) (Art. 2)"
    )
    al5 = amendment_acceptable(JUNE_1, terms, Changes(reduced_usage_after=dt.date(2028, 1, 15)))
    assert al5 is not None
    assert al5.render("en") == (
        "the amended terms are not coherent: reduced_usage_after: the setup date beyond which "
        "usage is reduced (2028-01-15) comes after the evaluation deadline (2027-12-31) "
        "(Art. 5 al. 5)"
    )
    assert al5.render("fr").startswith("les clauses modifiées ne sont pas cohérentes : ")


def test_an_amendment_that_keeps_the_convention_coherent_is_accepted() -> None:
    changes = Changes(end_date=dt.date(2028, 6, 30))
    assert amendment_acceptable(JUNE_1, Terms.of(example_convention()), changes) is None


def test_every_rule_an_amendment_breaks_is_said_one_after_the_other() -> None:
    # An amendment signed on Friday 15 January 2027 that ends the convention on 1 February
    # 2027 breaks two rules of Art. 2 at once: the end comes before the planned start
    # (1 March 2027) and before the evaluation deadline (31 December 2027).
    refusal = amendment_acceptable(
        dt.date(2027, 1, 15), Terms.of(example_convention()), Changes(end_date=dt.date(2027, 2, 1))
    )
    assert refusal is not None
    assert refusal.render("en") == (
        "the amended terms are not coherent: end_date: the end date (2027-02-01) comes before "
        "the experiment's indicative start (2027-03-01) (Art. 2); "
        "experiment.evaluation_deadline: the evaluation deadline (2027-12-31) comes after the "
        "end date (2027-02-01) (Art. 2)"
    )
    assert refusal.render("fr") == (
        "les clauses modifiées ne sont pas cohérentes : end_date: la date de fin (2027-02-01) "
        "vient avant le début souhaité de l'expérimentation (2027-03-01) (Art. 2) ; "
        "experiment.evaluation_deadline: la date limite du bilan (2027-12-31) vient après la "
        "date de fin (2027-02-01) (Art. 2)"
    )
