"""Read sheets of an .xlsx file into plain value grids, with the standard library only.

The sheet XML is streamed with iterparse and every row is dropped once read, so a large sheet
costs memory for its values only. Numbers become Decimal through `repr(float(text))`: Excel
writes 0,85 as `0.84999999999999998`, and the shortest float repr gives back the 0.85 the user
typed. openpyxl is deliberately not used, so `import calc.xlsx.reader` stays light.
"""

from __future__ import annotations

import math
import zipfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import IO
from xml.etree import ElementTree as ET

from calc.errors import WorkbookReadError
from calc.grid import (
    CellValue,
    ExcelError,
    Pos,
    SheetGrid,
    WorkbookGrids,
    col_index,
    normalise_name,
    parse_a1,
)
from calc.xlsx import ooxml

EPOCH_1900 = datetime(1899, 12, 30)
EPOCH_1904 = datetime(1904, 1, 1)

# Excel's own grid; a reference beyond it is damage or an attack (a sheet claiming row 10^9
# would otherwise make the grid allocate a billion rows).
MAX_ROWS = 1_048_576
MAX_COLS = 16_384
# Values kept from one workbook: far above a real goal workbook with a million case rows, far
# below what exhausts memory.
MAX_CELLS = 40_000_000


def read_workbook(
    path: Path | str, sheets: Iterable[str] | None = None, limits: Mapping[str, int] | None = None
) -> WorkbookGrids:
    """Read the named worksheets (matched loosely, see `normalise_name`; None = all).

    Chart sheets and macro sheets hold no cells and are left out. A requested sheet that does
    not exist is simply absent from the result; callers use `WorkbookGrids.find`. `limits`
    maps sheet names (matched loosely) to the most bytes of sheet XML worth reading for them:
    a larger one is refused unread (the caller knows which sheets are kilobytes in real life).
    """
    path = Path(path)
    if ooxml.legacy_format(path) is not None:
        return WorkbookGrids(_read_legacy(path, sheets), source=str(path))
    with ooxml.open_zip(path) as zf:
        grids = read_grids(zf, sheets, dates=True, limits=limits)
    return WorkbookGrids(grids, source=str(path))


def _read_legacy(path: Path, sheets: Iterable[str] | None) -> tuple[SheetGrid, ...]:
    """An .xls or .xlsb workbook, read with python-calamine (imported only here).

    These formats are read for scoring only and never written. calamine gives values but not
    number formats or formulas, so a percentage-formatted cell reads as its share (0,85) and
    Excel error values read as empty; `legacy_warning` says so to the user.
    """
    try:
        import python_calamine
    except ImportError as exc:  # pragma: no cover - python-calamine is a dependency
        raise WorkbookReadError(
            f"Filen «{path.name}» er i et ældre Excel-format, som kræver python-calamine for at "
            "kunne læses. Gem den som .xlsx."
        ) from exc
    wanted = {normalise_name(n) for n in sheets} if sheets is not None else None
    out: list[SheetGrid] = []
    try:
        # By content, not by the name's ending: a real .xls renamed .xlsx is still read.
        with path.open("rb") as fh:
            book = python_calamine.CalamineWorkbook.from_filelike(fh)
        for meta in book.sheets_metadata:
            if "worksheet" not in str(meta.typ).lower():
                continue
            if wanted is not None and normalise_name(meta.name) not in wanted:
                continue
            sheet = book.get_sheet_by_name(meta.name)
            if sheet.height > MAX_ROWS or sheet.width > MAX_COLS:
                raise _too_large(path, meta.name)
            rows = sheet.to_python(skip_empty_area=False)
            out.append(SheetGrid(meta.name, tuple(_legacy_row(row) for row in rows)))
    except WorkbookReadError:
        raise
    except Exception as exc:  # calamine raises its own error types for every kind of damage
        if "password" in type(exc).__name__.lower() or "password" in str(exc).lower():
            raise WorkbookReadError(ooxml.encrypted_message(path)) from exc
        raise WorkbookReadError(
            f"Filen «{path.name}» er beskadiget og kan ikke læses ({type(exc).__name__}). "
            "Prøv at åbne den i Excel og gemme den som .xlsx."
        ) from exc
    return tuple(out)


def _legacy_row(row: Sequence[object]) -> tuple[CellValue, ...]:
    cells = [_legacy_value(v) for v in row]
    while cells and cells[-1] is None:
        cells.pop()
    return tuple(cells)


def _legacy_value(v: object) -> CellValue:
    if v is None or v == "":
        return None
    if isinstance(v, bool):
        return v
    if isinstance(v, float) and not math.isfinite(v):
        return repr(v)  # Excel never stores NaN or infinity: keep it as text, an error later
    if isinstance(v, (int, float)):
        return Decimal(repr(float(v))) if isinstance(v, float) else Decimal(v)
    if isinstance(v, (date, datetime)):
        return v
    return str(v)


def legacy_warning(path: Path) -> str | None:
    """The caveat for a workbook read in a legacy format, or None for an ordinary .xlsx."""
    kind = ooxml.legacy_format(Path(path))
    if kind is None:
        return None
    return (
        f"«{Path(path).name}» er i formatet .{kind} og kan kun læses, ikke skrives. I dette "
        "format kan Målscore ikke se talformater (en procent som 85 % læses som 0,85) eller "
        "Excel-fejlværdier (de læses som tomme celler). Gem filen som .xlsx for en sikker "
        "beregning med resultaterne skrevet i filen."
    )


def _too_large(path: Path, sheet: str) -> WorkbookReadError:
    return WorkbookReadError(
        f"Arket «{sheet}» i filen «{path.name}» er større end Excel tillader (mere end "
        f"{MAX_ROWS} rækker eller {MAX_COLS} kolonner, eller over {MAX_CELLS} værdier) og læses "
        "ikke. Filen er sandsynligvis beskadiget eller lavet for at skade."
    )


def read_grids(
    zf: zipfile.ZipFile,
    sheets: Iterable[str] | None,
    *,
    dates: bool,
    limits: Mapping[str, int] | None = None,
) -> tuple[SheetGrid, ...]:
    """Read from an open package. `dates=False` keeps date-formatted numbers as numbers, which
    write-back needs to check the exact number it wrote into a date-styled cell.

    Shared strings are read after the sheets, and only those the sheets use: a workbook whose
    case sheet holds a million strings costs the small sheets nothing."""
    info = ooxml.read_workbook_info(zf)
    refs = select_sheets(info, sheets)
    kinds = ooxml.read_style_kinds(zf, info.styles) if refs else []
    ctx = _Context(kinds, info.date1904 if dates else None)
    wanted = {normalise_name(k): v for k, v in (limits or {}).items()}
    read = [
        _read_sheet(zf, ref, ctx, wanted.get(normalise_name(ref.name), ooxml.MAX_PART_SIZE))
        for ref in refs
    ]
    strings = ooxml.read_shared_strings(zf, info.shared_strings, ctx.shared) if ctx.shared else {}
    return tuple(sheet.grid(ref.name, strings) for ref, sheet in zip(refs, read, strict=True))


def select_sheets(info: ooxml.WorkbookInfo, names: Iterable[str] | None) -> list[ooxml.SheetRef]:
    """The worksheets to read, in workbook order."""
    worksheets = [s for s in info.sheets if s.kind in ("worksheet", "") and s.part]
    if names is None:
        return worksheets
    wanted = {normalise_name(n) for n in names}
    return [s for s in worksheets if normalise_name(s.name) in wanted]


class _Shared(int):
    """A cell holding shared string number n, until the strings are read."""


@dataclass
class _Context:
    kinds: list[int]
    date1904: bool | None  # None: leave date-formatted numbers as numbers
    cells: int = 0  # values kept so far, over all sheets read
    shared: set[int] = field(default_factory=set)  # the shared strings the sheets use


@dataclass
class _Sheet:
    """Cells collected while streaming one sheet."""

    rows: dict[int, dict[int, CellValue]] = field(default_factory=dict)
    percent: set[Pos] = field(default_factory=set)
    formulas: set[Pos] = field(default_factory=set)

    def grid(self, name: str, strings: Mapping[int, str]) -> SheetGrid:
        n_rows = max((r for r, cells in self.rows.items() if cells), default=-1) + 1
        rows = tuple(_row_tuple(self.rows.get(r, {}), strings) for r in range(n_rows))
        return SheetGrid(name, rows, frozenset(self.percent), frozenset(self.formulas))


def _row_tuple(cells: dict[int, CellValue], strings: Mapping[int, str]) -> tuple[CellValue, ...]:
    if not cells:
        return ()
    out: list[CellValue] = [None] * (max(cells) + 1)
    for c, v in cells.items():
        out[c] = strings.get(v) if isinstance(v, _Shared) else v
    return tuple(out)


def _read_sheet(
    zf: zipfile.ZipFile, ref: ooxml.SheetRef, ctx: _Context, limit: int = ooxml.MAX_PART_SIZE
) -> _Sheet:
    sheet = _Sheet()
    info = zf.getinfo(ref.part) if ref.part in zf.namelist() else None
    if info is not None and info.file_size > limit:
        raise _too_big(Path(str(zf.filename)), ref.name, info.file_size, limit)
    try:
        with ooxml.open_part(zf, ref.part) as fh:
            _stream(fh, sheet, ctx)
    except _TooLarge as exc:
        raise _too_large(Path(str(zf.filename)), ref.name) from exc
    except (ET.ParseError, *ooxml.READ_ERRORS) as exc:
        raise _sheet_damaged(zf, ref) from exc
    ctx.cells += sum(len(cells) for cells in sheet.rows.values())
    if ctx.cells > MAX_CELLS:
        raise _too_large(Path(str(zf.filename)), ref.name)
    return sheet


def _too_big(path: Path, sheet: str, size: int, limit: int) -> WorkbookReadError:
    return WorkbookReadError(
        f"Arket «{sheet}» i filen «{path.name}» fylder {ooxml.megabytes(size)} udpakket; et "
        f"rigtigt ark af den slags fylder nogle kilobyte (grænsen er {ooxml.megabytes(limit)}), "
        "så det læses ikke. Filen er sandsynligvis beskadiget eller lavet for at skade. Er "
        "der mange tomme, formaterede rækker under dataene, så slet dem i Excel og gem igen."
    )


class _TooLarge(Exception):
    """A reference outside Excel's grid, or more values than a workbook can sensibly hold."""


def _sheet_damaged(zf: zipfile.ZipFile, ref: ooxml.SheetRef) -> WorkbookReadError:
    file = Path(str(zf.filename)).name
    return WorkbookReadError(
        f"Arket «{ref.name}» i filen «{file}» er beskadiget og kan ikke læses. "
        "Prøv at åbne filen i Excel og gemme den igen."
    )


def _stream(fh: IO[bytes], sheet: _Sheet, ctx: _Context) -> None:
    """Only end events are asked for, which halves the events on a large sheet. A cell without
    `r` takes the next column; its row is known only when the row ends, so it waits there."""
    names = _NAMES
    row = -1
    col = -1
    waiting: list[tuple[int, ET.Element]] = []
    seen = 0
    for _event, el in ET.iterparse(fh, events=("end",)):
        name = names.get(el.tag) or names.setdefault(el.tag, ooxml.local(el.tag))
        if name == "c":
            seen += 1
            ref = el.get("r")
            if ref:
                r, col = split_ref(ref)
                if r >= MAX_ROWS or col >= MAX_COLS or r < 0:
                    raise _TooLarge(ref)
                _cell(el, r, col, sheet, ctx)
                el.clear()
            else:
                col += 1
                if col >= MAX_COLS:
                    raise _TooLarge(col)
                waiting.append((col, el))
        elif name == "row":
            r_attr = el.get("r")
            row = int(r_attr) - 1 if r_attr else row + 1
            if row >= MAX_ROWS or row < 0:
                raise _TooLarge(row)
            for c, cell in waiting:
                _cell(cell, row, c, sheet, ctx)
            waiting.clear()
            col = -1
            el.clear()
            if seen > MAX_CELLS:
                raise _TooLarge(seen)


_COLUMNS: dict[str, int] = {}
_NAMES: dict[str, str] = {}  # `{ns}c` → `c`, cached: it is asked for every element


def split_ref(ref: str) -> Pos:
    """`B7` → (6, 1), faster than a regex for the millions of cells a big sheet can hold."""
    letters = ref.rstrip("0123456789")
    digits = ref[len(letters) :]
    col = _COLUMNS.get(letters)
    if col is None:
        col = _COLUMNS.setdefault(letters, col_index(letters.replace("$", "")))
    if not digits or not letters:
        raise ValueError(f"not a cell reference: {ref!r}")
    return int(digits) - 1, col


def _cell(el: ET.Element, row: int, col: int, sheet: _Sheet, ctx: _Context) -> None:
    """Record one `<c>` at (row, col)."""
    pos = (row, col)
    style = _int(el.get("s"))
    kind = ctx.kinds[style] if 0 <= style < len(ctx.kinds) else ooxml.PLAIN
    if kind == ooxml.PERCENT:
        sheet.percent.add(pos)
    value = _value(el, kind, ctx, sheet, pos)
    if value is not None:
        sheet.rows.setdefault(row, {})[col] = value


def _value(el: ET.Element, kind: int, ctx: _Context, sheet: _Sheet, pos: Pos) -> CellValue:
    t = el.get("t", "n")
    v: str | None = None
    inline: ET.Element | None = None
    for child in el:
        name = _NAMES.get(child.tag) or _NAMES.setdefault(child.tag, ooxml.local(child.tag))
        if name == "v":
            v = child.text or ""
        elif name == "is":
            inline = child
        elif name == "f":
            _formula(child, pos, sheet)
    if t == "inlineStr" and inline is not None:
        return ooxml.string_item_text(inline)
    if t == "inlineStr":  # a few producers put the text in <v>
        return ooxml.unescape_text(v) if v else None
    if not v:  # no cached value, or an empty one as openpyxl writes for formulas
        return None
    return _typed(t, v, kind, ctx)


def _formula(f: ET.Element, pos: Pos, sheet: _Sheet) -> None:
    """Mark the formula cell, and for array formulas and data tables the whole range they fill:
    those cells hold formula results even without an `<f>` of their own."""
    sheet.formulas.add(pos)
    ref = f.get("ref")
    if ref and f.get("t") in ("array", "dataTable"):
        sheet.formulas.update(range_positions(ref))


def range_positions(ref: str) -> list[Pos]:
    first, _, last = ref.partition(":")
    r0, c0 = parse_a1(first)
    r1, c1 = parse_a1(last) if last else (r0, c0)
    return [(r, c) for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)]


def _typed(t: str, v: str, kind: int, ctx: _Context) -> CellValue:
    if t == "s":
        index = _int(v)
        if index < 0:
            return None
        ctx.shared.add(index)
        return _Shared(index)
    if t == "str":
        return ooxml.unescape_text(v)
    if t == "b":
        return v.strip() in ("1", "true")
    if t == "e":
        return ExcelError(v)
    if t == "d":
        return _iso_date(v)
    return _number(v, kind, ctx)


def _number(v: str, kind: int, ctx: _Context) -> CellValue:
    try:
        number = Decimal(repr(float(v)))
    except (ValueError, InvalidOperation):
        return v
    if not number.is_finite():  # Excel never stores NaN or infinity: keep the text as written
        return v
    if kind == ooxml.DATE and ctx.date1904 is not None:
        return excel_date(number, ctx.date1904)
    return number


def excel_date(serial: Decimal, date1904: bool) -> CellValue:
    """An Excel serial date → date (whole days) or datetime; out-of-range serials stay numbers.

    In the 1900 system Excel counts the non-existent 29 February 1900, so serials before 60
    are one day off from the usual 1899-12-30 epoch.
    """
    if serial < 0 or serial > 2958465:
        return serial
    days = int(serial)
    ms = round((serial - days) * 86_400_000)
    base = EPOCH_1900 + timedelta(days=1) if serial < 61 else EPOCH_1900
    if date1904:
        base = EPOCH_1904
    moment = base + timedelta(days=days, milliseconds=ms)
    if moment.hour == moment.minute == moment.second == moment.microsecond == 0:
        return moment.date()
    return moment


def _iso_date(v: str) -> CellValue:
    """Strict OOXML may store dates as ISO 8601 text (`t="d"`)."""
    try:
        moment = datetime.fromisoformat(v.strip().rstrip("Z"))
    except ValueError:
        return v
    if moment.time() == datetime.min.time() and "T" not in v:
        return moment.date()
    return moment


def _int(text: str | None) -> int:
    return ooxml.int_attr(text)
