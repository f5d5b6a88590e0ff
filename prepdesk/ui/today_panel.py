"""Today: the topics planned for today (each with a Start button), due reviews, on-track.

Reused by the dashboard; it refreshes itself when ratings, sessions, dates or settings change.
What it shows is read on a worker thread (the plan and the due cards take a while on years
of data) and shown when it arrives, so an edit never waits for it; `refreshed` says when
the panel is current. A change that arrives while a read runs starts one more read after it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget
from sqlalchemy.orm import Session

from prepdesk.core.planner import Plan
from prepdesk.core.today_numbers import TodayNumbers, today_numbers
from prepdesk.store import data_version
from prepdesk.store.changes import Change
from prepdesk.store.repositories.next_interview import NextInterview
from prepdesk.store.repositories.reviews import DueCard, ReviewRepository
from prepdesk.store.repositories.study_sessions import StudySessionRepository
from prepdesk.store.repositories.topics import TopicRepository
from prepdesk.ui.change_subscription import ChangeSubscription
from prepdesk.ui.operations import Operations
from prepdesk.ui.page_reads import PageReads
from prepdesk.ui.today_view import TodayView
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
    version: int  # the data's version this was read from

    def numbers(self) -> TodayNumbers:
        """What the panel shows of it."""
        interview = self.interview
        return today_numbers(
            self.now.astimezone().date(),
            self.plan,
            None if interview is None else (interview.stage, interview.company),
            [card.recall_now for card in self.due],
            self.minutes_done,
            [card.title for card in self.design],
        )


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
        StudySessionRepository(session).minutes_done_since(midnight),
        ReviewRepository(session).due(now, kind="design"),
        data_version.version_in(session.connection()),
    )


class TodayPanel(TodayView):
    review_requested = Signal()
    refreshed = Signal()  # what the panel shows is current

    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ops = ops
        self.timer = study_timer_for(ops)
        self.review_dialog: ReviewDialog | None = None
        self.plan: Plan | None = None
        # What is on screen, with the version of the data it was read from.
        self.shown: tuple[int, TodayNumbers] | None = None
        self.review_button.clicked.connect(self.open_review)
        self.start_requested.connect(self.timer.start)
        self.timer.started.connect(self._update_buttons)
        self.timer.stopped.connect(self._update_buttons)
        self._loaded = False
        # Read with the clock's time when each read starts (one more runs after a read
        # the data changed under; only the newest result is shown).
        clock = self.timer.clock
        self.reads = PageReads(
            ops, lambda session: read_today(session, clock()), self._arrived, self._failed, self
        )
        self.subscription = ChangeSubscription(ops, self, REFRESH_ON, lambda _e: self.refresh())

    @property
    def loading(self) -> bool:
        """A read is running."""
        return self.reads.loading

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._loaded and not self.loading:
            self.refresh()  # the first read waits until the panel is on screen

    def is_current(self) -> bool:
        return self._loaded and self.reads.is_idle()

    def refresh(self) -> None:
        """Read today's work on a worker thread; it is shown when it arrives."""
        self.reads.start()

    def _arrived(self, data: TodayData) -> None:
        self._loaded = True
        self.plan = data.plan
        numbers = data.numbers()
        self.show_today(numbers)
        self.shown = (data.version, numbers)
        self.refreshed.emit()

    def _failed(self, message: str) -> None:
        self._loaded = True
        self.shown = None
        self.on_track.setText(f"Today's plan could not be read: {message}")
        self.refreshed.emit()

    def show_today(self, numbers: TodayNumbers) -> None:
        super().show_today(numbers)
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
