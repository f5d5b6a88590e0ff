"""One piece of long work started by a button or a menu command, run off the GUI thread.

The window stays usable meanwhile. The controls that started it are disabled until it
ends (no second copy started by a double click); once it has run for PROGRESS_AFTER_MS
its label and a busy bar show in the main window's status bar (a busy cursor over a
window with no status bar of its own, like a checklist window). The result or the
failure then reaches the person on the GUI thread, through the caller's callbacks.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCursor
from PySide6.QtWidgets import QMessageBox, QWidget

from prepdesk.ui.background import run_in_background

PROGRESS_AFTER_MS = 200


def status_progress_for(widget: QWidget) -> Any:
    """The status-bar progress of the main window `widget` lives in, or under (None if none)."""
    current: QWidget | None = widget
    while current is not None:
        progress = getattr(current.window(), "status_progress", None)
        if progress is not None:
            return progress
        current = current.window().parentWidget()
    return None


class StatusTask(QObject):
    """Runs `work` on the thread pool once `start` is called; then it deletes itself."""

    finished = Signal(bool, str)  # succeeded, what the person was told (or "")

    def __init__(
        self, owner: QWidget, label: str, *, disable: Sequence[QWidget | QAction] = ()
    ) -> None:
        super().__init__(owner)
        self.setObjectName("statusTask")
        self._owner = owner
        self._label = label
        self._disable = [control for control in disable if control.isEnabled()]
        self._progress: Any = None
        self._cursor = False
        self.message_box: QMessageBox | None = None  # a failure shown, for tests
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PROGRESS_AFTER_MS)
        self._timer.timeout.connect(self._show_progress)

    def start(
        self,
        work: Callable[[], Any],
        on_done: Callable[[Any], str],
        failure_title: str,
    ) -> None:
        """`on_done(result)` runs on the GUI thread and returns what it told the person.

        A failure (any exception in `work` or `on_done`) is shown in a warning titled
        `failure_title`, without blocking the window.
        """
        for control in self._disable:
            control.setEnabled(False)
        self._timer.start()

        def done(result: object) -> None:
            try:
                told = on_done(result)
            except Exception as exc:  # reported to the person, never swallowed
                failed(str(exc))
                return
            self._end(True, told)

        def failed(message: str) -> None:
            self._end_progress()
            box = QMessageBox(
                QMessageBox.Icon.Warning,
                failure_title,
                message,
                QMessageBox.StandardButton.Ok,
                self._owner,
            )
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()  # not exec(): the window keeps running while the person reads why
            self.message_box = box
            self._end(False, message)

        run_in_background(work, done, failed, owner=self)

    def _show_progress(self) -> None:
        self._progress = status_progress_for(self._owner)
        if self._progress is not None:
            self._progress.start(self._label)
        else:
            self._owner.setCursor(QCursor(Qt.CursorShape.BusyCursor))
            self._cursor = True

    def _end_progress(self) -> None:
        self._timer.stop()
        if self._progress is not None:
            self._progress.finish()
            self._progress = None
        if self._cursor:
            self._owner.unsetCursor()
            self._cursor = False

    def _end(self, ok: bool, told: str) -> None:
        self._end_progress()
        for control in self._disable:
            control.setEnabled(True)
        self.finished.emit(ok, told)
        self.deleteLater()
