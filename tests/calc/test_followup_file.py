"""`maalscore opfølgning` on real files: the JSON record, the Opfølgning sheet, the stamp and
`tjek`, bad input, Swedish, and a workbook without the sheet."""

from __future__ import annotations

import json
import shutil
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest

from calc.check import CHANGED, EDITED, OK, check_file
from calc.cli import main
from calc.engine import FileOptions, followup_file, score_file
from calc.grid import CellUpdate
from calc.xlsx.reader import read_workbook
from calc.xlsx.writeback import write_back
from tests.conftest import WORKBOOKS

SIRI = WORKBOOKS / "eksempel-002-siri-2024.xlsx"  # has Opfølgning rows for Q1–Q3
MIGRATIONSVERKET = WORKBOOKS / "eksempel-003-migrationsverket-2008.xlsx"


@pytest.fixture
def siri(tmp_path: Path) -> Path:
    path = tmp_path / "siri.xlsx"
    shutil.copyfile(SIRI, path)
    return path


def sheet(path: Path, name: str):
    grids = read_workbook(path, [name])
    found = grids.find(name)
    assert found is not None
    return found


def test_json_has_exactly_the_documented_keys(siri: Path, capsys) -> None:
    assert main(["opfølgning", str(siri), "--pr", "Q3", "--json", "--ingen-backup"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert set(record) == {"as_of", "goals", "projected", "pay", "issues"}
    assert record["as_of"] == "2024-09-30"
    assert all(set(g) == {"id", "to_date_pct", "forecast", "explanation"} for g in record["goals"])
    assert set(record["projected"]) == {
        "points_low",
        "points_high",
        "score_pct_low",
        "score_pct_high",
    }
    assert [set(p) for p in record["pay"]] == [{"name", "payout_low", "payout_high"}]
    goals = {g["id"]: g for g in record["goals"]}
    # 7.2: Nej entered for Q3 with a person's forecast "risiko" and its reason
    assert goals["7.2"]["forecast"] == "risiko" and goals["7.2"]["to_date_pct"] == 0
    # 8: the Q2 report was on time, the Q4 report is due later
    assert goals["8"]["forecast"] == "forventes opfyldt"
    assert {g["forecast"] for g in record["goals"]} <= {
        "forventes opfyldt",
        "risiko",
        "forventes ikke opfyldt",
        "ukendt",
    }
    low, high = record["projected"]["points_low"], record["projected"]["points_high"]
    assert 0 <= low <= high <= 100
    pay = record["pay"][0]
    assert pay["payout_low"] <= pay["payout_high"]


def test_the_sheet_is_written_and_tjek_accepts_it(siri: Path) -> None:
    ev = followup_file(siri, "Q3", options=FileOptions(backup=False))
    assert ev.ok and ev.updates
    grid = sheet(siri, "Opfølgning")
    header = list(grid.rows[0])
    assert header[5:9] == ["Status pr. dato", "Forventet opfyldelse", "Forventning", "Forklaring"]
    # the Q3 row of goal 7.2 (row 7 of the sheet) holds its outputs
    assert grid.value(6, 0) == "7.2" and grid.value(6, 1) == "Q3"
    assert grid.value(6, 5) == Decimal(0) and grid.value(6, 7) == "risiko"
    assert "prognose sat af en person" in str(grid.value(6, 8))
    # top-level goals without a Q3 row get one below the data: 1–10 (ten rows, 8–17)
    added = [(grid.value(r, 0), grid.value(r, 1)) for r in range(7, 17)]
    assert added == [(str(n), "Q3 2024") for n in range(1, 11)]
    result = check_file(siri)
    assert result.status == OK, result.message()
    assert result.message().startswith("OK – opfølgning pr. 30-09-2024 beregnet")
    assert result.to_json()["run"] == "opfølgning 2024-09-30"


def test_running_twice_changes_nothing_but_the_stamp_time(siri: Path) -> None:
    followup_file(siri, "Q3", options=FileOptions(backup=False))
    first = zipfile.ZipFile(siri)
    before = {n: first.read(n) for n in first.namelist() if n != "docProps/custom.xml"}
    followup_file(siri, "Q3", options=FileOptions(backup=False))
    second = zipfile.ZipFile(siri)
    assert {n: second.read(n) for n in second.namelist() if n != "docProps/custom.xml"} == before
    assert check_file(siri).status == OK


def test_tjek_names_edits_after_a_followup(siri: Path) -> None:
    followup_file(siri, "Q3", options=FileOptions(backup=False))
    write_back(siri, [CellUpdate("Opfølgning", "H7", "forventes opfyldt")])
    result = check_file(siri)
    assert result.status == EDITED and result.edited == ["Opfølgning!H7"]
    followup_file(siri, "Q3", options=FileOptions(backup=False))
    write_back(siri, [CellUpdate("Opfølgning", "E7", "Alt er i orden nu.")])  # Kommentar
    result = check_file(siri)
    assert result.status == CHANGED and result.changed == ["Opfølgning!E7"]


def test_beregn_after_a_followup_stamps_the_year_end_again(siri: Path) -> None:
    followup_file(siri, "Q3", options=FileOptions(backup=False))
    score_file(siri, options=FileOptions(backup=False))
    result = check_file(siri)
    assert result.status == OK and result.to_json()["run"] == "beregn"
    # the year-end score does not read the Opfølgning sheet: a comment there is no input
    write_back(siri, [CellUpdate("Opfølgning", "E10", "Ny kommentar")])
    assert check_file(siri).status == OK


def test_a_date_outside_the_year_exits_2_and_writes_nothing(siri: Path, capsys) -> None:
    before = siri.read_bytes()
    assert main(["opfølgning", str(siri), "--pr", "30-09-2025"]) == 2
    out = capsys.readouterr().out
    assert "FEJL Plan!B3: Datoen 30-09-2025 ligger uden for planens år 2024." in out
    assert "intet er skrevet" in out
    assert siri.read_bytes() == before


def test_spelled_without_the_letter_oe_and_in_swedish(tmp_path: Path, capsys) -> None:
    path = tmp_path / "mv.xlsx"
    shutil.copyfile(MIGRATIONSVERKET, path)
    assert main(["uppföljning", str(path), "--pr", "2008-09-30", "--json", "--ingen-backup"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert {g["forecast"] for g in record["goals"]} <= {
        "förväntas uppfyllt",
        "risk",
        "förväntas ej uppfyllt",
        "okänd",
    }
    assert record["goals"][0]["explanation"].startswith("Per 2008-09-30: ")
    grid = sheet(path, "Uppföljning")
    assert list(grid.rows[0])[5:9] == [
        "Status per datum",
        "Förväntad måluppfyllelse",
        "Förväntan",
        "Förklaring",
    ]
    assert grid.value(1, 1) == "Q3 2008"
    assert main(["opfoelgning", str(path), "--pr", "Q3"]) == 0


def test_without_the_sheet_nothing_is_written(tmp_path: Path, capsys) -> None:
    from openpyxl import load_workbook

    path = tmp_path / "uden.xlsx"
    wb = load_workbook(SIRI)
    del wb["Opfølgning"]
    wb.save(path)
    before = path.read_bytes()
    assert main(["opfølgning", str(path), "--pr", "Q2"]) == 0
    out = capsys.readouterr().out
    assert "Advarsel Opfølgning: Arket 'Opfølgning' findes ikke" in out
    assert "Skrevet til" not in out
    assert path.read_bytes() == before
