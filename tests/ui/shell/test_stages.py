"""Journey stages per canvas: renaming, adding and reordering keep the cards; removing sends them to the tray."""

from __future__ import annotations

import pytest

from canvas.core.catalog import Catalog, load_catalog
from canvas.core.document import Document
from canvas.core.edits import AddCard, undo
from canvas.core.frameworks import ModelSpec
from canvas.core.model import Canvas, Card, Placement, ZoneLabel
from canvas.paths import builtin_models_dir
from canvas.ui.dialogs.stages import new_column_id, stage_columns, stages_edit


@pytest.fixture(scope="module")
def journey() -> ModelSpec:
    catalog: Catalog = load_catalog(builtin_models_dir(), None)
    spec = catalog.get("journey")
    assert spec is not None
    return spec


def test_a_new_stage_gets_a_readable_unique_id() -> None:
    assert new_column_id("After sales", ["use"]) == "after-sales"
    assert new_column_id("Use", ["use"]) == "use-2"
    assert new_column_id("¿?", []) == "stage"


def test_removing_a_stage_sends_its_cards_to_the_tray_and_undo_brings_both_back(journey: ModelSpec) -> None:
    document = Document.of(Canvas(title="Payroll onboarding"))
    card = Card(title="Renewal letter arrives too late")
    AddCard(card, (Placement(card_id=card.id, model="journey", zone="renew.touchpoints"),)).apply(document)
    columns = [column for column in stage_columns(journey, document) if column.id != "renew"]

    changes = stages_edit(document, journey, columns, "Remove stage").apply(document)

    assert [c.id for c in journey.columns(document.model_settings("journey"))][-1] == "use"
    assert document.placement(card.id, "journey") is None
    assert document.card(card.id) is not None
    undo(document, changes)
    assert document.placement(card.id, "journey") is not None
    assert [c.id for c in stage_columns(journey, document)][-1] == "renew"


def test_renaming_and_reordering_keep_every_card_in_place(journey: ModelSpec) -> None:
    document = Document.of(Canvas(title="Payroll onboarding"))
    card = Card(title="Compares three payroll tools")
    AddCard(card, (Placement(card_id=card.id, model="journey", zone="consider.doing"),)).apply(document)
    columns = stage_columns(journey, document)
    columns[1] = ZoneLabel(id="consider", label="Compare")
    columns.insert(0, columns.pop(1))

    stages_edit(document, journey, columns, "Change stages").apply(document)

    assert [(c.id, c.label) for c in stage_columns(journey, document)][:2] == [
        ("consider", "Compare"),
        ("aware", "Aware"),
    ]
    placement = document.placement(card.id, "journey")
    assert placement is not None and placement.zone == "consider.doing"
