"""How a person's search words become an FTS5 query that cannot be a syntax error."""

from __future__ import annotations


def fts_query(text: str) -> str | None:
    """Every word must appear (in any order); the last word may be the start of a word, as one types.

    Each word is quoted, so FTS5 operators typed by a person (NOT, OR, NEAR, a stray quote, a dash or a colon)
    are searched for as plain words instead of being parsed. None when nothing searchable is left.
    """
    words = [word.replace('"', "") for word in text.split()]
    # A word with no letters or digits has no tokens; leave it out rather than ask FTS5 for an empty phrase.
    words = [word for word in words if any(char.isalnum() for char in word)]
    if not words:
        return None
    phrases = [f'"{word}"' for word in words]
    phrases[-1] += "*"
    return " ".join(phrases)
