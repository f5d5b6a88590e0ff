"""The dashboard: countdown, readiness, today's work and seven charts.

Speed order: the page paints first with light placeholders; right after the first
paint the numbers load (a few indexed queries); then the chart data is aggregated
on a worker thread and the charts are drawn one per event-loop turn, so the window
never freezes. After a write only the parts whose data kinds changed are refreshed,
and a hidden dashboard just remembers what to refresh when it is shown again. (The
Today panel, shared with the Topics page, refreshes itself: a few indexed queries.)
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QPaintEvent, QShowEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QScrollArea, QVBoxLayout, QWidget

from prepdesk.core.readiness import Readiness, readiness
from prepdesk.store.changes import Change
from prepdesk.store.repositories.dashboard_summary import DashboardSummaryRepository
from prepdesk.ui.background import run_in_background
from prepdesk.ui.clock import system_clock
from prepdesk.ui.dashboard.chart_panel import ChartPanel
from prepdesk.ui.dashboard.chart_render import RenderedChart, RenderSize, render_chart
from prepdesk.ui.dashboard.chart_specs import CHARTS
from prepdesk.ui.dashboard.chart_style import ChartStyle
from prepdesk.ui.dashboard.countdown_panel import CountdownData, CountdownPanel
from prepdesk.ui.dashboard.readiness_panel import ReadinessPanel
from prepdesk.ui.dashboard.today_card import REHEARSALS_DEPEND_ON, TodayCard
from prepdesk.ui.operations import DataChanged, Operations
from prepdesk.ui.pages.page import Page

NUMBER_DEPENDENCIES = {
    "countdown": Change.STAGES | Change.COMPANIES | Change.SETTINGS,
    "readiness": Change.RATINGS
    | Change.TOPICS
    | Change.REVIEWS
    | Change.STORIES
    | Change.STAGES
    | Change.COMPANIES
    | Change.CHECKLIST
    | Change.SETTINGS,
    "rehearsals": REHEARSALS_DEPEND_ON,
}
COUNTDOWN_TICK_MS = 60_000
# Tasks outlive the page that started them (their signals must exist until they end).


class DashboardPage(Page):
    depends_on = Change.ALL

    checklist_requested = Signal(int)  # a stage id; the main window may open its checklist
    topics_requested = Signal(str)  # an area key ("" for all): show the Topics page
    rehearsals_requested = Signal()  # show the Stories page's Practice tab
    numbers_shown = Signal()
    charts_drawn = Signal()  # every chart that was due a redraw has been drawn

    def __init__(
        self,
        ops: Operations,
        parent: QWidget | None = None,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        super().__init__(ops, parent)
        self._ops = ops
        # What the dashboard links to is shown by the main window (Page.open_requested).
        self.checklist_requested.connect(lambda stage: self.open_requested.emit("checklist", stage))
        self.topics_requested.connect(lambda area: self.open_requested.emit("area", area))
        self.rehearsals_requested.connect(lambda: self.open_requested.emit("rehearsals", None))
        self._clock = clock or system_clock
        self._dirty_numbers = set(NUMBER_DEPENDENCIES)
        self._dirty_charts = {spec.key for spec in CHARTS}
        self._started = False
        self._scheduled = False
        self._drawing = False
        self._loading_numbers = False
        self._queue: list[tuple[str, Any]] = []
        self._countdown_data: CountdownData | None = None

        self.countdown = CountdownPanel()
        self.countdown.checklist_requested.connect(self.checklist_requested)
        self.readiness = ReadinessPanel()
        self.today = TodayCard(ops)
        self.today.rehearsals_requested.connect(self.rehearsals_requested)
        top = QHBoxLayout()
        top.addWidget(self.countdown, 3)
        top.addWidget(self.readiness, 4)
        top.addWidget(self.today, 4)

        self.charts: dict[str, ChartPanel] = {}
        grid = QGridLayout()
        grid.setSpacing(10)
        row = column = 0
        for spec in CHARTS:
            panel = ChartPanel(spec.key, spec.title, spec.empty_message, height=spec.height)
            self.charts[spec.key] = panel
            if spec.wide:
                if column:
                    row, column = row + 1, 0
                grid.addWidget(panel, row, 0, 1, 2)
                row += 1
            else:
                grid.addWidget(panel, row, column)
                row, column = (row, 1) if column == 0 else (row + 1, 0)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        self.charts["mastery-by-area"].picked.connect(self.topics_requested)

        content = QWidget()
        content.setObjectName("dashboardContent")
        inner = QVBoxLayout(content)
        inner.setContentsMargins(12, 12, 12, 12)
        inner.setSpacing(10)
        inner.addLayout(top)
        inner.addLayout(grid)
        inner.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        # The content is always taller than the window; a scroll bar that never comes
        # and goes keeps chart widths stable, so renders made off-thread stay valid.
        scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        scroll.setAccessibleName("Dashboard")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

        self._tick = QTimer(self)
        self._tick.setInterval(COUNTDOWN_TICK_MS)
        self._tick.timeout.connect(self._tick_countdown)

    # when to refresh --------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._started:
            # Everything slow waits until the window has been painted once.
            self._started = True
            self._tick.start()
            self._schedule()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._started and (self._dirty_numbers or self._dirty_charts):
            self._schedule()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self._started:
            # Chart colours come from the palette: a light/dark switch redraws them.
            self._dirty_charts.update(self.charts)
            self._schedule()

    def refresh(self, event: DataChanged) -> None:
        changes = event.changes
        for key, depends_on in NUMBER_DEPENDENCIES.items():
            if changes & depends_on:
                self._dirty_numbers.add(key)
        for spec in CHARTS:
            if changes & spec.depends_on:
                self._dirty_charts.add(spec.key)
        if self._started and self.isVisible():
            self._schedule()

    def is_idle(self) -> bool:
        """True when nothing is waiting to be refreshed or drawn."""
        return not (self._scheduled or self._drawing or self._dirty_numbers or self._dirty_charts)

    def _schedule(self) -> None:
        if not self._scheduled:
            self._scheduled = True
            QTimer.singleShot(0, self, self._refresh)

    def _refresh(self) -> None:
        self._scheduled = False
        if self._dirty_numbers and not self._loading_numbers:
            self._refresh_numbers()
        if self._dirty_charts and not self._drawing:
            self._load_charts()

    # numbers ------------------------------------------------------------------------------

    def today_date(self) -> date:
        return self._clock().astimezone().date()

    def _refresh_numbers(self) -> None:
        """Read the numbers on a worker thread; show them when they arrive."""
        dirty, self._dirty_numbers = self._dirty_numbers, set()
        self._loading_numbers = True
        now = self._clock()

        def read(session: Any) -> tuple[CountdownData, Readiness, int]:
            summary = DashboardSummaryRepository(session)
            upcoming, inputs = summary.readiness_inputs(now)
            stages = tuple(summary.upcoming_stages(now))
            rehearsals = summary.due_rehearsals(now)
            return CountdownData(now, upcoming, stages), readiness(inputs), rehearsals

        def show(result: object) -> None:
            assert isinstance(result, tuple)
            countdown, score, rehearsals = result
            self._countdown_data = countdown
            if "countdown" in dirty:
                self.countdown.show_data(countdown)
            if "readiness" in dirty:
                self.readiness.show_data(score)
            if "rehearsals" in dirty:
                self.today.show_rehearsals(rehearsals)
            self._loading_numbers = False
            self.numbers_shown.emit()
            if self._dirty_numbers:
                self._schedule()

        def failed(message: str) -> None:
            self.countdown.what.setText(f"Could not read your data: {message}")
            self._loading_numbers = False

        self._start(lambda: self._ops.read(read), show, failed)

    def _start(
        self,
        work: Callable[[], Any],
        finished: Callable[[Any], None],
        failed: Callable[[str], None],
    ) -> None:
        """Run `work` on the thread pool; the callbacks run only while the page exists."""
        run_in_background(work, finished, failed, owner=self)

    def _tick_countdown(self) -> None:
        if self._countdown_data is not None and self.isVisible():
            data = self._countdown_data
            self.countdown.show_data(CountdownData(self._clock(), data.next, data.upcoming))

    # charts -------------------------------------------------------------------------------

    def _load_charts(self) -> None:
        keys, self._dirty_charts = set(self._dirty_charts), set()
        self._drawing = True
        today = self.today_date()
        now = self._clock()
        specs = [spec for spec in CHARTS if spec.key in keys]
        # Sizes and colours are read here, on the GUI thread; the worker touches no widget.
        jobs = [
            (spec, self.charts[spec.key].render_size(), self.charts[spec.key].style())
            for spec in specs
        ]

        def load() -> list[tuple[str, Any]]:
            def read(session: Any) -> list[tuple[str, Any, RenderSize, ChartStyle]]:
                upcoming = DashboardSummaryRepository(session).next_interview(now)
                interview = upcoming.at.astimezone().date() if upcoming else None
                return [
                    (spec.key, spec.load(session, today, interview), size, style)
                    for spec, size, style in jobs
                ]

            loaded = self._ops.read(read)
            draws = {spec.key: spec.draw for spec in specs}
            rendered: list[tuple[str, Any]] = []
            for key, data, size, style in loaded:
                try:
                    rendered.append((key, render_chart(draws[key], data, style, size)))
                except Exception as exc:  # one broken chart must not stop the others
                    rendered.append((key, exc))
            return rendered

        def finished(result: object) -> None:
            assert isinstance(result, list)
            self._queue.extend(result)
            self._draw_next()

        def failed(message: str) -> None:
            for spec in specs:
                self.charts[spec.key].show_error(message)
            self._drawing = False

        self._start(load, finished, failed)

    def _draw_next(self) -> None:
        """Show one rendered chart, then yield to the event loop before the next."""
        if self._queue:
            key, rendered = self._queue.pop(0)
            if isinstance(rendered, RenderedChart):
                if not self.charts[key].adopt(rendered):
                    self._dirty_charts.add(key)  # resized meanwhile: render again
            else:
                self.charts[key].show_error(str(rendered))
        if self._queue:
            QTimer.singleShot(0, self, self._draw_next)
            return
        self._drawing = False
        if self._dirty_charts or self._dirty_numbers:
            self._schedule()
        if not self._dirty_charts:
            self.charts_drawn.emit()
