"""What python-calamine cannot be trusted with in a big sheet: its shape, and its error cells.

python-calamine reads a sheet into a dense grid of (last row × last column) cells, so one cell
at XFD1048576 in a 3 MB sheet makes it allocate 550 GB and abort the whole process; and it gives
Excel error values (`#N/A`) as empty cells. So before it reads a big sheet, `check_shape`
streams the sheet XML once and makes sure the grid it would build is affordable, and beside it
`error_cells` finds the error cells — each candidate parsed as XML, so quoting, character
references and namespace prefixes cannot hide one.

Both work on the bytes for speed (a million-row sheet is 300 MB of XML; building elements for
it would take ten times longer than python-calamine) and are sound only for sheets written the
way every spreadsheet program writes them: each cell `<c r="A1" …>` with its reference first,
no comments, no namespace declarations below the root. Anything else is read with a real XML
parser (`iterparse`), which costs more and is therefore allowed only up to `MAX_UNUSUAL` bytes.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO
from xml.etree import ElementTree as ET

from calc.errors import WorkbookReadError
from calc.grid import col_index, col_letter
from calc.xlsx import ooxml

# rows × columns python-calamine may build: a million rows of 10 columns, which python-calamine,
# its Python copy and the case columns hold in about 900 MB (16 columns took 1.3 GB); a real
# Sagsdata has 6–10 columns.
MAX_GRID = 10 * 1_048_576
_NARROW = b"[A-J]"  # columns that need no counting: ten of them fit MAX_GRID at any height
MAX_ROWS = 1_048_576
MAX_UNUSUAL = 32 * 1024**2  # sheet XML written in an unusual way, read with the XML parser
_CHUNK = 1 << 22
_MAX_TAIL = 64 * 1024**2  # a block without a row end this long is not a normal sheet

_ROOT = re.compile(rb"<([A-Za-z_][\w.-]*:)?worksheet(?=[\s/>])((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>")
_XMLNS = re.compile(rb"xmlns(?::([\w.-]+))?\s*=\s*([\"'])(.*?)\2")
# A row number from 1 to 1 048 576 (Excel's last row), then the closing quote.
_ROW_OK = (
    rb"(?:[1-9][0-9]{0,5}|10[0-3][0-9]{4}|104[0-7][0-9]{3}|1048[0-4][0-9]{2}|10485[0-6][0-9]"
    rb'|104857[0-6])"'
)
_ERROR = re.compile(rb"t\s*=\s*[\"'](?:e[\"']|&)")


@dataclass(frozen=True)
class _Root:
    prefixes: tuple[bytes, ...]  # the prefixes bound to SpreadsheetML on the root (b"" default)
    declarations: bytes  # every xmlns… on the root, to parse a cut-out element with

    def usual(self) -> list[re.Pattern[bytes]]:
        """A cell start other than `<c r="A1"` in columns A–J and rows below 1 000 000: the
        one search most blocks need (the others run on the blocks where this one hits)."""
        return [
            re.compile(b"<" + re.escape(p) + rb'c(?=[\s/>])(?! r="[A-J][1-9][0-9]{0,5}")')
            for p in {b"", *self.prefixes}
        ]

    def odd(self) -> list[re.Pattern[bytes]]:
        """A cell start that is not `<c r="A1"` with a row within Excel's grid: too tall, or
        written unusually."""
        return [
            re.compile(b"<" + re.escape(p) + rb'c(?=[\s/>])(?! r="[A-Z]{1,3}' + _ROW_OK + rb")")
            for p in {b"", *self.prefixes}
        ]

    def wide(self) -> list[re.Pattern[bytes]]:
        """A cell beyond column J (then the columns are counted)."""
        return [
            re.compile(b"<" + re.escape(p) + rb'c r="(?!' + _NARROW + rb"[0-9])")
            for p in {b"", *self.prefixes}
        ]

    def refs(self) -> list[re.Pattern[bytes]]:
        return [
            re.compile(b"<" + re.escape(p) + rb'c r="([A-Z]{1,3})([0-9]{1,7})"')
            for p in {b"", *self.prefixes}
        ]

    def foreign_cells(self) -> re.Pattern[bytes]:
        """An element named `c` with a prefix that is not SpreadsheetML's on the root
        (python-calamine may take it for a cell)."""
        behind = b"".join(b"(?<![</]" + re.escape(p[:-1]) + b")" for p in self.prefixes if p)
        return re.compile(behind + rb":c[\s/>]")


def _root(head: bytes) -> _Root | None:
    m = _ROOT.search(head)
    if m is None:
        return None
    prefixes = []
    for found in _XMLNS.finditer(m.group(2)):
        if found.group(3).decode("utf-8", "replace") == ooxml.MAIN_NS:
            prefixes.append((found.group(1) or b"") + (b":" if found.group(1) else b""))
    decls = b" ".join(f.group(0) for f in _XMLNS.finditer(m.group(2)))
    return _Root(tuple(prefixes), decls) if prefixes else None


def _blocks(fh: IO[bytes], close: bytes, head: bytes = b"") -> Iterator[bytes]:
    """The sheet XML (after `head`, already read) in pieces of whole rows (cut after a row's
    end tag)."""
    tail = head
    while chunk := fh.read(_CHUNK):
        data = tail + chunk
        end = data.rfind(close)
        if end < 0:
            if len(data) > _MAX_TAIL:
                raise _Unusual("no row end")
            tail = data
            continue
        end += len(close)
        yield data[:end]
        tail = data[end:]
    if tail:
        yield tail


class _Unusual(Exception):
    """The sheet is not written the usual way: use the XML parser."""


# ---------------------------------------------------------------------------------------------
# Shape


@dataclass(frozen=True)
class Shape:
    """What `check_shape` learnt: `usual` when the fast reading of error cells is sound."""

    usual: bool


def check_shape(zf: zipfile.ZipFile, part: str, sheet: str) -> Shape:
    """Refuse (WorkbookReadError) a sheet python-calamine would turn into a grid of more than
    MAX_GRID cells, or with a row beyond Excel's last; return how it is written."""
    info = ooxml.guard(zf, part)
    try:
        return _check_fast(zf, part, sheet)
    except _Unusual:
        pass
    if info.file_size > MAX_UNUSUAL:
        raise _unusual(zf, sheet)
    rows, cols = _bounds_parsed(zf, part, sheet)
    _check_grid(zf, sheet, rows, cols)
    return Shape(usual=False)


def _check_fast(zf: zipfile.ZipFile, part: str, sheet: str) -> Shape:
    """Every cell written `<c r="A1" …>` (no comments, no foreign prefixes, rows within the
    grid): then cells in columns A–J only are affordable at any height, and a wider sheet has
    its references counted in a second pass."""
    wide_seen = False
    for root, body in _bodies(zf, part):
        # A cell-like text in a comment is no cell. (`!` and `?` are rare in sheet XML and
        # found fast; `<!` alone is not: `<` is everywhere.)
        if (b"!" in body and b"<!" in body) or (b"?" in body and b"<?" in body):
            raise _Unusual("comments, CDATA or processing instructions in the sheet")
        if root.foreign_cells().search(body):
            raise _Unusual("cells with another prefix")
        if not any(p.search(body) for p in root.usual()):
            continue
        if any(p.search(body) for p in root.odd()):
            raise _Unusual("a cell beyond row 1 048 576, or written unusually")
        wide_seen = wide_seen or any(p.search(body) for p in root.wide())
    if wide_seen:
        rows = cols = 0
        for root, body in _bodies(zf, part):
            for p in root.refs():
                for letters, digits in p.findall(body):
                    cols = max(cols, col_index(letters.decode()) + 1)
                    rows = max(rows, int(digits))
        _check_grid(zf, sheet, rows, cols)
    return Shape(usual=True)


def _bodies(zf: zipfile.ZipFile, part: str) -> Iterator[tuple[_Root, bytes]]:
    """The sheet's root and its XML after the root's start tag, in pieces of whole rows."""
    with ooxml.open_part(zf, part) as fh:
        head = fh.read(1 << 16)
        root = _root(head)
        found = _ROOT.search(head)
        if root is None or found is None:
            raise _Unusual("root")
        close = b"</" + root.prefixes[0] + b"row>"
        first = True
        for block in _blocks(fh, close, head):
            yield root, (block[found.end() :] if first else block)
            first = False


def _bounds_parsed(zf: zipfile.ZipFile, part: str, sheet: str) -> tuple[int, int]:
    """(rows, columns) of the grid python-calamine would build, by parsing the XML."""
    rows = cols = 0
    for r, c, _el in _cells(zf, part, sheet):
        rows, cols = max(rows, r + 1), max(cols, c + 1)
        if rows > MAX_ROWS:
            raise _too_tall(zf, sheet, rows)
    return rows, cols


def _cells(zf: zipfile.ZipFile, part: str, sheet: str) -> Iterator[tuple[int, int, ET.Element]]:
    """Every cell element (any namespace: a program may not care) with its position, as the
    reader and python-calamine place cells without a reference."""
    row, col = -1, -1
    try:
        with ooxml.open_part(zf, part) as fh:
            for event, el in ET.iterparse(fh, events=("start", "end")):
                name = ooxml.local(el.tag)
                if event == "start":
                    if name == "row":
                        r = el.get("r")
                        row = int(r) - 1 if r and r.strip().isdigit() else row + 1
                        col = -1
                    continue
                if name == "c":
                    ref = el.get("r")
                    if ref:
                        letters = ref.strip().rstrip("0123456789")
                        digits = ref.strip()[len(letters) :]
                        row = int(digits) - 1 if digits else row
                        col = col_index(letters) if letters else col + 1
                    else:
                        col += 1
                    yield row, col, el
                    el.clear()
                elif name == "row":
                    el.clear()
    except (ET.ParseError, ValueError, *ooxml.READ_ERRORS) as exc:
        raise ooxml.damaged(zf, part) from exc


def _check_grid(zf: zipfile.ZipFile, sheet: str, rows: int, cols: int) -> None:
    if rows * cols > MAX_GRID:
        file = Path(str(zf.filename)).name
        raise WorkbookReadError(
            f"Arket «{sheet}» i filen «{file}» går til række {ooxml.thousands(rows)} og kolonne "
            f"{col_letter(max(cols - 1, 0))}; at læse det ville kræve "
            f"{ooxml.thousands(rows * cols)} celler (grænsen er {ooxml.thousands(MAX_GRID)}: en "
            "million sager med ti kolonner), så det læses ikke. Ligger der en enkelt celle langt "
            "ude til højre eller nedenunder, så slet den i Excel og gem igen; har sagsdataene "
            "virkelig så mange kolonner, så gem dem som CSV og brug --sagsdata."
        )


def _too_tall(zf: zipfile.ZipFile, sheet: str, row: int) -> WorkbookReadError:
    file = Path(str(zf.filename)).name
    return WorkbookReadError(
        f"Arket «{sheet}» i filen «{file}» har en celle i række {ooxml.thousands(row)}, efter "
        f"Excels sidste række ({ooxml.thousands(MAX_ROWS)}), og læses ikke. Filen er "
        "sandsynligvis beskadiget eller lavet for at skade."
    )


def _unusual(zf: zipfile.ZipFile, sheet: str) -> WorkbookReadError:
    file = Path(str(zf.filename)).name
    return WorkbookReadError(
        f"Arket «{sheet}» i filen «{file}» er stort og skrevet på en måde, Excel aldrig skriver "
        "(celler uden reference først, kommentarer eller navnerum inde i arket), så det læses "
        f"ikke (grænsen for den slags er {ooxml.megabytes(MAX_UNUSUAL)}). Åbn filen i Excel, gem "
        "den igen, og prøv så igen."
    )


# ---------------------------------------------------------------------------------------------
# Error cells


def error_cells(path: Path, sheet: str, shape: Shape | None = None) -> list[tuple[int, int, str]]:
    """(row, column, text) of the cells holding an Excel error (`#DIV/0!`, `#N/A`, …), which
    python-calamine gives as empty. `shape` from `check_shape`: a usual sheet is searched in
    its bytes for `t="e"` in any quoting or written with a character reference, and each such
    cell is parsed as XML; any other sheet is parsed whole."""
    with ooxml.open_zip(path) as zf:
        info = ooxml.read_workbook_info(zf)
        ref = next((s for s in info.sheets if s.name == sheet), None)
        if ref is None or ref.part not in zf.namelist():
            return []
        if shape is not None and shape.usual:
            try:
                return _errors_fast(zf, ref.part)
            except _Unusual:
                pass
        return [
            (r, c, _value_text(el))
            for r, c, el in _cells(zf, ref.part, sheet)
            if (el.get("t") or "").strip() == "e" and _value_text(el)
        ]


def _errors_fast(zf: zipfile.ZipFile, part: str) -> list[tuple[int, int, str]]:
    found: dict[tuple[int, int], str] = {}
    with ooxml.open_part(zf, part) as fh:
        head = fh.read(1 << 16)
        root = _root(head)
        if root is None:
            raise _Unusual("root")
        close = b"</" + root.prefixes[0] + b"row>"
        for block in _blocks(fh, close, head):
            for m in _ERROR.finditer(block):
                cell = _cell_around(block, m.start(), root)
                if cell is not None:
                    r, c, text = cell
                    found[(r, c)] = text
    return [(r, c, text) for (r, c), text in sorted(found.items())]


_TAG_END = re.compile(rb"(?:[^>\"']|\"[^\"]*\"|'[^']*')*?(/?)>")


def _cell_around(block: bytes, at: int, root: _Root) -> tuple[int, int, str] | None:
    """The cell whose start tag holds the `t` attribute at `at`, parsed as XML; None when it
    is not a cell with an error value. `<` cannot stand in an attribute value, so the last `<`
    before `at` starts the tag."""
    start = block.rfind(b"<", 0, at)
    name = re.match(rb"<([A-Za-z_][\w.-]*:)?c(?=[\s/>])", block[start:])
    if start < 0 or name is None:
        return None
    end_tag = _TAG_END.match(block, start + 1)
    if end_tag is None:
        raise _Unusual("unclosed tag")
    if end_tag.group(1) == b"/":
        return None  # an error type without a value: nothing to report, as the reader
    close = b"</" + (name.group(1) or b"") + b"c>"
    end = block.find(close, end_tag.end())
    if end < 0:
        raise _Unusual("cell without its end")
    xml = b"<w " + root.declarations + b">" + block[start : end + len(close)] + b"</w>"
    try:
        cell = ET.fromstring(xml)[0]
    except (ET.ParseError, IndexError) as exc:
        raise _Unusual("cell cannot be parsed alone") from exc
    if (cell.get("t") or "").strip() != "e":
        return None
    ref = (cell.get("r") or "").strip()
    letters = ref.rstrip("0123456789")
    if not letters or letters == ref:
        raise _Unusual("error cell without a reference")
    text = _value_text(cell)
    return (int(ref[len(letters) :]) - 1, col_index(letters), text) if text else None


def _value_text(el: ET.Element) -> str:
    for child in el:
        if ooxml.local(child.tag) == "v":
            return child.text or ""
    return ""
