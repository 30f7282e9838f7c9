"""File → Import…, Export… and Export picture…, and files dropped on the window (imported with the preview).

An import reads and checks the whole file first: a bad file is explained (what is wrong and where) and nothing
changes. A good one opens the import preview; only its Import button changes the canvas, as one undoable step.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QEvent, QObject, QStandardPaths, Qt, Signal
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox, QWidget

from canvas.core.catalog import Catalog
from canvas.exchange.carried import carried_models
from canvas.store import StoreError
from canvas.ui.controller import Controller

if TYPE_CHECKING:
    # The file formats, the import preview and the picture renderer load when a file is first imported, dropped
    # or exported, not at start-up (they are a tenth of the app's start).
    from canvas.exchange.exporting import ExportFormat
    from canvas.exchange.importing import ImportPlan
    from canvas.exchange.limits import FileRejected
    from canvas.ui.dialogs.import_preview import Destination, ImportPreview

IMPORT_FILTER = "Canvas files, JSON Canvas and interview notes (*.scanvas *.canvas *.csv);;All files (*)"
#: File dialog filter -> format (ExportFormat's value), for File → Export… and Export picture…
EXPORT_FILTERS: dict[str, str] = {
    "Canvas file, to share and merge (*.scanvas)": "scanvas",
    "JSON Canvas of the model shown, for Obsidian (*.canvas)": "jsoncanvas",
    "Markdown report (*.md)": "markdown",
    "Cards as CSV (*.csv)": "csv",
}
PICTURE_FILTERS: dict[str, str] = {
    "PNG picture (*.png)": "png",
    "SVG drawing (*.svg)": "svg",
    "PDF page (*.pdf)": "pdf",
}
#: ExportFormat's value -> the file name's suffix.
SUFFIXES = {
    "scanvas": ".scanvas",
    "jsoncanvas": ".canvas",
    "markdown": ".md",
    "csv": ".csv",
    "png": ".png",
    "svg": ".svg",
    "pdf": ".pdf",
}
#: A refused file lists at most this many problems (the rest are counted); `canvas validate` lists them all.
SHOWN_PROBLEMS = 12


def importable(paths: list[Path]) -> Path | None:
    """The first local file among `paths` that import reads (by its extension)."""
    from canvas.exchange.importing import IMPORT_SUFFIXES

    return next((path for path in paths if path.suffix.lower() in IMPORT_SUFFIXES), None)


class FileDrops(QObject):
    """Accepts a canvas, JSON Canvas or CSV file dragged over the watched widgets and hands it over on drop."""

    dropped = Signal(Path)

    def __init__(self, watched: list[QWidget], parent: QObject | None = None) -> None:
        super().__init__(parent)
        for widget in watched:
            widget.setAcceptDrops(True)
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(event, QDropEvent):  # drag enter and drag move events are drop events too
            paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
            path = importable(paths)
            if path is None:
                return False  # not ours: the canvas may still want it
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
            if event.type() == QEvent.Type.Drop:
                self.dropped.emit(path)
            return True
        return False


class FileExchange(QObject):
    """The window's file import and export commands."""

    #: ImportPlan: an import was applied (the canvas it changed is shown).
    imported = Signal(object)

    def __init__(self, window: QMainWindow, controller: Controller, drop_targets: list[QWidget]) -> None:
        super().__init__(window)
        self._window = window
        self._controller = controller
        self._folder = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation))
        self.drops = FileDrops([window, *drop_targets], self)
        self.drops.dropped.connect(self.import_file)
        #: The preview on screen (at most one), for the tests and for a second drop while it is open.
        self.preview: ImportPreview | None = None

    def _catalog(self) -> Catalog:
        return self._controller.catalog.with_models(carried_models(self._controller.store))

    def _say(self, text: str) -> None:
        self._window.statusBar().showMessage(text, 10000)

    # -- import ----------------------------------------------------------------------------------------------

    def ask_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self._window, "Import", str(self._folder), IMPORT_FILTER)
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> ImportPreview | None:
        """Check `path` and show the import preview (not modal for the app, modal for this window)."""
        from canvas.exchange.importing import plan_import, read_incoming
        from canvas.exchange.limits import FileRejected
        from canvas.ui.dialogs.import_preview import ImportPreview, destinations

        if self.preview is not None:
            self.preview.raise_()
            self._say("Finish the import that is open first.")
            return None
        self._folder = path.parent
        store = self._controller.store
        try:
            catalog = self._catalog()
            incoming = read_incoming(path, catalog)
            choices = destinations(store, incoming, self._controller.canvas)
        except FileRejected as rejected:
            self._refuse(rejected)
            return None
        except StoreError as error:
            self._problem(f"Cannot import {path.name}", f"{path.name} was not imported: {error}")
            return None

        def planner(choice: Destination) -> ImportPlan:
            return plan_import(store, incoming, catalog, into=choice.into, as_copy=choice.as_copy)

        dialog = ImportPreview(incoming, choices, planner, self._window)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.accepted.connect(lambda: self._apply(dialog))
        dialog.finished.connect(lambda _result: self._closed(dialog))
        self.preview = dialog
        dialog.open()
        return dialog

    def _apply(self, dialog: ImportPreview) -> None:
        from canvas.exchange.importing import describe_plan
        from canvas.ui.import_step import apply_plan

        plan = dialog.plan
        if plan is None or not apply_plan(self._controller, plan):
            return
        self._say(describe_plan(plan).splitlines()[0])
        self.imported.emit(plan)

    def _closed(self, dialog: ImportPreview) -> None:
        if self.preview is dialog:
            self.preview = None
        dialog.deleteLater()

    def _refuse(self, rejected: FileRejected) -> None:
        problems = [str(problem) for problem in rejected.problems[:SHOWN_PROBLEMS]]
        hidden = len(rejected.problems) - len(problems)
        if hidden:
            problems.append(f"… and {hidden} more (canvas validate lists them all)")
        self._problem(
            f"Cannot import {rejected.name}",
            f"{rejected.name} cannot be imported; nothing was changed.\n\n" + "\n".join(problems),
        )

    def _problem(self, title: str, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, title, "", QMessageBox.StandardButton.Ok, self._window)
        box.setObjectName("exchangeProblem")
        box.setTextFormat(Qt.TextFormat.PlainText)  # file names and places come from the file: never HTML
        box.setText(text)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.finished.connect(lambda _result: box.deleteLater())
        box.open()

    # -- export ----------------------------------------------------------------------------------------------

    def ask_export(self) -> None:
        chosen = self._ask_save("Export canvas", EXPORT_FILTERS)
        if chosen is not None:
            self.export_to(*chosen)

    def ask_export_picture(self) -> None:
        chosen = self._ask_save("Export picture", PICTURE_FILTERS)
        if chosen is not None:
            self.export_picture_to(*chosen)

    def _ask_save(self, title: str, filters: dict[str, str]) -> tuple[Path, ExportFormat] | None:
        from canvas.exchange.exporting import ExportFormat

        first = next(iter(filters.values()))
        start = self._folder / f"{_file_stem(self._controller.canvas.title)}{SUFFIXES[first]}"
        path, selected = QFileDialog.getSaveFileName(self._window, title, str(start), ";;".join(filters))
        if not path:
            return None
        chosen = Path(path)
        by_suffix = {SUFFIXES[fmt]: fmt for fmt in filters.values()}
        fmt = by_suffix.get(chosen.suffix.lower()) or filters.get(selected, first)
        if chosen.suffix.lower() != SUFFIXES[fmt]:
            chosen = chosen.with_name(chosen.name + SUFFIXES[fmt])
        return chosen, ExportFormat(fmt)

    def export_to(self, path: Path, fmt: ExportFormat) -> bool:
        """Write the open canvas (JSON Canvas: the model and side shown) to `path`."""
        from canvas.exchange.exporting import ExportError, ExportFormat, export_bytes, write_atomically
        from canvas.exchange.scanvas_write import MissingModels

        controller = self._controller
        view = fmt is ExportFormat.JSONCANVAS
        try:
            data = export_bytes(
                controller.document,
                self._catalog().models,
                fmt,
                model=controller.model if view else None,
                side=controller.side if view else None,
            )
            write_atomically(path, data)
        except (ExportError, MissingModels) as error:
            self._problem("Cannot export", f"{path.name} was not written: {error}")
            return False
        except OSError as error:
            self._problem("Cannot export", f"{path} could not be written: {error.strerror or error}")
            return False
        self._folder = path.parent
        self._say(f"Exported '{controller.canvas.title}' to {path}")
        return True

    def export_picture_to(self, path: Path, fmt: ExportFormat) -> bool:
        """Draw the model and side shown, as the canvas holds them (no selection or search marks), to `path`."""
        from canvas.ui.render import Format, render_view
        from canvas.ui.scene.scene import CanvasScene

        controller = self._controller
        scene = CanvasScene(controller.catalog)
        try:
            scene.show_document(controller.document, controller.model, controller.side)
            render_view(scene, path, cast(Format, fmt.value), controller.canvas.title)
        except (ValueError, OSError) as error:
            self._problem("Cannot export the picture", f"{path.name} was not written: {error}")
            return False
        finally:
            scene.clear()
            scene.deleteLater()
        self._folder = path.parent
        self._say(f"Exported a picture of '{controller.canvas.title}' to {path}")
        return True


def _file_stem(title: str) -> str:
    """A canvas title as a file name: no path separators or characters file systems refuse."""
    cleaned = "".join("-" if char in '\\/:*?"<>|' else char for char in title).strip(" .")
    return cleaned[:80] or "canvas"
