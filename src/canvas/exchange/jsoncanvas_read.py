"""Importing a JSON Canvas 1.0 file (`*.canvas`, e.g. from Obsidian) as a new canvas of cards.

Text nodes become cards (first line the title, the Markdown kept as notes), link nodes cards holding their URL,
file nodes cards naming the file (never read), groups tag the cards inside them (or, for the zone groups our own
export writes, put them back in their zones), edges become links. Unknown fields are tolerated; nothing a file
names is opened or fetched.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

from canvas.core.document import Document
from canvas.core.frameworks import ModelSpec
from canvas.core.layout import Rect, layout_model
from canvas.core.model import Canvas, Card, Link, Placement
from canvas.exchange.jsoncanvas import (
    BACKGROUND_STYLES,
    ENDS,
    NODE_TYPES,
    SIDES,
    card_colour,
    parse_zone_group_id,
)
from canvas.exchange.limits import DEFAULT_LIMITS, FileRejected, Limits, Problem, load_json
from canvas.exchange.references import zone_problem
from canvas.exchange.scanvas_write import fixed

NOTES_MAX = 20_000


@dataclass(frozen=True)
class JsonCanvasImport:
    """The canvas a JSON Canvas file makes, and what was left out on the way (with its place)."""

    document: Document
    notes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class _Node:
    index: int
    id: str
    type: str
    rect: Rect
    data: dict[str, Any]


def read_jsoncanvas(
    data: bytes,
    name: str,
    title: str,
    models: Mapping[str, ModelSpec] | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> JsonCanvasImport:
    """The file as a new canvas titled `title`, or FileRejected listing every problem with its place.

    `models`: the installed models, used to put cards back into the zones of a view we exported.
    """
    raw = load_json(data, name, limits)
    problems: list[Problem] = []
    if not isinstance(raw, dict):
        raise FileRejected(name, [Problem("", "is not a JSON Canvas file (the top level is not an object)")])
    nodes = _nodes(raw, problems)
    _check_edges(raw, {node.id for node in nodes}, problems)
    if problems:
        raise FileRejected(name, problems[:50])
    return _build(raw, nodes, title, models or {})


# -- checking --------------------------------------------------------------------------------------------------


def _list(raw: dict[str, Any], key: str, problems: list[Problem]) -> list[Any]:
    value = raw.get(key, [])
    if not isinstance(value, list):
        problems.append(Problem(key, f"must be a list, not {type(value).__name__}"))
        return []
    return value


def _nodes(raw: dict[str, Any], problems: list[Problem]) -> list[_Node]:
    nodes: list[_Node] = []
    seen: dict[str, int] = {}
    for index, item in enumerate(_list(raw, "nodes", problems)):
        where = f"nodes[{index}]"
        if not isinstance(item, dict):
            problems.append(Problem(where, "must be an object"))
            continue
        node_id, kind = item.get("id"), item.get("type")
        if not isinstance(node_id, str) or not node_id:
            problems.append(Problem(f"{where}.id", "is missing (every node needs a text id)"))
            continue
        earlier = seen.setdefault(node_id, index)
        if earlier != index:
            problems.append(Problem(f"{where}.id", f"'{node_id}' is used by nodes[{earlier}] too; ids must differ"))
        if kind not in NODE_TYPES:
            problems.append(Problem(f"{where}.type", f"must be one of {', '.join(NODE_TYPES)}, not {kind!r}"))
            continue
        geometry = [item.get(key) for key in ("x", "y", "width", "height")]
        for key, value in zip(("x", "y", "width", "height"), geometry, strict=True):
            if not _number(value):
                problems.append(Problem(f"{where}.{key}", f"must be a number, not {value!r}"))
        required = {"text": "text", "file": "file", "link": "url"}.get(kind)
        if required and not isinstance(item.get(required), str):
            problems.append(Problem(f"{where}.{required}", f"a {kind} node needs its {required} as text"))
        optional = {"label": str, "subpath": str, "background": str}
        for key, expected in optional.items():
            if key in item and not isinstance(item[key], expected):
                problems.append(Problem(f"{where}.{key}", "must be text"))
        if "backgroundStyle" in item and item["backgroundStyle"] not in BACKGROUND_STYLES:
            problems.append(Problem(f"{where}.backgroundStyle", f"must be one of {', '.join(BACKGROUND_STYLES)}"))
        _check_colour(item, where, problems)
        if kind == "text" and isinstance(item.get("text"), str) and len(item["text"]) > NOTES_MAX:
            problems.append(
                Problem(f"{where}.text", f"is {len(item['text']):,} characters; a card holds at most {NOTES_MAX:,}")
            )
        if all(_number(value) for value in geometry):
            x, y, w, h = (float(item[key]) for key in ("x", "y", "width", "height"))
            nodes.append(_Node(index, node_id, kind, Rect(x, y, w, h), item))
    return nodes


def _check_edges(raw: dict[str, Any], node_ids: set[str], problems: list[Problem]) -> None:
    for index, item in enumerate(_list(raw, "edges", problems)):
        where = f"edges[{index}]"
        if not isinstance(item, dict):
            problems.append(Problem(where, "must be an object"))
            continue
        if not isinstance(item.get("id"), str):
            problems.append(Problem(f"{where}.id", "is missing (every edge needs a text id)"))
        for end in ("fromNode", "toNode"):
            node = item.get(end)
            if not isinstance(node, str):
                problems.append(Problem(f"{where}.{end}", "is missing"))
            elif node not in node_ids:
                problems.append(Problem(f"{where}.{end}", f"node '{node}' does not exist"))
        for key, allowed in (("fromSide", SIDES), ("toSide", SIDES), ("fromEnd", ENDS), ("toEnd", ENDS)):
            if key in item and item[key] not in allowed:
                problems.append(Problem(f"{where}.{key}", f"must be one of {', '.join(allowed)}, not {item[key]!r}"))
        if "label" in item and not isinstance(item["label"], str):
            problems.append(Problem(f"{where}.label", "must be text"))
        _check_colour(item, where, problems)


def _check_colour(item: dict[str, Any], where: str, problems: list[Problem]) -> None:
    if "color" not in item:
        return
    colour = item["color"]
    if not isinstance(colour, str) or card_colour(colour) is None:
        problems.append(Problem(f"{where}.color", f'must be a preset "1"–"6" or a hex colour, not {colour!r}'))


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and abs(value) < 1e9


# -- building ----------------------------------------------------------------------------------------------------


def _build(raw: dict[str, Any], nodes: list[_Node], title: str, models: Mapping[str, ModelSpec]) -> JsonCanvasImport:
    notes: list[str] = []
    groups = [node for node in nodes if node.type == "group"]
    zones = _zone_groups(groups, models)
    canvas = Canvas(title=title)
    document = Document.of(canvas)
    card_ids: dict[str, str] = {}
    for node in nodes:
        if node.type == "group":
            continue
        centre = node.rect.center
        tags = tuple(
            dict.fromkeys(_tag(g.data.get("label", "")) for g in groups if g.id not in zones and _inside(centre, g))
        )
        card = _card(node).model_copy(update={"tags": tuple(tag for tag in tags if tag)[:50]})
        document.put(card)
        card_ids[node.id] = card.id
        placement = _placement(card.id, node, groups, zones)
        if placement is not None:
            document.put(placement)
    used = [zone.model for zone in zones.values() if zone.model not in canvas.models]
    if used:
        document.put(canvas.model_copy(update={"models": (*canvas.models, *dict.fromkeys(used))}))
    for index, edge in enumerate(raw.get("edges", [])):
        source, target = card_ids.get(edge["fromNode"]), card_ids.get(edge["toNode"])
        if source is None or target is None:
            notes.append(f"edges[{index}]: joins a group, not two cards; left out")
            continue
        if source == target:
            notes.append(f"edges[{index}]: joins a card to itself; left out")
            continue
        document.put(Link(source=source, target=target, label=_cut(edge.get("label", ""), 200)))
    return JsonCanvasImport(document, tuple(notes))


def _card(node: _Node) -> Card:
    data = node.data
    colour = card_colour(data["color"]) if isinstance(data.get("color"), str) else None
    if node.type == "text":
        text: str = data["text"]
        first, _, rest = text.strip().partition("\n")
        title = _plain_title(first)
        shortened = len(title) > 500
        notes = text if shortened else rest.strip()
        return Card(title=_cut(title, 500) or "Untitled", notes=notes, colour=colour)
    if node.type == "link":
        url: str = data["url"]
        return Card(title=_cut(url, 500), notes=_cut(url, NOTES_MAX), source=_cut(url, 300), colour=colour)
    path: str = data["file"]
    subpath = data.get("subpath", "")
    name = PurePosixPath(path.replace("\\", "/")).name or path
    return Card(
        title=_cut(f"{name}{subpath}", 500),
        notes=_cut(f"File: {path}{subpath}", NOTES_MAX),
        source=_cut(path, 300),
        colour=colour,
    )


def _plain_title(line: str) -> str:
    """A Markdown line as a title: no heading marks, no wrapping bold."""
    line = line.strip().lstrip("#").strip()
    for mark in ("**", "__"):
        if len(line) > 2 * len(mark) and line.startswith(mark) and line.endswith(mark):
            line = line[len(mark) : -len(mark)].strip()
    return line


def _tag(label: Any) -> str:
    return _cut(label.strip(), 80) if isinstance(label, str) else ""


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _inside(point: tuple[float, float], group: _Node) -> bool:
    return group.rect.contains(*point)


def _zone_groups(groups: list[_Node], models: Mapping[str, ModelSpec]) -> dict[str, _Zone]:
    """Group node id -> the zone it stands for, for the groups that are zones of an installed model."""
    found = {}
    for group in groups:
        parsed = parse_zone_group_id(group.id)
        if parsed is None:
            continue
        spec = models.get(parsed[0])
        if spec is not None and zone_problem(spec, parsed[1]) is None:
            found[group.id] = _Zone(spec.id, parsed[1], _content_inset(spec))
    return found


@dataclass(frozen=True, slots=True)
class _Zone:
    model: str
    zone: str
    #: How far the zone's content origin sits inside its rectangle (padding, and a title strip for regions).
    inset: tuple[float, float]


def _content_inset(spec: ModelSpec) -> tuple[float, float]:
    # Every zone of one model has the same inset, so the first zone of an empty layout tells it.
    box = next(iter(layout_model(spec, None, {}).zones.values()))
    return box.origin[0] - box.rect.x, box.origin[1] - box.rect.y


def _placement(card_id: str, node: _Node, groups: list[_Node], zones: dict[str, _Zone]) -> Placement | None:
    for group in groups:
        zone = zones.get(group.id)
        if zone is not None and _inside(node.rect.center, group):
            x = fixed(max(node.rect.x - group.rect.x - zone.inset[0], 0.0))
            y = fixed(max(node.rect.y - group.rect.y - zone.inset[1], 0.0))
            return Placement(card_id=card_id, model=zone.model, zone=zone.zone, x=x, y=y)
    return None
