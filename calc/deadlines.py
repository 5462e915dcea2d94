"""Frist: what a goal's deadline cell says, and whether one case met it.

Plans write deadlines in several ways, and the difference between "before" and "on or before"
moves real cases across the line, so the Frist cell says which it means:

| Frist | a case is within when |
|---|---|
| `31`, `31 dage`, `inden for 31 dage`, `senest 31 dage` | Dage ≤ 31 |
| `under 31 dage` | Dage < 31 (30 days at most, for whole days) |
| `2 uger` | Dage ≤ 14 (`under 2 uger`: < 14) |
| `3 arbejdsdage` | ≤ 3 working days after Modtaget (see `calc.workdays`) |
| `2 måneder` | Afgjort ≤ Modtaget + 2 calendar months (`under`: before that day) |
| `følgende måned` | Afgjort ≤ the last day of the month after Modtaget's month |
| `17-03-2025`, `senest 17-03-2025` | Afgjort ≤ 17-03-2025 |
| `før 17-03-2025` | Afgjort < 17-03-2025 |

Swedish: `dagar`, `veckor`, `arbetsdagar`, `månader`, `följande månad`, `inom`, `senast`, `under`,
`före`, `innan`. A bare `inden` before a date or a number of days (`inden 31 dage`, `inden
17-03-2025`) is refused with a question: Danish uses it both for "within" and for "before", and
the plan's text must decide (write `31`/`senest …` or `under 31 dage`/`før …`).

A case that lacks what its deadline needs (no Dage for days; no Modtaget or Afgjort for working
days and months) is *undated*: the indicator leaves it out and the goal gets a warning. A case
without an Afgjort date never counts as decided by a date (it is late, not undated).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import Enum

from . import values as V
from .fmt import plain
from .grid import CellValue, ExcelError
from .workdays import working_days_between


class Kind(Enum):
    DAYS = "days"  # Dage (calendar days), compared with amount
    WORKDAYS = "workdays"  # working days between Modtaget and Afgjort
    MONTHS = "months"  # Afgjort against Modtaget + amount calendar months
    MONTH_END = "month_end"  # Afgjort against the last day of Modtaget's month + amount
    DATE = "date"  # Afgjort against a date


@dataclass(frozen=True)
class Deadline:
    """A parsed Frist. `amount` is in days for DAYS (uger already × 7), else in the kind's unit."""

    kind: Kind
    amount: Decimal = Decimal(0)
    on: date | None = None
    strict: bool = False
    unit: str = ""  # the unit word to show (`dage`, `uger`, …); empty for dates

    @property
    def needs_dates(self) -> bool:
        return self.kind in (Kind.WORKDAYS, Kind.MONTHS, Kind.MONTH_END)

    def describe(self, lang: str) -> str:
        """`≤ 31 dage`, `< 31 dage`, `senest 17-03-2025`, `før 17-03-2025`, `≤ 3 arbejdsdage`."""
        sv = lang == "sv"
        if self.kind is Kind.DATE:
            assert self.on is not None
            shown = f"{self.on:%Y-%m-%d}" if sv else f"{self.on:%d-%m-%Y}"
            word = ("före" if sv else "før") if self.strict else ("senast" if sv else "senest")
            return f"{word} {shown}"
        if self.kind is Kind.MONTH_END:
            text = (
                ("utgången av följande månad" if sv else "udgangen af følgende måned")
                if self.amount == 1
                else (
                    f"utgången av {plain(self.amount)}:e månaden efter"
                    if sv
                    else f"udgangen af {plain(self.amount)}. måned efter"
                )
            )
            return f"{'före' if sv else 'før'} {text}" if self.strict else text
        amount = self.amount / 7 if self.unit == "uger" else self.amount
        return f"{'<' if self.strict else '≤'} {plain(amount)} {unit_for(self, lang)}"

    def within(
        self, days: Decimal | None, received: date | None, decided: date | None, country: str
    ) -> bool | None:
        """Whether one case met the deadline; None when the case lacks what is needed."""
        if self.kind is Kind.DAYS:
            if days is None:
                return None
            return days < self.amount if self.strict else days <= self.amount
        if self.kind is Kind.DATE:
            assert self.on is not None
            if decided is None:
                return False
            return decided < self.on if self.strict else decided <= self.on
        if received is None or decided is None:
            return None
        if self.kind is Kind.WORKDAYS:
            n = Decimal(working_days_between(received, decided, country))
            return n < self.amount if self.strict else n <= self.amount
        if self.kind is Kind.MONTHS:
            limit = add_months(received, int(self.amount))
        else:
            limit = month_end(received, int(self.amount))
        return decided < limit if self.strict else decided <= limit


def add_months(day: date, months: int) -> date:
    """The same day `months` calendar months later; the 31st becomes the month's last day."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def month_end(day: date, months_after: int) -> date:
    """The last day of the month `months_after` months after `day`'s month."""
    first = add_months(day.replace(day=1), months_after)
    return first.replace(day=calendar.monthrange(first.year, first.month)[1])


# --- reading the Frist cell ------------------------------------------------------------------

_STRICT = r"under|før|före|innan|mindre end|mindre än|<"
_INCLUSIVE = (
    r"senest|senast|inden for|indenfor|inom|højst|högst|maks\.?|max\.?|til og med|t\.o\.m\.?"
    r"|till och med|≤|<="
)
_UNITS: dict[str, tuple[Kind, int, str, str]] = {
    # word → (kind, multiplier to the kind's unit, Danish unit, Swedish unit)
    "dage": (Kind.DAYS, 1, "dage", "dagar"),
    "dag": (Kind.DAYS, 1, "dage", "dagar"),
    "dagar": (Kind.DAYS, 1, "dage", "dagar"),
    "kalenderdage": (Kind.DAYS, 1, "dage", "dagar"),
    "kalenderdagar": (Kind.DAYS, 1, "dage", "dagar"),
    "uger": (Kind.DAYS, 7, "uger", "veckor"),
    "uge": (Kind.DAYS, 7, "uger", "veckor"),
    "veckor": (Kind.DAYS, 7, "uger", "veckor"),
    "vecka": (Kind.DAYS, 7, "uger", "veckor"),
    "arbejdsdage": (Kind.WORKDAYS, 1, "arbejdsdage", "arbetsdagar"),
    "arbejdsdag": (Kind.WORKDAYS, 1, "arbejdsdage", "arbetsdagar"),
    "arbetsdagar": (Kind.WORKDAYS, 1, "arbejdsdage", "arbetsdagar"),
    "arbetsdag": (Kind.WORKDAYS, 1, "arbejdsdage", "arbetsdagar"),
    "måneder": (Kind.MONTHS, 1, "måneder", "månader"),
    "måned": (Kind.MONTHS, 1, "måneder", "månader"),
    "månader": (Kind.MONTHS, 1, "måneder", "månader"),
    "månad": (Kind.MONTHS, 1, "måneder", "månader"),
    "mdr": (Kind.MONTHS, 1, "måneder", "månader"),
    "mdr.": (Kind.MONTHS, 1, "måneder", "månader"),
}
_WORDS = {"to": 2, "två": 2, "tre": 3, "fire": 4, "fyra": 4, "fem": 5, "en": 1, "ett": 1, "én": 1}
_AMOUNT = r"(?P<n>-?\d+(?:[.,]\d+)?|" + "|".join(_WORDS) + r")"
_PREFIX = re.compile(rf"^(?:(?P<strict>{_STRICT})|(?P<incl>{_INCLUSIVE}))\s+(?P<rest>.*)$")
_SPAN = re.compile(rf"^{_AMOUNT}\s*(?P<unit>[^\d\s]+)?$")
_NEXT_MONTH = re.compile(
    r"^(?:(?:ved |vid )?(?:udgangen af|utgången av|slutningen af|slutet av) )?"
    r"(?:den )?(?:følgende måned|måneden efter|næste måned|följande månad|månaden efter"
    r"|nästa månad)$"
)
_AMBIGUOUS = re.compile(r"^inden\s+(?:den\s+)?(?!for\b)(?P<rest>.+)$")


def _problem(v: CellValue) -> V.ValueProblem:
    shown = V.show(v)
    return V.ValueProblem(
        f"'{shown}' er ikke en frist. Skriv fx 31 (dage), under 31 dage, 3 arbejdsdage, "
        "2 måneder, følgende måned, senest 17-03-2025 eller før 17-03-2025.",
        f"'{shown}' är ingen tidsgräns. Skriv t.ex. 31 (dagar), under 31 dagar, 3 arbetsdagar, "
        "2 månader, följande månad, senast 2025-03-17 eller före 2025-03-17.",
    )


def parse_deadline(v: CellValue) -> Deadline:
    """A Frist cell → `Deadline` by the table in the module docstring; `ValueProblem` otherwise."""
    if isinstance(v, ExcelError):
        raise _problem(v)
    if isinstance(v, date):
        return Deadline(Kind.DATE, on=V.parse_date(v))  # type: ignore[arg-type]
    if isinstance(v, bool):
        raise _problem(v)
    if isinstance(v, int | float | Decimal):
        return _days(V.parse_number(v), "dage", False, v)
    if not isinstance(v, str) or V.is_blank(v):
        raise _problem(v)
    text = " ".join(v.lower().replace("–", "-").split())
    if m := _AMBIGUOUS.match(text):
        rest = m.group("rest")
        shown = V.show(v)
        if _SPAN.match(rest):
            raise V.ValueProblem(
                f"'{shown}' kan læses både som 'inden for' og som 'før'. Skriv {rest} (inden "
                f"for {rest}: den sidste dag tæller med) eller under {rest} (den er for sent).",
                f"'{shown}' kan läsas både som 'inom' och som 'före'. Skriv {rest} (inom {rest}: "
                f"den sista dagen räknas med) eller under {rest} (den är för sent).",
            )
        raise V.ValueProblem(
            f"'{shown}' kan læses både som 'til og med' og som 'før'. Skriv senest {rest} (dagen "
            f"tæller med) eller før {rest} (strengt før).",
            f"'{shown}' kan läsas både som 'till och med' och som 'före'. Skriv senast {rest} "
            f"(dagen räknas med) eller före {rest} (strikt före).",
        )
    strict = False
    if m := _PREFIX.match(text):
        strict = m.group("strict") is not None
        text = m.group("rest")
    if _NEXT_MONTH.match(text):
        return Deadline(Kind.MONTH_END, Decimal(1), strict=strict)
    if m := _SPAN.match(text):
        raw = m.group("n")
        amount = Decimal(_WORDS[raw]) if raw in _WORDS else Decimal(raw.replace(",", "."))
        unit = m.group("unit") or "dage"
        unit = unit if unit in _UNITS else unit.rstrip(".")
        if unit not in _UNITS:
            raise _problem(v)
        return _days(amount, unit, strict, v)
    try:
        on = V.parse_date(text)
    except V.ValueProblem:
        raise _problem(v) from None
    if not isinstance(on, date) or len(V.parse_dates(text)) != 1:
        raise _problem(v)
    return Deadline(Kind.DATE, on=on, strict=strict)


def _days(amount: Decimal, unit: str, strict: bool, v: CellValue) -> Deadline:
    kind, factor, da_unit, _ = _UNITS[unit]
    if amount < 0:
        raise V.ValueProblem(
            f"En frist kan ikke være negativ ('{V.show(v)}').",
            f"En tidsgräns kan inte vara negativ ('{V.show(v)}').",
        )
    if kind is not Kind.DAYS and amount != amount.to_integral_value():
        raise V.ValueProblem(
            f"'{V.show(v)}': arbejdsdage og måneder tælles i hele tal.",
            f"'{V.show(v)}': arbetsdagar och månader räknas i hela tal.",
        )
    return Deadline(kind, amount * factor, strict=strict, unit=da_unit)


def unit_for(deadline: Deadline, lang: str) -> str:
    """The deadline's unit word in the plan's language."""
    for kind, _, da, sv in _UNITS.values():
        if kind is deadline.kind and da == deadline.unit:
            return sv if lang == "sv" else da
    return deadline.unit
