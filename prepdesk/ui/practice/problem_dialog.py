"""New / edit problem: its fields and the curriculum topics it practises."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from prepdesk.core.practice import DIFFICULTIES, PLATFORMS
from prepdesk.store.repositories.problems import ProblemDetail, ProblemInput, TopicChoice
from prepdesk.ui.choice_combo import add_choices, select_value
from prepdesk.ui.full_text_tips import show_full_text_on_hover
from prepdesk.ui.theme import show_as_error

Submit = Callable[[ProblemInput], None]  # raises ValueError with a message to show


class ProblemDialog(QDialog):
    def __init__(
        self,
        topics: list[TopicChoice],
        submit: Submit,
        existing: ProblemDetail | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._submit = submit
        self.setWindowTitle("Edit problem" if existing else "New problem")
        self.title_edit = QLineEdit()
        self.title_edit.setAccessibleName("Title")
        self.title_edit.setPlaceholderText("e.g. Two Sum")
        self.platform_box = QComboBox()
        self.platform_box.setEditable(True)  # other platforms can be typed in
        self.platform_box.addItems(PLATFORMS)
        self.platform_box.setAccessibleName("Platform")
        self.url_edit = QLineEdit()
        self.url_edit.setAccessibleName("Link")
        self.url_edit.setPlaceholderText("https://leetcode.com/problems/…")
        self.difficulty_box = QComboBox()
        add_choices(self.difficulty_box, "difficulty", DIFFICULTIES)
        select_value(self.difficulty_box, "medium")
        self.difficulty_box.setAccessibleName("Difficulty")
        self.patterns_edit = QLineEdit()
        self.patterns_edit.setAccessibleName("Patterns")
        self.patterns_edit.setPlaceholderText("comma-separated, e.g. two pointers, hash map")
        self.topic_list = QListWidget()
        show_full_text_on_hover(self.topic_list)
        self.topic_list.setAccessibleName("Curriculum topics")
        self.all_topics_box = QCheckBox("Show all curriculum topics, not only algorithms")
        self.all_topics_box.setAccessibleName("Show all curriculum topics")
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setAccessibleName("Notes")
        self.notes_edit.setPlaceholderText("What to remember next time")
        self.error_label = QLabel()
        show_as_error(self.error_label)
        self.error_label.setWordWrap(True)
        self.error_label.hide()

        chosen = set(existing.topic_ids) if existing else set()
        for topic in topics:
            item = QListWidgetItem(f"{topic.name}  ({topic.area})")
            item.setData(Qt.ItemDataRole.UserRole, topic.id)
            item.setData(Qt.ItemDataRole.UserRole + 1, topic.is_algorithm)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if topic.id in chosen else Qt.CheckState.Unchecked
            )
            self.topic_list.addItem(item)
        # A problem already linked outside the algorithms area shows every topic.
        self.all_topics_box.setChecked(any(t.id in chosen and not t.is_algorithm for t in topics))
        self.all_topics_box.toggled.connect(self._show_topics)
        self._show_topics()

        if existing is not None:
            row = existing.row
            self.title_edit.setText(row.title)
            self.platform_box.setCurrentText(row.platform)
            self.url_edit.setText(row.url)
            select_value(self.difficulty_box, row.difficulty)
            self.patterns_edit.setText(row.patterns)
            self.notes_edit.setPlainText(existing.notes)

        form = QFormLayout()
        form.addRow("&Title", self.title_edit)
        form.addRow("&Platform", self.platform_box)
        form.addRow("&Link", self.url_edit)
        form.addRow("&Difficulty", self.difficulty_box)
        form.addRow("P&atterns", self.patterns_edit)
        form.addRow("T&opics", self.topic_list)
        form.addRow("", self.all_topics_box)
        form.addRow("&Notes", self.notes_edit)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.resize(self.fontMetrics().averageCharWidth() * 80, self.sizeHint().height())

    def _show_topics(self) -> None:
        show_all = self.all_topics_box.isChecked()
        for i in range(self.topic_list.count()):
            item = self.topic_list.item(i)
            is_algorithm = bool(item.data(Qt.ItemDataRole.UserRole + 1))
            checked = item.checkState() == Qt.CheckState.Checked
            item.setHidden(not (show_all or is_algorithm or checked))

    def value(self) -> ProblemInput:
        topic_ids = tuple(
            int(item.data(Qt.ItemDataRole.UserRole))
            for item in (self.topic_list.item(i) for i in range(self.topic_list.count()))
            if item.checkState() == Qt.CheckState.Checked
        )
        return ProblemInput(
            title=self.title_edit.text().strip(),
            platform=self.platform_box.currentText().strip(),
            difficulty=str(self.difficulty_box.currentData()),
            url=self.url_edit.text().strip(),
            patterns=self.patterns_edit.text().strip(),
            notes=self.notes_edit.toPlainText().strip(),
            topic_ids=topic_ids,
        )

    def accept(self) -> None:
        value = self.value()
        if not value.title:
            self._show_error("Give the problem a title.")
            self.title_edit.setFocus()
            return
        try:
            self._submit(value)
        except ValueError as exc:
            self._show_error(str(exc))
            return
        super().accept()

    def _show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()
