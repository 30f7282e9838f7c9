"""The import preview: where a file would go and what it would add, update, delete and leave in conflict.

Nothing in the store changes while it is shown; the window applies the plan only when the person presses Import.
Every text that comes from the file (titles, names) is shown as plain text.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from canvas.core.model import Canvas
from canvas.exchange.importing import FileFormat, ImportPlan, Incoming
from canvas.store import Store, StoreError

#: Plans an import for a destination; raises StoreError or ValueError (with a message) if it cannot.
Planner = Callable[["Destination"], ImportPlan]

_FORMAT_WORDS = {
    FileFormat.SCANVAS: "a canvas file (.scanvas)",
    FileFormat.JSONCANVAS: "a JSON Canvas file (.canvas)",
    FileFormat.CSV: "interview notes (CSV)",
}


@dataclass(frozen=True)
class Destination:
    """One answer to "where should the file go?": the same choices as `canvas import --into / --as-copy`."""

    label: str
    tip: str
    into: str | None = None
    as_copy: bool = False


def destinations(store: Store, incoming: Incoming, shown: Canvas) -> list[Destination]:
    """The places a file can go, the most likely first."""
    document = incoming.document
    own_title = document.canvas.title
    to_shown = Destination(
        f"Add to the open canvas '{shown.title}'",
        "The file's cards join the canvas shown now, with new ids",
        into=shown.id,
    )
    new = Destination(f"Import as a new canvas '{own_title}'", "The file becomes a canvas of its own in this store")
    if incoming.format is FileFormat.CSV:
        return [to_shown, new]
    if not incoming.has_identity:
        return [new, to_shown]
    choices: list[Destination] = []
    if store.has_canvas(document.canvas.id):
        local_title = next(s.title for s in store.list_canvases() if s.id == document.canvas.id)
        choices.append(
            Destination(
                f"Merge into '{local_title}'",
                "Cards changed on one side take that side's version; cards changed on both sides are kept twice",
            )
        )
        choices.append(
            Destination(
                "Import as a copy (a new canvas)",
                "A separate canvas with fresh ids; the canvas here is left as it is",
                as_copy=True,
            )
        )
    else:
        choices.append(new)
    if shown.id != document.canvas.id:
        choices.append(to_shown)
    return choices


def plain_label(text: str = "", name: str = "") -> QLabel:
    """A label that never reads its text as HTML (titles come from files and from people)."""
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setText(text)
    if name:
        label.setObjectName(name)
    return label


class ImportPreview(QDialog):
    """Shows the plan for the chosen destination; `plan` is what Import applies (None if planning failed)."""

    def __init__(
        self, incoming: Incoming, choices: Sequence[Destination], planner: Planner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("importPreview")
        self.setWindowTitle(f"Import {incoming.name}")
        self.setMinimumWidth(520)
        self._incoming = incoming
        self._choices = list(choices)
        self._planner = planner
        self.plan: ImportPlan | None = None

        document = incoming.document
        cards = len(document.live_cards())
        about = plain_label(
            f"{incoming.name} is {_FORMAT_WORDS[incoming.format]}: canvas '{document.canvas.title}', "
            f"{cards} card{'s' if cards != 1 else ''}.",
            "importSource",
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(22, 18, 22, 14)
        layout.setSpacing(10)
        layout.addWidget(about)

        self.where = QButtonGroup(self)
        if len(self._choices) > 1:
            layout.addWidget(plain_label("Where should it go?", "sectionLabel"))
        for index, choice in enumerate(self._choices):
            button = QRadioButton(choice.label)
            button.setObjectName(f"destination_{index}")
            button.setToolTip(choice.tip)
            self.where.addButton(button, index)
            layout.addWidget(button)
            button.setVisible(len(self._choices) > 1)
        if len(self._choices) == 1:
            layout.addWidget(plain_label(self._choices[0].label, "importDestination"))

        grid = QGridLayout()
        grid.setHorizontalSpacing(24)
        self.counts: dict[str, QLabel] = {}
        for column, (name, caption) in enumerate(
            (("added", "Added"), ("updated", "Updated"), ("deleted", "Deleted"), ("conflicts", "In conflict"))
        ):
            number = plain_label("0", f"count_{name}")
            number.setAlignment(Qt.AlignmentFlag.AlignCenter)
            font = number.font()
            font.setPointSizeF(font.pointSizeF() * 1.6)
            font.setBold(True)
            number.setFont(font)
            words = plain_label(caption, "fieldLabel")
            words.setAlignment(Qt.AlignmentFlag.AlignCenter)
            grid.addWidget(number, 0, column)
            grid.addWidget(words, 1, column)
            self.counts[name] = number
        layout.addLayout(grid)

        self.conflict_caption = plain_label(
            "In conflict (changed on both sides): both versions are kept side by side, one marked as the conflict "
            "and joined to the other. Keep one later, in the inspector.",
            "fieldLabel",
        )
        self.conflict_list = QListWidget()
        self.conflict_list.setObjectName("conflicts")
        self.conflict_list.setMaximumHeight(140)
        self.conflict_list.setWordWrap(True)
        self.conflict_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout.addWidget(self.conflict_caption)
        layout.addWidget(self.conflict_list)
        self.notes = plain_label("", "importNotes")
        layout.addWidget(self.notes)
        self.summary = plain_label("", "importSummary")
        layout.addWidget(self.summary)

        buttons = QDialogButtonBox()
        self.import_button = QPushButton("Import")
        self.import_button.setObjectName("importButton")
        self.import_button.setDefault(True)
        buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

        self.where.idToggled.connect(self._toggled)
        first = self.where.button(0)
        if first is not None:
            first.setChecked(True)

    @property
    def destination(self) -> Destination:
        return self._choices[max(self.where.checkedId(), 0)]

    def choose(self, index: int) -> None:
        """Pick another destination (as clicking its button does)."""
        button = self.where.button(index)
        if button is not None:
            button.setChecked(True)

    def _toggled(self, index: int, checked: bool) -> None:
        if checked:
            self._show_plan(index)

    def _show_plan(self, index: int) -> None:
        try:
            self.plan = self._planner(self._choices[index])
        except (StoreError, ValueError) as error:
            self.plan = None
            for label in self.counts.values():
                label.setText("–")
            self.conflict_list.clear()
            self.notes.setText("")
            self.summary.setText(f"This cannot be imported there: {error}")
            self.import_button.setEnabled(False)
            return
        result = self.plan.result
        for name, value in (
            ("added", result.added),
            ("updated", result.updated),
            ("deleted", result.deleted),
            ("conflicts", len(result.conflicts)),
        ):
            self.counts[name].setText(str(value))
        self.conflict_list.clear()
        self.conflict_list.addItems([str(conflict) for conflict in result.conflicts])
        self.conflict_caption.setVisible(bool(result.conflicts))
        self.conflict_list.setVisible(bool(result.conflicts))
        carried = self.plan.carried
        notes = [f"The model '{spec.name}' comes with the file and is kept with the canvas." for spec in carried]
        notes += list(self.plan.notes)
        self.notes.setText("\n".join(notes))
        self.notes.setVisible(bool(notes))
        if result.changes:
            self.summary.setText("Nothing changes until you press Import; one Undo takes the whole import back.")
        else:
            self.summary.setText(f"Nothing to import: canvas '{result.canvas_title}' already holds everything in it.")
        self.import_button.setEnabled(bool(result.changes))
