"""Moving many card items at once (a flip, a relayout): instantly with the item index off, or animated when few.

Item index, chosen on purpose: the scene keeps Qt's BSP tree index normally, because it keeps a zoomed-in frame
flat in the number of cards (~3 ms at 1,000 and at 50,000 cards). Moving every item with the BSP index on costs
~13× more than without (50,000 cards: 945 ms vs 71 ms, measured), so a bulk move turns the index off
(NoIndex), moves, and turns it back on.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QEasingCurve, QObject, QVariantAnimation
from PySide6.QtWidgets import QGraphicsScene

from canvas.ui.scene.items.card import CardItem

#: A flip animates when at most this many cards are on the canvas; more would cost frames instead of saving them.
ANIMATE_MAX = 300
FLIP_MS = 250
#: Moves of more items than this (and a tenth of the scene's) turn the index off while they happen: rebuilding
#: the tree afterwards costs ~1 µs an item, keeping it up to date while moving ~10 µs a moved item.
BULK_MOVE = 200


def restore_bsp_index(scene: QGraphicsScene) -> None:
    """Turn the BSP index back on, so that it is built for the scene rect.

    A fresh BSP index learns the scene rect only when the rect changes; without the nudge it is built as a single
    leaf and every frame walks all items (measured at 50,000 cards: 3 ms per frame became 42 ms)."""
    scene.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)
    rect = scene.sceneRect()
    scene.setSceneRect(rect.adjusted(0.0, 0.0, 1.0, 0.0))
    scene.setSceneRect(rect)


@contextmanager
def collector_paused(*, lasting: bool = False) -> Iterator[None]:
    """Pause Python's cyclic garbage collector while tens of thousands of objects are made or touched at once.

    Building 50,000 items triggers full collections that walk every card record in memory, which made the same
    build take anywhere between 2 and 5 s; paused, it takes the lower figure every time. Nothing made here is
    cyclic garbage, and the collector runs again right after.

    `lasting`: what is made here lives on (a canvas's card items), so it joins the collector's oldest generation
    at once instead of being walked by the next young collection (53 ms after building 50,000 items on a slow
    machine). What was young before is collected first, so that only what is made here moves."""
    enabled = gc.isenabled()
    if lasting:
        gc.collect(1)
    gc.disable()
    try:
        yield
    finally:
        if lasting:
            gc.freeze()  # then unfreeze: every tracked object moves to the oldest generation, in O(1)
            gc.unfreeze()
        if enabled:
            gc.enable()


@contextmanager
def index_off(scene: QGraphicsScene, count: int, total: int) -> Iterator[None]:
    """Run a move of `count` of the scene's `total` items with the item index off when the move is large enough
    to pay for rebuilding it."""
    bulk = (
        count > BULK_MOVE
        and count * 10 > total
        and scene.itemIndexMethod() is QGraphicsScene.ItemIndexMethod.BspTreeIndex
    )
    if bulk:
        scene.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
    try:
        yield
    finally:
        if bulk:
            restore_bsp_index(scene)


class Mover(QObject):
    """Moves card items to target positions; one animation at a time (a new move finishes the running one)."""

    def __init__(self, scene: QGraphicsScene) -> None:
        super().__init__(scene)
        self._scene = scene
        self._animation: QVariantAnimation | None = None
        self._tracks: list[tuple[CardItem, float, float, float, float]] = []
        self._fading: list[CardItem] = []

    @property
    def animating(self) -> bool:
        return self._animation is not None

    def move(self, moved: list[tuple[CardItem, float, float]], appearing: list[CardItem]) -> None:
        """Animate items from where they were drawn (`moved`: item, old x, old y) to their `x0, y0`, already set;
        `appearing` items were hidden until now and fade in at their places. A large move runs inside
        `index_off` (the card layer sees to it)."""
        self.finish()
        self._tracks = [(item, x, y, item.x0, item.y0) for item, x, y in moved]
        self._fading = appearing
        for item in appearing:
            item.setPos(item.x0, item.y0)
            item.setOpacity(0.0)
        animation = QVariantAnimation(self)
        animation.setDuration(FLIP_MS)
        animation.setStartValue(0.0)
        animation.setEndValue(1.0)
        animation.setEasingCurve(QEasingCurve.Type.OutCubic)
        animation.valueChanged.connect(self._step)
        animation.finished.connect(self.finish)
        self._animation = animation
        animation.start()

    def _step(self, value: object) -> None:
        t = float(value)  # type: ignore[arg-type]
        for item, x0, y0, x1, y1 in self._tracks:
            item.setPos(x0 + (x1 - x0) * t, y0 + (y1 - y0) * t)
        for item in self._fading:
            item.setOpacity(t * (item.opacity_target()))

    def finish(self) -> None:
        """Jump a running animation to its end."""
        animation, self._animation = self._animation, None
        if animation is not None:
            animation.stop()
            animation.deleteLater()
        for item, _, _, x1, y1 in self._tracks:
            item.setPos(x1, y1)
        for item in self._fading:
            item.setOpacity(item.opacity_target())
        self._tracks, self._fading = [], []
