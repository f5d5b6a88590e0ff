"""One topic: recall at the interview, rating with each level's meaning, timer, notes,
resources, sessions and rating history."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from prepdesk.core.levels import LEVEL_MEANINGS
from prepdesk.store.repositories.topics import TopicDetail, TopicRepository
from prepdesk.ui.operations import Operations
from prepdesk.ui.topics.markdown_field import MarkdownField
from prepdesk.ui.topics.session_dialog import SessionDialog, offer_to_log
from prepdesk.ui.topics.sessions_table import SessionsTable
from prepdesk.ui.topics.study_timer import study_timer_for
from prepdesk.ui.topics.topic_tree import recall_colour


class TopicDetailPane(QWidget):
    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ops = ops
        self.timer = study_timer_for(ops)
        self.topic: TopicDetail | None = None
        self.log_dialog: SessionDialog | None = None

        self.name = QLabel()
        font = self.name.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.name.setFont(font)
        self.name.setWordWrap(True)
        self.area = QLabel()
        self.recall = QLabel()
        self.recall.setObjectName("recallAtInterview")
        self.recall.setWordWrap(True)
        self.recall.setMargin(6)
        self.current = QLabel()

        self.level = QComboBox()
        self.level.setAccessibleName("Mastery level")
        for level, meaning in LEVEL_MEANINGS.items():
            self.level.addItem(f"{level} – {meaning}", level)
        self.rating_note = QLineEdit()
        self.rating_note.setPlaceholderText("Optional note, e.g. after a mock interview")
        self.rating_note.setAccessibleName("Rating note")
        self.rate_button = QPushButton("Rate")
        self.rate_button.setAccessibleName("Record this rating")
        self.rate_button.clicked.connect(self.rate)
        self.timer_button = QPushButton()
        self.timer_button.setAccessibleName("Start or stop the study timer")
        self.timer_button.clicked.connect(self.toggle_timer)

        rating = QGridLayout()
        rating.addWidget(QLabel("Rate yourself:"), 0, 0)
        rating.addWidget(self.level, 0, 1)
        rating.addWidget(self.rate_button, 0, 2)
        rating.addWidget(self.rating_note, 1, 1, 1, 2)
        rating.setColumnStretch(1, 1)

        self.notes = MarkdownField(
            "Notes",
            "No notes yet. Click Edit to write your own summary in Markdown.",
            self._save_notes,
        )
        self.resources = MarkdownField(
            "Resources",
            "No resources yet. Click Edit and add books, courses or links, one a line.",
            self._save_resources,
            as_list=True,
        )
        self.sessions = SessionsTable(ops, clock=lambda: self.timer.clock())
        self.history = QListWidget()
        self.history.setAccessibleName("Rating history")
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Topic notes and resources")
        self.tabs.addTab(self.notes, "Notes")
        self.tabs.addTab(self.resources, "Resources")
        self.tabs.addTab(self.sessions, "Sessions")
        self.tabs.addTab(self.history, "Rating history")

        top = QHBoxLayout()
        title = QVBoxLayout()
        title.addWidget(self.name)
        title.addWidget(self.area)
        top.addLayout(title, 1)
        top.addWidget(self.timer_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.recall)
        layout.addWidget(self.current)
        layout.addLayout(rating)
        layout.addWidget(self.tabs, 1)
        self.timer.started.connect(self._update_timer_button)
        self.timer.stopped.connect(self._update_timer_button)
        self.setTabOrder(self.timer_button, self.level)
        self.setTabOrder(self.level, self.rate_button)
        self.setTabOrder(self.rate_button, self.rating_note)
        self.setTabOrder(self.rating_note, self.tabs)
        self.setEnabled(False)

    def show_topic(
        self, topic_id: int | None, recall: float | None = None, interview: str = ""
    ) -> None:
        if topic_id is None:
            self.topic = None
            self.name.setText("Choose a topic")
            self.area.setText("Its ratings, notes, resources and study sessions show here.")
            self.recall.setText("")
            self.recall.setStyleSheet("")
            self.current.setText("")
            self.setEnabled(False)
            return
        self.setEnabled(True)
        topic = self._ops.read(lambda s: TopicRepository(s).detail(topic_id))
        self.topic = topic
        self.name.setText(topic.name)
        self.area.setText(topic.area_name + ("  ·  archived" if topic.archived else ""))
        if recall is None:
            self.recall.setText(
                "Predicted recall at your next interview: not yet reviewed (counts 0 in "
                "readiness). Study it once and it comes up in Review due."
                if interview
                else "Predicted recall at the interview appears once an interview is scheduled."
            )
            self.recall.setStyleSheet("")
        else:
            self.recall.setText(f"Predicted recall at your interview ({interview}): {recall:.0%}")
            colour = recall_colour(recall).name()
            self.recall.setStyleSheet(
                f"background: {colour}; color: #1d1d1d; border-radius: 4px; font-weight: bold;"
            )
        if topic.level is None:
            self.current.setText(f"Not rated yet · target {topic.target}")
        else:
            latest = topic.ratings[0]
            self.current.setText(
                f"Now {latest.level} / 5 ({LEVEL_MEANINGS[latest.level].lower()}), rated "
                f"{latest.rated_at.astimezone():%d %b %Y} · target {topic.target}"
            )
        self.level.setCurrentIndex(topic.level if topic.level is not None else 0)
        self.rating_note.clear()
        self.notes.set_text(topic.notes)
        self.resources.set_text(topic.resources)
        self.sessions.load(topic.id, topic.name, topic.sessions)
        self.history.clear()
        for row in topic.ratings:
            note = f" — {row.note}" if row.note else ""
            self.history.addItem(f"{row.rated_at.astimezone():%a %d %b %Y}: {row.level} / 5{note}")
        if not topic.ratings:
            self.history.addItem("No ratings yet: each rating you give is kept here.")
        self._update_timer_button()

    def rate(self) -> None:
        if self.topic is None:
            return
        topic_id, level = self.topic.id, int(self.level.currentData())
        note, when = self.rating_note.text().strip(), self.timer.clock()
        self._ops.write(
            lambda s: TopicRepository(s).rate(topic_id, level, when, note), initiator=self
        )

    def toggle_timer(self) -> None:
        if self.topic is None:
            return
        if self.timer.running and self.timer.topic_id == self.topic.id:
            record = self.timer.stop()
            if record is not None:
                self.log_dialog = offer_to_log(self._ops, record, self.window())
        else:
            previous = self.timer.start(self.topic.id, self.topic.name)
            if previous is not None:
                self.log_dialog = offer_to_log(self._ops, previous, self.window())

    def _update_timer_button(self, *_args: object) -> None:
        mine = self.topic is not None and self.timer.topic_id == self.topic.id
        self.timer_button.setText("Stop and log…" if mine else "Start timer")

    def _save_notes(self, text: str) -> None:
        if self.topic is not None:
            topic_id = self.topic.id
            self._ops.write(lambda s: TopicRepository(s).set_notes(topic_id, text), initiator=self)

    def _save_resources(self, text: str) -> None:
        if self.topic is not None:
            topic_id = self.topic.id
            self._ops.write(
                lambda s: TopicRepository(s).set_resources(topic_id, text), initiator=self
            )
