"""Indicators counted inside a real PostgreSQL equal the same cases read from a file, and every
database failure is a Danish message naming the goals and the setting, the workbook untouched.

The server: `MAALSCORE_TEST_PG` (a SQLAlchemy URL with password; `.ci/run` starts Debian's
PostgreSQL and sets it), else the role `.ci/run` creates on 127.0.0.1:5432. Without a server
the tests skip and say so. 5 million rows are loaded once per session with COPY.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

sa = pytest.importorskip("sqlalchemy")
pl = pytest.importorskip("polars")

from calc.casedb import CaseDatabaseError  # noqa: E402
from calc.engine import FileOptions, evaluate, load_grids  # noqa: E402
from calc.grid import CountedSheet  # noqa: E402
from calc.xlsx import columnar  # noqa: E402
from tests.casebuild import build_plan  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
DEFAULT = "postgresql+pg8000://maalscore:maalscore@127.0.0.1:5432/maalscore_test"
BIG = 5_000_000
BIG_TABLE = "sager_5m_v2"  # bump when cases_frame changes: a loaded table is reused


@pytest.fixture(scope="session")
def pg() -> sa.engine.URL:
    url = sa.engine.make_url(os.environ.get("MAALSCORE_TEST_PG", DEFAULT))
    try:
        engine = sa.create_engine(url, connect_args={"timeout": 5})
        with engine.connect() as conn:
            conn.execute(sa.text("SELECT 1"))
        engine.dispose()
    except Exception as exc:  # no server here: say so, do not fail
        pytest.skip(
            f"no PostgreSQL reachable at {url.render_as_string()} ({exc}); .ci/run starts one"
        )
    return url


@pytest.fixture(autouse=True)
def approved_server(monkeypatch):
    """The test server is the user's own: approved, as MAALSCORE_DB_HOSTS would say (it is
    127.0.0.1 in CI, which needs no approval; a developer's MAALSCORE_TEST_PG may differ)."""
    host = sa.engine.make_url(os.environ.get("MAALSCORE_TEST_PG", DEFAULT)).host or ""
    monkeypatch.setenv("MAALSCORE_DB_HOSTS", host)


def no_password(url: sa.engine.URL) -> str:
    bare = sa.engine.URL.create(
        url.drivername, url.username, None, url.host, url.port, url.database
    )
    return bare.render_as_string(hide_password=False)


@pytest.fixture
def password(pg, monkeypatch):
    monkeypatch.setenv("MAALSCORE_DB_PASSWORD", pg.password or "")


def cases_frame(n: int, seed: int) -> pl.DataFrame:
    """n cases for the goals of tests/casebuild.py, with ties, exclusions, locations (one
    spelled ' valby'), Dage given for some and dates for the rest, a few without either."""
    import numpy as np

    rng = np.random.default_rng(seed)
    ties = np.array([0, 3, 10, 10, 10, 30, 31, 32, 45, 46, 70, 200], dtype=np.int32)
    frame = pl.DataFrame(
        {
            "goal": rng.integers(1, 10, n, dtype=np.int32),
            "days": ties[rng.integers(0, len(ties), n)],
            "decided": rng.integers(0, 365, n, dtype=np.int32) + 20089,  # 2025-01-01 on
            "loc": rng.integers(0, 5, n, dtype=np.int8),
            "u": rng.random(n),
        }
    )
    locations = pl.Series(["Valby", "Aarhus", "Odense", " valby", None])
    goal = pl.col("goal")
    return frame.select(
        goal.cast(pl.String).alias("Mål"),
        pl.int_range(0, n).cast(pl.String).alias("Sag"),
        pl.when(pl.col("u") < 0.01)
        .then(None)
        .otherwise(pl.col("decided") - pl.col("days"))
        .cast(pl.Date)
        .alias("Modtaget"),
        pl.col("decided").cast(pl.Date).alias("Afgjort"),
        pl.when(goal.is_in([6, 7]))
        .then(pl.col("loc").replace_strict([0, 1, 2, 3, 4], locations, return_dtype=pl.String))
        .alias("Lokation"),
        pl.when((pl.col("u") * 1000) % 1 < 0.05)
        .then(pl.lit("Nej"))
        .otherwise(pl.lit("Ja"))
        .alias("Medtages"),
        pl.when((pl.col("u") * 97) % 1 < 0.3).then(pl.col("days")).alias("Dage"),
    )


def write_danish_csv(frame: pl.DataFrame, path: Path) -> Path:
    frame.write_csv(path, separator=";", date_format="%d-%m-%Y")
    return path


def load(pg: sa.engine.URL, table: str, csv_path: Path, rows: int) -> None:
    """The CSV into a typed table with COPY (skipped when the table already holds it)."""
    engine = sa.create_engine(pg)
    with engine.connect() as conn:
        exists = conn.execute(sa.text("SELECT to_regclass(:t)"), {"t": table}).scalar()
        if exists and conn.execute(sa.text(f"SELECT count(*) FROM {table}")).scalar() == rows:
            engine.dispose()
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
            cur.execute(
                f"COPY {table} FROM STDIN WITH (FORMAT csv, DELIMITER ';', HEADER true)",
                stream=fh,
            )
        raw.commit()
    finally:
        raw.close()
        engine.dispose()


@pytest.fixture(scope="session")
def big(pg, tmp_path_factory) -> Path:
    csv_path = tmp_path_factory.mktemp("big") / "sager-5m.csv"
    write_danish_csv(cases_frame(BIG, 2025), csv_path)
    load(pg, BIG_TABLE, csv_path, BIG)
    return csv_path


@pytest.fixture(scope="module")
def plan(tmp_path_factory) -> Path:
    return build_plan(tmp_path_factory.mktemp("plan") / "plan.xlsx")


def results(ev):
    assert ev.scorecard is not None, ev.issues
    return [(g.goal_id, g.fulfilment, g.points, g.explanation) for g in ev.scorecard.goals]


def test_five_million_rows_in_the_database_equal_the_file(pg, big, plan, password):
    db = load_grids(plan, FileOptions(sagsdata_db=no_password(pg), sagsquery=BIG_TABLE))
    sheet = db.find("Sagsdata")
    assert isinstance(sheet, CountedSheet) and sheet.height == BIG + 1
    from_db = evaluate(db)
    from_file = evaluate(load_grids(plan, FileOptions(sagsdata=big)))
    assert from_db.ok and from_file.ok
    assert results(from_db) == results(from_file)
    assert "sager" in results(from_db)[0][3]


def test_small_table_with_text_flags_and_decimal_days_equals_the_row_by_row_file(
    pg, plan, password, tmp_path, monkeypatch
):
    frame = cases_frame(3000, 7).with_columns(
        pl.col("Medtages").replace({"Nej": "nej"}), (pl.col("Dage") / 2).alias("Dage")
    )
    csv_path = tmp_path / "sager.csv"
    frame.with_columns(pl.col("Dage").cast(pl.String).str.replace(r"\.", ",")).write_csv(
        csv_path, separator=";", date_format="%d-%m-%Y"
    )
    engine = sa.create_engine(pg)
    with engine.begin() as conn:
        conn.execute(sa.text("DROP TABLE IF EXISTS sager_small"))
        conn.execute(
            sa.text(
                'CREATE TABLE sager_small ("Mål" integer, "Sag" text, "Modtaget" timestamp, '
                '"Afgjort" date, "Lokation" text, "Medtages" text, "Dage" numeric(6, 1))'
            )
        )
        rows = frame.with_columns(pl.col("Mål").cast(pl.Int32)).to_dicts()
        conn.execute(
            sa.text(
                "INSERT INTO sager_small VALUES (:Mål, :Sag, :Modtaget, :Afgjort, :Lokation, "
                ":Medtages, :Dage)"
            ),
            rows,
        )
    engine.dispose()
    sql = tmp_path / "sager.sql"
    sql.write_text('SELECT "Mål", "Modtaget", "Afgjort", "Lokation", "Medtages", "Dage" '
                   "FROM sager_small;\n")  # fmt: skip
    from_db = evaluate(
        load_grids(plan, FileOptions(sagsdata_db=no_password(pg), sagsquery=str(sql)))
    )
    monkeypatch.setattr(columnar, "ENGINE_FROM", 1 << 62)  # the row-by-row reference reader
    from_file = evaluate(load_grids(plan, FileOptions(sagsdata=csv_path)))
    assert results(from_db) == results(from_file)


# --- errors: Danish, naming the goals and the setting; the workbook untouched ---------------


def run_beregn(book: Path, *extra: str, env: dict[str, str] | None = None):
    before = book.read_bytes()
    proc = subprocess.run(
        [sys.executable, "-m", "calc.cli", "beregn", str(book), *extra],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        stdin=subprocess.DEVNULL,
        timeout=120,
    )
    assert book.read_bytes() == before
    return proc


@pytest.fixture
def small_table(pg, password):
    engine = sa.create_engine(pg)
    with engine.begin() as conn:
        conn.execute(sa.text("DROP TABLE IF EXISTS sager_fejl"))
        conn.execute(
            sa.text(
                'CREATE TABLE sager_fejl ("Mål" text, "Afgjort" date, "Medtages" text, "Dage" int)'
            )
        )
        conn.execute(sa.text("INSERT INTO sager_fejl VALUES ('1', '2025-03-17', 'Ja', 3)"))
    engine.dispose()
    return "sager_fejl"


@pytest.mark.parametrize(
    ("url", "query", "env", "expect"),
    [
        ("ikke en url", "sager_fejl", {}, "adressen (URL) kan ikke læses"),
        ("{nopw}", "sager_fejl", {"MAALSCORE_DB_PASSWORD": "forkert"}, "afviste login"),
        ("{nopw}", "findes_ikke", {}, "findes ikke i databasen"),
        ("{nopw}", "SELECT 1 AS x", {}, "ingen kolonne Mål"),
        (
            "{nopw}",
            'SELECT "Mål", "Dage", pg_sleep(3) AS z FROM sager_fejl',
            {"MAALSCORE_DB_TIMEOUT": "1"},
            "svarede ikke i tide",
        ),
        (
            "postgresql+pg8000://maalscore@127.0.0.1:1/maalscore_test",
            "sager_fejl",
            {},
            "forbindelsen",
        ),
    ],
)
def test_database_failures_are_danish_and_name_goals_and_setting(
    pg, small_table, tmp_path, url, query, env, expect
):
    url = url.format(nopw=no_password(pg))
    book = build_plan(tmp_path / "plan.xlsx", [("Sagsdatabase", url), ("Sagsforespørgsel", query)])
    env = {"MAALSCORE_DB_PASSWORD": pg.password or "", **env}
    proc = run_beregn(book, env=env)
    assert proc.returncode == 3, proc.stdout + proc.stderr
    msg = proc.stdout + proc.stderr
    assert expect in msg
    assert "Målene 1, 2, 3, 4, 5, 6, 7, 8, 9" in msg and "Plan!B" in msg
    assert "Traceback" not in msg and f":{pg.password}@" not in msg and "forkert" not in msg


def test_password_in_the_workbook_is_refused(pg, tmp_path):
    book = build_plan(
        tmp_path / "plan.xlsx",
        [("Sagsdatabase", pg.render_as_string(hide_password=False)), ("Sagsforespørgsel", "x")],
    )
    proc = run_beregn(book)
    assert proc.returncode == 3
    assert "Adgangskoden må ikke stå i projektmappen" in proc.stdout + proc.stderr


def test_plan_labels_and_a_sql_file_beside_the_workbook(pg, small_table, tmp_path):
    (tmp_path / "sager.sql").write_text("SELECT * FROM sager_fejl")
    book = build_plan(
        tmp_path / "plan.xlsx",
        [("Sagsdatabase", no_password(pg)), ("Sagsforespørgsel", "sager.sql")],
    )
    proc = run_beregn(
        book, "--ud", str(tmp_path / "ud.xlsx"), "--json",
        env={"MAALSCORE_DB_PASSWORD": pg.password or ""},
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert '"id": "5"' in proc.stdout


def test_a_bad_value_in_the_database_is_named_with_column_and_count(
    pg, small_table, plan, password
):
    engine = sa.create_engine(pg)
    with engine.begin() as conn:
        conn.execute(
            sa.text(
                "INSERT INTO sager_fejl VALUES ('1', NULL, 'måske', 4), ('2', NULL, 'måske', 5)"
            )
        )
    engine.dispose()
    ev = evaluate(
        load_grids(plan, FileOptions(sagsdata_db=no_password(pg), sagsquery="sager_fejl"))
    )
    assert not ev.ok
    (issue,) = [i for i in ev.issues if i.sheet == "Sagsdatabase"]
    assert issue.cell == "Medtages" and "2 rækker" in issue.message and "måske" in issue.message


def test_day_difference_compiles_for_sql_server():
    from sqlalchemy.dialects import mssql, postgresql

    from calc.casedb import _day_diff

    expr = _day_diff()(sa.column("a"), sa.column("b"))
    assert (
        str(expr.compile(dialect=mssql.dialect()))
        == "DATEDIFF(day, CAST(a AS DATE), CAST(b AS DATE))"
    )
    assert str(expr.compile(dialect=postgresql.dialect())) == "(CAST(b AS DATE) - CAST(a AS DATE))"


def test_missing_query_setting_is_explained(tmp_path):
    book = build_plan(tmp_path / "plan.xlsx", [("Sagsdatabase", "postgresql+pg8000://x@h/db")])
    with pytest.raises(CaseDatabaseError, match="Sagsforespørgsel"):
        load_grids(book, FileOptions())


def test_no_password_anywhere_is_explained_not_a_traceback(pg, small_table, tmp_path):
    book = build_plan(
        tmp_path / "plan.xlsx", [("Sagsdatabase", no_password(pg)), ("Sagsforespørgsel", "q.sql")]
    )
    (tmp_path / "q.sql").write_text("SELECT * FROM sager_fejl")
    env = {k: v for k, v in os.environ.items() if k != "MAALSCORE_DB_PASSWORD"}
    before = book.read_bytes()
    proc = subprocess.run(
        [sys.executable, "-m", "calc.cli", "beregn", str(book)],
        capture_output=True, text=True, cwd=ROOT, env=env, stdin=subprocess.DEVNULL, timeout=120,
    )  # fmt: skip
    assert book.read_bytes() == before
    assert proc.returncode == 3, proc.stderr
    assert "beder om en adgangskode" in proc.stderr + proc.stdout
    assert "forespørgsel «q.sql»" in proc.stderr + proc.stdout
    assert "Traceback" not in proc.stderr


def test_impossible_cases_in_the_database_are_errors_with_column_and_count(pg, plan, password):
    engine = sa.create_engine(pg)
    with engine.begin() as conn:
        conn.execute(sa.text("DROP TABLE IF EXISTS sager_umulige"))
        conn.execute(
            sa.text(
                'CREATE TABLE sager_umulige ("Mål" text, "Modtaget" date, "Afgjort" date, '
                '"Dage" int)'
            )
        )
        conn.execute(
            sa.text(
                "INSERT INTO sager_umulige VALUES ('1', '2025-03-01', '2025-02-01', NULL), "
                "('1', '2025-03-01', '2025-02-01', NULL), ('1', NULL, NULL, -4), "
                "('1', NULL, NULL, 3), ('1', '2025-03-01', NULL, NULL)"
            )
        )
    engine.dispose()
    ev = evaluate(
        load_grids(plan, FileOptions(sagsdata_db=no_password(pg), sagsquery="sager_umulige"))
    )
    assert not ev.ok
    found = [(i.cell, i.severity, i.message) for i in ev.issues if i.sheet == "Sagsdatabase"]
    assert found == [
        ("Dage", "error", "Dage kan ikke være negativ: 1 rækker har værdien «-4» i kolonnen Dage."),
        ("Afgjort", "error", "2 sager er afgjort, før de blev modtaget (Afgjort før Modtaget). "
         "Ret datoerne."),
        ("Afgjort", "warning", "1 sager for mål 1 har hverken Dage eller både Modtaget og "
         "Afgjort og er ikke medregnet."),
    ]  # fmt: skip
