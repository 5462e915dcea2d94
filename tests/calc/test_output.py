"""The Resultat summary clears only what Målscore wrote there and never overwrites a user's cell."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from calc.engine import evaluate
from calc.grid import Pos, SheetGrid, WorkbookGrids
from calc.output import SUMMARY_PLACEHOLDERS
from calc.template import OUTPUT_NOTE
from tests.gridbuild import workbook

NOW = datetime(2026, 1, 15, 9, 30)
GOAL = {"Nr": "1", "Vægt": 100, "Type": "ja/nej", "Resultat": "Ja"}


def with_summary(rows: list[list[object]], prior: dict[str, set[Pos]]) -> WorkbookGrids:
    grids = workbook([GOAL])
    summary = SheetGrid("Resultat", tuple(tuple(r) for r in rows))  # type: ignore[misc]
    sheets = tuple(summary if s.name == "Resultat" else s for s in grids.sheets)
    return replace(grids, sheets=sheets, prior=tuple((k, frozenset(v)) for k, v in prior.items()))


def summary_writes(grids: WorkbookGrids) -> dict[str, object]:
    ev = evaluate(grids, now=NOW)
    assert ev.ok, [(i.location(), i.message) for i in ev.issues if i.is_error]
    return {u.cell: u.value for u in ev.updates if u.sheet == "Resultat"}


OLD = [
    ["Målscore – resultat"],
    [],
    ["Institution", "Gammel"],
    [None, None, None, None, None, "mine"],
]


def test_only_cells_an_earlier_run_wrote_are_emptied() -> None:
    rows = OLD + [[]] * 35 + [["min note i A40"]]
    writes = summary_writes(with_summary(rows, {"Resultat": {(0, 0), (2, 0), (2, 1), (30, 1)}}))
    assert writes["A1"] == "Målscore – resultat" and writes["B3"] == "Testinstitution"
    assert "F4" not in writes and "A40" not in writes  # the user's own cells are kept
    assert "B31" not in writes  # owned but already empty: nothing to do


def test_without_a_stamp_nothing_but_the_template_text_is_the_tools() -> None:
    title, note = SUMMARY_PLACEHOLDERS["da"]
    assert OUTPUT_NOTE["da"] == title and OUTPUT_NOTE["sv"] == SUMMARY_PLACEHOLDERS["sv"][0]
    rows: list[list[object]] = [[title], [note], [], [], [None, None, None, None, None, "x"]]
    writes = summary_writes(with_summary(rows, {}))
    assert writes["A1"] == "Målscore – resultat" and writes["A2"] is None  # the note goes
    assert "F5" not in writes


def test_a_summary_that_would_overwrite_a_users_cell_is_an_error_naming_it() -> None:
    ev = evaluate(with_summary([[], [], [], [], ["Vores egen tekst"]], {}), now=NOW)
    assert not ev.ok and not ev.updates
    errors = [i for i in ev.issues if i.is_error]
    assert [(i.sheet, i.cell) for i in errors] == [("Resultat", "A5")]
    assert "«Vores egen tekst», som Målscore ikke har skrevet" in errors[0].message


def test_a_user_cell_holding_what_the_summary_writes_is_no_conflict() -> None:
    assert summary_writes(with_summary([[], [], ["Institution"]], {}))["A3"] == "Institution"


def test_without_a_stamp_an_earlier_summarys_block_is_the_tools() -> None:
    """The Excel add-in and xlwings Lite write no stamp: the block from A1 to column D of the
    summary's last line (`Version | Målscore …`) is the tool's; cells beside and below it are
    the user's."""
    rows: list[list[object]] = [
        ["Målscore – resultat"],
        [],
        ["Institution", "Gammel", None, "x", None, "brugerens F3"],
        ["Beregnet", "2026-01-15 09:30"],
        ["Version", "Målscore 0.1.0"],
        *[[]] * 34,
        ["brugerens A40"],
    ]
    writes = summary_writes(with_summary(rows, {}))
    assert writes["D3"] is None  # stale, inside the block
    assert "F3" not in writes and "A40" not in writes
    ev = evaluate(with_summary(rows[:3] + [[], [], ["brugerens A6"]], {}), now=NOW)
    # No Version line: nothing there is known to be the tool's.
    assert [i.cell for i in ev.issues if i.is_error] == ["B3", "A6"]


def test_an_earlier_trend_table_is_the_tools_in_all_six_columns() -> None:
    rows: list[list[object]] = [
        ["Målscore – resultat"],
        [],
        ["Udvikling fra sidste år (2024, sidste-år.xlsx)"],
        ["Nr", "Sidste år (%)", "I år (%)", "Sidste år (point)", "I år (point)", "Ændring (point)"],
        ["1", 50, 100, 5, 10, 5, "brugerens G5"],
        ["I alt", 50, 100, 5, 10, 5],
        [None, None, None, None, "x", "brugerens F7"],
        ["Beregnet", "2026-01-15 09:30"],
        ["Version", "Målscore 0.1.0"],
    ]
    ev = evaluate(with_summary(rows, {}), now=NOW)
    writes = {u.cell: u.value for u in ev.updates if u.sheet == "Resultat"}
    assert writes["F5"] is None and writes["E6"] is None  # the old trend table goes
    assert "G5" not in writes and "F7" not in writes  # beside it: the user's
