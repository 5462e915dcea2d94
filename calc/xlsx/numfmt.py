"""Number format codes: which section of a code a value is shown with, and whether it can show
something other than the value.

A result cell's value can be right while what Excel and LibreOffice *show* is not: `0;-0;"5"`
shows 0 as 5, `;;;"Opfyldt"` hides numbers and shows every text as «Opfyldt», `"100"` shows
100 whatever the value. `misleading(code, value)` says, in Danish, why `code` can display
something other than `value`, or returns None when what is shown is the value itself (rounded
to the format's decimals, grouped, with a unit such as ` %` or ` kr.` after it, in a colour).

The judgement is deliberately strict: anything Målscore cannot vouch for (date and time codes,
`%` and thousands scaling, fractions, scientific notation, conditions, literal digits or signs,
unknown built-in formats, unbalanced quotes) counts as misleading. Write-back then gives the
cell the plain General format, so a strict rule costs a user's fancy format on a result cell,
never a wrong display. Standard library only; this module knows nothing about goals.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

GENERAL = "General"

# The built-in formats (ECMA-376 Part 1, 18.8.30) that are the same in every locale. Others
# (5–8 currency, 23–36 and 50+ East Asian) depend on the reader's locale and are judged
# unknown.
BUILTIN: dict[int, str] = {
    0: GENERAL,
    1: "0",
    2: "0.00",
    3: "#,##0",
    4: "#,##0.00",
    9: "0%",
    10: "0.00%",
    11: "0.00E+00",
    12: "# ?/?",
    13: "# ??/??",
    14: "mm-dd-yy",
    15: "d-mmm-yy",
    16: "d-mmm",
    17: "mmm-yy",
    18: "h:mm AM/PM",
    19: "h:mm:ss AM/PM",
    20: "h:mm",
    21: "h:mm:ss",
    22: "m/d/yy h:mm",
    37: "#,##0 ;(#,##0)",
    38: "#,##0 ;[Red](#,##0)",
    39: "#,##0.00;(#,##0.00)",
    40: "#,##0.00;[Red](#,##0.00)",
    41: '_(* #,##0_);_(* \\(#,##0\\);_(* "-"_);_(@_)',
    42: '_("$"* #,##0_);_("$"* \\(#,##0\\);_("$"* "-"_);_(@_)',
    43: '_(* #,##0.00_);_(* \\(#,##0.00\\);_(* "-"??_);_(@_)',
    44: '_("$"* #,##0.00_);_("$"* \\(#,##0.00\\);_("$"* "-"??_);_(@_)',
    45: "mm:ss",
    46: "[h]:mm:ss",
    47: "mmss.0",
    48: "##0.0E+0",
    49: "@",
}


def code_for(fmt_id: int, custom: dict[int, str]) -> str:
    """The format code of a numFmtId: the file's own (`<numFmts>`), a built-in, or a marker
    for an id nobody defined (which `misleading` calls unknown)."""
    if fmt_id in custom:
        return custom[fmt_id]
    return BUILTIN.get(fmt_id, f"[ukendt talformat {fmt_id}]")


# ---------------------------------------------------------------------------------------------
# Tokens

_COLOURS = re.compile(r"(?i)^(black|blue|cyan|green|magenta|red|white|yellow|colou?r\s*\d+)$")
_CONDITION = re.compile(r"^(<=|>=|<>|<|>|=)\s*(-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)$")
_ELAPSED = re.compile(r"(?i)^(h+|m+|s+)$")
_DATE_LETTERS = frozenset("yYmMdDhHsSeEgGbB")


@dataclass(frozen=True)
class Token:
    """One piece of a section. `kind` is one of: lit (text shown as it is), space (`_x`),
    fill (`*x`), colour, cond, digit (`0 # ?`), point, comma, percent, exp, slash, date,
    general, at (`@`), bad (something that cannot be read)."""

    kind: str
    text: str = ""


def split_sections(code: str) -> list[str]:
    """Split at the `;` that are not quoted, escaped or inside brackets."""
    sections: list[str] = []
    start = i = 0
    while i < len(code):
        ch = code[i]
        if ch == '"':
            end = code.find('"', i + 1)
            i = len(code) if end < 0 else end + 1
            continue
        if ch in "\\_*":
            i += 2
            continue
        if ch == "[":
            end = code.find("]", i + 1)
            i = len(code) if end < 0 else end + 1
            continue
        if ch == ";":
            sections.append(code[start:i])
            start = i + 1
        i += 1
    sections.append(code[start:])
    return sections


def tokens(section: str) -> list[Token]:
    out: list[Token] = []
    i, n = 0, len(section)
    while i < n:
        ch = section[i]
        if ch == '"':
            end = section.find('"', i + 1)
            if end < 0:
                return [*out, Token("bad", section[i:])]
            out.append(Token("lit", section[i + 1 : end]))
            i = end + 1
        elif ch == "\\":
            out.append(Token("lit", section[i + 1 : i + 2]))
            i += 2
        elif ch == "_":
            out.append(Token("space", section[i + 1 : i + 2]))
            i += 2
        elif ch == "*":
            out.append(Token("fill", section[i + 1 : i + 2]))
            i += 2
        elif ch == "[":
            end = section.find("]", i + 1)
            if end < 0:
                return [*out, Token("bad", section[i:])]
            out.extend(_bracket(section[i + 1 : end]))
            i = end + 1
        elif section[i : i + 7].lower() == "general":
            out.append(Token("general"))
            i += 7
        elif ch in "0#?":
            out.append(Token("digit", ch))
            i += 1
        elif ch in "eE" and section[i + 1 : i + 2] in ("+", "-"):
            out.append(Token("exp", section[i : i + 2]))
            i += 2
        elif section[i : i + 5].upper() == "AM/PM":
            out.append(Token("date", section[i : i + 5]))
            i += 5
        elif section[i : i + 3].upper() == "A/P":
            out.append(Token("date", section[i : i + 3]))
            i += 3
        elif ch in _DATE_LETTERS:
            out.append(Token("date", ch))
            i += 1
        else:
            kind = {".": "point", ",": "comma", "%": "percent", "/": "slash", "@": "at"}
            out.append(Token(kind.get(ch, "lit"), ch))
            i += 1
    return out


def _bracket(inner: str) -> list[Token]:
    text = inner.strip()
    if _COLOURS.match(text):
        return [Token("colour", text)]
    if _CONDITION.match(text):
        return [Token("cond", text)]
    if text.startswith("$"):  # [$kr.-406]: a currency symbol (shown) and a locale (not)
        symbol = text[1:].split("-", 1)[0]
        return [Token("lit", symbol)] if symbol else []
    if _ELAPSED.match(text):
        return [Token("date", text)]
    return [Token("bad", f"[{inner}]")]


# ---------------------------------------------------------------------------------------------
# Which section shows a value


def _section_for_number(sections: list[str], value: Decimal) -> tuple[int, bool]:
    """(index of the section used, whether Excel adds the minus sign itself)."""
    n = len(sections)
    if n == 1:
        return 0, value < 0
    if value < 0:
        return 1, False
    if value == 0 and n >= 3:
        return 2, False
    return 0, False


def _text_section(sections: list[str]) -> str | None:
    """The section that shows text, or None when text is shown as it is."""
    if len(sections) >= 4:
        return sections[3]
    if len(sections) == 1 and any(t.kind == "at" for t in tokens(sections[0])):
        return sections[0]
    return None


# ---------------------------------------------------------------------------------------------
# Judgement

Number = Decimal | int | float


def misleading(code: str, value: object) -> str | None:
    """Why format `code` can show `value` as something else (Danish, for messages), or None.

    An empty cell shows nothing whatever its format, and an Excel error value is shown as
    the error; text is judged by the text section, anything else as a number."""
    if value is None or value == "":
        return None
    if code.startswith("[ukendt talformat"):
        return "talformatet er ukendt (et nummer uden definition i filen)"
    sections = split_sections(code)
    if len(sections) > 4:
        return "talformatet har mere end fire afsnit"
    every = [t for s in sections for t in tokens(s)]
    if any(t.kind == "bad" for t in every):
        bad = next(t.text for t in every if t.kind == "bad")
        return f"talformatet indeholder «{bad}», som Målscore ikke kan stå inde for"
    if any(t.kind == "cond" for t in every):
        return "talformatet har betingelser ([>…]), som vælger, hvad der vises"
    if isinstance(value, str):
        return _text_problem(sections)
    number = _as_number(value)
    if number is None:
        return None  # an Excel error value is shown as the error
    index, auto_minus = _section_for_number(sections, number)
    return _number_problem(tokens(sections[index]), number, index, len(sections), auto_minus)


def _as_number(value: object) -> Decimal | None:
    if isinstance(value, bool):
        return Decimal(int(value))
    if isinstance(value, Decimal):
        return value
    if isinstance(value, (int, float)):
        return Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    if isinstance(value, (date, datetime)):
        return Decimal(1)  # a date result is a positive serial number
    return None


def _text_problem(sections: list[str]) -> str | None:
    section = _text_section(sections)
    if section is None:
        return None
    toks = tokens(section)
    ats = [t for t in toks if t.kind == "at"]
    if not ats:
        return "tekstafsnittet viser ikke teksten" + _shown(toks)
    if len(ats) > 1:
        return "tekstafsnittet viser teksten flere gange"
    extra = [t for t in toks if t.kind not in ("at", "space", "colour") and not _blank(t)]
    if extra:
        return "tekstafsnittet tilføjer tekst til værdien" + _shown(toks)
    return None


def _blank(t: Token) -> bool:
    return t.kind in ("lit", "fill") and not t.text.strip()


def _shown(toks: list[Token]) -> str:
    text = "".join(t.text for t in toks if t.kind == "lit")
    return f" (viser «{text}»)" if text.strip() else " (viser intet)"


def _number_problem(
    toks: list[Token], value: Decimal, index: int, n_sections: int, auto_minus: bool
) -> str | None:
    kinds = {t.kind for t in toks}
    digits = [i for i, t in enumerate(toks) if t.kind == "digit"]
    if value == 0 and index == 2 and _dash_for_zero(toks):
        return None  # the accounting dash for zero: _-* "-"?? "kr."_-
    if "date" in kinds:
        return "talformatet viser tallet som dato eller klokkeslæt"
    text_only = all(t.kind in ("at", "space", "colour") or _blank(t) for t in toks)
    if "at" in kinds and text_only:
        return None  # a text format: a number in it is shown as General
    if "general" not in kinds and not digits:
        return "afsnittet for tallet viser ikke tallet" + _shown(toks)
    if "percent" in kinds:
        return "talformatet ganger tallet med 100 (%)"
    if "exp" in kinds:
        return "talformatet viser tallet i videnskabelig notation"
    if "slash" in kinds:
        return "talformatet viser tallet som brøk"
    if "at" in kinds:
        return "afsnittet for tallet indeholder tekstpladsholderen @"
    if "general" in kinds and digits:
        return "talformatet blander General og cifferpladsholdere"
    problem = _placeholder_problem(toks, digits)
    if problem:
        return problem
    return _literal_problem(toks, digits, value, index, n_sections, auto_minus)


def _dash_for_zero(toks: list[Token]) -> bool:
    """A zero section that shows a dash (and perhaps a unit), its placeholders only `?`."""
    if any(t.kind not in ("lit", "space", "fill", "colour", "digit") for t in toks):
        return False
    if any(t.kind == "digit" and t.text != "?" for t in toks):
        return False
    if any(t.kind == "fill" and t.text.strip() for t in toks):
        return False
    text = "".join(t.text for t in toks if t.kind == "lit")
    bare = "".join(ch for ch in text if not (ch.isalpha() or ch.isspace() or ch == "."))
    return bare in ("-", "–")


def _placeholder_problem(toks: list[Token], digits: list[int]) -> str | None:
    if not digits:
        return None
    first, last = digits[0], digits[-1]
    points = [i for i, t in enumerate(toks) if t.kind == "point" and first <= i <= last]
    if len(points) > 1 or any(t.kind == "point" for t in toks[:first] + toks[last + 1 :]):
        return "talformatet har flere decimaltegn"
    # A comma after the last integer placeholder divides by 1000 (thousands scaling).
    int_end = points[0] if points else last + 1
    int_digits = [i for i in digits if i < int_end]
    if any(toks[j].kind == "comma" for j in range(last + 1, len(toks))) or (
        points and toks[points[0] - 1].kind == "comma"
    ):
        return "talformatet dividerer tallet med 1000 (komma efter cifrene)"
    if not any(toks[i].text == "0" for i in int_digits):
        return "talformatet kan vise små tal som ingenting (ingen 0 før decimaltegnet)"
    for i in range(first, last + 1):
        t = toks[i]
        if t.kind in ("digit", "point", "comma", "colour"):
            continue
        if t.kind in ("lit", "space", "fill") and not t.text.strip():
            continue  # a space between digits groups them, as in # ##0
        return f"talformatet sætter «{t.text}» ind mellem cifrene"
    return None


_UNIT_PUNCT = frozenset(" .%:/'’°")


def _literal_problem(
    toks: list[Token],
    digits: list[int],
    value: Decimal,
    index: int,
    n_sections: int,
    auto_minus: bool,
) -> str | None:
    """Text around the number: a unit is fine, digits and signs that are not the value's are
    not, and a negative number must show its sign."""
    first = digits[0] if digits else next(i for i, t in enumerate(toks) if t.kind == "general")
    last = digits[-1] if digits else first
    outside = toks[:first] + toks[last + 1 :]
    negative_section = value < 0 and not auto_minus and index == 1 and n_sections >= 2
    signs = "-()" if negative_section else ""
    for t in outside:
        if t.kind == "fill" and t.text.strip():
            return f"talformatet fylder cellen med «{t.text}»"
        if t.kind != "lit":
            continue
        for ch in t.text:
            if ch in signs:
                continue
            if ch.isdigit():
                return f"talformatet viser cifferet «{ch}», som ikke er en del af tallet"
            if ch in "+-−–()":
                return f"talformatet viser tegnet «{ch}», som ikke er tallets fortegn"
            if not (ch.isalpha() or ch.isspace() or ch in _UNIT_PUNCT or _currency(ch)):
                return f"talformatet viser tegnet «{ch}»"
    touching = "".join(t.text for t in toks[:first] if t.kind == "lit")[-1:]
    if touching in (".", ","):
        return f"talformatet sætter «{touching}» direkte foran tallet"
    if negative_section:
        before = "".join(t.text for t in toks[:first] if t.kind == "lit")
        after = "".join(t.text for t in toks[last + 1 :] if t.kind == "lit")
        if not ("-" in before or ("(" in before and ")" in after)):
            return "talformatet viser det negative tal uden minus"
    return None


def _currency(ch: str) -> bool:
    return unicodedata.category(ch) == "Sc"
