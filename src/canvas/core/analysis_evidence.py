"""The evidence gauge: how much of what a side can see rests on customer evidence, and how much on assumptions."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from canvas.core.catalog import Catalog
from canvas.core.document import Document
from canvas.core.frameworks import ModelSpec
from canvas.core.model import ModelSettings, Side, Voice

# Customer evidence is a card in the customer's voice, observed with customers or reported by them
# (`Card.rests_on_customer_evidence`); everything else is an assumption. A map built on assumptions must look it.


@dataclass(frozen=True, slots=True)
class EvidenceCount:
    """Cards resting on customer evidence versus assumptions, among some visible cards."""

    customer_evidence: int = 0
    assumptions: int = 0

    @property
    def total(self) -> int:
        return self.customer_evidence + self.assumptions

    @property
    def share(self) -> float | None:
        """The share of customer evidence (0…1), or None when there is nothing to judge."""
        return self.customer_evidence / self.total if self.total else None

    def plus(self, other: EvidenceCount) -> EvidenceCount:
        return EvidenceCount(self.customer_evidence + other.customer_evidence, self.assumptions + other.assumptions)

    def as_dict(self) -> dict[str, Any]:
        share = None if self.share is None else round(self.share, 4)
        return {
            "customer_evidence": self.customer_evidence,
            "assumptions": self.assumptions,
            "total": self.total,
            "share": share,
        }


@dataclass(frozen=True, slots=True)
class Gauge:
    """The evidence gauge of one model seen from one side: per visible zone (all of them, empty ones too), and
    for the whole map."""

    side: Side | None
    zones: dict[str, EvidenceCount] = field(default_factory=dict)
    overall: EvidenceCount = EvidenceCount()


def zone_visible(zone_side: Side, side: Side | None) -> bool:
    """Whether a zone of `zone_side` is seen (not dimmed) from `side`. None or SHARED sees everything."""
    return side is None or side is Side.SHARED or zone_side is Side.SHARED or zone_side is side


def voice_visible(voice: Voice, side: Side | None) -> bool:
    """In a network model, a card is seen from a side when it speaks in that side's voice."""
    return side is None or side is Side.SHARED or voice.value == side.value


def evidence_gauge(doc: Document, spec: ModelSpec, settings: ModelSettings | None, side: Side | None) -> Gauge:
    """Count the live cards visible in `spec` from `side`: those placed in zones of that side or shared zones (in
    a network, those whose voice is that side). `side` None (or SHARED) counts every placed card."""
    zone_sides = {zone_id: zone.side for zone_id, zone in spec.zones(settings).items()}
    network = spec.network is not None
    visible = {zone_id for zone_id, zone_side in zone_sides.items() if network or zone_visible(zone_side, side)}
    evidence = dict.fromkeys(visible, 0)
    assumptions = dict.fromkeys(visible, 0)
    for card_id, placement in doc.placements_in(spec.id).items():
        if placement.zone not in visible:
            continue
        card = doc.card(card_id)
        if card is None or (network and not voice_visible(card.voice, side)):
            continue
        if card.rests_on_customer_evidence:
            evidence[placement.zone] += 1
        else:
            assumptions[placement.zone] += 1
    zones = {
        zone_id: EvidenceCount(evidence[zone_id], assumptions[zone_id]) for zone_id in zone_sides if zone_id in visible
    }
    overall = EvidenceCount(sum(evidence.values()), sum(assumptions.values()))
    return Gauge(side, zones, overall)


#: The sides `evidence_summary` reports, by the name it reports them under.
SUMMARY_SIDES: dict[str, Side | None] = {"customer": Side.CUSTOMER, "organization": Side.ORGANIZATION, "all": None}


def evidence_summary(doc: Document, catalog: Catalog) -> dict[str, Any]:
    """For `canvas show --json`: per enabled model (known to the catalog) and side, the gauge figures and the
    figures of every zone holding at least one visible card.

    {"journey": {"customer": {"customer_evidence": 3, "assumptions": 5, "total": 8, "share": 0.375,
                              "zones": {"use.pains": {...}}}, "organization": {...}, "all": {...}}, ...}
    """
    summary: dict[str, Any] = {}
    for model_id in dict.fromkeys(doc.canvas.models):
        spec = catalog.get(model_id)
        if spec is None:
            continue
        settings = doc.model_settings(model_id)
        per_side: dict[str, Any] = {}
        for name, side in SUMMARY_SIDES.items():
            gauge = evidence_gauge(doc, spec, settings, side)
            per_side[name] = {
                **gauge.overall.as_dict(),
                "zones": {zone_id: count.as_dict() for zone_id, count in gauge.zones.items() if count.total},
            }
        summary[model_id] = per_side
    return summary


__all__ = [
    "SUMMARY_SIDES",
    "EvidenceCount",
    "Gauge",
    "evidence_gauge",
    "evidence_summary",
    "voice_visible",
    "zone_visible",
]
