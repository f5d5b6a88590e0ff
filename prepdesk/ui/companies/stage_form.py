"""The fields of one interview stage: type, time and zone, format, place, people, notes."""

from __future__ import annotations

from datetime import datetime
from functools import cache
from zoneinfo import ZoneInfo, available_timezones

from PySide6.QtCore import QDate, QDateTime, Qt, QTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from prepdesk.core.interview_pipeline import STAGE_FORMATS
from prepdesk.store.repositories.companies import PersonRow
from prepdesk.store.repositories.stages import (
    StageInput,
    StageRow,
    StageTypeRow,
    zone_of,
)

PERSON_ID = Qt.ItemDataRole.UserRole
OUTCOMES = ("", "pending", "passed", "rejected", "withdrew", "offer")


@cache
def zone_names() -> list[str]:
    return sorted(name for name in available_timezones() if "/" in name or name == "UTC")


class StageForm(QWidget):
    save_requested = Signal(object)  # StageInput

    def __init__(self) -> None:
        super().__init__()
        self.stage_type = QComboBox()
        self.stage_type.setAccessibleName("Stage type")
        self.stage_type.setMinimumContentsLength(12)
        self.stage_type.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.scheduled = QCheckBox("Set")
        self.scheduled.setAccessibleName("Scheduled")
        self.when = QDateTimeEdit()
        self.when.setAccessibleName("Date and time (in the stage's time zone)")
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("ddd d MMM yyyy  HH:mm")
        self.when.setMinimumWidth(
            self.fontMetrics().horizontalAdvance("Wed 29 Nov 2026  14:00") + 40
        )
        self.scheduled.toggled.connect(self.when.setEnabled)
        self.zone = QComboBox()
        self.zone.setEditable(True)
        self.zone.setAccessibleName("Time zone")
        self.zone.addItems(zone_names())
        self.zone.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.zone.setMinimumContentsLength(8)
        self.duration = QSpinBox()
        self.duration.setAccessibleName("Duration in minutes")
        self.duration.setRange(5, 600)
        self.duration.setSingleStep(15)
        self.duration.setSuffix(" min")
        self.format = QComboBox()
        self.format.setAccessibleName("Format")
        self.format.addItems(list(STAGE_FORMATS))
        self.location = QLineEdit()
        self.location.setAccessibleName("Link or place")
        self.location.setPlaceholderText("Video link, phone number or address")
        self.interviewers = QListWidget()
        self.interviewers.setAccessibleName("Interviewers")
        self.interviewers.setFlow(QListWidget.Flow.LeftToRight)
        self.interviewers.setWrapping(True)
        self.interviewers.setFixedHeight(self.fontMetrics().lineSpacing() * 2 + 14)
        self.prep_notes = QPlainTextEdit()
        self.prep_notes.setAccessibleName("Prep notes")
        self.prep_notes.setTabChangesFocus(True)
        self.prep_notes.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 14)
        self.outcome = QComboBox()
        self.outcome.setEditable(True)
        self.outcome.setAccessibleName("Outcome")
        self.outcome.addItems(list(OUTCOMES))
        self.outcome.setMinimumContentsLength(10)
        self.outcome.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.debrief = QPlainTextEdit()
        self.debrief.setAccessibleName("Debrief")
        self.debrief.setTabChangesFocus(True)
        self.debrief.setPlaceholderText("How it went, what to do differently")
        self.debrief.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 14)
        self.save_button = QPushButton("Save stage")
        self.save_button.setAccessibleName("Save stage")
        self.save_button.clicked.connect(lambda: self.save_requested.emit(self.value()))

        when = QHBoxLayout()
        when.addWidget(self.scheduled)
        when.addWidget(self.when, 1)
        when.addWidget(self.zone, 1)
        form = QFormLayout(self)
        form.addRow("Type", self.stage_type)
        form.addRow("When", when)
        form.addRow("Duration", self.duration)
        form.addRow("Format", self.format)
        form.addRow("Link or place", self.location)
        form.addRow("Interviewers", self.interviewers)
        form.addRow("Prep notes", self.prep_notes)
        form.addRow("Outcome", self.outcome)
        form.addRow("Debrief", self.debrief)
        form.addRow("", self.save_button)

    def show_stage(
        self, stage: StageRow, types: list[StageTypeRow], people: tuple[PersonRow, ...]
    ) -> None:
        self.stage_type.clear()
        for row in types:
            self.stage_type.addItem(row.name, row.id)
        self.stage_type.setCurrentIndex(self.stage_type.findData(stage.type_id))
        start = stage.local_start()
        self.scheduled.setChecked(start is not None)
        self.when.setEnabled(start is not None)
        if start is not None:
            self.when.setDateTime(
                QDateTime(
                    QDate(start.year, start.month, start.day), QTime(start.hour, start.minute)
                )
            )
        self.zone.setCurrentText(stage.timezone)
        self.duration.setValue(stage.duration_minutes)
        self.format.setCurrentText(stage.format)
        self.location.setText(stage.location)
        self.interviewers.clear()
        for person in people:
            item = QListWidgetItem(person.name)
            item.setData(PERSON_ID, person.id)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            chosen = person.id in stage.interviewer_ids
            item.setCheckState(Qt.CheckState.Checked if chosen else Qt.CheckState.Unchecked)
            self.interviewers.addItem(item)
        self.prep_notes.setPlainText(stage.prep_notes)
        self.outcome.setCurrentText(stage.outcome)
        self.debrief.setPlainText(stage.debrief)

    def value(self) -> StageInput:
        zone_name = self.zone.currentText().strip() or "UTC"
        zone = zone_of(zone_name)
        scheduled_at = None
        if self.scheduled.isChecked():
            moment = self.when.dateTime()
            date, clock = moment.date(), moment.time()
            scheduled_at = datetime(
                date.year(), date.month(), date.day(), clock.hour(), clock.minute(), tzinfo=zone
            )
        return StageInput(
            stage_type_id=int(self.stage_type.currentData()),
            scheduled_at=scheduled_at,
            timezone=zone.key if isinstance(zone, ZoneInfo) else "UTC",
            duration_minutes=self.duration.value(),
            format=self.format.currentText(),
            location=self.location.text().strip(),
            prep_notes=self.prep_notes.toPlainText(),
            outcome=self.outcome.currentText().strip(),
            debrief=self.debrief.toPlainText(),
            interviewer_ids=tuple(
                int(self.interviewers.item(i).data(PERSON_ID))
                for i in range(self.interviewers.count())
                if self.interviewers.item(i).checkState() == Qt.CheckState.Checked
            ),
        )
