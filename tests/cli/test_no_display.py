"""Starting the window where there is no display says so in one line instead of Qt aborting the process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from canvas.cli.gui import no_display_reason


def test_plain_canvas_without_a_display_explains_and_exits_1(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"}}
    result = subprocess.run(
        [sys.executable, "-m", "canvas", "--store", str(tmp_path / "s.sqlite")],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    if sys.platform.startswith("linux"):
        assert result.returncode == 1
        assert "no display" in result.stderr
        assert "Traceback" not in result.stderr
        assert not (tmp_path / "s.sqlite").exists()


def test_a_display_or_a_chosen_platform_lets_the_window_open() -> None:
    assert no_display_reason({"DISPLAY": ":0"}, "linux") is None
    assert no_display_reason({"QT_QPA_PLATFORM": "offscreen"}, "linux") is None
    assert no_display_reason({}, "darwin") is None
    assert no_display_reason({}, "linux") is not None
