"""Hostile workbooks that are small on disk and huge inside, built in a second or two.

A deflate stream flushed with Z_FULL_FLUSH starts afresh, so one compressed block repeated N
times is a valid stream of N copies of the block: a 2 GB part costs compressing 4 MB once
(and a CRC over the 2 GB). The zip is written by hand, since zipfile cannot store data it did
not compress itself.
"""

from __future__ import annotations

import os
import re
import struct
import subprocess
import sys
import time
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from tests.conftest import REPO, WORKBOOKS

EXAMPLE = WORKBOOKS / "eksempel-000-hjemrejsestyrelsen-2025.xlsx"
GOALS, CASES = "xl/worksheets/sheet2.xml", "xl/worksheets/sheet4.xml"


@dataclass(frozen=True)
class Member:
    name: str
    data: bytes  # raw deflate
    crc: int
    size: int


def deflated(data: bytes) -> Member:
    packer = zlib.compressobj(6, zlib.DEFLATED, -15)
    return Member("", packer.compress(data) + packer.flush(), zlib.crc32(data), len(data))


def repeated(head: bytes, block: bytes, times: int, tail: bytes) -> Member:
    """head + block × times + tail, deflated without compressing the block more than once."""
    packer = zlib.compressobj(6, zlib.DEFLATED, -15)
    first = packer.compress(head) + packer.flush(zlib.Z_FULL_FLUSH)
    again = zlib.compressobj(6, zlib.DEFLATED, -15)
    one = again.compress(block) + again.flush(zlib.Z_FULL_FLUSH)
    end = zlib.compressobj(6, zlib.DEFLATED, -15)
    last = end.compress(tail) + end.flush()
    crc = zlib.crc32(head)
    for _ in range(times):
        crc = zlib.crc32(block, crc)
    crc = zlib.crc32(tail, crc)
    return Member("", first + one * times + last, crc, len(head) + len(block) * times + len(tail))


def write_zip(path: Path, members: list[Member]) -> Path:
    directory = b""
    with path.open("wb") as out:
        for m in members:
            name = m.name.encode()
            offset = out.tell()
            out.write(
                struct.pack(
                    "<4s5H3L2H",
                    b"PK\x03\x04",
                    20,
                    0,
                    8,
                    0,
                    0x21,
                    m.crc,
                    len(m.data),
                    m.size,
                    len(name),
                    0,
                )
            )
            out.write(name + m.data)
            directory += struct.pack(
                "<4s6H3L5H2L", b"PK\x01\x02", 20, 20, 0, 8, 0, 0x21, m.crc, len(m.data), m.size,
                len(name), 0, 0, 0, 0, 0, offset,
            ) + name  # fmt: skip
        at = out.tell()
        out.write(directory)
        out.write(
            struct.pack(
                "<4s4H2LH", b"PK\x05\x06", 0, 0, len(members), len(members), len(directory), at, 0
            )
        )
    return path


def with_parts(example: Path, path: Path, replaced: dict[str, Member]) -> Path:
    """`example` with some parts replaced by (already deflated) members."""
    members = []
    with zipfile.ZipFile(example) as zf:
        for info in zf.infolist():
            if info.filename in replaced:
                m = replaced[info.filename]
                members.append(Member(info.filename, m.data, m.crc, m.size))
            else:
                d = deflated(zf.read(info))
                members.append(Member(info.filename, d.data, d.crc, d.size))
    return write_zip(path, members)


@dataclass(frozen=True)
class Run:
    code: int
    output: str
    seconds: float
    peak_mb: float  # the process's own high-water resident set


# Runs `maalscore` and, at exit, writes the process's high-water RSS (VmHWM) to a file. Not
# wait4's ru_maxrss: on Linux that also counts the test process the child was forked from.
_PROBE = """
import atexit, os, sys
def _peak():
    with open("/proc/self/status") as fh:
        kb = next(int(l.split()[1]) for l in fh if l.startswith("VmHWM:"))
    with open(os.environ["MAALSCORE_PEAK_FILE"], "w") as out:
        out.write(str(kb))
atexit.register(_peak)
from calc.cli import main
sys.argv[0] = "maalscore"
sys.exit(main())
"""


def measured(*args: str, hang_guard: float = 180.0) -> Run:
    """`maalscore *args` in a fresh process: exit code, what it printed, wall time and peak
    memory. The timeout only guards against a hang."""
    import tempfile

    with tempfile.TemporaryDirectory() as scratch:
        peak_file = Path(scratch) / "peak"
        started = time.monotonic()
        run = subprocess.run(
            [sys.executable, "-c", _PROBE, *args],
            cwd=REPO,
            capture_output=True,
            timeout=hang_guard,
            env={
                **os.environ,
                "PYTHONDONTWRITEBYTECODE": "1",
                "MAALSCORE_PEAK_FILE": str(peak_file),
            },
        )
        seconds = time.monotonic() - started
        peak = int(peak_file.read_text()) / 1024 if peak_file.exists() else float("inf")
    output = (run.stdout + run.stderr).decode("utf-8", "replace")
    return Run(run.returncode, output, seconds, peak)


# ---------------------------------------------------------------------------------------------
# The hostile workbooks of finding 4 (also used by bench/)


def _part(name: str) -> bytes:
    with zipfile.ZipFile(EXAMPLE) as zf:
        return zf.read(name)


def goal_bomb(tmp_path: Path) -> Path:
    """The Mål sheet inflating to 2 GB (within the old ratio limit: the file is a few MB)."""
    xml = _part(GOALS)
    head, tail = xml[: xml.index(b"</sheetData>")], xml[xml.index(b"</sheetData>") :]
    rows = b"".join(
        f'<row r="{1000 + i}"><c r="A{1000 + i}"><v>{i % 50}</v></c>'
        f'<c r="B{1000 + i}" t="inlineStr"><is><t>x</t></is></c></row>'.encode()
        for i in range(200)
    )
    block = rows * (4 * 1024**2 // len(rows) + 1)
    part = repeated(head, block[: 4 * 1024**2], 2000 * 1024**2 // (4 * 1024**2), tail)
    assert part.size > 2_000_000_000 // 1.05 and part.size / len(part.data) < 1000
    return with_parts(EXAMPLE, tmp_path / "maal-bombe.xlsx", {GOALS: part})


def many_strings(tmp_path: Path) -> Path:
    """20 million shared strings in under a megabyte, and a Mål cell that uses one."""
    block = b"".join(b"<si><t>%d</t></si>" % (i % 1000) for i in range(1_000_000))
    sst = repeated(b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">',
                   block, 20, b"</sst>")  # fmt: skip
    goals = _part(GOALS)
    cell = re.search(rb'<c r="S3"[^>]*>.*?</c>', goals)
    assert cell is not None
    goals = goals.replace(cell.group(0), b'<c r="S3" t="s"><v>0</v></c>')
    path = with_parts(EXAMPLE, tmp_path / "strenge.xlsx", {GOALS: deflated(goals)})
    with zipfile.ZipFile(path) as zf:  # add the table and its relationship and content type
        items = [(i, zf.read(i)) for i in zf.infolist()]
    rels = next(d for i, d in items if i.filename == "xl/_rels/workbook.xml.rels")
    rels = rels.replace(
        b"</Relationships>",
        b'<Relationship Id="rIdSst" Type="http://schemas.openxmlformats.org/officeDocument/'
        b'2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
    )
    types = next(d for i, d in items if i.filename == "[Content_Types].xml")
    types = types.replace(
        b"</Types>",
        b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-'
        b'officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
    )
    replaced = {
        "xl/_rels/workbook.xml.rels": deflated(rels),
        "[Content_Types].xml": deflated(types),
    }
    members = [replaced.get(i.filename) or deflated(d) for i, d in items]
    names = [i.filename for i, _ in items]
    return write_zip(
        path,
        [Member(n, m.data, m.crc, m.size) for n, m in zip(names, members, strict=True)]
        + [Member("xl/sharedStrings.xml", sst.data, sst.crc, sst.size)],
    )


def far_cell(tmp_path: Path) -> Path:
    """A 3 MB Sagsdata (big enough for python-calamine) with one cell at XFD1048576."""
    xml = _part(CASES)
    end = xml.index(b"</sheetData>")
    filler = b"".join(
        f'<row r="{500 + i}"><c r="A{500 + i}"><v>{i}</v></c></row>'.encode() for i in range(60_000)
    )
    far = b'<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'
    return with_parts(
        EXAMPLE,
        tmp_path / "fjern-celle.xlsx",
        {CASES: deflated(xml[:end] + filler + far + xml[end:])},
    )


def largest_allowed(tmp_path: Path, columns: int = 10, rows: int = 1_048_576) -> Path:
    """The biggest Sagsdata the limits let python-calamine read: every row of the grid, ten
    columns of numbers (about 290 MB of sheet XML, 29 MB on disk). Not a valid case list
    (the dates are numbers): it is scored with errors, which is as much work."""
    xml = zipfile.ZipFile(EXAMPLE).read(CASES)
    head = xml[: xml.index(b"<sheetData>")] + b"<sheetData>"
    tail = xml[xml.index(b"</sheetData>") :]
    letters = [chr(65 + i) for i in range(columns)]
    names = ["Mål", "Sag", "Modtaget", "Afgjort", "Lokation", "Medtages", "Dage"]
    names += [f"X{i}" for i in range(columns)]
    header = '<row r="1">' + "".join(
        f'<c r="{col}1" t="inlineStr"><is><t>{name}</t></is></c>'
        for col, name in zip(letters, names, strict=False)
    )
    packer = zlib.compressobj(1, zlib.DEFLATED, -15)
    first = head + header.encode() + b"</row>"
    out, crc, size = [packer.compress(first)], zlib.crc32(first), len(first)
    for start in range(2, rows + 1, 20_000):
        chunk = "".join(
            f'<row r="{r}">'
            + "".join(f'<c r="{col}{r}"><v>1</v></c>' for col in letters)
            + "</row>"
            for r in range(start, min(start + 20_000, rows + 1))
        ).encode()
        out.append(packer.compress(chunk))
        crc, size = zlib.crc32(chunk, crc), size + len(chunk)
    out += [packer.compress(tail), packer.flush()]
    crc, size = zlib.crc32(tail, crc), size + len(tail)
    return with_parts(
        EXAMPLE, tmp_path / "stoerst-tilladte.xlsx", {CASES: Member("", b"".join(out), crc, size)}
    )
