"""The story editor's link sections: competency tags, linked questions and follow-ups."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from prepdesk.store.repositories.questions import CompetencyView, QuestionView
from prepdesk.store.repositories.stories import FollowUpView, QuestionRef
from prepdesk.ui.stories.text_fields import GrowingTextEdit, LineField, hint_label


class CompetencyChips(QListWidget):
    """Competencies as checkable chips that wrap like words in a paragraph."""

    toggled = Signal(int, bool)  # competency id, tagged

    def __init__(self) -> None:
        super().__init__()
        self.setAccessibleName("Competency tags")
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(True)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setSpacing(4)
        self.setFrameShape(QListWidget.Shape.NoFrame)
        # Transparent without a style sheet (one makes Fusion paint the check boxes black).
        self.viewport().setAutoFillBackground(False)
        self.itemChanged.connect(self._on_item_changed)

    def show_competencies(self, competencies: list[CompetencyView], tagged: frozenset[int]) -> None:
        self.blockSignals(True)
        self.clear()
        for competency in competencies:
            item = QListWidgetItem(competency.name)
            item.setData(Qt.ItemDataRole.UserRole, competency.id)
            item.setToolTip(competency.description)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = competency.id in tagged
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.addItem(item)
        self.blockSignals(False)
        self._fit()

    def checked_ids(self) -> set[int]:
        return {
            int(self.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.count())
            if self.item(i).checkState() == Qt.CheckState.Checked
        }

    def item_for(self, name: str) -> QListWidgetItem:
        return next(self.item(i) for i in range(self.count()) if self.item(i).text() == name)

    def _on_item_changed(self, item: QListWidgetItem) -> None:
        tagged = item.checkState() == Qt.CheckState.Checked
        self.toggled.emit(int(item.data(Qt.ItemDataRole.UserRole)), tagged)

    def resizeEvent(self, event: object) -> None:  # type: ignore[override]
        super().resizeEvent(event)  # type: ignore[arg-type]
        self._fit()

    def _fit(self) -> None:
        # Tall enough for every wrapped row: the page scrolls, not this list.
        self.doItemsLayout()
        bottom = max(
            (self.visualItemRect(self.item(i)).bottom() for i in range(self.count())), default=0
        )
        self.setFixedHeight(max(bottom + 12, self.fontMetrics().height() * 2))


class FittedList(QListWidget):
    """A list as tall as its (word-wrapped) items: the page scrolls, not the list."""

    def __init__(self) -> None:
        super().__init__()
        self.setWordWrap(True)
        self.setSpacing(3)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def fit(self) -> None:
        self.doItemsLayout()
        bottom = max(
            (self.visualItemRect(self.item(i)).bottom() for i in range(self.count())), default=0
        )
        self.setFixedHeight(bottom + 2 * self.frameWidth() + 8)

    def resizeEvent(self, event: object) -> None:  # type: ignore[override]
        super().resizeEvent(event)  # type: ignore[arg-type]
        self.fit()


class LinkedQuestions(QWidget):
    """The questions this story answers, with a picker to link one more."""

    link_requested = Signal(int)
    unlink_requested = Signal(int)

    def __init__(self) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.linked = FittedList()
        self.linked.setAccessibleName("Linked questions")
        self.empty_hint = hint_label(
            "No questions linked yet. Pick the questions this story answers: the coverage "
            "matrix and practice mode use these links."
        )
        picker_row = QHBoxLayout()
        self.picker = QComboBox()
        self.picker.setAccessibleName("Question to link")
        self.picker.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.picker.setMinimumContentsLength(30)
        self.link_button = QPushButton("Link question")
        self.link_button.setAccessibleName("Link the chosen question")
        self.unlink_button = QPushButton("Unlink")
        self.unlink_button.setAccessibleName("Unlink the selected question")
        picker_row.addWidget(self.picker, 1)
        picker_row.addWidget(self.link_button)
        picker_row.addWidget(self.unlink_button)
        layout.addWidget(self.empty_hint)
        layout.addWidget(self.linked)
        layout.addLayout(picker_row)
        self.link_button.clicked.connect(self._link)
        self.unlink_button.clicked.connect(self._unlink)
        self.linked.itemSelectionChanged.connect(self._update_buttons)

    def show_questions(self, linked: tuple[QuestionRef, ...], bank: list[QuestionView]) -> None:
        self.linked.clear()
        for question in linked:
            label = question.text + (f"  ({question.competency})" if question.competency else "")
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, question.id)
            self.linked.addItem(item)
        self.linked.setVisible(bool(linked))
        self.linked.fit()
        self.empty_hint.setVisible(not linked)
        linked_ids = {q.id for q in linked}
        self.picker.clear()
        for question in bank:
            if question.id in linked_ids:
                continue
            prefix = f"{question.competency}: " if question.competency else ""
            self.picker.addItem(prefix + question.text, question.id)
        self._update_buttons()

    def _link(self) -> None:
        question_id = self.picker.currentData()
        if question_id is not None:
            self.link_requested.emit(int(question_id))

    def _unlink(self) -> None:
        item = self.linked.currentItem()
        if item is not None:
            self.unlink_requested.emit(int(item.data(Qt.ItemDataRole.UserRole)))

    def _update_buttons(self) -> None:
        self.link_button.setEnabled(self.picker.count() > 0)
        self.unlink_button.setEnabled(self.linked.currentItem() is not None)


class FollowUpRow(QWidget):
    def __init__(
        self,
        follow_up: FollowUpView,
        on_edit: Callable[[int, str, str], None],
        on_remove: Callable[[int], None],
    ) -> None:
        super().__init__()
        self.follow_up_id = follow_up.id
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 6)
        top = QHBoxLayout()
        self.question = LineField("Follow-up question", "A question they are likely to ask next")
        self.question.set_text_quietly(follow_up.question)
        remove = QPushButton("Remove")
        remove.setAccessibleName("Remove this follow-up")
        top.addWidget(self.question, 1)
        top.addWidget(remove)
        self.notes = GrowingTextEdit(
            "Follow-up answer notes", "Short notes for your answer", min_lines=2
        )
        self.notes.set_text_quietly(follow_up.answer_notes)
        layout.addLayout(top)
        layout.addWidget(self.notes)
        self.question.textEdited.connect(lambda text: on_edit(self.follow_up_id, "question", text))
        self.notes.textChanged.connect(
            lambda: on_edit(self.follow_up_id, "answer_notes", self.notes.toPlainText())
        )
        remove.clicked.connect(lambda: on_remove(self.follow_up_id))


class FollowUpList(QWidget):
    """Likely follow-up questions with answer notes; rows are kept while the user types."""

    edited = Signal(int, str, str)  # follow-up id, field, value
    add_requested = Signal()
    remove_requested = Signal(int)
    focus_lost = Signal()

    def __init__(self) -> None:
        super().__init__()
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.rows: list[FollowUpRow] = []
        self.empty_hint = hint_label(
            "What will they ask next? Add the follow-ups you expect, with a few words on "
            "how you would answer."
        )
        self.add_button = QPushButton("Add follow-up")
        self.add_button.setAccessibleName("Add a follow-up question")
        self._layout.addWidget(self.empty_hint)
        button_row = QHBoxLayout()
        button_row.addWidget(self.add_button)
        button_row.addStretch(1)
        self._layout.addLayout(button_row)
        self.add_button.clicked.connect(self.add_requested)

    # Named slots: PySide mishandles lambda slots that return emit()'s bool.
    def _edited(self, follow_up_id: int, field: str, value: str) -> None:
        self.edited.emit(follow_up_id, field, value)

    def _remove(self, follow_up_id: int) -> None:
        self.remove_requested.emit(follow_up_id)

    def show_follow_ups(self, follow_ups: tuple[FollowUpView, ...], force: bool = False) -> None:
        ids = [f.id for f in follow_ups]
        if not force and ids == [row.follow_up_id for row in self.rows]:
            return  # the same rows: keep their text and undo stacks
        for row in self.rows:
            self._layout.removeWidget(row)
            row.deleteLater()
        self.rows = []
        for index, follow_up in enumerate(follow_ups):
            row = FollowUpRow(follow_up, self._edited, self._remove)
            row.question.focus_lost.connect(self.focus_lost)
            row.notes.focus_lost.connect(self.focus_lost)
            self._layout.insertWidget(1 + index, row)
            self.rows.append(row)
        self.empty_hint.setVisible(not follow_ups)
