"""What each model says, shown on the canvas: emotion scores and the journey's curve, opportunity scores with the
top opportunities starred, and each actor's give/receive balance with one-sided flows in the warning colour.

The figures come from canvas.core.analysis; this module only turns them into chips on cards and marks on flows.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping

from canvas.core.analysis import CurvePoint, Opportunity, exchange_balance, one_sided, opportunity_score
from canvas.core.document import Document
from canvas.core.frameworks import ModelSpec, grid_zone
from canvas.core.model import ModelSettings
from canvas.ui.scene.cards import CardLayer
from canvas.ui.scene.items.backdrop import Backdrop
from canvas.ui.scene.items.card import Chip
from canvas.ui.scene.items.link import FlowItem

#: How many of the best opportunities are starred.
TOP_OPPORTUNITIES = 3


def _annotated_zones(spec: ModelSpec, settings: ModelSettings | None) -> set[str]:
    """Zones whose cards carry what the model says: a grid's emotion row, the regions that score opportunity."""
    if spec.grid is not None and spec.grid.emotion_row is not None:
        return {grid_zone(column.id, spec.grid.emotion_row) for column in spec.columns(settings)}
    if spec.regions is not None:
        return {region.id for region in spec.regions.regions if region.scores_opportunity}
    return set()


def _opportunities(spec: ModelSpec, cards: CardLayer) -> list[Opportunity]:
    """analysis.opportunities, from the members of the scoring zones only (same scores, same order)."""
    assert spec.regions is not None
    found = []
    for region in spec.regions.regions:
        if region.scores_opportunity:
            for card_id in cards.members.get(region.id, ()):
                card = cards.card(card_id)
                score = opportunity_score(card)
                if score is not None:
                    found.append(Opportunity(card, region.id, score))
    found.sort(key=lambda o: (-o.score, -(o.card.importance or 0), o.card.title, o.card.id))
    return found


def _emotion_chip(emotion: int) -> Chip:
    tone = "positive" if emotion > 0 else "negative" if emotion < 0 else "neutral"
    faces = {-2: "very unhappy", -1: "unhappy", 0: "neutral", 1: "happy", 2: "very happy"}
    return Chip(f"{emotion:+d}" if emotion else "±0", tone, f"Emotion {emotion:+d} ({faces[emotion]})")


class Annotator:
    """Keeps the chips of the current model's cards, its emotion curve and its one-sided flows up to date."""

    def __init__(self) -> None:
        self._annotated: set[str] = set()
        #: Cards that sat in the annotated zones at the last refresh (the Feeling lane, the outcomes).
        self._scope: set[str] = set()

    def refresh(
        self,
        document: Document,
        spec: ModelSpec,
        cards: CardLayer,
        backdrop: Backdrop,
        flows: Mapping[str, FlowItem],
        touched: Collection[str] | None = None,
    ) -> None:
        """Recompute what the model says; with `touched` (the cards an edit changed), only if one of them is or
        was in an annotated zone (a network is always recomputed: it is small)."""
        zones = _annotated_zones(spec, document.model_settings(spec.id))
        if (
            touched is not None
            and spec.network is None
            and not any(i in self._scope or (i in cards and cards.zone_of(i) in zones) for i in touched)
        ):
            return
        self._scope = {card_id for zone in zones for card_id in cards.members.get(zone, ())}
        chips: dict[str, tuple[Chip, ...]] = {}
        top: set[str] = set()
        settings = document.model_settings(spec.id)
        if spec.grid is not None and spec.grid.emotion_row is not None:
            # The cards of the emotion row (the Feeling lane) carry the scores the curve is drawn from. The curve
            # is computed here from the row's members, by the rule of analysis.emotion_curve, which reads every
            # placement of the model (~100 ms at 50,000 cards, on every edit).
            row = spec.grid.emotion_row
            points = []
            for column in spec.columns(settings):
                scores = []
                for card_id in cards.members.get(grid_zone(column.id, row), ()):
                    emotion = cards.card(card_id).emotion
                    if emotion is not None:
                        chips[card_id] = (_emotion_chip(emotion),)
                        scores.append(emotion)
                mean = sum(scores) / len(scores) if scores else None
                points.append(CurvePoint(column.id, column.label, mean, len(scores)))
            backdrop.set_curve(points)
        if spec.regions is not None:
            for rank, found in enumerate(_opportunities(spec, cards)):
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
                chips[card_id] = (Chip(f"gives {balance.gives} · gets {balance.receives}", tone, tip),)
            lonely = set(one_sided(document, spec.id))
            for flow in flows.values():
                flow.set_one_sided((flow.link.source, flow.link.target) in lonely)
        for card_id in self._annotated - chips.keys():
            cards.set_chips(card_id, ())
        for card_id, card_chips in chips.items():
            cards.set_chips(card_id, card_chips, card_id in top)
        self._annotated = set(chips)
