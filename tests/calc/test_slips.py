"""Slips people make in a real plan (issue 9): each is read right, stopped, or named.

The plan is made the way a new user makes one: `maalscore skabelon`, then filled with openpyxl
as if typed into Excel (six goals of five types, four milestones, fourteen cases, a director
with a discretionary cut). Each test copies it, makes one slip, and runs `maalscore beregn
--json` in place. Before issue 9 every slip here either changed the score or the pay with exit 0
and no word, or ended in a traceback.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from calc.cli import main
from calc.engine import evaluate
from calc.template import MAAL, MILEPAELE, RESULTATLOEN, SAGSDATA, TableSheet
from calc.xlsx.reader import read_workbook

# Mål columns of the template: F Vægt, H Målværdi, J Skala, O Indikator, S Resultat.
GOALS: tuple[dict[str, Any], ...] = (
    # 1: linear from 80 to 100; 90 -> 50 % of 20 = 10 points
    {"Nr": "1", "Område": "Faglige mål", "Mål": "Afgørelser", "Vægt": 20, "Type": "mindst",
     "Målværdi": 100, "Nedre grænse": 80, "Skala": "lineær", "Enhed": "antal", "Resultat": 90},
    # 2: steps, lower is better; 35 days reaches 40=50 -> 7,5 points
    {"Nr": "2", "Område": "Faglige mål", "Mål": "Ventetid", "Vægt": 15, "Type": "højst",
     "Målværdi": 30, "Skala": "trin", "Trin": "30=100; 40=50", "Enhed": "dage", "Resultat": 35},
    # 3: 88 % ≥ 85 % -> 15 points
    {"Nr": "3", "Område": "Faglige mål", "Mål": "Tilfredshed", "Vægt": 15, "Type": "mindst",
     "Målværdi": 85, "Enhed": "%", "Resultat": 88},
    # 4: milestones, 3 of 4 on time -> 15 points
    {"Nr": "4", "Område": "Koncernfælles mål", "Mål": "Digitalisering", "Vægt": 20,
     "Type": "milepæle"},
    # 5: Ja -> 10 points
    {"Nr": "5", "Område": "Koncernfælles mål", "Mål": "Strategi", "Vægt": 10, "Type": "ja/nej",
     "Resultat": "Ja"},
    # 6: mean of 14 cases = 36,5 days > 35 -> 0 points
    {"Nr": "6", "Område": "Faglige mål", "Mål": "Sagsbehandlingstid", "Vægt": 20,
     "Type": "højst", "Målværdi": 35, "Enhed": "dage", "Indikator": "gennemsnit"},
)  # fmt: skip
MILESTONES: tuple[dict[str, Any], ...] = (
    {"Mål": "4", "Milepæl": "Analyse", "Frist": date(2026, 3, 31), "Leveret": date(2026, 3, 20)},
    {"Mål": "4", "Milepæl": "Udbud", "Frist": date(2026, 6, 30), "Leveret": date(2026, 6, 30)},
    {"Mål": "4", "Milepæl": "Pilot", "Frist": date(2026, 9, 30), "Leveret": date(2026, 10, 15)},
    {"Mål": "4", "Milepæl": "Drift", "Frist": date(2026, 12, 15), "Leveret": date(2026, 12, 1)},
)
CASE_DAYS = tuple(range(30, 44))  # 30 … 43: mean 36,5
PAY: tuple[dict[str, Any], ...] = (
    {"Navn": "Direktør Hansen", "Stilling": "Direktør", "Grundlag": 1250000, "Maks. pct.": 15,
     "Model": "lineær", "Skøn": -10000, "Begrundelse": "Årsrapporten kom for sent."},
)  # fmt: skip

TOTAL = 57.5  # 10 + 7,5 + 15 + 15 + 10 + 0
COMPUTED, PAYOUT = 107813, 97813  # 187.500 × 57,5 % = 107.812,5 -> 107.813; − 10.000


def _fill(ws: Any, table: TableSheet, rows: tuple[dict[str, Any], ...]) -> None:
    col = {c.key: i + 1 for i, c in enumerate(table.columns)}
    for r, row in enumerate(rows, start=2):
        for key, value in row.items():
            ws.cell(row=r, column=col[key], value=value)


@pytest.fixture(scope="module")
def plan_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("slips") / "plan.xlsx"
    assert main(["skabelon", str(path), "--år", "2026", "--institution", "Styrelsen X"]) == 0
    wb = openpyxl.load_workbook(path)
    _fill(wb["Mål"], MAAL, GOALS)
    _fill(wb["Milepæle"], MILEPAELE, MILESTONES)
    cases = []
    for i, days in enumerate(CASE_DAYS):
        received = date(2026, 2, 1) + timedelta(days=7 * i)
        cases.append(
            {
                "Mål": "6",
                "Sag": f"S-{i + 1:03d}",
                "Modtaget": received,
                "Afgjort": received + timedelta(days=days),
            }
        )
    _fill(wb["Sagsdata"], SAGSDATA, tuple(cases))
    _fill(wb["Resultatløn"], RESULTATLOEN, PAY)
    wb.save(path)
    return path


@dataclass
class Run:
    code: int
    record: dict[str, Any]
    err: str

    def issues(self, severity: str | None = None) -> list[tuple[str, str]]:
        return [
            (i["sheet"], i["cell"])
            for i in self.record["issues"]
            if severity is None or i["severity"] == severity
        ]

    def message(self, sheet: str, cell: str, severity: str) -> str:
        found = [
            i["message"]
            for i in self.record["issues"]
            if (i["sheet"], i["cell"], i["severity"]) == (sheet, cell, severity)
        ]
        assert found, (sheet, cell, severity, self.record["issues"])
        return str(found[0])

    @property
    def payout(self) -> Any:
        return self.record["pay"][0]["payout"] if self.record["pay"] else None


def slip(
    plan_file: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    *edits: tuple[str, str, Any],
    delete: str = "",
) -> Run:
    """Copy the plan, make the edits (sheet, cell, value) and/or delete a sheet, run beregn."""
    path = tmp_path / "plan.xlsx"
    shutil.copyfile(plan_file, path)
    wb = openpyxl.load_workbook(path)
    for sheet, cell, value in edits:
        wb[sheet][cell] = value
    if delete:
        del wb[delete]
    wb.save(path)
    before = path.read_bytes()
    capsys.readouterr()
    code = main(["beregn", str(path), "--json"])
    captured = capsys.readouterr()
    record = json.loads(captured.out)  # always valid JSON
    assert "Traceback" not in captured.out + captured.err
    assert "uventet fejl" not in captured.err  # no slip is a bug in Målscore
    if code != 0:
        assert path.read_bytes() == before  # nothing written
    return Run(code, record, captured.err)


def test_the_plan_as_typed_scores_without_a_word(plan_file, tmp_path, capsys):
    run = slip(plan_file, tmp_path, capsys)
    assert run.code == 0 and run.record["issues"] == []
    assert run.record["total_points"] == TOTAL
    assert run.record["pay"] == [
        {"name": "Direktør Hansen", "computed": COMPUTED, "payout": PAYOUT}
    ]


# --- 1. headers -------------------------------------------------------------------------------


@pytest.mark.parametrize("header", ["Skala-type", None])
def test_skala_renamed_or_blank_stops_instead_of_scoring_binary(
    plan_file, tmp_path, capsys, header
):
    run = slip(plan_file, tmp_path, capsys, ("Mål", "J1", header))
    assert run.code == 2
    error = run.message("Mål", "A1", "error")
    assert error.startswith(
        "Kolonnen 'Skala' mangler i overskriftsrækken (række 1), men række 2 og 3"
    )
    warning = run.message("Mål", "J1", "warning")
    if header:
        assert warning == (
            "'Skala-type' (Mål!J1) er ikke en kendt kolonne og læses ikke – mente du 'Skala'?"
        )
    else:
        assert warning.startswith("Kolonnen har ingen overskrift, men har værdier (fx J2)")


@pytest.mark.parametrize(
    ("cell", "header", "meant"),
    [
        ("F1", "Lønmodel", "Model"),
        ("I1", "Skønsmæssig regulering", "Skøn"),
        ("K1", "Resultatløn bortfalder", "Bortfald"),
    ],
)
def test_unknown_pay_headers_are_named_with_the_closest_known_name(
    plan_file, tmp_path, capsys, cell, header, meant
):
    run = slip(
        plan_file, tmp_path, capsys, ("Resultatløn", "K2", "Ja"), ("Resultatløn", cell, header)
    )
    assert run.message("Resultatløn", cell, "warning") == (
        f"'{header}' (Resultatløn!{cell}) er ikke en kendt kolonne og læses ikke – mente du "
        f"'{meant}'?"
    )


def test_frist_renamed_on_milestones_stops(plan_file, tmp_path, capsys):
    run = slip(plan_file, tmp_path, capsys, ("Milepæle", "E1", "Deadline dato"))
    assert run.code == 2
    assert "mente du 'Frist'?" in run.message("Milepæle", "E1", "warning")
    assert "række 2, 3, 4 og 5 skal bruge den" in run.message("Milepæle", "A1", "error")


def test_resultat_renamed_stops_instead_of_every_goal_missing(plan_file, tmp_path, capsys):
    run = slip(plan_file, tmp_path, capsys, ("Mål", "S1", "Resultat 2026"))
    assert run.code == 2
    assert "Kolonnen 'Resultat' mangler" in run.message("Mål", "A1", "error")
    assert "mente du 'Resultat'?" in run.message("Mål", "S1", "warning")


@pytest.mark.parametrize("header", ["Point-vægt", None])
def test_vaegt_renamed_or_blank_is_an_error_not_a_traceback(plan_file, tmp_path, capsys, header):
    run = slip(plan_file, tmp_path, capsys, ("Mål", "F1", header))
    assert run.code == 2
    assert "Kolonnen 'Vægt' mangler" in run.message("Mål", "A1", "error")


def test_a_users_own_note_column_is_known(plan_file, tmp_path, capsys):
    run = slip(plan_file, tmp_path, capsys, ("Mål", "Y1", "Bemærkning"), ("Mål", "Y2", "tjek"))
    assert run.code == 0 and run.record["issues"] == []


# --- 2. sheets ------------------------------------------------------------------------------


def test_missing_milestone_sheet_names_the_goal_and_the_sheet(plan_file, tmp_path, capsys):
    run = slip(plan_file, tmp_path, capsys, delete="Milepæle")
    assert run.code == 2
    assert run.message("Mål", "G5", "error").startswith(
        "Mål 4 har Type milepæle, men projektmappen har intet ark 'Milepæle'."
    )


def test_missing_case_sheet_names_the_goal_and_the_sheet(plan_file, tmp_path, capsys):
    run = slip(plan_file, tmp_path, capsys, delete="Sagsdata")
    assert run.code == 2
    assert run.message("Mål", "O7", "error").startswith(
        "Mål 6 har Indikator gennemsnit, men projektmappen har intet ark 'Sagsdata'"
    )


def test_no_pay_sheet_is_one_info_line_in_json_and_table(plan_file, tmp_path, capsys):
    run = slip(plan_file, tmp_path, capsys, delete="Resultatløn")
    assert run.code == 0 and run.record["pay"] == []
    assert run.record["issues"] == [
        {
            "sheet": "Resultatløn",
            "cell": "",
            "severity": "info",
            "message": "Projektmappen har intet ark 'Resultatløn': ingen resultatløn at beregne.",
        }
    ]
    path = tmp_path / "plan.xlsx"
    assert main(["beregn", str(path)]) == 0
    table = capsys.readouterr().out
    assert (
        "  Info Resultatløn: Projektmappen har intet ark 'Resultatløn': ingen resultatløn" in table
    )


@pytest.mark.parametrize(("cell", "label"), [("B1", "Institution"), ("B3", "År")])
def test_empty_institution_or_year_is_a_warning(plan_file, tmp_path, capsys, cell, label):
    run = slip(plan_file, tmp_path, capsys, ("Plan", cell, None))
    assert run.code == 0
    assert run.message("Plan", cell, "warning").startswith(f"{label} er ikke udfyldt; skriv d")


# --- 3. units -------------------------------------------------------------------------------


def test_a_share_where_a_percentage_belongs_is_an_error(plan_file, tmp_path, capsys):
    run = slip(plan_file, tmp_path, capsys, ("Mål", "S4", 0.85))
    assert run.code == 2
    assert run.message("Mål", "S4", "error") == (
        "'0,85' ligner en andel, men Enhed er % (Målværdi 85). Skriv 85 (eller 85 %), hvis du "
        "mener 85 %, eller '0,85 %', hvis tallet virkelig er 0,85 %."
    )
    # Written with its percent sign it is taken as written.
    run = slip(plan_file, tmp_path, capsys, ("Mål", "S4", "0,85 %"))
    assert run.code == 0 and run.record["total_points"] == TOTAL - 15


def test_a_target_typed_as_a_share_is_an_error(plan_file, tmp_path, capsys):
    run = slip(plan_file, tmp_path, capsys, ("Mål", "H4", 0.85))
    assert run.code == 2 and "Resultat 88" in run.message("Mål", "H4", "error")


def test_maks_pct_as_a_share_asks_whether_15_pct_was_meant(plan_file, tmp_path, capsys):
    run = slip(plan_file, tmp_path, capsys, ("Resultatløn", "D2", 0.15))
    assert run.code == 2
    assert "Mente du 15 %?" in run.message("Resultatløn", "D2", "error")


@pytest.mark.parametrize(("cell", "label"), [("C2", "Grundlag"), ("D2", "Maks. pct.")])
def test_negative_pay_inputs_are_errors(plan_file, tmp_path, capsys, cell, label):
    run = slip(plan_file, tmp_path, capsys, ("Resultatløn", cell, -15))
    assert run.code == 2
    assert f"{label} kan ikke være under 0 (-15)" in run.message("Resultatløn", cell, "error")


def test_negative_max_amount_is_an_error(plan_file, tmp_path, capsys):
    run = slip(
        plan_file, tmp_path, capsys, ("Resultatløn", "D2", None), ("Resultatløn", "E2", -90000)
    )
    assert run.code == 2
    assert "Maks. beløb kan ikke være under 0" in run.message("Resultatløn", "E2", "error")


@pytest.mark.parametrize(
    ("sheet", "cell"),
    [
        ("Mål", "S2"),  # Resultat
        ("Mål", "F2"),  # Vægt
        ("Mål", "H2"),  # Målværdi
        ("Resultatløn", "C2"),  # Grundlag
        ("Resultatløn", "D2"),  # Maks. pct.
        ("Resultatløn", "I2"),  # Skøn
    ],
)
def test_absurdly_large_numbers_are_errors_naming_the_cell(
    plan_file, tmp_path, capsys, sheet, cell
):
    run = slip(plan_file, tmp_path, capsys, (sheet, cell, 1e27))
    assert run.code == 2
    assert run.message(sheet, cell, "error").endswith(  # after "Vægt for 1: " etc.
        ": '1E+27' er alt for stort til at være rigtigt her (10^15 eller mere). Ret tallet."
    )


def test_a_capped_adjustment_is_explained_with_both_amounts(plan_file, tmp_path, capsys):
    run = slip(plan_file, tmp_path, capsys, ("Resultatløn", "I2", 500000))
    assert run.code == 0 and run.payout == 187500
    assert "større end hele maksimum 187.500 kr." in run.message("Resultatløn", "I2", "warning")
    ev = evaluate(read_workbook(tmp_path / "plan.xlsx"))
    assert ev.pay[0].explanation.endswith(
        "beregnet + skøn = 607.813 kr. er mere end maksimum, så udbetalingen begrænses til "
        "187.500 kr.; udbetaling 187.500 kr."
    )


def test_a_floored_adjustment_is_explained_with_both_amounts(plan_file, tmp_path, capsys):
    run = slip(plan_file, tmp_path, capsys, ("Resultatløn", "I2", -150000))
    assert run.code == 0 and run.payout == 0
    ev = evaluate(read_workbook(tmp_path / "plan.xlsx"))
    assert ev.pay[0].explanation.endswith(
        "beregnet + skøn = -42.188 kr. er under 0, så udbetalingen bliver 0 kr.; udbetaling 0 kr."
    )


# --- 4. case data ---------------------------------------------------------------------------


def test_decided_before_received_is_an_error_naming_the_cell(plan_file, tmp_path, capsys):
    run = slip(plan_file, tmp_path, capsys, ("Sagsdata", "D2", date(2026, 1, 1)))
    assert run.code == 2
    assert run.message("Sagsdata", "D2", "error") == (
        "Sag S-001 er afgjort 01-01-2026, før den blev modtaget 01-02-2026. Ret datoerne."
    )


def test_negative_days_is_an_error_naming_the_cell(plan_file, tmp_path, capsys):
    run = slip(plan_file, tmp_path, capsys, ("Sagsdata", "G3", -31))
    assert run.code == 2
    assert run.message("Sagsdata", "G3", "error").startswith("Sag S-002 har -31 dage")


def test_a_case_without_a_decision_date_is_named_by_row_and_id(plan_file, tmp_path, capsys):
    run = slip(plan_file, tmp_path, capsys, ("Sagsdata", "D3", None))
    assert run.code == 0
    assert run.message("Sagsdata", "D3", "warning") == (
        "Sag S-002 har hverken Dage eller en Afgjort-dato og er ikke medregnet i mål 6."
    )
    assert run.issues("warning") == [("Sagsdata", "D3")]  # not also at the goal's Indikator


# --- 5. dates -------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["ultimo marts 2026", "uge 14 2026", "1. kvartal 2026"])
def test_deadlines_in_words_are_read_as_the_day_they_name(plan_file, tmp_path, capsys, text):
    # All name 31-03-2026 or later (uge 14 2026 ends Sunday 05-04); delivered 20-03: on time.
    run = slip(plan_file, tmp_path, capsys, ("Milepæle", "E2", text))
    assert run.code == 0 and run.record["issues"] == []
    assert run.record["total_points"] == TOTAL


def test_primo_a_month_is_its_first_day(plan_file, tmp_path, capsys):
    run = slip(plan_file, tmp_path, capsys, ("Milepæle", "E2", "primo marts 2026"))
    assert run.code == 0 and run.record["total_points"] == TOTAL - 5  # delivered 20-03: late


@pytest.mark.parametrize("column", ["E", "F"])  # Frist and Leveret: the same words, one severity
@pytest.mark.parametrize("text", ["Efterår 2026", "primo 2026", "uge 13"])
def test_a_date_that_names_no_day_is_an_error_in_frist_and_leveret(
    plan_file, tmp_path, capsys, column, text
):
    run = slip(plan_file, tmp_path, capsys, ("Milepæle", f"{column}2", text))
    assert run.code == 2
    assert "Skriv en dato" in run.message("Milepæle", f"{column}2", "error")


# --- 6. yes/no ------------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["x", "OK", 1, "TRUE", "Yes"])
def test_yes_no_words_outside_the_contract_are_errors(plan_file, tmp_path, capsys, value):
    run = slip(plan_file, tmp_path, capsys, ("Mål", "S6", value))
    assert run.code == 2
    assert "er hverken Ja eller Nej. Skriv Ja eller Nej." in run.message("Mål", "S6", "error")


@pytest.mark.parametrize(("value", "points"), [("Opfyldt", TOTAL), ("Nej", TOTAL - 10)])
def test_the_documented_yes_no_words_are_read(plan_file, tmp_path, capsys, value, points):
    run = slip(plan_file, tmp_path, capsys, ("Mål", "S6", value))
    assert run.code == 0 and run.record["total_points"] == points


def test_messages_echo_what_was_typed(plan_file, tmp_path, capsys):
    run = slip(plan_file, tmp_path, capsys, ("Mål", "G2", 60))  # a number as Type
    assert run.message("Mål", "G2", "error").startswith("Type for 1: '60' er ikke en gyldig")


def test_decimal_results_round_trip(plan_file, tmp_path, capsys):
    # Sanity for the fixture: what is typed as 90,5 is read as 90,5 (45 × 20 / 20 + …).
    run = slip(plan_file, tmp_path, capsys, ("Mål", "S2", 90.5))
    assert Decimal(str(run.record["goals"][0]["fulfilment_pct"])) == Decimal("52.5")
