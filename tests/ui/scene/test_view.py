"""Navigating the canvas: wheel zoom around the cursor, keyboard zoom, fit, panning, and the level of detail."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from canvas.core.document import Document
from canvas.ui.scene.items.card import DETAIL_ZOOM, CardItem
from canvas.ui.scene.scene import CanvasScene
from canvas.ui.scene.view import CanvasView

from .workshop import card_id


def wheel(view: CanvasView, at: QPoint, steps: int) -> None:
    event = QWheelEvent(
        QPointF(at),
        QPointF(view.viewport().mapToGlobal(at)),
        QPoint(0, 0),
        QPoint(0, 120 * steps),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(view.viewport(), event)


def test_wheel_zooms_around_the_cursor(qtbot: QtBot, view: CanvasView) -> None:
    at = QPoint(500, 300)
    under = view.mapToScene(at)
    wheel(view, at, 2)
    assert view.zoom > 1.0
    after = view.mapToScene(at)
    assert abs(after.x() - under.x()) < 2 and abs(after.y() - under.y()) < 2
    wheel(view, at, -4)
    assert view.zoom < 1.0


def test_keyboard_zoom_and_fit(qtbot: QtBot, view: CanvasView, scene: CanvasScene) -> None:
    QTest.keyClick(view, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert view.zoom > 1.0
    QTest.keyClick(view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert view.zoom < 1.0
    QTest.keyClick(view, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    shown = view.mapToScene(view.viewport().rect()).boundingRect()
    assert shown.contains(scene.content_rect())


def test_far_out_the_overview_stands_in_for_the_cards(qtbot: QtBot, view: CanvasView, scene: CanvasScene) -> None:
    view.set_zoom(DETAIL_ZOOM / 2)
    assert not scene.cards.detail and scene.cards.overview.isVisible()
    assert not any(item.isVisible() for item in scene.cards.items.values())
    view.set_zoom(1.0)
    assert scene.cards.detail and not scene.cards.overview.isVisible()
    assert all(item.isVisible() == item.placed for item in scene.cards.items.values())


def test_middle_button_and_space_drag_pan(qtbot: QtBot, view: CanvasView) -> None:
    viewport = view.viewport()
    start = view.mapToScene(viewport.rect().center())
    QTest.mousePress(viewport, Qt.MouseButton.MiddleButton, Qt.KeyboardModifier.NoModifier, QPoint(600, 400))
    QTest.mouseMove(viewport, QPoint(500, 300))
    QTest.mouseRelease(viewport, Qt.MouseButton.MiddleButton, Qt.KeyboardModifier.NoModifier, QPoint(500, 300))
    moved = view.mapToScene(viewport.rect().center())
    assert (moved.x() - start.x(), moved.y() - start.y()) == (100.0, 100.0)

    QTest.keyPress(view, Qt.Key.Key_Space)
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(500, 300))
    QTest.mouseMove(viewport, QPoint(550, 350))
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(550, 350))
    QTest.keyRelease(view, Qt.Key.Key_Space)
    back = view.mapToScene(viewport.rect().center())
    assert (back.x() - moved.x(), back.y() - moved.y()) == (-50.0, -50.0)


def test_center_on_a_card(qtbot: QtBot, view: CanvasView, scene: CanvasScene, document: Document) -> None:
    card = card_id(document, "Tax tables updated every January")
    view.center_on(card)
    rect = scene.card_rect(card)
    assert rect is not None
    centre = view.mapToScene(view.viewport().rect().center())
    assert abs(centre.x() - rect.center().x()) < 2 and abs(centre.y() - rect.center().y()) < 2


def test_card_text_is_laid_out_before_painting_not_in_paint(
    qtbot: QtBot, view: CanvasView, scene: CanvasScene, monkeypatch: pytest.MonkeyPatch
) -> None:
    painting: list[bool] = [False]
    made_in_paint: list[str] = []
    paint, prepare = CardItem.paint, CardItem.prepare

    def watched_paint(item: CardItem, *args: object) -> None:
        painting[0] = True
        paint(item, *args)  # type: ignore[arg-type]
        painting[0] = False

    def watched_prepare(item: CardItem, full: bool) -> None:
        if painting[0]:
            made_in_paint.append(item.card_id)
        prepare(item, full)

    monkeypatch.setattr(CardItem, "paint", watched_paint)
    monkeypatch.setattr(CardItem, "prepare", watched_prepare)
    for item in scene.cards.items.values():
        item.set_card(item.card.model_copy(update={"title": item.card.title + " (again)"}))

    view.set_zoom(0.45)
    view.grab()
    view.set_zoom(1.0)
    view.grab()

    assert made_in_paint == []
    shown = scene.cards_in(view.mapToScene(view.viewport().rect()).boundingRect())
    assert shown and all(scene.cards.items[card].prepared(full=True) for card in shown)
