"""The command line: headless commands on a store, and the way into the desktop app.

Never imports PySide6: the desktop app is imported only inside the function that starts it.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from canvas import __version__
from canvas.cli.common import CliError, UsageError, add_store_option
from canvas.core.catalog import ModelFileError
from canvas.core.edits import EditError
from canvas.store import StoreError

#: Each module registers its commands with `register(subparsers)`; adding a command group is adding a line.
COMMAND_MODULES: list[str] = [
    "canvas.cli.models",
    "canvas.cli.canvases",
    "canvas.cli.cards",
    "canvas.cli.placing",
    "canvas.cli.links",
    "canvas.cli.search",
    "canvas.cli.demo",
    "canvas.cli.exchange",
    "canvas.cli.gui",
    "canvas.cli.desktop",
]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="canvas",
        description="Sensemaking Canvas: customer situations laid out against several sensemaking models. "
        "With no command, the desktop app starts.",
    )
    parser.add_argument("--version", action="version", version=f"canvas {__version__}")
    add_store_option(parser, default=None)
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; returns the exit status (0 done, 1 failed, 2 wrong usage)."""
    parser = build_parser()
    from canvas.cli.desktop import as_open_command, command_names

    try:
        args = parser.parse_args(as_open_command(sys.argv[1:] if argv is None else argv, command_names(parser)))
    except SystemExit as stop:  # --help, --version, or a usage error (argparse already printed it)
        return stop.code if isinstance(stop.code, int) else 2
    if args.command is None:
        from canvas.cli.gui import start_gui

        handler = start_gui
    else:
        handler = args.handler
    try:
        return int(handler(args))
    except UsageError as error:
        command_parser = getattr(args, "command_parser", parser)
        command_parser.print_usage(sys.stderr)
        print(f"{command_parser.prog}: error: {_one_line(error)}", file=sys.stderr)
        return 2
    except (CliError, StoreError, EditError, ModelFileError) as error:
        print(f"canvas: {_one_line(error)}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (`canvas show … | head`): not an error worth a message.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except Exception as error:  # a bug: still one line, never a traceback in a person's terminal
        print(f"canvas: unexpected error ({type(error).__name__}): {_one_line(error)}", file=sys.stderr)
        return 1


def _one_line(error: BaseException) -> str:
    return " ".join(str(error).split()) or type(error).__name__
