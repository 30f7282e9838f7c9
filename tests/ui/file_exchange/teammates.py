"""A teammate with a store of their own, driven through the command line, and what a store holds."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from canvas.cli import main

#: The tables holding canvases and what is on them (not the remembered window state, not the search index).
CONTENT_TABLES = ("canvases", "cards", "placements", "links", "model_settings")


class Teammate:
    """Another person with a store of their own, using the command line."""

    def __init__(self, store: Path, capsys: pytest.CaptureFixture[str]) -> None:
        self.store = store
        self.capsys = capsys

    def run(self, *argv: str | Path) -> str:
        self.capsys.readouterr()
        status = main(["--store", str(self.store), *(str(arg) for arg in argv)])
        captured = self.capsys.readouterr()
        assert status == 0, captured.out + captured.err
        return captured.out.strip()


def contents(store_path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of the content tables, read by a connection of its own (a canvas's `modified` time left out)."""
    connection = sqlite3.connect(f"file:{store_path}?mode=ro", uri=True)
    try:
        found: dict[str, list[tuple[object, ...]]] = {}
        for table in CONTENT_TABLES:
            cursor = connection.execute(f"SELECT * FROM {table}")  # the table names are fixed above
            names = [column[0] for column in cursor.description]
            rows = [tuple(v for n, v in zip(names, row, strict=True) if n != "modified") for row in cursor]
            found[table] = sorted(rows, key=repr)
        return found
    finally:
        connection.close()
