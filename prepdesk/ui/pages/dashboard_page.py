"""The dashboard: countdown, readiness, today's work and eight charts.

Speed order: the page paints first with light placeholders and the charts' last images
(the cache); right after the first paint the numbers load on a worker thread; then the
charts' data is loaded and hashed on a worker thread, and only charts whose hash differs
from what is shown are drawn (an unchanged dashboard draws nothing): a natively drawn
chart (native_charts.py) gets its data and paints itself in the window at once; the
others are rendered in the chart process, visible ones first. After a write only the
parts whose data kinds changed are refreshed, and a hidden dashboard just remembers what
to refresh when it is shown again. (The Today panel, shared with the Topics page,
refreshes itself, also off the GUI thread.)
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime
from functools import partial
from typing import Any

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtGui import QPaintEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QMessageBox, QVBoxLayout, QWidget

from prepdesk.core.dashboard_numbers import DashboardNumbers
from prepdesk.store.changes import Change
from prepdesk.store.repositories.dashboard_numbers import LiveNumbers, read_dashboard_numbers
from prepdesk.ui.background import run_in_background
from prepdesk.ui.clock import system_clock
from prepdesk.ui.dashboard.chart_cache import ChartCache
from prepdesk.ui.dashboard.chart_jobs import (
    ChartImage,
    ChartRequest,
    RenderJob,
    RenderSize,
    load_charts,
)
from prepdesk.ui.dashboard.chart_panel import ChartPanel, write_file
from prepdesk.ui.dashboard.chart_renderer import chart_renderer
from prepdesk.ui.dashboard.chart_specs import CHARTS
from prepdesk.ui.dashboard.frame import dashboard_frame
from prepdesk.ui.dashboard.native_charts import native_painter
from prepdesk.ui.dashboard.number_panels import NumberPanels, keep_numbers
from prepdesk.ui.dashboard.today_card import REHEARSALS_DEPEND_ON
from prepdesk.ui.dashboard.welcome import DashboardWelcome
from prepdesk.ui.operations import DataChanged, Operations
from prepdesk.ui.pages.page import Page
from prepdesk.ui.today_panel import TodayPanel

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
# The plan's outlook under the readiness score also follows study time and practice;
# the checklist's automatic items follow rehearsals; a design stage's readiness follows
# ML design sessions.
NUMBER_DEPENDENCIES["readiness"] |= (
    Change.SESSIONS | Change.PROBLEMS | Change.PRACTICE | Change.DESIGN
)
COUNTDOWN_TICK_MS = 60_000
RESIZE_SETTLE_MS = 250
# A native chart's data is hashed without a size: a resize only paints it again.
NATIVE_SIZE = RenderSize(0, 0, 1.0)
# Tasks outlive the page that started them (their signals must exist until they end).


class DashboardPage(Page):
    depends_on = Change.ALL

    checklist_requested = Signal(int)  # a stage id; the main window may open its checklist
    topics_requested = Signal(str)  # an area key ("" for all): show the Topics page
    rehearsals_requested = Signal()  # show the Stories page's Practice tab
    numbers_shown = Signal()
    visible_charts_shown = Signal()  # every chart in view is current
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
        self._numbers_seen = False
        self._pending: set[str] = set()  # charts being loaded or rendered now
        self._visible_pending: set[str] = set()
        self._cache = ChartCache(ops.db.paths.root)
        self._numbers: DashboardNumbers | None = None  # on screen (the countdown ticks)
        self._live: LiveNumbers | None = None  # the last read, kept for the next start
        self._kept_version = 0

        self.today_panel = TodayPanel(ops)
        self.numbers = NumberPanels(self.today_panel)
        self.countdown, self.readiness, self.today = (
            self.numbers.countdown,
            self.numbers.readiness,
            self.numbers.today,
        )
        self.countdown.checklist_requested.connect(self.checklist_requested)
        self.today.rehearsals_requested.connect(self.rehearsals_requested)
        self.today_panel.refreshed.connect(self._keep_numbers)
        self.charts: dict[str, ChartPanel] = {}
        for spec in CHARTS:
            panel = ChartPanel(spec.key, spec.title, spec.empty_message, height=spec.height)
            panel.save_requested.connect(lambda path, fmt, p=panel: self._save_chart(p, path, fmt))
            native = native_painter(spec.key) is not None
            cached = None if native else self._cache.load(spec.key)
            if cached is not None:  # the last image, shown at once; checked after first paint
                panel.adopt(cached)
            self.charts[spec.key] = panel
        self.charts["mastery-by-area"].picked.connect(self.topics_requested)
        scroll = dashboard_frame(
            self.numbers.row(),
            [(spec, self.charts[spec.key]) for spec in CHARTS],
        )
        self.content_scroll = scroll
        self.welcome = DashboardWelcome(ops.db.paths.root)  # the empty dashboard's next step
        self.welcome.hide()
        # Its buttons are the main window's own commands (Help > Plan…, File > Import…).
        self.welcome.plan_requested.connect(lambda: self._trigger("first_run_action"))
        self.welcome.import_requested.connect(lambda: self._trigger("import_action"))
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        outer.addWidget(self.welcome)

        self._tick = QTimer(self)
        self._tick.setInterval(COUNTDOWN_TICK_MS)
        self._tick.timeout.connect(self._tick_countdown)
        self._resize_settled = QTimer(self)
        self._resize_settled.setSingleShot(True)
        self._resize_settled.setInterval(RESIZE_SETTLE_MS)
        self._resize_settled.timeout.connect(self._after_resize)

    def _trigger(self, action_name: str) -> None:
        action = getattr(self.window(), action_name, None)
        if action is not None:
            action.trigger()

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
            # Chart colours come from the palette: a light/dark switch renders the images
            # again (a native chart paints itself in its new colours).
            self._dirty_charts.update(key for key in self.charts if native_painter(key) is None)
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
        return not (
            self._scheduled
            or self._drawing
            or self._loading_numbers
            or self._dirty_numbers
            or self._dirty_charts
            or self._resize_settled.isActive()
            or self.today_panel.loading
        )

    def _schedule(self) -> None:
        if not self._scheduled:
            self._scheduled = True
            QTimer.singleShot(0, self, self._refresh)

    def _refresh(self) -> None:
        self._scheduled = False
        if self._dirty_numbers and not self._loading_numbers:
            self._refresh_numbers()
        # At start-up the charts wait for the numbers (the cached images are on screen
        # meanwhile): the chart workers would otherwise compete with them for the CPU.
        numbers_first = self._loading_numbers and not self._numbers_seen
        if self._dirty_charts and not self._drawing and not numbers_first:
            self._load_charts()

    # numbers ------------------------------------------------------------------------------

    def today_date(self) -> date:
        return self._clock().astimezone().date()

    def _refresh_numbers(self) -> None:
        """Read the numbers on a worker thread; show them when they arrive."""
        dirty, self._dirty_numbers = self._dirty_numbers, set()
        self._loading_numbers = True
        now = self._clock()

        def show(live: LiveNumbers) -> None:
            self.welcome.setVisible(live.empty)
            self.content_scroll.setVisible(not live.empty)
            self._numbers, self._live = live.numbers, live
            self.numbers.show(live.numbers, live.numbers.computed_at, dirty)
            self._keep_numbers()
            self._loading_numbers = False
            self._numbers_seen = True
            self.numbers_shown.emit()
            if self._dirty_numbers or self._dirty_charts:
                self._schedule()

        def failed(message: str) -> None:
            self.countdown.what.setText(f"Could not read your data: {message}")
            self._loading_numbers = False
            self._numbers_seen = True
            self._schedule()

        self._start(lambda: self._ops.read(lambda s: read_dashboard_numbers(s, now)), show, failed)

    def show_last_numbers(self, numbers: DashboardNumbers) -> None:
        """Show the numbers kept from the last run (still those of the data) until the live
        ones arrive, so the window takes over from the start-up shell without a jump."""
        self._numbers = numbers
        self.numbers.show(numbers, self._clock())

    def _keep_numbers(self) -> None:
        """Keep the numbers on screen for the next start, once they and Today were read
        from the same version of the data."""
        today, live = self.today_panel.shown, self._live
        if live is None or live.empty or today is None or today[0] != live.version:
            return
        if live.version != self._kept_version:
            self._kept_version = live.version
            keep_numbers(self._ops.db.paths, live.version, replace(live.numbers, today=today[1]))

    def _start(
        self,
        work: Callable[[], Any],
        finished: Callable[[Any], None],
        failed: Callable[[str], None],
    ) -> None:
        """Run `work` on the thread pool; the callbacks run only while the page exists."""
        run_in_background(work, finished, failed, owner=self)

    def _tick_countdown(self) -> None:
        if self._numbers is not None and self.isVisible():
            self.numbers.show(self._numbers, self._clock(), {"countdown"})

    # charts -------------------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._started and any(native_painter(key) is None for key in self.charts):
            self._resize_settled.start()  # images scale meanwhile; render once it settles

    def _after_resize(self) -> None:
        for key, panel in self.charts.items():
            chart = panel.chart
            if chart is not None and chart.drew and chart.size != panel.render_size():
                self._dirty_charts.add(key)
        if self._dirty_charts and self.isVisible():
            self._schedule()

    def _visible_first(self, keys: set[str]) -> list[str]:
        order = [spec.key for spec in CHARTS if spec.key in keys]
        return sorted(order, key=lambda key: self.charts[key].visibleRegion().isEmpty())

    def _load_charts(self) -> None:
        """Load and hash the dirty charts' data on a worker thread, then draw only those
        whose data (or an image's size or colours) changed: a native chart is handed its
        data, an image is rendered in the chart process."""
        keys, self._dirty_charts = set(self._dirty_charts), set()
        self._drawing = True
        today, now = self.today_date(), self._clock()
        requests = []
        for key in self._visible_first(keys):
            panel = self.charts[key]
            if not panel.visibleRegion().isEmpty():
                self._visible_pending.add(key)
            self._pending.add(key)
            native = native_painter(key) is not None
            size = NATIVE_SIZE if native else panel.render_size()
            requests.append(ChartRequest(key, size, panel.chart_style(), panel.known_hash()))

        def loaded(results: list[ChartImage | RenderJob]) -> None:
            for result in results:
                painter = native_painter(result.key)
                if isinstance(result, ChartImage):
                    self._chart_done(result.key, result)  # unchanged: settled as it is
                elif painter is not None:
                    self.charts[result.key].show_data(painter, result.data, result.digest)
                    self._chart_done(result.key, None)
                else:
                    chart_renderer().submit(result, partial(self._chart_done, result.key), self)

        def failed(message: str) -> None:
            for request in requests:
                self._chart_done(request.key, RuntimeError(message))

        self._start(
            lambda: self._ops.read(lambda s: load_charts(s, requests, today, now)), loaded, failed
        )

    def _chart_done(self, key: str, result: ChartImage | Exception | None) -> None:
        """`result`: the image rendered, or the failure; None: a native chart shown."""
        panel = self.charts[key]
        self._pending.discard(key)
        self._visible_pending.discard(key)
        if isinstance(result, Exception):
            panel.show_error(str(result))
        elif result is not None and not result.unchanged:
            panel.adopt(result)
            self._cache.store(result)
            if result.drew and result.size != panel.render_size():
                self._dirty_charts.add(key)  # resized meanwhile: render again
        if not self._visible_pending:
            self.visible_charts_shown.emit()
        if self._pending:
            return
        self._drawing = False
        if self._dirty_charts or self._dirty_numbers:
            self._schedule()
        if not self._dirty_charts:
            self.charts_drawn.emit()

    def _save_chart(self, panel: ChartPanel, path: str, fmt: str) -> None:
        def failed(error: str | Exception) -> None:  # told to the person, never swallowed
            QMessageBox.warning(self, "The chart was not saved", f"{path}: {error}")

        if native_painter(panel.key) is not None:
            try:
                data = panel.file_bytes(fmt)  # painted as shown: a few milliseconds
            except Exception as exc:
                failed(exc)
                return
            if data is None:
                failed("there is nothing to save yet")
                return
            self._start(partial(write_file, path, data), lambda _: panel.saved.emit(path), failed)
            return
        self._render_for_file(panel, path, fmt, failed)

    def _render_for_file(
        self,
        panel: ChartPanel,
        path: str,
        fmt: str,
        failed: Callable[[str | Exception], None],
    ) -> None:
        """A matplotlib chart, rendered again for the file in the chart process."""
        today, now = self.today_date(), self._clock()
        request = ChartRequest(panel.key, panel.render_size(), panel.chart_style())

        def load(session: Any) -> RenderJob:
            job = load_charts(session, [request], today, now)[0]
            assert isinstance(job, RenderJob)  # no known hash: always a job
            return replace(job, save_format=fmt)

        def done(result: ChartImage | Exception) -> None:
            try:
                if isinstance(result, Exception):
                    raise result
                write_file(path, result.image)
            except Exception as exc:
                failed(exc)
                return
            panel.saved.emit(path)

        def loaded(job: RenderJob) -> None:
            chart_renderer().submit(job, done, owner=self)

        self._start(lambda: self._ops.read(load), loaded, lambda error: done(RuntimeError(error)))
