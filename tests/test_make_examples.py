"""The example data and its builder (`workbooks/examples/`, `workbooks/make_examples.py`).

`tests/test_examples.py` rebuilds every workbook the builder writes and compares it byte for
byte with the committed one; here the set of files is pinned (every committed workbook comes
from data), and each case generator is shown to keep the promise its spec states, including
at the deadline itself, and to refuse a spec that cannot keep it.
"""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date

import pytest

from calc.template import MAAL, build_template
from workbooks import make_examples as mx
from workbooks.examples import EXAMPLES
from workbooks.examples.spec import (
    CaseSpec,
    DeadlineCases,
    MeanCases,
    Row,
    ShareCases,
    WeekdayCases,
)

from .conftest import WORKBOOKS


def days_of(row: Row) -> int:
    received, decided = row["Modtaget"], row["Afgjort"]
    assert isinstance(received, date) and isinstance(decided, date)
    return (decided - received).days


def test_every_committed_workbook_is_built_from_data() -> None:
    built = [mx.TEMPLATE, *(example.file for example in EXAMPLES)]
    assert sorted(built) == sorted(p.name for p in WORKBOOKS.glob("*.xlsx"))
    assert [example.number for example in EXAMPLES] == [0, 1, 2, 3, 4]
    for example in EXAMPLES:
        assert example.file.startswith(f"eksempel-{example.number:03d}-")
        assert example.file.endswith(f"-{example.year}.xlsx")


def test_share_cases_counts_the_limit_itself_as_within() -> None:
    # fast = limit: the 7 cases within take exactly 5 days; the 3 late and 2 excluded take 6.
    spec = ShareCases("9", "T", within=7, late=3, limit=5, fast=5, slow=6, excluded=2)
    rows = mx.share_cases(random.Random(0), spec, 2024)
    assert [row["Sag"] for row in rows] == [f"T-2024-{n:04d}" for n in range(1, 13)]
    included = [days_of(row) for row in rows if row["Medtages"] == "Ja"]
    excluded = [days_of(row) for row in rows if row["Medtages"] == "Nej"]
    assert sorted(included) == [5] * 7 + [6] * 3
    assert excluded == [6, 6]
    assert all(date(2024, 1, 2) <= row["Afgjort"] <= date(2024, 12, 19) for row in rows)


def test_mean_cases_average_exactly_without_the_outliers() -> None:
    spec = MeanCases("9", "T", mean=10, kept=5, spread=3, outliers=(20, 30))
    days = sorted(days_of(row) for row in mx.mean_cases(random.Random(0), spec, 2024))
    assert days[-2:] == [20, 30]
    assert sum(days[:-2]) == 50 and days[0] >= 7 and days[4] <= 13


def test_deadline_cases_put_some_on_the_deadline_and_the_rest_before() -> None:
    deadline = date(2025, 3, 17)
    spec = DeadlineCases(
        "9",
        "T",
        deadline=deadline,
        early=4,
        early_from=date(2025, 3, 1),
        early_to=date(2025, 3, 14),
        on_deadline=2,
        after=(date(2025, 3, 18),),
        wait=(1, 3),
    )
    rows = mx.deadline_cases(random.Random(0), spec, 2025)
    decided = [row["Afgjort"] for row in rows]
    assert decided[4:] == [deadline, deadline, date(2025, 3, 18)]
    assert all(date(2025, 3, 1) <= d <= date(2025, 3, 14) for d in decided[:4])
    assert all(1 <= days_of(row) <= 3 for row in rows)


def test_weekday_cases_one_row_per_working_day_and_location() -> None:
    spec = WeekdayCases("9", limit=10, within=(("Sønderborg", 254), ("Valby", 200)))
    rows = mx.weekday_cases(random.Random(0), spec, 2024)
    for location, within in spec.within:
        waits = [row["Dage"] for row in rows if row["Lokation"] == location]
        # 2024: 366 days, 104 of them Saturdays or Sundays, and 8 Danish helligdage on a
        # weekday (1/1, 28/3, 29/3, 1/4, 9/5, 20/5, 25/12, 26/12): 366 − 104 − 8 = 254
        assert len(waits) == 254
        assert sum(1 for w in waits if w <= 10) == within
    assert rows[0]["Sag"] == "SOEN-20240102"  # Sønderborg: "SØN", Ø spelt OE; 1/1 is a holiday
    # 2025 in Sweden: 261 weekdays less the 12 holidays on weekdays (1/1, 6/1, 18/4, 21/4, 1/5,
    # 29/5, 6/6, 20/6 midsommarafton, 24/12, 25/12, 26/12, 31/12) = 249
    swedish = WeekdayCases("9", 1, (("X", 0),), country="SE")
    assert len(mx.weekday_cases(random.Random(0), swedish, 2025)) == 249


DEADLINE = DeadlineCases(
    "7.5",
    "T",
    deadline=date(2025, 3, 17),
    early=1,
    early_from=date(2025, 3, 1),
    early_to=date(2025, 3, 14),
    on_deadline=0,
    after=(),
    wait=(1, 2),
)


@pytest.mark.parametrize(
    "spec",
    [
        ShareCases("7.1", "T", within=3, late=1, limit=5, fast=6),
        ShareCases("7.2", "T", within=3, late=1, limit=5, slow=5),
        # the slowest kept case takes 10 + k ≥ 11 days, so an outlier of 11 is not slower
        MeanCases("7.3", "T", mean=10, kept=4, spread=3, outliers=(11,)),
        MeanCases("7.4", "T", mean=2, kept=4, spread=3, outliers=(9,)),
        replace(DEADLINE, early_to=date(2025, 3, 18)),
        replace(DEADLINE, goal="7.6", after=(date(2025, 3, 17),)),
        WeekdayCases("7.7", limit=10, within=(("Valby", 263),)),
    ],
    ids=lambda spec: spec.goal,
)
def test_a_spec_that_cannot_keep_its_promise_is_refused(spec: CaseSpec) -> None:
    with pytest.raises(mx.BrokenPromise, match=f"goal {spec.goal}:"):
        mx.case_rows(random.Random(0), spec, 2024)


def test_an_unknown_column_in_a_row_is_refused() -> None:
    wb = build_template(2025, "Test")
    with pytest.raises(KeyError, match="Maalvaerdi"):
        mx.write_rows(wb["Mål"], MAAL, [{"Nr": "1", "Maalvaerdi": 3}])
