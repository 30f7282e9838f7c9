"""The desktop app's composition root: the QApplication, the catalog, and one window per open store.

`run()` is what `canvas` (and `canvas open`) calls. With `screenshot` it shows the real main window offscreen,
waits until the canvas has painted, saves a PNG of the window and returns. Otherwise it logs to the user's log
folder, shows unexpected errors calmly (crash.py), holds the store so no second app opens it (store_lock.py) and
imports a file it was started with (`canvas FILE.scanvas`), or that a later start hands over (instance.py).
"""

from __future__ import annotations

import logging
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import (
    QEvent,
    QEventLoop,
    QMessageLogContext,
    QObject,
    QSettings,
    QSize,
    QTimer,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from canvas import __version__
from canvas.core.catalog import Catalog, load_catalog
from canvas.core.document import Document
from canvas.core.model import Canvas, Side
from canvas.exchange.carried import carried_models
from canvas.paths import builtin_models_dir, log_dir, user_models_dir
from canvas.store import backup
from canvas.store.repository import Store, StoreError, open_store
from canvas.ui import theme
from canvas.ui.controller import LAST_CANVAS, Controller
from canvas.ui.crash import CrashGuard
from canvas.ui.dialogs.messages import confirm, show_problem
from canvas.ui.instance import FileOpenEvents, forward
from canvas.ui.logfile import start_logging, stop_logging
from canvas.ui.main_window import MainWindow
from canvas.ui.store_lock import StoreInUse, StoreLocks
from canvas.ui.user_settings import UserSettings

log = logging.getLogger(__name__)

APP_NAME = "Sensemaking Canvas"
ORGANIZATION = "Sensemaking Canvas"
SCREENSHOT_SIZE = QSize(1600, 1000)
#: The longest a screenshot waits for the first paint before giving up (a healthy start paints in well under 1 s).
PAINT_TIMEOUT_S = 20.0


def first_canvas(store: Store, canvas_ref: str | None, *, demo: bool = True) -> str:
    """The canvas to show: the one asked for, else the last one shown, else the newest. An empty store gets the
    demo canvas (or, for a store the person just created, an empty one)."""
    if canvas_ref:
        return store.find_canvas(canvas_ref)
    last = store.get_state(LAST_CANVAS)
    if isinstance(last, str) and store.has_canvas(last):
        return str(last)
    canvases = store.list_canvases()
    if canvases:
        return canvases[0].id
    if not demo:
        empty = Document.of(Canvas(title="Untitled canvas"))
        store.save_document(empty)
        return empty.canvas.id
    from canvas.core.demo import build_demo

    document = build_demo()
    store.save_document(document)
    return document.canvas.id


def parse_side(side: str | None) -> Side | None:
    if side is None:
        return None
    try:
        return Side(side)
    except ValueError:
        raise StoreError(f"the side must be 'customer' or 'organization', not '{side}'") from None


class Desktop(QObject):
    """The open windows, one per store. Opening another store replaces the window that asked for it."""

    def __init__(self, catalog: Catalog, settings: UserSettings | None) -> None:
        super().__init__()
        self.catalog = catalog
        self.settings = settings
        self.windows: list[MainWindow] = []
        app = QApplication.instance()
        assert app is not None, "the QApplication comes first"
        self.locks = StoreLocks.of(app)
        self.locks.requested.connect(self._requested)

    def open(
        self,
        store_path: Path,
        canvas_ref: str | None = None,
        model: str | None = None,
        side: str | None = None,
        *,
        demo: bool = True,
    ) -> MainWindow:
        """A main window on the store at `store_path` (StoreError, with a message for a person, if it cannot be)."""
        chosen_side = parse_side(side)
        self.locks.acquire(store_path)
        try:
            store = open_store(store_path)
        except BaseException:
            self.locks.release(store_path)
            raise
        try:
            # Models that imported files brought along open here too, even where they are not installed.
            self.catalog.learn(carried_models(store))
            if model is not None and model not in self.catalog:
                known = ", ".join(self.catalog.models)
                raise StoreError(f"there is no model '{model}' (the models are: {known})")
            canvas_id = first_canvas(store, canvas_ref, demo=demo)
            controller = Controller(store, self.catalog)
            window = MainWindow(controller, self.settings)
            controller.open_canvas(canvas_id, model, chosen_side)
        except BaseException:
            store.close()
            self.locks.release(store_path)
            raise
        log.info("opened the store %s", store_path)
        window.files.openRequested.connect(lambda path: self.switch(window, path))
        window.files.newRequested.connect(lambda path: self.switch(window, path, demo=False))
        window.commands.restore_backup.triggered.connect(lambda: self.restore_backup(window))
        window.closed.connect(lambda: self._closed(window))
        if self.settings is not None:
            self.settings.add_recent(store_path)
        self.windows.append(window)
        return window

    def switch(self, old: MainWindow, path: Path, *, demo: bool = True) -> MainWindow | None:
        """Open another store in place of `old`; if it cannot be opened, say why and keep `old` as it is."""
        try:
            new = self.open(path, demo=demo)
        except StoreError as error:
            show_problem(old, "Cannot open the store", f"The file {path} cannot be opened.", str(error))
            return None
        new.restoreGeometry(old.saveGeometry())
        new.show()
        old.close()
        return new

    def _closed(self, window: MainWindow) -> None:
        if window in self.windows:
            self.windows.remove(window)
            window.controller.store.close()
            self.locks.release(window.controller.store.path)
            window.deleteLater()

    def import_into(self, window: MainWindow, path: Path) -> None:
        """Bring `window` forward and import `path` with the preview (a file the app was started with)."""
        window.show()
        window.raise_()
        window.activateWindow()
        log.info("importing %s", path)
        window.exchange.import_file(path)

    def _requested(self, store_path: Path, path: Path | None) -> None:
        """A later start of the app on a store shown here: show its window, and import its file if it has one."""
        for window in self.windows:
            if window.controller.store.path.resolve() == store_path:
                if path is None:
                    window.show()
                    window.raise_()
                    window.activateWindow()
                else:
                    self.import_into(window, path)
                return

    def import_into_active(self, path: Path) -> None:
        """A file the system asks the app to open (macOS): import it into the window in front."""
        active = QApplication.activeWindow()
        windows = [window for window in self.windows if window is active] or self.windows[-1:]
        for window in windows:
            self.import_into(window, path)

    def restore_backup(self, window: MainWindow) -> MainWindow | None:
        """Help → Restore from backup…: choose a backup, confirm, back up the store as it is, restore, reopen."""
        from canvas.ui.dialogs.backups import RestoreDialog, describe  # loaded when first asked for

        path = window.controller.store.path
        dialog = RestoreDialog(path, window)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.chosen is None:
            return None
        chosen = dialog.chosen
        if not confirm(
            window,
            "Restore from backup",
            f"Put the store back as it was on {describe(chosen)}?",
            "Every canvas in the store goes back to how it was then. The store as it is now is backed up first and "
            "appears in this list, so you can come back to it.",
            "Restore",
        ):
            return None
        try:
            safety = backup.restore(path, chosen.path)
        except StoreError as error:
            show_problem(window, "Cannot restore the backup", f"The store {path} was not changed.", str(error))
            return None
        log.info("restored %s from %s (the store as it was: %s)", path, chosen.path.name, safety.name)
        new = self.switch(window, path)
        if new is not None:
            new.statusBar().showMessage(f"Restored the backup of {describe(chosen)}.", 15000)
        return new


def wait_until_painted(widget: QWidget, app: QApplication, timeout: float = PAINT_TIMEOUT_S) -> bool:
    """Process events until `widget` has received a paint event, then let the queue settle. No fixed sleeps."""
    painted = _PaintWatch(widget)
    deadline = time.monotonic() + timeout
    while not painted.seen and time.monotonic() < deadline:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
    app.processEvents()
    return painted.seen


class _PaintWatch(QObject):
    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.seen = False
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.seen = True
        return False


#: What the offscreen platform says about what only a window system can do; it says nothing about the app.
OFFSCREEN_NOTES = ("This plugin does not support",)


def _drop_offscreen_notes(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    if not message.startswith(OFFSCREEN_NOTES):
        print(message, file=sys.stderr)


def take_screenshot(window: MainWindow, out: Path, app: QApplication) -> int:
    """Show the window at 1600 × 1000, wait until it has painted, and save what it shows as a PNG."""
    previous = qInstallMessageHandler(_drop_offscreen_notes)
    try:
        return _grab(window, out, app)
    finally:
        qInstallMessageHandler(previous)


def _grab(window: MainWindow, out: Path, app: QApplication) -> int:
    window.resize(SCREENSHOT_SIZE)
    window.show()
    if not wait_until_painted(window.view.viewport(), app):
        print(f"canvas: the window did not paint within {PAINT_TIMEOUT_S:.0f} s; no screenshot taken", file=sys.stderr)
        return 1
    window.memory.restore()
    app.processEvents()
    out.parent.mkdir(parents=True, exist_ok=True)
    if not window.grab().save(str(out)):
        print(f"canvas: could not write the screenshot {out}", file=sys.stderr)
        return 1
    return 0


def application(argv: list[str] | None = None) -> QApplication:
    """The one QApplication (reused if it exists, e.g. under pytest-qt), with names, icon and the theme."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        app, styled = existing, False
    else:
        # Named on the command line, the style is built once, as the first widget needs it. setStyle() would have
        # the platform's style built first, then hand Fusion to Python (whose wrapper alone costs ~20 ms).
        app, styled = QApplication([*(argv or sys.argv[:1]), "-style", theme.STYLE]), True
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setDesktopFileName("sensemaking-canvas")
    theme.apply(app, set_style=not styled)
    return app


def run(
    store_path: Path,
    canvas_ref: str | None = None,
    model: str | None = None,
    side: str | None = None,
    screenshot: Path | None = None,
    settings: Callable[[], QSettings] = QSettings,
    import_path: Path | None = None,
) -> int:
    """Start the desktop app on a store (see the module docstring). Returns the process exit code."""
    if screenshot is not None:
        if QApplication.instance() is None:
            # The screenshot is of the real window, drawn offscreen: no display needed, none disturbed.
            os.environ["QT_QPA_PLATFORM"] = "offscreen"
        app = application()
        return _screenshot(app, Path(store_path), canvas_ref, model, side, Path(screenshot))
    app = application()
    log_path = start_logging(log_dir())
    guard = CrashGuard(log_path, app)
    guard.install()
    log.info("Sensemaking Canvas %s starting on %s", __version__, store_path)
    try:
        return _run_window(app, guard, Path(store_path), canvas_ref, model, side, settings, import_path)
    finally:
        log.info("Sensemaking Canvas stopped")
        guard.uninstall()
        stop_logging()


def _screenshot(
    app: QApplication, store_path: Path, canvas_ref: str | None, model: str | None, side: str | None, out: Path
) -> int:
    catalog = load_catalog(builtin_models_dir(), user_models_dir())
    desktop = Desktop(catalog, None)
    try:
        window = desktop.open(store_path, canvas_ref, model, side)
    except StoreError as error:
        print(f"canvas: {error}", file=sys.stderr)
        return 2
    for problem in catalog.problems:
        window.statusBar().showMessage(f"A model file was skipped: {problem}", 15000)
    code = take_screenshot(window, out, app)
    window.close()
    app.processEvents()
    return code


def _run_window(
    app: QApplication,
    guard: CrashGuard,
    store_path: Path,
    canvas_ref: str | None,
    model: str | None,
    side: str | None,
    settings: Callable[[], QSettings],
    import_path: Path | None,
) -> int:
    catalog = load_catalog(builtin_models_dir(), user_models_dir())
    desktop = Desktop(catalog, UserSettings(settings()))
    try:
        window = desktop.open(store_path, canvas_ref, model, side)
    except StoreInUse as busy:
        # The app already open on this store takes the file (or just comes to the front); this start leaves.
        if forward(store_path, import_path):
            log.info("handed over to the app that has %s open", store_path)
            return 0
        show_problem(None, "The store is already open", f"The file {store_path} is open in another window.", str(busy))
        return 2
    except StoreError as error:
        show_problem(None, "Cannot open the store", f"The file {store_path} cannot be opened.", str(error))
        return 2
    except Exception as error:  # a bug while starting: say so calmly rather than vanish
        log.exception("the app could not start on %s", store_path)
        guard.show(error, error.__traceback__, wait=True)
        return 1
    for problem in catalog.problems:
        window.statusBar().showMessage(f"A model file was skipped: {problem}", 15000)
    files = FileOpenEvents(desktop)
    files.opened.connect(desktop.import_into_active)
    app.installEventFilter(files)
    window.show()
    if import_path is not None:
        QTimer.singleShot(0, lambda: desktop.import_into(window, import_path))
    try:
        return app.exec()
    finally:
        app.removeEventFilter(files)
