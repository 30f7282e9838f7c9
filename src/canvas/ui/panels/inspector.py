"""The inspector: every field of the selected cards, or the selected flow's label and kind.

Each field edit is one undoable step; with several cards selected, an edit applies to all of them as one step.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QRect, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from canvas.core.document import ChangeSet
from canvas.core.edits import Batch, DeleteLinks, Edit, EditCard, EditLink
from canvas.core.model import Card, CardKind, Evidence, Link, Voice
from canvas.ui.controller import Controller
from canvas.ui.panels.conflicts import ConflictRow
from canvas.ui.panels.fields import (
    EMOTIONS,
    HINT,
    MIXED,
    CommitOnFocusOut,
    choice_box,
    score_box,
    shared_values,
    show_start,
    tags_text,
)
from canvas.ui.panels.swatches import SwatchRow
from canvas.ui.panels.where_else import WhereElse
from canvas.ui.tab_order import descendants_in_chain, place_after

#: The card page's form: each caption and the field it names (an Inspector attribute).
_CAPTIONS = (
    ("Title", "title"),
    ("Notes", "notes"),
    ("Kind", "kind"),
    ("Voice", "voice"),
    ("Evidence", "evidence"),
    ("Source", "source"),
    ("Tags", "tags"),
    ("Colour", "colour"),
    ("Emotion", "emotion"),
    ("Importance", "importance"),
    ("Satisfaction", "satisfaction"),
    ("Votes", "votes"),
)
#: The card page's margins: left, top, right, bottom.
_CARD_MARGINS = (12, 10, 12, 12)

W = TypeVar("W")


class OnCardPage(Generic[W]):
    """A widget of the inspector's card page: asking for it makes the page, if it is not made yet."""

    def __set_name__(self, owner: type, name: str) -> None:
        self._key = f"_page_{name}"

    def __get__(self, inspector: Inspector, owner: type | None = None) -> W:
        if self._key not in inspector.__dict__:
            inspector.card_page()
        value: W = inspector.__dict__[self._key]
        return value

    def __set__(self, inspector: Inspector, value: W) -> None:
        inspector.__dict__[self._key] = value


class Inspector(QStackedWidget):
    """Shows the selection; edits go through the controller as undoable steps. Esc hands the keyboard back."""

    #: The person pressed Esc in the inspector: the canvas should take the keyboard again.
    finished = Signal()
    #: str, str: a model and a card: the person asked to see the card there ("where else", on the card page).
    jumpRequested = Signal(str, str)

    heading = OnCardPage[QLabel]()
    conflict = OnCardPage[ConflictRow]()
    where_else = OnCardPage[WhereElse]()
    title = OnCardPage[QLineEdit]()
    notes = OnCardPage[QPlainTextEdit]()
    kind = OnCardPage[QComboBox]()
    voice = OnCardPage[QComboBox]()
    evidence = OnCardPage[QComboBox]()
    source = OnCardPage[QLineEdit]()
    tags = OnCardPage[QLineEdit]()
    colour = OnCardPage[SwatchRow]()
    emotion = OnCardPage[QComboBox]()
    importance = OnCardPage[QSpinBox]()
    satisfaction = OnCardPage[QSpinBox]()
    votes = OnCardPage[QSpinBox]()
    opportunity = OnCardPage[QLabel]()

    def __init__(self, controller: Controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("inspector")
        self._controller = controller
        self._card_ids: list[str] = []
        self._link_id: str | None = None
        # Every widget is made inside its final parent: a widget moved into another after it was made has the style
        # sheet's style passed down to it and its children again (~4 ms of this panel as a window opens).
        self._hint = QLabel(HINT, self)
        self._hint.setObjectName("panelHint")
        self._hint.setWordWrap(True)
        self._hint.setTextFormat(Qt.TextFormat.RichText)
        self._hint.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.addWidget(self._hint)
        # The card page (a dozen fields, ~12 ms to make and polish) is made when a card is first shown. The stack is
        # as wide as its widest page, and the card page is the widest: the hint keeps that width from the start, so
        # the dock and the canvas beside it do not move when the page comes.
        self._hint.setMinimumWidth(self._card_page_width())
        self._card_page: QWidget | None = None
        self._link_page = self._build_link_page()
        self.addWidget(self._link_page)
        back = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        back.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        back.activated.connect(self.finished.emit)
        controller.changed.connect(self._on_changed)
        controller.documentReplaced.connect(lambda _document: self._reset())

    # -- pages -----------------------------------------------------------------------------------------------

    def _card_page_width(self) -> int:
        """The card page's minimum width, without making it: its margins, the widest caption, the form's spacing and
        the widest field (the swatch row)."""
        # Measured as a label measures its text (whole pixels, rounded up).
        metrics = self.fontMetrics()
        captions = max(
            metrics.boundingRect(QRect(), Qt.AlignmentFlag.AlignLeft, label).width() for label, _ in _CAPTIONS
        )
        spacing = self.style().pixelMetric(QStyle.PixelMetric.PM_LayoutHorizontalSpacing)
        return _CARD_MARGINS[0] + captions + spacing + SwatchRow.row_width() + _CARD_MARGINS[2]

    def card_page(self) -> QWidget:
        """The page showing cards' fields, made when first needed."""
        return self._card_page if self._card_page is not None else self._build_card_page()

    def _build_card_page(self) -> QWidget:
        page = self._card_page = QWidget(self)
        outer = QVBoxLayout(page)
        outer.setContentsMargins(*_CARD_MARGINS)
        form = QFormLayout()
        outer.addLayout(form)
        self.where_else = WhereElse(self._controller, page)
        self.where_else.jumpRequested.connect(self.jumpRequested)
        outer.addWidget(self.where_else)
        outer.addStretch(1)
        form.setVerticalSpacing(7)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.heading = QLabel(page)
        self.heading.setObjectName("sectionLabel")
        form.addRow(self.heading)
        self.conflict = ConflictRow(self._controller, page)
        form.addRow(self.conflict)

        self.title = QLineEdit(page)
        self.title.setPlaceholderText("What happens to the customer?")
        self.title.editingFinished.connect(lambda: self._line_done("title", self.title))
        self.notes = QPlainTextEdit(page)
        self.notes.setPlaceholderText("Context, what was said, what we saw…")
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(88)
        CommitOnFocusOut(self.notes, self._notes_done)
        self.kind = choice_box([(kind.value.capitalize(), kind.value) for kind in CardKind], page)
        self.voice = choice_box([("Customer", Voice.CUSTOMER.value), ("Organization", Voice.ORGANIZATION.value)], page)
        self.evidence = choice_box(
            [
                ("Observed with customers", Evidence.OBSERVED.value),
                ("Reported by customers", Evidence.REPORTED.value),
                ("Assumed by us", Evidence.ASSUMED.value),
            ],
            page,
        )
        for name, combo in (("kind", self.kind), ("voice", self.voice), ("evidence", self.evidence)):
            combo.activated.connect(lambda _index, n=name, c=combo: self._edit(n, c.currentData()))
        self.source = QLineEdit(page)
        self.source.setPlaceholderText("e.g. interview 3")
        self.source.editingFinished.connect(lambda: self._line_done("source", self.source))
        self.tags = QLineEdit(page)
        self.tags.setPlaceholderText("comma, separated")
        self.tags.editingFinished.connect(lambda: self._line_done("tags", self.tags))
        self.colour = SwatchRow(page)
        self.colour.picked.connect(lambda colour: self._edit("colour", colour))
        self.emotion = choice_box(EMOTIONS, page)
        self.emotion.activated.connect(lambda _index: self._edit("emotion", self.emotion.currentData()))
        self.importance = score_box(10, "—", page)
        self.satisfaction = score_box(10, "—", page)
        self.votes = score_box(10_000, None, page)
        for name, box in (
            ("importance", self.importance),
            ("satisfaction", self.satisfaction),
            ("votes", self.votes),
        ):
            box.valueChanged.connect(lambda value, n=name: self._edit_score(n, value))
        self.opportunity = QLabel(page)
        self.opportunity.setObjectName("fieldLabel")

        for label, name in _CAPTIONS:
            widget = getattr(self, name)
            widget.setObjectName(f"field_{label.lower()}")
            # Qt makes the caption, with the field as its buddy (made in C++, it costs less to build and polish).
            form.addRow(label, widget)
            form.labelForField(widget).setObjectName("fieldLabel")
        form.addRow("", self.opportunity)
        self._placeholders = {line.objectName(): line.placeholderText() for line in (self.source, self.tags)}
        self.insertWidget(1, page)
        # Its fields go in the Tab order where they were when the page was made with the panel: after the hint.
        place_after(self._hint, descendants_in_chain(page))
        return page

    def _build_link_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(12, 10, 12, 12)
        self.link_heading = QLabel(page)
        self.link_heading.setObjectName("sectionLabel")
        self.link_heading.setWordWrap(True)
        form = QFormLayout()
        self.link_label = QLineEdit(page)
        self.link_label.setObjectName("field_flow")
        self.link_label.setPlaceholderText("What flows? money, data, trust…")
        self.link_label.editingFinished.connect(self._link_label_done)
        self.tangible = QCheckBox("Tangible (money, goods, data)", page)
        self.tangible.setObjectName("field_tangible")
        self.tangible.setToolTip("Tangible flows are drawn solid; intangible ones (trust, attention) dashed")
        self.tangible.clicked.connect(lambda checked: self._edit_link("tangible", bool(checked)))
        caption = QLabel("Flow", page)
        caption.setObjectName("fieldLabel")
        caption.setBuddy(self.link_label)
        form.addRow(caption, self.link_label)
        form.addRow("", self.tangible)
        remove = QPushButton("Delete flow", page)
        remove.setObjectName("danger")
        remove.clicked.connect(self._delete_link)
        layout.addWidget(self.link_heading)
        layout.addLayout(form)
        layout.addWidget(remove, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        return page

    # -- what is shown ---------------------------------------------------------------------------------------

    @property
    def card_ids(self) -> list[str]:
        return list(self._card_ids)

    @property
    def link_id(self) -> str | None:
        return self._link_id

    def show_cards(self, card_ids: Sequence[str]) -> None:
        document = self._controller.document
        wanted = [card_id for card_id in card_ids if document.card(card_id) is not None]
        refresh = wanted == self._card_ids and self._link_id is None
        if not refresh:
            self._commit_pending()  # a half-typed field belongs to the cards shown so far
        self._card_ids = wanted
        self._link_id = None
        if not self._card_ids:
            if self._card_page is not None:
                self.where_else.show_card(None)
            self.setCurrentIndex(0)
            return
        self._load_cards(keep_typing=refresh)
        self.setCurrentWidget(self.card_page())

    def show_link(self, link_id: str) -> None:
        link = self._controller.document.links.get(link_id)
        if link is None or link.deleted:
            self.show_cards([])
            return
        if link_id != self._link_id:
            self._commit_pending()
        self._card_ids = []
        self._link_id = link_id
        self._load_link(link)
        spec = self._controller.model_spec
        labels = list(spec.network.flow_labels) if spec is not None and spec.network is not None else []
        completer = QCompleter(labels, self.link_label)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.link_label.setCompleter(completer)
        self.setCurrentWidget(self._link_page)

    def focus_first_field(self) -> None:
        """Put the keyboard in the first field of what is shown (title, or a flow's label)."""
        target = self.link_label if self.currentWidget() is self._link_page else self.title
        target.setFocus(Qt.FocusReason.ShortcutFocusReason)
        target.selectAll()

    def _cards(self) -> list[Card]:
        document = self._controller.document
        return [card for card in map(document.card, self._card_ids) if card is not None]

    def _reset(self) -> None:
        """Another canvas is shown: forget the selection without committing anything to the new one."""
        self._card_ids, self._link_id = [], None
        lines = [self.link_label] if self._card_page is None else [self.title, self.source, self.tags, self.link_label]
        for line in lines:
            line.setModified(False)
        self.setCurrentIndex(0)

    def _load_cards(self, *, keep_typing: bool) -> None:
        """Show the cards' values. On a refresh of the same cards, a field being typed in keeps its text."""
        cards = self._cards()
        single = len(cards) == 1
        self.heading.setText(cards[0].kind.value.upper() if single else f"{len(cards)} CARDS SELECTED")
        self.conflict.show_card(cards[0] if single else None)
        focused = self.focusWidget() if keep_typing else None

        shared = shared_values(cards)

        def common(name: str) -> Any:
            return shared[name]

        self.title.setEnabled(single)
        self.notes.setEnabled(single)
        loaders: list[tuple[QWidget, Callable[[], None]]] = [
            (self.title, lambda: show_start(self.title, cards[0].title if single else "")),
            (self.notes, lambda: self.notes.setPlainText(cards[0].notes if single else "")),
            (self.source, lambda: self._set_line(self.source, common("source"))),
            (self.tags, lambda: self._set_line(self.tags, tags_text(common("tags")))),
        ]
        for widget, load in loaders:
            if widget is not focused:
                with QSignalBlocker(widget):
                    load()
        for name, combo in (("kind", self.kind), ("voice", self.voice), ("evidence", self.evidence)):
            value = common(name)
            with QSignalBlocker(combo):
                combo.setCurrentIndex(combo.findData(value.value) if value != MIXED else -1)
        emotion = common("emotion")
        with QSignalBlocker(self.emotion):
            self.emotion.setCurrentIndex(self.emotion.findData(emotion) if emotion != MIXED else -1)
        self.colour.set_colour(common("colour"))
        for name, box in (("importance", self.importance), ("satisfaction", self.satisfaction), ("votes", self.votes)):
            value = common(name)
            with QSignalBlocker(box):
                box.setValue(value if isinstance(value, int) else 0)
        card = cards[0]
        self.where_else.show_card(card.id if single else None)
        if single and card.importance is not None and card.satisfaction is not None:
            score = card.importance + max(card.importance - card.satisfaction, 0)
            self.opportunity.setText(f"Opportunity score {score}")
        else:
            self.opportunity.setText("")

    def _set_line(self, line: QLineEdit, value: Any) -> None:
        show_start(line, "" if value == MIXED else str(value))
        line.setPlaceholderText(MIXED if value == MIXED else self._placeholders[line.objectName()])

    def _load_link(self, link: Link) -> None:
        document = self._controller.document
        source, target = document.cards.get(link.source), document.cards.get(link.target)
        names = [card.title if card is not None else "?" for card in (source, target)]
        self.link_heading.setText(f"FLOW  {names[0]}  →  {names[1]}")
        if self.focusWidget() is not self.link_label:
            with QSignalBlocker(self.link_label):
                self.link_label.setText(link.label)
        with QSignalBlocker(self.tangible):
            self.tangible.setChecked(link.tangible)

    def _on_changed(self, changes: ChangeSet) -> None:
        if self._link_id is not None and self._link_id in changes.keys(Link.table):
            self.show_link(self._link_id)
        elif self._card_ids and changes.card_ids & set(self._card_ids):
            self.show_cards(self._card_ids)

    # -- edits -----------------------------------------------------------------------------------------------

    def _edit(self, name: str, value: Any) -> None:
        cards = [card for card in self._cards() if getattr(card, name) != value]
        if not cards:
            return
        edits: list[Edit] = [EditCard(card.id, {name: value}) for card in cards]
        if len(edits) == 1:
            self._controller.do(edits[0])
        else:
            self._controller.do(Batch(edits, name=f"Edit {name} of {len(edits)} cards"))

    def _line_done(self, name: str, line: QLineEdit) -> None:
        """Commit a one-line field the person changed (a field showing "several values" left alone stays so)."""
        if not line.isModified() or not self._card_ids:
            return
        line.setModified(False)
        text = line.text().strip()
        if name == "tags":
            self._edit("tags", tuple(dict.fromkeys(tag.strip() for tag in text.split(",") if tag.strip())))
        elif name == "title" and not text:
            self._load_cards(keep_typing=False)  # a card keeps a title: put the old one back
        else:
            self._edit(name, text)

    def _notes_done(self) -> None:
        cards = self._cards()
        if len(cards) == 1 and self.notes.toPlainText() != cards[0].notes:
            self._edit("notes", self.notes.toPlainText())

    def _link_label_done(self) -> None:
        if self.link_label.isModified():
            self.link_label.setModified(False)
            self._edit_link("label", self.link_label.text().strip())

    def _commit_pending(self) -> None:
        """Commit whatever was typed but not yet committed (the selection is about to change)."""
        if self._link_id is not None:
            self._link_label_done()
            return
        if self._card_page is None:
            return
        for name, line in (("title", self.title), ("source", self.source), ("tags", self.tags)):
            self._line_done(name, line)
        self._notes_done()

    def _edit_score(self, name: str, value: int) -> None:
        self._edit(name, value if (value or name == "votes") else None)

    def _edit_link(self, name: str, value: Any) -> None:
        if self._link_id is not None:
            self._controller.do(EditLink(self._link_id, {name: value}))

    def _delete_link(self) -> None:
        if self._link_id is not None:
            link_id, self._link_id = self._link_id, None
            self._controller.do(DeleteLinks((link_id,)))
            self.show_cards([])
