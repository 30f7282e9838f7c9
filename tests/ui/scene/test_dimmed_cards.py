"""Seen from one side, the other side's cards are dimmed: clearly secondary, yet their titles can still be read."""

from __future__ import annotations

from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from canvas.core.catalog import Catalog
from canvas.core.demo import build_demo
from canvas.core.model import Side
from canvas.ui.scene.scene import CanvasScene
from canvas.ui.scene.view import CanvasView


def test_the_other_sides_actors_stay_readable_in_the_value_exchange(qtbot: QtBot, catalog: Catalog) -> None:
    scene = CanvasScene(catalog)
    scene.show_document(build_demo(), "value-exchange", Side.CUSTOMER)
    view = CanvasView(scene)
    qtbot.addWidget(view)
    view.resize(1400, 900)
    view.show()
    qtbot.waitExposed(view)
    view.set_zoom(1.0)
    dimmed = [item for item in scene.cards.items.values() if item.dimmed and item.isVisible()]
    bright = [item for item in scene.cards.items.values() if not item.dimmed and item.isVisible()]
    assert dimmed and bright, "the demo network has actors on both sides"
    item = dimmed[0]
    view.centerOn(item)
    image = view.grab().toImage()
    area = view.mapFromScene(item.sceneBoundingRect()).boundingRect().intersected(image.rect())
    darkest = min(
        QColor(image.pixel(x, y)).lightness()
        for y in range(area.top(), area.bottom() + 1)
        for x in range(area.left(), area.right() + 1)
    )
    assert 0.45 <= item.effectiveOpacity() <= 0.55, "secondary, not faded out"
    assert darkest < 150, f"the dimmed card {item.card.title!r} draws no readable ink (darkest lightness {darkest})"
