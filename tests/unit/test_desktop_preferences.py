"""Preferences: set everything, close the window and the database, reopen: still set."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from prepdesk.store.changes import Change
from prepdesk.store.database import Database
from prepdesk.store.repositories.settings import DEFAULTS, SettingsRepository
from prepdesk.ui.main_window import MainWindow
from prepdesk.ui.operations import Operations
from prepdesk.ui.preferences_dialog import PreferencesDialog
from prepdesk.ui.theme import theme_manager


@pytest.fixture(autouse=True)
def light_theme_after(qapp):
    yield
    theme_manager().set_choice("light", remember=False)


def _set_spin(qtbot, spin, value):
    spin.selectAll()
    qtbot.keyClicks(spin, str(value))


def test_preferences_round_trip_across_a_restart(qtbot, paths):
    db = Database.open(paths)
    ops = Operations(db)
    window = MainWindow(ops)
    qtbot.addWidget(window)
    window.show()
    dialog = PreferencesDialog(ops, window)
    qtbot.addWidget(dialog)
    dialog.show()

    qtbot.mouseClick(dialog.use_target_date, Qt.MouseButton.LeftButton)
    dialog.target_date.line.clear()
    qtbot.keyClicks(dialog.target_date.line, "2031-03-14")
    for spin, hours in zip(dialog.hours, [1, 1.5, 2, 2.5, 3, 6, 0], strict=True):
        _set_spin(qtbot, spin, hours)
    _set_spin(qtbot, dialog.retention, 85)
    _set_spin(qtbot, dialog.review_limit, 120)
    _set_spin(qtbot, dialog.target_minutes["hard"], 60)
    _set_spin(qtbot, dialog.answer_seconds, 180)
    qtbot.mouseClick(dialog.auto_backup, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.reminders, Qt.MouseButton.LeftButton)
    dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))

    writes = []
    ops.changed.connect(writes.append)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert [w.changes for w in writes] == [Change.SETTINGS]  # one operation for everything
    assert theme_manager().dark
    window.close()
    db.close()

    theme_manager().set_choice("light", remember=False)
    reopened = Database.open(paths)
    try:
        stored = Operations(reopened).read(lambda s: SettingsRepository(s).all())
        assert stored["target_date"] == "2031-03-14"
        assert stored["hours_per_weekday"] == [1.0, 1.5, 2.0, 2.5, 3.0, 6.0, 0.0]
        assert stored["desired_retention"] == pytest.approx(0.85)
        assert stored["daily_review_limit"] == 120
        assert stored["target_minutes"] == {"easy": 15, "medium": 30, "hard": 60}
        assert stored["answer_seconds"] == 180
        assert stored["auto_backup_enabled"] is False
        assert stored["reminders_enabled"] is False
        # The theme is per machine: a new application start reads it from QSettings.
        theme_manager().load()
        assert theme_manager().choice == "dark"
        second = PreferencesDialog(Operations(reopened))
        qtbot.addWidget(second)
        assert second.use_target_date.isChecked()
        assert second.target_date.value() == date(2031, 3, 14)
        assert second.retention.value() == 85
        assert second.theme.currentData() == "dark"
        assert not second.backup_interval.isEnabled()
    finally:
        reopened.close()


def test_cancel_changes_nothing_and_untouched_values_are_not_pinned(qtbot, ops):
    dialog = PreferencesDialog(ops)
    qtbot.addWidget(dialog)
    dialog.show()
    _set_spin(qtbot, dialog.review_limit, 7)
    dialog.reject()
    assert ops.read(lambda s: SettingsRepository(s).get("daily_review_limit")) == 50

    again = PreferencesDialog(ops)
    qtbot.addWidget(again)
    again.show()
    _set_spin(qtbot, again.answer_seconds, 90)
    assert again.changed_values() == {"answer_seconds": 90}
    qtbot.mouseClick(again.ok_button, Qt.MouseButton.LeftButton)
    stored = ops.read(lambda s: SettingsRepository(s).all())
    assert stored["answer_seconds"] == 90
    assert stored["daily_review_limit"] == DEFAULTS["daily_review_limit"]


def test_ctrl_comma_opens_preferences_with_the_data_folder(qtbot, main_window, paths):
    seen = []

    def inspect():
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, PreferencesDialog):
            seen.append(dialog.data_folder.text())
            dialog.reject()
        else:
            QTimer.singleShot(20, inspect)

    QTimer.singleShot(0, inspect)
    qtbot.keyClick(main_window, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    assert seen == [str(paths.root)]
