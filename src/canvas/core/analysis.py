"""What each model says: opportunity scores and the emotion curve, plus (re-exported, one place to import from)
the evidence gauge and the value-exchange analyses.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from canvas.core.analysis_evidence import (
    SUMMARY_SIDES,
    EvidenceCount,
    Gauge,
    evidence_gauge,
    evidence_summary,
    voice_visible,
    zone_visible,
)
from canvas.core.analysis_exchange import (
    Balance,
    auto_layout,
    exchange_balance,
    flow_graph,
    flows,
    network_cards,
    one_sided,
)
from canvas.core.document import Document
from canvas.core.frameworks import ModelSpec, grid_zone, split_grid_zone
from canvas.core.model import Card, ModelSettings


def opportunity_score(card: Card) -> float | None:
    """importance + max(importance − satisfaction, 0): high when an outcome matters and is badly served.
    None unless the card has both scores."""
    if card.importance is None or card.satisfaction is None:
        return None
    return float(card.importance + max(card.importance - card.satisfaction, 0))


@dataclass(frozen=True, slots=True)
class Opportunity:
    """A scored card in an outcome zone."""

    card: Card
    zone: str
    score: float


def opportunities(doc: Document, spec: ModelSpec) -> list[Opportunity]:
    """Every live card with both scores placed in a zone of `spec` that scores opportunity (e.g. jtbd outcomes),
    best first (ties: more important first, then by title)."""
    scoring = _scoring_zones(spec)
    found = []
    for card, zone in _placed_cards(doc, spec.id):
        if zone in scoring:
            score = opportunity_score(card)
            if score is not None:
                found.append(Opportunity(card, zone, score))
    found.sort(key=lambda o: (-o.score, -(o.card.importance or 0), o.card.title, o.card.id))
    return found


def top_opportunities(doc: Document, spec: ModelSpec, n: int = 3) -> list[Opportunity]:
    """The `n` best opportunities of `spec` (the ones the UI highlights)."""
    return opportunities(doc, spec)[:n]


def _scoring_zones(spec: ModelSpec) -> set[str]:
    if spec.regions is None:
        return set()
    return {region.id for region in spec.regions.regions if region.scores_opportunity}


def _placed_cards(doc: Document, model_id: str) -> Iterator[tuple[Card, str]]:
    for card_id, placement in doc.placements_in(model_id).items():
        card = doc.card(card_id)
        if card is not None:
            yield card, placement.zone


@dataclass(frozen=True, slots=True)
class CurvePoint:
    """The emotion curve above one column: the mean emotion (−2…+2) of the scored cards in the emotion row, or
    None when no card there has a score (the curve has a gap)."""

    column: str
    label: str
    emotion: float | None
    count: int


def emotion_curve(doc: Document, spec: ModelSpec, settings: ModelSettings | None) -> list[CurvePoint]:
    """One point per column of a grid with an emotion row (journey map: the Feeling lane); [] for other models."""
    if spec.grid is None or spec.grid.emotion_row is None:
        return []
    row = spec.grid.emotion_row
    columns = spec.columns(settings)
    scores: dict[str, list[int]] = {grid_zone(column.id, row): [] for column in columns}
    for card, zone in _placed_cards(doc, spec.id):
        if zone in scores and card.emotion is not None:
            scores[zone].append(card.emotion)
    points = []
    for column in columns:
        found = scores[grid_zone(column.id, row)]
        mean = sum(found) / len(found) if found else None
        points.append(CurvePoint(column.id, column.label, mean, len(found)))
    return points


@dataclass(frozen=True, slots=True)
class ColumnHeat:
    """Opportunity across a grid's columns (journey stages): scored cards placed anywhere in the column."""

    column: str
    label: str
    total: float
    best: float | None
    count: int


def opportunity_heat(doc: Document, spec: ModelSpec, settings: ModelSettings | None) -> list[ColumnHeat]:
    """Per column of a grid, the sum and best opportunity score of its cards that carry importance and
    satisfaction: outcomes scored in jobs-to-be-done, seen as a heat map over journey stages. [] for non-grids."""
    if spec.grid is None:
        return []
    columns = spec.columns(settings)
    scores: dict[str, list[float]] = {column.id: [] for column in columns}
    for card, zone in _placed_cards(doc, spec.id):
        column_id, _ = split_grid_zone(zone)
        score = opportunity_score(card)
        if score is not None and column_id in scores:
            scores[column_id].append(score)
    return [
        ColumnHeat(
            column.id,
            column.label,
            sum(scores[column.id]),
            max(scores[column.id], default=None),
            len(scores[column.id]),
        )
        for column in columns
    ]


__all__ = [
    "SUMMARY_SIDES",
    "Balance",
    "ColumnHeat",
    "CurvePoint",
    "EvidenceCount",
    "Gauge",
    "Opportunity",
    "auto_layout",
    "emotion_curve",
    "evidence_gauge",
    "evidence_summary",
    "exchange_balance",
    "flow_graph",
    "flows",
    "network_cards",
    "one_sided",
    "opportunities",
    "opportunity_heat",
    "opportunity_score",
    "top_opportunities",
    "voice_visible",
    "zone_visible",
]
