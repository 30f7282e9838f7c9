"""The desktop app (PySide6). The only layer that imports Qt.

Once PySide6 is imported, its import hook (for `from __feature__ import ...`) reads the source of every module
imported after it, looking for the word "PySide6". So the app's big non-Qt dependencies are imported here, before
any Qt module: that saves about a tenth of a second of the app's start (see docs/performance.md).
"""

from __future__ import annotations

import importlib
import os

#: numpy's OpenBLAS would start a worker thread per core at import, which spins for a while (~0.1 s of CPU on a
#: 2-core machine, taken from the app's own start); the app does no linear algebra: its arrays are positions and
#: pixels. A value the person set is kept.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

#: Imported before Qt, in this order (each pulls in what it needs: pydantic, sqlite3, tomllib…).
LOADED_BEFORE_QT = (
    "numpy",
    "numpy.typing",
    "canvas.core.catalog",
    "canvas.core.document",
    "canvas.core.edits",
    "canvas.core.layout",
    "canvas.core.analysis",
    "canvas.store",
    "canvas.store.editing",
    "canvas.exchange.carried",
    "canvas.paths",
)

for _name in LOADED_BEFORE_QT:
    importlib.import_module(_name)
