"""One open workbook: the grids as read, the user's pending edits, and how to save them.

No Qt here, so the rules (what an edit stores, what a save writes, when the file changed on disk)
are plain Python and tested without a window. The grids are frozen; an edit builds new ones with
`dataclasses.replace`, and the core scores whatever grids it is given.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, replace
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from calc.engine import Evaluation, FileOptions, load_grids
from calc.grid import CellUpdate, CellValue, SheetGrid, WorkbookGrids, a1
from calc.values import ValueProblem, parse_number

# Where an edit is: (sheet name, 0-based row, 0-based column).
CellKey = tuple[str, int, int]

# The values the app stores for an edit: what write-back writes and what the reader gives back.
EditValue = str | Decimal | None


@dataclass(frozen=True)
class Fingerprint:
    """What identifies the file's content when it was opened, to notice edits made in Excel."""

    mtime_ns: int
    size: int
    sha256: str


def fingerprint(path: Path) -> Fingerprint:
    stat = path.stat()
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return Fingerprint(stat.st_mtime_ns, stat.st_size, digest.hexdigest())


def set_cell(grids: WorkbookGrids, key: CellKey, value: CellValue) -> WorkbookGrids:
    """A copy of `grids` with one cell replaced (rows and the sheet are widened as needed)."""
    sheet_name, row, col = key
    sheets = list(grids.sheets)
    for i, sheet in enumerate(sheets):
        if sheet.name == sheet_name:
            sheets[i] = _set_in_sheet(sheet, row, col, value)
            return replace(grids, sheets=tuple(sheets))
    raise KeyError(sheet_name)


def _set_in_sheet(sheet: SheetGrid, row: int, col: int, value: CellValue) -> SheetGrid:
    rows = list(sheet.rows)
    while len(rows) <= row:
        rows.append(())
    cells = list(rows[row])
    while len(cells) <= col:
        cells.append(None)
    cells[col] = value
    rows[row] = tuple(cells)
    # A cell the user typed into holds a value, not a formula any more.
    return replace(sheet, rows=tuple(rows), formulas=sheet.formulas - {(row, col)})


_PLAIN_NUMBER = re.compile(r"^[+\-−–]?\s*[0-9][0-9.,\s\u00a0]*$")


def parse_input(text: str, *, percent_cell: bool = False) -> EditValue:
    """What the user typed → the cell value to store.

    A plain number (`2.134`, `96,4`) becomes a Decimal so that Excel gets a number; anything
    else (`85 %` in an ordinary cell, `17-03-2025`, `opfyldt`) is kept as text, which the core
    reads by the workbook rules. In a cell formatted as a percentage the user sees and types
    85 (or 85 %), and 0,85 is stored, exactly as Excel would.
    """
    text = text.strip()
    if not text:
        return None
    if percent_cell:
        try:
            return parse_number(text) / 100
        except ValueProblem:
            return text
    if _PLAIN_NUMBER.match(text):
        try:
            return parse_number(text)
        except ValueProblem:
            return text
    return text


def to_update_value(value: CellValue) -> str | Decimal | int | None:
    """A grid value → what write-back accepts (text, a number or empty)."""
    if value is None or isinstance(value, str | Decimal):
        return value
    if isinstance(value, bool):
        return "Ja" if value else "Nej"
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return Decimal(repr(value))
    if isinstance(value, datetime | date):
        return value.strftime("%d-%m-%Y")
    return str(value)


class Document:
    """The open workbook. `baseline` is the file as read; `grids` is it plus the edits."""

    def __init__(self, path: Path, grids: WorkbookGrids | None = None) -> None:
        self.path = path
        # As the CLI and `tjek` read it: only the sheets the core uses, big case data in bulk
        # (`grids`: already read so, e.g. by desktop.loading with a progress dialog).
        self.baseline: WorkbookGrids = (
            grids if grids is not None else load_grids(path, FileOptions())
        )
        self.grids: WorkbookGrids = self.baseline
        self.edits: dict[CellKey, CellValue] = {}
        self.opened: Fingerprint = fingerprint(path)

    @property
    def dirty(self) -> bool:
        return bool(self.edits)

    def value(self, key: CellKey) -> CellValue:
        sheet = next((s for s in self.grids.sheets if s.name == key[0]), None)
        return sheet.value(key[1], key[2]) if sheet else None

    def baseline_value(self, key: CellKey) -> CellValue:
        sheet = next((s for s in self.baseline.sheets if s.name == key[0]), None)
        return sheet.value(key[1], key[2]) if sheet else None

    def is_percent_cell(self, key: CellKey) -> bool:
        sheet = next((s for s in self.grids.sheets if s.name == key[0]), None)
        return sheet is not None and (key[1], key[2]) in sheet.percent

    def set(self, key: CellKey, value: CellValue) -> None:
        """Put `value` in the cell; an edit back to the file's value is no edit at all."""
        if value == self.baseline_value(key) and type(value) is type(self.baseline_value(key)):
            self.edits.pop(key, None)
        else:
            self.edits[key] = value
        self.grids = set_cell(self.grids, key, value)

    def edit_updates(self) -> tuple[CellUpdate, ...]:
        return tuple(
            CellUpdate(sheet, a1(row, col), to_update_value(value))
            for (sheet, row, col), value in sorted(self.edits.items())
        )

    def changed_on_disk(self) -> bool:
        """True when the file is not the one we opened (edited in Excel, replaced, deleted)."""
        try:
            stat = self.path.stat()
        except OSError:
            return True
        if (stat.st_mtime_ns, stat.st_size) == (self.opened.mtime_ns, self.opened.size):
            return False
        return fingerprint(self.path).sha256 != self.opened.sha256

    def save(self, evaluation: Evaluation, dst: Path | None = None, *, backup: bool = True) -> None:
        """Write inputs and results into `dst` (None: in place), then read the saved file back.

        The core does the writing: lossless, atomic, with the integrity stamp, and (in place)
        the previous version kept in `.maalscore-backup/`. Raises MaalscoreError or OSError;
        then the file is untouched and the edits are kept.
        """
        from calc.engine import save_results

        target = self.path if dst is None else dst
        save_results(
            self.path,
            dst,
            evaluation,
            FileOptions(backup=backup),
            self.grids,
            inputs=self.edit_updates(),
        )
        self.path = target
        self.reload()

    def reload(self) -> None:
        """Read the file again and drop the edits (after a save, or to take Excel's version)."""
        self.baseline = load_grids(self.path, FileOptions())
        self.grids = self.baseline
        self.edits = {}
        self.opened = fingerprint(self.path)
