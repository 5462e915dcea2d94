"""Case data (Sagsdata) at any size: parsing columns and computing indicators without per-row work.

Parsing (`parse_case_columns`) gives exactly what the row-by-row reference in
`calc.parser._parse_cases_reference` gives, but a million rows cost a few C-speed passes over
each column instead of a Python loop over the rows. The trick is that a cell's meaning depends
only on its value: each column is *factorised* into its distinct values and a code per row; only
the distinct values are parsed (with the same `calc.values` functions), and everything per row
(masks, day counts from dates, grouping by goal) is numpy arithmetic on the codes. Problems are
still reported with their sheet and cell: the first `MAX_ISSUES_PER_COLUMN` cells of a column
one by one, then one issue with the count of the rest.

The indicators computed from the parsed cases live in `calc.indicators`, which never needs
numpy.

numpy is imported inside the functions, never at module import (`import calc` stays light).
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from . import values as V
from .errors import ERROR, WARNING, Issue, Severity
from .fmt import plain
from .grid import CellValue, ExcelError, Pos, a1, from_file_value
from .model import GoalCases

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    Codes = npt.NDArray[np.intp]
    Mask = npt.NDArray[np.bool_]

MAX_ISSUES_PER_COLUMN = 20

_NUMERIC = (int, float, Decimal)


def numpy_available() -> bool:
    try:
        import numpy  # noqa: F401
    except ImportError:  # pragma: no cover - numpy comes with the [fast] extra
        return False
    return True


# --- factorising a column ------------------------------------------------------------------


def factorize(
    column: Sequence[object] | Callable[[], Iterable[object]], n: int = -1
) -> tuple[Codes, list[object]]:
    """(codes, distinct values): `distinct[codes[i]]` is the i-th cell for every i.

    `column` is a sequence, or a function giving the cells afresh (so a column of a big sheet
    need not be copied out). One C-speed pass: a dict whose missing keys get the next code.
    Values that compare equal but mean different things in a cell (`True` and `1`, an Excel
    error and the same text) are kept apart.
    """
    import numpy as np

    cells: Callable[[], Iterable[object]] = column if callable(column) else (lambda: column)
    if n < 0:
        n = len(column)  # type: ignore[arg-type]
    index: defaultdict[object, int] = defaultdict(itertools.count().__next__)
    codes = np.fromiter(map(index.__getitem__, cells()), dtype=np.intp, count=n)
    distinct = list(index)
    if _may_collide(distinct) and _collide(set(map(type, cells()))):
        keyed: defaultdict[tuple[type, object], int] = defaultdict(itertools.count().__next__)
        keys = zip(map(type, cells()), cells(), strict=True)
        codes = np.fromiter(map(keyed.__getitem__, keys), dtype=np.intp, count=n)
        return codes, [v for _, v in keyed]
    return codes, distinct


def _may_collide(distinct: list[object]) -> bool:
    for v in distinct:
        if isinstance(v, bool | ExcelError):
            return True
        if isinstance(v, _NUMERIC) and v in (0, 1):
            return True
        if isinstance(v, str) and v.startswith("#"):
            return True
    return False


def _collide(kinds: set[type]) -> bool:
    numeric = any(issubclass(k, _NUMERIC) and k is not bool for k in kinds)
    return (bool in kinds and numeric) or (ExcelError in kinds and str in kinds)


# --- reading one distinct value --------------------------------------------------------------


def cell_text(v: CellValue) -> str:
    """The text of a cell, as `parser.Row.text` reads it."""
    if v is None:
        return ""
    if isinstance(v, Decimal):
        return plain(v)
    return str(v).strip()


@dataclass
class _Parsed:
    """A column's distinct values parsed: value per distinct value, and the problems."""

    values: list[object]
    problems: list[V.ValueProblem | None]

    def has_problem(self) -> list[bool]:
        return [p is not None for p in self.problems]


def _parse_distinct(
    distinct: list[object], parse: Callable[[CellValue], object], convert: bool
) -> _Parsed:
    out_values: list[object] = []
    problems: list[V.ValueProblem | None] = []
    for raw in distinct:
        v = from_file_value(raw) if convert else raw
        if V.is_blank(v):  # type: ignore[arg-type]
            out_values.append(None)
            problems.append(None)
            continue
        try:
            out_values.append(parse(v))  # type: ignore[arg-type]
            problems.append(None)
        except V.ValueProblem as p:
            out_values.append(None)
            problems.append(p)
    return _Parsed(out_values, problems)


def _as_date(v: CellValue) -> date | None:
    d = V.parse_case_date(v)
    return d.date() if isinstance(d, datetime) else d


# --- the table ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class CaseColumns:
    """Sagsdata column by column: `columns[key]` holds the column's cells for sheet rows
    `first_row`, `first_row + 1`, … (0-based sheet rows); `col_of[key]` is its 0-based column.

    `percent` and `formulas` are grid positions, as in `SheetGrid` (empty for a file read with
    python-calamine or a CSV, which do not tell them). `convert` says the cells come from
    python-calamine or a CSV (floats, '' for empty), not from a grid.
    """

    sheet: str
    first_row: int
    n_rows: int
    columns: Mapping[str, Sequence[object] | Callable[[], Iterable[object]]]
    col_of: dict[str, int]
    percent: frozenset[Pos] = frozenset()
    formulas: frozenset[Pos] = frozenset()
    convert: bool = False

    def column(self, key: str) -> tuple[Sequence[object] | Callable[[], Iterable[object]], int]:
        """The column's cells (a sequence or a function giving them) and their number."""
        col = self.columns.get(key)
        if col is None:
            return [None] * self.n_rows, self.n_rows
        if not callable(col) and len(col) < self.n_rows:
            return list(col) + [None] * (self.n_rows - len(col)), self.n_rows
        return col, self.n_rows


@dataclass(frozen=True)
class CaseCheck:
    """One kind of problem in case data: the column it is reported in, its severity, and the
    summary for the cells beyond the first `MAX_ISSUES_PER_COLUMN` (`{n}`: how many more)."""

    name: str
    key: str
    severity: Severity
    more_da: str
    more_sv: str


_UNREADABLE = (
    "Yderligere {n} celler i denne kolonne kan ikke læses (de første {m} er vist).",
    "Ytterligare {n} celler i denna kolumn kan inte läsas (de första {m} visas).",
)

# Every check on case data, in the order both the row-by-row reference
# (`calc.parser._parse_cases_reference`) and the column-wise path report them.
CASE_CHECKS: tuple[CaseCheck, ...] = (
    CaseCheck("included", "included", ERROR, *_UNREADABLE),
    CaseCheck("decided", "decided", ERROR, *_UNREADABLE),
    CaseCheck("days", "days", ERROR, *_UNREADABLE),
    CaseCheck(
        "negative",
        "days",
        ERROR,
        "Yderligere {n} sager i denne kolonne har negative Dage (de første {m} er vist).",
        "Ytterligare {n} ärenden i denna kolumn har negativa Dagar (de första {m} visas).",
    ),
    CaseCheck("received", "received", ERROR, *_UNREADABLE),
    CaseCheck(
        "inverted",
        "decided",
        ERROR,
        "Yderligere {n} sager i denne kolonne er afgjort, før de blev modtaget "
        "(de første {m} er vist).",
        "Ytterligare {n} ärenden i denna kolumn avgjordes innan de togs emot "
        "(de första {m} visas).",
    ),
    CaseCheck(
        "no_days",
        "days",
        WARNING,
        "Yderligere {n} sager har hverken Dage eller datoer og er ikke medregnet "
        "(de første {m} er vist).",
        "Ytterligare {n} ärenden har varken Dagar eller datum och är inte medräknade "
        "(de första {m} visas).",
    ),
    CaseCheck(
        "no_decided",
        "decided",
        WARNING,
        "Yderligere {n} sager har hverken Dage eller en Afgjort-dato og er ikke medregnet "
        "(de første {m} er vist).",
        "Ytterligare {n} ärenden har varken Dagar eller ett Avgjort-datum och är inte "
        "medräknade (de första {m} visas).",
    ),
    CaseCheck(
        "no_received",
        "received",
        WARNING,
        "Yderligere {n} sager har hverken Dage eller en Modtaget-dato og er ikke medregnet "
        "(de første {m} er vist).",
        "Ytterligare {n} ärenden har varken Dagar eller ett Mottaget-datum och är inte "
        "medräknade (de första {m} visas).",
    ),
)


def _case_label(case: str, lang: str) -> str:
    if lang == "sv":
        return f"Ärende {case}" if case else "Ärendet"
    return f"Sag {case}" if case else "Sagen"


def negative_days(days: Decimal, case: str) -> V.ValueProblem:
    """The problem for a case with negative Dage."""
    shown = plain(days)
    return V.ValueProblem(
        f"{_case_label(case, 'da')} har {shown} dage: Dage kan ikke være negativ. Ret tallet.",
        f"{_case_label(case, 'sv')} har {shown} dagar: Dagar kan inte vara negativt. Rätta talet.",
    )


def decided_before_received(decided: date, received: date, case: str) -> V.ValueProblem:
    """The problem for a case whose Afgjort lies before its Modtaget."""
    return V.ValueProblem(
        f"{_case_label(case, 'da')} er afgjort {decided:%d-%m-%Y}, før den blev modtaget "
        f"{received:%d-%m-%Y}. Ret datoerne.",
        f"{_case_label(case, 'sv')} avgjordes {decided:%Y-%m-%d}, innan det togs emot "
        f"{received:%Y-%m-%d}. Rätta datumen.",
    )


def without_days(goal: str, case: str, missing: str) -> V.ValueProblem:
    """The warning for a case left out because it has no day count (`missing`: what is empty
    — "days" (Dage and both dates), "decided" or "received")."""
    if missing == "days":
        return V.ValueProblem(
            f"{_case_label(case, 'da')} har hverken Dage eller datoer og er ikke medregnet i "
            f"mål {goal}.",
            f"{_case_label(case, 'sv')} har varken Dagar eller datum och är inte medräknat i "
            f"mål {goal}.",
        )
    da_what, sv_what = ("Afgjort", "Avgjort") if missing == "decided" else ("Modtaget", "Mottaget")
    return V.ValueProblem(
        f"{_case_label(case, 'da')} har hverken Dage eller en {da_what}-dato og er ikke "
        f"medregnet i mål {goal}.",
        f"{_case_label(case, 'sv')} har varken Dagar eller ett {sv_what}-datum och är inte "
        f"medräknat i mål {goal}.",
    )


def missing_date(decided_ok: bool, received_ok: bool, has_days_column: bool) -> str:
    """Which cell a case without a day count is named at: the Dage cell when it and both dates
    are empty, else the empty date (Afgjort first)."""
    if not decided_ok and not received_ok and has_days_column:
        return "days"
    return "decided" if not decided_ok else "received"


# A check's offending rows (0-based offsets from the first data row, ascending) and the
# problem of a row (asked only for the first `MAX_ISSUES_PER_COLUMN`).
Found = tuple[Sequence[int], Callable[[int], "V.ValueProblem | None"]]


def report_case_problems(
    sheet: str, lang: str, first_row: int, col_of: Mapping[str, int], found: Mapping[str, Found]
) -> list[Issue]:
    """Issues for every check in `CASE_CHECKS` order: each cell for the first
    `MAX_ISSUES_PER_COLUMN` rows of a check, then one issue with the count of the rest."""
    issues: list[Issue] = []
    for check in CASE_CHECKS:
        if check.name not in found:
            continue
        rows, problem_at = found[check.name]
        col = col_of.get(check.key, 0)
        for i in rows[:MAX_ISSUES_PER_COLUMN]:
            p = problem_at(i)
            if p is not None:
                issues.append(Issue(sheet, a1(first_row + i, col), check.severity, p.message(lang)))
        rest = len(rows) - MAX_ISSUES_PER_COLUMN
        if rest > 0:
            text = check.more_sv if lang == "sv" else check.more_da
            last = first_row + rows[-1]
            cell = f"{a1(first_row + rows[MAX_ISSUES_PER_COLUMN], col)}:{a1(last, col)}"
            message = text.format(n=rest, m=MAX_ISSUES_PER_COLUMN)
            issues.append(Issue(sheet, cell, check.severity, message))
    return issues


FORMULA_PROBLEM = V.ValueProblem(
    "Cellen indeholder en formel uden gemt resultat (filen er ikke gemt i Excel). "
    "Åbn og gem filen i Excel, eller skriv værdien.",
    "Cellen innehåller en formel utan sparat resultat (filen är inte sparad i "
    "Excel). Öppna och spara filen i Excel, eller skriv värdet.",
)
_FORMULA = FORMULA_PROBLEM


def parse_case_columns(table: CaseColumns, lang: str) -> tuple[list[GoalCases], list[Issue]]:
    """Sagsdata → one `GoalCases` per goal (in order of first appearance), with the problems.

    Exactly the rules of `calc.parser._parse_cases_reference`, row for row, and the same
    issues in the same order (`CASE_CHECKS`).
    """
    import numpy as np

    n = table.n_rows
    first = table.first_row
    found: dict[str, Found] = {}
    if n == 0:
        return [], []
    convert = table.convert

    def formula_rows(key: str, codes: Codes, distinct: list[object]) -> Mask:
        """Rows whose cell is a formula without a stored value (grids only)."""
        mask = np.zeros(n, dtype=bool)
        c = table.col_of.get(key)
        if c is None or not table.formulas:
            return mask
        for r, cc in table.formulas:
            i = r - first
            if cc == c and 0 <= i < n and distinct[codes[i]] is None:
                mask[i] = True
        return mask

    # Goal: rows without a goal are skipped altogether.
    g_codes, g_distinct = factorize(*table.column("goal"))
    texts = [cell_text(from_file_value(v) if convert else v) for v in g_distinct]  # type: ignore[arg-type]
    goal_index: dict[str, int] = {}
    g_of_distinct = np.array(
        [goal_index.setdefault(t, len(goal_index)) if t else -1 for t in texts], dtype=np.intp
    )
    row_goal = g_of_distinct[g_codes]
    has_goal = row_goal >= 0
    goal_ids = list(goal_index)

    def problems_mask(codes: Codes, parsed: _Parsed) -> Mask:
        return np.array(parsed.has_problem(), dtype=bool)[codes]

    def unreadable(name: str, rows_mask: Mask, codes: Codes, parsed: _Parsed, fmask: Mask) -> None:
        rows = np.flatnonzero(rows_mask & (problems_mask(codes, parsed) | fmask)).tolist()

        def problem_at(i: int) -> V.ValueProblem | None:
            return _FORMULA if fmask[i] else parsed.problems[codes[i]]

        if rows:
            found[name] = (rows, problem_at)

    def read_column(
        key: str, parse: Callable[[CellValue], object]
    ) -> tuple[Codes, list[object], _Parsed, Mask]:
        """Factorise a column, parse each distinct value once, and find its formula rows."""
        codes, distinct = factorize(*table.column(key))
        return (
            codes,
            distinct,
            _parse_distinct(distinct, parse, convert),
            formula_rows(key, codes, distinct),
        )

    def ordinals(parsed: _Parsed, codes: Codes) -> Any:
        """Each row's date as a day number, or -1 where there is no date."""
        days = [v.toordinal() if isinstance(v, date) else -1 for v in parsed.values]
        return np.array(days, dtype=np.int64)[codes]

    case_texts: list[str] | None = None
    c_codes: Codes | None = None

    def case_at(i: int) -> str:
        """The Sag cell of row i as text (the column is read only when a problem needs it)."""
        nonlocal case_texts, c_codes
        if case_texts is None or c_codes is None:
            c_codes, c_distinct = factorize(*table.column("case"))
            case_texts = [cell_text(from_file_value(v) if convert else v) for v in c_distinct]  # type: ignore[arg-type]
        return str(case_texts[c_codes[i]])

    # Medtages: `Nej` leaves the case out; `Som opfyldt` keeps it as within the deadline.
    i_codes, _, i_parsed, i_formula = read_column("included", V.parse_included)
    unreadable("included", has_goal, i_codes, i_parsed, i_formula)
    is_false = np.array([v is False for v in i_parsed.values], dtype=bool)[i_codes] & ~i_formula
    excluded = has_goal & is_false
    active = has_goal & ~excluded
    as_met = (
        np.array([v is V.AS_MET for v in i_parsed.values], dtype=bool)[i_codes] & ~i_formula
    ) & active

    # Afgjort.
    d_codes, _, d_parsed, d_formula = read_column("decided", _as_date)
    unreadable("decided", active, d_codes, d_parsed, d_formula)
    row_d_ord = ordinals(d_parsed, d_codes)
    row_d_ok = (row_d_ord >= 0) & ~d_formula

    # Dage, with percent-formatted cells read as fractions (grids only).
    k_codes, k_distinct, k_parsed, k_formula = read_column("days", V.parse_number)
    k_col = table.col_of.get("days")
    if k_col is not None and table.percent:
        k_codes = k_codes.copy()
        for r, c in sorted(table.percent):
            i = r - first
            if c != k_col or not 0 <= i < n or k_formula[i]:
                continue
            raw = k_distinct[k_codes[i]]
            k_codes[i] = len(k_parsed.values)
            k_distinct.append(raw)
            one = _parse_distinct([raw], lambda v: V.parse_number(v, percent_cell=True), convert)
            k_parsed.values += one.values
            k_parsed.problems += one.problems
    unreadable("days", active, k_codes, k_parsed, k_formula)
    k_given = np.array([v is not None for v in k_parsed.values], dtype=bool)[k_codes] & ~k_formula
    k_negative = np.array([isinstance(v, Decimal) and v < 0 for v in k_parsed.values], dtype=bool)[
        k_codes
    ]
    negative = active & k_given & k_negative
    if negative.any():
        found["negative"] = (
            np.flatnonzero(negative).tolist(),
            lambda i: negative_days(_decimal(k_parsed.values[k_codes[i]]), case_at(i)),
        )

    # Modtaget, read only where Dage is missing.
    need = active & ~k_given
    r_codes, _, r_parsed, r_formula = read_column("received", _as_date)
    unreadable("received", need, r_codes, r_parsed, r_formula)
    row_r_ord = ordinals(r_parsed, r_codes)
    row_r_ok = (row_r_ord >= 0) & ~r_formula
    from_dates = need & row_d_ok & row_r_ok
    inverted = from_dates & (row_d_ord < row_r_ord)
    if inverted.any():
        found["inverted"] = (
            np.flatnonzero(inverted).tolist(),
            lambda i: decided_before_received(
                date.fromordinal(int(row_d_ord[i])),
                date.fromordinal(int(row_r_ord[i])),
                case_at(i),
            ),
        )
    no_days = need & ~from_dates & ~as_met
    # received, not decided, no Dage (Som opfyldt cases are kept instead)
    still_open = need & ~row_d_ok & row_r_ok & ~as_met
    # A case left out for want of a day count is named, unless one of its cells is already an
    # error (which says more).
    bad = (
        problems_mask(k_codes, k_parsed)
        | k_formula
        | problems_mask(d_codes, d_parsed)
        | d_formula
        | problems_mask(r_codes, r_parsed)
        | r_formula
    )
    quiet = no_days & ~bad
    both_empty = ~row_d_ok & ~row_r_ok & ("days" in table.col_of)
    for name, mask in (
        ("no_days", quiet & both_empty),
        ("no_decided", quiet & ~row_d_ok & ~both_empty),
        ("no_received", quiet & row_d_ok),
    ):
        if mask.any():
            missing = name.removeprefix("no_")
            found[name] = (
                np.flatnonzero(mask).tolist(),
                lambda i, m=missing: without_days(goal_ids[row_goal[i]], case_at(i), m),  # type: ignore[misc]
            )
    kept = active & ~negative & ~inverted & (k_given | from_dates | as_met)

    # One table of day values: the distinct Dage, then the distinct date differences.
    day_table: list[Decimal | None] = [
        v if isinstance(v, Decimal) else None for v in k_parsed.values
    ]
    diffs = (row_d_ord - row_r_ord)[from_dates]
    distinct_diffs, diff_codes = _unique_ints(diffs)
    day_codes = k_codes.copy()
    day_codes[from_dates] = len(day_table) + diff_codes
    day_table += [Decimal(int(x)) for x in distinct_diffs.tolist()]
    # Som opfyldt without a day count: 0, never used (refused for day-based indicators).
    met_only = as_met & ~(k_given | from_dates)
    if met_only.any():
        day_codes[met_only] = len(day_table)
        day_table.append(Decimal(0))

    decided_table: list[date | None] = [v if isinstance(v, date) else None for v in d_parsed.values]
    decided_codes = d_codes
    if d_formula.any():
        decided_codes = d_codes.copy()
        decided_codes[d_formula] = len(decided_table)
        decided_table.append(None)
    l_codes, l_distinct = factorize(*table.column("location"))
    loc_table = [cell_text(from_file_value(v) if convert else v) for v in l_distinct]  # type: ignore[arg-type]
    received_table: list[date | None] = [
        v if isinstance(v, date) else None for v in r_parsed.values
    ]
    received_codes = r_codes
    if r_formula.any():
        received_codes = r_codes.copy()
        received_codes[r_formula] = len(received_table)
        received_table.append(None)

    result: list[GoalCases] = []
    firsts = _first_rows(row_goal, len(goal_ids))
    for gi, gid in enumerate(goal_ids):
        in_goal = row_goal == gi
        rows = np.flatnonzero(in_goal & kept).tolist()
        open_rows = np.flatnonzero(in_goal & still_open).tolist()
        met_rows = np.flatnonzero(in_goal & as_met)
        i_col = table.col_of.get("included", 0)
        result.append(
            GoalCases(
                gid,
                _gather(day_table, day_codes, rows),
                _gather(decided_table, decided_codes, rows),
                _gather(loc_table, l_codes, rows),
                int(np.count_nonzero(in_goal & excluded)),
                int(np.count_nonzero(in_goal & no_days)),
                first + firsts[gi],
                received=_gather(received_table, received_codes, rows),
                open_received=_gather(received_table, received_codes, open_rows),
                open_location=_gather(loc_table, l_codes, open_rows),
                as_met=tuple(as_met[rows].tolist()) if rows else (),
                as_met_cell=a1(first + int(met_rows[0]), i_col) if len(met_rows) else "",
            )
        )
    issues = report_case_problems(table.sheet, lang, first, table.col_of, found)
    return result, issues


def _decimal(v: object) -> Decimal:
    assert isinstance(v, Decimal)
    return v


def _first_rows(row_goal: Codes, n_goals: int) -> list[int]:
    """The first row of each goal; goals are numbered in the order they first appear."""
    import numpy as np

    valid = np.flatnonzero(row_goal >= 0)
    if not len(valid):
        return [0] * n_goals
    seq = row_goal[valid]
    running = np.maximum.accumulate(seq)
    new = np.ones(len(seq), dtype=bool)
    new[1:] = running[1:] > running[:-1]
    firsts = valid[new].tolist()
    assert len(firsts) == n_goals
    return [int(i) for i in firsts]


def _unique_ints(values: npt.NDArray[np.int64]) -> tuple[npt.NDArray[np.int64], Codes]:
    """`np.unique(values, return_inverse=True)`, by counting when the range is small."""
    import numpy as np

    if not len(values):
        return values, np.zeros(0, dtype=np.intp)
    lo, hi = int(values.min()), int(values.max())
    if hi - lo > 4 * len(values) + 1_000_000:
        distinct, inverse = np.unique(values, return_inverse=True)
        return distinct, inverse.reshape(-1).astype(np.intp)
    present = np.bincount(values - lo, minlength=hi - lo + 1) > 0
    code_of = np.cumsum(present) - 1
    return np.flatnonzero(present).astype(np.int64) + lo, code_of[values - lo].astype(np.intp)


def _gather(table: list[Any], codes: Codes, rows: list[int]) -> tuple[Any, ...]:
    """`tuple(table[codes[r]] for r in rows)`, without a Python loop over the rows."""
    import numpy as np

    picked = codes[np.asarray(rows, dtype=np.intp)].tolist() if rows else []
    return tuple(map(table.__getitem__, picked))
