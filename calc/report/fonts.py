"""The typeface of the PDF report and the chart: a system sans serif that has Danish and Swedish
letters and the signs goals are written with (≥, ≤, –, …), embedded in every PDF.

Looked for in order: DejaVu Sans (Linux), Arial (Windows, macOS), Liberation Sans, and last
Bitstream Vera, which ReportLab ships (so a report can always be made; Vera lacks ≥ and ≤).
This reads font files of the system, never a user's file.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path


def _candidates(bold: bool) -> list[Path]:
    windows = Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"
    dejavu = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    liberation = "LiberationSans-Bold.ttf" if bold else "LiberationSans-Regular.ttf"
    found = [
        Path("/usr/share/fonts/truetype/dejavu") / dejavu,
        Path("/usr/share/fonts/dejavu") / dejavu,
        Path("/usr/share/fonts/TTF") / dejavu,
        windows / ("arialbd.ttf" if bold else "arial.ttf"),
        Path("/System/Library/Fonts/Supplemental") / ("Arial Bold.ttf" if bold else "Arial.ttf"),
        Path("/Library/Fonts") / ("Arial Bold.ttf" if bold else "Arial.ttf"),
        Path("/usr/share/fonts/truetype/liberation2") / liberation,
        Path("/usr/share/fonts/truetype/liberation") / liberation,
    ]
    try:
        import reportlab

        found.append(
            Path(reportlab.__file__).parent / "fonts" / ("VeraBd.ttf" if bold else "Vera.ttf")
        )
    except ImportError:
        pass
    return found


@cache
def font_file(bold: bool = False) -> str | None:
    """The path of the first font found, None when there is none at all."""
    return next((str(p) for p in _candidates(bold) if p.is_file()), None)
