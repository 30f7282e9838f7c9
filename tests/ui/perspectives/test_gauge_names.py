"""In the narrow evidence dock, every zone's name is shown whole (wrapped if need be) and named in its tooltip."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from canvas.core.demo import build_demo
from canvas.core.edits import AddCard
from canvas.core.model import Card, Evidence, Placement, Voice
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


def test_an_edit_changes_the_rows_it_touches_in_place(qtbot: QtBot, desktop: Desktop, tmp_path: Path) -> None:
    path = tmp_path / "demo.sqlite"
    with open_store(path) as store:
        store.save_document(build_demo())
    window = open_window(qtbot, desktop, path, model="journey")
    controller, zones = window.controller, window.perspective.gauge.zones
    qtbot.waitUntil(lambda: zones.topLevelItemCount() > 0)
    items = [zones.topLevelItem(i) for i in range(zones.topLevelItemCount())]
    item = next(item for item in items if item is not None and not item.text(0).startswith("⚠"))
    zone, figures = item.data(0, Qt.ItemDataRole.UserRole), item.text(1)
    assert item.data(0, Qt.ItemDataRole.ForegroundRole) is None
    total = int(figures.split(" of ")[1])
    # Assumptions in the zone until they outweigh the evidence: the figures follow, then the row warns.
    for _ in range(total + 1):
        card = Card(title="We think owners want this", evidence=Evidence.ASSUMED, voice=Voice.ORGANIZATION)
        assert controller.do(AddCard(card, (Placement(card_id=card.id, model="journey", zone=zone, y=2000.0),)))
    qtbot.waitUntil(lambda: item.text(1).endswith(f" of {2 * total + 1}"))
    assert [zones.topLevelItem(i) for i in range(len(items))] == items, "the same rows, changed in place"
    assert item.text(0).startswith("⚠ ") and item.foreground(1).color() == item.foreground(0).color()

    for _ in range(total + 1):
        controller.undo_stack.undo()
    qtbot.waitUntil(lambda: item.text(1) == figures)
    assert not item.text(0).startswith("⚠") and item.data(0, Qt.ItemDataRole.ForegroundRole) is None
