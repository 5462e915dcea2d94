"""The draft to the ministry: addressed, with the numbers that matter, signed, one-line headers."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from email import message_from_bytes, policy

from calc import fmt
from calc.engine import FileOptions, evaluate, load_grids
from calc.mail import XLSX, Attachment, Draft, build_draft
from calc.safetext import one_line
from tests.calc.test_blocking import with_cell
from tests.conftest import WORKBOOKS


def _scored(name: str, **cells: tuple[str, int, int, object]):
    grids = load_grids(WORKBOOKS / name, FileOptions())
    for sheet, r, c, value in cells.values():
        grids = with_cell(grids, sheet, r, c, value)
    ev = evaluate(grids)
    assert ev.ok, ev.issues
    return ev


def test_the_draft_has_to_total_score_payout_skon_with_reason_and_signature():
    plain = _scored("eksempel-000-hjemrejsestyrelsen-2025.xlsx")
    layout = plain.plan.pay_layout
    row = plain.plan.people[0].row
    ev = _scored(
        "eksempel-000-hjemrejsestyrelsen-2025.xlsx",
        skon=(layout.sheet, row, layout.col("adjustment"), "-5.000"),
        why=(layout.sheet, row, layout.col("reason"), "Sen aflevering af årsrapporten."),
    )
    draft = Draft(
        to="post@uim.dk",
        signature="Jens Hansen\nØkonomichef",
        attachments=(Attachment("plan.xlsx", b"PK\x03\x04", XLSX),),
    )
    msg = build_draft(ev.plan, ev.scorecard, ev.pay, draft, date=datetime(2026, 1, 20, 9, 0))
    parsed = message_from_bytes(bytes(msg), policy=policy.default)
    assert parsed["To"] == "post@uim.dk"
    assert parsed["Subject"] == "Resultatopgørelse 2025 for Hjemrejsestyrelsen"
    assert parsed["X-Unsent"] == "1"
    text = parsed.get_body(("plain",)).get_content()
    card, pay = ev.scorecard, ev.pay[0]
    assert f"Samlet målopfyldelse: {fmt.pct(card.score_pct)}" in text
    assert f"({fmt.points(card.total_points)} af {fmt.points(card.max_points)} point)" in text
    assert "skøn -5.000 kr. (Sen aflevering af årsrapporten.)" in text
    assert f"udbetaling {fmt.kroner(pay.payout)}" in text
    assert pay.payout == plain.pay[0].payout - 5000
    assert text.rstrip().endswith("Med venlig hilsen\n\nJens Hansen\nØkonomichef")
    files = [(p.get_filename(), p.get_content()) for p in parsed.iter_attachments()]
    assert files == [("plan.xlsx", b"PK\x03\x04")]


def test_header_values_stay_on_one_line():
    ev = _scored("eksempel-000-hjemrejsestyrelsen-2025.xlsx")
    plan = replace(ev.plan, institution="Hjemrejse-\nstyrelsen\r\nBcc: x@y.dk\x1b[31m")
    named = (Attachment("rapport\r\nBcc: z@y.dk.pdf", b"%PDF", "application/pdf"),)
    draft = Draft(to="a@b.dk\nBcc: c@d.dk", signature="", attachments=named)
    msg = build_draft(plan, ev.scorecard, ev.pay, draft)
    parsed = message_from_bytes(bytes(msg), policy=policy.default)
    assert "Bcc" not in parsed
    assert parsed["Subject"] == "Resultatopgørelse 2025 for Hjemrejse- styrelsen Bcc: x@y.dk [31m"
    assert [a.get_filename() for a in parsed.iter_attachments()] == ["rapport Bcc: z@y.dk.pdf"]
    assert parsed["To"].startswith("a@b.dk")
    assert one_line(" a \n b\t c ") == "a b c"


def test_a_swedish_plan_gets_a_swedish_draft_without_pay():
    ev = _scored("eksempel-003-migrationsverket-2008.xlsx")
    msg = build_draft(ev.plan, ev.scorecard, ev.pay, Draft(to="", signature="Anna"))
    assert "To" not in msg
    text = msg.get_content()
    assert msg["Subject"].startswith("Resultatredovisning 2008 för Migrationsverket")
    assert "Total måluppfyllelse:" in text and "Resultatlön" not in text
    assert text.rstrip().endswith("Med vänlig hälsning\n\nAnna")


def test_the_ministrys_address_is_read_from_the_plan_sheet():
    grids = load_grids(WORKBOOKS / "eksempel-000-hjemrejsestyrelsen-2025.xlsx", FileOptions())
    plan_sheet = grids.find("Plan")
    row = plan_sheet.n_rows
    with_mail = with_cell(grids, "Plan", row, 0, "Departementets e-mail")
    good = evaluate(with_cell(with_mail, "Plan", row, 1, " uim@uim.dk "))
    assert good.ok and good.plan.ministry_email == "uim@uim.dk"
    bad = evaluate(with_cell(with_mail, "Plan", row, 1, "ring til Jens"))
    assert bad.ok and bad.plan.ministry_email == ""
    warning = next(i for i in bad.issues if i.sheet == "Plan")
    assert warning.cell == f"B{row + 1}" and "ring til Jens" in warning.message
