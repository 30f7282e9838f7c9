"""The stores opened recently (File → Recent stores), kept in the user's QSettings, most recent first."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

KEY = "recent/stores"
MAX_RECENT = 8


class RecentStores:
    """A short list of store paths. The settings object is passed in (tests give one in a temporary folder)."""

    def __init__(self, settings: QSettings) -> None:
        self._settings = settings

    def paths(self) -> list[Path]:
        value = self._settings.value(KEY, [])
        # QSettings gives a str for a list of one in INI files, a list otherwise.
        items: list[object] = [value] if isinstance(value, str) else list(value) if isinstance(value, list) else []
        return [Path(str(item)) for item in items if str(item)]

    def add(self, path: Path) -> None:
        resolved = path.expanduser().resolve()
        paths = [resolved, *(p for p in self.paths() if p != resolved)][:MAX_RECENT]
        self._settings.setValue(KEY, [str(p) for p in paths])
        self._settings.sync()

    def forget(self, path: Path) -> None:
        self._settings.setValue(KEY, [str(p) for p in self.paths() if p != path])
        self._settings.sync()
