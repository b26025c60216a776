"""The report's page (mgp_convention.report.page), read back with an HTML parser (lxml).

What a person relies on when they open the file: every convention and every legal date
of the portfolio is there, in the portfolio's order, each linked to its section;
nothing is loaded from anywhere; every value from the files is text (a reference written
``<script>`` stays text); the page is French by default, its headings, tables and
timeline are accessible (scopes, a text alternative, contrast).
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
import shutil
from pathlib import Path

import attrs
import lxml.html
import pytest
from lxml.html import HtmlElement
from test_report_timeline import (
    HOSTILE_DETAILS,
    HOSTILE_NAME,
    HOSTILE_REFERENCE,
    ON,
    more_cases,
    write_cases,
)

from mgp_convention.io import dump_path
from mgp_convention.report import ReportData, report_data
from mgp_convention.report.drawing import PANEL_HEIGHT
from mgp_convention.report.page import CONTRASTS, PALETTE, html_bytes, render_html

from _builders import D, convention

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def parse(page: str) -> HtmlElement:
    return lxml.html.document_fromstring(page)


@pytest.fixture(scope="module")
def examples() -> tuple[ReportData, HtmlElement]:
    data = report_data(EXAMPLES, D(2026, 11, 28))
    return data, parse(render_html(data, "fr", source="examples"))


@pytest.fixture(scope="module")
def cases(tmp_path_factory: pytest.TempPathFactory) -> tuple[ReportData, HtmlElement]:
    folder = write_cases(tmp_path_factory.mktemp("cases"))
    (folder / "broken.json").write_text('{"schema_version": 2', encoding="utf-8")
    data = report_data(folder, ON)
    return data, parse(render_html(data))


BOTH = ["examples", "cases"]


@pytest.fixture(params=BOTH)
def report(request: pytest.FixtureRequest) -> tuple[ReportData, HtmlElement]:
    found: tuple[ReportData, HtmlElement] = request.getfixturevalue(request.param)
    return found


def text(element: HtmlElement) -> str:
    return " ".join(element.text_content().split())


def section_of(doc: HtmlElement, reference: str) -> HtmlElement:
    (found,) = [
        s
        for s in doc.xpath("//section[@class='convention']")
        if s.get("data-reference") == reference
    ]
    return found


def test_every_convention_is_in_the_table_the_timeline_and_a_section(
    report: tuple[ReportData, HtmlElement],
) -> None:
    data, doc = report
    references = [row.reference for row in data.rows]
    table = doc.xpath("//table[@class='portfolio']/tbody/tr")
    # The same rows as `portfolio`, in its urgency order.
    assert [tr.get("data-reference") for tr in table] == references
    assert [text(tr.xpath("th")[0]) for tr in table] == references
    lines = doc.xpath("//svg[@class='timeline']//g[@class='timeline-line']")
    assert [g.get("data-reference") for g in lines] == references
    sections = doc.xpath("//section[@class='convention']")
    assert [s.get("data-reference") for s in sections] == references
    for section, row in zip(sections, data.rows, strict=True):
        heading = text(section.xpath("h3")[0])
        assert heading == f"{row.reference} — {row.beneficiary}"


def test_each_row_links_to_its_section_and_every_link_lands(
    report: tuple[ReportData, HtmlElement],
) -> None:
    _, doc = report
    ids = set(doc.xpath("//@id"))
    for tr, section in zip(
        doc.xpath("//table[@class='portfolio']/tbody/tr"),
        doc.xpath("//section[@class='convention']"),
        strict=True,
    ):
        assert tr.xpath(".//a/@href") == ["#" + section.get("id")]
    links = [href for href in doc.xpath("//@href") if href.startswith("#")]
    assert links
    assert {href[1:] for href in links} <= ids


def test_every_legal_date_of_the_portfolio_is_in_its_section(
    report: tuple[ReportData, HtmlElement],
) -> None:
    data, doc = report
    assert sum(len(row.dates) for row in data.rows) > 0
    for row in data.rows:
        rows = section_of(doc, row.reference).xpath(".//table[@class='dates']/tbody/tr")
        shown = [(tr.get("data-key"), tr.xpath(".//time/@datetime")[0]) for tr in rows]
        assert shown == [(date.key, date.on.isoformat()) for date in row.dates]
        for tr, date in zip(rows, row.dates, strict=True):
            assert date.article in text(tr)
            assert (tr.get("class") == "void") is (date.void is not None)


def test_the_summary_lists_the_next_thirty_days_and_the_overdue(
    report: tuple[ReportData, HtmlElement],
) -> None:
    data, doc = report
    upcoming = doc.xpath("//table[@class='upcoming']/tbody/tr")
    assert [(tr.get("data-key"), tr.xpath(".//time/@datetime")[0]) for tr in upcoming] == [
        (due.date.key, due.date.on.isoformat()) for due in data.upcoming
    ]
    overdue = doc.xpath("//table[@class='overdue']/tbody/tr")
    assert [text(tr.xpath("th")[0]) for tr in overdue] == [row.reference for row in data.overdue]
    counts = {
        text(tr.xpath("th")[0]): int(text(tr.xpath("td")[0]))
        for tr in doc.xpath("//table[@class='counts']/tbody/tr")
    }
    assert counts == {state.label("fr"): count for state, count in data.state_counts}


#: The attributes that make a browser load something.
LOADING = (
    "src",
    "href",
    "srcset",
    "poster",
    "data",
    "action",
    "formaction",
    "background",
    "xlink:href",
)


def test_nothing_is_loaded_from_anywhere(report: tuple[ReportData, HtmlElement]) -> None:
    _, doc = report
    for element in doc.iter():
        if not isinstance(element.tag, str):
            continue
        for name, value in element.attrib.items():
            if name in LOADING or name.endswith(":href"):
                assert value.startswith(("#", "data:")), (element.tag, name, value)
    css = " ".join(doc.xpath("//style/text()") + doc.xpath("//@style"))
    assert "@import" not in css
    assert all(
        target.startswith(("#", "data:")) for target in re.findall(r"url\(\s*['\"]?([^)'\"]*)", css)
    )
    assert not re.search(r"https?:", css)
    for tag in ("script", "iframe", "object", "embed", "img", "link[@rel='stylesheet']", "base"):
        assert doc.xpath(f"//{tag}") == [], tag
    (policy,) = doc.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")
    assert policy.startswith("default-src 'none'")


def test_values_from_the_files_stay_text(cases: tuple[ReportData, HtmlElement]) -> None:
    _, doc = cases
    # Had anything been pasted as markup, these elements would exist.
    assert doc.xpath("//script | //img | //b") == []
    section = section_of(doc, HOSTILE_REFERENCE)
    assert text(section.xpath("h3")[0]) == f"{HOSTILE_REFERENCE} — {HOSTILE_NAME}"
    assert HOSTILE_DETAILS in section.text_content()
    assert "</title><script>x</script>" in section.text_content()
    (line,) = [
        g
        for g in doc.xpath("//g[@class='timeline-line']")
        if g.get("data-reference") == HOSTILE_REFERENCE
    ]
    assert line.xpath("title")[0].text_content().startswith(f"{HOSTILE_REFERENCE} — {HOSTILE_NAME}")
    assert (
        doc.xpath("//table[@class='portfolio']/tbody/tr[2]/th")[0].text_content().strip()
        == HOSTILE_REFERENCE
    )


def test_french_by_default_english_on_demand(examples: tuple[ReportData, HtmlElement]) -> None:
    data, doc = examples
    assert doc.get("lang") == "fr"
    assert [text(h) for h in doc.xpath("//h2")][:4] == [
        "Synthèse",
        "Frise chronologique",
        "Tableau du portefeuille",
        "Les conventions une à une",
    ]
    assert "samedi 28 novembre 2026" in text(doc.xpath("//header")[0])
    english = parse(render_html(data, "en"))
    assert english.get("lang") == "en"
    assert [text(h) for h in english.xpath("//h2")][:2] == ["Summary", "Timeline"]
    assert "Saturday 28 November 2026" in text(english.xpath("//header")[0])


def test_headings_tables_and_timeline_are_accessible(
    report: tuple[ReportData, HtmlElement],
) -> None:
    _, doc = report
    levels = [int(h.tag[1]) for h in doc.xpath("//h1 | //h2 | //h3 | //h4")]
    assert levels[0] == 1
    assert levels.count(1) == 1
    assert all(after <= before + 1 for before, after in itertools.pairwise(levels))
    for table in doc.xpath("//table"):
        assert table.xpath("thead/tr/th"), "a table without headers"
        assert {th.get("scope") for th in table.xpath("thead/tr/th")} == {"col"}
        assert {th.get("scope") for th in table.xpath("tbody/tr/th")} <= {"row"}
    ids = set(doc.xpath("//@id"))
    for svg in doc.xpath("//svg[@class='timeline']"):
        assert svg.get("role") == "img"
        title, desc = svg.get("aria-labelledby").split()
        assert {title, desc} <= ids
        assert svg.xpath("title")[0].get("id") == title
        assert text(svg.xpath("desc")[0])
    for svg in doc.xpath("//ul[@class='legend']//svg"):
        assert svg.get("aria-hidden") == "true"


def test_the_timeline_has_its_facts_as_a_table(cases: tuple[ReportData, HtmlElement]) -> None:
    data, doc = cases
    rows = doc.xpath("//details[@class='facts']//tbody/tr")
    segments = [segment for line in data.lines for segment in line.segments]
    assert len(rows) == len(segments)
    for tr, segment in zip(rows, segments, strict=True):
        assert tr.get("data-kind") == segment.kind.value
        assert text(tr.xpath("th")[0]) == segment.convention
        assert tr.xpath(".//time/@datetime")[0] == segment.first.isoformat()
        assert segment.article in text(tr)


def relative_luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


@pytest.mark.parametrize(("foreground", "background", "minimum"), CONTRASTS)
def test_colours_have_the_contrast_wcag_asks(
    foreground: str, background: str, minimum: float
) -> None:
    lighter, darker = sorted(
        (relative_luminance(PALETTE[foreground]), relative_luminance(PALETTE[background])),
        reverse=True,
    )
    assert (lighter + 0.05) / (darker + 0.05) >= minimum


def test_a_file_that_could_not_be_used_is_listed(cases: tuple[ReportData, HtmlElement]) -> None:
    data, doc = cases
    assert [failure.file.name for failure in data.failures] == ["broken.json"]
    (section,) = doc.xpath("//section[@id='failures']")
    assert "broken.json" in text(section)
    assert len(section.xpath(".//li")) == len(data.failures[0].problems)
    assert doc.xpath("//nav//a[@href='#failures']")


def test_files_sharing_a_reference_are_named(tmp_path: Path) -> None:
    shutil.copy(EXAMPLES / "01-valmont-signee.json", tmp_path / "a.json")
    shutil.copy(EXAMPLES / "01-valmont-signee.json", tmp_path / "b.json")
    doc = parse(render_html(report_data(tmp_path, D(2026, 11, 28))))
    (warning,) = doc.xpath("//p[@class='warning']")
    assert text(warning) == "2 fichiers portent la référence MGP-AM-2026-EX-001 : a.json, b.json"
    anchors = [s.get("id") for s in doc.xpath("//section[@class='convention']")]
    assert len(set(anchors)) == 2


def test_many_conventions_are_cut_into_panels_of_one_page(tmp_path: Path) -> None:
    for number in range(60):
        case = convention(reference=f"MGP-AM-2026-{number:03d}")
        dump_path(attrs.evolve(case, events=case.events), tmp_path / f"{number:03d}.json")
    doc = parse(render_html(report_data(tmp_path, dt.date(2026, 11, 28))))
    panels = doc.xpath("//svg[@class='timeline']")
    assert len(panels) > 1
    assert all(float(svg.get("height")) <= PANEL_HEIGHT + 6 for svg in panels)
    lines = [
        g.get("data-reference") for svg in panels for g in svg.xpath(".//g[@class='timeline-line']")
    ]
    assert lines == [f"MGP-AM-2026-{number:03d}" for number in range(60)]


def test_an_empty_folder_says_so(tmp_path: Path) -> None:
    doc = parse(render_html(report_data(tmp_path, D(2026, 11, 28))))
    assert doc.xpath("//svg[@class='timeline']") == []
    assert "Aucun fichier de convention n'a pu être listé." in text(
        doc.xpath("//section[@id='table']")[0]
    )


def facts(section: HtmlElement) -> dict[str, tuple[str, str]]:
    """The status table of a section: what → (value, article)."""
    return {
        text(tr.xpath("th")[0]): (text(tr.xpath("td")[0]), text(tr.xpath("td")[1]))
        for tr in section.xpath(".//table[@class='facts']/tbody/tr")
    }


def history(section: HtmlElement) -> list[tuple[str, str, list[str]]]:
    """The history table of a section: (date, event, each line of its details)."""
    return [
        (
            tr.xpath(".//time/@datetime")[0],
            text(tr.xpath("td")[1]),
            [" ".join(part.split()) for part in tr.xpath("td")[2].itertext() if part.strip()],
        )
        for tr in section.xpath(".//table[@class='history']/tbody/tr")
    ]


def test_a_section_says_what_the_status_holds(tmp_path: Path) -> None:
    for name, case in more_cases().items():
        dump_path(case, tmp_path / f"{name}.json")
    doc = parse(render_html(report_data(tmp_path, ON)))
    delayed = section_of(doc, "CAS-RETARD-BENEFICIAIRE")
    assert facts(delayed)["Cause actuelle du retard"] == ("le bénéficiaire", "Art. 5 al. 3")
    assert history(delayed)[-1] == (
        "2027-02-20",
        "Retard signalé",
        ["cause : le bénéficiaire", "recrutement"],
    )
    late = text(section_of(doc, "CAS-TARDIF-ACCEPTE"))
    assert "réparé tardivement, le mardi 20 avril 2027 ; la Métropole a accepté la" in late
    assert "ouvert : pas encore de mise en demeure, les trente jours n'ont pas commencé" in late
    assert history(section_of(doc, "CAS-TARDIF-ACCEPTE"))[5] == (
        "2027-04-20",
        "Manquement réparé",
        ["manquement B1", "la Métropole a accepté une remédiation tardive"],
    )


def test_no_day_of_use_and_today(tmp_path: Path) -> None:
    dump_path(more_cases()["no_day_of_use"], tmp_path / "a.json")
    doc = parse(render_html(report_data(tmp_path, D(2027, 11, 15))))
    section = section_of(doc, "CAS-AUCUN-JOUR")
    assert facts(section)["Période d'utilisation"] == (
        "il ne reste aucun jour d'utilisation",
        "Art. 5 al. 5",
    )
    (started,) = section.xpath(".//table[@class='dates']/tbody/tr[@data-key='experiment_started']")
    assert text(started.xpath("td[@class='when']")[0]) == "aujourd'hui"


def test_the_bytes_written_are_the_page_in_utf_8(examples: tuple[ReportData, HtmlElement]) -> None:
    data, _ = examples
    assert html_bytes(data, "en", source="x") == render_html(data, "en", source="x").encode()


def test_a_single_convention_is_the_timeline_of_the_convention(tmp_path: Path) -> None:
    shutil.copy(EXAMPLES / "01-valmont-signee.json", tmp_path)
    doc = parse(render_html(report_data(tmp_path, D(2026, 11, 28))))
    assert text(doc.xpath("//figcaption")[0]) == "Frise chronologique de la convention"
    assert text(doc.xpath("//svg[@class='timeline']/title")[0]) == text(
        doc.xpath("//figcaption")[0]
    )


def test_a_breach_whose_thirty_days_are_over_says_so(
    examples: tuple[ReportData, HtmlElement],
) -> None:
    _, doc = examples
    # Clairval: B1's thirty days ended on Wednesday 25 November 2026; B2's run to
    # Wednesday 9 December.
    rows = section_of(doc, "MGP-AM-2026-EX-006").xpath(".//table[@class='breaches']/tbody/tr")
    outcomes = [text(tr.xpath("td")[-1]) for tr in rows]
    assert outcomes == ["ouvert : les trente jours sont écoulés, sans remédiation", "ouvert"]
