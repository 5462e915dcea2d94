"""What each error keeps from being computed: per goal, per person's pay, per area and the total.

A workbook with errors is never written. But while someone fixes it — a Skøn typed before its
Begrundelse, `abc` in one Resultat — every number that does not depend on an error can still be
shown, so one slip does not blank the year. Errors are attributed by where they are:

- an error in a goal's row (Mål) blocks that goal; an error in a milestone's row (Milepæle) or a
  case's row (Sagsdata) blocks the goal it belongs to;
- a blocked goal blocks its parents (a delmål parent needs every child), its area's subtotal, the
  total, and every person's pay (pay follows the total score);
- an error in a person's row (Resultatløn) blocks only that person's pay, and one only in the
  Skøn, Begrundelse or Bortfald cells only the payout (`waits_for_adjustment_only`);
- an error on the Plan sheet blocks what its label feeds: nothing numeric for Institution, År,
  Titel, Sprog, Departement; the case goals for a case file; the goals with a Frist in working
  days, months or `følgende måned` for Helligdage; everything for Vægtning;
- the Resultat sheet is output only, so its problems block nothing on screen;
- an error that cannot be attributed (a header row, a missing column, a row without Nr, a sheet
  Målscore does not know) blocks every number, as before: never a number that might depend on a
  bad input.

The result is plain data (`Blocking`), beside the `Issue` records, which stay as they are.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

from .errors import Issue
from .grid import CaseSheet, SheetGrid, WorkbookGrids, normalise_name, parse_a1
from .headers import CASE_FIELDS, PLAN_KEYS, SHEETS, find_header
from .model import GoalType, Lang, Plan

Kind = Literal["goal", "area", "total", "pay"]

# Plan-sheet labels whose values no number depends on.
_PLAN_TEXT_ONLY = {"institution", "ministry", "year", "title", "language", "ministry_email"}


@dataclass(frozen=True)
class Blocked:
    """One number an error keeps from being computed, and why.

    `key` is the goal's Nr, the area's name or the person's name ("" for the total); `row` the
    goal's or person's 0-based sheet row (-1 for an area and the total). `reasons` are the errors
    behind it, as reported; `waits_for` the goals it waits for when it is blocked through them
    (a delmål parent waits for its blocked children; the total for every blocked goal).
    """

    kind: Kind
    key: str
    row: int
    reasons: tuple[Issue, ...]
    waits_for: tuple[str, ...] = ()

    def reason(self, lang: Lang = "da") -> str:
        """One line for people: `Afventer rettelse: Mål!S8: 'abc' er ikke et tal …`."""
        head = "Inväntar rättelse" if lang == "sv" else "Afventer rettelse"
        if self.waits_for and self.kind == "goal":
            word = "av" if lang == "sv" else "af"
            return f"{head} {word} {', '.join(self.waits_for)}"
        if not self.reasons:
            return head
        first = self.reasons[0]
        more = len(self.reasons) - 1
        tail = ""
        if more:
            tail = f" (+ {more} till)" if lang == "sv" else f" (+ {more} mere)"
        return f"{head}: {first.location()}: {first.message}{tail}"


@dataclass(frozen=True)
class Blocking:
    """Everything the errors of one evaluation block. Empty when there are no errors."""

    items: tuple[Blocked, ...] = field(default=())

    def goal(self, goal_id: str) -> Blocked | None:
        return self._find("goal", key=goal_id)

    def person(self, row: int) -> Blocked | None:
        return self._find("pay", row=row)

    def area(self, name: str) -> Blocked | None:
        return self._find("area", key=name)

    @property
    def total(self) -> Blocked | None:
        return self._find("total")

    def goal_ids(self) -> frozenset[str]:
        return frozenset(b.key for b in self.items if b.kind == "goal")

    def __bool__(self) -> bool:
        return bool(self.items)

    def _find(
        self, kind: Kind, *, key: str | None = None, row: int | None = None
    ) -> Blocked | None:
        for b in self.items:
            if b.kind == kind and (key is None or b.key == key) and (row is None or b.row == row):
                return b
        return None


@dataclass
class _Targets:
    """What the errors hit directly, before it is passed on to parents, totals and pay."""

    goals: dict[str, list[Issue]] = field(default_factory=dict)
    people: dict[int, list[Issue]] = field(default_factory=dict)
    areas: dict[str, list[Issue]] = field(default_factory=dict)  # a top-level row that failed
    weights: set[str] = field(default_factory=set)  # goals whose Vægt cell is in error
    totals: list[Issue] = field(default_factory=list)  # a goal missing from the plan
    everything: list[Issue] = field(default_factory=list)

    def goal(self, goal_id: str, issue: Issue) -> None:
        self.goals.setdefault(goal_id, []).append(issue)

    def goals_of(self, ids: Iterable[str], issue: Issue) -> None:
        found = False
        for goal_id in ids:
            self.goal(goal_id, issue)
            found = True
        if not found:
            self.totals.append(issue)


def find_blocked(plan: Plan, issues: Iterable[Issue], grids: WorkbookGrids) -> Blocking:
    """What the errors among `issues` block (warnings block nothing)."""
    targets = _Targets()
    sheets = _SheetRoles(plan, grids)
    for issue in issues:
        if issue.is_error:
            _attribute(issue, plan, sheets, targets)
    return _spread(plan, targets)


@dataclass
class _SheetRoles:
    """Which of the workbook's sheets plays which part, by the name issues give them."""

    plan: Plan
    grids: WorkbookGrids

    def role(self, sheet: str) -> str | None:
        name = normalise_name(sheet)
        p = self.plan
        for role, layout in (
            ("goals", p.goals_layout),
            ("milestones", p.milestones_layout),
            ("pay", p.pay_layout),
        ):
            if layout is not None and normalise_name(layout.sheet) == name:
                return role
        if p.summary_sheet is not None and normalise_name(p.summary_sheet) == name:
            return "summary"
        if (cases := self.case_grid()) is not None and name in {
            normalise_name(cases.name),
            normalise_name(cases.label if isinstance(cases, CaseSheet) else ""),
        }:
            return "cases"
        for role in ("plan", "goals", "milestones", "pay", "summary", "cases"):
            if name in {normalise_name(n) for n in SHEETS[role]}:
                return role
        return None

    def case_grid(self) -> SheetGrid | None:
        return self.grids.find(*SHEETS["cases"])


def _rows(cell: str) -> tuple[int, int] | None:
    """The first and last 0-based row an A1 cell or range names; None for none."""
    if not cell:
        return None
    try:
        first = parse_a1(cell.split(":")[0])[0]
        last = parse_a1(cell.split(":")[-1])[0]
    except ValueError:
        return None
    return first, last


def _attribute(issue: Issue, plan: Plan, sheets: _SheetRoles, t: _Targets) -> None:
    role = sheets.role(issue.sheet)
    rows = _rows(issue.cell)
    if role == "summary":
        return
    if role == "goals" and rows is not None:
        _goal_row(issue, plan, sheets.grids, rows, t)
    elif role == "milestones" and rows is not None and rows[0] == rows[1]:
        ids = {m.goal_id for m in plan.milestones if m.row == rows[0]}
        known = [g for g in ids if (goal := plan.goal(g)) and goal.type is GoalType.MILESTONES]
        t.goals_of(known or _ids(plan, GoalType.MILESTONES), issue)
    elif role == "milestones":
        t.goals_of(_ids(plan, GoalType.MILESTONES), issue)
    elif role == "cases":
        _case_rows(issue, plan, sheets.case_grid(), rows, t)
    elif role == "pay" and rows is not None and rows[0] == rows[1]:
        if any(p.row == rows[0] for p in plan.people):
            t.people.setdefault(rows[0], []).append(issue)
        else:
            for p in plan.people:
                t.people.setdefault(p.row, []).append(issue)
    elif role == "pay":
        for p in plan.people:
            t.people.setdefault(p.row, []).append(issue)
    elif role == "plan" and rows is not None:
        _plan_label(issue, plan, sheets.grids, rows[0], t)
    else:
        t.everything.append(issue)


ADJUSTMENT_FIELDS = ("adjustment", "reason", "withheld")


def waits_for_adjustment_only(blocked: Blocked, plan: Plan) -> bool:
    """A person's pay that waits only for its own Skøn, Begrundelse or Bortfald: the maximum
    and the pay the model gives before the Skøn do not depend on those cells, only the payout
    does (a Skøn typed before its Begrundelse keeps the rest of the row on screen)."""
    layout = plan.pay_layout
    if blocked.kind != "pay" or layout is None or blocked.waits_for:
        return False
    cols = {layout.col(k) for k in ADJUSTMENT_FIELDS if k in dict(layout.columns)}
    return all(
        i.sheet == layout.sheet
        and ":" not in i.cell
        and _rows(i.cell) == (blocked.row, blocked.row)
        and _col(i.cell) in cols
        for i in blocked.reasons
    )


def _col(cell: str) -> int | None:
    try:
        return parse_a1(cell.split(":")[0])[1]
    except ValueError:
        return None


def _ids(plan: Plan, kind: GoalType | None) -> list[str]:
    """Goals of a type, or (None) the goals computed from case data."""
    if kind is None:
        return [g.id for g in plan.goals if g.indicator is not None]
    return [g.id for g in plan.goals if g.type is kind]


def _goal_row(
    issue: Issue, plan: Plan, grids: WorkbookGrids, rows: tuple[int, int], t: _Targets
) -> None:
    layout = plan.goals_layout
    assert layout is not None
    first, last = rows
    if first <= layout.header_row:
        t.everything.append(issue)
        return
    ids = [g.id for g in plan.goals if first <= g.row <= last]
    if ids:
        weight_col = dict(layout.columns).get("weight")
        in_weight = weight_col is not None and _col(issue.cell) == weight_col
        for goal_id in ids:
            t.goal(goal_id, issue)
            if in_weight:
                t.weights.add(goal_id)
        return
    # The row did not become a goal (no Nr, an unknown Type): the plan misses a goal, so the
    # totals are unknown, and so is the parent or area it would have counted in.
    grid = grids.find(layout.sheet)
    cols = dict(layout.columns)

    def cell(key: str) -> str:
        c = cols.get(key)
        value = grid.value(first, c) if grid is not None and c is not None else None
        return str(value).strip() if value is not None else ""

    goal_id, parent = cell("id"), cell("parent")
    if plan.equal_weights and not parent:
        t.everything.append(issue)  # 100/N points each: N itself is unknown
        return
    if goal_id and plan.goal(goal_id) is not None:
        t.goal(goal_id, issue)  # a second row with the same Nr
    if parent and plan.goal(parent) is not None:
        t.goal(parent, issue)
    elif not parent:
        t.areas.setdefault(cell("area"), []).append(issue)
    t.totals.append(issue)


def _case_rows(
    issue: Issue, plan: Plan, grid: SheetGrid | None, rows: tuple[int, int] | None, t: _Targets
) -> None:
    case_goals = _ids(plan, None)
    if grid is None or rows is None:
        t.goals_of(case_goals, issue)
        return
    header = find_header(grid, CASE_FIELDS, "goal")
    col = header.col("goal") if header is not None else None
    if header is None or col is None or rows[0] <= header.row:
        t.goals_of(case_goals, issue)
        return
    # The goal of the first and last row named; a range across goals blocks every case goal.
    named = {_case_value(grid, r, col) for r in {rows[0], rows[1]}}
    known = [g for g in named if g in case_goals]
    if len(named) == 1 and known:
        t.goal(known[0], issue)
    else:
        t.goals_of(case_goals, issue)


def _case_value(grid: SheetGrid, r: int, c: int) -> str:
    value: object
    if isinstance(grid, CaseSheet) and r >= len(grid.rows):
        column = grid.column(c, r)
        value = column[0] if len(column) else None
    else:
        value = grid.value(r, c)
    if value is None or value == "":
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _plan_label(issue: Issue, plan: Plan, grids: WorkbookGrids, r: int, t: _Targets) -> None:
    """An error in a Plan value: what that value feeds, found by the label left of it."""
    grid = grids.find(*SHEETS["plan"])
    c = _col(issue.cell) or 0
    label = grid.value(r, c - 1) if grid is not None and c > 0 else None
    lookup = {normalise_name(n): k for k, names in PLAN_KEYS.items() for n in names}
    key = lookup.get(normalise_name(label)) if isinstance(label, str) else None
    if key in _PLAN_TEXT_ONLY:
        return
    if key == "case_file":
        t.goals_of(_ids(plan, None), issue)
        return
    if key == "holidays":  # whose holidays a Frist in working days skips
        t.goals_of([g.id for g in plan.goals if g.deadline and g.deadline.needs_dates], issue)
        return
    t.everything.append(issue)


def _spread(plan: Plan, t: _Targets) -> Blocking:
    """Pass what the errors hit on to the goals that depend on them, areas, the total and pay.

    A blocked goal blocks its parents (they combine it) and its delmål (their points are shares
    of its Vægt); a bad Vægt also blocks its siblings, whose shares are relative to it.
    """
    direct: dict[str, list[Issue]] = {k: list(v) for k, v in t.goals.items()}
    if t.everything:
        for g in plan.goals:
            direct.setdefault(g.id, []).extend(t.everything)
    reasons: dict[str, list[Issue]] = {k: list(v) for k, v in direct.items()}
    waits: dict[str, list[str]] = {}

    def block(goal_id: str, because_of: str) -> None:
        for issue in reasons[because_of]:
            if issue not in reasons.setdefault(goal_id, []):
                reasons[goal_id].append(issue)
        waits.setdefault(goal_id, []).append(because_of)

    for goal_id in list(direct):
        goal = plan.goal(goal_id)
        if goal is None:
            continue
        relatives = _ancestors(plan, goal_id) + _descendants(plan, goal_id)
        if goal_id in t.weights and goal.parent is not None:
            for sibling in plan.children(goal.parent):
                if sibling.id != goal_id:
                    relatives += [sibling.id, *_descendants(plan, sibling.id)]
        for other in relatives:
            if other != goal_id:
                block(other, goal_id)
    items: list[Blocked] = []
    for g in plan.goals:
        if g.id in reasons and not any(b.kind == "goal" and b.key == g.id for b in items):
            via = () if g.id in direct else tuple(dict.fromkeys(waits.get(g.id, ())))
            items.append(Blocked("goal", g.id, g.row, _unique(reasons[g.id]), via))
    blocked_top = [g for g in plan.top_level() if g.id in reasons]
    by_area: dict[str, list[Issue]] = {a: list(v) for a, v in t.areas.items()}
    for g in blocked_top:
        by_area.setdefault(g.area, []).extend(reasons[g.id])
    for area, found in by_area.items():
        items.append(Blocked("area", area, -1, _unique(found)))
    total = [i for g in blocked_top for i in reasons[g.id]] + t.totals + t.everything
    waiting = tuple(g.id for g in blocked_top)
    if total:
        items.append(Blocked("total", "", -1, _unique(total), waiting))
    for p in plan.people:
        own = t.people.get(p.row, [])
        if own or total:
            items.append(
                Blocked("pay", p.name, p.row, _unique(own + total), waiting if total else ())
            )
    return Blocking(tuple(items))


def _ancestors(plan: Plan, goal_id: str) -> list[str]:
    found: list[str] = []
    goal = plan.goal(goal_id)
    while goal is not None and goal.parent is not None and goal.parent not in found:
        if goal.parent == goal_id:
            break
        found.append(goal.parent)
        goal = plan.goal(goal.parent)
    return found


def _descendants(plan: Plan, goal_id: str) -> list[str]:
    found: list[str] = []
    pending = [goal_id]
    while pending:
        for child in plan.children(pending.pop()):
            if child.id not in found and child.id != goal_id:
                found.append(child.id)
                pending.append(child.id)
    return found


def _unique(issues: list[Issue]) -> tuple[Issue, ...]:
    return tuple(dict.fromkeys(issues))
