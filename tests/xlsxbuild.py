"""Build small xlsx files by hand for reader and write-back tests.

Writing the XML directly (rather than through openpyxl) lets a test control exactly what a
producer put in the file: styles, shared formulas, missing attributes, odd prefixes.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from pathlib import Path
from xml.sax.saxutils import escape

from calc.xlsx import ooxml

MAIN = ooxml.MAIN_NS
REL = ooxml.REL_NS

STYLES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="{MAIN}">
<numFmts count="5">
 <numFmt numFmtId="164" formatCode="0.0%"/>
 <numFmt numFmtId="165" formatCode="[$-406]d\\.\\ mmmm\\ yyyy"/>
 <numFmt numFmtId="166" formatCode="0&quot; dage&quot;"/>
 <numFmt numFmtId="167" formatCode="[Red]0.00;[Blue]-0.00"/>
 <numFmt numFmtId="168" formatCode="0&quot; %&quot;"/>
</numFmts>
<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>
<cellXfs count="9">
 <xf numFmtId="0"/><xf numFmtId="9"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/>
 <xf numFmtId="166"/><xf numFmtId="167"/><xf numFmtId="22"/><xf numFmtId="168"/>
</cellXfs>
</styleSheet>"""

# Style indices in STYLES.
GENERAL, PCT, DATE, PCT1, DA_DATE, DAYS, COLOURED, DATETIME, QUOTED_PCT = range(9)


def sheet_xml(rows: str, head: str = "", tail: str = "") -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="{MAIN}" '
        f'xmlns:r="{REL}">{head}<sheetData>{rows}</sheetData>{tail}</worksheet>'
    )


def build_xlsx(
    path: Path,
    sheets: dict[str, str],
    strings: list[str] | None = None,
    styles: str = STYLES,
    workbook_extra: str = '<calcPr calcId="191029"/>',
    workbook_pr: str = "<workbookPr/>",
) -> Path:
    """A minimal but valid package from raw sheet XML, for tests that need exact XML."""
    ct = "application/vnd.openxmlformats-officedocument.spreadsheetml"
    overrides = "".join(
        f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="{ct}.worksheet+xml"/>'
        for i in range(1, len(sheets) + 1)
    )
    sheet_list = "".join(
        f'<sheet name="{name}" sheetId="{i}" r:id="rId{i}"/>'
        for i, name in enumerate(sheets, start=1)
    )
    rels = "".join(
        f'<Relationship Id="rId{i}" Type="{REL}/worksheet" Target="worksheets/sheet{i}.xml"/>'
        for i in range(1, len(sheets) + 1)
    )
    n = len(sheets)
    rels += f'<Relationship Id="rId{n + 1}" Type="{REL}/styles" Target="/xl/styles.xml"/>'
    rels += f'<Relationship Id="rId{n + 2}" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/>'
    sst = "".join(s if s.startswith("<si>") else f"<si><t>{s}</t></si>" for s in strings or [])
    pkg = "http://schemas.openxmlformats.org/package/2006"
    parts = {
        "[Content_Types].xml": f'<Types xmlns="{pkg}/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/xl/workbook.xml" ContentType="{ct}.sheet.main+xml"/>'
        f'<Override PartName="/xl/styles.xml" ContentType="{ct}.styles+xml"/>'
        f'<Override PartName="/xl/sharedStrings.xml" ContentType="{ct}.sharedStrings+xml"/>'
        f"{overrides}</Types>",
        "_rels/.rels": f'<Relationships xmlns="{pkg}/relationships"><Relationship Id="rId1" '
        f'Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": f'<workbook xmlns="{MAIN}" xmlns:r="{REL}">{workbook_pr}'
        f"<sheets>{sheet_list}</sheets>{workbook_extra}</workbook>",
        "xl/_rels/workbook.xml.rels": f'<Relationships xmlns="{pkg}/relationships">{rels}'
        "</Relationships>",
        "xl/styles.xml": styles,
        "xl/sharedStrings.xml": f'<sst xmlns="{MAIN}">{sst}</sst>',
    }
    for i, xml in enumerate(sheets.values(), start=1):
        parts[f"xl/worksheets/sheet{i}.xml"] = xml
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, text in parts.items():
            zf.writestr(name, text)
    return path


def c(
    ref: str, v: str | None = None, *, t: str = "", s: int = 0, f: str = "", inner: str = ""
) -> str:
    """One `<c>` element."""
    attrs = f' r="{ref}"' + (f' s="{s}"' if s else "") + (f' t="{t}"' if t else "")
    body = (f"<f>{f}</f>" if f else "") + (f"<v>{v}</v>" if v is not None else "") + inner
    return f"<c{attrs}>{body}</c>" if body else f"<c{attrs}/>"


def row(r: int, *cells: str, attrs: str = "") -> str:
    return f'<row r="{r}"{attrs}>{"".join(cells)}</row>'


def one_sheet(tmp_path: Path, rows: str, **kw: object) -> Path:
    return build_xlsx(tmp_path / "t.xlsx", {"Mål": sheet_xml(rows)}, **kw)  # type: ignore[arg-type]


# ---------------------------------------------------------------------------------------------
# Changing an existing workbook the way a person (or a forger) would in Excel: test set-up only.


def rewrite_member(path: Path, member: str, change: Callable[[bytes], bytes]) -> None:
    """Replace one member of the package (zipfile re-writes the rest)."""
    with zipfile.ZipFile(path) as zin:
        items = [(info, zin.read(info)) for info in zin.infolist()]
    assert member in [i.filename for i, _ in items], member
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for info, data in items:
            zout.writestr(info, change(data) if info.filename == member else data)


def sheet_part(path: Path, sheet: str) -> str:
    with zipfile.ZipFile(path) as zf:
        info = ooxml.read_workbook_info(zf)
    return next(s.part for s in info.sheets if s.name == sheet)


def _styles(path: Path) -> bytes:
    with zipfile.ZipFile(path) as zf:
        return zf.read("xl/styles.xml")


def set_number_format(path: Path, sheet: str, cell: str, code: str) -> None:
    """Give one cell a custom number format, keeping its font, fill and border (a copy of its
    xf with a new numFmt), as Excel's Format Cells › Number › Custom does."""
    xml = _styles(path).decode("utf-8")
    ids = [int(i) for i in re.findall(r'numFmtId="(\d+)"', xml)]
    fmt_id = max([163, *ids]) + 1
    entry = f'<numFmt numFmtId="{fmt_id}" formatCode="{escape(code, {chr(34): "&quot;"})}"/>'
    if "<numFmts" in xml:
        xml = re.sub(r"</numFmts>", entry + "</numFmts>", xml)
    else:
        xml = re.sub(r"(<styleSheet[^>]*>)", r"\1<numFmts>" + entry + "</numFmts>", xml, count=1)
    cell_xfs = re.search(r"<cellXfs[^>]*>(.*?)</cellXfs>", xml, re.S)
    assert cell_xfs is not None
    xfs = re.findall(r"<xf\b[^>]*?(?:/>|>.*?</xf>)", cell_xfs.group(1), re.S)
    part = sheet_part(path, sheet)
    with zipfile.ZipFile(path) as zf:
        sheet_xml = zf.read(part).decode("utf-8")
    m = re.search(rf'<c r="{cell}"(?: s="(\d+)")?', sheet_xml)
    assert m is not None, cell
    base = xfs[int(m.group(1) or 0)]
    new = re.sub(r'numFmtId="\d+"', f'numFmtId="{fmt_id}"', base, count=1)
    new = new.replace("<xf ", '<xf applyNumberFormat="1" ', 1)
    xml = xml.replace("</cellXfs>", new + "</cellXfs>")
    xml = re.sub(r'<cellXfs count="\d+"', f'<cellXfs count="{len(xfs) + 1}"', xml)
    rewrite_member(path, "xl/styles.xml", lambda _: xml.encode("utf-8"))
    index = len(xfs)
    rewrite_member(
        path,
        part,
        lambda data: re.sub(
            rf'<c r="{cell}"(?: s="\d+")?'.encode(), f'<c r="{cell}" s="{index}"'.encode(), data
        ),
    )


def add_dxf(path: Path, inner: str) -> int:
    """Add a differential format (for a conditional format) to styles.xml; its dxfId."""
    xml = _styles(path).decode("utf-8")
    xml = re.sub(r"<dxfs([^>]*)/>", r"<dxfs\1></dxfs>", xml)
    if "<dxfs" not in xml:  # schema order: … cellStyles, dxfs, tableStyles, colors, extLst
        at = min(
            (i for tag in ("<tableStyles", "<colors", "<extLst") if (i := xml.find(tag)) >= 0),
            default=xml.rfind("</styleSheet>"),
        )
        xml = xml[:at] + "<dxfs></dxfs>" + xml[at:]
    n = len(re.findall(r"<dxf>", xml))
    xml = xml.replace("</dxfs>", f"<dxf>{inner}</dxf></dxfs>")
    rewrite_member(path, "xl/styles.xml", lambda _: xml.encode("utf-8"))
    return n


def add_to_sheet(path: Path, sheet: str, fragment: str, before: str) -> None:
    """Insert raw XML into a sheet before the first `before` (e.g. a conditional format)."""
    part = sheet_part(path, sheet)

    def change(data: bytes) -> bytes:
        at = data.find(before.encode())
        assert at >= 0, before
        return data[:at] + fragment.encode("utf-8") + data[at:]

    rewrite_member(path, part, change)
