"""`maalscore tjek`: OK, results edited by hand, inputs changed, never calculated, LibreOffice."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import zipfile
from dataclasses import replace
from datetime import datetime
from decimal import Decimal
from pathlib import Path

import pytest

from calc.check import CHANGED, DISPLAYED, EDITED, MISMATCH, NEVER, OK, UNREADABLE, check_file
from calc.cli import main
from calc.engine import FileOptions, score_file
from calc.errors import MaalscoreError
from calc.grid import CellUpdate
from calc.template import MAAL
from calc.xlsx.writeback import write_back
from tests.conftest import DATA, WORKBOOKS
from tests.xlsxbuild import add_dxf, add_to_sheet, rewrite_member, set_number_format, sheet_part

# Output cells of the example's goals 1.a.1 (row 3) and 1.a.2 (row 4), wherever the template puts
# its output columns.
POINT_3 = f"{MAAL.letter('Point')}3"
STATUS_4 = f"{MAAL.letter('Status')}4"

EXAMPLES = sorted(WORKBOOKS.glob("eksempel-*.xlsx"))
NOW = datetime(2026, 1, 15, 9, 30)


@pytest.fixture
def scored(tmp_path: Path) -> Path:
    path = tmp_path / "plan.xlsx"
    shutil.copyfile(EXAMPLES[0], path)
    score_file(path, now=NOW, options=FileOptions(stamp_time=NOW, backup=False))
    return path


def hand_edit(path: Path, sheet: str, cell: str, value: object) -> None:
    """Change one cell the way a person would, leaving everything else (the stamp too) alone."""
    write_back(path, [CellUpdate(sheet, cell, value)])  # type: ignore[arg-type]


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name[:12])
def test_every_example_checks_ok_after_beregn(tmp_path: Path, example: Path) -> None:
    path = tmp_path / example.name
    shutil.copyfile(example, path)
    assert check_file(path).status == NEVER
    score_file(path, options=FileOptions(backup=False))
    result = check_file(path)
    assert result.status == OK, result.message()
    assert result.message().startswith("OK – beregnet")


def test_result_edited_by_hand_is_named(scored: Path) -> None:
    hand_edit(scored, "Mål", POINT_3, Decimal("7"))  # Point of goal 1.a.1
    result = check_file(scored)
    assert result.status == EDITED and result.edited == [f"Mål!{POINT_3}"]
    assert not result.changed
    assert f"Resultater rettet i hånden efter beregningen: Mål!{POINT_3}." in result.message()


def test_result_text_edited_and_emptied(scored: Path) -> None:
    hand_edit(scored, "Mål", STATUS_4, "Opfyldt")
    hand_edit(scored, "Resultatløn", "A1", None)  # not a result: an input header
    result = check_file(scored)
    assert f"Mål!{STATUS_4}" in result.edited
    assert "Resultatløn!A1" in result.changed


def test_input_changed_is_named(scored: Path) -> None:
    hand_edit(scored, "Mål", "S4", Decimal("801"))  # Resultat of 1.a.2: 743 → 801
    result = check_file(scored)
    assert result.status == CHANGED and result.changed == ["Mål!S4"]
    assert "Input ændret efter beregningen: Mål!S4." in result.message()


def test_input_added_below_the_data(scored: Path) -> None:
    hand_edit(scored, "Plan", "D40", "en note")
    assert check_file(scored).changed == ["Plan!D40"]


def test_forged_result_with_matching_fingerprint_is_caught(scored: Path) -> None:
    """Results changed *and* the stamp rewritten to match: the new calculation disagrees."""
    from calc.check import _current_results
    from calc.stamp import Stamp, fingerprint_results
    from calc.xlsx import ooxml

    hand_edit(scored, "Mål", POINT_3, Decimal("7"))
    with ooxml.open_zip(scored) as zf:
        stamp = Stamp.from_properties(ooxml.read_custom_properties(zf))
    assert stamp is not None
    from calc.engine import load_grids

    digest, cells = fingerprint_results(_current_results(load_grids(scored, FileOptions()), stamp))
    forged = replace(stamp, result_digest=digest, results=cells)
    write_back(scored, [], scored, properties=forged.properties())
    result = check_file(scored)
    assert result.status == MISMATCH and result.differs == [f"Mål!{POINT_3}"]


def test_damaged_stamp(scored: Path) -> None:
    write_back(scored, [], scored, properties={"Målscore.Format": "1", "Målscore.Celler.001": "!"})
    result = check_file(scored)
    assert not result.ok and "beskadiget" in result.message()


def test_cli_exit_codes_and_json(scored: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["tjek", str(scored)]) == 0
    assert "OK – beregnet 2026-01-15T09:30:00" in capsys.readouterr().out
    never = tmp_path / "aldrig.xlsx"
    shutil.copyfile(EXAMPLES[1], never)
    assert main(["tjek", str(scored), str(never)]) == 1
    assert "ALDRIG BEREGNET" in capsys.readouterr().out
    junk = tmp_path / "junk.xlsx"
    junk.write_bytes(b"not a workbook")
    assert main(["tjek", str(scored), str(junk), "--json"]) == 3
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["status"] for r in records] == [OK, UNREADABLE]
    assert records[0]["calculated"] == "2026-01-15T09:30:00" or records[0]["calculated"].startswith(
        "2026-01-15T09:30:00"
    )


def soffice() -> str:
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if exe is None:
        pytest.skip("LibreOffice (soffice) is not installed; .ci/run installs libreoffice-calc")
    return exe


def libreoffice_resave(path: Path, out_dir: Path) -> Path:
    """Open and save in LibreOffice without edits (xlsx → xlsx), headless."""
    out_dir.mkdir(exist_ok=True)
    profile = out_dir / "profile"
    subprocess.run(
        [
            soffice(),
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "xlsx",
            "--outdir",
            str(out_dir),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    result = out_dir / path.name
    assert result.is_file()
    return result


def test_libreoffice_open_and_save_keeps_the_stamp_ok(scored: Path, tmp_path: Path) -> None:
    resaved = libreoffice_resave(scored, tmp_path / "lo")
    with zipfile.ZipFile(scored) as a, zipfile.ZipFile(resaved) as b:
        assert a.read("xl/worksheets/sheet2.xml") != b.read("xl/worksheets/sheet2.xml")
    result = check_file(resaved)
    assert result.status == OK, result.message()


def test_libreoffice_resave_after_an_edit_is_caught(scored: Path, tmp_path: Path) -> None:
    hand_edit(scored, "Mål", POINT_3, Decimal("7"))
    resaved = libreoffice_resave(scored, tmp_path / "lo")
    assert check_file(resaved).edited == [f"Mål!{POINT_3}"]


def test_beregn_again_after_libreoffice(scored: Path, tmp_path: Path) -> None:
    """LibreOffice rewrites docProps/custom.xml in its own way; the stamp is replaced in it."""
    resaved = libreoffice_resave(scored, tmp_path / "lo")
    score_file(resaved, options=FileOptions(backup=False))
    assert check_file(resaved).status == OK
    with zipfile.ZipFile(resaved) as zf:
        custom = zf.read("docProps/custom.xml").decode("utf-8")
    assert custom.count('name="Målscore.Format"') == 1


def test_separate_case_file(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    """`beregn --sagsdata` stamps the case file's cells; `tjek --sagsdata` checks them."""
    from calc.xlsx.reader import read_workbook

    path = tmp_path / "plan.xlsx"
    shutil.copyfile(EXAMPLES[0], path)
    cases = read_workbook(path).find("Sagsdata")
    assert cases is not None

    def text(v: object) -> str:
        return v.strftime("%d-%m-%Y") if hasattr(v, "strftime") else "" if v is None else str(v)

    csv = tmp_path / "sager.csv"
    csv.write_text("\n".join(";".join(text(v) for v in row) for row in cases.rows) + "\n")
    assert main(["beregn", str(path), "--sagsdata", str(csv), "--ingen-backup"]) == 0
    assert main(["tjek", str(path), "--sagsdata", str(csv)]) == 0
    lines = csv.read_text().splitlines()
    cells = lines[5].split(";")
    cells[-1] = cells[-1] + "9" if cells[-1] else "99"
    lines[5] = ";".join(cells)
    csv.write_text("\n".join(lines) + "\n")
    capsys.readouterr()
    assert main(["tjek", str(path), "--sagsdata", str(csv)]) == 1
    assert "Input ændret efter beregningen" in capsys.readouterr().out


# ---------------------------------------------------------------------------------------------
# What is displayed: number formats, hidden cells and sheets, conditional formats (issue 10)

# The forged formats of the review: each makes Excel and LibreOffice show another result.
FORGED = [
    ("Mål", "V4", '0;-0;"5"', "viser «5»"),  # Point 0 of goal 1.a.2 shown as 5
    ("Mål", "W4", ';;;"Opfyldt"', "viser «Opfyldt»"),  # Status "Ikke opfyldt" shown as Opfyldt
    ("Resultat", "B5", '"100"', "viser «100»"),  # Point i alt 73,83 shown as 100
]


@pytest.mark.parametrize(("sheet", "cell", "code", "shows"), FORGED, ids=[f[1] for f in FORGED])
def test_a_forged_number_format_is_caught_and_beregn_repairs_it(
    scored: Path, sheet: str, cell: str, code: str, shows: str
) -> None:
    set_number_format(scored, sheet, cell, code)
    result = check_file(scored)
    assert result.status == DISPLAYED and not result.changed and not result.edited
    assert len(result.display) == 1 and result.display[0].startswith(f"{sheet}!{cell} (")
    assert code in result.display[0] and shows in result.display[0]
    assert f"{sheet}!{cell} (talformatet «{code}»" in result.message()
    score_file(scored, now=NOW, options=FileOptions(stamp_time=NOW, backup=False))
    assert check_file(scored).status == OK  # the cell got the plain General format


def test_libreoffice_shows_the_forgery_and_then_the_result(scored: Path, tmp_path: Path) -> None:
    """What a person sees, from LibreOffice's own rendering (csv export "as shown")."""
    for sheet, cell, code, _ in FORGED:
        set_number_format(scored, sheet, cell, code)

    def shown() -> tuple[str, str, str]:
        out = tmp_path / "lo"
        shutil.rmtree(out, ignore_errors=True)
        libreoffice_csv(scored, out)
        goals = (out / f"{scored.stem}-Mål.csv").read_text(encoding="utf-8").splitlines()
        summary = (out / f"{scored.stem}-Resultat.csv").read_text(encoding="utf-8").splitlines()
        point, status = _cells(goals[3], 21, 22)
        return point, status, summary[4].split(",")[1]

    assert shown() == ("5", "Opfyldt", "100")  # the attack is real
    assert check_file(scored).status == DISPLAYED
    score_file(scored, now=NOW, options=FileOptions(stamp_time=NOW, backup=False))
    # goal 1.a.2 udgår (its Forudsætning is not met); total 443/6 (tests/test_examples.py, EX000)
    assert shown() == ("0", "Udgår", "73.83")
    assert check_file(scored).status == OK


def _cells(line: str, *cols: int) -> tuple[str, str]:
    import csv

    row = next(csv.reader([line]))
    return row[cols[0]], row[cols[1]]


def libreoffice_csv(path: Path, out_dir: Path) -> None:
    """Every sheet as CSV with the cells as LibreOffice displays them (formats applied)."""
    out_dir.mkdir(exist_ok=True)
    subprocess.run(
        [soffice(), f"-env:UserInstallation=file://{out_dir / 'profile'}", "--headless",
         "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,"
         "false,-1", "--outdir", str(out_dir), str(path)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip


def test_a_harmless_format_change_is_still_a_change(scored: Path) -> None:
    set_number_format(scored, "Mål", "V3", "0.000")  # Point 6,67 shown with 3 decimals
    result = check_file(scored)
    assert result.status == DISPLAYED
    assert result.display == [
        "Mål!V3 (talformat eller betinget formatering ændret efter beregningen)"
    ]


def test_hidden_result_column_and_sheet(scored: Path) -> None:
    goals = sheet_part(scored, "Mål")  # hide column V (Point) as Excel does
    rewrite_member(
        scored,
        goals,
        lambda x: x.replace(b'min="22" max="22"/>', b'min="22" max="22" hidden="1"/>'),
    )
    rewrite_member(
        scored,
        "xl/workbook.xml",
        lambda x: re.sub(rb'(<sheet [^>]*name="Resultat"[^>]*state=")visible"', rb'\1hidden"', x),
    )
    result = check_file(scored)
    assert result.status == DISPLAYED
    assert "Resultat (arket er nu skjult)" in result.display
    hidden = [d for d in result.display if d.startswith("Mål!V")]
    assert hidden and all(d.endswith("(skjult efter beregningen)") for d in hidden)


def test_conditional_format_that_shows_another_number(scored: Path) -> None:
    dxf = add_dxf(scored, '<numFmt numFmtId="300" formatCode="&quot;5&quot;"/>')
    rule = (
        f'<conditionalFormatting sqref="V3:V6"><cfRule type="expression" dxfId="{dxf}" '
        'priority="1"><formula>TRUE</formula></cfRule></conditionalFormatting>'
    )
    add_to_sheet(scored, "Mål", rule, "<dataValidations")
    result = check_file(scored)
    assert result.status == DISPLAYED
    assert [d[:6] for d in result.display] == ["Mål!V3", "Mål!V4", "Mål!V5", "Mål!V6"]
    assert 'betinget formatering med talformatet «"5"»' in result.display[0]
    with pytest.raises(MaalscoreError, match=r"Mål!V3 .*betinget formatering.*intet er skrevet"):
        score_file(scored, options=FileOptions(backup=False))


def test_x14_conditional_format_and_data_bar_without_value(scored: Path) -> None:
    x14 = "http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"
    xm = "http://schemas.microsoft.com/office/excel/2006/main"
    ext = (
        f'<extLst><ext uri="{{78C0D931-6437-407d-A8EE-F0AAD7539E65}}" xmlns:x14="{x14}">'
        f'<x14:conditionalFormattings><x14:conditionalFormatting xmlns:xm="{xm}">'
        '<x14:cfRule type="expression" priority="2" id="{00000000-0000-0000-0000-000000000001}">'
        '<xm:f>TRUE</xm:f><x14:dxf><numFmt numFmtId="301" formatCode=";;;"/></x14:dxf>'
        "</x14:cfRule><xm:sqref>W4</xm:sqref></x14:conditionalFormatting>"
        "</x14:conditionalFormattings></ext></extLst>"
    )
    add_to_sheet(scored, "Mål", ext, "</worksheet>")
    bar = (
        '<conditionalFormatting sqref="U3"><cfRule type="dataBar" priority="1"><dataBar '
        'showValue="0"><cfvo type="min"/><cfvo type="max"/><color rgb="FF638EC6"/></dataBar>'
        "</cfRule></conditionalFormatting>"
    )
    add_to_sheet(scored, "Mål", bar, "<dataValidations")
    result = check_file(scored)
    assert [d[:6] for d in result.display] == ["Mål!U3", "Mål!W4"]
    assert "(dataBar) viser et symbol i stedet for værdien" in result.display[0]
    assert "«;;;»" in result.display[1]


def test_a_format_1_stamp_is_still_read(tmp_path: Path) -> None:
    """A workbook stamped before the looks were (format 1, Målscore 0.1.0 on main): OK; a
    lying format is judged by the rule alone; beregn writes format 2."""
    path = tmp_path / "gammel.xlsx"
    shutil.copyfile(DATA / "stamp-format-1.xlsx", path)
    result = check_file(path)
    assert result.status == OK and result.stamp is not None and result.stamp.format == "1"
    set_number_format(path, "Resultat", "B5", '"100"')
    set_number_format(path, "Mål", "V3", "0.000")  # harmless: no stamped look to compare with
    result = check_file(path)
    assert result.status == DISPLAYED and [d[:11] for d in result.display] == ["Resultat!B5"]
    score_file(path, options=FileOptions(backup=False))
    result = check_file(path)
    assert result.status == OK and result.stamp is not None and result.stamp.format == "2"


def test_a_users_cells_on_the_resultat_sheet_survive_and_are_stamped(
    scored: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Finding 7: text a user wrote on Resultat (F3, A40) was deleted by the next beregn."""
    from calc.xlsx.reader import read_workbook

    hand_edit(scored, "Resultat", "F3", "Godkendt af direktionen")
    hand_edit(scored, "Resultat", "A40", "Note: tallene er foreløbige")
    result = check_file(scored)  # added after calculation: seen, like a note on Plan
    assert result.status == CHANGED and result.changed == ["Resultat!F3", "Resultat!A40"]
    assert main(["beregn", str(scored), "--ingen-backup"]) == 0
    summary = read_workbook(scored).find("Resultat")
    assert summary is not None
    assert summary.value(2, 5) == "Godkendt af direktionen"
    assert summary.value(39, 0) == "Note: tallene er foreløbige"
    assert check_file(scored).status == OK
    hand_edit(scored, "Resultat", "A40", "ændret")
    assert check_file(scored).changed == ["Resultat!A40"]
    capsys.readouterr()


def test_a_summary_over_a_users_cell_is_refused_naming_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "plan.xlsx"
    shutil.copyfile(EXAMPLES[0], path)
    hand_edit(path, "Resultat", "B5", "vores tal")
    before = path.read_bytes()
    assert main(["beregn", str(path)]) == 2
    out = capsys.readouterr().out
    assert "FEJL Resultat!B5: Cellen indeholder «vores tal», som Målscore ikke har skrevet" in out
    assert path.read_bytes() == before


@pytest.fixture(scope="module")
def big_cases(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The first example with 2 448 case rows (its own rows twelve times, each Sag made
    unique): read column by column, its dates hashed through a table of distinct values."""
    import openpyxl

    path = tmp_path_factory.mktemp("big") / "plan.xlsx"
    wb = openpyxl.load_workbook(EXAMPLES[0])
    ws = wb["Sagsdata"]
    rows = [list(r) for r in ws.iter_rows(min_row=2, values_only=True) if any(r)]
    fmt = ws.cell(2, 3).number_format
    ws.delete_rows(2, ws.max_row)
    for i in range(12):
        for r in rows:
            ws.append([r[0], f"{r[1]}-{i}", *r[2:]])
    for row in ws.iter_rows(min_row=2, min_col=3, max_col=4):
        for c in row:
            c.number_format = fmt
    wb.save(path)
    return path


def test_each_changed_case_value_of_a_large_sagsdata_is_named(
    big_cases: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Mutation: each column of one case row changed in turn (to another value the column
    holds, to a value it never held, to another kind of value); `tjek` names that row's
    block and no other, through the stamp that hashes dates by a table of distinct values."""
    from calc.grid import CaseSheet
    from calc.stamp import VALUE_FORMAT
    from calc.xlsx import bulk

    monkeypatch.setattr(bulk, "BIG_SHEET", 0)  # the sheet read column by column, as 1M rows
    stamped = tmp_path / "plan.xlsx"
    shutil.copyfile(big_cases, stamped)
    score_file(stamped, now=NOW, options=FileOptions(stamp_time=NOW, backup=False))
    result = check_file(stamped)
    assert result.status == OK and result.stamp is not None
    assert result.stamp.format == VALUE_FORMAT
    sheet = result.stamp.inputs["Sagsdata"]
    assert sheet.methods == "ssmmsss", sheet.methods  # Mål … Medtages text, dates by table
    grids = load_grids_for(stamped)
    assert isinstance(grids.find("Sagsdata"), CaseSheet)

    row = 1001
    other_goal = next(
        v
        for v in grids.find("Sagsdata").columns[0][2:]
        if v != grids.find("Sagsdata").columns[0][row - 1]
    )
    edits = {
        "A": other_goal,  # another goal of the sheet
        "B": "HJR-2025-9999",  # Sag
        "C": Decimal(45658),  # Modtaget: 2025-01-01, a date the column already holds
        "D": Decimal(40000),  # Afgjort: a date no case has
        "E": "Aarhus",  # Lokation: from empty
        "F": "Nej",  # Medtages
        "G": 5,  # Dage: a number in a column of empty text
    }
    k = sheet.block
    block = f"Sagsdata!A{(row - 1) // k * k + 1}:G{((row - 1) // k + 1) * k}"
    for col, value in edits.items():
        path = tmp_path / f"{col}.xlsx"
        shutil.copyfile(stamped, path)
        hand_edit(path, "Sagsdata", f"{col}{row}", value)
        result = check_file(path)
        assert result.status == CHANGED, col
        assert [c for c in result.changed if c.startswith("Sagsdata")] == [block], col


def load_grids_for(path: Path):  # type: ignore[no-untyped-def]
    from calc.engine import load_grids

    return load_grids(path, FileOptions())
