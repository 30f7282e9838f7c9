"""Value exchange analysis (networkx): what each actor gives and receives, one-sided relationships, auto-layout."""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from canvas.core.document import Document
from canvas.core.edits import Spot
from canvas.core.frameworks import NETWORK_ZONE, ModelSpec
from canvas.core.layout import CARD_H, CARD_W, NETWORK_MIN_W, ZONE_PAD, Occupancy, place_near
from canvas.core.model import Card, Link

# The network is the cards placed in a network model (nodes) and the live links between them (flows of value).
# networkx is imported inside the functions that need it: it takes a fifth of a second to import, and the CLI's
# other commands should not pay for that.

#: Fixed seed so the same network always gets the same automatic layout.
LAYOUT_SEED = 7
#: Components up to this size are laid out with Kamada-Kawai (best looking); larger ones with spring layout.
KAMADA_KAWAI_MAX = 150
#: Room per node in an automatic layout: a card plus space for flow arrows and their labels.
PITCH_X = CARD_W + 140.0
PITCH_Y = CARD_H + 100.0
#: Space between separate groups of connected actors.
GROUP_GAP = 160.0


@dataclass(frozen=True, slots=True)
class Balance:
    """What one actor gives and receives: counts of flows, split into tangible and intangible."""

    gives_tangible: int = 0
    gives_intangible: int = 0
    receives_tangible: int = 0
    receives_intangible: int = 0
    #: Other actors it exchanges with (in either direction).
    partners: int = 0

    @property
    def gives(self) -> int:
        return self.gives_tangible + self.gives_intangible

    @property
    def receives(self) -> int:
        return self.receives_tangible + self.receives_intangible

    @property
    def net(self) -> int:
        """Receives minus gives: negative for an actor who gives more than it gets back."""
        return self.receives - self.gives


def network_cards(doc: Document, model_id: str) -> dict[str, Card]:
    """The live cards placed in the network zone of `model_id`, by id (sorted by id, for stable results)."""
    cards = {}
    for card_id, placement in doc.placements_in(model_id).items():
        card = doc.card(card_id)
        if card is not None and placement.zone == NETWORK_ZONE:
            cards[card_id] = card
    return dict(sorted(cards.items()))


def flows(doc: Document, model_id: str) -> list[Link]:
    """Live links between two cards placed in the network of `model_id`."""
    nodes = network_cards(doc, model_id)
    return [link for link in doc.live_links() if link.source in nodes and link.target in nodes]


def flow_graph(doc: Document, model_id: str) -> Any:
    """A networkx MultiDiGraph: a node per placed card (attribute `card`), an edge per flow (attribute `link`)."""
    import networkx as nx

    graph = nx.MultiDiGraph()
    for card_id, card in network_cards(doc, model_id).items():
        graph.add_node(card_id, card=card)
    for link in flows(doc, model_id):
        graph.add_edge(link.source, link.target, key=link.id, link=link)
    return graph


def exchange_balance(doc: Document, model_id: str) -> dict[str, Balance]:
    """Per card placed in the network (actors without flows too), what it gives and receives."""
    graph = flow_graph(doc, model_id)
    balances = {}
    for node in graph.nodes:
        given = [data["link"] for _, _, data in graph.out_edges(node, data=True)]
        received = [data["link"] for _, _, data in graph.in_edges(node, data=True)]
        partners = (set(graph.successors(node)) | set(graph.predecessors(node))) - {node}
        balances[node] = Balance(
            gives_tangible=sum(1 for link in given if link.tangible),
            gives_intangible=sum(1 for link in given if not link.tangible),
            receives_tangible=sum(1 for link in received if link.tangible),
            receives_intangible=sum(1 for link in received if not link.tangible),
            partners=len(partners),
        )
    return balances


def one_sided(doc: Document, model_id: str) -> list[tuple[str, str]]:
    """Pairs (giver, receiver) of card ids where value flows from giver to receiver and nothing flows back,
    ordered by the giver's and then the receiver's title."""
    graph = flow_graph(doc, model_id)
    pairs = {
        (source, target) for source, target in graph.edges() if source != target and not graph.has_edge(target, source)
    }

    def titles(pair: tuple[str, str]) -> tuple[str, str, str, str]:
        source, target = pair
        return graph.nodes[source]["card"].title, graph.nodes[target]["card"].title, source, target

    return sorted(pairs, key=titles)


def auto_layout(doc: Document, model_id: str, spec: ModelSpec) -> tuple[Spot, ...]:
    """New spots for every card in the network of `model_id`, arranged so flows are short and no cards overlap.

    Each group of connected actors is laid out by networkx (Kamada-Kawai, or a seeded spring layout for large
    groups), groups are packed side by side, actors without flows last. Apply the result as one
    `PlaceCards(spots, name="Arrange network")`: one undo step."""
    if spec.network is None:
        raise ValueError(f"auto-layout arranges a network; '{spec.name}' is a {spec.layout} model")
    import networkx as nx

    graph = nx.Graph()
    graph.add_nodes_from(network_cards(doc, model_id))
    graph.add_edges_from((link.source, link.target) for link in flows(doc, model_id) if link.source != link.target)
    order = {node: index for index, node in enumerate(graph.nodes)}
    groups = sorted(nx.connected_components(graph), key=lambda group: (-len(group), min(order[n] for n in group)))
    blocks = [_arrange_group(graph.subgraph(sorted(group, key=order.__getitem__))) for group in groups]
    placed = _pack(blocks)
    return tuple(Spot(card_id, model_id, NETWORK_ZONE, x, y) for card_id, (x, y) in sorted(placed.items()))


def _arrange_group(group: Any) -> dict[str, tuple[float, float]]:
    """Positions (offsets from the group's top-left corner) for one connected group; cards never overlap."""
    import networkx as nx

    nodes = list(group.nodes)
    if len(nodes) == 1:
        return {nodes[0]: (0.0, 0.0)}
    small = len(nodes) <= KAMADA_KAWAI_MAX
    raw = nx.kamada_kawai_layout(group) if small else nx.spring_layout(group, seed=LAYOUT_SEED)
    # networkx gives positions in [-1, 1]; spread them over a field of about √n × √n node pitches.
    spread = max(math.sqrt(len(nodes)) * 0.75, 1.0)
    wanted = {node: (float(raw[node][0]) * spread * PITCH_X, float(raw[node][1]) * spread * PITCH_Y) for node in nodes}
    left = min(x for x, _ in wanted.values())
    top = min(y for _, y in wanted.values())
    cx = sum(x for x, _ in wanted.values()) / len(wanted)
    cy = sum(y for _, y in wanted.values()) / len(wanted)
    # Settle cards from the centre outwards, each at the free spot nearest to where networkx wanted it.
    free = Occupancy()
    settled = {}
    for node in sorted(nodes, key=lambda n: ((wanted[n][0] - cx) ** 2 + (wanted[n][1] - cy) ** 2, str(n))):
        x, y = place_near(free, wanted[node][0] - left, wanted[node][1] - top)
        free.add(x, y)
        settled[node] = (x, y)
    return settled


def _pack(blocks: Iterable[dict[str, tuple[float, float]]]) -> dict[str, tuple[float, float]]:
    """Put groups side by side in shelves (rows), wrapping at a width that keeps the whole roughly landscape."""
    sized = []
    area = 0.0
    for block in blocks:
        w = max(x for x, _ in block.values()) + CARD_W
        h = max(y for _, y in block.values()) + CARD_H
        sized.append((block, w, h))
        area += (w + GROUP_GAP) * (h + GROUP_GAP)
    shelf_width = max(NETWORK_MIN_W - 2 * ZONE_PAD, math.sqrt(area) * 1.5)
    placed: dict[str, tuple[float, float]] = {}
    x = y = shelf_height = 0.0
    for block, w, h in sized:
        if x > 0.0 and x + w > shelf_width:
            x, y, shelf_height = 0.0, y + shelf_height + GROUP_GAP, 0.0
        for node, (bx, by) in block.items():
            placed[node] = (x + bx, y + by)
        x += w + GROUP_GAP
        shelf_height = max(shelf_height, h)
    return placed


__all__ = [
    "Balance",
    "auto_layout",
    "exchange_balance",
    "flow_graph",
    "flows",
    "network_cards",
    "one_sided",
]
