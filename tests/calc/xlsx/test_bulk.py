"""Reading Sagsdata fast: a large sheet with python-calamine, and separate .csv/.xlsx case files."""

from __future__ import annotations

import shutil
from datetime import date
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from calc.cli import main
from calc.engine import FileOptions, evaluate, load_grids, score_file
from calc.errors import WorkbookReadError
from calc.grid import CaseSheet
from calc.xlsx import bulk
from calc.xlsx.reader import read_workbook

WORKBOOKS = Path(__file__).resolve().parents[3] / "workbooks"
EX000 = WORKBOOKS / "eksempel-000-hjemrejsestyrelsen-2025.xlsx"
EX002 = WORKBOOKS / "eksempel-002-siri-2024.xlsx"
HEADER = ["Mål", "Sag", "Modtaget", "Afgjort", "Lokation", "Medtages", "Dage"]


def results(ev):
    assert ev.scorecard is not None
    return [(g.goal_id, g.fulfilment, g.points, g.explanation) for g in ev.scorecard.goals]


def case_rows(path: Path) -> list[list[object]]:
    grid = read_workbook(path, ["Sagsdata"]).sheets[0]
    return [list(r) + [None] * (7 - len(r)) for r in grid.rows[1:] if any(v is not None for v in r)]


def write_csv(path: Path, rows, *, sep=";", encoding="utf-8-sig", decimal=",") -> Path:
    def text(v):
        if v is None:
            return ""
        if isinstance(v, date):
            return v.strftime("%d-%m-%Y")
        if isinstance(v, Decimal):
            return str(v).replace(".", decimal)
        return str(v)

    lines = [sep.join(HEADER)] + [sep.join(text(v) for v in r) for r in rows]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
    return path


@pytest.mark.parametrize("example", [EX000, EX002], ids=["000", "002"])
def test_big_sheet_path_gives_the_same_results(example, monkeypatch):
    expected = evaluate(read_workbook(example))
    monkeypatch.setattr(bulk, "BIG_SHEET", 0)
    grids = load_grids(example, FileOptions())
    assert isinstance(grids.find("Sagsdata"), CaseSheet)
    got = evaluate(grids)
    assert results(got) == results(expected)
    assert got.issues == expected.issues


def test_only_the_sheets_the_core_uses_are_read(tmp_path):
    path = tmp_path / "book.xlsx"
    wb = openpyxl.load_workbook(EX000)
    wb.create_sheet("Rådata").append(["x"] * 5)
    wb.save(path)
    assert "Rådata" not in load_grids(path, FileOptions()).names()


@pytest.mark.parametrize(
    ("sep", "encoding"),
    [(";", "utf-8-sig"), (";", "cp1252"), (",", "utf-8"), ("\t", "utf-8")],
)
def test_separate_csv_gives_the_same_results(tmp_path, sep, encoding):
    expected = evaluate(read_workbook(EX000))
    decimal = "." if sep == "," else ","
    csv = write_csv(
        tmp_path / "sager.csv", case_rows(EX000), sep=sep, encoding=encoding, decimal=decimal
    )
    got = evaluate(load_grids(EX000, FileOptions(sagsdata=csv)))
    assert results(got) == results(expected)


def test_csv_problems_name_the_file_and_cell(tmp_path):
    rows = [["1.c", "S1", "17-03-2025", "32-03-2025", None, "Ja", None]]
    csv = write_csv(tmp_path / "sager.csv", rows)
    ev = evaluate(load_grids(EX000, FileOptions(sagsdata=csv)))
    bad = [i for i in ev.issues if i.sheet == "sager.csv"]
    assert [(i.cell, i.severity) for i in bad] == [("D2", "error")]
    assert "den dag findes ikke" in bad[0].message


def test_separate_xlsx_and_plan_key(tmp_path):
    expected = results(evaluate(read_workbook(EX000)))
    cases = tmp_path / "udtræk.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Ark1"
    ws.append(HEADER)
    for r in case_rows(EX000):
        ws.append(r)
    wb.save(cases)
    assert results(evaluate(load_grids(EX000, FileOptions(sagsdata=cases)))) == expected
    # Named on the Plan sheet, relative to the workbook; the workbook's own sheet is emptied
    # to show it is not what is read.
    book = tmp_path / "plan.xlsx"
    wb = openpyxl.load_workbook(EX000)
    plan = wb["Plan"]
    plan.append(["Sagsdata", "udtræk.xlsx"])
    wb["Sagsdata"].delete_rows(2, wb["Sagsdata"].max_row)
    wb.save(book)
    assert results(evaluate(load_grids(book, FileOptions()))) == expected


def test_missing_case_file_is_a_read_error(tmp_path):
    with pytest.raises(WorkbookReadError, match="findes ikke"):
        load_grids(EX000, FileOptions(sagsdata=tmp_path / "nej.csv"))
    with pytest.raises(WorkbookReadError, match=r"\.csv-.*\.parquet- eller \.xlsx"):
        (tmp_path / "sager.json").write_text("{}")
        load_grids(EX000, FileOptions(sagsdata=tmp_path / "sager.json"))


def test_cli_sagsdata_and_parallel(tmp_path, capsys):
    csv = write_csv(tmp_path / "sager.csv", case_rows(EX000))
    out = tmp_path / "ud.xlsx"
    assert main(["beregn", str(EX000), "--sagsdata", str(csv), "--ud", str(out), "--json"]) == 0
    assert '"file"' in capsys.readouterr().out
    books = []
    for i in range(3):
        shutil.copyfile(EX000 if i != 1 else EX002, tmp_path / f"b{i}.xlsx")
        books.append(str(tmp_path / f"b{i}.xlsx"))
    folder = tmp_path / "ud"
    folder.mkdir()
    assert main(["beregn", *books, "--ud", str(folder), "--json"]) == 0
    serial = capsys.readouterr().out
    assert main(["beregn", *books, "--ud", str(folder), "--json", "-j", "2"]) == 0
    parallel = capsys.readouterr().out
    strip = [line.split('"explanation"')[0] for line in serial.splitlines()]
    assert [line.split('"explanation"')[0] for line in parallel.splitlines()] == strip
    assert len(strip) == 3


def test_score_file_with_case_file_writes_results(tmp_path):
    csv = write_csv(tmp_path / "sager.csv", case_rows(EX000))
    out = tmp_path / "ud.xlsx"
    ev = score_file(EX000, out, options=FileOptions(sagsdata=csv, backup=False))
    assert ev.ok and out.exists()


def test_error_cells_are_not_read_as_blank_on_the_big_path(tmp_path, monkeypatch):
    # python-calamine gives an error cell as empty; the sheet XML is searched for them.
    import re
    import zipfile

    book = tmp_path / "fejl.xlsx"
    with zipfile.ZipFile(EX000) as src, zipfile.ZipFile(book, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "xl/worksheets/sheet4.xml":
                data, n = re.subn(
                    rb'<c r="G4" s="(\d+)" t="n"></c>',
                    rb'<c r="G4" s="\1" t="e"><v>#DIV/0!</v></c>',
                    data,
                )
                assert n == 1
            dst.writestr(info, data)
    expected = [i for i in evaluate(read_workbook(book)).issues if i.sheet == "Sagsdata"]
    assert [(i.cell, i.severity) for i in expected] == [("G4", "error")]
    monkeypatch.setattr(bulk, "BIG_SHEET", 0)
    grids = load_grids(book, FileOptions())
    assert isinstance(grids.find("Sagsdata"), CaseSheet)
    got = [i for i in evaluate(grids).issues if i.sheet == "Sagsdata"]
    assert got == expected
