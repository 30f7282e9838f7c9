"""What a person does with the window in these tests: open it, type, press, hover, capture a card by keyboard,
and drag cards from the tray onto a canvas view (delivered as the window system delivers a drag)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import cast

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from canvas.ui.app import Desktop
from canvas.ui.main_window import MainWindow
from canvas.ui.scene.scene import CanvasScene
from canvas.ui.scene.view import CanvasView


def scene_of(view: CanvasView) -> CanvasScene:
    return cast(CanvasScene, view.scene())


def open_window(qtbot: QtBot, desktop: Desktop, store_path: Path, **options: str) -> MainWindow:
    window = desktop.open(store_path, **options)
    window.resize(1600, 1000)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
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


def zone_point(view: CanvasView, zone: str, fx: float = 0.5, fy: float = 0.5) -> QPoint:
    """A viewport point inside a zone of the model the view shows (scrolled into view first)."""
    rect = scene_of(view).model_layout().zones[zone].rect
    point = QPointF(rect.x + rect.w * fx, rect.y + rect.h * fy)
    view.centerOn(point)
    return view.mapFromScene(point)


def card_point(view: CanvasView, card_id: str) -> QPoint:
    rect = scene_of(view).card_rect(card_id)
    assert rect is not None, "the card is not shown"
    view.ensureVisible(rect, 40, 40)
    return view.mapFromScene(rect.center())


def hover(qtbot: QtBot, viewport: QWidget, point: QPoint) -> None:
    """Bring the mouse to rest over a point, arriving from a little way off as a hand does."""
    for offset in (QPoint(-12, -8), QPoint(-4, -3), QPoint(0, 0)):
        qtbot.mouseMove(viewport, point + offset)


def capture(qtbot: QtBot, window: MainWindow, zone: str, line: str) -> str:
    """Capture one card by keyboard with the mouse over `zone`; returns the new card's id."""
    before = {card.id for card in window.controller.document.live_cards()}
    window.view.setFocus()
    hover(qtbot, window.view.viewport(), zone_point(window.view, zone, 0.3, 0.4))
    type_keys(qtbot, line)
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_Escape)
    (new,) = {card.id for card in window.controller.document.live_cards()} - before
    return new


def drop_from_tray(view: CanvasView, data: QMimeData, point: QPoint) -> bool:
    """Drag `data` (what the tray hands out) onto `view` and let go at `point`, as the window system delivers it:
    enter, move, drop. Returns whether the drop was accepted."""
    viewport = view.viewport()
    actions = Qt.DropAction.CopyAction | Qt.DropAction.MoveAction
    buttons, modifiers = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(point, actions, data, buttons, modifiers)
    QApplication.sendEvent(viewport, enter)
    if not enter.isAccepted():
        return False
    move = QDragMoveEvent(point, actions, data, buttons, modifiers)
    QApplication.sendEvent(viewport, move)
    drop = QDropEvent(QPointF(point), actions, data, buttons, modifiers)
    QApplication.sendEvent(viewport, drop)
    return drop.isAccepted()


def shown(view: CanvasView, card_ids: Sequence[str]) -> dict[str, tuple[float, float]]:
    """Where the view's scene draws these cards (the ones it shows)."""
    scene = scene_of(view)
    result = {}
    for card_id in card_ids:
        rect = scene.card_rect(card_id)
        if rect is not None:
            result[card_id] = (rect.x(), rect.y())
    return result


def in_view(view: CanvasView, card_id: str) -> bool:
    rect = scene_of(view).card_rect(card_id)
    return rect is not None and view.mapToScene(view.viewport().rect()).boundingRect().contains(rect)
