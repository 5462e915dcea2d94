"""The report's content: every goal once, grouped by Område with delmål under their parent, the
status count of the top-level goals, part 2 = the top-level goals not fully met, pay lines."""

from __future__ import annotations

from fractions import Fraction

import pytest

from calc.engine import FileOptions, evaluate, load_grids
from calc.report.content import (
    Provenance,
    build_report,
    counts_line,
    footer_lines,
    requirement_text,
    rule_part,
    short,
)
from calc.scoring import Status
from tests.calc.test_blocking import with_cell
from tests.conftest import WORKBOOKS

DA = "eksempel-000-hjemrejsestyrelsen-2025.xlsx"
SV = "eksempel-003-migrationsverket-2008.xlsx"
EQUAL = "eksempel-004-statsforvaltningen-2017.xlsx"
SIRI = "eksempel-002-siri-2024.xlsx"
PROV = Provenance("0.1.0", "2026-01-15 09:30", "sha256:" + "a" * 64, "sha256:" + "b" * 64)


def scored(name: str, *cells: tuple[str, int, int, object]):
    grids = load_grids(WORKBOOKS / name, FileOptions())
    for sheet, r, c, value in cells:
        grids = with_cell(grids, sheet, r, c, value)
    ev = evaluate(grids)
    assert ev.ok, ev.issues
    return ev


def report_of(ev, **kw):
    return build_report(ev.plan, ev.scorecard, ev.pay, PROV, made="15-01-2026", **kw)


def _depth_first(plan):
    order = []

    def visit(goal, depth):
        order.append((goal.id, depth))
        for child in plan.children(goal.id):
            visit(child, depth + 1)

    for g in plan.top_level():
        visit(g, 0)
    return order


@pytest.mark.parametrize("name", [DA, SV, EQUAL])
def test_every_goal_once_delmal_right_under_their_parent(name):
    ev = scored(name)
    report = report_of(ev)
    rows = [(g.goal_id, g.depth) for a in report.areas for g in a.goals]
    assert sorted(rows) == sorted(_depth_first(ev.plan))
    assert len(rows) == len(ev.scorecard.goals) == report.goal_count
    # within an Område the order is the plan's, each delmål straight after its parent
    by_area = {a.name: [g.goal_id for g in a.goals] for a in report.areas}
    for area in report.areas:
        for g in area.goals:
            result = ev.scorecard.result(g.goal_id)
            assert g.status is result.status and g.status_text == result.status.label(report.lang)
            goal = ev.plan.goal(g.goal_id)
            if goal.parent is not None:
                ids = by_area[area.name]
                assert ids.index(goal.parent) < ids.index(g.goal_id)


def test_delmal_are_indented_one_level_under_their_parent():
    report = report_of(scored(DA))
    rows = {g.goal_id: g for a in report.areas for g in a.goals}
    assert rows["1.a"].depth == 0 and rows["1.a.1"].depth == 1 and rows["2.4.2"].depth == 1
    ids = [g.goal_id for a in report.areas for g in a.goals]
    assert ids[ids.index("1.a") : ids.index("1.a") + 4] == ["1.a", "1.a.1", "1.a.2", "1.a.3"]


def test_areas_group_the_goals_with_their_points():
    report = report_of(scored(DA))
    assert [a.name for a in report.areas] == ["Faglige mål", "Koncernfælles mål"]
    assert report.areas[1].points == "10,5 / 15" and report.areas[1].score == "70 %"
    # tests/test_examples.py, EX000: 443/6 = 73,83 of 280/3 = 93,33 possible (1.a.2 udgår),
    # 443/560 = 79,1 %
    assert report.total_line == "I alt: 73,83 af 93,33 point (79,1 %)"
    assert report.total_points == "73,83 / 93,33" and report.score == "79,1 %"


def test_the_count_line_counts_top_level_goals_by_status():
    # 000 by hand (tests/test_examples.py, EX000): met 1.a (1.a.2 udgår) 1.b 1.c 1.e 1.f 1.g
    # 1.h 1.2 1.4 2.1 2.3; partly 2.4; not 1.d 1.3 2.2
    ev = scored(DA)
    assert (
        counts_line(ev.scorecard, "da")
        == "Overordnede mål: Opfyldt 11 · Delvist opfyldt 1 · Ikke opfyldt 3 · Mangler resultat 0"
    )
    layout = ev.plan.goals_layout
    row = ev.plan.goal("1.d").row
    missing = scored(DA, (layout.sheet, row, layout.col("result"), None))
    assert counts_line(missing.scorecard, "da").endswith("Ikke opfyldt 2 · Mangler resultat 1")


def test_part_2_has_every_top_level_goal_not_fully_met_in_plan_order():
    ev = scored(DA)
    report = report_of(ev)
    assert [a.goal_id for a in report.analyses] == ["1.d", "1.3", "2.2", "2.4"]
    last = report.analyses[-1]
    assert last.heading.startswith("2.4 Bæredygtighed")
    # 2.4 delmål 3 + 2 point: Ja, Nej → (3 × 100 + 2 × 0) / 5 = 60 % → 3 of 5
    assert last.summary == "Delvist opfyldt (60 %): 3 af 5 point."
    assert last.explanation == ev.scorecard.result("2.4").explanation
    assert [d.split(":")[0] for d in last.details] == ["2.4.1", "2.4.2"]
    assert report.analyses[0].summary == "Ikke opfyldt: 0 af 5 point."  # 1.d: 88 < 90


def test_a_goal_missing_its_result_is_analysed_and_shows_no_result():
    ev = scored(DA)
    layout = ev.plan.goals_layout
    missing = scored(DA, (layout.sheet, ev.plan.goal("1.b").row, layout.col("result"), None))
    report = report_of(missing)
    assert "1.b" in [a.goal_id for a in report.analyses]
    row = next(g for a in report.areas for g in a.goals if g.goal_id == "1.b")
    assert (row.result, row.fulfilment, row.status) == ("–", "–", Status.MISSING)


def test_all_met_leaves_part_2_empty():
    ev = scored(EQUAL)
    card = ev.scorecard
    met = type(card)(
        tuple(
            type(g)(**{**g.__dict__, "status": Status.MET, "fulfilment": Fraction(100)})
            for g in card.goals
        ),
        card.milestones,
        card.total_points,
        card.max_points,
        card.score_pct,
        card.areas,
    )
    report = build_report(ev.plan, met, ev.pay, PROV, made="x")
    assert report.analyses == ()
    assert report.words.analysis_none.startswith("Alle mål er opfyldt")


def test_results_as_measured_with_their_unit():
    ev = scored(DA)
    report = report_of(ev)
    rows = {g.goal_id: g for a in report.areas for g in a.goals}
    assert rows["1.2"].result == "104 dage"  # trimmed mean from Sagsdata, in Enhed dage
    assert rows["1.c"].result == "85,1 %"  # share within the Frist: 40/47 (EX000)
    assert rows["1.a.3"].result == "181"  # a count: no unit word
    assert rows["1.a.2"].result == "–"  # udgår (Forudsætning opfyldt = Nej): no result
    assert rows["1.a"].result == "2 af 3 delmål opfyldt"
    # 1.4 milepæle: selected 12-06-2025 ≤ 30-06 (Q2), measured 26-09-2025 ≤ 30-09 (Q3)
    assert rows["1.4"].result == "2 af 2 milepæle nået rettidigt"
    assert rows["2.2"].result == "Nej"  # the departement's assessment: Ikke opfyldt
    # an assessment (`vurdering`) shows its words as written, with its level
    layout = ev.plan.goals_layout
    row = ev.plan.goal("2.2").row
    graded = scored(
        DA,
        (layout.sheet, row, layout.col("type"), "vurdering"),
        (layout.sheet, row, layout.col("result"), "delvist"),
    )
    rows = {g.goal_id: g for a in report_of(graded).areas for g in a.goals}
    assert rows["2.2"].result == "delvist (50 %)"
    typed = scored(
        DA,
        (layout.sheet, row, layout.col("type"), "vurdering"),
        (layout.sheet, row, layout.col("result"), 75),
    )
    rows = {g.goal_id: g for a in report_of(typed).areas for g in a.goals}
    assert rows["2.2"].result == "75 %"  # an assessment typed as a number: shown once
    siri = {g.goal_id: g.result for a in report_of(scored(SIRI)).areas for g in a.goals}
    # each location's days with ≤ 10 days' wait of 254 working days (EX002): 223/254, 213/254,
    # 194/254, 208/254, 199/254, 254/254 (the goal pools them: Lokationsberegning samlet)
    assert siri["4"] == (
        "Valby 87,8 %; Aarhus 83,9 %; Odense 76,4 %; Aalborg 81,9 %; Esbjerg 78,3 %; "
        "Sønderborg 100 %"
    )
    sv = report_of(scored(SV))
    first = sv.areas[0].goals[0]
    # 003 goal 1: 14 activities, 3 late (tests/test_examples.py, EX003)
    assert first.result == "11 av 14 aktiviteter klara i tid"


def test_requirement_from_the_rule_when_the_cell_is_empty():
    ev = scored(DA)
    layout = ev.plan.goals_layout
    row = ev.plan.goal("1.c").row
    blank = scored(DA, (layout.sheet, row, layout.col("requirement"), None))
    goal = blank.plan.goal("1.c")
    assert requirement_text(goal, "da") == "≥ 85 %"
    line = next(g for a in report_of(blank).areas for g in a.goals if g.goal_id == "1.c")
    assert line.requirement == "≥ 85 %"


def test_pay_lines_unless_left_out_and_none_for_a_plan_without_pay():
    ev = scored(DA)
    with_pay = report_of(ev)
    assert [p.name for p in with_pay.pay] == [p.name for p in ev.pay]
    assert with_pay.pay[0].payout == "140.898 kr."  # 178.110 × 443/560 (EX000)
    assert report_of(ev, with_pay=False).pay == ()
    assert report_of(scored(SV)).pay == ()  # the Swedish norm: no Resultatlön sheet


def test_swedish_words_for_a_swedish_plan():
    report = report_of(scored(SV))
    assert report.title == "Resultatredovisning 2008"
    assert report.words.columns[3] == "Utfall"
    # 003 (tests/test_examples.py, EX003): 3 met; 1, 2, 5, 6 partly; 4 not
    assert report.counts_line.startswith("Övergripande mål: Uppfyllt 1 · Delvis uppfyllt 4")
    # 100/6 × (11/14 + F2/100 + 1 + 0 + 13/15 + 5/6) = 72,11 (Höst 2008 has its day)
    assert report.total_line.startswith("Totalt: 72,11 av 100 poäng")


def test_the_chart_has_one_bar_per_top_level_goal_exactly():
    ev = scored(DA)
    report = report_of(ev)
    top = [g for g in ev.scorecard.goals if g.is_top_level]
    assert [(b.goal_id, b.points, b.possible) for b in report.bars] == [
        (g.goal_id, g.points, g.possible) for g in top
    ]
    # 1.a: 20 points less 1.a.2's 20/3 (udgår) = 40/3 possible, all of it won (EX000); every
    # other goal has at most 10
    assert report.max_possible == Fraction(40, 3)
    assert report.bars[0].label == "13,33 / 13,33"


def test_footer_names_version_time_and_the_stamp():
    assert footer_lines(PROV, "da") == (
        "Målscore 0.1.0 · beregnet 2026-01-15 09:30",
        "Stempel: resultat sha256:bbbbbbbbbbbbbbbb, input sha256:aaaaaaaaaaaaaaaa",
    )
    excel = Provenance("0.1.0", "2026-01-15 09:30", in_excel=True)
    assert footer_lines(excel, "sv") == (
        "Målscore 0.1.0 · beräknad i Excel 2026-01-15 09:30",
        "Utan stämpel (beräknad i Excel)",
    )


def test_short_headings_and_rule_parts():
    assert short("Et kort mål.") == "Et kort mål."
    long = "ord " * 40
    assert len(short(long)) <= 90 and short(long).endswith("ord…")
    assert rule_part("88 % < 90 % → ikke opfyldt: 0 af 5 point") == "88 % < 90 %"
    assert rule_part("uden pil") == "uden pil"


def test_a_goal_its_forudsaetning_took_out_is_counted_apart_and_not_analysed():
    ev = scored(DA)
    layout = ev.plan.goals_layout
    row = ev.plan.goal("1.d").row
    out = scored(
        DA,
        (layout.sheet, row, layout.col("precondition"), "Udrejsecentrene er åbne hele året."),
        (layout.sheet, row, layout.col("precondition_met"), "Nej"),
    )
    assert out.scorecard.result("1.d").status is Status.EXCLUDED
    report = report_of(out)
    assert "1.d" not in [a.goal_id for a in report.analyses]
    assert report.counts_line.endswith("Ikke opfyldt 2 · Mangler resultat 0 · Udgår 1")
    row = next(g for a in report.areas for g in a.goals if g.goal_id == "1.d")
    assert (row.points, row.fulfilment, row.status_text) == ("–", "–", "Udgår")
    bar = next(b for b in report.bars if b.goal_id == "1.d")
    assert (bar.possible, bar.label) == (0, "Udgår")
    # EX000 less 1.d's 5 possible points: 443/6 = 73,83 of 280/3 − 5 = 265/3 = 88,33,
    # (443/6)/(265/3) = 443/530 = 83,58 %
    assert report.total_line == "I alt: 73,83 af 88,33 point (83,6 %)"
    # Faglige mål, 1.a 1.b 1.c 1.e 1.f 1.g 1.h 1.2 1.3 1.4: 40/3 + 10 + 5 + 5 + 5 + 5 + 5 + 10 +
    # 0 + 5 = 190/3 = 63,33 of 85 − 20/3 (1.a.2 udgår) − 5 (1.d) = 220/3 = 73,33
    assert report.areas[0].points == "63,33 / 73,33"
