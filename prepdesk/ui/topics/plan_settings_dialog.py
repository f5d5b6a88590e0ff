"""Review and planning settings: desired retention, daily limit, target date, hours per day."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QSpinBox,
    QWidget,
)
from sqlalchemy.orm import Session

from prepdesk.store.changes import Change
from prepdesk.store.repositories.settings import SettingsRepository
from prepdesk.ui.operations import Operations

WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
KEYS = ("desired_retention", "daily_review_limit", "target_date", "hours_per_weekday")


class PlanSettingsDialog(QDialog):
    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ops = ops
        self.setWindowTitle("Review and plan settings")
        values: dict[str, Any] = ops.read(lambda s: SettingsRepository(s).all())
        self.retention = QDoubleSpinBox()
        self.retention.setRange(0.70, 0.99)
        self.retention.setSingleStep(0.01)
        self.retention.setValue(float(values["desired_retention"]))
        self.retention.setAccessibleName("Desired retention")
        self.retention.setToolTip("The chance of remembering a card when it comes due.")
        self.limit = QSpinBox()
        self.limit.setRange(1, 500)
        self.limit.setValue(int(values["daily_review_limit"]))
        self.limit.setAccessibleName("Daily review limit")
        self.use_target = QCheckBox("Plan toward this date while no interview is scheduled")
        self.use_target.setAccessibleName("Use a target date")
        self.target = QDateEdit()
        self.target.setCalendarPopup(True)
        self.target.setAccessibleName("Target date")
        target = values.get("target_date")
        self.use_target.setChecked(bool(target))
        self.target.setDate(QDate(date.fromisoformat(target)) if target else QDate.currentDate())
        self.target.setEnabled(bool(target))
        self.use_target.toggled.connect(self.target.setEnabled)
        hours_grid = QGridLayout()
        self.hours: list[QDoubleSpinBox] = []
        for index, (name, hours) in enumerate(
            zip(WEEKDAYS, values["hours_per_weekday"], strict=True)
        ):
            box = QDoubleSpinBox()
            box.setRange(0, 16)
            box.setSingleStep(0.5)
            box.setDecimals(1)
            box.setSuffix(" h")
            box.setValue(float(hours))
            box.setAccessibleName(f"Hours on {name}")
            hours_grid.addWidget(QLabel(name), 0, index)
            hours_grid.addWidget(box, 1, index)
            self.hours.append(box)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow("Desired &retention:", self.retention)
        form.addRow("Daily review &limit:", self.limit)
        form.addRow(self.use_target)
        form.addRow("&Target date:", self.target)
        form.addRow(QLabel("Hours available for study:"))
        form.addRow(hours_grid)
        form.addRow(buttons)

    def save(self) -> None:
        chosen = {
            "desired_retention": round(self.retention.value(), 2),
            "daily_review_limit": self.limit.value(),
            "target_date": self.target.date().toPython().isoformat()
            if self.use_target.isChecked()
            else None,
            "hours_per_weekday": [round(box.value(), 1) for box in self.hours],
        }

        def write(session: Session) -> None:
            settings = SettingsRepository(session)
            for key in KEYS:
                settings.set(key, chosen[key])

        self._ops.write(write, Change.SETTINGS)
        self.accept()
