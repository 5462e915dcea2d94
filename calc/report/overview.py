"""The departement's overview workbook, built with XlsxWriter from a `Consolidation`.

A new, formatted workbook (never a user's file), so XlsxWriter writes it — imported here, when
an overview is made, never when `calc` is imported. `build` returns the bytes; the face
(`calc.collect`) writes them to disk atomically, so this module opens no file.

Sheets, in the plans' language (Danish or Swedish):

- `Oversigt` / `Översikt`: one row per agency and year, with its verdict, file and SHA-256;
- `Mål`: one row per agency × goal; `Resultatløn` (not `with_pay=False`); `Problemer`;
- `Udvikling` / `Utveckling`: målopfyldelse per agency per year, when there are several years;
- `Diagram`: a native bar chart of målopfyldelse per agency (a series per year).

Every sheet is an Excel table (filters), with a frozen header row, number formats that Excel
shows the Danish/Swedish way (`1.234 kr.`, `87,2 %`), status colours by conditional formatting,
column widths from the content, and landscape A4 printing one page wide. Numbers are the exact
values as floats (Excel's own precision); only the formats round, by Excel's display.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from fractions import Fraction
from typing import Any

from .. import __version__
from ..consolidate import Consolidation, Verdict, shown_time
from ..model import Lang
from ..scoring import Status

MARKER = "Målscore.Oversigt"  # custom property: this file is an overview, not an agency's plan

_LABELS: dict[str, dict[str, str]] = {
    "da": {
        "overview": "Oversigt",
        "goals": "Mål",
        "pay": "Resultatløn",
        "problems": "Problemer",
        "trend": "Udvikling",
        "chart": "Diagram",
        "institution": "Institution",
        "year": "År",
        "points": "Point",
        "max_points": "Mulige point",
        "score": "Målopfyldelse",
        "met": "Opfyldt",
        "partly": "Delvist opfyldt",
        "not_met": "Ikke opfyldt",
        "missing": "Mangler resultat",
        "payout_total": "Udbetalt resultatløn i alt",
        "verdict": "Vurdering",
        "reason": "Begrundelse",
        "file": "Fil",
        "sha": "SHA-256",
        "nr": "Nr",
        "area": "Område",
        "goal": "Mål",
        "weight": "Vægt",
        "status": "Status",
        "explanation": "Forklaring",
        "name": "Navn",
        "title": "Stilling",
        "maximum": "Maksimum",
        "computed": "Beregnet",
        "payout": "Udbetaling",
        "sheet": "Ark",
        "cell": "Celle",
        "severity": "Alvor",
        "message": "Meddelelse",
        "change": "Ændring (procentpoint)",
        "total": "I alt",
        "chart_title": "Målopfyldelse pr. institution",
        "heading": "Målscore – oversigt over {n} projektmapper, dannet {time}",
        "page": "Side &P af &N",
        "kr": '#,##0 "kr."',
        "error": "fejl",
        "warning": "advarsel",
        "info": "info",
        "none": "Ingen problemer.",
    },
    "sv": {
        "overview": "Översikt",
        "goals": "Mål",
        "pay": "Resultatlön",
        "problems": "Problem",
        "trend": "Utveckling",
        "chart": "Diagram",
        "institution": "Myndighet",
        "year": "År",
        "points": "Poäng",
        "max_points": "Möjliga poäng",
        "score": "Måluppfyllelse",
        "met": "Uppfyllt",
        "partly": "Delvis uppfyllt",
        "not_met": "Ej uppfyllt",
        "missing": "Resultat saknas",
        "payout_total": "Utbetald resultatlön totalt",
        "verdict": "Bedömning",
        "reason": "Motivering",
        "file": "Fil",
        "sha": "SHA-256",
        "nr": "Nr",
        "area": "Område",
        "goal": "Mål",
        "weight": "Vikt",
        "status": "Status",
        "explanation": "Förklaring",
        "name": "Namn",
        "title": "Befattning",
        "maximum": "Maximum",
        "computed": "Beräknad",
        "payout": "Utbetalning",
        "sheet": "Blad",
        "cell": "Cell",
        "severity": "Allvar",
        "message": "Meddelande",
        "change": "Förändring (procentenheter)",
        "total": "Totalt",
        "chart_title": "Måluppfyllelse per myndighet",
        "heading": "Målscore – översikt över {n} arbetsböcker, skapad {time}",
        "page": "Sida &P av &N",
        "kr": '#,##0 "kr"',
        "error": "fel",
        "warning": "varning",
        "info": "info",
        "none": "Inga problem.",
    },
}

# Light fill and dark text, as Excel's own "good / neutral / bad" styles; the word is always in
# the cell too, so colour is never the only signal.
_GREEN = {"bg_color": "#C6EFCE", "font_color": "#006100"}
_YELLOW = {"bg_color": "#FFEB9C", "font_color": "#9C5700"}
_RED = {"bg_color": "#FFC7CE", "font_color": "#9C0006"}
_BLUE = {"bg_color": "#DDEBF7", "font_color": "#1F4E78"}
_GREY = {"bg_color": "#EDEDED", "font_color": "#404040"}
_PURPLE = {"bg_color": "#E4DFEC", "font_color": "#5B2C6F"}

VERDICT_COLOURS = {
    Verdict.APPROVED: _GREEN,
    Verdict.NOT_CALCULATED: _BLUE,
    Verdict.CHANGED: _YELLOW,
    Verdict.DIFFERS: _PURPLE,
    Verdict.FAILED: _RED,
}
STATUS_COLOURS = {
    Status.MET: _GREEN,
    Status.PARTLY: _YELLOW,
    Status.NOT_MET: _RED,
    Status.MISSING: _GREY,
    Status.EXCLUDED: _BLUE,  # Forudsætning not met: out of the total
}  # (Status.BLOCKED never reaches the overview: a workbook with errors has no goal rows)


@dataclass(frozen=True)
class Column:
    key: str  # label key
    kind: str  # "text", "wrap", "int", "year", "points", "pct", "kr", "pp"
    cond: dict[str, dict[str, str]] | None = None  # cell text → colour, for conditional formats
    wrap: int = 0  # wrap text at this many characters (0: the column is as wide as its text)
    printed: bool = True  # on paper too (a SHA-256 is for the file, not the page)


def _f(x: Fraction | Decimal | None, scale: int = 1) -> float | None:
    if x is None:
        return None
    return float(Fraction(x) / scale)


class _Book:
    """The workbook under construction: the formats, and one method to write a sheet."""

    def __init__(self, lang: Lang, stamp: str) -> None:
        import xlsxwriter  # type: ignore[import-untyped,unused-ignore]

        self.lang = lang
        self.t = _LABELS[lang]
        self.stamp = stamp
        self.buffer = io.BytesIO()
        self.wb = xlsxwriter.Workbook(
            self.buffer,
            {
                # The sheets' XML goes to temporary files while the zip is made, not into memory
                "in_memory": False,
                "strings_to_numbers": False,
                "strings_to_formulas": False,
                "strings_to_urls": False,
            },
        )
        base = {"font_name": "Calibri", "font_size": 11, "valign": "top"}
        self.formats = {
            "text": self.wb.add_format(base),
            "wrap": self.wb.add_format({**base, "text_wrap": True}),  # any text column with wrap
            "int": self.wb.add_format({**base, "num_format": "0"}),
            "year": self.wb.add_format({**base, "num_format": "0"}),
            "points": self.wb.add_format({**base, "num_format": "#,##0.00"}),
            "pct": self.wb.add_format({**base, "num_format": "0.0 %"}),
            "kr": self.wb.add_format({**base, "num_format": self.t["kr"]}),
            "pp": self.wb.add_format({**base, "num_format": "+0.0;-0.0;0.0"}),
        }
        self.header = self.wb.add_format(
            {**base, "bold": True, "text_wrap": True, "valign": "bottom"}
        )
        self.bold = self.wb.add_format({**base, "bold": True, "top": 1})
        self.total_formats = {
            kind: self.wb.add_format(
                {**base, "bold": True, "top": 1, "num_format": self.formats[kind].num_format}
            )
            for kind in ("kr", "points", "int")
        }
        self.colours: dict[str, Any] = {}

    def colour(self, spec: dict[str, str]) -> Any:
        key = spec["bg_color"]
        if key not in self.colours:
            self.colours[key] = self.wb.add_format(spec)
        return self.colours[key]

    def sheet(
        self,
        key: str,
        columns: Sequence[Column],
        rows: Sequence[Sequence[object]],
        *,
        freeze_col: int = 1,
        total: str = "",
        total_value: float = 0.0,
    ) -> Any:
        """A worksheet holding one Excel table, and below it, when `total` names a column, a
        row with its SUBTOTAL (which follows the table's filter); returns the worksheet."""
        ws = self.wb.add_worksheet(self.t[key])
        headers = [self.t.get(c.key, c.key) for c in columns]
        data = [list(r) for r in rows] or [[None] * len(columns)]
        ws.add_table(
            0,
            0,
            len(data),
            len(columns) - 1,
            {
                "data": data,
                "columns": [
                    {"header": h, "format": self._format(c), "header_format": self.header}
                    for c, h in zip(columns, headers, strict=True)
                ],
                "name": "T_" + key,
                "style": "Table Style Light 9",
            },
        )
        widths = [
            _width(h, [r[i] for r in data], c)
            for i, (c, h) in enumerate(zip(columns, headers, strict=True))
        ]
        for i, col in enumerate(columns):
            ws.set_column(i, i, widths[i], self._format(col))
            for text, spec in (col.cond or {}).items():
                ws.conditional_format(
                    1,
                    i,
                    len(data),
                    i,
                    {
                        "type": "cell",
                        "criteria": "==",
                        "value": '"' + text.replace('"', '""') + '"',
                        "format": self.colour(spec),
                    },
                )
        # Row heights for wrapped text: neither Excel nor LibreOffice grows a row written by
        # a program, so the lines are counted here.
        ws.set_row(0, _LINE * _lines(headers, widths))
        for r, row in enumerate(data, start=1):
            texts = [str(v) if columns[i].wrap and v is not None else "" for i, v in enumerate(row)]
            lines = _lines(texts, widths)
            if lines > 1:
                ws.set_row(r, _LINE * lines)
        last = len(data)
        if total:
            last += 1
            from xlsxwriter.utility import xl_col_to_name  # type: ignore[import-untyped,unused-ignore]

            i = [c.key for c in columns].index(total)
            letter = xl_col_to_name(i)
            ws.write(last, 0, self.t["total"], self.bold)
            ws.write_formula(
                last,
                i,
                f"=SUBTOTAL(109,{letter}2:{letter}{len(data) + 1})",
                self.total_formats[columns[i].kind],
                total_value,
            )
        ws.freeze_panes(1, freeze_col)
        self.print_setup(ws)
        printed = [i for i, c in enumerate(columns) if c.printed]
        ws.print_area(0, 0, last, max(printed))
        return ws

    def _format(self, col: Column) -> Any:
        return self.formats["wrap"] if col.wrap else self.formats[col.kind]

    def print_setup(self, ws: Any) -> None:
        ws.set_landscape()
        ws.set_paper(9)  # A4
        ws.fit_to_pages(1, 0)  # one page wide, as many pages tall as needed
        ws.repeat_rows(0)
        ws.set_margins(left=0.4, right=0.4, top=0.6, bottom=0.6)
        ws.set_header("&L&8" + self.stamp.replace("&", "&&"))
        ws.set_footer("&L&8&A&R&8" + self.t["page"])

    def close(self) -> bytes:
        self.wb.close()
        return self.buffer.getvalue()


_LINE = 15  # points per line of 11-point text


def _width(header: str, values: Sequence[object], col: Column) -> float:
    """Characters wide: the longest value as shown, and the header's longest word plus its
    filter button (headers wrap); a wrapping column at most `col.wrap`."""
    shown = [_shown_length(v, col.kind) for v in values if v is not None]
    word = max(len(w) for w in header.split()) + 3
    width = max([word, *shown]) + 1
    if col.wrap:
        width = min(width, col.wrap)
    return float(min(max(width, 6), 70))


def _lines(texts: Sequence[str], widths: Sequence[float]) -> int:
    """How many lines the tallest of `texts` needs in columns `widths` wide, word-wrapped."""
    most = 1
    for text, width in zip(texts, widths, strict=True):
        if not text:
            continue
        room = max(int(width) - 1, 1)
        lines = 0
        for paragraph in text.splitlines() or [""]:
            used = 0
            count = 1
            for word in paragraph.split(" "):
                size = len(word)
                if used and used + 1 + size > room:
                    count += 1
                    used = 0
                used += (1 if used else 0) + size
                while used > room:  # a word longer than the column breaks by characters
                    count += 1
                    used -= room
            lines += count
        most = max(most, lines)
    return most


def _shown_length(value: object, kind: str) -> int:
    if isinstance(value, float):
        if kind == "kr":
            return len(f"{value:,.0f}") + 4
        if kind in ("pct", "pp"):
            return 7
        if kind == "points":
            return len(f"{value:,.2f}")
        return len(f"{value:g}")
    return max((len(line) for line in str(value).splitlines()), default=0)


def build(
    consolidation: Consolidation, *, with_pay: bool = True, now: datetime | None = None
) -> bytes:
    """The overview workbook's bytes."""
    lang = consolidation.lang
    t = _LABELS[lang]
    moment = shown_time((now or datetime.now()).isoformat(), lang)
    stamp = t["heading"].format(n=len(consolidation.agencies), time=moment)
    book = _Book(lang, stamp)
    book.wb.set_properties({"title": stamp, "author": f"Målscore {__version__}", "comments": stamp})
    book.wb.set_custom_property(MARKER, __version__)
    overview = _overview_sheet(book, consolidation, with_pay)
    _goals_sheet(book, consolidation)
    if with_pay:
        _pay_sheet(book, consolidation)
    _problems_sheet(book, consolidation)
    trend_ws = _trend_sheet(book, consolidation) if consolidation.trend else None
    _chart_sheet(book, consolidation, overview, trend_ws)
    overview.activate()
    return book.close()


def _verdict_cond(lang: Lang) -> dict[str, dict[str, str]]:
    return {v.label(lang): VERDICT_COLOURS[v] for v in Verdict}


def _status_cond(lang: Lang) -> dict[str, dict[str, str]]:
    return {s.label(lang): STATUS_COLOURS[s] for s in Status if s in STATUS_COLOURS}


def _overview_sheet(book: _Book, c: Consolidation, with_pay: bool) -> Any:
    lang = c.lang
    cols = [
        Column("institution", "text", wrap=32),
        Column("year", "year"),
        Column("points", "points"),
        Column("max_points", "points"),
        Column("score", "pct"),
        Column("met", "int"),
        Column("partly", "int"),
        Column("not_met", "int"),
        Column("missing", "int"),
    ]
    if with_pay:
        cols.append(Column("payout_total", "kr"))
    cols += [
        Column("verdict", "text", _verdict_cond(lang)),
        Column("reason", "text", wrap=48),
        Column("file", "text", wrap=32),
        Column("sha", "text", printed=False),
    ]
    rows = []
    for a in c.agencies:
        n = a.counts
        row: list[object] = [
            a.institution or None,
            a.year,
            _f(a.total_points),
            _f(a.max_points),
            _f(a.score_pct, 100),
            n.met if n else None,
            n.partly if n else None,
            n.not_met if n else None,
            n.missing if n else None,
        ]
        if with_pay:
            row.append(_f(a.payout_total))
        row += [a.verdict.label(lang), a.reason, a.source, a.sha256 or None]
        rows.append(row)
    paid = sum((a.payout_total for a in c.agencies if a.payout_total is not None), Decimal(0))
    total = "payout_total" if with_pay else ""
    return book.sheet("overview", cols, rows, total=total, total_value=float(paid))


def _goals_sheet(book: _Book, c: Consolidation) -> None:
    lang = c.lang
    cols = [
        Column("institution", "text", wrap=24),
        Column("year", "year"),
        Column("nr", "text"),
        Column("area", "text", wrap=18),
        Column("goal", "text", wrap=40),
        Column("weight", "points"),
        Column("score", "pct"),
        Column("points", "points"),
        Column("status", "text", _status_cond(lang)),
        Column("explanation", "text", wrap=60),
        Column("file", "text", printed=False),
    ]
    rows = [
        [
            a.institution or None,
            a.year,
            g.goal_id,
            g.area or None,
            g.text or None,
            _f(g.weight),
            _f(g.fulfilment, 100),
            _f(g.points),
            g.status.label(lang),
            g.explanation,
            a.source,
        ]
        for a in c.agencies
        for g in a.goals
    ]
    book.sheet("goals", cols, rows)


def _pay_sheet(book: _Book, c: Consolidation) -> None:
    cols = [
        Column("institution", "text", wrap=28),
        Column("year", "year"),
        Column("name", "text", wrap=28),
        Column("title", "text", wrap=20),
        Column("maximum", "kr"),
        Column("computed", "kr"),
        Column("payout", "kr"),
        Column("explanation", "text", wrap=60),
        Column("file", "text", printed=False),
    ]
    rows = [
        [
            a.institution or None,
            a.year,
            p.name,
            p.title or None,
            _f(p.maximum),
            _f(p.computed),
            _f(p.payout),
            p.explanation,
            a.source,
        ]
        for a in c.agencies
        for p in a.pay
    ]
    paid = sum((p.payout for a in c.agencies for p in a.pay), Decimal(0))
    book.sheet("pay", cols, rows, total="payout", total_value=float(paid))


def _problems_sheet(book: _Book, c: Consolidation) -> None:
    t = book.t
    cols = [
        Column("institution", "text", wrap=28),
        Column("year", "year"),
        Column("file", "text", wrap=32),
        Column("sheet", "text"),
        Column("cell", "text"),
        Column("severity", "text", {t["error"]: _RED, t["warning"]: _YELLOW}),
        Column("message", "text", wrap=70),
    ]
    rows = [
        [
            p.institution or None,
            p.year,
            p.source or None,
            p.issue.sheet or None,
            p.issue.cell or None,
            t.get(p.issue.severity, p.issue.severity),
            p.issue.message,
        ]
        for p in c.problems
    ]
    if not rows:
        rows = [[None, None, None, None, None, None, t["none"]]]
    book.sheet("problems", cols, rows, freeze_col=0)


def _trend_sheet(book: _Book, c: Consolidation) -> Any:
    cols = [Column("institution", "text", wrap=40)]
    cols += [Column(str(y), "pct") for y in c.years]
    cols.append(Column("change", "pp"))
    rows = [[r.institution, *(_f(s, 100) for s in r.scores), _f(r.change)] for r in c.trend]
    return book.sheet("trend", cols, rows)


def _chart_sheet(book: _Book, c: Consolidation, overview: Any, trend: Any | None) -> None:
    """A bar chart of målopfyldelse: per agency from Oversigt, or per agency and year from
    Udvikling when there are several years (one series per year)."""
    t = book.t
    chart = book.wb.add_chart({"type": "bar"})
    if trend is not None:
        n = len(c.trend)
        name = t["trend"]
        for i in range(len(c.years)):
            chart.add_series(
                {
                    "name": [name, 0, i + 1],
                    "categories": [name, 1, 0, n, 0],
                    "values": [name, 1, i + 1, n, i + 1],
                    "data_labels": {"value": True, "num_format": "0.0 %"},
                }
            )
        bars = n * len(c.years)
    else:
        named = [a for a in c.agencies if a.institution]
        n = len(named)  # they sort first, so rows 1..n of Oversigt
        name = t["overview"]
        chart.add_series(
            {
                "name": t["score"],
                "categories": [name, 1, 0, max(n, 1), 0],
                "values": [name, 1, 4, max(n, 1), 4],
                "data_labels": {"value": True, "num_format": "0.0 %"},
                "fill": {"color": "#0072B2"},
            }
        )
        bars = n
    chart.set_title({"name": t["chart_title"]})
    chart.set_x_axis(
        {"min": 0, "max": 1, "num_format": "0 %", "major_gridlines": {"visible": True}}
    )
    chart.set_y_axis({"reverse": True})  # the first agency at the top, as in the tables
    chart.set_legend({"position": "bottom"} if trend is not None else {"none": True})
    ws = book.wb.add_worksheet(t["chart"])
    height = min(max(320, 90 + 22 * max(bars, 1)), 4000)
    chart.set_size({"width": 960, "height": height})
    ws.insert_chart(0, 0, chart)
    book.print_setup(ws)
    ws.fit_to_pages(1, 1)
    if height > 700:  # many agencies: a tall chart prints better upright
        ws.set_portrait()
