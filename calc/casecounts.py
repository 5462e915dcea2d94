"""Case data counted, not listed: the rules of Sagsdata applied to distinct values and counts.

A case file of ten million rows (or a warehouse table) cannot pass through Python row by row,
and need not: a cell's meaning depends only on its value, and every indicator depends only on
how many cases took each number of days and were decided on each date. So reading Sagsdata at
warehouse scale is three steps, of which only the middle one is Python:

1. a columnar engine or the database lists each case column's distinct values
   (`calc.casescan` for files with Polars, `calc.casedb` for SQL);
2. `read_distinct` reads each distinct value once, with the very functions of `calc.values`
   the row-by-row reference uses (`calc.parser._parse_cases_reference`), into a `Codebook` of
   plain integers: goal number, excluded, day code, date as day number;
3. the engine applies the codebook to every row and counts: cases per goal, location and day
   value, and per goal, location and decision date (`Counts`); `assemble` turns the counts into
   `GoalCases` with `CaseCounts` histograms, and the bad cells into issues, first
   `MAX_ISSUES_PER_COLUMN` of a column one by one, then one issue with the count of the rest.

The per-row rule the engine applies is `ROW_RULE` below, written once in words; both engines
implement exactly it, and the property tests hold them equal to the reference.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from functools import partial
from typing import Any, TypeVar

from . import values as V
from .casedata import (
    Found,
    cell_text,
    decided_before_received,
    negative_days,
    report_case_problems,
    without_days,
)
from .errors import Issue
from .grid import CellValue, from_file_value
from .model import CaseCounts, GoalCases

ROW_RULE = """
goal      = goal_code[Mål]                       (-1: no goal; the row is skipped)
excluded  = goal >= 0 and Medtages reads as Nej
active    = goal >= 0 and not excluded
given     = Dage reads as a number               (then day = that number)
negative  = active and given and day < 0         (an error at the Dage cell; not counted)
from_dates= active and not given and Afgjort and Modtaget read as dates
                                                 (then day = Afgjort - Modtaget, in days)
inverted  = from_dates and Afgjort < Modtaget    (an error at the Afgjort cell; not counted)
kept      = active and ((given and not negative) or (from_dates and not inverted))
                                                 (counted by goal, location, day / Afgjort)
without   = active and not given and not from_dates
                                                 (a warning at its empty Afgjort, else Modtaget,
                                                 cell, unless Dage, Afgjort or Modtaget of the
                                                 row is unreadable: that error says more)
"""

CASE_KEYS = ("goal", "received", "decided", "location", "included", "days")


@dataclass(frozen=True)
class Column:
    """A case column's distinct values, each read once: the value and the problem, if any."""

    values: tuple[object, ...]
    problems: tuple[V.ValueProblem | None, ...]

    def bad(self) -> list[int]:
        """Indices of the distinct values that cannot be read."""
        return [i for i, p in enumerate(self.problems) if p is not None]


@dataclass(frozen=True)
class Codebook:
    """Every distinct value of the case columns, read, as the integers an engine needs.

    The lists run parallel to the distinct values the engine gave (`raw[key]`):
    `goal[i]` the goal number (-1: no goal), `excluded[i]` Medtages = Nej, `day[i]` an index
    into `day_values` (-1: no Dage), `received[i]` / `decided[i]` the date's day number
    (`date.toordinal`, -1: no date). `bad[key]` holds the indices of unreadable values.
    """

    raw: dict[str, tuple[object, ...]]
    goal_ids: tuple[str, ...]
    goal: tuple[int, ...]
    excluded: tuple[bool, ...]
    day: tuple[int, ...]
    day_values: tuple[Decimal, ...]
    received: tuple[int, ...]
    decided: tuple[int, ...]
    locations: tuple[str, ...]
    columns: dict[str, Column] = field(default_factory=dict)

    def bad(self, key: str) -> list[int]:
        col = self.columns.get(key)
        return col.bad() if col is not None else []

    def negative_days(self) -> list[int]:
        """The day codes whose value is below 0 (an error for each case that has one)."""
        return [i for i, v in enumerate(self.day_values) if v < 0]


def _read(distinct: Sequence[object], parse: Callable[[CellValue], object]) -> Column:
    values: list[object] = []
    problems: list[V.ValueProblem | None] = []
    for raw in distinct:
        v = from_file_value(raw)
        if V.is_blank(v):
            values.append(None)
            problems.append(None)
            continue
        try:
            values.append(parse(v))
            problems.append(None)
        except V.ValueProblem as p:
            values.append(None)
            problems.append(p)
    return Column(tuple(values), tuple(problems))


def _as_date(v: CellValue) -> date | None:
    d = V.parse_case_date(v)
    return d.date() if isinstance(d, datetime) else d


def reads_days_as_written(fmt: str, first: date, last: date) -> bool:
    """Whether every day from `first` to `last`, written in `fmt` (`%d-%m-%Y` and the like,
    every field zero-padded), is read by the reference's rule as that very day. An engine that
    parses such cells itself (`casescan`, after proving each cell is written so) then reads
    them as the reference does."""
    from datetime import timedelta

    day = first
    while day <= last:
        try:
            if _as_date(day.strftime(fmt)) != day:
                return False
        except V.ValueProblem:
            return False
        day += timedelta(days=1)
    return True


def _ordinal(v: object) -> int:
    return v.toordinal() if isinstance(v, date) else -1


def read_distinct(raw: Mapping[str, Sequence[object]]) -> Codebook:
    """Read each distinct value of each case column (`raw[key]`, keys from `CASE_KEYS`; a
    missing column is an empty list) by the rules of the row-by-row reference.

    Goal numbers are given in the order of `raw["goal"]`; `assemble` puts the goals in the
    order of their first row.
    """
    cols: dict[str, tuple[object, ...]] = {k: tuple(raw.get(k, ())) for k in CASE_KEYS}
    goal_index: dict[str, int] = {}
    goal: list[int] = []
    for v in cols["goal"]:
        text = cell_text(from_file_value(v))
        goal.append(goal_index.setdefault(text, len(goal_index)) if text else -1)
    included = _read(cols["included"], _included)
    days = _read(cols["days"], V.parse_number)
    received = _read(cols["received"], _as_date)
    decided = _read(cols["decided"], _as_date)
    day_values: list[Decimal] = []
    day_index: dict[Decimal, int] = {}
    day: list[int] = []
    for v in days.values:
        if isinstance(v, Decimal):
            # equal values (2,5 and 2,50) share a code: the histogram counts values
            day.append(day_index.setdefault(v, len(day_values)))
            if len(day_index) > len(day_values):
                day_values.append(v)
        else:
            day.append(-1)
    return Codebook(
        raw=cols,
        goal_ids=tuple(goal_index),
        goal=tuple(goal),
        excluded=tuple(v is False for v in included.values),
        day=tuple(day),
        day_values=tuple(day_values),
        received=tuple(map(_ordinal, received.values)),
        decided=tuple(map(_ordinal, decided.values)),
        locations=tuple(cell_text(from_file_value(v)) for v in cols["location"]),
        columns={"included": included, "days": days, "received": received, "decided": decided},
    )


@dataclass(frozen=True)
class BadCells:
    """Where the rows of one check are (`casedata.CASE_CHECKS`: an unreadable column, or
    negative, inverted, without days), in order: the first `MAX_ISSUES_PER_COLUMN + 1` as
    (0-based sheet row, what the message needs: the value's index in the codebook; the day
    code; Afgjort and Modtaget as day numbers; the goal number), their number, and the last
    row."""

    rows: tuple[tuple[int, ...], ...]
    count: int
    last: int


class _Located(Sequence[int]):
    """A check's rows as `casedata.report_case_problems` reads them: the first ones, how many
    there are, and the last, without the rows in between."""

    def __init__(self, where: BadCells) -> None:
        self.first = [r[0] for r in where.rows]
        self.n = where.count
        self.last = where.last

    def __len__(self) -> int:
        return self.n

    def __getitem__(self, i: int | slice) -> Any:
        if isinstance(i, slice):
            return self.first[i]
        if i in (-1, self.n - 1):
            return self.last
        return self.first[i]


@dataclass(frozen=True)
class Counts:
    """What an engine counted with a codebook (see `ROW_RULE`).

    `days`: (goal, location index, day code or -1, date difference or None, cases) over the
    kept cases; `decided`: (goal, location index, Afgjort day number or -1, cases) over the
    same cases, of every goal, or with `around` of its goals only, around their Frist dates;
    `goals`: (goal, excluded, without days, first row) per goal; `bad`: per check of
    `casedata.CASE_CHECKS`, where its rows are (Medtages in rows with a goal; Afgjort and Dage
    in active rows; Modtaget in active rows without Dage; then the negative, inverted and
    without-days rows of `ROW_RULE`), and `case_ids` the Sag of each of those rows (sheet row →
    text). `rows`: the number of data rows.
    """

    days: tuple[tuple[int, int, int, int | None, int], ...]
    decided: tuple[tuple[int, int, int, int], ...]
    goals: tuple[tuple[int, int, int, int], ...]
    bad: dict[str, BadCells] = field(default_factory=dict)
    rows: int = 0
    case_ids: dict[int, str] = field(default_factory=dict)
    # None: `decided` holds every goal's decision days. Else goal → the Frist date its
    # `decided` days are relative to (the day before it, the day itself and the day after
    # stand for every day before, on and after it, see `GoalCases`); no other goal is in it.
    around: dict[int, date] | None = None


DecidedGoals = Callable[[], "Mapping[str, date] | None"]
"""The goals whose cases must also be counted by decision date (`indicators.needs_decided`: a
share by a Frist date), each with that date; None for every goal, day by day. A function,
asked only when the count is built, so that the plan can be read while the engine starts
(`engine.load_grids`)."""


def every_goal() -> Mapping[str, date] | None:
    """`DecidedGoals` without a plan: every goal is counted by decision day."""
    return None


_K = TypeVar("_K")
UNREADABLE_KEYS = ("included", "decided", "days", "received")
LOCATED_CHECKS = ("negative", "inverted", "no_days", "no_decided", "no_received")


def _found(book: Codebook, counts: Counts) -> dict[str, Found]:
    """Each check's rows and the problem of a row, for `casedata.report_case_problems`."""
    found: dict[str, Found] = {}
    for key, where in counts.bad.items():
        if where.count:
            info = {r[0]: r[1:] for r in where.rows}
            found[key] = (_Located(where), partial(_problem, book, counts, key, info))
    return found


def _problem(
    book: Codebook, counts: Counts, key: str, info: dict[int, tuple[int, ...]], row: int
) -> V.ValueProblem | None:
    """The problem of one located row of check `key` (`info[row]`: what `BadCells` holds)."""
    case = counts.case_ids.get(row, "")
    if key in UNREADABLE_KEYS:
        return book.columns[key].problems[info[row][0]]
    if key == "negative":
        return negative_days(book.day_values[info[row][0]], case)
    if key == "inverted":
        d, r = info[row]
        return decided_before_received(date.fromordinal(d), date.fromordinal(r), case)
    return without_days(book.goal_ids[info[row][0]], case, key.removeprefix("no_"))


def assemble(
    book: Codebook, counts: Counts, *, sheet: str, col_of: dict[str, int], lang: str
) -> tuple[list[GoalCases], list[Issue]]:
    """GoalCases (in the order of each goal's first row) and the issues, from the counts."""
    issues = report_case_problems(sheet, lang, 0, col_of, _found(book, counts))
    return _goal_cases(book, counts), issues


def _goal_cases(book: Codebook, counts: Counts) -> list[GoalCases]:
    by_goal: dict[int, dict[int, tuple[dict[Decimal, int], dict[date | None, int]]]] = {}
    for g, loc, code, diff, n in counts.days:
        value = book.day_values[code] if code >= 0 else Decimal(diff if diff is not None else 0)
        hist = by_goal.setdefault(g, {}).setdefault(loc, ({}, {}))[0]
        hist[value] = hist.get(value, 0) + n
    for g, loc, ordinal, n in counts.decided:
        d = date.fromordinal(ordinal) if ordinal > 0 else None
        hist2 = by_goal.setdefault(g, {}).setdefault(loc, ({}, {}))[1]
        hist2[d] = hist2.get(d, 0) + n
    result: list[GoalCases] = []
    for g, excluded, without, first in sorted(counts.goals, key=lambda t: t[3]):
        per_loc: dict[str, CaseCounts] = {}
        for loc, (days, decided) in sorted(by_goal.get(g, {}).items()):
            name = book.locations[loc] if loc >= 0 else ""
            merged = per_loc.get(name)
            if merged is not None:  # two spellings that read the same (' Valby' and 'Valby')
                days = _add(dict(merged.days), days)
                decided = _add(dict(merged.decided), decided)
            per_loc[name] = CaseCounts(
                name, tuple(sorted(days.items())), tuple(_sorted_dates(decided))
            )
        result.append(
            GoalCases(
                book.goal_ids[g],
                excluded=excluded,
                without_days=without,
                first_row=first,
                counts=tuple(sorted(per_loc.values(), key=lambda c: c.location)),
                decided_counted=counts.around is None or g in counts.around,
                decided_around=counts.around.get(g) if counts.around is not None else None,
            )
        )
    return result


def assemble_both(
    book: Codebook, counts: Counts, *, sheet: str, col_of: dict[str, int]
) -> tuple[list[GoalCases], dict[str, list[Issue]]]:
    """`assemble`, with the issues in Danish and in Swedish: the case data is counted before
    the plan's language is known, and the parser picks (`CountedSheet.counted`)."""
    found = _found(book, counts)
    issues = {lang: report_case_problems(sheet, lang, 0, col_of, found) for lang in ("da", "sv")}
    return _goal_cases(book, counts), issues


def _included(v: CellValue) -> bool:
    """Medtages in counted case data: Ja/Nej. `Som opfyldt` needs the cases one by one (it is
    read in Sagsdata on the workbook's sheet), so here it is an error that says so."""
    got = V.parse_included(v)
    if got is V.AS_MET:
        raise V.ValueProblem(
            "Som opfyldt kan kun bruges, når sagerne står på arket Sagsdata; i en stor sagsfil "
            "tælles sagerne pr. dag. Skriv Ja eller Nej, eller flyt sagerne til arket.",
            "Räknas som uppfyllt kan bara användas när ärendena står på bladet Ärenden; i en "
            "stor ärendefil räknas ärendena per dag. Skriv Ja eller Nej, eller flytta ärendena.",
        )
    return got


def _add(a: dict[_K, int], b: dict[_K, int]) -> dict[_K, int]:
    for k, n in b.items():
        a[k] = a.get(k, 0) + n
    return a


def _sorted_dates(hist: dict[date | None, int]) -> list[tuple[date | None, int]]:
    return sorted(hist.items(), key=lambda kv: (kv[0] is not None, kv[0] or date.min))
