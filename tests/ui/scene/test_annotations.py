"""What each model says, on the canvas: the same figures as canvas.core.analysis computes."""

from __future__ import annotations

from canvas.core.analysis import emotion_curve, opportunities, top_opportunities
from canvas.core.catalog import Catalog
from canvas.core.document import Document
from canvas.core.edits import EditCard
from canvas.ui.scene.scene import CanvasScene

from .workshop import card_id


def test_the_emotion_curve_is_the_analysis_curve(scene: CanvasScene, catalog: Catalog, document: Document) -> None:
    spec = catalog.get("journey")
    assert spec is not None and scene.backdrop is not None and scene.backdrop.curve is not None
    expected = emotion_curve(document, spec, None)
    assert scene.backdrop.curve.points == expected
    feeling = card_id(document, "Worried about getting tax codes wrong")
    assert [chip.text for chip in scene.cards.items[feeling].chips] == ["-2"]

    scene.apply_changes(EditCard(feeling, {"emotion": 1}).apply(document))
    assert scene.backdrop.curve.points == emotion_curve(document, spec, None)
    assert [chip.text for chip in scene.cards.items[feeling].chips] == ["+1"]


def test_outcomes_show_their_opportunity_and_the_top_three_are_starred(
    scene: CanvasScene, catalog: Catalog, document: Document
) -> None:
    scene.flip_to("jtbd", animate=False)
    spec = catalog.get("jtbd")
    assert spec is not None
    ranked = opportunities(document, spec)
    top = {found.card.id for found in top_opportunities(document, spec)}
    for found in ranked:
        item = scene.cards.items[found.card.id]
        assert item.chips[0].text == f"Opp {found.score:g}"
        assert item.top_opportunity == (found.card.id in top)
    best = ranked[0].card
    assert best.title == "Minimise the time to correct a wrong payslip"  # importance 9, satisfaction 2: 16

    scene.apply_changes(EditCard(best.id, {"importance": 2, "satisfaction": 9}).apply(document))
    assert not scene.cards.items[best.id].top_opportunity
    assert scene.cards.items[best.id].chips[0].text == "Opp 2"  # now the least of four
