"""The chart of points per goal: laid out once as boxes and text, drawn by two small painters.

`layout` turns the report's bars into positioned shapes (in points, origin at the top left):
for every top-level goal a light bar for the points it could earn and a dark one, in its
status's colour, for the points it earned, its Nr on the left and `6,25 / 10` on the right.
`png` paints that with Pillow for the Word document (python-docx takes pictures, not
drawings); the PDF writer paints the same shapes as vector graphics with searchable text
(`calc.report.pdf`). One layout, so both documents show the same chart. The colour is never
the only signal: every bar has its numbers beside it, and the table has the status in words.

A hand-drawn chart instead of matplotlib: it is a few rectangles, and matplotlib would add
about 40 MB and a second or more of import time to every report.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

from ..scoring import Status
from .content import Bar
from .fonts import font_file

# Status colours, as in the desktop app: green met, amber partly, red not met, grey missing.
COLOURS = {
    Status.MET: "#2E7D32",
    Status.PARTLY: "#B26A00",
    Status.NOT_MET: "#B03000",
    Status.MISSING: "#6B6B6B",
}
POSSIBLE = "#D9DEE4"
AXIS = "#8A8A8A"
TEXT = "#1A1A1A"

ROW = 15.0  # points per goal
BAR = 9.0
FONT = 7.5
LABEL_WIDTH = 44.0  # room for the goal's Nr
VALUE_WIDTH = 70.0  # room for "12,25 / 20"
PAD = 4.0


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    width: float
    height: float
    fill: str


@dataclass(frozen=True)
class Text:
    x: float
    y: float  # the baseline
    text: str
    size: float
    anchor: str = "start"  # or "end": right-aligned at x


@dataclass(frozen=True)
class Line:
    x1: float
    y1: float
    x2: float
    y2: float
    colour: str


@dataclass(frozen=True)
class Chart:
    width: float
    height: float
    boxes: tuple[Box, ...]
    texts: tuple[Text, ...]
    lines: tuple[Line, ...]


def layout(bars: Sequence[Bar], scale: Fraction, width: float = 453.0) -> Chart:
    """The shapes for `bars`, `width` points wide; `scale` is the longest bar's points."""
    plot = width - LABEL_WIDTH - VALUE_WIDTH - 2 * PAD
    x0 = LABEL_WIDTH + PAD
    boxes: list[Box] = []
    texts: list[Text] = []
    for i, b in enumerate(bars):
        top = PAD + i * ROW + (ROW - BAR) / 2
        baseline = top + BAR - 1.5
        full = float(b.possible / scale) * plot if scale else 0.0
        got = float(b.points / scale) * plot if scale else 0.0
        boxes.append(Box(x0, top, full, BAR, POSSIBLE))
        if got > 0:
            boxes.append(Box(x0, top, got, BAR, COLOURS.get(b.status, COLOURS[Status.MISSING])))
        texts.append(Text(LABEL_WIDTH, baseline, b.goal_id, FONT, "end"))
        texts.append(Text(x0 + full + PAD, baseline, b.label, FONT))
    height = 2 * PAD + len(bars) * ROW
    axis = Line(x0, PAD / 2, x0, height - PAD / 2, AXIS)
    return Chart(width, height, tuple(boxes), tuple(texts), (axis,))


def png(chart: Chart, dpi: int = 200) -> bytes:
    """The chart as a PNG, `dpi` pixels per inch at its size in points (Pillow)."""
    from PIL import Image, ImageDraw, ImageFont

    k = dpi / 72
    image = Image.new("RGB", (round(chart.width * k), round(chart.height * k)), "white")
    draw = ImageDraw.Draw(image)
    path = font_file()
    fonts: dict[float, ImageFont.FreeTypeFont | ImageFont.ImageFont] = {}

    def font(size: float) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
        if size not in fonts:
            px = round(size * k)
            fonts[size] = ImageFont.truetype(path, px) if path else ImageFont.load_default(px)
        return fonts[size]

    for b in chart.boxes:
        if b.width > 0:
            draw.rectangle(
                [b.x * k, b.y * k, (b.x + b.width) * k - 1, (b.y + b.height) * k - 1], fill=b.fill
            )
    for ln in chart.lines:
        draw.line(
            [ln.x1 * k, ln.y1 * k, ln.x2 * k, ln.y2 * k], fill=ln.colour, width=max(1, round(k / 2))
        )
    for t in chart.texts:
        anchor = "rs" if t.anchor == "end" else "ls"
        draw.text((t.x * k, t.y * k), t.text, fill=TEXT, font=font(t.size), anchor=anchor)
    out = io.BytesIO()
    image.save(out, format="PNG", dpi=(dpi, dpi), optimize=True)
    return out.getvalue()
