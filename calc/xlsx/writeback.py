"""Write results into the user's own workbook without losing anything else in it.

Loading and re-saving with a library would silently drop what it does not understand (form
controls, x14 extensions, pivot caches, VBA). So the file is patched instead: only the target
cells in the target sheets' XML and the `calcPr` element of the workbook part are changed, by
text splices, plus the integrity stamp's `Målscore.*` properties in `docProps/custom.xml`
(added at the end of the zip, with one `<Override>` and one `<Relationship>` spliced into
`[Content_Types].xml` and `_rels/.rels`, when the file has no custom properties yet); every
other zip entry is copied byte for byte, compressed data included. The result is written to a
temporary file, read back and checked, and only then moved over the destination (the previous
version kept in `.maalscore-backup/` when asked), so a failure or a kill at any point leaves
the original untouched.
"""

from __future__ import annotations

import bisect
import contextlib
import errno
import os
import re
import shutil
import stat
import zipfile
import zlib
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path
from xml.etree import ElementTree as ET

from calc.errors import MaalscoreError, WorkbookReadError, WriteBackError
from calc.grid import (
    CellUpdate,
    CellValue,
    Pos,
    a1,
    normalise_name,
    number_text,
    parse_a1,
    stored_value,
)
from calc.xlsx import filelock, looks, numfmt, ooxml
from calc.xlsx.reader import range_positions, read_grids
from calc.xlsx.splice import ATTR, ATTRS, Span, attrs, element, set_attr
from calc.xlsx.styles import StyleSheet

MAX_ROWS = 1_048_576
MAX_COLS = 16_384

Expected = dict[str, dict[Pos, CellValue]]
Looks = dict[str, dict[Pos, looks.Look]]
# Builds the stamp's properties from the looks of the written cells and their sheets' states.
StampMaker = Callable[[Looks, dict[str, str]], Mapping[str, str]]


def write_back(
    src: Path,
    updates: Sequence[CellUpdate],
    dst: Path | None = None,
    *,
    allow_signed: bool = False,
    properties: Mapping[str, str] | None = None,
    backup: bool = False,
    stamp: StampMaker | None = None,
    results: Collection[tuple[str, str]] | None = None,
    lock: filelock.TargetLock | None = None,
    drop_stamp: bool = False,
) -> None:
    """Write `updates` into the workbook `src`, saving to `dst` (None: in place).

    One run at a time writes a file: the target is locked (`calc.xlsx.filelock`) while the
    source is read and the new file is written; `lock` is that lock when the caller already
    holds it (it read the file under it).

    `properties` are custom document properties to set (docProps/custom.xml); every existing
    property whose name starts with `STAMP_PREFIX` is replaced by them. `stamp`, when given,
    is called with how the written cells will look (number formats, hidden, conditional
    formats: `calc.xlsx.looks`) and the states of their sheets, and returns more properties.
    `drop_stamp` (without `properties` or `stamp`) removes those properties and keeps every
    other one (next year's plan made from this year's has no stamp). With `backup`, a file that
    is replaced keeps its previous version as `.maalscore-backup/<name>` next to it.

    An update with a `number_format` gets a style like its cell's with that format (see
    `calc.xlsx.styles`). A result cell — one of `results` (sheet, cell), or without `results`
    every cell written without a `number_format` — whose number format could show something
    other than the value written (`calc.xlsx.numfmt.misleading`) gets a copy of its style with
    the General format; one reached by a conditional format that could is refused.

    Raises WriteBackError (message in Danish, for the user) when the file cannot be written
    safely: not an .xlsx (.xls and .xlsb are read, never written), encrypted, strict OOXML,
    digitally signed (unless `allow_signed`: writing breaks the signature), open in Excel, read
    only, an unknown sheet, a reference outside Excel's grid, a target cell holding a formula,
    or a full disk. Nothing is written in those cases, and no temporary file is left.
    """
    src = Path(src)
    if not updates and not properties and stamp is None and dst is None:
        return
    legacy_refusal(src)
    # Resolved, so that a symbolic link is written through rather than replaced.
    target = (Path(dst) if dst is not None else src).resolve()
    if lock is not None and lock.target != target:
        raise ValueError(f"the lock held is for {lock.target}, not {target}")
    with contextlib.ExitStack() as stack:
        if lock is None:
            stack.enter_context(filelock.held(target))
        try:
            plan = _plan(src, updates, allow_signed, properties or {}, stamp, results, drop_stamp)
        except WorkbookReadError as exc:
            raise WriteBackError(str(exc)) from exc
        _refuse_target(target)
        _commit(src, target, plan, backup)


def legacy_refusal(src: Path) -> None:
    """Refuse .xls and .xlsb: read for scoring, never written ("gem som .xlsx")."""
    kind = ooxml.legacy_format(Path(src))
    if kind is not None:
        raise WriteBackError(ooxml.legacy_write_message(Path(src), kind))


STAMP_PREFIX = "Målscore."
BACKUP_FOLDER = ".maalscore-backup"


def backup_path(target: Path) -> Path:
    """Where the previous version of `target` is kept when it is replaced."""
    return target.parent / BACKUP_FOLDER / target.name


# ---------------------------------------------------------------------------------------------
# Planning: everything is validated and computed in memory before a byte is written.


@dataclass
class _Plan:
    parts: dict[str, bytes]  # replaced members
    added: dict[str, bytes]  # new members, appended
    expected: Expected  # what the written sheets must read back as
    properties: dict[str, str]  # custom properties that must read back
    looks: Looks = field(default_factory=dict)  # how the written cells must look read back


def _plan(
    src: Path,
    updates: Sequence[CellUpdate],
    allow_signed: bool,
    properties: Mapping[str, str],
    stamp: StampMaker | None = None,
    results: Collection[tuple[str, str]] | None = None,
    drop_stamp: bool = False,
) -> _Plan:
    with ooxml.open_zip(src) as zf:
        info = ooxml.read_workbook_info(zf)
        _refuse_package(src, zf, info, allow_signed)
        by_sheet = _group(src, info, updates, results)
        plan = _Plan({}, {}, {}, dict(properties))
        styles_xml = ooxml.read_part(zf, info.styles) if info.styles and by_sheet else None
        styles = _styles(src, styles_xml)
        judge = looks.parse_styles(styles_xml)
        for ref, cells in by_sheet.items():
            xml = ooxml.read_part(zf, ref.part)
            values = {p: c.xml for p, c in cells.items()}
            plan.parts[ref.part] = patch_sheet(xml, ref.name, values, styles, judge)
            plan.expected[ref.name] = {p: c.expected for p, c in cells.items()}
        restyled = _patched_styles(src, styles)
        if restyled is not None and info.styles is not None:
            plan.parts[info.styles] = restyled
        states = _plan_looks(plan, by_sheet, looks.parse_styles(restyled or styles_xml))
        if by_sheet:
            workbook = ooxml.read_part(zf, info.part)
            patched = set_full_calc_on_load(workbook)
            if patched != workbook:
                plan.parts[info.part] = patched
        if stamp is not None:
            plan.properties.update(stamp(plan.looks, states))
        if plan.properties:
            _plan_properties(src, zf, plan)
        elif drop_stamp and (member := ooxml.custom_properties_member(zf)) is not None:
            kept = merge_custom_properties(ooxml.read_part(zf, member), {}, src)
            if kept != ooxml.read_part(zf, member):
                plan.parts[member] = kept
    return plan


def _styles(src: Path, xml: bytes | None) -> StyleSheet | None:
    """The styles part, to give written cells a format (None: the workbook has none)."""
    if xml is None:
        return None
    try:
        return StyleSheet(xml)
    except ValueError as exc:
        raise WriteBackError(
            f"Talformaterne i «{src.name}» kan ikke læses ({exc}); intet er skrevet."
        ) from exc


def _patched_styles(src: Path, styles: StyleSheet | None) -> bytes | None:
    try:
        return styles.patched() if styles is not None else None
    except ValueError as exc:
        raise WriteBackError(
            f"Talformaterne i «{src.name}» kan ikke skrives sikkert ({exc}); intet er skrevet. "
            "Åbn filen i Excel, gem den igen, og prøv så igen."
        ) from exc


def _plan_looks(
    plan: _Plan, by_sheet: dict[ooxml.SheetRef, dict[Pos, _Cell]], styles: looks.Styles
) -> dict[str, str]:
    """How every written cell will look; refused when a conditional format could show one of
    them as something other than the value written (write-back does not edit those)."""
    states: dict[str, str] = {}
    problems: list[str] = []
    for ref, cells in by_sheet.items():
        try:
            found = looks.sheet_looks(plan.parts[ref.part], styles, cells)
        except (ValueError, ET.ParseError) as exc:
            raise _refuse(ref.name, f"arkets XML kan ikke læses ({exc}).") from exc
        plan.looks[ref.name] = found
        states[ref.name] = ref.state
        for pos, cell in sorted(cells.items()):
            why = found[pos].misleading(cell.expected) if cell.xml.result else None
            if why:
                problems.append(f"{ref.name}!{a1(*pos)} ({why})")
    if problems:
        raise WriteBackError(
            "Resultatcellerne "
            + ", ".join(problems[:10])
            + (" …" if len(problems) > 10 else "")
            + " kan vises som noget andet end resultatet, og Målscore retter ikke betinget "
            "formatering; intet er skrevet. Fjern reglen i Excel (Startside › Betinget "
            "formatering › Administrer regler), og prøv igen."
        )
    return states


def _refuse_package(
    src: Path, zf: zipfile.ZipFile, info: ooxml.WorkbookInfo, allow_signed: bool
) -> None:
    if info.strict:
        raise WriteBackError(
            f"Filen «{src.name}» er gemt som «Strict Open XML», som Målscore ikke kan skrive i. "
            "Åbn den i Excel og gem den som almindelig Excel-projektmappe (.xlsx)."
        )
    signed = any(n.startswith("_xmlsignatures/") for n in zf.namelist())
    if signed and not allow_signed:
        raise WriteBackError(
            f"Filen «{src.name}» er signeret digitalt, og signaturen bliver ugyldig, hvis "
            "Målscore skriver i den, så intet er skrevet. Fjern signaturen i Excel, eller kør "
            "igen med --tillad-signeret, hvis signaturen gerne må forsvinde."
        )


def _refuse_target(target: Path) -> None:
    """Refuse before any work when the destination is open in Excel or write-protected."""
    lock = target.parent / ("~$" + target.name)
    if lock.is_file():
        owner = excel_lock_owner(lock)
        who = f" af {owner}" if owner else ""
        raise WriteBackError(
            f"Filen «{target.name}» er åben i Excel{who} (låsefilen «{lock.name}» findes). "
            "Luk den i Excel og prøv igen; intet er skrevet. Er Excel ikke åben, er låsefilen "
            "tilbage efter et nedbrud og kan slettes."
        )
    exists = target.exists()
    if exists and (not target.stat().st_mode & stat.S_IWUSR or not _may(target, os.W_OK)):
        raise WriteBackError(
            f"Filen «{target.name}» er skrivebeskyttet, så Målscore skriver ikke i den; intet er "
            "skrevet. Fjern skrivebeskyttelsen (Egenskaber), eller skriv til en kopi med --ud."
        )
    if not _may(target.parent, os.W_OK | os.X_OK):
        raise WriteBackError(
            f"Målscore har ikke lov til at skrive «{target.name}» i mappen «{target.parent}» "
            "(mappen er skrivebeskyttet). Den oprindelige fil er uændret, og intet er skrevet. "
            "Skriv til en anden mappe med --ud."
        )
    uid = target.stat().st_uid if exists and hasattr(os, "geteuid") else None
    if uid is not None and uid != os.geteuid() and os.geteuid() != 0:
        raise WriteBackError(
            f"Filen «{target.name}» ejes af en anden bruger ({_user(uid)}). Målscore "
            "erstatter filen med en ny, og så ville du blive dens ejer; det gør Målscore ikke "
            "med andres filer, så intet er skrevet. Bed ejeren køre beregningen, eller skriv "
            "til en kopi med --ud."
        )


def _may(path: Path, mode: int) -> bool:
    """Whether the operating system lets this process do `mode` on `path` (as its effective
    user, where the platform can tell)."""
    effective = os.access in os.supports_effective_ids
    return os.access(path, mode, effective_ids=effective)


def _user(uid: int) -> str:
    try:
        import pwd

        return pwd.getpwuid(uid).pw_name
    except (ImportError, KeyError):
        return f"bruger-id {uid}"


def excel_lock_owner(lock: Path) -> str:
    """The user name Excel writes in its `~$name.xlsx` owner file, or "" when unreadable.

    The file holds the name twice: as a length byte and 8-bit text at the start, and as a
    length and UTF-16 text at offset 54."""
    try:
        data = lock.read_bytes()[:512]
    except OSError:
        return ""
    if len(data) > 56 and 0 < data[54] <= 54 and len(data) >= 56 + 2 * data[54]:
        name = data[56 : 56 + 2 * data[54]].decode("utf-16-le", "replace").strip("\x00 ")
        if name.isprintable() and name:
            return name
    if data and 0 < data[0] < len(data):
        name = data[1 : 1 + data[0]].decode("cp1252", "replace").strip("\x00 ")
        if name.isprintable():
            return name
    return ""


@dataclass(frozen=True)
class _Cell:
    xml: _Value
    expected: CellValue


@dataclass(frozen=True)
class _Value:
    """What goes into the cell: `kind` is "n" (number text), "s" (text) or "" (empty); `value`
    what it will hold; `number_format` the format asked for (see `calc.xlsx.styles`); `result`
    whether its number format must show `value` as it is (a result, not an input)."""

    kind: str
    text: bytes = b""
    value: CellValue = None
    number_format: str | None = None
    result: bool = False


def _group(
    src: Path,
    info: ooxml.WorkbookInfo,
    updates: Sequence[CellUpdate],
    results: Collection[tuple[str, str]] | None = None,
) -> dict[ooxml.SheetRef, dict[Pos, _Cell]]:
    out: dict[ooxml.SheetRef, dict[Pos, _Cell]] = {}
    wanted = set(results) if results is not None else None
    for update in updates:
        ref = find_sheet(src, info, update.sheet)
        pos = _position(ref.name, update.cell)
        value, expected = encode_value(update.value, ref.name, update.cell)
        asked = update.number_format if value.kind == "n" else None
        result = (update.sheet, update.cell) in wanted if wanted is not None else not asked
        value = replace(value, number_format=asked, result=result)
        out.setdefault(ref, {})[pos] = _Cell(value, expected)
    return out


def find_sheet(src: Path, info: ooxml.WorkbookInfo, name: str) -> ooxml.SheetRef:
    """The sheet called `name`: an exact match wins over a loose one (case, accents, spaces)."""
    exact = [s for s in info.sheets if s.name == name]
    loose = [s for s in info.sheets if normalise_name(s.name) == normalise_name(name)]
    if not exact and not loose:
        names = ", ".join(f"«{s.name}»" for s in info.sheets)
        raise WriteBackError(
            f"Arket «{name}» findes ikke i filen «{src.name}». Arkene hedder: {names}."
        )
    found = (exact or loose)[0]
    if found.kind not in ("worksheet", "") or not found.part:
        raise WriteBackError(
            f"«{found.name}» i filen «{src.name}» er ikke et almindeligt regneark "
            "(fx et diagramark) og kan ikke få skrevet værdier."
        )
    return found


def _position(sheet: str, ref: str) -> Pos:
    try:
        row, col = parse_a1(ref)
    except ValueError:
        row, col = -1, -1
    if not (0 <= row < MAX_ROWS and 0 <= col < MAX_COLS):
        raise WriteBackError(
            f"Cellen «{ref}» på arket «{sheet}» er ikke en gyldig cellereference inden for "
            "Excels grænser (A1 til XFD1048576)."
        )
    return row, col


# ---------------------------------------------------------------------------------------------
# Values


def encode_value(value: object, sheet: str, cell: str) -> tuple[_Value, CellValue]:
    """The XML payload for a value, and what reading the cell back must give."""
    stored = stored_value(value, sheet, cell)
    if stored is None:
        return _Value(""), None
    if isinstance(stored, str):
        return _Value("s", escape_text(stored).encode("utf-8"), stored), stored
    assert isinstance(stored, Decimal)
    return _Value("n", number_text(stored, sheet, cell).encode("ascii"), stored), stored


_EXCEL_ESCAPE = re.compile(r"_(x[0-9A-Fa-f]{4}_)")
_NOT_XML = re.compile("[\x00-\x08\x0b-\x1f\ud800-\udfff\ufffe\uffff]")


def escape_text(text: str) -> str:
    """XML-escape text the way Excel does.

    Characters XML 1.0 cannot hold become `_x000B_`; a carriage return too, since XML parsers
    would turn it into a line feed; and a literal `_x000B_` in the text gets its underscore
    escaped (`_x005F_`) so it is not decoded into a control character on reading.
    """
    text = _EXCEL_ESCAPE.sub(r"_x005F_\1", text)
    text = _NOT_XML.sub(lambda m: f"_x{ord(m.group()):04X}_", text)
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    )


# ---------------------------------------------------------------------------------------------
# Sheet XML splicing

_ROOT = re.compile(rb"<([A-Za-z_][\w.-]*:)?worksheet(?=[\s/>])" + ATTRS + rb"/?>")
_ENCODING = re.compile(rb"^(?:\xef\xbb\xbf)?<\?xml[^>]*encoding\s*=\s*[\"']([^\"']+)[\"']")


@dataclass
class _SheetText:
    """One sheet's XML and the facts about it the splice needs."""

    xml: bytes
    name: str
    p: bytes  # prefix of the spreadsheetml namespace, b"" or b"x:"
    data: Span  # <sheetData>
    styles: StyleSheet | None  # where a cell gets a style with another number format
    judge: looks.Styles  # the formats the cells' styles show now
    edits: list[tuple[int, int, tuple[int, int], bytes]] = field(default_factory=list)


def _refuse(sheet: str, why: str) -> WriteBackError:
    return WriteBackError(f"Arket «{sheet}» kan ikke skrives sikkert: {why}")


def _prefix(xml: bytes, sheet: str) -> bytes:
    """The prefix bound to spreadsheetml on the root, so new elements use the file's own."""
    enc = _ENCODING.match(xml)
    if xml.startswith((b"\xff\xfe", b"\xfe\xff")) or (
        enc and enc.group(1).lower() not in (b"utf-8", b"utf8")
    ):
        raise _refuse(sheet, "arkets XML er ikke gemt som UTF-8.")
    root = _ROOT.search(xml)
    if root is None:
        raise _refuse(sheet, "det er ikke et almindeligt regneark.")
    prefix = root.group(1) or b""
    if prefix not in main_prefixes(root.group(2)):
        raise _refuse(sheet, "arkets XML bruger et ukendt navnerum.")
    return prefix


def main_prefixes(root_attrs: bytes) -> set[bytes]:
    """The prefixes (`b""` for the default namespace, `b"x:"`) the root binds to
    SpreadsheetML."""
    out = set()
    for key, value in ATTR.findall(root_attrs):
        if value[1:-1] == ooxml.MAIN_NS.encode() and (key == b"xmlns" or key.startswith(b"xmlns:")):
            out.add(key[6:] + b":" if key != b"xmlns" else b"")
    return out


_ROW_OR_CELL = re.compile(rb"<([A-Za-z_][\w.-]*:)?(?:row|c)(?=[\s/>])")


def _body_prefix(xml: bytes, sheet: str, p: bytes, data: Span) -> bytes:
    """The prefix the rows and cells use. A file may bind SpreadsheetML to a second prefix
    and write its rows with that one: write-back must find those rows (or it would add a second
    row 8 after the first), so it uses their prefix; a mix, or a declaration inside the cell
    data, is refused."""
    body = xml[data.tag_end : data.end]
    if b"xmlns" in body:
        raise _refuse(sheet, "celledataene erklærer navnerum inde i arket.")
    used = {m.group(1) or b"" for m in _ROW_OR_CELL.finditer(body)}
    if not used or used == {p}:
        return p
    root = _ROOT.search(xml)
    bound = main_prefixes(root.group(2)) if root else set()
    if len(used) == 1 and used <= bound:
        return used.pop()
    raise _refuse(sheet, "rækker og celler er skrevet med forskellige præfikser for navnerummet.")


def patch_sheet(
    xml: bytes,
    sheet: str,
    cells: dict[Pos, _Value],
    styles: StyleSheet | None = None,
    judge: looks.Styles | None = None,
) -> bytes:
    """Splice `cells` into a worksheet's XML; everything outside the target cells (and the
    `<dimension>` when it must grow) stays byte for byte as it was. A cell that asks for a
    number format, or a result whose format (by `judge`) could show something other than its
    new value, gets its `s` from `styles`."""
    p = _prefix(xml, sheet)
    found = element(xml, p, b"sheetData", 0, len(xml))
    if len(found) != 1:
        raise _refuse(sheet, "arket har ingen (eller flere) <sheetData>.")
    p = _body_prefix(xml, sheet, p, found[0])
    text = _SheetText(xml, sheet, p, found[0], styles, judge or looks.Styles())
    body = xml[text.data.tag_end : text.data.end]
    if b"<!--" in body or b"<![CDATA[" in body:
        raise _refuse(sheet, "arkets celledata indeholder XML-kommentarer eller CDATA.")
    try:
        _splice_rows(text, cells)
    except ValueError as exc:
        raise _refuse(sheet, f"arkets XML er ugyldig ({exc}).") from exc
    check_array_formulas(body, sheet, list(cells))
    _grow_dimension(text, cells)
    return _apply(xml, text.edits)


def _apply(xml: bytes, edits: list[tuple[int, int, tuple[int, int], bytes]]) -> bytes:
    out: list[bytes] = []
    pos = 0
    for start, end, _order, data in sorted(edits, key=lambda e: (e[0], e[2])):
        if start < pos:
            raise AssertionError("overlapping edits")
        out += [xml[pos:start], data]
        pos = end
    out.append(xml[pos:])
    return b"".join(out)


def _splice_rows(text: _SheetText, cells: dict[Pos, _Value]) -> None:
    data = text.data
    if data.closed:
        body = b"".join(_new_row(text, r, cells) for r in sorted({r for r, _ in cells}))
        opening = text.xml[data.start : data.tag_end - 2].rstrip() + b">"
        name = text.xml[data.start + 1 : data.tag_end].split(None, 1)[0].rstrip(b"/>")
        closing = b"</" + name + b">"  # sheetData's own prefix, which may not be the rows
        text.edits.append((data.start, data.end, (-1, -1), opening + body + closing))
        return
    close_at = text.xml.rfind(b"</", data.tag_end, data.end)  # sheetData's end tag
    starts, numbers = _row_index(text, data.tag_end, close_at)
    where = {n: i for i, n in enumerate(numbers)}
    for r in sorted({r for r, _ in cells}):
        if r in where:
            start = starts[where[r]]
            row = element(text.xml, text.p, b"row", start, close_at, first=True)[0]
            _patch_row(text, row, r, cells)
        else:
            i = bisect.bisect_right(numbers, r)
            at = starts[i] if i < len(starts) else close_at
            text.edits.append((at, at, (r, -1), _new_row(text, r, cells)))


_ROW_R = re.compile(rb"(?:^|\s)r\s*=\s*[\"']([^\"']*)[\"']")


def _row_index(text: _SheetText, start: int, stop: int) -> tuple[list[int], list[int]]:
    """Where each row starts and its 0-based number, from the start tags alone: a huge sheet
    is only scanned, and only target rows are parsed further. Rows must carry `r` and be in
    order, or positions would be guesses."""
    tag = re.compile(rb"<" + re.escape(text.p) + rb"row(?=[\s/>])" + ATTRS + rb"/?>")
    starts: list[int] = []
    numbers: list[int] = []
    for m in tag.finditer(text.xml, start, stop):
        r = _ROW_R.search(m.group(1))
        if r is None or not r.group(1).isdigit():
            raise _refuse(text.name, "en række mangler sit rækkenummer (attributten r).")
        number = int(r.group(1)) - 1
        if numbers and number <= numbers[-1]:
            raise _refuse(text.name, "rækkerne står ikke i stigende orden.")
        starts.append(m.start())
        numbers.append(number)
    return starts, numbers


def _cell_columns(text: _SheetText, cells: list[Span], row: int) -> list[int]:
    cols: list[int] = []
    for cell in cells:
        ref = cell.attr(b"r")
        col = parse_a1(ref)[1] if ref else (cols[-1] + 1 if cols else 0)
        if ref and parse_a1(ref)[0] != row:
            raise _refuse(text.name, f"cellen {ref} står i en forkert række.")
        if cols and col <= cols[-1]:
            raise _refuse(text.name, f"cellerne i række {row + 1} står ikke i stigende orden.")
        cols.append(col)
    return cols


def _patch_row(text: _SheetText, row: Span, r: int, cells: dict[Pos, _Value]) -> None:
    targets = sorted(c for rr, c in cells if rr == r)
    if row.closed:
        opening = text.xml[row.start : row.tag_end - 2].rstrip() + b">"
        new = b"".join(_new_cell(text, row, r, c, cells[(r, c)]) for c in targets)
        opening = _widen_spans(opening, targets)
        text.edits.append((row.start, row.end, (r, -1), opening + new + _close(text, b"row")))
        return
    close_at = row.end - len(_close(text, b"row"))
    ext = text.xml.find(b"<" + text.p + b"extLst", row.tag_end, close_at)
    close_at = ext if ext >= 0 else close_at  # new cells go before a row's <extLst>
    existing = element(text.xml, text.p, b"c", row.tag_end, close_at)
    cols = _cell_columns(text, existing, r)
    for c in targets:
        if c in cols:
            old = existing[cols.index(c)]
            text.edits.append((old.start, old.end, (r, c), _replace_cell(text, old, r, c, cells)))
        else:
            at = next((existing[i].start for i, k in enumerate(cols) if k > c), close_at)
            text.edits.append((at, at, (r, c), _new_cell(text, row, r, c, cells[(r, c)])))
    opening = text.xml[row.start : row.tag_end]
    widened = _widen_spans(opening, targets)
    if widened != opening:
        text.edits.append((row.start, row.tag_end, (r, -1), widened))


_SPANS = re.compile(rb"(\sspans\s*=\s*[\"'])(\d+):(\d+)([\"'])")


def _widen_spans(opening: bytes, cols: list[int]) -> bytes:
    """Keep the optional `spans` hint true when a cell is added outside it."""
    m = _SPANS.search(opening)
    if m is None or not cols:
        return opening
    lo, hi = min(int(m.group(2)), cols[0] + 1), max(int(m.group(3)), cols[-1] + 1)
    new = m.group(1) + f"{lo}:{hi}".encode() + m.group(4)
    return opening[: m.start()] + new + opening[m.end() :]


def _close(text: _SheetText, name: bytes) -> bytes:
    return b"</" + text.p + name + b">"


def _new_row(text: _SheetText, r: int, cells: dict[Pos, _Value]) -> bytes:
    body = b"".join(
        _new_cell(text, None, r, c, cells[(r, c)]) for c in sorted(c for rr, c in cells if rr == r)
    )
    return b"<" + text.p + f'row r="{r + 1}">'.encode() + body + _close(text, b"row")


_FORMULA_TYPES = ("array", "dataTable")


def _replace_cell(text: _SheetText, old: Span, r: int, c: int, cells: dict[Pos, _Value]) -> bytes:
    """The cell rewritten with its new value; its style and other attributes are kept, except
    the type and the rich-value/metadata links (`vm`, `cm`), which described the old value."""
    inner = text.xml[old.tag_end : old.end]
    if re.search(b"<" + re.escape(text.p) + rb"f(?=[\s/>])", inner):
        raise _formula_error(text.name, r, c)
    kept = [(k, v) for k, v in old.attrs if k not in (b"t", b"vm", b"cm")]
    if not any(k == b"r" for k, _ in kept):
        kept.insert(0, (b"r", f'"{a1(r, c)}"'.encode()))
    value = cells[(r, c)]
    style = _style_for(text, old.attr(b"s"), value)
    if style != old.attr(b"s"):
        kept = [(k, v) for k, v in kept if k != b"s"]
        if style is not None:
            kept.insert(1, (b"s", f'"{style}"'.encode()))
    return _cell_xml(text.p, kept, value)


def _formula_error(sheet: str, r: int, c: int) -> WriteBackError:
    return WriteBackError(
        f"Cellen {sheet}!{a1(r, c)} indeholder en formel og overskrives ikke. "
        "Vælg en anden celle, eller fjern formlen i Excel først."
    )


def _new_cell(text: _SheetText, row: Span | None, r: int, c: int, value: _Value) -> bytes:
    """A cell that did not exist takes the style Excel would give it: the row's when the row
    is formatted, otherwise its column's."""
    style = None
    if row is not None and row.attr(b"customFormat") in ("1", "true"):
        style = row.attr(b"s")
    if style is None:
        style = _column_style(text, c)
    style = _style_for(text, style, value)
    attrs = [(b"r", f'"{a1(r, c)}"'.encode())]
    if style and style != "0":
        attrs.append((b"s", f'"{style}"'.encode()))
    return _cell_xml(text.p, attrs, value)


def _style_for(text: _SheetText, current: str | None, value: _Value) -> str | None:
    """The `s` a written cell gets: a style like `current` with the format it asks for; for a
    result whose format could show something other than its value, a General copy (None: no
    `s`, the default style); else `current`."""
    index = ooxml.int_attr(current)
    if value.number_format and text.styles is not None:
        return str(text.styles.derive(max(index, 0), value.number_format))
    if not value.result or value.value is None:
        return current
    if not any(numfmt.misleading(c, value.value) for c in text.judge.cell_codes(index)):
        return current
    if text.styles is None:
        return None
    return str(text.styles.derive(max(index, 0), numfmt.GENERAL))


def _column_style(text: _SheetText, c: int) -> str | None:
    head = text.xml[: text.data.start]
    for col in element(head, text.p, b"col", 0, len(head)):
        lo, hi = int(col.attr(b"min") or 0), int(col.attr(b"max") or 0)
        if lo <= c + 1 <= hi:
            return col.attr(b"style")
    return None


def _cell_xml(p: bytes, attrs: list[tuple[bytes, bytes]], value: _Value) -> bytes:
    """`<c>` with the given attributes; text is an inline string, so it can never be a formula."""
    opening = b"<" + p + b"c" + b"".join(b" " + k + b"=" + v for k, v in attrs)
    if value.kind == "":
        return opening + b"/>"
    if value.kind == "n":
        body = b"<" + p + b"v>" + value.text + b"</" + p + b"v>"
    else:
        opening += b' t="inlineStr"'
        text = b"<" + p + b't xml:space="preserve">' + value.text + b"</" + p + b"t>"
        body = b"<" + p + b"is>" + text + b"</" + p + b"is>"
    return opening + b">" + body + b"</" + p + b"c>"


def check_array_formulas(xml: bytes, sheet: str, targets: list[Pos]) -> None:
    """Refuse targets inside an array formula or data table: those cells have no `<f>` of their
    own, yet overwriting one breaks the formula that fills them."""
    tag = re.compile(rb"<[\w.:-]*?\bf(?=[\s/>])" + ATTRS + rb"/?>")
    wanted = set(targets)
    for m in tag.finditer(xml):
        found = dict(attrs(m.group(1)))
        kind, ref = found.get(b"t", b'""')[1:-1], found.get(b"ref", b'""')[1:-1]
        if kind.decode() in _FORMULA_TYPES and ref:
            hit = wanted.intersection(range_positions(ref.decode()))
            if hit:
                raise _formula_error(sheet, *min(hit))


def _grow_dimension(text: _SheetText, cells: dict[Pos, _Value]) -> None:
    head = text.xml[: text.data.start]
    dims = element(head, text.p, b"dimension", 0, len(head))
    if not dims or dims[0].attr(b"ref") is None:
        return
    ref = dims[0].attr(b"ref") or ""
    try:
        first, _, last = ref.partition(":")
        r0, c0 = parse_a1(first)
        r1, c1 = parse_a1(last) if last else (r0, c0)
    except ValueError:
        return
    rows = [r0, r1, *(r for r, _ in cells)]
    cols = [c0, c1, *(c for _, c in cells)]
    grown = f"{a1(min(rows), min(cols))}:{a1(max(rows), max(cols))}"
    if grown in (ref, f"{ref}:{ref}"):
        return
    opening = text.xml[dims[0].start : dims[0].tag_end]
    new = re.sub(rb"(\sref\s*=\s*[\"'])[^\"']*", lambda m: m.group(1) + grown.encode(), opening)
    text.edits.append((dims[0].start, dims[0].tag_end, (-2, -2), new))


# ---------------------------------------------------------------------------------------------
# Custom document properties (the integrity stamp lives there)

CUSTOM_PART = "docProps/custom.xml"
_CUSTOM_TYPE = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
_CUSTOM_REL = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties"
)
_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"
_PROPERTY = re.compile(
    rb"<([\w.-]+:)?property(?=[\s/>])" + ATTRS + rb"(?:/>|>.*?</\1?property>)", re.DOTALL
)
_PROPS_ROOT = re.compile(rb"<([\w.-]+:)?Properties(?=[\s/>])" + ATTRS + rb"(/?)>")


def _plan_properties(src: Path, zf: zipfile.ZipFile, plan: _Plan) -> None:
    """Set the properties in docProps/custom.xml, creating the part (with its content type and
    package relationship, two minimal splices) when the workbook has none."""
    member = ooxml.custom_properties_member(zf)
    if member is not None:
        plan.parts[member] = merge_custom_properties(
            ooxml.read_part(zf, member), plan.properties, src
        )
        return
    existing = ooxml.find_member(zf, CUSTOM_PART)
    xml = new_custom_properties(plan.properties)
    if existing is not None:  # a stray part nobody refers to: reuse its name
        plan.parts[existing] = xml
    else:
        plan.added[CUSTOM_PART] = xml
    types = ooxml.find_member(zf, "[Content_Types].xml")
    rels = ooxml.find_member(zf, "_rels/.rels")
    if types is None or rels is None:
        raise _no_stamp(src, "pakken mangler [Content_Types].xml eller _rels/.rels")
    plan.parts[types] = add_content_type(ooxml.read_part(zf, types), src)
    plan.parts[rels] = add_package_relationship(ooxml.read_part(zf, rels), src)


def _no_stamp(src: Path, why: str) -> WriteBackError:
    return WriteBackError(
        f"Målscores stempel kan ikke tilføjes filen «{src.name}» ({why}); intet er skrevet. "
        "Åbn filen i Excel, gem den igen og prøv så igen."
    )


def _property_xml(p: bytes, vt: bytes, pid: int, name: str, value: str) -> bytes:
    return (
        b"<"
        + p
        + b'property fmtid="'
        + _FMTID.encode()
        + b'" pid="'
        + str(pid).encode()
        + b'" name="'
        + escape_text(name).encode("utf-8")
        + b'"><'
        + vt
        + b"lpwstr>"
        + escape_text(value).encode("utf-8")
        + b"</"
        + vt
        + b"lpwstr></"
        + p
        + b"property>"
    )


def new_custom_properties(properties: Mapping[str, str]) -> bytes:
    body = b"".join(
        _property_xml(b"", b"vt:", pid, name, value)
        for pid, (name, value) in enumerate(properties.items(), start=2)
    )
    return (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
        b'custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/'
        b'docPropsVTypes">' + body + b"</Properties>"
    )


_VT_NS = b"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"


def merge_custom_properties(xml: bytes, properties: Mapping[str, str], src: Path) -> bytes:
    """Drop the properties named `STAMP_PREFIX…` and append `properties` before the end of the
    root; every other property stays byte for byte, so doing it twice gives the same bytes."""
    root = _PROPS_ROOT.search(xml)
    if root is None or xml.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise _no_stamp(src, "docProps/custom.xml har en ukendt form")
    p = root.group(1) or b""
    declared = dict(ATTR.findall(root.group(2)))
    vt_prefix = next(
        (k[6:] for k, v in declared.items() if k.startswith(b"xmlns:") and v[1:-1] == _VT_NS), None
    )
    prefix_stamp = STAMP_PREFIX.encode("utf-8")
    kept: list[tuple[int, int]] = []
    pids: list[int] = []
    for m in _PROPERTY.finditer(xml, root.end()):
        found = dict(attrs(m.group(2)))
        name = found.get(b"name", b'""')[1:-1]
        if name.startswith(prefix_stamp):
            kept.append((m.start(), m.end()))
        else:
            with contextlib.suppress(ValueError):
                pids.append(int(found.get(b"pid", b'"0"')[1:-1]))
    out = bytearray()
    pos = 0
    for start, end in kept:
        out += xml[pos:start]
        pos = end
    out += xml[pos:]
    text = bytes(out)
    vt = vt_prefix + b":" if vt_prefix else b"vt:"
    first = max(pids, default=1) + 1
    body = b"".join(
        _property_xml(p, vt, pid, name, value)
        for pid, (name, value) in enumerate(properties.items(), start=first)
    )
    if vt_prefix is None:  # declare vt locally on each property
        body = body.replace(b"<vt:lpwstr>", b'<vt:lpwstr xmlns:vt="' + _VT_NS + b'">')
    root = _PROPS_ROOT.search(text)
    assert root is not None
    if root.group(3) == b"/":  # <Properties .../>
        opening = text[root.start() : root.end() - 2].rstrip() + b">"
        return (
            text[: root.start()] + opening + body + b"</" + p + b"Properties>" + text[root.end() :]
        )
    close = text.rfind(b"</" + p + b"Properties>")
    if close < 0:
        raise _no_stamp(src, "docProps/custom.xml er ufuldstændig")
    return text[:close] + body + text[close:]


def add_content_type(xml: bytes, src: Path) -> bytes:
    """Declare docProps/custom.xml in [Content_Types].xml (an Override before `</Types>`)."""
    if b'PartName="/docProps/custom.xml"' in xml:
        return xml
    m = re.search(rb"</([\w.-]+:)?Types>", xml)
    if m is None:
        raise _no_stamp(src, "[Content_Types].xml har en ukendt form")
    p = m.group(1) or b""
    new = b"<" + p + b'Override PartName="/' + CUSTOM_PART.encode() + b'" ContentType="'
    new += _CUSTOM_TYPE.encode() + b'"/>'
    return xml[: m.start()] + new + xml[m.start() :]


def add_package_relationship(xml: bytes, src: Path) -> bytes:
    """Point the package at docProps/custom.xml (a Relationship before `</Relationships>`)."""
    m = re.search(rb"</([\w.-]+:)?Relationships>", xml)
    if m is None:
        raise _no_stamp(src, "_rels/.rels har en ukendt form")
    p = m.group(1) or b""
    ids = set(re.findall(rb'\sId\s*=\s*["\']([^"\']*)', xml))
    rid = b"rIdMaalscore"
    n = 1
    while rid in ids:
        n += 1
        rid = b"rIdMaalscore" + str(n).encode()
    new = b"<" + p + b'Relationship Id="' + rid + b'" Type="' + _CUSTOM_REL.encode()
    new += b'" Target="' + CUSTOM_PART.encode() + b'"/>'
    return xml[: m.start()] + new + xml[m.start() :]


# ---------------------------------------------------------------------------------------------
# Workbook part: make Excel recalculate on open

_AFTER_CALC = (
    b"oleSize",
    b"customWorkbookViews",
    b"pivotCaches",
    b"smartTagPr",
    b"smartTagTypes",
    b"webPublishing",
    b"fileRecoveryPr",
    b"webPublishObjects",
    b"extLst",
)


def set_full_calc_on_load(xml: bytes) -> bytes:
    """Set `fullCalcOnLoad="1"` on `<calcPr>`, adding the element where the schema puts it, so
    formulas that depend on the written cells are recalculated when Excel opens the file."""
    root = re.search(rb"<([A-Za-z_][\w.-]*:)?workbook(?=[\s/>])", xml)
    p = (root.group(1) or b"") if root else b""
    found = element(xml, p, b"calcPr", 0, len(xml))
    if found:
        return set_attr(xml, found[0], b"fullCalcOnLoad", b"1")
    at = _insert_point(xml, p)
    return xml[:at] + b"<" + p + b'calcPr fullCalcOnLoad="1"/>' + xml[at:]


def _insert_point(xml: bytes, p: bytes) -> int:
    positions = []
    for name in _AFTER_CALC:
        m = re.search(b"<" + re.escape(p + name) + rb"(?=[\s/>])", xml)
        if m:
            positions.append(m.start())
    close = xml.rfind(b"</" + p + b"workbook>")
    return min(positions, default=close if close >= 0 else len(xml))


# ---------------------------------------------------------------------------------------------
# Commit: temp file, read back, atomic replace


def _commit(src: Path, target: Path, plan: _Plan, backup: bool) -> None:
    """Temp file in the destination folder → fsync → read back → keep the previous version
    (hard link, else copy) → atomic rename. A failure or a kill at any point leaves the
    destination either as it was or completely written, and never a temp file behind (a
    killed process can leave `.<name>.maalscore-<host>-<pid>-….tmp`, which the next run
    removes, see `calc.xlsx.filelock`). A file that is replaced keeps its permissions and,
    where the platform allows, its owner and group."""
    folder = target.parent
    filelock.remove_stale_temps(target, (folder, backup_path(target).parent))
    try:
        fd, tmp = filelock.temp_file(target, folder)
    except OSError as exc:
        raise _io_error(target, exc) from exc
    try:
        with os.fdopen(fd, "wb") as out:
            ooxml.rewrite_zip(src, out, plan.parts, plan.added)
            out.flush()
            os.fsync(out.fileno())
        _keep_mode_and_owner(tmp, target if target.exists() else src, target.exists())
        _verify(tmp, src, plan)
        if backup and target.exists():
            _keep_previous(target)
        os.replace(tmp, target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise _io_error(target, exc) from exc
    except WorkbookReadError as exc:
        tmp.unlink(missing_ok=True)
        raise WriteBackError(str(exc)) from exc
    except (zipfile.BadZipFile, EOFError, ValueError, RuntimeError, zlib.error) as exc:
        tmp.unlink(missing_ok=True)  # a damaged member that is copied, not read, shows here
        raise WriteBackError(
            f"Filen «{src.name}» er beskadiget ({exc}) og kan ikke skrives sikkert; den er ikke "
            "ændret. Prøv at åbne den i Excel og gemme den igen."
        ) from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _sync_folder(folder)


def _keep_mode_and_owner(tmp: Path, model: Path, replacing: bool) -> None:
    """Give the new file the permissions of the file it replaces (of the source, for a new
    file), and the replaced file's owner and group where the platform lets us (as root, and
    the group when we are a member); a new owner is refused earlier (`_refuse_target`)."""
    st = model.stat()
    os.chmod(tmp, stat.S_IMODE(st.st_mode) & 0o777)
    if not replacing or not hasattr(os, "chown"):
        return
    now = tmp.stat()
    if (now.st_uid, now.st_gid) == (st.st_uid, st.st_gid):
        return
    try:
        os.chown(tmp, st.st_uid, st.st_gid)
    except PermissionError:
        with contextlib.suppress(PermissionError):
            os.chown(tmp, -1, st.st_gid)
    if tmp.stat().st_uid != st.st_uid:
        raise WriteBackError(
            f"Filens ejer kan ikke bevares, så «{model.name}» er ikke erstattet; intet er skrevet."
        )


def _keep_previous(target: Path) -> None:
    """Keep the file about to be replaced as `.maalscore-backup/<name>` (atomically too)."""
    dest = backup_path(target)
    dest.parent.mkdir(exist_ok=True)
    with contextlib.suppress(OSError):
        if os.path.samefile(target, dest):
            return  # the backup already is this very version (a hard link to it)
    fd, tmp = filelock.temp_file(target, dest.parent)
    try:
        os.close(fd)
        try:
            linked = tmp.with_name(tmp.name[: -len(".tmp")] + "-link.tmp")
            os.link(target, linked)  # the old file's data stays where it is: nothing is copied
            os.replace(linked, tmp)
        except OSError:
            shutil.copy2(target, tmp)
        os.replace(tmp, dest)
    finally:
        tmp.unlink(missing_ok=True)


def _io_error(target: Path, exc: OSError) -> WriteBackError:
    unchanged = "Den oprindelige fil er uændret, og intet er skrevet."
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return WriteBackError(
            f"Disken er fuld, så «{target.name}» kunne ikke gemmes. {unchanged} "
            "Frigør plads på disken (eller skriv til en anden mappe med --ud) og prøv igen."
        )
    if exc.errno == errno.EROFS:
        return WriteBackError(
            f"Mappen «{target.parent}» ligger på et skrivebeskyttet drev, så «{target.name}» "
            f"kunne ikke gemmes. {unchanged} Skriv til en anden mappe med --ud."
        )
    if isinstance(exc, PermissionError) or exc.errno in (errno.EACCES, errno.EPERM):
        return WriteBackError(
            f"Målscore har ikke lov til at skrive «{target.name}» i mappen «{target.parent}» "
            f"(mappen eller filen er skrivebeskyttet, eller filen er åben i Excel). {unchanged} "
            "Luk filen i Excel, eller skriv til en anden mappe med --ud, og prøv igen."
        )
    return WriteBackError(
        f"Filen «{target.name}» kunne ikke gemmes ({exc.strerror or exc}). Er den åben i Excel? "
        f"Luk den og prøv igen. {unchanged}"
    )


def _sync_folder(folder: Path) -> None:
    """Make the rename durable where the platform allows it (not on Windows)."""
    with contextlib.suppress(OSError, AttributeError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _verify(tmp: Path, src: Path, plan: _Plan) -> None:
    """Read the written file back: the entry list, every rewritten or added part in full (so
    its CRC is checked), every copied part byte for byte against the original (without
    inflating it: a million-row sheet costs a comparison, not a decompression), the written
    values and the custom properties."""
    rewritten = set(plan.parts) | set(plan.added)
    try:
        with zipfile.ZipFile(tmp) as written, zipfile.ZipFile(src) as original:
            names = original.namelist() + list(plan.added)
            if written.namelist() != names:
                raise _verify_error(src, "delen fortegnelsen er forkert")
            for name in rewritten:
                written.read(name)  # raises BadZipFile on a CRC mismatch
            if ooxml.first_altered_copy(src, tmp, rewritten) is not None:
                # Not a verbatim copy: the zipfile fallback recompresses; compare contents.
                for name in original.namelist():
                    if name not in rewritten and written.read(name) != original.read(name):
                        raise _verify_error(src, f"delen {name} er forkert")
            grids = read_grids(written, list(plan.expected), dates=False)
            props = ooxml.read_custom_properties(written) if plan.properties else {}
            shown, _ = looks.read_looks(written, plan.looks)
    except (MaalscoreError, *ooxml.READ_ERRORS) as exc:
        raise _verify_error(src, str(exc)) from exc
    for sheet, cells in plan.expected.items():
        grid = next(g for g in grids if g.name == sheet)
        for (r, c), want in cells.items():
            got = grid.value(r, c)
            if got != want or type(got) is not type(want):
                raise _verify_error(src, f"{sheet}!{a1(r, c)} blev {got!r}, ikke {want!r}")
    for sheet, planned in plan.looks.items():
        for pos, look in planned.items():
            if shown.get(sheet, {}).get(pos) != look:
                raise _verify_error(src, f"{sheet}!{a1(*pos)} fik ikke det planlagte talformat")
    for key, value in plan.properties.items():
        if props.get(key) != value:
            raise _verify_error(src, f"egenskaben {key} blev ikke gemt rigtigt")


def _verify_error(src: Path, detail: str) -> WriteBackError:
    return WriteBackError(
        f"Kontrollen af den skrevne fil mislykkedes ({detail}); «{src.name}» er ikke ændret."
    )
