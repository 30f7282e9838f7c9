"""Suggested placements: each kind in the tray is offered the zone that usually holds it; a kind the model has no
zone for is left unticked; the person may change a zone; the confirmed cards land in free slots (never on a card
already there) in one undoable step. The gauge shown stays equal to a fresh count through flips and edits."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from canvas.core.analysis import evidence_gauge
from canvas.core.edits import AddCard, EditCard
from canvas.core.layout import CARD_H, CARD_W
from canvas.core.model import Card, CardKind, Evidence, Placement
from canvas.store.repository import Store
from canvas.ui.app import Desktop

from .gestures import open_window, press

CTRL = Qt.KeyboardModifier.ControlModifier


def test_suggestions_by_kind_are_confirmed_changed_or_left_out_and_land_in_free_slots(
    qtbot: QtBot, desktop: Desktop, store_path: Path, store: Store
) -> None:
    window = open_window(qtbot, desktop, store_path)
    controller, perspective = window.controller, window.perspective
    cards = {
        "Payroll on Sunday night": CardKind.PAIN,
        "Bank holds the payslips": CardKind.PAIN,
        "Get everyone paid on time": CardKind.JOB,
        "Kari, café owner": CardKind.ACTOR,
        "Fewer errors in tax codes": CardKind.OUTCOME,
    }
    ids = {}
    for title, kind in cards.items():
        card = Card(title=title, kind=kind)
        assert controller.do(AddCard(card, (Placement(card_id=card.id, model="journey", zone="use.doing"),)))
        ids[title] = card.id
    # One card already sits in the Push force: suggestions must not land on it.
    early = Card(title="The spreadsheet broke", kind=CardKind.PAIN)
    assert controller.do(AddCard(early, (Placement(card_id=early.id, model="jtbd", zone="push"),)))
    press(qtbot, Qt.Key.Key_2, CTRL)
    steps = controller.undo_stack.index()

    window.commands.suggest.trigger()
    dialog = perspective.dialog
    assert dialog is not None
    rows = {tick.text(): (tick, combo) for tick, combo in zip(dialog.ticks, dialog.zones, strict=True)}
    assert list(rows) == ["Pain · 2 cards", "Job · 1 card", "Outcome · 1 card", "Actor · 1 card"]
    assert {text: combo.currentData() for text, (_, combo) in rows.items()} == {
        "Pain · 2 cards": "push",
        "Job · 1 card": "main-job",
        "Outcome · 1 card": "outcomes",
        "Actor · 1 card": None,
    }
    assert not rows["Actor · 1 card"][0].isChecked(), "no usual zone for actors in jobs-to-be-done"
    assert dialog.place.text() == "Place 4 cards"
    # The person sends the job to Execute instead, and leaves the outcome in the tray.
    job_zone = rows["Job · 1 card"][1]
    job_zone.setCurrentIndex(job_zone.findData("execute"))
    rows["Outcome · 1 card"][0].setChecked(False)
    assert dialog.place.text() == "Place 3 cards"
    qtbot.mouseClick(dialog.place, Qt.MouseButton.LeftButton)

    assert controller.undo_stack.index() == steps + 1
    assert controller.undo_stack.undoText() == "Place 3 suggested cards"
    document = controller.document
    zones = {title: getattr(document.placement(card_id, "jtbd"), "zone", None) for title, card_id in ids.items()}
    assert zones == {
        "Payroll on Sunday night": "push",
        "Bank holds the payslips": "push",
        "Get everyone paid on time": "execute",
        "Kari, café owner": None,
        "Fewer errors in tax codes": None,
    }
    in_push = [window.scene.card_rect(card_id) for card_id in (early.id, ids["Payroll on Sunday night"])]
    in_push.append(window.scene.card_rect(ids["Bank holds the payslips"]))
    rects = [rect for rect in in_push if rect is not None]
    assert len(rects) == 3
    assert not any(a.intersects(b) for i, a in enumerate(rects) for b in rects[i + 1 :]), "free slots only"
    assert all(rect.width() == CARD_W and rect.height() == CARD_H for rect in rects)
    perspective.tray.rebuild_now()
    assert set(perspective.tray.model.ids) == {ids["Kari, café owner"], ids["Fewer errors in tax codes"]}

    window.commands.undo.trigger()
    assert all(document.placement(card_id, "jtbd") is None for card_id in ids.values())


def test_the_gauge_shown_always_equals_a_fresh_count(
    qtbot: QtBot, desktop: Desktop, store_path: Path, store: Store
) -> None:
    window = open_window(qtbot, desktop, store_path)
    controller, gauge = window.controller, window.perspective.gauge
    card = Card(title="Payroll on Sunday night", kind=CardKind.PAIN, evidence=Evidence.OBSERVED)
    placements = (
        Placement(card_id=card.id, model="journey", zone="use.pains"),
        Placement(card_id=card.id, model="jtbd", zone="push"),
    )
    assert controller.do(AddCard(card, placements))

    def fresh_and_shown_agree() -> bool:
        spec = controller.model_spec
        assert spec is not None
        shown = gauge.gauge
        fresh = evidence_gauge(controller.document, spec, None, controller.side)
        return shown is not None and shown == fresh

    qtbot.waitUntil(fresh_and_shown_agree)
    for step in ("flip", "edit", "flip back", "edit", "flip"):
        if step.startswith("flip"):
            press(qtbot, Qt.Key.Key_2 if controller.model == "journey" else Qt.Key.Key_1, CTRL)
        else:
            evidence = Evidence.ASSUMED if controller.document.cards[card.id].evidence is Evidence.OBSERVED else None
            assert controller.do(EditCard(card.id, {"evidence": evidence or Evidence.OBSERVED}))
        qtbot.waitUntil(fresh_and_shown_agree)
