"""The glue between a live Excel workbook (through xlwings) and the calculation core.

It only moves values: each needed sheet's used range is read in one call, the value grids go to
`calc.engine.evaluate`, and the resulting cell updates come back as a few rectangular range
writes. Everything it does is the same on every xlwings engine (Excel on Windows and macOS
through the add-in, xlwings Lite, and the remote engine the tests use), except two facts the
core needs beyond values, which not every engine can give synchronously:

- which cells hold a formula (the core never overwrites one): `Range.formula` on the desktop
  engines, `await Range.get_formula()` in xlwings Lite;
- which numbers are formatted as percentages (0,85 shown as 85 % means 85):
  `Range.number_format` / `await Range.get_number_format()`, asked once per column that holds
  numbers (a column of mixed formats answers None and its numbers are halved until each part
  answers), so a sheet costs a handful of questions.

Both are asked through one generator per sheet (`_sheet_facts`) that a sync and an async driver
answer, so the desktop and Lite paths cannot drift apart. An engine that cannot answer
(NotImplementedError, as the remote engine outside Lite) leaves the fact unknown, and then
nothing is guessed: no formula protection beyond the core's own, numbers read as plain numbers,
and no empty cells are used to join write blocks.

Importing this module costs the core's parser and scorer, never `calc.xlsx.reader` /
`calc.xlsx.writeback` / openpyxl: a Beregn click is a fresh Python process.
"""

from __future__ import annotations

import sys
import traceback
from collections.abc import Callable, Generator, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from calc import fmt
from calc.engine import Evaluation, evaluate
from calc.errors import ERROR, Issue, MaalscoreError
from calc.exact import excel_precision
from calc.grid import (
    CellUpdate,
    CellValue,
    ExcelError,
    Pos,
    SheetGrid,
    WorkbookGrids,
    normalise_name,
    parse_a1,
)
from calc.headers import SHEETS
from calc.xlsx.ooxml import PERCENT, format_kind

if TYPE_CHECKING:
    import xlwings as xw

# The sheets the core reads; any other sheet (a big data dump, a chart sheet) is never read.
SCORED_SHEETS = frozenset(normalise_name(n) for names in SHEETS.values() for n in names)

# Where problems are listed. Matched loosely, like every sheet name in the core.
PROBLEMS_SHEET = {"da": "Problemer", "sv": "Problem"}

EXCEL_ERRORS = frozenset(
    {
        "#DIV/0!",
        "#N/A",
        "#NAME?",
        "#NULL!",
        "#NUM!",
        "#REF!",
        "#VALUE!",
        "#DATA!",
        "#SPILL!",
        "#CALC!",
        "#FIELD!",
        "#BLOCKED!",
        "#CONNECT!",
        "#BUSY!",
        "#UNKNOWN!",
        "#GETTING_DATA",
    }
)

# How many problems the message box lists before pointing to the Problemer sheet.
MAX_IN_MESSAGE = 8


class _Unknown:
    """The engine cannot answer this question (e.g. formulas outside xlwings Lite)."""

    def __repr__(self) -> str:
        return "UNKNOWN"


UNKNOWN = _Unknown()

# A question to the engine about a rectangle, 0-based and inclusive: (what, r0, c0, r1, c1),
# `what` being "formula" or "number_format".
Ask = tuple[str, int, int, int, int]


# ---------------------------------------------------------------------------------------------
# Reading


@dataclass(frozen=True)
class SheetRead:
    """One sheet as read: the grid for the core, and which facts the engine could give."""

    grid: SheetGrid
    formulas_known: bool
    percent_known: bool


@dataclass(frozen=True)
class BookRead:
    grids: WorkbookGrids
    sheets: tuple[SheetRead, ...]

    def sheet(self, name: str) -> SheetRead | None:
        wanted = normalise_name(name)
        return next((s for s in self.sheets if normalise_name(s.grid.name) == wanted), None)


def scored_sheets(book: xw.Book) -> list[xw.Sheet]:
    """The workbook's sheets that the core reads, in workbook order."""
    return [s for s in book.sheets if normalise_name(s.name) in SCORED_SHEETS]


def cell_value(v: Any) -> CellValue:
    """An xlwings value → what the core (and `calc.xlsx.reader`) would have for the same cell.

    Numbers become `Decimal(repr(float))`, exactly as `calc.xlsx.reader` reads the same cell from
    the file (the core does not render a float and a Decimal alike everywhere: a Vurdering of
    75.0 would be explained as "75.0 (75 %)"). Excel errors arrive as text with `err_to_str` and
    become `ExcelError`; a date at midnight becomes a `date`, as the file reader gives.
    """
    if v is None or isinstance(v, bool | Decimal):
        return v
    if isinstance(v, int | float):
        return Decimal(repr(float(v)))
    if isinstance(v, str):
        if v == "":
            return None
        return ExcelError(v) if v in EXCEL_ERRORS else v
    if isinstance(v, datetime):
        if (v.hour, v.minute, v.second, v.microsecond) == (0, 0, 0, 0):
            return v.date()
        return v.replace(tzinfo=None)
    if isinstance(v, date):
        return v
    return str(v)


Extent = tuple[int, int]  # rows and columns from A1 to the used range's last cell


def read_values(sheet: xw.Sheet) -> tuple[tuple[tuple[CellValue, ...], ...], Extent]:
    """The sheet's used range in one read, as rows anchored at A1 (trailing blanks dropped),
    and the extent of the used range: every formula, even one showing "", lies within it."""
    used = sheet.used_range
    raw = used.options(ndim=2, err_to_str=True).value
    top, left = used.row - 1, used.column - 1
    extent = (top + len(raw), left + max((len(r) for r in raw), default=0))
    rows: list[tuple[CellValue, ...]] = [()] * top
    for raw_row in raw:
        cells = [cell_value(v) for v in raw_row]
        while cells and cells[-1] is None:
            cells.pop()
        rows.append((None,) * left + tuple(cells) if cells else ())
    while rows and not rows[-1]:
        rows.pop()
    return tuple(rows), extent


def _is_number(v: CellValue) -> bool:
    return isinstance(v, int | float | Decimal) and not isinstance(v, bool)


def numeric_columns(rows: Sequence[Sequence[CellValue]]) -> list[tuple[int, list[int]]]:
    """Per column, the rows holding a number: the only cells where a percent format changes
    the meaning (a date or a text is read the same whatever its format)."""
    n_cols = max((len(r) for r in rows), default=0)
    out = []
    for c in range(n_cols):
        found = [r for r, row in enumerate(rows) if c < len(row) and _is_number(row[c])]
        if found:
            out.append((c, found))
    return out


def formula_positions(answer: Any, r0: int, c0: int, single_row: bool = False) -> set[Pos]:
    """Cells whose formula text starts with `=`, from `Range.formula` over a rectangle whose
    top-left cell is (r0, c0). Engines give a str for one cell, rows of strs for a rectangle,
    and may give one flat list for a single row or column."""
    if isinstance(answer, str):
        answer = [[answer]]
    rows = list(answer or ())
    if rows and all(isinstance(x, str) for x in rows):
        rows = [rows] if single_row else [[x] for x in rows]
    out: set[Pos] = set()
    for dr, row in enumerate(rows):
        for dc, f in enumerate(row):
            if isinstance(f, str) and f.startswith("="):
                out.add((r0 + dr, c0 + dc))
    return out


def is_percent_format(code: str) -> bool:
    return format_kind(code) == PERCENT


def _sheet_facts(
    rows: Sequence[Sequence[CellValue]], extent: Extent | None = None
) -> Generator[Ask, Any, tuple[frozenset[Pos] | None, frozenset[Pos] | None]]:
    """Ask the engine for formulas and percent formats; returns (formulas, percent), each None
    when the engine cannot tell. The questions are few: one for the formulas, and one per column
    with numbers, split only where the column mixes formats."""
    n_rows, n_cols = extent or (len(rows), max((len(r) for r in rows), default=0))
    formulas: frozenset[Pos] | None = frozenset()
    if n_rows and n_cols:
        answer = yield ("formula", 0, 0, n_rows - 1, n_cols - 1)
        formulas = (
            None
            if answer is UNKNOWN
            else frozenset(formula_positions(answer, 0, 0, single_row=n_rows == 1))
        )
    percent: set[Pos] = set()
    for c, numbers in numeric_columns(rows):
        # One question covers the column from its first to its last number, blanks and text
        # in between included; only when the answer is "mixed" is the group halved.
        pending = [numbers]
        while pending:
            group = pending.pop()
            code = yield ("number_format", group[0], c, group[-1], c)
            if code is UNKNOWN:
                return formulas, None
            if isinstance(code, str):
                if is_percent_format(code):
                    percent.update((r, c) for r in group)
            elif len(group) > 1:
                mid = len(group) // 2
                pending += [group[mid:], group[:mid]]
    return formulas, frozenset(percent)


def _range(sheet: xw.Sheet, ask: Ask) -> xw.Range:
    _, r0, c0, r1, c1 = ask
    return sheet.range((r0 + 1, c0 + 1), (r1 + 1, c1 + 1))


def _answer(sheet: xw.Sheet, ask: Ask) -> Any:
    try:
        if ask[0] == "formula":
            return _range(sheet, ask).formula
        return _range(sheet, ask).number_format
    except NotImplementedError:
        return UNKNOWN


async def _answer_async(sheet: xw.Sheet, ask: Ask) -> Any:
    try:
        if ask[0] == "formula":
            return await _range(sheet, ask).options(ndim=2).get_formula()
        return await _range(sheet, ask).get_number_format()
    except NotImplementedError:
        return UNKNOWN


def _sheet_read(name: str, rows: tuple[tuple[CellValue, ...], ...], facts: Any) -> SheetRead:
    formulas, percent = facts
    grid = SheetGrid(name, rows, percent or frozenset(), formulas or frozenset())
    return SheetRead(grid, formulas is not None, percent is not None)


def read_book(book: xw.Book) -> BookRead:
    """Read the scored sheets of a live workbook: what is on screen, saved or not."""
    out = []
    for sheet in scored_sheets(book):
        rows, extent = read_values(sheet)
        gen = _sheet_facts(rows, extent)
        try:
            ask = next(gen)
            while True:
                ask = gen.send(_answer(sheet, ask))
        except StopIteration as stop:
            out.append(_sheet_read(sheet.name, rows, stop.value))
    return _book_read(book, out)


async def read_book_async(book: xw.Book) -> BookRead:
    """`read_book` for xlwings Lite, where formulas and formats are fetched with `await`."""
    out = []
    for sheet in scored_sheets(book):
        rows, extent = read_values(sheet)
        gen = _sheet_facts(rows, extent)
        try:
            ask = next(gen)
            while True:
                ask = gen.send(await _answer_async(sheet, ask))
        except StopIteration as stop:
            out.append(_sheet_read(sheet.name, rows, stop.value))
    return _book_read(book, out)


def _book_read(book: xw.Book, sheets: list[SheetRead]) -> BookRead:
    grids = WorkbookGrids(tuple(s.grid for s in sheets), source=str(book.name))
    return BookRead(grids, tuple(sheets))


# ---------------------------------------------------------------------------------------------
# Writing


@dataclass(frozen=True)
class Block:
    """One range write: `values` (rows) with its top-left cell at 0-based (row, col)."""

    sheet: str
    row: int
    col: int
    values: tuple[tuple[Any, ...], ...]

    @property
    def shape(self) -> tuple[int, int]:
        return len(self.values), len(self.values[0]) if self.values else 0


# Text Excel would turn into something else when written as a value: a formula (=, +, -, @),
# an error (#N/A), a number, date or time (any digit: `2025-11-23 10:00`, `85 %`, `marts 2025`),
# or a boolean. A leading apostrophe keeps it text, exactly as typing it would.
_BOOLEAN_WORDS = frozenset({"TRUE", "FALSE", "SAND", "FALSK", "SANT", "FALSKT"})


def excel_value(v: str | Decimal | int | float | None) -> Any:
    """A core value as xlwings should write it. Decimals become the float nearest to their
    15-significant-digit form, which is what the file write-back stores, so both front ends
    put the same number in the cell."""
    if v is None:
        return None
    if isinstance(v, str):
        s = v
        if s and (
            s[0] in "=+-@#'" or any(ch.isdigit() for ch in s) or s.strip().upper() in _BOOLEAN_WORDS
        ):
            return "'" + s
        return s
    if isinstance(v, bool):
        return v
    if isinstance(v, int):
        return v
    return float(excel_precision(Decimal(repr(v)) if isinstance(v, float) else v))


def _rectangles(
    cells: set[Pos], fillable: Callable[[Pos], bool], transpose: bool
) -> list[tuple[int, int, int, int]]:
    """Cover `cells` with rectangles (r0, c0, r1, c1): segments along each row (or column,
    when transposed) joined across fillable gaps, then stacked while their span repeats."""

    def key(p: Pos) -> Pos:
        return (p[1], p[0]) if transpose else p

    def ok(line: int, pos: int) -> bool:
        p = (pos, line) if transpose else (line, pos)
        return p in cells or fillable(p)

    by_line: dict[int, list[int]] = {}
    for p in sorted(cells, key=key):
        line, pos = key(p)
        by_line.setdefault(line, []).append(pos)
    segments: list[tuple[int, int, int]] = []  # (line, first, last)
    for line, positions in sorted(by_line.items()):
        first = last = positions[0]
        for pos in positions[1:]:
            if all(ok(line, x) for x in range(last + 1, pos)):
                last = pos
            else:
                segments.append((line, first, last))
                first = last = pos
        segments.append((line, first, last))
    # Stack a segment onto an earlier rectangle with the same span when every cell between
    # them is a free filler: fillable, not an update (those have their own segments) and not
    # already inside another rectangle or segment.
    taken = {(line, x) for line, first, last in segments for x in range(first, last + 1)}

    def free(line: int, pos: int) -> bool:
        p = (pos, line) if transpose else (line, pos)
        return (line, pos) not in taken and p not in cells and fillable(p)

    rects: list[list[int]] = []  # [line0, first, line1, last]
    for line, first, last in segments:
        for rect in rects:
            between = [(mid, x) for mid in range(rect[2] + 1, line) for x in range(first, last + 1)]
            if rect[1] == first and rect[3] == last and all(free(*b) for b in between):
                rect[2] = line
                taken.update(between)
                break
        else:
            rects.append([line, first, line, last])
    if transpose:
        return [(f, l0, la, l1) for l0, f, l1, la in rects]
    return [(l0, f, l1, la) for l0, f, l1, la in rects]


def plan_blocks(updates: Sequence[CellUpdate], read: BookRead) -> list[Block]:
    """Group the updates into as few rectangular writes as possible, per sheet.

    A rectangle may include cells that are not updated only when writing an empty value there
    changes nothing: the cell is empty and the engine told us it holds no formula. That lets
    the Resultat sheet, with its ragged label/value rows, go out in one write.
    """
    per_sheet: dict[str, dict[Pos, Any]] = {}
    for u in updates:
        per_sheet.setdefault(u.sheet, {})[parse_a1(u.cell)] = excel_value(u.value)
    blocks = []
    for name, values in per_sheet.items():
        info = read.sheet(name)

        def fillable(p: Pos, info: SheetRead | None = info) -> bool:
            return (
                info is not None
                and info.formulas_known
                and info.grid.value(*p) is None
                and p not in info.grid.formulas
            )

        cells = set(values)
        r0, r1 = min(r for r, _ in cells), max(r for r, _ in cells)
        c0, c1 = min(c for _, c in cells), max(c for _, c in cells)
        box = [(r, c) for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)]
        if all(p in cells or fillable(p) for p in box):
            rects = [(r0, c0, r1, c1)]
        else:
            rects = min((_rectangles(cells, fillable, t) for t in (False, True)), key=len)
        for a, b, c, d in sorted(rects):
            rows = tuple(
                tuple(values.get((r, col)) for col in range(b, d + 1)) for r in range(a, c + 1)
            )
            blocks.append(Block(name, a, b, rows))
    return blocks


class WriteInterrupted(Exception):
    """Writing stopped part-way: some result cells may already hold new values."""


def write_blocks(book: xw.Book, blocks: Sequence[Block], read: BookRead | None = None) -> None:
    """One `range.value = rows` per block. Should Excel refuse a block (a merged area that the
    block cuts through), its own cells are written one by one instead. A failure after that
    is raised as `WriteInterrupted`, so the user is not told that nothing was written."""
    try:
        _write_blocks(book, blocks, read)
    except Exception as exc:
        raise WriteInterrupted(f"{type(exc).__name__}: {exc}") from exc


def _write_blocks(book: xw.Book, blocks: Sequence[Block], read: BookRead | None) -> None:
    for block in blocks:
        sheet = book.sheets[block.sheet]
        n_rows, n_cols = block.shape
        target = sheet.range(
            (block.row + 1, block.col + 1), (block.row + n_rows, block.col + n_cols)
        )
        try:
            target.value = [list(r) for r in block.values]
        except Exception:
            for dr, row in enumerate(block.values):
                for dc, v in enumerate(row):
                    pos = (block.row + dr, block.col + dc)
                    info = read.sheet(block.sheet) if read is not None else None
                    if v is None and info is not None and info.grid.value(*pos) is None:
                        continue  # a filler cell: nothing to write
                    sheet.range((pos[0] + 1, pos[1] + 1)).value = v


# ---------------------------------------------------------------------------------------------
# Problems and messages

# The Problemer sheet's header row; its first cell also marks the sheet as Målscore's own.
_HEADERS = {"da": ("Ark", "Celle", "Type", "Besked"), "sv": ("Blad", "Cell", "Typ", "Meddelande")}

_TEXT: dict[str, dict[str, str]] = {
    "da": {
        "error": "Fejl",
        "warning": "Advarsel",
        "info": "Info",
        "none": "Ingen problemer ved seneste beregning.",
        "title": "Målscore",
        "errors": "Projektmappen har {n} fejl, så intet er beregnet eller skrevet.",
        "more": "… og {n} mere.",
        "see": "Hele listen står i arket '{sheet}'.",
        "done": "Beregnet: {p} af {m} point ({pct}).",
        "pay": "Resultatløn {name}: {u}",
        "warnings": "{n} advarsel(er) – se arket '{sheet}'.",
        "crash": "Målscore kunne ikke gennemføre beregningen, og intet er skrevet.\n\n{exc}",
        "partial": "Målscore blev afbrudt under skrivningen af resultaterne, så nogle "
        "resultatceller kan være opdateret og andre ikke. Ret årsagen og klik Beregn igen."
        "\n\n{exc}",
    },
    "sv": {
        "error": "Fel",
        "warning": "Varning",
        "info": "Info",
        "none": "Inga problem vid senaste beräkningen.",
        "title": "Målscore",
        "errors": "Arbetsboken innehåller {n} fel, så inget har beräknats eller skrivits.",
        "more": "… och {n} till.",
        "see": "Hela listan finns på bladet '{sheet}'.",
        "done": "Beräknat: {p} av {m} poäng ({pct}).",
        "pay": "Resultatlön {name}: {u}",
        "warnings": "{n} varning(ar) – se bladet '{sheet}'.",
        "crash": "Målscore kunde inte slutföra beräkningen, och inget har skrivits.\n\n{exc}",
        "partial": "Målscore avbröts medan resultaten skrevs, så vissa resultatceller kan vara "
        "uppdaterade och andra inte. Åtgärda orsaken och klicka Beräkna igen.\n\n{exc}",
    },
}


def _lang(ev: Evaluation | None) -> str:
    return ev.plan.lang if ev is not None and ev.plan is not None else "da"


def problem_rows(issues: Sequence[Issue], lang: str) -> list[list[Any]]:
    """The Problemer sheet: a header row, then one row per issue, errors first, then warnings,
    then info lines."""
    t = _TEXT[lang]
    rank = {"error": 0, "warning": 1, "info": 2}
    ordered = sorted(issues, key=lambda i: rank[i.severity])
    rows: list[list[Any]] = [list(_HEADERS[lang])]
    rows += [
        [
            excel_value(i.sheet),
            excel_value(i.cell) if i.cell else None,
            t[i.severity],
            excel_value(i.message),
        ]
        for i in ordered
    ]
    if not issues:
        rows.append([t["none"], None, None, None])
    return rows


def _find_sheet(book: xw.Book, names: Sequence[str]) -> xw.Sheet | None:
    wanted = {normalise_name(n) for n in names}
    return next((s for s in book.sheets if normalise_name(s.name) in wanted), None)


def _is_ours(sheet: xw.Sheet) -> bool:
    """A Problemer sheet that Målscore wrote starts with its header ("Ark" / "Blad") in A1."""
    first = sheet.range((1, 1)).value
    return first in {h[0] for h in _HEADERS.values()}


def write_problems(book: xw.Book, ev: Evaluation) -> str | None:
    """List the issues on the Problemer sheet in one write. The sheet is added only when there
    is something to list; an existing one is emptied first, so it never shows stale problems.
    A sheet of that name that Målscore did not write is left alone. Returns the sheet's name,
    or None when nothing was written (the message box then lists the problems itself)."""
    lang = _lang(ev)
    sheet = _find_sheet(book, list(PROBLEMS_SHEET.values()))
    if sheet is not None and not _is_ours(sheet):
        return None  # the user's own sheet of that name: never touched
    if sheet is None:
        if not any(not i.is_info for i in ev.issues):
            return None  # nothing but info lines: the message box shows them, no sheet added
        active = book.sheets.active
        sheet = book.sheets.add(name=PROBLEMS_SHEET[lang], after=book.sheets[-1])
        if ev.ok:  # only warnings: stay where the user was; errors: show the list
            active.activate()
    else:
        sheet.clear_contents()
    rows = problem_rows(ev.issues, lang)
    sheet.range((1, 1), (len(rows), 4)).value = rows
    if not ev.ok:
        sheet.activate()
    return str(sheet.name)


def summary_message(ev: Evaluation, problems_sheet: str | None) -> str:
    """The message box text: the total and pay on success, the first problems on errors."""
    lang = _lang(ev)
    t = _TEXT[lang]
    lines: list[str] = []
    if not ev.ok:
        errors = [i for i in ev.issues if i.is_error]
        lines.append(t["errors"].format(n=len(errors)))
        lines.append("")
        lines += _listed(errors, lang)
        if problems_sheet:
            lines += ["", t["see"].format(sheet=problems_sheet)]
        return "\n".join(lines)
    card = ev.scorecard
    if card is not None:
        lines.append(
            t["done"].format(
                p=fmt.points(card.total_points, lang),
                m=fmt.points(card.max_points, lang),
                pct=fmt.pct(card.score_pct, lang),
            )
        )
    lines += [t["pay"].format(name=p.name, u=fmt.kroner(p.payout, lang)) for p in ev.pay]
    info = [i.message for i in ev.issues if i.is_info]
    if info:  # e.g. "ingen resultatløn at beregne": one line, always in the box itself
        lines += ["", *info]
    warnings = [i for i in ev.issues if i.is_warning]
    if warnings and problems_sheet:
        lines += ["", t["warnings"].format(n=len(warnings), sheet=problems_sheet)]
    elif warnings:
        lines += ["", *_listed(warnings, lang)]
    return "\n".join(lines)


def _listed(issues: list[Issue], lang: str) -> list[str]:
    lines = [f"{i.location()}: {i.message}" for i in issues[:MAX_IN_MESSAGE]]
    if len(issues) > MAX_IN_MESSAGE:
        lines.append(_TEXT[lang]["more"].format(n=len(issues) - MAX_IN_MESSAGE))
    return lines


# ---------------------------------------------------------------------------------------------
# Orchestration


@dataclass(frozen=True)
class Outcome:
    """What one Beregn did, for the message box and for tests."""

    evaluation: Evaluation
    read: BookRead
    blocks: tuple[Block, ...]
    problems_sheet: str | None
    message: str
    limitations: tuple[str, ...] = field(default=())


@contextmanager
def quiet_excel(app: Any) -> Iterator[None]:
    """Screen updating off and calculation manual while writing, both restored afterwards even
    when something fails, so a crash never leaves Excel frozen or in manual mode."""
    try:
        calculation = app.calculation
    except NotImplementedError:  # a client that does not report it (Office Scripts)
        calculation = None
    try:
        app.screen_updating = False
        if calculation not in (None, "manual"):
            app.calculation = "manual"
        yield
    finally:
        if calculation not in (None, "manual"):
            app.calculation = calculation
        app.screen_updating = True


def _limitations(read: BookRead) -> tuple[str, ...]:
    out = []
    for s in read.sheets:
        if not s.formulas_known:
            out.append(f"{s.grid.name}: formulas unknown")
        if not s.percent_known:
            out.append(f"{s.grid.name}: percent formats unknown")
    return tuple(out)


def with_case_data(book: xw.Book, grids: WorkbookGrids) -> WorkbookGrids:
    """The case file or case database the Plan sheet names (Sagsdata, or Sagsdatabase and
    Sagsforespørgsel), read exactly as `maalscore beregn` reads them; a file is looked for
    next to the saved workbook."""
    from pathlib import Path

    from calc.engine import FileOptions
    from calc.engine import with_case_data as external

    return external(grids, Path(str(book.fullname)), FileOptions())


def _finish(book: xw.Book, read: BookRead, now: datetime | None) -> Outcome:
    try:
        ev = evaluate(with_case_data(book, read.grids), now=now)
    except MaalscoreError as exc:  # the case file or database cannot be read: nothing written
        ev = Evaluation(None, None, (), (Issue("Plan", "", ERROR, str(exc)),))
    blocks = plan_blocks(ev.updates, read) if ev.ok else []
    write_blocks(book, blocks, read)
    try:
        sheet = write_problems(book, ev)
    except Exception:  # a protected workbook: the message box still lists the problems
        traceback.print_exc(file=sys.stderr)
        sheet = None
    return Outcome(ev, read, tuple(blocks), sheet, summary_message(ev, sheet), _limitations(read))


def alert(book: xw.Book, message: str, *, lang: str = "da", critical: bool = False) -> None:
    book.app.alert(message, title=_TEXT[lang]["title"], mode="critical" if critical else "info")


def beregn_book(book: xw.Book, *, now: datetime | None = None) -> Outcome:
    """Score the open workbook and write the results into it (desktop Excel, remote engine)."""
    with quiet_excel(book.app):
        outcome = _finish(book, read_book(book), now)
    alert(book, outcome.message, lang=_lang(outcome.evaluation), critical=not outcome.evaluation.ok)
    return outcome


async def beregn_book_async(book: xw.Book, *, now: datetime | None = None) -> Outcome:
    """`beregn_book` for xlwings Lite (formulas and formats are read with `await`)."""
    with quiet_excel(book.app):
        read = await read_book_async(book)
        outcome = _finish(book, read, now)
    alert(book, outcome.message, lang=_lang(outcome.evaluation), critical=not outcome.evaluation.ok)
    return outcome


def report_crash(book: xw.Book | None, exc: BaseException) -> None:
    """An unexpected failure becomes a Danish message box, not a traceback window; the
    traceback still goes to stderr (the console or log) for whoever debugs it."""
    traceback.print_exception(exc, file=sys.stderr)
    if isinstance(exc, WriteInterrupted):
        text = _TEXT["da"]["partial"].format(exc=exc)
    else:
        text = _TEXT["da"]["crash"].format(exc=f"{type(exc).__name__}: {exc}")
    if book is None:
        raise exc
    alert(book, text, critical=True)
