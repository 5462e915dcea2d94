"""Counting a case file of any size with Polars (the file side of `calc.casecounts`).

Two streaming scans of the file (Polars reads it in batches; memory does not grow with the
rows), each reading only the six case columns (never Sag, the widest):

1. the distinct values of each case column — a few thousand at most for a year of cases;
   `casecounts.read_distinct` reads each one with the rules of `calc.values`;
2. the codebook applied to every row (`replace_strict`: a hash lookup per cell, no Python per
   row) and `casecounts.ROW_RULE` as Polars expressions, grouped and counted: cases per goal,
   location and day value; per goal, location and decision date; excluded and without days
   per goal; and, only when the codebook found unreadable values, where they are.

Counts and day sums stay integers; the day values themselves are the codebook's Decimals, so
the indicators computed from the counts (`indicators.compute_counts`) are the exact fractions
of the row-by-row path. Why Polars and not DuckDB: see bench/RESULTS.md.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Final

from .casecounts import (
    CASE_KEYS,
    LOCATED_CHECKS,
    BadCells,
    Codebook,
    Counts,
    assemble_both,
    read_distinct,
)
from .errors import WorkbookReadError
from .grid import CountedSheet, SheetGrid
from .headers import CASE_FIELDS, find_header
from .xlsx.columnar import ROW, CaseTable, open_case_table

ENGINE: Final = "streaming"
# Polars runs the several counts of one scan together by caching the scan they share, which
# holds every row in memory. Up to this many rows that is fastest (a few hundred MB); beyond,
# each count scans the file again and memory stays flat however long the file is (a CSV is
# parsed once into a temporary Parquet file for those scans, `_parsed_once`).
SHARED_SCAN_ROWS = 3_000_000
PARSED = "_date_"  # prefix of a date column as the engine read it, stored by `_parsed_once`


def read_case_table(path: Path, name: str) -> SheetGrid:
    """The case file at `path` counted, as a sheet called `name` for the parser: a
    `CountedSheet`, or (without a header row) a plain grid of its first rows, so the parser
    reports the missing header as for any Sagsdata."""
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
            counted, rows = count(table, present, first, col_of, case_col)
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
) -> tuple[tuple[list[Any], dict[str, list[Any]]], int]:
    """((GoalCases, issues), number of data rows) of a case table whose case columns are
    `present` (key → the engine's column name), data from sheet row `first`; `case_col` is
    the Sag column, read only for the rows a problem names."""
    import polars as pl

    lf = table.scan()
    if first > table.first_index:
        lf = lf.filter(pl.col(ROW) >= first)
    lf = lf.select([ROW, *(pl.col(c).alias(k) for k, c in present.items())])
    dates: dict[str, Any] = {
        k: _engine_date(lf, k, present, _date_format(table, col_of.get(k), first))
        for k in ("received", "decided")
        if k in present
    }
    with _parsed_once(lf, table, dates) as lf:
        return _count(lf, table, present, col_of, first, case_col)


@contextmanager
def _parsed_once(lf: Any, table: CaseTable, dates: dict[str, Any]) -> Iterator[Any]:
    """`lf`, or — for a CSV too long to share one scan among the counts (`SHARED_SCAN_ROWS`) —
    its case columns, text as in the file, written once to a temporary Parquet file and
    scanned from there: the counts then read compact columns instead of each parsing the
    whole CSV again (three parses of 10M rows took 2.7 × Polars' own scan + group-by).
    `dates` (key → the engine's reading of the column as a date, `_engine_date`) are written
    beside them as `PARSED` + key, so the dates are parsed once too. Written in streaming
    batches, so memory stays flat; the file is removed afterwards."""
    import polars as pl

    if table.kind != "csv" or table.estimated_rows() <= SHARED_SCAN_ROWS:
        yield lf
        return
    fd, name = tempfile.mkstemp(prefix="maalscore-sager-", suffix=".parquet")
    os.close(fd)
    spill = Path(name)
    parsed = [e.alias(PARSED + k) for k, e in dates.items() if e is not None]
    try:
        lf.with_columns(parsed).sink_parquet(spill, compression="lz4", engine=ENGINE)
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
    quick = _one_pass(lf, table, present, first, col_of)
    if quick is not None:
        return quick
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


def _engine_date(
    lf: Any, key: str, present: dict[str, str], fmt: str | None, parsed: bool = True
) -> Any:
    """The column as a Polars Date parsed by the engine itself, or None when it cannot; the
    reading `_parsed_once` stored, where it did (not with `parsed=False`: for a frame of
    the column's values alone)."""
    import polars as pl

    if key not in present:
        return pl.lit(None, dtype=pl.Date)
    schema = lf.collect_schema()
    if parsed and PARSED + key in schema:
        return pl.col(PARSED + key)
    dtype = schema[key]
    if dtype == pl.Date:
        return pl.col(key)
    if isinstance(dtype, pl.Datetime):
        return pl.col(key).dt.date()
    if dtype == pl.String and fmt is not None:
        return pl.col(key).str.to_date(fmt, strict=False)  # ' 17-03-2025' → codebook path
    return None


def _engine_given(lf: Any, present: dict[str, str]) -> Any:
    import polars as pl

    if "days" not in present:
        return pl.lit(False)
    if lf.collect_schema()["days"] == pl.String:  # ' ' and other blanks → codebook path
        return pl.col("days").is_not_null() & ~pl.col("days").is_in(["", "-", "–", "—"])
    return pl.col("days").is_not_null()


def _one_pass(
    lf: Any,
    table: CaseTable,
    present: dict[str, str],
    first: int,
    col_of: dict[str, int],
) -> tuple[tuple[list[Any], dict[str, list[Any]]], int] | None:
    """The counts in a single scan, with the dates parsed by the engine in the format the
    first rows show; None when that is not known to be right, and the codebook path decides.

    Right means: every distinct value the scan met is read by `calc.values` exactly as the
    engine read it (the engine's parse is a function of the value, so equal on every distinct
    value is equal on every row), and no value is unreadable (unreadable cells are named by
    row, which the codebook path does).
    """
    import polars as pl

    fmt_r = _date_format(table, col_of.get("received"), first)
    fmt_d = _date_format(table, col_of.get("decided"), first)
    r = _engine_date(lf, "received", present, fmt_r)
    d = _engine_date(lf, "decided", present, fmt_d)
    if r is None or d is None:
        return None
    cols = {k: (pl.col(k) if k in present else pl.lit(None)) for k in CASE_KEYS}
    base = lf.select(
        ROW,
        *(e.alias(k) for k, e in cols.items()),
        r.alias("r"),
        d.alias("d"),
        _engine_given(lf, present).alias("given"),
    ).with_columns(
        # the difference only where it is used (no Dage), so the groups stay few
        diff=pl.when(~pl.col("given")).then((pl.col("d") - pl.col("r")).dt.total_days()),
        both=(pl.col("d") - pl.col("r")).is_not_null(),
    )
    # Grouped by the cells as they are: what the engine reads from a cell (a date, whether
    # Dage is given) is a function of the cell, computed below on the few groups, not per row.
    queries = [
        base.group_by("goal", "included", "location", "days", "diff").agg(
            pl.len(), pl.col(ROW).min()
        ),
        base.group_by("goal", "included", "location", "decided").agg(
            (pl.col("given") | pl.col("both")).sum().alias("counted")
        ),
    ]
    # Modtaget's distinct values, to prove the engine's reading of them equal to ours; a
    # column of dates (Parquet) needs no proof, its values are dates to both
    text_r = "received" in present and lf.collect_schema()["received"] == pl.String
    if text_r:
        queries.append(base.group_by("received").agg(pl.len()))
    by_days, by_decided, *more = pl.collect_all(queries, engine=ENGINE, optimizations=_flags(table))
    by_days = by_days.with_columns(given=_engine_given(lf, present))
    by_days = by_days.select("goal", "included", "location", "days", "given", "diff", "len", ROW)
    by_decided = by_decided.with_columns(d=_engine_date(lf, "decided", present, fmt_d, False))
    received = (
        more[0].select("received", _engine_date(lf, "received", present, fmt_r, False).alias("r"))
        if text_r
        else pl.DataFrame({"received": [], "r": []}, schema={"received": pl.Date, "r": pl.Date})
    )
    raw: dict[str, Sequence[object]] = {
        "goal": by_days.get_column("goal").unique(maintain_order=True).to_list(),
        "included": by_days.get_column("included").unique(maintain_order=True).to_list(),
        "location": by_days.get_column("location").unique(maintain_order=True).to_list(),
        "days": by_days.get_column("days").unique(maintain_order=True).to_list(),
        "received": received.get_column("received").to_list(),  # empty for dates
        "decided": by_decided.get_column("decided").unique(maintain_order=True).to_list(),
    }
    raw = {k: v for k, v in raw.items() if k in present}
    book = read_distinct(raw)
    if any(book.bad(k) for k in CASE_KEYS):
        return None
    index = {k: {v: i for i, v in enumerate(book.raw[k])} for k in CASE_KEYS}

    def at(key: str, v: object) -> int:
        return index[key].get(v, -1)

    def ordinal(v: object) -> int:
        return v.toordinal() if v is not None else -1  # type: ignore[attr-defined]

    for raw_r, eng_r in received.iter_rows():
        if book.received[at("received", raw_r)] != ordinal(eng_r):
            return None
    excluded: dict[int, int] = {}
    day_rows: list[tuple[int, int, int, int | None, int]] = []
    firsts: dict[int, int] = {}
    for goal, inc, loc, days, given, diff, n, row in by_days.iter_rows():
        g = book.goal[at("goal", goal)] if "goal" in present else -1
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
    decided_rows: list[tuple[int, int, int, int]] = []
    for goal, inc, loc, dec, n, eng_d in by_decided.iter_rows():
        ord_d = book.decided[at("decided", dec)] if "decided" in present else -1
        if ord_d != ordinal(eng_d):
            return None
        g = book.goal[at("goal", goal)] if "goal" in present else -1
        if g < 0 or ("included" in present and book.excluded[at("included", inc)]):
            continue
        if n:  # cases with Dage or both dates
            decided_rows.append((g, at("location", loc), ord_d, n))
    counts = Counts(
        days=tuple(day_rows),
        decided=tuple(decided_rows),
        goals=tuple((g, excluded.get(g, 0), 0, row) for g, row in firsts.items()),
        rows=int(by_days.get_column("len").sum()),
    )
    cases, issues = assemble_both(book, counts, sheet=table.path.name, col_of=col_of)
    return (cases, issues), counts.rows
