"""Art. 12 al. 2: the 30-day remedy deadline (CPC 641–642, C. trav. L3133-1).

« ce dernier disposera d'un délai de trente jours à compter de l'envoi d'une lettre
recommandée avec accusé de réception pour remédier audit manquement ». Every deadline
below was computed by hand, from a paper calendar: each line says how. Easter Sundays
used: 2005-03-27, 2008-03-23, 2018-04-01, 2026-04-05, 2027-03-28, 2028-04-16 (Easter
Monday = +1 day, Ascension = +39, Whit Monday = +50).
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
    RemedyDeadline,
    RemedyOptions,
    SkippedDay,
    remedy_deadline,
    remedy_expiry,
)
from mgp_convention.calendar import format_date, is_working_day
from mgp_convention.errors import DateError, InvalidValue

D = dt.date
UTC = dt.UTC
CET = dt.timezone(dt.timedelta(hours=1))
CEST = dt.timezone(dt.timedelta(hours=2))
NAIVE = dt.datetime(2026, 12, 2, 10, 0)


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
    assert deadline.nominal_expiry == (skipped[0] if skipped else expires)
    assert deadline.termination_allowed_from == expires + dt.timedelta(days=1)


def test_the_table_covers_the_eleven_holidays() -> None:
    reasons = {
        s.reason
        for param in CASES
        for s in remedy_deadline(
            param.values[0],
            RemedyOptions(**param.values[1]) if param.values[1] else DEFAULT_REMEDY_OPTIONS,
        ).skipped
    }
    named = {reason.split("jour férié : ")[1] for reason in reasons if "jour férié" in reason}
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


# --- named situations --------------------------------------------------------------------------


def test_remedy_deadline_moves_past_ascension() -> None:
    # Sent Tue 14 Apr 2026; day 30 = Thu 14 May 2026, Ascension (5 Apr + 39) → Fri 15 May.
    deadline = remedy_deadline(D(2026, 4, 14))
    assert deadline.expires_on == D(2026, 5, 15)
    assert [(s.day, s.reason, s.reason_en) for s in deadline.skipped] == [
        (D(2026, 5, 14), "jour férié : Ascension", "public holiday: Ascension Day")
    ]


def test_remedy_deadline_moves_past_new_year_and_the_weekend() -> None:
    # Sent Wed 2 Dec 2026; day 30 = Fri 1 Jan 2027, then Sat 2 and Sun 3 → Mon 4 Jan;
    # a remedy on 4 Jan is in time, termination for breach is allowed from Tue 5 Jan.
    deadline = remedy_deadline(D(2026, 12, 2))
    assert (deadline.day_n, deadline.expires_on) == (D(2027, 1, 1), D(2027, 1, 4))
    assert [s.reason for s in deadline.skipped] == [
        "jour férié : 1er janvier",
        "samedi",
        "dimanche",
    ]
    assert deadline.is_in_time(D(2027, 1, 4))
    assert not deadline.has_expired(D(2027, 1, 4))
    assert not deadline.is_in_time(D(2027, 1, 5))
    assert deadline.has_expired(D(2027, 1, 5))
    assert deadline.termination_allowed_from == D(2027, 1, 5)
    # It names the sentence it applies.
    assert deadline.article == "Art. 12 al. 2"
    assert deadline.citation is ART12_REMEDY
    assert "trente jours à compter de l'envoi" in deadline.citation.text


def test_remedy_deadline_moves_past_whit_monday_as_in_cass_2021() -> None:
    # Cass. 3e civ. 21 Jan 2021: a period ending on Sun 20 May 2018 ran to Tue 22 May,
    # Mon 21 May being Whit Monday. Sent Fri 20 Apr 2018, day 30 = Sun 20 May 2018.
    assert remedy_deadline(D(2018, 4, 20)).expires_on == D(2018, 5, 22)


def test_remedy_deadline_moves_past_whit_monday_of_a_solidarity_year() -> None:
    # Sent Sat 16 Apr 2005; day 30 = Mon 16 May 2005, Whit Monday, worked as the journée
    # de solidarité (and left out by the holidays package), a public holiday all the same.
    deadline = remedy_deadline(D(2005, 4, 16))
    assert deadline.expires_on == D(2005, 5, 17)
    assert deadline.skipped[0].reason == "jour férié : lundi de Pentecôte"


def test_good_friday_is_a_working_day_for_the_deadline() -> None:
    # Sent Wed 4 Mar 2026; day 30 = Fri 3 Apr 2026, Good Friday: worked in Paris (only
    # Alsace-Moselle keeps it).
    assert remedy_deadline(D(2026, 3, 4)).expires_on == D(2026, 4, 3)


def test_a_letter_posted_at_half_past_midnight_in_paris_is_sent_that_day() -> None:
    # 00:30 in Paris (CET) on Sat 28 Mar 2026 is 23:30 UTC on 27 Mar: sent 28 Mar.
    deadline = remedy_deadline(dt.datetime(2026, 3, 28, 0, 30, tzinfo=CET))
    assert deadline.sent_on == D(2026, 3, 28)
    assert remedy_deadline(dt.datetime(2026, 3, 27, 23, 30, tzinfo=UTC)) == deadline
    # After the change to summer time: 22:30 UTC on 29 Mar is 00:30 CEST on 30 Mar.
    assert remedy_deadline(dt.datetime(2026, 3, 29, 22, 30, tzinfo=UTC)).sent_on == D(2026, 3, 30)
    assert remedy_deadline(dt.datetime(2026, 3, 30, 0, 30, tzinfo=CEST)).sent_on == D(2026, 3, 30)


def test_a_remedy_dated_late_in_paris_is_judged_on_its_paris_date() -> None:
    deadline = remedy_deadline(D(2026, 12, 2))  # deadline Mon 4 Jan 2027
    # 22:00 UTC on 4 Jan is 23:00 in Paris: still the deadline day; 23:30 UTC is 5 Jan.
    assert deadline.is_in_time(dt.datetime(2027, 1, 4, 22, 0, tzinfo=UTC))
    assert deadline.has_expired(dt.datetime(2027, 1, 4, 23, 30, tzinfo=UTC))
    # 23:30 UTC on Tue 1 Dec 2026 is 00:30 on Wed 2 Dec in Paris: the same deadline.
    assert remedy_expiry(dt.datetime(2026, 12, 1, 23, 30, tzinfo=UTC)) == D(2027, 1, 4)


def test_a_naive_datetime_is_refused_naming_the_field() -> None:
    deadline = remedy_deadline(D(2026, 12, 2))
    for call, field in (
        (lambda: remedy_deadline(NAIVE), "sent_on"),
        (lambda: remedy_expiry(NAIVE), "sent_on"),
        (lambda: deadline.is_in_time(NAIVE), "on"),
        (lambda: deadline.has_expired(NAIVE), "on"),
        (lambda: RemedyOptions(count_from="receipt", received_on=NAIVE), "received_on"),
        (lambda: RemedyOptions(extra_closed_days=[NAIVE]), "extra_closed_days"),
    ):
        with pytest.raises(DateError, match="naive") as info:
            call()
        assert info.value.field == field


def test_remedy_deadline_is_an_ordinary_attrs_value() -> None:
    # Built by its constructor: equal to, and hashed as, the value written out.
    built = remedy_deadline(D(2026, 12, 2))
    written = RemedyDeadline(D(2026, 12, 2), D(2027, 1, 4), DEFAULT_REMEDY_OPTIONS)
    assert built == written
    assert hash(built) == hash(RemedyDeadline(D(2026, 12, 2), D(2027, 1, 4)))
    assert built == remedy_deadline(D(2026, 12, 2), RemedyOptions())
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        built.expires_on = D(2027, 1, 5)  # type: ignore[misc]


# --- the options (the other readings a lawyer may choose) ---------------------------------------


def test_counting_from_receipt_with_every_other_option() -> None:
    # Sent Fri 20 Nov 2026, received Wed 25 Nov (day 0); 15 days: day 15 = Thu 10 Dec;
    # franc: the last day is Fri 11 Dec, given as a jour chômé; Sat 12, Sun 13 follow:
    # the deadline is Mon 14 Dec 2026, termination from Tue 15 Dec 2026.
    options = RemedyOptions(
        days=15,
        count_from="receipt",
        received_on=D(2026, 11, 25),
        franc=True,
        extra_closed_days=[D(2026, 12, 31), D(2026, 12, 11)],
    )
    deadline = remedy_deadline(D(2026, 11, 20), options)
    assert deadline.start_on == D(2026, 11, 25)
    assert deadline.day_n == D(2026, 12, 10)
    assert deadline.nominal_expiry == D(2026, 12, 11)
    assert deadline.expires_on == D(2026, 12, 14)
    assert deadline.skipped == (
        SkippedDay(D(2026, 12, 11), "jour chômé indiqué", "closed day (given)"),
        SkippedDay(D(2026, 12, 12), "samedi", "Saturday"),
        SkippedDay(D(2026, 12, 13), "dimanche", "Sunday"),
    )
    assert [c.label for c in deadline.citations] == [
        "Art. 12 al. 2",
        "CPC 669 al. 3",
        "CPC 641 al. 1",
        "CPC 642 al. 1",
        "CPC 642 al. 2",
        "C. trav. L3133-1",
    ]
    data = deadline.to_json()
    assert {key: data[key] for key in data if key not in ("rule", "rule_en")} == {
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
        "article": "Art. 12 al. 2",
        "citation": ART12_REMEDY.text,
    }


def test_the_json_of_the_default_reading() -> None:
    # Sent Mon 2 Mar 2026: day 30 = Wed 1 Apr 2026, a working day.
    data = remedy_deadline(D(2026, 3, 2)).to_json()
    assert (data["received_on"], data["count_from"], data["start_on"]) == (
        None,
        "sending",
        "2026-03-02",
    )
    assert (data["days"], data["franc"], data["extend"], data["extra_closed_days"]) == (
        30,
        False,
        True,
        [],
    )
    assert (data["day_n"], data["nominal_expiry"], data["expires_on"]) == ("2026-04-01",) * 3
    assert (data["skipped"], data["termination_allowed_from"]) == ([], "2026-04-02")


def test_without_extension_the_deadline_stays_on_a_holiday() -> None:
    # Sent Wed 2 Dec 2026, no extension: the deadline stays on Fri 1 Jan 2027.
    deadline = remedy_deadline(D(2026, 12, 2), RemedyOptions(extend=False))
    assert deadline.expires_on == D(2027, 1, 1)
    assert deadline.skipped == ()
    assert deadline.termination_allowed_from == D(2027, 1, 2)
    assert [c.label for c in deadline.citations] == [
        "Art. 12 al. 2",
        "CPC 669 al. 1",
        "CPC 641 al. 1",
        "CPC 642 al. 1",
    ]


@pytest.mark.parametrize(
    ("options", "field", "error"),
    [
        pytest.param({"days": 0}, "days", InvalidValue, id="zero-days"),
        pytest.param({"days": -3}, "days", InvalidValue, id="negative-days"),
        pytest.param({"days": True}, "days", InvalidValue, id="bool-days"),
        pytest.param({"days": 1.5}, "days", InvalidValue, id="float-days"),
        pytest.param({"count_from": "receipt"}, "received_on", DateError, id="receipt-no-date"),
        pytest.param(
            {"received_on": D(2026, 1, 1)}, "received_on", InvalidValue, id="date-without-receipt"
        ),
        pytest.param({"count_from": "delivery"}, "count_from", InvalidValue, id="unknown-start"),
        pytest.param({"extend": "yes"}, "extend", InvalidValue, id="extend-not-bool"),
        pytest.param({"franc": 1}, "franc", InvalidValue, id="franc-not-bool"),
    ],
)
def test_bad_options_are_refused_naming_the_field(
    options: dict[str, Any], field: str, error: type[Exception]
) -> None:
    with pytest.raises(error) as info:
        RemedyOptions(**options)
    assert info.value.field == field  # type: ignore[attr-defined]
    if field not in {"extend", "franc"}:  # a yes/no: no article to name
        assert info.value.article == "Art. 12 al. 2"  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("options", "says"),
    [
        ({"days": 0}, "the remedy period is a whole number of days ≥ 1, got 0"),
        ({"count_from": "delivery"}, "expected 'sending' or 'receipt', got 'delivery'"),
        ({"count_from": "receipt"}, "counting from receipt needs the date the letter was received"),
        (
            {"received_on": D(2026, 1, 1)},
            "received_on is only used when counting from receipt (count_from='receipt'); "
            "the contract counts from the sending",
        ),
    ],
)
def test_a_refused_option_says_what_is_wrong(options: dict[str, Any], says: str) -> None:
    with pytest.raises((InvalidValue, DateError)) as info:
        RemedyOptions(**options)
    assert str(info.value).endswith(f": {says} (Art. 12 al. 2)")


def test_a_receipt_before_the_sending_is_refused() -> None:
    options = RemedyOptions(count_from="receipt", received_on=D(2026, 11, 19))
    with pytest.raises(DateError, match="before it was sent") as info:
        remedy_deadline(D(2026, 11, 20), options)
    assert info.value.field == "received_on"
    assert info.value.article == "Art. 12 al. 2"
    # Sent Fri 20 Nov 2026, received the day before, Thu 19 Nov: both dates are named.
    assert info.value.render("en") == (
        "received_on: the letter cannot be received (2026-11-19) before it was sent "
        "(2026-11-20) (Art. 12 al. 2)"
    )
    assert info.value.render("fr") == (
        "received_on: la lettre ne peut être reçue (2026-11-19) avant d'avoir été envoyée "
        "(2026-11-20) (Art. 12 al. 2)"
    )


def test_the_receipt_may_be_an_aware_datetime() -> None:
    # 23:30 UTC on 24 Nov 2026 is 00:30 on 25 Nov in Paris.
    options = RemedyOptions(
        count_from="receipt", received_on=dt.datetime(2026, 11, 24, 23, 30, tzinfo=UTC)
    )
    assert options.received_on == D(2026, 11, 25)


@pytest.mark.parametrize(
    ("sent", "options", "days"),
    [
        # 20 Dec 9999 + 30 days is after 31 Dec 9999, the last date Python can hold.
        pytest.param(D(9999, 12, 20), DEFAULT_REMEDY_OPTIONS, "30", id="after-year-9999"),
        pytest.param(
            D(2026, 1, 1), RemedyOptions(days=10**9, extend=False), "1000000000", id="huge"
        ),
    ],
)
def test_a_period_past_year_9999_is_refused(
    sent: dt.date, options: RemedyOptions, days: str
) -> None:
    for call in (remedy_deadline, remedy_expiry):
        with pytest.raises(
            DateError, match=f"a period of {days} days from .* after year 9999"
        ) as info:
            call(sent, options)
        assert info.value.field == "days"
        assert info.value.article == "Art. 12 al. 2"


def test_a_deadline_in_a_year_without_known_holidays_is_refused() -> None:
    # Sent 20 Dec 2100: day 30 is in 2101, after the holidays package's last year.
    with pytest.raises(DateError, match="no public holidays known for 2101"):
        remedy_deadline(D(2100, 12, 20))


# --- the explanation ------------------------------------------------------------------------


def test_the_explanation_names_day_0_day_30_each_skipped_day_and_the_deadline() -> None:
    fr = remedy_deadline(D(2026, 12, 2)).explain()
    for words in (
        "envoyée le mercredi 2 décembre 2026 (jour 0, qui ne compte pas)",
        "Le 30e jour est le vendredi 1er janvier 2027",
        "vendredi 1er janvier 2027 (jour férié : 1er janvier)",
        "samedi 2 janvier 2027 (samedi)",
        "dimanche 3 janvier 2027 (dimanche)",
        "expire le lundi 4 janvier 2027 à 24 h",
        "possible à partir du mardi 5 janvier 2027",
        "CPC 642 al. 2",
        "Art. 12 al. 2",
    ):
        assert words in fr, words
    assert "\n" not in fr
    en = remedy_deadline(D(2026, 12, 2)).explain("en")
    for words in (
        "sent on Wednesday 2 December 2026 (day 0, not counted)",
        "Friday 1 January 2027 (public holiday: New Year's Day)",
        "Monday 4 January 2027 at midnight",
        "allowed from Tuesday 5 January 2027",
    ):
        assert words in en, words


def test_the_explanation_of_a_deadline_moved_past_new_year_sentence_by_sentence() -> None:
    # Sent Wed 2 Dec 2026; day 30 = Fri 1 Jan 2027 (holiday); Sat 2, Sun 3 → Mon 4 Jan.
    deadline = remedy_deadline(D(2026, 12, 2))
    assert deadline.explain() == " ".join(
        [
            "La lettre recommandée a été envoyée le mercredi 2 décembre 2026 (jour 0, qui ne "
            "compte pas).",
            "Le 30e jour est le vendredi 1er janvier 2027.",
            "Le délai est prorogé au premier jour ouvrable suivant (CPC 642 al. 2) ; jours non "
            "ouvrables passés : vendredi 1er janvier 2027 (jour férié : 1er janvier), samedi "
            "2 janvier 2027 (samedi), dimanche 3 janvier 2027 (dimanche).",
            "Le délai pour remédier au manquement expire le lundi 4 janvier 2027 à 24 h : une "
            "remédiation datée de ce jour est dans les temps, et la résiliation pour "
            "manquement est possible à partir du mardi 5 janvier 2027.",
            f"Règle appliquée : {deadline.rule}",
        ]
    )
    assert deadline.explain("en") == " ".join(
        [
            "The registered letter was sent on Wednesday 2 December 2026 (day 0, not counted).",
            "Day 30 is Friday 1 January 2027.",
            "The deadline moves to the next working day (CPC 642 al. 2); non-working days "
            "skipped: Friday 1 January 2027 (public holiday: New Year's Day), Saturday "
            "2 January 2027 (Saturday), Sunday 3 January 2027 (Sunday).",
            "The deadline to remedy the breach is Monday 4 January 2027 at midnight: a remedy "
            "dated that day is in time, and termination for breach is allowed from Tuesday "
            "5 January 2027.",
            f"Rule applied: {deadline.rule_en}",
        ]
    )


def test_the_explanation_when_counting_from_receipt_with_a_franc_period() -> None:
    # Sent Fri 20 Nov 2026, received Wed 25 Nov (day 0); day 30 = Fri 25 Dec; franc: the
    # last day is Sat 26 Dec; Sun 27 → Mon 28 Dec 2026.
    options = RemedyOptions(count_from="receipt", received_on=D(2026, 11, 25), franc=True)
    deadline = remedy_deadline(D(2026, 11, 20), options)
    assert deadline.expires_on == D(2026, 12, 28)
    assert deadline.explain().startswith(
        "La lettre recommandée a été envoyée le vendredi 20 novembre 2026 et reçue le "
        "mercredi 25 novembre 2026 ; le délai court à compter de la réception (jour 0, qui ne "
        "compte pas). Le 30e jour est le vendredi 25 décembre 2026 ; le délai étant franc, "
        "son dernier jour est le lendemain, le samedi 26 décembre 2026. Le délai est prorogé"
    )
    assert deadline.explain("en").startswith(
        "The registered letter was sent on Friday 20 November 2026 and received on "
        "Wednesday 25 November 2026; the period runs from its receipt (day 0, not counted). "
        "Day 30 is Friday 25 December 2026; as the period is franc, its last day is the day "
        "after, Saturday 26 December 2026. The deadline moves"
    )


def test_the_explanation_of_a_deadline_on_a_working_day() -> None:
    # Sent Mon 2 Mar 2026: day 30 = Wed 1 Apr 2026, a working day.
    deadline = remedy_deadline(D(2026, 3, 2))
    assert (
        "(jour 0, qui ne compte pas). Le 30e jour est le mercredi 1er avril 2026, un jour "
        "ouvrable. Le délai pour remédier" in deadline.explain()
    )
    assert (
        "(day 0, not counted). Day 30 is Wednesday 1 April 2026, a working day. The "
        "deadline to remedy" in deadline.explain("en")
    )
    assert "jours non ouvrables passés" not in deadline.explain()


@pytest.mark.parametrize(
    ("options", "reason_fr", "reason_en"),
    [
        # Day 30 = Fri 1 Jan 2027, a public holiday, kept as the deadline.
        pytest.param(
            {}, "jour férié : 1er janvier", "public holiday: New Year's Day", id="holiday"
        ),
        # Sent Mon 2 Mar 2026: day 30 = Wed 1 Apr 2026, given as a jour chômé.
        pytest.param(
            {"extra_closed_days": [D(2026, 4, 1)]},
            "jour chômé indiqué",
            "closed day (given)",
            id="closed-day",
        ),
    ],
)
def test_the_explanation_says_when_the_extension_is_turned_off(
    options: dict[str, Any], reason_fr: str, reason_en: str
) -> None:
    sent = D(2026, 3, 2) if options else D(2026, 12, 2)
    deadline = remedy_deadline(sent, RemedyOptions(extend=False, **options))
    day_30 = deadline.day_n
    assert (
        f"Le 30e jour est le {format_date(day_30)}. Ce jour n'est pas ouvrable ({reason_fr}), "
        "mais le report est écarté (option). Le délai"
    ) in deadline.explain()
    assert (
        f"Day 30 is {format_date(day_30, 'en')}. That day is not a working day ({reason_en}), "
        "but the extension is turned off (option). The deadline"
    ) in deadline.explain("en")
    assert "sans report au jour ouvrable suivant (option)" in deadline.rule
    assert "without extension to the next working day (option)" in deadline.rule_en


def clauses(rule: str, separator: str) -> list[str]:
    """The clauses of a rule: it is one sentence, its clauses separated by semicolons."""
    assert rule.endswith(".")
    return rule[:-1].split(separator)


def test_the_default_rule_clause_by_clause() -> None:
    # Each clause with its source: what the contract says, then CPC 669, 641, 642.
    deadline = remedy_deadline(D(2026, 12, 2))
    assert clauses(deadline.rule, " ; ") == [
        "Art. 12 al. 2 : délai de 30 jours",
        "à compter de l'envoi de la lettre recommandée (CPC 669 al. 1)",
        "le jour 0 ne compte pas (CPC 641 al. 1)",
        "le délai expire le dernier jour à 24 h (CPC 642 al. 1)",
        "il est prorogé au premier jour ouvrable suivant s'il expire un samedi, un dimanche, "
        "un jour férié (C. trav. L3133-1) ou chômé (CPC 642 al. 2)",
    ]
    assert clauses(deadline.rule_en, "; ") == [
        "Art. 12 al. 2: a period of 30 days",
        "from the sending of the registered letter (CPC 669 al. 1)",
        "day 0 does not count (CPC 641 al. 1)",
        "the period ends on its last day at midnight (CPC 642 al. 1)",
        "it is extended to the next working day when it would end on a Saturday, a Sunday, "
        "a public holiday (C. trav. L3133-1) or a closed day (CPC 642 al. 2)",
    ]


def test_the_rule_of_every_option_clause_by_clause() -> None:
    # 15 days from the receipt, franc, two closed days given out of order (listed sorted).
    deadline = remedy_deadline(
        D(2026, 11, 20),
        RemedyOptions(
            days=15,
            count_from="receipt",
            received_on=D(2026, 11, 25),
            franc=True,
            extra_closed_days=[D(2026, 12, 31), D(2026, 12, 11)],
        ),
    )
    assert clauses(deadline.rule, " ; ") == [
        "Art. 12 al. 2 : délai de 15 jours (option",
        "le contrat prévoit trente jours)",
        "à compter de la réception de la lettre recommandée (date apposée par La Poste, "
        "CPC 669 al. 3",
        "option)",
        "le jour 0 ne compte pas (CPC 641 al. 1)",
        "délai franc (option) : il expire le lendemain du 15e jour",
        "le délai expire le dernier jour à 24 h (CPC 642 al. 1)",
        "il est prorogé au premier jour ouvrable suivant s'il expire un samedi, un dimanche, "
        "un jour férié (C. trav. L3133-1) ou chômé (CPC 642 al. 2)",
        "jours chômés indiqués : 2026-12-11, 2026-12-31",
    ]
    assert clauses(deadline.rule_en, "; ") == [
        "Art. 12 al. 2: a period of 15 days (option",
        "the contract says thirty days)",
        "from the receipt of the registered letter (the date La Poste stamps on delivery, "
        "CPC 669 al. 3",
        "option)",
        "day 0 does not count (CPC 641 al. 1)",
        "délai franc (option): it ends on the day after day 15",
        "the period ends on its last day at midnight (CPC 642 al. 1)",
        "it is extended to the next working day when it would end on a Saturday, a Sunday, "
        "a public holiday (C. trav. L3133-1) or a closed day (CPC 642 al. 2)",
        "closed days given: 2026-12-11, 2026-12-31",
    ]


def test_the_rule_without_extension_clause_by_clause() -> None:
    deadline = remedy_deadline(D(2026, 12, 2), RemedyOptions(extend=False))
    assert clauses(deadline.rule, " ; ")[-2:] == [
        "le délai expire le dernier jour à 24 h (CPC 642 al. 1)",
        "sans report au jour ouvrable suivant (option)",
    ]
    assert clauses(deadline.rule_en, "; ")[-2:] == [
        "the period ends on its last day at midnight (CPC 642 al. 1)",
        "without extension to the next working day (option)",
    ]


def test_the_rule_states_each_option_chosen() -> None:
    default = remedy_deadline(D(2026, 12, 2))
    for words in (
        "délai de 30 jours",
        "à compter de l'envoi de la lettre recommandée (CPC 669 al. 1)",
        "le jour 0 ne compte pas (CPC 641 al. 1)",
        "le délai expire le dernier jour à 24 h (CPC 642 al. 1)",
        "prorogé au premier jour ouvrable suivant",
        "(C. trav. L3133-1)",
    ):
        assert words in default.rule, words
    assert "option" not in default.rule
    assert "option" not in default.rule_en
    chosen = remedy_deadline(
        D(2026, 11, 20),
        RemedyOptions(
            days=15,
            count_from="receipt",
            received_on=D(2026, 11, 25),
            franc=True,
            extra_closed_days=[D(2026, 12, 31), D(2026, 12, 11)],
        ),
    )
    for words in (
        "délai de 15 jours (option ; le contrat prévoit trente jours)",
        "à compter de la réception de la lettre recommandée",
        "CPC 669 al. 3 ; option",
        "délai franc (option) : il expire le lendemain du 15e jour",
        "jours chômés indiqués : 2026-12-11, 2026-12-31",  # sorted
    ):
        assert words in chosen.rule, words
    for words in (
        "a period of 15 days (option; the contract says thirty days)",
        "from the receipt of the registered letter",
        "délai franc (option): it ends on the day after day 15",
        "closed days given: 2026-12-11, 2026-12-31",
    ):
        assert words in chosen.rule_en, words
    explained = chosen.explain()
    assert "reçue le mercredi 25 novembre 2026" in explained
    assert "le délai étant franc, son dernier jour est le lendemain, le vendredi 11 décembre" in (
        explained
    )
    assert "received on Wednesday 25 November 2026" in chosen.explain("en")
    assert "as the period is franc, its last day is the day after, Friday 11 December" in (
        chosen.explain("en")
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
        "a period of 1 day (option",
    ):
        assert words in texts


# --- properties -------------------------------------------------------------------------

sent_days = st.dates(min_value=D(2000, 1, 1), max_value=D(2099, 12, 31))
closed_days = st.frozensets(st.dates(min_value=D(2000, 1, 1), max_value=D(2100, 6, 30)), max_size=5)


@given(sent=sent_days, days=st.integers(1, 120), closed=closed_days, franc=st.booleans())
def test_the_deadline_is_the_first_working_day_from_day_n(
    sent: dt.date, days: int, closed: frozenset[dt.date], franc: bool
) -> None:
    options = RemedyOptions(days=days, extra_closed_days=closed, franc=franc)
    deadline = remedy_deadline(sent, options)
    nominal = sent + dt.timedelta(days=days + (1 if franc else 0))
    assert deadline.nominal_expiry == nominal
    assert deadline.expires_on >= nominal
    assert is_working_day(deadline.expires_on, closed)
    # every day from the nominal expiry to the deadline (excluded) is non-working
    day = nominal
    while day < deadline.expires_on:
        assert not is_working_day(day, closed)
        day += dt.timedelta(days=1)
    assert len(deadline.skipped) == (deadline.expires_on - nominal).days
    assert all(s.reason and s.reason_en for s in deadline.skipped)
    assert remedy_expiry(sent, options) == deadline.expires_on


@given(sent=sent_days, delay=st.integers(0, 20))
def test_counting_from_receipt_is_counting_from_the_receipt_date(sent: dt.date, delay: int) -> None:
    received = sent + dt.timedelta(days=delay)
    options = RemedyOptions(count_from="receipt", received_on=received)
    assert remedy_deadline(sent, options).expires_on == remedy_deadline(received).expires_on
    assert remedy_deadline(sent, options).expires_on >= remedy_deadline(sent).expires_on


def test_the_explanation_names_each_day_skipped_with_its_reason() -> None:
    # Sent Wed 2 Dec 2026: day 30 = Fri 1 Jan 2027 (New Year's Day), then Sat 2 and Sun 3,
    # then Mon 4 Jan 2027 given as a jour chômé: the deadline moves to Tue 5 Jan 2027, and
    # termination is allowed from the day after, Wed 6 Jan 2027.
    deadline = remedy_deadline(D(2026, 12, 2), RemedyOptions(extra_closed_days=[D(2027, 1, 4)]))
    assert (
        "Le 30e jour est le vendredi 1er janvier 2027. Le délai est prorogé au premier jour "
        "ouvrable suivant (CPC 642 al. 2) ; jours non ouvrables passés : vendredi 1er janvier "
        "2027 (jour férié : 1er janvier), samedi 2 janvier 2027 (samedi), dimanche 3 janvier "
        "2027 (dimanche), lundi 4 janvier 2027 (jour chômé indiqué). Le délai pour remédier au "
        "manquement expire le mardi 5 janvier 2027 à 24 h"
    ) in deadline.explain()
    assert (
        "Day 30 is Friday 1 January 2027. The deadline moves to the next working day (CPC 642 "
        "al. 2); non-working days skipped: Friday 1 January 2027 (public holiday: New Year's "
        "Day), Saturday 2 January 2027 (Saturday), Sunday 3 January 2027 (Sunday), Monday 4 "
        "January 2027 (closed day (given)). The deadline to remedy the breach is Tuesday 5 "
        "January 2027 at midnight"
    ) in deadline.explain("en")


@pytest.mark.parametrize(
    ("sent", "options", "french", "english"),
    [
        # 31 Dec 9999 + 1 day is past the last date Python can hold: one day, singular.
        pytest.param(
            D(9999, 12, 31),
            RemedyOptions(days=1),
            "days: un délai de 1 jour à compter du 9999-12-31 expire après l'an 9999 "
            "(Art. 12 al. 2)",
            "days: a period of 1 day from 9999-12-31 ends after year 9999 (Art. 12 al. 2)",
            id="one-day",
        ),
        # 20 Dec 9999 + 30 days would be 19 Jan 10000: the contract's thirty days, plural.
        pytest.param(
            D(9999, 12, 20),
            DEFAULT_REMEDY_OPTIONS,
            "days: un délai de 30 jours à compter du 9999-12-20 expire après l'an 9999 "
            "(Art. 12 al. 2)",
            "days: a period of 30 days from 9999-12-20 ends after year 9999 (Art. 12 al. 2)",
            id="thirty-days",
        ),
    ],
)
def test_a_period_past_year_9999_reads_in_full(
    sent: dt.date, options: RemedyOptions, french: str, english: str
) -> None:
    with pytest.raises(DateError) as info:
        remedy_deadline(sent, options)
    assert info.value.render("fr") == french
    assert info.value.render("en") == english


def test_a_skipped_day_as_json_names_the_day_and_why() -> None:
    # A letter sent on Thursday 31 December 2026: the 30th day is Saturday 30 January
    # 2027, then Sunday 31 January, both skipped; the deadline is Monday 1 February.
    skipped = remedy_deadline(dt.date(2026, 12, 31)).skipped
    assert [day.to_json() for day in skipped] == [
        {"date": "2027-01-30", "reason": "samedi", "reason_en": "Saturday"},
        {"date": "2027-01-31", "reason": "dimanche", "reason_en": "Sunday"},
    ]
