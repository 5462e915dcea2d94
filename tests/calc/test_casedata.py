"""The column-wise Sagsdata path equals the row-by-row reference exactly, on random data."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from calc.casedata import (
    MAX_ISSUES_PER_COLUMN,
    CaseColumns,
    factorize,
    parse_case_columns,
)
from calc.deadlines import Deadline, Kind
from calc.grid import CaseSheet, ExcelError, SheetGrid
from calc.indicators import DAYS_PER_UNIT, compute_fast, compute_reference
from calc.model import Indicator
from calc.parser import Collector, _parse_cases, _parse_cases_reference

D = Decimal
HEADER = ("Mål", "Sag", "Modtaget", "Afgjort", "Lokation", "Medtages", "Dage")
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# --- indicators ---------------------------------------------------------------------------------

day_values = st.one_of(
    st.integers(min_value=-5, max_value=60).map(D),  # many ties
    st.decimals(min_value=0, max_value=1000, places=3, allow_nan=False, allow_infinity=False),
)
maybe_dates = st.one_of(
    st.none(), st.dates(min_value=date(2024, 1, 1), max_value=date(2025, 12, 31))
)


some_dates = st.dates(min_value=date(2024, 1, 1), max_value=date(2025, 12, 31))
deadlines = st.one_of(
    st.none(),
    st.builds(
        Deadline,
        st.just(Kind.DAYS),
        st.one_of(st.integers(-2, 60).map(D), st.just(D("10.5"))),
        strict=st.booleans(),
    ),
    st.builds(Deadline, st.just(Kind.DATE), on=some_dates, strict=st.booleans()),
    st.builds(
        Deadline,
        st.sampled_from([Kind.WORKDAYS, Kind.MONTHS, Kind.MONTH_END]),
        st.integers(0, 12).map(D),
        strict=st.booleans(),
    ),
)


@FAST
@given(
    cases=st.lists(st.tuples(day_values, maybe_dates, maybe_dates), max_size=60),
    met=st.lists(st.booleans(), max_size=60),
    indicator=st.sampled_from(list(Indicator)),
    deadline=deadlines,
    country=st.sampled_from(["DK", "SE"]),
    trim=st.one_of(
        st.just(D(0)),
        st.integers(0, 99).map(D),
        st.decimals(min_value=0, max_value=D("99.99"), places=2),
    ),
    unit=st.sampled_from([D(1), DAYS_PER_UNIT["uger"], DAYS_PER_UNIT["maaneder"]]),
    percentile=st.one_of(
        st.integers(1, 100).map(D), st.decimals(min_value=D("0.01"), max_value=100, places=2)
    ),
)
def test_fast_indicators_equal_the_reference(
    cases, met, indicator, deadline, country, trim, unit, percentile
):
    ds = tuple(d for d, _, _ in cases)
    dec = tuple(x for _, x, _ in cases)
    rec = tuple(r for _, _, r in cases)
    as_met = tuple((met + [False] * len(cases))[: len(cases)])
    kw = dict(
        deadline=deadline,
        received=rec,
        as_met=as_met,
        country=country,
        trim_pct=trim,
        days_per_unit=unit,
        percentile=percentile,
    )
    assert compute_fast(indicator, ds, dec, **kw) == compute_reference(indicator, ds, dec, **kw)


# --- parsing ------------------------------------------------------------------------------------

goal_cells = st.sampled_from(["1", "1", "2", "2.a", " 2.a ", None, "", D(3), D("3.0"), True])
included_cells = st.sampled_from(
    [
        *(None, "Ja", "Ja", "Nej", "nej", "x", True, False, D(1), D(0), "måske"),
        *(ExcelError("#N/A"), "Som opfyldt", "som opfyldt", "Räknas som uppfyllt", "Opfyldt"),
    ]
)
date_cells = st.one_of(
    st.dates(date(2024, 11, 1), date(2025, 12, 31)),
    st.sampled_from(
        [
            None,
            "17-03-2025",
            "2025-01-05",
            "31-02-2025",
            "Fortløbende",
            "Höst 2025",
            "ukendt",
            D(45000),
            datetime(2025, 3, 1, 12, 30),
            ExcelError("#VALUE!"),
        ]
    ),
)
days_cells = st.one_of(
    st.integers(-3, 40).map(D),  # negative Dage are errors, in both paths alike
    st.sampled_from([None, None, "2,5", "12 dage", "abc", "-", D("1.25"), True, D(1), D(0)]),
    st.sampled_from(["-2", D("-0.5"), D("1e15")]),
)
case_cells = st.sampled_from(["S-1", "S-2", None, D(17), " S-3 "])
location_cells = st.sampled_from([None, "Valby", " valby", "Aarhus", "Århus", D(7)])
rows_strategy = st.lists(
    st.tuples(
        goal_cells, date_cells, date_cells, location_cells, included_cells, days_cells, case_cells
    ),
    max_size=40,
)


def grid_of(rows, *, percent=frozenset(), formulas=frozenset()) -> SheetGrid:
    """Rows (goal, Modtaget, Afgjort, Lokation, Medtages, Dage[, Sag])."""
    body = tuple((r[0], r[6] if len(r) > 6 else "S", r[1], r[2], r[3], r[4], r[5]) for r in rows)
    return SheetGrid("Sagsdata", (HEADER, *body), percent, formulas)


def both(grid: SheetGrid):
    ref, fast = Collector(), Collector()
    expected = _parse_cases_reference(grid, ref)
    from calc.headers import CASE_FIELDS, find_header

    head = find_header(grid, CASE_FIELDS, "goal")
    assert head is not None
    keys = ("goal", "case", "received", "decided", "location", "included", "days")
    table = CaseColumns(
        grid.name,
        1,
        grid.n_rows - 1,
        {k: [r[head.columns[k]] for r in grid.rows[1:]] for k in keys},
        {k: head.columns[k] for k in keys},
        grid.percent,
        grid.formulas,
    )
    got, issues = parse_case_columns(table, "da")
    fast.issues.extend(issues)
    return expected, ref.issues, got, fast.issues


@FAST
@given(rows=rows_strategy, data=st.data())
def test_column_parse_equals_the_row_by_row_reference(rows, data):
    n = len(rows)
    cells = [(r, c) for r in range(1, n + 1) for c in (2, 3, 5, 6)]
    percent = (
        frozenset(data.draw(st.lists(st.sampled_from(cells), max_size=3))) if n else frozenset()
    )
    formulas = (
        frozenset(data.draw(st.lists(st.sampled_from(cells), max_size=3))) if n else frozenset()
    )
    grid = grid_of(rows, percent=percent, formulas=formulas)
    expected, ref_issues, got, issues = both(grid)
    assert got == expected
    # The same problems, cell for cell and in the same order (check by check, row by row).
    assert issues == ref_issues


def test_problems_are_bounded_per_column_and_counted():
    rows = [("1", None, None, None, "Ja", f"bad {i}") for i in range(MAX_ISSUES_PER_COLUMN + 7)]
    _, ref_issues, got, issues = both(grid_of(rows))
    assert issues == ref_issues
    assert len(issues) == MAX_ISSUES_PER_COLUMN + 1
    rest = issues[MAX_ISSUES_PER_COLUMN:]
    assert len(rest) == 1 and rest[0].cell == "G22:G28" and "Yderligere 7 celler" in rest[0].message
    assert rest[0].severity == "error"
    assert got[0].without_days == MAX_ISSUES_PER_COLUMN + 7


def test_cases_without_days_are_named_one_by_one_then_counted():
    rows = [("1", None, None, None, "Ja", None, f"S-{i}") for i in range(MAX_ISSUES_PER_COLUMN + 3)]
    _, ref_issues, got, issues = both(grid_of(rows))
    assert issues == ref_issues and got[0].without_days == MAX_ISSUES_PER_COLUMN + 3
    assert all(i.severity == "warning" for i in issues)
    # No Dage and no dates: named at the empty Dage cell.
    assert issues[0].cell == "G2"
    assert issues[0].message == (
        "Sag S-0 har hverken Dage eller datoer og er ikke medregnet i mål 1."
    )
    assert issues[-1].cell == "G22:G24" and "Yderligere 3 sager" in issues[-1].message


def test_impossible_cases_are_errors_naming_the_cell_in_both_paths():
    rows = [
        ("1", date(2025, 3, 1), date(2025, 2, 1), None, "Ja", None, "S-1"),  # decided first
        ("1", None, None, None, "Ja", D(-3), "S-2"),  # negative Dage
        ("1", date(2025, 3, 1), date(2025, 3, 11), None, "Ja", None, "S-3"),  # 10 days: fine
        ("1", date(2025, 3, 1), None, None, "Ja", None, "S-4"),  # no Afgjort: left out
        ("1", "Fortløbende", date(2025, 3, 1), None, "Ja", None, "S-5"),  # not a day
    ]
    expected, ref_issues, got, issues = both(grid_of(rows))
    assert got == expected and issues == ref_issues
    assert got[0].days == (D(10),) and got[0].without_days == 2
    by_cell = {(i.cell, i.severity): i.message for i in issues}
    assert by_cell[("D2", "error")] == (
        "Sag S-1 er afgjort 01-02-2025, før den blev modtaget 01-03-2025. Ret datoerne."
    )
    assert "Sag S-2 har -3 dage" in by_cell[("G3", "error")]
    assert "Sag S-4 har hverken Dage eller en Afgjort-dato" in by_cell[("D5", "warning")]
    assert "'Fortløbende' er ikke en dato" in by_cell[("C6", "error")]
    assert "Fortløbende hvis" not in by_cell[("C6", "error")]  # no milestone advice for a case
    assert ("C6", "warning") not in by_cell  # the error says it already


def test_impossible_cases_beyond_twenty_are_counted():
    rows = [
        ("1", date(2025, 3, 1), date(2025, 2, 1), None, "Ja", None, f"S-{i}") for i in range(25)
    ]
    _, ref_issues, _, issues = both(grid_of(rows))
    assert issues == ref_issues and len(issues) == MAX_ISSUES_PER_COLUMN + 1
    assert issues[-1].cell == "D22:D26" and "Yderligere 5 sager" in issues[-1].message


def test_exclusions_and_days_from_dates():
    rows = [
        ("1", date(2025, 1, 1), date(2025, 1, 11), "Valby", "Ja", None),  # 10 days from dates
        ("1", None, None, "Valby", "Nej", D(99)),  # excluded
        ("1", None, date(2025, 2, 1), "Aarhus", None, D(5)),  # Dage given
        ("1", None, None, None, "Ja", None),  # no day count
        ("2", date(2025, 1, 1), date(2025, 1, 2), None, "Ja", None),
    ]
    expected, _, got, issues = both(grid_of(rows))
    assert got == expected
    assert [(i.cell, i.severity) for i in issues] == [("G5", "warning")]  # the row without days
    one = got[0]
    assert (one.days, one.excluded, one.without_days) == ((D(10), D(5)), 1, 1)
    assert one.decided == (date(2025, 1, 11), date(2025, 2, 1))
    assert one.location == ("Valby", "Aarhus")
    assert (one.first_row, got[1].first_row) == (1, 5)


def test_a_case_sheet_from_calamine_or_csv_reads_like_the_grid():
    # python-calamine gives floats and '' for empty; a CSV gives text. Both mean the same.
    calamine_rows = [
        list(HEADER),
        ["1", "S1", date(2025, 1, 1), date(2025, 1, 31), "", "Ja", ""],
        [1.0, "S2", "", "", "Valby", "Nej", 4.0],
        ["1", "S3", "", date(2025, 2, 1), "", "", 2.5],
        ["2", "S4", "01-01-2025", "03-01-2025", "", "", ""],
    ]
    columns = tuple(zip(*calamine_rows, strict=True))
    sheet = CaseSheet(
        "Sagsdata", tuple(map(tuple, calamine_rows)), columns=columns, height=5, label="x.csv"
    )
    grid = SheetGrid(
        "Sagsdata",
        (
            HEADER,
            ("1", "S1", date(2025, 1, 1), date(2025, 1, 31), None, "Ja", None),
            (D(1), "S2", None, None, "Valby", "Nej", D(4)),
            ("1", "S3", None, date(2025, 2, 1), None, None, D("2.5")),
            ("2", "S4", "01-01-2025", "03-01-2025", None, None, None),
        ),
    )
    a, b = Collector(), Collector()
    assert _parse_cases(sheet, a) == _parse_cases_reference(grid, b)
    assert a.issues == b.issues == []


def test_factorize_keeps_true_apart_from_one():
    codes, distinct = factorize([True, D(1), 1.0, True, "#N/A", ExcelError("#N/A")])
    assert [type(distinct[c]) for c in codes.tolist()] == [
        bool,
        Decimal,
        float,
        bool,
        str,
        ExcelError,
    ]


def test_large_grid_goes_column_wise_and_agrees():
    rows = [
        (str(i % 7), date(2025, 1, 1), date(2025, 1, 1 + i % 28), "Valby", "Ja", None)
        for i in range(3000)
    ]
    grid = grid_of(rows)
    a, b = Collector(), Collector()
    assert _parse_cases(grid, a) == _parse_cases_reference(grid, b)
