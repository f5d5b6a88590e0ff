"""Python's cycle collector runs on the GUI thread only.

Left automatic, the collector runs in whichever thread happens to allocate when its
thresholds are crossed: a worker thread reading chart data could then free a cycle that
holds Qt widgets, whose C++ destructors must run on the GUI thread, and the process
crashes. So the automatic collector is switched off and a timer on the GUI thread
collects with the same generational thresholds (the approach Anki and pyqtgraph take).

It follows Python's own generation thresholds, and once the window is up everything alive
then (modules, classes, the widgets) is frozen out of collection: a full collection would
otherwise walk all of it, a quarter of a second on the GUI thread with a few years of
data. It looks every half second: looking every 50 ms collected inside nested event
loops (a dialog's, a test's wait) often enough to crash the text-fit test.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QObject, QThread, QTimer

CHECK_MS = 500  # how often the GUI thread looks at the allocation counts (see above)
OBJECT_NAME = "guiThreadGarbageCollector"


class GuiThreadGarbageCollector(QObject):
    """While it lives, cycles are collected on the GUI thread, generation by generation."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.setObjectName(OBJECT_NAME)
        self._thresholds = gc.get_threshold()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_MS)
        self._timer.timeout.connect(self.check)
        self._timer.start()
        self.destroyed.connect(lambda *_: gc.enable())

    def check(self) -> None:
        """Collect the oldest generation whose count passed its threshold, as Python would."""
        counts = gc.get_count()
        if counts[0] <= self._thresholds[0]:
            return  # hardly anything allocated since the last look
        for generation in (2, 1, 0):
            if counts[generation] > self._thresholds[generation]:
                gc.collect(generation)
                return


def collect_on_gui_thread() -> None:
    """Switch the application to GUI-thread collection (once; from the GUI thread)."""
    app = QCoreApplication.instance()
    if app is None or QThread.currentThread() is not app.thread():
        return
    if app.findChild(GuiThreadGarbageCollector, OBJECT_NAME) is None:
        GuiThreadGarbageCollector(app)


def freeze_long_lived() -> None:
    """Leave everything alive now out of every future collection (once the window is up).

    What lives at that point lives as long as the window (modules, classes, widgets);
    objects made later are collected as before. The young generations are collected
    first, so the freeze keeps no fresh garbage.
    """
    gc.collect(1)
    gc.freeze()
