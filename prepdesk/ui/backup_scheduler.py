"""Automatic backups while the app runs: at start-up when the last is a day old, then every
30 minutes of use. Each runs off the GUI thread; the quit-time backup is in app.py."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject, QTimer, Signal

from prepdesk.store.backup_policy import PERIODIC_INTERVAL, automatic_backup, backup_due
from prepdesk.store.paths import DataPaths
from prepdesk.ui.background import run_in_background
from prepdesk.ui.clock import system_clock


class BackupScheduler(QObject):
    finished = Signal(object)  # the Path written, None when skipped, or an error message (str)

    def __init__(
        self,
        paths: Callable[[], DataPaths],
        parent: QObject | None = None,
        *,
        now: Callable[[], datetime] = system_clock,
        interval_ms: int = int(PERIODIC_INTERVAL.total_seconds() * 1000),
    ) -> None:
        super().__init__(parent)
        self._paths = paths
        self._now = now
        self._running = False  # one backup at a time
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(lambda: self.back_up("periodic"))

    def start(self) -> None:
        if backup_due(self._paths(), self._now()):
            self.back_up("startup")
        self.timer.start()

    def back_up(self, reason: str) -> None:
        if self._running:
            return  # the next tick will do
        paths, now = self._paths(), self._now()
        self._running = True
        run_in_background(
            lambda: automatic_backup(paths, reason, now), self._done, self._done, owner=self
        )

    def _done(self, result: object) -> None:
        self._running = False
        self.finished.emit(result)
