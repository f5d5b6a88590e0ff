"""Review due: topics, problems and technical questions, most forgotten first, graded
with keys 1-4; a question's answer stays hidden until revealed (Space)."""

from __future__ import annotations

import html
import math
from collections import Counter
from collections.abc import Callable
from datetime import UTC, datetime, time, timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from prepdesk.core.presentation import count_noun, time_text, weekday_date_text
from prepdesk.core.question_drills import new_questions_left
from prepdesk.core.review import GRADES
from prepdesk.store.repositories.reviews import DueCard, ReviewRepository
from prepdesk.store.repositories.settings import SettingsRepository
from prepdesk.store.repositories.tech_questions import TechQuestionRepository
from prepdesk.ui.clock import system_clock
from prepdesk.ui.design.math_markdown import MathMarkdownView, warm_up
from prepdesk.ui.operations import Operations

PROMPTS = {
    "topic": "Explain it aloud as you would to an interviewer: the idea, an example, a pitfall.",
    "problem": "Re-solve it: state the approach and its complexity, then code it if unsure.",
    "story": "Tell the story in two minutes: situation, task, action, result.",
    "question": "Answer it aloud as in the interview, then reveal your written answer.",
}
KIND_NAMES = {
    "topic": "Topic",
    "problem": "Coding problem",
    "story": "Story",
    "question": "Technical question",
}
REVIEWED_KINDS = ("topic", "problem", "question")


EMPTY_BACKS = {
    "topic": "No notes on this topic yet: write them on the Topics page.",
    "problem": "No notes on this problem yet: add them on the Practice page.",
    "question": "No written answer yet: write one on the ML practice page, Questions tab.",
}


def next_card_text(now: datetime, due: datetime | None) -> str:
    """When to come back, said plainly: in minutes, hours, tomorrow at a time, or a date."""
    if due is None:
        return "No card is scheduled yet: study a topic from today's plan to start some."
    wait = due - now
    local = due.astimezone()
    if wait < timedelta(hours=1):
        minutes = max(1, math.ceil(wait.total_seconds() / 60))
        return f"The next card is due in {count_noun(minutes, 'minute')}."
    today = now.astimezone().date()
    if local.date() == today:
        return f"The next card is due today at {time_text(local)}."
    if local.date() == today + timedelta(days=1):
        return f"The next card is due tomorrow at {time_text(local)}."
    return f"The next card is due on {weekday_date_text(local)}."


def _due_and_left(session: Session, now: datetime) -> tuple[list[DueCard], int]:
    """Every card due now (today's new questions within their limit), and how many
    reviews today's limit still allows."""
    reviews = ReviewRepository(session)
    limit = int(SettingsRepository(session).get("daily_review_limit"))
    midnight = datetime.combine(now.astimezone().date(), time()).astimezone()
    left = max(limit - reviews.reviewed_since(midnight.astimezone(UTC)), 0)
    new_left = new_questions_left(
        int(SettingsRepository(session).get("daily_new_questions")),
        TechQuestionRepository(session).introduced_since(midnight.astimezone(UTC)),
    )
    cards = []
    for card in reviews.due(now, kinds=REVIEWED_KINDS):
        if card.kind == "question" and card.recall_now is None:
            if new_left <= 0:
                continue  # today's new questions are used up
            new_left -= 1
        cards.append(card)
    return cards, left


def due_cards(session: Session, now: datetime) -> list[DueCard]:
    """Due topic and problem cards, most forgotten first, within today's review limit."""
    cards, left = _due_and_left(session, now)
    return cards[:left]


def due_for_today(ops: Operations, now: datetime) -> list[DueCard]:
    """`due_cards` in a transaction of its own."""
    return ops.read(lambda session: due_cards(session, now))


class ReviewDialog(QDialog):
    def __init__(
        self,
        ops: Operations,
        parent: QWidget | None = None,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        super().__init__(parent)
        self._ops = ops
        self._clock = clock or system_clock
        self.setWindowTitle("Review due")
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 80)
        self.cards = due_for_today(ops, self._clock())
        self.done_count = 0
        self._shown_at = self._clock()

        self.progress = QLabel()
        self.kind = QLabel()
        self.title = QLabel()
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.prompt = QLabel()
        self.prompt.setWordWrap(True)
        self.recall = QLabel()
        self.recall.setWordWrap(True)
        self.reveal_button = QPushButton("Show answer  (Space)")
        self.reveal_button.setAccessibleName("Show the answer side")
        self.reveal_button.clicked.connect(self.reveal)
        self.answer = MathMarkdownView("Answer side")
        self.answer.setVisible(False)
        self.link = QLabel()
        self.link.setOpenExternalLinks(True)
        self.link.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.link.setAccessibleName("Link to the problem")
        self.link.setVisible(False)
        self.revealed = False
        self.grades_given: Counter[int] = Counter()
        if self.cards:
            warm_up()
        self.grade_buttons: list[QPushButton] = []
        grades = QHBoxLayout()
        for grade, name in GRADES.items():
            button = QPushButton(f"{grade}  {name}")
            button.setAccessibleName(f"Grade {name}")
            button.setToolTip(f"Press {grade}")
            button.clicked.connect(lambda _=False, g=grade: self.grade(g))
            grades.addWidget(button)
            self.grade_buttons.append(button)
        self.close_button = QPushButton("Close")
        self.close_button.setAccessibleName("Close the review")
        self.close_button.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.progress)
        layout.addWidget(self.kind)
        layout.addWidget(self.title)
        layout.addWidget(self.prompt)
        layout.addWidget(self.recall)
        layout.addWidget(self.reveal_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.answer, 4)  # a revealed answer takes the room
        layout.addWidget(self.link)
        layout.addStretch(1)
        layout.addLayout(grades)
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignRight)
        self._show_current()

    @property
    def current(self) -> DueCard | None:
        return self.cards[0] if self.cards else None

    def is_idle(self) -> bool:
        """True when the revealed answer's maths has been drawn (screenshots wait for it)."""
        return self.answer.is_idle()

    def reveal(self) -> None:
        """The answer side: a question's answer, a topic's notes, a problem's notes and link."""
        card = self.current
        if card is None or self.revealed:
            return
        back = self._ops.read(lambda s: ReviewRepository(s).back_of(card.kind, card.owner_id))
        self.answer.set_markdown(back.notes, EMPTY_BACKS.get(card.kind, ""))
        self.answer.setVisible(True)
        if back.link:
            url = html.escape(back.link, quote=True)
            self.link.setText(f"<a href='{url}'>Open the problem</a>  ·  {html.escape(back.link)}")
        self.link.setVisible(bool(back.link))
        self.revealed = True
        self.reveal_button.setVisible(False)
        self._enable_grades()

    def _enable_grades(self) -> None:
        card = self.current
        can_grade = card is not None and (card.kind != "question" or self.revealed)
        for button in self.grade_buttons:
            button.setEnabled(can_grade)

    def grade(self, grade: int) -> None:
        card = self.current
        if card is None or (card.kind == "question" and not self.revealed):
            return
        when = self._clock()
        duration = int((when - self._shown_at).total_seconds() * 1000)
        self._ops.write(
            lambda s: ReviewRepository(s).review(card.card_id, grade, when, max(duration, 0)),
            initiator=self,
        )
        self.cards.pop(0)
        self.done_count += 1
        self.grades_given[grade] += 1
        self._show_current()

    def _show_summary(self) -> None:
        """The end: what was graded, and when the next card comes due."""
        now = self._clock()
        (waiting, left), next_due = self._ops.read(
            lambda s: (_due_and_left(s, now), ReviewRepository(s).next_due(now, REVIEWED_KINDS))
        )
        self.kind.setText("")
        self.recall.setText("")
        if self.done_count:
            self.progress.setText("Session done")
            self.title.setText(f"{count_noun(self.done_count, 'card')} reviewed")
            given = self.grades_given
            grades = ", ".join(f"{given[g]} {name}" for g, name in GRADES.items() if given[g])
            summary = f"You graded {grades}. "
        else:
            self.progress.setText("")
            self.title.setText("Nothing left to review today")
            summary = ""
        if waiting and not left:  # due now, past today's review limit
            summary += (
                "More cards are due, past today's review limit: they wait for tomorrow "
                "(the limit is in Edit > Preferences)."
            )
        else:
            summary += next_card_text(now, next_due)
        self.prompt.setText(summary)
        self._fit_text()

    def _fit_text(self) -> None:
        """Taller when a card's wrapped text needs it: no line is cut at the top or bottom."""
        layout = self.layout()
        if layout is None:
            return
        layout.activate()
        needed = layout.totalHeightForWidth(self.width())
        if needed > self.height():
            self.resize(self.width(), needed)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and self.reveal_button.isVisible():
            self.reveal()
            return
        grade = event.key() - Qt.Key.Key_0
        if grade in GRADES and self.current is not None:
            self.grade(grade)
            return
        super().keyPressEvent(event)

    def _show_current(self) -> None:
        card = self.current
        total = self.done_count + len(self.cards)
        self.revealed = False
        self.answer.setVisible(False)
        self.link.setVisible(False)
        self.reveal_button.setVisible(card is not None)
        self._enable_grades()
        if card is None:
            self._show_summary()
            return
        self.progress.setText(f"Card {self.done_count + 1} of {total}")
        self.kind.setText(KIND_NAMES.get(card.kind, card.kind))
        self.title.setText(card.title)
        self.prompt.setText(PROMPTS.get(card.kind, ""))
        if card.recall_now is None:
            self.recall.setText("New card: this first review sets its pace.")
        else:
            self.recall.setText(f"Predicted recall right now: {card.recall_now:.0%}")
        self.recall.setText(
            self.recall.text() + "  Grade yourself: 1 Again, 2 Hard, 3 Good, 4 Easy."
        )
        self._shown_at = self._clock()
        self._fit_text()
