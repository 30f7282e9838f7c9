"""Model definitions that arrived inside imported files, remembered in the store so their canvases still open.

A `.scanvas` file carries the full definition of every model it uses. When one of them is not installed here,
the import keeps that definition in the store (in the same transaction as the cards); the app adds these to its
catalog with `catalog.with_models(carried_models(store))`. Installed models always win over carried ones.
"""

from __future__ import annotations

from collections.abc import Iterable

from pydantic import ValidationError

from canvas.core.frameworks import ModelSpec
from canvas.store import Store

#: The store's state key holding carried models: {model id: the model's definition as JSON data}.
CARRIED_MODELS_KEY = "exchange.carried_models"


def carried_models(store: Store) -> list[ModelSpec]:
    """The model definitions imported files brought, sorted by id (any that no longer validate are skipped)."""
    stored = store.get_state(CARRIED_MODELS_KEY)
    if not isinstance(stored, dict):
        return []
    specs = []
    for model_id in sorted(stored):
        try:
            specs.append(ModelSpec.model_validate(stored[model_id]))
        except ValidationError:
            continue  # written by another version and no longer valid: the installed catalog is not harmed
    return specs


def remember_models(store: Store, specs: Iterable[ModelSpec]) -> None:
    """Keep these definitions (replacing older ones of the same id). Call inside the import's transaction."""
    specs = list(specs)
    if not specs:
        return
    stored = store.get_state(CARRIED_MODELS_KEY)
    kept = dict(stored) if isinstance(stored, dict) else {}
    for spec in specs:
        kept[spec.id] = spec.model_dump(mode="json")
    store.set_state(CARRIED_MODELS_KEY, kept)
