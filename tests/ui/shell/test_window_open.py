"""Opening a window: what waits until it is needed (the find bar's and the capture line's widgets, the inspector's
card page, the canvas list, the tray's list, the count of merge copies) still comes out as it was when made at once."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QLineEdit, QListWidget, QToolButton, QWidget
from pytestqt.qtbot import QtBot

from canvas.core.edits import AddCard
from canvas.core.model import Card, Placement
from canvas.store.repository import Store
from canvas.ui.app import Desktop
from canvas.ui.controller import Controller
from canvas.ui.main_window import MainWindow
from canvas.ui.panels.conflicts import CopyCount


class FirstFrame(QObject):
    """Runs `look` once, as the canvas paints its first frame."""

    def __init__(self, window: MainWindow, look: object) -> None:
        super().__init__(window)
        self.seen: object = None
        self._look = look
        window.view.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self.seen is None:
            self.seen = self._look() if callable(self._look) else None
        return False


def tab_order(window: MainWindow) -> list[QWidget]:
    """The window's widgets that take the keyboard with Tab, in the order Tab visits them."""
    order: list[QWidget] = []
    widget = window.nextInFocusChain()
    while widget is not None and widget is not window:
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            order.append(widget)
        widget = widget.nextInFocusChain()
    return order


def test_the_find_bar_made_when_first_opened_takes_its_place_after_the_canvas(
    qtbot: QtBot, desktop: Desktop, store: Store, store_path: Path
) -> None:
    window = desktop.open(store_path)
    window.resize(1600, 1000)
    window.show()
    qtbot.waitExposed(window)
    window.find_bar.open_bar()
    window.capture.start("")
    window.inspector.card_page()

    order = tab_order(window)
    edit = window.find_bar.edit
    at = order.index(edit)
    buttons = [b for b in window.find_bar.findChildren(QToolButton) if b.parentWidget() is window.find_bar]
    assert order[at + 1 : at + 4] == buttons
    assert order.index(window.view) < at < order.index(window.capture.line.edit) < order.index(window.inspector.title)
    assert window.find_bar.width() >= 420 and window.find_bar.height() == window.find_bar.sizeHint().height()


def test_the_inspector_card_page_made_when_a_card_is_first_shown_moves_nothing_and_takes_its_place(
    qtbot: QtBot, desktop: Desktop, store: Store, store_path: Path
) -> None:
    window = desktop.open(store_path)
    card = Card(title="Payroll runs on Sunday night")
    window.controller.do(AddCard(card, (Placement(card_id=card.id, model="journey", zone="use.pains"),)))
    window.resize(1600, 1000)
    window.show()
    qtbot.waitExposed(window)
    inspector = window.inspector
    assert inspector.findChild(QLineEdit, "field_title") is None, "no card shown yet: no card page"
    before = (window.view.viewport().size(), inspector_width := window.inspector_dock.width())
    window.scene.select_cards([card.id])
    qtbot.waitUntil(lambda: inspector.currentWidget() is inspector.card_page())
    assert inspector.title.text() == card.title
    assert (window.view.viewport().size(), window.inspector_dock.width()) == before
    assert inspector_width == inspector.card_page().minimumSizeHint().width()

    order = tab_order(window)
    fields = [inspector.title, inspector.notes, inspector.kind, inspector.voice, inspector.evidence, inspector.source]
    at = order.index(inspector.title)
    assert order[at : at + len(fields)] == fields
    assert order.index(window.view) < at < order.index(inspector.votes) < order.index(inspector.link_label)


def described_tab_order(window: MainWindow) -> list[str]:
    def name(widget: QWidget | None) -> str:
        path = []
        while widget is not None and widget is not window:
            path.append(f"{type(widget).__name__}#{widget.objectName()}")
            widget = widget.parentWidget()
        return "/".join(reversed(path))

    return [name(widget) for widget in tab_order(window)]


def test_parts_made_when_first_needed_take_the_same_places_in_the_tab_order_whichever_comes_first(
    qtbot: QtBot, desktop: Desktop, store: Store, store_path: Path
) -> None:
    card = Card(title="Payroll runs on Sunday night")
    base = "QDockWidget#inspectorDock/Inspector#inspector/QWidget#/"
    orders = []
    for first_capture in (True, False):
        window = desktop.open(store_path)
        if not orders:
            window.controller.do(AddCard(card, (Placement(card_id=card.id, model="journey", zone="use.pains"),)))
        window.resize(1600, 1000)
        window.show()
        qtbot.waitExposed(window)
        assert window.capture.line.findChild(QLineEdit) is None, "nothing captured yet: no capture field"
        steps = [
            partial(window.capture.start, ""),
            partial(window.scene.select_cards, [card.id]),
            window.find_bar.open_bar,
        ]
        for step in steps if first_capture else reversed(steps):
            step()
        assert window.capture.line.chip.text() and window.inspector.title.text() == card.title
        # The canvas's and the inspector's (less "where else", whose rows are made as the card is shown).
        names = described_tab_order(window)
        orders.append([n for n in names if ("canvasView" in n or "Inspector#" in n) and "whereElse" not in n])
        window.close()
    assert orders[0] == orders[1]
    names = orders[0]
    assert names[-3:] == [f"{base}QLineEdit#field_flow", f"{base}QCheckBox#field_tangible", f"{base}QPushButton#danger"]
    capture_edit = next(i for i, name in enumerate(names) if name.endswith("QLineEdit#captureEdit"))
    assert names.index("QWidget#/QSplitter#sideBySide/CanvasView#canvasView") < capture_edit
    assert capture_edit < next(i for i, name in enumerate(names) if name.endswith("QLineEdit#field_title"))


def test_the_tray_shows_its_final_layout_in_the_first_frame_and_the_canvas_list_is_made_when_its_tab_shows(
    qtbot: QtBot, desktop: Desktop, store: Store, store_path: Path
) -> None:
    window = desktop.open(store_path)
    tray = window.perspective.tray
    made = window.canvas_list.findChild(QListWidget)
    first = FirstFrame(window, lambda: (tray.hint.isVisibleTo(tray), window.canvas_list.findChild(QListWidget)))
    window.resize(1600, 1000)
    window.show()
    qtbot.waitUntil(lambda: first.seen is not None)
    # Nothing waits on an empty canvas: no hint on how to place cards, even before the list is rebuilt.
    assert first.seen == (False, None) and made is None, "the canvas list waits behind the inspector's tab"
    window.canvases_dock.raise_()
    qtbot.waitUntil(lambda: window.canvas_list.findChild(QListWidget) is not None)
    assert window.canvas_list.list.count() == 1, "filled as it is made, once the canvas has shown its first frame"
    assert not tray.hint.isVisibleTo(tray) and tray.model.ids == []
    order = tab_order(window)
    assert order.index(window.inspector.link_label) < order.index(window.canvas_list.list)


def test_merge_copies_are_counted_when_first_asked_for_and_followed_after(qtbot: QtBot, controller: Controller) -> None:
    def add(title: str, conflict_of: str | None = None) -> Card:
        card = Card(title=title, conflict_of=conflict_of)
        controller.do(AddCard(card, (Placement(card_id=card.id, model="journey", zone="use.pains"),)))
        return card

    original = add("Payroll runs on Sunday night")
    add("Payroll runs on Sunday night (their copy)", original.id)
    copies = CopyCount()
    controller.changed.connect(copies.follow)
    copies.reset(controller.document)
    add("Payroll runs on Sunday night (a third copy)", original.id)  # before anyone asked: counted, not followed
    assert not copies.counted
    assert copies.value == 2
    add("Payroll runs on Sunday night (a fourth copy)", original.id)
    assert copies.value == 3
