"""Practice mode: a question, an optional peek at the story, a countdown, a self-score.

The clock is injected so tests drive time without sleeping; the display timer only
decides how often the countdown is redrawn, never how much time has passed.
"""

from __future__ import annotations

import random
from datetime import datetime

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from prepdesk.core.rehearsal import PICK_MODE_LABELS, PICK_MODES, pick
from prepdesk.core.star import PART_LABELS, PARTS, format_duration
from prepdesk.store.repositories.questions import QuestionRepository, QuestionView
from prepdesk.store.repositories.rehearsals import DueRehearsal, RehearsalRepository
from prepdesk.store.repositories.settings import SettingsRepository
from prepdesk.store.repositories.stories import StoryRepository, StoryView
from prepdesk.ui.clock import Clock, system_clock
from prepdesk.ui.operations import Operations
from prepdesk.ui.stories.practice_history import PracticeHistory
from prepdesk.ui.stories.rehearsal_list import RehearsalList
from prepdesk.ui.stories.text_fields import FIELD_STYLE, heading_font, hint_label
from prepdesk.ui.theme import current_colours, error_text_style

SCORE_LABELS = {1: "1 lost", 2: "2 shaky", 3: "3 okay", 4: "4 good", 5: "5 nailed it"}


class PracticePanel(QWidget):
    def __init__(
        self, ops: Operations, clock: Clock = system_clock, rng: random.Random | None = None
    ) -> None:
        super().__init__()
        self.ops = ops
        self._clock = clock
        self._rng = rng or random.Random()
        self.question_id: int | None = None
        self.started_at: datetime | None = None
        self.duration_seconds: int | None = None
        self._questions: list[QuestionView] = []
        self._stories: list[StoryView] = []
        self._due: list[DueRehearsal] = []
        self._answer_seconds: int | None = None  # the preference last shown as the target
        self._loaded = False  # read when first shown or first used, not when built
        self.setStyleSheet(FIELD_STYLE)
        self._tick_timer = QTimer(self)
        self._tick_timer.setInterval(200)
        self._tick_timer.timeout.connect(self.tick)

        splitter = QSplitter()
        self.rehearsals = RehearsalList()
        self.rehearsals.story_chosen.connect(self.choose_story)
        self.due_list = self.rehearsals.list  # the list itself, for keyboard and tests
        splitter.addWidget(self.rehearsals)
        splitter.addWidget(self._build_practice_column())
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([300, 900])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(splitter)
        # Read when first shown (StoriesPage's stale tabs): not while the page is built.
        self._set_phase("idle")

    # layout ----------------------------------------------------------------------

    def _build_practice_column(self) -> QWidget:
        column = QWidget()
        layout = QVBoxLayout(column)
        layout.setSpacing(10)
        layout.setContentsMargins(16, 8, 16, 8)
        pick_row = QHBoxLayout()
        self.mode = QComboBox()
        self.mode.setAccessibleName("Where the next question comes from")
        for mode in PICK_MODES:
            self.mode.addItem(PICK_MODE_LABELS[mode], mode)
        self.next_button = QPushButton("Next question")
        self.next_button.setShortcut("Ctrl+Return")
        self.next_button.setAccessibleName("Pick the next question")
        pick_row.addWidget(self.mode, 1)
        pick_row.addWidget(self.next_button)
        layout.addLayout(pick_row)

        self.question = QLabel()
        self.question.setWordWrap(True)
        self.question.setFont(heading_font(self.font(), 1.5))
        self.question.setAccessibleName("Question")
        self.question.setMinimumHeight(self.fontMetrics().height() * 4)
        layout.addWidget(self.question)

        story_row = QHBoxLayout()
        self.story = QComboBox()
        self.story.setAccessibleName("Story you will tell")
        self.reveal = QPushButton("Show story")
        self.reveal.setCheckable(True)
        self.reveal.setAccessibleName("Show or hide the story")
        story_row.addWidget(QLabel("Story:"))
        story_row.addWidget(self.story, 1)
        story_row.addWidget(self.reveal)
        layout.addLayout(story_row)
        self.story_text = QLabel()
        self.story_text.setWordWrap(True)
        self.story_text.setTextFormat(Qt.TextFormat.RichText)
        self.story_text.setAccessibleName("Story text")
        self.story_text.setVisible(False)
        layout.addWidget(self.story_text)

        timer_row = QHBoxLayout()
        self.countdown = QLabel("2:00")
        self.countdown.setAccessibleName("Countdown")
        self.countdown.setFont(heading_font(self.font(), 3.0))
        # Room for an overtime "+88:88": the "Aim for" box beside it never moves.
        self.countdown.setMinimumWidth(self.countdown.fontMetrics().horizontalAdvance("+88:88"))
        self.target = QSpinBox()
        self.target.setAccessibleName("Answer length in seconds")
        self.target.setRange(30, 900)
        self.target.setSingleStep(15)
        self.target.setSuffix(" s")
        self.start_button = QPushButton("Start")
        self.start_button.setAccessibleName("Start the countdown")
        self.stop_button = QPushButton("Done")
        self.stop_button.setAccessibleName("Stop: I have finished answering")
        timer_row.addWidget(self.countdown)
        timer_row.addSpacing(16)
        timer_row.addWidget(QLabel("Aim for"))
        timer_row.addWidget(self.target)
        timer_row.addStretch(1)
        timer_row.addWidget(self.start_button)
        timer_row.addWidget(self.stop_button)
        layout.addLayout(timer_row)

        self.score_box = QWidget()
        score_layout = QGridLayout(self.score_box)
        score_layout.setContentsMargins(0, 0, 0, 0)
        self.spoke = QLabel()
        self.spoke.setAccessibleName("How long you spoke")
        score_layout.addWidget(self.spoke, 0, 0, 1, 6)
        score_layout.addWidget(QLabel("How did it go?"), 1, 0)
        self.scores = QButtonGroup(self)
        for score, label in SCORE_LABELS.items():
            button = QRadioButton(label)
            button.setAccessibleName(f"Score {score}")
            self.scores.addButton(button, score)
            score_layout.addWidget(button, 1, score)
        self.note = QLineEdit()
        self.note.setAccessibleName("Practice note")
        self.note.setPlaceholderText("A note for next time, e.g. “say the numbers earlier”")
        self.save_button = QPushButton("Save run")
        self.save_button.setAccessibleName("Save this practice run")
        score_layout.addWidget(self.note, 2, 0, 1, 5)
        score_layout.addWidget(self.save_button, 2, 5)
        layout.addWidget(self.score_box)
        self.status = hint_label()
        layout.addWidget(self.status)

        self.history_view = PracticeHistory(self.ops)
        self.history = self.history_view.tree
        self.history_scope = self.history_view.scope
        layout.addWidget(self.history_view, 1)

        self.next_button.clicked.connect(self.next_question)
        self.start_button.clicked.connect(self.start)
        self.stop_button.clicked.connect(self.finish)
        self.save_button.clicked.connect(self.save_run)
        self.reveal.toggled.connect(self._show_story_text)
        self.story.currentIndexChanged.connect(lambda _i: self._story_changed())
        self.history_view.scope_changed.connect(self._show_history)
        self.scores.idToggled.connect(lambda *_: self._update_save())
        self.target.valueChanged.connect(lambda _v: self._show_remaining())
        return column

    # data ---------------------------------------------------------------------------

    def refresh(self) -> None:
        self._loaded = True
        now = self._clock()
        self._questions, self._stories, self._due, plan, answer_seconds = self.ops.read(
            lambda s: (
                QuestionRepository(s).questions(),
                StoryRepository(s).all_views(),
                RehearsalRepository(s).due_rehearsals(now),
                RehearsalRepository(s).plan(now),
                int(SettingsRepository(s).get("answer_seconds")),
            )
        )
        if self.started_at is None and self.duration_seconds is None:
            if self._answer_seconds in (None, self.target.value()):  # not set by the person
                self.target.setValue(answer_seconds)
            self._answer_seconds = answer_seconds
        chosen = self.story.currentData()
        self.story.blockSignals(True)
        self.story.clear()
        self.story.addItem("No story: answer fresh", None)
        for story in self._stories:
            self.story.addItem(story.title or "Untitled story", story.id)
        self.story.setCurrentIndex(max(0, self.story.findData(chosen)))
        self.story.blockSignals(False)
        self.rehearsals.show_plan(self._due, plan, has_stories=bool(self._stories))
        self.rehearsals.select_story(self.story.currentData())
        if self.question_id is None:
            self.question.setText(
                "Press Next question, or pick a story on the left, then answer aloud."
            )
        self._show_story_text()
        self._show_history()

    def _show_history(self) -> None:
        self.history_view.show_runs(self.story.currentData(), self.question_id)

    # choosing ------------------------------------------------------------------------

    def _ensure_loaded(self) -> None:
        if not self._loaded:
            self.refresh()

    def next_question(self) -> None:
        self._ensure_loaded()
        mode = self.mode.currentData()
        if mode == "due":
            if self._due:
                self.choose_story(self._due[0].story_id)
            else:
                self.status.setText("No rehearsals are due. Try any question, at random.")
            return
        pool = (
            self._questions
            if mode == "random"
            else [q for q in self._questions if q.story_count == 0]
        )
        question = pick([q.id for q in pool], self._rng, avoid=self.question_id)
        if question is None:
            self.status.setText("Every question has a story. Try any question, at random.")
            return
        self.choose_question(question)

    def choose_question(self, question_id: int, story_id: int | None = None) -> None:
        self._ensure_loaded()
        self.question_id = question_id
        question = next((q for q in self._questions if q.id == question_id), None)
        self.question.setText(question.text if question else "")
        if story_id is None:
            story_id = next(
                (s.id for s in self._stories if any(q.id == question_id for q in s.questions)), None
            )
        self.story.setCurrentIndex(max(0, self.story.findData(story_id)))
        self._reset_run()

    def choose_story(self, story_id: int) -> None:
        """A due rehearsal: one of the story's questions, else a plain prompt for it."""
        self._ensure_loaded()
        story = next((s for s in self._stories if s.id == story_id), None)
        if story is None:
            return
        if story.questions:
            self.choose_question(self._rng.choice(story.questions).id, story_id)
        else:
            self.question_id = None
            self.question.setText(f"Tell me about: {story.title or 'this story'}")
            self.story.setCurrentIndex(max(0, self.story.findData(story_id)))
            self._reset_run()

    def _story_changed(self) -> None:
        self.rehearsals.select_story(self.story.currentData())
        self._show_story_text()
        self._show_history()
        if self.started_at is None and self.duration_seconds is None:
            self._set_phase("idle")  # a story alone is enough to start

    def _show_story_text(self) -> None:
        story_id = self.story.currentData()
        story = next((s for s in self._stories if s.id == story_id), None)
        self.reveal.setEnabled(story is not None)
        if story is None or not self.reveal.isChecked():
            self.story_text.setVisible(False)
            return
        parts = "".join(
            f"<p><b>{PART_LABELS[p]}.</b> {_escape(story.text(p)) or '<i>not written yet</i>'}</p>"
            for p in PARTS
        )
        metrics = f"<p><b>Metrics:</b> {_escape(story.metrics)}</p>" if story.metrics else ""
        self.story_text.setText(parts + metrics)
        self.story_text.setVisible(True)

    # the run -------------------------------------------------------------------------

    def start(self) -> None:
        self.started_at = self._clock()
        self.duration_seconds = None
        self._tick_timer.start()
        self._set_phase("running")
        self.tick()

    def tick(self) -> None:
        self._show_remaining()

    def elapsed_seconds(self) -> int:
        if self.started_at is None:
            return 0
        return max(0, int((self._clock() - self.started_at).total_seconds()))

    def _show_remaining(self) -> None:
        if self.duration_seconds is not None:
            return
        remaining = self.target.value() - self.elapsed_seconds()
        if remaining >= 0:
            self.countdown.setText(format_duration(remaining))
            self.countdown.setStyleSheet("")
        else:
            self.countdown.setText(f"+{format_duration(-remaining)}")
            self.countdown.setStyleSheet(error_text_style(current_colours()))  # over time

    def finish(self) -> None:
        self.duration_seconds = self.elapsed_seconds()
        self._tick_timer.stop()
        over = self.duration_seconds - self.target.value()
        verdict = f"{format_duration(over)} over the target." if over > 0 else "within the target."
        self.spoke.setText(f"You spoke for {format_duration(self.duration_seconds)}, {verdict}")
        self._set_phase("scoring")

    def save_run(self) -> None:
        score = self.scores.checkedId()
        if self.duration_seconds is None or score < 1:
            return
        values = {
            "story_id": self.story.currentData(),
            "question_id": self.question_id,
            "when": self.started_at or self._clock(),
            "target_seconds": self.target.value(),
            "duration_seconds": self.duration_seconds,
            "score": score,
            "note": self.note.text().strip(),
        }
        self.ops.write(lambda s: RehearsalRepository(s).record(**values), initiator=self)
        self.status.setText("Saved. The story's next rehearsal is scheduled from this score.")
        self._reset_run(keep_status=True)
        self.refresh()

    def _reset_run(self, keep_status: bool = False) -> None:
        self._tick_timer.stop()
        self.started_at = None
        self.duration_seconds = None
        self.scores.setExclusive(False)
        for button in self.scores.buttons():
            button.setChecked(False)
        self.scores.setExclusive(True)
        self.note.clear()
        if not keep_status:
            self.status.setText("")
        self._set_phase("idle")
        self._show_remaining()
        self._show_history()

    def _set_phase(self, phase: str) -> None:
        has_prompt = self.question_id is not None or self.story.currentData() is not None
        self.start_button.setEnabled(phase == "idle" and has_prompt)
        self.stop_button.setEnabled(phase == "running")
        self.score_box.setVisible(phase == "scoring")
        self._update_save()

    def _update_save(self) -> None:
        self.save_button.setEnabled(
            self.duration_seconds is not None and self.scores.checkedId() > 0
        )


def _escape(text: str) -> str:
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br>")
    )
