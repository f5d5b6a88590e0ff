"""The chart worker process: charts (and answers' formulas) render there, never on the
GUI's GIL.

One ProcessPoolExecutor (spawn context, two workers at most) per application, started
after the window's first paint and warmed up (matplotlib imported) at once. Results
come back on the GUI thread through a Qt signal; the pool ends when the application
quits.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from shiboken6 import isValid

from prepdesk.ui.dashboard.chart_jobs import ChartImage, ChartJob, run_job, warm_up

WORKERS = 2


class ChartRenderer(QObject):
    _finished = Signal(object, object)  # (callback, Future), emitted from the pool's thread

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = ProcessPoolExecutor(
            max_workers=WORKERS, mp_context=multiprocessing.get_context("spawn")
        )
        self._finished.connect(self._deliver)
        for _ in range(WORKERS):
            self._pool.submit(warm_up)

    def submit(
        self, job: ChartJob, done: Callable[[ChartImage | Exception], None], owner: QObject
    ) -> None:
        """Run `job` in a worker; `done` gets its ChartImage (or the error) on the GUI
        thread, only while `owner` (the page that asked) still exists."""
        self.run(run_job, (job,), done, owner)

    def run(
        self,
        function: Callable[..., Any],
        args: tuple[Any, ...],
        done: Callable[[Any], None],
        owner: QObject,
    ) -> None:
        """Run `function(*args)` (importable, Qt-free) in a worker; `done` gets its result
        (or the error) on the GUI thread, only while `owner` still exists."""
        future = self._pool.submit(function, *args)
        future.add_done_callback(lambda f: self._finished.emit((done, owner), f))

    def _deliver(self, target: tuple[Callable[[Any], None], QObject], future: Future) -> None:
        done, owner = target
        if not isValid(owner):
            return  # the page was closed meanwhile
        try:
            result: ChartImage | Exception = future.result()
        except Exception as exc:  # a broken chart must reach the person, not end the others
            result = exc
        done(result)

    def shut_down(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)


def chart_renderer() -> ChartRenderer:
    """The application's chart renderer, started on first use."""
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("chart_renderer() needs a QApplication")
    renderer = app.findChild(ChartRenderer, "chartRenderer")
    if renderer is None:
        renderer = ChartRenderer(app)
        renderer.setObjectName("chartRenderer")
        app.aboutToQuit.connect(renderer.shut_down)
    return renderer
