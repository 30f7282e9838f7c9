"""What each model says, shown on the canvas: emotion scores and the journey's curve, opportunity scores with the
top opportunities starred, and each actor's give/receive balance with one-sided flows in the warning colour.

The figures come from canvas.core.analysis; this module only turns them into chips on cards and marks on flows.
"""

from __future__ import annotations

from collections.abc import Mapping

from canvas.core.analysis import emotion_curve, exchange_balance, one_sided, opportunities
from canvas.core.document import Document
from canvas.core.frameworks import ModelSpec
from canvas.ui.scene.cards import CardLayer
from canvas.ui.scene.items.backdrop import Backdrop
from canvas.ui.scene.items.card import Chip
from canvas.ui.scene.items.link import FlowItem

#: How many of the best opportunities are starred.
TOP_OPPORTUNITIES = 3


def _emotion_chip(emotion: int) -> Chip:
    tone = "positive" if emotion > 0 else "negative" if emotion < 0 else "neutral"
    faces = {-2: "very unhappy", -1: "unhappy", 0: "neutral", 1: "happy", 2: "very happy"}
    return Chip(f"{emotion:+d}" if emotion else "±0", tone, f"Emotion {emotion:+d} ({faces[emotion]})")


class Annotator:
    """Keeps the chips of the current model's cards, its emotion curve and its one-sided flows up to date."""

    def __init__(self) -> None:
        self._annotated: set[str] = set()

    def refresh(
        self,
        document: Document,
        spec: ModelSpec,
        cards: CardLayer,
        backdrop: Backdrop,
        flows: Mapping[str, FlowItem],
    ) -> None:
        chips: dict[str, tuple[Chip, ...]] = {}
        top: set[str] = set()
        settings = document.model_settings(spec.id)
        if spec.grid is not None and spec.grid.emotion_row is not None:
            for card_id in document.placements_in(spec.id):
                card = document.card(card_id)
                if card is not None and card.emotion is not None and card_id in cards:
                    chips[card_id] = (_emotion_chip(card.emotion),)
            if backdrop.curve is not None:
                backdrop.curve.set_points(emotion_curve(document, spec, settings))
        if spec.regions is not None:
            ranked = opportunities(document, spec)
            for rank, found in enumerate(ranked):
                card = found.card
                tip = (
                    f"Opportunity {found.score:g} = importance {card.importance}"
                    f" + max(importance − satisfaction {card.satisfaction}, 0)"
                )
                tone = "top" if rank < TOP_OPPORTUNITIES else "opportunity"
                chips[card.id] = (Chip(f"Opp {found.score:g}", tone, tip),)
                if rank < TOP_OPPORTUNITIES:
                    top.add(card.id)
        if spec.network is not None:
            givers = {source for source, _ in one_sided(document, spec.id)}
            for card_id, balance in exchange_balance(document, spec.id).items():
                if not (balance.gives or balance.receives):
                    continue
                tone = "one-sided" if card_id in givers else "neutral"
                tip = (
                    f"Gives {balance.gives} ({balance.gives_tangible} tangible, {balance.gives_intangible} intangible),"
                    f" receives {balance.receives} ({balance.receives_tangible} tangible,"
                    f" {balance.receives_intangible} intangible)"
                )
                if card_id in givers:
                    tip += "\nGives to someone who gives nothing back."
                chips[card_id] = (Chip(f"↑{balance.gives} ↓{balance.receives}", tone, tip),)
            lonely = set(one_sided(document, spec.id))
            for flow in flows.values():
                flow.set_one_sided((flow.link.source, flow.link.target) in lonely)
        for card_id in self._annotated - chips.keys():
            item = cards.get(card_id)
            if item is not None:
                item.set_chips(())
        for card_id, card_chips in chips.items():
            item = cards.get(card_id)
            if item is not None:
                item.set_chips(card_chips, card_id in top)
        self._annotated = set(chips)
