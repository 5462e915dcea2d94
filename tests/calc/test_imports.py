"""`calc` stays free of Qt and xlwings, and cheap to import (a Beregn click is a new process)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

CALC = Path(__file__).resolve().parents[2] / "calc"
HEAVY = (
    "PySide6",
    "xlwings",
    "pandas",
    "numpy",
    "openpyxl",
    "lxml",
    "docx",
    "reportlab",
    "PIL",
    "pikepdf",
    "msoffcrypto",
)


def test_no_qt_or_xlwings_import_anywhere_in_calc():
    for path in CALC.rglob("*.py"):
        for line in path.read_text(encoding="utf-8").splitlines():
            stripped = line.strip()
            if stripped.startswith(("import ", "from ")):
                assert "PySide6" not in stripped and "xlwings" not in stripped, (path, line)


def test_importing_the_core_loads_nothing_heavy():
    code = (
        "import sys, calc, calc.engine, calc.xlsx.reader, calc.xlsx.writeback, calc.xlsx.bulk\n"
        "import calc.cli, calc.template, calc.check, calc.stamp, calc.handin, calc.payless\n"
        "import calc.report.content, calc.report.word, calc.report.pdf, calc.xlsx.crypt\n"
        f"print(','.join(m for m in {HEAVY!r} if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
