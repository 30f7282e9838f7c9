"""Fixtures for the scene's tests: the built-in catalog, the payroll workshop document, a scene and a shown view."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from canvas.core.catalog import Catalog, load_catalog
from canvas.core.document import Document
from canvas.paths import builtin_models_dir
from canvas.ui.scene.scene import CanvasScene
from canvas.ui.scene.view import CanvasView

from .workshop import workshop


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return load_catalog(builtin_models_dir(), None)


@pytest.fixture
def document(catalog: Catalog) -> Document:
    return workshop(catalog)


@pytest.fixture
def scene(qtbot: QtBot, catalog: Catalog, document: Document) -> CanvasScene:
    scene = CanvasScene(catalog)
    scene.show_document(document, "journey")
    return scene


@pytest.fixture
def view(qtbot: QtBot, scene: CanvasScene) -> CanvasView:
    """The scene in a 1400 × 900 view at zoom 1, showing the journey's top-left corner."""
    view = CanvasView(scene)
    qtbot.addWidget(view)
    view.resize(1400, 900)
    view.show()
    qtbot.waitExposed(view)
    view.set_zoom(1.0)
    view.centerOn(view.mapToScene(view.viewport().rect().center()))
    view.ensureVisible(0.0, 0.0, 10.0, 10.0, 0, 0)
    return view
