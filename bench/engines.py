"""DuckDB against Polars on Målscore's own indicators (which engine `calc.casescan` uses).

    python -m bench.engines polars|duckdb CASES.csv|CASES.parquet PLAN.xlsx
    python -m bench.engines polars-scan|duckdb-scan CASES.csv|CASES.parquet

The first form is the whole job an engine does for Målscore, in one scan: parse the dates,
leave out Medtages = Nej, take Dage or Afgjort − Modtaget, and count cases per goal, location
and day value and per goal, location and decision date (what every indicator needs: shares
within N days and by a date, trimmed means with ties, median, nearest-rank percentiles,
maximum, count, per-location weights); the counts become `CaseCounts` and the bench plan is
scored with them by the core. It prints the scorecard's digest (both engines must agree, and
agree with `maalscore beregn`) and the seconds of the engine work. The second form is the
engine's bare scan + group-by of the same columns (the baseline of the 10M-row targets).
"""

from __future__ import annotations

import hashlib
import json
import sys
import time
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

COLS = ("Mål", "Modtaget", "Afgjort", "Lokation", "Medtages", "Dage")
EPOCH = date(1970, 1, 1).toordinal()


def polars_counts(path: Path) -> tuple[list[Any], list[Any], list[Any]]:
    import polars as pl

    if path.suffix == ".parquet":
        lf = pl.scan_parquet(path).select(COLS)
        r, d = pl.col("Modtaget"), pl.col("Afgjort")
        days = pl.col("Dage").cast(pl.Int64)
    else:
        lf = pl.scan_csv(path, separator=";", infer_schema=False).select(COLS)
        r = pl.col("Modtaget").str.to_date("%d-%m-%Y", strict=False)
        d = pl.col("Afgjort").str.to_date("%d-%m-%Y", strict=False)
        days = pl.col("Dage").cast(pl.Int64, strict=False)
    base = lf.select(
        pl.col("Mål").cast(pl.String).alias("g"),
        pl.col("Lokation").alias("loc"),
        (pl.col("Medtages") == "Nej").fill_null(False).alias("excl"),
        pl.coalesce(days, (d - r).dt.total_days()).alias("day"),
        d.alias("d"),
    )
    kept = base.filter(~pl.col("excl") & pl.col("day").is_not_null())
    a, b, c = pl.collect_all(
        [
            kept.group_by("g", "loc", "day").agg(pl.len()),
            kept.group_by("g", "loc", "d").agg(pl.len()),
            base.group_by("g").agg(
                pl.col("excl").sum(),
                (~pl.col("excl") & pl.col("day").is_null()).sum().alias("without"),
            ),
        ],
        engine="streaming",
    )
    return a.rows(), [(g, loc, _ord(x), n) for g, loc, x, n in b.rows()], c.rows()


def duckdb_counts(path: Path) -> tuple[list[Any], list[Any], list[Any]]:
    import duckdb

    con = duckdb.connect()
    if path.suffix == ".parquet":
        src = f"read_parquet('{path}')"
        r, d, days = '"Modtaget"', '"Afgjort"', 'CAST("Dage" AS BIGINT)'
    else:
        src = f"read_csv('{path}', delim=';', header=true, all_varchar=true)"
        r = "try_strptime(\"Modtaget\", '%d-%m-%Y')::DATE"
        d = "try_strptime(\"Afgjort\", '%d-%m-%Y')::DATE"
        days = 'TRY_CAST("Dage" AS BIGINT)'
    con.sql(
        f"""CREATE TEMP VIEW base AS SELECT CAST("Mål" AS VARCHAR) AS g, "Lokation" AS loc,
        coalesce("Medtages" = 'Nej', false) AS excl, coalesce({days}, date_diff('day', {r}, {d}))
        AS day, {d} AS d FROM {src}"""
    )
    a = con.sql(
        "SELECT g, loc, day, count(*) FROM base WHERE NOT excl AND day IS NOT NULL GROUP BY ALL"
    ).fetchall()
    b = con.sql(
        "SELECT g, loc, d, count(*) FROM base WHERE NOT excl AND day IS NOT NULL GROUP BY ALL"
    ).fetchall()
    c = con.sql(
        "SELECT g, sum(excl::INT), sum((NOT excl AND day IS NULL)::INT) FROM base GROUP BY g"
    ).fetchall()
    return a, [(g, loc, _ord(x), n) for g, loc, x, n in b], c


def _ord(x: date | None) -> int:
    return x.toordinal() if x is not None else -1


def score(plan_path: Path, counts: tuple[list[Any], list[Any], list[Any]]) -> str:
    """The bench plan scored with these counts; the digest of every goal's result."""
    from calc.engine import FileOptions, load_grids
    from calc.model import CaseCounts, GoalCases
    from calc.parser import parse_plan
    from calc.scoring import score_plan

    by_days, by_decided, goals = counts
    hist: dict[tuple[str, str], tuple[dict[Decimal, int], dict[date | None, int]]] = {}
    for g, loc, day, n in by_days:
        h = hist.setdefault((g, loc or ""), ({}, {}))[0]
        h[Decimal(day)] = h.get(Decimal(day), 0) + n
    for g, loc, ordinal, n in by_decided:
        h2 = hist.setdefault((g, loc or ""), ({}, {}))[1]
        key = date.fromordinal(ordinal) if ordinal > 0 else None
        h2[key] = h2.get(key, 0) + n
    cases = []
    for g, excluded, without in sorted(goals):
        locs = sorted((loc, hs) for (gg, loc), hs in hist.items() if gg == g)
        counts_ = tuple(
            CaseCounts(loc, tuple(sorted(d.items())), tuple(sorted(x.items(), key=_key)))
            for loc, (d, x) in locs
        )
        cases.append(
            GoalCases(g, excluded=int(excluded), without_days=int(without), counts=counts_)
        )
    plan, _ = parse_plan(load_grids(plan_path, FileOptions()))
    assert plan is not None
    card = score_plan(replace(plan, cases=tuple(cases)))
    text = repr([(g.goal_id, g.fulfilment, g.explanation) for g in card.goals])
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def _key(kv: tuple[date | None, int]) -> tuple[bool, date]:
    return (kv[0] is not None, kv[0] or date.min)


def scan_polars(path: Path) -> int:
    import polars as pl

    lf = (
        pl.scan_parquet(path)
        if path.suffix == ".parquet"
        else pl.scan_csv(path, separator=";", infer_schema=False)
    )
    out = (
        lf.select(COLS)
        .group_by("Mål", "Lokation", "Medtages")
        .agg(pl.len(), *(pl.col(c).n_unique() for c in ("Modtaget", "Afgjort", "Dage")))
        .collect(engine="streaming")
    )
    return len(out)


def scan_duckdb(path: Path) -> int:
    import duckdb

    src = (
        f"read_parquet('{path}')"
        if path.suffix == ".parquet"
        else f"read_csv('{path}', delim=';', header=true, all_varchar=true)"
    )
    q = (
        'SELECT "Mål", "Lokation", "Medtages", count(*), count(DISTINCT "Modtaget"), '
        f'count(DISTINCT "Afgjort"), count(DISTINCT "Dage") FROM {src} GROUP BY ALL'
    )
    return len(duckdb.connect().sql(q).fetchall())


def main(argv: list[str]) -> int:
    engine, path = argv[0], Path(argv[1])
    t = time.perf_counter()
    if engine == "polars-scan":
        print(json.dumps({"groups": scan_polars(path), "seconds": time.perf_counter() - t}))
        return 0
    if engine == "duckdb-scan":
        print(json.dumps({"groups": scan_duckdb(path), "seconds": time.perf_counter() - t}))
        return 0
    counts = polars_counts(path) if engine == "polars" else duckdb_counts(path)
    seconds = time.perf_counter() - t
    print(json.dumps({"digest": score(Path(argv[2]), counts), "seconds": seconds}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
