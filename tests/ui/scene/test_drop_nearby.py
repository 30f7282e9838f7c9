"""A drop in a zone of thousands of cards looks only at the cards near it, and lands exactly where looking at the
whole zone would have put it: in the nearest free slot, on no other card."""

from __future__ import annotations

import random

from canvas.core.catalog import Catalog
from canvas.core.document import Document
from canvas.core.layout import CARD_H, CARD_W, SLOT_H, SLOT_W, layout_model, slot_offset, snap
from canvas.core.model import Canvas, Card, Placement
from canvas.ui.scene.cards import targets_in
from canvas.ui.scene.dropping import drop_spot, drop_spots, occupied_in
from canvas.ui.scene.positions import CardPositions


def crowded(catalog: Catalog, count: int, holes: set[int]) -> Document:
    """`count` slots of the journey's Use · Pains zone, 20 across, all filled but the `holes`."""
    cards = [Card(title=f"card {i}") for i in range(count)]
    placements = [
        Placement(card_id=card.id, model="journey", zone="use.pains", x=x, y=y)
        for i, card in enumerate(cards)
        if i not in holes
        for x, y in [slot_offset(i, 20)]
    ]
    return Document.of(Canvas(title="Crowded"), cards, placements)


def test_drops_near_few_or_far_holes_land_where_the_whole_zone_says(catalog: Catalog) -> None:
    rng = random.Random(7)
    spec = catalog.get("journey")
    assert spec is not None
    for round_ in range(12):
        holes = {rng.randrange(2000) for _ in range(rng.choice([1, 3, 40]))}
        document = crowded(catalog, 2000, holes)
        placements = document.placements_in("journey")
        layout = layout_model(spec, None, placements)
        targets = targets_in(layout, placements)
        ids = list(targets)
        positions = CardPositions.of(ids, [targets[i][1] for i in ids], [targets[i][2] for i in ids], [0] * len(ids))
        members = {"use.pains": set(ids)}
        zone = layout.zones["use.pains"]
        moving = ids[rng.randrange(len(ids))]
        x = zone.origin[0] + rng.uniform(0, 19) * SLOT_W
        y = zone.origin[1] + rng.uniform(0, 99) * SLOT_H

        spot = drop_spot(layout, document, members, moving, (x + CARD_W / 2, y + CARD_H / 2), positions)
        whole = snap(layout, "use.pains", x, y, occupied_in(document, "journey", members, "use.pains", {moving}))
        assert (spot.x, spot.y) == whole, f"round {round_}"

        group = [(card_id, x + i * 30.0, y + i * 20.0) for i, card_id in enumerate(rng.sample(ids, 3))]
        quick = drop_spots(layout, document, members, group, (x, y), positions)
        slow = drop_spots(layout, document, members, group, (x, y))
        assert quick == slow, f"round {round_}"
        assert len({(s.x, s.y) for s in quick}) == 3
