"""The report as a PDF, written with ReportLab (BSD), and write-protected with pikepdf (MPL-2.0).

Every word is real text in an embedded TrueType font (see `calc.report.fonts`), so the PDF is
selectable and searchable (`pdftotext` reads it); the parts and goals are bookmarks; the table
of part 1 repeats its header row on every page; the chart is drawn as vector graphics from the
same layout as the Word document's picture; every page has the footer with the engine version,
the integrity stamp's fingerprint and `Side n af m`.

`pdf_bytes` returns the file's bytes; `protect` returns them with permissions that forbid
changing the document (the Swedish hand-in to ESV: write-protected, still printable and
searchable). This module opens no file.
"""

from __future__ import annotations

import io
import secrets
from typing import Any
from xml.sax.saxutils import escape

from .chart import Chart, layout
from .content import TABLE_WIDTHS_CM, Report

LANGUAGE = {"da": "da-DK", "sv": "sv-SE"}
REGULAR, BOLD = "MaalscoreSans", "MaalscoreSans-Bold"
HEAD_FILL = "#D9E2EC"
AREA_FILL = "#EEF2F6"
TOTAL_FILL = "#E3E3E3"
GRID = "#8A8A8A"
FOOTER_PT = 7


def pdf_bytes(report: Report) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import cm
    from reportlab.platypus import Frame, PageTemplate

    regular, bold = _fonts()
    styles = _styles(regular, bold)
    out = io.BytesIO()
    doc = _document(
        out,
        pagesize=A4,
        leftMargin=2 * cm,
        rightMargin=2 * cm,
        topMargin=2 * cm,
        bottomMargin=2.4 * cm,
        title=f"{report.title} – {report.subtitle}",
        author="Målscore",
        subject=report.words.part1,
        creator="Målscore",
        lang=LANGUAGE[report.lang],
        displayDocTitle=True,
    )
    frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body")
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    story = _story(report, styles, doc.width)
    doc.build(story, canvasmaker=_canvas_maker(report, regular))
    return out.getvalue()


def protect(data: bytes, password: str = "") -> bytes:
    """The PDF with permissions that forbid changing it (AES-256): opening, printing, copying
    text and reading aloud stay allowed; editing, annotating, filling in and assembling
    (inserting, deleting, rotating pages) do not. The owner password that could lift them is
    random and forgotten: a report is changed by making it again from the workbook. With
    `password` the PDF also needs that password to be opened (a report with pay, e-mailed)."""
    import pikepdf

    allow = pikepdf.Permissions(
        accessibility=True,
        extract=True,
        print_lowres=True,
        print_highres=True,
        modify_annotation=False,
        modify_assembly=False,
        modify_form=False,
        modify_other=False,
    )
    out = io.BytesIO()
    with pikepdf.open(io.BytesIO(data)) as pdf:
        owner = secrets.token_urlsafe(32)
        pdf.save(out, encryption=pikepdf.Encryption(owner=owner, user=password, R=6, allow=allow))
    return out.getvalue()


# --- fonts and styles -----------------------------------------------------------------------


def _fonts() -> tuple[str, str]:
    """Register the TrueType font (subset and embedded in the PDF); Helvetica without one."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    from .fonts import font_file

    regular, bold = font_file(False), font_file(True)
    if regular is None:
        return "Helvetica", "Helvetica-Bold"
    if REGULAR not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(REGULAR, regular))
        pdfmetrics.registerFont(TTFont(BOLD, bold or regular))
        addMapping(REGULAR, 0, 0, REGULAR)
        addMapping(REGULAR, 1, 0, BOLD)
        addMapping(REGULAR, 0, 1, REGULAR)
        addMapping(REGULAR, 1, 1, BOLD)
    return REGULAR, BOLD


def _styles(regular: str, bold: str) -> dict[str, Any]:
    from reportlab.lib.colors import HexColor
    from reportlab.lib.styles import ParagraphStyle

    blue = HexColor("#1F4E79")
    body = ParagraphStyle("body", fontName=regular, fontSize=9.5, leading=12.5, spaceAfter=5)
    cell = ParagraphStyle("cell", fontName=regular, fontSize=7.5, leading=9)
    return {
        "title": ParagraphStyle(
            "title", fontName=bold, fontSize=22, leading=27, textColor=blue, spaceAfter=4
        ),
        "subtitle": ParagraphStyle("subtitle", parent=body, fontName=bold, fontSize=12, leading=15),
        "h1": ParagraphStyle(
            "h1", fontName=bold, fontSize=14, leading=18, textColor=blue, spaceBefore=12,
            spaceAfter=6, keepWithNext=1,
        ),
        "h1_table": ParagraphStyle(  # before the table: keeping them together moves it a page
            "h1_table", fontName=bold, fontSize=14, leading=18, textColor=blue, spaceBefore=12,
            spaceAfter=6,
        ),
        "h2": ParagraphStyle(
            "h2", fontName=bold, fontSize=11.5, leading=14.5, textColor=blue, spaceBefore=10,
            spaceAfter=4, keepWithNext=1,
        ),
        "h3": ParagraphStyle(
            "h3", fontName=bold, fontSize=10, leading=13, textColor=blue, spaceBefore=6,
            spaceAfter=2, keepWithNext=1,
        ),
        "body": body,
        "bold": ParagraphStyle("bold", parent=body, fontName=bold),
        "note": ParagraphStyle("note", parent=body, fontSize=8.5, textColor=HexColor("#444444")),
        "bullet": ParagraphStyle("bullet", parent=body, leftIndent=12, bulletIndent=2),
        "fact": ParagraphStyle("fact", parent=body, spaceAfter=1),
        "cell": cell,
        "cell_bold": ParagraphStyle("cell_bold", parent=cell, fontName=bold),
    }  # fmt: skip


def _p(text: str, style: Any, bold_lead: str = "") -> Any:
    from reportlab.platypus import Paragraph

    body = escape(text).replace("\n", "<br/>")
    if bold_lead:
        body = f"<b>{escape(bold_lead)}</b> {body}"
    return Paragraph(body, style)


# --- the document ---------------------------------------------------------------------------


def _story(report: Report, s: dict[str, Any], width: float) -> list[Any]:
    from reportlab.lib.units import cm
    from reportlab.platypus import Spacer

    w = report.words
    story: list[Any] = [_p(report.title, s["title"]), _p(report.subtitle, s["subtitle"])]
    story += [_p(value, s["fact"], f"{label}:") for label, value in report.facts]
    story += [_heading(w.part1, s["h1_table"], 0), _goals_table(report, s)]
    story += [Spacer(1, 6), _p(report.total_line, s["bold"]), _p(report.counts_line, s["body"])]
    story += [
        _heading(w.chart, s["h2"], 1),
        _chart_flowable(layout(report.bars, report.max_possible, width)),
    ]
    story += [_p(w.chart_note, s["note"])]
    story.append(_heading(w.part2, s["h1"], 0))
    if not report.analyses:
        story.append(_p(w.analysis_none, s["body"]))
    for a in report.analyses:
        story += [_heading(a.heading, s["h2"], 1), _p(a.summary, s["bold"])]
        if a.requirement:
            story.append(_p(a.requirement, s["body"], f"{w.requirement}:"))
        story.append(_p(a.explanation, s["body"], f"{w.explanation}:"))
        if a.details:
            story.append(_p(f"{w.subgoals}:", s["body"]))
            story += [_bullet(d, s["bullet"]) for d in a.details]
        story += [_heading(w.analysis, s["h3"], 2, outline=False), Spacer(1, 1.5 * cm)]
    if report.pay:
        story += [_heading(w.pay, s["h1"], 0), _pay_table(report, s), Spacer(1, 6)]
        story += [_p(line.explanation, s["body"], f"{line.name}:") for line in report.pay]
    return story


def _bullet(text: str, style: Any) -> Any:
    from reportlab.platypus import Paragraph

    return Paragraph(escape(text), style, bulletText="•")


def _heading(text: str, style: Any, level: int, *, outline: bool = True) -> Any:
    p = _p(text, style)
    p._outline = (text, level) if outline else None  # read by _Document.afterFlowable
    return p


def _goals_table(report: Report, s: dict[str, Any]) -> Any:
    from reportlab.lib.colors import HexColor
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import cm
    from reportlab.platypus import LongTable, TableStyle

    cell, head = s["cell"], s["cell_bold"]
    rows: list[list[Any]] = [[_p(c, head) for c in report.words.columns]]
    style: list[tuple[Any, ...]] = [
        ("BACKGROUND", (0, 0), (-1, 0), HexColor(HEAD_FILL)),
        ("GRID", (0, 0), (-1, -1), 0.5, HexColor(GRID)),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    indents: dict[int, Any] = {}
    for area in report.areas:
        r = len(rows)
        rows.append(
            [_p(area.name, head), "", "", "", "", _p(area.points, head), _p(area.score, head)]
        )
        style += [("SPAN", (0, r), (4, r)), ("BACKGROUND", (0, r), (-1, r), HexColor(AREA_FILL))]
        for g in area.goals:
            if g.depth not in indents:
                indents[g.depth] = ParagraphStyle(
                    f"cell{g.depth}", parent=cell, leftIndent=7 * g.depth
                )
            deep = indents[g.depth]
            rows.append(
                [
                    _p(g.goal_id, head if g.depth == 0 else deep),
                    _p(g.text, deep),
                    _p(g.requirement, cell),
                    _p(g.result, cell),
                    _p(g.fulfilment, cell),
                    _p(g.points, cell),
                    _p(g.status_text, cell),
                ]
            )
    r = len(rows)
    rows.append(
        [
            _p(report.words.total, head),
            "",
            "",
            "",
            _p(report.score, head),
            _p(report.total_points, head),
            "",
        ]
    )
    style += [("SPAN", (0, r), (3, r)), ("BACKGROUND", (0, r), (-1, r), HexColor(TOTAL_FILL))]
    table = LongTable(rows, colWidths=[w * cm for w in TABLE_WIDTHS_CM], repeatRows=1)
    table.setStyle(TableStyle(style))
    return table


def _pay_table(report: Report, s: dict[str, Any]) -> Any:
    from reportlab.lib.colors import HexColor
    from reportlab.lib.units import cm
    from reportlab.platypus import Table, TableStyle

    rows = [[_p(c, s["cell_bold"]) for c in report.words.pay_columns]]
    rows += [[_p(x, s["cell"]) for x in (p.name, p.computed, p.payout)] for p in report.pay]
    table = Table(rows, colWidths=[7 * cm, 5 * cm, 5 * cm], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, 0), HexColor(HEAD_FILL)),
                ("GRID", (0, 0), (-1, -1), 0.5, HexColor(GRID)),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return table


def _chart_flowable(chart: Chart) -> Any:
    """The chart's shapes drawn on the page as vectors (its text stays text)."""
    from reportlab.platypus import Flowable

    class ChartFlowable(Flowable):  # type: ignore[misc]
        def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
            return chart.width, chart.height

        def draw(self) -> None:
            _draw_chart(self.canv, chart)

    return ChartFlowable()


def _draw_chart(canvas: Any, chart: Chart) -> None:
    from reportlab.lib.colors import HexColor

    from .chart import TEXT

    h = chart.height
    for b in chart.boxes:
        if b.width > 0:
            canvas.setFillColor(HexColor(b.fill))
            canvas.rect(b.x, h - b.y - b.height, b.width, b.height, stroke=0, fill=1)
    for ln in chart.lines:
        canvas.setStrokeColor(HexColor(ln.colour))
        canvas.setLineWidth(0.5)
        canvas.line(ln.x1, h - ln.y1, ln.x2, h - ln.y2)
    canvas.setFillColor(HexColor(TEXT))
    for t in chart.texts:
        canvas.setFont(REGULAR if _registered() else "Helvetica", t.size)
        if t.anchor == "end":
            canvas.drawRightString(t.x, h - t.y, t.text)
        else:
            canvas.drawString(t.x, h - t.y, t.text)


def _registered() -> bool:
    from reportlab.pdfbase import pdfmetrics

    return REGULAR in pdfmetrics.getRegisteredFontNames()


# --- document template: bookmarks; canvas: footer with "Side n af m" ------------------------


def _document(out: io.BytesIO, **settings: Any) -> Any:
    """A ReportLab document that adds a PDF bookmark for every heading marked `_outline`."""
    from reportlab.platypus import BaseDocTemplate

    class Document(BaseDocTemplate):  # type: ignore[misc]
        def afterFlowable(self, flowable: Any) -> None:
            outline = getattr(flowable, "_outline", None)
            if outline is None:
                return
            text, level = outline
            key = f"h{id(flowable)}"
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(text, key, level=level, closed=level > 0)

    return Document(out, **settings)


def _canvas_maker(report: Report, font: str) -> Any:
    """A canvas that holds each page until the end, so the footer can say `Side n af m`."""
    from reportlab.lib.colors import HexColor
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import cm
    from reportlab.pdfgen.canvas import Canvas

    class Numbered(Canvas):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for n, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                self._footer(n, total)
                Canvas.showPage(self)
            Canvas.save(self)

        def _footer(self, n: int, total: int) -> None:
            self.saveState()
            self.setFont(font, FOOTER_PT)
            self.setFillColor(HexColor("#555555"))
            lines = [*report.footer, report.words.page.format(n=n, m=total)]
            y = 1.6 * cm
            for line in lines:
                self.drawString(2 * cm, y, line)
                y -= FOOTER_PT + 2
            self.setStrokeColor(HexColor("#BBBBBB"))
            self.setLineWidth(0.4)
            self.line(2 * cm, 1.6 * cm + FOOTER_PT + 3, A4[0] - 2 * cm, 1.6 * cm + FOOTER_PT + 3)
            self.restoreState()

    return Numbered
