"""Edit > Preferences (Ctrl+,): study settings in the database, theme on this machine.

Study and backup settings live in the database (they travel with export and import)
and are saved in ONE operation when the dialog is accepted. The theme describes this
screen, not the user's data, so it goes to QSettings through the ThemeManager.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from prepdesk.core.coding_targets import resolve_coding_targets
from prepdesk.core.settings_schema import number_rule, setting_problem
from prepdesk.store.repositories.settings import SettingsRepository
from prepdesk.ui.choice_combo import add_choices
from prepdesk.ui.coding_targets_editor import CodingTargetsEditor
from prepdesk.ui.date_field import DateField
from prepdesk.ui.operations import Operations
from prepdesk.ui.theme import THEMES, theme_manager

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _low(setting: str) -> int:
    """Spin-box ranges are the settings schema's (core), never typed twice."""
    return int(number_rule(setting).low)


def _high(setting: str) -> int:
    return int(number_rule(setting).high)


def _spin(
    name: str, low: int, high: int, suffix: str = "", step: int = 1, parent: QWidget | None = None
) -> QSpinBox:
    box = QSpinBox(parent)
    box.setRange(low, high)
    box.setSingleStep(step)
    box.setSuffix(suffix)
    box.setAccessibleName(name)
    return box


class PreferencesDialog(QDialog):
    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.setWindowTitle("Preferences")
        self._loaded: dict[str, Any] = ops.read(lambda s: SettingsRepository(s).all())

        layout = QVBoxLayout(self)
        columns = QHBoxLayout()
        left = QVBoxLayout()
        right = QVBoxLayout()
        left.addWidget(self._build_schedule())
        left.addWidget(self._build_reviews())
        right.addWidget(self._build_practice())
        right.addWidget(self._build_appearance())
        right.addWidget(self._build_backups())
        left.addStretch(1)
        right.addStretch(1)
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        layout.addLayout(columns)
        layout.addWidget(self._build_data_folder())

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setAccessibleName("Save preferences")
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName("Cancel")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._load(self._loaded)

    # sections -----------------------------------------------------------------

    def _build_schedule(self) -> QGroupBox:
        box = QGroupBox("Study schedule")
        form = QFormLayout(box)
        self.use_target_date = QCheckBox("Aim for an interview date")
        self.use_target_date.setAccessibleName("Use a target interview date")
        self.use_target_date.setToolTip(
            "Used for the countdown and the plan until a company stage has a date."
        )
        self.target_date = DateField("Target interview date", clearable=False)
        self.use_target_date.toggled.connect(self.target_date.setEnabled)
        form.addRow(self.use_target_date, self.target_date)
        hours = QWidget()
        grid = QGridLayout(hours)
        grid.setContentsMargins(0, 0, 0, 0)
        self.hours: list[QDoubleSpinBox] = []
        for index, day in enumerate(WEEKDAYS):
            spin = QDoubleSpinBox()
            spin.setRange(_low("hours_per_weekday"), _high("hours_per_weekday"))
            spin.setSingleStep(0.5)
            spin.setDecimals(1)
            spin.setSuffix(" h")
            spin.setAccessibleName(f"Study hours on {day}")
            label = QLabel(day[:3])
            label.setBuddy(spin)
            grid.addWidget(label, index // 4 * 2, index % 4)
            grid.addWidget(spin, index // 4 * 2 + 1, index % 4)
            self.hours.append(spin)
        form.addRow(QLabel("Hours per weekday:"))
        form.addRow(hours)
        return box

    def _build_reviews(self) -> QGroupBox:
        box = QGroupBox("Spaced review")
        form = QFormLayout(box)
        retention = number_rule("desired_retention")
        self.retention = _spin(
            "Desired retention", round(retention.low * 100), round(retention.high * 100), " %"
        )
        self.retention.setToolTip(
            "How likely you want to be to remember a topic when it comes up for review. "
            "Higher means more frequent reviews."
        )
        self.review_limit = _spin(
            "Daily review limit", _low("daily_review_limit"), _high("daily_review_limit"), " cards"
        )
        self.new_limit = _spin(
            "New topics per day", _low("daily_new_limit"), _high("daily_new_limit"), " topics"
        )
        self.new_limit.setToolTip(
            "How many never-studied topics the plan starts in one day (like Anki's new cards)."
        )
        self.reminders = QCheckBox("Remind me of due reviews and interviews")
        self.reminders.setAccessibleName("Tray reminders")
        form.addRow("Desired &retention:", self.retention)
        form.addRow("Daily review &limit:", self.review_limit)
        form.addRow("&New topics per day:", self.new_limit)
        form.addRow(self.reminders)
        return box

    def _build_practice(self) -> QGroupBox:
        box = QGroupBox("Practice targets")
        form = QFormLayout(box)
        self.coding_targets = CodingTargetsEditor()
        form.addRow(self.coding_targets)
        self.answer_seconds = _spin(
            "Answer timer length", _low("answer_seconds"), _high("answer_seconds"), " s", step=15
        )
        form.addRow("Story answer &timer:", self.answer_seconds)
        return box

    def _build_appearance(self) -> QGroupBox:
        box = QGroupBox("Appearance (this computer)")
        form = QFormLayout(box)
        self.theme = QComboBox()
        self.theme.setAccessibleName("Theme")
        add_choices(self.theme, "theme", THEMES)
        form.addRow("T&heme:", self.theme)
        return box

    def _build_backups(self) -> QGroupBox:
        box = QGroupBox("Backups")
        form = QFormLayout(box)
        self.auto_backup = QCheckBox("Back up while prepdesk runs")
        self.auto_backup.setAccessibleName("Automatic backups")
        self.auto_backup.setToolTip(
            "Backups on quit and before an upgrade are always made. Takes effect at the next start."
        )
        interval = "auto_backup_interval_minutes"
        self.backup_interval = _spin(
            "Minutes between automatic backups", _low(interval), _high(interval), " min", step=5
        )
        self.auto_backup.toggled.connect(self.backup_interval.setEnabled)
        form.addRow(self.auto_backup)
        form.addRow("&Every:", self.backup_interval)
        return box

    def _build_data_folder(self) -> QGroupBox:
        box = QGroupBox("Data folder")
        row = QHBoxLayout(box)
        folder = self.ops.db.paths.root
        self.data_folder = QLineEdit(str(folder))
        self.data_folder.setReadOnly(True)
        self.data_folder.setAccessibleName("Data folder")
        self.data_folder.setToolTip("Start prepdesk with --data-dir to use another folder.")
        self.open_folder = QPushButton("&Open")
        self.open_folder.setAccessibleName("Open the data folder")
        self.open_folder.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
        )
        row.addWidget(self.data_folder, 1)
        row.addWidget(self.open_folder)
        return box

    # values -------------------------------------------------------------------

    def _load(self, values: dict[str, Any]) -> None:
        target = values.get("target_date")
        self.use_target_date.setChecked(bool(target))
        self.target_date.setEnabled(bool(target))
        shown = date.fromisoformat(target) if target else date.today()
        self.target_date.set_value(shown)
        for spin, hours in zip(self.hours, values["hours_per_weekday"], strict=True):
            spin.setValue(float(hours))
        self.retention.setValue(round(float(values["desired_retention"]) * 100))
        self.review_limit.setValue(int(values["daily_review_limit"]))
        self.reminders.setChecked(bool(values["reminders_enabled"]))
        # Compared as shown, so untouched targets are not pinned on OK.
        values["coding_targets"] = resolve_coding_targets(
            values["coding_targets"], values["target_minutes"]
        )
        self.coding_targets.set_value(values["coding_targets"])
        self.new_limit.setValue(int(values["daily_new_limit"]))
        self.answer_seconds.setValue(int(values["answer_seconds"]))
        self.auto_backup.setChecked(bool(values["auto_backup_enabled"]))
        self.backup_interval.setValue(int(values["auto_backup_interval_minutes"]))
        self.backup_interval.setEnabled(self.auto_backup.isChecked())
        self.theme.setCurrentIndex(max(0, self.theme.findData(theme_manager().choice)))

    def values(self) -> dict[str, Any]:
        """The database settings as shown in the dialog."""
        target = None
        if self.use_target_date.isChecked():
            target = (self.target_date.value() or date.today()).isoformat()
        return {
            "target_date": target,
            "hours_per_weekday": [spin.value() for spin in self.hours],
            "desired_retention": self.retention.value() / 100,
            "daily_review_limit": self.review_limit.value(),
            "reminders_enabled": self.reminders.isChecked(),
            "coding_targets": self.coding_targets.value(),
            "daily_new_limit": self.new_limit.value(),
            "answer_seconds": self.answer_seconds.value(),
            "auto_backup_enabled": self.auto_backup.isChecked(),
            "auto_backup_interval_minutes": self.backup_interval.value(),
        }

    def changed_values(self) -> dict[str, Any]:
        # Only what the user changed is stored, so untouched defaults can still evolve.
        return {k: v for k, v in self.values().items() if self._loaded.get(k) != v}

    def accept(self) -> None:
        if self.use_target_date.isChecked() and not self.target_date.is_valid():
            self.target_date.setFocus()
            return  # the date field says what it cannot read
        changed = self.changed_values()
        problems = [f"{k}: {p}" for k, v in changed.items() if (p := setting_problem(k, v))]
        if problems:
            QMessageBox.warning(self, "Preferences not saved", "\n".join(problems))
            return
        if changed:

            def save(session: Any) -> None:
                repo = SettingsRepository(session)
                for key, value in changed.items():
                    repo.set(key, value)

            self.ops.write(save, initiator=self)
        theme = str(self.theme.currentData())
        if theme != theme_manager().choice:
            theme_manager().set_choice(theme)
        super().accept()
