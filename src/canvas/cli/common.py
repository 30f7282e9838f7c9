"""What every command shares: the --store and --json options, opening the store, naming canvases and cards,
and printing. Errors meant for a person are raised as CliError (exit 1) or UsageError (exit 2)."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, TypeAlias

from canvas.core.catalog import Catalog, load_catalog
from canvas.core.document import Document
from canvas.core.model import Card
from canvas.exchange.carried import carried_models
from canvas.paths import builtin_models_dir, default_store_path, user_models_dir
from canvas.store import Store, open_store

#: The object `add_subparsers()` returns (argparse names its class privately; typeshed makes it generic).
Subparsers: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"


class CliError(Exception):
    """A command that cannot do what was asked; printed as one line, exit status 1."""


class UsageError(Exception):
    """The command line itself is wrong in a way argparse cannot see; printed with the usage, exit status 2."""


def add_command(subparsers: Subparsers, name: str, help: str, *, json_output: bool = True) -> argparse.ArgumentParser:
    """A sub-command with the options every command has: --store, and --json where it prints data."""
    parser: argparse.ArgumentParser = subparsers.add_parser(name, help=help, description=help)
    parser.set_defaults(command_parser=parser)
    add_store_option(parser)
    if json_output:
        parser.add_argument("--json", action="store_true", help="print machine-readable JSON")
    return parser


def add_store_option(parser: argparse.ArgumentParser, *, default: Any = argparse.SUPPRESS) -> None:
    # SUPPRESS on sub-commands: `canvas --store X list` and `canvas list --store X` both work.
    parser.add_argument(
        "--store",
        metavar="PATH",
        default=default,
        help="the store file (default: $CANVAS_STORE, else canvas.sqlite in your data folder)",
    )


def store_path_of(args: argparse.Namespace) -> Any:
    return default_store_path(getattr(args, "store", None))


@contextmanager
def opened_store(args: argparse.Namespace) -> Iterator[Store]:
    """The store named by --store / $CANVAS_STORE / the default location, closed afterwards."""
    store = open_store(store_path_of(args))
    try:
        yield store
    finally:
        store.close()


def installed_catalog() -> Catalog:
    """The built-in models and the user's own (broken user files are skipped; `canvas models` lists them)."""
    return load_catalog(builtin_models_dir(), user_models_dir())


def store_catalog(store: Store) -> Catalog:
    """The installed models plus those that imported files brought into this store."""
    return installed_catalog().with_models(carried_models(store))


def load_canvas(store: Store, ref: str) -> Document:
    """The canvas named by id or unique title."""
    return store.load(store.find_canvas(ref))


def find_card(document: Document, ref: str) -> Card:
    """The live card named by id, or by a title unique on this canvas (exact first, then ignoring case)."""
    card = document.card(ref)
    if card is not None:
        return card
    live = document.live_cards()
    for matches in (
        [card for card in live if card.title == ref],
        [card for card in live if card.title.casefold() == ref.casefold()],
    ):
        if len(matches) == 1:
            return matches[0]
        if matches:
            ids = ", ".join(card.id for card in matches)
            raise CliError(f"{len(matches)} cards on canvas '{document.canvas.title}' are titled '{ref}' (ids {ids})")
    raise CliError(f"canvas '{document.canvas.title}' has no card '{ref}' (give its id or its exact title)")


def print_json(data: Any) -> None:
    """JSON on stdout in a stable shape: keys in the order the command builds them, UTF-8, indented."""
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def card_data(document: Document, card: Card) -> dict[str, Any]:
    """A card as `show --json` and `card add --json` print it, placements as {model: zone}."""
    placements = document.placements_of(card.id)
    ordered = [model for model in document.canvas.models if model in placements]
    ordered += sorted(model for model in placements if model not in document.canvas.models)
    return {
        "id": card.id,
        "title": card.title,
        "notes": card.notes,
        "kind": card.kind.value,
        "voice": card.voice.value,
        "evidence": card.evidence.value,
        "source": card.source,
        "tags": list(card.tags),
        "colour": card.colour,
        "emotion": card.emotion,
        "importance": card.importance,
        "satisfaction": card.satisfaction,
        "votes": card.votes,
        "placements": {model: placements[model].zone for model in ordered},
    }
