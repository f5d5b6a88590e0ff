"""Sending a question asked in an interview to the technical question bank: under which
topic it is drilled."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QFormLayout,
    QLabel,
    QWidget,
)

from prepdesk.ui.dialog_buttons import ok_cancel_buttons


class TechnicalQuestionDialog(QDialog):
    def __init__(
        self, question: str, topics: list[tuple[int, str]], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Add to technical questions")
        hint = QLabel(
            "It joins your technical questions as a new one to drill in Review due, "
            "where you can write your answer. Pick the topic it tests; typing finds one."
        )
        hint.setWordWrap(True)
        text = QLabel(question)
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.topic = QComboBox()
        self.topic.setAccessibleName("Topic of the question")
        self.topic.addItem("No topic", None)
        for topic_id, label in topics:
            self.topic.addItem(label, topic_id)
        self.topic.setEditable(True)
        self.topic.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        completer = self.topic.completer()
        if completer is not None:
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        buttons, self.ok_button = ok_cancel_buttons(self, "Add question")
        layout = QFormLayout(self)
        layout.addRow(hint)
        layout.addRow("Question", text)
        layout.addRow("Topic", self.topic)
        layout.addRow(buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 70)

    def topic_id(self) -> int | None:
        """The topic chosen: the item whose label was typed or picked; None for no topic."""
        index = self.topic.findText(self.topic.currentText(), Qt.MatchFlag.MatchFixedString)
        value = self.topic.itemData(index) if index >= 0 else None
        return int(value) if value is not None else None


def ask_topic(
    question: str, topics: list[tuple[int, str]], parent: QWidget
) -> tuple[bool, int | None]:
    """(accepted, the topic id chosen or None)."""
    dialog = TechnicalQuestionDialog(question, topics, parent)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False, None
        return True, dialog.topic_id()
    finally:
        dialog.deleteLater()
