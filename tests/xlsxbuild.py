"""Build small xlsx files by hand for reader and write-back tests.

Writing the XML directly (rather than through openpyxl) lets a test control exactly what a
producer put in the file: styles, shared formulas, missing attributes, odd prefixes.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

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
