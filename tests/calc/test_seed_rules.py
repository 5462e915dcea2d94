"""The rules the seed plans need (issue 12), scored end to end from in-memory workbooks.

Every expectation is worked out by hand next to its inputs: two-sided deviation, pooled vs
per-location locations, preconditions that take a goal out of the possible points, excluded
periods, cases that count as met, strict and inclusive deadlines, working days by the plan's
country, and a clear error naming the cell for bad input in every new column.
"""

from __future__ import annotations

from datetime import date
from fractions import Fraction

import pytest

from calc.engine import evaluate
from calc.grid import a1
from calc.scoring import Status
from tests.gridbuild import GOAL_HEADER, workbook

CASES = [["Mål", "Sag", "Modtaget", "Afgjort", "Lokation", "Medtages", "Dage"]]


def col(header: str, row: int = 2) -> str:
    """The A1 cell of a goal column in the test workbook (row 2 = the first goal)."""
    return a1(row - 1, GOAL_HEADER.index(header))


def score(goals, plan=None, **sheets):
    ev = evaluate(workbook(goals, plan=plan, **sheets))
    assert ev.ok, [(i.cell, i.message) for i in ev.issues if i.is_error]
    return ev


def one(goal, **sheets):
    goal = {"Nr": "1", "Vægt": 10, **goal}
    return score([goal], **sheets).scorecard.result(str(goal["Nr"]))


def errors_of(goals, plan=None, **sheets):
    ev = evaluate(workbook(goals, plan=plan, **sheets))
    return [(i.sheet, i.cell) for i in ev.issues if i.is_error], ev


# --- afvigelse: two-sided ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("result", "fulfilment", "explanation"),
    [
        # Seed 004, 3.1: "Afvigelsen … må maksimalt være på 2 pct." in either direction.
        ("-2,5 %", 0, "afvigelse -2,5 %, numerisk 2,5 % > 2 % → ikke opfyldt: 0 af 10 point"),
        ("-2 %", 100, "afvigelse -2 %, numerisk 2 % ≤ 2 % → opfyldt: 10 af 10 point"),
        ("2 %", 100, "afvigelse +2 %, numerisk 2 % ≤ 2 % → opfyldt: 10 af 10 point"),
        ("2,1 %", 0, "afvigelse +2,1 %, numerisk 2,1 % > 2 % → ikke opfyldt: 0 af 10 point"),
        ("0", 100, "afvigelse 0 %, numerisk 0 % ≤ 2 % → opfyldt: 10 af 10 point"),
    ],
)
def test_deviation_is_two_sided_with_the_sign_shown(result, fulfilment, explanation):
    r = one({"Type": "afvigelse", "Målværdi": 2, "Enhed": "%", "Resultat": result})
    assert (r.fulfilment, r.explanation) == (fulfilment, explanation)


def test_hojst_alone_lets_an_overspend_pass():
    # Why afvigelse exists: with `højst 2` a −2,5 % deviation is "≤ 2".
    r = one({"Type": "højst", "Målværdi": 2, "Enhed": "%", "Resultat": "-2,5 %"})
    assert r.fulfilment == 100


def test_deviation_from_a_basis():
    # |9,4 − 10| = 0,6 > 0,5 dage
    r = one({"Type": "afvigelse", "Målværdi": "0,5", "Basis": 10, "Enhed": "dage",
             "Resultat": "9,4"})  # fmt: skip
    assert r.fulfilment == 0
    assert r.explanation.startswith(
        "9,4 dage mod basis 10 dage: afvigelse -0,6 dage, numerisk 0,6 dage > 0,5 dage"
    )


def test_deviation_linear_scale_on_the_size_of_the_deviation():
    # lineær: 0 % at a deviation of 4, 100 % at 2; |−3| = 3 → halfway = 50 %
    r = one({"Type": "afvigelse", "Målværdi": 2, "Nedre grænse": 4, "Skala": "lineær",
             "Enhed": "%", "Resultat": -3})  # fmt: skip
    assert r.fulfilment == 50


def test_deviation_target_cannot_be_negative():
    errors, _ = errors_of([{"Nr": "1", "Vægt": 10, "Type": "afvigelse", "Målværdi": -2,
                            "Resultat": 1}])  # fmt: skip
    assert ("Mål", col("Målværdi")) in errors


def _warnings(goal, **sheets):
    ev = evaluate(workbook([{"Nr": "1", "Vægt": 100, **goal}], **sheets))
    assert ev.ok, [(i.cell, i.message) for i in ev.issues if i.is_error]
    return [(i.cell, i.message) for i in ev.issues if i.severity == "warning"]


@pytest.mark.parametrize(
    ("goal", "named"),
    [
        # Seed 004, 3.1: −0,8 % typed −80 (×100): |−80| = 80 ≥ 25 × 1 → named at Resultat
        ({"Målværdi": 1, "Resultat": -80}, "Resultat"),
        # Målværdi 1 typed 0,01 (÷100): |−0,8| = 0,8 ≥ 25 × 0,01 = 0,25 → named at Resultat,
        # with the Målværdi cell in the text
        ({"Målværdi": "0,01", "Resultat": "-0,8"}, "Resultat"),
        # exactly 25 times: |−25| ≥ 25 × 1 (the boundary is ≥, as for the other types)
        ({"Målværdi": 1, "Resultat": -25}, "Resultat"),
        # from a Basis typed ×100: |9,4 − 1000| = 990,6 ≥ 25 × 0,5 → named, Basis cell in the text
        ({"Målværdi": "0,5", "Basis": 1000, "Resultat": "9,4"}, "Resultat"),
    ],
)
def test_a_deviation_25_times_the_allowed_one_is_named(goal, named):
    warnings = _warnings({"Type": "afvigelse", "Enhed": "%", **goal})
    assert [cell for cell, _ in warnings] == [col(named)]
    message = warnings[0][1]
    assert "25 gange den tilladte afvigelse" in message and col("Målværdi") in message
    if "Basis" in goal:
        assert col("Basis") in message


@pytest.mark.parametrize(
    "goal",
    [
        {"Målværdi": 1, "Resultat": "-24,9"},  # just under 25 times: a big, plausible overrun
        {"Målværdi": 2, "Resultat": "0,01"},  # a deviation near 0 is the aim, never a slip
        {"Målværdi": 2, "Resultat": 0},
        {"Målværdi": "0,5", "Basis": 10, "Resultat": "9,4"},
    ],
)
def test_a_plausible_deviation_is_not_named(goal):
    assert _warnings({"Type": "afvigelse", "Enhed": "%", **goal}) == []


# --- locations: per location (today) or pooled ---------------------------------------------------

SIRI_4 = "Valby=50; Aarhus=10; Odense=10; Aalborg=10; Esbjerg=10; Sønderborg=10"


def _weekday_rows(within: dict[str, int], n: int = 10) -> list[list[object]]:
    """n days per location: `within[loc]` of them wait 3 days (≤ 10), the rest 14."""
    rows = []
    for loc, ok in within.items():
        rows += [["4", f"{loc}-{i}", None, None, loc, "Ja", 3 if i < ok else 14] for i in range(n)]
    return rows


SIRI_CASES = _weekday_rows(
    {"Valby": 9, "Aarhus": 8, "Odense": 7, "Aalborg": 8, "Esbjerg": 7, "Sønderborg": 10}
)


def _siri_goal(mode: str | None) -> dict[str, object]:
    return {"Nr": "4", "Vægt": 10, "Type": "mindst", "Målværdi": 80, "Enhed": "%",
            "Indikator": "andel", "Frist": 10, "Lokationer": SIRI_4,
            "Lokationsberegning": mode}  # fmt: skip


def test_per_location_weights_the_locations_fulfilment():
    # Seed 002, goal 4 read per location: Valby 90 % ≥ 80 (×50), Aarhus 80 % (×10), Odense 70 %
    # no, Aalborg 80 % (×10), Esbjerg 70 % no, Sønderborg 100 % (×10) → 80/100 = 80 % → 8 point
    for mode in (None, "pr. lokation"):
        r = score([_siri_goal(mode)], Sagsdata=CASES + SIRI_CASES).scorecard.result("4")
        assert (r.fulfilment, r.points) == (80, 8)


def test_pooled_weights_the_shares_then_scores_once():
    # Seed 002, goal 4 read as one weighted share: 0,5 × 90 + 0,1 × (80 + 70 + 80 + 70 + 100)
    # = 45 + 40 = 85 % ≥ 80 → 100 % → 10 point
    r = score([_siri_goal("samlet")], Sagsdata=CASES + SIRI_CASES).scorecard.result("4")
    assert (r.fulfilment, r.points) == (100, 10)
    assert "= 85 %; 85 % ≥ 80 %" in r.explanation
    assert r.explanation.startswith("Vægtet samlet over lokationer: Valby: 90 %, vægt 50;")


def test_pooled_with_a_location_without_cases_has_no_result():
    rows = CASES + [r for r in SIRI_CASES if r[4] != "Esbjerg"]
    ev = score([_siri_goal("samlet")], Sagsdata=rows)
    assert ev.scorecard.result("4").status is Status.MISSING
    assert any("Esbjerg" in i.message for i in ev.issues if i.severity == "warning")


def test_pooled_needs_weights():
    goal = {**_siri_goal("samlet"), "Lokationer": "alle"}
    errors, _ = errors_of([goal], Sagsdata=CASES + SIRI_CASES)
    assert errors == [("Mål", col("Lokationsberegning"))]


# --- preconditions ----------------------------------------------------------------------------

PRE = "Opfyldelse forudsætter et tilsvarende antal sager med domsudviste, der har afsonet i 2025."


def _plan_000(met_2: str | None):
    return [
        {"Nr": "1.a", "Vægt": 20, "Type": "delmål"},
        {"Nr": "1.a.1", "Under": "1.a", "Type": "mindst", "Målværdi": 100, "Resultat": 112},
        {"Nr": "1.a.2", "Under": "1.a", "Type": "mindst", "Målværdi": 800, "Resultat": 743,
         "Forudsætning": PRE, "Forudsætning opfyldt": met_2},
        {"Nr": "1.a.3", "Under": "1.a", "Type": "mindst", "Målværdi": 175, "Resultat": 181,
         "Forudsætning": "Ingen væsentlig nedgang i korte fængselsdomme.",
         "Forudsætning opfyldt": "Ja"},
        {"Nr": "1.b", "Vægt": 10, "Type": "ja/nej", "Resultat": "Ja"},
        {"Nr": "2", "Vægt": 70, "Type": "ja/nej", "Resultat": "Nej"},
    ]  # fmt: skip


def test_a_precondition_not_met_takes_the_goal_out_of_the_possible_points():
    # 1.a.2 out: 1.a can earn 20 − 20/3 = 40/3 and earns it all (1.a.1 and 1.a.3 met);
    # total 40/3 + 10 + 0 = 70/3 of 100 − 20/3 = 280/3 possible → 25 %.
    card = score(_plan_000("Nej")).scorecard
    out = card.result("1.a.2")
    assert (out.status, out.fulfilment, out.points, out.possible) == (Status.EXCLUDED, None, 0, 0)
    assert out.explanation == (
        f"743 < 800; forudsætning ikke opfyldt: {PRE} → udgår: 6,67 point tæller ikke med i "
        "de mulige point"
    )
    parent = card.result("1.a")
    assert (parent.fulfilment, parent.points, parent.possible) == (100, Fraction(40, 3),
                                                                    Fraction(40, 3))  # fmt: skip
    assert "udgår (forudsætning ikke opfyldt): 1.a.2" in parent.explanation
    assert card.total_points == Fraction(70, 3)
    assert card.max_points == Fraction(280, 3)
    assert card.score_pct == 25


def test_the_same_plan_with_the_precondition_met_or_not_stated():
    # 1.a = (100 + 0 + 100) / 3 → 40/3 point; total 70/3 of 100 = 23,33 %
    for met in ("Ja", None):
        card = score(_plan_000(met)).scorecard
        assert card.result("1.a.2").status is Status.NOT_MET
        assert (card.total_points, card.max_points) == (Fraction(70, 3), 100)
    met3 = card.result("1.a.3").explanation
    assert met3.endswith("Forudsætning (opfyldt): Ingen væsentlig nedgang i korte fængselsdomme.")


def test_a_top_level_goal_out_and_a_parent_whose_children_are_all_out():
    goals = _plan_000("Nej")
    goals[1] = {**goals[1], "Forudsætning": "x", "Forudsætning opfyldt": "Nej"}
    goals[3] = {**goals[3], "Forudsætning opfyldt": "Nej"}
    goals[5] = {**goals[5], "Forudsætning": "Bevilling givet.", "Forudsætning opfyldt": "Nej"}
    ev = score(goals)
    card = ev.scorecard
    assert card.result("1.a").status is Status.EXCLUDED  # every delmål is out
    assert card.result("1.a").explanation.startswith("Alle delmål udgår → udgår: 20 point")
    assert card.result("2").status is Status.EXCLUDED
    # only 1.b is left: 10 of 10 → 100 %
    assert (card.total_points, card.max_points, card.score_pct) == (10, 10, 100)
    cells = {u.cell: u.value for u in ev.updates if u.sheet == "Mål"}
    assert cells[col("Status", 7)] == "Udgår"
    assert cells[col("Målopfyldelse", 7)] is None and cells[col("Point", 7)] == 0


def test_precondition_not_met_needs_its_text_and_a_yes_no():
    errors, _ = errors_of([{"Nr": "1", "Vægt": 10, "Type": "ja/nej", "Resultat": "Ja",
                            "Forudsætning opfyldt": "Nej"}])  # fmt: skip
    assert errors == [("Mål", col("Forudsætning"))]
    errors, _ = errors_of([{"Nr": "1", "Vægt": 10, "Type": "ja/nej", "Resultat": "Ja",
                            "Forudsætning": "x", "Forudsætning opfyldt": "måske"}])  # fmt: skip
    assert errors == [("Mål", col("Forudsætning opfyldt"))]


# --- excluded periods, counts as met, strict and inclusive ------------------------------------

PERIOD = "01-03-2025–30-04-2025: implementering af ny AMS-opsætning"


def _violations() -> list[list[object]]:
    # Seed 000, 1.f: violation (Modtaget) reported (Afgjort) within the following month.
    d = date
    return CASES + [
        ["1.f", "V1", d(2025, 1, 10), d(2025, 2, 28), None, "Ja", None],  # by 28-02: within
        ["1.f", "V2", d(2025, 1, 31), d(2025, 3, 1), None, "Ja", None],  # after 28-02: late
        ["1.f", "V3", d(2025, 2, 3), d(2025, 3, 31), None, "Ja", None],  # within
        ["1.f", "V4", d(2025, 3, 4), d(2025, 5, 20), None, "Ja", None],  # late, in the period
        ["1.f", "V5", d(2025, 4, 30), d(2025, 6, 2), None, "Ja", None],  # late, in the period
        ["1.f", "V6", d(2025, 5, 1), d(2025, 6, 30), None, "Ja", None],  # within (after it)
        ["1.f", "V7", d(2025, 6, 12), d(2025, 7, 1), None, "Ja", None],  # within
    ]


def _goal_1f(period: str | None) -> dict[str, object]:
    return {"Nr": "1.f", "Vægt": 5, "Type": "mindst", "Målværdi": 80, "Enhed": "%",
            "Indikator": "andel", "Frist": "følgende måned", "Udelad periode": period}  # fmt: skip


def test_excluded_period_leaves_its_cases_out_with_the_reason():
    # With the period: V4 and V5 out; 4 of 5 within = 80 % ≥ 80 → met.
    r = score([_goal_1f(PERIOD)], Sagsdata=_violations()).scorecard.result("1.f")
    assert r.fulfilment == 100
    assert r.explanation == (
        "80 % ≥ 80 % (5 sager; frist udgangen af følgende måned; 2 i udeladt periode "
        "01-03-2025–30-04-2025 (implementering af ny AMS-opsætning)) → opfyldt: 5 af 5 point"
    )
    # Without it: 4 of 7 = 57,1 % < 80.
    assert score([_goal_1f(None)], Sagsdata=_violations()).scorecard.result("1.f").fulfilment == 0


@pytest.mark.parametrize(
    ("period", "named"),
    [
        ("01-03-2024–30-04-2024: implementering", True),  # a year off: no day in 2025
        ("01-12-2024–31-12-2024: implementering", True),
        ("01-01-2026–31-01-2026: implementering", True),
        ("15-12-2024–15-01-2025: implementering", False),  # reaches into the plan's year
        ("31-12-2025–31-12-2025: nytårsnedlukning", False),  # its last day
        (PERIOD, False),
    ],
)
def test_a_period_wholly_outside_the_plans_year_is_named(period, named):
    ev = evaluate(workbook([_goal_1f(period)], Sagsdata=_violations()))
    assert ev.ok
    warned = [i for i in ev.issues if i.severity == "warning" and i.cell == col("Udelad periode")]
    assert bool(warned) is named
    if named:
        assert "uden for planens år 2025" in warned[0].message


@pytest.mark.parametrize(
    "period", ["01-03-2025–30-04-2025", "01-03-2025: lovændring", "30-04-2025–01-03-2025: x", 5]
)
def test_a_period_needs_two_days_in_order_and_a_reason(period):
    errors, _ = errors_of([_goal_1f(period)], Sagsdata=_violations())
    assert errors == [("Mål", col("Udelad periode"))]


def test_som_opfyldt_counts_as_within_and_is_refused_for_averages():
    # Seed 000, 1.c: lovligt forfald = målopfyldelse. 3 within 7 days, 1 late, 1 Som opfyldt
    # (late by its dates) → 4 of 5 = 80 % ≥ 80; leaving it out (Nej) → 3 of 4 = 75 %.
    rows = (
        CASES
        + [["1.c", f"S{i}", None, None, None, "Ja", d] for i, d in enumerate([2, 5, 7, 9])]
        + [["1.c", "S9", None, None, None, "Som opfyldt", 12]]
    )
    goal = {"Nr": "1.c", "Vægt": 5, "Type": "mindst", "Målværdi": 80, "Enhed": "%",
            "Indikator": "andel", "Frist": 7}  # fmt: skip
    r = score([goal], Sagsdata=rows).scorecard.result("1.c")
    assert r.fulfilment == 100
    assert "1 tæller som opfyldt efter Medtages = Som opfyldt" in r.explanation
    left_out = [row if row[1] != "S9" else [*row[:5], "Nej", 12] for row in rows]
    assert score([goal], Sagsdata=left_out).scorecard.result("1.c").fulfilment == 0  # 75 %
    mean = {**goal, "Type": "højst", "Målværdi": 10, "Enhed": "dage", "Indikator": "gennemsnit"}
    errors, _ = errors_of([mean], Sagsdata=rows)
    assert errors == [("Sagsdata", "F6")]


def test_strict_and_inclusive_date_deadline():
    # Seed 001, 1.1d: 37 decided before 17-03-2025, 2 on it, 1 after. `senest` (or a bare
    # date): 39/40 = 97,5 % ≥ 95; `før` (the seed's "inden den 17. marts"): 37/40 = 92,5 % < 95.
    d = date
    got = d(2025, 2, 3)  # Modtaget: a case needs a day count to be included
    rows = CASES + [["1", f"S{i}", got, d(2025, 3, 10), None, "Ja", None] for i in range(37)]
    rows += [["1", "S37", got, d(2025, 3, 17), None, "Ja", None]] * 2
    rows += [["1", "S39", got, d(2025, 4, 2), None, "Ja", None]]
    base = {"Type": "mindst", "Målværdi": 95, "Enhed": "%", "Indikator": "andel"}
    for frist, met in (("senest 17-03-2025", 100), (d(2025, 3, 17), 100), ("før 17-03-2025", 0)):
        assert one({**base, "Frist": frist}, Sagsdata=rows).fulfilment == met, frist
    r = one({**base, "Frist": "før 17-03-2025"}, Sagsdata=rows)
    assert r.explanation.startswith("92,5 % < 95 % (40 sager; frist før 17-03-2025)")


def test_ambiguous_inden_is_an_error_at_the_frist_cell():
    goal = {"Nr": "1", "Vægt": 10, "Type": "mindst", "Målværdi": 85, "Enhed": "%",
            "Indikator": "andel", "Frist": "inden 31 dage"}  # fmt: skip
    errors, ev = errors_of([goal], Sagsdata=CASES + [["1", "S", None, None, None, "Ja", 3]])
    assert errors == [("Mål", col("Frist"))]
    assert "under 31 dage" in next(i.message for i in ev.issues if i.is_error)


@pytest.mark.parametrize(
    "frist",
    [
        "31 timer",  # no unit a deadline has
        -3,  # a negative span
        "2,5 arbejdsdage",  # working days are whole
        "før 31-02-2025",  # no such day
        "17-03-2025 eller 18-03-2025",  # two dates: which one?
        "Höst 2025",  # a period, not a day
    ],
)
def test_a_frist_that_is_no_deadline_is_an_error_at_its_cell(frist):
    goal = {"Nr": "1", "Vægt": 10, "Type": "mindst", "Målværdi": 85, "Enhed": "%",
            "Indikator": "andel", "Frist": frist}  # fmt: skip
    errors, _ = errors_of([goal], Sagsdata=CASES + [["1", "S", None, None, None, "Ja", 3]])
    assert errors == [("Mål", col("Frist"))]


# --- working days by the plan's country -----------------------------------------------------------


def _midsommar(plan):
    # Received Thursday 19 June 2025, decided Monday 23 June 2025: 2 Danish working days,
    # 1 Swedish (Friday 20 June is midsommarafton).
    rows = CASES + [["1", "S1", date(2025, 6, 19), date(2025, 6, 23), None, "Ja", None]]
    goal = {"Nr": "1", "Vægt": 10, "Type": "mindst", "Målværdi": 100, "Enhed": "%",
            "Indikator": "andel", "Frist": "1 arbejdsdage"}  # fmt: skip
    return score([goal], plan=plan, Sagsdata=rows).scorecard.result("1")


def test_working_days_follow_the_language_or_the_plan_label():
    assert _midsommar({"År": 2025}).fulfilment == 0  # Danish: 2 > 1
    assert _midsommar({"År": 2025, "Sprog": "sv"}).fulfilment == 100  # Swedish: 1 ≤ 1
    assert _midsommar({"År": 2025, "Helligdage": "Sverige"}).fulfilment == 100
    assert _midsommar({"År": 2025, "Sprog": "sv", "Helgdagar": "Danmark"}).fulfilment == 0


def test_working_days_without_dates_are_left_out_with_a_warning():
    rows = CASES + [
        ["1", "S1", date(2025, 6, 19), date(2025, 6, 23), None, "Ja", None],
        ["1", "S2", None, None, None, "Ja", 1],  # Dage only: cannot count working days
    ]
    goal = {"Nr": "1", "Vægt": 10, "Type": "mindst", "Målværdi": 100, "Enhed": "%",
            "Indikator": "andel", "Frist": "2 arbejdsdage"}  # fmt: skip
    ev = score([goal], Sagsdata=rows)
    assert ev.scorecard.result("1").fulfilment == 100  # 1 of 1 dated case
    warn = [  # leaving out "Vægtene summer til 10" (100 would: typed 10 for 100?)
        i for i in ev.issues if i.severity == "warning" and "Vægtene summer" not in i.message
    ]
    assert [(i.sheet, i.cell) for i in warn] == [("Mål", col("Frist"))]
    assert "1 sager for mål 1 mangler Modtaget og Afgjort" in warn[0].message


@pytest.mark.parametrize("typed", ["Opfyldt", "opfyldt.", "Ikke opfyldt", "Uppfyllt"])
def test_opfyldt_in_medtages_is_refused_next_to_som_opfyldt(typed):
    # `Opfyldt` is a Ja word elsewhere; in Medtages it could mean Ja (by its dates: late) or
    # Som opfyldt (within), and `Ikke opfyldt` Nej (left out) or late: an error at the cell.
    rows = CASES + [
        ["1", "S1", None, None, None, "Ja", 3],
        ["1", "S2", None, None, None, typed, 12],
    ]
    goal = {"Nr": "1", "Vægt": 10, "Type": "mindst", "Målværdi": 85, "Enhed": "%",
            "Indikator": "andel", "Frist": 7}  # fmt: skip
    errors, ev = errors_of([goal], Sagsdata=rows)
    assert errors == [("Sagsdata", "F3")]
    assert "Som opfyldt" in next(i.message for i in ev.issues if i.is_error)


def test_bad_holiday_country_and_bad_medtages_and_lokationsberegning_name_their_cell():
    plan = {"Institution": "X", "År": 2025, "Helligdage": "Norge"}
    errors, _ = errors_of([{"Nr": "1", "Vægt": 10, "Type": "ja/nej", "Resultat": "Ja"}], plan)
    assert errors == [("Plan", "B3")]
    errors, _ = errors_of([{**_siri_goal("begge")}], Sagsdata=CASES + SIRI_CASES)
    assert errors == [("Mål", col("Lokationsberegning"))]
    rows = CASES + [["1", "S1", None, None, None, "Måske", 3]]
    goal = {"Nr": "1", "Vægt": 10, "Type": "mindst", "Målværdi": 85, "Enhed": "%",
            "Indikator": "andel", "Frist": 7}  # fmt: skip
    errors, ev = errors_of([goal], Sagsdata=rows)
    assert errors == [("Sagsdata", "F2")]
    assert "Som opfyldt" in next(i.message for i in ev.issues if i.is_error)


def test_counted_case_data_cannot_take_working_days_or_periods_and_says_so():
    # A large case file is counted per day and date (no Modtaget per case): a Frist in working
    # days, or an Udelad periode, gets no number and a warning, never a silent count.
    from dataclasses import replace
    from decimal import Decimal

    from calc.model import CaseCounts, GoalCases
    from calc.parser import parse_plan
    from calc.scoring import score_plan

    counted = GoalCases(
        "1",
        counts=(CaseCounts("", ((Decimal(3), 4), (Decimal(9), 1)), ((date(2025, 3, 3), 5),)),),
    )
    base = {"Nr": "1", "Vægt": 10, "Type": "mindst", "Målværdi": 80, "Enhed": "%",
            "Indikator": "andel"}  # fmt: skip
    for extra, key in (({"Frist": "3 arbejdsdage"}, "Frist"),
                       ({"Frist": 7, "Udelad periode": PERIOD}, "Udelad periode")):  # fmt: skip
        plan, _ = parse_plan(workbook([{**base, **extra}]))
        assert plan is not None
        card = score_plan(replace(plan, cases=(counted,)))
        assert card.result("1").status is Status.MISSING
        assert any(i.cell == col(key) and "stor sagsfil" in i.message for i in card.issues)
    # Days and dates come from the counts as before: 4 of 5 within 7 days, strict or not.
    plan, _ = parse_plan(workbook([{**base, "Frist": "under 9 dage"}]))
    assert plan is not None
    assert score_plan(replace(plan, cases=(counted,))).result("1").fulfilment == 100  # 80 %
