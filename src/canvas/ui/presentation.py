"""Presentation mode (F5) for a projector: full screen, no panels or bars, the canvas's larger high-contrast look."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QByteArray, QObject, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDockWidget, QMainWindow, QToolBar, QWidget


class PresentationMode(QObject):
    """Hides the window's chrome and asks the canvas for its presentation look; leaving puts everything back."""

    toggled = Signal(bool)

    def __init__(self, window: QMainWindow, set_canvas_look: Callable[[bool], None]) -> None:
        super().__init__(window)
        self._window = window
        self._set_canvas_look = set_canvas_look
        self._saved_state = QByteArray()
        self._was: Qt.WindowState = Qt.WindowState.WindowNoState
        self._hidden: list[QWidget] = []
        self._active = False
        # Esc leaves presentation mode; the shortcut exists only while presenting so Esc means nothing else then.
        self._escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), window)
        self._escape.setContext(Qt.ShortcutContext.WindowShortcut)
        self._escape.setEnabled(False)
        self._escape.activated.connect(lambda: self.set_active(False))

    @property
    def active(self) -> bool:
        return self._active

    def set_active(self, active: bool) -> None:
        if active == self._active:
            return
        self._active = active
        self._enter() if active else self._leave()
        self._escape.setEnabled(active)
        self.toggled.emit(active)

    def _enter(self) -> None:
        window = self._window
        self._saved_state = window.saveState()
        self._was = window.windowState()
        chrome: list[QWidget] = [window.menuBar(), window.statusBar()]
        chrome += window.findChildren(QDockWidget) + window.findChildren(QToolBar)
        self._hidden = [widget for widget in chrome if widget.isVisible()]
        for widget in self._hidden:
            widget.hide()
        self._set_canvas_look(True)
        window.showFullScreen()

    def _leave(self) -> None:
        window = self._window
        self._set_canvas_look(False)
        for widget in self._hidden:
            widget.show()
        self._hidden = []
        window.setWindowState(self._was)
        window.restoreState(self._saved_state)
