"""Working days (arbejdsdage, arbetsdagar): Monday to Friday minus the country's public holidays.

A deadline such as "inom tre arbetsdagar" counts the working days after the day a case was
received, up to and including the day it was decided: a case received on Thursday 20 March 2008
and decided on Wednesday 26 March 2008 took 2 Swedish working days (Good Friday and Easter
Monday are holidays, so only Tuesday and Wednesday count).

The holidays come from the `holidays` package (MIT licence), never from a table of our own:

- Denmark (`DK`): the public holidays (helligdage) — nytårsdag, skærtorsdag, langfredag,
  2. påskedag, store bededag (until 2023), Kristi himmelfartsdag, 2. pinsedag, juledag and
  2. juledag. Grundlovsdag, juleaftensdag and nytårsaftensdag are not helligdage and count as
  working days.
- Sweden (`SE`): the public holidays (allmänna helgdagar) plus midsommarafton, julafton and
  nyårsafton, which Lag (1930:173) om beräkning av lagstadgad tid treats like holidays.

`holidays` is imported the first time a year's holidays are needed, so `import calc` stays
cheap; each (country, year) is computed once.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from datetime import date, timedelta
from functools import cache

COUNTRIES = ("DK", "SE")
_CATEGORIES = {"DK": ("public",), "SE": ("public", "de_facto")}


@cache
def holidays_in(country: str, year: int) -> tuple[date, ...]:
    """The country's holidays of `year` that fall on a weekday, sorted."""
    import holidays

    if country not in _CATEGORIES:
        raise ValueError(f"unknown country {country!r}; use one of {COUNTRIES}")
    found = holidays.country_holidays(country, years=year, categories=_CATEGORIES[country])
    return tuple(sorted(d for d in found if d.weekday() < 5))


def is_working_day(day: date, country: str) -> bool:
    return day.weekday() < 5 and day not in holidays_in(country, day.year)


def _weekdays_after(start: date, end: date) -> int:
    """Monday–Friday in the days after `start` up to and including `end` (start ≤ end)."""
    n = (end - start).days
    full, rest = divmod(n, 7)
    count = full * 5
    for i in range(1, rest + 1):
        if (start + timedelta(days=i)).weekday() < 5:
            count += 1
    return count


def working_days_between(received: date, decided: date, country: str) -> int:
    """Working days after `received` up to and including `decided` (negative if decided is
    earlier; 0 when both are the same day)."""
    if decided < received:
        return -working_days_between(decided, received, country)
    count = _weekdays_after(received, decided)
    for year in range(received.year, decided.year + 1):
        days = holidays_in(country, year)
        lo = bisect_right(days, received)
        hi = bisect_right(days, decided)
        count -= max(0, hi - lo)
    return count


def working_days_in(first: date, last: date, country: str) -> list[date]:
    """Every working day from `first` to `last`, both included (for generating test data)."""
    out = []
    day = first
    while day <= last:
        if is_working_day(day, country):
            out.append(day)
        day += timedelta(days=1)
    return out


def holiday_count(first: date, last: date, country: str) -> int:
    """Weekday holidays from `first` to `last`, both included."""
    total = 0
    for year in range(first.year, last.year + 1):
        days = holidays_in(country, year)
        total += bisect_right(days, last) - bisect_left(days, first)
    return total
