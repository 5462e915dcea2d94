"""Run `maalscore` as another user, to test what the operating system allows and forbids.

The tests run as root in CI, where every permission check passes; these run the real command
in a forked child that has dropped to an unprivileged user (the interpreter lives under /root,
which that user cannot read, so everything the command needs is imported before the fork).
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.conftest import WORKBOOKS

NOBODY = 65534


def needs_root() -> None:
    if not hasattr(os, "fork") or os.geteuid() != 0:
        pytest.skip("needs root on POSIX to act as another user (CI runs as root)")


@contextmanager
def shared_folder() -> Iterator[Path]:
    """A folder under /tmp another user can reach (pytest's tmp_path is root's alone)."""
    folder = Path(tempfile.mkdtemp(prefix="maalscore-delt-", dir="/tmp"))
    try:
        folder.chmod(0o777)
        yield folder
    finally:
        folder.chmod(0o755)
        shutil.rmtree(folder, ignore_errors=True)


def _warm_up() -> None:
    """Import everything `maalscore beregn` imports, by running it once on a copy."""
    import pwd  # noqa: F401  (named in the refusal message)

    from calc.cli import main

    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / "varm.xlsx"
        shutil.copyfile(WORKBOOKS / "eksempel-000-hjemrejsestyrelsen-2025.xlsx", path)
        assert main(["beregn", str(path)]) == 0


def run_as(uid: int, argv: list[str]) -> tuple[int, str]:
    """`maalscore *argv` as the user `uid` (group likewise): exit code and all it printed."""
    _warm_up()
    from calc.cli import main

    sys.stdout.flush()
    sys.stderr.flush()
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns
        code = 99
        try:
            os.close(read)
            os.dup2(write, 1)
            os.dup2(write, 2)
            sys.stdout = sys.stderr = open(1, "w", encoding="utf-8", closefd=False)  # noqa: SIM115
            os.setgroups([])
            os.setgid(uid)
            os.setuid(uid)
            code = main(argv)
        except BaseException:
            traceback.print_exc()
        finally:
            sys.stdout.flush()
            os._exit(code)
    os.close(write)
    chunks = []
    while chunk := os.read(read, 65536):
        chunks.append(chunk)
    os.close(read)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status), b"".join(chunks).decode("utf-8", "replace")
