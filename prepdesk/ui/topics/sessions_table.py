"""A topic's study sessions, newest first, with add, edit and delete.

A topic studied for years has hundreds of sessions: they are a model whose texts are made
once per load, and the short columns are sized from those texts' shapes, never by asking
the view for every row's size (ResizeToContents) on the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from prepdesk.core.presentation import datetime_text
from prepdesk.store.repositories.study_sessions import StudySessionRepository
from prepdesk.store.repositories.topics import SessionRow
from prepdesk.ui.clock import system_clock
from prepdesk.ui.column_widths import fit_columns, one_line_height, text_shapes
from prepdesk.ui.full_text_tips import show_full_text_on_hover
from prepdesk.ui.operations import Operations
from prepdesk.ui.topics.session_dialog import SessionDialog

COLUMNS = ("When", "Minutes", "Note")
AnyIndex = QModelIndex | QPersistentModelIndex


class SessionsModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self.texts: list[tuple[str, str, str]] = []

    def show_rows(self, rows: tuple[SessionRow, ...]) -> None:
        self.beginResetModel()
        self.texts = [(datetime_text(r.started_at), str(r.minutes), r.note) for r in rows]
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's API)
        return 0 if parent.isValid() else len(self.texts)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's API)
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: AnyIndex, role: int = 0) -> object:
        if role == Qt.ItemDataRole.DisplayRole and index.isValid():
            return self.texts[index.row()][index.column()]
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> object:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return COLUMNS[section]
        return None


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
        self.model = SessionsModel()
        self.table = QTableView()
        self.table.setModel(self.model)
        show_full_text_on_hover(self.table)
        self.table.setAccessibleName("Study sessions")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        rows = self.table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(
            max(self.fontMetrics().height() + 8, one_line_height(self.table))
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
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
        self.model.show_rows(rows)
        texts = self.model.texts
        fit_columns(self.table, {c: text_shapes(t[c] for t in texts) for c in (0, 1)})

    def selected(self) -> SessionRow | None:
        index = self.table.currentIndex().row()
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
                lambda s: StudySessionRepository(s).add_session(topic_id, started, minutes, note),
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
                lambda s: StudySessionRepository(s).update_session(row.id, started, minutes, note),
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
                    lambda s: StudySessionRepository(s).delete_session(row.id),
                    initiator=self,
                )

        box.buttonClicked.connect(answered)
        self.confirm_box = box
        box.open()
