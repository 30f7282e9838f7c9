"""The canvas's title in the strip above the canvas takes the room the strip has left, and names the window."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from canvas.core.demo import build_demo
from canvas.store.repository import open_store
from canvas.ui.app import Desktop

from .gestures import open_window


@pytest.mark.usefixtures("styled")
def test_the_canvas_title_takes_the_slack_and_shows_in_full_as_its_tooltip(
    qtbot: QtBot, desktop: Desktop, tmp_path: Path
) -> None:
    path = tmp_path / "demo.sqlite"
    demo = build_demo()
    with open_store(path) as store:
        store.save_document(demo)
    window = open_window(qtbot, desktop, path, model="journey")
    strip, title = window.strip, window.strip.title
    full = demo.canvas.title
    assert window.windowTitle() == f"{full} — Sensemaking Canvas"
    assert title.toolTip().startswith(full), "the full title is the tooltip"
    assert title.width() >= strip.width() - strip.tabs.width() - 320, "the title takes the strip's slack"
    # Elided only as far as its room needs, measured in the font it is drawn in (the style sheet's, bold).
    metrics = title.fontMetrics()
    shown = metrics.horizontalAdvance(title.text())
    assert title.text() == full or shown >= title.contentsRect().width() - 3 * metrics.averageCharWidth()
