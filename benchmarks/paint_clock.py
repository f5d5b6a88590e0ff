"""When a Qt process paints: its first paint, and when it has settled (no paint for a while).

Shared by the three probes (a bare PySide6 window, prepdesk, Anki on PyQt6), so each
is timed the same way: an application-wide event filter sees every widget's Paint
event; "settled" is the last paint before QUIET_MS without any, counted once the
probe has armed the clock (its content has arrived: prepdesk's charts, Anki's deck
list). Times are seconds from the moment `run.py` launched the process (passed as
the first argument). Memory is proportional set size (PSS): pages shared between a
process and its children (libraries, the interpreter) are counted once in the total.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time
from collections.abc import Callable
from types import ModuleType
from typing import Any

QUIET_MS = 1000
GIVE_UP_S = 120.0


def resident_mb(pid: int | str = "self") -> float:
    """Proportional resident memory (PSS) of one process now (0 when it is gone)."""
    try:
        with open(f"/proc/{pid}/smaps_rollup") as rollup:
            for line in rollup:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def children_mb() -> float:
    """Memory (PSS) of this process's descendants (chart workers, web renderers)."""
    parents: dict[str, str] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as stat:
                    parents[entry] = stat.read().rsplit(")", 1)[1].split()[1]
            except OSError:
                continue
    family, grew = {str(os.getpid())}, True
    while grew:
        found = {pid for pid, parent in parents.items() if parent in family} - family
        family |= found
        grew = bool(found)
    return sum(resident_mb(pid) for pid in family - {str(os.getpid())})


def report(result: dict[str, Any]) -> None:
    print(json.dumps(result), flush=True)


def make_paint_clock(qtcore: ModuleType) -> type:
    """A PaintClock class for one Qt binding (PySide6 or PyQt6): pass its QtCore."""

    class PaintClock(qtcore.QObject):  # type: ignore[misc, name-defined]
        def __init__(self, launched: float, on_settled: Callable[[], None]) -> None:
            super().__init__()
            self.launched = launched
            self.times: dict[str, float] = {}
            self.last_paint = 0.0
            self._on_settled = on_settled
            self._quiet = qtcore.QTimer()
            self._quiet.setSingleShot(True)
            self._quiet.setInterval(QUIET_MS)
            self._quiet.timeout.connect(self._settled)
            self._give_up = qtcore.QTimer()
            self._give_up.setSingleShot(True)
            self._give_up.setInterval(int(GIVE_UP_S * 1000))
            self._give_up.timeout.connect(self._settled)
            self.watching = True
            self.armed = False

        def arm(self) -> None:
            """The content is there: settle after the next quiet second."""
            self.armed = True
            self.last_paint = max(self.last_paint, self.since_launch())
            self._quiet.start()

        def since_launch(self) -> float:
            return time.time() - self.launched

        def mark(self, name: str) -> None:
            self.times.setdefault(name, self.since_launch())

        def eventFilter(self, _watched: Any, event: Any) -> bool:
            if self.watching and event.type() == qtcore.QEvent.Type.Paint:
                self.last_paint = self.since_launch()
                if "first_paint" not in self.times:
                    self.times["first_paint"] = self.last_paint
                    self._give_up.start()
                if self.armed:
                    self._quiet.start()
            return False

        def _settled(self) -> None:
            if not self.watching:
                return
            self.watching = False
            self._give_up.stop()
            self.times["settled"] = self.last_paint
            self.times["timed_out"] = self.since_launch() >= GIVE_UP_S
            self._on_settled()

    return PaintClock


def launched_at() -> float:
    return float(sys.argv[1])
