"""`canvas new`, `canvas list` and `canvas show`: canvases as a whole."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from pydantic import ValidationError

from canvas.cli.common import (
    CliError,
    Subparsers,
    add_command,
    card_data,
    load_canvas,
    opened_store,
    print_json,
    store_catalog,
)
from canvas.core.analysis import evidence_summary
from canvas.core.catalog import Catalog
from canvas.core.document import Document
from canvas.core.edits import describe_validation_error
from canvas.core.model import Canvas, Card


def register(subparsers: Subparsers) -> None:
    new = add_command(subparsers, "new", "create a canvas and print its id")
    new.add_argument("title", metavar="TITLE")
    new.add_argument("--description", default="", help="what the canvas is about")
    new.set_defaults(handler=new_canvas)

    listing = add_command(subparsers, "list", "canvases with id, title, card count and last change")
    listing.set_defaults(handler=list_canvases)

    show = add_command(
        subparsers, "show", "a canvas: its cards (with their placements), links, trays and evidence per model and side"
    )
    show.add_argument("canvas", metavar="CANVAS", help="canvas id or unique title")
    show.set_defaults(handler=show_canvas)


def new_canvas(args: argparse.Namespace) -> int:
    try:
        canvas = Canvas(title=args.title, description=args.description)
    except ValidationError as error:
        raise CliError(f"cannot create the canvas: {describe_validation_error(error)}") from None
    with opened_store(args) as store:
        namesakes = [summary.id for summary in store.list_canvases() if summary.title == canvas.title]
        store.save_document(Document(canvas))
    if namesakes:
        print(
            f"canvas: note: another canvas is also titled '{canvas.title}' ({', '.join(namesakes)}); "
            "refer to these by id",
            file=sys.stderr,
        )
    if args.json:
        print_json({"id": canvas.id, "title": canvas.title})
    else:
        print(canvas.id)
    return 0


def list_canvases(args: argparse.Namespace) -> int:
    with opened_store(args) as store:
        summaries = store.list_canvases()
        path = store.path
    if args.json:
        print_json(
            [
                {
                    "id": summary.id,
                    "title": summary.title,
                    "cards": summary.card_count,
                    "modified": summary.modified.isoformat(),
                }
                for summary in summaries
            ]
        )
        return 0
    if not summaries:
        print(f"No canvases yet in {path}. Create one with `canvas new TITLE`, or try `canvas demo`.")
        return 0
    width = max(len(summary.id) for summary in summaries)
    for summary in summaries:
        when = summary.modified.astimezone().strftime("%Y-%m-%d %H:%M")
        cards = f"{summary.card_count} card" + ("" if summary.card_count == 1 else "s")
        print(f"{summary.id:<{width}}  {when}  {cards:>11}  {summary.title}")
    return 0


def show_canvas(args: argparse.Namespace) -> int:
    with opened_store(args) as store:
        document = load_canvas(store, args.canvas)
        catalog = store_catalog(store)
    if args.json:
        data = canvas_data(document)
        data["tray"] = trays(document)
        data["evidence"] = evidence_summary(document, catalog)
        print_json(data)
    else:
        print_canvas(document)
        print_evidence(document, catalog)
    return 0


def trays(document: Document) -> dict[str, list[str]]:
    """Per enabled model, the ids of the live cards not yet placed in it (its tray)."""
    return {model: [card.id for card in document.unplaced_in(model)] for model in dict.fromkeys(document.canvas.models)}


def print_evidence(document: Document, catalog: Catalog) -> None:
    """One line per model and side: how much of what that side sees rests on customer evidence."""
    summary = evidence_summary(document, catalog)
    if not summary:
        return
    print()
    print("Evidence (customer evidence of the cards each side sees):")
    for model, sides in summary.items():
        parts = []
        for side, figures in sides.items():
            share = "" if figures["share"] is None else f" ({round(figures['share'] * 100)} %)"
            parts.append(f"{side} {figures['customer_evidence']} of {figures['total']}{share}")
        waiting = len(document.unplaced_in(model))
        print(f"  {model}: " + ", ".join(parts) + (f"; {waiting} in its tray" if waiting else ""))


def canvas_data(document: Document) -> dict[str, Any]:
    canvas = document.canvas
    return {
        "id": canvas.id,
        "title": canvas.title,
        "description": canvas.description,
        "models": list(canvas.models),
        "cards": [card_data(document, card) for card in document.live_cards()],
        "links": [
            {
                "id": link.id,
                "source": link.source,
                "target": link.target,
                "label": link.label,
                "tangible": link.tangible,
            }
            for link in document.live_links()
        ],
    }


def print_canvas(document: Document) -> None:
    canvas = document.canvas
    cards = document.live_cards()
    links = document.live_links()
    print(f"{canvas.title}  ({canvas.id})")
    if canvas.description:
        print(f"  {canvas.description}")
    print(f"  {len(cards)} cards, {len(links)} links; models: {', '.join(canvas.models)}")
    for card in cards:
        print()
        _print_card(document, card)
    if links:
        print()
        print("Links:")
        for link in links:
            source, target = _title(document, link.source), _title(document, link.target)
            label = f" [{link.label}]" if link.label else ""
            kind = "" if link.tangible else " (intangible)"
            print(f"  {link.id}: {source} → {target}{label}{kind}")


def _title(document: Document, card_id: str) -> str:
    card = document.cards.get(card_id)
    return card.title if card is not None else card_id


def _print_card(document: Document, card: Card) -> None:
    data = card_data(document, card)
    print(f"{card.id}  {card.title}")
    facts = [card.kind.value, card.voice.value, card.evidence.value]
    if card.source:
        facts.append(f"source: {card.source}")
    if card.tags:
        facts.append("tags: " + ", ".join(card.tags))
    print("    " + " · ".join(facts))
    scores = [
        f"{name} {value}"
        for name, value in (
            ("emotion", card.emotion),
            ("importance", card.importance),
            ("satisfaction", card.satisfaction),
            ("votes", card.votes or None),
        )
        if value is not None
    ]
    if scores:
        print("    " + " · ".join(scores))
    if card.notes:
        print("    notes: " + " ".join(card.notes.split()))
    placements = data["placements"]
    if placements:
        print("    placed: " + ", ".join(f"{model} → {zone}" for model, zone in placements.items()))
    else:
        print("    placed: nowhere yet")
