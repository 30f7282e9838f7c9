"""The first look at a model: the whole model if cards can be read so; else its whole width, when card titles still
show at that zoom (every journey stage in view, the rest a scroll down)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from canvas.core.demo import build_demo
from canvas.store.repository import open_store
from canvas.ui.app import Desktop
from canvas.ui.scene.items.card import DETAIL_ZOOM

from .gestures import open_window


@pytest.mark.usefixtures("styled")
def test_the_journey_opens_with_every_stage_in_view_and_card_titles_readable(
    qtbot: QtBot, desktop: Desktop, tmp_path: Path
) -> None:
    path = tmp_path / "demo.sqlite"
    with open_store(path) as store:
        store.save_document(build_demo())
    window = open_window(qtbot, desktop, path, model="journey")
    window.memory.home()
    view, scene = window.view, window.scene
    assert view.zoom >= DETAIL_ZOOM, "cards show their titles"
    seen = view.mapToScene(view.viewport().rect()).boundingRect()
    layout = scene.model_layout()
    for column in layout.columns:
        rect = column.rect
        assert seen.left() <= rect.x and rect.x + rect.w <= seen.right(), f"the {column.label} stage is cut off"
