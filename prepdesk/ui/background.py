"""Run long work (backups, imports, exports, chart data) off the GUI thread.

Results come back on the GUI thread through a relay object parented to the
widget that asked: when that widget is deleted (its page closed, a test torn
down), the relay goes with it and Qt drops the result instead of calling into
deleted widgets. Running tasks are kept alive here until they report, so
callers need no bookkeeping of their own.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from prepdesk.ui.gui_thread_gc import collect_on_gui_thread

_RUNNING: set[BackgroundTask] = set()


class _Signals(QObject):
    finished = Signal(object)
    failed = Signal(str)


class _Relay(QObject):
    """Lives on the GUI thread as a child of the owner; receives the task's result."""

    def __init__(
        self,
        owner: QObject,
        task: BackgroundTask,
        on_finished: Callable[[Any], None],
        on_failed: Callable[[str], None],
    ) -> None:
        super().__init__(owner)
        self._task = task
        self._on_finished = on_finished
        self._on_failed = on_failed

    @Slot(object)
    def deliver(self, result: object) -> None:
        self._done()
        self._on_finished(result)

    @Slot(str)
    def fail(self, message: str) -> None:
        self._done()
        self._on_failed(message)

    def _done(self) -> None:
        _RUNNING.discard(self._task)
        self.deleteLater()


class BackgroundTask(QRunnable):
    """A function run on Qt's thread pool; `finished`/`failed` arrive on the GUI thread."""

    def __init__(self, fn: Callable[[], Any]) -> None:
        super().__init__()
        self.setAutoDelete(False)  # Python owns it, through _RUNNING, until it reports
        self._fn = fn
        self.signals = _Signals()

    def run(self) -> None:
        try:
            result = self._fn()
        except Exception as exc:  # reported to the user, never swallowed
            self._report(self.signals.failed, str(exc))
        else:
            self._report(self.signals.finished, result)

    @staticmethod
    def _report(signal: Any, value: object) -> None:
        # RuntimeError: the application is being torn down and nobody is left to tell.
        with contextlib.suppress(RuntimeError):
            signal.emit(value)


def run_in_background(
    fn: Callable[[], Any],
    on_finished: Callable[[Any], None],
    on_failed: Callable[[str], None],
    *,
    owner: QObject,
) -> BackgroundTask:
    """Run `fn` on the thread pool; the callbacks run on the GUI thread while `owner` lives."""
    collect_on_gui_thread()  # a worker thread must never free Qt objects
    task = BackgroundTask(fn)
    relay = _Relay(owner, task, on_finished, on_failed)
    task.signals.finished.connect(relay.deliver)
    task.signals.failed.connect(relay.fail)
    _RUNNING.add(task)
    QThreadPool.globalInstance().start(task)
    return task


def finish_background_work(timeout_ms: int = 60_000) -> bool:
    """Wait for running tasks (a backup, an export) before the database is closed."""
    return QThreadPool.globalInstance().waitForDone(timeout_ms)
