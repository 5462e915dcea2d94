"""Display formatting: the one rounding rule, Danish and Swedish number style.

All arithmetic is exact; numbers are rounded only when shown to a person (explanations, the
console table, the summary text). The rule: half away from zero (ROUND_HALF_UP), percentages to
1 decimal, points to 2 decimals, kroner to whole kroner; trailing zeros are dropped
(`20` not `20,00`). Danish uses `.` for thousands and `,` for decimals; Swedish a space and `,`.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, localcontext
from fractions import Fraction

from .exact import to_decimal

Number = Decimal | Fraction | int

PCT_DECIMALS = 1
POINT_DECIMALS = 2
MONEY_DECIMALS = 0


def round_half_up(value: Number, decimals: int) -> Decimal:
    """Round half away from zero. A Fraction is first taken to 40 digits: a quotient that does
    not terminate cannot sit exactly on a half, so this cannot change the result."""
    d = to_decimal(value, 40) if isinstance(value, Fraction) else Decimal(value)
    if not d.is_finite():
        return d
    with localcontext() as ctx:
        # Enough digits for the whole number, however large: quantize never overflows.
        ctx.prec = max(28, d.adjusted() + decimals + 2)
        return d.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def number(value: Number, decimals: int = 2, lang: str = "da") -> str:
    """`Decimal('1234.5')` → `1.234,5` (da) / `1 234,5` (sv), rounded by the display rule."""
    if isinstance(value, Decimal) and not value.is_finite():
        return str(value)  # shown as it is, never rounded; the parser reports it as an error
    d = round_half_up(value, decimals)
    if d == 0:
        d = Decimal(0)  # no "-0"
    sign = "-" if d < 0 else ""
    text = f"{abs(d):f}"
    whole, _, frac = text.partition(".")
    frac = frac.rstrip("0")
    # Danish groups from 1.000; Swedish style leaves four-digit numbers ungrouped (2134).
    sep, from_digits = ("\u00a0", 5) if lang == "sv" else (".", 4)
    if len(whole) >= from_digits:
        whole = f"{int(whole):,}".replace(",", sep)
    return sign + whole + ("," + frac if frac else "")


def pct(value: Number, lang: str = "da") -> str:
    return f"{number(value, PCT_DECIMALS, lang)} %"


def points(value: Number, lang: str = "da") -> str:
    return number(value, POINT_DECIMALS, lang)


def kroner(value: Number, lang: str = "da") -> str:
    return f"{number(value, MONEY_DECIMALS, lang)} kr."


def plain(value: Number) -> str:
    """A number as typed by a Dane, without thousands separators: `2,5`, `100`."""
    value = to_decimal(value) if not isinstance(value, Decimal) else value
    if not value.is_finite():
        return str(value)
    text = f"{value.normalize():f}" if value != value.to_integral_value() else f"{int(value)}"
    return text.replace(".", ",")
