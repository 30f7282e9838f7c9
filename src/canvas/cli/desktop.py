"""The app on a Linux desktop: `canvas install-desktop` registers it, its icon and the `*.scanvas` file type for
the current user (freedesktop data folders), and `canvas FILE` (how the desktop starts it for a file) imports FILE.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from canvas.cli.common import CliError, Subparsers
from canvas.paths import resources_dir

APP_ID = "sensemaking-canvas"
MIME_TYPE = "application/x-sensemaking-canvas"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
#: Characters that make a desktop-entry Exec argument need quotes (Desktop Entry Specification, "Exec key").
_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")


def register(subparsers: Subparsers) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "install-desktop",
        help="add the app to your desktop's menu and open .scanvas files with it (Linux, this user only)",
        description="Register Sensemaking Canvas with your desktop for this user: the app in the menu with its "
        "icon, and *.scanvas files opening in it. Safe to run again. Files go to $XDG_DATA_HOME "
        "(usually ~/.local/share).",
    )
    parser.set_defaults(command_parser=parser, handler=install_desktop)
    parser.add_argument("--uninstall", action="store_true", help="remove what install-desktop added")


@dataclass(frozen=True)
class Installed:
    """What install-desktop wrote (or would remove), by place."""

    desktop_file: Path
    mime_file: Path
    icons: tuple[Path, ...]


def data_home() -> Path:
    configured = os.environ.get("XDG_DATA_HOME", "")
    # The specification says a relative path is to be ignored.
    return Path(configured) if os.path.isabs(configured) else Path.home() / ".local" / "share"


def targets(data: Path) -> Installed:
    return Installed(
        desktop_file=data / "applications" / f"{APP_ID}.desktop",
        mime_file=data / "mime" / "packages" / f"{APP_ID}.xml",
        icons=tuple(data / "icons" / "hicolor" / f"{n}x{n}" / "apps" / f"{APP_ID}.png" for n in ICON_SIZES),
    )


def program() -> list[str]:
    """The command that starts this installation of the app: the bundle's program, the `canvas` script next to this
    Python, or this Python with `-m canvas`."""
    if getattr(sys, "frozen", False):
        return [sys.executable]
    script = Path(sys.executable).with_name("canvas")
    if script.is_file() and os.access(script, os.X_OK):
        return [str(script)]
    return [sys.executable, "-m", "canvas"]


def exec_quote(argument: str) -> str:
    """One argument of a desktop entry's Exec key, quoted and escaped as the specification asks."""
    argument = argument.replace("%", "%%")
    if not argument or _RESERVED & set(argument):
        for char in ("\\", '"', "`", "$"):
            argument = argument.replace(char, "\\" + char)
        argument = f'"{argument}"'
    # The key's value is itself a string value, in which a backslash is written twice.
    return argument.replace("\\", "\\\\")


def desktop_entry(template: str, command: Sequence[str]) -> str:
    """The packaged .desktop file with Exec (and TryExec) naming this installation's program."""
    lines = []
    for line in template.splitlines():
        if line.startswith("Exec="):
            line = "Exec=" + " ".join(exec_quote(part) for part in command) + " %f"
        elif line.startswith("TryExec="):
            line = f"TryExec={command[0]}"
        lines.append(line)
    return "\n".join(lines) + "\n"


def install_desktop(args: argparse.Namespace) -> int:
    if sys.platform in ("win32", "darwin"):
        raise CliError(
            "install-desktop is for Linux desktops; on Windows and macOS the standalone app registers itself "
            "(see packaging/README.md)"
        )
    data = data_home()
    places = targets(data)
    if args.uninstall:
        removed = uninstall(places)
        refresh(data)
        print(
            f"Removed Sensemaking Canvas from your desktop ({removed} files in {data})."
            if removed
            else f"Sensemaking Canvas was not registered in {data}; nothing to remove."
        )
        return 0
    command = program()
    written = install(places, command)
    notes = refresh(data)
    state = f"{written} files written" if written else "everything was already in place"
    print(f"Sensemaking Canvas is registered with your desktop ({state}):")
    print(f"  app:       {places.desktop_file} (starts {' '.join(command)})")
    print(f"  icons:     {len(places.icons)} sizes in {data / 'icons' / 'hicolor'}")
    print(f"  file type: *.scanvas ({MIME_TYPE}) in {places.mime_file}")
    for note in notes:
        print(f"  note: {note}")
    return 0


def install(places: Installed, command: Sequence[str]) -> int:
    """Write every file whose content differs; returns how many were written (0: already installed)."""
    source = resources_dir()
    template = (source / "desktop" / f"{APP_ID}.desktop").read_text(encoding="utf-8")
    wanted: list[tuple[Path, bytes]] = [
        (places.desktop_file, desktop_entry(template, command).encode("utf-8")),
        (places.mime_file, (source / "desktop" / f"{APP_ID}.xml").read_bytes()),
    ]
    wanted += [
        (path, (source / "icons" / "app" / f"{n}.png").read_bytes())
        for path, n in zip(places.icons, ICON_SIZES, strict=True)
    ]
    written = 0
    for path, content in wanted:
        try:
            if path.is_file() and path.read_bytes() == content:
                continue
            path.parent.mkdir(parents=True, exist_ok=True)
            partial = path.with_name(path.name + ".part")
            partial.write_bytes(content)
            partial.replace(path)  # never a half-written desktop file, even if interrupted
        except OSError as error:
            raise CliError(f"cannot write {path}: {error.strerror or error}") from None
        written += 1
    return written


def uninstall(places: Installed) -> int:
    removed = 0
    for path in (places.desktop_file, places.mime_file, *places.icons):
        try:
            path.unlink()
        except FileNotFoundError:
            continue
        except OSError as error:
            raise CliError(f"cannot remove {path}: {error.strerror or error}") from None
        removed += 1
    return removed


def refresh(data: Path) -> list[str]:
    """Rebuild the desktop's caches where the tools exist; returns a note for each tool that is missing."""
    notes = []
    steps = (
        ("update-mime-database", [str(data / "mime")], "shared-mime-info", "*.scanvas files are recognised"),
        ("update-desktop-database", [str(data / "applications")], "desktop-file-utils", "the app is offered"),
        ("gtk-update-icon-cache", ["-f", "-t", "-q", str(data / "icons" / "hicolor")], "gtk-update-icon-cache", ""),
    )
    for tool, arguments, package, effect in steps:
        found = shutil.which(tool)
        if found is None:
            if effect:
                notes.append(f"{tool} is not installed ({package}); log out and in again before {effect}")
            continue
        if not Path(arguments[-1]).is_dir():
            continue
        import subprocess  # here, not at start-up: every `canvas` (the desktop app's start too) imports this module

        result = subprocess.run([found, *arguments], capture_output=True, text=True, check=False)
        if result.returncode != 0:
            notes.append(f"{tool} failed: {' '.join(result.stderr.split())[:200]}")
    return notes


def as_open_command(argv: Sequence[str], commands: Sequence[str]) -> list[str]:
    """`canvas [--store S] FILE` means `canvas [--store S] open --import FILE`: that is how a desktop starts the
    app for a double-clicked file. Anything else is left for argparse."""
    arguments = list(argv)
    index = 0
    while index < len(arguments):
        word = arguments[index]
        if word == "--store":
            index += 2
            continue
        if word.startswith("--store="):
            index += 1
            continue
        if word.startswith("-") or word in commands:
            return arguments
        from canvas.exchange.importing import IMPORT_SUFFIXES  # only for a word that is not a command

        path = Path(word)
        if path.suffix.lower() in IMPORT_SUFFIXES or path.is_file():
            return [*arguments[:index], "open", "--import", word, *arguments[index + 1 :]]
        return arguments
    return arguments


def command_names(parser: argparse.ArgumentParser) -> list[str]:
    return [
        name for action in parser._actions if isinstance(action, argparse._SubParsersAction) for name in action.choices
    ]
