"""The demo canvas tells one story through every built-in model, with evidence, scores and value flows."""

from __future__ import annotations

import math
from collections import Counter

import pytest

from canvas.core.analysis import emotion_curve, opportunity_score
from canvas.core.analysis_evidence import evidence_gauge
from canvas.core.analysis_exchange import one_sided
from canvas.core.catalog import Catalog, load_catalog
from canvas.core.demo import DEMO_CANVAS_ID, build_demo, card_id
from canvas.core.layout import CARD_H, CARD_W
from canvas.core.model import CardKind, Evidence, Voice
from canvas.core.validation import validate_document
from canvas.paths import builtin_models_dir


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog(builtin_models_dir(), None)


def test_the_demo_is_the_same_every_time() -> None:
    assert build_demo().snapshot() == build_demo().snapshot()
    assert build_demo().canvas.id == DEMO_CANVAS_ID


def test_it_has_a_workshop_sized_set_of_cards_of_every_kind_with_sources() -> None:
    demo = build_demo()
    cards = demo.live_cards()
    assert 40 <= len(cards) <= 60
    assert {card.kind for card in cards} == set(CardKind)
    assert sum(1 for card in cards if card.source) >= len(cards) - 2
    assert len({card.source for card in cards if card.source}) >= 6
    assert {card.voice for card in cards} == set(Voice)
    assert {card.evidence for card in cards} == set(Evidence)
    assert sum(1 for card in cards if card.votes) >= 8


def test_every_built_in_model_is_enabled_and_has_cards_placed(catalog: Catalog) -> None:
    demo = build_demo()
    built_in = list(catalog.models)
    assert list(demo.canvas.models) == built_in
    for model in built_in:
        assert demo.placements_in(model), f"nothing placed in {model}"


def test_every_placement_fits_the_models_of_the_catalog(catalog: Catalog) -> None:
    assert validate_document(build_demo(), catalog) == []


def test_no_two_cards_overlap_in_any_zone() -> None:
    demo = build_demo()
    for model in demo.canvas.models:
        placed = list(demo.placements_in(model).values())
        for i, first in enumerate(placed):
            for second in placed[i + 1 :]:
                if first.zone == second.zone:
                    overlap = abs(first.x - second.x) < CARD_W and abs(first.y - second.y) < CARD_H
                    assert not overlap, f"{first.card_id} and {second.card_id} overlap in {model} {first.zone}"


def test_the_journey_uses_every_stage_and_lane_and_its_feelings_dip_at_the_first_run(catalog: Catalog) -> None:
    demo = build_demo()
    journey = catalog.models["journey"]
    zones = {placement.zone for placement in demo.placements_in("journey").values()}
    assert journey.grid is not None
    assert {zone.split(".")[0] for zone in zones} == {column.id for column in journey.grid.columns}
    assert {zone.split(".")[1] for zone in zones} == {row.id for row in journey.grid.rows}

    curve = emotion_curve(demo, journey, None)
    assert all(point.emotion is not None for point in curve)
    lowest = min(curve, key=lambda point: point.emotion or 0.0)
    assert lowest.column == "use"
    assert demo.placement(card_id("first-run-panic"), "journey") is not None


def test_the_job_map_has_the_job_its_steps_forces_and_scored_outcomes() -> None:
    demo = build_demo()
    zones = Counter(placement.zone for placement in demo.placements_in("jtbd").values())
    assert zones["main-job"] == 1
    assert {"push", "pull", "anxiety", "habit"} <= set(zones)
    assert len({"define", "locate", "prepare", "confirm", "execute", "monitor", "modify", "conclude"} & set(zones)) == 8
    outcomes = [demo.cards[card] for card, p in demo.placements_in("jtbd").items() if p.zone == "outcomes"]
    assert len(outcomes) >= 4
    assert all(card.kind is CardKind.OUTCOME and opportunity_score(card) is not None for card in outcomes)


def test_the_value_exchange_has_five_actors_on_a_ring_and_a_one_sided_relationship() -> None:
    demo = build_demo()
    network = demo.placements_in("value-exchange")
    assert len(network) == 5
    assert all(demo.cards[card].kind is CardKind.ACTOR for card in network)
    for card, placement in network.items():
        for other, elsewhere in network.items():
            if card != other:
                assert math.dist((placement.x, placement.y), (elsewhere.x, elsewhere.y)) > math.hypot(CARD_W, CARD_H)

    flows = demo.live_links()
    assert 8 <= len(flows) <= 12
    assert {flow.tangible for flow in flows} == {True, False}
    assert (card_id("owner"), card_id("tax-authority")) in one_sided(demo, "value-exchange")


def test_the_evidence_gauge_shows_the_renew_stage_resting_on_guesses(catalog: Catalog) -> None:
    demo = build_demo()
    gauge = evidence_gauge(demo, catalog.models["journey"], None, None)
    renew = [gauge.zones[zone] for zone in gauge.zones if zone.startswith("renew.")]
    use = [gauge.zones[zone] for zone in gauge.zones if zone.startswith("use.")]
    renew_assumed = sum(count.assumptions for count in renew) / sum(count.total for count in renew)
    use_assumed = sum(count.assumptions for count in use) / sum(count.total for count in use)
    assert renew_assumed > 0.5 > use_assumed
