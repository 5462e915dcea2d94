"""Indicators inside the agency's database: Sagsdata counted by SQL, through SQLAlchemy Core.

The case data stays in the warehouse. A query (a view or table name, or a `.sql` file beside
the workbook) returns the Sagsdata columns (Mål, Sag, Modtaget, Afgjort, Lokation, Medtages,
Dage, named as on the sheet, in Danish, Swedish or English); Målscore wraps it in three
`GROUP BY` queries and only counts leave the database:

- per goal: the number of rows and the smallest Modtaget/Afgjort (to see the columns' types);
- per goal, Medtages, Lokation, Dage and (without Dage) Afgjort − Modtaget in days: cases;
- per goal, Medtages, Lokation, whether Dage or both dates are there, and Afgjort: cases.

A few thousand numbers for a year of cases, however many rows. Python reads each distinct
value with the rules of `calc.values` (`calc.casecounts`), exactly as a cell in the sheet, and
the indicators are computed exactly from the counts (`indicators.compute_counts`): the same
numbers as the same cases in a file. Dates must be dates in the database (`DATE` or
`TIMESTAMP`; `CAST(x AS DATE)` in the view otherwise) and Dage a number.

The SQL is portable: plain `SELECT … GROUP BY` over a derived table, and the one
non-portable piece, the difference of two dates in days, compiled per dialect (PostgreSQL and
DuckDB `date − date`, SQL Server `DATEDIFF(day, …)`, SQLite `julianday`). URLs:

    postgresql+pg8000://bruger@server:5432/database
    mssql+pyodbc://bruger@server/database?driver=ODBC+Driver+18+for+SQL+Server
    mssql+pyodbc://server/database?driver=ODBC+Driver+18+for+SQL+Server&trusted_connection=yes

The password is never kept in the workbook: it comes from the environment variable
`MAALSCORE_DB_PASSWORD`, or is asked for (`maalscore beregn` in a terminal). Every failure —
a URL that cannot be read, a refused login, a missing table or column, a timeout — is a
`CaseDatabaseError` with a Danish message naming the goals that need the data and the setting.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

from .casecounts import CASE_KEYS, Counts, assemble, read_distinct
from .errors import WorkbookReadError
from .fmt import plain
from .grid import CountedSheet, SheetGrid
from .headers import CASE_FIELDS, find_header

PASSWORD_ENV = "MAALSCORE_DB_PASSWORD"
HOSTS_ENV = "MAALSCORE_DB_HOSTS"  # database servers a workbook's Plan sheet may name
TIMEOUT_ENV = "MAALSCORE_DB_TIMEOUT"
DEFAULT_TIMEOUT = 600  # seconds a query may take
LABEL = "Sagsdatabase"


class CaseDatabaseError(WorkbookReadError):
    """The case database cannot be used; the message is Danish and says what to do."""


@dataclass(frozen=True)
class CaseSource:
    """Where the cases are: the URL, the query (a view/table name or SQL text), and how the
    user gave them (for messages: `Plan!B9` or `--sagsdata-db`)."""

    url: str
    query: str
    setting: str
    goals: tuple[str, ...] = ()  # the goals computed from case data, for messages
    timeout: int = DEFAULT_TIMEOUT
    written: str = ""  # the query as the user wrote it (`sager.sql`), for messages


def query_text(value: str, workbook_dir: Path | None) -> str:
    """Sagsforespørgsel as SQL: a `.sql` file (relative to the workbook) is read; anything else
    is a view or table name (`sager_2025`, `dw.sager_2025`)."""
    value = value.strip()
    if value.lower().endswith(".sql"):
        path = Path(value)
        if not path.is_absolute() and workbook_dir is not None:
            path = workbook_dir / path
        try:
            return path.read_text(encoding="utf-8-sig").strip().rstrip(";").strip()
        except OSError as exc:
            raise CaseDatabaseError(
                f"Sagsforespørgslen «{value}» kan ikke læses ({exc}). Læg .sql-filen ved siden "
                "af projektmappen, eller skriv navnet på et view."
            ) from exc
    return value


_LOCAL_HOSTS = frozenset({"", "localhost", "127.0.0.1", "::1", "[::1]"})
# Query parameters through which a driver can be pointed at another server than the URL's host.
_HOST_PARAMS = frozenset({"host", "hostaddr", "server", "addr", "address", "dsn", "service"})


def unapproved_hosts(url: str, approved: str) -> tuple[str, ...]:
    """The servers a database URL would connect to that are neither this machine nor listed in
    `approved` (the value of MAALSCORE_DB_HOSTS: names separated by commas, semicolons or
    spaces, without port). A URL from a workbook's Plan sheet is checked with this before any
    connection, because a workbook received by e-mail could otherwise make Målscore send the
    user's MAALSCORE_DB_PASSWORD, or a Windows login (SQL Server's trusted connection), to a
    server the sender chose. A URL that cannot be read is left to the driver's own message."""
    import sqlalchemy as sa

    try:
        parsed = sa.engine.make_url(url.strip())
    except Exception:
        return ()
    allowed = {h.lower() for h in approved.replace(",", " ").replace(";", " ").split()}
    hosts = [parsed.host or ""]
    for key, value in parsed.query.items():
        values = (value,) if isinstance(value, str) else tuple(value)
        if key.lower() in _HOST_PARAMS:
            hosts.extend(values)
        elif key.lower() == "odbc_connect":
            hosts.extend(_odbc_servers(v) for v in values)
    return tuple(
        h for h in dict.fromkeys(_bare_host(h) for h in hosts)
        if h.lower() not in _LOCAL_HOSTS and h.lower() not in allowed and not h.startswith("/")
    )  # fmt: skip


def _odbc_servers(connect: str) -> str:
    """The Server (or Address) of an ODBC connection string; a DSN counts as the server."""
    for part in connect.split(";"):
        key, _, value = part.partition("=")
        if key.strip().lower() in {"server", "address", "addr", "dsn"}:
            return value.strip().strip("{}")
    return ""


def _bare_host(host: str) -> str:
    """`tcp:dw.example,1433` and `dw.example:5432` → `dw.example` (an IPv6 literal kept)."""
    host = host.strip()
    if host.lower().startswith("tcp:"):
        host = host[4:]
    host = host.split(",")[0]
    if host.startswith("["):
        return host.split("]")[0] + "]"
    if host.count(":") == 1:
        host = host.split(":")[0]
    return host


def read_case_database(
    source: CaseSource, name: str, password: Callable[[], str | None] | None = None
) -> SheetGrid:
    """The cases counted inside the database, as a `CountedSheet` called `name`."""
    import sqlalchemy as sa

    engine = None
    try:
        url = _url(source, password)
        engine = sa.create_engine(url, connect_args=_connect_args(url, source.timeout))
        with engine.connect() as conn:
            return _count(conn, source, name)
    except CaseDatabaseError:
        raise
    except sa.exc.ArgumentError as exc:
        raise _error(source, f"adressen (URL) kan ikke læses: {_first_line(exc)}") from exc
    except sa.exc.NoSuchModuleError as exc:
        raise _error(
            source,
            "databasedriveren er ikke installeret "
            f"({_first_line(exc)}; til PostgreSQL: pip install 'maalscore[warehouse]', "
            "til SQL Server: pip install pyodbc).",
        ) from exc
    except ImportError as exc:
        raise _error(source, f"databasedriveren er ikke installeret ({exc}).") from exc
    except sa.exc.DBAPIError as exc:
        raise _error(source, _explain(exc)) from exc
    except sa.exc.SQLAlchemyError as exc:
        raise _error(source, _first_line(exc)) from exc
    except TimeoutError as exc:
        raise _error(source, _timed_out(str(exc))) from exc
    except OSError as exc:
        raise _error(source, f"forbindelsen mislykkedes ({exc}).") from exc
    except Exception as exc:  # a driver's own failure (pg8000 without a password: None.decode)
        if isinstance(exc, AttributeError) and "decode" in str(exc):
            raise _error(source, _no_password()) from exc
        raise _error(source, f"databasedriveren fejlede ({type(exc).__name__}: {exc}).") from exc
    finally:
        if engine is not None:
            engine.dispose()


def _url(source: CaseSource, password: Callable[[], str | None] | None) -> Any:
    import sqlalchemy as sa

    url = sa.engine.make_url(source.url.strip())
    if url.password is None and url.username:
        secret = os.environ.get(PASSWORD_ENV)
        if secret is None and password is not None:
            secret = password()
        if secret:
            url = url.set(password=secret)
    return url


def _connect_args(url: Any, timeout: int) -> dict[str, Any]:
    driver = url.get_driver_name()
    if driver == "pg8000":
        return {"timeout": timeout}
    if driver == "pyodbc":
        return {"timeout": timeout}
    return {}


def _first_line(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None) or exc
    args = getattr(orig, "args", ())
    if args and isinstance(args[0], dict) and "M" in args[0]:  # pg8000: the server's fields
        return str(args[0]["M"])
    text = str(orig).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def _explain(exc: Any) -> str:
    """A DBAPI error in words a finance officer can act on."""
    raw = _first_line(exc)
    low = str(getattr(exc, "orig", exc)).lower()
    connect = ("create a connection", "refused", "could not translate", "name or service")
    if "password" in low or "authentication" in low or "login failed" in low or "28p01" in low:
        return (
            "databasen afviste login (brugernavn eller adgangskode). Adgangskoden står aldrig i "
            f"projektmappen: sæt miljøvariablen {PASSWORD_ENV}, eller kør maalscore beregn i en "
            f"terminal, så spørger den. ({raw})"
        )
    if any(word in low for word in connect):
        return f"forbindelsen til databasen mislykkedes; kontrollér server og port. ({raw})"
    if "timeout" in low or "timed out" in low or "canceling statement" in low:
        return _timed_out(raw)
    if "does not exist" in low or "invalid object name" in low or "no such table" in low:
        return f"tabellen, viewet eller en kolonne findes ikke i databasen. ({raw})"
    return raw


def _no_password() -> str:
    return (
        "databasen beder om en adgangskode, og der er ingen. Adgangskoden står aldrig i "
        f"projektmappen: sæt miljøvariablen {PASSWORD_ENV}, eller kør maalscore beregn i en "
        "terminal, så spørger den."
    )


def _timed_out(raw: str) -> str:
    return (
        "databasen svarede ikke i tide. Forsøg igen, eller sæt miljøvariablen "
        f"{TIMEOUT_ENV} til flere sekunder (nu {os.environ.get(TIMEOUT_ENV, DEFAULT_TIMEOUT)}). "
        f"({raw})"
    )


def _error(source: CaseSource, what: str) -> CaseDatabaseError:
    goals = ", ".join(source.goals)
    lead = f"Mål {goals} beregnes" if len(source.goals) == 1 else f"Målene {goals} beregnes"
    who = f"{lead} ud fra sagsdatabasen" if source.goals else "Sagsdatabasen"
    shown, query = _safe_url(source.url), _short(source.written or source.query)
    return CaseDatabaseError(
        f"{who} ({source.setting}: {shown}, forespørgsel «{query}»), men "
        f"{what} Projektmappen er ikke ændret."
    )


def _safe_url(url: str) -> str:
    """The URL as shown in messages: never with its password."""
    try:
        import sqlalchemy as sa

        return str(sa.engine.make_url(url.strip()).render_as_string(hide_password=True))
    except Exception:
        return "(adressen kan ikke læses)"


def _short(query: str) -> str:
    one = " ".join(query.split())
    return one if len(one) <= 60 else one[:57] + "…"


# --- the counting queries ----------------------------------------------------------------------


@cache
def _day_diff() -> Any:
    """`day_diff(a, b)`: b − a in days, as each dialect writes it."""
    from sqlalchemy import Integer
    from sqlalchemy.ext.compiler import compiles
    from sqlalchemy.sql.expression import FunctionElement

    class day_diff(FunctionElement[int]):
        type = Integer()
        inherit_cache = True
        name = "day_diff"

    def _args(element: Any, compiler: Any, **kw: Any) -> tuple[str, str]:
        a, b = list(element.clauses)
        return compiler.process(a, **kw), compiler.process(b, **kw)

    @compiles(day_diff)
    def _default(element: Any, compiler: Any, **kw: Any) -> str:
        a, b = _args(element, compiler, **kw)
        return f"(CAST({b} AS DATE) - CAST({a} AS DATE))"

    @compiles(day_diff, "mssql")
    def _mssql(element: Any, compiler: Any, **kw: Any) -> str:
        a, b = _args(element, compiler, **kw)
        return f"DATEDIFF(day, CAST({a} AS DATE), CAST({b} AS DATE))"

    @compiles(day_diff, "sqlite")
    def _sqlite(element: Any, compiler: Any, **kw: Any) -> str:
        a, b = _args(element, compiler, **kw)
        return f"CAST(julianday(date({b})) - julianday(date({a})) AS INTEGER)"

    return day_diff


def _source_select(conn: Any, source: CaseSource) -> tuple[Any, list[str]]:
    """The user's query as a derived table, and its column names."""
    import sqlalchemy as sa

    query = source.query
    from_: Any
    if _is_name(query):
        schema, _, table = query.rpartition(".")
        from_ = sa.table(table, schema=schema or None)
        probe = sa.select(sa.text("*")).select_from(from_).where(sa.false())
    else:
        from_ = sa.text(f"({query}) AS maalscore_q")
        probe = sa.select(sa.text("*")).select_from(from_).where(sa.false())
    keys = list(conn.execute(probe).keys())
    return from_, keys


def _is_name(query: str) -> bool:
    import re

    return re.fullmatch(r"[A-Za-z_][\w]*(\.[A-Za-z_][\w]*){0,2}", query) is not None


def _count(conn: Any, source: CaseSource, name: str) -> SheetGrid:
    import sqlalchemy as sa

    from_, keys = _source_select(conn, source)
    head = SheetGrid(name, (tuple(keys),))
    header = find_header(head, CASE_FIELDS, "goal")
    if header is None:
        raise _error(
            source,
            "forespørgslen giver ingen kolonne Mål (den gav: "
            + ", ".join(keys)
            + "). Giv kolonnerne de navne, de har på arket Sagsdata.",
        )
    present = {k: keys[c] for k in CASE_KEYS if (c := header.col(k)) is not None}
    q = sa.select(*(sa.column(keys[i]) for i in range(len(keys)))).select_from(from_).subquery("q")

    def col(key: str) -> Any:
        return q.c[present[key]] if key in present else sa.null()

    probe = sa.select(
        col("goal").label("goal"),
        sa.func.count().label("n"),
        sa.func.min(col("received")).label("r"),
        sa.func.min(col("decided")).label("d"),
    ).group_by(col("goal"))
    goal_rows = conn.execute(probe).all()
    for key, i in (("received", 2), ("decided", 3)):
        kind = next((type(r[i]) for r in goal_rows if r[i] is not None), None)
        if kind is not None and not hasattr(kind, "toordinal"):
            raise _error(
                source,
                f"kolonnen {present[key]} er ikke en dato i databasen (den er {kind.__name__}). "
                f"Skriv CAST({present[key]} AS DATE) i viewet eller forespørgslen.",
            )
    rec, dec, days = col("received"), col("decided"), col("days")
    both = sa.and_(rec.is_not(None), dec.is_not(None))
    diff: Any
    both_flag: Any
    if "received" in present and "decided" in present:
        diff = sa.case((sa.and_(days.is_(None), both), _day_diff()(rec, dec)), else_=sa.null())
        both_flag = sa.case((both, 1), else_=0)
    else:
        diff, both_flag = sa.null(), sa.literal(0)
    inner = sa.select(
        col("goal").label("goal"),
        col("included").label("included"),
        col("location").label("location"),
        days.label("days"),
        diff.label("diff"),
        both_flag.label("both"),
        sa.case((days.is_(None), 0), else_=1).label("given"),
        dec.label("decided"),
    ).subquery("c")
    cols = inner.c
    by_days = conn.execute(
        sa.select(
            cols.goal, cols.included, cols.location, cols.days, cols.diff, sa.func.count()
        ).group_by(cols.goal, cols.included, cols.location, cols.days, cols.diff)
    ).all()
    by_decided = conn.execute(
        sa.select(
            cols.goal,
            cols.included,
            cols.location,
            cols.given,
            cols.both,
            cols.decided,
            sa.func.count(),
        ).group_by(cols.goal, cols.included, cols.location, cols.given, cols.both, cols.decided)
    ).all()
    counted, rows, fingerprint = _assemble(
        source, present, [tuple(r) for r in goal_rows], by_days, by_decided
    )
    return CountedSheet(
        name,
        (tuple(keys),),
        counted=counted,
        label=LABEL,
        fingerprint=fingerprint,
        height=rows + 1,
    )


def _assemble(
    source: CaseSource,
    present: dict[str, str],
    goal_rows: Sequence[tuple[Any, ...]],
    by_days: Sequence[Any],
    by_decided: Sequence[Any],
) -> tuple[tuple[list[Any], dict[str, list[Any]]], int, str]:
    def distinct(rows: Sequence[Any], i: int) -> list[object]:
        return list(dict.fromkeys(r[i] for r in rows))

    raw = {
        "goal": distinct(goal_rows, 0),
        "included": distinct(by_days, 1),
        "location": distinct(by_days, 2),
        "days": distinct(by_days, 3),
        "decided": distinct(by_decided, 5),
    }
    book = read_distinct({k: v for k, v in raw.items() if k in present})
    index = {k: {v: i for i, v in enumerate(book.raw[k])} for k in CASE_KEYS}
    issues = _value_issues(book, present, by_days, by_decided)

    def goal(v: object) -> int:
        return book.goal[index["goal"][v]] if "goal" in present else -1

    def excluded(v: object) -> bool:
        return "included" in present and book.excluded[index["included"][v]]

    def loc(v: object) -> int:
        return index["location"].get(v, -1)

    excl: dict[int, int] = {}
    without: dict[int, int] = {}
    negative: dict[Decimal, int] = {}
    inverted = 0
    day_rows: list[tuple[int, int, int, int | None, int]] = []
    for g_raw, inc, lo, days, diff, n in by_days:
        g = goal(g_raw)
        code = book.day[index["days"][days]] if "days" in present else -1
        if g < 0:
            continue
        if excluded(inc):
            excl[g] = excl.get(g, 0) + n
        elif code >= 0 and book.day_values[code] < 0:
            negative[book.day_values[code]] = negative.get(book.day_values[code], 0) + n
        elif code >= 0:
            day_rows.append((g, loc(lo), code, None, n))
        elif diff is not None and diff < 0:
            inverted += n
        elif diff is not None:
            day_rows.append((g, loc(lo), -1, int(diff), n))
        else:
            without[g] = without.get(g, 0) + n
    for lang, more in _count_issues(book, present, negative, inverted, without).items():
        issues[lang] += more
    decided_rows: list[tuple[int, int, int, int]] = []
    for g_raw, inc, lo, given, both, dec, n in by_decided:
        g = goal(g_raw)
        if g < 0 or excluded(inc) or not (given or both):
            continue
        ordinal = book.decided[index["decided"][dec]] if "decided" in present else -1
        decided_rows.append((g, loc(lo), ordinal, n))
    goals = sorted({goal(r[0]) for r in goal_rows} - {-1}, key=lambda g: book.goal_ids[g])
    counts = Counts(
        days=tuple(day_rows),
        decided=tuple(decided_rows),
        # no rows in a database: first row -1 (no cell), goals in the order of their numbers
        goals=tuple((g, excl.get(g, 0), without.get(g, 0), -1) for g in goals),
        rows=sum(int(r[1]) for r in goal_rows),
    )
    cases, _ = assemble(book, counts, sheet=LABEL, col_of={}, lang="da")
    digest = hashlib.sha256()
    for part in (sorted(map(repr, by_days)), sorted(map(repr, by_decided))):
        for line in part:
            digest.update(line.encode("utf-8", "surrogatepass") + b"\n")
    return (cases, issues), counts.rows, "sha256:" + digest.hexdigest()


def _count_issues(
    book: Any,
    present: dict[str, str],
    negative: dict[Decimal, int],
    inverted: int,
    without: dict[int, int],
) -> dict[str, list[Any]]:
    """Cases that cannot be true (negative Dage, Afgjort before Modtaget: errors) and cases
    without a day count (a warning per goal), with their number of rows, in Danish and
    Swedish: a database has no rows to point at, so the issue names the column and the count."""
    from .errors import ERROR, WARNING, Issue, Severity

    days, decided, received = (present.get(k, "") for k in ("days", "decided", "received"))
    issues: dict[str, list[Any]] = {"da": [], "sv": []}

    def add(cell: str, severity: Severity, da: str, sv: str) -> None:
        issues["da"].append(Issue(LABEL, cell, severity, da))
        issues["sv"].append(Issue(LABEL, cell, severity, sv))

    for value, n in negative.items():
        add(
            days,
            ERROR,
            f"Dage kan ikke være negativ: {n} rækker har værdien «{plain(value)}» i kolonnen "
            f"{days}.",
            f"Dagar kan inte vara negativt: {n} rader har värdet «{plain(value)}» i kolumnen "
            f"{days}.",
        )
    if inverted:
        add(
            decided,
            ERROR,
            f"{inverted} sager er afgjort, før de blev modtaget ({decided} før {received}). "
            "Ret datoerne.",
            f"{inverted} ärenden avgjordes innan de togs emot ({decided} före {received}). "
            "Rätta datumen.",
        )
    for g, n in without.items():
        add(
            decided,
            WARNING,
            f"{n} sager for mål {book.goal_ids[g]} har hverken Dage eller både Modtaget og "
            "Afgjort og er ikke medregnet.",
            f"{n} ärenden för mål {book.goal_ids[g]} har varken Dagar eller både Mottaget och "
            "Avgjort och är inte medräknade.",
        )
    return issues


def _value_issues(
    book: Any, present: dict[str, str], by_days: Sequence[Any], by_decided: Sequence[Any]
) -> dict[str, list[Any]]:
    """Values the rules cannot read: one issue per column and value, with its number of rows
    (in Danish and in Swedish; the parser picks the plan's language)."""
    from .errors import ERROR, Issue

    issues: dict[str, list[Any]] = {"da": [], "sv": []}
    for key, pos, rows in (
        ("included", 1, by_days),
        ("days", 3, by_days),
        ("decided", 5, by_decided),
    ):
        if key not in present:
            continue
        col = book.columns[key]
        name = present[key]
        for i in col.bad():
            value = book.raw[key][i]
            n = sum(int(r[-1]) for r in rows if r[pos] == value)
            problem = col.problems[i]
            da = f"{problem.message('da')} ({n} rækker med værdien «{value}» i kolonnen {name}.)"
            sv = f"{problem.message('sv')} ({n} rader med värdet «{value}» i kolumnen {name}.)"
            issues["da"].append(Issue(LABEL, name, ERROR, da))
            issues["sv"].append(Issue(LABEL, name, ERROR, sv))
    return issues
