"""Stories, typed like a person: no write anywhere takes typed text away; all of it is stored.

For each tab with fields (Write: a story with follow-ups, and a project; Questions;
Practice) every field is typed into, then the page writes, someone else writes, and an
app-wide setting changes; every text stays in its field, and after closing and
reopening the window on the same data folder it is stored. (Coverage has no fields.)
"""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from prepdesk.store.repositories.projects import ProjectRepository
from prepdesk.store.repositories.questions import QuestionRepository
from prepdesk.store.repositories.rehearsals import RehearsalRepository
from prepdesk.store.repositories.settings import SettingsRepository
from prepdesk.store.repositories.stories import StoryRepository
from prepdesk.ui.pages.stories_page import StoriesPage
from tests.unit.window_reopening import locale, reopened

PARTS = {
    "situation": "Payments waited on a slow model.",
    "task": "Make scoring fast.",
    "action": "I profiled it and cached features.",
    "result": "p99 fell from 480 ms to 95 ms.",
}
POPUP_WARNINGS = "This plugin does not support (raise|grabbing)"


def stories_page(main_window) -> StoriesPage:
    page = main_window.show_page("stories")
    assert isinstance(page, StoriesPage)
    return page


def show_tab(qtbot, page: StoriesPage, title: str) -> None:
    bar = page.tabs.tabBar()
    index = next(i for i in range(bar.count()) if bar.tabText(i) == title)
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())


def stored(ops, story_id: int):
    return ops.read(lambda s: StoryRepository(s).get(story_id))


def outside_writes(ops, story_id: int) -> None:
    """Someone else tags this very story; then an app-wide setting changes."""
    competency_id = ops.read(lambda s: QuestionRepository(s).competencies()[0].id)
    ops.write(lambda s: StoryRepository(s).set_competency(story_id, competency_id, True))
    ops.write(lambda s: SettingsRepository(s).set("daily_review_limit", 12))


def test_a_story_and_its_follow_ups_survive_every_write(qtbot, main_window, ops, paths):
    page = stories_page(main_window)
    story_id = page.new_story()
    editor = page.story_editor
    qtbot.keyClicks(editor.title, "Cutting fraud latency")
    for part, text in PARTS.items():
        qtbot.keyClicks(editor.parts[part], text)
    qtbot.keyClicks(editor.metrics, "p99 480 to 95 ms")
    # Writes on the page: two follow-ups added, typed into with Tab between the fields.
    qtbot.mouseClick(editor.follow_ups.add_button, Qt.MouseButton.LeftButton)
    first = editor.follow_ups.rows[0]
    assert QApplication.focusWidget() is first.question
    qtbot.keyClicks(first.question, "Why not a GPU?")
    qtbot.keyClick(first.question, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is first.notes
    qtbot.keyClicks(first.notes, "Cost per request.")
    qtbot.mouseClick(editor.follow_ups.add_button, Qt.MouseButton.LeftButton)
    second = editor.follow_ups.rows[1]
    assert editor.follow_ups.rows[0] is first  # the first row was kept, not rebuilt
    qtbot.keyClicks(second.question, "What would you do next?")
    # More writes on the page: a competency tagged and a question linked.
    chips = editor.competencies
    chips.setFocus()
    chips.setCurrentItem(chips.item_for("Leadership"))
    qtbot.keyClick(chips, Qt.Key.Key_Space)
    qtbot.mouseClick(editor.questions.link_button, Qt.MouseButton.LeftButton)
    second.question.setFocus()
    qtbot.keyClicks(second.question, " Shadow traffic.")
    outside_writes(ops, story_id)

    assert editor.title.text() == "Cutting fraud latency"
    assert {p: editor.parts[p].toPlainText() for p in PARTS} == PARTS
    assert editor.metrics.text() == "p99 480 to 95 ms"
    assert (first.question.text(), first.notes.toPlainText()) == (
        "Why not a GPU?",
        "Cost per request.",
    )
    assert second.question.text() == "What would you do next? Shadow traffic."
    assert len(stored(ops, story_id).competencies) == 2  # both tags arrived

    with reopened(qtbot, main_window, paths) as window:
        story = stored(ops, story_id)
        assert story.title == "Cutting fraud latency"
        assert {p: story.text(p) for p in PARTS} == PARTS
        assert story.metrics == "p99 480 to 95 ms"
        assert [(f.question, f.answer_notes) for f in story.follow_ups] == [
            ("Why not a GPU?", "Cost per request."),
            ("What would you do next? Shadow traffic.", ""),
        ]
        again = stories_page(window)
        again.tree.select_entry("story", story_id)
        assert again.story_editor.parts["result"].toPlainText() == PARTS["result"]
        assert again.story_editor.follow_ups.rows[1].question.text().endswith("traffic.")


def test_tab_goes_question_answer_next_and_never_reaches_remove(qtbot, main_window, ops):
    page = stories_page(main_window)
    page.new_story()
    follow_ups = page.story_editor.follow_ups
    for _ in range(2):
        qtbot.mouseClick(follow_ups.add_button, Qt.MouseButton.LeftButton)
    first, second = follow_ups.rows
    first.question.setFocus()
    visited = []
    for _ in range(4):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        visited.append(QApplication.focusWidget())
    assert visited == [first.notes, second.question, second.notes, follow_ups.add_button]
    assert first.remove_button.focusPolicy() == Qt.FocusPolicy.NoFocus
    # Tab then Space from a question types a space in the answer; nothing is removed.
    first.question.setFocus()
    qtbot.keyClick(first.question, Qt.Key.Key_Tab)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)
    assert len(follow_ups.rows) == 2
    assert first.notes.toPlainText() == " "


def test_removing_a_follow_up_with_text_asks_first(qtbot, main_window, ops):
    page = stories_page(main_window)
    story_id = page.new_story()
    editor = page.story_editor
    for _ in range(2):
        qtbot.mouseClick(editor.follow_ups.add_button, Qt.MouseButton.LeftButton)
    written, empty = editor.follow_ups.rows
    qtbot.waitUntil(lambda: empty.remove_button.height() > 0)  # laid out, clickable
    qtbot.keyClicks(written.question, "Why Redis?")

    qtbot.mouseClick(empty.remove_button, Qt.MouseButton.LeftButton)  # no text: at once
    assert [f.question for f in stored(ops, story_id).follow_ups] == ["Why Redis?"]

    qtbot.mouseClick(written.remove_button, Qt.MouseButton.LeftButton)
    box = editor.confirm_box
    assert isinstance(box, QMessageBox) and "Why Redis?" in box.text()
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Cancel), Qt.MouseButton.LeftButton)
    assert [f.question for f in stored(ops, story_id).follow_ups] == ["Why Redis?"]
    assert editor.follow_ups.rows == [written]

    qtbot.mouseClick(written.remove_button, Qt.MouseButton.LeftButton)
    yes = editor.confirm_box.button(QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(yes, Qt.MouseButton.LeftButton)
    assert stored(ops, story_id).follow_ups == ()
    assert editor.follow_ups.rows == []


def test_a_project_and_its_typed_dates_survive_every_write(qtbot, main_window, ops, paths):
    with locale("en_US"):
        page = stories_page(main_window)
        project_id = page.new_project()
        editor = page.project_editor
        # Someone else writes this very project first, while everything typed is unsaved.
        qtbot.keyClicks(editor.name, "Fraud model")
        qtbot.keyClicks(editor.role, "Tech lead")
        qtbot.keyClicks(editor.started.line, "2024-02-01")  # ISO
        qtbot.keyClicks(editor.ended.line, "3/14/25")  # the locale's own format
        for field, edit in editor.fields.items():
            qtbot.keyClicks(edit, f"{field} text")
        assert editor.form.is_editing()
        ops.write(lambda s: ProjectRepository(s).update(project_id, {"tech_stack": "theirs"}))
        # A write on the page (a story of this project), and an app-wide change.
        story_id = ops.write(
            lambda s: StoryRepository(s).create("A story", project_id), initiator=page
        )
        outside_writes(ops, story_id)
        assert editor.name.text() == "Fraud model"
        assert editor.role.text() == "Tech lead"
        assert editor.started.value() == date(2024, 2, 1)
        assert editor.ended.line.text() == "3/14/25"
        assert {f: e.toPlainText() for f, e in editor.fields.items()} == {
            f: f"{f} text" for f in editor.fields
        }

        with reopened(qtbot, main_window, paths) as window:
            project = ops.read(lambda s: ProjectRepository(s).get(project_id))
            assert (project.name, project.role) == ("Fraud model", "Tech lead")
            assert (project.started_on, project.ended_on) == (date(2024, 2, 1), date(2025, 3, 14))
            assert all(project.text(f) == f"{f} text" for f in editor.fields)
            again = stories_page(window)
            again.tree.select_entry("project", project_id)
            assert again.project_editor.ended.line.text() == "14 Mar 2025"  # as dates show


def test_an_unreadable_project_date_is_shown_and_not_saved(qtbot, main_window, ops):
    page = stories_page(main_window)
    project_id = page.new_project()
    editor = page.project_editor
    qtbot.keyClicks(editor.started.line, "last spring")
    assert editor.started.error.isVisible()
    assert "is not a date" in editor.started.error.text()
    editor.save_now()
    assert ops.read(lambda s: ProjectRepository(s).get(project_id)).started_on is None
    assert editor.started.line.text() == "last spring"


@pytest.mark.qt_log_ignore(POPUP_WARNINGS)
def test_the_project_calendar_opens_on_today(qtbot, main_window):
    page = stories_page(main_window)
    page.new_project()
    started = page.project_editor.started
    qtbot.mouseClick(started.calendar_button, Qt.MouseButton.LeftButton)
    assert started.calendar.isVisible()
    assert started.calendar.selectedDate() == QDate.currentDate()
    started.calendar.hide()


def test_the_questions_tab_keeps_what_is_typed(qtbot, main_window, ops):
    page = stories_page(main_window)
    show_tab(qtbot, page, "Questions")
    bank = page.questions
    qtbot.keyClicks(bank.new_question, "Tell me about a launch you stopped.")
    qtbot.keyClicks(bank.new_competency, "Candour")
    # A write on the tab (deleting one of the person's questions), elsewhere and app-wide.
    own = ops.write(lambda s: QuestionRepository(s).add_question("Mine", None))
    bank.tree.setCurrentItem(
        next(i for i in bank.question_items() if i.data(0, Qt.ItemDataRole.UserRole) == own)
    )
    qtbot.mouseClick(bank.delete_button, Qt.MouseButton.LeftButton)
    story_id = ops.write(lambda s: StoryRepository(s).create("Other"))
    outside_writes(ops, story_id)
    assert bank.new_question.text() == "Tell me about a launch you stopped."
    assert bank.new_competency.text() == "Candour"
    qtbot.mouseClick(bank.add_competency_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(bank.add_question_button, Qt.MouseButton.LeftButton)
    texts = [q.text for q in ops.read(lambda s: QuestionRepository(s).questions())]
    assert "Tell me about a launch you stopped." in texts and "Mine" not in texts
    names = [c.name for c in ops.read(lambda s: QuestionRepository(s).competencies())]
    assert "Candour" in names


def test_the_practice_tab_keeps_the_answer_length_and_the_note(qtbot, main_window, ops):
    page = stories_page(main_window)
    story_id = page.new_story()
    qtbot.keyClicks(page.story_editor.title, "Practised story")
    show_tab(qtbot, page, "Practice")
    panel = page.practice
    due = panel.due_list
    item = next(
        due.item(i)
        for i in range(due.count())
        if due.item(i).data(Qt.ItemDataRole.UserRole) == story_id
    )
    qtbot.mouseClick(
        due.viewport(), Qt.MouseButton.LeftButton, pos=due.visualItemRect(item).center()
    )
    assert panel.story.currentData() == story_id
    panel.target.selectAll()
    qtbot.keyClicks(panel.target, "150")
    outside_writes(ops, story_id)
    ops.write(lambda s: SettingsRepository(s).set("answer_seconds", 90))
    assert panel.target.value() == 150
    qtbot.mouseClick(panel.start_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(panel.stop_button, Qt.MouseButton.LeftButton)
    score = panel.scores.button(4)
    qtbot.mouseClick(score, Qt.MouseButton.LeftButton, pos=QPoint(4, score.height() // 2))
    qtbot.keyClicks(panel.note, "say the numbers earlier")
    outside_writes(ops, story_id)
    assert panel.note.text() == "say the numbers earlier"
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    runs = ops.read(lambda s: RehearsalRepository(s).history(story_id=story_id))
    assert [(r.target_seconds, r.score, r.note) for r in runs] == [
        (150, 4, "say the numbers earlier")
    ]
