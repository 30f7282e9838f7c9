"""Exporting one model view of a canvas as a JSON Canvas 1.0 document, laid out as our app lays it out.

Zones become group nodes (written before their cards, so they are drawn beneath them), placed cards text nodes
with their geometry from `canvas.core.layout`, links between exported cards edges with their labels.
"""

from __future__ import annotations

import json
from typing import Any

from canvas.core.analysis import voice_visible, zone_visible
from canvas.core.document import Document
from canvas.core.frameworks import ModelSpec
from canvas.core.layout import card_rect, layout_model
from canvas.core.model import Card, Side
from canvas.exchange.jsoncanvas import canvas_colour, zone_group_id


def jsoncanvas_view(document: Document, spec: ModelSpec, side: Side | None = None) -> dict[str, Any]:
    """The JSON Canvas document of `spec`'s view of `document`, seen from `side` (None: everything)."""
    settings = document.model_settings(spec.id)
    placements = {
        card_id: placement
        for card_id, placement in document.placements_in(spec.id).items()
        if document.card(card_id) is not None
    }
    layout = layout_model(spec, settings, placements)
    network = spec.network is not None
    nodes: list[dict[str, Any]] = []
    shown_zones = [zone for zone in layout.zones.values() if network or zone_visible(zone.side, side)]
    for zone in shown_zones:
        group: dict[str, Any] = {
            "id": zone_group_id(spec.id, zone.id),
            "type": "group",
            "label": zone.label,
            **_geometry(zone.rect.x, zone.rect.y, zone.rect.w, zone.rect.h),
        }
        if zone.colour:
            group["color"] = canvas_colour(zone.colour)
        nodes.append(group)

    order = {zone.id: index for index, zone in enumerate(shown_zones)}
    cards: list[tuple[tuple[int, float, float, str], dict[str, Any]]] = []
    for card_id, placement in placements.items():
        card = document.card(card_id)
        rect = card_rect(layout, placement)
        if card is None or rect is None or placement.zone not in order:
            continue
        if network and not voice_visible(card.voice, side):
            continue
        node: dict[str, Any] = {
            "id": card.id,
            "type": "text",
            "text": card_text(card),
            **_geometry(rect.x, rect.y, rect.w, rect.h),
        }
        if card.colour:
            node["color"] = canvas_colour(card.colour)
        cards.append(((order[placement.zone], rect.y, rect.x, card.id), node))
    cards.sort(key=lambda item: item[0])
    nodes.extend(node for _, node in cards)

    shown = {node["id"] for _, node in cards}
    edges = []
    for link in sorted(document.live_links(), key=lambda link: link.id):
        if link.source in shown and link.target in shown:
            edge: dict[str, Any] = {"id": link.id, "fromNode": link.source, "toNode": link.target, "toEnd": "arrow"}
            if link.label:
                edge["label"] = link.label
            edges.append(edge)
    return {"nodes": nodes, "edges": edges}


def write_jsoncanvas(document: Document, spec: ModelSpec, side: Side | None = None) -> bytes:
    """The `.canvas` file's bytes: tab-indented as Obsidian writes it, UTF-8, a trailing newline."""
    text = json.dumps(jsoncanvas_view(document, spec, side), ensure_ascii=False, indent="\t")
    return (text + "\n").encode("utf-8")


def card_text(card: Card) -> str:
    """A card as a text node's Markdown: the title on the first line, the notes below it."""
    title = " ".join(card.title.split()) or "Untitled"
    return f"{title}\n\n{card.notes}" if card.notes else title


def _geometry(x: float, y: float, w: float, h: float) -> dict[str, int]:
    # JSON Canvas positions and sizes are integers.
    return {"x": round(x), "y": round(y), "width": round(w), "height": round(h)}
