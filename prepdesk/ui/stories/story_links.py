"""The story editor's link sections: competency tags, linked questions and follow-ups."""

from __future__ import annotations

import itertools

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from prepdesk.store.repositories.questions import CompetencyView, QuestionView
from prepdesk.store.repositories.stories import QuestionRef
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

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
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

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
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
        # Searchable: typing any part of a question (or its competency) narrows the list.
        self.picker.setEditable(True)
        self.picker.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.picker.setMaxVisibleItems(12)
        completer = QCompleter(self.picker.model(), self.picker)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setMaxVisibleItems(12)
        self.picker.setCompleter(completer)
        line = self.picker.lineEdit()
        assert line is not None  # the box is editable
        line.setAccessibleName("Question to link")
        line.setPlaceholderText("Type to find a question…")
        line.setClearButtonEnabled(True)
        # The combo box maps a filtered completion to the wrong row: choose by its text.
        completer.activated.connect(self._completed)
        self.picker.currentTextChanged.connect(lambda _t: self._update_buttons())
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
        typed = self.picker.currentText()  # a search being typed survives a refresh
        self.picker.clear()
        for choice in bank:
            if choice.id in linked_ids:
                continue
            prefix = f"{choice.competency}: " if choice.competency else ""
            self.picker.addItem(prefix + choice.text, choice.id)
        self.picker.setCurrentIndex(-1)  # an empty box to type into, not the first question
        if typed and not any(typed.endswith(q.text) for q in linked):
            self.picker.setEditText(typed)
        self._update_buttons()

    def _completed(self, text: str) -> None:
        self.picker.setCurrentIndex(self.picker.findText(text, Qt.MatchFlag.MatchFixedString))

    def chosen_question(self) -> int | None:
        """The question whose text is in the box (typed in full or picked from the list)."""
        index = self.picker.findText(self.picker.currentText(), Qt.MatchFlag.MatchFixedString)
        return int(self.picker.itemData(index)) if index >= 0 else None

    def _link(self) -> None:
        question_id = self.chosen_question()
        if question_id is not None:
            self.link_requested.emit(question_id)

    def _unlink(self) -> None:
        item = self.linked.currentItem()
        if item is not None:
            self.unlink_requested.emit(int(item.data(Qt.ItemDataRole.UserRole)))

    def _update_buttons(self) -> None:
        self.link_button.setEnabled(self.chosen_question() is not None)
        self.unlink_button.setEnabled(self.linked.currentItem() is not None)


class FollowUpRow(QWidget):
    """One follow-up: its question, then its answer notes (Tab goes question, answer, next).

    Remove takes no keyboard focus, so Tab and Space never reach it by accident.
    """

    remove_clicked = Signal(int)  # follow-up id

    def __init__(self, follow_up_id: int) -> None:
        super().__init__()
        self.follow_up_id = follow_up_id
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 6)
        top = QHBoxLayout()
        self.question = LineField("Follow-up question", "A question they are likely to ask next")
        self.remove_button = QPushButton("Remove")
        self.remove_button.setAccessibleName("Remove this follow-up")
        self.remove_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        top.addWidget(self.question, 1)
        top.addWidget(self.remove_button)
        self.notes = GrowingTextEdit(
            "Follow-up answer notes", "Short notes for your answer", min_lines=2
        )
        layout.addLayout(top)
        layout.addWidget(self.notes)
        self.setTabOrder(self.question, self.notes)
        self.remove_button.clicked.connect(self._remove)

    def _remove(self) -> None:
        self.remove_clicked.emit(self.follow_up_id)

    def has_text(self) -> bool:
        return bool(self.question.text().strip() or self.notes.toPlainText().strip())


def follow_up_field(follow_up_id: int, field: str) -> str:
    """The name an EditForm knows a follow-up's field by, e.g. "follow_up:12:question"."""
    return f"follow_up:{follow_up_id}:{field}"


class FollowUpList(QWidget):
    """Likely follow-up questions with answer notes.

    Rows are matched to follow-ups by id: a row that stays keeps its widgets (its text,
    cursor and undo history); only rows of follow-ups added or removed come and go.
    """

    add_requested = Signal()
    remove_requested = Signal(int)

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
    def _remove(self, follow_up_id: int) -> None:
        self.remove_requested.emit(follow_up_id)

    def row(self, follow_up_id: int) -> FollowUpRow | None:
        return next((r for r in self.rows if r.follow_up_id == follow_up_id), None)

    def show_follow_ups(self, ids: list[int]) -> tuple[list[FollowUpRow], list[int]]:
        """Rows for exactly `ids`, in order: (rows made, ids whose rows were removed)."""
        kept = {row.follow_up_id: row for row in self.rows if row.follow_up_id in ids}
        removed = [row.follow_up_id for row in self.rows if row.follow_up_id not in kept]
        for row in self.rows:
            if row.follow_up_id not in kept:
                self._layout.removeWidget(row)
                row.deleteLater()
        made: list[FollowUpRow] = []
        self.rows = []
        for index, follow_up_id in enumerate(ids):
            found = kept.get(follow_up_id)
            row = found if found is not None else FollowUpRow(follow_up_id)
            if found is None:
                row.remove_clicked.connect(self._remove)
                made.append(row)
            self._layout.insertWidget(1 + index, row)
            row.show()  # at once, not when the layout gets to it: Tab and focus reach it now
            self.rows.append(row)
        self.empty_hint.setVisible(not ids)
        return made, removed

    def chain_focus(self, before: QWidget, after: QWidget) -> None:
        """Tab order: `before`, each question then its answer, Add follow-up, `after`."""
        chain = [before]
        for row in self.rows:
            chain += [row.question, row.notes]
        chain += [self.add_button, after]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)
