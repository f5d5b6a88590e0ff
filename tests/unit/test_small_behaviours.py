"""Small behaviours that felt broken (issue 15), driven as a person does on a real SQLite file."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from prepdesk.store.repositories.problems import ProblemInput, ProblemRepository
from prepdesk.ui.pages.practice_page import PracticePage


def click(qtbot, widget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def test_a_second_click_on_add_attempt_logs_nothing_until_the_form_changes(qtbot, main_window, ops):
    problem_id = ops.write(
        lambda s: ProblemRepository(s).add_problem(ProblemInput("Two Sum", "LeetCode", "easy"))
    )
    page = main_window.show_page("practice")
    assert isinstance(page, PracticePage)
    qtbot.waitUntil(page.is_idle)  # the list is read on a worker thread
    page.select_problem(problem_id)
    fields = page.detail.attempt_fields
    qtbot.keyClicks(fields.notes_edit, "hash map")
    add = page.detail.add_attempt_button
    click(qtbot, add)
    click(qtbot, add)  # the person clicks again, or double-clicks
    qtbot.waitUntil(page.is_idle)
    stored = ops.read(lambda s: ProblemRepository(s).detail(problem_id)).attempts
    assert [a.notes for a in stored] == ["hash map"]
    assert fields.notes_edit.text() == ""  # reset, ready for the next one
    assert page.detail.logged_note.isVisible()

    qtbot.keyClicks(fields.notes_edit, "again, faster")  # a change: Add logs the new one
    assert add.isEnabled()
    click(qtbot, add)
    stored = ops.read(lambda s: ProblemRepository(s).detail(problem_id)).attempts
    assert sorted(a.notes for a in stored) == ["again, faster", "hash map"]


def test_the_length_hint_names_the_longest_part(qtbot, main_window):
    from prepdesk.ui.pages.stories_page import StoriesPage

    page = main_window.show_page("stories")
    assert isinstance(page, StoriesPage)
    page.new_story()
    editor = page.story_editor
    qtbot.keyClicks(editor.parts["situation"], "We had a slow model in payments. " * 4)
    qtbot.keyClicks(editor.parts["task"], "Make it fast.")
    qtbot.keyClicks(editor.parts["action"], "I profiled it, cached features and rewrote it. " * 45)
    qtbot.keyClicks(editor.parts["result"], "p99 fell from 480 to 95 ms.")
    hint = editor.warnings.text()
    assert "trim the Action first, the longest part (360 words)" in hint
    assert "Situation first" not in hint


def open_checklist(qtbot, ops, db, *, closed_by_test: bool = False):
    from prepdesk.ui.checklist_window import ChecklistWindow
    from tests.unit.companies_data import NOW, make_company, make_stage

    stage = make_stage(db, make_company(db), "Coding challenge")
    window = ChecklistWindow(ops, stage, clock=lambda: NOW)
    if not closed_by_test:  # it deletes itself on close
        qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_use_automatic_is_found_without_selecting_the_row_first(qtbot, ops, db):
    window = open_checklist(qtbot, ops, db)
    assert not window.auto_button.isEnabled()  # nothing set by hand yet
    labels = ("At least three questions to ask ready", "Products reviewed")
    for label in labels:
        window.tree.setCurrentItem(window.tree_item(label))
        window.tree.setFocus()
        qtbot.keyClick(window.tree, Qt.Key.Key_Space)
        qtbot.waitUntil(lambda label=label: window.tree_item(label).text(1).startswith("Set by"))
    window.tree.setCurrentItem(window.tree_item("Logistics"))  # a heading, not an item
    assert window.auto_button.isEnabled()
    assert window.auto_button.text() == "Use automatic for all (2)"
    click(qtbot, window.auto_button)
    assert not any(window.tree_item(label).text(1).startswith("Set by") for label in labels)
    assert not window.auto_button.isEnabled()


def test_the_checklist_window_closes_with_its_button_and_with_esc(qtbot, ops, db):
    window = open_checklist(qtbot, ops, db, closed_by_test=True)
    window.new_text.setFocus()
    qtbot.keyClicks(window.new_text, "Charge the headphones")
    qtbot.keyClick(window.new_text, Qt.Key.Key_Escape)  # first Esc: the typing goes
    assert window.isVisible() and window.new_text.text() == ""
    with qtbot.waitSignal(window.destroyed):
        qtbot.keyClick(window.new_text, Qt.Key.Key_Escape)

    again = open_checklist(qtbot, ops, db, closed_by_test=True)
    assert again.close_button.text() == "Close"
    with qtbot.waitSignal(again.destroyed):
        click(qtbot, again.close_button)


# The offscreen platform cannot raise the popup nor grab the keyboard for it; not our code.
@pytest.mark.qt_log_ignore("This plugin does not support")
def test_the_question_picker_finds_a_question_by_any_word(qtbot, main_window, ops):
    from prepdesk.store.repositories.stories import StoryRepository
    from prepdesk.ui.pages.stories_page import StoriesPage

    page = main_window.show_page("stories")
    assert isinstance(page, StoriesPage)
    story_id = page.new_story()
    questions = page.story_editor.questions
    picker = questions.picker
    assert picker.count() > 30 and picker.currentText() == ""  # nothing picked for you
    assert not questions.link_button.isEnabled()
    line = picker.lineEdit()
    line.setFocus()
    qtbot.keyClicks(line, "disagreed")  # a word from the middle of the question
    popup = picker.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    shown = [popup.model().index(i, 0).data() for i in range(popup.model().rowCount())]
    assert shown and all("disagreed" in text.lower() for text in shown)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    chosen = line.text()
    assert "disagreed with a teammate" in chosen
    click(qtbot, questions.link_button)
    linked = ops.read(lambda s: StoryRepository(s).get(story_id)).questions
    assert [q.text for q in linked] == [chosen.split(": ", 1)[-1]]
    assert picker.currentText() == ""  # ready to find the next one


def test_the_practice_history_lists_every_run_and_the_list_follows_the_story(qtbot, ops, db):
    from datetime import UTC, datetime, timedelta

    from prepdesk.store.repositories.rehearsals import RehearsalRepository
    from prepdesk.store.repositories.stories import StoryRepository
    from prepdesk.ui.pages.stories_page import StoriesPage

    with db.transaction() as s:
        told = StoryRepository(s).create("Cutting fraud latency", None)
        fresh = StoryRepository(s).create("Migrating the feature store", None)
        for days in (1, 2, 3):
            RehearsalRepository(s).record(
                story_id=told,
                question_id=None,
                when=datetime.now(UTC) - timedelta(days=days),
                target_seconds=120,
                duration_seconds=100,
                score=4,
                note="",
            )
    page = StoriesPage(ops)
    qtbot.addWidget(page)
    page.show()
    panel = page.practice
    page.tabs.setCurrentWidget(panel)
    panel.story.setFocus()
    while panel.story.currentData() != fresh:  # the person picks the other story
        qtbot.keyClick(panel.story, Qt.Key.Key_Down)
    assert panel.history_scope.currentText() == "All runs"
    assert panel.history.topLevelItemCount() == 3  # not "No practice runs yet"
    current = panel.due_list.currentItem()
    assert current is not None and current.text().startswith("Migrating the feature store")

    panel.history_scope.setFocus()
    qtbot.keyClick(panel.history_scope, Qt.Key.Key_Down)  # Runs of this story
    only = panel.history.topLevelItem(0).text(0)
    assert panel.history.topLevelItemCount() == 1 and "Choose All runs" in only


def test_the_practice_empty_state_explains_the_csv_columns_in_the_app(qtbot, main_window):
    from PySide6.QtWidgets import QDialogButtonBox, QLabel

    from prepdesk.io.problems_csv import COLUMNS

    page = main_window.show_page("practice")
    assert isinstance(page, PracticePage)
    assert page.content.currentWidget() is page.empty_state
    shown = " ".join(label.text() for label in page.empty_state.findChildren(QLabel))
    assert "docs/" not in shown and ".md" not in shown
    assert "docs/" not in page.import_button.toolTip()
    click(qtbot, page.columns_button)
    dialog = page.dialog
    qtbot.waitExposed(dialog)
    for column in COLUMNS:
        assert f"<b>{column}</b>" in dialog.text.text()
    click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Close))
    assert not dialog.isVisible()
