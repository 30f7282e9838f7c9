"""The evidence gauge of the model shown, kept current from change sets without counting the whole map again.

Counting is `analysis.evidence_gauge` (one rule everywhere); an edit is followed by counting only the cards it
touched, once as they were and once as they are, and moving the difference into the totals.
"""

from __future__ import annotations

from dataclasses import dataclass

from canvas.core.analysis import EvidenceCount, Gauge, evidence_gauge
from canvas.core.document import ChangeSet, Document
from canvas.core.frameworks import ModelSpec
from canvas.core.model import Card, ModelSettings, Placement, Side

#: An edit touching more cards than this is followed by counting everything again (cheaper than two big subsets).
RECOUNT_ABOVE = 400


@dataclass
class EvidenceTally:
    """The gauge of one model of one document from one side. `follow` each change set after it is applied."""

    document: Document
    spec: ModelSpec
    side: Side | None
    gauge: Gauge

    @classmethod
    def count(cls, document: Document, spec: ModelSpec, side: Side | None) -> EvidenceTally:
        gauge = evidence_gauge(document, spec, document.model_settings(spec.id), side)
        return cls(document, spec, side, gauge)

    def recount(self) -> None:
        self.gauge = evidence_gauge(self.document, self.spec, self.document.model_settings(self.spec.id), self.side)

    def follow(self, changes: ChangeSet) -> None:
        """Bring the gauge up to date with `changes` (already applied to the document)."""
        model = self.spec.id
        cards_before: dict[str, Card | None] = {}
        placements_before: dict[str, Placement | None] = {}
        for change in changes:
            if change.table == ModelSettings.table and change.key == model:
                self.recount()  # the zones themselves changed (journey stages)
                return
            if change.table == Card.table:
                before = change.before
                cards_before.setdefault(change.key, before if isinstance(before, Card) else None)
            elif change.table == Placement.table:
                record = change.after or change.before
                if isinstance(record, Placement) and record.model == model:
                    before = change.before
                    placements_before.setdefault(record.card_id, before if isinstance(before, Placement) else None)
        touched = cards_before.keys() | placements_before.keys()
        if not touched:
            return
        if len(touched) > RECOUNT_ABOVE:
            self.recount()
            return
        document = self.document
        was, now = [], []
        for card_id in touched:
            card = cards_before[card_id] if card_id in cards_before else document.cards.get(card_id)
            placement = (
                placements_before[card_id] if card_id in placements_before else document.placement(card_id, model)
            )
            was.append((card, placement))
            now.append((document.cards.get(card_id), document.placement(card_id, model)))
        self.gauge = _add(self.gauge, self._subset(was), -1)
        self.gauge = _add(self.gauge, self._subset(now), +1)

    def _subset(self, records: list[tuple[Card | None, Placement | None]]) -> Gauge:
        """The gauge of just these cards (with their placements in this model), by the one counting rule."""
        cards = [card for card, placement in records if card is not None and placement is not None]
        placements = [placement for card, placement in records if card is not None and placement is not None]
        part = Document.of(self.document.canvas, cards, placements)
        return evidence_gauge(part, self.spec, self.document.model_settings(self.spec.id), self.side)


def _add(total: Gauge, part: Gauge, sign: int) -> Gauge:
    zones = dict(total.zones)
    for zone_id, count in part.zones.items():
        if count.total:
            zones[zone_id] = _plus(zones.get(zone_id, EvidenceCount()), count, sign)
    return Gauge(total.side, zones, _plus(total.overall, part.overall, sign))


def _plus(a: EvidenceCount, b: EvidenceCount, sign: int) -> EvidenceCount:
    return EvidenceCount(a.customer_evidence + sign * b.customer_evidence, a.assumptions + sign * b.assumptions)
