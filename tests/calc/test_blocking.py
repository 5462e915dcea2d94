"""Partial results: an error blanks only what depends on it, and nothing is written.

Each test makes one slip a person makes while filling a workbook and checks what stays on
screen (`Evaluation.partial`) and what is blocked (`Evaluation.blocking`), against the same
workbook scored without the slip.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest

from calc.blocking import find_blocked
from calc.engine import Evaluation, FileOptions, evaluate, load_grids
from calc.errors import Issue
from calc.grid import CellValue, WorkbookGrids, a1
from calc.scoring import Status
from tests.conftest import WORKBOOKS
from tests.gridbuild import sheet, workbook

EXAMPLES = sorted(WORKBOOKS.glob("eksempel-*.xlsx"))


def with_cell(grids: WorkbookGrids, name: str, r: int, c: int, value: CellValue) -> WorkbookGrids:
    sheets = list(grids.sheets)
    for i, s in enumerate(sheets):
        if s.name == name:
            rows = [list(row) for row in s.rows]
            while len(rows) <= r:
                rows.append([])
            rows[r] += [None] * (c + 1 - len(rows[r]))
            rows[r][c] = value
            sheets[i] = replace(s, rows=tuple(tuple(row) for row in rows))
            return replace(grids, sheets=tuple(sheets))
    raise KeyError(name)


def clean(path: Path) -> tuple[WorkbookGrids, Evaluation]:
    grids = load_grids(path, FileOptions())
    ev = evaluate(grids)
    assert ev.ok, ev.issues
    return grids, ev


def assert_unblocked_unchanged(before: Evaluation, after: Evaluation) -> list[str]:
    """Every goal `after` does not block has exactly the fulfilment and points of `before`."""
    assert after.partial is not None and before.scorecard is not None
    blocked = []
    for r in after.partial.scorecard.goals:
        if after.blocking.goal(r.goal_id) is not None:
            assert r.status is Status.BLOCKED and r.fulfilment is None
            blocked.append(r.goal_id)
            continue
        want = before.scorecard.result(r.goal_id)
        assert (r.fulfilment, r.points, r.status) == (want.fulfilment, want.points, want.status)
    return blocked


def test_abc_in_one_result_blanks_only_that_goal_its_parents_the_total_and_pay():
    grids, ev = clean(WORKBOOKS / "eksempel-000-hjemrejsestyrelsen-2025.xlsx")
    plan = ev.plan
    layout = plan.goals_layout
    child = plan.goal("1.a.2")
    bad = evaluate(with_cell(grids, layout.sheet, child.row, layout.col("result"), "abc"))

    assert not bad.ok and bad.updates == () and bad.scorecard is None and bad.pay == ()
    blocked = assert_unblocked_unchanged(ev, bad)
    assert blocked == ["1.a", "1.a.2"]  # the goal and its delmål parent; not its siblings
    parent = bad.blocking.goal("1.a")
    assert parent.waits_for == ("1.a.2",) and parent.reason() == "Afventer rettelse af 1.a.2"
    own = bad.blocking.goal("1.a.2")
    assert own.reasons[0].cell == a1(child.row, layout.col("result"))
    assert own.reason().startswith(f"Afventer rettelse: Mål!{own.reasons[0].cell}: Resultat for")
    assert bad.partial.scorecard.result("1.a.2").explanation == own.reason()
    assert bad.blocking.total is not None and bad.blocking.total.waits_for == ("1.a",)
    assert bad.blocking.area("Faglige mål") is not None
    assert bad.blocking.area("Koncernfælles mål") is None  # its subtotal still shows
    assert bad.partial.pay == () and bad.blocking.person(1) is not None  # pay follows the total
    # no "mangler resultat" warning for a goal that is only waiting for a correction
    assert not any("1.a.2" in i.message for i in bad.partial.issues)


def test_a_skon_before_its_begrundelse_blanks_only_that_persons_pay():
    grids, ev = clean(WORKBOOKS / "eksempel-004-statsforvaltningen-2017.xlsx")
    layout = ev.plan.pay_layout
    first = ev.plan.people[0]
    bad = evaluate(with_cell(grids, layout.sheet, first.row, layout.col("adjustment"), "-5.000"))

    assert not bad.ok and bad.updates == ()
    assert assert_unblocked_unchanged(ev, bad) == []
    card = bad.partial.scorecard
    assert (card.total_points, card.score_pct) == (
        ev.scorecard.total_points,
        ev.scorecard.score_pct,
    )
    assert bad.blocking.total is None
    assert bad.blocking.person(first.row) is not None
    assert "Begrundelse" in bad.blocking.person(first.row).reason()
    other = ev.plan.people[1]
    assert bad.blocking.person(other.row) is None
    assert [p.payout for p in bad.partial.pay] == [ev.pay[1].payout]
    # the maximum and the pay before the Skøn do not depend on it: they stay; the payout waits
    [before] = bad.partial.before_adjustment
    assert (before.row, before.maximum, before.computed) == (
        first.row,
        ev.pay[0].maximum,
        ev.pay[0].computed,
    )


def test_the_pay_before_the_skon_is_only_kept_while_nothing_else_blocks_the_person():
    grids, ev = clean(WORKBOOKS / "eksempel-004-statsforvaltningen-2017.xlsx")
    pay, goals = ev.plan.pay_layout, ev.plan.goals_layout
    first = ev.plan.people[0]
    skon = with_cell(grids, pay.sheet, first.row, pay.col("adjustment"), "-5.000")
    # a bad maximum on the same row: the pay before the Skøn depends on it
    both = evaluate(with_cell(skon, pay.sheet, first.row, pay.col("max_pct"), "abc"))
    assert both.blocking.person(first.row) is not None and both.partial.before_adjustment == ()
    # a blocked goal: the score, and so every amount, waits
    goal = ev.plan.goal("1.1.2")
    result = evaluate(with_cell(skon, goals.sheet, goal.row, goals.col("result"), "abc"))
    assert result.blocking.total is not None and result.partial.before_adjustment == ()


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name[:13])
def test_every_goal_not_depending_on_a_bad_result_keeps_its_numbers(path: Path):
    """Mutation: `abc` in each Resultat cell in turn; only that goal and its dependants blank."""
    grids, ev = clean(path)
    layout = ev.plan.goals_layout
    tried = 0
    typed = [g for g in ev.plan.goals if g.result is not None]
    for goal in ev.plan.goals:
        if goal.result is None:
            continue
        bad = evaluate(with_cell(grids, layout.sheet, goal.row, layout.col("result"), "abc"))
        blocked = assert_unblocked_unchanged(ev, bad)
        chain = {goal.id}
        g = goal
        while g.parent is not None:
            chain.add(g.parent)
            g = ev.plan.goal(g.parent)
        assert set(blocked) == chain, goal.id
        tried += 1
    assert tried == len(typed)


def test_a_bad_weight_of_a_delmal_blocks_its_siblings_whose_shares_depend_on_it():
    ev = evaluate(
        workbook(
            [
                {"Nr": "1", "Vægt": 60, "Type": "delmål"},
                {"Nr": "1.1", "Under": "1", "Vægt": 3, "Type": "ja/nej", "Resultat": "Ja"},
                {"Nr": "1.2", "Under": "1", "Vægt": "tre", "Type": "ja/nej", "Resultat": "Ja"},
                {"Nr": "2", "Vægt": 40, "Type": "ja/nej", "Resultat": "Nej"},
            ]
        )
    )
    assert ev.blocking.goal_ids() == {"1", "1.1", "1.2"}
    assert "1.2" in ev.blocking.goal("1.1").waits_for
    assert ev.partial.scorecard.result("2").status is Status.NOT_MET
    message = ev.blocking.goal("1.2").reasons[0].message
    assert message == "Vægt for 1.2: 'tre' er ikke et tal. Skriv point, fx 10 eller 2,5."


def test_an_error_that_cannot_be_attributed_blocks_every_number():
    grids = workbook(
        [
            {"Nr": "1", "Vægt": 50, "Type": "ja/nej", "Resultat": "Ja"},
            {"Nr": "2", "Vægt": 50, "Type": "ja/nej", "Resultat": "Ja"},
        ]
    )
    plan = evaluate(grids).plan
    for where in (("Mål", "E1"), ("Mål", ""), ("Ukendt ark", "B7"), ("Plan", "B9")):
        blocking = find_blocked(plan, [Issue(*where, "error", "noget er galt")], grids)
        assert blocking.goal_ids() == {"1", "2"}, where
        assert blocking.total is not None
    harmless = [Issue("Resultat", "B5", "error", "formel"), Issue("Mål", "R2", "warning", "x")]
    assert not find_blocked(plan, harmless, grids)


def test_a_row_that_is_not_a_goal_blocks_the_totals_but_not_the_other_goals():
    ev = evaluate(
        workbook(
            [
                {"Nr": "1", "Vægt": 50, "Type": "ja/nej", "Resultat": "Ja", "Område": "A"},
                {"Nr": "2", "Vægt": 50, "Type": "gættet", "Resultat": "Ja", "Område": "B"},
            ]
        )
    )
    assert ev.blocking.goal_ids() == set()
    assert ev.blocking.total is not None and ev.blocking.area("B") is not None
    assert ev.blocking.area("A") is None
    assert ev.partial.scorecard.result("1").points == 50


def test_equal_weights_and_a_failed_row_block_every_points_because_n_is_unknown():
    ev = evaluate(
        workbook(
            [
                {"Nr": "1", "Type": "ja/nej", "Resultat": "Ja"},
                {"Nr": "2", "Type": "gættet", "Resultat": "Ja"},
            ],
            plan={"Institution": "X", "År": 2025, "Vægtning": "ligelig"},
        )
    )
    assert ev.blocking.goal("1") is not None


def test_an_error_in_a_plan_label_no_number_uses_blocks_nothing():
    ev = evaluate(
        workbook(
            [{"Nr": "1", "Vægt": 100, "Type": "ja/nej", "Resultat": "Ja"}],
            plan={"Institution": "X", "År": "tyvefemogtyve"},
        )
    )
    assert not ev.ok and not ev.blocking and ev.updates == ()
    assert ev.partial.scorecard.total_points == 100
    bad_weighting = evaluate(
        workbook(
            [{"Nr": "1", "Vægt": 100, "Type": "ja/nej", "Resultat": "Ja"}],
            plan={"Institution": "X", "År": 2025, "Vægtning": "skæv"},
        )
    )
    assert bad_weighting.blocking.total is not None  # every point depends on it


def test_a_milestone_error_blocks_the_goal_it_belongs_to():
    grids, ev = clean(WORKBOOKS / "eksempel-002-siri-2024.xlsx")
    layout = ev.plan.milestones_layout
    m = ev.plan.milestones[0]
    bad = evaluate(with_cell(grids, layout.sheet, m.row, layout.col("delivered"), "32-13-2024"))
    assert not bad.ok
    blocked = assert_unblocked_unchanged(ev, bad)
    assert blocked == [m.goal_id]
    message = bad.blocking.goal(m.goal_id).reasons[0].message
    assert message.startswith(f"Leveret for {m.name} (mål {m.goal_id}): ")


def test_a_case_error_blocks_the_goal_of_that_case():
    grids, ev = clean(WORKBOOKS / "eksempel-000-hjemrejsestyrelsen-2025.xlsx")
    cases = grids.find("Sagsdata")
    header = next(r for r, row in enumerate(cases.rows) if "Mål" in row)
    col = list(cases.rows[header]).index("Afgjort")
    row = header + 1
    goal_id = str(cases.value(row, list(cases.rows[header]).index("Mål")))
    bad = evaluate(with_cell(grids, cases.name, row, col, "i går"))
    assert not bad.ok
    assert assert_unblocked_unchanged(ev, bad) == [goal_id]


def test_swedish_messages_name_the_column_and_goal():
    rows = [
        ["Nr", "Vikt", "Typ", "Målvärde", "Utfall"],
        ["1", "tio", "minst", 5, 6],
    ]
    ev = evaluate(WorkbookGrids((sheet("Mål", rows), sheet("Resultat", []))))
    assert ev.plan.lang == "sv"
    errors = [i.message for i in ev.issues if i.is_error]
    assert errors == ["Vikt för 1: 'tio' är inte ett tal. Skriv poäng, t.ex. 10 eller 2,5."]
    assert ev.blocking.goal("1").reason("sv").startswith("Inväntar rättelse: Mål!B2: Vikt för 1")


@pytest.mark.parametrize(
    ("unit", "typ", "key", "suggestion"),
    [
        ("%", "mindst", "Resultat", "Skriv fx 85 %."),
        ("andel", "mindst", "Resultat", "Skriv fx 0,85 eller 85 %."),
        ("dage", "højst", "Målværdi", "Skriv et tal i dage, fx 30."),
        ("", "mindst", "Resultat", "Skriv et tal, fx 120 eller 96,4."),
        ("", "reduktion", "Målværdi", "Skriv ændringen i procent, fx 15 %."),
    ],
)
def test_the_suggestion_fits_the_column(unit, typ, key, suggestion):
    small = unit == "andel"  # shares are written as 0,85
    goal = {"Nr": "1", "Vægt": 100, "Type": typ, "Målværdi": 0.5 if small else 5}
    goal |= {"Basis": 0.9 if small else 10, "Resultat": 0.6 if small else 6}
    goal |= {"Enhed": unit, key: "mange"}
    ev = evaluate(workbook([goal]))
    errors = [i.message for i in ev.issues if i.is_error]
    assert errors == [f"{key} for 1: 'mange' er ikke et tal. {suggestion}"]


def test_pay_columns_suggest_amounts_and_percentages():
    pay = [
        ["Navn", "Grundlag", "Maks. pct.", "Model"],
        ["A. Direktør", "mange", "femten", "lineær"],
    ]
    ev = evaluate(
        workbook([{"Nr": "1", "Vægt": 100, "Type": "ja/nej", "Resultat": "Ja"}], Resultatløn=pay)
    )
    errors = [i.message for i in ev.issues if i.is_error]
    assert "Grundlag for A. Direktør: 'mange' er ikke et tal. Skriv et beløb i kroner" in errors[0]
    assert "Maks. pct. for A. Direktør: 'femten' er ikke et tal. Skriv en procent" in errors[1]
    assert ev.blocking.person(1) is not None and ev.blocking.total is None


def test_a_formula_in_an_output_cell_blocks_no_number_only_the_writing():
    grids = workbook([{"Nr": "1", "Vægt": 100, "Type": "ja/nej", "Resultat": "Ja"}])
    goals = grids.find("Mål")
    with_formula = replace(goals, formulas=frozenset({(1, 19)}))  # Målopfyldelse of goal 1
    grids = replace(grids, sheets=tuple(with_formula if s is goals else s for s in grids.sheets))
    ev = evaluate(grids)
    assert not ev.ok and ev.updates == () and not ev.blocking
    assert ev.scorecard is not None and ev.scorecard.total_points == 100


def test_a_blocked_status_is_never_written():
    """The status exists for the screen only: an evaluation that writes has none."""
    for path in EXAMPLES:
        ev = evaluate(load_grids(path, FileOptions()))
        assert all(u.value != Status.BLOCKED.label("da") for u in ev.updates)
        assert not any(r.blocked for r in ev.scorecard.goals)


def test_measured_values_are_reported_for_case_goals():
    _grids, ev = clean(WORKBOOKS / "eksempel-000-hjemrejsestyrelsen-2025.xlsx")
    case_goal = next(g for g in ev.plan.goals if g.indicator is not None)
    measured = ev.scorecard.result(case_goal.id).measured
    assert measured is not None and measured > 0
    typed = next(g for g in ev.plan.goals if isinstance(g.result, Decimal) and g.indicator is None)
    assert ev.scorecard.result(typed.id).measured == typed.result
