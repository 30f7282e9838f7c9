"""Which cards the other side's view dims: the same rule the evidence gauge counts by (canvas.core.analysis)."""

from __future__ import annotations

from canvas.core.analysis import voice_visible, zone_visible
from canvas.core.layout import ModelLayout
from canvas.core.model import Card, Side


def dims_card(layout: ModelLayout, card: Card, zone_id: str | None, side: Side | None) -> bool:
    """True if `card`, placed in zone `zone_id` (None: not placed), belongs to the other side: in a zone of that
    side, or, in a network, in that side's voice."""
    if side is None or zone_id is None:
        return False
    if layout.kind == "network":
        return not voice_visible(card.voice, side)
    zone = layout.zones.get(zone_id)
    return zone is not None and not zone_visible(zone.side, side)
