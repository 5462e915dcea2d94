"""The self-contained xlwings Lite script in real Pyodide, under Node, offline.

`maalscore addin lite` writes main.py with the whole core embedded. One Node process
(`pyodide/run.mjs`) loads Pyodide from the pinned npm package (`pyodide/package.json`; `.ci/run`
runs `npm ci` there), imports the generated main.py next to a minimal stand-in for `xlwings`
(`pyodide/xlwings_standin.py`, xlwings Lite's semantics: formulas and formats with `await`),
runs `beregn` on every example workbook's values, and also scores each example file from
Pyodide's file system with `calc.engine.score_file`. Every write must equal what
`maalscore beregn` writes, cell for cell; the file scored inside Pyodide must pass `tjek`.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

import calc.cli
import calc.engine
from calc.check import EXCEL, OK, check_file
from excel_addin.bundle import (
    HOLIDAYS_REQUIREMENT,
    REQUIREMENTS,
    XLWINGS_REQUIREMENT,
    build_bundle,
    write_bundle,
)
from tests.conftest import WORKBOOKS
from tests.excel_addin.harness import (
    apply_actions,
    book_json,
    normalised,
    read_values,
    save_like_excel,
)

HERE = Path(__file__).resolve().parent / "pyodide"
EXAMPLES = sorted(WORKBOOKS.glob("eksempel-*.xlsx"))
NOW = datetime(2026, 1, 15, 9, 30)


class _FrozenClock(datetime):
    @classmethod
    def now(cls, tz: Any = None) -> datetime:
        return NOW


def _node() -> str:
    node = shutil.which("node") or shutil.which("nodejs")
    if node is None:
        pytest.skip("Node.js is not installed (.ci/run installs Debian's nodejs)")
    if not (HERE / "node_modules" / "pyodide" / "pyodide.mjs").is_file():
        # A worktree without it (node_modules is not committed): install the pinned package
        # from the lock file, as .ci/run does, so the test runs everywhere npm works.
        npm = shutil.which("npm")
        done = npm is not None and (
            subprocess.run(
                [npm, "ci", "--prefix", str(HERE), "--no-audit", "--no-fund", "--loglevel=error"],
                capture_output=True,
                timeout=300,
                check=False,
            ).returncode
            == 0
        )
        if not done or not (HERE / "node_modules" / "pyodide" / "pyodide.mjs").is_file():
            pytest.skip(f"the pyodide npm package is not installed: npm ci --prefix {HERE}")
    return node


def _installed_requirements(site: Path) -> None:
    """What xlwings Lite installs from requirements.txt besides xlwings: holidays (and its
    python-dateutil and six), pure Python, copied from this environment because the test runs
    offline; run.mjs puts the folder on Pyodide's sys.path."""
    import dateutil
    import holidays
    import six

    for module in (holidays, dateutil):
        src = Path(module.__file__).parent
        for py in src.rglob("*.py"):
            dst = site / py.relative_to(src.parent)
            dst.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(py, dst)
    shutil.copyfile(six.__file__, site / "six.py")
    for info in Path(holidays.__file__).parents[1].glob("*.dist-info"):
        if info.name.startswith(("holidays-", "python_dateutil-", "six-")):
            shutil.copytree(info, site / info.name, dirs_exist_ok=True)


@pytest.fixture(scope="module")
def pyodide_run(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """One Node process for the whole module: Pyodide's start-up is the expensive part."""
    node = _node()
    work = tmp_path_factory.mktemp("lite")
    write_bundle(work)
    _installed_requirements(work / "site")
    (work / "files").mkdir()
    for src in EXAMPLES:
        shutil.copyfile(src, work / "files" / src.name)
    job = {
        "books": [book_json(src) for src in EXAMPLES],
        "files": [src.name for src in EXAMPLES],
        "now": NOW.isoformat(),
    }
    (work / "job.json").write_text(json.dumps(job, ensure_ascii=False), encoding="utf-8")
    start = time.perf_counter()
    proc = subprocess.run(
        [node, str(HERE / "run.mjs"), str(work)],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=HERE,
    )
    elapsed = time.perf_counter() - start
    assert proc.returncode == 0, proc.stderr[-4000:]
    result: dict[str, Any] = json.loads(proc.stdout)
    result["work"] = str(work)
    result["elapsed"] = elapsed
    print(f"\nPyodide run: {elapsed:.1f} s in all; {result['seconds']}", file=sys.stderr)
    return result


@pytest.fixture(scope="module")
def cli_outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Each example scored by `maalscore beregn` at the same time of calculation."""
    out_dir = tmp_path_factory.mktemp("cli")
    mp = pytest.MonkeyPatch()
    try:
        mp.setattr(calc.engine, "datetime", _FrozenClock)
        outs = {}
        for src in EXAMPLES:
            assert calc.cli.main(["beregn", str(src), "--ud", str(out_dir / src.name)]) == 0
            outs[src.name] = out_dir / src.name
    finally:
        mp.undo()
    return outs


def test_the_bundle_is_only_main_py_and_requirements(tmp_path: Path) -> None:
    code = calc.cli.main(["addin", "lite", "--ud", str(tmp_path)])
    assert code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["main.py", "requirements.txt"]
    lines = [
        line
        for line in (tmp_path / REQUIREMENTS).read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    ]
    # nothing to host: no wheel, no URL; both come from PyPI
    assert lines == [XLWINGS_REQUIREMENT, HOLIDAYS_REQUIREMENT]
    bundle = build_bundle()
    assert (tmp_path / "main.py").read_text(encoding="utf-8") == bundle.main  # reproducible
    every_core_module = sorted(
        p.relative_to(WORKBOOKS.parent).as_posix()
        for p in (WORKBOOKS.parent / "calc").rglob("*.py")
        if "__pycache__" not in p.parts
    )
    assert [f for f in bundle.files if f.startswith("calc/")] == every_core_module
    assert "excel_addin/glue.py" in bundle.files


def test_a_damaged_main_py_says_so_in_danish(tmp_path: Path) -> None:
    """Run in CPython: a changed character in the archive stops the import with a message."""
    text = build_bundle().main
    start = text.index('_MAALSCORE_ARCHIVE = (\n    "') + len('_MAALSCORE_ARCHIVE = (\n    "')
    flipped = "B" if text[start + 10] != "B" else "C"
    (tmp_path / "main.py").write_text(text[: start + 10] + flipped + text[start + 11 :])
    proc = subprocess.run(
        [sys.executable, "-c", "import main"], cwd=tmp_path, capture_output=True, text=True
    )
    assert proc.returncode != 0
    assert "Målscore-koden i main.py er beskadiget" in proc.stderr


@pytest.mark.parametrize("index", range(len(EXAMPLES)), ids=[p.name[:12] for p in EXAMPLES])
def test_lite_in_pyodide_writes_what_the_cli_writes(
    index: int, pyodide_run: dict[str, Any], cli_outputs: dict[str, Path]
) -> None:
    src = EXAMPLES[index]
    book = pyodide_run["books"][index]
    assert book["name"] == src.name
    recorded = book["actions"]
    alerts = [a for a in recorded if a["func"] == "alert"]
    assert len(alerts) == 1 and alerts[0]["args"][3] == "info", alerts
    before = read_values(src)
    after = apply_actions(before, recorded)
    cli = read_values(cli_outputs[src.name])
    for name in before:
        got, want = normalised(after[name]), normalised(cli[name])
        diff = {
            k: (got.get(k), want.get(k)) for k in set(got) | set(want) if got.get(k) != want.get(k)
        }
        assert not diff, f"{src.name} {name}: {sorted(diff.items())[:10]}"
    assert any(a["func"] == "setValues" for a in recorded)


@pytest.mark.parametrize("index", [0, 3], ids=["eksempel-000", "eksempel-003"])
def test_a_workbook_scored_in_lite_passes_tjek(
    index: int, pyodide_run: dict[str, Any], tmp_path: Path
) -> None:
    """Lite cannot write the stamp; saved after the run, the file is "beregnet i excel"."""
    src = EXAMPLES[index]
    out = save_like_excel(src, pyodide_run["books"][index]["actions"], tmp_path / src.name)
    result = check_file(out)
    assert result.status == EXCEL and result.ok, result.message()


@pytest.mark.parametrize("index", range(len(EXAMPLES)), ids=[p.name[:12] for p in EXAMPLES])
def test_the_core_scores_files_inside_pyodide(
    index: int, pyodide_run: dict[str, Any], cli_outputs: dict[str, Path]
) -> None:
    """`calc` unpacked into Pyodide's file system reads, scores, writes back and stamps an
    .xlsx there; the file it wrote has the CLI's cells and passes `tjek` here."""
    src = EXAMPLES[index]
    scored = pyodide_run["files"][index]
    assert not [i for i in scored["issues"] if i["severity"] == "error"]
    out = Path(pyodide_run["work"]) / "out" / src.name
    assert out.is_file()
    got, want = read_values(out), read_values(cli_outputs[src.name])
    assert {n: normalised(g) for n, g in got.items()} == {n: normalised(g) for n, g in want.items()}
    result = check_file(out)
    assert result.status == OK, result.message()


def test_the_core_imports_cleanly_under_pyodide(pyodide_run: dict[str, Any]) -> None:
    imports = pyodide_run["imports"]
    assert imports["platform"] == "emscripten"
    assert imports["failed"] == {}
    assert imports["heavy"] == []
    assert "/maalscore-" in imports["origin"]  # the embedded copy, not something else
    assert {"calc.engine", "calc.check", "calc.xlsx.writeback", "calc.stamp"} <= set(
        imports["modules"]
    )
