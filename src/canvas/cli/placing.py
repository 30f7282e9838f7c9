"""`canvas place` and `canvas unplace`: putting a card into a model's zone, or taking it out again."""

from __future__ import annotations

import argparse

from canvas.cli.common import (
    CliError,
    Subparsers,
    UsageError,
    add_command,
    find_card,
    load_canvas,
    opened_store,
    print_json,
    store_catalog,
)
from canvas.core.catalog import Catalog
from canvas.core.document import Document
from canvas.core.edits import Batch, Edit, EditCanvas, PlaceCards, Spot, UnplaceCards
from canvas.core.frameworks import ModelSpec
from canvas.core.layout import layout_model, next_free_offset, occupied_offsets
from canvas.core.model import Card
from canvas.core.validation import model_phrase
from canvas.store.editing import commit


def register(subparsers: Subparsers) -> None:
    place = add_command(subparsers, "place", "place (or move) a card in a zone of a model")
    place.add_argument("canvas", metavar="CANVAS", help="canvas id or unique title")
    place.add_argument("card", metavar="CARD", help="card id or a title unique on the canvas")
    place.add_argument("--model", required=True, help="model id, e.g. journey (see `canvas models`)")
    place.add_argument("--zone", required=True, help="zone id, e.g. use.pains (journey: stage.lane)")
    place.add_argument("--x", type=float, help="offset from the zone's top-left corner (default: first free slot)")
    place.add_argument("--y", type=float, help="offset from the zone's top-left corner (default: first free slot)")
    place.set_defaults(handler=place_card)

    unplace = add_command(subparsers, "unplace", "take a card out of a model (back to its tray)")
    unplace.add_argument("canvas", metavar="CANVAS", help="canvas id or unique title")
    unplace.add_argument("card", metavar="CARD", help="card id or a title unique on the canvas")
    unplace.add_argument("--model", required=True, help="model id, e.g. journey")
    unplace.set_defaults(handler=unplace_card)


def model_spec(catalog: Catalog, model: str) -> ModelSpec:
    spec = catalog.get(model)
    if spec is None:
        raise CliError(f"there is no model '{model}' (models: {', '.join(catalog.models)})")
    return spec


def place_card(args: argparse.Namespace) -> int:
    if (args.x is None) != (args.y is None):
        raise UsageError("give both --x and --y, or neither (then the card goes to the first free slot)")
    with opened_store(args) as store:
        spec = model_spec(store_catalog(store), args.model)
        document = load_canvas(store, args.canvas)
        card = find_card(document, args.card)
        zone = _checked_zone(document, card, spec, args.zone)
        x, y = (args.x, args.y) if args.x is not None else _free_slot(document, card, spec, zone)
        edits: list[Edit] = [PlaceCards((Spot(card.id, spec.id, zone, x, y),))]
        enabling = spec.id not in document.canvas.models
        if enabling:
            edits.insert(0, EditCanvas({"models": (*document.canvas.models, spec.id)}))
        commit(store, document, Batch(edits, name="Place card"))
    placement = document.placement(card.id, spec.id)
    assert placement is not None
    if args.json:
        print_json({"card": card.id, "model": spec.id, "zone": placement.zone, "x": placement.x, "y": placement.y})
    else:
        if enabling:
            print(f"enabled {model_phrase(spec)} on canvas '{document.canvas.title}'")
        print(f"placed '{card.title}' in {spec.id} → {placement.zone} at ({placement.x:g}, {placement.y:g})")
    return 0


def _checked_zone(document: Document, card: Card, spec: ModelSpec, zone: str) -> str:
    zones = spec.zones(document.model_settings(spec.id))
    if zone not in zones:
        raise CliError(
            f"card '{card.title}' cannot go in zone '{zone}': {model_phrase(spec)} of this canvas has no such zone "
            f"({zone_hint(spec, document, zone)})"
        )
    return zone


def zone_hint(spec: ModelSpec, document: Document, wrong: str) -> str:
    """A short pointer to the right zone id: the closest match, and how this model's zone ids are made."""
    import difflib  # only for a wrong zone: every `canvas` (the desktop app's start too) imports this module

    settings = document.model_settings(spec.id)
    close = difflib.get_close_matches(wrong, list(spec.zones(settings)), n=1, cutoff=0.5)
    if spec.grid is not None:
        columns = ", ".join(column.id for column in spec.columns(settings))
        rows = ", ".join(row.id for row in spec.grid.rows)
        shape = f"zones are {spec.grid.column_noun}.lane — {spec.grid.column_noun}s: {columns}; lanes: {rows}"
    else:
        shape = f"zones: {', '.join(spec.zones(settings))}"
    return f"did you mean '{close[0]}'? {shape}" if close else shape


def _free_slot(document: Document, card: Card, spec: ModelSpec, zone: str) -> tuple[float, float]:
    """Where the card already sits if it is in this zone, else the zone's first free slot, in rows as wide as
    the zone is drawn now (a zone holding many cards is wider than its usual two slots), as the window fills it."""
    current = document.placement(card.id, spec.id)
    if current is not None and current.zone == zone:
        return current.x, current.y
    placements = document.placements_in(spec.id)
    box = layout_model(spec, document.model_settings(spec.id), placements).zones.get(zone)
    occupied = occupied_offsets(placements.values(), zone, exclude={card.id})
    return next_free_offset(occupied) if box is None else next_free_offset(occupied, box.across)


def unplace_card(args: argparse.Namespace) -> int:
    with opened_store(args) as store:
        model_spec(store_catalog(store), args.model)
        document = load_canvas(store, args.canvas)
        card = find_card(document, args.card)
        commit(store, document, UnplaceCards((card.id,), args.model))
    if args.json:
        print_json({"card": card.id, "model": args.model, "placed": False})
    else:
        print(f"took '{card.title}' out of {args.model}")
    return 0
