"""Practice, typed like a person: a new attempt typed is never lost to a refresh.

The detail pane's new-attempt form is typed into (date, minutes, solved, notes); then
the page writes (the problem edited through its dialog), someone else adds an attempt
to the same problem, and an app-wide setting changes. Everything typed stays; another
problem and back keeps it; Add attempt stores it, and it is there after reopening.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtWidgets import QDialogButtonBox

from prepdesk.store.repositories.problems import AttemptInput, ProblemInput, ProblemRepository
from prepdesk.store.repositories.settings import SettingsRepository
from prepdesk.ui.pages.practice_page import PracticePage
from tests.unit.test_practice_page import practice_page, settled
from tests.unit.window_reopening import locale, reopened


def add_problem(ops, title: str) -> int:
    return ops.write(
        lambda s: ProblemRepository(s).add_problem(ProblemInput(title, "LeetCode", "medium"))
    )


def attempts(ops, problem_id: int):
    return ops.read(lambda s: ProblemRepository(s).detail(problem_id)).attempts


def type_attempt(qtbot, page: PracticePage, day: str) -> None:
    fields = page.detail.attempt_fields
    fields.date_edit.line.clear()
    qtbot.keyClicks(fields.date_edit.line, day)
    fields.minutes_spin.selectAll()
    qtbot.keyClicks(fields.minutes_spin, "42")
    solved = fields.solved_box
    qtbot.mouseClick(solved, Qt.MouseButton.LeftButton, pos=QPoint(4, solved.height() // 2))
    qtbot.keyClicks(fields.notes_edit, "two pointers, finally")


def assert_still_typed(page: PracticePage, day: date) -> None:
    fields = page.detail.attempt_fields
    assert fields.date_edit.value() == day
    assert fields.minutes_spin.value() == 42
    assert fields.solved_box.isChecked()
    assert fields.notes_edit.text() == "two pointers, finally"


def test_a_typed_attempt_survives_every_write_and_is_stored(qtbot, main_window, ops, paths):
    first = add_problem(ops, "Two Sum")
    second = add_problem(ops, "Coin Change")
    page = practice_page(qtbot, main_window)
    page.select_problem(first)
    type_attempt(qtbot, page, "2026-03-14")

    # The page writes: the problem edited through its dialog.
    qtbot.mouseClick(page.detail.edit_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    qtbot.keyClicks(dialog.patterns_edit, "hash map")
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.LeftButton)
    settled(qtbot, page)
    # Someone else logs an attempt of this very problem; an app-wide setting changes.
    when = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
    ops.write(lambda s: ProblemRepository(s).add_attempt(first, AttemptInput(when, 20, False)))
    ops.write(lambda s: SettingsRepository(s).set("daily_review_limit", 12))
    settled(qtbot, page)
    assert page.detail.attempt_list.count() == 1  # the page did refresh
    assert "hash map" in page.detail.facts_label.text()
    assert_still_typed(page, date(2026, 3, 14))

    page.select_problem(second)  # another problem has its own, empty form
    assert page.detail.attempt_fields.notes_edit.text() == ""
    page.select_problem(first)
    assert_still_typed(page, date(2026, 3, 14))

    qtbot.mouseClick(page.detail.add_attempt_button, Qt.MouseButton.LeftButton)
    assert page.detail.attempt_fields.notes_edit.text() == ""  # stored: ready for the next
    with reopened(qtbot, main_window, paths) as window:
        stored = [
            (a.attempted_at.astimezone().date(), a.minutes, a.solved, a.notes)
            for a in attempts(ops, first)
        ]
        assert (date(2026, 3, 14), 42, True, "two pointers, finally") in stored
        again = practice_page(qtbot, window)
        again.select_problem(first)
        assert "two pointers, finally" in again.detail.attempt_list.item(0).text()


def test_an_attempt_date_in_the_locale_format_is_stored(qtbot, main_window, ops):
    problem_id = add_problem(ops, "Two Sum")
    with locale("de_DE"):
        page = practice_page(qtbot, main_window)
        page.select_problem(problem_id)
        fields = page.detail.attempt_fields
        fields.date_edit.line.clear()
        qtbot.keyClicks(fields.date_edit.line, "14.03.26")
        qtbot.mouseClick(page.detail.add_attempt_button, Qt.MouseButton.LeftButton)
    assert [a.attempted_at.astimezone().date() for a in attempts(ops, problem_id)] == [
        date(2026, 3, 14)
    ]


def test_an_unreadable_attempt_date_is_not_stored(qtbot, main_window, ops):
    problem_id = add_problem(ops, "Two Sum")
    page = practice_page(qtbot, main_window)
    page.select_problem(problem_id)
    fields = page.detail.attempt_fields
    fields.date_edit.line.clear()
    qtbot.keyClicks(fields.date_edit.line, "yesterday-ish")
    qtbot.mouseClick(page.detail.add_attempt_button, Qt.MouseButton.LeftButton)
    assert fields.date_edit.error.isVisible()
    assert attempts(ops, problem_id) == ()
    assert fields.date_edit.line.text() == "yesterday-ish"


def test_an_edited_attempt_takes_a_typed_date(qtbot, main_window, ops):
    problem_id = add_problem(ops, "Two Sum")
    when = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
    ops.write(lambda s: ProblemRepository(s).add_attempt(problem_id, AttemptInput(when, 20, False)))
    page = practice_page(qtbot, main_window)
    page.select_problem(problem_id)
    page.detail.attempt_list.setCurrentRow(0)
    qtbot.mouseClick(page.detail.edit_attempt_button, Qt.MouseButton.LeftButton)
    editor = page.dialog
    editor.fields.date_edit.line.clear()
    qtbot.keyClicks(editor.fields.date_edit.line, "2026-02-27")
    qtbot.mouseClick(editor.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.LeftButton)
    assert [a.attempted_at.astimezone().date() for a in attempts(ops, problem_id)] == [
        date(2026, 2, 27)
    ]


@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing)")
def test_the_attempt_calendar_opens_on_today(qtbot, main_window, ops):
    problem_id = add_problem(ops, "Two Sum")
    page = practice_page(qtbot, main_window)
    page.select_problem(problem_id)
    field = page.detail.attempt_fields.date_edit
    qtbot.mouseClick(field.calendar_button, Qt.MouseButton.LeftButton)
    assert field.calendar.isVisible()
    assert field.calendar.selectedDate() == QDate.currentDate()
    assert field.calendar.maximumDate() == QDate.currentDate()  # no attempts in the future
    field.calendar.hide()
