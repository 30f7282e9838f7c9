"""Merging an imported canvas into the local one, record by record, by revision. Pure: no files, no store.

For each record (the canvas, model settings, cards, placements, links): only in the file -> added; same revision,
or the file's is older -> nothing; the file's descends from ours -> the file's wins; diverged -> both sides
compute the same merged revision (see `revisions.py`) and, for a card changed on both sides, the losing version is
kept as a conflict copy linked to its twin. The rules are written out in docs/file-format.md.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import TypeVar

from canvas.core.document import Change, ChangeSet, Document
from canvas.core.model import Canvas, Card, Link, ModelSettings, Placement, Record, placement_key
from canvas.exchange.merge_counts import MergeCounts
from canvas.exchange.revisions import digest, first_revision, merged, ranked, successor
from canvas.exchange.scanvas_write import fixed

R = TypeVar("R", bound=Record)

#: The label of the link joining a conflict copy to its twin.
CONFLICT_LABEL = "conflict"
#: A conflict copy sits this far right of and below its twin, so both titles stay readable.
COPY_OFFSET = 24.0
#: Tables in the order the store must write them (cards before the placements and links that refer to them).
TABLE_ORDER = (Canvas.table, ModelSettings.table, Card.table, Placement.table, Link.table)


@dataclass(frozen=True, slots=True)
class Conflict:
    """Something changed on both sides. `subject` names it for a person ("card 'Late salary'")."""

    table: str
    key: str
    subject: str
    detail: str

    def __str__(self) -> str:
        return f"{self.subject}: {self.detail}"


@dataclass(frozen=True)
class MergeResult:
    """What an import does (or would do, for a dry run): counts, conflicts, and one change set to apply."""

    canvas_id: str
    canvas_title: str
    changes: ChangeSet
    added: int = 0
    updated: int = 0
    deleted: int = 0
    conflicts: tuple[Conflict, ...] = ()

    @property
    def conflicting_cards(self) -> list[str]:
        """Titles of the cards in conflict, for the summary."""
        return [conflict.subject for conflict in self.conflicts if conflict.table == Card.table]

    def as_json(self) -> dict[str, int | str]:
        return {
            "added": self.added,
            "updated": self.updated,
            "deleted": self.deleted,
            "conflicts": len(self.conflicts),
            "canvas": self.canvas_id,
        }


@dataclass(frozen=True, slots=True)
class _Resolved:
    record: Record
    #: The version that lost a divergence (None when one side simply descends from the other).
    loser: Record | None = None


def resolve(local: Record | None, incoming: Record) -> _Resolved:
    """One record's merge by revision (the rule every table follows)."""
    if local is None:
        return _Resolved(incoming)
    if local.descends_from(incoming):
        return _Resolved(local)
    if incoming.descends_from(local):
        return _Resolved(incoming)
    winner, loser = ranked(local, incoming)
    return _Resolved(merged(winner, loser), loser)


def merge(local: Document | None, incoming: Document) -> MergeResult:
    """Merge `incoming` (a file's canvas) into `local` (the store's; None for a canvas new to the store).

    If the canvas ids differ (an import `--into` another canvas), the local canvas record is kept as it is and
    the file's cards, placements, links and settings are merged into it.
    """
    if local is None:
        return _added_whole(incoming)
    return _Merger(local, incoming).run()


def _added_whole(incoming: Document) -> MergeResult:
    """A canvas new to the store: every record is added (the quick path of importing a file the first time)."""
    changes = [Change(Canvas.table, incoming.canvas.key, None, incoming.canvas)]
    for table, records in (
        (ModelSettings.table, incoming.settings),
        (Card.table, incoming.cards),
        (Placement.table, incoming.placements),
        (Link.table, incoming.links),
    ):
        changes.extend(Change(table, key, None, records[key]) for key in sorted(records))
    live = {card.id: card for card in incoming.live_cards()}
    conflicts = [
        Conflict(
            Card.table, card.id, f"'{card.title}'", f"a competing version of card '{live[card.conflict_of].title}'"
        )
        for card in live.values()
        if card.conflict_of in live
    ]
    # As in a merge: conflict copies (and the links joining them) are reported as conflicts, not as additions.
    conflicted = {conflict.key for conflict in conflicts}
    links = [link for link in incoming.live_links() if not {link.source, link.target} & conflicted]
    return MergeResult(
        canvas_id=incoming.canvas.id,
        canvas_title=incoming.canvas.title,
        changes=ChangeSet(tuple(changes)),
        added=len(live) - len(conflicted) + len(links),
        conflicts=tuple(conflicts),
    )


@dataclass
class _Merger:
    local: Document | None
    incoming: Document
    written: dict[tuple[str, str], Record] = field(default_factory=dict)
    #: card id -> models of the placements of it ever written here: looked up for each conflict copy, so a merge
    #: with thousands of conflicts does not scan everything written for each of them.
    written_models: dict[str, set[str]] = field(default_factory=dict)
    conflicts: list[Conflict] = field(default_factory=list)
    revived: set[str] = field(default_factory=set)
    copies: list[tuple[Card, Card]] = field(default_factory=list)
    copy_ids: set[str] = field(default_factory=set)
    #: The local records by table (empty for a canvas new to the store): looked up tens of thousands of times.
    tables: dict[str, Mapping[str, Record]] = field(default_factory=dict)

    def run(self) -> MergeResult:
        local = self.local
        self.tables = {
            Card.table: local.cards if local else {},
            Placement.table: local.placements if local else {},
            Link.table: local.links if local else {},
            ModelSettings.table: local.settings if local else {},
        }
        self._canvas()
        self._each(ModelSettings.table, self.incoming.settings, self._settings)
        self._each(Card.table, self.incoming.cards, self._card)
        self._each(Placement.table, self.incoming.placements, self._placement)
        self._each(Link.table, self.incoming.links, self._link)
        self._revive_with_cards()
        self._orphans()
        for twin, version in self.copies:
            self._keep_copy(twin, version)
        return self._result()

    # -- looking up ----------------------------------------------------------------------------------------

    def _each(self, table: str, incoming: Mapping[str, R], merge_record: Callable[[R], None]) -> None:
        local = self.tables[table]
        for key, record in incoming.items():
            mine = local.get(key)
            # The same revision on both sides (most records, most of the time): nothing to decide.
            if mine is None or mine.rev != record.rev:
                merge_record(record)

    def before(self, table: str, key: str) -> Record | None:
        if table == Canvas.table:
            return self.local.canvas if self.local is not None and self.local.canvas.id == key else None
        return self.tables[table].get(key)

    def now(self, table: str, key: str) -> Record | None:
        written = self.written.get((table, key))
        return written if written is not None else self.before(table, key)

    def put(self, record: Record) -> None:
        key = (record.table, record.key)
        before = self.before(*key)
        if before is record or before == record:
            self.written.pop(key, None)
        else:
            self.written[key] = record
            if isinstance(record, Placement):
                self.written_models.setdefault(record.card_id, set()).add(record.model)

    def card_title(self, card_id: str) -> str:
        card = self.now(Card.table, card_id)
        return f"'{card.title}'" if isinstance(card, Card) else f"'{card_id}'"

    def card_live(self, card_id: str) -> bool:
        card = self.now(Card.table, card_id)
        return card is not None and not card.deleted

    # -- each table ----------------------------------------------------------------------------------------

    def _canvas(self) -> None:
        incoming = self.incoming.canvas
        if self.local is not None and self.local.canvas.id != incoming.id:
            return
        resolved = self.merge_one(self.before(Canvas.table, incoming.id), incoming)
        if _edited_both_ways(resolved):
            assert isinstance(resolved.record, Canvas)
            self.conflicts.append(
                Conflict(
                    Canvas.table,
                    incoming.id,
                    f"canvas '{resolved.record.title}'",
                    "title, description or models changed on both sides; kept the version with more edits",
                )
            )

    def _settings(self, incoming: ModelSettings) -> None:
        resolved = self.merge_one(self.before(ModelSettings.table, incoming.key), incoming)
        if _edited_both_ways(resolved):
            self.conflicts.append(
                Conflict(
                    ModelSettings.table,
                    incoming.key,
                    f"settings of model '{incoming.model}'",
                    "changed on both sides (e.g. the stages); kept the version with more edits",
                )
            )

    def _card(self, incoming: Card) -> None:
        local = self.before(Card.table, incoming.id)
        resolved = self.merge_one(local, incoming)
        result, loser = resolved.record, resolved.loser
        assert isinstance(result, Card)
        if local is None and incoming.conflict_of is not None and not incoming.deleted:
            # A conflict copy the other side made when it merged: tell this side about the conflict too.
            self.conflicts.append(
                Conflict(
                    Card.table,
                    incoming.id,
                    f"'{incoming.title}'",
                    f"a competing version of card {self.card_title(incoming.conflict_of)}, "
                    "kept from a merge on the other side",
                )
            )
        if loser is None or result.deleted:
            return
        assert isinstance(loser, Card)
        if loser.deleted:
            self.revived.add(result.id)
            self.conflicts.append(
                Conflict(
                    Card.table,
                    result.id,
                    f"'{result.title}'",
                    "deleted on one side but edited on the other; the card is kept",
                )
            )
        elif not result.same_content(loser):
            self.copies.append((result, loser))
            # Named by the title this side knew it by; the detail says which version now sits where.
            known = local.title if isinstance(local, Card) else result.title
            self.conflicts.append(
                Conflict(
                    Card.table,
                    result.id,
                    f"'{known}'",
                    f"changed on both sides; both versions are kept: '{result.title}', and '{loser.title}' "
                    f'beside it marked as a conflict (linked to it as "{CONFLICT_LABEL}")',
                )
            )

    def _placement(self, incoming: Placement) -> None:
        resolved = self.merge_one(self.before(Placement.table, incoming.key), incoming)
        if _edited_both_ways(resolved):
            self.conflicts.append(
                Conflict(
                    Placement.table,
                    incoming.key,
                    f"placement of card {self.card_title(incoming.card_id)} in '{incoming.model}'",
                    "moved on both sides; kept the position with more edits",
                )
            )

    def _link(self, incoming: Link) -> None:
        resolved = self.merge_one(self.before(Link.table, incoming.id), incoming)
        if _edited_both_ways(resolved):
            self.conflicts.append(
                Conflict(
                    Link.table,
                    incoming.id,
                    f"link from {self.card_title(incoming.source)} to {self.card_title(incoming.target)}",
                    "changed on both sides; kept the version with more edits",
                )
            )

    def merge_one(self, local: Record | None, incoming: Record) -> _Resolved:
        resolved = resolve(local, incoming)
        self.put(resolved.record)
        return resolved

    # -- keeping the canvas consistent ---------------------------------------------------------------------

    def _revive_with_cards(self) -> None:
        """A card kept because it was edited after a deletion comes back with the placements and links it had."""
        if not self.revived:
            return
        for table in (Placement.table, Link.table):
            for key, versions in self._versions(table).items():
                current = self.now(table, key)
                if current is None or not current.deleted or not any(not v.deleted for v in versions):
                    continue
                ends = _card_ids(current)
                if ends & self.revived and all(self.card_live(card_id) for card_id in ends):
                    self.put(successor(current, "revived with its card", deleted=False))

    def _orphans(self) -> None:
        """Placements and links of cards the merge deleted are deleted too (as deleting a card does)."""
        # Each card as the merge leaves it: written, else the local one, else (only in the file) the file's.
        cards: dict[str, Record] = {**self.incoming.cards, **self.tables[Card.table]}
        cards.update((key, record) for (table, key), record in self.written.items() if table == Card.table)
        gone = {card_id for card_id, card in cards.items() if card.deleted}
        if not gone:
            return
        for table in (Placement.table, Link.table):
            for key, versions in self._versions(table).items():
                if not any(_card_ids(version) & gone for version in versions):
                    continue
                current = self.now(table, key)
                if current is not None and not current.deleted and _card_ids(current) & gone:
                    self.put(successor(current, "its card was deleted", deleted=True))

    def _versions(self, table: str) -> dict[str, list[Record]]:
        """Every key of `table` (placements or links) on either side, with the versions each side holds."""
        documents = [self.incoming] if self.local is None else [self.incoming, self.local]
        versions: dict[str, list[Record]] = {}
        for document in documents:
            records: Iterable[Record] = (
                document.placements.values() if table == Placement.table else document.links.values()
            )
            for record in records:
                versions.setdefault(record.key, []).append(record)
        return versions

    def _keep_copy(self, twin: Card, version: Card) -> None:
        """Keep the losing version of a card as a new card beside its twin, joined by a "conflict" link."""
        copy_id = digest("conflict copy", twin.id, version.rev)
        copy = version.model_copy(
            update={
                "id": copy_id,
                "conflict_of": twin.id,
                "rev": first_revision("card", copy_id),
                "history": (),
                "deleted": False,
            }
        )
        self.copy_ids.add(copy_id)
        self.merge_one(self.now(Card.table, copy_id), copy)
        if not self.card_live(copy_id):
            return  # kept once already, and since deleted by someone who resolved it
        link_id = digest("conflict link", copy_id)
        link = Link(
            id=link_id,
            source=copy_id,
            target=twin.id,
            label=CONFLICT_LABEL,
            tangible=False,
            rev=first_revision("link", link_id),
        )
        self.merge_one(self.now(Link.table, link_id), link)
        for model, spot in sorted(self._placements_of(twin.id).items()):
            # Rounded as the file writes them, so the copy's revision means the same position on every side.
            x, y = fixed(spot.x + COPY_OFFSET), fixed(spot.y + COPY_OFFSET)
            placement = Placement(
                card_id=copy_id,
                model=model,
                zone=spot.zone,
                x=x,
                y=y,
                rev=first_revision("placement", copy_id, model, spot.zone, repr(x), repr(y)),
            )
            self.merge_one(self.now(Placement.table, placement.key), placement)

    def _placements_of(self, card_id: str) -> dict[str, Placement]:
        models = set(self.incoming.placements_of(card_id))
        if self.local is not None:
            models.update(self.local.placements_of(card_id))
        # Models written to and since put back are looked up too: what stands now decides, as for the others.
        models.update(self.written_models.get(card_id, ()))
        found: dict[str, Placement] = {}
        for model in models:
            current = self.now(Placement.table, placement_key(card_id, model))
            if isinstance(current, Placement) and not current.deleted:
                found[model] = current
        return found

    # -- the outcome ---------------------------------------------------------------------------------------

    def _result(self) -> MergeResult:
        changes = sorted(
            (Change(table, key, self.before(table, key), record) for (table, key), record in self.written.items()),
            key=lambda change: (TABLE_ORDER.index(change.table), change.key),
        )
        in_conflict = {conflict.key for conflict in self.conflicts if conflict.table == Card.table}
        counts = MergeCounts(self.copy_ids | in_conflict, new_canvas=self.local is None)
        for change in changes:
            counts.add(change)
        canvas = self.now(Canvas.table, self.incoming.canvas.id)
        if self.local is not None and self.local.canvas.id != self.incoming.canvas.id:
            canvas = self.local.canvas
        assert isinstance(canvas, Canvas)
        return MergeResult(
            canvas_id=canvas.id,
            canvas_title=canvas.title,
            changes=ChangeSet(tuple(changes)),
            added=counts.added,
            updated=counts.updated,
            deleted=counts.deleted,
            conflicts=tuple(self.conflicts),
        )


def _edited_both_ways(resolved: _Resolved) -> bool:
    """A divergence a person should hear about: two live versions that say different things."""
    loser = resolved.loser
    return loser is not None and not loser.deleted and not resolved.record.same_content(loser)


def _card_ids(record: Record) -> set[str]:
    if isinstance(record, Placement):
        return {record.card_id}
    assert isinstance(record, Link)
    return {record.source, record.target}
