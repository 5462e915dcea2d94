"""`maalscore rapport` and `maalscore send` on real files: reports only from a workbook that
passes tjek; the draft's workbook encrypted (decrypts to the same bytes, the password printed
once and in no part of the draft) or the pay-less copy (lossless, stamped, no pay left); and a
plan without pay shows none anywhere."""

from __future__ import annotations

import io
import json
import shutil
import zipfile
from email import message_from_bytes, policy
from pathlib import Path

import pytest

pytest.importorskip("msoffcrypto")
pytest.importorskip("reportlab")

from calc.check import check_file
from calc.cli import main
from calc.grid import CellUpdate
from calc.xlsx.crypt import decrypt
from calc.xlsx.reader import read_workbook
from calc.xlsx.writeback import write_back
from tests.conftest import WORKBOOKS

DA = WORKBOOKS / "eksempel-000-hjemrejsestyrelsen-2025.xlsx"
SV = WORKBOOKS / "eksempel-003-migrationsverket-2008.xlsx"


def calculated(src: Path, folder: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    out = folder / src.name
    assert main(["beregn", str(src), "--ud", str(out)]) == 0
    capsys.readouterr()
    return out


@pytest.fixture
def danish(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    return calculated(DA, tmp_path, capsys)


@pytest.fixture
def swedish(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    return calculated(SV, tmp_path, capsys)


def attachments(eml: Path) -> dict[str, bytes]:
    msg = message_from_bytes(eml.read_bytes(), policy=policy.default)
    return {p.get_filename(): p.get_payload(decode=True) for p in msg.iter_attachments()}


def body(eml: Path) -> str:
    msg = message_from_bytes(eml.read_bytes(), policy=policy.default)
    return msg.get_body(("plain",)).get_content()


# --- rapport -------------------------------------------------------------------------------


def test_rapport_writes_word_and_pdf_and_says_what_is_in_them(danish, tmp_path, capsys):
    assert main(["rapport", str(danish), "--ud", str(tmp_path / "r.docx")]) == 0
    assert capsys.readouterr().out.strip() == (
        f"Rapporten er skrevet til {tmp_path / 'r.docx'}: 20 mål i del 1, 4 mål at analysere "
        "i del 2, med resultatløn."
    )
    assert zipfile.is_zipfile(tmp_path / "r.docx")
    assert main(["rapport", str(danish), "--ud", str(tmp_path / "r.pdf"), "--uden-løn"]) == 0
    assert (tmp_path / "r.pdf").read_bytes()[:5] == b"%PDF-"
    assert "med resultatløn" not in capsys.readouterr().out


def test_the_footer_carries_the_workbooks_stamp(danish, tmp_path, capsys):
    from docx import Document

    from calc.check import read_stamp

    assert main(["rapport", str(danish), "--ud", str(tmp_path / "r.docx")]) == 0
    stamp = read_stamp(danish)
    footer = Document(tmp_path / "r.docx").sections[0].footer.paragraphs[0].text
    assert f"resultat {stamp.result_digest[:23]}" in footer  # sha256: + 16 hex digits
    assert f"input {stamp.input_digest[:23]}" in footer


def test_no_report_from_a_workbook_never_calculated_or_edited_since(tmp_path, capsys):
    never = tmp_path / "plan.xlsx"
    shutil.copyfile(DA, never)
    assert main(["rapport", str(never), "--ud", str(tmp_path / "r.pdf")]) == 2
    err = capsys.readouterr().err
    assert "ALDRIG BEREGNET" in err and "Kør maalscore beregn plan.xlsx først" in err
    assert not (tmp_path / "r.pdf").exists()
    edited = tmp_path / "edited.xlsx"
    # 1.a.1's Status changed by hand after the calculation
    write_back(
        calculated(DA, tmp_path / "c", capsys), [CellUpdate("Mål", "W3", "Ikke opfyldt")], edited
    )
    assert main(["rapport", str(edited), "--ud", str(tmp_path / "r.pdf")]) == 2
    assert "IKKE OK" in capsys.readouterr().err


def test_rapport_never_replaces_a_file_unasked_and_knows_only_docx_and_pdf(
    danish, tmp_path, capsys
):
    target = tmp_path / "r.docx"
    target.write_bytes(b"the agency's own analysis")
    assert main(["rapport", str(danish), "--ud", str(target)]) == 3
    assert target.read_bytes() == b"the agency's own analysis"
    assert "findes allerede" in capsys.readouterr().err
    assert main(["rapport", str(danish), "--ud", str(target), "--overskriv"]) == 0
    assert zipfile.is_zipfile(target)
    assert main(["rapport", str(danish), "--ud", str(tmp_path / "r.xlsx")]) == 2
    assert main(["rapport", str(danish), "--ud", str(tmp_path / "x.docx"), "--skrivskyddad"]) == 2
    assert not list(tmp_path.glob(".*.tmp"))


def test_a_swedish_report_is_write_protected_by_default(swedish, danish, tmp_path, capsys):
    import pikepdf

    assert main(["rapport", str(swedish), "--ud", str(tmp_path / "sv.pdf")]) == 0
    assert "skrivskyddad" in capsys.readouterr().out
    with pikepdf.open(tmp_path / "sv.pdf") as pdf:
        assert pdf.is_encrypted and not pdf.allow.modify_other
    assert (
        main(["rapport", str(swedish), "--ud", str(tmp_path / "sv2.pdf"), "--ej-skrivskyddad"]) == 0
    )
    with pikepdf.open(tmp_path / "sv2.pdf") as pdf:
        assert not pdf.is_encrypted
    assert main(["rapport", str(danish), "--ud", str(tmp_path / "da.pdf")]) == 0
    with pikepdf.open(tmp_path / "da.pdf") as pdf:
        assert not pdf.is_encrypted
    assert (
        main(["rapport", str(danish), "--ud", str(tmp_path / "da2.pdf"), "--skrivebeskyttet"]) == 0
    )
    with pikepdf.open(tmp_path / "da2.pdf") as pdf:
        assert pdf.is_encrypted and not pdf.allow.modify_other


# --- send ----------------------------------------------------------------------------------


def test_send_encrypts_the_workbook_and_prints_the_password_once(danish, tmp_path, capsys):
    eml = tmp_path / "udkast.eml"
    assert main(["send", str(danish), "--til", "post@uim.dk", "--ud", str(eml)]) == 0
    out = capsys.readouterr().out
    line = next(ln for ln in out.splitlines() if ln.startswith("Adgangskode til projektmappen: "))
    password = line.split(": ", 1)[1]
    assert "telefon" in out or "sms" in out
    files = attachments(eml)
    sealed = files[danish.name]
    assert decrypt(sealed, password) == danish.read_bytes()  # byte for byte what was sent
    raw = eml.read_bytes()
    assert password.encode() not in raw
    for data in (*files.values(), body(eml).encode()):
        assert password.encode() not in data
    assert password.replace("-", "").encode() not in raw


def test_the_draft_says_how_the_workbook_travels_and_names_no_pay(danish, tmp_path, capsys):
    eml = tmp_path / "udkast.eml"
    assert main(["send", str(danish), "--til", "post@uim.dk", "--ud", str(eml)]) == 0
    capsys.readouterr()
    text = body(eml)
    msg = message_from_bytes(eml.read_bytes(), policy=policy.default)
    assert msg["To"] == "post@uim.dk" and msg["X-Unsent"] == "1"
    assert "krypteret med en adgangskode" in text and "sendes særskilt" in text
    assert "140.898" not in text and "Karsten" not in text and "kr." not in text
    assert "Rapporten (PDF) indeholder ikke resultatløn." in text


def test_the_report_in_the_draft_has_no_pay_unless_asked(danish, tmp_path, capsys):
    import pikepdf

    eml = tmp_path / "a.eml"
    assert main(["send", str(danish), "--til", "post@uim.dk", "--ud", str(eml)]) == 0
    capsys.readouterr()
    pdf = attachments(eml)[f"{danish.stem} - rapport.pdf"]
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        text = b"".join(
            page.obj.Contents.read_bytes() for page in doc.pages if "/Contents" in page.obj
        )
    assert pdf[:5] == b"%PDF-" and b"Resultatl" not in text
    with_pay = tmp_path / "b.eml"
    assert (
        main(
            [
                "send",
                str(danish),
                "--til",
                "post@uim.dk",
                "--ud",
                str(with_pay),
                "--rapport-med-løn",
            ]
        )
        == 0
    )
    password = capsys.readouterr().out.split("projektmappen: ")[1].split()[0]
    report = attachments(with_pay)[f"{danish.stem} - rapport.pdf"]
    with pytest.raises(pikepdf.PasswordError):
        pikepdf.open(io.BytesIO(report))
    pikepdf.open(io.BytesIO(report), password=password).close()


def test_send_takes_the_address_from_the_plan_sheet_and_never_overwrites(danish, tmp_path, capsys):
    eml = tmp_path / "u.eml"
    assert main(["send", str(danish), "--ud", str(eml)]) == 2
    assert "Departementets e-mail" in capsys.readouterr().err
    with_address = tmp_path / "med-adresse.xlsx"
    write_back(
        danish,
        [
            CellUpdate("Plan", "A20", "Departementets e-mail"),
            CellUpdate("Plan", "B20", "post@uim.dk"),
        ],
        with_address,
    )
    scored = calculated(with_address, tmp_path / "s", capsys)
    assert main(["send", str(scored), "--ud", str(eml)]) == 0
    assert message_from_bytes(eml.read_bytes(), policy=policy.default)["To"] == "post@uim.dk"
    before = eml.read_bytes()
    assert main(["send", str(scored), "--ud", str(eml)]) == 3
    assert eml.read_bytes() == before
    assert (
        main(["send", str(scored), "--til", "a@b.dk, c@d.dk", "--ud", str(tmp_path / "x.eml")]) == 2
    )


def test_uden_lon_attaches_a_stamped_copy_without_any_pay(danish, tmp_path, capsys):
    eml = tmp_path / "u.eml"
    assert main(["send", str(danish), "--til", "post@uim.dk", "--ud", str(eml), "--uden-løn"]) == 0
    out = capsys.readouterr().out
    assert "Adgangskode" not in out
    name = f"{danish.stem} - uden løn.xlsx"
    copy = tmp_path / "copy.xlsx"
    copy.write_bytes(attachments(eml)[name])
    grids = read_workbook(copy)
    pay = grids.find("Resultatløn")
    assert [v for v in pay.rows[0] if v][:3] == ["Navn", "Stilling", "Grundlag"]  # headers kept
    assert all(v is None for row in pay.rows[1:] for v in row)
    summary = [v for row in grids.find("Resultat").rows for v in row if v is not None]
    assert "Resultatløn" not in summary and "Karsten Bøgh Andersen" not in summary
    assert "Point i alt" in summary
    assert check_file(copy).status == "ok"  # the copy's own stamp: tjek accepts it
    assert "kopi uden resultatløn" in body(eml)
    with zipfile.ZipFile(copy) as zf:
        everything = b"".join(zf.read(n) for n in zf.namelist())
    for secret in (b"122599", b"1187400", b"178110", b"Karsten"):
        assert secret not in everything  # not in any part, the old stamp included


def test_uden_lon_is_lossless_for_everything_else(danish, tmp_path, capsys):
    eml = tmp_path / "u.eml"
    assert main(["send", str(danish), "--til", "post@uim.dk", "--ud", str(eml), "--uden-løn"]) == 0
    capsys.readouterr()
    copy = attachments(eml)[f"{danish.stem} - uden løn.xlsx"]
    with zipfile.ZipFile(danish) as before, zipfile.ZipFile(io.BytesIO(copy)) as after:
        assert before.namelist() == after.namelist()
        info = read_workbook(danish)
        pay_sheets = {"Resultatløn", "Resultat"}
        parts = dict(
            zip(
                info.names(),
                sorted(n for n in before.namelist() if n.startswith("xl/worksheets/sheet")),
                strict=False,
            )
        )
        changed = {n for n in before.namelist() if before.read(n) != after.read(n)}
        assert "xl/styles.xml" not in changed and "xl/sharedStrings.xml" not in changed
        assert changed <= {
            "xl/workbook.xml",
            "docProps/custom.xml",
            *(p for s, p in parts.items() if s in pay_sheets),
        } | {n for n in changed if n.startswith("xl/worksheets/")}
        plan_part = parts["Plan"]
        assert before.read(plan_part) == after.read(plan_part)


def test_a_formula_on_the_pay_sheet_is_named_and_no_copy_made(danish, tmp_path, capsys):
    from calc.engine import FileOptions
    from calc.handin import HandinError, hand_in, verify

    v = verify(danish, FileOptions())
    sheet = v.grids.find("Resultatløn")
    formulas = frozenset({(1, 2)})  # Grundlag as a formula
    grids = type(v.grids)(
        tuple(
            type(sheet)(s.name, s.rows, s.percent, formulas) if s is sheet else s
            for s in v.grids.sheets
        ),
        v.grids.source,
    )
    from dataclasses import replace

    with pytest.raises(HandinError) as err:
        hand_in(replace(v, grids=grids), "post@uim.dk", without_pay=True)
    assert "Resultatløn!C2" in str(err.value) and "formel" in str(err.value)


# --- a plan without pay --------------------------------------------------------------------


def test_a_plan_without_pay_shows_no_pay_anywhere(swedish, tmp_path, capsys):
    assert main(["beregn", str(swedish), "--json"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["pay"] == []
    about_pay = [i for i in record["issues"] if "resultatl" in i["message"].lower()]
    assert [i["severity"] for i in about_pay] == ["info"]  # one line, not a warning
    assert main(["beregn", str(swedish)]) == 0
    table = capsys.readouterr().out
    # No pay line, no amount; only the one info line that says there is no pay to compute.
    pay_lines = [line for line in table.splitlines() if "Resultatlön" in line]
    assert pay_lines == [
        "  Info Resultatlön: Inga personer på bladet: ingen resultatlön att beräkna."
    ]
    assert "kr." not in table
    summary = [
        v for row in read_workbook(swedish).find("Resultat").rows for v in row if v is not None
    ]
    assert not any(isinstance(v, str) and "Resultatl" in v for v in summary)
    assert main(["rapport", str(swedish), "--ud", str(tmp_path / "r.docx")]) == 0
    assert "resultatlön" not in capsys.readouterr().out
    from docx import Document

    doc = Document(tmp_path / "r.docx")
    assert not any("Resultatlön" in p.text for p in doc.paragraphs)


def test_uden_lon_leaves_no_pay_text_in_a_workbook_saved_by_an_office_program(tmp_path, capsys):
    """Saved by LibreOffice (as by Excel), every text is in the shared-string table: the names,
    titles and the departement's reason for withholding pay must go from there too."""
    from tests.calc.test_check import libreoffice_resave

    saved = libreoffice_resave(
        WORKBOOKS / "eksempel-004-statsforvaltningen-2017.xlsx", tmp_path / "lo"
    )
    with zipfile.ZipFile(saved) as zf:
        assert b"resultatl\xc3\xb8nnen bortfalder" in zf.read("xl/sharedStrings.xml")
    scored = calculated(saved, tmp_path / "scored", capsys)
    eml = tmp_path / "u.eml"
    assert main(["send", str(scored), "--til", "post@bm.dk", "--ud", str(eml), "--uden-løn"]) == 0
    capsys.readouterr()
    copy = tmp_path / "copy.xlsx"
    copy.write_bytes(attachments(eml)[f"{scored.stem} - uden løn.xlsx"])
    with zipfile.ZipFile(copy) as zf:
        everything = b"".join(zf.read(n) for n in zf.namelist())
    for secret in ("Birgitte Holm Sørensen", "Jesper Munk Larsen", "Vicedirektør", "bortfalder"):
        assert secret.encode() not in everything, secret
    assert check_file(copy).status == "ok"
    grids = read_workbook(copy)
    assert grids.find("Plan").rows[0][1] == "Statsforvaltningen"  # the rest reads as before


def test_a_plan_with_no_pay_sheet_at_all_has_one_info_line_and_no_pay():
    """The Swedish norm: no Resultatlön sheet. Scored, said once as info, no pay anywhere."""
    from dataclasses import replace

    from calc.engine import FileOptions, evaluate, load_grids
    from calc.headers import SHEETS
    from calc.report.content import Provenance, build_report

    grids = load_grids(SV, FileOptions())
    pay = grids.find(*SHEETS["pay"])
    without = replace(grids, sheets=tuple(g for g in grids.sheets if g is not pay))
    ev = evaluate(without)
    assert ev.ok and ev.pay == ()
    infos = [i for i in ev.issues if i.severity == "info"]
    assert [i.message for i in infos] == [
        "Arbetsboken har inget blad 'Resultatlön': ingen resultatlön att beräkna."
    ]
    assert not [i for i in ev.issues if i.severity == "warning" and "lön" in i.message]
    summary = {u.value for u in ev.updates if u.sheet == ev.plan.summary_sheet}
    assert "Resultatlön" not in summary
    report = build_report(ev.plan, ev.scorecard, ev.pay, Provenance("x"), made="x")
    assert report.pay == ()
