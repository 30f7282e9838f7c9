"""Timing for the scale bench: samples of process CPU time and wall time, medians, and painted frames.

CPU time is the figure the bench reports: offscreen, Qt paints in this thread, so a frame's cost is CPU time, and
CPU time is not inflated when other programs share the machine (wall time is kept beside it).
"""

from __future__ import annotations

import gc
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QObject
from PySide6.QtWidgets import QApplication, QGraphicsView, QWidget


@dataclass
class Sample:
    """Repeated timings of one thing, in ms."""

    cpu: list[float] = field(default_factory=list)
    wall: list[float] = field(default_factory=list)

    def add(self, cpu_ms: float, wall_ms: float) -> None:
        self.cpu.append(cpu_ms)
        self.wall.append(wall_ms)

    @property
    def median(self) -> float:
        return statistics.median(self.cpu)

    @property
    def best(self) -> float:
        return min(self.cpu)

    @property
    def wall_median(self) -> float:
        return statistics.median(self.wall)

    def as_dict(self) -> dict[str, Any]:
        return {
            "ms": round(self.median, 2),
            "best_ms": round(self.best, 2),
            "wall_ms": round(self.wall_median, 2),
            "runs": len(self.cpu),
        }


class Stopwatch:
    """CPU and wall time since it was made."""

    def __init__(self) -> None:
        self.cpu0 = time.process_time()
        self.wall0 = time.perf_counter()

    def read(self) -> tuple[float, float]:
        return (time.process_time() - self.cpu0) * 1000.0, (time.perf_counter() - self.wall0) * 1000.0


def sample(run: Callable[[], object], times: int, before: Callable[[], object] | None = None) -> Sample:
    """Time `run` `times` times; `before` (untimed) prepares each run. The collector runs between runs, not in."""
    result = Sample()
    for _ in range(times):
        if before is not None:
            before()
        gc.collect()
        watch = Stopwatch()
        run()
        result.add(*watch.read())
    return result


def frame(view: QGraphicsView) -> None:
    """Paint one whole frame of the view now (synchronously, like a repaint after a change)."""
    view.viewport().repaint()


def settle(app: QApplication | QCoreApplication, rounds: int = 3) -> None:
    """Let queued work run (zero-timers, deferred deletes), as the event loop would right after a frame."""
    for _ in range(rounds):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents)


class FirstPaint(QObject):
    """Notes when a widget has finished its first paint: (process_time, perf_counter) in `at`.

    An event filter sees a paint event before the widget paints, so this one delivers the event itself (once,
    after taking itself out of the way) and notes the time when painting has returned."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.at: tuple[float, float] | None = None
        self._widget = widget
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.Paint or watched is not self._widget or self.at is not None:
            return False
        watched.removeEventFilter(self)
        QCoreApplication.sendEvent(watched, event)
        self.at = (time.process_time(), time.perf_counter())
        return True

    def wait(self, app: QCoreApplication, timeout_s: float) -> tuple[float, float]:
        """Process events until the widget has painted; its (process_time, perf_counter) then."""
        deadline = time.perf_counter() + timeout_s
        while self.at is None and time.perf_counter() < deadline:
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        if self.at is None:
            raise RuntimeError(f"the window did not paint within {timeout_s:.0f} s")
        return self.at
