"""Deleting can be undone: the history of deletes, and Edit > Undo.

Every delete in the app goes through `Operations.delete`, which records what the delete
took away (prepdesk/store/deletion.py) here. Edit > Undo puts the last deleted item back
with everything linked to it, in one write, so every page shows it again.

Ctrl+Z reaches Edit > Undo only when the focus is not in a text field: Qt first offers
the key to the focused widget (a ShortcutOverride event), and every editable text field
(line edits, text edits, spin boxes, editable combo boxes) claims Ctrl+Z for its own
typing history.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMessageBox

from prepdesk.store.deletion import Deletion, RestoreRefused, restore
from prepdesk.ui.deleted_items import describe, summary

if TYPE_CHECKING:
    from prepdesk.ui.operations import Operations

HISTORY_LIMIT = 100  # deletes kept for undo, newest first out
MESSAGE_MS = 10_000


@dataclass(frozen=True, eq=False)  # one entry is one delete: compared by identity
class DeletionEntry:
    label: str  # "story 'Feature store'"
    deletion: Deletion
    database: object  # the Database it was deleted from: a restored backup has other ids


class DeletionHistory(QObject):
    """The deletes that can be undone, last one first."""

    changed = Signal()

    def __init__(self, ops: Operations) -> None:
        super().__init__(ops)
        self._ops = ops
        self._entries: list[DeletionEntry] = []

    def record(self, deletion: Deletion) -> DeletionEntry:
        entry = DeletionEntry(describe(deletion), deletion, self._ops.db)
        self._entries.append(entry)
        del self._entries[:-HISTORY_LIMIT]
        self.changed.emit()
        return entry

    def last(self) -> DeletionEntry | None:
        """The delete Edit > Undo would take back (None: nothing to undo)."""
        self._entries = [e for e in self._entries if e.database is self._ops.db]
        return self._entries[-1] if self._entries else None

    def undo(self) -> str:
        """Puts the last deleted item back; returns what came back, in words.

        Raises LookupError when there is nothing to undo, WriteFailed when the write
        failed (the person was told; the delete stays undoable), and RestoreRefused when
        it can never come back as it was (the delete leaves the history).
        """
        entry = self.last()
        if entry is None:
            raise LookupError("nothing to undo")
        try:
            self._ops.write(
                lambda session: restore(session, entry.deletion),
                what=f"undoing the delete of the {entry.label}",
            )
        except RestoreRefused:
            self._drop(entry)
            raise
        self._drop(entry)
        return summary(entry.deletion)

    def _drop(self, entry: DeletionEntry) -> None:
        if entry in self._entries:
            self._entries.remove(entry)
        self.changed.emit()


class UndoDeleteAction(QAction):
    """Edit > Undo (Ctrl+Z): "Undo delete story 'X'", disabled when there is nothing."""

    def __init__(self, ops: Operations, window: QMainWindow) -> None:
        super().__init__("&Undo", window)
        self._ops = ops
        self._window = window
        self.message_box: QMessageBox | None = None
        self.setShortcut(QKeySequence("Ctrl+Z"))
        # Also from the windows the main window owns (a stage's checklist window).
        self.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.triggered.connect(self.undo)
        ops.deletions.changed.connect(self.update_state)
        ops.changed.connect(self.update_state)  # a restored backup: other data, no history
        self.update_state()

    def update_state(self) -> None:
        entry = self._ops.deletions.last()
        self.setEnabled(entry is not None)
        label = entry.label.replace("&", "&&") if entry is not None else ""
        self.setText(f"&Undo delete {label}" if entry is not None else "&Undo")

    def undo(self) -> None:
        from prepdesk.ui.operations import WriteFailed

        if self._ops.deletions.last() is None:
            return
        try:
            came_back = self._ops.deletions.undo()
        except WriteFailed:
            return  # the person was told; the delete can be undone once the cause is gone
        except RestoreRefused as exc:
            self._refused(str(exc))
            return
        self._window.statusBar().showMessage(f"Restored {came_back}", MESSAGE_MS)

    def _refused(self, reason: str) -> None:
        text = f"The delete cannot be undone: {reason}."
        self._window.statusBar().showMessage(text, MESSAGE_MS)
        box = QMessageBox(
            QMessageBox.Icon.Information,
            "Cannot undo",
            text,
            QMessageBox.StandardButton.Ok,
            self._window,
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.message_box = box
        box.open()
