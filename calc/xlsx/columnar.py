"""Case files of any size for a columnar engine: CSV, TSV, TXT and Parquet, read with Polars.

This module knows the file formats and nothing about goals. It opens a case file as a Polars
`LazyFrame` that is scanned in streaming batches (memory does not grow with the rows), with
every column a case column may be in, and `_row`, the 0-based sheet row of each record:

- **CSV/TSV/TXT** are read exactly as `bulk.read_csv_cases` reads them for the row-by-row
  path: the delimiter from the first line (`;`, tab or `,`), UTF-8 with or without BOM, else
  Windows-1252; every cell as text; a record is a row (a blank line is an empty row, a quoted
  line break stays in its cell), so a cell named `sager.csv!D7` is the cell Excel shows as D7.
  Polars reads only UTF-8: a Windows-1252 file is first copied to a UTF-8 temporary file,
  chunk by chunk (`CaseTable.close` removes it).
- **Parquet** columns keep their types (dates as dates, Dage as numbers) or are text; row 1
  holds the column names, so the first record is row 2, as in the sheet it would be.

Polars is imported inside the functions (the `warehouse` extra); `import calc` stays light.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import itertools
import os
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from calc.errors import WorkbookReadError
from calc.grid import CellValue, from_file_value

from .bulk import HEAD_ROWS, _delimiter

ENGINE_TYPES = (".csv", ".tsv", ".txt", ".parquet")
ENGINE_FROM = 2 * 1024 * 1024  # bytes: a smaller CSV is read by `bulk` (no Polars start-up)
CHUNK = 8 * 1024 * 1024
ROW = "_row"


def polars_available() -> bool:
    try:
        import polars  # noqa: F401
    except ImportError:  # pragma: no cover - polars comes with the [warehouse] extra
        return False
    return True


def wants_engine(path: Path) -> bool:
    """Whether a case file is read by the columnar engine: every Parquet file, and a CSV from
    `ENGINE_FROM` bytes on when Polars is installed."""
    suffix = path.suffix.lower()
    if suffix == ".parquet":
        return True
    if suffix not in ENGINE_TYPES or not polars_available():
        return False
    try:
        return path.stat().st_size >= ENGINE_FROM
    except OSError:
        return False


@dataclass
class CaseTable:
    """An open case file: its first rows as cells (to find the header row) and a lazy scan.

    `columns` are the engine's names of the file's columns, in order (`c0`, `c1`, … for a CSV;
    the names for a Parquet file); `head` the first `HEAD_ROWS` rows as the row-by-row reader
    gives them.
    """

    path: Path
    kind: str  # "csv" or "parquet"
    head: tuple[tuple[CellValue, ...], ...]
    columns: tuple[str, ...]
    source: Path
    delimiter: str = ";"
    temporary: Path | None = None
    digest: _Digest | None = field(default=None, repr=False)

    @property
    def first_index(self) -> int:
        """The sheet row of the file's first record (`ROW` of the scan's first row)."""
        return 1 if self.kind == "parquet" else 0

    def scan(self) -> Any:
        """A `polars.LazyFrame` of every column, each cell as in the file, with `_row`."""
        import polars as pl

        if self.kind == "parquet":
            lf = pl.scan_parquet(self.source, row_index_name=ROW, row_index_offset=1)
            return lf
        schema = {c: pl.String for c in self.columns}
        return pl.scan_csv(
            self.source,
            has_header=False,
            separator=self.delimiter,
            quote_char='"',
            schema=schema,
            infer_schema=False,
            truncate_ragged_lines=True,
            row_index_name=ROW,
            encoding="utf8",
            missing_columns="insert",
        )

    def estimated_rows(self) -> int:
        """The number of records: exact for Parquet (its metadata), for a CSV the file size
        over the mean record length of its first rows (enough to choose a query plan)."""
        if self.kind == "parquet":
            import polars as pl

            return int(pl.scan_parquet(self.source).select(pl.len()).collect().item())
        size = self.source.stat().st_size
        width = sum(len(self.delimiter.join(str(v or "") for v in r)) + 1 for r in self.head)
        return size // max(1, width // max(1, len(self.head)))

    def fingerprint(self) -> str:
        """SHA-256 of the file's bytes (computed alongside the scan, see `open_case_table`)."""
        if self.digest is None:
            self.digest = _Digest(self.path)
            self.digest.start()
        return self.digest.result()

    def close(self) -> None:
        if self.temporary is not None:
            self.temporary.unlink(missing_ok=True)
            self.temporary = None


class _Digest(threading.Thread):
    """The file's SHA-256 on the other core (hashlib releases the GIL on large buffers)."""

    def __init__(self, path: Path) -> None:
        super().__init__(daemon=True)
        self.path = path
        self.value = ""
        self.error: OSError | None = None

    def run(self) -> None:
        try:
            self.value = "sha256:" + file_sha256(self.path)
        except OSError as exc:
            self.error = exc

    def result(self) -> str:
        self.join()
        if self.error is not None:
            raise WorkbookReadError(
                f"Sagsdata-filen «{self.path.name}» kan ikke læses ({self.error})."
            )
        return self.value


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(CHUNK):
            h.update(chunk)
    return h.hexdigest()


def open_case_table(path: Path) -> CaseTable:
    """Open a case file for the engine; WorkbookReadError (Danish) when it cannot be read."""
    path = Path(path)
    if not polars_available():  # pragma: no cover - the [warehouse] extra is missing
        raise WorkbookReadError(
            f"Sagsdata-filen «{path.name}» kræver Polars (pip install 'maalscore[warehouse]')."
        )
    if not path.is_file():
        raise WorkbookReadError(f"Sagsdata-filen «{path}» findes ikke.")
    digest = _Digest(path)
    digest.start()
    try:
        table = _open_parquet(path) if path.suffix.lower() == ".parquet" else _open_csv(path)
    except OSError as exc:
        raise WorkbookReadError(f"Sagsdata-filen «{path.name}» kan ikke læses ({exc}).") from exc
    table.digest = digest
    return table


def _open_parquet(path: Path) -> CaseTable:
    import polars as pl

    try:
        lf = pl.scan_parquet(path)
        names = tuple(lf.collect_schema().names())
        first = lf.head(HEAD_ROWS - 1).collect().rows()
    except (pl.exceptions.PolarsError, OSError) as exc:
        raise WorkbookReadError(
            f"Sagsdata-filen «{path.name}» kan ikke læses som Parquet ({exc})."
        ) from exc
    head = (tuple(names),) + tuple(tuple(from_file_value(v) for v in row) for row in first)
    return CaseTable(path, "parquet", head, names, path)


def encoding_of(path: Path) -> str:
    """`utf-8-sig` (BOM), `utf-8`, or `cp1252` when the bytes are not UTF-8 — the same
    decision as `bulk._decode`, made chunk by chunk instead of on the whole file."""
    with open(path, "rb") as fh:
        start = fh.read(3)
        if start == codecs.BOM_UTF8:
            return "utf-8-sig"
        fh.seek(0)
        decoder = codecs.getincrementaldecoder("utf-8")()
        try:
            while chunk := fh.read(CHUNK):
                decoder.decode(chunk)  # ASCII decodes at memory speed
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            return "cp1252"
    return "utf-8"


def _head_records(path: Path, encoding: str, delimiter: str) -> list[list[str]]:
    with open(path, encoding=encoding, errors="replace", newline="") as fh:
        return list(itertools.islice(csv.reader(fh, delimiter=delimiter), HEAD_ROWS))


def _first_line(path: Path, encoding: str) -> str:
    with open(path, encoding=encoding, errors="replace", newline="") as fh:
        line = fh.readline()
    return line.split("\n", 1)[0]


def _open_csv(path: Path) -> CaseTable:
    encoding = encoding_of(path)
    delimiter = _delimiter(_first_line(path, encoding))
    records = _head_records(path, encoding, delimiter)
    width = max((len(r) for r in records), default=1)
    head = tuple(tuple(from_file_value(v) for v in r) for r in records)
    columns = tuple(f"c{i}" for i in range(max(width, 1)))
    source, temporary = path, None
    if encoding == "cp1252":
        temporary = _utf8_copy(path)
        source = temporary
    return CaseTable(path, "csv", head, columns, source, delimiter, temporary)


def _utf8_copy(path: Path) -> Path:
    """A UTF-8 copy of a Windows-1252 file in the temporary folder, written chunk by chunk
    (a single-byte encoding: chunks can be cut anywhere)."""
    fd, name = tempfile.mkstemp(prefix="maalscore-sager-", suffix=".csv")
    try:
        with open(path, "rb") as src, os.fdopen(fd, "wb") as dst:
            while chunk := src.read(CHUNK):
                dst.write(chunk.decode("cp1252", errors="replace").encode("utf-8"))
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise
    return Path(name)
