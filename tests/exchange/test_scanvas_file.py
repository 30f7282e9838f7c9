"""The native .scanvas file: deterministic bytes, every record carried, models travel with it, versions guarded."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import pytest

from canvas.core.document import Document
from canvas.core.edits import DeleteCards, EditCard, PlaceCards, Spot
from canvas.core.frameworks import ModelSpec, RegionSpec, RegionsSpec
from canvas.core.model import Canvas, Card, Link, ModelSettings, Placement
from canvas.exchange.limits import FileRejected
from canvas.exchange.migrations import upgrade
from canvas.exchange.scanvas import ENTRY_TYPES, FORMAT, VERSION, json_schema_text
from canvas.exchange.scanvas_read import read_scanvas
from canvas.exchange.scanvas_write import MissingModels, write_scanvas

from .samples import clone, workshop

DOCS = Path(__file__).resolve().parents[2] / "docs"


def shuffled(document: Document) -> Document:
    """The same canvas with its records held in another order (as a store might load them)."""
    rng = random.Random(7)
    cards, placements, links = (
        list(document.cards.values()),
        list(document.placements.values()),
        list(document.links.values()),
    )
    rng.shuffle(cards)
    rng.shuffle(placements)
    rng.shuffle(links)
    return Document.of(document.canvas, cards, placements, links, reversed(document.settings.values()))


def test_the_same_canvas_always_gives_the_same_bytes(models: dict[str, ModelSpec]) -> None:
    canvas = workshop()
    first = write_scanvas(canvas, models)

    assert write_scanvas(shuffled(canvas), models) == first
    assert write_scanvas(clone(canvas), models) == first
    reread = read_scanvas(first, "workshop.scanvas")
    assert write_scanvas(reread.document, reread.models) == first


def test_the_file_is_readable_json_with_the_marker_first_and_one_record_per_line(
    models: dict[str, ModelSpec],
) -> None:
    canvas = workshop()
    card = canvas.live_cards()[0]
    EditCard(card.id, {"title": "Lønn på søndag — «igjen»"}).apply(canvas)
    text = write_scanvas(canvas, models).decode("utf-8")

    lines = text.splitlines()
    assert lines[:3] == ["{", f'  "format": "{FORMAT}",', f'  "version": {VERSION},']
    assert text.endswith("}\n")
    assert "Lønn på søndag — «igjen»" in text  # written as UTF-8, not \u escapes
    card_lines = [line for line in lines if f'"id":"{card.id}"' in line and '"title"' in line]
    assert len(card_lines) == 1 and json.loads(card_lines[0].strip().rstrip(","))["title"].startswith("Lønn")
    data = json.loads(text)
    assert list(data) == ["format", "version", "canvas", "models", "model_settings", "cards", "placements", "links"]
    assert [c["id"] for c in data["cards"]] == sorted(c["id"] for c in data["cards"])
    assert all(list(record) == sorted(record) for record in data["cards"] + data["placements"])


def test_coordinates_are_written_rounded_and_never_as_minus_zero(models: dict[str, ModelSpec]) -> None:
    canvas = workshop()
    card = canvas.live_cards()[0]
    PlaceCards((Spot(card.id, "journey", "use.pains", 12.3456, -0.0001),)).apply(canvas)

    data = json.loads(write_scanvas(canvas, models))

    [placement] = [p for p in data["placements"] if p["card_id"] == card.id and p["model"] == "journey"]
    assert (placement["x"], placement["y"]) == (12.35, 0.0)
    assert '"y": -0.0' not in write_scanvas(canvas, models).decode()


def test_everything_a_merge_needs_travels_deletions_and_histories_included(models: dict[str, ModelSpec]) -> None:
    canvas = workshop()
    card, gone = canvas.live_cards()[:2]
    EditCard(card.id, {"notes": "Seen twice in Bergen"}).apply(canvas)
    DeleteCards((gone.id,)).apply(canvas)

    reread = read_scanvas(write_scanvas(canvas, models), "workshop.scanvas").document

    assert reread.snapshot() == canvas.snapshot()
    assert reread.cards[gone.id].deleted and reread.cards[card.id].history == canvas.cards[card.id].history


def test_a_custom_model_travels_inside_the_file_and_opens_where_it_is_missing(models: dict[str, ModelSpec]) -> None:
    kano = ModelSpec(
        id="kano",
        name="Kano model",
        layout="regions",
        regions=RegionsSpec(
            regions=(
                RegionSpec(id="must-be", label="Must-be", col=0, row=0),
                RegionSpec(id="delighters", label="Delighters", col=1, row=0),
            )
        ),
    )
    canvas = Document.of(Canvas(title="Kano session", models=("kano",)))
    card = Card(title="Payslip arrives on time")
    canvas.put(card)
    canvas.put(Placement(card_id=card.id, model="kano", zone="must-be"))

    data = write_scanvas(canvas, {**models, "kano": kano})
    content = read_scanvas(data, "kano.scanvas", known_models=models)

    assert content.models["kano"] == kano
    assert content.document.placement(card.id, "kano") is not None


def test_exporting_a_canvas_whose_model_is_not_installed_says_which(models: dict[str, ModelSpec]) -> None:
    canvas = Document.of(Canvas(title="Kano session", models=("kano",)))

    with pytest.raises(MissingModels, match="uses model 'kano', whose definition is not installed here"):
        write_scanvas(canvas, models)


def test_a_newer_format_is_refused_with_a_message_that_says_so(models: dict[str, ModelSpec]) -> None:
    data = json.loads(write_scanvas(workshop(), models))
    data["version"] = 3

    with pytest.raises(FileRejected) as refused:
        read_scanvas(json.dumps(data).encode(), "from-the-future.scanvas")

    assert str(refused.value) == (
        "from-the-future.scanvas: version: this file was written by a newer Sensemaking Canvas (format 3); "
        "this version reads up to format 1"
    )


def test_an_older_format_is_brought_up_to_date_by_the_registered_upgrades() -> None:
    def rename_notes(data: dict[str, object]) -> dict[str, object]:
        return {**data, "version": 2, "upgraded": True}

    upgraded = upgrade({"format": FORMAT, "version": 1}, upgrades={1: rename_notes}, current=2)

    assert upgraded == {"format": FORMAT, "version": 2, "upgraded": True}
    assert upgrade({"format": FORMAT, "version": 1}) == {"format": FORMAT, "version": 1}


def test_the_published_schema_is_the_one_the_file_classes_generate() -> None:
    committed = (DOCS / "scanvas.schema.json").read_text(encoding="utf-8")
    assert committed == json_schema_text(), (
        "docs/scanvas.schema.json is stale: run `python -m canvas.exchange.scanvas docs/scanvas.schema.json`"
    )


def test_the_file_classes_and_the_core_records_name_the_same_fields() -> None:
    records = {cls.table: cls for cls in (Canvas, Card, Placement, Link, ModelSettings)}
    for table, entry in ENTRY_TYPES.items():
        assert list(entry.model_fields) == list(records[table].model_fields), table  # the same order too


def _constraints(schema: Any, defs: dict[str, Any]) -> Any:
    """A field's JSON schema with references inlined and without words (titles, descriptions) or defaults."""
    if isinstance(schema, dict):
        if "$ref" in schema:
            return _constraints(defs[schema["$ref"].removeprefix("#/$defs/")], defs)
        skip = ("title", "description", "default")
        return {key: _constraints(value, defs) for key, value in schema.items() if key not in skip}
    if isinstance(schema, list):
        return [_constraints(item, defs) for item in schema]
    return schema


#: Limits a file field may add to its core field (the file may be stricter, never looser).
_EXTRA_LIMITS = {"minLength", "maxLength", "pattern", "minItems", "maxItems", "minimum", "maximum"}
#: (file pattern, core pattern): every text the first allows, the second allows too.
_NARROWER_PATTERNS = {("^[a-z0-9_-]+$", "^[A-Za-z0-9_.:-]+$")}


def _at_least_as_strict(file_field: Any, core_field: Any) -> bool:
    if not (isinstance(file_field, dict) and isinstance(core_field, dict)):
        return bool(file_field == core_field)
    if not set(file_field) - _EXTRA_LIMITS <= set(core_field) or not set(core_field) <= set(file_field):
        return False
    for key, core_value in core_field.items():
        file_value = file_field[key]
        if key in ("maxLength", "maxItems", "maximum"):
            ok = file_value <= core_value
        elif key in ("minLength", "minItems", "minimum"):
            ok = file_value >= core_value
        elif key == "pattern":
            ok = file_value == core_value or (file_value, core_value) in _NARROWER_PATTERNS
        else:
            ok = _at_least_as_strict(file_value, core_value)
        if not ok:
            return False
    return True


def test_the_file_classes_allow_no_more_than_the_core_records_allow() -> None:
    # The reader builds core records from validated file entries without validating again; that is only safe
    # while every file field is constrained exactly as its core field.
    records = {cls.table: cls for cls in (Canvas, Card, Placement, Link, ModelSettings)}
    for table, entry in ENTRY_TYPES.items():
        file_schema = entry.model_json_schema()
        core_schema = records[table].model_json_schema()
        for name in entry.model_fields:
            file_field = _constraints(file_schema["properties"][name], file_schema.get("$defs", {}))
            core_field = _constraints(core_schema["properties"][name], core_schema.get("$defs", {}))
            assert _at_least_as_strict(file_field, core_field), f"{table}.{name}: {file_field} vs {core_field}"
