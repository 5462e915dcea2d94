"""`maalscore nyt-år`: next year's plan from this year's, read back with openpyxl and after a
LibreOffice round trip, scored with only missing-result warnings, dates moved (29 February)."""

from __future__ import annotations

import shutil
import zipfile
from datetime import date, datetime
from pathlib import Path

import pytest

from calc.check import read_stamp
from calc.cli import main
from calc.engine import FileOptions, score_file
from calc.rollover import excel_serial, moved, rollover_file
from calc.template import MAAL, MILEPAELE, build_template
from tests.calc.test_check import libreoffice_resave
from tests.conftest import WORKBOOKS

SIRI = WORKBOOKS / "eksempel-002-siri-2024.xlsx"
MIGRATIONSVERKET = WORKBOOKS / "eksempel-003-migrationsverket-2008.xlsx"


def sheet_rows(path: Path, name: str) -> list[tuple[object, ...]]:
    from openpyxl import load_workbook

    wb = load_workbook(path)
    return [tuple(row) for row in wb[name].iter_rows(values_only=True)]


def column(rows: list[tuple[object, ...]], header: str) -> list[object]:
    i = rows[0].index(header)
    return [row[i] if i < len(row) else None for row in rows[1:]]


@pytest.fixture(scope="module")
def rolled(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """SIRI 2024, calculated and stamped, rolled over to 2025 with the deadlines moved."""
    folder = tmp_path_factory.mktemp("nyt-aar")
    src, dst = folder / "siri-2024.xlsx", folder / "siri-2025.xlsx"
    shutil.copyfile(SIRI, src)
    score_file(src, options=FileOptions(backup=False))  # results and a stamp to clear
    assert main(["nyt-år", str(src), "--ud", str(dst), "--flyt-datoer"]) == 0
    return src, dst


def test_the_plan_moves_a_year_and_keeps_this_years_totals(rolled) -> None:
    _, dst = rolled
    plan = {row[0]: row[1] for row in sheet_rows(dst, "Plan") if row and row[0]}
    assert plan["År"] == 2025
    # SIRI 2024 scored 73 of 100 points (tests/test_examples.py, EX002)
    assert (plan["Sidste års point"], plan["Sidste års målopfyldelse"]) == (73, 73)
    assert plan["Institution"].startswith("Styrelsen for International Rekruttering")


def test_goals_keep_last_years_numbers_and_lose_this_years(rolled) -> None:
    _, dst = rolled
    rows = sheet_rows(dst, "Mål")
    assert rows[0][-3:] == ("Sidste år", "Sidste års opfyldelse", "Sidste års point")
    last = {r[0]: r[-3:] for r in rows[1:] if r[0]}
    # goal 1: 88 of 100 cases within 31 days ≥ 85 %: met, 20 points
    assert last["1"] == ("88 % ≥ 85 % (100 sager)", 100, 20)
    # goal 3: 54 of 80 within 1 day = 67,5 % < 70 %: 0
    assert last["3"] == ("67,5 % < 70 % (80 sager)", 0, 0)
    # goal 9: the status report due 30-09-2024 was sent 04-10-2024: late, 0 of 5 points
    assert last["9"] == ("0 af 1 milepæle nået rettidigt", 0, 0)
    # goal 10: milestones of 2 + 2 + 1 points, the 2-point Q2 one late: 3 of 5 = 60 %, 3 points
    assert last["10"] == ("2 af 3 milepæle nået rettidigt (vægt 3 af 5)", 60, 3)
    for header in ("Resultat", "Målopfyldelse", "Point", "Status", "Forklaring"):
        assert set(column(rows, header)) == {None}, header
    # weights, types and rules are kept
    assert column(rows, "Vægt")[:3] == [20, 25, 15]
    assert column(rows, "Indikator")[:3] == ["andel", "andel", "andel"]


def test_deliveries_cases_pay_decisions_followup_and_stamp_are_cleared(rolled) -> None:
    src, dst = rolled
    milestones = sheet_rows(dst, "Milepæle")
    assert set(column(milestones, "Leveret")) == {None}
    assert set(column(milestones, "Rettidig")) == {None}
    # deadlines written as text keep their words, one year on
    assert column(milestones, "Frist")[:2] == [
        "udgangen af 2. kvartal 2025",
        "udgangen af 4. kvartal 2025",
    ]
    cases = sheet_rows(dst, "Sagsdata")
    assert cases[0][:3] == ("Mål", "Sag", "Modtaget")
    assert all(v is None for row in cases[1:] for v in row)
    pay = sheet_rows(dst, "Resultatløn")
    for header in ("Skøn", "Begrundelse", "Bortfald", "Beregnet", "Udbetaling", "Forklaring"):
        assert column(pay, header) == [None] * (len(pay) - 1), header
    assert column(pay, "Grundlag")[0] == 1020000
    assert all(v is None for row in sheet_rows(dst, "Resultat") for v in row)
    assert all(v is None for row in sheet_rows(dst, "Opfølgning")[1:] for v in row)
    assert read_stamp(src) is not None and read_stamp(dst) is None


def test_every_other_part_is_copied_byte_for_byte(rolled) -> None:
    src, dst = rolled
    with zipfile.ZipFile(src) as a, zipfile.ZipFile(dst) as b:
        assert a.namelist() == b.namelist()
        same = [n for n in a.namelist() if a.read(n) == b.read(n)]
    assert {"xl/styles.xml", "xl/worksheets/sheet8.xml"} <= set(same)  # styles, Vejledning


def test_the_new_plan_scores_with_only_missing_result_warnings(rolled, tmp_path, capsys) -> None:
    _, dst = rolled
    out = tmp_path / "scored.xlsx"
    assert main(["beregn", str(dst), "--ud", str(out), "--json"]) == 0
    import json

    record = json.loads(capsys.readouterr().out)
    assert record["issues"] and all(
        "mangler resultat" in i["message"] and i["severity"] == "warning" for i in record["issues"]
    )
    assert record["year"] == 2025 and record["total_points"] == 0
    trend = record["trend"]
    assert (trend["source"], trend["last_year"], trend["total_points_last"]) == (None, 2024, 73)
    assert trend["change_points"] == -73


def test_libreoffice_reads_the_new_plan(rolled, tmp_path, capsys) -> None:
    _, dst = rolled
    converted = libreoffice_resave(dst, tmp_path / "lo")  # opened and saved, headless
    plan = {row[0]: row[1] for row in sheet_rows(converted, "Plan") if row and row[0]}
    assert (plan["År"], plan["Sidste års point"]) == (2025, 73)
    goals = sheet_rows(converted, "Mål")
    assert column(goals, "Sidste års opfyldelse")[:3] == [100, 100, 0]
    assert set(column(goals, "Resultat")) == {None}
    assert column(sheet_rows(converted, "Milepæle"), "Frist")[0] == "udgangen af 2. kvartal 2025"
    assert all(v is None for row in sheet_rows(converted, "Sagsdata")[1:] for v in row)
    assert main(["beregn", str(converted), "--ud", str(tmp_path / "b.xlsx")]) == 0
    text = capsys.readouterr().out
    assert "Sidste år (2024): 73 point (73 %); ændring -73 point" in text
    warnings = [line for line in text.splitlines() if "Advarsel" in line]
    assert warnings and all("mangler resultat" in line for line in warnings)


# --- dates ----------------------------------------------------------------------------------


def test_moving_a_date_one_year():
    assert moved(date(2025, 3, 17)) == date(2026, 3, 17)
    assert moved(date(2024, 2, 29)) == date(2025, 2, 28)  # no 29 February in 2025
    assert moved(date(2023, 2, 28)) == date(2024, 2, 28)  # the day, not the month's end
    assert excel_serial(date(2025, 2, 28)) == 45716
    assert excel_serial(datetime(2025, 2, 28, 12)) == 45716.5


@pytest.fixture
def leap_plan(tmp_path: Path) -> Path:
    """A 2024 plan whose deadlines are on and around 29 February, as dates and as text."""
    wb = build_template(2024, "Styrelsen for Skudår")
    goals = wb[MAAL.title("da")]
    header = [c.value for c in goals[1]]
    for key, value in {
        "Nr": "1",
        "Mål": "Sager afgjort inden 29. februar 2024.",
        "Vægt": 50,
        "Type": "mindst",
        "Målværdi": 90,
        "Enhed": "%",
        "Indikator": "andel",
        "Frist": datetime(2024, 2, 29),
    }.items():
        goals.cell(row=2, column=header.index(key) + 1, value=value)
    for key, value in {"Nr": "2", "Vægt": 50, "Type": "milepæle"}.items():
        goals.cell(row=3, column=header.index(key) + 1, value=value)
    ms = wb[MILEPAELE.title("da")]
    deadlines = [
        datetime(2024, 2, 29),  # a date: 28-02-2025
        "29. februar 2024",  # text naming a day 2025 has not: the moved date, with a warning
        "februar 2024",  # text naming a month: februar 2025 (its last day, the 28th)
        "Juni 2024 og løbende",  # words kept around the date
        datetime(2024, 3, 15),
        "Fortløbende",  # no deadline: unchanged
    ]
    for r, deadline in enumerate(deadlines, start=2):
        ms.cell(row=r, column=1, value="2")
        ms.cell(row=r, column=2, value=f"Leverance {r - 1}")
        ms.cell(row=r, column=5, value=deadline)
        ms.cell(row=r, column=6, value="Ja" if r == 2 else None)
    path = tmp_path / "skudaar-2024.xlsx"
    wb.save(path)
    return path


def test_deadlines_move_a_year_and_29_february_becomes_28(leap_plan: Path, tmp_path) -> None:
    dst = tmp_path / "skudaar-2025.xlsx"
    result = rollover_file(leap_plan, dst, move_dates=True)
    assert result.ok and result.year == 2025 and result.counts["frister"] == 6
    goals = sheet_rows(dst, "Mål")
    assert column(goals, "Frist")[0] == datetime(2025, 2, 28)
    frist = column(sheet_rows(dst, "Milepæle"), "Frist")
    assert frist[:6] == [
        datetime(2025, 2, 28),
        "28-02-2025",
        "februar 2025",
        "Juni 2025 og løbende",
        datetime(2025, 3, 15),
        "Fortløbende",
    ]
    warned = {(i.sheet, i.cell): i.message for i in result.issues}
    assert warned[("Milepæle", "E3")] == (
        "Fristen '29. februar 2024' findes ikke næste år; den er sat til 28-02-2025."
    )
    assert warned[("Mål", "D2")].startswith("Teksten nævner 2024")
    assert set(column(sheet_rows(dst, "Milepæle"), "Leveret")) == {None}


def test_without_moving_the_old_deadlines_are_named(leap_plan: Path, tmp_path, capsys) -> None:
    dst = tmp_path / "uflyttet.xlsx"
    assert main(["nyt-år", str(leap_plan), "--år", "2025", "--ud", str(dst)]) == 0
    out = capsys.readouterr().out
    assert "Advarsel Milepæle!E2: Fristerne ligger stadig i 2024; brug --flyt-datoer" in out
    assert column(sheet_rows(dst, "Milepæle"), "Frist")[0] == datetime(2024, 2, 29)


def test_a_workbook_with_errors_is_not_rolled_over(leap_plan: Path, tmp_path, capsys) -> None:
    from calc.grid import CellUpdate
    from calc.xlsx.writeback import write_back

    write_back(leap_plan, [CellUpdate("Mål", "F2", "meget")])  # Vægt of goal 1
    dst = tmp_path / "ny.xlsx"
    assert main(["nyt-år", str(leap_plan), "--ud", str(dst)]) == 2
    assert "FEJL Mål!F2" in capsys.readouterr().out
    assert not dst.exists()


def test_the_new_file_must_be_new(leap_plan: Path, capsys) -> None:
    before = leap_plan.read_bytes()
    assert main(["nyt-år", str(leap_plan), "--ud", str(leap_plan)]) == 3
    assert "findes allerede" in capsys.readouterr().err
    assert leap_plan.read_bytes() == before


def test_a_case_file_on_the_plan_sheet_is_emptied_with_a_warning(leap_plan: Path, tmp_path):
    from calc.grid import CellUpdate
    from calc.xlsx.writeback import write_back

    (tmp_path / "sager-2024.csv").write_text("Mål;Sag;Modtaget;Afgjort\n", encoding="utf-8")
    write_back(
        leap_plan,
        [CellUpdate("Plan", "A12", "Sagsdata"), CellUpdate("Plan", "B12", "sager-2024.csv")],
    )
    dst = tmp_path / "ny.xlsx"
    result = rollover_file(leap_plan, dst)
    assert any(
        i.cell == "B12" and "årets sager (sager-2024.csv)" in i.message for i in result.issues
    )
    plan = {row[0]: row[1] for row in sheet_rows(dst, "Plan") if row and row[0]}
    assert plan["Sagsdata"] is None


def test_swedish_plan(tmp_path: Path, capsys) -> None:
    dst = tmp_path / "mv-2009.xlsx"
    assert main(["nytt-år", str(MIGRATIONSVERKET), "--ud", str(dst), "--flyt-datoer"]) == 0
    assert "Planen för 2009 sparad i" in capsys.readouterr().out
    goals = sheet_rows(dst, "Mål")
    assert goals[0][-3:] == (
        "Föregående år",
        "Föregående års måluppfyllelse",
        "Föregående års poäng",
    )
    plan = {row[0]: row[1] for row in sheet_rows(dst, "Plan") if row and row[0]}
    assert plan["År"] == 2009 and "Föregående års poäng" in plan
