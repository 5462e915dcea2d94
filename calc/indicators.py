"""Results computed from case data (Sagsdata): shares, averages, counts.

This is the plain-Python reference implementation; it is exact (Decimal) and defines the rules:

- `andel`: share (%) of the included cases within the Frist (`calc.deadlines`: Dage ≤ N days,
  < N with `under`, N working days or months after Modtaget, on or before a date, or strictly
  before with `før`). A case with Medtages = Som opfyldt counts as within whatever its dates.
  A case with no decision date never counts as decided by a date; a case without what its
  deadline needs (Modtaget and Afgjort for working days and months) is left out and counted
  in `n_undated`.
- `gennemsnit` with Udelad X: sort by days, leave out the k = ⌊n × X / 100⌋ slowest cases, then
  take the mean of the rest. Ties do not matter: equal day counts are interchangeable, so which of
  them is dropped cannot change the mean. At least (100 − X) % of the cases are always kept.
- `median`: the middle value, or the mean of the two middle values.
- `percentil N` (0 < N ≤ 100): nearest rank — the value at rank r = ⌈n × N / 100⌉ (at least 1)
  when the cases are sorted by days, so "90 % of the cases took at most this long".
- `maksimum`: the largest day count. `antal`: the number of included cases.
- Enhed `uger` divides days by 7, `måneder` by 30.4375 (the mean Gregorian month).

`compute` is what scoring calls: from `FAST_FROM` cases on it uses `compute_fast`, which gives
the same exact result from a histogram of the day counts without sorting the cases (a million
cases in well under a second). `compute_reference` is the plain definition; the
property tests hold the two equal.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from fractions import Fraction
from types import MappingProxyType

from .deadlines import Deadline, Kind
from .model import Indicator

DAYS_PER_UNIT: dict[str, Decimal] = {
    "uger": Decimal(7),
    "uge": Decimal(7),
    "veckor": Decimal(7),
    "vecka": Decimal(7),
    "weeks": Decimal(7),
    "maaneder": Decimal("30.4375"),
    "maneder": Decimal("30.4375"),
    "manader": Decimal("30.4375"),
    "months": Decimal("30.4375"),
    "mdr": Decimal("30.4375"),
}


@dataclass(frozen=True)
class IndicatorValue:
    """An indicator's value with what it was computed from (for the explanation)."""

    value: Fraction | None  # None: no cases to compute from
    n_cases: int  # cases the value is computed over
    n_trimmed: int = 0  # slowest cases left out by Udelad
    n_undated: int = 0  # `andel`: cases left out because they lack what the Frist needs
    n_as_met: int = 0  # `andel`: cases counted as within by Medtages = Som opfyldt


def percentile_rank(n: int, percentile: Decimal) -> int:
    """The 1-based nearest rank of `percentile N` among n cases: ⌈n × N / 100⌉, at least 1."""
    rank = (Decimal(n) * percentile / 100).to_integral_value(rounding="ROUND_CEILING")
    return max(1, int(rank))


def trimmed_count(n: int, trim_pct: Decimal) -> int:
    """How many of n cases `Udelad trim_pct` leaves out: ⌊n × X / 100⌋."""
    return int((Decimal(n) * trim_pct / 100).to_integral_value(rounding="ROUND_FLOOR"))


FAST_FROM = 1000


def compute(
    indicator: Indicator,
    days: Sequence[Decimal],
    decided: Sequence[date | None] = (),
    *,
    deadline: Deadline | None = None,
    received: Sequence[date | None] = (),
    as_met: Sequence[bool] = (),
    country: str = "DK",
    trim_pct: Decimal = Decimal(0),
    days_per_unit: Decimal = Decimal(1),
    percentile: Decimal = Decimal(50),
) -> IndicatorValue:
    """The indicator's value over the included cases (rules in the module docstring).

    From FAST_FROM cases on, the histogram path (proven equal by property tests) does the work;
    below that the plain definition is quicker.
    """
    impl = compute_fast if len(days) >= FAST_FROM else compute_reference
    return impl(
        indicator,
        days,
        decided,
        deadline=deadline,
        received=received,
        as_met=as_met,
        country=country,
        trim_pct=trim_pct,
        days_per_unit=days_per_unit,
        percentile=percentile,
    )


def compute_reference(
    indicator: Indicator,
    days: Sequence[Decimal],
    decided: Sequence[date | None] = (),
    *,
    deadline: Deadline | None = None,
    received: Sequence[date | None] = (),
    as_met: Sequence[bool] = (),
    country: str = "DK",
    trim_pct: Decimal = Decimal(0),
    days_per_unit: Decimal = Decimal(1),
    percentile: Decimal = Decimal(50),
) -> IndicatorValue:
    n = len(days)
    if indicator is Indicator.COUNT:
        return IndicatorValue(Fraction(n), n)
    if n == 0:
        return IndicatorValue(None, 0)
    if indicator is Indicator.SHARE:
        hits = undated = met = 0
        for i in range(n):
            if as_met and as_met[i]:
                hits += 1
                met += 1
                continue
            within = _within(deadline, days[i], _at(received, i), _at(decided, i), country)
            if within is None:
                undated += 1
            elif within:
                hits += 1
        return _share(hits, n, undated, met)
    ordered = sorted(days)
    if indicator is Indicator.MEAN:
        k = trimmed_count(n, trim_pct)
        kept = ordered[: n - k]
        mean = sum(map(Fraction, kept), Fraction(0)) / len(kept)
        return IndicatorValue(mean / Fraction(days_per_unit), len(kept), k)
    if indicator is Indicator.PERCENTILE:
        value = ordered[percentile_rank(n, percentile) - 1]
        return IndicatorValue(Fraction(value) / Fraction(days_per_unit), n)
    if indicator is Indicator.MEDIAN:
        mid = n // 2
        median = (
            Fraction(ordered[mid])
            if n % 2
            else (Fraction(ordered[mid - 1]) + Fraction(ordered[mid])) / 2
        )
        return IndicatorValue(median / Fraction(days_per_unit), n)
    return IndicatorValue(Fraction(ordered[-1]) / Fraction(days_per_unit), n)  # MAXIMUM


def compute_fast(
    indicator: Indicator,
    days: Sequence[Decimal],
    decided: Sequence[date | None] = (),
    *,
    deadline: Deadline | None = None,
    received: Sequence[date | None] = (),
    as_met: Sequence[bool] = (),
    country: str = "DK",
    trim_pct: Decimal = Decimal(0),
    days_per_unit: Decimal = Decimal(1),
    percentile: Decimal = Decimal(50),
) -> IndicatorValue:
    """The same as `compute_reference`, from a histogram of the day counts (distinct value →
    number of cases), built with `collections.Counter` at C speed. Every rule depends only on that
    histogram, so the result is exact and equal to the reference. A share is counted over the
    distinct combinations of what its Frist reads (and Som opfyldt)."""
    n = len(days)
    if indicator is Indicator.SHARE and n:
        # Only the columns the deadline reads make up the key, so the histogram stays small.
        met_col: Sequence[bool] = as_met or (False,) * n
        groups: list[tuple[Decimal | None, date | None, date | None, bool, int]]
        if deadline is None or deadline.kind is Kind.DAYS:
            keys = Counter(zip(days, met_col, strict=True))
            groups = [(d, None, None, m, c) for (d, m), c in keys.items()]
        elif deadline.kind is Kind.DATE:
            by_date = Counter(zip(decided or (None,) * n, met_col, strict=True))
            groups = [(None, None, d, m, c) for (d, m), c in by_date.items()]
        else:
            pairs = Counter(
                zip(received or (None,) * n, decided or (None,) * n, met_col, strict=True)
            )
            groups = [(None, r, d, m, c) for (r, d, m), c in pairs.items()]
        hits = undated = met = 0
        for d, r, dd, m, c in groups:
            if m:
                hits += c
                met += c
                continue
            within = _within(deadline, d, r, dd, country)
            if within is None:
                undated += c
            elif within:
                hits += c
        return _share(hits, n, undated, met)
    return compute_counts(
        indicator,
        Counter(days),
        {},
        deadline=deadline,
        trim_pct=trim_pct,
        days_per_unit=days_per_unit,
        percentile=percentile,
    )


def needs_decided(indicator: Indicator | None, deadline: Deadline | None) -> bool:
    """Whether the indicator, computed from counts, needs the cases counted by decision date:
    only a share with a Frist that is a date does (`compute_counts`); the other indicators
    need the day histogram alone, so a case file is counted by date only for such goals."""
    return indicator is Indicator.SHARE and deadline is not None and deadline.kind is Kind.DATE


def compute_counts(
    indicator: Indicator,
    day_counts: Mapping[Decimal, int],
    decided_counts: Mapping[date | None, int] = MappingProxyType({}),
    *,
    deadline: Deadline | None = None,
    trim_pct: Decimal = Decimal(0),
    days_per_unit: Decimal = Decimal(1),
    percentile: Decimal = Decimal(50),
) -> IndicatorValue:
    """The indicator from histograms: Dage value → number of cases, and Afgjort date → number
    of cases (None: no date), over the same cases. This is what large case data gives (counted
    by a columnar engine or a database, `calc.casecounts`); the counts are exact integers and
    the result is the same exact fraction as `compute_reference` over the cases themselves.

    Counts carry no Modtaget and no Som opfyldt: a share with a Frist in working days or months
    comes out with every case undated (the caller reports it)."""
    n = sum(day_counts.values())
    if indicator is Indicator.COUNT:
        return IndicatorValue(Fraction(n), n)
    if n == 0:
        return IndicatorValue(None, 0)
    if indicator is Indicator.SHARE:
        if deadline is not None and deadline.needs_dates:
            return IndicatorValue(None, 0, n_undated=n)
        if needs_decided(indicator, deadline):
            groups = decided_counts.items()
            hits = sum(c for d, c in groups if _within(deadline, None, None, d, "DK"))
        else:
            hits = sum(c for d, c in day_counts.items() if _within(deadline, d, None, None, "DK"))
        return _share(hits, n, 0, 0)
    histogram = sorted((v, c) for v, c in day_counts.items() if c)  # fastest first
    unit = Fraction(days_per_unit)
    if indicator is Indicator.MAXIMUM:
        return IndicatorValue(Fraction(histogram[-1][0]) / unit, n)
    if indicator is Indicator.PERCENTILE:
        value = _nth(histogram, percentile_rank(n, percentile) - 1)
        return IndicatorValue(Fraction(value) / unit, n)
    if indicator is Indicator.MEDIAN:
        mid = n // 2
        lo = _nth(histogram, mid - 1 if n % 2 == 0 else mid)
        hi = _nth(histogram, mid)
        return IndicatorValue((Fraction(lo) + Fraction(hi)) / 2 / unit, n)
    # MEAN: leave out the k slowest, then the exact mean of the rest.
    k = trimmed_count(n, trim_pct)
    keep = n - k
    total = Fraction(0)
    left = keep
    for value, count in histogram:
        take = min(count, left)
        if take <= 0:
            break
        total += Fraction(value) * take
        left -= take
    return IndicatorValue(total / keep / unit, keep, k)


def _within(
    deadline: Deadline | None,
    days: Decimal | None,
    received: date | None,
    decided: date | None,
    country: str,
) -> bool | None:
    if deadline is None:  # no Frist (the parser reports it): nothing is within
        return days is not None and days <= 0
    return deadline.within(days, received, decided, country)


def _at(column: Sequence[date | None], i: int) -> date | None:
    return column[i] if column else None


def _share(hits: int, n: int, undated: int, met: int) -> IndicatorValue:
    counted = n - undated
    if counted == 0:
        return IndicatorValue(None, 0, n_undated=undated, n_as_met=met)
    return IndicatorValue(Fraction(hits * 100, counted), counted, n_undated=undated, n_as_met=met)


def _nth(histogram: list[tuple[Decimal, int]], i: int) -> Decimal:
    """The i-th smallest value (0-based) of the cases a histogram describes."""
    seen = 0
    for value, count in histogram:
        seen += count
        if i < seen:
            return value
    raise IndexError(i)
