"""A fresh process for the scale bench: from interpreter start to the first painted window, and its memory.

    python bench/scale_child.py app STORE [CANVAS]    the app's own window (Desktop.open, as `canvas open` does)
    python bench/scale_child.py floor COUNT W H      a plain QGraphicsView of COUNT QGraphicsRectItems, W × H

When the window has painted it prints one JSON line (cpu_ms: the process's CPU time so far; rss_mb, peak_mb);
after the work the window queues for right after its first paint, a second line with the settled figures.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path
from typing import Any

WINDOW_W, WINDOW_H = 1600, 1000


def memory_mb() -> dict[str, float]:
    """Resident memory now and at its peak, in MB (Linux /proc; elsewhere the peak from getrusage)."""
    status = Path("/proc/self/status")
    if status.exists():
        fields = dict(line.split(":", 1) for line in status.read_text().splitlines() if ":" in line)
        rss = float(fields["VmRSS"].split()[0]) / 1024.0
        peak = float(fields["VmHWM"].split()[0]) / 1024.0
        return {"rss_mb": round(rss, 1), "peak_mb": round(peak, 1)}
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
    return {"rss_mb": round(peak, 1), "peak_mb": round(peak, 1)}


def report(**figures: Any) -> None:
    print(json.dumps({"cpu_ms": round(time.process_time() * 1000.0, 1), **memory_mb(), **figures}), flush=True)


def app_main(store: Path, canvas: str | None) -> int:
    # The app's modules first, as `canvas open` imports them: canvas.ui loads its non-Qt dependencies before Qt.
    from canvas.ui.app import Desktop, application

    # isort: split
    from PySide6.QtWidgets import QApplication

    from canvas.core.catalog import load_catalog
    from canvas.paths import builtin_models_dir, user_models_dir
    from scale_timing import FirstPaint

    app = application()
    desktop = Desktop(load_catalog(builtin_models_dir(), user_models_dir()), None)
    window = desktop.open(store, canvas)
    window.resize(WINDOW_W, WINDOW_H)
    painted = FirstPaint(window.view.viewport())
    window.show()
    painted.wait(app, 300.0)
    report(cards=len(window.scene.cards.items))
    for _ in range(3):
        app.processEvents()
    report(cards=len(window.scene.cards.items))
    window.close()
    QApplication.processEvents()
    return 0


def floor_main(count: int, width: int, height: int) -> int:
    from PySide6.QtGui import QColor, QPen
    from PySide6.QtWidgets import QApplication, QFrame, QGraphicsRectItem, QGraphicsScene, QGraphicsView

    from scale_timing import FirstPaint

    app = QApplication(sys.argv[:1])
    scene = QGraphicsScene()
    pen = QPen(QColor("#5b6b82"))
    across = max(1, int(count**0.5))
    for i in range(count):
        item = QGraphicsRectItem(0.0, 0.0, 200.0, 84.0)
        item.setPen(pen)
        item.setPos((i % across) * 212.0, (i // across) * 96.0)
        scene.addItem(item)
    view = QGraphicsView(scene)
    view.setFrameShape(QFrame.Shape.NoFrame)
    view.resize(width, height)
    view.scale(0.37, 0.37)
    painted = FirstPaint(view.viewport())
    view.show()
    painted.wait(app, 300.0)
    report(cards=count)
    for _ in range(3):
        app.processEvents()
    report(cards=count)
    return 0


def main(argv: list[str]) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if len(argv) >= 2 and argv[0] == "app":
        return app_main(Path(argv[1]), argv[2] if len(argv) > 2 else None)
    if len(argv) == 4 and argv[0] == "floor":
        return floor_main(int(argv[1]), int(argv[2]), int(argv[3]))
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
