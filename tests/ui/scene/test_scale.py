"""Scale: thousands of item updates in one process, and a zoomed-out frame of 10,000 cards drawn in one batch."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QGraphicsRectItem, QGraphicsScene, QStyleOptionGraphicsItem, QWidget
from pytestqt.qtbot import QtBot

from canvas.core.catalog import Catalog
from canvas.ui.scene.items.card import CardItem
from canvas.ui.scene.items.overview import OverviewItem
from canvas.ui.scene.scene import CanvasScene
from canvas.ui.scene.view import CanvasView

from .workshop import grid_of_cards


def test_twenty_thousand_item_updates_in_one_process(qtbot: QtBot) -> None:
    # PySide6 6.12.0 on Python 3.11 aborts after ~5,200 calls of methods returning None (QT-NOTES); never again.
    scene = QGraphicsScene()
    items = [QGraphicsRectItem(0.0, 0.0, 10.0, 10.0) for _ in range(200)]
    for item in items:
        scene.addItem(item)
    for step in range(100):
        for i, item in enumerate(items):
            item.setPos(float(i), float(step))
    image = QImage(64, 64, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    for _ in range(1000):
        painter.drawRect(QRectF(1.0, 1.0, 5.0, 5.0))
    painter.end()
    assert items[-1].pos() == QPointF(199.0, 99.0)


@pytest.mark.slow
def test_ten_thousand_cards_zoomed_out_paint_in_one_batch(
    qtbot: QtBot, catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    document = grid_of_cards(catalog, 10_000)
    scene = CanvasScene(catalog)
    scene.show_document(document, "journey")
    assert len(scene.cards.items) == 10_000
    view = CanvasView(scene)
    qtbot.addWidget(view)
    view.resize(1600, 1000)
    view.show()
    qtbot.waitExposed(view)

    card_paints: list[CardItem] = []
    overview_paints: list[OverviewItem] = []
    card_paint, overview_paint = CardItem.paint, OverviewItem.paint

    def count_card(
        item: CardItem, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        card_paints.append(item)
        card_paint(item, painter, option, widget)

    def count_overview(
        item: OverviewItem, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        overview_paints.append(item)
        overview_paint(item, painter, option, widget)

    monkeypatch.setattr(CardItem, "paint", count_card)
    monkeypatch.setattr(OverviewItem, "paint", count_overview)

    view.fit()
    image = view.grab().toImage()  # one frame, painted now
    assert view.zoom < 0.1
    assert card_paints == [] and overview_paints, "zoomed out, no card may paint itself"
    # And the overview really drew the cards: the middle of the first zone is no longer the zone's tint.
    zone = scene.model_layout().zones["aware.doing"].rect
    pixel = view.mapFromScene(QPointF(zone.x + 30, zone.y + 30))
    assert QColor(image.pixel(pixel)) != QColor(scene.look.zone_fill(None))

    view.set_zoom(1.0)
    view.centerOn(QPointF(600.0, 400.0))
    view.grab()
    assert 0 < len(card_paints) < 200, "zoomed in, only the visible cards paint"
    assert len(overview_paints) == 1
