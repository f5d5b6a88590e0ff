"""The dashboard's frame: the row of number panels over the grid of charts, scrolling.

Shared by the dashboard page and the start-up shell, which paints the same frame
before the data is open.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QScrollArea, QVBoxLayout, QWidget

from prepdesk.ui.dashboard.chart_specs import ChartSpec

NUMBERS_STRETCH = (2, 4, 4)  # the number panels' shares of the row, in the window and the shell


def dashboard_frame(
    top: Sequence[tuple[QWidget, int]], charts: Sequence[tuple[ChartSpec, QWidget]]
) -> QScrollArea:
    """The scrolling page: `top` widgets (with stretch) in a row, then the charts' grid."""
    row = QHBoxLayout()
    for widget, stretch in top:
        row.addWidget(widget, stretch)
    grid = QGridLayout()
    grid.setSpacing(10)
    line = column = 0
    for spec, panel in charts:
        if spec.wide:
            if column:
                line, column = line + 1, 0
            grid.addWidget(panel, line, 0, 1, 2)
            line += 1
        else:
            grid.addWidget(panel, line, column)
            line, column = (line, 1) if column == 0 else (line + 1, 0)
    grid.setColumnStretch(0, 1)
    grid.setColumnStretch(1, 1)
    content = QWidget()
    content.setObjectName("dashboardContent")
    inner = QVBoxLayout(content)
    inner.setContentsMargins(12, 12, 12, 12)
    inner.setSpacing(10)
    inner.addLayout(row)
    inner.addLayout(grid)
    inner.addStretch(1)
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    # The content is always taller than the window; a scroll bar that never comes and
    # goes keeps chart widths stable, so an image rendered for a width stays right.
    scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setWidget(content)
    scroll.setAccessibleName("Dashboard")
    return scroll
