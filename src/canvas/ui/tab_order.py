"""The window's Tab order for widgets made after the window: they go where they would be had they been made with it."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget


def takes_tab(widget: QWidget) -> bool:
    """Whether Tab stops at `widget`."""
    return bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)


def descendants_in_chain(parent: QWidget, first: QWidget | None = None) -> list[QWidget]:
    """`parent`'s widgets in the order Qt chains them (the order they were made in), from `first` if given (the
    first one made late: it and those made after it are last in the chain) or else from right after `parent`."""
    found: list[QWidget] = []
    widget = first if first is not None else parent.nextInFocusChain()
    while widget is not None and widget is not parent and parent.isAncestorOf(widget):
        found.append(widget)
        widget = widget.nextInFocusChain()
    return found


def place_after(anchor: QWidget, widgets: Iterable[QWidget]) -> None:
    """Put those of `widgets` that take Tab right after `anchor` in the Tab order, in the order given.

    A widget made late comes last in its window's Tab order; a part made when first needed (a bar's field, a panel's
    page) goes back after the widget it would have followed, usually its own container. Qt orders nothing after a
    widget that does not take Tab, so for that moment the anchor does."""
    policy = anchor.focusPolicy()
    anchor.setFocusPolicy(Qt.FocusPolicy.TabFocus)
    previous = anchor
    for widget in widgets:
        if takes_tab(widget):
            QWidget.setTabOrder(previous, widget)
            previous = widget
    anchor.setFocusPolicy(policy)
