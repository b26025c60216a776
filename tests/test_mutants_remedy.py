"""Art. 12 al. 2: the remedy deadline's rule, explanation, JSON and errors, word for word.

These tests pin the exact text a programme officer reads (``rule``, ``explain()``,
``to_json()``) and every error message with its field and article, so that a changed
word, a dropped option sentence or a lost field fails (mutation testing, see
docs/mutation-and-coverage.md). Each expected text was written by hand from the
rule it states; the dates were counted on a paper calendar, as explained beside each.
"""

from __future__ import annotations

import datetime as dt

import pytest

from mgp_convention.articles.art12_remedy import (
    ART12_REMEDY,
    RemedyOptions,
    remedy_deadline,
    remedy_expiry,
)
from mgp_convention.errors import DateError, InvalidValue

D = dt.date
NAIVE = dt.datetime(2026, 12, 2, 10, 0)

# --- the rule, as printed after « Règle appliquée » -----------------------------------

RULE_FR_DEFAULT = (
    "Art. 12 al. 2 : délai de 30 jours ; à compter de l'envoi de la lettre recommandée "
    "(CPC 669 al. 1) ; le jour 0 ne compte pas (CPC 641 al. 1) ; le délai expire le dernier "
    "jour à 24 h (CPC 642 al. 1) ; il est prorogé au premier jour ouvrable suivant s'il "
    "expire un samedi, un dimanche, un jour férié (C. trav. L3133-1) ou chômé "
    "(CPC 642 al. 2)."
)
RULE_EN_DEFAULT = (
    "Art. 12 al. 2: a period of 30 days; from the sending of the registered letter "
    "(CPC 669 al. 1); day 0 does not count (CPC 641 al. 1); the period ends on its last "
    "day at midnight (CPC 642 al. 1); it is extended to the next working day when it would "
    "end on a Saturday, a Sunday, a public holiday (C. trav. L3133-1) or a closed day "
    "(CPC 642 al. 2)."
)
RULE_FR_NO_EXTENSION = (
    "Art. 12 al. 2 : délai de 30 jours ; à compter de l'envoi de la lettre recommandée "
    "(CPC 669 al. 1) ; le jour 0 ne compte pas (CPC 641 al. 1) ; le délai expire le dernier "
    "jour à 24 h (CPC 642 al. 1) ; sans report au jour ouvrable suivant (option)."
)
RULE_EN_NO_EXTENSION = (
    "Art. 12 al. 2: a period of 30 days; from the sending of the registered letter "
    "(CPC 669 al. 1); day 0 does not count (CPC 641 al. 1); the period ends on its last "
    "day at midnight (CPC 642 al. 1); without extension to the next working day (option)."
)
# Every option away from its default: 15 days, from receipt, franc, two closed days
# (given out of order: the rule lists them sorted).
RULE_FR_ALL_OPTIONS = (
    "Art. 12 al. 2 : délai de 15 jours (option ; le contrat prévoit trente jours) ; à "
    "compter de la réception de la lettre recommandée (date apposée par La Poste, CPC 669 "
    "al. 3 ; option) ; le jour 0 ne compte pas (CPC 641 al. 1) ; délai franc (option) : il "
    "expire le lendemain du 15e jour ; le délai expire le dernier jour à 24 h (CPC 642 "
    "al. 1) ; il est prorogé au premier jour ouvrable suivant s'il expire un samedi, un "
    "dimanche, un jour férié (C. trav. L3133-1) ou chômé (CPC 642 al. 2) ; jours chômés "
    "indiqués : 2026-12-11, 2026-12-31."
)
RULE_EN_ALL_OPTIONS = (
    "Art. 12 al. 2: a period of 15 days (option; the contract says thirty days); from the "
    "receipt of the registered letter (the date La Poste stamps on delivery, CPC 669 al. 3; "
    "option); day 0 does not count (CPC 641 al. 1); délai franc (option): it ends on the "
    "day after day 15; the period ends on its last day at midnight (CPC 642 al. 1); it is "
    "extended to the next working day when it would end on a Saturday, a Sunday, a public "
    "holiday (C. trav. L3133-1) or a closed day (CPC 642 al. 2); closed days given: "
    "2026-12-11, 2026-12-31."
)

ALL_OPTIONS = RemedyOptions(
    days=15,
    count_from="receipt",
    received_on=D(2026, 11, 25),
    franc=True,
    extra_closed_days=[D(2026, 12, 31), D(2026, 12, 11)],
)


def test_rule_with_the_defaults() -> None:
    deadline = remedy_deadline(D(2026, 12, 2))
    assert deadline.rule == RULE_FR_DEFAULT
    assert deadline.rule_en == RULE_EN_DEFAULT


def test_rule_without_extension() -> None:
    deadline = remedy_deadline(D(2026, 12, 2), RemedyOptions(extend=False))
    assert deadline.rule == RULE_FR_NO_EXTENSION
    assert deadline.rule_en == RULE_EN_NO_EXTENSION


def test_rule_with_every_option() -> None:
    deadline = remedy_deadline(D(2026, 11, 20), ALL_OPTIONS)
    assert deadline.rule == RULE_FR_ALL_OPTIONS
    assert deadline.rule_en == RULE_EN_ALL_OPTIONS


def test_rule_with_one_closed_day_only() -> None:
    # One closed day: no separator; the sentence is appended to the extension sentence.
    deadline = remedy_deadline(D(2026, 3, 2), RemedyOptions(extra_closed_days=[D(2026, 4, 1)]))
    assert deadline.rule == RULE_FR_DEFAULT[:-1] + " ; jours chômés indiqués : 2026-04-01."
    assert deadline.rule_en == RULE_EN_DEFAULT[:-1] + "; closed days given: 2026-04-01."


# --- the explanation ---------------------------------------------------------------------


def test_explain_a_deadline_moved_past_new_year_and_a_weekend() -> None:
    # Sent Wed 2 Dec 2026 (day 0). Day 30 = Fri 1 Jan 2027, jour de l'an; Sat 2 and Sun 3
    # follow, so the deadline is Mon 4 Jan 2027; termination from Tue 5 Jan 2027.
    deadline = remedy_deadline(D(2026, 12, 2))
    assert deadline.explain() == (
        "La lettre recommandée a été envoyée le mercredi 2 décembre 2026 (jour 0, qui ne "
        "compte pas). Le 30e jour est le vendredi 1er janvier 2027. Le délai est prorogé au "
        "premier jour ouvrable suivant (CPC 642 al. 2) ; jours non ouvrables passés : "
        "vendredi 1er janvier 2027 (jour férié : 1er janvier), samedi 2 janvier 2027 "
        "(samedi), dimanche 3 janvier 2027 (dimanche). Le délai pour remédier au manquement "
        "expire le lundi 4 janvier 2027 à 24 h : une remédiation datée de ce jour est dans "
        "les temps, et la résiliation pour manquement est possible à partir du mardi "
        "5 janvier 2027. Règle appliquée : " + RULE_FR_DEFAULT
    )
    assert deadline.explain("en") == (
        "The registered letter was sent on Wednesday 2 December 2026 (day 0, not counted). "
        "Day 30 is Friday 1 January 2027. The deadline moves to the next working day "
        "(CPC 642 al. 2); non-working days skipped: Friday 1 January 2027 (public holiday: "
        "New Year's Day), Saturday 2 January 2027 (Saturday), Sunday 3 January 2027 "
        "(Sunday). The deadline to remedy the breach is Monday 4 January 2027 at midnight: "
        "a remedy dated that day is in time, and termination for breach is allowed from "
        "Tuesday 5 January 2027. Rule applied: " + RULE_EN_DEFAULT
    )


def test_explain_a_deadline_on_a_working_day() -> None:
    # Sent Mon 2 Mar 2026. Day 30 = Wed 1 Apr 2026, a working day: nothing is skipped.
    deadline = remedy_deadline(D(2026, 3, 2))
    assert deadline.explain() == (
        "La lettre recommandée a été envoyée le lundi 2 mars 2026 (jour 0, qui ne compte "
        "pas). Le 30e jour est le mercredi 1er avril 2026, un jour ouvrable. Le délai pour "
        "remédier au manquement expire le mercredi 1er avril 2026 à 24 h : une remédiation "
        "datée de ce jour est dans les temps, et la résiliation pour manquement est possible "
        "à partir du jeudi 2 avril 2026. Règle appliquée : " + RULE_FR_DEFAULT
    )
    assert deadline.explain("en") == (
        "The registered letter was sent on Monday 2 March 2026 (day 0, not counted). Day 30 "
        "is Wednesday 1 April 2026, a working day. The deadline to remedy the breach is "
        "Wednesday 1 April 2026 at midnight: a remedy dated that day is in time, and "
        "termination for breach is allowed from Thursday 2 April 2026. Rule applied: "
        + RULE_EN_DEFAULT
    )


def test_explain_without_extension_on_a_holiday() -> None:
    # Sent Wed 2 Dec 2026, no extension: the deadline stays on Fri 1 Jan 2027, a holiday,
    # and the explanation says the extension is turned off; termination from Sat 2 Jan.
    deadline = remedy_deadline(D(2026, 12, 2), RemedyOptions(extend=False))
    assert deadline.explain() == (
        "La lettre recommandée a été envoyée le mercredi 2 décembre 2026 (jour 0, qui ne "
        "compte pas). Le 30e jour est le vendredi 1er janvier 2027. Ce jour n'est pas "
        "ouvrable (jour férié : 1er janvier), mais le report est écarté (option). Le délai "
        "pour remédier au manquement expire le vendredi 1er janvier 2027 à 24 h : une "
        "remédiation datée de ce jour est dans les temps, et la résiliation pour manquement "
        "est possible à partir du samedi 2 janvier 2027. Règle appliquée : " + RULE_FR_NO_EXTENSION
    )
    assert deadline.explain("en") == (
        "The registered letter was sent on Wednesday 2 December 2026 (day 0, not counted). "
        "Day 30 is Friday 1 January 2027. That day is not a working day (public holiday: "
        "New Year's Day), but the extension is turned off (option). The deadline to remedy "
        "the breach is Friday 1 January 2027 at midnight: a remedy dated that day is in "
        "time, and termination for breach is allowed from Saturday 2 January 2027. Rule "
        "applied: " + RULE_EN_NO_EXTENSION
    )


def test_explain_without_extension_on_a_given_closed_day() -> None:
    # Sent Mon 2 Mar 2026; day 30 = Wed 1 Apr 2026, a working day that the user gives as
    # a jour chômé; no extension: the explanation names the closed day as the reason.
    options = RemedyOptions(extend=False, extra_closed_days=[D(2026, 4, 1)])
    text = remedy_deadline(D(2026, 3, 2), options).explain()
    assert (
        "Le 30e jour est le mercredi 1er avril 2026. Ce jour n'est pas ouvrable (jour chômé "
        "indiqué), mais le report est écarté (option)."
    ) in text
    text_en = remedy_deadline(D(2026, 3, 2), options).explain("en")
    assert (
        "Day 30 is Wednesday 1 April 2026. That day is not a working day (closed day "
        "(given)), but the extension is turned off (option)."
    ) in text_en


def test_explain_with_every_option() -> None:
    # Sent Fri 20 Nov 2026, received Wed 25 Nov 2026 (day 0); 15 days: day 15 = Thu 10 Dec;
    # franc: last day Fri 11 Dec, which the user gives as closed; Sat 12, Sun 13 follow:
    # the deadline is Mon 14 Dec 2026, termination from Tue 15 Dec 2026.
    deadline = remedy_deadline(D(2026, 11, 20), ALL_OPTIONS)
    assert deadline.expires_on == D(2026, 12, 14)
    assert deadline.explain() == (
        "La lettre recommandée a été envoyée le vendredi 20 novembre 2026 et reçue le "
        "mercredi 25 novembre 2026 ; le délai court à compter de la réception (jour 0, qui "
        "ne compte pas). Le 15e jour est le jeudi 10 décembre 2026 ; le délai étant franc, "
        "son dernier jour est le lendemain, le vendredi 11 décembre 2026. Le délai est "
        "prorogé au premier jour ouvrable suivant (CPC 642 al. 2) ; jours non ouvrables "
        "passés : vendredi 11 décembre 2026 (jour chômé indiqué), samedi 12 décembre 2026 "
        "(samedi), dimanche 13 décembre 2026 (dimanche). Le délai pour remédier au "
        "manquement expire le lundi 14 décembre 2026 à 24 h : une remédiation datée de ce "
        "jour est dans les temps, et la résiliation pour manquement est possible à partir "
        "du mardi 15 décembre 2026. Règle appliquée : " + RULE_FR_ALL_OPTIONS
    )
    assert deadline.explain("en") == (
        "The registered letter was sent on Friday 20 November 2026 and received on "
        "Wednesday 25 November 2026; the period runs from its receipt (day 0, not counted). "
        "Day 15 is Thursday 10 December 2026; as the period is franc, its last day is the "
        "day after, Friday 11 December 2026. The deadline moves to the next working day "
        "(CPC 642 al. 2); non-working days skipped: Friday 11 December 2026 (closed day "
        "(given)), Saturday 12 December 2026 (Saturday), Sunday 13 December 2026 (Sunday). "
        "The deadline to remedy the breach is Monday 14 December 2026 at midnight: a remedy "
        "dated that day is in time, and termination for breach is allowed from Tuesday "
        "15 December 2026. Rule applied: " + RULE_EN_ALL_OPTIONS
    )


def test_to_json_with_every_option() -> None:
    # Same dates as test_explain_with_every_option.
    assert remedy_deadline(D(2026, 11, 20), ALL_OPTIONS).to_json() == {
        "sent_on": "2026-11-20",
        "received_on": "2026-11-25",
        "count_from": "receipt",
        "start_on": "2026-11-25",
        "days": 15,
        "franc": True,
        "extend": True,
        "extra_closed_days": ["2026-12-11", "2026-12-31"],
        "day_n": "2026-12-10",
        "nominal_expiry": "2026-12-11",
        "expires_on": "2026-12-14",
        "skipped": [
            {
                "date": "2026-12-11",
                "reason": "jour chômé indiqué",
                "reason_en": "closed day (given)",
            },
            {"date": "2026-12-12", "reason": "samedi", "reason_en": "Saturday"},
            {"date": "2026-12-13", "reason": "dimanche", "reason_en": "Sunday"},
        ],
        "termination_allowed_from": "2026-12-15",
        "rule": RULE_FR_ALL_OPTIONS,
        "rule_en": RULE_EN_ALL_OPTIONS,
        "article": "Art. 12 al. 2",
        "citation": ART12_REMEDY.text,
    }


def test_to_json_with_the_defaults() -> None:
    # Sent Mon 2 Mar 2026: day 30 = Wed 1 Apr 2026, a working day, not franc, no receipt.
    assert remedy_deadline(D(2026, 3, 2)).to_json() == {
        "sent_on": "2026-03-02",
        "received_on": None,
        "count_from": "sending",
        "start_on": "2026-03-02",
        "days": 30,
        "franc": False,
        "extend": True,
        "extra_closed_days": [],
        "day_n": "2026-04-01",
        "nominal_expiry": "2026-04-01",
        "expires_on": "2026-04-01",
        "skipped": [],
        "termination_allowed_from": "2026-04-02",
        "rule": RULE_FR_DEFAULT,
        "rule_en": RULE_EN_DEFAULT,
        "article": "Art. 12 al. 2",
        "citation": ART12_REMEDY.text,
    }


# --- errors: message, field and article ------------------------------------------------


def test_options_errors_word_for_word() -> None:
    with pytest.raises(InvalidValue) as info:
        RemedyOptions(extend="yes")  # type: ignore[arg-type]
    assert str(info.value) == "extend: expected true or false, got 'yes'"
    with pytest.raises(InvalidValue) as info:
        RemedyOptions(count_from="delivery")  # type: ignore[arg-type]
    assert str(info.value) == (
        "count_from: expected 'sending' or 'receipt', got 'delivery' (Art. 12 al. 2)"
    )
    with pytest.raises(DateError) as info:
        RemedyOptions(count_from="receipt")
    assert str(info.value) == (
        "received_on: counting from receipt needs the date the letter was received (Art. 12 al. 2)"
    )
    with pytest.raises(InvalidValue) as info:
        RemedyOptions(received_on=D(2026, 1, 1))
    assert str(info.value) == (
        "received_on: received_on is only used when counting from receipt "
        "(count_from='receipt'); the contract counts from the sending (Art. 12 al. 2)"
    )
    with pytest.raises(DateError) as info:
        RemedyOptions(count_from="receipt", received_on=NAIVE)
    assert info.value.field == "received_on"


def test_naive_dates_name_their_field() -> None:
    deadline = remedy_deadline(D(2026, 12, 2))
    with pytest.raises(DateError) as info:
        deadline.is_in_time(NAIVE)
    assert info.value.field == "on"
    with pytest.raises(DateError) as info:
        deadline.has_expired(NAIVE)
    assert info.value.field == "on"
    with pytest.raises(DateError) as info:
        remedy_expiry(NAIVE)
    assert info.value.field == "sent_on"
    with pytest.raises(DateError) as info:
        remedy_deadline(NAIVE)
    assert info.value.field == "sent_on"


def test_aware_datetimes_are_their_paris_date() -> None:
    # 23:30 UTC on Tue 1 Dec 2026 is 00:30 on Wed 2 Dec 2026 in Paris (UTC+1 in winter).
    late = dt.datetime(2026, 12, 1, 23, 30, tzinfo=dt.UTC)
    deadline = remedy_deadline(D(2026, 12, 2))
    assert remedy_expiry(late) == D(2027, 1, 4)
    assert remedy_deadline(late).sent_on == D(2026, 12, 2)
    # Mon 4 Jan 2027 at 23:00 Paris is still the deadline day; 23:30 UTC is Tue 5 Jan.
    assert deadline.is_in_time(dt.datetime(2027, 1, 4, 22, 0, tzinfo=dt.UTC))
    assert deadline.has_expired(dt.datetime(2027, 1, 4, 23, 30, tzinfo=dt.UTC))


def test_out_of_range_messages() -> None:
    # 20 Dec 9999 + 30 days is after 31 Dec 9999, the last date Python can hold.
    with pytest.raises(DateError) as info:
        remedy_deadline(D(9999, 12, 20))
    assert str(info.value) == (
        "days: a period of 30 days from 9999-12-20 ends after year 9999 (Art. 12 al. 2)"
    )
    with pytest.raises(DateError) as info:
        remedy_expiry(D(9999, 12, 20))
    assert str(info.value) == (
        "days: a period of 30 days from 9999-12-20 ends after year 9999 (Art. 12 al. 2)"
    )
    with pytest.raises(DateError) as info:
        remedy_expiry(D(2026, 1, 1), RemedyOptions(days=10**9, extend=False))
    assert str(info.value) == (
        "days: a period of 1000000000 days from 2026-01-01 ends after year 9999 (Art. 12 al. 2)"
    )


def test_a_period_of_one_day_is_singular() -> None:
    # RemedyOptions(days=1) is allowed (days ≥ 1): sent Mon 2 Mar 2026, day 1 = Tue 3 Mar.
    deadline = remedy_deadline(D(2026, 3, 2), RemedyOptions(days=1, franc=True))
    texts = deadline.explain() + deadline.explain("en")
    assert [w for w in ("1 jours", "1 days", "1e jour") if w in texts] == []
    for words in (
        "délai de 1 jour (option",
        "Le 1er jour est le mardi 3 mars 2026",
        "lendemain du 1er jour",
    ):
        assert words in texts
    assert "a period of 1 day (option" in texts
