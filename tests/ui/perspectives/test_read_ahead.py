"""A canvas opens with the model it shows read from the store; the other models are read after the first frame, and
whatever a person does before then (flip, select, see where else a card sits, move a card) works as on a canvas read
whole."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from canvas.core.document import Document
from canvas.core.edits import PlaceCards, Spot
from canvas.core.model import Canvas, Card, CardKind, Placement
from canvas.store.repository import Store
from canvas.ui.app import Desktop

from .gestures import shown


def workshop(store: Store) -> Document:
    canvas = Canvas(title="Read ahead", models=("journey", "jtbd", "value-exchange"))
    cards = [Card(title=f"Card {i}", kind=CardKind.PAIN) for i in range(6)]
    placements = [
        Placement(card_id=card.id, model="journey", zone="use.pains", x=212.0 * i) for i, card in enumerate(cards)
    ]
    placements += [Placement(card_id=cards[i].id, model="jtbd", zone="push", x=212.0 * i) for i in (0, 1, 2)]
    placements.append(Placement(card_id=cards[0].id, model="value-exchange", zone="network", x=300.0, y=200.0))
    document = Document.of(canvas, cards, placements)
    store.save_document(document)
    return document


def test_the_other_models_are_read_after_the_first_frame(
    qtbot: QtBot, desktop: Desktop, store_path: Path, store: Store
) -> None:
    document = workshop(store)
    window = desktop.open(store_path, document.canvas.id, "journey")
    opened = window.controller.document
    assert not opened.fully_read, "only the journey is read before the window shows"
    assert set(shown(window.view, list(document.cards))) == set(document.cards)

    window.resize(1600, 1000)
    window.show()
    qtbot.waitUntil(lambda: opened.fully_read, timeout=5000)
    assert opened.snapshot() == store.load(document.canvas.id).snapshot()
    assert not window.read_ahead.busy


def test_before_reading_ahead_a_flip_a_selection_and_a_move_see_every_model(
    qtbot: QtBot, desktop: Desktop, store_path: Path, store: Store
) -> None:
    document = workshop(store)
    window = desktop.open(store_path, document.canvas.id, "journey")  # never shown: nothing is read ahead
    controller, scene = window.controller, window.scene
    first = next(iter(document.cards))

    scene.select_cards([first])
    rows = window.inspector.where_else.rows
    assert isinstance(rows["jtbd"], QPushButton) and rows["jtbd"].text() == "→ Jobs · Push"
    assert isinstance(rows["value-exchange"], QPushButton)

    controller.set_model("jtbd")
    assert set(shown(window.view, list(document.cards))) == set(list(document.cards)[:3])
    window.perspective.tray.rebuild_now()
    assert set(window.perspective.tray.model.ids) == set(list(document.cards)[3:])

    assert controller.do(PlaceCards((Spot(first, "value-exchange", "network", 900.0, 40.0),)))
    stored = store.load(document.canvas.id)
    assert stored.placement(first, "value-exchange") == controller.document.placement(first, "value-exchange")
    assert stored.placement(first, "value-exchange") is not None
    assert stored.placement(first, "value-exchange").x == 900.0  # type: ignore[union-attr]
    assert controller.undo_stack.canUndo()
    controller.undo_stack.undo()
    assert store.load(document.canvas.id).snapshot() == controller.document.snapshot()
    assert controller.document.placement(first, "value-exchange") == document.placement(first, "value-exchange")
