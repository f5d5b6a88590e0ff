"""The formula process: answers' LaTeX formulas render there, never on the GUI's GIL.

(The dashboard's charts are painted in the window: native_charts.py.) One worker process
(spawn context) per application, started only when a formula has to be drawn. It ends
after IDLE_MS without work, giving its memory back, and when the application quits; the
next render starts it again. Results come back on the GUI thread through a Qt signal.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from shiboken6 import isValid

IDLE_MS = 120_000  # an idle worker process ends after this long


class FormulaProcess(QObject):
    _finished = Signal(object, object)  # (callback, Future), emitted from the pool's thread

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool: ProcessPoolExecutor | None = None
        self._pending = 0
        self.starts = 0  # how many times the process was started (tests, benchmarks)
        self._finished.connect(self._deliver)
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.setInterval(IDLE_MS)
        self._idle.timeout.connect(self._end_when_idle)

    @property
    def running(self) -> bool:
        return self._pool is not None

    def run(
        self,
        function: Callable[..., Any],
        args: tuple[Any, ...],
        done: Callable[[Any], None],
        owner: QObject,
    ) -> None:
        """Run `function(*args)` (importable, Qt-free) in the worker process; `done` gets its
        result (or the error) on the GUI thread, only while `owner` still exists."""
        try:
            future = self._process().submit(function, *args)
        except BrokenProcessPool:  # the process died (killed, out of memory): a new one
            self.shut_down()
            future = self._process().submit(function, *args)
        self._idle.stop()
        self._pending += 1
        future.add_done_callback(lambda f: self._finished.emit((done, owner), f))

    def _process(self) -> ProcessPoolExecutor:
        if self._pool is None:
            self._pool = ProcessPoolExecutor(
                max_workers=1, mp_context=multiprocessing.get_context("spawn")
            )
            self.starts += 1
        return self._pool

    def _deliver(self, target: tuple[Callable[[Any], None], QObject], future: Future) -> None:
        self._pending -= 1
        if not self._pending:
            self._idle.start()
        done, owner = target
        if not isValid(owner):
            return  # the page was closed meanwhile
        try:
            result: Any = future.result()
        except Exception as exc:  # a broken formula must reach the person, not end the others
            result = exc
        done(result)

    def _end_when_idle(self) -> None:
        if not self._pending:
            self.shut_down()

    def shut_down(self) -> None:
        pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=False, cancel_futures=True)


def formula_process() -> FormulaProcess:
    """The application's renderer (its process starts on the first formula)."""
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("formula_process() needs a QApplication")
    renderer = app.findChild(FormulaProcess, "chartRenderer")
    if renderer is None:
        renderer = FormulaProcess(app)
        renderer.setObjectName("chartRenderer")
        app.aboutToQuit.connect(renderer.shut_down)
    return renderer
