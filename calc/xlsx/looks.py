"""What a cell looks like beyond its value: the number formats a program may show it with, whether
it is hidden, and the conditional formats that reach it.

Write-back records this for every result cell in the integrity stamp, and `tjek` compares it
with the file as it is now, because a right value under a lying format (`;;;"Opfyldt"`) shows a
wrong result. Standard library only; nothing here knows about goals — callers name the cells.

Where a cell's number format comes from: its `s` attribute indexes `<cellXfs>` in styles.xml,
whose `numFmtId` is a built-in or one of `<numFmts>`. When that xf says
`applyNumberFormat="0"`, a program may take the format of its parent cell style
(`<cellStyleXfs>`, through `xfId`) instead, so both count. Conditional formats
(`<conditionalFormatting>` and the x14 ones inside `<extLst>`) can replace the number format
through a differential format (`<dxf><numFmt>`), and data bars and icon sets can hide the value.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from xml.etree import ElementTree as ET

from calc.grid import Pos
from calc.xlsx import numfmt, ooxml
from calc.xlsx.reader import range_positions, split_ref

_TRUE = ("1", "true")


@dataclass(frozen=True)
class Xf:
    """One `<xf>` of `<cellXfs>`: its number format, its parent cell style, and whether it says
    its number format applies (None: the attribute is absent)."""

    num_fmt: int
    parent: int | None
    apply: bool | None


@dataclass(frozen=True)
class Styles:
    """The parts of styles.xml that decide how a number is shown."""

    custom: tuple[tuple[int, str], ...] = ()
    cell_xfs: tuple[Xf, ...] = ()
    style_xfs: tuple[int, ...] = ()
    dxf_codes: tuple[str | None, ...] = ()
    present: bool = False  # False: the workbook has no styles part (every cell is General)

    def code(self, fmt_id: int) -> str:
        return numfmt.code_for(fmt_id, dict(self.custom))

    def cell_codes(self, s: int) -> tuple[str, ...]:
        """The format codes a program may show a cell of style `s` with."""
        if not self.present:
            return (numfmt.GENERAL,)
        if not 0 <= s < len(self.cell_xfs):
            return (f"[ukendt talformat: typografi {s} findes ikke]",)
        xf = self.cell_xfs[s]
        codes = [self.code(xf.num_fmt)]
        parent = xf.parent
        if xf.apply is False and parent is not None and 0 <= parent < len(self.style_xfs):
            inherited = self.code(self.style_xfs[parent])
            if inherited != codes[0]:
                codes.append(inherited)
        return tuple(codes)


def parse_styles(xml: bytes | None) -> Styles:
    """styles.xml → Styles (None: no styles part)."""
    if xml is None:
        return Styles()
    root = ET.fromstring(xml)
    custom: dict[int, str] = {}
    cell_xfs: list[Xf] = []
    style_xfs: list[int] = []
    dxf_codes: list[str | None] = []
    for el in root:
        name = ooxml.local(el.tag)
        if name == "numFmts":
            for fmt in el:
                custom[ooxml.int_attr(fmt.get("numFmtId"))] = fmt.get("formatCode", "")
        elif name == "cellXfs":
            for xf in el:
                parent = xf.get("xfId")
                apply = xf.get("applyNumberFormat")
                cell_xfs.append(
                    Xf(
                        ooxml.int_attr(xf.get("numFmtId")),
                        ooxml.int_attr(parent) if parent is not None else None,
                        None if apply is None else apply.strip().lower() in _TRUE,
                    )
                )
        elif name == "cellStyleXfs":
            style_xfs.extend(ooxml.int_attr(xf.get("numFmtId")) for xf in el)
        elif name == "dxfs":
            dxf_codes.extend(_dxf_code(dxf) for dxf in el)
    return Styles(
        tuple(sorted(custom.items())), tuple(cell_xfs), tuple(style_xfs), tuple(dxf_codes), True
    )


def _dxf_code(dxf: ET.Element) -> str | None:
    for child in dxf:
        if ooxml.local(child.tag) == "numFmt":
            return child.get("formatCode") or numfmt.code_for(
                ooxml.int_attr(child.get("numFmtId")), {}
            )
    return None


@dataclass(frozen=True)
class Conditional:
    """A conditional format rule that reaches a cell."""

    kind: str  # the rule's type: cellIs, expression, dataBar, iconSet, …
    code: str | None  # the number format its differential format applies, if any
    shows_value: bool = True  # False: a data bar or icon set drawn instead of the value

    def text(self) -> str:
        return f"{self.kind}:{self.code or ''}:{int(self.shows_value)}"


@dataclass(frozen=True)
class Look:
    """How a cell is shown, apart from its value."""

    codes: tuple[str, ...] = (numfmt.GENERAL,)
    hidden: bool = False
    conditional: tuple[Conditional, ...] = ()

    def text(self) -> str:
        """A canonical description, for the stamp's fingerprint."""
        out = "fmt=" + "\x1f".join(self.codes)
        if self.hidden:
            out += "\x1eskjult"
        for rule in sorted(c.text() for c in self.conditional):
            out += "\x1ecf=" + rule
        return out

    def misleading(self, value: object) -> str | None:
        """Why the cell can show something other than `value` (Danish), or None."""
        if value is None or value == "":
            return None
        for code in self.codes:
            why = numfmt.misleading(code, value)
            if why:
                return f"talformatet «{code}»: {why}"
        for rule in self.conditional:
            if not rule.shows_value:
                return f"betinget formatering ({rule.kind}) viser et symbol i stedet for værdien"
            why = numfmt.misleading(rule.code, value) if rule.code else None
            if why:
                return f"betinget formatering med talformatet «{rule.code}»: {why}"
        return None


@dataclass
class _Walk:
    """Facts collected while streaming one sheet."""

    wanted: set[Pos]
    styles: Styles
    style_of: dict[Pos, int]
    hidden_rows: set[int]
    cols: list[tuple[int, int, bool]]
    rules: list[tuple[list[Pos], Conditional]]
    rows_hidden_by_default: bool = False
    cols_hidden_by_default: bool = False


def sheet_looks(xml: bytes, styles: Styles, positions: Iterable[Pos]) -> dict[Pos, Look]:
    """The look of each of `positions` in a worksheet's XML (a small sheet: parsed in full)."""
    walk = _Walk(set(positions), styles, {}, set(), [], [])
    _stream(io.BytesIO(xml), walk)
    out: dict[Pos, Look] = {}
    for pos in walk.wanted:
        r, c = pos
        hidden = r in walk.hidden_rows or _col_hidden(walk, c)
        rules = tuple(rule for cells, rule in walk.rules if pos in cells)
        out[pos] = Look(styles.cell_codes(walk.style_of.get(pos, 0)), hidden, rules)
    return out


def _col_hidden(walk: _Walk, c: int) -> bool:
    for lo, hi, hidden in walk.cols:
        if lo <= c + 1 <= hi:
            return hidden
    return walk.cols_hidden_by_default


def _stream(fh: io.BytesIO, walk: _Walk) -> None:
    row, col = -1, -1
    row_hidden = False
    for event, el in ET.iterparse(fh, events=("start", "end")):
        name = ooxml.local(el.tag)
        if event == "start":
            if name == "row":
                r = el.get("r")
                row = int(r) - 1 if r and r.isdigit() else row + 1
                col = -1
                row_hidden = _row_hidden(el, walk.rows_hidden_by_default)
                if row_hidden:
                    walk.hidden_rows.add(row)
            elif name == "c":
                ref = el.get("r")
                col = split_ref(ref)[1] if ref else col + 1
                if (row, col) in walk.wanted:
                    walk.style_of[(row, col)] = ooxml.int_attr(el.get("s"))
            elif name == "sheetFormatPr":
                walk.rows_hidden_by_default = el.get("zeroHeight", "").lower() in _TRUE
                walk.cols_hidden_by_default = _zero(el.get("defaultColWidth"))
            elif name == "col":
                hidden = el.get("hidden", "").lower() in _TRUE or _zero(el.get("width"))
                walk.cols.append(
                    (ooxml.int_attr(el.get("min")), ooxml.int_attr(el.get("max")), hidden)
                )
            continue
        if name == "row":
            el.clear()
        elif name == "conditionalFormatting":
            _conditional(el, walk)
            el.clear()


def _row_hidden(el: ET.Element, by_default: bool) -> bool:
    if el.get("hidden", "").lower() in _TRUE:
        return True
    if _zero(el.get("ht")):
        return True
    custom = el.get("customHeight", "").lower() in _TRUE
    return by_default and el.get("hidden") is None and not custom


def _zero(text: str | None) -> bool:
    try:
        return text is not None and float(text) == 0
    except ValueError:
        return False


def _conditional(el: ET.Element, walk: _Walk) -> None:
    """A `<conditionalFormatting>` (main: `sqref` attribute, rules with `dxfId`; x14: an
    `<xm:sqref>` child, rules with an inline `<x14:dxf>`)."""
    sqref = el.get("sqref") or ""
    for child in el:
        if ooxml.local(child.tag) == "sqref":
            sqref = child.text or ""
    cells = [p for part in sqref.split() for p in _range(part) if p in walk.wanted]
    if not cells:
        return
    for rule in el:
        if ooxml.local(rule.tag) != "cfRule":
            continue
        code: str | None = None
        dxf_id = rule.get("dxfId")
        if dxf_id is not None and 0 <= ooxml.int_attr(dxf_id) < len(walk.styles.dxf_codes):
            code = walk.styles.dxf_codes[ooxml.int_attr(dxf_id)]
        shows = True
        for part in rule:
            name = ooxml.local(part.tag)
            if name == "dxf":
                code = _dxf_code(part) or code
            elif name in ("dataBar", "iconSet") and part.get("showValue", "1").lower() in (
                "0",
                "false",
            ):
                shows = False
        walk.rules.append((cells, Conditional(rule.get("type", ""), code, shows)))


def _range(ref: str) -> list[Pos]:
    try:
        return range_positions(ref.replace("$", ""))
    except ValueError:
        return []


# ---------------------------------------------------------------------------------------------
# Reading from a package


def read_styles(zf: zipfile.ZipFile, info: ooxml.WorkbookInfo) -> Styles:
    if info.styles is None:
        return Styles()
    try:
        return parse_styles(ooxml.read_part(zf, info.styles))
    except ET.ParseError as exc:
        raise ooxml.damaged(zf, info.styles) from exc


def read_looks(
    zf: zipfile.ZipFile, wanted: Mapping[str, Iterable[Pos]]
) -> tuple[dict[str, dict[Pos, Look]], dict[str, str]]:
    """The looks of the `wanted` cells of each named sheet, and each such sheet's state
    (`visible`, `hidden`, `veryHidden`). A sheet that is not there is left out."""
    info = ooxml.read_workbook_info(zf)
    styles = read_styles(zf, info)
    looks: dict[str, dict[Pos, Look]] = {}
    states: dict[str, str] = {}
    for ref in info.sheets:
        if ref.name not in wanted or not ref.part:
            continue
        xml = ooxml.read_part(zf, ref.part)
        try:
            looks[ref.name] = sheet_looks(xml, styles, wanted[ref.name])
        except (ET.ParseError, ValueError) as exc:
            raise ooxml.damaged(zf, ref.part) from exc
        states[ref.name] = ref.state
    return looks, states
