"""The ministry's report: a PDF with a one-page summary and one row per goal with its explanation,
and the e-mail draft (.eml) that carries the workbook and the PDF.

The report shows only numbers the core computed, formatted by `calc.fmt`. The integrity stamp
(issue 3) is looked up in one small function, `integrity_stamp`, so that when the stamp arrives
only that function needs to learn its final form.
"""

from __future__ import annotations

import mimetypes
import zipfile
from datetime import datetime
from email.message import EmailMessage
from email.utils import formatdate
from html import escape
from pathlib import Path
from xml.etree import ElementTree as ET

from PySide6.QtCore import QCoreApplication, QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument

from calc import fmt
from calc.engine import Evaluation
from calc.grid import WorkbookGrids
from calc.safetext import one_line
from desktop.style import status_text

STAMP_NAME = "Målscore"
_CUSTOM_PROPS = "docProps/custom.xml"
_NS_PROPS = "{http://schemas.openxmlformats.org/officeDocument/2006/custom-properties}"


translate = QCoreApplication.translate


def integrity_stamp(path: Path, grids: WorkbookGrids | None = None) -> str | None:
    """The workbook's integrity stamp, or None when there is none.

    Looked for, in order: custom document properties named `Målscore` or `Målscore.<felt>`
    (calc/stamp.py writes `Målscore.Version`, `.Beregnet`, `.Input`, `.Resultat`, … through
    write-back; the per-cell fingerprints `Målscore.Celler.*` are machine data and left out),
    then a (hidden) sheet named `Målscore`, whose filled cells are joined with spaces.
    """
    props = _stamp_properties(path)
    if props:
        return "; ".join(f"{k}: {v}" if k else v for k, v in props)
    sheet = grids.find(STAMP_NAME) if grids is not None else None
    if sheet is not None:
        cells = [str(v).strip() for row in sheet.rows for v in row if v is not None]
        return " ".join(c for c in cells if c) or None
    return None


def _stamp_properties(path: Path) -> list[tuple[str, str]]:
    """(field, value) of the `Målscore` / `Målscore.<field>` custom properties, in file order."""
    try:
        with zipfile.ZipFile(path) as zf:
            if _CUSTOM_PROPS not in zf.namelist():
                return []
            root = ET.fromstring(zf.read(_CUSTOM_PROPS))
    except (OSError, zipfile.BadZipFile, ET.ParseError):
        return []
    found = []
    for prop in root.iter(f"{_NS_PROPS}property"):
        name = prop.get("name", "").strip()
        value = " ".join(t.strip() for t in prop.itertext() if t.strip())
        if name.casefold() == STAMP_NAME.casefold():
            found.append(("", value))
        elif name.casefold().startswith(STAMP_NAME.casefold() + "."):
            field = name[len(STAMP_NAME) + 1 :]
            if not field.casefold().startswith("celler."):
                found.append((field, value))
    return [(k, v) for k, v in found if v]


def report_html(evaluation: Evaluation, computed_at: datetime, stamp: str | None) -> str:
    """The report as Qt rich text: page 1 the summary, then the goals table."""
    plan, card = evaluation.plan, evaluation.scorecard
    if plan is None or card is None:
        raise ValueError("no scored plan")
    facts = [
        (translate("Report", "Institution"), plan.institution),
        (translate("Report", "Departement"), plan.ministry),
        (translate("Report", "År"), str(plan.year or "")),
        (translate("Report", "Beregnet"), computed_at.strftime("%d-%m-%Y kl. %H:%M")),
        (
            translate("Report", "Point i alt"),
            f"{fmt.points(card.total_points)} af {fmt.points(card.max_points)}",
        ),
        (translate("Report", "Målopfyldelse i alt"), fmt.pct(card.score_pct)),
    ]
    if stamp:
        facts.append((translate("Report", "Integritetsstempel"), stamp))
    html = [
        "<html><body style='font-family:DejaVu Sans, Arial, sans-serif; font-size:9pt'>",
        "<h1>" + escape(translate("Report", "Mål- og resultatplan: resultatopgørelse")) + "</h1>",
        f"<h2>{escape(plan.institution)} {escape(str(plan.year or ''))}</h2>",
        _kv_table(facts),
        "<h3>" + escape(translate("Report", "Pr. område")) + "</h3>",
        _areas_table(evaluation),
    ]
    if evaluation.pay:
        heading = escape(translate("Report", "Resultatløn"))
        html += [f"<h3>{heading}</h3>", _pay_table(evaluation)]
    html += [
        "<h2 style='page-break-before:always'>"
        + escape(translate("Report", "Mål og forklaringer"))
        + "</h2>",
        _goals_table(evaluation),
        "</body></html>",
    ]
    return "\n".join(html)


def _kv_table(rows: list[tuple[str, str]]) -> str:
    body = "".join(
        f"<tr><td><b>{escape(k)}</b></td><td>{escape(v)}</td></tr>" for k, v in rows if v
    )
    return f"<table cellpadding='3'>{body}</table>"


def _grid(headers: list[str], rows: list[list[str]], widths: list[int] | None = None) -> str:
    head = "".join(
        f"<th bgcolor='#E8EEF4' align='left'"
        f"{f' width={widths[i]}%' if widths else ''}>{escape(h)}</th>"
        for i, h in enumerate(headers)
    )
    body = "".join(
        "<tr>" + "".join(f"<td valign='top'>{escape(c)}</td>" for c in row) + "</tr>"
        for row in rows
    )
    return (
        "<table border='1' cellspacing='0' cellpadding='3' width='100%' "
        f"style='border-collapse:collapse; border-color:#999'><tr>{head}</tr>{body}</table>"
    )


def _areas_table(evaluation: Evaluation) -> str:
    card = evaluation.scorecard
    assert card is not None
    rows = []
    for a in card.areas:
        pct = a.points / a.max_points * 100 if a.max_points else 0
        rows.append([a.area, fmt.points(a.points), fmt.points(a.max_points), fmt.pct(pct)])
    return _grid(
        [
            translate("Report", "Område"),
            translate("Report", "Point"),
            translate("Report", "Mulige"),
            translate("Report", "Opfyldelse"),
        ],
        rows,
    )


def _pay_table(evaluation: Evaluation) -> str:
    rows = [[p.name, fmt.kroner(p.computed), fmt.kroner(p.payout)] for p in evaluation.pay]
    table = _grid(
        [
            translate("Report", "Navn"),
            translate("Report", "Beregnet"),
            translate("Report", "Udbetaling"),
        ],
        rows,
    )
    notes = "".join(f"<p>{escape(p.name)}: {escape(p.explanation)}</p>" for p in evaluation.pay)
    return table + notes


def _goals_table(evaluation: Evaluation) -> str:
    plan, card = evaluation.plan, evaluation.scorecard
    assert plan is not None and card is not None
    rows = []
    for g in card.goals:
        goal = plan.goal(g.goal_id)
        rows.append(
            [
                g.goal_id,
                goal.text if goal else "",
                f"{fmt.points(g.points)} / {fmt.points(g.possible)}",
                fmt.pct(g.fulfilment) if g.fulfilment is not None else "–",
                status_text(g.status),
                g.explanation,
            ]
        )
    headers = [
        translate("Report", "Nr"),
        translate("Report", "Mål"),
        translate("Report", "Point"),
        translate("Report", "Opfyldelse"),
        translate("Report", "Status"),
        translate("Report", "Forklaring"),
    ]
    return _grid(headers, rows, [6, 24, 10, 11, 11, 38])


def write_pdf(html: str, path: Path, title: str) -> None:
    """Lay the rich text out on A4 pages and write the PDF (fonts embedded by Qt).

    No page size is set on the document: `print_` then lays it out on the writer's page in
    points with a 2 cm margin, so 9 pt text is 9 pt on paper whatever the writer's resolution.
    """
    writer = QPdfWriter(str(path))
    writer.setTitle(title)
    writer.setCreator("Målscore")
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    # print_ adds its own 2 cm margin (and the page numbers in it) when the document has no size
    writer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)
    doc = QTextDocument()
    font = doc.defaultFont()
    font.setFamily("DejaVu Sans")
    font.setPointSizeF(9)
    doc.setDefaultFont(font)
    doc.setHtml(html)
    doc.print_(writer)


def export_pdf(
    evaluation: Evaluation, computed_at: datetime, stamp: str | None, path: Path
) -> None:
    plan = evaluation.plan
    title = f"{plan.institution} {plan.year}" if plan else "Målscore"
    write_pdf(report_html(evaluation, computed_at, stamp), path, title)


# --- e-mail draft ---------------------------------------------------------------------------


def build_email(evaluation: Evaluation, workbook: Path, pdf: Path) -> EmailMessage:
    """A draft to the ministry with the workbook and the report attached.

    `X-Unsent: 1` makes Outlook open the .eml as an unsent draft; other mail programs show it as
    a message they can forward or send.
    """
    plan, card = evaluation.plan, evaluation.scorecard
    institution = plan.institution if plan else ""
    year = str(plan.year) if plan and plan.year else ""
    msg = EmailMessage()
    # Header values are one line: a line break in the Institution cell would make
    # EmailMessage raise (or, unchecked, start a header of its own).
    msg["Subject"] = one_line(
        translate("Report", "Resultatopgørelse %1 for %2")
        .replace("%1", year)
        .replace("%2", institution)
    )
    msg["Date"] = formatdate(localtime=True)
    msg["X-Unsent"] = "1"
    score = fmt.pct(card.score_pct) if card else "–"
    points = f"{fmt.points(card.total_points)} af {fmt.points(card.max_points)}" if card else "–"
    body = translate(
        "Report",
        "Kære departement\n\n"
        "Hermed resultatopgørelsen for mål- og resultatplanen %1 for %2.\n\n"
        "Samlet målopfyldelse: %3 (%4 point).\n\n"
        "Projektmappen og rapporten (PDF) er vedhæftet.\n\n"
        "Med venlig hilsen\n",
    )
    msg.set_content(
        body.replace("%1", year)
        .replace("%2", institution)
        .replace("%3", score)
        .replace("%4", points)
    )
    for path in (workbook, pdf):
        kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        if path.suffix.lower() == ".xlsx":
            kind = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        main, sub = kind.split("/", 1)
        msg.add_attachment(
            path.read_bytes(), maintype=main, subtype=sub, filename=one_line(path.name)
        )
    return msg


def write_email(msg: EmailMessage, path: Path) -> None:
    path.write_bytes(bytes(msg))
