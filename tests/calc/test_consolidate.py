"""The consolidation rules: each verdict and the order of the rules, counts of top-level goals,
the exit code, the trend over years, duplicates and the overview's language."""

from __future__ import annotations

from dataclasses import replace
from fractions import Fraction

import pytest

from calc import __version__
from calc.consolidate import (
    EXIT_CODES,
    AgencyRecord,
    Verdict,
    Verification,
    assess,
    consolidate,
    counts,
    failed,
    language,
    verdict_of,
)
from calc.engine import Evaluation, FileOptions, evaluate, load_grids
from calc.errors import ERROR, Issue
from tests.conftest import WORKBOOKS

EX000 = WORKBOOKS / "eksempel-000-hjemrejsestyrelsen-2025.xlsx"
EX003 = WORKBOOKS / "eksempel-003-migrationsverket-2008.xlsx"
STAMPED = Verification(stamped=True, version=__version__, calculated="2026-01-15T09:30:00+01:00")


@pytest.fixture(scope="module")
def ev() -> Evaluation:
    result = evaluate(load_grids(EX000, FileOptions()))
    assert result.ok
    return result


@pytest.fixture(scope="module")
def broken(ev: Evaluation) -> Evaluation:
    return replace(ev, issues=ev.issues + (Issue("Mål", "F3", ERROR, "'tyve' er ikke et tal."),))


def test_approved(ev: Evaluation) -> None:
    verdict, reason, cells = verdict_of(STAMPED, ev)
    assert verdict is Verdict.APPROVED and cells == ()
    assert reason.startswith("Beregnet 15-01-2026 09:30 med Målscore")


@pytest.mark.parametrize(
    ("check", "cells", "words"),
    [
        (replace(STAMPED, edited=("Mål!V3",)), ("Mål!V3",), "Resultater rettet"),
        (replace(STAMPED, changed=("Mål!S4",)), ("Mål!S4",), "Input ændret"),
        (
            replace(STAMPED, changed=("Mål!S4",), edited=("Mål!V3",)),
            ("Mål!S4", "Mål!V3"),
            "Input ændret",
        ),
        (replace(STAMPED, damaged=True, detail="kan ikke afkodes"), (), "beskadiget"),
        (  # issue 10: a lying number format on a result is no approval
            replace(STAMPED, display=('Resultat!B5 (talformatet «"100"»: …)',)),
            ("Resultat!B5",),
            "vises som noget andet end beregnet",
        ),
        (
            replace(Verification(stamped=False, in_excel=True), display=("Mål!V4 (…)",)),
            ("Mål!V4",),
            "Beregnet i Excel (uden stempel), men resultater vises",
        ),
    ],
)
def test_changed(ev: Evaluation, check: Verification, cells: tuple[str, ...], words: str) -> None:
    verdict, reason, named = verdict_of(check, ev)
    assert verdict is Verdict.CHANGED and named == cells and words in reason


def test_edits_come_before_a_disagreeing_calculation(ev: Evaluation) -> None:
    check = replace(STAMPED, edited=("Mål!V3",), differs=("Mål!V3",))
    assert verdict_of(check, ev)[0] is Verdict.CHANGED


def test_differs_names_the_versions(ev: Evaluation) -> None:
    verdict, reason, cells = verdict_of(replace(STAMPED, version="0.0.9", differs=("Mål!V3",)), ev)
    assert verdict is Verdict.DIFFERS and cells == ("Mål!V3",)
    assert "0.0.9" in reason and __version__ in reason
    same = verdict_of(replace(STAMPED, differs=("Mål!V3",)), ev)[1]
    assert "version" not in same


def test_not_calculated(ev: Evaluation) -> None:
    verdict, reason, _ = verdict_of(Verification(stamped=False), ev)
    assert verdict is Verdict.NOT_CALCULATED and "intet Målscore-stempel" in reason
    legacy = verdict_of(Verification(stamped=False, legacy="xls"), ev)
    assert legacy[0] is Verdict.NOT_CALCULATED and ".xls" in legacy[1]


def test_calculated_in_excel(ev: Evaluation) -> None:
    excel = Verification(stamped=False, in_excel=True, version="0.1.0", calculated="2026-01-15")
    verdict, reason, cells = verdict_of(excel, ev)
    assert verdict is Verdict.APPROVED and cells == ()
    assert reason.startswith("Beregnet i Excel 15-01-2026 00:00 med Målscore 0.1.0 (uden stempel)")
    again = verdict_of(replace(excel, stamped=True, changed=("Mål!S4",)), ev)
    assert again[0] is Verdict.APPROVED and "Input ændret siden stemplet: Mål!S4." in again[1]
    differs = verdict_of(replace(excel, differs=("Mål!V3",)), ev)
    assert differs[0] is Verdict.DIFFERS and differs[2] == ("Mål!V3",)


def test_errors_are_fejl_whatever_the_stamp_says(broken: Evaluation) -> None:
    for check in (STAMPED, Verification(stamped=False), replace(STAMPED, differs=("Mål!V3",))):
        verdict, reason, _ = verdict_of(check, broken)
        assert verdict is Verdict.FAILED and "Mål!F3: 'tyve' er ikke et tal." in reason
    verdict, reason, cells = verdict_of(replace(STAMPED, changed=("Mål!S4",)), broken)
    assert verdict is Verdict.FAILED and cells == ("Mål!S4",) and "Mål!S4" in reason


def test_swedish_reasons(ev: Evaluation) -> None:
    sv = evaluate(load_grids(EX003, FileOptions()))
    record = assess("a.xlsx", "/x/a.xlsx", "ab" * 32, replace(STAMPED, edited=("Mål!V3",)), sv)
    assert record.lang == "sv" and record.reason.startswith("Filen är beräknad 2026-01-15 09:30")
    assert Verdict.CHANGED.label("sv") == "ändrad"


def test_counts_are_of_top_level_goals(ev: Evaluation) -> None:
    assert ev.scorecard is not None
    n = counts(ev.scorecard)
    top = [g for g in ev.scorecard.goals if g.is_top_level]
    assert len(top) < len(ev.scorecard.goals)
    assert n.met + n.partly + n.not_met + n.missing == len(top) == 15


def test_record_numbers(ev: Evaluation, broken: Evaluation) -> None:
    record = assess("a.xlsx", "/x/a.xlsx", "00" * 32, STAMPED, ev)
    assert record.score_pct == ev.scorecard.score_pct  # type: ignore[union-attr]
    assert record.payout_total == sum(p.payout for p in ev.pay)
    assert len(record.goals) == len(ev.scorecard.goals)  # type: ignore[union-attr]
    assert [p.name for p in record.pay] == [p.name for p in ev.pay]
    none = assess("b.xlsx", "/x/b.xlsx", "", STAMPED, broken)
    assert none.score_pct is None and none.counts is None and none.goals == ()
    assert none.institution == "Hjemrejsestyrelsen"  # the plan is still named


def _record(inst: str, year: int, score: int, verdict: Verdict = Verdict.APPROVED) -> AgencyRecord:
    return AgencyRecord(
        source=f"{inst}-{year}.xlsx",
        path=f"/ind/{inst}-{year}.xlsx",
        verdict=verdict,
        reason="",
        sha256=f"{inst}{year}",
        institution=inst,
        year=year,
        score_pct=Fraction(score),
    )


def test_exit_code_is_the_highest() -> None:
    assert EXIT_CODES == {
        Verdict.APPROVED: 0,
        Verdict.NOT_CALCULATED: 0,
        Verdict.CHANGED: 1,
        Verdict.DIFFERS: 1,
        Verdict.FAILED: 2,
    }
    ok = [_record("A", 2025, 80), _record("B", 2025, 70, Verdict.NOT_CALCULATED)]
    assert consolidate(ok).exit_code == 0
    assert consolidate([*ok, _record("C", 2025, 1, Verdict.DIFFERS)]).exit_code == 1
    assert consolidate([*ok, _record("C", 2025, 1, Verdict.CHANGED)]).exit_code == 1
    assert consolidate([*ok, failed("x", "/x", "kan ikke læses")]).exit_code == 2
    assert consolidate([]).exit_code == 2  # nothing to consolidate is not a success


def test_trend_over_years() -> None:
    records = [
        _record("Styrelse B", 2024, 60),
        _record("Styrelse A", 2025, 81),
        _record("Styrelse A", 2023, 70),
        _record("Styrelse B", 2025, 55),
        _record("styrelse a", 2024, 75),  # the same institution, written otherwise
    ]
    c = consolidate(records)
    assert c.years == (2023, 2024, 2025)
    assert [r.institution for r in c.trend] == ["Styrelse A", "Styrelse B"]
    a, b = c.trend
    assert a.scores == (70, 75, 81) and a.change == 6
    assert b.scores == (None, 60, 55) and b.change == -5
    assert [r.source for r in c.agencies][:3] == [
        "Styrelse A-2023.xlsx",
        "styrelse a-2024.xlsx",
        "Styrelse A-2025.xlsx",
    ]
    assert consolidate(records[:2]).trend != ()
    assert consolidate([records[1], records[3]]).trend == ()  # one year: no trend
    # an institution whose only workbook failed keeps its (empty) row
    lost = replace(_record("Styrelse C", 2025, 0), score_pct=None, verdict=Verdict.FAILED)
    c = consolidate([*records, lost])
    assert c.trend[-1].institution == "Styrelse C" and c.trend[-1].scores == (None, None, None)


def test_duplicates_are_named() -> None:
    first = _record("A", 2025, 80)
    second = replace(_record("A", 2025, 70), source="post.eml › A.xlsx", sha256="other")
    c = consolidate([first, second])
    (note,) = c.notes
    assert note.message == (
        "A 2025 findes i 2 kilder: A-2025.xlsx, post.eml › A.xlsx (forskellige filer). "
        "Udvikling viser tallene fra A-2025.xlsx."
    )
    assert c.trend == ()
    assert any(p.issue is note for p in c.problems)
    (same,) = consolidate([first, replace(first, source="kopi.xlsx")]).notes
    assert "(samme fil)" in same.message


def test_language_is_the_plans_majority() -> None:
    da, sv = _record("A", 2025, 1), replace(_record("B", 2025, 1), lang="sv")
    assert language([da, sv]) == "da"  # a tie: Danish
    assert language([sv]) == "sv" and language([da, sv, replace(sv, source="c")]) == "sv"
    assert language([failed("x", "/x", "?")]) == "da"


def test_failed_sources_are_problems() -> None:
    c = consolidate([failed("noter.txt", "/ind/noter.txt", "Ikke en projektmappe.")])
    (problem,) = c.problems
    assert problem.source == "noter.txt" and problem.issue.severity == ERROR
    assert c.agencies[0].verdict is Verdict.FAILED
