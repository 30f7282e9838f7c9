"""SIGKILL in the middle of a bulk move or an import (a laptop lid, a power cut, a force quit): every committed edit
is still there, the step in progress is all there or not at all, and the store opens.

The kill is timed by the store's rollback journal, which exists exactly while a write transaction is under way,
so each test kills the app inside the transaction it means to interrupt.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from canvas.core.catalog import Catalog
from canvas.core.document import Document
from canvas.core.edits import AddCard, EditCard, PlaceCards, Spot
from canvas.core.model import Canvas, Card
from canvas.exchange.scanvas_write import write_scanvas
from canvas.store import open_store
from canvas.store.backup import list_backups

from . import worker
from .conftest import app_environment, wait_for

pytestmark = pytest.mark.slow

CARDS = 3000
WORKER = Path(worker.__file__)


def wall(store_path: Path, cards: int = CARDS) -> Document:
    """A workshop wall: `cards` cards in one journey zone, saved in the store."""
    document = Document.of(Canvas(id="wall", title="Workshop wall"))
    ids = [f"card-{number:05d}" for number in range(cards)]
    for card_id in ids:
        AddCard(Card(id=card_id, title=f"Sticky note {card_id}")).apply(document)
    PlaceCards(tuple(Spot(card_id, "journey", worker.ZONE, 0.0, float(n)) for n, card_id in enumerate(ids))).apply(
        document
    )
    with open_store(store_path) as store:
        store.save_document(document)
    return document


class App:
    """The worker process, read line by line."""

    def __init__(self, home: Path, *args: str) -> None:
        self.process = subprocess.Popen(
            [sys.executable, str(WORKER), *args],
            env=app_environment(home),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.lines: list[str] = []

    def read_until(self, wanted: str) -> None:
        while True:
            line = self.process.stdout.readline() if self.process.stdout else ""
            if not line:
                _out, err = self.process.communicate(timeout=30)
                raise AssertionError(f"the app stopped before saying '{wanted}': {err[-2000:]}")
            self.lines.append(line.strip())
            if line.strip() == wanted:
                return

    def kill_when(self, condition: Callable[[], bool], timeout: float = 60.0) -> bool:
        """SIGKILL the app as soon as `condition` holds; True if it held at the kill (False: timed out)."""
        deadline = time.monotonic() + timeout
        while not condition() and time.monotonic() < deadline:
            time.sleep(0.0005)
        held = condition()
        self.process.send_signal(signal.SIGKILL)
        self.process.communicate(timeout=30)
        return held


def journal(store_path: Path) -> Path:
    return store_path.with_name(store_path.name + "-journal")


def writing(store_path: Path) -> Callable[[], bool]:
    """True while a write transaction is under way and has written its rollback journal (the journal exists only
    during a write; SQLite creates it empty a moment before writing it, and a kill in that moment leaves nothing
    to roll back, which is not the case this test is about)."""
    path = journal(store_path)

    def journal_written() -> bool:
        try:
            return path.stat().st_size > 0
        except FileNotFoundError:
            return False

    return journal_written


def test_a_kill_during_a_bulk_move_keeps_every_committed_round_and_no_half_round(home: Path, store_path: Path) -> None:
    wall(store_path)
    app = App(home, "moves", str(store_path))
    app.read_until("moving 3")

    in_transaction = app.kill_when(writing(store_path))

    assert in_transaction, "the kill landed inside the write of round 3 (or later)"
    committed = max(int(line.split()[1]) for line in app.lines if line.startswith("moved"))
    assert os.path.getsize(journal(store_path)) > 0, "a hot journal is left for SQLite to roll back"
    with open_store(store_path) as store:  # opens, passes the integrity check, and rolls the half round back
        placements = [p for p in store.load("wall").placements.values() if not p.deleted]
    rounds = {placement.x for placement in placements}
    assert len(placements) == CARDS
    assert len(rounds) == 1, f"every card is in the same round, not a mixture of {sorted(rounds)[:5]}"
    assert rounds.pop() in (committed, committed + 1), "no committed round is lost"


def teammate_edits(document: Document, folder: Path, catalog: Catalog) -> Path:
    """The same wall from a teammate: every card retitled (a merge touching every card)."""
    for card_id in list(document.cards):
        EditCard(card_id, {"title": f"Checked by Kari: {card_id}"}).apply(document)
    path = folder / "from-kari.scanvas"
    path.write_bytes(write_scanvas(document, catalog.models))
    return path


def check_after_killed_import(store_path: Path) -> set[str]:
    """The store opens, the edit made before the import is there; returns how the import left the titles."""
    with open_store(store_path) as store:
        cards = store.load("wall").cards
    first = sorted(cards)[0]
    assert cards[first].title == worker.RENAMED, "the edit committed before the import is kept"
    others = [card for card_id, card in cards.items() if card_id != first]
    return {"merged" if card.title.startswith("Checked by Kari") else "as before" for card in others}


def test_a_kill_during_an_import_leaves_the_import_all_or_nothing(
    home: Path, store_path: Path, tmp_path: Path, catalog: Catalog
) -> None:
    path = teammate_edits(wall(store_path), tmp_path, catalog)
    app = App(home, "import", str(store_path), str(path))
    app.read_until("importing")

    in_transaction = app.kill_when(writing(store_path))

    assert in_transaction, "the kill landed inside the import's transaction"
    assert check_after_killed_import(store_path) in ({"as before"}, {"merged"})
    [backup] = list_backups(store_path)
    assert backup.reason == "before import"
    with open_store(backup.path) as kept:
        assert kept.load("wall").cards["card-00001"].title == "Sticky note card-00001"


def test_a_kill_while_the_import_backup_is_written_leaves_no_half_backup(
    home: Path, store_path: Path, tmp_path: Path, catalog: Catalog
) -> None:
    path = teammate_edits(wall(store_path), tmp_path, catalog)
    app = App(home, "import", str(store_path), str(path))
    app.read_until("importing")

    in_backup = app.kill_when(lambda: any(tmp_path.glob("workshop.backup-*.part")))

    assert in_backup, "the kill landed while the backup was being written"
    assert check_after_killed_import(store_path) == {"as before"}
    assert list_backups(store_path) == [], "a half-written backup is never offered for restoring"


def test_the_store_opens_in_the_app_after_a_kill(home: Path, store_path: Path, tmp_path: Path) -> None:
    wall(store_path, cards=200)
    app = App(home, "moves", str(store_path))
    app.read_until("moving 2")
    app.kill_when(writing(store_path))

    out = tmp_path / "after-kill.png"
    again = subprocess.run(
        [sys.executable, "-m", "canvas", "--store", str(store_path), "open", "--screenshot", str(out)],
        env=app_environment(home),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert again.returncode == 0, again.stderr
    assert out.is_file()
    wait_for(lambda: not journal(store_path).exists(), "the hot journal to be rolled back", timeout=5)
