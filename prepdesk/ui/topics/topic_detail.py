"""One topic: recall at the interview, rating with each level's meaning, timer, notes,
resources, sessions and rating history.

Notes, resources and the target level save themselves through an `EditForm`. The level
and note of the next rating are a draft for the Rate button: kept per topic while the
person looks elsewhere, and left alone by every refresh.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

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
from sqlalchemy.orm import Session

from prepdesk.core.levels import LEVEL_MEANINGS
from prepdesk.core.presentation import date_text
from prepdesk.store.repositories.topics import TopicDetail, TopicRepository
from prepdesk.ui.colours import ThemeColours
from prepdesk.ui.edit_form import EditForm, SaveStatus
from prepdesk.ui.full_text_tips import show_full_text_on_hover
from prepdesk.ui.operations import Operations
from prepdesk.ui.theme import current_colours, follow_theme
from prepdesk.ui.topics.markdown_field import MarkdownField
from prepdesk.ui.topics.session_dialog import SessionDialog, offer_to_log
from prepdesk.ui.topics.sessions_table import SessionsTable
from prepdesk.ui.topics.study_timer import study_timer_for


class TopicDetailPane(QWidget):
    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ops = ops
        self.timer = study_timer_for(ops)
        self.topic: TopicDetail | None = None
        self.log_dialog: SessionDialog | None = None
        self._drafts: dict[int, tuple[int, str]] = {}  # topic id: (level, note) not yet rated
        self.form = EditForm(ops, save_topic_fields, self, what=self._what)

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
        self._recall_value: float | None = None
        follow_theme(self.recall, self._paint_recall)
        self.current = QLabel()
        self.current.setWordWrap(True)  # never widens the pane (the divider stays put)

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

        self.target = QComboBox()
        self.target.setAccessibleName("Target level")
        self.target.setToolTip("The level you aim to reach by the interview")
        for level, meaning in LEVEL_MEANINGS.items():
            if level:
                self.target.addItem(f"{level} – {meaning}", level)

        # Captions above their fields: each level's meaning gets the pane's full width,
        # so the pane stays narrow and the topic tree keeps room for names.
        rating = QGridLayout()
        rate_caption = QLabel("&Rate yourself:")
        rate_caption.setBuddy(self.level)
        target_caption = QLabel("&Target:")
        target_caption.setBuddy(self.target)
        rating.addWidget(rate_caption, 0, 0, 1, 2)
        rating.addWidget(self.level, 1, 0, 1, 2)
        rating.addWidget(self.rating_note, 2, 0)
        rating.addWidget(self.rate_button, 2, 1)
        rating.addWidget(target_caption, 3, 0, 1, 2)
        rating.addWidget(self.target, 4, 0, 1, 2)
        rating.setColumnStretch(0, 1)

        self.notes = MarkdownField(
            "Notes", "No notes yet. Click Write to keep your own summary in Markdown."
        )
        self.resources = MarkdownField(
            "Resources",
            "No resources yet. Click Write and add books, courses or links, one a line.",
            as_list=True,
        )
        self.form.bind("notes", self.notes)
        self.form.bind("resources", self.resources)
        self.form.bind("target", self.target)
        for field in (self.notes, self.resources):
            field.editor.installEventFilter(self.form)  # focus-out saves, as for any field
        self.save_status = SaveStatus(self.form)
        self.sessions = SessionsTable(ops, clock=lambda: self.timer.clock())
        self.history = QListWidget()
        show_full_text_on_hover(self.history)
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
        layout.addWidget(self.save_status)
        self.timer.started.connect(self._update_timer_button)
        self.timer.stopped.connect(self._update_timer_button)
        self.setTabOrder(self.timer_button, self.level)
        self.setTabOrder(self.level, self.rate_button)
        self.setTabOrder(self.rate_button, self.rating_note)
        self.setTabOrder(self.rating_note, self.target)
        self.setTabOrder(self.target, self.tabs)
        self.setEnabled(False)

    def _paint_recall(self, colours: ThemeColours) -> None:
        """The predicted recall banner in its recall swatch, or plain when there is none."""
        if self._recall_value is None:
            self.recall.setStyleSheet("")
            return
        swatch = colours.recall(self._recall_value)
        self.recall.setStyleSheet(
            f"background: {swatch.background}; color: {swatch.text}; "
            "border-radius: 4px; font-weight: bold;"
        )

    def show_topic(
        self, topic_id: int | None, recall: float | None = None, interview: str = ""
    ) -> None:
        if topic_id is None:
            self._keep_draft()
            self.form.clear()
            self.topic = None
            self.name.setText("Choose a topic")
            self.area.setText("Its ratings, notes, resources and study sessions show here.")
            self.recall.setText("")
            self._recall_value = None
            self._paint_recall(current_colours())
            self.current.setText("")
            self.setEnabled(False)
            return
        self.setEnabled(True)
        try:
            topic = self._ops.read(lambda s: TopicRepository(s).detail(topic_id))
        except LookupError:  # deleted meanwhile
            self.form.forget(topic_id)
            self.show_topic(None)
            return
        switching = self.topic is None or self.topic.id != topic_id
        if switching:
            self._keep_draft()
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
            self._recall_value = None
            self._paint_recall(current_colours())
        else:
            self.recall.setText(f"Predicted recall at your interview ({interview}): {recall:.0%}")
            self._recall_value = recall
            self._paint_recall(current_colours())
        if topic.level is None:
            self.current.setText(f"Not rated yet · target {topic.target}")
        else:
            latest = topic.ratings[0]
            self.current.setText(
                f"Now {latest.level} / 5 ({LEVEL_MEANINGS[latest.level].lower()}), rated "
                f"{date_text(latest.rated_at)} · target {topic.target}"
            )
        if switching:
            level, note = self._drafts.pop(topic.id, (topic.level or 0, ""))
            self.level.setCurrentIndex(self.level.findData(level))
            self.rating_note.setText(note)
            self.notes.show_rendered()
            self.resources.show_rendered()
        values = {"notes": topic.notes, "resources": topic.resources, "target": topic.target}
        self.form.load(topic.id, values)
        self.sessions.load(topic.id, topic.name, topic.sessions)
        self.history.clear()
        for row in topic.ratings:
            note = f" — {row.note}" if row.note else ""
            self.history.addItem(f"{date_text(row.rated_at)}: {row.level} / 5{note}")
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
        self.rating_note.clear()  # rated: the draft is done

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

    def _keep_draft(self) -> None:
        """The unrated level and note of the topic being left, for when it is shown again."""
        if self.topic is None:
            return
        level = int(self.level.currentData())
        note = self.rating_note.text()
        if note or level != (self.topic.level or 0):
            self._drafts[self.topic.id] = (level, note)

    def _what(self, key: Hashable) -> str:
        name = self.topic.name if self.topic is not None and self.topic.id == key else ""
        return f"the topic '{name}'" if name else "the topic"


def save_topic_fields(session: Session, key: Hashable, values: dict[str, Any]) -> None:
    """The EditForm's save: a topic's notes, resources and target level."""
    repo = TopicRepository(session)
    topic_id = int(key)  # type: ignore[call-overload]
    if "notes" in values:
        repo.set_notes(topic_id, values["notes"])
    if "resources" in values:
        repo.set_resources(topic_id, values["resources"])
    if "target" in values:
        repo.set_target(topic_id, int(values["target"]))
