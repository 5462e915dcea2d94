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
import threading
from collections.abc import Collection, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from calc.errors import WorkbookReadError
from calc.grid import CaseSheet, CellValue, SheetGrid, from_file_value, normalise_name
from calc.xlsx import sheetscan

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

    sheet, shape = _safe_for_calamine(path, sheet, candidates)
    try:
        with paused_gc():
            wb = CalamineWorkbook.from_path(str(path))
            # Look for error cells on the other core while calamine (which releases the GIL)
            # parses the sheet: the scan then costs next to nothing.
            scan = _ErrorScan(path, sheet, shape)
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


# A case sheet's XML: a million rows of seven columns is about 300 MB; python-calamine reads
# 500 MB in about ten seconds.
MAX_CASE_SHEET = 400 * 1024**2


def _safe_for_calamine(
    path: Path, sheet: str | None, candidates: Collection[str]
) -> tuple[str, sheetscan.Shape]:
    """The case sheet's name and shape, after the checks python-calamine needs before it may
    read the file: the sheet's size and shape (`sheetscan.check_shape`: it builds a dense grid
    and would abort the process on a cell at XFD1048576) and the number of shared strings (it
    reads them all)."""
    from . import ooxml

    with ooxml.open_zip(path) as zf:
        info = ooxml.read_workbook_info(zf)
        sheets = [s for s in info.sheets if s.kind in ("worksheet", "") and s.part]
        ref = next((s for s in sheets if s.name == sheet), None) if sheet else None
        if sheet is None:
            ref = next((s for s in sheets if normalise_name(s.name) in candidates), None)
            ref = ref or (sheets[0] if sheets else None)
        if ref is None or ref.part not in zf.namelist():
            raise WorkbookReadError(
                f"Filen «{path.name}» har intet ark {f'«{sheet}»' if sheet else 'med sager'}."
            )
        ooxml.guard(zf, ref.part, MAX_CASE_SHEET)
        if info.shared_strings is not None:
            ooxml.check_shared_strings(zf, info.shared_strings)
        return ref.name, sheetscan.check_shape(zf, ref.part, ref.name)


class _ErrorScan(threading.Thread):
    """`sheetscan.error_cells` in a thread; `result()` re-raises what it raised."""

    def __init__(self, path: Path, sheet: str, shape: sheetscan.Shape) -> None:
        super().__init__(daemon=True)
        self.path, self.sheet, self.shape = path, sheet, shape
        self.found: list[tuple[int, int, str]] = []
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            self.found = sheetscan.error_cells(self.path, self.sheet, self.shape)
        except BaseException as exc:  # handed to the caller
            self.error = exc

    def result(self) -> list[tuple[int, int, str]]:
        if self.error is not None:
            raise self.error
        return self.found


def error_cells(path: Path, sheet: str) -> list[tuple[int, int, str]]:
    """(row, column, text) of the cells holding an Excel error; see `sheetscan.error_cells`."""
    from . import ooxml

    with ooxml.open_zip(path) as zf:
        info = ooxml.read_workbook_info(zf)
        ref = next((s for s in info.sheets if s.name == sheet), None)
        if ref is None or ref.part not in zf.namelist():
            return []
        shape = sheetscan.check_shape(zf, ref.part, sheet)
    return sheetscan.error_cells(path, sheet, shape)


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
