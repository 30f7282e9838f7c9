"""One card on the canvas: a coloured, plain-text card whose detail follows the zoom.

Three levels of detail: far out the item is hidden and the overview draws it as a rectangle in one batch;
between DETAIL_ZOOM and FULL_ZOOM it shows its title in large type; from FULL_ZOOM it shows everything (kind,
voice, evidence, title, votes, score chips, conflict). Text layouts are built once per text change, for the cards
about to be shown (preparing 50,000 layouts up front would cost seconds), and reused by every paint.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QStaticText
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from canvas.core.layout import CARD_H, CARD_W
from canvas.core.model import Card, Evidence
from canvas.ui.scene.style import KindLook, Style, mix
from canvas.ui.scene.text import WrappedText, static_text

#: Below this zoom cards are not drawn one by one: the overview draws them (a card is under ~64 px wide).
DETAIL_ZOOM = 0.32
#: From this zoom a card shows all its markers; between DETAIL_ZOOM and here, its title in large type.
FULL_ZOOM = 0.62

BODY = QRectF(0.0, 0.0, CARD_W, CARD_H)
SHADOW = QRectF(5.0, CARD_H - 1.0, CARD_W - 10.0, 3.5)
#: Room for the selection halo around the body.
BOUNDS = BODY.adjusted(-8.0, -8.0, 8.0, 10.0)
#: How far a card's bounds may reach beyond BOUNDS (`CardItem.cache`): one screen pixel where cards are drawn.
BOUNDS_SLACK = 1.0 / DETAIL_ZOOM
SELECTION = BODY.adjusted(-3.5, -3.5, 3.5, 3.5)
MAX_DOTS = 8


@dataclass(frozen=True, slots=True)
class Chip:
    """A small label on a card's bottom-right: an emotion score, an opportunity score, an exchange balance."""

    text: str
    tone: str  # a key of Style.chip_brushes
    tooltip: str = ""


class CardItem(QGraphicsItem):
    """Draws one Card record. It never edits anything: gestures belong to the scene's interaction objects.

    Qt keeps each card's last rendering as a pixmap at screen resolution (DeviceCoordinateCache), so a repaint,
    a pan or a flip at the same zoom is a blit; `paint()` runs again only when the zoom or the card changes.
    """

    # Defaults live on the class: each instance attribute set costs time (items are made as views need them).
    _fill: QBrush | None = None
    _title: WrappedText | None = None
    _compact: WrappedText | None = None
    _chip_texts: list[QStaticText] | None = None
    _more_votes: QStaticText | None = None
    chips: tuple[Chip, ...] = ()
    top_opportunity = False
    selected = False
    highlighted = False
    focused = False
    dimmed = False
    #: Placed in the current model (else it waits in the tray and is hidden).
    placed = False
    #: The zone it sits in, in the current model.
    zone: str | None = None
    #: Scene position mirrored in Python: reading pos() back from Qt costs microseconds per card.
    x0 = 0.0
    y0 = 0.0
    #: Whether Qt keeps this card's rendering as a pixmap: turned on (`cache`) when a view is about to show the
    #: card, not for all 50,000 cards while a canvas opens.
    cached = False
    #: The bounds, and the zoom they were fitted to (`cache`).
    _bounds = BOUNDS
    _bounds_zoom = 1.0
    #: Whether the scene holds the item: it joins when first about to be shown (`CardLayer.join`).
    joined = False
    card: Card
    _style: Style

    # No __init__: a Python __init__ calling QGraphicsItem's doubles the cost of making an item (10,000 items:
    # ~20 ms against ~10 on a slow machine), and each attribute set there costs too. `of` makes one; what can be
    # worked out from the card (its id, its kind's look, its fill) is, when asked for.

    @classmethod
    def of(cls, card: Card, style: Style) -> CardItem:
        item = cls()
        item.card = card
        item._style = style
        return item

    @property
    def card_id(self) -> str:
        return self.card.id

    @property
    def _look(self) -> KindLook:
        return self._style.kinds[self.card.kind]

    # -- state set by the scene ------------------------------------------------------------------------------

    def set_card(self, card: Card) -> None:
        """Show a new revision of the card; text layouts are rebuilt on the next paint."""
        self.card = card
        self._title = self._compact = self._more_votes = self._fill = None
        self.update()

    def set_chips(self, chips: tuple[Chip, ...], top_opportunity: bool = False) -> None:
        if chips != self.chips or top_opportunity != self.top_opportunity:
            if bool(chips) != bool(self.chips):
                self._title = None  # room for the title changes
            self.chips = chips
            self.top_opportunity = top_opportunity
            self._chip_texts = None
            self.update()

    def set_marks(
        self, *, selected: bool | None = None, highlighted: bool | None = None, focused: bool | None = None
    ) -> None:
        changed = False
        for name, value in (("selected", selected), ("highlighted", highlighted), ("focused", focused)):
            if value is not None and getattr(self, name) != value:
                setattr(self, name, value)
                changed = True
        if changed:
            self.update()

    def set_dimmed(self, dimmed: bool) -> None:
        if dimmed != self.dimmed:
            self.dimmed = dimmed
            self.setOpacity(self.opacity_target())

    def opacity_target(self) -> float:
        """Cards of the other side are dimmed, not hidden: they are still there."""
        return self._style.dim_opacity if self.dimmed else 1.0

    def move_to(self, x: float, y: float) -> None:
        self.x0, self.y0 = x, y
        self.setPos(x, y)

    def tooltip(self) -> str:
        card = self.card
        lines = [card.title]
        facts = [self._look.label, card.voice.value, card.evidence.value]
        if card.source:
            facts.append(f"source: {card.source}")
        lines.append(" · ".join(facts))
        if card.notes:
            lines.append(card.notes if len(card.notes) < 300 else card.notes[:299] + "…")
        lines.extend(chip.tooltip for chip in self.chips if chip.tooltip)
        if card.conflict_of:
            lines.append("Conflicts with another version of this card kept from a merge.")
        return "\n".join(lines)

    # -- painting --------------------------------------------------------------------------------------------

    def boundingRect(self) -> QRectF:
        return self._bounds

    def cache(self, zoom: float) -> None:
        """Let Qt keep this card's rendering as a pixmap at screen resolution (see the class docstring), for a view
        at `zoom`.

        Qt draws the cached pixmap again only if the card's bounds cover as many whole pixels as the pixmap has.
        Bounds of a fractional pixel size cover one pixel more or less depending on where the card lands, so a
        card moved by a flip would be painted again about every other time (at 1,000 cards ~90 of the ~200 cards
        in view, 10 of a flip's 20 ms); bounds of whole pixels at the view's zoom are painted once per zoom."""
        if zoom != self._bounds_zoom:
            bounds = bounds_at(zoom)
            if bounds != self._bounds:
                self.prepareGeometryChange()
                self._bounds = bounds
            self._bounds_zoom = zoom
        if not self.cached:
            self.cached = True
            self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    def prepared(self, full: bool) -> bool:
        return (self._title is not None and self._chip_texts is not None) if full else self._compact is not None

    def prepare(self, full: bool) -> None:
        """Lay out the text this level of detail shows, once per text change. The view calls this for the cards
        it is about to show; paint() calls it only for a picture rendered without a view."""
        style, m, card = self._style, self._style.metrics, self.card
        if not full:
            self._compact = WrappedText(card.title, style.compact_font, CARD_W - 2 * m.pad, m.compact_lines)
            return
        self._title = WrappedText(card.title, style.title_font, CARD_W - 2 * m.pad, self._title_lines())
        self._chip_texts = [static_text(chip.text, style.chip_font) for chip in self.chips]
        if card.votes > MAX_DOTS:
            self._more_votes = static_text(f"+{card.votes - MAX_DOTS}", style.chip_font)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        zoom = QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())
        if zoom < FULL_ZOOM:
            self._paint_compact(painter)
        else:
            self._paint_full(painter)
        self._paint_marks(painter)

    def _own_fill(self, colour: str) -> QBrush:
        """The card's own colour as a fill (made when first painted, again after the card changed)."""
        fill = self._fill
        if fill is None:
            paleness = 0.35 if self.card.evidence is Evidence.OBSERVED else 0.8
            fill = self._fill = QBrush(mix(QColor(colour), QColor("#ffffff"), paleness))
        return fill

    def _paint_body(self, painter: QPainter) -> None:
        style, look, card = self._style, self._look, self.card
        evidence, colour = card.evidence, card.colour
        radius = style.metrics.radius
        # A soft edge under the card: a thin strip, far cheaper to fill than a card-sized shadow.
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(style.shadow_brush)
        painter.drawRoundedRect(SHADOW, 2.0, 2.0)
        painter.setBrush(look.fills[evidence] if colour is None else self._own_fill(colour))
        painter.setPen(look.borders[evidence])
        painter.drawRoundedRect(BODY, radius, radius)

    def _paint_compact(self, painter: QPainter) -> None:
        self._paint_body(painter)
        style = self._style
        compact = self._compact
        if compact is None:
            self.prepare(full=False)
            compact = self._compact
            assert compact is not None
        painter.setFont(style.compact_font)
        painter.setPen(style.ink_pen)
        compact.draw(painter, QPointF(style.metrics.pad, 7.0))

    def _paint_full(self, painter: QPainter) -> None:
        self._paint_body(painter)
        style, look, card, m = self._style, self._look, self.card, self._style.metrics
        # Voice: a person for the customer, a square badge for the organization.
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(look.accent_brush)
        painter.drawPath(style.voice_glyph(card.voice))
        # Kind, in the kind's colour.
        painter.setFont(style.label_font)
        painter.setPen(look.label_pen)
        painter.drawStaticText(QPointF(m.pad + 15.0, 7.0), look.label_text)
        # Evidence: filled (observed), hollow (reported) or dashed (assumed) circle, like the card itself.
        painter.setPen(look.borders[card.evidence])
        painter.setBrush(look.accent_brush if card.evidence is Evidence.OBSERVED else style.paper_brush)
        painter.drawEllipse(QRectF(CARD_W - m.pad - 9.0, 8.0, 9.0, 9.0))
        if card.conflict_of:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(style.warning_brush)
            painter.drawPath(style.warning)
        # Title.
        if not self.prepared(full=True):
            self.prepare(full=True)
        title, chip_texts = self._title, self._chip_texts
        assert title is not None and chip_texts is not None
        painter.setFont(style.title_font)
        painter.setPen(style.ink_pen)
        title.draw(painter, QPointF(m.pad, m.title_top - 3.0))
        # Votes as dots, bottom left.
        if card.votes:
            self._paint_votes(painter)
        if self.chips:
            self._paint_chips(painter, chip_texts)

    def _title_lines(self) -> int:
        """As many title lines as fit above the votes and chips (fewer in the presentation's larger type)."""
        style, m = self._style, self._style.metrics
        bottom = CARD_H - 16.0 if self.card.votes or self.chips else CARD_H - 6.0
        return max(1, min(m.title_lines, int((bottom - m.title_top + 3.0) // style.title_line)))

    def _paint_votes(self, painter: QPainter) -> None:
        style, m = self._style, self._style.metrics
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(style.vote_brush)
        dots = min(self.card.votes, MAX_DOTS)
        for i in range(dots):
            painter.drawEllipse(QRectF(m.pad + i * (m.dot + 3.0), CARD_H - 8.0 - m.dot, m.dot, m.dot))
        if self.card.votes > MAX_DOTS:
            painter.setFont(style.chip_font)
            painter.setPen(style.ink_pen)
            if self._more_votes is not None:
                painter.drawStaticText(QPointF(m.pad + dots * (m.dot + 3.0) + 1.0, CARD_H - 19.0), self._more_votes)

    def _paint_chips(self, painter: QPainter, chip_texts: list[QStaticText]) -> None:
        style, m = self._style, self._style.metrics
        right = CARD_W - m.pad + 3.0
        if self.top_opportunity:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(style.chip_brushes["top"])
            painter.drawPath(style.star)
        painter.setFont(style.chip_font)
        for chip, text in zip(reversed(self.chips), reversed(chip_texts), strict=True):
            width = text.size().width() + 10.0
            box = QRectF(right - width, CARD_H - 21.0, width, 15.0)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(style.chip_brushes[chip.tone])
            painter.drawRoundedRect(box, 7.5, 7.5)
            painter.setPen(style.chip_pens[chip.tone])
            painter.drawStaticText(QPointF(box.x() + 5.0, box.y() + 1.0), text)
            right = box.x() - 4.0

    def _paint_marks(self, painter: QPainter) -> None:
        if not (self.selected or self.highlighted or self.focused or self.top_opportunity):
            return
        style, radius = self._style, self._style.metrics.radius + 3.0
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if self.highlighted:
            painter.setPen(style.highlight_pen)
            painter.drawRoundedRect(SELECTION.adjusted(-2.0, -2.0, 2.0, 2.0), radius + 2.0, radius + 2.0)
        elif self.top_opportunity and not self.selected:
            painter.setPen(style.highlight_pen)
            painter.drawRoundedRect(SELECTION, radius, radius)
        if self.selected:
            painter.setPen(style.selection_halo)
            painter.drawRoundedRect(SELECTION, radius, radius)
            painter.setPen(style.focus_pen if self.focused else style.selection_pen)
            painter.drawRoundedRect(SELECTION, radius, radius)
        elif self.focused:
            painter.setPen(style.focus_pen)
            painter.drawRoundedRect(SELECTION, radius, radius)


@functools.lru_cache(maxsize=64)
def bounds_at(zoom: float) -> QRectF:
    """BOUNDS grown to whole screen pixels at `zoom` (by less than one pixel, at most BOUNDS_SLACK)."""
    width = math.ceil(BOUNDS.width() * zoom - 1e-6) / zoom
    height = math.ceil(BOUNDS.height() * zoom - 1e-6) / zoom
    return QRectF(BOUNDS.left(), BOUNDS.top(), max(width, BOUNDS.width()), max(height, BOUNDS.height()))
