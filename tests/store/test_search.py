"""Full-text search over titles, notes, tags and sources, safe against whatever a person types."""

from __future__ import annotations

import pytest

from canvas.core.edits import DeleteCards, EditCard
from canvas.store import Store
from canvas.store.editing import commit
from canvas.store.search import fts_query

from .samples import workshop


@pytest.fixture
def filled(store: Store) -> Store:
    store.save_document(workshop())
    return store


def ids(store: Store, query: str, canvas_id: str | None = None) -> list[str]:
    return sorted(hit.card_id for hit in store.search(query, canvas_id))


def test_words_are_found_in_titles_notes_tags_and_sources(filled: Store) -> None:
    assert ids(filled, "Sunday") == ["sunday", "sunday-theirs"]
    assert ids(filled, "spreadsheet") == ["sunday"], "notes"
    assert ids(filled, "feriepenger") == ["holiday"], "notes and tags"
    assert ids(filled, "tickets") == ["holiday"], "source"
    assert ids(filled, "first run") == ["sunday"], "tag words"


def test_every_word_must_match_and_the_last_may_be_unfinished(filled: Store) -> None:
    assert ids(filled, "payroll night") == ["sunday"]
    assert ids(filled, "holi") == ["holiday"]
    assert ids(filled, "payr sunday") == [], "only the last word is a prefix"


def test_accents_do_not_matter(filled: Store) -> None:
    assert ids(filled, "cafe") == ["owner", "sunday"]
    assert ids(filled, "CAFÉ OWNER") == ["owner", "sunday"]


def test_the_snippet_marks_what_matched(filled: Store) -> None:
    (hit,) = filled.search("spreadsheet")
    assert "[spreadsheet]" in hit.snippet
    assert (hit.canvas_id, hit.canvas_title, hit.title) == (
        "oslo-workshop",
        "Payroll onboarding, Oslo workshop",
        "Payroll on Sunday night",
    )


@pytest.mark.parametrize(
    "query",
    ['"unbalanced', "NOT", "NOT payroll", "payroll OR", "NEAR(", "*", "^", "-", "a AND", "col:x", "(", '""', "  "],
)
def test_search_syntax_typed_by_a_person_is_never_an_error(filled: Store, query: str) -> None:
    hits = filled.search(query)
    assert isinstance(hits, list)


def test_operators_are_searched_as_plain_words(filled: Store) -> None:
    assert ids(filled, '"spreadsheet') == ["sunday"]
    assert ids(filled, "never") == ["sunday"], "a quoted tag"
    assert ids(filled, "NOT payroll") == []
    assert fts_query('NOT "unbalanced') == '"NOT" "unbalanced"*'
    assert fts_query("- * ^") is None


def test_deleted_and_edited_cards_follow_the_index(filled: Store) -> None:
    document = filled.load("oslo-workshop")
    assert ids(filled, "love spreadsheets") == [], "the tombstoned card 'Owners love spreadsheets'"

    commit(filled, document, EditCard("holiday", {"title": "Holiday pay explained by the accountant"}))
    assert ids(filled, "accountant") == ["holiday"]
    assert ids(filled, "mystery") == []

    commit(filled, document, DeleteCards(("sunday",)))
    assert ids(filled, "spreadsheet") == []


def test_search_can_keep_to_one_canvas(store: Store) -> None:
    store.save_document(workshop("oslo", "Oslo"))
    store.save_document(workshop("bergen", "Bergen"))
    assert {hit.canvas_id for hit in store.search("spreadsheet")} == {"oslo", "bergen"}
    assert [hit.canvas_id for hit in store.search("spreadsheet", "bergen")] == ["bergen"]
