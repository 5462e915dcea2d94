"""Problems in a workbook are collected with sheet and cell, all at once."""

from __future__ import annotations

from calc.engine import evaluate
from calc.grid import SheetGrid, WorkbookGrids
from tests.gridbuild import sheet, workbook


def problems(ev):
    """Errors and warnings; the info line about a plan without Resultatløn is tested apart."""
    return sorted((i.sheet, i.cell, i.severity) for i in ev.issues if not i.is_info)


def test_every_error_is_listed_at_once_and_nothing_is_written():
    ev = evaluate(
        workbook(
            [
                {"Nr": "1", "Vægt": "tyve", "Type": "mindst", "Målværdi": 5, "Resultat": 6},
                {"Nr": "2", "Vægt": 10, "Type": "gættet", "Resultat": 1},
                {"Nr": "3", "Under": "9", "Type": "ja/nej", "Resultat": "Ja"},
                {"Nr": "2", "Vægt": 10, "Type": "ja/nej", "Resultat": "Ja"},
            ]
        )
    )
    assert not ev.ok
    assert ev.updates == ()
    errors = [(i.sheet, i.cell) for i in ev.issues if i.is_error]
    assert ("Mål", "E2") in errors  # text in Vægt
    assert ("Mål", "F3") in errors  # unknown Type
    assert ("Mål", "B4") in errors  # parent 9 does not exist
    assert ("Mål", "A5") in errors  # duplicate Nr 2
    by_cell = {i.cell: i.message for i in ev.issues}
    # the column and the goal are named, and the suggestion fits the column
    assert by_cell["E2"] == "Vægt for 1: 'tyve' er ikke et tal. Skriv point, fx 10 eller 2,5."
    assert by_cell["F3"].startswith("Type for 2: 'gættet' er ikke en gyldig værdi. Brug en af:")
    assert by_cell["B4"] == "Mål 3 peger på overordnet mål 9, som ikke findes."
    assert by_cell["A5"] == "Nr 2 står to gange (også i række 3)."


def test_weights_not_summing_to_100_is_a_warning_and_still_scored():
    ev = evaluate(
        workbook(
            [
                {"Nr": "1", "Vægt": 50, "Type": "ja/nej", "Resultat": "Ja"},
                {"Nr": "2", "Vægt": 45, "Type": "ja/nej", "Resultat": "Ja"},
            ]
        )
    )
    assert ev.ok
    assert problems(ev) == [("Mål", "E1", "warning")]
    assert "summer til 95" in ev.issues[0].message
    assert ev.scorecard.total_points == 95
    assert ev.scorecard.score_pct == 100  # normalised
    assert ev.updates


def test_missing_goal_sheet_and_missing_columns():
    ev = evaluate(WorkbookGrids((sheet("Plan", [["Institution", "X"]]),)))
    assert problems(ev) == [("Mål", "", "error")]
    ev = evaluate(WorkbookGrids((sheet("Mål", [["Nr", "Mål"], ["1", "tekst"]]),)))
    errors = [i.message for i in ev.issues if i.is_error]
    assert any(m.startswith("Kolonnen 'Type' mangler i overskriftsrækken") for m in errors)
    assert any(m.startswith("Kolonnen 'Vægt' mangler i overskriftsrækken") for m in errors)


def test_header_row_may_start_anywhere_and_synonyms_match():
    rows = [
        [],
        ["Mål- og resultatplan 2025"],
        [None, None, "nr", "VÆGT", "typ", "Resultat"],
        [None, None, "1", 100, "Ja/Nej", "ja"],
    ]
    ev = evaluate(WorkbookGrids((sheet("mal", rows), sheet("Resultat", []))))
    assert ev.ok, ev.issues
    assert ev.scorecard.total_points == 100
    # Output columns were missing: their headers are added right of the last header.
    cells = {u.cell: u.value for u in ev.updates if u.sheet == "mal"}
    assert cells["G3"] == "Målopfyldelse" and cells["J3"] == "Forklaring"
    assert cells["H4"] == 100


def test_formula_without_cached_value_is_an_error():
    grid = sheet(
        "Mål", [["Nr", "Vægt", "Type", "Målværdi", "Resultat"], ["1", 100, "mindst", 5, None]]
    )
    grid = SheetGrid(grid.name, grid.rows, formulas=frozenset({(1, 4)}))
    ev = evaluate(WorkbookGrids((grid,)))
    assert [(i.sheet, i.cell, i.severity) for i in ev.issues if i.sheet == "Mål"] == [
        ("Mål", "E2", "error")
    ]
    assert "formel uden gemt resultat" in next(i.message for i in ev.issues if i.cell == "E2")


def test_output_cell_holding_a_formula_blocks_writing():
    g = workbook([{"Nr": "1", "Vægt": 100, "Type": "ja/nej", "Resultat": "Ja"}])
    goals = g.find("Mål")
    locked = SheetGrid(goals.name, goals.rows, formulas=frozenset({(1, 20)}))  # U2 = Point
    ev = evaluate(WorkbookGrids(tuple(locked if s is goals else s for s in g.sheets)))
    assert not ev.ok and ev.updates == ()
    assert [(i.cell, i.severity) for i in ev.issues if not i.is_info] == [("U2", "error")]


def test_adjustment_requires_a_reason():
    pay = [
        ["Navn", "Grundlag", "Maks. pct.", "Model", "Skøn", "Begrundelse", "Bortfald"],
        ["A", 800000, 10, "lineær", "-5.000", None, None],
        ["B", 800000, 10, "lineær", None, None, "Ja"],
    ]
    ev = evaluate(
        workbook([{"Nr": "1", "Vægt": 100, "Type": "ja/nej", "Resultat": "Ja"}], Resultatløn=pay)
    )
    assert [(i.sheet, i.cell) for i in ev.issues if i.is_error] == [
        ("Resultatløn", "F2"),
        ("Resultatløn", "F3"),
    ]
    assert ev.updates == ()
