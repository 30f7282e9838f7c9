"""The panels as a person uses them: the inspector edits one field per step, the find bar counts and steps, the
canvas list switches, renames and (after a clear question) deletes canvases."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from canvas.core.edits import AddCard, AddLink
from canvas.core.model import Card, CardKind, Evidence, Link, Placement
from canvas.store.repository import Store
from canvas.ui.controller import Controller
from canvas.ui.find import FindBar
from canvas.ui.panels.canvases import CanvasList
from canvas.ui.panels.inspector import Inspector


def add_card(controller: Controller, title: str, zone: str = "use.pains", **fields: object) -> Card:
    card = Card(title=title, **fields)  # type: ignore[arg-type]
    controller.do(AddCard(card, (Placement(card_id=card.id, model="journey", zone=zone),)))
    return card


def stored(store: Store, controller: Controller, card_id: str) -> Card:
    card = store.load(controller.canvas.id).card(card_id)
    assert card is not None
    return card


def test_each_inspector_field_edit_is_one_saved_step(qtbot: QtBot, controller: Controller, store: Store) -> None:
    card = add_card(controller, "Payroll runs on Sunday night")
    inspector = Inspector(controller)
    qtbot.addWidget(inspector)
    inspector.show()
    inspector.show_cards([card.id])
    steps = controller.undo_stack.count()

    inspector.title.setFocus()
    inspector.title.selectAll()
    qtbot.keyClicks(inspector.title, "Payroll has to run on Sunday night")
    qtbot.keyClick(inspector.title, Qt.Key.Key_Return)
    inspector.kind.setCurrentIndex(inspector.kind.findData(CardKind.PAIN.value))
    inspector.kind.activated.emit(inspector.kind.currentIndex())
    inspector.tags.setFocus()
    qtbot.keyClicks(inspector.tags, "payroll, weekend")
    qtbot.keyClick(inspector.tags, Qt.Key.Key_Return)
    inspector.importance.setFocus()
    inspector.importance.lineEdit().selectAll()
    qtbot.keyClicks(inspector.importance, "8")
    qtbot.keyClick(inspector.importance, Qt.Key.Key_Return)

    saved = stored(store, controller, card.id)
    assert (saved.title, saved.kind, saved.tags, saved.importance) == (
        "Payroll has to run on Sunday night",
        CardKind.PAIN,
        ("payroll", "weekend"),
        8,
    )
    assert controller.undo_stack.count() == steps + 4
    controller.undo_group.undo()
    assert stored(store, controller, card.id).importance is None
    assert inspector.importance.text() == "—"


def test_the_inspector_edits_several_cards_in_one_step(qtbot: QtBot, controller: Controller, store: Store) -> None:
    cards = [add_card(controller, title) for title in ("Waits for the payslip", "Calls support twice")]
    inspector = Inspector(controller)
    qtbot.addWidget(inspector)
    inspector.show_cards([card.id for card in cards])
    steps = controller.undo_stack.count()

    inspector.evidence.setCurrentIndex(inspector.evidence.findData(Evidence.OBSERVED.value))
    inspector.evidence.activated.emit(inspector.evidence.currentIndex())

    assert {stored(store, controller, card.id).evidence for card in cards} == {Evidence.OBSERVED}
    assert controller.undo_stack.count() == steps + 1
    assert not inspector.title.isEnabled()


def test_a_flow_is_labelled_and_made_intangible_in_the_inspector(
    qtbot: QtBot, controller: Controller, store: Store
) -> None:
    owner = add_card(controller, "Business owner", kind=CardKind.ACTOR)
    bureau = add_card(controller, "Payroll bureau", kind=CardKind.ACTOR)
    flow = Link(source=owner.id, target=bureau.id)
    controller.do(AddLink(flow))
    inspector = Inspector(controller)
    qtbot.addWidget(inspector)
    inspector.show()
    inspector.show_link(flow.id)

    inspector.focus_first_field()
    qtbot.keyClicks(inspector.link_label, "trust")
    qtbot.keyClick(inspector.link_label, Qt.Key.Key_Return)
    inspector.tangible.click()

    saved = store.load(controller.canvas.id).links[flow.id]
    assert (saved.label, saved.tangible) == ("trust", False)
    assert "Business owner" in inspector.link_heading.text()


def test_find_counts_matches_in_reading_order_and_steps_round(qtbot: QtBot, controller: Controller) -> None:
    late = add_card(controller, "Payslip arrives late", zone="use.pains")
    early = add_card(controller, "Asks when the payslip comes", zone="aware.thinking")
    add_card(controller, "Pays the bureau", zone="use.doing")
    bar = FindBar(controller, lambda ids: [i for i in (early.id, late.id) if i in ids], None)  # type: ignore[arg-type]
    qtbot.addWidget(bar)
    bar.open_bar()
    shown: list[str] = []
    bar.current.connect(shown.append)

    qtbot.keyClicks(bar.edit, "payslip")
    qtbot.keyClick(bar.edit, Qt.Key.Key_Return)  # before the pause ends: searches now and shows the first
    assert bar.matches == [early.id, late.id]
    assert bar.count.text() == "1 of 2"
    qtbot.keyClick(bar.edit, Qt.Key.Key_Return)
    assert bar.count.text() == "2 of 2"
    bar.next()
    assert bar.count.text() == "1 of 2"
    qtbot.keyClick(bar.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert shown == [early.id, late.id, early.id, late.id]

    bar.edit.setText("zebra")
    bar.search()
    assert bar.count.text() == "No cards found" and bar.matches == []


def test_the_canvas_list_switches_renames_and_deletes_after_asking(
    qtbot: QtBot, controller: Controller, store: Store
) -> None:
    first = controller.canvas.id
    panel = CanvasList(controller)
    qtbot.addWidget(panel)
    panel.show()
    second = controller.create_canvas("Renewal interviews")
    panel.refresh()
    assert [panel.list.item(i).text() for i in range(panel.list.count())] == [
        "Renewal interviews",
        "Payroll onboarding, Oslo workshop",
    ]

    item = panel.list.item(0)
    item.setText("Renewal interviews, March")
    assert store.load(str(second)).canvas.title == "Renewal interviews, March"

    panel.list.setCurrentRow(1)
    panel.list.itemActivated.emit(panel.list.currentItem())
    assert controller.canvas.id == first

    def answer(button: str) -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        assert "cannot be undone" in box.informativeText()
        chosen = next(b for b in box.buttons() if b.text() == button)
        chosen.click()

    panel.list.setCurrentRow(0)
    QTimer.singleShot(0, lambda: answer("Cancel"))
    panel.delete_selected()
    assert store.has_canvas(str(second))
    QTimer.singleShot(0, lambda: answer("Delete canvas"))
    panel.delete_selected()
    assert not store.has_canvas(str(second))
    assert panel.list.count() == 1


def test_half_typed_notes_go_to_their_own_card_when_the_selection_changes(
    qtbot: QtBot, controller: Controller, store: Store
) -> None:
    first = add_card(controller, "Payroll runs on Sunday night")
    second = add_card(controller, "Calls support twice")
    inspector = Inspector(controller)
    qtbot.addWidget(inspector)
    inspector.show()
    inspector.show_cards([first.id])
    inspector.notes.setFocus()
    qtbot.keyClicks(inspector.notes, "After closing the shop")

    inspector.show_cards([second.id])

    assert stored(store, controller, first.id).notes == "After closing the shop"
    assert stored(store, controller, second.id).notes == ""
    assert inspector.notes.toPlainText() == ""


def test_a_field_showing_several_values_is_left_alone_unless_typed_in(
    qtbot: QtBot, controller: Controller, store: Store
) -> None:
    cards = [add_card(controller, "Waits", source="interview 3"), add_card(controller, "Calls", source="tickets")]
    inspector = Inspector(controller)
    qtbot.addWidget(inspector)
    inspector.show()
    inspector.show_cards([card.id for card in cards])
    steps = controller.undo_stack.count()
    assert inspector.source.text() == "" and inspector.source.placeholderText() == "(several values)"

    inspector.source.setFocus()
    qtbot.keyClick(inspector.source, Qt.Key.Key_Return)
    inspector.show_cards([cards[0].id])

    assert [stored(store, controller, card.id).source for card in cards] == ["interview 3", "tickets"]
    assert controller.undo_stack.count() == steps
    assert inspector.source.placeholderText() == "e.g. interview 3"
