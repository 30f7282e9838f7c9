"""The keyboard path: every action sits in a menu with its keys, the F1 sheet lists them, and the card commands
(duplicate, delete, copy and paste between canvases) work from the keys alone; F5 presents and Esc comes back."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, QSettings, Qt, QTimer
from PySide6.QtGui import QFont, QKeySequence
from PySide6.QtWidgets import QApplication, QDialog, QInputDialog, QLabel, QMenu, QToolBar
from pytestqt.qtbot import QtBot

from canvas.core.catalog import Catalog
from canvas.core.edits import AddCard, AddLink
from canvas.core.model import Card, CardKind, Link, Placement
from canvas.store.repository import Store
from canvas.ui.app import Desktop
from canvas.ui.dialogs.shortcuts import ShortcutSheet
from canvas.ui.main_window import MainWindow
from canvas.ui.user_settings import UserSettings


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path, catalog: Catalog, store_path: Path, store: Store) -> Iterator[MainWindow]:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    desktop = Desktop(catalog, UserSettings(settings))
    window = desktop.open(store_path)
    window.resize(1600, 1000)
    window.show()
    qtbot.waitExposed(window)
    window.view.setFocus()
    yield window
    for open_window in list(desktop.windows):
        open_window.close()


def add(window: MainWindow, title: str, zone: str, kind: CardKind = CardKind.SITUATION) -> Card:
    card = Card(title=title, kind=kind)
    window.controller.do(AddCard(card, (Placement(card_id=card.id, model="journey", zone=zone),)))
    return card


def test_every_action_is_in_a_menu_no_two_share_keys_and_ctrl_digits_switch_models(window: MainWindow) -> None:
    in_menus = {action for menu in window.menuBar().findChildren(QMenu) for action in menu.actions()}
    keys: dict[str, str] = {}
    for action in window.commands:
        assert action in in_menus, f"{action.text()} is in no menu"
        assert action.statusTip(), f"{action.text()} has no status tip"
        for shortcut in action.shortcuts():
            text = shortcut.toString(QKeySequence.SequenceFormat.PortableText)
            assert text not in keys, f"{text} is used by both {keys[text]} and {action.text()}"
            keys[text] = action.text()
    # Ctrl+1…9 were kept free for the model switcher, and are its keys now (the Perspective menu), no one else's.
    for digit in "123456789":
        model_key = getattr(window.commands, f"model_{digit}").shortcut()
        assert model_key.toString(QKeySequence.SequenceFormat.PortableText) == f"Ctrl+{digit}"


def test_the_shortcut_sheet_is_made_from_the_actions(qtbot: QtBot, window: MainWindow) -> None:
    sheet = ShortcutSheet(window.commands.menus(), window)
    qtbot.addWidget(sheet)
    edit_rows = dict(sheet.sections["Edit"])
    assert edit_rows["Duplicate"] == "Ctrl+D"
    assert edit_rows["Undo"] == QKeySequence(QKeySequence.StandardKey.Undo).toString(
        QKeySequence.SequenceFormat.NativeText
    )
    assert ("Next / previous kind", "Alt+K  Alt+Shift+K") in sheet.sections["Quick capture"]
    # Only the models this canvas has are listed, each by its name; the unused Ctrl+digits are not.
    models = window.controller.models_of_canvas()
    model_keys = [keys for _, keys in sheet.sections["Perspective"] if keys.startswith("Ctrl+") and keys[5:].isdigit()]
    assert len(models) < 9 and model_keys == [f"Ctrl+{n}" for n in range(1, len(models) + 1)]
    assert not any(text.startswith("Model ") for text, _ in sheet.sections["Perspective"])
    sheet.show()
    qtbot.waitExposed(sheet)
    headings = [label for label in sheet.findChildren(QLabel) if label.objectName() == "sheetHeading"]
    assert headings and all(label.font().weight() >= QFont.Weight.Bold for label in headings), "headings are bold"
    sheet.close()

    QTimer.singleShot(0, lambda: QApplication.activeModalWidget().reject())  # type: ignore[union-attr]
    window.commands.shortcuts.trigger()


def test_duplicate_delete_and_undo_from_the_keyboard(qtbot: QtBot, window: MainWindow, store: Store) -> None:
    card = add(window, "Payroll runs on Sunday night", "use.pains", CardKind.PAIN)
    window.scene.select_cards([card.id])
    view = window.view

    qtbot.keyClick(view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    copies = [c for c in window.controller.document.live_cards() if c.id != card.id]
    assert [(c.title, c.kind) for c in copies] == [("Payroll runs on Sunday night", CardKind.PAIN)]
    assert window.scene.card_ids_selected() == [copies[0].id]
    original = window.controller.document.placement(card.id, "journey")
    copy = window.controller.document.placement(copies[0].id, "journey")
    assert original is not None and copy is not None
    assert copy.zone == "use.pains" and (copy.x, copy.y) != (original.x, original.y)

    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert store.load(window.controller.canvas.id).card(copies[0].id) is None
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert store.load(window.controller.canvas.id).card(copies[0].id) is not None


def test_cards_copied_on_one_canvas_paste_on_another_with_their_flow(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    owner = add(window, "Business owner", "use.doing", CardKind.ACTOR)
    bureau = add(window, "Payroll bureau", "use.doing", CardKind.ACTOR)
    window.controller.do(AddLink(Link(source=owner.id, target=bureau.id, label="money")))
    window.scene.select_cards([owner.id, bureau.id])
    qtbot.keyClick(window.view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)

    second = window.controller.create_canvas("Renewal interviews")
    assert second is not None and window.controller.canvas.id == second
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)

    pasted = store.load(second)
    assert sorted(card.title for card in pasted.live_cards()) == ["Business owner", "Payroll bureau"]
    assert {card.id for card in pasted.live_cards()}.isdisjoint({owner.id, bureau.id})
    (flow,) = pasted.live_links()
    assert flow.label == "money"
    assert all(pasted.placement(card.id, "journey") is not None for card in pasted.live_cards())


def test_f5_presents_full_screen_without_panels_and_esc_comes_back(qtbot: QtBot, window: MainWindow) -> None:
    toolbar = window.findChild(QToolBar, "tools")
    assert toolbar is not None and window.inspector_dock.isVisible()

    qtbot.keyClick(window.view, Qt.Key.Key_F5)
    assert window.presentation.active and window.isFullScreen()
    assert not window.inspector_dock.isVisible() and not toolbar.isVisible() and not window.menuBar().isVisible()
    assert window.scene.look.presentation

    qtbot.keyClick(window.view, Qt.Key.Key_Escape)
    assert not window.presentation.active and not window.isFullScreen()
    assert window.inspector_dock.isVisible() and toolbar.isVisible() and window.menuBar().isVisible()
    assert not window.scene.look.presentation


def test_a_stage_is_added_from_the_column_menu_as_one_undoable_step(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    def name_it() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QInputDialog)
        dialog.setTextValue("After sales")
        dialog.done(QDialog.DialogCode.Accepted)

    QTimer.singleShot(0, name_it)
    window.stage_menu.insert(6)

    settings = store.load(window.controller.canvas.id).model_settings("journey")
    assert settings is not None and settings.columns is not None
    assert [(c.id, c.label) for c in settings.columns][-2:] == [("renew", "Renew"), ("after-sales", "After sales")]
    assert window.scene.model_layout().columns[-1].label == "After sales"
    window.commands.undo.trigger()
    assert window.scene.model_layout().columns[-1].label == "Renew"


def test_f2_puts_the_keyboard_in_the_inspector_and_esc_gives_it_back(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    card = add(window, "Payroll runs on Sunday night", "use.pains", CardKind.PAIN)
    window.scene.select_cards([card.id])
    qtbot.keyClick(window.view, Qt.Key.Key_F2)
    assert QApplication.focusWidget() is window.inspector.title

    qtbot.keyClicks(window.inspector.title, "Payroll on Sunday night, again")
    qtbot.keyClick(window.inspector.title, Qt.Key.Key_Escape)
    assert QApplication.focusWidget() is window.view
    saved = store.load(window.controller.canvas.id).card(card.id)
    assert saved is not None and saved.title == "Payroll on Sunday night, again"


def test_alt_keys_set_kind_voice_and_evidence_while_capturing(qtbot: QtBot, window: MainWindow, store: Store) -> None:
    # The mouse rests over Use · Doing, whose usual kind is "situation".
    rect = window.scene.model_layout().zones["use.doing"].rect
    point = window.view.mapFromScene(QPointF(rect.x + 40, rect.y + 40))
    for offset in (QPoint(-6, -6), QPoint(0, 0)):
        qtbot.mouseMove(window.view.viewport(), point + offset)
    window.view.setFocus()
    qtbot.keyClick(window.view, "W")
    line = window.capture.line.edit
    assert QApplication.focusWidget() is line
    qtbot.keyClicks(line, "ants to know the payslip went out")
    qtbot.keyClick(line, Qt.Key.Key_K, Qt.KeyboardModifier.AltModifier)  # situation -> need
    qtbot.keyClick(line, Qt.Key.Key_V, Qt.KeyboardModifier.AltModifier)  # customer -> organization
    qtbot.keyClick(line, Qt.Key.Key_E, Qt.KeyboardModifier.AltModifier)  # assumed -> observed
    assert window.capture.line.chip.text() == "Use · Doing  →  Need · organization voice · observed"
    assert not window.menuBar().activeAction()  # Alt+V and Alt+E did not open the View and Edit menus
    qtbot.keyClick(line, Qt.Key.Key_Return)

    (card,) = store.load(window.controller.canvas.id).live_cards()
    assert (card.title, card.kind.value, card.voice.value, card.evidence.value) == (
        "Wants to know the payslip went out",
        "need",
        "organization",
        "observed",
    )
    assert window.capture.active and line.text() == ""  # ready for the next card
