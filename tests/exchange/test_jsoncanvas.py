"""JSON Canvas 1.0 (Obsidian's `.canvas`): a model view exported as laid out in the app, and files imported as cards."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from canvas.core.edits import EditCard
from canvas.core.frameworks import ModelSpec
from canvas.core.layout import Rect
from canvas.core.model import Placement, Side
from canvas.exchange.jsoncanvas_read import read_jsoncanvas
from canvas.exchange.jsoncanvas_write import write_jsoncanvas
from canvas.exchange.limits import FileRejected
from canvas.exchange.scanvas_write import write_scanvas

from .samples import workshop
from .schema_check import check

DOCS = Path(__file__).resolve().parents[2] / "docs"
SCHEMA = json.loads((DOCS / "jsoncanvas-1.0.schema.json").read_text(encoding="utf-8"))


def rect(node: dict[str, Any]) -> Rect:
    return Rect(node["x"], node["y"], node["width"], node["height"])


def test_a_journey_view_exports_as_valid_json_canvas_with_zones_beneath_their_cards(
    models: dict[str, ModelSpec],
) -> None:
    canvas = workshop()
    card = canvas.live_cards()[0]
    EditCard(card.id, {"colour": "#a882ff", "notes": "She approves at 23:40"}).apply(canvas)

    exported = json.loads(write_jsoncanvas(canvas, models["journey"]))

    assert check(exported, SCHEMA) == []
    groups = [node for node in exported["nodes"] if node["type"] == "group"]
    texts = [node for node in exported["nodes"] if node["type"] == "text"]
    assert exported["nodes"] == groups + texts  # groups first: drawn beneath the cards
    assert {node["id"] for node in texts} == set(canvas.placements_in("journey"))
    by_zone = {group["id"].rsplit(":", 1)[1]: group for group in groups}
    for node in texts:
        zone = canvas.placements_in("journey")[node["id"]].zone
        assert by_zone[zone]["label"] and rect(by_zone[zone]).contains_rect(rect(node))
    [painted] = [node for node in texts if node["id"] == card.id]
    assert painted["text"] == "Payroll on Sunday night\n\nShe approves at 23:40"
    assert painted["color"] == "6"  # Obsidian's purple preset


def test_a_value_exchange_view_exports_its_flows_as_labelled_edges(models: dict[str, ModelSpec]) -> None:
    canvas = workshop()

    exported = json.loads(write_jsoncanvas(canvas, models["value-exchange"]))

    assert check(exported, SCHEMA) == []
    [edge] = exported["edges"]
    titles = {node["id"]: node["text"] for node in exported["nodes"] if node["type"] == "text"}
    assert (titles[edge["fromNode"]], titles[edge["toNode"]], edge["label"]) == (
        "Small-business owner",
        "Bank",
        "money",
    )


def test_a_view_from_one_side_leaves_out_the_other_sides_zones(models: dict[str, ModelSpec]) -> None:
    exported = json.loads(write_jsoncanvas(workshop(), models["journey"], Side.CUSTOMER))

    labels = {node["label"] for node in exported["nodes"] if node["type"] == "group"}
    assert "Use · Pains" in labels and not any("Backstage" in label for label in labels)


def test_the_schema_checker_really_refuses_what_the_spec_forbids() -> None:
    bad = {
        "nodes": [
            {"id": "a", "type": "text", "x": 0, "y": 0, "width": 10, "height": 10, "color": "purple"},
            {"id": "b", "type": "card", "x": 0.5, "y": 0, "width": 10, "height": 10},
        ],
        "edges": [{"id": "e", "fromNode": "a", "toSide": "middle"}],
    }

    problems = check(bad, SCHEMA)

    assert "$.edges[0]: 'toNode' is required" in problems
    assert any("$.edges[0].toSide" in problem for problem in problems)
    assert sum("$.nodes[0]" in problem for problem in problems) >= 1  # no text, and no such colour
    assert any("$.nodes[1]" in problem for problem in problems)


def test_the_native_file_matches_its_published_schema(models: dict[str, ModelSpec]) -> None:
    schema = json.loads((DOCS / "scanvas.schema.json").read_text(encoding="utf-8"))
    assert check(json.loads(write_scanvas(workshop(), models)), schema) == []


OBSIDIAN = {
    "nodes": [
        {"id": "g1", "type": "group", "label": "Interviews", "x": -50, "y": -50, "width": 900, "height": 400},
        {
            "id": "t1",
            "type": "text",
            "text": "# Payroll on Sunday night\n\nShe counts the shifts from a **paper rota**.",
            "x": 0,
            "y": 0,
            "width": 250,
            "height": 120,
            "color": "1",
            "styleAttributes": {"shape": "pill"},
        },
        {
            "id": "l1",
            "type": "link",
            "url": "https://www.skatteetaten.no/a-melding",
            "x": 300,
            "y": 0,
            "width": 250,
            "height": 120,
            "color": "#44CF6E",
        },
        {
            "id": "f1",
            "type": "file",
            "file": "Interviews/Kari, café owner.md",
            "subpath": "#Payroll",
            "x": 600,
            "y": 0,
            "width": 250,
            "height": 120,
        },
        {"id": "t2", "type": "text", "text": "Accountant", "x": 0, "y": 600, "width": 250, "height": 60},
    ],
    "edges": [
        {"id": "e1", "fromNode": "t1", "fromSide": "right", "toNode": "l1", "toSide": "left", "label": "reports to"},
        {"id": "e2", "fromNode": "t2", "toNode": "t1"},
        {"id": "e3", "fromNode": "g1", "toNode": "t1"},
    ],
}


def test_an_obsidian_canvas_imports_as_cards_tagged_by_group_and_linked_by_edge() -> None:
    imported = read_jsoncanvas(json.dumps(OBSIDIAN).encode(), "research.canvas", "Research")
    document = imported.document
    cards = {card.title: card for card in document.live_cards()}

    assert set(cards) == {
        "Payroll on Sunday night",
        "https://www.skatteetaten.no/a-melding",
        "Kari, café owner.md#Payroll",
        "Accountant",
    }
    sunday = cards["Payroll on Sunday night"]
    assert sunday.notes == "She counts the shifts from a **paper rota**." and sunday.colour == "#fb464c"
    link = cards["https://www.skatteetaten.no/a-melding"]
    assert link.source == "https://www.skatteetaten.no/a-melding" and link.colour == "#44cf6e"
    file = cards["Kari, café owner.md#Payroll"]
    assert file.source == "Interviews/Kari, café owner.md" and "Interviews/Kari, café owner.md#Payroll" in file.notes
    assert sunday.tags == link.tags == file.tags == ("Interviews",) and cards["Accountant"].tags == ()
    labels = {(document.cards[x.source].title, document.cards[x.target].title, x.label) for x in document.live_links()}
    assert labels == {
        ("Payroll on Sunday night", "https://www.skatteetaten.no/a-melding", "reports to"),
        ("Accountant", "Payroll on Sunday night", ""),
    }
    assert imported.notes == ("edges[2]: joins a group, not two cards; left out",)


def test_a_view_exported_and_imported_again_puts_the_cards_back_in_their_zones(models: dict[str, ModelSpec]) -> None:
    canvas = workshop()
    exported = write_jsoncanvas(canvas, models["journey"])

    document = read_jsoncanvas(exported, "journey.canvas", "Journey, back from Obsidian", models).document

    def spots(placements: dict[str, Placement], titles: dict[str, str]) -> dict[str, tuple[str, float, float]]:
        return {titles[card_id]: (p.zone, p.x, p.y) for card_id, p in placements.items()}

    before = spots(canvas.placements_in("journey"), {c.id: c.title for c in canvas.live_cards()})
    after = spots(document.placements_in("journey"), {c.id: c.title for c in document.live_cards()})
    assert after == before and len(after) == 4


def test_a_broken_json_canvas_is_refused_with_every_problem_and_its_place() -> None:
    broken = {
        "nodes": [{"id": "a", "type": "text", "text": 3, "x": "0", "y": 0, "width": 1, "height": 1}],
        "edges": [1],
    }

    with pytest.raises(FileRejected) as refused:
        read_jsoncanvas(json.dumps(broken).encode(), "broken.canvas", "Broken")

    assert [str(problem) for problem in refused.value.problems] == [
        "nodes[0].x: must be a number, not '0'",
        "nodes[0].text: a text node needs its text as text",
        "edges[0]: must be an object",
    ]
