"""Quick capture: type over the canvas and a card appears where the mouse is; Enter commits and opens the next.

The line understands a little syntax so a facilitator never reaches for the mouse:
    pain: Payroll runs on Sunday night #payroll @org !observed
`kind:` at the start (a kind's name or its first three letters), `#tag`, `@org` / `@customer` (voice),
`!observed` / `!reported` / `!assumed` (evidence, or just `!o`, `!r`, `!a`); text in quotes is a quote card.
Alt+K / Alt+Shift+K cycle the kind, Alt+V switches the voice and Alt+E cycles the evidence for this and the
following cards.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from pydantic import ValidationError
from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QGraphicsView, QLabel, QLineEdit, QVBoxLayout, QWidget

from canvas.core.edits import AddCard, Spot, describe_validation_error
from canvas.core.layout import CARD_H, CARD_W
from canvas.core.model import Card, CardKind, Evidence, Placement, Voice, new_id
from canvas.ui.controller import Controller
from canvas.ui.placing import Spots
from canvas.ui.tab_order import place_after

_KINDS = tuple(CardKind)
_EVIDENCE = tuple(Evidence)
_QUOTES = {'"': '"', "“": "”", "„": "“", "«": "»"}


@dataclass(frozen=True)
class Captured:
    """What one capture line says: a card's title and whatever the person set by syntax."""

    title: str
    kind: CardKind | None = None
    voice: Voice | None = None
    evidence: Evidence | None = None
    tags: tuple[str, ...] = ()


def _kind_named(word: str) -> CardKind | None:
    word = word.lower()
    if word in CardKind.__members__.values():
        return CardKind(word)
    if len(word) < 3:
        return None
    found = [kind for kind in _KINDS if kind.value.startswith(word)]
    return found[0] if len(found) == 1 else None


def _evidence_named(word: str) -> Evidence | None:
    found = [evidence for evidence in _EVIDENCE if word and evidence.value.startswith(word.lower())]
    return found[0] if len(found) == 1 else None


def _voice_named(word: str) -> Voice | None:
    word = word.lower()
    if word in {"org", "organization", "organisation", "us", "we"}:
        return Voice.ORGANIZATION
    if word in {"customer", "cust", "them", "they", "c"}:
        return Voice.CUSTOMER
    return None


def parse_capture(text: str) -> Captured:
    """Read one capture line. Words the syntax does not recognise stay in the title, as typed."""
    kind: CardKind | None = None
    head, colon, rest = text.partition(":")
    if colon and " " not in head.strip() and (named := _kind_named(head.strip())) is not None:
        kind, text = named, rest
    voice: Voice | None = None
    evidence: Evidence | None = None
    tags: list[str] = []
    words: list[str] = []
    for word in text.split():
        if word.startswith("#") and len(word) > 1:
            tags.append(word[1:])
        elif word.startswith("@") and (found_voice := _voice_named(word[1:])) is not None:
            voice = found_voice
        elif word.startswith("!") and (found_evidence := _evidence_named(word[1:])) is not None:
            evidence = found_evidence
        else:
            words.append(word)
    title = " ".join(words)
    if len(title) >= 2 and _QUOTES.get(title[0]) == title[-1] and kind is None:
        kind, title = CardKind.QUOTE, title[1:-1].strip()
        voice = voice or Voice.CUSTOMER
    return Captured(title, kind, voice, evidence, tuple(dict.fromkeys(tags)))


@dataclass(frozen=True)
class Defaults:
    """The kind, voice and evidence a new card gets unless its line says otherwise (they stick between cards)."""

    kind: CardKind = CardKind.SITUATION
    voice: Voice = Voice.CUSTOMER
    evidence: Evidence = Evidence.ASSUMED
    #: True once the person chose a kind with Alt+K: then the zone's usual kind no longer overrides it.
    kind_chosen: bool = False

    def next_kind(self, step: int) -> Defaults:
        index = (_KINDS.index(self.kind) + step) % len(_KINDS)
        return replace(self, kind=_KINDS[index], kind_chosen=True)

    def other_voice(self) -> Defaults:
        voice = Voice.ORGANIZATION if self.voice is Voice.CUSTOMER else Voice.CUSTOMER
        return replace(self, voice=voice)

    def next_evidence(self) -> Defaults:
        return replace(self, evidence=_EVIDENCE[(_EVIDENCE.index(self.evidence) + 1) % len(_EVIDENCE)])

    def describe(self, captured: Captured | None = None) -> str:
        """What the card will be: the line's own syntax first, these defaults for the rest."""
        kind = captured.kind if captured and captured.kind else self.kind
        voice = captured.voice if captured and captured.voice else self.voice
        evidence = captured.evidence if captured and captured.evidence else self.evidence
        tags = "".join(f" #{tag}" for tag in captured.tags) if captured else ""
        return f"{kind.value.capitalize()} · {voice.value} voice · {evidence.value}{tags}"


class CaptureLine(QFrame):
    """The capture line floating over the canvas. Enter emits `submitted`; Esc (or an empty Enter) closes."""

    #: Captured, Defaults: the person pressed Enter on a line with text.
    submitted = Signal(object, object)
    closed = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("captureLine")
        self.defaults = Defaults()
        self.zone_label = ""
        # The field and its two labels are made when the line first opens (or its field is first asked for), as the
        # find bar's are: hidden over the canvas, they were still made and polished with every window.
        self._parts: tuple[QLineEdit, QLabel, QLabel] | None = None
        self.setFixedWidth(380)
        self.hide()

    def _build(self) -> tuple[QLineEdit, QLabel, QLabel]:
        edit = QLineEdit(self)
        edit.setObjectName("captureEdit")
        edit.setPlaceholderText("Type a card, Enter to add, Esc to stop")
        edit.installEventFilter(self)
        chip = QLabel(self)
        chip.setObjectName("captureChip")
        keys = QLabel("Enter adds · Esc stops · Alt+K kind · Alt+V voice · Alt+E evidence", self)
        keys.setObjectName("captureKeys")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 5, 8, 5)
        layout.setSpacing(1)
        layout.addWidget(edit)
        layout.addWidget(chip)
        layout.addWidget(keys)
        self._parts = edit, chip, keys
        edit.textChanged.connect(lambda _text: self._describe())
        place_after(self, [edit])  # in the Tab order where it was when made with the line
        self._describe()
        return self._parts

    @property
    def edit(self) -> QLineEdit:
        """The field the card is typed in (made when first asked for)."""
        return (self._parts or self._build())[0]

    @property
    def chip(self) -> QLabel:
        """Says what the card will be: its zone, kind, voice and evidence."""
        return (self._parts or self._build())[1]

    @property
    def keys(self) -> QLabel:
        return (self._parts or self._build())[2]

    def open(self, at: QPoint, text: str = "", zone_label: str = "") -> None:
        """Show the line with its top-left at `at` (viewport coordinates), keeping it inside the viewport."""
        self.zone_label = zone_label
        edit = self.edit  # made before the line shows, so that it shows with it
        self._describe()
        self.adjustSize()
        parent = self.parentWidget()
        assert parent is not None, "the capture line lives on the canvas view's viewport"
        area = parent.rect()
        x = min(max(at.x(), 4), max(area.width() - self.width() - 4, 4))
        y = min(max(at.y(), 4), max(area.height() - self.height() - 4, 4))
        self.move(x, y)
        self.show()
        self.raise_()
        edit.setText(text)
        edit.setFocus(Qt.FocusReason.OtherFocusReason)
        edit.end(False)

    def close_line(self) -> None:
        if self.isVisible():
            self.hide()
            self.closed.emit()

    def _describe(self) -> None:
        if self._parts is None:
            return  # described when made
        where = f"{self.zone_label}  →  " if self.zone_label else ""
        text = self.edit.text().strip()
        self.chip.setText(where + self.defaults.describe(parse_capture(text) if text else None))

    def set_defaults(self, defaults: Defaults) -> None:
        self.defaults = defaults
        self._describe()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is not self.edit or not isinstance(event, QKeyEvent):
            return False
        if event.type() == QEvent.Type.ShortcutOverride and self._is_own_key(event):
            # Alt+V and Alt+E would open the View and Edit menus; while capturing they are ours.
            event.accept()
            return True
        if event.type() == QEvent.Type.KeyPress:
            return self._key(event)
        return False

    @staticmethod
    def _is_own_key(event: QKeyEvent) -> bool:
        alt = bool(event.modifiers() & Qt.KeyboardModifier.AltModifier)
        return (alt and event.key() in (Qt.Key.Key_K, Qt.Key.Key_V, Qt.Key.Key_E)) or event.key() in (
            Qt.Key.Key_Return,
            Qt.Key.Key_Enter,
            Qt.Key.Key_Escape,
        )

    def _key(self, event: QKeyEvent) -> bool:
        key, modifiers = event.key(), event.modifiers()
        alt = bool(modifiers & Qt.KeyboardModifier.AltModifier)
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            text = self.edit.text().strip()
            if not text:
                self.close_line()
            else:
                self.submitted.emit(parse_capture(text), self.defaults)
            return True
        if key == Qt.Key.Key_Escape:
            self.close_line()
            return True
        if alt and key == Qt.Key.Key_K:
            shift = bool(modifiers & Qt.KeyboardModifier.ShiftModifier)
            self.set_defaults(self.defaults.next_kind(-1 if shift else 1))
            return True
        if alt and key == Qt.Key.Key_V:
            self.set_defaults(self.defaults.other_voice())
            return True
        if alt and key == Qt.Key.Key_E:
            self.set_defaults(self.defaults.next_evidence())
            return True
        return False

    def clear_for_next(self, at: QPoint, zone_label: str) -> None:
        """After a card was added: empty the line and move it to where the next card will go."""
        self.edit.clear()
        self.open(at, "", zone_label)


class QuickCapture(QObject):
    """Opens the capture line over the canvas and turns each line into a card placed in a free slot.

    The first card goes where the mouse points (or below the selected card, or in the middle of the view);
    each next one goes just below the one before, so a facilitator can keep typing."""

    #: str: the id of a card just captured.
    captured = Signal(str)

    def __init__(
        self,
        controller: Controller,
        view: QGraphicsView,
        pointer: Callable[[], QPointF | None],
        focused_card: Callable[[], str | None],
    ) -> None:
        super().__init__(view)
        self._controller = controller
        self._view = view
        self._pointer = pointer
        self._focused_card = focused_card
        self._spot: Spot | None = None
        self.line = CaptureLine(view.viewport())
        self.line.submitted.connect(self._submit)
        self.line.closed.connect(self._closed)
        controller.documentReplaced.connect(lambda _document: self.line.close_line())
        controller.modelChanged.connect(lambda _model: self.line.close_line())

    @property
    def active(self) -> bool:
        return self.line.isVisible()

    @property
    def spot(self) -> Spot | None:
        """Where the card being typed will go."""
        return self._spot

    def _spots(self) -> Spots | None:
        spec = self._controller.model_spec
        return None if spec is None else Spots(self._controller.document, spec)

    def start(self, text: str = "") -> None:
        """Open the line where the person is looking: at the mouse, below the selected card, or mid-view."""
        spots = self._spots()
        if spots is None:
            return
        card_id = new_id()
        pointer = self._pointer()
        focused = self._focused_card()
        placement = focused and self._controller.document.placement(focused, self._controller.model)
        if pointer is not None:
            spot = spots.near_point(card_id, pointer.x(), pointer.y())
        elif placement:
            spot = spots.below(
                card_id, Spot(placement.card_id, placement.model, placement.zone, placement.x, placement.y)
            )
        else:
            centre = self._view.mapToScene(self._view.viewport().rect().center())
            spot = spots.near_point(card_id, centre.x(), centre.y())
        self._open(spots, spot, text)

    def start_at(self, zone: str, x: float, y: float) -> None:
        """Open the line at an offset in a zone (the canvas asked: e.g. a double-click on an empty zone)."""
        spots = self._spots()
        if spots is not None:
            self._open(spots, spots.near_offset(new_id(), zone, x, y), "")

    def _open(self, spots: Spots, spot: Spot, text: str) -> None:
        self._spot = spot
        defaults = self.line.defaults
        if not defaults.kind_chosen:
            box = spots.layout.zones.get(spot.zone)
            kind = box.kinds[0] if box is not None and box.kinds else CardKind.SITUATION
            self.line.set_defaults(replace(defaults, kind=kind))
        x, y = spots.scene_point(spot)
        self._view.ensureVisible(QRectF(x, y, CARD_W, CARD_H * 2), 40, 40)
        at = self._view.mapFromScene(QPointF(x, y))
        self.line.open(at, text, spots.zone_label(spot.zone))

    def _submit(self, captured: Captured, defaults: Defaults) -> None:
        spots = self._spots()
        if self._spot is None or spots is None or not captured.title:
            return
        # The canvas may have changed while the line was open (an undo, a drop): take the nearest free slot now.
        spot = spots.near_offset(self._spot.card_id, self._spot.zone, self._spot.x, self._spot.y)
        try:
            card = Card(
                id=spot.card_id,
                title=captured.title[:500],
                kind=captured.kind or defaults.kind,
                voice=captured.voice or defaults.voice,
                evidence=captured.evidence or defaults.evidence,
                tags=captured.tags,
            )
        except ValidationError as error:
            self._controller.problem.emit(f"This card cannot be added: {describe_validation_error(error)}")
            return
        placement = Placement(card_id=card.id, model=spot.model, zone=spot.zone, x=spot.x, y=spot.y)
        if not self._controller.do(AddCard(card, (placement,))):
            return
        self.captured.emit(card.id)
        after = self._spots()
        if after is not None:
            self._open(after, after.below(new_id(), spot), "")

    def _closed(self) -> None:
        self._spot = None
        self._view.setFocus(Qt.FocusReason.OtherFocusReason)
