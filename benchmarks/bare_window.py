"""The floor: a bare PySide6 window, timed from process launch to its first paint."""

from __future__ import annotations

import sys

from paint_clock import children_mb, launched_at, make_paint_clock, peak_mb, report, resident_mb

LAUNCHED = launched_at()

from PySide6 import QtCore  # noqa: E402
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow  # noqa: E402


def settled() -> None:
    report({**clock.times, "rss_mb": resident_mb() + children_mb(), "peak_mb": peak_mb()})
    app.quit()


app = QApplication(sys.argv[:1])
clock = make_paint_clock(QtCore)(LAUNCHED, settled)
app.installEventFilter(clock)
clock.arm()
window = QMainWindow()
window.setCentralWidget(QLabel("Hello"))
window.resize(1280, 820)
window.show()
app.exec()
