"""`canvas open` and plain `canvas`: start the desktop app, which is imported only here, and only then."""

from __future__ import annotations

import argparse
import importlib
import os
import sys
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


def no_display_reason(environ: dict[str, str] | os._Environ[str], platform: str = sys.platform) -> str | None:
    """Why a window cannot open here (Linux with no display and no Qt platform chosen), or None if it can.

    Without this check Qt aborts the process (exit 134) with a message about plugins that hides the real cause.
    """
    if not platform.startswith("linux") or environ.get("QT_QPA_PLATFORM"):
        return None
    if environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY"):
        return None
    return (
        "there is no display to open the window on (no DISPLAY or WAYLAND_DISPLAY); "
        "run it in a desktop session, or use `canvas open --screenshot FILE.png` to render headless"
    )


def start_gui(args: argparse.Namespace) -> int:
    if getattr(args, "screenshot", None) is None:
        reason = no_display_reason(os.environ)
        if reason:
            raise CliError(reason)
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
