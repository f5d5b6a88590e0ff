"""prepdesk as the user starts it (same imports and window as run_gui), with timestamps.

Reports, in seconds from process launch: the dashboard's first paint, numbers shown,
all charts drawn; then, with --refreshes N, N edits (a new rating, which touches the
readiness score and three charts) each timed to the end of its redraw, with the longest
gap of a 10 ms heartbeat timer, and memory after start and after the refreshes.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time

parser = argparse.ArgumentParser()
parser.add_argument("launched", type=float)
parser.add_argument("data_dir")
parser.add_argument("--refreshes", type=int, default=0)
args = parser.parse_args()

from PySide6.QtCore import QElapsedTimer, QEvent, QObject, Qt, QTimer  # noqa: E402

from prepdesk.store.paths import DataPaths  # noqa: E402
from prepdesk.ui.app import make_application  # noqa: E402
from prepdesk.ui.main_window import MainWindow  # noqa: E402
from prepdesk.ui.operations import Operations  # noqa: E402
from prepdesk.ui.startup import open_database_interactively  # noqa: E402


def since_launch() -> float:
    return time.time() - args.launched


def rss_mb() -> float:
    with open("/proc/self/statm") as statm:
        pages = int(statm.read().split()[1])
    return pages * resource.getpagesize() / 2**20


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class Probe(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.times: dict[str, float] = {}
        self.edits: list[float] = []
        self.gaps: list[float] = []
        self._clock = QElapsedTimer()
        self._last_beat = 0
        self._max_gap = 0
        self._edit_started = 0.0
        self.heartbeat = QTimer()
        self.heartbeat.setTimerType(Qt.TimerType.PreciseTimer)
        self.heartbeat.setInterval(10)
        self.heartbeat.timeout.connect(self.beat)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and "first_paint" not in self.times:
            self.times["first_paint"] = since_launch()
        return False

    def numbers(self) -> None:
        self.times.setdefault("numbers", since_launch())

    def charts(self) -> None:
        if "charts" not in self.times:
            self.times["charts"] = since_launch()
            self.times["rss_after_start_mb"] = rss_mb()
            self.times["peak_after_start_mb"] = peak_mb()
            QTimer.singleShot(50, self.next_edit)
            return
        if self._edit_started:
            self.edits.append(time.perf_counter() - self._edit_started)
            self.gaps.append(self._max_gap / 1000)
            if os.environ.get("PREPDESK_BENCH_TRACE"):
                print(
                    f"edit {len(self.edits)}: {self.edits[-1]:.3f} s, gap {self._max_gap} ms",
                    file=sys.stderr,
                )
            self._edit_started = 0.0
            QTimer.singleShot(20, self.next_edit)

    def beat(self) -> None:
        elapsed = self._clock.elapsed()
        self._max_gap = max(self._max_gap, elapsed - self._last_beat)
        self._last_beat = elapsed

    def next_edit(self) -> None:
        if len(self.edits) >= args.refreshes:
            self.finish()
            return
        self._clock.start()
        self._last_beat, self._max_gap = 0, 0
        self.heartbeat.start()
        self._edit_started = time.perf_counter()
        ops.write(add_rating)
        if os.environ.get("PREPDESK_BENCH_TRACE"):
            spent = time.perf_counter() - self._edit_started
            print(f"  write + synchronous handlers: {spent * 1000:.0f} ms", file=sys.stderr)

    def finish(self) -> None:
        self.heartbeat.stop()
        result = dict(self.times)
        if self.edits:
            ordered = sorted(self.edits)
            result["refresh_median"] = ordered[len(ordered) // 2]
            result["refresh_max"] = ordered[-1]
            result["heartbeat_max_gap"] = max(self.gaps)
            result["rss_after_refreshes_mb"] = rss_mb()
            result["peak_after_refreshes_mb"] = peak_mb()
        print(json.dumps(result))
        app.quit()


edits_done = 0


def add_rating(session) -> None:
    from datetime import UTC, datetime

    from prepdesk.store.models import Rating

    global edits_done
    edits_done += 1
    session.add(
        Rating(topic_id=1 + edits_done % 40, level=edits_done % 6, rated_at=datetime.now(UTC))
    )


app = make_application()
db = open_database_interactively(DataPaths.resolve(args.data_dir))
assert db is not None
ops = Operations(db)
probe = Probe()
window = MainWindow(ops)
page = window.show_page("dashboard")
page.installEventFilter(probe)
page.numbers_shown.connect(probe.numbers)
page.charts_drawn.connect(probe.charts)
window.show()
app.exec()
window.close()
db.close()
