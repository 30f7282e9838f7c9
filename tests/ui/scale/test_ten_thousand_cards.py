"""Scale costs no features: on a canvas of 10,000 cards seen through every built-in model, in the real main window,
search finds exactly the right cards, select all + delete + undo brings every card back (in the window and in the
store), the tray count and the evidence gauge always equal a fresh count, and a drag is saved."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from canvas.core.analysis import evidence_gauge
from canvas.core.catalog import Catalog
from canvas.core.layout import next_free_offset
from canvas.core.model import Side
from canvas.store import open_store
from canvas.ui.app import Desktop
from canvas.ui.main_window import MainWindow
from canvas.ui.panels.tray import tray_phrase
from scale_canvas import MARKER, big_canvas

CARDS = 10_000
MARKED = 25
CTRL = Qt.KeyboardModifier.ControlModifier


def press(qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    target = QApplication.focusWidget()
    assert target is not None, "nothing has the keyboard"
    qtbot.keyClick(target, key, modifier)


def stored_live_cards(store: Path, canvas_id: str) -> int:
    with sqlite3.connect(f"file:{store}?mode=ro", uri=True) as connection:
        (count,) = connection.execute(
            "SELECT count(*) FROM cards WHERE canvas_id = ? AND deleted = 0", (canvas_id,)
        ).fetchone()
    return int(count)


def counts_agree(qtbot: QtBot, window: MainWindow) -> None:
    """The switcher's tray count, the tray's list and the gauge shown equal what a fresh count of the document says."""
    controller, perspective = window.controller, window.perspective
    document, model = controller.document, controller.model
    spec = controller.model_spec
    assert spec is not None
    placed = document.placements_in(model)
    waiting = {card.id for card in document.cards.values() if not card.deleted and card.id not in placed}
    assert perspective.count.text() == tray_phrase(len(waiting), spec.title)
    perspective.tray.rebuild_now()
    assert set(perspective.tray.model.ids) == waiting
    fresh = evidence_gauge(document, spec, document.model_settings(model), controller.side)
    qtbot.waitUntil(lambda: perspective.gauge.gauge == fresh, timeout=20_000)


def search(window: MainWindow, text: str) -> list[str]:
    bar = window.find_bar
    bar.open_bar()
    bar.edit.setText(text)
    bar.search()
    return bar.matches


@pytest.mark.slow
def test_ten_thousand_cards_keep_search_undo_tray_gauge_and_drags_right(
    qtbot: QtBot, tmp_path: Path, catalog: Catalog, desktop: Desktop
) -> None:
    document = big_canvas(catalog, CARDS, marked=MARKED)
    marked = {card.id for card in document.cards.values() if MARKER in card.title}
    canvas_id, store_path = document.canvas.id, tmp_path / "interviews.sqlite"
    with open_store(store_path) as store:
        store.save_document(document)
    del document

    window = desktop.open(store_path, canvas_id, "journey")
    window.resize(1600, 1000)
    window.show()
    qtbot.waitExposed(window)
    controller, scene, view = window.controller, window.scene, window.view
    assert len(scene.cards.items) == CARDS and len(marked) == MARKED

    # Search: exactly the marked cards, highlighted, the first one selected and in view; F3 steps to the next.
    matches = search(window, MARKER)
    assert set(matches) == marked and len(matches) == MARKED
    assert {card_id for card_id, item in scene.cards.items.items() if item.highlighted} == marked
    assert scene.card_ids_selected() == [matches[0]]
    window.find_bar.next()
    assert scene.card_ids_selected() == [matches[1]]
    window.find_bar.close_bar()
    assert not any(item.highlighted for item in scene.cards.items.values())

    # The tray count and the gauge equal a fresh count in every model and from every side.
    for model in ("jtbd", "value-exchange", "empathy", "journey"):
        controller.set_model(model)
        counts_agree(qtbot, window)
    controller.set_side(Side.ORGANIZATION)
    counts_agree(qtbot, window)
    controller.set_side(None)

    # A drag: the last card of the fullest zone to the free slot after it; the store has the new place.
    layout, members = scene.model_layout(), scene.cards.members
    zone_id = max(members, key=lambda zone: len(members[zone]))
    placements = controller.document.placements_in("journey")
    card_id = max(members[zone_id], key=lambda c: (placements[c].y, placements[c].x))
    zone = layout.zones[zone_id]
    free = next_free_offset([(placements[c].x, placements[c].y) for c in members[zone_id]], zone.across)
    rect = scene.card_rect(card_id)
    assert rect is not None
    target = QPointF(zone.origin[0] + free[0], zone.origin[1] + free[1]) + (rect.center() - rect.topLeft())
    view.set_zoom(0.7)
    view.centerOn((rect.center() + target) / 2)
    start, end = view.mapFromScene(rect.center()), view.mapFromScene(target)
    viewport = view.viewport()
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    for step in range(1, 9):
        QTest.mouseMove(viewport, start + (end - start) * (step / 8))
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)
    moved = controller.document.placement(card_id, "journey")
    assert moved is not None and (moved.zone, moved.x, moved.y) == (zone_id, *free)
    with sqlite3.connect(f"file:{store_path}?mode=ro", uri=True) as connection:
        stored = connection.execute(
            "SELECT zone, x, y FROM placements WHERE card_id = ? AND model = 'journey'", (card_id,)
        ).fetchone()
    assert stored == (zone_id, *free), "the drag is saved"
    counts_agree(qtbot, window)

    # Select all, delete, undo: every card back, in the window, the store, the search index, the counts.
    view.setFocus()
    press(qtbot, Qt.Key.Key_A, CTRL)
    assert len(scene.card_ids_selected()) == CARDS
    press(qtbot, Qt.Key.Key_Delete)
    assert not controller.document.live_cards()
    assert not any(item.placed for item in scene.cards.items.values())
    assert stored_live_cards(store_path, canvas_id) == 0
    counts_agree(qtbot, window)
    assert search(window, MARKER) == []
    window.find_bar.close_bar()

    view.setFocus()
    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert len(controller.document.live_cards()) == CARDS
    assert sum(item.placed for item in scene.cards.items.values()) == CARDS
    assert stored_live_cards(store_path, canvas_id) == CARDS
    restored = controller.document.placement(card_id, "journey")
    assert restored is not None and (restored.x, restored.y) == free, "undo restores the cards as they were"
    counts_agree(qtbot, window)
    assert set(search(window, MARKER)) == marked
