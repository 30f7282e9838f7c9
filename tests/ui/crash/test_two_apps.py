"""Two apps on one store, as real processes: the second start is refused (the store is never opened twice), hands
its file or its wish to be seen to the app already open, and a killed app's lock does not lock the store forever."""

from __future__ import annotations

import signal
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from canvas.core.catalog import Catalog
from canvas.store import open_store
from canvas.ui.store_lock import lock_path

from .conftest import app_log, start_app, wait_for
from .test_open_file import teammate_file

pytestmark = pytest.mark.slow


@pytest.fixture
def first_app(home: Path, store_path: Path) -> Iterator[subprocess.Popen[str]]:
    """The app as a person left it running: a window on the store, no command."""
    process = start_app(home, "--store", str(store_path))
    try:
        wait_for(lambda: app_log().is_file() and "opened the store" in app_log().read_text(), "the app to start")
        assert process.poll() is None
        yield process
    finally:
        if process.poll() is None:
            process.kill()
        process.communicate(timeout=30)


def test_a_second_start_on_the_same_store_is_refused_and_says_by_whom(
    first_app: subprocess.Popen[str], home: Path, store_path: Path, tmp_path: Path
) -> None:
    assert lock_path(store_path).is_file()
    second = start_app(home, "--store", str(store_path), "open", "--screenshot", str(tmp_path / "shot.png"))
    _out, err = second.communicate(timeout=60)

    assert second.returncode == 2
    assert f"is already open in Sensemaking Canvas (process {first_app.pid} on this computer)" in err
    assert "Use that window, or close it and try again" in err
    assert not (tmp_path / "shot.png").exists()
    assert first_app.poll() is None, "the first app goes on"


def test_starting_the_app_again_brings_the_open_window_forward(
    first_app: subprocess.Popen[str], home: Path, store_path: Path
) -> None:
    second = start_app(home, "--store", str(store_path))
    second.communicate(timeout=60)

    assert second.returncode == 0
    wait_for(lambda: "a later start asked to show the window" in app_log().read_text(), "the request to arrive")
    assert first_app.poll() is None


def test_a_double_clicked_file_is_imported_by_the_app_already_open(
    first_app: subprocess.Popen[str], home: Path, store_path: Path, tmp_path: Path, catalog: Catalog
) -> None:
    path = teammate_file(tmp_path, catalog)

    second = start_app(home, "--store", str(store_path), str(path))  # as the desktop file starts it: canvas %f
    second.communicate(timeout=60)

    assert second.returncode == 0
    wait_for(lambda: f"importing {path}" in app_log().read_text(), "the first app to open the import preview")
    assert first_app.poll() is None


def test_a_killed_apps_lock_does_not_keep_the_store_closed(
    first_app: subprocess.Popen[str], home: Path, store_path: Path, tmp_path: Path
) -> None:
    first_app.send_signal(signal.SIGKILL)
    first_app.wait(timeout=30)
    assert lock_path(store_path).is_file(), "a killed app cannot remove its lock file"

    again = start_app(home, "--store", str(store_path), "open", "--screenshot", str(tmp_path / "shot.png"))
    _out, err = again.communicate(timeout=120)

    assert again.returncode == 0, err
    assert (tmp_path / "shot.png").is_file()
    with open_store(store_path) as store:
        assert store.list_canvases(), "the demo canvas the first app made is there"
