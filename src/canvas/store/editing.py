"""One edit, end to end: apply it to the document in memory and persist what it changed, or neither."""

from __future__ import annotations

from canvas.core.document import ChangeSet, Document
from canvas.core.edits import Edit
from canvas.store.repository import Store


def commit(store: Store, document: Document, edit: Edit) -> ChangeSet:
    """Apply `edit` to `document` and save its change set in one transaction.

    If saving fails the document is put back as it was and the error (usually StoreError) is raised, so the
    screen never shows an edit the store does not hold. An EditError from the edit itself changes nothing.
    """
    changes = edit.apply(document)
    try:
        store.apply(document.canvas.id, changes)
    except BaseException:
        document.apply_changes(changes.inverted())
        raise
    return changes
