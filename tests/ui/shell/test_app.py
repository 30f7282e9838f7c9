"""Opening the app: the demo on first start, everything back where it was on the next, a clear message for a file
that is not a store (which stays untouched), and the screenshot mode that shows real text."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from canvas.core.catalog import Catalog
from canvas.core.demo import DEMO_CANVAS_ID
from canvas.store.repository import open_store
from canvas.ui.app import Desktop, run
from canvas.ui.controller import LAST_CANVAS
from canvas.ui.main_window import MainWindow


def show(qtbot: QtBot, window: MainWindow) -> MainWindow:
    window.resize(1600, 1000)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_the_first_start_on_an_empty_store_shows_the_demo_canvas(
    qtbot: QtBot, desktop: Desktop, tmp_path: Path
) -> None:
    window = show(qtbot, desktop.open(tmp_path / "new.sqlite"))
    assert window.controller.canvas.id == DEMO_CANVAS_ID
    assert len(window.controller.document.live_cards()) > 10
    assert window.scene.card_rect(window.controller.document.live_cards()[0].id) is not None or any(
        window.scene.card_rect(card.id) is not None for card in window.controller.document.live_cards()
    )
    qtbot.waitUntil(lambda: window.canvas_list.list.count() == 1)  # filled right after the canvas's first frame
    assert window.status.cards.text().endswith("cards")


def test_the_last_canvas_model_and_zoom_come_back_even_after_a_kill(
    qtbot: QtBot, desktop: Desktop, catalog: Catalog, tmp_path: Path
) -> None:
    path = tmp_path / "workshop.sqlite"
    window = show(qtbot, desktop.open(path))
    second = window.controller.create_canvas("Renewal interviews")
    window.controller.set_model("jtbd")
    window.view.zoom_in()
    window.view.zoom_in()
    zoom = window.view.zoom

    # The window is never closed (as if the process were killed): what it remembers is already in the store.
    def remembered() -> None:
        assert window.memory.remembered() is not None
        assert window.memory.remembered()["zoom"] == pytest.approx(zoom, rel=1e-3)  # type: ignore[index]

    qtbot.waitUntil(remembered, timeout=3000)
    other = Desktop(catalog, None)
    again = show(qtbot, other.open(path))
    try:
        assert again.controller.canvas.id == second
        assert again.controller.model == "jtbd" and again.scene.model == "jtbd"
        assert again.view.zoom == pytest.approx(zoom, rel=1e-3)
    finally:
        again.close()


def test_a_file_that_is_not_a_store_is_refused_clearly_and_left_unchanged(
    qtbot: QtBot, desktop: Desktop, tmp_path: Path
) -> None:
    window = show(qtbot, desktop.open(tmp_path / "workshop.sqlite"))
    notes = tmp_path / "notes.txt"
    notes.write_text("Interview notes, not a store\n", encoding="utf-8")
    before = notes.read_bytes()
    messages: list[str] = []

    def read_and_close() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        messages.append(f"{box.text()} {box.informativeText()}")
        box.accept()

    QTimer.singleShot(0, read_and_close)
    assert desktop.switch(window, notes) is None

    assert notes.read_bytes() == before
    assert "notes.txt" in messages[0] and "is not a Sensemaking Canvas store" in messages[0]
    assert desktop.windows == [window] and window.isVisible()


def test_the_screenshot_mode_refuses_a_file_that_is_not_a_store_on_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("not a store", encoding="utf-8")
    assert run(notes, screenshot=tmp_path / "shot.png") == 2
    assert "is not a Sensemaking Canvas store" in capsys.readouterr().err
    assert notes.read_text(encoding="utf-8") == "not a store"
    assert not (tmp_path / "shot.png").exists()


def glyph_variety(image: QImage, x0: int, y0: int, x1: int, y1: int) -> int:
    """How many different column profiles the dark pixels of an area have: real glyphs give many, the empty boxes
    drawn when no font is found give two or three."""
    profiles = set()
    for x in range(x0, x1):
        column = tuple(y for y in range(y0, y1) if image.pixelColor(x, y).lightness() < 110)
        if column:
            profiles.add(len(column))
    return len(profiles)


def test_the_screenshot_mode_writes_the_window_with_real_text(tmp_path: Path) -> None:
    store = tmp_path / "workshop.sqlite"
    out = tmp_path / "shots" / "window-jtbd.png"

    assert run(store, model="jtbd", screenshot=out) == 0

    image = QImage(str(out))
    assert (image.width(), image.height()) == (1600, 1000)
    assert glyph_variety(image, 0, 0, 260, 30) >= 6  # the menu bar: File, Edit, View, Help
    with open_store(store) as reopened:
        assert reopened.get_state(LAST_CANVAS) == DEMO_CANVAS_ID


def test_another_store_opens_in_place_of_the_window_and_both_are_recent(
    qtbot: QtBot, desktop: Desktop, tmp_path: Path
) -> None:
    first = tmp_path / "workshop.sqlite"
    window = show(qtbot, desktop.open(first))
    fresh = tmp_path / "interviews.sqlite"

    new = desktop.switch(window, fresh, demo=False)

    assert new is not None and desktop.windows == [new]
    assert [canvas.title for canvas in new.controller.store.list_canvases()] == ["Untitled canvas"]
    assert desktop.settings is not None
    assert desktop.settings.recent_stores() == [fresh.resolve(), first.resolve()]
    new.recent_menu.aboutToShow.emit()
    assert [action.text() for action in new.recent_menu.actions()] == [str(first.resolve())]
