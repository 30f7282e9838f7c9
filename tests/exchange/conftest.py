"""Fixtures for the exchange tests: the installed models."""

from __future__ import annotations

import pytest

from canvas.core.catalog import Catalog, load_catalog
from canvas.core.frameworks import ModelSpec
from canvas.paths import builtin_models_dir


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return load_catalog(builtin_models_dir(), None)


@pytest.fixture(scope="session")
def models(catalog: Catalog) -> dict[str, ModelSpec]:
    return catalog.models
