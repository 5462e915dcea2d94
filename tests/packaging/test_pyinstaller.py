"""The packaged app: build `packaging/maalscore.spec` with PyInstaller and use what it built.

Marked slow (the build takes 20 s to a few minutes): `-m "not slow"` leaves it out; CI runs it.
The built folder is used as a person without Python would: the app opens the bundled example
in its window (offscreen), scores it, writes a copy and exits 0 (`maalscore selvtest`); the
console program scores and checks a workbook exactly as `maalscore beregn` does from source,
makes a template and the xlwings Lite script, and refuses the Excel add-in in Danish. The
folder's size and the start-up time (process start to the scored example on screen, median of
three) are printed.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

import pytest

from calc.check import OK, check_file
from excel_addin.bundle import build_bundle
from tests.conftest import REPO, WORKBOOKS
from tests.excel_addin.harness import read_values

pytestmark = pytest.mark.slow

SPEC = REPO / "packaging" / "maalscore.spec"
EXAMPLE = WORKBOOKS / "eksempel-000-hjemrejsestyrelsen-2025.xlsx"
EXE = ".exe" if sys.platform.startswith("win") else ""


def _size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


@pytest.fixture(scope="module")
def app_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pyinstaller = Path(sys.executable).parent / f"pyinstaller{EXE}"
    if not pyinstaller.exists():
        pytest.skip("PyInstaller is not installed (pip install -e '.[package]')")
    work = tmp_path_factory.mktemp("pyinstaller")
    start = time.perf_counter()
    proc = subprocess.run(
        [
            str(pyinstaller),
            "--noconfirm",
            "--clean",
            "--log-level",
            "WARN",
            "--distpath",
            str(work / "dist"),
            "--workpath",
            str(work / "build"),
            str(SPEC),
        ],
        capture_output=True,
        text=True,
        timeout=1200,
        cwd=work,
    )
    assert proc.returncode == 0, proc.stderr[-4000:]
    folder = work / "dist" / "Målscore"
    print(
        f"\nPyInstaller build: {time.perf_counter() - start:.0f} s; "
        f"folder {_size(folder) / 2**20:.0f} MiB ({folder})",
        file=sys.stderr,
    )
    return folder


def _env(tmp: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["HOME"] = str(tmp)  # no settings of the developer's are read or written
    env["XDG_CONFIG_HOME"] = str(tmp / "config")
    return env


def _run(
    app_dir: Path, program: str, *args: str, tmp: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(app_dir / f"{program}{EXE}"), *args],
        capture_output=True,
        text=True,
        timeout=300,
        env={**_env(tmp), **(env or {})},
        cwd=tmp,
    )


def test_the_folder_holds_both_programs_and_the_data(app_dir: Path) -> None:
    internal = app_dir / "_internal"
    assert (app_dir / f"Målscore{EXE}").is_file() and (app_dir / f"maalscore{EXE}").is_file()
    assert (internal / "desktop" / "i18n" / "maalscore_sv.qm").is_file()
    qt = {p.name for p in internal.rglob("qtbase_*.qm")}
    assert {"qtbase_da.qm", "qtbase_sv.qm"} <= qt and "qtbase_de.qm" not in qt
    assert (internal / "workbooks" / "skabelon.xlsx").is_file()
    assert len(list((internal / "workbooks").glob("eksempel-*.xlsx"))) == 5
    assert (internal / "kilde" / "calc" / "engine.py").is_file()
    assert not list(internal.rglob("xlwings")), "xlwings is for the add-in, not the app"
    assert not list(internal.glob("*polars*")), "Polars (warehouse extra) is not in the app"


def test_selvtest_opens_scores_and_saves_the_example_in_the_window(
    app_dir: Path, tmp_path: Path
) -> None:
    out = tmp_path / "ud"
    proc = _run(app_dir, "maalscore", "selvtest", str(out), tmp=tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "åbnet og beregnet i vinduet" in proc.stdout
    copy = out / EXAMPLE.name
    assert check_file(copy).status == OK
    assert "Traceback" not in proc.stderr


def test_the_app_starts_with_a_workbook_and_exits_when_ready(app_dir: Path, tmp_path: Path) -> None:
    """Start-up: process start until the scored example is painted (`MAALSCORE_EXIT_WHEN_READY`,
    as bench/app_start.py uses it), median of three runs."""
    times = []
    for _ in range(3):
        start = time.perf_counter()
        proc = _run(
            app_dir,
            "Målscore",
            str(EXAMPLE),
            tmp=tmp_path,
            env={"MAALSCORE_EXIT_WHEN_READY": "1"},
        )
        times.append(time.perf_counter() - start)
        assert proc.returncode == 0, proc.stderr[-2000:]
        assert proc.stdout.startswith("ready ")
    print(
        f"\nPackaged app start-up to a scored example: median {statistics.median(times):.2f} s "
        f"({', '.join(f'{t:.2f}' for t in times)}); folder {_size(app_dir) / 2**20:.0f} MiB",
        file=sys.stderr,
    )


def test_the_console_program_scores_like_the_source(app_dir: Path, tmp_path: Path) -> None:
    import calc.cli

    packaged, source = tmp_path / "packaged.xlsx", tmp_path / "source.xlsx"
    proc = _run(app_dir, "maalscore", "beregn", str(EXAMPLE), "--ud", str(packaged), tmp=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "I alt: 73,83 af 93,33 point" in proc.stdout  # tests/test_examples.py, EX000
    assert calc.cli.main(["beregn", str(EXAMPLE), "--ud", str(source)]) == 0
    got, want = read_values(packaged), read_values(source)
    for sheet in want:
        if sheet == "Resultat":  # the time of calculation differs by a second or so
            got[sheet] = [r for r in got[sheet] if not (r and r[0] == "Beregnet")]
            want[sheet] = [r for r in want[sheet] if not (r and r[0] == "Beregnet")]
        assert got[sheet] == want[sheet], sheet
    check = _run(app_dir, "maalscore", "tjek", str(packaged), tmp=tmp_path)
    assert check.returncode == 0 and "OK –" in check.stdout


def test_the_console_program_makes_reports_and_an_encrypted_draft(
    app_dir: Path, tmp_path: Path
) -> None:
    """Word, PDF, write-protection and encryption work in the app (python-docx, ReportLab,
    pikepdf, msoffcrypto-tool and their data are bundled)."""
    from calc.xlsx.crypt import decrypt

    book = tmp_path / "plan.xlsx"
    scored = _run(app_dir, "maalscore", "beregn", str(EXAMPLE), "--ud", str(book), tmp=tmp_path)
    assert scored.returncode == 0, scored.stderr
    for name in ("r.docx", "r.pdf"):
        made = _run(app_dir, "maalscore", "rapport", str(book), "--ud", name, tmp=tmp_path)
        assert made.returncode == 0, made.stderr
        # example 000: 1.d, 1.3, 2.2 and 2.4 not fully met (tests/test_examples.py, EX000)
        assert "4 mål at analysere" in made.stdout
    locked = _run(
        app_dir, "maalscore", "rapport", str(book), "--ud", "s.pdf", "--skrivebeskyttet",
        tmp=tmp_path,
    )  # fmt: skip
    assert locked.returncode == 0, locked.stderr
    sent = _run(
        app_dir, "maalscore", "send", str(book), "--til", "post@uim.dk", "--ud", "u.eml",
        tmp=tmp_path,
    )  # fmt: skip
    assert sent.returncode == 0, sent.stderr
    password = sent.stdout.split("projektmappen: ")[1].split()[0]
    from email import message_from_bytes, policy

    msg = message_from_bytes((tmp_path / "u.eml").read_bytes(), policy=policy.default)
    sealed = next(p for p in msg.iter_attachments() if p.get_filename() == "plan.xlsx")
    assert decrypt(sealed.get_payload(decode=True), password) == book.read_bytes()


def test_the_console_program_counts_swedish_working_days(app_dir: Path, tmp_path: Path) -> None:
    # Example 003's Frist "tre arbetsdagar" needs the holidays package's Swedish calendar, which
    # holidays loads by name: the bundle must carry it (packaging/maalscore.spec).
    example = EXAMPLE.parent / "eksempel-003-migrationsverket-2008.xlsx"
    out = tmp_path / "sv.xlsx"
    proc = _run(app_dir, "maalscore", "beregn", str(example), "--ud", str(out), tmp=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "Totalt: 72,11 av 100 poäng" in proc.stdout  # tests/test_examples.py, EX003


def test_the_console_program_makes_a_template_and_the_lite_script(
    app_dir: Path, tmp_path: Path
) -> None:
    proc = _run(app_dir, "maalscore", "skabelon", "ny.xlsx", "--år", "2027", tmp=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert read_values(tmp_path / "ny.xlsx")["Plan"][2][1] == 2027
    lite = _run(app_dir, "maalscore", "addin", "lite", "--ud", "lite", tmp=tmp_path)
    assert lite.returncode == 0, lite.stderr
    assert (tmp_path / "lite" / "main.py").read_text(encoding="utf-8") == build_bundle().main
    refused = _run(app_dir, "maalscore", "addin", "byg", tmp=tmp_path)
    assert refused.returncode == 1 and "kræver Python" in refused.stderr
    assert "Traceback" not in refused.stderr
    help_text = _run(app_dir, "maalscore", "--help", tmp=tmp_path)
    assert help_text.returncode == 0 and "beregn målopfyldelse" in help_text.stdout


def test_packaging_needs_no_repository_files_at_run_time(app_dir: Path, tmp_path: Path) -> None:
    """A copy of the folder elsewhere (as IT would copy it to a PC) still works."""
    moved = tmp_path / "Programmer" / "Målscore"
    shutil.copytree(app_dir, moved, symlinks=True)
    proc = _run(moved, "maalscore", "selvtest", str(tmp_path / "ud"), tmp=tmp_path)
    assert proc.returncode == 0, proc.stderr


def test_a_parquet_case_file_is_refused_in_danish(app_dir: Path, tmp_path: Path) -> None:
    """Polars stays out of the app; a Parquet case file gets a Danish message, not a crash."""
    polars = pytest.importorskip("polars")
    cases = tmp_path / "sager.parquet"
    polars.DataFrame({"Mål": ["1.c"], "Sag": ["A-1"]}).write_parquet(cases)
    out = tmp_path / "ud.xlsx"
    proc = _run(
        app_dir,
        "maalscore",
        "beregn",
        str(EXAMPLE),
        "--sagsdata",
        str(cases),
        "--ud",
        str(out),
        tmp=tmp_path,
    )
    assert proc.returncode == 3 and "kræver Polars" in proc.stderr, proc.stderr
    assert "Traceback" not in proc.stderr and not out.exists()
