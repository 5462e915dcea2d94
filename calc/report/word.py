"""The report as a Word document (.docx), written with python-docx.

Real Word structure, so it pastes into an agency's årsrapport template and survives editing:
the built-in heading styles (Titel, Overskrift 1–3 in a Danish Word) for the parts and the
goals, one Word table for part 1 (the header row repeats on every page; an Område is a merged,
shaded row; a delmål is indented), the chart as a picture, an empty paragraph under each
Analyse heading for the agency to write in, and the engine version, the integrity stamp's
fingerprint and the page number in the footer. The document's language is set (da-DK/sv-SE),
so Word's spelling check speaks the plan's language.

`docx_bytes` returns the file's bytes; the caller writes them (this module opens no file).
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, Any

from .chart import layout, png
from .content import TABLE_WIDTHS_CM, Report

if TYPE_CHECKING:
    from docx.document import Document
    from docx.table import _Cell

LANGUAGE = {"da": "da-DK", "sv": "sv-SE"}
HEAD_FILL = "D9E2EC"
AREA_FILL = "EEF2F6"
TOTAL_FILL = "E3E3E3"
WIDTHS = TABLE_WIDTHS_CM
TABLE_PT = 8.5
INDENT_CM = 0.25  # per delmål level


def docx_bytes(report: Report) -> bytes:
    from docx import Document
    from docx.shared import Cm

    doc = Document()
    _page(doc, report)
    doc.add_heading(report.title, level=0)
    doc.add_paragraph(report.subtitle).runs[0].bold = True
    for label, value in report.facts:
        p = doc.add_paragraph()
        p.add_run(f"{label}: ").bold = True
        p.add_run(value)
        p.paragraph_format.space_after = 0
    w = report.words
    doc.add_heading(w.part1, level=1)
    _goals_table(doc, report)
    doc.add_paragraph()
    doc.add_paragraph(report.total_line).runs[0].bold = True
    doc.add_paragraph(report.counts_line)
    doc.add_heading(w.chart, level=2)
    chart = layout(report.bars, report.max_possible)
    doc.add_picture(io.BytesIO(png(chart)), width=Cm(16))
    doc.add_paragraph(w.chart_note).runs[0].italic = True
    doc.add_heading(w.part2, level=1)
    if not report.analyses:
        doc.add_paragraph(w.analysis_none)
    for a in report.analyses:
        doc.add_heading(a.heading, level=2)
        doc.add_paragraph(a.summary).runs[0].bold = True
        if a.requirement:
            _labelled(doc, w.requirement, a.requirement)
        _labelled(doc, w.explanation, a.explanation)
        if a.details:
            doc.add_paragraph(f"{w.subgoals}:")
            for d in a.details:
                doc.add_paragraph(d, style="List Bullet")
        doc.add_heading(w.analysis, level=3)
        doc.add_paragraph()  # the agency writes its analysis here
    if report.pay:
        doc.add_heading(w.pay, level=1)
        _pay_table(doc, report)
        for line in report.pay:
            _labelled(doc, line.name, line.explanation)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _page(doc: Document, report: Report) -> None:
    """A4 portrait, 2 cm margins, the document's language and title, and the footer."""
    from docx.shared import Cm, Pt

    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2))
    normal: Any = doc.styles["Normal"]
    lang = _element("w:lang", val=LANGUAGE[report.lang])
    normal.element.get_or_add_rPr().append(lang)
    props = doc.core_properties
    props.title = f"{report.title} – {report.subtitle}"
    props.author = "Målscore"
    props.language = LANGUAGE[report.lang]
    footer = section.footer.paragraphs[0]
    for i, line in enumerate(report.footer):
        run = footer.add_run(line)
        run.font.size = Pt(7)
        if i < len(report.footer) - 1:
            run.add_break()
    run = footer.add_run()
    run.add_break()
    run.font.size = Pt(7)
    before, _, rest = report.words.page.partition("{n}")
    between, _, after = rest.partition("{m}")
    _text_run(footer, before)
    _field(footer, "PAGE")
    _text_run(footer, between)
    _field(footer, "NUMPAGES")
    _text_run(footer, after)


def _text_run(paragraph: Any, text: str) -> None:
    from docx.shared import Pt

    if text:
        paragraph.add_run(text).font.size = Pt(7)


def _field(paragraph: Any, code: str) -> None:
    """A simple field (PAGE, NUMPAGES) that Word and LibreOffice fill in when they lay out."""
    field = _element("w:fldSimple", instr=code)
    run = _element("w:r")
    props = _element("w:rPr")
    props.append(_element("w:sz", val="14"))
    run.append(props)
    text = _element("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def _element(tag: str, **attrs: str) -> Any:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    el = OxmlElement(tag)
    for k, v in attrs.items():
        el.set(qn(f"w:{k}"), v)
    return el


def _labelled(doc: Document, label: str, text: str) -> None:
    p = doc.add_paragraph()
    p.add_run(f"{label}: ").bold = True
    p.add_run(text)


def _goals_table(doc: Document, report: Report) -> None:
    """Part 1: the header row, then per Område a merged row and its goals, then the total."""
    table = doc.add_table(rows=0, cols=len(WIDTHS))
    table.style = "Table Grid"
    table.autofit = False
    header = table.add_row()
    for cell, text in zip(header.cells, report.words.columns, strict=True):
        _cell_text(cell, text, bold=True)
        _shade(cell, HEAD_FILL)
    _repeat_header(header)
    for area in report.areas:
        row = table.add_row()
        merged = row.cells[0].merge(row.cells[4])
        _cell_text(merged, area.name, bold=True)
        _cell_text(row.cells[5], area.points, bold=True)
        _cell_text(row.cells[6], area.score, bold=True)
        for c in (merged, row.cells[5], row.cells[6]):
            _shade(c, AREA_FILL)
        for g in area.goals:
            cells = table.add_row().cells
            values = (
                g.goal_id,
                g.text,
                g.requirement,
                g.result,
                g.fulfilment,
                g.points,
                g.status_text,
            )
            for i, (cell, text) in enumerate(zip(cells, values, strict=True)):
                _cell_text(cell, text, bold=g.depth == 0 and i == 0, indent=g.depth if i < 2 else 0)
    row = table.add_row()
    merged = row.cells[0].merge(row.cells[3])
    _cell_text(merged, report.words.total, bold=True)
    _cell_text(row.cells[4], report.score, bold=True)
    _cell_text(row.cells[5], report.total_points, bold=True)
    for c in (merged, row.cells[4], row.cells[5], row.cells[6]):
        _shade(c, TOTAL_FILL)
    _widths(table)


def _pay_table(doc: Document, report: Report) -> None:
    table = doc.add_table(rows=1, cols=3)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, report.words.pay_columns, strict=True):
        _cell_text(cell, text, bold=True)
        _shade(cell, HEAD_FILL)
    for line in report.pay:
        cells = table.add_row().cells
        for cell, text in zip(cells, (line.name, line.computed, line.payout), strict=True):
            _cell_text(cell, text)


def _cell_text(cell: _Cell, text: str, *, bold: bool = False, indent: int = 0) -> None:
    from docx.shared import Cm, Pt

    p = cell.paragraphs[0]
    run = p.add_run(text)
    run.bold = bold
    run.font.size = Pt(TABLE_PT)
    p.paragraph_format.space_after = 0
    if indent:
        p.paragraph_format.left_indent = Cm(INDENT_CM * indent)


def _shade(cell: _Cell, fill: str) -> None:
    cell._tc.get_or_add_tcPr().append(_element("w:shd", val="clear", color="auto", fill=fill))


def _repeat_header(row: Any) -> None:
    """Word repeats this row at the top of every page the table runs onto."""
    row._tr.get_or_add_trPr().append(_element("w:tblHeader", val="true"))


def _widths(table: Any) -> None:
    """Each column's width in the grid and in every cell (a merged cell: the sum of its
    columns), as Word and LibreOffice read one or the other."""
    from docx.shared import Cm

    for column, width in zip(table.columns, WIDTHS, strict=True):
        column.width = Cm(width)
    for row in table.rows:
        col = 0
        for tc in row._tr.tc_lst:
            span = tc.grid_span
            tc.width = Cm(sum(WIDTHS[col : col + span]))
            col += span
