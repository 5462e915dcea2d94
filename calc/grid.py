"""Plain value grids: the boundary between where a workbook comes from and the core.

A grid holds a sheet's cell values as Python values, anchored at A1, so the same parser serves
a file read from disk and a live Excel workbook read through xlwings. Nothing here knows about
openpyxl, XML or Excel objects.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from .errors import WriteBackError
from .exact import excel_precision


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
class CaseSheet(SheetGrid):
    """A sheet read in bulk, column by column: a large Sagsdata sheet or a separate case file.

    `rows` holds only the first rows (enough to find the header row); `columns[c]` holds the
    whole column c from sheet row 0 to `height` (all columns equally long), with cells as
    python-calamine or a CSV give them (floats, '' for empty; see `from_file_value`). `label`
    is what issues name as the sheet: the sheet's name, or the file's name for a case file.
    """

    columns: tuple[Sequence[object], ...] = ()
    height: int = 0
    label: str = ""

    def column(self, col: int, first: int) -> Sequence[object]:
        """The cells of column `col` from sheet row `first` down."""
        if col >= len(self.columns):
            return [""] * max(self.height - first, 0)
        return self.columns[col][first : self.height]


@dataclass(frozen=True)
class CountedSheet(SheetGrid):
    """Case data counted outside Python: a large case file read by a columnar engine
    (`calc.casescan`) or a database query (`calc.casedb`).

    `rows` holds only the first rows (the header); `counted` is what the counting gave, the
    goals' cases and the problems (`(list[GoalCases], list[Issue])`, kept opaque here because
    this module knows no goals); `label` is what issues name as the sheet (the file's name, or
    the database setting); `fingerprint` is what the integrity stamp records for it (the
    SHA-256 of the file, or of the counts that left the database) and `height` the number of
    rows.
    """

    counted: object = None
    label: str = ""
    fingerprint: str = ""
    height: int = 0


def from_file_value(v: object) -> CellValue:
    """A value as python-calamine or a CSV gives it → as the stdlib reader would give it."""
    if v == "" and isinstance(v, str):
        return None
    if isinstance(v, float):
        return Decimal(repr(v)) if v == v and v not in (float("inf"), float("-inf")) else v
    if isinstance(v, int) and not isinstance(v, bool):
        return Decimal(v)
    return v  # type: ignore[return-value]


@dataclass(frozen=True)
class WorkbookGrids:
    """All sheets read from one workbook, in workbook order.

    `prior` holds, per sheet, the cells an earlier calculation wrote, from the workbook's
    integrity stamp (empty when it has none, and for a live workbook, which cannot show the
    stamp), so that a new calculation empties only those on the Resultat sheet.
    """

    sheets: tuple[SheetGrid, ...]
    source: str = ""
    prior: tuple[tuple[str, frozenset[Pos]], ...] = ()

    def prior_cells(self, sheet: str) -> frozenset[Pos]:
        """The cells of `sheet` the stamped calculation wrote."""
        return next((cells for name, cells in self.prior if name == sheet), frozenset())

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

    Text is always written as text (an inline string), never as a formula. `number_format`
    (an Excel format code such as `#,##0 "kr."` or `0%`) gives the cell a style like its own
    with that format, as Excel does when `-5.000 kr.` or `-10 %` is typed; None keeps its style.
    """

    sheet: str
    cell: str
    value: str | Decimal | int | None
    number_format: str | None = None


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


# --- what a cell holds once written -----------------------------------------------------------
# Write-back (calc.xlsx) writes these values and the integrity stamp (calc.stamp) records them,
# so both must agree on exactly what a written cell will hold.

MAX_TEXT = 32_767  # Excel's limit on the characters in one cell


def stored_value(value: object, sheet: str, cell: str) -> CellValue:
    """What a cell holds after `value` is written into it: text as it is, numbers with Excel's
    15 significant digits, None for empty. WriteBackError for what Excel cannot hold."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        if len(value) > MAX_TEXT:
            raise WriteBackError(
                f"Teksten til cellen {sheet}!{cell} er længere end Excels grænse på "
                f"{MAX_TEXT} tegn."
            )
        return value
    if isinstance(value, (Decimal, int)) and not isinstance(value, bool):
        return Decimal(number_text(value, sheet, cell))
    raise TypeError(f"cannot write {type(value).__name__} to {sheet}!{cell}")


_EXCEL_MAX = Decimal("9.99999999999999E+307")
_EXCEL_TINY = Decimal("1E-307")


def number_text(value: Decimal | int, sheet: str, cell: str) -> str:
    """Plain decimal notation with at most 15 significant digits, as Excel stores numbers."""
    number = Decimal(value)
    if not number.is_finite() or abs(number) > _EXCEL_MAX:
        raise WriteBackError(
            f"Tallet {value} til cellen {sheet}!{cell} kan ikke gemmes i Excel "
            "(det er ikke et endeligt tal inden for Excels grænser)."
        )
    number = excel_precision(number)
    if number.is_zero() or abs(number) < _EXCEL_TINY:  # below what a double holds normally
        return "0"
    text = format(number, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text
