"""The integrity stamp: what `beregn` read and wrote, recorded in the workbook for `tjek`.

The stamp is a set of custom document properties (File › Info › Properties › Custom in Excel;
the part `docProps/custom.xml`), all named `Målscore.…`:

| property | value |
|---|---|
| `Målscore.Format` | `2`, the layout of this stamp; `3` with a Sagsdata hashed per value (below) |
| `Målscore.Version` | the engine version that calculated, e.g. `0.1.0` |
| `Målscore.Beregnet` | the time of calculation, ISO 8601 with UTC offset |
| `Målscore.Input` | `sha256:` + SHA-256 over every input cell read (sheet, cell, value) |
| `Målscore.Resultat` | `sha256:` + SHA-256 over every result cell written (sheet, cell, value) |
| `Målscore.Visning` | `sha256:` + SHA-256 over how every result cell is shown (its looks) |
| `Målscore.Celler.001` … | per-cell fingerprints, zlib + base64, split into 250-character pieces |
| `Målscore.Kørsel` | only for a follow-up: `opfølgning 2025-09-30` (absent: `beregn`) |
| `Målscore.SidsteÅr` | only when last year's workbook gave the trend: its file name |

Property values are kept under 255 characters because Excel does not keep longer text values
reliably. The per-cell part lets `tjek` name *which* cells changed: every input cell and every
result cell has a 16-bit hash of its value (a change slips through at the cell level with
probability 1/65536, and is then still caught by the SHA-256 over all cells). A sheet with more
than `CELL_LIMIT` input cells (a large Sagsdata) is fingerprinted in at most `MAX_BLOCKS` blocks
of rows instead, so a change there is named as a range of rows.

Inputs are all non-empty cells of the sheets the parser reads (Plan, Mål, Milepæle, Sagsdata,
Resultatløn, found by the same names and synonyms) except the cells Målscore writes and the
cells in their output columns from the header down (Målopfyldelse, Point, Status, Forklaring,
Rettidig, Beregnet, Udbetaling): those hold results, and a sum formula under Point would
otherwise change when Excel recalculates. On the Resultat sheet every cell the run did not
write (a user's own notes) is an input too, so a note added after calculation is seen. Which
columns were skipped is part of the stamp, so `tjek` applies the very same rule to the file as
it is now.

A large Sagsdata read column by column is hashed per block of rows at C speed: each column's
slice as the `repr` of its list of values, or — for a column of few distinct values (dates,
goals, locations: `repr` of a date costs ten times a lookup) — as the `repr` of each distinct
value computed once and joined per block. Which columns were hashed which way is recorded per
sheet (`m`), so `tjek` hashes the sheet as it is now the very same way; such a stamp is format
3, which an older Målscore refuses by name instead of misreading. A format 2 stamp (every
column by `repr`) is still checked the format 2 way.

Format 1 (before the looks were stamped) is still read: it has no `Målscore.Visning` and no
per-cell looks, and its inputs leave the Resultat sheet out; `tjek` then judges the number
formats of the result cells as they are now, without comparing them with the stamp.

A follow-up (`maalscore opfølgning`) stamps its own run: its inputs are the same sheets plus the
Opfølgning sheet (its output columns Status pr. dato, Forventet opfyldelse, Forventning and
Forklaring skipped like the others), its results the cells it wrote there, and `Kørsel` names the
date, so `tjek` recalculates the follow-up at that date. The stamp always describes the latest
run: a `beregn` after a follow-up stamps the year-end results again.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import zlib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any

from . import __version__
from .errors import MaalscoreError
from .grid import (
    CellUpdate,
    CellValue,
    CountedSheet,
    ExcelError,
    Pos,
    SheetGrid,
    WorkbookGrids,
    a1,
    parse_a1,
    stored_value,
)
from .headers import FOLLOWUP_FIELDS, GOAL_FIELDS, MILESTONE_FIELDS, PAY_FIELDS, SHEETS, Field
from .model import Plan, SheetLayout

FORMAT = "2"
VALUE_FORMAT = "3"  # format 2 + columns of a large Sagsdata hashed per distinct value
READABLE = ("1", "2", "3")
PREFIX = "Målscore."
PROP_FORMAT = PREFIX + "Format"
PROP_VERSION = PREFIX + "Version"
PROP_TIME = PREFIX + "Beregnet"
PROP_INPUT = PREFIX + "Input"
PROP_RESULT = PREFIX + "Resultat"
PROP_DISPLAY = PREFIX + "Visning"
PROP_CELLS = PREFIX + "Celler."
PROP_RUN = PREFIX + "Kørsel"
PROP_LAST_YEAR = PREFIX + "SidsteÅr"
RUN_FOLLOWUP = "opfølgning "  # the run of a follow-up: `opfølgning 2025-09-30`
CHUNK = 250
CELL_LIMIT = 5_000
MAX_BLOCKS = 500
SHORT = 4  # hex digits of a cell's hash
BLOCK_SHORT = 8
SAMPLE = 1_000  # cells of a column looked at to choose how it is hashed

INPUT_SHEETS = ("plan", "goals", "milestones", "cases", "pay", "summary")
FOLLOWUP_INPUT_SHEETS = (*INPUT_SHEETS, "followup")


class StampError(MaalscoreError):
    """The stamp is there but cannot be decoded (damaged or edited by hand)."""


@dataclass(frozen=True)
class SheetPrint:
    """The fingerprint of one input sheet: per cell, or per block of `block` rows."""

    header_row: int = -1  # output columns are skipped below this row
    skip_cols: tuple[int, ...] = ()
    cells: dict[Pos, str] | None = None
    block: int = 0
    blocks: dict[int, str] | None = None
    # a columnar sheet's hashing per column: `r` repr of the slice, `m` per distinct value;
    # "" for a format 2 stamp (every column `r`)
    methods: str = ""


@dataclass(frozen=True)
class Stamp:
    """What one calculation read and wrote. `looks` (each result cell's look, hashed) and
    `states` (the state of each sheet with results: visible, hidden, veryHidden) are None in
    a format 1 stamp, which did not record them."""

    version: str
    time: str
    input_digest: str
    result_digest: str
    inputs: dict[str, SheetPrint] = field(default_factory=dict)
    results: dict[str, dict[Pos, str]] = field(default_factory=dict)
    run: str = ""  # "" for `beregn`; `opfølgning 2025-09-30` for a follow-up
    last_year: str = ""  # the file name of last year's workbook the trend came from
    format: str = FORMAT
    display_digest: str = ""
    looks: dict[str, dict[Pos, str]] | None = field(default_factory=dict)
    states: dict[str, str] | None = field(default_factory=dict)

    @property
    def followup_date(self) -> date | None:
        """The date of a follow-up run (`opfølgning 2025-09-30`), None for `beregn`."""
        if not self.run:
            return None
        return date.fromisoformat(self.run.removeprefix(RUN_FOLLOWUP).strip())

    @property
    def input_sheets(self) -> tuple[str, ...]:
        """The sheets (keys of `headers.SHEETS`) this run read as inputs (format 1: without
        the Resultat sheet)."""
        keys = FOLLOWUP_INPUT_SHEETS if self.run else INPUT_SHEETS
        return keys if self.format != "1" else tuple(k for k in keys if k != "summary")

    def properties(self) -> dict[str, str]:
        """The custom properties that hold the stamp, in the order they are written."""
        payload: dict[str, Any] = {
            "in": {name: _sheet_json(p) for name, p in self.inputs.items()},
            "out": _cells_json(self.results),
        }
        if self.format != "1":
            payload["fmt"] = _cells_json(self.looks or {})
            payload["vis"] = dict(self.states or {})
        raw = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        packed = base64.b64encode(zlib.compress(raw, 9)).decode("ascii")
        props = {
            PROP_FORMAT: VALUE_FORMAT if self.format == VALUE_FORMAT else FORMAT,
            PROP_VERSION: self.version,
            PROP_TIME: self.time,
            PROP_INPUT: self.input_digest,
            PROP_RESULT: self.result_digest,
        }
        if self.format != "1":
            props[PROP_DISPLAY] = self.display_digest
        if self.run:
            props[PROP_RUN] = self.run
        if self.last_year:
            props[PROP_LAST_YEAR] = self.last_year
        for i in range(0, max(len(packed), 1), CHUNK):
            props[f"{PROP_CELLS}{i // CHUNK + 1:03d}"] = packed[i : i + CHUNK]
        return props

    @classmethod
    def from_properties(cls, props: Mapping[str, str]) -> Stamp | None:
        """The stamp in a workbook's custom properties; None when there is none."""
        if not any(k.startswith(PREFIX) for k in props):
            return None
        try:
            if props[PROP_FORMAT] not in READABLE:
                raise StampError(
                    f"Stemplet har formatet {props[PROP_FORMAT]!r}, som denne version af "
                    "Målscore ikke kender. Brug en nyere version."
                )
            pieces = sorted(
                (k for k in props if k.startswith(PROP_CELLS)),
                key=lambda k: (len(k), k),  # 001 … 999, then 1000 …
            )
            packed = "".join(props[k] for k in pieces)
            payload = json.loads(zlib.decompress(base64.b64decode(packed, validate=True)))
            inputs = {name: _sheet_from_json(p) for name, p in payload["in"].items()}
            results = _cells_from_json(payload["out"])
            version = props[PROP_FORMAT]
            looks = _cells_from_json(payload["fmt"]) if version != "1" else None
            states = (
                {str(k): str(v) for k, v in payload["vis"].items()} if looks is not None else None
            )
            stamp = cls(
                props[PROP_VERSION],
                props[PROP_TIME],
                props[PROP_INPUT],
                props[PROP_RESULT],
                inputs,
                results,
                props.get(PROP_RUN, ""),
                props.get(PROP_LAST_YEAR, ""),
                version,
                props[PROP_DISPLAY] if version != "1" else "",
                looks,
                states,
            )
            if stamp.run and not stamp.run.startswith(RUN_FOLLOWUP):
                raise ValueError(stamp.run)
            stamp.followup_date  # noqa: B018 - a run whose date cannot be read is damage
            return stamp
        except StampError:
            raise
        except (KeyError, ValueError, TypeError, zlib.error, binascii.Error) as exc:
            raise StampError(
                "Målscores stempel i filen er beskadiget eller rettet i hånden og kan ikke "
                "bruges til kontrol. Kør maalscore beregn igen på de oprindelige tal."
            ) from exc

    def moment(self) -> datetime | None:
        try:
            return datetime.fromisoformat(self.time)
        except ValueError:
            return None


def _cells_json(cells: Mapping[str, Mapping[Pos, str]]) -> dict[str, list[list[object]]]:
    return {name: [[r, c, h] for (r, c), h in sorted(by.items())] for name, by in cells.items()}


def _cells_from_json(d: dict[str, Any]) -> dict[str, dict[Pos, str]]:
    return {name: {(int(r), int(c)): str(h) for r, c, h in cells} for name, cells in d.items()}


def _sheet_json(p: SheetPrint) -> dict[str, Any]:
    out: dict[str, Any] = {"h": p.header_row, "skip": list(p.skip_cols)}
    if p.cells is not None:
        out["cells"] = [[r, c, h] for (r, c), h in sorted(p.cells.items())]
    else:
        out["k"] = p.block
        out["blocks"] = [[b, h] for b, h in sorted((p.blocks or {}).items())]
        if p.methods:
            out["m"] = p.methods
    return out


def _sheet_from_json(d: dict[str, Any]) -> SheetPrint:
    header, skip = int(d["h"]), tuple(int(c) for c in d["skip"])
    if "cells" in d:
        cells = {(int(r), int(c)): str(h) for r, c, h in d["cells"]}
        return SheetPrint(header, skip, cells=cells)
    blocks = {int(b): str(h) for b, h in d["blocks"]}
    methods = str(d.get("m", ""))
    if methods.strip("rms"):
        raise ValueError(methods)
    return SheetPrint(header, skip, block=int(d["k"]), blocks=blocks, methods=methods)


# ---------------------------------------------------------------------------------------------
# Canonical values


def canonical(value: CellValue, percent: bool = False) -> str:
    """A cell value as text that is equal exactly when the values mean the same to Målscore:
    5, 5.0 and Decimal("5.00") are all `n:5`; a percentage-formatted cell gets a `%`."""
    if value is None or value == "":
        text = ""
    elif isinstance(value, bool):
        text = "b:1" if value else "b:0"
    elif isinstance(value, ExcelError):
        text = "e:" + str(value)
    elif isinstance(value, str):
        text = "s:" + value
    elif isinstance(value, (Decimal, int, float)):
        text = "n:" + _number(value)
    elif isinstance(value, (date, datetime)):
        text = "t:" + value.isoformat()
    else:
        text = "?:" + repr(value)
    return text + "%" if percent and text else text


def canonical_result(value: object) -> str:
    """A result cell's value, as written or as read back: a number written into a
    date-formatted cell reads back as a date, so dates count as their Excel serial number."""
    if isinstance(value, (date, datetime)):
        return "n:" + _number(_serial(value))
    if isinstance(value, (str, Decimal, int, float, bool)) or value is None:
        return canonical(value)
    return "?:" + repr(value)


_EPOCH = datetime(1899, 12, 30)


def _serial(value: date | datetime) -> Decimal:
    moment = value if isinstance(value, datetime) else datetime.combine(value, time())
    delta: timedelta = moment - _EPOCH
    days = Decimal(delta.days) + Decimal(delta.seconds * 1_000_000 + delta.microseconds) / Decimal(
        86_400_000_000
    )
    if moment < datetime(1900, 3, 1):  # Excel's phantom 29 February 1900
        days -= 1
    return Decimal(repr(float(days)))


def _number(value: Decimal | int | float) -> str:
    try:
        d = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    except (InvalidOperation, ValueError):
        return repr(value)
    if not d.is_finite():
        return str(d)
    if d.is_zero():
        return "0"
    return str(d.normalize())


def short_hash(text: str, n: int = SHORT) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:n]


# ---------------------------------------------------------------------------------------------
# What counts as input


def input_grids(grids: WorkbookGrids, keys: tuple[str, ...] = INPUT_SHEETS) -> list[SheetGrid]:
    """The sheets the parser reads, in the order of `keys`, each once."""
    out: list[SheetGrid] = []
    for key in keys:
        grid = grids.find(*SHEETS[key])
        if grid is not None and all(g.name != grid.name for g in out):
            out.append(grid)
    return out


def output_columns(
    plan: Plan | None, followup: SheetLayout | None = None
) -> dict[str, tuple[int, tuple[int, ...]]]:
    """Sheet → (header row, output columns) for the sheets with output columns."""
    out: dict[str, tuple[int, tuple[int, ...]]] = {}
    if plan is None:
        return out
    pairs: tuple[tuple[SheetLayout | None, tuple[Field, ...]], ...] = (
        (plan.goals_layout, GOAL_FIELDS),
        (plan.milestones_layout, MILESTONE_FIELDS),
        (plan.pay_layout, PAY_FIELDS),
        (followup, FOLLOWUP_FIELDS),
    )
    for layout, fields in pairs:
        if layout is None:
            continue
        cols = dict(layout.columns)
        skip = tuple(sorted({cols[f.key] for f in fields if f.output and f.key in cols}))
        out[layout.sheet] = (layout.header_row, skip)
    return out


def input_cells(
    grid: SheetGrid, header_row: int, skip_cols: Iterable[int], written: set[Pos]
) -> Iterator[tuple[Pos, str]]:
    """(position, canonical value) of every input cell of the sheet, row by row."""
    skip = frozenset(skip_cols)
    percent = grid.percent
    columns = getattr(grid, "columns", None)
    height = getattr(grid, "height", 0)
    if isinstance(columns, tuple) and columns and isinstance(height, int) and height:
        # A large Sagsdata read column by column (calc.grid.CaseSheet): `rows` holds only
        # its first rows, the columns hold everything.
        for r in range(height):
            below = r >= header_row
            for c, col in enumerate(columns):
                v = col[r] if r < len(col) else None
                if v is None or v == "" or (below and c in skip) or (r, c) in written:
                    continue
                yield (r, c), canonical(v, (r, c) in percent)
        return
    for r, row in enumerate(grid.rows):
        below = r >= header_row
        for c, v in enumerate(row):
            if v is None or (below and c in skip) or (r, c) in written:
                continue
            yield (r, c), canonical(v, (r, c) in percent)


def _cells(
    grid: SheetGrid, header_row: int, skip_cols: tuple[int, ...], written: set[Pos], limit: int
) -> dict[Pos, str] | None:
    """Each input cell's short hash, or None when there are more than `limit`."""
    cells: dict[Pos, str] = {}
    for pos, text in input_cells(grid, header_row, skip_cols, written):
        cells[pos] = short_hash(text)
        if len(cells) > limit:
            return None
    return cells


def _blocks(
    grid: SheetGrid, header_row: int, skip_cols: tuple[int, ...], written: set[Pos], k: int
) -> dict[int, str]:
    """A hash per block of `k` rows that holds input cells."""
    hashers: dict[int, Any] = {}
    name = grid.name
    for pos, text in input_cells(grid, header_row, skip_cols, written):
        b = pos[0] // k
        h = hashers.get(b)
        if h is None:
            h = hashers[b] = hashlib.sha256()
        h.update(f"{name}\t{a1(*pos)}\t{text}\n".encode("utf-8", "surrogatepass"))
    return {b: h.hexdigest()[:BLOCK_SHORT] for b, h in hashers.items()}


def _columnar(grid: SheetGrid) -> bool:
    """A large Sagsdata read column by column (`calc.grid.CaseSheet`)."""
    columns = getattr(grid, "columns", None)
    return isinstance(columns, tuple) and bool(columns) and _height(grid) > 0


def _height(grid: SheetGrid) -> int:
    height = getattr(grid, "height", 0)
    return max(grid.n_rows, height if isinstance(height, int) else 0)


def _column_blocks(grid: SheetGrid, k: int, methods: str | None) -> tuple[dict[int, str], str]:
    """Block hashes of a columnar sheet, at C speed, and how each column was hashed.

    Each block's slice of a column is hashed as the `repr` of the list of its values (`r`), as
    its text joined (`s`), or as the `repr` of each value looked up in a table of the column's
    distinct values and joined (`m`); `repr` escapes control characters, so the separator never
    occurs inside one. All are the same for the same file read the same way, which is what
    `tjek` compares (both read the file through `engine.load_grids`). `methods` is the stamp's
    choice per column (None: choose now, `column_method`; "": a format 2 stamp, all `r`)."""
    columns: tuple[Sequence[object], ...] = getattr(grid, "columns", ())
    height = _height(grid)
    if methods is None:
        picked = [column_method(col) for col in columns]
        methods = "".join(m for m, _ in picked)
        tables = [t for _, t in picked]
    else:
        tables = [
            _value_table(dict.fromkeys(col)) if methods[i : i + 1] == "m" else None
            for i, col in enumerate(columns)
        ]
    chosen = [methods[i : i + 1] or "r" for i in range(len(columns))]
    out: dict[int, str] = {}
    for b in range(-(-height // k)):
        h = hashlib.sha256()
        start, end = b * k, min(height, (b + 1) * k)
        for col, m, table in zip(columns, chosen, tables, strict=True):
            part = col[start:end]
            if table is not None:
                text = "\x1f".join(map(table.__getitem__, part))
            elif m == "s":
                text = _texts(part)
            else:
                # the list's own repr: its values' reprs built in one C call (half the time
                # of joining them one by one)
                text = repr(list(part))
            h.update(text.encode("utf-8", "surrogatepass"))
            h.update(b"\x1e")
        out[b] = h.hexdigest()
    return out, methods


def column_method(col: Sequence[object]) -> tuple[str, dict[object, str] | None]:
    """How a column of a large Sagsdata is hashed: `m` (a table of its distinct values) for
    dates, `s` (text joined) for text, `r` (`repr` of the slice) otherwise — judged from its
    first `SAMPLE` cells and recorded in the stamp, so `tjek` hashes it the same way.

    A date's `repr` costs ten times a lookup in a table, text joined a tenth of its `repr`.
    A table is used only with at most half as many distinct values as cells, and only when
    exact: it merges values that compare equal, so a column holding a value that equals one of
    another meaning (`_may_merge`: `True` and `1`, an Excel error and its text) is hashed by
    `repr` — 5 and 5.0 are merged, which means the same to Målscore. When `tjek` follows a
    stamp's `m` the table is made whatever the column holds now: the stamp was made without
    such values, so a value changed into one still changes its block's text (it becomes the
    `repr` of a value of another kind than the one stamped). With `m`, the table too."""
    sample = col[:SAMPLE]
    if any(isinstance(v, date) for v in sample):
        distinct = dict.fromkeys(col)
        if 2 * len(distinct) > len(col) or _may_merge(distinct):
            return "r", None
        return "m", _value_table(distinct)
    if all(type(v) is str for v in sample):
        return "s", None
    return "r", None


def _value_table(distinct: dict[object, None]) -> dict[object, str]:
    """Each distinct value of a column → its `repr`."""
    return {v: repr(v) for v in distinct}


def _texts(part: Sequence[object]) -> str:
    """A slice of text cells joined, tagged `s`; tagged `r` and by `repr` when a cell is no
    text, holds the separator or starts with `#` (an Excel error is text to `join`)."""
    try:
        text = "\x1f".join(part)  # type: ignore[arg-type]
    except TypeError:
        return "r" + repr(list(part))
    if text.count("\x1f") != max(len(part) - 1, 0) or text.startswith("#") or "\x1f#" in text:
        return "r" + repr(list(part))
    return "s" + text


def _may_merge(distinct: Iterable[object]) -> bool:
    """A value a dict could merge with an equal one of another meaning: a bool, an Excel error,
    text that starts like one, or a number equal to 0 or 1 (== False, True)."""
    for v in distinct:
        if isinstance(v, bool | ExcelError) or (isinstance(v, str) and v.startswith("#")):
            return True
        if isinstance(v, (int, float, Decimal)) and v in (0, 1):
            return True
    return False


def fingerprint_inputs(
    sheets: Sequence[SheetGrid],
    skips: Mapping[str, tuple[int, tuple[int, ...]]],
    written: Mapping[str, set[Pos]],
    modes: Mapping[str, SheetPrint] | None = None,
) -> tuple[str, dict[str, SheetPrint]]:
    """SHA-256 over all input cells, and each sheet's fingerprint: per cell while a sheet has
    at most CELL_LIMIT input cells, else per block of rows. With `modes` (the sheets of a
    stamp), each sheet is fingerprinted the way the stamp did it."""
    prints: dict[str, SheetPrint] = {}
    digest = hashlib.sha256()
    for grid in sheets:
        header, skip = skips.get(grid.name, (-1, ()))
        done = written.get(grid.name, set())
        if isinstance(grid, CountedSheet):
            # Case data counted by an engine (calc.casescan, calc.casedb): the file's SHA-256
            # (or the counts') stands for every cell; any changed byte is a change.
            digest.update(f"{grid.name}\tcounted\t{grid.fingerprint}\n".encode())
            whole = max(grid.height, 1)
            blocks = {0: grid.fingerprint.removeprefix("sha256:")[:BLOCK_SHORT]}
            prints[grid.name] = SheetPrint(header, skip, block=whole, blocks=blocks)
            continue
        if _columnar(grid):
            mode = modes.get(grid.name) if modes is not None else None
            k = mode.block if mode is not None and mode.blocks is not None else 0
            k = k or max(1, -(-_height(grid) // MAX_BLOCKS))
            full, methods = _column_blocks(grid, k, mode.methods if mode is not None else None)
            for b, h in full.items():
                digest.update(f"{grid.name}\tblock {b}\t{h}\n".encode())
            blocks = {b: h[:BLOCK_SHORT] for b, h in full.items()}
            prints[grid.name] = SheetPrint(header, skip, block=k, blocks=blocks, methods=methods)
            continue
        for pos, text in input_cells(grid, header, skip, done):
            digest.update(f"{grid.name}\t{a1(*pos)}\t{text}\n".encode("utf-8", "surrogatepass"))
        mode = modes.get(grid.name) if modes is not None else None
        if mode is not None and mode.blocks is not None:
            blocks = _blocks(grid, header, skip, done, mode.block)
            prints[grid.name] = SheetPrint(header, skip, block=mode.block, blocks=blocks)
            continue
        limit = CELL_LIMIT if mode is None else 1 << 62
        cells = _cells(grid, header, skip, done, limit)
        if cells is not None:
            prints[grid.name] = SheetPrint(header, skip, cells=cells)
            continue
        k = max(1, -(-max(grid.n_rows, int(getattr(grid, "height", 0) or 0)) // MAX_BLOCKS))
        prints[grid.name] = SheetPrint(
            header, skip, block=k, blocks=_blocks(grid, header, skip, done, k)
        )
    return "sha256:" + digest.hexdigest(), prints


def fingerprint_results(
    values: Mapping[str, Mapping[Pos, object]],
) -> tuple[str, dict[str, dict[Pos, str]]]:
    """SHA-256 over the result cells (sorted by sheet and position), and each cell's hash."""
    digest = hashlib.sha256()
    cells: dict[str, dict[Pos, str]] = {}
    for sheet in sorted(values):
        mine = cells.setdefault(sheet, {})
        for pos in sorted(values[sheet]):
            text = canonical_result(values[sheet][pos])
            digest.update(f"{sheet}\t{a1(*pos)}\t{text}\n".encode("utf-8", "surrogatepass"))
            mine[pos] = short_hash(text)
    return "sha256:" + digest.hexdigest(), cells


def fingerprint_looks(
    looks: Mapping[str, Mapping[Pos, str]], states: Mapping[str, str]
) -> tuple[str, dict[str, dict[Pos, str]]]:
    """SHA-256 over how the result cells are shown (the canonical look texts of
    `calc.xlsx.looks.Look.text`) and their sheets' states, and each cell's hash."""
    digest = hashlib.sha256()
    cells: dict[str, dict[Pos, str]] = {}
    for sheet in sorted(looks):
        digest.update(f"{sheet}\tark\t{states.get(sheet, '')}\n".encode())
        mine = cells.setdefault(sheet, {})
        for pos in sorted(looks[sheet]):
            text = looks[sheet][pos]
            digest.update(f"{sheet}\t{a1(*pos)}\t{text}\n".encode("utf-8", "surrogatepass"))
            mine[pos] = short_hash(text)
    return "sha256:" + digest.hexdigest(), cells


def written_values(updates: Sequence[CellUpdate]) -> dict[str, dict[Pos, object]]:
    """What each result cell holds once written: numbers with Excel's 15 digits, "" as empty."""
    out: dict[str, dict[Pos, object]] = {}
    for u in updates:
        out.setdefault(u.sheet, {})[parse_a1(u.cell)] = stored_value(u.value, u.sheet, u.cell)
    return out


def stamped_updates(
    plan: Plan | None, updates: Sequence[CellUpdate], followup: SheetLayout | None = None
) -> list[CellUpdate]:
    """The updates that are results in the stamp: not the headers of output columns (added
    once, when missing) and not the emptying of what an earlier run left on the Resultat sheet
    (done once) — so that calculating a second time gives the very same stamp."""
    skips = output_columns(plan, followup)
    summary = plan.summary_sheet if plan is not None else None
    out = []
    for u in updates:
        r, c = parse_a1(u.cell)
        header, cols = skips.get(u.sheet, (-2, ()))
        if (r == header and c in cols) or (u.sheet == summary and u.value is None):
            continue
        out.append(u)
    return out


def make_stamp(
    grids: WorkbookGrids,
    plan: Plan | None,
    updates: Sequence[CellUpdate],
    *,
    now: datetime | None = None,
    version: str = __version__,
    run: str = "",
    followup: SheetLayout | None = None,
    last_year: str = "",
    looks: Mapping[str, Mapping[Pos, str]] | None = None,
    states: Mapping[str, str] | None = None,
) -> Stamp:
    """The stamp for a calculation that read `grids` and writes `updates`; for a follow-up,
    `run` names it and `followup` is the Opfølgning sheet's layout. `looks` holds the look
    text of each written cell (as write-back will leave it), `states` each of their sheets'
    state."""
    moment = (now or datetime.now()).astimezone().replace(microsecond=0)
    values = written_values(stamped_updates(plan, updates, followup))
    written = {sheet: set(cells) for sheet, cells in values.items()}
    summary = plan.summary_sheet if plan is not None else None
    if summary is not None:  # cells emptied there are no input either: they will be empty
        written.setdefault(summary, set()).update(
            parse_a1(u.cell) for u in updates if u.sheet == summary
        )
    keys = FOLLOWUP_INPUT_SHEETS if run else INPUT_SHEETS
    input_digest, inputs = fingerprint_inputs(
        input_grids(grids, keys), output_columns(plan, followup), written
    )
    result_digest, results = fingerprint_results(values)
    shown = {
        sheet: {pos: (looks or {}).get(sheet, {}).get(pos, "") for pos in cells}
        for sheet, cells in values.items()
    }
    display_digest, cell_looks = fingerprint_looks(shown, states or {})
    return Stamp(
        version,
        moment.isoformat(),
        input_digest,
        result_digest,
        inputs,
        results,
        run,
        last_year,
        VALUE_FORMAT if any(p.methods for p in inputs.values()) else FORMAT,
        display_digest,
        cell_looks,
        {sheet: (states or {}).get(sheet, "visible") for sheet in values},
    )
