"""Counting a case file of any size with Polars (the file side of `calc.casecounts`).

Polars reads the file in streaming batches (memory does not grow with the rows), only the six
case columns (never Sag, the widest). Clean data is counted in one scan (`_one_pass`): the
engine parses the dates itself and groups the rows by their cells as they are; every distinct
value is then read with the rules of `calc.values` and the engine's reading proven equal to
it, or the file takes the codebook path, two scans:

1. the distinct values of each case column — a few thousand at most for a year of cases;
   `casecounts.read_distinct` reads each one with the rules of `calc.values`;
2. the codebook applied to every row (`replace_strict`: a hash lookup per cell, no Python per
   row) and `casecounts.ROW_RULE` as Polars expressions, grouped and counted: cases per goal,
   location and day value; per goal, location and decision date; excluded and without days
   per goal; and, only when the codebook found unreadable values, where they are.

Cases are counted by decision date only for the goals whose indicator needs it
(`casecounts.DecidedGoals`, from the plan): for the others that count would be a second
group-by over every row, for nothing.

Counts and day sums stay integers; the day values themselves are the codebook's Decimals, so
the indicators computed from the counts (`indicators.compute_counts`) are the exact fractions
of the row-by-row path. Why Polars and not DuckDB: see bench/RESULTS.md.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path
from typing import Any, Final

from .casecounts import (
    CASE_KEYS,
    LOCATED_CHECKS,
    BadCells,
    Codebook,
    Counts,
    DecidedGoals,
    assemble_both,
    every_goal,
    read_distinct,
    reads_days_as_written,
)
from .errors import WorkbookReadError
from .grid import CountedSheet, SheetGrid
from .headers import CASE_FIELDS, find_header
from .xlsx.columnar import ROW, CaseTable, open_case_table

ENGINE: Final = "streaming"
# The codebook path runs several counts. Polars runs those of one scan together by caching the
# scan they share, which holds every row in memory. Up to this many rows that is fastest (a
# few hundred MB); beyond, each count scans the file again and memory stays flat however long
# the file is (a CSV is parsed once into a temporary Parquet file for those scans,
# `_parsed_once`). The one-scan path is a single query and needs neither.
SHARED_SCAN_ROWS = 3_000_000


def read_case_table(path: Path, name: str, dated: DecidedGoals = every_goal) -> SheetGrid:
    """The case file at `path` counted, as a sheet called `name` for the parser: a
    `CountedSheet`, or (without a header row) a plain grid of its first rows, so the parser
    reports the missing header as for any Sagsdata. `dated`: the goals to count by decision
    date as well (asked once the header is found)."""
    table = open_case_table(path)
    try:
        head = SheetGrid(name, table.head)
        header = find_header(head, CASE_FIELDS, "goal")
        if header is None:
            return head
        col_of = {k: c for k in CASE_KEYS if (c := header.col(k)) is not None}
        width = len(table.columns)
        present = {k: table.columns[c] for k, c in col_of.items() if c < width}
        c_case = header.col("case")
        case_col = table.columns[c_case] if c_case is not None and c_case < width else None
        first = header.row + 1
        try:
            counted, rows = count(table, present, first, col_of, case_col, dated)
        except Exception as exc:
            _reraise(exc, path)
            raise
        return CountedSheet(
            name,
            table.head,
            counted=counted,
            label=path.name,
            fingerprint=table.fingerprint(),
            height=first + rows,
        )
    finally:
        table.close()


def _reraise(exc: Exception, path: Path) -> None:
    import polars as pl

    if isinstance(exc, pl.exceptions.PolarsError | OSError):
        raise WorkbookReadError(
            f"Sagsdata-filen «{path.name}» kan ikke læses ({str(exc).splitlines()[0]})."
        ) from exc


def count(
    table: CaseTable,
    present: dict[str, str],
    first: int,
    col_of: dict[str, int],
    case_col: str | None = None,
    dated: DecidedGoals = every_goal,
) -> tuple[tuple[list[Any], dict[str, list[Any]]], int]:
    """((GoalCases, issues), number of data rows) of a case table whose case columns are
    `present` (key → the engine's column name), data from sheet row `first`; `case_col` is
    the Sag column, read only for the rows a problem names; `dated` the goals to count by
    decision date (the codebook path counts every goal so)."""
    import polars as pl

    lf = table.scan()
    if first > table.first_index:
        lf = lf.filter(pl.col(ROW) >= first)
    lf = lf.select([ROW, *(pl.col(c).alias(k) for k, c in present.items())])
    quick = _one_pass(lf, table, present, first, col_of, dated())
    if quick is not None:
        return quick
    with _parsed_once(lf, table) as lf:
        return _count(lf, table, present, col_of, first, case_col)


@contextmanager
def _parsed_once(lf: Any, table: CaseTable) -> Iterator[Any]:
    """`lf`, or — for a CSV too long to share one scan among the codebook path's counts
    (`SHARED_SCAN_ROWS`) — its case columns, text as in the file, written once to a temporary
    Parquet file and scanned from there: the counts then read compact columns instead of each
    parsing the whole CSV again (three parses of 10M rows took 2.7 × Polars' own scan +
    group-by). Written in streaming batches, so memory stays flat; the file is removed
    afterwards."""
    import polars as pl

    if table.kind != "csv" or table.estimated_rows() <= SHARED_SCAN_ROWS:
        yield lf
        return
    fd, name = tempfile.mkstemp(prefix="maalscore-sager-", suffix=".parquet")
    os.close(fd)
    spill = Path(name)
    try:
        lf.sink_parquet(spill, compression="lz4", engine=ENGINE)
        yield pl.scan_parquet(spill)
    finally:
        spill.unlink(missing_ok=True)


def _count(
    lf: Any,
    table: CaseTable,
    present: dict[str, str],
    col_of: dict[str, int],
    first: int,
    case_col: str | None,
) -> tuple[tuple[list[Any], dict[str, list[Any]]], int]:
    import polars as pl

    keys = list(present)
    distinct = pl.collect_all(
        [lf.select(pl.col(k).unique()) for k in keys],
        engine=ENGINE,
        optimizations=_flags(table),
    )
    raw = {k: d.get_column(k).to_list() for k, d in zip(keys, distinct, strict=True)}
    book = read_distinct(raw)
    counts = _counts(lf, book, set(keys), _flags(table))
    if case_col is not None:
        counts = _with_case_ids(table, counts, case_col)
    cases, issues = assemble_both(book, counts, sheet=table.path.name, col_of=col_of)
    return (cases, issues), counts.rows


def _with_case_ids(table: CaseTable, counts: Counts, case_col: str) -> Counts:
    """The Sag of every row a negative, inverted or without-days problem names (a third scan,
    only when there is such a row; the widest column is never read otherwise)."""
    import dataclasses

    import polars as pl

    from .casedata import cell_text
    from .grid import from_file_value

    rows = sorted({r[0] for k in LOCATED_CHECKS if k in counts.bad for r in counts.bad[k].rows})
    if not rows:
        return counts
    found = (
        table.scan()
        .filter(pl.col(ROW).is_in(rows))
        .select(ROW, pl.col(case_col).alias("case"))
        .collect(engine=ENGINE)
    )
    ids = {int(r): cell_text(from_file_value(v)) for r, v in found.iter_rows()}
    return dataclasses.replace(counts, case_ids=ids)


def _lookup(
    key: str, present: set[str], book: Codebook, codes: Sequence[object], blank: object
) -> Any:
    """Column `key` mapped through the codebook (`codes` parallel to its distinct values);
    `blank` for an empty cell or a missing column."""
    import polars as pl

    if key not in present:
        return pl.lit(blank)
    raw = book.raw[key]
    old = [v for v in raw if v is not None]
    new = [c for v, c in zip(raw, codes, strict=True) if v is not None]
    null = next((c for v, c in zip(raw, codes, strict=True) if v is None), blank)
    if not old:
        return pl.lit(null)
    return pl.col(key).replace_strict(old, new, default=null)  # type: ignore[arg-type]


def _flags(table: CaseTable) -> Any:
    """Polars' optimisations for the counts of this table: no shared-scan cache for a long one
    (see SHARED_SCAN_ROWS)."""
    import polars as pl

    return pl.QueryOptFlags(comm_subplan_elim=table.estimated_rows() <= SHARED_SCAN_ROWS)


def _counts(lf: Any, book: Codebook, present: set[str], flags: Any) -> Counts:
    import polars as pl

    n_loc = len(book.locations)

    def is_bad(key: str) -> Any:
        """The row's cell in `key` is one of the codebook's unreadable values."""
        raw = book.raw.get(key, ())
        values = [raw[i] for i in book.bad(key) if raw[i] is not None]
        if key not in present or not values:
            return pl.lit(False)
        return pl.col(key).is_in(values).fill_null(False)  # an empty cell is not unreadable

    negative_codes = book.negative_days()
    coded = (
        lf.with_columns(
            g=_lookup("goal", present, book, book.goal, -1).cast(pl.Int32),
            excl=_lookup("included", present, book, book.excluded, False).cast(pl.Boolean),
            k=_lookup("days", present, book, book.day, -1).cast(pl.Int32),
            r=_lookup("received", present, book, book.received, -1).cast(pl.Int32),
            d=_lookup("decided", present, book, book.decided, -1).cast(pl.Int32),
            loc=_lookup("location", present, book, list(range(n_loc)), -1).cast(pl.Int32),
            noisy=is_bad("days") | is_bad("decided") | is_bad("received"),
        )
        .with_columns(
            active=(pl.col("g") >= 0) & ~pl.col("excl"),
            given=pl.col("k") >= 0,
        )
        .with_columns(
            negative=pl.col("active")
            & pl.col("given")
            & (pl.col("k").is_in(negative_codes) if negative_codes else pl.lit(False)),
            from_dates=pl.col("active")
            & ~pl.col("given")
            & (pl.col("d") >= 0)
            & (pl.col("r") >= 0),
        )
        .with_columns(
            inverted=pl.col("from_dates") & (pl.col("d") < pl.col("r")),
            without=pl.col("active") & ~pl.col("given") & ~pl.col("from_dates"),
            diff=pl.when(pl.col("from_dates")).then(pl.col("d") - pl.col("r")),
        )
        .with_columns(
            kept=pl.col("active")
            & (
                (pl.col("given") & ~pl.col("negative"))
                | (pl.col("from_dates") & ~pl.col("inverted"))
            ),
            quiet=pl.col("without") & ~pl.col("noisy"),
        )
    )
    kept = coded.filter(pl.col("kept"))
    both_empty = (pl.col("d") < 0) & (pl.col("r") < 0) & pl.lit("days" in present)
    # Which checks have rows to name; where they are is looked up below, only for those.
    located = {
        "negative": (pl.col("negative"), ["k"]),
        "inverted": (pl.col("inverted"), ["d", "r"]),
        "no_days": (pl.col("quiet") & both_empty, ["g"]),
        "no_decided": (pl.col("quiet") & (pl.col("d") < 0) & ~both_empty, ["g"]),
        "no_received": (pl.col("quiet") & (pl.col("d") >= 0), ["g"]),
    }
    queries = [
        kept.group_by("g", "loc", "k", "diff").agg(pl.len()),
        kept.group_by("g", "loc", "d").agg(pl.len()),
        coded.filter(pl.col("g") >= 0)
        .group_by("g")
        .agg(
            pl.col("excl").sum(),
            pl.col("without").sum(),
            pl.col(ROW).min(),
        ),
        coded.select(pl.len(), *(cond.sum().alias(name) for name, (cond, _) in located.items())),
    ]
    relevant = {
        "included": pl.col("g") >= 0,
        "decided": pl.col("active"),
        "days": pl.col("active"),
        "received": pl.col("active") & ~pl.col("given"),
    }
    bad_keys = [k for k in relevant if k in present and book.bad(k)]
    for key in bad_keys:
        bad = book.bad(key)
        raw = book.raw[key]
        values = [raw[i] for i in bad if raw[i] is not None]
        where = coded.filter(relevant[key] & pl.col(key).is_in(values))
        queries.append(
            where.select(ROW, pl.col(key).replace_strict(values, bad, default=-1).alias("i"))
            .sort(ROW)
            .head(21)
        )
        queries.append(where.select(pl.len(), pl.col(ROW).max()))
    out = pl.collect_all(queries, engine=ENGINE, optimizations=flags)
    days, decided, goals, total = out[:4]
    bad_cells: dict[str, BadCells] = {}
    for j, key in enumerate(bad_keys):
        rows, stats = out[4 + 2 * j], out[5 + 2 * j]
        n, last = stats.row(0)
        bad_cells[key] = BadCells(tuple(rows.iter_rows()), int(n), int(last or 0))
    wanted = [name for name in located if total.get_column(name).item()]
    if wanted:  # a second scan, only for data with such rows
        more = []
        for name in wanted:
            cond, fields = located[name]
            where = coded.filter(cond)
            more.append(where.select(ROW, *fields).sort(ROW).head(21))
            more.append(where.select(pl.len(), pl.col(ROW).max()))
        found = pl.collect_all(more, engine=ENGINE, optimizations=flags)
        for j, name in enumerate(wanted):
            n, last = found[2 * j + 1].row(0)
            bad_cells[name] = BadCells(tuple(found[2 * j].iter_rows()), int(n), int(last or 0))
    return Counts(
        days=tuple(days.iter_rows()),
        decided=tuple(decided.iter_rows()),
        goals=tuple((g, int(e), int(w), int(f)) for g, e, w, f in goals.iter_rows()),
        bad=bad_cells,
        rows=int(total.get_column("len").item()),
    )


# --- the common case in one scan ---------------------------------------------------------------

DATE_FORMATS = ("%d-%m-%Y", "%Y-%m-%d", "%d.%m.%Y")
# A cell the engine parsed is read as the reference reads it when it is written exactly so:
# two-digit day and month, four-digit year (`_written_so`). Other spellings (`1-3-2025`,
# ` 17-03-2025`) go to the codebook path, which reads each one with `calc.values`.
WRITTEN_SO = {
    "%d-%m-%Y": r"^[0-9]{2}-[0-9]{2}-[0-9]{4}$",
    "%Y-%m-%d": r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
    "%d.%m.%Y": r"^[0-9]{2}\.[0-9]{2}\.[0-9]{4}$",
}
# The days the engine's dates may fall on for the one-scan path; each day of the file's own
# span is read once by the reference's rule (`casecounts.reads_days_as_written`).
FIRST_DAY, LAST_DAY = date(1900, 1, 1), date(2199, 12, 31)
MAX_SPAN_DAYS = 40_000


def _date_format(table: CaseTable, col: int | None, first: int) -> str | None:
    """The format every date in the column's first rows is written in (None: no one format)."""
    from datetime import datetime

    cells = [
        v.strip()
        for row in table.head[first:]
        if col is not None and col < len(row) and isinstance((v := row[col]), str) and v.strip()
    ]
    for fmt in DATE_FORMATS:
        try:
            for v in cells:
                datetime.strptime(v, fmt)
        except ValueError:
            continue
        return fmt
    return None


def _engine_date(schema: Any, key: str, present: dict[str, str], fmt: str | None) -> Any:
    """The column as a Polars Date parsed by the engine itself, or None when it cannot."""
    import polars as pl

    if key not in present:
        return pl.lit(None, dtype=pl.Date)
    dtype = schema[key]
    if dtype == pl.Date:
        return pl.col(key)
    if isinstance(dtype, pl.Datetime):
        return pl.col(key).dt.date()
    if dtype == pl.String and fmt is not None:
        return pl.col(key).str.to_date(fmt, strict=False)
    return None


def _engine_given(schema: Any, present: dict[str, str]) -> Any:
    import polars as pl

    if "days" not in present:
        return pl.lit(False)
    if schema["days"] == pl.String:  # ' ' and other blanks → codebook path
        return pl.col("days").is_not_null() & ~pl.col("days").is_in(["", "-", "–", "—"])
    return pl.col("days").is_not_null()


def _goal_as_text(schema: Any) -> bool:
    """Whether the goal column can be compared with the plan's goal ids as text: a text
    column, or whole numbers (Polars casts an integer to its digits, as `str()` does)."""
    import polars as pl

    dtype = schema.get("goal")
    return dtype is not None and (dtype == pl.String or dtype.is_integer())


def _deadline_of(schema: Any, present: dict[str, str], dated: Mapping[str, date] | None) -> Any:
    """The Frist date of the row's goal when it is one of `dated` (else null), comparing the
    cell as text; `_one_pass` checks afterwards that this agrees with the goal as the
    reference reads it. With `dated` None (every goal, by day) always null."""
    import polars as pl

    if not dated or not _goal_as_text(schema):
        return pl.lit(None, dtype=pl.Date)
    goal = pl.col("goal").cast(pl.String)
    # a chain of comparisons, not `replace_strict`: that one holds the whole column (700 MB
    # at 10M rows), while a plan has a few such goals at most
    ids = sorted(dated)
    chain: Any = pl.when(goal == ids[0]).then(pl.lit(dated[ids[0]]))
    for k in ids[1:]:
        chain = chain.when(goal == k).then(pl.lit(dated[k]))
    return chain.otherwise(pl.lit(None, dtype=pl.Date))


def _deadline_taken(schema: Any, goal: object, dated: Mapping[str, date]) -> date | None:
    """The Frist date `_deadline_of` gave the rows whose goal cell is `goal`."""
    return dated.get(str(goal)) if _goal_as_text(schema) else None


def _relative_day(day: Any, on: Any) -> Any:
    """-1, 0 or 1: the day before, on or after `on` (null without a day or without `on`)."""
    import polars as pl

    return pl.when(day < on).then(-1).when(day > on).then(1).when(day == on).then(0)


def _written_so(schema: Any, key: str, fmt: str | None) -> list[Any]:
    """For a text date column: how many cells are neither empty nor a day written exactly in
    `fmt` that the engine parsed, and the first and last day the engine parsed (aggregations
    per group); nothing for a column of dates."""
    import polars as pl

    if key not in schema or schema[key] != pl.String or fmt is None:
        return []
    raw, day = pl.col(key), pl.col("r" if key == "received" else "d")
    odd = raw.is_not_null() & (raw != "") & ~(raw.str.contains(WRITTEN_SO[fmt]) & day.is_not_null())
    return [
        odd.sum().alias(f"odd_{key}"),
        day.min().alias(f"lo_{key}"),
        day.max().alias(f"hi_{key}"),
    ]


def _read_as_written(grouped: Any, fmts: dict[str, str | None]) -> bool:
    """Every text date cell the one scan met is empty or a day written exactly in its format,
    within `FIRST_DAY`–`LAST_DAY`, and the reference reads each day of that span so as well."""
    for key, fmt in fmts.items():
        if f"odd_{key}" not in grouped.columns:
            continue
        if grouped.get_column(f"odd_{key}").sum():
            return False
        lo, hi = grouped.get_column(f"lo_{key}").min(), grouped.get_column(f"hi_{key}").max()
        if lo is None:
            continue
        if lo < FIRST_DAY or hi > LAST_DAY or (hi - lo).days > MAX_SPAN_DAYS:
            return False
        assert fmt is not None
        if not reads_days_as_written(fmt, lo, hi):
            return False
    return True


def _one_pass(
    lf: Any,
    table: CaseTable,
    present: dict[str, str],
    first: int,
    col_of: dict[str, int],
    dated: Mapping[str, date] | None,
) -> tuple[tuple[list[Any], dict[str, list[Any]]], int] | None:
    """The counts in a single scan and a single group-by, with the dates parsed by the engine
    in the format the first rows show; None when that is not known to be right, and the
    codebook path decides.

    The rows are grouped by their cells as they are (goal, Medtages, Lokation, Dage), by the
    engine's day difference where Dage is empty, and by the decision date: for the goals in
    `dated` only whether it is before, on or after the goal's Frist date (all a share by that
    date needs, and a handful of groups instead of one per day), for every goal by the day
    when `dated` is None. Every distinct cell is then read by `calc.values`. Right means: every
    such value reads without a problem; Dage is given exactly where the engine took it as
    given; each text date cell is empty or a day written exactly in its format, and the
    reference reads each day of the file's span written so as that day (so the engine's dates
    and differences are the reference's); and the rows taken for `dated` are exactly those of
    its goals.
    """
    import polars as pl

    schema = lf.collect_schema()
    fmts = {k: _date_format(table, col_of.get(k), first) for k in ("received", "decided")}
    r = _engine_date(schema, "received", present, fmts["received"])
    d = _engine_date(schema, "decided", present, fmts["decided"])
    if r is None or d is None:
        return None
    cols = {k: (pl.col(k) if k in present else pl.lit(None)) for k in CASE_KEYS}
    base = lf.select(
        ROW,
        *(e.alias(k) for k, e in cols.items()),
        r.alias("r"),
        d.alias("d"),
        _engine_given(schema, present).alias("given"),
        _deadline_of(schema, present, dated).alias("on"),
    ).with_columns(
        # the difference only where it is used (no Dage), so the groups stay few
        diff=pl.when(~pl.col("given")).then((pl.col("d") - pl.col("r")).dt.total_days()),
        dec=_relative_day(pl.col("d"), pl.col("on")) if dated is not None else pl.col("d"),
    )
    checks = [
        agg
        for k in ("received", "decided")
        if k in present
        for agg in _written_so(schema, k, fmts[k])
    ]
    grouped = (
        base.group_by("goal", "included", "location", "days", "diff", "dec")
        .agg(pl.len(), pl.col(ROW).min(), *checks)
        .collect(engine=ENGINE)
    )
    if not _read_as_written(grouped, fmts):
        return None
    by_days = grouped.group_by("goal", "included", "location", "days", "diff").agg(
        pl.col("len").sum(), pl.col(ROW).min()
    )
    by_days = by_days.with_columns(given=_engine_given(schema, present))
    by_days = by_days.select("goal", "included", "location", "days", "given", "diff", "len", ROW)
    raw: dict[str, Sequence[object]] = {
        "goal": by_days.get_column("goal").unique(maintain_order=True).to_list(),
        "included": by_days.get_column("included").unique(maintain_order=True).to_list(),
        "location": by_days.get_column("location").unique(maintain_order=True).to_list(),
        "days": by_days.get_column("days").unique(maintain_order=True).to_list(),
    }
    raw = {k: v for k, v in raw.items() if k in present}
    book = read_distinct(raw)
    if any(book.bad(k) for k in CASE_KEYS):
        return None
    index = {k: {v: i for i, v in enumerate(book.raw[k])} for k in CASE_KEYS}

    def at(key: str, v: object) -> int:
        return index[key].get(v, -1)

    def goal_of(v: object) -> int:
        return book.goal[at("goal", v)] if "goal" in present else -1

    around: dict[int, date] = {}
    for goal in raw.get("goal", ()):
        g = goal_of(goal)
        if g < 0 or dated is None:
            continue
        on = _deadline_taken(schema, goal, dated)
        if on != dated.get(book.goal_ids[g]):
            return None  # a goal written otherwise than the plan's id (' 2.a'): codebook path
        if on is not None:
            around[g] = on
    excluded: dict[int, int] = {}
    day_rows: list[tuple[int, int, int, int | None, int]] = []
    firsts: dict[int, int] = {}
    for goal, inc, loc, days, given, diff, n, row in by_days.iter_rows():
        g = goal_of(goal)
        code = book.day[at("days", days)] if "days" in present else -1
        if (code >= 0) != bool(given):
            return None
        if g < 0:
            continue
        firsts[g] = min(firsts.get(g, row), row)
        if "included" in present and book.excluded[at("included", inc)]:
            excluded[g] = excluded.get(g, 0) + n
        elif code >= 0 and book.day_values[code] >= 0:
            day_rows.append((g, at("location", loc), code, None, n))
        elif diff is not None and diff >= 0:
            day_rows.append((g, at("location", loc), -1, int(diff), n))
        else:  # negative Dage, Afgjort before Modtaget, no day count: named by row, below
            return None
    # Every row left is counted (Dage given, or both dates), so each has its decision day:
    # the day itself, or the day before, on or after the goal's Frist date.
    decided_rows: list[tuple[int, int, int, int]] = []
    by_decided = grouped.group_by("goal", "included", "location", "dec").agg(pl.col("len").sum())
    for goal, inc, loc, dec, n in by_decided.iter_rows():
        g = goal_of(goal)
        if g < 0 or ("included" in present and book.excluded[at("included", inc)]):
            continue
        if dated is not None and g not in around:
            continue
        # the day itself (or no Afgjort date), or the day before, on or after the Frist date
        day = dec if dated is None or dec is None else around[g] + timedelta(days=dec)
        decided_rows.append((g, at("location", loc), day.toordinal() if day is not None else -1, n))
    counts = Counts(
        days=tuple(day_rows),
        decided=tuple(decided_rows),
        goals=tuple((g, excluded.get(g, 0), 0, row) for g, row in firsts.items()),
        rows=int(by_days.get_column("len").sum()),
        around=None if dated is None else around,
    )
    cases, issues = assemble_both(book, counts, sheet=table.path.name, col_of=col_of)
    return (cases, issues), counts.rows
