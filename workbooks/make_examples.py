"""Build the template and the five example workbooks in this folder.

    .venv/bin/python workbooks/make_examples.py [OUT_DIR]

The examples are data: each `workbooks/examples/eNNN_*.py` transcribes one of the five real
plans in `shared/seeds/` into rows of the standard workbook (real goal numbers, weights and
targets; texts shortened) with plausible end-of-year results. This module only writes them: the
template from `calc.template`, the rows as given, and the case data (Sagsdata) from the specs in
`workbooks/examples/spec.py`, each generator checking the counts and sums it promises so that
`tests/test_examples.py` can hold hand-computed expectations. The output is deterministic:
fixed random seed, fixed dates, fixed file timestamps.
"""

from __future__ import annotations

import io
import random
import re
import sys
import zipfile
from collections.abc import Iterable, Sequence
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from calc.template import (  # noqa: E402
    FMT_DATE,
    MAAL,
    MILEPAELE,
    OPFOELGNING,
    PLAN_ROW,
    RESULTATLOEN,
    SAGSDATA,
    TableSheet,
    build_template,
    style_data_rows,
)
from calc.workdays import working_days_in  # noqa: E402
from workbooks.examples import EXAMPLES  # noqa: E402
from workbooks.examples.spec import (  # noqa: E402
    CaseSpec,
    DeadlineCases,
    Example,
    ExplicitCases,
    FollowingMonthCases,
    MeanCases,
    MonthCases,
    Row,
    ShareCases,
    WeekdayCases,
)

FIXED_TIME = datetime(2026, 1, 15, 12, 0, 0)
SEED = 20260115  # example NNN draws its case data from random.Random(SEED + NNN)
TEMPLATE = "skabelon.xlsx"


# --------------------------------------------------------------------------------------------
# Writing


def set_plan(wb: Any, values: Row) -> None:
    ws = wb["Plan"]
    for role, value in values.items():
        ws.cell(row=PLAN_ROW[role], column=2, value=value)


def write_rows(ws: Any, table: TableSheet, rows: Sequence[Row], first: int = 2) -> None:
    """Write `rows` (role -> value) from row `first`, styling rows beyond the template's."""
    last = first + len(rows) - 1
    if last > table.rows + 1:
        style_data_rows(ws, table, table.rows + 2, last)
    index = {col.key: i + 1 for i, col in enumerate(table.columns)}
    for r, row in enumerate(rows, start=first):
        for key, value in row.items():
            if key not in index:
                raise KeyError(f"{table.key}: no column {key!r} (row {r}); see calc/template.py")
            if value is None:
                continue
            cell = ws.cell(row=r, column=index[key], value=value)
            if isinstance(value, date):
                cell.number_format = FMT_DATE


def build_example(example: Example) -> Any:
    """The example's workbook: the template in its language, filled with its rows."""
    rng = random.Random(SEED + example.number)
    lang = example.lang
    wb = build_template(example.year, example.institution, lang=lang)
    set_plan(wb, example.plan)
    write_rows(wb[MAAL.title(lang)], MAAL, example.goals)
    milestones = wb[MILEPAELE.title(lang)]
    if example.milestone_sheet:
        milestones.title = example.milestone_sheet
    write_rows(milestones, MILEPAELE, example.milestones)
    cases: list[Row] = []
    for spec in example.cases:
        cases += case_rows(rng, spec, example.year)
    write_rows(wb[SAGSDATA.title(lang)], SAGSDATA, cases)
    write_rows(wb[RESULTATLOEN.title(lang)], RESULTATLOEN, example.pay)
    write_rows(wb[OPFOELGNING.title(lang)], OPFOELGNING, example.followup)
    return wb


def save_deterministic(wb: Any, path: Path) -> None:
    """Save with fixed document properties and fixed zip member timestamps."""
    wb.properties.created = FIXED_TIME
    wb.properties.modified = FIXED_TIME
    stamp = FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    buf = io.BytesIO()
    wb.save(buf)
    buf.seek(0)
    with zipfile.ZipFile(buf) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = info.external_attr
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                # openpyxl stamps the save time into dcterms:modified; pin it.
                data = re.sub(
                    rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
                    rb"\g<1>" + stamp + rb"\g<2>",
                    data,
                )
            dst.writestr(fixed, data)


# --------------------------------------------------------------------------------------------
# Case data generators (Sagsdata). Each checks the numbers its spec promises; the random draws
# happen in a fixed order, so the same spec always gives the same rows.


class BrokenPromise(ValueError):
    """A case spec that cannot give the counts it states (an edit to an example's data)."""


def _promise(ok: bool, spec: CaseSpec, what: str) -> None:
    if not ok:
        raise BrokenPromise(f"Sagsdata for goal {spec.goal}: {what} ({spec})")


def _random_day(rng: random.Random, first: date, last: date) -> date:
    return first + timedelta(days=rng.randint(0, (last - first).days))


def _received_decided(goal: str, prefix: str, year: int, n: int, days: int, decided: date) -> Row:
    return {
        "Mål": goal,
        "Sag": f"{prefix}-{year}-{n:04d}",
        "Modtaget": decided - timedelta(days=days),
        "Afgjort": decided,
    }


def share_cases(rng: random.Random, spec: ShareCases, year: int) -> list[Row]:
    """See `ShareCases`: cases decided on random days of `year`, Dage left empty."""
    _promise(spec.fast <= spec.limit < spec.slow, spec, "needs fast ≤ limit < slow")
    if spec.at_limit is None:
        days = [rng.randint(spec.fast, spec.limit) for _ in range(spec.within)]
    else:
        _promise(
            0 <= spec.at_limit <= spec.within
            and (spec.fast < spec.limit or not spec.within - spec.at_limit),
            spec,
            "needs 0 ≤ at_limit ≤ within, and room below the limit",
        )
        days = [spec.limit] * spec.at_limit
        days += [rng.randint(spec.fast, spec.limit - 1) for _ in range(spec.within - spec.at_limit)]
    days += [rng.randint(spec.limit + 1, spec.slow) for _ in range(spec.late)]
    flags = ["Ja"] * (spec.within + spec.late) + ["Nej"] * spec.excluded
    days += [rng.randint(spec.limit + 1, spec.slow) for _ in range(spec.excluded)]
    flags += ["Som opfyldt"] * spec.as_met
    days += [rng.randint(spec.limit + 1, spec.slow) for _ in range(spec.as_met)]
    order = list(range(len(days)))
    rng.shuffle(order)
    rows: list[Row] = []
    for n, i in enumerate(order, start=1):
        decided = _random_day(rng, date(year, 1, 2), date(year, 12, 19))
        row = _received_decided(spec.goal, spec.prefix, year, n, days[i], decided)
        rows.append({**row, "Medtages": flags[i]})
    included = [days[i] for i in order if flags[i] == "Ja"]
    ok = sum(1 for d in included if d <= spec.limit)
    _promise(
        (len(included), ok) == (spec.within + spec.late, spec.within),
        spec,
        f"{ok} of {len(included)} included cases within {spec.limit} days",
    )
    if spec.at_limit is not None:
        exact = sum(1 for d in included if d == spec.limit)
        _promise(exact == spec.at_limit, spec, f"{exact} cases of exactly {spec.limit} days")
    return rows


def mean_cases(rng: random.Random, spec: MeanCases, year: int) -> list[Row]:
    """See `MeanCases`: the kept cases average exactly `mean`, the outliers are the slowest."""
    _promise(1 <= spec.spread <= spec.mean, spec, "needs 1 ≤ spread ≤ mean (no negative days)")
    days: list[int] = []
    for _ in range(spec.kept // 2):
        k = rng.randint(1, spec.spread)
        days += [spec.mean - k, spec.mean + k]
    if spec.kept % 2:
        days.append(spec.mean)
    _promise(sum(days) == spec.mean * spec.kept, spec, f"kept cases sum to {sum(days)}")
    slowest = max(days, default=0)
    _promise(all(o > slowest for o in spec.outliers), spec, "an outlier is not the slowest")
    days += list(spec.outliers)
    rng.shuffle(days)
    rows = []
    for n, d in enumerate(days, start=1):
        decided = _random_day(rng, date(year, 1, 2), date(year, 12, 19))
        rows.append(_received_decided(spec.goal, spec.prefix, year, n, d, decided))
    return rows


def deadline_cases(rng: random.Random, spec: DeadlineCases, year: int) -> list[Row]:
    """See `DeadlineCases`: early cases first, then those on the deadline, then the late ones."""
    _promise(
        spec.early_from <= spec.early_to <= spec.deadline < min(spec.after, default=date.max),
        spec,
        "needs early_from ≤ early_to ≤ deadline < every date in after",
    )
    decided = [_random_day(rng, spec.early_from, spec.early_to) for _ in range(spec.early)]
    decided += [spec.deadline] * spec.on_deadline + list(spec.after)
    rows = []
    for n, d in enumerate(decided, start=1):
        wait = rng.randint(*spec.wait)
        rows.append(_received_decided(spec.goal, spec.prefix, year, n, wait, d))
    on_time = sum(1 for d in decided if d <= spec.deadline)
    _promise(on_time == spec.early + spec.on_deadline, spec, f"{on_time} decided by the deadline")
    return rows


def weekday_cases(rng: random.Random, spec: WeekdayCases, year: int) -> list[Row]:
    """See `WeekdayCases`: for each location in turn, one row per working day of `year`."""
    weekdays = working_days_in(date(year, 1, 1), date(year, 12, 31), spec.country)
    rows: list[Row] = []
    for location, within in spec.within:
        _promise(within <= len(weekdays), spec, f"{location}: {year} has {len(weekdays)} weekdays")
        waits = [rng.randint(1, spec.limit) for _ in range(within)]
        waits += [
            rng.randint(spec.limit + 1, spec.limit + 12) for _ in range(len(weekdays) - within)
        ]
        rng.shuffle(waits)
        tag = location[:3].upper().replace("Æ", "AE").replace("Ø", "OE").replace("Å", "AA")
        rows += [
            {
                "Mål": spec.goal,
                "Sag": f"{tag}-{d:%Y%m%d}",
                "Modtaget": d,
                "Lokation": location,
                "Medtages": "Ja",
                "Dage": w,
            }
            for d, w in zip(weekdays, waits, strict=True)
        ]
        ok = sum(1 for w in waits if w <= spec.limit)
        _promise(ok == within, spec, f"{location}: {ok} weekdays within {spec.limit} days")
    return rows


def _plus_months(day: date, months: int) -> date:
    """The same day of the month `months` later (callers use days 1–28 only)."""
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, day.day)


def month_cases(rng: random.Random, spec: MonthCases, year: int) -> list[Row]:
    """See `MonthCases`: each case's Afgjort against Modtaget + `months` calendar months."""
    _promise(0 <= spec.at_limit <= spec.within, spec, "needs 0 ≤ at_limit ≤ within")
    offsets = [0] * spec.at_limit
    offsets += [-rng.randint(1, spec.spread) for _ in range(spec.within - spec.at_limit)]
    offsets += [rng.randint(1, spec.spread) for _ in range(spec.late)]
    rng.shuffle(offsets)
    rows: list[Row] = []
    ok = 0
    for n, offset in enumerate(offsets, start=1):
        received = date(year, rng.randint(1, 12 - spec.months), rng.randint(1, 28))
        limit = _plus_months(received, spec.months)
        decided = limit + timedelta(days=offset)
        ok += decided <= limit
        rows.append(
            {
                "Mål": spec.goal,
                "Sag": f"{spec.prefix}-{year}-{n:04d}",
                "Modtaget": received,
                "Afgjort": decided,
                "Medtages": "Ja",
            }
        )
    _promise(ok == spec.within, spec, f"{ok} decided within {spec.months} months")
    return rows


def _end_of_next_month(day: date) -> date:
    first = _plus_months(day.replace(day=1), 2)
    return first - timedelta(days=1)


def following_month_cases(rng: random.Random, spec: FollowingMonthCases, year: int) -> list[Row]:
    """See `FollowingMonthCases`: violations and when they were reported."""
    first, last = spec.period
    outside = [
        d for d in (date(year, 1, 1) + timedelta(days=i) for i in range(366))
        if d.year == year and not first <= d <= last
    ]  # fmt: skip
    inside = [first + timedelta(days=i) for i in range((last - first).days + 1)]
    plan = (
        [(outside, True)] * spec.within + [(outside, False)] * spec.late
        + [(inside, True)] * spec.period_within + [(inside, False)] * spec.period_late
    )  # fmt: skip
    rng.shuffle(plan)
    rows: list[Row] = []
    in_period = 0
    for n, (days, on_time) in enumerate(plan, start=1):
        seen = rng.choice(days)
        in_period += first <= seen <= last
        limit = _end_of_next_month(seen)
        if on_time:
            reported = seen + timedelta(days=rng.randint(0, (limit - seen).days))
        else:
            reported = limit + timedelta(days=rng.randint(1, 20))
        rows.append(
            {
                "Mål": spec.goal,
                "Sag": f"{spec.prefix}-{year}-{n:04d}",
                "Modtaget": seen,
                "Afgjort": reported,
                "Medtages": "Ja",
            }
        )
    _promise(in_period == spec.period_within + spec.period_late, spec, f"{in_period} in period")
    return rows


def explicit_cases(spec: ExplicitCases) -> list[Row]:
    """See `ExplicitCases`: the rows as written."""
    return [
        {"Mål": spec.goal, "Sag": sag, "Modtaget": received, "Afgjort": decided, "Medtages": "Ja"}
        for sag, received, decided in spec.rows
    ]


def case_rows(rng: random.Random, spec: CaseSpec, year: int) -> list[Row]:
    """The Sagsdata rows one spec describes."""
    match spec:
        case ShareCases():
            return share_cases(rng, spec, year)
        case MeanCases():
            return mean_cases(rng, spec, year)
        case DeadlineCases():
            return deadline_cases(rng, spec, year)
        case WeekdayCases():
            return weekday_cases(rng, spec, year)
        case MonthCases():
            return month_cases(rng, spec, year)
        case FollowingMonthCases():
            return following_month_cases(rng, spec, year)
        case ExplicitCases():
            return explicit_cases(spec)


# --------------------------------------------------------------------------------------------


def build_all(out: Path, examples: Iterable[Example] = EXAMPLES) -> list[Path]:
    """Write the template and every example into `out`; returns the files written."""
    out.mkdir(parents=True, exist_ok=True)
    written = [out / TEMPLATE]
    save_deterministic(build_template(), written[0])
    for example in examples:
        written.append(out / example.file)
        save_deterministic(build_example(example), written[-1])
    return written


def main(argv: Iterable[str] | None = None) -> int:
    args = list(argv or [])
    for path in build_all(Path(args[0]) if args else HERE):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
