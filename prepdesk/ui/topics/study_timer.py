"""One study timer per window: it keeps running while the user is on other pages."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QObject, QTimer, Signal

from prepdesk.core.limits import SESSION_MINUTES
from prepdesk.ui.clock import system_clock
from prepdesk.ui.operations import Operations


@dataclass(frozen=True)
class TimedStudy:
    topic_id: int
    topic_name: str
    started_at: datetime
    minutes: int  # at least 1


class StudyTimer(QObject):
    """Start/stop timing of one topic; `clock` is injectable so tests need not sleep."""

    started = Signal(int)  # topic id
    stopped = Signal(object)  # TimedStudy
    tick = Signal()  # once a second while running, for displays

    def __init__(
        self, parent: QObject | None = None, clock: Callable[[], datetime] | None = None
    ) -> None:
        super().__init__(parent)
        self.clock: Callable[[], datetime] = clock or system_clock
        self._topic: tuple[int, str] | None = None
        self._started_at: datetime | None = None
        self._ticker = QTimer(self)
        self._ticker.setInterval(1000)
        self._ticker.timeout.connect(self.tick)

    @property
    def running(self) -> bool:
        return self._topic is not None

    @property
    def topic_id(self) -> int | None:
        return self._topic[0] if self._topic else None

    @property
    def topic_name(self) -> str:
        return self._topic[1] if self._topic else ""

    def elapsed_seconds(self) -> int:
        if self._started_at is None:
            return 0
        return max(int((self.clock() - self._started_at).total_seconds()), 0)

    def elapsed_text(self) -> str:
        minutes, seconds = divmod(self.elapsed_seconds(), 60)
        hours, minutes = divmod(minutes, 60)
        return f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes}:{seconds:02d}"

    def start(self, topic_id: int, topic_name: str) -> TimedStudy | None:
        """Start timing `topic_id`; a timer already running is stopped first and returned."""
        previous = self.stop() if self.running else None
        self._topic = (topic_id, topic_name)
        self._started_at = self.clock()
        self._ticker.start()
        self.started.emit(topic_id)
        return previous

    def stop(self) -> TimedStudy | None:
        if self._topic is None or self._started_at is None:
            return None
        minutes = int(SESSION_MINUTES.clamp(round(self.elapsed_seconds() / 60)))
        record = TimedStudy(self._topic[0], self._topic[1], self._started_at, minutes)
        self._topic = self._started_at = None
        self._ticker.stop()
        self.stopped.emit(record)
        return record


def study_timer_for(ops: Operations) -> StudyTimer:
    """The window's one timer, kept on its Operations so every page shares it."""
    timer = ops.findChild(StudyTimer)
    if timer is None:
        timer = StudyTimer(ops)
    return timer
