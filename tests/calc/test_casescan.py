"""Case files counted by the columnar engine (Polars) equal the row-by-row reference exactly.

Random case tables are written as real files the way agencies export them (`;`, decimal comma,
`17-03-2025`, Windows-1252 or UTF-8 with BOM, a title line above the header, Parquet with typed
or text columns) and read both ways: the row-by-row reference (`bulk.read_csv_cases` + the
parser) and the engine (`casescan.read_case_table`), through both of its paths (the one-scan
path with the engine's own date parse, and the codebook path). Cases, counts, exclusions, the
first row of each goal and every issue (file, cell, message; first 20 per column, then
counted) must be identical.
"""

from __future__ import annotations

import csv
from collections import Counter
from contextlib import contextmanager
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pl = pytest.importorskip("polars")

from calc import casescan  # noqa: E402
from calc.casedata import MAX_ISSUES_PER_COLUMN  # noqa: E402
from calc.errors import Issue  # noqa: E402
from calc.grid import CountedSheet  # noqa: E402
from calc.model import GoalCases  # noqa: E402
from calc.parser import Collector, _parse_cases, _parse_cases_reference  # noqa: E402
from calc.xlsx import bulk  # noqa: E402

D = Decimal
HEADER = ["Mål", "Sag", "Modtaget", "Afgjort", "Lokation", "Medtages", "Dage"]
SETTINGS = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

goal_texts = st.sampled_from(["1", "1", "2", "2.a", " 2.a ", "", "3", "Ø7"])
included_texts = st.sampled_from(["", "Ja", "Ja", "Ja", "Nej", "nej", "x", "måske"])
date_texts = st.one_of(
    st.dates(date(2024, 11, 1), date(2025, 12, 31)).map(lambda d: f"{d:%d-%m-%Y}"),
    st.sampled_from(
        ["", "", "2025-01-05", "17. marts 2025", "31-02-2025", "ukendt", " 03-04-2025", "Q3 2025"]
    ),
)
iso_dates = st.dates(date(2024, 11, 1), date(2025, 12, 31)).map(lambda d: d.isoformat())
days_texts = st.one_of(
    st.integers(-3, 40).map(str),  # negative Dage: an error at the cell, as in the reference
    st.sampled_from(["", "", "", "2,5", "2,50", "1.000", "12 dage", "abc", "-", " 7", "0"]),
)
location_texts = st.sampled_from(["", "Valby", " valby", "Aarhus", "Århus", "Øst–Vest"])
row = st.tuples(goal_texts, date_texts, date_texts, location_texts, included_texts, days_texts)
clean_row = st.tuples(
    st.sampled_from(["1", "2", "2.a"]),
    st.dates(date(2025, 1, 1), date(2025, 6, 30)).map(lambda d: f"{d:%d-%m-%Y}"),
    st.dates(date(2025, 7, 1), date(2025, 12, 31)).map(lambda d: f"{d:%d-%m-%Y}"),
    st.sampled_from(["", "Valby", "Aarhus", "Århus"]),
    st.sampled_from(["Ja", "Ja", "Nej", ""]),
    st.one_of(st.just(""), st.integers(0, 60).map(str)),
)


def write_csv(path: Path, rows, *, encoding: str, title: bool, delimiter: str = ";") -> Path:
    with path.open("w", encoding=encoding, errors="replace", newline="") as fh:
        w = csv.writer(fh, delimiter=delimiter)
        if title:
            w.writerow(["Sagsudtræk 2025 – Styrelsen"])
            w.writerow([])
        w.writerow(HEADER)
        for i, (g, rec, dec, loc, inc, d) in enumerate(rows):
            w.writerow([g, f"S-{i}", rec, dec, loc, inc, d])
    return path


def reference(path: Path, lang: str = "da"):
    """The row-by-row reference: cases and issues (issues through the capped column path,
    which test_casedata holds equal to the reference's issues)."""
    with mock.patch.object(bulk, "numpy_available", lambda: False):
        plain = bulk.read_csv_cases(path, path.name)
    ref = Collector()
    cases = _parse_cases_reference(plain, ref) if plain.n_rows else []
    capped = Collector()
    capped.lang = lang
    _parse_cases(bulk.read_csv_cases(path, "Sagsdata"), capped)
    return cases, capped.issues


@contextmanager
def codebook_path():
    with mock.patch.object(casescan, "_one_pass", lambda *a, **k: None):
        yield


def engine(
    path: Path, *, one_pass: bool = True, lang: str = "da", dated: dict[str, date] | None = None
):
    """The engine's cases and issues; `dated`: the goals it is told to count by decision date,
    with their Frist dates (None: every goal, day by day)."""
    if one_pass:
        grid = casescan.read_case_table(path, "Sagsdata", lambda: dated)
    else:
        with codebook_path():
            grid = casescan.read_case_table(path, "Sagsdata", lambda: dated)
    assert isinstance(grid, CountedSheet)
    cases, _ = grid.counted  # type: ignore[misc]
    out = Collector(lang=lang)  # the issues as the parser reports them: header, then counts
    assert _parse_cases(grid, out) == cases
    return cases, out.issues


def summary(cases: list[GoalCases]):
    """Each goal as plain comparable data: per-case tuples and counts give the same."""
    out = []
    for c in cases:
        days: Counter[tuple[str, Decimal]] = Counter()
        decided: Counter[tuple[str, date | None]] = Counter()
        for loc, d, dec in zip(c.location, c.days, c.decided, strict=True):
            days[loc, d] += 1
            decided[loc, dec] += 1
        for cc in c.counts:
            for d, n in cc.days:
                days[cc.location, d] += n
            for dec, n in cc.decided:
                decided[cc.location, dec] += n
        out.append((c.goal_id, c.excluded, c.without_days, c.first_row, days, decided))
    return out


def assert_same(path: Path) -> None:
    ref_cases, ref_issues = reference(path)
    for one_pass in (True, False):
        cases, issues = engine(path, one_pass=one_pass)
        assert summary(cases) == summary(ref_cases), one_pass
        assert list(issues) == list(ref_issues), one_pass
    _, swedish = reference(path, "sv")
    assert engine(path, lang="sv")[1] == swedish


@SETTINGS
@given(
    rows=st.lists(row, max_size=45),
    encoding=st.sampled_from(["utf-8-sig", "cp1252", "utf-8"]),
    title=st.booleans(),
)
def test_engine_equals_the_reference_on_messy_csv(tmp_path_factory, rows, encoding, title):
    path = write_csv(
        tmp_path_factory.mktemp("c") / "sager.csv", rows, encoding=encoding, title=title
    )
    assert_same(path)


@SETTINGS
@given(
    rows=st.lists(clean_row, min_size=1, max_size=60),
    encoding=st.sampled_from(["utf-8-sig", "cp1252"]),
)
def test_engine_equals_the_reference_on_clean_exports(tmp_path_factory, rows, encoding):
    """Clean data takes the one-scan path; it must give exactly the codebook path's result."""
    path = write_csv(
        tmp_path_factory.mktemp("c") / "sager.csv", rows, encoding=encoding, title=False
    )
    assert_same(path)


def test_clean_export_takes_the_one_scan_path(tmp_path):
    rows = [("1", "02-01-2025", "17-03-2025", "Valby", "Ja", ""), ("1", "", "", "", "Nej", "4")]
    path = write_csv(tmp_path / "sager.csv", rows, encoding="utf-8-sig", title=False)
    with mock.patch.object(casescan, "_counts", side_effect=AssertionError("codebook path")):
        cases, issues = engine(path)
    assert issues == []
    (goal,) = cases
    assert (goal.excluded, goal.without_days, goal.first_row) == (1, 0, 1)
    assert goal.counts[0].days == ((D(74), 1),)
    assert goal.counts[0].decided == ((date(2025, 3, 17), 1),)


def test_bad_cells_are_named_one_by_one_then_counted(tmp_path):
    rows = [("1", "01-01-2025", "05-01-2025", "", "Ja", "x") for _ in range(30)]
    rows += [("1", "01-01-2025", "05-01-2025", "", "Ja", "3")]
    path = write_csv(tmp_path / "sager.csv", rows, encoding="cp1252", title=True)
    _, issues = engine(path)
    cells = [i.cell for i in issues]
    # title line, blank line, header: data starts on row 4 (G4)
    assert cells[:MAX_ISSUES_PER_COLUMN] == [f"G{r}" for r in range(4, 4 + MAX_ISSUES_PER_COLUMN)]
    assert cells[MAX_ISSUES_PER_COLUMN] == "G24:G33"
    assert "Yderligere 10 celler" in issues[-1].message
    assert {i.sheet for i in issues} == {"sager.csv"}
    assert_same(path)


def test_windows_1252_text_is_read_as_windows_1252(tmp_path):
    """Bytes 0x80–0x9F are Windows-1252 letters (€, –, “), not Latin-1 control characters."""
    rows = [("1", "", "", "Øst–Vest “A”", "Ja", "5"), ("1", "", "", "Øst–Vest “A”", "Ja", "7")]
    path = write_csv(tmp_path / "sager.csv", rows, encoding="cp1252", title=False)
    assert b"\x96" in path.read_bytes()
    cases, _ = engine(path)
    assert cases[0].counts[0].location == "Øst–Vest “A”"
    assert_same(path)


def test_tab_separated_and_comma_separated(tmp_path):
    rows = [("1", "02-01-2025", "17-03-2025", "Valby", "Ja", "2.5"), ("2", "", "", "", "Ja", "3")]
    for delim, name in (("\t", "sager.tsv"), (",", "sager.txt")):
        path = write_csv(tmp_path / name, rows, encoding="utf-8", title=False, delimiter=delim)
        assert_same(path)


def test_quoted_line_breaks_and_ragged_rows_keep_excel_row_numbers(tmp_path):
    path = tmp_path / "sager.csv"
    path.write_text(
        "Mål;Sag;Modtaget;Afgjort;Lokation;Medtages;Dage\n"
        '1;"to\nlinjer";;;;Ja;3\n'
        "\n"
        "1;S;;;;Ja;abc;ekstra;felter\n"
        "1\n"
        "1;S;;;;Ja;def\n",
        encoding="utf-8",
    )
    _, issues = engine(path)
    # Values beyond the header (H4, I4) are not read: said per column, at H1 and I1. Dage
    # 'abc' and 'def' are errors; the row with only a goal is a case without days.
    assert [(i.cell, i.severity) for i in issues] == [
        ("H1", "warning"),
        ("I1", "warning"),
        ("G4", "error"),
        ("G6", "error"),
        ("G5", "warning"),
    ]
    assert_same(path)


# --- Parquet -------------------------------------------------------------------------------------


def _typed_frame(rows):
    def d(text: str) -> date | None:
        return date(int(text[6:]), int(text[3:5]), int(text[:2])) if text else None

    return pl.DataFrame(
        {
            "Mål": [r[0] for r in rows],
            "Sag": [f"S-{i}" for i in range(len(rows))],
            "Modtaget": [d(r[1]) for r in rows],
            "Afgjort": [d(r[2]) for r in rows],
            "Lokation": [r[3] or None for r in rows],
            "Medtages": [r[4] or None for r in rows],
            "Dage": [int(r[5]) if r[5] else None for r in rows],
        },
        schema_overrides={"Modtaget": pl.Date, "Afgjort": pl.Date, "Dage": pl.Int64},
    )


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows=st.lists(clean_row, min_size=1, max_size=40))
def test_parquet_typed_and_text_equal_the_csv(tmp_path_factory, rows):
    tmp = tmp_path_factory.mktemp("p")
    csv_path = write_csv(tmp / "sager.csv", rows, encoding="utf-8-sig", title=False)
    ref_cases, _ = reference(csv_path)
    typed = tmp / "typed.parquet"
    _typed_frame(rows).write_parquet(typed)
    text = tmp / "text.parquet"
    pl.read_csv(csv_path, separator=";", infer_schema=False).write_parquet(text)
    for path in (typed, text):
        for one_pass in (True, False):
            cases, issues = engine(path, one_pass=one_pass)
            assert issues == []
            assert summary(cases) == summary(ref_cases), (path.name, one_pass)


def test_parquet_bad_cells_name_the_file_and_cell(tmp_path):
    path = tmp_path / "sager.parquet"
    pl.DataFrame({"Mål": ["1", "1"], "Dage": ["3", "tre"], "Medtages": ["Ja", "Ja"]}).write_parquet(
        path
    )
    _, issues = engine(path)
    assert [(i.sheet, i.cell) for i in issues] == [("sager.parquet", "B3")]


def test_damaged_parquet_is_a_danish_read_error(tmp_path):
    from calc.errors import WorkbookReadError

    path = tmp_path / "sager.parquet"
    path.write_bytes(b"PAR1 not really")
    with pytest.raises(WorkbookReadError, match=r"sager\.parquet"):
        casescan.read_case_table(path, "Sagsdata")


def test_impossible_cases_are_named_by_row_with_their_case_id(tmp_path):
    rows = [("1", "01-03-2025", "01-02-2025", "", "Ja", "")] * 23  # each decided before received
    rows += [("1", "", "", "", "Ja", "-4"), ("2", "01-03-2025", "", "", "Ja", "")]
    path = write_csv(tmp_path / "sager.csv", rows, encoding="utf-8", title=False)
    for one_pass in (True, False):
        cases, issues = engine(path, one_pass=one_pass)
        assert [c.goal_id for c in cases] == ["1", "2"] and cases[0].counts == ()
        # In the order of the checks: negative Dage, Afgjort before Modtaget, without days.
        assert [(i.cell, i.severity) for i in issues[:2]] == [("G25", "error"), ("D2", "error")]
        assert issues[0].message.startswith("Sag S-23 har -4 dage")
        assert issues[1] == Issue(
            "sager.csv",
            "D2",
            "error",
            "Sag S-0 er afgjort 01-02-2025, før den blev modtaget 01-03-2025. Ret datoerne.",
        )
        more = issues[1 + MAX_ISSUES_PER_COLUMN]
        assert more.cell == "D22:D24" and "Yderligere 3 sager" in more.message
        assert issues[-1] == Issue(
            "sager.csv",
            "D26",
            "warning",
            "Sag S-24 har hverken Dage eller en Afgjort-dato og er ikke medregnet i mål 2.",
        )
        assert len(issues) == 1 + MAX_ISSUES_PER_COLUMN + 1 + 1
    assert_same(path)


@pytest.mark.parametrize("dates", [pl.Date, pl.Datetime("us")])
def test_typed_parquet_takes_the_one_scan_path(tmp_path, dates):
    """Dates typed as dates need no proof of their reading (no scan of Modtaget's values);
    the counts still equal the row-by-row reference of the same cases as CSV."""
    rows = [
        ("1", "02-01-2025", "17-03-2025", "Valby", "Ja", ""),
        ("1", "03-01-2025", "", "Valby", "Ja", "4"),
        ("2", "", "", "", "Nej", "4"),
        ("2", "05-02-2025", "05-02-2025", "", "Ja", ""),
    ]
    csv_path = write_csv(tmp_path / "sager.csv", rows, encoding="utf-8-sig", title=False)
    typed = tmp_path / "typed.parquet"
    _typed_frame(rows).with_columns(pl.col("Modtaget", "Afgjort").cast(dates)).write_parquet(typed)
    ref_cases, ref_issues = reference(csv_path)
    with mock.patch.object(casescan, "_counts", side_effect=AssertionError("codebook path")):
        cases, issues = engine(typed)
    assert summary(cases) == summary(ref_cases)
    assert [(i.cell, i.message) for i in issues] == [(i.cell, i.message) for i in ref_issues]


@settings(max_examples=20, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    rows=st.lists(st.one_of(row, clean_row), min_size=1, max_size=45),
    encoding=st.sampled_from(["utf-8-sig", "cp1252"]),
    title=st.booleans(),
)
def test_a_long_csv_parsed_once_into_parquet_equals_the_reference(
    tmp_path_factory, rows, encoding, title
):
    """Beyond `SHARED_SCAN_ROWS` the codebook path parses a CSV once into a temporary Parquet
    file (its text) and counts from there: the same cases and issues, and the temporary file
    is gone afterwards."""
    import tempfile

    path = write_csv(
        tmp_path_factory.mktemp("c") / "sager.csv", rows, encoding=encoding, title=title
    )

    def spills() -> set[Path]:
        return set(Path(tempfile.gettempdir()).glob("maalscore-sager-*.parquet"))

    before = spills()
    sink = pl.LazyFrame.sink_parquet
    with (
        mock.patch.object(casescan, "SHARED_SCAN_ROWS", -1),
        mock.patch.object(pl.LazyFrame, "sink_parquet", autospec=True, side_effect=sink) as spy,
        codebook_path(),
    ):
        assert_same(path)
    assert spy.call_count == 3  # once per engine run in assert_same
    assert spills() == before


# --- decision dates only for the goals that need them, and dates the engine may parse --------


def around(summed, dated: dict[str, date]):
    """`summary` rows as the one scan counts them when told `dated`: the decision dates of a
    goal in `dated` only before, on or after its Frist date (the day before, the day, the day
    after), none for the other goals."""
    out = []
    for g, *rest, decided in summed:
        kept: Counter[tuple[str, date | None]] = Counter()
        if g in dated:
            on = dated[g]
            for (loc, day), n in decided.items():
                near = day if day is None else on + timedelta(days=(day > on) - (day < on))
                kept[loc, near] += n
        out.append((g, *rest, kept))
    return out


FRIST = st.dates(date(2025, 1, 1), date(2025, 12, 31))


@SETTINGS
@given(
    rows=st.lists(clean_row, min_size=1, max_size=60),
    dated=st.dictionaries(st.sampled_from(["1", "2", "2.a", "9"]), FRIST),
    on_a_decision_day=st.booleans(),
)
def test_only_the_goals_asked_are_counted_by_their_frist_date(
    tmp_path_factory, rows, dated, on_a_decision_day
):
    """Told which goals need decision dates, and their Frist dates, the one scan counts those
    goals' cases before, on and after that date and no other goal by date (`decided_counted`,
    `decided_around` say so); the day counts of every goal are unchanged."""
    if on_a_decision_day and dated:  # a Frist on a day cases were decided: the ≤ / < edge
        first = next(iter(dated))
        dated[first] = datetime.strptime(rows[0][2], "%d-%m-%Y").date()
    path = write_csv(
        tmp_path_factory.mktemp("c") / "sager.csv", rows, encoding="cp1252", title=False
    )
    ref_cases, ref_issues = reference(path)
    with mock.patch.object(casescan, "_counts", side_effect=AssertionError("codebook path")):
        cases, issues = engine(path, dated=dated)
    assert around(summary(cases), dated) == around(summary(ref_cases), dated)
    assert summary(cases) == around(summary(cases), dated)  # nothing else was counted by date
    assert list(issues) == list(ref_issues)
    for c in cases:
        assert c.decided_counted == (c.goal_id in dated)
        assert c.decided_around == dated.get(c.goal_id)


def test_a_goal_written_unlike_the_plan_takes_the_codebook_path(tmp_path):
    """The plan says 2.a, the file says ' 2.a ': the one scan compared the cell as written and
    did not take those rows by date, so it gives way to the codebook path (every goal by
    day), which reads the cell as the parser does."""
    rows = [(" 2.a ", "02-01-2025", "17-03-2025", "", "Ja", ""), ("1", "", "", "", "Ja", "4")]
    path = write_csv(tmp_path / "sager.csv", rows, encoding="utf-8-sig", title=False)
    calls = []
    real = casescan._counts
    with mock.patch.object(casescan, "_counts", lambda *a: calls.append(1) or real(*a)):
        cases, _ = engine(path, dated={"2.a": date(2025, 3, 31)})
    assert calls == [1]
    goal = next(c for c in cases if c.goal_id == "2.a")
    assert goal.decided_counted and goal.decided_around is None
    assert goal.counts[0].decided == ((date(2025, 3, 17), 1),)
    assert summary(cases) == summary(reference(path)[0])


@pytest.mark.parametrize(
    "written",
    [
        "1-3-2025",  # the engine reads it, but not as a day written exactly so
        "1-03-02025",
        "17-3-2025",
        " 17-03-2025",
        "17-03-2025 ",
        "31-02-2025",  # no such day
        "01-01-1850",  # outside the days the one scan takes
        "01-01-2250",
        "ukendt",
    ],
)
@pytest.mark.parametrize("column", [2, 3])
def test_dates_not_written_exactly_take_the_codebook_path(tmp_path, written, column):
    """A Modtaget or Afgjort cell the one scan cannot prove it reads as the reference does
    sends the file to the codebook path, which reads every distinct cell by `calc.values`:
    the result equals the row-by-row reference either way."""
    rows = [["1", "02-01-2025", "17-03-2025", "Valby", "Ja", ""] for _ in range(40)]
    rows[35][column - 1] = written  # below the first rows, which choose the format
    path = write_csv(
        tmp_path / "sager.csv", [tuple(r) for r in rows], encoding="utf-8-sig", title=False
    )
    calls = []
    real = casescan._counts
    with mock.patch.object(casescan, "_counts", lambda *a: calls.append(1) or real(*a)):
        engine(path)
    assert calls == [1]
    assert_same(path)


@pytest.mark.parametrize("fmt", casescan.DATE_FORMATS)
def test_the_reference_reads_every_day_written_exactly_so(fmt):
    """The one scan's premise, for each format it parses itself; and the check can fail."""
    from calc import casecounts

    first, last = date(2023, 1, 1), date(2027, 12, 31)
    assert casecounts.reads_days_as_written(fmt, first, last)
    misread = date(2025, 3, 4)
    real = casecounts._as_date

    def swapped(v):
        got = real(v)
        return date(got.year, got.day, got.month) if got == misread else got

    with mock.patch.object(casecounts, "_as_date", swapped):
        assert not casecounts.reads_days_as_written(fmt, first, last)
