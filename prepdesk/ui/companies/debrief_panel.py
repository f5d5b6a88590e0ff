"""Questions actually asked in a stage, each sendable to the behavioral bank, the technical
question bank (under its topic) or the topics to review."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from prepdesk.store.repositories.stages import AskedRow, StageRepository
from prepdesk.store.repositories.tech_questions import TechQuestionRepository
from prepdesk.ui.companies.technical_question_dialog import ask_topic
from prepdesk.ui.full_text_tips import show_full_text_on_hover
from prepdesk.ui.operations import Operations

ASKED_ID = Qt.ItemDataRole.UserRole


class DebriefPanel(QWidget):
    def __init__(self, ops: Operations) -> None:
        super().__init__()
        self.ops = ops
        self.stage_id: int | None = None
        self.asked: tuple[AskedRow, ...] = ()
        title = QLabel("<b>Questions they asked</b>")
        title.setToolTip(
            "Send each to your behavioral bank or your technical questions, "
            "or make it a topic to review."
        )
        self.list = QListWidget()
        show_full_text_on_hover(self.list)
        self.list.setAccessibleName("Questions asked in this stage")
        self.list.setWordWrap(True)
        self.list.currentRowChanged.connect(lambda _row: self._update_buttons())
        self.new_text = QLineEdit()
        self.new_text.setPlaceholderText("A question they asked…")
        self.new_text.setAccessibleName("Question asked")
        self.new_text.returnPressed.connect(self.add)
        self.add_button = QPushButton("Add")
        self.add_button.setAccessibleName("Add asked question")
        self.add_button.clicked.connect(self.add)
        self.to_bank_button = QPushButton("Behavioral bank")
        self.to_bank_button.setAccessibleName("Send to the behavioral bank")
        self.to_bank_button.setToolTip("Add to your behavioral question bank")
        self.to_bank_button.clicked.connect(self.send_to_bank)
        self.to_technical_button = QPushButton("Technical bank…")
        self.to_technical_button.setAccessibleName("Send to the technical questions")
        self.to_technical_button.setToolTip(
            "Add to your technical questions under a topic, to drill it in Review due"
        )
        self.to_technical_button.clicked.connect(self.send_to_technical_bank)
        self.to_topic_button = QPushButton("As a topic")
        self.to_topic_button.setAccessibleName("Add as a topic to review")
        self.to_topic_button.setToolTip("Create a topic to review from this question")
        self.to_topic_button.clicked.connect(self.send_to_topics)
        self.remove_button = QPushButton("Remove")
        self.remove_button.setAccessibleName("Remove asked question")
        self.remove_button.clicked.connect(self.remove)
        adding = QHBoxLayout()
        adding.addWidget(self.new_text, 1)
        adding.addWidget(self.add_button)
        sending = QHBoxLayout()
        sending.addWidget(self.to_bank_button)
        sending.addWidget(self.to_technical_button)
        sending.addWidget(self.to_topic_button)
        sending.addStretch(1)
        sending.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title)
        layout.addWidget(self.list, 1)
        layout.addLayout(adding)
        layout.addLayout(sending)

    def show_asked(self, stage_id: int, asked: tuple[AskedRow, ...]) -> None:
        current = self.current_id()
        self.stage_id, self.asked = stage_id, asked
        self.list.clear()
        for row in asked:
            sent = []
            if row.behavioral_question_id is not None:
                sent.append("in the behavioral bank")
            if row.tech_question_id is not None:
                sent.append("in technical questions")
            if row.topic_id is not None:
                sent.append("a topic to review")
            suffix = f"  ({', '.join(sent)})" if sent else ""
            item = QListWidgetItem(row.text + suffix)
            item.setData(ASKED_ID, row.id)
            self.list.addItem(item)
            if row.id == current:
                self.list.setCurrentItem(item)
        if not asked:
            hint = QListWidgetItem(
                "None yet. After the interview, add the questions they asked: each can go to "
                "your behavioral bank or your technical questions, or become a topic to review."
            )
            hint.setFlags(Qt.ItemFlag.NoItemFlags)
            self.list.addItem(hint)
        self._update_buttons()

    def current_id(self) -> int | None:
        item = self.list.currentItem()
        value = item.data(ASKED_ID) if item is not None else None
        return int(value) if value is not None else None

    def _current(self) -> AskedRow | None:
        asked_id = self.current_id()
        return next((row for row in self.asked if row.id == asked_id), None)

    def _update_buttons(self) -> None:
        row = self._current()
        self.to_bank_button.setEnabled(row is not None and row.behavioral_question_id is None)
        self.to_technical_button.setEnabled(row is not None and row.tech_question_id is None)
        self.to_topic_button.setEnabled(row is not None and row.topic_id is None)
        self.remove_button.setEnabled(row is not None)

    def add(self) -> None:
        text, stage_id = self.new_text.text().strip(), self.stage_id
        if not text or stage_id is None:
            return
        self.ops.write(lambda s: StageRepository(s).add_asked(stage_id, text), initiator=self)
        self.new_text.clear()

    def send_to_bank(self) -> None:
        asked_id = self.current_id()
        if asked_id is not None:
            self.ops.write(
                lambda s: StageRepository(s).send_to_behavioral_bank(asked_id), initiator=self
            )

    def send_to_technical_bank(self) -> None:
        row = self._current()
        if row is None:
            return
        _areas, topics = self.ops.read(lambda s: TechQuestionRepository(s).topic_choices())
        accepted, topic_id = ask_topic(row.text, topics, self)
        if accepted:
            self.ops.write(
                lambda s: StageRepository(s).send_to_technical_bank(row.id, topic_id),
                initiator=self,
                what="the question for your technical questions",
            )

    def send_to_topics(self) -> None:
        asked_id = self.current_id()
        if asked_id is not None:
            self.ops.write(lambda s: StageRepository(s).send_to_topics(asked_id), initiator=self)

    def remove(self) -> None:
        asked_id = self.current_id()
        if asked_id is not None:
            self.ops.delete(
                "debrief_question",
                asked_id,
                lambda s: StageRepository(s).remove_asked(asked_id),
                initiator=self,
            )
