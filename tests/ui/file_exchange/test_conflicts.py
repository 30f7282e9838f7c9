"""After a merge, a card changed on both sides is there twice: the copy is marked on the canvas, the inspector says
"In conflict with 'X'", and keeping one version is one step that Undo takes back."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from canvas.core.model import Card
from canvas.ui.main_window import MainWindow

from .teammates import Teammate, contents
from .test_import_merge import diverge

OURS = "Needs a system? She has two people"
THEIRS = "Is a system overkill for two people?"
TWIN = "demo-need-a-system"


@pytest.fixture
def merged(qtbot: QtBot, window: MainWindow, tor: Teammate, tmp_path: Path) -> Card:
    """Tor's file merged into Kari's canvas; the conflict copy it left."""
    back, _ = diverge(window, tor, tmp_path)
    preview = window.exchange.import_file(back)
    assert preview is not None
    qtbot.mouseClick(preview.import_button, Qt.MouseButton.LeftButton)
    [copy] = [card for card in window.controller.document.live_cards() if card.conflict_of]
    return copy


def select(window: MainWindow, card_id: str) -> None:
    window.scene.select_cards([card_id])
    assert window.inspector.card_ids == [card_id]


def test_both_versions_name_each_other_in_the_inspector(qtbot: QtBot, window: MainWindow, merged: Card) -> None:
    row = window.inspector.conflict
    select(window, merged.id)
    assert row.isVisible()
    twin_title = window.controller.document.cards[TWIN].title
    assert row.message.text() == f"In conflict with '{twin_title}'"
    assert row.message.textFormat() == Qt.TextFormat.PlainText

    select(window, TWIN)
    assert row.message.text() == f"In conflict with '{merged.title}'"

    select(window, "demo-first-hires")
    assert not row.isVisible()
    # The canvas marks the copy too (a warning sign on the card, and a hint in its tooltip).
    item = window.scene.cards.items[merged.id]
    assert "Conflicts with another version" in item.tooltip()


def test_keeping_the_imported_version_is_one_step_and_undo_brings_both_back(
    qtbot: QtBot, window: MainWindow, merged: Card, store_path: Path
) -> None:
    controller = window.controller
    before = contents(store_path)
    steps = controller.undo_stack.count()
    select(window, merged.id)

    qtbot.mouseClick(window.inspector.conflict.keep_this, Qt.MouseButton.LeftButton)

    document = controller.document
    assert document.card(merged.id) is None
    twin = document.cards[TWIN]
    assert twin.title == merged.title and twin.conflict_of is None
    assert not [card for card in document.live_cards() if card.conflict_of]
    assert controller.undo_stack.count() == steps + 1
    assert window.scene.card_rect(TWIN) is not None and window.scene.card_rect(merged.id) is None

    controller.undo_group.undo()
    assert contents(store_path) == before
    assert controller.document.card(merged.id) is not None


def test_keeping_our_version_deletes_the_copy(qtbot: QtBot, window: MainWindow, merged: Card) -> None:
    select(window, merged.id)
    ours = window.controller.document.cards[TWIN].title
    qtbot.mouseClick(window.inspector.conflict.keep_other, Qt.MouseButton.LeftButton)
    document = window.controller.document
    assert document.card(merged.id) is None
    assert document.cards[TWIN].title == ours
    assert {ours} <= {OURS, THEIRS}
    assert not window.inspector.findChildren(QLabel, "conflictMessage")[0].isVisible()
