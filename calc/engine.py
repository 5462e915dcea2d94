"""Orchestration: grids → plan → scores and pay → cell updates; and the same for a file.

`evaluate` is pure (grids in, results out) and serves every front end: the CLI reads the grids
from a file, the Excel add-in from a live workbook. `score_file` adds the file I/O.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import __version__
from .blocking import Blocking, find_blocked, waits_for_adjustment_only
from .errors import ERROR, WARNING, Issue, MaalscoreError, WorkbookReadError, has_errors
from .followup import FollowUp, follow_up
from .grid import CellUpdate, Pos, SheetGrid, WorkbookGrids, a1, normalise_name
from .headers import PLAN_KEYS, SHEETS
from .model import FollowUpSheet, Plan
from .output import (
    followup_updates,
    formula_conflicts,
    goal_updates,
    milestone_updates,
    pay_updates,
    summary_conflicts,
    summary_owner,
    summary_rows,
    summary_updates,
)
from .parser import parse_followup, parse_plan
from .pay import PayResult, compute_pay
from .periods import parse_period
from .scoring import ScoreCard, score_plan
from .trend import (
    FollowUpTrend,
    LastYear,
    Trend,
    compare,
    compare_followup,
    from_columns,
    from_scorecard,
)
from .values import ValueProblem

if TYPE_CHECKING:
    import zipfile

    from .casecounts import DecidedGoals
    from .casedb import CaseSource
    from .stamp import Stamp
    from .xlsx.filelock import TargetLock
    from .xlsx.writeback import Looks, StampMaker


@dataclass(frozen=True)
class Partial:
    """With errors in the workbook: the numbers no error touches, for a front end to show while
    the user fixes them (see `calc.blocking`). Never written, reported or sent: a goal, area,
    total or person's pay that `Evaluation.blocking` lists has no number here that may be shown.

    `pay` holds only the people whose pay is not blocked; `issues` the warnings of scoring the
    goals that could be scored (they are not in `Evaluation.issues`, which with errors keeps
    what every front end has always listed).
    """

    scorecard: ScoreCard
    pay: tuple[PayResult, ...]
    issues: tuple[Issue, ...] = ()
    # People whose pay waits only for their own Skøn, Begrundelse or Bortfald: the pay before
    # the Skøn, so `maximum` and `computed` may be shown; its `payout` may not.
    before_adjustment: tuple[PayResult, ...] = ()


@dataclass(frozen=True)
class Evaluation:
    """Everything one Beregn produces. With errors, `scorecard` is None, `pay` and `updates`
    are empty, and `partial` holds what can still be shown, with `blocking` saying what each
    error keeps from being computed."""

    plan: Plan | None
    scorecard: ScoreCard | None
    pay: tuple[PayResult, ...]
    issues: tuple[Issue, ...]
    updates: tuple[CellUpdate, ...] = field(default=())
    blocking: Blocking = field(default=Blocking())
    partial: Partial | None = None
    trend: Trend | None = None

    @property
    def ok(self) -> bool:
        return not has_errors(self.issues)


def evaluate(
    grids: WorkbookGrids, *, now: datetime | None = None, last_year: LastYear | None = None
) -> Evaluation:
    """Score the grids. `last_year` (last year's workbook, scored) gives the trend; without
    it the plan's own Sidste år columns do, when filled (see `calc.trend`)."""
    plan, issues = parse_plan(grids)
    if plan is None:
        return Evaluation(plan, None, (), issues)
    if has_errors(issues):
        return _partial(plan, issues, grids)
    card = score_plan(plan)
    last = last_year or from_columns(plan)
    trend = compare(card, last) if last is not None else None
    pay = tuple(compute_pay(p, card.score_pct, plan.lang) for p in plan.people)
    issues = issues + card.issues
    if plan.summary_sheet is None:
        issues += (
            Issue(
                "Resultat",
                "",
                "warning",
                "Arket 'Resultat' findes ikke; sammendraget skrives ikke."
                if plan.lang == "da"
                else "Bladet 'Resultat' finns inte; sammanfattningen skrivs inte.",
            ),
        )
    rows = summary_rows(
        plan, card, pay, now=now or datetime.now(), version=__version__, trend=trend
    )
    owner = summary_owner(plan, grids)
    updates = (
        goal_updates(plan, card)
        + milestone_updates(plan, card)
        + pay_updates(plan, pay)
        + summary_updates(plan, rows, owner)
    )
    conflicts = formula_conflicts(updates, grids, plan.lang)
    conflicts += summary_conflicts(plan, rows, grids, owner)
    if conflicts:
        return Evaluation(plan, card, pay, issues + tuple(conflicts), trend=trend)
    return Evaluation(plan, card, pay, issues, tuple(updates), trend=trend)


def _partial(plan: Plan, issues: tuple[Issue, ...], grids: WorkbookGrids) -> Evaluation:
    """A plan with errors: score what no error touches, write nothing."""
    blocking = find_blocked(plan, issues, grids)
    reasons = {b.key: b.reason(plan.lang) for b in blocking.items if b.kind == "goal"}
    card = score_plan(plan, reasons)
    pay = tuple(
        compute_pay(p, card.score_pct, plan.lang)
        for p in plan.people
        if blocking.person(p.row) is None
    )
    before = tuple(
        compute_pay(replace(p, adjustment=Decimal(0), withheld=False), card.score_pct, plan.lang)
        for p in plan.people
        if (b := blocking.person(p.row)) is not None and waits_for_adjustment_only(b, plan)
    )
    partial = Partial(card, pay, card.issues, before)
    return Evaluation(plan, None, (), issues, (), blocking, partial)


@dataclass(frozen=True)
class FileOptions:
    """Settings for scoring a file, passed in rather than kept globally.

    `sagsdata`: case data in a separate .csv/.tsv/.txt/.parquet/.xlsx file instead of the
    Sagsdata sheet. `sagsdata_db` and `sagsquery`: case data counted inside a database (a
    SQLAlchemy URL, and a view name or a .sql file; see `calc.casedb`), overriding the Plan
    sheet's Sagsdatabase and Sagsforespørgsel; `password` asks for the database password when
    the environment does not give it.
    `backup`: keep the previous version (`.maalscore-backup/<name>` next to the file) when a
    file is replaced.
    `allow_signed`: write into a digitally signed workbook (breaks the signature).
    `stamp_time`: the time the integrity stamp records (None: now).
    `last_year`: last year's workbook, for the trend (else the one the Plan sheet names, else
    the plan's own Sidste år columns).
    `plan_database`: connect to a database the workbook's own Plan sheet names (Sagsdatabase).
    False for `tjek` and `samle`, which check workbooks received from others: a received file
    must not make the checker open connections (with its password) to addresses it chose.
    """

    sagsdata: Path | None = None
    sagsdata_db: str | None = None
    sagsquery: str | None = None
    password: Callable[[], str | None] | None = None
    backup: bool = True
    allow_signed: bool = False
    stamp_time: datetime | None = None
    last_year: Path | None = None
    plan_database: bool = True


# The most sheet XML read for a sheet other than Sagsdata (real ones are kilobytes).
SMALL_SHEET_BYTES = 32 * 1024**2


def load_grids(path: Path, options: FileOptions) -> WorkbookGrids:
    """Read the grids the core needs from a workbook file.

    - Only the sheets the core uses are read (Plan, Mål, Milepæle, Sagsdata, Resultatløn,
      Resultat); other sheets, however large, are never opened.
    - A large Sagsdata sheet (more than `bulk.BIG_SHEET` bytes of sheet XML) is read in bulk
      with python-calamine (`calc.xlsx.bulk`); the small sheets with the standard-library
      reader. Without python-calamine or numpy, every sheet goes through the reader.
    - Case data may come from a separate file instead: `options.sagsdata`, or the file the Plan
      sheet names (`Sagsdata` / `Sagsfil`, a path relative to the workbook). It replaces the
      workbook's Sagsdata sheet, which is then not read. `options.sagsdata` is read on another
      thread while the workbook is read (Polars counts outside the GIL).
    - Every sheet but Sagsdata is a few kilobytes in a real plan: one larger than
      `SMALL_SHEET_BYTES` of sheet XML is refused unread (a zip bomb or a sheet of millions of
      formatted empty cells would otherwise cost minutes and gigabytes).
    """
    from .xlsx import bulk, ooxml
    from .xlsx.reader import read_workbook

    path = Path(path)
    case_file = options.sagsdata
    if ooxml.legacy_format(path):  # .xls/.xlsb: read (never written) by the reader's calamine path
        return read_workbook(path)
    with ooxml.open_zip(path) as zf:
        info = ooxml.read_workbook_info(zf)
        members = set(zf.namelist())
        sizes = {s.name: zf.getinfo(s.part).file_size for s in info.sheets if s.part in members}
        stamp = _read_stamp(zf)
    early = None
    dated = _Promise()
    if case_file is not None:
        early = _Background(
            _read_case_file, case_file, SHEETS["cases"][0], _sheet_names("cases"), dated
        )
        early.start()
    used = set().union(*(_sheet_names(k) for k in SHEETS))
    cases = _sheet_names("cases")
    names = [s.name for s in info.sheets if normalise_name(s.name) in used]
    case_sheet = next((n for n in names if normalise_name(n) in cases), None)
    big = (
        case_file is None
        and case_sheet is not None
        and sizes.get(case_sheet, 0) > bulk.BIG_SHEET
        and bulk.fast_available()
    )
    small = [n for n in names if not ((big or case_file is not None) and n == case_sheet)]
    limits = {n: SMALL_SHEET_BYTES for n in small if n != case_sheet}
    try:
        grids = read_workbook(path, small, limits)
        prior = _prior_results(stamp, grids)
        if early is not None:
            dated.keep(decided_goals(grids))
    except BaseException:
        if early is not None:
            dated.keep(None)
            early.join()  # its result or error no longer matters: the workbook's error does
        raise
    grids = replace(grids, prior=prior)
    external = with_case_data(grids, path, options, early)
    if external is not grids:
        return external
    if big and case_sheet is not None:
        bulky = bulk.read_xlsx_cases(path, case_sheet, name=SHEETS["cases"][0])
        return WorkbookGrids(grids.sheets + (bulky,), grids.source, prior)
    return grids


def decided_goals(grids: WorkbookGrids) -> dict[str, date] | None:
    """The goals whose cases a case file must also be counted by decision date for
    (`indicators.needs_decided`: a share with a Frist that is a date), each with that date,
    read from the workbook's own sheets by the parser; None (every goal, day by day) when it
    has no goals to read."""
    from .indicators import needs_decided

    cases = _sheet_names("cases")
    own = tuple(g for g in grids.sheets if normalise_name(g.name) not in cases)
    plan, _ = parse_plan(replace(grids, sheets=own))
    if plan is None:
        return None
    return {
        g.id: g.deadline.on
        for g in plan.goals
        if needs_decided(g.indicator, g.deadline) and g.deadline and g.deadline.on
    }


class _Promise:
    """A value one thread keeps and another waits for: `decided_goals` of the workbook, read
    while the case file is opened on another thread (which asks for it by calling)."""

    def __init__(self) -> None:
        self._ready = threading.Event()
        self._value: dict[str, date] | None = None

    def keep(self, value: dict[str, date] | None) -> None:
        self._value = value
        self._ready.set()

    def __call__(self) -> dict[str, date] | None:
        self._ready.wait()
        return self._value


class _Background(threading.Thread):
    """A function run on another thread; `result` waits for it and raises what it raised."""

    def __init__(self, fn: Callable[..., SheetGrid], *args: Any) -> None:
        super().__init__(daemon=True)
        self.fn, self.args = fn, args
        self.value: SheetGrid | None = None
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            self.value = self.fn(*self.args)
        except BaseException as exc:  # handed to the caller by `result`
            self.error = exc

    def result(self) -> SheetGrid:
        self.join()
        if self.error is not None:
            raise self.error
        assert self.value is not None
        return self.value


def _read_stamp(zf: zipfile.ZipFile) -> Stamp | None:
    """The workbook's stamp; None without one, or with one that cannot be read."""
    from .stamp import Stamp, StampError
    from .xlsx import ooxml

    try:
        return Stamp.from_properties(ooxml.read_custom_properties(zf))
    except StampError:
        return None


def _prior_results(
    stamp: Stamp | None, grids: WorkbookGrids
) -> tuple[tuple[str, frozenset[Pos]], ...]:
    """The cells the stamped calculation wrote, per sheet. On the Resultat sheet only while
    the summary there is that calculation's own (its time line is the stamp's): a summary
    written again in Excel since has cells the stamp does not know (`output.summary_owner`)."""
    if stamp is None:
        return ()
    summary = grids.find(*SHEETS["summary"])
    moment = stamp.moment()
    stamped_time = moment.strftime("%Y-%m-%d %H:%M") if moment is not None else None
    own = summary is not None and any(
        row[:1] in (("Beregnet",), ("Beräknad",)) and row[1:2] == (stamped_time,)
        for row in summary.rows
    )
    return tuple(
        (sheet, frozenset(cells))
        for sheet, cells in sorted(stamp.results.items())
        if own or summary is None or sheet != summary.name
    )


def with_case_data(
    grids: WorkbookGrids,
    workbook: Path,
    options: FileOptions,
    early: _Background | None = None,
) -> WorkbookGrids:
    """`grids` with their Sagsdata replaced by the case data kept outside the workbook, or
    `grids` itself when there is none. In order: `options.sagsdata` (a file), then
    `options.sagsdata_db`, then the Plan sheet's Sagsdatabase (with Sagsforespørgsel), then its
    Sagsdata file (relative to `workbook`). The same for a file on disk (`load_grids`) and a
    live workbook (the Excel add-in). `early`: `options.sagsdata` already being read."""
    cases = _sheet_names("cases")
    name = SHEETS["cases"][0]
    rest = tuple(g for g in grids.sheets if normalise_name(g.name) not in cases)
    case_file = options.sagsdata
    database = None if case_file is not None else _case_source(grids, workbook, options)
    if database is not None:
        from .casedb import read_case_database

        counted = read_case_database(database, name, options.password)
        return replace(grids, sheets=rest + (counted,))
    if case_file is None:
        case_file = _plan_case_file(grids, workbook)  # beside the workbook (`calc.paths`)
    if case_file is not None:
        if early is not None:
            sheet = early.result()
        else:
            sheet = _read_case_file(case_file, name, cases, lambda: decided_goals(grids))
        return replace(grids, sheets=rest + (sheet,))
    return grids


def _read_case_file(path: Path, name: str, cases: set[str], dated: DecidedGoals) -> SheetGrid:
    """A separate case file: a large CSV or any Parquet file counted by the columnar engine
    (`calc.casescan`, Polars; `dated` the goals it counts by decision date too), a small CSV
    or an .xlsx read into a grid (`calc.xlsx.bulk`)."""
    from .xlsx import bulk, columnar

    if columnar.wants_engine(Path(path)):
        from .casescan import read_case_table

        return read_case_table(Path(path), name, dated)
    return bulk.read_case_file(path, name, cases)


def _case_source(grids: WorkbookGrids, workbook: Path, options: FileOptions) -> CaseSource | None:
    """The case database to count in: `--sagsdata-db` (with `--sagsforespørgsel`), else the
    Plan sheet's Sagsdatabase and Sagsforespørgsel. A password written into the workbook's URL
    is refused: the workbook travels by e-mail."""
    import os

    from .casedb import DEFAULT_TIMEOUT, TIMEOUT_ENV, CaseDatabaseError, CaseSource, query_text

    url_setting = _plan_setting(grids, "case_database")
    query_setting = _plan_setting(grids, "case_query")
    if options.sagsdata_db:
        url, where = options.sagsdata_db, "--sagsdata-db"
    elif url_setting is not None:
        url, where = url_setting
        if not options.plan_database:
            raise CaseDatabaseError(
                f"Sagsdataene ligger i den database, {where} peger på. Målscore forbinder ikke "
                "til en adresse, der står i en modtaget projektmappe, når den kontrollerer "
                "(tjek, samle), så input kan ikke kontrolleres her. Kontrollér filen hos "
                "institutionen, der har adgang til databasen."
            )
        url = _beside_database(url, where, workbook)
    else:
        return None
    goals = _case_goals(grids)
    query = options.sagsquery or (query_setting[0] if query_setting else "")
    if not query:
        raise CaseDatabaseError(
            f"Sagsdatabasen er sat ({where}), men ikke hvilken forespørgsel der giver sagerne: "
            "skriv et view-navn eller en .sql-fil ud for Sagsforespørgsel på arket Plan "
            "(eller brug --sagsforespørgsel). Projektmappen er ikke ændret."
        )
    if url_setting is not None and where != "--sagsdata-db" and _has_password(url):
        raise CaseDatabaseError(
            f"Adressen i {where} indeholder en adgangskode. Adgangskoden må ikke stå i "
            "projektmappen, som sendes videre: fjern den fra adressen, og sæt miljøvariablen "
            "MAALSCORE_DB_PASSWORD (eller lad maalscore spørge). Projektmappen er ikke ændret."
        )
    if where != "--sagsdata-db":
        _approved_server(url, where)
    try:
        timeout = int(os.environ.get(TIMEOUT_ENV, DEFAULT_TIMEOUT))
    except ValueError:
        timeout = DEFAULT_TIMEOUT
    source = CaseSource(url, "", where, goals, timeout)
    from dataclasses import replace

    written = query
    if query and not options.sagsquery and query.lower().endswith(".sql") and query_setting:
        query = str(_beside(workbook, query, query_setting[1], "Sagsforespørgslen"))
    return replace(source, query=query_text(query, workbook.parent), written=written)


def _approved_server(url: str, where: str) -> None:
    """Connect to a server the workbook names only if the user approved it (MAALSCORE_DB_HOSTS)
    or it is this machine: CaseDatabaseError naming the cell and the server otherwise."""
    import os

    from .casedb import HOSTS_ENV, CaseDatabaseError, unapproved_hosts

    hosts = unapproved_hosts(url, os.environ.get(HOSTS_ENV, ""))
    if hosts:
        names = ", ".join(hosts)
        raise CaseDatabaseError(
            f"Sagsdatabasen i {where} ligger på {names}, som ikke er godkendt på denne computer. "
            "Målscore forbinder kun til en databaseserver, som en projektmappe peger på, når "
            f"serveren står i miljøvariablen {HOSTS_ENV} (fx {HOSTS_ENV}={hosts[0]}), så en "
            "modtaget projektmappe ikke kan få din adgangskode eller dit Windows-login sendt til "
            "en fremmed server. Sæt variablen, hvis serveren er jeres, eller angiv databasen med "
            "--sagsdata-db. Projektmappen er ikke ændret."
        )


def _beside(workbook: Path, name: str, where: str, what: str) -> Path:
    """A file the workbook names, beside it; WorkbookReadError naming the cell otherwise."""
    from .errors import WorkbookReadError
    from .paths import beside

    try:
        return beside(workbook, name)
    except ValueError as why:
        raise WorkbookReadError(
            f"{where}: {what} «{name}» ligger ikke i projektmappens mappe ({why}). En fil, "
            "projektmappen selv nævner, skal ligge i samme mappe (eller en undermappe) og "
            "skrives med sit navn, fx «sager.csv»: en projektmappe sendes videre og må ikke "
            "få Målscore til at åbne andre filer. En fil andre steder angives på kommandolinjen "
            "(--sagsdata)."
        ) from None


_FILE_DATABASES = ("sqlite", "duckdb")


def _beside_database(url: str, where: str, workbook: Path) -> str:
    """A database file named on the Plan sheet (`sqlite:///sager.db`) must lie beside the
    workbook, and is opened there (SQLAlchemy would take it relative to the current folder)."""
    import re

    m = re.match(r"^\s*([A-Za-z0-9_]+)(\+[A-Za-z0-9_]+)?://([^/]*)/(.*)$", url)
    if m is None or m.group(1).lower() not in _FILE_DATABASES:
        return url
    database, _, options = m.group(4).partition("?")
    path = _beside(workbook, database, where, "Databasefilen")
    rest = f"?{options}" if options else ""
    return f"{m.group(1)}{m.group(2) or ''}:///{path.resolve().as_posix()}{rest}"


def _has_password(url: str) -> bool:
    import re

    return re.match(r"^[^:/]+://[^/@]*:[^/@]*@", url.strip()) is not None


def _plan_setting(grids: WorkbookGrids, key: str) -> tuple[str, str] | None:
    """A Plan sheet value (label in one cell, value in the next) and where it is (`Plan!B9`)."""
    from .grid import a1

    plan = grids.find(*SHEETS["plan"])
    if plan is None:
        return None
    labels = {normalise_name(n) for n in PLAN_KEYS[key]}
    for r, row in enumerate(plan.rows):
        for c, v in enumerate(row[:-1]):
            if isinstance(v, str) and normalise_name(v) in labels:
                value = row[c + 1]
                if isinstance(value, str) and value.strip():
                    return value.strip(), f"{plan.name}!{a1(r, c + 1)}"
                return None
    return None


def _case_goals(grids: WorkbookGrids) -> tuple[str, ...]:
    """The goals computed from case data (for messages about the case database)."""
    from .parser import parse_plan

    plan, _ = parse_plan(grids)
    if plan is None:
        return ()
    return tuple(g.id for g in plan.goals if g.indicator is not None)


def _sheet_names(key: str) -> set[str]:
    """The normalised names (and synonyms) of one of the sheets the core reads."""
    return {normalise_name(n) for n in SHEETS[key]}


def _plan_case_file(grids: WorkbookGrids, workbook: Path) -> Path | None:
    """The case file the Plan sheet names (`Sagsdata: sager.csv`), beside the workbook: a
    relative path inside its folder (`calc.paths`), else WorkbookReadError naming the cell."""
    from .xlsx.bulk import CASE_FILE_TYPES

    setting = _plan_setting(grids, "case_file")
    # Only a file name counts: a note such as "Sagsdata: se arket" is not one.
    if setting is None or not setting[0].lower().endswith(CASE_FILE_TYPES):
        return None
    return _beside(workbook, setting[0], setting[1], "Sagsdata-filen")


def save_results(
    path: Path,
    out: Path | None,
    result: Evaluation,
    options: FileOptions,
    grids: WorkbookGrids | None = None,
    inputs: tuple[CellUpdate, ...] = (),
    lock: TargetLock | None = None,
) -> None:
    """Write the results into `out`, or into `path` itself, losslessly and atomically, with
    the integrity stamp (see `calc.stamp`) over `grids`, the inputs the results came from
    (read again from `path` when not given).

    `inputs` are input cells edited outside the file (the desktop app's edits); they are
    written with the results, and `grids` must already hold them. `lock` is the lock on the
    file written, when the caller holds it (`score_file` reads under it).
    """
    from .xlsx.writeback import legacy_refusal, write_back

    legacy_refusal(path)
    if grids is None:
        grids = load_grids(path, options)
    source = result.trend.source if result.trend is not None else ""
    stamp = stamp_maker(grids, result.plan, result.updates, options, last_year=source)
    cells = {(u.sheet, u.cell): u for u in (*result.updates, *inputs)}  # each cell once
    results = {(u.sheet, u.cell) for u in result.updates} - {(u.sheet, u.cell) for u in inputs}
    write_back(
        path,
        tuple(cells.values()),
        out,
        allow_signed=options.allow_signed,
        backup=options.backup,
        stamp=stamp,
        results=results,
        lock=lock,
    )


def stamp_maker(
    grids: WorkbookGrids,
    plan: Plan | None,
    updates: tuple[CellUpdate, ...],
    options: FileOptions,
    **extra: Any,
) -> StampMaker:
    """What write-back calls to make the integrity stamp (`calc.stamp.make_stamp`, with
    `extra` such as a follow-up's `run`) once it knows how each written cell will look."""
    from .stamp import make_stamp

    def make(looks: Looks, states: dict[str, str]) -> dict[str, str]:
        shown = {
            sheet: {pos: look.text() for pos, look in cells.items()}
            for sheet, cells in looks.items()
        }
        stamp = make_stamp(
            grids, plan, updates, now=options.stamp_time, looks=shown, states=states, **extra
        )
        return stamp.properties()

    return make


def score_file(
    path: Path,
    out: Path | None = None,
    *,
    now: datetime | None = None,
    write: bool = True,
    options: FileOptions | None = None,
) -> Evaluation:
    """Read, score and (when there are no errors) write results into `out` or in place.

    Raises `MaalscoreError` subclasses when the file cannot be read or written. While it
    reads and writes, the file written is locked against other Målscore runs
    (`calc.xlsx.filelock`): a second run on the same file waits, so both succeed.
    """
    from .xlsx import filelock

    options = options or FileOptions()
    lock = None
    if write:
        try:
            lock = filelock.acquire(Path(out if out is not None else path).resolve())
        except filelock.LockBusy:
            raise
        except MaalscoreError:
            lock = None  # a folder we may not write in: score anyway; writing says why not
    try:
        grids = load_grids(path, options)
        last, problem = load_last_year(path, grids, options)
        result = evaluate(grids, now=now, last_year=last)
        if problem is not None:
            lang = result.plan.lang if result.plan else "da"
            result = replace(result, issues=(*result.issues, problem.issue(lang)))
        if write and result.ok and result.updates:
            save_results(path, out, result, options, grids, lock=lock)
    finally:
        if lock is not None:
            lock.release()
    return result


LAST_YEAR_TYPES = (".xlsx", ".xlsm")


def last_year_file(grids: WorkbookGrids, workbook: Path) -> tuple[Path | None, str]:
    """The workbook the Plan sheet names as last year's (`Sidste år | plan-2024.xlsx`), beside
    this one, and the cell it is named in."""
    plan = grids.find(*SHEETS["plan"])
    if plan is None:
        return None, ""
    labels = {normalise_name(n) for n in PLAN_KEYS["last_year_file"]}
    for r, row in enumerate(plan.rows):
        for c, v in enumerate(row[:-1]):
            if isinstance(v, str) and normalise_name(v) in labels:
                value = row[c + 1]
                if isinstance(value, str) and value.strip().lower().endswith(LAST_YEAR_TYPES):
                    return workbook.parent / value.strip(), f"{plan.name}!{a1(r, c + 1)}"
                return None, ""
    return None, ""


@dataclass(frozen=True)
class LastYearProblem:
    """Last year's workbook named on the Plan sheet could not be used: said as a warning in the
    plan's language once it is known."""

    name: str
    cell: str  # Plan!B9
    detail: str  # why it cannot be read; "" when it has errors

    def issue(self, lang: str) -> Issue:
        sheet, _, ref = self.cell.partition("!")
        if lang == "sv":
            why = f"kan inte läsas ({self.detail})" if self.detail else "har fel"
            text = (
                f"Föregående års arbetsbok «{self.name}» {why}; utvecklingen från föregående "
                "år visas inte."
            )
        else:
            why = f"kan ikke læses ({self.detail})" if self.detail else "har fejl"
            text = (
                f"Sidste års projektmappe «{self.name}» {why}; udviklingen fra sidste år "
                "vises ikke."
            )
        return Issue(sheet, ref, WARNING, text)


def load_last_year(
    path: Path, grids: WorkbookGrids, options: FileOptions
) -> tuple[LastYear | None, LastYearProblem | None]:
    """Last year's numbers from `options.last_year` or the workbook the Plan sheet names,
    scored now; None (and the plan's own columns serve) when neither is given.

    A file named on the command line that cannot be read or scored raises (`MaalscoreError`);
    one named on the Plan sheet gives a `LastYearProblem` instead."""
    given = options.last_year
    named, cell = (given, "") if given is not None else last_year_file(grids, path)
    if named is None:
        return None, None
    try:
        if given is None:  # named in the workbook: only beside it (`calc.paths`)
            named = _beside(path, str(named.relative_to(path.parent)), cell, "Sidste års fil")
        ev = evaluate(load_grids(named, FileOptions(plan_database=options.plan_database)))
    except (MaalscoreError, OSError) as exc:
        if given is not None:
            raise WorkbookReadError(
                f"Sidste års projektmappe «{named.name}» kan ikke læses: {exc}"
            ) from exc
        return None, LastYearProblem(named.name, cell, str(exc))
    if not ev.ok or ev.plan is None or ev.scorecard is None:
        if given is not None:
            raise WorkbookReadError(
                f"Sidste års projektmappe «{named.name}» har fejl og kan ikke beregnes; kør "
                "maalscore beregn på den for at se dem."
            )
        return None, LastYearProblem(named.name, cell, "")
    return from_scorecard(ev.plan, ev.scorecard, named.name), None


# --- follow-up during the year ------------------------------------------------------------


@dataclass(frozen=True)
class FollowUpEvaluation:
    """Everything one `opfølgning` produces. `updates` is empty when there are errors or the
    workbook has no Opfølgning sheet (the follow-up is then shown, not written)."""

    plan: Plan | None
    as_of: date | None
    sheet: FollowUpSheet | None
    followup: FollowUp | None
    issues: tuple[Issue, ...]
    updates: tuple[CellUpdate, ...] = field(default=())
    trend: FollowUpTrend | None = None

    @property
    def ok(self) -> bool:
        return not has_errors(self.issues)

    @property
    def run(self) -> str:
        """What the integrity stamp records as the run: `opfølgning 2025-09-30`."""
        from .stamp import RUN_FOLLOWUP

        return f"{RUN_FOLLOWUP}{self.as_of.isoformat()}" if self.as_of else ""


def evaluate_followup(
    grids: WorkbookGrids, as_of: date | str, *, last_year: LastYear | None = None
) -> FollowUpEvaluation:
    """Parse the plan and its Opfølgning sheet and follow up at `as_of` (a date, or text such
    as `Q3`, `3. kvartal`, `30-09-2025` read in the plan's year). Pure: grids in, results out.
    `last_year` (or else the plan's Sidste år columns) gives last year's numbers beside it."""
    plan, issues = parse_plan(grids)
    if plan is None or has_errors(issues):
        return FollowUpEvaluation(plan, None, None, None, issues)
    day, problem = _as_of(plan, as_of)
    if problem is not None:
        return FollowUpEvaluation(plan, None, None, None, issues + (problem,))
    assert day is not None
    sheet, sheet_issues = parse_followup(grids, plan)
    issues += sheet_issues
    if has_errors(issues):
        return FollowUpEvaluation(plan, day, sheet, None, issues)
    fu = follow_up(plan, day, sheet)
    issues += fu.issues + _sheet_notes(plan, sheet, day)
    last = last_year or from_columns(plan)
    trend = compare_followup(fu, last) if last is not None else None
    if sheet is None:
        return FollowUpEvaluation(plan, day, None, fu, issues, trend=trend)
    updates = followup_updates(plan, sheet, fu)
    conflicts = formula_conflicts(updates, grids, plan.lang)
    if conflicts:
        return FollowUpEvaluation(plan, day, sheet, fu, issues + tuple(conflicts), trend=trend)
    return FollowUpEvaluation(plan, day, sheet, fu, issues, tuple(updates), trend)


def _as_of(plan: Plan, as_of: date | str) -> tuple[date | None, Issue | None]:
    """The follow-up date, or an error on the Plan sheet's År cell."""
    sv = plan.lang == "sv"
    try:
        day = as_of if isinstance(as_of, date) else parse_period(as_of, plan.year)
    except ValueProblem as p:
        return None, Issue("Plan", plan.year_cell, ERROR, f"--pr: {p.message(plan.lang)}")
    if plan.year is not None and day.year != plan.year:
        shown = day.isoformat() if sv else day.strftime("%d-%m-%Y")
        return None, Issue(
            "Plan",
            plan.year_cell,
            ERROR,
            f"Datumet {shown} ligger utanför planens år {plan.year}."
            if sv
            else f"Datoen {shown} ligger uden for planens år {plan.year}.",
        )
    return day, None


def _sheet_notes(plan: Plan, sheet: FollowUpSheet | None, day: date) -> tuple[Issue, ...]:
    """A missing Opfølgning sheet, or a sheet with no rows for the date, is said once."""
    sv = plan.lang == "sv"
    if sheet is None:
        return (
            Issue(
                "Uppföljning" if sv else "Opfølgning",
                "",
                WARNING,
                "Bladet 'Uppföljning' finns inte, så uppföljningen visas men skrivs inte i "
                "arbetsboken. Kopiera bladet från mallen (maalscore skabelon) till arbetsboken "
                "för att få den skriven och kunna skriva utfall och prognoser per period."
                if sv
                else "Arket 'Opfølgning' findes ikke, så opfølgningen vises, men skrives ikke i "
                "projektmappen. Kopiér arket fra skabelonen (maalscore skabelon) ind i "
                "projektmappen for at få den skrevet og for at kunne skrive resultater og "
                "prognoser pr. periode.",
            ),
        )
    if sheet.rows and not any(r.period_end == day for r in sheet.rows):
        layout = sheet.layout
        shown = day.isoformat() if sv else day.strftime("%d-%m-%Y")
        return (
            Issue(
                layout.sheet,
                a1(layout.header_row, layout.col("period")),
                WARNING,
                f"Inga rader på bladet har perioden {shown}; mål utan ärenden eller "
                "aktiviteter använder den senaste perioden före datumet, och nya rader läggs "
                "till för datumet."
                if sv
                else f"Ingen rækker på arket har perioden {shown}; mål uden sagsdata eller "
                "milepæle bruger den seneste periode før datoen, og nye rækker tilføjes for "
                "datoen.",
            ),
        )
    return ()


def followup_file(
    path: Path,
    as_of: date | str,
    out: Path | None = None,
    *,
    write: bool = True,
    options: FileOptions | None = None,
) -> FollowUpEvaluation:
    """Read, follow up and (without errors, with an Opfølgning sheet) write the follow-up into
    `out` or in place, with the integrity stamp of a follow-up run.

    Raises `MaalscoreError` subclasses when the file cannot be read or written.
    """
    from .xlsx import filelock
    from .xlsx.writeback import legacy_refusal, write_back

    options = options or FileOptions()
    lock = None
    if write:  # read and write under the lock, as `score_file` does
        try:
            lock = filelock.acquire(Path(out if out is not None else path).resolve())
        except filelock.LockBusy:
            raise
        except MaalscoreError:
            lock = None  # a folder we may not write in: follow up anyway; writing says why not
    try:
        grids = load_grids(path, options)
        last, problem = load_last_year(path, grids, options)
        result = evaluate_followup(grids, as_of, last_year=last)
        if problem is not None:
            lang = result.plan.lang if result.plan else "da"
            result = replace(result, issues=(*result.issues, problem.issue(lang)))
        if write and result.ok and result.updates:
            legacy_refusal(path)
            layout = result.sheet.layout if result.sheet else None
            stamp = stamp_maker(
                grids, result.plan, result.updates, options, run=result.run, followup=layout
            )
            write_back(
                path,
                result.updates,
                out,
                allow_signed=options.allow_signed,
                backup=options.backup,
                stamp=stamp,
                lock=lock,
            )
    finally:
        if lock is not None:
            lock.release()
    return result
