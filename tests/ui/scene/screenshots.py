"""Write docs/screenshots/scene-<model>[-<side>].png: every built-in model of the demo canvas, from both sides.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/ui/scene/screenshots.py [OUT_DIR]

Not a test: the pictures to look at (and to show in the README) after changing how the canvas draws.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

APP = QApplication.instance() or QApplication(sys.argv)

from canvas.core.catalog import load_catalog  # noqa: E402
from canvas.core.demo import build_demo  # noqa: E402
from canvas.core.model import Side  # noqa: E402
from canvas.paths import builtin_models_dir  # noqa: E402
from canvas.ui.render import render_view  # noqa: E402
from canvas.ui.scene.scene import CanvasScene  # noqa: E402


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parents[3] / "docs" / "screenshots"
    catalog = load_catalog(builtin_models_dir(), None)
    demo = build_demo()
    scene = CanvasScene(catalog)
    models = list(catalog.models)
    scene.show_document(demo, models[0])
    for model in models:
        scene.flip_to(model, animate=False)
        for side in (None, Side.CUSTOMER, Side.ORGANIZATION):
            scene.set_side(side)
            name = f"scene-{model}" + (f"-{side.value}" if side is not None else "") + ".png"
            print(render_view(scene, out / name, "png", demo.canvas.title))


if __name__ == "__main__":
    main()
