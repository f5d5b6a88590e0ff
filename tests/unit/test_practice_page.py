"""The Practice page, clicked through: dialogs, attempts, filters, CSV import and the model."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox
from sqlalchemy import func, select

from prepdesk.store.models import Attempt, Problem
from prepdesk.store.repositories.problems import AttemptInput, ProblemInput, ProblemRepository
from prepdesk.ui.pages.practice_page import PracticePage
from prepdesk.ui.practice.problem_dialog import ProblemDialog
from prepdesk.ui.practice.problem_table_model import ProblemTableModel
from tests.helpers import REPO


def practice_page(qtbot, main_window) -> PracticePage:
    page = main_window.show_page("practice")
    assert isinstance(page, PracticePage)
    qtbot.waitExposed(page)
    settled(qtbot, page)
    return page


def settled(qtbot, page: PracticePage) -> None:
    """The page's list is read on a worker thread: wait until what changed is shown."""
    qtbot.waitUntil(page.is_idle, timeout=30_000)


def add(ops, title, platform="LeetCode", difficulty="medium", patterns="", attempts=()):
    def write(s):
        repo = ProblemRepository(s)
        pid = repo.add_problem(ProblemInput(title, platform, difficulty, patterns=patterns))
        for attempt in attempts:
            repo.add_attempt(pid, attempt)
        return pid

    return ops.write(write)


def visible_titles(page: PracticePage) -> list[str]:
    return [page.proxy.index(r, 0).data() for r in range(page.proxy.rowCount())]


def test_empty_page_says_what_to_do(qtbot, main_window):
    page = practice_page(qtbot, main_window)
    assert page.content.currentWidget() is page.empty_state
    assert not page.export_button.isEnabled()


def test_new_problem_with_ctrl_n_then_an_attempt(qtbot, main_window, ops):
    page = practice_page(qtbot, main_window)
    page.setFocus()
    qtbot.keyClick(page, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = page.dialog
    assert isinstance(dialog, ProblemDialog)
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.title_edit, "Valid Parentheses")
    dialog.difficulty_box.setCurrentText("Easy")
    qtbot.keyClicks(dialog.patterns_edit, "stack")
    first_algorithm = dialog.topic_list.item(0)
    first_algorithm.setCheckState(Qt.CheckState.Checked)
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.LeftButton)
    assert not dialog.isVisible()
    settled(qtbot, page)

    assert page.content.currentWidget() is page.splitter
    assert visible_titles(page) == ["Valid Parentheses"]
    assert page.selected_problem_id() is not None
    detail = page.detail
    assert detail.title_label.text() == "Valid Parentheses"
    assert "target 15 min" in detail.facts_label.text()
    assert "Topics:" in detail.facts_label.text()

    detail.attempt_fields.minutes_spin.clear()
    qtbot.keyClicks(detail.attempt_fields.minutes_spin, "22")
    solved = detail.attempt_fields.solved_box
    qtbot.mouseClick(solved, Qt.LeftButton, pos=QPoint(4, solved.height() // 2))
    qtbot.keyClicks(detail.attempt_fields.notes_edit, "stack of openers")
    qtbot.mouseClick(detail.add_attempt_button, Qt.LeftButton)
    settled(qtbot, page)

    with ops.db.transaction() as s:
        rows = ProblemRepository(s).list_problems()
    assert [(r.attempt_count, r.last_minutes, r.solved) for r in rows] == [(1, 22, True)]
    assert detail.attempt_list.count() == 1
    assert "22 / 15 min" in detail.attempt_list.item(0).text()
    assert "22 / 15 min" in page.proxy.index(0, 6).data()


def test_duplicate_problem_is_refused_in_the_dialog(qtbot, main_window, ops):
    add(ops, "Two Sum")
    page = practice_page(qtbot, main_window)
    qtbot.mouseClick(page.new_button, Qt.LeftButton)
    dialog = page.dialog
    qtbot.keyClicks(dialog.title_edit, "Two Sum")
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.LeftButton)
    assert dialog.isVisible()
    assert "already in your practice log" in dialog.error_label.text()
    dialog.reject()


def test_edit_and_delete_an_attempt_and_the_problem(qtbot, main_window, ops):
    from datetime import UTC, datetime

    when = datetime(2026, 3, 1, 10, 0, tzinfo=UTC)
    add(ops, "Two Sum", attempts=[AttemptInput(when, 40, False, "slow")])
    page = practice_page(qtbot, main_window)
    page.detail.attempt_list.setCurrentRow(0)
    qtbot.mouseClick(page.detail.edit_attempt_button, Qt.LeftButton)
    editor = page.dialog
    editor.fields.minutes_spin.setValue(25)
    qtbot.mouseClick(editor.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.LeftButton)
    settled(qtbot, page)
    assert "25 / 30 min" in page.detail.attempt_list.item(0).text()

    page.detail.attempt_list.setCurrentRow(0)
    qtbot.mouseClick(page.detail.delete_attempt_button, Qt.LeftButton)
    question = page.dialog
    assert isinstance(question, QMessageBox)
    qtbot.mouseClick(question.button(QMessageBox.StandardButton.Yes), Qt.LeftButton)
    settled(qtbot, page)
    with ops.db.transaction() as s:
        assert s.scalar(select(func.count()).select_from(Attempt)) == 0

    qtbot.mouseClick(page.detail.delete_button, Qt.LeftButton)
    qtbot.mouseClick(page.dialog.button(QMessageBox.StandardButton.Yes), Qt.LeftButton)
    settled(qtbot, page)
    with ops.db.transaction() as s:
        assert s.scalar(select(func.count()).select_from(Problem)) == 0
    assert page.content.currentWidget() is page.empty_state


def test_filters_and_search(qtbot, main_window, ops):
    from datetime import UTC, datetime

    when = datetime(2026, 3, 1, 10, 0, tzinfo=UTC)
    add(
        ops,
        "Two Sum",
        difficulty="easy",
        patterns="hash map",
        attempts=[AttemptInput(when, 10, True)],
    )
    add(
        ops, "Coin Change", patterns="dynamic programming", attempts=[AttemptInput(when, 50, False)]
    )
    add(ops, "Titanic", platform="Kaggle", difficulty="easy", patterns="features, Hash Map")
    page = practice_page(qtbot, main_window)
    assert visible_titles(page) == ["Coin Change", "Titanic", "Two Sum"]

    page.platform_box.setCurrentText("Kaggle")
    assert visible_titles(page) == ["Titanic"]
    page.platform_box.setCurrentIndex(0)
    page.difficulty_box.setCurrentText("Easy")
    assert visible_titles(page) == ["Titanic", "Two Sum"]
    page.solved_box.setCurrentText("Unsolved")
    assert visible_titles(page) == ["Titanic"]
    page.solved_box.setCurrentText("Solved")
    assert visible_titles(page) == ["Two Sum"]
    page.solved_box.setCurrentIndex(0)
    page.difficulty_box.setCurrentIndex(0)
    page.pattern_box.setCurrentText("hash map")
    assert visible_titles(page) == ["Titanic", "Two Sum"]
    page.pattern_box.setCurrentIndex(0)
    qtbot.keyClicks(page.search_edit, "coin")
    assert visible_titles(page) == ["Coin Change"]
    page.search_edit.clear()

    # Sorting by last time uses the minutes, not the text.
    page.table.sortByColumn(6, Qt.SortOrder.DescendingOrder)
    assert visible_titles(page)[0] == "Coin Change"


def test_table_model_passes_qt_model_tester(qtmodeltester, db):
    from datetime import date

    from prepdesk.store.demo import fill_demo_data

    with db.transaction() as s:
        fill_demo_data(s, date(2026, 11, 24))
    with db.transaction() as s:
        rows = ProblemRepository(s).list_problems()
    model = ProblemTableModel()
    model.set_rows(rows)
    qtmodeltester.check(model)


def _import_through_the_button(qtbot, page: PracticePage, path: Path) -> tuple[bool, str]:
    qtbot.mouseClick(page.import_button, Qt.LeftButton)
    chooser = page.csv.file_dialog
    assert chooser is not None
    with qtbot.waitSignal(page.csv.finished, timeout=30_000) as blocker:
        chooser.selectFile(str(path))
        chooser.accept()
    shown = page.csv.message_box
    assert shown is not None and shown.isVisible()
    assert blocker.args[1] in shown.text()
    shown.accept()
    return blocker.args[0], blocker.args[1]


def test_import_a_good_csv_through_the_ui(qtbot, main_window):
    page = practice_page(qtbot, main_window)
    ok, message = _import_through_the_button(qtbot, page, REPO / "docs" / "sample-problems.csv")
    assert ok, message
    assert "5 new problems" in message
    settled(qtbot, page)
    assert page.model.rowCount() == 5
    assert page.content.currentWidget() is page.splitter


def test_import_a_bad_csv_through_the_ui_writes_nothing(qtbot, main_window, ops, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "title,difficulty,date,minutes\nA,easy,2026-01-01,10\nB,extreme,,\n", encoding="utf-8"
    )
    page = practice_page(qtbot, main_window)
    ok, message = _import_through_the_button(qtbot, page, bad)
    assert not ok
    assert "row 3, column 'difficulty': expected easy, medium or hard, got 'extreme'" in message
    assert page.csv.message_box.windowTitle() == "Nothing imported"
    with ops.db.transaction() as s:
        assert s.scalar(select(func.count()).select_from(Problem)) == 0
    assert page.model.rowCount() == 0


def test_a_long_import_shows_progress_and_the_window_stays_usable(qtbot, main_window, tmp_path):
    rows = ["title,platform,difficulty,patterns,date,minutes,solved"]
    rows += [
        f"Bulk {i:05d},LeetCode,medium,hash map,2026-01-01T09:00,20,yes" for i in range(10_000)
    ]
    big = tmp_path / "big.csv"
    big.write_text("\n".join(rows) + "\n", encoding="utf-8")
    page = practice_page(qtbot, main_window)
    progress = main_window.status_progress
    qtbot.mouseClick(page.import_button, Qt.LeftButton)
    chooser = page.csv.file_dialog
    chooser.selectFile(str(big))
    with qtbot.waitSignal(page.csv.finished, timeout=120_000) as blocker:
        chooser.accept()
        # While the file is read and written, the status bar says so and the window
        # still answers: the search field takes typing.
        qtbot.waitUntil(progress.isVisible, timeout=60_000)
        assert big.name in progress.label.text()
        qtbot.keyClicks(page.search_edit, "Bulk 0000")
        assert page.search_edit.text() == "Bulk 0000"
    assert blocker.args[0], blocker.args[1]
    assert "10000 new problems" in blocker.args[1]
    assert not progress.isVisible()
    page.csv.message_box.accept()
