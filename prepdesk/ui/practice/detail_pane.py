"""The selected problem: its fields, link, attempts against the target, and a form for a new one."""

from __future__ import annotations

import html
from datetime import date

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from prepdesk.core.presentation import date_text, label
from prepdesk.store.repositories.problems import AttemptInput, AttemptRow, ProblemDetail
from prepdesk.ui.full_text_tips import show_full_text_on_hover
from prepdesk.ui.practice.attempt_form import AttemptFields


class ProblemDetailPane(QWidget):
    add_attempt_requested = Signal(object)  # AttemptInput
    edit_problem_requested = Signal()
    delete_problem_requested = Signal()
    edit_attempt_requested = Signal(object)  # AttemptRow
    delete_attempt_requested = Signal(object)  # AttemptRow

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.detail: ProblemDetail | None = None
        self._drafts: dict[int, tuple[date | None, int, bool, str]] = {}  # new attempts typed
        self.stack = QStackedWidget()
        hint = QLabel(
            "Select a problem to see its attempts, each timed against the target for its "
            "difficulty, and to log a new attempt."
        )
        hint.setWordWrap(True)
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack.addWidget(hint)

        body = QWidget()
        self.title_label = QLabel()
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title_label.setFont(font)
        self.title_label.setWordWrap(True)
        self.facts_label = QLabel()
        self.facts_label.setWordWrap(True)
        self.facts_label.setTextFormat(Qt.TextFormat.RichText)
        self.open_link_button = QPushButton("Open &link")
        self.open_link_button.setAccessibleName("Open the problem's link")
        self.open_link_button.clicked.connect(self.open_link)
        self.edit_button = QPushButton("&Edit…")
        self.edit_button.setAccessibleName("Edit problem")
        self.edit_button.clicked.connect(self.edit_problem_requested)
        self.delete_button = QPushButton("Delete…")
        self.delete_button.setAccessibleName("Delete problem")
        self.delete_button.clicked.connect(self.delete_problem_requested)
        problem_buttons = QHBoxLayout()
        for button in (self.open_link_button, self.edit_button, self.delete_button):
            problem_buttons.addWidget(button)
        problem_buttons.addStretch(1)

        self.attempt_list = QListWidget()
        show_full_text_on_hover(self.attempt_list)
        self.attempt_list.setAccessibleName("Attempts")
        self.attempt_list.setWordWrap(True)
        self.attempt_list.setAlternatingRowColors(True)  # where one attempt ends
        self.attempt_list.itemDoubleClicked.connect(lambda _item: self._edit_attempt())
        self.edit_attempt_button = QPushButton("Edit attempt…")
        self.edit_attempt_button.setAccessibleName("Edit attempt")
        self.edit_attempt_button.clicked.connect(self._edit_attempt)
        self.delete_attempt_button = QPushButton("Delete attempt")
        self.delete_attempt_button.setAccessibleName("Delete attempt")
        self.delete_attempt_button.clicked.connect(self._delete_attempt)
        attempt_buttons = QHBoxLayout()
        attempt_buttons.addWidget(self.edit_attempt_button)
        attempt_buttons.addWidget(self.delete_attempt_button)
        attempt_buttons.addStretch(1)
        self.attempt_list.currentRowChanged.connect(self._update_attempt_buttons)

        self.attempt_fields = AttemptFields()
        self.add_attempt_button = QPushButton("&Add attempt")
        self.add_attempt_button.setAccessibleName("Add attempt")
        self.add_attempt_button.clicked.connect(self._add_attempt)
        # Once logged, the form is reset and Add waits for a change: a second click (or a
        # double click) never logs the same attempt twice.
        self.logged_note = QLabel("Attempt logged. Change a field to log another.")
        self.logged_note.setWordWrap(True)
        self.logged_note.setVisible(False)
        self.attempt_fields.edited.connect(lambda: self._set_logged(False))
        new_attempt = QGroupBox("New attempt")
        new_layout = QVBoxLayout(new_attempt)
        new_layout.addWidget(self.attempt_fields)
        new_layout.addWidget(self.logged_note)
        new_layout.addWidget(self.add_attempt_button, 0, Qt.AlignmentFlag.AlignRight)

        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title_label)
        layout.addWidget(self.facts_label)
        layout.addLayout(problem_buttons)
        self.attempts_heading = QLabel("<b>Attempts</b>")
        layout.addWidget(self.attempts_heading)
        layout.addWidget(self.attempt_list, 1)
        layout.addLayout(attempt_buttons)
        layout.addWidget(new_attempt)
        self.stack.addWidget(body)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 0, 0, 0)
        outer.addWidget(self.stack)
        self.show_detail(None)

    def show_detail(self, detail: ProblemDetail | None) -> None:
        """Shows a problem; the new attempt typed for each problem waits for it."""
        same_problem = (
            detail is not None and self.detail is not None and (detail.row.id == self.detail.row.id)
        )
        if not same_problem and self.detail is not None:
            if self.attempt_fields.is_untouched():
                self._drafts.pop(self.detail.row.id, None)
            else:
                self._drafts[self.detail.row.id] = self.attempt_fields.draft()
        self.detail = detail
        if detail is None:
            self.stack.setCurrentIndex(0)
            return
        self.stack.setCurrentIndex(1)
        row = detail.row
        self.title_label.setText(row.title)
        facts = [
            f"{html.escape(row.platform)} · {label('difficulty', row.difficulty)} · "
            f"target {row.target_minutes} min",
        ]
        if row.patterns:
            facts.append(f"Patterns: {html.escape(row.patterns)}")
        if row.topics:
            facts.append(f"Topics: {html.escape(', '.join(row.topics))}")
        if detail.notes:
            facts.append(f"<i>{html.escape(detail.notes)}</i>")
        self.facts_label.setText("<br>".join(facts))
        self.open_link_button.setEnabled(bool(row.url))
        self.open_link_button.setToolTip(row.url or "This problem has no link")
        self.attempt_list.clear()
        for attempt in reversed(detail.attempts):  # newest first
            self.attempt_list.addItem(_attempt_item(attempt))
        if not detail.attempts:
            empty = QListWidgetItem("No attempts yet: log your first one below.")
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.attempt_list.addItem(empty)
        self.attempts_heading.setText(f"<b>Attempts ({len(detail.attempts)})</b>")
        self._update_attempt_buttons()
        if not same_problem:
            self._set_logged(False)
            draft = self._drafts.pop(row.id, None)
            if draft is None:
                self.attempt_fields.reset()
            else:
                self.attempt_fields.restore(draft)

    def attempt_added(self) -> None:
        """The new attempt is stored: the form is ready for the next one."""
        self.attempt_fields.reset()
        self._set_logged(True)

    def _set_logged(self, logged: bool) -> None:
        self.logged_note.setVisible(logged)
        self.add_attempt_button.setEnabled(not logged)

    def selected_attempt(self) -> AttemptRow | None:
        item = self.attempt_list.currentItem()
        if item is None:
            return None
        attempt = item.data(Qt.ItemDataRole.UserRole)
        return attempt if isinstance(attempt, AttemptRow) else None

    def open_link(self) -> None:
        if self.detail is not None and self.detail.row.url:
            QDesktopServices.openUrl(QUrl(self.detail.row.url))

    def _update_attempt_buttons(self) -> None:
        has_attempt = self.selected_attempt() is not None
        self.edit_attempt_button.setEnabled(has_attempt)
        self.delete_attempt_button.setEnabled(has_attempt)

    def _add_attempt(self) -> None:
        if not self.attempt_fields.is_valid():
            self.attempt_fields.date_edit.setFocus()
            return  # the date field says what is wrong
        value: AttemptInput = self.attempt_fields.value()
        self.add_attempt_requested.emit(value)

    def _edit_attempt(self) -> None:
        attempt = self.selected_attempt()
        if attempt is not None:
            self.edit_attempt_requested.emit(attempt)

    def _delete_attempt(self) -> None:
        attempt = self.selected_attempt()
        if attempt is not None:
            self.delete_attempt_requested.emit(attempt)


def _attempt_item(attempt: AttemptRow) -> QListWidgetItem:
    when = date_text(attempt.attempted_at)
    outcome = "solved" if attempt.solved else "not solved"
    # Said in words, not by colouring the whole entry: a note in red reads as an error.
    side = "over target" if attempt.against_target.over else "within target"
    text = f"{when} — {attempt.against_target.label()} ({side}) — {outcome}"
    if attempt.notes:
        text += f"\n{attempt.notes}"
    item = QListWidgetItem(text)
    item.setData(Qt.ItemDataRole.UserRole, attempt)
    return item
