"""Today: the topics planned for today (each with a Start button), due reviews, on-track.

Reused by the dashboard; it refreshes itself when ratings, sessions, dates or settings change.
What it shows is read on a worker thread (the plan and the due cards take a while on years
of data) and shown when it arrives, so an edit never waits for it; `refreshed` says when
the panel is current. A change that arrives while a read runs starts one more read after it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from prepdesk.core.planner import Plan, format_day
from prepdesk.core.presentation import count_noun
from prepdesk.store.changes import Change
from prepdesk.store.repositories.next_interview import NextInterview
from prepdesk.store.repositories.reviews import DueCard, ReviewRepository
from prepdesk.store.repositories.topics import TopicRepository
from prepdesk.ui.background import run_in_background
from prepdesk.ui.change_subscription import ChangeSubscription
from prepdesk.ui.operations import Operations
from prepdesk.ui.topics.review_dialog import ReviewDialog, due_cards
from prepdesk.ui.topics.study_timer import study_timer_for

REFRESH_ON = (
    Change.RATINGS
    | Change.SESSIONS
    | Change.STAGES
    | Change.SETTINGS
    | Change.TOPICS
    | Change.REVIEWS
    | Change.PROBLEMS
    | Change.DESIGN
)


@dataclass(frozen=True)
class TodayData:
    now: datetime
    plan: Plan | None
    interview: NextInterview | None
    due: list[DueCard]
    minutes_done: int
    design: list[DueCard]


def read_today(session: Session, now: datetime) -> TodayData:
    """Everything the panel shows, in one transaction (run on a worker thread)."""
    topics = TopicRepository(session)
    plan, interview = topics.plan(now, now.astimezone().date())
    midnight = datetime.combine(now.astimezone().date(), time()).astimezone()
    return TodayData(
        now,
        plan,
        interview,
        due_cards(session, now),
        topics.minutes_done_since(midnight),
        ReviewRepository(session).due(now, kind="design"),
    )


class TodayPanel(QGroupBox):
    review_requested = Signal()
    refreshed = Signal()  # what the panel shows is current

    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__("Today", parent)
        self._ops = ops
        self.timer = study_timer_for(ops)
        self.review_dialog: ReviewDialog | None = None
        self.plan: Plan | None = None
        self.due_count: int | None = None  # cards due for review today, once read
        self.start_buttons: dict[int, QPushButton] = {}

        self.progress = QLabel()
        self.progress.setObjectName("todayProgress")
        self.progress.setWordWrap(True)
        self.progress.setAccessibleName("Done today against planned")
        self.on_track = QLabel()
        self.on_track.setWordWrap(True)
        self.on_track.setObjectName("todayOnTrack")
        self.on_track.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.topics_grid = QGridLayout()
        self.topics_grid.setColumnStretch(0, 1)
        self.reviews_label = QLabel()
        self.reviews_label.setWordWrap(True)  # beside its button on a narrow dashboard
        self.review_button = QPushButton("Review now")
        self.review_button.setAccessibleName("Review due cards now")
        self.review_button.clicked.connect(self.open_review)
        reviews_row = QHBoxLayout()
        reviews_row.addWidget(self.reviews_label, 1)
        reviews_row.addWidget(self.review_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.on_track)
        layout.addWidget(self.progress)
        layout.addLayout(self.topics_grid)
        layout.addLayout(reviews_row)
        self.design_label = QLabel()  # ML design prompts due for re-practice
        self.design_label.setWordWrap(True)
        self.design_label.setAccessibleName("ML design prompts due")
        layout.addWidget(self.design_label)
        self.timer.started.connect(self._update_buttons)
        self.timer.stopped.connect(self._update_buttons)
        self.loading = False  # a read is running
        self._loaded = False
        self._again = False  # the data changed while a read ran: read once more
        self.subscription = ChangeSubscription(ops, self, REFRESH_ON, lambda _e: self.refresh())

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._loaded and not self.loading:
            self.refresh()  # the first read waits until the panel is on screen

    def is_current(self) -> bool:
        return self._loaded and not self.loading and not self._again

    def refresh(self) -> None:
        """Read today's work on a worker thread; it is shown when it arrives."""
        if self.loading:
            self._again = True
            return
        self.loading = True
        now = self.timer.clock()
        run_in_background(
            lambda: self._ops.read(lambda session: read_today(session, now)),
            self._arrived,
            self._failed,
            owner=self,
        )

    def _arrived(self, data: TodayData) -> None:
        self.loading = False
        if self._again:  # already stale: show only the next read
            self._again = False
            self.refresh()
            return
        self._loaded = True
        self._show(data)
        self.refreshed.emit()

    def _failed(self, message: str) -> None:
        self.loading = False
        self._loaded = True
        self._again = False
        self.on_track.setText(f"Today's plan could not be read: {message}")
        self.refreshed.emit()

    def _show(self, data: TodayData) -> None:
        now, plan, interview, due = data.now, data.plan, data.interview, data.due
        self.plan = plan
        self.due_count = len(due)
        if plan is None or interview is None:
            self.on_track.setText(
                "No interview date yet: add an interview stage on the Companies page, or set "
                "a target date in Edit > Preferences, to get a day-by-day plan."
            )
        else:
            stage = f" ({interview.stage}, {interview.company})" if interview.company else ""
            when = format_day(plan.interview_day)
            self.on_track.setText(f"Next interview {when}{stage}. {plan.summary()}")
        self._fill_topics(plan, now)
        self.progress.setText(self._progress_text(plan, now, data.minutes_done))
        # New question cards are drilled for the first time, not reviewed (like Anki's new
        # cards): counted apart, so "reviews due" means only what was learnt before.
        new = sum(1 for card in due if card.recall_now is None)
        count = len(due) - new
        reviews = f"{count_noun(count, 'review')} due today" if count else ""
        fresh = f"{count_noun(new, 'new question')} to drill" if new else ""
        self.reviews_label.setText(
            " · ".join(part for part in (reviews, fresh) if part) or "No reviews due today."
        )
        self.review_button.setEnabled(bool(due))
        design = data.design
        self.design_label.setVisible(bool(design))
        titles = ", ".join(card.title for card in design[:3]) + ("…" if len(design) > 3 else "")
        self.design_label.setText(
            f"{count_noun(len(design), 'ML design prompt')} due for a timed "
            f"re-practice (ML practice page): {titles}"
        )

    def _progress_text(self, plan: Plan | None, now: datetime, done: int) -> str:
        """'Done today: 45 of 126 min' (study sessions plus reviews against the plan)."""
        today = plan.day(now.astimezone().date()) if plan else None
        if today is None:
            return f"Done today: {done} min" if done else ""
        new = sum(1 for b in today.blocks if b.topic_id in self._new_ids(plan))
        started = f"; {count_noun(new, 'new topic')} to start" if new else ""
        return f"Done today: {done} of {today.planned_minutes} min planned{started}."

    @staticmethod
    def _new_ids(plan: Plan | None) -> set[int]:
        return {t.topic_id for t in plan.kept if t.new} if plan else set()

    def _fill_topics(self, plan: Plan | None, now: datetime) -> None:
        while self.topics_grid.count():
            item = self.topics_grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.start_buttons = {}
        today = plan.day(now.astimezone().date()) if plan else None
        if today is None or not today.blocks:
            text = "Nothing planned for today."
            if today is not None and today.light:
                text = "The day before the interview: light reviews, the checklist, then rest."
            self.topics_grid.addWidget(QLabel(text), 0, 0)
            return
        for row, block in enumerate(today.blocks):
            name = QLabel(block.name)
            name.setWordWrap(True)  # a long topic name wraps; the Start buttons stay in view
            minutes = QLabel(f"{block.minutes} min")
            start = QPushButton("Start")
            start.setAccessibleName(f"Start the timer on {block.name}")
            start.clicked.connect(lambda _=False, b=block: self.timer.start(b.topic_id, b.name))
            self.topics_grid.addWidget(name, row, 0)
            self.topics_grid.addWidget(minutes, row, 1)
            self.topics_grid.addWidget(start, row, 2)
            self.start_buttons[block.topic_id] = start
        self._update_buttons()

    def _update_buttons(self, *_args: object) -> None:
        for topic_id, button in self.start_buttons.items():
            running = self.timer.running and self.timer.topic_id == topic_id
            button.setEnabled(not running)
            button.setText("Running…" if running else "Start")

    def open_review(self) -> None:
        self.review_requested.emit()
        self.review_dialog = ReviewDialog(self._ops, self.window(), clock=self.timer.clock)
        self.review_dialog.open()
