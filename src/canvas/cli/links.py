"""`canvas link`: a directed relation between two cards (in a value-exchange model, a flow of value)."""

from __future__ import annotations

import argparse

from pydantic import ValidationError

from canvas.cli.common import CliError, Subparsers, add_command, find_card, load_canvas, opened_store, print_json
from canvas.core.edits import AddLink, describe_validation_error
from canvas.core.model import Link
from canvas.store.editing import commit


def register(subparsers: Subparsers) -> None:
    link = add_command(subparsers, "link", "link two cards (a value flow from FROM to TO) and print the link's id")
    link.add_argument("canvas", metavar="CANVAS", help="canvas id or unique title")
    link.add_argument("source", metavar="FROM", help="card id or a title unique on the canvas")
    link.add_argument("target", metavar="TO", help="card id or a title unique on the canvas")
    link.add_argument("--label", default="", help="what flows, e.g. money, data, trust")
    link.add_argument("--intangible", action="store_true", help="the flow is intangible (trust, knowledge, time…)")
    link.set_defaults(handler=link_cards)


def link_cards(args: argparse.Namespace) -> int:
    with opened_store(args) as store:
        document = load_canvas(store, args.canvas)
        source = find_card(document, args.source)
        target = find_card(document, args.target)
        try:
            link = Link(source=source.id, target=target.id, label=args.label, tangible=not args.intangible)
        except ValidationError as error:
            raise CliError(f"cannot link the cards: {describe_validation_error(error)}") from None
        commit(store, document, AddLink(link))
    if args.json:
        print_json(
            {
                "id": link.id,
                "source": link.source,
                "target": link.target,
                "label": link.label,
                "tangible": link.tangible,
            }
        )
    else:
        print(link.id)
    return 0
