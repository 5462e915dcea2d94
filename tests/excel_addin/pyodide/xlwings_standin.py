"""A minimal stand-in for the `xlwings` module inside Pyodide, for the Lite test only.

It offers exactly what `main.py` (the `@script` decorator) and `excel_addin/glue.py` use, with
xlwings Lite's semantics: values are read synchronously from the data the client sent
(`used_range.options(...).value`), formulas and number formats are fetched with `await`
(`get_formula()`, `get_number_format()`: one format for the range, or None when it mixes
formats), and every change is recorded as an action in the form xlwings' remote engine
records it (`setValues`, `addSheet`, `sheetClearContents`, ...), so the test can replay the
actions with `tests/excel_addin/harness.apply_actions`.

The book is built from the JSON `tests/excel_addin/harness.book_json` makes of a workbook:
every sheet's values (dates as ISO text, as Office.js sends them), its used range, and, under
`_maalscore_sim`, each cell's formula text and number format.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

__version__ = "stand-in"
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$")
_SIM = "_maalscore_sim"


def script(func: Any = None, **_options: Any) -> Any:
    """`@script` / `@script(...)`: xlwings Lite registers the function; here it is returned."""
    if func is None:
        return lambda f: f
    return func


def _value(v: Any) -> Any:
    if v == "":
        return None
    if isinstance(v, str) and _ISO.match(v):
        return datetime.strptime(v[:19], "%Y-%m-%dT%H:%M:%S")
    return v


class App:
    def __init__(self, book: Book) -> None:
        self._book = book
        self._calculation = "automatic"
        self._screen_updating = True

    @property
    def calculation(self) -> str:
        return self._calculation

    @calculation.setter
    def calculation(self, value: str) -> None:
        self._calculation = value
        self._book._record("setCalculation", [value.capitalize()])

    @property
    def screen_updating(self) -> bool:
        return self._screen_updating

    @screen_updating.setter
    def screen_updating(self, value: bool) -> None:
        self._screen_updating = value
        self._book._record("setScreenUpdating", [value])

    def alert(
        self,
        prompt: str,
        title: str = "",
        buttons: str = "ok",
        mode: str = "info",
        callback: str = "",
    ) -> None:
        self._book._record("alert", [prompt, title, buttons, mode, callback])


class Range:
    def __init__(self, sheet: Sheet, r0: int, c0: int, r1: int, c1: int) -> None:
        self.sheet, self.r0, self.c0, self.r1, self.c1 = sheet, r0, c0, r1, c1
        self._ndim: int | None = None

    @property
    def row(self) -> int:
        return self.r0

    @property
    def column(self) -> int:
        return self.c0

    @property
    def shape(self) -> tuple[int, int]:
        return self.r1 - self.r0 + 1, self.c1 - self.c0 + 1

    def options(self, ndim: int | None = None, **_kw: Any) -> Range:
        out = Range(self.sheet, self.r0, self.c0, self.r1, self.c1)
        out._ndim = ndim
        return out

    def _block(self, grid: list[list[Any]], empty: Any) -> list[list[Any]]:
        rows = []
        for r in range(self.r0 - 1, self.r1):
            row = grid[r] if r < len(grid) else []
            rows.append([row[c] if c < len(row) else empty for c in range(self.c0 - 1, self.c1)])
        return rows

    @property
    def value(self) -> Any:
        rows = self._block(self.sheet._values, None)
        if self._ndim == 2:
            return rows
        if self.shape == (1, 1):
            return rows[0][0]
        return rows

    @value.setter
    def value(self, rows: Any) -> None:
        if not isinstance(rows, list):
            rows = [[rows]]
        grid = self.sheet._values
        for dr, row in enumerate(rows):
            r = self.r0 - 1 + dr
            while len(grid) <= r:
                grid.append([])
            for dc, v in enumerate(row):
                c = self.c0 - 1 + dc
                grid[r].extend([None] * (c + 1 - len(grid[r])))
                grid[r][c] = None if v == "" else v
        self.sheet.book._record(
            "setValues",
            [],
            sheet_position=self.sheet.index,
            start_row=self.r0 - 1,
            start_column=self.c0 - 1,
            values=rows,
        )

    async def get_formula(self) -> Any:
        block = self._block(self.sheet._formulas, "")
        return block[0][0] if self.shape == (1, 1) and self._ndim != 2 else block

    async def get_number_format(self) -> str | None:
        codes = {c for row in self._block(self.sheet._formats, "General") for c in row}
        return codes.pop() if len(codes) == 1 else None


class Sheet:
    def __init__(self, book: Book, data: dict[str, Any]) -> None:
        self.book = book
        self.name: str = data["name"]
        self._values = [[_value(v) for v in row] for row in data.get("values", [])]
        formulas, formats = data.get(_SIM, ([], []))
        self._formulas: list[list[Any]] = formulas
        self._formats: list[list[Any]] = formats
        address = data.get("used_range_address", "$A$1:$A$1")
        m = re.match(r"^\$([A-Z]+)\$(\d+):\$([A-Z]+)\$(\d+)$", address)
        assert m, address
        self._used = (int(m[2]), _col(m[1]), int(m[4]), _col(m[3]))

    @property
    def index(self) -> int:
        return self.book.sheets._sheets.index(self)

    @property
    def used_range(self) -> Range:
        return Range(self, *self._used)

    def range(self, first: tuple[int, int], last: tuple[int, int] | None = None) -> Range:
        last = last or first
        return Range(self, first[0], first[1], last[0], last[1])

    def clear_contents(self) -> None:
        self._values = []
        self.book._record("sheetClearContents", [], sheet_position=self.index)

    def activate(self) -> None:
        self.book._record("activateSheet", [self.index])


def _col(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n


class Sheets:
    def __init__(self, book: Book, sheets: list[Sheet]) -> None:
        self._book = book
        self._sheets = sheets
        self._active = 0

    def __iter__(self) -> Any:
        return iter(list(self._sheets))

    def __len__(self) -> int:
        return len(self._sheets)

    def __getitem__(self, key: int | str) -> Sheet:
        if isinstance(key, int):
            return self._sheets[key]
        for s in self._sheets:
            if s.name.lower() == key.lower():
                return s
        raise KeyError(key)

    @property
    def active(self) -> Sheet:
        return self._sheets[self._active]

    def add(self, name: str, before: Sheet | None = None, after: Sheet | None = None) -> Sheet:
        index = after.index + 1 if after is not None else (before.index if before else 0)
        sheet = Sheet(self._book, {"name": name, "values": [], "used_range_address": "$A$1:$A$1"})
        self._sheets.insert(index, sheet)
        self._book._record("addSheet", [index, name])
        return sheet


class Book:
    def __init__(self, json: dict[str, Any]) -> None:
        self.name: str = json["book"]["name"]
        self.actions: list[dict[str, Any]] = []
        self.sheets = Sheets(self, [])
        self.sheets._sheets.extend(Sheet(self, s) for s in json["sheets"])
        self.app = App(self)

    @property
    def fullname(self) -> str:
        """As in xlwings Lite (the remote engine): the name, there is no path."""
        return self.name

    def _record(self, func: str, args: list[Any], **extra: Any) -> None:
        self.actions.append({"func": func, "args": args, **extra})
