"""Where the desktop puts the report and the e-mail draft next to the workbook.

The report itself and the draft are made by `calc.handin` (the same as `maalscore rapport` and
`maalscore send`): the window only chooses the file names and never replaces an earlier report
unasked.
"""

from __future__ import annotations

from pathlib import Path


def report_files(workbook: Path, n: int = 1) -> tuple[Path, Path]:
    """The report PDF and the e-mail draft for a workbook: `plan - rapport.pdf`, `plan.eml`;
    the n-th version (n ≥ 2) gets ` (n)` before the suffix."""
    tail = f" ({n})" if n > 1 else ""
    return (
        workbook.with_name(f"{workbook.stem} - rapport{tail}.pdf"),
        workbook.with_name(f"{workbook.stem}{tail}.eml"),
    )


def free_report_files(workbook: Path) -> tuple[Path, Path]:
    """The first pair of report files of which neither exists yet."""
    n = 2
    while any(p.exists() for p in report_files(workbook, n)):
        n += 1
    return report_files(workbook, n)
