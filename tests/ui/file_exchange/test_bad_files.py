"""A broken or hostile file is explained (what is wrong, and where) and the store file is not touched at all."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from canvas.ui.main_window import MainWindow

CORPUS = Path(__file__).parents[2] / "exchange" / "corpus"


def store_bytes(store_path: Path) -> dict[str, bytes]:
    """The store file and its write-ahead log, as they are on disk."""
    found = {}
    for path in (store_path, store_path.with_name(store_path.name + "-wal")):
        if path.exists():
            found[path.name] = path.read_bytes()
    return found


@pytest.mark.parametrize(
    ("name", "says"),
    [
        ("truncated.scanvas", "line 8, column 19: the file ends too early"),
        ("binary-garbage.scanvas", "line 2: is not UTF-8 text"),
        ("dangling-references.scanvas", "placements[1]: card 'c9' does not exist"),
        ("newer-version.scanvas", "written by a newer Sensemaking Canvas"),
        ("nan.scanvas", "NaN is not a number a canvas can hold"),
        ("broken.canvas", "nodes[2].type: must be one of text, file, link, group"),
        ("bad-rows.csv", "line 3: kind:"),
    ],
)
def test_a_broken_file_is_explained_and_changes_nothing(
    qtbot: QtBot, window: MainWindow, store_path: Path, tmp_path: Path, name: str, says: str
) -> None:
    sent = tmp_path / name
    shutil.copyfile(CORPUS / name, sent)
    before = store_bytes(store_path)
    steps = window.controller.undo_stack.count()

    assert window.exchange.import_file(sent) is None

    box = window.findChild(QMessageBox, "exchangeProblem")
    assert box is not None and box.isVisible()
    assert box.textFormat() == Qt.TextFormat.PlainText
    assert name in box.text() and says in box.text() and "nothing was changed" in box.text()
    assert window.exchange.preview is None
    assert window.controller.undo_stack.count() == steps
    assert store_bytes(store_path) == before
    box.accept()


def test_markup_in_a_file_name_is_shown_as_written(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    sent = tmp_path / "<h1>notes &amp; more.csv"
    sent.write_bytes(b"\xff\xfe not text")
    window.exchange.import_file(sent)
    box = window.findChild(QMessageBox, "exchangeProblem")
    assert box is not None
    assert "<h1>notes &amp; more.csv" in box.text() and box.textFormat() == Qt.TextFormat.PlainText
    box.accept()
