"""The Word report read back with python-docx: real tables and heading styles, one table row
per goal with its status, part 2's headings = the top-level goals not fully met, the chart as
a picture, the stamp in the footer; and LibreOffice opens it."""

from __future__ import annotations

import io
import shutil
import struct
import subprocess
from pathlib import Path

import pytest

pytest.importorskip("docx")

from docx import Document

from calc.report.word import docx_bytes
from tests.calc.report.test_content import DA, SV, report_of, scored

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def danish():
    ev = scored(DA)
    return ev, Document(io.BytesIO(docx_bytes(report_of(ev))))


def goal_rows(doc, ids):
    table = doc.tables[0]
    return [[c.text for c in row.cells] for row in table.rows if row.cells[0].text.strip() in ids]


def test_one_table_row_per_goal_with_its_status(danish):
    ev, doc = danish
    ids = {g.goal_id for g in ev.scorecard.goals}
    rows = goal_rows(doc, ids)
    assert [r[0] for r in rows] == [
        g for a in report_of(ev).areas for g in (x.goal_id for x in a.goals)
    ]
    assert len(rows) == len(ev.scorecard.goals)
    for r in rows:
        result = ev.scorecard.result(r[0])
        assert r[6] == result.status.label("da"), r
        assert r[1] == ev.plan.goal(r[0]).text
    header = [c.text for c in doc.tables[0].rows[0].cells]
    assert header == ["Nr", "Mål", "Resultatkrav", "Resultat", "Målopfyldelse", "Point", "Status"]
    assert doc.tables[0].rows[0]._tr.find(f"{W}trPr/{W}tblHeader") is not None  # repeats


def test_areas_and_the_total_are_rows_of_the_same_table(danish):
    _, doc = danish
    firsts = [row.cells[0].text for row in doc.tables[0].rows]
    assert "Faglige mål" in firsts and "Koncernfælles mål" in firsts
    last = [c.text for c in doc.tables[0].rows[-1].cells]
    # EX000: 443/6 = 73,83 of 280/3 = 93,33 possible, 79,1 %
    assert last[0] == "I alt" and last[4] == "79,1 %" and last[5] == "73,83 / 93,33"


def test_delmal_are_indented(danish):
    _, doc = danish
    rows = {row.cells[0].text: row for row in doc.tables[0].rows}
    assert rows["1.a.1"].cells[1].paragraphs[0].paragraph_format.left_indent > 0
    assert rows["1.a"].cells[1].paragraphs[0].paragraph_format.left_indent is None


def test_headings_use_word_styles_and_part_2_lists_the_unmet_goals(danish):
    ev, doc = danish
    styled = [
        (p.style.name, p.text)
        for p in doc.paragraphs
        if p.style.name.startswith(("Heading", "Title"))
    ]
    assert styled[0] == ("Title", "Målrapportering 2025")
    parts = [t for s, t in styled if s == "Heading 1"]
    assert parts[:2] == [
        "Del 1: Skematisk oversigt over mål og resultater",
        "Del 2: Uddybende analyser og vurderinger",
    ]
    start = styled.index(("Heading 1", parts[1]))
    end = styled.index(("Heading 1", "Resultatløn"))
    goals = [t.split(" ")[0] for s, t in styled[start:end] if s == "Heading 2"]
    unmet = [
        g.goal_id
        for g in ev.scorecard.goals
        if g.is_top_level and g.status.value in ("partly", "not_met", "missing")
    ]
    assert goals == unmet
    assert sum(1 for s, t in styled[start:end] if s == "Heading 3" and t == "Analyse") == len(unmet)


def test_each_analyse_heading_is_followed_by_an_empty_paragraph(danish):
    _, doc = danish
    paragraphs = doc.paragraphs
    for i, p in enumerate(paragraphs):
        if p.style.name == "Heading 3" and p.text == "Analyse":
            assert paragraphs[i + 1].text == ""


def test_the_chart_is_a_picture(danish):
    _, doc = danish
    assert len(doc.inline_shapes) == 1
    blip = doc.inline_shapes[0]._inline.graphic.graphicData.pic.blipFill.blip
    png = doc.part.related_parts[blip.embed].blob
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", png[16:24])
    assert width > 1000 and height > 200  # 16 cm at 200 dpi, one bar per top-level goal


def test_footer_has_version_stamp_and_page_number(danish):
    _, doc = danish
    footer = doc.sections[0].footer
    text = footer.paragraphs[0].text
    assert "Målscore 0.1.0" in text and "sha256:bbbbbbbbbbbbbbbb" in text
    fields = [f.get(f"{W}instr") for f in footer._element.iter(f"{W}fldSimple")]
    assert fields == ["PAGE", "NUMPAGES"]


def test_pay_is_in_the_document_unless_left_out():
    ev = scored(DA)
    payout = "140.898 kr."  # EX000

    def text(doc):
        cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
        return "\n".join([p.text for p in doc.paragraphs] + cells)

    with_pay = Document(io.BytesIO(docx_bytes(report_of(ev))))
    without = Document(io.BytesIO(docx_bytes(report_of(ev, with_pay=False))))
    assert payout in text(with_pay) and "Karsten Bøgh Andersen" in text(with_pay)
    assert payout not in text(without) and "Resultatløn" not in text(without)
    assert "1.187.400" not in text(without)


def test_a_swedish_plan_gets_swedish_words_and_language():
    ev = scored(SV)
    doc = Document(io.BytesIO(docx_bytes(report_of(ev))))
    header = [c.text for c in doc.tables[0].rows[0].cells]
    assert header[3:] == ["Utfall", "Måluppfyllelse", "Poäng", "Status"]
    assert doc.paragraphs[0].text == "Resultatredovisning 2008"
    assert doc.core_properties.language == "sv-SE"
    statuses = {row.cells[6].text for row in doc.tables[0].rows[1:]}
    assert {"Uppfyllt", "Delvis uppfyllt", "Ej uppfyllt"} <= statuses
    assert not any("opfyldt" in s.lower() for s in statuses)


def writer() -> str:
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if exe is None:
        pytest.skip("LibreOffice is not installed; .ci/run installs libreoffice-writer-nogui")
    return exe


def test_libreoffice_opens_the_document(tmp_path: Path):
    """Another Word reader lays the document out: every goal and its status survive."""
    exe = writer()
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext is not installed; .ci/run installs poppler-utils")
    ev = scored(DA)
    source = tmp_path / "rapport.docx"
    source.write_bytes(docx_bytes(report_of(ev)))
    done = subprocess.run(
        [exe, f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless",
         "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
        capture_output=True, text=True, timeout=180,
    )  # fmt: skip
    pdf = tmp_path / "rapport.pdf"
    if not pdf.is_file() and "could not be loaded" in done.stderr:
        pytest.skip("LibreOffice has no Writer; .ci/run installs libreoffice-writer-nogui")
    assert pdf.is_file(), done.stderr
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    for g in ev.scorecard.goals:
        assert g.goal_id in text
    assert "Del 2: Uddybende analyser og vurderinger" in text
    assert "Side 1 af" in text
