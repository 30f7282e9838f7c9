"""Property: any sequence of edits followed by their inverses, in reverse order, gives back the original document."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from canvas.core.document import ChangeSet, Document
from canvas.core.edits import (
    AddCard,
    AddLink,
    DeleteCards,
    DeleteLinks,
    Edit,
    EditCanvas,
    EditCard,
    EditError,
    EditLink,
    PlaceCards,
    SetColumns,
    Spot,
    UnplaceCards,
    undo,
)
from canvas.core.model import Canvas, Card, CardKind, Evidence, Link, Voice, ZoneLabel

MODELS = ("journey", "jtbd", "value-exchange")
ZONES = ("aware.doing", "use.pains", "push", "outcomes", "network")
titles = st.text(min_size=1, max_size=30)


def _pick(data: st.DataObject, options: list[str]) -> str | None:
    return data.draw(st.sampled_from(options)) if options else None


def _draw_edit(data: st.DataObject, document: Document) -> Edit:
    live = [card.id for card in document.live_cards()]
    links = [link.id for link in document.live_links()]
    choice = data.draw(
        st.sampled_from(["add", "edit", "delete", "place", "unplace", "link", "relabel", "unlink", "stages", "canvas"])
    )
    card_id = _pick(data, live)
    if choice == "add" or card_id is None:
        card = Card(
            title=data.draw(titles),
            kind=data.draw(st.sampled_from(CardKind)),
            voice=data.draw(st.sampled_from(Voice)),
            evidence=data.draw(st.sampled_from(Evidence)),
        )
        return AddCard(card)
    if choice == "edit":
        changes = data.draw(
            st.fixed_dictionaries(
                {},
                optional={
                    "title": titles,
                    "emotion": st.none() | st.integers(-2, 2),
                    "importance": st.none() | st.integers(1, 10),
                    "tags": st.lists(st.sampled_from(["payroll", "tax", "trust"]), max_size=3).map(tuple),
                    "votes": st.integers(0, 5),
                },
            )
        )
        return EditCard(card_id, changes)
    if choice == "delete":
        return DeleteCards((card_id,))
    if choice == "place":
        spot = Spot(
            card_id,
            data.draw(st.sampled_from(MODELS)),
            data.draw(st.sampled_from(ZONES)),
            data.draw(st.floats(0, 2000)),
            data.draw(st.floats(0, 2000)),
        )
        return PlaceCards((spot,))
    if choice == "unplace":
        placed = [model for model in MODELS if document.placement(card_id, model)]
        model = _pick(data, placed)
        return UnplaceCards((card_id,), model) if model else DeleteCards((card_id,))
    if choice == "link":
        other = _pick(data, [c for c in live if c != card_id])
        if other is None:
            return DeleteCards((card_id,))
        return AddLink(
            Link(
                source=card_id,
                target=other,
                label=data.draw(st.text(max_size=10)),
                tangible=data.draw(st.booleans()),
            )
        )
    link_id = _pick(data, links)
    if choice == "relabel" and link_id:
        return EditLink(link_id, {"label": data.draw(st.text(max_size=10))})
    if choice == "unlink" and link_id:
        return DeleteLinks((link_id,))
    if choice == "stages":
        labels = data.draw(st.lists(st.sampled_from(["aware", "use", "renew"]), unique=True, max_size=3))
        return SetColumns("journey", tuple(ZoneLabel(id=i, label=i.title()) for i in labels) or None)
    return EditCanvas({"title": data.draw(titles)})


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_edits_then_inverses_in_reverse_order_restore_the_original(data: st.DataObject) -> None:
    document = Document.of(Canvas(title="Start"))
    for _ in range(data.draw(st.integers(0, 5))):  # some history to start from
        _draw_edit(data, document).apply(document)
    original = document.snapshot()

    applied: list[ChangeSet] = []
    for _ in range(data.draw(st.integers(1, 25))):
        try:
            applied.append(_draw_edit(data, document).apply(document))
        except EditError:
            continue
    for changes in reversed(applied):
        undo(document, changes)

    assert document.snapshot() == original
