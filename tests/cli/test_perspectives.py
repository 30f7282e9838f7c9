"""Perspectives from the terminal: `canvas show --json` reports each model's tray and the evidence gauge per model
and side, and `canvas open --model M --side S --screenshot` shows the window from that side (and remembers it)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from canvas.core.analysis import evidence_summary
from canvas.core.catalog import load_catalog
from canvas.core.demo import DEMO_CANVAS_ID
from canvas.paths import builtin_models_dir
from canvas.store.repository import open_store

from .conftest import Canvas

pytestmark = pytest.mark.slow  # one Python process per command


def test_show_json_reports_trays_and_the_evidence_per_model_and_side(canvas: Canvas, store_path: Path) -> None:
    assert canvas("demo").code == 0
    shown = canvas("show", DEMO_CANVAS_ID, "--json").json()
    with open_store(store_path) as store:
        document = store.load(DEMO_CANVAS_ID)
    catalog = load_catalog(builtin_models_dir(), None)

    assert shown["evidence"] == evidence_summary(document, catalog)
    assert list(shown["evidence"]) == list(document.canvas.models)
    journey = shown["evidence"]["journey"]
    assert set(journey) == {"customer", "organization", "all"}
    # By hand, from the demo's own records: the organization sees its lanes and the shared touchpoints.
    spec = catalog.models["journey"]
    sides = {zone_id: zone.side.value for zone_id, zone in spec.zones(document.model_settings("journey")).items()}
    seen = [
        document.cards[card_id]
        for card_id, placement in document.placements_in("journey").items()
        if sides[placement.zone] in ("organization", "shared")
    ]
    evidence = sum(1 for card in seen if card.rests_on_customer_evidence)
    assert journey["organization"]["customer_evidence"] == evidence
    assert journey["organization"]["assumptions"] == len(seen) - evidence
    assert journey["organization"]["total"] == len(seen)
    assert journey["all"]["total"] == len(document.placements_in("journey"))
    # Jobs-to-be-done is all the customer's: nothing to weigh from the organization's side.
    assert shown["evidence"]["jtbd"]["organization"]["total"] == 0

    for model, waiting in shown["tray"].items():
        assert set(waiting) == {card.id for card in document.unplaced_in(model)}
        placed = {card["id"] for card in shown["cards"] if model in card["placements"]}
        assert placed.isdisjoint(waiting) and len(placed) + len(waiting) == len(shown["cards"])

    text = canvas("show", DEMO_CANVAS_ID).out
    assert "Evidence (customer evidence of the cards each side sees):" in text
    figures = journey["organization"]
    assert f"organization {figures['customer_evidence']} of {figures['total']}" in text


def test_open_side_screenshot_shows_and_remembers_that_side(canvas: Canvas, store_path: Path, tmp_path: Path) -> None:
    assert canvas("demo").code == 0
    pictures = {}
    for side in ("customer", "organization"):
        out = tmp_path / f"journey-{side}.png"
        done = canvas("open", DEMO_CANVAS_ID, "--model", "journey", "--side", side, "--screenshot", str(out))
        assert done.code == 0, done.err
        image = QImage(str(out))
        assert (image.width(), image.height()) == (1600, 1000)
        pictures[side] = image
        with open_store(store_path) as store:
            remembered = store.get_state(f"ui.view.{DEMO_CANVAS_ID}")
        assert isinstance(remembered, dict)
        assert (remembered["model"], remembered["side"]) == ("journey", side)
    assert pictures["customer"] != pictures["organization"], "the other side's lanes are dimmed"
