"""Reading a `.scanvas` file a teammate sent: capped, upgraded, validated, references checked, then core records.

Nothing a file names is executed or fetched; a file either becomes a complete, consistent `Document` or is
refused with every problem and its place (FileRejected).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from canvas.core.document import Document
from canvas.core.frameworks import ModelSpec
from canvas.core.model import Canvas, Card, Link, ModelSettings, Placement, ZoneLabel
from canvas.exchange.limits import DEFAULT_LIMITS, FileRejected, Limits, Problem, check_shape, parse_json, place
from canvas.exchange.migrations import VersionProblem, upgrade
from canvas.exchange.references import reference_problems, references_hold
from canvas.exchange.scanvas import FORMAT, ScanvasFile
from canvas.exchange.scanvas_bounds import validated_within_limits
from canvas.store.loading import adopt, build


@dataclass(frozen=True)
class ScanvasContent:
    """What a valid file holds: the canvas as a document, and the model definitions it carries."""

    document: Document
    models: dict[str, ModelSpec]


def read_scanvas(
    data: bytes,
    name: str,
    known_models: Mapping[str, ModelSpec] | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> ScanvasContent:
    """The file's content, or FileRejected listing every problem. `known_models`: models installed here."""
    with _collection_paused():
        return _read(data, name, known_models, limits)


@contextmanager
def _collection_paused() -> Iterator[None]:
    # Reading a canvas makes hundreds of thousands of objects and no garbage: collection passes only cost time.
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def _read(data: bytes, name: str, known_models: Mapping[str, ModelSpec] | None, limits: Limits) -> ScanvasContent:
    raw, repeated = parse_json(data, name, limits)
    # A sound file of this version is validated first: then its schema shows most of it within the limits.
    parsed = None if repeated else validated_within_limits(raw, limits)
    problems: list[Problem] = []
    if parsed is None:
        check_shape(raw, name, limits, repeated)
        if not isinstance(raw, dict) or raw.get("format") != FORMAT:
            raise FileRejected(name, [_not_ours(raw)])
        try:
            raw = upgrade(raw)
        except VersionProblem as error:
            raise FileRejected(name, [error.problem]) from None
        try:
            parsed = ScanvasFile.model_validate(raw)
        except ValidationError as error:
            problems.extend(_describe(problem) for problem in error.errors(include_url=False))

    carried = _carried_models(raw, parsed)
    available = {**(known_models or {}), **carried}
    if parsed is None or not references_hold(parsed, available):
        problems.extend(reference_problems(raw, available))
    if problems or parsed is None:
        raise FileRejected(name, _ordered(problems))
    return ScanvasContent(_document(parsed), carried)


def _carried_models(raw: dict[str, Any], parsed: ScanvasFile | None) -> dict[str, ModelSpec]:
    if parsed is not None:
        return {spec.id: spec for spec in parsed.models}
    # The file has problems elsewhere; still use whichever model definitions are sound, for reference checks.
    carried: dict[str, ModelSpec] = {}
    items = raw.get("models")
    for item in items if isinstance(items, list) else []:
        try:
            spec = ModelSpec.model_validate(item)
        except ValidationError:
            continue
        carried.setdefault(spec.id, spec)
    return carried


def _document(parsed: ScanvasFile) -> Document:
    """The file's records as core records.

    The file classes have validated every value against the same constraints the core records have, with the
    core records' field names, order and types (tests hold them together), so each entry of the long lists
    becomes its core record as it is: its class is changed, nothing is validated, copied or converted again
    (building a new record per entry cost a tenth of reading a 10,000-card file). The parsed file is dropped after.
    """
    canvas = build(Canvas, parsed.canvas.__dict__)
    cards = {entry.id: adopt(entry, Card) for entry in parsed.cards}
    placements = {}
    for placed in parsed.placements:
        placements[f"{placed.card_id}@{placed.model}"] = adopt(placed, Placement)  # placement_key()
    links = {entry.id: adopt(entry, Link) for entry in parsed.links}
    settings = {}
    for kept in parsed.model_settings:
        values = dict(kept.__dict__)
        if kept.columns is not None:
            values["columns"] = tuple(ZoneLabel(id=column.id, label=column.label) for column in kept.columns)
        settings[kept.model] = build(ModelSettings, values)
    return Document.from_tables(canvas, cards, placements, links, settings)


def _not_ours(raw: Any) -> Problem:
    if not isinstance(raw, dict):
        return Problem("", f"is not a Sensemaking Canvas file (the top level is {_json_type(raw)}, not an object)")
    marker = raw.get("format")
    if marker is None:
        return Problem("format", f'is missing: a Sensemaking Canvas file starts with "format": "{FORMAT}"')
    return Problem("format", f'is {marker!r}, not "{FORMAT}": this is not a Sensemaking Canvas file')


_MESSAGES = {
    "missing": "is missing (required)",
    "extra_forbidden": "is not a field of format 1 (unknown key)",
}


def _describe(problem: ErrorDetails) -> Problem:
    where = place(problem["loc"]) or "the file"
    message = _MESSAGES.get(problem["type"], problem["msg"])
    if problem["type"] not in _MESSAGES and "input" in problem and _short(problem["input"]):
        message = f"{message} (found {problem['input']!r})"
    return Problem(where, message)


def _short(value: Any) -> bool:
    return isinstance(value, str | int | float | bool) and len(repr(value)) <= 60


def _json_type(value: Any) -> str:
    names = {list: "a list", str: "a string", int: "a number", float: "a number", bool: "true/false"}
    return "null" if value is None else names.get(type(value), "something else")


def _ordered(problems: list[Problem]) -> list[Problem]:
    """Problems in file order (canvas, models, …, cards[2] before cards[10]), each once."""
    order = {"format": 0, "version": 1, "canvas": 2, "models": 3, "model_settings": 4, "cards": 5}
    order.update({"placements": 6, "links": 7})

    def key(problem: Problem) -> tuple[int, int, str]:
        head = problem.place.split("[", 1)[0].split(".", 1)[0]
        index = problem.place.split("[", 1)[1].split("]", 1)[0] if "[" in problem.place else "0"
        return order.get(head, 9), int(index) if index.isdigit() else 0, problem.place

    return sorted(dict.fromkeys(problems), key=key)
