"""A fresh store file for each test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from canvas.store import Store, open_store


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    return tmp_path / "canvas.sqlite"


@pytest.fixture
def store(store_path: Path) -> Iterator[Store]:
    with open_store(store_path) as opened:
        yield opened
