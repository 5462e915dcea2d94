"""The ministry's PDF report and the e-mail draft."""

from __future__ import annotations

import email
import re
import shutil
import subprocess
import zipfile
from datetime import datetime
from email import policy
from pathlib import Path

from PySide6.QtCore import QUrl

from calc import fmt
from calc.engine import evaluate
from calc.xlsx.reader import read_workbook
from desktop import settings
from desktop.dialogs import Overwrite, SendDetails, Unsaved
from desktop.report import integrity_stamp, report_html
from tests.desktop.conftest import open_scored


def _pdf_text(path: Path) -> str | None:
    tool = shutil.which("pdftotext")
    if tool is None:
        return None
    return subprocess.run([tool, str(path), "-"], capture_output=True, text=True, check=True).stdout


def _pages(path: Path) -> int:
    return len(re.findall(rb"/Type\s*/Page[^s]", path.read_bytes()))


def test_report_html_has_summary_and_one_row_per_goal(example):
    evaluation = evaluate(read_workbook(example))
    html = report_html(evaluation, datetime(2026, 1, 5, 9, 30), "STEMPEL-123")
    assert "Hjemrejsestyrelsen" in html and "2025" in html
    assert "05-01-2026 kl. 09:30" in html and "STEMPEL-123" in html
    assert "page-break-before:always" in html
    for goal in evaluation.scorecard.goals:
        assert f"<td valign='top'>{goal.goal_id}</td>" in html
    assert report_html(evaluation, datetime(2026, 1, 5), None).count("Integritetsstempel") == 0


def test_export_report_writes_a_pdf(qtbot, window, example, tmp_path):
    open_scored(qtbot, window, example)
    pdf = window.export_report(tmp_path / "rapport.pdf")
    assert pdf is not None and pdf.read_bytes().startswith(b"%PDF")
    assert _pages(pdf) >= 2  # the summary page, then the goals
    text = _pdf_text(pdf)
    if text is not None:
        assert "Hjemrejsestyrelsen" in text and "Forklaring" in text


def _with_ministry_address(path: Path, address: str) -> None:
    from calc.grid import CellUpdate
    from calc.xlsx.writeback import write_back

    rows = read_workbook(path).find("Plan").n_rows
    write_back(
        path,
        [
            CellUpdate("Plan", f"A{rows + 1}", "Departementets e-mail"),
            CellUpdate("Plan", f"B{rows + 1}", address),
        ],
    )


def test_send_to_ministry_builds_an_eml_and_opens_it(qtbot, window, example):
    _with_ministry_address(example, "uim@uim.dk")
    opened: list[QUrl] = []
    window.open_url = lambda url: opened.append(url) or True
    open_scored(qtbot, window, example)
    window.prompts.send_answer = SendDetails("uim@uim.dk", "Jens Hansen\nØkonomichef")
    eml = window.send_to_ministry()
    assert eml is not None and eml.suffix == ".eml"
    assert window.prompts.sends[0][:2] == ("uim@uim.dk", "")  # To: from the Plan sheet
    assert opened == [QUrl.fromLocalFile(str(eml))]
    msg = email.message_from_bytes(eml.read_bytes(), policy=policy.default)
    assert msg["To"] == "uim@uim.dk"
    assert "Hjemrejsestyrelsen" in msg["Subject"] and "2025" in msg["Subject"]
    assert msg["X-Unsent"] == "1"
    body = msg.get_body(preferencelist=("plain",)).get_content()
    card, pay = window.shown.card, window.shown.pay[0]
    assert body.startswith("Til Udlændinge- og Integrationsministeriet")
    assert f"Samlet målopfyldelse: {fmt.pct(card.score_pct)}" in body
    assert f"{fmt.points(card.total_points)} af {fmt.points(card.max_points)} point" in body
    assert f"udbetaling {fmt.kroner(pay.payout)}" in body
    assert body.rstrip().endswith("Jens Hansen\nØkonomichef")
    assert settings.signature() == "Jens Hansen\nØkonomichef"  # remembered for next time
    attachments = {part.get_filename(): part for part in msg.iter_attachments()}
    assert set(attachments) == {example.name, f"{example.stem} - rapport.pdf"}
    assert attachments[example.name].get_content() == example.read_bytes()
    assert attachments[f"{example.stem} - rapport.pdf"].get_content().startswith(b"%PDF")
    _title, text, folder = window.prompts.sent_texts[-1]
    assert str(eml) in text and folder == eml.parent


def test_the_draft_names_the_skon_and_its_reason(qtbot, window, example):
    open_scored(qtbot, window, example)
    pay = window.pay_panel.model
    with qtbot.waitSignal(window.evaluated, timeout=10_000):
        pay.setData(pay.index(0, 4), "-5.000 kr.")
    with qtbot.waitSignal(window.evaluated, timeout=10_000):
        pay.setData(pay.index(0, 5), "Sen aflevering af årsrapporten.")
    window.prompts.unsaved_answer = Unsaved.SAVE
    eml = window.send_to_ministry()
    assert eml is not None
    body = email.message_from_bytes(eml.read_bytes(), policy=policy.default).get_body(
        preferencelist=("plain",)
    )
    text = body.get_content()
    assert "skøn -5.000 kr. (Sen aflevering af årsrapporten.)" in text
    assert window.prompts.sends[0][2] in text  # the dialog showed the message as it is sent


def test_the_address_is_remembered_per_ministry(qtbot, window, example):
    open_scored(qtbot, window, example)
    window.prompts.send_answer = SendDetails("post@uim.dk", "")
    assert window.send_to_ministry() is not None
    assert window.prompts.sends[0][0] == ""  # nothing on the Plan sheet, nothing remembered
    window.prompts.overwrite_answer = Overwrite.OVERWRITE
    assert window.send_to_ministry() is not None
    assert window.prompts.sends[1][0] == "post@uim.dk"
    assert settings.ministry_email("Udlændinge- og Integrationsministeriet") == "post@uim.dk"


def test_no_mail_program_gives_a_clear_message_with_the_files_location(qtbot, window, example):
    window.open_url = lambda url: False
    open_scored(qtbot, window, example)
    eml = window.send_to_ministry()
    assert eml is not None and eml.is_file()
    _title, text, folder = window.prompts.sent_texts[-1]
    assert text.startswith("Der er intet mailprogram")
    assert str(eml) in text and str(example) in text and folder == example.parent


def test_an_earlier_report_is_never_overwritten_without_asking(qtbot, window, example):
    open_scored(qtbot, window, example)
    first = window.send_to_ministry()
    pdf = example.with_name(f"{example.stem} - rapport.pdf")
    earlier = pdf.read_bytes(), first.read_bytes()

    window.prompts.overwrite_answer = Overwrite.CANCEL
    assert window.send_to_ministry() is None
    assert window.prompts.overwrites[-1] == [pdf, first]

    window.prompts.overwrite_answer = Overwrite.NEW_NAME
    second = window.send_to_ministry()
    assert second == example.with_name(f"{example.stem} (2).eml")
    assert example.with_name(f"{example.stem} - rapport (2).pdf").is_file()
    assert (pdf.read_bytes(), first.read_bytes()) == earlier

    window.prompts.overwrite_answer = Overwrite.OVERWRITE
    assert window.send_to_ministry() == first


def test_a_bad_address_is_refused(qtbot, window, example):
    open_scored(qtbot, window, example)
    window.prompts.send_answer = SendDetails("ring til Jens", "")
    assert window.send_to_ministry() is None
    assert "e-mailadresse" in window.prompts.errors[-1][1]
    assert not example.with_name(f"{example.stem}.eml").exists()


def test_send_with_unsaved_changes_saves_first_or_stops(qtbot, window, example):
    open_scored(qtbot, window, example)
    plan = window.scored.evaluation.plan
    key = (plan.goals_layout.sheet, plan.goal("1.d").row, plan.goals_layout.col("result"))
    with qtbot.waitSignal(window.evaluated, timeout=10_000):
        window.apply_value(key, "91")
    window.prompts.unsaved_answer = Unsaved.CANCEL
    assert window.send_to_ministry() is None
    window.prompts.unsaved_answer = Unsaved.SAVE
    assert window.send_to_ministry() is not None
    assert not window.doc.dirty


def test_integrity_stamp_from_a_custom_property_or_a_sheet(example, tmp_path):
    assert integrity_stamp(example, read_workbook(example)) is None
    stamped = tmp_path / "stamped.xlsx"
    with zipfile.ZipFile(example) as src, zipfile.ZipFile(stamped, "w") as dst:
        for item in src.infolist():
            dst.writestr(item, src.read(item.filename))
        dst.writestr(
            "docProps/custom.xml",
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
            'custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/'
            '2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" '
            'pid="2" name="Målscore"><vt:lpwstr>sha256:abc123</vt:lpwstr></property>'
            '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="3" '
            'name="Målscore.tidspunkt"><vt:lpwstr>2026-01-05T09:30</vt:lpwstr></property>'
            '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="4" '
            'name="Andet"><vt:lpwstr>ikke med</vt:lpwstr></property>'
            '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="5" '
            'name="Målscore.Celler.001"><vt:lpwstr>eJzLSM3JyQcABiwCFQ==</vt:lpwstr></property>'
            "</Properties>",
        )
    assert integrity_stamp(stamped) == "sha256:abc123; tidspunkt: 2026-01-05T09:30"


def test_integrity_stamp_from_a_hidden_sheet(example):
    from dataclasses import replace

    from calc.grid import SheetGrid

    grids = read_workbook(example)
    stamp_sheet = SheetGrid("Målscore", (("Kontrolsum", "sha256:def456"),))
    grids = replace(grids, sheets=grids.sheets + (stamp_sheet,))
    assert integrity_stamp(example, grids) == "Kontrolsum sha256:def456"


def test_a_line_break_in_the_institution_stays_out_of_the_mail_headers(example, tmp_path):
    """Finding 10: an Institution with a line break made the e-mail draft raise ValueError
    (the Send feature caught only OSError)."""
    from dataclasses import replace

    from desktop.report import draft_message, write_email

    evaluation = evaluate(read_workbook(example))
    assert evaluation.plan is not None
    plan = replace(evaluation.plan, institution="Styrelsen\r\nBcc: alle@eksempel.dk\n\x1b[31m")
    pdf = tmp_path / "rapport.pdf"
    pdf.write_bytes(b"%PDF-1.4\n")
    eml = tmp_path / "udkast.eml"
    pdf_named = tmp_path / "rapport\r\nBcc: x@y.dk.pdf"
    pdf_named.write_bytes(pdf.read_bytes())
    draft = draft_message(
        replace(evaluation, plan=plan), example, pdf_named, "post@fm.dk\nBcc: b@c.dk", ""
    )
    write_email(draft, eml)
    msg = email.message_from_bytes(eml.read_bytes(), policy=policy.default)
    assert msg["Bcc"] is None
    assert msg["To"].startswith("post@fm.dk")
    names = [a.get_filename() for a in msg.iter_attachments()]
    assert names[1] == "rapport Bcc: x@y.dk.pdf"
    assert "Styrelsen Bcc: alle@eksempel.dk" in msg["Subject"]
    assert "\n" not in msg["Subject"] and "\x1b" not in msg["Subject"]
