"""The writer's bytes are exactly the file format's rules written out plainly (it takes shortcuts for speed)."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from canvas.core.document import Document
from canvas.core.frameworks import ModelSpec
from canvas.core.model import Canvas, Card, Link, ModelSettings, Placement, ZoneLabel
from canvas.exchange.scanvas_write import models_used, write_scanvas

from .samples import workshop


def plainly_written(document: Document, models: dict[str, ModelSpec]) -> bytes:
    """docs/file-format.md, literally: one json.dumps per record (keys sorted, no spaces), records sorted,
    coordinates rounded."""

    def line(record: dict[str, Any]) -> str:
        return json.dumps(record, ensure_ascii=False, sort_keys=True, allow_nan=False, separators=(",", ":"))

    def table(name: str, records: list[dict[str, Any]], last: bool = False) -> str:
        end = "" if last else ","
        if not records:
            return f'  "{name}": []{end}\n'
        return f'  "{name}": [\n' + ",\n".join(f"    {line(r)}" for r in records) + f"\n  ]{end}\n"

    def placement(record: Placement) -> dict[str, Any]:
        return {**record.model_dump(mode="json"), "x": round(record.x, 2) + 0.0, "y": round(record.y, 2) + 0.0}

    used = models_used(document)
    text = "{\n" + '  "format": "sensemaking-canvas",\n' + '  "version": 1,\n'
    text += f'  "canvas": {line(document.canvas.model_dump(mode="json"))},\n'
    text += table("models", [models[model].model_dump(mode="json") for model in used])
    settings = sorted(document.settings.values(), key=lambda s: s.model)
    text += table("model_settings", [s.model_dump(mode="json") for s in settings])
    text += table("cards", [c.model_dump(mode="json") for c in sorted(document.cards.values(), key=lambda c: c.id)])
    placements = sorted(document.placements.values(), key=lambda p: (p.card_id, p.model))
    text += table("placements", [placement(p) for p in placements])
    text += table(
        "links", [k.model_dump(mode="json") for k in sorted(document.links.values(), key=lambda k: k.id)], True
    )
    return (text + "}\n").encode("utf-8")


def test_awkward_values_are_written_as_the_rules_say(models: dict[str, ModelSpec]) -> None:
    document = workshop()
    card = document.live_cards()[0]
    coordinates = [(0.0, -0.0), (-0.0, 0.0), (-3.0, 7.0), (12.345, 2.675), (0.004, -0.004), (1e17, 1e-7), (-0.001, 5)]
    for number, (x, y) in enumerate(coordinates):
        twin = Card(
            id=f"twin-{number}", title=f'"Quoted" \\ tab\t line\nbreak — «{number}» \u2028 😀', tags=("a,b", '","')
        )
        document.put(twin)
        document.put(Placement(card_id=twin.id, model="journey", zone="use.pains", x=x, y=y))
    document.put(Link(id="z-link", source=card.id, target="twin-0", label="}, {", tangible=False).revised(deleted=True))
    # The text the writer cuts records at, inside values (it must cut only between records).
    document.put(Card(id="marker", title='},{"colour":null', notes='"},{"colour":"},{"card_id":', tags=('},{"',)))
    document.put(Placement(card_id="marker", model="journey", zone='},{"card_id":"x",', x=1.5, y=-2.0))
    document.put(Link(id="marker-link", source="marker", target=card.id, label='},{"deleted":false}'))
    document.put(ModelSettings(model="journey", columns=(ZoneLabel(id="a", label="Ä, {b}"),)))

    assert write_scanvas(document, models) == plainly_written(document, models)


coordinate = st.floats(allow_nan=False, allow_infinity=False, min_value=-1e20, max_value=1e20) | st.sampled_from(
    [0.0, -0.0, 212.0, -212.0, 0.005, -0.005, 1e16, 1e-5]
)


@settings(max_examples=60, deadline=None)
@given(
    spots=st.lists(st.tuples(coordinate, coordinate), min_size=1, max_size=6),
    title=st.text(min_size=1, max_size=30) | st.sampled_from(['},{"colour":', '"},{"colour":"', "},{"]),
    tags=st.lists(st.text(min_size=1, max_size=8), max_size=3, unique=True),
)
def test_any_coordinates_and_text_are_written_as_the_rules_say(
    spots: list[tuple[float, float]], title: str, tags: list[str], models: dict[str, ModelSpec]
) -> None:
    title = title.encode("utf-8", "replace").decode("utf-8")  # no lone surrogates: a file is UTF-8
    tags = [tag.encode("utf-8", "replace").decode("utf-8") for tag in tags]
    canvas = Canvas(id="c", title="Hypothesis", models=("journey",))
    cards = [Card(id=f"k{n}", title=title, tags=tuple(tags)) for n in range(len(spots))]
    placements = [
        Placement(card_id=f"k{n}", model="journey", zone="use.pains", x=x, y=y) for n, (x, y) in enumerate(spots)
    ]
    document = Document.of(canvas, cards, placements)

    assert write_scanvas(document, models) == plainly_written(document, models)
