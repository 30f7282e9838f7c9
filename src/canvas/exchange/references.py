"""Cross-record checks of a `.scanvas` file: ids unique, and every reference to a card or model resolvable.

Runs on the plain JSON data (not the schema classes) so that a file with a wrong type in one card still gets its
dangling references reported in the same pass: `canvas validate` lists every problem at once.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from canvas.core.frameworks import ModelSpec, split_grid_zone
from canvas.exchange.limits import Problem
from canvas.exchange.scanvas import ScanvasFile


def reference_problems(data: Mapping[str, Any], models: Mapping[str, ModelSpec]) -> list[Problem]:
    """Problems with ids and references. `models`: every model definition available (the file's and ours)."""
    problems: list[Problem] = []
    cards = _records(data, "cards")
    card_ids = _unique_ids(cards, "cards", "id", problems)
    live_cards = {r["id"] for _, r in cards if isinstance(r.get("id"), str) and r.get("deleted") is not True}
    _unique_ids(_records(data, "links"), "links", "id", problems)
    _unique_ids(_records(data, "models"), "models", "id", problems)
    _unique_ids(_records(data, "model_settings"), "model_settings", "model", problems)

    for index, card in cards:
        twin = card.get("conflict_of")
        if isinstance(twin, str) and twin not in card_ids:
            problems.append(Problem(f"cards[{index}].conflict_of", f"card '{twin}' does not exist"))

    canvas = data.get("canvas")
    if isinstance(canvas, dict) and isinstance(canvas.get("models"), list):
        for index, model in enumerate(canvas["models"]):
            if isinstance(model, str) and model not in models:
                problems.append(Problem(f"canvas.models[{index}]", _no_model(model)))

    for index, settings in _records(data, "model_settings"):
        model = settings.get("model")
        if isinstance(model, str) and settings.get("deleted") is not True and model not in models:
            problems.append(Problem(f"model_settings[{index}]", _no_model(model)))

    seen_placements: dict[tuple[str, str], int] = {}
    zone_checks: dict[str, ZoneCheck] = {}
    # What is wrong with each (model, zone), worked out once: 30,000 placements name some 60 zones.
    zone_problems: dict[tuple[str, str], str | None] = {}
    for index, placement in _records(data, "placements"):
        card_id, model = placement.get("card_id"), placement.get("model")
        if not (isinstance(card_id, str) and isinstance(model, str)):
            continue
        earlier = seen_placements.setdefault((card_id, model), index)
        if earlier != index:
            problems.append(
                Problem(
                    f"placements[{index}]",
                    f"card '{card_id}' is placed in '{model}' twice (also placements[{earlier}])",
                )
            )
        # Even a deleted placement must name a card the file holds: the store keeps every record's card.
        if card_id not in card_ids:
            problems.append(Problem(f"placements[{index}]", f"card '{card_id}' does not exist"))
            continue
        if placement.get("deleted") is True:
            continue
        if card_id not in live_cards:
            problems.append(
                Problem(f"placements[{index}]", f"card '{card_id}' is deleted, but this placement of it is not")
            )
        spec = models.get(model)
        if spec is None:
            problems.append(Problem(f"placements[{index}]", _no_model(model)))
            continue
        zone = placement.get("zone")
        if not isinstance(zone, str):
            continue  # not a zone id at all: the schema check says so
        if (model, zone) in zone_problems:
            problem = zone_problems[model, zone]
        else:
            check = zone_checks.get(model)
            if check is None:
                check = zone_checks[model] = ZoneCheck(spec)
            problem = zone_problems[model, zone] = check.problem(zone)
        if problem:
            problems.append(Problem(f"placements[{index}].zone", problem))

    for index, link in _records(data, "links"):
        ends = [link.get("source"), link.get("target")]
        for end_name, end in zip(("source", "target"), ends, strict=True):
            if not isinstance(end, str):
                continue
            if end not in card_ids:
                problems.append(Problem(f"links[{index}].{end_name}", f"card '{end}' does not exist"))
            elif end not in live_cards and link.get("deleted") is not True:
                problems.append(Problem(f"links[{index}].{end_name}", f"card '{end}' is deleted, but this link is not"))
        if isinstance(ends[0], str) and ends[0] == ends[1]:
            problems.append(Problem(f"links[{index}]", "a link needs two different cards"))
    return problems


def _records(data: Mapping[str, Any], name: str) -> list[tuple[int, dict[str, Any]]]:
    items = data.get(name)
    if not isinstance(items, list):
        return []
    return [(index, item) for index, item in enumerate(items) if isinstance(item, dict)]


def _unique_ids(records: list[tuple[int, dict[str, Any]]], name: str, field: str, problems: list[Problem]) -> set[str]:
    first: dict[str, int] = {}
    for index, record in records:
        value = record.get(field)
        if not isinstance(value, str):
            continue
        earlier = first.setdefault(value, index)
        if earlier != index:
            problems.append(
                Problem(f"{name}[{index}].{field}", f"'{value}' is used by {name}[{earlier}] too; ids must differ")
            )
    return set(first)


def _no_model(model: str) -> str:
    return f"model '{model}' is not defined in this file and not installed here"


def zone_problem(spec: ModelSpec, zone: Any) -> str | None:
    """Why `zone` is not a zone of `spec`, or None if it is (a grid's columns are per canvas: only rows count)."""
    return ZoneCheck(spec).problem(zone)


class ZoneCheck:
    """The zones of one model, worked out once for the many placements that name them."""

    def __init__(self, spec: ModelSpec) -> None:
        self.spec = spec
        self.rows = [row.id for row in spec.grid.rows] if spec.grid is not None else []
        self.zones = list(spec.zones()) if spec.grid is None else []
        self._known = set(self.zones)
        self._rows = set(self.rows)

    def problem(self, zone: Any) -> str | None:
        if not isinstance(zone, str):
            return None
        spec = self.spec
        if spec.grid is not None:
            # Columns are per canvas (and may have been removed since), so only the row is checked for a grid.
            column, row = split_grid_zone(zone)
            if column and row in self._rows:
                return None
            return (
                f"'{zone}' is not a zone of model '{spec.id}' (a grid zone is '<column>.<row>', row one of {self.rows})"
            )
        if zone in self._known:
            return None
        return f"'{zone}' is not a zone of model '{spec.id}' (zones: {', '.join(self.zones)})"


def references_hold(parsed: ScanvasFile, models: Mapping[str, ModelSpec]) -> bool:
    """True when `reference_problems` would find nothing in the file `parsed` (validated), found with set
    operations over whole tables; False sends the caller to `reference_problems` for the places.

    `reference_problems` walks the plain data record by record so that it can name each place; for a sound
    10,000-card file that walk was a fifth of reading it.
    """
    cards, placements, links = parsed.cards, parsed.placements, parsed.links
    card_ids = {card.id for card in cards}
    live = {card.id for card in cards if not card.deleted}
    if len(card_ids) != len(cards) or not {card.conflict_of for card in cards} - {None} <= card_ids:
        return False
    if len({link.id for link in links}) != len(links) or len({spec.id for spec in parsed.models}) != len(parsed.models):
        return False
    settings = parsed.model_settings
    if len({kept.model for kept in settings}) != len(settings):
        return False
    if not {*parsed.canvas.models, *(kept.model for kept in settings if not kept.deleted)} <= models.keys():
        return False
    if len({(placed.card_id, placed.model) for placed in placements}) != len(placements):
        return False
    if not {placed.card_id for placed in placements} <= card_ids:
        return False
    shown = [placed for placed in placements if not placed.deleted]
    if not {placed.card_id for placed in shown} <= live:
        return False
    checks: dict[str, ZoneCheck] = {}
    for model, zone in {(placed.model, placed.zone) for placed in shown}:
        spec = models.get(model)
        if spec is None:
            return False
        check = checks.get(model)
        if check is None:
            check = checks[model] = ZoneCheck(spec)
        if check.problem(zone) is not None:
            return False
    if not {end for link in links for end in (link.source, link.target)} <= card_ids:
        return False
    kept_links = [link for link in links if not link.deleted]
    return {end for link in kept_links for end in (link.source, link.target)} <= live and all(
        link.source != link.target for link in links
    )
