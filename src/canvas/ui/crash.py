"""When something unexpected goes wrong, the app stays and says so calmly, instead of vanishing in front of a room.

Every uncaught exception (in Python code and in Qt slots and event handlers, which PySide6 reports through
sys.excepthook) is logged with its traceback and shown in one dialog: what happened, that the work is safe (every
edit was saved the moment it was made), and where the log is. The same error repeating (a paint that keeps
failing) is logged a few times and counted, never shown as a stack of dialogs.
"""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QObject, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

log = logging.getLogger(__name__)

#: The same error (type and place) is written to the log in full this often, then only counted.
LOGGED_REPEATS = 3

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], object]


def summary(error: BaseException) -> str:
    """One line naming the error, for a person: 'KeyError: 'journey'' reads better than a traceback."""
    text = " ".join(str(error).split())
    name = type(error).__name__
    return f"{name}: {text[:200]}" if text else name


def place(trace: TracebackType | None) -> str:
    """Where the error was raised (file:line of the innermost frame), to tell repeats apart."""
    frames = traceback.extract_tb(trace)
    return f"{Path(frames[-1].filename).name}:{frames[-1].lineno}" if frames else "?"


class CrashGuard(QObject):
    """Installs itself as sys.excepthook while the app runs (`install()` / `uninstall()`)."""

    def __init__(self, log_path: Path | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.log_path = log_path
        self.dialog: QMessageBox | None = None
        self._seen: dict[tuple[str, str], int] = {}
        self._previous: ExceptHook | None = None
        self._handling = False

    def install(self) -> None:
        self._previous = sys.excepthook
        sys.excepthook = self.handle

    def uninstall(self) -> None:
        if sys.excepthook == self.handle and self._previous is not None:
            sys.excepthook = self._previous
        self._previous = None

    def handle(self, kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):  # Ctrl+C in the terminal that started the app: just quit
            QApplication.quit()
            return
        if self._handling:  # the dialog itself failed: the log and stderr must do
            traceback.print_exception(kind, error, trace)
            return
        self._handling = True
        try:
            self._record(kind, error, trace)
            self.show(error, trace)
        finally:
            self._handling = False

    def _record(self, kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        key = (kind.__name__, place(trace))
        count = self._seen.get(key, 0) + 1
        self._seen[key] = count
        if count <= LOGGED_REPEATS:
            log.error("unexpected error (%s, time %d)", summary(error), count, exc_info=(kind, error, trace))
        elif count in (10, 100, 1000) or count % 10000 == 0:
            log.error("the same unexpected error again (%s at %s), %d times now", summary(error), key[1], count)

    def show(self, error: BaseException, trace: TracebackType | None, *, wait: bool = False) -> QMessageBox | None:
        """Show (or update) the dialog. `wait`: block until it is closed (before the event loop runs)."""
        app = QApplication.instance()
        if not isinstance(app, QApplication):
            return None
        if self.dialog is not None and self.dialog.isVisible():
            repeats = sum(self._seen.values())
            self.dialog.setInformativeText(self._reassurance(repeats))
            return self.dialog
        box = QMessageBox(_parent_window())
        box.setObjectName("crash")
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle("Something went wrong")
        box.setText(f"Sensemaking Canvas ran into a problem it did not expect:\n{summary(error)}")
        box.setInformativeText(self._reassurance(1))
        box.setDetailedText("".join(traceback.format_exception(type(error), error, trace)))
        keep = box.addButton("Keep working", QMessageBox.ButtonRole.AcceptRole)
        if self.log_path is not None:
            folder = box.addButton("Show the log", QMessageBox.ButtonRole.HelpRole)
            # HelpRole would close the box; show the folder and keep the box open instead.
            folder.clicked.disconnect()
            folder.clicked.connect(self._open_log_folder)
        box.addButton("Quit", QMessageBox.ButtonRole.DestructiveRole).clicked.connect(QApplication.closeAllWindows)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.destroyed.connect(self._forget_dialog)
        self.dialog = box
        if wait:
            box.exec()
        else:
            box.open()
        return box

    def _reassurance(self, times: int) -> str:
        again = f" (it has happened {times} times)" if times > 1 else ""
        where = f"The details are in the log:\n{self.log_path}" if self.log_path is not None else ""
        return (
            f"Nothing is lost{again}: every edit was saved to the store the moment it was made. The step you were "
            "taking may not have happened; look, and try it again. You can keep working, or quit and start the "
            f"app again.\n\n{where}"
        ).strip()

    def _open_log_folder(self) -> None:
        if self.log_path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.log_path.parent)))

    def _forget_dialog(self) -> None:
        self.dialog = None


def _parent_window() -> QWidget | None:
    window = QApplication.activeWindow()
    return window if window is not None and not isinstance(window, QMessageBox) else None
