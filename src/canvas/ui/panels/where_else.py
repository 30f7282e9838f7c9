"""Where else a card sits: every model of the canvas with the card's zone there (click to jump: flip, select,
centre), or that the model has not seen it yet. Shown in the inspector and added to a card's tooltip."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPointF, Qt, Signal
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QLabel, QPushButton, QSizePolicy, QToolTip, QVBoxLayout, QWidget

from canvas.core.catalog import Catalog
from canvas.core.document import Document
from canvas.ui.controller import Controller
from canvas.ui.panels.looks import LINK_STYLE, MISSING_STYLE
from canvas.ui.scene.scene import CanvasScene
from canvas.ui.scene.view import CanvasView

Sighting = tuple[str, str, str | None]


def sightings(document: Document, catalog: Catalog, models: list[str], card_id: str) -> list[Sighting]:
    """(model id, model title, zone label or None if not placed there) for the canvas's models, then any other
    model the card is placed in."""
    placements = document.placements_of(card_id)
    ordered = list(models) + sorted(model for model in placements if model not in models)
    found: list[Sighting] = []
    for model in ordered:
        spec = catalog.get(model)
        title = spec.title if spec is not None else model
        placement = placements.get(model)
        if placement is None:
            found.append((model, title, None))
            continue
        zone = None
        if spec is not None:
            zone_spec = spec.zones(document.model_settings(model)).get(placement.zone)
            zone = zone_spec.label if zone_spec is not None else None
        found.append((model, title, zone or placement.zone))
    return found


class WhereElse(QWidget):
    """A short list under the inspector's fields: one row per model."""

    #: str, str: model id and card id: the person wants to see the card there.
    jumpRequested = Signal(str, str)

    def __init__(self, controller: Controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("whereElse")
        self._controller = controller
        self._card_id: str | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 8, 0, 0)
        self._layout.setSpacing(2)
        self.heading = QLabel("SEEN THROUGH", self)
        self.heading.setObjectName("sectionLabel")
        self._layout.addWidget(self.heading)
        self.rows: dict[str, QWidget] = {}
        #: What the rows show: card id, model shown and the card's sightings (None: no rows).
        self._shown: tuple[str, str, list[Sighting]] | None = None
        controller.modelChanged.connect(lambda _model: self.refresh())
        self.setVisible(False)

    def show_card(self, card_id: str | None) -> None:
        self._card_id = card_id
        self.refresh()

    def refresh(self) -> None:
        card_id = self._card_id
        controller = self._controller
        if card_id is None or controller.document.card(card_id) is None:
            self._clear(None)
            self.setVisible(False)
            return
        found = sightings(controller.document, controller.catalog, controller.models_of_canvas(), card_id)
        shown = (card_id, controller.model, found)
        if shown == self._shown:
            # The same rows: a card dragged within its zone, a field edited. Making the rows again cost ~3 ms of a
            # drag on a slow machine.
            return
        self._clear(shown)
        for model, title, zone in found:
            current = model == controller.model
            if zone is None:
                row: QWidget = QLabel(f"{title} — not yet placed (waits in its tray)")
                row.setStyleSheet(MISSING_STYLE)
                row.setToolTip(f"Flip to {title} and drag the card from the tray onto a zone")
            else:
                button = QPushButton(f"{'▸' if current else '→'} {title} · {zone}")
                button.setObjectName(f"whereElse_{model}")
                button.setFlat(True)
                button.setStyleSheet(LINK_STYLE)
                button.setToolTip(
                    "Shown now; click to bring it into view" if current else f"Flip to {title} and show the card there"
                )
                button.setCursor(Qt.CursorShape.PointingHandCursor)
                button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
                button.clicked.connect(lambda _checked=False, m=model, c=card_id: self.jumpRequested.emit(m, c))
                row = button
            self._layout.addWidget(row)
            self.rows[model] = row
        self.setVisible(True)

    def _clear(self, shown: tuple[str, str, list[Sighting]] | None) -> None:
        for old in self.rows.values():
            self._layout.removeWidget(old)
            old.deleteLater()
        self.rows = {}
        self._shown = shown


def tooltip_lines(document: Document, catalog: Catalog, models: list[str], shown: str, card_id: str) -> list[str]:
    """What a card's tooltip adds: the zone in every other model, and the models that have not seen it."""
    seen, unseen = [], []
    for model, title, zone in sightings(document, catalog, models, card_id):
        if model == shown:
            continue
        if zone is None:
            unseen.append(title)
        else:
            seen.append(f"{title} · {zone}")
    lines = []
    if seen:
        lines.append("Also in: " + "; ".join(seen))
    if unseen:
        lines.append("Not yet seen through: " + ", ".join(unseen))
    return lines


class CardTooltips(QObject):
    """Answers tooltips over cards on a view's viewport: the scene's card facts plus where else the card sits.
    (Headers and empty space are left to the scene.)"""

    def __init__(self, controller: Controller, view: CanvasView, scene: CanvasScene) -> None:
        super().__init__(view)
        self._controller = controller
        self._view = view
        self._scene = scene
        self._viewport = view.viewport()
        self._viewport.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is not self._viewport or event.type() != QEvent.Type.ToolTip or not isinstance(event, QHelpEvent):
            return False
        scene = self._scene
        point = self._view.mapToScene(event.pos())
        card_id = scene.card_at(QPointF(point))
        item = scene.cards.get(card_id) if card_id is not None else None
        if item is None or scene.document is None:
            return False
        lines = [item.tooltip()]
        lines += tooltip_lines(
            scene.document, self._controller.catalog, self._controller.models_of_canvas(), scene.model, item.card_id
        )
        QToolTip.showText(event.globalPos(), "\n".join(lines), self._viewport)
        return True
