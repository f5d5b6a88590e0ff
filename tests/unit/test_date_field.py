"""DateField, typed and clicked: ISO, the locale's format, errors, clearing, the calendar."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QTableView

from prepdesk.ui.date_field import DateField
from tests.unit.window_reopening import locale

TODAY = date(2026, 11, 30)


def make_field(qtbot, **kwargs) -> DateField:
    field = DateField("Started", today=lambda: TODAY, **kwargs)
    qtbot.addWidget(field)
    field.show()
    qtbot.waitExposed(field)
    return field


def test_iso_typed_is_read_and_reported(qtbot):
    field = make_field(qtbot)
    with qtbot.waitSignal(field.edited):
        qtbot.keyClicks(field.line, "2026-03-14")
    assert field.value() == date(2026, 3, 14)
    assert field.is_valid() and field.error.isHidden()


def test_the_locale_format_is_read_and_shown(qtbot):
    with locale("en_US"):
        field = make_field(qtbot)
        qtbot.keyClicks(field.line, "3/14/26")
        assert field.value() == date(2026, 3, 14)
        qtbot.keyClick(field.line, Qt.Key.Key_Return)  # done: shown as every date on screen
        assert field.line.text() == "14 Mar 2026"
        field.line.clear()
        qtbot.keyClicks(field.line, "2026-01-02")
        qtbot.keyClick(field.line, Qt.Key.Key_Return)
        assert field.value() == date(2026, 1, 2)
        assert field.line.text() == "2 Jan 2026"
        field.line.clear()
        qtbot.keyClicks(field.line, "Mar 5, 2026")  # what the field shows reads back
        assert field.value() == date(2026, 3, 5)


def test_unreadable_text_shows_an_error_and_keeps_the_last_date(qtbot):
    field = make_field(qtbot)
    field.set_value(date(2026, 3, 14))
    field.line.clear()
    edits = []
    field.edited.connect(lambda: edits.append(field.value()))
    qtbot.keyClicks(field.line, "next tuesday")
    assert not field.is_valid()
    assert field.error.isVisible()
    assert "is not a date" in field.error.text() and "2026-03-14" in field.error.text()
    assert field.line.property("invalid") is True
    assert field.line.text() == "next tuesday"  # the text stays to be corrected
    assert field.value() == date(2026, 3, 14)
    assert edits == []
    field.line.clear()
    qtbot.keyClicks(field.line, "2026-02-30")
    assert "not a day of the calendar" in field.error.text()
    field.line.clear()
    qtbot.keyClicks(field.line, "2026-02-28")
    assert field.is_valid() and field.error.isHidden()
    assert field.value() == date(2026, 2, 28)


def test_clearing_means_no_date(qtbot):
    field = make_field(qtbot)
    field.set_value(date(2026, 3, 14))
    field.line.selectAll()
    with qtbot.waitSignal(field.edited):
        qtbot.keyClick(field.line, Qt.Key.Key_Delete)
    assert field.value() is None and field.is_valid()


def test_a_date_after_the_latest_is_refused(qtbot):
    field = make_field(qtbot, latest=lambda: TODAY)
    qtbot.keyClicks(field.line, "2026-12-25")
    assert "is in the future" in field.error.text()
    assert field.value() is None


# The offscreen plugin cannot raise a popup or grab the keyboard for it, and says so.
POPUP_WARNINGS = pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing)")


@POPUP_WARNINGS
def test_the_calendar_opens_on_today_then_on_the_value_and_picks(qtbot):
    field = make_field(qtbot)
    qtbot.mouseClick(field.calendar_button, Qt.MouseButton.LeftButton)
    assert field.calendar.isVisible()
    assert field.calendar.selectedDate() == QDate(TODAY)
    assert (field.calendar.yearShown(), field.calendar.monthShown()) == (2026, 11)
    with qtbot.waitSignal(field.edited):
        field.calendar.setSelectedDate(QDate(2026, 11, 3))
        qtbot.keyClick(field.calendar.findChild(QTableView), Qt.Key.Key_Return)
    assert not field.calendar.isVisible()
    assert field.value() == date(2026, 11, 3)
    assert field.line.text() == "3 Nov 2026"

    field.set_value(date(2024, 2, 29))
    qtbot.mouseClick(field.calendar_button, Qt.MouseButton.LeftButton)
    assert field.calendar.selectedDate() == QDate(2024, 2, 29)
    field.calendar.hide()
