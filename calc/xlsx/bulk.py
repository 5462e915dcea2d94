"""Reading a large sheet or case file in bulk, column by column.

- A large sheet (more than `BIG_SHEET` bytes of sheet XML; in practice Sagsdata) is read with
  python-calamine into a `grid.CaseSheet`, column by column, with the garbage collector paused
  while the million small objects are made (it would otherwise scan them again and again).
  python-calamine leaves Excel error values empty, so the sheet XML is streamed alongside and
  its error cells are put back (an error must never pass for a blank).
- A separate case file: a `.csv` (`;`, `,` or tab separated, UTF-8 with or without BOM or
  Windows-1252, cells as text) or an `.xlsx` (its sheet with one of the given names, else its
  first sheet).

This module knows the file formats and nothing about goals: which sheet holds the cases and what
the grid is called are passed in by the caller (`calc.engine`). python-calamine and numpy are
imported inside the functions, never at module import.
"""

from __future__ import annotations

import csv
import gc
import io
import itertools
import re
import threading
from collections.abc import Collection, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from calc.errors import WorkbookReadError
from calc.grid import CaseSheet, CellValue, SheetGrid, from_file_value, normalise_name

BIG_SHEET = 1024 * 1024  # bytes of uncompressed sheet XML (≈ 3 000 case rows)
HEAD_ROWS = 30  # the header row is looked for in the first 30 rows
CASE_FILE_TYPES = (".csv", ".txt", ".tsv", ".xlsx", ".xlsm", ".parquet")


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while many acyclic objects are created."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def fast_available() -> bool:
    try:
        import numpy  # noqa: F401
        import python_calamine  # noqa: F401
    except ImportError:  # pragma: no cover - both come with the [fast] extra
        return False
    return True


def numpy_available() -> bool:
    try:
        import numpy  # noqa: F401
    except ImportError:  # pragma: no cover - numpy comes with the [fast] extra
        return False
    return True


def read_case_file(path: Path, name: str, candidates: Collection[str]) -> SheetGrid:
    """Case data from a separate .csv or .xlsx file, as a sheet called `name`; in an .xlsx, the
    sheet whose normalised name is in `candidates`, else the first sheet."""
    path = Path(path)
    if not path.is_file():
        raise WorkbookReadError(f"Sagsdata-filen «{path}» findes ikke.")
    suffix = path.suffix.lower()
    if suffix in CASE_FILE_TYPES[:3]:
        return read_csv_cases(path, name)
    if suffix in (".xlsx", ".xlsm"):
        return read_xlsx_cases(path, None, name=name, candidates=candidates, label=path.name)
    if suffix == ".parquet":
        raise WorkbookReadError(
            f"Sagsdata-filen «{path.name}» er en Parquet-fil, som kræver Polars "
            "(pip install 'maalscore[warehouse]')."
        )
    raise WorkbookReadError(
        f"Sagsdata-filen «{path.name}» skal være en .csv-, .tsv-, .txt-, .parquet- eller .xlsx-fil "
        f"(ikke «{suffix or 'uden endelse'}»)."
    )


def _case_sheet(
    name: str, rows: Sequence[Sequence[object]], label: str, *, columnar: bool
) -> SheetGrid:
    """Rows → a CaseSheet when numpy is there, else a plain grid of all rows."""
    if not columnar:
        return SheetGrid(name, tuple(tuple(_cell(v) for v in row) for row in rows))
    head = tuple(tuple(_cell(v) for v in row) for row in rows[:HEAD_ROWS])
    columns = tuple(itertools.zip_longest(*rows, fillvalue=""))
    return CaseSheet(name, head, columns=columns, height=len(rows), label=label)


def _cell(v: object) -> CellValue:
    return from_file_value(v)


def read_xlsx_cases(
    path: Path,
    sheet: str | None,
    *,
    name: str,
    candidates: Collection[str] = (),
    label: str = "",
) -> SheetGrid:
    """A case sheet of an .xlsx with python-calamine, as a grid called `name` (`sheet` None: the
    sheet whose normalised name is in `candidates`, else the first sheet). Without
    python-calamine, with the standard-library reader."""
    if not fast_available():  # pragma: no cover - the [fast] extra is missing
        from .reader import read_workbook

        grids = read_workbook(path, [sheet] if sheet else None)
        found = grids.find(sheet) if sheet else grids.find(*candidates)
        found = found or (grids.sheets[0] if grids.sheets else None)
        if found is None:
            raise WorkbookReadError(f"Filen «{path.name}» har ingen ark.")
        return SheetGrid(name, found.rows, found.percent, found.formulas)
    from python_calamine import CalamineError, CalamineWorkbook

    try:
        with paused_gc():
            wb = CalamineWorkbook.from_path(str(path))
            names = list(wb.sheet_names)
            if sheet is None:
                sheet = next((n for n in names if normalise_name(n) in candidates), None)
                sheet = sheet or (names[0] if names else None)
            if sheet is None:
                raise WorkbookReadError(f"Filen «{path.name}» har ingen ark.")
            # Look for error cells on the other core while calamine (which releases the GIL)
            # parses the sheet: the scan then costs next to nothing.
            scan = _ErrorScan(path, sheet)
            scan.start()
            rows = wb.get_sheet_by_name(sheet).to_python(skip_empty_area=False)
            grid = _case_sheet(name, rows, label or sheet, columnar=True)
            del rows, wb
            scan.join()
    except (CalamineError, ValueError, OSError) as exc:
        raise WorkbookReadError(
            f"Arket «{sheet}» i «{path.name}» kan ikke læses ({exc}). "
            "Åbn filen i Excel og gem den igen."
        ) from exc
    return _with_error_cells(grid, scan.result())


class _ErrorScan(threading.Thread):
    """`error_cells` in a thread; `result()` re-raises what it raised."""

    def __init__(self, path: Path, sheet: str) -> None:
        super().__init__(daemon=True)
        self.path, self.sheet = path, sheet
        self.found: list[tuple[int, int, str]] = []
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            self.found = error_cells(self.path, self.sheet)
        except BaseException as exc:  # handed to the caller
            self.error = exc

    def result(self) -> list[tuple[int, int, str]]:
        if self.error is not None:
            raise self.error
        return self.found


_ERROR_CELL = re.compile(
    rb'<c\b[^>]*?\br="([A-Z]{1,3})([0-9]+)"[^>]*>(?:(?!</c>).)*?<v>([^<]*)</v>', re.S
)


def error_cells(path: Path, sheet: str) -> list[tuple[int, int, str]]:
    """(row, column, text) of the cells holding an Excel error (`#DIV/0!`, `#N/A`, …).

    python-calamine gives such cells as empty, and an error must never pass for a blank: the
    sheet XML is streamed (decompressed in chunks, never whole) and searched for `t="e"`.
    """
    from calc.grid import col_index

    from . import ooxml

    found: list[tuple[int, int, str]] = []
    with ooxml.open_zip(path) as zf:
        info = ooxml.read_workbook_info(zf)
        ref = next((s for s in info.sheets if s.name == sheet), None)
        if ref is None or ref.part not in zf.namelist():
            return found
        tail = b""
        with zf.open(ref.part) as fh:
            while chunk := fh.read(1 << 22):
                data = tail + chunk
                end = data.rfind(b"</c>")
                if end < 0:
                    tail = data[-(1 << 16) :]
                    continue
                end += 4
                if data.find(b't="e"', 0, end) >= 0:
                    for m in _ERROR_CELL.finditer(data, 0, end):
                        cell = m.group(0)
                        if b't="e"' in cell[: cell.find(b">") + 1]:
                            col, row, text = m.group(1), m.group(2), m.group(3)
                            found.append((int(row) - 1, col_index(col.decode()), _xml_text(text)))
                tail = data[end:]
    return found


def _xml_text(raw: bytes) -> str:
    from html import unescape

    return unescape(raw.decode("utf-8", errors="replace"))


def _with_error_cells(grid: SheetGrid, errors: list[tuple[int, int, str]]) -> SheetGrid:
    """The grid with the error cells python-calamine left empty filled in as `ExcelError`."""
    from dataclasses import replace

    from calc.grid import ExcelError

    if not isinstance(grid, CaseSheet) or not errors:
        return grid
    columns: list[Sequence[object]] = list(grid.columns)
    rows = [list(r) for r in grid.rows]
    for c in sorted({c for _, c, _ in errors if c < len(columns)}):
        column: list[object] = list(columns[c])
        for r, cc, text in errors:
            if cc == c and r < len(column):
                column[r] = ExcelError(text)
                if r < len(rows) and c < len(rows[r]):
                    rows[r][c] = ExcelError(text)
        columns[c] = column
    return replace(grid, rows=tuple(map(tuple, rows)), columns=tuple(columns))


def _decode(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _delimiter(first_line: str) -> str:
    counts = {d: first_line.count(d) for d in (";", "\t", ",")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ";"


def read_csv_cases(path: Path, name: str) -> SheetGrid:
    """Case data from a CSV, as a sheet called `name` (the header row is found by the parser)."""
    try:
        text = _decode(path.read_bytes())
    except OSError as exc:
        raise WorkbookReadError(f"Sagsdata-filen «{path.name}» kan ikke læses ({exc}).") from exc
    first_line = text.split("\n", 1)[0]
    with paused_gc():
        rows = list(csv.reader(io.StringIO(text), delimiter=_delimiter(first_line)))
        del text
        return _case_sheet(name, rows, path.name, columnar=numpy_available())
