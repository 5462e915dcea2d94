"""Score a parsed plan: fulfilment, points and status per goal, and the totals.

Each goal type has one plain function in `RULES` that returns its fulfilment (0–100, or None
when there is no result) and the first half of the explanation — the rule and the numbers. The
common tail (`→ opfyldt: 20 af 20 point`) is added in one place, so every explanation reads the
same way. Points = weight × fulfilment / 100; a child's weight is its share of its parent's.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal
from enum import Enum
from fractions import Fraction
from typing import Any

from . import fmt
from .deadlines import Deadline, Kind
from .errors import WARNING, Issue
from .exact import q
from .excluded_periods import left_out
from .grid import a1, normalise_name
from .indicators import DAYS_PER_UNIT, IndicatorValue, compute, compute_counts, needs_decided
from .model import Combine, Goal, GoalCases, GoalType, Indicator, Lang, Milestone, Plan, Scale

HUNDRED = Fraction(100)
ZERO = Fraction(0)


class Status(Enum):
    MET = "met"
    PARTLY = "partly"
    NOT_MET = "not_met"
    MISSING = "missing"
    BLOCKED = "blocked"  # an error in an input it depends on (see calc.blocking); never written
    EXCLUDED = "excluded"  # Forudsætning opfyldt = Nej: out of the total

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
        Status.EXCLUDED: "Udgår",
    },
    "sv": {
        Status.MET: "Uppfyllt",
        Status.PARTLY: "Delvis uppfyllt",
        Status.NOT_MET: "Ej uppfyllt",
        Status.MISSING: "Resultat saknas",
        Status.BLOCKED: "Inväntar rättelse",
        Status.EXCLUDED: "Utgår",
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
    weight: Fraction  # effective points this goal is worth by the plan
    fulfilment: Fraction | None  # 0–100; None: no result (or the goal is out)
    points: Fraction
    status: Status
    explanation: str
    measured: Fraction | None = None  # the value compared with the target (in Enhed), if one
    # points it can earn: the weight less goals taken out by a Forudsætning (None: the weight)
    possible_points: Fraction | None = None

    @property
    def blocked(self) -> bool:
        return self.status is Status.BLOCKED

    @property
    def possible(self) -> Fraction:
        return self.weight if self.possible_points is None else self.possible_points


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
    out: frozenset[str] = frozenset()  # goals taken out of the total (Forudsætning)

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


def with_unit(number: str, unit: str) -> str:
    """A number already written (as a person typed it) followed by the goal's unit, as `show`
    writes it: `88 %`, `9,6 uger`; no unit for counts."""
    if _is_pct_unit(unit):
        return f"{number} %"
    if normalise_name(unit) in {"", "antal", "stk", "count"}:
        return number
    return f"{number} {unit.strip()}"


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
    cases, in_periods = _goal_cases(goal, ctx)
    if _needs_each_case(goal, cases, ctx):
        return None, ""
    iv = _indicator(goal, cases, ctx)
    how = _indicator_text(goal, iv, cases.excluded if cases else 0, in_periods, ctx)
    _warn_undated(goal, iv, ctx)
    return iv.value, how


def _goal_cases(goal: Goal, ctx: Context) -> tuple[GoalCases | None, int]:
    """The goal's cases without those in its excluded periods, and how many those were."""
    cases = ctx.plan.cases_for(goal.id)
    # Cases without a day count are named one by one (with their row) when they are read.
    if cases is None or not goal.excluded_periods or cases.counts:
        return cases, 0
    periods = goal.excluded_periods
    keep = [
        i
        for i, (r, d) in enumerate(zip(cases.received, cases.decided, strict=True))
        if not left_out(periods, r, d)
    ]
    no_date = sum(1 for r, d in zip(cases.received, cases.decided, strict=True) if r is d is None)
    if no_date:
        ctx.warn(
            goal,
            "periods",
            f"{no_date} sager for mål {goal.id} har hverken Modtaget eller Afgjort, så de kan "
            "ikke holdes op mod Udelad periode; de er medregnet.",
            f"{no_date} ärenden för mål {goal.id} saknar både Mottaget och Avgjort, så de kan "
            "inte jämföras med Utelämnad period; de är medräknade.",
        )
    return cases.subset(keep), len(cases.days) - len(keep)


def _indicator(
    goal: Goal, cases: GoalCases | None, ctx: Context, key: str | None = None
) -> IndicatorValue:
    """The goal's indicator over its cases (at the locations folding to `key`, if given), from
    the cases themselves or from their counts (large case data, see `_needs_each_case`)."""
    assert goal.indicator is not None
    settings: dict[str, Any] = {
        "deadline": goal.deadline,
        "trim_pct": goal.trim_pct,
        "days_per_unit": DAYS_PER_UNIT.get(normalise_name(goal.unit), Decimal(1)),
        "percentile": goal.percentile,
    }
    if cases is not None and cases.counts:
        if needs_decided(goal.indicator, goal.deadline) and not _decided_for(goal, cases):
            # the engine asks the plan which goals need decision dates, and their Frist,
            # before it counts (`engine.decided_goals`); any other count would score wrongly
            raise RuntimeError(f"goal {goal.id}: cases not counted by its Frist date")
        days, decided = cases.histograms(key)
        return compute_counts(goal.indicator, days, decided, **settings)
    c = cases or GoalCases(goal.id)
    if key is not None:
        c = c.at_location(key)
    return compute(
        goal.indicator,
        c.days,
        c.decided,
        received=c.received,
        as_met=c.as_met,
        country=ctx.plan.holiday_country,
        **settings,
    )


def _decided_for(goal: Goal, cases: GoalCases) -> bool:
    """Whether the counts hold the decision dates this goal's Frist date needs."""
    assert goal.deadline is not None
    around = cases.decided_around
    return cases.decided_counted and (around is None or around == goal.deadline.on)


def _needs_each_case(goal: Goal, cases: GoalCases | None, ctx: Context) -> bool:
    """Counted case data (a large case file) has no Modtaget per case: a Frist in working days
    or months, or an Udelad periode, cannot be applied to it. Say so, and compute nothing."""
    if cases is None or not cases.counts:
        return False
    if not goal.excluded_periods and not (goal.deadline and goal.deadline.needs_dates):
        return False
    ctx.warn(
        goal,
        "periods" if goal.excluded_periods else "deadline",
        f"Mål {goal.id}: sagerne kommer fra en stor sagsfil, som tælles pr. dag og dato; "
        "Udelad periode og frister i arbejdsdage, måneder eller følgende måned kræver de "
        "enkelte sager. Læg sagerne på arket Sagsdata, eller angiv fristen i dage.",
        f"Mål {goal.id}: ärendena kommer från en stor ärendefil, som räknas per dag och datum; "
        "Utelämnad period och tidsgränser i arbetsdagar, månader eller följande månad kräver de "
        "enskilda ärendena. Lägg ärendena på bladet Ärenden, eller ange tidsgränsen i dagar.",
    )
    return True


def _warn_undated(goal: Goal, iv: IndicatorValue, ctx: Context) -> None:
    if not iv.n_undated or goal.deadline is None:
        return
    what_da, what_sv = (
        ("Modtaget og Afgjort", "Mottaget och Avgjort")
        if goal.deadline.needs_dates
        else ("Dage", "Dagar")
    )
    frist_da, frist_sv = goal.deadline.describe("da"), goal.deadline.describe("sv")
    ctx.warn(
        goal,
        "deadline",
        f"{iv.n_undated} sager for mål {goal.id} mangler {what_da}, som fristen ({frist_da}) "
        "kræver, og er ikke medregnet.",
        f"{iv.n_undated} ärenden för mål {goal.id} saknar {what_sv}, som tidsgränsen "
        f"({frist_sv}) kräver, och är inte medräknade.",
    )


def _indicator_text(
    goal: Goal, iv: IndicatorValue, excluded: int, in_periods: int, ctx: Context
) -> str:
    n = iv.n_cases + iv.n_trimmed
    parts = [ctx.t(f"{n} sager", f"{n} ärenden")]
    if goal.indicator is Indicator.PERCENTILE:
        p = fmt.plain(goal.percentile)
        parts.insert(0, ctx.t(f"{p}-percentilen", f"{p}:e percentilen"))
    if goal.indicator is Indicator.SHARE and _shows_deadline(goal.deadline):
        assert goal.deadline is not None
        parts.append(ctx.t("frist ", "tidsgräns ") + goal.deadline.describe(ctx.lang))
    if iv.n_as_met:
        parts.append(
            ctx.t(
                f"{iv.n_as_met} tæller som opfyldt efter Medtages = Som opfyldt",
                f"{iv.n_as_met} räknas som uppfyllda enligt Ingår = Räknas som uppfyllt",
            )
        )
    if excluded:
        parts.append(
            ctx.t(
                f"{excluded} udeladt efter Medtages = Nej",
                f"{excluded} exkluderade enligt Ingår = Nej",
            )
        )
    if in_periods or goal.excluded_periods:
        shown = "; ".join(p.describe(ctx.lang) for p in goal.excluded_periods)
        parts.append(
            ctx.t(
                f"{in_periods} i udeladt periode {shown}",
                f"{in_periods} i utelämnad period {shown}",
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


def _shows_deadline(deadline: Deadline | None) -> bool:
    """The Frist is named in the explanation unless it is the plain inclusive form (`31`, a
    bare date), which every earlier version read the same way: their stamped explanations stay
    what a new calculation writes, so `tjek` still passes them."""
    if deadline is None:
        return False
    plain = deadline.kind in (Kind.DAYS, Kind.DATE) and deadline.unit in ("", "dage")
    return deadline.strict or not plain


def _with_how(how: str, reason: str) -> str:
    return f"{reason} ({how})" if how else reason


# --- the rules, one per goal type ---------------------------------------------------------


def _numeric(goal: Goal, ctx: Context) -> Assessment:
    if (goal.location_weights or goal.every_location) and goal.indicator is not None:
        return _by_location(goal, ctx)
    value, how = _measured(goal, ctx)
    if value is None:
        return Assessment(None, how)
    _check_ratio(goal, value, ctx)
    a = _compare(goal, value, ctx)
    return Assessment(a.fulfilment, _with_how(how, a.reason), value)


PLAUSIBLE_RATIO = 25  # a result this many times above or below its target is taken for a slip


def _check_ratio(goal: Goal, value: Fraction, ctx: Context) -> None:
    """A result and the number it is compared with (Målværdi; Basis for reduktion/stigning)
    25 times or more apart: one of them was most likely typed ×100 or ÷100, or in another unit
    (days for months). The warning names both cells: the typed result's, or the other one
    when the result is computed from Sagsdata."""
    if goal.type is GoalType.DEVIATION:
        _check_deviation_ratio(goal, value, ctx)
        return
    relative = goal.type in (GoalType.REDUCTION, GoalType.INCREASE)
    other_key = "baseline" if relative else "target"
    other = goal.baseline if relative else goal.target
    if other is None or value == 0 or other == 0 or (value > 0) != (other > 0):
        return
    ratio = abs(value / q(other))
    if PLAUSIBLE_RATIO > ratio > Fraction(1, PLAUSIBLE_RATIO):
        return
    layout = ctx.plan.goals_layout
    cols = dict(layout.columns) if layout else {}
    other_cell = a1(goal.row, cols.get(other_key, 0))
    shown = show(value, goal.unit, ctx.lang)
    other_shown = show(other, goal.unit, ctx.lang)
    what_da = "Basis" if relative else "Målværdi"
    what_sv = "Basvärde" if relative else "Målvärde"
    if goal.indicator is None:
        key = "result"
        da = (
            f"Resultatet {shown} ligger mere end {PLAUSIBLE_RATIO} gange fra {what_da} "
            f"{other_shown} i {other_cell}."
        )
        sv = (
            f"Utfallet {shown} ligger mer än {PLAUSIBLE_RATIO} gånger från {what_sv} "
            f"{other_shown} i {other_cell}."
        )
    else:
        key = other_key
        da = (
            f"{what_da} {other_shown} ligger mere end {PLAUSIBLE_RATIO} gange fra resultatet "
            f"{shown}, der er beregnet fra sagerne."
        )
        sv = (
            f"{what_sv} {other_shown} ligger mer än {PLAUSIBLE_RATIO} gånger från utfallet "
            f"{shown}, som är beräknat från ärendena."
        )
    ctx.warn(
        goal,
        key,
        f"Mål {goal.id}: {da} Er et af tallene tastet forkert (×100, ÷100) eller skrevet i en "
        "anden enhed?",
        f"Mål {goal.id}: {sv} Är ett av talen fel inskrivet (×100, ÷100) eller skrivet i en "
        "annan enhet?",
    )


def _check_deviation_ratio(goal: Goal, value: Fraction, ctx: Context) -> None:
    """Afvigelse: the deviation |result − Basis| 25 times the allowed one (Målværdi) or more.
    Only too large: a deviation near 0 is the aim, so a small one is never taken for a slip.
    A result, Målværdi or Basis typed ×100 or ÷100 (−0,8 as −80, 1 as 0,01) lands here; the
    warning names the result cell (or Målværdi, when the result comes from Sagsdata) and the
    other cells in its text."""
    if goal.target is None or goal.target == 0:
        return
    base = q(goal.baseline) if goal.baseline is not None else ZERO
    deviation = value - base
    if abs(deviation) < PLAUSIBLE_RATIO * abs(q(goal.target)):
        return
    layout = ctx.plan.goals_layout
    cols = dict(layout.columns) if layout else {}
    target_cell = a1(goal.row, cols.get("target", 0))
    signed = ("+" if deviation > 0 else "") + show(deviation, goal.unit, ctx.lang)
    allowed = show(q(goal.target), goal.unit, ctx.lang)
    basis_da = basis_sv = ""
    if goal.baseline is not None:
        basis_cell = a1(goal.row, cols.get("baseline", 0))
        shown = show(base, goal.unit, ctx.lang)
        basis_da = f" fra Basis {shown} i {basis_cell}"
        basis_sv = f" från Basvärde {shown} i {basis_cell}"
    ctx.warn(
        goal,
        "result" if goal.indicator is None else "target",
        f"Mål {goal.id}: Afvigelsen {signed}{basis_da} er mere end {PLAUSIBLE_RATIO} gange den "
        f"tilladte afvigelse (Målværdi {allowed} i {target_cell}). Er et af tallene tastet "
        "forkert (×100, ÷100) eller skrevet i en anden enhed?",
        f"Mål {goal.id}: Avvikelsen {signed}{basis_sv} är mer än {PLAUSIBLE_RATIO} gånger den "
        f"tillåtna avvikelsen (Målvärde {allowed} i {target_cell}). Är ett av talen fel "
        "inskrivet (×100, ÷100) eller skrivet i en annan enhet?",
    )


def _compare(goal: Goal, value: Fraction, ctx: Context) -> Assessment:
    """Compare a measured value with the target, via the change from Basis when relative."""
    lang = ctx.lang
    if goal.type is GoalType.DEVIATION:
        return _deviation(goal, value, ctx)
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


def _deviation(goal: Goal, value: Fraction, ctx: Context) -> Assessment:
    """Afvigelse: |result − Basis| (Basis empty: |result|) against Målværdi, sign shown."""
    lang = ctx.lang

    def s(v: Fraction) -> str:
        return show(v, goal.unit, lang)

    base = q(goal.baseline) if goal.baseline is not None else ZERO
    deviation = value - base
    signed = ("+" if deviation > 0 else "") + s(deviation)
    a = _by_scale(goal, abs(deviation), s, ctx)
    if goal.baseline is None:
        lead = ctx.t(f"afvigelse {signed}, numerisk ", f"avvikelse {signed}, absolut ")
    else:
        lead = ctx.t(
            f"{s(value)} mod basis {s(base)}: afvigelse {signed}, numerisk ",
            f"{s(value)} mot basvärde {s(base)}: avvikelse {signed}, absolut ",
        )
    return Assessment(a.fulfilment, lead + a.reason)


def _by_location(goal: Goal, ctx: Context) -> Assessment:
    """Score each location on its own, then weight them (or require every one); or, with
    Lokationsberegning samlet, weight the locations' values into one value scored once."""
    all_cases, in_periods = _goal_cases(goal, ctx)
    if all_cases is None or not all_cases.n_cases or _needs_each_case(goal, all_cases, ctx):
        return Assessment(None, "")
    if goal.every_location:
        names = sorted(all_cases.location_names())
        weights = [(n, Fraction(1)) for n in names]
    else:
        weights = [(n, q(w)) for n, w in goal.location_weights]
    known = all_cases.location_keys()
    parts: list[str] = []
    scored: list[tuple[Fraction, Fraction]] = []
    values: list[tuple[Fraction, Fraction]] = []
    missing: list[str] = []
    undated = 0
    for name, weight in weights:
        key = normalise_name(name)
        if key not in known:
            ctx.warn(
                goal,
                "locations",
                f"Ingen sager for lokationen {name} under mål {goal.id}; den tæller 0 %."
                if not goal.pooled_locations
                else f"Ingen sager for lokationen {name} under mål {goal.id}; målet kan ikke "
                "beregnes samlet.",
                f"Inga ärenden för orten {name} under mål {goal.id}; den räknas som 0 %."
                if not goal.pooled_locations
                else f"Inga ärenden för orten {name} under mål {goal.id}; målet kan inte "
                "beräknas sammanvägt.",
            )
        iv = _indicator(goal, all_cases, ctx, key)
        undated += iv.n_undated
        w = (
            ""
            if goal.every_location
            else ctx.t(f", vægt {fmt.plain(weight)}", f", vikt {fmt.plain(weight)}")
        )
        if iv.value is None:
            scored.append((weight, ZERO))
            missing.append(name)
            parts.append(ctx.t(f"{name}: intet resultat", f"{name}: inget utfall") + w)
            continue
        values.append((weight, iv.value))
        if goal.pooled_locations:
            parts.append(f"{name}: {show(iv.value, goal.unit, ctx.lang)}{w}")
            continue
        a = _compare(goal, iv.value, ctx)
        scored.append((weight, a.fulfilment or ZERO))
        parts.append(f"{name}: {a.reason}{w}")
    if undated:
        _warn_undated(goal, IndicatorValue(None, 0, n_undated=undated), ctx)
    tail = ""
    if in_periods or goal.excluded_periods:
        shown = "; ".join(p.describe(ctx.lang) for p in goal.excluded_periods)
        tail = ctx.t(
            f" ({in_periods} sager i udeladt periode {shown})",
            f" ({in_periods} ärenden i utelämnad period {shown})",
        )
    total_w = sum((w for _, w in weights), ZERO)
    if goal.pooled_locations:
        lead = ctx.t("Vægtet samlet over lokationer", "Viktat sammanvägt över orter")
        if missing or not total_w:
            return Assessment(None, f"{lead}: " + "; ".join(parts) + tail)
        value = sum((w * v for w, v in values), ZERO) / total_w
        a = _compare(goal, value, ctx)
        shown_value = show(value, goal.unit, ctx.lang)
        return Assessment(
            a.fulfilment,
            f"{lead}: " + "; ".join(parts) + f" = {shown_value}; {a.reason}" + tail,
        )
    if goal.every_location:
        f = min(f for _, f in scored)
        lead = ctx.t("Skal holde på alle lokationer", "Ska gälla på alla orter")
    else:
        f = sum((w * f for w, f in scored), ZERO) / total_w if total_w else ZERO
        lead = ctx.t("Vægtet over lokationer", "Viktat över orter")
    return Assessment(f, f"{lead}: " + "; ".join(parts) + tail)


def _range(goal: Goal, ctx: Context) -> Assessment:
    value, how = _measured(goal, ctx)
    if value is None or goal.target_range is None:
        return Assessment(None, how)
    lo, hi = goal.target_range
    _check_ratio(replace(goal, target=(lo + hi) / 2), value, ctx)
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
    children = [c for c in ctx.plan.children(goal.id) if c.id not in ctx.out]
    results = [ctx.fulfilments.get(c.id) for c in children]
    if not children or all(r is None for r in results):
        return Assessment(None, "")
    lang = ctx.lang
    listing = ", ".join(
        f"{c.id}: {_pct(r, lang) if r is not None else ctx.t('intet resultat', 'inget utfall')}"
        for c, r in zip(children, results, strict=True)
    )
    gone = [c.id for c in ctx.plan.children(goal.id) if c.id in ctx.out]
    if gone:
        listing += ctx.t(
            f"; udgår (forudsætning ikke opfyldt): {', '.join(gone)}",
            f"; utgår (förutsättning ej uppfylld): {', '.join(gone)}",
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
    weights = _relative_weights([c.weight for c in ctx.plan.children(goal.id)])
    kept = [
        w for c, w in zip(ctx.plan.children(goal.id), weights, strict=True) if c.id not in ctx.out
    ]
    total = sum(kept, ZERO)
    f = sum((w * (r or ZERO) for w, r in zip(kept, results, strict=True)), ZERO) / total
    return Assessment(f, ctx.t(f"Delmål vægtet: {listing}", f"Delmål viktade: {listing}"))


RULES: dict[GoalType, Callable[[Goal, Context], Assessment]] = {
    GoalType.YES_NO: _yes_no,
    GoalType.AT_LEAST: _numeric,
    GoalType.AT_MOST: _numeric,
    GoalType.REDUCTION: _numeric,
    GoalType.INCREASE: _numeric,
    GoalType.DEVIATION: _numeric,
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


def location_values(plan: Plan, goal: Goal) -> tuple[tuple[str, Fraction | None], ...]:
    """A goal scored per location: each location's value as scoring computes it (None: no
    cases there), in the order of Lokationer (`alle`: by name); () for any other goal."""
    if not (goal.location_weights or goal.every_location):
        return ()
    ctx = Context(plan, plan.lang, {}, [])
    cases, _ = _goal_cases(goal, ctx)
    if cases is None or not cases.n_cases or _needs_each_case(goal, cases, ctx):
        return ()
    names = (
        sorted(cases.location_names())
        if goal.every_location
        else [n for n, _ in goal.location_weights]
    )
    return tuple((name, _indicator(goal, cases, ctx, normalise_name(name)).value) for name in names)


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


def _precondition_note(goal: Goal, ctx: Context) -> str:
    """The Forudsætning as it reads after the explanation (empty when none is written)."""
    if not goal.precondition:
        return ""
    if goal.precondition_met is True:
        return ctx.t(
            f" Forudsætning (opfyldt): {goal.precondition}",
            f" Förutsättning (uppfylld): {goal.precondition}",
        )
    return ctx.t(f" Forudsætning: {goal.precondition}", f" Förutsättning: {goal.precondition}")


def _score_excluded(goal: Goal, weight: Fraction, ctx: Context) -> GoalResult:
    """A goal out of the total: no fulfilment, no points, and its points are not possible."""
    ctx.fulfilments[goal.id] = None
    if goal.excluded:
        a = RULES[goal.type](goal, ctx) if goal.type is not GoalType.SUBGOALS else None
        shown = f"{a.reason}; " if a is not None and a.reason else ""
        why = ctx.t(
            f"{shown}forudsætning ikke opfyldt: {goal.precondition}",
            f"{shown}förutsättning ej uppfylld: {goal.precondition}",
        )
    elif goal.parent in ctx.out:
        why = ctx.t(f"Overordnet mål {goal.parent} udgår", f"Överordnat mål {goal.parent} utgår")
    else:
        why = ctx.t("Alle delmål udgår", "Alla delmål utgår")
    unit = ctx.t("point", "poäng")
    tail = ctx.t(
        f"udgår: {fmt.points(weight, ctx.lang)} {unit} tæller ikke med i de mulige point",
        f"utgår: {fmt.points(weight, ctx.lang)} {unit} räknas inte in i de möjliga poängen",
    )
    return _result(goal, ctx, weight, None, ZERO, Status.EXCLUDED, f"{why} → {tail}", ZERO)


def _result(
    goal: Goal,
    ctx: Context,
    weight: Fraction,
    f: Fraction | None,
    pts: Fraction,
    status: Status,
    explanation: str,
    possible: Fraction,
    measured: Fraction | None = None,
) -> GoalResult:
    top = next((p for p in _ancestors(goal, ctx.plan)), goal)
    return GoalResult(
        goal.id, goal.row, top.area, goal.parent is None, weight, f, pts, status, explanation,
        measured, possible,
    )  # fmt: skip


def _score_goal(goal: Goal, weight: Fraction, possible: Fraction, ctx: Context) -> GoalResult:
    if goal.id in ctx.out:
        return _score_excluded(goal, weight, ctx)
    a = RULES[goal.type](goal, ctx)
    f = a.fulfilment
    if f is not None:
        f = min(HUNDRED, max(ZERO, f))
    ctx.fulfilments[goal.id] = f
    status = status_of(f)
    pts = possible * f / HUNDRED if f is not None else ZERO
    if f is None:
        no_cases = goal.indicator is not None and ctx.plan.cases_for(goal.id) is None
        empty = _empty_deliveries(goal, ctx) if goal.type is GoalType.MILESTONES else ""
        ctx.warn(
            goal,
            "result",
            f"Mål {goal.id} mangler resultat og giver 0 point"
            + (f" (der er ingen sager med Mål = {goal.id})." if no_cases else "")
            + (f" (intet i Leveret: {empty})." if empty else "")
            + ("" if no_cases or empty else "."),
            f"Mål {goal.id} saknar utfall och ger 0 poäng"
            + (f" (det finns inga ärenden med Mål = {goal.id})." if no_cases else "")
            + (f" (inget i Levererat: {empty})." if empty else "")
            + ("" if no_cases or empty else "."),
        )
        reason = a.reason or ctx.t("Intet resultat", "Inget utfall")
    else:
        reason = a.reason
    explanation = f"{reason} → {_tail(status, f, pts, possible, ctx.lang)}"
    explanation += _precondition_note(goal, ctx)
    return _result(goal, ctx, weight, f, pts, status, explanation, possible, a.measured)


MAX_CELLS_NAMED = 5  # empty Leveret cells a "mangler resultat" warning lists by address


def _empty_deliveries(goal: Goal, ctx: Context) -> str:
    """The Leveret cells of a milestone goal none of whose milestones has anything there
    (`Milepæle!F2, F3`): the goal's warning is where the user reads it, so it says where the
    result goes in (the parser names an empty Leveret itself only next to filled ones)."""
    layout = ctx.plan.milestones_layout
    col = dict(layout.columns).get("delivered") if layout else None
    if layout is None or col is None:
        return ""
    rows = [m.row for m in ctx.plan.milestones if m.goal_id == goal.id and m.delivered is None]
    if not rows:
        return ""
    cells = [a1(r, col) for r in rows[:MAX_CELLS_NAMED]]
    more = len(rows) - len(cells)
    tail = ctx.t(f" og {more} til", f" och {more} till") if more > 0 else ""
    return f"{layout.sheet}!{', '.join(cells)}{tail}"


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


def goals_out(plan: Plan) -> frozenset[str]:
    """Goals taken out of the total: Forudsætning opfyldt = Nej, everything under such a goal,
    and a delmål parent all of whose children are out."""
    out = {g.id for g in plan.goals if g.excluded}
    for g in plan.goals:
        if any(a.id in out for a in _ancestors(g, plan)):
            out.add(g.id)
    for g in _depth_first_order(plan):
        children = plan.children(g.id)
        if children and all(c.id in out for c in children):
            out.add(g.id)
    return frozenset(out)


def possible_points(
    plan: Plan, weights: dict[str, Fraction], out: frozenset[str]
) -> dict[str, Fraction]:
    """Points each goal can earn: its weight, less the points of goals taken out below it."""
    possible: dict[str, Fraction] = {}
    for g in _depth_first_order(plan):
        children = plan.children(g.id)
        if g.id in out:
            possible[g.id] = ZERO
        elif children:
            possible[g.id] = sum((possible.get(c.id, ZERO) for c in children), ZERO)
        else:
            possible[g.id] = weights.get(g.id, ZERO)
    return possible


def score_plan(plan: Plan, blocked: Mapping[str, str] | None = None) -> ScoreCard:
    """Score every goal of a plan.

    `blocked` maps the goals that an error keeps from being scored (see `calc.blocking`) to the
    reason shown instead; they get `Status.BLOCKED` and no number, and nothing is computed from
    their inputs. The totals then count only the other goals: a front end shows them only when
    the total itself is not blocked. A plan with errors is never written.

    Goals whose Forudsætning is not met (`goals_out`) get `Status.EXCLUDED`: no number, and
    their points are not possible points (see `possible_points`).
    """
    blocked = blocked or {}
    out = goals_out(plan)
    ctx = Context(plan, plan.lang, {}, [], out)
    weights = effective_weights(plan)
    possible = possible_points(plan, weights, out)
    by_id = {
        g.id: (
            _blocked_goal(g, weights.get(g.id, ZERO), blocked[g.id], ctx)
            if g.id in blocked
            else _score_goal(g, weights.get(g.id, ZERO), possible.get(g.id, ZERO), ctx)
        )
        for g in _depth_first_order(plan)
    }
    goals = tuple(by_id[g.id] for g in plan.goals)
    top = [r for r in goals if r.is_top_level]
    total = sum((r.points for r in top), ZERO)
    max_points = sum((r.possible for r in top), ZERO)
    areas: dict[str, list[Fraction]] = {}
    for r in top:
        acc = areas.setdefault(r.area, [ZERO, ZERO])
        acc[0] += r.points
        acc[1] += r.possible
    return ScoreCard(
        goals=goals,
        milestones=tuple(
            MilestoneResult(m.row, milestone_on_time(m), m.deadline_known) for m in plan.milestones
        ),
        total_points=total,
        max_points=max_points,
        score_pct=total / max_points * HUNDRED if max_points else ZERO,
        areas=tuple(AreaTotal(a, p, m) for a, (p, m) in areas.items()),
        issues=tuple(ctx.issues),
    )
