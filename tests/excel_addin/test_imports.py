"""A click is a fresh Python process: the add-in must cost little beyond xlwings itself."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import REPO

# Never on the click path: the GUI, the file reader/writer and their libraries.
FORBIDDEN = (
    "PySide6",
    "openpyxl",
    "lxml",
    "python_calamine",
    "calc.xlsx.reader",
    "calc.xlsx.writeback",
    "calc.template",
    "calc.cli",
    "excel_addin.build",
)


def _modules(code: str) -> set[str]:
    out = subprocess.run(
        [sys.executable, "-c", code + "\nimport sys; print('\\n'.join(sorted(sys.modules)))"],
        capture_output=True,
        text=True,
        check=True,
        cwd=REPO,
    )
    return set(out.stdout.split())


def test_importing_the_package_loads_nothing() -> None:
    baseline = _modules("")
    assert _modules("import excel_addin") - baseline == {"excel_addin"}


def test_a_click_adds_only_the_core_to_xlwings() -> None:
    """What `excel_addin.main()` imports beyond xlwings: the core's scoring modules and the
    standard library, never the file reader/writer, openpyxl or Qt."""
    added = _modules("import xlwings, excel_addin, excel_addin.glue") - _modules("import xlwings")
    assert not [m for m in added if m in FORBIDDEN or m.split(".")[0] in FORBIDDEN], added
    top = {m.split(".")[0] for m in added}
    assert top - {"excel_addin", "calc"} <= set(sys.stdlib_module_names), added
