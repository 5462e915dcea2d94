"""Eksportér rapport and Send til departement: the report and the hand-in of `calc.handin`."""

from __future__ import annotations

import email
import io
import shutil
import subprocess
import tempfile
import zipfile
from email import policy
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QCheckBox, QLabel

from calc import fmt
from calc.check import check_file
from calc.engine import evaluate
from calc.grid import WorkbookGrids
from calc.xlsx.crypt import decrypt
from calc.xlsx.reader import read_workbook
from desktop import settings
from desktop.dialogs import Overwrite, SendDetails, Unsaved
from tests.desktop.conftest import open_scored


def _pdf_text(path: Path) -> str | None:
    tool = shutil.which("pdftotext")
    if tool is None:
        return None
    return subprocess.run([tool, str(path), "-"], capture_output=True, text=True, check=True).stdout


def read_workbook_bytes(data: bytes) -> WorkbookGrids:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "sendt.xlsx"
        path.write_bytes(data)
        return read_workbook(path)


def test_export_report_is_the_rapport_commands_word_or_pdf(qtbot, window, example, tmp_path):
    """Eksportér rapport makes `maalscore rapport`'s report (with pay), from the workbook as
    saved: an example Målscore never calculated is saved first when the user agrees."""
    open_scored(qtbot, window, example)
    window.prompts.save_first_answer = False
    assert window.export_report(tmp_path / "rapport.pdf") is None
    assert not (tmp_path / "rapport.pdf").exists()
    window.prompts.save_first_answer = True
    pdf = window.export_report(tmp_path / "rapport.pdf")
    assert pdf is not None and pdf.read_bytes().startswith(b"%PDF")
    assert window.prompts.asked.count("save_first") == 2
    text = _pdf_text(pdf)
    if text is not None:
        assert "Hjemrejsestyrelsen" in text and "Resultatløn" in text
        for goal in window.shown.card.goals:
            assert goal.goal_id in text
    docx = window.export_report(tmp_path / "rapport.docx")
    assert docx is not None and zipfile.is_zipfile(docx)
    assert window.prompts.asked.count("save_first") == 2  # saved and stamped now


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


def _attachments(eml: Path) -> dict[str, bytes]:
    msg = email.message_from_bytes(eml.read_bytes(), policy=policy.default)
    return {part.get_filename(): part.get_content() for part in msg.iter_attachments()}


def _text(eml: Path) -> str:
    msg = email.message_from_bytes(eml.read_bytes(), policy=policy.default)
    return msg.get_body(preferencelist=("plain",)).get_content()


def test_send_to_ministry_encrypts_the_workbook_and_shows_the_password_once(qtbot, window, example):
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
    body, card = _text(eml), window.shown.card
    assert body.startswith("Til Udlændinge- og Integrationsministeriet")
    assert f"Samlet målopfyldelse: {fmt.pct(card.score_pct)}" in body
    assert f"{fmt.points(card.total_points)} af {fmt.points(card.max_points)} point" in body
    assert "krypteret med en adgangskode" in body
    assert body.rstrip().endswith("Jens Hansen\nØkonomichef")
    assert settings.signature() == "Jens Hansen\nØkonomichef"  # remembered for next time
    [password] = window.prompts.passwords  # shown once, never in the draft
    assert password not in eml.read_text("latin-1")
    files = _attachments(eml)
    report = f"{example.stem} - rapport.pdf"
    assert set(files) == {example.name, report}
    assert decrypt(files[example.name], password) == example.read_bytes()  # the saved file
    assert files[report] == example.with_name(report).read_bytes()  # the copy beside
    assert check_file(example).ok  # what travels is what `tjek` accepts
    _title, text, folder = window.prompts.sent_texts[-1]
    assert str(eml) in text and folder == eml.parent


def test_the_pay_and_the_skon_travel_encrypted_never_in_the_text(qtbot, window, example):
    """The draft's text is not encrypted, so it names no pay and no Skøn (personal data); the
    Skøn and its reason are in the encrypted workbook, the Skøn as a number."""
    open_scored(qtbot, window, example)
    pay = window.pay_panel.model
    with qtbot.waitSignal(window.evaluated, timeout=10_000):
        pay.setData(pay.index(0, 4), "-5.000 kr.")
    with qtbot.waitSignal(window.evaluated, timeout=10_000):
        pay.setData(pay.index(0, 5), "Sen aflevering af årsrapporten.")
    window.prompts.unsaved_answer = Unsaved.SAVE
    eml = window.send_to_ministry()
    assert eml is not None
    text = _text(eml)
    payout = fmt.kroner(window.shown.pay[0].payout)
    for secret in ("Sen aflevering", "5.000", payout, "udbetaling", "skøn"):
        assert secret not in text
    assert window.prompts.sends[0][2] in text  # the dialog showed the message as it is sent
    sent = decrypt(_attachments(eml)[example.name], window.prompts.passwords[0])
    grids = read_workbook_bytes(sent)
    plan = evaluate(grids).plan
    assert plan.people[0].adjustment == -5000
    assert plan.people[0].reason == "Sen aflevering af årsrapporten."


def test_a_copy_without_pay_travels_unencrypted_and_needs_no_password(qtbot, window, example):
    open_scored(qtbot, window, example)
    window.prompts.send_answer = SendDetails("post@uim.dk", "", without_pay=True)
    eml = window.send_to_ministry()
    assert eml is not None and window.prompts.passwords == []
    files = _attachments(eml)
    copy = f"{example.stem} - uden løn.xlsx"
    assert set(files) == {copy, f"{example.stem} - rapport.pdf"}
    assert zipfile.is_zipfile(io.BytesIO(files[copy]))
    assert evaluate(read_workbook_bytes(files[copy])).pay == ()
    assert "kopi uden resultatløn" in _text(eml)
    assert "kopi uden resultatløn" in window.prompts.sends[0][2]  # the preview said so


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
    assert "vedhæft projektmappen" not in text  # the workbook travels encrypted, in the .eml


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


def test_the_send_dialog_shows_how_the_workbook_travels(qtbot, window, example):
    """The real dialog (the tests above answer for it): the choice changes the preview and
    the note under it, a plan without pay has no choice, and no two Alt keys clash."""
    from calc.handin import draft_notes
    from calc.mail import body
    from desktop.dialogs import SendDialog

    open_scored(qtbot, window, example)
    plan, card = window.shown.plan, window.shown.card

    def preview(d: SendDetails) -> str:
        notes = draft_notes(plan, without_pay=d.without_pay, report_with_pay=d.report_with_pay)
        return body(plan, card, (), d.signature, notes)

    dialog = SendDialog(window, SendDetails("post@uim.dk", "Jens"), True, preview)
    qtbot.addWidget(dialog)
    assert "krypteret med en adgangskode" in dialog.preview.toPlainText()
    assert "adgangskoden vises én gang" in dialog.travel.text()
    dialog.report_with_pay.setChecked(True)
    assert "krypteret med samme adgangskode" in dialog.preview.toPlainText()
    dialog.without_pay.setChecked(True)
    assert not dialog.report_with_pay.isEnabled()
    assert dialog.details() == SendDetails("post@uim.dk", "Jens", without_pay=True)
    assert "kopi uden resultatløn" in dialog.preview.toPlainText()
    assert "Kopien uden resultatløn" in dialog.travel.text()
    texts = [w.text() for w in dialog.findChildren(QLabel) + dialog.findChildren(QCheckBox)]
    keys = [t[t.index("&") + 1].lower() for t in texts if "&" in t]
    assert len(keys) == len(set(keys)) == 4, texts
    plain = SendDialog(window, SendDetails("", ""), False, preview)
    qtbot.addWidget(plain)
    assert plain.without_pay.isHidden() and plain.report_with_pay.isHidden()


def test_a_swedish_plan_is_sent_in_swedish_with_a_write_protected_report(qtbot, window, tmp_path):
    import pikepdf

    from tests.desktop.conftest import EXAMPLE_003

    path = tmp_path / "migrationsverket.xlsx"
    shutil.copy2(EXAMPLE_003, path)
    open_scored(qtbot, window, path)
    window.prompts.send_answer = SendDetails("registrator@justice.ministry.se", "Anna")
    eml = window.send_to_ministry()
    assert eml is not None
    text = _text(eml)
    assert text.startswith("Till ") and "Total måluppfyllelse" in text
    assert "krypterad med ett lösenord" in text and "Resultatlön" not in text
    [password] = window.prompts.passwords
    files = _attachments(eml)
    assert decrypt(files[path.name], password) == path.read_bytes()
    with pikepdf.open(io.BytesIO(files[f"{path.stem} - rapport.pdf"])) as pdf:
        assert not pdf.allow.modify_other  # ESV: a write-protected PDF


def test_a_name_typed_without_suffix_gets_the_chosen_file_types():
    from desktop.dialogs import with_filter_suffix

    word = "Word-dokument (*.docx)"
    assert with_filter_suffix(Path("/a/rapport"), word) == Path("/a/rapport.docx")
    assert with_filter_suffix(Path("/a/rapport.pdf"), word) == Path("/a/rapport.pdf")
    assert with_filter_suffix(Path("/a/rapport"), "") == Path("/a/rapport")
