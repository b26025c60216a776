"""The report as one self-contained HTML page (Jinja2, autoescaping on).

:func:`render_html` lays out a :class:`~mgp_convention.report.data.ReportData` with the
templates of ``templates/``: the summary, the timeline (inline SVG, positions from
:mod:`~mgp_convention.report.drawing`), the table of the portfolio, a section per
convention (:mod:`~mgp_convention.report.sections`) and the files that could not be
used. The page needs nothing else to open — no script, no font, no picture, no style
sheet to load: the styles are inlined, the pictures are SVG inside the page, and a
Content-Security-Policy forbids any load, so that even a value that slipped through
could fetch nothing. Every value is escaped by Jinja2 (a reference written
``<script>`` is shown as text).

Texts go through :func:`~mgp_convention.i18n.Message` and the gettext catalogues; French
text gets its non-breaking spaces (before « : », inside « guillemets »).

>>> import datetime as dt
>>> from mgp_convention.report.data import report_data
>>> page = render_html(report_data("examples", dt.date(2026, 11, 28)), "fr", source="examples")
>>> page.startswith("<!DOCTYPE html>"), '<html lang="fr">' in page
(True, True)
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import re
import unicodedata
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Final, cast

import attrs
import jinja2

from mgp_convention import __version__
from mgp_convention.errors import Problem
from mgp_convention.i18n import N_, NP_, Labelled, Lang, Message, check_lang
from mgp_convention.i18n import format_date as _format_date
from mgp_convention.i18n import format_day as _format_day
from mgp_convention.portfolio import Row
from mgp_convention.report.data import UPCOMING_DAYS, ReportData
from mgp_convention.report.drawing import AXIS_HEIGHT, VIEW_WIDTH, Drawing, Panel, draw
from mgp_convention.report.sections import section
from mgp_convention.report.texts import LEGEND, TEXTS
from mgp_convention.report.timeline import BAR_KINDS, Segment

__all__ = ["CONTRASTS", "PALETTE", "anchors", "french_spaces", "html_bytes", "render_html"]

#: The page's colours (the style sheet and the timeline read them from here).
PALETTE: Final[Mapping[str, str]] = {
    "page": "#ffffff",
    "text": "#111827",
    "muted": "#4b5563",
    "link": "#1d4ed8",
    "focus": "#7c3aed",
    "banner": "#1e3a8a",
    "banner_text": "#ffffff",
    "rule": "#d1d5db",
    "header_bg": "#f3f4f6",
    "band": "#f3f4f6",
    "grid": "#e5e7eb",
    "grid_year": "#9ca3af",
    "today": "#6d28d9",
    "overdue_bg": "#b91c1c",
    "overdue_text": "#ffffff",
    "soon_bg": "#fef3c7",
    "soon_text": "#713f12",
    "later_bg": "#e5e7eb",
    "later_text": "#1f2937",
    "none_bg": "#f3f4f6",
    "none_text": "#4b5563",
    "in_force": "#6b7280",
    "usage": "#1d4ed8",
    "usage_dark": "#1e3a8a",
    "breach": "#b91c1c",
    "breach_fill": "#fee2e2",
    "remedy": "#b45309",
    "remedied": "#166534",
    "end": "#374151",
}

#: The colour pairs (foreground, background) the page puts together, with the minimum
#: contrast ratio WCAG 2.1 asks of them: 4.5 for text (1.4.3), 3 for the shapes of the
#: timeline against the page and the alternate band (1.4.11). Tested.
CONTRASTS: Final[tuple[tuple[str, str, float], ...]] = (
    *(
        (text, background, 4.5)
        for text in ("text", "muted", "link")
        for background in ("page", "band", "header_bg")
    ),
    ("banner_text", "banner", 4.5),
    ("overdue_text", "overdue_bg", 4.5),
    ("overdue_bg", "page", 4.5),
    ("soon_text", "soon_bg", 4.5),
    ("later_text", "later_bg", 4.5),
    ("none_text", "none_bg", 4.5),
    ("today", "page", 4.5),
    ("today", "band", 4.5),
    *(
        (shape, background, 3.0)
        for shape in (
            "in_force",
            "usage",
            "usage_dark",
            "breach",
            "remedy",
            "remedied",
            "end",
            "text",
        )
        for background in ("page", "band")
    ),
    ("remedy", "breach_fill", 3.0),
)

_ASCII_UNSAFE: Final = re.compile(r"[^A-Za-z0-9_-]+")
# French typography: a no-break space before « : », a narrow one before « ; ! ? », and
# no-break spaces inside « guillemets ».
_BEFORE_COLON: Final = re.compile(r" :")
_BEFORE_PUNCTUATION: Final = re.compile(r" ([;!?])")
_AFTER_OPENING: Final = re.compile(r"« ")
_BEFORE_CLOSING: Final = re.compile(r" »")


def french_spaces(text: str) -> str:
    """``text`` with the no-break spaces of French typography.

    >>> text = french_spaces("État : « signée » ; fin ?")
    >>> text == "État\\u00a0: «\\u00a0signée\\u00a0»\\u202f; fin\\u202f?"
    True
    """
    text = _BEFORE_COLON.sub("\u00a0:", text)
    text = _BEFORE_PUNCTUATION.sub("\u202f\\1", text)
    text = _AFTER_OPENING.sub("«\u00a0", text)
    return _BEFORE_CLOSING.sub("\u00a0»", text)


def anchors(data: ReportData) -> tuple[str, ...]:
    """The id of each convention's section, in the order of the rows: ``c<n>-`` and the
    reference in ASCII letters, digits, ``-`` and ``_`` (unique even when two files share
    a reference).

    >>> import datetime as dt
    >>> from mgp_convention.report.data import report_data
    >>> anchors(report_data("examples", dt.date(2026, 11, 28)))[:2]
    ('c1-MGP-AM-2026-EX-006', 'c2-MGP-AM-2026-EX-010')
    """
    found = []
    for number, row in enumerate(data.rows, 1):
        ascii_text = unicodedata.normalize("NFKD", row.reference).encode("ascii", "ignore").decode()
        found.append(f"c{number}-{_ASCII_UNSAFE.sub('-', ascii_text).strip('-')}".rstrip("-"))
    return tuple(found)


def _number(value: float) -> str:
    """A coordinate, short: ``12``, ``12.5``, ``12.34``."""
    return f"{value:.2f}".rstrip("0").rstrip(".")


@functools.cache
def _environment() -> jinja2.Environment:
    """The templates' environment: autoescaping on everywhere, undefined names refused."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("mgp_convention.report", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["n"] = _number
    env.tests["date"] = lambda value: isinstance(value, dt.date)
    return env


_LABELLED: dict[type, bool] = {}


def _labelled(kind: type) -> bool:
    """Whether values of ``kind`` have labels (asked once per type: an ``isinstance``
    against the runtime protocol costs tens of microseconds)."""
    known = _LABELLED.get(kind)
    if known is None:
        known = _LABELLED[kind] = issubclass(kind, Labelled)
    return known


@attrs.frozen
class _Figure:
    """A key figure of the summary."""

    count: int
    words: Message
    alert: bool = False


class _Words:
    """What the templates say, in one language."""

    def __init__(self, lang: Lang) -> None:
        self.lang = lang
        self._dates: dict[dt.date, str] = {}

    @functools.cached_property
    def texts(self) -> dict[str, str]:
        return {name: self.say(Message(msgid)) for name, msgid in TEXTS.items()}

    def typography(self, text: str) -> str:
        return french_spaces(text) if self.lang == "fr" else text

    def date(self, day: dt.date) -> str:
        """``day`` written out (each day formatted once per page)."""
        words = self._dates.get(day)
        if words is None:
            words = self._dates[day] = _format_date(day, self.lang)
        return words

    def say(self, value: object) -> str:
        """``value`` in words: a message or a problem rendered, a label (a state, a
        cause…), a date written out; a file's own text as it is."""
        if isinstance(value, Message | Problem):
            return self.typography(value.render(self.lang))
        if isinstance(value, dt.date):
            return self.date(value)
        if _labelled(type(value)):  # a state, a cause… (a StrEnum: before str)
            return cast(Labelled, value).label(self.lang)
        return str(value)

    def day_range(self, segment: Segment) -> str:
        if segment.first == segment.last:
            return self.date(segment.first)
        return self.say(
            Message(N_("{first} to {last}"), {"first": segment.first, "last": segment.last})
        )


def _panel_title(total: int) -> Callable[[Panel], Message]:
    """The title of a panel of the timeline, among ``total`` conventions."""

    def title(panel: Panel) -> Message:
        if total == 1:
            return Message(N_("Timeline of the convention"))
        first, last = panel.lines[0].index + 1, panel.lines[-1].index + 1
        return Message(
            N_("Timeline of conventions {first} to {last} of {count}"),
            {"first": first, "last": last, "count": total},
        )

    return title


def _facts_summary(panel: Panel) -> Message:
    first, last = panel.lines[0].index + 1, panel.lines[-1].index + 1
    return Message(
        N_("The same facts as a table (conventions {first} to {last})"),
        {"first": first, "last": last},
    )


def _file_words(row: Row) -> Message:
    return Message(N_("file {file}"), {"file": row.file.name})


def _duplicate(reference: str, files: Sequence[Path]) -> Message:
    return Message(
        N_("{count} files hold the reference {reference}: {files}"),
        {"count": len(files), "reference": reference, "files": ", ".join(f.name for f in files)},
    )


def _figures(data: ReportData) -> list[_Figure]:
    upcoming = len(data.upcoming)
    figures = [
        _Figure(
            len(data.rows),
            Message.counted(NP_("convention", "conventions"), "n", {"n": len(data.rows)}),
        ),
        _Figure(
            len(data.overdue),
            Message.counted(
                NP_("convention overdue", "conventions overdue"), "n", {"n": len(data.overdue)}
            ),
            alert=bool(data.overdue),
        ),
        _Figure(
            upcoming,
            Message.counted(
                NP_(
                    "legal date in the next {days} days",
                    "legal dates in the next {days} days",
                ),
                "n",
                {"n": upcoming, "days": UPCOMING_DAYS},
            ),
        ),
    ]
    if data.failures:
        count = len(data.failures)
        figures.append(
            _Figure(
                count,
                Message.counted(
                    NP_("file could not be used", "files could not be used"), "n", {"n": count}
                ),
                alert=True,
            )
        )
    return figures


def render_html(data: ReportData, lang: Lang = "fr", *, source: str | None = None) -> str:
    """The report of ``data`` as one HTML page, in ``lang`` (French by default).

    ``source``: the folder's name as the reader knows it, shown in the title.
    """
    return "".join(_page(data, lang, source))


def html_bytes(data: ReportData, lang: Lang = "fr", *, source: str | None = None) -> bytes:
    """:func:`render_html` encoded in UTF-8, for a file: the page is encoded as it is
    rendered, never held whole as text (on 1,300 conventions, the rendering's peak of
    Python memory falls from about 89 to 28 MiB)."""
    buffer = io.BytesIO()
    for chunk in _page(data, lang, source):
        buffer.write(chunk.encode("utf-8"))
    return buffer.getvalue()


def _page(data: ReportData, lang: Lang, source: str | None) -> Iterator[str]:
    """The page, in the pieces Jinja2 renders it in."""
    lang = check_lang(lang)
    words = _Words(lang)
    ids = anchors(data)
    drawing: Drawing = draw(data, lang, anchors=ids)
    on_words = _format_day(data.on, lang)
    folder = source if source is not None else ""
    lead = (
        Message(N_("Folder {folder}, on {on}."), {"folder": folder, "on": data.on})
        if source is not None
        else Message(N_("On {on}."), {"on": data.on})
    )
    page_title = (
        Message(N_("Portfolio {folder} on {on}"), {"folder": folder, "on": on_words})
        if source is not None
        else Message(N_("Portfolio on {on}"), {"on": on_words})
    )
    template = _environment().get_template("report.html.j2")
    return template.generate(
        lang=lang,
        t=words.texts,
        say=words.say,
        day_range=words.day_range,
        data=data,
        drawing=drawing,
        anchors=ids,
        index_of={row.file: index for index, row in enumerate(data.rows)},
        sections=[section(line, anchor) for line, anchor in zip(data.lines, ids, strict=True)],
        figures=_figures(data),
        legend=[(kind, Message(text)) for kind, text in LEGEND],
        bar_kinds={kind.value for kind in BAR_KINDS},
        palette=PALETTE,
        view_width=VIEW_WIDTH,
        axis_height=AXIS_HEIGHT,
        panel_title=_panel_title(len(data.rows)),
        facts_summary=_facts_summary,
        file_words=_file_words,
        duplicate=_duplicate,
        lead=lead,
        page_title=page_title,
        upcoming_heading=Message(N_("The next {days} days"), {"days": UPCOMING_DAYS}),
        no_upcoming=Message(N_("No legal date in the next {days} days."), {"days": UPCOMING_DAYS}),
        footer=Message(
            N_(
                "Made by mgp-convention {version}. Every date is a civil date in Paris; each "
                "rule is named by its article of the convention d'engagement. This page loads "
                "nothing: it opens without a network."
            ),
            {"version": __version__},
        ),
        version=__version__,
    )
