"""`canvas search`: full-text search over card titles, notes, tags and sources."""

from __future__ import annotations

import argparse

from canvas.cli.common import Subparsers, UsageError, add_command, opened_store, print_json


def register(subparsers: Subparsers) -> None:
    search = add_command(subparsers, "search", "find cards by the words in their title, notes, tags or source")
    search.add_argument("query", metavar="QUERY", help="words that must all appear; the last may be unfinished")
    search.add_argument("--canvas", metavar="CANVAS", help="search only this canvas (id or unique title)")
    search.set_defaults(handler=search_cards)


def search_cards(args: argparse.Namespace) -> int:
    if not args.query.strip():
        raise UsageError("give some words to search for, e.g. canvas search payroll")
    with opened_store(args) as store:
        canvas_id = store.find_canvas(args.canvas) if args.canvas else None
        hits = store.search(args.query, canvas_id)
    if args.json:
        print_json(
            [
                {
                    "canvas": hit.canvas_id,
                    "canvas_title": hit.canvas_title,
                    "card": hit.card_id,
                    "title": hit.title,
                    "snippet": hit.snippet,
                }
                for hit in hits
            ]
        )
        return 0
    if not hits:
        print(f"no cards match '{args.query}'")
        return 0
    for hit in hits:
        where = "" if canvas_id else f"  [{hit.canvas_title}]"
        print(f"{hit.card_id}  {hit.title}{where}")
        snippet = " ".join(hit.snippet.split())
        if snippet and snippet != hit.title:
            print(f"    {snippet}")
    return 0
