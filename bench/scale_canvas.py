"""Large canvases for the scale bench and the scale tests: N workshop-like cards seen through every built-in model.

Every card is placed in every grid and regions model (so a flip moves every item); one card in seven is an actor
in the value-exchange network, with a flow to the next actor. Each zone's cards fill its slots in reading order,
as wide as the layout makes a zone of that many cards (`zone_across`), the way bulk placement fills them.
"""

from __future__ import annotations

import itertools
import math
import random
from collections.abc import Iterator

from canvas.core.catalog import Catalog
from canvas.core.document import Document
from canvas.core.frameworks import NETWORK_ZONE
from canvas.core.layout import SLOT_H, SLOT_W, layout_model, slot_offset, zone_across
from canvas.core.model import Canvas, Card, CardKind, Evidence, Link, Placement, Voice
from store_bench import SOURCES, WORDS  # the store bench's words, so both benches write alike cards

#: One card in this many is an actor in the value-exchange network.
NETWORK_SHARE = 7

#: A word no generated title holds; `marked_title` puts it (with a number) into a few chosen cards, so a search
#: for it has a known answer.
MARKER = "zebrafinch"


def marked_title(number: int) -> str:
    return f"Owner mentions the {MARKER} {number} during payroll"


def big_canvas(catalog: Catalog, count: int, *, seed: int = 5, marked: int = 0) -> Document:
    """A canvas of `count` cards over every model in `catalog`; the first `marked` cards carry `marked_title`."""
    rng = random.Random(seed)
    kinds, voices, evidences = list(CardKind), list(Voice), list(Evidence)
    cards = [
        Card(
            title=marked_title(i) if i < marked else " ".join(rng.choices(WORDS, k=rng.randint(3, 9))).capitalize(),
            notes=" ".join(rng.choices(WORDS, k=rng.randint(0, 20))),
            kind=kinds[i % len(kinds)],
            voice=rng.choice(voices),
            evidence=rng.choice(evidences),
            source=rng.choice(SOURCES),
            votes=rng.randint(1, 5) if rng.random() < 0.1 else 0,
        )
        for i in range(count)
    ]
    placements: list[Placement] = []
    links: list[Link] = []
    for model_id, spec in catalog.models.items():
        if spec.network is not None:
            actors = cards[::NETWORK_SHARE]
            placements.extend(_network(model_id, [card.id for card in actors]))
            links.extend(
                Link(source=a.id, target=b.id, label=rng.choice(WORDS), tangible=rng.random() < 0.6)
                for a, b in itertools.pairwise(actors)
            )
            continue
        empty = layout_model(spec, None, {})
        zones = list(empty.zones)
        chosen = [rng.randrange(len(zones)) for _ in cards]
        counts = [0] * len(zones)
        for z in chosen:
            counts[z] += 1
        across = [zone_across(counts[z], empty.zones[zone].across) for z, zone in enumerate(zones)]
        filled = [0] * len(zones)
        for card, z in zip(cards, chosen, strict=True):
            x, y = slot_offset(filled[z], across[z])
            filled[z] += 1
            placements.append(Placement(card_id=card.id, model=model_id, zone=zones[z], x=x, y=y))
    canvas = Canvas(title=f"Scale bench: {count:,} cards", models=tuple(catalog.models))
    return Document.of(canvas, cards, placements, links)


def _network(model: str, card_ids: list[str]) -> Iterator[Placement]:
    """Actors on a square grid, two slots apart, so flows between neighbours have room."""
    across = max(1, math.ceil(math.sqrt(len(card_ids))))
    for i, card_id in enumerate(card_ids):
        x, y = (i % across) * SLOT_W * 1.5, (i // across) * SLOT_H * 2.0
        yield Placement(card_id=card_id, model=model, zone=NETWORK_ZONE, x=x, y=y)
