"""An attempt's fields (date, minutes, solved, notes): inline on the detail pane or in a dialog."""

from __future__ import annotations

from datetime import date, datetime, time

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
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
from prepdesk.ui.date_field import DateField

DEFAULT_MINUTES = 30


class AttemptFields(QWidget):
    edited = Signal()  # the person changed a field (never emitted for set_value, reset)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._filling = False
        self._time: time | None = None  # an edited attempt keeps its time of day
        self.date_edit = DateField("Attempt date", latest=date.today, clearable=False)
        self.date_edit.set_value(date.today())
        self.minutes_spin = QSpinBox()
        self.minutes_spin.setRange(0, MAX_MINUTES)
        self.minutes_spin.setValue(DEFAULT_MINUTES)
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
        self.date_edit.edited.connect(self._changed)
        self.minutes_spin.valueChanged.connect(self._changed)
        self.solved_box.toggled.connect(self._changed)
        self.notes_edit.textEdited.connect(self._changed)

    def _changed(self, *_args: object) -> None:
        if not self._filling:
            self.edited.emit()

    def set_value(self, attempt: AttemptRow) -> None:
        local = attempt.attempted_at.astimezone()
        self.date_edit.set_value(local.date())
        self.minutes_spin.setValue(attempt.minutes)
        self.solved_box.setChecked(attempt.solved)
        self.notes_edit.setText(attempt.notes)
        self._time = local.time()

    def value(self, now: datetime | None = None) -> AttemptInput:
        now = (now or datetime.now()).astimezone()
        day = self.date_edit.value() or now.date()
        # Today's attempt is stamped now; a past day keeps its time, or noon.
        when_time = self._time or (now.time() if day == now.date() else time(12, 0))
        when = datetime.combine(day, when_time).astimezone()
        return AttemptInput(
            attempted_at=when,
            minutes=self.minutes_spin.value(),
            solved=self.solved_box.isChecked(),
            notes=self.notes_edit.text().strip(),
        )

    def is_valid(self) -> bool:
        """False while the date field holds text it cannot read (it says why)."""
        return self.date_edit.is_valid()

    def draft(self) -> tuple[date | None, int, bool, str]:
        """What is typed for a new attempt, to keep while another problem is shown."""
        return (
            self.date_edit.value(),
            self.minutes_spin.value(),
            self.solved_box.isChecked(),
            self.notes_edit.text(),
        )

    def is_untouched(self) -> bool:
        return self.draft() == (date.today(), DEFAULT_MINUTES, False, "")

    def restore(self, draft: tuple[date | None, int, bool, str]) -> None:
        day, minutes, solved, notes = draft
        self._filling = True
        try:
            self.date_edit.set_value(day or date.today())
            self.minutes_spin.setValue(minutes)
            self.solved_box.setChecked(solved)
            self.notes_edit.setText(notes)
        finally:
            self._filling = False

    def reset(self) -> None:
        self.restore((date.today(), DEFAULT_MINUTES, False, ""))


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

    def accept(self) -> None:
        if not self.fields.is_valid():
            self.fields.date_edit.setFocus()
            return  # the date field says what it cannot read
        super().accept()
