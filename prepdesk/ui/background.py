"""Run long work (backups, imports, exports) off the GUI thread and report back on it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class _Signals(QObject):
    finished = Signal(object)
    failed = Signal(str)


class BackgroundTask(QRunnable):
    """A function run on Qt's thread pool; `finished`/`failed` arrive on the GUI thread."""

    def __init__(self, fn: Callable[[], Any]) -> None:
        super().__init__()
        self._fn = fn
        self.signals = _Signals()

    def run(self) -> None:
        try:
            result = self._fn()
        except Exception as exc:  # reported to the user, never swallowed
            self.signals.failed.emit(str(exc))
        else:
            self.signals.finished.emit(result)


def run_in_background(
    fn: Callable[[], Any],
    on_finished: Callable[[Any], None],
    on_failed: Callable[[str], None],
) -> BackgroundTask:
    task = BackgroundTask(fn)
    task.signals.finished.connect(on_finished)
    task.signals.failed.connect(on_failed)
    QThreadPool.globalInstance().start(task)
    return task
