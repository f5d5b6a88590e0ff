"""Today: due reviews, due story rehearsals and the topics furthest below target.

A stand-in for the Topics page's TodayPanel; it has the same constructor shape
(ops, parent) and refreshes itself, so swapping it is a one-line change.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout, QWidget

from prepdesk.store.changes import Change
from prepdesk.store.repositories.dashboard_summary import DashboardSummaryRepository, TodayWork
from prepdesk.ui.operations import Operations

DEPENDS_ON = Change.REVIEWS | Change.RATINGS | Change.TOPICS | Change.STORIES | Change.SETTINGS


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


class TodaySection(QFrame):
    topics_requested = Signal(str)  # an area key, or "" for all topics

    def __init__(
        self,
        ops: Operations,
        parent: QWidget | None = None,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        super().__init__(parent)
        self._ops = ops
        self._clock = clock or (lambda: datetime.now(UTC))
        self.refresh_count = 0
        self.setObjectName("today")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        caption = QLabel("Today")
        caption.setObjectName("cardCaption")
        self.due = QLabel("…")
        self.due.setObjectName("todayDue")
        self.due.setWordWrap(True)
        self.weak = QLabel("")
        self.weak.setObjectName("todayWeak")
        self.weak.setWordWrap(True)
        self.open_topics = QPushButton("Study on the Topics page")
        self.open_topics.setAccessibleName("Open the Topics page")
        self.open_topics.clicked.connect(lambda: self.topics_requested.emit(""))
        for widget in (caption, self.due, self.weak, self.open_topics):
            layout.addWidget(widget)
        layout.addStretch(1)

    def refresh(self) -> None:
        now = self._clock()
        self.show_data(self._ops.read(lambda s: DashboardSummaryRepository(s).today(now)))

    def on_data_changed(self, changes: Change) -> None:
        if changes & DEPENDS_ON:
            self.refresh()

    def show_data(self, work: TodayWork) -> None:
        self.refresh_count += 1
        reviews = work.due_topics + work.due_problems
        if reviews or work.due_stories:
            self.due.setText(
                f"{_count(work.due_topics, 'topic review', 'topic reviews')} and "
                f"{_count(work.due_problems, 'problem review', 'problem reviews')} due, "
                f"{_count(work.due_stories, 'story rehearsal', 'story rehearsals')} due."
            )
        else:
            self.due.setText("Nothing due for review: a good day to learn something new.")
        if work.new_topics:
            self.due.setText(
                self.due.text()
                + f"\n{_count(work.new_topics, 'topic', 'topics')} not reviewed yet."
            )
        if work.weakest:
            lines = [f"• {t.name} ({t.level} → {t.target})" for t in work.weakest]
            self.weak.setText("Furthest below target:\n" + "\n".join(lines))
        else:
            self.weak.setText("Every topic is at its target level.")
