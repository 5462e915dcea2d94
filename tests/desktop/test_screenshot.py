"""A screenshot of the main window under Xvfb at 1366×768, for a person to look at.

The PNGs go to $MAALSCORE_SCREENSHOTS (or a temporary folder); the folder is printed in the test
output. Skips with the reason when Xvfb is not installed (Debian: apt-get install -y xvfb).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from tests.conftest import REPO
from tests.desktop.conftest import EXAMPLE_000

WIDTH, HEIGHT = 1366, 768


def _free_display() -> int:
    for n in range(90, 140):
        if not Path(f"/tmp/.X11-unix/X{n}").exists() and not Path(f"/tmp/.X{n}-lock").exists():
            return n
    pytest.skip("no free X display number")


@pytest.fixture
def xvfb() -> Iterator[str]:
    binary = shutil.which("Xvfb")
    if binary is None:
        pytest.skip("Xvfb is not installed (Debian: apt-get install -y xvfb)")
    n = _free_display()
    proc = subprocess.Popen(
        [binary, f":{n}", "-screen", "0", f"{WIDTH}x{HEIGHT}x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    socket = Path(f"/tmp/.X11-unix/X{n}")
    deadline = time.monotonic() + 10
    while not socket.exists():  # waiting for a server to start, not synchronising Qt
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            pytest.skip(f"Xvfb did not start: {proc.stderr.read().decode() if proc.stderr else ''}")
        time.sleep(0.05)
    try:
        yield f":{n}"
    finally:
        proc.terminate()
        proc.wait(10)


def test_main_window_screenshot(xvfb, tmp_path, capsys):
    out = Path(os.environ.get("MAALSCORE_SCREENSHOTS") or tmp_path / "screenshots")
    workbook = tmp_path / EXAMPLE_000.name
    shutil.copy2(EXAMPLE_000, workbook)
    env = dict(os.environ, DISPLAY=xvfb, QT_QPA_PLATFORM="xcb", PYTHONPATH=str(REPO))
    result = subprocess.run(
        [sys.executable, "-m", "tests.desktop.shoot", str(workbook), str(out), str(tmp_path)],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    output = result.stderr + result.stdout
    if result.returncode != 0 and "platform plugin" in output and "xcb" in output:
        pytest.skip(
            "Qt's xcb platform plugin cannot load (Debian: apt-get install -y libxcb-cursor0 "
            "libxcb-icccm4 libxcb-keysyms1 libxcb-xinerama0 libxkbcommon-x11-0): " + output[-300:]
        )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip().endswith(f"{WIDTH}x{HEIGHT}")
    for name in ("main.png", "summary.png", "pay.png"):
        image = QImage(str(out / name))
        assert not image.isNull(), name
        assert image.width() <= WIDTH and image.height() <= HEIGHT
        assert image.width() >= WIDTH - 50 and image.height() >= HEIGHT - 100
    with capsys.disabled():
        print(f"\nscreenshots of the main window: {out}")
