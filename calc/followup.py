"""Follow-up during the year: each goal's status at a date and a forecast for the year end.

The status so far is scored by the very same rules as the year end (`calc.scoring`), on the
plan *as it was known at the date* (the end of that day):

- **Sagsdata**: a case counts from the day it is decided (Afgjort; without it, Modtaget + Dage).
  `andel` counts the cases decided by the date, and a case still open at the date (received,
  not decided) that can no longer be decided within Frist counts as late: on the date it is
  Frist days old or older, so decided the next day at the earliest it takes more than Frist
  days (with a Frist date: the date is on or after it). Averages, medians, percentiles and
  maxima use the cases decided by the date. Cases with neither Afgjort nor Modtaget cannot be
  placed in time and are left out with a warning.
- **Counts** (Indikator `antal`, or Enhed `antal` on a goal without an Indikator) are forecast
  pro rata: the number so far × days in the year / days passed (30 September 2025: × 365/273),
  and the status so far is that forecast's fulfilment (is the count on track?).
- **Milestones** with a Frist on or before the date count, delivered on time or not (one not
  delivered by the date is late); later ones are pending. A milestone without a Frist is due on
  31 December.
- **Other goals** take the result a person entered on the Opfølgning sheet for the latest period
  ending on or before the date (for a count: the number so far in the year).

The forecast (one rule per kind of goal, see `_numeric`, `_milestones`, `_yes_no`, …) gives each
goal an expected year-end fulfilment and one of `forventes opfyldt`, `risiko`, `forventes ikke
opfyldt`, `ukendt`. A person overrides it with a Prognose on the Opfølgning sheet (with a
Kommentar). The projected total, score and pay are a *range*: goals at risk (and goals without a
forecast) count as missed at the low end and as met at the high end; the others as forecast.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction

from . import fmt
from .errors import WARNING, Issue
from .exact import q, to_decimal
from .grid import a1, normalise_name
from .model import (
    Combine,
    FollowUpRow,
    FollowUpSheet,
    Forecast,
    Goal,
    GoalCases,
    GoalType,
    Indicator,
    Lang,
    Milestone,
    Plan,
)
from .pay import compute_pay
from .periods import days_in_year, elapsed
from .scoring import (
    GoalResult,
    ScoreCard,
    children_first,
    effective_weights,
    measured_value,
    milestone_on_time,
    relative_weights,
    score_plan,
    show,
)

HUNDRED = Fraction(100)
ZERO = Fraction(0)
MARGIN = Fraction(5, 100)  # a value within 5 % of its target is at risk either way

_COUNT_UNITS = {"antal", "stk", "count", "st"}
_NUMERIC = {
    GoalType.AT_LEAST,
    GoalType.AT_MOST,
    GoalType.RANGE,
    GoalType.REDUCTION,
    GoalType.INCREASE,
}


@dataclass(frozen=True)
class GoalFollowUp:
    """One goal at the date: the fulfilment so far, the expected year end and the forecast.

    `low`/`high` are the year-end fulfilment the projected range uses for this goal (equal to
    `expected` unless the goal is at risk or unknown). `computed` is the forecast by the rule;
    `forecast` the one shown, which a person's Prognose overrides.
    """

    goal_id: str
    row: int
    is_top_level: bool
    weight: Fraction
    to_date: Fraction | None
    expected: Fraction | None
    low: Fraction
    high: Fraction
    forecast: Forecast
    computed: Forecast
    explanation: str
    comment: str = ""


@dataclass(frozen=True)
class Projection:
    """The projected year end: expected, and the range from every risk goal missed to met."""

    points_low: Fraction
    points_high: Fraction
    points_expected: Fraction
    max_points: Fraction
    score_pct_low: Fraction
    score_pct_high: Fraction
    score_pct_expected: Fraction


@dataclass(frozen=True)
class PayRange:
    row: int
    name: str
    payout_low: Decimal
    payout_high: Decimal


@dataclass(frozen=True)
class FollowUp:
    as_of: date
    goals: tuple[GoalFollowUp, ...]
    projected: Projection
    pay: tuple[PayRange, ...]
    issues: tuple[Issue, ...] = ()

    def goal(self, goal_id: str) -> GoalFollowUp:
        for g in self.goals:
            if g.goal_id == goal_id:
                return g
        raise KeyError(goal_id)


# --- what is known at the date ------------------------------------------------------------


def is_count(goal: Goal) -> bool:
    """A goal whose value is a number of things that grows through the year."""
    if goal.type not in _NUMERIC:
        return False
    if goal.indicator is not None:
        return goal.indicator is Indicator.COUNT
    return normalise_name(goal.unit) in _COUNT_UNITS


def _whole_days(days: Decimal) -> int | None:
    return int(days) if days == days.to_integral_value() else None


@dataclass(frozen=True)
class KnownCases:
    """A goal's cases as known at the date, and how many of them are open and late."""

    cases: GoalCases
    decided: int  # cases decided by the date
    open_late: int  # open at the date and already too old: counted as late (andel)
    unplaced: int  # cases that cannot be placed in time
    counted: bool = False  # large case data read as counts: no case can be placed in time
    none_at_all: bool = False  # Sagsdata has no case for the goal (not even a later one)


def cases_at(goal: Goal, cases: GoalCases, as_of: date, country: str = "DK") -> KnownCases:
    """The cases known at the end of `as_of` (rules in the module docstring)."""
    if cases.counts:  # counted by a columnar engine or a database: no dates per case
        return KnownCases(GoalCases(cases.goal_id, first_row=cases.first_row), 0, 0, 0, True)
    days: list[Decimal] = []
    decided: list[date | None] = []
    location: list[str] = []
    received: list[date | None] = []
    met: list[bool] = []
    opened: list[tuple[date, str]] = []
    unplaced = 0
    n = len(cases.days)
    got = cases.received if len(cases.received) == n else (None,) * n
    as_met = cases.as_met if len(cases.as_met) == n else (False,) * n
    rows = zip(cases.days, cases.decided, cases.location, got, as_met, strict=True)
    for d, when, loc, came, counts_as_met in rows:
        whole = _whole_days(d)
        if when is None and came is not None and whole is not None:
            when = came + timedelta(days=whole)
        if came is None and when is not None and whole is not None:
            came = when - timedelta(days=whole)
        if when is None:
            unplaced += 1
        elif when <= as_of:
            days.append(d)
            decided.append(when)
            location.append(loc)
            received.append(came)
            met.append(counts_as_met)
        elif came is not None and came <= as_of:
            opened.append((came, loc))
    opened += [
        (came, loc)
        for came, loc in zip(cases.open_received, cases.open_location, strict=True)
        if came <= as_of
    ]
    n_decided = len(days)
    late = _late_open(goal, opened, as_of, country)
    for came, loc in late:
        days.append(Decimal((as_of - came).days + 1))  # decided tomorrow at the earliest
        decided.append(None)
        location.append(loc)
        received.append(came)
        met.append(False)
    known = GoalCases(
        cases.goal_id,
        tuple(days),
        tuple(decided),
        tuple(location),
        first_row=cases.first_row,
        received=tuple(received),
        as_met=tuple(met),
        as_met_cell=cases.as_met_cell,
    )
    empty = n == 0 and not cases.open_received
    return KnownCases(known, n_decided, len(late), unplaced, none_at_all=empty)


def _late_open(
    goal: Goal, opened: list[tuple[date, str]], as_of: date, country: str
) -> list[tuple[date, str]]:
    """Open cases that can only end late: only `andel` counts open cases. A case is late for
    sure when even a decision tomorrow would miss its Frist (`calc.deadlines`, strict or not,
    in days, working days, months or by a date)."""
    deadline = goal.deadline
    if goal.indicator is not Indicator.SHARE or deadline is None:
        return []
    tomorrow = as_of + timedelta(days=1)

    def late(came: date) -> bool:
        days = Decimal((tomorrow - came).days)
        return deadline.within(days, came, tomorrow, country) is False

    return [(came, loc) for came, loc in opened if late(came)]


@dataclass(frozen=True)
class MilestoneState:
    """A milestone at the date: due (Frist passed), and whether it is on time so far."""

    milestone: Milestone
    due: bool
    on_time: bool | None  # True: on time (for sure); False: late (for sure); None: pending


def milestones_at(plan: Plan, goal: Goal, as_of: date) -> list[MilestoneState]:
    year_end = date(plan.year, 12, 31) if plan.year else None
    states = []
    for m in plan.milestones:
        if m.goal_id != goal.id:
            continue
        due_on = m.deadline if m.deadline is not None else year_end
        due = m.deadline_known and due_on is not None and due_on <= as_of
        d = m.delivered
        delivered_by = d is True or (isinstance(d, date) and d <= as_of)
        if due:
            at_date = m if delivered_by else replace(m, delivered=False)
            states.append(MilestoneState(at_date, True, bool(milestone_on_time(at_date))))
        elif delivered_by and m.deadline_known:
            states.append(MilestoneState(m, False, bool(milestone_on_time(m))))
        else:
            states.append(MilestoneState(m, False, None))
    return states


def current_rows(sheet: FollowUpSheet | None, as_of: date) -> dict[str, FollowUpRow]:
    """Each goal's row for the latest period that ends on or before the date."""
    found: dict[str, FollowUpRow] = {}
    for row in sheet.rows if sheet is not None else ():
        if row.period_end <= as_of:
            best = found.get(row.goal_id)
            if best is None or row.period_end > best.period_end:
                found[row.goal_id] = row
    return found


@dataclass(frozen=True)
class Known:
    """The plan as known at the date, in two forms that differ only for counts: `so_far`
    holds the number so far, `projected` the number forecast for the whole year."""

    so_far: Plan
    projected: Plan
    cases: dict[str, KnownCases]
    counts: dict[str, Fraction]  # count goals: the number so far


def known_at(plan: Plan, as_of: date, rows: dict[str, FollowUpRow]) -> Known:
    share = elapsed(as_of)
    known_cases: dict[str, KnownCases] = {}
    counts: dict[str, Fraction] = {}
    so_far_goals: list[Goal] = []
    projected_goals: list[Goal] = []
    by_goal = {c.goal_id: c for c in plan.cases}
    for g in plan.goals:
        now = g
        if g.indicator is not None:
            cases = by_goal.get(g.id, GoalCases(g.id))
            known_cases[g.id] = cases_at(g, cases, as_of, plan.holiday_country)
        elif g.type not in (GoalType.MILESTONES, GoalType.SUBGOALS):
            row = rows.get(g.id)
            now = replace(
                g,
                result=row.result if row is not None else None,
                result_text=row.result_text if row is not None else "",
            )
        so_far_goals.append(now)
        projected_goals.append(now)
    milestones = tuple(
        s.milestone
        for g in plan.goals
        if g.type is GoalType.MILESTONES
        for s in milestones_at(plan, g, as_of)
        if s.due
    )
    so_far = replace(
        plan,
        goals=tuple(so_far_goals),
        cases=tuple(k.cases for k in known_cases.values()),
        milestones=milestones,
    )
    for i, g in enumerate(so_far.goals):
        if not is_count(g) or g.location_weights or g.every_location:
            continue
        value = measured_value(so_far, g)
        if value is None:
            continue
        counts[g.id] = value
        projected_goals[i] = replace(
            g, indicator=None, result=to_decimal(value / share), result_text=""
        )
    projected = replace(so_far, goals=tuple(projected_goals))
    return Known(so_far, projected, known_cases, counts)


# --- the forecast -------------------------------------------------------------------------


@dataclass(frozen=True)
class Outlook:
    """A rule's forecast: expected year-end fulfilment, what is certain (floor, ceiling), the
    forecast and why."""

    expected: Fraction | None
    forecast: Forecast
    reason: str
    floor: Fraction = ZERO
    ceiling: Fraction = HUNDRED


@dataclass
class _Ctx:
    plan: Plan
    as_of: date
    known: Known
    so_far: ScoreCard
    projected: ScoreCard
    rows: dict[str, FollowUpRow]
    issues: list[Issue]

    @property
    def lang(self) -> Lang:
        return self.plan.lang

    def t(self, da: str, sv: str) -> str:
        return sv if self.lang == "sv" else da

    def day(self) -> str:
        return self.as_of.strftime("%Y-%m-%d" if self.lang == "sv" else "%d-%m-%Y")

    def warn(self, goal: Goal, key: str, da: str, sv: str) -> None:
        layout = self.plan.goals_layout
        sheet = layout.sheet if layout else "Mål"
        col = dict(layout.columns).get(key, 0) if layout else 0
        self.issues.append(Issue(sheet, a1(goal.row, col), WARNING, self.t(da, sv)))


def _reason(result: GoalResult) -> str:
    """The rule-and-numbers half of a scoring explanation (before ` → `)."""
    return result.explanation.rsplit(" → ", 1)[0]


def _pct(value: Fraction, lang: Lang) -> str:
    return fmt.pct(value, lang)


def _by_fulfilment(f: Fraction | None) -> Forecast:
    if f is None:
        return Forecast.UNKNOWN
    if f >= HUNDRED:
        return Forecast.MET
    return Forecast.NOT_MET if f <= 0 else Forecast.RISK


def _distance(goal: Goal, value: Fraction) -> tuple[Fraction, Fraction] | None:
    """(how far the compared value is from the target, 5 % of the target), or None."""
    if goal.type is GoalType.RANGE and goal.target_range is not None:
        lo, hi = (q(x) for x in goal.target_range)
        return min((abs(value - lo), MARGIN * abs(lo)), (abs(value - hi), MARGIN * abs(hi)))
    if goal.target is None:
        return None
    target = q(goal.target)
    if goal.type in (GoalType.REDUCTION, GoalType.INCREASE):
        if goal.baseline is None or goal.baseline == 0:
            return None
        base = q(goal.baseline)
        value = (base - value if goal.type is GoalType.REDUCTION else value - base) / base * 100
    return abs(value - target), MARGIN * abs(target)


def _numeric(goal: Goal, ctx: _Ctx) -> Outlook:
    """Numbers (shares, times, counts, changes): the value so far is carried to the year end
    (a count pro rata); within 5 % of the target either way is a risk. A maximum or a count
    only grows, so one already past a `højst` target cannot be met any more, and one already
    at a `mindst` target stays met."""
    f = ctx.projected.result(goal.id).fulfilment
    kc = ctx.known.cases.get(goal.id)
    if f is None or (kc is not None and kc.none_at_all):  # a count of 0 with no data is no 0
        return Outlook(None, Forecast.UNKNOWN, _unknown_reason(goal, ctx))
    projected = ctx.known.projected.goal(goal.id) or goal
    value = measured_value(ctx.known.projected, projected)
    floor, ceiling = ZERO, HUNDRED
    if is_count(goal) or goal.indicator is Indicator.MAXIMUM:
        now = ctx.so_far.result(goal.id).fulfilment  # of the number or maximum so far
        if now is not None and goal.type is GoalType.AT_LEAST:
            floor = now
        elif now is not None and goal.type is GoalType.AT_MOST:
            ceiling = now
    if floor >= HUNDRED:
        why = ctx.t("nået, og tallet kan ikke falde igen", "uppnått, och talet kan inte sjunka")
        return Outlook(f, Forecast.MET, why, floor, ceiling)
    if ceiling < HUNDRED:
        why = ctx.t(
            "allerede over målværdien, og tallet kan ikke falde igen",
            "redan över målvärdet, och talet kan inte sjunka",
        )
        return Outlook(min(f, ceiling), Forecast.NOT_MET, why, floor, ceiling)
    near = _distance(goal, value) if value is not None else None
    if near is not None and near[0] <= near[1]:
        shown = _gap(goal, near[0], ctx.lang)
        why = ctx.t(
            f"kun {shown} fra målværdien (risikomargin 5 % af målværdien)",
            f"bara {shown} från målvärdet (riskmarginal 5 % av målvärdet)",
        )
        return Outlook(f, Forecast.RISK, why, floor, ceiling)
    forecast = _by_fulfilment(f)
    if forecast is Forecast.MET:
        why = ctx.t("med god margin til målværdien", "med god marginal till målvärdet")
    elif forecast is Forecast.NOT_MET:
        why = ctx.t("langt fra målværdien", "långt från målvärdet")
    else:
        shown = _pct(f, ctx.lang)
        why = ctx.t(f"kun delvist opfyldt ({shown})", f"bara delvis uppfyllt ({shown})")
    return Outlook(f, forecast, why, floor, ceiling)


_PCT_UNITS = {"%", "andel", "pct", "procent", "share"}


def _gap(goal: Goal, gap: Fraction, lang: Lang) -> str:
    """How far from the target, in the target's unit (percentages in percentage points)."""
    relative = goal.type in (GoalType.REDUCTION, GoalType.INCREASE)
    if relative or normalise_name(goal.unit) in _PCT_UNITS:
        number = fmt.number(gap, fmt.PCT_DECIMALS, lang)
        return f"{number} procentenheter" if lang == "sv" else f"{number} procentpoint"
    return show(gap, goal.unit, lang)


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _unknown_reason(goal: Goal, ctx: _Ctx) -> str:
    kc = ctx.known.cases.get(goal.id)
    if kc is not None and kc.counted:
        ctx.warn(
            goal,
            "indicator",
            f"Sagerne for mål {goal.id} er talt op fra en stor sagsfil og kan ikke dateres "
            "enkeltvis, så målet kan ikke følges op pr. dato. Giv et udtræk pr. dato med "
            "--sagsdata, eller skriv resultatet på arket Opfølgning.",
            f"Ärendena för mål {goal.id} är sammanräknade från en stor ärendefil och kan inte "
            "dateras var för sig, så målet kan inte följas upp per datum. Ge ett uttag per "
            "datum med --sagsdata, eller skriv utfallet på bladet Uppföljning.",
        )
        return ctx.t("sagerne kan ikke dateres", "ärendena kan inte dateras")
    if kc is not None and kc.none_at_all:
        ctx.warn(
            goal,
            "indicator",
            f"Sagsdata har ingen sager for mål {goal.id}; prognosen er ukendt.",
            f"Ärendena har inga ärenden för mål {goal.id}; prognosen är okänd.",
        )
        return ctx.t("ingen sager i Sagsdata", "inga ärenden")
    if goal.indicator is not None:
        ctx.warn(
            goal,
            "indicator",
            f"Ingen sager for mål {goal.id} er afgjort pr. {ctx.day()}; prognosen er ukendt.",
            f"Inga ärenden för mål {goal.id} är avgjorda per {ctx.day()}; prognosen är okänd.",
        )
        return ctx.t("ingen sager afgjort pr. dato", "inga ärenden avgjorda per datum")
    return ctx.t(
        "intet resultat på arket Opfølgning for perioden",
        "inget utfall på bladet Uppföljning för perioden",
    )


def _yes_no(goal: Goal, ctx: _Ctx) -> Outlook:
    """Ja: done, it stays met. Nej: not done yet, so at risk. Empty: unknown."""
    f = ctx.so_far.result(goal.id).fulfilment
    if f is None:
        return Outlook(None, Forecast.UNKNOWN, _unknown_reason(goal, ctx))
    if f >= HUNDRED:
        return Outlook(f, Forecast.MET, ctx.t("gennemført", "genomfört"), HUNDRED, HUNDRED)
    return Outlook(f, Forecast.RISK, ctx.t("ikke gennemført endnu", "inte genomfört ännu"))


def _assessment(goal: Goal, ctx: _Ctx) -> Outlook:
    """The level entered is the expected year end: 100 % met, 0 % not met, between at risk."""
    f = ctx.so_far.result(goal.id).fulfilment
    if f is None:
        return Outlook(None, Forecast.UNKNOWN, _unknown_reason(goal, ctx))
    forecast = _by_fulfilment(f)
    why = ctx.t("vurderingen for perioden", "bedömningen för perioden")
    return Outlook(f, forecast, why)


def _milestones(goal: Goal, ctx: _Ctx) -> Outlook:
    """Milestones not yet due are expected on time; one due and not delivered on time is late
    for good, so the most that can be reached is then below 100 % (with `alle`: 0 %)."""
    states = milestones_at(ctx.plan, goal, ctx.as_of)
    if not states:
        return Outlook(None, Forecast.UNKNOWN, ctx.t("ingen milepæle", "inga aktiviteter"))
    weights = relative_weights([s.milestone.weight for s in states])
    total = sum(weights, ZERO)
    sure = sum((w for w, s in zip(weights, states, strict=True) if s.on_time is True), ZERO)
    late = sum((w for w, s in zip(weights, states, strict=True) if s.on_time is False), ZERO)
    n_late = sum(1 for s in states if s.on_time is False)
    n_pending = sum(1 for s in states if s.on_time is None)
    if goal.combine is Combine.ALL:
        best = ZERO if n_late else HUNDRED
        floor = HUNDRED if not n_late and not n_pending else ZERO
    else:
        best = (total - late) / total * HUNDRED if total else ZERO
        floor = sure / total * HUNDRED if total else ZERO
    pending = ctx.t(
        f"{_plural(n_pending, 'milepæl', 'milepæle')} med senere frist antages nået rettidigt",
        f"{_plural(n_pending, 'aktivitet', 'aktiviteter')} med senare tidsgräns antas bli "
        "klara i tid",
    )
    if n_late:
        best_text = _pct(best, ctx.lang)
        why = ctx.t(
            f"{_plural(n_late, 'milepæl', 'milepæle')} ikke nået rettidigt, så højst "
            f"{best_text} kan nås",
            f"{_plural(n_late, 'aktivitet', 'aktiviteter')} inte klara i tid, så högst "
            f"{best_text} kan nås",
        )
        return Outlook(best, Forecast.NOT_MET, why, floor, best)
    why = pending if n_pending else ctx.t("alle milepæle er nået", "alla aktiviteter är klara")
    return Outlook(best, Forecast.MET, why, floor, best)


def _rule(goal: Goal, ctx: _Ctx) -> Outlook:
    if goal.type is GoalType.MILESTONES:
        return _milestones(goal, ctx)
    if goal.type is GoalType.YES_NO:
        return _yes_no(goal, ctx)
    if goal.type is GoalType.ASSESSMENT:
        return _assessment(goal, ctx)
    if goal.location_weights or goal.every_location:
        return _by_location(goal, ctx)
    return _numeric(goal, ctx)


def _by_location(goal: Goal, ctx: _Ctx) -> Outlook:
    """Per location there is no one value to hold against the target: the fulfilment so far
    is carried to the year end (100 % met, 0 % not met, between at risk)."""
    f = ctx.projected.result(goal.id).fulfilment
    if f is None:
        return Outlook(None, Forecast.UNKNOWN, _unknown_reason(goal, ctx))
    forecast = _by_fulfilment(f)
    shown = _pct(f, ctx.lang)
    why = {
        Forecast.MET: ctx.t("opfyldt på lokationerne", "uppfyllt på orterna"),
        Forecast.NOT_MET: ctx.t("ikke opfyldt på lokationerne", "inte uppfyllt på orterna"),
    }.get(forecast, ctx.t(f"kun delvist opfyldt ({shown})", f"bara delvis uppfyllt ({shown})"))
    return Outlook(f, forecast, why)


def _override(outlook: Outlook, row: FollowUpRow | None, ctx: _Ctx) -> Outlook:
    """A person's Prognose wins; the expected fulfilment follows it within what is certain."""
    if row is None or row.forecast is None or row.period_end != ctx.as_of:
        return outlook
    chosen = row.forecast
    expected = outlook.expected
    if chosen is Forecast.MET:
        expected = outlook.ceiling
    elif chosen is Forecast.NOT_MET:
        expected = expected if expected is not None and expected < HUNDRED else outlook.floor
    elif chosen is Forecast.UNKNOWN:
        expected = None
    why = ctx.t(
        f"prognose sat af en person (beregnet: {outlook.forecast.label('da')}, {outlook.reason})",
        f"prognos satt av en person (beräknad: {outlook.forecast.label('sv')}, {outlook.reason})",
    )
    return Outlook(expected, chosen, why, outlook.floor, outlook.ceiling)


def _range(outlook: Outlook) -> tuple[Fraction, Fraction]:
    """The goal's fulfilment at the low and the high end of the projected range."""
    if outlook.forecast in (Forecast.RISK, Forecast.UNKNOWN) or outlook.expected is None:
        return outlook.floor, outlook.ceiling
    return outlook.expected, outlook.expected


def _combine(goal: Goal, values: list[Fraction | None], weights: list[Fraction]) -> Fraction | None:
    """Delmål: the children's values combined as scoring combines them."""
    if not values or all(v is None for v in values):
        return None
    if goal.combine is Combine.ALL:
        return HUNDRED if all(v is not None and v >= HUNDRED for v in values) else ZERO
    total = sum(weights, ZERO)
    if not total:
        return ZERO
    return sum((w * (v or ZERO) for w, v in zip(weights, values, strict=True)), ZERO) / total


@dataclass(frozen=True)
class _Done:
    outlook: Outlook
    computed: Forecast  # before a person's Prognose
    low: Fraction
    high: Fraction


def _subgoals(goal: Goal, ctx: _Ctx, done: dict[str, _Done]) -> Outlook:
    children = [c for c in ctx.plan.children(goal.id) if c.id in done]
    weights = relative_weights([c.weight for c in children])
    kids = [done[c.id] for c in children]
    expected = _combine(goal, [k.outlook.expected for k in kids], weights)
    low = _combine(goal, [k.low for k in kids], weights) or ZERO
    high = _combine(goal, [k.high for k in kids], weights)
    high = HUNDRED if high is None else high
    if all(k.outlook.forecast is Forecast.UNKNOWN for k in kids):
        forecast = Forecast.UNKNOWN
    elif low >= HUNDRED:
        forecast = Forecast.MET
    elif high < HUNDRED:
        forecast = Forecast.NOT_MET
    else:
        forecast = Forecast.RISK
    listing = ", ".join(
        f"{c.id}: {k.outlook.forecast.label(ctx.lang)}" for c, k in zip(children, kids, strict=True)
    )
    why = ctx.t(f"delmål: {listing}", f"delmål: {listing}")
    return Outlook(expected, forecast, why, low, high)


def _status_so_far(goal: Goal, ctx: _Ctx) -> str:
    """The first half of the explanation: where the goal stands at the date."""
    head = ctx.t(f"Pr. {ctx.day()}", f"Per {ctx.day()}")
    if goal.type is GoalType.MILESTONES:
        return f"{head}: {_milestones_so_far(goal, ctx)}"
    if goal.id in ctx.known.counts:
        so_far = show(ctx.known.counts[goal.id], goal.unit, ctx.lang)
        days = (ctx.as_of - date(ctx.as_of.year, 1, 1)).days + 1
        all_days = days_in_year(ctx.as_of.year)
        rule = _reason(ctx.projected.result(goal.id))
        return f"{head}: " + ctx.t(
            f"{so_far} på {days} af {all_days} dage, fremskrevet til hele året: {rule}",
            f"{so_far} på {days} av {all_days} dagar, framskrivet till helår: {rule}",
        )
    text = _reason(ctx.so_far.result(goal.id))
    kc = ctx.known.cases.get(goal.id)
    if kc is not None and kc.open_late:
        n = kc.open_late
        text += ctx.t(
            f"; heraf {_plural(n, 'åben sag', 'åbne sager')}, der ikke kan nå fristen, talt "
            f"som for {'sen' if n == 1 else 'sene'}",
            f"; varav {_plural(n, 'öppet ärende', 'öppna ärenden')} som inte kan klara "
            "tidsgränsen, räknat som för sent",
        )
    row = ctx.rows.get(goal.id)
    if row is not None and row.period_end != ctx.as_of and goal.indicator is None:
        text += ctx.t(f" (opgjort for {row.period_text})", f" (uppgjort för {row.period_text})")
    return f"{head}: {text}"


def _milestones_so_far(goal: Goal, ctx: _Ctx) -> str:
    states = milestones_at(ctx.plan, goal, ctx.as_of)
    due = [s for s in states if s.due]
    ok = sum(1 for s in due if s.on_time)
    waiting = len(states) - len(due)
    text = ctx.t(
        f"{ok} af {_plural(len(due), 'milepæl', 'milepæle')} med frist til og med datoen "
        "nået rettidigt",
        f"{ok} av {_plural(len(due), 'aktivitet', 'aktiviteter')} med tidsgräns till och med "
        "datumet klara i tid",
    )
    if waiting:
        text += ctx.t(f", {waiting} med senere frist", f", {waiting} med senare tidsgräns")
    return text


def follow_up(plan: Plan, as_of: date, sheet: FollowUpSheet | None = None) -> FollowUp:
    """Every goal's status at the end of `as_of` and its forecast, with the projected range.

    `plan` must have parsed without errors; `sheet` is the parsed Opfølgning sheet, if any.
    """
    rows = current_rows(sheet, as_of)
    known = known_at(plan, as_of, rows)
    ctx = _Ctx(plan, as_of, known, score_plan(known.so_far), score_plan(known.projected), rows, [])
    _warn_unplaced(ctx)
    weights = effective_weights(plan)
    done: dict[str, _Done] = {}
    explained: dict[str, str] = {}
    for goal in children_first(plan):
        if goal.type is GoalType.SUBGOALS:
            computed = _subgoals(goal, ctx, done)
        else:
            computed = _rule(goal, ctx)
        outlook = _override(computed, rows.get(goal.id), ctx)
        if goal.type is GoalType.SUBGOALS and outlook is computed:
            low, high = outlook.floor, outlook.ceiling  # the children's range, combined
        else:
            low, high = _range(outlook)
        done[goal.id] = _Done(outlook, computed.forecast, low, high)
        tail = outlook.forecast.label(plan.lang)
        explained[goal.id] = f"{_status_so_far(goal, ctx)} → {tail}" + (
            f": {outlook.reason}" if outlook.reason else ""
        )
    goals = tuple(
        GoalFollowUp(
            g.id,
            g.row,
            g.parent is None,
            weights.get(g.id, ZERO),
            _to_date(g, ctx),
            done[g.id].outlook.expected,
            done[g.id].low,
            done[g.id].high,
            done[g.id].outlook.forecast,
            done[g.id].computed,
            explained[g.id],
            row.comment if (row := rows.get(g.id)) is not None and row.period_end == as_of else "",
        )
        for g in plan.goals
    )
    projected = _project(goals)
    pay = tuple(
        PayRange(
            p.row,
            p.name,
            compute_pay(p, projected.score_pct_low, plan.lang).payout,
            compute_pay(p, projected.score_pct_high, plan.lang).payout,
        )
        for p in plan.people
    )
    return FollowUp(as_of, goals, projected, pay, tuple(ctx.issues))


def _to_date(goal: Goal, ctx: _Ctx) -> Fraction | None:
    kc = ctx.known.cases.get(goal.id)
    if kc is not None and kc.none_at_all:
        return None
    if goal.id in ctx.known.counts:
        return ctx.projected.result(goal.id).fulfilment
    return ctx.so_far.result(goal.id).fulfilment


def _project(goals: tuple[GoalFollowUp, ...]) -> Projection:
    top = [g for g in goals if g.is_top_level]
    possible = sum((g.weight for g in top), ZERO)
    low = sum((g.weight * g.low / HUNDRED for g in top), ZERO)
    high = sum((g.weight * g.high / HUNDRED for g in top), ZERO)
    expected = sum(
        (g.weight * (g.expected if g.expected is not None else g.low) / HUNDRED for g in top), ZERO
    )

    def pct(points: Fraction) -> Fraction:
        return points / possible * HUNDRED if possible else ZERO

    return Projection(low, high, expected, possible, pct(low), pct(high), pct(expected))


def _warn_unplaced(ctx: _Ctx) -> None:
    for goal in ctx.plan.goals:
        kc = ctx.known.cases.get(goal.id)
        if kc is not None and kc.unplaced:
            ctx.warn(
                goal,
                "indicator",
                f"{kc.unplaced} sager for mål {goal.id} har hverken Afgjort eller Modtaget og "
                f"kan ikke placeres i tid; de er ikke medregnet pr. {ctx.day()}.",
                f"{kc.unplaced} ärenden för mål {goal.id} saknar både Avgjort och Mottaget och "
                f"kan inte placeras i tid; de är inte medräknade per {ctx.day()}.",
            )
