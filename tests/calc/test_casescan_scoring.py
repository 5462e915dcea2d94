"""A whole plan scored from a case file counted by the engine equals the same plan scored from
the same file read row by row: every indicator (shares by days and by date, trimmed means with
ties at the cut, median, percentiles, maximum, count), per-location weights and `alle`,
exclusions — and the integrity stamp catches any changed case value."""

from __future__ import annotations

import csv
import random
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytest.importorskip("polars")

from calc import check
from calc.engine import FileOptions, evaluate, load_grids, score_file
from calc.grid import CountedSheet
from calc.xlsx import columnar
from tests.casebuild import CASE_HEADER, build_plan


@pytest.fixture(scope="module")
def plan(tmp_path_factory) -> Path:
    return build_plan(tmp_path_factory.mktemp("plan") / "plan.xlsx")


def write_cases(path: Path, rows, encoding: str = "cp1252") -> Path:
    with path.open("w", encoding=encoding, newline="") as fh:
        w = csv.writer(fh, delimiter=";")
        w.writerow(CASE_HEADER)
        w.writerows(rows)
    return path


def case_rows(seed: int, n: int, ties: bool):
    rng = random.Random(seed)
    out = []
    for i in range(n):
        goal = str(rng.randint(1, 9))
        days = rng.choice([3, 10, 10, 10, 31, 32, 45, 46, 70]) if ties else rng.randint(0, 90)
        decided = date(2025, 1, 1) + timedelta(days=rng.randrange(365))
        loc = rng.choice(["Valby", "Aarhus", "Odense", " valby", ""]) if goal in "67" else ""
        given = rng.random() < 0.3
        out.append([
            goal, f"S-{i}", f"{decided - timedelta(days=days):%d-%m-%Y}", f"{decided:%d-%m-%Y}",
            loc, "Nej" if rng.random() < 0.05 else "Ja", f"{days},0" if given else "",
        ])  # fmt: skip
    return out


def results(ev):
    assert ev.scorecard is not None
    return [(g.goal_id, g.fulfilment, g.points, g.explanation) for g in ev.scorecard.goals]


def both(plan: Path, cases: Path):
    opts = FileOptions(sagsdata=cases)
    counted = load_grids(plan, opts)
    assert isinstance(counted.find("Sagsdata"), CountedSheet)
    old = columnar.ENGINE_FROM
    columnar.ENGINE_FROM = 1 << 62
    try:
        listed = load_grids(plan, opts)
    finally:
        columnar.ENGINE_FROM = old
    assert not isinstance(listed.find("Sagsdata"), CountedSheet)
    return evaluate(counted), evaluate(listed)


@pytest.fixture(autouse=True)
def engine_for_every_size(monkeypatch):
    monkeypatch.setattr(columnar, "ENGINE_FROM", 0)


@settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck))
@given(seed=st.integers(0, 10**6), n=st.integers(0, 400), ties=st.booleans())
def test_plan_scored_from_counts_equals_the_row_by_row_path(plan, tmp_path_factory, seed, n, ties):
    columnar.ENGINE_FROM = 0
    cases = write_cases(tmp_path_factory.mktemp("c") / "sager.csv", case_rows(seed, n, ties))
    counted, listed = both(plan, cases)
    assert results(counted) == results(listed)
    assert counted.issues == listed.issues


def test_stamp_catches_any_changed_case_value(plan, tmp_path):
    rows = case_rows(7, 300, True)
    cases = write_cases(tmp_path / "sager.csv", rows)
    out = tmp_path / "ud.xlsx"
    ev = score_file(plan, out, options=FileOptions(sagsdata=cases))
    assert ev.ok
    assert check.check_file(out, cases).ok
    # every column of a row, the Sag number too: a case value is a case value
    for col in range(7):
        changed = [list(r) for r in rows]
        changed[123][col] = changed[123][col] + "1" if changed[123][col] else "1"
        write_cases(cases, changed)
        got = check.check_file(out, cases)
        assert got.status == check.CHANGED, col
        assert any(c.startswith("Sagsdata!") for c in got.changed)
    write_cases(cases, rows)
    assert check.check_file(out, cases).ok


def test_parquet_case_file_scores_like_the_csv(plan, tmp_path):
    import polars as pl

    rows = case_rows(3, 500, True)
    cases = write_cases(tmp_path / "sager.csv", rows, encoding="utf-8-sig")
    parquet = tmp_path / "sager.parquet"
    frame = pl.read_csv(cases, separator=";", infer_schema=False)
    frame.with_columns(
        pl.col("Modtaget").str.to_date("%d-%m-%Y"),
        pl.col("Afgjort").str.to_date("%d-%m-%Y"),
        pl.col("Dage").str.replace(",", ".").cast(pl.Decimal(10, 1)),
    ).write_parquet(parquet)
    from_csv, _ = both(plan, cases)
    from_parquet = evaluate(load_grids(plan, FileOptions(sagsdata=parquet)))
    assert results(from_parquet) == results(from_csv)
    assert from_parquet.issues == from_csv.issues


def test_the_plan_says_which_goals_are_counted_by_decision_date(plan, tmp_path, monkeypatch):
    """Only goal 8 (a share with a Frist that is a date) needs its cases by decision date; the
    engine asks the workbook before it counts. Were it told of no goal, scoring goal 8 from
    counts without dates (or around another day) stops instead of scoring it wrongly."""
    from calc import engine

    assert engine.decided_goals(load_grids(plan, FileOptions())) == {"8": date(2025, 10, 31)}
    cases = write_cases(tmp_path / "sager.csv", case_rows(5, 200, False))
    counted, listed = both(plan, cases)
    assert results(counted) == results(listed)
    grid = load_grids(plan, FileOptions(sagsdata=cases)).find("Sagsdata")
    assert isinstance(grid, CountedSheet)
    by_goal = {c.goal_id: c for c in grid.counted[0]}  # type: ignore[index]
    assert {g for g, c in by_goal.items() if c.decided_counted} == {"8"}
    assert by_goal["8"].decided_around == date(2025, 10, 31)
    for wrong in ({}, {"8": date(2025, 10, 30)}):
        monkeypatch.setattr(engine, "decided_goals", lambda grids, told=wrong: told)
        with pytest.raises(RuntimeError, match="goal 8"):
            evaluate(load_grids(plan, FileOptions(sagsdata=cases)))


def test_an_unreadable_workbook_with_a_case_file_fails_at_once(plan, tmp_path):
    """The case file is opened on another thread, which waits for the workbook's goals; a
    workbook whose sheets cannot be read must release it, not leave `load_grids` waiting."""
    import threading
    import zipfile

    from calc.errors import MaalscoreError

    cases = write_cases(tmp_path / "sager.csv", case_rows(1, 50, False))
    broken = tmp_path / "plan.xlsx"
    with zipfile.ZipFile(plan) as src, zipfile.ZipFile(broken, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename.startswith("xl/worksheets/"):
                data = data[: len(data) // 2]  # every sheet cut off mid-way
            dst.writestr(item, data)
    raised: list[BaseException] = []

    def run() -> None:
        try:
            load_grids(broken, FileOptions(sagsdata=cases))
        except BaseException as exc:
            raised.append(exc)

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(30)
    assert not worker.is_alive()
    assert len(raised) == 1 and isinstance(raised[0], MaalscoreError)


@pytest.mark.parametrize(
    ("frist", "met"),
    [
        (date(2025, 10, 31), 2),  # a date: decided that day or before
        ("senest 31-10-2025", 2),
        ("før 31-10-2025", 1),  # strictly before: the case decided on the day is late
    ],
)
def test_a_frist_date_counts_the_cases_on_the_day_as_the_rows_do(tmp_path, frist, met):
    """Counted before, on and after the Frist date, goal 8 scores as the row-by-row path on
    the edge: one case decided the day before, one on the day, one the day after, one with no
    Afgjort date (Dage given), so 2 of 4 or 1 of 4 in time."""
    from tests.casebuild import GOALS

    goals = [dict(g, Frist=frist) if g["Nr"] == "8" else g for g in GOALS]
    plan = build_plan(tmp_path / "plan.xlsx", goals=goals)
    rows = [
        ["8", f"S-{i}", "01-10-2025", decided, "", "Ja", days]
        for i, (decided, days) in enumerate(
            [("30-10-2025", ""), ("31-10-2025", ""), ("01-11-2025", ""), ("", "5")]
        )
    ]
    counted, listed = both(plan, write_cases(tmp_path / "sager.csv", rows))
    assert results(counted) == results(listed)
    goal = next(g for g in counted.scorecard.goals if g.goal_id == "8")  # type: ignore[union-attr]
    assert goal.explanation.startswith(f"{met * 25} % < 75 % (4 sager")
