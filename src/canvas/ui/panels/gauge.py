"""The evidence gauge: how much of what is visible (the model shown, from the side chosen) rests on customer
evidence — observed with customers or reported by them, in their voice — and how much on the organization's
assumptions, for the whole map and zone by zone. A map built mostly on assumptions looks like one.

The figures are `analysis.evidence_gauge`'s, kept current from every change set by an `EvidenceTally`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QRect, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from canvas.core.analysis import EvidenceCount, Gauge
from canvas.core.document import ChangeSet
from canvas.core.model import Side
from canvas.ui.controller import Controller
from canvas.ui.evidence_tally import EvidenceTally
from canvas.ui.panels.looks import NOTE_STYLE

if TYPE_CHECKING:
    from canvas.ui.scene.view import FirstFrame

EVIDENCE = QColor("#2f7d5b")
ASSUMPTION = QColor("#c0680f")
#: Verdict looks: (background, text, border).
LOOKS: dict[str, tuple[str, str, str]] = {
    "assumptions": ("#fde9c4", "#6b3a00", "#e29a2f"),
    "evidence": ("#e1f2e8", "#1f5c41", "#8cc5a5"),
    "even": ("#eef1f5", "#1d2530", "#cfd5de"),
    "empty": ("#f4f6f9", "#5a6576", "#e1e5eb"),
}
SIDE_WORDS = {None: "both sides", Side.CUSTOMER: "the customer's side", Side.ORGANIZATION: "the organization's side"}


def verdict(count: EvidenceCount) -> tuple[str, str]:
    """(look, sentence) for a count: 'Mostly assumptions: 14 of 20 cards are the organization's guesses'."""
    total, evidence, assumed = count.total, count.customer_evidence, count.assumptions
    if total == 0:
        return "empty", "No cards to weigh here yet"
    if assumed > evidence:
        return "assumptions", f"Mostly assumptions: {assumed} of {total} cards are the organization's guesses"
    if evidence > assumed:
        return "evidence", f"Mostly customer evidence: {evidence} of {total} cards were seen or heard from customers"
    return "even", f"Half evidence, half assumptions: {evidence} of {total} cards rest on customer evidence"


def percent(count: EvidenceCount) -> str:
    share = count.share
    return "—" if share is None else f"{round(share * 100)} %"


class EvidenceBar(QWidget):
    """A bar split into customer evidence (solid green) and assumptions (hatched amber, like assumed cards)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._count = EvidenceCount()
        self.setMinimumHeight(14)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._evidence = QBrush(EVIDENCE)
        self._assumed = QBrush(ASSUMPTION.lighter(160))
        self._hatch = QBrush(ASSUMPTION, Qt.BrushStyle.BDiagPattern)
        self._frame = QPen(QColor("#cfd5de"))

    def sizeHint(self) -> QSize:
        return QSize(200, 14)

    def set_count(self, count: EvidenceCount) -> None:
        self._count = count
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        rect = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        total = self._count.total
        if total:
            split = rect.width() * self._count.customer_evidence / total
            left = QRectF(rect.left(), rect.top(), split, rect.height())
            right = QRectF(rect.left() + split, rect.top(), rect.width() - split, rect.height())
            painter.fillRect(left, self._evidence)
            painter.fillRect(right, self._assumed)
            painter.fillRect(right, self._hatch)
        painter.setPen(self._frame)
        painter.drawRect(rect)
        painter.end()


#: Room a zone name's cell keeps beside its text (focus frame, padding), so a name wraps before it would elide.
NAME_MARGIN = 16


class ZoneRow(NamedTuple):
    """What one row of the zone table says: the zone, its name (marked when assumptions outweigh evidence), the
    figures, their tooltips, and whether it warns."""

    zone: str
    name: str
    figures: str
    name_tip: str
    figures_tip: str
    warn: bool


class GaugePanel(QWidget):
    """The gauge dock's contents: a verdict, the bar, and a row per zone holding cards (click one to go there)."""

    #: Gauge: new figures (after a flip, a side switch or any change set).
    updated = Signal(object)
    #: str: the person clicked a zone's row.
    zoneChosen = Signal(str)

    def __init__(
        self,
        controller: Controller,
        parent: QWidget | None = None,
        *,
        first_frame: FirstFrame | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("gauge")
        self._controller = controller
        #: Holds a count until the canvas has shown its first frame (CanvasView.after_first_frame).
        self._first_frame = first_frame
        self._tally: EvidenceTally | None = None
        #: Gauges counted since the last edit, by (model, side): flipping back and forth counts nothing again.
        self._seen: dict[tuple[str, Side | None], EvidenceTally] = {}
        #: The zone rows shown in the table, in order.
        self._rows: list[ZoneRow] = []
        self._warning = QBrush(QColor(LOOKS["assumptions"][1]))
        # Widgets are made in the panel, not moved into it (a move passes the style sheet's style down again).
        self.heading = QLabel(self)
        self.heading.setObjectName("sectionLabel")
        self.heading.setWordWrap(True)
        self.verdict = QLabel(self)
        self.verdict.setObjectName("gaugeVerdict")
        self.verdict.setWordWrap(True)
        self.bar = EvidenceBar(self)
        self.legend = QLabel(self)
        self.legend.setStyleSheet(NOTE_STYLE)
        self.legend.setWordWrap(True)
        self.legend.setToolTip(
            "Customer evidence: cards in the customer's voice, observed with customers or reported by them.\n"
            "Assumptions: everything else — assumed by us, or stated in the organization's voice."
        )
        self.zones = QTreeWidget(self)
        self.zones.setObjectName("gaugeZones")
        self.zones.setColumnCount(2)
        self.zones.setHeaderLabels(["Zone", "Evidence"])
        self.zones.setRootIsDecorated(False)
        # A long zone name wraps onto a second line in the narrow dock rather than ending in "…".
        self.zones.setWordWrap(True)
        self.zones.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.zones.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.zones.setUniformRowHeights(False)
        self.zones.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.zones.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        # Row heights follow the name column's width (a wrapped name needs a taller row).
        # Measured once the header has settled (a scroll bar coming or going resizes it again).
        self._refit = QTimer(self)
        self._refit.setSingleShot(True)
        self._refit.setInterval(0)
        self._refit.timeout.connect(self._fit_rows)
        header.sectionResized.connect(self._name_column_resized)
        self.zones.itemActivated.connect(self._zone_clicked)
        self.zones.itemClicked.connect(self._zone_clicked)
        self.empty_zones = QLabel(self)
        self.empty_zones.setStyleSheet(NOTE_STYLE)
        self.empty_zones.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 10)
        layout.setSpacing(6)
        layout.addWidget(self.heading)
        layout.addWidget(self.verdict)
        layout.addWidget(self.bar)
        layout.addWidget(self.legend)
        layout.addWidget(self.zones, 1)
        layout.addWidget(self.empty_zones)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._due)
        self._show_timer = QTimer(self)
        self._show_timer.setSingleShot(True)
        self._show_timer.setInterval(0)
        self._show_timer.timeout.connect(self._show)
        controller.documentReplaced.connect(lambda _document: self._forget())
        controller.modelChanged.connect(lambda _model: self.schedule())
        controller.sideChanged.connect(lambda _side: self.schedule())
        controller.changed.connect(self._follow)

    @property
    def gauge(self) -> Gauge | None:
        """The figures shown (None before the first count)."""
        return self._tally.gauge if self._tally is not None else None

    def schedule(self) -> None:
        """Count again once the canvas has had its turn (a flip paints first, the gauge a moment later)."""
        self._tally = None
        self._timer.start()

    def _due(self) -> None:
        """The scheduled count: now, or right after the canvas's first frame while a window opens (the canvas
        comes first: counting 10,000 cards takes ~40 ms on a slow machine)."""
        if self._first_frame is not None and self._first_frame(self.recount):
            return
        self.recount()

    def recount(self) -> None:
        """Show the gauge of the model and side shown: the one kept since the last edit, or counted now."""
        self._timer.stop()
        controller = self._controller
        spec = controller.model_spec
        try:
            document = controller.document
        except RuntimeError:
            return  # no canvas open yet
        if spec is None:
            return
        key = (spec.id, controller.side)
        tally = self._seen.get(key)
        if tally is None or tally.document is not document or tally.spec is not spec:
            tally = self._seen[key] = EvidenceTally.count(document, spec, controller.side)
        self._tally = tally
        self._show()

    def _forget(self) -> None:
        self._seen.clear()
        self.schedule()

    def _follow(self, changes: ChangeSet) -> None:
        tally = self._tally
        if tally is None or tally.document is not self._controller.document:
            self._forget()
            return
        tally.follow(changes)
        # Only the gauge shown follows edits; the others would be counted afresh when next shown.
        self._seen = {(tally.spec.id, tally.side): tally}
        # The figures are current now; the panel shows them right after the canvas has shown the edit (rebuilding
        # its table took ~13 ms of a drag on a slow machine).
        self._show_timer.start()

    def _show(self) -> None:
        tally = self._tally
        if tally is None:
            return
        gauge, spec = tally.gauge, tally.spec
        overall = gauge.overall
        self.heading.setText(f"{spec.name.upper()} · {SIDE_WORDS[gauge.side].upper()}")
        look, sentence = verdict(overall)
        self.verdict.setText(sentence)
        background, text, border = LOOKS[look]
        self.verdict.setStyleSheet(
            f"QLabel#gaugeVerdict {{ background: {background}; color: {text}; border: 1px solid {border};"
            " border-radius: 6px; padding: 8px 10px; font-weight: 600; }"
        )
        self.verdict.setProperty("look", look)
        self.bar.set_count(overall)
        self.legend.setText(
            f"<span style='color:{EVIDENCE.name()}'>■</span> Customer evidence {overall.customer_evidence}"
            f" ({percent(overall)})<br><span style='color:{ASSUMPTION.name()}'>▨</span> Assumptions"
            f" {overall.assumptions}"
        )
        labels = {zone_id: zone.label for zone_id, zone in spec.zones(tally.document.model_settings(spec.id)).items()}
        empty = 0
        rows: list[ZoneRow] = []
        for zone_id, count in gauge.zones.items():
            if not count.total:
                empty += 1
                continue
            label = labels.get(zone_id, zone_id)
            warn = count.assumptions > count.customer_evidence
            rows.append(
                ZoneRow(
                    zone_id,
                    f"⚠ {label}" if warn else label,
                    f"{count.customer_evidence} of {count.total}",
                    f"{label}: {verdict(count)[1]}",
                    f"{label}: {count.customer_evidence} of {count.total} cards are customer evidence",
                    warn,
                )
            )
        self._show_rows(rows)
        if not gauge.zones:
            side = "organization's" if gauge.side is Side.ORGANIZATION else "customer's"
            self.empty_zones.setText(f"{spec.name} has no zone on the {side} side.")
        elif empty:
            self.empty_zones.setText(f"{empty} empty zone{'s' if empty != 1 else ''} on this side")
        else:
            self.empty_zones.setText("Every zone on this side holds cards")
        self.updated.emit(gauge)

    def _show_rows(self, rows: list[ZoneRow]) -> None:
        """Show these rows: the same zones as shown (after an edit) by changing what changed in place; other zones
        (after a flip) by making the table again. Making it again and fitting its rows cost ~10 ms after every drag
        on a slow machine."""
        shown = self._rows
        self._rows = rows
        if [row.zone for row in rows] != [row.zone for row in shown]:
            self.zones.clear()
            self.zones.addTopLevelItems([self._item(row) for row in rows])
            self._fit_rows()
            return
        names_changed = False
        for index, (row, was) in enumerate(zip(rows, shown, strict=True)):
            item = self.zones.topLevelItem(index)
            if row == was or item is None:
                continue
            names_changed = names_changed or row.name != was.name
            self._fill(item, row)
        if names_changed:
            self._fit_rows()

    def _item(self, row: ZoneRow) -> QTreeWidgetItem:
        item = QTreeWidgetItem()
        item.setData(0, Qt.ItemDataRole.UserRole, row.zone)
        item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self._fill(item, row)
        return item

    def _fill(self, item: QTreeWidgetItem, row: ZoneRow) -> None:
        item.setText(0, row.name)
        item.setText(1, row.figures)
        item.setToolTip(0, row.name_tip)
        item.setToolTip(1, row.figures_tip)
        for column in range(2):
            # No foreground of its own (None) draws in the palette's colour, as a row made without one.
            item.setData(column, Qt.ItemDataRole.ForegroundRole, self._warning if row.warn else None)

    def _name_column_resized(self, index: int, _old: int, _new: int) -> None:
        if index == 0:
            self._fit_rows()
            self._refit.start()

    def _fit_rows(self) -> None:
        """Give each row the height its zone name needs when wrapped to the name column's width."""
        # The delegate draws inside a focus frame and the style sheet's item padding: leave room for both.
        width = max(self.zones.header().sectionSize(0) - NAME_MARGIN, 40)
        metrics = self.zones.fontMetrics()
        flags = int(Qt.TextFlag.TextWordWrap)
        changed = False
        for index in range(self.zones.topLevelItemCount()):
            item = self.zones.topLevelItem(index)
            if item is None:
                continue
            height = metrics.boundingRect(QRect(0, 0, width, 1000), flags, item.text(0)).height() + 4
            if item.sizeHint(0) != QSize(width, height):
                item.setSizeHint(0, QSize(width, height))
                changed = True
        if changed:
            self.zones.doItemsLayout()  # the view keeps row heights it measured before

    def _zone_clicked(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        zone = item.data(0, Qt.ItemDataRole.UserRole)
        if isinstance(zone, str):
            self.zoneChosen.emit(zone)


class GaugeChip(QToolButton):
    """The gauge's verdict in a word, on the tool bar next to the side switch; click to open the gauge panel."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("gaugeChip")
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.setAutoRaise(False)
        self.look = "empty"
        self.show_gauge(Gauge(None))

    def show_gauge(self, gauge: Gauge) -> None:
        overall = gauge.overall
        look, sentence = verdict(overall)
        words = {
            "assumptions": f"⚠ Mostly assumptions {overall.assumptions}/{overall.total}",
            "evidence": f"Customer evidence {overall.customer_evidence}/{overall.total}",
            "even": f"Half evidence {overall.customer_evidence}/{overall.total}",
            "empty": "No cards to weigh",
        }
        self.look = look
        self.setText(words[look])
        self.setToolTip(f"{sentence} ({SIDE_WORDS[gauge.side]}). Click for the gauge zone by zone.")
        background, text, border = LOOKS[look]
        self.setStyleSheet(
            f"QToolButton#gaugeChip {{ background: {background}; color: {text}; border: 1px solid {border};"
            " border-radius: 11px; padding: 3px 10px; font-weight: 600; }"
        )
