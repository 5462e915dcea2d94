"""Time from starting the desktop app to a shown window with the scored plan.

Starts `python -m desktop.app WORKBOOK` in a fresh process several times (so interpreter start,
imports, reading, scoring and the first paint all count) and prints each run and the median.
The app prints `ready` once the scored plan is on screen and quits (MAALSCORE_EXIT_WHEN_READY).
Settings go to a temporary folder, never the user's own.

    .venv/bin/python bench/app_start.py [WORKBOOK] [--runs 7]

Target (issue 4): under 2 seconds on the development machine. Headless machines use Qt's
offscreen platform unless QT_QPA_PLATFORM or DISPLAY says otherwise.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT = REPO / "workbooks" / "eksempel-000-hjemrejsestyrelsen-2025.xlsx"


def one_run(workbook: Path, env: dict[str, str]) -> float:
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "desktop.app", str(workbook)],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.startswith("ready"):
            elapsed = time.perf_counter() - start
            proc.wait(30)
            return elapsed
    proc.wait(30)
    err = proc.stderr.read() if proc.stderr else ""
    raise SystemExit(f"the app exited without showing the plan (exit {proc.returncode}):\n{err}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("workbook", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / args.workbook.name  # the app never writes, but keep the original safe
        shutil.copy2(args.workbook, copy)
        env = dict(os.environ, MAALSCORE_EXIT_WHEN_READY="1", XDG_CONFIG_HOME=tmp, HOME=tmp)
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
        if "QT_QPA_PLATFORM" not in env and not env.get("DISPLAY"):
            env["QT_QPA_PLATFORM"] = "offscreen"
        one_run(copy, env)  # warm the OS file cache; not counted
        times = [one_run(copy, env) for _ in range(args.runs)]
    for i, t in enumerate(times, 1):
        print(f"run {i}: {t:.3f} s")
    median = statistics.median(times)
    print(
        f"median start-to-scored-window: {median:.3f} s over {len(times)} runs "
        f"(platform {env.get('QT_QPA_PLATFORM', 'default')})"
    )
    return 0 if median < 2.0 else 1


if __name__ == "__main__":
    sys.exit(main())
