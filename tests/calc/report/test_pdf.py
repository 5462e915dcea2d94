"""The PDF report through pdftotext: searchable text, every goal's row with its status, Swedish
words for a Swedish plan; its permissions read back with pikepdf."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest

pytest.importorskip("reportlab")
pikepdf = pytest.importorskip("pikepdf")

from calc.report.pdf import pdf_bytes, protect  # noqa: E402
from tests.calc.report.test_content import DA, EQUAL, SV, report_of, scored  # noqa: E402


def pdftotext(data: bytes, tmp_path: Path, *, layout: bool = True) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext is not installed; .ci/run installs poppler-utils")
    path = tmp_path / "r.pdf"
    path.write_bytes(data)
    args = ["pdftotext", "-layout", str(path), "-"] if layout else ["pdftotext", str(path), "-"]
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def assert_every_goal_row_has_its_status(ev, text: str, chart: str) -> None:
    """In part 1's table (before the chart) every goal's row starts with its Nr and ends with
    its status in words."""
    table = text.split(chart)[0]
    lines = table.splitlines()
    for g in ev.scorecard.goals:
        label = g.status.label(ev.plan.lang)
        pattern = re.compile(rf"^\s*{re.escape(g.goal_id)}\s")
        rows = [ln for ln in lines if pattern.match(ln)]
        assert len(rows) == 1, (g.goal_id, rows)
        assert rows[0].rstrip().endswith(f" {label}"), (g.goal_id, label, rows[0])


@pytest.mark.parametrize("name", [DA, EQUAL])
def test_every_goal_and_its_status_is_text_in_the_pdf(name, tmp_path):
    ev = scored(name)
    report = report_of(ev)
    text = pdftotext(pdf_bytes(report), tmp_path)
    assert_every_goal_row_has_its_status(ev, text, report.words.chart)
    assert report.counts_line in text and report.total_line in text
    for a in report.analyses:
        assert a.goal_id in text.split(report.words.part2)[1]
    assert "Side 1 af" in text and "sha256:bbbbbbbbbbbbbbbb" in text


def test_a_swedish_plan_in_swedish(tmp_path):
    ev = scored(SV)
    report = report_of(ev)
    text = pdftotext(pdf_bytes(report), tmp_path)
    assert_every_goal_row_has_its_status(ev, text, report.words.chart)
    for word in ("Resultatredovisning 2008", "Utfall", "Måluppfyllelse", "Delvis uppfyllt",
                 "Ej uppfyllt", "Del 2: Fördjupad analys", "Analys", "Sida 1 av"):  # fmt: skip
        assert word in text, word
    assert "opfyldt" not in text.lower() and "Resultatlön" not in text


def test_pay_in_the_pdf_unless_left_out(tmp_path):
    ev = scored(DA)
    assert "140.898 kr." in pdftotext(pdf_bytes(report_of(ev)), tmp_path)  # EX000
    without = pdftotext(pdf_bytes(report_of(ev, with_pay=False)), tmp_path)
    assert "140.898" not in without and "Karsten" not in without and "Resultatløn" not in without


def test_the_chart_is_drawn_with_text(tmp_path):
    ev = scored(DA)
    report = report_of(ev)
    text = pdftotext(pdf_bytes(report), tmp_path, layout=False)
    chart = text.split(report.words.chart)[1].split(report.words.part2)[0]
    squeezed = "".join(chart.split())  # pdftotext may drop the spaces in "5 / 5"
    for bar in report.bars:
        assert f"{bar.goal_id}{bar.label.replace(' ', '')}" in squeezed


def test_headings_are_bookmarks():
    ev = scored(DA)
    report = report_of(ev)
    with pikepdf.open(io.BytesIO(pdf_bytes(report))) as pdf, pdf.open_outline() as outline:
        top = [item.title for item in outline.root]
        assert top[:2] == [report.words.part1, report.words.part2]
        part2 = outline.root[1]
        assert [c.title.split(" ")[0] for c in part2.children] == [
            a.goal_id for a in report.analyses
        ]


def test_write_protected_pdf_forbids_changes_and_stays_readable(tmp_path):
    ev = scored(SV)
    data = protect(pdf_bytes(report_of(ev)))
    with pikepdf.open(io.BytesIO(data)) as pdf:  # no password to open it
        assert pdf.is_encrypted
        allow = pdf.allow
        assert not allow.modify_other and not allow.modify_annotation
        assert not allow.modify_form and not allow.modify_assembly
        assert allow.extract and allow.accessibility and allow.print_highres
        assert pdf.encryption.bits == 256
    assert "Resultatredovisning 2008" in pdftotext(data, tmp_path)


def test_a_report_with_pay_can_need_a_password_to_open():
    data = protect(pdf_bytes(report_of(scored(DA))), "hemmeligt-ord")
    with pytest.raises(pikepdf.PasswordError):
        pikepdf.open(io.BytesIO(data))
    with pikepdf.open(io.BytesIO(data), password="hemmeligt-ord") as pdf:
        assert len(pdf.pages) >= 3
