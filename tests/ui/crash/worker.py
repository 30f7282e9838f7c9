"""A real app process for the kill tests: the main window on a store, doing one long piece of work and saying on
stdout (flushed, line by line) what it starts and what it has committed, until the test kills it.

    python worker.py moves STORE          move every card, round after round ("moving N" / "moved N")
    python worker.py import STORE FILE    rename a card ("edited"), then import FILE ("importing" / "imported")
"""

from __future__ import annotations

import itertools
import sys
import time
from pathlib import Path

from canvas.core.catalog import load_catalog
from canvas.core.edits import EditCard, PlaceCards, Spot
from canvas.exchange.importing import plan_import, read_incoming
from canvas.paths import builtin_models_dir
from canvas.ui.app import Desktop, application
from canvas.ui.import_step import apply_plan

ZONE = "use.doing"
RENAMED = "Renamed just before the import"


def say(text: str) -> None:
    print(text, flush=True)


def moves(desktop: Desktop, store_path: Path) -> None:
    window = desktop.open(store_path, model="journey")
    controller = window.controller
    card_ids = sorted(card.id for card in controller.document.live_cards())
    for number in itertools.count(1):
        # Round N puts every card at x = N: the store must hold one round for all cards, never a mixture.
        spots = tuple(
            Spot(card_id, "journey", ZONE, float(number), float(index)) for index, card_id in enumerate(card_ids)
        )
        say(f"moving {number}")
        if not controller.do(PlaceCards(spots, name=f"Round {number}")):
            say("refused")
            return
        say(f"moved {number}")


def import_file(desktop: Desktop, store_path: Path, path: Path) -> None:
    window = desktop.open(store_path, model="journey")
    controller = window.controller
    first = sorted(card.id for card in controller.document.live_cards())[0]
    if not controller.do(EditCard(first, {"title": RENAMED})):
        say("refused")
        return
    say("edited")
    incoming = read_incoming(path, controller.catalog)
    plan = plan_import(controller.store, incoming, controller.catalog)
    say("importing")
    say("imported" if apply_plan(controller, plan) else "refused")
    while True:
        time.sleep(1)


def main(argv: list[str]) -> int:
    application(argv[:1])
    desktop = Desktop(load_catalog(builtin_models_dir(), None), None)
    if argv[1] == "moves":
        moves(desktop, Path(argv[2]))
    else:
        import_file(desktop, Path(argv[2]), Path(argv[3]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
