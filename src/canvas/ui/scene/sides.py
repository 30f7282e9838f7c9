"""Which cards the other side's view dims: the same rule the evidence gauge counts by (canvas.core.analysis)."""

from __future__ import annotations

from canvas.core.analysis import voice_visible, zone_visible
from canvas.core.layout import ModelLayout
from canvas.core.model import Side
from canvas.ui.scene.items.card import CardItem


def dims_card(layout: ModelLayout, item: CardItem, side: Side | None) -> bool:
    """True if `item` belongs to the other side: in a zone of that side, or, in a network, in that side's voice."""
    if side is None or not item.placed:
        return False
    if layout.kind == "network":
        return not voice_visible(item.card.voice, side)
    zone = layout.zones.get(item.zone) if item.zone is not None else None
    return zone is not None and not zone_visible(zone.side, side)
