"""The user's settings (last folder, recent files, window state, language) in QSettings.

Always the INI format under the user scope, so that tests can point `QSettings.setPath` at a
temporary folder and never touch the real user's configuration.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

ORGANISATION = "Målscore"
APPLICATION = "Målscore"
MAX_RECENT = 8


def settings() -> QSettings:
    return QSettings(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANISATION, APPLICATION
    )


def last_folder() -> Path:
    value = settings().value("sidste_mappe", "")
    path = Path(str(value)) if value else Path.home()
    return path if path.is_dir() else Path.home()


def set_last_folder(folder: Path) -> None:
    settings().setValue("sidste_mappe", str(folder))


def recent_files() -> list[Path]:
    value = settings().value("seneste", [])
    items: list[object] = (
        [value] if isinstance(value, str) else list(value) if isinstance(value, list) else []
    )
    return [Path(str(v)) for v in items if v]


def add_recent(path: Path) -> list[Path]:
    files = [p for p in recent_files() if p != path]
    files.insert(0, path)
    files = files[:MAX_RECENT]
    settings().setValue("seneste", [str(p) for p in files])
    return files


def window_state() -> tuple[QByteArray | None, QByteArray | None]:
    s = settings()
    geometry, state = s.value("vindue/geometri"), s.value("vindue/tilstand")
    return (
        geometry if isinstance(geometry, QByteArray) else None,
        state if isinstance(state, QByteArray) else None,
    )


def save_window_state(geometry: QByteArray, state: QByteArray) -> None:
    s = settings()
    s.setValue("vindue/geometri", geometry)
    s.setValue("vindue/tilstand", state)


def set_language(code: str) -> None:
    settings().setValue("sprog", code)


def language() -> str:
    """`da` (default), `sv` or `en`; the setting wins over the system language."""
    return str(settings().value("sprog", "") or "")
