"""What starting the app imports: its non-Qt dependencies before Qt, and no file formats, dialogs or networkx until
they are used; and no idle threads of numpy's linear algebra. Checked in a fresh process, where the import order
is the app's own."""

from __future__ import annotations

import json
import os
import subprocess
import sys

IMPORT_APP = """
import json, os, sys
import canvas.ui.app
threads = len(os.listdir("/proc/self/task")) if os.path.isdir("/proc/self/task") else 1
print(json.dumps({"modules": list(sys.modules), "threads": threads}))
"""

#: Loaded when first used (File → Import/Export, a dialog, the network's analysis), never at start-up.
NOT_AT_START = (
    "networkx",
    "canvas.exchange.importing",
    "canvas.exchange.exporting",
    "canvas.exchange.scanvas_read",
    "canvas.exchange.scanvas_write",
    "canvas.exchange.merge",
    "canvas.ui.render",
    "canvas.ui.import_step",
    "canvas.ui.dialogs.import_preview",
    "canvas.ui.dialogs.about",
    "canvas.ui.dialogs.shortcuts",
    "canvas.ui.dialogs.suggest",
    "canvas.ui.dialogs.backups",
)


def import_the_app() -> tuple[list[str], int]:
    """The modules a fresh process holds after importing the app, in import order, and its thread count."""
    env = {name: value for name, value in os.environ.items() if name != "OPENBLAS_NUM_THREADS"}
    done = subprocess.run([sys.executable, "-c", IMPORT_APP], capture_output=True, text=True, timeout=120, env=env)
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout)
    return seen["modules"], seen["threads"]


def test_the_app_imports_its_non_qt_dependencies_before_qt_and_formats_and_dialogs_not_at_all() -> None:
    from canvas.ui import LOADED_BEFORE_QT

    names, _ = import_the_app()
    first_qt = names.index("PySide6")
    for name in LOADED_BEFORE_QT:
        assert names.index(name) < first_qt, f"{name} is imported after PySide6"
    for name in ("pydantic", "canvas.core.model", "canvas.store.repository"):
        assert names.index(name) < first_qt, f"{name} is imported after PySide6"
    assert not [name for name in NOT_AT_START if name in names]


def test_importing_the_app_starts_no_thread_of_numpy_s_linear_algebra() -> None:
    _, threads = import_the_app()
    assert threads == 1
