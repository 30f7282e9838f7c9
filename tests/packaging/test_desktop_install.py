"""`canvas install-desktop` registers the app for this user (menu entry, icons, the *.scanvas type) and can be run
again or undone; `canvas FILE` is how the desktop's entry starts the app for a file."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from canvas.cli.desktop import ICON_SIZES, MIME_TYPE, as_open_command, desktop_entry, exec_quote
from canvas.paths import resources_dir

COMMANDS = ["list", "open", "import", "install-desktop"]


def canvas(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    environment = {key: value for key, value in os.environ.items() if key != "CANVAS_STORE"}
    environment.update(XDG_DATA_HOME=str(data), PYTHONIOENCODING="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "canvas", *args], env=environment, capture_output=True, text=True, check=False
    )


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="freedesktop registration is for Linux desktops")
def test_install_registers_the_app_its_icons_and_the_file_type_and_can_be_undone(tmp_path: Path) -> None:
    data = tmp_path / "share"

    first = canvas(data, "install-desktop")

    assert first.returncode == 0, first.stderr
    entry = (data / "applications" / "sensemaking-canvas.desktop").read_text(encoding="utf-8")
    assert "MimeType=application/x-sensemaking-canvas;" in entry
    exec_line = next(line for line in entry.splitlines() if line.startswith("Exec="))
    assert exec_line.endswith(" %f") and ("canvas" in exec_line.split()[0])
    for size in ICON_SIZES:
        icon = data / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "sensemaking-canvas.png"
        assert icon.read_bytes() == (resources_dir() / "icons" / "app" / f"{size}.png").read_bytes()
    assert (data / "mime" / "packages" / "sensemaking-canvas.xml").is_file()
    if shutil.which("update-mime-database"):
        # The desktop's MIME database now maps *.scanvas to our type.
        assert f"{MIME_TYPE}:*.scanvas" in (data / "mime" / "globs2").read_text(encoding="utf-8")
    assert "registered with your desktop (10 files written)" in first.stdout

    again = canvas(data, "install-desktop")
    assert again.returncode == 0 and "everything was already in place" in again.stdout

    removed = canvas(data, "install-desktop", "--uninstall")
    assert removed.returncode == 0 and "Removed Sensemaking Canvas from your desktop (10 files" in removed.stdout
    assert not (data / "applications" / "sensemaking-canvas.desktop").exists()
    assert not list((data / "icons").rglob("sensemaking-canvas.png"))
    if shutil.which("update-mime-database"):
        assert "*.scanvas" not in (data / "mime" / "globs2").read_text(encoding="utf-8")


def test_the_entry_starts_this_installation_whatever_its_path() -> None:
    template = (resources_dir() / "desktop" / "sensemaking-canvas.desktop").read_text(encoding="utf-8")

    entry = desktop_entry(template, ["/opt/Sensemaking Canvas/canvas"])

    assert 'Exec="/opt/Sensemaking Canvas/canvas" %f' in entry
    assert "TryExec=/opt/Sensemaking Canvas/canvas" in entry
    assert exec_quote("/home/kari/100%/canvas") == "/home/kari/100%%/canvas"
    assert exec_quote('C:\\a "b"') == '"C:\\\\\\\\a \\\\"b\\\\""'


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["bergen.scanvas"], ["open", "--import", "bergen.scanvas"]),
        (["--store", "w.sqlite", "bergen.scanvas"], ["--store", "w.sqlite", "open", "--import", "bergen.scanvas"]),
        (["--store=w.sqlite", "notes.csv"], ["--store=w.sqlite", "open", "--import", "notes.csv"]),
        (["list"], ["list"]),
        (["--version"], ["--version"]),
        ([], []),
        (["nonsense"], ["nonsense"]),
    ],
)
def test_a_file_on_the_command_line_means_open_and_import_it(argv: list[str], expected: list[str]) -> None:
    assert as_open_command(argv, COMMANDS) == expected


def test_a_command_stays_a_command_even_if_a_file_has_its_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "list").write_text("groceries", encoding="utf-8")
    (tmp_path / "workshop notes").write_text("a file without a suffix", encoding="utf-8")

    assert as_open_command(["list"], COMMANDS) == ["list"]
    assert as_open_command(["workshop notes"], COMMANDS) == ["open", "--import", "workshop notes"]


def test_the_mime_type_recognises_scanvas_files_by_name_and_content() -> None:
    xml = (resources_dir() / "desktop" / "sensemaking-canvas.xml").read_text(encoding="utf-8")
    assert '<mime-type type="application/x-sensemaking-canvas">' in xml
    assert '<glob pattern="*.scanvas"' in xml
    assert "&quot;format&quot;: &quot;sensemaking-canvas&quot;" in xml
