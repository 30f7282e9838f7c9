"""Everything below the GUI works without Qt: core, store, exchange and the command line import with PySide6
blocked, and a command runs."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

BLOCKED_RUN = textwrap.dedent(
    """
    import importlib, importlib.abc, pkgutil, sys

    class NoQt(importlib.abc.MetaPathFinder):
        def find_spec(self, name, path=None, target=None):
            if name == "PySide6" or name.startswith("PySide6."):
                raise ImportError(f"{name} is blocked: this layer must not import Qt")
            return None

    sys.meta_path.insert(0, NoQt())

    imported = []
    for package_name in ("canvas.core", "canvas.store", "canvas.exchange", "canvas.cli"):
        package = importlib.import_module(package_name)
        imported.append(package_name)
        for module in pkgutil.walk_packages(package.__path__, package_name + "."):
            importlib.import_module(module.name)
            imported.append(module.name)

    from canvas.cli import main
    status = main(["demo", "--store", sys.argv[1]])
    status += main(["show", "demo-payroll-oslo", "--store", sys.argv[1], "--json"])
    assert status == 0, status
    assert not any(name.split(".")[0] == "PySide6" for name in sys.modules), "PySide6 was imported"
    import contextlib, io
    said = io.StringIO()
    with contextlib.redirect_stderr(said):
        refused = main(["open", "--store", sys.argv[1]])
    assert refused == 1, refused
    assert said.getvalue() == (
        "canvas: the desktop app needs PySide6, which is not installed (pip install pyside6-essentials)\\n"
    ), said.getvalue()

    try:
        import PySide6
    except ImportError:
        pass
    else:
        raise AssertionError("the blocker let PySide6 through")
    print(len(imported), "modules")
    """
)


def test_core_store_exchange_and_cli_need_no_qt(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", BLOCKED_RUN, str(tmp_path / "store.sqlite")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().endswith("modules")
    assert '"id": "demo-payroll-oslo"' in done.stdout
