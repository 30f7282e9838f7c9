"""Kari sends her canvas to Tor; both change it; Kari imports Tor's file in the window. The preview says what
will happen and changes nothing; Import does exactly that; one Undo brings the store back byte for byte."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from canvas.core.document import Document
from canvas.core.edits import EditCard
from canvas.exchange.exporting import ExportFormat
from canvas.store.repository import open_store
from canvas.ui.main_window import MainWindow

from .teammates import Teammate, contents


def live_titles(document: Document) -> dict[str, str]:
    return {card.id: card.title for card in document.live_cards()}


def diverge(window: MainWindow, tor: Teammate, tmp_path: Path) -> tuple[Path, str]:
    """Kari exports her canvas, Tor imports it and changes it, and both edit one card: Tor's file and his new card."""
    canvas = window.controller.canvas.id
    shared = tmp_path / "payroll.scanvas"
    assert window.exchange.export_to(shared, ExportFormat.SCANVAS)
    tor.run("import", shared)
    tor.run("card", "edit", canvas, "demo-proud-employer", "--title", "Proud, and a little scared")
    tor.run("card", "edit", canvas, "demo-need-a-system", "--title", "Is a system overkill for two people?")
    tor.run("card", "delete", canvas, "demo-price-page")
    added = tor.run("card", "add", canvas, "Asks her bank whether it does payroll")
    back = tmp_path / "payroll-from-tor.scanvas"
    tor.run("export", canvas, "-o", back)
    assert window.controller.do(EditCard("demo-need-a-system", {"title": "Needs a system? She has two people"}))
    return back, added


def test_the_preview_says_what_the_merge_then_does_and_one_undo_takes_it_back(
    qtbot: QtBot, window: MainWindow, tor: Teammate, tmp_path: Path, store_path: Path
) -> None:
    controller = window.controller
    back, tor_card = diverge(window, tor, tmp_path)
    before = contents(store_path)
    titles_before = live_titles(controller.document)
    steps_before = controller.undo_stack.count()

    preview = window.exchange.import_file(back)
    assert preview is not None and preview.isVisible()
    assert preview.destination.label == f"Merge into '{controller.canvas.title}'"
    shown = {name: int(label.text()) for name, label in preview.counts.items()}
    assert shown == {"added": 1, "updated": 1, "deleted": 1, "conflicts": 1}
    conflicts = [preview.conflict_list.item(i).text() for i in range(preview.conflict_list.count())]
    assert len(conflicts) == 1 and "Is a system overkill for two people?" in conflicts[0]
    assert contents(store_path) == before, "the preview changed the store"

    qtbot.mouseClick(preview.import_button, Qt.MouseButton.LeftButton)

    # What happened is what the preview said.
    document = controller.document
    titles = live_titles(document)
    copies = [card for card in document.live_cards() if card.conflict_of]
    added = set(titles) - set(titles_before) - {card.id for card in copies}
    deleted = set(titles_before) - set(titles)
    updated = {
        card_id
        for card_id in set(titles) & set(titles_before)
        if titles[card_id] != titles_before[card_id] and card_id != "demo-need-a-system"
    }
    assert added == {tor_card}
    assert deleted == {"demo-price-page"}
    assert updated == {"demo-proud-employer"}
    assert [card.conflict_of for card in copies] == ["demo-need-a-system"]
    versions = {titles["demo-need-a-system"], copies[0].title}
    assert versions == {"Is a system overkill for two people?", "Needs a system? She has two people"}
    # ...in the store as on the screen, and shown: the kept copy sits by its twin on the journey.
    with open_store(store_path) as store:
        assert live_titles(store.load(controller.canvas.id)) == titles
    assert window.scene.card_rect(copies[0].id) is not None
    assert controller.undo_stack.count() == steps_before + 1
    assert controller.undo_stack.undoText() == "Import payroll-from-tor.scanvas"

    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)

    assert contents(store_path) == before, "one undo did not take the whole import back"
    assert live_titles(controller.document) == titles_before
    assert window.scene.card_rect(copies[0].id) is None


def test_importing_the_same_file_twice_offers_nothing_the_second_time(
    qtbot: QtBot, window: MainWindow, tor: Teammate, tmp_path: Path
) -> None:
    back, _ = diverge(window, tor, tmp_path)
    first = window.exchange.import_file(back)
    assert first is not None
    qtbot.mouseClick(first.import_button, Qt.MouseButton.LeftButton)

    again = window.exchange.import_file(back)
    assert again is not None
    assert [label.text() for label in again.counts.values()] == ["0", "0", "0", "0"]
    assert not again.import_button.isEnabled()
    assert "already holds everything" in again.summary.text()
    again.reject()


def test_as_a_copy_makes_a_canvas_of_its_own_and_undo_removes_it(
    qtbot: QtBot, window: MainWindow, tor: Teammate, tmp_path: Path, store_path: Path
) -> None:
    controller = window.controller
    back, _ = diverge(window, tor, tmp_path)
    demo = controller.canvas.id
    before = contents(store_path)

    preview = window.exchange.import_file(back)
    assert preview is not None
    preview.choose(1)
    assert preview.destination.as_copy
    assert preview.counts["conflicts"].text() == "0"
    with open_store(tor.store) as store:
        tors = store.load(demo)
    assert int(preview.counts["added"].text()) == len(tors.live_cards()) + len(tors.live_links())
    qtbot.mouseClick(preview.import_button, Qt.MouseButton.LeftButton)

    copy = controller.canvas
    assert copy.id != demo and copy.title.endswith("(copy)")
    with open_store(store_path) as store:
        assert {summary.id for summary in store.list_canvases()} == {demo, copy.id}

    controller.undo_group.undo()

    assert controller.canvas.id == demo
    assert contents(store_path) == before
