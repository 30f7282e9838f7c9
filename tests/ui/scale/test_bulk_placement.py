"""Many cards placed at once fill a zone's rows, so the zone stays about as wide as it is tall: a paste of
thousands of lines and suggested placements for thousands of cards waiting in the tray."""

from __future__ import annotations

from canvas.core.catalog import Catalog
from canvas.core.document import Document
from canvas.core.edits import PlaceCards
from canvas.core.layout import CARD_H, CARD_W, SLOT_H, SLOT_W, layout_model
from canvas.core.model import Canvas, Card
from canvas.ui.clipboard import clip_from_text, paste_edit
from canvas.ui.suggest import suggested_spots

LINES = 2_000


def assert_square_and_apart(catalog: Catalog, document: Document, model: str, zone: str) -> None:
    spec = catalog.get(model)
    assert spec is not None
    placements = document.placements_in(model)
    box = layout_model(spec, document.model_settings(model), placements).zones[zone]
    assert 0.4 < box.rect.w / box.rect.h < 2.5, f"{zone} is {box.rect.w:.0f} wide and {box.rect.h:.0f} tall"
    offsets = {(p.x, p.y) for p in placements.values() if p.zone == zone}
    assert len(offsets) == sum(1 for p in placements.values() if p.zone == zone), "no two cards in one slot"
    assert all(x % SLOT_W == 0 and y % SLOT_H == 0 for x, y in offsets), "every card on a slot"
    assert max(x for x, _ in offsets) + CARD_W <= box.content.w and max(y for _, y in offsets) + CARD_H <= box.content.h


def test_a_paste_of_thousands_of_lines_fills_the_zone_row_by_row(catalog: Catalog) -> None:
    document = Document.of(Canvas(title="Interview notes"))
    clip = clip_from_text("\n".join(f"Quote {n} from the interviews" for n in range(LINES)))
    assert clip is not None and len(clip.cards) == LINES
    spec = catalog.get("journey")
    assert spec is not None
    zone = layout_model(spec, None, {}).zones["use.pains"].rect
    edit, new_ids = paste_edit(document, catalog, clip, "journey", (zone.x + 40.0, zone.y + 40.0))
    edit.apply(document)

    assert len(new_ids) == LINES and set(document.placements_in("journey")) == set(new_ids)
    assert {p.zone for p in document.placements_in("journey").values()} == {"use.pains"}
    assert_square_and_apart(catalog, document, "journey", "use.pains")


def test_suggested_placements_for_thousands_of_waiting_cards_fill_zones_row_by_row(catalog: Catalog) -> None:
    cards = [Card(title=f"Push {n}") for n in range(LINES)]
    document = Document.of(Canvas(title="Interview notes"), cards)
    spec = catalog.get("jtbd")
    assert spec is not None
    spots = suggested_spots(document, spec, {card.id: "push" for card in cards})
    PlaceCards(spots).apply(document)
    assert_square_and_apart(catalog, document, "jtbd", "push")
