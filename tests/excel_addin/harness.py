"""A workbook in xlwings' remote engine, built from an .xlsx, and what the add-in wrote into it.

The remote engine (`xw.Book(json=...)`) stands in for Excel: it holds the values of every sheet
and records each write as an action. `apply_actions` replays those actions on plain grids the
way Excel would (a leading apostrophe marks text and is not part of the value), so the result
can be compared with what `maalscore beregn` writes into the same file.

Two facts the remote engine cannot give synchronously (formulas and number formats) are
simulated with Excel's desktop semantics by `simulate_desktop`: `Range.formula` gives the
formula text per cell, `Range.number_format` the format shared by every cell or None.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from calc.grid import col_letter, parse_a1

os.environ.setdefault("XLWINGS_LICENSE_KEY", "noncommercial")

import openpyxl
import python_calamine
import xlwings as xw
from xlwings.pro import _xlremote

if "remote" not in [e.name for e in xw.engines]:
    # xlwings was imported earlier in this process without the licence key, so it skipped its
    # PRO engines; importing `xlwings.pro` above has now validated the key.
    xw.engines.add(xw.main.Engine(impl=_xlremote.engine))
Grid = list[list[Any]]

# Sheets the harness carries per-cell formats and formulas in, next to the values.
_SIM = "_maalscore_sim"


def _json_value(v: Any) -> Any:
    if v is None or v == "":
        return ""
    if isinstance(v, datetime):
        return v.strftime("%Y-%m-%dT%H:%M:%S.000Z")
    if isinstance(v, date):
        return f"{v.isoformat()}T00:00:00.000Z"
    return v


def read_values(path: Path) -> dict[str, Grid]:
    """Every sheet's values with python-calamine, anchored at A1, empty as None."""
    wb = python_calamine.CalamineWorkbook.from_path(str(path))
    out = {}
    for name in wb.sheet_names:
        rows = wb.get_sheet_by_name(name).to_python(skip_empty_area=False)
        out[name] = [[None if v == "" else v for v in row] for row in rows]
    return out


def _cell_facts(path: Path) -> dict[str, tuple[Grid, Grid]]:
    """Per sheet: (formula text per cell, number format per cell), read with openpyxl."""
    wb = openpyxl.load_workbook(path, data_only=False)
    out = {}
    for ws in wb.worksheets:
        formulas: Grid = []
        formats: Grid = []
        for row in ws.iter_rows(min_row=1, min_col=1, max_row=ws.max_row, max_col=ws.max_column):
            formulas.append(
                [
                    c.value if isinstance(c.value, str) and c.value.startswith("=") else ""
                    for c in row
                ]
            )
            formats.append([c.number_format for c in row])
        out[ws.title] = (formulas, formats)
    return out


def book_json(path: Path, edits: dict[tuple[str, str], Any] | None = None) -> dict[str, Any]:
    """The JSON an xlwings client sends for this workbook (values of every sheet), with optional
    unsaved `edits` {(sheet, "B7"): value} applied on top."""
    values = read_values(path)
    for (sheet, ref), v in (edits or {}).items():
        r, c = _parse(ref)
        grid = values[sheet]
        while len(grid) <= r:
            grid.append([])
        for row in grid:
            row.extend([None] * (max(c + 1, len(grid[0])) - len(row)))
        grid[r][c] = v
    facts = _cell_facts(path)
    sheets = []
    for name, grid in values.items():
        width = max((len(r) for r in grid), default=0)
        rows = [[_json_value(v) for v in row] + [""] * (width - len(row)) for row in grid]
        # Excel's used range includes formula cells that show nothing; calamine's values don't.
        formulas = facts.get(name, ([], []))[0]
        n_rows = max(len(rows), len(formulas))
        n_cols = max(width, max((len(r) for r in formulas), default=0))
        sheets.append(
            {
                "name": name,
                "values": rows or [[]],
                "used_range_address": f"$A$1:${col_letter(max(n_cols, 1) - 1)}${max(n_rows, 1)}",
                "pictures": [],
                "tables": [],
                _SIM: facts.get(name, ([], [])),
            }
        )
    return {
        "version": xw.__version__,
        "client": "Microsoft Office Scripts",
        "book": {
            "name": path.name,
            "active_sheet_index": 0,
            "selection": "A1",
            "calculation": "Automatic",
        },
        "names": [],
        "sheets": sheets,
    }


def _parse(ref: str) -> tuple[int, int]:
    return parse_a1(ref)


def open_book(path: Path, edits: dict[tuple[str, str], Any] | None = None) -> xw.Book:
    return xw.Book(json=book_json(path, edits))


def _sim_block(rng: Any, index: int) -> Grid:
    data = rng.sheet.api.get(_SIM, ([], []))[index]
    (r0, c0), shape = rng.arg1, rng.shape
    out = []
    for r in range(r0 - 1, r0 - 1 + shape[0]):
        row = data[r] if r < len(data) else []
        out.append(
            [
                row[c] if c < len(row) else ("" if index == 0 else "General")
                for c in range(c0 - 1, c0 - 1 + shape[1])
            ]
        )
    return out


def _sim_formula(rng: Any) -> Any:
    block = _sim_block(rng, 0)
    return block[0][0] if rng.shape == (1, 1) else tuple(tuple(r) for r in block)


def _sim_number_format(rng: Any) -> str | None:
    codes = {c for row in _sim_block(rng, 1) for c in row}
    return codes.pop() if len(codes) == 1 else None


@pytest.fixture
def desktop(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Make the remote engine answer `formula` and `number_format` like Excel on a desktop."""
    monkeypatch.setattr(_xlremote.Range, "formula", property(_sim_formula))
    monkeypatch.setattr(_xlremote.Range, "number_format", property(_sim_number_format))
    yield


def actions(book: xw.Book) -> list[dict[str, Any]]:
    return list(book.impl.json()["actions"])


def _excel_value(v: Any) -> Any:
    """What a written value becomes in the cell: "" is empty, a leading ' marks text."""
    if v == "" or v is None:
        return None
    if isinstance(v, str) and v.startswith("'"):
        return v[1:]
    return v


def apply_actions(before: dict[str, Grid], recorded: list[dict[str, Any]]) -> dict[str, Grid]:
    """Replay recorded actions on copies of the grids, as Excel would apply them."""
    names = list(before)
    grids = {n: [list(r) for r in g] for n, g in before.items()}
    for a in recorded:
        func = a["func"]
        if func == "addSheet":
            index, name = a["args"]
            names.insert(index, name)
            grids[name] = []
        elif func == "sheetClearContents":
            grids[names[a["sheet_position"]]] = []
        elif func == "setValues":
            grid = grids[names[a["sheet_position"]]]
            for dr, row in enumerate(a["values"]):
                r = a["start_row"] + dr
                while len(grid) <= r:
                    grid.append([])
                for dc, v in enumerate(row):
                    c = a["start_column"] + dc
                    grid[r].extend([None] * (c + 1 - len(grid[r])))
                    grid[r][c] = _excel_value(v)
        elif func in ("setScreenUpdating", "setCalculation", "alert", "activateSheet"):
            continue
        else:
            raise AssertionError(f"unexpected action {func}")
    return grids


def value_writes(book: xw.Book) -> dict[str, int]:
    """setValues actions per sheet name (sheets added by the add-in included)."""
    names = [s["name"] for s in book.impl.api["sheets"]]
    counts: dict[str, int] = {}
    added: list[str] = []
    for a in actions(book):
        if a["func"] == "addSheet":
            added.append(a["args"][1])
        if a["func"] == "setValues":
            name = names[a["sheet_position"]]
            counts[name] = counts.get(name, 0) + 1
    return counts


def normalised(grid: Grid) -> dict[tuple[int, int], Any]:
    """Non-empty cells with whole numbers and floats compared as floats."""
    out = {}
    for r, row in enumerate(grid):
        for c, v in enumerate(row):
            if v is None or v == "":
                continue
            if isinstance(v, int) and not isinstance(v, bool):
                v = float(v)
            if isinstance(v, datetime) and v.time() == datetime.min.time():
                v = v.date()
            out[(r, c)] = v
    return out


def save_like_excel(src: Path, recorded: list[dict[str, Any]], dst: Path) -> Path:
    """The workbook as Excel saves it after the recorded actions: `src` opened with openpyxl,
    each write applied to its cells (a leading ' marks text), and saved to `dst`. openpyxl
    keeps the custom document properties, as Excel does, so a stamp survives the save."""
    wb = openpyxl.load_workbook(src)
    names = list(wb.sheetnames)
    for a in recorded:
        func = a["func"]
        if func == "addSheet":
            index, name = a["args"]
            wb.create_sheet(name, index)
            names.insert(index, name)
        elif func == "sheetClearContents":
            ws = wb[names[a["sheet_position"]]]
            for row in ws.iter_rows():
                for cell in row:
                    cell.value = None
        elif func == "setValues":
            ws = wb[names[a["sheet_position"]]]
            for dr, row in enumerate(a["values"]):
                for dc, v in enumerate(row):
                    cell = ws.cell(row=a["start_row"] + dr + 1, column=a["start_column"] + dc + 1)
                    cell.value = _excel_value(v)
    wb.save(dst)
    return dst
