"""Arranging the value network (one undoable step), opening a window from one side (`--side`), and the same model
seen from both sides at once in the side-by-side split."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from canvas.core.analysis import auto_layout
from canvas.core.demo import build_demo
from canvas.core.edits import AddCard, AddLink
from canvas.core.model import Card, CardKind, Link, Placement, Side
from canvas.store.repository import Store, open_store
from canvas.ui.app import Desktop

from .gestures import open_window, press

CTRL = Qt.KeyboardModifier.ControlModifier


def test_arrange_network_lays_the_actors_out_in_one_undoable_step(
    qtbot: QtBot, desktop: Desktop, store_path: Path, store: Store
) -> None:
    window = open_window(qtbot, desktop, store_path)
    controller, commands = window.controller, window.commands
    assert not commands.auto_layout.isEnabled(), "only a network can be arranged"
    press(qtbot, Qt.Key.Key_3, CTRL)
    assert controller.model == "value-exchange" and commands.auto_layout.isEnabled()
    actors = []
    for index, title in enumerate(("Café owner", "Our payroll service", "The tax authority", "Her accountant")):
        card = Card(title=title, kind=CardKind.ACTOR)
        spot = Placement(card_id=card.id, model="value-exchange", zone="network", x=index * 8.0, y=0.0)
        assert controller.do(AddCard(card, (spot,)))
        actors.append(card.id)
    owner, service, authority, accountant = actors
    for source, target, label in (
        (owner, service, "money"),
        (service, owner, "payslips"),
        (service, authority, "a-melding"),
    ):
        assert controller.do(AddLink(Link(source=source, target=target, label=label)))
    before = controller.document.snapshot()
    expected = auto_layout(controller.document, "value-exchange", controller.catalog.models["value-exchange"])
    steps = controller.undo_stack.index()

    commands.auto_layout.trigger()
    assert controller.undo_stack.index() == steps + 1
    assert controller.undo_stack.undoText() == "Arrange network"
    for spot in expected:
        arranged = controller.document.placement(spot.card_id, "value-exchange")
        assert arranged is not None and (arranged.x, arranged.y) == (spot.x, spot.y)
    rects = [rect for rect in map(window.scene.card_rect, actors) if rect is not None]
    assert len(rects) == len(actors)
    assert not any(a.intersects(b) for i, a in enumerate(rects) for b in rects[i + 1 :]), "no cards overlap"
    stored = store.load(controller.canvas.id)
    assert stored.placement(accountant, "value-exchange") == controller.document.placement(accountant, "value-exchange")

    commands.undo.trigger()
    assert controller.document.snapshot() == before


def test_a_window_opened_from_the_organization_side_dims_the_customer_side(
    qtbot: QtBot, desktop: Desktop, tmp_path: Path
) -> None:
    path = tmp_path / "demo.sqlite"
    demo = build_demo()
    with open_store(path) as store:
        store.save_document(demo)
    window = open_window(qtbot, desktop, path, model="journey", side="organization")
    scene, perspective = window.scene, window.perspective
    assert scene.side is Side.ORGANIZATION and window.commands.side_organization.isChecked()
    layout = scene.model_layout()
    for card_id, placement in demo.placements_in("journey").items():
        zone_side = layout.zones[placement.zone].side
        assert scene.cards.items[card_id].dimmed == (zone_side is Side.CUSTOMER), placement.zone
    qtbot.waitUntil(lambda: perspective.gauge.gauge is not None)
    gauge = perspective.gauge.gauge
    assert gauge is not None and gauge.side is Side.ORGANIZATION
    # Counted by hand from the demo: the cards in the shared Touchpoints lane and in the organization's lanes.
    visible = [
        demo.cards[card_id]
        for card_id, placement in demo.placements_in("journey").items()
        if layout.zones[placement.zone].side is not Side.CUSTOMER
    ]
    evidence = sum(1 for card in visible if card.voice.value == "customer" and card.evidence.value != "assumed")
    assert (gauge.overall.customer_evidence, gauge.overall.assumptions) == (evidence, len(visible) - evidence)
    assert perspective.chip.look == ("assumptions" if len(visible) - evidence > evidence else "evidence")


def test_side_by_side_shows_the_same_model_from_both_sides(qtbot: QtBot, desktop: Desktop, tmp_path: Path) -> None:
    path = tmp_path / "demo.sqlite"
    demo = build_demo()
    with open_store(path) as store:
        store.save_document(demo)
    window = open_window(qtbot, desktop, path, model="journey", side="customer")
    split = window.perspective.split
    width = window.view.width()
    split.show("journey", Side.ORGANIZATION)
    pane = split.pane
    assert pane is not None and window.commands.side_by_side.isChecked()
    assert pane.side.currentText() == "Organization side" and pane.model.currentData() == "journey"
    assert window.view.width() < width, "the canvas area is split"
    placed = demo.placements_in("journey")
    main_dimmed = {card_id for card_id in placed if window.scene.cards.items[card_id].dimmed}
    second_dimmed = {card_id for card_id in placed if pane.scene.cards.items[card_id].dimmed}
    shared = {card_id for card_id, p in placed.items() if p.zone.endswith(".touchpoints")}
    assert main_dimmed and second_dimmed and not main_dimmed & second_dimmed
    assert main_dimmed | second_dimmed | shared == set(placed)

    # Ctrl+\ closes the split: the second scene is gone and the canvas has the whole width again.
    window.view.setFocus()
    press(qtbot, Qt.Key.Key_Backslash, CTRL)
    assert split.pane is None and split.scene is None
    qtbot.waitUntil(lambda: window.view.width() >= width - 2)
