"""Opening the app with a file (`canvas FILE.scanvas`, a double-click in the file manager, a file handed over by
macOS) imports it with the preview, in the window in front."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from canvas.core.catalog import Catalog
from canvas.core.document import Document
from canvas.core.edits import AddCard
from canvas.core.model import Canvas, Card
from canvas.exchange.scanvas_write import write_scanvas
from canvas.store import open_store
from canvas.ui.app import Desktop
from canvas.ui.dialogs.import_preview import ImportPreview
from canvas.ui.instance import FileOpenEvents
from canvas.ui.main_window import MainWindow

from .conftest import app_log, start_app, wait_for


def teammate_file(folder: Path, catalog: Catalog) -> Path:
    document = Document.of(Canvas(title="Renewal interviews, Bergen"))
    AddCard(Card(title="Renewal letter arrives on a holiday")).apply(document)
    path = folder / "bergen.scanvas"
    path.write_bytes(write_scanvas(document, catalog.models))
    return path


def preview_of(window: MainWindow) -> ImportPreview:
    preview = window.exchange.preview
    assert isinstance(preview, ImportPreview), "the import preview is open"
    return preview


def test_a_file_the_app_is_started_with_opens_the_import_preview(
    qtbot: QtBot, desktop: Desktop, window: MainWindow, tmp_path: Path, catalog: Catalog
) -> None:
    path = teammate_file(tmp_path, catalog)

    desktop.import_into(window, path)

    preview = preview_of(window)
    qtbot.waitUntil(preview.isVisible)
    assert preview.windowTitle() == "Import bergen.scanvas"
    assert preview.parent() is window
    assert len(window.controller.store.list_canvases()) == 1, "nothing is imported before the person agrees"


def test_a_file_the_system_hands_to_the_running_app_opens_the_preview(
    qtbot: QtBot, desktop: Desktop, window: MainWindow, tmp_path: Path, catalog: Catalog
) -> None:
    path = teammate_file(tmp_path, catalog)
    app = QApplication.instance()
    assert app is not None
    files = FileOpenEvents(desktop)
    files.opened.connect(desktop.import_into_active)
    app.installEventFilter(files)
    try:
        QApplication.sendEvent(app, QFileOpenEvent(str(path)))
    finally:
        app.removeEventFilter(files)

    assert preview_of(window).windowTitle() == "Import bergen.scanvas"


@pytest.mark.slow
def test_canvas_with_a_file_starts_the_app_and_opens_the_preview(
    home: Path, store_path: Path, tmp_path: Path, catalog: Catalog
) -> None:
    path = teammate_file(tmp_path, catalog)

    app = start_app(home, "--store", str(store_path), str(path))  # what the desktop entry runs: canvas %f
    try:
        wait_for(lambda: app_log().is_file() and f"importing {path}" in app_log().read_text(), "the import preview")
        assert app.poll() is None, "the app is open, the preview waiting for the person"
    finally:
        app.kill()
        app.communicate(timeout=30)
    with open_store(store_path) as store:
        assert [summary.title for summary in store.list_canvases()] != ["Renewal interviews, Bergen"]
