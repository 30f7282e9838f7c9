"""The gauge kept from change sets equals the gauge counted afresh (`analysis.evidence_gauge`) after every kind of
edit, its undo and its redo: cards added, re-voiced, re-evidenced, moved across sides, unplaced, deleted, stages
removed, batches larger than the follow limit."""

from __future__ import annotations

import random

import pytest

from canvas.core.analysis import evidence_gauge
from canvas.core.catalog import Catalog
from canvas.core.document import ChangeSet, Document
from canvas.core.edits import AddCard, Batch, DeleteCards, Edit, EditCard, PlaceCards, SetColumns, Spot, UnplaceCards
from canvas.core.model import Canvas, Card, CardKind, Evidence, Placement, Side, Voice, ZoneLabel
from canvas.ui.evidence_tally import RECOUNT_ABOVE, EvidenceTally

MODELS = ("journey", "jtbd", "value-exchange")


def random_edit(rng: random.Random, document: Document, catalog: Catalog) -> Edit:
    live = [card.id for card in document.live_cards()]
    # Adding is the most common step, so the canvas grows while everything else happens to it.
    draw = rng.random()
    choice = next(i for i, limit in enumerate((0.35, 0.45, 0.55, 0.75, 0.85, 0.93, 1.01)) if draw < limit)
    if choice == 0 or not live:
        card = Card(
            title=f"card {rng.randrange(10**6)}",
            kind=rng.choice(list(CardKind)),
            voice=rng.choice(list(Voice)),
            evidence=rng.choice(list(Evidence)),
        )
        placements = []
        for model in MODELS:
            if rng.random() < 0.6:
                zone = rng.choice(list(catalog.models[model].zones(document.model_settings(model))))
                placements.append(Placement(card_id=card.id, model=model, zone=zone, x=rng.randrange(4) * 212.0))
        return AddCard(card, tuple(placements))
    card_id = rng.choice(live)
    if choice == 1:
        return EditCard(card_id, {"voice": rng.choice(list(Voice))})
    if choice == 2:
        return EditCard(card_id, {"evidence": rng.choice(list(Evidence))})
    if choice == 3:
        model = rng.choice(MODELS)
        zone = rng.choice(list(catalog.models[model].zones(document.model_settings(model))))
        return PlaceCards((Spot(card_id, model, zone, 0.0, rng.randrange(6) * 96.0),))
    if choice == 4:
        placed = [model for model in MODELS if document.placement(card_id, model) is not None]
        if placed:
            return UnplaceCards((card_id,), rng.choice(placed))
        return EditCard(card_id, {"title": "renamed"})
    if choice == 5:
        return DeleteCards((card_id,))
    stages = ("aware", "consider", "signup", "onboard", "use", "renew")
    kept = [stage for stage in stages if rng.random() < 0.7] or ["use"]
    columns = tuple(ZoneLabel(id=stage, label=stage.capitalize()) for stage in kept)
    return Batch([SetColumns("journey", columns)], name="stages")


@pytest.mark.parametrize("side", [None, Side.CUSTOMER, Side.ORGANIZATION])
@pytest.mark.parametrize("model", MODELS)
def test_the_kept_gauge_equals_a_fresh_count_after_every_edit_undo_and_redo(
    catalog: Catalog, model: str, side: Side | None
) -> None:
    rng = random.Random(f"{model}-{side}")
    document = Document.of(Canvas(title="Tally"))
    spec = catalog.models[model]
    tally = EvidenceTally.count(document, spec, side)
    history: list[ChangeSet] = []
    largest = 0

    def fresh() -> dict[str, object]:
        gauge = evidence_gauge(document, spec, document.model_settings(model), side)
        return {"overall": gauge.overall, "zones": {z: c for z, c in gauge.zones.items() if c.total}}

    def kept() -> dict[str, object]:
        return {"overall": tally.gauge.overall, "zones": {z: c for z, c in tally.gauge.zones.items() if c.total}}

    for step in range(250):
        changes = random_edit(rng, document, catalog).apply(document)
        tally.follow(changes)
        history.append(changes)
        assert kept() == fresh(), f"after step {step}"
        largest = max(largest, tally.gauge.overall.total)
        if rng.random() < 0.2:
            undone = history.pop().inverted()
            document.apply_changes(undone)
            tally.follow(undone)
            assert kept() == fresh(), f"after undoing step {step}"
            document.apply_changes(undone.inverted())
            tally.follow(undone.inverted())
            assert kept() == fresh(), f"after redoing step {step}"
    assert len(document.live_cards()) > 30, "the random canvas held enough cards to mean something"
    # Jobs-to-be-done has no zone on the organization's side: nothing is visible from there, as it should be.
    assert largest >= 5 or (model, side) == ("jtbd", Side.ORGANIZATION)


def test_a_change_set_larger_than_the_limit_is_counted_afresh(catalog: Catalog) -> None:
    document = Document.of(Canvas(title="Big paste"))
    spec = catalog.models["journey"]
    tally = EvidenceTally.count(document, spec, Side.CUSTOMER)
    edits: list[Edit] = []
    for index in range(RECOUNT_ABOVE + 10):
        card = Card(title=f"card {index}", evidence=Evidence.OBSERVED if index % 2 else Evidence.ASSUMED)
        edits.append(AddCard(card, (Placement(card_id=card.id, model="journey", zone="use.pains"),)))
    tally.follow(Batch(edits, name="paste").apply(document))
    assert tally.gauge.overall.customer_evidence == (RECOUNT_ABOVE + 10) // 2
    assert tally.gauge == evidence_gauge(document, spec, None, Side.CUSTOMER)
