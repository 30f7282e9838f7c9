"""Where things live on disk: the default store, the user's models, logs, and the built-in models and resources."""

from __future__ import annotations

import os
import sys
from functools import cache
from pathlib import Path

import platformdirs

APP_NAME = "sensemaking-canvas"
STORE_ENV = "CANVAS_STORE"


@cache  # resolving the path asks the file system each time: the window asks for ~30 icons as it is built
def _bundle_root() -> Path:
    """The folder holding `models/` and `resources/`: the source checkout, or a PyInstaller bundle."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    return Path(__file__).resolve().parents[2]


def builtin_models_dir() -> Path:
    return _bundle_root() / "models"


def resources_dir() -> Path:
    return _bundle_root() / "resources"


def user_models_dir() -> Path:
    """Where a user drops model files of their own."""
    return Path(platformdirs.user_config_dir(APP_NAME)) / "models"


def log_dir() -> Path:
    return Path(platformdirs.user_log_dir(APP_NAME))


def default_store_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """`--store PATH` if given, else `$CANVAS_STORE`, else `canvas.sqlite` in the user's data folder."""
    if explicit:
        return Path(explicit).expanduser()
    from_env = os.environ.get(STORE_ENV)
    if from_env:
        return Path(from_env).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME)) / "canvas.sqlite"
