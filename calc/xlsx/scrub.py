"""Text that emptied cells leave behind in the shared-string table, emptied too.

Excel keeps a workbook's text once, in `xl/sharedStrings.xml`, and a text cell only points at
its entry. Emptying cells by the lossless write-back removes the pointers, not the text: a copy
"without pay" made from a workbook Excel saved would still carry the director's name, title
and the departement's written reason for withholding pay, readable by anyone who unzips it.

`orphaned_strings(before, after)` finds the entries that cells in `before` used and no cell in
`after` uses any more; `blank_strings` writes the file again with exactly those entries
emptied (`<si><t/></si>`, so every other entry keeps its index) and every other member copied
byte for byte. A string still used by any other cell, anywhere in the workbook, is kept.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from calc.xlsx import ooxml

# A cell that holds a shared string: <c … t="s" …><v>12</v> (any prefix, any attribute order).
_SHARED_CELL = re.compile(rb'<(?:[\w.-]+:)?c\b[^>]*?\st="s"[^>]*>\s*<(?:[\w.-]+:)?v>\s*(\d+)\s*<')
# One entry of the table: <si>…</si> or <si/> (any prefix).
_ENTRY = re.compile(rb"<((?:[\w.-]+:)?si)\b[^>]*?(?:/>|>.*?</\1>)", re.S)


def used_strings(path: Path) -> tuple[str | None, set[int]]:
    """The shared-string part of the workbook, and the indices its cells point at."""
    with ooxml.open_zip(path) as zf:
        info = ooxml.read_workbook_info(zf)
        members = set(zf.namelist())
        used: set[int] = set()
        for sheet in info.sheets:
            if sheet.part in members:
                used.update(int(m) for m in _SHARED_CELL.findall(zf.read(sheet.part)))
        return info.shared_strings, used


def orphaned_strings(before: Path, after: Path) -> set[int]:
    """Entries that a cell of `before` used and no cell of `after` uses."""
    _, old = used_strings(before)
    _, new = used_strings(after)
    return old - new


def blank_strings(src: Path, dst: Path, indices: set[int]) -> int:
    """Write `src` to `dst` with the shared strings at `indices` emptied; how many were."""
    part, _ = used_strings(src)
    with zipfile.ZipFile(src) as zf:
        xml = zf.read(part) if part is not None and indices else b""
    if not xml:
        dst.write_bytes(src.read_bytes())
        return 0
    blanked = 0
    pieces: list[bytes] = []
    last = 0
    for i, m in enumerate(_ENTRY.finditer(xml)):
        if i in indices:
            tag = m.group(1)
            prefix = tag[: -len(b"si")]
            pieces += [xml[last : m.start()], b"<%s><%st/></%s>" % (tag, prefix, tag)]
            last = m.end()
            blanked += 1
    pieces.append(xml[last:])
    assert part is not None
    with dst.open("wb") as out:
        ooxml.rewrite_zip(src, out, {part: b"".join(pieces)})
    return blanked
