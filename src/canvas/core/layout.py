"""Pure geometry of a model view: card size, slots in a zone, and (to grow) zone rectangles. No Qt.

A placement's (x, y) is the card's top-left offset from its zone's content origin. Cards sit on a slot grid
of pitch SLOT_W × SLOT_H so they never pile up unreadably.
"""

from __future__ import annotations

CARD_W = 200.0
CARD_H = 84.0
GAP = 12.0
SLOT_W = CARD_W + GAP
SLOT_H = CARD_H + GAP
#: Slots across a zone by default (a zone grows downwards, and wider when content asks for it).
ZONE_SLOTS_ACROSS = 2


def slot_offset(index: int, across: int = ZONE_SLOTS_ACROSS) -> tuple[float, float]:
    """Offset of the `index`-th slot of a zone, filling rows of `across` slots."""
    return (index % across) * SLOT_W, (index // across) * SLOT_H
