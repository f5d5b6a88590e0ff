"""What the window looks like while the data opens: navigation and the dashboard's frame.

Painted before the store, the ORM and the charts are imported (they take most of a
start-up), so a window is there at once. It is built from the same pieces as the main
window (the page list, the dashboard frame and its chart panels) and at the same
geometry; the main window replaces it as soon as it has painted itself. The number
panels' places are plain frames at first: when the numbers kept from the last run are
still those of the data, the real panels take those places right after the first paint,
filled with them (their buttons disabled: the data isn't open yet).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSize, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QWidget,
)

from prepdesk.ui.dashboard.chart_panel import ChartPanel
from prepdesk.ui.dashboard.chart_specs import CHARTS
from prepdesk.ui.dashboard.frame import NUMBERS_STRETCH, dashboard_frame
from prepdesk.ui.icons import app_icon, icon
from prepdesk.ui.pages.registry import PAGES
from prepdesk.ui.qt_settings import ui_settings

if TYPE_CHECKING:
    from prepdesk.core.dashboard_numbers import DashboardNumbers
    from prepdesk.ui.dashboard.number_panels import NumberPanels

MENUS = ("&File", "&Edit", "&View", "&Go", "&Help")


class FirstPaint(QObject):
    """Emits `painted` once, after `widget` has been painted for the first time."""

    painted = Signal()

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self._seen = False
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self._seen:
            self._seen = True
            QTimer.singleShot(0, self, self.painted.emit)  # once the window is on screen
        return False


class StartShell(QMainWindow):
    numbers_shown = Signal()  # the kept numbers have been painted

    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle("prepdesk")
        self.setWindowIcon(app_icon())
        self.setMinimumSize(QSize(720, 520))
        for title in MENUS:
            self.menuBar().addMenu(title).setEnabled(False)
        navigation = QListWidget()
        navigation.setObjectName("navigation")
        navigation.setIconSize(QSize(22, 22))
        navigation.setSpacing(2)
        navigation.setFixedWidth(self.fontMetrics().averageCharWidth() * 22)
        for spec in PAGES:
            navigation.addItem(QListWidgetItem(icon(spec.icon_name), spec.title))
        navigation.setCurrentRow(0)
        self.numbers: NumberPanels | None = None  # built when kept numbers come
        self._places = [(QFrame(frameShape=QFrame.Shape.StyledPanel), n) for n in NUMBERS_STRETCH]
        for place, _stretch in self._places:
            place.setMinimumHeight(150)  # about the panels' height, so the charts start there
        charts = [
            (spec, ChartPanel(spec.key, spec.title, spec.empty_message, height=spec.height))
            for spec in CHARTS
        ]
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(navigation)
        layout.addWidget(dashboard_frame(self._places, charts), 1)
        self.setCentralWidget(central)
        self.statusBar().showMessage("Opening your data…")
        geometry = ui_settings().value("main_window/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1280, 820)
        self.first_paint = FirstPaint(self)

    def show_numbers(self, numbers: DashboardNumbers) -> None:
        """The number panels in their places, filled; `numbers_shown` once on screen."""
        from prepdesk.ui.dashboard.number_panels import NumberPanels
        from prepdesk.ui.today_view import TodayView

        panels = self.numbers = NumberPanels(TodayView(interactive=False))
        content = self._places[0][0].parentWidget()
        layout = content.layout() if content is not None else None
        assert layout is not None  # the dashboard frame's content holds the places
        for (place, _stretch), (panel, _same) in zip(self._places, panels.row(), strict=True):
            layout.replaceWidget(place, panel)  # found in the row of number panels
            place.deleteLater()
        panels.show(numbers, datetime.now(UTC))
        FirstPaint(panels.countdown.remaining).painted.connect(self.numbers_shown)
