"""Figures for the canvas scene at 1,000 / 10,000 / 50,000 cards, offscreen, beside a bare-Qt floor.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/ui/scene/measure.py [1000 10000 50000]

Not a test: a measurement to read. Each figure is the median (and the best) of several runs in ms of the process's
CPU time (offscreen painting happens in this thread, and CPU time is not inflated by other programs sharing the
machine). The floor is the same count of plain QGraphicsRectItems at the same places in a plain QGraphicsView of
the same size.
"""

from __future__ import annotations

import gc
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QApplication, QGraphicsRectItem, QGraphicsScene, QGraphicsView

sys.path.insert(0, str(Path(__file__).parent))
APP = QApplication.instance() or QApplication(sys.argv)

from workshop import grid_of_cards  # noqa: E402

from canvas.core.catalog import load_catalog  # noqa: E402
from canvas.core.edits import PlaceCards  # noqa: E402
from canvas.core.layout import CARD_H, CARD_W, layout_model  # noqa: E402
from canvas.paths import builtin_models_dir  # noqa: E402
from canvas.ui.render import render_view  # noqa: E402
from canvas.ui.scene.cards import targets_in  # noqa: E402
from canvas.ui.scene.flip import restore_bsp_index  # noqa: E402
from canvas.ui.scene.scene import CanvasScene  # noqa: E402
from canvas.ui.scene.view import CanvasView  # noqa: E402

SIZE = (1600, 1000)
FLIPS = ("jtbd", "journey", "empathy", "journey", "jtbd", "journey")


class Frames:
    """Counts painted frames, to be sure a repaint really painted."""

    count = 0


class CountingView(CanvasView):
    def paintEvent(self, event: QPaintEvent) -> None:
        Frames.count += 1
        super().paintEvent(event)


class FloorView(QGraphicsView):
    def paintEvent(self, event: QPaintEvent) -> None:
        Frames.count += 1
        super().paintEvent(event)


def frame(view: QGraphicsView) -> None:
    before = Frames.count
    view.viewport().repaint()
    assert Frames.count == before + 1, "no frame was painted"


def timed(run: Callable[[], object], times: int = 7) -> tuple[float, float]:
    samples = []
    for _ in range(times):
        gc.collect()
        start = time.process_time()
        run()
        samples.append((time.process_time() - start) * 1000)
    return statistics.median(samples), min(samples)


def show(view: QGraphicsView) -> None:
    view.resize(*SIZE)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.show()
    APP.processEvents()


def measure(count: int) -> dict[str, tuple[float, float]]:
    catalog = load_catalog(builtin_models_dir(), None)
    document = grid_of_cards(catalog, count)
    figures: dict[str, tuple[float, float]] = {}
    scenes: list[CanvasScene] = []

    def build() -> None:
        scenes.append(CanvasScene(catalog))
        scenes[-1].show_document(document, "journey")

    figures["build scene"] = timed(build, 3)
    scene = scenes.pop()
    view = CountingView(scene)
    show(view)
    view.fit()
    APP.processEvents()
    frame(view)
    figures["zoomed out frame"] = timed(lambda: frame(view))

    def flip_out() -> None:
        scene.flip_to(next(models), animate=False)
        frame(view)

    models = iter(FLIPS * 3)
    figures["flip, zoomed out"] = timed(flip_out, 6)
    scene.flip_to("journey", animate=False)
    view.set_zoom(1.0)
    view.centerOn(QPointF(900.0, 700.0))
    APP.processEvents()
    frame(view)
    figures["zoomed in frame"] = timed(lambda: frame(view))
    visible = len(scene.cards_in(view.mapToScene(view.viewport().rect()).boundingRect()))

    def flip_in() -> None:
        scene.flip_to(next(models), animate=False)
        frame(view)
        APP.processEvents()

    models = iter(FLIPS * 3)
    figures["flip, zoomed in"] = timed(flip_in, 6)
    scene.flip_to("journey", animate=False)
    card = next(iter(document.placements_in("journey").values()))

    def drop_one() -> None:
        spot = scene.drop_spot(card.card_id, QPointF(200.0 + 900.0 * next(wiggle), 160.0))
        changes = PlaceCards((spot,)).apply(document)
        started = time.process_time()
        scene.apply_changes(changes)
        drops.append((time.process_time() - started) * 1000)

    wiggle, drops = iter([0.0, 0.3] * 10), []
    timed(drop_one, 6)
    figures["drop one card: scene update"] = (statistics.median(drops), min(drops))
    APP.processEvents()
    figures["png, whole model"] = timed(lambda: render_view(scene, Path("/tmp/measure-scene.png"), "png", "x"), 3)
    view.close()

    # The floor: plain rectangles at the same places, in a plain view of the same size.
    journey = catalog.get("journey")
    jtbd = catalog.get("jtbd")
    assert journey is not None and jtbd is not None
    in_journey, in_jtbd = document.placements_in("journey"), document.placements_in("jtbd")
    places = targets_in(layout_model(journey, None, in_journey), in_journey)
    other = targets_in(layout_model(jtbd, None, in_jtbd), in_jtbd)
    floor = QGraphicsScene()
    items = {}
    for card_id, (_, x, y) in places.items():
        item = QGraphicsRectItem(0.0, 0.0, CARD_W, CARD_H)
        item.setPos(x, y)
        floor.addItem(item)
        items[card_id] = item
    floor.setSceneRect(scene.content_rect())
    plain = FloorView(floor)
    show(plain)
    plain.fitInView(scene.content_rect(), Qt.AspectRatioMode.KeepAspectRatio)
    APP.processEvents()
    frame(plain)
    figures["floor: zoomed out frame"] = timed(lambda: frame(plain))
    plain.resetTransform()
    plain.centerOn(QPointF(900.0, 700.0))
    APP.processEvents()
    frame(plain)
    figures["floor: zoomed in frame"] = timed(lambda: frame(plain))

    def move_all() -> None:
        floor.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
        for card_id, item in items.items():
            _, x, y = other.get(card_id, places[card_id])
            item.setPos(x, y)
        restore_bsp_index(floor)
        frame(plain)
        APP.processEvents()

    figures["floor: move all + frame"] = timed(move_all, 3)
    plain.close()
    figures["(cards visible zoomed in)"] = (float(visible), float(visible))
    return figures


def main() -> None:
    counts = [int(arg) for arg in sys.argv[1:]] or [1000, 10000, 50000]
    results = {count: measure(count) for count in counts}
    names = list(next(iter(results.values())))
    print(f"{'ms, median (best)':<28}" + "".join(f"{count:>20,}" for count in counts))
    for name in names:
        cells = "".join(f"{results[c][name][0]:>12.1f} ({results[c][name][1]:>5.1f})" for c in counts)
        print(f"{name:<28}{cells}")


if __name__ == "__main__":
    main()
