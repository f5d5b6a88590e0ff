"""A topic's study sessions, newest first, with add, edit and delete."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from prepdesk.core.presentation import datetime_text
from prepdesk.store.repositories.topics import SessionRow, TopicRepository
from prepdesk.ui.clock import system_clock
from prepdesk.ui.full_text_tips import show_full_text_on_hover
from prepdesk.ui.operations import Operations
from prepdesk.ui.topics.session_dialog import SessionDialog


class SessionsTable(QWidget):
    def __init__(
        self,
        ops: Operations,
        clock: Callable[[], datetime] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ops = ops
        self._clock = clock or system_clock
        self._topic: tuple[int, str] | None = None
        self._rows: tuple[SessionRow, ...] = ()
        self.dialog: SessionDialog | None = None
        self.confirm_box: QMessageBox | None = None
        self.table = QTableWidget(0, 3)
        show_full_text_on_hover(self.table)
        self.table.setAccessibleName("Study sessions")
        self.table.setHorizontalHeaderLabels(["When", "Minutes", "Note"])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        self.add_button = QPushButton("Log time…")
        self.add_button.setAccessibleName("Log a study session by hand")
        self.edit_button = QPushButton("Edit…")
        self.edit_button.setAccessibleName("Edit the selected session")
        self.delete_button = QPushButton("Delete")
        self.delete_button.setAccessibleName("Delete the selected session")
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    def load(self, topic_id: int, topic_name: str, rows: tuple[SessionRow, ...]) -> None:
        self._topic = (topic_id, topic_name)
        self._rows = rows
        self.table.setRowCount(len(rows))
        for index, row in enumerate(rows):
            when = datetime_text(row.started_at)
            self.table.setItem(index, 0, QTableWidgetItem(when))
            self.table.setItem(index, 1, QTableWidgetItem(str(row.minutes)))
            self.table.setItem(index, 2, QTableWidgetItem(row.note))

    def selected(self) -> SessionRow | None:
        index = self.table.currentRow()
        return self._rows[index] if 0 <= index < len(self._rows) else None

    def add(self) -> None:
        if self._topic is None:
            return
        topic_id, name = self._topic
        self.dialog = SessionDialog("Log study time", name, self._clock(), 30, parent=self)

        def save() -> None:
            assert self.dialog is not None
            started, minutes, note = self.dialog.values()
            self._ops.write(
                lambda s: TopicRepository(s).add_session(topic_id, started, minutes, note),
                initiator=self,
            )

        self.dialog.accepted.connect(save)
        self.dialog.open()

    def edit_selected(self) -> None:
        row = self.selected()
        if row is None or self._topic is None:
            return
        self.dialog = SessionDialog(
            "Edit study session", self._topic[1], row.started_at, row.minutes, row.note, self
        )

        def save() -> None:
            assert self.dialog is not None
            started, minutes, note = self.dialog.values()
            self._ops.write(
                lambda s: TopicRepository(s).update_session(row.id, started, minutes, note),
                initiator=self,
            )

        self.dialog.accepted.connect(save)
        self.dialog.open()

    def delete_selected(self) -> None:
        """Asks first (non-blocking box, kept in `confirm_box`); Yes deletes the session."""
        row = self.selected()
        if row is None:
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            "Delete session",
            f"Delete the {row.minutes}-minute session of {datetime_text(row.started_at)}?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setDefaultButton(QMessageBox.StandardButton.No)

        def answered(button: object) -> None:
            if button is box.button(QMessageBox.StandardButton.Yes):
                self._ops.delete(
                    "study_session",
                    row.id,
                    lambda s: TopicRepository(s).delete_session(row.id),
                    initiator=self,
                )

        box.buttonClicked.connect(answered)
        self.confirm_box = box
        box.open()
