"""Exact numbers for scoring: rationals inside, Decimal at the edges.

Inputs (weights, targets, results) are finite decimals and stay `Decimal` in the model. Scoring
divides, and some quotients never end: with equal weights each goal is worth 100/12 points, and
nine met goals must total exactly 75, not 74,999…98, or a 75 % pay threshold would fail. So the
scoring and pay arithmetic uses `Fraction`, and results become `Decimal` (28 significant digits)
only when written or shown.
"""

from __future__ import annotations

from decimal import ROUND_HALF_EVEN, Context, Decimal, localcontext
from fractions import Fraction

Q = Fraction


def q(value: Decimal | int | Fraction) -> Fraction:
    return value if isinstance(value, Fraction) else Fraction(value)


EXCEL_DIGITS = 15
_EXCEL = Context(prec=EXCEL_DIGITS, rounding=ROUND_HALF_EVEN)


def excel_precision(value: Decimal | int) -> Decimal:
    """The number as Excel stores it: 15 significant digits (rounded half-even, as a double
    would be). Every front end writes this, so a file and a live workbook hold the same value."""
    return _EXCEL.plus(Decimal(value))


def to_decimal(value: Fraction | Decimal | int, digits: int = 28) -> Decimal:
    """The nearest Decimal with `digits` significant digits (exact when the value terminates)."""
    if isinstance(value, Decimal):
        return value
    if isinstance(value, int):
        return Decimal(value)
    with localcontext() as ctx:
        ctx.prec = digits
        return Decimal(value.numerator) / Decimal(value.denominator)
