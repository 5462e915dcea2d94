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

from calc.engine import Evaluation, FileOptions, evaluate, load_grids
from calc.errors import MaalscoreError
from calc.grid import CellUpdate, CellValue, SheetGrid, WorkbookGrids, a1
from calc.values import ValueProblem, parse_number
from calc.xlsx.styles import KRONER, PERCENT

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


def set_cell(
    grids: WorkbookGrids, key: CellKey, value: CellValue, percent: bool | None = None
) -> WorkbookGrids:
    """A copy of `grids` with one cell replaced (rows and the sheet are widened as needed).
    `percent` says whether the cell is now formatted as a percentage (None: as it was)."""
    sheet_name, row, col = key
    sheets = list(grids.sheets)
    for i, sheet in enumerate(sheets):
        if sheet.name == sheet_name:
            sheets[i] = _set_in_sheet(sheet, row, col, value, percent)
            return replace(grids, sheets=tuple(sheets))
    raise KeyError(sheet_name)


def _set_in_sheet(
    sheet: SheetGrid, row: int, col: int, value: CellValue, percent: bool | None
) -> SheetGrid:
    rows = list(sheet.rows)
    while len(rows) <= row:
        rows.append(())
    cells = list(rows[row])
    while len(cells) <= col:
        cells.append(None)
    cells[col] = value
    rows[row] = tuple(cells)
    marked = sheet.percent
    if percent is not None:
        marked = marked | {(row, col)} if percent else marked - {(row, col)}
    # A cell the user typed into holds a value, not a formula any more.
    return replace(sheet, rows=tuple(rows), formulas=sheet.formulas - {(row, col)}, percent=marked)


_PLAIN_NUMBER = re.compile(r"^[+\-−–]?\s*[0-9][0-9.,\s\u00a0]*$")
_KRONER = re.compile(r"^(.*?)\s*(?:kr\.?|kroner|dkk|sek)\s*$", re.IGNORECASE)
_PERCENT = re.compile(r"^(.*?)\s*(?:%|pct\.?|procent)\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Typed:
    """What the user typed, as Excel would store it: the value, and a number format when the
    text carried its unit (`-5.000 kr.` → -5000 shown as kroner, `-10 %` → -0,1 as a %)."""

    value: EditValue
    number_format: str | None = None


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


def parse_amount(text: str, *, percent_cell: bool = False) -> Typed:
    """An amount cell (Skøn): kroner become a number shown as kroner, a percentage a number
    shown as a percentage, as Excel turns `-5.000 kr.` and `-10 %` into numbers when typed.
    Never text for a number, so that Excel's SUM counts it."""
    text = text.strip()
    if (m := _KRONER.match(text)) and _PLAIN_NUMBER.match(m.group(1).strip()):
        number = parse_input(m.group(1))
        if isinstance(number, Decimal):
            return Typed(number, KRONER)
    if (m := _PERCENT.match(text)) and _PLAIN_NUMBER.match(m.group(1).strip()):
        number = parse_input(m.group(1))
        if isinstance(number, Decimal):
            return Typed(number / 100, PERCENT)
    value = parse_input(text, percent_cell=percent_cell)
    if isinstance(value, Decimal) and not percent_cell:
        return Typed(value, KRONER)
    return Typed(value)


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


def _apply(
    grids: WorkbookGrids, edits: dict[CellKey, CellValue], formats: dict[CellKey, str]
) -> WorkbookGrids:
    for key, value in edits.items():
        fmt = formats.get(key)
        grids = set_cell(grids, key, value, None if fmt is None else fmt == PERCENT)
    return grids


def read_stable(path: Path, attempts: int = 3) -> tuple[WorkbookGrids, Fingerprint]:
    """The grids and the fingerprint of the same bytes: read again if the file changed while
    it was being read (Excel saving at that moment)."""
    for _ in range(attempts):
        before = fingerprint(path)
        grids = load_grids(path, FileOptions())
        if fingerprint(path) == before:
            return grids, before
    raise FileChangingError(path)


class FileChangingError(MaalscoreError):
    def __init__(self, path: Path) -> None:
        super().__init__(
            f"'{path.name}' ændrer sig, mens den læses (gemmer et andet program den?). Prøv igen."
        )


@dataclass(frozen=True)
class Merge:
    """What reading the file again did to the user's edits."""

    kept: tuple[CellKey, ...]  # put back on top of the file's new content
    # The file changed these cells too: its new value wins. (cell, my value, the file's value)
    dropped: tuple[tuple[CellKey, CellValue, CellValue], ...]


class Document:
    """The open workbook. `baseline` is the file as read; `grids` is it plus the edits."""

    def __init__(self, path: Path, grids: WorkbookGrids | None = None) -> None:
        self.path = path
        # As the CLI and `tjek` read it: only the sheets the core uses, big case data in bulk
        # (`grids`: already read so, e.g. by desktop.loading with a progress dialog; then the
        # fingerprint is taken now, and a change in between is seen at the next check).
        if grids is None:
            self.baseline, self.opened = read_stable(path)
        else:
            self.baseline, self.opened = grids, fingerprint(path)
        self.grids: WorkbookGrids = self.baseline
        self.edits: dict[CellKey, CellValue] = {}
        self.formats: dict[CellKey, str] = {}  # number formats typed with an edit (kr., %)

    @property
    def dirty(self) -> bool:
        return bool(self.edits)

    def value(self, key: CellKey) -> CellValue:
        return _value(self.grids, key)

    def baseline_value(self, key: CellKey) -> CellValue:
        return _value(self.baseline, key)

    def is_percent_cell(self, key: CellKey) -> bool:
        sheet = next((s for s in self.grids.sheets if s.name == key[0]), None)
        return sheet is not None and (key[1], key[2]) in sheet.percent

    def set(self, key: CellKey, value: CellValue, number_format: str | None = None) -> None:
        """Put `value` in the cell, shown with `number_format` (None: as the file formats the
        cell). An edit back to the file's value and format is no edit at all."""
        base_percent = _is_percent(self.baseline, key)
        percent = base_percent if number_format is None else number_format == PERCENT
        base = self.baseline_value(key)
        if value == base and type(value) is type(base) and percent == base_percent:
            self.edits.pop(key, None)
            self.formats.pop(key, None)
        else:
            self.edits[key] = value
            if number_format is None:
                self.formats.pop(key, None)
            else:
                self.formats[key] = number_format
        self.grids = set_cell(self.grids, key, value, percent)

    def edit_updates(self) -> tuple[CellUpdate, ...]:
        return tuple(
            CellUpdate(sheet, a1(row, col), to_update_value(value), self.formats.get(key))
            for key, value in sorted(self.edits.items())
            for sheet, row, col in (key,)
        )

    def changed_on_disk(self) -> bool:
        """True when the file is not the one we read (edited in Excel, replaced, deleted)."""
        try:
            stat = self.path.stat()
        except OSError:
            return True
        if (stat.st_mtime_ns, stat.st_size) == (self.opened.mtime_ns, self.opened.size):
            return False
        try:
            return fingerprint(self.path).sha256 != self.opened.sha256
        except OSError:
            return True

    def merge_from_disk(self) -> Merge:
        """Read the file again and put the edits back on top where they do not collide.

        An edit collides when the file's value of that cell changed too (someone typed there in
        Excel): the file's new value wins and the edit is dropped. Raises MaalscoreError or
        OSError when the file cannot be read; then nothing changes.
        """
        fresh, opened = read_stable(self.path)
        kept: list[CellKey] = []
        dropped: list[tuple[CellKey, CellValue, CellValue]] = []
        names = set(fresh.names())
        for key, mine in self.edits.items():
            theirs = _value(fresh, key)
            if key[0] in names and theirs == self.baseline_value(key):
                kept.append(key)
            else:  # the file changed the cell too, or its sheet is gone or renamed
                dropped.append((key, mine, theirs))
        self.baseline, self.opened = fresh, opened
        self.edits = {k: v for k, v in self.edits.items() if k in kept}
        self.formats = {k: f for k, f in self.formats.items() if k in kept}
        self.grids = _apply(fresh, self.edits, self.formats)
        return Merge(tuple(kept), tuple(dropped))

    def save(
        self, dst: Path | None = None, *, backup: bool = True, now: datetime | None = None
    ) -> Evaluation:
        """Score the file's current inputs plus the edits and write exactly those inputs and
        their results into `dst` (None: in place); then read the saved file back.

        The file is read again first, so results are never computed from other inputs than
        the ones the file will hold (someone may have changed it in Excel since it was read;
        call `merge_from_disk` first to see that on screen). With errors nothing is written
        and the returned evaluation says why. The core does the writing: lossless, atomic,
        with the integrity stamp, and (in place) the previous version kept in
        `.maalscore-backup/`. Raises MaalscoreError or OSError; then the file is untouched
        and the edits are kept.
        """
        from calc.engine import save_results

        for _ in range(3):
            fresh, opened = read_stable(self.path)
            grids = _apply(fresh, self.edits, self.formats)
            result = evaluate(grids, now=now)
            if not result.ok:
                return result
            if fingerprint(self.path) != opened:
                continue  # changed again while scoring: score what it holds now
            save_results(
                self.path,
                dst,
                result,
                FileOptions(backup=backup),
                grids,
                inputs=self.edit_updates(),
            )
            self.path = self.path if dst is None else dst
            self.reload()
            return result
        raise FileChangingError(self.path)

    def reload(self) -> None:
        """Read the file again and drop the edits (after a save, or to take Excel's version)."""
        self.baseline, self.opened = read_stable(self.path)
        self.grids = self.baseline
        self.edits = {}
        self.formats = {}


def _value(grids: WorkbookGrids, key: CellKey) -> CellValue:
    sheet = next((s for s in grids.sheets if s.name == key[0]), None)
    return sheet.value(key[1], key[2]) if sheet else None


def _is_percent(grids: WorkbookGrids, key: CellKey) -> bool:
    sheet = next((s for s in grids.sheets if s.name == key[0]), None)
    return sheet is not None and (key[1], key[2]) in sheet.percent
