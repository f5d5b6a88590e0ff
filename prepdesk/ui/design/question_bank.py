"""The technical question bank: filter by area and difficulty, write your own answer in
Markdown with maths (a preview draws it), add your own questions, archive the ones you
do not want drilled."""

from __future__ import annotations

from datetime import datetime
from typing import Any, cast

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from prepdesk.core.presentation import date_text, label
from prepdesk.core.question_drills import QUESTION_DIFFICULTIES
from prepdesk.store.repositories.tech_questions import QuestionRow, TechQuestionRepository
from prepdesk.ui.choice_combo import add_choices
from prepdesk.ui.clock import Clock
from prepdesk.ui.design.archive_button import ArchiveButton
from prepdesk.ui.design.math_markdown import MathMarkdownView
from prepdesk.ui.edit_form import EditForm, SaveStatus
from prepdesk.ui.full_text_tips import show_full_text_on_hover
from prepdesk.ui.operations import Operations
from prepdesk.ui.stories.text_fields import FIELD_STYLE

ID_ROLE = Qt.ItemDataRole.UserRole
PREVIEW_DELAY_MS = 400


class QuestionBank(QWidget):
    changed_selection = Signal(int)

    def __init__(self, ops: Operations, clock: Clock) -> None:
        super().__init__()
        self.ops = ops
        self._clock = clock
        self.question_id: int | None = None
        self._rows: list[QuestionRow] = []
        self.setStyleSheet(FIELD_STYLE)

        self.filter = QLineEdit()
        self.filter.setPlaceholderText("Filter questions…")
        self.filter.setAccessibleName("Filter questions")
        self.filter.textChanged.connect(lambda _t: self._fill())
        self.area = QComboBox()
        self.area.setAccessibleName("Area")
        self.area.currentIndexChanged.connect(lambda _i: self._fill())
        self.difficulty_filter = QComboBox()
        self.difficulty_filter.setAccessibleName("Difficulty shown")
        self.difficulty_filter.addItem("Any difficulty", "")
        add_choices(self.difficulty_filter, "difficulty", QUESTION_DIFFICULTIES)
        self.difficulty_filter.currentIndexChanged.connect(lambda _i: self._fill())
        self.show_archived = QCheckBox("Show archived")
        self.show_archived.toggled.connect(lambda _on: self.refresh())
        self.new_button = QPushButton("New question")
        self.new_button.setAccessibleName("Add your own question")
        self.new_button.clicked.connect(self.new_question)
        self.tree = QTreeWidget()
        show_full_text_on_hover(self.tree)
        self.tree.setAccessibleName("Technical questions")
        self.tree.setHeaderLabels(["Question", "Level", "Topic", "Answer", "Next drill"])
        self.tree.setRootIsDecorated(False)
        self.tree.currentItemChanged.connect(lambda *_a: self._on_current())
        filters = QHBoxLayout()
        filters.addWidget(self.area, 1)
        filters.addWidget(self.difficulty_filter)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(8, 8, 0, 8)
        left_layout.addWidget(self.filter)
        left_layout.addLayout(filters)
        left_layout.addWidget(self.tree, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.show_archived, 1)
        bottom.addWidget(self.new_button)
        left_layout.addLayout(bottom)

        self.form = EditForm(
            ops,
            lambda s, key, values: TechQuestionRepository(s).update(cast(int, key), values),
            self,
            what=lambda _key: "the question",
        )
        self.text = QPlainTextEdit()
        self.text.setAccessibleName("Question")
        self.text.setTabChangesFocus(True)
        self.text.setMaximumHeight(self.fontMetrics().lineSpacing() * 4 + 16)
        self.form.bind("text", self.text)
        self.difficulty = QComboBox()
        self.difficulty.setAccessibleName("Difficulty")
        add_choices(self.difficulty, "difficulty", QUESTION_DIFFICULTIES)
        self.form.bind("difficulty", self.difficulty)
        self.topic = QComboBox()
        self.topic.setAccessibleName("Topic")
        self.form.bind("topic_id", self.topic)
        self.answer = QPlainTextEdit()
        self.answer.setAccessibleName("Your answer")
        self.answer.setTabChangesFocus(True)
        self.answer.setPlaceholderText(
            "Your answer in Markdown; maths between dollars: $\\frac{a}{b}$, $$\\sum_i x_i$$"
        )
        self.form.bind("answer", self.answer)
        self.preview = MathMarkdownView("Answer preview")
        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(PREVIEW_DELAY_MS)
        self._preview_timer.timeout.connect(self._update_preview)
        self.answer.textChanged.connect(self._preview_timer.start)
        self.status = SaveStatus(self.form)
        self.archive_button = ArchiveButton(
            ops,
            self.form,
            "question",
            lambda s, record_id, on: TechQuestionRepository(s).set_archived(record_id, on),
            self.refresh,
        )

        details = QFormLayout()
        details.addRow("Question", self.text)
        details.addRow("Difficulty", self.difficulty)
        details.addRow("Topic", self.topic)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(16, 8, 8, 8)
        right_layout.addLayout(details)
        right_layout.addWidget(QLabel("Your answer (Markdown, maths in $…$):"))
        right_layout.addWidget(self.answer, 2)
        right_layout.addWidget(QLabel("Preview:"))
        right_layout.addWidget(self.preview, 1)
        status_row = QHBoxLayout()
        status_row.addWidget(self.status, 1)
        status_row.addWidget(self.archive_button)
        right_layout.addLayout(status_row)
        self.detail = right

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self._load_choices()
        self.refresh()

    def _load_choices(self) -> None:
        areas, topics = self.ops.read(lambda s: TechQuestionRepository(s).topic_choices())
        self.area.addItem("All areas", "")
        for name in areas:
            self.area.addItem(name, name)
        self.topic.addItem("No topic", None)
        for topic_id, name in topics:
            self.topic.addItem(name, topic_id)

    # data --------------------------------------------------------------------------

    def refresh(self) -> None:
        include = self.show_archived.isChecked()
        self._rows = self.ops.read(
            lambda s: TechQuestionRepository(s).rows(include_archived=include)
        )
        self._fill()

    def _fill(self) -> None:
        words = self.filter.text().lower().split()
        area = self.area.currentData() or ""
        level = self.difficulty_filter.currentData() or ""
        now = self._clock()
        shown = [
            row
            for row in self._rows
            if not (area and row.area != area)
            and not (level and row.difficulty != level)
            and all(w in f"{row.text} {row.topic}".lower() for w in words)
        ]
        items = self._items()
        if [item.data(0, ID_ROLE) for item in items] == [row.id for row in shown]:
            for item, row in zip(items, shown, strict=True):  # same list: keep the scroll
                for column, text in enumerate(_columns(row, now)):
                    item.setText(column, text)
            self._on_current()
            return
        self.tree.blockSignals(True)
        self.tree.clear()
        current: QTreeWidgetItem | None = None
        for row in shown:
            item = QTreeWidgetItem(self.tree, _columns(row, now))
            item.setData(0, ID_ROLE, row.id)
            item.setToolTip(0, row.text)
            if row.id == self.question_id:
                current = item
        self.tree.setColumnWidth(0, self.fontMetrics().averageCharWidth() * 60)
        self.tree.blockSignals(False)
        if current is None and self.tree.topLevelItemCount():
            current = self.tree.topLevelItem(0)
        if current is not None:
            self.tree.setCurrentItem(current)
        self._on_current()

    def select_question(self, question_id: int) -> None:
        """Shows question `question_id`: filters cleared, archived ones shown if need be."""
        filters = (self.filter, self.area, self.difficulty_filter, self.show_archived)
        for widget in filters:
            widget.blockSignals(True)
        self.filter.clear()
        self.area.setCurrentIndex(0)
        self.difficulty_filter.setCurrentIndex(0)
        if not any(row.id == question_id for row in self._rows):
            self.show_archived.setChecked(True)
        for widget in filters:
            widget.blockSignals(False)
        self.question_id = question_id
        self.refresh()
        for item in self._items():
            if item.data(0, ID_ROLE) == question_id:
                self.tree.setCurrentItem(item)
                self.tree.scrollToItem(item)
                break

    def _items(self) -> list[QTreeWidgetItem]:
        count = self.tree.topLevelItemCount()
        return [item for i in range(count) if (item := self.tree.topLevelItem(i)) is not None]

    def _on_current(self) -> None:
        item = self.tree.currentItem()
        question_id = item.data(0, ID_ROLE) if item is not None else None
        self.detail.setEnabled(question_id is not None)
        if question_id is None:
            self.form.clear()
            return
        self.question_id = question_id
        values: dict[str, Any] = self.ops.read(
            lambda s: TechQuestionRepository(s).values(question_id)
        )
        self.form.load(question_id, values)
        archived = bool(values["archived"])
        self.archive_button.show_state(question_id, archived)
        self._update_preview()

    def _update_preview(self) -> None:
        self.preview.set_markdown(self.answer.toPlainText(), "Write your answer above.")

    # actions -----------------------------------------------------------------------

    def new_question(self) -> None:
        topic_id = self.topic.currentData() if self.question_id is not None else None
        question_id = self.ops.write(
            lambda s: TechQuestionRepository(s).create("New question", topic_id),
            initiator=self,
            what="the new question",
        )
        self.select_question(question_id)
        self.text.setFocus()
        self.text.selectAll()


def _columns(row: QuestionRow, now: datetime) -> list[str]:
    return [
        f"{row.text} (archived)" if row.archived else row.text,
        label("difficulty", row.difficulty),
        row.topic,
        "written" if row.answered else "",
        _next_drill(row.due, row.last_review, now),
    ]


def _next_drill(due: datetime | None, last_review: datetime | None, now: datetime) -> str:
    if last_review is None:
        return "new"
    if due is None or due <= now:
        return "due now"
    return date_text(due)
