"""Checks of a whole canvas against the model catalog, with messages a person understands.

Nothing here refuses a canvas: an imperfect file from a teammate is shown with its problems, never lost.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from canvas.core.catalog import Catalog
from canvas.core.document import Document
from canvas.core.frameworks import ModelSpec
from canvas.core.model import Card, Link, ModelSettings, Placement


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a canvas: `message` for a person, `where` names the record (e.g. "card 3f2a…")."""

    message: str
    where: str

    def __str__(self) -> str:
        return self.message


def validate_document(doc: Document, catalog: Catalog) -> list[Problem]:
    """Every problem in `doc`, in a stable order: enabled models, placements, links, model settings."""
    problems: list[Problem] = []
    problems += _check_enabled_models(doc, catalog)
    problems += _check_placements(doc, catalog)
    problems += _check_links(doc)
    problems += _check_settings(doc, catalog)
    return problems


def model_phrase(spec: ModelSpec) -> str:
    """'the customer journey map': a model's name as it reads inside a sentence."""
    name = spec.name
    first_word = name.split(" ", 1)[0]
    # Lower-case "Customer journey map" but not an acronym such as "JTBD canvas".
    if first_word[1:] == first_word[1:].lower():
        name = name[:1].lower() + name[1:]
    return f"the {name}"


def _card_name(doc: Document, card_id: str) -> str:
    card = doc.cards.get(card_id)
    return f"card '{card.title}'" if card is not None and card.title else f"card {card_id}"


def _check_enabled_models(doc: Document, catalog: Catalog) -> list[Problem]:
    problems = []
    for model_id, count in Counter(doc.canvas.models).items():
        if count > 1:
            problems.append(Problem(f"the model '{model_id}' is enabled {count} times on this canvas", "canvas"))
    for model_id in dict.fromkeys(doc.canvas.models):
        if model_id not in catalog:
            problems.append(
                Problem(
                    f"this canvas uses the model '{model_id}', which is not installed here; "
                    f"its placements are kept but cannot be shown",
                    "canvas",
                )
            )
    return problems


def _check_placements(doc: Document, catalog: Catalog) -> list[Problem]:
    problems = []
    zones_by_model: dict[str, set[str]] = {}
    for placement in doc.placements.values():
        if placement.deleted:
            continue
        where = f"placement {placement.key}"
        card = doc.cards.get(placement.card_id)
        if card is None:
            problems.append(
                Problem(
                    f"a placement in model '{placement.model}' refers to card {placement.card_id}, "
                    "which does not exist",
                    where,
                )
            )
            continue
        if card.deleted:
            problems.append(
                Problem(
                    f"{_card_name(doc, card.id)} was deleted but is still placed in zone '{placement.zone}' "
                    f"of model '{placement.model}'",
                    where,
                )
            )
            continue
        spec = catalog.get(placement.model)
        if spec is None:
            # Reported once per model by _check_enabled_models when enabled; a disabled unknown model's
            # placements are simply dormant.
            continue
        zones = zones_by_model.get(spec.id)
        if zones is None:
            zones = zones_by_model[spec.id] = set(spec.zones(doc.model_settings(spec.id)))
        if placement.zone not in zones:
            problems.append(_stray_zone(card, placement, spec))
    return problems


def _stray_zone(card: Card, placement: Placement, spec: ModelSpec) -> Problem:
    return Problem(
        f"card '{card.title}' is placed in zone '{placement.zone}' which {model_phrase(spec)} of this canvas "
        "does not have",
        f"placement {placement.key}",
    )


def _check_links(doc: Document) -> list[Problem]:
    problems = []
    for link in doc.links.values():
        if link.deleted:
            continue
        where = f"link {link.id}"
        for end in (link.source, link.target):
            card = doc.cards.get(end)
            if card is None:
                problems.append(Problem(f"{_link_name(doc, link)} ends at card {end}, which does not exist", where))
            elif card.deleted:
                problems.append(
                    Problem(f"{_link_name(doc, link)} ends at {_card_name(doc, end)}, which was deleted", where)
                )
        if link.source == link.target:
            problems.append(Problem(f"{_link_name(doc, link)} links a card to itself", where))
    return problems


def _link_name(doc: Document, link: Link) -> str:
    label = f" '{link.label}'" if link.label else ""
    return f"the link{label} from {_card_name(doc, link.source)} to {_card_name(doc, link.target)}"


def _check_settings(doc: Document, catalog: Catalog) -> list[Problem]:
    problems = []
    for settings in doc.settings.values():
        if settings.deleted or settings.columns is None:
            continue
        problems += _check_columns(settings, catalog.get(settings.model))
    return problems


def _check_columns(settings: ModelSettings, spec: ModelSpec | None) -> list[Problem]:
    assert settings.columns is not None
    where = f"settings of model {settings.model}"
    noun = "column"
    owner = f"model '{settings.model}'"
    if spec is not None:
        owner = model_phrase(spec)
        if spec.grid is None or not spec.grid.columns_editable:
            return [Problem(f"this canvas sets its own columns for {owner}, whose columns are fixed", where)]
        noun = spec.grid.column_noun
    if not settings.columns:
        return [Problem(f"{owner} of this canvas has no {noun}s; it needs at least one", where)]
    problems = []
    for column_id, count in Counter(column.id for column in settings.columns).items():
        if count > 1:
            labels = ", ".join(f"'{c.label}'" for c in settings.columns if c.id == column_id)
            problems.append(
                Problem(
                    f"{owner} of this canvas has {count} {noun}s with the id '{column_id}' ({labels}); "
                    f"each {noun} needs its own id",
                    where,
                )
            )
    return problems


__all__ = ["Problem", "model_phrase", "validate_document"]
