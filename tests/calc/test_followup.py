"""Follow-up during the year (`calc.followup`): status at each quarter end and the forecast.

One plan, with case data spread over 2025, is followed up at the four quarter ends. Every
expected number is computed by hand next to its assertion from the rules in the module
docstring of `calc.followup` (2025 has 365 days; the quarters end on day 90, 181, 273, 365).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal
from fractions import Fraction as F

import pytest

from calc.deadlines import parse_deadline
from calc.engine import evaluate, evaluate_followup
from calc.followup import cases_at, follow_up
from calc.model import Forecast, GoalCases
from calc.parser import parse_plan
from tests.gridbuild import workbook

D = Decimal
CASES = ["Mål", "Sag", "Modtaget", "Afgjort", "Medtages", "Dage"]


def case(goal: str, sag: str, received: date | None, decided: date | None, days=None):
    return [goal, sag, received, decided, None, days]


# Goal 1: share decided within 30 days, at least 80 %.
SHARE_CASES = [
    case("1", "a", date(2025, 1, 2), date(2025, 1, 20)),  # 18 days: within, decided Q1
    case("1", "b", date(2025, 2, 10), date(2025, 3, 25)),  # 43: late, Q1
    case("1", "c", date(2025, 3, 1), date(2025, 4, 15)),  # 45: late, Q2; open 30 days at Q1
    case("1", "d", date(2025, 3, 2), date(2025, 4, 10)),  # 39: late, Q2; open 29 days at Q1
    case("1", "e", date(2025, 5, 1), date(2025, 5, 20)),  # 19: within, Q2
    case("1", "f", date(2025, 6, 15), date(2025, 7, 10)),  # 25: within, Q3; open 15 d at Q2
    case("1", "g", date(2025, 8, 1), date(2025, 8, 5)),  # 4: within, Q3
    case("1", "h", date(2025, 9, 15), None),  # still open at the year end
    case("1", "i", date(2025, 11, 20), date(2025, 11, 28)),  # 8: within, Q4
    case("1", "j", date(2025, 12, 1), date(2025, 12, 29)),  # 28: within, Q4
    case("1", "k", None, date(2025, 2, 15), 10),  # Dage and Afgjort: within, Q1
    case("1", "l", date(2025, 6, 10), None, 5),  # Modtaget + Dage: decided 15-06, within, Q2
    case("1", "m", None, None, 12),  # no dates: cannot be placed in time
]
# Goal 2: mean processing time at most 20 days (open cases do not count).
MEAN_CASES = [
    case("2", "p", date(2025, 1, 5), date(2025, 1, 15)),  # 10, Q1
    case("2", "q", date(2025, 2, 1), date(2025, 3, 1)),  # 28, Q1
    case("2", "r", date(2025, 4, 1), date(2025, 4, 21)),  # 20, Q2
    case("2", "s", date(2025, 6, 20), None),  # open
    case("2", "t", date(2025, 7, 1), date(2025, 7, 13)),  # 12, Q3
]
# Goal 3: at least 40 cases decided in the year: 9 in Q1, 9 in Q2, 12 in Q3, 10 in Q4.
COUNT_CASES = (
    [case("3", f"Q1-{n}", date(2025, 2, 1), date(2025, 2, 15)) for n in range(9)]
    + [case("3", f"Q2-{n}", date(2025, 5, 1), date(2025, 5, 15)) for n in range(9)]
    + [case("3", f"Q3-{n}", date(2025, 8, 1), date(2025, 8, 15)) for n in range(12)]
    + [case("3", f"Q4-{n}", date(2025, 11, 1), date(2025, 11, 15)) for n in range(10)]
)
MILESTONES = [
    ["Mål", "Milepæl", "Frist", "Leveret"],
    ["4", "m1", date(2025, 3, 31), date(2025, 3, 28)],  # on time
    ["4", "m2", date(2025, 6, 30), date(2025, 7, 5)],  # late: not there on 30-06
    ["4", "m3", date(2025, 9, 30), "Ja"],  # on time; due on the Q3 cut date itself
    ["4", "m4", date(2025, 12, 15), None],  # never delivered
]
FOLLOWUP = [
    ["Nr", "Periode", "Resultat", "Prognose", "Kommentar"],
    ["5", "Q1", "Nej", None, None],
    ["5", "2. kvartal", "Nej", "forventes ikke opfyldt", "Leverandøren er forsinket"],
    ["5", "30-09-2025", "Ja", None, None],
    ["6", "Q2", 50, None, None],
]
GOALS = [
    {"Nr": "1", "Vægt": 30, "Type": "mindst", "Målværdi": 80, "Enhed": "%",
     "Indikator": "andel", "Frist": 30},
    {"Nr": "2", "Vægt": 20, "Type": "højst", "Målværdi": 20, "Enhed": "dage",
     "Indikator": "gennemsnit"},
    {"Nr": "3", "Vægt": 20, "Type": "mindst", "Målværdi": 40, "Enhed": "antal",
     "Indikator": "antal"},
    {"Nr": "4", "Vægt": 10, "Type": "milepæle"},
    {"Nr": "5", "Vægt": 10, "Type": "ja/nej"},
    {"Nr": "6", "Vægt": 10, "Type": "vurdering"},
]  # fmt: skip
PAY = [
    ["Navn", "Maks. beløb", "Model"],
    ["Direktør", 100_000, "lineær"],
]


def grids(followup=FOLLOWUP, goals=GOALS, **extra):
    sheets = {
        "Milepæle": MILESTONES,
        "Sagsdata": [CASES, *SHARE_CASES, *MEAN_CASES, *COUNT_CASES],
        "Resultatløn": PAY,
        "Opfølgning": followup,
        **extra,
    }
    return workbook(goals, **sheets)


def at(day: date | str, g=None):
    ev = evaluate_followup(g or grids(), day)
    assert ev.ok, [i.message for i in ev.issues if i.is_error]
    assert ev.followup is not None
    return ev


Q1, Q2, Q3, Q4 = date(2025, 3, 31), date(2025, 6, 30), date(2025, 9, 30), date(2025, 12, 31)


# --- status so far, quarter by quarter ----------------------------------------------------


def test_share_at_each_quarter_end_counts_open_cases_that_can_only_be_late():
    expected = {
        # decided by 31-03: a (18 ✓), b (43 ✗), k (10 ✓); open c is 30 days old = Frist, so
        # decided tomorrow at the earliest it takes 31 > 30: late; d (29 days) is pending.
        Q1: ("50 % < 80 % (4 sager)", 1),  # 2 of 4
        # + c (45 ✗), d (39 ✗), e (19 ✓), l (Modtaget 10-06 + 5 = 15-06 ✓); f open 15 days
        Q2: ("57,1 % < 80 % (7 sager)", 0),  # a, k, e, l: 4 of 7 = 57,14 %
        # + f (25 ✓), g (4 ✓); h open 15 days
        Q3: ("66,7 % < 80 % (9 sager)", 0),  # 6 of 9
        # + i (8 ✓), j (28 ✓); h open since 15-09: 107 days, late
        Q4: ("66,7 % < 80 % (12 sager)", 1),  # 8 of 12
    }
    for day, (share, open_late) in expected.items():
        fu = at(day).followup
        assert fu is not None
        g = fu.goal("1")
        assert share in g.explanation, (day, g.explanation)
        assert ("åben sag, der ikke kan nå fristen" in g.explanation) == bool(open_late)
        # binary: 0 % so far; and 50 … 67 % are more than 4 points (5 % of 80) below 80 %
        assert (g.to_date, g.expected, g.forecast) == (0, 0, Forecast.NOT_MET)


def test_a_case_without_dates_is_named_and_left_out_during_the_year():
    ev = at(Q3)
    warning = [i for i in ev.issues if "kan ikke placeres i tid" in i.message]
    assert len(warning) == 1 and warning[0].sheet == "Mål" and warning[0].cell == "N2"
    assert warning[0].message.startswith("1 sager for mål 1")
    # at the year end the same case counts (12 days, within): 9 of 12 = 75 %, not 8 of 12
    year_end = evaluate(grids())
    assert year_end.scorecard is not None
    assert "75 % < 80 % (12 sager)" in year_end.scorecard.result("1").explanation


def test_open_case_on_the_frist_boundary():
    goal = parse_plan(grids())[0]
    assert goal is not None
    g1 = goal.goal("1")
    assert g1 is not None
    cases = GoalCases("1", open_received=(date(2025, 3, 1),), open_location=("",))
    # 31-03 − 01-03 = 30 days = Frist: can no longer be decided within 30 days
    assert cases_at(g1, cases, date(2025, 3, 31)).open_late == 1
    # 30-03: 29 days old, decided on 31-03 it would take 30 days: still possible
    assert cases_at(g1, cases, date(2025, 3, 30)).open_late == 0
    # with a Frist date, an open case is late from the Frist date on
    by_date = replace(g1, deadline=parse_deadline(date(2025, 3, 17)))
    assert cases_at(by_date, cases, date(2025, 3, 16)).open_late == 0
    assert cases_at(by_date, cases, date(2025, 3, 17)).open_late == 1
    # an open case received after the date is not known at the date at all
    assert cases_at(g1, cases, date(2025, 2, 28)).cases.days == ()


def test_mean_uses_decided_cases_and_the_margin_is_inclusive():
    fu1, fu2, fu3 = (at(d).followup for d in (Q1, Q2, Q3))
    assert fu1 and fu2 and fu3
    # Q1: (10 + 28) / 2 = 19 ≤ 20: met; |19 − 20| = 1 = 5 % of 20: at risk (≤ margin)
    assert fu1.goal("2").to_date == 100 and fu1.goal("2").forecast is Forecast.RISK
    assert "kun 1 dage fra målværdien" in fu1.goal("2").explanation
    # Q2: (10 + 28 + 20) / 3 = 19,33: 0,67 from 20, at risk; s is open and does not count
    assert "19,3 dage ≤ 20 dage (3 sager)" in fu2.goal("2").explanation
    assert fu2.goal("2").forecast is Forecast.RISK
    # Q3: (10 + 28 + 20 + 12) / 4 = 17,5: 2,5 > 1 from 20, met with a margin
    assert fu3.goal("2").forecast is Forecast.MET and fu3.goal("2").low == 100


def test_counts_are_forecast_pro_rata():
    fus = {d: at(d).followup for d in (Q1, Q2, Q3, Q4)}
    # Q1: 9 × 365/90 = 36,5 < 40, and 3,5 > 2 (5 % of 40) below: not expected met
    g = fus[Q1].goal("3")  # type: ignore[union-attr]
    assert (g.to_date, g.forecast) == (0, Forecast.NOT_MET)
    assert "9 på 90 af 365 dage, fremskrevet til hele året: 36,5 < 40" in g.explanation
    # Q2: 18 × 365/181 = 36,30 < 40: not expected met
    g = fus[Q2].goal("3")  # type: ignore[union-attr]
    assert g.forecast is Forecast.NOT_MET and "36,3 < 40" in g.explanation
    # Q3: 30 × 365/273 = 40,11 ≥ 40, only 0,11 above: at risk; low end 0 (30 so far < 40)
    g = fus[Q3].goal("3")  # type: ignore[union-attr]
    assert (g.to_date, g.expected, g.forecast) == (100, 100, Forecast.RISK)
    assert (g.low, g.high) == (0, 100)
    assert "40,1 ≥ 40" in g.explanation
    # Q4: 40 × 365/365 = 40 and a count never falls: met for certain despite the margin
    g = fus[Q4].goal("3")  # type: ignore[union-attr]
    assert (g.forecast, g.low, g.high) == (Forecast.MET, 100, 100)


def test_pro_rata_in_a_leap_year():
    plan = {"Institution": "T", "År": 2024}
    cases = [CASES] + [case("3", f"n{n}", date(2024, 2, 1), date(2024, 2, 29)) for n in range(10)]
    goals = [{"Nr": "3", "Vægt": 100, "Type": "mindst", "Målværdi": 60, "Enhed": "antal",
              "Indikator": "antal"}]  # fmt: skip
    fu = at("Q1", workbook(goals, plan=plan, Sagsdata=cases)).followup
    assert fu is not None
    # 2024 has 366 days; 31-03-2024 is day 91: 10 × 366/91 = 40,22 < 60
    assert "10 på 91 af 366 dage, fremskrevet til hele året: 40,2 < 60" in fu.goal("3").explanation


def test_milestones_around_the_cut_date():
    fus = {d: at(d).followup for d in (Q1, Q2, Q3, Q4)}
    g = fus[Q1].goal("4")  # type: ignore[union-attr]
    # m1 due 31-03 (= the date) and delivered 28-03: 1 of 1; m2–m4 later, expected on time
    assert (g.to_date, g.expected, g.forecast) == (100, 100, Forecast.MET)
    assert "1 af 1 milepæl med frist til og med datoen nået rettidigt, 3 med senere frist" in (
        g.explanation
    )
    g = fus[Q2].goal("4")  # type: ignore[union-attr]
    # m2 due 30-06 but delivered 05-07: late at 30-06 already. 1 of 2; at best 3 of 4 = 75 %
    assert (g.to_date, g.expected, g.forecast) == (50, 75, Forecast.NOT_MET)
    assert (g.low, g.high) == (75, 75)
    g = fus[Q3].goal("4")  # type: ignore[union-attr]
    # m3 is due on the cut date itself and marked Ja: 2 of 3
    assert (g.to_date, g.expected) == (F(200, 3), 75)
    g = fus[Q4].goal("4")  # type: ignore[union-attr]
    # m4 due 15-12, never delivered: 2 of 4
    assert (g.to_date, g.expected, g.forecast) == (50, 50, Forecast.NOT_MET)


def test_other_goals_take_the_periods_result_and_a_persons_forecast():
    fus = {d: at(d).followup for d in (Q1, Q2, Q3)}
    g = fus[Q1].goal("5")  # type: ignore[union-attr]
    assert (g.to_date, g.forecast, g.low, g.high) == (0, Forecast.RISK, 0, 100)  # Nej: not yet
    g = fus[Q2].goal("5")  # type: ignore[union-attr]
    assert (g.forecast, g.computed, g.comment) == (
        Forecast.NOT_MET,
        Forecast.RISK,
        "Leverandøren er forsinket",
    )
    assert "prognose sat af en person (beregnet: risiko" in g.explanation
    assert (g.low, g.high) == (0, 0)
    g = fus[Q3].goal("5")  # type: ignore[union-attr]
    assert (g.to_date, g.forecast) == (100, Forecast.MET)  # Ja
    # goal 6 has a row for Q2 only: at Q3 the Q2 assessment (50 %) is used and said so
    g = fus[Q3].goal("6")  # type: ignore[union-attr]
    assert (g.to_date, g.forecast) == (50, Forecast.RISK)
    assert "(opgjort for Q2)" in g.explanation
    # at Q1 goal 6 has no row yet: unknown
    assert fus[Q1].goal("6").forecast is Forecast.UNKNOWN  # type: ignore[union-attr]


def test_projected_range_and_pay():
    fu = at(Q3).followup
    assert fu is not None
    p = fu.projected
    # low:  1 not met 0 + 2 met 20 + 3 at risk 0 + 4 at most 75 % of 10 = 7,5 + 5 met 10
    #       + 6 at risk 0 = 37,5
    # high: 0 + 20 + 20 + 7,5 + 10 + 10 = 67,5 (of 100)
    assert (p.points_low, p.points_high, p.max_points) == (F(75, 2), F(135, 2), 100)
    assert (p.score_pct_low, p.score_pct_high) == (F(75, 2), F(135, 2))
    # lineær pay of a 100.000 kr. maximum: 37.500 … 67.500 kr.
    assert [(r.name, r.payout_low, r.payout_high) for r in fu.pay] == [
        ("Direktør", D(37_500), D(67_500))
    ]
    q1 = at(Q1).followup
    assert q1 is not None
    # Q1 low: 1: 0, 2 at risk: 0, 3: 0, 4 met: 10, 5 at risk: 0, 6 unknown: 0 = 10
    # Q1 high: 0 + 20 + 0 + 10 + 10 + 10 = 50
    assert (q1.projected.points_low, q1.projected.points_high) == (10, 50)


def test_delmaal_combine_their_childrens_forecasts():
    goals = [
        {"Nr": "7", "Vægt": 100, "Type": "delmål"},
        {"Nr": "7.a", "Under": "7", "Vægt": 3, "Type": "ja/nej"},
        {"Nr": "7.b", "Under": "7", "Vægt": 1, "Type": "vurdering"},
    ]
    rows = [FOLLOWUP[0], ["7.a", "Q3", "Ja", None, None], ["7.b", "Q3", "50 %", None, None]]
    fu = at(Q3, workbook(goals, Opfølgning=rows)).followup
    assert fu is not None
    parent = fu.goal("7")
    # 7.a Ja: met (100, 100); 7.b 50 %: at risk (0 … 100); weighted 3 : 1
    # expected (3 × 100 + 1 × 50) / 4 = 87,5; low (300 + 0) / 4 = 75; high 100
    assert (parent.expected, parent.low, parent.high) == (F(175, 2), 75, 100)
    assert parent.forecast is Forecast.RISK
    assert (fu.projected.points_low, fu.projected.points_high) == (75, 100)


# --- bad input: each names its cell -------------------------------------------------------


def issue_at(ev, cell: str, sheet: str = "Opfølgning"):
    found = [i for i in ev.issues if i.sheet == sheet and i.cell == cell]
    assert found, [(i.sheet, i.cell, i.message) for i in ev.issues]
    return found[0]


@pytest.mark.parametrize(
    ("row", "cell", "words"),
    [
        (["99", "Q3", 1, None, None], "A2", "mål 99, som ikke findes"),
        (["5", "Q3 2024", "Ja", None, None], "B2", "uden for planens år 2025"),
        (["5", "Q5", "Ja", None, None], "B2", "ikke en dato"),
        (["5", None, "Ja", None, None], "B2", "mangler Periode"),
        (["5", "Q3", "Ja", "måske", "hm"], "D2", "forventes opfyldt, risiko"),
        (["5", "Q3", "Ja", "risiko", None], "E2", "kræver en Kommentar"),
        (["5", "Q3", "kanske", None, None], "C2", "hverken Ja eller Nej"),
    ],
)
def test_a_bad_row_is_an_error_naming_its_cell(row, cell, words):
    ev = evaluate_followup(grids([FOLLOWUP[0], row]), Q3)
    assert not ev.ok and not ev.updates
    problem = issue_at(ev, cell)
    assert problem.is_error and words in problem.message, problem.message


def test_a_second_row_for_the_same_goal_and_period_is_an_error():
    rows = [FOLLOWUP[0], ["5", "Q3", "Ja", None, None], ["5", "30-09-2025", "Nej", None, None]]
    ev = evaluate_followup(grids(rows), Q3)
    assert "allerede en række for perioden" in issue_at(ev, "B3").message


def test_a_date_outside_the_plans_year_names_the_year_cell():
    ev = evaluate_followup(grids(), "30-09-2024")
    problem = issue_at(ev, "B2", "Plan")  # the Plan sheet's År value
    assert problem.is_error and "uden for planens år 2025" in problem.message
    ev = evaluate_followup(grids(), "i morgen")
    assert issue_at(ev, "B2", "Plan").is_error


def test_a_period_with_no_data_is_a_warning():
    ev = at(Q4)
    note = issue_at(ev, "B1")
    assert note.severity == "warning" and "Ingen rækker på arket har perioden 31-12-2025" in (
        note.message
    )
    # no case of goal 2 is decided by 10-01: unknown, named at its Indikator cell
    ev = at(date(2025, 1, 10))
    assert ev.followup is not None and ev.followup.goal("2").forecast is Forecast.UNKNOWN
    assert "Ingen sager for mål 2 er afgjort pr. 10-01-2025" in issue_at(ev, "N3", "Mål").message


def test_a_result_on_a_computed_goal_is_named_and_not_used():
    rows = [FOLLOWUP[0], ["1", "Q3", "99 %", None, None]]
    ev = at(Q3, grids(rows))
    assert "bruges ikke" in issue_at(ev, "C2").message
    assert ev.followup is not None and "66,7 % < 80 % (9 sager)" in (
        ev.followup.goal("1").explanation
    )


def test_a_slip_on_the_followup_sheet_never_stops_beregn():
    ev = evaluate(grids([FOLLOWUP[0], ["99", "Q7", "x", "måske", None]]))
    assert ev.ok and ev.updates
    assert not [i for i in ev.issues if i.sheet == "Opfølgning"]


def test_without_the_sheet_the_followup_is_computed_and_not_written():
    g = workbook(GOALS, Milepæle=MILESTONES, Sagsdata=[CASES, *SHARE_CASES])
    ev = evaluate_followup(g, "Q3")
    assert ev.ok and ev.followup is not None and ev.updates == ()
    assert any("findes ikke" in i.message and i.sheet == "Opfølgning" for i in ev.issues)


def test_outputs_go_in_the_periods_rows_and_new_rows_below():
    ev = at(Q3)
    cells = {(u.sheet, u.cell): u.value for u in ev.updates}
    # headers of the missing output columns, right of Kommentar (E)
    assert [cells[("Opfølgning", c)] for c in ("F1", "G1", "H1", "I1")] == [
        "Status pr. dato",
        "Forventet opfyldelse",
        "Forventning",
        "Forklaring",
    ]
    # goal 5 has a row for 30-09-2025 (row 4): its outputs go there
    assert cells[("Opfølgning", "H4")] == "forventes opfyldt"
    # goal 1 has none: a new row below the last one (row 5), with Nr and the period
    assert (cells[("Opfølgning", "A6")], cells[("Opfølgning", "B6")]) == ("1", "Q3 2025")
    assert cells[("Opfølgning", "F6")] == 0  # 66,7 % < 80 %: binary, not met so far
    # six goals, one with a row for the date: five new rows, 6..10
    assert ("Opfølgning", "A10") in cells and ("Opfølgning", "A11") not in cells


def test_counted_case_data_cannot_be_followed_up_and_says_so():
    """A large case file is counted by a columnar engine: the counts have no dates per case."""
    from calc.model import CaseCounts

    plan, _ = parse_plan(grids())
    assert plan is not None
    counted = GoalCases("1", counts=(CaseCounts("", ((D(10), 5),), ((date(2025, 2, 1), 5),)),))
    plan = replace(plan, cases=(counted, *(c for c in plan.cases if c.goal_id != "1")))
    fu = follow_up(plan, Q3)
    assert fu.goal("1").forecast is Forecast.UNKNOWN
    assert any("kan ikke dateres enkeltvis" in i.message and i.cell == "N2" for i in fu.issues)


def test_every_problem_of_a_row_is_named_at_once():
    rows = [FOLLOWUP[0], ["99", "Q3 2024", "x", "måske", None]]
    ev = evaluate_followup(grids(rows), Q3)
    named = {(i.cell, i.is_error) for i in ev.issues if i.sheet == "Opfølgning"}
    # the unknown goal, the period outside the year and the Prognose word, in one run
    assert {("A2", True), ("B2", True), ("D2", True)} <= named


def test_a_count_without_any_case_is_unknown_not_zero():
    """Next year's plan (nyt-år) has an empty Sagsdata: a count of 0 then says nothing."""
    goals = [{"Nr": "3", "Vægt": 100, "Type": "mindst", "Målværdi": 40, "Enhed": "antal",
              "Indikator": "antal"}]  # fmt: skip
    ev = at(Q1, workbook(goals, Sagsdata=[CASES]))
    assert ev.followup is not None
    g = ev.followup.goal("3")
    assert (g.to_date, g.expected, g.forecast) == (None, None, Forecast.UNKNOWN)
    assert "Sagsdata har ingen sager for mål 3" in issue_at(ev, "N2", "Mål").message
    # with cases for the goal, none decided yet by the date is a real 0 so far
    early = [CASES, case("3", "x", date(2025, 3, 20), date(2025, 4, 2))]
    g = at(Q1, workbook(goals, Sagsdata=early)).followup.goal("3")  # type: ignore[union-attr]
    assert (g.to_date, g.forecast) == (0, Forecast.NOT_MET)
