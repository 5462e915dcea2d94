"""Shared OOXML package internals for the reader and write-back.

Both sides must agree on what a file is, where each sheet lives and how a cell's style decides
whether a number is a date or a percentage, so that write-back can verify what it wrote with the
very code that reads it. Standard library only: the calculation core must not need openpyxl.
"""

from __future__ import annotations

import copy
import os
import posixpath
import re
import struct
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO
from xml.etree import ElementTree as ET

from calc.errors import WorkbookReadError

MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
STRICT_NS = "http://purl.oclc.org/ooxml/spreadsheetml/main"
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
STRICT_REL_NS = "http://purl.oclc.org/ooxml/officeDocument/relationships"

# A part larger than this, or one that inflates absurdly, is refused before it is read: a real
# goal workbook is far smaller, and a zip bomb would otherwise exhaust memory.
MAX_PART_SIZE = 2 * 1024**3
MAX_RATIO = 1000
RATIO_FLOOR = 100 * 1024**2
# A part read whole (workbook, relationships, styles, custom properties, a sheet write-back
# patches): real ones are kilobytes; parsed whole, tens of megabytes would cost a gigabyte.
MAX_WHOLE_PART = 32 * 1024**2
# Shared strings: a million-row case sheet in Excel holds a few million; far more is an attack
# (a 0.9 MB file can hold 20 million), refused before they are parsed.
MAX_SHARED_STRINGS = 4_000_000

# What reading a damaged or oddly encrypted member can raise.
READ_ERRORS = (zipfile.BadZipFile, OSError, EOFError, ValueError, RuntimeError, zlib.error)

# A DTD in a part can declare entities that expand exponentially ("billion laughs") or point
# outside the file; no OOXML producer writes one, so a part that holds one is refused unread.
_DTD_MARKERS = tuple(
    marker.encode(codec)
    for marker in ("<!DOCTYPE", "<!ENTITY")
    for codec in ("ascii", "utf-16-le", "utf-16-be")
)
_DTD_OVERLAP = max(len(m) for m in _DTD_MARKERS)

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"

DATE_BUILTINS = frozenset(range(14, 23)) | {45, 46, 47}
PERCENT_BUILTINS = frozenset({9, 10})

# Cell style kinds.
PLAIN, DATE, PERCENT = 0, 1, 2


@dataclass(frozen=True)
class SheetRef:
    """One entry of `<sheets>`: the sheet's name, its part inside the zip and what kind it is."""

    name: str
    part: str
    kind: str  # "worksheet", "chartsheet", "dialogsheet", "macrosheet" or "" when unknown
    state: str = "visible"  # or "hidden", "veryHidden"


@dataclass(frozen=True)
class WorkbookInfo:
    """What the workbook part says: where the sheets are, and how numbers are to be read."""

    part: str
    strict: bool
    date1904: bool
    sheets: tuple[SheetRef, ...]
    shared_strings: str | None
    styles: str | None


def local(tag: str) -> str:
    """`{ns}row` → `row`: namespace-agnostic matching also covers prefixed and strict files."""
    return tag.rpartition("}")[2]


def encrypted_message(path: Path) -> str:
    return (
        f"Filen «{path.name}» er beskyttet med adgangskode (krypteret). Åbn den i Excel, "
        "fjern adgangskoden (Filer › Info › Beskyt projektmappe) og gem den som .xlsx."
    )


def _ole_kind(path: Path) -> str:
    """What an OLE compound file holds: "encrypted" (an encrypted .xlsx), "xls" or ""."""
    with path.open("rb") as fh:
        head = fh.read(8 * 1024 * 1024)
    if "EncryptionInfo".encode("utf-16-le") in head or b"E\x00n\x00c\x00r\x00y\x00p\x00t" in head:
        return "encrypted"
    if "Workbook".encode("utf-16-le") in head or "Book".encode("utf-16-le") in head:
        return "xls"
    return ""


def _ole_message(path: Path) -> str:
    """Tell an encrypted workbook from an old .xls: both are OLE compound files."""
    kind = _ole_kind(path)
    if kind == "encrypted":
        return encrypted_message(path)
    if kind == "xls":
        return (
            f"Filen «{path.name}» er i det gamle Excel 97-2003-format (.xls). "
            "Åbn den i Excel og gem den som Excel-projektmappe (.xlsx)."
        )
    return (
        f"Filen «{path.name}» er enten beskyttet med adgangskode eller i det gamle .xls-format. "
        "Åbn den i Excel, fjern en eventuel adgangskode og gem den som .xlsx."
    )


def legacy_format(path: Path) -> str | None:
    """ "xls" or "xlsb" for a workbook that can be read for scoring but never written; else None.

    Anything else (an encrypted file, a damaged zip, a missing file) is None here and gets its
    own message from `check_magic` / `open_zip`."""
    try:
        with path.open("rb") as fh:
            head = fh.read(8)
        if head.startswith(OLE_MAGIC):
            return "xls" if _ole_kind(path) == "xls" else None
        if head.startswith(ZIP_MAGIC):
            with zipfile.ZipFile(path) as zf:
                names = {n.lower() for n in zf.namelist()}
            return "xlsb" if "xl/workbook.bin" in names else None
    except (OSError, zipfile.BadZipFile, ValueError):
        return None
    return None


def legacy_write_message(path: Path, kind: str) -> str:
    what = "Excel 97-2003 (.xls)" if kind == "xls" else "binær projektmappe (.xlsb)"
    return (
        f"Filen «{path.name}» er i formatet {what}. Målscore kan læse og beregne den, men "
        "skriver kun resultater i .xlsx-filer, så intet er skrevet: åbn den i Excel og gem som "
        ".xlsx (Filer › Gem som › Excel-projektmappe), og kør så igen."
    )


def check_magic(path: Path) -> None:
    """Refuse files that are not zip packages, with a message that says what they are instead."""
    try:
        with path.open("rb") as fh:
            head = fh.read(8)
    except FileNotFoundError:
        raise WorkbookReadError(f"Filen «{path}» findes ikke.") from None
    except OSError as exc:
        raise WorkbookReadError(f"Filen «{path}» kan ikke læses: {exc.strerror}.") from exc
    if head.startswith(OLE_MAGIC):
        raise WorkbookReadError(_ole_message(path))
    if not head.startswith(ZIP_MAGIC):
        raise WorkbookReadError(
            f"Filen «{path.name}» er ikke en Excel-projektmappe (.xlsx). "
            "Åbn den i Excel og gem den som .xlsx."
        )


def open_zip(path: Path) -> zipfile.ZipFile:
    """Open the package after checking it is one; a damaged zip gets a readable message."""
    path = Path(path)
    check_magic(path)
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise WorkbookReadError(
            f"Filen «{path.name}» er beskadiget eller ufuldstændig og kan ikke åbnes som .xlsx. "
            "Prøv at åbne den i Excel og gemme den igen."
        ) from exc
    names = set(zf.namelist())
    if "xl/workbook.bin" in names:
        zf.close()
        raise WorkbookReadError(
            f"Filen «{path.name}» er en binær projektmappe (.xlsb), som ikke understøttes. "
            "Åbn den i Excel og gem den som .xlsx."
        )
    return zf


def guard(zf: zipfile.ZipFile, name: str, limit: int = MAX_PART_SIZE) -> zipfile.ZipInfo:
    """The part's ZipInfo, refusing sizes that only a damaged file or a zip bomb would have
    (`limit`: the largest inflated size this use of the part can afford). The sizes come from
    the zip's directory; zipfile never inflates more than the size given there."""
    try:
        info = zf.getinfo(name)
    except KeyError:
        raise WorkbookReadError(f"Delen «{name}» mangler i projektmappen.") from None
    ratio = info.file_size / max(info.compress_size, 1)
    too_big = info.file_size > min(limit, MAX_PART_SIZE)
    if too_big or (ratio > MAX_RATIO and info.file_size > RATIO_FLOOR):
        raise WorkbookReadError(
            f"Delen «{name}» i projektmappen er urimeligt stor ({megabytes(info.file_size)} "
            f"udpakket; grænsen er {megabytes(min(limit, MAX_PART_SIZE))}) og læses ikke. "
            "Filen er sandsynligvis beskadiget eller lavet for at skade."
        )
    return info


def thousands(n: int) -> str:
    """1234567 → `1.234.567`, as Danish text writes it."""
    return f"{n:,}".replace(",", ".")


def megabytes(n: int) -> str:
    return f"{n / 1024**2:,.1f} MB".replace(",", "X").replace(".", ",").replace("X", ".")


def read_part(zf: zipfile.ZipFile, name: str) -> bytes:
    """The part's bytes after the size guard; damage inside the zip becomes WorkbookReadError."""
    guard(zf, name, MAX_WHOLE_PART)
    try:
        data = zf.read(name)
    except READ_ERRORS as exc:
        raise damaged(zf, name) from exc
    if b"!" in data and any(marker in data for marker in _DTD_MARKERS):
        raise _dtd_error(zf, name)
    return data


def open_part(zf: zipfile.ZipFile, name: str, limit: int = MAX_PART_SIZE) -> IO[bytes]:
    """A stream of the part after the size guard, for parsing large sheets without loading them.

    The stream refuses a DTD as it passes by, before the XML parser can act on it."""
    guard(zf, name, limit)
    return _NoDtd(zf.open(name), zf, name)  # type: ignore[return-value]


class _NoDtd:
    """A read-only stream that raises WorkbookReadError when a DTD marker goes through it."""

    def __init__(self, raw: IO[bytes], zf: zipfile.ZipFile, name: str) -> None:
        self._raw = raw
        self._zf = zf
        self._name = name
        self._tail = b""

    def read(self, size: int = -1) -> bytes:
        chunk = self._raw.read(size)
        window = self._tail + chunk
        # `!` is rare in sheet XML: one fast search usually spares the six marker searches.
        if b"!" in window and any(marker in window for marker in _DTD_MARKERS):
            raise _dtd_error(self._zf, self._name)
        self._tail = window[-_DTD_OVERLAP:]
        return chunk

    def close(self) -> None:
        self._raw.close()

    def __enter__(self) -> _NoDtd:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _dtd_error(zf: zipfile.ZipFile, name: str) -> WorkbookReadError:
    file = Path(str(zf.filename)).name
    return WorkbookReadError(
        f"Filen «{file}» indeholder en DTD/entitetserklæring (<!DOCTYPE> eller <!ENTITY>) i "
        f"delen «{name}». Det skriver Excel aldrig, og Målscore læser den ikke af "
        "sikkerhedshensyn. Åbn filen i Excel og gem den igen, eller få en ny fil fra afsenderen."
    )


def damaged(zf: zipfile.ZipFile, name: str) -> WorkbookReadError:
    file = Path(str(zf.filename)).name
    return WorkbookReadError(
        f"Filen «{file}» er beskadiget (delen «{name}» kan ikke pakkes ud). "
        "Prøv at åbne den i Excel og gemme den igen."
    )


def parse_xml(zf: zipfile.ZipFile, name: str) -> ET.Element:
    """Parse a small part (workbook, rels, styles) in one go."""
    data = read_part(zf, name)
    try:
        return ET.fromstring(data)
    except ET.ParseError as exc:
        raise damaged(zf, name) from exc


def find_member(zf: zipfile.ZipFile, name: str) -> str | None:
    """The zip member for a part name, tolerating producers that differ in letter case."""
    names = zf.namelist()
    if name in names:
        return name
    lowered = name.lower()
    return next((n for n in names if n.lower() == lowered), None)


def resolve_target(base_part: str, target: str) -> str:
    """A relationship target → zip member name; absolute targets start at the package root."""
    target = target.replace("\\", "/")
    if target.startswith("/"):
        return posixpath.normpath(target.lstrip("/"))
    folder = posixpath.dirname(base_part)
    return posixpath.normpath(posixpath.join(folder, target))


def rels_part(part: str) -> str:
    folder, file = posixpath.split(part)
    return posixpath.join(folder, "_rels", file + ".rels")


def read_rels(zf: zipfile.ZipFile, part: str) -> dict[str, tuple[str, str]]:
    """Relationship id → (type suffix, target member) for a part; external targets are skipped."""
    member = find_member(zf, rels_part(part))
    if member is None:
        return {}
    out: dict[str, tuple[str, str]] = {}
    for el in parse_xml(zf, member):
        if local(el.tag) != "Relationship" or el.get("TargetMode") == "External":
            continue
        kind = el.get("Type", "").rpartition("/")[2]
        out[el.get("Id", "")] = (kind, resolve_target(part, el.get("Target", "")))
    return out


def workbook_part(zf: zipfile.ZipFile) -> str:
    """The main workbook part, found through the package relationships as the standard says."""
    for kind, target in read_rels(zf, "").values():
        if kind == "officeDocument":
            member = find_member(zf, target)
            if member is not None:
                return member
    member = find_member(zf, "xl/workbook.xml")
    if member is None:
        file = Path(str(zf.filename)).name
        raise WorkbookReadError(
            f"Filen «{file}» mangler projektmappens hoveddel (xl/workbook.xml) og er ikke en "
            "gyldig .xlsx. Prøv at åbne den i Excel og gemme den igen."
        )
    return member


def _rel_id(el: ET.Element) -> str:
    for key, value in el.attrib.items():
        if key.startswith("{") and local(key) == "id":
            return value
    return ""


def _sheet_refs(
    zf: zipfile.ZipFile, root: ET.Element, rels: dict[str, tuple[str, str]]
) -> tuple[SheetRef, ...]:
    refs: list[SheetRef] = []
    for el in root.iter():
        if local(el.tag) != "sheet":
            continue
        kind, target = rels.get(_rel_id(el), ("", ""))
        member = find_member(zf, target) if target else None
        state = el.get("state") or "visible"
        refs.append(SheetRef(el.get("name", ""), member or target, kind, state))
    return tuple(refs)


def read_workbook_info(zf: zipfile.ZipFile) -> WorkbookInfo:
    """Parse the workbook part: sheets in workbook order, date system, strings and styles."""
    part = workbook_part(zf)
    root = parse_xml(zf, part)
    rels = read_rels(zf, part)
    date1904 = any(
        local(el.tag) == "workbookPr" and el.get("date1904", "0").lower() in ("1", "true")
        for el in root.iter()
    )
    return WorkbookInfo(
        part=part,
        strict=root.tag.startswith("{" + STRICT_NS + "}"),
        date1904=date1904,
        sheets=_sheet_refs(zf, root, rels),
        shared_strings=_rel_member(zf, rels, "sharedStrings"),
        styles=_rel_member(zf, rels, "styles"),
    )


def custom_properties_member(zf: zipfile.ZipFile) -> str | None:
    """The custom properties part the package relationships point at, if any."""
    for kind, target in read_rels(zf, "").values():
        if kind == "custom-properties":
            return find_member(zf, target)
    return None


def read_custom_properties(zf: zipfile.ZipFile) -> dict[str, str]:
    """Custom document properties as name → text (numbers and dates as written)."""
    member = custom_properties_member(zf)
    if member is None:
        return {}
    out: dict[str, str] = {}
    for el in parse_xml(zf, member):
        if local(el.tag) == "property" and len(el):
            out[el.get("name", "")] = "".join(el[0].itertext())
    return out


def _rel_member(zf: zipfile.ZipFile, rels: dict[str, tuple[str, str]], kind: str) -> str | None:
    for rel_kind, target in rels.values():
        if rel_kind == kind:
            return find_member(zf, target)
    return None


# ---------------------------------------------------------------------------------------------
# Shared strings and styles


_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")


def unescape_text(text: str) -> str:
    """Undo Excel's `_x000B_` escapes for characters XML 1.0 cannot hold. Excel escapes UTF-16
    code units, so an escaped emoji is two surrogates (`_xD83D__xDE00_`): a pair becomes the
    character, and a surrogate without its partner (not a character at all) U+FFFD."""
    if "_x" not in text:
        return text
    out = _ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text)
    if any("\ud800" <= ch <= "\udfff" for ch in out):
        out = out.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    return out


def string_item_text(si: ET.Element) -> str:
    """Text of an `<si>` or `<is>`: plain `<t>` or rich-text runs; phonetic guides are skipped."""
    parts: list[str] = []
    for child in si:
        name = local(child.tag)
        if name == "t":
            parts.append(child.text or "")
        elif name == "r":
            parts.extend(t.text or "" for t in child if local(t.tag) == "t")
    return unescape_text("".join(parts))


def read_shared_strings(
    zf: zipfile.ZipFile, member: str | None, wanted: Iterable[int] | None = None
) -> dict[int, str]:
    """The shared strings (index → text), all of them or only the `wanted` indices.

    The table is counted first, fast (`count_shared_strings`), and refused beyond
    MAX_SHARED_STRINGS; then parsed, streamed, only as far as the last index wanted — the
    small sheets use a few hundred strings, however many a big case sheet adds."""
    if member is None:
        return {}
    want = None if wanted is None else set(wanted)
    if want is not None and not want:
        return {}
    n = check_shared_strings(zf, member)
    last = max(want) if want is not None else n - 1
    out: dict[int, str] = {}
    index = 0
    try:
        with open_part(zf, member) as fh:
            for _event, el in ET.iterparse(fh, events=("end",)):
                if local(el.tag) != "si":
                    continue
                if want is None or index in want:
                    out[index] = string_item_text(el)
                el.clear()
                index += 1
                if index > last:
                    break
    except (ET.ParseError, *READ_ERRORS) as exc:
        raise damaged(zf, member) from exc
    return out


_SST_ROOT = re.compile(rb"<([A-Za-z_][\w.-]*:)?sst(?=[\s/>])")


def check_shared_strings(zf: zipfile.ZipFile, member: str) -> int:
    """How many shared strings there are; WorkbookReadError beyond MAX_SHARED_STRINGS."""
    n = count_shared_strings(zf, member)
    if n > MAX_SHARED_STRINGS:
        file = Path(str(zf.filename)).name
        raise WorkbookReadError(
            f"Filen «{file}» har {thousands(n)} delte tekster (sharedStrings), langt flere end "
            "en projektmappe med en million sager har (grænsen er "
            f"{thousands(MAX_SHARED_STRINGS)}), og læses ikke. Filen er sandsynligvis beskadiget "
            "eller lavet for at skade."
        )
    return n


def count_shared_strings(zf: zipfile.ZipFile, member: str) -> int:
    """How many `<si>` the table holds at most, counted in the bytes (no elements are built):
    items cannot nest and `<` cannot stand unescaped in text, so each item has its start tag
    (a comment or CDATA section could only add false ones)."""
    count = 0
    data = b""
    tags: tuple[bytes, ...] = ()
    try:
        with open_part(zf, member) as fh:
            while chunk := fh.read(1 << 22):
                data += chunk
                if not tags:
                    root = _SST_ROOT.search(data)
                    if root is None and len(data) < 1 << 16:
                        continue
                    prefix = (root.group(1) or b"") if root else b""
                    tags = (b"<" + prefix + b"si",)  # `<si>`, `<si/>`, `<si …>`: at most more
                # Count the whole tags; keep the bytes that may begin one cut by the chunk.
                count += data.count(tags[0])
                data = data[-(len(tags[0]) - 1) :]
    except READ_ERRORS as exc:
        raise damaged(zf, member) from exc
    return count


_QUOTED = re.compile(r'"[^"]*"|\[[^\]]*\]|\\.|_.|\*.')


def format_kind(code: str) -> int:
    """Classify a custom number format: DATE if it shows d/m/y/h/s, PERCENT if it shows %.

    Quoted text, [bracketed] colour/locale/condition parts and escaped characters are ignored,
    because `0 "dage"` or `[Red]0` must not be mistaken for dates.
    """
    bare = _QUOTED.sub("", code)
    if re.search(r"[dmyhsDMYHS]", bare) and "general" not in bare.lower():
        return DATE
    if "%" in bare:
        return PERCENT
    return PLAIN


def builtin_kind(fmt_id: int) -> int:
    if fmt_id in DATE_BUILTINS:
        return DATE
    if fmt_id in PERCENT_BUILTINS:
        return PERCENT
    return PLAIN


def read_style_kinds(zf: zipfile.ZipFile, member: str | None) -> list[int]:
    """For each cellXfs index, whether its number format is a date, a percentage or neither."""
    if member is None:
        return []
    root = parse_xml(zf, member)
    custom: dict[int, str] = {}
    kinds: list[int] = []
    for el in root:
        name = local(el.tag)
        if name == "numFmts":
            for fmt in el:
                custom[_int(fmt.get("numFmtId"))] = fmt.get("formatCode", "")
        elif name == "cellXfs":
            for xf in el:
                fmt_id = _int(xf.get("numFmtId"))
                code = custom.get(fmt_id)
                kinds.append(format_kind(code) if code is not None else builtin_kind(fmt_id))
    return kinds


def _int(text: str | None) -> int:
    return int_attr(text, bad=0)


def int_attr(text: str | None, *, bad: int = -1) -> int:
    """An integer attribute (`s`, `numFmtId`, …): absent is 0, unreadable is `bad`."""
    try:
        return int(text or 0)
    except ValueError:
        return bad


# ---------------------------------------------------------------------------------------------
# Rewriting a package with a few parts replaced

_EOCD = struct.Struct("<4s4H2LH")
_CDIR = struct.Struct("<4s6H3L5H2L")
_LOCAL = struct.Struct("<4s5H3L2H")
_UTF8_FLAG = 0x800
_LIMIT32 = 0xFFFFFFFF


class _NotPlain(Exception):
    """The zip uses something the verbatim copier does not handle (zip64, prefixed data, …)."""


@dataclass(frozen=True)
class _Entry:
    name: str
    header: bytes  # the central directory record, name/extra/comment included
    offset: int
    flags: int
    csize: int


def rewrite_zip(
    src: Path, out: IO[bytes], parts: dict[str, bytes], added: dict[str, bytes] | None = None
) -> None:
    """Write `src` to `out` with the members in `parts` replaced (deflated afresh) and the
    members in `added` appended after the others.

    Unchanged members are copied verbatim: local header, compressed data and data descriptor,
    so their bytes and cost do not depend on how large they are, and the central directory is
    rebuilt from the original records with only the offsets changed. Zip64 archives, archives
    with data before the first member or spanning disks, and members whose local header does
    not match the directory fall back to re-compressing every member with zipfile; their
    uncompressed contents stay identical either way. Members with encryption flags also take
    that path, where zipfile cannot decrypt them, so such a file is refused.
    """
    added = added or {}
    with src.open("rb") as fh:
        try:
            entries, comment = _central_directory(fh)
            _copy_members(fh, out, entries, parts, comment, added)
            return
        except _NotPlain:
            out.seek(0)
            out.truncate()
    _recompress(src, out, parts, added)


# A fixed time stamp for added members (1 January 1980, the zip epoch), so that writing the
# same results twice gives the same bytes.
_ADDED_DATE, _ADDED_TIME = (0 << 9) | (1 << 5) | 1, 0


def _central_directory(fh: IO[bytes]) -> tuple[list[_Entry], bytes]:
    size = fh.seek(0, os.SEEK_END)
    tail_start = max(0, size - 22 - 65535)
    fh.seek(tail_start)
    tail = fh.read()
    at = tail.rfind(b"PK\x05\x06")
    if at < 0 or at + 22 > len(tail):
        raise _NotPlain("no end record")
    _sig, disk, cd_disk, n_disk, n_total, cd_size, cd_offset, n_comment = _EOCD.unpack_from(
        tail, at
    )
    plain = disk == cd_disk == 0 and n_disk == n_total and tail[at - 20 : at - 16] != b"PK\x06\x07"
    if not plain or cd_offset + cd_size != tail_start + at or _LIMIT32 in (cd_size, cd_offset):
        raise _NotPlain("zip64, multi-disk or prefixed archive")
    fh.seek(cd_offset)
    directory = fh.read(cd_size)
    entries = list(_parse_directory(directory, n_total))
    return entries, tail[at + 22 : at + 22 + n_comment]


def _parse_directory(directory: bytes, count: int) -> Iterator[_Entry]:
    pos = 0
    for _ in range(count):
        fields = _CDIR.unpack_from(directory, pos)
        if fields[0] != b"PK\x01\x02":
            raise _NotPlain("bad central directory")
        flags, csize, usize = fields[3], fields[8], fields[9]
        n_name, n_extra, n_comment, offset = fields[10], fields[11], fields[12], fields[16]
        end = pos + _CDIR.size + n_name + n_extra + n_comment
        raw_name = directory[pos + _CDIR.size : pos + _CDIR.size + n_name]
        if flags & 0x41 or _LIMIT32 in (csize, usize, offset):
            raise _NotPlain("encrypted or zip64 member")
        name = raw_name.decode("utf-8" if flags & _UTF8_FLAG else "cp437")
        yield _Entry(name, directory[pos:end], offset, flags, csize)
        pos = end


def _copy_members(
    fh: IO[bytes],
    out: IO[bytes],
    entries: list[_Entry],
    parts: dict[str, bytes],
    comment: bytes,
    added: dict[str, bytes],
) -> None:
    directory = bytearray()
    for entry in entries:
        offset = out.tell()
        if offset > _LIMIT32:
            raise _NotPlain("output needs zip64")
        if entry.name in parts:
            directory += _write_new(out, entry, parts[entry.name], offset)
        else:
            _copy_range(fh, out, entry.offset, _member_length(fh, entry))
            directory += entry.header[:42] + struct.pack("<L", offset) + entry.header[46:]
    for name, data in added.items():
        offset = out.tell()
        if offset > _LIMIT32:
            raise _NotPlain("output needs zip64")
        directory += _write_new(out, _added_entry(name), data, offset)
    cd_offset = out.tell()
    out.write(directory)
    n = len(entries) + len(added)
    if n > 0xFFFF or cd_offset > _LIMIT32:
        raise _NotPlain("output needs zip64")
    out.write(_EOCD.pack(b"PK\x05\x06", 0, 0, n, n, len(directory), cd_offset, len(comment)))
    out.write(comment)


def _member_length(fh: IO[bytes], entry: _Entry) -> int:
    """Local header + data + optional data descriptor, as they lie in the source."""
    fh.seek(entry.offset)
    local_header = fh.read(_LOCAL.size)
    if len(local_header) < _LOCAL.size:
        raise _NotPlain("truncated member")
    fields = _LOCAL.unpack(local_header)
    n_name: int = fields[9]
    n_extra: int = fields[10]
    if fields[0] != b"PK\x03\x04" or fh.read(n_name) != entry.header[46 : 46 + n_name]:
        raise _NotPlain("local header does not match")
    length = _LOCAL.size + n_name + n_extra + entry.csize
    if entry.flags & 0x08:
        fh.seek(entry.offset + length)
        length += 16 if fh.read(4) == b"PK\x07\x08" else 12
    return length


def first_altered_copy(src: Path, written: Path, rewritten: set[str]) -> str | None:
    """The first member outside `rewritten` whose stored bytes differ between `src` and
    `written`, or None when every copied member is the same to the byte.

    This proves a verbatim copy without inflating anything, so checking a write costs the same
    whether the untouched members hold a kilobyte or a million rows. The directory record must
    match too (apart from the offset), and so must the local header, data and descriptor.
    """
    with src.open("rb") as a, written.open("rb") as b:
        try:
            old, _ = _central_directory(a)
            new = {e.name: e for e in _central_directory(b)[0]}
        except _NotPlain:
            return "fortegnelsen"
        for entry in old:
            if entry.name in rewritten:
                continue
            copy = new.get(entry.name)
            if copy is None or entry.header[:42] + entry.header[46:] != (
                copy.header[:42] + copy.header[46:]
            ):
                return entry.name
            try:
                length = _member_length(a, entry)
                if _member_length(b, copy) != length or not _same_range(
                    a, b, entry.offset, copy.offset, length
                ):
                    return entry.name
            except _NotPlain:
                return entry.name
    return None


def _same_range(a: IO[bytes], b: IO[bytes], start_a: int, start_b: int, length: int) -> bool:
    done = 0
    while done < length:
        n = min(length - done, 1 << 20)
        a.seek(start_a + done)
        b.seek(start_b + done)
        if a.read(n) != b.read(n):
            return False
        done += n
    return True


def _copy_range(fh: IO[bytes], out: IO[bytes], start: int, length: int) -> None:
    fh.seek(start)
    while length > 0:
        chunk = fh.read(min(length, 1 << 20))
        if not chunk:
            raise _NotPlain("truncated member")
        out.write(chunk)
        length -= len(chunk)


def _added_entry(name: str) -> _Entry:
    """A directory record template for a new member: deflated, fixed time, UTF-8 name."""
    raw = name.encode("utf-8")
    flags = 0 if raw.isascii() else _UTF8_FLAG
    header = _CDIR.pack(
        b"PK\x01\x02",
        20,
        20,
        flags,
        8,
        _ADDED_TIME,
        _ADDED_DATE,
        0,
        0,
        0,
        len(raw),
        0,
        0,
        0,
        0,
        0,
        0,
    )
    return _Entry(name, header + raw, 0, flags, 0)


def _write_new(out: IO[bytes], entry: _Entry, data: bytes, offset: int) -> bytes:
    """Write a replaced member (deflated, sizes in the local header) and return its record."""
    packer = zlib.compressobj(6, zlib.DEFLATED, -15)
    packed = packer.compress(data) + packer.flush()
    crc = zlib.crc32(data)
    old = _CDIR.unpack_from(entry.header, 0)
    flags = entry.flags & _UTF8_FLAG
    name = entry.header[46 : 46 + old[10]]
    out.write(
        _LOCAL.pack(
            b"PK\x03\x04", 20, flags, 8, old[5], old[6], crc, len(packed), len(data), len(name), 0
        )
    )
    out.write(name)
    out.write(packed)
    fixed = _CDIR.pack(
        old[0],
        old[1],
        max(old[2], 20),
        flags,
        8,
        old[5],
        old[6],
        crc,
        len(packed),
        len(data),
        old[10],
        old[11],
        old[12],
        0,
        old[14],
        old[15],
        offset,
    )
    return fixed + entry.header[_CDIR.size :]


def _recompress(
    src: Path, out: IO[bytes], parts: dict[str, bytes], added: dict[str, bytes]
) -> None:
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(out, "w") as zout:
        for info in zin.infolist():
            try:
                data = parts[info.filename] if info.filename in parts else zin.read(info)
            except RuntimeError as exc:  # an encrypted member
                raise WorkbookReadError(
                    f"Filen «{src.name}» indeholder krypterede dele og kan ikke skrives."
                ) from exc
            zout.writestr(copy.copy(info), data, compress_type=info.compress_type)
        for name, data in added.items():
            new = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            zout.writestr(new, data, compress_type=zipfile.ZIP_DEFLATED)
