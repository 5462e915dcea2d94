"""Indicators on small data, against values worked out by hand from the seed plans' definitions.

Each case runs through both the reference (`compute_reference`) and the histogram path
(`indicators.compute_fast`) that `compute` uses from `FAST_FROM` cases on.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest

from calc.deadlines import parse_deadline
from calc.indicators import (
    DAYS_PER_UNIT,
    FAST_FROM,
    compute,
    compute_fast,
    compute_reference,
    trimmed_count,
)
from calc.model import GoalCases, Indicator
from calc.parser import parse_plan
from calc.xlsx.reader import read_workbook

D = Decimal
WORKBOOKS = Path(__file__).resolve().parents[2] / "workbooks"
BOTH = pytest.mark.parametrize("fn", [compute_reference, compute_fast], ids=["reference", "fast"])


def days(*xs: int | str) -> tuple[Decimal, ...]:
    return tuple(D(x) for x in xs)


@BOTH
def test_share_within_n_days_counts_the_boundary(fn):
    # "85 % decided within 31 days" (Frist 31): a case of exactly 31 days counts.
    iv = fn(Indicator.SHARE, days(10, 20, 31, 32, 40), deadline=parse_deadline(31))
    assert iv.value == 60 and iv.n_cases == 5


@BOTH
def test_share_under_n_days_is_strict(fn):
    # `under 31 dage`: the case of exactly 31 days is late, 30 is not: 2 of 5.
    iv = fn(Indicator.SHARE, days(10, 30, 31, 32, 40), deadline=parse_deadline("under 31 dage"))
    assert iv.value == 40


@BOTH
def test_share_by_date_inclusive_and_strict(fn):
    # Seed 001, 1.1d: `senest 17-03-2025` counts the 17th, `før 17-03-2025` does not; a case
    # with no decision date never counts.
    decided = (date(2025, 3, 17), date(2025, 3, 16), date(2025, 3, 18), None)
    on_or_before = fn(
        Indicator.SHARE, days(1, 1, 1, 1), decided, deadline=parse_deadline("senest 17-03-2025")
    )
    assert on_or_before.value == 50  # 17th and 16th of 4
    before = fn(
        Indicator.SHARE, days(1, 1, 1, 1), decided, deadline=parse_deadline("før 17-03-2025")
    )
    assert before.value == 25  # only the 16th
    assert (
        fn(
            Indicator.SHARE, days(1, 1, 1, 1), decided, deadline=parse_deadline(date(2025, 3, 17))
        ).value
        == 50
    )  # a bare date is inclusive


@BOTH
def test_share_in_working_days_needs_both_dates(fn):
    # Danish 2025: received Wednesday 16 April, decided Tuesday 22 April = 1 working day
    # (skærtorsdag 17, langfredag 18, weekend, 2. påskedag 21 April are out); decided
    # Wednesday 23 April = 2; a case without Modtaget cannot be measured (undated).
    received = (date(2025, 4, 16), date(2025, 4, 16), None)
    decided = (date(2025, 4, 22), date(2025, 4, 23), date(2025, 4, 23))
    iv = fn(
        Indicator.SHARE,
        days(6, 7, 0),
        decided,
        received=received,
        deadline=parse_deadline("under 2 arbejdsdage"),
    )
    assert (iv.value, iv.n_cases, iv.n_undated) == (50, 2, 1)


@BOTH
def test_share_in_calendar_months_and_following_month(fn):
    # `2 måneder`: received 31-12-2024 → limit 28-02-2025 (no 31 February); `følgende måned`:
    # received in December → reported by 31 January.
    received = (date(2024, 12, 31), date(2024, 12, 31), date(2024, 12, 5))
    decided = (date(2025, 2, 28), date(2025, 3, 1), date(2025, 1, 31))
    months = fn(
        Indicator.SHARE, days(0, 0, 0), decided, received=received,
        deadline=parse_deadline("2 måneder"),
    )  # fmt: skip
    assert months.value == Fraction(200, 3)  # 28-02 and 31-01 are within, 01-03 is not
    following = fn(
        Indicator.SHARE, days(0, 0, 0), decided, received=received,
        deadline=parse_deadline("følgende måned"),
    )  # fmt: skip
    assert following.value == Fraction(100, 3)  # only the December 5 case by 31-01


@BOTH
def test_som_opfyldt_counts_as_within_not_as_left_out(fn):
    # Seed 000, 1.c: 3 cases within 7 days, 1 late, 1 "lovligt forfald" (Som opfyldt, 12 days):
    # 4 of 5 = 80 %; leaving it out instead would give 3 of 4 = 75 %.
    iv = fn(
        Indicator.SHARE,
        days(2, 5, 7, 9, 12),
        as_met=(False, False, False, False, True),
        deadline=parse_deadline(7),
    )
    assert (iv.value, iv.n_cases, iv.n_as_met) == (80, 5, 1)


@pytest.mark.parametrize(
    ("n", "pct", "k"),
    [
        (100, "5", 5),  # seed 000, 1.2: 100 cases, the 5 slowest left out
        (60, "5", 3),  # seed 000, 1.3: ⌊60 × 5 / 100⌋ = 3
        (50, "10", 5),  # seed 001, 1.1c: ⌊50 × 10 / 100⌋ = 5
        (59, "5", 2),  # ⌊2,95⌋ = 2: rounded down, so at least 95 % are kept
        (19, "5", 0),  # ⌊0,95⌋ = 0
        (20, "4.9", 0),  # ⌊0,98⌋ = 0
        (10, "99.9", 9),  # at least one case is always kept
        (7, "0", 0),
    ],
)
def test_trimmed_count_rounds_down(n, pct, k):
    assert trimmed_count(n, D(pct)) == k


@BOTH
def test_trimmed_average_leaves_out_the_slowest(fn):
    # Seed 000, 1.3 in small: 57 cases averaging exactly 200, three outliers 480, 530, 610.
    kept = [200 - k for k in range(1, 29)] + [200 + k for k in range(1, 29)] + [200]
    iv = fn(Indicator.MEAN, days(*kept, 610, 480, 530), trim_pct=D(5))
    assert (iv.value, iv.n_cases, iv.n_trimmed) == (200, 57, 3)


@BOTH
def test_trimmed_average_with_ties_at_the_cut(fn):
    # Which of several equal day counts is dropped cannot change the mean.
    iv = fn(Indicator.MEAN, days(10, 30, 30, 30), trim_pct=D(50))
    assert (iv.value, iv.n_cases, iv.n_trimmed) == (20, 2, 2)


@BOTH
def test_average_is_exact_and_converts_units(fn):
    iv = fn(Indicator.MEAN, days(1, 2, 2))
    assert iv.value == Fraction(5, 3)  # not 1.6666…
    weeks = fn(Indicator.MEAN, days(7, 21), days_per_unit=DAYS_PER_UNIT["uger"])
    assert weeks.value == 2
    months = fn(Indicator.MEAN, days("30.4375", "60.875"), days_per_unit=DAYS_PER_UNIT["maaneder"])
    assert months.value == Fraction(3, 2)


@BOTH
def test_median_maximum_count(fn):
    assert fn(Indicator.MEDIAN, days(5, 1, 9)).value == 5
    assert fn(Indicator.MEDIAN, days(4, 1, 9, 2)).value == 3  # (2 + 4) / 2
    assert fn(Indicator.MEDIAN, days("1.5", "2")).value == Fraction(7, 4)
    assert fn(Indicator.MAXIMUM, days(4, 40, 9)).value == 40
    assert fn(Indicator.COUNT, days(4, 40, 9)).value == 3


@BOTH
def test_no_cases(fn):
    for ind in (Indicator.SHARE, Indicator.MEAN, Indicator.MEDIAN, Indicator.MAXIMUM):
        assert fn(ind, (), deadline=parse_deadline(1)).value is None
    assert fn(Indicator.COUNT, ()).value == 0


def test_compute_switches_to_the_histogram_for_many_cases():
    many = days(*([3] * (FAST_FROM - 1)), 400)
    assert compute(Indicator.MEAN, many, trim_pct=D("0.1")) == compute_reference(
        Indicator.MEAN, many, trim_pct=D("0.1")
    )


def test_location_split_matches_a_row_by_row_split():
    cases = GoalCases(
        "7",
        days(1, 2, 3, 4, 5),
        (None,) * 5,
        ("Valby", "Aarhus", " valby", "Århus", "Valby "),
    )
    assert cases.location_keys() == {"valby", "aarhus", "arhus"}
    valby = cases.at_location("valby")
    assert (valby.days, valby.decided, valby.location) == (
        days(1, 3, 5),
        (None, None, None),
        ("Valby", " valby", "Valby "),
    )
    assert cases.at_location("aarhus").days == days(2)
    assert cases.at_location("odense").days == ()


@pytest.mark.parametrize(
    ("file", "goal", "n", "excluded", "value"),
    [
        # Seed 000, 1.c: 41 dated cases with 34 within 7 days, plus 6 Som opfyldt (lovligt
        # forfald) that count as within: 40 / 47; 4 left out by Medtages = Nej.
        ("eksempel-000-hjemrejsestyrelsen-2025.xlsx", "1.c", 47, 4, Fraction(4000, 47)),
        # Seed 000, 1.2: the 95 fastest of 100 cases average exactly 104 days.
        ("eksempel-000-hjemrejsestyrelsen-2025.xlsx", "1.2", 100, 0, Fraction(104)),
        # Seed 001, 1.1a: 74 of 80 included within 30 days = 92,5 %; 5 excluded.
        ("eksempel-001-udlaendingestyrelsen-2025.xlsx", "1.1a", 80, 5, Fraction(185, 2)),
        # Seed 002, 2: 153 of 200 within 31 days = 76,5 %.
        ("eksempel-002-siri-2024.xlsx", "2", 200, 0, Fraction(153, 2)),
    ],
)
def test_seed_plans_from_their_sagsdata(file, goal, n, excluded, value):
    plan, _ = parse_plan(read_workbook(WORKBOOKS / file))
    assert plan is not None
    g = plan.goal(goal)
    cases = plan.cases_for(goal)
    assert g is not None and g.indicator is not None and cases is not None
    assert (len(cases.days), cases.excluded) == (n, excluded)
    for fn in (compute_reference, compute_fast):
        iv = fn(
            g.indicator,
            cases.days,
            cases.decided,
            deadline=g.deadline,
            received=cases.received,
            as_met=cases.as_met,
            trim_pct=g.trim_pct,
        )
        assert iv.value == value


@pytest.mark.parametrize(
    ("percentile", "expected"),
    [
        # 4 cases sorted: 5, 20, 31, 40. Nearest rank r = ⌈4 × N / 100⌉.
        ("90", 40),  # r = ⌈3,6⌉ = 4
        ("75", 31),  # r = 3
        ("50", 20),  # r = 2 (nearest rank, not the median's mean of 20 and 31)
        ("25", 5),  # r = 1
        ("0.5", 5),  # r = ⌈0,02⌉ = 1
        ("100", 40),
    ],
)
def test_percentile_is_nearest_rank(percentile, expected):
    days = [D(40), D(5), D(31), D(20)]
    for impl in (compute_reference, compute_fast):
        iv = impl(Indicator.PERCENTILE, days, percentile=D(percentile))
        assert iv.value == expected and iv.n_cases == 4
