"""The iCalendar export (:mod:`mgp_convention.ical`) and ``mgp-convention calendar``."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import attrs
import icalendar
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mgp_convention.cli import main
from mgp_convention.convention import Convention
from mgp_convention.errors import DateError, InvalidValue
from mgp_convention.events import (
    AmendmentSigned,
    BreachRecorded,
    BreachRemedied,
    Changes,
    Event,
    ExperimentStarted,
    FormalNoticeSent,
    Obligation,
)
from mgp_convention.examples import example_convention
from mgp_convention.i18n import Lang
from mgp_convention.ical import (
    PRODID,
    UID_NAMESPACE,
    build_calendar,
    iter_ical,
    legal_date_events,
    uid_of,
)
from mgp_convention.io import dumps, load_path
from mgp_convention.legal_dates import legal_dates
from mgp_convention.lifecycle import Lifecycle

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
EXAMPLE = example_convention()  # signed 12 and 19 November 2026
STAMP = dt.datetime(2026, 11, 30, 8, 15, 42, 123456, tzinfo=dt.UTC)
D = dt.date


def convention(*events: Event, reference: str = EXAMPLE.reference) -> Convention:
    return attrs.evolve(EXAMPLE, reference=reference, events=(*EXAMPLE.events, *events))


def export(*conventions: Convention, on: dt.date, stamp: dt.datetime = STAMP) -> bytes:
    lifecycles = [Lifecycle.from_convention(c) for c in conventions]
    ics: bytes = build_calendar(lifecycles, on, stamp=stamp).to_ical()
    return ics


def events_of(ics: bytes) -> dict[str, icalendar.Event]:
    """The VEVENTs of an exported file, parsed back, by their date key."""
    calendar = icalendar.Calendar.from_ical(ics)
    return {str(event["X-MGP-CONVENTION-DATE-KEY"]): event for event in calendar.events}


def test_the_file_parses_back_with_the_expected_events() -> None:
    ics = export(EXAMPLE, on=D(2026, 11, 28))
    calendar = icalendar.Calendar.from_ical(ics)
    assert str(calendar["PRODID"]) == PRODID
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["X-WR-CALNAME"]) == "Conventions ApproprIAtion Métropolitaine"
    events = calendar.events
    # Hand-checked: the last signature; the planned start and the three steps from it
    # (1 month, 15 days, 6 months); 1 May (reduced usage); 30 Oct, the last day of use
    # before an evaluation of 2 months from 31 Oct to 30 Dec, « avant le » 31 Dec; the
    # evaluation deadline; the end date.
    assert [(str(e["X-MGP-CONVENTION-DATE-KEY"]), e.decoded("DTSTART")) for e in events] == [
        ("effective_date", D(2026, 11, 19)),
        ("planned_start", D(2027, 3, 1)),
        ("deployment_step_1", D(2027, 3, 1)),
        ("deployment_step_2", D(2027, 4, 1)),
        ("deployment_step_3", D(2027, 4, 16)),
        ("reduced_usage_after", D(2027, 5, 1)),
        ("usage_cut", D(2027, 10, 30)),
        ("evaluation_deadline", D(2027, 12, 31)),
        ("end_date", D(2028, 3, 31)),
    ]
    end = events[-1]
    assert end.decoded("DTEND") == D(2028, 4, 1)  # all day: DTEND is the day after
    assert str(end["SUMMARY"]) == (
        "MGP-AM-2026-EX-001 — fin de la convention (dernier jour en vigueur)"
    )
    description = str(end["DESCRIPTION"])
    assert "Date : vendredi 31 mars 2028." in description
    assert "Art. 2 : « La présente Convention prend effet" in description
    assert "Commune de Valmont-sur-Marne (fictive)" in description
    assert str(end["STATUS"]) == "CONFIRMED"
    assert str(end["TRANSP"]) == "TRANSPARENT"
    assert end.decoded("DTSTAMP") == dt.datetime(2026, 11, 30, 8, 15, 42, tzinfo=dt.UTC)
    # Two events applied; the last on 19 November: 00:00 in Paris is 23:00 UTC the day before.
    assert end.sequence == 2
    assert end.decoded("LAST-MODIFIED") == dt.datetime(2026, 11, 18, 23, 0, tzinfo=dt.UTC)
    assert len({str(e["UID"]) for e in events}) == len(events)


def test_importing_twice_keeps_one_event_per_date() -> None:
    first = events_of(export(EXAMPLE, on=D(2026, 11, 28)))
    again = events_of(export(EXAMPLE, on=D(2026, 12, 5), stamp=STAMP + dt.timedelta(days=5)))
    assert {k: str(e["UID"]) for k, e in first.items()} == {
        k: str(e["UID"]) for k, e in again.items()
    }
    # Nothing happened in between: only DTSTAMP differs.
    for key, event in first.items():
        assert event.decoded("DTSTART") == again[key].decoded("DTSTART")
        assert event.sequence == again[key].sequence


def test_an_amendment_moves_the_end_date_under_the_same_uid() -> None:
    amended = convention(AmendmentSigned(D(2027, 6, 1), changes=Changes(end_date=D(2028, 9, 30))))
    before = events_of(export(amended, on=D(2027, 5, 31)))["end_date"]
    after = events_of(export(amended, on=D(2027, 6, 1)))["end_date"]
    assert str(before["UID"]) == str(after["UID"]) == uid_of(EXAMPLE.reference, "end_date")
    assert before.decoded("DTSTART") == D(2028, 3, 31)
    assert after.decoded("DTSTART") == D(2028, 9, 30)
    assert after.sequence > before.sequence  # 2 events applied, then 3
    assert after.decoded("LAST-MODIFIED") == dt.datetime(2027, 5, 31, 22, 0, tzinfo=dt.UTC)


def test_a_remedy_cancels_the_termination_date_under_the_same_uid() -> None:
    conv = convention(
        ExperimentStarted(D(2027, 3, 1)),
        BreachRecorded(D(2027, 4, 1), obligation=Obligation.SHARE_DATA, impedes_experiment=True),
        # Sent Friday 2 April 2027: day 30 is Sunday 2 May → Monday 3 May.
        FormalNoticeSent(D(2027, 4, 2), letter_reference="LRAR 1"),
        BreachRemedied(D(2027, 4, 20)),
    )
    open_ = events_of(export(conv, on=D(2027, 4, 10)))
    closed = events_of(export(conv, on=D(2027, 4, 20)))
    key = "termination_allowed_from_B1"
    assert open_["remedy_deadline_B1"].decoded("DTSTART") == D(2027, 5, 3)
    assert str(open_[key]["UID"]) == str(closed[key]["UID"])
    assert str(open_[key]["STATUS"]) == "CONFIRMED"
    assert str(closed[key]["STATUS"]) == "CANCELLED"
    assert str(closed[key]["SUMMARY"]).startswith("Annulé : MGP-AM-2026-EX-001 — ")
    assert "Ne s'applique plus : réparé le mardi 20 avril 2027." in str(closed[key]["DESCRIPTION"])


def test_the_uid_scheme_is_pinned() -> None:
    # Changing the namespace or the name would duplicate every event on re-import. The
    # value: uuid5(uuid5(NAMESPACE_URL, "urn:mgp-convention:legal-date"),
    # "MGP-AM-2026-EX-001/end_date"), computed outside the package.
    assert str(UID_NAMESPACE) == "e7d3e989-2d9f-5f45-993b-04d7533c1cff"
    assert uid_of("MGP-AM-2026-EX-001", "end_date") == "46cc1f65-4fdb-572c-8ec6-3eff21905104"


def test_english_and_several_conventions_in_reference_order() -> None:
    lifecycles = [
        Lifecycle.from_convention(convention(reference=ref)) for ref in ("REF-B", "REF-A")
    ]
    calendar = build_calendar(lifecycles, D(2026, 11, 28), stamp=STAMP, lang="en", name="Mine")
    events = calendar.walk("VEVENT")
    assert len(events) == 18
    assert str(events[0]["SUMMARY"]) == "REF-A — the convention takes effect (last signature)"
    assert str(events[-1]["X-MGP-CONVENTION-REFERENCE"]) == "REF-B"
    assert "Date: Thursday 19 November 2026." in str(events[0]["DESCRIPTION"])
    assert str(calendar["NAME"]) == "Mine"
    voided = legal_date_events(
        Lifecycle.from_convention(EXAMPLE), D(2028, 4, 1), stamp=STAMP, lang="en"
    )
    assert all(str(event["STATUS"]) == "CONFIRMED" for event in voided)


def test_a_convention_with_no_event_yet() -> None:
    unsigned = attrs.evolve(EXAMPLE, events=())
    events = legal_date_events(Lifecycle.from_convention(unsigned), D(2026, 11, 1), stamp=STAMP)
    assert len(events) == 8  # the example's dates but the effective date
    assert all(event.sequence == 0 for event in events)
    assert all("LAST-MODIFIED" not in event for event in events)


def test_refused_inputs() -> None:
    lifecycle = Lifecycle.from_convention(EXAMPLE)
    with pytest.raises(DateError, match="aware datetime"):
        build_calendar([lifecycle], D(2026, 11, 28), stamp=dt.datetime(2026, 11, 30, 8, 0))
    with pytest.raises(InvalidValue, match="share the same UIDs"):
        build_calendar([lifecycle, lifecycle], D(2026, 11, 28), stamp=STAMP)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_streamed_file_is_the_built_calendar(lang: Lang) -> None:
    """iter_ical writes, piece by piece, the bytes build_calendar makes whole (for the
    conventions in reference order, the order build_calendar sorts them in)."""
    lifecycles = sorted(
        (Lifecycle.from_convention(load_path(path)) for path in EXAMPLES.glob("*.json")),
        key=lambda lifecycle: lifecycle.convention.reference,
    )
    built = build_calendar(lifecycles, D(2026, 11, 28), stamp=STAMP, lang=lang).to_ical()
    streamed = b"".join(iter_ical(lifecycles, D(2026, 11, 28), stamp=STAMP, lang=lang))
    assert streamed == built
    assert b"".join(iter_ical([], D(2026, 11, 28), stamp=STAMP)) == (
        build_calendar([], D(2026, 11, 28), stamp=STAMP).to_ical()
    )


def test_the_stream_reads_one_convention_at_a_time() -> None:
    taken: list[str] = []

    def lifecycles() -> Iterator[Lifecycle]:
        for reference in ("REF-A", "REF-B", "REF-A"):
            taken.append(reference)
            yield Lifecycle.from_convention(convention(reference=reference))

    pieces = iter_ical(lifecycles(), D(2026, 11, 28), stamp=STAMP)
    assert next(pieces).startswith(b"BEGIN:VCALENDAR")
    assert taken == []
    assert next(pieces).startswith(b"BEGIN:VEVENT")
    assert taken == ["REF-A"]
    # The second REF-A is refused when it comes, as build_calendar refuses it.
    with pytest.raises(InvalidValue, match="share the same UIDs"):
        list(pieces)
    assert taken == ["REF-A", "REF-B", "REF-A"]


# --- the command ------------------------------------------------------------------------------


def test_cli_file_to_stdout(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764490542")  # 2025-11-30T08:15:42Z
    path = str(EXAMPLES / "03-bois-fictif-remediation.json")
    assert main(["calendar", path, "--on", "2026-11-28"]) == 0
    events = events_of(capsys.readouterr().out.encode())
    assert events["remedy_deadline_B1"].decoded("DTSTART") == D(2026, 12, 21)
    assert events["termination_allowed_from_B1"].decoded("DTSTART") == D(2026, 12, 22)
    assert events["end_date"].decoded("DTSTAMP") == dt.datetime(
        2025, 11, 30, 8, 15, 42, tzinfo=dt.UTC
    )


def test_cli_dash_is_standard_output_not_a_file_named_dash(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """``-o -`` writes to standard output, as ``document``, ``report`` and ``export`` do:
    it made a file named ``-`` in the current folder, and a full or closed standard
    output then went unnoticed (exit 0)."""
    monkeypatch.chdir(tmp_path)
    path = str(EXAMPLES / "03-bois-fictif-remediation.json")
    assert main(["calendar", path, "--on", "2026-11-28", "-o", "-"]) == 0
    assert "remedy_deadline_B1" in events_of(capsys.readouterr().out.encode())
    assert list(tmp_path.iterdir()) == []


def test_cli_folder_with_failures_exports_the_others(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for example in EXAMPLES.glob("0[1-5]-*.json"):  # the first five examples
        shutil.copy(example, folder)
    (folder / "10-broken.json").write_text("[", encoding="utf-8")
    refused = convention(FormalNoticeSent(D(2026, 11, 25), letter_reference="X"))
    (folder / "11-refused.json").write_text(
        dumps(attrs.evolve(refused, reference="MGP-AM-2026-EX-099")), encoding="utf-8"
    )
    (folder / "12-same-reference.json").write_text(dumps(EXAMPLE), encoding="utf-8")
    out = tmp_path / "out.ics"

    assert main(["calendar", str(folder), "-o", str(out), "--on", "2026-11-28"]) == 1

    err = capsys.readouterr().err
    assert "10-broken.json: JSON non valable" in err
    refused_line = next(line for line in err.splitlines() if "11-refused.json: " in line)
    assert "events[2]" in refused_line
    assert "impossible d'enregistrer une mise en demeure (état : signée)" in refused_line
    assert "12-same-reference.json : la référence 'MGP-AM-2026-EX-001' est aussi celle de" in err
    calendar = icalendar.Calendar.from_ical(out.read_bytes())
    references = {str(e["X-MGP-CONVENTION-REFERENCE"]) for e in calendar.walk("VEVENT")}
    assert references == {f"MGP-AM-2026-EX-00{n}" for n in range(1, 6)}
    # 9 + 11 + 13 + 13 + 8 dates (see test_portfolio for their derivation).
    # 54 legal dates, and the effective date of example 04's termination (24 July 2026).
    assert len(calendar.walk("VEVENT")) == 55


def test_cli_folder_in_file_name_order_same_to_stdout_and_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A folder is exported file by file, in the files' name order (here the reverse of
    the references' order), the same bytes on standard output and in a file."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764490542")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "1.json").write_text(dumps(convention(reference="REF-B")), encoding="utf-8")
    (folder / "2.json").write_text(dumps(convention(reference="REF-A")), encoding="utf-8")
    out = tmp_path / "out.ics"
    assert main(["calendar", str(folder), "-o", str(out), "--on", "2026-11-28"]) == 0
    assert main(["calendar", str(folder), "--on", "2026-11-28"]) == 0
    assert capsys.readouterr().out.encode() == out.read_bytes()
    events = icalendar.Calendar.from_ical(out.read_bytes()).walk("VEVENT")
    references = [str(event["X-MGP-CONVENTION-REFERENCE"]) for event in events]
    assert references == ["REF-B"] * 9 + ["REF-A"] * 9


def test_cli_single_refused_file_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "refused.json"
    path.write_text(
        dumps(convention(FormalNoticeSent(D(2026, 11, 25), letter_reference="X"))),
        encoding="utf-8",
    )
    assert main(["calendar", str(path), "--on", "2026-11-28"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "impossible d'enregistrer une mise en demeure (état : signée)" in captured.err
    assert main(["calendar", str(path), "--on", "2026-11-28", "--lang", "en"]) == 1
    assert "cannot record a formal notice (state: signed)" in capsys.readouterr().err


def test_cli_bad_source_date_epoch_and_unwritable_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = str(EXAMPLES / "01-valmont-signee.json")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    with pytest.raises(SystemExit) as exit_info:
        main(["calendar", path, "--on", "2026-11-28"])
    assert exit_info.value.code == 2
    assert "SOURCE_DATE_EPOCH='yesterday'" in capsys.readouterr().err
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    # An output that cannot be written is a failure of the command (1), not of its usage.
    assert main(["calendar", path, "-o", str(tmp_path / "missing" / "out.ics")]) == 1
    assert "écriture impossible : fichier ou dossier introuvable" in capsys.readouterr().err


# --- issue 11: the export fuzzed with hostile texts -----------------------------------------

#: Pieces a hostile text is made of, on top of any character: line breaks of every
#: kind, iCalendar's own separators and escapes, a property to inject, terminal escapes,
#: a bidirectional override, a lone surrogate, a byte-order mark.
_TRICKY = (
    "\r",
    "\n",
    "\r\n",
    "\u2028",
    "\x85",
    ";",
    ",",
    ":",
    "\\",
    "\\n",
    '"',
    "\t",
    "\r\nATTENDEE:mailto:x@y",
    "\x1b[2J",
    "\u202e",
    "\ud800",
    "\ufeff",
    "\x00",
    " ",
)
_HOSTILE_TEXTS = st.lists(
    st.one_of(st.characters(exclude_categories=()), st.sampled_from(_TRICKY)), max_size=40
).map("".join)
#: The properties each event is written with (LAST-MODIFIED: the example has events).
_PROPERTIES = {
    "UID", "DTSTAMP", "LAST-MODIFIED", "SEQUENCE", "DTSTART", "DTEND", "SUMMARY",
    "DESCRIPTION", "CATEGORIES", "STATUS", "TRANSP", "X-MGP-CONVENTION-REFERENCE",
    "X-MGP-CONVENTION-DATE-KEY",
}  # fmt: skip


def _unescaped(text: str) -> str:
    """A TEXT value as written on the wire, unescaped (RFC 5545, 3.3.11)."""
    return re.sub(r"\\([\\;,nN])", lambda m: "\n" if m[1] in "nN" else m[1], text)


def _built(reference: str, name: str) -> Convention | InvalidValue:
    try:
        body = attrs.evolve(EXAMPLE.beneficiary, name=name)
        return attrs.evolve(EXAMPLE, reference=reference, beneficiary=body)
    except InvalidValue as err:
        return err


@settings(max_examples=150, deadline=None)
@given(reference=_HOSTILE_TEXTS, name=_HOSTILE_TEXTS)
def test_hostile_texts_are_refused_or_exported_with_exactly_our_properties(
    reference: str, name: str
) -> None:
    """Any text as the reference or the beneficiary's name: either the model refuses it
    (the package's error, naming the field), or the calendar parses back with
    ``icalendar`` to events that have exactly the properties written, the texts
    unchanged, and no content line that is not one of ours."""
    hostile = _built(reference, name)
    if isinstance(hostile, InvalidValue):
        assert hostile.field in {"name", "reference"}
        return
    ics = export(hostile, on=D(2026, 11, 28))
    events = icalendar.Calendar.from_ical(ics).walk("VEVENT")
    assert len(events) == len(legal_dates(Lifecycle.from_convention(hostile), D(2026, 11, 28)))
    for event in events:
        assert set(event.keys()) == _PROPERTIES
        # An X- property is TEXT by default (RFC 5545, 3.8.8.2), written escaped;
        # icalendar reads it back raw (vUnknown): unescape it as TEXT.
        assert _unescaped(event.decoded("X-MGP-CONVENTION-REFERENCE")) == reference
        assert str(event["SUMMARY"]).startswith(f"{reference} — ")
        assert name in str(event["DESCRIPTION"])
    unfolded = ics.replace(b"\r\n ", b"").split(b"\r\n")
    names = {re.split(rb"[;:]", line, maxsplit=1)[0] for line in unfolded if line}
    assert names <= {b"BEGIN", b"END", b"VERSION", b"PRODID", b"CALSCALE", b"METHOD",
                     b"X-WR-CALNAME", b"X-WR-TIMEZONE", b"NAME"} | {
        p.encode() for p in _PROPERTIES
    }  # fmt: skip


def test_a_lone_surrogate_is_refused_by_the_model_not_by_the_export() -> None:
    """The loader refused it in a file, but a caller building the model got a bare
    UnicodeEncodeError from ``to_ical()``: the model refuses it now, naming the field."""
    refused = _built("MGP\ud800AM", "Commune")
    assert isinstance(refused, InvalidValue)
    assert refused.field == "reference"
    assert "unpaired surrogate" in str(refused)
