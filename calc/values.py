"""Reading one cell's value: text, numbers and dates as finance staff type them.

Every function here takes one `grid.CellValue` and returns a typed value, or raises
`ValueProblem` carrying a user message in Danish and Swedish. Nothing here knows about sheets
or cells; the caller adds where the value was. Standard library only.

Blank cells
    `None`, empty or whitespace-only text, `-`, `–` and `—` are blank (`is_blank`). The parse
    functions do not treat blank as a value (except `parse_adjustment`, where blank is 0 kr):
    callers check `is_blank` first.

Numbers (`parse_number`)
    - Real numbers pass through: `int` and `Decimal` as they are, `float` via `Decimal(repr(f))`
      (so 0.1 stays 0.1). `bool` is not a number. NaN and infinity are problems. An Excel error
      value (`#DIV/0!`, `#N/A`, …) is a problem that names the error.
    - `percent_cell=True` (the cell is formatted as a percentage): a real number is a fraction,
      0.85 → 85. `share_unit=True` (Enhed `andel`): a real number or plain text is a share,
      0.85 → 85; a share above 1 (e.g. `85`) is a problem, because 8.500 % is never meant.
      Text with a percent unit (`85 %`) is already a percentage in every case: 85, never 0.85.
    - Text: surrounding space is ignored; an optional sign (`+`, `-`, the minus sign `−` or an
      en dash `–`); a decimal comma (`2,5`); dots before groups of exactly three digits are
      thousands separators (`1.000` = 1000, `1.234,5` = 1234.5), any other dot is a decimal
      point (`2.5`, `0.500`, `1.0000`); spaces (also no-break spaces) between groups of three
      digits are thousands separators (`1 000`); English `1,234.5` is read too. One trailing
      unit is ignored: `%`, `pct`, `pct.`, `procent`, `kr`, `kr.`, `dage`, `dagar`, `uger`,
      `veckor`, `måneder`, `månader`, `antal`, `point`, `poäng` (and singular forms). One
      leading `≥`, `≤`, `>=`, `<=`, `min.`, `maks.`, `max.`, `mindst`, `højst`, `minst`, `högst`
      is ignored. Anything else (`ca. 100`, `mange`, `12 ud af 15`, `1E3`) is a problem that
      quotes the text and shows what is accepted. Text is never read as 0.
    - A number of `NUMBER_LIMIT` (10^15) or more, or its negative, is a problem
      (`NumberTooLarge`): no input of a plan is that large, and exact display rounding of such
      numbers would overflow. `has_percent_unit` tells text that writes its percent sign.

Dates (`parse_date`, `parse_dates`)
    - Real `date`/`datetime` → the date. A number is *not* read as an Excel serial date (the
      reader converts date-formatted cells); it is a problem asking for a date.
    - Text, case-insensitive, found anywhere in the cell (so `Senast 31 december 2008`,
      `den 17. marts 2025` and `Prognos, maj 2008 och fortlöpande` work):
      `17-03-2025`, `17.03.2025`, `17/3/2025`, `17-03-25` (two-digit year = 20yy),
      `2025-03-17`, `17. marts 2025`, `17 mars 2025`, `17. mar. 2025`;
      a month and year (`marts 2025`, `Juni 2008`, `ultimo marts 2025`, `03/2025`) = the last
      day of that month; a quarter (`3. kvartal 2024`, `3. kvt. 2024`, `Q3 2024`,
      `kvartal 3 2024`, `tredje kvartalet 2008`, `udgangen af 3. kvartal 2024`) = the last day
      of the quarter; a half year (`1. halvår 2025`, `första halvåret 2025`, `H1 2025`) = its
      last day; `ultimo 2025`, `udgangen af 2025`, `utgången av 2025`, `slutet av 2025` = 31
      December; `primo`/`medio`/`ultimo marts 2025` = the 1st/15th/last day of the month; an
      ISO week (`uge 13 2026`, `vecka 13 2026`, `v. 13 2026`, `2026-W13`) = its Sunday.
      Danish and Swedish month names and the abbreviations jan., feb., mar., apr., jun., jul.,
      aug., sep./sept., okt., nov., dec. (English month names too).
    - Several dates in one cell (`31 augusti 2008 31 december 2008`): `parse_dates` returns all
      of them in order, `parse_date` the first. A date wins over the other words in the cell.
    - `Fortløbende`, `Fortlöpande`, `Løbende`, `Löpande`, `Kontinuerligt`, `Efter behov`,
      `Utefter behov`, `Ved behov`, `Vid behov`, `Ingen frist` (with no date in the cell) →
      `NO_DEADLINE`.
    - A period without an exact day raises `VagueDate` (a `ValueProblem`, an error like any
      other that asks for a date): seasons (`Höst 2008`, `Hösten 2008`, `Vår 2009`,
      `Efterår 2025`, `sommer 2025`), two months (`Oktober/november 2008`, `maj - juni`),
      `primo 2025`, a month, quarter, week or day without a year, a bare year.
      Its message suggests the period's last day when that is clear (`Höst 2008` → 30-11-2008).
      Vague words count only when the cell holds no exact date, and they win over `Fortløbende`.
    - A day that does not exist (`31-02-2025`) is a problem. Other text is a problem.

Other kinds of cell
    `parse_case_date` (a case's day: no `Fortløbende`, no period), `parse_range` (`3-5`),
    `parse_bool` (Ja/Nej and the documented words only), `parse_level` (0/25/50/75/100 and words),
    `parse_steps` (`85=100; 80=50; 0=0`), `parse_weights` (`Valby=50; Aarhus=10` or `alle`) and
    `parse_adjustment` (Skøn: kr or %-points); see each function.
"""

from __future__ import annotations

import calendar
import math
import re
from datetime import date, datetime
from decimal import Decimal
from enum import Enum

from .grid import CellValue, ExcelError

__all__ = [
    "ALL_LOCATIONS",
    "LEVELS",
    "NO_DEADLINE",
    "NUMBER_LIMIT",
    "AllLocations",
    "NoDeadline",
    "NotANumber",
    "NumberTooLarge",
    "VagueDate",
    "ValueProblem",
    "has_percent_unit",
    "is_blank",
    "parse_adjustment",
    "parse_bool",
    "parse_case_date",
    "parse_date",
    "parse_dates",
    "parse_level",
    "parse_number",
    "parse_range",
    "parse_steps",
    "parse_weights",
    "show",
]


class ValueProblem(ValueError):
    """A cell value that cannot be read; carries the user message in both languages."""

    def __init__(self, da: str, sv: str) -> None:
        super().__init__(da)
        self.da = da
        self.sv = sv

    def message(self, lang: str) -> str:
        """The message in `lang` (`"da"` or `"sv"`; anything else gives Danish)."""
        return self.sv if lang == "sv" else self.da


class NotANumber(ValueProblem):
    """Text where a number belongs. `statement` says what is wrong without the generic example,
    so a caller that knows the column can suggest what fits it (Vægt: 10 or 2,5)."""

    def __init__(self, da: str, sv: str, statement_da: str, statement_sv: str) -> None:
        super().__init__(da, sv)
        self.statement_da = statement_da
        self.statement_sv = statement_sv

    def statement(self, lang: str) -> str:
        return self.statement_sv if lang == "sv" else self.statement_da


class VagueDate(ValueProblem):
    """Text that names a period but no day (`Höst 2008`): an error that asks for a date."""


class NoDeadline(Enum):
    """`Fortløbende`: the milestone has no deadline."""

    NO_DEADLINE = "no deadline"

    def __repr__(self) -> str:
        return "NO_DEADLINE"


NO_DEADLINE = NoDeadline.NO_DEADLINE


class AllLocations(Enum):
    """`alle` in Lokationer: the goal must hold at every location."""

    ALL_LOCATIONS = "all locations"

    def __repr__(self) -> str:
        return "ALL_LOCATIONS"


ALL_LOCATIONS = AllLocations.ALL_LOCATIONS

# The assessment levels a `vurdering` result may take.
LEVELS: tuple[Decimal, ...] = tuple(Decimal(n) for n in (0, 25, 50, 75, 100))

_SPACES = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2007": " ", "\u2009": " ", "\t": " "})
_DASHES = str.maketrans({"–": "-", "—": "-", "‑": "-", "‐": "-", "−": "-"})
_BLANK_TEXT = {"", "-", "–", "—"}


def _clean(text: str) -> str:
    """Fold the spaces finance staff paste from Word into ordinary single spaces."""
    return re.sub(r"\s+", " ", text.translate(_SPACES)).strip()


def _show(v: object) -> str:
    """A cell value quoted in a message, shortened if long."""
    if isinstance(v, bool):
        text = "SAND" if v else "FALSK"
    elif isinstance(v, datetime):
        text = v.strftime("%d-%m-%Y %H:%M")
    elif isinstance(v, date):
        text = v.strftime("%d-%m-%Y")
    elif isinstance(v, float) and math.isfinite(v):
        text = _plain_number(Decimal(repr(v)))
    elif isinstance(v, Decimal) and v.is_finite():
        text = _plain_number(v)
    elif isinstance(v, int) and not isinstance(v, bool):
        text = str(v)
    else:
        text = _clean(str(v))
    return text if len(text) <= 60 else text[:57] + "…"


def _plain_number(d: Decimal) -> str:
    """A number as a Dane types it: `60` (not `60,0`), `2,5`, `0,15`; no exponent."""
    if abs(d) >= NUMBER_LIMIT:
        return format(d.normalize(), "E").replace(".", ",")  # as Excel shows it: 1E+27
    if d == d.to_integral_value():
        return str(int(d))
    text = format(d, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(".", ",")


def _excel_error(v: ExcelError, da_fix: str, sv_fix: str) -> ValueProblem:
    return ValueProblem(
        f"Cellen indeholder Excel-fejlen {v.strip()}; ret formlen eller {da_fix}.",
        f"Cellen innehåller Excel-felet {v.strip()}; rätta formeln eller {sv_fix}.",
    )


def _empty(da_what: str, sv_what: str) -> ValueProblem:
    return ValueProblem(f"Cellen er tom; skriv {da_what}.", f"Cellen är tom; skriv {sv_what}.")


def is_blank(v: CellValue) -> bool:
    """True for an empty cell: None, empty or whitespace-only text, `-`, `–`, `—`."""
    if v is None:
        return True
    if isinstance(v, str) and not isinstance(v, ExcelError):
        return _clean(v) in _BLANK_TEXT
    return False


# ---------------------------------------------------------------------------------------------
# Numbers

_PREFIX = re.compile(
    r"^(?:≥|≤|>=|<=|=>|=<|min\.|maks\.|max\.|(?:mindst|højst|minst|högst|min|maks|max)(?=[\s\d+-]))\s*"
)
_PERCENT_UNITS = {"%", "pct", "pct.", "procent"}
_UNIT = re.compile(
    r"\s*(%|pct\.?|procent|kr\.?|dkk|sek|dage|dag|dagar|uger|uge|veckor|vecka|måneder|måned"
    r"|månader|månad|mdr\.?|antal|stk\.?|st\.?|point|poäng)$"
)
_NUMBER_FORMS: tuple[tuple[re.Pattern[str], str, str], ...] = tuple(
    # (pattern, thousands separator, decimal separator); ASCII digits only
    (re.compile(pattern, re.ASCII), thousands, decimal_sep)
    for pattern, thousands, decimal_sep in (
        (r"\d+", "", ""),
        (r"\d*,\d+", "", ","),
        (r"[1-9]\d{0,2}(?:\.\d{3})+", ".", ""),
        (r"[1-9]\d{0,2}(?:\.\d{3})+,\d+", ".", ","),
        (r"\d*\.\d+", "", "."),
        (r"[1-9]\d{0,2}(?:,\d{3})+\.\d+", ",", "."),
        (r"[1-9]\d{0,2}(?:,\d{3}){2,}", ",", ""),
        (r"[1-9]\d{0,2}(?: \d{3})+(?:,\d+)?", " ", ","),
        (r"[1-9]\d{0,2}(?: \d{3})+\.\d+", " ", "."),
    )
)


def _number_text(text: str, *, allow_units: bool = True) -> tuple[Decimal, bool] | None:
    """Read Danish number text: (value, whether a percent unit was written) or None."""
    s = _clean(text).lower()
    s = _PREFIX.sub("", s, count=1)
    negative = False
    if s[:1] in ("+", "-", "−", "–"):
        negative = s[0] != "+"
        s = s[1:].lstrip()
    percent = False
    if allow_units:
        m = _UNIT.search(s)
        if m:
            percent = m.group(1) in _PERCENT_UNITS
            s = s[: m.start()]
    for pattern, thousands, decimal_sep in _NUMBER_FORMS:
        if pattern.fullmatch(s):
            if thousands:
                s = s.replace(thousands, "")
            if decimal_sep:
                s = s.replace(decimal_sep, ".")
            value = _check_size(Decimal(s), text)
            return (-value if negative else value), percent
    return None


def has_percent_unit(v: CellValue) -> bool:
    """True for text that writes its percent sign or word (`85 %`, `0,85 pct.`): such a number
    is a percentage whatever the column's unit, so it cannot be a share typed by mistake."""
    if not isinstance(v, str) or isinstance(v, ExcelError):
        return False
    m = _UNIT.search(_clean(v).lower())
    return m is not None and m.group(1) in _PERCENT_UNITS


def _not_a_number(v: object) -> ValueProblem:
    shown = _show(v)
    da, sv = f"'{shown}' er ikke et tal.", f"'{shown}' är inte ett tal."
    return NotANumber(f"{da} Skriv fx 2,5 eller 85 %.", f"{sv} Skriv t.ex. 2,5 eller 85 %.", da, sv)


# No input of a goal plan comes near this (a weight, a result, an amount in kroner, a day
# count); beyond it a number is a slip (`1e27`) and would also overflow exact display rounding.
NUMBER_LIMIT = Decimal("1e15")


class NumberTooLarge(ValueProblem):
    """A number of 10^15 or more (or its negative): never a real input, always a slip."""


def _check_size(value: Decimal, v: object) -> Decimal:
    if abs(value) >= NUMBER_LIMIT:
        shown = _show(v)
        raise NumberTooLarge(
            f"'{shown}' er alt for stort til at være rigtigt her (10^15 eller mere). Ret tallet.",
            f"'{shown}' är alldeles för stort för att vara rätt här (10^15 eller mer). Rätta "
            "talet.",
        )
    return value


def _real_number(v: CellValue) -> Decimal | None:
    """A real (non-text) number as Decimal; None if `v` is not one. Raises for NaN/inf/bool
    and for numbers too large to be meant (`NUMBER_LIMIT`)."""
    if isinstance(v, bool):
        raise _not_a_number(v)
    if isinstance(v, int):
        return _check_size(Decimal(v), v)
    if isinstance(v, float):
        if not math.isfinite(v):
            raise _not_a_number(v)
        return _check_size(Decimal(repr(v)), v)
    if isinstance(v, Decimal):
        if not v.is_finite():
            raise _not_a_number(v)
        return _check_size(v, v)
    return None


def parse_number(v: CellValue, *, percent_cell: bool = False, share_unit: bool = False) -> Decimal:
    """One number, by the rules in the module docstring. Percentages come out on a 0–100 scale."""
    if isinstance(v, ExcelError):
        raise _excel_error(v, "skriv tallet", "skriv talet")
    if isinstance(v, date):
        shown = _show(v)
        raise ValueProblem(
            f"'{shown}' er en dato, ikke et tal. Skriv fx 2,5 eller 85 %, "
            "og formatér cellen som tal.",
            f"'{shown}' är ett datum, inte ett tal. Skriv t.ex. 2,5 eller 85 %, "
            "och formatera cellen som tal.",
        )
    real = _real_number(v)
    if real is not None:
        if percent_cell:
            return real * 100
        if share_unit:
            return _share(real, v)
        return real
    if v is None or is_blank(v):
        raise _empty("et tal", "ett tal")
    if not isinstance(v, str):
        raise _not_a_number(v)
    parsed = _number_text(v)
    if parsed is None:
        raise _not_a_number(v)
    value, percent = parsed
    if percent or not share_unit:
        return value
    return _share(value, v)


def _share(value: Decimal, v: CellValue) -> Decimal:
    if abs(value) > 1:
        shown = _show(v)
        raise ValueProblem(
            f"'{shown}' er ikke en andel: med Enhed andel skrives andele som 0,85 eller 85 %.",
            f"'{shown}' är ingen andel: med Enhet andel skrivs andelar som 0,85 eller 85 %.",
        )
    return value * 100


# ---------------------------------------------------------------------------------------------
# Ranges

_RANGE = re.compile(
    r"(?P<a>[+-]?\s*[\d.,][\d., ]*?\s*(?:%|pct\.?|procent)?)\s*(?:-|til|till|to)\s*"
    r"(?P<b>[+-]?\s*[\d.,][\d., ]*?)\s*(?P<rest>(?:%|pct\.?|procent)?(?:\s*[^\W\d_][\w.]*)*)"
)


def parse_range(v: CellValue) -> tuple[Decimal, Decimal]:
    """An interval target `3-5`, `3 – 5`, `3 til 5`, `3–5 projekter` → (low, high), low ≤ high.

    Words after the second number are ignored. A real date is reported as what Excel made of a
    typed `3-5`.
    """
    if isinstance(v, ExcelError):
        raise _excel_error(v, "skriv intervallet", "skriv intervallet")
    if isinstance(v, date):
        shown = _show(v)
        raise ValueProblem(
            f"Excel har gjort intervallet til datoen {shown}. Formatér cellen som tekst og skriv "
            "intervallet igen, fx 3-5.",
            f"Excel har gjort intervallet till datumet {shown}. Formatera cellen som text och "
            "skriv intervallet igen, t.ex. 3-5.",
        )
    bad = ValueProblem(
        f"'{_show(v)}' er ikke et interval. Skriv fx 3-5.",
        f"'{_show(v)}' är inte ett intervall. Skriv t.ex. 3-5.",
    )
    if v is None or is_blank(v):
        raise _empty("et interval, fx 3-5", "ett intervall, t.ex. 3-5")
    if not isinstance(v, str):
        raise bad
    m = _RANGE.fullmatch(_clean(v).translate(_DASHES).lower())
    if not m:
        raise bad
    a = _number_text(m.group("a"))
    b = _number_text(m.group("b"), allow_units=False)
    if a is None or b is None:
        raise bad
    low, high = a[0], b[0]
    if low > high:
        raise ValueProblem(
            f"I intervallet '{_show(v)}' er den første værdi større end den anden. "
            "Skriv den mindste først, fx 3-5.",
            f"I intervallet '{_show(v)}' är det första värdet större än det andra. "
            "Skriv det minsta först, t.ex. 3-5.",
        )
    return low, high


# ---------------------------------------------------------------------------------------------
# Yes/no


def _fold_words(text: str) -> str:
    s = _clean(text).lower().replace("-", " ")
    return re.sub(r"\s+", " ", s).strip(" .!")


# The words that mean Ja and Nej (documented in workbooks/README.md, *Ja/Nej*). Nothing else
# is guessed: `x`, `OK`, `1`, `✓` or `TRUE` typed as text are errors that ask for Ja or Nej.
_TRUE = {
    "ja", "opfyldt", "fuldt opfyldt", "uppfyllt", "helt uppfyllt",
    "leveret", "gennemført", "levererat", "genomfört",
}  # fmt: skip
_FALSE = {
    "nej", "ikke opfyldt", "ej opfyldt", "ej uppfyllt", "inte uppfyllt",
    "ikke leveret", "ikke gennemført", "ej levererat", "inte levererat", "ej genomfört",
    "inte genomfört",
}  # fmt: skip


def parse_bool(v: CellValue) -> bool:
    """Ja/Nej: the words in `_TRUE` and `_FALSE` (case, surrounding space and a final `.` are
    ignored), and Excel's own logical values SAND/FALSK (a checkbox). Anything else —
    `x`, `OK`, `1`, `0`, `Yes`, the text `TRUE` — is a problem asking for Ja or Nej."""
    allowed_da = "Skriv Ja eller Nej."
    allowed_sv = "Skriv Ja eller Nej."
    if isinstance(v, ExcelError):
        raise _excel_error(v, "skriv Ja eller Nej", "skriv Ja eller Nej")
    if isinstance(v, bool):
        return v
    if v is None or is_blank(v):
        raise _empty("Ja eller Nej", "Ja eller Nej")
    if isinstance(v, str):
        key = _fold_words(v)
        if key in _TRUE:
            return True
        if key in _FALSE:
            return False
    shown = _show(v)
    raise ValueProblem(
        f"'{shown}' er hverken Ja eller Nej. {allowed_da}",
        f"'{shown}' är varken Ja eller Nej. {allowed_sv}",
    )


# ---------------------------------------------------------------------------------------------
# Assessment levels

_LEVEL_WORDS: dict[str, int] = {}
for _words, _level in (
    ("opfyldt|fuldt opfyldt|helt opfyldt|fuldt ud opfyldt|uppfyllt|helt uppfyllt"
     "|fullt uppfyllt", 100),
    ("i høj grad|i høj grad opfyldt|opfyldt i høj grad|i hög grad|i hög grad uppfyllt"
     "|uppfyllt i hög grad|i stor utsträckning", 75),
    ("delvist|delvis|delvist opfyldt|delvis opfyldt|delvis uppfyllt|delvist uppfyllt", 50),
    ("i mindre grad|i mindre grad opfyldt|opfyldt i mindre grad|i ringe grad|i lav grad"
     "|i låg grad|i låg grad uppfyllt|uppfyllt i låg grad|i mindre grad uppfyllt"
     "|i liten utsträckning", 25),
    ("ikke opfyldt|ej opfyldt|ikke|ej uppfyllt|inte uppfyllt|ej|inte", 0),
):  # fmt: skip
    for _w in _words.split("|"):
        _LEVEL_WORDS[_w] = _level


def parse_level(v: CellValue, *, percent_cell: bool = False) -> Decimal:
    """An assessment level: 0, 25, 50, 75 or 100 (%), as a number (`50`, `50 %`, `50 pct.`,
    0,5 in a percent-formatted cell) or a word (da: opfyldt/fuldt opfyldt 100, i høj grad 75,
    delvist/delvist opfyldt 50, i mindre grad 25, ikke opfyldt 0; sv: uppfyllt 100, i hög grad
    75, delvis/delvis uppfyllt 50, i låg grad 25, ej/inte uppfyllt 0)."""
    if isinstance(v, ExcelError):
        raise _excel_error(v, "skriv niveauet", "skriv nivån")
    if v is None or is_blank(v):
        raise _empty("et niveau: 0, 25, 50, 75 eller 100 %", "en nivå: 0, 25, 50, 75 eller 100 %")
    value: Decimal | None = None
    if isinstance(v, str):
        word = _LEVEL_WORDS.get(_fold_words(v))
        if word is not None:
            return Decimal(word)
        parsed = _number_text(v)
        value = parsed[0] if parsed is not None else None
    elif not isinstance(v, bool | date):
        value = _real_number(v)
        if value is not None and percent_cell:
            value *= 100
    if value is not None:
        for level in LEVELS:
            if value == level:
                return level
    shown = _show(v)
    raise ValueProblem(
        f"'{shown}' er ikke et tilladt niveau. Skriv 0, 25, 50, 75 eller 100 % "
        "(eller opfyldt, i høj grad, delvist, i mindre grad, ikke opfyldt).",
        f"'{shown}' är ingen tillåten nivå. Skriv 0, 25, 50, 75 eller 100 % "
        "(eller uppfyllt, i hög grad, delvis, i låg grad, ej uppfyllt).",
    )


# ---------------------------------------------------------------------------------------------
# Lists: steps and location weights


def _items(text: str) -> list[str]:
    """Split `a=1; b=2 | c=3` (also newlines, and `, ` between pairs) into non-empty items."""
    out: list[str] = []
    for part in re.split(r"[;|\n\r]+", text):
        pieces = re.split(r",\s+", part) if len(re.findall(r"[=:]", part)) > 1 else [part]
        out.extend(p.strip() for p in pieces if p.strip())
    return out


def _pair(item: str) -> tuple[str, str] | None:
    m = re.fullmatch(r"(.*?)\s*[=:]\s*(.*)", item)
    if not m or not m.group(1) or not m.group(2):
        return None
    return m.group(1), m.group(2)


def parse_steps(v: CellValue) -> tuple[tuple[Decimal, Decimal], ...]:
    """Steps `85=100; 80=50; 0=0` (threshold = fulfilment %) → ((85, 100), (80, 50), (0, 0)).

    `:` works like `=`; items are separated by `;`, `|`, new lines (or `, ` between pairs);
    decimal commas and `%` are allowed (`85 %=100 %`). Sorted by threshold, highest first.
    Each fulfilment must be 0–100 and thresholds must differ.
    """
    example_da = "Skriv trin som 85=100; 80=50; 0=0 (grænse = målopfyldelse i %)."
    example_sv = "Skriv steg som 85=100; 80=50; 0=0 (gräns = måluppfyllelse i %)."
    if isinstance(v, ExcelError):
        raise _excel_error(v, "skriv trinnene", "skriv stegen")
    if v is None or is_blank(v):
        raise _empty("trin som 85=100; 80=50; 0=0", "steg som 85=100; 80=50; 0=0")
    if not isinstance(v, str):
        shown = _show(v)
        raise ValueProblem(
            f"'{shown}' er ikke en liste af trin. {example_da}",
            f"'{shown}' är ingen lista med steg. {example_sv}",
        )
    steps: dict[Decimal, Decimal] = {}
    for item in _items(v):
        pair = _pair(item)
        threshold = _number_text(pair[0]) if pair else None
        fulfilment = _number_text(pair[1]) if pair else None
        if threshold is None or fulfilment is None:
            raise ValueProblem(
                f"'{_show(item)}' er ikke et trin. {example_da}",
                f"'{_show(item)}' är inget steg. {example_sv}",
            )
        t, f = threshold[0], fulfilment[0]
        if not 0 <= f <= 100:
            raise ValueProblem(
                f"I trinnet '{_show(item)}' skal målopfyldelsen være mellem 0 og 100.",
                f"I steget '{_show(item)}' ska måluppfyllelsen vara mellan 0 och 100.",
            )
        if t in steps:
            raise ValueProblem(
                f"Grænsen {_show(t)} står to gange i '{_show(v)}'. Hver grænse må kun stå én gang.",
                f"Gränsen {_show(t)} står två gånger i '{_show(v)}'. Varje gräns får bara stå "
                "en gång.",
            )
        steps[t] = f
    if not steps:
        raise _empty("trin som 85=100; 80=50; 0=0", "steg som 85=100; 80=50; 0=0")
    return tuple(sorted(steps.items(), key=lambda s: s[0], reverse=True))


_ALL_WORDS = {
    "alle", "alla", "all", "alle lokationer", "alla orter", "alle steder", "samtlige",
    "samtliga", "samtlige lokationer", "samtliga orter",
}  # fmt: skip


def parse_weights(v: CellValue) -> tuple[tuple[str, Decimal], ...] | AllLocations:
    """Location weights `Valby=50; Aarhus=10; Odense=10` → (("Valby", 50), …), names as written
    (stripped), in the order written; or `alle`/`alla`/`all` → ALL_LOCATIONS.

    Separators as in `parse_steps`. A name may appear once (case-insensitive); weights are
    numbers ≥ 0.
    """
    example_da = "Skriv fx Valby=50; Aarhus=10 eller alle."
    example_sv = "Skriv t.ex. Malmö=50; Göteborg=10 eller alla."
    if isinstance(v, ExcelError):
        raise _excel_error(v, "skriv lokationerne", "skriv orterna")
    if v is None or is_blank(v):
        raise _empty("lokationer, fx Valby=50; Aarhus=10, eller alle", "orter, t.ex. "
                     "Malmö=50; Göteborg=10, eller alla")  # fmt: skip
    if not isinstance(v, str):
        shown = _show(v)
        raise ValueProblem(
            f"'{shown}' er ikke en liste af lokationer. {example_da}",
            f"'{shown}' är ingen lista med orter. {example_sv}",
        )
    if _fold_words(v) in _ALL_WORDS:
        return ALL_LOCATIONS
    weights: list[tuple[str, Decimal]] = []
    seen: set[str] = set()
    for item in _items(v):
        pair = _pair(item)
        weight = _number_text(pair[1]) if pair else None
        if pair is None or weight is None:
            raise ValueProblem(
                f"'{_show(item)}' er ikke en lokation med en vægt. {example_da}",
                f"'{_show(item)}' är ingen ort med en vikt. {example_sv}",
            )
        name = _clean(pair[0])
        key = name.casefold()
        if key in seen:
            raise ValueProblem(
                f"Lokationen '{name}' står mere end én gang i '{_show(v)}'.",
                f"Orten '{name}' står mer än en gång i '{_show(v)}'.",
            )
        if weight[0] < 0:
            raise ValueProblem(
                f"Vægten for '{name}' kan ikke være negativ.",
                f"Vikten för '{name}' kan inte vara negativ.",
            )
        seen.add(key)
        weights.append((name, weight[0]))
    if not weights:
        raise _empty("lokationer, fx Valby=50; Aarhus=10, eller alle", "orter, t.ex. "
                     "Malmö=50; Göteborg=10, eller alla")  # fmt: skip
    return tuple(weights)


# ---------------------------------------------------------------------------------------------
# Discretionary adjustment (Skøn)

_POINT_UNIT = re.compile(
    r"\s*(?:(?:%|pct\.?|procent)\s*-?\s*(?:points?|poäng|enheter)|pp\.?|%|pct\.?|procent)$"
)


def parse_adjustment(v: CellValue, *, percent_cell: bool = False) -> tuple[Decimal, bool]:
    """Skøn: (amount, is_percentage_points).

    `-5.000`, `-5.000 kr`, 5000 → (-5000, False): kroner. `-10 %`, `-10 %-point`,
    `-10 procentpoint`, `-10 pct.-point` → (-10, True): percentage points of the maximum; a real
    number in a percent-formatted cell (-0,1) → (-10, True). Blank → (0, False).
    """
    if isinstance(v, ExcelError):
        raise _excel_error(v, "skriv justeringen", "skriv justeringen")
    if v is None or is_blank(v):
        return Decimal(0), False
    if isinstance(v, str):
        s = _clean(v).lower()
        m = _POINT_UNIT.search(s)
        points = _number_text(s[: m.start()], allow_units=False) if m else None
        if points is not None:
            return points[0], True
        parsed = _number_text(s)
        if parsed is None:
            shown = _show(v)
            raise ValueProblem(
                f"'{shown}' er ikke en justering. Skriv et beløb (fx -5.000 kr) "
                "eller procentpoint (fx -10 %).",
                f"'{shown}' är ingen justering. Skriv ett belopp (t.ex. -5 000 kr) "
                "eller procentenheter (t.ex. -10 %).",
            )
        return parsed[0], parsed[1]
    if percent_cell and not isinstance(v, bool | date):
        return parse_number(v, percent_cell=True), True
    return parse_number(v), False


# ---------------------------------------------------------------------------------------------
# Dates

_MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        "januar januari jan january",
        "februar februari feb february",
        "marts mars mar march",
        "april apr",
        "maj may",
        "juni jun june",
        "juli jul july",
        "august augusti aug",
        "september sep sept",
        "oktober okt october oct",
        "november nov",
        "december dec",
    ),
    start=1,
):
    for _name in _names.split():
        _MONTHS[_name] = _number

_ORDINALS = {
    "1": 1, "2": 2, "3": 3, "4": 4, "første": 1, "första": 1, "anden": 2, "andra": 2,
    "tredje": 3, "fjerde": 4, "fjärde": 4, "first": 1, "second": 2, "third": 3, "fourth": 4,
}  # fmt: skip

_L = r"[^\W0-9_]"  # a letter
_MONTH = rf"(?<!{_L})(?:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + rf")\.?(?!{_L})"
_YEAR = r"(?<![0-9])[12][0-9]{3}(?![0-9])"
_QWORD = r"(?:kvartal(?:et)?|kvt\.?|kv\.?)"
_HWORD = r"(?:halvår(?:et)?)"
_ORD = r"(?:første|första|anden|andra|tredje|fjerde|fjärde)"
_SEASON = (
    r"(?:forår(?:et)?|sommer(?:en)?|efterår(?:et)?|vinter(?:en)?|høst(?:en)?|vår(?:en)?"
    r"|sommar(?:en)?|höst(?:en)?|vintern)"
)
_SEASON_DEFINITE = r"(?:foråret|sommeren|efteråret|vinteren|høsten|våren|sommaren|hösten|vintern)"
_START_WORDS = (
    r"(?:primo|medio|start(?:en)?\s+af|starten\s+av|begyndelsen\s+af|i\s+början\s+av|början\s+av"
    r"|midten\s+af|mitten\s+av|halvvejs\s+i)"
)
_END_WORDS = (
    r"(?:ultimo|udgangen\s+af|slutningen\s+af|utgången\s+av|slutet\s+av|i\s+slutet\s+av"
    r"|end\s+of|årets\s+udgang)"
)

_DATE_SCAN = re.compile(
    "|".join(
        (
            # 2025-03-17
            r"(?P<iso>(?<![\d.,])(?P<iy>\d{4})-(?P<im>\d{1,2})-(?P<id>\d{1,2})(?![\d]))",
            # 17-03-2025, 17.03.2025, 17/3/2025, 17-03-25
            r"(?P<dmy>(?<![\d.,])(?P<nd>\d{1,2})(?P<sep>[-./])(?P<nm>\d{1,2})(?P=sep)"
            r"(?P<ny>\d{4}|\d{2})(?![\d]))",
            # primo marts 2025 (1st), medio marts 2025 (15th), ultimo marts 2025 (last day)
            rf"(?P<pm>(?<!{_L})(?P<pmw>primo|medio|ultimo)\s+(?P<pmm>{_MONTH})\s*,?\s*"
            rf"(?P<pmy>{_YEAR}))",
            # uge 13 2026, vecka 13 2026, v. 13 2026 (ISO week: its Sunday)
            rf"(?P<week>(?<!{_L})(?:uge|uke|vecka|week|v\.?)\s*(?P<wn>\d{{1,2}})(?![\d])"
            rf"(?:\s*[,/-]?\s*(?:i\s+|år\s+)?(?P<wy>{_YEAR}))?)",
            # 2026-W13
            rf"(?P<isoweek>(?P<iwy>{_YEAR})-?w(?P<iwn>\d{{2}})(?![\d]))",
            # primo 2025 (no day)
            rf"(?P<start>(?<!{_L}){_START_WORDS}\s+(?:{_MONTH}\s*)?(?:{_YEAR})?)",
            # Oktober/november 2008, maj - juni
            rf"(?P<mrange>(?P<m1>{_MONTH})\s*(?:/|-|&|\+|og|och|eller|til|till)\s*"
            rf"(?P<m2>{_MONTH})(?:\s*,?\s*(?P<mry>{_YEAR}))?)",
            # 17. marts 2025, 17 mars 2025
            rf"(?P<dmony>(?<![\d.,])(?P<dd>\d{{1,2}})\.?\s*(?P<dm>{_MONTH})\s*,?\s*(?P<dy>{_YEAR}))",
            # 17. marts (no year)
            rf"(?P<dmon>(?<![\d.,])\d{{1,2}}\.?\s*{_MONTH})",
            # 17-03, 1/7 (no year)
            r"(?P<daymon>(?<![\d.,/-])\d{1,2}[./-]\d{1,2}(?![\d]|[./-]\d))",
            # 3. kvartal 2024, Q3 2024, kvartal 3 2024, tredje kvartalet 2008, 2024 Q3
            rf"(?P<quarter>(?:(?<!{_L})[qk]\s*(?P<q1>[1-4])|(?<![\d.,])(?P<q2>[1-4])\s*\.?\s*"
            rf"{_QWORD}|(?<!{_L}){_QWORD}\s*(?P<q3>[1-4])|(?<!{_L})(?P<q4>{_ORD})\s+{_QWORD})"
            rf"(?!{_L})(?:\s*[,/-]?\s*(?:i\s+|år\s+)?(?P<qy>{_YEAR}))?)",
            rf"(?P<yquarter>(?P<yqy>{_YEAR})\s*-?\s*q(?P<yq>[1-4])(?!\d))",
            # 1. halvår 2025, första halvåret 2025
            rf"(?P<half>(?:(?<![\d.,])(?P<h1>[12])\s*\.?\s*{_HWORD}|(?<!{_L})(?P<h2>{_ORD})\s+"
            rf"{_HWORD}|(?<!{_L})h(?P<h3>[12]))(?!{_L})(?:\s*[,/-]?\s*(?:i\s+|år\s+)?"
            rf"(?P<hy>{_YEAR}))?)",
            # ultimo 2025, udgangen af 2025
            rf"(?P<yend>(?<!{_L}){_END_WORDS}\s+(?:år(?:et)?\s+)?(?P<ey>{_YEAR}))",
            # Höst 2008, hösten, efteråret 2025
            rf"(?P<season>(?<!{_L})(?P<sn>{_SEASON})(?!{_L})\s*(?P<sy>{_YEAR})"
            rf"|(?<!{_L}){_SEASON_DEFINITE}(?!{_L}))",
            # marts 2025, Juni 2008
            rf"(?P<mony>(?P<mm>{_MONTH})\s*[,-]?\s*(?P<my>{_YEAR}))",
            # 03/2025
            rf"(?P<nmy>(?<![\d.,/-])(?P<nmm>0?[1-9]|1[0-2])[./](?P<nmyy>{_YEAR}))",
            # a month alone
            rf"(?P<mon>{_MONTH})",
            # a year alone
            r"(?P<year>(?<![0-9.,])(?:19|20)[0-9]{2}(?![0-9]|[.,][0-9]))",
        )
    )
    .replace(r"[\d", "[0-9")
    .replace(r"\d", "[0-9]")
)

_NO_DEADLINE = re.compile(
    rf"(?<!{_L})(?:fortløbende|fortlöpande|løbende|löpande|løpende|kontinuerlig(?:t)?"
    rf"|efter\s+behov|utefter\s+behov|ved\s+behov|vid\s+behov|ingen\s+frist|ingen\s+tidsfrist"
    rf"|ingen\s+tidsgräns|ingen\s+deadline|ongoing|continuous(?:ly)?)(?!{_L})"
)

_SEASON_END = {
    "forår": 5, "vår": 5, "sommer": 8, "sommar": 8, "efterår": 11, "høst": 11, "höst": 11,
}  # fmt: skip


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


class _Found:
    """What the scanner found in a cell: exact dates and vague periods, in order."""

    def __init__(self) -> None:
        self.dates: list[date] = []
        self.vague: list[date | None] = []  # a suggested day for each vague period, if clear
        self.invalid: list[str] = []


def _month(name: str) -> int:
    return _MONTHS[name.rstrip(".")]


def _scan(text: str) -> _Found:
    found = _Found()
    s = _clean(text).translate(_DASHES).lower()
    for m in _DATE_SCAN.finditer(s):
        kind = m.lastgroup
        g = m.group
        try:
            if g("iso"):
                found.dates.append(date(int(g("iy")), int(g("im")), int(g("id"))))
            elif g("dmy"):
                y = int(g("ny"))
                found.dates.append(date(y + 2000 if y < 100 else y, int(g("nm")), int(g("nd"))))
            elif g("dmony"):
                found.dates.append(date(int(g("dy")), _month(g("dm")), int(g("dd"))))
            elif g("pm"):
                y, mo = int(g("pmy")), _month(g("pmm"))
                day = {"primo": 1, "medio": 15}.get(g("pmw"))
                found.dates.append(date(y, mo, day) if day else _month_end(y, mo))
            elif g("week") or g("isoweek"):
                year_text = g("wy") or g("iwy")
                if year_text:
                    week = int(g("wn") or g("iwn"))
                    found.dates.append(date.fromisocalendar(int(year_text), week, 7))
                else:
                    found.vague.append(None)
            elif g("mony"):
                found.dates.append(_month_end(int(g("my")), _month(g("mm"))))
            elif g("nmy"):
                found.dates.append(_month_end(int(g("nmyy")), int(g("nmm"))))
            elif g("yend"):
                found.dates.append(date(int(g("ey")), 12, 31))
            elif g("quarter") or g("yquarter"):
                q_text = g("q1") or g("q2") or g("q3") or g("q4") or g("yq")
                year = g("qy") or g("yqy")
                if year:
                    found.dates.append(_month_end(int(year), 3 * _ORDINALS[q_text]))
                else:
                    found.vague.append(None)
            elif g("half"):
                h_text = g("h1") or g("h2") or g("h3")
                if g("hy"):
                    found.dates.append(_month_end(int(g("hy")), 6 * _ORDINALS[h_text]))
                else:
                    found.vague.append(None)
            elif g("mrange"):
                year = g("mry")
                found.vague.append(_month_end(int(year), _month(g("m2"))) if year else None)
            elif g("season"):
                sn = g("sn") or ""
                end = next((e for k, e in _SEASON_END.items() if sn.startswith(k)), None)
                year = g("sy")
                found.vague.append(_month_end(int(year), end) if year and end else None)
            elif g("year"):
                found.vague.append(date(int(g("year")), 12, 31))
            else:  # start, dmon, daymon, mon
                found.vague.append(None)
        except ValueError:
            found.invalid.append(m.group(kind or 0))
    return found


def _not_a_date_type(v: CellValue) -> ValueProblem:
    shown = _show(v)
    return ValueProblem(
        f"'{shown}' er ikke en dato. Skriv en dato, fx 17-03-2025, eller formatér cellen som dato.",
        f"'{shown}' är inget datum. Skriv ett datum, t.ex. 2025-03-17, eller formatera cellen "
        "som datum.",
    )


def _date_cell(v: CellValue) -> str | date:
    """The text to scan, or the date itself; raises for what cannot hold a date."""
    if isinstance(v, ExcelError):
        raise _excel_error(v, "skriv datoen", "skriv datumet")
    if isinstance(v, datetime):
        return v.date()
    if isinstance(v, date):
        return v
    if v is None or is_blank(v):
        raise _empty("en dato, fx 17-03-2025", "ett datum, t.ex. 2025-03-17")
    if not isinstance(v, str):
        raise _not_a_date_type(v)
    return v


def _check_invalid(found: _Found) -> None:
    if found.invalid:
        bad = _show(found.invalid[0])
        raise ValueProblem(
            f"'{bad}' er ikke en gyldig dato: den dag findes ikke.",
            f"'{bad}' är inget giltigt datum: den dagen finns inte.",
        )


def parse_dates(v: CellValue) -> tuple[date, ...]:
    """Every exact date named in the cell, in the order written (see the module docstring).

    Returns () when the cell names no exact day (blank, `Fortløbende`, `Höst 2008`, other
    text); use `parse_date` to tell those apart. Raises `ValueProblem` for a cell that cannot
    hold a date (a number, a boolean, an Excel error) or names a day that does not exist.
    """
    if v is None or is_blank(v):
        return ()
    cell = _date_cell(v)
    if isinstance(cell, date):
        return (cell,)
    found = _scan(cell)
    _check_invalid(found)
    return tuple(found.dates)


def _first_date(v: CellValue) -> tuple[str | date, _Found]:
    """(the first exact date in the cell, or the cell's text when it names none; what the
    scan found). Raises for what cannot hold a date and for a day that does not exist."""
    cell = _date_cell(v)
    found = _Found()
    if isinstance(cell, date):
        return cell, found
    found = _scan(cell)
    _check_invalid(found)
    return (found.dates[0] if found.dates else cell), found


def parse_case_date(v: CellValue) -> date:
    """A case's Modtaget or Afgjort: an exact day (a date cell or date text as in `parse_date`).

    A case happened on a day, so `Fortløbende`, a period (`marts 2025` is fine: it names the
    last day, but `Höst 2025` does not) and other text are problems that speak of the case.
    """
    cell, _found = _first_date(v)
    if isinstance(cell, date):
        return cell
    shown = _show(cell)
    raise ValueProblem(
        f"'{shown}' er ikke en dato. Skriv den dag, sagen blev modtaget eller afgjort, "
        "fx 17-03-2025.",
        f"'{shown}' är inget datum. Skriv den dag ärendet togs emot eller avgjordes, "
        "t.ex. 2025-03-17.",
    )


def parse_date(v: CellValue) -> date | NoDeadline:
    """A deadline or delivery date: the first exact date in the cell, or NO_DEADLINE.

    Raises `VagueDate` for a period without a day (`Höst 2008`) and `ValueProblem` for
    anything else that is not a date (see the module docstring).
    """
    cell, found = _first_date(v)
    if isinstance(cell, date):
        return cell
    shown = _show(cell)
    if found.vague:
        suggestion = found.vague[0] or date(2025, 3, 17)
        raise VagueDate(
            f"'{shown}' er ikke en dato. Skriv en dato, fx {suggestion:%d-%m-%Y}.",
            f"'{shown}' är inget datum. Skriv ett datum, t.ex. {suggestion:%Y-%m-%d}.",
        )
    if _NO_DEADLINE.search(_clean(cell).lower()):
        return NO_DEADLINE
    raise ValueProblem(
        f"'{shown}' er ikke en dato. Skriv en dato, fx 17-03-2025, eller Fortløbende hvis der "
        "ikke er nogen frist.",
        f"'{shown}' är inget datum. Skriv ett datum, t.ex. 2025-03-17, eller Fortlöpande om det "
        "inte finns någon tidsgräns.",
    )


# ---------------------------------------------------------------------------------------------
# Medtages (Sagsdata): included, left out, or counted as met


class CountsAsMet(Enum):
    """`Som opfyldt` in Medtages: the case counts as within the deadline (for `andel`)."""

    AS_MET = "as met"

    def __repr__(self) -> str:
        return "AS_MET"


AS_MET = CountsAsMet.AS_MET

_AS_MET_WORDS = {
    "som opfyldt", "tæller som opfyldt", "taeller som opfyldt", "regnes som opfyldt",
    "medtages som opfyldt", "som uppfyllt", "räknas som uppfyllt", "raknas som uppfyllt",
    "ingår som uppfyllt",
}  # fmt: skip


# Ja/Nej words about fulfilment: in Medtages, next to `Som opfyldt`, `Opfyldt` could mean the
# case is included (Ja) or counts as met, and `Ikke opfyldt` left out (Nej) or late; neither is
# guessed.
_FULFILMENT_WORDS = {
    "opfyldt", "fuldt opfyldt", "uppfyllt", "helt uppfyllt",
    "ikke opfyldt", "ej opfyldt", "ej uppfyllt", "inte uppfyllt",
}  # fmt: skip


def parse_included(v: CellValue) -> bool | CountsAsMet:
    """Medtages: Ja/Nej as `parse_bool`, or `Som opfyldt` / `Räknas som uppfyllt` → AS_MET
    (the case is included and counts as within the deadline, whatever its dates). The Ja/Nej
    words about fulfilment (`Opfyldt`, `Ikke opfyldt`) are a problem here: each has two
    readings in this column."""
    if isinstance(v, str) and _fold_words(v) in _AS_MET_WORDS:
        return AS_MET
    if isinstance(v, str) and _fold_words(v) in _FULFILMENT_WORDS:
        shown = _show(v)
        raise ValueProblem(
            f"'{shown}' kan i Medtages både betyde Ja (sagen tæller med sine datoer) og Som "
            "opfyldt (sagen tæller som inden for fristen). Skriv Ja, Nej eller Som opfyldt.",
            f"'{shown}' kan i Ingår betyda både Ja (ärendet räknas med sina datum) och Räknas "
            "som uppfyllt (ärendet räknas som inom tidsgränsen). Skriv Ja, Nej eller Räknas som "
            "uppfyllt.",
        )
    try:
        return parse_bool(v)
    except ValueProblem:
        shown = _show(v)
        raise ValueProblem(
            f"'{shown}' er ikke en gyldig værdi i Medtages. Skriv Ja, Nej eller Som opfyldt.",
            f"'{shown}' är inget giltigt värde i Ingår. Skriv Ja, Nej eller Räknas som uppfyllt.",
        ) from None


def show(v: object) -> str:
    """A cell value quoted in a message (shortened if long), for other modules' messages."""
    return _show(v)
