"""Scoring per rule type, with the explanation an auditor reads."""

from __future__ import annotations

from decimal import Decimal as D
from fractions import Fraction

import pytest

from calc.engine import evaluate
from calc.scoring import Status
from tests.gridbuild import workbook


def score(goals, **sheets):
    ev = evaluate(workbook(goals, **sheets))
    assert ev.ok, [i.message for i in ev.issues if i.is_error]
    return ev


def one(goal, **sheets):
    goal = {"Nr": "1", "Vægt": 10, **goal}
    return score([goal], **sheets).scorecard.result(str(goal["Nr"]))


@pytest.mark.parametrize(
    ("goal", "fulfilment", "explanation"),
    [
        (
            {"Type": "mindst", "Målværdi": 85, "Enhed": "%", "Resultat": "87,2 %"},
            100,
            "87,2 % ≥ 85 % → opfyldt: 10 af 10 point",
        ),
        (
            {"Type": "mindst", "Målværdi": 85, "Enhed": "%", "Resultat": 84.9},
            0,
            "84,9 % < 85 % → ikke opfyldt: 0 af 10 point",
        ),
        (
            {"Type": "mindst", "Målværdi": "2.000", "Resultat": "2.134"},
            100,
            "2.134 ≥ 2.000 → opfyldt: 10 af 10 point",
        ),
        (
            {"Type": "højst", "Målværdi": 5, "Enhed": "uger", "Resultat": "5,5"},
            0,
            "5,5 uger > 5 uger → ikke opfyldt: 0 af 10 point",
        ),
        (
            {"Type": "højst", "Målværdi": 2, "Enhed": "%", "Resultat": "1,4 %"},
            100,
            "1,4 % ≤ 2 % → opfyldt: 10 af 10 point",
        ),
        (
            {"Type": "interval", "Målværdi": "3-5", "Resultat": 6},
            0,
            "6 ligger uden for intervallet 3–5 → ikke opfyldt: 0 af 10 point",
        ),
        (
            {"Type": "interval", "Målværdi": "3-5", "Resultat": 3},
            100,
            "3 ligger i intervallet 3–5 → opfyldt: 10 af 10 point",
        ),
        ({"Type": "ja/nej", "Resultat": "Ja"}, 100, "Resultat: Ja → opfyldt: 10 af 10 point"),
        (
            {"Type": "ja/nej", "Resultat": "Ikke opfyldt"},
            0,
            "Resultat: Nej → ikke opfyldt: 0 af 10 point",
        ),
        (
            {"Type": "vurdering", "Resultat": "delvist"},
            50,
            "Vurdering: delvist (50 %) → delvist opfyldt (50 %): 5 af 10 point",
        ),
        (
            {"Type": "vurdering", "Resultat": 75},
            75,
            "Vurdering: 75 % → delvist opfyldt (75 %): 7,5 af 10 point",
        ),
        (
            {
                "Type": "reduktion",
                "Målværdi": 10,
                "Basis": "11,6",
                "Resultat": "10,2",
                "Enhed": "dage",
            },
            100,
            "10,2 dage mod basis 11,6 dage: reduktion 12,1 % ≥ 10 % → opfyldt: 10 af 10 point",
        ),
        (
            {"Type": "reduktion", "Målværdi": 15, "Basis": 200, "Resultat": 180},
            0,
            "180 mod basis 200: reduktion 10 % < 15 % → ikke opfyldt: 0 af 10 point",
        ),
        (
            {"Type": "stigning", "Målværdi": 5, "Basis": 70, "Enhed": "%", "Resultat": 75},
            100,
            "75 % mod basis 70 %: stigning 7,1 % ≥ 5 % → opfyldt: 10 af 10 point",
        ),
    ],
)
def test_rule_types(goal, fulfilment, explanation):
    r = one(goal)
    assert r.fulfilment == D(fulfilment)
    assert r.explanation == explanation


def test_linear_scale_is_pro_rata_and_capped():
    base = {"Type": "mindst", "Målværdi": 85, "Nedre grænse": 70, "Skala": "lineær", "Enhed": "%"}
    r = one({**base, "Resultat": 80})
    assert r.fulfilment == Fraction(200, 3)
    assert r.points == Fraction(20, 3)
    assert r.explanation == (
        "80 %, lineært fra 70 % (0 %) til 85 % (100 %) → delvist opfyldt (66,7 %): 6,67 af 10 point"
    )
    assert one({**base, "Resultat": 60}).fulfilment == 0
    assert one({**base, "Resultat": 99}).fulfilment == 100


def test_linear_scale_lower_is_better():
    r = one(
        {
            "Type": "højst",
            "Målværdi": 10,
            "Nedre grænse": 14,
            "Skala": "lineær",
            "Enhed": "uger",
            "Resultat": 11,
        }
    )
    assert r.fulfilment == 75


@pytest.mark.parametrize(("result", "expected"), [(90, 100), (85, 100), (82, 50), (79, 0)])
def test_step_scale(result, expected):
    r = one(
        {
            "Type": "mindst",
            "Målværdi": 85,
            "Skala": "trin",
            "Trin": "85=100; 80=50; 0=0",
            "Resultat": result,
        }
    )
    assert r.fulfilment == expected


def test_step_scale_explanation_and_lower_is_better():
    r = one(
        {
            "Type": "højst",
            "Målværdi": 2,
            "Skala": "trin",
            "Trin": "2=100; 3=50",
            "Enhed": "%",
            "Resultat": "2,5",
        }
    )
    assert r.fulfilment == 50
    assert r.explanation.startswith("2,5 % ≤ trinnet 3 %, som giver 50 %")


def test_missing_result_is_zero_points_and_a_warning():
    ev = score([{"Nr": "1", "Vægt": 10, "Type": "mindst", "Målværdi": 5}])
    r = ev.scorecard.result("1")
    assert (r.fulfilment, r.points, r.status) == (None, 0, Status.MISSING)
    assert r.explanation == "Intet resultat → mangler resultat: 0 af 10 point"
    # E2: the weights sum to 10, not 100 (100 would: typed 10 for 100?); R2: no result.
    assert [(i.cell, i.severity) for i in ev.issues if not i.is_info] == [
        ("E2", "warning"),
        ("R2", "warning"),
    ]


def test_subgoals_weighted_shares_sub_points():
    # Seed 000 goal 2.4: 3 points for the strategy, 2 for the status report.
    ev = score(
        [
            {"Nr": "2.4", "Vægt": 5, "Type": "delmål"},
            {"Nr": "2.4.1", "Under": "2.4", "Vægt": 3, "Type": "ja/nej", "Resultat": "Ja"},
            {"Nr": "2.4.2", "Under": "2.4", "Vægt": 2, "Type": "ja/nej", "Resultat": "Nej"},
        ]
    )
    card = ev.scorecard
    assert card.result("2.4.1").weight == 3
    assert card.result("2.4.2").points == 0
    parent = card.result("2.4")
    assert (parent.fulfilment, parent.points) == (60, 3)
    assert parent.explanation == (
        "Delmål vægtet: 2.4.1: 100 %, 2.4.2: 0 % → delvist opfyldt (60 %): 3 af 5 point"
    )
    assert card.total_points == 3  # children are not counted twice


def test_subgoals_all_must_be_met():
    ev = score(
        [
            {"Nr": "1.3", "Vægt": 10, "Type": "delmål", "Samling": "alle"},
            {"Nr": "a", "Under": "1.3", "Type": "ja/nej", "Resultat": "Ja"},
            {"Nr": "b", "Under": "1.3", "Type": "ja/nej", "Resultat": "Nej"},
        ]
    )
    r = ev.scorecard.result("1.3")
    assert (r.fulfilment, r.status) == (0, Status.NOT_MET)
    assert r.explanation == (
        "Alle delmål skal være opfyldt (a: 100 %, b: 0 %); ikke opfyldt: b "
        "→ ikke opfyldt: 0 af 10 point"
    )


def test_subgoal_parent_missing_only_when_all_children_missing():
    ev = score(
        [
            {"Nr": "1", "Vægt": 10, "Type": "delmål"},
            {"Nr": "1.1", "Under": "1", "Type": "ja/nej", "Resultat": "Ja"},
            {"Nr": "1.2", "Under": "1", "Type": "ja/nej"},
        ]
    )
    assert ev.scorecard.result("1").fulfilment == 50
    ev = score(
        [
            {"Nr": "1", "Vægt": 10, "Type": "delmål"},
            {"Nr": "1.1", "Under": "1", "Type": "ja/nej"},
        ]
    )
    assert ev.scorecard.result("1").status is Status.MISSING


def test_equal_weighting_gives_100_over_n():
    goals = [
        {"Nr": str(i), "Type": "ja/nej", "Resultat": "Ja" if i < 9 else "Nej"} for i in range(12)
    ]
    ev = evaluate(
        workbook(
            goals, plan={"Institution": "Statsforvaltningen", "År": 2017, "Vægtning": "ligelig"}
        )
    )
    card = ev.scorecard
    assert all(g.weight == Fraction(100, 12) for g in card.goals)
    assert card.total_points == 75  # exactly: 9 × 100/12, so a 75 % pay threshold is reached
    assert card.score_pct == 75


MILESTONES = [["Mål", "Milepæl", "Frist", "Leveret", "Vægt", "Rettidig"]]


def test_milestones_weighted_and_on_time():
    # Seed 002 goal 10: 2 + 2 + 1 points, the last delivered late.
    ms = MILESTONES + [
        ["10", "Indkøbsanalyse", "udgangen af 1. kvartal 2024", "15-03-2024", 2],
        ["10", "Indkøbsmål", "udgangen af 2. kvartal 2024", "Ja", 2],
        ["10", "Status", "udgangen af 3. kvartal 2024", "02-10-2024", 1],
    ]
    ev = score([{"Nr": "10", "Vægt": 5, "Type": "milepæle"}], Milepæle=ms)
    r = ev.scorecard.result("10")
    assert (r.fulfilment, r.points) == (80, 4)
    assert r.explanation == (
        "2 af 3 milepæle nået rettidigt (vægt 4 af 5) → delvist opfyldt (80 %): 4 af 5 point"
    )
    rettidig = {u.cell: u.value for u in ev.updates if u.sheet == "Milepæle"}
    assert rettidig == {"F2": "Ja", "F3": "Ja", "F4": "Nej"}


def test_a_milestone_goal_without_any_delivery_names_its_leveret_cells():
    # Seed 004's goals with one milestone each: emptied Leveret leaves the goal without a
    # result; the goal's warning says where the result goes in (first five cells, then a count).
    ms = MILESTONES + [["1.5", "Idékatalog", "senest 1. april 2017", None, None]]
    ms += [["2", f"M{i}", "30-06-2017", None, None] for i in range(7)]
    ms += [["3", "Rapport", "30-06-2017", "15-06-2017", None]]
    goals = [{"Nr": n, "Vægt": 10, "Type": "milepæle"} for n in ("1.5", "2", "3")]
    ev = evaluate(workbook(goals, Milepæle=ms))
    missing = {i.cell: i.message for i in ev.issues if "mangler resultat" in i.message}
    assert missing == {
        "R2": "Mål 1.5 mangler resultat og giver 0 point (intet i Leveret: Milepæle!D2).",
        "R3": "Mål 2 mangler resultat og giver 0 point (intet i Leveret: "
        "Milepæle!D3, D4, D5, D6, D7 og 2 til).",
    }


def test_milestones_all_and_a_vague_deadline_is_an_error():
    ms = MILESTONES + [
        ["7", "A", "Fortløbende", "Ja", None],
        ["7", "B", "Efterår 2025", "01-10-2025", None],
    ]
    ev = evaluate(
        workbook([{"Nr": "7", "Vægt": 5, "Type": "milepæle", "Samling": "alle"}], Milepæle=ms)
    )
    # A deadline that names no day is never read as "late": the run stops and asks for a date.
    vague = [i for i in ev.issues if i.sheet == "Milepæle"]
    assert [(i.cell, i.severity) for i in vague] == [("C3", "error")]
    assert vague[0].message == (
        "Frist for B (mål 7): 'Efterår 2025' er ikke en dato. Skriv en dato, fx 30-11-2025."
    )
    assert ev.scorecard is None and ev.updates == ()
    ms[-1][2] = "30-11-2025"
    ev = score([{"Nr": "7", "Vægt": 5, "Type": "milepæle", "Samling": "alle"}], Milepæle=ms)
    assert ev.scorecard.result("7").fulfilment == 100


CASES = [["Mål", "Sag", "Modtaget", "Afgjort", "Lokation", "Medtages", "Dage"]]


def test_share_within_days_exact_boundary():
    rows = CASES + [
        ["1", f"S{i}", None, None, None, None, d] for i, d in enumerate([10, 20, 31, 32, 40])
    ]
    rows += [["1", "X1", None, None, None, "Nej", 1]]
    r = one(
        {"Type": "mindst", "Målværdi": 60, "Enhed": "%", "Indikator": "andel", "Frist": 31},
        Sagsdata=rows,
    )
    assert r.fulfilment == 100
    assert r.explanation == (
        "60 % ≥ 60 % (5 sager; 1 udeladt efter Medtages = Nej) → opfyldt: 10 af 10 point"
    )


def test_trimmed_average_leaves_out_slowest():
    # 20 cases: 19 of 100 days and one of 500. Udelad 5 % drops ⌊20 × 5 / 100⌋ = 1 case.
    rows = CASES + [["1.2", f"S{i}", None, None, None, None, 100] for i in range(19)]
    rows += [["1.2", "S19", None, None, None, None, 500]]
    goal = {
        "Nr": "1.2",
        "Vægt": 10,
        "Type": "højst",
        "Målværdi": 110,
        "Enhed": "dage",
        "Indikator": "gennemsnit",
        "Udelad": 5,
    }
    r = score([goal], Sagsdata=rows).scorecard.result("1.2")
    assert r.fulfilment == 100
    assert r.explanation == (
        "100 dage ≤ 110 dage (20 sager; de 1 langsomste (5 %) udeladt) → opfyldt: 10 af 10 point"
    )
    r = score([{**goal, "Udelad": None}], Sagsdata=rows).scorecard.result("1.2")
    assert r.fulfilment == 0  # mean 120 days without trimming


def test_average_from_dates_in_months():
    rows = CASES + [["1.3", "S1", "2025-01-01", "2025-07-01", None, None, None]]
    from datetime import date

    rows[1][2], rows[1][3] = date(2025, 1, 1), date(2025, 7, 2)  # 182 days
    r = one(
        {
            "Nr": "1.3",
            "Type": "højst",
            "Målværdi": 6,
            "Enhed": "måneder",
            "Indikator": "gennemsnit",
        },
        Sagsdata=rows,
    )
    assert r.fulfilment == 100  # 182 / 30,4375 = 5,98 måneder


def test_location_weights():
    # Seed 002 goal 4: Valby weighs 50 %, the others 10 % each.
    rows = CASES[:]
    for loc, good in [
        ("Valby", 9),
        ("Aarhus", 10),
        ("Odense", 6),
        ("Aalborg", 10),
        ("Esbjerg", 10),
        ("Sønderborg", 10),
    ]:
        rows += [
            ["4", f"{loc}{i}", None, None, loc, None, 5 if i < good else 15] for i in range(10)
        ]
    r = one(
        {
            "Nr": "4",
            "Type": "mindst",
            "Målværdi": 80,
            "Enhed": "%",
            "Indikator": "andel",
            "Frist": 10,
            "Lokationer": "Valby=50; Aarhus=10; Odense=10; Aalborg=10; Esbjerg=10; Sønderborg=10",
        },
        Sagsdata=rows,
    )
    assert r.fulfilment == 90  # Odense (60 %) misses: 100 − 10
    assert r.explanation.startswith("Vægtet over lokationer: Valby: 90 % ≥ 80 %, vægt 50; ")


def test_every_location_must_hold():
    rows = CASES[:]
    for loc, good in [("Næstved", 10), ("Aalborg", 9), ("Aarhus", 8)]:
        rows += [
            ["1.4", f"{loc}{i}", None, None, loc, None, 5 if i < good else 30] for i in range(10)
        ]
    r = one(
        {
            "Nr": "1.4",
            "Type": "mindst",
            "Målværdi": 90,
            "Enhed": "%",
            "Indikator": "andel",
            "Frist": 21,
            "Lokationer": "alle",
        },
        Sagsdata=rows,
    )
    assert r.fulfilment == 0
    assert "Aarhus: 80 % < 90 %" in r.explanation


def test_deadline_bound_share():
    from datetime import date

    rows = CASES + [
        ["1.1d", "A", None, date(2025, 3, 10), None, None, 5],
        ["1.1d", "B", None, date(2025, 3, 17), None, None, 5],
        ["1.1d", "C", None, date(2025, 3, 18), None, None, 5],
        ["1.1d", "D", None, date(2025, 1, 18), None, None, 5],
    ]
    r = one(
        {
            "Nr": "1.1d",
            "Type": "mindst",
            "Målværdi": 75,
            "Enhed": "%",
            "Indikator": "andel",
            "Frist": "17-03-2025",
        },
        Sagsdata=rows,
    )
    assert r.fulfilment == 100


def test_swedish_workbook_gives_swedish_text():
    goals = [{"Nr": "1", "Vægt": 10, "Type": "minst", "Målværdi": 5, "Resultat": 4}]
    ev = evaluate(
        workbook(goals, plan={"Myndighet": "Migrationsverket", "År": 2008, "Språk": "sv"})
    )
    r = ev.scorecard.result("1")
    assert r.explanation == "4 < 5 → ej uppfyllt: 0 av 10 poäng"
    assert {u.cell: u.value for u in ev.updates}["V2"] == "Ej uppfyllt"


@pytest.mark.parametrize(
    ("indicator", "goal_type", "target", "fulfilment", "shown"),
    [
        # Seed 000 delmål 1: at least 100 returns; counted from case rows (one excluded).
        ("antal", "mindst", 4, 100, "4 ≥ 4"),
        ("median", "højst", 26, 100, "25,5 dage ≤ 26 dage"),  # (20 + 31) / 2
        ("maksimum", "højst", 30, 0, "40 dage > 30 dage"),
    ],
)
def test_count_median_and_maximum_from_cases(indicator, goal_type, target, fulfilment, shown):
    rows = CASES + [
        ["9", f"S{i}", None, None, None, None, d] for i, d in enumerate([5, 20, 31, 40])
    ]
    rows += [["9", "X", None, None, None, "Nej", 99]]
    unit = "" if indicator == "antal" else "dage"
    r = one(
        {"Nr": "9", "Type": goal_type, "Målværdi": target, "Enhed": unit, "Indikator": indicator},
        Sagsdata=rows,
    )
    assert r.fulfilment == fulfilment
    assert r.explanation.startswith(f"{shown} (4 sager; 1 udeladt efter Medtages = Nej)")


def test_infinite_and_nan_results_are_errors_not_crashes():
    from decimal import Decimal

    for value in (Decimal("Infinity"), Decimal("NaN"), float("inf")):
        ev = evaluate(
            workbook(
                [{"Nr": value, "Vægt": 100, "Type": "mindst", "Målværdi": 1, "Resultat": value}]
            )
        )
        assert not ev.ok
        assert ("Mål", "R2") in [(i.sheet, i.cell) for i in ev.issues if i.is_error]


def test_percentile_goal_and_its_explanation():
    # "90 % of the cases decided within 31 days", read as the 90th percentile ≤ 31 days.
    rows = CASES + [["9", f"S{i}", None, None, None, None, d] for i, d in enumerate(range(1, 21))]
    r = one(
        {"Nr": "9", "Type": "højst", "Målværdi": 18, "Enhed": "dage", "Indikator": "P90"},
        Sagsdata=rows,
    )
    assert r.fulfilment == 100  # rank ⌈20 × 0,9⌉ = 18 → 18 days
    assert r.explanation.startswith("18 dage ≤ 18 dage (90-percentilen; 20 sager)")


@pytest.mark.parametrize("text", ["percentil 0", "percentil 101", "percentil"])
def test_percentile_needs_a_number_within_0_and_100(text):
    ev = evaluate(
        workbook([{"Nr": "9", "Vægt": 100, "Type": "højst", "Målværdi": 1, "Indikator": text}])
    )
    assert ("Mål", "N2", "error") in [(i.sheet, i.cell, i.severity) for i in ev.issues]


@pytest.mark.parametrize(
    ("unit", "written"),
    [("%", "88 %"), ("pct.", "88 %"), ("andel", "88 %"), ("uger", "88 uger"), (" dage ", "88 dage")]
    + [("", "88"), ("antal", "88"), ("stk.", "88")],
)
def test_a_typed_number_reads_with_the_unit_show_gives(unit, written):
    from decimal import Decimal

    from calc.scoring import show, with_unit

    assert with_unit("88", unit) == written
    assert show(Decimal(88), unit, "da") == written  # the same words as a computed value
