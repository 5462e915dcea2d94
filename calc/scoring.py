"""Score a parsed plan: fulfilment, points and status per goal, and the totals.

Each goal type has one plain function in `RULES` that returns its fulfilment (0–100, or None
when there is no result) and the first half of the explanation — the rule and the numbers. The
common tail (`→ opfyldt: 20 af 20 point`) is added in one place, so every explanation reads the
same way. Points = weight × fulfilment / 100; a child's weight is its share of its parent's.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from enum import Enum
from fractions import Fraction
from typing import Any

from . import fmt
from .errors import WARNING, Issue
from .exact import q
from .grid import a1, normalise_name
from .indicators import DAYS_PER_UNIT, IndicatorValue, compute, compute_counts
from .model import Combine, Goal, GoalCases, GoalType, Indicator, Lang, Milestone, Plan, Scale

HUNDRED = Fraction(100)
ZERO = Fraction(0)


class Status(Enum):
    MET = "met"
    PARTLY = "partly"
    NOT_MET = "not_met"
    MISSING = "missing"
    BLOCKED = "blocked"  # an error in an input it depends on (see calc.blocking); never written

    def label(self, lang: Lang) -> str:
        """The text written in the Status column."""
        return _STATUS_LABELS[lang][self]


_STATUS_LABELS: dict[str, dict[Status, str]] = {
    "da": {
        Status.MET: "Opfyldt",
        Status.PARTLY: "Delvist opfyldt",
        Status.NOT_MET: "Ikke opfyldt",
        Status.MISSING: "Mangler resultat",
        Status.BLOCKED: "Afventer rettelse",
    },
    "sv": {
        Status.MET: "Uppfyllt",
        Status.PARTLY: "Delvis uppfyllt",
        Status.NOT_MET: "Ej uppfyllt",
        Status.MISSING: "Resultat saknas",
        Status.BLOCKED: "Inväntar rättelse",
    },
}


def status_of(fulfilment: Fraction | None) -> Status:
    if fulfilment is None:
        return Status.MISSING
    if fulfilment >= HUNDRED:
        return Status.MET
    return Status.PARTLY if fulfilment > 0 else Status.NOT_MET


@dataclass(frozen=True)
class GoalResult:
    goal_id: str
    row: int
    area: str
    is_top_level: bool
    weight: Fraction  # effective points this goal is worth
    fulfilment: Fraction | None  # 0–100; None: no result
    points: Fraction
    status: Status
    explanation: str
    measured: Fraction | None = None  # the value compared with the target (in Enhed), if one

    @property
    def blocked(self) -> bool:
        return self.status is Status.BLOCKED


@dataclass(frozen=True)
class MilestoneResult:
    row: int
    on_time: bool | None  # None: not filled in; the Rettidig cell is left empty
    deadline_known: bool = True


@dataclass(frozen=True)
class AreaTotal:
    area: str
    points: Fraction
    max_points: Fraction


@dataclass(frozen=True)
class ScoreCard:
    goals: tuple[GoalResult, ...]
    milestones: tuple[MilestoneResult, ...]
    total_points: Fraction
    max_points: Fraction
    score_pct: Fraction
    areas: tuple[AreaTotal, ...]
    issues: tuple[Issue, ...] = field(default=())

    def result(self, goal_id: str) -> GoalResult:
        for g in self.goals:
            if g.goal_id == goal_id:
                return g
        raise KeyError(goal_id)


@dataclass(frozen=True)
class Assessment:
    """A rule's verdict: fulfilment (None = no result) and the rule with its numbers."""

    fulfilment: Fraction | None
    reason: str
    measured: Fraction | None = None  # the measured value, for a rule that compares one


@dataclass
class Context:
    """What a rule needs besides its goal: the plan, results of children, the language."""

    plan: Plan
    lang: Lang
    fulfilments: dict[str, Fraction | None]
    issues: list[Issue]

    def t(self, da: str, sv: str) -> str:
        return sv if self.lang == "sv" else da

    def warn(self, goal: Goal, key: str, da: str, sv: str) -> None:
        layout = self.plan.goals_layout
        sheet = layout.sheet if layout else "Mål"
        col = dict(layout.columns).get(key, 0) if layout else 0
        self.issues.append(Issue(sheet, a1(goal.row, col), WARNING, self.t(da, sv)))


# --- showing values -----------------------------------------------------------------------


def _is_pct_unit(unit: str) -> bool:
    return normalise_name(unit) in {"%", "andel", "pct", "procent", "share"}


def show(value: Fraction | Decimal, unit: str, lang: Lang) -> str:
    """A value with its unit as it reads in an explanation: `87,2 %`, `104,3 dage`, `2.134`."""
    if _is_pct_unit(unit):
        return fmt.pct(value, lang)
    big = value >= 1000 or value <= -1000
    text = fmt.number(value, 0 if big else fmt.PCT_DECIMALS, lang)
    if normalise_name(unit) in {"", "antal", "stk", "count"}:
        return text
    return f"{text} {unit.strip()}"


def _pct(value: Fraction | Decimal, lang: Lang) -> str:
    return fmt.pct(value, lang)


# --- comparing a number with its target ---------------------------------------------------


def _by_scale(
    goal: Goal, value: Fraction, shown: Callable[[Fraction], str], ctx: Context
) -> Assessment:
    """Fulfilment of `value` against the goal's target by its Skala (binær, lineær, trin)."""
    if goal.target is None:
        return Assessment(None, "")
    target = q(goal.target)
    lower_better = goal.lower_is_better
    if goal.scale is Scale.LINEAR and goal.lower is not None and goal.lower != target:
        lower = q(goal.lower)
        span = lower - target if lower_better else target - lower
        gained = lower - value if lower_better else value - lower
        f = min(HUNDRED, max(ZERO, gained / span * HUNDRED))
        return Assessment(
            f,
            ctx.t(
                f"{shown(value)}, lineært fra {shown(lower)} (0 %) til {shown(target)} (100 %)",
                f"{shown(value)}, linjärt från {shown(lower)} (0 %) till {shown(target)} (100 %)",
            ),
        )
    if goal.scale is Scale.STEPS and goal.steps:
        reached = [
            (q(thr), q(p))
            for thr, p in goal.steps
            if (value <= thr if lower_better else value >= thr)
        ]
        if not reached:
            return Assessment(
                ZERO, ctx.t(f"{shown(value)} når intet trin", f"{shown(value)} når inget steg")
            )
        thr, p = max(reached, key=lambda s: s[1])
        op = "≤" if lower_better else "≥"
        return Assessment(
            p,
            ctx.t(
                f"{shown(value)} {op} trinnet {shown(thr)}, som giver {_pct(p, ctx.lang)}",
                f"{shown(value)} {op} steget {shown(thr)}, som ger {_pct(p, ctx.lang)}",
            ),
        )
    met = value <= target if lower_better else value >= target
    op = {(True, True): "≤", (True, False): ">", (False, True): "≥", (False, False): "<"}[
        (lower_better, met)
    ]
    return Assessment(HUNDRED if met else ZERO, f"{shown(value)} {op} {shown(target)}")


def _measured(goal: Goal, ctx: Context) -> tuple[Fraction | None, str]:
    """The goal's measured value and, when computed from Sagsdata, how it was computed."""
    if goal.indicator is None:
        value = q(goal.result) if isinstance(goal.result, Decimal) else None
        return value, ""
    cases = ctx.plan.cases_for(goal.id)
    iv = _indicator_of(goal, cases)
    how = _indicator_text(goal, iv, cases.excluded if cases else 0, ctx)
    if cases and cases.without_days:
        ctx.warn(
            goal,
            "indicator",
            f"{cases.without_days} sager for mål {goal.id} har hverken Dage eller datoer "
            "og er ikke medregnet.",
            f"{cases.without_days} ärenden för mål {goal.id} saknar både Dagar och datum "
            "och är inte medräknade.",
        )
    return iv.value, how


def _indicator_of(goal: Goal, cases: GoalCases | None, key: str | None = None) -> IndicatorValue:
    """The goal's indicator over its cases (at the locations folding to `key`, if given),
    from the cases themselves or from their counts (large case data)."""
    if cases is not None and cases.counts:
        days, decided = cases.histograms(key)
        return compute_counts(goal.indicator, days, decided, **_indicator_settings(goal))  # type: ignore[arg-type]
    if cases is None:
        return _indicator(goal, (), ())
    if key is None:
        return _indicator(goal, cases.days, cases.decided)
    return _indicator(goal, *cases.at_location(key))


def _indicator_settings(goal: Goal) -> dict[str, Any]:
    return {
        "deadline_days": goal.deadline_days,
        "deadline_date": goal.deadline_date,
        "trim_pct": goal.trim_pct,
        "days_per_unit": DAYS_PER_UNIT.get(normalise_name(goal.unit), Decimal(1)),
        "percentile": goal.percentile,
    }


def _indicator(
    goal: Goal, days: tuple[Decimal, ...], decided: tuple[object, ...]
) -> IndicatorValue:
    assert goal.indicator is not None
    return compute(goal.indicator, days, decided, **_indicator_settings(goal))  # type: ignore[arg-type]


def _indicator_text(goal: Goal, iv: IndicatorValue, excluded: int, ctx: Context) -> str:
    n = iv.n_cases + iv.n_trimmed
    parts = [ctx.t(f"{n} sager", f"{n} ärenden")]
    if goal.indicator is Indicator.PERCENTILE:
        p = fmt.plain(goal.percentile)
        parts.insert(0, ctx.t(f"{p}-percentilen", f"{p}:e percentilen"))
    if excluded:
        parts.append(
            ctx.t(
                f"{excluded} udeladt efter Medtages = Nej",
                f"{excluded} exkluderade enligt Ingår = Nej",
            )
        )
    if iv.n_trimmed:
        parts.append(
            ctx.t(
                f"de {iv.n_trimmed} langsomste ({fmt.plain(goal.trim_pct)} %) udeladt",
                f"de {iv.n_trimmed} långsammaste ({fmt.plain(goal.trim_pct)} %) utelämnade",
            )
        )
    return "; ".join(parts)


def _with_how(how: str, reason: str) -> str:
    return f"{reason} ({how})" if how else reason


# --- the rules, one per goal type ---------------------------------------------------------


def _numeric(goal: Goal, ctx: Context) -> Assessment:
    if goal.location_weights or goal.every_location:
        return _by_location(goal, ctx)
    value, how = _measured(goal, ctx)
    if value is None:
        return Assessment(None, how)
    a = _compare(goal, value, ctx)
    return Assessment(a.fulfilment, _with_how(how, a.reason), value)


def _compare(goal: Goal, value: Fraction, ctx: Context) -> Assessment:
    """Compare a measured value with the target, via the change from Basis when relative."""
    lang = ctx.lang
    if goal.type in (GoalType.REDUCTION, GoalType.INCREASE):
        if goal.baseline is None or goal.baseline == 0:
            return Assessment(None, "")
        base = q(goal.baseline)
        reduction = goal.type is GoalType.REDUCTION
        change = (base - value if reduction else value - base) / base * HUNDRED
        a = _by_scale(goal, change, lambda v: _pct(v, lang), ctx)
        word = ctx.t(
            "reduktion" if reduction else "stigning", "minskning" if reduction else "ökning"
        )
        prefix = ctx.t(
            f"{show(value, goal.unit, lang)} mod basis {show(base, goal.unit, lang)}: {word} ",
            f"{show(value, goal.unit, lang)} mot basvärde {show(base, goal.unit, lang)}: {word} ",
        )
        return Assessment(a.fulfilment, prefix + a.reason)
    return _by_scale(goal, value, lambda v: show(v, goal.unit, lang), ctx)


def _by_location(goal: Goal, ctx: Context) -> Assessment:
    """Score each location on its own, then weight them (or require every one)."""
    cases = ctx.plan.cases_for(goal.id)
    if cases is None or not cases.n_cases:
        return Assessment(None, "")
    if goal.every_location:
        names = sorted(cases.location_names())
        weights = [(n, Fraction(1)) for n in names]
    else:
        weights = [(n, q(w)) for n, w in goal.location_weights]
    known = cases.location_keys()
    parts: list[str] = []
    scored: list[tuple[Fraction, Fraction]] = []
    for name, weight in weights:
        key = normalise_name(name)
        if key not in known:
            ctx.warn(
                goal,
                "locations",
                f"Ingen sager for lokationen {name} under mål {goal.id}; den tæller 0 %.",
                f"Inga ärenden för orten {name} under mål {goal.id}; den räknas som 0 %.",
            )
        iv = _indicator_of(goal, cases, key)
        if iv.value is None:
            scored.append((weight, ZERO))
            parts.append(ctx.t(f"{name}: intet resultat", f"{name}: inget utfall"))
            continue
        a = _compare(goal, iv.value, ctx)
        f = a.fulfilment or ZERO
        scored.append((weight, f))
        w = (
            ""
            if goal.every_location
            else ctx.t(f", vægt {fmt.plain(weight)}", f", vikt {fmt.plain(weight)}")
        )
        parts.append(f"{name}: {a.reason}{w}")
    total_w = sum((w for w, _ in scored), ZERO)
    if goal.every_location:
        f = min(f for _, f in scored)
        lead = ctx.t("Skal holde på alle lokationer", "Ska gälla på alla orter")
    else:
        f = sum((w * f for w, f in scored), ZERO) / total_w if total_w else ZERO
        lead = ctx.t("Vægtet over lokationer", "Viktat över orter")
    return Assessment(f, f"{lead}: " + "; ".join(parts))


def _range(goal: Goal, ctx: Context) -> Assessment:
    value, how = _measured(goal, ctx)
    if value is None or goal.target_range is None:
        return Assessment(None, how)
    lo, hi = goal.target_range
    inside = lo <= value <= hi

    def s(v: Fraction | Decimal) -> str:
        return show(v, goal.unit, ctx.lang)

    text = ctx.t(
        f"{s(value)} ligger {'i' if inside else 'uden for'} intervallet {s(lo)}–{s(hi)}",
        f"{s(value)} ligger {'inom' if inside else 'utanför'} intervallet {s(lo)}–{s(hi)}",
    )
    return Assessment(HUNDRED if inside else ZERO, _with_how(how, text), value)


def _yes_no(goal: Goal, ctx: Context) -> Assessment:
    if not isinstance(goal.result, bool):
        return Assessment(None, "")
    answer = ctx.t("Ja" if goal.result else "Nej", "Ja" if goal.result else "Nej")
    return Assessment(
        HUNDRED if goal.result else ZERO, ctx.t(f"Resultat: {answer}", f"Utfall: {answer}")
    )


def _assessment(goal: Goal, ctx: Context) -> Assessment:
    if not isinstance(goal.result, Decimal):
        return Assessment(None, "")
    level = _pct(goal.result, ctx.lang)
    value = q(goal.result)
    written = (
        goal.result_text if goal.result_text and goal.result_text != fmt.plain(goal.result) else ""
    )
    shown = f"{written} ({level})" if written and written.strip() != level else level
    return Assessment(value, ctx.t(f"Vurdering: {shown}", f"Bedömning: {shown}"))


def milestone_on_time(m: Milestone) -> bool | None:
    """On time: delivered on or before the deadline (any delivery when there is none)."""
    if m.delivered is None:
        return None
    if isinstance(m.delivered, bool):
        return m.delivered and m.deadline_known
    if not m.deadline_known:
        return False
    return m.deadline is None or m.delivered <= m.deadline


def _milestones(goal: Goal, ctx: Context) -> Assessment:
    items = [m for m in ctx.plan.milestones if m.goal_id == goal.id]
    states = [milestone_on_time(m) for m in items]
    if not items or all(s is None for s in states):
        return Assessment(None, "")
    weights = _relative_weights([m.weight for m in items])
    done = sum((w for w, s in zip(weights, states, strict=True) if s), ZERO)
    total = sum(weights, ZERO)
    n_ok = sum(1 for s in states if s)
    if goal.combine is Combine.ALL:
        f = HUNDRED if n_ok == len(items) else ZERO
        return Assessment(
            f,
            ctx.t(
                f"Alle milepæle skal nås rettidigt: {n_ok} af {len(items)} er nået",
                f"Alla aktiviteter ska vara klara i tid: {n_ok} av {len(items)} är klara",
            ),
        )
    f = done / total * HUNDRED if total else ZERO
    weighted = ""
    if any(w != weights[0] for w in weights):
        weighted = ctx.t(
            f" (vægt {fmt.plain(done)} af {fmt.plain(total)})",
            f" (vikt {fmt.plain(done)} av {fmt.plain(total)})",
        )
    return Assessment(
        f,
        ctx.t(
            f"{n_ok} af {len(items)} milepæle nået rettidigt{weighted}",
            f"{n_ok} av {len(items)} aktiviteter klara i tid{weighted}",
        ),
    )


def _relative_weights(weights: list[Decimal | None]) -> list[Fraction]:
    """Relative shares; all empty means equal shares."""
    if all(w is None for w in weights):
        return [Fraction(1)] * len(weights)
    return [q(w) if w is not None else ZERO for w in weights]


def _subgoals(goal: Goal, ctx: Context) -> Assessment:
    children = ctx.plan.children(goal.id)
    results = [ctx.fulfilments.get(c.id) for c in children]
    if not children or all(r is None for r in results):
        return Assessment(None, "")
    lang = ctx.lang
    listing = ", ".join(
        f"{c.id}: {_pct(r, lang) if r is not None else ctx.t('intet resultat', 'inget utfall')}"
        for c, r in zip(children, results, strict=True)
    )
    if goal.combine is Combine.ALL:
        missed = [c.id for c, r in zip(children, results, strict=True) if r is None or r < HUNDRED]
        f = ZERO if missed else HUNDRED
        tail = ctx.t(
            f"; ikke opfyldt: {', '.join(missed)}" if missed else "",
            f"; ej uppfyllt: {', '.join(missed)}" if missed else "",
        )
        return Assessment(
            f,
            ctx.t(
                f"Alle delmål skal være opfyldt ({listing}){tail}",
                f"Alla delmål ska vara uppfyllda ({listing}){tail}",
            ),
        )
    weights = _relative_weights([c.weight for c in children])
    total = sum(weights, ZERO)
    f = sum((w * (r or ZERO) for w, r in zip(weights, results, strict=True)), ZERO) / total
    return Assessment(f, ctx.t(f"Delmål vægtet: {listing}", f"Delmål viktade: {listing}"))


RULES: dict[GoalType, Callable[[Goal, Context], Assessment]] = {
    GoalType.YES_NO: _yes_no,
    GoalType.AT_LEAST: _numeric,
    GoalType.AT_MOST: _numeric,
    GoalType.REDUCTION: _numeric,
    GoalType.INCREASE: _numeric,
    GoalType.RANGE: _range,
    GoalType.ASSESSMENT: _assessment,
    GoalType.MILESTONES: _milestones,
    GoalType.SUBGOALS: _subgoals,
}


# --- for other rules (calc.followup) ------------------------------------------------------


def measured_value(plan: Plan, goal: Goal) -> Fraction | None:
    """The value a numeric goal is compared with — its Resultat, or its indicator over its
    cases — exactly as scoring computes it; None when there is none, or when the goal is
    scored per location (it has one value per location, not one)."""
    if goal.location_weights or goal.every_location:
        return None
    value, _ = _measured(goal, Context(plan, plan.lang, {}, []))
    return value


def relative_weights(weights: list[Decimal | None]) -> list[Fraction]:
    """Relative shares of milestones or delmål, as scoring uses them (all empty: equal)."""
    return _relative_weights(weights)


def children_first(plan: Plan) -> list[Goal]:
    """Every goal, children before their parents (the order scoring works in)."""
    return _depth_first_order(plan)


# --- the whole plan -----------------------------------------------------------------------


def effective_weights(plan: Plan) -> dict[str, Fraction]:
    """Points each goal is worth: top level by Vægt (or 100/N), children by their share."""
    top = plan.top_level()
    weights: dict[str, Fraction] = {}
    for g in top:
        weights[g.id] = HUNDRED / len(top) if plan.equal_weights else q(g.weight or 0)
    pending = list(top)
    while pending:
        parent = pending.pop(0)
        children = plan.children(parent.id)
        shares = _relative_weights([c.weight for c in children])
        total = sum(shares, ZERO)
        for child, share in zip(children, shares, strict=True):
            if child.id not in weights:
                weights[child.id] = weights[parent.id] * share / total if total else ZERO
                pending.append(child)
    return weights


def _tail(status: Status, f: Fraction | None, pts: Fraction, weight: Fraction, lang: Lang) -> str:
    word = status.label(lang).lower()
    if status is Status.PARTLY and f is not None:
        word = f"{word} ({_pct(f, lang)})"
    of, unit = ("av", "poäng") if lang == "sv" else ("af", "point")
    return f"{word}: {fmt.points(pts, lang)} {of} {fmt.points(weight, lang)} {unit}"


def _blocked_goal(goal: Goal, weight: Fraction, why: str, ctx: Context) -> GoalResult:
    """A goal an error keeps from being scored: no number, and the reason instead."""
    ctx.fulfilments[goal.id] = None
    top = next((p for p in _ancestors(goal, ctx.plan)), goal)
    return GoalResult(
        goal.id, goal.row, top.area, goal.parent is None, weight, None, ZERO, Status.BLOCKED, why
    )


def _score_goal(goal: Goal, weight: Fraction, ctx: Context) -> GoalResult:
    a = RULES[goal.type](goal, ctx)
    f = a.fulfilment
    if f is not None:
        f = min(HUNDRED, max(ZERO, f))
    ctx.fulfilments[goal.id] = f
    status = status_of(f)
    pts = weight * f / HUNDRED if f is not None else ZERO
    if f is None:
        ctx.warn(
            goal,
            "result",
            f"Mål {goal.id} mangler resultat og giver 0 point.",
            f"Mål {goal.id} saknar utfall och ger 0 poäng.",
        )
        reason = a.reason or ctx.t("Intet resultat", "Inget utfall")
    else:
        reason = a.reason
    explanation = f"{reason} → {_tail(status, f, pts, weight, ctx.lang)}"
    top = next((p for p in _ancestors(goal, ctx.plan)), goal)
    return GoalResult(
        goal.id,
        goal.row,
        top.area,
        goal.parent is None,
        weight,
        f,
        pts,
        status,
        explanation,
        a.measured,
    )


def _ancestors(goal: Goal, plan: Plan) -> list[Goal]:
    """The goal's chain of parents, top-level goal first."""
    chain: list[Goal] = []
    current = goal
    while current.parent is not None and (parent := plan.goal(current.parent)) is not None:
        if parent in chain:
            break
        chain.insert(0, parent)
        current = parent
    return chain


def _depth_first_order(plan: Plan) -> list[Goal]:
    """Children before parents, so a delmål parent sees its children's fulfilment."""
    order: list[Goal] = []
    done: set[str] = set()

    def visit(g: Goal) -> None:
        if g.id in done:
            return
        done.add(g.id)
        for child in plan.children(g.id):
            visit(child)
        order.append(g)

    for g in plan.goals:
        visit(g)
    return order


def score_plan(plan: Plan, blocked: Mapping[str, str] | None = None) -> ScoreCard:
    """Score every goal of a plan.

    `blocked` maps the goals that an error keeps from being scored (see `calc.blocking`) to the
    reason shown instead; they get `Status.BLOCKED` and no number, and nothing is computed from
    their inputs. The totals then count only the other goals: a front end shows them only when
    the total itself is not blocked. A plan with errors is never written.
    """
    blocked = blocked or {}
    ctx = Context(plan, plan.lang, {}, [])
    weights = effective_weights(plan)
    by_id = {
        g.id: (
            _blocked_goal(g, weights.get(g.id, ZERO), blocked[g.id], ctx)
            if g.id in blocked
            else _score_goal(g, weights.get(g.id, ZERO), ctx)
        )
        for g in _depth_first_order(plan)
    }
    goals = tuple(by_id[g.id] for g in plan.goals)
    top = [r for r in goals if r.is_top_level]
    total = sum((r.points for r in top), ZERO)
    possible = sum((r.weight for r in top), ZERO)
    areas: dict[str, list[Fraction]] = {}
    for r in top:
        acc = areas.setdefault(r.area, [ZERO, ZERO])
        acc[0] += r.points
        acc[1] += r.weight
    return ScoreCard(
        goals=goals,
        milestones=tuple(
            MilestoneResult(m.row, milestone_on_time(m), m.deadline_known) for m in plan.milestones
        ),
        total_points=total,
        max_points=possible,
        score_pct=total / possible * HUNDRED if possible else ZERO,
        areas=tuple(AreaTotal(a, p, m) for a, (p, m) in areas.items()),
        issues=tuple(ctx.issues),
    )
