"""The scale bench's measurements through the real app: the main window opened on a store by `Desktop.open`, flips
through the controller, frames of the window's canvas view, and a mouse drag through the controller and undo
stack into the store.
"""

from __future__ import annotations

import math
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QTransform
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from canvas.core.layout import SLOT_H, SLOT_W, next_free_offset
from canvas.ui.app import Desktop
from canvas.ui.main_window import MainWindow
from canvas.ui.scene.view import CanvasView
from scale_timing import FirstPaint, Sample, Stopwatch, frame, sample, settle

#: The window size of `canvas open --screenshot` (a laptop screen).
WINDOW = QSize(1600, 1000)
#: About this many cards fill the viewport in the zoomed-in frame.
ZOOMED_IN_CARDS = 200
#: The longest a window may take to paint before the bench gives up.
PAINT_TIMEOUT_S = 120.0


@dataclass
class Look:
    """Where a view looked: its transform and the scene point at the viewport's centre (the floor looks there)."""

    transform: QTransform
    centre: QPointF

    @classmethod
    def of(cls, view: CanvasView) -> Look:
        return cls(QTransform(view.transform()), view.mapToScene(view.viewport().rect().center()))


@dataclass
class WindowFigures:
    samples: dict[str, Sample] = field(default_factory=dict)
    info: dict[str, Any] = field(default_factory=dict)
    #: What the floor needs to look at the same places: viewport size, looks per measurement and per model.
    viewport: QSize = field(default_factory=QSize)
    looks: dict[str, Look] = field(default_factory=dict)
    flip_models: list[str] = field(default_factory=list)
    #: The card dragged (scene point of its centre before the first drag), and how far each drag goes.
    drag_from: QPointF = field(default_factory=QPointF)
    drag_by: QPointF = field(default_factory=QPointF)


def open_window(app: QApplication, desktop: Desktop, store: Path, canvas_id: str) -> tuple[MainWindow, float, float]:
    """The real window on the canvas, shown and painted; (window, CPU ms, wall ms) from asking to painted."""
    watch = Stopwatch()
    window = desktop.open(store, canvas_id, "journey")
    window.resize(WINDOW)
    painted = FirstPaint(window.view.viewport())
    window.show()
    cpu_at, wall_at = painted.wait(app, PAINT_TIMEOUT_S)
    return window, cpu_at * 1000.0 - watch.cpu0 * 1000.0, (wall_at - watch.wall0) * 1000.0


def close_window(app: QApplication, window: MainWindow) -> None:
    window.close()
    settle(app)


def measure_window(
    app: QApplication, desktop: Desktop, store: Path, canvas_id: str, repeats: int, flips: list[str]
) -> WindowFigures:
    figures = WindowFigures(flip_models=flips)
    samples = figures.samples

    # Open: store → window painted (then the queued work the window does right after its first paint).
    opened, settled = Sample(), Sample()
    window: MainWindow | None = None
    for run in range(repeats):
        if window is not None:
            close_window(app, window)
        window, cpu_ms, wall_ms = open_window(app, desktop, store, canvas_id)
        opened.add(cpu_ms, wall_ms)
        figures.info.setdefault("opens_ms", []).append(round(cpu_ms, 1))
        watch = Stopwatch()
        settle(app)
        extra_cpu, extra_wall = watch.read()
        settled.add(cpu_ms + extra_cpu, wall_ms + extra_wall)
        if run == 0:
            figures.looks["open"] = Look.of(window.view)
    assert window is not None
    samples["open"], samples["open_settled"] = opened, settled
    view, scene, controller = window.view, window.scene, window.controller
    figures.viewport = view.viewport().size()
    figures.info["viewport"] = [figures.viewport.width(), figures.viewport.height()]
    figures.info["cards"] = len(scene.cards.items)

    # Flip: every model visited once first, so each flip returns to a remembered zoom as it would in use.
    for model in flips:
        controller.set_model(model)
        settle(app)
        window.memory.save_now()
        figures.looks[f"flip:{model}"] = Look.of(view)
    flip, flip_settled = Sample(), Sample()
    for i in range(max(repeats, 2) * len(flips)):
        model = flips[i % len(flips)]
        watch = Stopwatch()
        controller.set_model(model)
        frame(view)
        flip.add(*watch.read())
        settle(app)
        flip_settled.add(*watch.read())
    samples["flip"], samples["flip_settled"] = flip, flip_settled
    figures.info["flip_moved"] = len(controller.document.placements_in(flips[0]))
    if controller.model != "journey":
        controller.set_model("journey")
        settle(app)

    # A full frame zoomed out: the whole model, every card visible.
    view.fit()
    settle(app)
    frame(view)
    seen = view.mapToScene(view.viewport().rect()).boundingRect()
    bounds = scene.cards.positions.bounds()
    assert bounds is not None and seen.contains(QRectF(QPointF(bounds[0], bounds[1]), QPointF(bounds[2], bounds[3])))
    figures.looks["frame_out"] = Look.of(view)
    figures.info["zoom_out"] = round(view.zoom, 4)
    samples["frame_out"] = sample(lambda: frame(view), repeats * 3)

    # A frame zoomed in: about ZOOMED_IN_CARDS cards fill the viewport.
    size = figures.viewport
    zoom = min(1.0, max(0.33, math.sqrt(size.width() * size.height() / (ZOOMED_IN_CARDS * 1.1 * SLOT_W * SLOT_H))))
    view.set_zoom(zoom)
    view.centerOn(_densest(window))
    settle(app)
    frame(view)
    figures.looks["frame_in"] = Look.of(view)
    figures.info["zoom_in"] = round(view.zoom, 4)
    figures.info["visible_in"] = len(scene.cards_in(view.mapToScene(view.viewport().rect()).boundingRect()))
    samples["frame_in"] = sample(lambda: frame(view), repeats * 3)
    bar = view.horizontalScrollBar()
    steps = iter([48, -48] * repeats * 3)
    samples["frame_in_pan"] = sample(lambda: (bar.setValue(bar.value() + next(steps)), frame(view)), repeats * 3)
    settle(app)

    # One drag: the mouse released → the move is an edit on the undo stack, saved in the store.
    samples["drag"], figures.drag_from, figures.drag_by = _drags(app, window, store, repeats * 2)
    close_window(app, window)
    return figures


def _densest(window: MainWindow) -> QPointF:
    """The centre of the zone holding the most cards in the model shown (or of the model, if it is empty)."""
    scene = window.scene
    members = scene.cards.members
    if not members:
        return scene.content_rect().center()
    zone = max(members, key=lambda z: len(members[z]))
    rect = scene.model_layout().zones[zone].rect
    return QPointF(rect.x + rect.w / 2, rect.y + rect.h / 2)


def _drags(app: QApplication, window: MainWindow, store: Path, times: int) -> tuple[Sample, QPointF, QPointF]:
    """Drag the last card of the fullest zone to the free slot after it and back again, `times` drags; each release
    is timed until it returns (edit committed to the store, scene and panels updated), then checked in the store."""
    view, scene, controller = window.view, window.scene, window.controller
    viewport = view.viewport()
    layout = scene.model_layout()
    members = scene.cards.members
    zone_id = max(members, key=lambda z: len(members[z]))
    placements = controller.document.placements_in(controller.model)
    card_id = max(members[zone_id], key=lambda c: (placements[c].y, placements[c].x))
    zone = layout.zones[zone_id]
    free_x, free_y = next_free_offset([(placements[c].x, placements[c].y) for c in members[zone_id]], zone.across)
    rect = scene.card_rect(card_id)
    assert rect is not None
    start_scene = rect.center()
    by = QPointF(zone.origin[0] + free_x, zone.origin[1] + free_y) - rect.topLeft()
    view.centerOn(start_scene + by / 2)
    settle(app)
    result = Sample()
    check = sqlite3.connect(f"file:{store}?mode=ro", uri=True)
    try:
        for i in range(times):
            rect = scene.card_rect(card_id)
            assert rect is not None
            start = view.mapFromScene(rect.center())
            end = view.mapFromScene(rect.center() + (by if i % 2 == 0 else -by))
            before = controller.document.placement(card_id, controller.model)
            _press_and_move(viewport, start, end)
            watch = Stopwatch()
            QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)
            result.add(*watch.read())
            after = controller.document.placement(card_id, controller.model)
            stored = check.execute(
                "SELECT zone, x, y FROM placements WHERE card_id = ? AND model = ?", (card_id, controller.model)
            ).fetchone()
            if after is None or after == before or stored != (after.zone, after.x, after.y):
                raise RuntimeError(f"drag {i + 1} of card {card_id} was not saved in the store ({stored}, {after})")
            settle(app)
    finally:
        check.close()
    return result, start_scene, by


def _press_and_move(viewport: Any, start: QPoint, end: QPoint) -> None:
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    for step in range(1, 9):
        QTest.mouseMove(viewport, start + (end - start) * (step / 8))
