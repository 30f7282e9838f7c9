"""Dropping an Obsidian canvas on the window imports it through the preview; the export commands write files
another tool (or person) can read: a PNG with text in it, a JSON Canvas of the model shown, a report."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
from PySide6.QtCore import QEvent, QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QImage
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from canvas.exchange.exporting import ExportFormat
from canvas.exchange.importing import read_incoming
from canvas.store.repository import open_store
from canvas.ui.main_window import MainWindow

from .teammates import contents

OBSIDIAN_CANVAS = {
    "nodes": [
        {"id": "g1", "type": "group", "label": "Pains", "x": 0, "y": 0, "width": 600, "height": 300},
        {
            "id": "n1",
            "type": "text",
            "text": "Payslips late in March\nTwo of five interviews",
            "x": 20,
            "y": 40,
            "width": 250,
            "height": 80,
        },
        {
            "id": "n2",
            "type": "text",
            "text": "Calls the bank instead of support",
            "x": 300,
            "y": 40,
            "width": 250,
            "height": 80,
            "color": "4",
        },
        {
            "id": "n3",
            "type": "link",
            "url": "https://example.org/a-melding",
            "x": 20,
            "y": 400,
            "width": 250,
            "height": 60,
        },
    ],
    "edges": [{"id": "e1", "fromNode": "n1", "toNode": "n2", "label": "leads to"}],
}


def drop_files(target: QWidget, paths: list[Path]) -> bool:
    """Drag files from a file manager over `target` and let go, as the window system delivers it: enter, move,
    and a drop only if the move was accepted. True if the files were dropped."""
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(path)) for path in paths])
    point = target.rect().center()
    copy, left, none = Qt.DropAction.CopyAction, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    QApplication.sendEvent(target, QDragEnterEvent(point, copy, data, left, none))
    move = QDragMoveEvent(point, copy, data, left, none)
    QApplication.sendEvent(target, move)
    if not move.isAccepted():
        return False
    drop = QDropEvent(QPointF(point), copy, data, left, none, QEvent.Type.Drop)
    QApplication.sendEvent(target, drop)
    return drop.isAccepted()


def test_a_canvas_file_dropped_on_the_canvas_is_previewed_then_imported_as_a_new_canvas(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, store_path: Path
) -> None:
    dropped = tmp_path / "Interview wall.canvas"
    dropped.write_text(json.dumps(OBSIDIAN_CANVAS), encoding="utf-8")
    demo = window.controller.canvas.id
    before = contents(store_path)

    assert drop_files(window.view.viewport(), [tmp_path / "photo.jpg", dropped])

    preview = window.exchange.preview
    assert preview is not None and preview.isVisible()
    assert preview.destination.label == "Import as a new canvas 'Interview wall'"
    assert preview.counts["added"].text() == "4"  # three cards and the edge between two of them
    assert contents(store_path) == before
    qtbot.mouseClick(preview.import_button, Qt.MouseButton.LeftButton)

    controller = window.controller
    assert controller.canvas.title == "Interview wall"
    titles = sorted(card.title for card in controller.document.live_cards())
    assert titles == ["Calls the bank instead of support", "Payslips late in March", "https://example.org/a-melding"]
    assert [link.label for link in controller.document.live_links()] == ["leads to"]
    assert window.windowTitle().startswith("Interview wall")

    controller.undo_group.undo()
    assert controller.canvas.id == demo
    assert contents(store_path) == before


def test_other_files_are_left_to_the_canvas(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    photo = tmp_path / "whiteboard.jpg"
    photo.write_bytes(b"\xff\xd8")
    assert not drop_files(window.view.viewport(), [photo])
    assert window.exchange.preview is None


def test_interview_notes_go_to_the_open_canvas_by_default(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    notes = tmp_path / "interviews.csv"
    notes.write_text(
        "title,notes,kind,voice,evidence,source,tags\n"
        "Pays salaries from her private account,,pain,customer,observed,interview 4,money\n"
        "Wants a reminder before each deadline,,need,customer,reported,interview 5,\n",
        encoding="utf-8",
    )
    before = len(window.controller.document.live_cards())
    drop_files(window, [notes])
    preview = window.exchange.preview
    assert preview is not None
    assert preview.destination.into == window.controller.canvas.id
    qtbot.mouseClick(preview.import_button, Qt.MouseButton.LeftButton)
    assert len(window.controller.document.live_cards()) == before + 2
    window.controller.undo_group.undo()
    assert len(window.controller.document.live_cards()) == before


def text_rows(image: QImage, top: int, bottom: int) -> int:
    """Rows holding dark (text) pixels between `top` and `bottom`."""
    grey = image.convertToFormat(QImage.Format.Format_Grayscale8)
    pixels = np.frombuffer(grey.constBits(), dtype=np.uint8).reshape(grey.height(), grey.bytesPerLine())
    band = pixels[top:bottom, : grey.width()]
    return int(np.count_nonzero((band < 90).any(axis=1)))


def test_export_picture_writes_the_model_shown_as_a_png_with_text(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    window.scene.select_cards(["demo-first-hires"])
    out = tmp_path / "journey.png"
    assert window.exchange.export_picture_to(out, ExportFormat.PNG)
    image = QImage(str(out))
    assert not image.isNull()
    assert image.width() >= window.scene.content_rect().width()
    assert text_rows(image, 40, 100) > 15, "the canvas title is missing"
    assert text_rows(image, 130, image.height() - 200) > 100, "the cards carry no text"
    assert window.scene.card_ids_selected() == ["demo-first-hires"], "exporting disturbed the selection"

    svg = tmp_path / "journey.svg"
    assert window.exchange.export_picture_to(svg, ExportFormat.SVG)
    assert "Hiring her first two" in svg.read_text(encoding="utf-8"), "card titles are text in an SVG"


def test_export_writes_a_file_the_import_reads_back(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    controller = window.controller
    shared = tmp_path / "payroll.scanvas"
    assert window.exchange.export_to(shared, ExportFormat.SCANVAS)
    incoming = read_incoming(shared, controller.catalog)
    assert incoming.document.canvas.id == controller.canvas.id
    assert len(incoming.document.live_cards()) == len(controller.document.live_cards())

    jsoncanvas = tmp_path / "journey.canvas"
    assert window.exchange.export_to(jsoncanvas, ExportFormat.JSONCANVAS)
    nodes = json.loads(jsoncanvas.read_text(encoding="utf-8"))["nodes"]
    assert any(node.get("text", "").startswith("Hiring her first two employees") for node in nodes)

    report = tmp_path / "report.md"
    assert window.exchange.export_to(report, ExportFormat.MARKDOWN)
    assert controller.canvas.title in report.read_text(encoding="utf-8")

    with open_store(controller.store.path) as store:
        assert store.load(controller.canvas.id).canvas == controller.canvas


def test_an_export_that_cannot_be_written_says_where(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    missing = tmp_path / "no such folder" / "payroll.scanvas"
    assert not window.exchange.export_to(missing, ExportFormat.SCANVAS)
    box = window.findChild(QMessageBox, "exchangeProblem")
    assert box is not None and str(missing) in box.text()
    box.accept()
