"""The SQLite store: one file, many canvases; schema, migrations and the repository. No Qt."""

from canvas.store.db import StoreError
from canvas.store.repository import CanvasSummary, SearchHit, Store, open_store

__all__ = ["CanvasSummary", "SearchHit", "Store", "StoreError", "open_store"]
