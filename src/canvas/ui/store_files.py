"""Choosing store files: File → Open store…, New store… and the Recent stores menu."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QMenu, QWidget

from canvas.ui.user_settings import UserSettings

STORE_FILTER = "Canvas stores (*.sqlite *.sqlite3 *.db *.canvasdb);;All files (*)"


class StoreFiles(QObject):
    """Asks for store files and lists recent ones; the app opens whatever is chosen (in place of this window)."""

    #: Path: a store to open.
    openRequested = Signal(Path)
    #: Path: a file for a new store (it starts with an empty canvas, not the demo).
    newRequested = Signal(Path)

    def __init__(self, window: QWidget, current: Path, settings: UserSettings | None) -> None:
        super().__init__(window)
        self._window = window
        self._current = current
        self._settings = settings

    def ask_open(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self._window, "Open store", str(self._current.parent), STORE_FILTER)
        if path:
            self.openRequested.emit(Path(path))

    def ask_new(self) -> None:
        start = str(self._current.parent / "workshop.sqlite")
        path, _ = QFileDialog.getSaveFileName(self._window, "New store", start, STORE_FILTER)
        if path:
            chosen = Path(path)
            self.newRequested.emit(chosen if chosen.suffix else chosen.with_suffix(".sqlite"))

    def fill_recent(self, menu: QMenu) -> None:
        """Fill the Recent stores menu (as it opens) with the other stores opened lately."""
        menu.clear()
        recent = self._settings.recent_stores() if self._settings is not None else []
        paths = [path for path in recent if path != self._current.resolve()]
        for path in paths:
            action = menu.addAction(str(path))
            action.triggered.connect(lambda _checked=False, p=path: self.openRequested.emit(p))
        if not paths:
            menu.addAction("No other stores yet").setEnabled(False)
