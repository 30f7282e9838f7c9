"""A canvas in memory: its records, indexed for the questions the app asks, and change sets describing edits."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass
from typing import NamedTuple, Protocol

from canvas.core.model import Canvas, Card, Link, ModelSettings, Placement, Record, placement_key


class Change(NamedTuple):
    """One record replaced: `before` is None for a record that did not exist, `after` None for one removed.

    Removal only happens when undoing an addition; a deletion by a person is a tombstone (`deleted=True`).
    A named tuple, not a frozen dataclass: as immutable, and made three times faster (an import of a
    10,000-card canvas makes 41,000 of them; a frozen dataclass sets each field through object.__setattr__).
    """

    table: str
    key: str
    before: Record | None
    after: Record | None

    def inverted(self) -> Change:
        return Change(self.table, self.key, self.after, self.before)


@dataclass(frozen=True, slots=True)
class ChangeSet:
    """What one edit changed, in order. The store persists it in one transaction; the scene redraws from it."""

    changes: tuple[Change, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.changes)

    def __len__(self) -> int:
        return len(self.changes)

    def __iter__(self) -> Iterator[Change]:
        return iter(self.changes)

    def inverted(self) -> ChangeSet:
        return ChangeSet(tuple(change.inverted() for change in reversed(self.changes)))

    def then(self, other: ChangeSet) -> ChangeSet:
        return ChangeSet(self.changes + other.changes)

    def keys(self, table: str) -> set[str]:
        """Keys of the records of `table` this change set touches."""
        return {change.key for change in self.changes if change.table == table}

    @property
    def card_ids(self) -> set[str]:
        """Cards whose own record or whose placements changed."""
        ids = self.keys(Card.table)
        for change in self.changes:
            if change.table == Placement.table:
                record = change.after or change.before
                assert isinstance(record, Placement)
                ids.add(record.card_id)
        return ids


#: Placement records read together: every one by key (tombstones included), and the live ones by model and card.
PlacementTables = tuple[dict[str, Placement], dict[str, dict[str, Placement]]]


class PlacementSource(Protocol):
    """Where a document read model by model finds the placements it has not read yet (the store): every record,
    tombstones included, of the models named or not named. A document asks it only until it has read them all."""

    def of_model(self, model: str, after: str | None = None, limit: int | None = None) -> PlacementTables:
        """The records of `model`, in card id order: all, or only the first `limit` of the cards after `after`."""
        ...

    def of_models_except(self, read: Collection[str]) -> PlacementTables: ...

    def of_card(self, card_id: str, read: Collection[str]) -> list[Placement]: ...


#: How many placements reading ahead reads at a time (`Document.read_next`).
READ_STEP = 10_000


class _Staged:
    """The placements of one model read so far while reading ahead: every record by key, the live ones by card."""

    __slots__ = ("live", "model", "records")

    def __init__(self, model: str, records: dict[str, Placement], live: dict[str, Placement]) -> None:
        self.model = model
        self.records = records
        self.live = live

    @property
    def last(self) -> str | None:
        """The card id read last: the records come in card id order."""
        return next(reversed(self.records)).rpartition("@")[0] if self.records else None


class Document:
    """All records of one canvas, tombstones included. Mutated only through edits (see `edits.py`).

    A document opened from the store may hold the placements of only some models at first (`read_lazily`): the
    rest are read from its `PlacementSource` when first asked for, so a canvas opens with the model it shows. Every
    way in (`placements`, `placements_in`, `placement`, `get`, `put`…) reads what it needs first; nothing outside
    can tell, except by the time it takes.
    """

    __slots__ = ("_by_model", "_placements", "_read", "_source", "_staged", "canvas", "cards", "links", "settings")

    def __init__(
        self,
        canvas: Canvas,
        cards: dict[str, Card] | None = None,
        placements: dict[str, Placement] | None = None,
        links: dict[str, Link] | None = None,
        settings: dict[str, ModelSettings] | None = None,
    ) -> None:
        self.canvas = canvas
        self.cards: dict[str, Card] = {} if cards is None else cards
        self._placements: dict[str, Placement] = {} if placements is None else placements
        self.links: dict[str, Link] = {} if links is None else links
        self.settings: dict[str, ModelSettings] = {} if settings is None else settings
        #: model id -> card id -> live placement; kept in step by `put` and `remove`.
        self._by_model: dict[str, dict[str, Placement]] = {}
        #: Where the placements not read yet are, and the models read from it; None once every model is read.
        self._source: PlacementSource | None = None
        self._read: set[str] = set()
        #: The first part of a model being read ahead (`read_next`), not yet part of the document.
        self._staged: _Staged | None = None

    def __repr__(self) -> str:
        return f"Document({self.canvas.id!r}, {self.canvas.title!r}, {len(self.cards)} cards)"

    @classmethod
    def of(
        cls,
        canvas: Canvas,
        cards: Iterable[Card] = (),
        placements: Iterable[Placement] = (),
        links: Iterable[Link] = (),
        settings: Iterable[ModelSettings] = (),
    ) -> Document:
        document = cls(canvas)
        for record in (*cards, *placements, *links, *settings):
            document.put(record)
        return document

    @classmethod
    def from_tables(
        cls,
        canvas: Canvas,
        cards: dict[str, Card],
        placements: dict[str, Placement],
        links: dict[str, Link],
        settings: dict[str, ModelSettings],
        by_model: dict[str, dict[str, Placement]] | None = None,
    ) -> Document:
        """A document from dicts already keyed by record key (the store's load path: no per-record `put`).
        `by_model`, if the caller built it while reading: the live placements by model id and card id."""
        document = cls(canvas, cards, placements, links, settings)
        if by_model is not None:
            document._by_model = by_model
        else:
            document._index(placements.values())
        return document

    @classmethod
    def read_lazily(
        cls,
        canvas: Canvas,
        cards: dict[str, Card],
        links: dict[str, Link],
        settings: dict[str, ModelSettings],
        source: PlacementSource,
    ) -> Document:
        """A document whose placements are read from `source` model by model, when first needed."""
        document = cls(canvas, cards, None, links, settings)
        document._source = source
        return document

    # -- reading placements from the source --------------------------------------------------------------

    @property
    def fully_read(self) -> bool:
        """True once every placement is in memory (always, for a document not read lazily)."""
        return self._source is None

    def read_next(self, limit: int = READ_STEP) -> bool:
        """Read up to `limit` more placements of the first model not read yet (the canvas's models in order, then
        every other model at once); False when there was nothing left to read. For reading the rest while the app
        is idle, in steps short enough not to be felt (a model of 50,000 cards at once took ~0.4 s here)."""
        if self._source is None:
            return False
        model = next((model for model in self.canvas.models if model not in self._read), None)
        if model is None:
            self._read_rest()
        else:
            self._read_model(model, limit)
        return True

    def _read_model(self, model: str, limit: int | None = None) -> None:
        """Read the placements of `model`: all of them, or (reading ahead) the next `limit`, kept aside until the
        model is read to its end, so that a model counts as read only when all of it is in memory."""
        source = self._source
        if source is None or model in self._read:
            return
        staged = self._staged if self._staged is not None and self._staged.model == model else None
        records, live = source.of_model(model, None if staged is None else staged.last, limit)
        if staged is None:
            staged = _Staged(model, records, live.get(model, {}))
        else:
            staged.records.update(records)
            staged.live.update(live.get(model, {}))
        if limit is not None and len(records) == limit:
            self._staged = staged  # perhaps more to come
            return
        self._staged = None
        self._read.add(model)
        self._take((staged.records, {model: staged.live}))

    def _read_rest(self) -> None:
        source = self._source
        if source is None:
            return
        records = source.of_models_except(self._read)
        self._source = None
        self._staged = None
        self._read.clear()
        self._take(records)

    def _take(self, tables: PlacementTables) -> None:
        records, live = tables
        self._placements.update(records)
        index = self._by_model
        for model, by_card in live.items():
            known = index.get(model)
            if known is None:
                index[model] = by_card
            else:
                known.update(by_card)

    def _index(self, records: Iterable[Placement]) -> None:
        index = self._by_model
        for placement in records:
            if not placement.deleted:
                by_card = index.get(placement.model)
                if by_card is None:
                    by_card = index[placement.model] = {}
                by_card[placement.card_id] = placement

    def _reading(self, table: str, key: str) -> None:
        """Read what a question about the record `key` of `table` needs."""
        if self._source is not None and table == Placement.table:
            self._read_model(key.rpartition("@")[2])

    # -- reading -------------------------------------------------------------------------------------------

    def live_cards(self) -> list[Card]:
        return [card for card in self.cards.values() if not card.deleted]

    def card(self, card_id: str) -> Card | None:
        """The live card with this id, or None if there is none (or it was deleted)."""
        card = self.cards.get(card_id)
        return None if card is None or card.deleted else card

    @property
    def placements(self) -> dict[str, Placement]:
        """Every placement by key, tombstones included (a read-only view: change them through `put`)."""
        if self._source is not None:
            self._read_rest()
        return self._placements

    def placement(self, card_id: str, model: str) -> Placement | None:
        if self._source is not None:
            self._read_model(model)
        return self._by_model.get(model, {}).get(card_id)

    def placements_in(self, model: str) -> dict[str, Placement]:
        """Live placements in `model`, by card id (a read-only view: do not mutate)."""
        if self._source is not None:
            self._read_model(model)
        return self._by_model.get(model, {})

    def placements_of(self, card_id: str) -> dict[str, Placement]:
        """Live placements of one card, by model id in id order (the same whichever models were read first; those
        of models not read yet are asked of the source without reading the models)."""
        found = {model: by_card[card_id] for model, by_card in self._by_model.items() if card_id in by_card}
        if self._source is not None:
            for placement in self._source.of_card(card_id, self._read):
                if not placement.deleted:
                    found[placement.model] = placement
        return {model: found[model] for model in sorted(found)}

    def unplaced_in(self, model: str) -> list[Card]:
        """Live cards not yet seen through `model`: the tray."""
        placed = self.placements_in(model)
        return [card for card in self.live_cards() if card.id not in placed]

    def live_links(self) -> list[Link]:
        return [link for link in self.links.values() if not link.deleted]

    def links_of(self, card_id: str) -> list[Link]:
        return [link for link in self.live_links() if card_id in (link.source, link.target)]

    def model_settings(self, model: str) -> ModelSettings | None:
        settings = self.settings.get(model)
        return None if settings is None or settings.deleted else settings

    def records(self) -> Iterator[Record]:
        """Every record, tombstones included: the canvas first, then cards, placements, links, settings."""
        yield self.canvas
        yield from self.cards.values()
        yield from self.placements.values()
        yield from self.links.values()
        yield from self.settings.values()

    def get(self, table: str, key: str) -> Record | None:
        if table == Canvas.table:
            return self.canvas if key == self.canvas.id else None
        self._reading(table, key)
        return self._table(table).get(key)

    # -- writing (edits only) ------------------------------------------------------------------------------

    def put(self, record: Record) -> None:
        """Store `record` under its key, replacing whatever was there."""
        if isinstance(record, Canvas):
            self.canvas = record
            return
        if isinstance(record, Placement) and self._source is not None:
            self._read_model(record.model)
        self._table(record.table)[record.key] = record
        if isinstance(record, Placement):
            by_card = self._by_model.setdefault(record.model, {})
            if record.deleted:
                by_card.pop(record.card_id, None)
            else:
                by_card[record.card_id] = record

    def remove(self, table: str, key: str) -> None:
        self._reading(table, key)
        record = self._table(table).pop(key, None)
        if isinstance(record, Placement):
            self._by_model.get(record.model, {}).pop(record.card_id, None)

    def apply_changes(self, changes: ChangeSet) -> None:
        """Make every change's `after` true (used to replay a change set, e.g. redo or an inverse)."""
        for change in changes:
            if change.after is None:
                self.remove(change.table, change.key)
            else:
                self.put(change.after)

    def _table(self, table: str) -> dict[str, Record]:
        tables: dict[str, dict[str, Record]] = {
            Card.table: self.cards,  # type: ignore[dict-item]
            Placement.table: self._placements,  # type: ignore[dict-item]
            Link.table: self.links,  # type: ignore[dict-item]
            ModelSettings.table: self.settings,  # type: ignore[dict-item]
        }
        try:
            return tables[table]
        except KeyError:
            raise ValueError(f"unknown record table {table!r}") from None

    def snapshot(self) -> dict[str, dict[str, Record]]:
        """A copy of every record by table and key, for comparing documents (tests, merge previews)."""
        return {
            Canvas.table: {self.canvas.id: self.canvas},
            Card.table: dict(self.cards),
            Placement.table: dict(self.placements),
            Link.table: dict(self.links),
            ModelSettings.table: dict(self.settings),
        }


__all__ = ["Change", "ChangeSet", "Document", "PlacementSource", "PlacementTables", "placement_key"]
