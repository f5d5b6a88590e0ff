"""The floor: a bare PySide6 window, timed from process launch to its first paint."""

from __future__ import annotations

import json
import resource
import sys
import time

LAUNCHED = float(sys.argv[1])

from PySide6.QtCore import QEvent, QObject, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow  # noqa: E402


class FirstPaint(QObject):
    def __init__(self, app: QApplication) -> None:
        super().__init__()
        self.app = app
        self.seen = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self.seen:
            self.seen = True
            painted = time.time() - LAUNCHED
            QTimer.singleShot(0, lambda: self.report(painted))
        return False

    def report(self, painted: float) -> None:
        peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        print(json.dumps({"first_paint": painted, "peak_rss_mb": peak_kb / 1024}))
        self.app.quit()


app = QApplication(sys.argv[:1])
window = QMainWindow()
label = QLabel("Hello")
window.setCentralWidget(label)
probe = FirstPaint(app)
label.installEventFilter(probe)
window.resize(1280, 820)
window.show()
app.exec()
