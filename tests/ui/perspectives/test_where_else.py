"""Where else a card sits: the inspector lists every model of the canvas with the card's zone there (a click flips,
selects and centres it), the card's tooltip says the same, and a model that has not seen the card says so."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QToolTip
from pytestqt.qtbot import QtBot

from canvas.core.edits import AddCard, PlaceCards, Spot
from canvas.core.model import Card, CardKind, Placement
from canvas.store.repository import Store
from canvas.ui.app import Desktop
from canvas.ui.panels.where_else import tooltip_lines

from .gestures import card_point, in_view, open_window


def test_the_inspector_shows_each_model_and_jumps_there(
    qtbot: QtBot, desktop: Desktop, store_path: Path, store: Store
) -> None:
    window = open_window(qtbot, desktop, store_path)
    controller, scene, view = window.controller, window.scene, window.view
    card = Card(title="Payroll runs on Sunday night", kind=CardKind.PAIN)
    placements = (
        Placement(card_id=card.id, model="journey", zone="use.pains"),
        Placement(card_id=card.id, model="jtbd", zone="push"),
    )
    assert controller.do(AddCard(card, placements))
    scene.select_cards([card.id])

    rows = window.inspector.where_else.rows
    assert list(rows) == ["journey", "jtbd", "value-exchange"]
    assert isinstance(rows["journey"], QPushButton) and rows["journey"].text() == "▸ Journey · Use · Pains"
    assert isinstance(rows["jtbd"], QPushButton) and rows["jtbd"].text() == "→ Jobs · Push"
    assert isinstance(rows["value-exchange"], QLabel)
    assert rows["value-exchange"].text() == "Value — not yet placed (waits in its tray)"

    # Zoom in far from the card, then click "Jobs · Push": the jobs map, the card selected and in the middle.
    view.set_zoom(2.0)
    view.centerOn(0, 0)
    qtbot.mouseClick(rows["jtbd"], Qt.MouseButton.LeftButton)
    assert controller.model == "jtbd" and scene.model == "jtbd"
    assert scene.card_ids_selected() == [card.id]
    assert in_view(view, card.id)
    # The list follows: now the journey is the other model.
    rows = window.inspector.where_else.rows
    assert isinstance(rows["journey"], QPushButton) and rows["journey"].text() == "→ Journey · Use · Pains"
    assert controller.undo_stack.index() == 1, "jumping is not an edit"

    # Hovering the card: its tooltip adds where else it sits and which models have not seen it.
    assert tooltip_lines(controller.document, controller.catalog, controller.models_of_canvas(), "jtbd", card.id) == [
        "Also in: Journey · Use · Pains",
        "Not yet seen through: Value",
    ]
    point = card_point(view, card.id)
    viewport = view.viewport()
    event = QHelpEvent(QEvent.Type.ToolTip, point, viewport.mapToGlobal(point))
    QApplication.sendEvent(viewport, event)
    assert "Also in: Journey · Use · Pains" in QToolTip.text()
    assert QToolTip.text().startswith("Payroll runs on Sunday night")


def test_the_list_follows_a_card_moved_to_another_zone_and_stays_as_it_is_for_a_move_within_one(
    qtbot: QtBot, desktop: Desktop, store_path: Path
) -> None:
    window = open_window(qtbot, desktop, store_path)
    controller, scene = window.controller, window.scene
    card = Card(title="Payroll runs on Sunday night", kind=CardKind.PAIN)
    assert controller.do(AddCard(card, (Placement(card_id=card.id, model="journey", zone="use.pains"),)))
    scene.select_cards([card.id])
    before = dict(window.inspector.where_else.rows)

    assert controller.do(PlaceCards((Spot(card.id, "journey", "use.pains", 212.0, 0.0),)))
    assert window.inspector.where_else.rows == before, "the same rows: nothing to make again"

    assert controller.do(PlaceCards((Spot(card.id, "journey", "use.doing", 0.0, 0.0),)))
    row = window.inspector.where_else.rows["journey"]
    assert isinstance(row, QPushButton) and row.text() == "▸ Journey · Use · Doing"
