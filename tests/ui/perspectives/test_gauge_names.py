"""In the narrow evidence dock, every zone's name is shown whole (wrapped if need be) and named in its tooltip."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from canvas.core.demo import build_demo
from canvas.store.repository import open_store
from canvas.ui.app import Desktop
from canvas.ui.panels.gauge import NAME_MARGIN

from .gestures import open_window


@pytest.mark.usefixtures("styled")
def test_zone_names_in_the_evidence_table_are_never_cut(qtbot: QtBot, desktop: Desktop, tmp_path: Path) -> None:
    path = tmp_path / "demo.sqlite"
    with open_store(path) as store:
        store.save_document(build_demo())
    window = open_window(qtbot, desktop, path, model="journey", side="organization")
    panel = window.perspective.gauge
    zones = panel.zones
    qtbot.waitUntil(lambda: zones.topLevelItemCount() > 0)
    zones.resize(240, 2000)  # every row in view
    qtbot.wait(50)
    metrics = zones.fontMetrics()
    for index in range(zones.topLevelItemCount()):
        item = zones.topLevelItem(index)
        rect = zones.visualItemRect(item)
        width = zones.header().sectionSize(0)
        if metrics.horizontalAdvance(item.text(0)) > width - NAME_MARGIN:
            assert rect.height() >= 2 * metrics.height(), f"{item.text(0)!r} is cut in a {width} px column"
        assert item.text(0).removeprefix("⚠ ") in item.toolTip(0)
