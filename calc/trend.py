"""The trend across years: last year's fulfilment and points per goal beside this year's.

Last year's numbers come from one of three places, the first that exists winning:

1. last year's workbook given on the command line (`--sidste-år FIL`);
2. last year's workbook named on the Plan sheet (label `Sidste år`, a file beside this one);
3. the reference columns `maalscore nyt-år` writes into next year's plan: Sidste år, Sidste års
   opfyldelse and Sidste års point on the Mål sheet, and Sidste års point and Sidste års
   målopfyldelse on the Plan sheet.

A workbook is scored by the same engine as this year's (its own stored results are not trusted
blindly); this module only compares numbers. Goals are matched by Nr; a goal new this year has
no last year, and a goal dropped since last year is not listed (its points are still in last
year's total).
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from .exact import q
from .followup import FollowUp
from .model import Plan
from .scoring import ScoreCard

HUNDRED = Fraction(100)


@dataclass(frozen=True)
class LastYear:
    """Last year's numbers: per goal (Nr → fulfilment or None, points), and the totals."""

    source: str  # the workbook's file name; "" for the columns of this year's plan
    year: int | None
    fulfilment: dict[str, Fraction | None]
    points: dict[str, Fraction]
    total_points: Fraction | None
    score_pct: Fraction | None


def from_scorecard(plan: Plan, card: ScoreCard, source: str) -> LastYear:
    """Last year's numbers from last year's plan, scored now."""
    return LastYear(
        source,
        plan.year,
        {g.goal_id: g.fulfilment for g in card.goals},
        {g.goal_id: g.points for g in card.goals},
        card.total_points,
        card.score_pct,
    )


def from_columns(plan: Plan) -> LastYear | None:
    """Last year's numbers from this year's Sidste år columns; None when they are all empty."""
    fulfilment = {g.id: q(g.last_fulfilment) for g in plan.goals if g.last_fulfilment is not None}
    points = {g.id: q(g.last_points) for g in plan.goals if g.last_points is not None}
    if not fulfilment and not points and plan.last_points is None and plan.last_score_pct is None:
        return None
    total = q(plan.last_points) if plan.last_points is not None else None
    if total is None and points:
        total = sum((p for gid, p in points.items() if _top(plan, gid)), Fraction(0))
    score = q(plan.last_score_pct) if plan.last_score_pct is not None else None
    year = plan.year - 1 if plan.year is not None else None
    return LastYear("", year, dict(fulfilment), points, total, score)


def _top(plan: Plan, goal_id: str) -> bool:
    goal = plan.goal(goal_id)
    return goal is not None and goal.parent is None


@dataclass(frozen=True)
class GoalTrend:
    goal_id: str
    last_fulfilment: Fraction | None
    last_points: Fraction | None
    fulfilment: Fraction | None
    points: Fraction
    change_points: Fraction | None  # this year's points − last year's


@dataclass(frozen=True)
class Trend:
    source: str
    last_year: int | None
    goals: tuple[GoalTrend, ...]
    last_total_points: Fraction | None
    total_points: Fraction
    change_points: Fraction | None
    last_score_pct: Fraction | None
    score_pct: Fraction
    change_pct: Fraction | None  # percentage points

    def goal(self, goal_id: str) -> GoalTrend | None:
        return next((g for g in self.goals if g.goal_id == goal_id), None)


def compare(card: ScoreCard, last: LastYear) -> Trend:
    """This year's scorecard against last year's numbers."""
    goals = []
    for g in card.goals:
        had = g.goal_id in last.fulfilment or g.goal_id in last.points
        last_points = last.points.get(g.goal_id)
        goals.append(
            GoalTrend(
                g.goal_id,
                last.fulfilment.get(g.goal_id),
                last_points,
                g.fulfilment,
                g.points,
                g.points - last_points if had and last_points is not None else None,
            )
        )
    change = card.total_points - last.total_points if last.total_points is not None else None
    pct = card.score_pct - last.score_pct if last.score_pct is not None else None
    return Trend(
        last.source,
        last.year,
        tuple(goals),
        last.total_points,
        card.total_points,
        change,
        last.score_pct,
        card.score_pct,
        pct,
    )


@dataclass(frozen=True)
class FollowUpTrend:
    """Last year beside a follow-up during the year: per goal last year's fulfilment and
    points, and how the projected range of this year's total compares with last year's."""

    source: str
    last_year: int | None
    goals: tuple[tuple[str, Fraction | None, Fraction | None], ...]  # Nr, fulfilment, points
    last_total_points: Fraction | None
    last_score_pct: Fraction | None
    change_points_low: Fraction | None
    change_points_high: Fraction | None


def compare_followup(fu: FollowUp, last: LastYear) -> FollowUpTrend:
    low, high = fu.projected.points_low, fu.projected.points_high
    total = last.total_points
    return FollowUpTrend(
        last.source,
        last.year,
        tuple(
            (g.goal_id, last.fulfilment.get(g.goal_id), last.points.get(g.goal_id))
            for g in fu.goals
        ),
        total,
        last.score_pct,
        low - total if total is not None else None,
        high - total if total is not None else None,
    )
