"""`canvas open` and plain `canvas`: start the desktop app, which is imported only here, and only then."""

from __future__ import annotations

import argparse
import importlib
from pathlib import Path

from canvas.cli.common import CliError, Subparsers, add_command, store_path_of

GUI_MODULE = "canvas.ui.app"


def register(subparsers: Subparsers) -> None:
    open_ = add_command(subparsers, "open", "start the desktop app on a canvas", json_output=False)
    open_.add_argument("canvas", metavar="CANVAS", nargs="?", help="canvas id or unique title (default: the last)")
    open_.add_argument("--model", help="the model to show first, e.g. jtbd")
    open_.add_argument("--side", choices=["customer", "organization"], help="whose side to look from")
    open_.add_argument("--screenshot", metavar="FILE", type=Path, help="save a picture of the window and quit")
    open_.add_argument(
        "--import",
        dest="import_file",
        metavar="FILE",
        type=Path,
        help="import a file (.scanvas, JSON Canvas, CSV) with a preview once the app is open; `canvas FILE` does this",
    )
    open_.set_defaults(handler=start_gui)


def start_gui(args: argparse.Namespace) -> int:
    try:
        app = importlib.import_module(GUI_MODULE)
    except ImportError as error:
        missing = error.name or str(error)
        if missing == GUI_MODULE:
            raise CliError("the desktop app is not built yet; the commands work (see `canvas --help`)") from None
        if "PySide6" in missing:
            raise CliError(
                "the desktop app needs PySide6, which is not installed (pip install pyside6-essentials)"
            ) from None
        raise CliError(f"the desktop app cannot start: {error}") from None
    return int(
        app.run(
            store_path=store_path_of(args),
            canvas_ref=getattr(args, "canvas", None),
            model=getattr(args, "model", None),
            side=getattr(args, "side", None),
            screenshot=getattr(args, "screenshot", None),
            import_path=getattr(args, "import_file", None),
        )
    )
