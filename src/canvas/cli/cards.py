"""`canvas card add | edit | delete`: capturing and changing cards."""

from __future__ import annotations

import argparse
from typing import Any

from pydantic import ValidationError

from canvas.cli.common import (
    CliError,
    Subparsers,
    add_command,
    card_data,
    find_card,
    load_canvas,
    opened_store,
    print_json,
)
from canvas.core.edits import AddCard, DeleteCards, EditCard, describe_validation_error
from canvas.core.model import Card, CardKind, Evidence, Voice
from canvas.store.editing import commit


def register(subparsers: Subparsers) -> None:
    card = subparsers.add_parser("card", help="add, edit or delete a card", description="add, edit or delete a card")
    actions = card.add_subparsers(dest="action", metavar="ACTION", required=True)

    add = add_command(actions, "add", "add a card to a canvas and print its id")
    add.add_argument("canvas", metavar="CANVAS", help="canvas id or unique title")
    add.add_argument("title", metavar="TITLE")
    _card_options(add)
    add.set_defaults(handler=add_card)

    edit = add_command(actions, "edit", "change a card's title, text, kind, voice, evidence, tags or scores")
    edit.add_argument("canvas", metavar="CANVAS", help="canvas id or unique title")
    edit.add_argument("card", metavar="CARD", help="card id or a title unique on the canvas")
    edit.add_argument("--title", help="the new title")
    _card_options(edit)
    edit.add_argument("--clear-tags", action="store_true", help="remove every tag")
    edit.set_defaults(handler=edit_card)

    delete = add_command(actions, "delete", "delete a card (with its placements and links)")
    delete.add_argument("canvas", metavar="CANVAS", help="canvas id or unique title")
    delete.add_argument("card", metavar="CARD", help="card id or a title unique on the canvas")
    delete.set_defaults(handler=delete_card)


#: What a score option holds when the person typed `none`: clear the score.
_CLEARED = "none"


def _score(text: str) -> int | str:
    """A score option's value: a whole number, or `none` to clear it."""
    if text.lower() == _CLEARED:
        return _CLEARED
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number (or 'none' to clear)") from None


def _card_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--notes", help="longer text: what happened, in whose words")
    parser.add_argument("--kind", choices=[kind.value for kind in CardKind])
    parser.add_argument("--voice", choices=[voice.value for voice in Voice], help="whose perspective the card states")
    parser.add_argument("--evidence", choices=[level.value for level in Evidence], help="how we know")
    parser.add_argument("--source", help='where it comes from, e.g. "interview 3"')
    parser.add_argument("--tag", action="append", dest="tags", metavar="TAG", help="a tag (repeat for more)")
    parser.add_argument("--colour", help="a colour as #rrggbb, or 'none'")
    parser.add_argument("--emotion", type=_score, metavar="-2..2", help="how the customer feels ('none' clears)")
    parser.add_argument("--importance", type=_score, metavar="1..10", help="how much the outcome matters")
    parser.add_argument("--satisfaction", type=_score, metavar="1..10", help="how well it is served today")
    parser.add_argument("--votes", type=_score, metavar="N", help="dot votes")


_OPTION_FIELDS = ("notes", "kind", "voice", "evidence", "source", "emotion", "importance", "satisfaction", "votes")


def _given_fields(args: argparse.Namespace) -> dict[str, Any]:
    """The card fields the command line sets (an option left out changes nothing; `none` clears a score)."""
    fields: dict[str, Any] = {}
    for name in _OPTION_FIELDS:
        value = getattr(args, name)
        if value is not None:
            fields[name] = None if value == _CLEARED else value
    if args.tags is not None:
        fields["tags"] = tuple(args.tags)
    if args.colour is not None:
        fields["colour"] = None if args.colour.lower() == _CLEARED else args.colour
    if "votes" in fields and fields["votes"] is None:
        fields["votes"] = 0
    return fields


def add_card(args: argparse.Namespace) -> int:
    fields = {name: value for name, value in _given_fields(args).items() if value is not None}
    try:
        card = Card(title=args.title, **fields)
    except ValidationError as error:
        raise CliError(f"cannot add the card: {describe_validation_error(error)}") from None
    with opened_store(args) as store:
        document = load_canvas(store, args.canvas)
        commit(store, document, AddCard(card))
    if args.json:
        print_json(card_data(document, card))
    else:
        print(card.id)
    return 0


def edit_card(args: argparse.Namespace) -> int:
    fields = _given_fields(args)
    if args.title is not None:
        fields["title"] = args.title
    if args.clear_tags:
        fields["tags"] = ()
    if not fields:
        raise CliError("nothing to change: give at least one option, e.g. --title or --notes")
    with opened_store(args) as store:
        document = load_canvas(store, args.canvas)
        card = find_card(document, args.card)
        changes = commit(store, document, EditCard(card.id, fields))
    edited = document.cards[card.id]
    if args.json:
        print_json(card_data(document, edited))
    elif changes:
        print(f"edited card '{edited.title}' ({edited.id})")
    else:
        print(f"card '{edited.title}' already said that; nothing changed")
    return 0


def delete_card(args: argparse.Namespace) -> int:
    with opened_store(args) as store:
        document = load_canvas(store, args.canvas)
        card = find_card(document, args.card)
        changes = commit(store, document, DeleteCards((card.id,)))
    if args.json:
        print_json({"deleted": card.id, "title": card.title, "records": len(changes)})
    else:
        print(f"deleted card '{card.title}' ({card.id})")
    return 0
