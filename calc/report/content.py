"""The årsrapport's målrapportering as plain records: what the Word and PDF writers lay out.

Økonomistyrelsen's guidance splits an agency's målrapportering in two parts: the first lists
*every* goal agreed with the departement and whether it was met, in a table; the second
analyses selected goals, and an unmet significant goal must always be analysed. This module
builds both from a scored plan — rows grouped by Område with delmål under their parent, the
totals, a count of the top-level goals by status, one analysis section per top-level goal that
is not fully met, the points per goal for the chart, the pay lines (unless left out) and the
footer that ties the report to the workbook's integrity stamp.

Pure: a `Plan`, a `ScoreCard` and the pay in, a `Report` out. Every number is formatted here by
`calc.fmt`'s one display rule, and every word is chosen here in the plan's language, so the
writers (`calc.report.word`, `calc.report.pdf`) only place text and never decide what it says.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from .. import fmt
from ..consolidate import counts
from ..exact import q
from ..model import Goal, GoalType, Lang, Plan
from ..pay import PayResult
from ..scoring import GoalResult, ScoreCard, Status, location_values, show

# Part 2: the top-level goals not fully met (a goal a Forudsætning took out is not among them)
ANALYSED = frozenset({Status.PARTLY, Status.NOT_MET, Status.MISSING})
HEADING_LIMIT = 90  # characters of a goal's text in a part 2 heading (the table has it whole)
# The part 1 table's column widths in cm, for both writers (A4 portrait, 2 cm margins: 17 cm):
# Nr, Mål, Resultatkrav, Resultat, Målopfyldelse, Point, Status.
TABLE_WIDTHS_CM = (1.4, 3.4, 3.4, 2.1, 2.4, 1.9, 2.4)


@dataclass(frozen=True)
class Words:
    """The fixed words of the report in one language."""

    title: str  # "Målrapportering 2025"
    part1: str
    part2: str
    columns: tuple[str, str, str, str, str, str, str]  # Nr, Mål, Resultatkrav, Resultat, …
    total: str  # "I alt"
    counts_lead: str  # "Overordnede mål"
    chart: str
    chart_note: str
    analysis: str
    analysis_none: str
    requirement: str
    explanation: str
    subgoals: str
    pay: str
    pay_columns: tuple[str, str, str]
    page: str  # "Side {n} af {m}"
    facts: tuple[str, str, str, str]  # Institution, Departement, År, Udarbejdet


_WORDS: dict[str, Words] = {
    "da": Words(
        title="Målrapportering {year}",
        part1="Del 1: Skematisk oversigt over mål og resultater",
        part2="Del 2: Uddybende analyser og vurderinger",
        columns=("Nr", "Mål", "Resultatkrav", "Resultat", "Målopfyldelse", "Point", "Status"),
        total="I alt",
        counts_lead="Overordnede mål",
        chart="Point pr. mål",
        chart_note="Opnåede point (mørk) af mulige point (lys) for hvert overordnet mål.",
        analysis="Analyse",
        analysis_none=(
            "Alle mål er opfyldt. Vælg selv de mål, der skal analyseres nærmere, og skriv "
            "analysen her."
        ),
        requirement="Resultatkrav",
        explanation="Opgørelse",
        subgoals="Delmål",
        pay="Resultatløn",
        pay_columns=("Navn", "Beregnet", "Udbetaling"),
        page="Side {n} af {m}",
        facts=("Institution", "Departement", "År", "Udarbejdet"),
    ),
    "sv": Words(
        title="Resultatredovisning {year}",
        part1="Del 1: Översikt över mål och resultat",
        part2="Del 2: Fördjupad analys och bedömning",
        columns=("Nr", "Mål", "Resultatkrav", "Utfall", "Måluppfyllelse", "Poäng", "Status"),
        total="Totalt",
        counts_lead="Övergripande mål",
        chart="Poäng per mål",
        chart_note="Uppnådda poäng (mörk) av möjliga poäng (ljus) för varje övergripande mål.",
        analysis="Analys",
        analysis_none=(
            "Alla mål är uppfyllda. Välj själva de mål som ska analyseras närmare och skriv "
            "analysen här."
        ),
        requirement="Resultatkrav",
        explanation="Redovisning",
        subgoals="Delmål",
        pay="Resultatlön",
        pay_columns=("Namn", "Beräknad", "Utbetalning"),
        page="Sida {n} av {m}",
        facts=("Myndighet", "Departement", "År", "Upprättad"),
    ),
}


def words(lang: Lang) -> Words:
    return _WORDS[lang]


@dataclass(frozen=True)
class GoalLine:
    """One row of the part 1 table: a goal, or a delmål `depth` levels under its top goal."""

    goal_id: str
    depth: int
    text: str
    requirement: str
    result: str  # as measured, with its unit ("87,2 %", "104,3 dage", "Ja", "3 af 5 …")
    fulfilment: str  # "87,2 %", or "–" without a result
    points: str  # "8,75 / 10"
    status: Status
    status_text: str


@dataclass(frozen=True)
class AreaBlock:
    """An Område with its top-level goals (each followed by its delmål) and its points."""

    name: str
    summary: str  # "78,5 af 85 point (92,4 %)"
    goals: tuple[GoalLine, ...]
    points: str = ""  # "78,5 / 85", for the table
    score: str = ""  # "92,4 %"


@dataclass(frozen=True)
class Analysis:
    """A part 2 section: a top-level goal that is not fully met, for the agency to analyse."""

    goal_id: str
    heading: str  # "1.d Genopdukkersamtaler berammet inden 10 dage"
    status: Status
    summary: str  # "Ikke opfyldt: 0 af 5 point."
    requirement: str
    explanation: str
    details: tuple[str, ...]  # its delmål, each "1.a.2: <explanation>"


@dataclass(frozen=True)
class Bar:
    """A top-level goal's points for the chart, exact; `label` is what is written beside it."""

    goal_id: str
    points: Fraction
    possible: Fraction
    status: Status
    label: str  # "6,25 / 10"


@dataclass(frozen=True)
class PayLine:
    name: str
    computed: str
    payout: str
    explanation: str


@dataclass(frozen=True)
class Provenance:
    """Where the numbers come from, for the footer: the engine version and the workbook's
    integrity stamp (`calc.stamp`), or Målscore's lines on the Resultat sheet for a workbook
    calculated in Excel (no stamp)."""

    version: str
    calculated: str = ""  # when the workbook was calculated, as the stamp or sheet says
    input_digest: str = ""  # "sha256:…", the stamp's Målscore.Input
    result_digest: str = ""  # "sha256:…", the stamp's Målscore.Resultat
    in_excel: bool = False  # calculated in Excel: no stamp


@dataclass(frozen=True)
class Report:
    lang: Lang
    words: Words
    title: str
    subtitle: str
    facts: tuple[tuple[str, str], ...]
    areas: tuple[AreaBlock, ...]
    total_line: str  # "I alt: 68,83 af 100 point (68,8 %)"
    total_points: str  # "68,83 / 100", for the table
    score: str  # "68,8 %"
    counts_line: str
    analyses: tuple[Analysis, ...]
    bars: tuple[Bar, ...]
    max_possible: Fraction  # the largest possible points of one goal, the chart's scale
    pay: tuple[PayLine, ...]
    footer: tuple[str, ...]  # lines under every page, before the page number

    @property
    def goal_count(self) -> int:
        return sum(len(a.goals) for a in self.areas)


def build_report(
    plan: Plan,
    card: ScoreCard,
    pay: Sequence[PayResult],
    provenance: Provenance,
    *,
    made: str,
    with_pay: bool = True,
) -> Report:
    """The report of a scored plan. `made` is the date the report was made, as shown
    (`15-01-2026`); `with_pay` False leaves every pay line out (`--uden-løn`)."""
    lang = plan.lang
    w = words(lang)
    year = str(plan.year or "")
    results = {r.goal_id: r for r in card.goals}
    facts = (
        (w.facts[0], plan.institution),
        (w.facts[1], plan.ministry),
        (w.facts[2], year),
        (w.facts[3], made),
    )
    areas = tuple(_area_block(plan, card, results, a.area, lang) for a in card.areas)
    top = [r for r in card.goals if r.is_top_level]
    return Report(
        lang=lang,
        words=w,
        title=w.title.format(year=year).strip(),
        subtitle=plan.institution,
        facts=tuple((k, v) for k, v in facts if v),
        areas=areas,
        total_line=_total_line(card, lang),
        total_points=f"{fmt.points(card.total_points, lang)} / {fmt.points(card.max_points, lang)}",
        score=fmt.pct(card.score_pct, lang),
        counts_line=counts_line(card, lang),
        analyses=tuple(_analysis(plan, r, results, lang) for r in top if r.status in ANALYSED),
        bars=tuple(
            Bar(
                r.goal_id,
                r.points,
                r.possible,
                r.status,
                r.status.label(lang)
                if r.status is Status.EXCLUDED
                else f"{fmt.points(r.points, lang)} / {fmt.points(r.possible, lang)}",
            )
            for r in top
        ),
        max_possible=max((r.possible for r in top), default=Fraction(0)),
        pay=tuple(
            PayLine(p.name, fmt.kroner(p.computed, lang), fmt.kroner(p.payout, lang), p.explanation)
            for p in pay
        )
        if with_pay
        else (),
        footer=footer_lines(provenance, lang),
    )


def _of(points: Fraction, possible: Fraction, lang: Lang) -> str:
    of, unit = ("av", "poäng") if lang == "sv" else ("af", "point")
    return f"{fmt.points(points, lang)} {of} {fmt.points(possible, lang)} {unit}"


def _total_line(card: ScoreCard, lang: Lang) -> str:
    points = _of(card.total_points, card.max_points, lang)
    return f"{words(lang).total}: {points} ({fmt.pct(card.score_pct, lang)})"


def counts_line(card: ScoreCard, lang: Lang) -> str:
    """`Overordnede mål: Opfyldt 8 · Delvist opfyldt 2 · Ikke opfyldt 1 · Mangler resultat 1`:
    every status named, also with 0, so the line always reads the same."""
    n = counts(card)
    parts = [
        (Status.MET, n.met),
        (Status.PARTLY, n.partly),
        (Status.NOT_MET, n.not_met),
        (Status.MISSING, n.missing),
    ]
    out = sum(1 for g in card.goals if g.is_top_level and g.status is Status.EXCLUDED)
    if out:  # a Forudsætning not met took the goal out of the total
        parts.append((Status.EXCLUDED, out))
    shown = " · ".join(f"{s.label(lang)} {k}" for s, k in parts)
    return f"{words(lang).counts_lead}: {shown}"


def _area_block(
    plan: Plan, card: ScoreCard, results: dict[str, GoalResult], area: str, lang: Lang
) -> AreaBlock:
    tops = [g for g in plan.top_level() if results[g.id].area == area]
    lines: list[GoalLine] = []
    for g in tops:
        lines += _with_children(plan, card, results, g, 0, lang, set())
    points = sum((results[g.id].points for g in tops), Fraction(0))
    possible = sum((results[g.id].possible for g in tops), Fraction(0))
    pct = points / possible * 100 if possible else Fraction(0)
    name = area or ("(utan område)" if lang == "sv" else "(uden område)")
    return AreaBlock(
        name,
        f"{_of(points, possible, lang)} ({fmt.pct(pct, lang)})",
        tuple(lines),
        f"{fmt.points(points, lang)} / {fmt.points(possible, lang)}",
        fmt.pct(pct, lang),
    )


def _with_children(
    plan: Plan,
    card: ScoreCard,
    results: dict[str, GoalResult],
    goal: Goal,
    depth: int,
    lang: Lang,
    seen: set[str],
) -> list[GoalLine]:
    """The goal's row and then its delmål's, depth first, each once."""
    if goal.id in seen:
        return []
    seen.add(goal.id)
    out = [goal_line(plan, card, results[goal.id], goal, depth, lang)]
    for child in plan.children(goal.id):
        out += _with_children(plan, card, results, child, depth + 1, lang, seen)
    return out


def goal_line(
    plan: Plan, card: ScoreCard, r: GoalResult, goal: Goal, depth: int, lang: Lang
) -> GoalLine:
    return GoalLine(
        goal_id=goal.id,
        depth=depth,
        text=goal.text,
        requirement=goal.requirement.strip() or requirement_text(goal, lang),
        result=result_text(plan, card, r, goal, lang),
        fulfilment=fmt.pct(r.fulfilment, lang) if r.fulfilment is not None else "–",
        points="–"
        if r.status is Status.EXCLUDED
        else f"{fmt.points(r.points, lang)} / {fmt.points(r.possible, lang)}",
        status=r.status,
        status_text=r.status.label(lang),
    )


def requirement_text(goal: Goal, lang: Lang) -> str:
    """The rule in a few words, for a goal whose Resultatkrav cell is empty."""
    sv = lang == "sv"

    def s(v: Fraction) -> str:
        return show(v, goal.unit, lang)

    t = goal.type
    if t is GoalType.YES_NO:
        return "Ja"
    if t in (GoalType.AT_LEAST, GoalType.AT_MOST) and goal.target is not None:
        return f"{'≤' if t is GoalType.AT_MOST else '≥'} {s(q(goal.target))}"
    if t is GoalType.RANGE and goal.target_range is not None:
        lo, hi = goal.target_range
        return f"{s(q(lo))}–{s(q(hi))}"
    if t in (GoalType.REDUCTION, GoalType.INCREASE) and goal.target is not None:
        word = {
            (GoalType.REDUCTION, False): "reduktion",
            (GoalType.REDUCTION, True): "minskning",
            (GoalType.INCREASE, False): "stigning",
            (GoalType.INCREASE, True): "ökning",
        }[(t, sv)]
        base = ""
        if goal.baseline is not None:
            base = f" {'från basvärde' if sv else 'fra basis'} {s(q(goal.baseline))}"
        return f"{word} ≥ {fmt.pct(goal.target, lang)}{base}"
    if t is GoalType.MILESTONES:
        return "Aktiviteter klara i tid" if sv else "Milepæle nået rettidigt"
    if t is GoalType.SUBGOALS:
        return "Delmålen uppfyllda" if sv else "Delmålene opfyldt"
    return ""


def result_text(plan: Plan, card: ScoreCard, r: GoalResult, goal: Goal, lang: Lang) -> str:
    """The result as measured, with its unit: the value compared with the target, the answer,
    the level, the milestones on time or the delmål met; "–" without a result."""
    sv = lang == "sv"
    if r.fulfilment is None:
        return "–"
    if r.measured is not None:
        return show(r.measured, goal.unit, lang)
    t = goal.type
    if t is GoalType.YES_NO and isinstance(goal.result, bool):
        return "Ja" if goal.result else "Nej"
    if t is GoalType.ASSESSMENT and r.fulfilment is not None:
        level = fmt.pct(r.fulfilment, lang)
        written = goal.result_text.strip()
        if isinstance(goal.result, Decimal) and written == fmt.plain(goal.result):
            written = ""  # the level typed as a number: "75" is shown "75 %"
        return f"{written} ({level})" if written and written != level else level
    if t is GoalType.MILESTONES:
        rows = {m.row for m in plan.milestones if m.goal_id == goal.id}
        states = [m.on_time for m in card.milestones if m.row in rows]
        done = sum(1 for s in states if s)
        return (
            f"{done} av {len(states)} aktiviteter klara i tid"
            if sv
            else f"{done} af {len(states)} milepæle nået rettidigt"
        )
    if t is GoalType.SUBGOALS:
        children = [card.result(c.id) for c in plan.children(goal.id)]
        met = sum(1 for c in children if c.status is Status.MET)
        return (
            f"{met} av {len(children)} delmål uppfyllda"
            if sv
            else f"{met} af {len(children)} delmål opfyldt"
        )
    places = location_values(plan, goal)
    if places:  # scored per location: one value per location
        none = "inget utfall" if sv else "intet resultat"
        return "; ".join(
            f"{name} {show(v, goal.unit, lang) if v is not None else none}" for name, v in places
        )
    return rule_part(r.explanation)


def rule_part(explanation: str) -> str:
    """An explanation without its tail (`… → opfyldt: 5 af 5 point`): the rule and numbers."""
    head, sep, _ = explanation.rpartition(" → ")
    return head if sep else explanation


def _analysis(plan: Plan, r: GoalResult, results: dict[str, GoalResult], lang: Lang) -> Analysis:
    goal = plan.goal(r.goal_id)
    text = goal.text if goal is not None else ""
    children = plan.children(r.goal_id)
    return Analysis(
        goal_id=r.goal_id,
        heading=f"{r.goal_id} {short(text)}".strip(),
        status=r.status,
        summary=f"{r.status.label(lang)}: {_of(r.points, r.possible, lang)}."
        if r.fulfilment is None or r.status is not Status.PARTLY
        else f"{r.status.label(lang)} ({fmt.pct(r.fulfilment, lang)}): "
        f"{_of(r.points, r.possible, lang)}.",
        requirement=(goal.requirement.strip() or requirement_text(goal, lang)) if goal else "",
        explanation=r.explanation,
        details=tuple(f"{c.id}: {results[c.id].explanation}" for c in children),
    )


def short(text: str, limit: int = HEADING_LIMIT) -> str:
    """One line of at most `limit` characters, cut at a word with an ellipsis."""
    line = " ".join(text.split())
    if len(line) <= limit:
        return line
    cut = line[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,.;:–-")
    return f"{cut}…"


def footer_lines(p: Provenance, lang: Lang) -> tuple[str, ...]:
    """`Målscore 0.1.0 · beregnet 2026-01-15 09:30` and the stamp's fingerprints, shortened to
    16 hex digits (the full values are the workbook's Målscore.Input / Målscore.Resultat)."""
    sv = lang == "sv"
    first = f"Målscore {p.version}"
    if p.calculated:
        calc = "beräknad" if sv else "beregnet"
        where = " i Excel" if p.in_excel else ""
        first += f" · {calc}{where} {p.calculated}"
    if p.result_digest or p.input_digest:
        stamp = "Stämpel" if sv else "Stempel"
        parts = [
            f"resultat {_short_digest(p.result_digest)}",
            f"input {_short_digest(p.input_digest)}",
        ]
        return (first, f"{stamp}: " + ", ".join(parts))
    if p.in_excel:
        return (
            first,
            "Utan stämpel (beräknad i Excel)" if sv else "Uden stempel (beregnet i Excel)",
        )
    return (first,)


def _short_digest(digest: str) -> str:
    kind, _, value = digest.partition(":")
    return f"{kind}:{value[:16]}" if value else digest[:16]
