"""A model's layout and card places are kept between flips, and never outlive an edit: a card moved, placed, taken
out, added or deleted while another model is shown is where the document says when that model is shown again."""

from __future__ import annotations

from canvas.core.catalog import Catalog
from canvas.core.document import Document
from canvas.core.edits import AddCard, DeleteCards, PlaceCards, Spot, UnplaceCards
from canvas.core.layout import card_positions, layout_model
from canvas.core.model import Card, Placement
from canvas.ui.scene.scene import CanvasScene


def shown_as_document_says(scene: CanvasScene, document: Document, catalog: Catalog, model: str) -> None:
    spec = catalog.get(model)
    assert spec is not None
    placements = document.placements_in(model)
    layout = layout_model(spec, document.model_settings(model), placements)
    expected = card_positions(layout, placements)
    shown = {item.card_id: (item.x0, item.y0) for item in scene.cards.placed()}
    assert shown == expected
    # Items join the scene when a view is about to show them, at their spot; once in, flips move them.
    scene.cards.join_within(shown)
    assert all((item.pos().x(), item.pos().y()) == (item.x0, item.y0) for item in scene.cards.placed())
    assert scene.model_layout().bounds == layout.bounds


def test_edits_made_through_one_model_show_in_another_kept_since_the_last_flip(
    scene: CanvasScene, document: Document, catalog: Catalog
) -> None:
    scene.flip_to("jtbd", animate=False)
    scene.flip_to("journey", animate=False)  # both plans are kept now
    jtbd = document.placements_in("jtbd")
    moved = next(iter(jtbd))
    new = Card(title="Checks the payslip twice")
    steps = [
        PlaceCards((Spot(moved, "jtbd", jtbd[moved].zone, 3 * 212.0, 4 * 96.0),)),
        UnplaceCards((next(card for card in jtbd if card != moved),), "jtbd"),
        AddCard(new, (Placement(card_id=new.id, model="jtbd", zone="push"),)),
        DeleteCards((next(card for card in document.placements_in("jtbd") if card not in (moved, new.id)),)),
    ]
    for step in steps:
        scene.apply_changes(step.apply(document))
        scene.flip_to("jtbd", animate=False)
        shown_as_document_says(scene, document, catalog, "jtbd")
        scene.flip_to("journey", animate=False)
        shown_as_document_says(scene, document, catalog, "journey")
