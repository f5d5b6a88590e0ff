"""Tells the person when a write failed, and again when saving works once more.

One non-modal message at a time (an autosave retries every few seconds; the person
is told once per cause, not once per try), plus a line in the status bar.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QMainWindow, QMessageBox

from prepdesk.ui.operations import Operations, WriteFailure


class WriteFailureNotice(QObject):
    def __init__(self, ops: Operations, window: QMainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.box: QMessageBox | None = None
        self.last: WriteFailure | None = None
        ops.write_failed.connect(self.show_failure)
        ops.write_succeeded.connect(self._on_success)

    def show_failure(self, failure: WriteFailure) -> None:
        first = self.last is None or self.last.reason != failure.reason
        self.last = failure
        self._window.statusBar().showMessage(failure.message)
        if not first and self.box is not None:
            self.box.setText(failure.message)
            return
        if self.box is None:
            box = QMessageBox(self._window)
            box.setIcon(QMessageBox.Icon.Warning)
            box.setWindowTitle("Not saved")
            box.setStandardButtons(QMessageBox.StandardButton.Ok)
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.destroyed.connect(self._forget_box)
            self.box = box
        self.box.setText(failure.message)
        self.box.setInformativeText(
            "What you typed stays in its field and is saved as soon as that is possible; "
            "everything saved before is intact."
        )
        self.box.open()

    def _forget_box(self) -> None:
        self.box = None

    def _on_success(self) -> None:
        if self.last is not None:
            self.last = None
            self._window.statusBar().showMessage("Saving works again: all changes saved", 5000)
            if self.box is not None:
                self.box.close()

    def confirm_quit(self) -> bool:
        """Asked on close when edits could not be saved: True to quit anyway."""
        reason = self.last.reason if self.last is not None else "an error"
        answer = QMessageBox.warning(
            self._window,
            "Quit without saving?",
            f"Some of your changes could not be saved ({reason}). If you quit now they "
            "are lost. Quit anyway?",
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Discard
