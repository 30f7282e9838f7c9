"""The bare-Qt floor beside each scale figure: the same number of plain QGraphicsRectItems at the same places, in a
plain QGraphicsView of the same viewport size, looking where the app's view looked. What Qt itself costs for the
same work; the app's figure divided by this is the ratio the bench prints.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import QPoint, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPen
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFrame, QGraphicsItem, QGraphicsRectItem, QGraphicsScene, QGraphicsView

from canvas.core.catalog import Catalog
from canvas.core.document import Document
from canvas.core.layout import CARD_H, CARD_W, card_positions, layout_model
from scale_timing import FirstPaint, Sample, Stopwatch, frame, sample, settle
from scale_window import PAINT_TIMEOUT_S, Look, WindowFigures

Positions = Mapping[str, tuple[float, float]]


class FloorView(QGraphicsView):
    """A plain view that keeps its scene alive (a view does not own its scene)."""

    def __init__(self, scene: QGraphicsScene) -> None:
        super().__init__(scene)
        self.plain_scene = scene


def positions_by_model(document: Document, catalog: Catalog, models: list[str]) -> dict[str, dict[str, QPointF]]:
    """Each card's top-left scene point in each model, as the app lays them out."""
    result = {}
    for model in models:
        spec = catalog.get(model)
        assert spec is not None
        placements = document.placements_in(model)
        layout = layout_model(spec, document.model_settings(model), placements)
        result[model] = {card_id: QPointF(x, y) for card_id, (x, y) in card_positions(layout, placements).items()}
    return result


def _plain_view(scene: QGraphicsScene, size: QSize, look: Look) -> FloorView:
    view = FloorView(scene)
    view.setFrameShape(QFrame.Shape.NoFrame)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.resize(size)
    view.setTransform(look.transform)
    view.centerOn(look.centre)
    return view


def _open_floor(
    app: QApplication, store: Path, canvas_id: str, places: Mapping[str, QPointF], size: QSize, look: Look
) -> tuple[FloorView, dict[str, QGraphicsRectItem], float, float]:
    """Rows read from the store, one rect item per placed card, a view shown and painted: (view, items, ms)."""
    pen = QPen(QColor("#5b6b82"))
    watch = Stopwatch()
    with sqlite3.connect(store) as connection:
        rows = connection.execute(
            "SELECT card_id, x, y FROM placements WHERE canvas_id = ? AND model = 'journey' AND deleted = 0",
            (canvas_id,),
        ).fetchall()
    scene = QGraphicsScene()
    items = {}
    for card_id, _x, _y in rows:
        point = places.get(card_id)
        if point is None:
            continue
        item = QGraphicsRectItem(0.0, 0.0, CARD_W, CARD_H)
        item.setPen(pen)
        item.setPos(point)
        scene.addItem(item)
        items[card_id] = item
    view = _plain_view(scene, size, look)
    scene.setSceneRect(scene.itemsBoundingRect().adjusted(-1600.0, -1600.0, 1600.0, 1600.0))
    view.setTransform(look.transform)
    view.centerOn(look.centre)
    painted = FirstPaint(view.viewport())
    view.show()
    cpu_at, wall_at = painted.wait(app, PAINT_TIMEOUT_S)
    return view, items, cpu_at * 1000.0 - watch.cpu0 * 1000.0, (wall_at - watch.wall0) * 1000.0


def _restore_bsp(scene: QGraphicsScene) -> None:
    # As the app does it (flip.py): a fresh BSP index learns the scene rect only when the rect changes.
    scene.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)
    rect = scene.sceneRect()
    scene.setSceneRect(rect.adjusted(0.0, 0.0, 1.0, 0.0))
    scene.setSceneRect(rect)


def measure_floor(
    app: QApplication,
    store: Path,
    canvas_id: str,
    positions: dict[str, dict[str, QPointF]],
    seen: WindowFigures,
    repeats: int,
    folder: Path,
) -> dict[str, Sample]:
    samples: dict[str, Sample] = {}
    size, looks = seen.viewport, seen.looks
    journey = positions["journey"]

    opened = Sample()
    view: FloorView | None = None
    items: dict[str, QGraphicsRectItem] = {}
    for _ in range(repeats):
        if view is not None:
            view.close()
            view.deleteLater()
            settle(app)
        view, items, cpu_ms, wall_ms = _open_floor(app, store, canvas_id, journey, size, looks["open"])
        opened.add(cpu_ms, wall_ms)
    assert view is not None
    samples["open"] = opened
    scene = view.plain_scene

    # Flip: move every item to its place in the next model (hide the ones that model does not hold), paint.
    flip = Sample()
    for i in range(max(repeats, 2) * len(seen.flip_models)):
        model = seen.flip_models[i % len(seen.flip_models)]
        places, look = positions[model], looks[f"flip:{model}"]
        view.setTransform(look.transform)
        view.centerOn(look.centre)
        watch = Stopwatch()
        scene.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
        for card_id, item in items.items():
            point = places.get(card_id)
            if point is None:
                item.setVisible(False)
            else:
                item.setPos(point)
                item.setVisible(True)
        _restore_bsp(scene)
        frame(view)
        flip.add(*watch.read())
        settle(app)
    samples["flip"] = flip
    for card_id, item in items.items():
        item.setPos(journey[card_id])
        item.setVisible(True)

    for name in ("frame_out", "frame_in"):
        look = looks[name]
        view.setTransform(look.transform)
        view.centerOn(look.centre)
        settle(app)
        frame(view)
        samples[name] = sample(lambda: frame(view), repeats * 3)
    bar = view.horizontalScrollBar()
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
    steps = iter([48, -48] * repeats * 3)
    samples["frame_in_pan"] = sample(lambda: (bar.setValue(bar.value() + next(steps)), frame(view)), repeats * 3)
    samples["drag"] = _floor_drags(app, view, items, seen, folder, repeats * 2)
    view.close()
    view.deleteLater()
    settle(app)
    return samples


def _floor_drags(
    app: QApplication,
    view: FloorView,
    items: dict[str, QGraphicsRectItem],
    seen: WindowFigures,
    folder: Path,
    times: int,
) -> Sample:
    """The same drags of a plain movable rect; each release is followed by one row updated in a SQLite table of
    as many rows (with the store's durability pragmas) and committed."""
    scene = view.plain_scene
    hit = scene.items(QRectF(seen.drag_from, seen.drag_from + QPointF(1.0, 1.0)))
    target = next((item for item in hit if isinstance(item, QGraphicsRectItem)), None)
    card_id = next((cid for cid, item in items.items() if item is target), None)
    if target is None or card_id is None:
        card_id, target = next(iter(items.items()))
    target.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsMovable, True)
    # Where the app's view looked while dragging: both places of the card in view.
    view.centerOn(seen.drag_from + seen.drag_by / 2)
    path = folder / "floor.sqlite"
    path.unlink(missing_ok=True)
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA journal_mode = DELETE")
    connection.execute("PRAGMA synchronous = FULL")
    connection.execute("CREATE TABLE placements (card_id TEXT PRIMARY KEY, x REAL, y REAL) WITHOUT ROWID")
    with connection:
        connection.executemany(
            "INSERT INTO placements VALUES (?, ?, ?)", ((cid, item.x(), item.y()) for cid, item in items.items())
        )
    viewport = view.viewport()
    result = Sample()
    try:
        for i in range(times):
            start = view.mapFromScene(target.sceneBoundingRect().center())
            shift = view.mapFromScene(seen.drag_by) - view.mapFromScene(QPointF(0.0, 0.0))
            end = start + shift * (1 if i % 2 == 0 else -1)
            before = target.pos()
            QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
            for step in range(1, 9):
                QTest.mouseMove(viewport, start + QPoint(end - start) * (step / 8))
            watch = Stopwatch()
            QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)
            with connection:
                connection.execute(
                    "UPDATE placements SET x = ?, y = ? WHERE card_id = ?", (target.x(), target.y(), card_id)
                )
            result.add(*watch.read())
            if target.pos() == before:
                raise RuntimeError("the floor's drag did not move its rectangle")
            settle(app)
    finally:
        connection.close()
    return result
