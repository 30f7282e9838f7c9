"""Flipping perspectives moves the same card items to their places in the other model; it is not an edit."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QStyleOptionGraphicsItem, QWidget
from pytestqt.qtbot import QtBot

from canvas.core.catalog import Catalog
from canvas.core.document import Document
from canvas.core.layout import SLOT_H, SLOT_W
from canvas.core.model import Canvas, Card, CardKind, Placement
from canvas.ui.scene import cards
from canvas.ui.scene.items.card import CardItem
from canvas.ui.scene.scene import CanvasScene
from canvas.ui.scene.view import CanvasView

from .workshop import card_id


def test_flip_moves_the_same_items_and_hides_the_unplaced(scene: CanvasScene, document: Document) -> None:
    items_before = dict(scene.cards.items)
    in_journey = {item.card_id: (item.x0, item.y0) for item in scene.cards.placed()}

    scene.flip_to("jtbd", animate=False)

    assert scene.model == "jtbd"
    assert scene.cards.items == items_before
    assert all(scene.cards.items[i] is items_before[i] for i in items_before), "a flip must not rebuild items"
    placed = set(document.placements_in("jtbd"))
    for card, item in scene.cards.items.items():
        assert item.placed == (card in placed)
        assert item.isVisible() == (card in placed)
    moved = next(iter(placed & in_journey.keys()))
    assert (scene.cards.items[moved].x0, scene.cards.items[moved].y0) != in_journey[moved]
    rect = scene.card_rect(moved)
    assert rect is not None and scene.zone_at(rect.center()) == document.placements_in("jtbd")[moved].zone


def test_flip_back_restores_the_journey_layout(scene: CanvasScene) -> None:
    before = {item.card_id: (item.x0, item.y0, item.zone) for item in scene.cards.placed()}
    scene.flip_to("value-exchange", animate=False)
    scene.flip_to("journey", animate=False)
    after = {item.card_id: (item.x0, item.y0, item.zone) for item in scene.cards.placed()}
    assert after == before
    assert all(item.pos().x() == item.x0 and item.pos().y() == item.y0 for item in scene.cards.placed())


def test_selection_survives_a_flip(scene: CanvasScene, document: Document) -> None:
    both = card_id(document, "Worried about getting tax codes wrong")
    scene.select_cards([both])
    changes: list[list[str]] = []
    scene.cardSelectionChanged.connect(changes.append)

    scene.flip_to("jtbd", animate=False)
    scene.flip_to("empathy", animate=False)

    assert scene.card_ids_selected() == [both]
    assert scene.cards.items[both].selected
    assert changes == []


def test_a_few_cards_flip_animated_and_land_exactly(qtbot: QtBot, scene: CanvasScene, document: Document) -> None:
    moving = card_id(document, "Worried about getting tax codes wrong")
    scene.cards.join_within(scene.cards.items)  # a view has shown every card
    scene.flip_to("jtbd")  # 38 cards: animated
    item = scene.cards.items[moving]
    assert scene.cards.mover.animating
    target = (item.x0, item.y0)
    assert (item.pos().x(), item.pos().y()) != target  # on its way

    qtbot.waitUntil(lambda: not scene.cards.mover.animating, timeout=2000)
    assert (item.pos().x(), item.pos().y()) == target


def test_a_flip_is_not_an_edit(scene: CanvasScene, document: Document) -> None:
    before = document.snapshot()
    moved: list[object] = []
    scene.cardsMoved.connect(moved.append)
    scene.flip_to("value-exchange", animate=False)
    assert document.snapshot() == before
    assert moved == []


def test_flipping_to_an_unknown_model_names_it(qtbot: QtBot, catalog: Catalog, document: Document) -> None:
    scene = CanvasScene(catalog)
    scene.show_document(document, "journey")
    with pytest.raises(ValueError, match=r"no model 'kano'.*journey"):
        scene.flip_to("kano")
    assert scene.model == "journey"


def test_a_flip_far_out_lands_every_card_when_zoomed_back_in(scene: CanvasScene, document: Document) -> None:
    scene.cards.join_within(scene.cards.items)  # a view has shown every card
    scene.set_detail(False)  # as a view does when zoomed far out
    scene.flip_to("jtbd", animate=False)
    assert not any(item.isVisible() for item in scene.cards.items.values())
    assert set(scene.cards.positions.within(-1e6, -1e6, 1e6, 1e6)) == set(document.placements_in("jtbd"))

    scene.set_detail(True)
    for item in scene.cards.items.values():
        assert item.isVisible() == item.placed
        if item.placed:
            assert (item.pos().x(), item.pos().y()) == (item.x0, item.y0)


def test_cards_flipped_away_and_back_are_not_painted_again(
    qtbot: QtBot, catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    painted: list[str] = []

    class CountedCard(CardItem):
        def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
            painted.append(self.card_id)
            super().paint(painter, option, widget)

    monkeypatch.setattr(cards, "CardItem", CountedCard)
    # Plain needs (no chip that changes with the model) in the first zone of each model, in different slots.
    needs = [Card(title=f"Need {n}", kind=CardKind.NEED) for n in range(24)]
    placements = [
        Placement(card_id=card.id, model=model, zone=zone, x=SLOT_W * (n % across), y=SLOT_H * (n // across))
        for model, across, zone in (("journey", 5, "aware.doing"), ("jtbd", 4, "main-job"))
        for n, card in enumerate(needs)
    ]
    document = Document.of(Canvas(title="Needs"), needs, placements)
    scene = CanvasScene(catalog)
    scene.show_document(document, "journey")
    view = CanvasView(scene)
    qtbot.addWidget(view)
    view.resize(1400, 900)
    view.show()
    qtbot.waitExposed(view)
    view.set_zoom(0.4231)  # a card covers a fractional number of pixels here

    def look_through(model: str) -> list[str]:
        painted.clear()
        scene.flip_to(model, animate=False)
        view.centerOn(scene.content_rect().center())
        view.grab()
        return painted[:]

    assert len(look_through("jtbd")) == 24  # the first look at this zoom paints the cards
    # Each card's picture at this zoom is kept wherever a flip puts it: later looks are drawn from them.
    for model in ("journey", "jtbd", "journey", "jtbd"):
        assert look_through(model) == [], model
