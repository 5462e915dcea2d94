"""The user's settings (last folder, recent files, window state, language, panels, the
e-mail signature and the ministries' addresses) in QSettings.

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


def explanation_visible() -> bool:
    """Whether the explanation panel is open (it shows only while a goal is selected)."""
    return str(settings().value("vis/forklaring", "true")).lower() != "false"


def set_explanation_visible(visible: bool) -> None:
    settings().setValue("vis/forklaring", "true" if visible else "false")


def signature() -> str:
    """The signature under the e-mail to the ministry."""
    return str(settings().value("send/underskrift", "") or "")


def set_signature(text: str) -> None:
    settings().setValue("send/underskrift", text)


def _ministry_key(ministry: str) -> str:
    folded = "".join(ch for ch in ministry.casefold() if ch.isalnum())
    return f"send/departement/{folded or 'ukendt'}"


def ministry_email(ministry: str) -> str:
    """The address last used for this ministry (when its workbook names none)."""
    return str(settings().value(_ministry_key(ministry), "") or "")


def set_ministry_email(ministry: str, address: str) -> None:
    settings().setValue(_ministry_key(ministry), address)
