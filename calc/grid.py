"""Plain value grids: the boundary between where a workbook comes from and the core.

A grid holds a sheet's cell values as Python values, anchored at A1, so the same parser serves
a file read from disk and a live Excel workbook read through xlwings. Nothing here knows about
openpyxl, XML or Excel objects.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal


class ExcelError(str):
    """An Excel error value such as `#DIV/0!` or `#N/A`, kept apart from ordinary text."""


# What a cell can hold once read. Numbers come as Decimal from the file reader and as float/int
# from xlwings; `calc.values` turns both into Decimal.
CellValue = str | Decimal | float | int | bool | date | datetime | None

# Where a cell is: 0-based (row, column) within the grid, i.e. A1 is (0, 0).
Pos = tuple[int, int]


@dataclass(frozen=True)
class SheetGrid:
    """The values of one sheet. `rows[r][c]` is the cell at 0-based row r, column c.

    Rows may have different lengths; a missing cell is empty. `percent` holds the positions of
    cells whose number format shows a percentage (0,85 displayed as 85 %), because the value
    alone cannot tell 85 % from 0,85. `formulas` holds the positions of cells that contain a
    formula: their values are Excel's cached results, and write-back must never overwrite them.
    """

    name: str
    rows: tuple[tuple[CellValue, ...], ...]
    percent: frozenset[Pos] = field(default=frozenset())
    formulas: frozenset[Pos] = field(default=frozenset())

    def value(self, row: int, col: int) -> CellValue:
        if 0 <= row < len(self.rows):
            cells = self.rows[row]
            if 0 <= col < len(cells):
                return cells[col]
        return None

    @property
    def n_rows(self) -> int:
        return len(self.rows)

    @property
    def n_cols(self) -> int:
        return max((len(r) for r in self.rows), default=0)


@dataclass(frozen=True)
class WorkbookGrids:
    """All sheets read from one workbook, in workbook order."""

    sheets: tuple[SheetGrid, ...]
    source: str = ""

    def find(self, *names: str) -> SheetGrid | None:
        """The first sheet whose name matches one of `names`, ignoring case and accents."""
        wanted = {normalise_name(n) for n in names}
        for sheet in self.sheets:
            if normalise_name(sheet.name) in wanted:
                return sheet
        return None

    def names(self) -> tuple[str, ...]:
        return tuple(s.name for s in self.sheets)


@dataclass(frozen=True)
class CellUpdate:
    """A value to write into one cell. `None` empties the cell (its style is kept).

    Text is always written as text (an inline string), never as a formula.
    """

    sheet: str
    cell: str
    value: str | Decimal | int | None


_FOLD = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "ä": "a", "ö": "o", "é": "e", "ü": "u"})


def normalise_name(text: object) -> str:
    """Fold a header or sheet name for matching: `Maks. pct.` → `makspct`, `Målværdi` → `malvaerdi`.

    Case, spaces, punctuation and Danish/Swedish letters are ignored so that what finance staff
    type by hand still matches.
    """
    s = str(text).strip().lower().translate(_FOLD)
    s = unicodedata.normalize("NFKD", s)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    return re.sub(r"[^0-9a-z%]", "", s)


def col_letter(col: int) -> str:
    """0-based column index → Excel letters (0 → A, 26 → AA)."""
    if col < 0:
        raise ValueError(col)
    letters = ""
    n = col + 1
    while n:
        n, rem = divmod(n - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def col_index(letters: str) -> int:
    """Excel column letters → 0-based index (A → 0)."""
    n = 0
    for ch in letters.upper():
        if not "A" <= ch <= "Z":
            raise ValueError(f"not a column: {letters!r}")
        n = n * 26 + (ord(ch) - 64)
    return n - 1


def a1(row: int, col: int) -> str:
    """0-based (row, col) → `B7`-style reference."""
    return f"{col_letter(col)}{row + 1}"


_A1 = re.compile(r"^\$?([A-Za-z]{1,3})\$?([0-9]+)$")


def parse_a1(ref: str) -> Pos:
    """`B7` → (6, 1)."""
    m = _A1.match(ref.strip())
    if not m:
        raise ValueError(f"not a cell reference: {ref!r}")
    return int(m.group(2)) - 1, col_index(m.group(1))


def iter_cells(grid: SheetGrid) -> Iterator[tuple[Pos, CellValue]]:
    for r, row in enumerate(grid.rows):
        for c, v in enumerate(row):
            if v is not None:
                yield (r, c), v
