"""The behavioral question bank and the competencies, both extendable by the user."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from prepdesk.store.repositories.questions import QuestionRepository
from prepdesk.ui.full_text_tips import show_full_text_on_hover
from prepdesk.ui.operations import Operations
from prepdesk.ui.stories.text_fields import heading_font, hint_label

SOURCE_LABELS = {"builtin": "built in", "user": "yours", "debrief": "asked in an interview"}


class QuestionBank(QWidget):
    def __init__(self, ops: Operations) -> None:
        super().__init__()
        self.ops = ops
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        title = QLabel("Behavioral questions")
        title.setFont(heading_font(self.font(), 1.25))
        layout.addWidget(title)
        layout.addWidget(
            hint_label(
                "Common questions, grouped by the competency they probe. Link them to your "
                "stories in the story editor; add the ones you were asked or expect."
            )
        )
        self.tree = QTreeWidget()
        show_full_text_on_hover(self.tree)
        self.tree.setAccessibleName("Question bank")
        self.tree.setHeaderLabels(["Question", "Source", "Stories"])
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.setAlternatingRowColors(True)
        layout.addWidget(self.tree, 1)

        add_row = QHBoxLayout()
        self.new_question = QLineEdit()
        self.new_question.setAccessibleName("New question")
        self.new_question.setPlaceholderText(
            "Your own question, e.g. “Tell me about a model that failed in production”"
        )
        self.new_competency_choice = QComboBox()
        self.new_competency_choice.setAccessibleName("Competency of the new question")
        self.add_question_button = QPushButton("Add question")
        self.add_question_button.setAccessibleName("Add the question to the bank")
        self.delete_button = QPushButton("Delete")
        self.delete_button.setAccessibleName("Delete the selected question (yours only)")
        add_row.addWidget(self.new_question, 1)
        add_row.addWidget(self.new_competency_choice)
        add_row.addWidget(self.add_question_button)
        add_row.addWidget(self.delete_button)
        layout.addLayout(add_row)

        competency_row = QHBoxLayout()
        self.new_competency = QLineEdit()
        self.new_competency.setAccessibleName("New competency")
        self.new_competency.setPlaceholderText("A competency of your own, e.g. “Customer focus”")
        self.add_competency_button = QPushButton("Add competency")
        self.add_competency_button.setAccessibleName("Add the competency")
        competency_row.addWidget(self.new_competency, 1)
        competency_row.addWidget(self.add_competency_button)
        layout.addLayout(competency_row)

        self.add_question_button.clicked.connect(self.add_question)
        self.new_question.returnPressed.connect(self.add_question)
        self.add_competency_button.clicked.connect(self.add_competency)
        self.new_competency.returnPressed.connect(self.add_competency)
        self.delete_button.clicked.connect(self.delete_question)
        self.tree.currentItemChanged.connect(lambda *_: self._update_buttons())
        # Read when first shown (StoriesPage's stale tabs): not while the page is built.

    def refresh(self) -> None:
        competencies, questions = self.ops.read(
            lambda s: (QuestionRepository(s).competencies(), QuestionRepository(s).questions())
        )
        chosen = self.new_competency_choice.currentData()
        self.new_competency_choice.clear()
        self.new_competency_choice.addItem("No competency", None)
        for competency in competencies:
            self.new_competency_choice.addItem(competency.name, competency.id)
        self.new_competency_choice.setCurrentIndex(
            max(0, self.new_competency_choice.findData(chosen))
        )
        self.tree.clear()
        groups: dict[int | None, QTreeWidgetItem] = {}
        for competency in competencies:
            group = QTreeWidgetItem(self.tree, [competency.name])
            group.setFirstColumnSpanned(True)
            group.setToolTip(0, competency.description)
            groups[competency.id] = group
        for question in questions:
            parent = groups.get(question.competency_id)
            if parent is None:
                parent = groups.setdefault(None, QTreeWidgetItem(self.tree, ["No competency"]))
            item = QTreeWidgetItem(
                parent,
                [
                    question.text,
                    SOURCE_LABELS.get(question.source, question.source),
                    str(question.story_count) if question.story_count else "none",
                ],
            )
            item.setData(0, Qt.ItemDataRole.UserRole, question.id)
            item.setData(1, Qt.ItemDataRole.UserRole, question.source)
        for group in groups.values():
            group.setText(0, f"{group.text(0)} ({group.childCount()})")
        self.tree.expandAll()
        self._update_buttons()

    def question_items(self) -> list[QTreeWidgetItem]:
        groups = [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]
        return [
            child
            for group in groups
            if group is not None
            for j in range(group.childCount())
            if (child := group.child(j)) is not None
        ]

    def add_question(self) -> None:
        text = self.new_question.text()
        competency_id = self.new_competency_choice.currentData()
        try:
            self.ops.write(
                lambda s: QuestionRepository(s).add_question(text, competency_id), initiator=self
            )
        except ValueError as exc:
            QMessageBox.information(self, "Question not added", str(exc))
            return
        self.new_question.clear()

    def add_competency(self) -> None:
        name = self.new_competency.text()
        try:
            self.ops.write(lambda s: QuestionRepository(s).add_competency(name), initiator=self)
        except ValueError as exc:
            QMessageBox.information(self, "Competency not added", str(exc))
            return
        self.new_competency.clear()

    def delete_question(self) -> None:
        item = self.tree.currentItem()
        if item is None or item.data(0, Qt.ItemDataRole.UserRole) is None:
            return
        question_id = int(item.data(0, Qt.ItemDataRole.UserRole))
        self.ops.delete(
            "behavioral_question",
            question_id,
            lambda s: QuestionRepository(s).delete_question(question_id),
            initiator=self,
        )

    def _update_buttons(self) -> None:
        item = self.tree.currentItem()
        own = item is not None and item.data(1, Qt.ItemDataRole.UserRole) == "user"
        self.delete_button.setEnabled(own)
