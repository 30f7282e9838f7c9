"""What starting the app imports: its non-Qt dependencies before Qt, and no file formats, dialogs or networkx until
they are used. Checked in a fresh process, where the import order is the app's own."""

from __future__ import annotations

import json
import subprocess
import sys

IMPORT_APP = """
import json, sys
import canvas.ui.app
print(json.dumps(list(sys.modules)))
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


def modules_after_importing_the_app() -> list[str]:
    done = subprocess.run(
        [sys.executable, "-c", IMPORT_APP],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    names: list[str] = json.loads(done.stdout)
    return names


def test_the_app_imports_its_non_qt_dependencies_before_qt_and_formats_and_dialogs_not_at_all() -> None:
    from canvas.ui import LOADED_BEFORE_QT

    names = modules_after_importing_the_app()
    first_qt = names.index("PySide6")
    for name in LOADED_BEFORE_QT:
        assert names.index(name) < first_qt, f"{name} is imported after PySide6"
    for name in ("pydantic", "canvas.core.model", "canvas.store.repository"):
        assert names.index(name) < first_qt, f"{name} is imported after PySide6"
    assert not [name for name in NOT_AT_START if name in names]
