"""A facilitator's session, driven through the real main window: capture three cards by keyboard, drag one into
another stage, edit a field in the inspector, draw and label a value flow, search; undo and redo every step; then
reopen the store in a fresh window and find exactly the same canvas."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from canvas.core.model import CardKind, Record
from canvas.store.repository import Store
from canvas.ui.app import Desktop
from canvas.ui.main_window import MainWindow

Snapshot = dict[str, dict[str, Record]]


def open_window(qtbot: QtBot, desktop: Desktop, store_path: Path) -> MainWindow:
    window = desktop.open(store_path)
    window.resize(1600, 1000)
    window.show()
    qtbot.waitExposed(window)
    window.view.setFocus()
    return window


def type_keys(qtbot: QtBot, text: str) -> None:
    """Type as a person does: every key goes to whichever widget has the keyboard at that moment."""
    for char in text:
        target = QApplication.focusWidget()
        assert target is not None, f"nothing has the keyboard while typing {text!r}"
        qtbot.keyClick(target, char)


def press(qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    target = QApplication.focusWidget()
    assert target is not None
    qtbot.keyClick(target, key, modifier)


def zone_point(window: MainWindow, zone: str, fx: float = 0.5, fy: float = 0.5) -> QPoint:
    """A viewport point inside a zone of the model shown."""
    rect = window.scene.model_layout().zones[zone].rect
    return window.view.mapFromScene(QPointF(rect.x + rect.w * fx, rect.y + rect.h * fy))


def card_point(window: MainWindow, card_id: str) -> QPoint:
    rect = window.scene.card_rect(card_id)
    assert rect is not None, "the card is not shown"
    return window.view.mapFromScene(rect.center())


def hover(qtbot: QtBot, viewport: QWidget, point: QPoint) -> None:
    """Bring the mouse to rest over a point, arriving from a little way off as a hand does."""
    for offset in (QPoint(-12, -8), QPoint(-4, -3), QPoint(0, 0)):
        qtbot.mouseMove(viewport, point + offset)


def drag(qtbot: QtBot, viewport: QWidget, start: QPoint, end: QPoint, modifier: Qt.KeyboardModifier) -> None:
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, modifier, start)
    for step in range(1, 6):
        qtbot.mouseMove(viewport, start + (end - start) * (step / 5))
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, modifier, end)


def stored(store: Store, window: MainWindow) -> Snapshot:
    return store.load(window.controller.canvas.id).snapshot()


def shown(window: MainWindow) -> dict[str, tuple[str, tuple[float, float]]]:
    """What the canvas shows: every visible card's title and where it is drawn."""
    result = {}
    for card in window.controller.document.live_cards():
        rect = window.scene.card_rect(card.id)
        if rect is not None:
            result[card.id] = (card.title, (rect.x(), rect.y()))
    return result


def test_a_workshop_session_is_undoable_step_by_step_and_comes_back_after_reopening(
    qtbot: QtBot, desktop: Desktop, store_path: Path, store: Store
) -> None:
    window = open_window(qtbot, desktop, store_path)
    controller, view = window.controller, window.view
    viewport = view.viewport()
    view.fit()
    snapshots = [stored(store, window)]

    # Capture three cards by keyboard, with the mouse resting over Use · Pains.
    hover(qtbot, viewport, zone_point(window, "use.pains", 0.3, 0.3))
    type_keys(qtbot, "pain: Payroll runs on Sunday night #payroll")
    press(qtbot, Qt.Key.Key_Return)
    snapshots.append(stored(store, window))
    type_keys(qtbot, "Bank holds the payslips")
    press(qtbot, Qt.Key.Key_Return)
    snapshots.append(stored(store, window))
    type_keys(qtbot, "Forgets the deadline")
    press(qtbot, Qt.Key.Key_Return)
    snapshots.append(stored(store, window))
    press(qtbot, Qt.Key.Key_Escape)
    assert not window.capture.active

    cards = {card.title: card for card in controller.document.live_cards()}
    assert set(cards) == {"Payroll runs on Sunday night", "Bank holds the payslips", "Forgets the deadline"}
    assert cards["Payroll runs on Sunday night"].kind is CardKind.PAIN
    assert cards["Payroll runs on Sunday night"].tags == ("payroll",)
    zones = {title: controller.document.placement(card.id, "journey") for title, card in cards.items()}
    assert {placement.zone for placement in zones.values() if placement} == {"use.pains"}
    assert len(shown(window)) == 3

    # Drag one into another journey stage, with real mouse events on the viewport.
    moved = cards["Forgets the deadline"]
    drag(
        qtbot,
        viewport,
        card_point(window, moved.id),
        zone_point(window, "onboard.doing"),
        Qt.KeyboardModifier.NoModifier,
    )
    placement = controller.document.placement(moved.id, "journey")
    assert placement is not None and placement.zone == "onboard.doing"
    snapshots.append(stored(store, window))

    # Edit a field in the inspector: the dragged card is selected, so the inspector shows it.
    assert window.inspector.card_ids == [moved.id]
    window.inspector.source.setFocus()
    type_keys(qtbot, "interview 3")
    press(qtbot, Qt.Key.Key_Return)
    assert store.load(controller.canvas.id).cards[moved.id].source == "interview 3"
    snapshots.append(stored(store, window))

    # Draw and label a value flow: flip to the value exchange, capture two actors, Shift+drag from one to the other.
    window.strip.tabs.setCurrentIndex(window.strip.models.index("value-exchange"))
    assert window.scene.model == "value-exchange"
    view.setFocus()
    hover(qtbot, viewport, zone_point(window, "network", 0.25, 0.4))
    for actor in ("Business owner", "Payroll bureau"):
        type_keys(qtbot, actor)
        press(qtbot, Qt.Key.Key_Return)
        snapshots.append(stored(store, window))
    press(qtbot, Qt.Key.Key_Escape)
    actors = {card.title: card for card in controller.document.live_cards() if card.kind is CardKind.ACTOR}
    assert set(actors) == {"Business owner", "Payroll bureau"}
    owner, bureau = actors["Business owner"], actors["Payroll bureau"]
    drag(
        qtbot, viewport, card_point(window, owner.id), card_point(window, bureau.id), Qt.KeyboardModifier.ShiftModifier
    )
    (flow,) = controller.document.live_links()
    assert (flow.source, flow.target) == (owner.id, bureau.id)
    snapshots.append(stored(store, window))
    assert QApplication.focusWidget() is window.inspector.link_label
    type_keys(qtbot, "money")
    press(qtbot, Qt.Key.Key_Return)
    assert store.load(controller.canvas.id).links[flow.id].label == "money"
    snapshots.append(stored(store, window))

    # Search: Ctrl+F, type, Enter steps through the matches shown in this model.
    window.strip.tabs.setCurrentIndex(window.strip.models.index("journey"))
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.find_bar.isVisible()
    type_keys(qtbot, "payroll")
    press(qtbot, Qt.Key.Key_Return)
    assert window.find_bar.matches == [cards["Payroll runs on Sunday night"].id]
    assert window.find_bar.count.text() == "1 of 1"
    assert window.scene.card_ids_selected() == [cards["Payroll runs on Sunday night"].id]
    press(qtbot, Qt.Key.Key_Escape)
    assert not window.find_bar.isVisible()

    # Undo every step, checking the store after each, then redo them all.
    steps = controller.undo_stack.count()
    assert steps == len(snapshots) - 1
    assert window.history.model().rowCount() == steps + 1
    for expected in reversed(snapshots[:-1]):
        window.commands.undo.trigger()
        assert stored(store, window) == expected
    assert not controller.document.live_cards()
    for expected in snapshots[1:]:
        window.commands.redo.trigger()
        assert stored(store, window) == expected
    final_shown, final_zoom = shown(window), view.zoom

    # Close, reopen the store in a fresh window: the same canvas, model, zoom and cards, where they were.
    canvas_id = controller.canvas.id
    window.close()
    again = open_window(qtbot, desktop, store_path)
    assert again.controller.canvas.id == canvas_id
    assert again.controller.model == "journey"
    assert again.controller.document.snapshot() == snapshots[-1]
    assert shown(again) == final_shown
    assert again.view.zoom == pytest.approx(final_zoom, rel=1e-3)
