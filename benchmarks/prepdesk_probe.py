"""prepdesk started the way a person starts it (prepdesk.ui.app.start_gui), timed.

Reports, in seconds from process launch: the first paint, the dashboard's numbers (those
kept from the last run, painted by the start-up shell, when the data has not changed
since; else the live ones), every chart visible without scrolling, all charts, and the
window settled (the last paint before a quiet second); memory (this process and its
chart workers). With --stress it then watches a 10 ms heartbeat timer for its longest
gap during 50 edits (a new rating: the readiness score and three charts), a sweep of
window resizes, a theme switch, a 10,000-row CSV import and a backup, and times each
edit's refresh.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from paint_clock import children_mb, make_paint_clock, peak_mb, report, resident_mb
from PySide6 import QtCore
from PySide6.QtCore import QElapsedTimer, QObject, Qt, QTimer

from prepdesk.store.paths import DataPaths
from prepdesk.ui.app import make_application, start_gui
from prepdesk.ui.gui_thread_gc import freeze_long_lived

EDITS = 50
CSV_ROWS = 10_000
SIZES = ((1100, 760), (1400, 900), (1000, 700), (1600, 960), (1180, 800), (1280, 820))


class Heartbeat(QObject):
    """A 10 ms timer; the longest gap between its beats is how long the GUI froze."""

    def __init__(self) -> None:
        super().__init__()
        self._clock = QElapsedTimer()
        self._last = 0
        self.max_gap_ms = 0
        self.timer = QTimer(self)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._beat)

    def start(self) -> None:
        self._clock.start()
        self._last, self.max_gap_ms = 0, 0
        self.timer.start()

    def _beat(self) -> None:
        now = self._clock.elapsed()
        self.max_gap_ms = max(self.max_gap_ms, now - self._last)
        self._last = now

    def stop(self) -> int:
        self._beat()
        self.timer.stop()
        return self.max_gap_ms


class Stress(QObject):
    """The phases, one after another, each ended by the dashboard being idle again."""

    def __init__(self, window, page, done: Callable[[dict], None]) -> None:
        super().__init__()
        self.window, self.page, self.done = window, page, done
        self.ops = window.ops
        self.result: dict = {"gaps_ms": {}}
        self.refreshes: list[float] = []
        self.heart = Heartbeat()
        self._waiting: Callable[[], None] | None = None
        self._edit_started = 0.0
        self._phases = [self.edits, self.resizes, self.theme, self.csv_import, self.backup]
        self._tmp = tempfile.TemporaryDirectory(prefix="prepdesk-probe-")

    def run(self) -> None:
        self.result["rss_before_edits_mb"] = resident_mb() + children_mb()
        self.next_phase()

    def next_phase(self) -> None:
        if not self._phases:
            self.done(self.result)
            return
        phase = self._phases.pop(0)
        self.heart.start()
        phase()

    def end_phase(self, name: str) -> None:
        self.result["gaps_ms"][name] = self.heart.stop()
        QTimer.singleShot(50, self.next_phase)

    def when_idle(self, then: Callable[[], None], settle_ms: int = 0) -> None:
        """Call `then` once the dashboard has nothing left to load or draw."""

        def check() -> None:
            if self.page.is_idle():
                QTimer.singleShot(settle_ms, then) if settle_ms else then()
            else:
                QTimer.singleShot(1, check)

        check()

    # 50 edits -----------------------------------------------------------------------------

    def edits(self) -> None:
        self._edit(0)

    def _edit(self, done: int) -> None:
        if done == EDITS:
            self.result["rss_after_edits_mb"] = resident_mb() + children_mb()
            ordered = sorted(self.refreshes)
            self.result["refresh_median"] = ordered[len(ordered) // 2]
            self.result["refresh_max"] = ordered[-1]
            self.end_phase("edits")
            return
        from prepdesk.store.models import Rating

        def add(session) -> None:
            session.add(Rating(topic_id=1 + done % 40, level=done % 6, rated_at=datetime.now(UTC)))

        started = time.perf_counter()
        self.ops.write(add)

        def refreshed() -> None:
            self.refreshes.append(time.perf_counter() - started)
            QTimer.singleShot(20, lambda: self._edit(done + 1))

        QTimer.singleShot(0, lambda: self.when_idle(refreshed))

    # resizes, theme -----------------------------------------------------------------------

    def resizes(self) -> None:
        sizes = list(SIZES)

        def step() -> None:
            if sizes:
                self.window.resize(*sizes.pop(0))
                QTimer.singleShot(80, step)
            else:
                QTimer.singleShot(400, lambda: self.when_idle(lambda: self.end_phase("resizes")))

        step()

    def theme(self) -> None:
        from prepdesk.ui.theme import theme_manager

        theme_manager().set_choice("dark", remember=False)
        QTimer.singleShot(50, lambda: self.when_idle(lambda: self.end_phase("theme")))

    # a 10,000-row CSV import and a backup, the way the menus start them --------------------

    def csv_import(self) -> None:
        from prepdesk.ui.practice.csv_transfer import ProblemCsvTransfer

        path = Path(self._tmp.name) / "problems.csv"
        lines = ["title,platform,difficulty,patterns,date,minutes,solved"]
        for i in range(CSV_ROWS):
            lines.append(f"Bench {i:05d},LeetCode,medium,hash map,2026-01-01T09:00,20,yes")
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        transfer = ProblemCsvTransfer(self.ops, self.window)

        def finished(ok: bool, message: str) -> None:
            if transfer.message_box is not None:
                transfer.message_box.close()
            self.result["csv_import"] = message if not ok else "ok"
            QTimer.singleShot(50, lambda: self.when_idle(lambda: self.end_phase("csv_import")))

        transfer.finished.connect(finished)
        transfer.import_file(path)

    def backup(self) -> None:
        def finished(result: object) -> None:
            self.result["backup"] = "ok" if not isinstance(result, str) else result
            self.when_idle(lambda: self.end_phase("backup"))

        self.window.backup_finished.connect(finished)
        self.window.back_up_now()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("launched", type=float)
    parser.add_argument("data_dir")
    parser.add_argument("--stress", action="store_true")
    args = parser.parse_args()
    app = make_application()
    probe: dict[str, object] = {}

    def settled() -> None:
        result = {**clock.times, "rss_mb": resident_mb() + children_mb(), "peak_mb": peak_mb()}
        result["main_rss_mb"] = resident_mb()
        if not args.stress:
            report(result)
            app.quit()
            return

        def done(stress: dict) -> None:
            report({**result, **stress})
            app.quit()

        window = probe["window"]
        probe["stress"] = stress = Stress(window, window.page("dashboard"), done)
        stress.run()

    def window_ready(window) -> None:
        probe["window"] = window
        page = window.page("dashboard")
        page.numbers_shown.connect(lambda: clock.mark("numbers"))
        visible = getattr(page, "visible_charts_shown", page.charts_drawn)  # older pages
        visible.connect(lambda: clock.mark("visible_charts"))
        page.charts_drawn.connect(lambda: (clock.mark("charts"), clock.arm()))

    clock = make_paint_clock(QtCore)(args.launched, settled)
    app.installEventFilter(clock)
    started = start_gui(DataPaths.resolve(args.data_dir))
    if isinstance(started, int):
        sys.exit(started)
    started.window_ready.connect(lambda _window: freeze_long_lived())  # as run_gui does
    started.window_ready.connect(window_ready)
    # On unchanged data the start-up shell paints the numbers kept from the last run,
    # before the data is open: they count from that paint (the first "numbers" mark wins).
    shell_numbers = getattr(started.shell, "numbers_shown", None)  # older shells: none
    if shell_numbers is not None:
        shell_numbers.connect(lambda: clock.mark("numbers"))
    app.exec()
    started.shut_down()
