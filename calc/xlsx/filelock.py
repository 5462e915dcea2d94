"""One writer at a time per workbook, and temporary files that only their own run removes.

Two runs on one file (two `maalscore beregn` at once, `beregn a.xlsx a.xlsx -j 2`, the desktop
app saving while the CLI runs) take turns: each holds an operating-system lock (`fcntl.flock`
on POSIX, `msvcrt.locking` on Windows) on a small lock file next to the target,
`.<name>.maalscore-lock`, while it reads, calculates and replaces the file; the other waits up
to `LOCK_WAIT` seconds and then stops with a message. The lock is the kernel's, so it goes
away with a killed process; the lock file is removed by whoever holds the lock when it is done.

A temporary file is named after the run that made it (`.<name>.maalscore-<host>-<pid>-….tmp`),
so a run removes only its own, and the leftovers of a killed run — whose process is gone on
this machine — are removed by the next run, under the lock.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import re
import socket
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from calc.errors import WriteBackError

LOCK_WAIT = 10.0  # seconds a run waits for another run on the same file
_POLL = 0.05
_OLD_TEMP_AGE = 3600.0  # a temp file without an owner (an older Målscore): stale after an hour


def lock_path(target: Path) -> Path:
    return target.parent / f".{target.name}.maalscore-lock"


def _host() -> str:
    """A short, file-name-safe tag of this machine, so that a process id is only judged on the
    machine that wrote it (folders are shared over the network)."""
    return hashlib.sha256(socket.gethostname().encode("utf-8", "replace")).hexdigest()[:8]


# ---------------------------------------------------------------------------------------------
# The lock


@dataclass
class TargetLock:
    """A held lock on one target; `release()` (or leaving the `with`) gives it up."""

    target: Path
    path: Path
    fd: int
    windows: bool

    def release(self) -> None:
        if self.fd < 0:
            return
        fd, self.fd = self.fd, -1
        if self.windows:
            _release_windows(fd, self.path)
        else:
            # Remove the file while still holding the lock: whoever waits on it then sees that
            # the name no longer points at the file it locked, and tries again.
            with contextlib.suppress(OSError):
                if _same_file(fd, self.path):
                    os.unlink(self.path)
            _release_posix(fd)

    def __enter__(self) -> TargetLock:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


def acquire(target: Path, wait: float = LOCK_WAIT) -> TargetLock:
    """Lock `target` (its folder must exist) against other Målscore runs, waiting up to `wait`
    seconds. WriteBackError when another run holds it that long, or the lock file cannot be
    made (a read-only folder)."""
    target = Path(target)
    path = lock_path(target)
    deadline = time.monotonic() + wait
    windows = os.name == "nt"
    fd = -1
    while True:
        if fd < 0:
            try:
                fd = _open(path)
            except OSError as exc:
                raise _cannot_lock(target, path, exc) from exc
        locked = _try_windows(fd) if windows else _try_posix(fd)
        if locked and _same_file(fd, path):
            _note_owner(fd, windows)
            return TargetLock(target, path, fd, windows)
        if locked:  # the holder before us removed the file: lock the new one
            if windows:
                _release_windows(fd, None)
            else:
                _release_posix(fd)
            fd = -1
            continue
        if not _same_file(fd, path):  # waiting on a file that is gone: open the new one
            os.close(fd)
            fd = -1
        if time.monotonic() >= deadline:
            owner = _read_owner(path)
            if fd >= 0:
                os.close(fd)
            raise _busy(target, owner, wait)
        time.sleep(_POLL)


def _open(path: Path) -> int:
    flags = os.O_CREAT | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOFOLLOW", 0)
    flags |= getattr(os, "O_BINARY", 0)
    try:
        return os.open(path, os.O_RDWR | flags, 0o644)
    except PermissionError:  # another user's lock file: locking needs only read access
        if not os.path.lexists(path):
            raise
        return os.open(path, os.O_RDONLY | (flags & ~os.O_CREAT))


def _same_file(fd: int, path: Path) -> bool:
    try:
        now = os.stat(path, follow_symlinks=False)
    except OSError:
        return False
    held = os.fstat(fd)
    return (now.st_dev, now.st_ino) == (held.st_dev, held.st_ino)


def _try_posix(fd: int) -> bool:
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as exc:
        if exc.errno in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK):
            return False
        raise
    return True


def _release_posix(fd: int) -> None:
    import fcntl

    with contextlib.suppress(OSError):
        fcntl.flock(fd, fcntl.LOCK_UN)
    os.close(fd)


def _try_windows(fd: int) -> bool:  # pragma: no cover - Windows
    import msvcrt

    os.lseek(fd, 0, os.SEEK_SET)
    try:
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
    except OSError:
        return False
    return True


def _release_windows(fd: int, path: Path | None) -> None:  # pragma: no cover - Windows
    import msvcrt

    with contextlib.suppress(OSError):
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)  # type: ignore[attr-defined]
    os.close(fd)
    if path is not None:  # fails while another run has it open: it is then theirs to remove
        with contextlib.suppress(OSError):
            os.remove(path)


_OWNER_AT = 16  # the owner is written after the locked byte (Windows locks it for reading)


def _note_owner(fd: int, windows: bool) -> None:
    """Write who holds the lock, for the message another run shows; only into a file that is
    ours alone (never through a hard link someone planted)."""
    with contextlib.suppress(OSError):
        st = os.fstat(fd)
        if st.st_nlink != 1 or (hasattr(os, "geteuid") and st.st_uid != os.geteuid()):
            return
        os.lseek(fd, _OWNER_AT, os.SEEK_SET)
        os.write(fd, f"{os.getpid()} {socket.gethostname()}\n".encode("utf-8", "replace")[:200])


def _read_owner(path: Path) -> str:
    with contextlib.suppress(OSError):
        with open(path, "rb") as fh:
            fh.seek(_OWNER_AT)
            text = fh.read(200).decode("utf-8", "replace").split("\n")[0].split(" ", 1)
        if text and text[0].isdigit():
            where = f" på {text[1]}" if len(text) > 1 and text[1] else ""
            return f"proces {text[0]}{where}"
    return ""


class LockBusy(WriteBackError):
    """Another run held the lock for longer than the wait."""


def _busy(target: Path, owner: str, wait: float) -> LockBusy:
    who = f" ({owner})" if owner else ""
    return LockBusy(
        f"Filen «{target.name}» bliver lige nu beregnet eller gemt af en anden Målscore-kørsel"
        f"{who}, og den blev ikke færdig inden for {wait:g} sekunder; intet er skrevet. Vent, "
        "til den anden kørsel er færdig, og prøv så igen."
    )


def _cannot_lock(target: Path, path: Path, exc: OSError) -> WriteBackError:
    if exc.errno == errno.ELOOP:
        why = f"«{path.name}» er et symbolsk link, som Målscore ikke følger"
    elif isinstance(exc, PermissionError) or exc.errno in (errno.EACCES, errno.EPERM):
        why = "mappen er skrivebeskyttet, eller Målscore har ikke lov til at skrive i den"
    elif exc.errno == errno.EROFS:
        why = "mappen ligger på et skrivebeskyttet drev"
    else:
        why = exc.strerror or str(exc)
    return WriteBackError(
        f"Målscore har ikke lov til at skrive «{target.name}» i mappen «{target.parent}»: {why}. "
        "Den oprindelige fil er uændret, og intet er skrevet. Skriv til en anden mappe med --ud."
    )


# ---------------------------------------------------------------------------------------------
# Temporary files


def temp_file(target: Path, folder: Path) -> tuple[int, Path]:
    """A new temporary file in `folder` for writing `target`, named after this run."""
    fd, name = tempfile.mkstemp(
        prefix=f".{target.name}.maalscore-{_host()}-{os.getpid()}-", suffix=".tmp", dir=folder
    )
    return fd, Path(name)


_OURS = re.compile(r"\.maalscore-([0-9a-f]{8})-(\d+)-[^.]*\.tmp$")


def remove_stale_temps(target: Path, folders: tuple[Path, ...]) -> None:
    """Temp files of earlier runs on `target` whose process is gone (killed before it could
    clean up); an older Målscore's temp files (no owner in the name) once they are an hour
    old. Call it holding the lock: no live run is then writing one."""
    prefix = f".{target.name}."
    host = _host()
    for folder in folders:
        try:
            names = os.listdir(folder)
        except OSError:
            continue
        for name in names:
            if not (name.startswith(prefix) and name.endswith(".tmp")):
                continue
            path = folder / name
            found = _OURS.search(name[len(prefix) - 1 :])
            if found:
                stale = found.group(1) == host and not process_alive(int(found.group(2)))
            else:
                stale = _older_than(path, _OLD_TEMP_AGE)
            if stale:
                with contextlib.suppress(OSError):
                    if path.is_file() and not path.is_symlink():
                        path.unlink()


def _older_than(path: Path, seconds: float) -> bool:
    try:
        return time.time() - path.stat().st_mtime > seconds
    except OSError:
        return False


def process_alive(pid: int) -> bool:
    """Whether a process with this id runs on this machine (an id reused by another process
    counts as alive: its temp file then waits for a later run)."""
    if pid <= 0:
        return False
    if pid == os.getpid():
        return True
    if os.name == "nt":  # pragma: no cover - Windows
        return _alive_windows(pid)
    try:
        os.kill(pid, 0)  # signal 0: only asks whether the process exists
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process
    except OSError:
        return True
    return True


def _alive_windows(pid: int) -> bool:  # pragma: no cover - Windows
    """OpenProcess + GetExitCodeProcess: os.kill(pid, 0) would send Ctrl+C on Windows."""
    import ctypes

    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
    if not handle:
        return int(kernel32.GetLastError()) == 5  # access denied: it exists
    try:
        code = ctypes.c_ulong()
        if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
            return True
        return code.value == 259  # STILL_ACTIVE
    finally:
        kernel32.CloseHandle(handle)


@contextlib.contextmanager
def held(target: Path, wait: float = LOCK_WAIT) -> Iterator[TargetLock]:
    lock = acquire(target, wait)
    try:
        yield lock
    finally:
        lock.release()
