"""The search index in step with the cards: whole canvases saved, replaced and deleted, and single edits (which
rewrite the index only when a card's text changes)."""

from __future__ import annotations

import pytest

from canvas.core.edits import DeleteCards, EditCard
from canvas.store import Store, StoreError
from canvas.store.editing import commit

from .samples import workshop


def check_index_matches_the_cards(store: Store) -> None:
    """FTS5's own check; with rank 1 it also compares the index with the rows of `cards` (raises if they differ)."""
    store.db.execute("INSERT INTO cards_fts(cards_fts, rank) VALUES ('integrity-check', 1)")


def canvases_found(store: Store, query: str) -> set[str]:
    return {hit.canvas_id for hit in store.search(query)}


def test_saving_replacing_and_deleting_whole_canvases_keeps_search_exact(store: Store) -> None:
    store.save_document(workshop("oslo", "Oslo"))
    store.save_document(workshop("bergen", "Bergen"))
    assert canvases_found(store, "spreadsheet") == {"oslo", "bergen"}
    check_index_matches_the_cards(store)

    renamed = workshop("oslo", "Oslo")
    sunday = renamed.cards["sunday"]
    renamed.put(sunday.revised(title="Payroll on Monday morning", notes="A calm start with the accountant."))
    store.save_document(renamed, replace=True)

    assert canvases_found(store, "spreadsheet") == {"bergen"}, "Oslo's old notes left the index"
    assert canvases_found(store, "monday accountant") == {"oslo"}
    check_index_matches_the_cards(store)

    store.delete_canvas("bergen")
    assert canvases_found(store, "spreadsheet") == set()
    assert canvases_found(store, "holiday") == {"oslo"}
    check_index_matches_the_cards(store)


def test_single_edits_are_still_indexed_after_a_whole_canvas_was_saved(store: Store) -> None:
    store.save_document(workshop("oslo", "Oslo"))
    with pytest.raises(StoreError, match="already holds a canvas with id 'oslo'"):
        store.save_document(workshop("oslo", "Oslo again"))

    document = store.load("oslo")
    commit(store, document, EditCard("holiday", {"title": "Holiday pay explained by the accountant"}))

    assert [hit.card_id for hit in store.search("accountant")] == ["holiday"]
    check_index_matches_the_cards(store)
    triggers = {row[0] for row in store.db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    assert triggers == {"cards_fts_insert", "cards_fts_delete", "cards_fts_update"}


def found(store: Store, query: str) -> list[str]:
    return sorted(hit.card_id for hit in store.search(query))


def index_storage(store: Store) -> list[tuple[int, bytes]]:
    return list(store.db.execute("SELECT id, block FROM cards_fts_data ORDER BY id").fetchall())


def test_an_edit_that_keeps_the_text_leaves_the_index_alone_and_a_text_edit_updates_it(store: Store) -> None:
    store.save_document(workshop("oslo", "Oslo"))
    document = store.load("oslo")
    before = index_storage(store)

    commit(store, document, EditCard("holiday", {"votes": 3, "kind": "need", "emotion": -2}))
    commit(store, document, DeleteCards(("owner",)))
    assert index_storage(store) == before, "no index write for votes, kind, emotion or a tombstone"
    assert found(store, "guessed") == ["holiday"]
    assert found(store, "owner") == ["sunday"], "the deleted card 'Café owner' is no longer found"

    commit(store, document, EditCard("holiday", {"notes": "Asked the accountant about it twice."}))
    assert index_storage(store) != before
    assert found(store, "accountant twice") == ["holiday"]
    assert found(store, "guessed") == [], "the old notes left the index"
    check_index_matches_the_cards(store)
