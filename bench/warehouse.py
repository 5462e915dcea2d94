"""Bench parts for case data at warehouse scale (issue 16), called from bench/run.py.

- `engines`: DuckDB against Polars on Målscore's own indicators (bench/engines.py) for 1M and
  10M rows, as CSV and as Parquet; both must give the same scorecard.
- `warehouse`: `maalscore beregn --sagsdata` on 1M rows of CSV against a whole-process
  `polars.read_csv` and `pandas.read_csv` of the same file; on 10M rows of CSV and Parquet
  against Polars' own scan + group-by of the same columns, with peak memory; and the share of
  the integrity stamp in a 1M-row xlsx run. With the 1M-row rows, as information, the same
  `beregn` without case data and a bare `import polars`: what the 1.5 × target leaves.
- `database`: the same plan with 5M cases counted inside PostgreSQL (`--sagsdata-db`) against
  the same cases in a file (skipped, and said so, without a reachable server).
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path
from typing import Any

from bench.run import OUT, PY, Row, beregn, fmt_s, measure, py, run_once, verdict

POLARS_READ = (
    "import polars as pl, sys; df = pl.read_csv(sys.argv[1], separator=';'); print(len(df))"
)
PANDAS_CSV = (
    "import pandas as pd, sys; "
    "df = pd.read_csv(sys.argv[1], sep=';', decimal=',', encoding='utf-8-sig'); print(len(df))"
)
STAMP_PROBE = """
import json, sys, time
from pathlib import Path
from calc.engine import FileOptions, evaluate, load_grids
from calc.stamp import make_stamp
grids = load_grids(Path(sys.argv[1]), FileOptions())
ev = evaluate(grids)
t = time.perf_counter(); make_stamp(grids, ev.plan, ev.updates); s = time.perf_counter() - t
print(json.dumps({"stamp": s}))
"""


def case_files(n: int) -> tuple[Path, Path]:
    csv_path, parquet_path = OUT / f"cases-{n}.csv", OUT / f"cases-{n}.parquet"
    gen = Path(__file__).with_name("gen.py")
    fresh = all(
        p.exists() and p.stat().st_mtime > gen.stat().st_mtime for p in (csv_path, parquet_path)
    )
    if not fresh:
        t = time.perf_counter()
        code = (
            "from pathlib import Path; from bench.gen import make_case_files; "
            f"make_case_files(Path({str(csv_path)!r}), Path({str(parquet_path)!r}), {n})"
        )
        run_once(py(code))
        print(f"  cases-{n}: {time.perf_counter() - t:.1f} s", flush=True)
    return csv_path, parquet_path


def _json_runs(cmd: list[str], runs: int, label: str) -> tuple[Any, list[dict[str, Any]]]:
    """Whole-process measure plus each run's JSON line."""
    from bench.run import Measure

    m = Measure()
    outs = []
    for i in range(runs):
        t, rss, text = run_once(cmd)
        m.times.append(t)
        m.rss.append(rss)
        outs.append(json.loads(text.strip().splitlines()[-1]))
        print(f"    {label}: run {i + 1}/{runs} {t:.2f} s, {rss:.0f} MB", flush=True)
    return m, outs


def side_by_side(cmds: dict[str, list[str]], runs: int) -> dict[str, Any]:
    """Each command's `Measure`, the commands run in turn in every round (ours, then the
    baselines), so that a change in the shared machine's load falls on all of them alike
    instead of on whichever block of runs it happened to meet."""
    from bench.run import Measure

    out = {label: Measure() for label in cmds}
    for i in range(runs):
        for label, cmd in cmds.items():
            t, rss, _ = run_once(cmd)
            out[label].times.append(t)
            out[label].rss.append(rss)
            print(f"    {label}: run {i + 1}/{runs} {t:.2f} s, {rss:.0f} MB", flush=True)
    return out


def engines(
    rows: list[Row], std: Path, sizes: list[int], runs: int, notes: list[str] | None = None
) -> None:
    import importlib.util

    if importlib.util.find_spec("duckdb") is None:
        missing = "engines part skipped: DuckDB is not installed (pip install -e '.[bench]')"
        (notes if notes is not None else []).append(missing)
        return
    for n in sizes:
        csv_path, parquet_path = case_files(n)
        for path, kind in ((csv_path, "CSV"), (parquet_path, "Parquet")):
            print(f"Engines on our indicators, {n:,} rows of {kind} …", flush=True)
            results = {}
            for engine in ("polars", "duckdb"):
                cmd = [PY, "-m", "bench.engines", engine, str(path), str(std)]
                results[engine] = _json_runs(cmd, runs, engine)
            (pm, po), (dm, do) = results["polars"], results["duckdb"]
            same = {o["digest"] for o in po + do}
            rows.append(
                Row(
                    f"Engines, our indicators, {n:,} rows of {kind}: Polars vs DuckDB "
                    f"(whole process; same scorecard: {'yes' if len(same) == 1 else 'NO'})",
                    fmt_s(pm.median),
                    f"DuckDB {fmt_s(dm.median)}",
                    f"{pm.median / dm.median:.2f} ×",
                    f"{pm.peak:.0f} / {dm.peak:.0f} MB",
                    "(choice)",
                    "" if len(same) == 1 else "MISMATCH",
                )
            )


def warehouse(rows: list[Row], std: Path, res: Path, runs: int, big: int) -> None:
    small = 1_000_000
    csv1, _ = case_files(small)
    print(f"beregn --sagsdata, {small:,} rows of CSV …", flush=True)
    got = side_by_side(
        {
            "beregn": beregn(str(std), "--sagsdata", str(csv1), "--ud", str(res / "w1.xlsx")),
            "polars.read_csv": py(POLARS_READ) + [str(csv1)],
            "pandas.read_csv": py(PANDAS_CSV) + [str(csv1)],
            # what the 1.5 × target leaves for the case data: the same beregn without it, and
            # the part of the baseline that is only starting Polars
            "beregn, no case data": beregn(str(std), "--ud", str(res / "w0.xlsx")),
            "import polars": py("import polars"),
        },
        runs,
    )
    ours, pol, pan = got["beregn"], got["polars.read_csv"], got["pandas.read_csv"]
    plain, start = got["beregn, no case data"], got["import polars"]
    rows.append(
        Row(
            f"Case file {small:,} rows CSV: beregn --sagsdata vs polars.read_csv (whole process)",
            fmt_s(ours.median),
            f"polars {fmt_s(pol.median)}",
            f"{ours.median / pol.median:.2f} ×",
            f"{ours.peak:.0f} / {pol.peak:.0f} MB",
            "≤ 1.5 ×",
            verdict(ours.median <= 1.5 * pol.median),
        )
    )
    rows.append(
        Row(
            f"Case file {small:,} rows CSV: beregn --sagsdata vs pandas.read_csv (whole process)",
            fmt_s(ours.median),
            f"pandas {fmt_s(pan.median)}",
            f"{ours.median / pan.median:.2f} ×",
            f"{ours.peak:.0f} / {pan.peak:.0f} MB",
            "(info)",
            "",
        )
    )
    rows.append(
        Row(
            "The same beregn without case data (the standard plan) vs the same polars.read_csv",
            fmt_s(plain.median),
            f"polars {fmt_s(pol.median)}",
            f"{plain.median / pol.median:.2f} ×",
            f"{plain.peak:.0f} / {pol.peak:.0f} MB",
            "(info)",
            "",
        )
    )
    rows.append(
        Row(
            "Of that polars.read_csv: `import polars` alone (whole process)",
            fmt_s(start.median),
            f"polars {fmt_s(pol.median)}",
            f"{start.median / pol.median:.2f} ×",
            f"{start.peak:.0f} / {pol.peak:.0f} MB",
            "(info)",
            "",
        )
    )
    csv_big, parquet_big = case_files(big)
    for path, kind in ((csv_big, "CSV"), (parquet_big, "Parquet")):
        print(f"beregn --sagsdata, {big:,} rows of {kind} …", flush=True)
        got = side_by_side(
            {
                "beregn": beregn(str(std), "--sagsdata", str(path), "--ud", str(res / "wbig.xlsx")),
                "polars scan": [PY, "-m", "bench.engines", "polars-scan", str(path)],
            },
            runs,
        )
        ours, scan = got["beregn"], got["polars scan"]
        ok_t = ours.median <= 2 * scan.median
        rows.append(
            Row(
                f"Case file {big:,} rows {kind}: beregn --sagsdata vs Polars scan + group-by of "
                "the same columns",
                fmt_s(ours.median),
                f"scan {fmt_s(scan.median)}",
                f"{ours.median / scan.median:.2f} ×",
                f"{ours.peak:.0f} / {scan.peak:.0f} MB",
                "≤ 2 ×",
                verdict(ok_t),
            )
        )
        rows.append(
            Row(
                f"Case file {big:,} rows {kind}: peak memory of beregn",
                f"{ours.peak:.0f} MB",
                "",
                "",
                "",
                "≤ 1536 MB",
                verdict(ours.peak <= 1536),
            )
        )


def stamp_share(rows: list[Row], book: Path, res: Path, runs: int) -> None:
    """The integrity stamp's part of a whole `beregn` of the 1M-row workbook."""
    print(f"Stamp share in {book.name} …", flush=True)
    whole = measure(beregn(str(book), "--ud", str(res / "stamp.xlsx")), runs, label="beregn")
    _, outs = _json_runs(py(STAMP_PROBE) + [str(book)], runs, "stamp probe")
    stamp = sorted(o["stamp"] for o in outs)[len(outs) // 2]
    share = stamp / whole.median
    rows.append(
        Row(
            f"Integrity stamp over the {book.stem.split('-')[-1]}-row Sagsdata sheet: "
            "share of a whole beregn",
            f"{stamp:.3f} s",
            f"beregn {fmt_s(whole.median)}",
            f"{share * 100:.1f} %",
            "",
            "≤ 10 %",
            verdict(share <= 0.10),
        )
    )


DEFAULT_PG = "postgresql+pg8000://maalscore:maalscore@127.0.0.1:5432/maalscore_test"


def database(rows: list[Row], std: Path, res: Path, runs: int, notes: list[str]) -> None:
    n = 5_000_000
    try:
        import sqlalchemy as sa

        url = sa.engine.make_url(os.environ.get("MAALSCORE_TEST_PG", DEFAULT_PG))
        engine = sa.create_engine(url, connect_args={"timeout": 5})
        with engine.connect() as conn:
            conn.execute(sa.text("SELECT 1"))
    except Exception as exc:
        notes.append(f"database part skipped: no PostgreSQL reachable ({type(exc).__name__})")
        return
    csv_path, _ = case_files(n)
    table = "bench_cases_5m"
    print(f"Loading {n:,} rows into PostgreSQL (COPY) …", flush=True)
    t = time.perf_counter()
    _load(engine, table, csv_path, n)
    print(f"  {time.perf_counter() - t:.1f} s", flush=True)
    engine.dispose()
    bare = sa.engine.URL.create(
        url.drivername, url.username, None, url.host, url.port, url.database
    )
    env = {"MAALSCORE_DB_PASSWORD": url.password or ""}
    os.environ.update(env)
    db_cmd = beregn(
        str(std), "--sagsdata-db", bare.render_as_string(hide_password=False),
        "--sagsforespørgsel", table, "--ud", str(res / "db.xlsx"), "--json",
    )  # fmt: skip
    file_cmd = beregn(
        str(std), "--sagsdata", str(csv_path), "--ud", str(res / "dbf.xlsx"), "--json"
    )
    ours = measure(db_cmd, runs, label="beregn --sagsdata-db")
    base = measure(file_cmd, runs, label="beregn --sagsdata (file)")
    same = _goals(run_once(db_cmd)[2]) == _goals(run_once(file_cmd)[2])
    rows.append(
        Row(
            f"{n:,} cases counted inside PostgreSQL: beregn --sagsdata-db vs the same cases as "
            f"a CSV file (same results: {'yes' if same else 'NO'})",
            fmt_s(ours.median),
            f"file {fmt_s(base.median)}",
            f"{ours.median / base.median:.2f} ×",
            f"{ours.peak:.0f} / {base.peak:.0f} MB",
            "(info)",
            "" if same else "MISMATCH",
        )
    )


def _goals(text: str) -> list[Any]:
    record = json.loads(text.strip().splitlines()[-1])
    return [(g["id"], g["fulfilment_pct"], g["explanation"]) for g in record["goals"]]


def _load(engine: Any, table: str, csv_path: Path, n: int) -> None:
    import sqlalchemy as sa

    with engine.connect() as conn:
        exists = conn.execute(sa.text("SELECT to_regclass(:t)"), {"t": table}).scalar()
        if exists and conn.execute(sa.text(f"SELECT count(*) FROM {table}")).scalar() == n:
            return
    raw = engine.raw_connection()
    try:
        cur = raw.cursor()
        cur.execute(f"DROP TABLE IF EXISTS {table}")
        cur.execute(
            f'CREATE TABLE {table} ("Mål" text, "Sag" text, "Modtaget" date, "Afgjort" date, '
            '"Lokation" text, "Medtages" text, "Dage" integer)'
        )
        cur.execute("SET DateStyle = 'ISO, DMY'")
        with csv_path.open("rb") as fh:
            fh.read(3)  # the BOM
            cur.execute(
                f"COPY {table} FROM STDIN WITH (FORMAT csv, DELIMITER ';', HEADER true)", stream=fh
            )
        raw.commit()
    finally:
        raw.close()
