"""Next year's plan from this year's: `maalscore nyt-år FIL --år 2026 --ud NY.xlsx`.

Every autumn an agency builds next year's plan from this year's. The new workbook is this one,
copied losslessly by write-back (same sheets, goals, weights, rules, formats, dropdowns, macros
and everything else), with:

- **cleared** (the cells emptied; their formats stay, so the sheets look like the template's
  empty rows): every result and output on Mål (Resultat, Målopfyldelse, Point, Status,
  Forklaring), the deliveries on Milepæle (Leveret, Rettidig), every case on Sagsdata, the
  year's pay decisions on Resultatløn (Skøn, Begrundelse, Bortfald and the outputs), the
  summary on the Resultat sheet (a user's own cells there are kept, as `beregn` keeps them), the
  rows of Opfølgning, and the integrity stamp. Rows are emptied, not
  deleted: write-back changes cells and never the sheet's structure, and an emptied row keeps
  its formats (a date typed in Afgjort shows as a date). A case file or case query named on the
  Plan sheet is emptied too (it holds this year's cases), with a warning to name next year's;
- **kept for the trend**: this year's result per goal (the rule and the numbers, as in
  Forklaring), fulfilment and points in the reference columns Sidste år, Sidste års opfyldelse
  and Sidste års point on Mål (added right of the last column when missing), and the total
  points and score as Sidste års point and Sidste års målopfyldelse on the Plan sheet. The core
  reads them and never changes them (see `calc.trend`);
- **moved** with `--flyt-datoer`: every Frist that is a date (on Mål and Milepæle) one year
  later; 29 February becomes 28 February. A date typed as text keeps its words (`Juni 2025` →
  `Juni 2026`, `3. kvartal 2025` → `3. kvartal 2026`); text that would name a day that does not
  exist (`29. februar 2024`) becomes the moved date (`28-02-2025`), with a warning. Without the
  option, deadlines in this year are named in one warning.

Texts that mention this year (goal texts, requirements, the title) are named in warnings, never
changed. The year on the Plan sheet becomes `--år` (default: this year + 1). A workbook with
errors is not rolled over: the errors are listed and nothing is written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from . import values as V
from .deadlines import Kind
from .engine import Evaluation, FileOptions, score_file
from .errors import ERROR, WARNING, Issue, has_errors
from .exact import to_decimal
from .grid import CellUpdate, SheetGrid, WorkbookGrids, a1, normalise_name
from .headers import (
    CASE_FIELDS,
    FOLLOWUP_FIELDS,
    GOAL_FIELDS,
    PLAN_KEYS,
    SHEETS,
    Field,
    display_name,
    find_header,
)
from .model import Goal, Lang, Plan, SheetLayout
from .output import summary_owner
from .scoring import ScoreCard

LAST_YEAR_COLUMNS = ("last_text", "last_fulfilment", "last_points")
_YEAR = re.compile(r"(?<![0-9])(19[0-9]{2}|2[01][0-9]{2})(?![0-9])")
_EPOCH = date(1899, 12, 30)


@dataclass
class RollOver:
    """What the roll-over writes and says: the cell updates, the warnings (or the errors that
    stop it), and what it did, counted for the summary."""

    lang: Lang
    year: int | None
    updates: list[CellUpdate] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not has_errors(self.issues)

    def t(self, da: str, sv: str) -> str:
        return sv if self.lang == "sv" else da

    def set(self, sheet: str, r: int, c: int, value: str | Decimal | int | None) -> None:
        self.updates.append(CellUpdate(sheet, a1(r, c), value))

    def clear(self, grid: SheetGrid, r: int, c: int, what: str = "") -> bool:
        """Empty a cell that holds something; count it under `what`."""
        if V.is_blank(grid.value(r, c)):
            return False
        self.set(grid.name, r, c, None)
        if what:
            self.counts[what] = self.counts.get(what, 0) + 1
        return True

    def warn(self, sheet: str, cell: str, da: str, sv: str) -> None:
        self.issues.append(Issue(sheet, cell, WARNING, self.t(da, sv)))

    def count(self, what: str, n: int = 1) -> None:
        self.counts[what] = self.counts.get(what, 0) + n


def moved(day: date) -> date:
    """The same day one year later; 29 February becomes 28 February."""
    try:
        return day.replace(year=day.year + 1)
    except ValueError:
        return date(day.year + 1, 2, 28)


def excel_serial(day: date | datetime) -> Decimal:
    """An Excel date serial (days since 30-12-1899), with the time of day as a fraction."""
    if isinstance(day, datetime):
        delta = day - datetime.combine(_EPOCH, datetime.min.time())
        return Decimal(delta.days) + Decimal(delta.seconds) / Decimal(86_400)
    return Decimal((day - _EPOCH).days)


def roll_over(grids: WorkbookGrids, ev: Evaluation, year: int | None, move_dates: bool) -> RollOver:
    """The cell updates that make next year's plan (pure: grids and this year's scores in)."""
    plan = ev.plan
    lang: Lang = plan.lang if plan is not None else "da"
    out = RollOver(lang, year)
    if plan is None or not ev.ok or ev.scorecard is None:
        out.issues = [*ev.issues] or [
            Issue("Mål", "", ERROR, "Projektmappen kan ikke beregnes; intet er skrevet.")
        ]
        return out
    new_year = year if year is not None else (plan.year + 1 if plan.year is not None else None)
    if new_year is None or not plan.year_cell:
        out.issues.append(
            Issue(
                "Plan",
                plan.year_cell,
                ERROR,
                out.t(
                    "Planen har intet År; skriv årstallet på arket Plan (eller giv --år).",
                    "Planen har inget År; skriv årtalet på bladet Plan (eller ange --år).",
                ),
            )
        )
        return out
    out.year = new_year
    _plan_sheet(grids, plan, out, new_year)
    _goal_sheet(grids, plan, ev.scorecard, out, move_dates)
    _milestone_sheet(grids, plan, out, move_dates)
    _clear_table(grids, "cases", CASE_FIELDS, "goal", out, "sager")
    _pay_sheet(grids, plan, out)
    _clear_table(grids, "followup", FOLLOWUP_FIELDS, "goal", out, "opfølgningsrækker")
    if (summary := grids.find(*SHEETS["summary"])) is not None:
        for r, c in sorted(summary_owner(plan, grids)):  # the summary's cells, not a user's
            out.clear(summary, r, c)
    if not move_dates and plan.year is not None:
        _name_old_deadlines(grids, plan, out)
    return out


# --- Plan -----------------------------------------------------------------------------------


def _plan_cells(grid: SheetGrid) -> dict[str, tuple[int, int]]:
    """Plan key → the position of its value (right of its label), first occurrence."""
    lookup = {normalise_name(n): k for k, names in PLAN_KEYS.items() for n in names}
    found: dict[str, tuple[int, int]] = {}
    for r, row in enumerate(grid.rows):
        for c, v in enumerate(row):
            if isinstance(v, str) and (key := lookup.get(normalise_name(v))) and key not in found:
                found[key] = (r, c + 1)
    return found


def _plan_sheet(grids: WorkbookGrids, plan: Plan, out: RollOver, year: int) -> None:
    grid = grids.find(*SHEETS["plan"])
    if grid is None:
        return
    cells = _plan_cells(grid)
    r, c = cells["year"]
    out.set(grid.name, r, c, year)
    for key in ("case_file", "case_query", "last_year_file"):
        if key in cells and not V.is_blank(grid.value(*cells[key])):
            shown = grid.value(*cells[key])
            out.set(grid.name, *cells[key], None)
            cell = a1(*cells[key])
            if key == "last_year_file":
                continue  # the Sidste år columns now hold last year's numbers
            out.warn(
                grid.name,
                cell,
                f"Planen pegede på årets sager ({shown}); feltet er tømt. Skriv næste års "
                "sagsfil eller forespørgsel her, når den findes.",
                f"Planen pekade på årets ärenden ({shown}); fältet är tömt. Skriv nästa års "
                "ärendefil eller fråga här när den finns.",
            )
    if "title" in cells:
        _name_year_in_text(grid, *cells["title"], plan.year, out)


def _set_plan_totals(grids: WorkbookGrids, plan: Plan, card: ScoreCard, out: RollOver) -> None:
    """Sidste års point and Sidste års målopfyldelse on the Plan sheet (labels added below the
    last used row when missing)."""
    grid = grids.find(*SHEETS["plan"])
    if grid is None:
        return
    cells = _plan_cells(grid)
    label_col = cells["year"][1] - 1
    free = 1 + max(
        (i for i, row in enumerate(grid.rows) if any(not V.is_blank(v) for v in row)), default=0
    )
    free += 1  # one empty row between the plan's own lines and last year's
    values = {
        "last_points": to_decimal(card.total_points),
        "last_score": to_decimal(card.score_pct),
    }
    for key, value in values.items():
        if key in cells:
            out.set(grid.name, *cells[key], value)
            continue
        label = PLAN_KEYS[key][1 if out.lang == "sv" else 0]
        out.set(grid.name, free, label_col, label)
        out.set(grid.name, free, label_col + 1, value)
        free += 1


# --- Mål ------------------------------------------------------------------------------------


def _goal_sheet(
    grids: WorkbookGrids, plan: Plan, card: ScoreCard, out: RollOver, move_dates: bool
) -> None:
    layout = plan.goals_layout
    grid = grids.find(layout.sheet) if layout is not None else None
    if layout is None or grid is None:
        return
    cols = dict(layout.columns)
    last = _last_year_columns(grid, layout, out)
    for goal in plan.goals:
        r = goal.row
        if "result" in cols:
            out.clear(grid, r, cols["result"], "resultater")
        for key in ("fulfilment", "points", "status", "explanation"):
            if key in cols:
                out.clear(grid, r, cols[key])
        result = card.result(goal.id)
        values: dict[str, str | Decimal | None] = {
            "last_text": result.explanation.rsplit(" → ", 1)[0],
            "last_fulfilment": to_decimal(result.fulfilment)
            if result.fulfilment is not None
            else None,
            "last_points": to_decimal(result.points),
        }
        for key, value in values.items():
            out.set(grid.name, r, last[key], value)
        for key in ("text", "requirement"):
            if key in cols:
                _name_year_in_text(grid, r, cols[key], plan.year, out)
        if move_dates and _frist_date(goal) is not None and "deadline" in cols:
            _move(grid, r, cols["deadline"], out)
    _set_plan_totals(grids, plan, card, out)


def _last_year_columns(grid: SheetGrid, layout: SheetLayout, out: RollOver) -> dict[str, int]:
    """The Sidste år columns: where they are, or new ones right of the last column (with their
    headers)."""
    cols = dict(layout.columns)
    header = grid.rows[layout.header_row] if layout.header_row < grid.n_rows else ()
    free = max(len(header), max(cols.values(), default=-1) + 1)
    found: dict[str, int] = {}
    for key in LAST_YEAR_COLUMNS:
        if key in cols:
            found[key] = cols[key]
            continue
        found[key] = free
        out.set(grid.name, layout.header_row, free, display_name(key, GOAL_FIELDS, out.lang))
        free += 1
    return found


# --- Milepæle, Resultatløn, tables ------------------------------------------------------------


def _milestone_sheet(grids: WorkbookGrids, plan: Plan, out: RollOver, move_dates: bool) -> None:
    layout = plan.milestones_layout
    grid = grids.find(layout.sheet) if layout is not None else None
    if layout is None or grid is None:
        return
    cols = dict(layout.columns)
    for m in plan.milestones:
        if "delivered" in cols:
            out.clear(grid, m.row, cols["delivered"], "leverancer")
        if "on_time" in cols:
            out.clear(grid, m.row, cols["on_time"])
        if move_dates and "deadline" in cols:
            _move(grid, m.row, cols["deadline"], out)


def _pay_sheet(grids: WorkbookGrids, plan: Plan, out: RollOver) -> None:
    layout = plan.pay_layout
    grid = grids.find(layout.sheet) if layout is not None else None
    if layout is None or grid is None:
        return
    cols = dict(layout.columns)
    for p in plan.people:
        decided = [out.clear(grid, p.row, cols[k]) for k in ("adjustment", "reason", "withheld")
                   if k in cols]  # fmt: skip
        if any(decided):
            out.count("lønbeslutninger")
        for key in ("computed", "payout", "explanation"):
            if key in cols:
                out.clear(grid, p.row, cols[key])


def _clear_table(
    grids: WorkbookGrids,
    sheet_key: str,
    fields: tuple[Field, ...],
    key: str,
    out: RollOver,
    what: str,
) -> None:
    """Empty every data row of a table sheet (Sagsdata, Opfølgning) below its header."""
    grid = grids.find(*SHEETS[sheet_key])
    if grid is None:
        return
    header = find_header(grid, fields, key)
    if header is None:
        return
    for r in range(header.row + 1, grid.n_rows):
        emptied = [out.clear(grid, r, c) for c in range(len(grid.rows[r]))]
        if any(emptied):
            out.count(what)


# --- dates and years ------------------------------------------------------------------------


def _move(grid: SheetGrid, r: int, c: int, out: RollOver) -> None:
    """Move the deadline in a cell one year on (see the module docstring)."""
    v = grid.value(r, c)
    if isinstance(v, date):
        new = moved(v.date() if isinstance(v, datetime) else v)
        if isinstance(v, datetime):
            out.set(grid.name, r, c, excel_serial(datetime.combine(new, v.time())))
        else:
            out.set(grid.name, r, c, excel_serial(new))
        out.count("frister")
        return
    if not isinstance(v, str) or not _YEAR.search(v):
        return
    text = _YEAR.sub(lambda m: str(int(m.group(1)) + 1), v)
    try:
        before, after = V.parse_dates(v), V.parse_dates(text)
    except V.ValueProblem:
        before, after = V.parse_dates(v) if _parses(v) else (), None
    if (
        after is not None
        and len(after) == len(before)
        and all(
            n.year == o.year + 1 and n.month == o.month for o, n in zip(before, after, strict=True)
        )
    ):
        out.set(grid.name, r, c, text)
        out.count("frister")
        return
    if not before:
        return
    new = moved(before[0])
    shown = new.isoformat() if out.lang == "sv" else new.strftime("%d-%m-%Y")
    out.set(grid.name, r, c, shown)
    out.count("frister")
    out.warn(
        grid.name,
        a1(r, c),
        f"Fristen '{v}' findes ikke næste år; den er sat til {shown}.",
        f"Tidsgränsen '{v}' finns inte nästa år; den är satt till {shown}.",
    )


def _frist_date(goal: Goal) -> date | None:
    """A goal's Frist when it is a date (`17-03-2025`, `før 17-03-2025`), not a duration."""
    deadline = goal.deadline
    return deadline.on if deadline is not None and deadline.kind is Kind.DATE else None


def _parses(text: str) -> bool:
    try:
        V.parse_dates(text)
    except V.ValueProblem:
        return False
    return True


def _name_year_in_text(grid: SheetGrid, r: int, c: int, year: int | None, out: RollOver) -> None:
    v = grid.value(r, c)
    if year is None or not isinstance(v, str) or str(year) not in _YEAR.findall(v):
        return
    out.warn(
        grid.name,
        a1(r, c),
        f"Teksten nævner {year}; ret den til {year + 1}, hvis det er meningen.",
        f"Texten nämner {year}; ändra till {year + 1} om det är meningen.",
    )


def _name_old_deadlines(grids: WorkbookGrids, plan: Plan, out: RollOver) -> None:
    """Without --flyt-datoer: say once where the first deadline of this year is."""
    old = plan.year
    first: tuple[str, str] | None = None
    for m in plan.milestones:
        if m.deadline is not None and m.deadline.year == old and plan.milestones_layout:
            first = (
                plan.milestones_layout.sheet,
                a1(m.row, plan.milestones_layout.col("deadline")),
            )
            break
    if first is None:
        for g in plan.goals:
            on = _frist_date(g)
            if on is not None and on.year == old and plan.goals_layout:
                first = (plan.goals_layout.sheet, a1(g.row, plan.goals_layout.col("deadline")))
                break
    if first is not None:
        out.warn(
            *first,
            f"Fristerne ligger stadig i {old}; brug --flyt-datoer for at flytte dem ét år.",
            f"Tidsgränserna ligger kvar i {old}; använd --flyt-datoer för att flytta dem ett år.",
        )


# --- the file -------------------------------------------------------------------------------


def rollover_file(
    src: Path, dst: Path, year: int | None = None, *, move_dates: bool = False
) -> RollOver:
    """Make next year's plan `dst` from `src` (never in place; `dst` must not exist).

    Raises `MaalscoreError` subclasses when a file cannot be read or written."""
    from .errors import WriteBackError
    from .xlsx import ooxml
    from .xlsx.reader import read_workbook
    from .xlsx.writeback import write_back

    src, dst = Path(src), Path(dst)
    if dst.exists():
        raise WriteBackError(
            f"«{dst.name}» findes allerede; nyt-år skriver aldrig oven i en fil. Vælg et andet "
            "navn med --ud."
        )
    if dst.resolve() == src.resolve():
        raise WriteBackError("--ud skal være en ny fil, ikke årets projektmappe.")
    ev = score_file(src, write=False, options=FileOptions(backup=False))
    names = {normalise_name(n) for names in SHEETS.values() for n in names}
    with ooxml.open_zip(src) as zf:
        sheets = [s.name for s in ooxml.read_workbook_info(zf).sheets]
    grids = read_workbook(src, [s for s in sheets if normalise_name(s) in names])
    result = roll_over(grids, ev, year, move_dates)
    if result.ok:
        dst.parent.mkdir(parents=True, exist_ok=True)
        # Nothing written here is a result: a moved deadline keeps its date format.
        write_back(src, _each_once(result.updates), dst, drop_stamp=True, results=())
    return result


def _each_once(updates: list[CellUpdate]) -> list[CellUpdate]:
    """The last update of each cell (a moved deadline may also have been emptied first)."""
    cells = {(u.sheet, u.cell): u for u in updates}
    return list(cells.values())
