"""The dashboard: countdown, readiness, today's work and eight charts.

Speed order: the page paints first with light placeholders; right after the first paint
the numbers load on a worker thread; then the charts' data is loaded and hashed on a
worker thread, and each chart whose hash differs from what it shows gets its data and
paints itself in the window (native_charts.py), in a few milliseconds; a resize or a
theme change just paints again. After a write only the parts whose data kinds changed
are refreshed, and a hidden dashboard just remembers what to refresh when it is shown
again. (The Today panel, shared with the Topics page, refreshes itself, also off the GUI
thread.)
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress
from dataclasses import replace
from datetime import date, datetime
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QPaintEvent, QShowEvent
from PySide6.QtWidgets import QMessageBox, QVBoxLayout, QWidget

from prepdesk.core.dashboard_numbers import DashboardNumbers
from prepdesk.store.changes import Change
from prepdesk.store.repositories.dashboard_numbers import LiveNumbers, read_dashboard_numbers
from prepdesk.ui.background import run_in_background
from prepdesk.ui.clock import system_clock
from prepdesk.ui.dashboard.chart_jobs import ChartData, load_charts
from prepdesk.ui.dashboard.chart_panel import ChartPanel, write_file
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
OLD_CHART_IMAGES = ("*.png", "*.json", "*.part")  # what older versions kept in cache/charts


def forget_old_chart_images(folder: Path) -> None:
    """Delete the chart images older versions kept in `folder` (the data folder's
    cache/charts): only those files, then the folder if that empties it. Quiet: it is
    only a cache, so a file that cannot be deleted is left where it is."""
    if folder.is_symlink() or not folder.is_dir():
        return
    for pattern in OLD_CHART_IMAGES:
        for path in folder.glob(pattern):
            with suppress(OSError):
                if path.is_file() and not path.is_symlink():
                    path.unlink()
    with suppress(OSError):
        folder.rmdir()  # only when empty


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
        self._pending: set[str] = set()  # charts being loaded now
        self._visible_pending: set[str] = set()
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
            old = self._ops.db.paths.cache / "charts"
            self._start(partial(forget_old_chart_images, old), lambda _: None, lambda _: None)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._started and (self._dirty_numbers or self._dirty_charts):
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
        # At start-up the charts wait for the numbers: loading the charts' data would
        # otherwise compete with them for the CPU.
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

    def _visible_first(self, keys: set[str]) -> list[str]:
        order = [spec.key for spec in CHARTS if spec.key in keys]
        return sorted(order, key=lambda key: self.charts[key].visibleRegion().isEmpty())

    def _load_charts(self) -> None:
        """Load and hash the dirty charts' data on a worker thread, then hand it to the
        charts whose data changed: each paints itself in the window."""
        keys, self._dirty_charts = set(self._dirty_charts), set()
        self._drawing = True
        today, now = self.today_date(), self._clock()
        order = self._visible_first(keys)
        for key in order:
            if not self.charts[key].visibleRegion().isEmpty():
                self._visible_pending.add(key)
            self._pending.add(key)

        def loaded(results: list[ChartData]) -> None:
            for result in results:  # a chart whose hash it shows already is left as it is
                painter = native_painter(result.key)
                self.charts[result.key].show_data(painter, result.data, result.digest)
                self._chart_done(result.key)

        def failed(message: str) -> None:
            for key in order:
                self._chart_done(key, message)

        self._start(
            lambda: self._ops.read(lambda s: load_charts(s, order, today, now)), loaded, failed
        )

    def _chart_done(self, key: str, error: str = "") -> None:
        """The chart `key` is shown (or its data could not be read: `error`)."""
        self._pending.discard(key)
        self._visible_pending.discard(key)
        if error:
            self.charts[key].show_error(error)
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

        try:
            data = panel.file_bytes(fmt)  # painted as shown: a few milliseconds
        except Exception as exc:
            failed(exc)
            return
        if data is None:
            failed("there is nothing to save yet")
            return
        self._start(partial(write_file, path, data), lambda _: panel.saved.emit(path), failed)
