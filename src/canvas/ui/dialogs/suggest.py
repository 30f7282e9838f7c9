"""The suggestion dialog: for each kind of card waiting in the tray, the zone it would go to. The person ticks,
changes or leaves out each kind; "Place" puts the chosen cards in one undoable step."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from canvas.core.frameworks import ModelSpec
from canvas.core.model import ModelSettings
from canvas.ui.panels.looks import NOTE_STYLE
from canvas.ui.scene.style import KIND_COLOURS
from canvas.ui.suggest import KindGroup

#: How many titles each row names before "and N more".
TITLES_SHOWN = 3


class SuggestDialog(QDialog):
    """One row per kind: a tick, the suggested zone (changeable), and the first titles of its cards."""

    #: dict[str, str]: card id -> zone, for the cards the person confirmed.
    confirmed = Signal(dict)

    def __init__(
        self,
        spec: ModelSpec,
        settings: ModelSettings | None,
        groups: Sequence[KindGroup],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("suggestDialog")
        self.setWindowTitle(f"Suggest placements in {spec.name}")
        self._groups = list(groups)
        zones = spec.zones(settings)
        intro = QLabel(
            f"Cards not yet seen through <b>{spec.name}</b>, by kind. Each kind goes to the zone that usually holds "
            "it; change the zone or untick a kind to leave those cards in the tray."
        )
        intro.setWordWrap(True)
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(4)
        self.ticks: list[QCheckBox] = []
        self.zones: list[QComboBox] = []
        for row, group in enumerate(self._groups):
            count = len(group.card_ids)
            tick = QCheckBox(f"{KIND_COLOURS[group.kind][2]} · {count} card{'s' if count != 1 else ''}")
            tick.setObjectName(f"suggest_{group.kind.value}")
            combo = QComboBox()
            combo.setObjectName(f"zone_{group.kind.value}")
            for zone_id, zone in zones.items():
                combo.addItem(zone.label, zone_id)
            if group.zone is not None:
                combo.setCurrentIndex(combo.findData(group.zone))
                tick.setChecked(True)
            else:
                combo.setCurrentIndex(-1)
                combo.setPlaceholderText("no usual zone: choose one")
                tick.setChecked(False)
            combo.currentIndexChanged.connect(lambda _index, t=tick: t.setChecked(True))
            tick.toggled.connect(self._update_button)
            combo.currentIndexChanged.connect(self._update_button)
            shown = ", ".join(f"“{title}”" for title in group.titles[:TITLES_SHOWN])
            more = count - TITLES_SHOWN
            titles = QLabel(shown + (f" and {more} more" if more > 0 else ""))
            titles.setStyleSheet(NOTE_STYLE)
            titles.setWordWrap(True)
            grid.addWidget(tick, 2 * row, 0)
            grid.addWidget(combo, 2 * row, 1)
            grid.addWidget(titles, 2 * row + 1, 0, 1, 2)
            self.ticks.append(tick)
            self.zones.append(combo)
        rows = QWidget()
        rows.setLayout(grid)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(rows)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.place = QPushButton("Place")
        self.place.setObjectName("placeSuggested")
        self.place.setDefault(True)
        buttons.addButton(self.place, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)
        self.resize(560, min(160 + 64 * len(self._groups), 620))
        self._update_button()

    def choices(self) -> dict[str, str]:
        """Card id -> zone for every ticked kind with a zone."""
        chosen: dict[str, str] = {}
        for group, tick, combo in zip(self._groups, self.ticks, self.zones, strict=True):
            zone = combo.currentData()
            if tick.isChecked() and isinstance(zone, str):
                chosen.update(dict.fromkeys(group.card_ids, zone))
        return chosen

    def _update_button(self) -> None:
        count = len(self.choices())
        self.place.setText(f"Place {count} card{'s' if count != 1 else ''}")
        self.place.setEnabled(count > 0)

    def accept(self) -> None:
        chosen = self.choices()
        super().accept()
        if chosen:
            self.confirmed.emit(chosen)
