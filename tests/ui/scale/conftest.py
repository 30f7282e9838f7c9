"""Fixtures for the scale tests: the bench's large canvases (bench/scale_canvas.py) written to a real store, and
the app's own window opening code."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from canvas.core.catalog import Catalog, load_catalog
from canvas.paths import builtin_models_dir
from canvas.ui.app import Desktop
from canvas.ui.user_settings import UserSettings

BENCH = Path(__file__).resolve().parents[3] / "bench"
if str(BENCH) not in sys.path:
    sys.path.insert(0, str(BENCH))

#: What the offscreen platform says about what only a window system can do (not about the app).
OFFSCREEN_LIMITS = (
    r"This plugin does not support propagateSizeHints\(\)",
    r"This plugin does not support raise\(\)",
    r"This plugin does not support grabbing the keyboard",
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/ui/scale" in str(item.path).replace("\\", "/"):
            item.add_marker(pytest.mark.qt_log_ignore(*OFFSCREEN_LIMITS))


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return load_catalog(builtin_models_dir(), None)


@pytest.fixture
def desktop(tmp_path: Path, catalog: Catalog) -> Iterator[Desktop]:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    desktop = Desktop(catalog, UserSettings(settings))
    yield desktop
    for window in list(desktop.windows):
        window.close()
