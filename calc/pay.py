"""Performance pay (resultatløn) from the total score.

The maximum is Maks. pct. of Grundlag, or Maks. beløb. The model turns the score into a pay
share: `lineær` pays the score (87,5 % → 87,5 % of the maximum); `tærskel` pays nothing below
the threshold and the score from it; `trin` pays the share of the best step reached. Skøn (kr or
%-points of the maximum) is added, Bortfald withholds everything, and the payout is kept within
0 … the maximum. Beregnet and Udbetaling are whole kroner, rounded half up; the upper cap is the
maximum rounded down, so the payout never exceeds the maximum.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from functools import partial

from . import fmt
from .exact import q, to_decimal
from .model import Lang, PayModel, Person

HUNDRED = Fraction(100)
ZERO = Fraction(0)


@dataclass(frozen=True)
class PayResult:
    row: int
    name: str
    maximum: Decimal  # exact for any realistic input (a percentage of an amount)
    computed: Decimal  # whole kroner, by the model
    payout: Decimal  # whole kroner, after Skøn and Bortfald
    explanation: str


def maximum_pay(p: Person) -> Fraction:
    if p.max_pct is not None and p.base is not None:
        return q(p.base) * q(p.max_pct) / HUNDRED
    return q(p.max_amount) if p.max_amount is not None else ZERO


def pay_share(p: Person, score_pct: Fraction) -> Fraction:
    """The share (0–100) of the maximum that the model pays for this score."""
    if p.model is PayModel.THRESHOLD:
        return score_pct if p.threshold is None or score_pct >= p.threshold else ZERO
    if p.model is PayModel.STEPS:
        reached = [q(share) for thr, share in p.steps if score_pct >= thr]
        return max(reached, default=ZERO)
    return score_pct


def compute_pay(p: Person, score_pct: Fraction, lang: Lang = "da") -> PayResult:
    maximum = maximum_pay(p)
    share = min(HUNDRED, max(ZERO, pay_share(p, score_pct)))
    exact = maximum * share / HUNDRED
    computed = fmt.round_half_up(exact, 0)
    adjustment = maximum * q(p.adjustment) / HUNDRED if p.adjustment_is_pct else q(p.adjustment)
    cap = Decimal(math.floor(maximum))
    adjusted = fmt.round_half_up(exact + adjustment, 0)
    payout = Decimal(0) if p.withheld else min(cap, max(Decimal(0), adjusted))
    text = _explain(p, score_pct, maximum, share, computed, adjustment, payout, lang)
    if not p.withheld and adjusted != payout:
        text = _held_within(text, adjusted, payout, cap, lang)
    return PayResult(p.row, p.name, to_decimal(maximum), computed, payout, text)


def _held_within(text: str, adjusted: Decimal, payout: Decimal, cap: Decimal, lang: Lang) -> str:
    """Say it when Skøn takes the pay outside 0 … maximum: both amounts, before and after."""
    sv = lang == "sv"
    kr = partial(fmt.kroner, lang=lang)
    if adjusted > cap:
        note = (
            f"beräknad + justering = {kr(adjusted)} är mer än maximum, så utbetalningen "
            f"begränsas till {kr(cap)}"
            if sv
            else f"beregnet + skøn = {kr(adjusted)} er mere end maksimum, så udbetalingen "
            f"begrænses til {kr(cap)}"
        )
    else:
        note = (
            f"beräknad + justering = {kr(adjusted)} är under 0, så utbetalningen blir {kr(payout)}"
            if sv
            else f"beregnet + skøn = {kr(adjusted)} er under 0, så udbetalingen bliver {kr(payout)}"
        )
    head, sep, last = text.rpartition("; ")
    return f"{head}{sep}{note}; {last}" if sep else f"{note}; {text}"


def _explain(
    p: Person,
    score: Fraction,
    maximum: Fraction,
    share: Fraction,
    computed: Decimal,
    adjustment: Fraction,
    payout: Decimal,
    lang: Lang,
) -> str:
    sv = lang == "sv"

    def kr(v: fmt.Number) -> str:
        return fmt.kroner(v, lang)

    def pct(v: fmt.Number) -> str:
        return fmt.pct(v, lang)

    if p.max_pct is not None and p.base is not None:
        head = (
            f"Max {pct(p.max_pct)} av {kr(p.base)} = {kr(maximum)}"
            if sv
            else f"Maks. {pct(p.max_pct)} af {kr(p.base)} = {kr(maximum)}"
        )
    else:
        head = f"Max {kr(maximum)}" if sv else f"Maks. {kr(maximum)}"
    if p.model is PayModel.THRESHOLD:
        t = pct(p.threshold or ZERO)
        rule = (
            f"tröskel {t}: måluppfyllelse {pct(score)} ger {pct(share)}"
            if sv
            else f"tærskel {t}: målopfyldelse {pct(score)} giver {pct(share)}"
        )
    elif p.model is PayModel.STEPS:
        rule = (
            f"steg: måluppfyllelse {pct(score)} ger {pct(share)}"
            if sv
            else f"trin: målopfyldelse {pct(score)} giver {pct(share)}"
        )
    else:
        rule = (
            f"linjär: måluppfyllelse {pct(score)}" if sv else f"lineær: målopfyldelse {pct(score)}"
        )
    parts = [head, f"{rule} → {kr(computed)}"]
    if adjustment:
        parts.append(
            f"justering {kr(adjustment)} ({p.reason})"
            if sv
            else f"skøn {kr(adjustment)} ({p.reason})"
        )
    if p.withheld:
        parts.append(
            f"resultatlönen bortfaller ({p.reason})"
            if sv
            else f"resultatlønnen bortfalder ({p.reason})"
        )
    parts.append(f"utbetalning {kr(payout)}" if sv else f"udbetaling {kr(payout)}")
    return "; ".join(parts)
