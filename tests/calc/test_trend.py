"""The trend across years (`calc.trend`): from the Sidste år columns, from last year's workbook
named on the Plan sheet, from `--sidste-år`; on the Resultat sheet, in JSON and for `tjek`."""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest

from calc.check import MISMATCH, OK, check_file
from calc.cli import main
from calc.engine import evaluate
from calc.grid import CellUpdate, a1
from calc.xlsx.reader import read_workbook
from calc.xlsx.writeback import write_back
from tests.conftest import WORKBOOKS
from tests.gridbuild import GOAL_HEADER, sheet, workbook

D = Decimal
E000 = WORKBOOKS / "eksempel-000-hjemrejsestyrelsen-2025.xlsx"


LAST = ["Sidste år", "Sidste års opfyldelse", "Sidste års point"]  # columns X, Y, Z


def with_last_year(goals: list[dict[str, object]], plan: dict[str, object] | None = None):
    """Grids whose Mål sheet has the Sidste år columns right of the standard ones."""
    header = GOAL_HEADER + LAST
    grids = workbook([], plan=plan)
    goal_sheet = sheet("Mål", [header] + [[g.get(h) for h in header] for g in goals])
    return replace(grids, sheets=tuple(goal_sheet if s.name == "Mål" else s for s in grids.sheets))


def test_from_the_columns_nyt_aar_writes():
    goals = [
        {"Nr": "1", "Vægt": 60, "Type": "ja/nej", "Resultat": "Ja",
         "Sidste år": "Resultat: Nej", "Sidste års opfyldelse": 0, "Sidste års point": 0},
        {"Nr": "2", "Vægt": 40, "Type": "vurdering", "Resultat": 50,
         "Sidste år": "Vurdering: 75 %", "Sidste års opfyldelse": 75, "Sidste års point": 30},
        {"Nr": "3", "Vægt": 0, "Type": "ja/nej", "Resultat": "Ja"},  # new this year
    ]  # fmt: skip
    plan = {"Institution": "T", "År": 2026, "Sidste års point": 30, "Sidste års målopfyldelse": 30}
    ev = evaluate(with_last_year(goals, plan))
    assert ev.ok and ev.trend is not None
    t = ev.trend
    assert (t.source, t.last_year) == ("", 2025)
    # this year: 1 met 60 + 2 at 50 % of 40 = 20 → 80 points; last year 30 → +50
    assert (t.total_points, t.last_total_points, t.change_points) == (80, 30, 50)
    assert (t.score_pct, t.last_score_pct, t.change_pct) == (80, 30, 50)
    g1, g2, g3 = t.goals
    assert (g1.last_fulfilment, g1.fulfilment, g1.change_points) == (0, 100, 60)
    assert (g2.last_points, g2.points, g2.change_points) == (30, 20, -10)
    assert (g3.last_fulfilment, g3.last_points, g3.change_points) == (None, None, None)
    rows = {u.cell: u.value for u in ev.updates if u.sheet == "Resultat"}
    heading = next(c for c, v in rows.items() if str(v).startswith("Udvikling fra sidste år"))
    assert rows[heading] == "Udvikling fra sidste år (2025, Sidste år-kolonnerne på Mål)"
    r = int(heading[1:])
    assert [rows.get(f"{c}{r + 1}") for c in "ABCDEF"] == [
        "Nr",
        "Sidste år (%)",
        "I år (%)",
        "Sidste år (point)",
        "I år (point)",
        "Ændring (point)",
    ]
    assert [rows.get(f"{c}{r + 3}") for c in "ABCDEF"] == ["2", D(75), D(50), D(30), D(20), D(-10)]
    total = ["I alt", D(30), D(80), D(30), D(80), D(50)]
    assert [rows.get(f"{c}{r + 5}") for c in "ABCDEF"] == total


def test_an_unreadable_last_year_number_is_an_error_naming_its_cell():
    goals = [{"Nr": "1", "Vægt": 100, "Type": "ja/nej", "Sidste års opfyldelse": "meget"}]
    ev = evaluate(with_last_year(goals))
    assert not ev.ok
    # the Sidste års opfyldelse column, right of the standard ones
    cell = a1(1, (GOAL_HEADER + LAST).index("Sidste års opfyldelse"))
    assert [(i.sheet, i.cell) for i in ev.issues if i.is_error] == [("Mål", cell)]
    ev = evaluate(with_last_year([{**goals[0], "Sidste års opfyldelse": 120}]))
    assert [i.message for i in ev.issues if i.is_error] == [
        "Sidste års opfyldelse skal være mellem 0 og 100 %, ikke 120."
    ]


@pytest.fixture
def two_years(tmp_path: Path) -> tuple[Path, Path]:
    """Last year's plan beside this year's, which names it on the Plan sheet; this year goal
    1.d reaches its target (Resultat 88 → 91, Målværdi 90)."""
    last = tmp_path / "plan-sidste-aar.xlsx"
    now = tmp_path / "plan.xlsx"
    shutil.copyfile(E000, last)
    shutil.copyfile(E000, now)
    write_back(
        now,
        [
            CellUpdate("Mål", "S8", D(91)),
            CellUpdate("Plan", "A12", "Sidste år"),
            CellUpdate("Plan", "B12", last.name),
        ],
    )
    return last, now


def test_from_last_years_workbook_named_on_the_plan_sheet(two_years, capsys) -> None:
    _, now = two_years
    assert main(["beregn", str(now), "--json", "--ingen-backup"]) == 0
    trend = json.loads(capsys.readouterr().out)["trend"]
    assert (trend["source"], trend["last_year"]) == ("plan-sidste-aar.xlsx", 2025)
    # last year 443/6 = 73,83 points (tests/test_examples.py, EX000); this year 1.d is met: + 5
    assert trend["total_points_last"] == pytest.approx(443 / 6)
    assert trend["change_points"] == pytest.approx(5)
    goals = {g["id"]: g for g in trend["goals"]}
    assert goals["1.d"] == {
        "id": "1.d",
        "fulfilment_pct_last": 0,
        "points_last": 0,
        "change_points": pytest.approx(5),
    }
    assert goals["1.a"]["change_points"] == 0
    assert goals["1.b"]["change_points"] == 0
    resultat = read_workbook(now, ["Resultat"]).find("Resultat")
    assert resultat is not None
    texts = [row[0] for row in resultat.rows if row]
    assert "Udvikling fra sidste år (2025, plan-sidste-aar.xlsx)" in texts
    # tjek finds last year's workbook the same way and agrees
    assert check_file(now).status == OK


def test_a_missing_last_year_file_is_a_warning_naming_the_cell(two_years, capsys) -> None:
    last, now = two_years
    last.unlink()
    assert main(["beregn", str(now), "--ingen-backup"]) == 0
    out = capsys.readouterr().out
    assert "Advarsel Plan!B12: Sidste års projektmappe «plan-sidste-aar.xlsx» kan ikke læses" in (
        out
    )


def test_sidste_aar_on_the_command_line_and_tjek(tmp_path: Path, capsys) -> None:
    now = tmp_path / "plan.xlsx"
    shutil.copyfile(E000, now)
    assert main(["beregn", str(now), "--sidste-år", str(E000), "--ingen-backup"]) == 0
    assert "Udvikling" not in capsys.readouterr().err
    # without the same file tjek cannot recompute the trend rows, and says what to do
    result = check_file(now)
    assert result.status == MISMATCH and all(c.startswith("Resultat!") for c in result.differs)
    assert "kør tjek med --sidste-år eksempel-000" in result.message()
    assert check_file(now, last_year=E000).status == OK
    assert main(["beregn", str(now), "--sidste-år", str(tmp_path / "findes-ikke.xlsx")]) == 3


def test_followup_shows_last_year_beside_the_projection(two_years, capsys) -> None:
    _, now = two_years
    assert main(["opfølgning", str(now), "--pr", "Q3", "--json", "--ingen-backup"]) == 0
    record = json.loads(capsys.readouterr().out)
    trend = record["trend"]
    assert trend["total_points_last"] == pytest.approx(443 / 6)
    low, high = record["projected"]["points_low"], record["projected"]["points_high"]
    assert trend["change_points_low"] == pytest.approx(low - 443 / 6)
    assert trend["change_points_high"] == pytest.approx(high - 443 / 6)
    assert {"id": "1.b", "fulfilment_pct_last": 100, "points_last": 10} in trend["goals"]
