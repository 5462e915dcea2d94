"""Single edits a person might make to a goal workbook, and what Målscore did with each.

A `Mutation` changes one thing in a workbook's value grids — a header renamed, blanked or its
column deleted, a number typed ×100 or ÷100, a required cell emptied, Modtaget and Afgjort
swapped, a date typed another way, Ja typed as `x`, and in the seed plans' rules (issue 12)
`Som opfyldt` or Lokationsberegning misspelt, a Frist with the ambiguous `inden`, an Udelad
periode typed another way, a year off, its days swapped or without its reason — the way it
would arrive from Excel. `judge` scores the mutated grids with `calc.engine.evaluate` and says
how the edit was caught:

- `unchanged`: the run is clean and total points, score and every payout are as before;
- `stopped`: the run has errors, so `maalscore beregn` exits 2 and writes nothing;
- `named`: a new warning names the edited sheet and cell — as its cell, a range holding it, the
  header cell of a renamed/blanked column, or the cell's address in the message;
- `SILENT`: a total or a payout changed and nothing names the edited place (the failure);
- `CRASH`: an exception (a traceback for the user: also a failure).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from calc.engine import Evaluation, evaluate
from calc.errors import Issue
from calc.grid import CellValue, SheetGrid, WorkbookGrids, a1, normalise_name, parse_a1
from calc.headers import (
    CASE_FIELDS,
    GOAL_FIELDS,
    MILESTONE_FIELDS,
    PAY_FIELDS,
    SHEETS,
    Field,
    find_header,
)

UNCHANGED, STOPPED, NAMED, SILENT, CRASH = "unchanged", "stopped", "named", "SILENT", "CRASH"
CAUGHT = (UNCHANGED, STOPPED, NAMED)

TABLES: tuple[tuple[str, tuple[Field, ...], str], ...] = (
    ("goals", GOAL_FIELDS, "id"),
    ("milestones", MILESTONE_FIELDS, "goal"),
    ("cases", CASE_FIELDS, "goal"),
    ("pay", PAY_FIELDS, "name"),
)
# Columns whose numbers are amounts or values a person types (ids and keywords are not scaled).
NUMERIC = {
    "goals": ("weight", "target", "lower", "baseline", "trim", "deadline", "result"),
    "milestones": ("weight",),
    "cases": ("days",),
    "pay": ("base", "max_pct", "max_amount", "threshold", "adjustment"),
}
# Cells emptied one at a time: those a filled row cannot do without, and those whose value
# another cell of the row depends on (Skala with Nedre grænse, Skøn/Bortfald with Begrundelse).
REQUIRED = {
    "goals": (
        "id", "type", "weight", "target", "lower", "scale", "steps", "baseline", "indicator",
        "deadline", "result", "unit", "precondition",
    ),
    "milestones": ("goal", "deadline", "delivered", "weight"),
    "cases": ("goal", "received", "decided", "days", "included", "location"),
    "pay": (
        "name", "base", "max_pct", "max_amount", "model", "threshold", "steps", "adjustment",
        "reason", "withheld",
    ),
}  # fmt: skip
# Optional columns whose empty cell (or missing column) the contract reads as a default:
# Udelad 0, no Lokationer, Samling vægtet, no Udelad periode, Lokationsberegning pr. lokation,
# Forudsætning opfyldt Ja, Medtages Ja, no Skøn, no Bortfald, equal milestone weights.
# Emptying one of their cells or deleting the column changes what the workbook says, and no
# reader can tell a deleted `alle` (or `samlet`, or `Nej`) from one never written: these edits
# are not made. (Renaming or emptying their header is: the values left under it must be named;
# and their cells are typed otherwise below.)
OPTIONAL = {
    "goals": ("trim", "locations", "combine", "periods", "location_mode", "precondition_met"),
    "milestones": ("weight",),
    "cases": ("included", "location"),
    "pay": ("adjustment", "withheld"),
}
YES_NO = {"goals": ("result", "precondition_met"), "milestones": ("delivered",),
          "cases": ("included",), "pay": ("withheld",)}  # fmt: skip
NOT_YES_NO = ("x", "OK", Decimal(1), "Yes", "TRUE")
# Medtages `Som opfyldt` (sv `Räknas som uppfyllt`) typed the ways it goes wrong; in capitals
# it means the same.
NOT_AS_MET = ("Opfyldt", "Som opfylt", "Uppfyllt", "x", "SOM OPFYLDT")
AS_MET_WORDS = {"somopfyldt", "raknassomuppfyllt", "somuppfyllt", "taellersomopfyldt"}
# Lokationsberegning typed the ways it goes wrong (a near miss, two words); in capitals the same.
NOT_LOCATION_MODE = {"samlet": ("samled", "samlet beregning", "SAMLET"),
                     "prlokation": ("pr lokationer", "PR. LOKATION")}  # fmt: skip
# Strict or inclusive words a Frist may start with: `inden` replaces them in the edit below.
FRIST_WORDS = ("inden for", "senest", "før", "under", "inom", "senast", "före", "innan")
CASE_ROWS_PER_GOAL = 2  # cases mutated per goal: the first and one from the middle


@dataclass(frozen=True)
class Mutation:
    kind: str
    sheet: str
    cell: str  # the edited cell (the header cell for a header edit)
    what: str
    apply: Callable[[WorkbookGrids], WorkbookGrids]
    header: bool = False
    table: str = ""  # the table's key (goals, milestones, cases, pay) ...
    field: str = ""  # ... and the edited field's key, for a cell edit

    def __str__(self) -> str:
        return f"{self.kind} {self.sheet}!{self.cell}: {self.what}"


@dataclass(frozen=True)
class Verdict:
    mutation: Mutation
    outcome: str
    detail: str = ""


# --- editing grids ------------------------------------------------------------------------------


def _with_sheet(grids: WorkbookGrids, name: str, new: SheetGrid) -> WorkbookGrids:
    return replace(grids, sheets=tuple(new if s.name == name else s for s in grids.sheets))


def set_cell(grids: WorkbookGrids, sheet: str, r: int, c: int, value: CellValue) -> WorkbookGrids:
    """The grids with one cell set (as a person typing into it: its number format stays)."""
    grid = next(s for s in grids.sheets if s.name == sheet)
    rows = [list(row) for row in grid.rows]
    while len(rows) <= r:
        rows.append([])
    row = rows[r]
    row.extend([None] * (c + 1 - len(row)))
    row[c] = value
    new = replace(grid, rows=tuple(tuple(x) for x in rows))
    if value is None:
        new = replace(new, formulas=frozenset(p for p in grid.formulas if p != (r, c)))
    return _with_sheet(grids, sheet, new)


def delete_column(grids: WorkbookGrids, sheet: str, c: int) -> WorkbookGrids:
    """The grids with column c deleted (Excel: Slet kolonne): the columns right of it move."""
    grid = next(s for s in grids.sheets if s.name == sheet)
    rows = tuple(tuple(v for j, v in enumerate(row) if j != c) for row in grid.rows)

    def shift(cells: frozenset[tuple[int, int]]) -> frozenset[tuple[int, int]]:
        return frozenset((r, j - 1 if j > c else j) for r, j in cells if j != c)

    new = replace(grid, rows=rows, percent=shift(grid.percent), formulas=shift(grid.formulas))
    return _with_sheet(grids, sheet, new)


# --- generating mutations ----------------------------------------------------------------------


def _scaled(v: Decimal, factor: Decimal) -> Decimal:
    return (v * factor).normalize() if factor > 1 else (v / 100).normalize()


_MONTHS_DA = [
    "januar",
    "februar",
    "marts",
    "april",
    "maj",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "december",
]


def _date_texts(d: date) -> list[tuple[str, CellValue]]:
    """A date typed the other ways people type it (all mean the same day), and as Excel shows
    a date cell reformatted as a number (its serial)."""
    out: list[tuple[str, CellValue]] = [
        ("ISO text", d.isoformat()),
        ("d.m.yyyy", f"{d.day}.{d.month}.{d.year}"),
        ("d. måned yyyy", f"{d.day}. {_MONTHS_DA[d.month - 1]} {d.year}"),
        ("dd-mm-yy", f"{d:%d-%m-%y}"),
        ("Excel serial", Decimal((d - date(1899, 12, 30)).days)),
    ]
    if d.day > 12:  # American month/day order, where it cannot be read as a Danish date
        out.append(("mm/dd/yyyy", f"{d.month:02d}/{d.day:02d}/{d.year}"))
    return out


def _table(grids: WorkbookGrids, key: str, fields: tuple[Field, ...], anchor: str) -> Any:
    grid = grids.find(*SHEETS[key])
    if grid is None:
        return None, None
    header = find_header(grid, fields, anchor)
    return grid, header


def _data_rows(grid: SheetGrid, header: Any, key: str) -> list[int]:
    rows = [
        r
        for r in range(header.row + 1, grid.n_rows)
        if any(v not in (None, "") for v in grid.rows[r])
    ]
    if key != "cases":
        return rows
    # Case data: the first and a middle case of each goal (a sheet holds thousands).
    goal_col = header.col("goal")
    by_goal: dict[object, list[int]] = {}
    for r in rows:
        by_goal.setdefault(grid.value(r, goal_col), []).append(r)
    picked: list[int] = []
    for group in by_goal.values():
        picked += sorted({group[0], group[len(group) // 2]})[:CASE_ROWS_PER_GOAL]
    return picked


def mutations(grids: WorkbookGrids) -> Iterator[Mutation]:
    """Every single edit of the kinds above that this workbook allows."""
    plan = grids.find(*SHEETS["plan"])
    if plan is not None:
        for r, row in enumerate(plan.rows):
            if len(row) > 1 and isinstance(row[0], str) and row[1] not in (None, ""):
                yield Mutation(
                    "Plan value emptied",
                    plan.name,
                    a1(r, 1),
                    f"{row[0]} emptied",
                    lambda g, s=plan.name, r=r: set_cell(g, s, r, 1, None),
                )
    for key, fields, anchor in TABLES:
        grid, header = _table(grids, key, fields, anchor)
        if grid is None or header is None:
            continue
        name = grid.name
        inputs = {f.key for f in fields if not f.output}
        for fkey, c in sorted(header.columns.items(), key=lambda kv: kv[1]):
            cell = a1(header.row, c)
            text = grid.value(header.row, c)
            yield Mutation(
                "header renamed",
                name,
                cell,
                f"'{text}' → '{text} 2026'",
                lambda g, s=name, r=header.row, c=c, t=f"{text} 2026": set_cell(g, s, r, c, t),
                header=True,
            )
            yield Mutation(
                "header blanked",
                name,
                cell,
                f"'{text}' emptied",
                lambda g, s=name, r=header.row, c=c: set_cell(g, s, r, c, None),
                header=True,
            )
            if fkey not in OPTIONAL[key]:
                yield Mutation(
                    "column deleted",
                    name,
                    cell,
                    f"column '{text}' deleted",
                    lambda g, s=name, c=c: delete_column(g, s, c),
                    header=True,
                )
        rows = _data_rows(grid, header, key)
        for r in rows:
            for fkey in NUMERIC[key]:
                c = header.col(fkey)
                v = grid.value(r, c) if c is not None else None
                if c is None or not isinstance(v, Decimal) or v == 0:
                    continue
                for factor, label in ((Decimal(100), "×100"), (Decimal("0.01"), "÷100")):
                    scaled = _scaled(v, factor)
                    yield Mutation(
                        f"number {label}",
                        name,
                        a1(r, c),
                        f"{v} → {scaled}",
                        lambda g, s=name, r=r, c=c, x=scaled: set_cell(g, s, r, c, x),
                    )
            for fkey in REQUIRED[key]:
                c = header.col(fkey)
                if c is None or fkey not in inputs or grid.value(r, c) in (None, ""):
                    continue
                yield Mutation(
                    "cell emptied",
                    name,
                    a1(r, c),
                    f"{fkey} {grid.value(r, c)!r} emptied",
                    lambda g, s=name, r=r, c=c: set_cell(g, s, r, c, None),
                    table=key,
                    field=fkey,
                )
            for fkey in YES_NO[key]:
                c = header.col(fkey)
                v = grid.value(r, c) if c is not None else None
                if c is None or not isinstance(v, str) or normalise_name(v) not in {"ja", "nej"}:
                    continue
                for typed in NOT_YES_NO:
                    yield Mutation(
                        "Ja/Nej typed otherwise",
                        name,
                        a1(r, c),
                        f"{v!r} → {typed!r}",
                        lambda g, s=name, r=r, c=c, t=typed: set_cell(g, s, r, c, t),
                        table=key,
                        field=fkey,
                    )
            yield from _seed_rule_edits(grid, header, key, r)
            for fkey in ("deadline", "delivered", "received", "decided"):
                c = header.col(fkey)
                v = grid.value(r, c) if c is not None else None
                if c is None or not isinstance(v, date):
                    continue
                d = v.date() if isinstance(v, datetime) else v
                for label, typed in _date_texts(d):
                    yield Mutation(
                        f"date as {label}",
                        name,
                        a1(r, c),
                        f"{d:%d-%m-%Y} → {typed!r}",
                        lambda g, s=name, r=r, c=c, t=typed: set_cell(g, s, r, c, t),
                    )
            rc, dc = header.col("received"), header.col("decided")
            if key == "cases" and rc is not None and dc is not None:
                received, decided = grid.value(r, rc), grid.value(r, dc)
                if isinstance(received, date) and isinstance(decided, date) and received != decided:
                    yield Mutation(
                        "Modtaget and Afgjort swapped",
                        name,
                        a1(r, dc),
                        f"{received:%d-%m-%Y} ⇄ {decided:%d-%m-%Y}",
                        lambda g, s=name, r=r, rc=rc, dc=dc, a=received, b=decided: set_cell(
                            set_cell(g, s, r, rc, b), s, r, dc, a
                        ),
                    )


def _seed_rule_edits(grid: SheetGrid, header: Any, key: str, r: int) -> Iterator[Mutation]:
    """Slips in the cells of the rules the seed plans brought (issue 12): Medtages `Som
    opfyldt`, Lokationsberegning, a Frist written with the ambiguous `inden`, and Udelad periode
    with its dates typed another way, a year off, its days swapped or its reason left out."""
    name = grid.name

    def edit(kind: str, fkey: str, c: int, what: str, value: CellValue) -> Mutation:
        return Mutation(
            kind,
            name,
            a1(r, c),
            what,
            lambda g, s=name, r=r, c=c, t=value: set_cell(g, s, r, c, t),
            table=key,
            field=fkey,
        )

    def cell(fkey: str) -> tuple[int, CellValue] | None:
        c = header.col(fkey)
        v = grid.value(r, c) if c is not None else None
        return None if c is None or v in (None, "") else (c, v)

    if key == "cases" and (got := cell("included")):
        c, v = got
        if isinstance(v, str) and normalise_name(v) in AS_MET_WORDS:
            for typed in NOT_AS_MET:
                yield edit(
                    "Som opfyldt typed otherwise", "included", c, f"{v!r} → {typed!r}", typed
                )
    if key != "goals":
        return
    if (got := cell("location_mode")) and isinstance(got[1], str):
        c, v = got
        for typed in NOT_LOCATION_MODE.get(normalise_name(v).replace(".", ""), ()):
            yield edit(
                "Lokationsberegning typed otherwise",
                "location_mode",
                c,
                f"{v!r} → {typed!r}",
                typed,
            )
    if (got := cell("deadline")) and (ind := cell("indicator")) and str(ind[1]).strip() == "andel":
        c, v = got
        if isinstance(v, Decimal):
            typed = f"inden {v.normalize():f} dage"
        else:
            text = str(v).strip()
            for word in FRIST_WORDS:
                if text.lower().startswith(word + " "):
                    text = text[len(word) + 1 :]
                    break
            typed = f"inden {text}"
        yield edit("Frist written with 'inden'", "deadline", c, f"{v!r} → {typed!r}", typed)
    if (got := cell("periods")) and isinstance(got[1], str):
        c, v = got
        m = re.match(r"^(\d\d)-(\d\d)-(\d{4})\s*[–-]\s*(\d\d)-(\d\d)-(\d{4})(.*)$", v.strip())
        if m:
            d1, m1, y1, d2, m2, y2, rest = m.groups()
            for label, typed in (
                ("ISO dates", f"{y1}-{m1}-{d1} - {y2}-{m2}-{d2}{rest}"),
                ("d.m.yyyy", f"{int(d1)}.{int(m1)}.{y1}-{int(d2)}.{int(m2)}.{y2}{rest}"),
                ("a year off", f"{d1}-{m1}-{int(y1) - 1}–{d2}-{m2}-{int(y2) - 1}{rest}"),
                ("days swapped", f"{d2}-{m2}-{y2}–{d1}-{m1}-{y1}{rest}"),
                ("no reason", f"{d1}-{m1}-{y1}–{d2}-{m2}-{y2}"),
            ):
                yield edit(f"Udelad periode: {label}", "periods", c, f"{v!r} → {typed!r}", typed)


# --- judging ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Numbers:
    """What must not change silently: the totals and every person's pay."""

    total: Any
    score: Any
    pay: tuple[tuple[str, Any, Any], ...]


def numbers(ev: Evaluation) -> Numbers | None:
    card = ev.scorecard
    if card is None:
        return None
    return Numbers(
        card.total_points, card.score_pct, tuple((p.name, p.computed, p.payout) for p in ev.pay)
    )


def _cell_in(cell: str, ref: str) -> bool:
    """Whether `cell` is `ref` or lies in the range `ref` (`D22:D26`)."""
    if not ref:
        return False
    try:
        r, c = parse_a1(cell)
        if ":" in ref:
            (r1, c1), (r2, c2) = (parse_a1(x) for x in ref.split(":", 1))
            return r1 <= r <= r2 and c1 <= c <= c2
        return parse_a1(ref) == (r, c)
    except ValueError:
        return False


def names(issue: Issue, mutation: Mutation) -> bool:
    """Whether the issue points the user at the edited place."""
    if issue.sheet != mutation.sheet and f"{mutation.sheet}!" not in issue.message:
        return False
    if _cell_in(mutation.cell, issue.cell):
        return True
    # The address in the message: `(Mål!H3)`, `Målværdi (H3)`, `… i H3`.
    return re.search(rf"(?<![A-Z]){re.escape(mutation.cell)}(?![0-9])", issue.message) is not None


def judge(grids: WorkbookGrids, before: Evaluation, mutation: Mutation) -> Verdict:
    try:
        after = evaluate(mutation.apply(grids))
    except Exception as exc:  # a traceback is never an answer
        return Verdict(mutation, CRASH, f"{type(exc).__name__}: {exc}")
    if not after.ok:
        return Verdict(mutation, STOPPED)
    if numbers(after) == numbers(before):
        return Verdict(mutation, UNCHANGED)
    known = set(before.issues)
    new = [i for i in after.issues if i not in known and not i.is_info]
    if any(names(i, mutation) for i in new):
        return Verdict(mutation, NAMED)
    detail = f"{numbers(before)} → {numbers(after)}; new: {[str(i) for i in new]}"
    return Verdict(mutation, SILENT, detail)


def run(grids: WorkbookGrids) -> list[Verdict]:
    before = evaluate(grids)
    assert before.ok, before.issues
    return [judge(grids, before, m) for m in mutations(grids)]
