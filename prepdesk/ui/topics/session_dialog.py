"""Add or edit one study session: when, how many minutes, a note."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTimeEdit,
    QWidget,
)

from prepdesk.core.limits import SESSION_MINUTES
from prepdesk.store.repositories.study_sessions import StudySessionRepository
from prepdesk.ui.date_field import DateField
from prepdesk.ui.operations import Operations
from prepdesk.ui.topics.study_timer import TimedStudy


class SessionDialog(QDialog):
    def __init__(
        self,
        title: str,
        topic_name: str,
        started_at: datetime,
        minutes: int,
        note: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        local = started_at.astimezone()
        self.started = DateField("Started on", clearable=False)
        self.started.set_value(local.date())
        self.started_time = QTimeEdit(QTime(local.hour, local.minute, local.second))
        self.started_time.setDisplayFormat("HH:mm")
        self.started_time.setAccessibleName("Started at time")
        started_row = QHBoxLayout()
        started_row.addWidget(self.started, 1)
        started_row.addWidget(self.started_time)
        self.minutes = QSpinBox()
        self.minutes.setRange(int(SESSION_MINUTES.low), int(SESSION_MINUTES.high))
        self.minutes.setValue(int(SESSION_MINUTES.clamp(minutes)))
        self.minutes.setSuffix(" min")
        self.minutes.setAccessibleName("Minutes")
        self.note = QLineEdit(note)
        self.note.setPlaceholderText("What you did, e.g. worked examples, flashcards")
        self.note.setAccessibleName("Note")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        form = QFormLayout(self)
        form.addRow("Topic:", QLabel(topic_name))
        form.addRow("&Started:", started_row)
        form.addRow("&Minutes:", self.minutes)
        form.addRow("&Note:", self.note)
        form.addRow(buttons)
        self.minutes.setFocus()

    def accept(self) -> None:
        if not self.started.is_valid():
            self.started.setFocus()
            return  # the date field says what it cannot read
        super().accept()

    def values(self) -> tuple[datetime, int, str]:
        day = self.started.value() or datetime.now().date()
        at: datetime = datetime.combine(day, self.started_time.time().toPython())  # type: ignore[arg-type]
        return at.astimezone(), self.minutes.value(), self.note.text().strip()


def offer_to_log(ops: Operations, record: TimedStudy, parent: QWidget | None) -> SessionDialog:
    """After the timer stops: a prefilled dialog; saving it logs the session."""
    dialog = SessionDialog(
        "Log this study session?",
        record.topic_name,
        record.started_at,
        record.minutes,
        parent=parent,
    )

    def save() -> None:
        started, minutes, note = dialog.values()
        ops.write(
            lambda s: StudySessionRepository(s).add_session(
                record.topic_id, started, minutes, note
            ),
            initiator=parent,
        )

    dialog.accepted.connect(save)
    dialog.open()
    return dialog
