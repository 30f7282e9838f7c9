"""The overview's colour numbers of cards: each card drawn far out in its kind's colour or its own, paler when it
belongs to the other side; a colour is numbered once in the overview's palette and found by a short key after."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence

from PySide6.QtGui import QColor

from canvas.core.model import Card
from canvas.ui.scene.items.overview import OverviewPalette
from canvas.ui.scene.style import Style, mix


class OverviewColours:
    """Colour numbers by key ("pain", "#ffcc00", "pain/dim"…), numbered in `palette` when first needed."""

    def __init__(self, style: Style, palette: OverviewPalette) -> None:
        self._style = style
        self._palette = palette
        self._numbers: dict[str, int] = {}

    def number(self, card: Card, dimmed: bool) -> int:
        """The colour number of one card."""
        base = card.colour or card.kind
        key = f"{base}/dim" if dimmed else base
        number = self._numbers.get(key)
        if number is None:
            if card.colour is not None:
                colour = mix(QColor(card.colour), QColor("#ffffff"), 0.2)
                colour = mix(colour, self._style.background, 0.7) if dimmed else colour
            else:
                look = self._style.kinds[card.kind]
                colour = (look.overview_dim if dimmed else look.overview).color()
            number = self._numbers[key] = self._palette.number(key, colour)
        return number

    def of(self, cards: Mapping[str, Card], dimmed: Collection[str], ids: Sequence[str]) -> list[int]:
        """The colour numbers of the cards `ids` (in that order), from their records; 0 for an id without one."""
        numbers = self._numbers
        if not all(map(cards.__contains__, ids)):
            # A card was deleted since these ids were gathered (its slot is hidden): worked out one by one.
            return [self.number(cards[card_id], card_id in dimmed) if card_id in cards else 0 for card_id in ids]
        placed = list(map(cards.__getitem__, ids))
        keys: list[str] = [card.colour or card.kind for card in placed]
        if dimmed:
            keys = [f"{key}/dim" if card_id in dimmed else key for key, card_id in zip(keys, ids, strict=True)]
        # A colour not numbered yet (all of them, as a canvas opens) is numbered once, from its first card.
        for key in set(keys).difference(numbers):
            at = keys.index(key)
            self.number(placed[at], ids[at] in dimmed)
        return list(map(numbers.__getitem__, keys))
