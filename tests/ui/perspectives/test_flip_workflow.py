"""The perspective workflow of issue 4, through the real main window on a real store: capture cards in the journey
map, flip to jobs-to-be-done, find exactly the unplaced cards in the tray, place one by dragging it from the tray and
one by suggestion, flip back to an untouched journey, undo the placement, look from the organization's side and
check the gauge against cards counted by hand, then open a second view side by side and see the selection follow."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from canvas.core.analysis import EvidenceCount
from canvas.core.model import Side
from canvas.store.repository import Store
from canvas.ui.app import Desktop

from .gestures import capture, card_point, drop_from_tray, in_view, open_window, press, shown, zone_point

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def test_flip_place_from_the_tray_undo_gauge_and_side_by_side(
    qtbot: QtBot, desktop: Desktop, store_path: Path, store: Store
) -> None:
    window = open_window(qtbot, desktop, store_path)
    controller, scene, view = window.controller, window.scene, window.view
    assert controller.model == "journey"

    # Capture six cards in the journey map by keyboard, each with its voice and evidence said in the line.
    sunday = capture(qtbot, window, "use.pains", "pain: Payroll runs on Sunday night @customer !observed")
    bank = capture(qtbot, window, "use.pains", "pain: Bank holds the payslips @customer !reported")
    register = capture(qtbot, window, "onboard.doing", "job: Register the first employee @customer !observed")
    approve = capture(qtbot, window, "use.touchpoints", "touchpoint: The approve-run screen @customer !observed")
    filing = capture(qtbot, window, "use.backstage", "idea: We file the a-melding for them @org !assumed")
    calls = capture(qtbot, window, "renew.opportunities", "outcome: Fewer support calls @org !reported")
    captured = [sunday, bank, register, approve, filing, calls]
    steps = controller.undo_stack.count()
    assert steps == 6
    journey = shown(view, captured)
    assert set(journey) == set(captured)
    journey_stored = dict(store.load(controller.canvas.id).placements)

    # Flip to jobs-to-be-done with Ctrl+2: not an edit, and every card waits in the tray there.
    view.setFocus()
    press(qtbot, Qt.Key.Key_2, CTRL)
    assert controller.model == "jtbd" and scene.model == "jtbd"
    assert controller.undo_stack.index() == steps
    tray = window.perspective.tray
    tray.rebuild_now()
    assert set(tray.model.ids) == set(captured) and len(tray.model.ids) == 6
    assert window.perspective.count.text() == "6 not yet seen through Jobs"
    assert tray.heading.text() == "6 not yet seen through Jobs to be done"
    assert shown(view, captured) == {}

    # Drag "Payroll runs on Sunday night" from the tray onto the Push force.
    row = tray.model.ids.index(sunday)
    data = tray.model.mimeData([tray.model.index(row)])
    assert drop_from_tray(view, data, zone_point(view, "push"))
    placement = controller.document.placement(sunday, "jtbd")
    assert placement is not None and placement.zone == "push"
    assert controller.undo_stack.index() == steps + 1
    assert controller.undo_stack.undoText() == "Place card from the tray"
    assert sunday not in tray.model.ids and len(tray.model.ids) == 5
    assert window.perspective.count.text() == "5 not yet seen through Jobs"
    assert scene.card_ids_selected() == [sunday]
    assert scene.zone_at(scene.card_rect(sunday).center()) == "push"  # type: ignore[union-attr]

    # Select the job card in the tray and ask for a suggestion: the dialog proposes the main job; confirm it.
    tray.list.setCurrentIndex(tray.model.index(tray.model.ids.index(register)))
    press(qtbot, Qt.Key.Key_P, CTRL_SHIFT)
    dialog = window.perspective.dialog
    assert dialog is not None and dialog.isVisible()
    assert [tick.text() for tick in dialog.ticks] == ["Job · 1 card"]
    assert dialog.zones[0].currentData() == "main-job"
    assert dialog.place.text() == "Place 1 card"
    qtbot.mouseClick(dialog.place, Qt.MouseButton.LeftButton)
    placement = controller.document.placement(register, "jtbd")
    assert placement is not None and placement.zone == "main-job"
    assert controller.undo_stack.index() == steps + 2
    assert set(tray.model.ids) == {bank, approve, filing, calls}

    # Flip back with Ctrl+1: the journey layout is exactly as it was, on screen and in the store.
    press(qtbot, Qt.Key.Key_1, CTRL)
    assert scene.model == "journey"
    assert shown(view, captured) == journey
    stored = store.load(controller.canvas.id).placements
    assert {key: record for key, record in stored.items() if record.model == "journey"} == journey_stored

    # Undo the placement by suggestion: the job card goes back to the jobs tray; the journey is untouched.
    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert controller.document.placement(register, "jtbd") is None
    assert store.load(controller.canvas.id).placement(register, "jtbd") is None
    assert shown(view, captured) == journey
    press(qtbot, Qt.Key.Key_2, CTRL)
    tray.rebuild_now()
    assert set(tray.model.ids) == {bank, register, approve, filing, calls}
    press(qtbot, Qt.Key.Key_1, CTRL)

    # The organization's side (Ctrl+Shift+O). By hand: the organization sees the Touchpoints lane (shared) and its
    # own Opportunities and Backstage lanes. There: the approve-run screen (customer voice, observed: evidence),
    # the a-melding idea (organization, assumed) and the support-calls outcome (organization voice, so an
    # assumption even though reported). 1 of 3 rests on customer evidence.
    press(qtbot, Qt.Key.Key_O, CTRL_SHIFT)
    assert controller.side is Side.ORGANIZATION and scene.side is Side.ORGANIZATION
    assert window.commands.side_organization.isChecked()
    gauge_panel = window.perspective.gauge
    qtbot.waitUntil(lambda: gauge_panel.gauge is not None and gauge_panel.gauge.side is Side.ORGANIZATION)
    gauge = gauge_panel.gauge
    assert gauge is not None
    assert gauge.overall == EvidenceCount(customer_evidence=1, assumptions=2)
    assert {zone: count for zone, count in gauge.zones.items() if count.total} == {
        "use.touchpoints": EvidenceCount(1, 0),
        "use.backstage": EvidenceCount(0, 1),
        "renew.opportunities": EvidenceCount(0, 1),
    }
    assert gauge_panel.verdict.text() == "Mostly assumptions: 2 of 3 cards are the organization's guesses"
    assert window.perspective.chip.text() == "⚠ Mostly assumptions 2/3"
    # The customer's lanes are dimmed; the organization's and the shared lanes are not.
    dimmed = {card_id for card_id in captured if scene.cards.items[card_id].dimmed}
    assert dimmed == {sunday, bank, register}
    # From the customer's side: the three in customer lanes and the shared touchpoint, all customer evidence.
    press(qtbot, Qt.Key.Key_C, CTRL_SHIFT)
    qtbot.waitUntil(lambda: gauge_panel.gauge is not None and gauge_panel.gauge.side is Side.CUSTOMER)
    assert gauge_panel.gauge is not None
    assert gauge_panel.gauge.overall == EvidenceCount(customer_evidence=4, assumptions=0)
    assert gauge_panel.verdict.text().startswith("Mostly customer evidence: 4 of 4 cards")
    assert {card_id for card_id in captured if scene.cards.items[card_id].dimmed} == {filing, calls}
    assert controller.undo_stack.index() == steps + 1, "switching sides is not an edit"

    # Side by side (Ctrl+\): the second view looks through the next model; selecting follows both ways.
    press(qtbot, Qt.Key.Key_Backslash, CTRL)
    second = window.perspective.split.pane
    assert second is not None and second.isVisible()
    assert second.scene.model == "jtbd" and second.scene.document is controller.document
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=card_point(view, sunday))
    assert scene.card_ids_selected() == [sunday]
    assert second.scene.card_ids_selected() == [sunday]
    assert in_view(second.view, sunday), "the card is revealed in the other view"
    assert window.inspector.card_ids == [sunday]

    # Click empty space in the second view: nothing is selected in either. Click the card there: both select it.
    qtbot.mouseClick(
        second.view.viewport(),
        Qt.MouseButton.LeftButton,
        pos=zone_point(second.view, "outcomes", 0.9, 0.9),
    )
    assert second.scene.card_ids_selected() == [] and scene.card_ids_selected() == []
    qtbot.mouseClick(second.view.viewport(), Qt.MouseButton.LeftButton, pos=card_point(second.view, sunday))
    assert scene.card_ids_selected() == [sunday] and in_view(view, sunday)
    assert window.inspector.card_ids == [sunday]

    # A change made in one view shows in the other: undo the tray drag, and the second view hides the card.
    window.commands.undo.trigger()
    assert second.scene.card_rect(sunday) is None
