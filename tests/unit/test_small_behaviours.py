"""Small behaviours that felt broken (issue 15), driven as a person does on a real SQLite file."""

from __future__ import annotations

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
    page.select_problem(problem_id)
    fields = page.detail.attempt_fields
    qtbot.keyClicks(fields.notes_edit, "hash map")
    add = page.detail.add_attempt_button
    click(qtbot, add)
    click(qtbot, add)  # the person clicks again, or double-clicks
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
