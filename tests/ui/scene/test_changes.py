"""The scene mirrors the document: each change set updates only the items whose records changed."""

from __future__ import annotations

from PySide6.QtCore import QPointF
from pytestqt.qtbot import QtBot

from canvas.core.document import Document
from canvas.core.edits import AddCard, AddLink, DeleteCards, EditCard, PlaceCards, SetColumns, Spot, UnplaceCards, undo
from canvas.core.layout import SLOT_H, SLOT_W
from canvas.core.model import Card, CardKind, Link, Placement, ZoneLabel
from canvas.ui.scene.scene import CanvasScene
from canvas.ui.scene.view import CanvasView

from .workshop import card_id


def test_editing_a_title_changes_that_card_only(scene: CanvasScene, document: Document) -> None:
    target = card_id(document, "Compares three payroll providers on price")
    records = {card: item.card for card, item in scene.cards.items.items()}
    positions = {card: (item.x0, item.y0) for card, item in scene.cards.items.items()}

    scene.apply_changes(EditCard(target, {"title": "Compares four providers"}).apply(document))

    item = scene.cards.items[target]
    assert item.card.title == "Compares four providers"
    assert "Compares four providers" in item.tooltip()
    assert [card for card, it in scene.cards.items.items() if it.card is not records[card]] == [target]
    assert {card: (it.x0, it.y0) for card, it in scene.cards.items.items()} == positions


def test_added_placed_and_deleted_cards_appear_move_and_disappear(scene: CanvasScene, document: Document) -> None:
    card = Card(title="Calls the bank to ask about the cut-off", kind=CardKind.SITUATION)
    scene.apply_changes(AddCard(card).apply(document))
    assert card.id in scene.cards and not scene.cards.items[card.id].placed  # waits in the tray

    scene.apply_changes(PlaceCards((Spot(card.id, "journey", "use.doing", 0.0, SLOT_H),)).apply(document))
    item = scene.cards.items[card.id]
    zone = scene.model_layout().zones["use.doing"]
    assert item.placed and item.isVisible() and item.zone == "use.doing"
    assert item.pos() == QPointF(zone.origin[0], zone.origin[1] + SLOT_H)
    assert scene.card_at(QPointF(zone.origin[0] + 5, zone.origin[1] + SLOT_H + 5)) == card.id

    scene.select_cards([card.id])
    selections: list[list[str]] = []
    scene.cardSelectionChanged.connect(selections.append)
    scene.apply_changes(DeleteCards((card.id,)).apply(document))
    assert card.id not in scene.cards
    assert scene.card_ids_selected() == [] and selections == [[]]
    assert scene.card_at(QPointF(zone.origin[0] + 5, zone.origin[1] + SLOT_H + 5)) is None


def test_unplacing_sends_a_card_to_the_tray_and_undo_brings_it_back(scene: CanvasScene, document: Document) -> None:
    card = card_id(document, "Collect hours from the team")
    before = (scene.cards.items[card].x0, scene.cards.items[card].y0)
    changes = UnplaceCards((card,), "journey").apply(document)
    scene.apply_changes(changes)
    assert not scene.cards.items[card].placed and not scene.cards.items[card].isVisible()

    scene.apply_changes(undo(document, changes))
    assert scene.cards.items[card].placed and (scene.cards.items[card].x0, scene.cards.items[card].y0) == before


def test_a_zone_that_grows_moves_the_rows_below(scene: CanvasScene, document: Document) -> None:
    below = card_id(document, "Hears about us from her accountant")  # aware.doing, row 0
    lower = card_id(document, "Support checks bank details by hand")  # signup.backstage, last row
    layout_before = scene.model_layout()
    y_lower = scene.cards.items[lower].y0
    scene.cards.join(scene.cards.items[lower])  # in the scene, as when a view shows it: it is moved, not just told
    first_backdrop = scene.backdrop
    new = Card(title="A long story in the Thinking lane")
    AddCard(new).apply(document)
    changes = PlaceCards((Spot(new.id, "journey", "use.thinking", 0.0, 6 * SLOT_H),)).apply(document)
    scene.apply_changes(AddCard(Card(title="x")).apply(document).then(changes))

    grown = scene.model_layout()
    assert grown.zones["use.thinking"].rect.h > layout_before.zones["use.thinking"].rect.h
    assert scene.backdrop is not first_backdrop
    assert scene.cards.items[lower].y0 > y_lower
    assert scene.cards.items[lower].pos().y() == scene.cards.items[lower].y0
    assert scene.cards.items[below].y0 == layout_before.zones["aware.doing"].origin[1]


def test_new_stages_rebuild_the_backdrop(scene: CanvasScene, document: Document) -> None:
    stages = (ZoneLabel(id="aware", label="Notice"), ZoneLabel(id="use", label="Run payroll"))
    scene.apply_changes(SetColumns("journey", stages).apply(document))
    assert scene.backdrop is not None
    assert [header.header.label for header in scene.backdrop.headers if header.header.kind == "column"] == [
        "Notice",
        "Run payroll",
    ]
    placed_zones = {item.zone for item in scene.cards.placed()}
    assert placed_zones <= set(scene.model_layout().zones)


def test_flows_follow_links_in_the_value_exchange(scene: CanvasScene, document: Document) -> None:
    scene.flip_to("value-exchange", animate=False)
    assert len(scene.flows.items) == len(document.live_links())
    owner = card_id(document, "Small-business owner")
    authority = card_id(document, "Tax authority")
    link = Link(source=authority, target=owner, label="fines")
    scene.apply_changes(AddLink(link).apply(document))
    assert link.id in scene.flows.items
    # The owner now receives from the authority and gives nothing back to it: a one-sided flow.
    assert scene.flows.items[link.id].one_sided
    chip = scene.cards.items[authority].chips[0]
    assert (chip.text, chip.tone) == ("gives 1 · gets 1", "one-sided")  # gives fines, receives the tax report

    scene.flip_to("journey", animate=False)
    assert scene.flows.items == {}


def test_a_zone_a_card_left_shrinks_a_moment_later(qtbot: QtBot, scene: CanvasScene, document: Document) -> None:
    far = Card(title="Far down the Thinking lane")
    scene.apply_changes(
        AddCard(far, (Placement(card_id=far.id, model="journey", zone="use.thinking", y=6 * SLOT_H),)).apply(document)
    )
    tall = scene.model_layout().zones["use.thinking"].rect.h

    scene.apply_changes(PlaceCards((Spot(far.id, "journey", "use.thinking", SLOT_W, 0.0),)).apply(document))
    assert scene.cards.items[far.id].zone == "use.thinking"  # placed at once

    qtbot.waitUntil(lambda: scene.model_layout().zones["use.thinking"].rect.h < tall, timeout=2000)
    zone = scene.model_layout().zones["use.thinking"]
    assert scene.cards.items[far.id].pos() == QPointF(zone.origin[0] + SLOT_W, zone.origin[1])


def test_a_card_moved_away_from_every_edge_lays_nothing_out_again(
    qtbot: QtBot, scene: CanvasScene, document: Document
) -> None:
    far = Card(title="Far down the Thinking lane")
    scene.apply_changes(
        AddCard(far, (Placement(card_id=far.id, model="journey", zone="use.thinking", y=6 * SLOT_H),)).apply(document)
    )
    near = card_id(document, "Hears about us from her accountant")  # aware.doing, the first slot
    qtbot.wait(10)  # whatever the addition left to do
    layout = scene.model_layout()

    scene.apply_changes(PlaceCards((Spot(near, "journey", "use.thinking", SLOT_W, SLOT_H),)).apply(document))
    qtbot.wait(10)

    assert scene.model_layout() is layout, "no zone can have changed: the layout is kept"
    zone, item = layout.zones["use.thinking"], scene.cards.items[near]
    assert (item.x0, item.y0) == (zone.origin[0] + SLOT_W, zone.origin[1] + SLOT_H)


def test_items_are_made_for_the_cards_a_view_shows_and_the_overview_colours_the_rest(
    qtbot: QtBot, scene: CanvasScene, document: Document
) -> None:
    assert scene.cards.items.made == {}, "showing a document makes no card item"
    view = CanvasView(scene)
    qtbot.addWidget(view)
    view.resize(800, 600)
    view.show()
    qtbot.waitExposed(view)
    view.set_zoom(0.5)
    view.grab()
    made = set(scene.cards.items.made)
    assert made and made < set(scene.cards.items), "the cards in view have items, not all of them"
    # A card deleted before the overview first drew: the overview's colours are worked out without it.
    gone = next(card for card in document.placements_in("journey") if card not in made)
    scene.apply_changes(DeleteCards((gone,)).apply(document))
    assert gone not in scene.cards
    view.set_zoom(0.05)
    view.grab()
    positions = scene.cards.positions
    shown = positions.shown[: positions.used]
    assert shown.sum() == sum(len(held) for held in scene.cards.members.values())
    assert (positions.colours[: positions.used][shown] > 0).all(), "every shown card has its colour"
