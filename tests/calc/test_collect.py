"""`maalscore samle` end to end: a departement's inbox of real workbooks, one run, its verdicts,
its JSON, the overview opened with openpyxl and with LibreOffice, and the sources untouched.

The inbox (built once per module) holds every kind of source the issue names:

| source | verdict |
|---|---|
| hjemrejse-2025.xlsx: calculated, untouched | godkendt |
| rettet-resultat.xlsx: a Point cell edited after calculating | ændret (Mål!V3) |
| rettet-input.xlsx: a Resultat cell edited after calculating | ændret (Mål!S8) |
| statsforvaltningen-2017.xlsx: never calculated | ikke beregnet |
| gammel-motor.xlsx: a valid stamp from "Målscore 0.0.9" with another result | afviger |
| svensk/migrationsverket-2008.xlsx: Swedish, calculated | godkendt |
| fejl-i-mappen.xlsx: a weight that is not a number | fejl |
| krypteret.xlsx: password protected (the shared corpus) | fejl |
| noter.txt and ikke-en-projektmappe.xlsx: not workbooks | fejl |
| hjemrejse-2024.xlsx: the same agency's previous year | godkendt |
| excel-beregnet.xlsx: calculated in Excel (no stamp), results equal a new calculation | godkendt |
| indbakke/post.eml: two workbooks attached (SIRI, Udlændingestyrelsen) | ikke beregnet ×2 |
| indbakke/outlook.msg: an Outlook message | fejl |
| ~$hjemrejse-2025.xlsx and .maalscore-backup/: Excel's owner file, backups | skipped |
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
import zipfile
from dataclasses import dataclass, replace
from datetime import datetime
from decimal import Decimal
from email.message import EmailMessage
from pathlib import Path

import pytest

from calc.cli import main
from calc.engine import FileOptions, evaluate, load_grids, score_file
from calc.grid import CellUpdate
from calc.xlsx.writeback import write_back
from tests.conftest import CORPUS, WORKBOOKS

NOW = datetime(2026, 1, 15, 9, 30)
EX000 = WORKBOOKS / "eksempel-000-hjemrejsestyrelsen-2025.xlsx"
EX001 = WORKBOOKS / "eksempel-001-udlaendingestyrelsen-2025.xlsx"
EX002 = WORKBOOKS / "eksempel-002-siri-2024.xlsx"
EX003 = WORKBOOKS / "eksempel-003-migrationsverket-2008.xlsx"
EX004 = WORKBOOKS / "eksempel-004-statsforvaltningen-2017.xlsx"
XLSX_TYPE = ("application", "vnd.openxmlformats-officedocument.spreadsheetml.sheet")


def _score(path: Path) -> None:
    ev = score_file(path, now=NOW, options=FileOptions(stamp_time=NOW, backup=False))
    assert ev.ok


def _edit(path: Path, *updates: CellUpdate) -> None:
    """Change cells the way a person would, leaving everything else (the stamp too) alone."""
    write_back(path, list(updates))


def _older_engine(path: Path) -> None:
    """A stamp as an older engine would have left it: version 0.0.9 and another result for
    goal 1.a.1, with the fingerprints matching that result (so only a new calculation differs)."""
    from calc.check import _current_results
    from calc.stamp import Stamp, fingerprint_results
    from calc.xlsx import ooxml

    _edit(path, CellUpdate("Mål", "V3", Decimal("7")))
    with ooxml.open_zip(path) as zf:
        stamp = Stamp.from_properties(ooxml.read_custom_properties(zf))
    assert stamp is not None
    digest, cells = fingerprint_results(_current_results(load_grids(path, FileOptions()), stamp))
    # `replace` keeps what the stamp records besides (its looks: format 2, issue 10).
    old = replace(stamp, version="0.0.9", result_digest=digest, results=cells)
    write_back(path, [], path, properties=old.properties())


def _like_excel(path: Path) -> None:
    """Calculated, then saved by a program that keeps the values but not the stamp (as the
    Excel add-in and xlwings Lite leave a workbook: they cannot write custom properties)."""
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.load_workbook(path)
    for name in list(wb.custom_doc_props.names):
        del wb.custom_doc_props[name]
    wb.save(path)


def _mail(path: Path, *attachments: Path) -> None:
    msg = EmailMessage()
    msg["Subject"] = "Resultatopgørelser"
    msg["From"] = "okonomi@styrelse.dk"
    msg.set_content("Hermed vores resultatopgørelser.")
    for a in attachments:
        msg.add_attachment(a.read_bytes(), *XLSX_TYPE, filename=a.name)
    path.write_bytes(bytes(msg))


@dataclass(frozen=True)
class Inbox:
    root: Path
    sources: tuple[Path, ...]  # what is passed to samle
    files: tuple[Path, ...]  # every file under root, to prove none is touched


def build_inbox(root: Path) -> Inbox:
    root.mkdir(parents=True)
    ok = root / "hjemrejse-2025.xlsx"
    shutil.copyfile(EX000, ok)
    _score(ok)
    previous = root / "hjemrejse-2024.xlsx"
    write_back(EX000, [CellUpdate("Plan", "B3", Decimal(2024))], previous)
    _edit(previous, CellUpdate("Mål", "S4", Decimal(700)))  # 1.a.2: 700 < 800, as in 2025
    _score(previous)
    result = root / "rettet-resultat.xlsx"
    shutil.copyfile(ok, result)
    _edit(result, CellUpdate("Mål", "V3", Decimal("7")))
    changed = root / "rettet-input.xlsx"
    shutil.copyfile(ok, changed)
    _edit(changed, CellUpdate("Mål", "S8", Decimal("91")))  # 1.d: 88 → 91, now met
    shutil.copyfile(EX004, root / "statsforvaltningen-2017.xlsx")
    old = root / "gammel-motor.xlsx"
    shutil.copyfile(ok, old)
    _older_engine(old)
    (root / "svensk").mkdir()
    swedish = root / "svensk" / "migrationsverket-2008.xlsx"
    shutil.copyfile(EX003, swedish)
    _score(swedish)
    in_excel = root / "excel-beregnet.xlsx"
    shutil.copyfile(EX002, in_excel)
    _score(in_excel)
    _like_excel(in_excel)
    broken = root / "fejl-i-mappen.xlsx"
    write_back(EX004, [CellUpdate("Mål", "F3", "tyve")], broken)  # Vægt of goal 1
    if (CORPUS / "calamine__pass_protected.xlsx").exists():
        shutil.copyfile(CORPUS / "calamine__pass_protected.xlsx", root / "krypteret.xlsx")
    (root / "ikke-en-projektmappe.xlsx").write_text("Dette er ikke en projektmappe.\n")
    notes = root / "noter.txt"
    notes.write_text("Husk at ringe til SIRI.\n")
    (root / "indbakke").mkdir()
    _mail(root / "indbakke" / "post.eml", EX002, EX001)
    (root / "indbakke" / "outlook.msg").write_bytes(
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
    )
    (root / "~$hjemrejse-2025.xlsx").write_bytes(b"\x05karen" + bytes(160))
    (root / ".maalscore-backup").mkdir()
    shutil.copyfile(EX004, root / ".maalscore-backup" / "statsforvaltningen-2017.xlsx")
    files = tuple(sorted(p for p in root.rglob("*") if p.is_file()))
    return Inbox(root, (root, notes), files)


@dataclass(frozen=True)
class Run:
    inbox: Inbox
    code: int
    out: dict[str, object]
    overview: Path
    before: dict[Path, tuple[bytes, int]]

    def agency(self, name: str) -> dict[str, object]:
        found = [a for a in self.agencies if str(a["file"]).endswith(name)]
        assert len(found) == 1, (name, [a["file"] for a in self.agencies])
        return found[0]

    @property
    def agencies(self) -> list[dict[str, object]]:
        return self.out["agencies"]  # type: ignore[return-value]


def _snapshot(files: tuple[Path, ...]) -> dict[Path, tuple[bytes, int]]:
    return {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in files}


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> Run:
    base = tmp_path_factory.mktemp("samle")
    inbox = build_inbox(base / "ind")
    before = _snapshot(inbox.files)
    overview = base / "oversigt.xlsx"
    import contextlib
    import io

    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        code = main(["samle", *map(str, inbox.sources), "--ud", str(overview), "--json"])
    return Run(inbox, code, json.loads(buffer.getvalue()), overview, before)


# --- verdicts and JSON -----------------------------------------------------------------------


def test_every_source_gets_its_verdict(run: Run) -> None:
    verdicts = {Path(str(a["file"]).split(" › ")[-1]).name: a["verdict"] for a in run.agencies}
    expected = {
        "hjemrejse-2025.xlsx": "godkendt",
        "hjemrejse-2024.xlsx": "godkendt",
        "excel-beregnet.xlsx": "godkendt",
        "rettet-resultat.xlsx": "ændret",
        "rettet-input.xlsx": "ændret",
        "statsforvaltningen-2017.xlsx": "ikke beregnet",
        "gammel-motor.xlsx": "afviger",
        "migrationsverket-2008.xlsx": "godkendt",
        "fejl-i-mappen.xlsx": "fejl",
        "ikke-en-projektmappe.xlsx": "fejl",
        "noter.txt": "fejl",
        "eksempel-002-siri-2024.xlsx": "ikke beregnet",
        "eksempel-001-udlaendingestyrelsen-2025.xlsx": "ikke beregnet",
        "outlook.msg": "fejl",
    }
    if (CORPUS / "calamine__pass_protected.xlsx").exists():
        expected["krypteret.xlsx"] = "fejl"
    assert verdicts == expected
    assert run.code == 2  # a fejl is the highest


def test_edited_cells_are_named(run: Run) -> None:
    assert run.agency("rettet-resultat.xlsx")["changed_cells"] == ["Mål!V3"]
    assert run.agency("rettet-input.xlsx")["changed_cells"] == ["Mål!S8"]
    older = run.agency("gammel-motor.xlsx")
    assert older["changed_cells"] == ["Mål!V3"]
    assert "0.0.9" in str(older["reason"])
    assert run.agency("hjemrejse-2025.xlsx")["changed_cells"] == []
    assert str(run.agency("excel-beregnet.xlsx")["reason"]).startswith(
        "Beregnet i Excel 15-01-2026 09:30 med Målscore"
    )


def test_numbers_are_a_fresh_calculation_as_json_numbers(run: Run) -> None:
    ok = run.agency("hjemrejse-2025.xlsx")
    assert ok["institution"] == "Hjemrejsestyrelsen" and ok["year"] == 2025
    # example 000 (tests/test_examples.py): 443/6 of 280/3 possible points (1.a.2 udgår)
    assert isinstance(ok["score_pct"], float) and isinstance(ok["max_points"], float)
    assert round(ok["score_pct"], 1) == 79.1
    assert ok["total_points"] == pytest.approx(73.8333333, abs=1e-6)
    assert ok["max_points"] == pytest.approx(93.3333333, abs=1e-6)
    assert ok["payout_total"] == 140898 and isinstance(ok["payout_total"], int)
    # the counts are of top-level goals only: example 000 has 15 (20 with its delmål)
    assert ok["counts"] == {"met": 11, "partly": 1, "not_met": 3, "missing": 0}
    # an edited input: the numbers are this engine's from the inputs as they are now
    edited = run.agency("rettet-input.xlsx")
    assert edited["score_pct"] != ok["score_pct"]
    # the result edited by hand does not leak into the numbers
    assert run.agency("rettet-resultat.xlsx")["total_points"] == ok["total_points"]


def test_json_without_an_overview_keeps_no_goal_rows_and_says_the_same(
    run: Run, capsys: pytest.CaptureFixture[str]
) -> None:
    """Without --ud the records keep no goal and pay rows (memory per agency), and the JSON,
    written as it is encoded, is the text the run with an overview gave, one line."""
    from calc.collect import examine, examine_summary

    code = main(["samle", *map(str, run.inbox.sources), "--json"])
    text = capsys.readouterr().out
    assert code == run.code
    assert json.loads(text) == run.out
    assert text == json.dumps(run.out, ensure_ascii=False) + "\n"
    ok = next(p for p in run.inbox.files if p.name == "hjemrejse-2025.xlsx")
    full, brief = examine(ok).records[0], examine_summary(ok).records[0]
    assert len(full.goals) == 20 and full.pay
    assert brief == replace(full, goals=(), pay=())


def test_failures_say_why(run: Run) -> None:
    broken = run.agency("fejl-i-mappen.xlsx")
    assert broken["score_pct"] is None and broken["counts"] is None
    assert "Mål!F3" in str(broken["reason"])
    assert "ikke-en-projektmappe.xlsx" in str(run.agency("ikke-en-projektmappe.xlsx")["reason"])
    assert ".eml" in str(run.agency("outlook.msg")["reason"])
    if (CORPUS / "calamine__pass_protected.xlsx").exists():
        assert "adgangskode" in str(run.agency("krypteret.xlsx")["reason"]).lower()


def test_mail_attachments_are_sources(run: Run) -> None:
    siri = run.agency("post.eml › eksempel-002-siri-2024.xlsx")
    assert siri["year"] == 2024 and siri["verdict"] == "ikke beregnet"
    assert str(siri["file"]).startswith(str(run.inbox.root / "indbakke" / "post.eml"))
    assert len(str(siri["sha256"])) == 64


def test_issues_list_problems_with_their_file(run: Run) -> None:
    issues = run.out["issues"]
    assert isinstance(issues, list)
    edited = [i for i in issues if i["file"] == "rettet-resultat.xlsx"]
    assert {"sheet": "Mål", "cell": "V3"}.items() <= edited[0].items()
    assert any(i["file"] == "fejl-i-mappen.xlsx" and i["cell"] == "F3" for i in issues)


def test_sources_are_untouched(run: Run) -> None:
    """Every file in the inbox is byte-identical, with the same mtime; nothing was added."""
    after = _snapshot(run.inbox.files)
    assert after == run.before
    assert sorted(p for p in run.inbox.root.rglob("*") if p.is_file()) == list(run.inbox.files)


# --- the overview ----------------------------------------------------------------------------


def test_overview_with_openpyxl(run: Run) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.load_workbook(run.overview)
    assert wb.sheetnames == ["Oversigt", "Mål", "Resultatløn", "Problemer", "Udvikling", "Diagram"]
    ws = wb["Oversigt"]
    header = [c.value for c in ws[1]]
    assert header[:5] == ["Institution", "År", "Point", "Mulige point", "Målopfyldelse"]
    assert header[-4:] == ["Vurdering", "Begrundelse", "Fil", "SHA-256"]
    rows = {r[header.index("Fil")]: r for r in ws.iter_rows(min_row=2, values_only=True)}
    ok = rows["hjemrejse-2025.xlsx"]
    assert ok[0] == "Hjemrejsestyrelsen" and ok[1] == 2025
    assert ok[4] == pytest.approx(443 / 560, abs=1e-8)  # 79,1 %
    assert ok[header.index("Udbetalt resultatløn i alt")] == 140898
    assert ok[header.index("Vurdering")] == "godkendt"
    assert len(ok[header.index("SHA-256")]) == 64
    # formats, table, filters, frozen header, printing
    score_cell = ws.cell(row=2, column=5)
    assert score_cell.number_format == "0.0 %"
    assert ws.cell(row=2, column=header.index("Udbetalt resultatløn i alt") + 1).number_format == (
        '#,##0 "kr."'
    )
    assert list(ws.tables) == ["T_overview"] and ws.tables["T_overview"].autoFilter is not None
    assert ws.freeze_panes == "B2"
    assert ws.page_setup.orientation == "landscape"
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.page_setup.fitToWidth in (None, 1) and ws.page_setup.fitToHeight == 0  # 1 default
    rules = [r for cf in ws.conditional_formatting for r in cf.rules]
    assert {'"godkendt"', '"ændret"', '"afviger"', '"fejl"', '"ikke beregnet"'} <= {
        f for r in rules for f in r.formula
    }
    total = ws.cell(row=ws.max_row, column=1)
    assert total.value == "I alt"
    # goals: one row per agency × goal
    goals = list(wb["Mål"].iter_rows(min_row=2, values_only=True))
    mine = [g for g in goals if g[-1] == "hjemrejse-2025.xlsx"]
    card = evaluate(load_grids(EX000, FileOptions())).scorecard
    assert card is not None and len(mine) == len(card.goals) == 20
    assert [g[2] for g in mine] == [g.goal_id for g in card.goals]
    trend = [c.value for c in wb["Udvikling"][1]]
    assert trend[0] == "Institution" and "2024" in trend and "2025" in trend
    hjem = next(
        r
        for r in wb["Udvikling"].iter_rows(min_row=2, values_only=True)
        if r[0] == ("Hjemrejsestyrelsen")
    )
    assert hjem[trend.index("2025")] == pytest.approx(443 / 560, abs=1e-8)


def test_overview_has_a_native_bar_chart(run: Run) -> None:
    with zipfile.ZipFile(run.overview) as zf:
        charts = [n for n in zf.namelist() if n.startswith("xl/charts/chart")]
        assert len(charts) == 1
        xml = zf.read(charts[0]).decode()
    assert "<c:barChart>" in xml and '<c:barDir val="bar"/>' in xml
    assert "Udvikling!$B$2" in xml  # several years: a series per year from Udvikling


def _soffice() -> str:
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if exe is None:
        pytest.skip("LibreOffice (soffice) is not installed; .ci/run installs libreoffice-calc")
    return exe


def libreoffice_csv(book: Path, out: Path, locale: str = "da-DK") -> dict[str, list[list[str]]]:
    """Every sheet of `book` as LibreOffice shows it (formatted text), in a Danish locale."""
    profile = out / "profile"
    (profile / "user").mkdir(parents=True)
    (profile / "user" / "registrymodifications.xcu").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<oor:items xmlns:oor="http://openoffice.org/2001/registry" '
        'xmlns:xs="http://www.w3.org/2001/XMLSchema" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n'
        '<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" '
        f'oor:op="fuse"><value>{locale}</value></prop></item>\n</oor:items>\n'
    )
    # 44 = comma, 34 = quote, 76 = UTF-8, "true" at 9 = as shown, -1 = every sheet
    options = "44,34,76,1,,1030,false,true,true,false,false,-1"
    subprocess.run(
        [
            _soffice(),
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            f"csv:Text - txt - csv (StarCalc):{options}",
            "--outdir",
            str(out),
            str(book),
        ],
        check=True,
        capture_output=True,
        timeout=180,
        env={**os.environ, "LC_ALL": "C.UTF-8"},
    )
    sheets = {}
    for path in out.glob(f"{book.stem}-*.csv"):
        with path.open(encoding="utf-8") as fh:
            sheets[path.stem[len(book.stem) + 1 :]] = list(csv.reader(fh))
    return sheets


def test_overview_in_libreoffice(run: Run, tmp_path: Path) -> None:
    sheets = libreoffice_csv(run.overview, tmp_path)
    assert {"Oversigt", "Mål", "Resultatløn", "Problemer", "Udvikling"} <= set(sheets)
    table = sheets["Oversigt"]
    header = table[0]
    row = next(r for r in table if "hjemrejse-2025.xlsx" in r)
    shown = dict(zip(header, row, strict=False))
    assert shown["Målopfyldelse"] == "79,1 %"
    assert shown["Point"] == "73,83"
    assert shown["Udbetalt resultatløn i alt"] == "140.898 kr."
    assert shown["Vurdering"] == "godkendt"
    assert shown["År"] == "2025"
    total = next(r for r in table if r and r[0] == "I alt")
    paid = total[header.index("Udbetalt resultatløn i alt")]
    assert paid.endswith(" kr.") and "Err" not in paid
    trend = sheets["Udvikling"]
    hjem = next(r for r in trend if r[0] == "Hjemrejsestyrelsen")
    assert hjem[trend[0].index("2025")] == "79,1 %"
    problems = sheets["Problemer"]
    assert any("rettet-resultat.xlsx" in r and "V3" in r for r in problems)


# --- options and refusals --------------------------------------------------------------------


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two calculated workbooks: one Danish, one Swedish."""
    folder = tmp_path_factory.mktemp("lille")
    for src in (EX000, EX003):
        shutil.copyfile(src, folder / src.name)
        _score(folder / src.name)
    return folder


def test_without_pay(small: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    out = tmp_path / "oversigt.xlsx"
    assert main(["samle", str(small), "--ud", str(out), "--json", "--uden-løn"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert all("payout_total" not in a for a in data["agencies"])
    wb = openpyxl.load_workbook(out)
    assert "Resultatløn" not in wb.sheetnames and "Udvikling" in wb.sheetnames
    header = [c.value for c in wb["Oversigt"][1]]
    assert not any("løn" in str(h) for h in header)


def test_swedish_plans_give_a_swedish_overview(tmp_path: Path, small: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    out = tmp_path / "översikt.xlsx"
    assert main(["samle", str(small / EX003.name), "--ud", str(out)]) == 0
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["Översikt", "Mål", "Resultatlön", "Problem", "Diagram"]
    header = [c.value for c in wb["Översikt"][1]]
    assert header[0] == "Myndighet" and "Bedömning" in header
    assert wb["Översikt"].cell(row=2, column=header.index("Bedömning") + 1).value == "godkänd"


def test_exit_codes(small: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    never = tmp_path / "aldrig.xlsx"
    shutil.copyfile(EX004, never)
    assert main(["samle", str(small), str(never), "--json"]) == 0  # godkendt + ikke beregnet
    edited = tmp_path / "rettet.xlsx"
    shutil.copyfile(small / EX000.name, edited)
    _edit(edited, CellUpdate("Mål", "V3", Decimal("7")))
    assert main(["samle", str(small), str(edited), "--json"]) == 1
    assert main(["samle", str(small), str(tmp_path / "findes-ikke.xlsx"), "--json"]) == 2
    empty = tmp_path / "tom"
    empty.mkdir()
    assert main(["samle", str(empty), "--json"]) == 2
    assert main(["samle", str(small)]) == 2  # neither --ud nor --json
    assert "--ud" in capsys.readouterr().err


def test_parallel_gives_the_same_result(
    small: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    mail = tmp_path / "post.eml"
    _mail(mail, EX002, EX004)
    main(["samle", str(small), str(mail), "--json"])
    serial = json.loads(capsys.readouterr().out)
    main(["samle", str(small), str(mail), "--json", "-j", "2"])
    assert json.loads(capsys.readouterr().out) == serial


def test_refuses_to_overwrite_what_is_not_an_overview(
    small: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = small / EX000.name
    before = plan.read_bytes()
    assert main(["samle", str(small), "--ud", str(plan)]) == 3
    assert "kilde" in capsys.readouterr().err
    other = tmp_path / "budget.xlsx"
    shutil.copyfile(EX004, other)
    assert main(["samle", str(small), "--ud", str(other)]) == 3
    assert "ikke en Målscore-oversigt" in capsys.readouterr().err
    assert plan.read_bytes() == before and other.read_bytes() == EX004.read_bytes()
    # an overview is replaced, and one inside the folder is not read as a source
    out = small / "oversigt.xlsx"
    try:
        assert main(["samle", str(small), "--ud", str(out)]) == 0
        assert main(["samle", str(small), "--ud", str(out)]) == 0
        assert main(["samle", str(small), "--json"]) == 0
        data = json.loads(capsys.readouterr().out.splitlines()[-1])
        assert len(data["agencies"]) == 2
        assert any("oversigt" in i["message"] for i in data["issues"])
    finally:
        out.unlink()


def test_legacy_formats_are_read_never_stamped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An .xls is calculated and `ikke beregnet` (Målscore never stamps one), with the caveat
    about what .xls cannot show as a warning; the source stays as it was."""
    folder = tmp_path / "gamle"
    subprocess.run(
        [_soffice(), f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless",
         "--convert-to", "xls", "--outdir", str(folder), str(EX004)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    xls = folder / (EX004.stem + ".xls")
    before = xls.read_bytes()
    assert main(["samle", str(folder), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    (agency,) = data["agencies"]
    assert agency["verdict"] == "ikke beregnet" and ".xls" in agency["reason"]
    assert agency["institution"] == "Statsforvaltningen" and agency["year"] == 2017
    assert any("formatet .xls og kan kun læses" in i["message"] for i in data["issues"])
    assert xls.read_bytes() == before
