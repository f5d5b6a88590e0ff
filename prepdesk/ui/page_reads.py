"""A page's data read on a worker thread, shown on the GUI thread when it arrives.

Years of data take a page hundreds of milliseconds to read (3,000 problems: 0.4 s), which
the GUI thread must never wait for. `PageReads(ops, read, show, failed, owner)`: `start()`
reads with `read(session)` on the thread pool and calls `show(result)` on the GUI thread;
a start while a read runs reads once more after it, and only the newest result is shown
(the data changed meanwhile: the older one is already stale). What the person is editing
is the page's to keep (its EditForms keep every field with unsaved edits).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal
from sqlalchemy.orm import Session

from prepdesk.ui.background import run_in_background
from prepdesk.ui.operations import Operations


class PageReads(QObject):
    settled = Signal()  # the newest read was shown (or failed): the page is idle

    def __init__(
        self,
        ops: Operations,
        read: Callable[[Session], Any],
        show: Callable[[Any], None],
        failed: Callable[[str], None],
        owner: QObject,
    ) -> None:
        super().__init__(owner)
        self._ops = ops
        self._read = read
        self._show = show
        self._failed = failed
        self.loading = False
        self._again = False

    def start(self, read: Callable[[Session], Any] | None = None) -> None:
        """Reads the page's data now, or once more after the read running now; `read`
        replaces the reading function from now on (what to read changed on screen)."""
        if read is not None:
            self._read = read
        if self.loading:
            self._again = True
            return
        self.loading = True
        read, ops = self._read, self._ops
        run_in_background(lambda: ops.read(read), self._arrived, self._fail, owner=self)

    def is_idle(self) -> bool:
        return not self.loading

    def _arrived(self, result: object) -> None:
        self.loading = False
        if self._again:  # already stale: show only the next read
            self._again = False
            self.start()
            return
        self._show(result)
        self.settled.emit()

    def _fail(self, message: str) -> None:
        self.loading = False
        if self._again:
            self._again = False
            self.start()
            return
        self._failed(message)
        self.settled.emit()
