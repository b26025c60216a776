"""Art. 12 al. 2: the 30-day remedy deadline (CPC 641–642, C. trav. L3133-1).

The table below was computed by hand, from a paper calendar: each line says how. Easter
Sundays used: 2005-03-27, 2008-03-23, 2018-04-01, 2026-04-05, 2027-03-28, 2028-04-16
(Easter Monday = +1 day, Ascension = +39, Whit Monday = +50).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from mgp_convention.articles.art12_remedy import (
    ART12_REMEDY,
    DEFAULT_REMEDY_OPTIONS,
    REMEDY_PERIOD_DAYS,
    RemedyDeadline,
    RemedyOptions,
    SkippedDay,
    remedy_deadline,
    remedy_expiry,
)
from mgp_convention.calendar import is_working_day
from mgp_convention.errors import DateError, InvalidValue

D = dt.date
UTC = dt.UTC
CET = dt.timezone(dt.timedelta(hours=1))
CEST = dt.timezone(dt.timedelta(hours=2))


def case(
    case_id: str,
    sent: dt.date | dt.datetime,
    expires: dt.date,
    skipped: tuple[dt.date, ...] = (),
    **options: Any,
) -> Any:
    """One line of the table: ``skipped`` are the days the deadline moved past."""
    return pytest.param(sent, options, expires, skipped, id=case_id)


CASES = [
    # --- weekends --------------------------------------------------------------------
    # sent Mon 2 Mar 2026; day 30 = Wed 1 Apr 2026, a working day.
    case("working-day", D(2026, 3, 2), D(2026, 4, 1)),
    # sent Thu 10 Sep 2026; day 30 = Sat 10 Oct; Sun 11 follows → Mon 12 Oct 2026.
    case("saturday", D(2026, 9, 10), D(2026, 10, 12), (D(2026, 10, 10), D(2026, 10, 11))),
    # sent Fri 11 Sep 2026; day 30 = Sun 11 Oct → Mon 12 Oct 2026.
    case("sunday", D(2026, 9, 11), D(2026, 10, 12), (D(2026, 10, 11),)),
    # --- the 11 public holidays of L3133-1 ----------------------------------------------
    # sent Wed 2 Dec 2026; day 30 = Fri 1 Jan 2027, jour de l'an; Sat 2, Sun 3 → Mon 4 Jan.
    case(
        "new-year-then-weekend",
        D(2026, 12, 2),
        D(2027, 1, 4),
        (D(2027, 1, 1), D(2027, 1, 2), D(2027, 1, 3)),
    ),
    # sent Thu 2 Dec 2027; day 30 = Sat 1 Jan 2028 (holiday and Saturday); Sun 2 → Mon 3.
    case("new-year-on-saturday", D(2027, 12, 2), D(2028, 1, 3), (D(2028, 1, 1), D(2028, 1, 2))),
    # sent Sat 7 Mar 2026; day 30 = Mon 6 Apr 2026, Easter Monday (Easter 5 Apr) → Tue 7.
    case("easter-monday-2026", D(2026, 3, 7), D(2026, 4, 7), (D(2026, 4, 6),)),
    # sent Thu 5 Mar 2026; day 30 = Sat 4 Apr; Sun 5; Mon 6 Easter Monday → Tue 7 Apr.
    case(
        "weekend-then-easter-monday",
        D(2026, 3, 5),
        D(2026, 4, 7),
        (D(2026, 4, 4), D(2026, 4, 5), D(2026, 4, 6)),
    ),
    # sent Sat 27 Feb 2027; 1 + 28 (March) + 1 → day 30 = Mon 29 Mar 2027, Easter Monday.
    case("easter-monday-2027", D(2027, 2, 27), D(2027, 3, 30), (D(2027, 3, 29),)),
    # sent Sat 18 Mar 2028; day 30 = Mon 17 Apr 2028, Easter Monday (Easter 16 Apr) → Tue 18.
    case("easter-monday-2028", D(2028, 3, 18), D(2028, 4, 18), (D(2028, 4, 17),)),
    # sent Wed 1 Apr 2026; day 30 = Fri 1 May, fête du travail; Sat 2, Sun 3 → Mon 4 May.
    case(
        "may-day-then-weekend",
        D(2026, 4, 1),
        D(2026, 5, 4),
        (D(2026, 5, 1), D(2026, 5, 2), D(2026, 5, 3)),
    ),
    # sent Wed 8 Apr 2026; day 30 = Fri 8 May 2026 (8 mai); weekend → Mon 11 May 2026.
    case(
        "victory-day-then-weekend",
        D(2026, 4, 8),
        D(2026, 5, 11),
        (D(2026, 5, 8), D(2026, 5, 9), D(2026, 5, 10)),
    ),
    # sent Thu 8 Apr 2027; day 30 = Sat 8 May 2027 (8 mai); Sun 9 → Mon 10 May 2027.
    case("victory-day-on-saturday", D(2027, 4, 8), D(2027, 5, 10), (D(2027, 5, 8), D(2027, 5, 9))),
    # sent Tue 14 Apr 2026; day 30 = Thu 14 May 2026, Ascension (5 Apr + 39) → Fri 15 May.
    case("ascension-2026", D(2026, 4, 14), D(2026, 5, 15), (D(2026, 5, 14),)),
    # sent Tue 6 Apr 2027; day 30 = Thu 6 May 2027, Ascension (28 Mar + 39) → Fri 7 May.
    case("ascension-2027", D(2027, 4, 6), D(2027, 5, 7), (D(2027, 5, 6),)),
    # sent Tue 25 Apr 2028; day 30 = Thu 25 May 2028, Ascension (16 Apr + 39) → Fri 26 May.
    case("ascension-2028", D(2028, 4, 25), D(2028, 5, 26), (D(2028, 5, 25),)),
    # sent Tue 1 Apr 2008; day 30 = Thu 1 May 2008, both 1 May and Ascension → Fri 2 May.
    case("ascension-on-may-day-2008", D(2008, 4, 1), D(2008, 5, 2), (D(2008, 5, 1),)),
    # sent Sat 25 Apr 2026; day 30 = Mon 25 May 2026, Whit Monday (5 Apr + 50) → Tue 26 May.
    case("whit-monday-2026", D(2026, 4, 25), D(2026, 5, 26), (D(2026, 5, 25),)),
    # sent Sat 17 Apr 2027; day 30 = Mon 17 May 2027, Whit Monday (28 Mar + 50) → Tue 18 May.
    case("whit-monday-2027", D(2027, 4, 17), D(2027, 5, 18), (D(2027, 5, 17),)),
    # sent Sat 6 May 2028; 25 (May) + 5 → day 30 = Mon 5 Jun 2028, Whit Monday → Tue 6 Jun.
    case("whit-monday-2028", D(2028, 5, 6), D(2028, 6, 6), (D(2028, 6, 5),)),
    # sent Thu 23 Apr 2026; day 30 = Sat 23 May; Sun 24; Mon 25 Whit Monday → Tue 26 May.
    case(
        "weekend-then-whit-monday",
        D(2026, 4, 23),
        D(2026, 5, 26),
        (D(2026, 5, 23), D(2026, 5, 24), D(2026, 5, 25)),
    ),
    # Cass. 3e civ. 21 Jan 2021: Sun 20 May 2018, then Whit Monday 21 May → Tue 22 May 2018
    # (here: sent Fri 20 Apr 2018, day 30 = Sun 20 May 2018).
    case("whit-monday-cass-2018", D(2018, 4, 20), D(2018, 5, 22), (D(2018, 5, 20), D(2018, 5, 21))),
    # sent Sat 16 Apr 2005; day 30 = Mon 16 May 2005, Whit Monday (27 Mar + 50), a
    # journée de solidarité year the holidays package leaves out → still Tue 17 May.
    case("whit-monday-solidarity-2005", D(2005, 4, 16), D(2005, 5, 17), (D(2005, 5, 16),)),
    # sent Sun 14 Jun 2026; day 30 = Tue 14 Jul 2026, fête nationale → Wed 15 Jul.
    case("bastille-day", D(2026, 6, 14), D(2026, 7, 15), (D(2026, 7, 14),)),
    # sent Thu 16 Jul 2026; day 30 = Sat 15 Aug 2026, Assomption; Sun 16 → Mon 17 Aug.
    case(
        "assumption-on-saturday", D(2026, 7, 16), D(2026, 8, 17), (D(2026, 8, 15), D(2026, 8, 16))
    ),
    # sent Sun 16 Jul 2028; day 30 = Tue 15 Aug 2028, Assomption → Wed 16 Aug 2028.
    case("assumption-2028", D(2028, 7, 16), D(2028, 8, 16), (D(2028, 8, 15),)),
    # sent Sat 2 Oct 2027; day 30 = Mon 1 Nov 2027, Toussaint → Tue 2 Nov 2027.
    case("all-saints", D(2027, 10, 2), D(2027, 11, 2), (D(2027, 11, 1),)),
    # sent Mon 12 Oct 2026; day 30 = Wed 11 Nov 2026, armistice → Thu 12 Nov 2026.
    case("armistice", D(2026, 10, 12), D(2026, 11, 12), (D(2026, 11, 11),)),
    # sent Wed 25 Nov 2026; day 30 = Fri 25 Dec 2026, Noël; Sat 26, Sun 27 → Mon 28 Dec.
    case(
        "christmas-then-weekend",
        D(2026, 11, 25),
        D(2026, 12, 28),
        (D(2026, 12, 25), D(2026, 12, 26), D(2026, 12, 27)),
    ),
    # --- days that are NOT holidays in the Grand Paris -------------------------------
    # sent Tue 25 Nov 2025; day 30 = Thu 25 Dec 2025 → Fri 26 Dec (no Saint-Étienne here).
    case("christmas-then-26-dec-worked", D(2025, 11, 25), D(2025, 12, 26), (D(2025, 12, 25),)),
    # sent Wed 4 Mar 2026; day 30 = Fri 3 Apr 2026, Good Friday: a working day in Paris.
    case("good-friday-worked", D(2026, 3, 4), D(2026, 4, 3)),
    # --- year ends, February -------------------------------------------------------------
    # sent Tue 1 Dec 2026; day 30 = Thu 31 Dec 2026, a working day.
    case("new-years-eve", D(2026, 12, 1), D(2026, 12, 31)),
    # sent Tue 15 Dec 2026; 16 (December) + 14 → day 30 = Thu 14 Jan 2027.
    case("across-year-end", D(2026, 12, 15), D(2027, 1, 14)),
    # sent Tue 29 Feb 2028; 1 Mar is day 1 → day 30 = Thu 30 Mar 2028.
    case("sent-on-29-february", D(2028, 2, 29), D(2028, 3, 30)),
    # sent Sun 30 Jan 2028; 1 (Jan) + 29 (Feb, leap year) → day 30 = Tue 29 Feb 2028.
    case("day-30-on-29-february", D(2028, 1, 30), D(2028, 2, 29)),
    # sent Sat 30 Jan 2027; 1 (Jan) + 28 (Feb) + 1 → day 30 = Mon 1 Mar 2027.
    case("non-leap-february", D(2027, 1, 30), D(2027, 3, 1)),
    # --- datetimes: the Europe/Paris date counts --------------------------------------
    # 00:30 Paris (CET) on Sat 28 Mar 2026 = 27 Mar 23:30 UTC → sent 28 Mar; day 30 = Mon 27 Apr.
    case("paris-0030-is-28-march", dt.datetime(2026, 3, 27, 23, 30, tzinfo=UTC), D(2026, 4, 27)),
    # 14 Oct 2026 23:30 UTC = 01:30 on Thu 15 Oct in Paris (CEST) → sent 15 Oct; day 30 =
    # Sat 14 Nov; Sun 15 → Mon 16 Nov (the UTC date would give Fri 13 Nov).
    case(
        "utc-evening-is-next-paris-day",
        dt.datetime(2026, 10, 14, 23, 30, tzinfo=UTC),
        D(2026, 11, 16),
        (D(2026, 11, 14), D(2026, 11, 15)),
    ),
    # DST starts Sun 29 Mar 2026 at 01:00 UTC: 22:30 UTC that day = 00:30 CEST on Mon 30 Mar
    # → sent 30 Mar; day 30 = Wed 29 Apr 2026 (with +1 it would be 29 Mar → Tue 28 Apr).
    case("dst-spring-forward", dt.datetime(2026, 3, 29, 22, 30, tzinfo=UTC), D(2026, 4, 29)),
    # DST ends Sun 25 Oct 2026 at 01:00 UTC: 22:30 UTC that day = 23:30 CET on Sun 25 Oct
    # → sent 25 Oct; day 30 = Tue 24 Nov 2026 (with +2 it would be 26 Oct → Wed 25 Nov).
    case("dst-fall-back", dt.datetime(2026, 10, 25, 22, 30, tzinfo=UTC), D(2026, 11, 24)),
    # 01:30+01:00 on Sun 29 Mar 2026, half an hour before the change → sent 29 Mar;
    # day 30 = Tue 28 Apr 2026.
    case("dst-day-before-change", dt.datetime(2026, 3, 29, 1, 30, tzinfo=CET), D(2026, 4, 28)),
    # --- options ----------------------------------------------------------------------------
    # no extension: sent Wed 2 Dec 2026, day 30 = Fri 1 Jan 2027 stays the deadline.
    case("no-extend", D(2026, 12, 2), D(2027, 1, 1), extend=False),
    # 10 days: sent Thu 1 Oct 2026; day 10 = Sun 11 Oct → Mon 12 Oct 2026.
    case("ten-days", D(2026, 10, 1), D(2026, 10, 12), (D(2026, 10, 11),), days=10),
    # 45 days: sent Mon 2 Mar 2026; 29 (Mar) + 16 → day 45 = Thu 16 Apr 2026.
    case("forty-five-days", D(2026, 3, 2), D(2026, 4, 16), days=45),
    # closed day: sent Wed 2 Dec 2026; 1-3 Jan 2027 skipped, Mon 4 Jan closed → Tue 5 Jan.
    case(
        "extra-closed-day-after-weekend",
        D(2026, 12, 2),
        D(2027, 1, 5),
        (D(2027, 1, 1), D(2027, 1, 2), D(2027, 1, 3), D(2027, 1, 4)),
        extra_closed_days=frozenset({D(2027, 1, 4)}),
    ),
    # closed day 30: sent Mon 2 Mar 2026, day 30 = Wed 1 Apr closed → Thu 2 Apr 2026.
    case(
        "extra-closed-day-30",
        D(2026, 3, 2),
        D(2026, 4, 2),
        (D(2026, 4, 1),),
        extra_closed_days=frozenset({D(2026, 4, 1)}),
    ),
    # a closed day that is not reached changes nothing: Mon 2 Mar 2026 → Wed 1 Apr 2026.
    case(
        "extra-closed-day-unused",
        D(2026, 3, 2),
        D(2026, 4, 1),
        extra_closed_days=frozenset({D(2026, 4, 2)}),
    ),
    # receipt: sent Fri 20 Nov 2026, received Wed 25 Nov; day 30 = Fri 25 Dec (Noël),
    # Sat 26, Sun 27 → Mon 28 Dec 2026.
    case(
        "from-receipt",
        D(2026, 11, 20),
        D(2026, 12, 28),
        (D(2026, 12, 25), D(2026, 12, 26), D(2026, 12, 27)),
        count_from="receipt",
        received_on=D(2026, 11, 25),
    ),
    # receipt on the day of sending: Mon 2 Mar 2026 → Wed 1 Apr 2026, as when sending.
    case(
        "from-receipt-same-day",
        D(2026, 3, 2),
        D(2026, 4, 1),
        count_from="receipt",
        received_on=D(2026, 3, 2),
    ),
    # délai franc: sent Mon 2 Mar 2026; day 30 = Wed 1 Apr, +1 → Thu 2 Apr 2026.
    case("franc", D(2026, 3, 2), D(2026, 4, 2), franc=True),
    # délai franc: sent Wed 2 Dec 2026; day 30 = Fri 1 Jan, +1 = Sat 2 Jan; Sun 3 → Mon 4.
    case(
        "franc-then-weekend",
        D(2026, 12, 2),
        D(2027, 1, 4),
        (D(2027, 1, 2), D(2027, 1, 3)),
        franc=True,
    ),
    # délai franc without extension: sent Wed 2 Dec 2026 → Sat 2 Jan 2027.
    case("franc-no-extend", D(2026, 12, 2), D(2027, 1, 2), franc=True, extend=False),
]


@pytest.mark.parametrize(("sent", "options", "expires", "skipped"), CASES)
def test_remedy_deadline_table(
    sent: dt.date | dt.datetime,
    options: dict[str, Any],
    expires: dt.date,
    skipped: tuple[dt.date, ...],
) -> None:
    opts = RemedyOptions(**options) if options else DEFAULT_REMEDY_OPTIONS
    deadline = remedy_deadline(sent, opts)
    assert deadline.expires_on == expires
    assert tuple(day.day for day in deadline.skipped) == skipped
    assert remedy_expiry(sent, opts) == expires
    span = opts.days + (1 if opts.franc else 0)
    assert deadline.nominal_expiry == deadline.start_on + dt.timedelta(days=span)
    assert deadline.nominal_expiry == (skipped[0] if skipped else expires)


def test_table_covers_the_eleven_holidays() -> None:
    reasons = {
        s.reason
        for param in CASES
        for s in remedy_deadline(
            param.values[0],
            RemedyOptions(**param.values[1]) if param.values[1] else DEFAULT_REMEDY_OPTIONS,
        ).skipped
    }
    named = {reason.split("jour férié : ")[1] for reason in reasons if "jour férié" in reason}
    assert len(CASES) >= 30
    assert named >= {
        "1er janvier",
        "lundi de Pâques",
        "1er mai",
        "8 mai",
        "Ascension",
        "1er mai et Ascension",
        "lundi de Pentecôte",
        "14 juillet",
        "Assomption",
        "Toussaint",
        "11 novembre",
        "jour de Noël",
    }


def test_datetime_is_taken_as_its_paris_date() -> None:
    deadline = remedy_deadline(dt.datetime(2026, 3, 28, 0, 30, tzinfo=CET))
    assert deadline.sent_on == D(2026, 3, 28)
    utc = remedy_deadline(dt.datetime(2026, 3, 27, 23, 30, tzinfo=UTC))
    assert utc == deadline
    assert remedy_deadline(dt.datetime(2026, 3, 29, 22, 30, tzinfo=UTC)).sent_on == D(2026, 3, 30)
    assert remedy_deadline(dt.datetime(2026, 3, 30, 0, 30, tzinfo=CEST)).sent_on == D(2026, 3, 30)


def test_naive_datetime_is_refused() -> None:
    with pytest.raises(DateError, match="naive datetime") as info:
        remedy_deadline(dt.datetime(2026, 3, 28, 0, 30))
    assert info.value.field == "sent_on"
    with pytest.raises(DateError, match="naive"):
        remedy_expiry(dt.datetime(2026, 3, 28, 0, 30))


def test_explanation_french_and_english() -> None:
    deadline = remedy_deadline(D(2026, 12, 2))
    fr = deadline.explain()
    assert "mercredi 2 décembre 2026" in fr
    assert "vendredi 1er janvier 2027 (jour férié : 1er janvier)" in fr
    assert "samedi 2 janvier 2027 (samedi)" in fr
    assert "expire le lundi 4 janvier 2027 à 24 h" in fr
    assert "CPC 642 al. 2" in fr
    assert "\n" not in fr
    en = deadline.explain("en")
    assert "Friday 1 January 2027 (public holiday: New Year's Day)" in en
    assert "Monday 4 January 2027 at midnight" in en
    assert "allowed from Tuesday 5 January 2027" in en
    working = remedy_deadline(D(2026, 3, 2))
    assert "mercredi 1er avril 2026, un jour ouvrable" in working.explain()
    assert working.skipped == ()


def test_explanation_of_each_option() -> None:
    no_extend = remedy_deadline(D(2026, 12, 2), RemedyOptions(extend=False)).explain()
    assert "le report est écarté" in no_extend
    assert "sans report" in no_extend
    franc = remedy_deadline(D(2026, 12, 2), RemedyOptions(franc=True)).explain("en")
    assert "as the period is franc, its last day is the day after, Saturday 2 January" in franc
    receipt = remedy_deadline(
        D(2026, 11, 20), RemedyOptions(count_from="receipt", received_on=D(2026, 11, 25))
    )
    assert "reçue le mercredi 25 novembre 2026" in receipt.explain()
    assert "received on Wednesday 25 November 2026" in receipt.explain("en")
    assert "CPC 669 al. 3" in receipt.rule
    closed = remedy_deadline(D(2026, 3, 2), RemedyOptions(extra_closed_days=[D(2026, 4, 1)]))
    assert closed.skipped == (
        SkippedDay(D(2026, 4, 1), "jour chômé indiqué", "closed day (given)"),
    )
    assert "2026-04-01" in closed.rule
    assert "2026-04-01" in closed.rule_en
    days = remedy_deadline(D(2026, 3, 2), RemedyOptions(days=45))
    assert "Le 45e jour" in days.explain()
    assert "le contrat prévoit trente jours" in days.rule
    assert "the contract says thirty days" in days.rule_en


def test_to_json() -> None:
    data = remedy_deadline(D(2026, 12, 2)).to_json()
    assert data["sent_on"] == "2026-12-02"
    assert data["start_on"] == "2026-12-02"
    assert data["nominal_expiry"] == "2027-01-01"
    assert data["expires_on"] == "2027-01-04"
    assert data["termination_allowed_from"] == "2027-01-05"
    assert data["skipped"] == [
        {
            "date": "2027-01-01",
            "reason": "jour férié : 1er janvier",
            "reason_en": "public holiday: New Year's Day",
        },
        {"date": "2027-01-02", "reason": "samedi", "reason_en": "Saturday"},
        {"date": "2027-01-03", "reason": "dimanche", "reason_en": "Sunday"},
    ]
    assert data["article"] == "Art. 12 al. 2"
    assert data["citation"] == ART12_REMEDY.text
    assert data["received_on"] is None
    assert "CPC 641 al. 1" in data["rule"]
    receipt = remedy_deadline(
        D(2026, 11, 20), RemedyOptions(count_from="receipt", received_on=D(2026, 11, 25))
    ).to_json()
    assert receipt["received_on"] == receipt["start_on"] == "2026-11-25"
    assert receipt["count_from"] == "receipt"


def test_in_time_and_expiry() -> None:
    deadline = remedy_deadline(D(2026, 12, 2))
    assert deadline.is_in_time(D(2027, 1, 4))
    assert not deadline.has_expired(D(2027, 1, 4))
    assert not deadline.is_in_time(D(2027, 1, 5))
    assert deadline.has_expired(D(2027, 1, 5))
    assert deadline.termination_allowed_from == D(2027, 1, 5)


def test_citations() -> None:
    deadline = remedy_deadline(D(2026, 12, 2))
    assert deadline.citation is ART12_REMEDY
    assert deadline.article == "Art. 12 al. 2"
    assert "trente jours à compter de l'envoi d'une lettre recommandée" in ART12_REMEDY.text
    assert [c.label for c in deadline.citations] == [
        "Art. 12 al. 2",
        "CPC 669 al. 1",
        "CPC 641 al. 1",
        "CPC 642 al. 1",
        "CPC 642 al. 2",
        "C. trav. L3133-1",
    ]
    receipt = RemedyOptions(count_from="receipt", received_on=D(2026, 12, 3), extend=False)
    labels = [c.label for c in remedy_deadline(D(2026, 12, 2), receipt).citations]
    assert labels == ["Art. 12 al. 2", "CPC 669 al. 3", "CPC 641 al. 1", "CPC 642 al. 1"]
    assert REMEDY_PERIOD_DAYS == 30


def test_the_fast_path_builds_the_same_value() -> None:
    fast = remedy_deadline(D(2026, 12, 2))
    assert fast == RemedyDeadline(D(2026, 12, 2), D(2027, 1, 4), DEFAULT_REMEDY_OPTIONS)
    assert hash(fast) == hash(RemedyDeadline(D(2026, 12, 2), D(2027, 1, 4)))
    assert fast == remedy_deadline(D(2026, 12, 2), RemedyOptions())
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        fast.expires_on = D(2027, 1, 5)  # type: ignore[misc]


@pytest.mark.parametrize(
    ("options", "field"),
    [
        pytest.param({"days": 0}, "days", id="zero-days"),
        pytest.param({"days": -3}, "days", id="negative-days"),
        pytest.param({"days": True}, "days", id="bool-days"),
        pytest.param({"days": 1.5}, "days", id="float-days"),
        pytest.param({"count_from": "receipt"}, "received_on", id="receipt-without-date"),
        pytest.param({"received_on": D(2026, 1, 1)}, "received_on", id="date-without-receipt"),
        pytest.param({"count_from": "delivery"}, "count_from", id="unknown-count-from"),
        pytest.param({"extend": "yes"}, "extend", id="extend-not-bool"),
        pytest.param({"franc": 1}, "franc", id="franc-not-bool"),
        pytest.param(
            {"extra_closed_days": [dt.datetime(2026, 1, 1, 12)]},
            "extra_closed_days",
            id="naive-closed-day",
        ),
    ],
)
def test_bad_options_are_refused(options: dict[str, Any], field: str) -> None:
    with pytest.raises(InvalidValue) as info:
        RemedyOptions(**options)
    assert info.value.field == field


def test_bad_options_name_the_article() -> None:
    with pytest.raises(InvalidValue, match=r"whole number of days ≥ 1.*\(Art\. 12 al\. 2\)"):
        RemedyOptions(days=0)
    with pytest.raises(DateError, match="needs the date the letter was received"):
        RemedyOptions(count_from="receipt")


def test_receipt_before_sending_is_refused() -> None:
    options = RemedyOptions(count_from="receipt", received_on=D(2026, 11, 19))
    with pytest.raises(DateError, match="before it was sent") as info:
        remedy_deadline(D(2026, 11, 20), options)
    assert info.value.field == "received_on"
    assert info.value.article == "Art. 12 al. 2"


def test_received_on_may_be_an_aware_datetime() -> None:
    options = RemedyOptions(
        count_from="receipt", received_on=dt.datetime(2026, 11, 24, 23, 30, tzinfo=UTC)
    )
    assert options.received_on == D(2026, 11, 25)


def test_out_of_range() -> None:
    with pytest.raises(DateError, match="after year 9999"):
        remedy_deadline(D(9999, 12, 20))
    with pytest.raises(DateError, match="after year 9999"):
        remedy_expiry(D(9999, 12, 20))
    with pytest.raises(DateError, match="after year 9999"):
        remedy_deadline(D(2026, 1, 1), RemedyOptions(days=10**9, extend=False))
    with pytest.raises(DateError, match="no public holidays known for 2101"):
        remedy_deadline(D(2100, 12, 20))


# --- properties -------------------------------------------------------------------------

sent_days = st.dates(min_value=D(2000, 1, 1), max_value=D(2099, 12, 31))
closed_days = st.frozensets(st.dates(min_value=D(2000, 1, 1), max_value=D(2100, 6, 30)), max_size=5)


@given(sent=sent_days, days=st.integers(1, 120), closed=closed_days, franc=st.booleans())
def test_deadline_properties(
    sent: dt.date, days: int, closed: frozenset[dt.date], franc: bool
) -> None:
    options = RemedyOptions(days=days, extra_closed_days=closed, franc=franc)
    deadline = remedy_deadline(sent, options)
    day_n = sent + dt.timedelta(days=days)
    # never before day N, never a non-working day
    assert deadline.expires_on >= day_n
    assert deadline.nominal_expiry >= day_n
    assert is_working_day(deadline.expires_on, closed)
    # every day from the nominal expiry to the deadline (excluded) is non-working
    day = deadline.nominal_expiry
    while day < deadline.expires_on:
        assert not is_working_day(day, closed)
        day += dt.timedelta(days=1)
    assert len(deadline.skipped) == (deadline.expires_on - deadline.nominal_expiry).days
    assert all(s.reason and s.reason_en for s in deadline.skipped)


@given(sent=sent_days)
def test_default_path_agrees_with_the_general_one(sent: dt.date) -> None:
    general = remedy_deadline(sent, RemedyOptions(days=REMEDY_PERIOD_DAYS))
    assert remedy_deadline(sent) == general
    assert remedy_expiry(sent) == general.expires_on == remedy_expiry(sent, RemedyOptions())


@given(sent=sent_days, delay=st.integers(0, 20))
def test_counting_from_receipt_is_never_earlier(sent: dt.date, delay: int) -> None:
    received = sent + dt.timedelta(days=delay)
    options = RemedyOptions(count_from="receipt", received_on=received)
    assert remedy_deadline(sent, options).expires_on >= remedy_deadline(sent).expires_on
    assert remedy_deadline(sent, options).expires_on == remedy_deadline(received).expires_on
