"""Run `python -m canvas …` as a real process on a store in a temporary folder, as a person's shell would."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import pytest


@dataclass(frozen=True)
class Result:
    code: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)


class Canvas(Protocol):
    def __call__(self, *args: str, store: bool = True, env: dict[str, str] | None = None) -> Result: ...


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    return tmp_path / "workshop.sqlite"


@pytest.fixture
def home(tmp_path: Path) -> Path:
    """Data and config folders of a person who has never run the app (no default store, no user models)."""
    folder = tmp_path / "home"
    folder.mkdir()
    return folder


@pytest.fixture
def canvas(store_path: Path, home: Path) -> Canvas:
    def run(*args: str, store: bool = True, env: dict[str, str] | None = None) -> Result:
        environment = {key: value for key, value in os.environ.items() if key not in ("CANVAS_STORE", "XDG_DATA_HOME")}
        environment.update(
            XDG_DATA_HOME=str(home / "data"),
            XDG_CONFIG_HOME=str(home / "config"),
            PYTHONIOENCODING="utf-8",
            QT_QPA_PLATFORM="offscreen",
        )
        environment.update(env or {})
        command = [sys.executable, "-m", "canvas", *args]
        if store:
            command += ["--store", str(store_path)]
        done = subprocess.run(command, capture_output=True, text=True, encoding="utf-8", env=environment, timeout=60)
        return Result(done.returncode, done.stdout, done.stderr)

    return run
