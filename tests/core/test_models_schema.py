"""The published model schema matches the code, and every built-in model file honours the promises the app
relies on (zone ids, sides, the jobs-to-be-done cell layout)."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest

from canvas.core.catalog import BUILTIN_ORDER, load_catalog, model_schema, model_schema_text, parse_model
from canvas.core.frameworks import ModelSpec
from canvas.core.model import CardKind, Side
from canvas.paths import builtin_models_dir

REPO = Path(__file__).resolve().parents[2]
SCHEMA = REPO / "docs" / "model.schema.json"
REGENERATE = "python -m canvas.core.catalog --write-schema docs/model.schema.json"


def test_committed_schema_is_up_to_date() -> None:
    committed = SCHEMA.read_text(encoding="utf-8")

    assert committed == model_schema_text(), f"docs/model.schema.json is stale; regenerate it with: {REGENERATE}"


def test_schema_describes_a_model_file() -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))

    assert schema["$schema"].endswith("2020-12/schema")
    assert set(schema["required"]) == {"id", "name", "layout"}
    assert schema["additionalProperties"] is False
    assert schema == model_schema()


@pytest.mark.parametrize("path", sorted(builtin_models_dir().glob("*.toml")), ids=lambda p: p.name)
def test_builtin_file_is_valid_and_matches_the_schema_keys(path: Path) -> None:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    spec = ModelSpec.model_validate(data)
    allowed = set(json.loads(SCHEMA.read_text(encoding="utf-8"))["properties"])

    assert set(data) <= allowed
    assert spec.description and spec.short_name
    for zone in spec.zones().values():
        assert zone.question, f"{path.name}: zone {zone.label} has no guiding question"


def builtin(model_id: str) -> ModelSpec:
    spec = load_catalog(builtin_models_dir(), None).get(model_id)
    assert spec is not None
    return spec


def test_builtin_ids_and_zone_ids_everyone_relies_on() -> None:
    assert list(load_catalog(builtin_models_dir(), None).models) == list(BUILTIN_ORDER)
    journey = builtin("journey")
    assert journey.grid is not None and journey.grid.columns_editable and journey.grid.column_noun == "stage"
    assert [c.id for c in journey.grid.columns] == ["aware", "consider", "signup", "onboard", "use", "renew"]
    assert [r.id for r in journey.grid.rows] == [
        "doing", "thinking", "feeling", "touchpoints", "pains", "opportunities", "backstage",
    ]  # fmt: skip
    assert journey.grid.emotion_row == "feeling"
    assert "use.pains" in journey.zones()

    assert list(builtin("jtbd").zones()) == [
        "main-job", "define", "locate", "prepare", "confirm", "execute", "monitor", "modify", "conclude",
        "push", "pull", "anxiety", "habit", "outcomes",
    ]  # fmt: skip
    assert list(builtin("value-exchange").zones()) == ["network"]
    assert list(builtin("empathy").zones()) == ["says", "thinks", "does", "feels", "pains", "gains"]


def test_jtbd_sits_on_an_eight_column_cell_grid() -> None:
    jtbd = builtin("jtbd")
    assert jtbd.regions is not None
    cells = {r.id: (r.col, r.row, r.cols, r.rows) for r in jtbd.regions.regions}

    assert cells["main-job"] == (0, 0, 8, 1)
    steps = ["define", "locate", "prepare", "confirm", "execute", "monitor", "modify", "conclude"]
    assert [cells[step] for step in steps] == [(i, 1, 1, 1) for i in range(8)]
    forces = ["push", "pull", "anxiety", "habit"]
    assert [cells[force] for force in forces] == [(2 * i, 2, 2, 1) for i in range(4)]
    assert cells["outcomes"] == (0, 3, 8, 1)
    assert [r.id for r in jtbd.regions.regions if r.scores_opportunity] == ["outcomes"]


@pytest.mark.parametrize(
    ("model_id", "kind", "zone"),
    [
        ("journey", CardKind.PAIN, "aware.pains"),
        ("journey", CardKind.QUOTE, "aware.thinking"),
        ("jtbd", CardKind.PAIN, "push"),
        ("jtbd", CardKind.OUTCOME, "outcomes"),
        ("jtbd", CardKind.JOB, "main-job"),
        ("value-exchange", CardKind.ACTOR, "network"),
        ("empathy", CardKind.QUOTE, "says"),
        ("empathy", CardKind.PAIN, "pains"),
        ("service-blueprint", CardKind.TOUCHPOINT, "find.evidence"),
    ],
)
def test_suggest_hints_send_kinds_where_a_facilitator_expects(model_id: str, kind: CardKind, zone: str) -> None:
    assert builtin(model_id).zone_for_kind(kind) == zone


@pytest.mark.parametrize("model_id", BUILTIN_ORDER)
def test_zone_colours_are_pale_enough_for_dark_text(model_id: str) -> None:
    for zone in builtin(model_id).zones().values():
        if zone.colour is None:
            continue
        red, green, blue = (int(zone.colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
        luminance = 0.2126 * red + 0.7152 * green + 0.0722 * blue
        assert luminance > 0.8, f"{model_id}: {zone.label} colour {zone.colour} is too dark a backdrop"


def test_the_organization_side_exists_where_the_models_say_so() -> None:
    sides = {model_id: {z.side for z in builtin(model_id).zones().values()} for model_id in BUILTIN_ORDER}

    assert Side.ORGANIZATION in sides["journey"] and Side.CUSTOMER in sides["journey"]
    assert sides["service-blueprint"] == {Side.CUSTOMER, Side.SHARED, Side.ORGANIZATION}
    assert sides["empathy"] == {Side.CUSTOMER}


def test_the_example_in_the_format_guide_is_a_valid_model() -> None:
    guide = (REPO / "docs" / "model-format.md").read_text(encoding="utf-8")
    example = guide.split("## A complete example", 1)[1].split("```toml\n", 1)[1].split("```", 1)[0]

    spec = parse_model(example, "docs/model-format.md")

    assert spec.id == "kano" and len(spec.zones()) == 3
