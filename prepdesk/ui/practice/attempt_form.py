"""An attempt's fields (date, minutes, solved, notes): inline on the detail pane or in a dialog."""

from __future__ import annotations

from datetime import datetime, time

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from prepdesk.core.practice import MAX_MINUTES
from prepdesk.store.repositories.problems import AttemptInput, AttemptRow


class AttemptFields(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._time: time | None = None  # an edited attempt keeps its time of day
        self.date_edit = QDateEdit(QDate.currentDate())
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setMaximumDate(QDate.currentDate())
        self.date_edit.setAccessibleName("Attempt date")
        self.minutes_spin = QSpinBox()
        self.minutes_spin.setRange(0, MAX_MINUTES)
        self.minutes_spin.setValue(30)
        self.minutes_spin.setSuffix(" min")
        self.minutes_spin.setAccessibleName("Minutes taken")
        self.solved_box = QCheckBox("Solved")
        self.solved_box.setAccessibleName("Solved")
        self.notes_edit = QLineEdit()
        self.notes_edit.setPlaceholderText("What went well, what to fix")
        self.notes_edit.setAccessibleName("Attempt notes")
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow("Da&te", self.date_edit)
        form.addRow("&Minutes", self.minutes_spin)
        form.addRow("", self.solved_box)
        form.addRow("N&otes", self.notes_edit)

    def set_value(self, attempt: AttemptRow) -> None:
        local = attempt.attempted_at.astimezone()
        self.date_edit.setMaximumDate(max(QDate.currentDate(), _qdate(local)))
        self.date_edit.setDate(_qdate(local))
        self.minutes_spin.setValue(attempt.minutes)
        self.solved_box.setChecked(attempt.solved)
        self.notes_edit.setText(attempt.notes)
        self._time = local.time()

    def value(self, now: datetime | None = None) -> AttemptInput:
        day = self.date_edit.date().toPython()
        now = (now or datetime.now()).astimezone()
        # Today's attempt is stamped now; a past day keeps its time, or noon.
        when_time = self._time or (now.time() if day == now.date() else time(12, 0))
        when = datetime.combine(day, when_time).astimezone()
        return AttemptInput(
            attempted_at=when,
            minutes=self.minutes_spin.value(),
            solved=self.solved_box.isChecked(),
            notes=self.notes_edit.text().strip(),
        )

    def reset(self) -> None:
        self.date_edit.setDate(QDate.currentDate())
        self.solved_box.setChecked(False)
        self.notes_edit.clear()


def _qdate(when: datetime) -> QDate:
    return QDate(when.year, when.month, when.day)


class AttemptDialog(QDialog):
    """Edit one attempt."""

    def __init__(self, attempt: AttemptRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Edit attempt")
        self.fields = AttemptFields()
        self.fields.set_value(attempt)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.addWidget(self.fields)
        layout.addWidget(buttons)
