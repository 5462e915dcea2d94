"""What the screen shows of one evaluation: every number, or those no error touches.

A workbook with errors is never saved, but while the user fixes it the views show the core's
partial result (`Evaluation.partial`) and mark what each error blocks (`Evaluation.blocking`):
"afventer rettelse" instead of a number. No Qt here; the views read this one object.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from calc.blocking import Blocked, Blocking
from calc.engine import Evaluation
from calc.errors import Issue
from calc.grid import Pos, parse_a1
from calc.model import Lang, Plan
from calc.pay import PayResult
from calc.scoring import GoalResult, ScoreCard


@dataclass(frozen=True)
class Shown:
    plan: Plan | None = None
    card: ScoreCard | None = None  # the full scorecard, or the partial one with errors
    pay: tuple[PayResult, ...] = ()
    issues: tuple[Issue, ...] = ()
    blocking: Blocking = field(default=Blocking())
    ok: bool = True
    before: tuple[PayResult, ...] = ()  # pay before a Skøn that waits for a correction

    @classmethod
    def of(cls, ev: Evaluation | None) -> Shown:
        if ev is None:
            return cls()
        if ev.partial is not None:
            partial = ev.partial
            return cls(
                ev.plan,
                partial.scorecard,
                partial.pay,
                ev.issues + partial.issues,
                ev.blocking,
                ev.ok,
                partial.before_adjustment,
            )
        return cls(ev.plan, ev.scorecard, ev.pay, ev.issues, ev.blocking, ev.ok)

    @property
    def lang(self) -> Lang:
        return self.plan.lang if self.plan else "da"

    @property
    def total(self) -> ScoreCard | None:
        """The scorecard when its totals may be shown (no error blocks them)."""
        return self.card if self.card is not None and self.blocking.total is None else None

    def goal(self, goal_id: str) -> GoalResult | None:
        if self.card is None:
            return None
        return next((r for r in self.card.goals if r.goal_id == goal_id), None)

    def blocked_goal(self, goal_id: str) -> Blocked | None:
        return self.blocking.goal(goal_id)

    def pay_of(self, row: int) -> PayResult | None:
        return next((p for p in self.pay if p.row == row), None)

    def bad_cells(self, sheet: str) -> dict[Pos, Issue]:
        """The errors that name one cell of `sheet`, by position (the first one per cell)."""
        cells: dict[Pos, Issue] = {}
        for issue in self.issues:
            if issue.is_error and issue.sheet == sheet and issue.cell and ":" not in issue.cell:
                try:
                    cells.setdefault(parse_a1(issue.cell), issue)
                except ValueError:
                    continue
        return cells


__all__ = ["Shown"]
