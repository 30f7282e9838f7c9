"""What the app remembers for the person rather than for a store: recently opened stores and the window layout.

Kept in a QSettings object passed in at the composition root (tests give one in a temporary folder).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

RECENT_KEY = "recent/stores"
GEOMETRY_KEY = "window/geometry"
STATE_KEY = "window/state"
MAX_RECENT = 8


class UserSettings:
    """Recent store paths (most recent first) and the main window's geometry and dock layout."""

    def __init__(self, settings: QSettings) -> None:
        self._settings = settings

    def recent_stores(self) -> list[Path]:
        value = self._settings.value(RECENT_KEY, [])
        # QSettings gives a str for a list of one in INI files, a list otherwise.
        items: list[object] = [value] if isinstance(value, str) else list(value) if isinstance(value, list) else []
        return [Path(str(item)) for item in items if str(item)]

    def add_recent(self, path: Path) -> None:
        resolved = path.expanduser().resolve()
        paths = [resolved, *(p for p in self.recent_stores() if p != resolved)][:MAX_RECENT]
        self._settings.setValue(RECENT_KEY, [str(p) for p in paths])
        self._settings.sync()

    def forget_recent(self, path: Path) -> None:
        self._settings.setValue(RECENT_KEY, [str(p) for p in self.recent_stores() if p != path])
        self._settings.sync()

    def window_layout(self) -> tuple[QByteArray, QByteArray] | None:
        """The geometry and dock state saved when a window last closed, if any."""
        geometry, state = self._settings.value(GEOMETRY_KEY), self._settings.value(STATE_KEY)
        if isinstance(geometry, QByteArray) and isinstance(state, QByteArray):
            return geometry, state
        return None

    def save_window_layout(self, geometry: QByteArray, state: QByteArray) -> None:
        self._settings.setValue(GEOMETRY_KEY, geometry)
        self._settings.setValue(STATE_KEY, state)
        self._settings.sync()
