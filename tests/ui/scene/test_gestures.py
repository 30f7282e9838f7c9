"""Gestures as a person makes them with the mouse: they end in one signal with plain data, never in an edit."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from canvas.core.document import Document
from canvas.core.edits import DeleteCards, PlaceCards, Spot
from canvas.core.layout import CARD_H, CARD_W, SLOT_H, SLOT_W
from canvas.ui.scene.scene import CanvasScene
from canvas.ui.scene.view import CanvasView

from .workshop import card_id


def screen_point(view: CanvasView, scene_point: QPointF) -> QPoint:
    return view.mapFromScene(scene_point)


def card_centre(scene: CanvasScene, card: str) -> QPointF:
    rect = scene.card_rect(card)
    assert rect is not None
    return rect.center()


def drag(
    view: CanvasView, start: QPoint, end: QPoint, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    viewport = view.viewport()
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, modifiers, start)
    for step in range(1, 9):
        QTest.mouseMove(viewport, start + (end - start) * step / 8)
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, modifiers, end)


def test_dragging_a_card_into_another_stage_emits_one_snapped_move(
    qtbot: QtBot, view: CanvasView, scene: CanvasScene, document: Document
) -> None:
    card = card_id(document, "Hears about us from her accountant")  # aware.doing, first slot
    zone = scene.model_layout().zones["consider.doing"]  # holds one card in its first slot
    start = screen_point(view, card_centre(scene, card))
    # Drop it a little off the empty second slot of Consider · Doing.
    end = screen_point(view, QPointF(zone.origin[0] + SLOT_W + CARD_W / 2 + 9, zone.origin[1] + CARD_H / 2 + 14))
    moves: list[list[Spot]] = []
    scene.cardsMoved.connect(moves.append)

    drag(view, start, end)

    assert moves == [[Spot(card, "journey", "consider.doing", SLOT_W, 0.0)]]
    # Nobody applied the edit: the card settles back where the document has it.
    assert scene.cards.items[card].zone == "aware.doing"
    assert scene.cards.items[card].pos() == QPointF(scene.cards.items[card].x0, scene.cards.items[card].y0)


def test_a_card_dropped_on_an_occupied_slot_takes_the_nearest_free_one(
    qtbot: QtBot, view: CanvasView, scene: CanvasScene, document: Document
) -> None:
    card = card_id(document, "Hears about us from her accountant")
    occupied = card_centre(scene, card_id(document, "Compares three payroll providers on price"))
    moves: list[list[Spot]] = []
    scene.cardsMoved.connect(moves.append)

    drag(view, screen_point(view, card_centre(scene, card)), screen_point(view, occupied))

    [[spot]] = moves
    assert spot.zone == "consider.doing"
    assert (spot.x, spot.y) in {(SLOT_W, 0.0), (0.0, SLOT_H)}


def test_the_scene_follows_when_the_controller_applies_the_move(
    qtbot: QtBot, view: CanvasView, scene: CanvasScene, document: Document
) -> None:
    def controller(spots: list[Spot]) -> None:
        scene.apply_changes(PlaceCards(tuple(spots)).apply(document))

    scene.cardsMoved.connect(controller)
    card = card_id(document, "Hears about us from her accountant")
    zone = scene.model_layout().zones["renew.doing"]
    target = QPointF(zone.origin[0] + CARD_W / 2, zone.origin[1] + CARD_H / 2)

    drag(view, screen_point(view, card_centre(scene, card)), screen_point(view, target))

    item = scene.cards.items[card]
    assert item.zone == "renew.doing"
    assert document.placement(card, "journey") is not None
    assert item.pos() == QPointF(zone.origin[0], zone.origin[1])
    assert scene.cards.members["renew.doing"] >= {card}
    assert "aware.doing" in scene.cards.members  # the conflict card is still there


def test_dragging_a_selection_moves_all_of_it_in_one_signal_without_piling_up(
    qtbot: QtBot, view: CanvasView, scene: CanvasScene, document: Document
) -> None:
    first = card_id(document, "Worried about getting tax codes wrong")  # signup.feeling
    second = card_id(document, "Sign-up asks for the bank's creditor id")  # signup.pains
    QTest.mouseClick(
        view.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        screen_point(view, card_centre(scene, first)),
    )
    QTest.mouseClick(
        view.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.ControlModifier,
        screen_point(view, card_centre(scene, second)),
    )
    assert set(scene.card_ids_selected()) == {first, second}
    moves: list[list[Spot]] = []
    scene.cardsMoved.connect(moves.append)
    zone = scene.model_layout().zones["signup.doing"]  # holds one card in slot 0

    start = card_centre(scene, first)
    end = QPointF(zone.origin[0] + CARD_W / 2, zone.origin[1] + CARD_H / 2)
    drag(view, screen_point(view, start), screen_point(view, end))

    assert len(moves) == 1
    spots = moves[0]
    assert {spot.card_id for spot in spots} == {first, second}
    offsets = {(spot.zone, spot.x, spot.y) for spot in spots}
    assert len(offsets) == 2, "two cards dropped together must not share a slot"
    assert ("signup.doing", 0.0, 0.0) not in offsets, "the card already there keeps its slot"


def test_ctrl_click_toggles_and_a_rubber_band_selects(
    qtbot: QtBot, view: CanvasView, scene: CanvasScene, document: Document
) -> None:
    first = card_id(document, "Hears about us from her accountant")
    second = card_id(document, "Compares three payroll providers on price")
    click = screen_point(view, card_centre(scene, first))
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ControlModifier, click)
    assert scene.card_ids_selected() == [first]
    # Slower than a double-click.
    later = QApplication.doubleClickInterval() + 50
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ControlModifier, click, later)
    assert scene.card_ids_selected() == []

    # A band from the empty top-left corner of Aware · Doing across to Consider · Doing.
    aware = scene.model_layout().zones["aware.doing"].rect
    band_start = screen_point(view, QPointF(aware.x + 4, aware.y + 4))
    band_end = screen_point(view, card_centre(scene, second))
    drag(view, band_start, band_end)
    selected = set(scene.card_ids_selected())
    assert {first, second} <= selected
    assert all(scene.cards.items[c].selected for c in selected)

    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, band_start)
    assert scene.card_ids_selected() == []


def test_double_click_edits_the_title_in_place(
    qtbot: QtBot, view: CanvasView, scene: CanvasScene, document: Document
) -> None:
    card = card_id(document, "Hears about us from her accountant")
    edits: list[tuple[str, str]] = []
    scene.titleEdited.connect(lambda i, t: edits.append((i, t)))
    QTest.mouseDClick(
        view.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        screen_point(view, card_centre(scene, card)),
    )
    editor = scene.title_editor()
    assert editor is not None and editor.card_id == card

    QTest.keyClicks(view.viewport(), "Hears of us at a <b>cafe</b>")
    QTest.keyClick(view.viewport(), Qt.Key.Key_Return)

    assert edits == [(card, "Hears of us at a <b>cafe</b>")]
    assert scene.title_editor() is None


def test_escape_cancels_the_title_edit(qtbot: QtBot, view: CanvasView, scene: CanvasScene, document: Document) -> None:
    card = card_id(document, "Hears about us from her accountant")
    edits: list[tuple[str, str]] = []
    scene.titleEdited.connect(lambda i, t: edits.append((i, t)))
    QTest.mouseDClick(
        view.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        screen_point(view, card_centre(scene, card)),
    )
    QTest.keyClicks(view.viewport(), "Something else")
    QTest.keyClick(view.viewport(), Qt.Key.Key_Escape)

    assert edits == []
    assert scene.title_editor() is None


def test_double_click_on_empty_zone_space_asks_for_a_card_there(
    qtbot: QtBot, view: CanvasView, scene: CanvasScene
) -> None:
    zone = scene.model_layout().zones["aware.thinking"]  # one card in slot 0
    asked: list[tuple[str, float, float]] = []
    scene.captureRequested.connect(lambda z, x, y: asked.append((z, x, y)))
    point = QPointF(zone.origin[0] + SLOT_W + CARD_W / 2, zone.origin[1] + SLOT_H + CARD_H / 2)

    QTest.mouseDClick(
        view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, screen_point(view, point)
    )

    assert asked == [("aware.thinking", SLOT_W, SLOT_H)]


def test_shift_drag_between_actors_asks_for_a_flow(
    qtbot: QtBot, view: CanvasView, scene: CanvasScene, document: Document
) -> None:
    scene.flip_to("value-exchange", animate=False)
    view.ensureVisible(0.0, 0.0, 10.0, 10.0, 0, 0)
    owner = card_id(document, "Small-business owner")
    authority = card_id(document, "Tax authority")
    view.fit()
    asked: list[tuple[str, str]] = []
    scene.flowRequested.connect(lambda a, b: asked.append((a, b)))
    moved: list[object] = []
    scene.cardsMoved.connect(moved.append)

    drag(
        view,
        screen_point(view, card_centre(scene, owner)),
        screen_point(view, card_centre(scene, authority)),
        Qt.KeyboardModifier.ShiftModifier,
    )

    assert asked == [(owner, authority)]
    assert moved == []


def test_the_title_editor_goes_when_its_card_is_deleted(
    qtbot: QtBot, view: CanvasView, scene: CanvasScene, document: Document
) -> None:
    card = card_id(document, "Hears about us from her accountant")
    edits: list[tuple[str, str]] = []
    scene.titleEdited.connect(lambda i, t: edits.append((i, t)))
    QTest.mouseDClick(
        view.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        screen_point(view, card_centre(scene, card)),
    )
    QTest.keyClicks(view.viewport(), "Half-typed")

    scene.apply_changes(DeleteCards((card,)).apply(document))

    assert scene.title_editor() is None
    assert edits == []


def test_far_out_a_card_can_still_be_dragged_and_the_band_still_selects(
    qtbot: QtBot, view: CanvasView, scene: CanvasScene, document: Document
) -> None:
    view.set_zoom(0.2)  # the overview draws the cards; their items are hidden
    view.centerOn(scene.content_rect().center())
    assert not scene.cards.detail
    card = card_id(document, "Hears about us from her accountant")
    zone = scene.model_layout().zones["renew.doing"]
    moves: list[list[Spot]] = []
    scene.cardsMoved.connect(moves.append)

    target = QPointF(zone.origin[0] + CARD_W / 2, zone.origin[1] + CARD_H / 2)
    drag(view, screen_point(view, card_centre(scene, card)), screen_point(view, target))

    assert [[(spot.card_id, spot.zone) for spot in spots] for spots in moves] == [[(card, "renew.doing")]]
    assert not scene.cards.items[card].isVisible(), "settled back under the overview"

    aware = scene.model_layout().zones["aware.doing"].rect
    drag(
        view,
        screen_point(view, QPointF(aware.x - 30, aware.y - 30)),
        screen_point(view, QPointF(aware.right, aware.bottom)),
    )
    assert card in scene.card_ids_selected()
